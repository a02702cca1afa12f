//! Heft's phone bindings: the Kotlin and Swift apps reach the core only
//! through [`HeftStore`], a thin uniffi facade over [`heft_core::Heft`].
//!
//! Each method is a line or two that takes the store's handle, calls the
//! core method of the same name and converts the error; the rules stay in
//! the core. Records and enums are heft-core's own, derived behind its
//! `uniffi` feature (see `heft_core::ffi` for the custom types and for why
//! [`HeftError`] is defined there). Nothing is copied here.
//!
//! Threading: the API is synchronous; apps call it off the main thread
//! (Kotlin `Dispatchers.IO`, a Swift actor). One store may be shared by
//! any number of threads: the core serialises calls on its connection.
//!
//! The workspace lints apply, but `unsafe_code` is `deny` here instead of
//! `forbid`, for the bare C functions of the FFI benchmark (module `bench`,
//! built only with the `bench` feature, so a shipped library has none of
//! its probes); see bindings/Cargo.toml.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use heft_core::analytics::{Charts, E1rmSeries, Record, Retention, Stats, WeekStats};
use heft_core::model::{
    Exercise, MeasureKind, Measurement, NewExercise, Profile, ProfileUpdate, SetEntry, SetInput,
    Timestamp, WeightUnit, Workout, WorkoutLog,
};
use heft_core::progression::Program;
use heft_core::report::ReportData;
use heft_core::screens::{
    FinishScreen, HistoryScreen, LogScreen, MeasureDraft, MeasureForm, MeasuresScreen,
    ProgressScreen, Reminder, SetForm, TodayScreen,
};
use heft_core::sync::{MergeReport, Passphrase, SyncReport};
use heft_core::text::Language;
use heft_core::{
    CheckedLog, CsvExportSummary, CsvImportOptions, CsvImportReport, CsvLayout, EarlierOpenWorkout,
    ExerciseHit, ExportSummary, FinishWorkout, Finished, Heft, HistoryQuery, LogOutcome, LogTime,
    LoggedSets, MeasureOutcome, NewMeasurement, ProgramRun, ProgramStatus, ProgramSummary,
    RecoveryReport, StartedProgram, Strength, SyncStatus, Today, Trend, UndoOutcome,
};
use parking_lot::Mutex;

pub use heft_core::ffi::{HeftError, IsoDate};

#[cfg(feature = "bench")]
mod bench;
mod changes;
mod problem;
mod program;
mod progress;
mod setup;
// The Rust tests of the facade live inside the crate: its crate types are
// cdylib and staticlib only (see Cargo.toml), so tests/ cannot link it.
#[cfg(test)]
mod store_tests;

pub use changes::{ChangeListener, ChangeListenerError};
use progress::Listener;
pub use progress::{ProgressError, ProgressListener};

uniffi::setup_scaffolding!();

// Dates in method arguments use heft-core's custom type, so a malformed
// date fails as `HeftError::InvalidInput` on the `date` field.
uniffi::use_remote_type!(heft_core::IsoDate);

type Result<T> = std::result::Result<T, HeftError>;

/// One open Heft database, shared by the screens of an app.
///
/// Open it once per file, share it between threads, and `close()` it when
/// the app is done with it (Kotlin: `use {}`); after that every call fails
/// with [`HeftError::Closed`].
#[derive(uniffi::Object)]
pub struct HeftStore {
    // The lock is held only to take or drop the handle, never during a
    // call: a long import on one thread must not block `close()` or a read
    // on another. A closed store holds `None`; the database itself closes
    // when the last call still running on it returns.
    heft: Mutex<Option<Arc<Heft>>>,
}

impl HeftStore {
    fn heft(&self) -> Result<Arc<Heft>> {
        self.heft.lock().clone().ok_or(HeftError::Closed)
    }
}

/// The language of the screens for a platform language tag (`de-AT`,
/// `en_GB`, `Locale.toLanguageTag()` on Android, `Locale.preferredLanguages`
/// on iOS); English for a language without a catalog.
#[uniffi::export]
pub fn language_for_tag(tag: String) -> Language {
    Language::from_tag(&tag).unwrap_or_default()
}

/// Recovers the damaged database at `path`: every readable row goes into a
/// sound database at `path`, and the damaged file is kept aside, never
/// deleted. When the file at `path` is damaged (the store reported
/// [`HeftError::Damaged`]) a new database replaces it; when an earlier open
/// already set a damaged one aside and started afresh
/// ([`HeftStore::take_set_aside_notice`]), that file's rows are merged in.
/// Close every store on `path` first: a store left open would go on
/// writing into the damaged file. [`HeftError::Conflict`] when there is
/// nothing to recover or nothing can be read.
#[uniffi::export]
pub fn recover_database(path: String) -> Result<RecoveryReport> {
    use heft_core::clock::Clock;
    let now_ms = heft_core::clock::SystemClock.now().timestamp_millis();
    Ok(heft_core::store::salvage::recover(
        Path::new(&path),
        now_ms,
    )?)
}

fn passphrase(text: Option<String>) -> Result<Option<Passphrase>> {
    Ok(text.as_deref().map(Passphrase::new).transpose()?)
}

#[uniffi::export]
impl HeftStore {
    /// Opens the database at `path`, creating it if it does not exist.
    /// A damaged file is moved aside (never deleted) and reported as
    /// [`HeftError::Corrupt`]; a file from a newer Heft is refused untouched.
    #[uniffi::constructor]
    pub fn open(path: String) -> Result<Arc<Self>> {
        let heft = Heft::open(PathBuf::from(path))?;
        Ok(Arc::new(HeftStore {
            heft: Mutex::new(Some(Arc::new(heft))),
        }))
    }

    /// A private database in memory, for previews and tests.
    #[uniffi::constructor]
    pub fn open_in_memory() -> Result<Arc<Self>> {
        let heft = Heft::open_in_memory(Arc::new(heft_core::clock::SystemClock))?;
        Ok(Arc::new(HeftStore {
            heft: Mutex::new(Some(Arc::new(heft))),
        }))
    }

    /// Closes the store. Calls already running finish; every later call
    /// fails with [`HeftError::Closed`]. Closing twice is harmless.
    pub fn close(&self) {
        self.heft.lock().take();
    }

    /// Whether [`HeftStore::close`] was called.
    pub fn is_closed(&self) -> bool {
        self.heft.lock().is_none()
    }

    // ---- the database

    /// This device's id (32 hex digits), as sync files name it.
    pub fn device_id(&self) -> Result<String> {
        Ok(self.heft()?.device_id()?)
    }

    /// Why nothing can be written, when the database could be opened only
    /// for reading (a read-only folder or file, a full disk): the app shows
    /// it and disables logging; `None` when writes work.
    pub fn writes_unavailable(&self) -> Result<Option<String>> {
        Ok(self.heft()?.writes_unavailable())
    }

    /// What SQLite's check found when it found damage in this database (at
    /// open after an unclean shutdown, weekly, before an export); `None`
    /// while none was found. Writes then fail with [`HeftError::Damaged`]:
    /// offer recovery ([`recover_database`]).
    pub fn damage_found(&self) -> Result<Option<String>> {
        Ok(self.heft()?.damage_found())
    }

    /// The database file, or `None` in memory.
    pub fn path(&self) -> Result<Option<String>> {
        Ok(self
            .heft()?
            .path()
            .map(|p| p.to_string_lossy().into_owned()))
    }

    /// The current time by the store's clock, with the device's offset.
    pub fn now(&self) -> Result<Timestamp> {
        Ok(Timestamp(self.heft()?.now()))
    }

    /// Runs SQLite's full integrity check; fails with
    /// [`HeftError::Corrupt`] when the file is damaged.
    pub fn integrity_check(&self) -> Result<()> {
        Ok(self.heft()?.integrity_check()?)
    }

    // ---- profile

    /// The profile; unset fields are `None` and the unit defaults to kg.
    pub fn profile(&self) -> Result<Profile> {
        Ok(self.heft()?.profile()?)
    }

    /// Changes the fields of the profile that `update` sets.
    pub fn update_profile(&self, update: ProfileUpdate) -> Result<Profile> {
        Ok(self.heft()?.update_profile(&update)?)
    }

    // ---- exercises

    /// Every live exercise, built-in and custom, by name.
    pub fn exercises(&self) -> Result<Vec<Exercise>> {
        Ok(self.heft()?.exercises()?)
    }

    /// The live exercise with this id.
    pub fn exercise(&self, id: String) -> Result<Exercise> {
        Ok(self.heft()?.exercise(&id)?)
    }

    /// The exercise a typed name means (name, alias or a clear typo);
    /// [`HeftError::NotFound`] otherwise.
    pub fn find_exercise(&self, name: String) -> Result<Exercise> {
        Ok(self.heft()?.find_exercise(&name)?)
    }

    /// Exercises whose names are close to `query`, best first; all of them
    /// when it is blank.
    pub fn search_exercises(&self, query: String) -> Result<Vec<ExerciseHit>> {
        Ok(self.heft()?.search_exercises(&query)?)
    }

    /// Adds a custom exercise; its name and aliases must be new.
    pub fn add_exercise(&self, new: NewExercise) -> Result<Exercise> {
        Ok(self.heft()?.add_exercise(new)?)
    }

    // ---- logbook

    /// Starts a workout (logging a set starts one by itself too).
    pub fn start_workout(&self, name: Option<String>, at: LogTime) -> Result<Workout> {
        Ok(self.heft()?.start_workout(name.as_deref(), at)?)
    }

    /// The workout open now, if any.
    pub fn open_workout(&self) -> Result<Option<Workout>> {
        Ok(self.heft()?.open_workout()?)
    }

    /// The damaged database set aside when this one was created in its
    /// place, once: show it to the person, then it is forgotten.
    pub fn take_set_aside_notice(&self) -> Result<Option<String>> {
        Ok(self
            .heft()?
            .take_set_aside_notice()?
            .map(|p| p.to_string_lossy().into_owned()))
    }

    /// The program run in progress, if any.
    pub fn running_program(&self) -> Result<Option<ProgramRun>> {
        Ok(self.heft()?.running_program()?)
    }

    /// A workout still open from an earlier day, and what logging at `at` does to it.
    pub fn earlier_open_workout(&self, at: LogTime) -> Result<Option<EarlierOpenWorkout>> {
        Ok(self.heft()?.earlier_open_workout(at)?)
    }

    /// Logs one set into the workout it belongs to.
    pub fn log_set(&self, input: SetInput, at: LogTime) -> Result<SetEntry> {
        Ok(self.heft()?.log_set(input, at)?)
    }

    /// Logs several sets at once, in order, in one transaction.
    pub fn log_sets(&self, inputs: Vec<SetInput>, at: LogTime) -> Result<LoggedSets> {
        Ok(self.heft()?.log_sets(&inputs, at)?)
    }

    /// Logs sets the person entered, with what today's plan knows of them
    /// (role, planned landings) and checked for slips; with warnings and
    /// without `confirmed` nothing is saved and the warnings come back.
    pub fn log_checked(
        &self,
        inputs: Vec<SetInput>,
        at: LogTime,
        confirmed: bool,
    ) -> Result<CheckedLog> {
        Ok(self.heft()?.log_checked(&inputs, at, confirmed)?)
    }

    /// Replaces what a logged set holds.
    pub fn edit_set(&self, id: String, input: SetInput) -> Result<SetEntry> {
        Ok(self.heft()?.edit_set(&id, input)?)
    }

    /// Deletes a logged set (undo brings it back).
    pub fn delete_set(&self, id: String) -> Result<SetEntry> {
        Ok(self.heft()?.delete_set(&id)?)
    }

    /// Finishes a workout without counting it as a program session; see
    /// [`HeftStore::finish`] for the one the Today screen uses.
    pub fn finish_workout(&self, finish: FinishWorkout) -> Result<Workout> {
        Ok(self.heft()?.finish_workout(finish)?)
    }

    /// Workouts with their sets, newest first.
    pub fn history(&self, query: HistoryQuery) -> Result<Vec<WorkoutLog>> {
        Ok(self.heft()?.history(&query)?)
    }

    /// One workout with its sets.
    pub fn workout_log(&self, id: String) -> Result<WorkoutLog> {
        Ok(self.heft()?.workout_log(&id)?)
    }

    /// One logged set.
    pub fn set(&self, id: String) -> Result<SetEntry> {
        Ok(self.heft()?.set(&id)?)
    }

    /// The full id of the set a short id (as history shows it) names.
    pub fn resolve_set_id(&self, fragment: String) -> Result<String> {
        Ok(self.heft()?.resolve_set_id(&fragment)?)
    }

    /// Takes back the last change.
    pub fn undo(&self) -> Result<UndoOutcome> {
        Ok(self.heft()?.undo()?)
    }

    // ---- programs

    /// Built-in and imported programs.
    pub fn programs(&self) -> Result<Vec<ProgramSummary>> {
        Ok(self.heft()?.programs()?)
    }

    /// One program in full: phases, days and slots.
    pub fn program(&self, id: String) -> Result<Program> {
        Ok(self.heft()?.program(&id)?)
    }

    /// Imports (or replaces) a custom program from its TOML text.
    pub fn import_program(&self, source: String) -> Result<Program> {
        Ok(self.heft()?.import_program(&source)?)
    }

    /// Starts a program on `on`, stopping the one running.
    pub fn start_program(&self, program_id: String, on: IsoDate) -> Result<StartedProgram> {
        Ok(self.heft()?.start_program(&program_id, on)?)
    }

    /// Stops the running program on `on`.
    pub fn stop_program(&self, on: IsoDate) -> Result<ProgramRun> {
        Ok(self.heft()?.stop_program(on)?)
    }

    /// Where the running program stands.
    pub fn program_status(&self, today: IsoDate) -> Result<ProgramStatus> {
        Ok(self.heft()?.program_status(today)?)
    }

    /// Today's session: the plan, what is done and the next set.
    pub fn today(&self, date: IsoDate) -> Result<Today> {
        Ok(self.heft()?.today(date)?)
    }

    /// The Today screen: what a phone app draws for `date`, in `language`
    /// (every label and value formatted; see docs/SCREENS.md).
    pub fn today_screen(&self, date: IsoDate, language: Language) -> Result<TodayScreen> {
        Ok(self.heft()?.today_screen(date, language)?)
    }

    /// The "session due today" reminder for `date`, or null when none is
    /// due (no program, a rest day, the session begun). The app checks it
    /// once a day at the hour the person likes and posts what it returns.
    pub fn reminder(&self, date: IsoDate, language: Language) -> Result<Option<Reminder>> {
        Ok(self.heft()?.reminder(date, language)?)
    }

    /// The Progress screen on `date`: this week against the band, five
    /// weeks of minutes, the bone-loading dose, and each main lift's e1RM
    /// over the last year and its records. Built from derived rows, so it
    /// stays quick however long the history.
    pub fn progress_screen(&self, date: IsoDate, language: Language) -> Result<ProgressScreen> {
        Ok(self.heft()?.progress_screen(date, language)?)
    }

    /// Finishes a workout (as `finish`) and returns the Finish screen: what
    /// changes next time per exercise, and the next session.
    pub fn finish_screen(&self, finish: FinishWorkout, language: Language) -> Result<FinishScreen> {
        Ok(self.heft()?.finish_screen(finish, language)?)
    }

    /// The Log screen for what the person has typed (nothing is saved).
    pub fn log_screen(
        &self,
        exercise: String,
        sets: String,
        date: IsoDate,
        language: Language,
    ) -> Result<LogScreen> {
        Ok(self.heft()?.log_screen(&exercise, &sets, date, language)?)
    }

    /// Saves the Log form's sets when they have no errors or slips (or the
    /// slips are confirmed): the Today screen after them, or the Log screen
    /// with what to fix.
    pub fn log_submit(
        &self,
        exercise: String,
        sets: String,
        at: LogTime,
        confirmed: bool,
        language: Language,
    ) -> Result<LogOutcome> {
        Ok(self
            .heft()?
            .log_submit(&exercise, &sets, at, confirmed, language)?)
    }

    /// Logged set `set_id` in the Log form, to edit: the fields as they
    /// start and the screen for them.
    pub fn edit_form(&self, set_id: String, language: Language) -> Result<SetForm> {
        Ok(self.heft()?.edit_form(&set_id, language)?)
    }

    /// The Log form of logged set `set_id` as the person edits it, with
    /// the edit's buttons; nothing is saved.
    pub fn edit_screen(
        &self,
        set_id: String,
        exercise: String,
        sets: String,
        language: Language,
    ) -> Result<LogScreen> {
        Ok(self
            .heft()?
            .edit_screen(&set_id, &exercise, &sets, language)?)
    }

    /// Replaces logged set `set_id` with the form's one set when it has no
    /// errors or slips (or the slips are confirmed): the Today screen of
    /// the set's day after it, or the Log screen with what to fix.
    pub fn edit_submit(
        &self,
        set_id: String,
        exercise: String,
        sets: String,
        confirmed: bool,
        language: Language,
    ) -> Result<LogOutcome> {
        Ok(self
            .heft()?
            .edit_submit(&set_id, &exercise, &sets, confirmed, language)?)
    }

    /// Calls `listener` after every write of this store that changed data,
    /// with the screens to refresh (replacing any listener set before).
    pub fn on_change(&self, listener: Arc<dyn ChangeListener>) -> Result<()> {
        self.heft()?.on_change(changes::callback(listener));
        Ok(())
    }

    /// Logs the next planned set of `date` as prescribed and returns the
    /// Today screen after it.
    pub fn log_next_screen(&self, date: IsoDate, language: Language) -> Result<TodayScreen> {
        Ok(self.heft()?.log_next_screen(date, language)?)
    }

    /// Takes back the last change and returns the Today screen of `date`.
    pub fn undo_screen(&self, date: IsoDate, language: Language) -> Result<TodayScreen> {
        Ok(self.heft()?.undo_screen(date, language)?)
    }

    /// Deletes a logged set and returns the Today screen of `date`.
    pub fn delete_set_screen(
        &self,
        set_id: String,
        date: IsoDate,
        language: Language,
    ) -> Result<TodayScreen> {
        Ok(self.heft()?.delete_set_screen(&set_id, date, language)?)
    }

    /// One page of the History screen: the newest `days` days with logged
    /// sets before `before` (from the newest when null), newest first; the
    /// screen's `older` is the `before` of the next page.
    pub fn history_screen(
        &self,
        before: Option<IsoDate>,
        days: u32,
        language: Language,
    ) -> Result<HistoryScreen> {
        Ok(self.heft()?.history_screen(before, days, language)?)
    }

    /// Deletes a logged set and returns the same page of History after it.
    pub fn history_delete_set(
        &self,
        set_id: String,
        before: Option<IsoDate>,
        days: u32,
        language: Language,
    ) -> Result<HistoryScreen> {
        Ok(self
            .heft()?
            .history_delete_set(&set_id, before, days, language)?)
    }

    /// Takes back the last change to the training log and returns the same
    /// page of History after it.
    pub fn history_undo(
        &self,
        before: Option<IsoDate>,
        days: u32,
        language: Language,
    ) -> Result<HistoryScreen> {
        Ok(self.heft()?.history_undo(before, days, language)?)
    }

    /// Logs the next planned set as prescribed.
    pub fn log_next(&self, at: LogTime) -> Result<LoggedSets> {
        Ok(self.heft()?.log_next(at)?)
    }

    /// The next planned set as an input the person may change before logging.
    pub fn next_planned_set(&self, at: LogTime) -> Result<SetInput> {
        Ok(self.heft()?.next_planned_set(at)?)
    }

    /// Finishes a workout and, when it was a program session, moves the
    /// program on.
    pub fn finish(&self, finish: FinishWorkout) -> Result<Finished> {
        Ok(self.heft()?.finish(finish)?)
    }

    // ---- stats and charts

    /// The stats screen for `today`.
    pub fn stats(&self, today: IsoDate) -> Result<Stats> {
        Ok(self.heft()?.stats(today)?)
    }

    /// e1RM of an exercise over time, one point per session.
    pub fn e1rm_series(&self, exercise_id: String) -> Result<E1rmSeries> {
        Ok(self.heft()?.e1rm_series(&exercise_id)?)
    }

    /// Every exercise's current records.
    pub fn records(&self) -> Result<Vec<Record>> {
        Ok(self.heft()?.records()?)
    }

    /// Every exercise's records as they stood on `today` (a past date shows
    /// what was true then).
    pub fn records_on(&self, today: IsoDate) -> Result<Vec<Record>> {
        Ok(self.heft()?.records_on(today)?)
    }

    /// The progress report's data for `today`: weekly minutes against the
    /// band, main-lift e1RM, records, every measure with its reference
    /// bands and the clinician's page, for an app to draw natively.
    pub fn report(&self, today: IsoDate) -> Result<ReportData> {
        Ok(self.heft()?.report(today)?)
    }

    /// The same report as one self-contained HTML page (no scripts, no
    /// network), for a web view or to share with a clinician.
    pub fn report_html(&self, today: IsoDate) -> Result<String> {
        let data = self.heft()?.report(today)?;
        Ok(heft_core::report::render_html(&data))
    }

    /// An exercise's e1RM series up to `today` and today's e1RM against the
    /// best around `baseline`.
    pub fn strength(
        &self,
        exercise_id: String,
        baseline: IsoDate,
        today: IsoDate,
    ) -> Result<Strength> {
        Ok(self.heft()?.strength(&exercise_id, baseline, today)?)
    }

    /// The records the sets `set_ids` (just logged) set: "New record!".
    pub fn new_records(&self, set_ids: Vec<String>) -> Result<Vec<Record>> {
        Ok(self.heft()?.new_records(&set_ids)?)
    }

    /// Stats of every ISO week touching `from..=to`.
    pub fn weekly(&self, from: IsoDate, to: IsoDate) -> Result<Vec<WeekStats>> {
        Ok(self.heft()?.weekly(from, to)?)
    }

    /// An exercise's e1RM today against the best around `baseline`.
    pub fn retention(&self, exercise_id: String, baseline: IsoDate) -> Result<Retention> {
        Ok(self.heft()?.retention(&exercise_id, baseline)?)
    }

    /// The chart series for `from..=to`.
    pub fn charts(&self, from: IsoDate, to: IsoDate) -> Result<Charts> {
        Ok(self.heft()?.charts(from, to)?)
    }

    // ---- measurements

    /// Records a body or outcome measurement.
    pub fn add_measurement(&self, new: NewMeasurement) -> Result<Measurement> {
        Ok(self.heft()?.add_measurement(new)?)
    }

    /// Deletes a measurement (undo brings it back).
    pub fn delete_measurement(&self, id: String) -> Result<Measurement> {
        Ok(self.heft()?.delete_measurement(&id)?)
    }

    /// One measurement.
    pub fn measurement(&self, id: String) -> Result<Measurement> {
        Ok(self.heft()?.measurement(&id)?)
    }

    /// Measurements of one kind, or all, oldest first.
    pub fn measurements(&self, kind: Option<MeasureKind>) -> Result<Vec<Measurement>> {
        Ok(self.heft()?.measurements(kind)?)
    }

    /// The full id of the measurement a short id names.
    pub fn resolve_measurement_id(&self, fragment: String) -> Result<String> {
        Ok(self.heft()?.resolve_measurement_id(&fragment)?)
    }

    /// The Measures screen: a card per series with its latest value, its
    /// changes and its reference band (see docs/SCREENS.md).
    pub fn measures_screen(&self, language: Language) -> Result<MeasuresScreen> {
        Ok(self.heft()?.measures_screen(language)?)
    }

    /// The form for a new measurement as it is filled in: the kinds with
    /// their units and sites, and the draft's field errors or preview.
    pub fn measure_form(&self, draft: MeasureDraft, language: Language) -> Result<MeasureForm> {
        Ok(self.heft()?.measure_form(draft, language)?)
    }

    /// Saves the form's measurement when it has no errors: the Measures
    /// screen after it, or the form with what to fix.
    pub fn measure_submit(
        &self,
        draft: MeasureDraft,
        language: Language,
    ) -> Result<MeasureOutcome> {
        Ok(self.heft()?.measure_submit(draft, language)?)
    }

    /// Deletes a measurement and returns the Measures screen after it.
    pub fn measures_delete(&self, id: String, language: Language) -> Result<MeasuresScreen> {
        Ok(self.heft()?.measures_delete(&id, language)?)
    }

    /// Takes back the last measurement added or deleted and returns the
    /// Measures screen after it.
    pub fn measures_undo(&self, language: Language) -> Result<MeasuresScreen> {
        Ok(self.heft()?.measures_undo(language)?)
    }

    /// Every measurement series with its changes and reference band for
    /// `profile` (usually [`HeftStore::profile`]).
    pub fn measure_trends(&self, today: IsoDate, profile: Profile) -> Result<Vec<Trend>> {
        Ok(self.heft()?.measure_trends(today, &profile)?)
    }

    // ---- sync and files

    /// Writes an export of everything to `path` atomically, encrypted when
    /// a passphrase is given.
    pub fn export_file(&self, path: String, passphrase: Option<String>) -> Result<ExportSummary> {
        let pass = self::passphrase(passphrase)?;
        Ok(self.heft()?.export_file(Path::new(&path), pass.as_ref())?)
    }

    /// Merges another device's export file, all or nothing. `progress`
    /// hears about it and may cancel ([`HeftError::Cancelled`]).
    pub fn import_file(
        &self,
        path: String,
        passphrase: Option<String>,
        progress: Option<Arc<dyn ProgressListener>>,
    ) -> Result<MergeReport> {
        let pass = self::passphrase(passphrase)?;
        let listener = Listener::new(progress);
        let heft = self.heft()?;
        let report = heft.import_file(Path::new(&path), pass.as_ref(), &listener);
        listener.finish(report)
    }

    /// Syncs with the folder `dir` that a file-sync service replicates:
    /// merges every other device's file, then writes this device's.
    pub fn sync_folder(
        &self,
        dir: String,
        passphrase: Option<String>,
        progress: Option<Arc<dyn ProgressListener>>,
    ) -> Result<SyncReport> {
        let pass = self::passphrase(passphrase)?;
        let listener = Listener::new(progress);
        let heft = self.heft()?;
        let report = heft.sync_folder(Path::new(&dir), pass.as_ref(), &listener);
        listener.finish(report)
    }

    /// A hash over every synced row: equal on devices holding the same data.
    pub fn content_hash(&self) -> Result<String> {
        Ok(self.heft()?.content_hash()?)
    }

    /// Device, schema, row counts and the devices merged from.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        Ok(self.heft()?.sync_status()?)
    }

    /// Imports another app's CSV export in one transaction (`dry_run`
    /// reports without writing). Progress counts bytes.
    pub fn import_csv(
        &self,
        path: String,
        options: CsvImportOptions,
        progress: Option<Arc<dyn ProgressListener>>,
    ) -> Result<CsvImportReport> {
        let listener = Listener::new(progress);
        let heft = self.heft()?;
        let report = heft.import_csv(Path::new(&path), &options, &listener);
        listener.finish(report)
    }

    /// Writes every live set as CSV to `path` atomically, in Strong's
    /// layout (read by many tools) or Heft's own.
    pub fn export_csv(
        &self,
        path: String,
        layout: CsvLayout,
        unit: Option<WeightUnit>,
    ) -> Result<CsvExportSummary> {
        let heft = self.heft()?;
        let mut summary = None;
        heft_core::sync::folder::write_atomically(Path::new(&path), |out| {
            summary = Some(heft.export_csv(out, layout, unit)?);
            Ok(())
        })?;
        summary.ok_or_else(|| HeftError::Other {
            reason: "the CSV export wrote nothing".into(),
        })
    }
}
