//! The `measurement` table: recording, deleting and reading body and
//! outcome measurements.
//!
//! Rows are decoded by [`rows::measurement`], which leaves out rows of a
//! kind, unit or site this version does not know (a newer Heft's, kept
//! and synced). What a value means is [`crate::measures`]'s.

use rusqlite::{Connection, OptionalExtension};

use super::rows::{self, MEASUREMENT_COLUMNS};
use crate::model::{MeasureKind, Measurement, Site, Timestamp, Unit, Weight};
use crate::{Error, Result};

/// Adds measurement `m`.
pub(crate) fn insert(conn: &Connection, m: &Measurement, hlc: &str) -> Result<()> {
    insert_row(
        conn,
        &Row {
            id: &m.id,
            kind: m.kind.as_str(),
            site: m.site.map(Site::as_str),
            value: m.value,
            unit: m.unit.as_str(),
            at: m.measured_at,
            note: m.note.as_deref(),
        },
        hlc,
    )
}

/// Adds a body weight read from an import, as measurement `id`.
pub(crate) fn insert_body_weight(
    conn: &Connection,
    id: &str,
    weight: Weight,
    at: Timestamp,
    hlc: &str,
) -> Result<()> {
    insert_row(
        conn,
        &Row {
            id,
            kind: MeasureKind::BodyWeight.as_str(),
            site: None,
            value: weight.value(),
            unit: weight.unit().symbol(),
            at,
            note: None,
        },
        hlc,
    )
}

/// The columns of a new row.
struct Row<'a> {
    id: &'a str,
    kind: &'a str,
    site: Option<&'a str>,
    value: f64,
    unit: &'a str,
    at: Timestamp,
    note: Option<&'a str>,
}

fn insert_row(conn: &Connection, r: &Row<'_>, hlc: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO measurement (id, kind, site, value, unit, measured_at_ms, offset_min, note, hlc, deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)",
    )?
    .execute((
        r.id,
        r.kind,
        r.site,
        r.value,
        r.unit,
        r.at.utc_ms(),
        r.at.offset_min(),
        r.note,
        hlc,
    ))?;
    Ok(())
}

/// Deletes live measurement `id` (a tombstone, so the deletion syncs).
pub(crate) fn delete(conn: &Connection, id: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE measurement SET deleted = 1, hlc = ?2 WHERE id = ?1 AND deleted = 0",
    )?
    .execute((id, hlc))?;
    Ok(())
}

/// Brings back deleted measurement `id`.
pub(crate) fn restore(conn: &Connection, id: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached("UPDATE measurement SET deleted = 0, hlc = ?2 WHERE id = ?1")?
        .execute((id, hlc))?;
    Ok(())
}

/// Whether a row with id `id` exists, live or deleted.
pub(crate) fn exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM measurement WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Live measurements of `kind` (all kinds with `None`), oldest first.
pub(crate) fn live(conn: &Connection, kind: Option<MeasureKind>) -> Result<Vec<Measurement>> {
    let sql = format!(
        "SELECT {MEASUREMENT_COLUMNS} FROM measurement WHERE deleted = 0 AND (?1 IS NULL OR kind = ?1)
         ORDER BY measured_at_ms, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([kind.map(MeasureKind::as_str)])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        if let Some(m) = rows::measurement(row)? {
            out.push(m);
        }
    }
    Ok(out)
}

/// The live measurement `id`.
pub(crate) fn by_id(conn: &Connection, id: &str) -> Result<Measurement> {
    let not_found = || Error::not_found("measurement", id);
    let sql =
        format!("SELECT {MEASUREMENT_COLUMNS} FROM measurement WHERE id = ?1 AND deleted = 0");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => rows::measurement(row)?.ok_or_else(not_found),
        None => Err(not_found()),
    }
}
