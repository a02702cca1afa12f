//! The plan against an in-memory stand-in for the database, which applies
//! the steps as the writer would.

#![allow(clippy::unwrap_used)]

use std::cell::Cell;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::clock::FixedClock;
use crate::interchange::CsvTime;
use crate::model::{Load, SetKind, WeightUnit};

/// The rows a [`Fake`] holds: tombstone, digest, values.
type Rows<T> = HashMap<String, (bool, Remembered, T)>;

/// A database as the plan sees it.
#[derive(Default)]
struct Fake {
    exercises: HashMap<String, bool>,
    workouts: Rows<Workout>,
    sets: Rows<SetEntry>,
    measurements: HashSet<String>,
    /// How often the plan looked a set up.
    set_lookups: Cell<usize>,
}

fn held<T>(rows: &Rows<T>, id: &str) -> Held {
    match rows.get(id) {
        None => Held::Absent,
        Some((true, ..)) => Held::Deleted,
        Some((false, d, _)) => Held::Live(d.clone()),
    }
}

fn remembered(d: Option<Digest>) -> Remembered {
    d.map_or(Remembered::Nothing, Remembered::Digest)
}

impl Holdings for Fake {
    fn exercise(&self, id: &str) -> Result<Option<bool>> {
        Ok(self.exercises.get(id).copied())
    }
    fn workout(&self, id: &str) -> Result<Held> {
        Ok(held(&self.workouts, id))
    }
    fn workout_values(&self, id: &str) -> Result<Workout> {
        Ok(self.workouts[id].2.clone())
    }
    fn set(&self, id: &str) -> Result<Held> {
        self.set_lookups.set(self.set_lookups.get() + 1);
        Ok(held(&self.sets, id))
    }
    fn set_values(&self, id: &str) -> Result<SetEntry> {
        Ok(self.sets[id].2.clone())
    }
    fn has_measurement(&self, id: &str) -> Result<bool> {
        Ok(self.measurements.contains(id))
    }
    fn workouts_starting(&self, from_ms: i64, to_ms: i64) -> Result<Vec<Workout>> {
        let mut found: Vec<Workout> = self
            .workouts
            .values()
            .filter(|(deleted, _, w)| !deleted && (from_ms..to_ms).contains(&w.started_at.utc_ms()))
            .map(|(_, _, w)| w.clone())
            .collect();
        found.sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
        Ok(found)
    }
    fn workout_sets(&self, id: &str) -> Result<Vec<HeldSet>> {
        let mut found: Vec<HeldSet> = self
            .sets
            .values()
            .filter(|(_, _, s)| s.workout_id == id)
            .map(|(deleted, _, s)| HeldSet {
                set: s.clone(),
                deleted: *deleted,
            })
            .collect();
        found.sort_by(|a, b| {
            (a.set.position, a.set.performed_at, &a.set.id).cmp(&(
                b.set.position,
                b.set.performed_at,
                &b.set.id,
            ))
        });
        Ok(found)
    }
}

fn entry(s: &PlannedSet) -> SetEntry {
    SetEntry {
        id: s.id.clone(),
        workout_id: s.workout_id.clone(),
        exercise_name: String::new(),
        position: s.position,
        performed_at: s.performed_at,
        input: s.input.clone(),
        target: s.target,
    }
}

impl Fake {
    /// Writes a step as the writer does.
    fn apply(&mut self, step: &Step) {
        match step {
            Step::AddExercise(e) => {
                self.exercises.insert(e.id.clone(), false);
            }
            Step::ReviveExercise(id) => {
                self.exercises.insert(id.clone(), false);
            }
            Step::WriteWorkout { workout, digest } => {
                let row = (false, remembered(*digest), workout.clone());
                self.workouts.insert(workout.id.clone(), row);
            }
            Step::AddBodyWeight { id, .. } => {
                assert!(self.measurements.insert(id.clone()), "added twice");
            }
            Step::AddSet { set, digest } => {
                let row = (false, remembered(*digest), entry(set));
                assert!(
                    self.sets.insert(set.id.clone(), row).is_none(),
                    "added twice"
                );
            }
            Step::UpdateSet { set, digest } => {
                let row = (false, Remembered::Digest(*digest), entry(set));
                assert!(self.sets.insert(set.id.clone(), row).is_some());
            }
            Step::RememberWorkout { id, digest } => {
                self.workouts.get_mut(id).unwrap().1 = Remembered::Digest(*digest);
            }
            Step::RememberSet { id, digest } => {
                self.sets.get_mut(id).unwrap().1 = Remembered::Digest(*digest);
            }
        }
    }
}

/// 2026-11-24 18:00 at UTC+1.
fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-24T18:00:00+01:00").unwrap()
}

/// The built-in exercises, read once.
fn catalog() -> &'static [Exercise] {
    static CATALOG: std::sync::LazyLock<Vec<Exercise>> =
        std::sync::LazyLock::new(|| crate::catalog::builtin().unwrap().exercises);
    &CATALOG
}

/// Imports `rows` from `source` into `db`: the report and every step.
fn import(db: &mut Fake, source: Source, rows: &[CsvRow]) -> (CsvImportReport, Vec<Step>) {
    let zone = FixedClock(now());
    let mut plan = ImportPlan::new(source, catalog(), &zone, now());
    let mut all = Vec::new();
    let mut steps = Vec::new();
    for row in rows {
        plan.row(row.clone(), db, &mut steps).unwrap();
        for step in steps.drain(..) {
            db.apply(&step);
            all.push(step);
        }
    }
    (plan.into_report(), all)
}

fn strong(db: &mut Fake, rows: &[CsvRow]) -> (CsvImportReport, Vec<Step>) {
    import(db, Source::Strong, rows)
}

fn local(text: &str) -> CsvTime {
    CsvTime::Local(chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap())
}

/// A Strong row: workout `name` started at `start` (`2026-10-05 07:30`),
/// `kg` x `reps` of `exercise`.
fn set(line: u64, start: &str, name: &str, exercise: &str, kg: f64, reps: u32) -> CsvSet {
    CsvSet {
        line,
        id: None,
        workout: CsvWorkout {
            id: None,
            start: local(start),
            time_known: true,
            name: Some(name.into()),
            duration_s: Some(45 * 60),
            end: None,
            note: None,
            body_weight: None,
        },
        exercise: exercise.into(),
        exercise_id: None,
        category: None,
        order: 1,
        kind: SetKind::Working,
        load: CsvLoad::Weight(Some(Weight::from_milli(
            (kg * 1000.0) as i64,
            WeightUnit::Kg,
        ))),
        reps: Some(reps),
        effort: None,
        duration_ms: None,
        distance: None,
        landings: None,
        drop_height_cm: None,
        pain: None,
        note: None,
        target: None,
        performed_at: None,
        superset: None,
        role: None,
        effort_source: None,
        band: None,
    }
}

fn row(set: CsvSet) -> CsvRow {
    CsvRow::Set(Box::new(set))
}

/// Two workouts, the second with an exercise the catalog does not know.
fn file() -> Vec<CsvRow> {
    vec![
        row(set(
            2,
            "2026-10-05 07:30",
            "Morning",
            "Squat (Barbell)",
            60.0,
            5,
        )),
        row(set(
            3,
            "2026-10-05 07:30",
            "Morning",
            "Squat (Barbell)",
            80.0,
            5,
        )),
        row(set(
            4,
            "2026-10-07 18:00",
            "Evening",
            "Sandbag Shouldering",
            50.0,
            8,
        )),
    ]
}

fn kinds(steps: &[Step]) -> Vec<&'static str> {
    steps
        .iter()
        .map(|s| match s {
            Step::AddExercise(_) => "add exercise",
            Step::ReviveExercise(_) => "revive exercise",
            Step::WriteWorkout { .. } => "write workout",
            Step::AddBodyWeight { .. } => "add body weight",
            Step::AddSet { .. } => "add set",
            Step::UpdateSet { .. } => "update set",
            Step::RememberWorkout { .. } => "remember workout",
            Step::RememberSet { .. } => "remember set",
        })
        .collect()
}

fn added_sets(steps: &[Step]) -> Vec<&PlannedSet> {
    steps
        .iter()
        .filter_map(|s| match s {
            Step::AddSet { set, .. } => Some(set),
            _ => None,
        })
        .collect()
}

#[test]
fn a_file_becomes_a_workout_before_its_sets_and_an_exercise_before_its_first_set() {
    let mut db = Fake::default();
    let (report, steps) = strong(&mut db, &file());
    assert_eq!(
        kinds(&steps),
        [
            "write workout",
            "add set",
            "add set",
            "add exercise",
            "write workout",
            "add set"
        ]
    );
    assert_eq!(
        (
            report.sets_read,
            report.added,
            report.workouts,
            report.workouts_added
        ),
        (3, 3, 2, 2)
    );
    assert_eq!(report.new_exercises, ["Sandbag Shouldering"]);
    let placed: Vec<(u32, &str)> = added_sets(&steps)
        .iter()
        .map(|s| (s.position, s.input.exercise_id.as_str()))
        .collect();
    assert_eq!(placed[..2], [(1, "back-squat"), (2, "back-squat")]);
    assert_eq!(placed[2].0, 1);
    let Step::WriteWorkout { workout, digest } = &steps[0] else {
        panic!("{:?}", steps[0]);
    };
    // 45 minutes from 07:30 in the device's zone (UTC+1), remembered.
    assert_eq!(
        workout.started_at.0.to_rfc3339(),
        "2026-10-05T07:30:00+01:00"
    );
    assert_eq!(workout.duration_s, Some(45 * 60));
    assert_eq!(
        workout.finished_at.unwrap().0.to_rfc3339(),
        "2026-10-05T08:15:00+01:00"
    );
    assert!(digest.is_some());
}

#[test]
fn importing_the_same_file_again_plans_no_write() {
    let mut db = Fake::default();
    let (first, _) = strong(&mut db, &file());
    let (again, steps) = strong(&mut db, &file());
    assert_eq!(steps, []);
    assert_eq!(
        (
            again.added,
            again.updated,
            again.unchanged,
            again.workouts_added
        ),
        (0, 0, first.added, 0)
    );
    assert!(again.new_exercises.is_empty());
}

#[test]
fn ids_come_from_the_app_the_workout_and_the_place_never_from_lines() {
    let mut db = Fake::default();
    let (_, steps) = strong(&mut db, &file());
    let ids: Vec<String> = added_sets(&steps).iter().map(|s| s.id.clone()).collect();
    // Pinned: the id tests/fixtures/db/v4.db holds for the first set of
    // this workout (imported by the schema-4 build). An id that changed
    // would add every set of a file again.
    assert_eq!(ids[0], "e15d0fa7-9825-5db9-809d-d8d12e9385c3");
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());

    // The same sets on other lines, after a workout the file did not have.
    let mut later = vec![row(set(
        2,
        "2026-09-01 10:00",
        "Older",
        "Deadlift (Barbell)",
        100.0,
        3,
    ))];
    for (n, r) in file().into_iter().enumerate() {
        let CsvRow::Set(mut s) = r else {
            unreachable!()
        };
        s.line = 10 + n as u64;
        later.push(row(*s));
    }
    let (report, steps) = strong(&mut Fake::default(), &later);
    let again: Vec<String> = added_sets(&steps)[1..]
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!((report.added, again), (4, ids.clone()));

    // Another app's file with the same rows is another history.
    let (_, steps) = import(&mut Fake::default(), Source::Hevy, &file());
    assert!(added_sets(&steps).iter().all(|s| !ids.contains(&s.id)));
}

#[test]
fn a_longer_export_from_the_same_app_adds_only_its_new_sets() {
    let mut db = Fake::default();
    strong(&mut db, &file());
    let mut longer = file();
    longer.push(row(set(5, "2026-10-07 18:00", "Evening", "Plank", 0.0, 1)));
    longer.push(row(set(
        6,
        "2026-10-09 18:00",
        "Friday",
        "Squat (Barbell)",
        90.0,
        3,
    )));
    let (report, steps) = strong(&mut db, &longer);
    assert_eq!(
        kinds(&steps),
        ["add set", "write workout", "add set"],
        "the new set of a known workout is looked up, the other is not"
    );
    assert_eq!(
        (report.added, report.unchanged, report.workouts_added),
        (2, 3, 1)
    );
}

#[test]
fn sets_of_a_new_workout_are_not_looked_up() {
    let mut db = Fake::default();
    strong(&mut db, &file());
    assert_eq!(db.set_lookups.get(), 0);
    strong(&mut db, &file());
    assert_eq!(db.set_lookups.get(), 3);
}

#[test]
fn a_value_changed_in_the_app_updates_its_set_but_an_edit_made_here_survives() {
    let mut db = Fake::default();
    strong(&mut db, &file());
    let mut changed = file();
    changed[1] = row(set(
        3,
        "2026-10-05 07:30",
        "Morning",
        "Squat (Barbell)",
        82.5,
        5,
    ));
    let (report, steps) = strong(&mut db, &changed);
    assert_eq!(kinds(&steps), ["update set"]);
    assert_eq!((report.updated, report.unchanged), (1, 2));

    // An edit made here to a set, then the same file again: kept.
    let id = added_sets(&strong(&mut Fake::default(), &changed).1)[1]
        .id
        .clone();
    db.sets.get_mut(&id).unwrap().2.input.reps = Some(6);
    let (report, steps) = strong(&mut db, &changed);
    assert_eq!((steps.len(), report.unchanged), (0, 3));
    assert_eq!(db.sets[&id].2.input.reps, Some(6));

    // The file changed to what the set already holds here: only remembered.
    changed[1] = row(set(
        3,
        "2026-10-05 07:30",
        "Morning",
        "Squat (Barbell)",
        82.5,
        6,
    ));
    let (report, steps) = strong(&mut db, &changed);
    assert_eq!(kinds(&steps), ["remember set"]);
    assert_eq!((report.updated, report.unchanged), (0, 3));
}

#[test]
fn a_workout_changed_in_the_app_is_rewritten_unless_it_is_open_here() {
    let mut db = Fake::default();
    strong(&mut db, &file());
    let mut changed = file();
    for r in &mut changed[..2] {
        let CsvRow::Set(s) = r else { unreachable!() };
        s.workout.note = Some("heavy".into());
    }
    let (_, steps) = strong(&mut db, &changed);
    assert_eq!(kinds(&steps), ["write workout"]);

    // Open here: the person is still logging it.
    let mut db = Fake::default();
    strong(&mut db, &file());
    for (_, _, w) in db.workouts.values_mut() {
        w.finished_at = None;
    }
    let (_, steps) = strong(&mut db, &changed);
    assert_eq!(kinds(&steps), ["remember workout"]);
}

#[test]
fn rows_deleted_here_stay_deleted() {
    let mut db = Fake::default();
    let (_, steps) = strong(&mut db, &file());
    let first = added_sets(&steps)[0].id.clone();
    db.sets.get_mut(&first).unwrap().0 = true;
    let evening = steps
        .iter()
        .filter_map(|s| match s {
            Step::WriteWorkout { workout, .. } => Some(workout.id.clone()),
            _ => None,
        })
        .nth(1)
        .unwrap();
    db.workouts.get_mut(&evening).unwrap().0 = true;
    let mut changed = file();
    changed[0] = row(set(
        2,
        "2026-10-05 07:30",
        "Morning",
        "Squat (Barbell)",
        65.0,
        5,
    ));
    changed.push(row(set(5, "2026-10-07 18:00", "Evening", "Plank", 0.0, 1)));
    let (report, steps) = strong(&mut db, &changed);
    assert_eq!(steps, []);
    assert_eq!((report.added, report.updated, report.unchanged), (0, 0, 4));
}

/// The Strong file tests/fixtures/db/v4.db imported, in lb.
const MORNING_CSV: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
2026-10-05 07:30:00,Morning,45m,Squat (Barbell),W,135,5,0,0,,,\n\
2026-10-05 07:30:00,Morning,45m,Squat (Barbell),1,185,5,0,0,,,8\n\
2026-10-05 07:30:00,Morning,45m,Deadlift (Barbell),1,225,5,0,0,strong,,\n";

/// The ids and schema-4 digests v4.db holds for [`MORNING_CSV`]: its
/// workout, then its sets in file order.
const MORNING_V4: [(&str, &str); 4] = [
    (
        "867f3c8e-b0c3-5609-b930-cd76d11353ee",
        "d8bfce1350ce93324c8bed9d9573d102",
    ),
    (
        "e15d0fa7-9825-5db9-809d-d8d12e9385c3",
        "425f4f565f89975e43bc9643d189ae31",
    ),
    (
        "682e8970-c3b6-5de8-862f-f5628dd11517",
        "f0470255ea3930f7b4f1c3c4903fa159",
    ),
    (
        "aeff42e4-3b6a-5bf8-9ad6-fa1fca796764",
        "cfa409f7c0ab6616e86e1ee725f6f334",
    ),
];

fn read(csv: &str) -> Vec<CsvRow> {
    let opts = crate::interchange::ReadOptions {
        source: None,
        default_unit: WeightUnit::Lb,
    };
    crate::interchange::CsvReader::new(csv.as_bytes(), &opts)
        .unwrap()
        .collect::<std::result::Result<_, _>>()
        .unwrap()
}

#[test]
fn digests_of_schema_4_are_recognised_and_replaced() {
    let rows = read(MORNING_CSV);
    let mut db = Fake::default();
    strong(&mut db, &rows);
    let (workout, sets) = MORNING_V4.split_first().unwrap();
    // What the schema-4 build stored, and an edit made here since.
    db.workouts.get_mut(workout.0).unwrap().1 = Remembered::Legacy(workout.1.into());
    for (id, digest) in sets {
        db.sets.get_mut(*id).unwrap().1 = Remembered::Legacy((*digest).into());
    }
    let edited = sets[2].0;
    db.sets.get_mut(edited).unwrap().2.input.reps = Some(6);

    let (report, steps) = strong(&mut db, &rows);
    let remembered: Vec<&str> = steps
        .iter()
        .map(|s| match s {
            Step::RememberWorkout { id, .. } | Step::RememberSet { id, .. } => id.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    let ids: Vec<&str> = MORNING_V4.iter().map(|(id, _)| *id).collect();
    assert_eq!(remembered, ids);
    assert_eq!((report.updated, report.unchanged), (0, 3));
    assert_eq!(db.sets[edited].2.input.reps, Some(6));
    assert!(matches!(db.sets[edited].1, Remembered::Digest(_)));
    // Replaced: the next import finds the new digests.
    assert_eq!(strong(&mut db, &rows).1, []);

    // A schema-4 digest of other values: the file changed since.
    db.sets.get_mut(edited).unwrap().1 = Remembered::Legacy("0".repeat(32));
    let (report, steps) = strong(&mut db, &rows);
    assert_eq!(kinds(&steps), ["update set"]);
    assert_eq!(report.updated, 1);
}

#[test]
fn rows_of_heft_layout_already_here_are_left_as_they_are() {
    let mut s = set(2, "2026-10-05 07:30", "Morning", "Squat (Barbell)", 60.0, 5);
    s.id = Some("0190f0f0-0000-7000-8000-000000000001".into());
    s.workout.id = Some("0190f0f0-0000-7000-8000-00000000000a".into());
    s.exercise_id = Some("back-squat".into());
    s.order = 7;
    let mut db = Fake::default();
    let (report, steps) = import(&mut db, Source::Heft, &[row(s.clone())]);
    assert_eq!(report.added, 1);
    let Step::AddSet { set, digest } = &steps[1] else {
        panic!("{steps:?}");
    };
    assert_eq!(
        (set.id.as_str(), set.position, *digest),
        (s.id.as_deref().unwrap(), 7, None)
    );
    let Step::WriteWorkout { workout, digest } = &steps[0] else {
        panic!("{steps:?}");
    };
    assert_eq!(
        (workout.id.as_str(), *digest),
        (s.workout.id.as_deref().unwrap(), None)
    );

    s.reps = Some(3);
    let (report, steps) = import(&mut db, Source::Heft, &[row(s)]);
    assert_eq!((steps.len(), report.unchanged), (0, 1));
}

#[test]
fn custom_exercises_are_made_once_and_a_deleted_one_comes_back() {
    let mut db = Fake::default();
    let (_, steps) = strong(&mut db, &file());
    let Step::AddExercise(e) = &steps[3] else {
        panic!("{steps:?}");
    };
    assert_eq!((e.name.as_str(), e.builtin), ("Sandbag Shouldering", false));
    db.exercises.insert(e.id.clone(), true);
    let mut rows = file();
    rows.push(row(set(
        5,
        "2026-10-08 18:00",
        "Next",
        "Sandbag Shouldering",
        55.0,
        8,
    )));
    let (report, steps) = strong(&mut db, &rows);
    assert_eq!(steps[0], Step::ReviveExercise(e.id.clone()));
    assert_eq!(report.new_exercises, ["Sandbag Shouldering"]);
    // Live here: used as it is.
    let (report, _) = strong(&mut db, &rows);
    assert!(report.new_exercises.is_empty());
}

#[test]
fn rows_that_cannot_be_sets_are_skipped_with_line_and_reason() {
    let mut future = set(3, "2027-01-01 10:00", "Later", "Squat (Barbell)", 60.0, 5);
    future.line = 3;
    let mut nothing = set(4, "2026-10-05 07:30", "Morning", "Squat (Barbell)", 0.0, 0);
    nothing.load = CsvLoad::Weight(None);
    nothing.reps = None;
    let rows = vec![
        CsvRow::Skip {
            line: 2,
            reason: "rest timer row".into(),
        },
        row(future),
        row(nothing),
        row(set(5, "2026-10-05 07:30", "Morning", " ", 60.0, 5)),
        row(set(
            6,
            "2026-10-05 07:30",
            "Morning",
            "Squat (Barbell)",
            60.0,
            5,
        )),
    ];
    let (report, steps) = strong(&mut Fake::default(), &rows);
    let skipped: Vec<(u64, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(skipped[0], (2, "rest timer row"));
    assert_eq!(skipped[1].0, 3);
    assert!(skipped[1].1.starts_with("date: "), "{}", skipped[1].1);
    assert_eq!(skipped[2], (4, "no reps, weight, time or distance"));
    assert_eq!(skipped[3].0, 5);
    assert!(
        skipped[3].1.starts_with("exercise name: "),
        "{}",
        skipped[3].1
    );
    assert_eq!(
        (
            report.rows_read,
            report.sets_read,
            report.skipped_count,
            report.added
        ),
        (5, 4, 4, 1)
    );
    // The workout of the row skipped for its values was still written.
    assert_eq!(kinds(&steps), ["write workout", "add set"]);
}

#[test]
fn values_beyond_heft_limits_move_into_the_note() {
    let mut s = set(
        2,
        "2026-10-05 07:30",
        "Morning",
        "Squat (Barbell)",
        60.0,
        877_777,
    );
    s.note = Some("typo".into());
    let mut long = set(3, "2026-10-06 07:30", "Morning", "Squat (Barbell)", 60.0, 5);
    long.workout.duration_s = Some(30 * 24 * 3600);
    let (report, steps) = strong(&mut Fake::default(), &[row(s), row(long)]);
    let sets = added_sets(&steps);
    assert_eq!(sets[0].input.reps, None);
    let note = sets[0].input.note.as_deref().unwrap();
    assert!(
        note.starts_with("typo [import: reps 877777 left out: "),
        "{note}"
    );
    let Step::WriteWorkout { workout, .. } = &steps[2] else {
        panic!("{steps:?}");
    };
    assert_eq!(workout.duration_s, None);
    assert_eq!(
        workout.note.as_deref(),
        Some("[import: duration 2592000 s left out: longer than a week]")
    );
    assert_eq!((report.values_moved_to_notes, report.added), (2, 2));
}

#[test]
fn sets_of_one_workout_apart_in_the_file_are_numbered_together() {
    let rows = vec![
        row(set(
            2,
            "2026-10-05 07:30",
            "Morning",
            "Squat (Barbell)",
            60.0,
            5,
        )),
        row(set(
            3,
            "2026-10-07 18:00",
            "Evening",
            "Squat (Barbell)",
            60.0,
            5,
        )),
        row(set(
            4,
            "2026-10-05 07:30",
            "Morning",
            "Squat (Barbell)",
            70.0,
            5,
        )),
        // Another name, the same start: another workout.
        row(set(
            5,
            "2026-10-05 07:30",
            "Noon",
            "Squat (Barbell)",
            70.0,
            5,
        )),
    ];
    let (report, steps) = strong(&mut Fake::default(), &rows);
    let sets = added_sets(&steps);
    assert_eq!(sets[2].workout_id, sets[0].workout_id);
    let places: Vec<u32> = sets.iter().map(|s| s.position).collect();
    assert_eq!(places, [1, 1, 2, 1]);
    assert_eq!(report.workouts, 3);
}

#[test]
fn a_body_weight_noted_with_a_session_is_recorded_once() {
    let mut s = set(2, "2026-10-05 07:30", "Morning", "Squat (Barbell)", 60.0, 5);
    s.workout.body_weight = Some(Weight::from_milli(81_500, WeightUnit::Kg));
    let mut db = Fake::default();
    let (report, steps) = strong(&mut db, &[row(s.clone())]);
    assert_eq!(
        kinds(&steps),
        ["write workout", "add body weight", "add set"]
    );
    assert_eq!(report.measurements_added, 1);
    let (report, steps) = strong(&mut db, &[row(s)]);
    assert_eq!((steps.len(), report.measurements_added), (0, 0));
}

#[test]
fn loads_are_weighed_only_when_asked() {
    let zone = FixedClock(now());
    let mut plan = ImportPlan::new(Source::Strong, catalog(), &zone, now());
    let mut steps = Vec::new();
    let db = Fake::default();
    plan.row(file().remove(0), &db, &mut steps).unwrap();
    assert!(plan.take_evidence().is_none());
    plan.weigh_units();
    plan.row(file().remove(1), &db, &mut steps).unwrap();
    assert!(plan.take_evidence().is_some());
}

/// Files of a few workouts over a few exercises, the catalog's and others.
fn files() -> impl Strategy<Value = Vec<CsvRow>> {
    let one = (
        0..4u32,
        prop::sample::select(vec![
            "Squat (Barbell)",
            "Bench Press (Barbell)",
            "Zercher Squat",
            "Plank",
        ]),
        0..400u32,
        0..25u32,
        prop::option::of("[a-z ]{0,12}"),
    );
    prop::collection::vec(one, 0..40).prop_map(|sets| {
        sets.into_iter()
            .enumerate()
            .map(|(n, (day, exercise, load, reps, note))| {
                let start = NaiveDate::from_ymd_opt(2026, 10, 1 + day).unwrap();
                let start = format!("{start} 18:00");
                let name = ["A", "B", "A", "C"][day as usize];
                let mut s = set(
                    n as u64 + 2,
                    &start,
                    name,
                    exercise,
                    f64::from(load) * 0.5,
                    reps,
                );
                s.note = note;
                row(s)
            })
            .collect()
    })
}

proptest! {
    // Each case imports up to four files: fewer cases keep the debug-build
    // suite quick.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_plan_is_a_function_of_the_file_and_the_database(rows in files()) {
        let mut a = Fake::default();
        let mut b = Fake::default();
        let first = strong(&mut a, &rows);
        prop_assert_eq!(&first, &strong(&mut b, &rows));
        prop_assert_eq!(strong(&mut a, &rows), strong(&mut b, &rows));
    }

    #[test]
    fn importing_a_file_twice_adds_nothing_the_second_time(rows in files()) {
        let mut db = Fake::default();
        let (first, _) = strong(&mut db, &rows);
        let (again, steps) = strong(&mut db, &rows);
        prop_assert_eq!(steps, vec![]);
        prop_assert_eq!((again.added, again.updated, again.unchanged), (0, 0, first.added));
        prop_assert_eq!(again.skipped_count, first.skipped_count);
        prop_assert_eq!(first.added + first.skipped_count, first.rows_read);
    }

    #[test]
    fn a_longer_file_adds_exactly_its_new_sets(rows in files(), more in files()) {
        // `more` in later workouts: days 10 to 13 of the month.
        let more: Vec<CsvRow> = more
            .into_iter()
            .map(|r| {
                let CsvRow::Set(mut s) = r else { return r };
                let CsvTime::Local(t) = s.workout.start else { return row(*s) };
                s.workout.start = CsvTime::Local(t + chrono::TimeDelta::days(9));
                row(*s)
            })
            .collect();
        let mut db = Fake::default();
        let (first, _) = strong(&mut db, &rows);
        let longer: Vec<CsvRow> = rows.iter().cloned().chain(more.iter().cloned()).collect();
        let (report, steps) = strong(&mut db, &longer);
        let (alone, _) = strong(&mut Fake::default(), &more);
        prop_assert_eq!(report.added, alone.added);
        prop_assert_eq!(report.unchanged, first.added);
        let updates = steps.iter().filter(|s| matches!(s, Step::UpdateSet { .. })).count();
        prop_assert_eq!(updates, 0);
    }
}

// Sets already here under other ids (`already_here`).

fn at(rfc3339: &str) -> Timestamp {
    Timestamp(DateTime::parse_from_rfc3339(rfc3339).unwrap())
}

fn kg_load(kg: f64) -> Load {
    Load::Weight {
        weight: Weight::new(kg, WeightUnit::Kg).unwrap(),
    }
}

/// A workout logged in Heft (or synced): ids no import derives. `sets` are
/// (exercise id, load, reps), at positions 1, 2, ...
fn logged(
    db: &mut Fake,
    id: &str,
    started: &str,
    name: Option<&str>,
    sets: &[(&str, Load, u32)],
) -> Vec<String> {
    let started = at(started);
    let workout = Workout {
        id: id.into(),
        name: name.map(Into::into),
        started_at: started,
        finished_at: Some(started),
        duration_s: None,
        note: None,
    };
    db.workouts
        .insert(id.into(), (false, Remembered::Nothing, workout));
    let mut ids = Vec::new();
    for (n, &(exercise, load, reps)) in sets.iter().enumerate() {
        let set_id = format!("{id}-set-{n}");
        let entry = SetEntry {
            id: set_id.clone(),
            workout_id: id.into(),
            exercise_name: String::new(),
            position: n as u32 + 1,
            performed_at: started,
            input: SetInput {
                load,
                reps: Some(reps),
                ..SetInput::new(exercise)
            },
            target: None,
        };
        db.sets
            .insert(set_id.clone(), (false, Remembered::Nothing, entry));
        ids.push(set_id);
    }
    ids
}

/// `n` rows of `kg` x `reps` squats in the file's workout "Morning" at
/// 2026-10-05 07:30.
fn squats(n: usize, kg: f64, reps: u32) -> Vec<CsvRow> {
    (0..n)
        .map(|i| {
            row(set(
                i as u64 + 2,
                "2026-10-05 07:30",
                "Morning",
                "Squat (Barbell)",
                kg,
                reps,
            ))
        })
        .collect()
}

fn counts(r: &CsvImportReport) -> (u64, u64, u64, u64) {
    (r.added, r.already_here, r.unchanged, r.updated)
}

#[test]
fn a_workout_logged_here_is_not_added_again_from_a_file_of_it() {
    let mut db = Fake::default();
    // Logged at 07:30:25.3 in Heft; the file writes the minute.
    logged(
        &mut db,
        "logged",
        "2026-10-05T07:30:25.300+01:00",
        None,
        &[
            ("back-squat", kg_load(60.0), 5),
            ("back-squat", kg_load(80.0), 5),
        ],
    );
    let (report, steps) = strong(&mut db, &file());
    assert_eq!(counts(&report), (1, 2, 0, 0));
    assert_eq!((report.workouts, report.workouts_added), (2, 1));
    // Only the evening, which is not here, is written.
    assert_eq!(kinds(&steps), ["add exercise", "write workout", "add set"]);
    assert!(
        !db.workouts
            .values()
            .any(|w| w.2.name.as_deref() == Some("Morning"))
    );

    // Again: nothing.
    let (again, steps) = strong(&mut db, &file());
    assert_eq!(steps, []);
    assert_eq!(counts(&again), (0, 2, 1, 0));
}

#[test]
fn equal_sets_are_matched_one_for_one_in_order() {
    let mut db = Fake::default();
    let squat = ("back-squat", kg_load(100.0), 5);
    logged(
        &mut db,
        "logged",
        "2026-10-05T07:30:00+01:00",
        Some("Morning"),
        &[squat, squat, squat],
    );
    let (three, steps) = strong(&mut db, &squats(3, 100.0, 5));
    assert_eq!(steps, []);
    assert_eq!(counts(&three), (0, 3, 0, 0));

    // A fourth equal set is a set of its own, added to the workout here.
    let (four, steps) = strong(&mut db, &squats(4, 100.0, 5));
    assert_eq!(counts(&four), (1, 3, 0, 0));
    let added = added_sets(&steps);
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].workout_id, "logged");
    assert_eq!(added[0].position, 4);
    assert_eq!(four.workouts_added, 0);

    // The same file again: the fourth is found by its id.
    let (again, steps) = strong(&mut db, &squats(4, 100.0, 5));
    assert_eq!(steps, []);
    assert_eq!(counts(&again), (0, 3, 1, 0));
}

#[test]
fn a_set_differing_beyond_rounding_is_a_new_set() {
    let here = [("back-squat", kg_load(100.0), 5)];
    let import_one = |kg: f64, reps: u32, exercise: &str| {
        let mut db = Fake::default();
        logged(&mut db, "logged", "2026-10-05T07:30:00+01:00", None, &here);
        let rows = [row(set(
            2,
            "2026-10-05 07:30",
            "Morning",
            exercise,
            kg,
            reps,
        ))];
        counts(&strong(&mut db, &rows).0)
    };
    // Within rounding: the same load.
    assert_eq!(import_one(100.04, 5, "Squat (Barbell)"), (0, 1, 0, 0));
    assert_eq!(import_one(99.96, 5, "Squat (Barbell)"), (0, 1, 0, 0));
    // Beyond it, other reps, another exercise: another set.
    assert_eq!(import_one(100.5, 5, "Squat (Barbell)"), (1, 0, 0, 0));
    assert_eq!(import_one(100.1, 5, "Squat (Barbell)"), (1, 0, 0, 0));
    assert_eq!(import_one(100.0, 6, "Squat (Barbell)"), (1, 0, 0, 0));
    assert_eq!(import_one(100.0, 5, "Bench Press (Barbell)"), (1, 0, 0, 0));
}

#[test]
fn loads_of_lb_files_match_loads_logged_in_kg_and_the_other_way() {
    let lb = |v: f64| Load::Weight {
        weight: Weight::new(v, WeightUnit::Lb).unwrap(),
    };
    let here = || {
        let mut db = Fake::default();
        let sets = [
            ("back-squat", kg_load(102.5), 5),
            ("back-squat", lb(225.0), 3),
        ];
        logged(&mut db, "logged", "2026-10-05T07:30:00+01:00", None, &sets);
        db
    };
    let in_lb = |lb: f64, reps: u32, line: u64| {
        let mut s = set(
            line,
            "2026-10-05 07:30",
            "Morning",
            "Squat (Barbell)",
            0.0,
            reps,
        );
        s.load = CsvLoad::Weight(Weight::new(lb, WeightUnit::Lb));
        row(s)
    };
    // 102.5 kg is 225.97 lb as Heft's Strong layout writes it.
    let (report, _) = strong(&mut here(), &[in_lb(225.97, 5, 2), in_lb(225.0, 3, 3)]);
    assert_eq!(counts(&report), (0, 2, 0, 0));
    // 225 lb is 102.06 kg in a kg file.
    let rows = [
        row(set(
            2,
            "2026-10-05 07:30",
            "Morning",
            "Squat (Barbell)",
            102.5,
            5,
        )),
        row(set(
            3,
            "2026-10-05 07:30",
            "Morning",
            "Squat (Barbell)",
            102.06,
            3,
        )),
    ];
    let (report, _) = strong(&mut here(), &rows);
    assert_eq!(counts(&report), (0, 2, 0, 0));
    // 227.5 lb (a 2.5 lb step up) is another load than 102.5 kg, and
    // 222.5 lb than 225 lb.
    let (report, _) = strong(&mut here(), &[in_lb(227.5, 5, 2), in_lb(222.5, 3, 3)]);
    assert_eq!(counts(&report), (2, 0, 0, 0));
}

#[test]
fn a_set_deleted_here_stays_deleted_when_a_file_of_it_comes() {
    let mut db = Fake::default();
    let squat = ("back-squat", kg_load(100.0), 5);
    let ids = logged(
        &mut db,
        "logged",
        "2026-10-05T07:30:00+01:00",
        None,
        &[squat, squat, squat],
    );
    db.sets.get_mut(&ids[1]).unwrap().0 = true;
    // A file written before the set was deleted here: it is not revived.
    let (report, steps) = strong(&mut db, &squats(3, 100.0, 5));
    assert_eq!(steps, []);
    assert_eq!(counts(&report), (0, 2, 1, 0));
    // One written after: nothing to add either.
    let (report, steps) = strong(&mut db, &squats(2, 100.0, 5));
    assert_eq!(steps, []);
    assert_eq!(counts(&report), (0, 1, 1, 0));
}

#[test]
fn a_workout_here_is_taken_only_at_the_files_start_and_under_no_other_name() {
    let squat = [("back-squat", kg_load(100.0), 5)];
    let import_at = |here_start: &str, here_name: Option<&str>, rows: &[CsvRow]| {
        let mut db = Fake::default();
        logged(&mut db, "logged", here_start, here_name, &squat);
        let (report, _) = strong(&mut db, rows);
        (report.added, report.already_here, report.workouts_added)
    };
    let rows = squats(1, 100.0, 5);
    // A minute in the file: any time within it.
    assert_eq!(
        import_at("2026-10-05T07:30:59.999+01:00", None, &rows),
        (0, 1, 0)
    );
    assert_eq!(
        import_at("2026-10-05T07:31:00+01:00", None, &rows),
        (1, 0, 1)
    );
    assert_eq!(
        import_at("2026-10-05T07:29:59+01:00", None, &rows),
        (1, 0, 1)
    );
    // The same instant in another zone is the same time.
    assert_eq!(import_at("2026-10-05T06:30:10Z", None, &rows), (0, 1, 0));
    // So is the same local time in the offset the workout was logged in (a
    // summer workout exported as "07:30" read back in winter, or one logged
    // while travelling): Heft's export writes that local time.
    assert_eq!(
        import_at("2026-10-05T07:30:10-04:00", None, &rows),
        (0, 1, 0)
    );
    assert_eq!(
        import_at("2026-10-05T08:30:10-04:00", None, &rows),
        (1, 0, 1)
    );
    // Named alike or unnamed here: the same workout; named otherwise: not.
    assert_eq!(
        import_at("2026-10-05T07:30:00+01:00", Some("Morning"), &rows),
        (0, 1, 0)
    );
    assert_eq!(
        import_at("2026-10-05T07:30:00+01:00", Some("Legs"), &rows),
        (1, 0, 1)
    );

    // A time with seconds is compared to the second.
    let mut s = set(
        2,
        "2026-10-05 07:30",
        "Morning",
        "Squat (Barbell)",
        100.0,
        5,
    );
    s.workout.start = CsvTime::Local(
        chrono::NaiveDateTime::parse_from_str("2026-10-05 07:30:10", "%Y-%m-%d %H:%M:%S").unwrap(),
    );
    let rows = [row(s)];
    assert_eq!(
        import_at("2026-10-05T07:30:10.700+01:00", None, &rows),
        (0, 1, 0)
    );
    assert_eq!(
        import_at("2026-10-05T07:30:25+01:00", None, &rows),
        (1, 0, 1)
    );

    // A file of dates only: the day.
    let mut s = set(2, "2026-10-05 00:00", "", "Squat (Barbell)", 100.0, 5);
    s.workout.time_known = false;
    s.workout.name = None;
    let rows = [row(s)];
    assert_eq!(
        import_at("2026-10-05T18:07:00+01:00", None, &rows),
        (0, 1, 0)
    );
    assert_eq!(
        import_at("2026-10-06T00:00:00+01:00", None, &rows),
        (1, 0, 1)
    );
}

#[test]
fn two_workouts_of_a_file_never_share_the_sets_of_one_here() {
    let mut db = Fake::default();
    logged(
        &mut db,
        "logged",
        "2026-10-05T07:30:00+01:00",
        None,
        &[("back-squat", kg_load(100.0), 5)],
    );
    let mut rows = squats(1, 100.0, 5);
    rows.push(row(set(
        3,
        "2026-10-05 07:30",
        "Noon",
        "Squat (Barbell)",
        100.0,
        5,
    )));
    let (report, _) = strong(&mut db, &rows);
    assert_eq!(counts(&report), (1, 1, 0, 0));
    assert_eq!(report.workouts_added, 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Sets another app's file brought (under that app's ids) are here
    /// when a file of them comes from any other app.
    #[test]
    fn sets_already_here_under_other_ids_are_never_added_again(rows in files()) {
        let mut db = Fake::default();
        let (first, _) = import(&mut db, Source::Hevy, &rows);
        let (again, steps) = strong(&mut db, &rows);
        let writes: Vec<&str> = kinds(&steps)
            .into_iter()
            .filter(|k| *k != "add exercise")
            .collect();
        prop_assert_eq!(writes, Vec::<&str>::new());
        prop_assert_eq!((again.added, again.already_here), (0, first.added));
        prop_assert_eq!(again.workouts_added, 0);
    }
}
