//! Any bytes merged as a .heft export: an error leaves the database as it
//! was, and nothing panics. Seed the corpus with real exports
//! (tests/golden/sync/v1-sample.heft) so the fuzzer reaches the body.
#![no_main]

use std::sync::Arc;

use heft_core::clock::FixedClock;
use heft_core::progress::NoProgress;
use heft_core::Heft;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let now = chrono::DateTime::parse_from_rfc3339("2027-03-01T08:00:00+00:00").unwrap();
    let h = Heft::open_in_memory(Arc::new(FixedClock(now))).unwrap();
    let before = h.content_hash().unwrap();
    if h.import_from(Box::new(data), None, &NoProgress).is_err() {
        assert_eq!(h.content_hash().unwrap(), before);
    }
});
