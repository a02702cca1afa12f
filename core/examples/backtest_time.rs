//! Time of `heft backtest` over ten years of history (about 150,000 sets):
//! the database of the `plan` and `sync` benchmarks (`common::bulk_history`),
//! replayed where it is ([`Heft::backtest`]), and the same history exported
//! in Strong's layout and replayed from the file, read into memory
//! ([`Heft::backtest_csv`], what `heft backtest FILE` does).
//!
//! ```text
//! cargo run --release -p heft-core --example backtest_time
//! ```
//!
//! Each is run three times; the fastest and slowest are printed.

// An example that cannot set up should stop; it documents nothing public.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

use heft_core::progress::NoProgress;
use heft_core::{CsvImportOptions, CsvLayout, Heft};

fn timed<T>(what: &str, mut f: impl FnMut() -> T) -> T {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..3 {
        let start = Instant::now();
        out = Some(f());
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!("{what}: {:.2} s (slowest {:.2} s)", times[0], times[2]);
    out.unwrap()
}

/// The median of 50 runs, for calls in milliseconds.
fn timed_many<T>(what: &str, mut f: impl FnMut() -> T) -> T {
    let mut times = Vec::new();
    let mut out = None;
    for _ in 0..50 {
        let start = Instant::now();
        out = Some(f());
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!("{what}: median {:.2} ms", times[25] * 1000.0);
    out.unwrap()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("heft.db");
    let device = Heft::open(&db).unwrap().device_id().unwrap();
    let built = common::bulk_history(&db, &device);
    println!("{} workouts, {} sets", built.workouts, built.sets);
    let heft = Heft::open(&db).unwrap();
    let b = timed("backtest of the database", || heft.backtest().unwrap());
    println!(
        "  {} exercise sessions, {} forecasts, Heft MAPE {:.2}%, naive {:.2}%",
        b.summary.sessions,
        b.summary.overall.forecasts,
        b.summary.overall.heft_mape.unwrap_or(f64::NAN),
        b.summary.overall.baseline_mape.unwrap_or(f64::NAN),
    );
    let csv = dir.path().join("strong.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    let written = heft.export_csv(&mut file, CsvLayout::Strong, None).unwrap();
    drop(file);
    println!(
        "exported {} sets ({:.1} MB) in Strong's layout",
        written.sets,
        std::fs::metadata(&csv).unwrap().len() as f64 / 1_048_576.0
    );
    // The engine seeds each lift of a new run from the forecast, a replay
    // of the year before: the first plan of a run on this history.
    heft.start_program(common::PROGRAM, common::date(common::PROGRAM_START))
        .unwrap();
    let day = common::date(common::PROGRAM_START);
    let ctx = heft.plan_context(day).unwrap();
    let plan = timed_many(
        "first plan of a new run (pure engine, seeding every lift)",
        || heft_core::progression::engine::plan(&ctx.input(day)).unwrap(),
    );
    println!("  {} exercises planned", plan.exercises.len());
    let (b, _) = timed(
        "backtest of the file (read into memory, then replayed)",
        || Heft::backtest_csv(&csv, &CsvImportOptions::default(), &NoProgress).unwrap(),
    );
    println!(
        "  {} exercise sessions, {} forecasts",
        b.summary.sessions, b.summary.overall.forecasts
    );
}
