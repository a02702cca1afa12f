//! Workouts and sets: logging, editing, deleting, finishing and history.
//!
//! A person should not have to "start a workout" to log a set: logging picks
//! the workout the set belongs to (the open one, or the one that was going on
//! at a backdated time) and starts one when there is none.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use rusqlite::Connection;
use serde::Serialize;

use super::Heft;
use super::undo::{self, Inverse};
use crate::model::{LogTime, SetEntry, SetInput, Timestamp, Workout, WorkoutLog};
use crate::store::rows::SetColumns;
use crate::store::stamp::Stamper;
use crate::store::{self, sets};
use crate::text::Phrase;
use crate::validate::{self, Field, Problem, ValidationError};
use crate::{Error, Result};

mod workouts;

use workouts::{close_stale, find_workout_for, insert_workout, last_activity};
pub(crate) use workouts::{close_workout, sets_of_workout};

/// A gap longer than this between sets means a new workout.
pub const SESSION_GAP: TimeDelta = TimeDelta::hours(3);
pub use crate::validate::MAX_SETS_PER_CALL;

/// What a call to [`Heft::log_sets`] wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LoggedSets {
    /// The workout the sets went into.
    pub workout: Workout,
    /// True when that workout was started by this call.
    pub started_workout: bool,
    /// The sets, in order.
    pub sets: Vec<SetEntry>,
}

/// How to finish a workout.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FinishWorkout {
    /// Which workout; the open one when `None`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub workout_id: Option<String>,
    /// When it ended; now when `None`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub at: Option<DateTime<FixedOffset>>,
    /// Its length in seconds, when the person says so (overrides start to end).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub duration_s: Option<u32>,
    /// The open workout of this local date, when no id is given.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub on: Option<NaiveDate>,
}

/// A workout left open on an earlier day (see [`Heft::earlier_open_workout`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EarlierOpenWorkout {
    /// The workout.
    pub workout: Workout,
    /// How many live sets it holds.
    pub sets: u32,
    /// Its last set (its start when it has none).
    pub last_set_at: Timestamp,
    /// What a set logged at the time asked about does to it.
    pub next_log: NextLog,
}

/// What logging a set does to a workout left open on an earlier day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum NextLog {
    /// The set joins it: its last set is at most [`SESSION_GAP`] before.
    JoinsIt,
    /// It is closed at its last set (not counted as a program session) and
    /// the set starts a new workout.
    ClosesIt,
    /// It stays open (a backdated set goes to the workout of its own time).
    LeavesIt,
}

/// Which workouts to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HistoryQuery {
    /// Only workouts with this exercise, and only its sets.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub exercise_id: Option<String>,
    /// From this local date on.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub since: Option<NaiveDate>,
    /// Up to and including this local date.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub until: Option<NaiveDate>,
    /// At most this many workouts, newest first.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<u32>,
}

impl Heft {
    /// Starts a workout at `at` (now by default). Closes a forgotten open one first.
    pub fn start_workout(&self, name: Option<&str>, at: LogTime) -> Result<Workout> {
        let name = clean_optional_name(name)?;
        self.write(|tx, stamp| {
            let t = at.resolve(stamp.now())?;
            if at == LogTime::Now {
                close_stale(tx, t, stamp)?;
            }
            let workout = insert_workout(tx, name.clone(), t, stamp)?;
            undo::record(
                tx,
                stamp,
                undo::workout_label(Phrase::new("undo-started-workout"), &workout),
                &Inverse::RemoveWorkout {
                    id: workout.id.clone(),
                },
            )?;
            Ok(workout)
        })
    }

    /// The workout open now, if any.
    pub fn open_workout(&self) -> Result<Option<Workout>> {
        self.read(store::workouts::newest_open)
    }

    /// A workout still open from a day before the day of `at`, and what
    /// logging at `at` will do to it, so a person can be told before a set
    /// lands in yesterday's workout or that workout is closed uncounted.
    pub fn earlier_open_workout(&self, at: LogTime) -> Result<Option<EarlierOpenWorkout>> {
        let now = self.now();
        let t = at.resolve(now)?;
        let day = at.date(now);
        self.read(|conn| {
            let Some(w) = store::workouts::newest_open(conn)? else {
                return Ok(None);
            };
            if w.started_at.local_date() >= day || w.started_at.0 > t.0 {
                return Ok(None);
            }
            let last_set_at = last_activity(conn, &w)?;
            let sets = sets::live_count(conn, &w.id)?;
            let near = t.0.signed_duration_since(last_set_at.0) <= SESSION_GAP;
            let next_log = match (at, near) {
                (LogTime::OnDate(_), _) => NextLog::LeavesIt,
                (_, true) => NextLog::JoinsIt,
                (LogTime::Now, false) => NextLog::ClosesIt,
                (LogTime::At(_), false) => NextLog::LeavesIt,
            };
            Ok(Some(EarlierOpenWorkout {
                workout: w,
                sets,
                last_set_at,
                next_log,
            }))
        })
    }

    /// Logs one set; see [`Heft::log_sets`].
    pub fn log_set(&self, input: SetInput, at: LogTime) -> Result<SetEntry> {
        let mut logged = self.log_sets(std::slice::from_ref(&input), at)?;
        logged.sets.pop().ok_or_else(|| Error::NotFound {
            entity: "set",
            id: String::new(),
        })
    }

    /// Logs sets, all or none, into the workout going on at `at` (starting one
    /// if needed). One undo step reverses the whole call.
    pub fn log_sets(&self, inputs: &[SetInput], at: LogTime) -> Result<LoggedSets> {
        if inputs.is_empty() {
            return Err(ValidationError {
                field: Field::Count,
                problem: Problem::Missing,
            }
            .into());
        }
        if inputs.len() > MAX_SETS_PER_CALL {
            return Err(ValidationError {
                field: Field::Count,
                problem: Problem::TooLarge {
                    max: validate::Limit::count(MAX_SETS_PER_CALL as f64),
                },
            }
            .into());
        }
        let inputs: Vec<SetInput> = inputs.iter().map(clean_input).collect();
        self.write(|tx, stamp| {
            let now = stamp.now();
            let t = at.resolve(now)?;
            let mut names = Vec::with_capacity(inputs.len());
            for input in &inputs {
                let exercise = crate::store::exercises::by_id(tx, &input.exercise_id)?;
                validate::set(input, &exercise)?;
                names.push(exercise.name);
            }
            if at == LogTime::Now {
                close_stale(tx, t, stamp)?;
            }
            let (workout, started_workout, t) = match find_workout_for(tx, t, at)? {
                // A date-only set joining that day's workout is stamped at its
                // last activity, never outside the workout's span.
                Some(w) if matches!(at, LogTime::OnDate(_)) => {
                    let last = last_activity(tx, &w)?;
                    (w, false, last)
                }
                Some(w) => (w, false, t),
                None => (insert_workout(tx, None, t, stamp)?, true, t),
            };
            let first = sets::next_position(tx, &workout.id)?;
            let mut sets = Vec::with_capacity(inputs.len());
            for (position, (input, exercise_name)) in (first..).zip(inputs.into_iter().zip(names)) {
                let id = uuid::Uuid::now_v7().to_string();
                SetColumns::new(&input).insert(tx, &id, &workout.id, position, t, &stamp.next())?;
                sets.push(SetEntry {
                    id,
                    workout_id: workout.id.clone(),
                    exercise_name,
                    position,
                    performed_at: t,
                    input,
                    target: None,
                });
            }
            let label = describe_sets(&sets);
            let inverse = Inverse::RemoveSets {
                set_ids: sets.iter().map(|s| s.id.clone()).collect(),
                workout_id: started_workout.then(|| workout.id.clone()),
            };
            undo::record(tx, stamp, label, &inverse)?;
            Ok(LoggedSets {
                workout,
                started_workout,
                sets,
            })
        })
    }

    /// Replaces what was entered for set `id` (exercise, load, reps, ...).
    /// What the new input does not restate (role, effort source, band) is
    /// kept ([`SetInput::edited`]).
    pub fn edit_set(&self, id: &str, input: SetInput) -> Result<SetEntry> {
        let input = clean_input(&input);
        self.write(|tx, stamp| {
            let before = sets::by_id(tx, id)?;
            let input = before.input.edited(input);
            let exercise = crate::store::exercises::by_id(tx, &input.exercise_id)?;
            validate::set(&input, &exercise)?;
            SetColumns::new(&input).update(tx, id, &stamp.next())?;
            undo::record(
                tx,
                stamp,
                Phrase::new("undo-edited-set").name("exercise", before.exercise_name.as_str()),
                &Inverse::RevertSet {
                    id: id.to_owned(),
                    input: before.input,
                },
            )?;
            sets::by_id(tx, id)
        })
    }

    /// Deletes set `id` (a tombstone, so the deletion reaches other devices).
    pub fn delete_set(&self, id: &str) -> Result<SetEntry> {
        self.write(|tx, stamp| {
            let set = sets::by_id(tx, id)?;
            sets::delete(tx, id, &stamp.next())?;
            undo::record(
                tx,
                stamp,
                Phrase::new("undo-deleted-set").name("exercise", set.exercise_name.as_str()),
                &Inverse::RestoreSet { id: id.to_owned() },
            )?;
            Ok(set)
        })
    }

    /// Finishes a workout (the open one by default). Its length is the time
    /// from start to end unless a duration is given.
    pub fn finish_workout(&self, finish: FinishWorkout) -> Result<Workout> {
        self.finish(finish).map(|f| f.workout)
    }

    /// Workouts with their sets, newest first.
    pub fn history(&self, query: &HistoryQuery) -> Result<Vec<WorkoutLog>> {
        self.read(|conn| {
            let workouts = store::workouts::history(
                conn,
                store::workouts::HistoryRange {
                    since: query.since,
                    until: query.until,
                    exercise_id: query.exercise_id.as_deref(),
                    limit: query.limit,
                },
            )?;
            workouts
                .into_iter()
                .map(|w| {
                    let sets =
                        sets::live_sets_of_workout(conn, &w.id, query.exercise_id.as_deref())?;
                    Ok(WorkoutLog::new(w, sets))
                })
                .collect()
        })
    }

    /// One workout with its sets.
    pub fn workout_log(&self, id: &str) -> Result<WorkoutLog> {
        self.read(|conn| {
            let w = store::workouts::by_id(conn, id)?;
            let sets = sets::live_sets_of_workout(conn, &w.id, None)?;
            Ok(WorkoutLog::new(w, sets))
        })
    }

    /// One live set.
    pub fn set(&self, id: &str) -> Result<SetEntry> {
        self.read(|conn| sets::by_id(conn, id))
    }

    /// The full id of the live set whose id is or ends with `fragment`
    /// (people copy the short form shown in history).
    pub fn resolve_set_id(&self, fragment: &str) -> Result<String> {
        self.resolve_short_id("set_entry", "set", fragment)
    }
}

/// Trims the note and drops it when blank.
fn clean_input(input: &SetInput) -> SetInput {
    let note = input
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    SetInput {
        note,
        ..input.clone()
    }
}

fn clean_optional_name(name: Option<&str>) -> Result<Option<String>> {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => {
            validate::name(Field::Name, n)?;
            Ok(Some(n.to_owned()))
        }
        None => Ok(None),
    }
}

/// "3 sets of Back Squat" / "5 sets of Back Squat, Bench Press".
fn describe_sets(sets: &[SetEntry]) -> Phrase {
    let mut names: Vec<&str> = Vec::new();
    for s in sets {
        if !names.contains(&s.exercise_name.as_str()) {
            names.push(&s.exercise_name);
        }
    }
    Phrase::new("undo-logged-sets")
        .count("sets", u64::try_from(sets.len()).unwrap_or(u64::MAX))
        .name("exercises", names.join(", "))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{DateTime, NaiveDate, TimeDelta};

    use super::*;
    use crate::clock::ManualClock;
    use crate::grammar;
    use crate::heft::test_support::{NOW, heft};
    use crate::model::{Load, SetKind, Weight, WeightUnit};

    fn sets(exercise: &str, notation: &str) -> Vec<SetInput> {
        let spec = grammar::parse(notation).unwrap();
        vec![spec.to_input(exercise, WeightUnit::Kg); spec.count as usize]
    }

    fn manual() -> (Arc<ManualClock>, Heft) {
        let clock = Arc::new(ManualClock::new(DateTime::parse_from_rfc3339(NOW).unwrap()));
        let h = Heft::open_in_memory(clock.clone()).unwrap();
        (clock, h)
    }

    #[test]
    fn finishing_with_nothing_open_says_why() {
        let (clock, h) = manual();
        let none = h.finish_workout(FinishWorkout::default()).unwrap_err();
        assert_eq!(
            none.to_string(),
            "no workout is open, and none has been logged yet"
        );
        h.log_sets(&sets("back-squat", "100x5"), LogTime::Now)
            .unwrap();
        let started = h.open_workout().unwrap().unwrap().started_at.local_date();
        h.finish_workout(FinishWorkout::default()).unwrap();
        clock.advance(TimeDelta::minutes(5));
        let again = h.finish_workout(FinishWorkout::default()).unwrap_err();
        assert_eq!(
            again.to_string(),
            format!(
                "no workout is open: the latest one, started on {started}, is already finished"
            )
        );
        let on = |d: NaiveDate| FinishWorkout {
            on: Some(d),
            ..Default::default()
        };
        assert_eq!(
            h.finish_workout(on(started)).unwrap_err().to_string(),
            format!("no workout of {started} is open: it is already finished")
        );
        let empty = started.pred_opt().unwrap();
        assert_eq!(
            h.finish_workout(on(empty)).unwrap_err().to_string(),
            format!("no workout was logged on {empty}")
        );
    }

    #[test]
    fn a_workout_left_open_on_an_earlier_day_is_reported_with_what_logging_does() {
        let (clock, h) = manual();
        assert_eq!(h.earlier_open_workout(LogTime::Now).unwrap(), None);
        clock.advance(TimeDelta::minutes(4 * 60 + 30)); // 22:30
        let now = h.now();
        h.log_sets(&sets("back-squat", "3x100x5"), LogTime::Now)
            .unwrap();
        assert_eq!(
            h.earlier_open_workout(LogTime::Now).unwrap(),
            None,
            "today's own workout is not from an earlier day"
        );
        // Past midnight within the gap the next set joins it ...
        clock.advance(TimeDelta::hours(2));
        let within = h.earlier_open_workout(LogTime::Now).unwrap().unwrap();
        assert_eq!(within.sets, 3);
        assert_eq!(within.next_log, NextLog::JoinsIt);
        // ... a day later it is closed at its last set when the next set comes.
        clock.advance(TimeDelta::hours(20));
        let later = h.earlier_open_workout(LogTime::Now).unwrap().unwrap();
        assert_eq!(later.next_log, NextLog::ClosesIt);
        assert_eq!(later.last_set_at.0, now);
        let day = LogTime::OnDate(h.now().date_naive());
        assert_eq!(
            h.earlier_open_workout(day).unwrap().unwrap().next_log,
            NextLog::LeavesIt
        );
        h.log_sets(&sets("back-squat", "100x5"), LogTime::Now)
            .unwrap();
        assert_eq!(h.earlier_open_workout(LogTime::Now).unwrap(), None);
    }

    #[test]
    fn logging_starts_a_workout_and_later_sets_join_it() {
        let (clock, h) = manual();
        let first = h
            .log_sets(&sets("back-squat", "3x100x5@2"), LogTime::Now)
            .unwrap();
        assert!(first.started_workout);
        assert_eq!(
            first.sets.iter().map(|s| s.position).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        clock.advance(TimeDelta::minutes(20));
        let second = h
            .log_sets(&sets("bench-press", "60x8"), LogTime::Now)
            .unwrap();
        assert!(!second.started_workout);
        assert_eq!(second.workout.id, first.workout.id);
        assert_eq!(second.sets[0].position, 4);
        let log = h.workout_log(&first.workout.id).unwrap();
        assert_eq!(log.sets.len(), 4);
        assert_eq!(
            log.sets[0].input.load,
            Load::Weight {
                weight: Weight::from_milli(100_000, WeightUnit::Kg)
            }
        );
    }

    #[test]
    fn a_long_gap_closes_the_forgotten_workout_at_its_last_set() {
        let (clock, h) = manual();
        let morning = h
            .log_sets(&sets("back-squat", "100x5"), LogTime::Now)
            .unwrap();
        clock.advance(TimeDelta::hours(5));
        let evening = h
            .log_sets(&sets("back-squat", "100x5"), LogTime::Now)
            .unwrap();
        assert!(evening.started_workout);
        assert_ne!(evening.workout.id, morning.workout.id);
        let closed = h.workout_log(&morning.workout.id).unwrap().workout;
        assert_eq!(closed.finished_at, Some(morning.sets[0].performed_at));
    }

    #[test]
    fn backdating_by_date_joins_that_days_workout() {
        let h = heft();
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let a = h
            .log_sets(&sets("back-squat", "100x5"), LogTime::OnDate(day))
            .unwrap();
        let b = h
            .log_sets(&sets("bench-press", "60x5"), LogTime::OnDate(day))
            .unwrap();
        assert_eq!(a.workout.id, b.workout.id);
        assert_eq!(a.workout.started_at.local_date(), day);
        assert_eq!(a.workout.started_at.0.format("%H:%M").to_string(), "12:00");
        let tomorrow = h.now().date_naive().succ_opt().unwrap();
        assert_eq!(
            h.log_sets(&sets("back-squat", "100x5"), LogTime::OnDate(tomorrow))
                .unwrap_err()
                .field(),
            Some("date")
        );
    }

    #[test]
    fn a_date_only_set_joining_a_later_workout_stays_inside_it() {
        let h = heft();
        let w = h.start_workout(None, LogTime::Now).unwrap();
        let today = h.now().date_naive();
        let logged = h
            .log_sets(&sets("back-squat", "100x5"), LogTime::OnDate(today))
            .unwrap();
        assert_eq!(logged.workout.id, w.id);
        assert!(logged.sets[0].performed_at >= w.started_at);
        let done = h.finish_workout(FinishWorkout::default()).unwrap();
        assert!(done.finished_at.unwrap() >= done.started_at);
    }

    #[test]
    fn backdating_with_a_time_finds_the_workout_that_was_going_on() {
        let h = heft();
        let at = |s: &str| LogTime::At(DateTime::parse_from_rfc3339(s).unwrap());
        let w = h
            .log_sets(
                &sets("back-squat", "100x5"),
                at("2026-11-20T18:00:00+01:00"),
            )
            .unwrap()
            .workout;
        h.finish_workout(FinishWorkout {
            workout_id: Some(w.id.clone()),
            at: Some(DateTime::parse_from_rfc3339("2026-11-20T19:00:00+01:00").unwrap()),
            ..Default::default()
        })
        .unwrap();
        let inside = h
            .log_sets(
                &sets("bench-press", "60x5"),
                at("2026-11-20T18:40:00+01:00"),
            )
            .unwrap();
        assert_eq!(inside.workout.id, w.id);
        let after = h
            .log_sets(
                &sets("bench-press", "60x5"),
                at("2026-11-20T21:00:00+01:00"),
            )
            .unwrap();
        assert!(after.started_workout);
        let future = h.log_sets(
            &sets("bench-press", "60x5"),
            at("2026-11-25T21:00:00+01:00"),
        );
        assert_eq!(future.unwrap_err().field(), Some("date"));
    }

    #[test]
    fn invalid_sets_write_nothing() {
        let h = heft();
        let mut batch = sets("back-squat", "2x100x5");
        batch.push(SetInput {
            reps: Some(5000),
            ..batch[0].clone()
        });
        let err = h.log_sets(&batch, LogTime::Now).unwrap_err();
        assert_eq!(err.field(), Some("reps"));
        assert!(h.history(&HistoryQuery::default()).unwrap().is_empty());
        assert!(matches!(h.undo(), Err(Error::NothingToUndo)));
        let unknown = h
            .log_sets(&sets("no-such-exercise", "100x5"), LogTime::Now)
            .unwrap_err();
        assert!(matches!(
            unknown,
            Error::NotFound {
                entity: "exercise",
                ..
            }
        ));
        assert_eq!(
            h.log_sets(&[], LogTime::Now).unwrap_err().field(),
            Some("count")
        );
    }

    #[test]
    fn edit_delete_and_undo_each_step() {
        let h = heft();
        let logged = h
            .log_sets(&sets("back-squat", "2x100x5"), LogTime::Now)
            .unwrap();
        let id = logged.sets[0].id.clone();

        let edited = h
            .edit_set(
                &id,
                SetInput {
                    reps: Some(6),
                    kind: SetKind::Failure,
                    ..logged.sets[0].input.clone()
                },
            )
            .unwrap();
        assert_eq!(
            (edited.input.reps, edited.input.kind),
            (Some(6), SetKind::Failure)
        );
        let bad = h.edit_set(
            &id,
            SetInput {
                effort: Some(crate::model::Effort::Rpe(12.0)),
                ..edited.input.clone()
            },
        );
        assert_eq!(bad.unwrap_err().field(), Some("rpe"));

        h.delete_set(&id).unwrap();
        assert!(matches!(h.set(&id), Err(Error::NotFound { .. })));
        assert!(matches!(h.delete_set(&id), Err(Error::NotFound { .. })));

        assert_eq!(h.undo().unwrap().undone, "deleted a set of Back Squat");
        assert_eq!(h.set(&id).unwrap().input.reps, Some(6));
        assert_eq!(h.undo().unwrap().undone, "edited a set of Back Squat");
        assert_eq!(h.set(&id).unwrap().input, logged.sets[0].input);
        assert_eq!(h.undo().unwrap().undone, "logged 2 sets of Back Squat");
        assert!(
            h.history(&HistoryQuery::default()).unwrap().is_empty(),
            "the workout the log started goes too"
        );
        assert!(matches!(h.undo(), Err(Error::NothingToUndo)));
    }

    #[test]
    fn finishing_uses_start_to_end_or_the_given_duration_and_can_be_undone() {
        let (clock, h) = manual();
        let w = h
            .log_sets(&sets("back-squat", "100x5"), LogTime::Now)
            .unwrap()
            .workout;
        clock.advance(TimeDelta::minutes(35));
        let done = h.finish_workout(FinishWorkout::default()).unwrap();
        assert_eq!(done.duration(), Some(35 * 60));
        assert!(h.open_workout().unwrap().is_none());
        assert!(matches!(
            h.finish_workout(FinishWorkout::default()),
            Err(Error::NoOpenWorkout { .. })
        ));
        h.undo().unwrap();
        assert_eq!(h.open_workout().unwrap().map(|o| o.id), Some(w.id.clone()));
        let given = h
            .finish_workout(FinishWorkout {
                duration_s: Some(1800),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(given.duration(), Some(1800));
        let early = FinishWorkout {
            workout_id: Some(w.id),
            at: Some(DateTime::parse_from_rfc3339("2026-11-24T17:00:00+01:00").unwrap()),
            ..Default::default()
        };
        assert_eq!(
            h.finish_workout(early).unwrap_err().field(),
            Some("finished_at")
        );
    }

    #[test]
    fn history_filters_by_exercise_and_date() {
        let h = heft();
        let day = |d| LogTime::OnDate(NaiveDate::from_ymd_opt(2026, 11, d).unwrap());
        h.log_sets(&sets("back-squat", "100x5"), day(10)).unwrap();
        h.log_sets(&sets("bench-press", "60x5"), day(10)).unwrap();
        h.log_sets(&sets("bench-press", "62.5x5"), day(17)).unwrap();
        let all = h.history(&HistoryQuery::default()).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[0].workout.started_at.local_date().to_string(),
            "2026-11-17"
        );
        let squat = h
            .history(&HistoryQuery {
                exercise_id: Some("back-squat".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(squat.len(), 1);
        assert_eq!(squat[0].sets.len(), 1, "only the squat sets");
        let since = h
            .history(&HistoryQuery {
                since: NaiveDate::from_ymd_opt(2026, 11, 11),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(since.len(), 1);
        let until = h
            .history(&HistoryQuery {
                until: NaiveDate::from_ymd_opt(2026, 11, 10),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(until.len(), 1);
        assert_eq!(
            h.history(&HistoryQuery {
                limit: Some(1),
                ..Default::default()
            })
            .unwrap()
            .len(),
            1
        );
    }

    #[test]
    fn set_ids_resolve_from_their_tail() {
        let h = heft();
        let logged = h
            .log_sets(&sets("back-squat", "100x5"), LogTime::Now)
            .unwrap();
        let id = &logged.sets[0].id;
        assert_eq!(&h.resolve_set_id(&id[id.len() - 8..]).unwrap(), id);
        assert_eq!(&h.resolve_set_id(&id.to_uppercase()).unwrap(), id);
        assert_eq!(h.resolve_set_id("xyz").unwrap_err().field(), Some("id"));
        assert!(matches!(
            h.resolve_set_id("ffffffff"),
            Err(Error::NotFound { .. })
        ));
    }

    #[test]
    fn every_write_advances_the_clock_stamp() {
        let h = heft();
        let a = h
            .log_sets(&sets("back-squat", "2x100x5"), LogTime::Now)
            .unwrap();
        let stamps: Vec<String> = h
            .read(|c| {
                let mut st = c.prepare("SELECT hlc FROM set_entry ORDER BY position")?;
                let v = st
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<Vec<String>>>()?;
                Ok(v)
            })
            .unwrap();
        assert_eq!(stamps.len(), a.sets.len());
        assert!(
            stamps[0] < stamps[1],
            "same millisecond, increasing counter"
        );
        assert!(stamps.iter().all(|s| s.ends_with(&h.device_id().unwrap())));
    }
}
