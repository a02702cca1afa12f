//! Instants as stored: UTC milliseconds plus the local offset at the time.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// A UTC millisecond range `[start, end)` holding every instant whose local
/// date is within `first..=last`, whatever its offset: a local date is at
/// most 14 hours either side of UTC, so a day's margin each side of the UTC
/// dates covers every time zone. Queries read this range and then filter by
/// local date. Saturates rather than overflow at chrono's extremes.
pub fn utc_ms_covering(first: NaiveDate, last: NaiveDate) -> (i64, i64) {
    let midnight = |d: NaiveDate| d.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
    (
        midnight(first).saturating_sub(DAY_MS),
        midnight(last).saturating_add(2 * DAY_MS),
    )
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_covering_range_holds_every_time_zones_local_day() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let (start, end) = utc_ms_covering(day, day);
        for offset_h in [-12, -5, 0, 5, 14] {
            let zone = FixedOffset::east_opt(offset_h * 3600).unwrap();
            for (h, m) in [(0, 0), (12, 0), (23, 59)] {
                let local = day
                    .and_hms_opt(h, m, 0)
                    .unwrap()
                    .and_local_timezone(zone)
                    .unwrap();
                let ms = local.timestamp_millis();
                assert!(start <= ms && ms < end, "{local} outside");
            }
        }
        // A whole day's margin each side, no more.
        assert_eq!(end - start, 3 * DAY_MS);
        let (_, far) = utc_ms_covering(day, NaiveDate::MAX);
        assert!(far > end);
    }
}
