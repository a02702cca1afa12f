//! End-to-end tests of the `heft` binary: what a person types, what they see.

// Helpers here unwrap: in a test, a panic is a failed test with its reason.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("heft.db");
    Db { _dir: dir, path }
}

fn heft(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heft"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("HEFT_DB")
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = heft(db, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(db, &all)).unwrap()
}

/// Exit code and stderr of a command that must fail.
fn fails(db: &Path, args: &[&str]) -> (i32, String) {
    let out = heft(db, args);
    assert!(!out.status.success(), "{args:?} should fail");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn log_then_history_shows_every_set_in_notation() {
    let db = db();
    let out = ok(&db.path, &["log", "back", "squat", "w:60x5", "3x100x5@2"]);
    assert!(out.contains("Saved 4 sets."), "{out}");
    ok(
        &db.path,
        &[
            "log", "Pull-Up", "bw+10x5", "--note", "strict", "--pain", "2",
        ],
    );
    ok(&db.path, &["log", "Bench Press (Barbell)", "62,5x8@rpe8.5"]);
    let history = ok(&db.path, &["history"]);
    for expected in [
        "Back Squat",
        "w:60kgx5",
        "100kgx5@2",
        "bw+10kgx5",
        "strict",
        "pain 2/10",
        "62.5kgx8@rpe8.5",
    ] {
        assert!(
            history.contains(expected),
            "missing {expected} in\n{history}"
        );
    }
}

#[test]
fn json_history_has_the_documented_shape() {
    let db = db();
    ok(
        &db.path,
        &["--at", "2026-11-20 18:00", "log", "deadlift", "2x120x5@1"],
    );
    let h = json(&db.path, &["history"]);
    let workout = &h[0];
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(workout),
        [
            "duration_s",
            "duration_s_total",
            "finished_at",
            "id",
            "name",
            "note",
            "sets",
            "started_at",
            "title"
        ]
    );
    let set = &workout["sets"][0];
    assert_eq!(
        keys(set),
        [
            "band",
            "distance",
            "duration_ms",
            "effort",
            "effort_source",
            "exercise_id",
            "exercise_name",
            "id",
            "impact",
            "kind",
            "load",
            "note",
            "pain",
            "performed_at",
            "position",
            "reps",
            "role",
            "target",
            "workout_id"
        ]
    );
    assert_eq!(set["exercise_id"], "deadlift");
    // Typed freely, with no program: the effort is the person's, no role.
    assert_eq!(set["effort_source"], "logged");
    assert_eq!(set["role"], Value::Null);
    assert_eq!(set["band"], Value::Null);
    assert_eq!(
        set["load"],
        serde_json::json!({"type": "weight", "weight": {"value": 120.0, "unit": "kg"}})
    );
    assert_eq!(
        set["effort"],
        serde_json::json!({"scale": "rir", "value": 1.0})
    );
    assert_eq!(set["kind"], "working");
    assert!(
        workout["started_at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-20T18:00:00")
    );
}

#[test]
fn the_profile_unit_applies_to_weights_without_one() {
    let db = db();
    ok(&db.path, &["init", "--unit", "lb"]);
    let logged = json(&db.path, &["log", "squat", "225x5", "100kgx3"]);
    assert_eq!(logged["sets"][0]["load"]["weight"]["unit"], "lb");
    assert_eq!(logged["sets"][1]["load"]["weight"]["unit"], "kg");
    assert_eq!(json(&db.path, &["profile"])["unit"], "lb");
}

#[test]
fn delete_by_short_id_then_undo_brings_it_back() {
    let db = db();
    let logged = json(&db.path, &["log", "squat", "100x5"]);
    let id = logged["sets"][0]["id"].as_str().unwrap().to_string();
    let short = &id[id.len() - 8..];
    assert!(ok(&db.path, &["delete", short]).contains("Deleted Back Squat 100kgx5"));
    assert!(
        json(&db.path, &["history"])[0]["sets"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(ok(&db.path, &["undo"]).contains("deleted a set of Back Squat"));
    assert_eq!(
        json(&db.path, &["history"])[0]["sets"][0]["id"],
        id.as_str()
    );
}

#[test]
fn edit_keeps_what_the_new_notation_does_not_say() {
    let db = db();
    let logged = json(&db.path, &["log", "squat", "100x5", "--note", "belt"]);
    let id = logged["sets"][0]["id"].as_str().unwrap().to_string();
    let edited = json(&db.path, &["edit", &id, "102.5x4@1"]);
    assert_eq!(edited["reps"], 4);
    assert_eq!(edited["load"]["weight"]["value"], 102.5);
    assert_eq!(edited["note"], "belt");
}

#[test]
fn finish_records_the_given_duration() {
    let db = db();
    ok(&db.path, &["start", "Heavy", "day"]);
    ok(&db.path, &["log", "ohp", "5x40x5"]);
    let done = json(&db.path, &["finish", "--duration", "35m"]);
    assert_eq!(done["duration_s_total"], 35 * 60);
    assert_eq!(done["title"], "Heavy day");
    let (code, err) = fails(&db.path, &["finish"]);
    assert_eq!(code, 2);
    assert!(err.contains("error: no workout is open"), "{err}");
}

#[test]
fn exercises_search_and_add() {
    let db = db();
    let out = ok(&db.path, &["exercises", "deadlift"]);
    assert!(out.lines().nth(1).unwrap().contains("Deadlift"), "{out}");
    let added = json(
        &db.path,
        &[
            "exercises",
            "add",
            "Sandbag",
            "Carry",
            "--pattern",
            "carry",
            "--measure",
            "weight_distance",
        ],
    );
    assert_eq!(added["builtin"], false);
    ok(&db.path, &["log", "sandbag carry", "50kgx40m"]);
    let (code, err) = fails(&db.path, &["exercises", "add", "Back", "Squat"]);
    assert_eq!(code, 2);
    assert!(err.contains("already names"), "{err}");
    let (_, err) = fails(
        &db.path,
        &["exercises", "add", "Thing", "--pattern", "wiggle"],
    );
    assert!(err.contains("unknown pattern 'wiggle'"), "{err}");
}

#[test]
fn bad_input_is_explained_with_exit_code_2_and_nothing_is_written() {
    let db = db();
    let cases: &[(&[&str], &str)] = &[
        (&["log", "squat", "100x"], "missing reps"),
        (
            &["log", "squat", "1200x5"],
            "weight must be at most 1000 kg",
        ),
        (&["log", "squat", "100x5000"], "reps must be at most 1000"),
        (
            &["log", "squat", "100x5@rpe11"],
            "rpe must be between 1 and 10",
        ),
        (
            &["log", "squat", "100x5", "--pain", "12"],
            "pain must be between 0 and 10",
        ),
        (&["log", "zzqqxx", "100x5"], "unknown exercise 'zzqqxx'"),
        (&["log", "deadlfit", "100x5x5x5"], "too many 'x'"),
        (
            &["--date", "2999-01-01", "log", "squat", "100x5"],
            "date must not be in the future",
        ),
        (
            &["--date", "01/02/2026", "log", "squat", "100x5"],
            "not a date",
        ),
        (&["delete", "ab"], "at least 4 characters"),
        (&["delete", "abcdef12"], "no set with id"),
        (&["undo"], "nothing to undo"),
        (&["log", "plank", "100x5"], "duration is required"),
    ];
    for (args, fragment) in cases {
        let (code, err) = fails(&db.path, args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains(fragment),
            "{args:?}: expected '{fragment}' in: {err}"
        );
    }
    let history = json(&db.path, &["history"]);
    assert_eq!(
        history,
        serde_json::json!([]),
        "no failed command wrote anything"
    );
}

#[test]
fn unknown_exercises_suggest_close_names_in_json_too() {
    let db = db();
    let out = heft(
        &db.path,
        &["--json", "log", "benchpress incline dumbel", "30x8"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["kind"], "unknown_exercise");
    assert_eq!(err["error"]["field"], "exercise");
    let suggestions = err["error"]["suggestions"].as_array().unwrap();
    assert!(
        suggestions
            .iter()
            .any(|s| s.as_str().unwrap().contains("Incline")),
        "{suggestions:?}"
    );
}

#[test]
fn heft_db_environment_variable_selects_the_database() {
    let db = db();
    let out = Command::new(env!("CARGO_BIN_EXE_heft"))
        .args(["log", "squat", "100x5"])
        .env("HEFT_DB", &db.path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(db.path.exists());
}

#[test]
fn a_damaged_database_is_moved_aside_and_reported() {
    let db = db();
    ok(&db.path, &["log", "squat", "100x5"]);
    // Damage the schema page behind SQLite's header.
    let mut bytes = std::fs::read(&db.path).unwrap();
    for b in &mut bytes[100..4096] {
        *b = 0xA5;
    }
    std::fs::write(&db.path, &bytes).unwrap();
    let (code, err) = fails(&db.path, &["history"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("is damaged") && err.contains(".corrupt-"),
        "{err}"
    );
    // The next command starts a new database and says so, once.
    let out = heft(&db.path, &["history"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("NOTE: this is a new, empty database") && err.contains("heft.db.corrupt-"),
        "{err}"
    );
    let out = heft(&db.path, &["history"]);
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "", "said once");
}

#[test]
fn a_file_that_is_not_a_heft_database_is_refused_untouched() {
    let db = db();
    let text = b"Date,Workout Name,Exercise Name\n2024-01-01,Legs,Squat\n";
    std::fs::write(&db.path, text).unwrap();
    let (code, err) = fails(&db.path, &["history"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("is not a Heft database (not an SQLite file); it was left untouched"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db.path).unwrap(), text);
    let names: Vec<String> = std::fs::read_dir(db._dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["heft.db"], "nothing renamed or added");
    let (_, err) = fails(&db.path, &["--json", "history"]);
    let body: Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(body["error"]["kind"], "not_heft_database");
}

#[test]
fn help_documents_the_set_notation() {
    let out = Command::new(env!("CARGO_BIN_EXE_heft"))
        .args(["log", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for example in [
        "100x5@2",
        "100x5@rpe8",
        "3x100x5",
        "bwx10",
        "bw+10x8",
        "60s",
        "400m",
        "225lbx5",
    ] {
        assert!(text.contains(example), "--help lacks {example}");
    }
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn a_program_session_from_plan_to_finish() {
    let db = db();
    let p = &db.path;
    ok(
        p,
        &[
            "profile",
            "--birth-year",
            "1957",
            "--sex",
            "female",
            "--bone-status",
            "osteopenia",
        ],
    );
    let list = json(p, &["program", "list"]);
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "liftmor",
            "lisa-heavy",
            "lisa-moderate",
            "minimum-dose",
            "foundation",
            "runner-strength",
            "linear-5x5"
        ]
    );
    let started = json(p, &["--date", "2025-03-03", "program", "start", "liftmor"]);
    assert_eq!(started["run"]["program_id"], "liftmor");

    // `heft today --json`: the documented shape (docs/CLI.md), level by level.
    let today = json(p, &["--date", "2025-03-03", "today"]);
    assert_eq!(keys(&today), ["done", "next", "plan", "workout_id"]);
    let plan = &today["plan"];
    assert_eq!(
        keys(plan),
        [
            "date",
            "day",
            "dose",
            "estimated_minutes",
            "exercises",
            "notes",
            "phase",
            "program_id",
            "program_name",
            "ready_on",
            "session_number",
            "warnings"
        ]
    );
    assert_eq!(
        keys(&plan["phase"]),
        ["id", "kind", "name", "session", "sessions"]
    );
    assert_eq!(
        keys(&plan["dose"]),
        ["level", "logged", "week_of", "with_session"]
    );
    let ex = &plan["exercises"][0];
    assert_eq!(
        keys(ex),
        [
            "exercise_id",
            "exercise_name",
            "rest_s",
            "rule",
            "sets",
            "slot",
            "swap",
            "warmups",
            "why"
        ]
    );
    assert_eq!(
        keys(&ex["sets"][0]),
        [
            "kind",
            "landings",
            "load",
            "percent_1rm",
            "reps",
            "rir",
            "role",
            "timed"
        ]
    );
    assert_eq!(keys(&ex["why"][0]), ["heuristic", "phrase", "text"]);
    assert_eq!(keys(&ex["why"][0]["phrase"]), ["args", "id"]);
    assert_eq!(ex["exercise_id"], "deadlift");
    assert_eq!(plan["phase"]["id"], "technique");
    assert_eq!(
        ex["sets"][0]["load"],
        serde_json::json!({"type": "weight", "weight": {"value": 20.0, "unit": "kg"}})
    );
    let next = &today["next"];
    assert_eq!(
        keys(next),
        [
            "exercise",
            "exercise_id",
            "exercise_name",
            "index",
            "number",
            "set",
            "warmup"
        ]
    );
    assert_eq!(
        (&next["exercise"], &next["warmup"], &next["index"]),
        (
            &serde_json::json!(0),
            &serde_json::json!(false),
            &serde_json::json!(0)
        )
    );
    // The values of the set it points at, so a reader need not look them up.
    assert_eq!(next["exercise_id"], "deadlift");
    assert_eq!(next["exercise_name"], ex["exercise_name"]);
    assert_eq!(next["number"], 1);
    assert_eq!(next["set"], ex["sets"][0]);

    // `heft log` with nothing after it logs the next planned set, until none is left.
    let planned: usize = plan["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["sets"].as_array().unwrap().len() + e["warmups"].as_array().unwrap().len())
        .sum();
    for _ in 0..planned {
        ok(p, &["--date", "2025-03-03", "log"]);
    }
    let (code, err) = fails(p, &["--date", "2025-03-03", "log"]);
    assert_eq!(code, 2);
    assert!(err.contains("every set"), "{err}");
    let after = json(p, &["--date", "2025-03-03", "today"]);
    assert_eq!(after["next"], Value::Null);

    let finished = json(p, &["--date", "2025-03-03", "finish", "--duration", "28m"]);
    assert_eq!(finished["session"]["session_number"], 1);
    assert_eq!(finished["session"]["next_phase"]["session"], 2);
    let sets = finished["sets"].as_array().unwrap();
    assert_eq!(sets.len(), planned);
    assert!(
        sets.iter().all(|s| s["target"]["reps"] == 5),
        "every set records its prescription"
    );

    // The next day is too soon for a program of non-consecutive days.
    let next = json(p, &["--date", "2025-03-04", "today"]);
    assert_eq!(next["plan"]["session_number"], 2);
    assert_eq!(next["plan"]["ready_on"], "2025-03-05");
    assert!(
        next["plan"]["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "too_soon")
    );
    let status = json(p, &["--date", "2025-03-04", "program", "status"]);
    assert_eq!(status["run"]["state"]["sessions_done"], 1);

    // One undo takes the session back, run state included.
    ok(p, &["undo"]);
    let status = json(p, &["--date", "2025-03-04", "program", "status"]);
    assert_eq!(status["run"]["state"]["sessions_done"], 0);
    let text = ok(p, &["--date", "2025-03-03", "today"]);
    assert!(
        text.contains("Deadlift · Rest 1 min between sets · 3 of 3 sets done"),
        "{text}"
    );
}

#[test]
fn a_custom_program_is_checked_line_by_line_then_runs() {
    let db = db();
    let p = &db.path;
    let dir = tempfile::tempdir().unwrap();
    let good = "format = 1\nid = \"my-squat\"\nname = \"My squat\"\nsummary = \"Squats.\"\nsource = \"me\"\n\
        sessions_per_week = 2\nsession_minutes = 20\n\n[[phases]]\nid = \"main\"\nname = \"Main\"\n\
        kind = \"training\"\nweeks = 4\n\n[[phases.days]]\nname = \"A\"\n\n[[phases.days.slots]]\n\
        exercise = \"back-squat\"\nsets = 3\nreps = 5\nrir = 2\nrule = \"linear\"\n";
    let bad = good.replace("reps = 5", "reps = 500");
    let bad_path = dir.path().join("bad.toml");
    std::fs::write(&bad_path, &bad).unwrap();
    let (code, err) = fails(p, &["program", "import", bad_path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.toml: line 21, phases[0].days[0].slots[0].reps"),
        "{err}"
    );
    assert_eq!(
        json(p, &["program", "list"]).as_array().unwrap().len(),
        7,
        "nothing imported"
    );

    let good_path = dir.path().join("good.toml");
    std::fs::write(&good_path, good).unwrap();
    ok(p, &["program", "import", good_path.to_str().unwrap()]);
    let shown = ok(p, &["program", "show", "my-squat"]);
    assert!(
        shown.contains("Back Squat") && shown.contains("3 × 5 reps"),
        "{shown}"
    );
    ok(
        p,
        &["--date", "2025-03-03", "log", "back", "squat", "3x100x5@2"],
    );
    ok(p, &["--date", "2025-03-03", "finish"]);
    ok(p, &["--date", "2025-03-10", "program", "start", "my-squat"]);
    let today = json(p, &["--date", "2025-03-10", "today"]);
    let set = &today["plan"]["exercises"][0]["sets"][0];
    // Seeded from last week: 100 x 5 at RIR 2 is 7 reps to failure (Epley 123.3);
    // 5 reps at RIR 2 is 81.1% of that: 100.
    assert_eq!(set["load"]["weight"]["value"], 100.0);
    // A logged set that differs from the plan is recorded as done.
    ok(
        p,
        &["--date", "2025-03-10", "log", "back", "squat", "3x100x5@2"],
    );
    let finished = json(p, &["--date", "2025-03-10", "finish"]);
    assert!(
        finished["session"]["changes"][0]["why"]["text"]
            .as_str()
            .unwrap()
            .contains("+5 kg")
    );
}

/// Logs the day's session as prescribed, set by set (`heft --date D log`),
/// then finishes it without a length; returns the plan's estimate.
fn session_as_planned(p: &Path, date: &str) -> u64 {
    let estimate = json(p, &["--date", date, "today"])["plan"]["estimated_minutes"]
        .as_u64()
        .unwrap();
    for _ in 0..100 {
        if json(p, &["--date", date, "today"])["next"].is_null() {
            break;
        }
        ok(p, &["--date", date, "log"]);
    }
    let done = json(p, &["--date", date, "finish"]);
    assert!(!done["session"].is_null(), "counted as a program session");
    assert!(
        done["duration_s_total"].is_null(),
        "no length recorded: {done}"
    );
    estimate
}

#[test]
fn sessions_logged_as_planned_without_a_length_count_their_plans_minutes() {
    let db = db();
    let p = &db.path;
    ok(p, &["--date", "2025-03-03", "program", "start", "liftmor"]);
    let monday = session_as_planned(p, "2025-03-03");
    let thursday = session_as_planned(p, "2025-03-06");
    let today = json(p, &["--date", "2025-03-06", "today"]);
    let stats = json(p, &["--date", "2025-03-06", "stats"]);
    let logged = today["plan"]["dose"]["logged"].as_u64().unwrap();
    let minutes = stats["this_week"]["lifting_minutes"].as_u64().unwrap();
    assert_eq!(
        logged, minutes,
        "today's dose and stats read the week alike"
    );
    // Each plan rounds its estimate up; the week rounds once.
    let planned = monday + thursday;
    assert!(
        minutes <= planned && minutes + 2 > planned,
        "stats {minutes}, plans {monday} + {thursday}"
    );
    assert_eq!(stats["this_week"]["estimated_sessions"], 2);
    assert_eq!(
        today["plan"]["dose"]["with_session"].as_u64(),
        Some(logged + today["plan"]["estimated_minutes"].as_u64().unwrap())
    );
}

#[test]
fn profile_takes_the_bar_plates_and_equipment() {
    let db = db();
    let p = &db.path;
    let prof = json(
        p,
        &[
            "profile",
            "--unit",
            "lb",
            "--bar",
            "35",
            "--plates",
            "45,25,10,5",
            "--micro-plates",
            "2.5,1.25",
            "--equipment",
            "barbell,dumbbell",
            "--running-min",
            "120",
        ],
    );
    assert_eq!(prof["loadout"]["bar"], 35.0);
    assert_eq!(prof["loadout"]["unit"], "lb");
    assert_eq!(prof["loadout"]["fractional"][1]["weight"], 1.25);
    assert_eq!(
        prof["equipment"],
        serde_json::json!(["barbell", "dumbbell"])
    );
    assert_eq!(prof["running_min_week"], 120);
    let (code, err) = fails(p, &["profile", "--bar=-5"]);
    assert_eq!(code, 2);
    assert!(err.contains("loadout"), "{err}");
    let (code, _) = fails(p, &["profile", "--equipment", "spaceship"]);
    assert_eq!(code, 2);
}

#[test]
fn micro_plates_none_removes_them_from_a_custom_loadout() {
    let db = db();
    let p = &db.path;
    ok(p, &["profile", "--bar", "15", "--micro-plates", "1.25,0.5"]);
    let prof = json(p, &["profile", "--micro-plates", "none"]);
    assert_eq!(prof["loadout"]["fractional"], serde_json::json!([]));
    assert_eq!(prof["loadout"]["bar"], 15.0);
    let prof = json(p, &["profile", "--micro-plates", "standard"]);
    assert_eq!(prof["loadout"]["fractional"][0]["weight"], 1.25);
}

#[test]
fn logging_the_planned_set_keeps_the_note_and_pain() {
    let db = db();
    let p = &db.path;
    ok(p, &["--date", "2025-03-03", "program", "start", "liftmor"]);
    let logged = json(
        p,
        &[
            "--date",
            "2025-03-03",
            "log",
            "--pain",
            "3",
            "--note",
            "felt fine",
        ],
    );
    let set = &logged["sets"][0];
    assert_eq!(
        (set["pain"].clone(), set["note"].clone()),
        (serde_json::json!(3), serde_json::json!("felt fine"))
    );
    assert_eq!(set["exercise_id"], "deadlift");
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/csv")
        .join(name)
}

#[test]
fn export_import_and_status_agree_between_two_databases() {
    let (a, b) = (db(), db());
    ok(&a.path, &["log", "back", "squat", "3x100x5"]);
    ok(&a.path, &["log", "pullups", "bw+10x5"]);
    let file = a._dir.path().join("a.heft");
    let out = ok(&a.path, &["export", "--out", file.to_str().unwrap()]);
    assert!(out.contains("4 sets"), "{out}");
    let first = json(&b.path, &["import", file.to_str().unwrap()]);
    assert!(first["added"].as_u64().unwrap() >= 5, "{first}");
    let sets = first["changed_by_table"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "set_entry")
        .unwrap();
    assert_eq!(sets["rows"], 4, "{first}");
    let summary = json(&a.path, &["export", "--out", file.to_str().unwrap()]);
    let exported = summary["rows"].as_array().unwrap();
    assert!(
        exported
            .iter()
            .any(|t| t["table"] == "set_entry" && t["rows"] == 4),
        "{summary}"
    );
    let again = json(&b.path, &["import", file.to_str().unwrap()]);
    assert_eq!(
        (again["added"].as_u64(), again["updated"].as_u64()),
        (Some(0), Some(0))
    );
    let (sa, sb) = (json(&a.path, &["status"]), json(&b.path, &["status"]));
    assert_eq!(sa["content_hash"], sb["content_hash"]);
    assert_eq!(sb["devices"][0]["id"], sa["device_id"]);
    let text = ok(&b.path, &["history"]);
    assert!(text.contains("100kgx5"), "{text}");
}

#[test]
fn status_text_is_the_sync_screen() {
    let (a, b) = (db(), db());
    let text = ok(&a.path, &["status"]);
    assert!(text.starts_with("Sync\nThis device  "), "{text}");
    assert!(text.contains("No other device yet"), "{text}");
    ok(&a.path, &["log", "squat", "100x5"]);
    let file = a._dir.path().join("a.heft");
    ok(&a.path, &["export", "--out", file.to_str().unwrap()]);
    ok(&b.path, &["import", file.to_str().unwrap()]);
    let text = ok(&b.path, &["status"]);
    let id = json(&a.path, &["status"])["device_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(text.contains(&format!("Device …{}", &id[24..])), "{text}");
    assert!(text.contains("Last seen"), "{text}");
    assert!(text.contains("Last import"), "{text}");
    assert!(
        text.contains("✓ New or changed: 1 set, 1 workout"),
        "{text}"
    );
    assert!(
        text.contains("  ✓ a.heft  Brought 1 set, 1 workout"),
        "{text}"
    );
}

#[test]
fn a_bad_export_file_is_named_and_changes_nothing() {
    let d = db();
    ok(&d.path, &["log", "squat", "100x5"]);
    let before = json(&d.path, &["status"])["content_hash"].clone();
    let bad = d._dir.path().join("notes.heft");
    std::fs::write(&bad, "just some text\n").unwrap();
    let (code, err) = fails(&d.path, &["import", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("notes.heft: not a Heft export file"), "{err}");
    let (_, err) = fails(&d.path, &["--json", "import", bad.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&err).unwrap();
    assert_eq!(v["error"]["kind"], "invalid_export");
    assert_eq!(json(&d.path, &["status"])["content_hash"], before);
}

#[test]
fn an_encrypted_export_needs_its_passphrase() {
    let (a, b) = (db(), db());
    ok(&a.path, &["log", "squat", "100x5"]);
    let pass = a._dir.path().join("pass.txt");
    std::fs::write(&pass, "correct horse battery staple\n").unwrap();
    let file = a._dir.path().join("a.heft");
    let (file_s, pass_s) = (file.to_str().unwrap(), pass.to_str().unwrap());
    ok(
        &a.path,
        &["export", "--out", file_s, "--passphrase-file", pass_s],
    );
    let (code, err) = fails(&b.path, &["import", file_s]);
    assert_eq!(code, 2);
    assert!(err.contains("encrypted"), "{err}");
    let wrong = a._dir.path().join("wrong.txt");
    std::fs::write(&wrong, "Tr0ub4dor&3").unwrap();
    let (_, err) = fails(
        &b.path,
        &[
            "import",
            file_s,
            "--passphrase-file",
            wrong.to_str().unwrap(),
        ],
    );
    assert!(err.contains("passphrase does not open"), "{err}");
    ok(&b.path, &["import", file_s, "--passphrase-file", pass_s]);
    assert_eq!(
        json(&a.path, &["status"])["content_hash"],
        json(&b.path, &["status"])["content_hash"]
    );
}

#[test]
fn two_databases_converge_through_a_sync_folder() {
    let (a, b) = (db(), db());
    let folder = a._dir.path().join("Sync");
    std::fs::create_dir(&folder).unwrap();
    let f = folder.to_str().unwrap();
    ok(&a.path, &["log", "squat", "100x5"]);
    ok(&b.path, &["log", "deadlift", "140x3"]);
    std::fs::write(folder.join("stray.heft"), "half a file").unwrap();
    let out = heft(&a.path, &["sync", f]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: skipped"));
    let first = json(&b.path, &["sync", f]);
    let merged = first["merged"].as_array().unwrap();
    assert_eq!(merged.len(), 1, "{first}");
    assert!(
        merged[0]["path"].as_str().unwrap().ends_with(".heft"),
        "{first}"
    );
    assert_eq!(
        merged[0]["report"]["added"].as_u64().map(|n| n > 0),
        Some(true)
    );
    ok(&a.path, &["sync", f]);
    let (sa, sb) = (json(&a.path, &["status"]), json(&b.path, &["status"]));
    assert_eq!(sa["content_hash"], sb["content_hash"]);
    let report = json(&b.path, &["sync", f]);
    assert!(report["merged"].as_array().unwrap().is_empty(), "{report}");
    assert!(
        report["written"].is_null(),
        "nothing new, nothing written: {report}"
    );
}

#[test]
fn a_restored_copy_of_a_database_is_told_and_takes_a_new_id() {
    let a = db();
    let folder = a._dir.path().join("Sync");
    std::fs::create_dir(&folder).unwrap();
    let f = folder.to_str().unwrap();
    ok(&a.path, &["log", "squat", "100x5"]);
    ok(&a.path, &["sync", f]);
    // A second phone restored from the first one's backup.
    let copy = a._dir.path().join("restored.db");
    std::fs::copy(&a.path, &copy).unwrap();
    let id = json(&a.path, &["status"])["device_id"].clone();
    assert_eq!(json(&copy, &["status"])["device_id"], id);
    ok(&a.path, &["log", "deadlift", "140x3"]);
    ok(&copy, &["log", "bench press", "60x5"]);
    ok(&a.path, &["sync", f]);
    let text = ok(&copy, &["sync", f]);
    assert!(text.contains("another copy of this database"), "{text}");
    let new_id = json(&copy, &["status"])["device_id"].clone();
    assert_ne!(new_id, id);
    assert!(text.contains(new_id.as_str().unwrap()), "{text}");
    let report = json(&a.path, &["sync", f]);
    assert!(report["new_device_id"].is_null(), "{report}");
    ok(&copy, &["sync", f]);
    assert_eq!(
        json(&a.path, &["status"])["content_hash"],
        json(&copy, &["status"])["content_hash"]
    );
}

#[test]
fn reads_work_and_a_log_waits_while_another_process_writes() {
    let d = db();
    ok(&d.path, &["log", "squat", "100x5"]);
    // Another process (an import, a sync) holds the write lock.
    let other = rusqlite::Connection::open(&d.path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let text = ok(&d.path, &["history"]);
    assert!(text.contains("100"), "{text}");
    json(&d.path, &["status"]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(4),
        "reads did not wait for the writer (they used to fail after 5 s)"
    );
    let logging = Command::new(env!("CARGO_BIN_EXE_heft"))
        .arg("--db")
        .arg(&d.path)
        .args(["log", "squat", "100x4"])
        .env_remove("HEFT_DB")
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Past the 5 s after which a write used to fail.
    std::thread::sleep(std::time::Duration::from_secs(6));
    other.execute_batch("COMMIT").unwrap();
    let out = logging.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("Waiting for another Heft"), "{err}");
    assert_eq!(err.matches("Waiting").count(), 1, "said once: {err}");
    let history = ok(&d.path, &["history"]);
    assert!(history.contains("100kgx4"), "{history}");
}

#[test]
fn import_csv_reports_then_adds_nothing_the_second_time() {
    let d = db();
    let file = fixture("strong_plain.csv");
    let f = file.to_str().unwrap();
    let dry = json(&d.path, &["import-csv", "--dry-run", "--unit", "lb", f]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["source"], "strong");
    let text = ok(&d.path, &["history"]);
    assert!(
        text.trim().is_empty() || !text.contains("lb"),
        "dry run wrote: {text}"
    );
    let out = ok(&d.path, &["import-csv", "--unit", "lb", f]);
    assert!(out.contains("9 added"), "{out}");
    assert!(out.contains("line 6: rest timer row"), "{out}");
    let again = json(
        &d.path,
        &["import-csv", "--from", "strong", "--unit", "lb", f],
    );
    assert_eq!(
        (again["added"].as_u64(), again["updated"].as_u64()),
        (Some(0), Some(0))
    );
    let (code, err) = fails(&d.path, &["import-csv", "--from", "hevy", f]);
    assert_eq!(code, 2);
    assert!(
        err.contains("strong_plain.csv") && err.contains("Hevy"),
        "{err}"
    );
}

#[test]
fn export_csv_in_strong_layout_reads_back_into_its_database_adding_nothing() {
    let d = db();
    ok(
        &d.path,
        &["log", "squat", "w:60x5", "3x100x5@2", "--note", "=1+1"],
    );
    ok(&d.path, &["log", "pullups", "bw-20x8"]);
    let file = d._dir.path().join("strong.csv");
    let f = file.to_str().unwrap();
    ok(&d.path, &["export-csv", "--layout", "strong", "--out", f]);
    let report = json(&d.path, &["import-csv", "--unit", "kg", f]);
    assert_eq!(
        (report["added"].as_u64(), report["already_here"].as_u64()),
        (Some(0), Some(5)),
        "{report}"
    );
    let out = ok(&d.path, &["import-csv", "--unit", "kg", f]);
    assert!(out.contains("0 added, 5 already here"), "{out}");
}

#[test]
fn export_csv_in_heft_layout_imports_back_whole() {
    let (a, b) = (db(), db());
    ok(
        &a.path,
        &["log", "squat", "w:60x5", "3x100x5@2", "--note", "=1+1"],
    );
    ok(&a.path, &["log", "pullups", "bw-20x8"]);
    let file = a._dir.path().join("all.csv");
    let out = ok(
        &a.path,
        &[
            "export-csv",
            "--layout",
            "heft",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.contains("5 sets"), "{out}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("'=1+1"), "{text}");
    let report = json(&b.path, &["import-csv", file.to_str().unwrap()]);
    assert_eq!(report["added"], 5, "{report}");
    let strong = ok(&a.path, &["export-csv"]);
    assert!(strong.starts_with("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps"));
    assert!(strong.contains(",W,60,5,"), "{strong}");
}

#[test]
fn measure_then_measures_shows_latest_change_and_band() {
    let d = db();
    ok(
        &d.path,
        &["profile", "--birth-year", "1960", "--sex", "male"],
    );
    let out = ok(
        &d.path,
        &[
            "measure",
            "grip",
            "29",
            "--site",
            "left",
            "--date",
            "2025-01-10",
        ],
    );
    assert!(
        out.contains("Saved Grip strength, left hand: 29 kg on Fri 10 Jan 2025"),
        "{out}"
    );
    let out = ok(&d.path, &["measure", "grip", "31", "--site", "left"]);
    assert!(out.contains("+2 kg (+6.9%) since Fri 10 Jan 2025"), "{out}");
    assert!(out.contains("(EWGSOP2)"), "{out}");
    ok(
        &d.path,
        &[
            "measure",
            "t_score",
            "-1.8",
            "--site",
            "lumbar_spine",
            "--date",
            "2025-03-01",
        ],
    );
    ok(
        &d.path,
        &[
            "measure",
            "T-Score",
            "-1,4",
            "--site",
            "lumbar spine",
            "--date",
            "2026-03-01",
        ],
    );
    ok(&d.path, &["measure", "chair_stand_30s", "11"]);
    let table = ok(&d.path, &["measures"]);
    for expected in [
        "Grip strength, left hand",
        "31 kg",
        "+2 kg (+6.9%) since Fri 10 Jan 2025",
        "T-score, lumbar spine",
        "\u{2212}1.4",
        "+0.4 since Sat 1 Mar 2025",
        "beyond the scanner's precision",
        "osteopenia (WHO)",
        "Chair stands in 30 s",
        "below normal (men 65-69: 12-18) (Rikli & Jones)",
    ] {
        assert!(table.contains(expected), "missing {expected} in\n{table}");
    }
    let grip = ok(&d.path, &["measures", "--kind", "grip"]);
    assert!(grip.contains("29 kg") && grip.contains("31 kg"), "{grip}");
    assert!(!grip.contains("T-score"), "{grip}");
}

#[test]
fn measures_json_has_the_documented_shape() {
    let d = db();
    ok(
        &d.path,
        &["profile", "--birth-year", "1958", "--sex", "female"],
    );
    let m = json(
        &d.path,
        &[
            "measure",
            "bmd",
            "0.853g/cm2",
            "--site",
            "femoral_neck",
            "--date",
            "2024-05-02",
            "--note",
            "clinic A",
        ],
    );
    assert_eq!(
        keys(&m),
        ["id", "kind", "measured_at", "note", "site", "unit", "value"]
    );
    assert_eq!(
        (&m["kind"], &m["site"], &m["value"], &m["unit"], &m["note"]),
        (
            &Value::from("bmd"),
            &Value::from("femoral_neck"),
            &Value::from(0.853),
            &Value::from("g/cm2"),
            &Value::from("clinic A")
        )
    );
    assert!(
        m["measured_at"]
            .as_str()
            .unwrap()
            .starts_with("2024-05-02T12:00:00")
    );
    ok(
        &d.path,
        &[
            "measure",
            "bmd",
            "0.88",
            "--site",
            "femoral_neck",
            "--date",
            "2025-06-01",
        ],
    );
    ok(&d.path, &["measure", "steps", "10,000"]);
    let all = json(&d.path, &["measures", "--kind", "bmd"]);
    assert_eq!(keys(&all), ["measurements", "trends"]);
    assert_eq!(all["measurements"].as_array().unwrap().len(), 2);
    let t = &all["trends"][0];
    assert_eq!(all["trends"].as_array().unwrap().len(), 1);
    assert_eq!(
        keys(t),
        [
            "band",
            "count",
            "days_since_latest",
            "first",
            "kind",
            "latest",
            "previous",
            "since_first",
            "since_previous",
            "site",
            "unit"
        ]
    );
    assert_eq!(t["band"], Value::Null, "BMD has no band; its T-score does");
    let c = &t["since_previous"];
    assert_eq!(keys(c), ["absolute", "days", "dxa", "from", "percent"]);
    // 0.853 -> 0.88: +0.027 g/cm2, +3.17%, 395 days apart.
    assert_eq!(c["absolute"], 0.027);
    assert_eq!(c["percent"], 3.17);
    assert_eq!(c["days"], 395);
    assert_eq!(c["dxa"], "change");
    let steps = json(&d.path, &["measures", "--kind", "steps"]);
    assert_eq!(steps["measurements"][0]["value"], 10000.0);
    assert_eq!(steps["measurements"][0]["unit"], "steps/day");
    ok(
        &d.path,
        &["measure", "t_score", "-2.5", "--site", "total_hip"],
    );
    let t = json(&d.path, &["measures", "--kind", "t_score"]);
    let band = &t["trends"][0]["band"];
    assert_eq!(keys(band), ["heuristic", "label", "source", "status"]);
    assert_eq!(
        (&band["status"], &band["source"], &band["heuristic"]),
        (&Value::from("low"), &Value::from("WHO"), &Value::from(true))
    );
}

#[test]
fn bad_measurements_exit_2_naming_the_field_and_write_nothing() {
    let d = db();
    let cases: &[(&[&str], &str)] = &[
        (&["measure", "height", "180"], "measure"),
        (&["measure", "t_score", "-1.8"], "site"),
        (
            &["measure", "t_score", "72kg", "--site", "lumbar_spine"],
            "unit",
        ),
        (&["measure", "grip", "31", "--site", "total_hip"], "site"),
        (&["measure", "body_weight", "80", "--site", "left"], "site"),
        (&["measure", "steps", "-5"], "value"),
        (&["measure", "grip", "thirty"], "value"),
        (&["measure", "grip", "400lb"], "value"),
        (&["measure", "visceral_fat", "9"], "unit"),
        (&["measure", "gait_speed", "1.1", "--site", "knee"], "site"),
        (
            &["measure", "steps", "5000", "--date", "2999-01-01"],
            "date",
        ),
    ];
    for (args, field) in cases {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let (code, err) = fails(&d.path, &all);
        assert_eq!(code, 2, "{args:?}: {err}");
        let e: Value = serde_json::from_str(err.trim()).unwrap();
        assert_eq!(e["error"]["field"], *field, "{args:?}: {err}");
        assert_eq!(e["error"]["kind"], "invalid_input", "{args:?}: {err}");
    }
    let (code, err) = fails(
        &d.path,
        &["measure", "t_score", "72kg", "--site", "lumbar_spine"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("unit must be sd for t_score"), "{err}");
    let (code, err) = fails(&d.path, &["measure", "grip", "31kg", "--unit", "lb"]);
    assert_eq!(code, 2);
    assert!(err.contains("contradicts"), "{err}");
    let none = json(&d.path, &["measures"]);
    assert!(none["measurements"].as_array().unwrap().is_empty());
    assert!(ok(&d.path, &["measures"]).contains("No measurements yet"));
}

#[test]
fn a_measurement_in_the_profile_unit_can_be_deleted_and_undone() {
    let d = db();
    ok(&d.path, &["init", "--unit", "lb"]);
    let m = json(&d.path, &["measure", "body_weight", "160"]);
    assert_eq!(
        (&m["value"], &m["unit"]),
        (&Value::from(160.0), &Value::from("lb"))
    );
    let kg = json(&d.path, &["measure", "body_weight", "72.5", "kg"]);
    assert_eq!(kg["unit"], "kg");
    assert!(ok(&d.path, &["undo"]).contains("measured body weight 72.5 kg"));
    let id = m["id"].as_str().unwrap();
    let out = ok(&d.path, &["measures", "delete", &id[id.len() - 8..]]);
    assert!(out.contains("Deleted Body weight: 160 lb"), "{out}");
    assert!(
        json(&d.path, &["measures"])["trends"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(ok(&d.path, &["undo"]).contains("deleted body weight 160 lb"));
    let back = json(&d.path, &["measures", "--kind", "weight"]);
    assert_eq!(back["measurements"][0]["id"], id);
    let (code, _) = fails(&d.path, &["measures", "delete", "ffffffff"]);
    assert_eq!(code, 2);
}

#[test]
fn measurements_travel_with_an_export() {
    let (a, b) = (db(), db());
    ok(&a.path, &["measure", "grip", "31", "--site", "right"]);
    let file = a._dir.path().join("a.heft");
    ok(&a.path, &["export", "--out", file.to_str().unwrap()]);
    ok(&b.path, &["import", file.to_str().unwrap()]);
    let m = json(&b.path, &["measures"]);
    assert_eq!(m["measurements"][0]["site"], "right");
    assert_eq!(
        json(&a.path, &["status"])["content_hash"],
        json(&b.path, &["status"])["content_hash"]
    );
}

#[test]
fn a_heavier_set_says_new_record_and_records_lists_it() {
    let db = db();
    let first = ok(
        &db.path,
        &["--date", "2026-11-02", "log", "back", "squat", "100x5"],
    );
    // A first value is not announced: there was nothing to beat.
    assert!(!first.contains("New record"), "{first}");
    let second = ok(
        &db.path,
        &["--date", "2026-11-09", "log", "back", "squat", "105x5"],
    );
    assert!(
        second.contains("New record! Back Squat, heaviest: 105 kg (was 100 kg)."),
        "{second}"
    );
    // Epley: 105 x (1 + 5/30) = 122.5, over 100 x 7/6 = 116.67.
    assert!(
        second.contains("New record! Back Squat, best e1RM: 122.5 kg (was 116.67 kg)."),
        "{second}"
    );
    // A lighter set sets none.
    let third = ok(
        &db.path,
        &["--date", "2026-11-10", "log", "back", "squat", "60x5"],
    );
    assert!(!third.contains("New record"), "{third}");

    let records = json(&db.path, &["records", "--exercise", "back", "squat"]);
    let heaviest = records
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "heaviest_weight")
        .unwrap();
    assert_eq!(heaviest["value"], 105.0);
    assert_eq!(heaviest["previous"], 100.0);
    assert_eq!(heaviest["date"], "2026-11-09");
    // --json log carries the records too.
    let logged = json(
        &db.path,
        &["--date", "2026-11-16", "log", "back", "squat", "110x3"],
    );
    let kinds: Vec<&str> = logged["new_records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"heaviest_weight"), "{logged}");
    assert_eq!(logged["sets"].as_array().unwrap().len(), 1);
    // Records as of an earlier day leave out what came after it.
    let then = json(&db.path, &["--date", "2026-11-05", "records"]);
    let values: Vec<f64> = then
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "heaviest_weight")
        .map(|r| r["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [100.0]);
    // The table and the line after a log, in the profile's unit.
    ok(&db.path, &["init", "--unit", "lb"]);
    let table = ok(&db.path, &["records"]);
    assert!(table.contains("242.51 lb"), "110 kg is 242.51 lb: {table}");
    let lb = ok(
        &db.path,
        &["--date", "2026-11-23", "log", "back", "squat", "250x3"],
    );
    assert!(
        lb.contains("New record! Back Squat, heaviest: 250 lb (was 242.51 lb)."),
        "{lb}"
    );
}

#[test]
fn stats_and_e1rm_give_the_weeks_and_the_series() {
    let db = db();
    for (date, set) in [
        ("2026-11-02", "5x100x5@2"),
        ("2026-11-05", "5x102.5x5@2"),
        ("2026-11-09", "5x105x5@2"),
    ] {
        ok(&db.path, &["--date", date, "log", "back", "squat", set]);
        ok(&db.path, &["--date", date, "finish", "--duration", "30m"]);
    }
    let s = json(&db.path, &["--date", "2026-11-12", "stats"]);
    assert_eq!(s["today"], "2026-11-12");
    assert_eq!(s["this_week"]["week"], "2026-W46");
    assert_eq!(s["this_week"]["lifting_minutes"], 30);
    assert_eq!(s["this_week"]["dose"], "below");
    let last = &s["last_4_weeks"][3];
    assert_eq!(last["week"], "2026-W45");
    assert_eq!(
        (last["sessions"].as_u64(), last["lifting_minutes"].as_u64()),
        (Some(2), Some(60))
    );
    assert_eq!(last["dose"], "in_band");
    // RIR 2 on an axial lift: every set is heavy for the bone dose.
    assert_eq!(last["bone"]["heavy_axial_sets"], 10);
    assert_eq!(s["bone"]["last_heavy_axial"], "2026-11-09");
    assert_eq!(s["bone"]["days_since_heavy_axial"], 3);
    let text = ok(&db.path, &["--date", "2026-11-12", "stats"]);
    // The text is the Progress screen's.
    assert!(
        text.contains("This week: 30 min of lifting · 1 session"),
        "{text}"
    );
    assert!(text.contains("Back Squat: e1RM 129.5 kg"), "{text}");
    assert!(
        text.contains("Last heavy axial lift") && text.contains("Mon 9 Nov (3 days ago)"),
        "{text}"
    );
    assert!(text.contains("Records of the last 28 days"), "{text}");

    let e1rm = [
        "--date",
        "2026-11-12",
        "e1rm",
        "back",
        "squat",
        "--since",
        "2026-11-02",
    ];
    let e = json(&db.path, &e1rm);
    let points: Vec<f64> = e["series"]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["e1rm_kg"].as_f64().unwrap())
        .collect();
    // Epley with RIR: w x (1 + (5 + 2)/30).
    let want = [100.0, 102.5, 105.0].map(|w: f64| w * (1.0 + 7.0 / 30.0));
    assert_eq!(points.len(), 3);
    for (p, w) in points.iter().zip(want) {
        assert!((p - w).abs() < 1e-9, "{p} != {w}");
    }
    assert_eq!(e["series"]["formula_name"], "Epley");
    // Today's best (105) against the best within 28 days of the 2nd (105 too:
    // the window reaches today).
    assert_eq!(e["retention"]["percent"], 100.0);
    let text = ok(&db.path, &e1rm);
    assert!(text.contains("129.5 kg"), "{text}");
    assert!(
        text.contains("Latest 129.5 kg on 2026-11-09: 100% of 129.5 kg on 2026-11-09"),
        "{text}"
    );
    assert!(text.contains("Both are the same session"), "{text}");
    // By default against a year before: nothing to compare with yet.
    let year = ok(&db.path, &["--date", "2026-11-12", "e1rm", "back", "squat"]);
    assert!(
        year.contains("no session within 28 days of 2025-11-12 to compare with"),
        "{year}"
    );
    // The table stops at --date.
    let early = json(&db.path, &["--date", "2026-11-03", "e1rm", "back", "squat"]);
    assert_eq!(early["series"]["points"].as_array().unwrap().len(), 1);
    let (code, err) = fails(&db.path, &["e1rm", "no", "such", "lift"]);
    assert_eq!(code, 2, "{err}");
    for bad in [
        &["--date", "2099-01-01", "e1rm", "back", "squat"][..],
        &[
            "--date",
            "2026-11-12",
            "e1rm",
            "back",
            "squat",
            "--since",
            "2026-11-20",
        ],
        &[
            "--date",
            "2026-11-12",
            "e1rm",
            "back",
            "squat",
            "--since",
            "1800-01-01",
        ],
    ] {
        let (code, err) = fails(&db.path, bad);
        assert_eq!(code, 2, "{bad:?}: {err}");
        assert!(err.contains("date"), "{bad:?}: {err}");
    }
}

#[test]
fn report_writes_one_self_contained_page() {
    let db = db();
    ok(
        &db.path,
        &["--date", "2026-11-02", "log", "deadlift", "5x120x5@2"],
    );
    ok(
        &db.path,
        &["--date", "2026-11-02", "finish", "--duration", "35m"],
    );
    ok(
        &db.path,
        &[
            "--date",
            "2026-11-03",
            "measure",
            "t_score",
            "-2.1",
            "--site",
            "lumbar_spine",
        ],
    );
    let out = db.path.with_file_name("report.html");
    let printed = json(
        &db.path,
        &[
            "--date",
            "2026-11-12",
            "report",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(printed["date"], "2026-11-12");
    let html = std::fs::read_to_string(&out).unwrap();
    assert_eq!(printed["bytes"].as_u64(), Some(html.len() as u64));
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
    assert!(html.contains("Deadlift"));
    assert!(html.contains("Bone density (T-score)"));
    // e1RM, minutes, sessions and the T-score chart.
    assert_eq!(html.matches("<svg class=\"chart ").count(), 4);
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no network"
    );
    // A folder that does not exist: an error naming the path.
    let bad = db.path.with_file_name("missing").join("r.html");
    let (code, err) = fails(&db.path, &["report", "--out", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("missing"), "{err}");
    // A folder in the way of the file: an error, and no temporary file left.
    let folder = db.path.with_file_name("taken");
    std::fs::create_dir(&folder).unwrap();
    let (code, err) = fails(&db.path, &["report", "--out", folder.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("taken"), "{err}");
    let left: Vec<String> = std::fs::read_dir(db.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let db = db();
    // Enough records (a "most reps" one per load) that the output outgrows
    // the pipe's buffer (64 KiB).
    for day in 0..8u32 {
        let sets: Vec<String> = (0..100)
            .map(|k| format!("{}x5", 20 + day * 100 + k))
            .collect();
        let date = format!("2026-10-{:02}", day + 1);
        // Up to 819 kg: past any record, so confirmed with --yes.
        let mut args = vec!["--date", &date, "log", "--yes", "back", "squat"];
        args.extend(sets.iter().map(String::as_str));
        ok(&db.path, &args);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_heft"))
        .arg("--db")
        .arg(&db.path)
        .arg("records")
        .env_remove("HEFT_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe, as `| head -c1` would.
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut one).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

/// A Strong export with no unit column: `sessions` workouts of `rows`
/// (exercise, weight, reps) each.
fn strong_without_unit(
    dir: &Path,
    name: &str,
    sessions: u32,
    rows: &[(&str, f64, u32)],
) -> PathBuf {
    let mut text = String::from(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n",
    );
    for s in 0..sessions {
        for (i, (exercise, weight, reps)) in rows.iter().enumerate() {
            text.push_str(&format!(
                "2024-{:02}-{:02} 18:00:00,\"Day\",\"{exercise}\",{},{weight},{reps},0,0,\"\",\"\"\n",
                1 + s / 28,
                1 + s % 28,
                i + 1
            ));
        }
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn import_csv_dry_run_names_the_unit_it_reads_a_file_without_one_in() {
    let d = db();
    let file = strong_without_unit(
        d._dir.path(),
        "pounds.csv",
        30,
        &[
            ("Bench Press (Barbell)", 45.0, 10),
            ("Bench Press (Barbell)", 135.0, 8),
            ("Bench Press (Barbell)", 185.0, 5),
            ("Deadlift (Barbell)", 225.0, 5),
            ("Deadlift (Barbell)", 315.0, 5),
        ],
    );
    let f = file.to_str().unwrap();
    // The profile is in kg; the plates say lb.
    let out = ok(&d.path, &["import-csv", "--dry-run", f]);
    assert!(
        out.contains("Unit: no unit in the file: weights read as lb:"),
        "{out}"
    );
    assert!(out.contains("45 lb bar"), "{out}");
    assert!(out.contains("Nothing was written"), "{out}");
    let report = json(&d.path, &["import-csv", "--dry-run", f]);
    assert_eq!(report["weight_unit"]["unit"], "lb", "{report}");
    assert_eq!(report["weight_unit"]["basis"], "values", "{report}");
    let history = ok(&d.path, &["history"]);
    assert!(
        history.contains("No workouts yet"),
        "a dry run wrote: {history}"
    );
    // A file that names its unit has nothing to decide.
    let hevy = json(
        &d.path,
        &[
            "import-csv",
            "--dry-run",
            fixture("hevy_kg.csv").to_str().unwrap(),
        ],
    );
    assert!(hevy["weight_unit"].is_null(), "{hevy}");
}

#[test]
fn import_csv_refuses_a_file_whose_loads_fit_both_units_until_given_one() {
    let d = db();
    let file = strong_without_unit(
        d._dir.path(),
        "machines.csv",
        25,
        &[
            ("Leg Press", 100.0, 10),
            ("Lat Pulldown", 50.0, 10),
            ("Seated Row (Machine)", 60.0, 10),
        ],
    );
    let f = file.to_str().unwrap();
    let (code, err) = fails(&d.path, &["import-csv", f]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("machines.csv"), "{err}");
    assert!(err.contains("--unit kg or --unit lb"), "{err}");
    assert!(err.contains("75 loads"), "{err}");
    let (code, err) = fails(&d.path, &["--json", "import-csv", f]);
    assert_eq!(code, 2);
    let body: Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(body["error"]["field"], "unit", "{body}");
    let history = ok(&d.path, &["history"]);
    assert!(
        history.contains("No workouts yet"),
        "a refusal wrote: {history}"
    );

    let report = json(&d.path, &["import-csv", "--unit", "lb", f]);
    assert_eq!(report["added"], 75, "{report}");
    assert_eq!(report["weight_unit"]["unit"], "lb", "{report}");
    assert_eq!(report["weight_unit"]["basis"], "given", "{report}");
    let history = ok(&d.path, &["history"]);
    assert!(history.contains("100lbx10"), "{history}");
    assert!(!history.contains("kg"), "{history}");
}

/// The local date of the newest workout, as history shows it.
fn latest_workout_date(db: &Path) -> String {
    json(db, &["history", "-n", "1"])[0]["started_at"]
        .as_str()
        .unwrap()[..10]
        .to_owned()
}

#[test]
fn finishing_twice_or_an_empty_day_says_what_is_wrong_and_what_to_do() {
    let db = db();
    let p = &db.path;
    let (code, err) = fails(p, &["finish"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: no workout is open, and none has been logged yet\n\
         hint: a workout starts with its first set (`heft log squat 100x5`) and `heft finish` closes it; \
         for another day's workout, name the day: `heft --date YYYY-MM-DD finish`\n"
    );
    ok(p, &["log", "squat", "100x5"]);
    ok(p, &["finish"]);
    let day = latest_workout_date(p);
    let (code, err) = fails(p, &["finish"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(&format!(
            "error: no workout is open: the latest one, started on {day}, is already finished\n"
        )),
        "{err}"
    );
    let (code, err) = fails(p, &["--date", &day, "finish"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "error: no workout of {day} is open: it is already finished\n\
             hint: `heft history --since {day} --until {day}` shows it\n"
        )
    );
    let (code, err) = fails(p, &["--date", "2026-11-16", "finish"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: no workout was logged on 2026-11-16\nhint: `heft history` lists the days with workouts\n"
    );
    // Scripts keep the kind they had.
    let out = heft(p, &["--json", "finish"]);
    assert_eq!(out.status.code(), Some(2));
    let e: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(e["error"]["kind"], "not_found");
    assert!(e["error"]["hint"].as_str().unwrap().contains("heft log"));
}

#[test]
fn slips_in_set_notation_are_answered_with_the_command_meant() {
    let db = db();
    let p = &db.path;
    let cases: &[(&[&str], &str)] = &[
        (
            &["log", "squat", "100", "x", "5"],
            "error: a set is one word, without spaces: '100 x 5'\n\
             hint: did you mean `heft log squat 100x5`?\n",
        ),
        (
            &["log", "back", "squat", "100", "x5"],
            "error: a set is one word, without spaces: '100 x5'\n\
             hint: did you mean `heft log back squat 100x5`?\n",
        ),
        (
            &["log", "squat", "100x", "5"],
            "error: a set is one word, without spaces: '100x 5'\n\
             hint: did you mean `heft log squat 100x5`?\n",
        ),
        (
            &["log", "squat", "100"],
            "error: weight is required: Back Squat is done with a weight (0 for an empty machine)\n\
             hint: '100' alone is 100 reps with no weight; did you mean `heft log squat 100x5` (100 x 5 reps)?\n",
        ),
        (
            &["log", "squat"],
            "error: no set after the exercise 'squat'\n\
             hint: write the sets after it, e.g. `heft log squat 100x5` (weight x reps)\n",
        ),
        (
            &["log", "zzqqxx", "100x5"],
            "error: unknown exercise 'zzqqxx'\n\
             hint: `heft exercises zzqqxx` searches the catalog; `heft exercises add \"zzqqxx\"` adds it as your own\n",
        ),
    ];
    for (args, expected) in cases {
        let (code, err) = fails(p, args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(&err, expected, "{args:?}");
    }
    assert_eq!(
        json(p, &["history"]),
        serde_json::json!([]),
        "nothing written"
    );
}

#[test]
fn zero_reps_on_a_lift_is_refused_naming_the_field() {
    let db = db();
    let p = &db.path;
    for (args, exercise) in [
        (&["log", "squat", "100x0"][..], "Back Squat"),
        (&["log", "pull-up", "bwx0"][..], "Pull-Up"),
    ] {
        let (code, err) = fails(p, args);
        assert_eq!(code, 2);
        assert_eq!(
            err,
            format!(
                "error: reps must be at least 1: a set of {exercise} is counted in reps \
                 (write a missed attempt as a failure set, f:100x0)\n"
            )
        );
    }
    let out = heft(p, &["--json", "log", "squat", "100x0"]);
    let e: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(e["error"]["field"], "reps");
    assert_eq!(e["error"]["kind"], "invalid_input");
    assert_eq!(json(p, &["history"]), serde_json::json!([]));
    // A missed attempt and a timed hold are still fine.
    let logged = json(p, &["log", "squat", "f:100x0"]);
    assert_eq!(logged["sets"][0]["reps"], 0);
    let hold = json(p, &["log", "plank", "60s"]);
    assert_eq!(hold["sets"][0]["duration_ms"], 60_000);
}

#[test]
fn an_unknown_program_id_suggests_the_close_one() {
    let db = db();
    let (code, err) = fails(&db.path, &["program", "start", "liftmr"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: no program with id 'liftmr'; did you mean liftmor"),
        "{err}"
    );
    assert!(
        err.ends_with("\nhint: `heft program list` shows the programs\n"),
        "{err}"
    );
    let out = heft(&db.path, &["--json", "program", "start", "liftmr"]);
    let e: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(e["error"]["kind"], "not_found");
    assert_eq!(e["error"]["suggestions"][0], "liftmor");
    let (code, err) = fails(&db.path, &["today"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: no program is running; start one first\n\
         hint: start one with `heft program start ID`; `heft program list` shows them\n"
    );
}

const MY_SQUAT: &str = "format = 1\nid = \"my-squat\"\nname = \"My squat\"\nsummary = \"Squats.\"\n\
    source = \"me\"\nsessions_per_week = 2\nsession_minutes = 20\n\n[[phases]]\nid = \"main\"\n\
    name = \"Main\"\nkind = \"training\"\nweeks = 4\n\n[[phases.days]]\nname = \"A\"\n\n\
    [[phases.days.slots]]\nexercise = \"back-squat\"\nsets = 3\nreps = 5\nrir = 2\nrule = \"linear\"\n";

/// A database running `my-squat` (one lift, 3x5 at RIR 2) from 2025-03-10.
fn my_squat(p: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("my-squat.toml");
    std::fs::write(&file, MY_SQUAT).unwrap();
    ok(p, &["program", "import", file.to_str().unwrap()]);
    ok(p, &["--date", "2025-03-10", "program", "start", "my-squat"]);
    dir
}

#[test]
fn finish_names_each_lift_and_says_what_the_next_session_is() {
    let db = db();
    let p = &db.path;
    ok(p, &["--date", "2025-03-03", "log", "squat", "3x100x5@2"]);
    ok(p, &["--date", "2025-03-03", "finish"]);
    let _dir = my_squat(p);
    ok(p, &["--date", "2025-03-10", "log", "squat", "3x100x5@2"]);
    let out = ok(p, &["--date", "2025-03-10", "finish"]);
    // The Finish screen: the session, a badge and the reason per lift,
    // and the next session.
    let tail: Vec<&str> = out.lines().rev().take(4).collect();
    assert_eq!(tail[3], "Session 1 done · 1 exercise · 3 sets", "{out}");
    assert_eq!(tail[2], "  Back Squat: +1 rep", "{out}");
    assert!(
        tail[1].starts_with("    · Last time 3x5 at 100 kg") && tail[1].contains("(6 reps)"),
        "{out}"
    );
    assert_eq!(
        tail[0], "Next session from Wed 12 Mar: Main, day A",
        "{out}"
    );
    let status = ok(p, &["--date", "2025-03-12", "program", "status"]);
    assert!(
        status.starts_with("My squat\nSession 2 · Main, 2 of 8\nNext: day A, today\n"),
        "{status}"
    );
    let today = ok(p, &["--date", "2025-03-12", "today"]);
    assert!(
        today.starts_with("My squat\nSession 2 · Main, 2 of 8 · day A · Wed 12 Mar\n"),
        "{today}"
    );
    let stopped = ok(p, &["--date", "2025-03-12", "program", "stop"]);
    assert_eq!(stopped, "Stopped my-squat after 1 session.\n");
}

#[test]
fn today_never_promises_a_plain_log_it_then_refuses() {
    let db = db();
    let p = &db.path;
    let _dir = my_squat(p);
    // No estimate yet: the first set is "work up", which `heft log` alone refuses.
    let today = ok(p, &["--date", "2025-03-10", "today"]);
    let next = today.lines().last().unwrap();
    assert_eq!(
        next,
        "Next: Back Squat set 1: work up from 20 kg x 5 reps, 2 in reserve (RPE 8)  \
         (work up to it, then log the weight you used: `heft log back squat WEIGHTx5@2`)"
    );
    assert!(!today.contains("logs it as prescribed"), "{today}");
    let (code, err) = fails(p, &["--date", "2025-03-10", "log"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: the next set of Back Squat has no load yet: work up to a weight that fits the RIR target and log it with that weight\n\
         hint: log what you lifted with its reps and RIR, e.g. `heft log back squat 60x5@2`\n"
    );
    // The plan holds still during the session: the next set is still found by working up.
    ok(
        p,
        &["--date", "2025-03-10", "log", "back", "squat", "80x5@2"],
    );
    let today = ok(p, &["--date", "2025-03-10", "today"]);
    assert!(
        today
            .lines()
            .last()
            .unwrap()
            .starts_with("Next: Back Squat set 2: work up from"),
        "{today}"
    );
    ok(
        p,
        &["--date", "2025-03-10", "log", "back", "squat", "2x80x5@2"],
    );
    assert_eq!(
        ok(p, &["--date", "2025-03-10", "today"])
            .lines()
            .last()
            .unwrap(),
        "Every set is logged: `heft finish` closes the session and counts it."
    );
    let (code, err) = fails(p, &["--date", "2025-03-10", "log"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: every set of today's session is logged; finish the workout to count it\n\
         hint: `heft finish` closes the session\n"
    );
}

#[test]
fn a_plain_log_says_what_comes_next() {
    let db = db();
    let p = &db.path;
    ok(p, &["--date", "2025-03-03", "program", "start", "liftmor"]);
    let logged = ok(p, &["--date", "2025-03-03", "log"]);
    assert!(logged.starts_with("Saved 1 set. Started"), "{logged}");
    assert_eq!(
        logged.lines().last().unwrap(),
        "Next: Deadlift set 2: 20 kg x 5 reps  (`heft log` logs it as prescribed)"
    );
    for _ in 0..10 {
        ok(p, &["--date", "2025-03-03", "log"]);
    }
    let logged = ok(p, &["--date", "2025-03-03", "log"]);
    assert_eq!(
        logged.lines().last().unwrap(),
        "Every set is logged: `heft finish` closes the session and counts it."
    );
    let json_log = json(p, &["--date", "2025-03-03", "undo"]);
    assert!(json_log["undone"].is_string());
}

#[test]
fn counts_read_one_set_and_two_sets() {
    let db = db();
    let p = &db.path;
    let dir = tempfile::tempdir().unwrap();
    assert!(ok(p, &["log", "squat", "100x5"]).starts_with("Saved 1 set. "));
    assert!(ok(p, &["log", "squat", "2x100x5"]).starts_with("Saved 2 sets. "));
    let shown = ok(p, &["program", "show", "liftmor"]);
    assert!(
        shown.contains("2 sessions a week · about 30 min each · 60 min a week\nAt least 2 days between sessions"),
        "{shown}"
    );
    assert!(!shown.contains(" 1 weeks"), "{shown}");
    let out = dir.path().join("one.csv");
    ok(p, &["log", "--at", "2025-01-01 10:00", "bench", "60x5"]);
    let one = dir.path().join("one.heft");
    let wrote = ok(p, &["export", "--out", one.to_str().unwrap()]);
    assert!(wrote.contains(", 4 sets)"), "{wrote}");
    let other = db_in(dir.path(), "other.db");
    ok(&other, &["log", "squat", "100x1"]);
    let csv = ok(&other, &["export-csv", "--out", out.to_str().unwrap()]);
    assert!(csv.ends_with("(1 set, 1 workout).\n"), "{csv}");
    let jumps = ok(&other, &["log", "box jump", "bwx5", "--landings", "1"]);
    assert!(jumps.contains("[1 landing]"), "{jumps}");
}

fn db_in(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

#[test]
fn starting_a_program_while_another_runs_asks_or_needs_yes() {
    let db = db();
    let p = &db.path;
    ok(p, &["--date", "2025-03-03", "program", "start", "liftmor"]);
    let (code, err) = fails(
        p,
        &["--date", "2025-03-04", "program", "start", "linear-5x5"],
    );
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: liftmor is in progress (since 2025-03-03, 0 sessions done); starting linear-5x5 ends it\n\
         hint: pass --yes to start it anyway: `heft program start linear-5x5 --yes`\n"
    );
    let out = heft(
        p,
        &[
            "--json",
            "--date",
            "2025-03-04",
            "program",
            "start",
            "linear-5x5",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let e: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(e["error"]["kind"], "conflict");
    assert!(e["error"]["hint"].as_str().unwrap().contains("--yes"));
    let status = json(p, &["--date", "2025-03-04", "program", "status"]);
    assert_eq!(status["run"]["program_id"], "liftmor", "nothing changed");

    // On a terminal the question is asked; "n" keeps the program, "y" starts the new one.
    let on_terminal = |answer: &str| -> Option<String> {
        let cmd = format!(
            "{} --db {} --date 2025-03-04 program start linear-5x5",
            env!("CARGO_BIN_EXE_heft"),
            p.display()
        );
        let mut child = Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .env_remove("HEFT_DB")
            .spawn()
            .ok()?;
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{answer}\n").as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        Some(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    if let Some(said) = on_terminal("n") {
        assert!(
            said.contains(
                "liftmor is in progress (since 2025-03-03, 0 sessions done); starting linear-5x5 ends it. Start linear-5x5? [y/N] "
            ) && said.contains("Nothing changed: liftmor goes on."),
            "{said}"
        );
        let status = json(p, &["--date", "2025-03-04", "program", "status"]);
        assert_eq!(status["run"]["program_id"], "liftmor");
        let said = on_terminal("y").unwrap();
        assert!(
            said.contains("Started Linear 5 x 5 on 2025-03-04."),
            "{said}"
        );
        let status = json(p, &["--date", "2025-03-04", "program", "status"]);
        assert_eq!(status["run"]["program_id"], "linear-5x5");
    }
    let started = json(
        p,
        &[
            "--date",
            "2025-03-05",
            "program",
            "start",
            "liftmor",
            "--yes",
        ],
    );
    assert_eq!(started["run"]["program_id"], "liftmor");
}

#[test]
fn a_workout_left_open_yesterday_is_mentioned_before_it_is_closed_uncounted() {
    let setup = || {
        let db = db();
        ok(
            &db.path,
            &["--date", "yesterday", "program", "start", "liftmor"],
        );
        ok(&db.path, &["--date", "yesterday", "log"]);
        ok(&db.path, &["--date", "yesterday", "log"]);
        db
    };
    let note = |day: &str| {
        format!(
            "note: Afternoon workout of {} 12:00 (2 sets) is still open. The next set logged closes it \
             at its last set (12:00) and never counts for your program; `heft --date {day} finish` \
             closes it now and counts it.\n",
            chrono_day(day)
        )
    };

    // `today` says so; finishing that day counts the session and the note goes.
    let db = setup();
    let p = &db.path;
    let day = latest_workout_date(p);
    let out = heft(p, &["today"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stderr).unwrap(), note(&day));
    let finished = json(p, &["--date", &day, "finish"]);
    assert_eq!(finished["session"]["session_number"], 1);
    let out = heft(p, &["today"]);
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");

    // `log` says so, then does what it said: closes it, uncounted.
    let db = setup();
    let p = &db.path;
    let out = heft(p, &["log", "squat", "100x5"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stderr).unwrap(), note(&day));
    let history = json(p, &["history"]);
    assert_eq!(
        history.as_array().unwrap().len(),
        2,
        "a new workout started"
    );
    assert!(
        history[1]["finished_at"].is_string(),
        "yesterday's was closed"
    );
    let status = json(p, &["program", "status"]);
    assert_eq!(
        status["run"]["state"]["sessions_done"], 0,
        "and not counted"
    );
    // Scripts get the JSON alone.
    let out = heft(p, &["--json", "today"]);
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

/// "Sun 2026-12-06" for "2026-12-06".
fn chrono_day(day: &str) -> String {
    let d: chrono::NaiveDate = day.parse().unwrap();
    d.format("%a %Y-%m-%d").to_string()
}

#[test]
fn note_goes_on_the_last_set_and_note_all_on_every_set() {
    let db = db();
    let p = &db.path;
    let logged = json(
        p,
        &["log", "squat", "w:60x5", "3x100x5", "--note", "grindy"],
    );
    let notes: Vec<&Value> = logged["sets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["note"])
        .collect();
    assert_eq!(
        notes,
        [
            &Value::Null,
            &Value::Null,
            &Value::Null,
            &serde_json::json!("grindy")
        ]
    );
    let logged = json(p, &["log", "bench", "2x60x8", "--note-all", "paused"]);
    assert!(
        logged["sets"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["note"] == "paused")
    );
    let (code, err) = fails(
        p,
        &["log", "bench", "60x8", "--note", "a", "--note-all", "b"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("'--note <TEXT>' cannot be used with '--note-all <TEXT>'"),
        "{err}"
    );
    let help = ok(p, &["log", "--help"]);
    assert!(help.contains("A note on the last set logged"), "{help}");
    assert!(help.contains("A note on every set logged"), "{help}");
}

#[test]
fn help_fits_an_80_column_terminal() {
    for args in [
        &["log", "--help"][..],
        &["measure", "--help"],
        &["measures", "--help"],
        &["--help"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_heft"))
            .args(args)
            .env("COLUMNS", "80")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{args:?}: {} columns: {line}",
                line.chars().count()
            );
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_heft"))
        .args(["log", "--help"])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // The notation block comes through as written, one entry a line.
    for line in [
        "  100kgx5, 225lbx5 with an explicit unit\n",
        "  bw+10x8, bw-20x6 added load; assistance\n",
        "  400m, 5km/25min  a distance, optionally with its time\n",
        "  f:100x0          a missed attempt: 0 reps only on a failure set\n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
}

fn assert_fits_80(text: &str) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}\n{text}",
            line.chars().count()
        );
    }
}

#[test]
fn measures_fit_80_columns_with_the_band_below_each_series() {
    let d = db();
    let p = &d.path;
    ok(p, &["profile", "--birth-year", "1957", "--sex", "female"]);
    for (date, v) in [
        ("2024-03-01", "-2.0"),
        ("2025-03-01", "-1.9"),
        ("2026-03-01", "-1.8"),
    ] {
        ok(
            p,
            &[
                "measure",
                "t_score",
                v,
                "--site",
                "lumbar_spine",
                "--date",
                date,
            ],
        );
    }
    ok(
        p,
        &[
            "measure",
            "grip",
            "31",
            "--site",
            "left",
            "--date",
            "2026-03-01",
        ],
    );
    ok(
        p,
        &[
            "measure",
            "grip",
            "29",
            "--site",
            "left",
            "--date",
            "2026-03-02",
        ],
    );
    let long = "after breakfast, clothes on, the usual scale at the gym by the door";
    ok(p, &["measure", "body_weight", "72.5", "--note", long]);
    let table = ok(p, &["measures"]);
    assert_fits_80(&table);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "Measure                   Latest   Date");
    let t = lines
        .iter()
        .position(|l| l.starts_with("T-score, lumbar spine"))
        .unwrap();
    assert!(
        lines[t].starts_with("T-score, lumbar spine     \u{2212}1.8     "),
        "{table}"
    );
    assert_eq!(lines[t + 1], "    +0.1 since Sat 1 Mar 2025");
    assert_eq!(lines[t + 2], "    +0.2 since Fri 1 Mar 2024");
    assert_eq!(lines[t + 3], "    within the scanner's precision");
    assert!(lines[t + 4].starts_with("    osteopenia"), "{table}");
    let grip = lines
        .iter()
        .position(|l| l.starts_with("Grip strength, left hand"))
        .unwrap();
    assert!(lines[grip].contains(" 29 kg "), "{table}");
    assert!(
        lines[grip + 1].starts_with("    \u{2212}2 kg (\u{2212}6.5%) since "),
        "{table}"
    );
    assert_eq!(
        lines[grip + 2],
        "    not low (cut-off 16 kg for women) (EWGSOP2)"
    );
    // Notes are cut with an ellipsis in the list; JSON keeps them whole.
    let list = ok(p, &["measures", "--kind", "body_weight"]);
    assert_fits_80(&list);
    assert!(list.contains("after breakfast, clothes on, …"), "{list}");
    let all = json(p, &["measures", "--kind", "body_weight"]);
    assert_eq!(all["measurements"][0]["note"], long);
}

#[test]
fn history_cuts_long_notes_and_has_a_compact_view() {
    let db = db();
    let p = &db.path;
    let long = "this is a very long note that would widen every single row of the table";
    ok(
        p,
        &[
            "--at",
            "2026-11-20 18:00",
            "log",
            "deadlift",
            "w:20x5",
            "5x47.5x5@3",
            "--note",
            long,
        ],
    );
    ok(
        p,
        &[
            "--at",
            "2026-11-20 18:20",
            "log",
            "squat",
            "100x5",
            "100x5",
            "102.5x5",
        ],
    );
    ok(p, &["--at", "2026-11-20 18:40", "log", "deadlift", "50x3"]);
    let table = ok(p, &["history"]);
    assert_fits_80(&table);
    assert!(
        table.contains("  this is a very long note that… "),
        "{table}"
    );
    let compact = ok(p, &["history", "--compact"]);
    let lines: Vec<&str> = compact.lines().collect();
    assert_eq!(lines.len(), 3, "{compact}");
    assert!(lines[0].starts_with("Fri 2026-11-20 "), "{compact}");
    assert_eq!(lines[1], "  Deadlift    w:20kgx5 5x47.5kgx5@3 50kgx3");
    assert_eq!(lines[2], "  Back Squat  2x100kgx5 102.5kgx5");
    // --json is the same shape with or without it.
    assert_eq!(json(p, &["history", "--compact"]), json(p, &["history"]));
    assert_eq!(json(p, &["history"])[0]["sets"][5]["note"], long);
}

#[test]
fn a_new_default_database_is_announced_once() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_heft"))
            .args(args)
            .env_remove("HEFT_DB")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .output()
            .unwrap()
    };
    let path = home.path().join("data/heft/heft.db");
    let first = run(&["log", "squat", "100x5"]);
    assert!(first.status.success());
    assert_eq!(
        String::from_utf8(first.stderr).unwrap(),
        format!(
            "Created a new database at {} (--db PATH or HEFT_DB choose another).\n",
            path.display()
        )
    );
    assert!(path.exists());
    let second = run(&["history"]);
    assert!(second.status.success());
    assert_eq!(String::from_utf8(second.stderr).unwrap(), "");
    // A database named with --db is the person's choice: nothing to announce.
    let chosen = home.path().join("chosen.db");
    let out = run(&["--db", chosen.to_str().unwrap(), "history"]);
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

/// Logs every set of the day's planned session with plain `heft log`, then
/// finishes it; returns how many sets were logged.
fn log_planned_session(p: &Path, date: &str) -> usize {
    let mut n = 0;
    loop {
        let out = heft(p, &["--date", date, "log"]);
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("every set of today's session is logged"),
                "{date}: {err}"
            );
            break;
        }
        n += 1;
        assert!(n < 40, "{date}: the session never ends");
    }
    ok(p, &["--date", date, "finish"]);
    n
}

fn start_liftmor(p: &Path, on: &str) {
    ok(
        p,
        &[
            "profile",
            "--birth-year",
            "1958",
            "--sex",
            "female",
            "--bone-status",
            "osteopenia",
        ],
    );
    ok(p, &["--date", on, "program", "start", "liftmor"]);
}

#[test]
fn technique_sets_logged_from_the_plan_are_not_heavy_hard_or_strength_evidence() {
    let db = db();
    let p = &db.path;
    start_liftmor(p, "2026-11-02");
    for date in ["2026-11-02", "2026-11-05"] {
        assert_eq!(log_planned_session(p, date), 12, "3 x 4 technique sets");
    }
    // Every set carries its role; technique sets have no effort to carry.
    let h = json(p, &["--date", "2026-11-05", "history"]);
    for w in h.as_array().unwrap() {
        for s in w["sets"].as_array().unwrap() {
            assert_eq!(s["role"], "technique", "{s}");
            assert_eq!(s["effort"], Value::Null, "{s}");
        }
    }
    // A week of empty-bar practice: no heavy or hard sets, no LIFTMOR
    // pattern, but the planned landings of the jumping chin-ups count.
    let stats = json(p, &["--date", "2026-11-05", "stats"]);
    let week = &stats["this_week"];
    assert_eq!(week["hard_sets"], 0, "{week}");
    assert_eq!(week["bone"]["heavy_axial_sets"], 0, "{week}");
    assert_eq!(week["bone"]["meets_liftmor"], false, "{week}");
    assert_eq!(week["bone"]["landings"], 30, "{week}");
    // Nor is it evidence of strength: no e1RM and no records from it.
    let e1rm = json(p, &["--date", "2026-11-05", "e1rm", "deadlift"]);
    assert_eq!(e1rm["series"]["points"], serde_json::json!([]), "{e1rm}");
    let records = json(p, &["--date", "2026-11-05", "records"]);
    assert_eq!(records, serde_json::json!([]), "{records}");
}

#[test]
fn a_typed_set_of_a_planned_exercise_takes_its_role_and_planned_landings() {
    let db = db();
    let p = &db.path;
    start_liftmor(p, "2026-11-02");
    // Typed in set notation, without --landings: the plan's 5 landings.
    ok(
        p,
        &[
            "--date",
            "2026-11-02",
            "log",
            "jumping",
            "chin",
            "up",
            "bwx5",
        ],
    );
    // With --landings, the person's count wins; with an effort, it is theirs.
    ok(
        p,
        &[
            "--date",
            "2026-11-02",
            "log",
            "jumping",
            "chin",
            "up",
            "bwx5@3",
            "--landings",
            "3",
        ],
    );
    // An exercise the plan does not hold is logged freely: no role.
    ok(p, &["--date", "2026-11-02", "log", "plank", "60s"]);
    // Landings go with the reps done: one per jumping chin-up.
    ok(
        p,
        &[
            "--date",
            "2026-11-02",
            "log",
            "jumping",
            "chin",
            "up",
            "bwx2",
        ],
    );
    let sets = &json(p, &["--date", "2026-11-02", "history"])[0]["sets"];
    assert_eq!(sets[0]["impact"]["landings"], 5, "{sets}");
    assert_eq!(sets[0]["role"], "technique");
    assert_eq!(sets[1]["impact"]["landings"], 3, "{sets}");
    assert_eq!(sets[1]["effort_source"], "logged");
    assert_eq!(sets[2]["role"], Value::Null);
    assert_eq!(sets[3]["impact"]["landings"], 2, "{sets}");
    let stats = json(p, &["--date", "2026-11-02", "stats"]);
    assert_eq!(stats["this_week"]["bone"]["landings"], 10);
}

#[test]
fn today_and_stats_count_this_weeks_minutes_alike() {
    let db = db();
    let p = &db.path;
    start_liftmor(p, "2026-11-02");
    let minutes = |date: &str| {
        let today = json(p, &["--date", date, "today"]);
        let stats = json(p, &["--date", date, "stats"]);
        (
            today["plan"]["dose"]["logged"].as_u64().unwrap(),
            stats["this_week"]["lifting_minutes"].as_u64().unwrap(),
        )
    };
    // Half a session logged, still open.
    for _ in 0..6 {
        ok(p, &["--date", "2026-11-02", "log"]);
    }
    let (today, stats) = minutes("2026-11-02");
    assert!(today > 0);
    assert_eq!(today, stats, "half a session");
    // Finished with a length, then a second workout the same day.
    ok(p, &["--date", "2026-11-02", "finish", "--duration", "35m"]);
    ok(
        p,
        &[
            "--at",
            "2026-11-02 18:00",
            "log",
            "goblet",
            "squat",
            "3x16x10@2",
        ],
    );
    let (today, stats) = minutes("2026-11-02");
    assert_eq!(today, stats, "a finished session and an open workout");
    assert!(today > 35, "{today}");
}

#[test]
fn slips_are_questioned_and_saved_only_when_confirmed() {
    let db = db();
    let p = &db.path;
    ok(p, &["--date", "2026-11-01", "log", "bench", "3x71.44x5"]);
    // Load and reps the wrong way round.
    let (code, err) = fails(p, &["--date", "2026-11-03", "log", "squat", "5x100"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "warning: Back Squat, set 1: 5 kg for 100 reps looks like load and reps the wrong way round; did you mean 100 kg × 5?"
        ),
        "{err}"
    );
    assert!(err.contains("heft log squat 100kgx5"), "{err}");
    assert!(err.contains("nothing saved"), "{err}");
    // Pounds typed into a kg profile.
    let (code, err) = fails(p, &["--date", "2026-11-03", "log", "bench", "135x5"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("Bench Press, set 1: 135 kg is 1.9 times your recent working weight (71.44 kg); did you mean 135 lb × 5?"),
        "{err}"
    );
    // With --json: the warnings on stdout, a typed error on stderr.
    let out = heft(
        p,
        &["--json", "--date", "2026-11-03", "log", "squat", "15x5"],
    );
    assert_eq!(out.status.code(), Some(2));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["logged"], Value::Null);
    assert_eq!(body["warnings"][0]["code"], "below_bar", "{body}");
    assert_eq!(body["warnings"][0]["set"], 0);
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["kind"], "needs_confirmation");
    // Nothing was saved by any of them.
    assert_eq!(json(p, &["history"]).as_array().unwrap().len(), 1);
    // Confirmed: saved, and the warning goes with the result.
    let logged = json(
        p,
        &["--date", "2026-11-03", "log", "squat", "15x5", "--yes"],
    );
    assert_eq!(logged["warnings"][0]["code"], "below_bar");
    assert_eq!(logged["sets"].as_array().unwrap().len(), 1);
    // A real step up, and a ramp typed in one go, are not slips.
    ok(p, &["--date", "2026-11-04", "log", "bench", "75x5"]);
    ok(
        p,
        &[
            "--date",
            "2026-11-04",
            "log",
            "deadlift",
            "60x5",
            "100x5",
            "140x3",
            "180x1",
        ],
    );
}

#[test]
fn an_edit_keeps_the_role_and_effort_source_of_a_planned_set() {
    let db = db();
    let p = &db.path;
    start_liftmor(p, "2026-11-02");
    ok(p, &["--date", "2026-11-02", "log"]);
    let set = &json(p, &["--date", "2026-11-02", "history"])[0]["sets"][0];
    assert_eq!(set["role"], "technique");
    let id = set["id"].as_str().unwrap().to_owned();
    // Fixing the reps in set notation keeps it technique practice: still no
    // e1RM from the empty bar.
    ok(p, &["--date", "2026-11-02", "edit", &id, "20x4"]);
    let set = &json(p, &["--date", "2026-11-02", "history"])[0]["sets"][0];
    assert_eq!(
        (set["reps"].as_u64(), set["role"].as_str()),
        (Some(4), Some("technique"))
    );
    let e1rm = json(p, &["--date", "2026-11-02", "e1rm", "deadlift"]);
    assert_eq!(e1rm["series"]["points"], serde_json::json!([]), "{e1rm}");
    let history = ok(p, &["--date", "2026-11-02", "history"]);
    assert!(history.contains("20kgx4 (technique)"), "{history}");
}

#[test]
fn a_first_session_is_judged_against_its_plan_and_light_sets_are_never_questioned() {
    let db = db();
    let p = &db.path;
    start_liftmor(p, "2026-11-02");
    // The plan says 20 kg; 45 is what a person thinking in pounds types.
    let (code, err) = fails(p, &["--date", "2026-11-02", "log", "deadlift", "3x45x5"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("warning: Deadlift, sets 1–3: 45 kg is 2.3 times your recent working weight (20 kg); did you mean 45 lb × 5?"),
        "{err}"
    );
    assert!(
        err.contains("to log that instead: heft log deadlift 3x45lbx5 (with the same options)"),
        "{err}"
    );
    // In a lb profile, warm-ups and a light day far under the usual load
    // are not slips.
    let lb = self::db();
    let q = &lb.path;
    ok(q, &["init", "--unit", "lb"]);
    ok(q, &["--date", "2026-11-02", "log", "deadlift", "3x300x5"]);
    ok(
        q,
        &[
            "--date",
            "2026-11-05",
            "log",
            "deadlift",
            "w:135x5",
            "w:225x3",
            "3x305x5",
        ],
    );
    ok(q, &["--date", "2026-11-07", "log", "deadlift", "3x135x5"]);
    // Beyond any record: questioned, with the likely unit.
    let (code, err) = fails(p, &["--date", "2026-11-02", "log", "squat", "1000x5"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("1000 kg is more than anyone has lifted this way"),
        "{err}"
    );
    assert!(err.contains("heft log squat 1000lbx5"), "{err}");
}

#[test]
fn a_prescribed_effort_is_shown_as_prescribed_and_is_not_strength_evidence() {
    let db = db();
    let p = &db.path;
    // A custom program with a working slot at RIR 2 from the first session.
    let program = db._dir.path().join("squat.toml");
    std::fs::write(
        &program,
        "format = 1\nid = \"squat-test\"\nname = \"Squat test\"\nsummary = \"Squats.\"\nsource = \"A test.\"\n\
         sessions_per_week = 2\nmin_days_between = 2\nsession_minutes = 20\n\n[[phases]]\nid = \"main\"\n\
         name = \"Main\"\nkind = \"training\"\nweeks = 4\n\n[[phases.days]]\nname = \"A\"\n\n\
         [[phases.days.slots]]\nexercise = \"back-squat\"\nsets = 2\nreps = 5\nrir = 2\nrule = \"linear\"\n",
    )
    .unwrap();
    ok(p, &["--date", "2026-10-20", "log", "squat", "2x60x5@2"]);
    ok(p, &["program", "import", program.to_str().unwrap()]);
    ok(
        p,
        &["--date", "2026-11-02", "program", "start", "squat-test"],
    );
    log_planned_session(p, "2026-11-02");
    let sets = &json(p, &["--date", "2026-11-02", "history"])[0]["sets"];
    let last = sets.as_array().unwrap().last().unwrap();
    assert_eq!(last["role"], "working", "{last}");
    assert_eq!(last["effort_source"], "prescribed", "{last}");
    assert!(!last["effort"].is_null(), "{last}");
    let history = ok(p, &["--date", "2026-11-02", "history"]);
    assert!(history.contains("(as prescribed)"), "{history}");
    // The e1RM of that session rests on the reps alone, not on an assumed RIR.
    let e1rm = json(p, &["--date", "2026-11-02", "e1rm", "squat"]);
    let points = e1rm["series"]["points"].as_array().unwrap();
    let today = points.iter().find(|x| x["date"] == "2026-11-02").unwrap();
    assert_eq!(today["rir"], Value::Null, "{today}");
}

#[test]
fn bands_in_the_profile_name_the_band_of_a_band_set_and_the_log_records_it() {
    let db = db();
    let p = &db.path;
    let profile = json(
        p,
        &[
            "profile",
            "--bands",
            "Yellow,red,green",
            "--equipment",
            "band",
        ],
    );
    assert_eq!(
        profile["bands"],
        serde_json::json!(["yellow", "red", "green"])
    );
    let (code, err) = fails(p, &["profile", "--bands", "red,red"]);
    assert_eq!(code, 2, "{err}");
    ok(
        p,
        &["--date", "2025-03-03", "program", "start", "lisa-moderate"],
    );
    let today = json(p, &["--date", "2025-03-03", "today"]);
    let band_row = today["plan"]["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["exercise_id"] == "band-row")
        .unwrap()
        .clone();
    assert_eq!(band_row["sets"][0]["band"], "yellow");
    // Other sets carry no band field at all.
    assert!(
        today["plan"]["exercises"][0]["sets"][0]
            .get("band")
            .is_none()
    );
    let text = ok(p, &["--date", "2025-03-03", "today"]);
    assert!(text.contains("yellow band"), "{text}");
    let logged = json(
        p,
        &[
            "--date",
            "2025-03-03",
            "log",
            "band",
            "row",
            "10r@5@band:red",
        ],
    );
    assert_eq!(logged["sets"][0]["band"], "red", "{logged}");
    let history = ok(p, &["history"]);
    assert!(history.contains("10r@5@band:red"), "{history}");
}

/// Runs the binary as a user who cannot write `dir` (made read-only): as
/// is when this process is not root; as `nobody` through `setpriv` when it
/// is root (root writes anywhere). `None` when neither can be arranged.
fn as_reader(db: &Path, args: &[&str]) -> Option<Output> {
    use std::os::unix::fs::PermissionsExt;
    let dir = db.parent().unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let root = Command::new("id").arg("-u").output().ok()?.stdout == b"0\n";
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_heft"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_heft"))
    };
    let probe = dir.join("probe");
    if !root && std::fs::write(&probe, b"").is_ok() {
        let _ = std::fs::remove_file(probe);
        return None;
    }
    cmd.arg("--db").arg(db).args(args).env_remove("HEFT_DB");
    cmd.output().ok()
}

#[test]
fn a_database_in_a_read_only_folder_is_read_and_refuses_writes_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // A folder others may enter, holding the one that becomes read-only.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("heft.db");
    ok(&path, &["log", "back-squat", "100x5@rir2"]);
    let before = std::fs::read(&path).unwrap();
    let Some(out) = as_reader(&path, &["--json", "history"]) else {
        eprintln!("skipped: this user can write a read-only folder and setpriv is unavailable");
        return;
    };
    if String::from_utf8_lossy(&out.stderr).contains("setpriv") && !out.status.success() {
        eprintln!("skipped: setpriv could not change user here");
        return;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "history failed: {stderr}");
    assert!(stderr.contains("open read-only"), "{stderr}");
    let history: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(history[0]["sets"].as_array().unwrap().len(), 1, "{history}");
    // Exports are reads too.
    let csv = as_reader(&path, &["export-csv"]).unwrap();
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    // A write is refused with its own kind, and nothing changes.
    let out = as_reader(&path, &["--json", "log", "back-squat", "100x5"]).unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let body: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(body["error"]["kind"], "read_only", "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is unchanged"
    );
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["heft.db"], "nothing added beside it");
}

#[test]
fn a_database_on_a_full_disk_is_read_and_refuses_writes_untouched() {
    let d = db();
    ok(&d.path, &["log", "back-squat", "100x5@rir2"]);
    let full = d._dir.path().join("full");
    let out = d._dir.path().join("out");
    std::fs::create_dir(&full).unwrap();
    std::fs::create_dir(&out).unwrap();
    // A small file system of its own, in a mount namespace of its own (so
    // nothing is left mounted), filled to the last byte after the copy.
    let script = format!(
        r#"mount -t tmpfs -o size=4m tmpfs "{full}" || exit 97
cp "{db}" "{full}/heft.db"
dd if=/dev/zero of="{full}/filler" bs=4096 2>/dev/null
df -k "{full}" | tail -1 | awk '{{print $4}}' > "{out}/free"
cp "{full}/heft.db" "{out}/before.db"
"{bin}" --db "{full}/heft.db" --json history > "{out}/history" 2> "{out}/history.err"
echo $? > "{out}/history.code"
"{bin}" --db "{full}/heft.db" --json log back-squat 100x4 > "{out}/log" 2> "{out}/log.err"
echo $? > "{out}/log.code"
cp "{full}/heft.db" "{out}/after.db" 2>/dev/null || cat "{full}/heft.db" > "{out}/after.db"
"#,
        full = full.display(),
        out = out.display(),
        db = d.path.display(),
        bin = env!("CARGO_BIN_EXE_heft"),
    );
    let ran = Command::new("unshare")
        .args(["-Urm", "sh", "-c", &script])
        .env_remove("HEFT_DB")
        .status();
    if !ran.is_ok_and(|s| s.success()) {
        eprintln!(
            "skipped: a small file system cannot be mounted here (unshare -Urm, mount -t tmpfs)"
        );
        return;
    }
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    assert_eq!(read("free").trim(), "0", "the disk is full");
    let err = read("history.err");
    assert_eq!(read("history.code").trim(), "0", "history failed: {err}");
    assert!(err.contains("open read-only"), "{err}");
    let history: Value = serde_json::from_str(&read("history")).unwrap();
    assert_eq!(history[0]["sets"].as_array().unwrap().len(), 1, "{history}");
    let err = read("log.err");
    assert_ne!(read("log.code").trim(), "0");
    let body: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(body["error"]["kind"], "read_only", "{err}");
    assert!(
        body["error"]["message"].to_string().contains("full")
            || err.contains("full")
            || err.contains("refused a write"),
        "says why: {err}"
    );
    assert_eq!(
        std::fs::read(out.join("before.db")).unwrap(),
        std::fs::read(out.join("after.db")).unwrap(),
        "the file is unchanged"
    );
}

fn damage_a_leaf_of(path: &Path, table: &str) -> usize {
    heft_core::testing::damage_a_leaf_of(path, table).unwrap()
}

#[test]
fn a_damaged_page_refuses_writes_until_recover_saves_the_rest() {
    let db = db();
    for day in 1..=16 {
        let date = format!("2026-01-{day:02}");
        ok(
            &db.path,
            &["--date", &date, "log", "squat", "20x100x5", "--yes"],
        );
    }
    let on_page = damage_a_leaf_of(&db.path, "set_entry");
    // A log with content, as a session killed mid-write leaves it: the
    // next open runs SQLite's quick_check and finds the damage.
    std::fs::write(format!("{}-wal", db.path.display()), [0u8; 64]).unwrap();
    let (code, err) = fails(&db.path, &["--json", "log", "squat", "100x5"]);
    assert_eq!(code, 1, "{err}");
    let last = err.lines().last().unwrap();
    let body: Value = serde_json::from_str(last).unwrap();
    assert_eq!(body["error"]["kind"], "damaged", "{err}");
    assert!(
        body["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("`heft recover`"),
        "{err}"
    );
    let damaged = std::fs::read(&db.path).unwrap();

    let report = json(&db.path, &["recover"]);
    assert_eq!(report["merged"], false, "{report}");
    let sets = report["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "set_entry")
        .unwrap();
    assert_eq!(sets["lost"], on_page, "{report}");
    assert_eq!(sets["saved"], 320 - on_page, "{report}");
    let aside = PathBuf::from(report["damaged_file"].as_str().unwrap());
    assert!(
        aside.to_string_lossy().contains("heft.db.corrupt-"),
        "{report}"
    );
    assert!(
        std::fs::read(&aside).unwrap() == damaged,
        "kept byte for byte"
    );

    // The recovered database is sound and takes new sets, with no note
    // of damage or of a database set aside.
    let out = heft(&db.path, &["log", "squat", "100x5", "--yes"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("NOTE"), "{err}");
    let history = json(&db.path, &["history", "-n", "100"]);
    let total: usize = history
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["sets"].as_array().unwrap().len())
        .sum();
    assert_eq!(total, 321 - on_page);
    // Again: the copy set aside is merged, and nothing is doubled.
    let again = json(&db.path, &["recover"]);
    assert_eq!(again["merged"], true, "{again}");
    let history = json(&db.path, &["history", "-n", "100"]);
    let after: usize = history
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["sets"].as_array().unwrap().len())
        .sum();
    assert_eq!(after, total);
}

#[test]
fn program_swap_and_days_adjust_the_running_program() {
    let db = db();
    let p = &db.path;
    let (code, err) = fails(p, &["program", "swap", "back squat", "front squat"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no program is running"), "{err}");
    let _dir = my_squat(p);
    // 2025-03-10 is a Monday.
    let out = ok(
        p,
        &[
            "--date",
            "2025-03-10",
            "program",
            "swap",
            "back squat",
            "front squat",
        ],
    );
    assert_eq!(
        out,
        "Back Squat: Front Squat in its place (your own choice, from now on)\nNext: day A, today\n"
    );
    let today = json(p, &["--date", "2025-03-10", "today"]);
    assert_eq!(today["plan"]["exercises"][0]["exercise_id"], "front-squat");
    assert_eq!(
        today["plan"]["exercises"][0]["swap"]["from_id"],
        "back-squat"
    );
    let status = ok(p, &["--date", "2025-03-10", "program", "status"]);
    assert!(
        status.contains("Back Squat: Front Squat in its place (your own choice, from now on)"),
        "{status}"
    );
    let (code, err) = fails(p, &["program", "swap", "bench press", "push-up"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is not an exercise of My squat"), "{err}");

    let out = ok(p, &["--date", "2025-03-10", "program", "days", "Wed, sat"]);
    assert!(
        out.starts_with("You train on Wed, Sat\nNext: day A, from Wed 12 Mar\n"),
        "{out}"
    );
    let today = ok(p, &["--date", "2025-03-10", "today"]);
    assert!(
        today.contains("Rest day: the next session is best from Wed 12 Mar"),
        "{today}"
    );
    let adjusted = json(p, &["program", "days", "mon,thu"]);
    assert_eq!(adjusted["days"], serde_json::json!(["mon", "thu"]));
    assert_eq!(adjusted["swaps"][0]["to_id"], "front-squat");
    let (code, err) = fails(p, &["program", "days", "mon,funday"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("unknown weekday 'funday'"), "{err}");
    assert_eq!(
        json(p, &["program", "days", "any"])["days"],
        serde_json::json!([])
    );
    // Each adjustment is one undo step; the swap back is FROM as TO.
    ok(p, &["undo"]);
    let back = json(p, &["program", "swap", "back-squat", "back-squat"]);
    assert_eq!(back["swaps"], serde_json::json!([]));
    assert_eq!(back["days"], serde_json::json!(["mon", "thu"]));
}

/// A Strong export (kg) of squats twice a week for eight weeks with a
/// three-week break, written into `dir`.
fn squat_export(dir: &Path) -> PathBuf {
    let mut csv = String::from(
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n",
    );
    let first = chrono::NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
    let mut kg = 100.0;
    for week in 0..11_u64 {
        if (4..7).contains(&week) {
            continue;
        }
        for day in [0, 3] {
            let date = first + chrono::Days::new(7 * week + day);
            csv.push_str(&format!(
                "{date} 18:00:00,\"Legs\",\"Squat (Barbell)\",W,60,5,0,0,\"\",\"\"\n"
            ));
            for set in 1..=3 {
                csv.push_str(&format!(
                    "{date} 18:00:00,\"Legs\",\"Squat (Barbell)\",{set},{kg},5,0,0,\"\",\"\"\n"
                ));
            }
            kg += 2.5;
        }
    }
    let path = dir.join("strong.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn backtest_replays_a_file_without_touching_the_database() {
    let d = db();
    let file = squat_export(d._dir.path());
    let f = file.to_str().unwrap();
    let out = ok(&d.path, &["backtest", f, "--json"]);
    assert!(!d.path.exists(), "the database was created");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (summary, rows) = lines.split_last().unwrap();
    // 16 sessions; forecast from four weeks on: the 8 after the break.
    assert_eq!(rows.len(), 16);
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let first = &rows[0];
    assert_eq!(first["exercise"], "Squat (Barbell)");
    assert_eq!(first["exercise_id"], "back-squat");
    assert_eq!(
        (first["load"].as_f64(), first["unit"].as_str()),
        (Some(100.0), Some("kg"))
    );
    // 100 x 5 by Epley: 116.67; nothing to forecast from yet.
    assert_eq!(first["actual"].as_f64(), Some(116.67));
    assert!(first["heft"].is_null() && first["baseline"].is_null());
    let forecast: Vec<&Value> = rows.iter().filter(|r| !r["heft"].is_null()).collect();
    assert_eq!(forecast.len(), 8);
    // The first session after a break of 18 days: the naive number is the
    // best of the 28 days before, the last session (117.5 x 5 = 137.08).
    let back = forecast[0];
    assert_eq!(back["situation"], "gap");
    assert_eq!(back["baseline"].as_f64(), Some(137.08));
    let s = &summary["summary"];
    assert_eq!(s["sessions"], 16);
    assert_eq!(s["overall"]["forecasts"], 8);
    assert_eq!(s["gap"]["forecasts"], 1);
    assert!(
        s["overall"]["heft_mape"].as_f64().unwrap()
            < s["overall"]["baseline_mape"].as_f64().unwrap()
    );
    // The table names both methods.
    let text = ok(&d.path, &["backtest", f]);
    assert!(
        text.contains("Heft MAPE") && text.contains("after a gap"),
        "{text}"
    );
    assert!(!d.path.exists());
    // The same history imported replays the same, named as Heft names it.
    ok(&d.path, &["import-csv", f]);
    let again = ok(&d.path, &["backtest", "--json"]);
    let again: Vec<Value> = again
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(again.len(), lines.len());
    assert_eq!(again[0]["exercise"], "Back Squat");
    assert_eq!(again.last().unwrap(), summary);
    // A file that is not there names itself.
    let (code, err) = fails(&d.path, &["backtest", "/nonexistent/strong.csv"]);
    assert_ne!(code, 0);
    assert!(err.contains("strong.csv"), "{err}");
}
