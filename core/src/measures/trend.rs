//! A series of one kind (and site) over time: its first, previous and
//! latest value, the change between them in the latest unit, and the band
//! of the latest value.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Band, DxaCall};
use crate::model::measurement::round_to;
use crate::model::{MeasureKind, MeasureUnit, Measurement, Profile, Site};

/// The change from one measurement to a later one of the same series.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Change {
    /// The earlier value, in the trend's unit.
    pub from: f64,
    /// Later minus earlier, in the trend's unit (3 decimals).
    pub absolute: f64,
    /// The change as a percentage of the earlier value (2 decimals); `None`
    /// for T- and Z-scores (not ratios) and from zero.
    pub percent: Option<f64>,
    /// Days between the two local dates.
    pub days: i64,
    /// For DXA kinds, whether the change is beyond the scanner's precision.
    pub dxa: Option<DxaCall>,
}

/// A series of one kind (and site) over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Trend {
    /// What was measured.
    pub kind: MeasureKind,
    /// Where.
    pub site: Option<Site>,
    /// The unit the changes are in: the latest measurement's.
    pub unit: MeasureUnit,
    /// Measurements in the series.
    pub count: usize,
    /// The first.
    pub first: Measurement,
    /// The one before the latest, when there are two or more.
    pub previous: Option<Measurement>,
    /// The latest.
    pub latest: Measurement,
    /// From the first to the latest, when there are two or more.
    pub since_first: Option<Change>,
    /// From the previous to the latest, when there are two or more.
    pub since_previous: Option<Change>,
    /// Days from the latest measurement to today.
    pub days_since_latest: i64,
    /// The reference band of the latest value, for kinds that have one.
    pub band: Option<Band>,
}

impl Trend {
    /// The trends of `measurements` (any order): one per kind, site and
    /// unit family (visceral fat in g and as a scale level are separate).
    pub fn all(measurements: &[Measurement], today: NaiveDate, profile: &Profile) -> Vec<Trend> {
        let mut sorted: Vec<&Measurement> = measurements.iter().collect();
        sorted.sort_by(|a, b| {
            (a.kind, a.site, family(a.unit), a.measured_at, &a.id).cmp(&(
                b.kind,
                b.site,
                family(b.unit),
                b.measured_at,
                &b.id,
            ))
        });
        sorted
            .chunk_by(|a, b| (a.kind, a.site, family(a.unit)) == (b.kind, b.site, family(b.unit)))
            .filter_map(|series| Trend::of(series, today, profile))
            .collect()
    }

    /// The trend of one series, oldest first; `None` when empty.
    fn of(series: &[&Measurement], today: NaiveDate, profile: &Profile) -> Option<Trend> {
        let first = *series.first()?;
        let latest = *series.last()?;
        let previous = (series.len() >= 2).then(|| series[series.len() - 2]);
        let unit = latest.unit;
        let on = latest.measured_at.local_date();
        Some(Trend {
            kind: latest.kind,
            site: latest.site,
            unit,
            count: series.len(),
            first: first.clone(),
            previous: previous.cloned(),
            latest: latest.clone(),
            since_first: previous.and_then(|_| change(first, latest)),
            since_previous: previous.and_then(|p| change(p, latest)),
            days_since_latest: (today - on).num_days(),
            band: Band::for_value(latest.kind, latest.value, unit, profile, on),
        })
    }
}

impl Trend {
    /// Whether measurement `m` belongs to this series (its kind, site and
    /// unit family).
    pub fn holds(&self, m: &Measurement) -> bool {
        (m.kind, m.site, family(m.unit)) == (self.kind, self.site, family(self.unit))
    }
}

/// Groups units that convert into each other (kg and lb).
fn family(unit: MeasureUnit) -> &'static str {
    match unit.weight_unit() {
        Some(_) => "weight",
        None => unit.as_str(),
    }
}

/// The change from `a` to the later `b`, in `b`'s unit.
fn change(a: &Measurement, b: &Measurement) -> Option<Change> {
    let from = round_to(a.unit.convert(a.value, b.unit)?, 3);
    let absolute = round_to(b.value - from, 3);
    let scores = matches!(b.kind, MeasureKind::TScore | MeasureKind::ZScore);
    let percent =
        (!scores && from != 0.0).then(|| round_to((b.value - from) / from.abs() * 100.0, 2));
    let (d0, d1) = (a.measured_at.local_date(), b.measured_at.local_date());
    let dxa = b
        .kind
        .is_dxa()
        .then(|| DxaCall::judge(d0, d1, percent, absolute));
    Some(Change {
        from,
        absolute,
        percent,
        days: (d1 - d0).num_days(),
        dxa,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::BandStatus;
    use crate::model::{Sex, Timestamp};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_band_takes_the_age_at_the_latest_measurement_not_today() {
        // Born 1976: 49 when scanned in 2025, so the T-score bands do not
        // apply yet, though the person is 50 on the day the trend is made.
        let scan = Measurement {
            id: "a".into(),
            kind: MeasureKind::TScore,
            site: Some(Site::TotalHip),
            value: -2.0,
            unit: MeasureUnit::Sd,
            measured_at: Timestamp(
                day(2025, 12, 1)
                    .and_hms_opt(12, 0, 0)
                    .unwrap()
                    .and_utc()
                    .fixed_offset(),
            ),
            note: None,
        };
        let profile = Profile {
            birth_year: Some(1976),
            sex: Some(Sex::Male),
            ..Profile::default()
        };
        let trends = Trend::all(&[scan], day(2026, 1, 31), &profile);
        let t = &trends[0];
        assert_eq!((t.count, t.days_since_latest), (1, 61));
        assert_eq!(
            t.band.as_ref().map(|b| b.status),
            Some(BandStatus::NotApplicable)
        );
        assert_eq!((&t.previous, &t.since_first), (&None, &None));
    }

    #[test]
    fn series_split_by_site_and_by_units_that_do_not_convert() {
        let d = day(2026, 11, 1);
        let list: Vec<Measurement> = [
            (MeasureKind::Grip, Some(Site::Right), 30.0, MeasureUnit::Kg),
            (MeasureKind::Grip, Some(Site::Left), 28.0, MeasureUnit::Kg),
            (MeasureKind::VisceralFat, None, 9.0, MeasureUnit::Level),
            (MeasureKind::VisceralFat, None, 800.0, MeasureUnit::Gram),
            (MeasureKind::BodyWeight, None, 80.0, MeasureUnit::Kg),
        ]
        .iter()
        .enumerate()
        .map(|(i, &(kind, site, value, unit))| Measurement {
            id: i.to_string(),
            kind,
            site,
            value,
            unit,
            measured_at: Timestamp(d.and_hms_opt(12, 0, 0).unwrap().and_utc().fixed_offset()),
            note: None,
        })
        .collect();
        let trends = Trend::all(&list, d, &Profile::default());
        let keys: Vec<(MeasureKind, Option<Site>, MeasureUnit, usize)> = trends
            .iter()
            .map(|t| (t.kind, t.site, t.unit, t.count))
            .collect();
        assert_eq!(
            keys,
            [
                (MeasureKind::BodyWeight, None, MeasureUnit::Kg, 1),
                (MeasureKind::VisceralFat, None, MeasureUnit::Gram, 1),
                (MeasureKind::VisceralFat, None, MeasureUnit::Level, 1),
                (MeasureKind::Grip, Some(Site::Left), MeasureUnit::Kg, 1),
                (MeasureKind::Grip, Some(Site::Right), MeasureUnit::Kg, 1),
            ]
        );
        assert!(
            trends
                .iter()
                .all(|t| t.since_first.is_none() && t.since_previous.is_none())
        );
    }

    fn dxa(kind: MeasureKind, a: (f64, NaiveDate), b: (f64, NaiveDate)) -> Change {
        let unit = if kind == MeasureKind::Bmd {
            MeasureUnit::GramPerCm2
        } else {
            MeasureUnit::Sd
        };
        let m = |(value, d): (f64, NaiveDate), id: &str| Measurement {
            id: id.into(),
            kind,
            site: Some(Site::LumbarSpine),
            value,
            unit,
            measured_at: Timestamp(d.and_hms_opt(12, 0, 0).unwrap().and_utc().fixed_offset()),
            note: None,
        };
        change(&m(a, "a"), &m(b, "b")).unwrap()
    }

    #[test]
    fn a_dxa_change_counts_only_a_year_apart_and_beyond_three_percent() {
        let (d0, year, almost) = (day(2025, 3, 1), day(2026, 3, 1), day(2026, 2, 28));
        // 1.000 -> 1.031: +3.1%, a year apart: a change.
        let c = dxa(MeasureKind::Bmd, (1.0, d0), (1.031, year));
        assert_eq!(
            (c.percent, c.days, c.dxa),
            (Some(3.1), 365, Some(DxaCall::Change))
        );
        // Exactly 3% is within precision.
        let c = dxa(MeasureKind::Bmd, (1.0, d0), (1.03, year));
        assert_eq!(
            (c.percent, c.dxa),
            (Some(3.0), Some(DxaCall::WithinPrecision))
        );
        // A loss counts the same way: 0.900 -> 0.872 is -3.11%.
        let c = dxa(MeasureKind::Bmd, (0.9, d0), (0.872, year));
        assert_eq!((c.percent, c.dxa), (Some(-3.11), Some(DxaCall::Change)));
        // A day short of a year: too soon, however large.
        let c = dxa(MeasureKind::Bmd, (1.0, d0), (1.1, almost));
        assert_eq!((c.days, c.dxa), (364, Some(DxaCall::TooSoon)));
        // Scores: no percentage; 0.3 SD is within precision, 0.4 SD a change.
        let c = dxa(MeasureKind::TScore, (-1.8, d0), (-1.5, year));
        assert_eq!(
            (c.absolute, c.percent, c.dxa),
            (0.3, None, Some(DxaCall::WithinPrecision))
        );
        let c = dxa(MeasureKind::ZScore, (-1.8, d0), (-1.4, year));
        assert_eq!((c.absolute, c.dxa), (0.4, Some(DxaCall::Change)));
        let c = dxa(MeasureKind::TScore, (-1.8, d0), (-2.2, year));
        assert_eq!((c.absolute, c.dxa), (-0.4, Some(DxaCall::Change)));
    }
}
