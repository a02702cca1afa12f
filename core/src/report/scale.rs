//! Scales, ticks, and the formatting of numbers and dates on the charts.

use chrono::{Datelike, Days, Months, NaiveDate};

/// Values beyond this magnitude are not plotted: no lift or measure comes
/// near it, and keeping it out keeps every span finite.
pub(crate) const MAX_ABS: f64 = 1e12;

/// Whether a value can be drawn.
pub(crate) fn plottable(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_ABS
}

/// A linear map from a data domain onto a range of drawing units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    /// `v` in drawing units; the middle of the range for an empty domain.
    pub fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span == 0.0 || !span.is_finite() {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (v - self.d0) / span * (self.r1 - self.r0)
    }
}

/// Round tick values covering a domain.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ticks {
    /// The domain, widened to whole steps.
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub values: Vec<f64>,
    /// Decimals that show every tick exactly.
    pub decimals: usize,
}

impl Ticks {
    /// A tick value as its label.
    pub fn label(&self, v: f64) -> String {
        if self.lo.abs().max(self.hi.abs()) >= 1e4 {
            compact(v)
        } else {
            signed(&format!("{:.*}", self.decimals, clean_zero(v)))
        }
    }
}

/// `lo..hi` made drawable: ordered, finite, and not empty. Equal values get
/// a margin of 10 % of their size (at least 0.5) on each side.
pub(crate) fn widen(lo: f64, hi: f64) -> (f64, f64) {
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let size = lo.abs().max(hi.abs());
    if hi - lo < (size * 1e-9).max(1e-9) {
        let mid = lo / 2.0 + hi / 2.0;
        let pad = (mid.abs() * 0.1).max(0.5);
        return (mid - pad, mid + pad);
    }
    (lo, hi)
}

/// 1, 2, 2.5 or 5 times a power of ten: the round step nearest above `raw`.
pub(crate) fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = [1.0, 2.0, 2.5, 5.0]
        .into_iter()
        .find(|n| norm <= n * (1.0 + 1e-9))
        .unwrap_or(10.0);
    nice * mag
}

/// About `target` round ticks covering `lo..hi` (after [`widen`]).
pub(crate) fn nice_ticks(lo: f64, hi: f64, target: usize) -> Ticks {
    let (lo, hi) = widen(lo, hi);
    let step = nice_step((hi - lo) / target.max(1) as f64);
    let a = (lo / step + 1e-9).floor();
    let b = (hi / step - 1e-9).ceil().max(a + 1.0);
    // Bounded: the step is at least span / target.
    let n = ((b - a) as usize).min(4 * target.max(1) + 2);
    let values = (0..=n).map(|i| clean_zero((a + i as f64) * step)).collect();
    Ticks {
        lo: a * step,
        hi: (a + n as f64) * step,
        step,
        values,
        decimals: decimals_for(step),
    }
}

/// Ticks from zero up to at least `max`, in whole numbers when `integer`.
pub(crate) fn zero_ticks(max: f64, target: usize, integer: bool) -> Ticks {
    let max = if plottable(max) && max > 0.0 {
        max
    } else {
        1.0
    };
    let mut ticks = nice_ticks(0.0, max, target);
    if integer && ticks.step < 1.0 {
        let n = max.ceil().max(1.0) as usize;
        ticks = Ticks {
            lo: 0.0,
            hi: n as f64,
            step: 1.0,
            values: (0..=n).map(|i| i as f64).collect(),
            decimals: 0,
        };
    }
    ticks
}

/// The fewest decimals (up to 12) that write `step` exactly.
pub(crate) fn decimals_for(step: f64) -> usize {
    (0..12)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(12)
}

fn clean_zero(v: f64) -> f64 {
    if v == 0.0 { 0.0 } else { v }
}

/// A typographic minus sign in place of a leading hyphen.
fn signed(text: &str) -> String {
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().any(|c| c != '0' && c != '.') => format!("\u{2212}{rest}"),
        Some(rest) => rest.to_owned(),
        None => text.to_owned(),
    }
}

/// Trailing zeros (and a trailing point) removed from a decimal number.
fn trim(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A large number with a k, M, G or T suffix and up to two decimals.
pub(crate) fn compact(v: f64) -> String {
    for (div, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")] {
        if v.abs() >= div {
            return signed(&format!("{}{suffix}", trim(format!("{:.2}", v / div))));
        }
    }
    signed(&trim(format!("{:.2}", clean_zero(v))))
}

/// A value for reading: three decimals below 1, two below 100, one above,
/// trailing zeros dropped, and a suffix from a million on.
pub(crate) fn value(v: f64) -> String {
    if !v.is_finite() {
        return "\u{2014}".to_owned();
    }
    let a = v.abs();
    if a >= 1e6 {
        return compact(v);
    }
    let decimals = if a >= 100.0 {
        1
    } else if a >= 1.0 {
        2
    } else {
        3
    };
    signed(&trim(format!("{:.*}", decimals, clean_zero(v))))
}

/// A value with its unit, e.g. "92.5 kg".
pub(crate) fn value_unit(v: f64, unit: &str) -> String {
    if unit.is_empty() {
        value(v)
    } else {
        format!("{} {unit}", value(v))
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The month's short English name.
pub(crate) fn month(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize % 12]
}

/// "12 Mar 2026".
pub(crate) fn date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month(date), date.year())
}

/// "12 Mar".
pub(crate) fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month(date))
}

/// A date as a number of days, for a [`Linear`] scale.
pub(crate) fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// A labelled tick on a time axis; `sub` is a second line (the year).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateTick {
    pub date: NaiveDate,
    pub label: String,
    pub sub: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum Every {
    Days(u64),
    Months(u32),
    Years(i32),
}

impl Every {
    fn approx_days(self) -> f64 {
        match self {
            Every::Days(n) => n as f64,
            Every::Months(n) => f64::from(n) * 30.44,
            Every::Years(n) => f64::from(n) * 365.25,
        }
    }
}

/// At most `max` ticks on round dates (days, Mondays, month starts, years)
/// between `d0` and `d1`, both included.
pub(crate) fn date_ticks(d0: NaiveDate, d1: NaiveDate, max: usize) -> Vec<DateTick> {
    let (d0, d1) = if d0 <= d1 { (d0, d1) } else { (d1, d0) };
    let max = max.max(2);
    let span = (d1 - d0).num_days() as f64;
    let mut every = [
        Every::Days(1),
        Every::Days(2),
        Every::Days(7),
        Every::Days(14),
        Every::Months(1),
        Every::Months(2),
        Every::Months(3),
        Every::Months(6),
    ]
    .into_iter()
    .find(|e| span / e.approx_days() <= (max - 1) as f64);
    if every.is_none() {
        let mut years = 1i32;
        while span / (f64::from(years) * 365.25) > (max - 1) as f64 && years < 100_000 {
            years = match years.to_string().as_bytes().first() {
                Some(b'1') => years * 2,
                Some(b'2') => years / 2 * 5,
                _ => years * 2,
            };
        }
        every = Some(Every::Years(years));
    }
    let every = every.unwrap_or(Every::Years(1));

    // The first round date on or after d0.
    let first = match every {
        Every::Days(1 | 2) => Some(d0),
        Every::Days(_) => {
            let back = u64::from(d0.weekday().num_days_from_monday());
            if back == 0 {
                Some(d0)
            } else {
                d0.checked_add_days(Days::new(7 - back))
            }
        }
        Every::Months(n) => {
            let start = d0.with_day(1);
            let mut m = start
                .filter(|s| *s >= d0)
                .or_else(|| start.and_then(|s| s.checked_add_months(Months::new(1))));
            while let Some(date) = m {
                if date.month0() % n == 0 || date > d1 {
                    break;
                }
                m = date.checked_add_months(Months::new(1));
            }
            m
        }
        Every::Years(n) => {
            let y = d0.year();
            let mut y = if d0.month() == 1 && d0.day() == 1 {
                y
            } else {
                y.saturating_add(1)
            };
            y = y.saturating_add((n - y.rem_euclid(n)) % n);
            NaiveDate::from_ymd_opt(y, 1, 1)
        }
    };

    let mut ticks: Vec<DateTick> = Vec::new();
    let mut next = first;
    while let Some(date) = next {
        if date > d1 || ticks.len() > max {
            break;
        }
        let year_changed = ticks.last().is_none_or(|t| t.date.year() != date.year());
        let (label, sub) = match every {
            Every::Years(_) => (date.year().to_string(), None),
            Every::Months(_) => (
                month(date).to_owned(),
                year_changed.then(|| date.year().to_string()),
            ),
            Every::Days(_) => (
                day_month(date),
                year_changed.then(|| date.year().to_string()),
            ),
        };
        ticks.push(DateTick { date, label, sub });
        next = match every {
            Every::Days(n) => date.checked_add_days(Days::new(n)),
            Every::Months(n) => date.checked_add_months(Months::new(n)),
            Every::Years(n) => NaiveDate::from_ymd_opt(date.year().saturating_add(n), 1, 1),
        };
    }
    ticks.truncate(max);
    ticks
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn linear_maps_ends_and_middle() {
        // Domain 60..100 onto 200..20 (SVG y grows downwards).
        let s = Linear {
            d0: 60.0,
            d1: 100.0,
            r0: 200.0,
            r1: 20.0,
        };
        assert_eq!(s.map(60.0), 200.0);
        assert_eq!(s.map(100.0), 20.0);
        assert_eq!(s.map(80.0), 110.0);
        // 70 is a quarter of the way: 200 - 0.25 * 180 = 155.
        assert_eq!(s.map(70.0), 155.0);
        let flat = Linear {
            d0: 5.0,
            d1: 5.0,
            r0: 0.0,
            r1: 10.0,
        };
        assert_eq!(flat.map(5.0), 5.0);
    }

    #[test]
    fn nice_steps_by_hand() {
        assert_eq!(nice_step(19.4), 20.0); // 1.94 × 10 -> 2 × 10
        assert_eq!(nice_step(6.24), 10.0); // 6.24 -> 10
        assert_eq!(nice_step(2.2), 2.5);
        assert_eq!(nice_step(0.3), 0.5);
        assert_eq!(nice_step(1.0), 1.0);
        assert_eq!(nice_step(1e11), 1e11);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn ticks_by_hand() {
        // 0..97 in about 5: step 97/5 = 19.4 -> 20, so 0, 20, ... 100.
        let t = nice_ticks(0.0, 97.0, 5);
        assert_eq!(t.values, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!((t.lo, t.hi, t.decimals), (0.0, 100.0, 0));
        // 61.3..92.5: step 31.2/5 = 6.24 -> 10, widened to 60..100.
        let t = nice_ticks(61.3, 92.5, 5);
        assert_eq!(t.values, vec![60.0, 70.0, 80.0, 90.0, 100.0]);
        // T-scores −2.5..−1.0: step 0.3 -> 0.5.
        let t = nice_ticks(-2.5, -1.0, 5);
        assert_eq!(t.values, vec![-2.5, -2.0, -1.5, -1.0]);
        assert_eq!(t.decimals, 1);
        assert_eq!(t.label(-2.5), "\u{2212}2.5");
        assert_eq!(t.label(-1.0), "\u{2212}1.0");
        // Step 2.5 needs one decimal.
        let t = nice_ticks(0.0, 11.0, 5);
        assert_eq!(t.step, 2.5);
        assert_eq!(t.values, vec![0.0, 2.5, 5.0, 7.5, 10.0, 12.5]);
        assert_eq!(t.label(7.5), "7.5");
        assert_eq!(t.label(0.0), "0.0");
    }

    #[test]
    fn equal_and_broken_domains_are_widened() {
        // 100 ± 10 %: 90..110, step 20/5 = 4 -> 5.
        let t = nice_ticks(100.0, 100.0, 5);
        assert_eq!(t.values, vec![90.0, 95.0, 100.0, 105.0, 110.0]);
        // Zero ± 0.5.
        assert_eq!(widen(0.0, 0.0), (-0.5, 0.5));
        assert_eq!(widen(3.0, 1.0), (1.0, 3.0));
        assert_eq!(widen(f64::NAN, 1.0), (0.0, 1.0));
        assert_eq!(widen(0.0, f64::INFINITY), (0.0, 1.0));
    }

    #[test]
    fn huge_values_get_round_ticks_and_short_labels() {
        let t = nice_ticks(0.0, 9e11, 5);
        assert_eq!(t.step, 2e11);
        assert_eq!(t.values.len(), 6);
        assert_eq!(t.label(4e11), "400G");
        assert_eq!(t.label(1e12), "1T");
        assert_eq!(compact(12_500.0), "12.5k");
        assert_eq!(compact(-2_000_000.0), "\u{2212}2M");
        assert!(t.values.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn integer_ticks_for_counts() {
        let t = zero_ticks(3.0, 4, true);
        assert_eq!(t.values, vec![0.0, 1.0, 2.0, 3.0]);
        let t = zero_ticks(0.0, 4, true);
        assert_eq!(t.values, vec![0.0, 1.0]);
        let t = zero_ticks(140.0, 5, false);
        assert_eq!(t.values, vec![0.0, 50.0, 100.0, 150.0]);
    }

    #[test]
    fn values_read_naturally() {
        assert_eq!(value(92.5), "92.5");
        assert_eq!(value(100.0), "100");
        assert_eq!(value(0.812), "0.812");
        assert_eq!(value(-1.8), "\u{2212}1.8");
        assert_eq!(value(-0.0001), "0");
        assert_eq!(value(27.25), "27.25");
        assert_eq!(value(1234.56), "1234.6");
        assert_eq!(value(3.5e9), "3.5G");
        assert_eq!(value(f64::NAN), "\u{2014}");
        assert_eq!(value_unit(80.0, "kg"), "80 kg");
        assert_eq!(value_unit(-1.2, ""), "\u{2212}1.2");
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(date(d(2026, 3, 9)), "9 Mar 2026");
        assert_eq!(day_month(d(2026, 12, 25)), "25 Dec");
        assert_eq!(day_number(d(1, 1, 1)), 1.0);
    }

    #[test]
    fn a_year_gets_quarter_ticks_with_the_year_once() {
        let t = date_ticks(d(2025, 1, 6), d(2025, 12, 29), 6);
        let labels: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
        // 357 days / 6 ticks: monthly and bimonthly give 12 and 6 — too
        // many — so every 3 months, aligned to January.
        assert_eq!(labels, ["Apr", "Jul", "Oct"]);
        assert_eq!(t[0].sub.as_deref(), Some("2025"));
        assert_eq!(t[1].sub, None);
        let t = date_ticks(d(2025, 11, 1), d(2026, 5, 1), 6);
        let labels: Vec<_> = t
            .iter()
            .map(|t| (t.label.as_str(), t.sub.as_deref()))
            .collect();
        assert_eq!(
            labels,
            [
                ("Nov", Some("2025")),
                ("Jan", Some("2026")),
                ("Mar", None),
                ("May", None)
            ]
        );
    }

    #[test]
    fn short_and_long_spans() {
        // A month: Mondays.
        let t = date_ticks(d(2026, 3, 1), d(2026, 3, 31), 6);
        let labels: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["2 Mar", "9 Mar", "16 Mar", "23 Mar", "30 Mar"]);
        // Ten years: every 2 years on even years.
        let t = date_ticks(d(2016, 5, 1), d(2026, 5, 1), 6);
        let labels: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["2018", "2020", "2022", "2024", "2026"]);
        // One day.
        let t = date_ticks(d(2026, 3, 1), d(2026, 3, 1), 6);
        assert_eq!(t.len(), 1);
        // The whole calendar: few ticks, no panic.
        let t = date_ticks(NaiveDate::MIN, NaiveDate::MAX, 6);
        assert!(t.len() <= 6);
    }
}
