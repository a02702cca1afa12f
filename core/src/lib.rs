//! Heft's core: everything the app knows and decides, with no user interface.
//!
//! The shells (the `heft` CLI, the Kotlin and Swift apps) open a [`Heft`]
//! handle on one SQLite file and call its methods; they hold no rules of their
//! own. Modules are split by concern: [`model`] is the vocabulary,
//! [`validate`] the limits every input must respect, [`grammar`] the compact
//! set notation (`100x5@2`), [`catalog`] the exercise names and how a typed
//! name is matched, [`store`] the database, and [`hlc`] the clock that orders
//! writes across devices.

pub mod analytics;
pub mod catalog;
pub mod clock;
mod embedded;
pub mod error;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod grammar;
mod heft;
pub mod hlc;
pub mod interchange;
pub mod measures;
pub mod model;
pub mod plausibility;
pub mod progress;
pub mod progression;
pub mod report;
pub mod screens;
pub mod store;
pub mod sync;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;
pub mod validate;

pub use error::{Error, Result};
pub use heft::UnitDecision;
pub use heft::{CheckedLog, Strength};
pub use heft::{
    CsvExportSummary, CsvImportOptions, CsvImportReport, CsvLayout, DeviceSeen, EarlierOpenWorkout,
    ExerciseHit, ExerciseProgress, ExportSummary, FinishWorkout, Finished, Heft, HistoryQuery,
    LiftStatus, LogOutcome, LogTime, LoggedSets, NextLog, NextSet, PlanContext, ProgramRun,
    ProgramStatus, ProgramSummary, SessionResult, SkippedRow, StartedProgram, SyncStatus,
    TableCount, Today, UndoOutcome,
};
pub use heft::{ExerciseSwap, RunAdjustments};
pub use heft::{ExportFile, FolderSync, SyncDocument};
pub use heft::{HISTORY_MAX_DAYS, MeasureOutcome};
pub use measures::{Band, BandSource, BandStatus, Change, DxaCall, NewMeasurement, Trend};
pub use store::salvage::{RecoveryReport, TableSalvage};

// The FFI namespace of core's records (bindings/README.md): the derives
// behind the `uniffi` feature need this crate's own scaffolding tag.
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();
