//! The [`Heft`] handle: one open database and everything a shell can ask of it.
//!
//! Methods are grouped by concern in the files beside this one (exercises,
//! logbook, profile, undo). Every write runs in one IMMEDIATE transaction
//! that also advances the hybrid logical clock, so a write is whole or absent
//! and stamps are ordered even when two processes share the file.

mod analytics;
mod backtest;
mod checked_log;
mod csv;
mod exercises;
mod history_screen;
mod logbook;
mod measures;
mod measures_screen;
mod onboarding_screen;
mod profile;
mod program_screen;
mod programs;
mod progress_screen;
mod report;
mod screens;
mod settings_screen;
mod sync;
mod sync_screen;
mod undo;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use parking_lot::Mutex;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::clock::{Clock, SystemClock};
use crate::model::ShortId;
use crate::screens::{ScreenKind, stale_screens};
use crate::store::stamp::{Stamper, local_device_id};
use crate::store::{self, meta_get};
use crate::{Error, Result};

pub use crate::model::LogTime;
pub use analytics::Strength;
pub use checked_log::CheckedLog;
pub use csv::{
    CsvExportSummary, CsvImportOptions, CsvImportReport, CsvLayout, SkippedRow, UnitDecision,
};
pub use exercises::ExerciseHit;
pub use history_screen::HISTORY_MAX_DAYS;
pub use logbook::{EarlierOpenWorkout, FinishWorkout, HistoryQuery, LoggedSets, NextLog};
pub use measures_screen::MeasureOutcome;
pub use programs::{
    ExerciseProgress, ExerciseSwap, Finished, LiftStatus, NextSet, PlanContext, ProgramRun,
    ProgramStatus, ProgramSummary, RunAdjustments, SessionResult, StartedProgram, Today,
};
pub use screens::LogOutcome;
pub use sync::{DeviceSeen, ExportSummary, SyncStatus, TableCount};
pub use sync_screen::{ExportFile, FolderSync, SyncDocument};
pub use undo::UndoOutcome;

/// An open Heft database. Cheap to share between threads (`Send + Sync`).
/// Writes are serialised on one connection; reads run on a second,
/// read-only one, so a long import or merge never holds up `history` or a
/// screen (an in-memory database has the one connection).
pub struct Heft {
    /// The connection reads run on, when there is one beside `conn`.
    /// Declared first so it closes first: the last connection to close
    /// checkpoints the log into the file, and only the writing one can.
    reads: Option<Mutex<Connection>>,
    conn: Mutex<Connection>,
    /// Run once when a write has to wait for another process's write.
    wait_notice: Mutex<Option<store::waiting::WaitNotice>>,
    clock: Arc<dyn Clock>,
    path: Option<PathBuf>,
    /// Why writes are unavailable, when the file could be opened only for
    /// reading ([`store::Access::ReadOnly`]).
    read_only: Option<String>,
    /// What quick_check found, once it has found damage: from then on
    /// every write is refused ([`Error::Damaged`]).
    damage: Mutex<Option<String>>,
    /// When quick_check passed at open, until the next write records it:
    /// opening never waits for another process's write (`store::waiting`).
    check_passed_at: Mutex<Option<i64>>,
    /// The tables the write in progress has touched, as SQLite reports
    /// each row it changes on the writing connection.
    touched: Arc<Mutex<BTreeSet<String>>>,
    /// Told which screens are stale after each write that changed data.
    change_listener: Mutex<Option<ChangeCallback>>,
}

/// Told which screens a committed write made stale.
pub type ChangeCallback = Arc<dyn Fn(&[ScreenKind]) + Send + Sync>;

impl std::fmt::Debug for Heft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Heft")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Heft {
    /// Opens or creates the database at `path` with the system clock.
    pub fn open(path: impl AsRef<Path>) -> Result<Heft> {
        Heft::open_with_clock(path, Arc::new(SystemClock))
    }

    /// Opens or creates the database at `path`, reading time from `clock`.
    pub fn open_with_clock(path: impl AsRef<Path>, clock: Arc<dyn Clock>) -> Result<Heft> {
        let path = path.as_ref();
        // Asked before opening, which creates the log.
        let unclean = store::check::left_unclean(path);
        let (conn, access) = store::open(path, clock.now().timestamp_millis())?;
        let mut heft = Heft::from_connection(conn, clock, Some(path.to_path_buf()))?;
        match access {
            store::Access::ReadOnly { reason } => heft.read_only = Some(reason),
            store::Access::ReadWrite => {
                heft.reads = Some(Mutex::new(store::open_reads(path)?));
            }
        }
        heft.check_at_open(unclean)?;
        Ok(heft)
    }

    /// quick_check at open, when the last session did not close cleanly or
    /// the periodic check is due; damage found refuses later writes.
    fn check_at_open(&self, unclean: bool) -> Result<()> {
        // Damage found earlier is checked again: a file put back from a
        // backup, or a damaged one recovered elsewhere, must not stay
        // refused for good.
        let marked = self
            .path
            .as_deref()
            .is_some_and(|p| store::check::marked_damage(p).is_some());
        let now_ms = self.now().timestamp_millis();
        let damage = self.read(|conn| {
            if marked || unclean || store::check::due(conn, now_ms)? {
                Ok(Some(store::check::quick_check(conn)))
            } else {
                Ok(None)
            }
        })?;
        if marked
            && matches!(damage, Some(None))
            && let Some(path) = &self.path
        {
            store::check::clear_damage_mark(path);
        }
        match damage {
            Some(Some(problem)) => self.note_damage(problem),
            Some(None) if self.read_only.is_none() => self.record_check_unless_busy(now_ms)?,
            _ => {}
        }
        Ok(())
    }

    /// Records that quick_check passed at `at`, now if the write lock is
    /// free, else with this handle's next write: an open never waits for
    /// another process's write.
    fn record_check_unless_busy(&self, at: i64) -> Result<()> {
        let mut conn = self.conn.lock();
        conn.busy_timeout(std::time::Duration::ZERO)?;
        let recorded = store::check::record(&conn, at);
        conn.busy_handler(Some(store::waiting::wait_for_writer))?;
        match recorded {
            Ok(()) => Ok(()),
            Err(Error::Sqlite(e))
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) =>
            {
                *self.check_passed_at.lock() = Some(at);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Runs quick_check now (before an export, which must not write a file
    /// from a damaged database without saying so): [`Error::Damaged`] when
    /// it finds damage, which also refuses every later write.
    pub(crate) fn ensure_sound(&self) -> Result<()> {
        let found = self.read(|conn| Ok(store::check::quick_check(conn)))?;
        if let Some(problem) = found {
            self.note_damage(problem);
        }
        self.refuse_if_damaged()
    }

    /// Damage found: every later write of this handle is refused, and of
    /// every handle opened on the file later ([`store::check::damage_mark`]).
    fn note_damage(&self, problem: String) {
        if let Some(path) = &self.path {
            store::check::mark_damaged(path, &problem);
        }
        *self.damage.lock() = Some(problem);
    }

    fn refuse_if_damaged(&self) -> Result<()> {
        match self.damage.lock().clone() {
            Some(problem) => Err(self.damaged(problem)),
            None => Ok(()),
        }
    }

    /// [`Error::Damaged`] for this database.
    fn damaged(&self, problem: String) -> Error {
        Error::Damaged {
            path: self
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from(":memory:")),
            problem,
        }
    }

    /// What SQLite's quick_check found when it last ran on this database
    /// and found damage (at open after an unclean shutdown, once a week,
    /// before an export); `None` while none was found. Writes then fail
    /// with [`Error::Damaged`]; a shell offers recovery
    /// ([`crate::store::salvage::recover`], after closing this handle).
    pub fn damage_found(&self) -> Option<String> {
        self.damage.lock().clone()
    }

    /// A private in-memory database, for tests and previews.
    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<Heft> {
        let conn = store::open_in_memory(clock.now().timestamp_millis())?;
        Heft::from_connection(conn, clock, None)
    }

    fn from_connection(
        mut conn: Connection,
        clock: Arc<dyn Clock>,
        path: Option<PathBuf>,
    ) -> Result<Heft> {
        // A database without its device id cannot stamp a write.
        local_device_id(&conn)?;
        let touched: Arc<Mutex<BTreeSet<String>>> = Arc::default();
        let seen = touched.clone();
        conn.update_hook(Some(
            move |_: rusqlite::hooks::Action, _: &str, table: &str, _: i64| {
                let mut seen = seen.lock();
                // One allocation per table a write touches, not per row.
                if !seen.contains(table) {
                    seen.insert(table.to_owned());
                }
            },
        ))?;
        Ok(Heft {
            touched,
            change_listener: Mutex::new(None),
            reads: None,
            conn: Mutex::new(conn),
            wait_notice: Mutex::new(None),
            clock,
            path,
            read_only: None,
            damage: Mutex::new(None),
            check_passed_at: Mutex::new(None),
        })
    }

    /// Why nothing can be written, when the database could be opened only
    /// for reading (a read-only folder or file, a full disk); `None` when
    /// writes work. Reading, stats and exports work either way; every write
    /// fails with [`Error::ReadOnly`] and this reason.
    pub fn writes_unavailable(&self) -> Option<String> {
        self.read_only.clone()
    }

    /// The damaged database that was set aside (`<path>.corrupt-<ms>`) when
    /// this one was created in its place, once: the first call after that
    /// returns it and forgets it, so a shell says it loudly one time.
    pub fn take_set_aside_notice(&self) -> Result<Option<PathBuf>> {
        let key = store::SET_ASIDE_KEY;
        let noted = self.read(|c| meta_get(c, key))?;
        if noted.is_none() || self.read_only.is_some() || self.damage_found().is_some() {
            // Read-only or damaged: said now, and again once the file can be written.
            return Ok(noted.map(PathBuf::from));
        }
        self.write(|tx, _| {
            let path = meta_get(tx, key)?;
            store::meta_delete(tx, key)?;
            Ok(path.map(PathBuf::from))
        })
    }

    /// Calls `listener` after every write of this handle that changed data
    /// (a set logged, an import, a merge from a sync folder), with the
    /// screens that show that data, so a shell refreshes those. Called on
    /// the writing thread after the commit, holding no lock: it may read
    /// from this handle. Writes by another process are not reported.
    pub fn on_change(&self, listener: impl Fn(&[ScreenKind]) + Send + Sync + 'static) {
        *self.change_listener.lock() = Some(Arc::new(listener));
    }

    /// Runs `notice` once whenever a write of this handle has to wait for
    /// another process's write (an import or a sync run from elsewhere), so
    /// a shell can say what it waits for. The write waits, up to
    /// [`store::waiting::WRITE_WAIT`], and goes through. Reads never wait.
    pub fn on_write_wait(&self, notice: impl Fn() + Send + Sync + 'static) {
        *self.wait_notice.lock() = Some(Arc::new(notice));
    }

    /// This device's id (32 hex digits). Read from the database each time:
    /// a sync that finds another copy of this database in use gives this
    /// one a new id ([`crate::sync::MergeReport::new_device_id`]), and every
    /// handle open on the file must stamp with the id it holds now.
    pub fn device_id(&self) -> Result<String> {
        self.read(local_device_id)
    }

    /// The database file, or `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The current time by this handle's clock.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    /// The clock (for the UTC offset of past local times).
    pub(crate) fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// Runs SQLite's full integrity check; `Ok` when the file is sound.
    pub fn integrity_check(&self) -> Result<()> {
        let result = self.read(store::check::integrity_check)?;
        if result == "ok" {
            Ok(())
        } else {
            Err(Error::BadRow {
                table: "sqlite_master",
                column: "*",
                reason: result,
            })
        }
    }

    /// The full id of the live row of `table` whose id is or ends with the
    /// typed `fragment` (tables show the last 8 characters of an id).
    fn resolve_short_id(
        &self,
        table: &'static str,
        entity: &'static str,
        fragment: &str,
    ) -> Result<String> {
        let short = ShortId::parse(entity, fragment)?;
        self.read(|conn| {
            let ids = store::ids_ending_with(conn, table, short.fragment())?;
            short.pick(&ids)
        })
    }

    /// Runs `f` on the connection for reading.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.reads.as_ref().unwrap_or(&self.conn).lock();
        f(&conn).map_err(|e| self.damaged_if_corrupt(e))
    }

    /// A read or write that met a damaged page: the damage is noted (later
    /// writes are refused, here and in later processes) and reported as
    /// [`Error::Damaged`], which names `heft recover`.
    fn damaged_if_corrupt(&self, e: Error) -> Error {
        if !store::is_corruption(&e) {
            return e;
        }
        let problem = e.to_string();
        self.note_damage(problem.clone());
        self.damaged(problem)
    }

    /// Runs `f` in one read transaction, so every statement it runs sees
    /// the same snapshot: without one, each statement sees the database as
    /// it is when it starts, and another process's commit in between would
    /// make the parts of a composite answer disagree. DEFERRED takes no
    /// write lock; in WAL mode writers carry on meanwhile.
    fn read_snapshot<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.reads.as_ref().unwrap_or(&self.conn).lock();
        let snapshot = || {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
            let out = f(&tx)?;
            // Nothing was written: ending the transaction only releases the snapshot.
            tx.commit()?;
            Ok(out)
        };
        snapshot().map_err(|e| self.damaged_if_corrupt(e))
    }

    /// Runs `f` in one write transaction with a clock for stamping rows;
    /// commits only if `f` succeeds.
    fn write<T>(&self, f: impl FnOnce(&Transaction<'_>, &mut Stamper) -> Result<T>) -> Result<T> {
        self.write_or_discard(false, f)
    }

    /// [`Heft::write_or_discard`], with damage met on the way reported as
    /// such ([`Heft::damaged_if_corrupt`]).
    fn write_or_discard<T>(
        &self,
        discard: bool,
        f: impl FnOnce(&Transaction<'_>, &mut Stamper) -> Result<T>,
    ) -> Result<T> {
        let (out, touched) = self
            .write_in_transaction(discard, f)
            .map_err(|e| self.damaged_if_corrupt(e))?;
        if !discard {
            self.tell_stale(&stale_screens(touched.iter().map(String::as_str)));
        }
        Ok(out)
    }

    /// Tells the change listener, if any, that `stale` screens changed.
    fn tell_stale(&self, stale: &[crate::screens::ScreenKind]) {
        let listener = self.change_listener.lock().clone();
        // Called with no lock held, so the listener may read this handle.
        if let (Some(listener), false) = (listener, stale.is_empty()) {
            listener(stale);
        }
    }

    /// Like [`Heft::write`], but with `discard` the transaction is rolled
    /// back after `f` succeeds: a dry run sees exactly what a real run would.
    fn write_in_transaction<T>(
        &self,
        discard: bool,
        f: impl FnOnce(&Transaction<'_>, &mut Stamper) -> Result<T>,
    ) -> Result<(T, BTreeSet<String>)> {
        if let Some(reason) = &self.read_only {
            return Err(Error::ReadOnly {
                reason: reason.clone(),
            });
        }
        self.refuse_if_damaged()?;
        let mut conn = self.conn.lock();
        let notice = self.wait_notice.lock().clone();
        let tx = store::waiting::with_notice(notice, || {
            conn.transaction_with_behavior(TransactionBehavior::Immediate)
        })?;
        // The tables this write touches, reported by the update hook; taken
        // while the connection is still this write's, so another thread's
        // write can neither add to them nor take them.
        self.touched.lock().clear();
        let mut stamper = Stamper::begin(&tx, self.clock.now())?;
        let out = f(&tx, &mut stamper)?;
        // The derived rows of what `f` changed, in the same commit.
        store::derived::refresh(&tx)?;
        if !discard && let Some(at) = *self.check_passed_at.lock() {
            store::check::record(&tx, at)?;
        }
        stamper.save(&tx)?;
        if discard {
            tx.rollback()?;
        } else {
            tx.commit()?;
            self.check_passed_at.lock().take();
        }
        let touched = std::mem::take(&mut *self.touched.lock());
        Ok((out, touched))
    }
}

#[cfg(test)]
impl Heft {
    /// Runs `f` on the connection for reading, from tests outside this module.
    pub(crate) fn read_for_tests<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.read(f)
    }

    /// Runs `f` on the connection outside any of Heft's writes: what an
    /// outside program changing the file would do.
    pub(crate) fn write_for_tests(&self, f: impl FnOnce(&Connection) -> Result<()>) {
        let conn = self.conn.lock();
        f(&conn).unwrap();
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::Arc;

    use chrono::DateTime;

    use super::Heft;
    use crate::clock::FixedClock;

    /// 2026-11-24 18:00 at UTC+1, a Tuesday evening.
    pub const NOW: &str = "2026-11-24T18:00:00+01:00";

    /// An in-memory Heft whose clock reads `at` (RFC 3339).
    pub fn heft_at(at: &str) -> Heft {
        let t = DateTime::parse_from_rfc3339(at).unwrap();
        Heft::open_in_memory(Arc::new(FixedClock(t))).unwrap()
    }

    /// An in-memory Heft at [`NOW`].
    pub fn heft() -> Heft {
        heft_at(NOW)
    }
}
