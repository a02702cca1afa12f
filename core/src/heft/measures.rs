//! Body and outcome measurements in the database: recording and deleting
//! them (each one undo step), listing them, and their trends. The rules
//! (units and checks, reference bands, DXA precision, changes over time)
//! are pure and live in [`crate::measures`]; this side reads the rows,
//! calls them and writes what they return.

use chrono::NaiveDate;

use super::Heft;
use super::undo::{self, Inverse};
use crate::Result;
use crate::measures::{NewMeasurement, Trend};
use crate::model::{MeasureKind, Measurement, Profile};
use crate::store;
use crate::store::profile::read as read_profile;
use crate::text::Phrase;

/// What an undo step did to measurement `m`, as message `id` says it:
/// "measured grip strength 31 kg (left hand)".
fn measurement_label(id: &str, m: &Measurement) -> Phrase {
    let phrase = Phrase::new(id)
        .word("kind", format!("measure-word-{}", m.kind.as_str()))
        .measure("value", m.value, m.unit);
    match m.site {
        Some(site) => phrase
            .choice("at", "site")
            .word("site", format!("measure-site-{}", site.as_str())),
        None => phrase.choice("at", "none"),
    }
}

impl Heft {
    /// Records a measurement (one undo step).
    pub fn add_measurement(&self, new: NewMeasurement) -> Result<Measurement> {
        self.write(|tx, stamp| {
            let profile = read_profile(tx)?;
            let id = uuid::Uuid::now_v7().to_string();
            let m = new.into_measurement(id, profile.unit, stamp.now())?;
            store::measurements::insert(tx, &m, &stamp.next())?;
            undo::record(
                tx,
                stamp,
                measurement_label("undo-measured-value", &m),
                &Inverse::RemoveMeasurement { id: m.id.clone() },
            )?;
            Ok(m)
        })
    }

    /// Deletes measurement `id` (a tombstone that syncs; one undo step).
    pub fn delete_measurement(&self, id: &str) -> Result<Measurement> {
        self.write(|tx, stamp| {
            let m = store::measurements::by_id(tx, id)?;
            store::measurements::delete(tx, id, &stamp.next())?;
            undo::record(
                tx,
                stamp,
                measurement_label("undo-deleted-measurement-value", &m),
                &Inverse::RestoreMeasurement { id: id.to_owned() },
            )?;
            Ok(m)
        })
    }

    /// One live measurement.
    pub fn measurement(&self, id: &str) -> Result<Measurement> {
        self.read(|conn| store::measurements::by_id(conn, id))
    }

    /// Live measurements, of one kind or all, oldest first. Rows of a kind,
    /// unit or site this version does not know (written by a newer Heft on
    /// another device) are kept and synced but left out.
    pub fn measurements(&self, kind: Option<MeasureKind>) -> Result<Vec<Measurement>> {
        self.read(|conn| store::measurements::live(conn, kind))
    }

    /// The full id of the live measurement whose id is or ends with
    /// `fragment` (tables show the last 8 characters).
    pub fn resolve_measurement_id(&self, fragment: &str) -> Result<String> {
        self.resolve_short_id("measurement", "measurement", fragment)
    }

    /// Every series (kind and site) with its first, previous and latest
    /// value, the changes, and the reference band of the latest value for
    /// this `profile`; ordered by kind, then site.
    pub fn measure_trends(&self, today: NaiveDate, profile: &Profile) -> Result<Vec<Trend>> {
        let all = self.measurements(None)?;
        Ok(Trend::all(&all, today, profile))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::Error;
    use crate::heft::test_support::{heft, heft_at};
    use crate::measures::{BandStatus, Change, DxaCall};
    use crate::model::{LogTime, MeasureUnit, ProfileUpdate, Sex, Site, WeightUnit};
    use crate::progress::NoProgress;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn on(kind: MeasureKind, value: f64, unit: MeasureUnit, date: NaiveDate) -> NewMeasurement {
        NewMeasurement {
            unit: Some(unit),
            at: LogTime::OnDate(date),
            ..NewMeasurement::new(kind, value)
        }
    }

    fn at_site(new: NewMeasurement, site: Site) -> NewMeasurement {
        NewMeasurement {
            site: Some(site),
            ..new
        }
    }

    #[test]
    fn add_list_delete_and_undo() {
        let h = heft();
        let m = h
            .add_measurement(at_site(
                on(MeasureKind::Grip, 31.0, MeasureUnit::Kg, day(2026, 11, 20)),
                Site::Left,
            ))
            .unwrap();
        assert_eq!(m.kind, MeasureKind::Grip);
        assert_eq!(m.site, Some(Site::Left));
        assert_eq!(m.measured_at.0.to_rfc3339(), "2026-11-20T12:00:00+01:00");
        assert_eq!(h.measurements(None).unwrap(), vec![m.clone()]);
        assert_eq!(h.measurements(Some(MeasureKind::Grip)).unwrap().len(), 1);
        assert!(h.measurements(Some(MeasureKind::Bmd)).unwrap().is_empty());

        assert_eq!(
            h.undo().unwrap().undone,
            "measured grip strength 31 kg (left hand)"
        );
        assert!(h.measurements(None).unwrap().is_empty());
        assert!(matches!(h.measurement(&m.id), Err(Error::NotFound { .. })));

        let m = h
            .add_measurement(on(
                MeasureKind::Steps,
                8000.0,
                MeasureUnit::StepsPerDay,
                day(2026, 11, 23),
            ))
            .unwrap();
        let tail = &m.id[m.id.len() - 8..];
        assert_eq!(h.resolve_measurement_id(tail).unwrap(), m.id);
        assert_eq!(h.delete_measurement(&m.id).unwrap(), m);
        assert!(h.measurements(None).unwrap().is_empty());
        assert!(matches!(
            h.delete_measurement(&m.id),
            Err(Error::NotFound { .. })
        ));
        assert_eq!(h.undo().unwrap().undone, "deleted steps 8000 steps a day");
        assert_eq!(h.measurements(None).unwrap(), vec![m]);
        assert_eq!(
            h.resolve_measurement_id("xy").unwrap_err().field(),
            Some("id")
        );
    }

    #[test]
    fn a_bare_number_takes_the_profile_unit_for_weights_and_the_kinds_unit_otherwise() {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(WeightUnit::Lb),
            ..Default::default()
        })
        .unwrap();
        let grip = h
            .add_measurement(NewMeasurement::parse("grip", "70").unwrap())
            .unwrap();
        assert_eq!((grip.value, grip.unit), (70.0, MeasureUnit::Lb));
        let kg = h
            .add_measurement(NewMeasurement::parse("body_weight", "72,5kg").unwrap())
            .unwrap();
        assert_eq!((kg.value, kg.unit), (72.5, MeasureUnit::Kg));
        let tug = h
            .add_measurement(NewMeasurement::parse("tug", "9.5").unwrap())
            .unwrap();
        assert_eq!(tug.unit, MeasureUnit::Seconds);
        let vat = h.add_measurement(NewMeasurement::parse("visceral_fat", "9").unwrap());
        assert_eq!(vat.unwrap_err().field(), Some("unit"));
        let level = h
            .add_measurement(NewMeasurement::parse("visceral_fat", "9level").unwrap())
            .unwrap();
        assert_eq!(level.value_text(), "level 9");
    }

    #[test]
    fn invalid_measurements_write_nothing_and_name_the_field() {
        let h = heft();
        let parse = |k: &str, v: &str| {
            NewMeasurement::parse(k, v).map_err(|e| e.field().map(str::to_owned))
        };
        assert_eq!(
            parse("height", "180").unwrap_err().as_deref(),
            Some("measure")
        );
        assert_eq!(
            parse("grip", "thirty").unwrap_err().as_deref(),
            Some("value")
        );
        let cases: Vec<(NewMeasurement, &str)> = vec![
            (NewMeasurement::parse("t_score", "-1.8").unwrap(), "site"),
            (
                at_site(
                    NewMeasurement::parse("t_score", "72kg").unwrap(),
                    Site::LumbarSpine,
                ),
                "unit",
            ),
            (
                at_site(
                    NewMeasurement::parse("body_weight", "72").unwrap(),
                    Site::Left,
                ),
                "site",
            ),
            (
                at_site(
                    NewMeasurement::new(MeasureKind::TScore, f64::NAN),
                    Site::TotalHip,
                ),
                "value",
            ),
            (
                NewMeasurement::new(MeasureKind::Grip, f64::INFINITY),
                "value",
            ),
            (NewMeasurement::new(MeasureKind::Steps, -1.0), "value"),
            (
                NewMeasurement {
                    at: LogTime::OnDate(day(2026, 11, 25)),
                    ..NewMeasurement::new(MeasureKind::Steps, 100.0)
                },
                "date",
            ),
            (
                NewMeasurement {
                    note: Some("x".repeat(2001)),
                    ..NewMeasurement::new(MeasureKind::Steps, 100.0)
                },
                "note",
            ),
        ];
        for (new, field) in cases {
            let err = h.add_measurement(new.clone()).unwrap_err();
            assert_eq!(err.field(), Some(field), "{new:?}: {err}");
        }
        assert!(h.measurements(None).unwrap().is_empty());
        assert!(matches!(h.undo(), Err(Error::NothingToUndo)));
        // Grip takes a hand, or none.
        let hand = h
            .add_measurement(at_site(
                NewMeasurement::parse("grip", "31").unwrap(),
                Site::Right,
            ))
            .unwrap();
        assert_eq!(hand.site, Some(Site::Right));
    }

    #[test]
    fn a_measurement_syncs_to_another_device() {
        let a = heft();
        let m = a
            .add_measurement(NewMeasurement {
                note: Some("  DXA at the clinic ".into()),
                ..at_site(
                    on(MeasureKind::TScore, -1.8, MeasureUnit::Sd, day(2026, 3, 1)),
                    Site::LumbarSpine,
                )
            })
            .unwrap();
        assert_eq!(m.note.as_deref(), Some("DXA at the clinic"));
        let b = heft_at("2026-11-25T08:00:00+01:00");
        let mut file = Vec::new();
        a.export_to(&mut file, None).unwrap();
        b.import_from(Box::new(file.as_slice()), None, &NoProgress)
            .unwrap();
        assert_eq!(b.measurements(None).unwrap(), vec![m.clone()]);
        assert_eq!(b.content_hash().unwrap(), a.content_hash().unwrap());

        // A deletion travels too.
        a.delete_measurement(&m.id).unwrap();
        let mut file = Vec::new();
        a.export_to(&mut file, None).unwrap();
        b.import_from(Box::new(file.as_slice()), None, &NoProgress)
            .unwrap();
        assert!(b.measurements(None).unwrap().is_empty());
        assert_eq!(b.content_hash().unwrap(), a.content_hash().unwrap());
    }

    #[test]
    fn rows_of_unknown_kinds_from_newer_versions_are_skipped() {
        let h = heft();
        h.add_measurement(NewMeasurement::parse("steps", "9000").unwrap())
            .unwrap();
        h.read(|c| {
            c.execute(
                "INSERT INTO measurement (id, kind, site, value, unit, measured_at_ms, offset_min, note, hlc, deleted)
                 VALUES ('x1', 'height', NULL, 180, 'cm', 0, 0, NULL, '', 0),
                        ('x2', 'grip', 'elbow', 30, 'kg', 0, 0, NULL, '', 0)",
                [],
            )?;
            Ok(())
        })
        .unwrap();
        assert_eq!(h.measurements(None).unwrap().len(), 1);
        assert_eq!(
            h.measure_trends(day(2026, 11, 24), &Profile::default())
                .unwrap()
                .len(),
            1
        );
        assert!(matches!(h.measurement("x1"), Err(Error::NotFound { .. })));
    }

    #[test]
    fn trends_compare_first_previous_and_latest_in_the_latest_unit() {
        let h = heft();
        let w = |v, u, d| {
            h.add_measurement(on(MeasureKind::BodyWeight, v, u, d))
                .unwrap()
        };
        w(82.0, MeasureUnit::Kg, day(2026, 1, 1));
        w(176.0, MeasureUnit::Lb, day(2026, 6, 1));
        w(78.5, MeasureUnit::Kg, day(2026, 11, 1));
        let trends = h
            .measure_trends(day(2026, 11, 24), &Profile::default())
            .unwrap();
        assert_eq!(trends.len(), 1);
        let t = &trends[0];
        assert_eq!(
            (t.kind, t.site, t.unit, t.count),
            (MeasureKind::BodyWeight, None, MeasureUnit::Kg, 3)
        );
        assert_eq!(t.first.value, 82.0);
        assert_eq!(t.previous.as_ref().map(|p| p.value), Some(176.0));
        assert_eq!(t.latest.value, 78.5);
        assert_eq!(t.days_since_latest, 23);
        assert_eq!(t.band, None);
        // 82 -> 78.5: -3.5 kg, -3.5 / 82 = -4.268% over 304 days.
        assert_eq!(
            t.since_first,
            Some(Change {
                from: 82.0,
                absolute: -3.5,
                percent: Some(-4.27),
                days: 304,
                dxa: None
            })
        );
        // 176 lb = 79.832 kg; 78.5 - 79.832 = -1.332 kg = -1.6685%, 153 days.
        assert_eq!(
            t.since_previous,
            Some(Change {
                from: 79.832,
                absolute: -1.332,
                percent: Some(-1.67),
                days: 153,
                dxa: None
            })
        );
    }

    #[test]
    fn the_latest_value_gets_its_band_in_the_trend() {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            birth_year: Some(1958),
            sex: Some(Sex::Female),
            ..Default::default()
        })
        .unwrap();
        let t = |v, d| {
            at_site(
                on(MeasureKind::TScore, v, MeasureUnit::Sd, d),
                Site::FemoralNeck,
            )
        };
        h.add_measurement(t(-2.6, day(2024, 10, 1))).unwrap();
        h.add_measurement(t(-2.1, day(2026, 3, 1))).unwrap();
        let profile = h.profile().unwrap();
        let trends = h.measure_trends(h.now().date_naive(), &profile).unwrap();
        let tr = &trends[0];
        assert_eq!(
            tr.band.as_ref().map(|b| (b.status, b.heuristic)),
            Some((BandStatus::Watch, true))
        );
        let c = tr.since_previous.as_ref().unwrap();
        assert_eq!(
            (c.absolute, c.percent, c.dxa),
            (0.5, None, Some(DxaCall::Change))
        );
        assert_eq!(tr.since_first, tr.since_previous);
        let json = serde_json::to_value(tr).unwrap();
        assert_eq!(json["band"]["source"], "WHO");
        assert_eq!(json["band"]["status"], "watch");
        assert_eq!(json["since_previous"]["dxa"], "change");
        assert_eq!(json["latest"]["site"], "femoral_neck");
        assert_eq!(json["latest"]["unit"], "sd");
    }
}
