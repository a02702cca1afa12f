//! Importing a Strong CSV export of 100,000 rows, against the csv crate's
//! parse and a raw rusqlite batch insert of the same rows run side by side.
//!
//! `cargo bench -p heft-core --bench csv_import`. Figures and how to read
//! them are in docs/PERFORMANCE.md.
//!
//! - `csv_import/import`: [`Heft::import_csv`] of the file into a fresh
//!   database created by [`Heft::open`] (schema and catalog, no history).
//! - `csv_import/raw_insert`: the baseline: the csv crate's parse of the
//!   same file (a `csv::Reader` over the file, one `ByteRecord` reused) and,
//!   in one transaction with one prepared statement each, a plain `INSERT`
//!   of each set into `set_entry` (the columns a Strong row fills: derived id,
//!   workout, exercise, position, time, kind, load, weight, reps, RPE,
//!   duration, note, stamp) and of each workout into `workout`, into a fresh
//!   database created the same way. The parsing is the least that gives
//!   those columns: the date once per workout, numbers with `str::parse`,
//!   exercise ids from a map filled before timing, ids as UUID v5 like
//!   Heft's.
//! - `csv_import/reimport_unchanged`: [`Heft::import_csv`] of the same file
//!   into the database that already imported it (nothing changes).
//! - `csv_import/raw_parse_select`: the baseline of the re-import: the same
//!   parse and, per set, one primary-key `SELECT` of the set row's columns,
//!   in one transaction, on the database the baseline filled (every select
//!   finds its row; checked before timing).
//!
//! The file is generated before timing into a temporary directory under
//! `target/` ([`common::strong_csv`]): 100,000 rows, about 4,000 workouts of
//! about 25 sets over eight exercises, warm-ups, drop sets, RPE, notes,
//! float artefacts and rest-timer rows. Every database is a file there, with
//! Heft's pragmas (WAL, `synchronous=FULL`; the baselines also with the page
//! cache of Heft's import transaction, [`heft_core::store::BULK_CACHE_KIB`]);
//! the fresh ones are created outside the timed region. After the group, each pair is timed again
//! interleaved ([`ROUNDS`] rounds, the order alternating) and the medians
//! and the median ratio are printed, of the wall-clock time and of the
//! thread's CPU time: on a shared machine whose load drifts, these ratios
//! are the steadier ones.

// A benchmark that cannot set up or whose call fails should stop, not carry
// on measuring something else; criterion's macros also generate undocumented
// items.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use common::fresh;
use common::timing::{interleaved, time};
use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use heft_core::interchange::catalog_id_for;
use heft_core::progress::NoProgress;
use heft_core::{CsvImportOptions, CsvImportReport, Heft};
use rusqlite::Connection;

/// Data rows in the file.
const ROWS: u64 = 100_000;
/// The last day of the file (in the past, as Heft requires).
const LAST_DAY: (i32, u32, u32) = (2026, 6, 30);
/// Rounds of the interleaved comparison of each pair after the group.
const ROUNDS: usize = 5;
/// Namespace of the baseline's ids.
const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6261_7365_6c69_6e65_2d63_7376_2d69_6473);

/// The columns of the generated file.
mod col {
    pub const DATE: usize = 0;
    pub const WORKOUT: usize = 1;
    pub const DURATION: usize = 2;
    pub const EXERCISE: usize = 3;
    pub const ORDER: usize = 4;
    pub const WEIGHT: usize = 5;
    pub const REPS: usize = 6;
    pub const SECONDS: usize = 8;
    pub const NOTES: usize = 9;
    pub const WORKOUT_NOTES: usize = 10;
    pub const RPE: usize = 11;
}

fn text(record: &csv::ByteRecord, i: usize) -> &str {
    std::str::from_utf8(&record[i]).unwrap()
}

fn number<T: std::str::FromStr>(record: &csv::ByteRecord, i: usize) -> Option<T> {
    let t = text(record, i);
    if t.is_empty() { None } else { t.parse().ok() }
}

/// Seconds of `1h 5m` or `58m`.
fn duration_s(t: &str) -> Option<i64> {
    let mut s = 0;
    for part in t.split_whitespace() {
        let (n, unit) = part.split_at(part.len() - 1);
        let n: i64 = n.parse().ok()?;
        s += match unit {
            "h" => n * 3600,
            "m" => n * 60,
            "s" => n,
            _ => return None,
        };
    }
    Some(s)
}

/// Exercise name -> (catalog id, measured by body weight, timed).
type Exercises = HashMap<&'static str, (&'static str, &'static str)>;

/// The exercise ids the baseline writes, looked up before timing.
fn exercises() -> Exercises {
    common::strong_csv::EXERCISE_NAMES
        .iter()
        .map(|&name| {
            let id = catalog_id_for(name).unwrap_or_else(|| panic!("no catalog id for {name}"));
            let load_type = match id {
                "pull-up" => "bodyweight",
                "plank" => "none",
                _ => "weight",
            };
            (name, (id, load_type))
        })
        .collect()
}

/// What the baseline's parse gives for a workout.
struct Workout {
    id: String,
    start_ms: i64,
    position: i64,
}

/// The baseline's parse: calls `workout` at each new workout and `set` with
/// each set row (rest-timer rows are left out). Returns the sets.
fn parse(
    path: &Path,
    exercises: &Exercises,
    mut workout: impl FnMut(&csv::ByteRecord, &Workout, i64),
    mut set: impl FnMut(&csv::ByteRecord, &Workout, &str, &'static str, &'static str),
) -> u64 {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .unwrap();
    let mut record = csv::ByteRecord::new();
    let mut current: Option<(Vec<u8>, Vec<u8>, Workout)> = None;
    let mut sets = 0;
    while reader.read_byte_record(&mut record).unwrap() {
        if &record[col::ORDER] == b"Rest Timer" {
            continue;
        }
        let same = current.as_ref().is_some_and(|(date, name, _)| {
            date.as_slice() == &record[col::DATE] && name.as_slice() == &record[col::WORKOUT]
        });
        if !same {
            let start =
                NaiveDateTime::parse_from_str(text(&record, col::DATE), "%Y-%m-%d %H:%M:%S")
                    .unwrap()
                    .and_utc()
                    .timestamp_millis();
            let key = [&record[col::DATE], b"\x1f", &record[col::WORKOUT]].concat();
            let w = Workout {
                id: uuid::Uuid::new_v5(&NAMESPACE, &key).to_string(),
                start_ms: start,
                position: 0,
            };
            workout(
                &record,
                &w,
                duration_s(text(&record, col::DURATION)).unwrap(),
            );
            current = Some((record[col::DATE].to_vec(), record[col::WORKOUT].to_vec(), w));
        }
        let (_, _, w) = current.as_mut().unwrap();
        w.position += 1;
        let &(exercise_id, load_type) = exercises.get(text(&record, col::EXERCISE)).unwrap();
        let name = format!("{}\u{1f}{}", w.id, w.position);
        let id = uuid::Uuid::new_v5(&NAMESPACE, name.as_bytes()).to_string();
        set(&record, w, &id, exercise_id, load_type);
        sets += 1;
    }
    sets
}

/// The baseline import: parse and plain inserts in one transaction.
fn raw_insert(conn: &mut Connection, path: &Path, exercises: &Exercises) -> u64 {
    let tx = conn.transaction().unwrap();
    let mut workouts = tx
        .prepare(
            "INSERT INTO workout (id, name, started_at_ms, offset_min, finished_at_ms, duration_s,
                 note, hlc, deleted)
             VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, 0)",
        )
        .unwrap();
    let mut sets = tx
        .prepare(
            "INSERT INTO set_entry (id, workout_id, exercise_id, position, performed_at_ms,
                 offset_min, kind, load_type, weight_milli, weight_unit, reps, rpe, duration_ms,
                 note, hlc, deleted)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0)",
        )
        .unwrap();
    // A clock stamp per row, as Heft writes one.
    let stamp = std::cell::Cell::new(1_780_000_000_000_u64);
    let hlc = || {
        stamp.set(stamp.get() + 1);
        format!("{:012x}{:04x}{}", stamp.get(), 0, "0123456789abcdef")
    };
    let n = parse(
        path,
        exercises,
        |record, w, duration| {
            let note = text(record, col::WORKOUT_NOTES);
            workouts
                .execute(rusqlite::params![
                    w.id,
                    text(record, col::WORKOUT),
                    w.start_ms,
                    w.start_ms + duration * 1000,
                    duration,
                    (!note.is_empty()).then_some(note),
                    hlc(),
                ])
                .unwrap();
        },
        |record, w, id, exercise_id, load_type| {
            let order = &record[col::ORDER];
            let kind = match order {
                b"W" => "warmup",
                b"D" => "drop",
                b"F" => "failure",
                _ => "working",
            };
            let weight_milli = number::<f64>(record, col::WEIGHT)
                .map(|kg| (kg * 1000.0).round() as i64)
                .filter(|&m| m != 0);
            let reps = number::<u32>(record, col::REPS).filter(|&r| r > 0);
            let seconds = number::<u32>(record, col::SECONDS).filter(|&s| s > 0);
            let rpe = number::<f64>(record, col::RPE);
            let note = text(record, col::NOTES);
            sets.execute(rusqlite::params![
                id,
                w.id,
                exercise_id,
                w.position,
                w.start_ms,
                kind,
                load_type,
                weight_milli,
                weight_milli.map(|_| "kg"),
                reps,
                rpe,
                seconds.map(|s| s * 1000),
                (!note.is_empty()).then_some(note),
                hlc(),
            ])
            .unwrap();
        },
    );
    drop((workouts, sets));
    tx.commit().unwrap();
    n
}

/// The baseline re-import: parse and one primary-key select per set, in one
/// transaction. Returns the sets found.
fn raw_parse_select(conn: &mut Connection, path: &Path, exercises: &Exercises) -> u64 {
    let tx = conn.transaction().unwrap();
    let mut select = tx
        .prepare(
            "SELECT workout_id, exercise_id, position, performed_at_ms, offset_min, kind,
                 load_type, weight_milli, weight_unit, reps, rir, rpe, duration_ms,
                 distance_milli, distance_unit, landings, drop_height_cm, pain, note, deleted
             FROM set_entry WHERE id = ?1",
        )
        .unwrap();
    let mut found = 0;
    parse(
        path,
        exercises,
        |_, _, _| {},
        |record, _, id, _, _| {
            black_box((
                number::<f64>(record, col::WEIGHT),
                number::<u32>(record, col::REPS),
                number::<u32>(record, col::SECONDS),
                number::<f64>(record, col::RPE),
                text(record, col::NOTES),
            ));
            let mut rows = select.query([id]).unwrap();
            if let Some(row) = rows.next().unwrap() {
                for i in 0..20 {
                    black_box(row.get_ref(i).unwrap());
                }
                found += 1;
            }
        },
    );
    drop(select);
    tx.commit().unwrap();
    found
}

/// A plain connection with the pragmas of Heft's import: Heft's own
/// (`store::configure`) and the page cache Heft's import transaction uses.
fn raw_connection(path: &Path) -> Connection {
    let conn = common::raw_connection(path);
    conn.pragma_update(None, "cache_size", -heft_core::store::BULK_CACHE_KIB)
        .unwrap();
    conn
}

fn import(heft: &Heft, path: &Path) -> CsvImportReport {
    heft.import_csv(path, &CsvImportOptions::default(), &NoProgress)
        .unwrap()
}

fn csv_import(c: &mut Criterion) {
    let root = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let csv_path = root.path().join("strong.csv");
    let (y, m, d) = LAST_DAY;
    let last = NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let file = std::fs::File::create(&csv_path).unwrap();
    let generated = common::strong_csv::write(file, ROWS, last).unwrap();
    let exercises = exercises();

    // One import each way before timing: the time of one, and checks that
    // both sides do the same work.
    let imported = fresh(root.path());
    let imported_heft = Heft::open(&imported.path).unwrap();
    let t_import = Instant::now();
    let report = import(&imported_heft, &csv_path);
    let t_import = t_import.elapsed().as_secs_f64();
    assert_eq!(report.rows_read, generated.rows);
    assert_eq!(report.sets_read, generated.sets);
    assert_eq!(report.added, generated.sets, "{report:?}");
    assert_eq!(report.skipped_count, generated.rest_rows, "{report:?}");
    assert_eq!(report.workouts_added, generated.workouts);
    assert!(report.new_exercises.is_empty(), "{report:?}");
    let t_again = Instant::now();
    let again = import(&imported_heft, &csv_path);
    let t_again = t_again.elapsed().as_secs_f64();
    assert_eq!(
        (again.unchanged, again.added + again.updated),
        (generated.sets, 0)
    );
    // The baseline's database: the re-import baseline selects its rows.
    let raw_db = fresh(root.path());
    let mut raw_conn = raw_connection(&raw_db.path);
    let (t_raw, t_raw_select);
    {
        let conn = &mut raw_conn;
        let mut sets = 0;
        t_raw = time(|| sets = raw_insert(conn, &csv_path, &exercises)).wall;
        assert_eq!(sets, generated.sets);
        let (workouts, sets): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM workout), (SELECT count(*) FROM set_entry)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(
            (workouts as u64, sets as u64),
            (generated.workouts, generated.sets)
        );
        let mut found = 0;
        t_raw_select = time(|| found = raw_parse_select(conn, &csv_path, &exercises)).wall;
        assert_eq!(found, generated.sets);
    }

    eprintln!(
        "csv_import: {} rows ({} bytes): {} workouts from {} to {}, {} sets ({} warm-ups), \
         {} rest-timer rows, {} float artefacts; first import {:.2} s",
        generated.rows,
        generated.bytes,
        generated.workouts,
        generated.first.unwrap(),
        generated.last.unwrap(),
        generated.sets,
        generated.warmups,
        generated.rest_rows,
        generated.artefacts,
        t_import,
    );

    let mut group = c.benchmark_group("csv_import");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500));
    // One iteration a sample (criterion's least): a target time under ten
    // iterations' makes it run exactly ten.
    let budget = |one: f64| Duration::from_secs_f64((one * 5.0).max(1.0));

    group.measurement_time(budget(t_import));

    group.bench_function("import", |b| {
        b.iter_batched(
            || {
                let db = fresh(root.path());
                let heft = Heft::open(&db.path).unwrap();
                (db, heft)
            },
            |(db, heft)| {
                import(&heft, &csv_path);
                (db, heft)
            },
            BatchSize::PerIteration,
        );
    });
    group.measurement_time(budget(t_raw));
    group.bench_function("raw_insert", |b| {
        b.iter_batched(
            || {
                let db = fresh(root.path());
                let conn = raw_connection(&db.path);
                (db, conn)
            },
            |(db, mut conn)| {
                raw_insert(&mut conn, &csv_path, &exercises);
                (db, conn)
            },
            BatchSize::PerIteration,
        );
    });
    group.measurement_time(budget(t_again));
    group.bench_function("reimport_unchanged", |b| {
        b.iter(|| import(&imported_heft, &csv_path));
    });
    group.measurement_time(budget(t_raw_select));
    group.bench_function("raw_parse_select", |b| {
        b.iter(|| raw_parse_select(&mut raw_conn, &csv_path, &exercises));
    });
    group.finish();

    interleaved(
        "csv_import/import",
        ROUNDS,
        || {
            let db = fresh(root.path());
            let heft = Heft::open(&db.path).unwrap();
            time(|| {
                import(&heft, &csv_path);
            })
        },
        || {
            let db = fresh(root.path());
            let mut conn = raw_connection(&db.path);
            time(|| {
                raw_insert(&mut conn, &csv_path, &exercises);
            })
        },
    );
    interleaved(
        "csv_import/reimport_unchanged",
        ROUNDS,
        || {
            time(|| {
                import(&imported_heft, &csv_path);
            })
        },
        || {
            time(|| {
                raw_parse_select(&mut raw_conn, &csv_path, &exercises);
            })
        },
    );
}

criterion_group!(benches, csv_import);
criterion_main!(benches);
