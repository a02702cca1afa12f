//! The import plan: what a CSV import writes, decided without SQL.
//!
//! A CSV import is planned, then applied, as a merge is
//! (`sync::merge::decide`): [`ImportPlan::row`] turns each record a reader
//! produced into the [`Step`]s that import it (a custom exercise to add, a
//! workout to write, a set to add or update, a digest to remember) and
//! counts them in the report; `Heft::import_csv` applies the steps, in one
//! transaction for the whole file. Everything that decides lives here and
//! is tested without a database:
//!
//! - ids: a set's id is derived (UUID v5) from the app, its workout (start
//!   and name) and its place among that workout's sets in the file, so the
//!   same file gives the same ids and a later, longer export from the same
//!   app gives the old sets their old ids; Heft's layout carries its own;
//! - what is already here: a row imported before remembers a [`Digest`] of
//!   the file's values for it; it is changed only when the file's values
//!   changed since (an edit made in Heft survives importing the same file
//!   again), a schema-4 digest is recognised and replaced, a row deleted
//!   here stays deleted, an open workout stays open, and rows of Heft's
//!   layout that are here already are left as they are;
//! - what is here under other ids: a workout of the file whose derived id
//!   is not here but which started when a live workout here did (to the
//!   precision of the file's times) is that workout, and its sets that
//!   match sets of it (exercise, load and reps, in order) are already here
//!   and not added again ([`already_here`]): sets logged in Heft, synced,
//!   or imported from another app's file, and Heft's own Strong-layout
//!   export read back into the database it came from;
//! - what is kept: values beyond Heft's limits move into the note, rows that
//!   cannot be a set are skipped with their line and reason;
//! - grouping: sets sharing a workout's id, start and name form one workout.
//!
//! The plan reads the database only through [`Holdings`], for the rows it
//! is about to write. It is made one record at a time, and each record's
//! steps are applied before the next record is planned, so an import
//! streams: a million-row file is never held in memory, and a record sees
//! what the records before it wrote, as when it is imported on its own.

mod already_here;
mod digest;
mod report;
mod values;
mod workouts;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use chrono::{DateTime, FixedOffset, TimeDelta};

use self::already_here::{Found, SetsHere};
use self::digest::Compared;
use self::workouts::{SeenWorkout, Workouts, key_start_text, same_time, workout_start};
use crate::catalog::guess::guess_exercise;
use crate::catalog::matching::{Matcher, Resolution, normalize};
use crate::clock::Clock;
use crate::interchange::{
    CsvLoad, CsvRow, CsvSet, CsvTime, CsvWorkout, Lift, LoadSample, Source, UnitEvidence,
    catalog_id_for,
};
use crate::model::{
    Equipment, Exercise, SetEntry, SetInput, SetTarget, Timestamp, Weight, Workout,
};
use crate::validate::{self, Field};
use crate::{Error, Result};

pub use digest::{Digest, Remembered};
pub use report::{CsvImportReport, SkippedRow, UnitDecision};

/// Namespace of the ids an import derives (UUID v5).
const ID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6865_6674_2d63_7376_2d69_6d70_6f72_7401);
/// Most custom exercises one import creates (a guard against files that
/// are not workout logs, whose every row would otherwise make one).
const MAX_NEW_EXERCISES: usize = 2000;
/// Highest set position kept from a Heft-layout file (as sync accepts).
const MAX_POSITION: u32 = 1_000_000;
/// Skipped rows listed one by one in a report; the rest are only counted.
const MAX_SKIPS_LISTED: usize = 1000;

/// What the database holds of a workout or set a plan is about to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// No row with this id.
    Absent,
    /// A deleted row (a tombstone): the import leaves it deleted.
    Deleted,
    /// A live row, with the digest it remembers.
    Live(Remembered),
}

/// A set of a workout here, live or deleted ([`Holdings::workout_sets`]).
#[derive(Debug, Clone, PartialEq)]
pub struct HeldSet {
    /// The set's values (a deleted set keeps them).
    pub set: SetEntry,
    /// Whether it is deleted (a tombstone).
    pub deleted: bool,
}

/// What a plan asks of the database, by id, and by start for a workout
/// whose derived id is not here. Answers include what the steps of earlier
/// records of the same import wrote.
pub trait Holdings {
    /// Exercise `id`: `None` when absent, else whether it is deleted.
    fn exercise(&self, id: &str) -> Result<Option<bool>>;
    /// Workout `id`.
    fn workout(&self, id: &str) -> Result<Held>;
    /// The values of live workout `id` (asked only when the file changed it).
    fn workout_values(&self, id: &str) -> Result<Workout>;
    /// Set `id`.
    fn set(&self, id: &str) -> Result<Held>;
    /// The values of live set `id` (asked only when the file changed it).
    fn set_values(&self, id: &str) -> Result<SetEntry>;
    /// Whether a measurement `id` exists, live or deleted.
    fn has_measurement(&self, id: &str) -> Result<bool>;
    /// The live workouts that started at `from_ms` or later and before
    /// `to_ms` (UTC milliseconds), earliest first.
    fn workouts_starting(&self, from_ms: i64, to_ms: i64) -> Result<Vec<Workout>>;
    /// Every set of workout `id`, live and deleted, in the workout's order
    /// (position, then time, then id).
    fn workout_sets(&self, id: &str) -> Result<Vec<HeldSet>>;
}

/// A set as an import writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedSet {
    /// Its id: Heft's layout's own, or derived.
    pub id: String,
    /// Its workout.
    pub workout_id: String,
    /// Its place in the workout.
    pub position: u32,
    /// When it was done.
    pub performed_at: Timestamp,
    /// What was done.
    pub input: SetInput,
    /// What was prescribed, as far as it is within Heft's limits.
    pub target: Option<SetTarget>,
}

/// One write of an import, in the order the plan made them (an exercise and
/// a workout before the sets that refer to them). Every step but the two
/// `Remember` ones takes a fresh clock stamp.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A custom exercise new to this database.
    AddExercise(Exercise),
    /// A custom exercise an earlier import made and that was deleted since,
    /// needed again: live again.
    ReviveExercise(String),
    /// A workout, new or replacing the values of the live one with its id,
    /// with the digest of the file's values (none for Heft's layout).
    WriteWorkout {
        /// The workout.
        workout: Workout,
        /// The digest to remember.
        digest: Option<Digest>,
    },
    /// The body weight a session noted (StrongLifts), as a measurement.
    AddBodyWeight {
        /// Derived from the workout's id.
        id: String,
        /// The body weight.
        weight: Weight,
        /// When: the workout's start.
        at: Timestamp,
    },
    /// A set new to this database.
    AddSet {
        /// The set.
        set: PlannedSet,
        /// The digest to remember (none for Heft's layout).
        digest: Option<Digest>,
    },
    /// A live set whose values the file changed since it was imported.
    UpdateSet {
        /// The set's new values.
        set: PlannedSet,
        /// The digest to remember.
        digest: Digest,
    },
    /// Remember `digest` for workout `id`, leaving the row as it is.
    RememberWorkout {
        /// The workout.
        id: String,
        /// The digest.
        digest: Digest,
    },
    /// Remember `digest` for set `id`, leaving the row as it is.
    RememberSet {
        /// The set.
        id: String,
        /// The digest.
        digest: Digest,
    },
}

/// Why a set is not imported.
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

/// The plan of one import of one file: what it has met so far, and the
/// report.
pub struct ImportPlan<'a> {
    source: Source,
    /// Where local times of the file are read: the device's time zone.
    zone: &'a dyn Clock,
    /// Times after this are refused.
    now: DateTime<FixedOffset>,
    matcher: Matcher<'a>,
    exercises: &'a [Exercise],
    /// Exercise name as written -> the exercise (catalog, existing custom or
    /// new), or why the name cannot be one.
    by_name: HashMap<String, std::result::Result<Rc<Exercise>, String>>,
    /// Exercise id (Heft layout) -> the exercise.
    by_id: HashMap<String, Rc<Exercise>>,
    workouts: Workouts,
    /// Workouts here that a workout of the file already is (found by its
    /// id, taken as the one that started at its time, or written by this
    /// import): another workout of the file is not taken as them.
    claimed: HashSet<String>,
    /// Each exercise's name as the file first gives it, by exercise id.
    written_names: HashMap<String, String>,
    /// Scratch space for digests.
    digest_buf: Vec<u8>,
    /// What the loads say about their unit, when asked ([`ImportPlan::weigh_units`]).
    evidence: Option<UnitEvidence>,
    report: CsvImportReport,
}

impl<'a> ImportPlan<'a> {
    /// A plan for a file from `source`. `exercises` are the live exercises
    /// of the database (catalog and custom); local times are read in
    /// `zone`'s time zone, and none may be after `now`.
    pub fn new(
        source: Source,
        exercises: &'a [Exercise],
        zone: &'a dyn Clock,
        now: DateTime<FixedOffset>,
    ) -> Self {
        ImportPlan {
            source,
            zone,
            now,
            matcher: Matcher::new(exercises),
            exercises,
            by_name: HashMap::new(),
            by_id: HashMap::new(),
            written_names: HashMap::new(),
            workouts: Workouts::default(),
            claimed: HashSet::new(),
            digest_buf: Vec::with_capacity(256),
            evidence: None,
            report: CsvImportReport {
                source: source.as_str().to_owned(),
                ..CsvImportReport::default()
            },
        }
    }

    /// Weighs the loads of the sets planned from now on for what they say
    /// about their unit (for a file that names none).
    pub fn weigh_units(&mut self) {
        self.evidence = Some(UnitEvidence::default());
    }

    /// What the loads said, if they were weighed.
    pub fn take_evidence(&mut self) -> Option<UnitEvidence> {
        self.evidence.take()
    }

    /// Each exercise's name as the file first gave it, by exercise id
    /// (of the rows planned so far).
    pub fn written_names(&self) -> &HashMap<String, String> {
        &self.written_names
    }

    /// The report.
    pub fn into_report(self) -> CsvImportReport {
        self.report
    }

    /// Plans one record: appends to `steps` what importing it writes, in
    /// order, and counts it in the report. A record that cannot be imported
    /// is skipped with its line and reason (writes planned for it before the
    /// reason showed, such as a new exercise, stay). Fails only when
    /// `held` fails.
    pub fn row(&mut self, row: CsvRow, held: &dyn Holdings, steps: &mut Vec<Step>) -> Result<()> {
        self.report.rows_read += 1;
        match row {
            CsvRow::Skip { line, reason } => self.skip(line, reason),
            CsvRow::Set(set) => {
                self.report.sets_read += 1;
                match self.set(&set, held, steps) {
                    Ok(()) => {}
                    Err(RowError::Skip(reason)) => self.skip(set.line, reason),
                    Err(RowError::Fatal(e)) => return Err(e),
                }
            }
        }
        Ok(())
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

    /// Plans one set.
    fn set(
        &mut self,
        set: &CsvSet,
        held: &dyn Holdings,
        steps: &mut Vec<Step>,
    ) -> std::result::Result<(), RowError> {
        let exercise = self.exercise(set, held, steps)?;
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
        let placed = match self.workouts.again(&set.workout) {
            Some(placed) => placed,
            None => {
                let seen = self.first_seen(&set.workout, held, steps)?;
                self.workouts.first(&set.workout, seen)
            }
        };
        let Some(placed) = placed else {
            // The workout was deleted here; the import respects that.
            self.report.unchanged += 1;
            return Ok(());
        };
        let start = workout_start(&set.workout);
        let started = if same_time(start, placed.start.0) {
            placed.start.1
        } else {
            values::instant(self.zone, self.now, start, "date")?
        };
        let at = match set.performed_at {
            Some(t) => values::instant(self.zone, self.now, t, "performed_at")?,
            None => started,
        };
        let mut input = values::input(set, &exercise, &mut self.report);
        values::keep_what_fits(&mut input, &mut self.report)?;
        let (id, derived) = match &set.id {
            Some(id) => (values::check_id(id, "set_id")?, false),
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
        let planned = PlannedSet {
            id,
            workout_id: placed.workout_id,
            position,
            performed_at: at,
            input,
            target: set.target.and_then(values::target_within_limits),
        };
        // A set whose id was derived from a workout this import adds cannot
        // be here yet and is not looked up (should it be here after all,
        // adding it fails and the import stops, changing nothing).
        let state = if derived && placed.new {
            Held::Absent
        } else {
            held.set(&planned.id)?
        };
        if let Some(here) = self.workouts.sets_here() {
            match state {
                Held::Absent => match here.take(&planned.input) {
                    Some(Found::Live) => {
                        self.report.already_here += 1;
                        return Ok(());
                    }
                    Some(Found::Deleted) => {
                        self.report.unchanged += 1;
                        return Ok(());
                    }
                    None => {}
                },
                Held::Deleted | Held::Live(_) => here.forget(&planned.id),
            }
        }
        self.plan_set(planned, state, set, steps, held)
    }

    /// Adds a set unless this database already has what the file says;
    /// `state` is what it holds under the set's id.
    ///
    /// A set imported before is changed only when the file's values for it
    /// changed since (its digest differs): an edit made in Heft afterwards
    /// is not reverted by importing the same file again. Sets from Heft's
    /// own layout that exist here are left alone: this database's copy is
    /// the newer one, and sync carries edits between devices.
    fn plan_set(
        &mut self,
        planned: PlannedSet,
        state: Held,
        set: &CsvSet,
        steps: &mut Vec<Step>,
        held: &dyn Holdings,
    ) -> std::result::Result<(), RowError> {
        let digest =
            (self.source != Source::Heft).then(|| digest::set_digest(&mut self.digest_buf, set));
        match state {
            Held::Absent => {}
            Held::Deleted => {
                self.report.unchanged += 1;
                return Ok(());
            }
            Held::Live(remembered) => {
                let Some(digest) = digest else {
                    // Heft's layout: this database's copy stays.
                    self.report.unchanged += 1;
                    return Ok(());
                };
                let id = planned.id.clone();
                match remembered.compare(&digest, || digest::legacy_set_digest(set)) {
                    Compared::Same => {}
                    Compared::SameLegacy => steps.push(Step::RememberSet { id, digest }),
                    Compared::Differs => {
                        let stored = held.set_values(&id)?;
                        if !same_set(&stored, &planned) {
                            self.report.updated += 1;
                            steps.push(Step::UpdateSet {
                                set: planned,
                                digest,
                            });
                            return Ok(());
                        }
                        steps.push(Step::RememberSet { id, digest });
                    }
                }
                self.report.unchanged += 1;
                return Ok(());
            }
        }
        self.report.added += 1;
        steps.push(Step::AddSet {
            set: planned,
            digest,
        });
        Ok(())
    }

    /// The exercise a set's name stands for: one the person already has, one
    /// of the catalog, or a new custom exercise.
    fn exercise(
        &mut self,
        set: &CsvSet,
        held: &dyn Holdings,
        steps: &mut Vec<Step>,
    ) -> std::result::Result<Rc<Exercise>, RowError> {
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
        let found = self.resolve(set, held, steps)?;
        if let Ok(e) = &found {
            self.written_names
                .entry(e.id.clone())
                .or_insert_with(|| set.exercise.trim().to_owned());
        }
        self.by_name.insert(set.exercise.clone(), found.clone());
        found.map_err(RowError::Skip)
    }

    /// The exercise of a name met for the first time, or why it cannot be
    /// one.
    fn resolve(
        &mut self,
        set: &CsvSet,
        held: &dyn Holdings,
        steps: &mut Vec<Step>,
    ) -> Result<std::result::Result<Rc<Exercise>, String>> {
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
        let exercise = guess_exercise(id, name, &values::set_shape(set));
        match held.exercise(&exercise.id)? {
            Some(false) => {}
            Some(true) => {
                steps.push(Step::ReviveExercise(exercise.id.clone()));
                self.report.new_exercises.push(exercise.name.clone());
            }
            None => {
                steps.push(Step::AddExercise(exercise.clone()));
                self.report.new_exercises.push(exercise.name.clone());
            }
        }
        Ok(Ok(Rc::new(exercise)))
    }

    /// A workout met for the first time in this import, written if new or
    /// changed in the file.
    fn first_seen(
        &mut self,
        w: &CsvWorkout,
        held: &dyn Holdings,
        steps: &mut Vec<Step>,
    ) -> std::result::Result<SeenWorkout, RowError> {
        let start_text = key_start_text(w.start);
        let id = match &w.id {
            Some(id) => values::check_id(id, "workout_id")?,
            None => self.derived_id(&["workout", &start_text, w.name.as_deref().unwrap_or("")]),
        };
        let start = workout_start(w);
        let started = values::instant(self.zone, self.now, start, "date")?;
        let end = match w.end {
            Some(end) => Some(values::instant(self.zone, self.now, end, "end")?),
            None => None,
        };
        let name = w
            .name
            .as_deref()
            .and_then(|n| values::text(n, validate::MAX_NAME_CHARS, &mut self.report));
        let mut note = w
            .note
            .as_deref()
            .and_then(|n| values::text(n, validate::MAX_NOTE_CHARS, &mut self.report));
        let duration_s = values::workout_duration(w.duration_s, &mut note, &mut self.report);
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
        let digest = (self.source != Source::Heft)
            .then(|| digest::workout_digest(&mut self.digest_buf, w, &start_text));
        let state = held.workout(&id)?;
        self.report.workouts += 1;
        if state == Held::Absent && w.id.is_none() && self.source != Source::Heft {
            let here = self.workout_here(w, workout.name.as_deref(), started, held)?;
            if let Some(here) = here {
                return self.taken_as(here, w, (start, started), held, steps);
            }
        }
        let deleted = state == Held::Deleted;
        let new = state == Held::Absent;
        if !deleted {
            self.claimed.insert(id.clone());
        }
        match state {
            Held::Deleted => {}
            Held::Live(remembered) => {
                if let Some(digest) = digest {
                    let compared = remembered
                        .compare(&digest, || digest::legacy_workout_digest(w, &start_text));
                    match compared {
                        Compared::Same => {}
                        Compared::SameLegacy => {
                            steps.push(Step::RememberWorkout {
                                id: id.clone(),
                                digest,
                            });
                        }
                        Compared::Differs => {
                            let stored = held.workout_values(&id)?;
                            // An open workout stays open: the person is still logging it.
                            if !stored.is_open() && stored != workout {
                                steps.push(Step::WriteWorkout {
                                    workout,
                                    digest: Some(digest),
                                });
                            } else {
                                steps.push(Step::RememberWorkout {
                                    id: id.clone(),
                                    digest,
                                });
                            }
                        }
                    }
                }
            }
            Held::Absent => {
                steps.push(Step::WriteWorkout { workout, digest });
                self.report.workouts_added += 1;
            }
        }
        if let Some(bw) = w.body_weight.filter(|_| !deleted) {
            self.body_weight(&id, bw, started, held, steps)?;
        }
        Ok(SeenWorkout {
            id,
            deleted,
            new,
            next_position: 1,
            start: (start, started),
            here: None,
        })
    }

    /// The live workout here that workout `w` of the file, named `name` (as
    /// it would be stored) and started at `started`, is although its derived
    /// id is not here (see [`already_here`]).
    fn workout_here(
        &self,
        w: &CsvWorkout,
        name: Option<&str>,
        started: Timestamp,
        held: &dyn Holdings,
    ) -> Result<Option<Workout>> {
        let Some(window) = already_here::start_window(w, started, self.zone) else {
            return Ok(None);
        };
        let candidates = held
            .workouts_starting(window.from_ms, window.to_ms)?
            .into_iter()
            .filter(|c| window.holds(c))
            .collect();
        Ok(already_here::choose(
            candidates,
            name,
            started.utc_ms(),
            &self.claimed,
        ))
    }

    /// Workout `w` of the file taken as workout `here`: the sets of the file
    /// go into it, and those it has already are not added again. Its own
    /// values stay as they are here.
    fn taken_as(
        &mut self,
        here: Workout,
        w: &CsvWorkout,
        start: (CsvTime, Timestamp),
        held: &dyn Holdings,
        steps: &mut Vec<Step>,
    ) -> std::result::Result<SeenWorkout, RowError> {
        let sets = SetsHere::new(held.workout_sets(&here.id)?);
        self.claimed.insert(here.id.clone());
        if let Some(bw) = w.body_weight {
            self.body_weight(&here.id, bw, start.1, held, steps)?;
        }
        Ok(SeenWorkout {
            id: here.id,
            deleted: false,
            new: false,
            next_position: 1,
            start,
            here: Some(sets),
        })
    }

    /// Records the body weight a session noted, once.
    fn body_weight(
        &mut self,
        workout_id: &str,
        bw: Weight,
        at: Timestamp,
        held: &dyn Holdings,
        steps: &mut Vec<Step>,
    ) -> Result<()> {
        if validate::weight(Field::Weight, bw, false).is_err() || bw.milli() <= 0 {
            return Ok(());
        }
        let id = self.derived_id(&["body_weight", workout_id]);
        if !held.has_measurement(&id)? {
            steps.push(Step::AddBodyWeight { id, weight: bw, at });
            self.report.measurements_added += 1;
        }
        Ok(())
    }
}

/// Whether a stored set already holds what the file says.
fn same_set(stored: &SetEntry, planned: &PlannedSet) -> bool {
    stored.workout_id == planned.workout_id
        && stored.position == planned.position
        && stored.performed_at == planned.performed_at
        && stored.input == planned.input
        && stored.target == planned.target
}
