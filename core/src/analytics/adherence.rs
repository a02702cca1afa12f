//! Keeping at it: streaks of training weeks, gaps between sessions, rest
//! between sessions of the same movement, and sessions against the plan.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::input::AnalyticsSet;
use super::week::Week;
use crate::model::Pattern;
use crate::progression::spacing;

/// Sessions a week needs to count toward a streak (WHO: strength work on
/// two or more days a week).
pub const STREAK_SESSIONS: u32 = 2;
/// Days looked back for the rest between sessions of the same movement.
pub const SPACING_DAYS: u64 = 28;

/// Consecutive ISO weeks with at least [`STREAK_SESSIONS`] sessions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Streak {
    /// The streak running now, in weeks. The week in progress counts once it
    /// has its sessions; until then the streak runs to last week.
    pub current_weeks: u32,
    /// The longest streak, in weeks.
    pub longest_weeks: u32,
    /// The last week of the longest streak (the latest, when two are as long).
    pub longest_until: Option<Week>,
}

/// Session dates to weeks with their session counts.
fn per_week(dates: &[NaiveDate]) -> BTreeMap<Week, u32> {
    let mut m = BTreeMap::new();
    for d in dates {
        *m.entry(Week::of(*d)).or_insert(0) += 1;
    }
    m
}

/// Streaks from the dates of sessions (one entry per session) up to `today`.
pub fn streak(session_dates: &[NaiveDate], today: NaiveDate) -> Streak {
    let dates: Vec<NaiveDate> = session_dates
        .iter()
        .copied()
        .filter(|d| *d <= today)
        .collect();
    let weeks = per_week(&dates);
    let good: Vec<Week> = weeks
        .iter()
        .filter(|(_, n)| **n >= STREAK_SESSIONS)
        .map(|(w, _)| *w)
        .collect();
    let mut s = Streak::default();
    let mut run = 0;
    let mut prev: Option<Week> = None;
    for w in &good {
        run = if prev.and_then(Week::next) == Some(*w) {
            run + 1
        } else {
            1
        };
        if run >= s.longest_weeks {
            s.longest_weeks = run;
            s.longest_until = Some(*w);
        }
        prev = Some(*w);
    }
    let this = Week::of(today);
    let qualifies = |w: Week| weeks.get(&w).is_some_and(|n| *n >= STREAK_SESSIONS);
    let mut w = if qualifies(this) {
        Some(this)
    } else {
        this.back(1)
    };
    while let Some(week) = w.filter(|w| qualifies(*w)) {
        s.current_weeks += 1;
        w = week.back(1);
    }
    s
}

/// Gaps between training days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Gaps {
    /// The last day with a session, up to today.
    pub last_session: Option<NaiveDate>,
    /// Days from it to today.
    pub current_days: Option<u32>,
    /// The longest gap between two training days, in days (Monday to
    /// Wednesday is 2).
    pub longest_days: Option<u32>,
    /// The training day the longest gap started from (the latest, when two
    /// are as long).
    pub longest_from: Option<NaiveDate>,
    /// The training day that ended it.
    pub longest_to: Option<NaiveDate>,
}

fn days_between(a: NaiveDate, b: NaiveDate) -> u32 {
    u32::try_from((b - a).num_days()).unwrap_or(0)
}

/// Gaps from the session dates, up to `today`.
pub fn gaps(session_dates: &[NaiveDate], today: NaiveDate) -> Gaps {
    let mut dates: Vec<NaiveDate> = session_dates
        .iter()
        .copied()
        .filter(|d| *d <= today)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    let mut g = Gaps {
        last_session: dates.last().copied(),
        current_days: dates.last().map(|d| days_between(*d, today)),
        ..Gaps::default()
    };
    for pair in dates.windows(2) {
        let days = days_between(pair[0], pair[1]);
        if g.longest_days.is_none_or(|l| days >= l) {
            g.longest_days = Some(days);
            g.longest_from = Some(pair[0]);
            g.longest_to = Some(pair[1]);
        }
    }
    g
}

/// Rest between hard sessions of one movement pattern over the last
/// [`SPACING_DAYS`] days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PatternSpacing {
    /// The pattern.
    pub pattern: Pattern,
    /// Sessions that trained it hard.
    pub sessions: u32,
    /// Fewest days between two of them.
    pub min_days: Option<u32>,
    /// Median days between them.
    pub median_days: Option<f64>,
    /// Two came less than 2 days (48 h) apart.
    pub too_close: bool,
}

/// Hard for the 48 h rule, as the engine's guard counts it: a work set
/// (not a warm-up or technique set) that [`spacing::hard`] counts.
fn hard_for_spacing(s: &AnalyticsSet) -> bool {
    !s.is_preparation() && spacing::hard(s.reps, s.rir)
}

/// Rest between hard sessions of each paced pattern whose sessions started
/// in the [`SPACING_DAYS`] days ending on `today`, in pattern order.
pub fn spacing<'a, I>(sets: I, today: NaiveDate) -> Vec<PatternSpacing>
where
    I: IntoIterator<Item = &'a AnalyticsSet>,
{
    let from = today
        .checked_sub_days(Days::new(SPACING_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let mut by_pattern: BTreeMap<usize, (Pattern, BTreeMap<&str, NaiveDate>)> = BTreeMap::new();
    for s in sets {
        let date = s.session_date();
        if date < from
            || date > today
            || !spacing::paced(s.exercise.pattern)
            || !hard_for_spacing(s)
        {
            continue;
        }
        let p = s.exercise.pattern;
        let idx = Pattern::ALL
            .iter()
            .position(|x| *x == p)
            .unwrap_or(usize::MAX);
        by_pattern
            .entry(idx)
            .or_insert_with(|| (p, BTreeMap::new()))
            .1
            .insert(&s.workout_id, date);
    }
    by_pattern
        .into_values()
        .map(|(pattern, workouts)| {
            let mut dates: Vec<NaiveDate> = workouts.into_values().collect();
            dates.sort_unstable();
            let mut gaps: Vec<u32> = dates.windows(2).map(|p| days_between(p[0], p[1])).collect();
            gaps.sort_unstable();
            let median = match gaps.len() {
                0 => None,
                n if n % 2 == 1 => gaps.get(n / 2).map(|g| f64::from(*g)),
                n => match (gaps.get(n / 2 - 1), gaps.get(n / 2)) {
                    (Some(a), Some(b)) => Some((f64::from(*a) + f64::from(*b)) / 2.0),
                    _ => None,
                },
            };
            let min = gaps.first().copied();
            PatternSpacing {
                pattern,
                sessions: dates.len() as u32,
                min_days: min,
                median_days: median,
                too_close: min.is_some_and(|m| m < spacing::REST_DAYS),
            }
        })
        .collect()
}

/// Sessions against the program's plan, streaks and gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Adherence {
    /// The running program's sessions per week, if one runs.
    pub planned_per_week: Option<u8>,
    /// Sessions in the four full weeks before this one.
    pub sessions_last_4_weeks: u32,
    /// Sessions the plan asked for in those weeks (weeks since the run began).
    pub planned_last_4_weeks: Option<u32>,
    /// Sessions done as a percentage of planned.
    pub percent_of_plan: Option<f64>,
    /// Of those weeks with a plan, how many had the planned sessions.
    pub weeks_meeting_plan: Option<u32>,
    /// Weeks in a row with two or more sessions.
    pub streak: Streak,
    /// Days between training days.
    pub gaps: Gaps,
    /// Rest between hard sessions of each movement pattern, last 28 days.
    pub spacing: Vec<PatternSpacing>,
}

#[cfg(test)]
mod tests {
    use super::super::input::fixtures::*;
    use super::*;
    use crate::model::SetKind;

    #[test]
    fn streaks_by_hand() {
        // Weeks of November 2026: W45 (2-8) 2 sessions, W46 (9-15) 2,
        // W47 (16-22) 1, W48 (23-29) 3 -> longest 2, current 1 on the 29th.
        let dates = [
            d(2026, 11, 2),
            d(2026, 11, 4),
            d(2026, 11, 9),
            d(2026, 11, 13),
            d(2026, 11, 18),
            d(2026, 11, 23),
            d(2026, 11, 25),
            d(2026, 11, 27),
        ];
        let s = streak(&dates, d(2026, 11, 29));
        assert_eq!((s.current_weeks, s.longest_weeks), (1, 2));
        assert_eq!(s.longest_until.unwrap().label(), "2026-W46");
        // On Tuesday the 24th this week has one session: the streak runs to
        // last week, which had one too: 0.
        assert_eq!(streak(&dates, d(2026, 11, 24)).current_weeks, 0);
        // On Tuesday 17th, week 47 is in progress: the streak is W45-W46.
        assert_eq!(streak(&dates, d(2026, 11, 17)).current_weeks, 2);
        assert_eq!(streak(&[], d(2026, 11, 17)), Streak::default());
    }

    #[test]
    fn streaks_cross_the_year() {
        let dates = [d(2026, 12, 28), d(2027, 1, 1), d(2027, 1, 4), d(2027, 1, 6)];
        let s = streak(&dates, d(2027, 1, 6));
        assert_eq!((s.current_weeks, s.longest_weeks), (2, 2));
    }

    #[test]
    fn gaps_by_hand() {
        let dates = [
            d(2026, 11, 2),
            d(2026, 11, 2),
            d(2026, 11, 4),
            d(2026, 11, 14),
            d(2026, 11, 16),
            d(2026, 12, 1),
        ];
        let g = gaps(&dates, d(2026, 11, 20));
        assert_eq!(g.last_session, Some(d(2026, 11, 16)));
        assert_eq!(g.current_days, Some(4));
        assert_eq!(g.longest_days, Some(10));
        assert_eq!(
            (g.longest_from, g.longest_to),
            (Some(d(2026, 11, 4)), Some(d(2026, 11, 14)))
        );
        assert_eq!(gaps(&[], d(2026, 11, 20)), Gaps::default());
        let one = gaps(&[d(2026, 11, 20)], d(2026, 11, 20));
        assert_eq!((one.current_days, one.longest_days), (Some(0), None));
    }

    #[test]
    fn spacing_by_hand() {
        let today = d(2026, 11, 29);
        let t = |day| at(d(2026, 11, day), 18, 0, 1);
        let sets = [
            // Squat on 16, 18, 19 (1 day: too close), 23: gaps 2, 1, 4.
            set(squat(), "a", t(16)).kg(100.0).reps(5),
            set(squat(), "b", t(18)).kg(100.0).reps(5),
            set(squat(), "c", t(19)).kg(100.0).reps(5).rir(3.0),
            set(squat(), "d", t(23)).kg(100.0).reps(5),
            // An easy squat day (RIR 4) and a warm-up-only day do not count.
            set(squat(), "e", t(24)).kg(60.0).reps(5).rir(4.0),
            set(squat(), "f", t(25))
                .kg(60.0)
                .reps(5)
                .kind(SetKind::Warmup),
            // Too old: 1 November is 28 days before the 29th.
            set(squat(), "g", at(d(2026, 11, 1), 18, 0, 1))
                .kg(100.0)
                .reps(5),
            // Bench on 16 and 23.
            set(bench(), "a", t(16)).kg(60.0).reps(8),
            set(bench(), "d", t(23)).kg(60.0).reps(8),
        ];
        let sp = spacing(&sets, today);
        assert_eq!(sp.len(), 2);
        let squat = &sp[0];
        assert_eq!(squat.pattern, Pattern::Squat);
        assert_eq!(
            (
                squat.sessions,
                squat.min_days,
                squat.median_days,
                squat.too_close
            ),
            (4, Some(1), Some(2.0), true)
        );
        let push = &sp[1];
        assert_eq!(push.pattern, Pattern::Push);
        assert_eq!(
            (
                push.sessions,
                push.min_days,
                push.median_days,
                push.too_close
            ),
            (2, Some(7), Some(7.0), false)
        );
    }

    #[test]
    fn spacing_median_of_an_even_count() {
        let t = |day| at(d(2026, 11, day), 18, 0, 1);
        let sets: Vec<AnalyticsSet> = [2, 4, 9, 12, 22]
            .iter()
            .map(|day| {
                set(deadlift(), &format!("w{day}"), t(*day))
                    .kg(100.0)
                    .reps(5)
            })
            .collect();
        // Gaps 2, 5, 3, 10 -> sorted 2, 3, 5, 10 -> median 4.
        let sp = spacing(&sets, d(2026, 11, 28));
        assert_eq!(sp[0].median_days, Some(4.0));
        assert!(!sp[0].too_close);
    }
}
