//! Heft reads back what it writes: its Strong-layout export, imported into
//! the database it came from, adds nothing (every set is already here under
//! its own id), and imported into a fresh database keeps every set and
//! every name exactly, formula-like names included (the `'` the writer puts
//! in front for spreadsheets does not stay).

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use chrono::{DateTime, TimeDelta};
use heft_core::clock::ManualClock;
use heft_core::interchange::Source;
use heft_core::model::{
    Equipment, Load, Measure, NewExercise, Pattern, SetEntry, SetInput, SetKind, Weight, WeightUnit,
};
use heft_core::progress::NoProgress;
use heft_core::{
    CsvImportOptions, CsvImportReport, CsvLayout, FinishWorkout, Heft, HistoryQuery, LogTime,
};
use proptest::prelude::*;

/// Custom exercises whose names a spreadsheet would run as formulas.
const FORMULA_NAMES: [&str; 4] = ["=SUM(1)", "+Quirky Row", "-Quirky Pull", "@Home Quirk"];

fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(
        DateTime::parse_from_rfc3339("2026-09-01T07:30:00+02:00").unwrap(),
    ))
}

/// Another database, a month after [`clock`] started, in the same zone.
fn fresh() -> Heft {
    let later = clock();
    later.advance(TimeDelta::days(30));
    Heft::open_in_memory(later).unwrap()
}

fn add_formula_exercises(h: &Heft) {
    for name in FORMULA_NAMES {
        h.add_exercise(NewExercise::named(
            name,
            Pattern::Pull,
            Equipment::Machine,
            Measure::WeightReps,
        ))
        .unwrap();
    }
}

fn weight(value: f64, unit: WeightUnit) -> Load {
    Load::Weight {
        weight: Weight::new(value, unit).unwrap(),
    }
}

/// The live sets, oldest workout first, in each workout's order.
fn sets_in_order(h: &Heft) -> Vec<SetEntry> {
    let mut workouts = h.history(&HistoryQuery::default()).unwrap();
    workouts.sort_by_key(|w| w.workout.started_at);
    workouts
        .into_iter()
        .flat_map(|w| {
            let mut sets = w.sets;
            sets.sort_by_key(|s| (s.position, s.performed_at));
            sets
        })
        .collect()
}

fn strong_csv(h: &Heft, unit: WeightUnit) -> Vec<u8> {
    let mut out = Vec::new();
    h.export_csv(&mut out, CsvLayout::Strong, Some(unit))
        .unwrap();
    out
}

fn import(h: &Heft, csv: &[u8], unit: WeightUnit) -> CsvImportReport {
    let opts = CsvImportOptions {
        source: Some(Source::Strong),
        unit: Some(unit),
        dry_run: false,
    };
    h.import_csv_from(Box::new(csv), csv.len() as u64, &opts, &NoProgress)
        .unwrap()
}

/// A set to log: exercise name, load, reps, note.
type Logged<'a> = (&'a str, Load, Option<u32>, Option<String>);

/// A generated set: exercise (index), in lb, load and reps (reduced to a
/// few values each).
type Generated = (usize, bool, u32, u32);

/// Logs `workouts`, one a day, `gap_s` seconds between sets.
fn log(h: &Heft, clock: &ManualClock, workouts: &[Vec<Logged<'_>>], gap_s: i64) {
    for sets in workouts {
        for (exercise, load, reps, note) in sets {
            let id = h.find_exercise(exercise).unwrap().id;
            h.log_set(
                SetInput {
                    load: *load,
                    reps: *reps,
                    note: note.clone(),
                    ..SetInput::new(id)
                },
                LogTime::Now,
            )
            .unwrap();
            clock.advance(TimeDelta::seconds(gap_s));
        }
        h.finish_workout(FinishWorkout {
            workout_id: None,
            at: None,
            duration_s: None,
            on: None,
        })
        .unwrap();
        clock.advance(TimeDelta::days(1) + TimeDelta::seconds(gap_s));
    }
}

/// Three workouts: loads in kg and lb, equal sets (3x5 at 100 kg), body
/// weight alone, with added load and assisted, a timed set, and names and
/// notes that look like formulas.
fn varied_history() -> (Heft, Arc<ManualClock>) {
    let clock = clock();
    let h = Heft::open_in_memory(clock.clone()).unwrap();
    add_formula_exercises(&h);
    let kg = |v| weight(v, WeightUnit::Kg);
    let lb = |v| weight(v, WeightUnit::Lb);
    let bw = |added: Option<f64>| Load::Bodyweight {
        added: added.map(|v| Weight::new(v, WeightUnit::Kg).unwrap()),
    };
    let note = |n: &str| Some(n.to_owned());
    let workouts = vec![
        vec![
            ("back squat", kg(100.0), Some(5), None),
            ("back squat", kg(100.0), Some(5), note("=HYPERLINK(\"x\")")),
            ("back squat", kg(100.0), Some(5), None),
            ("deadlift", lb(225.0), Some(3), note("-2 reps in reserve")),
            ("=SUM(1)", kg(20.0), Some(10), note("+felt easy")),
            ("pull-up", bw(Some(10.0)), Some(5), None),
            (
                "pull-up",
                bw(Some(-20.0)),
                Some(8),
                note("@gym, \"quoted\""),
            ),
            ("pull-up", bw(None), Some(6), None),
        ],
        vec![
            ("+Quirky Row", kg(50.0), Some(12), None),
            ("+Quirky Row", kg(50.0), Some(12), None),
            ("-Quirky Pull", kg(30.0), Some(10), note("'quoted start")),
            ("@Home Quirk", kg(24.0), Some(15), None),
            ("bench press", kg(61.25), Some(8), None),
        ],
        vec![
            ("back squat", lb(225.0), Some(5), None),
            ("back squat", lb(225.0), Some(5), None),
            ("bench press", lb(135.0), Some(8), None),
            ("=SUM(1)", lb(45.0), Some(10), None),
            ("back squat", kg(60.0), Some(5), None),
        ],
    ];
    log(&h, &clock, &workouts, 150);
    // A timed set, in a workout of its own.
    let plank = h.find_exercise("plank").unwrap().id;
    h.log_set(
        SetInput {
            duration_ms: Some(60_000),
            kind: SetKind::Working,
            ..SetInput::new(plank)
        },
        LogTime::Now,
    )
    .unwrap();
    h.finish_workout(FinishWorkout {
        workout_id: None,
        at: None,
        duration_s: Some(600),
        on: None,
    })
    .unwrap();
    (h, clock)
}

#[test]
fn a_strong_layout_export_read_back_into_its_database_adds_nothing() {
    let (h, _clock) = varied_history();
    let sets = sets_in_order(&h).len() as u64;
    assert!(sets >= 19);
    for unit in [WeightUnit::Kg, WeightUnit::Lb] {
        let csv = strong_csv(&h, unit);
        let text = String::from_utf8(csv.clone()).unwrap();
        assert!(
            text.contains(",'=SUM(1),"),
            "defused for spreadsheets:\n{text}"
        );
        let hash = h.content_hash().unwrap();
        let report = import(&h, &csv, unit);
        assert_eq!(
            (report.sets_read, report.added, report.updated),
            (sets, 0, 0),
            "{unit:?}: {report:?}"
        );
        assert_eq!(report.already_here, sets, "{unit:?}: {report:?}");
        assert_eq!(report.workouts_added, 0);
        assert!(report.new_exercises.is_empty(), "{report:?}");
        assert_eq!(h.content_hash().unwrap(), hash, "{unit:?}: nothing written");
    }
}

#[test]
fn a_set_deleted_after_the_export_stays_deleted_and_later_sets_stay_as_they_are() {
    let (h, clock) = varied_history();
    let csv = strong_csv(&h, WeightUnit::Kg);
    let before = sets_in_order(&h).len();
    // The export read back once more after one more set here, in a new
    // workout, and one set deleted here: neither changes what it adds.
    let first = sets_in_order(&h)[1].id.clone();
    h.delete_set(&first).unwrap();
    clock.advance(TimeDelta::days(1));
    log(
        &h,
        &clock,
        &[vec![(
            "back squat",
            weight(100.0, WeightUnit::Kg),
            Some(5),
            None,
        )]],
        60,
    );
    let report = import(&h, &csv, WeightUnit::Kg);
    assert_eq!((report.added, report.updated), (0, 0), "{report:?}");
    assert_eq!(report.already_here as usize, before - 1);
    assert_eq!(report.unchanged, 1, "the deleted set stays deleted");
    assert_eq!(sets_in_order(&h).len(), before);
}

#[test]
fn a_strong_layout_export_into_a_fresh_database_keeps_every_set_and_name() {
    let (h, _clock) = varied_history();
    let original = sets_in_order(&h);
    for unit in [WeightUnit::Kg, WeightUnit::Lb] {
        let csv = strong_csv(&h, unit);
        let copy = fresh();
        let report = import(&copy, &csv, unit);
        assert_eq!(report.added as usize, original.len(), "{report:?}");
        assert_eq!(report.already_here, 0);
        let mut made = report.new_exercises.clone();
        made.sort();
        let mut expected: Vec<String> = FORMULA_NAMES.iter().map(|n| n.to_string()).collect();
        expected.sort();
        assert_eq!(made, expected, "custom exercises by their own names");
        let copied = sets_in_order(&copy);
        assert_eq!(copied.len(), original.len());
        for (a, b) in original.iter().zip(&copied) {
            assert_eq!(a.exercise_name, b.exercise_name);
            assert_eq!(a.input.note, b.input.note);
            assert_eq!(a.input.reps, b.input.reps);
            assert_eq!(a.input.duration_ms, b.input.duration_ms);
            assert!(
                (kg_of(a.input.load) - kg_of(b.input.load)).abs() < 0.006,
                "{unit:?}: {:?} vs {:?}",
                a.input.load,
                b.input.load
            );
        }
        // Workouts by their titles (the Strong layout writes an unnamed
        // workout's title as its name).
        let titles = |h: &Heft| {
            let mut w: Vec<_> = h
                .history(&HistoryQuery::default())
                .unwrap()
                .into_iter()
                .map(|w| (w.workout.started_at.0.timestamp(), w.workout.title()))
                .collect();
            w.sort();
            w
        };
        assert_eq!(titles(&copy), titles(&h));
        // And read back into the copy: nothing more.
        let again = import(&copy, &csv, unit);
        assert_eq!((again.added, again.updated), (0, 0));
    }
}

fn kg_of(load: Load) -> f64 {
    match load {
        Load::Weight { weight }
        | Load::Bodyweight {
            added: Some(weight),
        } => weight.in_unit(WeightUnit::Kg),
        _ => 0.0,
    }
}

/// Generated histories: workouts of sets over catalog and formula-named
/// exercises, loads in kg (steps of 0.25) or lb (steps of 0.5), equal sets
/// likely, sets seconds to minutes apart.
fn histories() -> impl Strategy<Value = (Vec<Vec<Generated>>, i64)> {
    let set = (0..7usize, any::<bool>(), 0..800u32, 1..13u32);
    (
        prop::collection::vec(prop::collection::vec(set, 1..8), 1..4),
        1..200i64,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_history_exported_in_strong_layout_reads_back_adding_nothing(
        (workouts, gap_s) in histories(),
        in_lb in any::<bool>(),
    ) {
        let exercises = [
            "back squat",
            "bench press",
            "deadlift",
            FORMULA_NAMES[0],
            FORMULA_NAMES[1],
            FORMULA_NAMES[2],
            FORMULA_NAMES[3],
        ];
        let clock = clock();
        let h = Heft::open_in_memory(clock.clone()).unwrap();
        add_formula_exercises(&h);
        let workouts: Vec<Vec<Logged<'_>>> = workouts
            .iter()
            .map(|sets| {
                sets.iter()
                    .map(|&(e, lb, load, reps)| {
                        // Few distinct loads, so equal sets are common.
                        let load = if lb {
                            weight(45.0 + f64::from(load % 8) * 0.5, WeightUnit::Lb)
                        } else {
                            weight(20.0 + f64::from(load % 8) * 0.25, WeightUnit::Kg)
                        };
                        (exercises[e], load, Some(reps % 3 + 5), None)
                    })
                    .collect()
            })
            .collect();
        log(&h, &clock, &workouts, gap_s);
        let sets = sets_in_order(&h).len() as u64;
        let unit = if in_lb { WeightUnit::Lb } else { WeightUnit::Kg };
        let csv = strong_csv(&h, unit);
        let hash = h.content_hash().unwrap();
        let report = import(&h, &csv, unit);
        prop_assert_eq!((report.added, report.updated, report.workouts_added), (0, 0, 0));
        prop_assert_eq!(report.already_here, sets);
        prop_assert_eq!(h.content_hash().unwrap(), hash);
    }
}
