//! The Progress screen with ten years of history (about 150,000 sets):
//! built from the derived session rows (schema version 7) it must stay
//! under 50 ms here, however many years are logged.
//!
//! `cargo bench -p heft-core --bench progress`. Figures are in
//! docs/PERFORMANCE.md, "Progress".
//!
//! - `progress/screen`: [`Heft::progress_screen`] in English on the last
//!   day of the history.
//! - `progress/raw_rows`: the floor: hand-written SQL on a plain rusqlite
//!   connection to the same file reading the bulk of the rows the screen
//!   is built from (the five weeks of sets with the 28 days before them,
//!   the main lifts' e1RM points of the last year, every workout's start),
//!   every value copied out and dropped, nothing computed; the screen's
//!   few indexed lookups (records, the last heavy axial lift) are left out.
//! - `progress/stats`: [`Heft::stats`], which reads every set: what the
//!   same figures cost without derived rows.
//!
//! Before timing, the screen's e1RM and records are checked against
//! [`Heft::e1rm_series`] and [`Heft::records`], which read the sets
//! themselves. After criterion, the screen and each other call run
//! interleaved call by call and the medians and median ratio are printed.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, NaiveTime};
use criterion::{Criterion, criterion_group, criterion_main};
use heft_core::Heft;
use heft_core::analytics::RecordKind;
use heft_core::clock::FixedClock;
use heft_core::text::Language;
use rusqlite::Connection;

/// The last day of the history: a Sunday.
const NOW: &str = "2026-11-22T20:00:00+01:00";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn day_ms(day: NaiveDate) -> i64 {
    day.and_time(NaiveTime::MIN).and_utc().timestamp_millis()
}

/// Reads every row the screen is built from; returns how many.
fn raw_rows(conn: &Connection, lifts: &str) -> usize {
    let window_from = day_ms(NaiveDate::from_ymd_opt(2026, 9, 21).unwrap());
    let until = day_ms(today()) + 2 * 86_400_000;
    let mut n = 0;
    let mut stmt = conn
        .prepare_cached(
            "SELECT s.id, s.workout_id, w.started_at_ms, w.offset_min, w.finished_at_ms, w.duration_s, \
             s.performed_at_ms, s.offset_min, s.kind, s.load_type, s.weight_milli, s.weight_unit, s.reps, \
             s.rir, s.rpe, s.duration_ms, s.landings, e.id, e.name, e.pattern, e.measure, e.muscles, e.axial, \
             e.impact FROM workout w JOIN set_entry s ON s.workout_id = w.id \
             JOIN exercise e ON e.id = s.exercise_id \
             WHERE w.started_at_ms >= ?1 AND w.started_at_ms < ?2 AND s.deleted = 0 AND w.deleted = 0 \
             AND e.deleted = 0 ORDER BY w.started_at_ms, w.id, s.position",
        )
        .unwrap();
    let mut rows = stmt.query((window_from, until)).unwrap();
    while let Some(r) = rows.next().unwrap() {
        for i in 0..24 {
            black_box(r.get_ref(i).unwrap());
        }
        n += 1;
    }
    // The main lifts' e1RM points of the last year.
    let year_from = day_ms(NaiveDate::from_ymd_opt(2025, 11, 21).unwrap());
    let mut stmt = conn
        .prepare_cached(
            "SELECT * FROM e1rm_point WHERE exercise_id IN (SELECT value FROM json_each(?1)) \
             AND formula = 'epley' AND started_at_ms >= ?2 AND started_at_ms < ?3 \
             ORDER BY exercise_id, started_at_ms",
        )
        .unwrap();
    let mut rows = stmt.query((lifts, year_from, until)).unwrap();
    while let Some(r) = rows.next().unwrap() {
        for i in 0..12 {
            black_box(r.get_ref(i).unwrap());
        }
        n += 1;
    }
    // Every workout's start, for the weeks in a row and the gaps.
    let mut stmt = conn
        .prepare_cached("SELECT id, started_at_ms, offset_min FROM workout WHERE deleted = 0")
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        for i in 0..3 {
            black_box(r.get_ref(i).unwrap());
        }
        n += 1;
    }
    n
}

fn seconds(f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64()
}

/// `a` and `b` interleaved, the order alternating; prints medians and the
/// median ratio.
fn interleaved(name: &str, rounds: usize, mut a: impl FnMut() -> f64, mut b: impl FnMut() -> f64) {
    let (mut ta, mut tb, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (x, y) = if round % 2 == 0 {
            let x = a();
            (x, b())
        } else {
            let y = b();
            (a(), y)
        };
        ta.push(x);
        tb.push(y);
        ratio.push(x / y);
    }
    let q = |v: &mut Vec<f64>, q: f64| common::timing::quantile(v, q);
    eprintln!(
        "progress/interleaved {name}: {rounds} rounds, median {:.1} ms vs {:.1} ms, median ratio {:.2} \
         (quartiles {:.2}-{:.2})",
        q(&mut ta, 0.5) * 1000.0,
        q(&mut tb, 0.5) * 1000.0,
        q(&mut ratio, 0.5),
        q(&mut ratio, 0.25),
        q(&mut ratio, 0.75),
    );
}

fn progress(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("progress.db");
    let started = Instant::now();
    let (built_heft, built) = common::ten_years(&path);
    drop(built_heft);
    let clock = Arc::new(FixedClock(DateTime::parse_from_rfc3339(NOW).unwrap()));
    let heft = Heft::open_with_clock(&path, clock).unwrap();
    let conn = common::raw_connection(&path);

    // The screen's numbers against the calls that read every set.
    let screen = heft.progress_screen(today(), Language::En).unwrap();
    assert!(!screen.lifts.is_empty(), "main lifts");
    let records = heft.records().unwrap();
    for lift in &screen.lifts {
        let series = heft.e1rm_series(&lift.exercise_id).unwrap();
        let year: Vec<_> = series
            .points
            .iter()
            .filter(|p| p.date >= lift.chart.x_from && p.date <= today())
            .collect();
        assert_eq!(year.len(), lift.chart.points.len(), "{} points", lift.title);
        for (p, q) in year.iter().zip(&lift.chart.points) {
            assert_eq!(p.date, q.date);
            assert!((p.e1rm_kg - q.value).abs() <= 0.05 + 1e-9, "{p:?} vs {q:?}");
        }
        let best = records
            .iter()
            .find(|r| r.exercise_id == lift.exercise_id && r.kind == RecordKind::BestE1rm)
            .unwrap();
        assert!(
            lift.records
                .iter()
                .any(|r| r.value == format!("{:.1} kg", best.value))
        );
    }
    let lifts = serde_json::to_string(
        &screen
            .lifts
            .iter()
            .map(|l| l.exercise_id.as_str())
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let rows = raw_rows(&conn, &lifts);
    let (sessions, points): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM exercise_session), (SELECT count(*) FROM e1rm_point)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    eprintln!(
        "progress: built in {:.1} s: {} workouts and {} sets; derived: {sessions} session rows, \
         {points} e1RM points; the screen reads {rows} rows; lifts {}",
        started.elapsed().as_secs_f64(),
        built.workouts,
        built.sets,
        screen
            .lifts
            .iter()
            .map(|l| format!("{} ({} points)", l.title, l.chart.points.len()))
            .collect::<Vec<_>>()
            .join(", "),
    );

    let mut group = c.benchmark_group("progress");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("screen", |b| {
        b.iter(|| black_box(heft.progress_screen(today(), Language::En).unwrap()))
    });
    group.bench_function("raw_rows", |b| {
        b.iter(|| black_box(raw_rows(&conn, &lifts)))
    });
    group.sample_size(10);
    group.bench_function("stats", |b| {
        b.iter(|| black_box(heft.stats(today()).unwrap()))
    });
    group.finish();

    let screen_call = || {
        seconds(|| {
            drop(black_box(
                heft.progress_screen(today(), Language::En).unwrap(),
            ))
        })
    };
    interleaved("screen vs raw_rows", 60, screen_call, || {
        seconds(|| {
            black_box(raw_rows(&conn, &lifts));
        })
    });
    interleaved("screen vs stats", 15, screen_call, || {
        seconds(|| drop(black_box(heft.stats(today()).unwrap())))
    });
}

criterion_group!(benches, progress);
criterion_main!(benches);
