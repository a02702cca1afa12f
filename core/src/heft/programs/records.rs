//! What the program calls return: the records the shells draw.

use chrono::NaiveDate;
use serde::Serialize;

use super::*;

/// A program in a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgramSummary {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// One paragraph.
    pub summary: String,
    /// Source.
    pub source: String,
    /// Sessions per week.
    pub sessions_per_week: u8,
    /// Minutes per session.
    pub session_minutes: u16,
    /// Reaches 80% 1RM or more.
    pub heavy: bool,
    /// Shipped with Heft (not imported).
    pub builtin: bool,
}

impl ProgramSummary {
    pub(super) fn of(p: &Program, builtin: bool) -> Self {
        ProgramSummary {
            id: p.id.clone(),
            name: p.name.clone(),
            summary: p.summary.clone(),
            source: p.source.clone(),
            sessions_per_week: p.sessions_per_week,
            session_minutes: p.session_minutes,
            heavy: p.heavy,
            builtin,
        }
    }
}

/// What starting a program did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StartedProgram {
    /// The new run.
    pub run: ProgramRun,
    /// The program.
    pub program: ProgramSummary,
    /// What the engine decided at the start (e.g. a familiarization ramp).
    pub notes: Vec<Why>,
}

/// Where a run stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgramStatus {
    /// The run.
    pub run: ProgramRun,
    /// The program.
    pub program: ProgramSummary,
    /// The next session's place in the program.
    pub next_phase: PhasePosition,
    /// Earliest date of the next session.
    pub next_on: NaiveDate,
    /// Per lift: estimate and working load, in the profile's unit.
    pub lifts: Vec<LiftStatus>,
}

/// One lift's numbers in a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LiftStatus {
    /// Exercise id.
    pub exercise_id: String,
    /// Exercise name.
    pub exercise_name: String,
    /// Estimated 1RM.
    pub e1rm: Option<f64>,
    /// Working load the rule holds.
    pub load: Option<f64>,
    /// The unit of both.
    pub unit: WeightUnit,
    /// Last change and why.
    pub last_change: Option<Why>,
}
