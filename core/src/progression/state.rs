//! Where a person is in a program: the only thing the engine remembers
//! between sessions. Everything else is recomputed from history.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::Phrase;

/// A person's way through a program: a run, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgramRun {
    /// UUIDv7.
    pub id: String,
    /// The program.
    pub program_id: String,
    /// The day it started.
    pub started_on: NaiveDate,
    /// Where the person is.
    pub state: RunState,
}

/// Progress through one program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RunState {
    /// The program's id.
    pub program_id: String,
    /// Day the program was started.
    pub started_on: NaiveDate,
    /// Index of the current phase.
    pub phase: usize,
    /// Sessions done in the current phase.
    pub session_in_phase: u32,
    /// Sessions done since the start.
    pub sessions_done: u32,
    /// Date of the last finished session.
    pub last_session_on: Option<NaiveDate>,
    /// A familiarization ramp the engine added in front of the program.
    pub ramp: Option<Ramp>,
    /// Technique phase passed: heavy loads are allowed.
    pub familiarized: bool,
    /// No lifting was logged before the run: sets are never planned to
    /// failure (SCIENCE.md, safety). Absent in states written before it: false.
    #[serde(default)]
    pub new_lifter: bool,
    /// Per exercise id.
    pub lifts: BTreeMap<String, LiftState>,
}

/// An added familiarization ramp: sessions done out of the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Ramp {
    /// Sessions done.
    pub done: u32,
    /// Sessions in the ramp.
    pub total: u32,
    /// Why it was added.
    pub reason: RampReason,
}

/// Why the engine put a familiarization ramp in front of the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RampReason {
    /// Low bone mass: technique before heavy loads (LIFTMOR, ESSA).
    LowBoneMass,
    /// No lifting history: technique first.
    NewLifter,
    /// Months away from lifting.
    LongLayoff,
}

/// What the engine knows about one lift. Fields added later default, so a
/// state written by an older build still reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LiftState {
    /// Estimated 1RM in kg.
    pub e1rm_kg: Option<f64>,
    /// How the estimate was made, for the explanation, in English.
    pub e1rm_source: Option<String>,
    /// How the estimate was made, as a catalog phrase (`e1rm_source` is its
    /// English); none in a state written before phrases.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub e1rm_basis: Option<Phrase>,
    /// Working load in kg, once the rule owns it.
    pub load_kg: Option<f64>,
    /// The working load last prescribed, in kg; a rise by the estimate is
    /// limited from it.
    pub last_target_kg: Option<f64>,
    /// The first working set's load of the last training session (not a
    /// planned lighter week): what a lighter week eases off.
    pub last_working_kg: Option<f64>,
    /// The slot (exercise, reps, intensity) the working load and rep target
    /// were earned in; another slot starts from the estimate.
    pub load_for: Option<String>,
    /// Current rep target for rules that move reps.
    pub reps: Option<u16>,
    /// Index into the slot's harder variations (0 = the slot's exercise).
    pub variation: u8,
    /// The elastic band the rep target is for, by name, for band exercises.
    pub band: Option<String>,
    /// Sessions in a row that met the two-for-two condition.
    pub good_streak: u8,
    /// Sessions in a row without progress.
    pub stalls: u8,
    /// Pain at the last session, when 4 or more.
    pub pain: Option<u8>,
    /// Last session the lift was done.
    pub last_on: Option<NaiveDate>,
    /// What the last session changed and why.
    pub last_change: Option<super::plan::Why>,
    /// Coming back from a deload or a pain cut: the load climbs by the rule
    /// only, not by a grown estimate, until the next success.
    pub recovering: bool,
    /// Even the lightest load of its equipment was near the person's limit:
    /// the slot uses an alternative with lighter steps.
    pub lightest_too_heavy: bool,
    /// The last session was logged far easier than planned, with more in
    /// reserve than the chart reads reliably (past RIR 3): an estimate from
    /// such sets is only a lower bound, so the rule's one step up is taken
    /// even where that bound would hold it, with the planned reserve as the
    /// set's stop. Without this, easy sets keep a low estimate and the low
    /// estimate keeps the sets easy. [design]
    pub probe: bool,
    /// With `probe`: the last set, its reserve taken at its word, leaves
    /// the probe's stop at the step, so the step cannot end in failure on
    /// the chart. Only then is a probe planned for someone with low bone
    /// mass or new to lifting; the plan checks it against the profile of
    /// the day, which may have changed since the probe was earned.
    pub probe_vouched: bool,
}

impl RunState {
    /// A new run starting on `date`.
    pub fn new(program_id: &str, date: NaiveDate) -> RunState {
        RunState {
            program_id: program_id.to_owned(),
            started_on: date,
            phase: 0,
            session_in_phase: 0,
            sessions_done: 0,
            last_session_on: None,
            ramp: None,
            familiarized: false,
            new_lifter: false,
            lifts: BTreeMap::new(),
        }
    }
}
