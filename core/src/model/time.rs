//! Instants as stored: UTC milliseconds plus the local offset at the time;
//! and when something typed was done ([`LogTime`]), which sets and
//! measurements turn into an instant by the same rule.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::validate::{self, Field};

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

/// Hour of the day given to something dated without a time.
const DATE_ONLY_HOUR: u32 = 12;

/// When the sets being logged (or a measurement) were done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LogTime {
    /// Just now.
    Now,
    /// At this moment (backdating with a time).
    At(DateTime<FixedOffset>),
    /// On this day, time unknown (backdating with a date): joins that day's
    /// workout, or starts one at noon.
    OnDate(NaiveDate),
}

impl LogTime {
    /// The local day this time falls on, with `now` for [`LogTime::Now`].
    pub fn date(self, now: DateTime<FixedOffset>) -> NaiveDate {
        match self {
            LogTime::Now => now.date_naive(),
            LogTime::At(t) => t.date_naive(),
            LogTime::OnDate(d) => d,
        }
    }

    /// The instant this stands for, checked against `now`: a later date, or
    /// a moment later than the clock skew `validate::instant` allows, is
    /// refused naming the `date` field. A date alone is noon of that day in
    /// `now`'s offset, or now when noon has not come yet, so nothing dated
    /// by day lands in the future.
    pub fn resolve(
        self,
        now: DateTime<FixedOffset>,
    ) -> Result<Timestamp, validate::ValidationError> {
        let t = match self {
            LogTime::Now => now,
            LogTime::At(t) => {
                validate::instant(Field::Date, t, now)?;
                t
            }
            LogTime::OnDate(d) => {
                validate::date(Field::Date, d, now.date_naive())?;
                let noon = d.and_time(
                    NaiveTime::from_hms_opt(DATE_ONLY_HOUR, 0, 0).unwrap_or(NaiveTime::MIN),
                );
                noon.and_local_timezone(*now.offset())
                    .single()
                    .unwrap_or(now)
                    .min(now)
            }
        };
        Ok(Timestamp(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_date_alone_is_noon_that_day_in_the_offset_of_now() {
        let now = at("2026-11-24T18:00:00+01:00");
        let t = LogTime::OnDate(day(2026, 11, 20)).resolve(now).unwrap();
        assert_eq!(t.0.to_rfc3339(), "2026-11-20T12:00:00+01:00");
    }

    #[test]
    fn today_before_noon_is_now_never_the_future() {
        let morning = at("2026-11-24T08:30:00+01:00");
        let t = LogTime::OnDate(day(2026, 11, 24)).resolve(morning).unwrap();
        assert_eq!(t.0, morning);
        let later = LogTime::OnDate(day(2026, 11, 25)).resolve(morning);
        assert_eq!(later.unwrap_err().field, Field::Date);
    }

    #[test]
    fn now_and_a_given_moment_are_taken_as_they_are_unless_in_the_future() {
        let now = at("2026-11-24T18:00:00+01:00");
        assert_eq!(LogTime::Now.resolve(now).unwrap().0, now);
        let earlier = at("2026-11-23T07:15:00-05:00");
        assert_eq!(LogTime::At(earlier).resolve(now).unwrap().0, earlier);
        let tomorrow = at("2026-11-25T18:00:00+01:00");
        assert_eq!(
            LogTime::At(tomorrow).resolve(now).unwrap_err().field,
            Field::Date
        );
    }

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
