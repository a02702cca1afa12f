//! The limits every input must respect, checked before anything is written.
//!
//! Each check names the field it is about, so a form can put the message
//! next to the right box and the CLI can say which part of a command was
//! wrong. Limits are generous (a world-record deadlift is about 500 kg) but
//! catch typos such as 1000 reps or 1500 kg.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

use crate::model::{
    Effort, Exercise, Load, MAX_BAND_NAME, MAX_BANDS, Measure, ProfileUpdate, SetInput, SetKind,
    Unit, Weight, WeightUnit, band_name,
};

/// Most sets one call may log (and most set ids one call may name).
pub const MAX_SETS_PER_CALL: usize = 200;

/// Heaviest load accepted for a set, in kilograms.
pub const MAX_LOAD_KG: f64 = 1000.0;
/// Largest assistance (negative added load) accepted, in kilograms.
pub const MAX_ASSISTANCE_KG: f64 = 500.0;
/// Most repetitions accepted in one set.
pub const MAX_REPS: u32 = 1000;
/// Longest set accepted: 24 hours.
pub const MAX_DURATION_MS: u32 = 24 * 3600 * 1000;
/// Longest distance accepted in one set: 1000 km.
pub const MAX_DISTANCE_M: f64 = 1_000_000.0;
/// Most landings accepted in one set.
pub const MAX_LANDINGS: u32 = 1000;
/// Highest drop height accepted, in centimetres.
pub const MAX_DROP_HEIGHT_CM: f64 = 150.0;
/// Most running minutes a week accepted, in the profile and as a
/// measurement (three hours a day).
pub const MAX_RUNNING_MIN_WEEK: u16 = 1260;
/// Longest note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// How far ahead of the device clock a time may be (clock skew between devices).
pub const FUTURE_TOLERANCE_MIN: i64 = 5;
/// Earliest date accepted for anything.
pub const EARLIEST_YEAR: i32 = 1900;

/// A field of an input, as named in errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Field {
    Exercise,
    Weight,
    AddedWeight,
    Reps,
    Rir,
    Rpe,
    Duration,
    Distance,
    Landings,
    DropHeight,
    Pain,
    Note,
    /// The elastic band of a set.
    Band,
    Name,
    Alias,
    Date,
    FinishedAt,
    BirthYear,
    Count,
    Id,
    Loadout,
    RunningMinutes,
    Program,
    /// What a measurement measures (`grip`, `t_score`, ...).
    Measure,
    /// Where a measurement was taken (a DXA site or a hand).
    Site,
    /// The unit of a measurement.
    Unit,
    /// The value of a measurement.
    Value,
}

impl Field {
    /// The field's name as shown to people and in JSON errors.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Exercise => "exercise",
            Field::Weight => "weight",
            Field::AddedWeight => "added_weight",
            Field::Reps => "reps",
            Field::Rir => "rir",
            Field::Rpe => "rpe",
            Field::Duration => "duration",
            Field::Distance => "distance",
            Field::Landings => "landings",
            Field::DropHeight => "drop_height",
            Field::Pain => "pain",
            Field::Note => "note",
            Field::Band => "band",
            Field::Name => "name",
            Field::Alias => "alias",
            Field::Date => "date",
            Field::Loadout => "loadout",
            Field::RunningMinutes => "running_min_week",
            Field::Program => "program",
            Field::FinishedAt => "finished_at",
            Field::BirthYear => "birth_year",
            Field::Count => "count",
            Field::Id => "id",
            Field::Measure => "measure",
            Field::Site => "site",
            Field::Unit => "unit",
            Field::Value => "value",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A limit a value is held to: a number and its unit symbol (`kg`, `cm`,
/// `h`; empty for a plain count), kept apart so that a screen writes the
/// number its language's way; `above` for a bound the value must exceed
/// ("more than 0 cm").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    /// The number.
    pub value: f64,
    /// Its unit's symbol, or empty.
    pub unit: &'static str,
    /// The value must be more than this, not at least this.
    pub above: bool,
}

impl Limit {
    /// `value` in `unit` (a symbol; empty for a count).
    pub const fn of(value: f64, unit: &'static str) -> Limit {
        Limit {
            value,
            unit,
            above: false,
        }
    }

    /// A plain count or number.
    pub fn count(value: impl Into<f64>) -> Limit {
        Limit::of(value.into(), "")
    }

    /// More than `value` in `unit`.
    pub const fn above(value: f64, unit: &'static str) -> Limit {
        Limit {
            value,
            unit,
            above: true,
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.above {
            f.write_str("more than ")?;
        }
        f.write_str(&crate::model::format_decimal(self.value, 3))?;
        if !self.unit.is_empty() {
            write!(f, " {}", self.unit)?;
        }
        Ok(())
    }
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Not a finite number (NaN or infinite).
    NotFinite,
    /// Below zero where only zero or more makes sense.
    Negative,
    /// Above the largest sensible value.
    TooLarge {
        /// The limit, e.g. 1000 kg.
        max: Limit,
    },
    /// Outside an allowed range.
    OutOfRange {
        /// Smallest allowed.
        min: Limit,
        /// Largest allowed.
        max: Limit,
    },
    /// Not a multiple of the allowed step (RPE and RIR go in half steps).
    NotAStep {
        /// The step, e.g. 0.5.
        step: Limit,
    },
    /// Required but missing or blank.
    Missing,
    /// Empty after trimming spaces.
    Empty,
    /// Longer than allowed.
    TooLong {
        /// The limit in characters.
        max: usize,
    },
    /// Contains control characters.
    ControlCharacters,
    /// In the future.
    InFuture,
    /// Before 1900.
    TooEarly,
    /// Before another time it must follow.
    BeforeStart,
    /// Not allowed together with another field.
    Conflicts {
        /// The other field.
        with: Field,
    },
    /// Not in the expected form.
    Malformed {
        /// What it should look like.
        expected: String,
    },
    /// Does not fit how the exercise is measured.
    WrongForExercise {
        /// Why, in words.
        reason: String,
    },
    /// Does not fit the kind of measurement (a site where none is taken).
    WrongForMeasure {
        /// Why, in words.
        reason: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotFinite => f.write_str("must be a number"),
            Problem::Negative => f.write_str("must not be negative"),
            Problem::TooLarge { max } => write!(f, "must be at most {max}"),
            Problem::OutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            Problem::NotAStep { step } => write!(f, "must be a multiple of {step}"),
            Problem::Missing => f.write_str("is required"),
            Problem::Empty => f.write_str("must not be empty"),
            Problem::TooLong { max } => write!(f, "must be at most {max} characters"),
            Problem::ControlCharacters => f.write_str("must not contain control characters"),
            Problem::InFuture => f.write_str("must not be in the future"),
            Problem::TooEarly => write!(f, "must not be before {EARLIEST_YEAR}"),
            Problem::BeforeStart => f.write_str("must not be before the workout started"),
            Problem::Conflicts { with } => write!(f, "cannot be given together with {with}"),
            Problem::Malformed { expected } => write!(f, "must be {expected}"),
            Problem::WrongForExercise { reason } => f.write_str(reason),
            Problem::WrongForMeasure { reason } => f.write_str(reason),
        }
    }
}

/// An input value broke a rule: which field, and what is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field} {problem}")]
pub struct ValidationError {
    /// The field.
    pub field: Field,
    /// What is wrong with it.
    pub problem: Problem,
}

/// Result of a check.
pub type Check = Result<(), ValidationError>;

fn fail(field: Field, problem: Problem) -> Check {
    Err(ValidationError { field, problem })
}

/// Checks a weight: finite, not negative (unless `allow_negative`), within limits.
pub fn weight(field: Field, w: Weight, allow_negative: bool) -> Check {
    let kg = w.base();
    if !kg.is_finite() {
        return fail(field, Problem::NotFinite);
    }
    if kg < 0.0 && !allow_negative {
        return fail(field, Problem::Negative);
    }
    let limit_kg = if kg < 0.0 {
        MAX_ASSISTANCE_KG
    } else {
        MAX_LOAD_KG
    };
    if kg.abs() > limit_kg + 1e-9 {
        let max = match w.unit() {
            WeightUnit::Kg => Limit::of(limit_kg, "kg"),
            WeightUnit::Lb => Limit::of((limit_kg / WeightUnit::Lb.base_factor()).round(), "lb"),
        };
        return fail(field, Problem::TooLarge { max });
    }
    Ok(())
}

/// Checks a value on a half-step scale within `[min, max]` (RPE, RIR).
fn half_steps(field: Field, value: f64, min: f64, max: f64) -> Check {
    if !value.is_finite() {
        return fail(field, Problem::NotFinite);
    }
    if value < min || value > max {
        return fail(
            field,
            Problem::OutOfRange {
                min: Limit::count(min),
                max: Limit::count(max),
            },
        );
    }
    if (value * 2.0).fract() != 0.0 {
        return fail(
            field,
            Problem::NotAStep {
                step: Limit::count(0.5),
            },
        );
    }
    Ok(())
}

/// Checks an effort rating: RIR 0-10 or RPE 1-10, in half steps.
pub fn effort(e: Effort) -> Check {
    match e {
        Effort::Rir(v) => half_steps(Field::Rir, v, 0.0, 10.0),
        Effort::Rpe(v) => half_steps(Field::Rpe, v, 1.0, 10.0),
    }
}

/// Checks free text: not longer than `max`, no control characters but newlines and tabs.
pub fn text(field: Field, s: &str, max: usize) -> Check {
    if s.chars().count() > max {
        return fail(field, Problem::TooLong { max });
    }
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return fail(field, Problem::ControlCharacters);
    }
    Ok(())
}

/// Checks a name: not blank, within the length limit, with a letter or digit.
pub fn name(field: Field, s: &str) -> Check {
    let trimmed = s.trim();
    if trimmed.is_empty() || !trimmed.chars().any(char::is_alphanumeric) {
        return fail(field, Problem::Empty);
    }
    text(field, trimmed, MAX_NAME_CHARS)
}

/// Checks that `at` is not after `now` (with a small allowance for clock skew) nor before 1900.
pub fn instant(field: Field, at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> Check {
    if at > now + TimeDelta::minutes(FUTURE_TOLERANCE_MIN) {
        return fail(field, Problem::InFuture);
    }
    date(
        field,
        at.date_naive(),
        now.date_naive() + TimeDelta::days(1),
    )
}

/// Checks that a calendar date is not after `today` nor before 1900.
pub fn date(field: Field, d: NaiveDate, today: NaiveDate) -> Check {
    if d > today {
        return fail(field, Problem::InFuture);
    }
    if d < NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN) {
        return fail(field, Problem::TooEarly);
    }
    Ok(())
}

/// Checks a set against the limits and against how its exercise is measured.
pub fn set(input: &SetInput, exercise: &Exercise) -> Check {
    set_values(input)?;
    fits_measure(input, exercise)
}

/// Checks each value a set carries against its limits, whatever the exercise.
pub fn set_values(input: &SetInput) -> Check {
    match input.load {
        Load::None => {}
        Load::Weight { weight: w } => weight(Field::Weight, w, false)?,
        Load::Bodyweight { added: Some(w) } => weight(Field::AddedWeight, w, true)?,
        Load::Bodyweight { added: None } => {}
    }
    if let Some(reps) = input.reps
        && reps > MAX_REPS
    {
        return fail(
            Field::Reps,
            Problem::TooLarge {
                max: Limit::count(MAX_REPS),
            },
        );
    }
    if let Some(e) = input.effort {
        effort(e)?;
    }
    if let Some(ms) = input.duration_ms {
        if ms == 0 {
            return fail(
                Field::Duration,
                Problem::OutOfRange {
                    min: Limit::of(1.0, "ms"),
                    max: Limit::of(24.0, "h"),
                },
            );
        }
        if ms > MAX_DURATION_MS {
            return fail(
                Field::Duration,
                Problem::TooLarge {
                    max: Limit::of(24.0, "h"),
                },
            );
        }
    }
    if let Some(d) = input.distance {
        let m = d.base();
        if m < 0.0 {
            return fail(Field::Distance, Problem::Negative);
        }
        if m == 0.0 {
            return fail(
                Field::Distance,
                Problem::OutOfRange {
                    min: Limit::of(1.0, "mm"),
                    max: Limit::of(1000.0, "km"),
                },
            );
        }
        if m > MAX_DISTANCE_M {
            return fail(
                Field::Distance,
                Problem::TooLarge {
                    max: Limit::of(1000.0, "km"),
                },
            );
        }
    }
    if let Some(impact) = input.impact {
        if impact.landings == 0 || impact.landings > MAX_LANDINGS {
            return fail(
                Field::Landings,
                Problem::OutOfRange {
                    min: Limit::count(1),
                    max: Limit::count(MAX_LANDINGS),
                },
            );
        }
        if let Some(h) = impact.drop_height_cm {
            if !h.is_finite() {
                return fail(Field::DropHeight, Problem::NotFinite);
            }
            if h <= 0.0 || h > MAX_DROP_HEIGHT_CM {
                return fail(
                    Field::DropHeight,
                    Problem::OutOfRange {
                        min: Limit::above(0.0, "cm"),
                        max: Limit::of(MAX_DROP_HEIGHT_CM, "cm"),
                    },
                );
            }
        }
    }
    if let Some(p) = input.pain
        && p > 10
    {
        return fail(
            Field::Pain,
            Problem::OutOfRange {
                min: Limit::count(0),
                max: Limit::count(10),
            },
        );
    }
    if let Some(note) = &input.note {
        text(Field::Note, note, MAX_NOTE_CHARS)?;
    }
    if let Some(band) = &input.band {
        name(Field::Band, band)?;
    }
    Ok(())
}

/// A set must carry what its exercise is measured by: reps for lifts, a time
/// for holds, a distance for carries. Extra values (a time on a lift) are kept.
fn fits_measure(input: &SetInput, exercise: &Exercise) -> Check {
    let wrong = |field, reason: String| fail(field, Problem::WrongForExercise { reason });
    let name = &exercise.name;
    match exercise.measure {
        Measure::WeightReps | Measure::BodyweightReps | Measure::Reps if input.reps.is_none() => {
            wrong(
                Field::Reps,
                format!("is required: {name} is counted in reps"),
            )
        }
        // Zero reps of a lift is a slip (100x0 for 100x10), except on a
        // failure set, which is how a missed attempt is written.
        Measure::WeightReps | Measure::BodyweightReps | Measure::Reps
            if input.reps == Some(0) && input.kind != SetKind::Failure =>
        {
            wrong(
                Field::Reps,
                format!(
                    "must be at least 1: a set of {name} is counted in reps (write a missed attempt as a failure set, f:100x0)"
                ),
            )
        }
        Measure::WeightReps if matches!(input.load, Load::None) => wrong(
            Field::Weight,
            format!("is required: {name} is done with a weight (0 for an empty machine)"),
        ),
        Measure::Time if input.duration_ms.is_none() => {
            wrong(Field::Duration, format!("is required: {name} is timed"))
        }
        Measure::Distance if input.distance.is_none() && input.duration_ms.is_none() => wrong(
            Field::Distance,
            format!("or a duration is required for {name}"),
        ),
        Measure::WeightDistance if input.distance.is_none() => wrong(
            Field::Distance,
            format!("is required: {name} is measured by distance"),
        ),
        _ if input.reps.is_none() && input.duration_ms.is_none() && input.distance.is_none() => {
            wrong(
                Field::Reps,
                "a set needs reps, a duration or a distance".into(),
            )
        }
        _ => Ok(()),
    }
}

/// Checks the values a profile may hold; also run on the merged profile
/// after a sync, whose fields may come from another device.
pub fn profile(update: &ProfileUpdate, this_year: i32) -> Check {
    if let Some(y) = update.birth_year
        && !(EARLIEST_YEAR..=this_year - 5).contains(&y)
    {
        return Err(ValidationError {
            field: Field::BirthYear,
            problem: Problem::OutOfRange {
                min: Limit::count(EARLIEST_YEAR),
                max: Limit::count(this_year - 5),
            },
        });
    }
    if let Some(loadout) = &update.loadout {
        loadout.validate().map_err(|e| ValidationError {
            field: Field::Loadout,
            problem: Problem::Malformed {
                expected: e.to_string(),
            },
        })?;
    }
    if let Some(list) = &update.bands {
        bands(list)?;
    }
    if let Some(m) = update.running_min_week
        && m > MAX_RUNNING_MIN_WEEK
    {
        return Err(ValidationError {
            field: Field::RunningMinutes,
            problem: Problem::OutOfRange {
                min: Limit::count(0),
                max: Limit::count(MAX_RUNNING_MIN_WEEK),
            },
        });
    }
    Ok(())
}

/// A band list: names of letters, digits and '-', each once, at most [`MAX_BANDS`].
fn bands(list: &[String]) -> Check {
    let bad = |expected: String| ValidationError {
        field: Field::Band,
        problem: Problem::Malformed { expected },
    };
    if list.len() > MAX_BANDS {
        return Err(bad(format!("at most {MAX_BANDS} bands")));
    }
    let mut seen: Vec<String> = Vec::new();
    for b in list {
        let Some(name) = band_name(b) else {
            return Err(bad(format!(
                "band names of letters, digits and '-' (up to {MAX_BAND_NAME}), not '{}'",
                b.trim()
            )));
        };
        if seen.contains(&name) {
            return Err(bad(format!("each band once ('{name}' twice)")));
        }
        seen.push(name);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_names_the_field_it_breaks() {
        let ok = ProfileUpdate {
            birth_year: Some(1958),
            running_min_week: Some(120),
            bands: Some(vec!["yellow".into(), "Red".into()]),
            ..ProfileUpdate::default()
        };
        assert_eq!(profile(&ok, 2026), Ok(()));
        let field = |u: ProfileUpdate| profile(&u, 2026).unwrap_err().field;
        assert_eq!(
            field(ProfileUpdate {
                birth_year: Some(2024),
                ..ProfileUpdate::default()
            }),
            Field::BirthYear
        );
        assert_eq!(
            field(ProfileUpdate {
                running_min_week: Some(MAX_RUNNING_MIN_WEEK + 1),
                ..ProfileUpdate::default()
            }),
            Field::RunningMinutes
        );
        assert_eq!(
            field(ProfileUpdate {
                bands: Some(vec!["red".into(), "RED".into()]),
                ..ProfileUpdate::default()
            }),
            Field::Band
        );
    }
    use crate::model::{Distance, DistanceUnit, Equipment, Impact, Pattern, SetKind};

    fn squat() -> Exercise {
        Exercise {
            id: "back-squat".into(),
            name: "Back Squat".into(),
            aliases: vec![],
            pattern: Pattern::Squat,
            equipment: Equipment::Barbell,
            measure: Measure::WeightReps,
            muscles: vec![],
            unilateral: false,
            axial: true,
            spinal_flexion: false,
            spinal_rotation: false,
            impact: false,
            builtin: true,
        }
    }

    fn with_measure(measure: Measure) -> Exercise {
        Exercise {
            measure,
            name: "X".into(),
            ..squat()
        }
    }

    fn good() -> SetInput {
        SetInput {
            load: Load::Weight {
                weight: Weight::new(100.0, WeightUnit::Kg).unwrap(),
            },
            reps: Some(5),
            ..SetInput::new("back-squat")
        }
    }

    fn field_of(input: SetInput, ex: &Exercise) -> Option<(Field, Problem)> {
        set(&input, ex).err().map(|e| (e.field, e.problem))
    }

    fn kg(v: f64) -> Weight {
        Weight::new(v, WeightUnit::Kg).unwrap()
    }

    #[test]
    fn a_good_set_passes() {
        assert_eq!(set(&good(), &squat()), Ok(()));
    }

    /// Every validation error, one row each: the input and the field it must name.
    #[test]
    fn every_rule_names_its_field() {
        let ex = squat();
        let cases: Vec<(&str, SetInput, Exercise, Field)> = vec![
            (
                "negative weight",
                SetInput {
                    load: Load::Weight { weight: kg(-5.0) },
                    ..good()
                },
                ex.clone(),
                Field::Weight,
            ),
            (
                "absurd weight",
                SetInput {
                    load: Load::Weight { weight: kg(1000.5) },
                    ..good()
                },
                ex.clone(),
                Field::Weight,
            ),
            (
                "absurd weight in lb",
                SetInput {
                    load: Load::Weight {
                        weight: Weight::new(2300.0, WeightUnit::Lb).unwrap(),
                    },
                    ..good()
                },
                ex.clone(),
                Field::Weight,
            ),
            (
                "absurd added",
                SetInput {
                    load: Load::Bodyweight {
                        added: Some(kg(1200.0)),
                    },
                    ..good()
                },
                ex.clone(),
                Field::AddedWeight,
            ),
            (
                "absurd assistance",
                SetInput {
                    load: Load::Bodyweight {
                        added: Some(kg(-600.0)),
                    },
                    ..good()
                },
                ex.clone(),
                Field::AddedWeight,
            ),
            (
                "too many reps",
                SetInput {
                    reps: Some(1001),
                    ..good()
                },
                ex.clone(),
                Field::Reps,
            ),
            (
                "rir too high",
                SetInput {
                    effort: Some(Effort::Rir(11.0)),
                    ..good()
                },
                ex.clone(),
                Field::Rir,
            ),
            (
                "rir negative",
                SetInput {
                    effort: Some(Effort::Rir(-1.0)),
                    ..good()
                },
                ex.clone(),
                Field::Rir,
            ),
            (
                "rir NaN",
                SetInput {
                    effort: Some(Effort::Rir(f64::NAN)),
                    ..good()
                },
                ex.clone(),
                Field::Rir,
            ),
            (
                "rpe zero",
                SetInput {
                    effort: Some(Effort::Rpe(0.0)),
                    ..good()
                },
                ex.clone(),
                Field::Rpe,
            ),
            (
                "rpe eleven",
                SetInput {
                    effort: Some(Effort::Rpe(11.0)),
                    ..good()
                },
                ex.clone(),
                Field::Rpe,
            ),
            (
                "rpe quarter",
                SetInput {
                    effort: Some(Effort::Rpe(8.25)),
                    ..good()
                },
                ex.clone(),
                Field::Rpe,
            ),
            (
                "zero duration",
                SetInput {
                    duration_ms: Some(0),
                    ..good()
                },
                ex.clone(),
                Field::Duration,
            ),
            (
                "day-long set",
                SetInput {
                    duration_ms: Some(MAX_DURATION_MS + 1),
                    ..good()
                },
                ex.clone(),
                Field::Duration,
            ),
            (
                "zero distance",
                SetInput {
                    distance: Some(Distance::new(0.0, DistanceUnit::M).unwrap()),
                    ..good()
                },
                ex.clone(),
                Field::Distance,
            ),
            (
                "negative distance",
                SetInput {
                    distance: Some(Distance::new(-1.0, DistanceUnit::Km).unwrap()),
                    ..good()
                },
                ex.clone(),
                Field::Distance,
            ),
            (
                "absurd distance",
                SetInput {
                    distance: Some(Distance::new(1001.0, DistanceUnit::Km).unwrap()),
                    ..good()
                },
                ex.clone(),
                Field::Distance,
            ),
            (
                "zero landings",
                SetInput {
                    impact: Some(Impact {
                        landings: 0,
                        drop_height_cm: None,
                    }),
                    ..good()
                },
                ex.clone(),
                Field::Landings,
            ),
            (
                "too many landings",
                SetInput {
                    impact: Some(Impact {
                        landings: 1001,
                        drop_height_cm: None,
                    }),
                    ..good()
                },
                ex.clone(),
                Field::Landings,
            ),
            (
                "NaN drop height",
                SetInput {
                    impact: Some(Impact {
                        landings: 5,
                        drop_height_cm: Some(f64::NAN),
                    }),
                    ..good()
                },
                ex.clone(),
                Field::DropHeight,
            ),
            (
                "absurd drop height",
                SetInput {
                    impact: Some(Impact {
                        landings: 5,
                        drop_height_cm: Some(300.0),
                    }),
                    ..good()
                },
                ex.clone(),
                Field::DropHeight,
            ),
            (
                "pain eleven",
                SetInput {
                    pain: Some(11),
                    ..good()
                },
                ex.clone(),
                Field::Pain,
            ),
            (
                "long note",
                SetInput {
                    note: Some("x".repeat(MAX_NOTE_CHARS + 1)),
                    ..good()
                },
                ex.clone(),
                Field::Note,
            ),
            (
                "control chars in note",
                SetInput {
                    note: Some("a\u{7}b".into()),
                    ..good()
                },
                ex.clone(),
                Field::Note,
            ),
            (
                "lift without reps",
                SetInput {
                    reps: None,
                    ..good()
                },
                ex.clone(),
                Field::Reps,
            ),
            (
                "lift without weight",
                SetInput {
                    load: Load::None,
                    ..good()
                },
                ex.clone(),
                Field::Weight,
            ),
            (
                "hold without time",
                SetInput {
                    duration_ms: None,
                    ..good()
                },
                with_measure(Measure::Time),
                Field::Duration,
            ),
            (
                "run with nothing",
                SetInput {
                    reps: None,
                    ..good()
                },
                with_measure(Measure::Distance),
                Field::Distance,
            ),
            (
                "carry without distance",
                good(),
                with_measure(Measure::WeightDistance),
                Field::Distance,
            ),
        ];
        for (what, input, ex, field) in cases {
            let got = field_of(input, &ex);
            assert_eq!(got.as_ref().map(|g| g.0), Some(field), "{what}: {got:?}");
        }
    }

    #[test]
    fn boundaries_are_inclusive() {
        let ex = squat();
        assert!(
            set(
                &SetInput {
                    load: Load::Weight { weight: kg(1000.0) },
                    ..good()
                },
                &ex
            )
            .is_ok()
        );
        assert!(
            set(
                &SetInput {
                    reps: Some(MAX_REPS),
                    ..good()
                },
                &ex
            )
            .is_ok()
        );
        assert!(
            set(
                &SetInput {
                    reps: Some(0),
                    kind: SetKind::Failure,
                    ..good()
                },
                &ex
            )
            .is_ok(),
            "a missed attempt is a failure set of 0 reps"
        );
        let zero = set(
            &SetInput {
                reps: Some(0),
                ..good()
            },
            &ex,
        )
        .unwrap_err();
        assert_eq!(zero.field, Field::Reps);
        assert!(
            zero.to_string().starts_with("reps must be at least 1"),
            "{zero}"
        );
        assert!(
            set(
                &SetInput {
                    effort: Some(Effort::Rpe(9.5)),
                    ..good()
                },
                &ex
            )
            .is_ok()
        );
        assert!(
            set(
                &SetInput {
                    effort: Some(Effort::Rir(0.0)),
                    ..good()
                },
                &ex
            )
            .is_ok()
        );
        assert!(
            set(
                &SetInput {
                    pain: Some(10),
                    ..good()
                },
                &ex
            )
            .is_ok()
        );
        assert!(
            set(
                &SetInput {
                    load: Load::Bodyweight {
                        added: Some(kg(-20.0))
                    },
                    ..good()
                },
                &ex
            )
            .is_ok()
        );
    }

    #[test]
    fn kind_does_not_change_the_rules() {
        let ex = squat();
        for kind in SetKind::ALL {
            assert!(
                set(
                    &SetInput {
                        kind: *kind,
                        ..good()
                    },
                    &ex
                )
                .is_ok()
            );
        }
    }

    #[test]
    fn names_must_have_content() {
        assert_eq!(name(Field::Name, "  ").unwrap_err().problem, Problem::Empty);
        assert_eq!(name(Field::Name, "--").unwrap_err().problem, Problem::Empty);
        assert!(matches!(
            name(Field::Name, &"a".repeat(101)).unwrap_err().problem,
            Problem::TooLong { .. }
        ));
        assert!(name(Field::Name, "Жим лёжа").is_ok());
    }

    #[test]
    fn times_in_the_future_or_before_1900_are_refused() {
        let now = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap();
        assert!(instant(Field::Date, now + TimeDelta::minutes(4), now).is_ok());
        assert_eq!(
            instant(Field::Date, now + TimeDelta::minutes(6), now)
                .unwrap_err()
                .problem,
            Problem::InFuture
        );
        let old = DateTime::parse_from_rfc3339("1899-12-31T10:00:00+00:00").unwrap();
        assert_eq!(
            instant(Field::Date, old, now).unwrap_err().problem,
            Problem::TooEarly
        );
        let today = now.date_naive();
        assert_eq!(
            date(Field::Date, today.succ_opt().unwrap(), today)
                .unwrap_err()
                .problem,
            Problem::InFuture
        );
    }

    #[test]
    fn messages_read_as_sentences() {
        let e = set(
            &SetInput {
                reps: Some(5000),
                ..good()
            },
            &squat(),
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "reps must be at most 1000");
        let e = set(
            &SetInput {
                load: Load::Weight {
                    weight: Weight::new(2300.0, WeightUnit::Lb).unwrap(),
                },
                ..good()
            },
            &squat(),
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "weight must be at most 2205 lb");
    }
}
