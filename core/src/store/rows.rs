//! Mapping between model types and table rows.
//!
//! Kept in one place so every query reads and writes a table the same way
//! (reading sets has its own home, [`super::sets`]).
//! Decoding is strict: a value the model cannot represent is reported as
//! [`Error::BadRow`] naming the table and column, never a panic.

use rusqlite::{Connection, Row, named_params};

use crate::model::{
    Effort, Exercise, Load, MeasureKind, MeasureUnit, Measurement, SetInput, Site, Timestamp, Unit,
    Workout,
};
use crate::{Error, Result};

/// Reading whole sets lives in [`super::sets`]; its column list and decoder
/// are named here too because exports read them beside the workout's.
pub use super::sets::{SET_COLUMNS, set_entry};

/// Columns of `exercise`, in the order [`exercise`] reads them.
pub const EXERCISE_COLUMNS: &str = "id, name, aliases, pattern, equipment, measure, muscles, unilateral, axial, \
     spinal_flexion, spinal_rotation, impact, builtin";

/// `columns` (a list like [`WORKOUT_COLUMNS`]) with each name prefixed by
/// `alias`, for a query that joins tables whose column names overlap.
pub(crate) fn qualified(alias: &str, columns: &str) -> String {
    columns
        .split(',')
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn bad(table: &'static str, column: &'static str, reason: impl ToString) -> Error {
    Error::BadRow {
        table,
        column,
        reason: reason.to_string(),
    }
}

/// Parses a text column into a model enum (or any `FromStr`), naming the column on failure.
pub(crate) fn parsed<T: std::str::FromStr>(
    table: &'static str,
    column: &'static str,
    text: String,
) -> Result<T>
where
    T::Err: ToString,
{
    text.parse().map_err(|e: T::Err| bad(table, column, e))
}

fn json_list<T: serde::de::DeserializeOwned>(
    table: &'static str,
    column: &'static str,
    text: &str,
) -> Result<Vec<T>> {
    serde_json::from_str(text).map_err(|e| bad(table, column, e))
}

/// Reads an exercise from a row selected with [`EXERCISE_COLUMNS`].
pub fn exercise(row: &Row<'_>) -> Result<Exercise> {
    exercise_at(row, 0)
}

/// Reads an exercise from [`EXERCISE_COLUMNS`] selected from column `first`
/// on (after the columns of a joined table).
pub(crate) fn exercise_at(row: &Row<'_>, first: usize) -> Result<Exercise> {
    const T: &str = "exercise";
    let c = |i: usize| first + i;
    Ok(Exercise {
        id: row.get(c(0))?,
        name: row.get(c(1))?,
        aliases: json_list(T, "aliases", &row.get::<_, String>(c(2))?)?,
        pattern: parsed(T, "pattern", row.get(c(3))?)?,
        equipment: parsed(T, "equipment", row.get(c(4))?)?,
        measure: parsed(T, "measure", row.get(c(5))?)?,
        muscles: json_list(T, "muscles", &row.get::<_, String>(c(6))?)?,
        unilateral: row.get(c(7))?,
        axial: row.get(c(8))?,
        spinal_flexion: row.get(c(9))?,
        spinal_rotation: row.get(c(10))?,
        impact: row.get(c(11))?,
        builtin: row.get(c(12))?,
    })
}

/// Inserts or replaces an exercise row with the given clock stamp.
pub fn upsert_exercise(conn: &Connection, e: &Exercise, hlc: &str) -> Result<()> {
    let aliases =
        serde_json::to_string(&e.aliases).map_err(|err| bad("exercise", "aliases", err))?;
    let muscles =
        serde_json::to_string(&e.muscles).map_err(|err| bad("exercise", "muscles", err))?;
    conn.prepare_cached(
        "INSERT INTO exercise (id, name, aliases, pattern, equipment, measure, muscles, unilateral, axial,
             spinal_flexion, spinal_rotation, impact, builtin, hlc, deleted)
         VALUES (:id, :name, :aliases, :pattern, :equipment, :measure, :muscles, :unilateral, :axial,
             :flexion, :rotation, :impact, :builtin, :hlc, 0)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,
             pattern = excluded.pattern, equipment = excluded.equipment, measure = excluded.measure,
             muscles = excluded.muscles, unilateral = excluded.unilateral, axial = excluded.axial,
             spinal_flexion = excluded.spinal_flexion, spinal_rotation = excluded.spinal_rotation,
             impact = excluded.impact, builtin = excluded.builtin, hlc = excluded.hlc, deleted = 0",
    )?
    .execute(named_params! {
        ":id": e.id, ":name": e.name, ":aliases": aliases, ":pattern": e.pattern.as_str(),
        ":equipment": e.equipment.as_str(), ":measure": e.measure.as_str(), ":muscles": muscles,
        ":unilateral": e.unilateral, ":axial": e.axial, ":flexion": e.spinal_flexion,
        ":rotation": e.spinal_rotation, ":impact": e.impact, ":builtin": e.builtin, ":hlc": hlc,
    })?;
    Ok(())
}

/// Writes the built-in catalog. Built-ins are the same on every device, so
/// they carry the empty stamp, older than any write a person makes.
pub fn upsert_builtin_exercises(conn: &Connection, list: &[Exercise]) -> Result<()> {
    for e in list {
        upsert_exercise(conn, e, "")?;
    }
    Ok(())
}

/// Columns of `workout`, in the order [`workout`] reads them.
pub const WORKOUT_COLUMNS: &str =
    "id, name, started_at_ms, offset_min, finished_at_ms, duration_s, note";

pub(crate) fn timestamp(
    table: &'static str,
    column: &'static str,
    ms: i64,
    offset: i32,
) -> Result<Timestamp> {
    Timestamp::from_parts(ms, offset)
        .ok_or_else(|| bad(table, column, format!("time {ms} out of range")))
}

/// Reads a workout from a row selected with [`WORKOUT_COLUMNS`].
pub fn workout(row: &Row<'_>) -> Result<Workout> {
    workout_at(row, 0)
}

/// Reads a workout from [`WORKOUT_COLUMNS`] selected from column `first` on
/// (after the columns of a joined table).
pub(crate) fn workout_at(row: &Row<'_>, first: usize) -> Result<Workout> {
    let c = |i: usize| first + i;
    let offset: i32 = row.get(c(3))?;
    let finished: Option<i64> = row.get(c(4))?;
    Ok(Workout {
        id: row.get(c(0))?,
        name: row.get(c(1))?,
        started_at: timestamp("workout", "started_at_ms", row.get(c(2))?, offset)?,
        finished_at: finished
            .map(|ms| timestamp("workout", "finished_at_ms", ms, offset))
            .transpose()?,
        duration_s: row.get(c(5))?,
        note: row.get(c(6))?,
    })
}

/// The column values of a set's input, for INSERT and UPDATE.
pub struct SetColumns<'a> {
    /// `load_type`.
    pub load_type: &'static str,
    /// `weight_milli`.
    pub weight_milli: Option<i64>,
    /// `weight_unit`.
    pub weight_unit: Option<&'static str>,
    /// `rir`.
    pub rir: Option<f64>,
    /// `rpe`.
    pub rpe: Option<f64>,
    /// `distance_milli`.
    pub distance_milli: Option<i64>,
    /// `distance_unit`.
    pub distance_unit: Option<&'static str>,
    input: &'a SetInput,
}

impl<'a> SetColumns<'a> {
    /// Splits an input into its columns.
    pub fn new(input: &'a SetInput) -> Self {
        let (load_type, weight) = match input.load {
            Load::None => ("none", None),
            Load::Weight { weight } => ("weight", Some(weight)),
            Load::Bodyweight { added } => ("bodyweight", added),
        };
        let (rir, rpe) = match input.effort {
            Some(Effort::Rir(v)) => (Some(v), None),
            Some(Effort::Rpe(v)) => (None, Some(v)),
            None => (None, None),
        };
        SetColumns {
            load_type,
            weight_milli: weight.map(|w| w.milli()),
            weight_unit: weight.map(|w| w.unit().symbol()),
            rir,
            rpe,
            distance_milli: input.distance.map(|d| d.milli()),
            distance_unit: input.distance.map(|d| d.unit().symbol()),
            input,
        }
    }

    /// Updates the input columns of set `id`, stamping it with `hlc`.
    pub fn update(&self, conn: &Connection, id: &str, hlc: &str) -> Result<usize> {
        let i = self.input;
        Ok(conn
            .prepare_cached(
                "UPDATE set_entry SET exercise_id = :exercise_id, kind = :kind, load_type = :load_type,
                     weight_milli = :weight_milli, weight_unit = :weight_unit, reps = :reps, rir = :rir,
                     rpe = :rpe, duration_ms = :duration_ms, distance_milli = :distance_milli,
                     distance_unit = :distance_unit, landings = :landings, drop_height_cm = :drop_height_cm,
                     pain = :pain, note = :note, role = :role, effort_source = :effort_source,
                     band = :band, hlc = :hlc
                 WHERE id = :id AND deleted = 0",
            )?
            .execute(named_params! {
                ":id": id, ":exercise_id": i.exercise_id, ":kind": i.kind.as_str(), ":load_type": self.load_type,
                ":weight_milli": self.weight_milli, ":weight_unit": self.weight_unit, ":reps": i.reps,
                ":rir": self.rir, ":rpe": self.rpe, ":duration_ms": i.duration_ms,
                ":distance_milli": self.distance_milli, ":distance_unit": self.distance_unit,
                ":landings": i.impact.map(|x| x.landings), ":drop_height_cm": i.impact.and_then(|x| x.drop_height_cm),
                ":pain": i.pain, ":note": i.note, ":role": i.role.map(|r| r.as_str()),
                ":effort_source": i.effort_source.map(|e| e.as_str()), ":band": i.band, ":hlc": hlc,
            })?)
    }

    /// Inserts set `id` into `workout_id` at `position`.
    pub fn insert(
        &self,
        conn: &Connection,
        id: &str,
        workout_id: &str,
        position: u32,
        at: Timestamp,
        hlc: &str,
    ) -> Result<()> {
        let i = self.input;
        conn.prepare_cached(
            "INSERT INTO set_entry (id, workout_id, exercise_id, position, performed_at_ms, offset_min, kind,
                 load_type, weight_milli, weight_unit, reps, rir, rpe, duration_ms, distance_milli, distance_unit,
                 landings, drop_height_cm, pain, note, role, effort_source, band, hlc, deleted)
             VALUES (:id, :workout_id, :exercise_id, :position, :at_ms, :offset, :kind, :load_type,
                 :weight_milli, :weight_unit, :reps, :rir, :rpe, :duration_ms, :distance_milli,
                 :distance_unit, :landings, :drop_height_cm, :pain, :note, :role, :effort_source, :band,
                 :hlc, 0)",
        )?
        .execute(named_params! {
            ":id": id, ":workout_id": workout_id, ":exercise_id": i.exercise_id, ":position": position,
            ":at_ms": at.utc_ms(), ":offset": at.offset_min(), ":kind": i.kind.as_str(),
            ":load_type": self.load_type, ":weight_milli": self.weight_milli, ":weight_unit": self.weight_unit,
            ":reps": i.reps, ":rir": self.rir, ":rpe": self.rpe, ":duration_ms": i.duration_ms,
            ":distance_milli": self.distance_milli, ":distance_unit": self.distance_unit,
            ":landings": i.impact.map(|x| x.landings), ":drop_height_cm": i.impact.and_then(|x| x.drop_height_cm),
            ":pain": i.pain, ":note": i.note, ":role": i.role.map(|r| r.as_str()),
            ":effort_source": i.effort_source.map(|e| e.as_str()), ":band": i.band, ":hlc": hlc,
        })?;
        Ok(())
    }
}

/// Columns of `measurement`, in the order [`measurement`] reads them.
pub const MEASUREMENT_COLUMNS: &str =
    "id, kind, site, value, unit, measured_at_ms, offset_min, note";

/// A measurement's stored kind, site and unit, when all three are names
/// this version knows. A newer Heft on another device may write others:
/// such rows are kept and synced, but not shown.
fn known_measure(
    kind: &str,
    site: Option<&str>,
    unit: &str,
) -> Option<(MeasureKind, Option<Site>, MeasureUnit)> {
    let kind = kind.parse().ok()?;
    let unit = unit.parse().ok()?;
    let site = site.map(str::parse::<Site>).transpose().ok()?;
    Some((kind, site, unit))
}

/// Reads a measurement from a row selected with [`MEASUREMENT_COLUMNS`];
/// `None` when its kind, unit or site is not one this version knows.
pub fn measurement(row: &Row<'_>) -> Result<Option<Measurement>> {
    let kind: String = row.get(1)?;
    let site: Option<String> = row.get(2)?;
    let unit: String = row.get(4)?;
    let Some((kind, site, unit)) = known_measure(&kind, site.as_deref(), &unit) else {
        return Ok(None);
    };
    let measured_at =
        Timestamp::from_parts(row.get(5)?, row.get(6)?).ok_or_else(|| Error::BadRow {
            table: "measurement",
            column: "measured_at_ms",
            reason: "out of range".into(),
        })?;
    Ok(Some(Measurement {
        id: row.get(0)?,
        kind,
        site,
        value: row.get(3)?,
        unit,
        measured_at,
        note: row.get(7)?,
    }))
}

/// Decodes a merged row the way every later read will, so a row that would
/// make reads fail is refused at the door; the reason names what is wrong.
pub(crate) fn check_merged_row(conn: &Connection, table: &str, key: &str) -> Result<(), String> {
    let reason = |e: Error| e.to_string();
    match table {
        "set_entry" => {
            // A missing exercise is reported by the reference check.
            if let Some(set) = super::sets::any_set(conn, key).map_err(reason)? {
                crate::validate::set_values(&set.input).map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        "workout" => {
            let sql = format!("SELECT {} FROM workout WHERE id = ?1", WORKOUT_COLUMNS);
            let mut stmt = conn.prepare_cached(&sql).map_err(|e| e.to_string())?;
            let mut found = stmt.query([key]).map_err(|e| e.to_string())?;
            if let Some(row) = found.next().map_err(|e| e.to_string())? {
                workout(row).map_err(reason)?;
            }
            Ok(())
        }
        "exercise" => {
            let sql = format!("SELECT {} FROM exercise WHERE id = ?1", EXERCISE_COLUMNS);
            let mut stmt = conn.prepare_cached(&sql).map_err(|e| e.to_string())?;
            let mut found = stmt.query([key]).map_err(|e| e.to_string())?;
            if let Some(row) = found.next().map_err(|e| e.to_string())? {
                let e = exercise(row).map_err(reason)?;
                crate::validate::name(crate::validate::Field::Name, &e.name)
                    .map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        "measurement" => {
            let mut stmt = conn
                .prepare_cached("SELECT kind, site, value, unit FROM measurement WHERE id = ?1")
                .map_err(|e| e.to_string())?;
            let mut found = stmt.query([key]).map_err(|e| e.to_string())?;
            if let Some(row) = found.next().map_err(|e| e.to_string())? {
                let kind: String = row.get(0).map_err(|e| e.to_string())?;
                let site: Option<String> = row.get(1).map_err(|e| e.to_string())?;
                let value: f64 = row.get(2).map_err(|e| e.to_string())?;
                let unit: String = row.get(3).map_err(|e| e.to_string())?;
                // Names from a newer Heft are kept and synced but not shown
                // (see `measurement`); a known kind must hold a valid value.
                if let Some((kind, site, unit)) = known_measure(&kind, site.as_deref(), &unit) {
                    kind.check(site, value, unit).map_err(|e| e.to_string())?;
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measurement_is_known_only_when_its_kind_site_and_unit_all_are() {
        assert_eq!(
            known_measure("grip", Some("left"), "kg"),
            Some((MeasureKind::Grip, Some(Site::Left), MeasureUnit::Kg))
        );
        assert_eq!(
            known_measure("steps", None, "steps/day"),
            Some((MeasureKind::Steps, None, MeasureUnit::StepsPerDay))
        );
        assert_eq!(known_measure("height", None, "cm"), None);
        assert_eq!(known_measure("grip", Some("elbow"), "kg"), None);
        assert_eq!(known_measure("grip", None, "stone"), None);
    }
}
