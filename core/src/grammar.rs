//! The compact set notation: `100x5@2`, `3x100kgx5`, `bw+10x8`, `60s`, `400m`.
//!
//! One line per set is how people write training logs on paper, and it is the
//! fastest way to log from a terminal or a phone's quick-entry box. The
//! notation is read into a [`SetSpec`] and written back in one canonical
//! spelling, so `format(parse(s))` is stable and history can show every set
//! the way it would be typed.
//!
//! ```text
//! set      = [kind ":"] [count "x"] body ["@" effort] ["@band:" name]
//! kind     = "w" | "d" | "f"                      warm-up, drop, failure (working if absent)
//! body     = load "x" rest | standalone
//! load     = number [unit] | "bw" [("+" | "-") number [unit]]
//! rest     = reps | standalone
//! standalone = number "r" | duration | distance ["/" duration] | integer
//! duration = number ("s" | "sec" | "min" | "h") | m ":" ss | h ":" mm ":" ss
//! distance = number ("m" | "km" | "mi")
//! effort   = number (RIR) | "rir" number | "rpe" number
//! unit     = "kg" | "lb" | "lbs"
//! name     = letters, digits and "-"             a band from the profile's list
//! ```
//!
//! `AxB` is read as *count x body* when B stands alone (it has a unit, such as
//! `60s`, `400m` or `10r`) and A is a whole number, so `3x60s` is three
//! one-minute holds; otherwise A is a load and B its reps (`100x5`). A load
//! for a timed set therefore carries its unit (`20kgx60s`). Separators may be
//! `x`, `X`, `×` or `*`; a decimal comma is accepted (`102,5x5`).
//!
//! The elastic band of a set follows as one more `@` part, `3x12r@band:red`
//! or `12r@1@band:green` (effort and band in either order); it is written
//! after the effort.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::format_milli;
use crate::model::{
    Distance, DistanceUnit, Effort, Load, Measure, SetInput, SetKind, Unit, Weight, WeightUnit,
};

/// Most sets one token may stand for (`50x100x5`).
pub const MAX_COUNT: u32 = 50;

/// The load part of a set as written; the unit may be left to the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum LoadSpec {
    /// No load.
    None,
    /// An external load in thousandths of `unit` (the profile's unit when `None`).
    Weight {
        /// Thousandths of the unit.
        milli: i64,
        /// Unit as written, if any.
        unit: Option<WeightUnit>,
    },
    /// Body weight plus (or, when negative, minus) a load.
    Bodyweight {
        /// Added load in thousandths of the unit; 0 for body weight alone.
        added_milli: i64,
        /// Unit as written, if any.
        unit: Option<WeightUnit>,
    },
}

/// One token of the notation, read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetSpec {
    /// How many identical sets (1 to [`MAX_COUNT`]).
    pub count: u32,
    /// Warm-up, working, drop or failure.
    pub kind: SetKind,
    /// The load.
    pub load: LoadSpec,
    /// Repetitions.
    pub reps: Option<u32>,
    /// Duration in milliseconds.
    pub duration_ms: Option<u32>,
    /// Distance.
    pub distance: Option<Distance>,
    /// Effort rating.
    pub effort: Option<Effort>,
    /// The elastic band used, by name (lower case).
    #[serde(default)]
    pub band: Option<String>,
}

/// A token could not be read; says where and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read set '{input}': {expected}")]
pub struct GrammarError {
    /// The token (cut to 40 characters).
    pub input: String,
    /// What was wrong or expected, in words.
    pub expected: String,
}

type Parsed<T> = Result<T, String>;

/// Reads one token of the notation.
pub fn parse(input: &str) -> Result<SetSpec, GrammarError> {
    parse_inner(input.trim()).map_err(|expected| GrammarError {
        input: input.chars().take(40).collect(),
        expected,
    })
}

fn parse_inner(s: &str) -> Parsed<SetSpec> {
    if s.is_empty() {
        return Err("empty; write a set such as 100x5".into());
    }
    let lower: String = s.to_lowercase().replace(['×', '*', 'X'], "x");
    let mut parts = lower.split('@');
    let head = parts.next().unwrap_or_default();
    let (mut effort, mut band) = (None, None);
    for part in parts {
        if let Some(name) = part.strip_prefix("band:") {
            if band.is_some() {
                return Err("two bands; write one, e.g. 12r@band:red".into());
            }
            band = Some(
                crate::model::band_name(name)
                    .filter(|_| !name.trim().is_empty() && name.trim() == name)
                    .ok_or_else(|| format!("'{name}' is not a band name; write e.g. @band:red"))?,
            );
        } else {
            if effort.is_some() {
                return Err("two efforts; write one, e.g. @2 or @rpe8".into());
            }
            effort = Some(parse_effort(part)?);
        }
    }
    let (kind, body) = split_kind(head)?;
    if body.is_empty() {
        return Err("nothing before '@'".into());
    }
    let parts: Vec<&str> = body.split('x').collect();
    let mut spec = SetSpec {
        count: 1,
        kind,
        load: LoadSpec::None,
        reps: None,
        duration_ms: None,
        distance: None,
        effort,
        band,
    };
    match parts.as_slice() {
        [one] => standalone(one, true, &mut spec)?,
        [a, b] => {
            if is_standalone(b) && is_integer(a) {
                spec.count = parse_count(a)?;
                standalone(b, false, &mut spec)?;
            } else {
                spec.load = parse_load(a)?;
                rest_after_load(b, &mut spec)?;
            }
        }
        [c, a, b] => {
            spec.count = parse_count(c)?;
            if is_standalone(a) && !a.starts_with("bw") && !is_number(a) {
                return Err(format!("'{a}' is not a load; write e.g. 3x100x5"));
            }
            spec.load = parse_load(a)?;
            rest_after_load(b, &mut spec)?;
        }
        _ => return Err("too many 'x'; write count x load x reps, e.g. 3x100x5".into()),
    }
    Ok(spec)
}

fn split_kind(s: &str) -> Parsed<(SetKind, &str)> {
    let Some((prefix, rest)) = s.split_once(':') else {
        return Ok((SetKind::Working, s));
    };
    // "1:30" is a duration, not a kind prefix.
    if prefix.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Ok((SetKind::Working, s));
    }
    let kind = match prefix {
        "w" | "wu" | "warmup" => SetKind::Warmup,
        "d" | "drop" => SetKind::Drop,
        "f" | "fail" | "failure" => SetKind::Failure,
        other => {
            return Err(format!(
                "unknown set kind '{other}:'; use w: (warm-up), d: (drop) or f: (failure)"
            ));
        }
    };
    Ok((kind, rest))
}

fn parse_effort(s: &str) -> Parsed<Effort> {
    let (value, rpe) = if let Some(v) = s.strip_prefix("rpe") {
        (v, true)
    } else if let Some(v) = s.strip_prefix("rir") {
        (v, false)
    } else {
        (s, false)
    };
    let milli = parse_number(value)
        .map_err(|_| format!("'@{s}' is not an effort; write @2 (RIR) or @rpe8"))?;
    let v = milli as f64 / 1000.0;
    Ok(if rpe { Effort::Rpe(v) } else { Effort::Rir(v) })
}

fn is_integer(s: &str) -> bool {
    !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_number(s: &str) -> bool {
    parse_number(s).is_ok()
}

/// A token that is a complete body on its own: reps with `r`, a duration or a distance.
fn is_standalone(s: &str) -> bool {
    s.strip_suffix('r').is_some_and(is_integer)
        || parse_duration(s).is_ok()
        || parse_distance_with_time(s).is_ok()
}

fn parse_count(s: &str) -> Parsed<u32> {
    let n: u32 = s
        .parse()
        .map_err(|_| format!("'{s}' is not a number of sets"))?;
    if n == 0 || n > MAX_COUNT {
        return Err(format!(
            "the number of sets must be between 1 and {MAX_COUNT}"
        ));
    }
    Ok(n)
}

/// A decimal number in thousandths: digits, an optional '.' or ',' and up to
/// three more digits (more are rounded away).
fn parse_number(s: &str) -> Parsed<i64> {
    let s = s.replace(',', ".");
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty() || whole.len() > 9 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{s}' is not a number"));
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) || (s.contains('.') && frac.is_empty()) {
        return Err(format!("'{s}' is not a number"));
    }
    let whole: i64 = whole
        .parse()
        .map_err(|_| format!("'{s}' is not a number"))?;
    let mut milli = 0i64;
    for (i, b) in frac
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(4)
        .enumerate()
    {
        let d = i64::from(b - b'0');
        match i {
            0 => milli += d * 100,
            1 => milli += d * 10,
            2 => milli += d,
            _ => milli += i64::from(d >= 5),
        }
    }
    Ok(whole * 1000 + milli)
}

/// Splits a trailing alphabetic unit from a number: "100kg" -> ("100", "kg").
fn split_unit(s: &str) -> (&str, &str) {
    let at = s.find(|c: char| c.is_alphabetic()).unwrap_or(s.len());
    s.split_at(at)
}

fn parse_weight_unit(u: &str) -> Parsed<Option<WeightUnit>> {
    if u.is_empty() {
        return Ok(None);
    }
    WeightUnit::from_symbol(u)
        .map(Some)
        .ok_or_else(|| format!("unknown weight unit '{u}'; use kg or lb"))
}

fn parse_load(s: &str) -> Parsed<LoadSpec> {
    if let Some(rest) = s.strip_prefix("bw") {
        if rest.is_empty() {
            return Ok(LoadSpec::Bodyweight {
                added_milli: 0,
                unit: None,
            });
        }
        let (sign, rest) = if let Some(r) = rest.strip_prefix('+') {
            (1, r)
        } else if let Some(r) = rest.strip_prefix('-') {
            (-1, r)
        } else {
            return Err(format!(
                "after 'bw' write +load or -assistance, e.g. bw+10x8 (got 'bw{rest}')"
            ));
        };
        let (num, unit) = split_unit(rest);
        let milli = parse_number(num)?;
        return Ok(LoadSpec::Bodyweight {
            added_milli: sign * milli,
            unit: parse_weight_unit(unit)?,
        });
    }
    let (num, unit) = split_unit(s);
    if num.is_empty() {
        return Err(format!(
            "'{s}' is not a load; write a weight such as 100, 100kg or bw"
        ));
    }
    let milli = parse_number(num)?;
    Ok(LoadSpec::Weight {
        milli,
        unit: parse_weight_unit(unit)?,
    })
}

fn rest_after_load(s: &str, spec: &mut SetSpec) -> Parsed<()> {
    if s.is_empty() {
        return Err("missing reps after 'x'".into());
    }
    let reps = s.strip_suffix('r').unwrap_or(s);
    if is_integer(reps) {
        spec.reps = Some(
            reps.parse()
                .map_err(|_| format!("'{s}' is not a number of reps"))?,
        );
        return Ok(());
    }
    if is_integer(&s.replace(['.', ','], "")) {
        return Err(format!("reps must be a whole number (got '{s}')"));
    }
    standalone(s, false, spec)
}

/// Reads a body that needs no load. `bare_reps` allows a plain integer as reps.
fn standalone(s: &str, bare_reps: bool, spec: &mut SetSpec) -> Parsed<()> {
    if let Some(r) = s.strip_suffix('r').filter(|r| is_integer(r)) {
        spec.reps = Some(
            r.parse()
                .map_err(|_| format!("'{s}' is not a number of reps"))?,
        );
        return Ok(());
    }
    if bare_reps && is_integer(s) {
        spec.reps = Some(
            s.parse()
                .map_err(|_| format!("'{s}' is not a number of reps"))?,
        );
        return Ok(());
    }
    if let Ok(ms) = parse_duration(s) {
        spec.duration_ms = Some(ms);
        return Ok(());
    }
    if let Ok((d, t)) = parse_distance_with_time(s) {
        spec.distance = Some(d);
        spec.duration_ms = t;
        return Ok(());
    }
    let (num, unit) = split_unit(s);
    if s.starts_with("bw") || (is_number(num) && parse_weight_unit(unit).is_ok()) {
        return Err(format!("missing reps: write {s}x5"));
    }
    Err(format!(
        "'{s}' is not a set; write e.g. 100x5, bwx10, 60s or 400m"
    ))
}

fn parse_duration(s: &str) -> Parsed<u32> {
    let bad = || format!("'{s}' is not a duration");
    let ms: i64 = if s.contains(':') {
        let fields: Vec<&str> = s.split(':').collect();
        let nums: Vec<i64> = fields
            .iter()
            .map(|f| parse_number(f))
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        match nums.as_slice() {
            [m, sec]
                if fields[0].len() <= 4
                    && fields[1].len() == 2
                    && *sec < 60_000
                    && m % 1000 == 0 =>
            {
                m * 60 + sec
            }
            [h, m, sec]
                if fields[1].len() == 2
                    && fields[2].len() == 2
                    && *m < 60_000
                    && *sec < 60_000
                    && h % 1000 == 0
                    && m % 1000 == 0 =>
            {
                h * 3600 + m * 60 + sec
            }
            _ => return Err(bad()),
        }
    } else {
        let (num, unit) = split_unit(s);
        let factor = match unit {
            "s" | "sec" | "secs" => 1,
            "min" | "mins" => 60,
            "h" | "hr" | "hrs" => 3600,
            _ => return Err(bad()),
        };
        parse_number(num).map_err(|_| bad())? * factor
    };
    u32::try_from(ms).map_err(|_| "duration is too long".to_string())
}

fn parse_distance_with_time(s: &str) -> Parsed<(Distance, Option<u32>)> {
    let (dist, time) = match s.split_once('/') {
        Some((d, t)) => (d, Some(parse_duration(t)?)),
        None => (s, None),
    };
    let (num, unit) = split_unit(dist);
    let unit = DistanceUnit::from_symbol(unit)
        .filter(|_| !unit.is_empty())
        .ok_or_else(|| format!("'{s}' is not a distance"))?;
    let milli = parse_number(num)?;
    Ok((Distance::from_milli(milli, unit), time))
}

impl SetSpec {
    /// The set a person would write for a logged set (units always explicit).
    pub fn from_input(input: &SetInput) -> SetSpec {
        let load = match input.load {
            Load::None => LoadSpec::None,
            Load::Weight { weight } => LoadSpec::Weight {
                milli: weight.milli(),
                unit: Some(weight.unit()),
            },
            Load::Bodyweight { added: None } => LoadSpec::Bodyweight {
                added_milli: 0,
                unit: None,
            },
            Load::Bodyweight { added: Some(w) } => LoadSpec::Bodyweight {
                added_milli: w.milli(),
                unit: Some(w.unit()),
            },
        };
        SetSpec {
            count: 1,
            kind: input.kind,
            load,
            reps: input.reps,
            duration_ms: input.duration_ms,
            distance: input.distance,
            effort: input.effort,
            band: input.band.clone(),
        }
    }

    /// The spec as people mean it for an exercise measured as `measure`:
    /// on body-weight exercises `5x5` is five sets of five (not 5 kg for
    /// five) and a load with a unit is added weight; on reps-only exercises
    /// (bands) `3x12` is three sets of twelve.
    pub fn fit_to(self, measure: Measure) -> SetSpec {
        let whole_count = |milli: i64| {
            (milli > 0 && milli % 1000 == 0 && milli / 1000 <= i64::from(MAX_COUNT))
                .then_some((milli / 1000) as u32)
        };
        match (measure, self.load) {
            (Measure::BodyweightReps | Measure::Reps, LoadSpec::Weight { milli, unit: None })
                if self.count == 1 && self.reps.is_some() =>
            {
                match whole_count(milli) {
                    Some(count) => SetSpec {
                        count,
                        load: if measure == Measure::Reps {
                            LoadSpec::None
                        } else {
                            LoadSpec::Bodyweight {
                                added_milli: 0,
                                unit: None,
                            }
                        },
                        ..self
                    },
                    None if measure == Measure::BodyweightReps => SetSpec {
                        load: LoadSpec::Bodyweight {
                            added_milli: milli,
                            unit: None,
                        },
                        ..self
                    },
                    None => self,
                }
            }
            (Measure::BodyweightReps, LoadSpec::Weight { milli, unit }) => SetSpec {
                load: LoadSpec::Bodyweight {
                    added_milli: milli,
                    unit,
                },
                ..self
            },
            _ => self,
        }
    }

    /// The values of one of these sets, with weights lacking a unit in `default_unit`.
    pub fn to_input(&self, exercise_id: &str, default_unit: WeightUnit) -> SetInput {
        let load = match self.load {
            LoadSpec::None => Load::None,
            LoadSpec::Weight { milli, unit } => Load::Weight {
                weight: Weight::from_milli(milli, unit.unwrap_or(default_unit)),
            },
            LoadSpec::Bodyweight { added_milli: 0, .. } => Load::Bodyweight { added: None },
            LoadSpec::Bodyweight { added_milli, unit } => Load::Bodyweight {
                added: Some(Weight::from_milli(
                    added_milli,
                    unit.unwrap_or(default_unit),
                )),
            },
        };
        SetInput {
            kind: self.kind,
            load,
            reps: self.reps,
            effort: self.effort,
            duration_ms: self.duration_ms,
            distance: self.distance,
            band: self.band.clone(),
            ..SetInput::new(exercise_id)
        }
    }
}

fn unit_suffix(unit: Option<WeightUnit>) -> &'static str {
    unit.map_or("", |u| u.symbol())
}

fn format_duration(ms: u32) -> String {
    // Whole minutes from two up read better as minutes; a minute stays "60s".
    if ms >= 120_000 && ms % 60_000 == 0 {
        format!("{}min", ms / 60_000)
    } else {
        format!("{}s", format_milli(i64::from(ms)))
    }
}

impl fmt::Display for SetSpec {
    /// The canonical spelling: lower case, `x` separators, units as given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            SetKind::Working => {}
            SetKind::Warmup => f.write_str("w:")?,
            SetKind::Drop => f.write_str("d:")?,
            SetKind::Failure => f.write_str("f:")?,
        }
        let standalone_rest = self.reps.is_none();
        let load_is_bare_integer =
            matches!(self.load, LoadSpec::Weight { milli, unit: None } if milli % 1000 == 0);
        // "20x60s" would read as 20 one-minute sets, so a unit-less whole load
        // before a timed or distance body keeps an explicit count of 1.
        if self.count > 1 || (standalone_rest && load_is_bare_integer) {
            write!(f, "{}x", self.count)?;
        }
        match self.load {
            LoadSpec::None => {}
            LoadSpec::Weight { milli, unit } => {
                write!(f, "{}{}x", format_milli(milli), unit_suffix(unit))?
            }
            LoadSpec::Bodyweight { added_milli: 0, .. } => f.write_str("bwx")?,
            LoadSpec::Bodyweight { added_milli, unit } => {
                let sign = if added_milli > 0 { "+" } else { "" };
                write!(
                    f,
                    "bw{sign}{}{}x",
                    format_milli(added_milli),
                    unit_suffix(unit)
                )?
            }
        }
        let has_load = !matches!(self.load, LoadSpec::None);
        if let Some(reps) = self.reps {
            if has_load {
                write!(f, "{reps}")?;
            } else {
                write!(f, "{reps}r")?;
            }
        } else if let Some(d) = self.distance {
            write!(f, "{}{}", format_milli(d.milli()), d.unit().symbol())?;
            if let Some(ms) = self.duration_ms {
                write!(f, "/{}", format_duration(ms))?;
            }
        } else if let Some(ms) = self.duration_ms {
            f.write_str(&format_duration(ms))?;
        }
        match self.effort {
            None => {}
            Some(Effort::Rir(v)) => write!(f, "@{}", format_milli((v * 1000.0).round() as i64))?,
            Some(Effort::Rpe(v)) => write!(f, "@rpe{}", format_milli((v * 1000.0).round() as i64))?,
        }
        match &self.band {
            None => Ok(()),
            Some(b) => write!(f, "@band:{b}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn canon(s: &str) -> String {
        parse(s).unwrap_or_else(|e| panic!("{s}: {e}")).to_string()
    }

    #[test]
    fn reads_the_documented_examples() {
        let s = parse("100x5").unwrap();
        assert_eq!(
            s.load,
            LoadSpec::Weight {
                milli: 100_000,
                unit: None
            }
        );
        assert_eq!((s.count, s.reps, s.effort), (1, Some(5), None));

        let s = parse("225lbx5").unwrap();
        assert_eq!(
            s.load,
            LoadSpec::Weight {
                milli: 225_000,
                unit: Some(WeightUnit::Lb)
            }
        );

        assert_eq!(parse("100x5@2").unwrap().effort, Some(Effort::Rir(2.0)));
        assert_eq!(parse("100x5@rpe8").unwrap().effort, Some(Effort::Rpe(8.0)));
        assert_eq!(
            parse("100x5@rpe8.5").unwrap().effort,
            Some(Effort::Rpe(8.5))
        );

        let s = parse("3x100x5").unwrap();
        assert_eq!((s.count, s.reps), (3, Some(5)));

        let s = parse("bwx10").unwrap();
        assert_eq!(
            (s.load, s.reps),
            (
                LoadSpec::Bodyweight {
                    added_milli: 0,
                    unit: None
                },
                Some(10)
            )
        );
        let s = parse("bw+10x8").unwrap();
        assert_eq!(
            s.load,
            LoadSpec::Bodyweight {
                added_milli: 10_000,
                unit: None
            }
        );
        let s = parse("bw-20kgx6").unwrap();
        assert_eq!(
            s.load,
            LoadSpec::Bodyweight {
                added_milli: -20_000,
                unit: Some(WeightUnit::Kg)
            }
        );

        assert_eq!(parse("60s").unwrap().duration_ms, Some(60_000));
        let s = parse("400m").unwrap();
        assert_eq!(
            s.distance,
            Some(Distance::from_milli(400_000, DistanceUnit::M))
        );
    }

    #[test]
    fn count_or_load_is_decided_by_what_follows() {
        let holds = parse("3x60s").unwrap();
        assert_eq!(
            (holds.count, holds.load, holds.duration_ms),
            (3, LoadSpec::None, Some(60_000))
        );
        let weighted = parse("20kgx60s").unwrap();
        assert_eq!((weighted.count, weighted.duration_ms), (1, Some(60_000)));
        assert_eq!(
            weighted.load,
            LoadSpec::Weight {
                milli: 20_000,
                unit: Some(WeightUnit::Kg)
            }
        );
        let carry = parse("2x40kgx50m").unwrap();
        assert_eq!(
            (carry.count, carry.distance.map(|d| d.milli())),
            (2, Some(50_000))
        );
        let band = parse("3x12r").unwrap();
        assert_eq!(
            (band.count, band.load, band.reps),
            (3, LoadSpec::None, Some(12))
        );
    }

    #[test]
    fn canonical_spellings() {
        let table = [
            ("100x5", "100x5"),
            ("100X5", "100x5"),
            ("100×5", "100x5"),
            ("100*5", "100x5"),
            ("100kgx5", "100kgx5"),
            ("100KGx5", "100kgx5"),
            ("225lbsx5", "225lbx5"),
            ("102,5x5", "102.5x5"),
            ("102.50x5", "102.5x5"),
            ("1x100x5", "100x5"),
            ("3x100x5@2", "3x100x5@2"),
            ("100x5@rir2", "100x5@2"),
            ("100x5@RPE8.0", "100x5@rpe8"),
            ("bw+0x10", "bwx10"),
            ("bw+0kgx10", "bwx10"),
            ("BW+10x8", "bw+10x8"),
            ("bw-20lbx6", "bw-20lbx6"),
            ("60sec", "60s"),
            ("1:30", "90s"),
            ("2min", "2min"),
            ("120s", "2min"),
            ("1h", "60min"),
            ("1:02:03", "3723s"),
            ("5km/25:00", "5km/25min"),
            ("400m", "400m"),
            ("12", "12r"),
            ("w:60x5", "w:60x5"),
            ("warmup:60x5", "w:60x5"),
            ("drop:80x8", "d:80x8"),
            ("f:bwx12", "f:bwx12"),
            ("1x20x60s", "1x20x60s"),
            ("20.5x60s", "20.5x60s"),
            ("1.23456x5", "1.235x5"),
        ];
        for (input, want) in table {
            assert_eq!(canon(input), want, "{input}");
        }
    }

    #[test]
    fn errors_say_what_was_expected() {
        let table = [
            ("", "empty"),
            ("100x", "missing reps"),
            ("x5", "not a load"),
            ("100x5x5x5", "too many"),
            ("0x100x5", "between 1 and 50"),
            ("51x100x5", "between 1 and 50"),
            ("100x5.5", "whole number"),
            ("100stx5", "unknown weight unit"),
            ("100x5@hard", "not an effort"),
            ("q:100x5", "unknown set kind"),
            ("bw*10x5", "not a number of sets"),
            ("bw10x5", "after 'bw'"),
            ("squat", "not a set"),
            ("100kg", "missing reps"),
            ("1:3", "not a set"),
            ("@2", "nothing before"),
            ("99999999999x5", "not a number"),
        ];
        for (input, fragment) in table {
            let err = parse(input).expect_err(input);
            assert!(err.to_string().contains(fragment), "{input}: {err}");
        }
    }

    #[test]
    fn converts_to_a_set_in_the_profile_unit() {
        let input = parse("bw+10x8@1")
            .unwrap()
            .to_input("pull-up", WeightUnit::Lb);
        assert_eq!(
            input.load,
            Load::Bodyweight {
                added: Some(Weight::from_milli(10_000, WeightUnit::Lb))
            }
        );
        assert_eq!(
            (input.reps, input.effort),
            (Some(8), Some(Effort::Rir(1.0)))
        );
        let back = SetSpec::from_input(&input);
        assert_eq!(back.to_string(), "bw+10lbx8@1");
    }

    #[test]
    fn reads_the_band_of_a_set() {
        let s = parse("3x12r@band:red").unwrap();
        assert_eq!(
            (s.count, s.reps, s.band.as_deref(), s.effort),
            (3, Some(12), Some("red"), None)
        );
        // Effort and band in either order; the canonical spelling puts the band last.
        for text in ["12r@2@band:Green", "12r@band:green@2", "12R@BAND:GREEN@2"] {
            let s = parse(text).unwrap();
            assert_eq!(s.band.as_deref(), Some("green"), "{text}");
            assert_eq!(s.effort, Some(Effort::Rir(2.0)), "{text}");
            assert_eq!(s.to_string(), "12r@2@band:green");
        }
        assert_eq!(canon("w:bwx10@band:light-blue"), "w:bwx10@band:light-blue");
        let input = parse("10r@band:red")
            .unwrap()
            .to_input("band-row", WeightUnit::Kg);
        assert_eq!(input.band.as_deref(), Some("red"));
        assert_eq!(SetSpec::from_input(&input).to_string(), "10r@band:red");
        for bad in [
            "12r@band:",
            "12r@band:red@band:blue",
            "12r@band:red band",
            "12r@2@3",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    fn arb_unit() -> impl Strategy<Value = Option<WeightUnit>> {
        prop_oneof![
            Just(None),
            Just(Some(WeightUnit::Kg)),
            Just(Some(WeightUnit::Lb))
        ]
    }

    fn arb_half() -> impl Strategy<Value = f64> {
        (0u32..=20).prop_map(|h| f64::from(h) / 2.0)
    }

    prop_compose! {
        fn arb_spec()(
            count in 1u32..=MAX_COUNT,
            kind in prop::sample::select(SetKind::ALL.to_vec()),
            shape in 0u8..6,
            milli in 0i64..1_000_000_000,
            added in -500_000i64..500_000,
            unit in arb_unit(),
            reps in 0u32..1000,
            ms in 1u32..86_400_000,
            dist in 1i64..10_000_000,
            dunit in prop::sample::select(vec![DistanceUnit::M, DistanceUnit::Km, DistanceUnit::Mi]),
            with_time in any::<bool>(),
            effort in prop::option::of(prop_oneof![arb_half().prop_map(Effort::Rir), arb_half().prop_map(|v| Effort::Rpe(v.max(1.0)))]),
            band in prop::option::of("[a-z0-9][a-z0-9-]{0,12}"),
        ) -> SetSpec {
            let mut s = SetSpec { count, kind, load: LoadSpec::None, reps: None, duration_ms: None, distance: None, effort, band };
            let distance = Some(Distance::from_milli(dist, dunit));
            match shape {
                0 => { s.load = LoadSpec::Weight { milli, unit }; s.reps = Some(reps); }
                1 => { s.load = LoadSpec::Bodyweight { added_milli: added, unit: unit.filter(|_| added != 0) }; s.reps = Some(reps); }
                2 => { s.reps = Some(reps); }
                3 => { s.duration_ms = Some(ms); }
                4 => { s.distance = distance; s.duration_ms = with_time.then_some(ms); }
                _ => { s.load = LoadSpec::Weight { milli, unit }; s.distance = distance; }
            }
            s
        }
    }

    proptest! {
        #[test]
        fn format_then_parse_gives_back_the_same_set(spec in arb_spec()) {
            let text = spec.to_string();
            let back = parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            prop_assert_eq!(back, spec, "{}", text);
        }

        #[test]
        fn canonical_text_is_a_fixed_point(spec in arb_spec()) {
            let once = spec.to_string();
            let twice = parse(&once).unwrap().to_string();
            prop_assert_eq!(once, twice);
        }

        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,40}") {
            let _ = parse(&s);
        }

        #[test]
        fn never_panics_on_set_like_text(s in "[0-9xX×*@:.,/+bwrpeikglmnshdfuacot -]{0,24}") {
            if let Ok(spec) = parse(&s) {
                // Whatever is accepted has a canonical form that reads back the same.
                prop_assert_eq!(parse(&spec.to_string()).unwrap(), spec);
            }
        }
    }

    #[test]
    fn specs_fit_the_exercise_they_are_logged_for() {
        let fit = |text: &str, m: Measure| parse(text).unwrap().fit_to(m).to_string();
        // On pull-ups, 5x5 is five sets of five at body weight.
        assert_eq!(fit("5x5", Measure::BodyweightReps), "5xbwx5");
        assert_eq!(fit("5x5@2", Measure::BodyweightReps), "5xbwx5@2");
        // A unit makes it added load; so does a count in front.
        assert_eq!(fit("10kgx5", Measure::BodyweightReps), "bw+10kgx5");
        assert_eq!(fit("3x10x5", Measure::BodyweightReps), "3xbw+10x5");
        // Bands: three sets of twelve reps.
        assert_eq!(fit("3x12", Measure::Reps), "3x12r");
        // Weighted exercises and odd counts are left as typed.
        assert_eq!(fit("5x5", Measure::WeightReps), "5x5");
        assert_eq!(fit("2.5x5", Measure::BodyweightReps), "bw+2.5x5");
        assert_eq!(fit("60x5", Measure::BodyweightReps), "bw+60x5");
    }
}
