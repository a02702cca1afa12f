//! Golden files for the CSV writers: a fixed, hand-built history written in
//! the Strong layout (kg and lb) and in Heft's layout, compared byte for
//! byte with `tests/golden/csv/*.csv`. `UPDATE_GOLDEN=1` rewrites them.
//!
//! The history covers barbell sets, body weight with added load, alone and
//! with assistance, timed and distance sets, jumps, warm-up, drop and
//! failure sets, RIR and RPE, pounds in a kg history, workout lengths,
//! notes with commas, quotes and newlines, non-Latin names and text that a
//! spreadsheet would take for a formula.

// In a test, a panic is a failed test with its reason.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use chrono::DateTime;
use heft_core::interchange::{CsvWriter, ExportSet};
use heft_core::model::{
    Distance, DistanceUnit, Effort, Impact, Load, SetEntry, SetInput, SetKind, SetTarget,
    Timestamp, Weight, WeightUnit, Workout,
};

fn at(text: &str) -> Timestamp {
    Timestamp(DateTime::parse_from_rfc3339(text).unwrap())
}

fn kg(value: f64) -> Weight {
    Weight::new(value, WeightUnit::Kg).unwrap()
}

fn lb(value: f64) -> Weight {
    Weight::new(value, WeightUnit::Lb).unwrap()
}

fn barbell(weight: Weight) -> Load {
    Load::Weight { weight }
}

fn bodyweight(added: Option<Weight>) -> Load {
    Load::Bodyweight { added }
}

/// Builds one workout's sets, numbering positions and times as it goes.
struct Session {
    workout: Workout,
    sets: Vec<SetEntry>,
}

impl Session {
    fn new(workout: Workout) -> Session {
        Session {
            workout,
            sets: Vec::new(),
        }
    }

    /// Adds a set of `exercise` (name) with `input`, returning it for tweaks.
    fn set(&mut self, exercise: &str, input: SetInput) -> &mut SetEntry {
        let position = self.sets.len() as u32 + 1;
        let performed_at = Timestamp(
            self.workout.started_at.0 + chrono::Duration::minutes(3 * i64::from(position)),
        );
        self.sets.push(SetEntry {
            id: format!("{}-s{position:02}", self.workout.id),
            workout_id: self.workout.id.clone(),
            exercise_name: exercise.to_owned(),
            position,
            performed_at,
            input,
            target: None,
        });
        self.sets.last_mut().unwrap()
    }
}

fn input(exercise_id: &str, kind: SetKind, load: Load, reps: Option<u32>) -> SetInput {
    SetInput {
        kind,
        load,
        reps,
        ..SetInput::new(exercise_id)
    }
}

fn with_effort(mut i: SetInput, effort: Effort) -> SetInput {
    i.effort = Some(effort);
    i
}

fn with_note(mut i: SetInput, note: &str) -> SetInput {
    i.note = Some(note.to_owned());
    i
}

/// The fixed history: five workouts.
fn history() -> Vec<Session> {
    use SetKind::{Drop, Failure, Warmup, Working};

    // 1. A named evening session in kg, finished: 1h 5m 40s.
    let mut a = Session::new(Workout {
        id: "w1".into(),
        name: Some("Day A".into()),
        started_at: at("2026-11-24T18:30:00+01:00"),
        finished_at: Some(at("2026-11-24T19:35:40+01:00")),
        duration_s: None,
        note: Some("Slept 8h, felt \"strong\"".into()),
    });
    a.set("squat", input("squat", Warmup, barbell(kg(60.0)), Some(5)));
    a.set(
        "squat",
        with_effort(
            input("squat", Working, barbell(kg(102.5)), Some(5)),
            Effort::Rir(2.0),
        ),
    )
    .target = Some(SetTarget {
        weight: Some(kg(100.0)),
        reps: Some(5),
        rir: Some(2.0),
    });
    a.set(
        "squat",
        with_effort(
            input("squat", Working, barbell(kg(102.5)), Some(5)),
            Effort::Rpe(8.5),
        ),
    );
    a.set(
        "bench-press",
        input("bench-press", Warmup, barbell(lb(135.0)), Some(5)),
    );
    a.set(
        "bench-press",
        with_effort(
            input("bench-press", Working, barbell(lb(225.0)), Some(5)),
            Effort::Rir(1.5),
        ),
    );
    a.set(
        "squat",
        with_effort(
            input("squat", Failure, barbell(kg(102.5)), Some(3)),
            Effort::Rir(0.0),
        ),
    );
    a.set("squat", input("squat", Drop, barbell(kg(80.0)), Some(8)));
    a.set(
        "squat",
        with_note(
            input("squat", Working, barbell(kg(90.0)), Some(6)),
            "back-off set, \"easy\"",
        ),
    );
    a.set(
        "dip",
        input("dip", Working, bodyweight(Some(kg(20.0))), Some(8)),
    );
    let alone = a.set("dip", input("dip", Working, bodyweight(None), Some(12)));
    alone.input.pain = Some(2);
    a.set(
        "pull-up",
        input("pull-up", Working, bodyweight(Some(kg(-20.0))), Some(6)),
    );
    a.set(
        "pull-up",
        input("pull-up", Working, bodyweight(Some(lb(-45.0))), Some(5)),
    );
    // Exercise names as the catalog shows them.
    for (set, name) in a.sets.iter_mut().zip([
        "Squat (Barbell)",
        "Squat (Barbell)",
        "Squat (Barbell)",
        "Bench Press (Barbell)",
        "Bench Press (Barbell)",
        "Squat (Barbell)",
        "Squat (Barbell)",
        "Squat (Barbell)",
        "Dip",
        "Dip",
        "Pull-up (Assisted)",
        "Pull-up (Assisted)",
    ]) {
        set.exercise_name = name.to_owned();
    }

    // 2. Unnamed morning session with a given length (59m) and milliseconds.
    let mut b = Session::new(Workout {
        id: "w2".into(),
        name: None,
        started_at: at("2026-11-26T07:05:00.250-05:00"),
        finished_at: Some(at("2026-11-26T08:30:00-05:00")),
        duration_s: Some(59 * 60),
        note: Some("=HYPERLINK(\"http://example.com\",\"x\")".into()),
    });
    let mut plank = input("plank", Working, Load::None, None);
    plank.duration_ms = Some(45_500);
    plank.effort = Some(Effort::Rpe(7.0));
    b.set("Plank", plank);
    let mut run = input("run", Working, Load::None, None);
    run.duration_ms = Some(1_500_000);
    run.distance = Some(Distance::new(5.25, DistanceUnit::Km).unwrap());
    b.set("Run", run);
    let mut row = input("row", Working, Load::None, None);
    row.duration_ms = Some(480_499);
    row.distance = Some(Distance::new(2000.0, DistanceUnit::M).unwrap());
    b.set("Rowing (Machine)", row);
    let mut jumps = input("box-jump", Working, Load::None, Some(10));
    jumps.impact = Some(Impact {
        landings: 30,
        drop_height_cm: Some(30.5),
    });
    jumps.note = Some("-2 cm lower next time".into());
    b.set("Box Jump", jumps);
    b.set(
        "cable-fly",
        with_note(
            input("cable-fly", Working, barbell(kg(15.0)), Some(12)),
            "@coach: check form",
        ),
    );
    b.set(
        "ez-curl",
        with_note(
            input("ez-curl", Working, barbell(lb(27.5)), Some(10)),
            "\ttab first",
        ),
    );
    b.set(
        "ez-curl",
        with_note(
            input("ez-curl", Working, barbell(kg(1.125)), Some(20)),
            "'quoted' first",
        ),
    );
    b.sets[4].exercise_name = "+Cable Fly".to_owned();
    b.sets[5].exercise_name = "EZ-Bar Curl".to_owned();
    b.sets[6].exercise_name = "EZ-Bar Curl".to_owned();

    // 3. Non-Latin names, still open: length unknown.
    let mut c = Session::new(Workout {
        id: "w3".into(),
        name: Some("Тренировка Б".into()),
        started_at: at("2026-11-27T23:10:00+00:00"),
        finished_at: None,
        duration_s: None,
        note: None,
    });
    c.set(
        "squat",
        with_note(
            input("squat", Working, barbell(kg(70.0)), Some(5)),
            "膝が少し痛い\n次回は軽く",
        ),
    );
    c.set(
        "bench-press",
        with_effort(
            input("bench-press", Working, barbell(kg(50.0)), Some(8)),
            Effort::Rir(3.0),
        ),
    );
    let mut mile = input("run", Working, Load::None, None);
    mile.distance = Some(Distance::new(1.5, DistanceUnit::Mi).unwrap());
    mile.duration_ms = Some(720_000);
    c.set("Бег", mile);
    c.set(
        "push-up",
        with_note(
            input("push-up", Working, bodyweight(None), Some(20)),
            "\rcarriage return first",
        ),
    );
    c.sets[0].exercise_name = "Присед со штангой".to_owned();
    c.sets[1].exercise_name = "卧推".to_owned();
    c.sets[3].exercise_name = "Отжимания".to_owned();

    // 4. A short session (under a minute) whose name starts with '-'.
    let mut d = Session::new(Workout {
        id: "w4".into(),
        name: Some("-Legs, light".into()),
        started_at: at("2026-11-29T12:00:00+05:30"),
        finished_at: Some(at("2026-11-29T12:00:40+05:30")),
        duration_s: None,
        note: None,
    });
    d.set(
        "squat",
        input("squat", Working, barbell(kg(40.0)), Some(10)),
    )
    .exercise_name = "Squat (Barbell)".to_owned();

    // 5. Exactly two hours, pounds throughout.
    let mut e = Session::new(Workout {
        id: "w5".into(),
        name: Some("Deadlift day".into()),
        started_at: at("2026-12-01T06:00:00-08:00"),
        finished_at: Some(at("2026-12-01T08:00:00-08:00")),
        duration_s: None,
        note: Some("line one\nline two, with comma".into()),
    });
    for (kind, pounds, reps) in [
        (Warmup, 135.0, 5),
        (Warmup, 225.0, 3),
        (Working, 315.0, 5),
        (Working, 315.0, 5),
        (Failure, 315.0, 2),
        (Drop, 225.0, 6),
    ] {
        e.set(
            "Deadlift (Barbell)",
            input("deadlift", kind, barbell(lb(pounds)), Some(reps)),
        );
    }
    e.sets[2].target = Some(SetTarget {
        weight: Some(lb(315.0)),
        reps: Some(5),
        rir: None,
    });

    vec![a, b, c, d, e]
}

/// Writes the history with `writer`, as history lists it.
fn write_all<W: std::io::Write>(mut writer: CsvWriter<W>, sessions: &[Session]) -> W {
    for s in sessions {
        for set in &s.sets {
            writer
                .write(ExportSet {
                    workout: &s.workout,
                    set,
                })
                .unwrap();
        }
    }
    writer.finish().unwrap()
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("golden/csv")
        .join(name)
}

/// Compares `bytes` with the golden file byte for byte, or rewrites it
/// when UPDATE_GOLDEN=1.
fn golden(name: &str, bytes: &[u8]) {
    let path = golden_path(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        return;
    }
    let want = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "{}: missing; run with UPDATE_GOLDEN=1 to write it",
            path.display()
        )
    });
    if want == bytes {
        return;
    }
    let at = want
        .iter()
        .zip(bytes)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(bytes.len()));
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let show = |b: &[u8]| {
        let end = (at + 60).min(b.len());
        String::from_utf8_lossy(&b[at.saturating_sub(40)..end]).into_owned()
    };
    panic!(
        "{}: differs from line {line} (byte {at}); UPDATE_GOLDEN=1 rewrites after review\n- golden: {:?}\n+ now:    {:?}",
        path.display(),
        show(&want),
        show(bytes),
    );
}

#[test]
fn strong_layout_in_kg_matches_golden() {
    let out = write_all(
        CsvWriter::strong(Vec::new(), WeightUnit::Kg).unwrap(),
        &history(),
    );
    golden("strong_layout.csv", &out);
}

#[test]
fn strong_layout_in_lb_matches_golden() {
    let out = write_all(
        CsvWriter::strong(Vec::new(), WeightUnit::Lb).unwrap(),
        &history(),
    );
    golden("strong_layout_lb.csv", &out);
}

#[test]
fn heft_layout_matches_golden() {
    let out = write_all(CsvWriter::heft(Vec::new()).unwrap(), &history());
    golden("heft_layout.csv", &out);
}

#[test]
fn writers_stream_to_any_writer() {
    // A file on disk, written row by row, holds what the Vec holds.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    let file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let file = write_all(CsvWriter::heft(file).unwrap(), &history());
    file.into_inner().unwrap().sync_all().unwrap();
    let in_memory = write_all(CsvWriter::heft(Vec::new()).unwrap(), &history());
    assert_eq!(std::fs::read(&path).unwrap(), in_memory);
}
