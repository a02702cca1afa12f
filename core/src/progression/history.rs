//! Past training as the engine reads it: workouts with their sets, in kg.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::minutes::{RestLookup, logged_minutes};
use crate::model::{Load, SetEntry, SetKind, WorkoutLog};

/// One finished or open workout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PastWorkout {
    /// Workout id.
    pub id: String,
    /// Local date it started on.
    pub date: NaiveDate,
    /// Minutes it lasted, when recorded.
    pub minutes: Option<f64>,
    /// Its sets in order.
    pub sets: Vec<PastSet>,
}

/// One logged set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PastSet {
    /// Exercise id.
    pub exercise_id: String,
    /// Warm-up, working, drop or failure.
    pub kind: SetKind,
    /// External load in kg (added load for body-weight exercises), if any.
    pub kg: Option<f64>,
    /// Reps done.
    pub reps: Option<u32>,
    /// Reps in reserve reported (RPE converted).
    pub rir: Option<f64>,
    /// Pain 0-10, when reported.
    pub pain: Option<u8>,
    /// Seconds, for timed sets.
    pub seconds: Option<u32>,
    /// The elastic band used, by name, when logged.
    #[serde(default)]
    pub band: Option<String>,
}

impl PastSet {
    /// True for sets that count as work (not warm-ups).
    pub fn is_work(&self) -> bool {
        self.kind != SetKind::Warmup
    }
}

impl From<&SetEntry> for PastSet {
    fn from(s: &SetEntry) -> Self {
        PastSet {
            exercise_id: s.input.exercise_id.clone(),
            kind: s.input.kind,
            kg: match s.input.load {
                Load::Weight { weight } => Some(weight.base()),
                Load::Bodyweight { added } => added.map(|w| w.base()),
                Load::None => None,
            },
            reps: s.input.reps,
            // Only what the person reported: a set logged as prescribed
            // carries the target, which says nothing new about the lift.
            rir: s.input.logged_effort().map(|e| e.rir()),
            pain: s.input.pain,
            seconds: s.input.duration_ms.map(|ms| ms / 1000),
            band: s.input.band.clone(),
        }
    }
}

impl From<&WorkoutLog> for PastWorkout {
    fn from(log: &WorkoutLog) -> Self {
        PastWorkout {
            id: log.workout.id.clone(),
            date: log.workout.started_at.local_date(),
            minutes: log.workout.duration().map(|s| f64::from(s) / 60.0),
            sets: log.sets.iter().map(PastSet::from).collect(),
        }
    }
}

impl PastWorkout {
    /// Minutes recorded, or estimated from the sets with the rest `rest`
    /// says ([`super::minutes::logged_minutes`]).
    pub fn lifting_minutes(&self, rest: &dyn RestLookup) -> f64 {
        self.minutes
            .unwrap_or_else(|| logged_minutes(&self.sets, rest))
    }
}
