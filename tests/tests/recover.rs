//! Recovery of a database with one damaged data page, at the size of a
//! real history (the reliability issue's file held 4,691 sets): most sets
//! saved, the loss reported exactly, the damaged file kept byte for byte,
//! the new file sound and writable.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, TimeDelta};
use heft_core::clock::FixedClock;
use heft_core::model::{Load, SetInput, Weight, WeightUnit};
use heft_core::store::salvage;
use heft_core::{Error, Heft, HistoryQuery, LogTime};

const NOW: &str = "2026-11-24T18:00:00+01:00";
const WORKOUTS: i64 = 230;
const SETS_PER_WORKOUT: u32 = 20;

fn heft_on(path: &Path) -> Heft {
    let t = DateTime::parse_from_rfc3339(NOW).unwrap();
    Heft::open_with_clock(path, Arc::new(FixedClock(t))).unwrap()
}

fn squat(kg: f64) -> SetInput {
    SetInput {
        load: Load::Weight {
            weight: Weight::new(kg, WeightUnit::Kg).unwrap(),
        },
        reps: Some(5),
        note: Some("felt solid, depth checked on video".into()),
        ..SetInput::new("back-squat")
    }
}

fn live_sets(heft: &Heft) -> usize {
    heft.history(&HistoryQuery::default())
        .unwrap()
        .iter()
        .map(|w| w.sets.len())
        .sum()
}

fn damage_a_leaf_of(path: &Path, table: &str) -> usize {
    heft_core::testing::damage_a_leaf_of(path, table).unwrap()
}

#[test]
fn a_damaged_set_entry_page_loses_only_its_sets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("heft.db");
    let heft = heft_on(&path);
    for day in 0..WORKOUTS {
        let inputs: Vec<SetInput> = (0..SETS_PER_WORKOUT)
            .map(|i| squat(60.0 + f64::from(i)))
            .collect();
        let at = heft.now() - TimeDelta::days(WORKOUTS - day);
        heft.log_sets(&inputs, LogTime::At(at)).unwrap();
    }
    let logged = live_sets(&heft);
    assert_eq!(logged, (WORKOUTS as usize) * SETS_PER_WORKOUT as usize);
    drop(heft);

    let on_page = damage_a_leaf_of(&path, "set_entry");
    // Before recovery: an export refuses with the typed error, and so
    // does every write after it.
    let heft = heft_on(&path);
    let mut out = Vec::new();
    assert!(matches!(
        heft.export_to(&mut out, None),
        Err(Error::Damaged { .. })
    ));
    assert!(matches!(
        heft.log_set(squat(100.0), LogTime::Now),
        Err(Error::Damaged { .. })
    ));
    drop(heft);
    let damaged = std::fs::read(&path).unwrap();

    let report = salvage::recover(&path, 1_000).unwrap();
    let sets = report
        .tables
        .iter()
        .find(|t| t.table == "set_entry")
        .unwrap();
    assert!(
        sets.saved as f64 > 0.95 * logged as f64,
        "{} of {logged}",
        sets.saved
    );
    assert_eq!(sets.lost, Some(on_page as u64));
    assert_eq!(sets.refused, 0);
    assert!(
        std::fs::read(&report.damaged_file).unwrap() == damaged,
        "the damaged file is kept byte for byte"
    );

    let heft = heft_on(&path);
    heft.integrity_check().unwrap();
    let kept = live_sets(&heft);
    assert_eq!(kept as u64, sets.saved);
    assert_eq!(
        logged - kept,
        on_page,
        "the loss reported is what is missing"
    );
    heft.log_set(squat(100.0), LogTime::Now).unwrap();
    assert_eq!(live_sets(&heft), kept + 1);
    let mut out = Vec::new();
    heft.export_to(&mut out, None).unwrap();
}

#[test]
fn after_recovery_a_sync_folder_brings_back_what_the_damage_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("heft.db");
    let folder = dir.path().join("Sync");
    std::fs::create_dir(&folder).unwrap();
    let heft = heft_on(&path);
    for w in 0..40 {
        for s in 0..15 {
            heft.log_set(
                squat(60.0 + f64::from(s)),
                LogTime::At(DateTime::parse_from_rfc3339(NOW).unwrap() - TimeDelta::days(90 - w)),
            )
            .unwrap();
        }
    }
    let logged = live_sets(&heft);
    let nothing = heft_core::progress::NoProgress;
    heft.sync_folder(&folder, None, &nothing).unwrap();
    // A second device that has it all too.
    let laptop_path = dir.path().join("laptop.db");
    let laptop = heft_on(&laptop_path);
    laptop.sync_folder(&folder, None, &nothing).unwrap();
    heft.sync_folder(&folder, None, &nothing).unwrap();
    drop(heft);
    let on_page = damage_a_leaf_of(&path, "set_entry");
    let report = salvage::recover(&path, 2_000).unwrap();
    assert!(on_page > 0 && report.lost() == Some(on_page as u64));

    let heft = heft_on(&path);
    assert_eq!(live_sets(&heft), logged - on_page);
    // The folder still holds this device's old file and the laptop's: the
    // next sync merges them as another device's and the lost sets return.
    let r = heft.sync_folder(&folder, None, &nothing).unwrap();
    assert!(!r.merged.is_empty(), "{r:?}");
    assert_eq!(
        r.new_device_id, None,
        "no copy: the recovered file has its own id"
    );
    assert_eq!(live_sets(&heft), logged);
    laptop.sync_folder(&folder, None, &nothing).unwrap();
    assert_eq!(heft.content_hash().unwrap(), laptop.content_hash().unwrap());
    assert_eq!(live_sets(&laptop), logged);
}
