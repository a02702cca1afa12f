//! The `workout` table: every statement that reads or writes a workout row.
//!
//! Rows are decoded by [`rows::workout`] from [`WORKOUT_COLUMNS`]. Which
//! workout a set belongs to, when a workout ends and what counts as a
//! session are decided by the callers; this module only finds and writes
//! rows. A write takes the clock stamp its caller issued.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, OptionalExtension, named_params};

use super::rows::{self, WORKOUT_COLUMNS};
use crate::model::{SetEntry, Timestamp, Workout, utc_ms_covering};
use crate::{Error, Result};

/// The live workout `id`.
pub(crate) fn by_id(conn: &Connection, id: &str) -> Result<Workout> {
    let sql = format!("SELECT {WORKOUT_COLUMNS} FROM workout WHERE id = ?1 AND deleted = 0");
    one(conn, &sql, [id])?.ok_or_else(|| Error::not_found("workout", id))
}

/// Adds an open workout started at `t`.
pub(crate) fn insert(
    conn: &Connection,
    id: &str,
    name: Option<&str>,
    t: Timestamp,
    hlc: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO workout (id, name, started_at_ms, offset_min, hlc, deleted) VALUES (?1, ?2, ?3, ?4, ?5, 0)",
    )?
    .execute((id, name, t.utc_ms(), t.offset_min(), hlc))?;
    Ok(())
}

/// Writes workout `w` (new, or replacing the values of the one with its
/// id), remembering `digest` of the file it came from.
pub(crate) fn write_imported(
    conn: &Connection,
    w: &Workout,
    digest: Option<&[u8]>,
    hlc: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO workout (id, name, started_at_ms, offset_min, finished_at_ms, duration_s, note, hlc,
             import_digest, deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, started_at_ms = excluded.started_at_ms,
             offset_min = excluded.offset_min, finished_at_ms = excluded.finished_at_ms,
             duration_s = excluded.duration_s, note = excluded.note, hlc = excluded.hlc,
             import_digest = excluded.import_digest",
    )?
    .execute(rusqlite::params![
        w.id,
        w.name,
        w.started_at.utc_ms(),
        w.started_at.offset_min(),
        w.finished_at.map(|t| t.utc_ms()),
        w.duration_s,
        w.note,
        hlc,
        digest,
    ])?;
    Ok(())
}

/// Sets the import digest of workout `id`, leaving its values and stamp as they are.
pub(crate) fn remember_digest(conn: &Connection, id: &str, digest: &[u8]) -> Result<()> {
    conn.prepare_cached("UPDATE workout SET import_digest = ?2 WHERE id = ?1")?
        .execute((id, digest))?;
    Ok(())
}

/// Sets a workout's end and length (both `None`: open again).
pub(crate) fn set_end(
    conn: &Connection,
    id: &str,
    finished_at_ms: Option<i64>,
    duration_s: Option<u32>,
    hlc: &str,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE workout SET finished_at_ms = ?2, duration_s = ?3, hlc = ?4 WHERE id = ?1",
    )?
    .execute((id, finished_at_ms, duration_s, hlc))?;
    Ok(())
}

/// Ends a workout at `finished_at_ms`, keeping its length as it is.
pub(crate) fn set_finished(
    conn: &Connection,
    id: &str,
    finished_at_ms: i64,
    hlc: &str,
) -> Result<()> {
    conn.prepare_cached("UPDATE workout SET finished_at_ms = ?2, hlc = ?3 WHERE id = ?1")?
        .execute((id, finished_at_ms, hlc))?;
    Ok(())
}

/// Deletes live workout `id` (a tombstone).
pub(crate) fn delete(conn: &Connection, id: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached("UPDATE workout SET deleted = 1, hlc = ?2 WHERE id = ?1 AND deleted = 0")?
        .execute((id, hlc))?;
    Ok(())
}

/// The run a workout was counted for, if it was.
pub(crate) fn counted_run(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT run_id FROM workout WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

/// Marks a workout as a session of `run` (`None`: of none).
pub(crate) fn set_counted_run(
    conn: &Connection,
    id: &str,
    run: Option<&str>,
    hlc: &str,
) -> Result<()> {
    conn.prepare_cached("UPDATE workout SET run_id = ?2, hlc = ?3 WHERE id = ?1")?
        .execute((id, run, hlc))?;
    Ok(())
}

/// Open workouts that started at or before `utc_ms`.
pub(crate) fn open_started_by(conn: &Connection, utc_ms: i64) -> Result<Vec<Workout>> {
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0 AND finished_at_ms IS NULL AND started_at_ms <= ?1"
    );
    all(conn, &sql, [utc_ms])
}

/// The newest workout that started on local day `date`.
pub(crate) fn newest_on_local_day(conn: &Connection, date: NaiveDate) -> Result<Option<Workout>> {
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0
           AND started_at_ms + offset_min * 60000 >= ?1 AND started_at_ms + offset_min * 60000 < ?1 + 86400000
         ORDER BY started_at_ms DESC LIMIT 1"
    );
    one(conn, &sql, [local_day_start(date)])
}

/// Whether a live workout started on local day `date`.
pub(crate) fn any_on_local_day(conn: &Connection, date: NaiveDate) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM workout WHERE deleted = 0
               AND started_at_ms + offset_min * 60000 >= ?1 AND started_at_ms + offset_min * 60000 < ?1 + 86400000
             LIMIT 1",
        )?
        .query_row([local_day_start(date)], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Up to `limit` workouts that started within the day before `utc_ms`, newest first.
pub(crate) fn started_in_day_before(
    conn: &Connection,
    utc_ms: i64,
    limit: u32,
) -> Result<Vec<Workout>> {
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0 AND started_at_ms <= ?1 AND started_at_ms > ?1 - 86400000
         ORDER BY started_at_ms DESC LIMIT ?2"
    );
    all(conn, &sql, (utc_ms, limit))
}

/// The most recently started open workout.
pub(crate) fn newest_open(conn: &Connection) -> Result<Option<Workout>> {
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0 AND finished_at_ms IS NULL
         ORDER BY started_at_ms DESC LIMIT 1"
    );
    one(conn, &sql, [])
}

/// The most recently started live workout, open or not.
pub(crate) fn newest(conn: &Connection) -> Result<Option<Workout>> {
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0 ORDER BY started_at_ms DESC LIMIT 1"
    );
    one(conn, &sql, [])
}

/// Open workouts whose local start date is `date`, newest first.
pub(crate) fn open_on_local_day(conn: &Connection, date: NaiveDate) -> Result<Vec<Workout>> {
    open_started_on(conn, date, "")
}

/// Open workouts not counted as a session whose local start date is
/// `date`, newest first.
pub(crate) fn uncounted_open_on_local_day(
    conn: &Connection,
    date: NaiveDate,
) -> Result<Vec<Workout>> {
    open_started_on(conn, date, "AND run_id IS NULL")
}

/// Open workouts whose local start date is `date` and that meet `also`
/// (a fixed condition of this module), newest first.
fn open_started_on(conn: &Connection, date: NaiveDate, also: &str) -> Result<Vec<Workout>> {
    // The UTC range holding every instant of the local day, then the day itself.
    let (from, to) = utc_ms_covering(date, date);
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout
         WHERE deleted = 0 AND finished_at_ms IS NULL {also}
           AND started_at_ms >= ?1 AND started_at_ms < ?2
         ORDER BY started_at_ms DESC"
    );
    let list = all(conn, &sql, (from, to))?;
    Ok(list
        .into_iter()
        .filter(|w| w.started_at.local_date() == date)
        .collect())
}

/// Live workouts that started in `from_ms..to_ms` (UTC), by start then id
/// (over the index `workout_started`).
pub(crate) fn starting_between(
    conn: &Connection,
    from_ms: i64,
    to_ms: i64,
) -> Result<Vec<Workout>> {
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout
         WHERE started_at_ms >= ?1 AND started_at_ms < ?2 AND deleted = 0
         ORDER BY started_at_ms, id"
    );
    all(conn, &sql, [from_ms, to_ms])
}

/// Which workouts [`history`] lists.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HistoryRange<'a> {
    /// First local day, when bounded.
    pub since: Option<NaiveDate>,
    /// Last local day, when bounded.
    pub until: Option<NaiveDate>,
    /// Only workouts with a live set of this exercise.
    pub exercise_id: Option<&'a str>,
    /// At most this many.
    pub limit: Option<u32>,
}

/// Live workouts that started on the local days of `range`, newest first.
pub(crate) fn history(conn: &Connection, range: HistoryRange<'_>) -> Result<Vec<Workout>> {
    let since = range.since.map_or(i64::MIN, local_day_start);
    let until = range
        .until
        .and_then(|d| d.succ_opt())
        .map_or(i64::MAX, local_day_start);
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout w
         WHERE deleted = 0
           AND started_at_ms + offset_min * 60000 >= :since
           AND started_at_ms + offset_min * 60000 < :until
           AND (:exercise IS NULL OR EXISTS (SELECT 1 FROM set_entry s
                WHERE s.workout_id = w.id AND s.exercise_id = :exercise AND s.deleted = 0))
         ORDER BY started_at_ms DESC
         LIMIT :limit"
    );
    let limit = range.limit.map_or(-1, i64::from);
    conn.prepare_cached(&sql)?
        .query_and_then(
            named_params! {":since": since, ":until": until, ":exercise": range.exercise_id, ":limit": limit},
            rows::workout,
        )?
        .collect()
}

/// The earliest local day of a live workout (by local time: after travel
/// the first in UTC need not be the first in the calendar).
pub(crate) fn first_local_day(conn: &Connection) -> Result<Option<NaiveDate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT started_at_ms, offset_min FROM workout WHERE deleted = 0 \
         ORDER BY started_at_ms + offset_min * 60000 LIMIT 1",
    )?;
    let mut rows = stmt.query([])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let at = rows::timestamp("workout", "started_at_ms", row.get(0)?, row.get(1)?)?;
    Ok(Some(at.local_date()))
}

/// Hands each live workout with its live sets (by position, then time,
/// then id) to `f`, oldest first, one workout at a time: an export of
/// years holds one workout in memory.
pub(crate) fn each_with_sets(
    conn: &Connection,
    mut f: impl FnMut(&Workout, Vec<SetEntry>) -> Result<()>,
) -> Result<()> {
    let mut workouts = conn.prepare(&format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout w WHERE deleted = 0 ORDER BY started_at_ms, id"
    ))?;
    let mut rows = workouts.query([])?;
    while let Some(row) = rows.next()? {
        let workout = rows::workout(row)?;
        let sets = super::sets::live_sets_in_export_order(conn, &workout.id)?;
        f(&workout, sets)?;
    }
    Ok(())
}

/// The UTC millisecond at which local day `date` starts, as if local were UTC:
/// compared with `started_at_ms + offset_min * 60000`.
fn local_day_start(date: NaiveDate) -> i64 {
    date.and_time(NaiveTime::MIN).and_utc().timestamp_millis()
}

fn one(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Option<Workout>> {
    conn.prepare_cached(sql)?
        .query_and_then(params, rows::workout)?
        .next()
        .transpose()
}

fn all(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Workout>> {
    conn.prepare_cached(sql)?
        .query_and_then(params, rows::workout)?
        .collect()
}
