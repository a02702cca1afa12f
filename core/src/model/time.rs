//! Instants as stored: UTC milliseconds plus the local offset at the time.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// An instant with the UTC offset the device had when it was recorded, so
/// "Tuesday evening" stays Tuesday evening after travelling across zones.
/// JSON: an RFC 3339 string with offset, e.g. `"2026-11-24T18:30:00+01:00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl Timestamp {
    /// From stored parts; `None` when out of chrono's range or offset invalid.
    pub fn from_parts(utc_ms: i64, offset_min: i32) -> Option<Self> {
        let offset = FixedOffset::east_opt(offset_min.checked_mul(60)?)?;
        let utc = DateTime::<Utc>::from_timestamp_millis(utc_ms)?;
        Some(Timestamp(utc.with_timezone(&offset)))
    }

    /// Milliseconds since the epoch, UTC.
    pub fn utc_ms(self) -> i64 {
        self.0.timestamp_millis()
    }

    /// The local offset in minutes east of UTC.
    pub fn offset_min(self) -> i32 {
        self.0.offset().local_minus_utc() / 60
    }

    /// The calendar date where it happened.
    pub fn local_date(self) -> NaiveDate {
        self.0.date_naive()
    }
}

impl From<DateTime<FixedOffset>> for Timestamp {
    fn from(t: DateTime<FixedOffset>) -> Self {
        Timestamp(t)
    }
}
