//! Logging one set durably, against a raw rusqlite INSERT run side by side.
//!
//! `cargo bench -p heft-core --bench log_set`. Figures and how to read them
//! are in docs/PERFORMANCE.md. Every benchmark writes to a real file with
//! Heft's pragmas (WAL, `synchronous=FULL`), so each iteration ends in one
//! flush to storage; the ratio heft / raw is what matters, not the absolute
//! time, which depends on the disk.
//!
//! - `log_set/raw_insert`: one autocommit `INSERT INTO set_entry` of one set
//!   row into an existing workout, on a connection set up by
//!   [`heft_core::store::configure`], in a database with Heft's schema.
//! - `log_set/heft_log_set`: [`Heft::log_set`] of the same set, now.
//! - `log_set/heft_log_5_sets`: [`Heft::log_sets`] of five sets in one call.
//!
//! Logging "now" joins the open workout, so the Heft benchmarks finish it
//! (outside the timed region) once it holds [`SETS_PER_WORKOUT`] sets, the
//! way a person's sessions end; otherwise one workout would grow to thousands
//! of sets and the time would depend on how many iterations criterion chose.

// A benchmark that cannot set up or whose call fails should stop, not carry
// on measuring something else; criterion's macros also generate undocumented
// items.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use heft_core::model::{Load, SetInput, Weight, WeightUnit};
use heft_core::{FinishWorkout, Heft, LogTime};
use rusqlite::Connection;

/// Sets in one workout before the benchmark finishes it (a long session).
const SETS_PER_WORKOUT: u32 = 25;

/// Back squat, 100 kg x 5: the set every benchmark writes.
fn squat() -> SetInput {
    SetInput {
        load: Load::Weight {
            weight: Weight::new(100.0, WeightUnit::Kg).unwrap(),
        },
        reps: Some(5),
        ..SetInput::new("back-squat")
    }
}

/// Where the databases go: under `target/`, on the real disk (not a tmpfs),
/// so the flush at each commit reaches storage.
fn bench_dir() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap()
}

/// The raw baseline's connection: Heft's schema and catalog (created by
/// opening the file once with Heft), Heft's pragmas, and one workout row.
fn raw_connection(path: &Path) -> Connection {
    drop(Heft::open(path).unwrap());
    let conn = Connection::open(path).unwrap();
    heft_core::store::configure(&conn).unwrap();
    conn.execute(
        "INSERT INTO workout (id, name, started_at_ms, offset_min, hlc, deleted)
         VALUES ('bench-workout', NULL, 1764000000000, 60, '', 0)",
        [],
    )
    .unwrap();
    conn
}

/// The statement `log_set` uses to write a set row (see `SetColumns::insert`).
const INSERT_SET: &str = "INSERT INTO set_entry (id, workout_id, exercise_id, position, performed_at_ms, offset_min, kind,
     load_type, weight_milli, weight_unit, reps, rir, rpe, duration_ms, distance_milli, distance_unit,
     landings, drop_height_cm, pain, note, hlc, deleted)
 VALUES (:id, :workout_id, :exercise_id, :position, :at_ms, :offset, :kind, :load_type,
     :weight_milli, :weight_unit, :reps, :rir, :rpe, :duration_ms, :distance_milli,
     :distance_unit, :landings, :drop_height_cm, :pain, :note, :hlc, 0)";

/// Logs with `log` `iters` times, timing only the calls, and finishes the
/// open workout whenever it is full.
fn time_logging(heft: &Heft, iters: u64, log: impl Fn(&Heft) -> u32) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        let last_position = log(heft);
        total += start.elapsed();
        if last_position >= SETS_PER_WORKOUT {
            heft.finish_workout(FinishWorkout::default()).unwrap();
        }
    }
    total
}

fn log_set(c: &mut Criterion) {
    let dir = bench_dir();
    let mut group = c.benchmark_group("log_set");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(40)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));

    group.bench_function("raw_insert", |b| {
        let conn = raw_connection(&dir.path().join("raw.db"));
        let input = squat();
        let mut position = 0_u32;
        b.iter(|| {
            position += 1;
            let id = uuid::Uuid::now_v7().to_string();
            let hlc = format!("{:012x}{:04x}{}", 1_764_000_000_000_u64, 0, "0".repeat(32));
            conn.prepare_cached(INSERT_SET)
                .unwrap()
                .execute(rusqlite::named_params! {
                    ":id": id, ":workout_id": "bench-workout", ":exercise_id": input.exercise_id,
                    ":position": position, ":at_ms": 1_764_000_000_000_i64, ":offset": 60,
                    ":kind": "working", ":load_type": "weight", ":weight_milli": 100_000,
                    ":weight_unit": "kg", ":reps": input.reps, ":rir": None::<f64>, ":rpe": None::<f64>,
                    ":duration_ms": None::<u32>, ":distance_milli": None::<i64>,
                    ":distance_unit": None::<&str>, ":landings": None::<u32>,
                    ":drop_height_cm": None::<f64>, ":pain": None::<u8>, ":note": None::<&str>,
                    ":hlc": hlc,
                })
                .unwrap();
        });
    });

    group.bench_function("heft_log_set", |b| {
        let heft = Heft::open(dir.path().join("heft_one.db")).unwrap();
        let input = squat();
        b.iter_custom(|iters| {
            time_logging(&heft, iters, |h| {
                let set = h.log_set(black_box(input.clone()), LogTime::Now).unwrap();
                set.position
            })
        });
    });

    group.bench_function("heft_log_5_sets", |b| {
        let heft = Heft::open(dir.path().join("heft_five.db")).unwrap();
        let inputs = vec![squat(); 5];
        b.iter_custom(|iters| {
            time_logging(&heft, iters, |h| {
                let logged = h.log_sets(black_box(&inputs), LogTime::Now).unwrap();
                logged.sets.last().map_or(0, |s| s.position)
            })
        });
    });

    group.finish();
}

criterion_group!(benches, log_set);
criterion_main!(benches);
