//! Progress reports and cancellation for long operations (imports, exports).
//!
//! The core calls [`Progress::update`] every few thousand rows and stops with
//! [`crate::Error::Cancelled`] (rolling back everything) as soon as
//! [`Progress::is_cancelled`] says so. The CLI draws a progress bar from it;
//! the bindings hand it to the app's UI.

/// Receives progress and may ask to stop.
pub trait Progress: Send + Sync {
    /// `done` units out of `total` (rows or bytes, as the operation says);
    /// `total` is 0 when unknown.
    fn update(&self, done: u64, total: u64);

    /// Whether the caller wants the operation stopped.
    fn is_cancelled(&self) -> bool {
        false
    }
}

/// Reports nothing and never cancels.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn update(&self, _done: u64, _total: u64) {}
}

/// How many units pass between two reports (a report may cross the FFI).
const EVERY: u64 = 2048;

/// Calls a [`Progress`] every [`EVERY`] units or more and checks for cancellation.
pub(crate) struct Ticker<'a> {
    progress: &'a dyn Progress,
    total: u64,
    /// Units between reports: about 500 reports over a known total.
    step: u64,
    next: u64,
}

impl<'a> Ticker<'a> {
    /// A ticker towards `total` (0 when unknown); reports the start at once.
    pub fn new(progress: &'a dyn Progress, total: u64) -> Self {
        progress.update(0, total);
        let step = EVERY.max(total / 500);
        Ticker {
            progress,
            total,
            step,
            next: step,
        }
    }

    /// Notes that `done` units are done; errs when cancelled.
    pub fn tick(&mut self, done: u64) -> crate::Result<()> {
        if done >= self.next {
            self.next = done + self.step;
            self.progress.update(done, self.total);
            if self.progress.is_cancelled() {
                return Err(crate::Error::Cancelled);
            }
        }
        Ok(())
    }

    /// Reports the end; errs when cancelled meanwhile (nothing is kept then).
    pub fn done(&self, done: u64) -> crate::Result<()> {
        self.progress.update(done, self.total.max(done));
        if self.progress.is_cancelled() {
            return Err(crate::Error::Cancelled);
        }
        Ok(())
    }
}
