//! Recovery of a damaged database: every readable row into a sound one.
//!
//! One damaged page does not make the rest of a file unreadable: SQLite
//! fails only the reads that reach that page. Recovery reads each Heft
//! table of the damaged file in rowid order; where a read fails it finds,
//! by probing rowids, the first row past the damage and goes on from there,
//! then looks up one by one the rows an index still names but the scan did
//! not reach. So one bad page loses only the rows on it, and the rows lost
//! are counted from the index (or said to be unknown when no index of the
//! table can be read either).
//!
//! Rows go into a database made the usual way (migrations, catalog), in one
//! transaction, and pass the checks an import applies ([`tables`]: every
//! value of a synced column within its kind, then the row read back the way
//! later reads will). A row that fails is refused and counted, never
//! written half right. A set whose workout or custom exercise is lost is
//! kept, with a stand-in parent ("Recovered workout", "Recovered exercise")
//! whose clock stamp is the smallest there is, so the real row wins as soon
//! as a sync or an import brings it back. The undo history is not carried
//! over: a step could refer to rows that were lost.
//!
//! Two cases ([`recover`]):
//! - the file at the path is damaged (quick_check fails): the rows go into
//!   a new file beside it, which replaces it once complete; the damaged
//!   file is set aside as `<path>.corrupt-<ms>`, never deleted;
//! - the file is sound and an earlier open already set a damaged one aside
//!   (and started an empty database): the newest `<path>.corrupt-<ms>` is
//!   read and its rows are merged into the database at the path. Rows have
//!   stable ids; where both hold a row, the greater clock stamp (`hlc`)
//!   wins, as in a sync merge, and on equal stamps the current row stays.
//!   Merging the same file again changes nothing.
//!
//! Close every store on the database first: a connection left open on a
//! file that is replaced would go on writing into the damaged one.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;

use super::{SET_ASIDE_KEY, check, meta_get, meta_set};
use crate::hlc::Hlc;
use crate::sync::tables::{self, Cell, TABLES, Table};
use crate::{Error, Result};

/// What recovery saved and lost of one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TableSalvage {
    /// The table (`set_entry`, `workout`, `exercise`, ...).
    pub table: String,
    /// Rows read from the damaged file and kept: written, or already in
    /// the database in the same or a newer version (merge).
    pub saved: u64,
    /// Rows on damaged pages, which could not be read: counted from an
    /// index of the table; `None` when no index could be read either, so
    /// the number is unknown.
    pub lost: Option<u64>,
    /// Rows read but refused: a value the database does not accept.
    pub refused: u64,
    /// Stand-in rows made for parents that were lost, so that their sets
    /// are kept (workouts, custom exercises).
    pub placeholders: u64,
}

/// What [`recover`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RecoveryReport {
    /// The database that now holds the saved rows (the path asked for).
    pub database: PathBuf,
    /// Where the damaged file lies now, untouched.
    pub damaged_file: PathBuf,
    /// `true` when the rows were merged into a database that had replaced
    /// the damaged one earlier; `false` when a new database replaced it now.
    pub merged: bool,
    /// What SQLite's quick_check found in the damaged file.
    pub damage: String,
    /// Per synced table, parents first.
    pub tables: Vec<TableSalvage>,
}

impl RecoveryReport {
    /// Rows lost over all tables; `None` when some table's loss is unknown.
    pub fn lost(&self) -> Option<u64> {
        self.tables.iter().map(|t| t.lost).sum()
    }
}

/// Recovers the database at `path` (see the module comment for the two
/// cases). `now_ms` names the file set aside and stamps a new database.
/// Fails, changing nothing, when there is nothing to recover, when the
/// damaged file's schema cannot be read, or when it is of another schema
/// version than this build writes.
pub fn recover(path: &Path, now_ms: i64) -> Result<RecoveryReport> {
    if let Some(damage) = damage_in_place(path)? {
        return replace(path, now_ms, damage);
    }
    match super::newest_set_aside(path) {
        Some(aside) => merge(path, &aside, now_ms),
        None => Err({
            // The file is sound: a mark beside it is out of date.
            check::clear_damage_mark(path);
            Error::Conflict(format!(
                "{} passes SQLite's check and no damaged copy of it was set aside: there is nothing to recover",
                path.display()
            ))
        }),
    }
}

/// What quick_check finds in the file at `path`; `None` when it is sound,
/// empty or absent. A file that is not a Heft database is refused.
fn damage_in_place(path: &Path) -> Result<Option<String>> {
    if std::fs::metadata(path).map_or(true, |m| m.len() == 0) {
        return Ok(None);
    }
    match super::check_identity(path) {
        Ok(()) => {}
        Err(e) if super::is_corruption(&e) => return Ok(Some(e.to_string())),
        Err(e) => return Err(e),
    }
    let conn = super::reader(path)?;
    Ok(check::quick_check(&conn))
}

/// The damaged file, opened for reading only. Its schema must be readable
/// and of this build's version: rows of another version would need the
/// migrations, which cannot run on a damaged file.
fn open_damaged(path: &Path) -> Result<Connection> {
    let unreadable = |e: Error| {
        Error::Conflict(format!(
            "nothing in {} can be read, not even its list of tables ({e})",
            path.display()
        ))
    };
    let conn = super::reader(path).map_err(unreadable)?;
    let version = super::migrations::checked_version(&conn).map_err(|e| match e {
        e @ Error::IncompatibleVersion { .. } => e,
        e => unreadable(e),
    })?;
    if version != super::SCHEMA_VERSION {
        return Err(Error::Conflict(format!(
            "{} has schema version {version}; recovery reads only version {} (this Heft's)",
            path.display(),
            super::SCHEMA_VERSION
        )));
    }
    Ok(conn)
}

/// A new database beside `path` takes the rows, then replaces the damaged
/// file, which is set aside. Until the last rename the damaged file stays
/// where it was; the new one is never in place half written.
fn replace(path: &Path, now_ms: i64, damage: String) -> Result<RecoveryReport> {
    let damaged = open_damaged(path)?;
    let fresh = PathBuf::from(format!("{}.recovering", path.display()));
    // A file of this name is a recovery that stopped half way: ours, and
    // never the only copy of anything (the damaged file stayed in place).
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", fresh.display()));
    }
    // A complete copy left beside a damaged file still in place: made anew.
    let _ = std::fs::remove_file(recovered_name(path));
    let result = (|| {
        let mut conn = Connection::open(&fresh)?;
        super::prepare(&mut conn, now_ms)?;
        // The connection ends with the recovery: no size to set back.
        conn.pragma_update(None, "cache_size", -super::BULK_CACHE_KIB)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let tables = salvage_into(&damaged, &tx, Mode::Replace)?;
        super::derived::refresh(&tx)?;
        tx.commit()?;
        // Closing the only connection checkpoints the log into the file and
        // removes it: the new file must be whole on its own before it moves.
        conn.close().map_err(|(_, e)| Error::from(e))?;
        sync_file(&fresh)?;
        Ok(tables)
    })();
    drop(damaged);
    let tables = match result {
        Ok(t) => t,
        Err(e) => {
            let _ = std::fs::remove_file(&fresh);
            return Err(e);
        }
    };
    // Whole and on storage: only now does it get the name an open may put
    // in place ([`finish_interrupted`]).
    let complete = recovered_name(path);
    let io = |context: String| move |source| Error::Io { context, source };
    std::fs::rename(&fresh, &complete).map_err(io(format!(
        "naming the recovered database {}",
        complete.display()
    )))?;
    sync_dir(path);
    let damaged_file = match super::set_aside(path, now_ms) {
        Ok(aside) => aside,
        Err(e) => {
            // The damaged file stayed where it was; the copy is not needed.
            let _ = std::fs::remove_file(&complete);
            return Err(e);
        }
    };
    std::fs::rename(&complete, path).map_err(|source| Error::Io {
        context: format!(
            "putting the recovered database in place at {}",
            path.display()
        ),
        source,
    })?;
    sync_dir(path);
    Ok(RecoveryReport {
        database: path.to_path_buf(),
        damaged_file,
        merged: false,
        damage,
        tables,
    })
}

/// Merges the rows of a damaged file set aside earlier into the database
/// at `path` (created if absent), in one transaction.
fn merge(path: &Path, aside: &Path, now_ms: i64) -> Result<RecoveryReport> {
    let damaged = open_damaged(aside)?;
    let damage = check::quick_check(&damaged).unwrap_or_else(|| "none found".into());
    let (mut conn, access) = super::open(path, now_ms)?;
    if let super::Access::ReadOnly { reason } = access {
        return Err(Error::ReadOnly { reason });
    }
    // The connection ends with the recovery: no size to set back.
    conn.pragma_update(None, "cache_size", -super::BULK_CACHE_KIB)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let tables = salvage_into(&damaged, &tx, Mode::Merge)?;
    // The notice pointed at this file; its rows are here now.
    tx.execute("DELETE FROM meta WHERE key = ?1", [SET_ASIDE_KEY])?;
    super::derived::refresh(&tx)?;
    tx.commit()?;
    // The file at the path passed quick_check: any mark is out of date.
    check::clear_damage_mark(path);
    Ok(RecoveryReport {
        database: path.to_path_buf(),
        damaged_file: aside.to_path_buf(),
        merged: true,
        damage,
        tables,
    })
}

/// The name a recovered database has between being complete and taking
/// the damaged one's place: `<path>.recovered`. A copy still being made is
/// `<path>.recovering` and is never put in place.
fn recovered_name(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}.recovered", path.display()))
}

/// Finishes a recovery that stopped between setting the damaged file aside
/// and putting the recovered one in its place: the path is empty and the
/// complete copy is `<path>.recovered` (it gets that name only once whole
/// and on storage, before the damaged file moves). Called before a
/// database is opened, so the next command finds the recovered file
/// instead of starting an empty one. A recovery stopped at any other point
/// left the damaged file at the path, and nothing is done.
pub(crate) fn finish_interrupted(path: &Path) {
    let complete = recovered_name(path);
    let has_db = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.len() > 0);
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    if !path.exists()
        && !wal.exists()
        && has_db(&complete)
        && std::fs::rename(&complete, path).is_ok()
    {
        sync_dir(path);
    }
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|source| Error::Io {
            context: format!("flushing {}", path.display()),
            source,
        })
}

/// Flushes the folder of `path`, making renames in it durable; not every
/// platform can open a folder, and the files are whole either way.
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(f) = std::fs::File::open(dir)
    {
        let _ = f.sync_all();
    }
}

/// Whether the rows go into a new database or into one already in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A new database takes the damaged one's place, with a new device id
    /// ([`identity`]).
    Replace,
    /// The current database keeps its identity; the rows join it.
    Merge,
}

/// Copies every readable row of `damaged` into `tx`; the caller commits.
fn salvage_into(
    damaged: &Connection,
    tx: &Transaction<'_>,
    mode: Mode,
) -> Result<Vec<TableSalvage>> {
    let device = meta_get(tx, "device_id")?.ok_or_else(|| Error::BadRow {
        table: "meta",
        column: "device_id",
        reason: "missing".into(),
    })?;
    identity(damaged, tx, mode, &device)?;
    let mut stand_in = StandIns {
        stamp: Hlc {
            wall_ms: 0,
            counter: 0,
            device,
        }
        .to_string(),
        workouts: HashSet::new(),
        exercises: 0,
    };
    let mut report = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        report.push(copy_table(damaged, tx, table, &mut stand_in)?);
    }
    stand_in.finish(tx)?;
    for t in &mut report {
        t.placeholders = match t.table.as_str() {
            "workout" => stand_in.workouts.len() as u64,
            "exercise" => stand_in.exercises,
            _ => 0,
        };
    }
    references_hold(tx)?;
    advance_clock(damaged, tx)?;
    Ok(report)
}

/// Settles which device the database is: always the new or current
/// database's own id. The damaged file's id becomes another device's, "this
/// device before recovery": its rows keep their stamps, and its file in a
/// sync folder (or an export of it) is then merged like any other device's,
/// which brings back the rows the damage lost. Keeping the old id instead
/// would make that file look already merged, or written by a copy of this
/// database. The damaged file's sync bookkeeping (files seen, merged,
/// written, refused) is left behind for the same reason; its other `meta`
/// values come along.
fn identity(damaged: &Connection, tx: &Transaction<'_>, mode: Mode, current: &str) -> Result<()> {
    let devices: Vec<(String, String, i64, Option<String>)> = damaged
        .prepare("SELECT id, name, created_at_ms, last_hlc FROM device")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect()
        })
        .unwrap_or_default();
    let old_id = meta_get(damaged, "device_id").ok().flatten();
    for (id, name, created, last_hlc) in devices {
        if id == current {
            continue;
        }
        let name = if old_id.as_deref() == Some(id.as_str()) {
            "this device before recovery".to_owned()
        } else {
            name
        };
        tx.prepare_cached(
            "INSERT INTO device (id, name, created_at_ms, is_local, last_hlc) VALUES (?1, ?2, ?3, 0, ?4) \
             ON CONFLICT (id) DO UPDATE SET last_hlc = max(coalesce(device.last_hlc, ''), coalesce(excluded.last_hlc, ''))",
        )?
        .execute((&id, &name, created, &last_hlc))?;
    }
    if mode == Mode::Replace {
        let kept: Vec<(String, String)> = damaged
            .prepare("SELECT key, value FROM meta")
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .unwrap_or_default();
        for (key, value) in kept {
            // The new file's own: its id, catalog, checks, notices, clock;
            // and no memory of sync files (see above).
            let own = [
                "device_id",
                "catalog_version",
                SET_ASIDE_KEY,
                check::CHECKED_AT_KEY,
                "hlc",
            ]
            .contains(&key.as_str());
            let bookkeeping = ["seen:", "merged:", "written:", "refused:"]
                .iter()
                .any(|p| key.starts_with(p));
            if !own && !bookkeeping {
                meta_set(tx, &key, &value)?;
            }
        }
    }
    Ok(())
}

/// Stand-in parents made for sets whose parent was lost.
struct StandIns {
    /// Their clock stamp: the smallest possible, so any real version wins.
    stamp: String,
    /// Workouts made, whose times are set from their sets at the end.
    workouts: HashSet<String>,
    /// Exercises made.
    exercises: u64,
}

impl StandIns {
    /// Makes the workout and exercise of a set about to be written, when
    /// they are not in the database.
    fn parents_of(&mut self, tx: &Transaction<'_>, set: &[(&str, Value)]) -> Result<()> {
        let get = |name: &str| set.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
        let text = |name: &str| match get(name) {
            Some(Value::Text(s)) => Some(s.clone()),
            _ => None,
        };
        let int = |name: &str| match get(name) {
            Some(Value::Integer(n)) => Some(*n),
            _ => None,
        };
        let (Some(workout), Some(exercise)) = (text("workout_id"), text("exercise_id")) else {
            return Ok(());
        };
        let exists = |table: &str, id: &str| -> Result<bool> {
            Ok(tx
                .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
                .query_row([id], |_| Ok(()))
                .optional()?
                .is_some())
        };
        if !exists("workout", &workout)? {
            let at = int("performed_at_ms").unwrap_or(0);
            tx.prepare_cached(
                "INSERT INTO workout (id, name, started_at_ms, offset_min, finished_at_ms, hlc, deleted) \
                 VALUES (?1, 'Recovered workout', ?2, ?3, ?2, ?4, 0)",
            )?
            .execute((&workout, at, int("offset_min").unwrap_or(0), &self.stamp))?;
            self.workouts.insert(workout);
        }
        if !exists("exercise", &exercise)? {
            let measure = match (
                text("load_type").as_deref(),
                get("reps").is_some_and(|v| *v != Value::Null),
                get("duration_ms").is_some_and(|v| *v != Value::Null),
                get("distance_milli").is_some_and(|v| *v != Value::Null),
            ) {
                (Some("weight"), _, _, true) => "weight_distance",
                (_, _, _, true) => "distance",
                (_, false, true, _) => "time",
                (Some("bodyweight"), _, _, _) => "bodyweight_reps",
                (Some("none"), _, _, _) => "reps",
                _ => "weight_reps",
            };
            let tail: String = exercise
                .chars()
                .rev()
                .take(8)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            tx.prepare_cached(
                "INSERT INTO exercise (id, name, pattern, equipment, measure, hlc, deleted) \
                 VALUES (?1, ?2, 'isolation', 'other', ?3, ?4, 0)",
            )?
            .execute((
                &exercise,
                format!("Recovered exercise {tail}"),
                measure,
                &self.stamp,
            ))?;
            self.exercises += 1;
        }
        Ok(())
    }

    /// Stretches each stand-in workout over its sets.
    fn finish(&self, tx: &Transaction<'_>) -> Result<()> {
        for id in &self.workouts {
            tx.prepare_cached(
                "UPDATE workout SET \
                   started_at_ms = (SELECT min(performed_at_ms) FROM set_entry WHERE workout_id = ?1), \
                   finished_at_ms = (SELECT max(performed_at_ms) FROM set_entry WHERE workout_id = ?1) \
                 WHERE id = ?1",
            )?
            .execute([id])?;
        }
        Ok(())
    }
}

/// The SQL that reads and writes one table.
struct TableSql {
    /// Every column, in the new database's order.
    columns: Vec<String>,
    /// Rows after a rowid, in rowid order.
    scan: String,
    /// One row by rowid.
    one: String,
    /// The first rowid after a rowid.
    probe: String,
    /// Insert, or replace a row with an older clock stamp.
    upsert: String,
}

impl TableSql {
    fn new(tx: &Transaction<'_>, table: &Table) -> Result<TableSql> {
        let columns: Vec<String> = tx
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{}')",
                table.name
            ))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let list = columns.join(", ");
        let filter = if table.filter.is_empty() {
            String::new()
        } else {
            format!(" AND ({})", table.filter)
        };
        let name = table.name;
        let params: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let sets: Vec<String> = columns
            .iter()
            .filter(|c| c.as_str() != table.key)
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        Ok(TableSql {
            scan: format!(
                "SELECT rowid, {list} FROM {name} WHERE rowid > ?1{filter} ORDER BY rowid"
            ),
            one: format!("SELECT rowid, {list} FROM {name} WHERE rowid = ?1{filter}"),
            probe: format!("SELECT rowid FROM {name} WHERE rowid > ?1 ORDER BY rowid LIMIT 1"),
            upsert: format!(
                "INSERT INTO {name} ({list}) VALUES ({}) ON CONFLICT ({}) DO UPDATE SET {} \
                 WHERE excluded.hlc > {name}.hlc",
                params.join(", "),
                table.key,
                sets.join(", ")
            ),
            columns,
        })
    }
}

/// How a scan of the damaged file ended.
enum ScanEnd {
    /// Past the last row.
    Done,
    /// A read failed after the row with this rowid (or before any row).
    Failed(i64),
}

/// Copies one table: a scan that steps over damaged pages, then a lookup
/// of each row an index names that the scan did not reach.
fn copy_table(
    damaged: &Connection,
    tx: &Transaction<'_>,
    table: &Table,
    stand_in: &mut StandIns,
) -> Result<TableSalvage> {
    let sql = TableSql::new(tx, table)?;
    let mut out = TableSalvage {
        table: table.name.to_owned(),
        saved: 0,
        lost: Some(0),
        refused: 0,
        placeholders: 0,
    };
    let mut reached = HashSet::new();
    let mut after = i64::MIN;
    let mut whole = true;
    loop {
        let mut write = |rowid: i64, values: Vec<Value>| -> Result<()> {
            reached.insert(rowid);
            count(&mut out, write_row(tx, table, &sql, values, stand_in)?);
            Ok(())
        };
        match scan(damaged, &sql, after, &mut write)? {
            ScanEnd::Done => break,
            ScanEnd::Failed(last) => {
                whole = false;
                match next_readable(damaged, &sql.probe, last) {
                    Some(next) => after = next,
                    None => break,
                }
            }
        }
    }
    if whole {
        return Ok(out);
    }
    let Some(named) = rowids_from_an_index(damaged, table.name) else {
        out.lost = None;
        return Ok(out);
    };
    let mut lost = 0;
    for rowid in named.into_iter().filter(|r| !reached.contains(r)) {
        match read_one(damaged, &sql, rowid) {
            Ok(Some(values)) => count(&mut out, write_row(tx, table, &sql, values, stand_in)?),
            // Not a row that travels (a built-in exercise), or a stale index entry.
            Ok(None) => {}
            Err(_) => lost += 1,
        }
    }
    out.lost = Some(lost);
    Ok(out)
}

fn count(out: &mut TableSalvage, saved: bool) {
    if saved {
        out.saved += 1;
    } else {
        out.refused += 1;
    }
}

/// Reads rows after `after` in rowid order into `write` until the end or
/// the first read that fails. Errors of `write` (the new database) stop
/// the recovery; errors of the damaged file only end the scan.
fn scan(
    damaged: &Connection,
    sql: &TableSql,
    after: i64,
    write: &mut dyn FnMut(i64, Vec<Value>) -> Result<()>,
) -> Result<ScanEnd> {
    let Ok(mut stmt) = damaged.prepare_cached(&sql.scan) else {
        return Ok(ScanEnd::Failed(after));
    };
    let Ok(mut rows) = stmt.query([after]) else {
        return Ok(ScanEnd::Failed(after));
    };
    let mut last = after;
    loop {
        let row = match rows.next() {
            Ok(Some(row)) => row,
            Ok(None) => return Ok(ScanEnd::Done),
            Err(_) => return Ok(ScanEnd::Failed(last)),
        };
        let Ok((rowid, values)) = row_values(row, sql.columns.len()) else {
            return Ok(ScanEnd::Failed(last));
        };
        last = rowid;
        write(rowid, values)?;
    }
}

fn row_values(row: &rusqlite::Row<'_>, columns: usize) -> rusqlite::Result<(i64, Vec<Value>)> {
    let rowid = row.get(0)?;
    let values = (1..=columns)
        .map(|i| row.get::<_, Value>(i))
        .collect::<rusqlite::Result<_>>()?;
    Ok((rowid, values))
}

fn read_one(
    damaged: &Connection,
    sql: &TableSql,
    rowid: i64,
) -> rusqlite::Result<Option<Vec<Value>>> {
    damaged
        .prepare_cached(&sql.one)?
        .query_row([rowid], |r| row_values(r, sql.columns.len()))
        .optional()
        .map(|found| found.map(|(_, v)| v))
}

/// The rowid to go on after, when reading past `last` failed: the end of
/// the damaged stretch, found by probing where a seek past a rowid works
/// again (a seek fails exactly when it lands on the damaged page, so
/// doubling steps then halving finds the first rowid beyond it in a few
/// dozen probes). `None` when nothing past `last` can be read. Rows the
/// probes step over are looked up one by one afterwards.
fn next_readable(damaged: &Connection, probe_sql: &str, last: i64) -> Option<i64> {
    // Ok(None): no row after; Ok(Some): the next rowid; Err: the seek failed.
    let probe = |after: i64| -> std::result::Result<Option<i64>, ()> {
        damaged
            .prepare_cached(probe_sql)
            .and_then(|mut s| s.query_row([after], |r| r.get(0)).optional())
            .map_err(|_| ())
    };
    // The next row's place reads but its content does not (a damaged
    // overflow page): step over that one row.
    if let Ok(next) = probe(last) {
        return next;
    }
    let (mut bad, mut good) = (i128::from(last), None);
    let mut step: i128 = 1;
    while good.is_none() {
        let at = (bad + step).min(i128::from(i64::MAX));
        match probe(at as i64) {
            Ok(_) => good = Some(at),
            Err(()) if at == i128::from(i64::MAX) => return None,
            Err(()) => {
                bad = at;
                step *= 2;
            }
        }
    }
    let mut good = good?;
    while good - bad > 1 {
        let mid = bad + (good - bad) / 2;
        if probe(mid as i64).is_ok() {
            good = mid;
        } else {
            bad = mid;
        }
    }
    Some(good as i64)
}

/// Every rowid of `table` as one of its full indexes holds them (an index
/// is a b-tree of its own, usually whole when a table page is damaged);
/// `None` when no index can be read to the end.
fn rowids_from_an_index(damaged: &Connection, table: &str) -> Option<Vec<i64>> {
    let indexes: Vec<String> = damaged
        .prepare("SELECT name FROM pragma_index_list(?1) WHERE partial = 0")
        .and_then(|mut s| s.query_map([table], |r| r.get(0))?.collect())
        .ok()?;
    indexes.iter().find_map(|index| {
        damaged
            .prepare(&format!("SELECT rowid FROM {table} INDEXED BY \"{index}\""))
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .ok()
    })
}

/// Checks and writes one row; `false` when it is refused. Each row is
/// written under its own savepoint so a refused one leaves no trace.
fn write_row(
    tx: &Transaction<'_>,
    table: &Table,
    sql: &TableSql,
    values: Vec<Value>,
    stand_in: &mut StandIns,
) -> Result<bool> {
    let row: Vec<(&str, Value)> = sql.columns.iter().map(String::as_str).zip(values).collect();
    let Some(key) = acceptable(table, &row) else {
        return Ok(false);
    };
    tx.execute_batch("SAVEPOINT salvage_row")?;
    let written = (|| -> Result<bool> {
        if table.name == "set_entry" {
            stand_in.parents_of(tx, &row)?;
        }
        let params = rusqlite::params_from_iter(row.iter().map(|(_, v)| v));
        match tx.prepare_cached(&sql.upsert)?.execute(params) {
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::ConstraintViolation | ErrorCode::TypeMismatch)
                ) =>
            {
                return Ok(false);
            }
            Err(e) => return Err(e.into()),
        }
        Ok(crate::store::rows::check_merged_row(tx, table.name, &key).is_ok())
    })();
    match written {
        Ok(true) => tx.execute_batch("RELEASE salvage_row")?,
        _ => tx.execute_batch("ROLLBACK TO salvage_row; RELEASE salvage_row")?,
    }
    written
}

/// The row's key when each value is one an import would accept (a damaged
/// file is as untrusted as a received one).
fn acceptable(table: &Table, row: &[(&str, Value)]) -> Option<String> {
    let get = |name: &str| row.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
    let key = match get(table.key)? {
        Value::Text(k) if !k.is_empty() && k.len() <= table.key_max => k.clone(),
        _ => return None,
    };
    match get("hlc")? {
        Value::Text(h) if h.parse::<Hlc>().is_ok() => {}
        _ => return None,
    }
    for column in table.columns {
        let cell = match get(column.name)? {
            Value::Null => Cell::Null,
            Value::Integer(n) => Cell::Int(*n),
            Value::Real(x) => Cell::Real(*x),
            Value::Text(s) => Cell::Text(Cow::Borrowed(s.as_str())),
            Value::Blob(_) => Cell::Other,
        };
        tables::check_value(column, &cell).ok()?;
    }
    Some(key)
}

/// Fails (so the whole recovery rolls back) when a written row points at a
/// row that is not there; stand-ins make this a defect, not damage.
fn references_hold(tx: &Transaction<'_>) -> Result<()> {
    let broken: Option<String> = tx
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .optional()?;
    match broken {
        None => Ok(()),
        Some(table) => Err(Error::BadRow {
            table: "set_entry",
            column: "workout_id",
            reason: format!("a recovered row of {table} points at a missing row"),
        }),
    }
}

/// Moves the clock past every stamp now in the database, so the next
/// write is newer than any recovered row.
fn advance_clock(damaged: &Connection, tx: &Transaction<'_>) -> Result<()> {
    let mut newest: Option<Hlc> = meta_get(tx, "hlc")?.and_then(|s| s.parse().ok());
    let mut consider = |text: Option<String>| {
        if let Some(h) = text.and_then(|s| s.parse::<Hlc>().ok().map(|h| h.as_observed()))
            && newest.as_ref().is_none_or(|n| h > *n)
        {
            newest = Some(h);
        }
    };
    consider(meta_get(damaged, "hlc").ok().flatten());
    for table in TABLES {
        let sql = format!("SELECT max(hlc) FROM {}", table.name);
        consider(tx.query_row(&sql, [], |r| r.get(0))?);
    }
    if let Some(h) = newest {
        meta_set(tx, "hlc", &h.to_string())?;
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use chrono::{DateTime, TimeDelta};

    use super::*;
    use crate::clock::FixedClock;
    use crate::heft::test_support::NOW;
    use crate::model::{Load, SetInput, Weight, WeightUnit};
    use crate::{Heft, HistoryQuery, LogTime};

    /// A Heft on the file `path` whose clock reads [`NOW`] plus `days`.
    pub(crate) fn heft_on(path: &Path, days: i64) -> Heft {
        let t = DateTime::parse_from_rfc3339(NOW).unwrap() + TimeDelta::days(days);
        Heft::open_with_clock(path, Arc::new(FixedClock(t))).unwrap()
    }

    /// Logs `workouts` workouts of `per_workout` squat sets, one a day back
    /// from [`NOW`].
    pub(crate) fn log_history(heft: &Heft, workouts: i64, per_workout: u32) {
        let squat = heft.find_exercise("back squat").unwrap();
        for day in 0..workouts {
            let inputs: Vec<SetInput> = (0..per_workout)
                .map(|i| SetInput {
                    load: Load::Weight {
                        weight: Weight::new(60.0 + f64::from(i % 40), WeightUnit::Kg).unwrap(),
                    },
                    reps: Some(5),
                    ..SetInput::new(squat.id.clone())
                })
                .collect();
            let at = heft.now() - TimeDelta::days(workouts - day);
            heft.log_sets(&inputs, LogTime::At(at)).unwrap();
        }
    }

    pub(crate) fn live_sets(heft: &Heft) -> usize {
        heft.history(&HistoryQuery::default())
            .unwrap()
            .iter()
            .map(|w| w.sets.len())
            .sum()
    }

    /// A file of 300 sets over 20 workouts with one damaged `set_entry`
    /// page, in a folder of its own (kept alive by the first value).
    fn damaged_history() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        let heft = heft_on(&path, 0);
        log_history(&heft, 20, 15);
        drop(heft);
        damage_a_leaf_of(&path, "set_entry");
        (dir, path)
    }

    fn squat_100x5() -> SetInput {
        SetInput {
            reps: Some(5),
            load: Load::Weight {
                weight: Weight::new(100.0, WeightUnit::Kg).unwrap(),
            },
            ..SetInput::new("back-squat")
        }
    }

    /// [`crate::testing::damage_a_leaf_of`], for these tests.
    pub(crate) fn damage_a_leaf_of(path: &Path, table: &str) -> usize {
        crate::testing::damage_a_leaf_of(path, table).unwrap()
    }

    #[test]
    fn one_damaged_page_loses_only_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        let heft = heft_on(&path, 0);
        log_history(&heft, 40, 15);
        let device = heft.device_id().unwrap();
        drop(heft);
        let on_page = damage_a_leaf_of(&path, "set_entry");
        assert!(on_page > 0);
        let damaged_bytes = std::fs::read(&path).unwrap();

        let report = recover(&path, 7).unwrap();
        assert!(!report.merged);
        assert!(report.damage.contains("set_entry") || !report.damage.is_empty());
        let sets = report
            .tables
            .iter()
            .find(|t| t.table == "set_entry")
            .unwrap();
        assert_eq!(sets.lost, Some(on_page as u64), "{report:?}");
        assert_eq!(sets.saved, 600 - on_page as u64);
        assert_eq!(sets.refused, 0);
        assert_eq!(report.lost(), Some(on_page as u64));
        assert!(report.damaged_file.ends_with("heft.db.corrupt-7"));
        assert!(std::fs::read(&report.damaged_file).unwrap() == damaged_bytes);
        assert!(!dir.path().join("heft.db.recovering").exists());

        let heft = heft_on(&path, 0);
        heft.integrity_check().unwrap();
        // A new id: the old one's file in a sync folder brings back what
        // was lost, as another device's.
        assert_ne!(heft.device_id().unwrap(), device);
        let status = heft.sync_status().unwrap();
        assert!(status.devices.iter().any(|d| d.id == device), "{status:?}");
        assert_eq!(live_sets(&heft), 600 - on_page);
        assert_eq!(heft.damage_found(), None);
        // Writes work, stamped after every recovered row.
        log_history(&heft, 1, 1);
        assert_eq!(live_sets(&heft), 601 - on_page);
    }

    #[test]
    fn a_file_set_aside_earlier_is_merged_once_without_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        let heft = heft_on(&path, 0);
        log_history(&heft, 10, 5);
        drop(heft);
        let on_page = damage_a_leaf_of(&path, "set_entry");
        // What an open does when it meets the damage: sets the file aside.
        let aside = crate::store::set_aside(&path, 5).unwrap();
        let aside_bytes = std::fs::read(&aside).unwrap();
        let heft = heft_on(&path, 1);
        assert_eq!(heft.take_set_aside_notice().unwrap(), Some(aside.clone()));
        log_history(&heft, 1, 2);
        drop(heft);

        let report = recover(&path, 9).unwrap();
        assert!(report.merged);
        assert_eq!(report.damaged_file, aside);
        assert!(std::fs::read(&aside).unwrap() == aside_bytes);
        let sets = report
            .tables
            .iter()
            .find(|t| t.table == "set_entry")
            .unwrap();
        assert_eq!(sets.lost, Some(on_page as u64));
        assert_eq!(sets.saved, 50 - on_page as u64);
        let heft = heft_on(&path, 1);
        assert_eq!(live_sets(&heft), 52 - on_page);
        drop(heft);
        // Again: the same rows, nothing doubled.
        let again = recover(&path, 10).unwrap();
        assert_eq!(again.tables, report.tables);
        let heft = heft_on(&path, 1);
        assert_eq!(live_sets(&heft), 52 - on_page);
        heft.integrity_check().unwrap();
    }

    #[test]
    fn sets_whose_workout_was_lost_are_kept_with_a_stand_in() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        let heft = heft_on(&path, 0);
        log_history(&heft, 300, 1);
        drop(heft);
        let on_page = damage_a_leaf_of(&path, "workout");
        let report = recover(&path, 3).unwrap();
        let workouts = report.tables.iter().find(|t| t.table == "workout").unwrap();
        assert_eq!(workouts.lost, Some(on_page as u64));
        assert_eq!(workouts.placeholders, on_page as u64);
        let sets = report
            .tables
            .iter()
            .find(|t| t.table == "set_entry")
            .unwrap();
        assert_eq!((sets.saved, sets.lost), (300, Some(0)));
        let heft = heft_on(&path, 0);
        heft.integrity_check().unwrap();
        assert_eq!(live_sets(&heft), 300);
        let recovered = heft
            .history(&HistoryQuery::default())
            .unwrap()
            .into_iter()
            .filter(|w| w.workout.name.as_deref() == Some("Recovered workout"))
            .count();
        assert_eq!(recovered, on_page);
    }

    #[test]
    fn a_sound_database_has_nothing_to_recover() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        drop(heft_on(&path, 0));
        let before = std::fs::read(&path).unwrap();
        assert!(matches!(recover(&path, 1), Err(Error::Conflict(_))));
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn damage_found_at_open_refuses_writes_and_exports_but_not_reads() {
        let (_dir, path) = damaged_history();
        // Opened a day later: the weekly check is not due, nothing is seen.
        let heft = heft_on(&path, 1);
        assert_eq!(heft.damage_found(), None);
        drop(heft);
        // A week later it is, and it finds the damage.
        let heft = heft_on(&path, 8);
        assert!(heft.damage_found().is_some());
        let squat = squat_100x5();
        let e = heft.log_set(squat, LogTime::Now);
        assert!(matches!(e, Err(Error::Damaged { .. })), "{e:?}");
        heft.profile().expect("reads still work");
        let mut out = Vec::new();
        assert!(matches!(
            heft.export_to(&mut out, None),
            Err(Error::Damaged { .. })
        ));
        assert!(out.is_empty());
        drop(heft);
        // The next process knows too, though its weekly check is not due.
        let heft = heft_on(&path, 9);
        assert!(heft.damage_found().is_some());
        drop(heft);
        // Recovery replaces the file, and with it the mark.
        recover(&path, 10).unwrap();
        let heft = heft_on(&path, 10);
        assert_eq!(heft.damage_found(), None);
        log_history(&heft, 1, 1);
    }

    #[test]
    fn a_recovery_stopped_before_its_last_rename_is_finished_by_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        let heft = heft_on(&path, 0);
        log_history(&heft, 3, 5);
        drop(heft);
        // As a recovery leaves it when stopped between its two renames.
        let complete = dir.path().join("heft.db.recovered");
        std::fs::rename(&path, &complete).unwrap();
        let heft = heft_on(&path, 1);
        assert_eq!(live_sets(&heft), 15);
        assert!(!complete.exists());
        drop(heft);
        // A copy still being made is never put in place, whatever happens
        // to the path (the database deleted on purpose).
        let partial = dir.path().join("heft.db.recovering");
        std::fs::copy(&path, &partial).unwrap();
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let heft = heft_on(&path, 2);
        assert_eq!(live_sets(&heft), 0, "a new, empty database");
    }

    #[test]
    fn a_mark_beside_a_sound_file_is_checked_again_and_cleared() {
        // A damaged database replaced by a sound one by hand (a backup put
        // back): the mark left beside it must not refuse writes for good.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        let heft = heft_on(&path, 0);
        log_history(&heft, 2, 5);
        drop(heft);
        check::mark_damaged(&path, "found earlier");
        let heft = heft_on(&path, 1);
        assert_eq!(heft.damage_found(), None);
        assert!(!check::damage_mark(&path).exists());
        heft.log_set(squat_100x5(), LogTime::Now).unwrap();
    }

    #[test]
    fn a_read_that_meets_damage_reports_it_and_later_writes_are_refused() {
        let (_dir, path) = damaged_history();
        // A day later: no check is due, so only reading finds the damage.
        let heft = heft_on(&path, 1);
        assert_eq!(heft.damage_found(), None);
        let e = heft.history(&HistoryQuery::default());
        assert!(matches!(e, Err(Error::Damaged { .. })), "{e:?}");
        assert!(heft.damage_found().is_some());
        drop(heft);
        let heft = heft_on(&path, 2);
        let squat = squat_100x5();
        let e = heft.log_set(squat, LogTime::Now);
        assert!(matches!(e, Err(Error::Damaged { .. })), "{e:?}");
    }

    #[test]
    fn an_export_checks_first_and_a_log_left_behind_checks_at_open() {
        let (_dir, path) = damaged_history();
        let heft = heft_on(&path, 1);
        assert_eq!(heft.damage_found(), None, "not due yet");
        let mut out = Vec::new();
        let e = heft.export_csv(&mut out, crate::CsvLayout::Heft, None);
        assert!(matches!(e, Err(Error::Damaged { .. })), "{e:?}");
        drop(heft);
        // A log with content left by a session that did not close.
        std::fs::write(format!("{}-wal", path.display()), [0u8; 64]).unwrap();
        let heft = heft_on(&path, 1);
        assert!(heft.damage_found().is_some());
    }
}
