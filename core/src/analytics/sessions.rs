//! Sessions: the workouts that hold lifting, with their date and minutes.
//!
//! A session is a live workout with at least one set of a lifting exercise
//! (any pattern but cardio). It belongs to the local date and ISO week its
//! workout started in, and its minutes are counted once, in that week.
//! Minutes follow the engine's weekly-dose rule so `heft stats` and
//! `heft today` agree: a workout's recorded length ([`Workout::duration`])
//! when all its sets are lifting; when it also holds cardio, or its length
//! is unknown (still open), the estimate of its lifting sets
//! ([`crate::progression::minutes`], resting what the program the person
//! follows prescribes, the same lookup the engine uses).
//!
//! [`Workout::duration`]: crate::model::Workout::duration

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::input::AnalyticsSet;
use super::week::Week;
use crate::progression::minutes::{RestLookup, SessionClock};

/// A workout with lifting in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The workout.
    pub workout_id: String,
    /// Local date it started on.
    pub date: NaiveDate,
    /// ISO week of `date`.
    pub week: Week,
    /// Minutes of lifting.
    pub lifting_minutes: f64,
    /// The minutes are an estimate from the sets.
    pub estimated: bool,
}

/// Per workout, what its sets add up to; filled set by set.
pub(crate) struct SessionLog<'r> {
    workouts: HashMap<Arc<str>, Acc>,
    rest: &'r dyn RestLookup,
}

#[derive(Debug, Clone)]
struct Acc {
    date: NaiveDate,
    start_ms: i64,
    duration_s: Option<u32>,
    lifting_sets: u32,
    cardio_sets: u32,
    estimate: SessionClock,
}

impl<'r> SessionLog<'r> {
    /// An empty log whose estimates rest what `rest` says.
    pub(crate) fn new(rest: &'r dyn RestLookup) -> Self {
        SessionLog {
            workouts: HashMap::new(),
            rest,
        }
    }

    /// Counts one set.
    pub(crate) fn add(&mut self, s: &AnalyticsSet) {
        let acc = match self.workouts.get_mut(&s.workout_id) {
            Some(a) => a,
            None => self
                .workouts
                .entry(s.workout_id.clone())
                .or_insert_with(|| Acc {
                    date: s.session_date(),
                    start_ms: s.workout_start.utc_ms(),
                    duration_s: s.workout_duration_s,
                    lifting_sets: 0,
                    cardio_sets: 0,
                    estimate: SessionClock::default(),
                }),
        };
        if s.is_lifting() {
            acc.lifting_sets += 1;
            let id = &s.exercise.id;
            acc.estimate.add(id, s.timed_set(), self.rest.rest_for(id));
        } else {
            acc.cardio_sets += 1;
        }
    }

    /// The sessions (workouts with lifting), by start.
    pub(crate) fn sessions(&self) -> Vec<Session> {
        let mut out: Vec<(i64, Session)> = self
            .workouts
            .iter()
            .filter(|(_, a)| a.lifting_sets > 0)
            .map(|(id, a)| {
                let recorded = a
                    .duration_s
                    .filter(|s| *s > 0 && a.cardio_sets == 0)
                    .map(|s| f64::from(s) / 60.0);
                let session = Session {
                    workout_id: id.to_string(),
                    date: a.date,
                    week: Week::of(a.date),
                    lifting_minutes: recorded.unwrap_or_else(|| a.estimate.minutes()),
                    estimated: recorded.is_none(),
                };
                (a.start_ms, session)
            })
            .collect();
        out.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| a.1.workout_id.cmp(&b.1.workout_id))
        });
        out.into_iter().map(|(_, s)| s).collect()
    }
}

/// The sessions among `sets`, by start; a workout without a recorded
/// length rests what `rest` says between working sets.
pub fn sessions<'a, I>(sets: I, rest: &dyn RestLookup) -> Vec<Session>
where
    I: IntoIterator<Item = &'a AnalyticsSet>,
{
    let mut log = SessionLog::new(rest);
    for s in sets {
        log.add(s);
    }
    log.sessions()
}

#[cfg(test)]
mod tests {
    use super::super::input::fixtures::*;
    use super::*;
    use crate::model::SetKind;
    use crate::progression::minutes::NoProgram;

    #[test]
    fn recorded_length_or_estimate() {
        let start = at(d(2026, 11, 24), 18, 0, 1);
        let sets = [
            // Recorded: 50 minutes.
            set(squat(), "w1", start)
                .kg(100.0)
                .reps(5)
                .workout(start, Some(50)),
            set(squat(), "w1", start)
                .kg(100.0)
                .reps(5)
                .workout(start, Some(50)),
            // Unknown: 30 s to set up, a warm-up of 5 (15 s + 25 s), two
            // sets of 5 (20 s each) and the default rest between them (5
            // reps, effort not reported: 180 s): 290 s = 4.83 min.
            set(squat(), "w2", start)
                .kg(60.0)
                .reps(5)
                .kind(SetKind::Warmup),
            set(squat(), "w2", start).kg(100.0).reps(5),
            set(squat(), "w2", start).kg(100.0).reps(5),
        ];
        let s = sessions(&sets, &NoProgram);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].lifting_minutes, s[0].estimated), (50.0, false));
        assert!((s[1].lifting_minutes - 290.0 / 60.0).abs() < 1e-9);
        assert!(s[1].estimated);
    }

    #[test]
    fn cardio_is_not_lifting() {
        let start = at(d(2026, 11, 24), 7, 0, 1);
        // A run alone is no session.
        let run = set(running(), "run", start)
            .seconds(1800)
            .workout(start, Some(30));
        assert!(sessions([&run], &NoProgram).is_empty());
        // A run then squats: the recorded 60 minutes include the run, so
        // the lifting sets are estimated: 30 s to set up, 2 x 20 s of reps
        // and 180 s of rest between them (5 reps, effort not reported) =
        // 250 s = 4.17 min.
        let mixed = [
            set(running(), "w", start)
                .seconds(1200)
                .workout(start, Some(60)),
            set(squat(), "w", start)
                .kg(100.0)
                .reps(5)
                .workout(start, Some(60)),
            set(squat(), "w", start)
                .kg(100.0)
                .reps(5)
                .workout(start, Some(60)),
        ];
        let s = sessions(&mixed, &NoProgram);
        assert!((s[0].lifting_minutes - 250.0 / 60.0).abs() < 1e-9);
        assert!(s[0].estimated);
    }

    #[test]
    fn a_session_belongs_to_the_day_it_started() {
        // Started 23:40 on Sunday, last set after midnight.
        let start = at(d(2026, 11, 29), 23, 40, 1);
        let sets = [
            set(squat(), "w", start).kg(100.0).reps(5),
            set(squat(), "w", start)
                .kg(100.0)
                .reps(5)
                .done_at(at(d(2026, 11, 30), 0, 10, 1)),
        ];
        let s = sessions(&sets, &NoProgram);
        assert_eq!(
            (s[0].date, s[0].week.label().as_str()),
            (d(2026, 11, 29), "2026-W48")
        );
    }
}
