//! CSV import from other apps and CSV export, on a [`Heft`] handle.
//!
//! An import streams the file through a reader from
//! [`crate::interchange`], maps each set onto an exercise and a workout, and
//! writes everything in one transaction: all of it or none. Ids are derived
//! from what the rows say (app, workout start and name, exercise, set
//! number), never from line numbers, so importing the same file again, or a
//! later export from the same app that has more workouts, adds only what is
//! new.

use std::collections::HashMap;
use std::io::{BufReader, Read, Write};
use std::path::Path;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeDelta, Timelike};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest as _, Sha256};

use super::Heft;
use super::logbook::workout_by_id;
use crate::catalog::guess::{SetShape, guess_exercise};
use crate::catalog::matching::{Matcher, Resolution, normalize};
use crate::clock::Clock;
use crate::interchange::{
    CsvError, CsvLoad, CsvReader, CsvRow, CsvSet, CsvTime, CsvWorkout, CsvWriter, ExportSet, Lift,
    LoadSample, ReadOptions, Source, UnitBasis, UnitEvidence, UnitVerdict, catalog_id_for,
};
use crate::model::{
    Equipment, Exercise, Impact, Load, Measure, SetEntry, SetInput, Timestamp, Unit, Weight,
    WeightUnit, Workout,
};
use crate::progress::{Progress, Ticker};
use crate::store::rows::{self, SET_COLUMNS, SetRow, WORKOUT_COLUMNS};
use crate::validate::{self, Field};
use crate::{Error, Result};

/// Namespace of the ids an import derives (UUID v5).
const ID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6865_6674_2d63_7376_2d69_6d70_6f72_7401);
/// Most custom exercises one import creates (a guard against files that
/// are not workout logs, whose every row would otherwise make one).
const MAX_NEW_EXERCISES: usize = 2000;
/// Highest set position kept from a Heft-layout file (as sync accepts).
const MAX_POSITION: u32 = 1_000_000;
/// Longest workout duration kept (as sync accepts): a week.
const MAX_WORKOUT_S: u32 = 7 * 24 * 3600;
/// Skipped rows listed one by one in a report; the rest are only counted.
const MAX_SKIPS_LISTED: usize = 1000;

/// How to import a CSV file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvImportOptions {
    /// The app that wrote it; `None` to recognise it from the header.
    pub source: Option<Source>,
    /// Unit of weights in files that name none. `None`: told from the
    /// loads (see [`UnitEvidence`]), else the profile's unit; when the loads
    /// do not settle it the import fails with [`CsvError::UnitUnclear`].
    pub unit: Option<WeightUnit>,
    /// Read and check everything, report, and write nothing.
    pub dry_run: bool,
}

/// The unit a file's weights were read in, for a file that names none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UnitDecision {
    /// The unit.
    pub unit: WeightUnit,
    /// Who decided: the caller, the loads, or the profile.
    pub basis: UnitBasis,
    /// Why, for a person ("no unit in the file: weights read as lb: ...").
    pub reason: String,
}

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SkippedRow {
    /// 1-based line in the file.
    pub line: u64,
    /// Why, naming the column when one is at fault.
    pub reason: String,
}

/// What a CSV import did (or, with `dry_run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvImportReport {
    /// The app the file came from.
    pub source: String,
    /// Records read (sets and skipped rows).
    pub rows_read: u64,
    /// Sets found in the file.
    pub sets_read: u64,
    /// Sets new to this database.
    pub added: u64,
    /// Sets whose values changed since an earlier import.
    pub updated: u64,
    /// Sets already here as they are (or deleted here, which an import respects).
    pub unchanged: u64,
    /// Rows not imported: the first ones with line and reason.
    pub skipped: Vec<SkippedRow>,
    /// All rows not imported.
    pub skipped_count: u64,
    /// Rows whose columns were shifted by an unquoted comma and were repaired.
    pub repaired: u64,
    /// Workouts in the file.
    pub workouts: u64,
    /// Workouts new to this database.
    pub workouts_added: u64,
    /// Custom exercises created for names the catalog does not know.
    pub new_exercises: Vec<String>,
    /// Body-weight measurements added (StrongLifts records one per session).
    pub measurements_added: u64,
    /// Notes or names longer than Heft keeps, shortened.
    pub truncated: u64,
    /// Values beyond Heft's limits (typos such as 877777 reps), moved from
    /// their field into the set's note so the set is kept.
    pub values_moved_to_notes: u64,
    /// Whether nothing was written.
    pub dry_run: bool,
    /// For a file that names no unit for its weights: the unit they were
    /// read in and why. `None` when the file names it.
    pub weight_unit: Option<UnitDecision>,
}

/// Column layouts of `export_csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CsvLayout {
    /// Strong's columns, read by the many tools made for Strong exports.
    Strong,
    /// Heft's columns: every field, prescribed and achieved, units per value.
    Heft,
}

/// What a CSV export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CsvExportSummary {
    /// Sets written.
    pub sets: u64,
    /// Workouts they belong to.
    pub workouts: u64,
}

impl Heft {
    /// Imports a CSV export of another app (or Heft's own layout) in one
    /// transaction. Progress counts bytes of the file.
    ///
    /// A file that names no unit for its weights is read in
    /// `opts.unit`, or else in the unit its loads show (the report's
    /// `weight_unit` says which and why); when they do not settle it, the
    /// import fails with [`CsvError::UnitUnclear`] and changes nothing. Such
    /// a file may be read twice (progress then starts over).
    pub fn import_csv(
        &self,
        path: &Path,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
    ) -> Result<CsvImportReport> {
        let open = || -> Result<Box<dyn Read>> {
            let file = std::fs::File::open(path).map_err(|source| Error::Io {
                context: format!("opening {}", path.display()),
                source,
            })?;
            Ok(Box::new(file))
        };
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            context: format!("opening {}", path.display()),
            source,
        })?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        self.import_csv_input(Box::new(file), size, Some(&open), opts, progress)
    }

    /// [`Heft::import_csv`] from any reader; `size` in bytes (0 if unknown)
    /// is for progress only. A file that names no unit for its weights is
    /// held in memory to be read a second time if its loads turn out to be
    /// in the other unit than the one first assumed.
    pub fn import_csv_from(
        &self,
        input: Box<dyn Read + '_>,
        size: u64,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
    ) -> Result<CsvImportReport> {
        self.import_csv_input(input, size, None, opts, progress)
    }

    /// The import; `reopen` opens the file again for a second reading
    /// (without it, the bytes are kept while it is not known to be needed).
    fn import_csv_input<'i>(
        &self,
        input: Box<dyn Read + 'i>,
        size: u64,
        reopen: Option<&dyn Fn() -> Result<Box<dyn Read>>>,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
    ) -> Result<CsvImportReport> {
        let profile_unit = self.profile()?.unit;
        let first_unit = opts.unit.unwrap_or(profile_unit);
        let read = ReadOptions {
            source: opts.source,
            default_unit: first_unit,
        };
        let tape = Tape::new(input, reopen.is_none());
        let mut reader = CsvReader::new(BufReader::with_capacity(64 * 1024, tape), &read)?;
        let named = reader.names_weight_unit();
        let decision = match (named, opts.unit) {
            (true, _) => Some(None),
            (false, Some(unit)) => Some(Some(UnitDecision {
                unit,
                basis: UnitBasis::Given,
                reason: format!(
                    "no unit in the file: weights read as {}, as the import was told",
                    unit.symbol()
                ),
            })),
            // Told by the loads, once read.
            (false, None) => None,
        };
        if decision.is_some() {
            reader.get_mut().get_mut().stop_recording();
        }
        let verdict = match self.import_rows(
            &mut reader,
            size,
            opts,
            progress,
            decision.clone(),
            profile_unit,
        )? {
            Pass::Done(report) => return Ok(report),
            Pass::Again(verdict) => verdict,
        };
        // The loads are in the other unit: read the file again in it.
        let input: Box<dyn Read + 'i> = match reopen {
            Some(open) => open()?,
            None => Box::new(std::io::Cursor::new(reader.get_mut().get_mut().take())),
        };
        drop(reader);
        let read = ReadOptions {
            source: opts.source,
            default_unit: verdict.unit,
        };
        let mut reader = CsvReader::new(
            BufReader::with_capacity(64 * 1024, Tape::new(input, false)),
            &read,
        )?;
        match self.import_rows(
            &mut reader,
            size,
            opts,
            progress,
            Some(Some(verdict)),
            profile_unit,
        )? {
            Pass::Done(report) => Ok(report),
            Pass::Again(_) => Err(Error::Conflict(
                "the file changed while it was imported".to_owned(),
            )),
        }
    }

    /// One reading of the file into the database, in one transaction.
    /// `decision` is the unit decision if already made (`Some(None)`: the
    /// file names its unit); else the loads are weighed as they are read,
    /// in the unit the reader assumed, and the transaction is kept only if
    /// they are in that unit.
    fn import_rows<R: Read>(
        &self,
        reader: &mut CsvReader<R>,
        size: u64,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
        decision: Option<Option<UnitDecision>>,
        profile_unit: WeightUnit,
    ) -> Result<Pass> {
        let now = self.now();
        let clock = self.clock();
        let exercises = self.exercises()?;
        let assumed = opts.unit.unwrap_or(profile_unit);
        let mut again: Option<UnitDecision> = None;
        let result = self.write_or_discard(opts.dry_run, |tx, stamp| {
            crate::store::with_bulk_cache(tx, || {
                let mut import = Import::new(tx, &exercises, reader.source(), clock, now);
                import.report.dry_run = opts.dry_run;
                match &decision {
                    Some(d) => import.report.weight_unit = d.clone(),
                    None => import.evidence = Some(UnitEvidence::default()),
                }
                let mut ticker = Ticker::new(progress, size);
                while let Some(row) = reader.next() {
                    let row = row?;
                    import.report.rows_read += 1;
                    match row {
                        CsvRow::Skip { line, reason } => import.skip(line, reason),
                        CsvRow::Set(set) => {
                            import.report.sets_read += 1;
                            let line = set.line;
                            if let Err(reason) = import.set(&set, &mut || stamp.next()) {
                                match reason {
                                    RowError::Skip(reason) => import.skip(line, reason),
                                    RowError::Fatal(e) => return Err(e),
                                }
                            }
                        }
                    }
                    ticker.tick(reader.bytes_read())?;
                }
                ticker.done(reader.bytes_read().max(size))?;
                if let Some(evidence) = import.evidence.take() {
                    match evidence.verdict(profile_unit) {
                        UnitVerdict::Unclear { reason } => {
                            return Err(CsvError::UnitUnclear { reason }.into());
                        }
                        UnitVerdict::Decided {
                            unit,
                            basis,
                            reason,
                        } => {
                            let d = UnitDecision {
                                unit,
                                basis,
                                reason,
                            };
                            if unit != assumed {
                                // Undo this reading (an error rolls back).
                                again = Some(d);
                                return Err(Error::Cancelled);
                            }
                            import.report.weight_unit = Some(d);
                        }
                    }
                }
                import.report.repaired = reader.repaired();
                let changed = import.report.added + import.report.updated > 0
                    || !import.report.new_exercises.is_empty();
                if changed {
                    // Undo entries describe rows as they were before the import.
                    tx.execute("DELETE FROM undo_entry", [])?;
                }
                Ok(import.report)
            })
        });
        match (result, again) {
            (Err(_), Some(d)) => Ok(Pass::Again(d)),
            (result, _) => result.map(Pass::Done),
        }
    }

    /// Writes every live set, oldest workout first, as CSV in `layout`.
    /// `unit` is the Strong layout's weight unit (default: the profile's).
    pub fn export_csv(
        &self,
        out: &mut dyn Write,
        layout: CsvLayout,
        unit: Option<WeightUnit>,
    ) -> Result<CsvExportSummary> {
        let unit = match unit {
            Some(u) => u,
            None => self.profile()?.unit,
        };
        self.read(|conn| {
            let mut writer = match layout {
                CsvLayout::Strong => CsvWriter::strong(out, unit)?,
                CsvLayout::Heft => CsvWriter::heft(out)?,
            };
            let mut summary = CsvExportSummary {
                sets: 0,
                workouts: 0,
            };
            let mut workouts = conn.prepare(&format!(
                "SELECT {WORKOUT_COLUMNS} FROM workout w WHERE deleted = 0 ORDER BY started_at_ms, id"
            ))?;
            let mut sets = conn.prepare(&format!(
                "SELECT {SET_COLUMNS} FROM set_entry s JOIN exercise e ON e.id = s.exercise_id
                 WHERE s.workout_id = ?1 AND s.deleted = 0 ORDER BY s.position, s.performed_at_ms"
            ))?;
            let mut rows = workouts.query([])?;
            while let Some(row) = rows.next()? {
                let workout = rows::workout(row)?;
                let list: Vec<SetEntry> = sets
                    .query_and_then([&workout.id], rows::set_entry)?
                    .collect::<Result<_>>()?;
                if list.is_empty() {
                    continue;
                }
                summary.workouts += 1;
                for set in &list {
                    writer.write(ExportSet {
                        workout: &workout,
                        set,
                    })?;
                    summary.sets += 1;
                }
            }
            writer.finish()?;
            Ok(summary)
        })
    }
}

/// What one reading of a file came to.
enum Pass {
    /// The import (or the dry run) is done.
    Done(CsvImportReport),
    /// The loads are in the other unit than assumed: nothing was kept, read
    /// the file again in this one.
    Again(UnitDecision),
}

/// The bytes under a CSV reader, kept (while `recording`) so that the file
/// can be read a second time when it cannot be opened again.
struct Tape<'a> {
    inner: Box<dyn Read + 'a>,
    recording: bool,
    kept: Vec<u8>,
}

impl<'a> Tape<'a> {
    fn new(inner: Box<dyn Read + 'a>, recording: bool) -> Self {
        Tape {
            inner,
            recording,
            kept: Vec::new(),
        }
    }

    /// Stops keeping bytes and frees those kept.
    fn stop_recording(&mut self) {
        self.recording = false;
        self.kept = Vec::new();
    }

    /// The bytes kept so far.
    fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.kept)
    }
}

impl Read for Tape<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.recording {
            self.kept.extend_from_slice(buf.get(..n).unwrap_or(&[]));
        }
        Ok(n)
    }
}

/// Why a set was not imported.
enum RowError {
    /// Skip the row with this reason.
    Skip(String),
    /// Stop the import.
    Fatal(Error),
}

impl From<Error> for RowError {
    fn from(e: Error) -> Self {
        RowError::Fatal(e)
    }
}

impl From<rusqlite::Error> for RowError {
    fn from(e: rusqlite::Error) -> Self {
        RowError::Fatal(e.into())
    }
}

/// A workout met during this import.
struct SeenWorkout {
    id: String,
    /// Deleted in this database: its sets are left alone.
    deleted: bool,
    /// Not in this database before this import: no set with an id derived
    /// from it can be here either (a set's workout must exist), so its sets
    /// are inserted without looking them up first.
    new: bool,
    /// Next set position.
    next_position: u32,
    /// When it started, as the file says (see [`workout_start`]) and as
    /// stored, so its sets need not convert the same time again.
    start: (CsvTime, Timestamp),
}

/// The state of one import.
struct Import<'a> {
    conn: &'a Connection,
    source: Source,
    clock: &'a dyn Clock,
    now: DateTime<FixedOffset>,
    matcher: Matcher<'a>,
    exercises: &'a [Exercise],
    /// Exercise name as written -> the exercise (catalog, existing custom or new).
    by_name: HashMap<String, Result<Rc<Exercise>, String>>,
    /// Exercise id (Heft layout) -> the exercise.
    by_id: HashMap<String, Rc<Exercise>>,
    /// The workout of the previous set: files list a workout's rows
    /// together, so most sets find theirs here without a lookup.
    current: Option<(WorkoutKey, SeenWorkout)>,
    /// Every other workout met so far.
    workouts: HashMap<WorkoutKey, SeenWorkout>,
    /// Scratch space for digests.
    digest_buf: Vec<u8>,
    /// What the loads say about their unit, for a file that names none.
    evidence: Option<UnitEvidence>,
    report: CsvImportReport,
}

/// What identifies a workout in a file: its id (Heft layout), start and
/// name. Two starts are the same when they print the same (the derived id
/// is made from the printed start): local times to the second, exact times
/// with their offset.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct WorkoutKey {
    id: Option<String>,
    start: KeyStart,
    name: Option<String>,
}

/// The start of a [`WorkoutKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum KeyStart {
    /// A local time, to the second.
    Local(NaiveDateTime),
    /// An exact time: local time and offset in seconds.
    Exact(NaiveDateTime, i32),
}

impl KeyStart {
    fn of(t: CsvTime) -> KeyStart {
        match t {
            // Whole seconds (a leap second stays one).
            CsvTime::Local(t) => {
                let ns = t.nanosecond();
                KeyStart::Local(t.with_nanosecond(ns - ns % 1_000_000_000).unwrap_or(t))
            }
            CsvTime::Exact(t) => KeyStart::Exact(t.naive_local(), t.offset().local_minus_utc()),
        }
    }
}

impl WorkoutKey {
    fn of(w: &CsvWorkout) -> WorkoutKey {
        WorkoutKey {
            id: w.id.clone(),
            start: KeyStart::of(w.start),
            name: w.name.clone(),
        }
    }

    /// Whether `w` has this key (without building one).
    fn matches(&self, w: &CsvWorkout) -> bool {
        self.start == KeyStart::of(w.start) && self.name == w.name && self.id == w.id
    }
}

/// The start of a workout as its derived id and its legacy digest print it.
fn key_start_text(t: CsvTime) -> String {
    match t {
        CsvTime::Local(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        CsvTime::Exact(t) => t.to_rfc3339(),
    }
}

impl<'a> Import<'a> {
    fn new(
        conn: &'a Connection,
        exercises: &'a [Exercise],
        source: Source,
        clock: &'a dyn Clock,
        now: DateTime<FixedOffset>,
    ) -> Self {
        Import {
            conn,
            source,
            clock,
            now,
            matcher: Matcher::new(exercises),
            exercises,
            by_name: HashMap::new(),
            by_id: HashMap::new(),
            current: None,
            workouts: HashMap::new(),
            digest_buf: Vec::with_capacity(256),
            evidence: None,
            report: CsvImportReport {
                source: source.as_str().to_owned(),
                ..CsvImportReport::default()
            },
        }
    }

    fn skip(&mut self, line: u64, reason: String) {
        self.report.skipped_count += 1;
        if self.report.skipped.len() < MAX_SKIPS_LISTED {
            self.report.skipped.push(SkippedRow { line, reason });
        }
    }

    fn derived_id(&self, parts: &[&str]) -> String {
        let mut name = String::from(self.source.as_str());
        for p in parts {
            name.push('\u{1f}');
            name.push_str(p);
        }
        uuid::Uuid::new_v5(&ID_NAMESPACE, name.as_bytes()).to_string()
    }

    fn instant(&self, t: CsvTime, field: &str) -> Result<Timestamp, RowError> {
        let at = match t {
            CsvTime::Exact(at) => at,
            CsvTime::Local(naive) => naive
                .and_local_timezone(self.clock.offset_at(naive))
                .single()
                .ok_or_else(|| RowError::Skip(format!("{field}: time out of range")))?,
        };
        if at.offset().local_minus_utc().abs() > 18 * 3600 {
            return Err(RowError::Skip(format!(
                "{field}: UTC offset beyond 18 hours"
            )));
        }
        validate::instant(Field::Date, at, self.now)
            .map_err(|e| RowError::Skip(format!("{field}: {}", e.problem)))?;
        Ok(Timestamp(at))
    }

    /// Imports one set.
    fn set(&mut self, set: &CsvSet, stamp: &mut dyn FnMut() -> String) -> Result<(), RowError> {
        let exercise = self.exercise(set, stamp)?;
        if let Some(evidence) = self.evidence.as_mut()
            && let CsvLoad::Weight(Some(w)) = set.load
        {
            evidence.add(&LoadSample {
                value: w.milli() as f64 / 1000.0,
                reps: set.reps,
                barbell: exercise.equipment == Equipment::Barbell,
                lift: Lift::of_catalog_id(&exercise.id),
            });
        }
        let Some(placed) = self.workout(&set.workout, stamp)? else {
            // The workout was deleted here; the import respects that.
            self.report.unchanged += 1;
            return Ok(());
        };
        let start = workout_start(&set.workout);
        let started = if same_time(start, placed.start.0) {
            placed.start.1
        } else {
            self.instant(start, "date")?
        };
        let at = match set.performed_at {
            Some(t) => self.instant(t, "performed_at")?,
            None => started,
        };
        let mut input = self.input(set, &exercise);
        self.keep_what_fits(&mut input)?;
        let (id, derived) = match &set.id {
            Some(id) => (check_id(id, "set_id")?, false),
            // The workout and the set's place in it, as the file orders its
            // sets: the same file gives the same ids, and a later export with
            // more workouts gives the old sets their old ids.
            None => (
                self.derived_id(&["set", &placed.workout_id, &placed.position.to_string()]),
                true,
            ),
        };
        let position = match (self.source, set.order) {
            (Source::Heft, p) if p > 0 && p <= MAX_POSITION => p,
            _ => placed.position,
        };
        let new = NewSet {
            id,
            workout_id: placed.workout_id,
            position,
            performed_at: at,
            input,
            target: set.target.and_then(target_within_limits),
        };
        self.write_set(&new, derived && placed.new, set, stamp)
    }

    /// Writes a set unless this database already has what the file says.
    ///
    /// A set imported before is changed only when the file's values for it
    /// changed since (its digest differs): an edit made in Heft afterwards
    /// is not reverted by importing the same file again. Sets from Heft's
    /// own layout that exist here are left alone: this database's copy is
    /// the newer one, and sync carries edits between devices. A set whose
    /// id was derived from a workout this import created (`fresh`) cannot
    /// be here yet and is inserted without being looked up (should it be
    /// here after all, the insert fails and the import stops, changing
    /// nothing).
    fn write_set(
        &mut self,
        new: &NewSet,
        fresh: bool,
        set: &CsvSet,
        stamp: &mut dyn FnMut() -> String,
    ) -> Result<(), RowError> {
        let digest = (self.source != Source::Heft).then(|| self.set_digest(set));
        if !fresh {
            let existing: Option<(bool, Remembered)> = self
                .conn
                .prepare_cached("SELECT deleted, import_digest FROM set_entry WHERE id = ?1")?
                .query_row([&new.id], |r| {
                    Ok((r.get::<_, bool>(0)?, Remembered::of(r.get_ref(1)?)))
                })
                .optional()?;
            match existing {
                Some((true, _)) => {
                    self.report.unchanged += 1;
                    return Ok(());
                }
                Some((false, remembered)) => {
                    let Some(digest) = digest else {
                        // Heft's layout: this database's copy stays.
                        self.report.unchanged += 1;
                        return Ok(());
                    };
                    match remembered.compare(&digest, || legacy_set_digest(set)) {
                        Compared::Same => {}
                        Compared::SameLegacy => self.remember("set_entry", &new.id, &digest)?,
                        Compared::Differs => {
                            let stored = super::logbook::set_by_id(self.conn, &new.id)?;
                            if !same_set(&stored, new) {
                                self.report.updated += 1;
                                write_set_row(self.conn, new, Some(&digest), &stamp(), false)?;
                                return Ok(());
                            }
                            self.remember("set_entry", &new.id, &digest)?;
                        }
                    }
                    self.report.unchanged += 1;
                    return Ok(());
                }
                None => {}
            }
        }
        self.report.added += 1;
        write_set_row(self.conn, new, digest.as_ref(), &stamp(), true)?;
        Ok(())
    }

    /// Makes a set storable without losing it: a value beyond Heft's limits
    /// (a typo such as 877777 reps) leaves its field and goes into the note,
    /// with the reason. Another app did not check what Heft checks, so a set
    /// is kept even when it does not carry what its exercise is measured by
    /// (a plank logged with reps), as long as it carries something.
    fn keep_what_fits(&mut self, input: &mut SetInput) -> Result<(), RowError> {
        for _ in 0..12 {
            let Err(e) = validate::set_values(input) else {
                break;
            };
            let moved = match e.field {
                Field::Weight | Field::AddedWeight => {
                    let text = match input.load {
                        Load::Weight { weight }
                        | Load::Bodyweight {
                            added: Some(weight),
                        } => {
                            format!("{} {}", weight.value(), weight.unit().symbol())
                        }
                        _ => String::new(),
                    };
                    input.load = match input.load {
                        Load::Bodyweight { .. } => Load::Bodyweight { added: None },
                        _ => Load::None,
                    };
                    text
                }
                Field::Reps => input.reps.take().map(|r| r.to_string()).unwrap_or_default(),
                Field::Rir | Field::Rpe => input
                    .effort
                    .take()
                    .map(|e| match e {
                        crate::model::Effort::Rir(v) => format!("RIR {v}"),
                        crate::model::Effort::Rpe(v) => format!("RPE {v}"),
                    })
                    .unwrap_or_default(),
                Field::Duration => input
                    .duration_ms
                    .take()
                    .map(|ms| format!("{} s", ms / 1000))
                    .unwrap_or_default(),
                Field::Distance => input
                    .distance
                    .take()
                    .map(|d| format!("{} {}", d.value(), d.unit().symbol()))
                    .unwrap_or_default(),
                Field::Landings | Field::DropHeight => {
                    input.impact = None;
                    String::new()
                }
                Field::Pain => input.pain.take().map(|p| p.to_string()).unwrap_or_default(),
                Field::Note => {
                    input.note = None;
                    self.report.truncated += 1;
                    continue;
                }
                _ => {
                    return Err(RowError::Skip(format!(
                        "{}: {}",
                        e.field.as_str(),
                        e.problem
                    )));
                }
            };
            let remark = format!(
                "[import: {} {moved} left out: {}]",
                e.field.as_str(),
                e.problem
            );
            input.note = Some(match input.note.take() {
                Some(n) => {
                    // Shorten the note rather than lose the remark or the note.
                    let room = validate::MAX_NOTE_CHARS.saturating_sub(remark.chars().count() + 1);
                    if n.chars().count() > room {
                        self.report.truncated += 1;
                    }
                    let kept: String = n.chars().take(room).collect();
                    format!("{kept} {remark}")
                }
                None => remark,
            });
            self.report.values_moved_to_notes += 1;
        }
        validate::set_values(input)
            .map_err(|e| RowError::Skip(format!("{}: {}", e.field.as_str(), e.problem)))?;
        if input.reps.is_none()
            && input.duration_ms.is_none()
            && input.distance.is_none()
            && matches!(input.load, Load::None)
            && input.note.is_none()
        {
            return Err(RowError::Skip("no reps, weight, time or distance".into()));
        }
        Ok(())
    }

    /// The digest of a set's values in the file (see [`Fields`]).
    fn set_digest(&mut self, set: &CsvSet) -> Digest {
        let mut f = Fields::new(&mut self.digest_buf, "set");
        f.text(&set.exercise);
        f.text(set.kind.as_str());
        match set.load {
            CsvLoad::Weight(w) => {
                f.tag(0);
                f.weight(w);
            }
            CsvLoad::Exact(load) => {
                f.tag(1);
                f.load(load);
            }
        }
        f.opt_int(set.reps.map(i64::from));
        f.effort(set.effort);
        f.opt_int(set.duration_ms.map(i64::from));
        f.quantity(set.distance.map(|d| (d.milli(), d.unit().symbol())));
        f.opt_int(set.landings.map(i64::from));
        f.opt_real(set.drop_height_cm);
        f.opt_int(set.pain.map(i64::from));
        f.opt_text(set.note.as_deref());
        match set.target {
            None => f.tag(0),
            Some(t) => {
                f.tag(1);
                f.weight(t.weight);
                f.opt_int(t.reps.map(i64::from));
                f.opt_real(t.rir);
            }
        }
        f.time(set.performed_at);
        f.finish()
    }

    /// The digest of a workout's values in the file (see [`Fields`]).
    fn workout_digest(&mut self, w: &CsvWorkout, start: &str) -> Digest {
        let mut f = Fields::new(&mut self.digest_buf, "workout");
        f.opt_text(w.id.as_deref());
        f.text(start);
        f.opt_text(w.name.as_deref());
        f.opt_int(w.duration_s.map(i64::from));
        f.time(w.end);
        f.opt_text(w.note.as_deref());
        f.weight(w.body_weight);
        f.finish()
    }

    /// Remembers `digest` as what the file says of row `id` of `table`
    /// (`set_entry` or `workout`), leaving the row itself as it is.
    fn remember(&self, table: &str, id: &str, digest: &Digest) -> Result<(), RowError> {
        let sql = if table == "workout" {
            "UPDATE workout SET import_digest = ?2 WHERE id = ?1"
        } else {
            "UPDATE set_entry SET import_digest = ?2 WHERE id = ?1"
        };
        self.conn.prepare_cached(sql)?.execute((id, &digest[..]))?;
        Ok(())
    }

    /// The set as Heft stores it.
    fn input(&mut self, set: &CsvSet, exercise: &Exercise) -> SetInput {
        let load = match set.load {
            CsvLoad::Exact(load) => load,
            CsvLoad::Weight(w) => load_for(w, exercise),
        };
        let impact = set.landings.filter(|&n| n > 0).map(|landings| Impact {
            landings,
            drop_height_cm: set.drop_height_cm,
        });
        let note = set
            .note
            .as_deref()
            .and_then(|n| self.text(n, validate::MAX_NOTE_CHARS));
        let duration_ms = set.duration_ms.filter(|&ms| ms > 0);
        let distance = set.distance.filter(|d| d.milli() > 0);
        // Strong writes 0 in Reps for timed and distance sets: no reps, not a failed rep.
        let reps = set
            .reps
            .filter(|&r| r > 0 || (duration_ms.is_none() && distance.is_none()));
        SetInput {
            exercise_id: exercise.id.clone(),
            kind: set.kind,
            load,
            reps,
            effort: set.effort,
            duration_ms,
            distance,
            impact,
            pain: set.pain,
            note,
            // Only Heft's own layout records these.
            role: set.role,
            effort_source: set.effort_source,
            band: set.band.clone(),
        }
    }

    /// Text as Heft keeps it: line breaks normalised, control characters
    /// dropped, at most `max` characters; `None` when blank.
    fn text(&mut self, text: &str, max: usize) -> Option<String> {
        let cleaned: String = text
            .replace("\r\n", "\n")
            .chars()
            .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
            .collect();
        let cleaned = cleaned.trim();
        if cleaned.is_empty() {
            return None;
        }
        if cleaned.chars().count() > max {
            self.report.truncated += 1;
            return Some(cleaned.chars().take(max).collect());
        }
        Some(cleaned.to_owned())
    }

    /// The exercise a set's name stands for: one the person already has, one
    /// of the catalog, or a new custom exercise.
    fn exercise(
        &mut self,
        set: &CsvSet,
        stamp: &mut dyn FnMut() -> String,
    ) -> Result<Rc<Exercise>, RowError> {
        if let Some(id) = &set.exercise_id {
            if let Some(e) = self.by_id.get(id) {
                return Ok(Rc::clone(e));
            }
            if let Some(e) = self.exercises.iter().find(|e| &e.id == id) {
                let e = Rc::new(e.clone());
                self.by_id.insert(id.clone(), Rc::clone(&e));
                return Ok(e);
            }
        }
        if let Some(found) = self.by_name.get(&set.exercise) {
            return found.clone().map_err(RowError::Skip);
        }
        let found = self.resolve(set, stamp)?;
        self.by_name.insert(set.exercise.clone(), found.clone());
        found.map_err(RowError::Skip)
    }

    fn resolve(
        &mut self,
        set: &CsvSet,
        stamp: &mut dyn FnMut() -> String,
    ) -> Result<Result<Rc<Exercise>, String>, RowError> {
        let name = set.exercise.trim();
        if let Err(e) = validate::name(Field::Exercise, name) {
            return Ok(Err(format!("exercise name: {}", e.problem)));
        }
        let by_alias =
            catalog_id_for(name).and_then(|id| self.exercises.iter().find(|e| e.id == id));
        if let Some(e) = by_alias {
            return Ok(Ok(Rc::new(e.clone())));
        }
        if let Resolution::Found { id, by_typo: false } = self.matcher.resolve(name)
            && let Some(e) = self.exercises.iter().find(|e| e.id == id)
        {
            return Ok(Ok(Rc::new(e.clone())));
        }
        if self.report.new_exercises.len() >= MAX_NEW_EXERCISES {
            return Ok(Err(format!(
                "exercise: more than {MAX_NEW_EXERCISES} names the catalog does not know; is this a workout export?"
            )));
        }
        // A new custom exercise. Its id comes from its name, so two devices
        // importing the same file make the same exercise.
        let key = normalize(name).key().to_owned();
        let id = uuid::Uuid::new_v5(&ID_NAMESPACE, format!("exercise\u{1f}{key}").as_bytes())
            .to_string();
        let exercise = guess_exercise(id, name, &set_shape(set));
        let exists: Option<bool> = self
            .conn
            .prepare_cached("SELECT deleted FROM exercise WHERE id = ?1")?
            .query_row([&exercise.id], |r| r.get(0))
            .optional()?;
        match exists {
            Some(false) => {}
            Some(true) => {
                self.conn.execute(
                    "UPDATE exercise SET deleted = 0, hlc = ?2 WHERE id = ?1",
                    (&exercise.id, stamp()),
                )?;
                self.report.new_exercises.push(exercise.name.clone());
            }
            None => {
                rows::upsert_exercise(self.conn, &exercise, &stamp())?;
                self.report.new_exercises.push(exercise.name.clone());
            }
        }
        Ok(Ok(Rc::new(exercise)))
    }

    /// The workout a set belongs to, written if new or changed, and the
    /// set's place in it; `None` when it was deleted here.
    fn workout(
        &mut self,
        w: &CsvWorkout,
        stamp: &mut dyn FnMut() -> String,
    ) -> Result<Option<Placed>, RowError> {
        if let Some((key, seen)) = &mut self.current
            && key.matches(w)
        {
            return Ok(seen.place());
        }
        let key = WorkoutKey::of(w);
        let mut seen = match self.workouts.remove(&key) {
            Some(seen) => seen,
            None => self.first_seen(w, stamp)?,
        };
        let placed = seen.place();
        if let Some((k, s)) = self.current.replace((key, seen)) {
            self.workouts.insert(k, s);
        }
        Ok(placed)
    }

    /// A workout met for the first time in this import, written if new or
    /// changed in the file.
    fn first_seen(
        &mut self,
        w: &CsvWorkout,
        stamp: &mut dyn FnMut() -> String,
    ) -> Result<SeenWorkout, RowError> {
        let start_text = key_start_text(w.start);
        let id = match &w.id {
            Some(id) => check_id(id, "workout_id")?,
            None => self.derived_id(&["workout", &start_text, w.name.as_deref().unwrap_or("")]),
        };
        let start = workout_start(w);
        let started = self.instant(start, "date")?;
        let end = match w.end {
            Some(end) => Some(self.instant(end, "end")?),
            None => None,
        };

        let name = w
            .name
            .as_deref()
            .and_then(|n| self.text(n, validate::MAX_NAME_CHARS));
        let mut note = w
            .note
            .as_deref()
            .and_then(|n| self.text(n, validate::MAX_NOTE_CHARS));
        let duration_s = match w.duration_s {
            Some(s) if s > MAX_WORKOUT_S => {
                // A workout left running for days in the other app.
                let remark = format!("[import: duration {s} s left out: longer than a week]");
                let room = validate::MAX_NOTE_CHARS.saturating_sub(remark.chars().count() + 1);
                note = Some(match note {
                    Some(n) => format!("{} {remark}", n.chars().take(room).collect::<String>()),
                    None => remark,
                });
                self.report.values_moved_to_notes += 1;
                None
            }
            other => other,
        };
        let finished = match (end, duration_s) {
            (Some(end), _) => end,
            (None, Some(s)) => Timestamp(started.0 + TimeDelta::seconds(i64::from(s))),
            (None, None) => started,
        };
        let finished = if finished < started {
            started
        } else {
            finished
        };
        let workout = Workout {
            id: id.clone(),
            name,
            started_at: started,
            finished_at: Some(finished),
            duration_s,
            note,
        };
        let digest = (self.source != Source::Heft).then(|| self.workout_digest(w, &start_text));
        let state: Option<(bool, Remembered)> = self
            .conn
            .prepare_cached("SELECT deleted, import_digest FROM workout WHERE id = ?1")?
            .query_row([&id], |r| {
                Ok((r.get::<_, bool>(0)?, Remembered::of(r.get_ref(1)?)))
            })
            .optional()?;
        self.report.workouts += 1;
        let deleted = matches!(state, Some((true, _)));
        let new = state.is_none();
        match state {
            Some((true, _)) => {}
            Some((false, remembered)) => {
                if let Some(digest) = &digest {
                    match remembered.compare(digest, || legacy_workout_digest(w, &start_text)) {
                        Compared::Same => {}
                        Compared::SameLegacy => self.remember("workout", &id, digest)?,
                        Compared::Differs => {
                            let stored = workout_by_id(self.conn, &id)?;
                            // An open workout stays open: the person is still logging it.
                            if !stored.is_open() && stored != workout {
                                write_workout(self.conn, &workout, Some(digest), &stamp())?;
                            } else {
                                self.remember("workout", &id, digest)?;
                            }
                        }
                    }
                }
            }
            None => {
                write_workout(self.conn, &workout, digest.as_ref(), &stamp())?;
                self.report.workouts_added += 1;
            }
        }
        if let Some(bw) = w.body_weight.filter(|_| !deleted) {
            self.body_weight(&id, bw, started, stamp)?;
        }
        Ok(SeenWorkout {
            id,
            deleted,
            new,
            next_position: 1,
            start: (start, started),
        })
    }

    /// Records the body weight a session noted, once.
    fn body_weight(
        &mut self,
        workout_id: &str,
        bw: Weight,
        at: Timestamp,
        stamp: &mut dyn FnMut() -> String,
    ) -> Result<(), RowError> {
        if validate::weight(Field::Weight, bw, false).is_err() || bw.milli() <= 0 {
            return Ok(());
        }
        let id = self.derived_id(&["body_weight", workout_id]);
        let inserted = self.conn.execute(
            "INSERT INTO measurement (id, kind, site, value, unit, measured_at_ms, offset_min, note, hlc, deleted)
             VALUES (?1, 'body_weight', NULL, ?2, ?3, ?4, ?5, NULL, ?6, 0) ON CONFLICT (id) DO NOTHING",
            (&id, bw.value(), bw.unit().symbol(), at.utc_ms(), at.offset_min(), stamp()),
        )?;
        self.report.measurements_added += inserted as u64;
        Ok(())
    }
}

/// When a workout started; a file with dates only (FitNotes, StrongLifts)
/// gets noon, as a set logged with a date and no time does.
fn workout_start(w: &CsvWorkout) -> CsvTime {
    match w.start {
        CsvTime::Local(t) if !w.time_known => {
            CsvTime::Local(t.date().and_hms_opt(12, 0, 0).unwrap_or(t))
        }
        other => other,
    }
}

/// What an import remembers of a row's values in the file, in the row's
/// local `import_digest` column (a blob): the first 16 bytes of SHA-256 of
/// the values as [`Fields`] encodes them. Schema 4 kept another digest, as
/// text ([`legacy_digest`]); a row imported then still carries it.
type Digest = [u8; 16];

/// The digest a row remembers, as read.
enum Remembered {
    /// None (a row not imported from CSV, or from Heft's layout).
    Nothing,
    /// A [`Digest`].
    Digest(Digest),
    /// A digest of schema 4 ([`legacy_digest`]).
    Legacy(String),
}

/// What a row remembers compared with the file's values now.
enum Compared {
    /// The file says what it said when the row was imported.
    Same,
    /// The same, by a schema-4 digest, which should be replaced.
    SameLegacy,
    /// The file changed (or the row was not imported from a file).
    Differs,
}

impl Remembered {
    fn of(v: ValueRef<'_>) -> Remembered {
        match v {
            ValueRef::Blob(b) => {
                Digest::try_from(b).map_or(Remembered::Nothing, Remembered::Digest)
            }
            ValueRef::Text(t) => Remembered::Legacy(String::from_utf8_lossy(t).into_owned()),
            _ => Remembered::Nothing,
        }
    }

    /// Compares with `digest`, or with `legacy()` for a schema-4 digest.
    fn compare(&self, digest: &Digest, legacy: impl FnOnce() -> String) -> Compared {
        match self {
            Remembered::Digest(d) if d == digest => Compared::Same,
            Remembered::Legacy(d) if *d == legacy() => Compared::SameLegacy,
            _ => Compared::Differs,
        }
    }
}

/// The values of a row in a file, encoded for its [`Digest`]: each field
/// written in order, lengths before text and a tag before every optional
/// or enumerated value, so different values never encode the same.
struct Fields<'b>(&'b mut Vec<u8>);

impl<'b> Fields<'b> {
    fn new(buf: &'b mut Vec<u8>, what: &str) -> Self {
        buf.clear();
        let mut f = Fields(buf);
        f.text(what);
        f
    }

    fn tag(&mut self, t: u8) {
        self.0.push(t);
    }

    fn int(&mut self, n: i64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn real(&mut self, x: f64) {
        self.0.extend_from_slice(&x.to_bits().to_le_bytes());
    }

    fn text(&mut self, s: &str) {
        self.int(s.len() as i64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt_int(&mut self, n: Option<i64>) {
        match n {
            None => self.tag(0),
            Some(n) => {
                self.tag(1);
                self.int(n);
            }
        }
    }

    fn opt_real(&mut self, x: Option<f64>) {
        match x {
            None => self.tag(0),
            Some(x) => {
                self.tag(1);
                self.real(x);
            }
        }
    }

    fn opt_text(&mut self, s: Option<&str>) {
        match s {
            None => self.tag(0),
            Some(s) => {
                self.tag(1);
                self.text(s);
            }
        }
    }

    /// A weight or distance: thousandths and unit.
    fn quantity(&mut self, q: Option<(i64, &str)>) {
        match q {
            None => self.tag(0),
            Some((milli, unit)) => {
                self.tag(1);
                self.int(milli);
                self.text(unit);
            }
        }
    }

    fn weight(&mut self, w: Option<Weight>) {
        self.quantity(w.map(|w| (w.milli(), w.unit().symbol())));
    }

    fn load(&mut self, load: Load) {
        match load {
            Load::None => self.tag(0),
            Load::Weight { weight } => {
                self.tag(1);
                self.weight(Some(weight));
            }
            Load::Bodyweight { added } => {
                self.tag(2);
                self.weight(added);
            }
        }
    }

    fn effort(&mut self, e: Option<crate::model::Effort>) {
        match e {
            None => self.tag(0),
            Some(crate::model::Effort::Rir(x)) => {
                self.tag(1);
                self.real(x);
            }
            Some(crate::model::Effort::Rpe(x)) => {
                self.tag(2);
                self.real(x);
            }
        }
    }

    fn time(&mut self, t: Option<CsvTime>) {
        match t {
            None => self.tag(0),
            Some(CsvTime::Local(t)) => {
                self.tag(1);
                self.int(t.and_utc().timestamp());
                self.int(i64::from(t.nanosecond()));
            }
            Some(CsvTime::Exact(t)) => {
                self.tag(2);
                self.int(t.timestamp());
                self.int(i64::from(t.nanosecond()));
                self.int(i64::from(t.offset().local_minus_utc()));
            }
        }
    }

    fn finish(self) -> Digest {
        let hash = Sha256::digest(&self.0[..]);
        let mut d = [0; 16];
        d.copy_from_slice(&hash[..16]);
        d
    }
}

/// The digest schema 4 remembered (as text in its `import_digest` table,
/// moved into the rows by schema 5): SHA-256 of the `Debug` text of the
/// values, 16 bytes as hex.
fn legacy_digest(text: &str) -> String {
    crate::sync::format::hex(&Sha256::digest(text.as_bytes())[..16])
}

/// The digest older builds remembered for a set (the `Debug` text of its
/// values), to recognise the sets they imported.
fn legacy_set_digest(set: &CsvSet) -> String {
    legacy_digest(&format!(
        "{:?}",
        (
            (&set.exercise, set.kind, set.load, set.reps, set.effort),
            (
                set.duration_ms,
                set.distance,
                set.landings,
                set.drop_height_cm
            ),
            (set.pain, &set.note, set.target, set.performed_at),
        )
    ))
}

/// The digest older builds remembered for a workout; `start` as
/// [`key_start_text`] prints it.
fn legacy_workout_digest(w: &CsvWorkout, start: &str) -> String {
    // The key as those builds held it: its `Debug` text is part of the
    // digest (which is how its fields are read).
    #[derive(Debug)]
    #[allow(dead_code)]
    struct WorkoutKey<'a> {
        id: &'a Option<String>,
        start: &'a str,
        name: &'a Option<String>,
    }
    let key = WorkoutKey {
        id: &w.id,
        start,
        name: &w.name,
    };
    legacy_digest(&format!(
        "{:?}",
        (&key, w.duration_s, w.end, &w.note, w.body_weight)
    ))
}

/// Whether two starts are the same time written the same way (an exact
/// time also with the same offset).
fn same_time(a: CsvTime, b: CsvTime) -> bool {
    match (a, b) {
        (CsvTime::Local(a), CsvTime::Local(b)) => a == b,
        (CsvTime::Exact(a), CsvTime::Exact(b)) => a == b && a.offset() == b.offset(),
        _ => false,
    }
}

/// A prescription as far as it is within Heft's limits (others' files may
/// carry anything there).
fn target_within_limits(t: crate::model::SetTarget) -> Option<crate::model::SetTarget> {
    let t = crate::model::SetTarget {
        weight: t
            .weight
            .filter(|&w| validate::weight(Field::Weight, w, false).is_ok()),
        reps: t.reps.filter(|&r| r <= validate::MAX_REPS),
        rir: t.rir.filter(|r| r.is_finite() && (0.0..=10.0).contains(r)),
    };
    (t.weight.is_some() || t.reps.is_some() || t.rir.is_some()).then_some(t)
}

fn check_id(id: &str, field: &str) -> Result<String, RowError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(id.to_owned())
    } else {
        Err(RowError::Skip(format!("{field}: not an id")))
    }
}

/// Writes workout `w` (new or replacing the values of the one with its id)
/// stamped `hlc`, with the digest of the file's values for it.
fn write_workout(conn: &Connection, w: &Workout, digest: Option<&Digest>, hlc: &str) -> Result<()> {
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
        digest.map(|d| &d[..]),
    ])?;
    Ok(())
}

/// A set as an import writes it.
struct NewSet {
    id: String,
    workout_id: String,
    position: u32,
    performed_at: Timestamp,
    input: SetInput,
    target: Option<crate::model::SetTarget>,
}

/// Where a set goes: its workout and its place there.
struct Placed {
    workout_id: String,
    position: u32,
    /// The workout is new in this import ([`SeenWorkout::new`]).
    new: bool,
    start: (CsvTime, Timestamp),
}

impl SeenWorkout {
    /// The next set's place in this workout; `None` when it was deleted here.
    fn place(&mut self) -> Option<Placed> {
        if self.deleted {
            return None;
        }
        let position = self.next_position;
        self.next_position += 1;
        Some(Placed {
            workout_id: self.id.clone(),
            position,
            new: self.new,
            start: self.start,
        })
    }
}

/// Inserts set `s` (`insert`) or replaces the values of the live set with
/// its id, stamped `hlc`, with the digest of the file's values for it.
fn write_set_row(
    conn: &Connection,
    s: &NewSet,
    digest: Option<&Digest>,
    hlc: &str,
    insert: bool,
) -> Result<()> {
    let row = SetRow {
        id: &s.id,
        workout_id: &s.workout_id,
        position: s.position,
        performed_at: s.performed_at,
        input: &s.input,
        target: s.target,
        hlc,
        import_digest: digest.map(|d| &d[..]),
    };
    if insert {
        row.insert(conn)
    } else {
        row.replace(conn).map(|_| ())
    }
}

/// Whether a stored set already holds what the file says.
fn same_set(stored: &SetEntry, new: &NewSet) -> bool {
    stored.workout_id == new.workout_id
        && stored.position == new.position
        && stored.performed_at == new.performed_at
        && stored.input == new.input
        && stored.target == new.target
}

/// What a set tells of how its exercise is measured, for a name the catalog
/// does not know.
fn set_shape(set: &CsvSet) -> SetShape<'_> {
    let weight = match set.load {
        CsvLoad::Weight(w) => w.is_some_and(|w| w.milli() != 0),
        CsvLoad::Exact(Load::Weight { .. }) => true,
        CsvLoad::Exact(_) => false,
    };
    SetShape {
        category: set.category.as_deref(),
        weight,
        reps: set.reps.is_some(),
        timed: set.duration_ms.is_some_and(|d| d > 0),
        distance: set.distance.is_some_and(|d| d.milli() > 0),
    }
}

/// The load of a set from an app's weight column, by how the exercise is
/// measured: on body-weight exercises the weight is added load (negative:
/// assistance); elsewhere a blank or zero weight means no load recorded.
fn load_for(weight: Option<Weight>, exercise: &Exercise) -> Load {
    let weight = weight.filter(|w| w.milli() != 0);
    match exercise.measure {
        Measure::BodyweightReps => Load::Bodyweight { added: weight },
        _ => match weight {
            Some(w) if w.milli() < 0 => Load::Bodyweight { added: Some(w) },
            Some(w) => Load::Weight { weight: w },
            None if exercise.equipment == Equipment::Bodyweight => Load::Bodyweight { added: None },
            None => Load::None,
        },
    }
}
