//! Whether two DXA results differ by more than the scanner's precision.
//! A heuristic (docs/MEASURES.md, "The DXA precision rule"): changes of
//! 1-3% a year are near DXA precision, so only scans a year or more apart
//! that differ by more than 3% (0.3 SD for scores) count as a change.

use chrono::{Months, NaiveDate};
use serde::Serialize;

/// DXA heuristic: a bone density change is a change only beyond this
/// percentage (DXA precision is about 1-3%).
pub const DXA_CHANGE_PERCENT: f64 = 3.0;
/// DXA heuristic: a T- or Z-score change is a change only beyond this many
/// standard deviations (one SD is roughly 10% of young-adult bone density,
/// so 0.3 SD is about the 3% of [`DXA_CHANGE_PERCENT`]).
pub const DXA_CHANGE_SD: f64 = 0.3;
/// DXA heuristic: scans must be at least this many months apart to compare.
pub const DXA_MIN_MONTHS: u32 = 12;

/// How a change between two DXA results compares with the scanner's
/// precision (a heuristic: see docs/MEASURES.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DxaCall {
    /// At least a year apart and beyond 3% (0.3 SD for scores): a change.
    Change,
    /// At least a year apart but within 3% (0.3 SD): within DXA precision.
    WithinPrecision,
    /// Less than a year apart: too soon to tell.
    TooSoon,
}

impl DxaCall {
    /// The call on a change between scans taken on `earlier` and `later`:
    /// `percent` for bone density, `None` for scores, which are judged by
    /// the change in standard deviations (`absolute`).
    pub fn judge(
        earlier: NaiveDate,
        later: NaiveDate,
        percent: Option<f64>,
        absolute: f64,
    ) -> DxaCall {
        let year_apart = earlier
            .checked_add_months(Months::new(DXA_MIN_MONTHS))
            .is_some_and(|due| later >= due);
        let beyond = match percent {
            Some(p) => p.abs() > DXA_CHANGE_PERCENT,
            None => absolute.abs() > DXA_CHANGE_SD,
        };
        match (year_apart, beyond) {
            (false, _) => DxaCall::TooSoon,
            (true, true) => DxaCall::Change,
            (true, false) => DxaCall::WithinPrecision,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_year_apart_counts_from_the_same_day_of_the_month() {
        let judge = |later| DxaCall::judge(day(2024, 2, 29), later, Some(5.0), 0.05);
        assert_eq!(judge(day(2025, 2, 27)), DxaCall::TooSoon);
        assert_eq!(judge(day(2025, 2, 28)), DxaCall::Change);
    }

    #[test]
    fn density_is_judged_by_percent_and_scores_by_standard_deviations() {
        let (a, b) = (day(2025, 1, 10), day(2026, 1, 10));
        // A percentage decides even when the absolute change is large.
        assert_eq!(
            DxaCall::judge(a, b, Some(2.9), 0.5),
            DxaCall::WithinPrecision
        );
        assert_eq!(DxaCall::judge(a, b, Some(-3.01), 0.0), DxaCall::Change);
        assert_eq!(DxaCall::judge(a, b, None, -0.31), DxaCall::Change);
        assert_eq!(DxaCall::judge(a, b, None, 0.3), DxaCall::WithinPrecision);
    }
}
