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

use chrono::{DateTime, FixedOffset, TimeDelta};
use rusqlite::{Connection, OptionalExtension, named_params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Heft;
use super::logbook::workout_by_id;
use crate::catalog::matching::{Matcher, Resolution, normalize};
use crate::clock::Clock;
use crate::interchange::{
    CsvLoad, CsvReader, CsvRow, CsvSet, CsvTime, CsvWorkout, CsvWriter, ExportSet, ReadOptions,
    Source, catalog_id_for,
};
use crate::model::{
    Equipment, Exercise, Impact, Load, Measure, Pattern, SetEntry, SetInput, Timestamp, Unit,
    Weight, WeightUnit, Workout,
};
use crate::progress::{Progress, Ticker};
use crate::store::rows::{self, SET_COLUMNS, SetColumns, WORKOUT_COLUMNS};
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
pub struct CsvImportOptions {
    /// The app that wrote it; `None` to recognise it from the header.
    pub source: Option<Source>,
    /// Unit of weights in files that name none; `None` for the profile's unit.
    pub unit: Option<WeightUnit>,
    /// Read and check everything, report, and write nothing.
    pub dry_run: bool,
}

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedRow {
    /// 1-based line in the file.
    pub line: u64,
    /// Why, naming the column when one is at fault.
    pub reason: String,
}

/// What a CSV import did (or, with `dry_run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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
}

/// Column layouts of `export_csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvLayout {
    /// Strong's columns, read by the many tools made for Strong exports.
    Strong,
    /// Heft's columns: every field, prescribed and achieved, units per value.
    Heft,
}

/// What a CSV export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CsvExportSummary {
    /// Sets written.
    pub sets: u64,
    /// Workouts they belong to.
    pub workouts: u64,
}

impl Heft {
    /// Imports a CSV export of another app (or Heft's own layout) in one
    /// transaction. Progress counts bytes of the file.
    pub fn import_csv(
        &self,
        path: &Path,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
    ) -> Result<CsvImportReport> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            context: format!("opening {}", path.display()),
            source,
        })?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        self.import_csv_from(Box::new(file), size, opts, progress)
    }

    /// [`Heft::import_csv`] from any reader; `size` in bytes (0 if unknown)
    /// is for progress only.
    pub fn import_csv_from(
        &self,
        input: Box<dyn Read + '_>,
        size: u64,
        opts: &CsvImportOptions,
        progress: &dyn Progress,
    ) -> Result<CsvImportReport> {
        let unit = match opts.unit {
            Some(u) => u,
            None => self.profile()?.unit,
        };
        let read = ReadOptions {
            source: opts.source,
            default_unit: unit,
        };
        let mut reader = CsvReader::new(BufReader::with_capacity(64 * 1024, input), &read)?;
        let now = self.now();
        let clock = self.clock();
        let exercises = self.exercises()?;
        self.write_or_discard(opts.dry_run, |tx, stamp| {
            let mut import = Import::new(tx, &exercises, reader.source(), clock, now);
            import.report.dry_run = opts.dry_run;
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
            import.report.repaired = reader.repaired();
            let changed = import.report.added + import.report.updated > 0
                || !import.report.new_exercises.is_empty();
            if changed {
                // Undo entries describe rows as they were before the import.
                tx.execute("DELETE FROM undo_entry", [])?;
            }
            Ok(import.report)
        })
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
    /// Next set position.
    next_position: u32,
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
    by_name: HashMap<String, Result<Exercise, String>>,
    workouts: HashMap<WorkoutKey, SeenWorkout>,
    report: CsvImportReport,
}

/// What identifies a workout in a file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct WorkoutKey {
    id: Option<String>,
    start: String,
    name: Option<String>,
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
            workouts: HashMap::new(),
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
        let (workout_id, position) = match self.workout(&set.workout, stamp)? {
            Some(w) => w,
            None => {
                // The workout was deleted here; the import respects that.
                self.report.unchanged += 1;
                return Ok(());
            }
        };
        let started = self.instant(workout_start(&set.workout), "date")?;
        let at = match set.performed_at {
            Some(t) => self.instant(t, "performed_at")?,
            None => started,
        };
        let mut input = self.input(set, &exercise);
        self.keep_what_fits(&mut input)?;
        let id = match &set.id {
            Some(id) => check_id(id, "set_id")?,
            // The workout and the set's place in it, as the file orders its
            // sets: the same file gives the same ids, and a later export with
            // more workouts gives the old sets their old ids.
            None => self.derived_id(&["set", &workout_id, &position.to_string()]),
        };
        let position = match (self.source, set.order) {
            (Source::Heft, p) if p > 0 && p <= MAX_POSITION => p,
            _ => position,
        };
        let entry = SetEntry {
            id,
            workout_id,
            exercise_name: exercise.name.clone(),
            position,
            performed_at: at,
            input,
            target: set.target.and_then(target_within_limits),
        };
        let digest = digest(&format!(
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
        ));
        self.write_set(&entry, &digest, stamp)
    }

    /// Writes a set unless this database already has what the file says.
    ///
    /// A set imported before is changed only when the file's values for it
    /// changed since (its digest differs): an edit made in Heft afterwards
    /// is not reverted by importing the same file again. Sets from Heft's
    /// own layout that exist here are left alone: this database's copy is
    /// the newer one, and sync carries edits between devices.
    fn write_set(
        &mut self,
        entry: &SetEntry,
        digest: &str,
        stamp: &mut dyn FnMut() -> String,
    ) -> Result<(), RowError> {
        let existing: Option<bool> = self
            .conn
            .prepare_cached("SELECT deleted FROM set_entry WHERE id = ?1")?
            .query_row([&entry.id], |r| r.get::<_, bool>(0))
            .optional()?;
        match existing {
            Some(true) => {
                self.report.unchanged += 1;
                return Ok(());
            }
            Some(false) => {
                if self.source == Source::Heft
                    || self.digest_of(&entry.id)?.as_deref() == Some(digest)
                {
                    self.report.unchanged += 1;
                    return Ok(());
                }
                let stored = super::logbook::set_by_id(self.conn, &entry.id)?;
                self.remember(&entry.id, digest)?;
                if same_set(&stored, entry) {
                    self.report.unchanged += 1;
                    return Ok(());
                }
                self.report.updated += 1;
            }
            None => {
                self.remember(&entry.id, digest)?;
                self.report.added += 1;
            }
        }
        let cols = SetColumns::new(&entry.input);
        let target = entry.target.unwrap_or(crate::model::SetTarget {
            weight: None,
            reps: None,
            rir: None,
        });
        self.conn
            .prepare_cached(
                "INSERT INTO set_entry (id, workout_id, exercise_id, position, performed_at_ms, offset_min, kind,
                     load_type, weight_milli, weight_unit, reps, rir, rpe, duration_ms, distance_milli, distance_unit,
                     landings, drop_height_cm, pain, note, target_weight_milli, target_weight_unit, target_reps,
                     target_rir, hlc, deleted)
                 VALUES (:id, :workout_id, :exercise_id, :position, :at_ms, :offset, :kind, :load_type,
                     :weight_milli, :weight_unit, :reps, :rir, :rpe, :duration_ms, :distance_milli,
                     :distance_unit, :landings, :drop_height_cm, :pain, :note, :tw, :twu, :tr, :trir, :hlc, 0)
                 ON CONFLICT (id) DO UPDATE SET workout_id = excluded.workout_id,
                     exercise_id = excluded.exercise_id, position = excluded.position,
                     performed_at_ms = excluded.performed_at_ms, offset_min = excluded.offset_min,
                     kind = excluded.kind, load_type = excluded.load_type, weight_milli = excluded.weight_milli,
                     weight_unit = excluded.weight_unit, reps = excluded.reps, rir = excluded.rir,
                     rpe = excluded.rpe, duration_ms = excluded.duration_ms,
                     distance_milli = excluded.distance_milli, distance_unit = excluded.distance_unit,
                     landings = excluded.landings, drop_height_cm = excluded.drop_height_cm,
                     pain = excluded.pain, note = excluded.note,
                     target_weight_milli = excluded.target_weight_milli,
                     target_weight_unit = excluded.target_weight_unit, target_reps = excluded.target_reps,
                     target_rir = excluded.target_rir, hlc = excluded.hlc",
            )?
            .execute(named_params! {
                ":id": entry.id, ":workout_id": entry.workout_id, ":exercise_id": entry.input.exercise_id,
                ":position": entry.position, ":at_ms": entry.performed_at.utc_ms(),
                ":offset": entry.performed_at.offset_min(), ":kind": entry.input.kind.as_str(),
                ":load_type": cols.load_type, ":weight_milli": cols.weight_milli, ":weight_unit": cols.weight_unit,
                ":reps": entry.input.reps, ":rir": cols.rir, ":rpe": cols.rpe, ":duration_ms": entry.input.duration_ms,
                ":distance_milli": cols.distance_milli, ":distance_unit": cols.distance_unit,
                ":landings": entry.input.impact.map(|x| x.landings),
                ":drop_height_cm": entry.input.impact.and_then(|x| x.drop_height_cm),
                ":pain": entry.input.pain, ":note": entry.input.note,
                ":tw": target.weight.map(|w| w.milli()), ":twu": target.weight.map(|w| w.unit().symbol()),
                ":tr": target.reps, ":trir": target.rir, ":hlc": stamp(),
            })?;
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

    /// The digest of what an earlier import wrote for row `id`.
    fn digest_of(&self, id: &str) -> Result<Option<String>, RowError> {
        Ok(self
            .conn
            .prepare_cached("SELECT digest FROM import_digest WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    fn remember(&self, id: &str, digest: &str) -> Result<(), RowError> {
        if self.source != Source::Heft {
            self.conn
                .prepare_cached(
                    "INSERT INTO import_digest (id, digest) VALUES (?1, ?2)
                     ON CONFLICT (id) DO UPDATE SET digest = excluded.digest",
                )?
                .execute((id, digest))?;
        }
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
    ) -> Result<Exercise, RowError> {
        if let Some(id) = &set.exercise_id
            && let Some(e) = self.exercises.iter().find(|e| &e.id == id)
        {
            return Ok(e.clone());
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
    ) -> Result<Result<Exercise, String>, RowError> {
        let name = set.exercise.trim();
        if let Err(e) = validate::name(Field::Exercise, name) {
            return Ok(Err(format!("exercise name: {}", e.problem)));
        }
        let by_alias =
            catalog_id_for(name).and_then(|id| self.exercises.iter().find(|e| e.id == id));
        if let Some(e) = by_alias {
            return Ok(Ok(e.clone()));
        }
        if let Resolution::Found { id, by_typo: false } = self.matcher.resolve(name)
            && let Some(e) = self.exercises.iter().find(|e| e.id == id)
        {
            return Ok(Ok(e.clone()));
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
        let exercise = guess_exercise(id, name, set);
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
        Ok(Ok(exercise))
    }

    /// The workout a set belongs to, written if new or changed: its id and
    /// the set's position in it; `None` when it was deleted here.
    fn workout(
        &mut self,
        w: &CsvWorkout,
        stamp: &mut dyn FnMut() -> String,
    ) -> Result<Option<(String, u32)>, RowError> {
        let key = WorkoutKey {
            id: w.id.clone(),
            start: match w.start {
                CsvTime::Local(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
                CsvTime::Exact(t) => t.to_rfc3339(),
            },
            name: w.name.clone(),
        };
        if let Some(seen) = self.workouts.get_mut(&key) {
            if seen.deleted {
                return Ok(None);
            }
            let position = seen.next_position;
            seen.next_position += 1;
            return Ok(Some((seen.id.clone(), position)));
        }
        let id = match &w.id {
            Some(id) => check_id(id, "workout_id")?,
            None => self.derived_id(&["workout", &key.start, key.name.as_deref().unwrap_or("")]),
        };
        let started = self.instant(workout_start(w), "date")?;
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
        let digest = digest(&format!(
            "{:?}",
            (&key, w.duration_s, w.end, &w.note, w.body_weight)
        ));
        let state: Option<bool> = self
            .conn
            .prepare_cached("SELECT deleted FROM workout WHERE id = ?1")?
            .query_row([&id], |r| r.get(0))
            .optional()?;
        self.report.workouts += 1;
        let deleted = state == Some(true);
        match state {
            Some(true) => {}
            Some(false) => {
                let stored = workout_by_id(self.conn, &id)?;
                let changed_in_file = self.source != Source::Heft
                    && self.digest_of(&id)?.as_deref() != Some(digest.as_str());
                // An open workout stays open: the person is still logging it.
                if changed_in_file && !stored.is_open() && stored != workout {
                    write_workout(self.conn, &workout, &stamp())?;
                }
                if changed_in_file {
                    self.remember(&id, &digest)?;
                }
            }
            None => {
                write_workout(self.conn, &workout, &stamp())?;
                self.remember(&id, &digest)?;
                self.report.workouts_added += 1;
            }
        }
        if let Some(bw) = w.body_weight.filter(|_| !deleted) {
            self.body_weight(&id, bw, started, stamp)?;
        }
        self.workouts.insert(
            key,
            SeenWorkout {
                id: id.clone(),
                deleted,
                next_position: 2,
            },
        );
        Ok((!deleted).then_some((id, 1)))
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

/// A short digest of a row's values in the file.
fn digest(text: &str) -> String {
    crate::sync::format::hex(&Sha256::digest(text.as_bytes())[..16])
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

fn write_workout(conn: &Connection, w: &Workout, hlc: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO workout (id, name, started_at_ms, offset_min, finished_at_ms, duration_s, note, hlc, deleted)
         VALUES (:id, :name, :start, :offset, :finish, :duration, :note, :hlc, 0)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, started_at_ms = excluded.started_at_ms,
             offset_min = excluded.offset_min, finished_at_ms = excluded.finished_at_ms,
             duration_s = excluded.duration_s, note = excluded.note, hlc = excluded.hlc",
    )?
    .execute(named_params! {
        ":id": w.id, ":name": w.name, ":start": w.started_at.utc_ms(), ":offset": w.started_at.offset_min(),
        ":finish": w.finished_at.map(|t| t.utc_ms()), ":duration": w.duration_s, ":note": w.note, ":hlc": hlc,
    })?;
    Ok(())
}

/// Whether a stored set already holds what the file says.
fn same_set(stored: &SetEntry, new: &SetEntry) -> bool {
    stored.workout_id == new.workout_id
        && stored.position == new.position
        && stored.performed_at == new.performed_at
        && stored.input == new.input
        && stored.target == new.target
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

/// A custom exercise for a name the catalog does not know, its equipment and
/// pattern guessed from the words of the name and its measure from the set.
fn guess_exercise(id: String, name: &str, set: &CsvSet) -> Exercise {
    let words = normalize(name).words;
    let has = |w: &str| words.iter().any(|x| x == w || x.starts_with(w));
    let category = set
        .category
        .as_deref()
        .map(|c| c.to_lowercase())
        .unwrap_or_default();
    let equipment = if has("barbell") {
        Equipment::Barbell
    } else if has("dumbbell") {
        Equipment::Dumbbell
    } else if has("kettlebell") {
        Equipment::Kettlebell
    } else if has("smith") {
        Equipment::SmithMachine
    } else if has("machine") || has("press") && has("leg") {
        Equipment::Machine
    } else if has("cable") {
        Equipment::Cable
    } else if has("band") {
        Equipment::Band
    } else if has("bodyweight") {
        Equipment::Bodyweight
    } else {
        Equipment::Other
    };
    let pattern = if category == "cardio"
        || [
            "run",
            "running",
            "bike",
            "cycling",
            "walk",
            "walking",
            "elliptical",
            "treadmill",
            "rowing",
            "swim",
        ]
        .iter()
        .any(|w| has(w))
    {
        Pattern::Cardio
    } else if has("lunge") || has("split") || has("step") {
        Pattern::Lunge
    } else if has("squat") {
        Pattern::Squat
    } else if has("deadlift") || has("rdl") || has("thrust") || has("swing") || has("morning") {
        Pattern::Hinge
    } else if has("carry") || has("farmer") {
        Pattern::Carry
    } else if has("jump") || has("hop") {
        Pattern::Jump
    } else if has("plank") || has("crunch") || has("situp") || has("sit") || has("ab") {
        Pattern::Core
    } else if has("row") || has("pull") || has("chin") || has("pulldown") || has("lat") {
        Pattern::Pull
    } else if has("press") || has("bench") || has("push") || has("dip") {
        Pattern::Push
    } else {
        Pattern::Isolation
    };
    let weight = match set.load {
        CsvLoad::Weight(w) => w.filter(|w| w.milli() != 0),
        CsvLoad::Exact(Load::Weight { weight }) => Some(weight),
        CsvLoad::Exact(_) => None,
    };
    let measure = if set.distance.is_some_and(|d| d.milli() > 0) {
        if weight.is_some() {
            Measure::WeightDistance
        } else {
            Measure::Distance
        }
    } else if set.reps.is_none() && set.duration_ms.is_some_and(|d| d > 0) {
        Measure::Time
    } else if weight.is_some()
        || equipment != Equipment::Other && equipment != Equipment::Bodyweight
    {
        Measure::WeightReps
    } else {
        Measure::BodyweightReps
    };
    let equipment = if measure == Measure::BodyweightReps && equipment == Equipment::Other {
        Equipment::Bodyweight
    } else {
        equipment
    };
    let name: String = name.chars().take(validate::MAX_NAME_CHARS).collect();
    Exercise {
        id,
        name,
        aliases: Vec::new(),
        pattern,
        equipment,
        measure,
        muscles: Vec::new(),
        unilateral: false,
        axial: matches!(pattern, Pattern::Squat | Pattern::Hinge)
            && equipment == Equipment::Barbell,
        spinal_flexion: false,
        spinal_rotation: false,
        impact: pattern == Pattern::Jump,
        builtin: false,
    }
}
