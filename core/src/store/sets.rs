//! The `set_entry` table: the one place that knows how a row is selected
//! and decoded, the views of a set the rest of the core reads, and the
//! writes a person's actions make on whole sets (delete, restore, the
//! prescription a counted session records, an import's digest).
//!
//! Every read of whole sets selects [`SET_COLUMNS`] and decodes them with
//! [`set_entry`] into a [`SetEntry`], so the logbook, analytics, the
//! engine's history, exports and the merge check read a column the same
//! way. Readers that need a set's workout or exercise as well select those
//! tables' columns after the set's and convert the decoded set with
//! [`AnalyticsSet::from_entry`] or [`PastSet::from`]. Both take the effort
//! through [`crate::model::SetInput::logged_effort`]: a prescribed effort is
//! the plan's own target, not evidence about the lift, and that rule is
//! stated there once.
//!
//! A set's values are written by [`super::rows::SetColumns`], which the
//! logbook, undo and imports share.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Row};

use super::rows::{
    EXERCISE_COLUMNS, WORKOUT_COLUMNS, bad, exercise_at, parsed, qualified, timestamp, workout_at,
};
use crate::Result;
use crate::analytics::input::{AnalyticsSet, MAX_E1RM_REPS, SetExercise, SetWorkout};
use crate::model::{
    Distance, DistanceUnit, Effort, Impact, Load, SetEntry, SetInput, SetRole, SetTarget, Unit,
    Weight, WeightUnit, Workout,
};
use crate::progression::PastSet;

/// Columns of `set_entry` joined with `exercise` (as `e`), in the order [`set_entry`] reads them.
pub const SET_COLUMNS: &str = "s.id, s.workout_id, e.name, s.position, s.performed_at_ms, s.offset_min, s.exercise_id, \
     s.kind, s.load_type, s.weight_milli, s.weight_unit, s.reps, s.rir, s.rpe, s.duration_ms, s.distance_milli, \
     s.distance_unit, s.landings, s.drop_height_cm, s.pain, s.note, s.target_weight_milli, s.target_weight_unit, \
     s.target_reps, s.target_rir, s.role, s.effort_source, s.band";

/// How many columns [`SET_COLUMNS`] names: a workout's or exercise's
/// columns selected after them start here.
const SET_COLUMN_COUNT: usize = 28;

/// `set_entry` as `s` with its exercise as `e`, the tables [`SET_COLUMNS`] reads.
const SETS_WITH_EXERCISE: &str = "set_entry s JOIN exercise e ON e.id = s.exercise_id";

fn weight_unit(text: Option<String>) -> Result<WeightUnit> {
    let text = text.ok_or_else(|| bad("set_entry", "weight_unit", "missing"))?;
    WeightUnit::from_symbol(&text)
        .ok_or_else(|| bad("set_entry", "weight_unit", format!("unknown unit '{text}'")))
}

/// Reads a set from a row selected with [`SET_COLUMNS`]: the one decoder of
/// a `set_entry` row.
pub fn set_entry(row: &Row<'_>) -> Result<SetEntry> {
    const T: &str = "set_entry";
    let weight_milli: Option<i64> = row.get(9)?;
    let load = match row.get::<_, String>(8)?.as_str() {
        "none" => Load::None,
        "weight" => Load::Weight {
            weight: Weight::from_milli(
                weight_milli.ok_or_else(|| bad(T, "weight_milli", "missing"))?,
                weight_unit(row.get(10)?)?,
            ),
        },
        "bodyweight" => Load::Bodyweight {
            added: match weight_milli {
                Some(m) => Some(Weight::from_milli(m, weight_unit(row.get(10)?)?)),
                None => None,
            },
        },
        other => return Err(bad(T, "load_type", format!("unknown '{other}'"))),
    };
    let effort = match (
        row.get::<_, Option<f64>>(12)?,
        row.get::<_, Option<f64>>(13)?,
    ) {
        (Some(rir), None) => Some(Effort::Rir(rir)),
        (None, Some(rpe)) => Some(Effort::Rpe(rpe)),
        (None, None) => None,
        (Some(_), Some(_)) => return Err(bad(T, "rpe", "both rir and rpe set")),
    };
    let distance = match (
        row.get::<_, Option<i64>>(15)?,
        row.get::<_, Option<String>>(16)?,
    ) {
        (Some(m), Some(u)) => Some(Distance::from_milli(
            m,
            DistanceUnit::from_symbol(&u)
                .ok_or_else(|| bad(T, "distance_unit", format!("unknown unit '{u}'")))?,
        )),
        (None, _) => None,
        (Some(_), None) => return Err(bad(T, "distance_unit", "missing")),
    };
    let impact = row.get::<_, Option<u32>>(17)?.map(|landings| Impact {
        landings,
        drop_height_cm: None,
    });
    let impact = match (impact, row.get::<_, Option<f64>>(18)?) {
        (Some(i), h) => Some(Impact {
            drop_height_cm: h,
            ..i
        }),
        (None, _) => None,
    };
    let target_weight = match row.get::<_, Option<i64>>(21)? {
        Some(m) => Some(Weight::from_milli(m, weight_unit(row.get(22)?)?)),
        None => None,
    };
    let target_reps: Option<u32> = row.get(23)?;
    let target_rir: Option<f64> = row.get(24)?;
    let target = (target_weight.is_some() || target_reps.is_some() || target_rir.is_some())
        .then_some(SetTarget {
            weight: target_weight,
            reps: target_reps,
            rir: target_rir,
        });
    Ok(SetEntry {
        target,
        id: row.get(0)?,
        workout_id: row.get(1)?,
        exercise_name: row.get(2)?,
        position: row.get(3)?,
        performed_at: timestamp(T, "performed_at_ms", row.get(4)?, row.get(5)?)?,
        input: SetInput {
            exercise_id: row.get(6)?,
            kind: parsed(T, "kind", row.get(7)?)?,
            load,
            reps: row.get(11)?,
            effort,
            duration_ms: row.get(14)?,
            distance,
            impact,
            pain: row.get(19)?,
            note: row.get(20)?,
            role: row
                .get::<_, Option<String>>(25)?
                .map(|r| parsed(T, "role", r))
                .transpose()?,
            effort_source: row
                .get::<_, Option<String>>(26)?
                .map(|r| parsed(T, "effort_source", r))
                .transpose()?,
            band: row.get(27)?,
        },
    })
}

/// The text of column `i` without copying it, to tell whether a row
/// continues the workout or exercise decoded last.
fn text<'r>(row: &'r Row<'_>, i: usize, column: &'static str) -> Result<&'r str> {
    match row.get_ref(i)? {
        ValueRef::Text(t) => std::str::from_utf8(t).map_err(|e| bad("set_entry", column, e)),
        _ => Err(bad("set_entry", column, "not text")),
    }
}

/// Live set `id`.
pub(crate) fn by_id(conn: &Connection, id: &str) -> Result<SetEntry> {
    live_set(conn, id)?.ok_or_else(|| crate::Error::not_found("set", id))
}

/// Live set `id`, if there is one.
pub(crate) fn live_set(conn: &Connection, id: &str) -> Result<Option<SetEntry>> {
    let sql =
        format!("SELECT {SET_COLUMNS} FROM {SETS_WITH_EXERCISE} WHERE s.id = ?1 AND s.deleted = 0");
    conn.prepare_cached(&sql)?
        .query_and_then([id], set_entry)?
        .next()
        .transpose()
}

/// Set `id` whether deleted or not: what a merge just wrote.
pub(crate) fn any_set(conn: &Connection, id: &str) -> Result<Option<SetEntry>> {
    let sql = format!("SELECT {SET_COLUMNS} FROM {SETS_WITH_EXERCISE} WHERE s.id = ?1");
    conn.prepare_cached(&sql)?
        .query_and_then([id], set_entry)?
        .next()
        .transpose()
}

/// The live sets of a workout by position, only those of `exercise_id` when given.
pub(crate) fn live_sets_of_workout(
    conn: &Connection,
    workout_id: &str,
    exercise_id: Option<&str>,
) -> Result<Vec<SetEntry>> {
    let sql = format!(
        "SELECT {SET_COLUMNS} FROM {SETS_WITH_EXERCISE}
         WHERE s.workout_id = ?1 AND s.deleted = 0 AND (?2 IS NULL OR s.exercise_id = ?2)
         ORDER BY s.position"
    );
    conn.prepare_cached(&sql)?
        .query_and_then((workout_id, exercise_id), set_entry)?
        .collect()
}

/// Every set of a workout, live and deleted (`true`), in the order the CSV
/// export lists them: by position, then time, then id. For an import that
/// matches a file's sets with those already here, deleted ones included.
pub(crate) fn all_sets_of_workout(
    conn: &Connection,
    workout_id: &str,
) -> Result<Vec<(SetEntry, bool)>> {
    let sql = format!(
        "SELECT {SET_COLUMNS}, s.deleted FROM {SETS_WITH_EXERCISE}
         WHERE s.workout_id = ?1
         ORDER BY s.position, s.performed_at_ms, s.id"
    );
    conn.prepare_cached(&sql)?
        .query_and_then([workout_id], |row| {
            Ok((set_entry(row)?, row.get(SET_COLUMN_COUNT)?))
        })?
        .collect()
}

/// The live sets of a workout in the order the CSV export lists them: by
/// position, then time, then id.
pub(crate) fn live_sets_in_export_order(
    conn: &Connection,
    workout_id: &str,
) -> Result<Vec<SetEntry>> {
    let sql = format!(
        "SELECT {SET_COLUMNS} FROM {SETS_WITH_EXERCISE}
         WHERE s.workout_id = ?1 AND s.deleted = 0
         ORDER BY s.position, s.performed_at_ms, s.id"
    );
    conn.prepare_cached(&sql)?
        .query_and_then([workout_id], set_entry)?
        .collect()
}

/// The position after the last set of a workout, deleted ones included
/// (positions are never reused): 1 for an empty workout.
pub(crate) fn next_position(conn: &Connection, workout_id: &str) -> Result<u32> {
    let max: Option<u32> = conn
        .prepare_cached("SELECT max(position) FROM set_entry WHERE workout_id = ?1")?
        .query_row([workout_id], |r| r.get(0))?;
    Ok(max.map_or(1, |m| m + 1))
}

/// How many live sets a workout has.
pub(crate) fn live_count(conn: &Connection, workout_id: &str) -> Result<u32> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM set_entry WHERE workout_id = ?1 AND deleted = 0")?
        .query_row([workout_id], |r| r.get(0))?)
}

/// Whether a workout has any live set.
pub(crate) fn any_live(conn: &Connection, workout_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM set_entry WHERE workout_id = ?1 AND deleted = 0 LIMIT 1")?
        .query_row([workout_id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Whether any live set is of exercise `exercise_id`.
pub(crate) fn any_of_exercise(conn: &Connection, exercise_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM set_entry WHERE exercise_id = ?1 AND deleted = 0)",
        )?
        .query_row([exercise_id], |r| r.get(0))?)
}

/// The time of a workout's latest live set.
pub(crate) fn last_performed_ms(conn: &Connection, workout_id: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT max(performed_at_ms) FROM set_entry WHERE workout_id = ?1 AND deleted = 0",
        )?
        .query_row([workout_id], |r| r.get(0))?)
}

/// The loads of the live working sets of `exercise_id` (kind working or
/// failure, role working or none) performed in `from_ms..until_ms` (UTC).
pub(crate) fn working_loads_between(
    conn: &Connection,
    exercise_id: &str,
    from_ms: i64,
    until_ms: i64,
) -> Result<Vec<Weight>> {
    let mut stmt = conn.prepare_cached(
        "SELECT weight_milli, weight_unit FROM set_entry
         WHERE exercise_id = ?1 AND deleted = 0 AND load_type = 'weight'
           AND kind IN ('working', 'failure')
           AND (role IS NULL OR role = ?4)
           AND performed_at_ms >= ?2 AND performed_at_ms < ?3",
    )?;
    let mut rows = stmt.query((exercise_id, from_ms, until_ms, SetRole::Working.as_str()))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let milli: Option<i64> = r.get(0)?;
        let unit: Option<String> = r.get(1)?;
        if let (Some(milli), Some(unit)) =
            (milli, unit.as_deref().and_then(WeightUnit::from_symbol))
        {
            out.push(Weight::from_milli(milli, unit));
        }
    }
    Ok(out)
}

/// Deletes live set `id` (a tombstone, so the deletion reaches other devices).
pub(crate) fn delete(conn: &Connection, id: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE set_entry SET deleted = 1, hlc = ?2 WHERE id = ?1 AND deleted = 0",
    )?
    .execute((id, hlc))?;
    Ok(())
}

/// Brings back deleted set `id`.
pub(crate) fn restore(conn: &Connection, id: &str, hlc: &str) -> Result<()> {
    conn.prepare_cached("UPDATE set_entry SET deleted = 0, hlc = ?2 WHERE id = ?1")?
        .execute((id, hlc))?;
    Ok(())
}

/// Records what a program prescribed for set `id` (`None`: nothing).
pub(crate) fn set_target(
    conn: &Connection,
    id: &str,
    target: Option<&SetTarget>,
    hlc: &str,
) -> Result<()> {
    let weight = target.and_then(|t| t.weight);
    conn.prepare_cached(
        "UPDATE set_entry SET target_weight_milli = ?2, target_weight_unit = ?3, target_reps = ?4, target_rir = ?5, hlc = ?6 WHERE id = ?1",
    )?
    .execute((
        id,
        weight.map(|w| w.milli()),
        weight.map(|w| w.unit().symbol()),
        target.and_then(|t| t.reps),
        target.and_then(|t| t.rir),
        hlc,
    ))?;
    Ok(())
}

/// The sets of a workout, live or not, that record a prescription.
pub(crate) fn with_target(conn: &Connection, workout_id: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM set_entry WHERE workout_id = ?1 AND target_reps IS NOT NULL",
        )?
        .query_map([workout_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Sets the import digest of set `id`, leaving its values and stamp as they are.
pub(crate) fn remember_digest(conn: &Connection, id: &str, digest: &[u8]) -> Result<()> {
    conn.prepare_cached("UPDATE set_entry SET import_digest = ?2 WHERE id = ?1")?
        .execute((id, digest))?;
    Ok(())
}

/// Which live sets (of live workouts and exercises) analytics reads.
pub(crate) enum AnalyticsSets<'a> {
    /// Sets of workouts that started in `from_ms..until_ms` (UTC), by workout start.
    Period {
        /// First UTC millisecond.
        from_ms: i64,
        /// The UTC millisecond after the last.
        until_ms: i64,
    },
    /// Every set of one exercise, by time.
    Exercise(&'a str),
    /// The sets of one exercise that can give an e1RM (working or failure,
    /// an external weight, 1-10 reps), by time.
    E1rmSets(&'a str),
    /// The sets whose ids are in this JSON array, by time.
    Sets(&'a str),
    /// The sets of the workouts whose ids are in this JSON array, by
    /// workout start, then workout id and position.
    Workouts(&'a str),
}

impl AnalyticsSets<'_> {
    fn sql(&self) -> String {
        let columns = format!(
            "{SET_COLUMNS}, {}, {}",
            qualified("w", WORKOUT_COLUMNS),
            qualified("e", EXERCISE_COLUMNS)
        );
        let live = "s.deleted = 0 AND w.deleted = 0 AND e.deleted = 0";
        let joined = "set_entry s JOIN workout w ON w.id = s.workout_id \
                      JOIN exercise e ON e.id = s.exercise_id";
        match self {
            AnalyticsSets::Period { .. } => format!(
                "SELECT {columns} FROM workout w JOIN set_entry s ON s.workout_id = w.id \
                 JOIN exercise e ON e.id = s.exercise_id \
                 WHERE w.started_at_ms >= ?1 AND w.started_at_ms < ?2 AND {live} \
                 ORDER BY w.started_at_ms, w.id, s.position"
            ),
            AnalyticsSets::Exercise(_) => format!(
                "SELECT {columns} FROM {joined} \
                 WHERE s.exercise_id = ?1 AND {live} ORDER BY s.performed_at_ms"
            ),
            AnalyticsSets::E1rmSets(_) => format!(
                "SELECT {columns} FROM {joined} \
                 WHERE s.exercise_id = ?1 AND s.kind IN ('working', 'failure') AND s.load_type = 'weight' \
                   AND (s.role IS NULL OR s.role = 'working') \
                   AND s.reps BETWEEN 1 AND {MAX_E1RM_REPS} AND {live} ORDER BY s.performed_at_ms"
            ),
            AnalyticsSets::Sets(_) => format!(
                "SELECT {columns} FROM {joined} \
                 WHERE s.id IN (SELECT value FROM json_each(?1)) AND {live} \
                 ORDER BY s.performed_at_ms, s.id"
            ),
            AnalyticsSets::Workouts(_) => format!(
                "SELECT {columns} FROM {joined} \
                 WHERE s.workout_id IN (SELECT value FROM json_each(?1)) AND {live} \
                 ORDER BY w.started_at_ms, w.id, s.position"
            ),
        }
    }
}

/// Reads the sets `which` selects as analytics sees them, handing each to
/// `f` as it is decoded: nothing is held unless `f` keeps it.
pub(crate) fn for_analytics(
    conn: &Connection,
    which: &AnalyticsSets<'_>,
    mut f: impl FnMut(AnalyticsSet),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(&which.sql())?;
    let mut rows = match which {
        AnalyticsSets::Period { from_ms, until_ms } => stmt.query((from_ms, until_ms))?,
        AnalyticsSets::Exercise(id) | AnalyticsSets::E1rmSets(id) => stmt.query([id])?,
        AnalyticsSets::Sets(json) | AnalyticsSets::Workouts(json) => stmt.query([json])?,
    };
    let mut shared = AnalyticsReader::default();
    while let Some(row) = rows.next()? {
        f(shared.decode(row)?);
    }
    Ok(())
}

/// Column of the joined workout's first column in an analytics row.
const ANALYTICS_WORKOUT_AT: usize = SET_COLUMN_COUNT;
/// Column of the joined exercise's first column in an analytics row.
const ANALYTICS_EXERCISE_AT: usize = ANALYTICS_WORKOUT_AT + 7;

/// Decodes analytics rows, decoding each workout and exercise once and
/// sharing it between its sets.
#[derive(Default)]
struct AnalyticsReader {
    exercises: HashMap<String, Arc<SetExercise>>,
    workout: Option<SetWorkout>,
}

impl AnalyticsReader {
    fn decode(&mut self, row: &Row<'_>) -> Result<AnalyticsSet> {
        let entry = set_entry(row)?;
        let workout = match &self.workout {
            Some(w) if *w.id == *entry.workout_id => w,
            _ => self
                .workout
                .insert(SetWorkout::from(&workout_at(row, ANALYTICS_WORKOUT_AT)?)),
        };
        let exercise = match self.exercises.get(text(row, 6, "exercise_id")?) {
            Some(e) => e.clone(),
            None => {
                let e = Arc::new(SetExercise::from(&exercise_at(row, ANALYTICS_EXERCISE_AT)?));
                self.exercises.insert(e.id.clone(), e.clone());
                e
            }
        };
        Ok(AnalyticsSet::from_entry(&entry, workout, exercise))
    }
}

/// The window of sets the engine's history is read from.
pub(crate) struct EngineHistory<'a> {
    /// Every live set of workouts that started from this UTC millisecond...
    pub recent_from_ms: i64,
    /// ...up to, not including, this one.
    pub until_ms: i64,
    /// Older sets, performed from this UTC millisecond until `recent_from_ms`...
    pub seed_from_ms: i64,
    /// ...of these exercises (a JSON array of ids), which only seed estimates.
    pub seed_exercises: &'a str,
}

/// The live sets of `window` as the engine reads them, grouped by workout
/// (by start, then id; each workout's sets by position).
pub(crate) fn engine_history(
    conn: &Connection,
    window: &EngineHistory<'_>,
) -> Result<Vec<(Workout, Vec<PastSet>)>> {
    let columns = format!("{SET_COLUMNS}, {}", qualified("w", WORKOUT_COLUMNS));
    let order = "w.started_at_ms AS by_start, w.id AS by_workout, s.position AS by_position";
    let sql = format!(
        "SELECT {columns}, {order}
         FROM workout w JOIN set_entry s ON s.workout_id = w.id JOIN exercise e ON e.id = s.exercise_id
         WHERE w.deleted = 0 AND s.deleted = 0 AND w.started_at_ms >= ?1 AND w.started_at_ms < ?2
         UNION ALL
         SELECT {columns}, {order}
         FROM set_entry s JOIN workout w ON s.workout_id = w.id JOIN exercise e ON e.id = s.exercise_id
         WHERE s.exercise_id IN (SELECT value FROM json_each(?4)) AND s.performed_at_ms >= ?3
           AND s.performed_at_ms < ?1 AND w.deleted = 0 AND s.deleted = 0 AND w.started_at_ms < ?1
         ORDER BY by_start, by_workout, by_position"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query((
        window.recent_from_ms,
        window.until_ms,
        window.seed_from_ms,
        window.seed_exercises,
    ))?;
    let mut out: Vec<(Workout, Vec<PastSet>)> = Vec::new();
    while let Some(row) = rows.next()? {
        let set = PastSet::from(&set_entry(row)?);
        match out.last_mut() {
            Some((w, sets)) if w.id == text(row, 1, "workout_id")? => sets.push(set),
            _ => out.push((workout_at(row, SET_COLUMN_COUNT)?, vec![set])),
        }
    }
    Ok(out)
}

/// A set's pain score with what the report shows beside it.
pub(crate) struct PainReport {
    /// When the set was done.
    pub at: crate::model::Timestamp,
    /// The exercise's name.
    pub exercise: String,
    /// Pain, 0-10.
    pub score: u8,
    /// The set's note.
    pub note: Option<String>,
}

/// Every live set with a pain score, newest first.
pub(crate) fn pain_reports(conn: &Connection) -> Result<Vec<PainReport>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.performed_at_ms, s.offset_min, e.name, s.pain, s.note \
         FROM set_entry s JOIN workout w ON w.id = s.workout_id \
         JOIN exercise e ON e.id = s.exercise_id \
         WHERE s.pain IS NOT NULL AND s.deleted = 0 AND w.deleted = 0 AND e.deleted = 0 \
         ORDER BY s.performed_at_ms DESC, s.id DESC",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let score: i64 = row.get(3)?;
        let score = u8::try_from(score)
            .ok()
            .filter(|s| *s <= 10)
            .ok_or_else(|| crate::Error::BadRow {
                table: "set_entry",
                column: "pain",
                reason: format!("{score} is not 0-10"),
            })?;
        out.push(PainReport {
            at: timestamp("set_entry", "performed_at_ms", row.get(0)?, row.get(1)?)?,
            exercise: row.get(2)?,
            score,
            note: row.get(4)?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::model::{EffortSource, SetKind, SetRole, Timestamp};
    use crate::store::rows::SetColumns;

    /// 2026-11-24 18:00 at UTC+1, in UTC milliseconds.
    const START_MS: i64 = 1_795_971_600_000;

    fn at(minutes: i64) -> Timestamp {
        Timestamp::from_parts(START_MS + minutes * 60_000, 60).unwrap()
    }

    /// A fresh database with workout `w1` (50 minutes, finished) holding `sets`.
    fn database(sets: &[SetInput]) -> Connection {
        let conn = crate::store::open_in_memory(0).unwrap();
        conn.execute(
            "INSERT INTO workout (id, started_at_ms, offset_min, finished_at_ms, hlc)
             VALUES ('w1', ?1, 60, ?2, 'h')",
            (START_MS, START_MS + 50 * 60_000),
        )
        .unwrap();
        for (i, input) in sets.iter().enumerate() {
            let position = i as u32 + 1;
            SetColumns::new(input)
                .insert(
                    &conn,
                    &format!("s{position}"),
                    "w1",
                    position,
                    at(i as i64),
                    "h",
                )
                .unwrap();
        }
        conn
    }

    fn squat(weight: Weight, reps: u32, effort: Effort) -> SetInput {
        SetInput {
            load: Load::Weight { weight },
            reps: Some(reps),
            effort: Some(effort),
            ..SetInput::new("back-squat")
        }
    }

    fn all_for_analytics(conn: &Connection) -> Vec<AnalyticsSet> {
        let mut out = Vec::new();
        let all = AnalyticsSets::Period {
            from_ms: i64::MIN,
            until_ms: i64::MAX,
        };
        for_analytics(conn, &all, |s| out.push(s)).unwrap();
        out
    }

    #[test]
    fn the_column_count_matches_the_column_list() {
        assert_eq!(SET_COLUMNS.split(',').count(), SET_COLUMN_COUNT);
    }

    #[test]
    fn a_set_reads_back_as_it_was_written() {
        let input = SetInput {
            kind: SetKind::Failure,
            pain: Some(2),
            note: Some("grindy".into()),
            role: Some(SetRole::Working),
            effort_source: Some(EffortSource::Logged),
            band: Some("red".into()),
            impact: Some(Impact {
                landings: 4,
                drop_height_cm: Some(30.0),
            }),
            distance: Some(Distance::new(1.5, DistanceUnit::Km).unwrap()),
            duration_ms: Some(12_500),
            ..squat(
                Weight::new(225.0, WeightUnit::Lb).unwrap(),
                5,
                Effort::Rpe(8.5),
            )
        };
        let conn = database(std::slice::from_ref(&input));
        let entry = live_set(&conn, "s1").unwrap().unwrap();
        assert_eq!(entry.input, input);
        assert_eq!(
            (
                entry.workout_id.as_str(),
                entry.exercise_name.as_str(),
                entry.position
            ),
            ("w1", "Back Squat", 1)
        );
        assert_eq!(entry.performed_at, at(0));
        assert_eq!(entry.target, None);
        assert_eq!(live_sets_of_workout(&conn, "w1", None).unwrap(), [entry]);
        assert!(live_set(&conn, "nope").unwrap().is_none());
    }

    #[test]
    fn a_prescribed_effort_is_no_evidence_for_analytics_or_the_engine() {
        let kg = |x: f64| Weight::new(x, WeightUnit::Kg).unwrap();
        let reported = squat(kg(100.0), 5, Effort::Rpe(8.5));
        let prescribed = SetInput {
            effort_source: Some(EffortSource::Prescribed),
            ..squat(kg(100.0), 5, Effort::Rir(2.0))
        };
        let conn = database(&[reported, prescribed]);

        let analytics = all_for_analytics(&conn);
        assert_eq!(
            analytics.iter().map(|s| s.rir).collect::<Vec<_>>(),
            [Some(1.5), None]
        );
        let first = &analytics[0];
        assert_eq!((first.load_kg, first.reps), (Some(100.0), Some(5)));
        assert_eq!(first.workout_duration_s, Some(50 * 60));
        assert_eq!(first.exercise.name, "Back Squat");
        assert!(
            Arc::ptr_eq(&first.exercise, &analytics[1].exercise)
                && Arc::ptr_eq(&first.workout_id, &analytics[1].workout_id),
            "a workout and an exercise are decoded once and shared"
        );

        let window = EngineHistory {
            recent_from_ms: i64::MIN,
            until_ms: i64::MAX,
            seed_from_ms: i64::MIN,
            seed_exercises: "[]",
        };
        let history = engine_history(&conn, &window).unwrap();
        assert_eq!(history.len(), 1);
        let (workout, sets) = &history[0];
        assert_eq!(workout.id, "w1");
        assert_eq!(
            sets.iter().map(|s| (s.kg, s.rir)).collect::<Vec<_>>(),
            [(Some(100.0), Some(1.5)), (Some(100.0), None)]
        );
    }

    #[test]
    fn a_row_the_model_cannot_hold_is_a_typed_error() {
        let conn = database(&[squat(
            Weight::new(100.0, WeightUnit::Kg).unwrap(),
            5,
            Effort::Rir(2.0),
        )]);
        conn.execute("UPDATE set_entry SET rpe = 8 WHERE id = 's1'", [])
            .unwrap();
        assert!(matches!(
            live_set(&conn, "s1"),
            Err(Error::BadRow {
                table: "set_entry",
                column: "rpe",
                ..
            })
        ));
        // As a damaged file or a newer build could hold it.
        conn.pragma_update(None, "ignore_check_constraints", true)
            .unwrap();
        conn.execute(
            "UPDATE set_entry SET rpe = NULL, weight_unit = 'stone' WHERE id = 's1'",
            [],
        )
        .unwrap();
        let mut seen = 0;
        let read = for_analytics(&conn, &AnalyticsSets::Exercise("back-squat"), |_| seen += 1);
        assert!(matches!(
            read,
            Err(Error::BadRow {
                column: "weight_unit",
                ..
            })
        ));
        assert_eq!(seen, 0);
    }
}
