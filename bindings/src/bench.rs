//! Probes of the FFI benchmark (docs/PERFORMANCE.md, "FFI"), built only
//! with the `bench` feature: the JVM tests and `scripts/kotlin-tests --bench`
//! turn it on, a shipped library leaves it off.

use std::sync::Arc;

use heft_core::LogTime;
use heft_core::model::SetInput;

use crate::{HeftError, HeftStore, Result};

/// Does nothing: the uniffi side of the FFI call-overhead benchmark
/// (docs/PERFORMANCE.md, "FFI"), compared with [`heft_ffi_bare_noop`].
#[uniffi::export]
pub fn ffi_noop() {}

/// Lifts a set and a time and lowers the set back without touching a
/// database: the argument and result traffic of `log_set` alone, for the
/// FFI benchmark.
#[uniffi::export]
pub fn ffi_echo_set(input: SetInput, at: LogTime) -> SetInput {
    let _ = at;
    input
}

/// Lifts a string and lowers it back: the traffic of the many methods that
/// take an id or a path, for the FFI benchmark.
#[uniffi::export]
pub fn ffi_echo_text(text: String) -> String {
    text
}

/// Most sets [`ffi_log_sets_in_rust`] logs in one call.
const MAX_BENCH_SETS: u32 = 100_000;

/// Logs `count` copies of `input` straight from Rust, for the benchmark's
/// baseline of `log_set` without the FFI; returns the seconds it took.
/// At most 100,000 sets a call.
#[uniffi::export]
pub fn ffi_log_sets_in_rust(store: Arc<HeftStore>, input: SetInput, count: u32) -> Result<f64> {
    if count > MAX_BENCH_SETS {
        return Err(HeftError::InvalidInput {
            field: "count".into(),
            reason: format!("must be at most {MAX_BENCH_SETS}"),
        });
    }
    let heft = store.heft()?;
    let start = std::time::Instant::now();
    for _ in 0..count {
        heft.log_set(input.clone(), LogTime::Now)?;
    }
    Ok(start.elapsed().as_secs_f64())
}

/// A bare C function with no uniffi machinery (no call status, no
/// arguments): the baseline that the FFI benchmark calls through plain JNA.
#[allow(unsafe_code)] // `no_mangle` only; nothing here dereferences anything.
#[unsafe(no_mangle)]
pub extern "C" fn heft_ffi_bare_noop() {}

/// Like [`heft_ffi_bare_noop`], with one pointer argument that the
/// benchmark fills with a JNA structure shaped like uniffi's call status:
/// shows what passing that structure alone costs. Never read.
#[allow(unsafe_code)] // `no_mangle` only; the pointer is never dereferenced.
#[unsafe(no_mangle)]
pub extern "C" fn heft_ffi_bare_status(status: *mut std::ffi::c_void) {
    let _ = status;
}
