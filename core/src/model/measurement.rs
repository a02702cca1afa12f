//! Body and outcome measurements: what a person measures outside a workout
//! (body weight, DXA results, grip, chair stands, gait speed, ...), the unit
//! and site each kind takes, and the limits a typed value must respect.
//!
//! A value is kept as entered (`160 lb` stays pounds); conversions happen
//! only when two units meet, as with set weights. The names here are the
//! spellings of the `measurement` table, the JSON and the CLI.

use serde::{Deserialize, Serialize};

use super::names::named_enum;
use super::{Timestamp, Unit, WeightUnit};
use crate::validate::{
    Check, Field, Limit, MAX_NOTE_CHARS, MAX_RUNNING_MIN_WEEK, Problem, ValidationError,
};

/// What was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MeasureKind {
    /// Body weight (kg or lb).
    BodyWeight,
    /// Lean (fat-free) mass, e.g. from DXA (kg or lb).
    LeanMass,
    /// Visceral fat: DXA visceral adipose tissue mass (g) or a scale's rating (level).
    VisceralFat,
    /// Bone mineral density at a DXA site (g/cm²).
    Bmd,
    /// DXA T-score at a site (standard deviations from the young-adult mean).
    TScore,
    /// DXA Z-score at a site (standard deviations from the age-matched mean).
    ZScore,
    /// Grip strength, optionally per hand (kg or lb).
    Grip,
    /// 30-second chair stand: full stands in 30 s (reps).
    ChairStand30s,
    /// Five times sit-to-stand: seconds for five stands.
    FiveChairStand,
    /// Timed up-and-go (seconds).
    TimedUpAndGo,
    /// Usual walking speed (m/s).
    GaitSpeed,
    /// Steps in a day.
    Steps,
    /// Minutes of running in a week.
    RunningMinutes,
}
named_enum!(MeasureKind, "measure kind" {
    BodyWeight => "body_weight",
    LeanMass => "lean_mass",
    VisceralFat => "visceral_fat",
    Bmd => "bmd",
    TScore => "t_score",
    ZScore => "z_score",
    Grip => "grip",
    ChairStand30s => "chair_stand_30s",
    FiveChairStand => "five_chair_stand",
    TimedUpAndGo => "timed_up_and_go",
    GaitSpeed => "gait_speed",
    Steps => "steps",
    RunningMinutes => "running_minutes",
});

/// Where on the body a measurement was taken: a DXA site or a hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Site {
    /// Lumbar spine (L1-L4), DXA.
    LumbarSpine,
    /// Femoral neck, DXA.
    FemoralNeck,
    /// Total hip, DXA.
    TotalHip,
    /// Left hand (grip).
    Left,
    /// Right hand (grip).
    Right,
}
named_enum!(Site, "site" {
    LumbarSpine => "lumbar_spine",
    FemoralNeck => "femoral_neck",
    TotalHip => "total_hip",
    Left => "left",
    Right => "right",
});

/// The unit of a measurement's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum MeasureUnit {
    /// Kilograms.
    Kg,
    /// Pounds.
    Lb,
    /// Grams.
    Gram,
    /// Grams per square centimetre (areal bone density).
    GramPerCm2,
    /// A body-composition scale's visceral fat rating (1-59).
    Level,
    /// Standard deviations (T- and Z-scores).
    Sd,
    /// Repetitions.
    Reps,
    /// Seconds.
    Seconds,
    /// Metres per second.
    MetresPerSecond,
    /// Steps in a day.
    StepsPerDay,
    /// Minutes in a week.
    MinutesPerWeek,
}
named_enum!(MeasureUnit, "measure unit" {
    Kg => "kg",
    Lb => "lb",
    Gram => "g",
    GramPerCm2 => "g/cm2",
    Level => "level",
    Sd => "sd",
    Reps => "reps",
    Seconds => "s",
    MetresPerSecond => "m/s",
    StepsPerDay => "steps/day",
    MinutesPerWeek => "min/week",
});

/// Which sites a kind takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteRule {
    /// No site (given one is an error).
    None,
    /// One of these sites, or none.
    Optional(&'static [Site]),
    /// One of these sites, always.
    Required(&'static [Site]),
}

/// The DXA sites.
pub const DXA_SITES: &[Site] = &[Site::LumbarSpine, Site::FemoralNeck, Site::TotalHip];
/// The hands.
pub const HANDS: &[Site] = &[Site::Left, Site::Right];

/// The range a kind's value must fall in, in the kind's canonical unit
/// (kg for weights).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Smallest accepted value.
    pub min: f64,
    /// Largest accepted value.
    pub max: f64,
    /// Only whole numbers (reps, steps, minutes).
    pub whole: bool,
}

const fn limits(min: f64, max: f64, whole: bool) -> Limits {
    Limits { min, max, whole }
}

impl MeasureKind {
    /// Units a value of this kind may be given in; the first is canonical.
    pub fn units(self) -> &'static [MeasureUnit] {
        use MeasureUnit as U;
        match self {
            MeasureKind::BodyWeight | MeasureKind::LeanMass | MeasureKind::Grip => &[U::Kg, U::Lb],
            MeasureKind::VisceralFat => &[U::Gram, U::Level],
            MeasureKind::Bmd => &[U::GramPerCm2],
            MeasureKind::TScore | MeasureKind::ZScore => &[U::Sd],
            MeasureKind::ChairStand30s => &[U::Reps],
            MeasureKind::FiveChairStand | MeasureKind::TimedUpAndGo => &[U::Seconds],
            MeasureKind::GaitSpeed => &[U::MetresPerSecond],
            MeasureKind::Steps => &[U::StepsPerDay],
            MeasureKind::RunningMinutes => &[U::MinutesPerWeek],
        }
    }

    /// Whether the value is a weight (kg or lb), so a bare number takes the
    /// profile's unit.
    pub fn is_weight(self) -> bool {
        matches!(
            self,
            MeasureKind::BodyWeight | MeasureKind::LeanMass | MeasureKind::Grip
        )
    }

    /// Whether this kind comes from a DXA scan whose changes are judged
    /// against the scanner's precision.
    pub fn is_dxa(self) -> bool {
        matches!(
            self,
            MeasureKind::Bmd | MeasureKind::TScore | MeasureKind::ZScore
        )
    }

    /// The unit of a value typed without one: the profile's unit for
    /// weights, the only unit for single-unit kinds, and `None` for visceral
    /// fat (grams and a scale's level are too easily confused).
    pub fn default_unit(self, profile_unit: WeightUnit) -> Option<MeasureUnit> {
        if self.is_weight() {
            return Some(MeasureUnit::from(profile_unit));
        }
        match self.units() {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Which sites this kind takes.
    pub fn site_rule(self) -> SiteRule {
        match self {
            MeasureKind::Bmd | MeasureKind::TScore | MeasureKind::ZScore => {
                SiteRule::Required(DXA_SITES)
            }
            MeasureKind::Grip => SiteRule::Optional(HANDS),
            _ => SiteRule::None,
        }
    }

    /// The accepted range of a value given in `unit` (one of [`Self::units`]),
    /// in that unit's scale (kg for weights whatever the unit).
    pub fn limits(self, unit: MeasureUnit) -> Limits {
        match (self, unit) {
            (MeasureKind::BodyWeight, _) => limits(20.0, 400.0, false),
            (MeasureKind::LeanMass, _) => limits(10.0, 200.0, false),
            (MeasureKind::VisceralFat, MeasureUnit::Level) => limits(1.0, 59.0, false),
            (MeasureKind::VisceralFat, _) => limits(1.0, 10_000.0, false),
            (MeasureKind::Bmd, _) => limits(0.1, 3.0, false),
            (MeasureKind::TScore | MeasureKind::ZScore, _) => limits(-6.0, 6.0, false),
            (MeasureKind::Grip, _) => limits(0.0, 150.0, false),
            (MeasureKind::ChairStand30s, _) => limits(0.0, 60.0, true),
            (MeasureKind::FiveChairStand, _) => limits(1.0, 120.0, false),
            (MeasureKind::TimedUpAndGo, _) => limits(1.0, 300.0, false),
            (MeasureKind::GaitSpeed, _) => limits(0.1, 3.0, false),
            (MeasureKind::Steps, _) => limits(0.0, 100_000.0, true),
            (MeasureKind::RunningMinutes, _) => limits(0.0, f64::from(MAX_RUNNING_MIN_WEEK), true),
        }
    }

    /// Reads a kind as typed: case, dashes and spaces are forgiven, and a
    /// few common names are understood (`weight`, `tug`).
    pub fn from_input(text: &str) -> Result<MeasureKind, ValidationError> {
        let norm = normalise(text);
        let alias = match norm.as_str() {
            "weight" | "bodyweight" => "body_weight",
            "tscore" => "t_score",
            "zscore" => "z_score",
            "tug" => "timed_up_and_go",
            "leanmass" => "lean_mass",
            "grip_strength" => "grip",
            other => other,
        };
        alias.parse().map_err(|_| ValidationError {
            field: Field::Measure,
            problem: Problem::Malformed {
                expected: format!("one of {}", MeasureKind::NAMES.join(", ")),
            },
        })
    }

    /// Reads a value as typed, with an optional unit after the number:
    /// `72.5`, `72,5`, `160lb`, `72.5 kg`, `-1.8`, `0.853g/cm2`. For kinds
    /// counted in whole numbers, `10,000` and `10.000` are ten thousand.
    pub fn parse_value(self, text: &str) -> Result<(f64, Option<MeasureUnit>), ValidationError> {
        let text = text.trim().replace('\u{2212}', "-");
        let malformed = || ValidationError {
            field: Field::Value,
            problem: Problem::Malformed {
                expected: "a number, optionally followed by its unit (72.5, 72,5kg, 160lb)".into(),
            },
        };
        let split = text
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')))
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        if number.is_empty() {
            return Err(malformed());
        }
        let unit = unit.trim();
        let unit = if unit.is_empty() {
            None
        } else {
            Some(MeasureUnit::from_input(unit)?)
        };
        let whole = unit
            .or_else(|| self.units().first().copied())
            .is_some_and(|u| self.limits(u).whole);
        let value = decimal(number, whole).ok_or_else(malformed)?;
        Ok((value, unit))
    }

    /// Checks a value of this kind: its unit, its site and its range. Errors
    /// name the field: `unit`, `site` or `value`.
    pub fn check(self, site: Option<Site>, value: f64, unit: MeasureUnit) -> Check {
        let fail = |field, problem| Err(ValidationError { field, problem });
        if !self.units().contains(&unit) {
            let names: Vec<&str> = self.units().iter().map(|u| u.as_str()).collect();
            return fail(
                Field::Unit,
                Problem::Malformed {
                    expected: format!("{} for {self}", names.join(" or ")),
                },
            );
        }
        match (self.site_rule(), site) {
            (SiteRule::None, Some(_)) => {
                return fail(
                    Field::Site,
                    Problem::WrongForMeasure {
                        reason: format!("is not taken for {self}"),
                    },
                );
            }
            (SiteRule::Required(sites), None) => {
                return fail(
                    Field::Site,
                    Problem::WrongForMeasure {
                        reason: format!("is required for {self}: {}", site_names(sites)),
                    },
                );
            }
            (SiteRule::Required(sites) | SiteRule::Optional(sites), Some(s))
                if !sites.contains(&s) =>
            {
                return fail(
                    Field::Site,
                    Problem::WrongForMeasure {
                        reason: format!("of {self} must be {}", site_names(sites)),
                    },
                );
            }
            _ => {}
        }
        if !value.is_finite() {
            return fail(Field::Value, Problem::NotFinite);
        }
        let lim = self.limits(unit);
        let scaled = unit.to_kg(value).unwrap_or(value);
        let shown = |x: f64| match unit {
            MeasureUnit::Lb => Limit::of(round_to(x / WeightUnit::Lb.base_factor(), 0), "lb"),
            MeasureUnit::Sd => Limit::count(x),
            u => Limit::of(x, u.as_str()),
        };
        if scaled < 0.0 && lim.min >= 0.0 {
            return fail(Field::Value, Problem::Negative);
        }
        if scaled < lim.min - 1e-9 || scaled > lim.max + 1e-9 {
            return fail(
                Field::Value,
                Problem::OutOfRange {
                    min: shown(lim.min),
                    max: shown(lim.max),
                },
            );
        }
        if lim.whole && value.fract() != 0.0 {
            return fail(
                Field::Value,
                Problem::NotAStep {
                    step: Limit::count(1),
                },
            );
        }
        Ok(())
    }
}

/// "left or right", "lumbar_spine, femoral_neck or total_hip".
fn site_names(sites: &[Site]) -> String {
    let names: Vec<&str> = sites.iter().map(|s| s.as_str()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// Lower case, with dashes and spaces as underscores.
fn normalise(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect()
}

/// A decimal with `.` or `,` as the separator; with `whole`, separators
/// that group by three are thousands separators instead.
fn decimal(text: &str, whole: bool) -> Option<f64> {
    if text.is_empty() || text.len() > 24 {
        return None;
    }
    let (sign, body) = match text.as_bytes().first() {
        Some(b'-') => (-1.0, text.get(1..)?),
        Some(b'+') => (1.0, text.get(1..)?),
        _ => (1.0, text),
    };
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !body
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let groups: Vec<&str> = body.split(['.', ',']).collect();
    let plain = if groups.len() == 1 {
        body.to_owned()
    } else if whole && groups[1..].iter().all(|g| g.len() == 3) {
        groups.concat()
    } else if groups.len() == 2 && !groups[1].is_empty() {
        format!("{}.{}", groups[0], groups[1])
    } else {
        return None;
    };
    plain.parse::<f64>().ok().map(|v| sign * v)
}

/// `x` rounded to `places` decimals, with -0 made 0 (so it prints and
/// hashes as 0).
pub(crate) fn round_to(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f + 0.0
}

/// A number with at most three decimals and no trailing zeros ("72.5", "31", "-1.8").
pub fn trim_number(x: f64) -> String {
    let r = round_to(x, 3);
    let r = if r == 0.0 { 0.0 } else { r };
    let mut s = format!("{r:.3}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

impl MeasureUnit {
    /// Reads a unit as typed (case-insensitive, common spellings).
    pub fn from_input(text: &str) -> Result<MeasureUnit, ValidationError> {
        let t = text.trim().to_lowercase().replace(' ', "");
        if let Some(w) = WeightUnit::from_symbol(&t) {
            return Ok(w.into());
        }
        let unit = match t.as_str() {
            "g" | "gram" | "grams" => MeasureUnit::Gram,
            "g/cm2" | "g/cm²" | "g/cm^2" | "gcm2" => MeasureUnit::GramPerCm2,
            "level" | "lvl" | "rating" => MeasureUnit::Level,
            "sd" => MeasureUnit::Sd,
            "reps" | "rep" | "r" | "stands" => MeasureUnit::Reps,
            "s" | "sec" | "secs" | "second" | "seconds" => MeasureUnit::Seconds,
            "m/s" | "mps" => MeasureUnit::MetresPerSecond,
            "steps" | "step" | "steps/day" => MeasureUnit::StepsPerDay,
            "min" | "mins" | "minutes" | "min/week" | "min/wk" => MeasureUnit::MinutesPerWeek,
            _ => {
                return Err(ValidationError {
                    field: Field::Unit,
                    problem: Problem::Malformed {
                        expected: format!("one of {}", MeasureUnit::NAMES.join(", ")),
                    },
                });
            }
        };
        Ok(unit)
    }

    /// The weight unit, for kg and lb.
    pub fn weight_unit(self) -> Option<WeightUnit> {
        match self {
            MeasureUnit::Kg => Some(WeightUnit::Kg),
            MeasureUnit::Lb => Some(WeightUnit::Lb),
            _ => None,
        }
    }

    /// A weight in kilograms; `None` for units that are not weights.
    pub fn to_kg(self, value: f64) -> Option<f64> {
        self.weight_unit().map(|u| value * u.base_factor())
    }

    /// `value` in this unit converted to `to`: the same value for the same
    /// unit, kg and lb convert, anything else is `None`.
    pub fn convert(self, value: f64, to: MeasureUnit) -> Option<f64> {
        if self == to {
            return Some(value);
        }
        match (self.weight_unit(), to.weight_unit()) {
            (Some(from), Some(to)) => Some(value * from.base_factor() / to.base_factor()),
            _ => None,
        }
    }
}

impl From<WeightUnit> for MeasureUnit {
    fn from(u: WeightUnit) -> Self {
        match u {
            WeightUnit::Kg => MeasureUnit::Kg,
            WeightUnit::Lb => MeasureUnit::Lb,
        }
    }
}

impl Site {
    /// Reads a site as typed: case, dashes and spaces are forgiven, and
    /// `spine`, `neck`, `hip` name the DXA sites.
    pub fn from_input(text: &str) -> Result<Site, ValidationError> {
        let norm = normalise(text);
        let alias = match norm.as_str() {
            "spine" | "lumbar" | "l1_l4" => "lumbar_spine",
            "neck" => "femoral_neck",
            "hip" => "total_hip",
            "l" => "left",
            "r" => "right",
            other => other,
        };
        alias.parse().map_err(|_| ValidationError {
            field: Field::Site,
            problem: Problem::Malformed {
                expected: format!("one of {}", Site::NAMES.join(", ")),
            },
        })
    }
}

/// One stored measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Measurement {
    /// UUIDv7 (or a derived id for CSV imports).
    pub id: String,
    /// What was measured.
    pub kind: MeasureKind,
    /// Where, for DXA sites and hands.
    pub site: Option<Site>,
    /// The value, in `unit`, as entered.
    pub value: f64,
    /// The unit of `value`.
    pub unit: MeasureUnit,
    /// When it was measured.
    pub measured_at: Timestamp,
    /// A note.
    pub note: Option<String>,
}

impl Measurement {
    /// The value with its unit, as people read it: "31 kg", "-1.8", "12 reps".
    pub fn value_text(&self) -> String {
        value_text(self.value, self.unit)
    }
}

/// A value with its unit, as people read it ("72.5 kg", "-1.8", "0.853 g/cm2").
pub fn value_text(value: f64, unit: MeasureUnit) -> String {
    match unit {
        MeasureUnit::Sd => trim_number(value),
        MeasureUnit::Level => format!("level {}", trim_number(value)),
        u => format!("{} {u}", trim_number(value)),
    }
}

/// Checks a measurement's note.
pub(crate) fn check_note(note: &str) -> Check {
    crate::validate::text(Field::Note, note, MAX_NOTE_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(r: Result<impl Sized, ValidationError>) -> Option<Field> {
        r.err().map(|e| e.field)
    }

    #[test]
    fn kinds_read_forgivingly_and_unknown_kinds_name_the_field() {
        assert_eq!(MeasureKind::from_input("T-Score"), Ok(MeasureKind::TScore));
        assert_eq!(
            MeasureKind::from_input("weight"),
            Ok(MeasureKind::BodyWeight)
        );
        assert_eq!(
            MeasureKind::from_input("TUG"),
            Ok(MeasureKind::TimedUpAndGo)
        );
        assert_eq!(
            MeasureKind::from_input("chair stand 30s"),
            Ok(MeasureKind::ChairStand30s)
        );
        let err = MeasureKind::from_input("height").unwrap_err();
        assert_eq!(err.field, Field::Measure);
        assert!(err.to_string().contains("t_score"), "{err}");
        for name in MeasureKind::NAMES {
            assert_eq!(MeasureKind::from_input(name).unwrap().as_str(), *name);
        }
        assert_eq!(Site::from_input("Lumbar Spine"), Ok(Site::LumbarSpine));
        assert_eq!(Site::from_input("hip"), Ok(Site::TotalHip));
        assert_eq!(field(Site::from_input("knee")), Some(Field::Site));
    }

    #[test]
    fn values_carry_their_unit_and_a_decimal_comma() {
        let w = MeasureKind::BodyWeight;
        assert_eq!(w.parse_value("72.5"), Ok((72.5, None)));
        assert_eq!(w.parse_value("72,5"), Ok((72.5, None)));
        assert_eq!(w.parse_value("160lb"), Ok((160.0, Some(MeasureUnit::Lb))));
        assert_eq!(w.parse_value("72.5kg"), Ok((72.5, Some(MeasureUnit::Kg))));
        assert_eq!(
            w.parse_value(" 72.5 KG "),
            Ok((72.5, Some(MeasureUnit::Kg)))
        );
        let t = MeasureKind::TScore;
        assert_eq!(t.parse_value("-1.8"), Ok((-1.8, None)));
        assert_eq!(t.parse_value("\u{2212}1,8"), Ok((-1.8, None)));
        assert_eq!(t.parse_value("72kg"), Ok((72.0, Some(MeasureUnit::Kg))));
        assert_eq!(
            MeasureKind::Bmd.parse_value("0.853 g/cm²"),
            Ok((0.853, Some(MeasureUnit::GramPerCm2)))
        );
        assert_eq!(
            MeasureKind::GaitSpeed.parse_value("1,1m/s"),
            Ok((1.1, Some(MeasureUnit::MetresPerSecond)))
        );
        // Whole-number kinds read grouped digits as thousands.
        assert_eq!(
            MeasureKind::Steps.parse_value("10,000"),
            Ok((10_000.0, None))
        );
        assert_eq!(
            MeasureKind::Steps.parse_value("10.000"),
            Ok((10_000.0, None))
        );
        assert_eq!(
            MeasureKind::Steps.parse_value("8500 steps"),
            Ok((8500.0, Some(MeasureUnit::StepsPerDay)))
        );
        for bad in ["", "kg", "1.2.3", "7,5,0", "--1", "NaN", "inf", ".5", "5."] {
            assert_eq!(field(w.parse_value(bad)), Some(Field::Value), "{bad:?}");
        }
        assert_eq!(field(w.parse_value("72stone")), Some(Field::Unit));
        assert_eq!(field(w.parse_value("1e3")), Some(Field::Unit));
    }

    #[test]
    fn every_check_names_its_field() {
        use MeasureKind as K;
        use MeasureUnit as U;
        /// Kind, site, value, unit, and the field the error names (if any).
        type Case = (K, Option<Site>, f64, U, Option<Field>);
        let cases: &[Case] = &[
            (K::TScore, Some(Site::LumbarSpine), -1.8, U::Sd, None),
            (K::TScore, None, -1.8, U::Sd, Some(Field::Site)),
            (K::TScore, Some(Site::Left), -1.8, U::Sd, Some(Field::Site)),
            (
                K::TScore,
                Some(Site::LumbarSpine),
                72.0,
                U::Kg,
                Some(Field::Unit),
            ),
            (
                K::TScore,
                Some(Site::LumbarSpine),
                -6.5,
                U::Sd,
                Some(Field::Value),
            ),
            (K::TScore, Some(Site::LumbarSpine), 6.0, U::Sd, None),
            (
                K::TScore,
                Some(Site::LumbarSpine),
                f64::NAN,
                U::Sd,
                Some(Field::Value),
            ),
            (K::Bmd, Some(Site::TotalHip), 0.9, U::GramPerCm2, None),
            (K::ZScore, Some(Site::FemoralNeck), -2.0, U::Sd, None),
            (K::Grip, None, 31.0, U::Kg, None),
            (K::Grip, Some(Site::Left), 31.0, U::Kg, None),
            (
                K::Grip,
                Some(Site::LumbarSpine),
                31.0,
                U::Kg,
                Some(Field::Site),
            ),
            (K::Grip, None, 160.0, U::Lb, None),
            (K::Grip, None, 340.0, U::Lb, Some(Field::Value)),
            (K::Grip, None, f64::INFINITY, U::Kg, Some(Field::Value)),
            (K::Grip, None, 31.0, U::Seconds, Some(Field::Unit)),
            (
                K::BodyWeight,
                Some(Site::Left),
                72.0,
                U::Kg,
                Some(Field::Site),
            ),
            (K::BodyWeight, None, 19.0, U::Kg, Some(Field::Value)),
            (K::Steps, None, -5.0, U::StepsPerDay, Some(Field::Value)),
            (K::Steps, None, 8000.5, U::StepsPerDay, Some(Field::Value)),
            (K::Steps, None, 0.0, U::StepsPerDay, None),
            (K::ChairStand30s, None, 12.0, U::Reps, None),
            (K::ChairStand30s, None, 61.0, U::Reps, Some(Field::Value)),
            (K::VisceralFat, None, 9.0, U::Level, None),
            (K::VisceralFat, None, 60.0, U::Level, Some(Field::Value)),
            (K::VisceralFat, None, 850.0, U::Gram, None),
            (
                K::GaitSpeed,
                None,
                0.0,
                U::MetresPerSecond,
                Some(Field::Value),
            ),
            (
                K::RunningMinutes,
                None,
                1261.0,
                U::MinutesPerWeek,
                Some(Field::Value),
            ),
        ];
        for (kind, site, value, unit, expected) in cases {
            assert_eq!(
                field(kind.check(*site, *value, *unit)),
                *expected,
                "{kind} {site:?} {value} {unit}"
            );
        }
        let neg = K::Steps.check(None, -5.0, U::StepsPerDay).unwrap_err();
        assert_eq!(neg.problem, Problem::Negative);
        let lb = K::Grip.check(None, 340.0, U::Lb).unwrap_err();
        assert_eq!(lb.to_string(), "value must be between 0 lb and 331 lb");
        let unit = K::TScore
            .check(Some(Site::LumbarSpine), 72.0, U::Kg)
            .unwrap_err();
        assert_eq!(unit.to_string(), "unit must be sd for t_score");
        let site = K::TScore.check(None, -1.8, U::Sd).unwrap_err();
        assert_eq!(
            site.to_string(),
            "site is required for t_score: lumbar_spine, femoral_neck or total_hip"
        );
    }

    #[test]
    fn units_convert_between_kg_and_lb_only() {
        let kg = MeasureUnit::Lb.convert(100.0, MeasureUnit::Kg).unwrap();
        assert!((kg - 45.359_237).abs() < 1e-9);
        assert_eq!(MeasureUnit::Gram.convert(5.0, MeasureUnit::Level), None);
        assert_eq!(MeasureUnit::Sd.convert(-1.0, MeasureUnit::Sd), Some(-1.0));
        assert_eq!(MeasureKind::VisceralFat.default_unit(WeightUnit::Kg), None);
        assert_eq!(
            MeasureKind::Grip.default_unit(WeightUnit::Lb),
            Some(MeasureUnit::Lb)
        );
        assert_eq!(
            MeasureKind::TScore.default_unit(WeightUnit::Lb),
            Some(MeasureUnit::Sd)
        );
    }

    #[test]
    fn values_read_back_as_typed() {
        assert_eq!(value_text(72.5, MeasureUnit::Kg), "72.5 kg");
        assert_eq!(value_text(-1.8, MeasureUnit::Sd), "-1.8");
        assert_eq!(value_text(0.8534, MeasureUnit::GramPerCm2), "0.853 g/cm2");
        assert_eq!(value_text(9.0, MeasureUnit::Level), "level 9");
        assert_eq!(trim_number(-0.0001), "0");
    }
}
