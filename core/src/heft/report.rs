//! The progress report: what the page shows, read from the store.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Heft;
use super::analytics::{read_charts, read_records_on};
use crate::Result;
use crate::report::{self, PainScore, ReportData, ReportInput};
use crate::store::profile::read as read_profile;

impl Heft {
    /// The progress report for `today` over the whole history: weekly
    /// minutes against the band, main-lift e1RM, records, every measure with
    /// its reference bands, and the clinician's page. Render it with
    /// [`crate::report::render_html`]; the phone apps draw the same data.
    ///
    /// Everything is read in one read transaction: the page shows one
    /// snapshot even while another process (the CLI beside an app) writes.
    pub fn report(&self, today: NaiveDate) -> Result<ReportData> {
        self.check_day(today, 1)?;
        self.read_snapshot(|conn| {
            let profile = read_profile(conn)?;
            let from = crate::store::workouts::first_local_day(conn)?
                .unwrap_or(today)
                .min(today);
            self.check_period(from, today)?;
            let charts = read_charts(conn, from, today)?;
            let records = read_records_on(conn, today)?;
            let measurements = crate::store::measurements::live(conn, None)?;
            let pain = pain_scores(conn, today)?;
            Ok(report::build(&ReportInput {
                today,
                profile: &profile,
                charts: &charts,
                records: &records,
                measurements: &measurements,
                pain: &pain,
            }))
        })
    }
}

/// Pain reported on live sets up to `today`, newest first. All of them: the
/// page lists the newest and sums up the rest (how many, the highest), and
/// even a pain score at every set of ten years is a few megabytes.
fn pain_scores(conn: &Connection, today: NaiveDate) -> Result<Vec<PainScore>> {
    Ok(crate::store::sets::pain_reports(conn)?
        .into_iter()
        .filter(|p| p.at.local_date() <= today)
        .map(|p| PainScore {
            date: p.at.local_date(),
            exercise: p.exercise,
            score: p.score,
            note: p.note,
        })
        .collect())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::Error;
    use std::sync::Arc;

    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::clock::ManualClock;
    use crate::grammar;
    use crate::heft::{FinishWorkout, LogTime};
    use crate::measures::NewMeasurement;
    use crate::model::{
        BoneStatus, MeasureKind, MeasureUnit, ProfileUpdate, SetInput, Sex, Site, WeightUnit,
    };
    use crate::report::Tone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(s: &str) -> LogTime {
        LogTime::At(DateTime::parse_from_rfc3339(s).unwrap())
    }

    fn sets(exercise: &str, notation: &str) -> Vec<SetInput> {
        let spec = grammar::parse(notation).unwrap();
        vec![spec.to_input(exercise, WeightUnit::Kg); spec.count as usize]
    }

    fn session(h: &Heft, start: &str, minutes: u32, batch: Vec<SetInput>) {
        let logged = h.log_sets(&batch, at(start)).unwrap();
        h.finish_workout(FinishWorkout {
            workout_id: Some(logged.workout.id),
            duration_s: Some(minutes * 60),
            ..FinishWorkout::default()
        })
        .unwrap();
    }

    fn measure(h: &Heft, kind: MeasureKind, site: Option<Site>, value: f64, when: &str) {
        h.add_measurement(NewMeasurement {
            site,
            unit: (kind == MeasureKind::Grip).then_some(MeasureUnit::Kg),
            at: at(when),
            ..NewMeasurement::new(kind, value)
        })
        .unwrap();
    }

    /// A woman born 1958 with osteopenia, in pounds: two weeks of squats,
    /// one of them 140 minutes, a painful set, scans at two sites and grip.
    fn history() -> Heft {
        let clock = Arc::new(ManualClock::new(
            DateTime::parse_from_rfc3339("2026-11-26T20:00:00+01:00").unwrap(),
        ));
        let h = Heft::open_in_memory(clock).unwrap();
        h.update_profile(&ProfileUpdate {
            unit: Some(WeightUnit::Lb),
            birth_year: Some(1958),
            sex: Some(Sex::Female),
            bone_status: Some(BoneStatus::Osteopenia),
            ..Default::default()
        })
        .unwrap();
        // Week 47: 5 x 100 kg x 5 (e1RM 116.667 kg = 257.21 lb), 140 minutes.
        session(
            &h,
            "2026-11-16T18:00:00+01:00",
            140,
            sets("back-squat", "5x100kgx5"),
        );
        // Week 48: 5 x 105 kg x 5 (e1RM 122.5 kg = 270.07 lb), 45 minutes;
        // the last set hurt (4/10).
        let mut batch = sets("back-squat", "5x105kgx5");
        batch[4].pain = Some(4);
        batch[4].note = Some("left knee".into());
        session(&h, "2026-11-23T18:00:00+01:00", 45, batch);
        measure(
            &h,
            MeasureKind::TScore,
            Some(Site::LumbarSpine),
            -1.8,
            "2025-11-01T09:00:00+01:00",
        );
        measure(
            &h,
            MeasureKind::TScore,
            Some(Site::LumbarSpine),
            -1.6,
            "2026-11-02T09:00:00+01:00",
        );
        measure(
            &h,
            MeasureKind::TScore,
            Some(Site::FemoralNeck),
            -2.6,
            "2026-11-02T09:00:00+01:00",
        );
        measure(
            &h,
            MeasureKind::Grip,
            None,
            15.0,
            "2026-11-03T09:00:00+01:00",
        );
        // After the report's day: left out.
        measure(
            &h,
            MeasureKind::Grip,
            None,
            40.0,
            "2026-11-26T09:00:00+01:00",
        );
        h
    }

    #[test]
    fn the_report_shows_the_history_in_the_persons_unit() {
        let h = history();
        let r = h.report(d(2026, 11, 25)).unwrap();
        assert_eq!(r.generated_on, d(2026, 11, 25));
        assert_eq!(
            r.person.as_deref(),
            Some("born 1958 (about 68), female, osteopenia")
        );
        // Weeks from the first workout's week to this one.
        let weeks: Vec<(&str, f64, u32)> = r
            .weekly
            .iter()
            .map(|w| (w.label.as_str(), w.minutes, w.sessions))
            .collect();
        assert_eq!(weeks, [("2026-W47", 140.0, 1), ("2026-W48", 45.0, 1)]);
        assert_eq!(
            (r.dose_band.low, r.dose_band.high, r.dose_band.ceiling),
            (40.0, 60.0, 130.0)
        );
        // e1RM in pounds: 116.667 kg / 0.45359237 = 257.21 lb; 122.5 kg = 270.07 lb.
        assert_eq!(r.e1rm.len(), 1);
        let squat = &r.e1rm[0];
        assert_eq!(
            (squat.name.as_str(), squat.unit.as_str()),
            ("Back Squat", "lb")
        );
        let values: Vec<f64> = squat.points.iter().map(|p| p.value).collect();
        assert_eq!(values, [257.21, 270.07]);
        assert!(squat.note.as_deref().unwrap().contains("Epley"));
        // The clinician's strength row is the same series' ends.
        let trend = &r.clinician.strength[0];
        assert_eq!(
            (
                trend.first,
                trend.first_date,
                trend.latest,
                trend.latest_date
            ),
            (257.21, d(2026, 11, 16), 270.07, d(2026, 11, 23))
        );
        // Dose over the weeks that have ended: Wednesday's week is still
        // going, so only week 47 counts.
        let dose = r.clinician.dose.unwrap();
        assert_eq!(dose.weeks, 1);
        assert_eq!(
            (dose.minutes.avg, dose.minutes.min, dose.minutes.max),
            (140.0, 140.0, 140.0)
        );
        // The 140-minute week is over the ceiling.
        assert_eq!(r.notes.len(), 1, "{:?}", r.notes);
        assert!(r.notes[0].starts_with("Above 130 minutes of lifting in 1 of the last 2 weeks"));
        // Pain, newest first, with the set's note.
        assert_eq!(r.clinician.pain.len(), 1);
        let pain = &r.clinician.pain[0];
        assert_eq!(
            (
                pain.date,
                pain.exercise.as_str(),
                pain.score,
                pain.note.as_deref()
            ),
            (d(2026, 11, 23), "Back Squat", 4, Some("left knee"))
        );
    }

    #[test]
    fn a_report_of_an_earlier_day_shows_what_was_true_then() {
        let h = history();
        let r = h.report(d(2026, 11, 20)).unwrap();
        assert!(r.records.iter().all(|x| x.date <= d(2026, 11, 20)));
        let heaviest: Vec<&str> = r
            .records
            .iter()
            .filter(|x| x.kind == "heaviest")
            .map(|x| x.value.as_str())
            .collect();
        assert_eq!(heaviest, ["220.46 lb"]);
        assert!(r.clinician.pain.is_empty());
        assert_eq!(r.weekly.len(), 1);
        assert_eq!(r.e1rm[0].points.len(), 1);
        // Nothing had ended by then: no dose table.
        assert_eq!(r.clinician.dose, None);
        // The grip of 3 November is there; the DXA of 2 November too.
        assert_eq!(r.clinician.function_tests.rows.len(), 1);
        assert_eq!(r.clinician.dxa.rows.len(), 3);
    }

    #[test]
    fn t_score_bands_are_drawn_only_where_they_apply() {
        let h = history();
        // A man of 40: the WHO bands are not for him; the note says why.
        h.update_profile(&ProfileUpdate {
            sex: Some(Sex::Male),
            birth_year: Some(1986),
            ..Default::default()
        })
        .unwrap();
        let r = h.report(d(2026, 11, 25)).unwrap();
        let t = &r.measures[0];
        assert_eq!(t.title, "Bone density (T-score)");
        assert!(t.bands.is_empty(), "{:?}", t.bands);
        assert!(
            t.note
                .as_deref()
                .unwrap()
                .starts_with("Under 50: the Z-score"),
            "{:?}",
            t.note
        );
        // Its table leaves the reference blank.
        assert!(r.clinician.dxa.rows.iter().all(|row| row[3].is_empty()));
    }

    #[test]
    fn records_read_in_the_persons_unit() {
        let h = history();
        let r = h.report(d(2026, 11, 25)).unwrap();
        let row = |kind: &str| {
            r.records
                .iter()
                .find(|x| x.kind == kind)
                .map(|x| (x.value.as_str(), x.date))
                .unwrap()
        };
        // 105 kg = 231.49 lb; e1RM 270.07 lb; volume 25 x 105 = 2625 kg = 5787.13 lb.
        assert_eq!(row("heaviest"), ("231.49 lb", d(2026, 11, 23)));
        assert_eq!(row("best e1RM"), ("270.07 lb", d(2026, 11, 23)));
        assert_eq!(row("best volume session"), ("5787.13 lb", d(2026, 11, 23)));
        assert_eq!(row("most reps at 231.49 lb"), ("5 reps", d(2026, 11, 23)));
        assert_eq!(row("most reps at 220.46 lb"), ("5 reps", d(2026, 11, 16)));
    }

    #[test]
    fn measures_become_charts_with_their_reference_bands() {
        let h = history();
        let r = h.report(d(2026, 11, 25)).unwrap();
        let titles: Vec<&str> = r.measures.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(titles, ["Bone density (T-score)", "Grip strength"]);
        let t = &r.measures[0];
        assert_eq!(t.unit, "");
        let sites: Vec<(&str, usize)> = t
            .series
            .iter()
            .map(|s| (s.name.as_str(), s.points.len()))
            .collect();
        assert_eq!(sites, [("Lumbar spine", 2), ("Femoral neck", 1)]);
        let bands: Vec<(Option<f64>, Option<f64>, Tone)> =
            t.bands.iter().map(|b| (b.lo, b.hi, b.tone)).collect();
        assert_eq!(
            bands,
            [
                (None, Some(-2.5), Tone::Alert),
                (Some(-2.5), Some(-1.0), Tone::Caution),
                (Some(-1.0), None, Tone::Good)
            ]
        );
        // Grip in pounds: 15 kg = 33.069 lb; the women's cut-off 16 kg = 35.274 lb.
        let g = &r.measures[1];
        assert_eq!(g.unit, "lb");
        assert_eq!(g.series[0].points.len(), 1, "the later value is left out");
        assert_eq!(g.series[0].points[0].value, 33.069);
        assert!((g.bands[0].hi.unwrap() - 35.274).abs() < 0.001);
        // The clinician's tables: newest first, with the band in words.
        let dxa = &r.clinician.dxa;
        assert_eq!(dxa.columns, ["Date", "Site", "Result", "Reference"]);
        assert_eq!(dxa.rows.len(), 3);
        assert_eq!(
            dxa.rows[2],
            [
                "2025-11-01",
                "Lumbar spine",
                "T-score -1.8",
                "osteopenia (taking a woman of 50 or more as postmenopausal) [WHO]"
            ]
        );
        assert!(
            dxa.rows
                .iter()
                .any(|row| row[1] == "Femoral neck" && row[3].starts_with("osteoporosis"))
        );
        let f = &r.clinician.function_tests;
        assert_eq!(f.rows.len(), 1);
        assert_eq!(f.rows[0][..3], ["2026-11-03", "Grip strength", "15 kg"]);
        assert!(
            f.rows[0][3].starts_with("low grip strength"),
            "{:?}",
            f.rows[0]
        );
    }

    #[test]
    fn an_empty_log_gives_an_empty_report_not_an_error() {
        let clock = Arc::new(ManualClock::new(
            DateTime::parse_from_rfc3339("2026-11-25T20:00:00+01:00").unwrap(),
        ));
        let h = Heft::open_in_memory(clock).unwrap();
        let r = h.report(d(2026, 11, 25)).unwrap();
        assert!(r.e1rm.is_empty() && r.records.is_empty() && r.measures.is_empty());
        assert_eq!(r.person, None);
        assert!(r.notes.is_empty());
        // The page still renders.
        let html = crate::report::render_html(&r);
        assert!(html.contains("No sets logged yet"));
    }

    #[test]
    fn a_day_far_ahead_is_refused() {
        let h = history();
        let err = h.report(d(2030, 1, 1)).unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    }
}
