//! What the core itself must contribute to the phone bindings (`heft-ffi`),
//! compiled only with the `uniffi` feature.
//!
//! The records and enums of the model derive their FFI form where they are
//! defined (`#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]`), so
//! they are never copied. Two things cannot live in `heft-ffi` and are here:
//!
//! - **Custom types** for the values that cannot cross as they are: chrono's
//!   dates and times, the exact `Quantity` weights and distances, the ISO
//!   week, `usize`, `PathBuf` and a `BTreeMap`. Rust's orphan rule lets only this crate
//!   implement uniffi's traits for them with this crate's scaffolding tag,
//!   which is the tag the derived records use for their fields.
//! - **[`HeftError`]**, the one error enum of the FFI. Lifting one of those
//!   custom types from foreign values can fail (NaN weight, "2026-02-30");
//!   uniffi turns such a failure into the method's typed error only when the
//!   lift returns that very error type, and the lift runs here. So the enum
//!   and its one `From<Error>` mapping live beside the lifts; `heft-ffi`
//!   re-exports it. `Error` itself never crosses.
//!
//! The decision is recorded in docs/adr/0002-ffi-types-and-error-in-core.md.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::analytics::Week;
use crate::model::{Distance, DistanceUnit, Timestamp, Weight, WeightUnit};
use crate::progression::state::LiftState;
use crate::sync::SyncError;
use crate::validate::{Field, Problem, ValidationError};
use crate::{Error, interchange::CsvError};

/// An instant as it crosses the FFI: UTC milliseconds and the local offset
/// in minutes east of UTC at the time, as the database keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Moment {
    /// Milliseconds since 1970-01-01T00:00Z.
    pub utc_ms: i64,
    /// The local offset, minutes east of UTC (-1439..=1439).
    pub offset_min: i32,
}

/// A weight as it crosses the FFI: the decimal as typed and its unit.
/// Kept exactly to 1/1000 of the unit inside; a value that is not a finite
/// number, or too large to hold, is refused with
/// [`HeftError::InvalidInput`] on the `weight` field.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct WeightValue {
    /// The amount, e.g. 102.5.
    pub value: f64,
    /// Kilograms or pounds.
    pub unit: WeightUnit,
}

/// A distance as it crosses the FFI; see [`WeightValue`].
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct DistanceValue {
    /// The amount, e.g. 5.0.
    pub value: f64,
    /// Metres, kilometres or miles.
    pub unit: DistanceUnit,
}

/// A calendar date as it crosses the FFI: ISO 8601 text, `2026-11-24`
/// (`java.time.LocalDate.parse` and Swift's `ISO8601DateFormatter` read it).
pub type IsoDate = NaiveDate;

/// A time with the UTC offset it was given in, crossing as a [`Moment`].
pub type ZonedTime = DateTime<FixedOffset>;

/// An index or count crossing the FFI as `u32`. Indices into lists and
/// counts of rows never come near 2^32 here; lowering saturates anyway, so
/// no value can fail to cross.
pub type Usize = usize;

/// A file path as it crosses the FFI: text. Paths on the phones are
/// UTF-8; a path that is not (possible only on desktop systems) crosses
/// with its invalid bytes replaced by U+FFFD, as `Path::to_string_lossy`
/// does.
pub type FilePath = PathBuf;

/// Per-lift engine state by exercise id, crossing as a map (uniffi has
/// hash maps only; the order of a map is not meaningful to a shell).
pub type LiftStates = BTreeMap<String, LiftState>;

uniffi::custom_type!(IsoDate, String, {
    remote,
    lower: |d| d.format("%Y-%m-%d").to_string(),
    try_lift: |s| lift_date(&s),
});

uniffi::custom_type!(ZonedTime, Moment, {
    remote,
    lower: |t| Moment::from(Timestamp(t)),
    try_lift: |m| lift_moment(m).map(|t| t.0),
});

uniffi::custom_type!(Timestamp, Moment, {
    lower: |t| Moment::from(t),
    try_lift: |m| lift_moment(m),
});

uniffi::custom_type!(Usize, u32, {
    remote,
    lower: |n| u32::try_from(n).unwrap_or(u32::MAX),
    try_lift: |n| Ok(usize::try_from(n).unwrap_or(usize::MAX)),
});

uniffi::custom_type!(FilePath, String, {
    remote,
    lower: |p| p.to_string_lossy().into_owned(),
    try_lift: |s| Ok(PathBuf::from(s)),
});

uniffi::custom_type!(LiftStates, HashMap<String, LiftState>, {
    remote,
    lower: |m| m.into_iter().collect(),
    try_lift: |m| Ok(m.into_iter().collect()),
});

uniffi::custom_type!(Weight, WeightValue, {
    lower: |w| WeightValue { value: w.value(), unit: w.unit() },
    try_lift: |v| lift_quantity(v.value, v.unit, Field::Weight),
});

uniffi::custom_type!(Distance, DistanceValue, {
    lower: |d| DistanceValue { value: d.value(), unit: d.unit() },
    try_lift: |v| lift_quantity(v.value, v.unit, Field::Distance),
});

uniffi::custom_type!(Week, String, {
    lower: |w| w.to_string(),
    try_lift: |s| s.parse::<Week>().map_err(|_| invalid(Field::Date, "must be an ISO week like 2026-W47")),
});

impl From<Timestamp> for Moment {
    fn from(t: Timestamp) -> Self {
        Moment {
            utc_ms: t.utc_ms(),
            offset_min: t.offset_min(),
        }
    }
}

fn invalid(field: Field, expected: &str) -> uniffi::deps::anyhow::Error {
    HeftError::from(Error::InvalidInput(ValidationError {
        field,
        problem: Problem::Malformed {
            expected: expected.into(),
        },
    }))
    .into()
}

fn lift_date(s: &str) -> uniffi::Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| invalid(Field::Date, "a date like 2026-11-24"))
}

fn lift_moment(m: Moment) -> uniffi::Result<Timestamp> {
    Timestamp::from_parts(m.utc_ms, m.offset_min).ok_or_else(|| {
        invalid(
            Field::Date,
            "a time within chrono's range with an offset under 24 hours",
        )
    })
}

fn lift_quantity<U: crate::model::Unit>(
    value: f64,
    unit: U,
    field: Field,
) -> uniffi::Result<crate::model::Quantity<U>> {
    crate::model::Quantity::new(value, unit).ok_or_else(|| {
        let problem = if value.is_finite() {
            Problem::TooLarge {
                max: crate::validate::Limit::count(1e12),
            }
        } else {
            Problem::NotFinite
        };
        HeftError::from(Error::InvalidInput(ValidationError { field, problem })).into()
    })
}

/// Everything a call into Heft can fail with, as the apps see it
/// (`HeftException` in Kotlin, `HeftError` in Swift). Each variant is a
/// thing the UI can act on; messages carry field names, ids and file
/// names, never training data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum HeftError {
    /// A value the person entered is out of range, missing or malformed:
    /// show `reason` next to the input named `field`.
    #[error("{field} {reason}")]
    InvalidInput {
        /// The input at fault, e.g. `weight`, `name`, `date`, `passphrase`.
        field: String,
        /// What is wrong, in words ("must be a number").
        reason: String,
    },
    /// Nothing with this id exists (or it was deleted): refresh the view.
    #[error("no {entity} with id '{id}'")]
    NotFound {
        /// What was looked for: `set`, `workout`, `exercise`, `program`, ...
        entity: String,
        /// The id given (empty when the thing has no id, e.g. a running program).
        id: String,
    },
    /// The request contradicts what is stored (a name already taken, an
    /// exercise still in use): tell the person, change nothing.
    #[error("{reason}")]
    Conflict {
        /// What conflicts.
        reason: String,
    },
    /// A file or folder could not be read or written: check the path and
    /// permissions, then retry.
    #[error("{reason}")]
    Io {
        /// What was being done, with the path.
        reason: String,
    },
    /// The database or an imported file is damaged. A damaged database was
    /// moved aside, never deleted: offer to restore an export.
    #[error("{reason}")]
    Corrupt {
        /// What is damaged and, for the database, where it was moved.
        reason: String,
    },
    /// The database in use has damaged pages (SQLite's check found them):
    /// writing is refused so the damage does not spread, reading works as
    /// far as it can. Offer recovery: close the store, call
    /// `recover_database` with its path, and open it again.
    #[error("{reason}")]
    Damaged {
        /// What the check found, with the database's path.
        reason: String,
    },
    /// The database or file was written by a newer Heft: ask to update.
    #[error("written by a newer Heft (version {found}; this one reads up to {supported})")]
    IncompatibleVersion {
        /// Version found.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
    /// The caller cancelled a long operation; nothing was changed.
    #[error("cancelled; nothing was changed")]
    Cancelled,
    /// The store was closed; open a new one.
    #[error("the store is closed")]
    Closed,
    /// Anything the UI cannot act on specifically (a defect): report it.
    #[error("{reason}")]
    Other {
        /// What happened.
        reason: String,
    },
}

impl HeftError {
    fn other(reason: impl std::fmt::Display) -> Self {
        HeftError::Other {
            reason: reason.to_string(),
        }
    }

    fn input(field: &str, reason: impl std::fmt::Display) -> Self {
        HeftError::InvalidInput {
            field: field.to_owned(),
            reason: reason.to_string(),
        }
    }
}

/// The one place that decides which FFI variant each core error becomes.
impl From<Error> for HeftError {
    fn from(e: Error) -> Self {
        match e {
            Error::InvalidInput(v) => HeftError::input(v.field.as_str(), &v.problem),
            Error::Grammar(g) => HeftError::input("set", g),
            Error::Program(p) => HeftError::input(&p.field.clone(), p),
            Error::NeedsLoad { .. } => HeftError::input("weight", &e),
            Error::AmbiguousId { .. } => HeftError::input("id", &e),
            Error::UnknownExercise { query, .. } => HeftError::NotFound {
                entity: "exercise".into(),
                id: query,
            },
            Error::NotFound { entity, id } => HeftError::NotFound {
                entity: entity.into(),
                id,
            },
            Error::UnknownProgram { id, .. } => HeftError::NotFound {
                entity: "program".into(),
                id,
            },
            Error::NoOpenWorkout { on, .. } => HeftError::NotFound {
                entity: "open workout".into(),
                id: on.map(|d| d.to_string()).unwrap_or_default(),
            },
            Error::NoProgram => HeftError::NotFound {
                entity: "running program".into(),
                id: String::new(),
            },
            Error::NothingToUndo => HeftError::NotFound {
                entity: "undo step".into(),
                id: String::new(),
            },
            Error::Conflict(reason) => HeftError::Conflict { reason },
            Error::Sync(s) => s.into(),
            Error::SyncFile { file, source } => HeftError::from(*source).in_file(&file),
            Error::Csv(c) => c.into(),
            Error::Cancelled => HeftError::Cancelled,
            Error::Corrupt { .. } | Error::BadRow { .. } => HeftError::Corrupt {
                reason: e.to_string(),
            },
            Error::Damaged { .. } => HeftError::Damaged {
                reason: e.to_string(),
            },
            Error::IncompatibleVersion { found, supported } => {
                HeftError::IncompatibleVersion { found, supported }
            }
            Error::NotHeftDatabase { .. } => HeftError::InvalidInput {
                field: "file".into(),
                reason: e.to_string(),
            },
            Error::ReadOnly { .. } => HeftError::Io {
                reason: e.to_string(),
            },
            Error::Io { .. } => HeftError::Io {
                reason: e.to_string(),
            },
            Error::Sqlite(ref s) => {
                use rusqlite::ErrorCode as C;
                match s.sqlite_error_code() {
                    Some(C::DatabaseCorrupt | C::NotADatabase) => HeftError::Corrupt {
                        reason: e.to_string(),
                    },
                    Some(
                        C::DiskFull
                        | C::SystemIoFailure
                        | C::CannotOpen
                        | C::ReadOnly
                        | C::PermissionDenied,
                    ) => HeftError::Io {
                        reason: e.to_string(),
                    },
                    _ => HeftError::other(&e),
                }
            }
            Error::Catalog(_) => HeftError::other(&e),
        }
    }
}

impl HeftError {
    /// The error with the file it is about named in its words.
    fn in_file(self, file: &str) -> HeftError {
        let named = |reason: String| format!("{file}: {reason}");
        match self {
            HeftError::InvalidInput { field, reason } => HeftError::InvalidInput {
                field,
                reason: named(reason),
            },
            HeftError::Io { reason } => HeftError::Io {
                reason: named(reason),
            },
            HeftError::Corrupt { reason } => HeftError::Corrupt {
                reason: named(reason),
            },
            HeftError::Other { reason } => HeftError::Other {
                reason: named(reason),
            },
            other => other,
        }
    }
}

impl From<SyncError> for HeftError {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::NeedsPassphrase
            | SyncError::WrongPassphrase
            | SyncError::EmptyPassphrase => HeftError::input("passphrase", e),
            SyncError::UnsupportedVersion { found, supported } => {
                HeftError::IncompatibleVersion { found, supported }
            }
            // A table or column only a newer Heft writes: the file's
            // version number may be the same, so there is no number to give.
            SyncError::UnknownColumn { .. } => HeftError::IncompatibleVersion {
                found: 0,
                supported: crate::sync::FORMAT_VERSION,
            },
            SyncError::Read(_) => HeftError::Io {
                reason: e.to_string(),
            },
            SyncError::Encryption(_) => HeftError::other(e),
            SyncError::Empty
            | SyncError::NotAnExport
            | SyncError::Truncated(_)
            | SyncError::Corrupt(_)
            | SyncError::TooLarge { .. }
            | SyncError::BadRow { .. } => HeftError::Corrupt {
                reason: e.to_string(),
            },
        }
    }
}

impl From<CsvError> for HeftError {
    fn from(e: CsvError) -> Self {
        match e {
            CsvError::Io(_) => HeftError::Io {
                reason: e.to_string(),
            },
            // The file is not a workout log Heft can read: the person picked
            // the wrong file, which is their input to fix.
            CsvError::UnknownFormat { .. }
            | CsvError::MissingColumn { .. }
            | CsvError::Malformed { .. }
            | CsvError::TooLarge { .. } => HeftError::input("file", e),
            // The app asks the person for the unit and imports again with it.
            CsvError::UnitUnclear { .. } => HeftError::input("unit", e),
        }
    }
}
