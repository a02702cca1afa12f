//! The `program` and `program_run` tables: imported programs (their TOML
//! source) and runs (the engine's [`RunState`] as JSON).
//!
//! Built-in programs are embedded and never stored; which program an id
//! means, and what a run does, is decided by the callers.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::progression::{ProgramRun, RunState};
use crate::{Error, Result};

/// The stored source of live program `id`.
pub(crate) fn source(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT source FROM program WHERE id = ?1 AND deleted = 0")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Every live stored program's id and source, by id.
pub(crate) fn sources(conn: &Connection) -> Result<Vec<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, source FROM program WHERE deleted = 0 ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The ids of the live stored programs.
pub(crate) fn ids(conn: &Connection) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM program WHERE deleted = 0 ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Stores program `id` with `source` (new, replacing, or bringing back a
/// deleted one).
pub(crate) fn put(conn: &Connection, id: &str, source: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO program (id, source, hlc, deleted) VALUES (?1, ?2, ?3, 0)
         ON CONFLICT (id) DO UPDATE SET source = excluded.source, hlc = excluded.hlc, deleted = 0",
    )?
    .execute((id, source, hlc))?;
    Ok(())
}

/// Deletes program `id` (a tombstone).
pub(crate) fn delete(conn: &Connection, id: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached("UPDATE program SET deleted = 1, hlc = ?2 WHERE id = ?1")?
        .execute((id, hlc))?;
    Ok(())
}

/// The run in progress: the newest live run with no end.
pub(crate) fn active_run(conn: &Connection) -> Result<Option<ProgramRun>> {
    let row: Option<(String, String, String, String)> = conn
        .prepare_cached(
            "SELECT id, program_id, started_on, state FROM program_run
             WHERE deleted = 0 AND ended_on IS NULL ORDER BY started_on DESC, id DESC LIMIT 1",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((id, program_id, started_on, state)) = row else {
        return Ok(None);
    };
    Ok(Some(ProgramRun {
        id,
        program_id,
        started_on: started_on
            .parse()
            .map_err(|e: chrono::ParseError| bad("started_on", e.to_string()))?,
        state: serde_json::from_str(&state).map_err(|e| bad("state", e.to_string()))?,
    }))
}

/// Adds run `run`.
pub(crate) fn insert_run(conn: &Connection, run: &ProgramRun, hlc: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO program_run (id, program_id, started_on, state, hlc) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute((
        &run.id,
        &run.program_id,
        run.started_on.to_string(),
        state_json(&run.state)?,
        hlc,
    ))?;
    Ok(())
}

/// Stores where run `id` is now.
pub(crate) fn set_state(conn: &Connection, id: &str, state: &RunState, hlc: &str) -> Result<()> {
    set_state_json(conn, id, &state_json(state)?, hlc)
}

/// Puts back a run's state as [`state_json`] wrote it (undo).
pub(crate) fn set_state_json(conn: &Connection, id: &str, json: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached("UPDATE program_run SET state = ?2, hlc = ?3 WHERE id = ?1")?
        .execute((id, json, hlc))?;
    Ok(())
}

/// Ends run `id` on `ended_on`, or makes it the active one again with `None`.
pub(crate) fn set_run_end(
    conn: &Connection,
    id: &str,
    ended_on: Option<NaiveDate>,
    hlc: &str,
) -> Result<()> {
    conn.prepare_cached("UPDATE program_run SET ended_on = ?2, hlc = ?3 WHERE id = ?1")?
        .execute((id, ended_on.map(|d| d.to_string()), hlc))?;
    Ok(())
}

/// Deletes run `id` (a tombstone).
pub(crate) fn delete_run(conn: &Connection, id: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached("UPDATE program_run SET deleted = 1, hlc = ?2 WHERE id = ?1")?
        .execute((id, hlc))?;
    Ok(())
}

/// A run's state as stored.
pub(crate) fn state_json(state: &RunState) -> Result<String> {
    serde_json::to_string(state).map_err(|e| bad("state", e.to_string()))
}

fn bad(column: &'static str, reason: String) -> Error {
    Error::BadRow {
        table: "program_run",
        column,
        reason,
    }
}
