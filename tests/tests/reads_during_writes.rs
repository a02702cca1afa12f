//! Reads never wait for a write, and a write waits for another one instead
//! of failing: a long import or merge, in this process or another, must
//! not make `history` fail or lose a set being logged.

#![allow(clippy::unwrap_used)]

use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use chrono::DateTime;
use heft_core::clock::FixedClock;
use heft_core::model::{Load, SetInput, Weight, WeightUnit};
use heft_core::progress::Progress;
use heft_core::{Heft, HistoryQuery, LogTime};

/// A progress that holds the merge inside its write transaction, at its
/// first report, until released: a merge as long as the test needs.
#[derive(Default)]
struct Gate {
    state: Mutex<(bool, bool)>,
    changed: Condvar,
}

impl Gate {
    fn wait_until_inside(&self) {
        let mut s = self.state.lock().unwrap();
        while !s.0 {
            s = self.changed.wait(s).unwrap();
        }
    }

    fn release(&self) {
        self.state.lock().unwrap().1 = true;
        self.changed.notify_all();
    }
}

impl Progress for Gate {
    fn update(&self, done: u64, _total: u64) {
        if done > 0 {
            return;
        }
        let mut s = self.state.lock().unwrap();
        s.0 = true;
        self.changed.notify_all();
        while !s.1 {
            s = self.changed.wait(s).unwrap();
        }
    }
}

fn squat(heft: &Heft, kg: f64) -> SetInput {
    let ex = heft.find_exercise("back squat").unwrap();
    SetInput {
        load: Load::Weight {
            weight: Weight::new(kg, WeightUnit::Kg).unwrap(),
        },
        reps: Some(5),
        ..SetInput::new(ex.id)
    }
}

fn set_count(heft: &Heft) -> usize {
    heft.history(&HistoryQuery::default())
        .unwrap()
        .iter()
        .map(|w| w.sets.len())
        .sum()
}

fn open(path: &std::path::Path) -> Heft {
    let now = DateTime::parse_from_rfc3339("2026-03-02T18:00:00+01:00").unwrap();
    Heft::open_with_clock(path, Arc::new(FixedClock(now))).unwrap()
}

/// Runs `f` on another thread and fails the test, instead of hanging it,
/// when it has not returned within `limit` (a generous bound: the reads
/// here take milliseconds, and used to fail only after 5 s).
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .expect("waited for a write that it should not wait for")
}

#[test]
fn reads_go_on_and_a_write_waits_while_a_merge_holds_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("heft.db");
    let phone = Arc::new(open(&path));
    phone.log_set(squat(&phone, 60.0), LogTime::Now).unwrap();
    // Another device's file to merge: three sets.
    let other = Heft::open_in_memory(Arc::new(FixedClock(
        DateTime::parse_from_rfc3339("2026-03-01T18:00:00+01:00").unwrap(),
    )))
    .unwrap();
    for kg in [70.0, 72.5, 75.0] {
        other.log_set(squat(&other, kg), LogTime::Now).unwrap();
    }
    let mut file = Vec::new();
    other.export_to(&mut file, None).unwrap();

    let gate = Arc::new(Gate::default());
    let merging = {
        let (phone, gate) = (phone.clone(), gate.clone());
        std::thread::spawn(move || phone.import_from(Box::new(&file[..]), None, gate.as_ref()))
    };
    gate.wait_until_inside();

    // The same handle (a phone app's screens while it merges) reads the
    // last commit, without waiting.
    let p = phone.clone();
    assert_eq!(within(Duration::from_secs(30), move || set_count(&p)), 1);
    let p = phone.clone();
    within(Duration::from_secs(30), move || p.sync_status().unwrap());

    // Another process opens the database and reads it meanwhile.
    let p = path.clone();
    let laptop = Arc::new(within(Duration::from_secs(30), move || open(&p)));
    let l = laptop.clone();
    assert_eq!(within(Duration::from_secs(30), move || set_count(&l)), 1);

    // Its write waits for the merge, says so once, and goes through.
    let (told, heard) = mpsc::channel();
    laptop.on_write_wait(move || {
        let _ = told.send(());
    });
    let logging = {
        let laptop = laptop.clone();
        std::thread::spawn(move || laptop.log_set(squat(&laptop, 62.5), LogTime::Now))
    };
    heard
        .recv_timeout(Duration::from_secs(30))
        .expect("the waiting write says so");
    // Longer than the 5 s after which a write used to fail.
    std::thread::sleep(Duration::from_secs(6));
    assert!(!logging.is_finished(), "the write waits");
    gate.release();
    let merged = merging.join().unwrap().unwrap();
    assert_eq!(merged.added, 4, "a workout and three sets");
    logging.join().unwrap().unwrap();
    assert_eq!(heard.try_recv().ok(), None, "said once");
    assert_eq!(set_count(&phone), 5);
    assert_eq!(set_count(&laptop), 5);
}

#[test]
fn reads_go_on_while_a_sync_folder_merges() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("heft.db");
    let folder = dir.path().join("Sync");
    std::fs::create_dir(&folder).unwrap();
    let phone = Arc::new(open(&path));
    phone.log_set(squat(&phone, 60.0), LogTime::Now).unwrap();
    let other = Heft::open_in_memory(Arc::new(FixedClock(
        DateTime::parse_from_rfc3339("2026-03-01T18:00:00+01:00").unwrap(),
    )))
    .unwrap();
    other.log_set(squat(&other, 70.0), LogTime::Now).unwrap();
    other
        .sync_folder(&folder, None, &heft_core::progress::NoProgress)
        .unwrap();

    let gate = Arc::new(Gate::default());
    let syncing = {
        let (phone, gate, folder) = (phone.clone(), gate.clone(), folder.clone());
        std::thread::spawn(move || phone.sync_folder(&folder, None, gate.as_ref()))
    };
    gate.wait_until_inside();
    let p = phone.clone();
    assert_eq!(within(Duration::from_secs(30), move || set_count(&p)), 1);
    let p = path.clone();
    let laptop = within(Duration::from_secs(30), move || open(&p));
    assert_eq!(set_count(&laptop), 1);
    gate.release();
    let report = syncing.join().unwrap().unwrap();
    assert_eq!(report.merged.len(), 1);
    assert_eq!(set_count(&phone), 2);
    assert_eq!(set_count(&laptop), 2, "the next read sees the merge");
}
