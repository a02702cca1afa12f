//! Where "now" comes from.
//!
//! The store needs the wall clock for timestamps and the hybrid logical
//! clock; tests need to fix it. Everything that reads the time goes through
//! [`Clock`], so no test depends on when it runs.

use chrono::{DateTime, FixedOffset, Local, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};

/// A source of the current time with the local UTC offset.
pub trait Clock: Send + Sync {
    /// The current instant, in the local offset of the device.
    fn now(&self) -> DateTime<FixedOffset>;

    /// The UTC offset the device's time zone had at a local wall-clock time
    /// (summer and winter time differ); by default today's offset.
    fn offset_at(&self, _local: NaiveDateTime) -> FixedOffset {
        *self.now().offset()
    }
}

/// The device's real clock and time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }

    fn offset_at(&self, local: NaiveDateTime) -> FixedOffset {
        // In a gap (clocks jumping forward) the earliest valid reading is
        // taken; in an overlap, the first of the two.
        match Local.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
                t.fixed_offset().offset().to_owned()
            }
            LocalResult::None => *self.now().offset(),
        }
    }
}

/// A clock that always says the same instant; for tests and replays.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<FixedOffset>);

impl FixedClock {
    /// A fixed clock at `ms` milliseconds since the epoch, offset `offset_min` minutes.
    pub fn at_ms(ms: i64, offset_min: i32) -> Self {
        let offset = FixedOffset::east_opt(offset_min * 60).unwrap_or(Utc.fix());
        let utc = DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default();
        FixedClock(utc.with_timezone(&offset))
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}

/// A clock that tests move by hand.
#[derive(Debug)]
pub struct ManualClock(parking_lot::Mutex<DateTime<FixedOffset>>);

impl ManualClock {
    /// A clock reading `start`.
    pub fn new(start: DateTime<FixedOffset>) -> Self {
        ManualClock(parking_lot::Mutex::new(start))
    }

    /// Moves the clock to `t`.
    pub fn set(&self, t: DateTime<FixedOffset>) {
        *self.0.lock() = t;
    }

    /// Moves the clock forward by `d`.
    pub fn advance(&self, d: chrono::TimeDelta) {
        let mut t = self.0.lock();
        *t += d;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<FixedOffset> {
        *self.0.lock()
    }
}
