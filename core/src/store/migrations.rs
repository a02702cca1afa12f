//! Forward-only schema migrations.
//!
//! `MIGRATIONS[i]` takes a database from version `i` to `i + 1`. Released
//! steps are never edited: a change is a new step. The schema version lives
//! in `PRAGMA user_version`; every step of one open runs in the caller's
//! transaction, so a failed upgrade leaves the file as it was.

use rusqlite::Connection;

use crate::{Error, Result};

/// The SQL of each step, oldest first.
const MIGRATIONS: &[&str] = &[
    include_str!("sql/v1.sql"),
    include_str!("sql/v2.sql"),
    include_str!("sql/v3.sql"),
    include_str!("sql/v4.sql"),
    include_str!("sql/v5.sql"),
    include_str!("sql/v6.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The file's schema version; [`Error::IncompatibleVersion`] when it is
/// newer than this build.
pub fn checked_version(conn: &Connection) -> Result<u32> {
    let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(Error::IncompatibleVersion {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(found)
}

/// Brings the schema up to [`SCHEMA_VERSION`]. Refuses newer databases.
pub fn migrate(conn: &Connection) -> Result<()> {
    let found = checked_version(conn)?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", i as u32 + 1)?;
    }
    Ok(())
}
