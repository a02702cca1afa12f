//! CSV interchange with other workout apps: reading their exports into
//! neutral [`CsvSet`] records, and writing Heft's history as CSV.
//!
//! Readers are pure: they turn bytes into records and never touch the
//! database. `Heft::import_csv` maps records onto exercises and workouts and
//! writes them in one transaction. Every reader finds its columns by name
//! (never by position), so a column added, dropped or moved by an app update
//! does not shift values into the wrong field.

mod record;

pub use record::{CsvError, CsvLoad, CsvRow, CsvSet, CsvTime, CsvWorkout, Source};
