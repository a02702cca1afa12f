//! The database side of a CSV import: what the import plan
//! ([`crate::interchange::import_plan`]) asks of the database, and the
//! writing of its steps. No decision is made here; each step is one
//! statement, run inside the import's transaction.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};

use super::rows::{self, SetRow};
use super::{exercises, measurements, sets, workouts};
use crate::Result;
use crate::interchange::import_plan::{
    Digest, Held, HeldSet, Holdings, PlannedSet, Remembered, Step,
};
use crate::model::{SetEntry, Workout};

/// [`Holdings`] answered by the import's transaction.
pub(crate) struct Database<'c>(pub(crate) &'c Connection);

impl Holdings for Database<'_> {
    fn exercise(&self, id: &str) -> Result<Option<bool>> {
        exercises::is_deleted(self.0, id)
    }

    fn workout(&self, id: &str) -> Result<Held> {
        self.held(
            "SELECT deleted, import_digest FROM workout WHERE id = ?1",
            id,
        )
    }

    fn workout_values(&self, id: &str) -> Result<Workout> {
        workouts::by_id(self.0, id)
    }

    fn set(&self, id: &str) -> Result<Held> {
        self.held(
            "SELECT deleted, import_digest FROM set_entry WHERE id = ?1",
            id,
        )
    }

    fn set_values(&self, id: &str) -> Result<SetEntry> {
        sets::by_id(self.0, id)
    }

    fn has_measurement(&self, id: &str) -> Result<bool> {
        measurements::exists(self.0, id)
    }

    fn workouts_starting(&self, from_ms: i64, to_ms: i64) -> Result<Vec<Workout>> {
        workouts::starting_between(self.0, from_ms, to_ms)
    }

    fn workout_sets(&self, id: &str) -> Result<Vec<HeldSet>> {
        Ok(sets::all_sets_of_workout(self.0, id)?
            .into_iter()
            .map(|(set, deleted)| HeldSet { set, deleted })
            .collect())
    }
}

impl Database<'_> {
    /// A row's tombstone and digest, selected by `sql`.
    fn held(&self, sql: &str, id: &str) -> Result<Held> {
        let row = self
            .0
            .prepare_cached(sql)?
            .query_row([id], |r| {
                Ok((r.get::<_, bool>(0)?, remembered(r.get_ref(1)?)))
            })
            .optional()?;
        Ok(match row {
            None => Held::Absent,
            Some((true, _)) => Held::Deleted,
            Some((false, digest)) => Held::Live(digest),
        })
    }
}

/// An `import_digest` as stored: a blob, or a schema-4 digest as text.
fn remembered(v: ValueRef<'_>) -> Remembered {
    match v {
        ValueRef::Blob(b) => Digest::try_from(b).map_or(Remembered::Nothing, Remembered::Digest),
        ValueRef::Text(t) => Remembered::Legacy(String::from_utf8_lossy(t).into_owned()),
        _ => Remembered::Nothing,
    }
}

/// Writes one step of the plan, taking a clock stamp from `stamp` when the
/// step writes a row.
pub(crate) fn apply(
    conn: &Connection,
    step: &Step,
    stamp: &mut dyn FnMut() -> String,
) -> Result<()> {
    match step {
        Step::AddExercise(exercise) => rows::upsert_exercise(conn, exercise, &stamp())?,
        Step::ReviveExercise(id) => {
            exercises::revive(conn, id, &stamp())?;
        }
        Step::WriteWorkout { workout, digest } => {
            workouts::write_imported(conn, workout, digest.as_ref().map(|d| &d[..]), &stamp())?;
        }
        Step::AddBodyWeight { id, weight, at } => {
            measurements::insert_body_weight(conn, id, *weight, *at, &stamp())?;
        }
        Step::AddSet { set, digest } => set_row(set, digest.as_ref(), &stamp()).insert(conn)?,
        Step::UpdateSet { set, digest } => {
            set_row(set, Some(digest), &stamp()).replace(conn)?;
        }
        Step::RememberWorkout { id, digest } => {
            workouts::remember_digest(conn, id, &digest[..])?;
        }
        Step::RememberSet { id, digest } => {
            sets::remember_digest(conn, id, &digest[..])?;
        }
    }
    Ok(())
}

/// The row of a planned set, stamped `hlc`, remembering `digest`.
fn set_row<'a>(s: &'a PlannedSet, digest: Option<&'a Digest>, hlc: &'a str) -> SetRow<'a> {
    SetRow {
        id: &s.id,
        workout_id: &s.workout_id,
        position: s.position,
        performed_at: s.performed_at,
        input: &s.input,
        target: s.target,
        hlc,
        import_digest: digest.map(|d| &d[..]),
    }
}
