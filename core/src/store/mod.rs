//! The SQLite database: opening, pragmas, migrations and damaged files.
//!
//! Opening follows one order every time: set the pragmas, then in one
//! IMMEDIATE transaction bring the schema up to date step by step, seed the
//! built-in catalog if it changed, and make sure this device has an id. A
//! database from a newer Heft is refused untouched. A damaged file is moved
//! aside, never deleted: it may be someone's only copy of years of training.

pub mod check;
pub(crate) mod derived;
pub(crate) mod devices;
pub(crate) mod exercises;
pub(crate) mod history_page;
pub(crate) mod import_steps;
pub(crate) mod measurements;
mod migrations;
pub(crate) mod profile;
pub(crate) mod programs;
pub(crate) mod rows;
pub mod salvage;
pub(crate) mod sets;
mod sql_home;
pub(crate) mod stamp;
pub(crate) mod undo_journal;
pub(crate) mod waiting;
pub(crate) mod workouts;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::catalog;
use crate::{Error, Result};

pub use migrations::SCHEMA_VERSION;

/// Applies the connection settings every Heft connection uses.
///
/// Each pragma with its reason:
/// - `journal_mode=WAL`: a commit appends to the log instead of rewriting
///   pages, so a crash mid-write cannot damage committed data, and readers
///   never block the writer.
/// - `synchronous=FULL`: the log is flushed to storage at every commit, so a
///   set the app has acknowledged survives a power cut or an OS crash, not
///   only an app crash (NORMAL would risk the last commits). Logging is at
///   human pace, so the flush costs nothing a person notices.
/// - `foreign_keys=ON`: SQLite leaves them off by default.
/// - a busy handler ([`waiting`]): the CLI and an app may touch the file at
///   once; a write waits for the other writer, minutes if need be, instead
///   of failing.
/// - `temp_store=MEMORY`: Android has no writable temp directory for SQLite.
/// - query planner stability (QPSG): without it SQLite re-plans statements
///   whose plan could depend on bound values at every use, which made the
///   cached statements of each `log_set` compile again (see docs/PERFORMANCE.md).
pub fn configure(conn: &mut Connection) -> Result<()> {
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_handler(Some(waiting::wait_for_writer))?;
    conn.pragma_update(None, "temp_store", 2)?;
    Ok(())
}

/// A second connection to the database at `path` for reading only, beside
/// the one that writes: reads on it see the last commit (WAL) and never wait
/// for a write in progress, in this process or another.
pub(crate) fn open_reads(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure_reader(&conn)?;
    readable(&conn)?;
    Ok(conn)
}

/// The settings of a connection that only reads, for the reasons
/// [`configure`] gives; it waits 5 s at most, since a reader meets a lock
/// only while a WAL is being recovered or reset.
fn configure_reader(conn: &Connection) -> Result<()> {
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "busy_timeout", 5000)?;
    conn.pragma_update(None, "temp_store", 2)?;
    Ok(())
}

/// SQLite's page cache in KiB while one transaction writes or reads a whole
/// file's rows (a CSV import, a sync merge). The default, 2,000 KiB, is
/// smaller than the B-trees such a transaction touches, so SQLite would
/// spill dirty pages to the WAL and read pages back within the
/// transaction. The cache grows to this only as pages are used.
pub const BULK_CACHE_KIB: i64 = 16 * 1024;

/// Runs `f` with the page cache at [`BULK_CACHE_KIB`], then sets the size
/// it had back, also when `f` fails.
pub(crate) fn with_bulk_cache<T>(conn: &Connection, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let before: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
    let out = f();
    conn.pragma_update(None, "cache_size", before)?;
    out
}

/// How a database was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Reads and writes.
    ReadWrite,
    /// Reads only: the file can be read but not written (a read-only
    /// folder or file, a full disk). Why, in words for the person.
    ReadOnly {
        /// What stops writing.
        reason: String,
    },
}

/// Opens (creating if needed) and upgrades the database at `path`.
///
/// `now_ms` stamps the seeding of a new database. A damaged file is moved
/// to `<path>.corrupt-<now_ms>` and [`Error::Corrupt`] is returned; the next
/// open creates a fresh database. An existing, current database that cannot
/// be written (a read-only folder or file, a full disk) is opened for
/// reading only, with the reason ([`Access::ReadOnly`]): history, stats
/// and exports must work whenever the file can be read.
pub fn open(path: &Path, now_ms: i64) -> Result<(Connection, Access)> {
    match open_for_writing(path, now_ms) {
        Ok(conn) => Ok((conn, Access::ReadWrite)),
        Err(e) => match cannot_write(&e) {
            Some(reason) if path.metadata().is_ok_and(|m| m.len() > 0) => {
                let conn = open_read_only(path).map_err(|_| e)?;
                Ok((conn, Access::ReadOnly { reason }))
            }
            _ => Err(e),
        },
    }
}

/// What stops writing, when `e` says the file or its folder cannot be
/// written (as opposed to a damaged or foreign file).
fn cannot_write(e: &Error) -> Option<String> {
    use rusqlite::ErrorCode as C;
    let code = match e {
        Error::Sqlite(s) => s.sqlite_error_code(),
        Error::Io { source, .. } => {
            return matches!(
                source.kind(),
                std::io::ErrorKind::PermissionDenied
                    | std::io::ErrorKind::ReadOnlyFilesystem
                    | std::io::ErrorKind::StorageFull
            )
            .then(|| source.to_string());
        }
        _ => None,
    }?;
    match code {
        C::ReadOnly | C::PermissionDenied | C::CannotOpen => {
            Some("the database file or its folder is read-only".into())
        }
        C::DiskFull => Some("the disk is full".into()),
        C::SystemIoFailure => Some("the disk refused a write (full or failing)".into()),
        _ => None,
    }
}

/// Opens an existing, current Heft database for reading only, without
/// creating or changing anything beside it: no WAL conversion, no
/// migration.
fn open_read_only(path: &Path) -> Result<Connection> {
    check_identity(path)?;
    let conn = reader(path)?;
    if migrations::checked_version(&conn)? != SCHEMA_VERSION {
        return Err(Error::Conflict(
            "the database must be upgraded by this Heft, which needs it to be writable".into(),
        ));
    }
    configure_reader(&conn)?;
    Ok(conn)
}

/// A read-only connection to an existing file. A WAL database whose folder
/// cannot take the `-shm` file SQLite needs cannot be opened the plain way;
/// then the main file is read as it is (`immutable`), which holds every
/// commit checkpointed into it (Heft checkpoints when it closes).
fn reader(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let plain = Connection::open_with_flags(path, flags)?;
    match readable(&plain) {
        // Damage is for the caller to meet as it always does (set aside).
        Err(e) if !is_corruption(&e) => drop(plain),
        _ => return Ok(plain),
    }
    let uri = format!("file:{}?immutable=1", uri_path(path));
    let conn = Connection::open_with_flags(uri, flags)?;
    readable(&conn)?;
    Ok(conn)
}

/// Reads one page of the schema: fails when SQLite cannot use the file.
fn readable(conn: &Connection) -> Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(())
}

/// `path` for an SQLite URI: `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    path.to_string_lossy()
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23")
}

fn open_for_writing(path: &Path, now_ms: i64) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            context: format!("creating {}", dir.display()),
            source,
        })?;
    }
    salvage::finish_interrupted(path);
    check_identity(path)?;
    // A new database beside a damaged one that was set aside: the person
    // must hear of it, or their history would seem simply gone.
    let fresh = std::fs::metadata(path).map_or(true, |m| m.len() == 0);
    let set_aside = if fresh { newest_set_aside(path) } else { None };
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let result = Connection::open_with_flags(path, flags)
        .map_err(Error::from)
        .and_then(|mut conn| prepare(&mut conn, now_ms).map(|()| conn));
    match result {
        Err(e) if is_corruption(&e) => Err(move_aside(path, now_ms)?),
        Ok(conn) => {
            if let Some(aside) = set_aside {
                meta_set(&conn, SET_ASIDE_KEY, &aside.to_string_lossy())?;
            }
            Ok(conn)
        }
        other => other,
    }
}

/// The `meta` key holding the damaged database this one replaced, until the
/// person has been told ([`crate::Heft::take_set_aside_notice`]).
pub(crate) const SET_ASIDE_KEY: &str = "set_aside_damaged";

/// The newest `<name>.corrupt-<ms>` beside `path`, if any.
fn newest_set_aside(path: &Path) -> Option<PathBuf> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let prefix = format!("{}.corrupt-", path.file_name()?.to_string_lossy());
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let ms: i64 = name.strip_prefix(&prefix)?.parse().ok()?;
            Some((ms, e.path()))
        })
        .max_by_key(|(ms, _)| *ms)
        .map(|(_, p)| p)
}

/// Opens a private in-memory database (tests, previews).
pub fn open_in_memory(now_ms: i64) -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    prepare(&mut conn, now_ms)?;
    Ok(conn)
}

/// `PRAGMA application_id` of every Heft database: "Heft" in ASCII, so a
/// Heft file can be told from any other SQLite file.
pub const APPLICATION_ID: i32 = 0x4865_6674;

/// Refuses, untouched, an existing file that is not a Heft database: not
/// SQLite at all (a CSV or an export named by mistake), or another app's
/// SQLite file (another application id, or tables but no Heft schema).
/// Opening such a file would have converted it to WAL and added Heft's
/// tables, or moved it aside as "damaged". An empty or new file, and a Heft
/// database of a build before the application id, pass.
fn check_identity(path: &Path) -> Result<()> {
    let not_heft = |reason: &str| Error::NotHeftDatabase {
        path: path.to_path_buf(),
        reason: reason.into(),
    };
    let mut head = [0u8; 16];
    let n = match std::fs::File::open(path) {
        Ok(mut f) => std::io::Read::read(&mut f, &mut head).unwrap_or(0),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(Error::Io {
                context: format!("opening {}", path.display()),
                source,
            });
        }
    };
    if n == 0 {
        return Ok(());
    }
    if &head[..n] != b"SQLite format 3\0" {
        return Err(not_heft("not an SQLite file"));
    }
    let conn = reader(path)?;
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app == APPLICATION_ID {
        return Ok(());
    }
    if app != 0 {
        return Err(not_heft("an SQLite file of another application"));
    }
    // Before the application id: a Heft database has its schema version and
    // its own tables; an empty file has neither.
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: u32 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    let heft_tables: u32 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'set_entry', 'workout')",
        [],
        |r| r.get(0),
    )?;
    match (version, tables) {
        (0, 0) => Ok(()),
        (v, _) if v >= 1 && heft_tables == 3 => Ok(()),
        _ => Err(not_heft("an SQLite file without Heft's tables")),
    }
}

fn prepare(conn: &mut Connection, now_ms: i64) -> Result<()> {
    // Refuse a newer database before any pragma that writes (WAL would convert it).
    migrations::checked_version(conn)?;
    configure(conn)?;
    // Opening a current database writes nothing, so it neither waits for
    // nor holds up a write of another process: `history` must work while
    // an import runs elsewhere.
    if is_current(conn)? {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    migrations::migrate(&tx)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    seed(&tx, now_ms)?;
    derived::renew_if_rules_changed(&tx)?;
    derived::refresh(&tx)?;
    tx.commit()?;
    Ok(())
}

/// Whether the database needs nothing written to be opened: its schema,
/// application id, built-in catalog and device id are current.
fn is_current(conn: &Connection) -> Result<bool> {
    if migrations::checked_version(conn)? != SCHEMA_VERSION {
        return Ok(false);
    }
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    Ok(app == APPLICATION_ID
        && catalog_is_current(conn, &catalog::builtin()?)?
        && meta_get(conn, "device_id")?.is_some()
        && derived::rules_current(conn)?)
}

/// Whether the built-in catalog in the database is `cat`'s version.
fn catalog_is_current(conn: &Connection, cat: &catalog::BuiltinCatalog) -> Result<bool> {
    let stored: Option<String> = meta_get(conn, "catalog_version")?;
    Ok(stored.as_deref() == Some(cat.version.to_string().as_str()))
}

/// Copies the built-in catalog in when its version changed, and gives a new
/// database its device id.
fn seed(conn: &Connection, now_ms: i64) -> Result<()> {
    let cat = catalog::builtin()?;
    if !catalog_is_current(conn, &cat)? {
        rows::upsert_builtin_exercises(conn, &cat.exercises)?;
        meta_set(conn, "catalog_version", &cat.version.to_string())?;
    }
    if meta_get(conn, "device_id")?.is_none() {
        add_local_device(conn, now_ms)?;
        meta_set(conn, "created_at_ms", &now_ms.to_string())?;
    }
    Ok(())
}

/// Gives this database a new device id: the one it had becomes another
/// device's, the id of a copy of this database still in use elsewhere (a
/// phone restored from another's backup). Every row stays as it is; only
/// stamps issued from now on carry the new id, so the two copies' writes
/// are told apart again. Returns the new id.
pub(crate) fn take_new_device_id(conn: &Connection, now_ms: i64) -> Result<String> {
    conn.execute(
        "UPDATE device SET is_local = 0, name = 'another copy of this database' WHERE is_local = 1",
        [],
    )?;
    add_local_device(conn, now_ms)
}

/// Adds this database's own device row with a fresh id (time-ordered, so
/// ids are unique without coordination) and records it in `meta`.
fn add_local_device(conn: &Connection, now_ms: i64) -> Result<String> {
    let device = uuid::Uuid::now_v7().simple().to_string();
    conn.execute(
        "INSERT INTO device (id, name, created_at_ms, is_local) VALUES (?1, 'this device', ?2, 1)",
        (&device, now_ms),
    )?;
    meta_set(conn, "device_id", &device)?;
    Ok(device)
}

/// Reads a `meta` value.
pub(crate) fn meta_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// Removes a `meta` value.
pub(crate) fn meta_delete(conn: &Connection, key: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM meta WHERE key = ?1")?
        .execute([key])?;
    Ok(())
}

/// The `meta` keys that start with `prefix`.
pub(crate) fn meta_keys_with_prefix(conn: &Connection, prefix: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT key FROM meta WHERE substr(key, 1, length(?1)) = ?1")?
        .query_map([prefix], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// How many rows of `table` (those `filter` selects, when not empty) are
/// live and how many deleted. Names come from the code's table list, never
/// from input.
pub(crate) fn row_counts(conn: &Connection, table: &str, filter: &str) -> Result<(u64, u64)> {
    let filter = if filter.is_empty() {
        String::new()
    } else {
        format!("WHERE {filter}")
    };
    let (live, deleted): (i64, i64) = conn.query_row(
        &format!(
            "SELECT count(*) - coalesce(sum(deleted), 0), coalesce(sum(deleted), 0) FROM {table} {filter}"
        ),
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((
        u64::try_from(live).unwrap_or(0),
        u64::try_from(deleted).unwrap_or(0),
    ))
}

/// The ids of up to three live rows of `table` whose id is `fragment` or
/// ends with it.
pub(crate) fn ids_ending_with(
    conn: &Connection,
    table: &str,
    fragment: &str,
) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT id FROM {table} WHERE deleted = 0 AND (id = ?1 OR id LIKE '%' || ?1) LIMIT 3"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_map([fragment], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Writes a `meta` value.
pub(crate) fn meta_set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute((key, value))?;
    Ok(())
}

pub(crate) fn is_corruption(e: &Error) -> bool {
    matches!(
        e,
        Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// Moves a damaged database and its WAL files aside; returns the error to report.
fn move_aside(path: &Path, now_ms: i64) -> Result<Error> {
    let moved_to = set_aside(path, now_ms)?;
    Ok(Error::Corrupt {
        path: path.to_path_buf(),
        moved_to,
    })
}

/// Renames a damaged database and its WAL files to `<path>.corrupt-<ms>`
/// (the first free millisecond from `now_ms`, so an earlier damaged copy is
/// never overwritten) and returns where it now lies. The log files move
/// first: a log left beside a new database of the same name would be read
/// into it, while a main file left without its log is still a damaged file
/// that the next open sets aside again.
pub(crate) fn set_aside(path: &Path, now_ms: i64) -> Result<PathBuf> {
    let taken = |p: &Path| p.exists() || PathBuf::from(format!("{}-wal", p.display())).exists();
    let mut ms = now_ms;
    let mut moved_to = PathBuf::from(format!("{}.corrupt-{ms}", path.display()));
    while taken(&moved_to) {
        ms += 1;
        moved_to = PathBuf::from(format!("{}.corrupt-{ms}", path.display()));
    }
    let rename = |from: &Path, to: &Path| -> Result<()> {
        match std::fs::rename(from, to) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(Error::Io {
                context: format!("moving {} aside", from.display()),
                source,
            }),
        }
    };
    for suffix in ["-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", path.display()));
        let to = PathBuf::from(format!("{}{suffix}", moved_to.display()));
        rename(&from, &to)?;
    }
    rename(path, &moved_to)?;
    // The mark was about the file just moved.
    check::clear_damage_mark(path);
    Ok(moved_to)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every build in the workspace links SQLite compiled with the options
    /// of .cargo/config.toml; a build without them (cargo run from outside
    /// the workspace) would test another SQLite than the phone ships.
    #[test]
    fn sqlite_is_built_with_the_workspace_options() {
        let conn = Connection::open_in_memory().unwrap();
        let options: Vec<String> = conn
            .prepare("PRAGMA compile_options")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for left_out in [
            "ENABLE_FTS3",
            "ENABLE_FTS5",
            "ENABLE_RTREE",
            "ENABLE_DBSTAT_VTAB",
            "ENABLE_COLUMN_METADATA",
            "ENABLE_STAT4",
            "SOUNDEX",
            "ENABLE_LOAD_EXTENSION",
        ] {
            assert!(
                !options.iter().any(|o| o == left_out),
                "{left_out} in {options:?}"
            );
        }
        for omitted in [
            "OMIT_LOAD_EXTENSION",
            "OMIT_DEPRECATED",
            "OMIT_SHARED_CACHE",
            "OMIT_PROGRESS_CALLBACK",
            "OMIT_DECLTYPE",
        ] {
            assert!(
                options.iter().any(|o| o == omitted),
                "no {omitted} in {options:?}"
            );
        }
        // What Heft does use stays: JSON (json_each in queries).
        let n: i64 = conn
            .query_row("SELECT count(*) FROM json_each('[1, 2, 3]')", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 3);
    }

    #[test]
    fn files_that_are_not_heft_databases_are_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let listing = |d: &Path| {
            let mut v: Vec<String> = std::fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            v.sort();
            v
        };
        // Another app's SQLite file.
        let other = dir.path().join("notes.db");
        {
            let c = Connection::open(&other).unwrap();
            c.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x');")
                .unwrap();
        }
        // One with an application id of its own.
        let tagged = dir.path().join("tagged.db");
        {
            let c = Connection::open(&tagged).unwrap();
            c.pragma_update(None, "application_id", 0x1234).unwrap();
            c.execute_batch("CREATE TABLE t (x)").unwrap();
        }
        // A CSV given as the database.
        let csv = dir.path().join("strong.csv");
        std::fs::write(&csv, "Date,Workout Name\n2024-01-01,Legs\n").unwrap();
        let before: Vec<(PathBuf, Vec<u8>)> = [&other, &tagged, &csv]
            .iter()
            .map(|p| (p.to_path_buf(), std::fs::read(p).unwrap()))
            .collect();
        let files = listing(dir.path());
        for (path, bytes) in &before {
            let e = open(path, 0).unwrap_err();
            assert!(matches!(e, Error::NotHeftDatabase { .. }), "{e}");
            assert!(e.to_string().contains("left untouched"), "{e}");
            assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
        }
        // No WAL, no journal, nothing moved aside.
        assert_eq!(listing(dir.path()), files);
        // A Heft database gets the id; an empty file becomes one.
        let heft = dir.path().join("heft.db");
        drop(open(&heft, 0).unwrap());
        let id: i32 = Connection::open(&heft)
            .unwrap()
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID);
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        drop(open(&empty, 0).unwrap());
        // A Heft database of a build before the id opens and gets it.
        let old = dir.path().join("old.db");
        drop(open(&old, 0).unwrap());
        Connection::open(&old)
            .unwrap()
            .pragma_update(None, "application_id", 0)
            .unwrap();
        drop(open(&old, 0).unwrap());
    }

    #[test]
    fn a_new_database_gets_schema_catalog_and_device() {
        let dir = tempfile::tempdir().unwrap();
        let (conn, _) = open(&dir.path().join("heft.db"), 1_000).unwrap();
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let n: i64 = conn
            .query_row("SELECT count(*) FROM exercise WHERE builtin = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(n >= 100);
        assert!(meta_get(&conn, "device_id").unwrap().is_some());
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "FULL");
    }

    #[test]
    fn reopening_keeps_the_device_id() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        let first = meta_get(&open(&path, 1).unwrap().0, "device_id").unwrap();
        let second = meta_get(&open(&path, 2).unwrap().0, "device_id").unwrap();
        assert_eq!(first, second);
    }

    #[test]
    fn a_newer_schema_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        drop(open(&path, 1).unwrap());
        {
            let c = Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        match open(&path, 2) {
            Err(Error::IncompatibleVersion { found, supported }) => {
                assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_damaged_file_is_moved_aside_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heft.db");
        drop(open(&path, 41).unwrap());
        // A Heft database whose schema page is damaged behind the header.
        let mut garbage = std::fs::read(&path).unwrap();
        for b in &mut garbage[100..4096] {
            *b = 0xA5;
        }
        std::fs::write(&path, &garbage).unwrap();
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        match open(&path, 42) {
            Err(Error::Corrupt { moved_to, .. }) => {
                assert_eq!(std::fs::read(&moved_to).unwrap(), garbage);
                assert!(moved_to.to_string_lossy().ends_with(".corrupt-42"));
            }
            other => panic!("{other:?}"),
        }
        assert!(!path.exists());
        let (conn, _) = open(&path, 43).expect("a fresh database is created on the next open");
        // ...which remembers the damaged file until the person is told.
        let aside = meta_get(&conn, SET_ASIDE_KEY).unwrap().expect("remembered");
        assert!(aside.ends_with("heft.db.corrupt-42"), "{aside}");
        drop(conn);
        let (again, _) = open(&path, 44).unwrap();
        assert!(
            meta_get(&again, SET_ASIDE_KEY).unwrap().is_some(),
            "kept until told"
        );
    }
}
