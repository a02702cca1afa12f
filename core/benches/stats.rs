//! Analytics with ten years of history (about 150,000 sets), each call
//! against hand-written indexed SQL computing the same numbers, run side by
//! side on a plain rusqlite connection to the same file (same pragmas).
//!
//! `cargo bench -p heft-core --bench stats`. Figures and how to read them
//! are in docs/PERFORMANCE.md, "Analytics".
//!
//! - `stats/e1rm_series`: [`Heft::e1rm_series`]`("back-squat")`: the
//!   exercise's live working sets by the `set_entry (exercise_id,
//!   performed_at_ms)` index, one e1RM point per session.
//! - `stats/raw_e1rm_series`: the baseline: one `SELECT` of the per-workout
//!   maximum of the Epley expression (same filters: working or failure, an
//!   external weight, 1-10 reps, at most 12 reps to failure), grouped by
//!   workout, ordered by start.
//! - `stats/weekly_5w`: [`Heft::weekly`] for this week and the four before
//!   it: minutes, sessions, hard sets per muscle, heavy axial sets and
//!   sessions, landings.
//! - `stats/raw_weekly_5w`: the baseline, the brief's "weekly sums over the
//!   last five weeks": one statement over the same rows (the five weeks and
//!   the 28 days before them for the e1RM a heavy set is measured against)
//!   computing the same sums in SQL, e1RM references by a correlated
//!   subquery.
//! - `stats/stats`: [`Heft::stats`], all of `heft stats`: the five weeks,
//!   records of the last 28 days judged against all history, streaks and
//!   gaps over all history, the last heavy axial load.
//! - `stats/raw_stats`: the baseline: `raw_weekly_5w` plus one statement over
//!   all history computing the same records of the last 28 days (window
//!   functions over every record candidate), each lifting session's date
//!   (streak and gaps are then counted from those dates) and the last heavy
//!   axial day.
//! - `stats/raw_rows_5w`, `stats/raw_rows_all`: the floor under any way of
//!   computing these numbers outside SQL: Heft's own read (same join, same
//!   columns, same order) of the five weeks (with the 28 days before) and of
//!   all history, every value copied out and dropped, nothing computed.
//!
//! Before timing, each pair is checked to compute the same numbers. After
//! the criterion group the pairs run again interleaved call by call (the
//! order alternating) and the medians and median ratio are printed: on a
//! shared machine whose load drifts, that ratio is the steadier one.
//!
//! The database is [`common::ten_years`] (`benches/common/mod.rs`), built
//! once per run in a temporary directory under `target/`, read through a
//! second handle whose clock is fixed on Sunday 22 November 2026 at 20:00.

// A benchmark that cannot set up or whose call fails should stop, not carry
// on measuring something else; criterion's macros also generate undocumented
// items.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, NaiveDate, NaiveTime};
use common::date;
use criterion::{Criterion, criterion_group, criterion_main};
use heft_core::Heft;
use heft_core::analytics::adherence;
use heft_core::analytics::{Stats, Week, WeekStats};
use heft_core::clock::FixedClock;
use rusqlite::Connection;

/// The day the summary is for: the Sunday ending the last week of the
/// program's API sessions.
const TODAY: (i32, u32, u32) = (2026, 11, 22);
const NOW: &str = "2026-11-22T20:00:00+01:00";
const DAY_MS: i64 = 86_400_000;
/// Days of e1RM behind a heavy set, and of "recent" records.
const RECENT_DAYS: u64 = 28;

fn day_ms(day: NaiveDate) -> i64 {
    day.and_time(NaiveTime::MIN).and_utc().timestamp_millis()
}

/// The ISO Monday of a date column, in SQL.
fn monday(col: &str) -> String {
    format!("date({col}, '-' || ((CAST(strftime('%w', {col}) AS INTEGER) + 6) % 7) || ' days')")
}

/// Epley with reps + RIR as effective reps (blended below 2), for a row
/// whose `kg`, `reps` and `rir` columns are in scope; NULL where Heft gives
/// no estimate.
fn epley(kg: &str) -> String {
    let eff = "(reps + COALESCE(rir, 0))";
    format!(
        "CASE WHEN {kg} > 0 AND reps BETWEEN 1 AND 10 AND COALESCE(rir, 0) >= 0 AND {eff} <= 12 \
         THEN CASE WHEN {eff} < 2 THEN {kg} * (1.0 + ({eff} - 1.0) * (2.0 / 30.0)) \
         ELSE {kg} * (1.0 + {eff} / 30.0) END END"
    )
}

/// Kilograms of a set, as Heft converts them.
const KG: &str =
    "(s.weight_milli / 1000.0) * (CASE s.weight_unit WHEN 'lb' THEN 0.45359237 ELSE 1.0 END)";

fn raw_series_sql() -> String {
    let e = epley("kg");
    format!(
        "SELECT wid, min(start), max(e1rm) FROM (
           SELECT s.workout_id AS wid, w.started_at_ms AS start, {e} AS e1rm
           FROM (SELECT s.workout_id, s.reps AS reps, COALESCE(s.rir, 10.0 - s.rpe) AS rir, {KG} AS kg
                 FROM set_entry s WHERE s.exercise_id = ?1 AND s.deleted = 0
                   AND s.kind IN ('working', 'failure') AND s.load_type = 'weight' AND s.reps BETWEEN 1 AND 10) AS s
           JOIN workout w ON w.id = s.workout_id WHERE w.deleted = 0
         ) WHERE e1rm IS NOT NULL GROUP BY wid ORDER BY 2, 1"
    )
}

fn raw_series(conn: &Connection, sql: &str) -> Vec<(String, i64, f64)> {
    let mut stmt = conn.prepare_cached(sql).unwrap();
    stmt.query_map(["back-squat"], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The columns Heft's analytics read selects (`core/src/heft/analytics.rs`).
const COLUMNS: &str = "s.id, s.workout_id, w.started_at_ms, w.offset_min, w.finished_at_ms, w.duration_s, \
     s.performed_at_ms, s.offset_min, s.kind, s.load_type, s.weight_milli, s.weight_unit, s.reps, s.rir, s.rpe, \
     s.duration_ms, s.landings, e.id, e.name, e.pattern, e.measure, e.muscles, e.axial, e.impact";

/// The floor: Heft's own read (same join, same columns, same order) with
/// every value copied out and dropped, nothing computed.
fn rows_sql() -> String {
    format!(
        "SELECT {COLUMNS} FROM workout w JOIN set_entry s ON s.workout_id = w.id \
         JOIN exercise e ON e.id = s.exercise_id \
         WHERE w.started_at_ms >= ?1 AND w.started_at_ms < ?2 AND s.deleted = 0 AND w.deleted = 0 AND e.deleted = 0 \
         ORDER BY w.started_at_ms, w.id, s.position"
    )
}

/// Reads the rows of workouts started in `from_ms..until_ms`; returns how many.
fn raw_rows(conn: &Connection, sql: &str, from_ms: i64, until_ms: i64) -> usize {
    let mut stmt = conn.prepare_cached(sql).unwrap();
    let mut rows = stmt.query((from_ms, until_ms)).unwrap();
    let mut n = 0;
    while let Some(r) = rows.next().unwrap() {
        for i in 0..24 {
            black_box(r.get::<_, rusqlite::types::Value>(i).unwrap());
        }
        n += 1;
    }
    n
}

/// The five weeks' sums: `(week Monday, metric, key, value)` rows.
fn raw_weekly_sql() -> String {
    let e = epley("kg");
    let (wk, wwk) = (monday("day"), monday("wday"));
    format!(
        "WITH b AS MATERIALIZED (
           SELECT s.workout_id AS wid,
                  date(w.started_at_ms / 1000 + w.offset_min * 60, 'unixepoch') AS wday,
                  COALESCE(w.duration_s, CASE WHEN w.finished_at_ms - w.started_at_ms >= 1000
                      THEN (w.finished_at_ms - w.started_at_ms) / 1000 END) AS dur,
                  date(s.performed_at_ms / 1000 + s.offset_min * 60, 'unixepoch') AS day,
                  s.kind AS kind, s.reps AS reps, COALESCE(s.rir, 10.0 - s.rpe) AS rir,
                  s.duration_ms AS dms, s.landings AS landings,
                  CASE WHEN s.load_type = 'weight' AND s.weight_milli > 0 THEN {KG} END AS kg,
                  e.id AS ex, e.pattern AS pattern, e.muscles AS muscles, e.axial AS axial, e.impact AS impact
           FROM workout w JOIN set_entry s ON s.workout_id = w.id JOIN exercise e ON e.id = s.exercise_id
           WHERE w.started_at_ms >= ?1 AND w.started_at_ms < ?2 AND w.deleted = 0 AND s.deleted = 0 AND e.deleted = 0
         ),
         x AS MATERIALIZED (
           SELECT b.*, {wk} AS wk, {wwk} AS wwk,
                  CASE WHEN kind IN ('working', 'failure') THEN {e} END AS e1rm
           FROM b
         ),
         sb AS MATERIALIZED (
           SELECT ex, wid, min(wday) AS wday, max(e1rm) AS best FROM x
           WHERE axial AND e1rm IS NOT NULL GROUP BY ex, wid
         ),
         h AS MATERIALIZED (
           SELECT x.*,
                  (axial AND kind IN ('working', 'failure') AND ((rir >= 0 AND rir <= 2) OR (kg > 0 AND kg >= 0.8 *
                      (SELECT max(best) FROM sb WHERE sb.ex = x.ex AND sb.wday >= date(x.day, '-28 days') AND sb.wday < x.day)))) AS heavy,
                  (kind IN ('working', 'failure') AND pattern NOT IN ('cardio', 'jump') AND (rir IS NULL OR rir <= 3)) AS hard
           FROM x
         ),
         ws AS (
           SELECT wid, min(wwk) AS wwk, min(wday) AS wday, max(dur) AS dur,
                  sum(pattern <> 'cardio') AS lifting, sum(pattern = 'cardio') AS cardio,
                  sum(CASE WHEN pattern <> 'cardio' THEN COALESCE(dms / 1000, reps * 4, 30)
                      + CASE WHEN kind = 'warmup' THEN 45 ELSE 105 END END) / 60.0 AS est,
                  sum(COALESCE(heavy, 0)) AS heavy
           FROM h GROUP BY wid
         )
         SELECT wwk, 'minutes', '', sum(CASE WHEN cardio = 0 AND dur > 0 THEN dur / 60.0 ELSE est END)
           FROM ws WHERE lifting > 0 AND wwk BETWEEN ?3 AND ?4 GROUP BY wwk
         UNION ALL SELECT wwk, 'sessions', '', count(*) FROM ws WHERE lifting > 0 AND wwk BETWEEN ?3 AND ?4 GROUP BY wwk
         UNION ALL SELECT wwk, 'heavy_sessions', '', count(DISTINCT wday) FROM ws WHERE heavy >= 5 AND wwk BETWEEN ?3 AND ?4 GROUP BY wwk
         UNION ALL SELECT wk, 'hard', '', sum(hard) FROM h WHERE wk BETWEEN ?3 AND ?4 GROUP BY wk
         UNION ALL SELECT wk, 'heavy', '', sum(COALESCE(heavy, 0)) FROM h WHERE wk BETWEEN ?3 AND ?4 GROUP BY wk
         UNION ALL SELECT wk, 'landings', '', sum(CASE WHEN impact THEN COALESCE(landings, 0) ELSE 0 END)
           FROM h WHERE wk BETWEEN ?3 AND ?4 GROUP BY wk
         UNION ALL SELECT h.wk, 'muscle', j.value, count(*) FROM h, json_each(h.muscles) AS j
           WHERE h.hard AND h.wk BETWEEN ?3 AND ?4 GROUP BY h.wk, j.value"
    )
}

/// One week's sums from the raw query.
#[derive(Debug, Default, PartialEq)]
struct RawWeek {
    minutes: u32,
    sessions: u32,
    hard: u32,
    muscles: BTreeMap<String, u32>,
    heavy: u32,
    heavy_sessions: u32,
    landings: u32,
}

impl RawWeek {
    fn of(w: &WeekStats) -> RawWeek {
        RawWeek {
            minutes: w.lifting_minutes,
            sessions: w.sessions,
            hard: w.hard_sets,
            muscles: w
                .hard_sets_by_muscle
                .iter()
                .map(|m| (m.muscle.to_string(), m.sets))
                .collect(),
            heavy: w.bone.heavy_axial_sets,
            heavy_sessions: w.bone.heavy_axial_sessions,
            landings: w.bone.landings,
        }
    }
}

/// The first Monday of the five weeks ending with `today`'s.
fn first_monday(today: NaiveDate) -> NaiveDate {
    Week::of(today).back(4).unwrap().monday()
}

fn raw_weekly(conn: &Connection, sql: &str, today: NaiveDate) -> BTreeMap<String, RawWeek> {
    let first = first_monday(today);
    let from_ms = day_ms(first - Days::new(RECENT_DAYS)) - DAY_MS;
    let until_ms = day_ms(Week::of(today).sunday()) + 2 * DAY_MS;
    let (lo, hi) = (first.to_string(), Week::of(today).monday().to_string());
    let mut weeks: BTreeMap<String, RawWeek> = BTreeMap::new();
    let mut stmt = conn.prepare_cached(sql).unwrap();
    let mut rows = stmt.query((from_ms, until_ms, &lo, &hi)).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let week: String = r.get(0).unwrap();
        let metric: String = r.get(1).unwrap();
        let value: f64 = r.get(3).unwrap();
        let w = weeks.entry(week).or_default();
        let n = value.round() as u32;
        match metric.as_str() {
            "minutes" => w.minutes = n,
            "sessions" => w.sessions = n,
            "hard" => w.hard = n,
            "heavy" => w.heavy = n,
            "heavy_sessions" => w.heavy_sessions = n,
            "landings" => w.landings = n,
            _ => {
                w.muscles.insert(r.get(2).unwrap(), n);
            }
        }
    }
    weeks
}

/// All history: the count of records of the last 28 days that beat an
/// earlier value, each lifting session's date, and the last heavy axial day.
fn raw_history_sql() -> String {
    let e_kg = epley("kg");
    let e_xkg = epley("xkg");
    format!(
        "WITH a AS MATERIALIZED (
           SELECT s.workout_id AS wid, w.started_at_ms AS wstart, s.performed_at_ms AS at,
                  date(w.started_at_ms / 1000 + w.offset_min * 60, 'unixepoch') AS wday,
                  date(s.performed_at_ms / 1000 + s.offset_min * 60, 'unixepoch') AS day,
                  s.kind AS kind, s.load_type AS lt, s.reps AS reps, COALESCE(s.rir, 10.0 - s.rpe) AS rir,
                  CASE WHEN s.weight_milli IS NOT NULL THEN {KG} END AS kg,
                  e.id AS ex, e.pattern AS pattern, e.axial AS axial
           FROM workout w JOIN set_entry s ON s.workout_id = w.id JOIN exercise e ON e.id = s.exercise_id
           WHERE w.started_at_ms < ?1 AND w.deleted = 0 AND s.deleted = 0 AND e.deleted = 0
         ),
         r AS MATERIALIZED (
           SELECT ex, wid, wstart, at, wday, day, kind IN ('working', 'failure') AS work, reps,
                  CASE WHEN kg > 0 AND lt IN ('weight', 'bodyweight') THEN kg END AS top,
                  CASE WHEN lt = 'weight' THEN {e_kg} END AS e1rm,
                  CASE WHEN lt = 'weight' AND kg > 0 THEN 'x' || CAST(round(kg * 1000) AS INTEGER)
                       WHEN lt = 'bodyweight' THEN 'b' || CAST(round(COALESCE(kg, 0) * 1000) AS INTEGER)
                       WHEN lt = 'none' THEN 'u' END AS rkey,
                  CASE WHEN lt = 'weight' AND kg > 0 THEN kg * reps END AS vol
           FROM a WHERE pattern <> 'cardio' AND kind <> 'warmup' AND reps >= 1 AND day <= ?2
         ),
         cand AS (
           SELECT 'h' AS t, ex, '' AS k, round(top * 1000) AS v, at, day FROM r WHERE work AND top IS NOT NULL
           UNION ALL SELECT 'e', ex, '', round(e1rm * 1000), at, day FROM r WHERE work AND e1rm IS NOT NULL
           UNION ALL SELECT 'r', ex, rkey, reps, at, day FROM r WHERE work AND rkey IS NOT NULL
           UNION ALL SELECT 'v', ex, '', round(sum(vol) * 1000), min(wstart), min(wday) FROM r
             WHERE vol IS NOT NULL GROUP BY ex, wid
         ),
         ranked AS (
           SELECT t, ex, k, v, at, day, max(v) OVER (PARTITION BY t, ex, k) AS m,
                  min(at) OVER (PARTITION BY t, ex, k) AS first_at
           FROM cand
         ),
         rec AS (
           -- The record is the first set (or workout) to reach the maximum; it
           -- beat something when anything came before it. `day` is taken
           -- from the row of min(at) (SQLite's bare column of min()).
           SELECT day, min(at) AS rat, min(first_at) AS fat FROM ranked WHERE v = m GROUP BY t, ex, k
         ),
         ax AS MATERIALIZED (
           SELECT ex, wid, wday, day, rir, kind, CASE WHEN lt = 'weight' AND kg > 0 THEN kg END AS xkg, reps
           FROM a WHERE axial AND kind IN ('working', 'failure') AND day <= ?2
         ),
         sb AS MATERIALIZED (
           SELECT ex, wid, min(wday) AS wday, max({e_xkg}) AS best FROM ax GROUP BY ex, wid HAVING best IS NOT NULL
         ),
         eff AS (SELECT COALESCE(max(day), '') AS d FROM ax WHERE rir >= 0 AND rir <= 2)
         SELECT 'rec', '', count(*) FROM rec WHERE rat > fat AND day >= ?3
         UNION ALL SELECT 'sess', min(wday), 0 FROM a WHERE pattern <> 'cardio' AND day <= ?2 AND wday <= ?2 GROUP BY wid
         UNION ALL SELECT 'heavy', max((SELECT d FROM eff), COALESCE((SELECT max(day) FROM ax WHERE xkg > 0
               AND day > (SELECT d FROM eff)
               AND xkg >= 0.8 * (SELECT max(best) FROM sb WHERE sb.ex = ax.ex AND sb.wday >= date(ax.day, '-28 days') AND sb.wday < ax.day)), '')), 0"
    )
}

/// What the all-history statement gives, with streak and gaps counted from
/// the session dates.
#[derive(Debug, PartialEq)]
struct RawHistory {
    recent_records: usize,
    streak: adherence::Streak,
    gaps: adherence::Gaps,
    last_heavy: Option<NaiveDate>,
}

fn raw_history(conn: &Connection, sql: &str, today: NaiveDate) -> RawHistory {
    let until_ms = day_ms(today) + 2 * DAY_MS;
    let recent = (today - Days::new(RECENT_DAYS - 1)).to_string();
    let mut stmt = conn.prepare_cached(sql).unwrap();
    let mut rows = stmt.query((until_ms, today.to_string(), recent)).unwrap();
    let mut dates = Vec::new();
    let (mut records, mut last_heavy) = (0, None);
    while let Some(r) = rows.next().unwrap() {
        let tag: String = r.get(0).unwrap();
        let text: String = r.get(1).unwrap();
        match tag.as_str() {
            "rec" => records = r.get::<_, i64>(2).unwrap() as usize,
            "sess" => dates.push(text.parse::<NaiveDate>().unwrap()),
            _ => last_heavy = text.parse::<NaiveDate>().ok(),
        }
    }
    RawHistory {
        recent_records: records,
        streak: adherence::streak(&dates, today),
        gaps: adherence::gaps(&dates, today),
        last_heavy,
    }
}

fn raw_stats(
    conn: &Connection,
    weekly_sql: &str,
    history_sql: &str,
    today: NaiveDate,
) -> (BTreeMap<String, RawWeek>, RawHistory) {
    (
        raw_weekly(conn, weekly_sql, today),
        raw_history(conn, history_sql, today),
    )
}

fn weeks_of(stats: &Stats) -> BTreeMap<String, RawWeek> {
    stats
        .last_4_weeks
        .iter()
        .chain([&stats.this_week])
        .filter(|w| w.sessions > 0 || w.hard_sets > 0)
        .map(|w| (w.monday.to_string(), RawWeek::of(w)))
        .collect()
}

/// Times `a` and `b` call by call, alternating which goes first; prints the
/// medians and the median ratio a / b.
fn interleaved(name: &str, rounds: usize, mut a: impl FnMut(), mut b: impl FnMut()) {
    let time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64() * 1000.0
    };
    let (mut ta, mut tb, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (x, y) = if round % 2 == 0 {
            let x = time(&mut a);
            (x, time(&mut b))
        } else {
            let y = time(&mut b);
            (time(&mut a), y)
        };
        ta.push(x);
        tb.push(y);
        ratios.push(x / y);
    }
    eprintln!(
        "stats/interleaved {name}: {rounds} rounds, median {:.2} ms vs raw {:.2} ms, median ratio {:.2} \
         (quartiles {:.2}-{:.2})",
        quantile(&mut ta, 0.5),
        quantile(&mut tb, 0.5),
        quantile(&mut ratios, 0.5),
        quantile(&mut ratios, 0.25),
        quantile(&mut ratios, 0.75),
    );
}

/// The `q` quantile of `values` (nearest rank).
fn quantile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let i = ((values.len() - 1) as f64 * q).round() as usize;
    values[i]
}

fn stats(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("stats.db");
    let started = Instant::now();
    let (built_heft, built) = common::ten_years(&path);
    drop(built_heft);
    let clock = Arc::new(FixedClock(DateTime::parse_from_rfc3339(NOW).unwrap()));
    let heft = Heft::open_with_clock(&path, clock).unwrap();
    let today = date(TODAY);
    let mut conn = Connection::open(&path).unwrap();
    heft_core::store::configure(&mut conn).unwrap();

    // Same numbers, checked once.
    let series_sql = raw_series_sql();
    let series = heft.e1rm_series("back-squat").unwrap();
    let raw = raw_series(&conn, &series_sql);
    assert_eq!(series.points.len(), raw.len(), "e1RM points");
    for (p, r) in series.points.iter().zip(&raw) {
        assert_eq!(p.workout_id, r.0);
        assert!((p.e1rm_kg - r.2).abs() < 1e-9, "{p:?} vs {r:?}");
    }
    let weekly_sql = raw_weekly_sql();
    let history_sql = raw_history_sql();
    let rows_sql = rows_sql();
    let first = first_monday(today);
    // The ranges Heft reads: the five weeks (and 28 days before them), and
    // all history up to today.
    let window = (
        day_ms(first - Days::new(RECENT_DAYS)) - DAY_MS,
        day_ms(Week::of(today).sunday()) + 2 * DAY_MS,
    );
    let all = (i64::MIN, day_ms(today) + 2 * DAY_MS);
    let weeks = heft.weekly(first, today).unwrap();
    let raw_weeks = raw_weekly(&conn, &weekly_sql, today);
    let heft_weeks: BTreeMap<String, RawWeek> = weeks
        .iter()
        .filter(|w| w.sessions > 0 || w.hard_sets > 0)
        .map(|w| (w.monday.to_string(), RawWeek::of(w)))
        .collect();
    assert_eq!(heft_weeks, raw_weeks, "weekly sums");
    let s = heft.stats(today).unwrap();
    let (raw_w, raw_h) = raw_stats(&conn, &weekly_sql, &history_sql, today);
    assert_eq!(weeks_of(&s), raw_w, "stats weeks");
    let heft_h = RawHistory {
        recent_records: s.records.len(),
        streak: s.adherence.streak,
        gaps: s.adherence.gaps,
        last_heavy: s.bone.last_heavy_axial,
    };
    assert_eq!(heft_h, raw_h, "stats over all history");
    let window_rows = raw_rows(&conn, &rows_sql, window.0, window.1);
    let all_rows = raw_rows(&conn, &rows_sql, all.0, all.1);
    let (db_workouts, db_sets): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM workout), (SELECT count(*) FROM set_entry)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    eprintln!(
        "stats: built in {:.1} s: {} workouts and {} sets in bulk, {db_workouts} workouts and {db_sets} sets \
         in the database; reads: {window_rows} rows for the five weeks, {all_rows} for all history; \
         back-squat: {} e1RM points; {today}: this week {} min ({} sessions), \
         {} recent records, streak {} weeks, last heavy axial {:?}",
        started.elapsed().as_secs_f64(),
        built.workouts,
        built.sets,
        series.points.len(),
        s.this_week.lifting_minutes,
        s.this_week.sessions,
        s.records.len(),
        s.adherence.streak.current_weeks,
        s.bone.last_heavy_axial,
    );

    // `HEFT_STATS_PROFILE=n`: only call `stats` n times, for a profiler.
    if let Some(n) = std::env::var("HEFT_STATS_PROFILE")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
    {
        let start = Instant::now();
        for _ in 0..n {
            black_box(heft.stats(today).unwrap());
        }
        eprintln!(
            "stats: {n} calls, {:.1} ms each",
            start.elapsed().as_secs_f64() * 1000.0 / f64::from(n)
        );
        return;
    }

    let mut group = c.benchmark_group("stats");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("e1rm_series", |b| {
        b.iter(|| heft.e1rm_series(black_box("back-squat")).unwrap());
    });
    group.bench_function("raw_e1rm_series", |b| {
        b.iter(|| raw_series(&conn, black_box(&series_sql)));
    });
    group.bench_function("weekly_5w", |b| {
        b.iter(|| heft.weekly(black_box(first), black_box(today)).unwrap());
    });
    group.bench_function("raw_weekly_5w", |b| {
        b.iter(|| raw_weekly(&conn, &weekly_sql, black_box(today)));
    });
    group.bench_function("raw_rows_5w", |b| {
        b.iter(|| raw_rows(&conn, &rows_sql, black_box(window.0), window.1));
    });
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("stats", |b| {
        b.iter(|| heft.stats(black_box(today)).unwrap());
    });
    group.bench_function("raw_stats", |b| {
        b.iter(|| raw_stats(&conn, &weekly_sql, &history_sql, black_box(today)));
    });
    group.bench_function("raw_rows_all", |b| {
        b.iter(|| raw_rows(&conn, &rows_sql, black_box(all.0), all.1));
    });
    group.finish();

    interleaved(
        "e1rm_series",
        200,
        || {
            black_box(heft.e1rm_series("back-squat").unwrap());
        },
        || {
            black_box(raw_series(&conn, &series_sql));
        },
    );
    interleaved(
        "weekly_5w",
        200,
        || {
            black_box(heft.weekly(first, today).unwrap());
        },
        || {
            black_box(raw_weekly(&conn, &weekly_sql, today));
        },
    );
    interleaved(
        "weekly_5w vs raw_rows_5w",
        200,
        || {
            black_box(heft.weekly(first, today).unwrap());
        },
        || {
            black_box(raw_rows(&conn, &rows_sql, window.0, window.1));
        },
    );
    interleaved(
        "stats vs raw_rows_all",
        30,
        || {
            black_box(heft.stats(today).unwrap());
        },
        || {
            black_box(raw_rows(&conn, &rows_sql, all.0, all.1));
        },
    );
    interleaved(
        "stats",
        30,
        || {
            black_box(heft.stats(today).unwrap());
        },
        || {
            black_box(raw_stats(&conn, &weekly_sql, &history_sql, today));
        },
    );
}

criterion_group!(benches, stats);
criterion_main!(benches);
