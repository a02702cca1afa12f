//! The facade from Rust: closing, error mapping and the progress adapter.
//! The same surface is tested from Kotlin in bindings/kotlin-tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::{HeftError, HeftStore, ProgressError, ProgressListener};
use heft_core::model::{Effort, Load, SetInput, Weight, WeightUnit};
use heft_core::validate::{Field, Problem, ValidationError};
use heft_core::{CsvImportOptions, Error, HistoryQuery, LogTime};

fn store() -> (tempfile::TempDir, Arc<HeftStore>) {
    let dir = tempfile::tempdir().unwrap();
    let store = HeftStore::open(dir.path().join("heft.db").to_string_lossy().into_owned()).unwrap();
    (dir, store)
}

fn squat(kg: f64) -> SetInput {
    SetInput {
        load: Load::Weight {
            weight: Weight::new(kg, WeightUnit::Kg).unwrap(),
        },
        reps: Some(5),
        effort: Some(Effort::Rir(2.0)),
        ..SetInput::new("back-squat")
    }
}

#[test]
fn a_closed_store_answers_closed_to_every_call() {
    let (_dir, store) = store();
    store.log_set(squat(100.0), LogTime::Now).unwrap();
    store.close();
    store.close();
    assert!(store.is_closed());
    assert_eq!(store.profile().unwrap_err(), HeftError::Closed);
    assert_eq!(
        store.log_set(squat(100.0), LogTime::Now).unwrap_err(),
        HeftError::Closed
    );
    assert_eq!(
        store.history(HistoryQuery::default()).unwrap_err(),
        HeftError::Closed
    );
}

#[test]
fn core_errors_map_to_the_variant_the_ui_acts_on() {
    let input = HeftError::from(Error::InvalidInput(ValidationError {
        field: Field::Weight,
        problem: Problem::NotFinite,
    }));
    assert_eq!(
        input,
        HeftError::InvalidInput {
            field: "weight".into(),
            reason: "must be a number".into()
        }
    );
    assert!(matches!(
        HeftError::from(Error::NotFound {
            entity: "set",
            id: "abcd".into()
        }),
        HeftError::NotFound { entity, id } if entity == "set" && id == "abcd"
    ));
    assert_eq!(HeftError::from(Error::Cancelled), HeftError::Cancelled);
    assert_eq!(
        HeftError::from(Error::IncompatibleVersion {
            found: 9,
            supported: 3
        }),
        HeftError::IncompatibleVersion {
            found: 9,
            supported: 3
        }
    );
    assert!(matches!(
        HeftError::from(Error::Sync(heft_core::sync::SyncError::WrongPassphrase)),
        HeftError::InvalidInput { field, .. } if field == "passphrase"
    ));
    assert!(matches!(
        HeftError::from(Error::Conflict("name taken".into())),
        HeftError::Conflict { .. }
    ));
}

#[test]
fn errors_from_the_store_keep_their_field() {
    let (_dir, store) = store();
    let mut input = squat(100.0);
    input.reps = Some(u32::MAX);
    match store.log_set(input, LogTime::Now).unwrap_err() {
        HeftError::InvalidInput { field, .. } => assert_eq!(field, "reps"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
    assert!(matches!(
        store.exercise("no-such-exercise".into()).unwrap_err(),
        HeftError::NotFound { .. }
    ));
}

/// Counts reports; cancels or fails after `limit` of them.
struct Listener {
    calls: AtomicU32,
    limit: u32,
    fail: bool,
}

impl ProgressListener for Listener {
    fn update(&self, _done: u64, _total: u64) -> Result<(), ProgressError> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        if self.fail && n >= self.limit {
            return Err(ProgressError::Failed {
                reason: "UI gone".into(),
            });
        }
        Ok(())
    }

    fn is_cancelled(&self) -> Result<bool, ProgressError> {
        Ok(self.calls.load(Ordering::SeqCst) >= self.limit)
    }
}

const CSV: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
2024-02-10 16:46:13,\"Wed\",1h,\"Squat (Barbell)\",1,100.0,5,0,0,,,\n";

#[test]
fn progress_is_reported_and_cancelling_or_failing_changes_nothing() {
    let (dir, store) = store();
    let csv = dir.path().join("strong.csv");
    std::fs::write(&csv, CSV).unwrap();
    let path = csv.to_string_lossy().into_owned();
    let opts = CsvImportOptions::default();

    let cancel = Arc::new(Listener {
        calls: AtomicU32::new(0),
        limit: 1,
        fail: false,
    });
    let err = store
        .import_csv(path.clone(), opts, Some(cancel.clone()))
        .unwrap_err();
    assert_eq!(err, HeftError::Cancelled);

    let failing = Arc::new(Listener {
        calls: AtomicU32::new(0),
        limit: 1,
        fail: true,
    });
    let err = store
        .import_csv(path.clone(), opts, Some(failing))
        .unwrap_err();
    assert!(
        matches!(&err, HeftError::Other { reason } if reason.contains("UI gone")),
        "{err:?}"
    );
    assert!(store.history(HistoryQuery::default()).unwrap().is_empty());

    let counting = Arc::new(Listener {
        calls: AtomicU32::new(0),
        limit: u32::MAX,
        fail: false,
    });
    let report = store
        .import_csv(path, opts, Some(counting.clone()))
        .unwrap();
    assert_eq!(report.added, 1);
    assert!(counting.calls.load(Ordering::SeqCst) >= 2);
}
