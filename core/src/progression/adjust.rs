//! The person's own adjustments to a run: an exercise swapped for good
//! ("squat with a goblet from now on") and the weekdays they train. The
//! engine honours them when it plans: a swap replaces the program's
//! exercise, and shows as the swap's reason; the next session is put on
//! the first chosen weekday once the program's rest allows it.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::names::named_enum;

/// A day of the week, Monday first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}
named_enum!(Weekday, "weekday" {
    Mon => "mon", Tue => "tue", Wed => "wed", Thu => "thu", Fri => "fri", Sat => "sat", Sun => "sun",
});

impl Weekday {
    /// The weekday of `date`.
    pub fn of(date: NaiveDate) -> Weekday {
        Weekday::ALL[date.weekday().num_days_from_monday() as usize]
    }

    /// 1 for Monday to 7 for Sunday (ISO 8601).
    pub fn number(self) -> u32 {
        self as u32 + 1
    }
}

/// What the person changed about the running program.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Adjustments {
    /// Exercise id -> the exercise done in its place from now on.
    #[serde(default)]
    pub swaps: BTreeMap<String, String>,
    /// The weekdays the person trains, Monday first; empty: any day.
    #[serde(default)]
    pub days: Vec<Weekday>,
}

/// No adjustments: the program as written.
pub static NO_ADJUSTMENTS: Adjustments = Adjustments {
    swaps: BTreeMap::new(),
    days: Vec::new(),
};

impl Adjustments {
    /// The exercise the person does in place of `exercise_id`, if any.
    pub fn swap_for(&self, exercise_id: &str) -> Option<&str> {
        self.swaps.get(exercise_id).map(String::as_str)
    }

    /// The first chosen training day on or after `date`; `date` itself
    /// when no days are chosen.
    pub fn training_day_from(&self, date: NaiveDate) -> NaiveDate {
        if self.days.is_empty() {
            return date;
        }
        (0..7u64)
            .filter_map(|n| date.checked_add_days(Days::new(n)))
            .find(|d| self.days.contains(&Weekday::of(*d)))
            .unwrap_or(date)
    }

    /// The chosen days in order, each once.
    pub fn with_days(mut self, mut days: Vec<Weekday>) -> Adjustments {
        days.sort();
        days.dedup();
        self.days = days;
        self
    }
}

/// How the chosen days sit with a program: facts a screen may state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaysFit {
    /// Fewer days chosen than the program's sessions a week.
    pub fewer_than_sessions: bool,
    /// Two chosen days are closer than the program's days between sessions
    /// (the later one is then skipped when the earlier was trained).
    pub too_close: bool,
}

/// How `days` fit a program of `sessions_per_week` sessions with at least
/// `min_days_between` days from one to the next.
pub fn days_fit(days: &[Weekday], sessions_per_week: u8, min_days_between: u8) -> DaysFit {
    let mut numbers: Vec<u32> = days.iter().map(|d| d.number()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let too_close = numbers.iter().enumerate().any(|(i, a)| {
        // The gap to the next chosen day, across the weekend.
        let next = numbers
            .get(i + 1)
            .copied()
            .or(numbers.first().map(|f| f + 7));
        next.is_some_and(|b| b.saturating_sub(*a) < u32::from(min_days_between))
    });
    DaysFit {
        fewer_than_sessions: !days.is_empty() && days.len() < usize::from(sessions_per_week),
        too_close: numbers.len() > 1 && too_close,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_next_training_day_is_the_first_chosen_weekday_on_or_after() {
        let none = Adjustments::default();
        // 2026-11-24 is a Tuesday.
        assert_eq!(none.training_day_from(d("2026-11-24")), d("2026-11-24"));
        let mwf = Adjustments::default().with_days(vec![Weekday::Fri, Weekday::Mon, Weekday::Wed]);
        assert_eq!(mwf.days, [Weekday::Mon, Weekday::Wed, Weekday::Fri]);
        assert_eq!(mwf.training_day_from(d("2026-11-24")), d("2026-11-25"));
        assert_eq!(mwf.training_day_from(d("2026-11-25")), d("2026-11-25"));
        assert_eq!(mwf.training_day_from(d("2026-11-28")), d("2026-11-30"));
        assert_eq!(Weekday::of(d("2026-11-29")), Weekday::Sun);
        assert_eq!("sat".parse::<Weekday>().unwrap(), Weekday::Sat);
        assert!("Saturday".parse::<Weekday>().is_err());
    }

    #[test]
    fn days_that_do_not_fit_the_program_are_named() {
        use Weekday::*;
        let fit = days_fit(&[Mon, Thu], 2, 2);
        assert!(!fit.fewer_than_sessions && !fit.too_close);
        // Monday and Tuesday: one day apart where the program asks for two.
        assert!(days_fit(&[Mon, Tue], 2, 2).too_close);
        // Sunday to Monday across the weekend is one day too.
        assert!(days_fit(&[Wed, Sun, Mon], 3, 2).too_close);
        assert!(days_fit(&[Mon], 3, 2).fewer_than_sessions);
        assert!(!days_fit(&[], 3, 2).fewer_than_sessions);
        assert!(!days_fit(&[Mon], 1, 2).too_close);
    }
}
