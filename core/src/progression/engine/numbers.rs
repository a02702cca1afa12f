//! Units, rounding to half reps, and the RPE chart with its extension past 12 reps.

use super::*;

pub(super) fn is_weighted(e: &Exercise) -> bool {
    matches!(e.measure, Measure::WeightReps | Measure::WeightDistance)
}

pub(super) fn to_unit(kg: f64, unit: WeightUnit) -> f64 {
    kg / unit.base_factor()
}

pub(super) fn to_kg(value: f64, unit: WeightUnit) -> f64 {
    value * unit.base_factor()
}

/// A number without needless decimals.
pub(super) fn num(x: f64) -> String {
    crate::model::format_decimal(x, 2)
}

pub(super) fn show_kg(kg: f64, unit: WeightUnit) -> String {
    format!("{} {}", num(to_unit(kg, unit)), unit.symbol())
}

/// A fraction as a whole percent (half to even), as reasons state a share.
pub(super) fn percent(fraction: f64) -> f64 {
    (fraction * 100.0).round_ties_even()
}

/// A cut as a whole percent, at least 1 when there is one, so the reason
/// says what the load did.
pub(super) fn percent_cut(fraction: f64) -> f64 {
    let p = (fraction * 100.0).round();
    if fraction > 1e-9 { p.max(1.0) } else { p }
}

/// `kg` in the person's unit to 0.01, as a reason names it (rounded once,
/// as the English has always written it); zero for a load that is not a
/// number, which no stored state holds.
pub(super) fn shown_weight(kg: f64, unit: WeightUnit) -> Weight {
    weight((to_unit(kg, unit) * 100.0).round() / 100.0, unit).unwrap_or(Weight::from_milli(0, unit))
}

pub(super) fn weight(value: f64, unit: WeightUnit) -> Option<Weight> {
    Weight::new(value, unit)
}

/// The lightest load of an equipment, for technique work.
pub(super) fn lightest(loadout: &Loadout, equipment: Equipment) -> Option<f64> {
    match equipment {
        Equipment::Barbell | Equipment::EzBar | Equipment::TrapBar | Equipment::SmithMachine => {
            Some(loadout.bar)
        }
        Equipment::Dumbbell => Some(loadout.dumbbell_step),
        Equipment::Kettlebell => Some(loadout.kettlebell_step),
        Equipment::Machine | Equipment::Cable | Equipment::Sled => Some(loadout.machine_step),
        _ => None,
    }
}

/// Load for `reps` at `rir` from an e1RM, past the chart by Epley's inverse.
pub(super) fn load_at(e1rm: f64, reps: u16, rir: f64) -> f64 {
    strength::load_for(e1rm, u32::from(reps), rir)
        .unwrap_or_else(|| e1rm * beyond_chart(f64::from(reps) + rir))
}

/// Share of 1RM for reps to failure past the chart's 12: Epley's curve,
/// scaled to meet the chart at 12 so the two join without a jump.
pub(super) fn beyond_chart(reps_to_failure: f64) -> f64 {
    CHART_AT_12 * (1.0 + 12.0 / 30.0) / (1.0 + reps_to_failure.max(12.0) / 30.0)
}

/// The chart's last cell: 12 reps to failure.
pub(super) const CHART_AT_12: f64 = strength::CHART[11];

/// The top of a percentage band for `reps` on the one table, as a share of
/// the estimate: the program's top (`max_pct`), which rounding may pass by
/// [`PERCENT_ROUNDING`] (its percentages are approximate), never past the
/// chart at `floor_rir` for those reps (a cap on effort).
pub(super) fn band_top(max_pct: f64, reps: u16, floor_rir: f64) -> f64 {
    let chart = load_at(1.0, reps, floor_rir);
    if max_pct / 100.0 < chart {
        (max_pct / 100.0 + PERCENT_ROUNDING).min(chart)
    } else {
        chart
    }
}

/// Reps a working set loses to each set before it at the same load, with
/// `rest_s` between them.
pub(super) fn reps_lost_per_set(rest_s: u16) -> f64 {
    if rest_s < SHORT_REST_S {
        REPS_LOST_PER_SET_SHORT_REST
    } else {
        REPS_LOST_PER_SET
    }
}

/// Reps the last of `sets` working sets at one load loses to the ones
/// before it, up to the half rep: what the first set must leave in reserve
/// beyond the last set's.
pub(super) fn reps_lost_by_last_set(sets: usize, rest_s: u16) -> f64 {
    ceil_half(reps_lost_per_set(rest_s) * sets.saturating_sub(1) as f64)
}

/// The reserve the chart expects on each of `sets` working sets at one
/// load, the first at `first`: later sets leave less, never under 0.
pub(super) fn reserve_by_set(first: f64, sets: usize, rest_s: u16) -> Vec<f64> {
    let per_set = reps_lost_per_set(rest_s);
    (0..sets)
        .map(|i| half_step((first - per_set * i as f64).max(0.0)))
        .collect()
}

/// To the nearest half rep, the resolution people rate effort in.
pub(super) fn half_step(x: f64) -> f64 {
    (x * 2.0).round() / 2.0
}

/// Up to the next half rep.
pub(super) fn ceil_half(x: f64) -> f64 {
    (x * 2.0 - 1e-9).ceil() / 2.0
}

/// RIR the chart expects at `fraction` of 1RM for `reps`.
pub(super) fn rir_at(fraction: f64, reps: u16) -> f64 {
    strength::rir_for(1.0, u32::from(reps), fraction).unwrap_or_else(|| {
        // Lighter than the chart reaches: the inverse of `beyond_chart`.
        if fraction > 0.0 && fraction < CHART_AT_12 {
            (30.0 * (CHART_AT_12 * (1.0 + 12.0 / 30.0) / fraction - 1.0) - f64::from(reps)).max(0.0)
        } else {
            0.0
        }
    })
}
