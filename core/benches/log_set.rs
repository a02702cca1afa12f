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
//! Every database starts with the same history, [`HISTORY_WORKOUTS`]
//! finished workouts of [`SETS_PER_WORKOUT`] sets (about two years of
//! training three times a week), so the tables and indexes are the size a
//! real logbook's are. Logging "now" joins the open workout, so the Heft
//! benchmarks finish it (outside the timed region) once it holds
//! [`SETS_PER_WORKOUT`] sets, the way a person's sessions end; otherwise one
//! workout would grow to thousands of sets and the time would depend on how
//! many iterations criterion chose.

// A benchmark that cannot set up or whose call fails should stop, not carry
// on measuring something else; criterion's macros also generate undocumented
// items.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use heft_core::model::{Load, SetInput, Weight, WeightUnit};
use heft_core::{FinishWorkout, Heft, LogTime};
use rusqlite::Connection;

/// Sets in one workout before the benchmark finishes it (a long session).
const SETS_PER_WORKOUT: u32 = 25;
/// Finished workouts every database starts with.
const HISTORY_WORKOUTS: i64 = 300;

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

/// Creates a database at `path` with Heft (schema, catalog, device id) and
/// writes the history into it; returns a raw connection with Heft's pragmas.
fn create_with_history(path: &Path) -> Connection {
    drop(Heft::open(path).unwrap());
    let mut conn = Connection::open(path).unwrap();
    heft_core::store::configure(&mut conn).unwrap();
    let now_ms = i64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis(),
    )
    .unwrap();
    let tx = conn.transaction().unwrap();
    for n in (1..=HISTORY_WORKOUTS).rev() {
        // Every other day, the newest two days ago: none is open or recent.
        let start = now_ms - n * 2 * 86_400_000;
        let workout = uuid::Uuid::now_v7().to_string();
        tx.execute(
            "INSERT INTO workout (id, started_at_ms, offset_min, finished_at_ms, hlc)
             VALUES (?1, ?2, 0, ?3, '')",
            (&workout, start, start + 3_600_000),
        )
        .unwrap();
        for position in 1..=SETS_PER_WORKOUT {
            tx.execute(
                "INSERT INTO set_entry (id, workout_id, exercise_id, position, performed_at_ms,
                     offset_min, kind, load_type, weight_milli, weight_unit, reps, hlc)
                 VALUES (?1, ?2, 'back-squat', ?3, ?4, 0, 'working', 'weight', 100000, 'kg', 5, '')",
                (
                    uuid::Uuid::now_v7().to_string(),
                    &workout,
                    position,
                    start + i64::from(position) * 120_000,
                ),
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
    conn
}

/// The raw baseline's connection: Heft's schema, catalog and history,
/// Heft's pragmas, and one workout row to add sets to.
fn raw_connection(path: &Path) -> Connection {
    let conn = create_with_history(path);
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

    // Set up outside the closures: criterion calls each closure more than
    // once (warm-up, then measurement).
    let conn = raw_connection(&dir.path().join("raw.db"));
    let mut position = 0_u32;
    let heft = |name: &str| {
        let path = dir.path().join(name);
        drop(create_with_history(&path));
        Heft::open(path).unwrap()
    };
    let one = heft("heft_one.db");
    let five = heft("heft_five.db");
    let input = squat();
    let inputs = vec![squat(); 5];

    group.bench_function("raw_insert", |b| {
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
        b.iter_custom(|iters| {
            time_logging(&one, iters, |h| {
                let set = h.log_set(black_box(input.clone()), LogTime::Now).unwrap();
                set.position
            })
        });
    });

    group.bench_function("heft_log_5_sets", |b| {
        b.iter_custom(|iters| {
            time_logging(&five, iters, |h| {
                let logged = h.log_sets(black_box(&inputs), LogTime::Now).unwrap();
                logged.sets.last().map_or(0, |s| s.position)
            })
        });
    });

    group.finish();
}

criterion_group!(benches, log_set);
criterion_main!(benches);
