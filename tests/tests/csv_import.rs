//! CSV import and export through the database: every fixture and every real
//! export imports whole, twice without duplicates; Heft -> CSV -> Heft keeps
//! every set; bad files change nothing.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, TimeDelta};
use heft_core::clock::{FixedClock, ManualClock};
use heft_core::interchange::{CsvError, Source};
use heft_core::model::{Effort, Load, SetEntry, SetInput, SetKind, SetTarget, Weight, WeightUnit};
use heft_core::progress::{NoProgress, Progress};
use heft_core::{CsvImportOptions, CsvImportReport, CsvLayout, Error, Heft, HistoryQuery, LogTime};

fn heft() -> Heft {
    let now = DateTime::parse_from_rfc3339("2026-11-24T18:00:00+01:00").unwrap();
    Heft::open_in_memory(Arc::new(FixedClock(now))).unwrap()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/csv")
}

fn import(h: &Heft, bytes: &[u8], opts: &CsvImportOptions) -> heft_core::Result<CsvImportReport> {
    h.import_csv_from(Box::new(bytes), bytes.len() as u64, opts, &NoProgress)
}

fn all_sets(h: &Heft) -> Vec<SetEntry> {
    let mut sets: Vec<SetEntry> = h
        .history(&HistoryQuery::default())
        .unwrap()
        .into_iter()
        .flat_map(|w| w.sets)
        .collect();
    sets.sort_by(|a, b| a.id.cmp(&b.id));
    sets
}

/// The fixture table of tests/fixtures/csv/README.md: file, unit, sets.
fn fixture_table() -> Vec<(String, WeightUnit, u64)> {
    let text = std::fs::read_to_string(fixtures().join("README.md")).unwrap();
    text.lines()
        .filter(|l| l.starts_with("| ") && l.contains(".csv"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let unit = if cells[3] == "lb" {
                WeightUnit::Lb
            } else {
                WeightUnit::Kg
            };
            (cells[1].to_owned(), unit, cells[4].parse().unwrap())
        })
        .collect()
}

#[test]
fn every_fixture_imports_its_sets_and_a_second_import_adds_nothing() {
    let table = fixture_table();
    assert!(table.len() >= 15);
    for (file, unit, sets) in table {
        let bytes = std::fs::read(fixtures().join(&file)).unwrap();
        let h = heft();
        let opts = CsvImportOptions {
            unit: Some(unit),
            ..CsvImportOptions::default()
        };
        let first = import(&h, &bytes, &opts).unwrap();
        assert_eq!(first.sets_read, sets, "{file}");
        assert_eq!(
            first.added + first.skipped_count - (first.rows_read - first.sets_read),
            sets,
            "{file}: every set is added or skipped with a reason: {:?}",
            first.skipped
        );
        assert_eq!(all_sets(&h).len() as u64, first.added, "{file}");
        let hash = h.content_hash().unwrap();
        let second = import(&h, &bytes, &opts).unwrap();
        assert_eq!((second.added, second.updated), (0, 0), "{file}");
        assert_eq!(second.unchanged, first.added, "{file}");
        assert!(second.new_exercises.is_empty(), "{file}");
        assert_eq!(h.content_hash().unwrap(), hash, "{file}: a re-import wrote");
    }
}

fn real_exports() -> Option<PathBuf> {
    let dir = std::env::var_os("HEFT_REAL_EXPORTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/real-exports"));
    dir.join("MANIFEST.tsv").exists().then_some(dir)
}

#[test]
fn every_real_export_imports_exactly_its_manifest_count_once() {
    let Some(dir) = real_exports() else {
        eprintln!("real exports not found (set HEFT_REAL_EXPORTS): skipped");
        return;
    };
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let mut files = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let file = cells[col("file")];
        let expected: u64 = cells[col("set_rows_excluding_rest_timer")].parse().unwrap();
        let h = heft();
        let report = h
            .import_csv(&dir.join(file), &CsvImportOptions::default(), &NoProgress)
            .unwrap();
        assert_eq!(report.added, expected, "{file}: {:?}", report.skipped);
        assert_eq!(report.skipped_count, 0, "{file}: {:?}", report.skipped);
        assert_eq!(all_sets(&h).len() as u64, expected, "{file}");
        if file.contains("bilallb") {
            assert_eq!(report.repaired, 99, "{file}");
        }
        let again = h
            .import_csv(&dir.join(file), &CsvImportOptions::default(), &NoProgress)
            .unwrap();
        assert_eq!((again.added, again.updated), (0, 0), "{file}");
        files += 1;
    }
    assert!(files >= 10);
}

/// A history with every kind of set: weights in kg and lb, body weight with
/// added load and assistance, timed, distance, warm-up/drop/failure, RIR and
/// RPE, landings, pain, notes that look like formulas, a prescription.
fn varied_history() -> Heft {
    let clock = Arc::new(ManualClock::new(
        DateTime::parse_from_rfc3339("2026-10-01T07:30:00+02:00").unwrap(),
    ));
    let h = Heft::open_in_memory(clock.clone()).unwrap();
    let id = |name: &str| h.find_exercise(name).unwrap().id;
    let w = |v: f64, u: WeightUnit| Weight::new(v, u).unwrap();
    let sets = vec![
        SetInput {
            kind: SetKind::Warmup,
            load: Load::Weight {
                weight: w(60.0, WeightUnit::Kg),
            },
            reps: Some(5),
            ..SetInput::new(id("back squat"))
        },
        SetInput {
            load: Load::Weight {
                weight: w(102.5, WeightUnit::Kg),
            },
            reps: Some(5),
            effort: Some(Effort::Rir(2.0)),
            note: Some("=HYPERLINK(\"http://x\")".into()),
            ..SetInput::new(id("back squat"))
        },
        SetInput {
            load: Load::Weight {
                weight: w(225.0, WeightUnit::Lb),
            },
            reps: Some(3),
            effort: Some(Effort::Rpe(8.5)),
            pain: Some(2),
            ..SetInput::new(id("deadlift"))
        },
        SetInput {
            load: Load::Bodyweight {
                added: Some(w(10.0, WeightUnit::Kg)),
            },
            reps: Some(5),
            ..SetInput::new(id("pull-up"))
        },
        SetInput {
            kind: SetKind::Drop,
            load: Load::Bodyweight {
                added: Some(w(-20.0, WeightUnit::Kg)),
            },
            reps: Some(8),
            note: Some("-20 is assistance, \"quoted\", comma, and\nnewline".into()),
            ..SetInput::new(id("pull-up"))
        },
        SetInput {
            duration_ms: Some(45_500),
            ..SetInput::new(id("plank"))
        },
        SetInput {
            kind: SetKind::Failure,
            reps: Some(10),
            impact: Some(heft_core::model::Impact {
                landings: 10,
                drop_height_cm: Some(30.0),
            }),
            ..SetInput::new(id("box jump"))
        },
    ];
    for (i, s) in sets.into_iter().enumerate() {
        h.log_set(s, LogTime::Now).unwrap();
        clock.advance(TimeDelta::minutes(3 + i as i64));
    }
    h.finish_workout(heft_core::FinishWorkout {
        workout_id: None,
        at: None,
        duration_s: Some(2400),
        on: None,
    })
    .unwrap();
    clock.advance(TimeDelta::days(2));
    h.start_program("liftmor", clock_date(&clock)).unwrap();
    h.log_next(LogTime::Now).ok();
    h.log_set(
        SetInput {
            load: Load::Weight {
                weight: w(40.0, WeightUnit::Kg),
            },
            reps: Some(5),
            ..SetInput::new(id("overhead press"))
        },
        LogTime::Now,
    )
    .unwrap();
    h.finish(heft_core::FinishWorkout {
        workout_id: None,
        at: None,
        duration_s: None,
        on: None,
    })
    .unwrap();
    h
}

fn clock_date(c: &ManualClock) -> chrono::NaiveDate {
    heft_core::clock::Clock::now(c).date_naive()
}

fn csv_of(h: &Heft, layout: CsvLayout, unit: Option<WeightUnit>) -> Vec<u8> {
    let mut out = Vec::new();
    h.export_csv(&mut out, layout, unit).unwrap();
    out
}

#[test]
fn heft_csv_round_trip_keeps_every_set_exactly() {
    let h = varied_history();
    let original = all_sets(&h);
    assert!(original.len() >= 8);
    assert!(
        original.iter().any(|s| s.target.is_some()),
        "a prescribed set"
    );
    let csv = csv_of(&h, CsvLayout::Heft, None);
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.contains("'=HYPERLINK"), "formula defused:\n{text}");
    assert!(text.contains(",-20,kg,"), "numbers are not defused");

    // Into a fresh database: the same sets, ids, values and prescriptions.
    let fresh = heft();
    let report = import(&fresh, &csv, &CsvImportOptions::default()).unwrap();
    assert_eq!(report.source, "heft");
    assert_eq!(
        report.added as usize,
        original.len(),
        "{:?}",
        report.skipped
    );
    let copied = all_sets(&fresh);
    assert_eq!(copied.len(), original.len());
    for (a, b) in original.iter().zip(&copied) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.workout_id, b.workout_id);
        assert_eq!(a.position, b.position);
        assert_eq!(a.performed_at, b.performed_at);
        assert_eq!(a.input, b.input);
        assert_eq!(a.target, b.target);
    }
    // Back into the database it came from: nothing to add.
    let again = import(&h, &csv, &CsvImportOptions::default()).unwrap();
    assert_eq!((again.added, again.updated), (0, 0), "{:?}", again.skipped);
}

#[test]
fn strong_csv_round_trip_keeps_every_set_and_its_numbers() {
    let h = varied_history();
    let original = all_sets(&h);
    let csv = csv_of(&h, CsvLayout::Strong, Some(WeightUnit::Kg));
    let fresh = heft();
    let report = import(
        &fresh,
        &csv,
        &CsvImportOptions {
            source: Some(Source::Strong),
            unit: Some(WeightUnit::Kg),
            ..CsvImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(
        report.added as usize,
        original.len(),
        "{:?}",
        report.skipped
    );
    assert!(
        report.new_exercises.is_empty(),
        "{:?}",
        report.new_exercises
    );
    let copied = all_sets(&fresh);
    let reps = |v: &[SetEntry]| {
        let mut r: Vec<_> = v
            .iter()
            .map(|s| (s.exercise_name.clone(), s.input.reps, s.input.kind))
            .collect();
        r.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        r
    };
    assert_eq!(reps(&copied), reps(&original));
    let kg = |v: &[SetEntry]| {
        let mut r: Vec<i64> = v
            .iter()
            .filter_map(|s| match s.input.load {
                Load::Weight { weight } => {
                    Some((weight.in_unit(WeightUnit::Kg) * 100.0).round() as i64)
                }
                _ => None,
            })
            .collect();
        r.sort();
        r
    };
    assert_eq!(kg(&copied), kg(&original), "225 lb comes back as 102.06 kg");
    // Text defused for spreadsheets (a note starting with `=`) reads back
    // exactly, without the `'` the writer put in front.
    let notes = |v: &[SetEntry]| {
        let mut n: Vec<String> = v.iter().filter_map(|s| s.input.note.clone()).collect();
        n.sort();
        n
    };
    assert!(notes(&original).iter().any(|n| n.starts_with('=')));
    assert_eq!(notes(&copied), notes(&original));
}

#[test]
fn a_dry_run_reports_the_same_and_writes_nothing() {
    let bytes = std::fs::read(fixtures().join("hevy_kg.csv")).unwrap();
    let h = heft();
    let hash = h.content_hash().unwrap();
    let dry = import(
        &h,
        &bytes,
        &CsvImportOptions {
            dry_run: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(dry.dry_run && dry.added > 0);
    assert_eq!(h.content_hash().unwrap(), hash);
    let real = import(&h, &bytes, &CsvImportOptions::default()).unwrap();
    assert_eq!(
        (real.added, real.workouts_added),
        (dry.added, dry.workouts_added)
    );
}

#[test]
fn a_set_deleted_in_heft_stays_deleted_and_a_later_export_adds_only_new_sets() {
    let full = std::fs::read_to_string(fixtures().join("hevy_kg.csv")).unwrap();
    let h = heft();
    import(&h, full.as_bytes(), &CsvImportOptions::default()).unwrap();
    let before = all_sets(&h);
    h.delete_set(&before[0].id).unwrap();
    let again = import(&h, full.as_bytes(), &CsvImportOptions::default()).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
    assert_eq!(all_sets(&h).len(), before.len() - 1);

    // The app's next export has one more workout.
    let header = full.lines().next().unwrap();
    let extra = format!(
        "{full}\"Evening\",\"20 Nov 2026, 18:00\",\"20 Nov 2026, 18:40\",\"\",\"Squat (Barbell)\",,\"\",0,\"normal\",100,5,,,\n"
    );
    assert!(header.contains("weight_kg"));
    let later = import(&h, extra.as_bytes(), &CsvImportOptions::default()).unwrap();
    assert_eq!(
        (later.added, later.updated, later.workouts_added),
        (1, 0, 1),
        "{:?}",
        later.skipped
    );
}

struct Cancel;
impl Progress for Cancel {
    fn update(&self, _: u64, _: u64) {}
    fn is_cancelled(&self) -> bool {
        true
    }
}

#[test]
fn bad_files_are_refused_whole_and_cancelling_keeps_nothing() {
    let h = heft();
    h.log_set(
        SetInput {
            load: Load::Weight {
                weight: Weight::new(100.0, WeightUnit::Kg).unwrap(),
            },
            reps: Some(5),
            ..SetInput::new(h.find_exercise("squat").unwrap().id)
        },
        LogTime::Now,
    )
    .unwrap();
    let hash = h.content_hash().unwrap();
    let garbage: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 256) as u8).collect();
    for bad in [&b""[..], b"hello,world\n1,2\n", &garbage[..]] {
        let e = import(&h, bad, &CsvImportOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Csv(_)), "{e}");
        assert_eq!(h.content_hash().unwrap(), hash);
    }
    let e = import(&h, b"hello,world\n1,2\n", &CsvImportOptions::default()).unwrap_err();
    assert!(
        matches!(e, Error::Csv(CsvError::UnknownFormat { .. })),
        "{e}"
    );
    // A big enough file that progress is checked midway, then cancelled.
    let mut big = String::from(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n",
    );
    for i in 0..3000 {
        big.push_str(&format!(
            "2020-01-{:02} 10:00:00,W,Squat (Barbell),{},100,5,0,0,,\n",
            1 + i % 28,
            i
        ));
    }
    let e = h
        .import_csv_from(
            Box::new(big.as_bytes()),
            big.len() as u64,
            &CsvImportOptions::default(),
            &Cancel,
        )
        .unwrap_err();
    assert!(matches!(e, Error::Cancelled), "{e}");
    assert_eq!(h.content_hash().unwrap(), hash);
    let target = SetTarget {
        weight: None,
        reps: Some(5),
        rir: None,
    };
    assert_eq!(target.reps, Some(5));
}

#[test]
fn importing_again_keeps_edits_made_in_heft_and_the_open_workout_open() {
    // Heft's own layout: this database's copy wins.
    let h = heft();
    let squat = h.find_exercise("squat").unwrap().id;
    let kg = |v: f64| Load::Weight {
        weight: Weight::new(v, WeightUnit::Kg).unwrap(),
    };
    let set = h
        .log_set(
            SetInput {
                load: kg(60.0),
                reps: Some(5),
                ..SetInput::new(squat.clone())
            },
            LogTime::Now,
        )
        .unwrap();
    let csv = csv_of(&h, CsvLayout::Heft, None);
    h.edit_set(
        &set.id,
        SetInput {
            load: kg(62.5),
            reps: Some(5),
            ..SetInput::new(squat)
        },
    )
    .unwrap();
    let r = import(&h, &csv, &CsvImportOptions::default()).unwrap();
    assert_eq!((r.added, r.updated), (0, 0));
    assert!(
        h.open_workout().unwrap().is_some(),
        "the workout is still open"
    );
    assert_eq!(h.set(&set.id).unwrap().input.load, kg(62.5));

    // Another app's export: an edit made here survives importing the same file.
    let bytes = std::fs::read(fixtures().join("hevy_kg.csv")).unwrap();
    let h = heft();
    import(&h, &bytes, &CsvImportOptions::default()).unwrap();
    let first = all_sets(&h)
        .into_iter()
        .find(|s| s.input.reps.is_some())
        .unwrap();
    let mut changed = first.input.clone();
    changed.reps = Some(first.input.reps.unwrap() + 1);
    h.edit_set(&first.id, changed.clone()).unwrap();
    let again = import(&h, &bytes, &CsvImportOptions::default()).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
    assert_eq!(h.set(&first.id).unwrap().input.reps, changed.reps);
}

#[test]
fn a_value_changed_in_the_app_updates_its_set_and_workout_but_not_an_edit_made_here() {
    let file = |reps: u32, duration: &str| {
        format!(
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
             2026-10-05 07:30:00,Morning,{duration},Squat (Barbell),1,100,{reps},0,0,,,\n\
             2026-10-05 07:30:00,Morning,{duration},Squat (Barbell),2,100,5,0,0,,,\n\
             2026-10-05 07:30:00,Morning,{duration},Bench Press (Barbell),1,60,5,0,0,,,\n\
             2026-10-07 07:30:00,Morning,40m,Deadlift (Barbell),1,140,3,0,0,,,\n"
        )
    };
    let kg = CsvImportOptions {
        unit: Some(WeightUnit::Kg),
        ..Default::default()
    };
    let h = heft();
    let first = import(&h, file(5, "45m").as_bytes(), &kg).unwrap();
    assert_eq!((first.added, first.workouts_added), (4, 2));
    let of = |name: &str, position: u32| {
        let id = h.find_exercise(name).unwrap().id;
        all_sets(&h)
            .into_iter()
            .find(|s| s.input.exercise_id == id && s.position == position)
            .unwrap()
    };
    let squat = of("back squat", 1);
    let bench = of("bench press", 3);
    let mut edited = bench.input.clone();
    edited.reps = Some(6);
    h.edit_set(&bench.id, edited).unwrap();

    // The app's next export: the first squat set has 6 reps, and the
    // workout lasted 50 minutes.
    let again = import(&h, file(6, "50m").as_bytes(), &kg).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 1, 3));
    assert_eq!(h.set(&squat.id).unwrap().input.reps, Some(6));
    assert_eq!(
        h.set(&bench.id).unwrap().input.reps,
        Some(6),
        "the edit stays"
    );
    let morning = h
        .history(&HistoryQuery::default())
        .unwrap()
        .into_iter()
        .find(|w| w.sets.iter().any(|s| s.id == squat.id))
        .unwrap();
    assert_eq!(morning.workout.duration_s, Some(50 * 60));

    // The same export once more changes nothing.
    let hash = h.content_hash().unwrap();
    let third = import(&h, file(6, "50m").as_bytes(), &kg).unwrap();
    assert_eq!((third.added, third.updated, third.unchanged), (0, 0, 4));
    assert_eq!(h.content_hash().unwrap(), hash);
}

#[test]
fn whatever_an_import_stores_can_be_synced_to_another_device() {
    for (file, unit, _) in fixture_table() {
        let bytes = std::fs::read(fixtures().join(&file)).unwrap();
        let h = heft();
        let opts = CsvImportOptions {
            unit: Some(unit),
            ..Default::default()
        };
        import(&h, &bytes, &opts).unwrap();
        let mut export = Vec::new();
        h.export_to(&mut export, None).unwrap();
        let other = heft();
        other
            .import_from(Box::new(&export[..]), None, &NoProgress)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            other.content_hash().unwrap(),
            h.content_hash().unwrap(),
            "{file}"
        );
    }
}

#[test]
fn out_of_range_values_and_long_notes_are_kept_in_the_note() {
    let note = "n".repeat(1995);
    let csv = format!(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n\
         2020-01-01 10:00:00,W,Pull Up,1,10,877777,0,0,{note},\n"
    );
    let h = heft();
    let r = import(
        &h,
        csv.as_bytes(),
        &CsvImportOptions {
            unit: Some(WeightUnit::Kg),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((r.added, r.values_moved_to_notes, r.truncated), (1, 1, 1));
    let set = &all_sets(&h)[0];
    assert_eq!(set.input.reps, None);
    let kept = set.input.note.as_deref().unwrap();
    assert!(
        kept.starts_with("nnnn") && kept.contains("877777"),
        "{kept}"
    );
    assert!(kept.chars().count() <= 2000);
}
