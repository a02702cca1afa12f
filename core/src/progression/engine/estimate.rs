//! Estimated 1RM: seeded from history before a run, updated from each session.

use super::*;
use crate::progression::forecast::{ForecastSet, Forecaster};

/// The lift's state with an estimate seeded from history when the run has none.
pub(super) fn lift_state(input: &PlanInput, exercise_id: &str) -> (LiftState, Option<Why>) {
    let mut lift = input
        .run
        .lifts
        .get(exercise_id)
        .cloned()
        .unwrap_or_default();
    if lift.e1rm_kg.is_some() {
        return (lift, None);
    }
    let unit = input.athlete.unit;
    // Sessions of the run itself are already in its state; only what came
    // before the run seeds an estimate: the forecast of what the lifter can
    // do today (progression::forecast), from every lift's sessions, so that
    // the lifter's own track record weighs its parts.
    let before_run = input
        .history
        .iter()
        .filter(|w| w.date < input.run.started_on && w.date <= input.today);
    let mut forecaster = Forecaster::new(input.athlete.formula);
    // The latest session of this lift with a point: its best set names the
    // estimate's basis.
    let mut latest: Option<(NaiveDate, ForecastSet)> = None;
    let mut by_exercise: Vec<(&str, Vec<ForecastSet>)> = Vec::new();
    for w in before_run {
        by_exercise.clear();
        for s in w.sets.iter().filter(|s| s.is_work()) {
            let (Some(kg), Some(reps)) = (s.kg, s.reps) else {
                continue;
            };
            let set = ForecastSet {
                kg,
                reps,
                rir: s.rir,
            };
            match by_exercise.iter_mut().find(|(id, _)| *id == s.exercise_id) {
                Some((_, sets)) => sets.push(set),
                None => by_exercise.push((&s.exercise_id, vec![set])),
            }
        }
        for (id, sets) in &by_exercise {
            if let Some(point) = forecaster.observe(id, w.date, sets)
                && *id == exercise_id
            {
                latest = Some((w.date, sets[point.index]));
            }
        }
    }
    let best = forecaster
        .forecast(exercise_id, input.today)
        .zip(latest)
        .map(|(f, (date, set))| {
            // The return rule after a layoff (SCIENCE.md: restart at 85-90%
            // of the previous load) is a prescription's safety margin, not a
            // forecast: where it asks for more than detraining took, it
            // holds.
            let fresh = f.e1rm_kg / f.detraining;
            let kept = f.detraining.min(layoff_factor(f.days_off));
            let basis = Phrase::new("estimate-from-set")
                .weight("load", shown_weight(set.kg, unit))
                .count("reps", set.reps)
                .choice("effort", if set.rir.is_some() { "rir" } else { "none" })
                .number("rir", set.rir.unwrap_or(0.0))
                .date("date", date)
                .name("formula", input.athlete.formula.name())
                .choice("layoff", if kept < 1.0 { "yes" } else { "no" })
                .number("percent", ((1.0 - kept) * 100.0).round())
                .count("weeks", u64::try_from(f.days_off / 7).unwrap_or(0));
            (fresh * kept, basis)
        });
    let why = best.map(|(est, basis)| {
        lift.e1rm_kg = Some(est);
        let why = estimate_why(est, unit, &basis);
        keep_basis(&mut lift, basis);
        why
    });
    (lift, why)
}

/// Keeps how the estimate was made: as a phrase, and in English for readers
/// of `e1rm_source`.
pub(super) fn keep_basis(lift: &mut LiftState, basis: Phrase) {
    lift.e1rm_source = Some(Text::english(&basis));
    lift.e1rm_basis = Some(basis);
}

/// "Estimated 1RM 98.5 kg from 80 kg x 5 …": the estimate and how it was
/// made (`basis`, a phrase whose message has a `-why` twin that names the
/// estimate too).
pub(super) fn estimate_why(e1rm_kg: f64, unit: WeightUnit, basis: &Phrase) -> Why {
    let mut phrase = basis.clone();
    phrase.id.push_str("-why");
    Why::fact(phrase.estimate("estimate", to_unit(e1rm_kg, unit), unit))
}

/// Updates the e1RM from a session's sets (with their RIR, or the planned
/// one). Sets that ended near failure (RIR 3 or less; 4 for a first
/// estimate) move it, a lower one only halfway (against noise). Easier sets
/// count half of their reserve past RIR 3, and sets past the chart's 12 reps
/// to failure use Epley up to 20: lower bounds that can only raise it. [design]
///
/// `plan` is the slot's planned working sets. Where it expects later sets to
/// leave less in reserve than the first (a percentage slot, PROGRESSION.md
/// "Fatigue across sets"), a reserve logged near failure on a later set
/// counts that difference too: the fresh set it stands for, so the estimate
/// and the plan read one table. A set that ended short of its planned reps,
/// at failure (logged at RIR 0.5 or less, or not rated), is an upper bound:
/// the estimate is no higher than what it shows. [design]
pub(super) fn update_estimate(
    lift: &mut LiftState,
    sets: &[&PastSet],
    plan: &[PlannedSet],
    athlete: &Athlete,
    date: NaiveDate,
) {
    let most_rir = if lift.e1rm_kg.is_some() {
        CALIBRATION_RIR
    } else {
        CALIBRATION_RIR + 1.0
    };
    let formula: Formula = athlete.formula;
    let planned_rir = plan.first().and_then(|p| p.rir);
    let mut sure: Option<(f64, (f64, u32, f64))> = None;
    let mut bound: Option<(f64, (f64, u32, f64))> = None;
    let mut failed: Option<(f64, (f64, u32, f64))> = None;
    for (i, s) in sets.iter().enumerate() {
        let planned = plan.get(i).or(plan.last());
        // What the sets before this one cost, as the plan counted it.
        let cost = match (planned_rir, planned.and_then(|p| p.rir)) {
            (Some(first), Some(this)) => (first - this).max(0.0),
            _ => 0.0,
        };
        let (Some(kg), Some(reps)) = (s.kg, s.reps) else {
            continue;
        };
        if kg <= 0.0 || reps == 0 {
            continue;
        }
        let short = planned.is_some_and(|p| reps < u32::from(p.reps.min));
        if short && s.rir.is_none_or(|r| r <= GROUND_OUT_RIR) {
            let at = s.rir.unwrap_or(0.0) + cost;
            if let Some(est) = strength::e1rm(kg, reps, Some(at), formula)
                && failed.is_none_or(|(low, _)| est < low)
            {
                failed = Some((est, (kg, reps, at)));
            }
        }
        let rir = match s.rir {
            Some(logged) if logged <= CALIBRATION_RIR => logged + cost,
            Some(logged) => logged,
            None => match planned_rir {
                Some(r) => r,
                None => continue,
            },
        };
        let reliable = rir <= most_rir && f64::from(reps) + rir <= strength::MAX_EFFECTIVE_REPS;
        // Effort far from failure is judged loosely (errors of 2+ reps past
        // RIR 5): half of what is reported past RIR 3 counts. [design]
        let counted = if reliable || rir <= CALIBRATION_RIR {
            rir
        } else {
            CALIBRATION_RIR + (rir - CALIBRATION_RIR) / 2.0
        };
        let est = strength::e1rm(kg, reps, Some(counted), formula).or_else(|| {
            // Past the chart: the curve the plan uses there, as a rough
            // lower bound, to 20 reps to failure.
            let r = f64::from(reps) + counted;
            (r <= ROUGH_MAX_REPS).then(|| kg / beyond_chart(r))
        });
        let Some(est) = est else { continue };
        let slot = if reliable { &mut sure } else { &mut bound };
        if slot.is_none_or(|(best, _)| est > best) {
            *slot = Some((est, (kg, reps, counted)));
        }
    }
    // A set to failure short of its reps says what the others cannot raise.
    if let Some(f) = failed {
        if sure.is_none_or(|(best, _)| f.0 < best) {
            sure = Some(f);
        }
        bound = bound.filter(|(b, _)| *b <= f.0);
    }
    let describe = |(kg, reps, rir): (f64, u32, f64)| {
        Phrase::new("estimate-from-set")
            .weight("load", shown_weight(kg, athlete.unit))
            .count("reps", reps)
            .choice("effort", "rir")
            .number("rir", rir)
            .date("date", date)
            .name("formula", formula.name())
            .choice("layoff", "no")
    };
    if let Some((est, set)) = sure {
        let new = match lift.e1rm_kg {
            Some(old) if est < old => old + (est - old) / 2.0,
            _ => est,
        };
        lift.e1rm_kg = Some(new);
        keep_basis(lift, describe(set));
    }
    if let Some((est, set)) = bound
        && lift.e1rm_kg.is_none_or(|old| est > old)
    {
        lift.e1rm_kg = Some(est);
        keep_basis(lift, describe(set));
    }
}
