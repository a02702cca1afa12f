//! Every released schema version opens, upgrades and keeps its data.
//!
//! Each fixture in `tests/fixtures/db` is a frozen database written by the
//! build that introduced its schema version (see the README there). Opening
//! a copy with this build must upgrade it to the current version, end with
//! exactly the schema of a fresh database, and read back every row.

// Helpers here unwrap: in a test, a panic is a failed test with its reason.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use heft_core::grammar::SetSpec;
use heft_core::model::{BoneStatus, Equipment, Sex, WeightUnit};
use heft_core::store::SCHEMA_VERSION;
use heft_core::{Heft, HistoryQuery};
use rusqlite::Connection;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/db")
}

/// Copies a fixture into a temporary directory so the original stays frozen.
fn copy_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(fixture_dir().join(name), &path).unwrap();
    (dir, path)
}

fn schema(path: &Path) -> Vec<(String, String, Option<String>)> {
    let c = Connection::open(path).unwrap();
    let mut st = c
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn user_version(path: &Path) -> u32 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn there_is_a_fixture_for_every_released_version() {
    for v in 1..=SCHEMA_VERSION {
        let name = format!("v{v}.db");
        assert!(
            fixture_dir().join(&name).exists(),
            "missing fixture {name}: add one written by the build of schema {v}"
        );
        let (_dir, path) = copy_fixture(&name);
        assert_eq!(
            user_version(&path),
            v,
            "{name} must be frozen at its own version"
        );
    }
}

#[test]
fn every_fixture_upgrades_to_the_schema_of_a_fresh_database() {
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = fresh_dir.path().join("fresh.db");
    drop(Heft::open(&fresh).unwrap());
    for v in 1..=SCHEMA_VERSION {
        let (_dir, path) = copy_fixture(&format!("v{v}.db"));
        let heft = Heft::open(&path).unwrap();
        heft.integrity_check().unwrap();
        drop(heft);
        assert_eq!(user_version(&path), SCHEMA_VERSION);
        assert_eq!(
            schema(&path),
            schema(&fresh),
            "v{v} upgraded differs from a fresh database"
        );
    }
}

/// v1.db, v2.db and v3.db hold the same log (see fixtures/db/README.md).
#[test]
fn v1_data_reads_back_after_upgrade() {
    fixture_data_reads_back("v1.db");
}

#[test]
fn v2_data_reads_back() {
    fixture_data_reads_back("v2.db");
}

#[test]
fn v3_data_reads_back_with_its_program_run_and_targets() {
    fixture_data_reads_back("v3.db");
    let (_dir, path) = copy_fixture("v3.db");
    let heft = Heft::open(&path).unwrap();
    let p = heft.profile().unwrap();
    assert!(p.micro_plates);
    assert_eq!(p.running_min_week, Some(90));
    assert_eq!(
        p.equipment,
        Some(vec![Equipment::Barbell, Equipment::Dumbbell])
    );
    assert_eq!(heft.program("fixture-squat").unwrap().name, "Fixture squat");
    let status = heft
        .program_status(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    assert_eq!(status.run.program_id, "fixture-squat");
    assert_eq!(status.run.state.sessions_done, 1);
    let history = heft.history(&HistoryQuery::default()).unwrap();
    let targets: Vec<_> = history[1]
        .sets
        .iter()
        .filter_map(|s| {
            s.target
                .map(|t| (s.input.exercise_id.clone(), t.reps, t.rir))
        })
        .collect();
    assert_eq!(
        targets,
        vec![("back-squat".to_owned(), Some(5), Some(2.0)); 3]
    );
}

#[test]
fn v4_data_reads_back_with_its_import_and_reimports_nothing() {
    fixture_data_reads_back("v4.db");
    let (_dir, path) = copy_fixture("v4.db");
    let heft = Heft::open(&path).unwrap();
    let history = heft.history(&HistoryQuery::default()).unwrap();
    let morning = history
        .iter()
        .find(|w| w.workout.name.as_deref() == Some("Morning"))
        .unwrap();
    assert_eq!(morning.duration_s_total, Some(45 * 60));
    let sets: Vec<String> = morning
        .sets
        .iter()
        .map(|s| format!("{} {:?}", s.exercise_name, s.input.reps))
        .collect();
    assert_eq!(
        sets,
        [
            "Back Squat Some(5)",
            "Back Squat Some(5)",
            "Deadlift Some(5)"
        ]
    );
    // The same file imported again finds its digests: nothing changes.
    let csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
2026-10-05 07:30:00,Morning,45m,Squat (Barbell),W,135,5,0,0,,,\n\
2026-10-05 07:30:00,Morning,45m,Squat (Barbell),1,185,5,0,0,,,8\n\
2026-10-05 07:30:00,Morning,45m,Deadlift (Barbell),1,225,5,0,0,strong,,\n";
    let before = heft.content_hash().unwrap();
    let report = heft
        .import_csv_from(
            Box::new(csv.as_bytes()),
            csv.len() as u64,
            &heft_core::CsvImportOptions {
                unit: Some(WeightUnit::Lb),
                ..Default::default()
            },
            &heft_core::progress::NoProgress,
        )
        .unwrap();
    assert_eq!((report.added, report.updated, report.unchanged), (0, 0, 3));
    assert_eq!(heft.content_hash().unwrap(), before);
}

fn fixture_data_reads_back(name: &str) {
    let (_dir, path) = copy_fixture(name);
    let heft = Heft::open(&path).unwrap();

    let p = heft.profile().unwrap();
    assert_eq!(
        (p.unit, p.birth_year, p.sex, p.bone_status),
        (
            WeightUnit::Lb,
            Some(1960),
            Some(Sex::Female),
            Some(BoneStatus::Osteopenia)
        )
    );

    let custom = heft.find_exercise("bag to shoulder").unwrap();
    assert_eq!(custom.name, "Sandbag Shouldering");
    assert!(!custom.builtin && custom.axial);

    let mut history = heft.history(&HistoryQuery::default()).unwrap();
    // v4.db adds an older imported workout, checked by its own test.
    history.retain(|w| w.workout.name.as_deref() != Some("Morning") || name != "v4.db");
    let written: Vec<Vec<String>> = history
        .iter()
        .map(|w| {
            w.sets
                .iter()
                .map(|s| SetSpec::from_input(&s.input).to_string())
                .collect()
        })
        .collect();
    assert_eq!(
        written,
        vec![
            vec![
                "40kgx50m",
                "40kgx50m",
                "5km/25min",
                "5r",
                "5r",
                "5r",
                "f:60kgx8"
            ],
            vec![
                "w:95lbx5",
                "185lbx5@2",
                "185lbx5@2",
                "185lbx5@2",
                "100kgx5@rpe8.5",
                "bw-20kgx6",
                "60s"
            ],
        ]
    );
    let evening = &history[1];
    assert_eq!(
        evening.workout.started_at.0.to_rfc3339(),
        "2026-11-20T18:00:00+01:00"
    );
    assert_eq!(evening.workout.duration(), Some(50 * 60));
    let plank = evening.sets.last().unwrap();
    assert_eq!(
        (plank.input.pain, plank.input.note.as_deref()),
        (Some(4), Some("felt it in the shoulder"))
    );
    let jump = &history[0].sets[3];
    assert_eq!(
        jump.input.impact.map(|i| (i.landings, i.drop_height_cm)),
        Some((5, Some(30.0)))
    );

    // The deleted pull-up stays a tombstone, and the log can go on.
    let tombstones: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM set_entry WHERE deleted = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tombstones, 1);
    heft.undo().expect("the fixture's undo journal is readable");
}

#[test]
fn a_failing_upgrade_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clash.db");
    {
        // A version-0 file with a table in the way of migration 1.
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE exercise (x); INSERT INTO exercise VALUES (42);")
            .unwrap();
    }
    assert!(Heft::open(&path).is_err());
    let c = Connection::open(&path).unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(tables, ["exercise"], "migration 1 was rolled back entirely");
    assert_eq!(user_version(&path), 0);
    let kept: i64 = c
        .query_row("SELECT x FROM exercise", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 42);
}
