//! The derived rows of schema version 7 (`sql/v7.sql`): per workout and
//! exercise, the session's bests ([`ExerciseSession`]), and per formula its
//! best e1RM (`e1rm_point`). They are local and rebuilt from the live sets:
//! triggers name every workout whose sets, start or exercises a write
//! changed in `derived_stale`, and [`refresh`] recomputes those before the
//! write commits. A reader that meets a named workout anyway (a write that
//! did not refresh) computes it from its sets in memory ([`sessions_of`]),
//! so what it returns is exact either way.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

use super::rows::{bad, parsed};
use super::sets::{self, AnalyticsSets};
use crate::Result;
use crate::analytics::dose::HEAVY_FRACTION;
use crate::analytics::input::AnalyticsSet;
use crate::analytics::records::{Record, RecordKind, RecordUnit, grams};
use crate::analytics::session_bests::RecordExercise;
use crate::analytics::session_bests::{self, E1rmBest, ExerciseSession, FORMULAS, SessionBest};
use crate::analytics::strength::E1rmPoint;
use crate::analytics::strength::RECENT_DAYS;
use crate::progression::strength::Formula;

/// Above this many stale workouts, [`refresh`] rebuilds every row in one
/// pass over the sets rather than reading workout by workout.
const REBUILD_ABOVE: usize = 64;

fn formula_tag(f: Formula) -> &'static str {
    match f {
        Formula::Epley => "epley",
        Formula::Brzycki => "brzycki",
    }
}

fn formula_of_tag(tag: &str) -> Result<Formula> {
    match tag {
        "epley" => Ok(Formula::Epley),
        "brzycki" => Ok(Formula::Brzycki),
        other => Err(bad(
            "e1rm_point",
            "formula",
            format!("unknown formula {other:?}"),
        )),
    }
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The version of the rules the rows were computed by. Raise it whenever
/// what a row holds changes (which sets count, the e1RM formulas, what is
/// heavy): the triggers only see the data change, so the next open marks
/// every workout stale and recomputes it.
const RULES: &str = "1";
/// The `meta` key that keeps it.
const RULES_KEY: &str = "derived_rules";

/// Whether the rows were computed by this build's rules.
pub(crate) fn rules_current(conn: &Connection) -> Result<bool> {
    Ok(super::meta_get(conn, RULES_KEY)?.as_deref() == Some(RULES))
}

/// Marks every workout stale when the rows were computed by other rules,
/// and records these; the caller refreshes.
pub(crate) fn renew_if_rules_changed(conn: &Connection) -> Result<()> {
    if rules_current(conn)? {
        return Ok(());
    }
    mark_all_stale(conn)?;
    super::meta_set(conn, RULES_KEY, RULES)
}

/// Names every workout with sets stale.
pub(crate) fn mark_all_stale(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO derived_stale (workout_id) SELECT DISTINCT workout_id FROM set_entry
         WHERE workout_id NOT IN (SELECT workout_id FROM derived_stale)",
        [],
    )?;
    Ok(())
}

/// What another program changing the file leaves: no derived rows, every
/// workout named stale.
#[cfg(test)]
pub(crate) fn forget_rows(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM exercise_session", [])?;
    conn.execute("DELETE FROM e1rm_point", [])?;
    mark_all_stale(conn)
}

/// The workouts named stale.
fn stale(conn: &Connection) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT workout_id FROM derived_stale ORDER BY workout_id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Brings the derived rows of every stale workout up to date and clears the
/// marks: called by every write transaction before it commits.
pub(crate) fn refresh(conn: &Connection) -> Result<()> {
    let workouts = stale(conn)?;
    if workouts.is_empty() {
        return Ok(());
    }
    if workouts.len() > REBUILD_ABOVE {
        return rebuild(conn);
    }
    for id in &workouts {
        conn.prepare_cached("DELETE FROM exercise_session WHERE workout_id = ?1")?
            .execute([id])?;
        conn.prepare_cached("DELETE FROM e1rm_point WHERE workout_id = ?1")?
            .execute([id])?;
    }
    for sessions in read_workouts(conn, &workouts)?.values() {
        for s in sessions {
            insert(conn, s)?;
        }
    }
    conn.execute("DELETE FROM derived_stale", [])?;
    Ok(())
}

/// Recomputes every derived row from the live sets. The rows go in
/// without the tables' secondary indexes, which are built once afterwards
/// from the sorted rows: cheaper than keeping each up to date row by row
/// (an import or a first merge rebuilds tens of thousands of rows).
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    let indexes: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
               AND tbl_name IN ('exercise_session', 'e1rm_point') ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &indexes {
        conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    conn.execute("DELETE FROM exercise_session", [])?;
    conn.execute("DELETE FROM e1rm_point", [])?;
    for_each_workout(conn, |sessions| {
        for s in &sessions {
            insert(conn, s)?;
        }
        Ok(())
    })?;
    for (_, sql) in &indexes {
        conn.execute_batch(sql)?;
    }
    conn.execute("DELETE FROM derived_stale", [])?;
    Ok(())
}

/// Every live workout's sessions, computed from its sets, one workout at a
/// time in the store's order.
pub(crate) fn for_each_workout(
    conn: &Connection,
    mut f: impl FnMut(Vec<ExerciseSession>) -> Result<()>,
) -> Result<()> {
    let mut current: Vec<AnalyticsSet> = Vec::new();
    let mut failed = None;
    let all = AnalyticsSets::Period {
        from_ms: i64::MIN,
        until_ms: i64::MAX,
    };
    sets::for_analytics(conn, &all, |s| {
        if failed.is_some() {
            return;
        }
        if current
            .first()
            .is_some_and(|c| c.workout_id != s.workout_id)
        {
            let done = std::mem::take(&mut current);
            if let Err(e) = f(session_bests::of_workout(&done)) {
                failed = Some(e);
            }
        }
        current.push(s);
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    if !current.is_empty() {
        f(session_bests::of_workout(&current))?;
    }
    Ok(())
}

/// The sessions of `workouts`, computed from their live sets.
fn read_workouts(
    conn: &Connection,
    workouts: &[String],
) -> Result<HashMap<String, Vec<ExerciseSession>>> {
    let json =
        serde_json::to_string(workouts).map_err(|e| bad("derived_stale", "workout_id", e))?;
    let mut by_workout: HashMap<String, Vec<AnalyticsSet>> = HashMap::new();
    sets::for_analytics(conn, &AnalyticsSets::Workouts(&json), |s| {
        by_workout
            .entry(s.workout_id.to_string())
            .or_default()
            .push(s)
    })?;
    Ok(by_workout
        .into_iter()
        .map(|(id, sets)| (id, session_bests::of_workout(&sets)))
        .collect())
}

fn insert(conn: &Connection, s: &ExerciseSession) -> Result<()> {
    let heaviest = s.heaviest.as_ref();
    conn.prepare_cached(
        "INSERT INTO exercise_session (exercise_id, workout_id, started_at_ms, session_date,
             work_sets, heaviest_kg, heaviest_before, heaviest_set, heaviest_date, volume_kg,
             heavy_load_kg, heavy_load_date, heavy_effort_date, lifting)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(rusqlite::params![
        s.exercise_id,
        s.workout_id,
        s.started_at_ms,
        date_text(s.session_date),
        s.work_sets,
        heaviest.map(|h| h.value),
        heaviest.and_then(|h| h.before),
        heaviest.map(|h| h.set_id.as_str()),
        heaviest.map(|h| date_text(h.date)),
        s.volume_kg,
        s.heavy_load.map(|(kg, _)| kg),
        s.heavy_load.map(|(_, d)| date_text(d)),
        s.heavy_effort.map(date_text),
        s.lifting,
    ])?;
    for e in &s.e1rm {
        let p = &e.point;
        conn.prepare_cached(
            "INSERT INTO e1rm_point (exercise_id, formula, workout_id, started_at_ms,
                 session_date, set_id, set_date, e1rm_kg, before_kg, weight_kg, reps, rir)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(rusqlite::params![
            s.exercise_id,
            formula_tag(e.formula),
            s.workout_id,
            s.started_at_ms,
            date_text(s.session_date),
            p.set_id,
            date_text(e.set_date),
            p.e1rm_kg,
            e.before,
            p.weight_kg,
            p.reps,
            p.rir,
        ])?;
    }
    Ok(())
}

const SESSION_COLUMNS: &str = "exercise_id, workout_id, started_at_ms, session_date, work_sets, \
     heaviest_kg, heaviest_before, heaviest_set, heaviest_date, volume_kg, heavy_load_kg, \
     heavy_load_date, heavy_effort_date, lifting";

fn session_row(row: &Row<'_>) -> Result<ExerciseSession> {
    const T: &str = "exercise_session";
    let opt_date = |i: usize, column: &'static str| -> Result<Option<NaiveDate>> {
        row.get::<_, Option<String>>(i)?
            .map(|t| parsed(T, column, t))
            .transpose()
    };
    let heaviest = match (
        row.get::<_, Option<f64>>(5)?,
        row.get::<_, Option<String>>(7)?,
    ) {
        (Some(value), Some(set_id)) => Some(SessionBest {
            value,
            before: row.get(6)?,
            set_id,
            date: opt_date(8, "heaviest_date")?
                .ok_or_else(|| bad(T, "heaviest_date", "missing beside a heaviest set"))?,
        }),
        _ => None,
    };
    let heavy_load = match (
        row.get::<_, Option<f64>>(10)?,
        opt_date(11, "heavy_load_date")?,
    ) {
        (Some(kg), Some(d)) => Some((kg, d)),
        _ => None,
    };
    Ok(ExerciseSession {
        exercise_id: row.get(0)?,
        workout_id: row.get(1)?,
        started_at_ms: row.get(2)?,
        session_date: parsed(T, "session_date", row.get(3)?)?,
        lifting: row.get(13)?,
        work_sets: row.get(4)?,
        heaviest,
        volume_kg: row.get(9)?,
        heavy_load,
        heavy_effort: opt_date(12, "heavy_effort_date")?,
        e1rm: Vec::new(),
    })
}

fn e1rm_row(row: &Row<'_>) -> Result<(String, String, E1rmBest)> {
    const T: &str = "e1rm_point";
    let formula = formula_of_tag(&row.get::<_, String>(1)?)?;
    Ok((
        row.get(0)?,
        row.get(2)?,
        E1rmBest {
            formula,
            point: E1rmPoint {
                date: parsed(T, "session_date", row.get(4)?)?,
                workout_id: row.get(2)?,
                set_id: row.get(5)?,
                e1rm_kg: row.get(7)?,
                weight_kg: row.get(9)?,
                reps: row.get(10)?,
                rir: row.get(11)?,
            },
            set_date: parsed(T, "set_date", row.get(6)?)?,
            before: row.get(8)?,
        },
    ))
}

/// Which sessions to read.
pub(crate) enum Sessions<'a> {
    /// Every exercise's.
    All,
    /// These exercises'.
    Of(&'a [String]),
}

/// The sessions `which` selects that started from `from_ms` on, with their
/// e1RM points of `formula` (all formulas when `None`), ordered by workout
/// start then workout id, each workout's exercises by id. Workouts still
/// named stale are computed from their sets here, so the answer is exact
/// even before a refresh.
pub(crate) fn sessions_of(
    conn: &Connection,
    which: &Sessions<'_>,
    formula: Option<Formula>,
    from_ms: i64,
) -> Result<Vec<ExerciseSession>> {
    let (filter, ids) = match which {
        Sessions::All => ("?1 IS NULL", None),
        Sessions::Of(ids) => (
            "exercise_id IN (SELECT value FROM json_each(?1))",
            Some(
                serde_json::to_string(ids)
                    .map_err(|e| bad("exercise_session", "exercise_id", e))?,
            ),
        ),
    };
    let tag = formula.map(formula_tag);
    let mut out: Vec<ExerciseSession> = Vec::new();
    {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM exercise_session WHERE {filter} \
             AND started_at_ms >= ?3 \
             ORDER BY started_at_ms, workout_id, exercise_id"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        // ?2 is the e1RM query's; binding it here too keeps one list.
        let mut rows = stmt.query((&ids, tag, from_ms))?;
        while let Some(row) = rows.next()? {
            out.push(session_row(row)?);
        }
    }
    let mut points: HashMap<(String, String), Vec<E1rmBest>> = HashMap::new();
    {
        let sql = format!(
            "SELECT exercise_id, formula, workout_id, started_at_ms, session_date, set_id, set_date, \
             e1rm_kg, before_kg, weight_kg, reps, rir FROM e1rm_point WHERE {filter} \
             AND (?2 IS NULL OR formula = ?2) AND started_at_ms >= ?3"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query((&ids, tag, from_ms))?;
        while let Some(row) = rows.next()? {
            let (exercise, workout, best) = e1rm_row(row)?;
            points.entry((exercise, workout)).or_default().push(best);
        }
    }
    for s in &mut out {
        if let Some(mut p) = points.remove(&(s.exercise_id.clone(), s.workout_id.clone())) {
            p.sort_by_key(|b| FORMULAS.iter().position(|f| *f == b.formula));
            s.e1rm = p;
        }
    }
    let stale = stale(conn)?;
    if !stale.is_empty() {
        let fresh = read_workouts(conn, &stale)?;
        let named: BTreeSet<&str> = stale.iter().map(String::as_str).collect();
        out.retain(|s| !named.contains(s.workout_id.as_str()));
        for sessions in fresh.into_values() {
            out.extend(sessions.into_iter().filter(|s| {
                s.started_at_ms >= from_ms
                    && match which {
                        Sessions::All => true,
                        Sessions::Of(ids) => ids.contains(&s.exercise_id),
                    }
            }));
        }
        for s in &mut out {
            if let Some(f) = formula {
                s.e1rm.retain(|b| b.formula == f);
            }
        }
        out.sort_by(|a, b| {
            (a.started_at_ms, &a.workout_id, &a.exercise_id).cmp(&(
                b.started_at_ms,
                &b.workout_id,
                &b.exercise_id,
            ))
        });
    }
    Ok(out)
}

/// The `n` exercises with the most sessions giving an e1RM (with
/// `formula`) that started in `from_ms..until_ms`: most first, then by
/// name and id. Only live exercises count.
pub(crate) fn most_trained(
    conn: &Connection,
    formula: Formula,
    from_ms: i64,
    until_ms: i64,
    through: NaiveDate,
    n: usize,
) -> Result<Vec<(String, String)>> {
    if has_stale(conn)? {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for s in sessions_of(conn, &Sessions::All, Some(formula), from_ms)? {
            if s.started_at_ms < until_ms && s.session_date <= through && !s.e1rm.is_empty() {
                *counts.entry(s.exercise_id).or_default() += 1;
            }
        }
        let names: HashMap<String, String> = super::exercises::all_live(conn)?
            .into_iter()
            .map(|e| (e.id, e.name))
            .collect();
        let mut list: Vec<(usize, String, String)> = counts
            .into_iter()
            .filter_map(|(id, n)| Some((n, names.get(&id)?.clone(), id)))
            .collect();
        list.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| (&a.1, &a.2).cmp(&(&b.1, &b.2))));
        return Ok(list
            .into_iter()
            .take(n)
            .map(|(_, name, id)| (id, name))
            .collect());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT p.exercise_id, e.name, COUNT(*) AS sessions
         FROM workout w INDEXED BY workout_started
         CROSS JOIN e1rm_point p INDEXED BY e1rm_point_workout ON p.workout_id = w.id
         JOIN exercise e ON e.id = p.exercise_id
         WHERE p.formula = ?1 AND w.started_at_ms >= ?2 AND w.started_at_ms < ?3
           AND w.deleted = 0 AND e.deleted = 0 AND p.session_date <= ?5
         GROUP BY p.exercise_id ORDER BY sessions DESC, e.name, p.exercise_id LIMIT ?4",
    )?;
    let rows = stmt.query_map(
        (
            formula_tag(formula),
            from_ms,
            until_ms,
            n as i64,
            date_text(through),
        ),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The local date of every lifting session (a workout with a set of an
/// exercise that is not cardio) that started before `until_ms`, one per
/// workout, in no particular order: by index from the live workouts.
pub(crate) fn lifting_dates(conn: &Connection, until_ms: i64) -> Result<Vec<NaiveDate>> {
    let stale = stale(conn)?;
    let named: BTreeSet<&str> = stale.iter().map(String::as_str).collect();
    let mut stmt = conn.prepare_cached(
        "SELECT w.id, (SELECT es.session_date FROM exercise_session es
                       WHERE es.workout_id = w.id AND es.lifting = 1 LIMIT 1)
         FROM workout w WHERE w.deleted = 0 AND w.started_at_ms < ?1",
    )?;
    let mut rows = stmt.query([until_ms])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let workout: String = row.get(0)?;
        if named.contains(workout.as_str()) {
            continue;
        }
        if let Some(d) = row.get::<_, Option<String>>(1)? {
            out.push(parsed("exercise_session", "session_date", d)?);
        }
    }
    if !stale.is_empty() {
        for sessions in read_workouts(conn, &stale)?.into_values() {
            if let Some(s) = sessions
                .iter()
                .find(|s| s.lifting && s.started_at_ms < until_ms)
            {
                out.push(s.session_date);
            }
        }
    }
    Ok(out)
}

/// Where a record kind's values are kept: the table (with the index whose
/// top is the best value), the value, what the session's earlier sets
/// reached, the set and its date, and a filter on the formula.
struct RecordSource {
    kind: RecordKind,
    table: &'static str,
    value: &'static str,
    before: &'static str,
    set: &'static str,
    date: &'static str,
    filter: &'static str,
}

/// The three derived record kinds, in [`Prior`](crate::analytics::session_bests::Prior) order.
const RECORD_SOURCES: [RecordSource; 3] = [
    RecordSource {
        kind: RecordKind::HeaviestWeight,
        table: "exercise_session INDEXED BY exercise_session_heaviest",
        value: "heaviest_kg",
        before: "heaviest_before",
        set: "heaviest_set",
        date: "heaviest_date",
        filter: "",
    },
    RecordSource {
        kind: RecordKind::BestE1rm,
        table: "e1rm_point INDEXED BY e1rm_point_best",
        value: "e1rm_kg",
        before: "before_kg",
        set: "set_id",
        date: "set_date",
        filter: "AND formula = ?2",
    },
    RecordSource {
        kind: RecordKind::BestVolume,
        table: "exercise_session INDEXED BY exercise_session_volume",
        value: "volume_kg",
        before: "NULL",
        set: "NULL",
        date: "session_date",
        filter: "",
    },
];

impl RecordSource {
    /// The table's name, for errors.
    fn name(&self) -> &'static str {
        self.table.split_whitespace().next().unwrap_or(self.table)
    }

    /// The record of `exercise_id` held by the sessions before `before`
    /// (a start and a workout id: sessions that started earlier, or at the
    /// same time with a lower id; an empty id takes every session that
    /// started earlier) on local dates up to `through`: the top value at
    /// gram precision, set by the earliest session to reach it, as a
    /// set-by-set pass keeps ties. Two index reads: the top value, then the
    /// few rows within a gram of it.
    fn held(
        &self,
        conn: &Connection,
        exercise_id: &str,
        formula: Formula,
        before: (i64, &str),
        through: Option<NaiveDate>,
    ) -> Result<Option<SqlRecord>> {
        let RecordSource {
            table,
            value,
            before: before_kg,
            set,
            date,
            filter,
            ..
        } = self;
        let sessions = "exercise_id = ?1 AND {value} IS NOT NULL \
             AND (started_at_ms < ?3 OR (started_at_ms = ?3 AND workout_id < ?4)) \
             AND (?5 IS NULL OR session_date <= ?5)";
        let sessions = sessions.replace("{value}", value);
        let params = rusqlite::params![
            exercise_id,
            formula_tag(formula),
            before.0,
            before.1,
            through.map(date_text)
        ];
        let top: Option<f64> = conn
            .prepare_cached(&format!(
                "SELECT {value} FROM {table} WHERE {sessions} {filter} \
                 ORDER BY {value} DESC LIMIT 1"
            ))?
            .query_row(params, |r| r.get(0))
            .optional()?;
        let Some(best) = top.and_then(grams) else {
            return Ok(None);
        };
        // A gram below: the check on each row keeps it exact.
        let lowest = (best as f64 - 1.0) / 1000.0;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {value}, {before_kg}, {set}, {date}, workout_id, started_at_ms FROM {table} \
             WHERE {sessions} AND {value} >= ?6 {filter} ORDER BY started_at_ms, workout_id"
        ))?;
        let mut rows = stmt.query(rusqlite::params![
            exercise_id,
            formula_tag(formula),
            before.0,
            before.1,
            through.map(date_text),
            lowest
        ])?;
        while let Some(row) = rows.next()? {
            let v: f64 = row.get(0)?;
            if grams(v) == Some(best) {
                return Ok(Some(SqlRecord {
                    value: v,
                    before: row.get(1)?,
                    set_id: row.get(2)?,
                    date: parsed(self.name(), date, row.get(3)?)?,
                    workout_id: row.get(4)?,
                    started_at_ms: row.get(5)?,
                }));
            }
        }
        Ok(None)
    }
}

/// Per exercise of `ids`, the best heaviest-weight candidate, e1RM (with
/// `formula`) and session volume of the sessions that started before
/// `before_ms`: what a later session must beat to set a record.
pub(crate) fn bests_before(
    conn: &Connection,
    ids: &[String],
    formula: Formula,
    before_ms: i64,
) -> Result<HashMap<String, [Option<f64>; 3]>> {
    let mut out: HashMap<String, [Option<f64>; 3]> = HashMap::new();
    let stale = stale(conn)?;
    if !stale.is_empty() {
        // Exact before any refresh: from the rows with the stale workouts
        // computed from their sets.
        for s in sessions_of(conn, &Sessions::Of(ids), Some(formula), i64::MIN)? {
            if s.started_at_ms >= before_ms {
                continue;
            }
            let best = out.entry(s.exercise_id.clone()).or_default();
            let e1rm = s.e1rm.first().map(|e| e.point.e1rm_kg);
            for (slot, v) in
                best.iter_mut()
                    .zip([s.heaviest.as_ref().map(|h| h.value), e1rm, s.volume_kg])
            {
                *slot = session_bests::still_held(*slot, v);
            }
        }
        return Ok(out);
    }
    for id in ids {
        let mut best: [Option<f64>; 3] = [None; 3];
        for (slot, source) in best.iter_mut().zip(&RECORD_SOURCES) {
            *slot = source
                .held(conn, id, formula, (before_ms, ""), None)?
                .map(|r| r.value);
        }
        if best.iter().any(Option::is_some) {
            out.insert(id.clone(), best);
        }
    }
    Ok(out)
}

/// Whether any workout is named stale: the quick reads below assume none
/// (every write refreshes before it commits); a caller that finds one
/// reads [`sessions_of`] instead.
pub(crate) fn has_stale(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM derived_stale)")?
        .query_row([], |r| r.get(0))?)
}

/// `exercise_id`'s e1RM points (with `formula`) of sessions that started
/// in `from_ms..until_ms`, oldest first, and the newest before `from_ms`.
pub(crate) fn e1rm_points(
    conn: &Connection,
    exercise_id: &str,
    formula: Formula,
    from_ms: i64,
    until_ms: i64,
) -> Result<Vec<E1rmPoint>> {
    let select = "SELECT exercise_id, formula, workout_id, started_at_ms, session_date, set_id, \
         set_date, e1rm_kg, before_kg, weight_kg, reps, rir FROM e1rm_point \
         WHERE exercise_id = ?1 AND formula = ?2";
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(&format!(
        "{select} AND started_at_ms < ?3 ORDER BY started_at_ms DESC, workout_id DESC LIMIT 1"
    ))?;
    let mut rows = stmt.query((exercise_id, formula_tag(formula), from_ms))?;
    if let Some(row) = rows.next()? {
        out.push(e1rm_row(row)?.2.point);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "{select} AND started_at_ms >= ?3 AND started_at_ms < ?4 ORDER BY started_at_ms, workout_id"
    ))?;
    let mut rows = stmt.query((exercise_id, formula_tag(formula), from_ms, until_ms))?;
    while let Some(row) = rows.next()? {
        out.push(e1rm_row(row)?.2.point);
    }
    Ok(out)
}

/// One record of an exercise found in SQL: the earliest session holding
/// the highest value at gram precision, and what it beat.
struct SqlRecord {
    value: f64,
    before: Option<f64>,
    set_id: Option<String>,
    date: NaiveDate,
    workout_id: String,
    started_at_ms: i64,
}

/// The heaviest-weight, best-e1RM and best-volume records of
/// `exercise_id` from sessions that started before `until_ms` on a local
/// date up to `through`: the same
/// records [`session_records`](crate::analytics::session_bests::session_records)
/// folds from every row, found by index without reading them all.
pub(crate) fn records_of(
    conn: &Connection,
    exercise_id: &str,
    formula: Formula,
    until_ms: i64,
    through: NaiveDate,
    exercise: &RecordExercise,
) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    for source in &RECORD_SOURCES {
        let kind = source.kind;
        let Some(r) = source.held(conn, exercise_id, formula, (until_ms, ""), Some(through))?
        else {
            continue;
        };
        // What that session beat: the record held before it.
        let held = source
            .held(
                conn,
                exercise_id,
                formula,
                (r.started_at_ms, &r.workout_id),
                None,
            )?
            .map(|h| h.value);
        let previous = session_bests::beaten(held, r.before);
        out.push(Record {
            exercise_id: exercise_id.to_owned(),
            exercise_name: exercise.name.clone(),
            kind,
            value: r.value,
            unit: RecordUnit::Kg,
            weight_kg: None,
            bodyweight: exercise.bodyweight,
            date: r.date,
            set_id: r.set_id,
            workout_id: r.workout_id,
            previous,
            formula: (kind == RecordKind::BestE1rm).then_some(formula),
        });
    }
    Ok(out)
}

/// The last day up to `today` with a heavy axial set, as
/// [`crate::screens::progress::last_heavy_axial`] finds it from every
/// row, read newest first and stopping once no older session can be
/// later (a session's sets are on its own date or the next).
pub(crate) fn last_heavy_axial(
    conn: &Connection,
    formula: Formula,
    today: NaiveDate,
    until_ms: i64,
) -> Result<Option<NaiveDate>> {
    let mut last: Option<NaiveDate> = None;
    let mut stmt = conn.prepare_cached(
        "SELECT es.exercise_id, es.session_date, es.heavy_load_kg, es.heavy_load_date, es.heavy_effort_date
         FROM exercise_session es JOIN exercise e ON e.id = es.exercise_id
         WHERE e.axial = 1 AND e.deleted = 0 AND es.started_at_ms < ?1
           AND (es.heavy_load_kg IS NOT NULL OR es.heavy_effort_date IS NOT NULL)
         ORDER BY es.started_at_ms DESC",
    )?;
    let mut rows = stmt.query([until_ms])?;
    const T: &str = "exercise_session";
    while let Some(row) = rows.next()? {
        let session: NaiveDate = parsed(T, "session_date", row.get(1)?)?;
        // Starts run in UTC: a session started earlier can carry a local
        // date up to two days later, and its sets the day after that.
        if last.is_some_and(|l| {
            session
                .checked_add_days(chrono::Days::new(3))
                .is_some_and(|later| later < l)
        }) {
            break;
        }
        let effort = row
            .get::<_, Option<String>>(4)?
            .map(|t| parsed(T, "heavy_effort_date", t))
            .transpose()?;
        if let Some(d) = effort.filter(|d| *d <= today) {
            last = last.max(Some(d));
        }
        let load = row.get::<_, Option<f64>>(2)?;
        let load_date = row
            .get::<_, Option<String>>(3)?
            .map(|t| parsed(T, "heavy_load_date", t))
            .transpose()?;
        let (Some(kg), Some(d)) = (load, load_date) else {
            continue;
        };
        if d > today || Some(d) <= last {
            continue;
        }
        let exercise: String = row.get(0)?;
        let from = d
            .checked_sub_days(chrono::Days::new(RECENT_DAYS))
            .unwrap_or(NaiveDate::MIN);
        // By the series index over a span of starts that holds every
        // session dated in the 28 days, whatever its offset.
        let (lo_ms, _) = crate::model::utc_ms_covering(from, from);
        let (_, hi_ms) = crate::model::utc_ms_covering(d, d);
        let reference: Option<f64> = conn
            .prepare_cached(
                "SELECT max(e1rm_kg) FROM e1rm_point INDEXED BY e1rm_point_series
                 WHERE exercise_id = ?1 AND formula = ?2 AND started_at_ms >= ?5
                   AND started_at_ms < ?6 AND session_date >= ?3 AND session_date < ?4",
            )?
            .query_row(
                rusqlite::params![
                    exercise,
                    formula_tag(formula),
                    date_text(from),
                    date_text(d),
                    lo_ms,
                    hi_ms
                ],
                |r| r.get(0),
            )?;
        if reference.is_some_and(|e| e > 0.0 && kg >= HEAVY_FRACTION * e) {
            last = Some(d);
        }
    }
    Ok(last)
}

/// Whether any live set exists.
pub(crate) fn any_sets(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM set_entry WHERE deleted = 0)")?
        .query_row([], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;
    use std::sync::Arc;

    use chrono::{DateTime, Days, NaiveDate};
    use proptest::prelude::*;

    use super::*;
    use crate::clock::FixedClock;
    use crate::grammar;
    use crate::heft::{FinishWorkout, Heft, LogTime};
    use crate::model::{SetInput, SetKind, WeightUnit};
    use crate::progress::NoProgress;

    const EXERCISES: [&str; 4] = ["back-squat", "deadlift", "bench-press", "pull-up"];

    fn heft() -> Heft {
        let t = DateTime::parse_from_rfc3339("2026-11-24T18:00:00+01:00").unwrap();
        Heft::open_in_memory(Arc::new(FixedClock(t))).unwrap()
    }

    /// What the store keeps, and what a full recomputation from the sets
    /// gives, in one order.
    fn kept_and_recomputed(h: &Heft) -> (Vec<String>, Vec<ExerciseSession>, Vec<ExerciseSession>) {
        h.read_for_tests(|conn| {
            let stale = stale(conn)?;
            let mut kept = sessions_of(conn, &Sessions::All, None, i64::MIN)?;
            let mut fresh = Vec::new();
            for_each_workout(conn, |s| {
                fresh.extend(s);
                Ok(())
            })?;
            let key = |s: &ExerciseSession| {
                (s.started_at_ms, s.workout_id.clone(), s.exercise_id.clone())
            };
            kept.sort_by_key(key);
            fresh.sort_by_key(key);
            Ok((stale, kept, fresh))
        })
        .unwrap()
    }

    #[derive(Debug, Clone)]
    enum Op {
        Log {
            day: u64,
            hour: u32,
            exercise: usize,
            sets: Vec<(u32, u32, Option<u32>, SetKind, bool)>,
        },
        Edit {
            pick: usize,
            exercise: usize,
            load: u32,
            reps: u32,
        },
        Delete {
            pick: usize,
        },
        Undo,
        Finish,
        Merge {
            day: u64,
            exercise: usize,
            load: u32,
            reps: u32,
        },
        /// A Strong export of one workout imported (again, when the same
        /// day comes up twice: then with other loads, which updates it).
        ImportCsv {
            day: u64,
            load: u32,
            reps: u32,
        },
        /// The other device takes this one's file, edits one of its sets
        /// and deletes another, and this device merges that back: merged
        /// updates and tombstones of rows already here.
        MergeBack {
            edit: usize,
            delete: usize,
            load: u32,
        },
    }

    fn kind() -> impl Strategy<Value = SetKind> {
        prop_oneof![
            1 => Just(SetKind::Warmup),
            4 => Just(SetKind::Working),
            1 => Just(SetKind::Drop),
            1 => Just(SetKind::Failure),
        ]
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (
                0u64..30,
                6u32..22,
                0usize..EXERCISES.len(),
                proptest::collection::vec(
                    (0u32..15, 1u32..12, proptest::option::of(0u32..5), kind(), any::<bool>()),
                    1..4,
                ),
            )
                .prop_map(|(day, hour, exercise, sets)| Op::Log { day, hour, exercise, sets }),
            2 => (any::<usize>(), 0usize..EXERCISES.len(), 0u32..15, 1u32..12)
                .prop_map(|(pick, exercise, load, reps)| Op::Edit { pick, exercise, load, reps }),
            1 => any::<usize>().prop_map(|pick| Op::Delete { pick }),
            2 => Just(Op::Undo),
            1 => Just(Op::Finish),
            1 => (0u64..30, 0usize..EXERCISES.len(), 0u32..15, 1u32..12)
                .prop_map(|(day, exercise, load, reps)| Op::Merge { day, exercise, load, reps }),
            1 => (any::<usize>(), any::<usize>(), 0u32..15)
                .prop_map(|(edit, delete, load)| Op::MergeBack { edit, delete, load }),
            1 => (0u64..30, 1u32..15, 1u32..12)
                .prop_map(|(day, load, reps)| Op::ImportCsv { day, load, reps }),
        ]
    }

    fn input(exercise: usize, load: u32, reps: u32, rir: Option<u32>, lb: bool) -> SetInput {
        let notation = match rir {
            Some(r) => format!("{}x{reps}@{r}", load * 10),
            None => format!("{}x{reps}", load * 10),
        };
        let unit = if lb { WeightUnit::Lb } else { WeightUnit::Kg };
        grammar::parse(&notation)
            .unwrap()
            .to_input(EXERCISES[exercise], unit)
    }

    fn at(day: u64, hour: u32) -> LogTime {
        let date = NaiveDate::from_ymd_opt(2026, 10, 1)
            .unwrap()
            .checked_add_days(Days::new(day))
            .unwrap();
        let t = format!("{date}T{hour:02}:00:00+01:00");
        LogTime::At(DateTime::parse_from_rfc3339(&t).unwrap())
    }

    fn live_set_ids(h: &Heft) -> Vec<String> {
        h.read_for_tests(|conn| {
            Ok(conn
                .prepare("SELECT id FROM set_entry WHERE deleted = 0 ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })
        .unwrap()
    }

    /// Runs `op`; what it refuses (nothing to undo, a set already gone) is
    /// as good as any other outcome here.
    fn run(h: &Heft, other: &Heft, op: &Op) {
        match op {
            Op::Log {
                day,
                hour,
                exercise,
                sets,
            } => {
                let inputs: Vec<SetInput> = sets
                    .iter()
                    .map(|(load, reps, rir, kind, lb)| {
                        let mut s = input(*exercise, *load, *reps, *rir, *lb);
                        s.kind = *kind;
                        s
                    })
                    .collect();
                let _ = h.log_sets(&inputs, at(*day, *hour));
            }
            Op::Edit {
                pick,
                exercise,
                load,
                reps,
            } => {
                let ids = live_set_ids(h);
                if !ids.is_empty() {
                    let _ = h.edit_set(
                        &ids[pick % ids.len()],
                        input(*exercise, *load, *reps, None, false),
                    );
                }
            }
            Op::Delete { pick } => {
                let ids = live_set_ids(h);
                if !ids.is_empty() {
                    let _ = h.delete_set(&ids[pick % ids.len()]);
                }
            }
            Op::Undo => {
                let _ = h.undo();
            }
            Op::Finish => {
                let _ = h.finish_workout(FinishWorkout::default());
            }
            Op::Merge {
                day,
                exercise,
                load,
                reps,
            } => {
                other
                    .log_sets(
                        &[input(*exercise, *load, *reps, Some(1), false)],
                        at(*day, 7),
                    )
                    .unwrap();
                let mut file = Vec::new();
                other.export_to(&mut file, None).unwrap();
                h.import_from(Box::new(Cursor::new(file)), None, &NoProgress)
                    .unwrap();
            }
            Op::ImportCsv { day, load, reps } => {
                let date = NaiveDate::from_ymd_opt(2026, 10, 1)
                    .unwrap()
                    .checked_add_days(Days::new(*day))
                    .unwrap();
                let csv = format!(
                    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
                     {date} 07:30:00,Morning,45m,Squat (Barbell),W,40,5,0,0,,,\n\
                     {date} 07:30:00,Morning,45m,Squat (Barbell),1,{},{reps},0,0,,,8\n\
                     {date} 07:30:00,Morning,45m,Deadlift (Barbell),1,{},5,0,0,,,\n",
                    load * 10,
                    load * 12
                );
                let size = csv.len() as u64;
                let opts = crate::heft::CsvImportOptions {
                    unit: Some(WeightUnit::Kg),
                    ..Default::default()
                };
                h.import_csv_from(
                    Box::new(Cursor::new(csv.into_bytes())),
                    size,
                    &opts,
                    &NoProgress,
                )
                .unwrap();
            }
            Op::MergeBack { edit, delete, load } => {
                let mut file = Vec::new();
                h.export_to(&mut file, None).unwrap();
                other
                    .import_from(Box::new(Cursor::new(file)), None, &NoProgress)
                    .unwrap();
                let ids = live_set_ids(other);
                if !ids.is_empty() {
                    let id = &ids[edit % ids.len()];
                    let mut changed = other.set(id).unwrap().input;
                    changed.load = input(0, *load, 5, None, false).load;
                    other.edit_set(id, changed).unwrap();
                    let _ = other.delete_set(&ids[delete % ids.len()]);
                }
                let mut back = Vec::new();
                other.export_to(&mut back, None).unwrap();
                h.import_from(Box::new(Cursor::new(back)), None, &NoProgress)
                    .unwrap();
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// After any sequence of logs, edits, deletes, undos, finishes and
        /// merges, the derived rows are exactly what the live sets give,
        /// and no workout is left named stale.
        #[test]
        fn derived_rows_stay_exact(ops in proptest::collection::vec(op(), 1..25)) {
            let h = heft();
            let other = heft();
            for op in &ops {
                run(&h, &other, op);
                let (stale, kept, fresh) = kept_and_recomputed(&h);
                prop_assert!(stale.is_empty(), "after {:?}: stale {:?}", op, stale);
                prop_assert_eq!(kept, fresh, "after {:?}", op);
            }
            let (_, kept, _) = kept_and_recomputed(&h);
            let split = kept.get(kept.len() / 2).map_or(0, |s| s.started_at_ms);
            for (until_ms, formula) in [(i64::MAX, Formula::Epley), (split, Formula::Brzycki)] {
                let (by_index, by_set) = records_by_index_and_by_set(&h, formula, until_ms);
                prop_assert_eq!(by_index, by_set, "before {} with {:?}", until_ms, formula);
            }
        }
    }

    /// The records of every exercise before `until_ms`, found by index
    /// ([`records_of`], and [`bests_before`] for their values), and as
    /// [`RecordBook`](crate::analytics::records::RecordBook) finds them set
    /// by set (its most-reps records are not derived).
    fn records_by_index_and_by_set(
        h: &Heft,
        formula: Formula,
        until_ms: i64,
    ) -> (Vec<Record>, Vec<Record>) {
        use crate::analytics::records::RecordBook;
        h.read_for_tests(|conn| {
            let mut book = RecordBook::new(formula);
            let before = AnalyticsSets::Period {
                from_ms: i64::MIN,
                until_ms,
            };
            sets::for_analytics(conn, &before, |s| book.add(&s))?;
            let by_set: Vec<Record> = book
                .records()
                .into_iter()
                .filter(|r| r.kind != RecordKind::MostReps)
                .collect();
            let ids: Vec<String> = EXERCISES.iter().map(|e| e.to_string()).collect();
            let bests = bests_before(conn, &ids, formula, until_ms)?;
            let mut by_index = Vec::new();
            for id in &ids {
                let mine: Vec<&Record> = by_set.iter().filter(|r| &r.exercise_id == id).collect();
                let exercise = RecordExercise {
                    name: mine
                        .first()
                        .map(|r| r.exercise_name.clone())
                        .unwrap_or_default(),
                    bodyweight: mine.first().is_some_and(|r| r.bodyweight),
                };
                let far = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
                let found = records_of(conn, id, formula, until_ms, far, &exercise)?;
                // The values what came before leaves to beat are the
                // records' values.
                let values: Vec<Option<f64>> = RECORD_SOURCES
                    .iter()
                    .map(|k| found.iter().find(|r| r.kind == k.kind).map(|r| r.value))
                    .collect();
                let best = bests.get(id).copied().unwrap_or_default();
                assert_eq!(values, best, "{id}");
                by_index.extend(found);
            }
            // RecordBook orders by exercise name; the index reads by id.
            let order = |r: &Record| (r.exercise_name.clone(), r.exercise_id.clone());
            by_index.sort_by_key(order);
            Ok((by_index, by_set))
        })
        .unwrap()
    }

    /// A workout named stale that no write refreshed is read from its sets.
    #[test]
    fn a_stale_workout_is_read_from_its_sets() {
        let h = heft();
        h.log_sets(&[input(0, 10, 5, Some(2), false)], at(1, 9))
            .unwrap();
        h.write_for_tests(forget_rows);
        let rows = h
            .read_for_tests(|conn| {
                sessions_of(conn, &Sessions::All, Some(Formula::Epley), i64::MIN)
            })
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].work_sets, 1);
        assert_eq!(rows[0].e1rm.len(), 1);
        assert_eq!(rows[0].e1rm[0].point.weight_kg, 100.0);
    }

    /// Upgrading a version 6 database builds the rows of every workout.
    #[test]
    fn the_upgrade_builds_every_row() {
        let h = heft();
        h.log_sets(&[input(1, 12, 3, None, false)], at(2, 9))
            .unwrap();
        h.log_sets(&[input(2, 6, 8, None, true)], at(3, 9)).unwrap();
        let (_, before, _) = kept_and_recomputed(&h);
        assert_eq!(before.len(), 2);
        h.write_for_tests(|conn| {
            forget_rows(conn)?;
            refresh(conn)
        });
        let (stale, after, fresh) = kept_and_recomputed(&h);
        assert!(stale.is_empty());
        assert_eq!(after, fresh);
        assert_eq!(after, before);
    }
}
