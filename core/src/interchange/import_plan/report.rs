//! What a CSV import did, as the person and the shells see it.

use serde::Serialize;

use crate::interchange::UnitBasis;
use crate::model::WeightUnit;

/// The unit a file's weights were read in, for a file that names none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UnitDecision {
    /// The unit.
    pub unit: WeightUnit,
    /// Who decided: the caller, the loads, or the profile.
    pub basis: UnitBasis,
    /// Why, for a person ("no unit in the file: weights read as lb: ...").
    pub reason: String,
}

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SkippedRow {
    /// 1-based line in the file.
    pub line: u64,
    /// Why, naming the column when one is at fault.
    pub reason: String,
}

/// What a CSV import did (or, with `dry_run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvImportReport {
    /// The app the file came from.
    pub source: String,
    /// Records read (sets and skipped rows).
    pub rows_read: u64,
    /// Sets found in the file.
    pub sets_read: u64,
    /// Sets new to this database.
    pub added: u64,
    /// Sets whose values changed since an earlier import.
    pub updated: u64,
    /// Sets already here as they are (or deleted here, which an import respects).
    pub unchanged: u64,
    /// Sets this database already has under another id (logged in Heft,
    /// synced, or imported from another file): a set of a workout here that
    /// started at the same time, with the same exercise, load and reps, in
    /// the same order. Not added again.
    pub already_here: u64,
    /// Rows not imported: the first ones with line and reason.
    pub skipped: Vec<SkippedRow>,
    /// All rows not imported.
    pub skipped_count: u64,
    /// Rows whose columns were shifted by an unquoted comma and were repaired.
    pub repaired: u64,
    /// Workouts in the file.
    pub workouts: u64,
    /// Workouts new to this database.
    pub workouts_added: u64,
    /// Custom exercises created for names the catalog does not know.
    pub new_exercises: Vec<String>,
    /// Body-weight measurements added (StrongLifts records one per session).
    pub measurements_added: u64,
    /// Notes or names longer than Heft keeps, shortened.
    pub truncated: u64,
    /// Values beyond Heft's limits (typos such as 877777 reps), moved from
    /// their field into the set's note so the set is kept.
    pub values_moved_to_notes: u64,
    /// Whether nothing was written.
    pub dry_run: bool,
    /// For a file that names no unit for its weights: the unit they were
    /// read in and why. `None` when the file names it.
    pub weight_unit: Option<UnitDecision>,
}
