//! Any bytes imported as CSV into a database: a report or an error that left
//! the database as it was, never a panic.
#![no_main]

use std::sync::{Arc, OnceLock};

use heft_core::clock::FixedClock;
use heft_core::progress::NoProgress;
use heft_core::{CsvImportOptions, Heft};
use libfuzzer_sys::fuzz_target;

fn heft() -> &'static Heft {
    static HEFT: OnceLock<Heft> = OnceLock::new();
    HEFT.get_or_init(|| {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T18:00:00+01:00").unwrap();
        Heft::open_in_memory(Arc::new(FixedClock(now))).unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    let h = heft();
    let before = h.content_hash().unwrap();
    let opts = CsvImportOptions {
        dry_run: true,
        ..CsvImportOptions::default()
    };
    let _ = h.import_csv_from(Box::new(data), data.len() as u64, &opts, &NoProgress);
    // A dry run, successful or not, writes nothing.
    assert_eq!(h.content_hash().unwrap(), before);
});
