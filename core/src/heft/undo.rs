//! Undo: every change a person makes can be taken back, newest first.
//!
//! Each write records, in the same transaction, the action that reverses it
//! (its inverse) in the local `undo_entry` table. Undoing applies the newest
//! inverse as a new write with a new clock stamp, so the reversal syncs to
//! other devices like any edit. Only the last [`UNDO_DEPTH`] steps are kept.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::Heft;
use crate::model::SetInput;
use crate::store::rows::SetColumns;
use crate::store::stamp::Stamper;
use crate::store::{exercises, measurements, programs, sets, undo_journal, workouts};
use crate::text::{Phrase, Text};
use crate::{Error, Result};

/// How many steps back `undo` can go.
pub const UNDO_DEPTH: i64 = 100;

/// What reverses a recorded action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub(crate) enum Inverse {
    /// Delete logged sets, and the workout the logging started (if it is then empty).
    RemoveSets {
        set_ids: Vec<String>,
        workout_id: Option<String>,
    },
    /// Bring back a deleted set.
    RestoreSet { id: String },
    /// Put back what a set held before an edit.
    RevertSet { id: String, input: SetInput },
    /// Put back a workout's end as it was before finishing.
    ReopenWorkout {
        id: String,
        finished_at_ms: Option<i64>,
        duration_s: Option<u32>,
    },
    /// Delete a started workout if it is still empty.
    RemoveWorkout { id: String },
    /// Delete a custom exercise if no set uses it.
    RemoveExercise { id: String },
    /// Delete a started program run and resume the one it replaced.
    RemoveRun { id: String, resume: Option<String> },
    /// Resume a stopped run.
    ResumeRun { id: String },
    /// Reopen a finished workout and put back the run it advanced.
    ReopenSession {
        id: String,
        finished_at_ms: Option<i64>,
        duration_s: Option<u32>,
        run: Option<RunBefore>,
    },
    /// Put back a custom program as it was before an import (`None`: remove it).
    RestoreProgram { id: String, source: Option<String> },
    /// Delete a recorded measurement.
    RemoveMeasurement { id: String },
    /// Bring back a deleted measurement.
    RestoreMeasurement { id: String },
    /// Put back an adjustment of the run (a profile field) as it was
    /// (`None`: not set).
    RestoreAdjustment {
        field: String,
        value: Option<String>,
    },
}

/// A run's state before a session advanced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct RunBefore {
    /// The run.
    pub id: String,
    /// Its state JSON.
    pub state: String,
}

/// What `undo` took back.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UndoOutcome {
    /// What the undone action was, in English, e.g. "logged 3 sets of Back
    /// Squat".
    pub undone: String,
    /// The same as a catalog phrase, for a screen to say in the person's
    /// language; none for a step recorded before steps kept one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phrase: Option<Phrase>,
}

/// An undo step as the journal keeps it: the inverse and what the action
/// was, as a phrase (steps recorded before phrases have none, and are
/// named by their English label).
#[derive(Serialize)]
struct StepOut<'a> {
    #[serde(flatten)]
    inverse: &'a Inverse,
    label: &'a Phrase,
}

#[derive(Deserialize)]
struct StepIn {
    #[serde(flatten)]
    inverse: Inverse,
    #[serde(default, deserialize_with = "label_if_readable")]
    label: Option<Phrase>,
}

/// What a step was, when this version can read it: a label it cannot
/// (damaged, or from a newer version) leaves the step undoable, named by
/// its English.
fn label_if_readable<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Phrase>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(serde_json::from_value(value).ok())
}

fn read_step(json: &str) -> Result<StepIn> {
    serde_json::from_str(json).map_err(|e| Error::BadRow {
        table: "undo_entry",
        column: "inverse",
        reason: e.to_string(),
    })
}

/// Records `inverse` as the way back from the action `label` says.
pub(crate) fn record(
    conn: &Connection,
    stamp: &Stamper,
    label: Phrase,
    inverse: &Inverse,
) -> Result<()> {
    let step = StepOut {
        inverse,
        label: &label,
    };
    let json = serde_json::to_string(&step).map_err(|e| Error::BadRow {
        table: "undo_entry",
        column: "inverse",
        reason: e.to_string(),
    })?;
    undo_journal::push(
        conn,
        stamp.now().timestamp_millis(),
        &Text::english(&label),
        &json,
        UNDO_DEPTH,
    )?;
    Ok(())
}

pub(crate) use crate::text::workout_label;

/// An undo step that a screen offers (Today and History a training step,
/// Measures a measurement's).
pub(crate) struct TrainingStep {
    /// What the step was; `None` for a step recorded before steps kept one.
    pub label: Option<Phrase>,
    /// The same in English, as the journal keeps it.
    pub english: String,
}

/// The newest undo step when it takes back a change to the training log or
/// the program (a set, a workout, a run), the changes Today offers to undo:
/// a measurement or a new exercise is undone from its own screen.
pub(crate) fn newest_training_step(conn: &Connection) -> Result<Option<TrainingStep>> {
    newest_step_of(conn, |inverse| {
        matches!(
            inverse,
            Inverse::RemoveSets { .. }
                | Inverse::RestoreSet { .. }
                | Inverse::RevertSet { .. }
                | Inverse::ReopenWorkout { .. }
                | Inverse::RemoveWorkout { .. }
                | Inverse::RemoveRun { .. }
                | Inverse::ResumeRun { .. }
                | Inverse::ReopenSession { .. }
                | Inverse::RestoreAdjustment { .. }
        )
    })
}

/// The newest undo step when it takes back a measurement added or
/// deleted, the changes the Measures screen offers to undo.
pub(crate) fn newest_measurement_step(conn: &Connection) -> Result<Option<TrainingStep>> {
    newest_step_of(conn, |inverse| {
        matches!(
            inverse,
            Inverse::RemoveMeasurement { .. } | Inverse::RestoreMeasurement { .. }
        )
    })
}

/// The newest undo step when its inverse is of the kinds `of` accepts.
fn newest_step_of(
    conn: &Connection,
    of: impl Fn(&Inverse) -> bool,
) -> Result<Option<TrainingStep>> {
    let Some(entry) = undo_journal::newest(conn)? else {
        return Ok(None);
    };
    let Ok(step) = read_step(&entry.inverse) else {
        return Ok(None);
    };
    Ok(of(&step.inverse).then_some(TrainingStep {
        label: step.label,
        english: entry.label,
    }))
}

impl Heft {
    /// Takes back the newest change made on this device.
    pub fn undo(&self) -> Result<UndoOutcome> {
        self.write(|tx, stamp| {
            let entry = undo_journal::newest(tx)?.ok_or(Error::NothingToUndo)?;
            let step = read_step(&entry.inverse)?;
            apply(tx, stamp, &step.inverse)?;
            undo_journal::remove(tx, entry.seq)?;
            Ok(UndoOutcome {
                undone: entry.label,
                phrase: step.label,
            })
        })
    }
}

fn apply(tx: &Connection, stamp: &mut Stamper, inverse: &Inverse) -> Result<()> {
    match inverse {
        Inverse::RemoveSets {
            set_ids,
            workout_id,
        } => {
            for id in set_ids {
                sets::delete(tx, id, &stamp.next())?;
            }
            if let Some(w) = workout_id {
                remove_workout_if_empty(tx, stamp, w)?;
            }
        }
        Inverse::RestoreSet { id } => sets::restore(tx, id, &stamp.next())?,
        Inverse::RevertSet { id, input } => {
            SetColumns::new(input).update(tx, id, &stamp.next())?;
        }
        Inverse::ReopenWorkout {
            id,
            finished_at_ms,
            duration_s,
        } => workouts::set_end(tx, id, *finished_at_ms, *duration_s, &stamp.next())?,
        Inverse::RemoveWorkout { id } => remove_workout_if_empty(tx, stamp, id)?,
        Inverse::RestoreProgram { id, source } => match source {
            Some(text) => programs::put(tx, id, text, &stamp.next())?,
            None => programs::delete(tx, id, &stamp.next())?,
        },
        Inverse::RemoveRun { id, resume } => {
            programs::delete_run(tx, id, &stamp.next())?;
            if let Some(prev) = resume {
                programs::set_run_end(tx, prev, None, &stamp.next())?;
            }
        }
        Inverse::ResumeRun { id } => programs::set_run_end(tx, id, None, &stamp.next())?,
        Inverse::ReopenSession {
            id,
            finished_at_ms,
            duration_s,
            run,
        } => {
            workouts::set_end(tx, id, *finished_at_ms, *duration_s, &stamp.next())?;
            // Only a finish that counted the session takes the count back.
            if let Some(run) = run {
                workouts::set_counted_run(tx, id, None, &stamp.next())?;
                programs::set_state_json(tx, &run.id, &run.state, &stamp.next())?;
                for set in sets::with_target(tx, id)? {
                    sets::set_target(tx, &set, None, &stamp.next())?;
                }
            }
        }
        Inverse::RemoveMeasurement { id } => measurements::delete(tx, id, &stamp.next())?,
        Inverse::RestoreMeasurement { id } => measurements::restore(tx, id, &stamp.next())?,
        Inverse::RestoreAdjustment { field, value } => {
            crate::store::profile::put_field(tx, field, value.as_deref(), &stamp.next())?
        }
        Inverse::RemoveExercise { id } => {
            if sets::any_of_exercise(tx, id)? {
                return Err(Error::Conflict(
                    "the exercise has sets now; delete them before undoing its creation".into(),
                ));
            }
            exercises::delete_custom(tx, id, &stamp.next())?;
        }
    }
    Ok(())
}

fn remove_workout_if_empty(tx: &Connection, stamp: &mut Stamper, id: &str) -> Result<()> {
    if !sets::any_live(tx, id)? {
        workouts::delete(tx, id, &stamp.next())?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::model::{Timestamp, Workout};
    use crate::text::Language;

    #[test]
    fn a_workout_is_named_in_the_catalog_as_its_title_says_in_english() {
        let en = Text::new(Language::En);
        for (hour, name) in [
            (7, None),
            (13, None),
            (19, None),
            (2, None),
            (9, Some("Legs")),
        ] {
            let workout = Workout {
                id: "w".into(),
                name: name.map(str::to_owned),
                started_at: Timestamp(
                    DateTime::parse_from_rfc3339(&format!("2026-11-24T{hour:02}:00:00+01:00"))
                        .unwrap(),
                ),
                finished_at: None,
                duration_s: None,
                note: None,
            };
            let label = workout_label(Phrase::new("undo-started-workout"), &workout);
            assert_eq!(
                en.phrase(&label),
                format!("started {}", workout.title()),
                "{hour}"
            );
        }
        assert!(en.missing().is_empty());
        let de = Text::new(Language::De);
        let label = Phrase::new("undo-logged-sets")
            .count("sets", 3u32)
            .name("exercises", "Back Squat");
        assert_eq!(de.phrase(&label), "3 Sätze Back Squat eingetragen");
    }
}
