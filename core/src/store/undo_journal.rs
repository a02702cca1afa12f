//! The `undo_entry` table: this device's undo steps, newest last. Local
//! only (never synced). Each entry is a label and the inverse action as
//! JSON; what an inverse does is `heft::undo`'s.

use rusqlite::{Connection, OptionalExtension};

use crate::Result;

/// An undo step as stored.
pub(crate) struct Entry {
    /// Its place in the journal.
    pub seq: i64,
    /// What the action was, for the person.
    pub label: String,
    /// The inverse action, as JSON.
    pub inverse: String,
}

/// Adds a step and keeps only the newest `depth`.
pub(crate) fn push(
    conn: &Connection,
    at_ms: i64,
    label: &str,
    inverse: &str,
    depth: i64,
) -> Result<()> {
    conn.prepare_cached("INSERT INTO undo_entry (at_ms, label, inverse) VALUES (?1, ?2, ?3)")?
        .execute((at_ms, label, inverse))?;
    conn.prepare_cached(
        "DELETE FROM undo_entry WHERE seq <= (SELECT max(seq) FROM undo_entry) - ?1",
    )?
    .execute([depth])?;
    Ok(())
}

/// The newest step.
pub(crate) fn newest(conn: &Connection) -> Result<Option<Entry>> {
    Ok(conn
        .prepare_cached("SELECT seq, label, inverse FROM undo_entry ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| {
            Ok(Entry {
                seq: r.get(0)?,
                label: r.get(1)?,
                inverse: r.get(2)?,
            })
        })
        .optional()?)
}

/// Removes step `seq` (it was taken back).
pub(crate) fn remove(conn: &Connection, seq: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM undo_entry WHERE seq = ?1")?
        .execute([seq])?;
    Ok(())
}

/// Forgets every step: after a merge or an import changed rows, a recorded
/// inverse could revert a newer change it never saw.
pub(crate) fn clear(conn: &Connection) -> Result<()> {
    conn.prepare_cached("DELETE FROM undo_entry")?.execute([])?;
    Ok(())
}
