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

    for round in 0..ROUNDS {
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
        "{} sets reported and found after {ROUNDS} kills",
        reported.len()
    );
}
