//! Sync by file: export, merge import and the sync folder, through the
//! public API, with the merge laws checked over random multi-device
//! histories.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, TimeDelta};
use heft_core::clock::ManualClock;
use heft_core::model::{Load, ProfileUpdate, SetInput, Weight, WeightUnit};
use heft_core::progress::{NoProgress, Progress};
use heft_core::sync::{Passphrase, SyncError};
use heft_core::{Error, Heft, HistoryQuery, LogTime};
use proptest::prelude::*;

const START: &str = "2026-01-05T18:00:00+01:00";

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

struct Device {
    heft: Heft,
    clock: Arc<ManualClock>,
}

fn device(start: &str) -> Device {
    let clock = Arc::new(ManualClock::new(t(start)));
    let heft = Heft::open_in_memory(clock.clone()).unwrap();
    Device { heft, clock }
}

fn squat(heft: &Heft, kg: f64, reps: u32) -> SetInput {
    let ex = heft.find_exercise("back squat").unwrap();
    SetInput {
        load: Load::Weight {
            weight: Weight::new(kg, WeightUnit::Kg).unwrap(),
        },
        reps: Some(reps),
        ..SetInput::new(ex.id)
    }
}

fn export(heft: &Heft) -> Vec<u8> {
    let mut out = Vec::new();
    heft.export_to(&mut out, None).unwrap();
    out
}

fn import(heft: &Heft, file: &[u8]) -> heft_core::Result<heft_core::sync::MergeReport> {
    heft.import_from(Box::new(file), None, &NoProgress)
}

fn sets(heft: &Heft) -> Vec<(String, Option<u32>)> {
    let mut out: Vec<_> = heft
        .history(&HistoryQuery::default())
        .unwrap()
        .into_iter()
        .flat_map(|w| w.sets)
        .map(|s| (s.id, s.input.reps))
        .collect();
    out.sort();
    out
}

/// A device with a little of everything: sets, an edit, a deletion, a
/// custom exercise, profile fields and a program run.
fn busy_device() -> Device {
    let d = device(START);
    let h = &d.heft;
    h.update_profile(&ProfileUpdate {
        unit: Some(WeightUnit::Kg),
        birth_year: Some(1961),
        ..Default::default()
    })
    .unwrap();
    h.start_program("liftmor", d.clock.now_date()).unwrap();
    let a = h.log_set(squat(h, 60.0, 5), LogTime::Now).unwrap();
    d.clock.advance(TimeDelta::minutes(3));
    let b = h.log_set(squat(h, 62.5, 5), LogTime::Now).unwrap();
    h.edit_set(&a.id, squat(h, 60.0, 6)).unwrap();
    h.delete_set(&b.id).unwrap();
    h.add_exercise(heft_core::model::NewExercise {
        name: "Zercher carry".into(),
        aliases: vec!["zercher walk".into()],
        pattern: heft_core::model::Pattern::Carry,
        equipment: heft_core::model::Equipment::Barbell,
        measure: heft_core::model::Measure::Distance,
        muscles: vec![],
        unilateral: false,
        axial: true,
        spinal_flexion: false,
        spinal_rotation: false,
        impact: false,
    })
    .unwrap();
    d
}

trait NowDate {
    fn now_date(&self) -> chrono::NaiveDate;
}
impl NowDate for ManualClock {
    fn now_date(&self) -> chrono::NaiveDate {
        heft_core::clock::Clock::now(self).date_naive()
    }
}

#[test]
fn export_then_import_into_an_empty_database_reproduces_it() {
    let a = busy_device();
    let file = export(&a.heft);
    let b = device("2026-02-01T09:00:00+00:00");
    let report = import(&b.heft, &file).unwrap();
    assert!(report.added > 0);
    assert_eq!(report.updated, 0);
    assert_eq!(
        b.heft.content_hash().unwrap(),
        a.heft.content_hash().unwrap()
    );
    assert_eq!(sets(&b.heft), sets(&a.heft));
    assert_eq!(b.heft.profile().unwrap(), a.heft.profile().unwrap());
    assert_eq!(
        Some(
            b.heft
                .program_status(a.clock.now_date())
                .unwrap()
                .run
                .program_id
        ),
        Some("liftmor".to_owned())
    );
    assert!(b.heft.find_exercise("zercher walk").is_ok());
    // The deleted set stays deleted on the other device.
    assert_eq!(sets(&b.heft).len(), 1);
    // Importing the same file again changes nothing.
    let again = import(&b.heft, &file).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
    assert_eq!(again.unchanged, again.rows_read);
    // The status names the other device and the same hash.
    let status = b.heft.sync_status().unwrap();
    assert_eq!(status.content_hash, a.heft.content_hash().unwrap());
    assert_eq!(status.devices.len(), 1);
    assert_eq!(status.devices[0].id, a.heft.device_id().unwrap());
}

#[test]
fn the_header_is_one_readable_line_and_counts_rows() {
    let a = busy_device();
    let file = export(&a.heft);
    let newline = file.iter().position(|&b| b == b'\n').unwrap();
    let header: serde_json::Value = serde_json::from_slice(&file[..newline]).unwrap();
    assert_eq!(header["format"], "heft-export");
    assert_eq!(header["version"], 1);
    assert_eq!(header["device_id"], a.heft.device_id().unwrap());
    let set_rows = header["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "set_entry")
        .unwrap()["rows"]
        .as_u64()
        .unwrap();
    assert_eq!(set_rows, 2, "the live set and the tombstone");
    assert_eq!(header["content_sha256"], a.heft.content_hash().unwrap());
}

#[test]
fn a_later_edit_wins_on_both_devices_and_the_clock_moves_past_what_it_saw() {
    let a = device(START);
    let s = a
        .heft
        .log_set(squat(&a.heft, 100.0, 5), LogTime::Now)
        .unwrap();
    // B's wall clock is an hour behind A's.
    let b = device("2026-01-05T16:00:00+00:00");
    import(&b.heft, &export(&a.heft)).unwrap();
    // B edits after seeing A's row: its stamp must be newer despite its clock.
    b.heft.edit_set(&s.id, squat(&b.heft, 100.0, 3)).unwrap();
    import(&a.heft, &export(&b.heft)).unwrap();
    assert_eq!(sets(&a.heft), vec![(s.id.clone(), Some(3))]);
    assert_eq!(
        a.heft.content_hash().unwrap(),
        b.heft.content_hash().unwrap()
    );
}

#[test]
fn a_deletion_is_not_undone_by_an_old_copy() {
    let a = device(START);
    let s = a
        .heft
        .log_set(squat(&a.heft, 100.0, 5), LogTime::Now)
        .unwrap();
    let old_copy = export(&a.heft);
    let b = device(START);
    import(&b.heft, &old_copy).unwrap();
    b.clock.advance(TimeDelta::minutes(5));
    b.heft.delete_set(&s.id).unwrap();
    import(&a.heft, &export(&b.heft)).unwrap();
    assert!(sets(&a.heft).is_empty());
    // The old copy arrives again (say, from a stale file in the folder).
    let r = import(&a.heft, &old_copy).unwrap();
    assert_eq!((r.added, r.updated), (0, 0));
    assert!(sets(&a.heft).is_empty());
    assert!(sets(&b.heft).is_empty());
}

fn expect_sync_error(heft: &Heft, file: &[u8]) -> SyncError {
    let before = heft.content_hash().unwrap();
    let err = import(heft, file).unwrap_err();
    assert_eq!(
        heft.content_hash().unwrap(),
        before,
        "database changed by {err}"
    );
    match err {
        Error::Sync(e) => e,
        other => panic!("expected a sync error, got {other:?}"),
    }
}

#[test]
fn bad_files_get_clear_errors_and_change_nothing() {
    let a = busy_device();
    let good = export(&a.heft);
    let b = device(START);
    b.heft
        .log_set(squat(&b.heft, 80.0, 5), LogTime::Now)
        .unwrap();

    assert!(matches!(expect_sync_error(&b.heft, b""), SyncError::Empty));
    assert!(matches!(
        expect_sync_error(&b.heft, b"Date,Workout Name\n1,2\n"),
        SyncError::NotAnExport
    ));
    let garbage: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert!(matches!(
        expect_sync_error(&b.heft, &garbage),
        SyncError::NotAnExport
    ));

    // Cut short anywhere: in the header, in the body, one byte before the end.
    let newline = good.iter().position(|&b| b == b'\n').unwrap();
    for cut in [newline / 2, newline + 1, newline + 20, good.len() - 1] {
        let e = expect_sync_error(&b.heft, &good[..cut]);
        assert!(
            matches!(e, SyncError::Truncated(_) | SyncError::Corrupt(_)),
            "cut at {cut}: {e}"
        );
    }
    // One flipped bit in the compressed body.
    let mut flipped = good.clone();
    let at = newline + (good.len() - newline) / 2;
    flipped[at] ^= 0x10;
    let e = expect_sync_error(&b.heft, &flipped);
    assert!(
        matches!(e, SyncError::Corrupt(_) | SyncError::Truncated(_)),
        "{e}"
    );

    // A newer format version.
    let text = String::from_utf8_lossy(&good[..newline]).replace("\"version\":1", "\"version\":7");
    let mut newer = text.into_bytes();
    newer.extend_from_slice(&good[newline..]);
    assert!(matches!(
        expect_sync_error(&b.heft, &newer),
        SyncError::UnsupportedVersion {
            found: 7,
            supported: 1
        }
    ));
    // Trailing garbage after the body.
    let mut extra = good.clone();
    extra.extend_from_slice(b"more");
    assert!(
        import(&b.heft, &extra).is_ok(),
        "bytes after the declared body are ignored"
    );
}

#[test]
fn a_flipped_bit_in_the_header_is_found() {
    let a = busy_device();
    let good = export(&a.heft);
    let newline = good.iter().position(|&b| b == b'\n').unwrap();
    let text = std::str::from_utf8(&good[..newline]).unwrap();
    let id = a.heft.device_id().unwrap();
    let at = text.find(&id).unwrap() + 3;
    let b = device(START);
    let before = b.heft.content_hash().unwrap();
    // One bit of the device id, then one of a row count.
    let count = text.find("\"rows\":").unwrap() + "\"rows\":".len();
    for pos in [at, count] {
        let mut flipped = good.clone();
        flipped[pos] ^= 0x01;
        let e = expect_sync_error(&b.heft, &flipped);
        assert!(
            e.to_string().contains("the header checksum does not match"),
            "{pos}: {e}"
        );
    }
    assert_eq!(b.heft.content_hash().unwrap(), before);
    import(&b.heft, &good).unwrap();
}

/// A small file whose gzip body inflates to far more rows than its header
/// declares (about 200 MB of valid-looking lines in well under 1 MB) is
/// refused after the declared rows, not after reading them all.
#[test]
fn a_compression_bomb_fails_fast() {
    use std::io::Write;
    let a = device(START);
    a.heft
        .log_set(squat(&a.heft, 100.0, 5), LogTime::Now)
        .unwrap();
    let good = export(&a.heft);
    let newline = good.iter().position(|&b| b == b'\n').unwrap();
    let body = body_of(&good);
    let set_line = body
        .lines()
        .find(|l| l.starts_with("[\"set_entry\""))
        .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(body.as_bytes()).unwrap();
    let copy = format!("{set_line}\n").repeat(10_000);
    for _ in 0..(200_000_000 / copy.len()) {
        gz.write_all(copy.as_bytes()).unwrap();
    }
    let bomb_body = gz.finish().unwrap();
    assert!(bomb_body.len() < 3_000_000, "{}", bomb_body.len());
    let mut header: serde_json::Value = serde_json::from_slice(&good[..newline]).unwrap();
    use sha2::Digest;
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    header["body_bytes"] = serde_json::json!(bomb_body.len());
    header["body_sha256"] = serde_json::json!(hex(&sha2::Sha256::digest(&bomb_body)));
    header.as_object_mut().unwrap().remove("header_sha256");
    let b = device(START);
    let dir = tempfile::tempdir().unwrap();
    for declared_bytes in [true, false] {
        let mut h = header.clone();
        if !declared_bytes {
            // As a file of an earlier build: only the row counts bound it.
            h.as_object_mut().unwrap().remove("content_bytes");
        }
        let mut file = serde_json::to_vec(&h).unwrap();
        file.push(b'\n');
        file.extend_from_slice(&bomb_body);
        let path = dir.path().join("bomb.heft");
        std::fs::write(&path, &file).unwrap();
        let started = std::time::Instant::now();
        let e = b.heft.import_file(&path, None, &NoProgress).unwrap_err();
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        let text = e.to_string();
        let expected = if declared_bytes {
            "the body is longer than the"
        } else {
            "the body has more rows than the"
        };
        assert!(text.contains(expected), "{text}");
    }
    assert_eq!(b.heft.history(&HistoryQuery::default()).unwrap().len(), 0);
}

#[test]
fn a_row_with_an_invalid_value_names_row_table_and_field() {
    // Build a file by hand with a set whose reps are negative.
    let a = device(START);
    a.heft
        .log_set(squat(&a.heft, 100.0, 5), LogTime::Now)
        .unwrap();
    let good = export(&a.heft);
    let newline = good.iter().position(|&b| b == b'\n').unwrap();
    let header: serde_json::Value = serde_json::from_slice(&good[..newline]).unwrap();
    let mut body = Vec::new();
    {
        use std::io::Read;
        flate2::read::GzDecoder::new(&good[newline + 1..])
            .read_to_end(&mut body)
            .unwrap();
    }
    let body = String::from_utf8(body).unwrap();
    let reps_at = header["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "set_entry")
        .unwrap()["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c == "reps")
        .unwrap();
    let mut lines: Vec<serde_json::Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let set_line = lines.iter().position(|l| l[0] == "set_entry").unwrap();
    lines[set_line][4][reps_at] = serde_json::json!(-3);
    let file = rebuild(&header, &lines);
    let b = device(START);
    match expect_sync_error(&b.heft, &file) {
        SyncError::BadRow {
            row,
            table,
            field,
            reason,
        } => {
            assert_eq!(row as usize, set_line + 1);
            assert_eq!((table.as_str(), field.as_str()), ("set_entry", "reps"));
            assert!(reason.contains("-3"), "{reason}");
        }
        other => panic!("{other}"),
    }
}

/// Re-encodes a header and row lines as a valid file (checksums recomputed).
fn rebuild(header: &serde_json::Value, lines: &[serde_json::Value]) -> Vec<u8> {
    use sha2::Digest;
    use std::io::Write;
    let mut content = Vec::new();
    for l in lines {
        content.extend_from_slice(serde_json::to_string(l).unwrap().as_bytes());
        content.push(b'\n');
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&content).unwrap();
    let body = gz.finish().unwrap();
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    let mut header = header.clone();
    header["body_bytes"] = serde_json::json!(body.len());
    header["body_sha256"] = serde_json::json!(hex(&sha2::Sha256::digest(&body)));
    header["content_sha256"] = serde_json::json!(hex(&sha2::Sha256::digest(&content)));
    header["content_bytes"] = serde_json::json!(content.len());
    // An edited header no longer matches its checksum: leave it out, as
    // files of earlier builds do.
    header.as_object_mut().unwrap().remove("header_sha256");
    let mut file = serde_json::to_vec(&header).unwrap();
    file.push(b'\n');
    file.extend_from_slice(&body);
    file
}

#[test]
fn encrypted_exports_need_the_right_passphrase() {
    let a = busy_device();
    let mut pass = Passphrase::new("correct horse battery staple\n").unwrap();
    pass.work_factor = Some(10);
    let mut file = Vec::new();
    a.heft.export_to(&mut file, Some(&pass)).unwrap();
    assert!(file.starts_with(b"age-encryption.org/v1\n"));
    assert!(!file.windows(6).any(|w| w == b"squat\"" || w == b"liftmo"));
    let b = device(START);
    assert!(matches!(
        expect_sync_error(&b.heft, &file),
        SyncError::NeedsPassphrase
    ));
    let wrong = Passphrase::new("tr0ub4dor&3").unwrap();
    let before = b.heft.content_hash().unwrap();
    let e = b
        .heft
        .import_from(Box::new(&file[..]), Some(&wrong), &NoProgress)
        .unwrap_err();
    assert!(matches!(e, Error::Sync(SyncError::WrongPassphrase)), "{e}");
    assert_eq!(b.heft.content_hash().unwrap(), before);
    let right = Passphrase::new("correct horse battery staple").unwrap();
    b.heft
        .import_from(Box::new(&file[..]), Some(&right), &NoProgress)
        .unwrap();
    assert_eq!(
        b.heft.content_hash().unwrap(),
        a.heft.content_hash().unwrap()
    );
    assert!(matches!(
        Passphrase::new("  \n"),
        Err(Error::Sync(SyncError::EmptyPassphrase))
    ));
}

/// An encrypted file whose scrypt work factor was edited upwards (2^23 would
/// take about 8 GiB and a minute to try) is refused before any scrypt work.
#[test]
fn an_edited_scrypt_work_factor_is_refused_at_once() {
    let a = busy_device();
    let mut pass = Passphrase::new("correct horse battery staple").unwrap();
    pass.work_factor = Some(10);
    let mut file = Vec::new();
    a.heft.export_to(&mut file, Some(&pass)).unwrap();
    // The age header's scrypt stanza ends with the work factor: "-> scrypt SALT 10".
    let text = String::from_utf8_lossy(&file[..200]).into_owned();
    let at = text.find("-> scrypt ").unwrap();
    let end = at + text[at..].find('\n').unwrap();
    assert!(text[at..end].ends_with(" 10"), "{}", &text[at..end]);
    let b = device(START);
    let before = b.heft.content_hash().unwrap();
    for factor in ["20", "23", "40"] {
        let mut edited = file[..end - 2].to_vec();
        edited.extend_from_slice(factor.as_bytes());
        edited.extend_from_slice(&file[end..]);
        let started = std::time::Instant::now();
        let e = b
            .heft
            .import_from(Box::new(&edited[..]), Some(&pass), &NoProgress)
            .unwrap_err();
        // A generous bound that still proves no 2^20+ scrypt ran.
        assert!(
            started.elapsed().as_secs() < 5,
            "{factor}: {:?}",
            started.elapsed()
        );
        let msg = e.to_string();
        assert!(msg.contains(&format!("work factor of {factor}")), "{msg}");
        assert!(msg.contains("reads at most 19"), "{msg}");
    }
    assert_eq!(b.heft.content_hash().unwrap(), before);
    // Heft itself writes a fixed factor, within what it reads.
    assert_eq!(heft_core::sync::WRITE_WORK_FACTOR, 18);
    const { assert!(heft_core::sync::WRITE_WORK_FACTOR <= heft_core::sync::MAX_WORK_FACTOR) };
}

struct CancelAfter(u64, std::sync::atomic::AtomicU64);
impl Progress for CancelAfter {
    fn update(&self, done: u64, _total: u64) {
        self.1.store(done, std::sync::atomic::Ordering::SeqCst);
    }
    fn is_cancelled(&self) -> bool {
        self.1.load(std::sync::atomic::Ordering::SeqCst) >= self.0
    }
}

#[test]
fn progress_is_reported_and_cancelling_keeps_nothing() {
    let a = device(START);
    let ex = a.heft.find_exercise("back squat").unwrap().id;
    let inputs: Vec<SetInput> = (0..5000)
        .map(|i| SetInput {
            reps: Some(1 + i % 10),
            ..SetInput::new(ex.clone())
        })
        .map(|mut s| {
            s.load = Load::Weight {
                weight: Weight::new(50.0, WeightUnit::Kg).unwrap(),
            };
            s
        })
        .collect();
    for chunk in inputs.chunks(200) {
        a.heft.log_sets(chunk, LogTime::Now).unwrap();
    }
    let file = export(&a.heft);
    let b = device(START);
    let before = b.heft.content_hash().unwrap();
    let cancel = CancelAfter(2048, Default::default());
    let e = b
        .heft
        .import_from(Box::new(&file[..]), None, &cancel)
        .unwrap_err();
    assert!(matches!(e, Error::Cancelled));
    assert_eq!(b.heft.content_hash().unwrap(), before);
    let watch = CancelAfter(u64::MAX, Default::default());
    b.heft
        .import_from(Box::new(&file[..]), None, &watch)
        .unwrap();
    assert!(watch.1.load(std::sync::atomic::Ordering::SeqCst) >= 5000);
}

#[test]
fn a_sync_folder_converges_and_skips_foreign_and_partial_files() {
    let dir = tempfile::tempdir().unwrap();
    let a = busy_device();
    let b = device("2026-01-06T07:00:00+01:00");
    b.heft
        .log_set(squat(&b.heft, 70.0, 5), LogTime::Now)
        .unwrap();
    std::fs::write(dir.path().join("notes.heft"), b"not an export").unwrap();
    let first = a.heft.sync_folder(dir.path(), None, &NoProgress).unwrap();
    assert_eq!(first.warnings.len(), 1);
    assert!(first.written.is_some());
    let rb = b.heft.sync_folder(dir.path(), None, &NoProgress).unwrap();
    assert_eq!(rb.merged.len(), 1);
    let ra = a.heft.sync_folder(dir.path(), None, &NoProgress).unwrap();
    assert_eq!(ra.merged.len(), 1);
    assert_eq!(
        a.heft.content_hash().unwrap(),
        b.heft.content_hash().unwrap()
    );
    // A half-copied file from a third device is skipped with a warning.
    let own = std::fs::read(
        dir.path()
            .join(format!("{}.heft", a.heft.device_id().unwrap())),
    )
    .unwrap();
    std::fs::write(dir.path().join("ffff.heft"), &own[..own.len() / 2]).unwrap();
    let again = b.heft.sync_folder(dir.path(), None, &NoProgress).unwrap();
    assert!(again.warnings.iter().any(|w| w.path.ends_with("ffff.heft")));
    assert!(again.merged.is_empty());
    assert!(
        again.written.is_none(),
        "nothing changed, so B's file is not rewritten"
    );
    no_temporaries(dir.path());
}

#[test]
fn a_refused_file_is_skipped_until_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let a = busy_device();
    let bad = dir.path().join("ffff.heft");
    let own = {
        let mut v = Vec::new();
        a.heft.export_to(&mut v, None).unwrap();
        v
    };
    // A file cut short: refused for its content.
    std::fs::write(&bad, &own[..own.len() / 2]).unwrap();
    let b = device("2026-01-06T07:00:00+01:00");
    let first = b.heft.sync_folder(dir.path(), None, &NoProgress).unwrap();
    let reason = &first
        .warnings
        .iter()
        .find(|w| w.path == bad)
        .unwrap()
        .reason;
    assert!(!reason.starts_with("skipped"), "{reason}");
    // The next sync does not read it again, and says why.
    let second = b.heft.sync_folder(dir.path(), None, &NoProgress).unwrap();
    let skipped = &second
        .warnings
        .iter()
        .find(|w| w.path == bad)
        .unwrap()
        .reason;
    assert!(
        skipped.starts_with("skipped: refused before and unchanged since (")
            && skipped.contains(reason.as_str()),
        "{skipped}"
    );
    // Once the whole file has arrived, it is read and merged.
    std::fs::write(&bad, &own).unwrap();
    let third = b.heft.sync_folder(dir.path(), None, &NoProgress).unwrap();
    assert!(third.warnings.iter().all(|w| w.path != bad), "{third:?}");
    assert_eq!(third.merged.len(), 1);
    // A file that needs a passphrase is not remembered as refused: with the
    // passphrase it merges at once.
    let mut pass = Passphrase::new("pass phrase").unwrap();
    pass.work_factor = Some(10);
    let sealed = dir.path().join("eeee.heft");
    let c = device("2026-01-07T07:00:00+01:00");
    c.heft
        .log_set(squat(&c.heft, 80.0, 5), LogTime::Now)
        .unwrap();
    let mut v = Vec::new();
    c.heft.export_to(&mut v, Some(&pass)).unwrap();
    std::fs::write(&sealed, &v).unwrap();
    let without = b.heft.sync_folder(dir.path(), None, &NoProgress).unwrap();
    assert!(
        without
            .warnings
            .iter()
            .any(|w| w.path == sealed && !w.reason.starts_with("skipped"))
    );
    let with = b
        .heft
        .sync_folder(dir.path(), Some(&pass), &NoProgress)
        .unwrap();
    assert!(with.merged.iter().any(|m| m.path == sealed), "{with:?}");
}

fn no_temporaries(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        assert!(!name.contains(".tmp-"), "{name} left behind");
    }
}

// ---- Merge laws over random multi-device histories ----

#[derive(Debug, Clone)]
enum Op {
    Log { reps: u32 },
    Edit { pick: usize, reps: u32 },
    Delete { pick: usize },
    Unit { lb: bool },
    Tick { minutes: i64 },
    Undo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (1u32..12).prop_map(|reps| Op::Log { reps }),
        2 => (any::<usize>(), 1u32..12).prop_map(|(pick, reps)| Op::Edit { pick, reps }),
        1 => any::<usize>().prop_map(|pick| Op::Delete { pick }),
        1 => any::<bool>().prop_map(|lb| Op::Unit { lb }),
        2 => (-90i64..90).prop_map(|minutes| Op::Tick { minutes }),
        // A clock set days wrong, and set right again by a later jump: files
        // from a device whose clock ran ahead are merged like any other.
        1 => (-30i64..=30).prop_map(|days| Op::Tick { minutes: days * 24 * 60 }),
        1 => Just(Op::Undo),
    ]
}

/// Applies one operation; edits and deletions pick among the sets this
/// device can see (including those merged from others).
fn apply(d: &Device, op: &Op) {
    let h = &d.heft;
    let live = sets(h);
    match *op {
        Op::Log { reps } => {
            h.log_set(squat(h, 60.0, reps), LogTime::Now).unwrap();
        }
        Op::Edit { pick, reps } if !live.is_empty() => {
            let id = &live[pick % live.len()].0;
            h.edit_set(id, squat(h, 60.0, reps)).unwrap();
        }
        Op::Delete { pick } if !live.is_empty() => {
            h.delete_set(&live[pick % live.len()].0).unwrap();
        }
        Op::Unit { lb } => {
            h.update_profile(&ProfileUpdate {
                unit: Some(if lb { WeightUnit::Lb } else { WeightUnit::Kg }),
                ..Default::default()
            })
            .unwrap();
        }
        Op::Tick { minutes } => d.clock.advance(TimeDelta::minutes(minutes)),
        Op::Undo => {
            // Nothing to undo is fine; a merge clears the undo history.
            let _ = h.undo();
        }
        _ => {}
    }
}

/// Three devices act; every few steps one device imports another's current
/// export. Returns the devices and every file written along the way.
fn history(steps: &[(usize, Op, Option<usize>)]) -> (Vec<Device>, Vec<Vec<u8>>) {
    history_with(steps, &|_, h| export(h))
}

/// [`history`] with device `i`'s files written by `export_of(i, heft)`.
fn history_with(
    steps: &[(usize, Op, Option<usize>)],
    export_of: &dyn Fn(usize, &Heft) -> Vec<u8>,
) -> (Vec<Device>, Vec<Vec<u8>>) {
    let devices: Vec<Device> = [
        "2026-01-05T18:00:00+01:00",
        "2026-01-05T17:10:00+00:00",
        "2026-01-05T19:30:00+02:00",
    ]
    .iter()
    .map(|s| device(s))
    .collect();
    let mut files = Vec::new();
    for (who, op, pull) in steps {
        let d = &devices[who % 3];
        apply(d, op);
        if let Some(from) = pull {
            let file = export_of(from % 3, &devices[from % 3].heft);
            import(&d.heft, &file).unwrap();
            files.push(file);
        }
    }
    for (i, d) in devices.iter().enumerate() {
        files.push(export_of(i, &d.heft));
    }
    (devices, files)
}

fn steps() -> impl Strategy<Value = Vec<(usize, Op, Option<usize>)>> {
    prop::collection::vec(
        (0usize..3, op(), prop::option::weighted(0.3, 0usize..3)),
        1..25,
    )
}

fn fresh_with(files: &[&[u8]]) -> Heft {
    let d = device("2030-01-01T00:00:00+00:00");
    for f in files {
        import(&d.heft, f).unwrap();
    }
    d.heft
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn merging_is_idempotent_commutative_associative_and_convergent(steps in steps()) {
        let (devices, files) = history(&steps);
        let finals: Vec<&[u8]> = files[files.len() - 3..].iter().map(|f| &f[..]).collect();
        let (x, y, z) = (finals[0], finals[1], finals[2]);

        // Idempotent: importing a file a second time changes nothing.
        let once = fresh_with(&[x]);
        let h1 = once.content_hash().unwrap();
        let again = import(&once, x).unwrap();
        prop_assert_eq!(again.added + again.updated, 0);
        prop_assert_eq!(once.content_hash().unwrap(), h1);

        // Commutative and associative: every order gives the same data.
        let orders: [[&[u8]; 3]; 6] = [[x, y, z], [x, z, y], [y, x, z], [y, z, x], [z, x, y], [z, y, x]];
        let hashes: Vec<String> = orders.iter().map(|o| fresh_with(o).content_hash().unwrap()).collect();
        for h in &hashes {
            prop_assert_eq!(h, &hashes[0]);
        }
        // Associative: merging (x then y) into a device, exporting, then z,
        // equals x then (y merged with z).
        let xy = export(&fresh_with(&[x, y]));
        let yz = export(&fresh_with(&[y, z]));
        prop_assert_eq!(fresh_with(&[&xy, z]).content_hash().unwrap(), fresh_with(&[x, &yz]).content_hash().unwrap());

        // Convergent: every device that merges all final files holds the same data,
        // also after merging the stale intermediate files in any order.
        let mut converged = Vec::new();
        for (i, d) in devices.iter().enumerate() {
            for f in files.iter().rev() {
                import(&d.heft, f).unwrap();
            }
            for f in &finals {
                import(&d.heft, f).unwrap();
            }
            converged.push((i, d.heft.content_hash().unwrap()));
        }
        for (_, h) in &converged {
            prop_assert_eq!(h, &hashes[0]);
        }

        // Tombstones: a set deleted on any device is deleted in the merged result.
        let merged = fresh_with(&[x, y, z]);
        let live: std::collections::HashSet<String> = sets(&merged).into_iter().map(|s| s.0).collect();
        for f in [x, y, z] {
            let alone = fresh_with(&[f]);
            let deleted_there = all_set_ids(&alone).difference(&sets(&alone).into_iter().map(|s| s.0).collect()).cloned().collect::<Vec<_>>();
            for id in deleted_there {
                // Deleted in the newest copy of some device: only a newer edit
                // elsewhere could bring it back, and edits need a live set.
                prop_assert!(!live.contains(&id) || newer_live_edit(&merged, &alone, &id));
            }
        }
    }
}

fn all_set_ids(h: &Heft) -> std::collections::HashSet<String> {
    let mut out = Vec::new();
    h.export_to(&mut out, None).unwrap();
    rows_of(&out, "set_entry")
        .into_iter()
        .map(|(id, _, _)| id)
        .collect()
}

/// (id, hlc, deleted) of a table's rows in an export.
fn rows_of(file: &[u8], table: &str) -> Vec<(String, String, bool)> {
    use std::io::Read;
    let newline = file.iter().position(|&b| b == b'\n').unwrap();
    let mut body = String::new();
    flate2::read::GzDecoder::new(&file[newline + 1..])
        .read_to_string(&mut body)
        .unwrap();
    body.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v[0] == table)
        .map(|v| {
            (
                v[1].as_str().unwrap().to_owned(),
                v[2].as_str().unwrap().to_owned(),
                v[3] == 1,
            )
        })
        .collect()
}

/// Whether `merged` holds set `id` live with a newer stamp than its tombstone in `alone`.
fn newer_live_edit(merged: &Heft, alone: &Heft, id: &str) -> bool {
    let stamp = |h: &Heft| {
        let mut out = Vec::new();
        h.export_to(&mut out, None).unwrap();
        rows_of(&out, "set_entry")
            .into_iter()
            .find(|r| r.0 == id)
            .map(|r| (r.1, r.2))
    };
    match (stamp(merged), stamp(alone)) {
        (Some((m, false)), Some((a, true))) => m > a,
        _ => false,
    }
}

// ---- The format is stable: a file written by format v1 imports forever ----

fn golden_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("golden/sync/v1-sample.heft")
}

/// The golden file's body, decompressed.
fn body_of(file: &[u8]) -> String {
    use std::io::Read;
    let newline = file.iter().position(|&b| b == b'\n').unwrap();
    let mut body = String::new();
    flate2::read::GzDecoder::new(&file[newline + 1..])
        .read_to_string(&mut body)
        .unwrap();
    body
}

#[test]
fn a_v1_export_imports_and_exports_back_to_the_same_rows() {
    let path = golden_path();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let d = busy_device();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, export(&d.heft)).unwrap();
    }
    let golden = std::fs::read(&path).unwrap();
    let b = device("2027-03-01T08:00:00+00:00");
    let report = import(&b.heft, &golden).unwrap();
    assert_eq!(
        report.deletions, 1,
        "the deleted set travels as a tombstone"
    );
    // Exported again by another device, the rows are the same: the golden
    // file is of minor 0 (no minor in its header), so the columns minor 1
    // added are null, and every other value is byte-for-byte the same.
    let again = export(&b.heft);
    let (old_header, old_rows) = parts(&golden);
    let (new_header, new_rows) = parts(&again);
    assert_eq!(old_header.get("minor"), None);
    assert_eq!(new_header["minor"], 1);
    assert_eq!(old_rows.len(), new_rows.len());
    for (old, new) in old_rows.iter().zip(&new_rows) {
        assert_eq!(old.as_array().unwrap()[..4], new.as_array().unwrap()[..4]);
        let table = old[0].as_str().unwrap();
        let names = |h: &serde_json::Value| {
            h["tables"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["name"] == table)
                .unwrap()["columns"]
                .as_array()
                .unwrap()
                .clone()
        };
        let (old_names, new_names) = (names(&old_header), names(&new_header));
        for (i, name) in new_names.iter().enumerate() {
            let was = old_names.iter().position(|n| n == name);
            let expected = was.map_or(serde_json::Value::Null, |j| old[4][j].clone());
            assert_eq!(new[4][i], expected, "{table}.{name}");
        }
        assert!(old_names.iter().all(|n| new_names.contains(n)));
    }
    // What the rows mean survives too.
    let live = sets(&b.heft);
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].1, Some(6));
    assert_eq!(b.heft.profile().unwrap().birth_year, Some(1961));
    assert!(b.heft.find_exercise("Zercher carry").is_ok());
    let lines = body_of(&golden).lines().count();
    assert_eq!(report.rows_read as usize, lines);
}

#[test]
fn damaged_copies_of_a_real_export_never_panic_and_never_write() {
    // A long property test over byte flips, cuts and splices of a valid file.
    let golden = std::fs::read(golden_path()).unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 300,
        ..ProptestConfig::default()
    });
    let len = golden.len();
    runner
        .run(
            &(
                prop::collection::vec((0..len, any::<u8>()), 0..6),
                prop::option::of(0..len),
                prop::option::of((0..len, prop::collection::vec(any::<u8>(), 0..40))),
            ),
            |(flips, cut, splice)| {
                let mut file = golden.clone();
                for (at, x) in flips {
                    file[at] ^= x;
                }
                if let Some((at, bytes)) = splice {
                    let at = at.min(file.len());
                    file.splice(at..at, bytes);
                }
                if let Some(cut) = cut {
                    file.truncate(cut);
                }
                let d = device(START);
                let before = d.heft.content_hash().unwrap();
                if import(&d.heft, &file).is_err() {
                    prop_assert_eq!(d.heft.content_hash().unwrap(), before);
                }
                Ok(())
            },
        )
        .unwrap();
}

// ---- Hostile rows found in review ----

/// The header and rows of an export, to edit and rebuild.
fn parts(file: &[u8]) -> (serde_json::Value, Vec<serde_json::Value>) {
    let newline = file.iter().position(|&b| b == b'\n').unwrap();
    let header = serde_json::from_slice(&file[..newline]).unwrap();
    let lines = body_of(file)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (header, lines)
}

fn column(header: &serde_json::Value, table: &str, name: &str) -> usize {
    header["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == table)
        .unwrap()["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c == name)
        .unwrap()
}

/// A change made to a row of an export.
type RowEdit = dyn Fn(&serde_json::Value, &mut serde_json::Value);

/// A one-set export with `edit` applied to its set row.
fn edited_set_file(edit: impl Fn(&serde_json::Value, &mut serde_json::Value)) -> Vec<u8> {
    let a = device(START);
    a.heft
        .log_set(squat(&a.heft, 100.0, 5), LogTime::Now)
        .unwrap();
    let (header, mut lines) = parts(&export(&a.heft));
    let i = lines.iter().position(|l| l[0] == "set_entry").unwrap();
    edit(&header, &mut lines[i]);
    rebuild(&header, &lines)
}

#[test]
fn rows_that_later_reads_could_not_decode_are_refused() {
    let cases: Vec<(&str, Box<RowEdit>)> = vec![
        (
            "weight without its value",
            Box::new(|h, row| {
                row[4][column(h, "set_entry", "weight_milli")] = serde_json::Value::Null
            }),
        ),
        (
            "both rir and rpe",
            Box::new(|h, row| {
                row[4][column(h, "set_entry", "rir")] = serde_json::json!(2.0);
                row[4][column(h, "set_entry", "rpe")] = serde_json::json!(8.0);
            }),
        ),
        (
            "a weight beyond the limit",
            Box::new(|h, row| {
                row[4][column(h, "set_entry", "weight_milli")] = serde_json::json!(5_000_000_000i64)
            }),
        ),
        (
            "an id a spreadsheet would run",
            Box::new(|_, row| row[1] = serde_json::json!("=2+5*HYPERLINK(A1)")),
        ),
        (
            "a stamp far in the future",
            Box::new(|_, row| {
                let hlc = row[2].as_str().unwrap().to_owned();
                row[2] = serde_json::json!(format!("ffffffffffff{}", &hlc[12..]));
            }),
        ),
        (
            "a stamp not in canonical form",
            Box::new(|_, row| {
                let hlc = row[2].as_str().unwrap().to_uppercase();
                row[2] = serde_json::json!(hlc);
            }),
        ),
    ];
    for (what, edit) in cases {
        let file = edited_set_file(edit);
        let b = device(START);
        let e = expect_sync_error(&b.heft, &file);
        assert!(matches!(e, SyncError::BadRow { .. }), "{what}: {e}");
        // The database still reads.
        b.heft.history(&HistoryQuery::default()).unwrap();
    }
}

#[test]
fn a_file_merged_before_changes_nothing_again_but_is_still_checked() {
    let a = busy_device();
    let file = export(&a.heft);
    let b = device(START);
    let first = import(&b.heft, &file).unwrap();
    assert!(first.added > 0);
    // B edits one of A's sets, then merges the same file again (as `heft
    // import` of the same file or of a copy would).
    b.clock.advance(TimeDelta::minutes(10));
    let (id, _) = sets(&b.heft)[0].clone();
    b.heft.edit_set(&id, squat(&b.heft, 70.0, 3)).unwrap();
    let hash = b.heft.content_hash().unwrap();
    let again = import(&b.heft, &file).unwrap();
    assert_eq!(
        (
            again.rows_read,
            again.unchanged,
            again.added + again.updated
        ),
        (first.rows_read, first.rows_read, 0)
    );
    assert_eq!(b.heft.content_hash().unwrap(), hash);
    assert_eq!(sets(&b.heft)[0], (id.clone(), Some(3)), "the edit stays");
    // Nothing changed, so the undo history is kept; after the undo the same
    // file still changes nothing.
    b.heft.undo().unwrap();
    let undone = b.heft.content_hash().unwrap();
    import(&b.heft, &file).unwrap();
    assert_eq!(b.heft.content_hash().unwrap(), undone);
    // A device that merges the file only once agrees with B about A's rows.
    let c = device(START);
    import(&c.heft, &file).unwrap();
    import(&c.heft, &export(&b.heft)).unwrap();
    assert_eq!(c.heft.content_hash().unwrap(), undone);
    // A damaged or cut copy of the same file is refused all the same.
    let mut damaged = file.clone();
    *damaged.last_mut().unwrap() ^= 1;
    expect_sync_error(&b.heft, &damaged);
    expect_sync_error(&b.heft, &file[..file.len() - 20]);
}

#[test]
fn a_workout_deleted_on_one_device_comes_back_for_a_set_added_on_another() {
    let a = device(START);
    let first = a
        .heft
        .log_set(squat(&a.heft, 100.0, 5), LogTime::Now)
        .unwrap();
    let b = device(START);
    import(&b.heft, &export(&a.heft)).unwrap();
    b.clock.advance(TimeDelta::minutes(2));
    let second = b
        .heft
        .log_set(squat(&b.heft, 100.0, 4), LogTime::Now)
        .unwrap();
    assert_eq!(
        second.workout_id, first.workout_id,
        "B logs into A's workout"
    );
    // A takes its set back, which removes the workout it created.
    a.clock.advance(TimeDelta::minutes(5));
    a.heft.undo().unwrap();
    let (fa, fb) = (export(&a.heft), export(&b.heft));
    import(&a.heft, &fb).unwrap();
    import(&b.heft, &fa).unwrap();
    assert_eq!(
        a.heft.content_hash().unwrap(),
        b.heft.content_hash().unwrap()
    );
    for h in [&a.heft, &b.heft] {
        let live = sets(h);
        assert_eq!(
            live,
            vec![(second.id.clone(), Some(4))],
            "B's set is kept and visible"
        );
    }
    // Everyone else who merges the same files agrees.
    assert_eq!(
        fresh_with(&[&fa, &fb]).content_hash().unwrap(),
        a.heft.content_hash().unwrap()
    );
    assert_eq!(
        fresh_with(&[&fb, &fa]).content_hash().unwrap(),
        a.heft.content_hash().unwrap()
    );
}

#[test]
fn adding_a_passphrase_rewrites_the_sync_file_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let a = busy_device();
    a.heft.sync_folder(dir.path(), None, &NoProgress).unwrap();
    let own = dir
        .path()
        .join(format!("{}.heft", a.heft.device_id().unwrap()));
    assert!(std::fs::read(&own).unwrap().starts_with(b"{\"format\""));
    let mut pass = Passphrase::new("a long and secret phrase").unwrap();
    pass.work_factor = Some(10);
    let r = a
        .heft
        .sync_folder(dir.path(), Some(&pass), &NoProgress)
        .unwrap();
    assert!(r.written.is_some());
    assert!(
        std::fs::read(&own)
            .unwrap()
            .starts_with(b"age-encryption.org/v1")
    );
}

#[test]
fn a_measurement_with_a_value_out_of_its_range_is_refused() {
    let a = device(START);
    a.heft
        .add_measurement(heft_core::NewMeasurement::parse("grip", "31kg").unwrap())
        .unwrap();
    let (header, mut lines) = parts(&export(&a.heft));
    let i = lines.iter().position(|l| l[0] == "measurement").unwrap();
    lines[i][4][column(&header, "measurement", "value")] = serde_json::json!(5000.0);
    let b = device(START);
    let e = expect_sync_error(&b.heft, &rebuild(&header, &lines));
    assert!(matches!(e, SyncError::BadRow { .. }), "{e}");
    // The untouched file merges.
    import(&b.heft, &export(&a.heft)).unwrap();
    assert_eq!(b.heft.measurements(None).unwrap().len(), 1);
}

// ---- Format versions: a newer minor is merged and passed on, a newer major refused ----

/// A value of a made-up newer column: `key`, `hlc`, column -> `Some(value)`
/// to set, `None` to leave as it is (null in a column the file lacked).
type NewerValue<'a> = &'a dyn Fn(&str, &str, &str) -> Option<serde_json::Value>;

/// `file` as a writer of format minor `minor` (`None`: no minor in the
/// header, as builds before minors wrote) would write it: `columns` added to
/// `set_entry` with values from `value`, and `heart_rate` rows (a table no
/// build knows) appended.
fn newer_file(
    file: &[u8],
    minor: Option<u32>,
    columns: &[&str],
    value: NewerValue<'_>,
    heart_rate: usize,
) -> Vec<u8> {
    use serde_json::json;
    let (mut header, mut lines) = parts(file);
    match minor {
        Some(m) => header["minor"] = json!(m),
        None => {
            header.as_object_mut().unwrap().remove("minor");
        }
    }
    let tables = header["tables"].as_array_mut().unwrap();
    let sets = tables
        .iter_mut()
        .find(|t| t["name"] == "set_entry")
        .unwrap();
    for c in columns {
        let names = sets["columns"].as_array_mut().unwrap();
        if !names.iter().any(|n| n == c) {
            names.push(json!(c));
            for l in lines.iter_mut().filter(|l| l[0] == "set_entry") {
                l[4].as_array_mut().unwrap().push(serde_json::Value::Null);
            }
        }
    }
    let names = sets["columns"].as_array().unwrap().clone();
    for l in lines.iter_mut().filter(|l| l[0] == "set_entry") {
        let (key, hlc) = (
            l[1].as_str().unwrap().to_owned(),
            l[2].as_str().unwrap().to_owned(),
        );
        for c in columns {
            if let Some(v) = value(&key, &hlc, c) {
                let at = names.iter().position(|n| n == c).unwrap();
                l[4][at] = v;
            }
        }
    }
    if heart_rate > 0 {
        tables.push(json!({"name": "heart_rate", "columns": ["at_ms", "bpm"], "rows": heart_rate}));
        let device = header["device_id"].as_str().unwrap().to_owned();
        for i in 0..heart_rate {
            let hlc = format!("{:012x}0000{device}", 1_767_632_400_000u64 + i as u64);
            lines.push(json!([
                "heart_rate",
                format!("hr{i}"),
                hlc,
                0,
                [1_767_632_400_000u64, 120 + i]
            ]));
        }
    }
    rebuild(&header, &lines)
}

/// `file` as a made-up minor 2 writes it: every set with `tempo` "3-1-1",
/// and `heart_rate` rows.
fn minor_2(file: &[u8], heart_rate: usize) -> Vec<u8> {
    newer_file(
        file,
        Some(2),
        &["tempo"],
        &|_, _, _| Some(serde_json::json!("3-1-1")),
        heart_rate,
    )
}

/// The value of `set_entry.column` of set `id` in `file`: `None` when the
/// file has no such column or the value is null.
fn set_value(file: &[u8], id: &str, column_name: &str) -> Option<serde_json::Value> {
    let (header, lines) = parts(file);
    let names = header["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "set_entry")
        .unwrap()["columns"]
        .clone();
    let at = names
        .as_array()
        .unwrap()
        .iter()
        .position(|n| n == column_name)?;
    let line = lines
        .iter()
        .find(|l| l[0] == "set_entry" && l[1] == id)
        .unwrap();
    Some(line[4][at].clone()).filter(|v| !v.is_null())
}

fn one_set_device() -> (Device, String) {
    let a = device(START);
    let s = a
        .heft
        .log_set(squat(&a.heft, 100.0, 5), LogTime::Now)
        .unwrap();
    (a, s.id)
}

#[test]
fn a_file_of_a_newer_minor_is_merged_its_columns_passed_on_and_its_tables_skipped() {
    use heft_core::sync::TableRows;
    let (a, id) = one_set_device();
    let file = minor_2(&export(&a.heft), 2);
    let b = device(START);
    let r = import(&b.heft, &file).unwrap();
    let skipped = vec![TableRows {
        table: "heart_rate".into(),
        rows: 2,
    }];
    assert_eq!(r.skipped_tables, skipped);
    let lines = body_of(&file).lines().count() as u64;
    assert_eq!((r.rows_read, r.added), (lines, lines - 2));
    // What B knows of the set it understands.
    assert_eq!(sets(&b.heft), sets(&a.heft));
    // B's own file passes `tempo` on, declaring the minor it comes from, and
    // leaves the skipped table to A's file.
    let from_b = export(&b.heft);
    let (header, _) = parts(&from_b);
    assert_eq!(
        (header["version"].clone(), header["minor"].clone()),
        (1.into(), 2.into())
    );
    let set_columns = &header["tables"].as_array().unwrap()[5];
    assert_eq!(set_columns["name"], "set_entry");
    assert_eq!(
        set_columns["columns"].as_array().unwrap().last().unwrap(),
        "tempo"
    );
    assert!(
        header["tables"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["name"] != "heart_rate")
    );
    assert_eq!(set_value(&from_b, &id, "tempo"), Some("3-1-1".into()));
    // A third device of this build reads B's file the same way and passes
    // it on again; the two hold the same data and the same hash.
    let c = device(START);
    let rc = import(&c.heft, &from_b).unwrap();
    assert!(rc.skipped_tables.is_empty());
    assert_eq!(
        set_value(&export(&c.heft), &id, "tempo"),
        Some("3-1-1".into())
    );
    assert_eq!(
        c.heft.content_hash().unwrap(),
        b.heft.content_hash().unwrap()
    );
    // The same file again: nothing changes, the table is still reported.
    let again = import(&b.heft, &file).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
    assert_eq!(again.unchanged, lines - 2);
    assert_eq!(again.skipped_tables, skipped);
    // The status tells which minor this build writes.
    assert_eq!(b.heft.sync_status().unwrap().format_minor, 1);
}

#[test]
fn an_older_device_that_edits_a_row_keeps_the_newer_devices_values() {
    // A runs a made-up newer Heft (minor 2): its sets carry `tempo`.
    let (a, id) = one_set_device();
    let b = device(START);
    import(&b.heft, &minor_2(&export(&a.heft), 0)).unwrap();
    // B (this build) edits the set's note and reps.
    b.clock.advance(TimeDelta::minutes(5));
    let edited = SetInput {
        note: Some("felt easy".into()),
        ..squat(&b.heft, 100.0, 6)
    };
    b.heft.edit_set(&id, edited).unwrap();
    let from_b = export(&b.heft);
    assert_eq!(set_value(&from_b, &id, "tempo"), Some("3-1-1".into()));
    assert_eq!(set_value(&from_b, &id, "note"), Some("felt easy".into()));
    // A merges B's file: B's edit wins, and A's tempo is still there.
    let r = import(&a.heft, &from_b).unwrap();
    assert_eq!(r.updated, 1);
    let from_a = minor_2_as_written_by(&a, &id, Some("3-1-1".into()));
    assert_eq!(set_value(&from_a, &id, "tempo"), Some("3-1-1".into()));
    assert_eq!(set_value(&from_a, &id, "note"), Some("felt easy".into()));
    assert_eq!(sets(&a.heft), vec![(id.clone(), Some(6))]);

    // A later clears tempo in an edit of its own: its newer row wins on B,
    // and with it the stored value goes (the whole row is replaced).
    a.clock.advance(TimeDelta::minutes(10));
    a.heft.edit_set(&id, squat(&a.heft, 100.0, 4)).unwrap();
    let cleared = minor_2_as_written_by(&a, &id, None);
    import(&b.heft, &cleared).unwrap();
    let from_b = export(&b.heft);
    assert_eq!(set_value(&from_b, &id, "tempo"), None);
    let (header, _) = parts(&from_b);
    assert_eq!(header["minor"], 1, "nothing of minor 2 is left to pass on");
    assert_eq!(sets(&b.heft), vec![(id, Some(4))]);
}

/// A's file as the newer build writes it, `tempo` of set `id` as given.
fn minor_2_as_written_by(a: &Device, id: &str, tempo: Option<serde_json::Value>) -> Vec<u8> {
    let tempo = tempo.unwrap_or(serde_json::Value::Null);
    newer_file(
        &export(&a.heft),
        Some(2),
        &["tempo"],
        &|key, _, _| (key == id).then(|| tempo.clone()),
        0,
    )
}

#[test]
fn values_of_newer_columns_are_data_the_content_hash_covers() {
    let (a, _) = one_set_device();
    let file = export(&a.heft);
    let tempo = |t: &'static str| {
        newer_file(
            &file,
            Some(2),
            &["tempo"],
            &move |_, _, _| Some(t.into()),
            0,
        )
    };
    let slow = fresh_with(&[&tempo("3-1-1")]).content_hash().unwrap();
    let fast = fresh_with(&[&tempo("1-0-1")]).content_hash().unwrap();
    let none = fresh_with(&[&file]).content_hash().unwrap();
    assert_ne!(slow, fast);
    assert_ne!(slow, none);
    assert_eq!(none, a.heft.content_hash().unwrap());
    // Deterministic: the same data, by another path, gives the same hash.
    let relayed = export(&fresh_with(&[&tempo("3-1-1")]));
    assert_eq!(fresh_with(&[&relayed]).content_hash().unwrap(), slow);
}

#[test]
fn a_newer_major_version_is_refused_with_a_message_to_update_heft() {
    let (a, _) = one_set_device();
    let (mut header, lines) = parts(&minor_2(&export(&a.heft), 1));
    header["version"] = 2.into();
    header["minor"] = 0.into();
    let b = device(START);
    let e = expect_sync_error(&b.heft, &rebuild(&header, &lines));
    assert!(
        matches!(
            e,
            SyncError::UnsupportedVersion {
                found: 2,
                supported: 1
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("update Heft on this device"), "{e}");
}

#[test]
fn an_unknown_column_or_table_of_this_or_an_older_minor_is_damage() {
    let (a, _) = one_set_device();
    let file = export(&a.heft);
    let b = device(START);
    for minor in [None, Some(0), Some(1)] {
        let column = newer_file(&file, minor, &["tempo"], &|_, _, _| Some("3-1-1".into()), 0);
        match expect_sync_error(&b.heft, &column) {
            SyncError::UnknownColumn { table, column } => {
                assert_eq!((table.as_str(), column.as_str()), ("set_entry", "tempo"));
            }
            other => panic!("minor {minor:?}: {other}"),
        }
        let table = newer_file(&file, minor, &[], &|_, _, _| None, 1);
        match expect_sync_error(&b.heft, &table) {
            SyncError::UnknownColumn { table, column } => {
                assert_eq!((table.as_str(), column.as_str()), ("heart_rate", "*"));
            }
            other => panic!("minor {minor:?}: {other}"),
        }
    }
    // Without the unknown parts, a file without a minor reads as minor 0.
    let plain = newer_file(&file, None, &[], &|_, _, _| None, 0);
    assert_eq!(import(&b.heft, &plain).unwrap().skipped_tables, vec![]);
}

#[test]
fn hostile_values_of_a_newer_minor_are_refused() {
    use serde_json::json;
    let (a, _) = one_set_device();
    let file = export(&a.heft);
    let b = device(START);
    let one = |v: serde_json::Value| {
        newer_file(
            &file,
            Some(2),
            &["tempo"],
            &move |_, _, _| Some(v.clone()),
            0,
        )
    };
    for bad in [
        json!({"a": 1}),
        json!([1, 2]),
        json!(true),
        json!("x".repeat(5000)),
    ] {
        match expect_sync_error(&b.heft, &one(bad.clone())) {
            SyncError::BadRow { table, field, .. } => {
                assert_eq!(
                    (table.as_str(), field.as_str()),
                    ("set_entry", "tempo"),
                    "{bad}"
                );
            }
            other => panic!("{bad}: {other}"),
        }
    }
    // Too many columns of a newer version, in one file or across files.
    let names: Vec<String> = (0..17).map(|i| format!("c{i:02}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let many = newer_file(&file, Some(2), &names, &|_, _, _| Some(1.into()), 0);
    assert!(matches!(
        expect_sync_error(&b.heft, &many),
        SyncError::Corrupt(_)
    ));
    let first = newer_file(&file, Some(2), &names[..10], &|_, _, _| Some(1.into()), 0);
    import(&b.heft, &first).unwrap();
    let c = device(START);
    c.heft
        .log_set(squat(&c.heft, 50.0, 5), LogTime::Now)
        .unwrap();
    let second = newer_file(
        &export(&c.heft),
        Some(3),
        &names[7..],
        &|_, _, _| Some(1.into()),
        0,
    );
    assert!(matches!(
        expect_sync_error(&b.heft, &second),
        SyncError::Corrupt(_)
    ));
    // A name no version would use.
    let odd = newer_file(&file, Some(2), &["Tempo!"], &|_, _, _| Some(1.into()), 0);
    assert!(matches!(
        expect_sync_error(&b.heft, &odd),
        SyncError::UnknownColumn { .. }
    ));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Device 0 runs a made-up newer Heft (minor 2): every set version it
    /// writes carries `tempo`, and its files a `heart_rate` table. The other
    /// two keep and pass on `tempo`; the merge laws still hold.
    #[test]
    fn merging_with_a_device_of_a_newer_minor_keeps_the_laws(steps in steps()) {
        let newer = |i: usize, h: &Heft, heart_rate: usize| -> Vec<u8> {
            let file = export(h);
            if i != 0 {
                return file;
            }
            let me = h.device_id().unwrap();
            let own = rows_of(&file, "set_entry").iter().any(|r| r.1.ends_with(&me));
            let columns: &[&str] = if own { &["tempo"] } else { &[] };
            newer_file(&file, Some(2), columns, &|_, hlc, _| {
                hlc.ends_with(&me).then(|| format!("t{}", &hlc[..16]).into())
            }, heart_rate)
        };
        let newer_of = |i: usize, h: &Heft| newer(i, h, 1);
        let (devices, files) = history_with(&steps, &newer_of);
        let finals: Vec<&[u8]> = files[files.len() - 3..].iter().map(|f| &f[..]).collect();
        let (x, y, z) = (finals[0], finals[1], finals[2]);

        let once = fresh_with(&[x]);
        let h1 = once.content_hash().unwrap();
        let again = import(&once, x).unwrap();
        prop_assert_eq!(again.added + again.updated, 0);
        prop_assert_eq!(once.content_hash().unwrap(), h1);

        let orders: [[&[u8]; 3]; 6] = [[x, y, z], [x, z, y], [y, x, z], [y, z, x], [z, x, y], [z, y, x]];
        let hashes: Vec<String> = orders.iter().map(|o| fresh_with(o).content_hash().unwrap()).collect();
        for h in &hashes {
            prop_assert_eq!(h, &hashes[0]);
        }
        let xy = export(&fresh_with(&[x, y]));
        let yz = export(&fresh_with(&[y, z]));
        prop_assert_eq!(fresh_with(&[&xy, z]).content_hash().unwrap(), fresh_with(&[x, &yz]).content_hash().unwrap());

        for (i, d) in devices.iter().enumerate() {
            for f in files.iter().rev() {
                import(&d.heft, f).unwrap();
            }
            for f in &finals {
                import(&d.heft, f).unwrap();
            }
            // Device 0's data is what its (newer) file says, but for the
            // table only it knows (which its content hash covers).
            let (header, _) = parts(&newer(i, &d.heft, 0));
            prop_assert_eq!(header["content_sha256"].as_str().unwrap(), hashes[0].as_str());
        }

        // Every set version device 0 wrote still carries its tempo.
        let merged = export(&fresh_with(&[x, y, z]));
        let me = devices[0].heft.device_id().unwrap();
        for (id, hlc, _) in rows_of(&merged, "set_entry") {
            let expected = hlc.ends_with(&me).then(|| serde_json::Value::from(format!("t{}", &hlc[..16])));
            if expected.is_some() {
                prop_assert_eq!(set_value(&merged, &id, "tempo"), expected);
            }
        }
    }
}

#[test]
fn the_band_list_syncs_as_a_profile_field() {
    let a = device("2026-02-01T09:00:00+00:00");
    a.heft
        .update_profile(&ProfileUpdate {
            bands: Some(vec!["yellow".into(), "red".into(), "green".into()]),
            ..ProfileUpdate::default()
        })
        .unwrap();
    let b = device("2026-02-01T10:00:00+00:00");
    b.heft
        .update_profile(&ProfileUpdate {
            birth_year: Some(1958),
            ..ProfileUpdate::default()
        })
        .unwrap();
    import(&b.heft, &export(&a.heft)).unwrap();
    let p = b.heft.profile().unwrap();
    assert_eq!(
        (p.bands.unwrap(), p.birth_year),
        (
            vec!["yellow".into(), "red".into(), "green".into()],
            Some(1958)
        )
    );
}

/// A device whose database lives in a file (so it can be copied, as a
/// phone's backup is restored onto another phone).
fn device_on_disk(path: &Path, start: &str) -> Device {
    let clock = Arc::new(ManualClock::new(t(start)));
    let heft = Heft::open_with_clock(path, clock.clone()).unwrap();
    Device { heft, clock }
}

#[test]
fn a_clock_that_ran_ahead_does_not_cut_its_device_off() {
    let a = device(START);
    let b = device(START);
    // A's clock runs two days fast for one session.
    a.clock.advance(TimeDelta::days(2));
    let fast = a
        .heft
        .log_set(squat(&a.heft, 100.0, 5), LogTime::Now)
        .unwrap();
    let r = import(&b.heft, &export(&a.heft)).unwrap();
    assert_eq!(r.added, 2, "the workout and its set");
    let ahead = r
        .writer_clock_ahead_min
        .expect("the fast clock is reported");
    assert!((2 * 24 * 60 - 1..=2 * 24 * 60).contains(&ahead), "{ahead}");
    // A's clock is set right; its stamps stay ahead of real time (a stamp
    // never goes back), and its later files still merge.
    a.clock.advance(TimeDelta::days(-2) + TimeDelta::minutes(5));
    let later = a
        .heft
        .log_set(squat(&a.heft, 102.5, 5), LogTime::Now)
        .unwrap();
    let r = import(&b.heft, &export(&a.heft)).unwrap();
    assert_eq!(
        r.added, 2,
        "a workout two days before the last, and its set"
    );
    assert_eq!(r.writer_clock_ahead_min, None, "A's clock is right now");
    // B edits the set written under the fast clock after seeing it: B's
    // edit wins everywhere, though B's clock is two days behind that stamp.
    b.clock.advance(TimeDelta::minutes(10));
    b.heft.edit_set(&fast.id, squat(&b.heft, 100.0, 4)).unwrap();
    import(&a.heft, &export(&b.heft)).unwrap();
    let reps = |h: &Heft| {
        sets(h)
            .into_iter()
            .collect::<std::collections::HashMap<_, _>>()
    };
    assert_eq!(reps(&a.heft)[&fast.id], Some(4));
    assert_eq!(reps(&a.heft)[&later.id], Some(5));
    assert_eq!(
        a.heft.content_hash().unwrap(),
        b.heft.content_hash().unwrap()
    );
}

#[test]
fn a_clock_years_ahead_is_merged_and_only_a_stamp_past_9999_is_refused() {
    let a = device(START);
    let b = device(START);
    a.clock.set(t("2041-06-01T12:00:00+00:00"));
    let s = a
        .heft
        .log_set(squat(&a.heft, 80.0, 5), LogTime::Now)
        .unwrap();
    let file = export(&a.heft);
    let r = import(&b.heft, &file).unwrap();
    assert!(r.writer_clock_ahead_min.unwrap() > 15 * 365 * 24 * 60);
    // Whether a file merges depends on the file alone: a device whose clock
    // is right merges it exactly as one whose clock is years ahead.
    let c = device("2041-06-01T12:00:00+00:00");
    import(&c.heft, &file).unwrap();
    assert_eq!(
        b.heft.content_hash().unwrap(),
        c.heft.content_hash().unwrap()
    );
    b.heft.delete_set(&s.id).unwrap();
    import(&a.heft, &export(&b.heft)).unwrap();
    assert!(sets(&a.heft).is_empty(), "B's later deletion wins");
    // The last millisecond of the year 9999 is a stamp; the next is none.
    let (header, mut lines) = parts(&file);
    let i = lines.iter().position(|l| l[0] == "set_entry").unwrap();
    let stamp = lines[i][2].as_str().unwrap().to_owned();
    lines[i][2] = serde_json::json!(format!("e677d21fdbffffff{}", &stamp[16..]));
    let d = device(START);
    import(&d.heft, &rebuild(&header, &lines)).unwrap();
    // A device that merged it still writes stamps every other device takes:
    // its clock stops a year short of the bound and only counts there.
    d.heft
        .log_set(squat(&d.heft, 90.0, 5), LogTime::Now)
        .unwrap();
    import(&device(START).heft, &export(&d.heft)).unwrap();
    lines[i][2] = serde_json::json!(format!("e677d21fdc00{}", &stamp[12..]));
    let e = expect_sync_error(&device(START).heft, &rebuild(&header, &lines));
    assert!(e.to_string().contains("9999"), "{e}");
}

#[test]
fn a_restored_copy_of_a_database_gets_its_own_id_and_both_copies_converge() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("sync");
    std::fs::create_dir(&folder).unwrap();
    let phone = dir.path().join("phone.db");
    let a = device_on_disk(&phone, START);
    a.heft
        .log_set(squat(&a.heft, 60.0, 5), LogTime::Now)
        .unwrap();
    a.heft.sync_folder(&folder, None, &NoProgress).unwrap();
    // A new phone is restored from the old phone's backup; both stay in use.
    drop(a);
    let restored = dir.path().join("restored.db");
    std::fs::copy(&phone, &restored).unwrap();
    let a = device_on_disk(&phone, START);
    let b = device_on_disk(&restored, START);
    let id = a.heft.device_id().unwrap();
    assert_eq!(b.heft.device_id().unwrap(), id);
    a.clock.advance(TimeDelta::hours(1));
    b.clock.advance(TimeDelta::hours(2));
    let on_a = a
        .heft
        .log_set(squat(&a.heft, 62.5, 5), LogTime::Now)
        .unwrap();
    let on_b = b
        .heft
        .log_set(squat(&b.heft, 65.0, 5), LogTime::Now)
        .unwrap();
    // Both write the same file name; A writes first, B then finds A's
    // writes under its own id.
    let ra = a.heft.sync_folder(&folder, None, &NoProgress).unwrap();
    assert_eq!(ra.new_device_id, None, "{ra:?}");
    let rb = b.heft.sync_folder(&folder, None, &NoProgress).unwrap();
    let new_id = rb.new_device_id.clone().expect("B is told it is a copy");
    assert_ne!(new_id, id);
    assert_eq!(b.heft.device_id().unwrap(), new_id);
    assert_eq!(rb.merged.len(), 1, "A's writes were merged");
    assert_eq!(
        rb.written.as_deref(),
        Some(folder.join(format!("{new_id}.heft")).as_path()),
        "B writes under its new id and leaves A's file to A"
    );
    // A merges B's file as another device's and keeps its id.
    let ra = a.heft.sync_folder(&folder, None, &NoProgress).unwrap();
    assert_eq!(ra.new_device_id, None);
    assert_eq!(a.heft.device_id().unwrap(), id);
    // Every set of both copies is on both, and nothing is lost later.
    let ids = |h: &Heft| sets(h).into_iter().map(|s| s.0).collect::<Vec<_>>();
    assert!(ids(&a.heft).contains(&on_b.id) && ids(&b.heft).contains(&on_a.id));
    let b_later = b
        .heft
        .log_set(squat(&b.heft, 67.5, 5), LogTime::Now)
        .unwrap();
    assert!(b_later.id != on_b.id);
    b.heft.sync_folder(&folder, None, &NoProgress).unwrap();
    let ra = a.heft.sync_folder(&folder, None, &NoProgress).unwrap();
    assert_eq!(ra.new_device_id, None);
    assert_eq!(
        a.heft.content_hash().unwrap(),
        b.heft.content_hash().unwrap()
    );
    assert_eq!(ids(&a.heft).len(), 4);
    // A later sync of either finds nothing new and no copy.
    let again = b.heft.sync_folder(&folder, None, &NoProgress).unwrap();
    assert!(again.merged.is_empty() && again.new_device_id.is_none());
}

#[test]
fn a_file_of_this_device_holding_only_what_it_has_is_no_copy() {
    let a = device(START);
    a.heft
        .log_set(squat(&a.heft, 60.0, 5), LogTime::Now)
        .unwrap();
    let own = export(&a.heft);
    a.clock.advance(TimeDelta::minutes(5));
    let s = a
        .heft
        .log_set(squat(&a.heft, 61.0, 5), LogTime::Now)
        .unwrap();
    a.heft.delete_set(&s.id).unwrap();
    // An old file of this device's comes back (a stale copy in a folder).
    let r = import(&a.heft, &own).unwrap();
    assert_eq!((r.added, r.updated, r.new_device_id), (0, 0, None));
}

#[test]
fn a_parent_revived_on_another_device_is_no_sign_of_a_copy() {
    // A takes back its only set, which removes its workout, while B adds a
    // set to that workout: B's merge revives the workout with a stamp
    // derived from A's tombstone, which carries A's id. A gets it back
    // without taking a new id.
    let a = device(START);
    a.heft
        .log_set(squat(&a.heft, 100.0, 5), LogTime::Now)
        .unwrap();
    let b = device(START);
    import(&b.heft, &export(&a.heft)).unwrap();
    b.clock.advance(TimeDelta::minutes(2));
    b.heft
        .log_set(squat(&b.heft, 100.0, 4), LogTime::Now)
        .unwrap();
    a.clock.advance(TimeDelta::minutes(5));
    a.heft.undo().unwrap();
    import(&b.heft, &export(&a.heft)).unwrap();
    let r = import(&a.heft, &export(&b.heft)).unwrap();
    assert!(r.changed());
    assert_eq!(r.new_device_id, None);
    assert_eq!(
        a.heft.content_hash().unwrap(),
        b.heft.content_hash().unwrap()
    );
}

#[test]
fn a_swap_for_good_and_training_days_travel_with_the_run_and_outlive_other_edits() {
    use heft_core::progression::Weekday;
    let a = device("2026-02-02T09:00:00+00:00");
    let day = t("2026-02-02T09:00:00+00:00").date_naive();
    a.heft.start_program("liftmor", day).unwrap();
    a.heft.swap_exercise("back squat", "goblet squat").unwrap();
    a.heft
        .set_training_days(vec![Weekday::Mon, Weekday::Thu])
        .unwrap();
    let b = device("2026-02-02T10:00:00+00:00");
    import(&b.heft, &export(&a.heft)).unwrap();
    let on_b = b.heft.program_adjustments().unwrap();
    assert_eq!(on_b.swaps[0].to_id, "goblet-squat");
    assert_eq!(on_b.days, [Weekday::Mon, Weekday::Thu]);
    assert!(
        b.heft
            .today(day)
            .unwrap()
            .plan
            .exercises
            .iter()
            .any(|e| e.exercise_id == "goblet-squat")
    );
    // B edits the profile and counts a session (the run's state moves on):
    // the adjustments are other rows, and stay as they were everywhere.
    b.heft
        .update_profile(&ProfileUpdate {
            birth_year: Some(1958),
            ..ProfileUpdate::default()
        })
        .unwrap();
    while b.heft.log_next(LogTime::OnDate(day)).is_ok() {}
    b.heft
        .finish(heft_core::FinishWorkout {
            on: Some(day),
            ..Default::default()
        })
        .unwrap();
    import(&a.heft, &export(&b.heft)).unwrap();
    let on_a = a.heft.program_adjustments().unwrap();
    assert_eq!(on_a.swaps.len(), 1);
    assert_eq!(on_a.days, [Weekday::Mon, Weekday::Thu]);
    assert_eq!(
        a.heft.program_status(day).unwrap().run.state.sessions_done,
        1
    );
}
