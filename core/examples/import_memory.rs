//! Peak memory (resident set) of a large import, measured from
//! `/proc/self/status` (Linux only).
//!
//! ```text
//! cargo run --release -p heft-core --example import_memory              # 1,000,000-row Strong CSV
//! cargo run --release -p heft-core --example import_memory -- csv 200000
//! cargo run --release -p heft-core --example import_memory -- sync      # export and merge, 150k sets
//! ```
//!
//! `csv [ROWS]`: writes a Strong CSV export of `ROWS` rows (default
//! 1,000,000; the generator of the `csv_import` benchmark, streamed to the
//! file, never held in memory) into a temporary directory (`TMPDIR`), creates
//! a database there with [`Heft::open`], then imports the file with
//! [`Heft::import_csv`] and prints the peak resident set (`VmHWM`) before
//! and after the import, and the time.
//!
//! `sync`: builds the ten-year, 150k-set database of the `plan` and `sync`
//! benchmarks, then measures [`Heft::export_file`] to a file,
//! [`Heft::import_file`] of that file into a fresh database and the same
//! import again (nothing changes), each in a process of its own.
//!
//! Before each measured step the peak is reset to the current resident set
//! (writing `5` to `/proc/self/clear_refs`), so the peak after a step is the
//! step's own; what the process held before it (the allocator's free lists,
//! the catalog parsed once per process) is in both figures, and the
//! difference is what the step added.

// An example that cannot set up should stop; it documents nothing public.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use heft_core::progress::NoProgress;
use heft_core::{CsvImportOptions, Heft};

/// A `kB` field of `/proc/self/status` (`VmHWM`, `VmRSS`), in kB.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

/// Resets the peak to the current resident set; false where the kernel
/// does not allow it (the peak then covers the whole process).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn file_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1_048_576.0)
}

/// Runs `step`, printing the resident set before it and its peak.
fn measured<T>(name: &str, step: impl FnOnce() -> T) -> T {
    let hwm_before = status_kb("VmHWM");
    let reset = reset_peak();
    let rss_before = status_kb("VmRSS");
    let start = Instant::now();
    let out = step();
    let elapsed = start.elapsed().as_secs_f64();
    let peak = status_kb("VmHWM");
    let rss_after = status_kb("VmRSS");
    println!(
        "{name}: {elapsed:.1} s; VmHWM before {:.1} MB, VmRSS before {:.1} MB{}; \
         peak VmHWM {:.1} MB (+{:.1} MB); VmRSS after {:.1} MB",
        mb(hwm_before),
        mb(rss_before),
        if reset {
            " (peak reset to it)"
        } else {
            " (peak not resettable: whole-process peak)"
        },
        mb(peak),
        mb(peak.saturating_sub(rss_before)),
        mb(rss_after),
    );
    out
}

fn csv(rows: u64) {
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("strong.csv");
    let db_path = dir.path().join("heft.db");
    let start = Instant::now();
    let file = std::fs::File::create(&csv_path).unwrap();
    let last = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let g = common::strong_csv::write(file, rows, last).unwrap();
    println!(
        "generated {} rows ({:.1} MB, {} workouts from {} to {}, {} sets, {} rest-timer rows) \
         in {:.1} s into {}",
        g.rows,
        g.bytes as f64 / 1_048_576.0,
        g.workouts,
        g.first.unwrap(),
        g.last.unwrap(),
        g.sets,
        g.rest_rows,
        start.elapsed().as_secs_f64(),
        dir.path().display(),
    );
    let heft = Heft::open(&db_path).unwrap();
    // The catalog and the profile are read once per process; read them now
    // so the baseline holds them, as an app that has been running does.
    heft.exercises().unwrap();
    let report = measured("import_csv", || {
        heft.import_csv(&csv_path, &CsvImportOptions::default(), &NoProgress)
            .unwrap()
    });
    println!(
        "  {} rows read, {} sets added, {} workouts added, {} skipped; database {:.0} MB, \
         WAL {:.0} MB",
        report.rows_read,
        report.added,
        report.workouts_added,
        report.skipped_count,
        file_mb(&db_path),
        file_mb(&dir.path().join("heft.db-wal")),
    );
    let again = measured("import_csv again (unchanged)", || {
        heft.import_csv(&csv_path, &CsvImportOptions::default(), &NoProgress)
            .unwrap()
    });
    println!(
        "  {} unchanged, {} added, {} updated",
        again.unchanged, again.added, again.updated
    );
}

/// Builds the 150k-set database and its export, then measures each step in
/// a process of its own (this example run again with `sync-step`), so that
/// one step's freed memory does not hide the next one's peak.
fn sync() {
    let dir = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let (heft, built) = common::ten_years(&dir.path().join("source.db"));
    drop(heft);
    println!(
        "built {} workouts and {} sets in bulk in {:.1} s into {}",
        built.workouts,
        built.sets,
        start.elapsed().as_secs_f64(),
        dir.path().display(),
    );
    let exe = std::env::current_exe().unwrap();
    for step in ["export", "merge", "reimport"] {
        let status = std::process::Command::new(&exe)
            .args(["sync-step", step])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(status.success(), "sync-step {step}");
    }
}

/// One step of [`sync`] in a fresh process: `export` writes `source.heft`
/// from `source.db`, `merge` imports it into a new `target.db`, `reimport`
/// imports it there again.
fn sync_step(step: &str, dir: &Path) {
    let export = dir.join("source.heft");
    let target = dir.join("target.db");
    let heft = Heft::open(dir.join(if step == "export" {
        "source.db"
    } else {
        "target.db"
    }))
    .unwrap();
    // The catalog is parsed once per process; an app has it already.
    heft.exercises().unwrap();
    match step {
        "export" => {
            let summary = measured("export_file", || heft.export_file(&export, None).unwrap());
            println!(
                "  {} rows, {:.1} MB file",
                summary.rows.iter().map(|t| t.rows).sum::<u64>(),
                file_mb(&export)
            );
        }
        "merge" => {
            let report = measured("import_file into an empty database", || {
                heft.import_file(&export, None, &NoProgress).unwrap()
            });
            println!(
                "  {} rows added; database {:.0} MB, WAL {:.0} MB",
                report.added,
                file_mb(&target),
                file_mb(&dir.join("target.db-wal")),
            );
        }
        "reimport" => {
            let again = measured("import_file again (unchanged)", || {
                heft.import_file(&export, None, &NoProgress).unwrap()
            });
            println!("  {} unchanged", again.unchanged);
        }
        other => panic!("unknown step {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("csv") => {
            let rows = args.get(1).map_or(1_000_000, |r| r.parse().expect("ROWS"));
            csv(rows);
        }
        Some("sync") => sync(),
        Some("sync-step") => sync_step(&args[1], Path::new(&args[2])),
        Some(other) => panic!("unknown mode {other}: csv [ROWS] or sync"),
    }
}
