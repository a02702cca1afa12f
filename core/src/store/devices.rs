//! The `device` table: this device and the others whose files were merged
//! here, with the newest clock stamp seen from each. Local only.

use rusqlite::{Connection, OptionalExtension};

use crate::Result;

/// The other devices seen, by id, each with the newest stamp seen from it.
pub(crate) fn others(conn: &Connection) -> Result<Vec<(String, Option<String>)>> {
    Ok(conn
        .prepare_cached("SELECT id, last_hlc FROM device WHERE is_local = 0 ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Whether `id` is this device (`Some(true)`), another seen before
/// (`Some(false)`), or unknown.
pub(crate) fn is_local(conn: &Connection, id: &str) -> Result<Option<bool>> {
    Ok(conn
        .prepare_cached("SELECT is_local FROM device WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Records another device, or the newer of its stamps seen so far.
pub(crate) fn note_other(
    conn: &Connection,
    id: &str,
    now_ms: i64,
    newest: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO device (id, name, created_at_ms, is_local, last_hlc) VALUES (?1, 'other device', ?2, 0, ?3)
         ON CONFLICT (id) DO UPDATE SET last_hlc = max(coalesce(last_hlc, ''), coalesce(excluded.last_hlc, ''))",
    )?
    .execute((id, now_ms, newest))?;
    Ok(())
}
