//! The error type of the core's public API.
//!
//! One enum for everything a caller of [`crate::Heft`] can get back. Each
//! variant is a situation a caller can tell apart and act on: bad input names
//! its field, an unknown exercise carries suggestions, a corrupt file says
//! where it was moved. Messages carry no training data (weights, notes), only
//! names of fields, files and ids, so they are safe to log.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::grammar::GrammarError;
use crate::validate::ValidationError;

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in a call to the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value was out of range, missing or malformed; names the field.
    #[error(transparent)]
    InvalidInput(#[from] ValidationError),

    /// A set written in the compact notation could not be read.
    #[error(transparent)]
    Grammar(#[from] GrammarError),

    /// No exercise matches a name; carries the closest names.
    #[error("unknown exercise '{query}'{}", suggestion_text(.suggestions))]
    UnknownExercise {
        /// The name as typed.
        query: String,
        /// Names of the closest exercises, best first (may be empty).
        suggestions: Vec<String>,
    },

    /// A row with this id (or id fragment) does not exist or was deleted.
    #[error("no {entity} with id '{id}'")]
    NotFound {
        /// What was looked for: "set", "workout", "exercise".
        entity: &'static str,
        /// The id or fragment given.
        id: String,
    },

    /// No program has this id; carries the closest ids.
    #[error("no program with id '{id}'{}", suggestion_text(.suggestions))]
    UnknownProgram {
        /// The id as typed.
        id: String,
        /// Ids of the closest programs, best first (may be empty).
        suggestions: Vec<String>,
    },

    /// A workout was to be finished but none is open (on the date given).
    #[error("{}", no_open_workout_text(*.on, *.latest))]
    NoOpenWorkout {
        /// The local date asked for, if one was.
        on: Option<NaiveDate>,
        /// The local start date of the newest workout (of `on`, when given),
        /// which is finished; `None` when there is none.
        latest: Option<NaiveDate>,
    },

    /// An id fragment matched more than one row.
    #[error("'{fragment}' matches {count} {entity}s; give more of the id")]
    AmbiguousId {
        /// What was looked for.
        entity: &'static str,
        /// The fragment given.
        fragment: String,
        /// How many rows matched.
        count: usize,
    },

    /// The request contradicts what is stored (e.g. a name already taken).
    #[error("{0}")]
    Conflict(String),

    /// A program file is invalid; the error names the line and field.
    #[error("program file: {0}")]
    Program(#[from] crate::progression::ProgramError),

    /// A plan was asked for but no program is running.
    #[error("no program is running; start one first")]
    NoProgram,

    /// The next planned set has no load yet: the person works up to one and
    /// logs what they lifted.
    #[error(
        "the next set of {exercise} has no load yet: work up to a weight that fits the RIR target and log it with that weight"
    )]
    NeedsLoad {
        /// The exercise's name.
        exercise: String,
    },

    /// An export file could not be read or merged; nothing was changed.
    #[error(transparent)]
    Sync(#[from] crate::sync::SyncError),

    /// An export file handed over as bytes (a phone's document) could not
    /// be read or merged; names the file. Nothing was changed.
    #[error("{file}: {source}")]
    SyncFile {
        /// The file's name, as the shell gave it.
        file: String,
        /// What is wrong with it (boxed: the error stays small).
        #[source]
        source: Box<crate::sync::SyncError>,
    },

    /// A CSV file could not be read; nothing was changed.
    #[error(transparent)]
    Csv(#[from] crate::interchange::CsvError),

    /// The caller cancelled a long operation; nothing was changed.
    #[error("cancelled; nothing was changed")]
    Cancelled,

    /// `undo` was asked for but nothing is left to undo.
    #[error("nothing to undo")]
    NothingToUndo,

    /// The database file is not a readable SQLite database. It was moved
    /// aside (never deleted) so the person can restore it or an export.
    #[error(
        "the database {path} is damaged; it was moved to {moved_to} and a new one will be created next time"
    )]
    Corrupt {
        /// Where the database was.
        path: PathBuf,
        /// Where the damaged file is now.
        moved_to: PathBuf,
    },

    /// SQLite's check found damaged pages in the database, which is still
    /// in place: nothing was written (or exported), so the damage does not
    /// spread into new rows. Reading works as far as the damage allows;
    /// recovery ([`crate::store::salvage::recover`]) copies every readable
    /// row into a new database.
    #[error(
        "the database {path} is damaged ({problem}); nothing was written. Reading may still work; recovering it copies every readable row into a new database"
    )]
    Damaged {
        /// The database.
        path: PathBuf,
        /// What the check found (tables and pages, never row content).
        problem: String,
    },

    /// An existing file that is not a Heft database (a CSV, an export,
    /// another app's SQLite file) was given as the database: refused, and
    /// left exactly as it was.
    #[error("{path} is not a Heft database ({reason}); it was left untouched")]
    NotHeftDatabase {
        /// The file.
        path: PathBuf,
        /// What it is instead.
        reason: String,
    },

    /// The database could be opened only for reading (a read-only folder
    /// or file, a full disk): nothing was changed. Reading still works.
    #[error("nothing was written: {reason}; reading still works")]
    ReadOnly {
        /// What stops writing.
        reason: String,
    },

    /// The database was written by a newer Heft than this one.
    #[error(
        "the database has schema version {found}, newer than this Heft understands ({supported}); update Heft"
    )]
    IncompatibleVersion {
        /// Version found in the file.
        found: u32,
        /// Newest version this build knows.
        supported: u32,
    },

    /// The embedded exercise catalog could not be read (a build defect).
    #[error("built-in exercise catalog is invalid: {0}")]
    Catalog(String),

    /// A filesystem operation failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being done, with the path.
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },

    /// SQLite reported an error not covered above.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    /// Stored data could not be decoded (written by a faulty version or edited by hand).
    #[error("stored data is invalid in {table}.{column}: {reason}")]
    BadRow {
        /// Table name.
        table: &'static str,
        /// Column name.
        column: &'static str,
        /// What is wrong.
        reason: String,
    },
}

fn suggestion_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

fn no_open_workout_text(on: Option<NaiveDate>, latest: Option<NaiveDate>) -> String {
    match (on, latest) {
        (None, None) => "no workout is open, and none has been logged yet".into(),
        (None, Some(d)) => {
            format!("no workout is open: the latest one, started on {d}, is already finished")
        }
        (Some(d), None) => format!("no workout was logged on {d}"),
        (Some(d), Some(_)) => format!("no workout of {d} is open: it is already finished"),
    }
}

impl Error {
    /// [`Error::NotFound`] for `entity` with the id as given, cut to 60
    /// characters (an id typed by a person can be anything).
    pub(crate) fn not_found(entity: &'static str, id: &str) -> Error {
        Error::NotFound {
            entity,
            id: id.chars().take(60).collect(),
        }
    }

    /// The field an input error is about, if it is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidInput(e) => Some(e.field.as_str()),
            Error::Grammar(_) => Some("set"),
            Error::UnknownExercise { .. } => Some("exercise"),
            Error::UnknownProgram { .. } => Some("program"),
            Error::Program(e) => Some(e.field.as_str()),
            Error::NeedsLoad { .. } => Some("weight"),
            Error::Csv(e) => e.field(),
            _ => None,
        }
    }
}
