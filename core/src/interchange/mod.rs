//! CSV interchange with other workout apps: reading their exports into
//! neutral [`CsvSet`] records, and writing Heft's history as CSV.
//!
//! Readers are pure: they turn bytes into records and never touch the
//! database. The [`import_plan`] decides, without SQL, what each record
//! writes (exercises, workouts, sets, with derived ids); `Heft::import_csv`
//! writes it, in one transaction. Every reader finds its columns by name
//! (never by position), so a column added, dropped or moved by an app update
//! does not shift values into the wrong field.

mod aliases;
mod escape;
mod fitnotes;
mod heft_layout;
mod heft_layout_write;
mod hevy;
pub mod import_plan;
mod liftosaur;
mod numbers;
mod reader;
mod record;
mod strong;
mod strong_layout;
mod stronglifts;
mod units;

pub use aliases::catalog_id_for;
pub use escape::{defuse, restore};
pub use heft_layout_write::{CsvWriter, ExportSet, HEFT_HEADER};
pub use reader::{CsvReader, MAX_RECORD_BYTES, ReadOptions, sniff};
pub use record::{CsvError, CsvLoad, CsvRow, CsvSet, CsvTime, CsvWorkout, Source};
pub use strong_layout::{STRONG_HEADER, duration_text};
pub use units::{Lift, LoadSample, UnitBasis, UnitEvidence, UnitVerdict};
