//! Body and outcome measurements: recording them, listing them, and their
//! trends with the reference band beside the latest value.
//!
//! The rules (docs/MEASURES.md) come from /work/shared/SCIENCE.md,
//! "Outcomes a person can track": WHO T-score bands, the Z-score cut-off,
//! EWGSOP2 grip, Rikli & Jones 30-s chair stand norms, the 5x sit-to-stand,
//! gait speed and timed up-and-go cut-offs, and the DXA precision caveat.
//! Where a rule is a practical choice it is marked as a heuristic.

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{Connection, Row};
use serde::Serialize;

use super::Heft;
use super::profile::read_profile;
use super::undo::{self, Inverse};
use crate::model::measurement::{check_note, round_to};
use crate::model::{
    FractureHistory, LogTime, MeasureKind, MeasureUnit, Measurement, Profile, Sex, Site, Timestamp,
};
use crate::validate::{Field, Problem, ValidationError};
use crate::{Error, Result};

/// Columns of `measurement`, in the order [`measurement_row`] reads them.
const COLUMNS: &str = "id, kind, site, value, unit, measured_at_ms, offset_min, note";

/// DXA heuristic: a bone density change is a change only beyond this
/// percentage (DXA precision is about 1-3%).
pub const DXA_CHANGE_PERCENT: f64 = 3.0;
/// DXA heuristic: a T- or Z-score change is a change only beyond this many
/// standard deviations (one SD is roughly 10% of young-adult bone density,
/// so 0.3 SD is about the 3% of [`DXA_CHANGE_PERCENT`]).
pub const DXA_CHANGE_SD: f64 = 0.3;
/// DXA heuristic: scans must be at least this many months apart to compare.
pub const DXA_MIN_MONTHS: u32 = 12;

/// A measurement to record.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewMeasurement {
    /// What was measured.
    pub kind: MeasureKind,
    /// Where: required for DXA kinds, optional (a hand) for grip.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub site: Option<Site>,
    /// The value.
    pub value: f64,
    /// Its unit; `None` takes the profile's unit for weights and the kind's
    /// only unit otherwise.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unit: Option<MeasureUnit>,
    /// When it was measured.
    pub at: LogTime,
    /// A note.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub note: Option<String>,
}

impl NewMeasurement {
    /// A measurement of `kind` taken now, without site, unit or note.
    pub fn new(kind: MeasureKind, value: f64) -> Self {
        NewMeasurement {
            kind,
            site: None,
            value,
            unit: None,
            at: LogTime::Now,
            note: None,
        }
    }

    /// A measurement from typed text: a kind (`grip`, `t-score`) and a value
    /// that may carry its unit (`72,5`, `160lb`). Errors name the field
    /// (`measure`, `value` or `unit`).
    pub fn parse(kind: &str, value: &str) -> Result<Self> {
        let kind = MeasureKind::from_input(kind)?;
        let (value, unit) = kind.parse_value(value)?;
        Ok(NewMeasurement {
            unit,
            ..NewMeasurement::new(kind, value)
        })
    }
}

/// How a change between two DXA results compares with the scanner's
/// precision (a heuristic: see docs/MEASURES.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DxaCall {
    /// At least a year apart and beyond 3% (0.3 SD for scores): a change.
    Change,
    /// At least a year apart but within 3% (0.3 SD): within DXA precision.
    WithinPrecision,
    /// Less than a year apart: too soon to tell.
    TooSoon,
}

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

/// How a value compares with its reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BandStatus {
    /// Within or above the normal range.
    Normal,
    /// Worth watching: osteopenia, or below the normal range for age.
    Watch,
    /// Low: osteoporosis, low strength or function, a fall or mobility risk.
    Low,
    /// The reference does not apply to this person (a T-score under 50).
    NotApplicable,
    /// The profile lacks the sex or birth year the reference depends on.
    NeedsProfile,
}

/// Where a reference band comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BandSource {
    /// World Health Organization T-score bands.
    #[serde(rename = "WHO")]
    Who,
    /// International Society for Clinical Densitometry (the Z-score cut-off).
    #[serde(rename = "ISCD")]
    Iscd,
    /// European Working Group on Sarcopenia in Older People, 2019.
    #[serde(rename = "EWGSOP2")]
    Ewgsop2,
    /// Rikli & Jones Senior Fitness Test norms.
    #[serde(rename = "Rikli & Jones")]
    RikliJones,
    /// CDC STEADI fall-risk screening.
    #[serde(rename = "CDC STEADI")]
    CdcSteadi,
}

impl BandSource {
    /// The name as cited.
    pub fn as_str(self) -> &'static str {
        match self {
            BandSource::Who => "WHO",
            BandSource::Iscd => "ISCD",
            BandSource::Ewgsop2 => "EWGSOP2",
            BandSource::RikliJones => "Rikli & Jones",
            BandSource::CdcSteadi => "CDC STEADI",
        }
    }
}

/// A reference band beside a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Band {
    /// In words, e.g. "osteopenia", "below normal for men 65-69 (12-18)".
    pub label: String,
    /// How the value compares.
    pub status: BandStatus,
    /// The reference.
    pub source: BandSource,
    /// The band rests on an assumption of Heft's (e.g. a woman of 50 or
    /// more is taken to be postmenopausal), not only on the reference.
    pub heuristic: bool,
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

impl Heft {
    /// Records a measurement (one undo step).
    pub fn add_measurement(&self, new: NewMeasurement) -> Result<Measurement> {
        let note = clean_note(new.note.as_deref())?;
        self.write(|tx, stamp| {
            let profile = read_profile(tx)?;
            let unit = match new.unit {
                Some(u) => u,
                None => new.kind.default_unit(profile.unit).ok_or_else(|| {
                    Error::from(ValidationError {
                        field: Field::Unit,
                        problem: Problem::Malformed {
                            expected: format!(
                                "given for {}: g (DXA mass) or level (a scale's rating), e.g. 9level",
                                new.kind
                            ),
                        },
                    })
                })?,
            };
            let value = round_to(new.value, 3);
            new.kind.check(new.site, value, unit)?;
            let at = new.at.resolve(stamp.now())?;
            let m = Measurement {
                id: uuid::Uuid::now_v7().to_string(),
                kind: new.kind,
                site: new.site,
                value,
                unit,
                measured_at: at,
                note,
            };
            tx.prepare_cached(
                "INSERT INTO measurement (id, kind, site, value, unit, measured_at_ms, offset_min, note, hlc, deleted)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)",
            )?
            .execute((
                &m.id,
                m.kind.as_str(),
                m.site.map(Site::as_str),
                m.value,
                m.unit.as_str(),
                at.utc_ms(),
                at.offset_min(),
                &m.note,
                stamp.next(),
            ))?;
            undo::record(
                tx,
                stamp,
                &format!("measured {}", describe(&m)),
                &Inverse::RemoveMeasurement { id: m.id.clone() },
            )?;
            Ok(m)
        })
    }

    /// Deletes measurement `id` (a tombstone that syncs; one undo step).
    pub fn delete_measurement(&self, id: &str) -> Result<Measurement> {
        self.write(|tx, stamp| {
            let m = measurement_by_id(tx, id)?;
            tx.execute(
                "UPDATE measurement SET deleted = 1, hlc = ?2 WHERE id = ?1",
                (id, stamp.next()),
            )?;
            undo::record(
                tx,
                stamp,
                &format!("deleted {}", describe(&m)),
                &Inverse::RestoreMeasurement { id: id.to_owned() },
            )?;
            Ok(m)
        })
    }

    /// One live measurement.
    pub fn measurement(&self, id: &str) -> Result<Measurement> {
        self.read(|conn| measurement_by_id(conn, id))
    }

    /// Live measurements, of one kind or all, oldest first. Rows of a kind,
    /// unit or site this version does not know (written by a newer Heft on
    /// another device) are kept and synced but left out.
    pub fn measurements(&self, kind: Option<MeasureKind>) -> Result<Vec<Measurement>> {
        self.read(|conn| {
            let sql = format!(
                "SELECT {COLUMNS} FROM measurement WHERE deleted = 0 AND (?1 IS NULL OR kind = ?1)
                 ORDER BY measured_at_ms, id"
            );
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows =
                stmt.query_map([kind.map(MeasureKind::as_str)], |r| Ok(measurement_row(r)))?;
            let mut out = Vec::new();
            for row in rows {
                if let Some(m) = row?? {
                    out.push(m);
                }
            }
            Ok(out)
        })
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
    let dxa = b.kind.is_dxa().then(|| {
        let year_apart = d0
            .checked_add_months(Months::new(DXA_MIN_MONTHS))
            .is_some_and(|due| d1 >= due);
        let beyond = match percent {
            Some(p) => p.abs() > DXA_CHANGE_PERCENT,
            None => absolute.abs() > DXA_CHANGE_SD,
        };
        match (year_apart, beyond) {
            (false, _) => DxaCall::TooSoon,
            (true, true) => DxaCall::Change,
            (true, false) => DxaCall::WithinPrecision,
        }
    });
    Some(Change {
        from,
        absolute,
        percent,
        days: (d1 - d0).num_days(),
        dxa,
    })
}

/// A 30-s chair stand normal range for an age band (Rikli & Jones).
struct AgeNorm {
    /// First age of the band.
    from: i32,
    /// Last age of the band.
    to: i32,
    /// Women's normal range (stands).
    women: (f64, f64),
    /// Men's normal range (stands).
    men: (f64, f64),
}

const fn norm(from: i32, to: i32, women: (f64, f64), men: (f64, f64)) -> AgeNorm {
    AgeNorm {
        from,
        to,
        women,
        men,
    }
}

/// 30-s chair stand normal ranges (Rikli & Jones, 43 cm chair, arms crossed).
const CHAIR_STAND_NORMS: &[AgeNorm] = &[
    norm(60, 64, (12.0, 17.0), (14.0, 19.0)),
    norm(65, 69, (11.0, 16.0), (12.0, 18.0)),
    norm(70, 74, (10.0, 15.0), (12.0, 17.0)),
    norm(75, 79, (10.0, 15.0), (11.0, 17.0)),
    norm(80, 84, (9.0, 14.0), (10.0, 15.0)),
    norm(85, 89, (8.0, 13.0), (8.0, 14.0)),
    norm(90, 94, (4.0, 11.0), (7.0, 12.0)),
];

/// Fewer 30-s chair stands than this is low function (Rikli & Jones).
pub const CHAIR_STAND_LOW: f64 = 8.0;
/// EWGSOP2 low grip, men (kg): below this is low.
pub const GRIP_LOW_MEN_KG: f64 = 27.0;
/// EWGSOP2 low grip, women (kg): below this is low.
pub const GRIP_LOW_WOMEN_KG: f64 = 16.0;
/// Five chair stands slower than this (s) is low strength.
pub const FIVE_STAND_LOW_S: f64 = 15.0;
/// Gait speed at or below this (m/s) is mobility impairment.
pub const GAIT_SPEED_LOW: f64 = 0.8;
/// Timed up-and-go at or above this (s) is a fall risk (CDC STEADI).
pub const TUG_FALL_RISK_S: f64 = 12.0;
/// WHO: a T-score at or above this is normal.
pub const T_NORMAL: f64 = -1.0;
/// WHO: a T-score at or below this is osteoporosis.
pub const T_OSTEOPOROSIS: f64 = -2.5;
/// A Z-score at or below this is below the expected range for age.
pub const Z_LOW: f64 = -2.0;
/// T-score bands apply from this age (men, and women taken as postmenopausal).
pub const T_SCORE_MIN_AGE: i32 = 50;

impl Band {
    /// The reference band of a `value` of `kind` measured `on` a date, for
    /// the person in `profile`; `None` for kinds without one (body weight,
    /// lean mass, visceral fat, BMD, steps, running). Age is the year of
    /// `on` minus the birth year (only the year is stored).
    pub fn for_value(
        kind: MeasureKind,
        value: f64,
        unit: MeasureUnit,
        profile: &Profile,
        on: NaiveDate,
    ) -> Option<Band> {
        let age = profile.birth_year.map(|y| on.year() - y);
        let band = |label: String, status, source| Band {
            label,
            status,
            source,
            heuristic: false,
        };
        match kind {
            MeasureKind::TScore => Some(t_score_band(value, profile.sex, age, profile)),
            MeasureKind::ZScore => Some(if value <= Z_LOW {
                band(
                    "below the expected range for age".into(),
                    BandStatus::Low,
                    BandSource::Iscd,
                )
            } else {
                band(
                    "within the expected range for age".into(),
                    BandStatus::Normal,
                    BandSource::Iscd,
                )
            }),
            MeasureKind::Grip => {
                let kg = unit.to_kg(value)?;
                let (cut, who) = match profile.sex {
                    Some(Sex::Male) => (GRIP_LOW_MEN_KG, "men"),
                    Some(Sex::Female) => (GRIP_LOW_WOMEN_KG, "women"),
                    None => {
                        return Some(band(
                            "set sex in the profile to compare with the EWGSOP2 cut-offs (27 kg men, 16 kg women)".into(),
                            BandStatus::NeedsProfile,
                            BandSource::Ewgsop2,
                        ));
                    }
                };
                Some(if kg < cut {
                    band(
                        format!("low grip strength (below {cut} kg for {who})"),
                        BandStatus::Low,
                        BandSource::Ewgsop2,
                    )
                } else {
                    band(
                        format!("not low (cut-off {cut} kg for {who})"),
                        BandStatus::Normal,
                        BandSource::Ewgsop2,
                    )
                })
            }
            MeasureKind::ChairStand30s => Some(chair_stand_band(value, profile.sex, age)),
            MeasureKind::FiveChairStand => Some(if value > FIVE_STAND_LOW_S {
                band(
                    "low strength (over 15 s)".into(),
                    BandStatus::Low,
                    BandSource::Ewgsop2,
                )
            } else {
                band(
                    "not low (15 s or less)".into(),
                    BandStatus::Normal,
                    BandSource::Ewgsop2,
                )
            }),
            MeasureKind::GaitSpeed => Some(if value <= GAIT_SPEED_LOW {
                band(
                    "mobility impairment (0.8 m/s or slower)".into(),
                    BandStatus::Low,
                    BandSource::Ewgsop2,
                )
            } else {
                band(
                    "not impaired (faster than 0.8 m/s)".into(),
                    BandStatus::Normal,
                    BandSource::Ewgsop2,
                )
            }),
            MeasureKind::TimedUpAndGo => Some(if value >= TUG_FALL_RISK_S {
                band(
                    "fall risk (12 s or more)".into(),
                    BandStatus::Low,
                    BandSource::CdcSteadi,
                )
            } else {
                band(
                    "no raised fall risk (under 12 s)".into(),
                    BandStatus::Normal,
                    BandSource::CdcSteadi,
                )
            }),
            MeasureKind::BodyWeight
            | MeasureKind::LeanMass
            | MeasureKind::VisceralFat
            | MeasureKind::Bmd
            | MeasureKind::Steps
            | MeasureKind::RunningMinutes => None,
        }
    }
}

/// WHO bands, for postmenopausal women and men of 50 or more; otherwise the
/// Z-score is the right measure.
fn t_score_band(value: f64, sex: Option<Sex>, age: Option<i32>, profile: &Profile) -> Band {
    let who = |label: &str, status, heuristic| Band {
        label: label.into(),
        status,
        source: BandSource::Who,
        heuristic,
    };
    let sex = match (sex, age) {
        (Some(s), Some(a)) if a >= T_SCORE_MIN_AGE => s,
        (Some(_), Some(_)) => {
            return who(
                "under 50: the Z-score is the right measure (T-score bands are for postmenopausal women and men 50 and over)",
                BandStatus::NotApplicable,
                false,
            );
        }
        _ => {
            return who(
                "T-score bands are for postmenopausal women and men 50 and over: set birth year and sex in the profile, or use the Z-score",
                BandStatus::NeedsProfile,
                false,
            );
        }
    };
    // Menopause is not in the profile: a woman of 50 or more is taken to be
    // postmenopausal (a heuristic).
    let assumed = sex == Sex::Female;
    let fracture = matches!(
        profile.fracture_history,
        Some(FractureHistory::Fragility | FractureHistory::Vertebral)
    );
    let (label, status) = if value <= T_OSTEOPOROSIS && fracture {
        (
            "severe osteoporosis (with a fragility fracture)",
            BandStatus::Low,
        )
    } else if value <= T_OSTEOPOROSIS {
        ("osteoporosis", BandStatus::Low)
    } else if value < T_NORMAL {
        ("osteopenia", BandStatus::Watch)
    } else {
        ("normal", BandStatus::Normal)
    };
    if assumed {
        who(
            &format!("{label} (taking a woman of 50 or more as postmenopausal)"),
            status,
            true,
        )
    } else {
        who(label, status, false)
    }
}

/// Fewer than 8 stands is low function whatever the age; otherwise the
/// value is compared with the normal range of the person's age band.
fn chair_stand_band(value: f64, sex: Option<Sex>, age: Option<i32>) -> Band {
    let rj = |label: String, status| Band {
        label,
        status,
        source: BandSource::RikliJones,
        heuristic: false,
    };
    if value < CHAIR_STAND_LOW {
        return rj("low function (fewer than 8 stands)".into(), BandStatus::Low);
    }
    let (Some(sex), Some(age)) = (sex, age) else {
        return rj(
            "set birth year and sex in the profile to compare with the norms for age".into(),
            BandStatus::NeedsProfile,
        );
    };
    let Some(&AgeNorm {
        from,
        to,
        women,
        men,
    }) = CHAIR_STAND_NORMS
        .iter()
        .find(|n| (n.from..=n.to).contains(&age))
    else {
        return rj(
            "the norms cover ages 60 to 94".into(),
            BandStatus::NotApplicable,
        );
    };
    let ((lo, hi), who) = match sex {
        Sex::Female => (women, "women"),
        Sex::Male => (men, "men"),
    };
    let range = format!("{who} {from}-{to}: {lo}-{hi}");
    if value < lo {
        rj(format!("below normal ({range})"), BandStatus::Watch)
    } else if value > hi {
        rj(format!("above normal ({range})"), BandStatus::Normal)
    } else {
        rj(format!("normal ({range})"), BandStatus::Normal)
    }
}

/// "grip 31 kg (left)".
fn describe(m: &Measurement) -> String {
    match m.site {
        Some(s) => format!("{} {} ({s})", m.kind, m.value_text()),
        None => format!("{} {}", m.kind, m.value_text()),
    }
}

/// Trims the note, drops it when blank, and checks it.
fn clean_note(note: Option<&str>) -> Result<Option<String>> {
    match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => {
            check_note(n)?;
            Ok(Some(n.to_owned()))
        }
        None => Ok(None),
    }
}

fn measurement_by_id(conn: &Connection, id: &str) -> Result<Measurement> {
    let not_found = || Error::NotFound {
        entity: "measurement",
        id: id.chars().take(60).collect(),
    };
    let sql = format!("SELECT {COLUMNS} FROM measurement WHERE id = ?1 AND deleted = 0");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => measurement_row(row)?.ok_or_else(not_found),
        None => Err(not_found()),
    }
}

/// Reads a row selected with [`COLUMNS`]; `None` when its kind, unit or
/// site is not one this version knows.
fn measurement_row(row: &Row<'_>) -> Result<Option<Measurement>> {
    let kind: String = row.get(1)?;
    let site: Option<String> = row.get(2)?;
    let unit: String = row.get(4)?;
    let (Ok(kind), Ok(unit)) = (kind.parse::<MeasureKind>(), unit.parse::<MeasureUnit>()) else {
        return Ok(None);
    };
    let site = match site.map(|s| s.parse::<Site>()) {
        None => None,
        Some(Ok(s)) => Some(s),
        Some(Err(_)) => return Ok(None),
    };
    let measured_at =
        Timestamp::from_parts(row.get(5)?, row.get(6)?).ok_or_else(|| Error::BadRow {
            table: "measurement",
            column: "measured_at_ms",
            reason: "out of range".into(),
        })?;
    Ok(Some(Measurement {
        id: row.get(0)?,
        kind,
        site,
        value: row.get(3)?,
        unit,
        measured_at,
        note: row.get(7)?,
    }))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::heft::test_support::{heft, heft_at};
    use crate::model::{ProfileUpdate, WeightUnit};
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

    fn person(birth_year: Option<i32>, sex: Option<Sex>) -> Profile {
        Profile {
            birth_year,
            sex,
            ..Profile::default()
        }
    }

    fn band(kind: MeasureKind, value: f64, unit: MeasureUnit, p: &Profile) -> Band {
        Band::for_value(kind, value, unit, p, day(2026, 6, 1)).unwrap()
    }

    fn status(kind: MeasureKind, value: f64, unit: MeasureUnit, p: &Profile) -> BandStatus {
        band(kind, value, unit, p).status
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

        assert_eq!(h.undo().unwrap().undone, "measured grip 31 kg (left)");
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
        assert_eq!(h.undo().unwrap().undone, "deleted steps 8000 steps/day");
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

    #[test]
    fn t_score_bands_follow_who_for_women_and_men_of_50_and_over() {
        use MeasureKind::TScore as T;
        let man = person(Some(1960), Some(Sex::Male));
        let sd = MeasureUnit::Sd;
        assert_eq!(band(T, -1.0, sd, &man).label, "normal");
        assert_eq!(status(T, -1.0, sd, &man), BandStatus::Normal);
        assert_eq!(status(T, 0.5, sd, &man), BandStatus::Normal);
        assert_eq!(band(T, -1.01, sd, &man).label, "osteopenia");
        assert_eq!(status(T, -1.01, sd, &man), BandStatus::Watch);
        assert_eq!(status(T, -2.49, sd, &man), BandStatus::Watch);
        assert_eq!(band(T, -2.5, sd, &man).label, "osteoporosis");
        assert_eq!(status(T, -2.5, sd, &man), BandStatus::Low);
        assert!(!band(T, -2.5, sd, &man).heuristic);
        assert_eq!(band(T, -2.5, sd, &man).source, BandSource::Who);
        let fractured = Profile {
            fracture_history: Some(FractureHistory::Fragility),
            ..man.clone()
        };
        assert_eq!(
            band(T, -2.6, sd, &fractured).label,
            "severe osteoporosis (with a fragility fracture)"
        );
        assert_eq!(band(T, -2.4, sd, &fractured).label, "osteopenia");
        // A woman of 50 or more is taken to be postmenopausal: a heuristic.
        let woman = person(Some(1970), Some(Sex::Female));
        let b = band(T, -1.8, sd, &woman);
        assert_eq!(
            (b.label.as_str(), b.status, b.heuristic),
            (
                "osteopenia (taking a woman of 50 or more as postmenopausal)",
                BandStatus::Watch,
                true
            )
        );
    }

    #[test]
    fn age_comes_from_the_birth_year_and_under_50_the_z_score_is_the_measure() {
        use MeasureKind::TScore as T;
        let sd = MeasureUnit::Sd;
        // Born 1976: 50 in 2026 (bands apply), 49 in 2025 (they do not).
        let p = person(Some(1976), Some(Sex::Male));
        let in_2026 = Band::for_value(T, -2.0, sd, &p, day(2026, 1, 1)).unwrap();
        assert_eq!(in_2026.status, BandStatus::Watch);
        let in_2025 = Band::for_value(T, -2.0, sd, &p, day(2025, 12, 31)).unwrap();
        assert_eq!(in_2025.status, BandStatus::NotApplicable);
        assert!(in_2025.label.contains("Z-score"), "{}", in_2025.label);
        for unknown in [
            person(None, Some(Sex::Male)),
            person(Some(1950), None),
            person(None, None),
        ] {
            let b = band(T, -3.0, sd, &unknown);
            assert_eq!(b.status, BandStatus::NeedsProfile);
            assert!(b.label.contains("Z-score"), "{}", b.label);
        }
    }

    #[test]
    fn z_scores_at_or_below_minus_two_are_below_expected() {
        use MeasureKind::ZScore as Z;
        let anyone = Profile::default();
        let b = band(Z, -2.0, MeasureUnit::Sd, &anyone);
        assert_eq!((b.status, b.source), (BandStatus::Low, BandSource::Iscd));
        assert_eq!(b.label, "below the expected range for age");
        assert_eq!(
            status(Z, -1.99, MeasureUnit::Sd, &anyone),
            BandStatus::Normal
        );
    }

    #[test]
    fn grip_is_low_below_27_kg_for_men_and_16_kg_for_women_in_either_unit() {
        use MeasureKind::Grip as G;
        use MeasureUnit::{Kg, Lb};
        let man = person(Some(1960), Some(Sex::Male));
        let woman = person(Some(1960), Some(Sex::Female));
        assert_eq!(status(G, 27.0, Kg, &man), BandStatus::Normal);
        assert_eq!(status(G, 26.9, Kg, &man), BandStatus::Low);
        assert_eq!(
            band(G, 26.9, Kg, &man).label,
            "low grip strength (below 27 kg for men)"
        );
        assert_eq!(band(G, 26.9, Kg, &man).source, BandSource::Ewgsop2);
        assert_eq!(status(G, 16.0, Kg, &woman), BandStatus::Normal);
        assert_eq!(status(G, 15.9, Kg, &woman), BandStatus::Low);
        // 59 lb = 26.76 kg, 60 lb = 27.22 kg; 35 lb = 15.88 kg, 36 lb = 16.33 kg.
        assert_eq!(status(G, 59.0, Lb, &man), BandStatus::Low);
        assert_eq!(status(G, 60.0, Lb, &man), BandStatus::Normal);
        assert_eq!(status(G, 35.0, Lb, &woman), BandStatus::Low);
        assert_eq!(status(G, 36.0, Lb, &woman), BandStatus::Normal);
        assert_eq!(
            status(G, 10.0, Kg, &person(Some(1960), None)),
            BandStatus::NeedsProfile
        );
    }

    #[test]
    fn chair_stands_compare_with_the_age_band_and_fewer_than_8_is_low() {
        use MeasureKind::ChairStand30s as C;
        let reps = MeasureUnit::Reps;
        // Measured in 2026: born 1962 is 64 (60-64), born 1961 is 65 (65-69).
        let man64 = person(Some(1962), Some(Sex::Male));
        let man65 = person(Some(1961), Some(Sex::Male));
        let b = band(C, 13.0, reps, &man64);
        assert_eq!(
            (b.status, b.label.as_str()),
            (BandStatus::Watch, "below normal (men 60-64: 14-19)")
        );
        assert_eq!(b.source, BandSource::RikliJones);
        assert_eq!(status(C, 14.0, reps, &man64), BandStatus::Normal);
        assert_eq!(status(C, 19.0, reps, &man64), BandStatus::Normal);
        assert_eq!(
            band(C, 20.0, reps, &man64).label,
            "above normal (men 60-64: 14-19)"
        );
        assert_eq!(status(C, 20.0, reps, &man64), BandStatus::Normal);
        assert_eq!(
            band(C, 13.0, reps, &man65).label,
            "normal (men 65-69: 12-18)"
        );
        assert_eq!(status(C, 11.0, reps, &man65), BandStatus::Watch);
        let woman65 = person(Some(1961), Some(Sex::Female));
        assert_eq!(status(C, 11.0, reps, &woman65), BandStatus::Normal);
        assert_eq!(status(C, 10.0, reps, &woman65), BandStatus::Watch);
        let woman64 = person(Some(1962), Some(Sex::Female));
        assert_eq!(status(C, 11.0, reps, &woman64), BandStatus::Watch);
        // Fewer than 8 is low function, even inside the 90-94 women's range (4-11).
        let woman92 = person(Some(1934), Some(Sex::Female));
        assert_eq!(
            band(C, 7.0, reps, &woman92).label,
            "low function (fewer than 8 stands)"
        );
        assert_eq!(status(C, 7.0, reps, &woman92), BandStatus::Low);
        assert_eq!(status(C, 8.0, reps, &woman92), BandStatus::Normal);
        assert_eq!(status(C, 7.0, reps, &Profile::default()), BandStatus::Low);
        assert_eq!(
            status(C, 8.0, reps, &Profile::default()),
            BandStatus::NeedsProfile
        );
        // Outside the ages the table covers.
        assert_eq!(
            status(C, 15.0, reps, &person(Some(1967), Some(Sex::Male))),
            BandStatus::NotApplicable
        );
        assert_eq!(
            status(C, 15.0, reps, &person(Some(1931), Some(Sex::Male))),
            BandStatus::NotApplicable
        );
        assert_eq!(
            status(C, 15.0, reps, &person(Some(1932), Some(Sex::Male))),
            BandStatus::Normal
        );
    }

    #[test]
    fn function_tests_use_their_cut_offs_on_both_sides() {
        use MeasureKind::{FiveChairStand, GaitSpeed, TimedUpAndGo};
        use MeasureUnit::{MetresPerSecond, Seconds};
        let p = Profile::default();
        assert_eq!(
            status(FiveChairStand, 15.0, Seconds, &p),
            BandStatus::Normal
        );
        assert_eq!(status(FiveChairStand, 15.1, Seconds, &p), BandStatus::Low);
        assert_eq!(
            band(FiveChairStand, 15.1, Seconds, &p).label,
            "low strength (over 15 s)"
        );
        assert_eq!(status(GaitSpeed, 0.8, MetresPerSecond, &p), BandStatus::Low);
        assert_eq!(
            band(GaitSpeed, 0.8, MetresPerSecond, &p).label,
            "mobility impairment (0.8 m/s or slower)"
        );
        assert_eq!(
            status(GaitSpeed, 0.81, MetresPerSecond, &p),
            BandStatus::Normal
        );
        let tug = band(TimedUpAndGo, 12.0, Seconds, &p);
        assert_eq!(
            (tug.status, tug.source),
            (BandStatus::Low, BandSource::CdcSteadi)
        );
        assert_eq!(status(TimedUpAndGo, 11.9, Seconds, &p), BandStatus::Normal);
        for kind in [
            MeasureKind::BodyWeight,
            MeasureKind::LeanMass,
            MeasureKind::Bmd,
            MeasureKind::Steps,
            MeasureKind::RunningMinutes,
        ] {
            let unit = kind.units()[0];
            assert_eq!(
                Band::for_value(kind, 1.0, unit, &p, day(2026, 1, 1)),
                None,
                "{kind}"
            );
        }
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
