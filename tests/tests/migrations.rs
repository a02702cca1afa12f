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
    // Schema 5 moved the four digests into their rows, as they were.
    assert_eq!(digest_types(&path), ["set_entry text 3", "workout text 1"]);
    // The same file imported again finds its digests: nothing changes, not
    // even a set edited here since.
    let deadlift = &morning.sets[2];
    let mut edited = deadlift.input.clone();
    edited.reps = Some(6);
    heft.edit_set(&deadlift.id, edited).unwrap();
    let before = heft.content_hash().unwrap();
    let report = import_lb(&heft, MORNING_CSV);
    assert_eq!((report.added, report.updated, report.unchanged), (0, 0, 3));
    assert_eq!(heft.content_hash().unwrap(), before);
    assert_eq!(heft.set(&deadlift.id).unwrap().input.reps, Some(6));
    // Recognised by their schema-4 digests, which are now replaced.
    assert_eq!(digest_types(&path), ["set_entry blob 3", "workout blob 1"]);
}

#[test]
fn v5_data_reads_back_and_both_imports_keep_edits() {
    fixture_data_reads_back("v5.db");
    let (_dir, path) = copy_fixture("v5.db");
    // The import of v4.db with its schema-4 digests, and one by schema 5.
    assert_eq!(
        digest_types(&path),
        [
            "set_entry blob 3",
            "set_entry text 3",
            "workout blob 1",
            "workout text 1"
        ]
    );
    let heft = Heft::open(&path).unwrap();
    let history = heft.history(&HistoryQuery::default()).unwrap();
    let push = history
        .iter()
        .find(|w| w.workout.name.as_deref() == Some("Push"))
        .unwrap();
    assert_eq!(push.duration_s_total, Some(50 * 60));
    let sets: Vec<String> = push
        .sets
        .iter()
        .map(|s| SetSpec::from_input(&s.input).to_string())
        .collect();
    assert_eq!(sets, ["w:95lbx8", "155lbx5@rpe7.5", "bwx8"]);
    assert_eq!(push.sets[2].input.note.as_deref(), Some("felt good"));
    let morning = history
        .iter()
        .find(|w| w.workout.name.as_deref() == Some("Morning"))
        .unwrap();
    for set in [&push.sets[1], &morning.sets[1]] {
        let mut edited = set.input.clone();
        edited.reps = Some(7);
        heft.edit_set(&set.id, edited).unwrap();
    }
    let before = heft.content_hash().unwrap();
    for csv in [MORNING_CSV, PUSH_CSV] {
        let report = import_lb(&heft, csv);
        assert_eq!((report.added, report.updated, report.unchanged), (0, 0, 3));
    }
    assert_eq!(heft.content_hash().unwrap(), before);
    assert_eq!(heft.set(&push.sets[1].id).unwrap().input.reps, Some(7));
    assert_eq!(heft.set(&morning.sets[1].id).unwrap().input.reps, Some(7));
}

/// The Strong file v4.db imported (see fixtures/db/README.md).
const MORNING_CSV: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
2026-10-05 07:30:00,Morning,45m,Squat (Barbell),W,135,5,0,0,,,\n\
2026-10-05 07:30:00,Morning,45m,Squat (Barbell),1,185,5,0,0,,,8\n\
2026-10-05 07:30:00,Morning,45m,Deadlift (Barbell),1,225,5,0,0,strong,,\n";

/// The Strong file v5.db imported.
const PUSH_CSV: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
2026-10-12 18:00:00,Push,50m,Bench Press (Barbell),W,95,8,0,0,,,\n\
2026-10-12 18:00:00,Push,50m,Bench Press (Barbell),1,155,5,0,0,,,7.5\n\
2026-10-12 18:00:00,Push,50m,Pull Up,1,0,8,0,0,felt good,,\n";

fn import_lb(heft: &Heft, csv: &str) -> heft_core::CsvImportReport {
    heft.import_csv_from(
        Box::new(csv.as_bytes()),
        csv.len() as u64,
        &heft_core::CsvImportOptions {
            unit: Some(WeightUnit::Lb),
            ..Default::default()
        },
        &heft_core::progress::NoProgress,
    )
    .unwrap()
}

/// How many rows of each table carry an import digest of each SQLite type.
fn digest_types(path: &Path) -> Vec<String> {
    Connection::open(path)
        .unwrap()
        .prepare(
            "SELECT 'set_entry', typeof(import_digest), count(*) FROM set_entry
                 WHERE import_digest IS NOT NULL GROUP BY 2
             UNION ALL
             SELECT 'workout', typeof(import_digest), count(*) FROM workout
                 WHERE import_digest IS NOT NULL GROUP BY 2
             ORDER BY 1, 2",
        )
        .unwrap()
        .query_map([], |r| {
            Ok(format!(
                "{} {} {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
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
    // v4.db and v5.db add imported workouts, v6.db one of 2026-11-25,
    // checked by their own tests.
    history.retain(|w| !matches!(w.workout.name.as_deref(), Some("Morning" | "Push")));
    history.retain(|w| {
        w.workout.started_at.local_date() != NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    });
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

/// The sets v6.db adds to v5.db (see fixtures/db/README.md): what a set was
/// for, where its effort came from, and a band.
fn v6_sets() -> Vec<heft_core::model::SetInput> {
    use heft_core::model::{Effort, EffortSource, Load, SetInput, SetKind, SetRole, Weight};
    let lb = |v: f64| Load::Weight {
        weight: Weight::new(v, WeightUnit::Lb).unwrap(),
    };
    vec![
        SetInput {
            kind: SetKind::Warmup,
            load: lb(45.0),
            reps: Some(5),
            role: Some(SetRole::Warmup),
            ..SetInput::new("deadlift")
        },
        SetInput {
            load: lb(65.0),
            reps: Some(5),
            role: Some(SetRole::Technique),
            ..SetInput::new("deadlift")
        },
        SetInput {
            load: lb(135.0),
            reps: Some(5),
            effort: Some(Effort::Rir(2.5)),
            effort_source: Some(EffortSource::Prescribed),
            role: Some(SetRole::Working),
            ..SetInput::new("back-squat")
        },
        SetInput {
            load: Load::None,
            reps: Some(15),
            effort: Some(Effort::Rpe(8.0)),
            effort_source: Some(EffortSource::Logged),
            band: Some("red".into()),
            ..SetInput::new("band-row")
        },
    ]
}

/// Writes tests/fixtures/db/v6.db from v5.db with the schema-6 build. Run
/// once, by hand, when schema 6 was released:
/// `HEFT_WRITE_FIXTURE=v6 cargo test -p heft-tests --test migrations write_v6_fixture -- --ignored`.
#[test]
#[ignore = "writes a frozen fixture; run by hand only"]
fn write_v6_fixture() {
    if std::env::var("HEFT_WRITE_FIXTURE").as_deref() != Ok("v6") {
        return;
    }
    use heft_core::clock::ManualClock;
    let target = fixture_dir().join("v6.db");
    assert!(!target.exists(), "v6.db is frozen; never rewrite it");
    let (_dir, path) = copy_fixture("v5.db");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T09:00:00+01:00").unwrap();
    {
        let heft = Heft::open_with_clock(&path, std::sync::Arc::new(ManualClock::new(at))).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        heft.log_sets(&v6_sets(), heft_core::LogTime::OnDate(day))
            .unwrap();
    }
    let c = Connection::open(&path).unwrap();
    c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    c.execute_batch("VACUUM").unwrap();
    drop(c);
    std::fs::copy(&path, &target).unwrap();
}

#[test]
fn v6_data_reads_back_with_roles_effort_sources_and_bands() {
    fixture_data_reads_back("v6.db");
    let (_dir, path) = copy_fixture("v6.db");
    let heft = Heft::open(&path).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let history = heft
        .history(&HistoryQuery {
            since: Some(day),
            until: Some(day),
            ..HistoryQuery::default()
        })
        .unwrap();
    assert_eq!(history.len(), 1, "{history:?}");
    let read: Vec<_> = history[0].sets.iter().map(|s| s.input.clone()).collect();
    assert_eq!(read, v6_sets());
    // Technique practice and the warm-up are not strength evidence: the
    // deadlift has no e1RM from them.
    let series = heft.e1rm_series("deadlift").unwrap();
    assert!(series.points.iter().all(|p| p.date != day), "{series:?}");
}

/// Writes tests/fixtures/db/v7.db from v6.db with the schema-7 build, which
/// builds the derived rows while it upgrades. Run once, by hand, when
/// schema 7 was released:
/// `HEFT_WRITE_FIXTURE=v7 cargo test -p heft-tests --test migrations write_v7_fixture -- --ignored`.
#[test]
#[ignore = "writes a frozen fixture; run by hand only"]
fn write_v7_fixture() {
    if std::env::var("HEFT_WRITE_FIXTURE").as_deref() != Ok("v7") {
        return;
    }
    let target = fixture_dir().join("v7.db");
    assert!(!target.exists(), "v7.db is frozen; never rewrite it");
    let (_dir, path) = copy_fixture("v6.db");
    drop(Heft::open(&path).unwrap());
    let c = Connection::open(&path).unwrap();
    c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    c.execute_batch("VACUUM").unwrap();
    drop(c);
    std::fs::copy(&path, &target).unwrap();
}

/// The derived rows of `path`, as (table, rows), and how many workouts are
/// named stale.
fn derived_counts(path: &Path) -> (i64, i64, i64) {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT (SELECT count(*) FROM exercise_session), (SELECT count(*) FROM e1rm_point), \
             (SELECT count(*) FROM derived_stale)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

#[test]
fn upgrading_to_v7_builds_the_derived_rows_of_every_workout() {
    let (_dir, path) = copy_fixture("v6.db");
    drop(Heft::open(&path).unwrap());
    let upgraded = derived_counts(&path);
    // Every workout with live sets has its rows; none is left stale.
    assert!(upgraded.0 >= 8 && upgraded.1 >= 2, "{upgraded:?}");
    assert_eq!(upgraded.2, 0);
    // The frozen v7 fixture, written by the upgrade, holds the same rows.
    let (_dir7, v7) = copy_fixture("v7.db");
    assert_eq!(derived_counts(&v7), upgraded);
    assert_eq!(derived_rows(&v7), derived_rows(&path));
}

/// Every derived row of `path`, each as its quoted values, in key order.
fn derived_rows(path: &Path) -> Vec<String> {
    let c = Connection::open(path).unwrap();
    let mut out = Vec::new();
    for (table, key) in [
        ("exercise_session", "exercise_id, workout_id"),
        ("e1rm_point", "exercise_id, formula, workout_id"),
    ] {
        let columns: Vec<String> = c
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let quoted: Vec<String> = columns.iter().map(|c| format!("quote({c})")).collect();
        let sql = format!(
            "SELECT '{table}' || ' ' || {} FROM {table} ORDER BY {key}",
            quoted.join(" || ' ' || ")
        );
        let rows: Vec<String> = c
            .prepare(&sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        out.extend(rows);
    }
    out
}

#[test]
fn rows_of_older_rules_are_recomputed_at_open() {
    let (_dir, path) = copy_fixture("v7.db");
    let before = derived_rows(&path);
    assert!(!before.is_empty());
    {
        // Rows a build with other rules left: wrong values, another version.
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "UPDATE exercise_session SET work_sets = work_sets + 7;
             DELETE FROM e1rm_point;
             UPDATE meta SET value = '0' WHERE key = 'derived_rules';",
        )
        .unwrap();
    }
    drop(Heft::open(&path).unwrap());
    assert_eq!(derived_rows(&path), before);
}

#[test]
fn v7_data_reads_back_with_its_progress() {
    fixture_data_reads_back("v7.db");
    let (_dir, path) = copy_fixture("v7.db");
    let heft = Heft::open(&path).unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let screen = heft
        .progress_screen(day, heft_core::text::Language::En)
        .unwrap();
    // The records the screen finds in the derived rows are those every set gives.
    let records = heft.records_on(day).unwrap();
    assert!(!screen.lifts.is_empty());
    for lift in &screen.lifts {
        let best = records
            .iter()
            .find(|r| {
                r.exercise_id == lift.exercise_id
                    && r.kind == heft_core::analytics::RecordKind::BestE1rm
            })
            .unwrap();
        let shown = lift
            .records
            .iter()
            .find(|r| r.label == "Best e1RM")
            .unwrap();
        assert_eq!(shown.value, format!("{:.1} lb", best.value / 0.453_592_37));
    }
}
