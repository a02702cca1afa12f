//! What the engine hands the person: today's session, set by set, with reasons.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::program::{PhaseKind, RepRange, Rule};
use crate::model::{SetKind, SetRole, Weight};
use crate::text::{Phrase, Text};

/// The session to do, as `heft today --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SessionPlan {
    /// Program id.
    pub program_id: String,
    /// Program name.
    pub program_name: String,
    /// The date planned for.
    pub date: NaiveDate,
    /// 1-based number of this session in the run.
    pub session_number: u32,
    /// Where in the program.
    pub phase: PhasePosition,
    /// The day's name.
    pub day: String,
    /// Exercises in order.
    pub exercises: Vec<ExercisePlan>,
    /// Estimated minutes of lifting.
    pub estimated_minutes: u32,
    /// Earliest date this session should be done (rest between sessions).
    pub ready_on: NaiveDate,
    /// This week's minutes of lifting against the dose band.
    pub dose: WeeklyDose,
    /// Things to look at before starting.
    pub warnings: Vec<Warning>,
    /// Session-wide explanations (phase, ramp, layoff).
    pub notes: Vec<Why>,
}

/// The phase a session belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PhasePosition {
    /// Phase id (`ramp` for the engine's own familiarization).
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the phase is for.
    pub kind: PhaseKind,
    /// 1-based session within the phase.
    pub session: u32,
    /// Sessions in the phase.
    pub sessions: u32,
}

/// One exercise of the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExercisePlan {
    /// Index of the day's slot this fills.
    pub slot: usize,
    /// Catalog id of what to do.
    pub exercise_id: String,
    /// Its display name.
    pub exercise_name: String,
    /// Set when the program's exercise was replaced.
    pub swap: Option<Swap>,
    /// Warm-up sets, lightest first.
    pub warmups: Vec<PlannedSet>,
    /// Working sets.
    pub sets: Vec<PlannedSet>,
    /// Rest between working sets, seconds.
    pub rest_s: u16,
    /// How the load moves next time.
    pub rule: Rule,
    /// Why these numbers.
    pub why: Vec<Why>,
}

/// A replaced exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Swap {
    /// The program's exercise id.
    pub from_id: String,
    /// Its name.
    pub from_name: String,
    /// Why it was replaced, in English: the English catalog's rendering of
    /// `phrase`.
    pub reason: String,
    /// Why it was replaced, as a catalog message and its values.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phrase: Phrase,
}

impl Swap {
    /// `from` was replaced, for the reason `phrase` says.
    pub fn new(from_id: String, from_name: String, phrase: Phrase) -> Swap {
        Swap {
            from_id,
            from_name,
            reason: Text::english(&phrase),
            phrase,
        }
    }
}

/// One set to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlannedSet {
    /// Warm-up or working.
    pub kind: SetKind,
    /// What the set is for: technique practice, warm-up or working; a set
    /// logged from the plan carries it.
    pub role: SetRole,
    /// What to lift.
    pub load: PlannedLoad,
    /// Reps to do; seconds when `timed`.
    pub reps: RepRange,
    /// The exercise is held for time: `reps` are seconds.
    pub timed: bool,
    /// Reps to leave in reserve (RPE = 10 - RIR), when the set has a target.
    pub rir: Option<f64>,
    /// The load as a percentage of the estimated 1RM, when known.
    pub percent_1rm: Option<f64>,
    /// Drop landings in the set, for jumps.
    pub landings: Option<u16>,
    /// The elastic band to use, by its name in the person's band list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub band: Option<String>,
}

/// The load of a planned set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PlannedLoad {
    /// Nothing to load (bands, timed holds).
    None,
    /// A weight, rounded to what the equipment can make.
    Weight {
        /// The load.
        weight: Weight,
    },
    /// Body weight, with load added when set.
    Bodyweight {
        /// Added load.
        added: Option<Weight>,
    },
    /// No estimate yet: work up from `start` to a weight that meets the RIR target.
    FindLoad {
        /// Where to start.
        start: Option<Weight>,
    },
}

impl PlannedLoad {
    /// The weight, for loads that have one.
    pub fn weight(&self) -> Option<Weight> {
        match self {
            PlannedLoad::Weight { weight } => Some(*weight),
            PlannedLoad::Bodyweight { added } => *added,
            _ => None,
        }
    }
}

/// A reason a person can read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Why {
    /// The sentence, in English: the English catalog's rendering of
    /// `phrase`.
    pub text: String,
    /// True when this is a practical rule rather than a trial result.
    pub heuristic: bool,
    /// What the sentence says, as a catalog message and its values, for a
    /// screen to write in the person's language.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phrase: Phrase,
}

impl Why {
    /// A reason backed by a trial or guideline.
    pub fn fact(phrase: Phrase) -> Why {
        Why::new(phrase, false)
    }

    /// A reason that is a practical choice.
    pub fn heuristic(phrase: Phrase) -> Why {
        Why::new(phrase, true)
    }

    fn new(phrase: Phrase, heuristic: bool) -> Why {
        Why {
            text: Text::english(&phrase),
            heuristic,
            phrase,
        }
    }
}

/// Something to look at before training.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Warning {
    /// Stable code for the shells.
    pub code: WarningCode,
    /// The sentence.
    pub text: String,
    /// The values the sentence names, so a screen can say it in the
    /// person's language.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub facts: WarningFacts,
}

/// The values a warning names; each code fills the ones it needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WarningFacts {
    /// The exercise it is about (pain, the same movement trained hard).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub exercise: Option<String>,
    /// The day that exercise was trained hard.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub on: Option<NaiveDate>,
    /// The first day the next session is best done.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub next: Option<NaiveDate>,
    /// Days between sessions (too soon), weeks away (layoff), or minutes
    /// of lifting this week (dose).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub count: Option<u32>,
    /// Loads as a share of before, in percent (a layoff that lightens them).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub percent: Option<f64>,
}

/// Kinds of warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum WarningCode {
    /// Weekly minutes above 60.
    DoseHigh,
    /// Weekly minutes above 130: no more benefit, more risk.
    DoseTooHigh,
    /// Less rest than the program asks since the last session.
    TooSoon,
    /// The same pattern was trained hard less than 48 h ago.
    SamePattern,
    /// A vertebral fracture: see a physiotherapist before heavy loading.
    SeePhysio,
    /// Pain was reported last time.
    Pain,
    /// Back after a layoff.
    Layoff,
}

/// Minutes of lifting this ISO week against the 40-60 minute band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WeeklyDose {
    /// Monday of the week.
    pub week_of: NaiveDate,
    /// Minutes of lifting logged this week, counted as `heft stats` counts
    /// them, including the sets of today's session logged so far.
    pub logged: u32,
    /// The week with this session: what was logged before it plus the
    /// session's estimate, or its logged sets if they already took longer.
    pub with_session: u32,
    /// Where that puts the week.
    pub level: DoseLevel,
}

/// The weekly dose against the band (SCIENCE.md, "Dose: the J-curve").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DoseLevel {
    /// Under 40 minutes.
    Below,
    /// 40-60 minutes: where the benefit peaks.
    InBand,
    /// 61-130 minutes.
    Above,
    /// Over 130 minutes: the benefit is gone.
    FarAbove,
}

/// Lower edge of the weekly band, minutes.
pub const DOSE_MIN: u32 = 40;
/// Upper edge of the weekly band, minutes.
pub const DOSE_MAX: u32 = 60;
/// Above this the benefit is gone, minutes.
pub const DOSE_LIMIT: u32 = 130;

impl DoseLevel {
    /// The level of a week with `minutes` of lifting.
    pub fn of(minutes: u32) -> DoseLevel {
        match minutes {
            m if m < DOSE_MIN => DoseLevel::Below,
            m if m <= DOSE_MAX => DoseLevel::InBand,
            m if m <= DOSE_LIMIT => DoseLevel::Above,
            _ => DoseLevel::FarAbove,
        }
    }
}
