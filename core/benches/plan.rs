//! Planning today's session with ten years of history, against a raw
//! rusqlite query of the same history run side by side.
//!
//! `cargo bench -p heft-core --bench plan`. Figures and how to read them are
//! in docs/PERFORMANCE.md. The benchmarks only read, so the disk hardly
//! matters: after the first call the pages sit in the OS cache.
//!
//! - `plan/plan_pure`: [`heft_core::progression::engine::plan`] on a
//!   [`heft_core::PlanContext`] read once: the engine alone.
//! - `plan/plan_context`: [`Heft::plan_context`]: the active run, program,
//!   profile, exercises and the history query behind a plan.
//! - `plan/today`: [`Heft::today`]: all `heft today` does in the core
//!   (the context, the plan, and the sets logged of today's session).
//! - `plan/today_screen`: [`Heft::today_screen`]: the Today screen a phone
//!   draws (the same, plus the session's sets and the screen's text).
//! - `plan/raw_history_query`: the baseline, one hand-written indexed query
//!   on a plain rusqlite connection (same file, same pragmas) that fetches
//!   the rows `plan_history` fetches (every set of the last 14 days, and the
//!   program's exercises' sets of the last 365 days, each with its workout)
//!   into plain tuples. `plan_context / raw_history_query` is the ratio to
//!   watch.
//!
//! After the group, the benchmark times `plan_context` and
//! `raw_history_query` again, interleaved call by call (200 rounds, the
//! order alternating), and prints the medians and the median ratio: on a
//! shared machine whose load drifts between benchmarks, that ratio is the
//! steadier one. Then `today_screen` against `today` the same way: the
//! screen's cost over the data it draws (target: 1.5x at most).
//!
//! The database is built once, outside the timed region, in a temporary
//! directory under `target/`: [`Heft::open`] creates it (schema, catalog),
//! ten years of history go in by bulk SQL in one transaction (three sessions
//! a week, about 150,000 sets of built-in exercises), then the profile is set,
//! `linear-5x5` is started and its first sessions are logged and finished
//! through the API, so the run has state. It is rebuilt on every run, so it
//! always matches the current schema and run-state format. The builder is
//! [`common::ten_years`] (`benches/common/mod.rs`), shared with the `sync`
//! benchmark.

// A benchmark that cannot set up or whose call fails should stop, not carry
// on measuring something else; criterion's macros also generate undocumented
// items.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, NaiveTime};
use common::date;
use criterion::{Criterion, criterion_group, criterion_main};
use heft_core::progression::engine;
use heft_core::text::Language;
use rusqlite::Connection;

/// The day every benchmark plans for (the Monday after the last session).
const PLAN_DAY: (i32, u32, u32) = (2026, 11, 23);
/// Days of all workouts `plan_history` reads (`RECENT_DAYS` in
/// `core/src/heft/programs.rs`).
const RECENT_DAYS: u64 = 14;

const DAY_MS: i64 = 86_400_000;

/// One row of the raw query, the columns `plan_history` reads.
type RawRow = (
    String,
    i64,
    i32,
    Option<i64>,
    Option<u32>,
    Option<String>,
    String,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<u32>,
    Option<f64>,
    Option<f64>,
    Option<u8>,
    Option<u32>,
);

/// The baseline's SQL for `ids` program exercises: the rows `plan_history`
/// reads, by the indexes on `workout (started_at_ms)`,
/// `set_entry (workout_id, position)` and `set_entry (exercise_id,
/// performed_at_ms)`.
fn raw_sql(ids: usize) -> String {
    let list = (0..ids)
        .map(|i| format!("?{}", i + 4))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "SELECT w.id, w.started_at_ms, w.offset_min, w.finished_at_ms, w.duration_s, w.run_id,
                s.exercise_id, s.kind, s.load_type, s.weight_milli, s.weight_unit, s.reps, s.rir,
                s.rpe, s.pain, s.duration_ms
         FROM workout w JOIN set_entry s ON s.workout_id = w.id
         WHERE w.started_at_ms >= ?1 AND w.started_at_ms < ?2 AND w.deleted = 0 AND s.deleted = 0
         UNION ALL
         SELECT w.id, w.started_at_ms, w.offset_min, w.finished_at_ms, w.duration_s, w.run_id,
                s.exercise_id, s.kind, s.load_type, s.weight_milli, s.weight_unit, s.reps, s.rir,
                s.rpe, s.pain, s.duration_ms
         FROM set_entry s JOIN workout w ON w.id = s.workout_id
         WHERE s.exercise_id IN ({list}) AND s.performed_at_ms >= ?3 AND s.performed_at_ms < ?1
           AND s.deleted = 0 AND w.deleted = 0 AND w.started_at_ms < ?1
         ORDER BY 2, 1"
    )
}

/// Local midnight of `day` as UTC ms, as `plan_history` computes its bounds.
fn day_ms(day: NaiveDate) -> i64 {
    day.and_time(NaiveTime::MIN).and_utc().timestamp_millis()
}

/// Runs the baseline query for `today`.
fn raw_history(conn: &Connection, sql: &str, ids: &[String], today: NaiveDate) -> Vec<RawRow> {
    let until = day_ms(today) + 2 * DAY_MS;
    let recent = day_ms(today - Days::new(RECENT_DAYS)) - DAY_MS;
    let oldest = day_ms(today - Days::new(engine::SEED_MAX_DAYS as u64)) - DAY_MS;
    let mut params: Vec<&dyn rusqlite::ToSql> = vec![&recent, &until, &oldest];
    params.extend(ids.iter().map(|id| id as &dyn rusqlite::ToSql));
    let mut stmt = conn.prepare_cached(sql).unwrap();
    stmt.query_map(params.as_slice(), |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
            r.get(11)?,
            r.get(12)?,
            r.get(13)?,
            r.get(14)?,
            r.get(15)?,
        ))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn plan(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("plan.db");
    let started = Instant::now();
    let (heft, built) = common::ten_years(&path);
    let today = date(PLAN_DAY);

    let mut conn = Connection::open(&path).unwrap();
    heft_core::store::configure(&mut conn).unwrap();
    let ctx = heft.plan_context(today).unwrap();
    // plan_history reads a year back only for lifts the run has no estimate for.
    let lifts = &ctx.run.state.lifts;
    let mut ids: Vec<String> = ctx
        .program
        .exercise_ids()
        .filter(|id| lifts.get(*id).is_none_or(|l| l.e1rm_kg.is_none()))
        .map(str::to_owned)
        .collect();
    ids.sort();
    ids.dedup();
    let sql = raw_sql(ids.len());

    // The baseline does the same work: as many sets as the context holds.
    let raw = raw_history(&conn, &sql, &ids, today);
    let context_sets: usize = ctx.history.iter().map(|w| w.sets.len()).sum();
    assert_eq!(
        raw.len(),
        context_sets,
        "raw query and plan_history disagree"
    );
    let plan = engine::plan(&ctx.input(today)).expect("a session to plan");
    assert!(!plan.exercises.is_empty());
    let (db_workouts, db_sets): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM workout), (SELECT count(*) FROM set_entry)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    eprintln!(
        "plan: built in {:.1} s: {} workouts and {} sets in bulk, {db_workouts} workouts and \
         {db_sets} sets in the database; the plan for {today} reads {} workouts and \
         {context_sets} sets ({} program exercise ids); session {}, day {}",
        started.elapsed().as_secs_f64(),
        built.workouts,
        built.sets,
        ctx.history.len(),
        ids.len(),
        plan.session_number,
        plan.day,
    );

    let mut group = c.benchmark_group("plan");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    group.bench_function("plan_pure", |b| {
        b.iter(|| engine::plan(black_box(&ctx.input(today))).unwrap());
    });
    group.bench_function("plan_context", |b| {
        b.iter(|| heft.plan_context(black_box(today)).unwrap());
    });
    group.bench_function("today", |b| {
        b.iter(|| heft.today(black_box(today)).unwrap());
    });
    group.bench_function("today_screen", |b| {
        b.iter(|| heft.today_screen(black_box(today), Language::En).unwrap());
    });
    group.bench_function("raw_history_query", |b| {
        b.iter(|| raw_history(&conn, &sql, &ids, black_box(today)));
    });
    group.finish();

    // The same two calls interleaved, so that a change in the machine's load
    // (it is shared) hits both alike: the ratio to trust on a noisy machine.
    interleaved(
        "plan_context",
        || drop(black_box(heft.plan_context(black_box(today)).unwrap())),
        "raw_history_query",
        || drop(black_box(raw_history(&conn, &sql, &ids, black_box(today)))),
    );
    // The Today screen against what `heft today` reads and plans.
    interleaved(
        "today_screen",
        || {
            drop(black_box(
                heft.today_screen(black_box(today), Language::En).unwrap(),
            ))
        },
        "today",
        || drop(black_box(heft.today(black_box(today)).unwrap())),
    );
}

/// Times `a` and `b` call by call, alternating which goes first, and
/// prints their medians and the median ratio a / b.
fn interleaved(a_name: &str, mut a: impl FnMut(), b_name: &str, mut b: impl FnMut()) {
    let mut a_ms = Vec::with_capacity(INTERLEAVED_ROUNDS);
    let mut b_ms = Vec::with_capacity(INTERLEAVED_ROUNDS);
    let mut ratios = Vec::with_capacity(INTERLEAVED_ROUNDS);
    let time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64() * 1000.0
    };
    for round in 0..INTERLEAVED_ROUNDS {
        let (ta, tb) = if round % 2 == 0 {
            let ta = time(&mut a);
            (ta, time(&mut b))
        } else {
            let tb = time(&mut b);
            (time(&mut a), tb)
        };
        a_ms.push(ta);
        b_ms.push(tb);
        ratios.push(ta / tb);
    }
    eprintln!(
        "plan/interleaved: {INTERLEAVED_ROUNDS} rounds, median {a_name} {:.2} ms, \
         median {b_name} {:.2} ms, median ratio {:.2} (quartiles {:.2}-{:.2})",
        quantile(&mut a_ms, 0.5),
        quantile(&mut b_ms, 0.5),
        quantile(&mut ratios, 0.5),
        quantile(&mut ratios, 0.25),
        quantile(&mut ratios, 0.75),
    );
}

/// Rounds of the interleaved comparison after the criterion group.
const INTERLEAVED_ROUNDS: usize = 200;

/// The `q` quantile of `values` (nearest rank).
fn quantile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let i = ((values.len() - 1) as f64 * q).round() as usize;
    values[i]
}

criterion_group!(benches, plan);
criterion_main!(benches);
