//! Mapping between model types and table rows.
//!
//! Kept in one place so every query reads and writes a table the same way
//! (reading sets has its own home, [`super::sets`]).
//! Decoding is strict: a value the model cannot represent is reported as
//! [`Error::BadRow`] naming the table and column, never a panic.

use std::sync::LazyLock;

use rusqlite::types::ToSql;
use rusqlite::{Connection, Row, named_params, params_from_iter};

use crate::model::{
    Effort, Exercise, Load, MeasureKind, MeasureUnit, Measurement, SetInput, SetTarget, Site,
    Timestamp, Unit, Workout,
};
use crate::{Error, Result};

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

/// Where a set is: the `set_entry` columns that place it, in the order
/// [`SetRow`] binds them. With [`SET_INPUT_COLUMNS`] and
/// [`SET_TARGET_COLUMNS`] the one list of the columns a set is written with:
/// every statement that writes a set (logging, editing, undo, CSV import)
/// is made from these lists, so a column added to `set_entry` is added once.
const SET_PLACE_COLUMNS: [&str; 5] = [
    "id",
    "workout_id",
    "position",
    "performed_at_ms",
    "offset_min",
];

/// What was done: the `set_entry` columns of a [`SetInput`], in the order
/// [`SetColumns::values`] gives them.
const SET_INPUT_COLUMNS: [&str; 18] = [
    "exercise_id",
    "kind",
    "load_type",
    "weight_milli",
    "weight_unit",
    "reps",
    "rir",
    "rpe",
    "duration_ms",
    "distance_milli",
    "distance_unit",
    "landings",
    "drop_height_cm",
    "pain",
    "note",
    "role",
    "effort_source",
    "band",
];

/// What was prescribed: the `set_entry` columns of a [`SetTarget`].
const SET_TARGET_COLUMNS: [&str; 4] = [
    "target_weight_milli",
    "target_weight_unit",
    "target_reps",
    "target_rir",
];

/// Every column [`SetRow`] writes, in the order of its parameters (`?1` is
/// the id): place, input, target, clock stamp, import digest.
fn set_row_columns() -> impl Iterator<Item = &'static str> {
    SET_PLACE_COLUMNS
        .into_iter()
        .chain(SET_INPUT_COLUMNS)
        .chain(SET_TARGET_COLUMNS)
        .chain(["hlc", "import_digest"])
}

/// `INSERT` of a whole set row, live.
static INSERT_SET: LazyLock<String> = LazyLock::new(|| {
    let columns: Vec<&str> = set_row_columns().collect();
    let params: Vec<String> = (1..=columns.len()).map(|n| format!("?{n}")).collect();
    format!(
        "INSERT INTO set_entry ({}, deleted) VALUES ({}, 0)",
        columns.join(", "),
        params.join(", ")
    )
});

/// `UPDATE` of every written column of set `?1`.
static REPLACE_SET: LazyLock<String> = LazyLock::new(|| {
    let assignments: Vec<String> = set_row_columns()
        .enumerate()
        .skip(1)
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    format!(
        "UPDATE set_entry SET {} WHERE id = ?1",
        assignments.join(", ")
    )
});

/// `UPDATE` of the input columns and the stamp of live set `?1`: the
/// inputs are `?2`.., the stamp follows them.
static UPDATE_SET_INPUT: LazyLock<String> = LazyLock::new(|| {
    let assignments: Vec<String> = SET_INPUT_COLUMNS
        .into_iter()
        .chain(["hlc"])
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 2))
        .collect();
    format!(
        "UPDATE set_entry SET {} WHERE id = ?1 AND deleted = 0",
        assignments.join(", ")
    )
});

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
    kind: &'static str,
    landings: Option<u32>,
    drop_height_cm: Option<f64>,
    role: Option<&'static str>,
    effort_source: Option<&'static str>,
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
            kind: input.kind.as_str(),
            landings: input.impact.map(|x| x.landings),
            drop_height_cm: input.impact.and_then(|x| x.drop_height_cm),
            role: input.role.map(|r| r.as_str()),
            effort_source: input.effort_source.map(|e| e.as_str()),
            input,
        }
    }

    /// The values of [`SET_INPUT_COLUMNS`], in its order.
    fn values(&self) -> [&dyn ToSql; SET_INPUT_COLUMNS.len()] {
        let i = self.input;
        [
            &i.exercise_id,
            &self.kind,
            &self.load_type,
            &self.weight_milli,
            &self.weight_unit,
            &i.reps,
            &self.rir,
            &self.rpe,
            &i.duration_ms,
            &self.distance_milli,
            &self.distance_unit,
            &self.landings,
            &self.drop_height_cm,
            &i.pain,
            &i.note,
            &self.role,
            &self.effort_source,
            &i.band,
        ]
    }

    /// Updates the input columns of set `id`, stamping it with `hlc`.
    pub fn update(&self, conn: &Connection, id: &str, hlc: &str) -> Result<usize> {
        let mut params: Vec<&dyn ToSql> = Vec::with_capacity(SET_INPUT_COLUMNS.len() + 2);
        params.push(&id);
        params.extend(self.values());
        params.push(&hlc);
        Ok(conn
            .prepare_cached(&UPDATE_SET_INPUT)?
            .execute(params_from_iter(params))?)
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
        SetRow {
            id,
            workout_id,
            position,
            performed_at: at,
            input: self.input,
            target: None,
            hlc,
            import_digest: None,
        }
        .insert(conn)
    }
}

/// A whole set row: where it is, what was done and prescribed, its clock
/// stamp and (for a set a CSV import wrote) the digest of the file's values.
#[derive(Debug, Clone, Copy)]
pub struct SetRow<'a> {
    /// `id`.
    pub id: &'a str,
    /// `workout_id`.
    pub workout_id: &'a str,
    /// `position`.
    pub position: u32,
    /// `performed_at_ms` and `offset_min`.
    pub performed_at: Timestamp,
    /// The input columns ([`SetColumns`]).
    pub input: &'a SetInput,
    /// The `target_*` columns.
    pub target: Option<SetTarget>,
    /// `hlc`.
    pub hlc: &'a str,
    /// `import_digest`.
    pub import_digest: Option<&'a [u8]>,
}

impl SetRow<'_> {
    /// Inserts the row, live.
    pub fn insert(&self, conn: &Connection) -> Result<()> {
        self.execute(conn, &INSERT_SET)?;
        Ok(())
    }

    /// Writes every column of the row with this id, returning the rows changed.
    pub fn replace(&self, conn: &Connection) -> Result<usize> {
        self.execute(conn, &REPLACE_SET)
    }

    fn execute(&self, conn: &Connection, sql: &str) -> Result<usize> {
        let input = SetColumns::new(self.input);
        let weight = self.target.and_then(|t| t.weight);
        let target_weight_milli = weight.map(|w| w.milli());
        let target_weight_unit = weight.map(|w| w.unit().symbol());
        let target_reps = self.target.and_then(|t| t.reps);
        let target_rir = self.target.and_then(|t| t.rir);
        let offset_min = self.performed_at.offset_min();
        let at_ms = self.performed_at.utc_ms();
        let place: [&dyn ToSql; SET_PLACE_COLUMNS.len()] = [
            &self.id,
            &self.workout_id,
            &self.position,
            &at_ms,
            &offset_min,
        ];
        let target: [&dyn ToSql; SET_TARGET_COLUMNS.len()] = [
            &target_weight_milli,
            &target_weight_unit,
            &target_reps,
            &target_rir,
        ];
        let params = place
            .into_iter()
            .chain(input.values())
            .chain(target)
            .chain([&self.hlc as &dyn ToSql, &self.import_digest]);
        Ok(conn
            .prepare_cached(sql)?
            .execute(params_from_iter(params))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Distance, DistanceUnit, EffortSource, Impact, SetEntry, SetKind, SetRole, Weight,
        WeightUnit,
    };
    use crate::store::sets::{SET_COLUMNS, set_entry};

    fn conn() -> Connection {
        let conn = crate::store::open_in_memory(0).unwrap();
        conn.execute(
            "INSERT INTO workout (id, name, started_at_ms, offset_min, hlc, deleted)
             VALUES ('w', NULL, 0, 60, 'a', 0)",
            [],
        )
        .unwrap();
        conn
    }

    fn read(conn: &Connection, id: &str) -> SetEntry {
        conn.query_row(
            &format!(
                "SELECT {SET_COLUMNS} FROM set_entry s JOIN exercise e ON e.id = s.exercise_id
                 WHERE s.id = ?1"
            ),
            [id],
            |r| Ok(set_entry(r)),
        )
        .unwrap()
        .unwrap()
    }

    fn full_input() -> SetInput {
        SetInput {
            exercise_id: "back-squat".into(),
            kind: SetKind::Working,
            load: Load::Weight {
                weight: Weight::from_milli(102_500, WeightUnit::Kg),
            },
            reps: Some(5),
            effort: Some(Effort::Rpe(8.5)),
            duration_ms: Some(40_000),
            distance: Some(Distance::from_milli(10_000, DistanceUnit::M)),
            impact: Some(Impact {
                landings: 3,
                drop_height_cm: Some(30.0),
            }),
            pain: Some(2),
            note: Some("n".into()),
            role: Some(SetRole::Working),
            effort_source: Some(EffortSource::Logged),
            band: Some("red".into()),
        }
    }

    #[test]
    fn the_one_column_list_covers_every_column_of_set_entry() {
        let conn = conn();
        let mut table: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info('set_entry')")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        table.sort();
        let mut written: Vec<String> = set_row_columns()
            .chain(["deleted", "newer_columns"])
            .map(str::to_owned)
            .collect();
        written.sort();
        assert_eq!(written, table);
    }

    #[test]
    fn a_set_row_reads_back_as_written_and_replace_rewrites_every_value() {
        let conn = conn();
        let at = Timestamp::from_parts(1_000, 60).unwrap();
        let input = full_input();
        let target = SetTarget {
            weight: Some(Weight::from_milli(100_000, WeightUnit::Kg)),
            reps: Some(5),
            rir: Some(2.0),
        };
        let row = SetRow {
            id: "s",
            workout_id: "w",
            position: 3,
            performed_at: at,
            input: &input,
            target: Some(target),
            hlc: "b",
            import_digest: Some(&[1, 2]),
        };
        row.insert(&conn).unwrap();
        let set = read(&conn, "s");
        assert_eq!(
            (set.workout_id.as_str(), set.position, set.performed_at),
            ("w", 3, at)
        );
        assert_eq!((&set.input, set.target), (&input, Some(target)));
        let digest: Vec<u8> = conn
            .query_row("SELECT import_digest FROM set_entry", [], |r| r.get(0))
            .unwrap();
        assert_eq!(digest, [1, 2]);

        let other = SetInput {
            exercise_id: "deadlift".into(),
            load: Load::Bodyweight { added: None },
            effort: Some(Effort::Rir(1.0)),
            distance: None,
            impact: None,
            role: None,
            effort_source: None,
            band: None,
            ..full_input()
        };
        let later = Timestamp::from_parts(2_000, -300).unwrap();
        let changed = SetRow {
            position: 4,
            performed_at: later,
            input: &other,
            target: None,
            hlc: "c",
            import_digest: None,
            ..row
        };
        assert_eq!(changed.replace(&conn).unwrap(), 1);
        let set = read(&conn, "s");
        assert_eq!((set.position, set.performed_at), (4, later));
        assert_eq!((set.input, set.target), (other, None));
        let (hlc, digest): (String, Option<Vec<u8>>) = conn
            .query_row("SELECT hlc, import_digest FROM set_entry", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((hlc.as_str(), digest), ("c", None));
    }

    #[test]
    fn an_input_update_leaves_place_target_and_digest_and_skips_deleted_sets() {
        let conn = conn();
        let at = Timestamp::from_parts(1_000, 60).unwrap();
        let input = full_input();
        let target = SetTarget {
            weight: None,
            reps: Some(5),
            rir: None,
        };
        SetRow {
            id: "s",
            workout_id: "w",
            position: 3,
            performed_at: at,
            input: &input,
            target: Some(target),
            hlc: "b",
            import_digest: Some(&[7]),
        }
        .insert(&conn)
        .unwrap();
        let edited = SetInput {
            reps: Some(6),
            note: None,
            ..full_input()
        };
        assert_eq!(SetColumns::new(&edited).update(&conn, "s", "c").unwrap(), 1);
        let set = read(&conn, "s");
        assert_eq!((set.position, set.performed_at), (3, at));
        assert_eq!((set.input, set.target), (edited.clone(), Some(target)));
        let (hlc, digest): (String, Vec<u8>) = conn
            .query_row("SELECT hlc, import_digest FROM set_entry", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((hlc.as_str(), digest), ("c", vec![7]));
        conn.execute("UPDATE set_entry SET deleted = 1", [])
            .unwrap();
        assert_eq!(SetColumns::new(&input).update(&conn, "s", "d").unwrap(), 0);
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
mod measurement_tests {
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
