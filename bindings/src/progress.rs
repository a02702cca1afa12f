//! Progress reports and cancellation for the long calls (imports, sync),
//! implemented by the app.
//!
//! The core asks its `Progress` every few thousand rows or bytes whether to
//! go on; [`Listener`] forwards that to the app's [`ProgressListener`]. A
//! listener that throws stops the operation (nothing is kept) and the call
//! fails with [`HeftError::Other`] instead of crashing the app.

use std::sync::Arc;

use heft_core::ffi::HeftError;
use heft_core::progress::Progress;
use parking_lot::Mutex;

/// What a [`ProgressListener`] threw. The listener's methods declare their
/// own error rather than [`HeftError`]: uniffi's Kotlin for a callback
/// that throws an error type of another crate (heft-core) does not compile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum ProgressError {
    /// The listener failed; the operation stops and nothing is kept.
    #[error("progress callback failed: {reason}")]
    Failed {
        /// What the listener threw.
        reason: String,
    },
}

/// Any exception a Kotlin or Swift listener throws arrives as this.
impl From<uniffi::UnexpectedUniFFICallbackError> for ProgressError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        ProgressError::Failed { reason: e.reason }
    }
}

impl From<ProgressError> for HeftError {
    fn from(e: ProgressError) -> Self {
        HeftError::Other {
            reason: e.to_string(),
        }
    }
}

/// Told how far a long operation has got; may ask it to stop.
///
/// Called on the thread that made the call, a few hundred times per
/// operation at most. Return `true` from `is_cancelled` to stop: the call
/// then fails with [`HeftError::Cancelled`] and nothing is written.
#[uniffi::export(with_foreign)]
pub trait ProgressListener: Send + Sync {
    /// `done` units of `total` (bytes or rows, as the call says); `total`
    /// is 0 when unknown.
    fn update(&self, done: u64, total: u64) -> Result<(), ProgressError>;

    /// Whether the person asked to stop.
    fn is_cancelled(&self) -> Result<bool, ProgressError>;
}

/// Adapts an optional app listener to the core's `Progress`.
pub(crate) struct Listener {
    app: Option<Arc<dyn ProgressListener>>,
    /// The first error a listener method returned; the operation is
    /// cancelled from then on and the call fails with this error.
    failed: Mutex<Option<HeftError>>,
}

impl Listener {
    pub(crate) fn new(app: Option<Arc<dyn ProgressListener>>) -> Self {
        Listener {
            app,
            failed: Mutex::new(None),
        }
    }

    fn fail(&self, e: HeftError) {
        self.failed.lock().get_or_insert(e);
    }

    /// The call's result, with a listener's own error in place of the
    /// cancellation it caused.
    pub(crate) fn finish<T>(&self, result: heft_core::Result<T>) -> Result<T, HeftError> {
        match (result, self.failed.lock().take()) {
            (Ok(v), _) => Ok(v),
            (Err(heft_core::Error::Cancelled), Some(e)) => Err(e),
            (Err(e), _) => Err(e.into()),
        }
    }
}

impl Progress for Listener {
    fn update(&self, done: u64, total: u64) {
        if let Some(app) = &self.app
            && let Err(e) = app.update(done, total)
        {
            self.fail(e.into());
        }
    }

    fn is_cancelled(&self) -> bool {
        if self.failed.lock().is_some() {
            return true;
        }
        match &self.app {
            None => false,
            Some(app) => app.is_cancelled().unwrap_or_else(|e| {
                self.fail(e.into());
                true
            }),
        }
    }
}
