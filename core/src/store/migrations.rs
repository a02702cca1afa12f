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
    include_str!("sql/v7.sql"),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the current schema is written out in full.
    const SCHEMA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/schema.sql");

    /// The schema of a fresh database as `schema.sql` states it: every
    /// CREATE statement SQLite keeps (each table followed by its indexes),
    /// then the pragmas that mark the file as Heft's at this version.
    fn current_schema() -> String {
        let conn = crate::store::open_in_memory(0).unwrap();
        let statements: Vec<String> = conn
            .prepare(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL
                 ORDER BY tbl_name, type <> 'table', name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut out = format!(
            "-- The schema of a Heft database at version {SCHEMA_VERSION}, as SQLite keeps it\n\
             -- after the migrations in sql/ (which stay the way to create and upgrade it).\n\
             -- Written by a test, which fails when this file differs from a fresh\n\
             -- database; `UPDATE_GOLDEN=1 cargo test -p heft-core schema_sql` rewrites it.\n"
        );
        for sql in statements {
            out.push('\n');
            out.push_str(&sql);
            out.push_str(";\n");
        }
        out.push_str(&format!(
            "\nPRAGMA application_id = {};\nPRAGMA user_version = {SCHEMA_VERSION};\n",
            crate::store::APPLICATION_ID
        ));
        out
    }

    /// SQL without comments and with every run of whitespace as one space.
    fn normalised(sql: &str) -> String {
        sql.lines()
            .map(|line| line.split("--").next().unwrap_or(""))
            .flat_map(str::split_whitespace)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn schema_sql_states_the_schema_of_a_fresh_database() {
        let now = current_schema();
        if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
            std::fs::write(SCHEMA_FILE, &now).unwrap();
        }
        let stated = std::fs::read_to_string(SCHEMA_FILE).unwrap_or_default();
        assert!(
            normalised(&stated) == normalised(&now),
            "core/src/store/schema.sql differs from the schema the migrations create; \
             after reviewing the migration, rewrite it with \
             `UPDATE_GOLDEN=1 cargo test -p heft-core schema_sql`"
        );
    }

    #[test]
    fn normalising_ignores_layout_and_comments() {
        assert_eq!(
            normalised("CREATE TABLE t (\n    a INTEGER, -- why\n  b TEXT\n);\n-- note\n"),
            "CREATE TABLE t ( a INTEGER, b TEXT );"
        );
    }
}
