//! Workouts: a session of sets.

use chrono::Timelike;
use serde::{Deserialize, Serialize};

use super::{SetEntry, Timestamp};

/// A training session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Workout {
    /// UUIDv7.
    pub id: String,
    /// Name given by the person, if any.
    pub name: Option<String>,
    /// When it started.
    pub started_at: Timestamp,
    /// When it was finished; `None` while it is open.
    pub finished_at: Option<Timestamp>,
    /// Duration in seconds as given by the person, overriding start to finish.
    pub duration_s: Option<u32>,
    /// Free text.
    pub note: Option<String>,
}

impl Workout {
    /// The name, or one made from the time of day ("Evening workout").
    pub fn title(&self) -> String {
        if let Some(name) = &self.name {
            return name.clone();
        }
        let part = self.day_part();
        format!("{}{} workout", part[..1].to_uppercase(), &part[1..])
    }

    /// The part of the day it started in: `morning`, `afternoon`,
    /// `evening` or `night`, the words an unnamed workout is called by.
    pub fn day_part(&self) -> &'static str {
        match self.started_at.0.hour() {
            4..=11 => "morning",
            12..=16 => "afternoon",
            17..=21 => "evening",
            _ => "night",
        }
    }

    /// Length in seconds: as given, or from start to finish; `None` while
    /// open or when start and finish coincide (a workout closed at its only
    /// set, whose length nobody recorded).
    pub fn duration(&self) -> Option<u32> {
        self.duration_s.or_else(|| {
            let finished = self.finished_at?;
            let ms = finished.utc_ms() - self.started_at.utc_ms();
            u32::try_from(ms / 1000).ok().filter(|&s| s > 0)
        })
    }

    /// Still open for more sets.
    pub fn is_open(&self) -> bool {
        self.finished_at.is_none()
    }
}

/// A workout with its live sets in order, as history shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkoutLog {
    /// The workout.
    #[serde(flatten)]
    pub workout: Workout,
    /// Display title.
    pub title: String,
    /// Length in seconds, when known.
    pub duration_s_total: Option<u32>,
    /// Its sets, by position.
    pub sets: Vec<SetEntry>,
}

impl WorkoutLog {
    /// Bundle a workout with its sets, computing the display fields.
    pub fn new(workout: Workout, sets: Vec<SetEntry>) -> Self {
        WorkoutLog {
            title: workout.title(),
            duration_s_total: workout.duration(),
            workout,
            sets,
        }
    }
}
