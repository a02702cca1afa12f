//! Sync by file with ten years of history (about 150,000 sets): export,
//! merge into an empty database, and re-import of an unchanged file, each
//! against a raw rusqlite + serde_json + flate2 baseline run side by side.
//!
//! `cargo bench -p heft-core --bench sync`. Figures and how to read them are
//! in docs/PERFORMANCE.md.
//!
//! - `sync/export`: [`Heft::export_to`] into a `Vec`, no passphrase.
//! - `sync/raw_export`: the baseline: a hand-written `SELECT` of the same
//!   columns of the same tables, in the same order (by key), on a separate
//!   plain rusqlite connection to the same file (same pragmas), each row
//!   written as the same JSON line into a [`GzEncoder`] (same compression
//!   level): the read, the serialisation and the compression, nothing more.
//!   Checked once before timing: its decompressed lines hash to Heft's
//!   content hash, byte for byte the same.
//! - `sync/merge_into_empty`: [`Heft::import_from`] of that export (from
//!   memory) into a fresh database created by [`Heft::open`] (schema and
//!   catalog, no history).
//! - `sync/raw_merge_into_empty`: the baseline: decompress, parse each line
//!   with serde_json into the same tuple Heft parses, and a plain `INSERT`
//!   of each row into the same tables of a fresh database, one prepared
//!   statement per table, in one transaction.
//! - `sync/reimport_unchanged`: [`Heft::import_from`] of the same export
//!   into the database that already merged it (nothing changes). The
//!   database remembers the content hash of the last file merged from each
//!   device, so this reads the header and checks the compressed body's
//!   length and checksum, and merges no row.
//! - `sync/reimport_unchanged_full`: the same, with that memory removed
//!   before each iteration (outside the timed region), so every row is read,
//!   checked, looked up and compared: the whole merge of an unchanged file.
//! - `sync/raw_reimport_unchanged`: the baseline: decompress, parse, and one
//!   primary-key `SELECT` of the row's synced columns per row, in one
//!   transaction.
//!
//! Every database is a file in a temporary directory under `target/`, with
//! Heft's pragmas (WAL, `synchronous=FULL`). The fresh databases of the merge
//! benchmarks are created outside the timed region (criterion's
//! `iter_batched`, one per iteration) and deleted after it. After the group,
//! each pair is timed again interleaved ([`ROUNDS`] rounds, the order
//! alternating) and the medians and the median ratio are printed, of the
//! wall-clock time and of the thread's CPU time: on a shared machine whose
//! load drifts, these ratios are the steadier ones.
//!
//! The history is the one of the `plan` benchmark ([`common::ten_years`]).

// A benchmark that cannot set up or whose call fails should stop, not carry
// on measuring something else; criterion's macros also generate undocumented
// items.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::collections::HashMap;
use std::hint::black_box;
use std::io::{BufRead, BufReader, Read, Write};
use std::time::{Duration, Instant};

use common::timing::{interleaved, time};
use common::{fresh, raw_connection};
use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use heft_core::Heft;
use heft_core::progress::NoProgress;
use rusqlite::Connection;
use rusqlite::types::{Value, ValueRef};
use sha2::{Digest, Sha256};

/// Rounds of the interleaved comparison of each pair after the group.
const ROUNDS: usize = 5;

/// The synced tables' keys and filters, which an export's header does not
/// state: name, key, filter. Their value columns are read from the header
/// of Heft's own export ([`layout`]), so the baseline does the same work as
/// Heft whatever columns the schema has.
const TABLES: &[(&str, &str, &str)] = &[
    ("profile", "field", ""),
    ("exercise", "id", "WHERE builtin = 0"),
    ("program", "id", ""),
    ("program_run", "id", ""),
    ("workout", "id", ""),
    ("set_entry", "id", ""),
    ("measurement", "id", ""),
];

/// One synced table as the baseline reads and writes it.
struct TableLayout {
    name: &'static str,
    key: &'static str,
    columns: Vec<String>,
    filter: &'static str,
}

/// The tables of an export's header, in its order, with their value
/// columns; every table must be one of [`TABLES`].
fn layout(header: &serde_json::Value) -> Vec<TableLayout> {
    header["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let name = t["name"].as_str().unwrap();
            let &(name, key, filter) = TABLES
                .iter()
                .find(|x| x.0 == name)
                .unwrap_or_else(|| panic!("a table the baseline does not know: {name}"));
            TableLayout {
                name,
                key,
                columns: t["columns"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap().to_owned())
                    .collect(),
                filter,
            }
        })
        .collect()
}

fn push_json_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *out, s).unwrap();
}

/// The baseline export: every synced row as a JSON line, gzip-compressed.
fn raw_export(conn: &Connection, tables: &[TableLayout]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::new(6));
    let mut line = Vec::with_capacity(512);
    for t in tables {
        let (table, key, columns, filter) = (t.name, t.key, &t.columns, t.filter);
        let sql = format!(
            "SELECT {key}, {}, hlc, deleted FROM {table} {filter} ORDER BY {key}",
            columns.join(", ")
        );
        let mut stmt = conn.prepare_cached(&sql).unwrap();
        let mut rows = stmt.query([]).unwrap();
        let n = columns.len();
        while let Some(row) = rows.next().unwrap() {
            line.clear();
            line.push(b'[');
            push_json_str(&mut line, table);
            line.push(b',');
            push_json_str(&mut line, row.get_ref(0).unwrap().as_str().unwrap());
            line.push(b',');
            push_json_str(&mut line, row.get_ref(n + 1).unwrap().as_str().unwrap());
            let deleted = row.get_ref(n + 2).unwrap().as_i64().unwrap() != 0;
            line.extend_from_slice(if deleted { b",1,[" } else { b",0,[" });
            for i in 0..n {
                if i > 0 {
                    line.push(b',');
                }
                match row.get_ref(i + 1).unwrap() {
                    ValueRef::Null | ValueRef::Blob(_) => line.extend_from_slice(b"null"),
                    ValueRef::Integer(v) => line.extend_from_slice(v.to_string().as_bytes()),
                    ValueRef::Real(x) => {
                        serde_json::to_writer(&mut line, &x).unwrap();
                        if x.fract() == 0.0 && x.abs() < 1e15 && !line.ends_with(b".0") {
                            line.extend_from_slice(b".0");
                        }
                    }
                    ValueRef::Text(t) => push_json_str(&mut line, std::str::from_utf8(t).unwrap()),
                }
            }
            line.extend_from_slice(b"]]\n");
            gz.write_all(&line).unwrap();
        }
    }
    gz.finish().unwrap()
}

/// One row line as Heft's reader parses it: table, key, stamp, tombstone, values.
type Line = (String, String, String, u8, Vec<serde_json::Value>);

/// The header line of an export and a reader of its decompressed lines.
fn open_body(export: &[u8]) -> (serde_json::Value, BufReader<GzDecoder<&[u8]>>) {
    let end = export.iter().position(|&b| b == b'\n').unwrap();
    let header: serde_json::Value = serde_json::from_slice(&export[..end]).unwrap();
    let body = BufReader::with_capacity(64 * 1024, GzDecoder::new(&export[end + 1..]));
    (header, body)
}

/// The next row line of `body`, parsed as Heft's reader parses it.
fn next_line(body: &mut impl BufRead, buf: &mut Vec<u8>) -> Option<Line> {
    buf.clear();
    if body.read_until(b'\n', buf).unwrap() == 0 {
        return None;
    }
    Some(serde_json::from_slice(&buf[..buf.len() - 1]).unwrap())
}

fn sql_value(v: serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap()),
        },
        serde_json::Value::String(s) => Value::Text(s),
        other => panic!("unexpected value {other}"),
    }
}

/// The baseline merge into an empty database: plain inserts in one
/// transaction, one prepared statement per table.
fn raw_merge(conn: &mut Connection, export: &[u8]) -> u64 {
    let (header, mut body) = open_body(export);
    let tx = conn.transaction().unwrap();
    let mut inserts = HashMap::new();
    for t in layout(&header) {
        let (table, key, cols) = (t.name.to_owned(), t.key, t.columns);
        let sql = format!(
            "INSERT INTO {table} ({key}, {}, hlc, deleted) VALUES ({})",
            cols.join(", "),
            (1..=cols.len() + 3)
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        inserts.insert(table, tx.prepare(&sql).unwrap());
    }
    let mut rows = 0;
    let mut buf = Vec::with_capacity(1024);
    while let Some((table, key, hlc, deleted, values)) = next_line(&mut body, &mut buf) {
        let stmt = inserts.get_mut(&table).unwrap();
        let mut params = Vec::with_capacity(values.len() + 3);
        params.push(Value::Text(key));
        params.extend(values.into_iter().map(sql_value));
        params.push(Value::Text(hlc));
        params.push(Value::Integer(i64::from(deleted)));
        stmt.execute(rusqlite::params_from_iter(params)).unwrap();
        rows += 1;
    }
    drop(inserts);
    tx.commit().unwrap();
    rows
}

/// The baseline re-import: one primary-key select of the row's synced
/// columns per line, in one transaction. Returns the rows found.
fn raw_reimport(conn: &mut Connection, export: &[u8]) -> u64 {
    let (header, mut body) = open_body(export);
    let tx = conn.transaction().unwrap();
    let mut selects = HashMap::new();
    for t in layout(&header) {
        let (table, key, columns) = (t.name, t.key, t.columns);
        let sql = format!(
            "SELECT {}, hlc, deleted FROM {table} WHERE {key} = ?1",
            columns.join(", ")
        );
        selects.insert(table, (tx.prepare(&sql).unwrap(), columns.len()));
    }
    let mut found = 0;
    let mut buf = Vec::with_capacity(1024);
    while let Some((table, key, hlc, _, values)) = next_line(&mut body, &mut buf) {
        let (stmt, n) = selects.get_mut(table.as_str()).unwrap();
        let mut rows = stmt.query([&key]).unwrap();
        if let Some(row) = rows.next().unwrap() {
            assert_eq!(row.get_ref(*n).unwrap().as_str().unwrap(), hlc);
            for i in 0..*n {
                black_box(row.get_ref(i).unwrap());
            }
            black_box(&values);
            found += 1;
        }
    }
    drop(selects);
    tx.commit().unwrap();
    found
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sync(c: &mut Criterion) {
    let root = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = root.path().join("source.db");
    let started = Instant::now();
    let (heft, built) = common::ten_years(&path);
    let build_s = started.elapsed().as_secs_f64();

    // The export every merge benchmark reads, and checks that the baseline
    // does the same work.
    let mut export = Vec::new();
    let t_export = Instant::now();
    let summary = heft.export_to(&mut export, None).unwrap();
    let t_export = t_export.elapsed().as_secs_f64();
    let rows: u64 = summary.rows.iter().map(|t| t.rows).sum();
    let (header, mut body) = open_body(&export);
    let tables = layout(&header);
    let mut content = Vec::new();
    body.read_to_end(&mut content).unwrap();
    let raw_conn = raw_connection(&path);
    let mut raw_body = Vec::new();
    let t_raw_export = time(|| raw_body = raw_export(&raw_conn, &tables)).wall;
    let mut raw_content = Vec::new();
    GzDecoder::new(&raw_body[..])
        .read_to_end(&mut raw_content)
        .unwrap();
    assert_eq!(
        hex(&Sha256::digest(&raw_content)),
        summary.content_hash,
        "the baseline writes other lines than the export"
    );
    assert_eq!(content, raw_content);

    // A database that merged the export: the target of the re-import.
    let merged = fresh(root.path());
    let merged_heft = Heft::open(&merged.path).unwrap();
    let t_merge = Instant::now();
    let report = merged_heft
        .import_from(Box::new(&export[..]), None, &NoProgress)
        .unwrap();
    let t_merge = t_merge.elapsed().as_secs_f64();
    assert_eq!(report.added, rows);
    assert_eq!(merged_heft.content_hash().unwrap(), summary.content_hash);
    let t_again = Instant::now();
    let again = merged_heft
        .import_from(Box::new(&export[..]), None, &NoProgress)
        .unwrap();
    let t_again = t_again.elapsed().as_secs_f64();
    assert_eq!((again.unchanged, again.added + again.updated), (rows, 0));
    // Forgets the content merged last, so the next import merges every row.
    let forget_conn = raw_connection(&merged.path);
    let forget = || {
        forget_conn
            .execute("DELETE FROM meta WHERE key LIKE 'merged:%'", [])
            .unwrap();
    };
    forget();
    let t_full = Instant::now();
    let full = merged_heft
        .import_from(Box::new(&export[..]), None, &NoProgress)
        .unwrap();
    let t_full = t_full.elapsed().as_secs_f64();
    assert_eq!((full.unchanged, full.added + full.updated), (rows, 0));
    let mut merged_raw = raw_connection(&merged.path);
    let mut found = 0;
    let t_raw_again = time(|| found = raw_reimport(&mut merged_raw, &export)).wall;
    assert_eq!(found, rows);
    let t_raw_merge;
    {
        let check = fresh(root.path());
        let mut conn = raw_connection(&check.path);
        let mut merged_rows = 0;
        t_raw_merge = time(|| merged_rows = raw_merge(&mut conn, &export)).wall;
        assert_eq!(merged_rows, rows);
        let check_heft = Heft::open(&check.path).unwrap();
        assert_eq!(check_heft.content_hash().unwrap(), summary.content_hash);
    }

    eprintln!(
        "sync: built in {build_s:.1} s ({} workouts and {} sets in bulk); export: {rows} rows \
         ({}), {} bytes compressed, {} bytes of lines; first export {:.2} s, first merge {:.2} s, \
         re-import {:.3} s, whole re-import {:.2} s",
        built.workouts,
        built.sets,
        summary
            .rows
            .iter()
            .map(|t| format!("{} {}", t.table, t.rows))
            .collect::<Vec<_>>()
            .join(", "),
        export.len(),
        content.len(),
        t_export,
        t_merge,
        t_again,
        t_full,
    );

    let mut group = c.benchmark_group("sync");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500));
    // One iteration a sample (criterion's least): a target time under ten
    // iterations' makes it run exactly ten.
    let budget = |one: f64| Duration::from_secs_f64((one * 5.0).max(1.0));

    group.measurement_time(budget(t_export));
    group.bench_function("export", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(export.len() + 4096);
            heft.export_to(&mut out, None).unwrap();
            out
        });
    });
    group.measurement_time(budget(t_raw_export));
    group.bench_function("raw_export", |b| b.iter(|| raw_export(&raw_conn, &tables)));

    group.measurement_time(budget(t_merge));
    group.bench_function("merge_into_empty", |b| {
        b.iter_batched(
            || {
                let db = fresh(root.path());
                let heft = Heft::open(&db.path).unwrap();
                (db, heft)
            },
            |(db, heft)| {
                heft.import_from(Box::new(&export[..]), None, &NoProgress)
                    .unwrap();
                (db, heft)
            },
            BatchSize::PerIteration,
        );
    });
    group.measurement_time(budget(t_raw_merge));
    group.bench_function("raw_merge_into_empty", |b| {
        b.iter_batched(
            || {
                let db = fresh(root.path());
                let conn = raw_connection(&db.path);
                (db, conn)
            },
            |(db, mut conn)| {
                raw_merge(&mut conn, &export);
                (db, conn)
            },
            BatchSize::PerIteration,
        );
    });

    group.measurement_time(budget(t_again));
    group.bench_function("reimport_unchanged", |b| {
        b.iter(|| {
            merged_heft
                .import_from(Box::new(&export[..]), None, &NoProgress)
                .unwrap()
        });
    });
    group.measurement_time(budget(t_full));
    group.bench_function("reimport_unchanged_full", |b| {
        b.iter_batched(
            forget,
            |()| {
                merged_heft
                    .import_from(Box::new(&export[..]), None, &NoProgress)
                    .unwrap()
            },
            BatchSize::PerIteration,
        );
    });
    group.measurement_time(budget(t_raw_again));
    group.bench_function("raw_reimport_unchanged", |b| {
        b.iter(|| raw_reimport(&mut merged_raw, &export));
    });
    group.finish();

    interleaved(
        "sync/export",
        ROUNDS,
        || {
            time(|| {
                let mut out = Vec::with_capacity(export.len() + 4096);
                heft.export_to(&mut out, None).unwrap();
                black_box(out);
            })
        },
        || time(|| drop(black_box(raw_export(&raw_conn, &tables)))),
    );
    interleaved(
        "sync/merge_into_empty",
        ROUNDS,
        || {
            let db = fresh(root.path());
            let heft = Heft::open(&db.path).unwrap();
            time(|| {
                heft.import_from(Box::new(&export[..]), None, &NoProgress)
                    .unwrap();
            })
        },
        || {
            let db = fresh(root.path());
            let mut conn = raw_connection(&db.path);
            time(|| {
                raw_merge(&mut conn, &export);
            })
        },
    );
    // The same re-import twice: once skipped by the stored content hash,
    // once as a full merge with that hash forgotten before each round.
    for (name, full) in [
        ("sync/reimport_unchanged", false),
        ("sync/reimport_unchanged_full", true),
    ] {
        interleaved(
            name,
            ROUNDS,
            || {
                if full {
                    forget();
                }
                time(|| {
                    merged_heft
                        .import_from(Box::new(&export[..]), None, &NoProgress)
                        .unwrap();
                })
            },
            || {
                time(|| {
                    raw_reimport(&mut merged_raw, &export);
                })
            },
        );
    }
}

criterion_group!(benches, sync);
criterion_main!(benches);
