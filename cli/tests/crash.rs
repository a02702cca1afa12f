//! Kill -9 at random moments: every set the CLI reported as saved survives.
//!
//! A shell loop runs `heft --json log squat 10x100x5` over and over while
//! this test reads what it prints; at a random moment the whole process
//! group gets SIGKILL, possibly mid-transaction. Then the database must pass
//! SQLite's integrity check, hold every set whose JSON was printed (printing
//! happens only after the commit), and hold whole commands only: sets come in
//! tens, never a partial batch.

// Helpers here unwrap: in a test, a panic is a failed test with its reason.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use heft_core::{Heft, HistoryQuery};
use serde_json::Value;

/// Kill rounds; each runs the loop for a random 20-250 ms.
const ROUNDS: u32 = 40;
/// Most rounds run while waiting for enough completed commands.
const MAX_ROUNDS: u32 = 400;
const SETS_PER_COMMAND: usize = 10;

/// A small deterministic generator, so a failing run can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// Set ids from every complete JSON document in `out`; a document cut off by
/// the kill was never fully reported, so it promises nothing.
fn reported_ids(out: &[u8]) -> Vec<String> {
    let mut ids = Vec::new();
    for doc in serde_json::Deserializer::from_slice(out).into_iter::<Value>() {
        let Ok(doc) = doc else { break };
        for set in doc["sets"].as_array().into_iter().flatten() {
            ids.push(set["id"].as_str().unwrap().to_string());
        }
    }
    ids
}

#[test]
fn every_reported_set_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("heft.db");
    let seed = std::env::var("HEFT_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let mut rng = Lcg(seed);
    let mut reported: Vec<String> = Vec::new();
    let script =
        format!("while :; do \"$HEFT\" --json log squat {SETS_PER_COMMAND}x100x5 || exit 1; done");

    // On a loaded machine a round may end before any command finishes;
    // keep going (up to a bound) until enough commands completed to mean
    // something, rather than fail on the machine's speed.
    let mut rounds = 0;
    for round in 0..MAX_ROUNDS {
        if round >= ROUNDS && reported.len() >= SETS_PER_COMMAND * 10 {
            break;
        }
        rounds += 1;
        let mut child = Command::new("sh")
            .args(["-c", &script])
            .env("HEFT", env!("CARGO_BIN_EXE_heft"))
            .env("HEFT_DB", &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stdout.read_to_end(&mut buf);
            buf
        });
        std::thread::sleep(Duration::from_millis(20 + rng.next(230)));
        let killed = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .status()
            .unwrap();
        assert!(killed.success(), "round {round}: kill failed");
        child.wait().unwrap();
        let out = reader.join().unwrap();
        reported.extend(reported_ids(&out));

        let heft = Heft::open(&db)
            .unwrap_or_else(|e| panic!("round {round} (seed {seed}): cannot reopen: {e}"));
        heft.integrity_check()
            .unwrap_or_else(|e| panic!("round {round} (seed {seed}): {e}"));
        for id in &reported {
            heft.set(id).unwrap_or_else(|e| {
                panic!("round {round} (seed {seed}): reported set {id} lost: {e}")
            });
        }
        let live: usize = heft
            .history(&HistoryQuery::default())
            .unwrap()
            .iter()
            .map(|w| w.sets.len())
            .sum();
        assert_eq!(
            live % SETS_PER_COMMAND,
            0,
            "round {round} (seed {seed}): a command was half written ({live} sets)"
        );
        assert!(live >= reported.len());
    }
    assert!(
        reported.len() >= SETS_PER_COMMAND * 10,
        "too few commands completed to mean anything: {}",
        reported.len()
    );
    eprintln!(
        "{} sets reported and found after {rounds} kills",
        reported.len()
    );
}

/// A Strong export with `workouts` workouts of 30 sets each.
fn strong_csv(workouts: u32) -> String {
    let mut out = String::from(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
    );
    for w in 0..workouts {
        let day = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()
            + chrono::TimeDelta::days(i64::from(w));
        for (e, name) in [
            "Squat (Barbell)",
            "Bench Press (Barbell)",
            "Deadlift (Barbell)",
        ]
        .iter()
        .enumerate()
        {
            for s in 1..=10 {
                out.push_str(&format!(
                    "{day} 18:00:00,Day {w},1h 5m,{name},{s},{},5,0,0,,,\n",
                    60 + e * 20 + s
                ));
            }
        }
    }
    out
}

/// Runs `heft import-csv` (or `import`) and kills it after `delay_ms`;
/// returns whether it was still running when killed.
fn import_and_kill(db: &std::path::Path, args: &[&str], delay_ms: u64) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_heft"))
        .args(args)
        .env("HEFT_DB", db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(delay_ms));
    let running = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    child.wait().unwrap();
    running
}

#[test]
fn an_import_killed_midway_leaves_the_database_exactly_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("heft.db");
    let csv = dir.path().join("strong.csv");
    std::fs::write(&csv, strong_csv(2000)).unwrap();
    let csv_arg = csv.to_str().unwrap().to_owned();
    // Something to lose: sets logged before the import.
    let status = Command::new(env!("CARGO_BIN_EXE_heft"))
        .args(["log", "squat", "3x100x5"])
        .env("HEFT_DB", &db)
        .status()
        .unwrap();
    assert!(status.success());
    let before = Heft::open(&db).unwrap().content_hash().unwrap();
    let mut rng = Lcg(0xfeed);
    let mut killed_midway = 0;
    for round in 0..8 {
        let delay = 150 + rng.next(1500);
        let running = import_and_kill(&db, &["import-csv", &csv_arg], delay);
        let heft = Heft::open(&db).unwrap();
        heft.integrity_check().unwrap();
        let hash = heft.content_hash().unwrap();
        if running {
            killed_midway += 1;
        }
        if hash != before {
            // The import finished before the kill: then all of it is there.
            let sets: usize = heft
                .history(&HistoryQuery::default())
                .unwrap()
                .iter()
                .map(|w| w.sets.len())
                .sum();
            assert_eq!(sets, 3 + 2000 * 30, "round {round}: a partial import");
            return assert!(killed_midway > 0, "no kill landed mid-import");
        }
    }
    assert!(killed_midway > 0, "no kill landed mid-import");
}
