//! Measures variants of the forecast model on a folder of CSV exports, with
//! the files split in two halves: the half the settings were chosen on
//! ("fit") and the half they were checked on ("check"). docs/FORECAST.md
//! shows its output.
//!
//! ```text
//! cargo run --release -p heft-core --example forecast_tune -- ../shared/real-exports [MIN]
//! ```
//!
//! Files are sorted by path; among those with at least MIN (200) forecasts,
//! the 1st, 3rd, ... are the fit half, the 2nd, 4th, ... the check half.
//! For each variant: the pooled MAPE of Heft's forecast against the naive
//! one's in each half (how much lower, percent) and the worst single file.

// An example that cannot set up should stop; it documents nothing public.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};

use heft_core::analytics::backtest::Backtest;
use heft_core::progress::NoProgress;
use heft_core::progression::forecast::Model;
use heft_core::{CsvImportOptions, Heft};

fn csv_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            csv_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "csv") {
            out.push(p);
        }
    }
}

/// Sums of absolute percentage errors (Heft, naive) and their count.
fn sums(b: &Backtest) -> (f64, f64, u64) {
    let mut s = (0.0, 0.0, 0);
    for r in &b.rows {
        let (actual, h, n) = r.kg;
        if let (Some(h), Some(n)) = (h, n) {
            s.0 += ((h - actual) / actual).abs();
            s.1 += ((n - actual) / actual).abs();
            s.2 += 1;
        }
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(args.get(1).expect("a folder of CSV exports"));
    let least: u64 = args.get(2).map_or(200, |a| a.parse().unwrap());
    let mut files = Vec::new();
    csv_files(&dir, &mut files);
    let opened: Vec<(PathBuf, Heft)> = files
        .into_iter()
        .filter_map(|f| {
            let (heft, _, _) =
                Heft::replayable(&f, &CsvImportOptions::default(), &NoProgress).ok()?;
            let n = sums(&heft.backtest().ok()?).2;
            (n >= least).then_some((f, heft))
        })
        .collect();
    let h = Model::HEFT;
    let variants: Vec<(&str, Model)> = vec![
        ("Heft", h),
        (
            "no trend",
            Model {
                max_slope: 0.0,
                ..h
            },
        ),
        (
            "no detraining",
            Model {
                detrained_share: 1.0,
                ..h
            },
        ),
        (
            "no bias correction",
            Model {
                bias_prior: f64::INFINITY,
                ..h
            },
        ),
        (
            "equal blend (no track record)",
            Model {
                error_floor: 1e6,
                ..h
            },
        ),
        ("no effort (RIR, fatigue)", Model { effort: false, ..h }),
        (
            "trend half-life 14 d",
            Model {
                trend_half_life_days: 14.0,
                ..h
            },
        ),
        (
            "level half-life 28 d",
            Model {
                level_half_life_days: 28.0,
                ..h
            },
        ),
        (
            "record decay 0.9",
            Model {
                record_decay: 0.9,
                ..h
            },
        ),
        (
            "record decay 0.98",
            Model {
                record_decay: 0.98,
                ..h
            },
        ),
        (
            "bias prior 20",
            Model {
                bias_prior: 20.0,
                ..h
            },
        ),
        (
            "detrained share 0.9",
            Model {
                detrained_share: 0.9,
                ..h
            },
        ),
    ];
    println!("files (fit: odd positions, check: even):");
    for (i, (f, _)) in opened.iter().enumerate() {
        let half = if i % 2 == 0 { "fit" } else { "check" };
        println!("  {half:5} {}", f.strip_prefix(&dir).unwrap_or(f).display());
    }
    println!(
        "| variant | fit: lower by | check: lower by | all: lower by | worst file (Heft/naive) |"
    );
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (name, model) in variants {
        let mut halves = [(0.0, 0.0, 0_u64); 2];
        let mut worst: f64 = 0.0;
        for (i, (_, heft)) in opened.iter().enumerate() {
            let (a, b, n) = sums(&heft.backtest_model(&model).unwrap());
            let half = &mut halves[i % 2];
            half.0 += a;
            half.1 += b;
            half.2 += n;
            worst = worst.max(a / b);
        }
        let lower = |(a, b): (f64, f64)| (1.0 - a / b) * 100.0;
        println!(
            "| {name} | {:.1}% | {:.1}% | {:.1}% | {worst:.3} |",
            lower((halves[0].0, halves[0].1)),
            lower((halves[1].0, halves[1].1)),
            lower((halves[0].0 + halves[1].0, halves[0].1 + halves[1].1)),
        );
    }
}
