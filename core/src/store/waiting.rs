//! Waiting for another connection's write.
//!
//! SQLite lets one connection write at a time. Reads never wait (WAL, and
//! each `Heft` reads on a connection of its own), but a write started while
//! another process imports a large file or merges a sync folder must wait
//! for it: failing after a few seconds, as a plain `busy_timeout` does, would
//! lose a set the person is logging. So a write waits up to [`WRITE_WAIT`],
//! and after [`NOTICE_AFTER`] of waiting the caller's notice runs once, so a
//! shell can say what it is waiting for.
//!
//! SQLite calls the busy handler on the thread that runs the statement, as
//! a plain function: the notice of the write in progress is kept in a
//! thread-local for the length of that write.

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

/// What a shell runs once when a write has to wait for another one.
pub type WaitNotice = Arc<dyn Fn() + Send + Sync>;

/// The longest a write waits for another connection's write: far longer
/// than any import or merge of a real history takes (docs/PERFORMANCE.md),
/// short enough that a wedged process does not hang a command forever.
pub const WRITE_WAIT: Duration = Duration::from_secs(10 * 60);

/// How long a write waits before its notice runs: a short wait is not worth
/// a word.
pub const NOTICE_AFTER: Duration = Duration::from_millis(500);

/// One sleep between tries for the lock.
const STEP: Duration = Duration::from_millis(25);

thread_local! {
    static NOTICE: RefCell<Option<WaitNotice>> = const { RefCell::new(None) };
}

/// Runs `f` with `notice` as the notice of any wait for the write lock on
/// this thread; the previous notice (if `f` is nested in another write's) is
/// back afterwards.
pub(crate) fn with_notice<T>(notice: Option<WaitNotice>, f: impl FnOnce() -> T) -> T {
    let before = NOTICE.with(|n| n.replace(notice));
    let out = f();
    NOTICE.with(|n| n.replace(before));
    out
}

/// The busy handler of every connection that writes: `tries` is how often
/// SQLite has found the lock taken for this statement. Sleeps one step and
/// says whether to try again.
pub(crate) fn wait_for_writer(tries: i32) -> bool {
    let waited = STEP * u32::try_from(tries).unwrap_or(u32::MAX);
    if waited >= WRITE_WAIT {
        return false;
    }
    if waited >= NOTICE_AFTER && waited < NOTICE_AFTER + STEP {
        // Taken out first: a notice that itself wrote would find none.
        if let Some(notice) = NOTICE.with(|n| n.borrow().clone()) {
            notice();
        }
    }
    std::thread::sleep(STEP);
    true
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    #[test]
    fn the_notice_runs_once_after_a_short_wait_and_the_wait_ends() {
        let calls = Arc::new(AtomicU32::new(0));
        let counted = calls.clone();
        let notice: WaitNotice = Arc::new(move || {
            counted.fetch_add(1, Ordering::SeqCst);
        });
        let notice_try = i32::try_from(NOTICE_AFTER.as_millis() / STEP.as_millis()).unwrap();
        let last_try = i32::try_from(WRITE_WAIT.as_millis() / STEP.as_millis()).unwrap();
        with_notice(Some(notice), || {
            // Only the decision is checked here, not the sleep: tries are
            // counted, so the tries just before and after the bounds say it.
            for tries in [0, notice_try - 1] {
                assert!(wait_for_writer(tries));
            }
            assert_eq!(
                calls.load(Ordering::SeqCst),
                0,
                "not before the notice time"
            );
            assert!(wait_for_writer(notice_try));
            assert!(wait_for_writer(notice_try + 1));
            assert_eq!(calls.load(Ordering::SeqCst), 1, "once");
            assert!(!wait_for_writer(last_try), "gives up at the bound");
        });
        // Outside the write the notice is gone.
        wait_for_writer(notice_try);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
