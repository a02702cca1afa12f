//! The neutral record every CSV reader produces, and the readers' errors.

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::model::{Distance, Effort, EffortSource, Load, SetKind, SetRole, SetTarget, Weight};

/// The app a CSV file came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Source {
    /// Strong (iOS/Android), every header variant and language.
    Strong,
    /// Hevy.
    Hevy,
    /// FitNotes (Android).
    FitNotes,
    /// StrongLifts 5x5.
    StrongLifts,
    /// Liftosaur.
    Liftosaur,
    /// Heft's own CSV layout (`heft export-csv --layout heft`).
    Heft,
}

impl Source {
    /// The name used on the command line (`--from strong`).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Strong => "strong",
            Source::Hevy => "hevy",
            Source::FitNotes => "fitnotes",
            Source::StrongLifts => "stronglifts",
            Source::Liftosaur => "liftosaur",
            Source::Heft => "heft",
        }
    }
}

impl std::str::FromStr for Source {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "strong" => Source::Strong,
            "hevy" => Source::Hevy,
            "fitnotes" => Source::FitNotes,
            "stronglifts" => Source::StrongLifts,
            "liftosaur" => Source::Liftosaur,
            "heft" => Source::Heft,
            other => {
                return Err(format!(
                    "unknown source '{other}' (strong, hevy, fitnotes, stronglifts, liftosaur, heft)"
                ));
            }
        })
    }
}

/// A point in time as a file gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CsvTime {
    /// Local wall-clock time without an offset (what most apps export).
    Local(NaiveDateTime),
    /// An instant with its offset (Heft's layout).
    Exact(DateTime<FixedOffset>),
}

/// The workout a set belongs to, as the file describes it. Sets that share
/// `start`, `name` and `id` belong to the same workout.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvWorkout {
    /// Heft's workout id (Heft layout only).
    pub id: Option<String>,
    /// When it started. FitNotes and StrongLifts give only a date: the time
    /// is then 00:00 and `time_known` is false.
    pub start: CsvTime,
    /// Whether `start` has a real time of day.
    pub time_known: bool,
    /// Its name ("Morning Workout", "Day A").
    pub name: Option<String>,
    /// Its length in seconds, when the file gives one.
    pub duration_s: Option<u32>,
    /// When it ended, when the file gives it (Hevy's `end_time`).
    pub end: Option<CsvTime>,
    /// Workout-level notes.
    pub note: Option<String>,
    /// Body weight recorded with the session (StrongLifts).
    pub body_weight: Option<Weight>,
}

/// How a set's load is given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CsvLoad {
    /// A weight column (or nothing, when blank). Whether it is an external
    /// load or load added to body weight depends on the exercise, which only
    /// the importer knows; a blank or zero weight on a set with reps is body
    /// weight alone.
    Weight(Option<Weight>),
    /// The load exactly as Heft stored it (Heft layout).
    Exact(Load),
}

/// One set read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvSet {
    /// 1-based line of the record in the file (its first line, for records
    /// with quoted newlines; the header is line 1).
    pub line: u64,
    /// Heft's set id (Heft layout only).
    pub id: Option<String>,
    /// The workout it belongs to.
    pub workout: CsvWorkout,
    /// The exercise name as the app wrote it ("Squat (Barbell)").
    pub exercise: String,
    /// Heft's exercise id (Heft layout only).
    pub exercise_id: Option<String>,
    /// The app's category for the exercise (FitNotes "Legs"), a naming hint.
    pub category: Option<String>,
    /// The set's number within its exercise in the workout, as the file
    /// gives it (Strong's `Set Order`, Hevy's `set_index`); used to derive
    /// stable ids, so it must not depend on line numbers.
    pub order: u32,
    /// Warm-up, working, drop or failure.
    pub kind: SetKind,
    /// The load.
    pub load: CsvLoad,
    /// Repetitions done.
    pub reps: Option<u32>,
    /// Effort, when recorded (RPE for most apps).
    pub effort: Option<Effort>,
    /// Duration in milliseconds (timed sets).
    pub duration_ms: Option<u32>,
    /// Distance covered.
    pub distance: Option<Distance>,
    /// Landings (Heft layout).
    pub landings: Option<u32>,
    /// Drop height in cm (Heft layout).
    pub drop_height_cm: Option<f64>,
    /// Pain 0-10 (Heft layout).
    pub pain: Option<u8>,
    /// Set-level note (Strong's `Notes`, Hevy's `exercise_notes`, FitNotes' `Comment`).
    pub note: Option<String>,
    /// What a program prescribed (Liftosaur's required reps/weight, Heft layout).
    pub target: Option<SetTarget>,
    /// When the set was done, if the file says (Heft layout).
    pub performed_at: Option<CsvTime>,
    /// Superset group id as the app wrote it (Hevy; "0" is a real id).
    pub superset: Option<String>,
    /// The set's role in a planned session (Heft layout).
    pub role: Option<SetRole>,
    /// Where the effort came from (Heft layout).
    pub effort_source: Option<EffortSource>,
    /// The band used (Heft layout).
    pub band: Option<String>,
}

/// One record of a file: a set, or a row that is not one.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvRow {
    /// A set to import.
    Set(Box<CsvSet>),
    /// A row that is not a set or cannot be read; the import reports it.
    Skip {
        /// 1-based line of the record.
        line: u64,
        /// Why, naming the column when one is at fault
        /// ("rest timer row", "Reps: 'abc' is not a number").
        reason: String,
    },
}

impl CsvRow {
    /// A set, or a skip of line `line` with the reason a reader gave.
    pub(crate) fn from_result(line: u64, result: Result<CsvSet, String>) -> CsvRow {
        match result {
            Ok(set) => CsvRow::Set(Box::new(set)),
            Err(reason) => CsvRow::Skip { line, reason },
        }
    }
}

/// A CSV file could not be read at all (a single bad row is a
/// [`CsvRow::Skip`], not an error).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    /// The header matches no known export layout.
    #[error("line 1: the header matches no known export ({detail})")]
    UnknownFormat {
        /// What was found, shortened.
        detail: String,
    },
    /// The header lacks a column the layout needs.
    #[error("line 1: the {layout} header has no '{column}' column")]
    MissingColumn {
        /// Layout name.
        layout: &'static str,
        /// The missing column.
        column: String,
    },
    /// The file is not text in a supported encoding, or not CSV.
    #[error("line {line}: {reason}")]
    Malformed {
        /// 1-based line.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// A record or the file exceeds a size limit.
    #[error("line {line}: {what} is larger than the limit of {limit} bytes")]
    TooLarge {
        /// 1-based line.
        line: u64,
        /// What was too large ("a record").
        what: &'static str,
        /// The limit.
        limit: u64,
    },
    /// The file names no unit for its weights and their values do not
    /// tell kilograms from pounds: the caller must give the unit.
    #[error(
        "the file names no weight unit and its loads do not settle it: {reason}; give the unit (--unit kg or --unit lb)"
    )]
    UnitUnclear {
        /// What the loads say (no weight from the file: it goes into logs).
        reason: String,
    },
    /// The file could not be read.
    #[error("reading the file: {0}")]
    Io(String),
}

impl CsvError {
    /// The input a person can change to fix the error, if one is at fault
    /// other than the file itself (`unit` for [`CsvError::UnitUnclear`]).
    pub fn field(&self) -> Option<&'static str> {
        match self {
            CsvError::UnitUnclear { .. } => Some("unit"),
            _ => None,
        }
    }
}
