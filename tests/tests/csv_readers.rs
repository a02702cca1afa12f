//! The CSV readers against the fixtures in tests/fixtures/csv (the counts
//! in its README table, and values in each), against the real exports in
//! ../shared/real-exports when present (the counts in its MANIFEST.tsv), and
//! against random and mutated bytes: never a panic, always an end.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use heft_core::interchange::{
    CsvError, CsvLoad, CsvReader, CsvRow, CsvSet, CsvTime, MAX_RECORD_BYTES, ReadOptions, Source,
    sniff,
};
use heft_core::model::{
    Distance, DistanceUnit, Effort, Load, SetKind, SetTarget, Weight, WeightUnit,
};
use proptest::prelude::*;

/// Everything read from one file.
#[derive(Debug, Default)]
struct Tally {
    source: Option<Source>,
    sets: Vec<CsvSet>,
    skips: Vec<(u64, String)>,
    repaired: u64,
    bytes_read: u64,
}

impl Tally {
    fn workouts(&self) -> usize {
        self.sets
            .iter()
            .map(|s| {
                (
                    s.workout.start,
                    s.workout.name.clone(),
                    s.workout.id.clone(),
                )
            })
            .collect::<HashSet<_>>()
            .len()
    }

    fn exercises(&self) -> usize {
        self.sets
            .iter()
            .map(|s| s.exercise.as_str())
            .collect::<HashSet<_>>()
            .len()
    }

    /// (workout, exercise, order) of every set; ids are derived from it,
    /// so no two sets may share one.
    fn assert_orders_unique(&self, what: &str) {
        let mut seen = HashSet::new();
        for s in &self.sets {
            let key = (
                s.workout.start,
                s.workout.name.clone(),
                s.workout.id.clone(),
                s.exercise.clone(),
                s.order,
            );
            assert!(seen.insert(key), "{what}: line {} repeats an order", s.line);
        }
    }

    fn set(&self, i: usize) -> &CsvSet {
        &self.sets[i]
    }
}

fn read_from<R: std::io::Read>(reader: R, opts: &ReadOptions) -> Result<Tally, CsvError> {
    let mut r = CsvReader::new(reader, opts)?;
    let mut t = Tally {
        source: Some(r.source()),
        ..Tally::default()
    };
    for row in r.by_ref() {
        match row? {
            CsvRow::Set(s) => t.sets.push(*s),
            CsvRow::Skip { line, reason } => t.skips.push((line, reason)),
        }
    }
    t.repaired = r.repaired();
    t.bytes_read = r.bytes_read();
    Ok(t)
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/csv")
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    fs::read(fixtures_dir().join(name)).unwrap()
}

fn read_fixture(name: &str, unit: WeightUnit) -> Tally {
    let opts = ReadOptions {
        source: None,
        default_unit: unit,
    };
    read_from(fs::File::open(fixtures_dir().join(name)).unwrap(), &opts)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn kg(v: f64) -> Weight {
    Weight::new(v, WeightUnit::Kg).unwrap()
}

fn lb(v: f64) -> Weight {
    Weight::new(v, WeightUnit::Lb).unwrap()
}

fn local(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> CsvTime {
    CsvTime::Local(
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, mi, s)
            .unwrap(),
    )
}

/// One row of the README table.
#[derive(Debug)]
struct Expected {
    file: String,
    source: Source,
    unit: WeightUnit,
    sets: usize,
    skipped: usize,
    repaired: u64,
    workouts: usize,
    exercises: usize,
}

fn readme_table() -> Vec<Expected> {
    let text = fs::read_to_string(fixtures_dir().join("README.md")).unwrap();
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            let file = cells.first()?;
            if !file.ends_with(".csv") {
                return None;
            }
            assert_eq!(cells.len(), 8, "README row: {line}");
            let n = |i: usize| cells[i].parse::<usize>().unwrap();
            Some(Expected {
                file: file.to_string(),
                source: cells[1].parse().unwrap(),
                unit: match cells[2] {
                    "kg" => WeightUnit::Kg,
                    "lb" => WeightUnit::Lb,
                    other => panic!("unit {other}"),
                },
                sets: n(3),
                skipped: n(4),
                repaired: n(5) as u64,
                workouts: n(6),
                exercises: n(7),
            })
        })
        .collect()
}

#[test]
fn every_fixture_matches_the_readme_table() {
    let table = readme_table();
    assert_eq!(table.len(), 15);
    let listed: HashSet<&str> = table.iter().map(|e| e.file.as_str()).collect();
    for entry in fs::read_dir(fixtures_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".csv") {
            assert!(listed.contains(name.as_str()), "{name} is not in README.md");
        }
    }
    for e in &table {
        let t = read_fixture(&e.file, e.unit);
        let got = (
            t.source,
            t.sets.len(),
            t.skips.len(),
            t.repaired,
            t.workouts(),
            t.exercises(),
        );
        let want = (
            Some(e.source),
            e.sets,
            e.skipped,
            e.repaired,
            e.workouts,
            e.exercises,
        );
        assert_eq!(got, want, "{}: skips {:?}", e.file, t.skips);
        // The whole file was read, and every set is on a real line.
        let len = fs::metadata(fixtures_dir().join(&e.file)).unwrap().len();
        assert_eq!(t.bytes_read, len, "{}", e.file);
        assert!(t.sets.iter().all(|s| s.line >= 2), "{}", e.file);
        t.assert_orders_unique(&e.file);
        // Sniffing the first line agrees with the reader.
        let bytes = fixture_bytes(&e.file);
        let first = String::from_utf8_lossy(&bytes);
        assert_eq!(sniff(&first), Some(e.source), "{}", e.file);
    }
}

#[test]
fn strong_plain_kinds_weights_and_rest_timers() {
    let t = read_fixture("strong_plain.csv", WeightUnit::Lb);
    let kinds: Vec<SetKind> = t.sets.iter().map(|s| s.kind).collect();
    use SetKind::*;
    assert_eq!(
        kinds,
        [
            Warmup, Working, Working, Drop, Working, Failure, Working, Working, Working
        ]
    );
    let orders: Vec<u32> = t.sets.iter().map(|s| s.order).collect();
    assert_eq!(orders, [1, 2, 3, 4, 1, 2, 1, 1, 1]);
    assert_eq!(t.set(2).load, CsvLoad::Weight(Some(lb(150.0))));
    assert_eq!(t.set(4).load, CsvLoad::Weight(None));
    assert_eq!(t.set(5).load, CsvLoad::Weight(Some(lb(0.0))));
    assert_eq!(t.set(1).note.as_deref(), Some("felt strong"));
    assert_eq!(t.set(1).workout.note.as_deref(), Some("Good session"));
    assert_eq!(t.set(0).workout.start, local(2019, 1, 4, 18, 41, 35));
    assert_eq!(t.set(0).workout.name.as_deref(), Some("Push Day"));
    assert_eq!(t.set(7).duration_ms, Some(60_000));
    assert_eq!(t.set(7).reps, Some(0));
    let run = t.set(8);
    assert_eq!(
        run.distance,
        Some(Distance::new(1.5, DistanceUnit::Mi).unwrap())
    );
    assert_eq!(run.duration_ms, Some(600_000));
    assert_eq!(run.line, 13);
    assert_eq!(run.workout.note.as_deref(), Some("two\r\nlines"));
    assert_eq!(
        t.skips,
        [
            (6, "rest timer row".to_string()),
            (10, "Reps: 'abc' is not a number".to_string()),
            (12, "rest timer row".to_string()),
        ]
    );
}

#[test]
fn strong_duration_rpe_values() {
    let t = read_fixture("strong_duration_rpe.csv", WeightUnit::Kg);
    assert_eq!(t.set(0).workout.duration_s, Some(3900));
    assert_eq!(t.set(0).effort, Some(Effort::Rpe(8.0)));
    assert_eq!(t.set(1).effort, Some(Effort::Rpe(8.5)));
    assert_eq!(t.set(2).effort, None);
    assert_eq!(t.set(2).load, CsvLoad::Weight(Some(kg(77.5))));
    assert_eq!(t.set(4).workout.duration_s, Some(3540));
    assert_eq!(t.set(5).workout.duration_s, Some(30));
    assert_eq!(t.set(5).workout.start, local(2021, 2, 14, 10, 0, 0));
    assert_eq!(
        t.set(5).distance,
        Some(Distance::new(5.2, DistanceUnit::Km).unwrap())
    );
    assert_eq!(t.set(6).workout.duration_s, Some(8280));
    assert_eq!(
        t.skips,
        [
            (7, "RPE: 'ten' is not a number".to_string()),
            (11, "Duration: 'soon' is not a duration".to_string()),
        ]
    );
}

#[test]
fn strong_semicolon_units_decimal_commas_and_bodyweight() {
    let t = read_fixture("strong_semicolon_units.csv", WeightUnit::Lb);
    assert_eq!(t.set(0).load, CsvLoad::Weight(Some(lb(90.0))));
    assert_eq!(t.set(1).load, CsvLoad::Weight(Some(kg(72.5))));
    assert_eq!(t.set(1).effort, Some(Effort::Rpe(7.5)));
    assert_eq!(t.set(2).load, CsvLoad::Weight(None));
    assert_eq!(t.set(2).reps, Some(8));
    assert_eq!(
        t.set(4).distance,
        Some(Distance::new(2.5, DistanceUnit::Km).unwrap())
    );
    assert_eq!(t.set(4).duration_ms, Some(900_000));
    assert_eq!(t.set(4).reps, None);
    assert_eq!(t.set(5).workout.note.as_deref(), Some("heavy; but fine"));
    assert_eq!(
        t.set(6).distance,
        Some(Distance::new(40.0, DistanceUnit::M).unwrap())
    );
    assert_eq!(
        t.skips,
        [(8, "Weight Unit: 'stone' is not kg or lbs".to_string())]
    );
}

#[test]
fn strong_oldest_header_units_in_names() {
    // Read with lb as the default: the header's "kg" wins.
    let t = read_fixture("strong_oldest_kg.csv", WeightUnit::Lb);
    assert_eq!(t.set(2).load, CsvLoad::Weight(Some(kg(72.5))));
    let orders: Vec<u32> = t.sets.iter().map(|s| s.order).collect();
    assert_eq!(orders, [1, 2, 3, 1, 2, 1, 1, 1]);
    assert_eq!(
        t.set(6).distance,
        Some(Distance::new(1.2, DistanceUnit::Km).unwrap())
    );
    assert_eq!(t.set(7).note.as_deref(), Some("bodyweight only"));
    assert_eq!(t.set(5).line, 9);
}

#[test]
fn strong_v6_quoted_layout() {
    let t = read_fixture("strong_v6_quoted.csv", WeightUnit::Lb);
    assert_eq!(t.set(0).workout.duration_s, Some(1267));
    assert_eq!(t.set(1).load, CsvLoad::Weight(Some(kg(45.5))));
    assert_eq!(t.set(1).effort, Some(Effort::Rpe(8.0)));
    assert_eq!(t.set(2).kind, SetKind::Warmup);
    assert_eq!(t.set(3).workout.note.as_deref(), Some("Felt \"great\""));
    assert_eq!(
        t.set(4).distance,
        Some(Distance::new(2000.0, DistanceUnit::M).unwrap())
    );
    assert_eq!(t.set(4).duration_ms, Some(480_000));
    assert_eq!(t.skips, [(5, "rest timer row".to_string())]);
}

#[test]
fn strong_translated_headers() {
    let fr = read_fixture("strong_french.csv", WeightUnit::Kg);
    assert_eq!(fr.set(0).exercise, "Développé couché (barre)");
    assert_eq!(fr.set(0).kind, SetKind::Warmup);
    assert_eq!(fr.set(2).load, CsvLoad::Weight(Some(kg(62.5))));
    assert_eq!(fr.set(2).effort, Some(Effort::Rpe(8.5)));
    assert_eq!(fr.set(0).workout.duration_s, Some(3900));
    assert_eq!(fr.set(3).note.as_deref(), Some("lestées"));
    assert_eq!(fr.set(4).workout.duration_s, Some(2700));
    assert_eq!(fr.set(4).workout.note.as_deref(), Some("bonne séance"));
    assert_eq!(fr.skips, [(5, "rest timer row".to_string())]);

    let de = read_fixture("strong_german.csv", WeightUnit::Kg);
    assert_eq!(de.set(1).load, CsvLoad::Weight(Some(kg(82.5))));
    assert_eq!(de.set(3).kind, SetKind::Drop);
    assert_eq!(de.set(4).workout.duration_s, Some(4800));
    assert_eq!(
        de.skips,
        [
            (4, "rest timer row".to_string()),
            (
                8,
                "Reihenfolge der Sätze: 'X' is not a set number or W, D, F".to_string()
            ),
        ]
    );
}

#[test]
fn strong_non_latin_names_pass_through() {
    let t = read_fixture("strong_cyrillic.csv", WeightUnit::Kg);
    let names: Vec<&str> = t.sets.iter().map(|s| s.exercise.as_str()).collect();
    assert_eq!(
        names,
        [
            "Жим лёжа (штанга)",
            "Жим лёжа (штанга)",
            "Подтягивания",
            "スクワット",
            "スクワット",
            "深蹲 (杠铃)"
        ]
    );
    assert_eq!(
        t.set(0).workout.name.as_deref(),
        Some("Утренняя тренировка")
    );
    assert_eq!(t.set(3).workout.name.as_deref(), Some("脚の日"));
    assert_eq!(t.set(5).note.as_deref(), Some("😀"));
}

#[test]
fn strong_unknown_language_is_mapped_by_position_as_a_last_resort() {
    let data = "Datum;Passnamn;Längd;Övning;Setordning;Vikt;Repetitioner;Sträcka;Sekunder;Anteckningar;Passanteckningar;RPE\n\
                2022-01-02 10:00:00;Pass A;1h;Knäböj;1;100;5;0;0;;;8\n\
                2022-01-02 10:00:00;Pass A;1h;Knäböj;2;102,5;5;0;0;;;\n\
                2022-01-02 10:00:00;Pass A;1h;Vilotimer;Vilotimer;;;;90;;;\n";
    let t = read_from(data.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(t.source, Some(Source::Strong));
    assert_eq!(t.sets.len(), 2);
    assert_eq!(t.set(0).exercise, "Knäböj");
    assert_eq!(t.set(1).load, CsvLoad::Weight(Some(kg(102.5))));
    assert_eq!(t.set(0).effort, Some(Effort::Rpe(8.0)));
    assert_eq!(t.skips, [(4, "rest timer row".to_string())]);
    // A header of that width whose first row is not Strong-shaped stays unknown.
    let other = "a;b;c;d;e;f;g;h;i;j;k;l\nx;y;z;1;2;3;4;5;6;7;8;9\n";
    assert!(matches!(
        CsvReader::new(other.as_bytes(), &ReadOptions::default()),
        Err(CsvError::UnknownFormat { .. })
    ));
}

#[test]
fn hevy_types_supersets_and_units() {
    let t = read_fixture("hevy_kg.csv", WeightUnit::Lb);
    use SetKind::*;
    let kinds: Vec<SetKind> = t.sets.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [Warmup, Working, Drop, Working, Failure, Working, Working]
    );
    assert_eq!(t.set(0).load, CsvLoad::Weight(Some(kg(40.0))));
    assert_eq!(t.set(3).load, CsvLoad::Weight(None));
    assert_eq!(t.set(3).superset.as_deref(), Some("0"));
    assert_eq!(t.set(3).note.as_deref(), Some("slow negatives"));
    assert_eq!(t.set(0).superset, None);
    assert_eq!(t.set(4).effort, Some(Effort::Rpe(9.5)));
    assert_eq!(t.set(0).workout.start, local(2024, 6, 29, 10, 39, 0));
    assert_eq!(t.set(0).workout.end, Some(local(2024, 6, 29, 12, 0, 0)));
    assert_eq!(t.set(5).workout.note.as_deref(), Some("Felt strong"));
    assert_eq!(
        t.set(6).distance,
        Some(Distance::new(1.5, DistanceUnit::Km).unwrap())
    );
    assert_eq!(t.set(6).duration_ms, Some(600_000));
    assert_eq!(t.skips, [(8, "reps: 'abc' is not a number".to_string())]);

    let t = read_fixture("hevy_lbs.csv", WeightUnit::Kg);
    assert_eq!(t.set(0).load, CsvLoad::Weight(Some(lb(195.0))));
    assert_eq!(t.set(0).workout.name.as_deref(), Some("Morning workout ☀️"));
    assert_eq!(
        t.set(4).distance,
        Some(Distance::new(3.1, DistanceUnit::Mi).unwrap())
    );
    assert_eq!(
        t.skips,
        [(
            7,
            "set_type: 'cooldown' is not normal, warmup, dropset or failure".to_string()
        )]
    );
}

#[test]
fn fitnotes_repairs_numbers_and_dates() {
    let t = read_fixture("fitnotes_new.csv", WeightUnit::Kg);
    assert_eq!(t.repaired, 2);
    assert_eq!(t.set(2).exercise, "Overhead Press (Each Side, Dumbbells)");
    assert_eq!(t.set(2).category.as_deref(), Some("Shoulders"));
    assert_eq!(t.set(3).load, CsvLoad::Weight(Some(kg(10.0))));
    let orders: Vec<u32> = t.sets.iter().map(|s| s.order).collect();
    assert_eq!(orders, [1, 2, 1, 2, 1, 1, 1, 1]);
    assert_eq!(t.set(1).note.as_deref(), Some("last set, hard"));
    assert_eq!(t.set(0).workout.start, local(2025, 4, 29, 0, 0, 0));
    assert!(!t.set(0).workout.time_known);
    assert_eq!(t.set(0).workout.name, None);
    assert_eq!(t.set(5).duration_ms, Some(930_000));
    assert_eq!(t.set(6).load, CsvLoad::Weight(Some(lb(140.0))));
    assert_eq!(t.set(7).distance, None);
    assert_eq!(t.set(7).duration_ms, Some(60_000));
    assert_eq!(
        t.skips,
        [(9, "Weight: 'heavy' is not a number".to_string())]
    );

    let t = read_fixture("fitnotes_old_lbs.csv", WeightUnit::Kg);
    assert_eq!(t.set(2).load, CsvLoad::Weight(Some(lb(135.0))));
    assert_eq!(t.set(3).duration_ms, Some(561_000));
    assert_eq!(
        t.set(3).distance,
        Some(Distance::new(1.23, DistanceUnit::Mi).unwrap())
    );
    assert_eq!(
        t.set(6).distance,
        Some(Distance::new(500.0, DistanceUnit::M).unwrap())
    );
    assert_eq!(t.skips, [(7, "Reps: '-5' is negative".to_string())]);
}

#[test]
fn stronglifts_rows_become_sets() {
    let t = read_fixture("stronglifts.csv", WeightUnit::Lb);
    let first: Vec<(u32, Option<u32>)> = t.sets.iter().take(5).map(|s| (s.order, s.reps)).collect();
    assert_eq!(
        first,
        [
            (1, Some(5)),
            (2, Some(5)),
            (3, Some(5)),
            (4, Some(5)),
            (5, Some(5))
        ]
    );
    assert_eq!(t.set(0).load, CsvLoad::Weight(Some(kg(20.0))));
    assert_eq!(t.set(14).reps, Some(3));
    assert_eq!(t.set(0).workout.body_weight, Some(kg(87.0)));
    assert_eq!(t.set(0).workout.name.as_deref(), Some("Workout A"));
    assert_eq!(t.set(0).workout.start, local(2015, 5, 25, 19, 37, 0));
    assert_eq!(t.set(0).workout.end, Some(local(2015, 5, 25, 20, 37, 0)));
    assert_eq!(t.set(0).workout.duration_s, Some(3600));
    assert_eq!(t.set(0).workout.note.as_deref(), Some("First week"));
    assert_eq!(t.set(15).workout.body_weight, Some(kg(86.5)));
    assert_eq!(t.set(15).workout.duration_s, Some(2700));
    assert_eq!(t.set(15).load, CsvLoad::Weight(Some(kg(22.5))));
    assert_eq!(t.set(18).exercise, "Deadlift");
    assert_eq!(
        t.skips,
        [(7, "Set 3 (Reps): 'x' is not a number".to_string())]
    );
}

#[test]
fn liftosaur_targets_and_completion() {
    let t = read_fixture("liftosaur.csv", WeightUnit::Kg);
    assert_eq!(t.set(0).kind, SetKind::Warmup);
    assert_eq!(t.set(0).exercise, "Squat, Barbell");
    assert_eq!(t.set(0).workout.name.as_deref(), Some("Day 1"));
    assert_eq!(
        t.set(0).workout.start,
        CsvTime::Exact(DateTime::parse_from_rfc3339("2024-01-15T10:00:00Z").unwrap())
    );
    assert_eq!(t.set(3).reps, Some(5));
    assert_eq!(t.set(3).effort, Some(Effort::Rpe(8.5)));
    assert_eq!(t.set(3).note.as_deref(), Some("AMRAP felt good"));
    assert_eq!(
        t.set(3).target,
        Some(SetTarget {
            weight: Some(lb(185.0)),
            reps: Some(3),
            rir: None
        })
    );
    assert_eq!(t.set(4).load, CsvLoad::Weight(Some(lb(90.0))));
    assert_eq!(t.set(4).target.and_then(|x| x.weight), Some(lb(95.0)));
    assert_eq!(t.set(5).load, CsvLoad::Weight(None));
    assert_eq!(t.set(6).load, CsvLoad::Weight(Some(kg(102.5))));
    assert_eq!(
        t.set(6).performed_at,
        Some(CsvTime::Exact(
            DateTime::parse_from_rfc3339("2024-01-17T10:15:00Z").unwrap()
        ))
    );
    assert_eq!(t.skips, [(6, "not completed".to_string())]);
}

#[test]
fn heft_layout_reads_back_exactly() {
    let t = read_fixture("heft_layout.csv", WeightUnit::Lb);
    let w = &t.set(0).workout;
    assert_eq!(
        w.id.as_deref(),
        Some("0190a1b2-0000-7000-8000-000000000001")
    );
    assert_eq!(w.name.as_deref(), Some("Lower A"));
    assert_eq!(w.note.as_deref(), Some("=not a formula"));
    assert_eq!(w.duration_s, Some(3900));
    assert_eq!(
        w.end,
        Some(CsvTime::Exact(
            DateTime::parse_from_rfc3339("2026-11-24T19:35:00+01:00").unwrap()
        ))
    );
    assert_eq!(t.set(0).kind, SetKind::Warmup);
    assert_eq!(
        t.set(0).id.as_deref(),
        Some("0190a1b2-0000-7000-8000-000000000011")
    );
    assert_eq!(t.set(0).exercise_id.as_deref(), Some("back-squat"));
    assert_eq!(
        t.set(1).load,
        CsvLoad::Exact(Load::Weight { weight: kg(102.5) })
    );
    assert_eq!(t.set(1).effort, Some(Effort::Rir(2.0)));
    assert_eq!(t.set(1).pain, Some(0));
    assert_eq!(
        t.set(1).target,
        Some(SetTarget {
            weight: Some(kg(100.0)),
            reps: Some(5),
            rir: Some(2.0)
        })
    );
    assert_eq!(
        t.set(2).load,
        CsvLoad::Exact(Load::Bodyweight {
            added: Some(kg(-20.0))
        })
    );
    assert_eq!(t.set(2).effort, Some(Effort::Rpe(8.0)));
    assert_eq!(
        t.set(3).load,
        CsvLoad::Exact(Load::Bodyweight { added: None })
    );
    assert_eq!(t.set(3).kind, SetKind::Drop);
    assert_eq!(t.set(3).note.as_deref(), Some("-felt easy"));
    assert_eq!(t.set(4).load, CsvLoad::Exact(Load::None));
    assert_eq!(t.set(4).duration_ms, Some(45_500));
    assert_eq!(t.set(5).landings, Some(10));
    assert_eq!(t.set(5).drop_height_cm, Some(40.0));
    assert_eq!(t.set(5).pain, Some(2));
    assert_eq!(t.set(5).note.as_deref(), Some("knee, left"));
    let run = t.set(6);
    assert_eq!(run.workout.name.as_deref(), Some("+Run"));
    assert_eq!(run.order, 1);
    assert_eq!(
        run.distance,
        Some(Distance::new(5.0, DistanceUnit::Km).unwrap())
    );
    assert_eq!(run.duration_ms, Some(1_800_000));
    assert_eq!(
        run.performed_at,
        Some(CsvTime::Exact(
            DateTime::parse_from_rfc3339("2026-11-26T07:30:00-05:00").unwrap()
        ))
    );
    assert_eq!(t.skips, [(8, "position: 'x' is not a number".to_string())]);
}

#[test]
fn explicit_source_must_fit_the_header() {
    let bytes = fixture_bytes("hevy_kg.csv");
    let opts = ReadOptions {
        source: Some(Source::FitNotes),
        default_unit: WeightUnit::Kg,
    };
    assert_eq!(
        CsvReader::new(&bytes[..], &opts).unwrap_err(),
        CsvError::MissingColumn {
            layout: "FitNotes",
            column: "Date".to_string()
        }
    );
    let opts = ReadOptions {
        source: Some(Source::Hevy),
        default_unit: WeightUnit::Kg,
    };
    let t = read_from(&bytes[..], &opts).unwrap();
    assert_eq!(t.sets.len(), 7);
}

#[test]
fn an_oversized_record_stops_with_its_line() {
    let mut data = fixture_bytes("strong_plain.csv");
    data.extend_from_slice(b"2019-01-07 10:00:00,\"Big\",\"");
    data.extend(std::iter::repeat_n(b'a', MAX_RECORD_BYTES as usize + 10));
    data.extend_from_slice(b"\",1,1,1,0,0,,\r\n");
    let mut r = CsvReader::new(&data[..], &ReadOptions::default()).unwrap();
    let rows: Vec<_> = r.by_ref().collect();
    assert_eq!(rows.len(), 13);
    assert_eq!(
        rows.last(),
        Some(&Err(CsvError::TooLarge {
            line: 15,
            what: "a record",
            limit: MAX_RECORD_BYTES
        }))
    );
    assert!(rows.iter().take(12).all(Result::is_ok));
    assert!(r.next().is_none());
}

// ---------------------------------------------------------------------------
// Real exports

fn real_exports_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("HEFT_REAL_EXPORTS").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/real-exports")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.join("MANIFEST.tsv").is_file())
}

#[test]
fn real_exports_match_their_manifest() {
    let Some(dir) = real_exports_dir() else {
        eprintln!("real exports not found (set HEFT_REAL_EXPORTS): skipped");
        return;
    };
    let manifest = fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (c_format, c_file, c_rows) = (col("format"), col("file"), col("data_rows"));
    let (c_workouts, c_exercises) = (col("distinct_workouts"), col("distinct_exercises"));
    let (c_sets, c_notes) = (col("set_rows_excluding_rest_timer"), col("notes"));
    let mut checked = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let n = |i: usize| cells[i].parse::<usize>().unwrap();
        let file = cells[c_file];
        let source: Source = cells[c_format].parse().unwrap();
        let notes = cells[c_notes];
        // "unquoted comma in Exercise name on 99 rows" -> 99 repaired.
        let repaired = notes
            .split("unquoted comma in Exercise name on ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .map_or(0, |n| n.parse::<u64>().unwrap());
        let t = read_from(
            fs::File::open(dir.join(file)).unwrap(),
            &ReadOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(t.source, Some(source), "{file}");
        assert_eq!(
            t.sets.len(),
            n(c_sets),
            "{file}: sets; skips {:?}",
            &t.skips.get(..5)
        );
        assert_eq!(
            t.skips.len(),
            n(c_rows) - n(c_sets),
            "{file}: skips {:?}",
            &t.skips.get(..5)
        );
        assert!(t.skips.iter().all(|(_, r)| r == "rest timer row"), "{file}");
        assert_eq!(t.workouts(), n(c_workouts), "{file}: workouts");
        assert_eq!(t.exercises(), n(c_exercises), "{file}: exercises");
        assert_eq!(t.repaired, repaired, "{file}: repaired");
        t.assert_orders_unique(file);
        if file.contains("bilallb") {
            assert_eq!(t.repaired, 99);
        }
        eprintln!(
            "{file}: {} sets, {} workouts, {} exercises, {} repaired",
            t.sets.len(),
            t.workouts(),
            t.exercises(),
            t.repaired
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} files in the manifest");
}

// ---------------------------------------------------------------------------
// Garbage in: never a panic, always an end

const FIXTURES: [(&str, Source); 15] = [
    ("strong_plain.csv", Source::Strong),
    ("strong_duration_rpe.csv", Source::Strong),
    ("strong_semicolon_units.csv", Source::Strong),
    ("strong_oldest_kg.csv", Source::Strong),
    ("strong_v6_quoted.csv", Source::Strong),
    ("strong_french.csv", Source::Strong),
    ("strong_german.csv", Source::Strong),
    ("strong_cyrillic.csv", Source::Strong),
    ("hevy_kg.csv", Source::Hevy),
    ("hevy_lbs.csv", Source::Hevy),
    ("fitnotes_new.csv", Source::FitNotes),
    ("fitnotes_old_lbs.csv", Source::FitNotes),
    ("stronglifts.csv", Source::StrongLifts),
    ("liftosaur.csv", Source::Liftosaur),
    ("heft_layout.csv", Source::Heft),
];

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(prop::sample::Index),
    Flip(prop::sample::Index, u8),
    Insert(prop::sample::Index, u8),
    Delete(prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let special = prop::sample::select(vec![
        b',', b';', b'\t', b'"', b'\n', b'\r', b'\'', 0xFF, 0xE2, 0x00, b'x', b'9',
    ]);
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<prop::sample::Index>(), special).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<prop::sample::Index>().prop_map(Mutation::Delete),
    ]
}

fn mutate(mut bytes: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        if bytes.is_empty() {
            break;
        }
        match m {
            Mutation::Truncate(i) => bytes.truncate(i.index(bytes.len())),
            Mutation::Flip(i, b) => {
                let at = i.index(bytes.len());
                bytes[at] ^= b | 1;
            }
            Mutation::Insert(i, b) => {
                let at = i.index(bytes.len() + 1);
                bytes.insert(at, *b);
            }
            Mutation::Delete(i) => {
                let at = i.index(bytes.len());
                bytes.remove(at);
            }
        }
    }
    bytes
}

/// Reads everything, as a source and sniffed; the row count is bounded by
/// the input (a set cannot come from nothing), so a reader that loops would
/// fail here rather than hang forever unnoticed.
fn drain(bytes: &[u8], source: Source) {
    for opts in [
        ReadOptions {
            source: Some(source),
            default_unit: WeightUnit::Kg,
        },
        ReadOptions::default(),
    ] {
        if let Ok(reader) = CsvReader::new(bytes, &opts) {
            let mut rows = 0usize;
            for row in reader {
                rows += 1;
                assert!(rows <= 100 * (bytes.len() + 1), "endless rows");
                if let Ok(CsvRow::Skip { reason, .. }) = &row {
                    assert!(!reason.is_empty());
                }
            }
        }
    }
}

fn fixtures_of(source: Source) -> Vec<Vec<u8>> {
    FIXTURES
        .iter()
        .filter(|(_, s)| *s == source)
        .map(|(f, _)| fixture_bytes(f))
        .collect()
}

fn header_of(source: Source) -> Vec<u8> {
    let bytes = fixtures_of(source).swap_remove(0);
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len());
    bytes[..=end.min(bytes.len() - 1)].to_vec()
}

fn check_source(source: Source, pick: prop::sample::Index, muts: &[Mutation], tail: &[u8]) {
    let all = fixtures_of(source);
    let base = all[pick.index(all.len())].clone();
    drain(&mutate(base, muts), source);
    let mut random = header_of(source);
    random.extend_from_slice(tail);
    drain(&random, source);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn strong_survives_garbage(
        pick in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 0..8),
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        check_source(Source::Strong, pick, &muts, &tail);
    }

    #[test]
    fn hevy_survives_garbage(
        pick in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 0..8),
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        check_source(Source::Hevy, pick, &muts, &tail);
    }

    #[test]
    fn fitnotes_survives_garbage(
        pick in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 0..8),
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        check_source(Source::FitNotes, pick, &muts, &tail);
    }

    #[test]
    fn stronglifts_survives_garbage(
        pick in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 0..8),
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        check_source(Source::StrongLifts, pick, &muts, &tail);
    }

    #[test]
    fn liftosaur_survives_garbage(
        pick in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 0..8),
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        check_source(Source::Liftosaur, pick, &muts, &tail);
    }

    #[test]
    fn heft_layout_survives_garbage(
        pick in any::<prop::sample::Index>(),
        muts in prop::collection::vec(mutation(), 0..8),
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        check_source(Source::Heft, pick, &muts, &tail);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for source in [None, Some(Source::Strong), Some(Source::FitNotes), Some(Source::StrongLifts)] {
            let opts = ReadOptions { source, default_unit: WeightUnit::Kg };
            if let Ok(reader) = CsvReader::new(&bytes[..], &opts) {
                let n = reader.count();
                prop_assert!(n <= 100 * (bytes.len() + 1));
            }
        }
        let _ = sniff(&String::from_utf8_lossy(&bytes));
    }
}
