//! The `exercise` table: reading exercises and the writes a person's
//! actions make (adding, reviving and deleting a custom exercise).
//!
//! Rows are decoded by [`rows::exercise`] and written by
//! [`rows::upsert_exercise`], which the catalog's seeding and merges share.

use rusqlite::{Connection, OptionalExtension};

use super::rows::{self, EXERCISE_COLUMNS};
use crate::model::Exercise;
use crate::{Error, Result};

/// Every live exercise, built-in and custom, by name.
pub(crate) fn all_live(conn: &Connection) -> Result<Vec<Exercise>> {
    let sql = format!(
        "SELECT {EXERCISE_COLUMNS} FROM exercise WHERE deleted = 0 ORDER BY name COLLATE NOCASE"
    );
    conn.prepare_cached(&sql)?
        .query_and_then([], rows::exercise)?
        .collect()
}

/// The live custom exercises, in the order they were added.
pub(crate) fn custom(conn: &Connection) -> Result<Vec<Exercise>> {
    let sql = format!(
        "SELECT {EXERCISE_COLUMNS} FROM exercise WHERE deleted = 0 AND builtin = 0 ORDER BY rowid"
    );
    conn.prepare_cached(&sql)?
        .query_and_then([], rows::exercise)?
        .collect()
}

/// The live exercise `id`.
pub(crate) fn by_id(conn: &Connection, id: &str) -> Result<Exercise> {
    let sql = format!("SELECT {EXERCISE_COLUMNS} FROM exercise WHERE id = ?1 AND deleted = 0");
    conn.prepare_cached(&sql)?
        .query_and_then([id], rows::exercise)?
        .next()
        .transpose()?
        .ok_or_else(|| Error::not_found("exercise", id))
}

/// Whether exercise `id` is deleted; `None` when there is no such row.
pub(crate) fn is_deleted(conn: &Connection, id: &str) -> Result<Option<bool>> {
    Ok(conn
        .prepare_cached("SELECT deleted FROM exercise WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Brings back deleted exercise `id`.
pub(crate) fn revive(conn: &Connection, id: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached("UPDATE exercise SET deleted = 0, hlc = ?2 WHERE id = ?1")?
        .execute((id, hlc))?;
    Ok(())
}

/// Deletes custom exercise `id` (a tombstone; built-ins are never deleted).
pub(crate) fn delete_custom(conn: &Connection, id: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached("UPDATE exercise SET deleted = 1, hlc = ?2 WHERE id = ?1 AND builtin = 0")?
        .execute((id, hlc))?;
    Ok(())
}
