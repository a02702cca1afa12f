//! Weekly training laid on a continuous calendar, and grouped into months,
//! quarters or years when there are too many weeks to draw one bar each.

use chrono::{Datelike, Days, NaiveDate};

use super::scale::{self, plottable};
use super::{DoseSpread, Spread, WeekBar};

/// At most this many weeks (about 60 years) are laid out; older ones are left out.
const MAX_SLOTS: i64 = 3_200;
/// Up to this many weeks, one bar per week.
const MAX_WEEK_BARS: usize = 104;
/// Up to this many months, one bar per month; then quarters, then years.
const MAX_MONTH_BARS: usize = 130;
const MAX_QUARTER_BARS: usize = 160;

/// One calendar week on the continuous calendar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Slot {
    pub start: NaiveDate,
    pub label: String,
    pub minutes: f64,
    pub sessions: f64,
    pub heavy_axial_sets: f64,
    pub landings: f64,
}

/// How many weeks one bar stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grain {
    Week,
    Month,
    Quarter,
    Year,
}

impl Grain {
    /// "week", "month"...
    pub fn name(self) -> &'static str {
        match self {
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Year => "year",
        }
    }
}

/// One bar: a week, or the average week of a month, quarter or year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bucket {
    pub start: NaiveDate,
    pub label: String,
    /// Calendar weeks in it.
    pub weeks: u32,
    /// Per week.
    pub minutes: f64,
    pub sessions: f64,
}

/// The bars to draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Calendar {
    pub grain: Grain,
    pub buckets: Vec<Bucket>,
    /// Weeks left out for being more than [`MAX_SLOTS`] before the last.
    pub omitted: usize,
}

fn count(v: f64) -> f64 {
    if plottable(v) && v > 0.0 { v } else { 0.0 }
}

/// The weeks on a continuous calendar from the first to the last, missing
/// weeks empty and repeated weeks added up, and how many were too old.
pub(crate) fn slots(weeks: &[WeekBar]) -> (Vec<Slot>, usize) {
    let Some(last) = weeks.iter().map(|w| w.start).max() else {
        return (Vec::new(), 0);
    };
    let oldest = last
        .checked_sub_days(Days::new(MAX_SLOTS as u64 * 7))
        .unwrap_or(NaiveDate::MIN);
    let mut kept: Vec<&WeekBar> = weeks.iter().filter(|w| w.start > oldest).collect();
    let omitted = weeks.len() - kept.len();
    kept.sort_by_key(|w| w.start);
    let Some(first) = kept.first().map(|w| w.start) else {
        return (Vec::new(), omitted);
    };
    let n = ((last - first).num_days() / 7 + 1).clamp(1, MAX_SLOTS + 1) as usize;
    let mut slots: Vec<Slot> = (0..n)
        .map(|k| {
            let start = first
                .checked_add_days(Days::new(k as u64 * 7))
                .unwrap_or(NaiveDate::MAX);
            let iso = start.iso_week();
            Slot {
                start,
                label: format!("{}-W{:02}", iso.year(), iso.week()),
                minutes: 0.0,
                sessions: 0.0,
                heavy_axial_sets: 0.0,
                landings: 0.0,
            }
        })
        .collect();
    let mut labelled = vec![false; n];
    for w in kept {
        let k = ((w.start - first).num_days() / 7) as usize;
        let Some(slot) = slots.get_mut(k) else {
            continue;
        };
        if !labelled[k] && !w.label.trim().is_empty() {
            slot.label = w.label.clone();
            labelled[k] = true;
        }
        slot.minutes += count(w.minutes);
        slot.sessions += f64::from(w.sessions);
        slot.heavy_axial_sets += f64::from(w.heavy_axial_sets);
        slot.landings += f64::from(w.landings);
    }
    (slots, omitted)
}

/// The weeks grouped for drawing: one bar per week up to two years, then
/// per month (the average week of it) up to about ten years, then per
/// quarter, then per year.
pub(crate) fn calendar(weeks: &[WeekBar]) -> Calendar {
    let (slots, omitted) = slots(weeks);
    if slots.len() <= MAX_WEEK_BARS {
        let buckets = slots
            .into_iter()
            .map(|s| Bucket {
                start: s.start,
                label: s.label,
                weeks: 1,
                minutes: s.minutes,
                sessions: s.sessions,
            })
            .collect();
        return Calendar {
            grain: Grain::Week,
            buckets,
            omitted,
        };
    }
    for grain in [Grain::Month, Grain::Quarter, Grain::Year] {
        let buckets = group(&slots, grain);
        let fits = match grain {
            Grain::Month => buckets.len() <= MAX_MONTH_BARS,
            Grain::Quarter => buckets.len() <= MAX_QUARTER_BARS,
            _ => true,
        };
        if fits {
            return Calendar {
                grain,
                buckets,
                omitted,
            };
        }
    }
    Calendar {
        grain: Grain::Year,
        buckets: group(&slots, Grain::Year),
        omitted,
    }
}

/// The first day of the month, quarter or year `date` is in.
fn bucket_start(date: NaiveDate, grain: Grain) -> NaiveDate {
    let month = match grain {
        Grain::Week => return date,
        Grain::Month => date.month(),
        Grain::Quarter => date.month0() / 3 * 3 + 1,
        Grain::Year => 1,
    };
    NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
}

fn group(slots: &[Slot], grain: Grain) -> Vec<Bucket> {
    let mut out: Vec<Bucket> = Vec::new();
    for s in slots {
        let start = bucket_start(s.start, grain);
        match out.last_mut() {
            Some(b) if b.start == start => {
                b.weeks += 1;
                b.minutes += s.minutes;
                b.sessions += s.sessions;
            }
            _ => out.push(Bucket {
                start,
                label: match grain {
                    Grain::Week => s.label.clone(),
                    Grain::Month => format!("{} {}", scale::month(start), start.year()),
                    Grain::Quarter => format!("Q{} {}", start.month0() / 3 + 1, start.year()),
                    Grain::Year => start.year().to_string(),
                },
                weeks: 1,
                minutes: s.minutes,
                sessions: s.sessions,
            }),
        }
    }
    for b in &mut out {
        let n = f64::from(b.weeks.max(1));
        b.minutes /= n;
        b.sessions /= n;
    }
    out
}

fn spread(values: impl Iterator<Item = f64> + Clone) -> Spread {
    let n = values.clone().count().max(1) as f64;
    Spread {
        avg: values.clone().sum::<f64>() / n,
        min: values.clone().fold(f64::INFINITY, f64::min),
        max: values.fold(f64::NEG_INFINITY, f64::max),
    }
}

/// See [`DoseSpread::from_weeks`].
pub(crate) fn dose(weeks: &[WeekBar], last: usize) -> Option<DoseSpread> {
    let (slots, _) = slots(weeks);
    if slots.is_empty() || last == 0 {
        return None;
    }
    let recent = &slots[slots.len().saturating_sub(last)..];
    Some(DoseSpread {
        weeks: recent.len() as u32,
        minutes: spread(recent.iter().map(|s| s.minutes)),
        sessions: spread(recent.iter().map(|s| s.sessions)),
        heavy_axial_sets: spread(recent.iter().map(|s| s.heavy_axial_sets)),
        landings: spread(recent.iter().map(|s| s.landings)),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn week(start: NaiveDate, minutes: f64, sessions: u32) -> WeekBar {
        WeekBar {
            label: String::new(),
            start,
            minutes,
            sessions,
            heavy_axial_sets: sessions * 2,
            landings: 10,
        }
    }

    #[test]
    fn gaps_become_empty_weeks_and_order_does_not_matter() {
        let weeks = [week(d(2026, 1, 19), 50.0, 2), week(d(2026, 1, 5), 40.0, 2)];
        let (slots, omitted) = slots(&weeks);
        assert_eq!(omitted, 0);
        let got: Vec<_> = slots.iter().map(|s| (s.start, s.minutes)).collect();
        assert_eq!(
            got,
            [
                (d(2026, 1, 5), 40.0),
                (d(2026, 1, 12), 0.0),
                (d(2026, 1, 19), 50.0)
            ]
        );
        // Labels default to the ISO week.
        assert_eq!(slots[1].label, "2026-W03");
    }

    #[test]
    fn repeated_weeks_add_up_and_bad_minutes_count_zero() {
        let weeks = [
            week(d(2026, 1, 5), 40.0, 2),
            week(d(2026, 1, 5), 15.0, 1),
            week(d(2026, 1, 12), f64::NAN, 1),
            week(d(2026, 1, 19), -5.0, 1),
        ];
        let (slots, _) = slots(&weeks);
        assert_eq!(slots[0].minutes, 55.0);
        assert_eq!(slots[0].sessions, 3.0);
        assert_eq!(slots[1].minutes, 0.0);
        assert_eq!(slots[2].minutes, 0.0);
    }

    #[test]
    fn a_year_is_weekly_ten_years_monthly() {
        let year: Vec<_> = (0..52)
            .map(|k| week(d(2025, 1, 6) + Days::new(k * 7), 45.0, 3))
            .collect();
        let cal = calendar(&year);
        assert_eq!(cal.grain, Grain::Week);
        assert_eq!(cal.buckets.len(), 52);

        let decade: Vec<_> = (0..522)
            .map(|k| week(d(2016, 1, 4) + Days::new(k * 7), 70.0, 2))
            .collect();
        let cal = calendar(&decade);
        assert_eq!(cal.grain, Grain::Month);
        assert_eq!(cal.buckets.len(), 120);
        assert_eq!(cal.buckets[0].label, "Jan 2016");
        // Every week trained 70 min, so every month averages 70 a week.
        assert!(cal.buckets.iter().all(|b| (b.minutes - 70.0).abs() < 1e-9));
        // January 2016 has the weeks starting 4, 11, 18 and 25 Jan.
        assert_eq!(cal.buckets[0].weeks, 4);

        let forty: Vec<_> = (0..2080)
            .map(|k| week(d(1986, 1, 6) + Days::new(k * 7), 30.0, 1))
            .collect();
        let cal = calendar(&forty);
        assert_eq!(cal.grain, Grain::Quarter);
        assert!(cal.buckets.len() <= MAX_QUARTER_BARS);
    }

    #[test]
    fn dose_by_hand() {
        let weeks = [
            week(d(2026, 1, 5), 40.0, 2),
            // 12 Jan missing: a week of 0.
            week(d(2026, 1, 19), 80.0, 4),
        ];
        let dose = dose(&weeks, 12).unwrap();
        assert_eq!(dose.weeks, 3);
        assert_eq!(dose.minutes.avg, 40.0);
        assert_eq!((dose.minutes.min, dose.minutes.max), (0.0, 80.0));
        assert_eq!(dose.sessions.avg, 2.0);
        assert_eq!(dose.heavy_axial_sets.max, 8.0);
        // Only the last 2 weeks.
        let dose2 = super::dose(&weeks, 2).unwrap();
        assert_eq!(dose2.minutes.avg, 40.0);
        assert_eq!(dose2.minutes.min, 0.0);
        assert_eq!(super::dose(&[], 12), None);
        assert_eq!(super::dose(&weeks, 0), None);
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        let weeks = [week(NaiveDate::MIN, 10.0, 1), week(NaiveDate::MAX, 10.0, 1)];
        let cal = calendar(&weeks);
        assert_eq!(cal.omitted, 1);
        assert_eq!(cal.buckets.len(), 1);
    }
}
