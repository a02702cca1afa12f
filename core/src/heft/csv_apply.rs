//! The database side of a CSV import: what the import plan
//! ([`crate::interchange::import_plan`]) asks of the database, and the
//! writing of its steps. No decision is made here; each step is one
//! statement, run inside the import's transaction.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};

use super::logbook::{set_by_id, workout_by_id};
use crate::Result;
use crate::interchange::import_plan::{
    Digest, Held, HeldSet, Holdings, PlannedSet, Remembered, Step,
};
use crate::model::{SetEntry, Unit, Workout};
use crate::store::rows::{self, SetRow, WORKOUT_COLUMNS};
use crate::store::sets;

/// [`Holdings`] answered by the import's transaction.
pub(super) struct Database<'c>(pub(super) &'c Connection);

impl Holdings for Database<'_> {
    fn exercise(&self, id: &str) -> Result<Option<bool>> {
        Ok(self
            .0
            .prepare_cached("SELECT deleted FROM exercise WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    fn workout(&self, id: &str) -> Result<Held> {
        self.held(
            "SELECT deleted, import_digest FROM workout WHERE id = ?1",
            id,
        )
    }

    fn workout_values(&self, id: &str) -> Result<Workout> {
        workout_by_id(self.0, id)
    }

    fn set(&self, id: &str) -> Result<Held> {
        self.held(
            "SELECT deleted, import_digest FROM set_entry WHERE id = ?1",
            id,
        )
    }

    fn set_values(&self, id: &str) -> Result<SetEntry> {
        set_by_id(self.0, id)
    }

    fn has_measurement(&self, id: &str) -> Result<bool> {
        Ok(self
            .0
            .prepare_cached("SELECT 1 FROM measurement WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn workouts_starting(&self, from_ms: i64, to_ms: i64) -> Result<Vec<Workout>> {
        // Over the index `workout_started`.
        self.0
            .prepare_cached(&format!(
                "SELECT {WORKOUT_COLUMNS} FROM workout w
                 WHERE w.started_at_ms >= ?1 AND w.started_at_ms < ?2 AND w.deleted = 0
                 ORDER BY w.started_at_ms, w.id"
            ))?
            .query_and_then([from_ms, to_ms], rows::workout)?
            .collect()
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
pub(super) fn apply(
    conn: &Connection,
    step: &Step,
    stamp: &mut dyn FnMut() -> String,
) -> Result<()> {
    match step {
        Step::AddExercise(exercise) => rows::upsert_exercise(conn, exercise, &stamp())?,
        Step::ReviveExercise(id) => {
            conn.prepare_cached("UPDATE exercise SET deleted = 0, hlc = ?2 WHERE id = ?1")?
                .execute((id, stamp()))?;
        }
        Step::WriteWorkout { workout, digest } => {
            write_workout(conn, workout, digest.as_ref(), &stamp())?;
        }
        Step::AddBodyWeight { id, weight, at } => {
            conn.prepare_cached(
                "INSERT INTO measurement (id, kind, site, value, unit, measured_at_ms, offset_min, note, hlc, deleted)
                 VALUES (?1, 'body_weight', NULL, ?2, ?3, ?4, ?5, NULL, ?6, 0)",
            )?
            .execute((
                id,
                weight.value(),
                weight.unit().symbol(),
                at.utc_ms(),
                at.offset_min(),
                stamp(),
            ))?;
        }
        Step::AddSet { set, digest } => set_row(set, digest.as_ref(), &stamp()).insert(conn)?,
        Step::UpdateSet { set, digest } => {
            set_row(set, Some(digest), &stamp()).replace(conn)?;
        }
        Step::RememberWorkout { id, digest } => {
            remember(
                conn,
                "UPDATE workout SET import_digest = ?2 WHERE id = ?1",
                id,
                digest,
            )?;
        }
        Step::RememberSet { id, digest } => {
            remember(
                conn,
                "UPDATE set_entry SET import_digest = ?2 WHERE id = ?1",
                id,
                digest,
            )?;
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

/// Sets the digest of row `id` with `sql`, leaving the row's values and
/// stamp as they are.
fn remember(conn: &Connection, sql: &str, id: &str, digest: &Digest) -> Result<()> {
    conn.prepare_cached(sql)?.execute((id, &digest[..]))?;
    Ok(())
}

/// Writes workout `w` (new or replacing the values of the one with its id)
/// stamped `hlc`, with the digest of the file's values for it.
fn write_workout(conn: &Connection, w: &Workout, digest: Option<&Digest>, hlc: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO workout (id, name, started_at_ms, offset_min, finished_at_ms, duration_s, note, hlc,
             import_digest, deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, started_at_ms = excluded.started_at_ms,
             offset_min = excluded.offset_min, finished_at_ms = excluded.finished_at_ms,
             duration_s = excluded.duration_s, note = excluded.note, hlc = excluded.hlc,
             import_digest = excluded.import_digest",
    )?
    .execute(rusqlite::params![
        w.id,
        w.name,
        w.started_at.utc_ms(),
        w.started_at.offset_min(),
        w.finished_at.map(|t| t.utc_ms()),
        w.duration_s,
        w.note,
        hlc,
        digest.map(|d| &d[..]),
    ])?;
    Ok(())
}
