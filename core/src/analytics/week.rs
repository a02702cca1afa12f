//! ISO weeks: Monday to Sunday, labelled like `2026-W47`.
//!
//! A set belongs to the week of its own local date (the offset it was logged
//! with), so a set at 23:30 on a Sunday is in that Sunday's week even where
//! UTC is already Monday. Years follow ISO 8601: 2026-12-31 (a Thursday) and
//! 2027-01-01 are both in `2026-W53`; `2027-W01` starts on 2027-01-04.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO week. Ordered by time; JSON is its label, e.g. `"2026-W47"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week {
    monday: NaiveDate,
}

impl Week {
    /// The week `date` falls in.
    pub fn of(date: NaiveDate) -> Week {
        let back = u64::from(date.weekday().num_days_from_monday());
        // Only the first days chrono can represent have no Monday before them.
        let monday = date.checked_sub_days(Days::new(back)).unwrap_or(date);
        Week { monday }
    }

    /// The week with ISO year `year` and number `week` (1..=53), if it exists.
    pub fn from_iso(year: i32, week: u32) -> Option<Week> {
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).map(|monday| Week { monday })
    }

    /// Its Monday.
    pub fn monday(self) -> NaiveDate {
        self.monday
    }

    /// Its Sunday.
    pub fn sunday(self) -> NaiveDate {
        self.monday
            .checked_add_days(Days::new(6))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The ISO year (which differs from the calendar year around 1 January).
    pub fn year(self) -> i32 {
        self.monday.iso_week().year()
    }

    /// The ISO week number, 1..=53.
    pub fn number(self) -> u32 {
        self.monday.iso_week().week()
    }

    /// The week after, `None` at the end of the calendar.
    pub fn next(self) -> Option<Week> {
        self.monday
            .checked_add_days(Days::new(7))
            .map(|monday| Week { monday })
    }

    /// The week `n` weeks before, `None` before the start of the calendar.
    pub fn back(self, n: u32) -> Option<Week> {
        self.monday
            .checked_sub_days(Days::new(7 * u64::from(n)))
            .map(|monday| Week { monday })
    }

    /// True when `date` is in this week.
    pub fn contains(self, date: NaiveDate) -> bool {
        Week::of(date) == self
    }

    /// The label, e.g. `2026-W47`.
    pub fn label(self) -> String {
        self.to_string()
    }

    /// Every week from the one holding `from` to the one holding `to`, in order.
    pub fn range(from: NaiveDate, to: NaiveDate) -> Vec<Week> {
        let (first, last) = (Week::of(from), Week::of(to));
        let mut out = Vec::new();
        let mut w = Some(first);
        while let Some(week) = w.filter(|w| *w <= last) {
            out.push(week);
            w = week.next();
        }
        out
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year(), self.number())
    }
}

/// A week label could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an ISO week (expected e.g. 2026-W47): '{0}'")]
pub struct BadWeek(String);

impl FromStr for Week {
    type Err = BadWeek;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadWeek(s.chars().take(20).collect());
        let (year, week) = s.split_once("-W").ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        Week::from_iso(year, week).ok_or_else(bad)
    }
}

impl Serialize for Week {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Week {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn monday_to_sunday() {
        // 2026-11-24 is a Tuesday in week 48.
        let w = Week::of(d(2026, 11, 24));
        assert_eq!(w.monday(), d(2026, 11, 23));
        assert_eq!(w.sunday(), d(2026, 11, 29));
        assert_eq!(w.label(), "2026-W48");
        assert_eq!(Week::of(d(2026, 11, 29)), w);
        assert_ne!(Week::of(d(2026, 11, 30)), w);
        assert!(w.contains(d(2026, 11, 23)));
    }

    #[test]
    fn year_boundary_follows_iso() {
        // Thursday 31 December 2026 makes week 53 belong to 2026, and the
        // Friday after it (1 January 2027) is in the same week.
        let dec31 = Week::of(d(2026, 12, 31));
        let jan1 = Week::of(d(2027, 1, 1));
        assert_eq!(dec31.label(), "2026-W53");
        assert_eq!(jan1, dec31);
        assert_eq!(d(2027, 1, 1).iso_week().week(), 53);
        assert_eq!(dec31.next().unwrap().label(), "2027-W01");
        assert_eq!(Week::of(d(2027, 1, 4)).label(), "2027-W01");
        // A year with 52 weeks: 2025-12-29 (Monday) starts 2026-W01.
        assert_eq!(Week::of(d(2025, 12, 31)).label(), "2026-W01");
    }

    #[test]
    fn labels_round_trip() {
        let w: Week = "2026-W53".parse().unwrap();
        assert_eq!(w.monday(), d(2026, 12, 28));
        assert_eq!(serde_json::to_string(&w).unwrap(), r#""2026-W53""#);
        let back: Week = serde_json::from_str(r#""2026-W53""#).unwrap();
        assert_eq!(back, w);
        assert!("2025-W53".parse::<Week>().is_err(), "2025 has 52 weeks");
        assert!("2026-53".parse::<Week>().is_err());
        assert!("x-W1".parse::<Week>().is_err());
    }

    #[test]
    fn ranges_cover_whole_weeks() {
        let weeks = Week::range(d(2026, 12, 30), d(2027, 1, 12));
        let labels: Vec<String> = weeks.iter().map(|w| w.label()).collect();
        assert_eq!(labels, ["2026-W53", "2027-W01", "2027-W02"]);
        assert!(Week::range(d(2027, 1, 12), d(2026, 12, 30)).is_empty());
        assert_eq!(
            Week::of(d(2027, 1, 12)).back(2).unwrap().label(),
            "2026-W53"
        );
    }

    #[test]
    fn calendar_edges_do_not_panic() {
        let _ = Week::of(NaiveDate::MIN).label();
        let _ = Week::of(NaiveDate::MAX).sunday();
        assert_eq!(Week::of(NaiveDate::MAX).next(), None);
        let _ = Week::range(NaiveDate::MAX, NaiveDate::MAX);
        assert!(Week::of(NaiveDate::MIN).back(1).is_none());
    }
}
