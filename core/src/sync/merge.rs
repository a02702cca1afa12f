//! Merging an export into the database: a pure decision per row, then one
//! transaction that applies the decisions.
//!
//! The rule is last writer wins per row, by clock stamp. A stamp ends with
//! the writing device's id, so two different writes never tie and every
//! device picks the same winner whatever order files arrive in: the merge is
//! idempotent, commutative and associative, and devices that saw the same
//! files converge. A tombstone is a row like any other, so a deletion wins
//! over every older copy of the row.

use std::collections::HashMap;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{CachedStatement, Transaction, params_from_iter};
use serde::Serialize;

use super::error::SyncError;
use super::format::{ExportReader, FORMAT_MINOR, NEWER_MINOR_KEY, newer_columns_of};
use super::tables::{
    Cell, MAX_NEWER_COLUMNS, Table, check_value, finish_newer, flag_at, push_newer_value, table,
    text_at, write_line,
};
use crate::hlc::Hlc;
use crate::progress::{Progress, Ticker};
use crate::store::{meta_get, meta_set};
use crate::{Error, Result};

/// What to do with one incoming row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The row is new here.
    Insert,
    /// The incoming row is newer than the local one.
    Replace,
    /// The local row is the same or newer.
    Keep,
}

/// Decides what an incoming row does to the local one.
///
/// Greater stamp wins. Equal stamps mean the same write and so the same
/// content; should a damaged file carry different content under an equal
/// stamp, the greater line wins, so even then every device agrees.
pub fn decide(incoming_hlc: &str, incoming_line: &[u8], local: Option<(&str, &[u8])>) -> Action {
    match local {
        None => Action::Insert,
        Some((hlc, line)) => match incoming_hlc.cmp(hlc) {
            std::cmp::Ordering::Greater => Action::Replace,
            std::cmp::Ordering::Less => Action::Keep,
            std::cmp::Ordering::Equal if incoming_line > line => Action::Replace,
            std::cmp::Ordering::Equal => Action::Keep,
        },
    }
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MergeReport {
    /// The device that wrote the file.
    pub device_id: String,
    /// When the file was written.
    pub created_at: String,
    /// Rows in the file.
    pub rows_read: u64,
    /// Rows new here.
    pub added: u64,
    /// Rows replaced by a newer version.
    pub updated: u64,
    /// Rows already the same or newer here.
    pub unchanged: u64,
    /// Of `added` and `updated`, how many were deletions.
    pub deletions: u64,
    /// Per table: rows added or updated.
    pub changed_by_table: Vec<TableRows>,
    /// Tables of a newer minor version of the format that this build does
    /// not know, with their rows in the file: skipped (they reach other
    /// devices from their author's own file). Counted in `rows_read`.
    pub skipped_tables: Vec<TableRows>,
    /// Set when the file held writes stamped with this device's id that
    /// this database did not have: another copy of this database (a phone
    /// restored from this one's backup) is writing under the same id. This
    /// database then takes this new id, so the two copies' writes are told
    /// apart and converge; every row of both is kept.
    pub new_device_id: Option<String>,
    /// How far ahead of this device's clock the clock of the device that
    /// wrote the file was when it wrote it (its `created_at`), in whole
    /// minutes, when more than [`CLOCK_AHEAD_NOTICE_MIN`]. Only reported:
    /// the merge itself never depends on this device's clock.
    pub writer_clock_ahead_min: Option<u64>,
}

/// A writer's clock this many minutes or less ahead of this device's is not
/// reported (phone clocks differ by seconds; a file may be written and
/// read within the same minute).
pub const CLOCK_AHEAD_NOTICE_MIN: u64 = 10;

/// A number of rows of one table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TableRows {
    /// The table's name, as in the export file.
    pub table: String,
    /// How many rows.
    pub rows: u64,
}

impl MergeReport {
    /// Whether the merge changed anything.
    pub fn changed(&self) -> bool {
        self.added + self.updated > 0
    }
}

/// What a merge did, with what the caller acts on.
pub(crate) struct Merged {
    pub report: MergeReport,
    /// The newest stamp in the file: this device's clock moves past it.
    pub newest: Option<Hlc>,
    /// Whether the file was written by another copy of this database
    /// ([`written_by_a_copy`]).
    pub written_by_a_copy: bool,
}

/// Merges every row of `reader` into `tx`. On error nothing is kept (the
/// caller drops the transaction).
pub(crate) fn merge(
    tx: &Transaction<'_>,
    reader: &mut ExportReader<'_>,
    progress: &dyn Progress,
) -> Result<Merged> {
    merge_rows(tx, reader, progress).map_err(|e| reader.explain(e))
}

/// Whether a merged file was written by another copy of this database: it
/// names this device as its writer and yet brought a row this database did
/// not have. A file this database wrote holds nothing it lacks, however old
/// (no row is ever removed here, and every later change is newer), so such
/// a file was written elsewhere under this device's id: by a copy of this
/// database (a phone restored from this one's backup), or by this database
/// before it was restored from an older backup. Both copies must then
/// write under different ids; in a sync folder they would otherwise write
/// the same file name and neither would ever read the other's writes.
///
/// Another device's file may pass on rows the copy stamped with the shared
/// id before it took a new one; those merge like any rows and prove
/// nothing about who still writes under the id.
pub(crate) fn written_by_a_copy(report: &MergeReport, this_device: &str) -> bool {
    report.device_id == this_device && report.changed()
}

/// How one table of a file maps onto ours.
struct Layout<'tx, 'h> {
    table: &'static Table,
    /// Our column index -> position in the file's value array.
    map: Vec<Option<usize>>,
    /// The row by key ([`Table::select_sql`]).
    select: CachedStatement<'tx>,
    /// [`Table::upsert_sql`].
    upsert: CachedStatement<'tx>,
    /// Columns of a newer minor version: name and position in the file's
    /// value array, sorted by name (the order of the stored object).
    newer: Vec<(&'h str, usize)>,
}

fn merge_rows(
    tx: &Transaction<'_>,
    reader: &mut ExportReader<'_>,
    progress: &dyn Progress,
) -> Result<Merged> {
    let total: u64 = reader
        .header
        .tables
        .iter()
        .fold(0u64, |sum, t| sum.saturating_add(t.rows));
    // Per table in the file: the table, our column index -> position in the
    // file's value array, its two statements (prepared once, not per row) and
    // the columns of a newer minor version. The header was checked: a table
    // or column this build does not know comes from a newer minor.
    let header = reader.header.clone();
    let mut layouts: Vec<Layout<'_, '_>> = Vec::new();
    let mut skipped: Vec<TableRows> = Vec::new();
    for th in &header.tables {
        let Some(t) = table(&th.name) else {
            skipped.push(TableRows {
                table: th.name.clone(),
                rows: 0,
            });
            continue;
        };
        let map = t
            .columns
            .iter()
            .map(|c| th.columns.iter().position(|x| x == c.name))
            .collect();
        let mut newer: Vec<(&str, usize)> = th
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| !t.columns.iter().any(|k| k.name == *c))
            .map(|(i, c)| (c.as_str(), i))
            .collect();
        newer.sort_unstable();
        if !newer.is_empty() {
            // Kept columns of every file merged are written back out
            // together: their number stays within what a reader accepts.
            let mut all: std::collections::BTreeSet<String> =
                newer_columns_of(tx, t)?.into_iter().collect();
            all.extend(newer.iter().map(|(c, _)| (*c).to_owned()));
            if all.len() > MAX_NEWER_COLUMNS {
                return Err(Error::Sync(SyncError::Corrupt(format!(
                    "table {} would keep {} columns of newer versions; at most {MAX_NEWER_COLUMNS} are kept",
                    t.name,
                    all.len()
                ))));
            }
        }
        layouts.push(Layout {
            table: t,
            map,
            select: tx.prepare_cached(&t.select_sql(true))?,
            upsert: tx.prepare_cached(&t.upsert_sql())?,
            newer,
        });
    }
    // Rows come table by table: the previous row's table is the likely one.
    let mut current = 0;
    let mut report = MergeReport {
        device_id: reader.header.device_id.clone(),
        created_at: reader.header.created_at.clone(),
        ..MergeReport::default()
    };
    let mut changed: HashMap<&'static str, u64> = HashMap::new();
    // The newest stamp seen, as text (for canonical stamps text order is
    // clock order).
    let mut newest: Option<String> = None;
    let mut ticker = Ticker::new(progress, total);
    let mut local_line = Vec::with_capacity(512);
    let mut incoming_line = Vec::with_capacity(512);
    let mut newer_buf = Vec::new();
    let null = Cell::Null;
    while let Some((row_no, (tname, key, hlc, deleted, values))) =
        reader.next_row().map_err(Error::Sync)?
    {
        let bad = |table: &str, field: &str, reason: String| {
            Error::Sync(SyncError::BadRow {
                row: row_no,
                table: table.chars().take(40).collect(),
                field: field.chars().take(40).collect(),
                reason,
            })
        };
        if layouts.get(current).is_none_or(|l| l.table.name != &*tname) {
            match layouts.iter().position(|l| l.table.name == &*tname) {
                Some(i) => current = i,
                None => match skipped.iter_mut().find(|s| s.table == *tname) {
                    // A table of a newer minor version: not ours to check or keep.
                    Some(s) => {
                        s.rows += 1;
                        report.rows_read += 1;
                        ticker.tick(report.rows_read)?;
                        continue;
                    }
                    None => {
                        return Err(bad(&tname, "", "a table the header does not list".into()));
                    }
                },
            }
        }
        let Some(Layout {
            table: t,
            map,
            select,
            upsert,
            newer: newer_columns,
        }) = layouts.get_mut(current)
        else {
            return Err(bad(&tname, "", "a table the header does not list".into()));
        };
        let t: &'static Table = t;
        if key.is_empty()
            || key.len() > t.key_max
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(bad(
                t.name,
                t.key,
                "not an id (letters, digits, '-' and '_', at most 64)".into(),
            ));
        }
        // Only the canonical text (16 lowercase hex digits of wall clock and
        // counter, 32 of device): text order must be clock order.
        let canonical = hlc.len() == 48
            && hlc
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        let wall_ms = match hlc.get(..12).map(|w| u64::from_str_radix(w, 16)) {
            Some(Ok(ms)) if canonical => ms,
            _ => return Err(bad(t.name, "hlc", "malformed clock stamp".into())),
        };
        if wall_ms > crate::hlc::LATEST_WALL_MS {
            return Err(bad(
                t.name,
                "hlc",
                "clock stamp past the year 9999: not the time of any clock".into(),
            ));
        }

        if deleted > 1 {
            return Err(bad(t.name, "deleted", "expected 0 or 1".into()));
        }
        let deleted = deleted == 1;
        // The row's values as they will be stored, borrowed from the line.
        let mut row = Vec::with_capacity(t.columns.len());
        for (column, at) in t.columns.iter().zip(map) {
            let v = at.and_then(|i| values.0.get(i)).unwrap_or(&null);
            row.push(check_value(column, v).map_err(|reason| bad(t.name, column.name, reason))?);
        }
        // The values of a newer minor's columns, as the object this row keeps.
        newer_buf.clear();
        for (name, at) in newer_columns.iter() {
            let v = values.0.get(*at).unwrap_or(&null);
            push_newer_value(&mut newer_buf, name, v)
                .map_err(|reason| bad(t.name, name, reason))?;
        }
        let incoming_newer = finish_newer(&mut newer_buf);
        if t.name == "exercise" && is_builtin(tx, &key)? {
            return Err(bad(t.name, "id", "the id of a built-in exercise".into()));
        }
        let action = {
            let mut rows = select.query([&*key])?;
            match rows.next()? {
                None => decide(&hlc, &[], None),
                Some(local) => {
                    let n = t.columns.len();
                    let local_hlc = text_at(local, n + 1)?;

                    let local_newer: Option<&str> =
                        local.get_ref(n + 3)?.as_str_or_null().ok().flatten();
                    if local_hlc != &*hlc {
                        // Different stamps: the lines do not matter.
                        decide(&hlc, &[], Some((local_hlc, &[])))
                    } else if flag_at(local, n + 2)? == deleted
                        && local_newer == incoming_newer
                        && row
                            .iter()
                            .enumerate()
                            .all(|(i, v)| local.get_ref(i + 1).is_ok_and(|l| same_value(l, *v)))
                    {
                        // The same write: equal values make equal lines.
                        Action::Keep
                    } else {
                        incoming_line.clear();
                        write_line(
                            t,
                            &key,
                            &hlc,
                            deleted,
                            row.iter().copied(),
                            &mut incoming_line,
                        );
                        // The kept values of newer columns, in their one
                        // canonical form, are part of the row's content.
                        incoming_line.extend_from_slice(incoming_newer.unwrap_or("").as_bytes());
                        let local_values = (1..=n)
                            .map(|i| local.get_ref(i))
                            .collect::<rusqlite::Result<Vec<_>>>()?;
                        local_line.clear();
                        write_line(
                            t,
                            text_at(local, 0)?,
                            local_hlc,
                            flag_at(local, n + 2)?,
                            local_values,
                            &mut local_line,
                        );
                        local_line.extend_from_slice(local_newer.unwrap_or("").as_bytes());
                        decide(&hlc, &incoming_line, Some((local_hlc, &local_line)))
                    }
                }
            }
        };
        match action {
            Action::Keep => report.unchanged += 1,
            Action::Insert | Action::Replace => {
                let params = std::iter::once(ValueRef::Text(key.as_bytes()))
                    .chain(row.iter().copied())
                    .chain([
                        ValueRef::Text(hlc.as_bytes()),
                        ValueRef::Integer(i64::from(deleted)),
                        incoming_newer.map_or(ValueRef::Null, |s| ValueRef::Text(s.as_bytes())),
                    ])
                    .map(ToSqlOutput::Borrowed);
                upsert.execute(params_from_iter(params))?;
                crate::store::rows::check_merged_row(tx, t.name, &key)
                    .map_err(|reason| bad(t.name, "", reason))?;
                if action == Action::Insert {
                    report.added += 1;
                } else {
                    report.updated += 1;
                }
                if deleted {
                    report.deletions += 1;
                }
                *changed.entry(t.name).or_default() += 1;
            }
        }
        if newest.as_deref().is_none_or(|n| *hlc > *n) {
            newest = Some(hlc.to_string());
        }
        report.rows_read += 1;
        ticker.tick(report.rows_read)?;
    }
    ticker.done(report.rows_read)?;
    let mut by_table: Vec<TableRows> = changed
        .into_iter()
        .map(|(table, rows)| TableRows {
            table: table.to_owned(),
            rows,
        })
        .collect();
    by_table.sort();
    report.changed_by_table = by_table;
    report.skipped_tables = skipped;
    let keeps_newer = layouts.iter().any(|l| !l.newer.is_empty());
    if header.minor > FORMAT_MINOR && keeps_newer && report.changed() {
        // Exports that pass on these columns declare their minor version.
        let seen = meta_get(tx, NEWER_MINOR_KEY)?
            .and_then(|m| m.parse::<u32>().ok())
            .unwrap_or(0);
        if header.minor > seen {
            meta_set(tx, NEWER_MINOR_KEY, &header.minor.to_string())?;
        }
    }
    if report.changed() {
        revive_parents(tx)?;
        check_references(tx)?;
        check_profile(tx)?;
    }
    let this_device = meta_get(tx, "device_id")?.unwrap_or_default();
    Ok(Merged {
        written_by_a_copy: written_by_a_copy(&report, &this_device),
        report,
        newest: newest.and_then(|n| n.parse::<Hlc>().ok()),
    })
}

/// The stamp a revived parent gets: one counter step after its tombstone's,
/// so every device that holds the same rows revives it the same way.
fn revived_stamp(tomb: &Hlc) -> Hlc {
    match tomb.counter.checked_add(1) {
        Some(c) => Hlc {
            counter: c,
            ..tomb.clone()
        },
        // Past the last stamp a file may carry the tombstone's own stamp is
        // kept: equal stamps resolve by content, the same on every device.
        None if tomb.wall_ms >= crate::hlc::LATEST_WALL_MS => tomb.clone(),
        None => Hlc {
            wall_ms: tomb.wall_ms + 1,
            counter: 0,
            device: tomb.device.clone(),
        },
    }
}

/// A live set whose workout or custom exercise is a tombstone: one device
/// deleted the workout while another added a set to it. The set must not
/// vanish, so the parent comes back, with [`revived_stamp`], so the merge
/// still converges.
fn revive_parents(tx: &Transaction<'_>) -> Result<()> {
    for (parent, column) in [("workout", "workout_id"), ("exercise", "exercise_id")] {
        let orphans: Vec<(String, String)> = {
            let mut stmt = tx.prepare(&format!(
                "SELECT DISTINCT p.id, p.hlc FROM set_entry s JOIN {parent} p ON p.id = s.{column}
                 WHERE s.deleted = 0 AND p.deleted = 1"
            ))?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, hlc) in orphans {
            let Ok(tomb) = hlc.parse::<Hlc>() else {
                continue;
            };
            tx.execute(
                &format!("UPDATE {parent} SET deleted = 0, hlc = ?2 WHERE id = ?1"),
                (&id, revived_stamp(&tomb).to_string()),
            )?;
        }
    }
    Ok(())
}

/// Whether two values write the same text into a line.
fn same_value(a: ValueRef<'_>, b: ValueRef<'_>) -> bool {
    match (a, b) {
        // By bits: 0.0 and -0.0 are equal numbers but different text.
        (ValueRef::Real(x), ValueRef::Real(y)) => x.to_bits() == y.to_bits(),
        (a, b) => a == b,
    }
}

fn is_builtin(tx: &Transaction<'_>, id: &str) -> Result<bool> {
    let mut stmt = tx.prepare_cached("SELECT 1 FROM exercise WHERE id = ?1 AND builtin = 1")?;
    Ok(stmt.exists([id])?)
}

/// Every reference a merged row makes must resolve: a set names a workout
/// and an exercise this database has.
fn check_references(tx: &Transaction<'_>) -> Result<()> {
    let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
    let mut rows = stmt.query([])?;
    if let Some(r) = rows.next()? {
        let table: String = r.get(0)?;
        let rowid: i64 = r.get(1)?;
        let parent: String = r.get(2)?;
        let id: String = tx
            .query_row(
                &format!("SELECT id FROM {table} WHERE rowid = ?1"),
                [rowid],
                |r| r.get(0),
            )
            .unwrap_or_default();
        let hint = if parent == "exercise" {
            " (an exercise this version of Heft does not know; update Heft)"
        } else {
            ""
        };
        return Err(Error::Sync(SyncError::BadRow {
            row: 0,
            table,
            field: format!("{parent}_id"),
            reason: format!("row '{id}' refers to a missing {parent}{hint}"),
        }));
    }
    Ok(())
}

/// The year a merged profile is checked against: a fixed one, not this
/// device's, so whether a file merges depends on the file alone
/// (docs/adr/0004-clocks-that-ran-ahead.md). A birth year of the future is
/// refused where it is typed; a merge only refuses what no profile may hold.
const MERGE_YEAR: i32 = 9999;

/// Fails when the merged profile has a field that cannot be read or holds a
/// value a profile may not (its fields may come from another device).
fn check_profile(conn: &rusqlite::Connection) -> Result<()> {
    let p = crate::store::profile::read(conn)?;
    crate::validate::profile(
        &crate::model::ProfileUpdate {
            birth_year: p.birth_year,
            loadout: p.loadout,
            running_min_week: p.running_min_week,
            bands: p.bands,
            ..Default::default()
        },
        MERGE_YEAR,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_greater_stamp_wins_and_equal_stamps_keep() {
        assert_eq!(decide("b", b"x", None), Action::Insert);
        assert_eq!(decide("b", b"x", Some(("a", b"y"))), Action::Replace);
        assert_eq!(decide("a", b"x", Some(("b", b"y"))), Action::Keep);
        assert_eq!(decide("a", b"x", Some(("a", b"x"))), Action::Keep);
    }

    #[test]
    fn only_a_file_under_this_id_that_brings_rows_is_from_a_copy() {
        let report = |device: &str, added| MergeReport {
            device_id: device.into(),
            added,
            ..MergeReport::default()
        };
        assert!(written_by_a_copy(&report("me", 1), "me"));
        assert!(
            !written_by_a_copy(&report("me", 0), "me"),
            "an old own file"
        );
        assert!(!written_by_a_copy(&report("other", 3), "me"));
    }

    #[test]
    fn a_revived_stamp_is_one_step_after_its_tombstone() {
        let tomb: Hlc = "0190aaaaaaaa0007bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
            .parse()
            .unwrap();
        let revived = revived_stamp(&tomb);
        assert_eq!((revived.wall_ms, revived.counter), (tomb.wall_ms, 8));
        let full = Hlc {
            counter: u16::MAX,
            ..tomb.clone()
        };
        let revived = revived_stamp(&full);
        assert_eq!((revived.wall_ms, revived.counter), (tomb.wall_ms + 1, 0));
        assert!(revived > full && revived.device == tomb.device);
    }

    #[test]
    fn a_tie_with_different_content_resolves_the_same_both_ways() {
        // Device 1 holds x and receives y; device 2 holds y and receives x.
        let one = decide("a", b"y", Some(("a", b"x")));
        let two = decide("a", b"x", Some(("a", b"y")));
        assert_eq!((one, two), (Action::Replace, Action::Keep));
    }
}
