//! Grouping a file's sets into workouts, and each set's place in its one.
//!
//! Sets that share a workout's id (Heft's layout), start and name belong to
//! the same workout, wherever they are in the file. Files list a workout's
//! rows together, so the workout of the previous set is kept aside and most
//! sets find theirs there without building a key; every other workout met
//! is kept in a map, one small entry a workout (the only part of an import
//! whose memory grows with the file).

use std::collections::HashMap;

use chrono::{NaiveDateTime, Timelike};

use super::already_here::SetsHere;
use crate::interchange::{CsvTime, CsvWorkout};
use crate::model::Timestamp;

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

/// The start of a workout as its derived id and its digests print it.
pub(super) fn key_start_text(t: CsvTime) -> String {
    match t {
        CsvTime::Local(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        CsvTime::Exact(t) => t.to_rfc3339(),
    }
}

/// When a workout started; a file with dates only (FitNotes, StrongLifts)
/// gets noon, as a set logged with a date and no time does.
pub(super) fn workout_start(w: &CsvWorkout) -> CsvTime {
    match w.start {
        CsvTime::Local(t) if !w.time_known => {
            CsvTime::Local(t.date().and_hms_opt(12, 0, 0).unwrap_or(t))
        }
        other => other,
    }
}

/// Whether two starts are the same time written the same way (an exact
/// time also with the same offset).
pub(super) fn same_time(a: CsvTime, b: CsvTime) -> bool {
    match (a, b) {
        (CsvTime::Local(a), CsvTime::Local(b)) => a == b,
        (CsvTime::Exact(a), CsvTime::Exact(b)) => a == b && a.offset() == b.offset(),
        _ => false,
    }
}

/// A workout met during this import.
#[derive(Debug)]
pub(super) struct SeenWorkout {
    pub(super) id: String,
    /// Deleted in this database: its sets are left alone.
    pub(super) deleted: bool,
    /// Not in this database before this import: no set with an id derived
    /// from it can be there either (a set's workout must exist), so its sets
    /// are added without being looked up first.
    pub(super) new: bool,
    /// Next set position.
    pub(super) next_position: u32,
    /// When it started, as the file says (see [`workout_start`]) and as
    /// stored, so its sets need not convert the same time again.
    pub(super) start: (CsvTime, Timestamp),
    /// For a workout of the file taken as one here under another id: that
    /// workout's sets not yet matched with the file's.
    pub(super) here: Option<SetsHere>,
}

/// Where a set goes: its workout and its place there.
#[derive(Debug)]
pub(super) struct Placed {
    pub(super) workout_id: String,
    pub(super) position: u32,
    /// The workout is new in this import ([`SeenWorkout::new`]).
    pub(super) new: bool,
    pub(super) start: (CsvTime, Timestamp),
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

/// The workouts met so far in a file.
#[derive(Debug, Default)]
pub(super) struct Workouts {
    /// The workout of the previous set.
    current: Option<(WorkoutKey, SeenWorkout)>,
    /// Every other workout met so far.
    others: HashMap<WorkoutKey, SeenWorkout>,
}

impl Workouts {
    /// The next set's place in `w` if `w` was met before (`Some(None)`: it
    /// was deleted here); `None` for a workout not met yet.
    pub(super) fn again(&mut self, w: &CsvWorkout) -> Option<Option<Placed>> {
        if let Some((key, seen)) = &mut self.current
            && key.matches(w)
        {
            return Some(seen.place());
        }
        let key = WorkoutKey::of(w);
        let mut seen = self.others.remove(&key)?;
        let placed = seen.place();
        self.make_current(key, seen);
        Some(placed)
    }

    /// Records `w`, met for the first time as `seen`, and gives the place of
    /// its first set.
    pub(super) fn first(&mut self, w: &CsvWorkout, mut seen: SeenWorkout) -> Option<Placed> {
        let placed = seen.place();
        self.make_current(WorkoutKey::of(w), seen);
        placed
    }

    /// The sets here not yet matched of the workout of the set placed last,
    /// when that workout is one here under another id.
    pub(super) fn sets_here(&mut self) -> Option<&mut SetsHere> {
        self.current
            .as_mut()
            .and_then(|(_, seen)| seen.here.as_mut())
    }

    fn make_current(&mut self, key: WorkoutKey, seen: SeenWorkout) {
        if let Some((k, s)) = self.current.replace((key, seen)) {
            self.others.insert(k, s);
        }
    }
}
