//! The progression engine: what to lift today.
//!
//! Pure and deterministic: no I/O and no clock; today's date is an argument.
//! [`program`] is the data (built-in programs in [`builtin`]), [`state`] what
//! is remembered between sessions, [`engine`] the rules, [`plan`] what comes
//! out. [`forecast`] estimates what a lifter can do today from their
//! history. [`strength`] holds the e1RM and RPE-chart arithmetic and [`loading`]
//! what a bar, plates and dumbbells can make; [`minutes`] how long lifting
//! takes; [`safety`] picks exercises the
//! person can and may do.

pub mod adjust;
pub mod athlete;
pub mod builtin;
pub mod engine;
pub mod forecast;
pub mod history;
pub mod loading;
pub mod minutes;
pub mod plan;
pub mod program;
pub mod safety;
pub mod session;
pub mod spacing;
pub mod state;
pub mod strength;

pub use adjust::{Adjustments, Weekday};
pub use athlete::Athlete;
pub use engine::{Advance, LiftChange, PlanInput, advance, plan, start};
pub use history::{PastSet, PastWorkout};
pub use plan::{ExercisePlan, PlannedLoad, PlannedSet, SessionPlan, Warning, WarningCode, Why};
pub use program::{ExerciseIndex, ExerciseLookup, Program, ProgramError};
pub use state::{LiftState, ProgramRun, RunState};
