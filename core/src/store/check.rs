//! `PRAGMA quick_check` where it is cheap, so a damaged page is noticed
//! before the app writes more into the file or an export fails half way.
//!
//! A damaged data page does not stop a database from opening: SQLite reads
//! a page only when a query needs it. The check runs when damage is most
//! likely or matters most: at open after a session that did not close
//! cleanly (its write-ahead log is still there), at open once every
//! [`CHECK_EVERY_MS`], and before every export. quick_check reads every
//! page but skips the index-against-table comparison of `integrity_check`,
//! which is what makes it cheap enough for these moments.

use std::path::Path;

use rusqlite::Connection;

use super::{meta_get, meta_set};
use crate::Result;

/// The `meta` key holding when quick_check last passed (UTC ms).
pub(crate) const CHECKED_AT_KEY: &str = "quick_check_at_ms";

/// How often an open runs quick_check when nothing else asks for it: a
/// week, so a page damaged by failing storage is found within days of
/// logging, not at the next export months later.
pub const CHECK_EVERY_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// How many findings of quick_check are kept: the first few say which
/// table is hit; the rest would only lengthen the message.
const FINDINGS_KEPT: u32 = 3;

/// Whether the last session on `path` did not close cleanly: it left its
/// write-ahead log with content behind. Heft's last connection checkpoints
/// and removes the log when it closes, so a log with content means a killed
/// process, a crash or a power cut (or another process that has the file
/// open right now, where the check costs only time). Must be asked before
/// the file is opened, since opening creates the log.
pub(crate) fn left_unclean(path: &Path) -> bool {
    let wal = format!("{}-wal", path.display());
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// The file beside a database that remembers damage found in it: the
/// finding lives in memory only for the handle that found it, and a
/// damaged file is no place to write a note, so the next process (the next
/// CLI command, the app after a restart) learns of it here and refuses
/// writes too, until `heft recover` replaces the file.
pub(crate) fn damage_mark(path: &Path) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("{}.damaged", path.display()))
}

/// Leaves the mark beside `path` (best effort: the finding still refuses
/// this handle's writes when the mark cannot be written).
pub(crate) fn mark_damaged(path: &Path, problem: &str) {
    let _ = std::fs::write(damage_mark(path), problem);
}

/// What the mark beside `path` says, if there is one.
pub(crate) fn marked_damage(path: &Path) -> Option<String> {
    std::fs::read_to_string(damage_mark(path)).ok().map(|s| {
        if s.trim().is_empty() {
            "damage found earlier".into()
        } else {
            s
        }
    })
}

/// Removes the mark: the file at `path` is a new or recovered one.
pub(crate) fn clear_damage_mark(path: &Path) {
    let _ = std::fs::remove_file(damage_mark(path));
}

/// Whether the periodic check is due at `now_ms`: never run, or run
/// [`CHECK_EVERY_MS`] or longer ago (a clock set back counts as due).
pub(crate) fn due(conn: &Connection, now_ms: i64) -> Result<bool> {
    let last = meta_get(conn, CHECKED_AT_KEY)?.and_then(|v| v.parse::<i64>().ok());
    Ok(last.is_none_or(|at| now_ms.saturating_sub(at) >= CHECK_EVERY_MS || at > now_ms))
}

/// Remembers that the file passed quick_check at `now_ms`.
pub(crate) fn record(conn: &Connection, now_ms: i64) -> Result<()> {
    meta_set(conn, CHECKED_AT_KEY, &now_ms.to_string())
}

/// SQLite's full integrity check: "ok", or what it found.
pub(crate) fn integrity_check(conn: &Connection) -> Result<String> {
    Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
}

/// Runs `PRAGMA quick_check`: `None` when the file is sound, else what
/// SQLite found (its first findings, or the error that stopped the check).
/// The findings name tables, pages and cells, never row content.
pub fn quick_check(conn: &Connection) -> Option<String> {
    let findings = conn
        .prepare(&format!("PRAGMA quick_check({FINDINGS_KEPT})"))
        .and_then(|mut stmt| {
            stmt.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        });
    match findings {
        Ok(lines) if lines == ["ok"] => None,
        Ok(lines) => Some(lines.join("; ").replace('\n', " ")),
        Err(e) => Some(e.to_string()),
    }
}
