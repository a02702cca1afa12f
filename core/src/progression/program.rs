//! Programs as data: phases of weeks, days of slots, each slot a prescription
//! rule. Built-in programs and custom ones are the same TOML format
//! (documented in docs/PROGRAMS.md); parsing checks every field and names the
//! line it is on.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::minutes::{RestLookup, default_rest};
use crate::model::{Effort, Exercise};

/// The format version this build reads and writes.
pub const PROGRAM_FORMAT: u32 = 1;

/// A training program: what to do in which order, and how loads move.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Program {
    /// Stable id (`liftmor`), lowercase letters, digits and dashes.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One paragraph saying what it is and for whom.
    pub summary: String,
    /// Where it comes from (a trial, a guideline, or "Heft design").
    pub source: String,
    /// Planned sessions per week.
    pub sessions_per_week: u8,
    /// Minimum days from one session to the next (2 = non-consecutive days).
    pub min_days_between: u8,
    /// Intended length of one session in minutes.
    pub session_minutes: u16,
    /// Reaches loads of 80% 1RM or more: needs technique first with low bone mass.
    pub heavy: bool,
    /// When weekly running minutes exceed this, working sets are trimmed by one.
    pub trim_above_running_min: Option<u16>,
    /// Why the program runs above the 40-60 min/week band and how to stay
    /// in it: said once at the start, instead of a warning every week.
    #[serde(default)]
    pub above_band: Option<String>,
    /// The phases in order.
    pub phases: Vec<Phase>,
    /// Index of the phase to go back to after the last one.
    pub repeat_from: usize,
}

/// A run of weeks with the same days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Phase {
    /// Stable id within the program.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the phase is for.
    pub kind: PhaseKind,
    /// Length in weeks (times sessions per week = sessions in the phase).
    pub weeks: u8,
    /// Days, done in turn.
    pub days: Vec<Day>,
}

/// What a phase is for; it changes how loads are set and moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PhaseKind {
    /// Learning technique at light loads; loads do not progress by rule but
    /// ramp with the phase, and e1RM is estimated from submaximal sets.
    Familiarization,
    /// Normal training.
    Training,
    /// A planned lighter week.
    Deload,
}

/// One session's worth of slots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Day {
    /// Name shown to the person ("A", "Lower").
    pub name: String,
    /// The exercises in order.
    pub slots: Vec<Slot>,
}

/// One exercise in a day with its prescription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Slot {
    /// Catalog id of the preferred exercise.
    pub exercise: String,
    /// Stand-ins in order of preference when the equipment is missing.
    pub alternatives: Vec<String>,
    /// Harder variations in order, for rules that progress by variation.
    pub harder: Vec<String>,
    /// Working sets.
    pub sets: u8,
    /// Reps per set.
    pub reps: RepRange,
    /// How hard.
    pub intensity: Intensity,
    /// Rest between sets in seconds; `None` picks one from the intensity.
    pub rest_s: Option<u16>,
    /// How the load moves from session to session.
    pub rule: Rule,
    /// Load increase as a fraction of the load; `None` uses the age- and
    /// body-part-aware default.
    pub increment: Option<f64>,
    /// Landings per set, for jumps.
    pub landings: Option<u16>,
}

/// Reps per set: a single number or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RepRange {
    /// Fewest reps.
    pub min: u16,
    /// Most reps.
    pub max: u16,
}

impl fmt::Display for RepRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}-{}", self.min, self.max)
        }
    }
}

/// How hard a slot is, as the source states it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Intensity {
    /// Technique work: body weight, an empty bar or the lightest load.
    Technique,
    /// A band of percentages of the estimated 1RM.
    Percent {
        /// Lower bound, percent.
        min: f64,
        /// Upper bound, percent.
        max: f64,
    },
    /// Reps in reserve at the end of each set.
    Rir {
        /// Fewest reps left (hardest).
        min: f64,
        /// Most reps left (easiest).
        max: f64,
    },
}

/// How the working load moves between sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Rule {
    /// Add the increment after every session with all reps done.
    Linear,
    /// Work up the rep range; when every set reaches the top, add load and go back to the bottom.
    Double,
    /// Add load after two sessions in a row with 2+ reps over target on the last set (NSCA).
    TwoForTwo,
    /// Add load when the last set goes past the top of the rep range (LISA).
    RepsOver,
    /// Set the load from the latest e1RM and the RIR target each session.
    Autoregulated,
    /// Add reps to the top of the range, then move to the next harder variation.
    RepsThenHarder,
    /// Never changes by rule.
    Hold,
}

impl Rule {
    /// The name used in program files.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Linear => "linear",
            Rule::Double => "double",
            Rule::TwoForTwo => "two_for_two",
            Rule::RepsOver => "reps_over",
            Rule::Autoregulated => "autoregulated",
            Rule::RepsThenHarder => "reps_then_harder",
            Rule::Hold => "hold",
        }
    }
}

/// A problem in a program file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{field}: {message}", line.map(|l| format!("line {l}, ")).unwrap_or_default())]
pub struct ProgramError {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// Dotted path of the field (`phases[1].days[0].slots[2].percent`).
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// The rest a program prescribes, read for the phase the person is in
/// ([`Program::rest_for`]).
#[derive(Debug, Clone, Copy)]
pub struct ProgramRest<'a> {
    /// The program.
    pub program: &'a Program,
    /// The phase the run is in.
    pub phase: usize,
}

impl RestLookup for ProgramRest<'_> {
    fn rest_for(&self, exercise_id: &str) -> Option<u16> {
        self.program.rest_for(self.phase, exercise_id)
    }
}

/// Looks exercises up by id; the engine and the program checker read the catalog through it.
pub trait ExerciseLookup {
    /// The exercise with this id, if known.
    fn exercise(&self, id: &str) -> Option<&Exercise>;
    /// Every exercise.
    fn all(&self) -> Box<dyn Iterator<Item = &Exercise> + '_>;
}

impl ExerciseLookup for Vec<Exercise> {
    fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.iter().find(|e| e.id == id)
    }
    fn all(&self) -> Box<dyn Iterator<Item = &Exercise> + '_> {
        Box::new(self.iter())
    }
}

/// A list of exercises with an id index.
#[derive(Debug, Clone, Default)]
struct Indexed {
    list: Vec<Exercise>,
    by_id: std::collections::HashMap<String, usize>,
}

impl Indexed {
    fn new(list: Vec<Exercise>) -> Indexed {
        let by_id = list
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        Indexed { list, by_id }
    }

    fn get(&self, id: &str) -> Option<&Exercise> {
        self.by_id.get(id).and_then(|&i| self.list.get(i))
    }
}

/// Exercises indexed by id: the built-in catalog, shared and parsed once,
/// with the person's own exercises on top.
#[derive(Debug, Clone, Default)]
pub struct ExerciseIndex {
    builtin: std::sync::Arc<Indexed>,
    custom: Indexed,
}

impl ExerciseIndex {
    /// Indexes `list` on its own.
    pub fn new(list: Vec<Exercise>) -> ExerciseIndex {
        ExerciseIndex {
            builtin: Default::default(),
            custom: Indexed::new(list),
        }
    }

    /// The built-in catalog, parsed on first use and shared after.
    pub fn builtin() -> crate::Result<ExerciseIndex> {
        static BUILTIN: std::sync::LazyLock<Result<std::sync::Arc<Indexed>, String>> =
            std::sync::LazyLock::new(|| {
                crate::catalog::builtin()
                    .map(|c| std::sync::Arc::new(Indexed::new(c.exercises)))
                    .map_err(|e| e.to_string())
            });
        match &*BUILTIN {
            Ok(b) => Ok(ExerciseIndex {
                builtin: b.clone(),
                custom: Indexed::default(),
            }),
            Err(e) => Err(crate::Error::Catalog(e.clone())),
        }
    }

    /// This index with `custom` exercises added (they win over a built-in of the same id).
    pub fn with_custom(self, custom: Vec<Exercise>) -> ExerciseIndex {
        ExerciseIndex {
            builtin: self.builtin,
            custom: Indexed::new(custom),
        }
    }
}

impl ExerciseLookup for ExerciseIndex {
    fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.custom.get(id).or_else(|| self.builtin.get(id))
    }
    fn all(&self) -> Box<dyn Iterator<Item = &Exercise> + '_> {
        Box::new(self.builtin.list.iter().chain(&self.custom.list))
    }
}

// ---- the file format ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramFile {
    format: Spanned<u32>,
    id: Spanned<String>,
    name: Spanned<String>,
    summary: Spanned<String>,
    source: Spanned<String>,
    sessions_per_week: Spanned<u8>,
    min_days_between: Option<Spanned<u8>>,
    session_minutes: Spanned<u16>,
    #[serde(default)]
    heavy: bool,
    trim_above_running_min: Option<Spanned<u16>>,
    above_band: Option<Spanned<String>>,
    repeat_from: Option<Spanned<String>>,
    phases: Spanned<Vec<Spanned<PhaseFile>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhaseFile {
    id: Spanned<String>,
    name: Spanned<String>,
    kind: PhaseKind,
    weeks: Spanned<u8>,
    days: Spanned<Vec<Spanned<DayFile>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DayFile {
    name: Spanned<String>,
    slots: Spanned<Vec<Spanned<SlotFile>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlotFile {
    exercise: Spanned<String>,
    #[serde(default)]
    alternatives: Vec<Spanned<String>>,
    #[serde(default)]
    harder: Vec<Spanned<String>>,
    sets: Spanned<u8>,
    reps: Spanned<RepsFile>,
    #[serde(default)]
    technique: bool,
    percent: Option<Spanned<Bounds>>,
    rir: Option<Spanned<Bounds>>,
    rpe: Option<Spanned<Bounds>>,
    rest_s: Option<Spanned<u16>>,
    rule: Spanned<Rule>,
    increment: Option<Spanned<f64>>,
    landings: Option<Spanned<u16>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RepsFile {
    One(u16),
    Range([u16; 2]),
}

#[derive(Deserialize, Clone, Copy)]
#[serde(untagged)]
enum Bounds {
    One(f64),
    Range([f64; 2]),
}

impl Bounds {
    fn pair(self) -> (f64, f64) {
        match self {
            Bounds::One(v) => (v, v),
            Bounds::Range([a, b]) => (a, b),
        }
    }
}

/// Turns byte offsets into 1-based line numbers.
struct Lines<'a>(&'a str);

impl Lines<'_> {
    fn at(&self, span: Range<usize>) -> usize {
        let end = span.start.min(self.0.len());
        self.0.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }
}

/// Most alternatives or harder variations of one slot.
pub const MAX_LIST: usize = 20;

/// Longest name or text accepted in a program file.
const MAX_TEXT: usize = 2000;

impl Program {
    /// Parses and checks a program file. Exercise ids must exist in `exercises`.
    pub fn from_toml(text: &str, exercises: &dyn ExerciseLookup) -> Result<Program, ProgramError> {
        let lines = Lines(text);
        let file: ProgramFile = toml::from_str(text).map_err(|e| ProgramError {
            line: e.span().map(|s| lines.at(s)),
            field: field_from_message(e.message()),
            message: e.message().trim().to_owned(),
        })?;
        Checker { lines }.program(file, exercises)
    }

    /// Total sessions in phase `index` (weeks times sessions per week).
    pub fn phase_sessions(&self, index: usize) -> u32 {
        self.phases
            .get(index)
            .map(|p| u32::from(p.weeks) * u32::from(self.sessions_per_week))
            .unwrap_or(0)
    }

    /// True when the program starts with its own familiarization phase.
    pub fn has_familiarization(&self) -> bool {
        self.phases
            .first()
            .is_some_and(|p| p.kind == PhaseKind::Familiarization)
    }

    /// Seconds of rest between working sets of `exercise_id`: the rest of
    /// the first slot prescribing it (its exercise, an alternative or a
    /// harder variation), in the slots of phase `phase` first, then in the
    /// other phases in order; a slot without `rest_s` rests what the engine
    /// picks for its intensity and reps. `None` when no slot prescribes it.
    /// A logged session is timed with the very rest its plan used, except
    /// in the engine's own ramp or a low-bone-mass cap, which change a
    /// slot's intensity for a while (and with it a default rest). [design]
    pub fn rest_for(&self, phase: usize, exercise_id: &str) -> Option<u16> {
        let phases = self.phases.get(phase).into_iter().chain(
            self.phases
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != phase)
                .map(|(_, p)| p),
        );
        phases
            .flat_map(|p| p.days.iter().flat_map(|d| d.slots.iter()))
            .find(|s| {
                s.exercise == exercise_id
                    || s.alternatives.iter().any(|a| a == exercise_id)
                    || s.harder.iter().any(|h| h == exercise_id)
            })
            .map(|s| {
                s.rest_s
                    .unwrap_or_else(|| default_rest(s.intensity, s.reps))
            })
    }

    /// Every exercise id the program may prescribe.
    pub fn exercise_ids(&self) -> impl Iterator<Item = &str> {
        self.phases.iter().flat_map(|p| {
            p.days.iter().flat_map(|d| {
                d.slots.iter().flat_map(|s| {
                    std::iter::once(s.exercise.as_str())
                        .chain(s.alternatives.iter().map(String::as_str))
                        .chain(s.harder.iter().map(String::as_str))
                })
            })
        })
    }
}

/// serde names an unknown or missing field in its message; keep it as the field.
fn field_from_message(message: &str) -> String {
    for marker in ["unknown field `", "missing field `"] {
        if let Some(rest) = message.split(marker).nth(1)
            && let Some(name) = rest.split('`').next()
        {
            return name.to_owned();
        }
    }
    String::new()
}

struct Checker<'a> {
    lines: Lines<'a>,
}

/// The id of the familiarization the engine puts in front of a heavy
/// program (low bone mass, a new lifter, months off); no program's own
/// phase may use it.
pub const RAMP_PHASE_ID: &str = "ramp";

impl Checker<'_> {
    fn err<T>(
        &self,
        span: Range<usize>,
        field: String,
        message: impl Into<String>,
    ) -> Result<T, ProgramError> {
        Err(ProgramError {
            line: Some(self.lines.at(span)),
            field,
            message: message.into(),
        })
    }

    fn text(&self, value: Spanned<String>, field: &str) -> Result<String, ProgramError> {
        let span = value.span();
        let s = value.into_inner().trim().to_owned();
        if s.is_empty() {
            return self.err(span, field.to_owned(), "must not be empty");
        }
        if s.chars().count() > MAX_TEXT {
            return self.err(
                span,
                field.to_owned(),
                format!("longer than {MAX_TEXT} characters"),
            );
        }
        Ok(s)
    }

    fn range<T: PartialOrd + fmt::Display + Copy>(
        &self,
        value: &Spanned<T>,
        field: &str,
        min: T,
        max: T,
    ) -> Result<T, ProgramError> {
        let v = *value.get_ref();
        if !(min..=max).contains(&v) {
            return self.err(
                value.span(),
                field.to_owned(),
                format!("must be between {min} and {max}"),
            );
        }
        Ok(v)
    }

    fn program(
        &self,
        f: ProgramFile,
        exercises: &dyn ExerciseLookup,
    ) -> Result<Program, ProgramError> {
        if *f.format.get_ref() != PROGRAM_FORMAT {
            return self.err(
                f.format.span(),
                "format".into(),
                format!(
                    "this version of Heft reads format {PROGRAM_FORMAT}, not {}",
                    f.format.get_ref()
                ),
            );
        }
        let id_span = f.id.span();
        let id = self.text(f.id, "id")?;
        if id.len() > 40
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return self.err(
                id_span,
                "id".into(),
                "use lowercase letters, digits and dashes (at most 40)",
            );
        }
        let sessions_per_week = self.range(&f.sessions_per_week, "sessions_per_week", 1, 7)?;
        let min_days_between = match &f.min_days_between {
            Some(v) => self.range(v, "min_days_between", 0, 7)?,
            None => 1,
        };
        let session_minutes = self.range(&f.session_minutes, "session_minutes", 5, 240)?;
        let trim_above_running_min = match &f.trim_above_running_min {
            Some(v) => Some(self.range(v, "trim_above_running_min", 0, 3000)?),
            None => None,
        };
        let phases_span = f.phases.span();
        let mut phases = Vec::new();
        for (i, phase) in f.phases.into_inner().into_iter().enumerate() {
            phases.push(self.phase(phase, i, exercises)?);
        }
        if phases.is_empty() {
            return self.err(
                phases_span,
                "phases".into(),
                "a program needs at least one phase",
            );
        }
        for (i, p) in phases.iter().enumerate() {
            if phases[..i].iter().any(|q| q.id == p.id) {
                return Err(ProgramError {
                    line: None,
                    field: format!("phases[{i}].id"),
                    message: format!("phase id '{}' is used twice", p.id),
                });
            }
        }
        let repeat_from = match f.repeat_from {
            Some(r) => match phases.iter().position(|p| p.id == *r.get_ref()) {
                Some(i) => i,
                None => {
                    return self.err(
                        r.span(),
                        "repeat_from".into(),
                        format!("no phase has the id '{}'", r.get_ref()),
                    );
                }
            },
            None => phases.len() - 1,
        };
        Ok(Program {
            id,
            name: self.text(f.name, "name")?,
            summary: self.text(f.summary, "summary")?,
            source: self.text(f.source, "source")?,
            sessions_per_week,
            min_days_between,
            session_minutes,
            heavy: f.heavy,
            trim_above_running_min,
            above_band: f
                .above_band
                .map(|t| self.text(t, "above_band"))
                .transpose()?,
            phases,
            repeat_from,
        })
    }

    fn phase(
        &self,
        p: Spanned<PhaseFile>,
        i: usize,
        exercises: &dyn ExerciseLookup,
    ) -> Result<Phase, ProgramError> {
        let path = format!("phases[{i}]");
        let p = p.into_inner();
        let weeks = self.range(&p.weeks, &format!("{path}.weeks"), 1, 52)?;
        let days_span = p.days.span();
        let mut days = Vec::new();
        for (d, day) in p.days.into_inner().into_iter().enumerate() {
            let dpath = format!("{path}.days[{d}]");
            let day = day.into_inner();
            let slots_span = day.slots.span();
            let mut slots = Vec::new();
            for (s, slot) in day.slots.into_inner().into_iter().enumerate() {
                slots.push(self.slot(slot, &format!("{dpath}.slots[{s}]"), exercises)?);
            }
            if slots.is_empty() {
                return self.err(
                    slots_span,
                    format!("{dpath}.slots"),
                    "a day needs at least one slot",
                );
            }
            days.push(Day {
                name: self.text(day.name, &format!("{dpath}.name"))?,
                slots,
            });
        }
        if days.is_empty() {
            return self.err(
                days_span,
                format!("{path}.days"),
                "a phase needs at least one day",
            );
        }
        let id_span = p.id.span();
        let id = self.text(p.id, &format!("{path}.id"))?;
        if id == RAMP_PHASE_ID {
            return self.err(
                id_span,
                format!("{path}.id"),
                format!(
                    "'{RAMP_PHASE_ID}' is the familiarization Heft adds itself; choose another id"
                ),
            );
        }
        Ok(Phase {
            id,
            name: self.text(p.name, &format!("{path}.name"))?,
            kind: p.kind,
            weeks,
            days,
        })
    }

    fn exercise(
        &self,
        id: &Spanned<String>,
        field: String,
        exercises: &dyn ExerciseLookup,
    ) -> Result<String, ProgramError> {
        match exercises.exercise(id.get_ref()) {
            Some(e) => Ok(e.id.clone()),
            None => self.err(
                id.span(),
                field,
                format!("no exercise has the id '{}'", id.get_ref()),
            ),
        }
    }

    fn slot(
        &self,
        s: Spanned<SlotFile>,
        path: &str,
        exercises: &dyn ExerciseLookup,
    ) -> Result<Slot, ProgramError> {
        let slot_span = s.span();
        let s = s.into_inner();
        let exercise = self.exercise(&s.exercise, format!("{path}.exercise"), exercises)?;
        for (list, name) in [(&s.alternatives, "alternatives"), (&s.harder, "harder")] {
            if list.len() > MAX_LIST {
                return self.err(
                    slot_span.clone(),
                    format!("{path}.{name}"),
                    format!("at most {MAX_LIST} exercises"),
                );
            }
        }
        let mut alternatives = Vec::new();
        for (i, a) in s.alternatives.iter().enumerate() {
            alternatives.push(self.exercise(a, format!("{path}.alternatives[{i}]"), exercises)?);
        }
        let mut harder = Vec::new();
        for (i, a) in s.harder.iter().enumerate() {
            harder.push(self.exercise(a, format!("{path}.harder[{i}]"), exercises)?);
        }
        let sets = self.range(&s.sets, &format!("{path}.sets"), 1, 10)?;
        let reps = match *s.reps.get_ref() {
            RepsFile::One(r) => RepRange { min: r, max: r },
            RepsFile::Range([a, b]) => RepRange { min: a, max: b },
        };
        if reps.min == 0 || reps.max > 100 || reps.min > reps.max {
            return self.err(
                s.reps.span(),
                format!("{path}.reps"),
                "reps must be 1-100, low to high",
            );
        }
        let given = [
            s.technique,
            s.percent.is_some(),
            s.rir.is_some(),
            s.rpe.is_some(),
        ];
        if given.iter().filter(|&&g| g).count() != 1 {
            return self.err(
                slot_span,
                path.to_string(),
                "set exactly one of technique, percent, rir, rpe",
            );
        }
        let intensity = if s.technique {
            Intensity::Technique
        } else if let Some(p) = &s.percent {
            let (min, max) = p.get_ref().pair();
            if !(30.0..=100.0).contains(&min) || !(30.0..=100.0).contains(&max) || min > max {
                return self.err(
                    p.span(),
                    format!("{path}.percent"),
                    "percent must be 30-100, low to high",
                );
            }
            Intensity::Percent { min, max }
        } else if let Some(r) = &s.rir {
            let (min, max) = r.get_ref().pair();
            if !(0.0..=6.0).contains(&min) || !(0.0..=6.0).contains(&max) || min > max {
                return self.err(
                    r.span(),
                    format!("{path}.rir"),
                    "rir must be 0-6, low to high",
                );
            }
            Intensity::Rir { min, max }
        } else if let Some(r) = &s.rpe {
            let (lo, hi) = r.get_ref().pair();
            if !(4.0..=10.0).contains(&lo) || !(4.0..=10.0).contains(&hi) || lo > hi {
                return self.err(
                    r.span(),
                    format!("{path}.rpe"),
                    "rpe must be 4-10, low to high",
                );
            }
            Intensity::Rir {
                min: Effort::Rpe(hi).rir(),
                max: Effort::Rpe(lo).rir(),
            }
        } else {
            return self.err(
                slot_span,
                path.to_string(),
                "set exactly one of technique, percent, rir, rpe",
            );
        };
        let rule = *s.rule.get_ref();
        if rule == Rule::RepsThenHarder && reps.min == reps.max {
            return self.err(
                s.rule.span(),
                format!("{path}.rule"),
                "reps_then_harder needs a rep range",
            );
        }
        if rule == Rule::Double && reps.min == reps.max {
            return self.err(
                s.rule.span(),
                format!("{path}.rule"),
                "double progression needs a rep range",
            );
        }
        let increment = match &s.increment {
            Some(v) => {
                let x = *v.get_ref();
                if !(x > 0.0 && x <= 0.2) {
                    return self.err(
                        v.span(),
                        format!("{path}.increment"),
                        "increment is a fraction of the load, above 0 and at most 0.2",
                    );
                }
                Some(x)
            }
            None => None,
        };
        let rest_s = match &s.rest_s {
            Some(v) => Some(self.range(v, &format!("{path}.rest_s"), 0, 900)?),
            None => None,
        };
        let landings = match &s.landings {
            Some(v) => Some(self.range(v, &format!("{path}.landings"), 1, 100)?),
            None => None,
        };
        Ok(Slot {
            exercise,
            alternatives,
            harder,
            sets,
            reps,
            intensity,
            rest_s,
            rule,
            increment,
            landings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn parse(text: &str) -> Result<Program, ProgramError> {
        let cat = catalog::builtin().unwrap();
        Program::from_toml(text, &cat.exercises)
    }

    const MINIMAL: &str = r#"
format = 1
id = "mini"
name = "Mini"
summary = "One lift."
source = "Heft design"
sessions_per_week = 2
min_days_between = 2
session_minutes = 20

[[phases]]
id = "main"
name = "Main"
kind = "training"
weeks = 4

[[phases.days]]
name = "A"

[[phases.days.slots]]
exercise = "back-squat"
sets = 3
reps = 5
percent = [75, 80]
rule = "linear"
"#;

    #[test]
    fn a_minimal_program_parses() {
        let p = parse(MINIMAL).unwrap();
        assert_eq!(p.id, "mini");
        assert_eq!(p.phase_sessions(0), 8);
        assert_eq!(p.repeat_from, 0);
        let slot = &p.phases[0].days[0].slots[0];
        assert_eq!(slot.reps, RepRange { min: 5, max: 5 });
        assert_eq!(
            slot.intensity,
            Intensity::Percent {
                min: 75.0,
                max: 80.0
            }
        );
    }

    #[test]
    fn rpe_becomes_rir() {
        let text = MINIMAL.replace("percent = [75, 80]", "rpe = [7, 8]");
        let p = parse(&text).unwrap();
        assert_eq!(
            p.phases[0].days[0].slots[0].intensity,
            Intensity::Rir { min: 2.0, max: 3.0 }
        );
    }

    fn error_of(text: &str) -> ProgramError {
        parse(text).unwrap_err()
    }

    #[test]
    fn a_phase_may_not_take_the_id_of_heft_s_own_familiarization() {
        let phase_id = MINIMAL
            .lines()
            .skip_while(|l| *l != "[[phases]]")
            .find(|l| l.starts_with("id = "))
            .unwrap();
        let e = error_of(&MINIMAL.replacen(phase_id, "id = \"ramp\"", 1));
        assert_eq!(e.field, "phases[0].id");
        assert!(e.message.contains("familiarization"), "{e}");
    }

    #[test]
    fn errors_name_line_and_field() {
        let e = error_of(&MINIMAL.replace("back-squat", "back-squatt"));
        assert_eq!(e.line, Some(21));
        assert_eq!(e.field, "phases[0].days[0].slots[0].exercise");
        assert!(e.message.contains("back-squatt"), "{e}");

        let e = error_of(&MINIMAL.replace("percent = [75, 80]", "percent = [85, 80]"));
        assert_eq!(e.line, Some(24));
        assert_eq!(e.field, "phases[0].days[0].slots[0].percent");

        let e = error_of(&MINIMAL.replace("sets = 3", "sets = 30"));
        assert_eq!(
            (e.line, e.field.as_str()),
            (Some(22), "phases[0].days[0].slots[0].sets")
        );

        let e = error_of(&MINIMAL.replace("percent = [75, 80]", "percent = [75, 80]\nrir = 2"));
        assert!(e.message.contains("exactly one"), "{e}");

        let e = error_of(&MINIMAL.replace("weeks = 4", "weeks = 4\nwekes = 3"));
        assert_eq!(e.field, "wekes");
        assert_eq!(e.line, Some(16));

        let e = error_of(&MINIMAL.replace("rule = \"linear\"", "rule = \"fast\""));
        assert_eq!(e.line, Some(25));

        let e = error_of(&MINIMAL.replace("format = 1", "format = 2"));
        assert_eq!((e.line, e.field.as_str()), (Some(2), "format"));

        let e = error_of(&MINIMAL.replace("id = \"mini\"", "id = \"Mini Program\""));
        assert_eq!(e.field, "id");

        let e = error_of(&MINIMAL.replace(
            "session_minutes = 20\n",
            "session_minutes = 20\nrepeat_from = \"nope\"\n",
        ));
        assert_eq!(e.field, "repeat_from");

        let e = error_of(&MINIMAL.replace("reps = 5", "reps = [5, 3]"));
        assert_eq!(e.field, "phases[0].days[0].slots[0].reps");

        let e = error_of(&MINIMAL.replace("rule = \"linear\"", "rule = \"double\""));
        assert!(e.message.contains("rep range"), "{e}");

        let e = error_of("not toml at all = = =");
        assert_eq!(e.line, Some(1));
        assert_eq!(error_of("").field, "format");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn any_text_gives_a_program_or_an_error_never_a_panic(text in "\\PC{0,400}") {
                let _ = parse(&text);
            }

            /// Changing any one character of a valid file gives a program or an
            /// error whose line is inside the file.
            #[test]
            fn a_corrupted_file_is_reported_inside_the_file(at in 0usize..600, c in proptest::char::any()) {
                let mut chars: Vec<char> = MINIMAL.chars().collect();
                let i = at % chars.len();
                chars[i] = c;
                let text: String = chars.into_iter().collect();
                if let Err(e) = parse(&text) {
                    let lines = text.lines().count().max(1) + 1;
                    prop_assert!(e.line.is_none_or(|l| l >= 1 && l <= lines), "{e} in {lines} lines");
                    prop_assert!(!e.message.is_empty());
                }
            }
        }
    }
}
