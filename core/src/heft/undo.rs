//! Undo: every change a person makes can be taken back, newest first.
//!
//! Each write records, in the same transaction, the action that reverses it
//! (its inverse) in the local `undo_entry` table. Undoing applies the newest
//! inverse as a new write with a new clock stamp, so the reversal syncs to
//! other devices like any edit. Only the last [`UNDO_DEPTH`] steps are kept.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::logbook::has_sets;
use super::programs::set_run_end;
use super::{Heft, Stamper};
use crate::model::SetInput;
use crate::store::rows::SetColumns;
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UndoOutcome {
    /// What the undone action was, e.g. "logged 3 sets of Back Squat".
    pub undone: String,
}

/// Records `inverse` as the way back from the action described by `label`.
pub(crate) fn record(
    conn: &Connection,
    stamp: &Stamper<'_>,
    label: &str,
    inverse: &Inverse,
) -> Result<()> {
    let json = serde_json::to_string(inverse).map_err(|e| Error::BadRow {
        table: "undo_entry",
        column: "inverse",
        reason: e.to_string(),
    })?;
    conn.prepare_cached("INSERT INTO undo_entry (at_ms, label, inverse) VALUES (?1, ?2, ?3)")?
        .execute((stamp.now().timestamp_millis(), label, json))?;
    conn.prepare_cached(
        "DELETE FROM undo_entry WHERE seq <= (SELECT max(seq) FROM undo_entry) - ?1",
    )?
    .execute([UNDO_DEPTH])?;
    Ok(())
}

impl Heft {
    /// Takes back the newest change made on this device.
    pub fn undo(&self) -> Result<UndoOutcome> {
        self.write(|tx, stamp| {
            let newest: Option<(i64, String, String)> = tx
                .query_row(
                    "SELECT seq, label, inverse FROM undo_entry ORDER BY seq DESC LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let (seq, label, json) = newest.ok_or(Error::NothingToUndo)?;
            let inverse: Inverse = serde_json::from_str(&json).map_err(|e| Error::BadRow {
                table: "undo_entry",
                column: "inverse",
                reason: e.to_string(),
            })?;
            apply(tx, stamp, &inverse)?;
            tx.execute("DELETE FROM undo_entry WHERE seq = ?1", [seq])?;
            Ok(UndoOutcome { undone: label })
        })
    }
}

fn apply(tx: &Connection, stamp: &mut Stamper<'_>, inverse: &Inverse) -> Result<()> {
    match inverse {
        Inverse::RemoveSets {
            set_ids,
            workout_id,
        } => {
            for id in set_ids {
                tx.execute(
                    "UPDATE set_entry SET deleted = 1, hlc = ?2 WHERE id = ?1 AND deleted = 0",
                    (id, stamp.next()),
                )?;
            }
            if let Some(w) = workout_id {
                remove_workout_if_empty(tx, stamp, w)?;
            }
        }
        Inverse::RestoreSet { id } => {
            tx.execute(
                "UPDATE set_entry SET deleted = 0, hlc = ?2 WHERE id = ?1",
                (id, stamp.next()),
            )?;
        }
        Inverse::RevertSet { id, input } => {
            SetColumns::new(input).update(tx, id, &stamp.next())?;
        }
        Inverse::ReopenWorkout {
            id,
            finished_at_ms,
            duration_s,
        } => {
            tx.execute(
                "UPDATE workout SET finished_at_ms = ?2, duration_s = ?3, hlc = ?4 WHERE id = ?1",
                (id, finished_at_ms, duration_s, stamp.next()),
            )?;
        }
        Inverse::RemoveWorkout { id } => remove_workout_if_empty(tx, stamp, id)?,
        Inverse::RestoreProgram { id, source } => match source {
            Some(text) => {
                tx.execute(
                    "UPDATE program SET source = ?2, deleted = 0, hlc = ?3 WHERE id = ?1",
                    (id, text, stamp.next()),
                )?;
            }
            None => {
                tx.execute(
                    "UPDATE program SET deleted = 1, hlc = ?2 WHERE id = ?1",
                    (id, stamp.next()),
                )?;
            }
        },
        Inverse::RemoveRun { id, resume } => {
            tx.execute(
                "UPDATE program_run SET deleted = 1, hlc = ?2 WHERE id = ?1",
                (id, stamp.next()),
            )?;
            if let Some(prev) = resume {
                set_run_end(tx, stamp, prev, None)?;
            }
        }
        Inverse::ResumeRun { id } => set_run_end(tx, stamp, id, None)?,
        Inverse::ReopenSession {
            id,
            finished_at_ms,
            duration_s,
            run,
        } => {
            tx.execute(
                "UPDATE workout SET finished_at_ms = ?2, duration_s = ?3, hlc = ?4 WHERE id = ?1",
                (id, finished_at_ms, duration_s, stamp.next()),
            )?;
            // Only a finish that counted the session takes the count back.
            if let Some(run) = run {
                tx.execute(
                    "UPDATE workout SET run_id = NULL, hlc = ?2 WHERE id = ?1",
                    (id, stamp.next()),
                )?;
                tx.execute(
                    "UPDATE program_run SET state = ?2, hlc = ?3 WHERE id = ?1",
                    (&run.id, &run.state, stamp.next()),
                )?;
                let ids: Vec<String> = tx
                    .prepare("SELECT id FROM set_entry WHERE workout_id = ?1 AND target_reps IS NOT NULL")?
                    .query_map([id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for set in ids {
                    tx.execute(
                        "UPDATE set_entry SET target_weight_milli = NULL, target_weight_unit = NULL, target_reps = NULL, target_rir = NULL, hlc = ?2 WHERE id = ?1",
                        (&set, stamp.next()),
                    )?;
                }
            }
        }
        Inverse::RemoveMeasurement { id } => {
            tx.execute(
                "UPDATE measurement SET deleted = 1, hlc = ?2 WHERE id = ?1 AND deleted = 0",
                (id, stamp.next()),
            )?;
        }
        Inverse::RestoreMeasurement { id } => {
            tx.execute(
                "UPDATE measurement SET deleted = 0, hlc = ?2 WHERE id = ?1",
                (id, stamp.next()),
            )?;
        }
        Inverse::RemoveExercise { id } => {
            let used: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM set_entry WHERE exercise_id = ?1 AND deleted = 0)",
                [id],
                |r| r.get(0),
            )?;
            if used {
                return Err(Error::Conflict(
                    "the exercise has sets now; delete them before undoing its creation".into(),
                ));
            }
            tx.execute(
                "UPDATE exercise SET deleted = 1, hlc = ?2 WHERE id = ?1 AND builtin = 0",
                (id, stamp.next()),
            )?;
        }
    }
    Ok(())
}

fn remove_workout_if_empty(tx: &Connection, stamp: &mut Stamper<'_>, id: &str) -> Result<()> {
    if !has_sets(tx, id)? {
        tx.execute(
            "UPDATE workout SET deleted = 1, hlc = ?2 WHERE id = ?1 AND deleted = 0",
            (id, stamp.next()),
        )?;
    }
    Ok(())
}
