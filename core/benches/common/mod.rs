//! Helpers shared by the benchmarks and the memory example: ten years of
//! training history (about 150,000 sets) written into a database Heft
//! created, a Strong CSV export generator ([`strong_csv`]) and the
//! interleaved timing of a call against its baseline ([`timing`]).
//!
//! Moved here from `plan.rs` unchanged, so `plan`, `sync` and the examples
//! measure the same history.

// Each benchmark uses a part of these helpers.
#![allow(dead_code)]

pub mod strong_csv;
pub mod timing;

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, TimeDelta, Weekday};
use heft_core::clock::ManualClock;
use heft_core::model::{ProfileUpdate, Sex, WeightUnit};
use heft_core::{FinishWorkout, Heft, LogTime};
use rusqlite::Connection;

/// First day of the history (a Monday).
pub const FIRST_DAY: (i32, u32, u32) = (2016, 11, 7);
/// Last day of the bulk history (a Friday); the program starts the Monday after.
pub const LAST_BULK_DAY: (i32, u32, u32) = (2026, 11, 6);
/// The day `linear-5x5` starts.
pub const PROGRAM_START: (i32, u32, u32) = (2026, 11, 9);
/// Sessions of the program logged and finished through the API.
pub const API_SESSIONS: [(i32, u32, u32); 6] = [
    (2026, 11, 9),
    (2026, 11, 11),
    (2026, 11, 13),
    (2026, 11, 16),
    (2026, 11, 18),
    (2026, 11, 20),
];
/// The program.
pub const PROGRAM: &str = "linear-5x5";

pub fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Central European offset in minutes on `day` (summer time from April to
/// October, near enough).
pub fn offset_min(day: NaiveDate) -> i32 {
    if (4..=10).contains(&day.month()) {
        120
    } else {
        60
    }
}

/// `hour:minute` local time on `day`.
pub fn local(day: NaiveDate, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(offset_min(day) * 60).unwrap();
    day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap())
        .and_local_timezone(offset)
        .single()
        .unwrap()
}

/// A small deterministic generator (xorshift64*), so every run builds the
/// same history.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1_u64 << 53) as f64 <= p
    }
}

/// How an exercise's sets look.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Barbell lift: warm-ups ramping up to the working weight, working sets,
    /// sometimes a back-off (drop) set.
    Main,
    /// Weighted lift: one warm-up, then working sets of 8-12.
    Weighted,
    /// Body weight, sometimes with added weight.
    Bodyweight,
    /// A hold, timed, no load.
    Hold,
    /// Jumps with landings.
    Jump,
    /// A loaded carry over 40 m.
    Carry,
}

/// One exercise of a day: catalog id, kind, working weight in kg at the end
/// of the ten years, working sets.
type Slot = (&'static str, Kind, f64, u32);

/// The three rotating days (about 100 sets each with warm-ups).
const DAYS: [&[Slot]; 3] = [
    &[
        ("back-squat", Kind::Main, 140.0, 6),
        ("bench-press", Kind::Main, 100.0, 6),
        ("barbell-row", Kind::Main, 90.0, 6),
        ("romanian-deadlift", Kind::Weighted, 120.0, 5),
        ("incline-dumbbell-press", Kind::Weighted, 36.0, 5),
        ("lat-pulldown", Kind::Weighted, 75.0, 5),
        ("leg-extension", Kind::Weighted, 70.0, 5),
        ("seated-leg-curl", Kind::Weighted, 55.0, 5),
        ("dumbbell-curl", Kind::Weighted, 18.0, 5),
        ("triceps-pushdown", Kind::Weighted, 35.0, 5),
        ("face-pull", Kind::Weighted, 25.0, 5),
        ("pull-up", Kind::Bodyweight, 20.0, 5),
        ("dip", Kind::Bodyweight, 25.0, 5),
        ("plank", Kind::Hold, 0.0, 3),
        ("box-jump", Kind::Jump, 0.0, 4),
        ("farmers-carry", Kind::Carry, 32.0, 3),
    ],
    &[
        ("deadlift", Kind::Main, 180.0, 5),
        ("overhead-press", Kind::Main, 65.0, 6),
        ("front-squat", Kind::Main, 110.0, 6),
        ("close-grip-bench-press", Kind::Weighted, 85.0, 5),
        ("hip-thrust", Kind::Weighted, 140.0, 5),
        ("seated-cable-row", Kind::Weighted, 80.0, 5),
        ("lying-leg-curl", Kind::Weighted, 50.0, 5),
        ("standing-calf-raise-machine", Kind::Weighted, 100.0, 5),
        ("hammer-curl", Kind::Weighted, 20.0, 5),
        ("dumbbell-lateral-raise", Kind::Weighted, 12.0, 5),
        ("cable-curl", Kind::Weighted, 30.0, 5),
        ("chin-up", Kind::Bodyweight, 15.0, 5),
        ("push-up", Kind::Bodyweight, 0.0, 5),
        ("wall-sit", Kind::Hold, 0.0, 3),
        ("box-jump", Kind::Jump, 0.0, 4),
        ("suitcase-carry", Kind::Carry, 28.0, 3),
    ],
    &[
        ("back-squat", Kind::Main, 140.0, 6),
        ("overhead-press", Kind::Main, 65.0, 6),
        ("deadlift", Kind::Main, 180.0, 4),
        ("bench-press", Kind::Main, 100.0, 5),
        ("leg-press", Kind::Weighted, 220.0, 5),
        ("dumbbell-bench-press", Kind::Weighted, 40.0, 5),
        ("lat-pulldown", Kind::Weighted, 75.0, 5),
        ("leg-extension", Kind::Weighted, 70.0, 5),
        ("dumbbell-curl", Kind::Weighted, 18.0, 5),
        ("triceps-pushdown", Kind::Weighted, 35.0, 5),
        ("face-pull", Kind::Weighted, 25.0, 4),
        ("seated-leg-curl", Kind::Weighted, 55.0, 5),
        ("pull-up", Kind::Bodyweight, 20.0, 5),
        ("dip", Kind::Bodyweight, 25.0, 4),
        ("plank", Kind::Hold, 0.0, 3),
        ("farmers-carry", Kind::Carry, 32.0, 3),
    ],
];

/// Every column of one `set_entry` row that varies.
#[derive(Default)]
struct SetRow {
    exercise_id: &'static str,
    kind: &'static str,
    load_type: &'static str,
    weight_milli: Option<i64>,
    reps: Option<u32>,
    rir: Option<f64>,
    rpe: Option<f64>,
    duration_ms: Option<u32>,
    distance_milli: Option<i64>,
    landings: Option<u32>,
    pain: Option<u8>,
    note: Option<&'static str>,
}

/// Milli-kilograms of `kg` rounded to a loadable step.
fn milli(kg: f64) -> i64 {
    let step = if kg >= 20.0 { 2.5 } else { 1.0 };
    ((kg / step).round() * step * 1000.0) as i64
}

/// The sets of one exercise on one day; `strength` is the share of the
/// end-of-history working weight the person lifts at that time.
fn exercise_sets(rng: &mut Rng, slot: Slot, strength: f64, out: &mut Vec<SetRow>) {
    let (exercise_id, kind, top_kg, sets) = slot;
    let work_kg = top_kg * strength;
    // RIR on most working sets, RPE on some, nothing on a few.
    let effort = |rng: &mut Rng| match rng.below(20) {
        0..=11 => (Some(0.5 * (2 + rng.below(7)) as f64), None),
        12..=16 => (None, Some(0.5 * (13 + rng.below(7)) as f64)),
        _ => (None, None),
    };
    let pain = |rng: &mut Rng| rng.chance(0.01).then(|| 1 + rng.below(5) as u8);
    let base = SetRow {
        exercise_id,
        kind: "working",
        ..SetRow::default()
    };
    match kind {
        Kind::Main => {
            for share in [0.0, 0.4, 0.6, 0.8, 0.9] {
                // The empty bar first, then a ramp.
                let kg = if share == 0.0 { 20.0 } else { work_kg * share };
                out.push(SetRow {
                    kind: "warmup",
                    load_type: "weight",
                    weight_milli: Some(milli(kg.max(20.0))),
                    reps: Some(if share < 0.7 {
                        5
                    } else if share < 0.85 {
                        3
                    } else {
                        1
                    }),
                    ..base
                });
            }
            let reps = [5, 5, 3, 8][rng.below(4) as usize];
            for _ in 0..sets {
                let (rir, rpe) = effort(rng);
                let failed = rng.chance(0.02);
                out.push(SetRow {
                    kind: if failed { "failure" } else { "working" },
                    load_type: "weight",
                    weight_milli: Some(milli(work_kg)),
                    reps: Some(if failed { reps - 2 } else { reps }),
                    rir: if failed { Some(0.0) } else { rir },
                    rpe: if failed { None } else { rpe },
                    pain: pain(rng),
                    note: rng.chance(0.01).then_some("felt heavy today"),
                    ..base
                });
            }
            if rng.chance(0.3) {
                out.push(SetRow {
                    kind: "drop",
                    load_type: "weight",
                    weight_milli: Some(milli(work_kg * 0.8)),
                    reps: Some(reps + 3),
                    rir: Some(1.0),
                    ..base
                });
            }
        }
        Kind::Weighted => {
            out.push(SetRow {
                kind: "warmup",
                load_type: "weight",
                weight_milli: Some(milli(work_kg * 0.5)),
                reps: Some(10),
                ..base
            });
            for _ in 0..sets {
                let (rir, rpe) = effort(rng);
                out.push(SetRow {
                    load_type: "weight",
                    weight_milli: Some(milli(work_kg)),
                    reps: Some(8 + rng.below(5) as u32),
                    rir,
                    rpe,
                    pain: pain(rng),
                    ..base
                });
            }
        }
        Kind::Bodyweight => {
            for _ in 0..sets {
                let (rir, rpe) = effort(rng);
                let added = (top_kg > 0.0 && rng.chance(strength - 0.5)).then(|| milli(work_kg));
                out.push(SetRow {
                    load_type: "bodyweight",
                    weight_milli: added,
                    reps: Some(5 + rng.below(8) as u32),
                    rir,
                    rpe,
                    ..base
                });
            }
        }
        Kind::Hold => {
            for _ in 0..sets {
                out.push(SetRow {
                    load_type: "none",
                    duration_ms: Some(1000 * (30 + 5 * rng.below(13) as u32)),
                    rpe: rng.chance(0.5).then_some(7.0),
                    ..base
                });
            }
        }
        Kind::Jump => {
            for _ in 0..sets {
                out.push(SetRow {
                    load_type: "bodyweight",
                    reps: Some(5),
                    landings: Some(5),
                    ..base
                });
            }
        }
        Kind::Carry => {
            for _ in 0..sets {
                let (rir, rpe) = effort(rng);
                out.push(SetRow {
                    load_type: "weight",
                    weight_milli: Some(milli(work_kg)),
                    distance_milli: Some(40_000),
                    rir,
                    rpe,
                    ..base
                });
            }
        }
    }
}

/// Sizes of the bulk history.
pub struct Built {
    pub workouts: u64,
    pub sets: u64,
}

/// Writes ten years of history into the database Heft created at `path`,
/// in one transaction.
pub fn bulk_history(path: &Path, device: &str) -> Built {
    let mut conn = Connection::open(path).unwrap();
    heft_core::store::configure(&mut conn).unwrap();
    let tx = conn.transaction().unwrap();
    let mut rng = Rng(0x5eed_1234_abcd_9876);
    let mut built = Built {
        workouts: 0,
        sets: 0,
    };
    let hlc = |ms: i64| format!("{ms:012x}{:04x}{device}", 0);
    let first = date(FIRST_DAY);
    let last = date(LAST_BULK_DAY);
    let years = (last - first).num_days() as f64 / 365.25;
    let mut session = 0_usize;
    let mut rows = Vec::new();
    let mut day = first;
    while day <= last {
        let weekday = day.weekday();
        let week = day.iso_week().week();
        let scheduled = matches!(weekday, Weekday::Mon | Weekday::Wed | Weekday::Fri)
            || (weekday == Weekday::Sat && rng.chance(0.05));
        // Two weeks off a year (summer, Christmas) and a missed session now and then.
        let holiday = week == 32 || week == 52;
        if !scheduled || holiday || rng.chance(0.04) {
            day = day + Days::new(1);
            continue;
        }
        // Strength grows over the first six years, then holds, with blocks
        // of lighter and heavier weeks.
        let t = (day - first).num_days() as f64 / 365.25;
        let strength = (0.55 + 0.45 * (t / 6.0).min(1.0))
            * (1.0 + 0.05 * (t * std::f64::consts::TAU * 4.0).sin());
        rows.clear();
        for slot in DAYS[session % DAYS.len()] {
            exercise_sets(&mut rng, *slot, strength, &mut rows);
        }
        session += 1;

        let start = local(day, 17, 0) + TimeDelta::minutes(30 + rng.below(60) as i64);
        let offset = offset_min(day);
        let start_ms = start.timestamp_millis();
        let last_ms = start_ms + rows.len() as i64 * 90_000;
        let finished_ms = last_ms + 60_000;
        let workout = uuid::Uuid::now_v7().to_string();
        let name = rng.chance(0.3).then(|| ["A", "B", "C"][session % 3]);
        let duration_s = rng
            .chance(0.4)
            .then(|| (finished_ms - start_ms) / 1000 - 60 * rng.below(10) as i64);
        let deleted = rng.chance(0.002);
        tx.prepare_cached(
            "INSERT INTO workout (id, name, started_at_ms, offset_min, finished_at_ms, duration_s,
                 note, hlc, deleted, run_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL)",
        )
        .unwrap()
        .execute((
            &workout,
            name,
            start_ms,
            offset,
            finished_ms,
            duration_s,
            rng.chance(0.05).then_some("good session"),
            hlc(finished_ms),
            deleted,
        ))
        .unwrap();
        built.workouts += 1;
        for (i, s) in rows.iter().enumerate() {
            let position = i as i64 + 1;
            let at = start_ms + position * 90_000;
            tx.prepare_cached(
                "INSERT INTO set_entry (id, workout_id, exercise_id, position, performed_at_ms,
                     offset_min, kind, load_type, weight_milli, weight_unit, reps, rir, rpe,
                     duration_ms, distance_milli, distance_unit, landings, drop_height_cm, pain,
                     note, hlc, deleted)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, NULL, ?18, ?19, ?20, ?21)",
            )
            .unwrap()
            .execute(rusqlite::params![
                uuid::Uuid::now_v7().to_string(),
                &workout,
                s.exercise_id,
                position,
                at,
                offset,
                s.kind,
                s.load_type,
                s.weight_milli,
                s.weight_milli.map(|_| "kg"),
                s.reps,
                s.rir,
                s.rpe,
                s.duration_ms,
                s.distance_milli,
                s.distance_milli.map(|_| "m"),
                s.landings,
                s.pain,
                s.note,
                hlc(at),
                // A set deleted now and then (a tombstone, as `delete_set` leaves).
                deleted || rng.chance(0.003),
            ])
            .unwrap();
            built.sets += 1;
        }
        day = day + Days::new(1);
    }
    tx.commit().unwrap();
    assert!(years > 9.9, "ten years of history");
    built
}

/// Sets the profile, starts [`PROGRAM`] and logs and finishes its first
/// sessions through the API, each set as prescribed.
pub fn program_sessions(path: &Path) -> Heft {
    let clock = Arc::new(ManualClock::new(local(date(PROGRAM_START), 8, 0)));
    let heft = Heft::open_with_clock(path, clock.clone()).unwrap();
    heft.update_profile(&ProfileUpdate {
        unit: Some(WeightUnit::Kg),
        birth_year: Some(1978),
        sex: Some(Sex::Male),
        ..ProfileUpdate::default()
    })
    .unwrap();
    heft.start_program(PROGRAM, date(PROGRAM_START)).unwrap();
    for day in API_SESSIONS.map(date) {
        clock.set(local(day, 18, 0));
        let planned: usize = (heft.today(day).unwrap().plan.exercises.iter())
            .map(|e| e.warmups.len() + e.sets.len())
            .sum();
        for _ in 0..planned {
            heft.log_next(LogTime::Now).unwrap();
            clock.advance(TimeDelta::minutes(2));
        }
        assert!(
            heft.today(day).unwrap().next.is_none(),
            "{day}: every set logged"
        );
        let finished = heft
            .finish(FinishWorkout {
                duration_s: Some(45 * 60),
                ..FinishWorkout::default()
            })
            .unwrap();
        assert!(finished.session.is_some(), "{day}: counted for the run");
    }
    heft
}

/// The database of the `plan` and `sync` benchmarks, built at `path`:
/// [`Heft::open`] creates it, [`bulk_history`] writes ten years of history,
/// [`program_sessions`] sets the profile, starts [`PROGRAM`] and logs its
/// first sessions through the API.
pub fn ten_years(path: &Path) -> (Heft, Built) {
    let device = Heft::open(path).unwrap().device_id().unwrap();
    let built = bulk_history(path, &device);
    (program_sessions(path), built)
}

/// A fresh database created by Heft in its own temporary directory.
pub struct Fresh {
    _dir: tempfile::TempDir,
    /// The database file.
    pub path: std::path::PathBuf,
}

/// Creates [`Fresh`] under `root`.
pub fn fresh(root: &Path) -> Fresh {
    let dir = tempfile::tempdir_in(root).unwrap();
    let path = dir.path().join("fresh.db");
    drop(Heft::open(&path).unwrap());
    Fresh { _dir: dir, path }
}

/// A plain rusqlite connection with Heft's pragmas (`store::configure`),
/// for the raw baselines.
pub fn raw_connection(path: &Path) -> Connection {
    let mut conn = Connection::open(path).unwrap();
    heft_core::store::configure(&mut conn).unwrap();
    conn
}
