//! The SQLite database: opening, pragmas, migrations and damaged files.
//!
//! Opening follows one order every time: set the pragmas, then in one
//! IMMEDIATE transaction bring the schema up to date step by step, seed the
//! built-in catalog if it changed, and make sure this device has an id. A
//! database from a newer Heft is refused untouched. A damaged file is moved
//! aside, never deleted: it may be someone's only copy of years of training.

mod migrations;
pub(crate) mod rows;

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
/// - `busy_timeout=5000`: the CLI and an app may touch the file at once;
///   wait for the other writer instead of failing.
/// - `temp_store=MEMORY`: Android has no writable temp directory for SQLite.
/// - query planner stability (QPSG): without it SQLite re-plans statements
///   whose plan could depend on bound values at every use, which made the
///   cached statements of each `log_set` compile again (see docs/PERFORMANCE.md).
pub fn configure(conn: &Connection) -> Result<()> {
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
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

/// Opens (creating if needed) and upgrades the database at `path`.
///
/// `now_ms` stamps the seeding of a new database. A damaged file is moved
/// to `<path>.corrupt-<now_ms>` and [`Error::Corrupt`] is returned; the next
/// open creates a fresh database.
pub fn open(path: &Path, now_ms: i64) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            context: format!("creating {}", dir.display()),
            source,
        })?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let result = Connection::open_with_flags(path, flags)
        .map_err(Error::from)
        .and_then(|mut conn| prepare(&mut conn, now_ms).map(|()| conn));
    match result {
        Err(e) if is_corruption(&e) => Err(move_aside(path, now_ms)?),
        other => other,
    }
}

/// Opens a private in-memory database (tests, previews).
pub fn open_in_memory(now_ms: i64) -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    prepare(&mut conn, now_ms)?;
    Ok(conn)
}

fn prepare(conn: &mut Connection, now_ms: i64) -> Result<()> {
    // Refuse a newer database before any pragma that writes (WAL would convert it).
    migrations::checked_version(conn)?;
    configure(conn)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    migrations::migrate(&tx)?;
    seed(&tx, now_ms)?;
    tx.commit()?;
    Ok(())
}

/// Copies the built-in catalog in when its version changed, and gives a new
/// database its device id.
fn seed(conn: &Connection, now_ms: i64) -> Result<()> {
    let cat = catalog::builtin()?;
    let stored: Option<String> = meta_get(conn, "catalog_version")?;
    if stored.as_deref() != Some(cat.version.to_string().as_str()) {
        rows::upsert_builtin_exercises(conn, &cat.exercises)?;
        meta_set(conn, "catalog_version", &cat.version.to_string())?;
    }
    if meta_get(conn, "device_id")?.is_none() {
        let device = uuid::Uuid::now_v7().simple().to_string();
        conn.execute(
            "INSERT INTO device (id, name, created_at_ms, is_local) VALUES (?1, 'this device', ?2, 1)",
            (&device, now_ms),
        )?;
        meta_set(conn, "device_id", &device)?;
        meta_set(conn, "created_at_ms", &now_ms.to_string())?;
    }
    Ok(())
}

/// Reads a `meta` value.
pub(crate) fn meta_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// Writes a `meta` value.
pub(crate) fn meta_set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute((key, value))?;
    Ok(())
}

fn is_corruption(e: &Error) -> bool {
    matches!(
        e,
        Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// Moves a damaged database and its WAL files aside; returns the error to report.
fn move_aside(path: &Path, now_ms: i64) -> Result<Error> {
    let moved_to = PathBuf::from(format!("{}.corrupt-{now_ms}", path.display()));
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
    rename(path, &moved_to)?;
    for suffix in ["-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", path.display()));
        let to = PathBuf::from(format!("{}{suffix}", moved_to.display()));
        rename(&from, &to)?;
    }
    Ok(Error::Corrupt {
        path: path.to_path_buf(),
        moved_to,
    })
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
    fn a_new_database_gets_schema_catalog_and_device() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("heft.db"), 1_000).unwrap();
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
        let first = meta_get(&open(&path, 1).unwrap(), "device_id").unwrap();
        let second = meta_get(&open(&path, 2).unwrap(), "device_id").unwrap();
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
        let garbage = b"this is not a database, but it is somebody's file".repeat(200);
        std::fs::write(&path, &garbage).unwrap();
        match open(&path, 42) {
            Err(Error::Corrupt { moved_to, .. }) => {
                assert_eq!(std::fs::read(&moved_to).unwrap(), garbage);
                assert!(moved_to.to_string_lossy().ends_with(".corrupt-42"));
            }
            other => panic!("{other:?}"),
        }
        assert!(!path.exists());
        open(&path, 43).expect("a fresh database is created on the next open");
    }
}
