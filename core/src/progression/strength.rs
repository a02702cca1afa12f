//! Estimated one-rep max (e1RM) and the RPE chart: how heavy a set was
//! relative to what the person could lift once.
//!
//! Everything here works on plain `f64` loads in whatever unit the caller
//! uses; a result is in the unit of its input. Every function returns `None`
//! rather than guess outside the range the science covers (more than
//! [`MAX_EFFECTIVE_REPS`] reps to failure, zero reps, non-finite input), so a
//! caller can say "not enough data" instead of showing a made-up number.
//!
//! Sources are in SCIENCE.md, "Numbers the engine uses": Epley and Brzycki for
//! e1RM, the Tuchscherer chart (RPE 10 row) for %1RM. Published charts
//! disagree by a point or two per cell; this is one table, an approximation.

pub use crate::model::Formula;

/// Highest reps-to-failure (reps + RIR) the estimates are trusted for.
pub const MAX_EFFECTIVE_REPS: f64 = 12.0;

/// %1RM for 1..=12 reps to failure (Tuchscherer, RPE 10 row), as fractions.
pub const CHART: [f64; 12] = [
    1.0, 0.955, 0.922, 0.892, 0.863, 0.837, 0.811, 0.786, 0.762, 0.739, 0.717, 0.694,
];

/// Effective reps whose estimates `best_estimate` prefers over the rest.
const PREFERRED_EFFECTIVE_REPS: std::ops::RangeInclusive<f64> = 2.0..=8.0;

/// Reps to failure (`reps + rir`), or `None` when the set is outside the chart.
fn effective_reps(reps: u32, rir: f64) -> Option<f64> {
    if reps == 0 || !rir.is_finite() || rir < 0.0 {
        return None;
    }
    let eff = f64::from(reps) + rir;
    (eff <= MAX_EFFECTIVE_REPS).then_some(eff)
}

/// The chart at a (possibly fractional) number of reps to failure in 1..=12.
fn chart_at(eff: f64) -> Option<f64> {
    if !(1.0..=MAX_EFFECTIVE_REPS).contains(&eff) {
        return None;
    }
    // `eff` is in 1..=12, so both indices are in 0..12 and the casts are exact.
    let lo = (eff.floor() as usize).saturating_sub(1);
    let hi = (eff.ceil() as usize).saturating_sub(1);
    let (a, b) = (CHART.get(lo)?, CHART.get(hi)?);
    let t = eff - eff.floor();
    Some(a + (b - a) * t)
}

/// Fraction of 1RM (0..=1) that can be lifted for `reps` with `rir` reps left
/// in reserve, from the Tuchscherer chart (RPE 10 row for reps 1-12: 100,
/// 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 71.7, 69.4).
///
/// `reps` at RIR `x` uses the cell for `reps + x`; fractional RIR (half
/// steps) interpolates linearly between cells. `None` when `reps == 0`,
/// `rir < 0`, `rir` is not finite, or `reps + rir > 12`.
pub fn fraction_of_1rm(reps: u32, rir: f64) -> Option<f64> {
    chart_at(effective_reps(reps, rir)?)
}

/// Estimated one-rep max from a set: `weight` (any unit; the result is in the
/// same unit), `reps` done, and the RIR if known.
///
/// Uses effective reps = reps + RIR; an unknown RIR counts as 0 (as if to
/// failure), which under-estimates: the safe side. `None` when `weight` is not
/// a positive finite number, `reps == 0`, the RIR is negative or not finite,
/// or effective reps exceed [`MAX_EFFECTIVE_REPS`].
pub fn e1rm(weight: f64, reps: u32, rir: Option<f64>, formula: Formula) -> Option<f64> {
    if !weight.is_finite() || weight <= 0.0 {
        return None;
    }
    let r = effective_reps(reps, rir.unwrap_or(0.0))?;
    let factor = match formula {
        // Epley over-states a single (1 + 1/30); a true single is the max
        // itself. Between 1 and 2 effective reps (a single at RIR 0.5) blend
        // linearly towards Epley at 2 so the estimate never jumps or falls as
        // reps in reserve grow.
        Formula::Epley if r < 2.0 => 1.0 + (r - 1.0) * (2.0 / 30.0),
        Formula::Epley => 1.0 + r / 30.0,
        Formula::Brzycki => 36.0 / (37.0 - r),
    };
    let est = weight * factor;
    est.is_finite().then_some(est)
}

/// The load for `reps` at `rir` given an e1RM, from the chart
/// ([`fraction_of_1rm`]). `None` when `e1rm` is not a positive finite number
/// or the reps and RIR are outside the chart.
pub fn load_for(e1rm: f64, reps: u32, rir: f64) -> Option<f64> {
    if !e1rm.is_finite() || e1rm <= 0.0 {
        return None;
    }
    let load = e1rm * fraction_of_1rm(reps, rir)?;
    load.is_finite().then_some(load)
}

/// The RIR the chart predicts for `reps` at `load` given `e1rm`: the inverse
/// of [`load_for`], possibly fractional.
///
/// Clamped at 0 when the load is at or above what the chart allows for that
/// many reps (the chart cannot say how far past failure a set is). `None` when
/// an input is not a positive finite number, `reps` is 0 or above 12, or the
/// load is so light that it would take more than 12 reps to failure.
pub fn rir_for(e1rm: f64, reps: u32, load: f64) -> Option<f64> {
    if !e1rm.is_finite() || e1rm <= 0.0 || !load.is_finite() || load <= 0.0 {
        return None;
    }
    let first = usize::try_from(reps).ok()?.checked_sub(1)?;
    let f = load / e1rm;
    // A load computed from the chart can land a rounding error below a cell;
    // count that as on the cell, not off the chart.
    const SLACK: f64 = 1e-12;
    let top = *CHART.get(first)?;
    if f >= top - SLACK {
        return Some(0.0);
    }
    // The chart falls strictly, so exactly one segment brackets `f`.
    for (i, pair) in CHART.windows(2).enumerate().skip(first) {
        let (a, b) = (pair[0], pair[1]);
        if f >= b - SLACK {
            let x = (i - first) as f64 + ((a - f) / (a - b)).min(1.0);
            return Some(x);
        }
    }
    None
}

/// The best e1RM among `sets` of `(weight, reps, rir)`, with the index of the
/// set it came from.
///
/// Sets of 2-8 effective reps are preferred because estimates are most
/// accurate near 3-6 (SCIENCE.md) and drift for singles and long sets: if any
/// set with a valid estimate is in that range only those count, otherwise all
/// valid sets do. Ties go to the earliest set. `None` when no set has a valid
/// estimate (see [`e1rm`]).
pub fn best_estimate(sets: &[(f64, u32, Option<f64>)], formula: Formula) -> Option<(usize, f64)> {
    let candidates: Vec<(usize, f64, bool)> = sets
        .iter()
        .enumerate()
        .filter_map(|(i, &(w, reps, rir))| {
            let est = e1rm(w, reps, rir, formula)?;
            let eff = effective_reps(reps, rir.unwrap_or(0.0))?;
            Some((i, est, PREFERRED_EFFECTIVE_REPS.contains(&eff)))
        })
        .collect();
    let any_preferred = candidates.iter().any(|c| c.2);
    candidates
        .into_iter()
        .filter(|c| c.2 || !any_preferred)
        .fold(None, |best: Option<(usize, f64)>, (i, est, _)| match best {
            Some((_, b)) if b >= est => best,
            _ => Some((i, est)),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn formula_names_and_json() {
        assert_eq!(Formula::Epley.name(), "Epley");
        assert_eq!(Formula::Brzycki.name(), "Brzycki");
        assert_eq!(
            serde_json::to_string(&Formula::Epley).unwrap(),
            r#""epley""#
        );
        let f: Formula = serde_json::from_str(r#""brzycki""#).unwrap();
        assert_eq!(f, Formula::Brzycki);
    }

    #[test]
    fn chart_cells() {
        assert_eq!(fraction_of_1rm(1, 0.0), Some(1.0));
        assert_eq!(fraction_of_1rm(5, 0.0), Some(0.863));
        assert_eq!(fraction_of_1rm(12, 0.0), Some(0.694));
        // 3 reps with 2 in reserve is the 5-rep cell.
        assert_eq!(fraction_of_1rm(3, 2.0), Some(0.863));
        assert_eq!(fraction_of_1rm(1, 11.0), Some(0.694));
    }

    #[test]
    fn chart_half_steps_interpolate() {
        // 5 reps @ RIR 1.5 -> halfway between 6 (83.7) and 7 (81.1) = 82.4.
        assert!(close(fraction_of_1rm(5, 1.5).unwrap(), 0.824));
        // A single at RPE 9.5: halfway between 100 and 95.5.
        assert!(close(fraction_of_1rm(1, 0.5).unwrap(), 0.9775));
    }

    #[test]
    fn chart_rejects_what_it_does_not_cover() {
        assert_eq!(fraction_of_1rm(0, 0.0), None);
        assert_eq!(fraction_of_1rm(5, -1.0), None);
        assert_eq!(fraction_of_1rm(5, f64::NAN), None);
        assert_eq!(fraction_of_1rm(5, f64::INFINITY), None);
        assert_eq!(fraction_of_1rm(12, 0.5), None);
        assert_eq!(fraction_of_1rm(13, 0.0), None);
        assert_eq!(fraction_of_1rm(u32::MAX, 0.0), None);
    }

    #[test]
    fn epley_by_hand() {
        // 100 x 5: 100 * (1 + 5/30) = 116.67
        assert!(close(
            e1rm(100.0, 5, None, Formula::Epley).unwrap(),
            116.666_666_666_666_67
        ));
        // 100 x 5 @ 2 RIR counts as 7 reps: 100 * 37/30 = 123.33
        assert!(close(
            e1rm(100.0, 5, Some(2.0), Formula::Epley).unwrap(),
            123.333_333_333_333_33
        ));
        assert_eq!(e1rm(100.0, 1, None, Formula::Epley), Some(100.0));
        assert_eq!(e1rm(100.0, 1, Some(0.0), Formula::Epley), Some(100.0));
        // 12 reps to failure is the last trusted: 100 * 1.4
        assert!(close(e1rm(100.0, 12, None, Formula::Epley).unwrap(), 140.0));
        // 225 lb x 3: 225 * 1.1 = 247.5
        assert!(close(e1rm(225.0, 3, None, Formula::Epley).unwrap(), 247.5));
    }

    #[test]
    fn epley_between_one_and_two_reps_blends_to_a_single() {
        // A single @ RIR 0.5: halfway from 100 (r = 1) to 106.67 (r = 2).
        assert!(close(
            e1rm(100.0, 1, Some(0.5), Formula::Epley).unwrap(),
            103.333_333_333_333_33
        ));
        assert!(close(
            e1rm(100.0, 2, None, Formula::Epley).unwrap(),
            106.666_666_666_666_67
        ));
    }

    #[test]
    fn brzycki_by_hand() {
        assert_eq!(e1rm(100.0, 1, None, Formula::Brzycki), Some(100.0));
        // 100 x 5: 100 * 36/32 = 112.5
        assert!(close(
            e1rm(100.0, 5, None, Formula::Brzycki).unwrap(),
            112.5
        ));
        // 100 x 8 @ 2: 10 reps -> 100 * 36/27 = 133.33
        assert!(close(
            e1rm(100.0, 8, Some(2.0), Formula::Brzycki).unwrap(),
            133.333_333_333_333_34
        ));
    }

    #[test]
    fn e1rm_rejects_bad_sets() {
        for f in [Formula::Epley, Formula::Brzycki] {
            assert_eq!(e1rm(0.0, 5, None, f), None);
            assert_eq!(e1rm(-50.0, 5, None, f), None);
            assert_eq!(e1rm(f64::NAN, 5, None, f), None);
            assert_eq!(e1rm(f64::INFINITY, 5, None, f), None);
            assert_eq!(e1rm(100.0, 0, None, f), None);
            assert_eq!(e1rm(100.0, 13, None, f), None);
            assert_eq!(e1rm(100.0, 10, Some(3.0), f), None);
            assert_eq!(e1rm(100.0, 5, Some(-1.0), f), None);
            assert_eq!(e1rm(100.0, 5, Some(f64::NAN), f), None);
            // Finite in, overflow out: no infinity leaks.
            assert_eq!(e1rm(f64::MAX, 12, None, f), None);
        }
    }

    #[test]
    fn load_for_by_hand() {
        // 5 @ 2 RIR is the 7-rep cell, 81.1%.
        assert!(close(load_for(100.0, 5, 2.0).unwrap(), 81.1));
        assert!(close(load_for(200.0, 3, 0.0).unwrap(), 184.4));
        assert_eq!(load_for(0.0, 5, 0.0), None);
        assert_eq!(load_for(f64::NAN, 5, 0.0), None);
        assert_eq!(load_for(100.0, 11, 2.0), None);
    }

    #[test]
    fn rir_for_by_hand() {
        assert!(close(rir_for(100.0, 5, 81.1).unwrap(), 2.0));
        // 82.4% is halfway between the 6- and 7-rep cells: 1.5 RIR for 5 reps.
        assert!(close(rir_for(100.0, 5, 82.4).unwrap(), 1.5));
        assert!(close(rir_for(100.0, 1, 69.4).unwrap(), 11.0));
        // At or above the chart's load for 5 reps: clamped to 0.
        assert_eq!(rir_for(100.0, 5, 86.3), Some(0.0));
        assert_eq!(rir_for(100.0, 5, 120.0), Some(0.0));
        assert_eq!(rir_for(100.0, 12, 69.4), Some(0.0));
    }

    #[test]
    fn rir_for_rejects_what_the_chart_cannot_say() {
        assert_eq!(rir_for(100.0, 5, 60.0), None);
        assert_eq!(rir_for(100.0, 0, 80.0), None);
        assert_eq!(rir_for(100.0, 13, 50.0), None);
        assert_eq!(rir_for(0.0, 5, 80.0), None);
        assert_eq!(rir_for(100.0, 5, 0.0), None);
        assert_eq!(rir_for(100.0, 5, f64::NAN), None);
        assert_eq!(rir_for(f64::INFINITY, 5, 80.0), None);
        assert_eq!(rir_for(100.0, u32::MAX, 80.0), None);
    }

    #[test]
    fn best_estimate_prefers_moderate_reps() {
        // The single gives the highest number (140) but 2-8 reps are preferred.
        let sets = [(100.0, 5, None), (140.0, 1, None), (80.0, 12, None)];
        let (i, est) = best_estimate(&sets, Formula::Epley).unwrap();
        assert_eq!(i, 0);
        assert!(close(est, 116.666_666_666_666_67));
    }

    #[test]
    fn best_estimate_falls_back_to_all_valid_sets() {
        // Neither set is in 2-8 reps: the higher estimate wins (140 vs 80 * 1.4 = 112).
        let sets = [(140.0, 1, None), (80.0, 12, None)];
        assert_eq!(best_estimate(&sets, Formula::Epley), Some((0, 140.0)));
    }

    #[test]
    fn best_estimate_counts_rir_and_skips_invalid_sets() {
        // 100 x 3 @ 1 is 4 effective reps: 100 * 34/30 = 113.33; it beats 105 x 2 (112).
        let sets = [
            (0.0, 5, None),
            (100.0, 0, None),
            (105.0, 2, None),
            (100.0, 3, Some(1.0)),
            (f64::NAN, 3, None),
        ];
        let (i, est) = best_estimate(&sets, Formula::Epley).unwrap();
        assert_eq!(i, 3);
        assert!(close(est, 113.333_333_333_333_33));
        assert_eq!(best_estimate(&[], Formula::Epley), None);
        assert_eq!(best_estimate(&[(0.0, 5, None)], Formula::Brzycki), None);
    }

    #[test]
    fn best_estimate_ties_go_to_the_first_set() {
        let sets = [(100.0, 5, None), (100.0, 5, None)];
        assert_eq!(best_estimate(&sets, Formula::Brzycki), Some((0, 112.5)));
    }

    proptest! {
        #[test]
        fn never_panics(w in proptest::num::f64::ANY, reps in any::<u32>(), rir in proptest::option::of(proptest::num::f64::ANY)) {
            for f in [Formula::Epley, Formula::Brzycki] {
                if let Some(e) = e1rm(w, reps, rir, f) {
                    prop_assert!(e.is_finite() && e >= w);
                }
                let _ = best_estimate(&[(w, reps, rir)], f);
            }
            let x = rir.unwrap_or(0.0);
            if let Some(p) = fraction_of_1rm(reps, x) {
                prop_assert!((0.694..=1.0).contains(&p));
            }
            let _ = load_for(w, reps, x);
            let _ = rir_for(w, reps, x);
        }

        #[test]
        fn rir_for_inverts_load_for(e in 1.0f64..1000.0, reps in 1u32..=12, t in 0.0f64..=1.0) {
            let rir = t * (12 - reps) as f64;
            let load = load_for(e, reps, rir).unwrap();
            let back = rir_for(e, reps, load).unwrap();
            prop_assert!((back - rir).abs() < 1e-6, "{rir} -> {load} -> {back}");
        }

        #[test]
        fn more_reserve_means_a_lighter_load(reps in 1u32..=12, a in 0.0f64..11.0, b in 0.0f64..11.0) {
            if let (Some(fa), Some(fb)) = (fraction_of_1rm(reps, a), fraction_of_1rm(reps, b)) {
                if a < b {
                    prop_assert!(fa > fb);
                }
            }
        }

        #[test]
        fn more_effective_reps_never_lower_the_estimate(w in 1.0f64..500.0, reps in 1u32..=12, a in 0.0f64..11.0, b in 0.0f64..11.0) {
            for f in [Formula::Epley, Formula::Brzycki] {
                if let (Some(ea), Some(eb)) = (e1rm(w, reps, Some(a), f), e1rm(w, reps, Some(b), f)) {
                    if a <= b {
                        prop_assert!(ea <= eb);
                    }
                }
            }
        }
    }
}
