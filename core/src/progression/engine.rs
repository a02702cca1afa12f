//! The engine: `start` a run, `plan` today's session, `advance` after it.
//!
//! All three are pure functions of the program, the run state, the athlete,
//! the catalog, past workouts and a date.

use chrono::{Datelike, Days, NaiveDate};

use super::athlete::Athlete;
use super::history::PastWorkout;
use super::loading::{self, Loadout};
use super::plan::{
    DOSE_LIMIT, DOSE_MAX, DoseLevel, ExercisePlan, PhasePosition, PlannedLoad, PlannedSet,
    SessionPlan, Swap, Warning, WarningCode, WeeklyDose, Why,
};
use super::program::{Day, ExerciseLookup, Intensity, PhaseKind, Program, RepRange, Rule, Slot};
use super::safety;
use super::state::{LiftState, Ramp, RampReason, RunState};
use super::strength::{self, Formula};
use crate::model::{Equipment, Exercise, Measure, Pattern, SetKind, Unit, Weight, WeightUnit};

/// Weeks of the familiarization ramp the engine adds to heavy programs that have none.
pub const RAMP_WEEKS: u32 = 4;
/// Weeks of re-familiarization after a long layoff.
pub const RETURN_RAMP_WEEKS: u32 = 2;
/// Days off after which loads are reduced (SCIENCE.md: < 2-3 weeks, resume).
pub const LAYOFF_DAYS: i64 = 21;
/// Days off after which technique is practised again ("months off").
pub const LONG_LAYOFF_DAYS: i64 = 112;
/// Sessions without progress before a deload (SCIENCE.md stall rule).
pub const STALL_SESSIONS: u8 = 3;
/// Load cut of a stall deload.
pub const DELOAD_FRACTION: f64 = 0.10;
/// Load cut in a planned deload phase.
pub const DELOAD_PHASE_FACTOR: f64 = 0.90;
/// Highest share of e1RM before familiarization is passed with low bone mass.
pub const LOW_BONE_MASS_CAP: f64 = 0.70;
/// History older than this does not seed an estimate.
pub const SEED_MAX_DAYS: i64 = 365;
/// Days between hard sessions for the same pattern (ACSM 48-72 h).
pub const SAME_PATTERN_DAYS: i64 = 2;
/// Pain score that holds the load.
pub const PAIN_HOLD: u8 = 4;
/// Pain score that reduces the load and offers a swap.
pub const PAIN_REDUCE: u8 = 6;
/// Largest load increase taken in one step; a bigger plate step waits for extra reps. [design]
pub const MAX_JUMP: f64 = 0.10;
/// Fewest reps of a working set taken after a big step (SCIENCE.md: 3-10).
pub const MIN_REPS: u16 = 3;
/// Reps a slot may climb above its range before a too-big step is taken anyway.
pub const EXTRA_REPS: u16 = 2;
/// A last set at or under this RIR was ground out: the load holds. [design]
pub const GROUND_OUT_RIR: f64 = 0.5;
/// Reps to failure up to which a set past the chart still gives a rough bound.
pub const ROUGH_MAX_REPS: f64 = 20.0;
/// Most reps in reserve of a set that refines an estimate (RPE 7).
pub const CALIBRATION_RIR: f64 = 3.0;
/// Tolerance when comparing a lifted load with the prescribed one (rounding, unit conversion).
const LOAD_TOLERANCE: f64 = 0.99;

/// Everything a plan depends on.
#[derive(Clone, Copy)]
pub struct PlanInput<'a> {
    /// The program.
    pub program: &'a Program,
    /// Where the person is in it.
    pub run: &'a RunState,
    /// The person.
    pub athlete: &'a Athlete,
    /// The catalog (built-in and custom exercises).
    pub exercises: &'a dyn ExerciseLookup,
    /// Past workouts, oldest first, not including the session being planned.
    pub history: &'a [PastWorkout],
    /// The day to plan for.
    pub today: NaiveDate,
}

/// A new run of `program` starting on `today`: decides whether a
/// familiarization ramp goes first.
pub fn start(
    program: &Program,
    athlete: &Athlete,
    history: &[PastWorkout],
    today: NaiveDate,
) -> (RunState, Vec<Why>) {
    let mut run = RunState::new(&program.id, today);
    let mut why = Vec::new();
    let weekly = u32::from(program.session_minutes) * u32::from(program.sessions_per_week);
    if weekly > DOSE_LIMIT {
        why.push(Why::fact(format!(
            "This program plans about {weekly} min of lifting a week: above {DOSE_LIMIT} min the benefit seen in cohorts is gone. Consider fewer sessions or a shorter program."
        )));
    } else if weekly > DOSE_MAX {
        why.push(Why::fact(format!(
            "This program plans about {weekly} min of lifting a week, above the 40-{DOSE_MAX} min where the benefit peaks."
        )));
    }
    let last_lift = history
        .iter()
        .rev()
        .find(|w| w.sets.iter().any(|s| s.is_work() && s.kg.is_some()));
    let days_off = last_lift.map(|w| (today - w.date).num_days());
    let ramp = |reason| Ramp {
        done: 0,
        total: RAMP_WEEKS * u32::from(program.sessions_per_week),
        reason,
    };
    if program.has_familiarization() {
        why.push(Why::fact(
            "The program starts by learning the lifts at light loads.",
        ));
    } else if !program.heavy {
        run.familiarized = true;
    } else if athlete.low_bone_mass {
        run.ramp = Some(ramp(RampReason::LowBoneMass));
        why.push(Why::fact(
            "With low bone mass, technique comes before heavy loads (LIFTMOR, ESSA 2017): \
             4 weeks of familiarization first.",
        ));
    } else if days_off.is_none() {
        run.ramp = Some(ramp(RampReason::NewLifter));
        why.push(Why::heuristic(
            "No lifting logged yet: 4 weeks of technique and light loads first.",
        ));
    } else if days_off.is_some_and(|d| d >= LONG_LAYOFF_DAYS) {
        run.ramp = Some(ramp(RampReason::LongLayoff));
        why.push(Why::heuristic(
            "Months since the last heavy lifting: technique and light loads first.",
        ));
    } else {
        run.familiarized = true;
    }
    (run, why)
}

/// Where the next session sits in the program.
struct Position<'p> {
    phase: PhasePosition,
    day: &'p Day,
    ramp: Option<Ramp>,
}

/// The phase that supplies the days of an added ramp: the first training phase.
fn ramp_days(program: &Program) -> &[Day] {
    let phase = program
        .phases
        .iter()
        .find(|p| p.kind == PhaseKind::Training)
        .or(program.phases.first());
    phase.map(|p| p.days.as_slice()).unwrap_or(&[])
}

fn position<'p>(program: &'p Program, run: &RunState, ramp: Option<Ramp>) -> Option<Position<'p>> {
    if let Some(ramp) = ramp {
        let days = ramp_days(program);
        let day = days.get(ramp.done as usize % days.len().max(1))?;
        return Some(Position {
            phase: PhasePosition {
                id: "ramp".into(),
                name: "Familiarization".into(),
                kind: PhaseKind::Familiarization,
                session: ramp.done.saturating_add(1),
                sessions: ramp.total,
            },
            day,
            ramp: Some(ramp),
        });
    }
    let index = run.phase.min(program.phases.len().saturating_sub(1));
    let phase = program.phases.get(index)?;
    let day = phase
        .days
        .get(run.session_in_phase as usize % phase.days.len().max(1))?;
    Some(Position {
        phase: PhasePosition {
            id: phase.id.clone(),
            name: phase.name.clone(),
            kind: phase.kind,
            session: run.session_in_phase.saturating_add(1),
            sessions: program.phase_sessions(index),
        },
        day,
        ramp: None,
    })
}

/// Days since the last session of the run (or of any lifting when the run is new).
fn days_off(input: &PlanInput) -> Option<i64> {
    let last = input
        .run
        .last_session_on
        .or_else(|| input.history.last().map(|w| w.date))?;
    Some((input.today - last).num_days())
}

/// Share of the previous load to resume at after `days` off. [design, SCIENCE.md layoffs]
pub fn layoff_factor(days: i64) -> f64 {
    match days {
        d if d < LAYOFF_DAYS => 1.0,
        d if d < 56 => 0.90,
        d if d < LONG_LAYOFF_DAYS => 0.85,
        _ => 0.80,
    }
}

/// The ramp in force: the run's own, or a new one after a long layoff.
fn effective_ramp(input: &PlanInput) -> Option<Ramp> {
    if input.run.ramp.is_some() {
        return input.run.ramp;
    }
    let long = input.run.last_session_on.is_some()
        && days_off(input).is_some_and(|d| d >= LONG_LAYOFF_DAYS);
    (long && input.program.heavy).then(|| Ramp {
        done: 0,
        total: RETURN_RAMP_WEEKS * u32::from(input.program.sessions_per_week),
        reason: RampReason::LongLayoff,
    })
}

/// The lift's state with an estimate seeded from history when the run has none.
fn lift_state(input: &PlanInput, exercise_id: &str) -> (LiftState, Option<Why>) {
    let mut lift = input
        .run
        .lifts
        .get(exercise_id)
        .cloned()
        .unwrap_or_default();
    if lift.e1rm_kg.is_some() {
        return (lift, None);
    }
    let mut best: Option<(f64, String)> = None;
    // Sessions of the run itself are already in its state; only what came
    // before the run seeds an estimate.
    for w in input
        .history
        .iter()
        .rev()
        .filter(|w| w.date < input.run.started_on)
    {
        let age = (input.today - w.date).num_days();
        if age > SEED_MAX_DAYS {
            break;
        }
        let sets: Vec<(f64, u32, Option<f64>)> = w
            .sets
            .iter()
            .filter(|s| s.exercise_id == exercise_id && s.is_work())
            .filter_map(|s| Some((s.kg?, s.reps?, s.rir)))
            .collect();
        if let Some((i, est)) = strength::best_estimate(&sets, input.athlete.formula) {
            let factor = layoff_factor(age);
            let est = est * factor;
            if best.as_ref().is_none_or(|(b, _)| est > *b) {
                let (kg, reps, rir) = sets[i];
                let mut text = format!(
                    "from {} x {reps}{} on {} ({})",
                    show_kg(kg, input.athlete.unit),
                    rir.map(|r| format!(" at RIR {}", num(r)))
                        .unwrap_or_default(),
                    w.date,
                    input.athlete.formula.name()
                );
                if factor < 1.0 {
                    text.push_str(&format!(
                        ", less {:.0}% for {} weeks since",
                        (1.0 - factor) * 100.0,
                        age / 7
                    ));
                }
                best = Some((est, text));
            }
        }
    }
    let why = best.map(|(est, text)| {
        lift.e1rm_kg = Some(est);
        lift.e1rm_source = Some(text.clone());
        Why::fact(format!(
            "Estimated 1RM {} {text}.",
            show_kg(est, input.athlete.unit)
        ))
    });
    (lift, why)
}

/// The slot's first allowed alternative, else the closest allowed catalog exercise.
fn stand_in<'a>(
    slot: &Slot,
    wanted: &Exercise,
    athlete: &Athlete,
    lookup: &'a dyn ExerciseLookup,
) -> Option<&'a Exercise> {
    slot.alternatives
        .iter()
        .filter_map(|id| lookup.exercise(id))
        .find(|e| safety::allowed(e, athlete))
        .or_else(|| safety::replacement(wanted, athlete, lookup))
}

/// Chooses what to do for a slot: the variation reached, then equipment, then safety.
fn choose<'a>(slot: &Slot, input: &PlanInput<'a>) -> Option<(&'a Exercise, Option<Swap>)> {
    let lookup = input.exercises;
    let athlete = input.athlete;
    let base = lookup.exercise(&slot.exercise)?;
    let variation = input
        .run
        .lifts
        .get(&slot.exercise)
        .map(|l| l.variation)
        .unwrap_or(0) as usize;
    let mut wanted = match variation {
        0 => base,
        v => slot
            .harder
            .get(v - 1)
            .and_then(|id| lookup.exercise(id))
            .unwrap_or(base),
    };
    let mut swap = None;
    let too_heavy = input
        .run
        .lifts
        .get(&slot.exercise)
        .is_some_and(|l| l.lightest_too_heavy);
    if too_heavy && wanted.id == base.id {
        let lighter = slot
            .alternatives
            .iter()
            .filter_map(|id| lookup.exercise(id))
            .find(|e| e.equipment != base.equipment && safety::allowed(e, athlete));
        if let Some(alt) = lighter {
            swap = Some(Swap {
                from_id: base.id.clone(),
                from_name: base.name.clone(),
                reason: format!(
                    "even the lightest {} load was near your limit; {} allows lighter steps",
                    base.equipment, alt.equipment
                ),
            });
            wanted = alt;
        }
    }
    if !athlete.can_do(wanted) {
        let alt = stand_in(slot, wanted, athlete, lookup)?;
        swap = Some(Swap {
            from_id: wanted.id.clone(),
            from_name: wanted.name.clone(),
            reason: format!(
                "{} needs {} equipment you do not have",
                wanted.name, wanted.equipment
            ),
        });
        wanted = alt;
    }
    if let Some(reason) = safety::unsafe_reason(wanted, athlete) {
        let alt = stand_in(slot, wanted, athlete, lookup)?;
        swap = Some(Swap {
            from_id: swap.map(|s| s.from_id).unwrap_or_else(|| wanted.id.clone()),
            from_name: wanted.name.clone(),
            reason: reason.to_owned(),
        });
        wanted = alt;
    }
    Some((wanted, swap))
}

/// The key a lift's state is kept under: rules that move through variations
/// keep one state for the slot, the others one per exercise done.
fn state_key<'a>(slot: &'a Slot, exercise: &'a Exercise) -> &'a str {
    if slot.rule == Rule::RepsThenHarder {
        &slot.exercise
    } else {
        &exercise.id
    }
}

/// Increment as a fraction of the load, by body part and age (SCIENCE.md). [design within the ranges]
pub fn increment_fraction(slot: &Slot, exercise: &Exercise, athlete: &Athlete) -> f64 {
    if let Some(i) = slot.increment {
        return i;
    }
    let lower = matches!(
        exercise.pattern,
        Pattern::Squat | Pattern::Hinge | Pattern::Lunge
    );
    match (lower, athlete.is_older()) {
        (true, false) => 0.05,
        (true, true) => 0.025,
        (false, false) => 0.025,
        (false, true) => 0.02,
    }
}

/// The intensity a slot has in this session, after ramp, phase and safety.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Target {
    Technique,
    Percent(f64, f64),
    Rir(f64, f64),
}

/// Sets, reps and intensity of an added ramp session, by week. [design]
/// With low bone mass the calibration sets take more reps, so that ending
/// them near failure stays under 70% of 1RM on the chart.
fn ramp_target(ramp: Ramp, slot: &Slot, gated: bool) -> (u8, RepRange, Target) {
    let week = ramp.done.saturating_mul(RAMP_WEEKS) / ramp.total.max(1);
    let keep = slot.intensity == Intensity::Technique;
    let reps = |n| RepRange { min: n, max: n };
    let (sets, reps, target) = match (week, gated) {
        (0, _) => (2, reps(8), Target::Technique),
        (1, false) => (3, reps(6), Target::Rir(4.0, 4.0)),
        (2, false) => (3, reps(5), Target::Rir(3.0, 3.0)),
        (_, false) => (3, reps(5), Target::Rir(2.0, 2.0)),
        (1, true) => (3, reps(8), Target::Rir(4.0, 4.0)),
        (2, true) => (3, reps(9), Target::Rir(3.0, 3.0)),
        (_, true) => (3, reps(10), Target::Rir(2.0, 2.0)),
    };
    if keep {
        (slot.sets.min(sets), slot.reps, Target::Technique)
    } else {
        (sets.min(slot.sets.max(1)), reps, target)
    }
}

fn is_weighted(e: &Exercise) -> bool {
    matches!(e.measure, Measure::WeightReps | Measure::WeightDistance)
}

fn to_unit(kg: f64, unit: WeightUnit) -> f64 {
    kg / unit.base_factor()
}

fn to_kg(value: f64, unit: WeightUnit) -> f64 {
    value * unit.base_factor()
}

/// A number without needless decimals.
fn num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}

fn show_kg(kg: f64, unit: WeightUnit) -> String {
    format!("{} {}", num(to_unit(kg, unit)), unit.symbol())
}

fn weight(value: f64, unit: WeightUnit) -> Option<Weight> {
    Weight::new(value, unit)
}

/// The lightest load of an equipment, for technique work.
fn lightest(loadout: &Loadout, equipment: Equipment) -> Option<f64> {
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
fn load_at(e1rm: f64, reps: u16, rir: f64) -> f64 {
    strength::load_for(e1rm, u32::from(reps), rir)
        .unwrap_or_else(|| e1rm * beyond_chart(f64::from(reps) + rir))
}

/// Share of 1RM for reps to failure past the chart's 12: Epley's curve,
/// scaled to meet the chart at 12 so the two join without a jump.
fn beyond_chart(reps_to_failure: f64) -> f64 {
    CHART_AT_12 * (1.0 + 12.0 / 30.0) / (1.0 + reps_to_failure.max(12.0) / 30.0)
}

/// The chart's last cell: 12 reps to failure.
const CHART_AT_12: f64 = 0.694;

/// To the nearest half rep, the resolution people rate effort in.
fn half_step(x: f64) -> f64 {
    (x * 2.0).round() / 2.0
}

/// Up to the next half rep.
fn ceil_half(x: f64) -> f64 {
    (x * 2.0 - 1e-9).ceil() / 2.0
}

/// What a working load was earned for: the slot's exercise, reps and intensity.
fn slot_key(slot: &Slot) -> String {
    format!("{}|{}|{:?}", slot.exercise, slot.reps, slot.intensity)
}

/// RIR the chart expects at `fraction` of 1RM for `reps`.
fn rir_at(fraction: f64, reps: u16) -> f64 {
    strength::rir_for(1.0, u32::from(reps), fraction).unwrap_or_else(|| {
        // Lighter than the chart reaches: the inverse of `beyond_chart`.
        if fraction > 0.0 && fraction < CHART_AT_12 {
            (30.0 * (CHART_AT_12 * (1.0 + 12.0 / 30.0) / fraction - 1.0) - f64::from(reps)).max(0.0)
        } else {
            0.0
        }
    })
}

/// Rest between sets when the program gives none. [design: ACSM 2-3 min for heavy]
fn default_rest(target: Target, reps: RepRange) -> u16 {
    match target {
        Target::Technique => 60,
        Target::Percent(lo, _) if lo >= 80.0 => 180,
        Target::Percent(..) => 120,
        Target::Rir(lo, _) if lo >= 3.0 => 90,
        Target::Rir(..) if reps.min <= 6 => 180,
        Target::Rir(..) => 120,
    }
}

/// Plans the next session.
pub fn plan(input: &PlanInput) -> Option<SessionPlan> {
    let program = input.program;
    let athlete = input.athlete;
    let ramp = effective_ramp(input);
    let pos = position(program, input.run, ramp)?;
    let off = days_off(input);
    let mut notes = Vec::new();
    let mut warnings = Vec::new();
    let factor = match (input.run.last_session_on, off) {
        (Some(_), Some(d)) => layoff_factor(d),
        _ => 1.0,
    };
    if factor < 1.0
        && let Some(d) = off
    {
        let text = if ramp.is_some_and(|r| r.reason == RampReason::LongLayoff) {
            format!(
                "{} weeks since the last session: technique and light loads again before heavy work.",
                d / 7
            )
        } else {
            format!(
                "{} weeks since the last session: loads at {:.0}% of before; the estimate is re-checked within a session or two.",
                d / 7,
                factor * 100.0
            )
        };
        warnings.push(Warning {
            code: WarningCode::Layoff,
            text: text.clone(),
        });
        notes.push(Why::heuristic(text));
    }
    if let Some(r) = ramp {
        notes.push(match r.reason {
            RampReason::LowBoneMass => Why::fact(format!(
                "Familiarization {} of {}: technique before heavy loads, as in LIFTMOR.",
                r.done.saturating_add(1),
                r.total
            )),
            RampReason::NewLifter | RampReason::LongLayoff => Why::heuristic(format!(
                "Familiarization {} of {}: technique first, loads ramp up.",
                r.done.saturating_add(1),
                r.total
            )),
        });
    }
    if athlete.vertebral_fracture && program.heavy {
        warnings.push(Warning {
            code: WarningCode::SeePhysio,
            text: "After a vertebral fracture, see a physiotherapist before heavy loading.".into(),
        });
    }
    let running_trim = match (program.trim_above_running_min, athlete.running_min_week) {
        (Some(limit), Some(run)) if run > limit => {
            notes.push(Why::heuristic(format!(
                "{run} min of running a week (over {limit}): one set fewer per exercise."
            )));
            1
        }
        _ => 0,
    };

    let mut exercises = Vec::new();
    for (index, slot) in pos.day.slots.iter().enumerate() {
        let Some(mut ex) = plan_slot(input, &pos, slot, factor, running_trim) else {
            continue;
        };
        ex.slot = index;
        if ex.why.iter().any(|w| w.text.starts_with("Pain")) {
            warnings.push(Warning {
                code: WarningCode::Pain,
                text: format!("Pain was reported on {} last time.", ex.exercise_name),
            });
        }
        exercises.push(ex);
    }

    let estimated_minutes = estimate_minutes(&exercises);
    let ready_on = ready_on(input, &exercises, &mut warnings);
    let monday = input.today - Days::new(u64::from(input.today.weekday().num_days_from_monday()));
    let logged: f64 = input
        .history
        .iter()
        .filter(|w| w.date >= monday && w.date <= input.today)
        .map(|w| lifting_minutes(w, input.exercises))
        .sum();
    let logged = logged.round() as u32;
    let with_session = logged + estimated_minutes;
    let level = DoseLevel::of(with_session);
    match level {
        DoseLevel::Above => warnings.push(Warning {
            code: WarningCode::DoseHigh,
            text: format!(
                "{with_session} min of lifting this week with this session: above the 40-{DOSE_MAX} min where the benefit peaks."
            ),
        }),
        DoseLevel::FarAbove => warnings.push(Warning {
            code: WarningCode::DoseTooHigh,
            text: format!(
                "{with_session} min of lifting this week: above {DOSE_LIMIT} min the benefit is gone and the risk rises."
            ),
        }),
        _ => {}
    }
    Some(SessionPlan {
        program_id: program.id.clone(),
        program_name: program.name.clone(),
        date: input.today,
        session_number: input.run.sessions_done.saturating_add(1),
        phase: pos.phase,
        day: pos.day.name.clone(),
        exercises,
        estimated_minutes,
        ready_on,
        dose: WeeklyDose {
            week_of: monday,
            logged,
            with_session,
            level,
        },
        warnings,
        notes,
    })
}

/// Minutes of lifting in a workout: running, cycling and other cardio do not
/// count toward the strength dose.
fn lifting_minutes(w: &PastWorkout, lookup: &dyn ExerciseLookup) -> f64 {
    let cardio = |s: &&super::history::PastSet| {
        lookup
            .exercise(&s.exercise_id)
            .is_some_and(|e| e.pattern == Pattern::Cardio)
    };
    let lifting: Vec<_> = w.sets.iter().filter(|s| !cardio(s)).cloned().collect();
    if lifting.is_empty() {
        0.0
    } else if lifting.len() < w.sets.len() {
        super::history::estimated_minutes(&lifting)
    } else {
        w.lifting_minutes()
    }
}

/// What a set achieved: reps, or seconds for a timed exercise.
fn amount(s: &super::history::PastSet, exercise: &Exercise) -> u32 {
    if exercise.measure == Measure::Time {
        s.seconds.unwrap_or(0)
    } else {
        s.reps.unwrap_or(0)
    }
}

/// Progress for a slot with no load to move (body weight, bands, holds):
/// reps (or seconds) climb to the top of the range, two past a fixed
/// number, then the plan asks for a harder way to do it. [design]
fn without_load(
    lift: &mut LiftState,
    slot: &Slot,
    exercise: &Exercise,
    done: &[&super::history::PastSet],
    complete: bool,
) -> Why {
    let timed = exercise.measure == Measure::Time;
    let unit = if timed { " s" } else { " reps" };
    let step = if timed { 5 } else { 1 };
    let top = if slot.reps.min == slot.reps.max {
        slot.reps
            .max
            .saturating_add(if timed { 5 * EXTRA_REPS } else { EXTRA_REPS })
    } else {
        slot.reps.max
    };
    let r = lift.reps.unwrap_or(slot.reps.min);
    let fewest = done.iter().map(|s| amount(s, exercise)).min().unwrap_or(0);
    if !complete || fewest < u32::from(r) {
        lift.stalls = lift.stalls.saturating_add(1);
        return Why::heuristic(format!(
            "Not every set reached {r}{unit}: same again next time."
        ));
    }
    lift.stalls = 0;
    if r < top {
        let next = r.saturating_add(step).min(top);
        lift.reps = Some(next);
        return Why::fact(format!("{r}{unit} on every set: {next} next time."));
    }
    let how = match exercise.equipment {
        Equipment::Band => "a stronger band",
        _ if timed => "a harder position (longer lever, one support less)",
        _ => "a slower lowering (3-4 s), a pause, or a harder variation",
    };
    Why::heuristic(format!(
        "{top}{unit} on every set: keep them and make it harder with {how}."
    ))
}

/// Minutes: tempo 2 s up, 2 s down per rep, rest between sets, half a minute to set up. [design]
fn estimate_minutes(exercises: &[ExercisePlan]) -> u32 {
    let mut seconds = 0.0;
    for e in exercises {
        seconds += 30.0;
        for w in &e.warmups {
            seconds += f64::from(w.reps.max) * 3.0 + 30.0;
        }
        for (i, s) in e.sets.iter().enumerate() {
            seconds += if s.timed {
                f64::from(s.reps.max)
            } else {
                f64::from(s.reps.max) * 4.0
            };
            if i + 1 < e.sets.len() {
                seconds += f64::from(e.rest_s);
            }
        }
    }
    (seconds / 60.0).ceil() as u32
}

/// Patterns whose hard sessions need 48 h between them.
fn paced(pattern: Pattern) -> bool {
    matches!(
        pattern,
        Pattern::Squat
            | Pattern::Hinge
            | Pattern::Lunge
            | Pattern::Push
            | Pattern::Pull
            | Pattern::Jump
    )
}

/// The earliest date for this session: the program's days between sessions
/// and 48 h since the same pattern was last trained hard.
fn ready_on(
    input: &PlanInput,
    exercises: &[ExercisePlan],
    warnings: &mut Vec<Warning>,
) -> NaiveDate {
    let mut ready = input.today;
    if let Some(last) = input.run.last_session_on {
        let next = last + Days::new(u64::from(input.program.min_days_between));
        if next > input.today {
            warnings.push(Warning {
                code: WarningCode::TooSoon,
                text: format!(
                    "The program asks for {} days from one session to the next; next session from {next}.",
                    input.program.min_days_between
                ),
            });
        }
        ready = ready.max(next);
    }
    let today_patterns: Vec<Pattern> = exercises
        .iter()
        .filter(|e| e.sets.iter().any(|s| s.rir.is_some_and(|r| r <= 3.0)))
        .filter_map(|e| input.exercises.exercise(&e.exercise_id))
        .map(|e| e.pattern)
        .filter(|p| paced(*p))
        .collect();
    for w in input.history.iter().rev() {
        let gap = (input.today - w.date).num_days();
        if gap >= SAME_PATTERN_DAYS {
            break;
        }
        for s in w
            .sets
            .iter()
            .filter(|s| s.is_work() && s.reps.is_some_and(|r| r <= 12))
        {
            let hard = s.rir.is_none_or(|r| r <= 3.0);
            if let Some(e) = input.exercises.exercise(&s.exercise_id)
                && hard
                && today_patterns.contains(&e.pattern)
            {
                let next = w.date + Days::new(SAME_PATTERN_DAYS as u64);
                if !warnings.iter().any(|x| x.code == WarningCode::SamePattern) {
                    warnings.push(Warning {
                        code: WarningCode::SamePattern,
                        text: format!(
                            "{} ({}) was trained hard on {}: 48 h between hard sessions for the same movement; next from {next}.",
                            e.pattern, e.name, w.date
                        ),
                    });
                }
                ready = ready.max(next);
            }
        }
    }
    ready
}

fn plan_slot(
    input: &PlanInput,
    pos: &Position,
    slot: &Slot,
    layoff: f64,
    trim: u8,
) -> Option<ExercisePlan> {
    let athlete = input.athlete;
    let unit = athlete.unit;
    let (exercise, swap) = choose(slot, input)?;
    let (lift, seeded) = lift_state(input, state_key(slot, exercise));
    let mut why: Vec<Why> = Vec::new();
    if let Some(s) = &swap {
        why.push(Why::fact(format!(
            "{} instead of {}: {}.",
            exercise.name, s.from_name, s.reason
        )));
    }
    if let Some(w) = seeded {
        why.push(w);
    } else if let (Some(e), Some(src)) = (lift.e1rm_kg, &lift.e1rm_source) {
        why.push(Why::fact(format!(
            "Estimated 1RM {} {src}.",
            show_kg(e, unit)
        )));
    }
    if let Some(change) = &lift.last_change {
        why.push(change.clone());
    }

    let gated = athlete.low_bone_mass && !input.run.familiarized && input.program.heavy;
    let (mut sets, mut reps, mut target) = match pos.ramp {
        Some(r) => ramp_target(r, slot, gated),
        None => (
            slot.sets,
            slot.reps,
            match slot.intensity {
                Intensity::Technique => Target::Technique,
                Intensity::Percent { min, max } => Target::Percent(min, max),
                Intensity::Rir { min, max } => Target::Rir(min, max),
            },
        ),
    };
    let training = pos.ramp.is_none() && pos.phase.kind == PhaseKind::Training;
    // A working load and a rep target belong to the slot they were earned
    // in; a new block with other reps or intensity starts from the estimate.
    let key = slot_key(slot);
    let owned = lift.load_for.as_deref() == Some(key.as_str());
    if pos.ramp.is_none()
        && owned
        && let Some(r) = lift.reps
    {
        // A rep target may sit under the slot's (after a big step) or over it
        // (before one); see `apply_rule`.
        let r = r.max(1);
        reps = RepRange {
            min: r,
            max: slot.reps.max.max(r),
        };
    }
    sets = sets.saturating_sub(trim).max(1);
    let deload = pos.phase.kind == PhaseKind::Deload && pos.ramp.is_none();

    let weighted = is_weighted(exercise);
    // The estimate as of today: lower after time off.
    let e1rm = lift.e1rm_kg.map(|e| e * layoff);
    let mut load_kg: Option<f64> = None;
    let mut planned_rir: Option<f64> = None;
    let mut find = false;
    // Loads reduced for safety or rest round down, never up.
    let mut round_down = layoff < 1.0 || deload;
    let mut capped = false;
    if weighted {
        let heavy_target = match target {
            Target::Technique => false,
            Target::Percent(lo, _) => lo / 100.0 > LOW_BONE_MASS_CAP,
            Target::Rir(lo, hi) => {
                load_at(1.0, reps.min, (lo + hi) / 2.0) > LOW_BONE_MASS_CAP + 1e-9
            }
        };
        capped = gated && heavy_target;
        if capped {
            // Low bone mass before familiarization: at most 70% of 1RM, with
            // reps enough that the set still ends near enough to failure to
            // teach the estimate.
            let r = if pos.ramp.is_some() {
                reps.min
            } else {
                reps.max.clamp(8, 10)
            };
            reps = RepRange { min: r, max: r };
            let rir = ceil_half(rir_at(LOW_BONE_MASS_CAP, r));
            target = Target::Rir(rir, rir);
            why.push(Why::fact(format!(
                "Low bone mass: at most {} of the estimated 1RM until familiarization is done (LIFTMOR, ESSA).",
                pct(LOW_BONE_MASS_CAP)
            )));
        }
        let top = reps.min;
        match target {
            Target::Technique => {
                load_kg = lightest(&athlete.loadout, exercise.equipment).map(|v| to_kg(v, unit));
                why.push(Why::fact(
                    "Technique: the lightest load, every rep smooth and controlled.",
                ));
            }
            Target::Percent(lo, hi) => {
                let fraction = lo / 100.0;
                // The chart puts some percentages at failure; the plan never
                // asks for failure (SCIENCE.md: not for novices or osteoporosis).
                planned_rir = Some(half_step(rir_at(fraction, top)).max(1.0));
                if let (Some(l), true) = (lift.load_kg, training && owned) {
                    // The band's bottom is a floor once the estimate has
                    // grown past the rule's load, unless the lift is held back.
                    let last = lift.last_target_kg.unwrap_or(l);
                    let floor = e1rm
                        .filter(|_| !held_back(&lift))
                        .map_or(0.0, |e| (e * fraction).min(last * (1.0 + MAX_JUMP)));
                    let mut l = (l * layoff).max(floor);
                    // And its top (+5 points) a ceiling once the estimate has
                    // fallen under the rule's load.
                    if let Some(e) = e1rm
                        && l > e * (hi + 5.0) / 100.0
                    {
                        l = e * hi / 100.0;
                        round_down = true;
                    }
                    load_kg = Some(l);
                } else if let Some(e) = e1rm {
                    load_kg = Some(e * fraction);
                    why.push(Why::fact(format!(
                        "{} of the estimated 1RM (program: {}-{}%).",
                        pct(fraction),
                        num(lo),
                        num(hi)
                    )));
                } else {
                    find = true;
                    planned_rir = Some(planned_rir.unwrap_or(3.0).max(3.0));
                }
            }
            Target::Rir(lo, hi) => {
                let mid = (lo + hi) / 2.0;
                planned_rir = Some(mid);
                let own_load = training && owned && slot.rule != Rule::Autoregulated;
                if let (Some(l), true) = (lift.load_kg, own_load) {
                    load_kg = Some(l * layoff);
                } else if let (Some(e), Some(l), true) = (e1rm, lift.load_kg, training && owned) {
                    // Autoregulated: the estimate's load, but not below a load
                    // that proved too easy, and not above one that was missed.
                    let from_estimate = load_at(e, top, mid);
                    load_kg = Some(if held_back(&lift) {
                        from_estimate.min(l * layoff)
                    } else {
                        from_estimate
                            .min(lift.last_target_kg.unwrap_or(l) * (1.0 + MAX_JUMP))
                            .max(l * layoff)
                    });
                } else if let Some(e) = e1rm {
                    load_kg = Some(load_at(e, top, mid));
                    why.push(Why::fact(format!(
                        "{} reps with {} in reserve is about {} of the estimated 1RM (RPE chart, an approximation).",
                        top,
                        num(mid),
                        pct(load_at(1.0, top, mid))
                    )));
                } else {
                    find = true;
                }
            }
        }
        // Back after time off: below the load last lifted, whatever the slot.
        if layoff < 1.0
            && let (Some(l), Some(prev)) = (load_kg, lift.last_target_kg.or(lift.load_kg))
        {
            load_kg = Some(l.min(prev * layoff));
        }
        if gated {
            // Rounding must not carry a capped load over the cap.
            round_down = true;
            if let (Some(l), Some(e)) = (load_kg, e1rm)
                && l > e * LOW_BONE_MASS_CAP
            {
                load_kg = Some(e * LOW_BONE_MASS_CAP);
            }
        }
        if deload && let Some(l) = load_kg {
            load_kg = Some(l * DELOAD_PHASE_FACTOR);
            why.push(Why::fact("Planned lighter week: 90% of this week's target load, easier than the weeks around it."));
        }
        if find {
            why.push(Why::fact(format!(
                "No estimate yet: work up in small jumps to a weight you could lift {} more times at the end of the set, and log it with its RIR or RPE. No 1RM test: estimates from sets of 3-10 reps are safer.",
                num(planned_rir.unwrap_or(3.0))
            )));
        }
    }
    let top = reps.min;

    let (load, rounded_unit) = if weighted {
        if find {
            let start =
                lightest(&athlete.loadout, exercise.equipment).and_then(|v| weight(v, unit));
            (PlannedLoad::FindLoad { start }, None)
        } else if let Some(kg) = load_kg {
            let loadout = &athlete.loadout;
            let equipment = exercise.equipment;
            let mut value = if round_down {
                loadout.decrease(equipment, to_unit(kg, unit), 0.0)
            } else {
                loadout.round(equipment, to_unit(kg, unit))
            };
            // Never more than the estimate says can be done for the reps at
            // all, whatever rounding or a whole plate step would give.
            if let Some(e) = e1rm
                && target != Target::Technique
            {
                let most = to_unit(load_at(e, top, 0.0), unit);
                if value > most + 1e-9 {
                    value = loadout.decrease(equipment, most, 0.0);
                }
            }
            // A planned lighter week is lighter than the load it eases off.
            if deload && let Some(l) = lift.load_kg.filter(|_| owned) {
                let before = to_unit(l, unit);
                if value >= before - 1e-9 {
                    value = loadout.decrease(
                        equipment,
                        before - loadout.smallest_step(equipment, 0.0).max(1e-3),
                        0.0,
                    );
                }
            }
            match weight(value, unit) {
                Some(w) => (PlannedLoad::Weight { weight: w }, Some(value)),
                None => (PlannedLoad::FindLoad { start: None }, None),
            }
        } else {
            (PlannedLoad::FindLoad { start: None }, None)
        }
    } else if exercise.measure == Measure::BodyweightReps {
        let added = lift.load_kg.filter(|k| *k > 0.0).and_then(|k| {
            weight(
                athlete
                    .loadout
                    .round(Equipment::Bodyweight, to_unit(k, unit)),
                unit,
            )
        });
        (PlannedLoad::Bodyweight { added }, None)
    } else {
        (PlannedLoad::None, None)
    };
    let mut percent = None;
    if let (Some(v), Some(e)) = (rounded_unit, e1rm) {
        let fraction = to_kg(v, unit) / e;
        percent = Some((fraction * 1000.0).round() / 10.0);
        // Under the cap the load is lighter than the target's: say what it is.
        if capped {
            planned_rir = Some(half_step(rir_at(fraction, top)).max(1.0));
        }
    }
    if target != Target::Technique && !weighted {
        planned_rir = Some(match target {
            Target::Rir(lo, hi) => (lo + hi) / 2.0,
            _ => 2.0,
        });
    }
    if target == Target::Technique {
        planned_rir = None;
    }
    if let Some(p) = lift.pain.filter(|p| *p >= PAIN_HOLD) {
        why.push(Why::heuristic(format!(
            "Pain {p}/10 last time: the load is not raised until it settles."
        )));
    }
    if athlete.is_older() && training && weighted {
        why.push(Why::fact(
            "Steps are smaller from 60: older muscle responds less to each session, so slower progress is normal.",
        ));
    }

    let timed = exercise.measure == Measure::Time;
    let set = PlannedSet {
        kind: SetKind::Working,
        load,
        reps,
        timed,
        // RIR is rated 0-10; a very light capped load says "10 or more".
        rir: planned_rir.map(|r| r.min(10.0)),
        percent_1rm: percent,
        // Landings belong to jumps; a lower-impact stand-in has none.
        landings: slot
            .landings
            .filter(|_| exercise.impact && !athlete.limit_impact),
    };
    let warmups = match (rounded_unit, target) {
        (Some(v), Target::Percent(..) | Target::Rir(..)) => {
            loading::warmups(&athlete.loadout, exercise.equipment, v, u32::from(top))
                .into_iter()
                .filter_map(|w| {
                    Some(PlannedSet {
                        kind: SetKind::Warmup,
                        load: PlannedLoad::Weight {
                            weight: weight(w.load, unit)?,
                        },
                        reps: RepRange {
                            min: w.reps as u16,
                            max: w.reps as u16,
                        },
                        timed: false,
                        rir: None,
                        percent_1rm: None,
                        landings: None,
                    })
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let rest_s = slot.rest_s.unwrap_or_else(|| default_rest(target, reps));
    if slot.rest_s.is_none() {
        why.push(Why::heuristic(format!(
            "Rest about {} min between sets.",
            num(f64::from(rest_s) / 60.0)
        )));
    }
    Some(ExercisePlan {
        slot: 0,
        exercise_id: exercise.id.clone(),
        exercise_name: exercise.name.clone(),
        swap,
        warmups,
        sets: vec![set; usize::from(sets)],
        rest_s,
        rule: slot.rule,
        why,
    })
}

fn pct(fraction: f64) -> String {
    format!("{:.0}%", fraction * 100.0)
}

/// What changed for one lift after a session.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LiftChange {
    /// Exercise id.
    pub exercise_id: String,
    /// The explanation.
    pub why: Why,
}

/// The run after a session, and what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Advance {
    /// The new run state.
    pub run: RunState,
    /// Per lift, what the session changed.
    pub changes: Vec<LiftChange>,
}

/// Moves the run past a finished session `done` (its date is the plan's date).
/// `input.history` must not contain `done`.
pub fn advance(input: &PlanInput, done: &PastWorkout) -> Option<Advance> {
    let planned = plan(input)?;
    let mut run = input.run.clone();
    let ramp = effective_ramp(input);
    let off = days_off(input);
    let factor = match (input.run.last_session_on, off) {
        (Some(_), Some(d)) => layoff_factor(d),
        _ => 1.0,
    };
    if factor < 1.0 {
        for lift in run.lifts.values_mut() {
            lift.load_kg = lift.load_kg.map(|l| l * factor);
            lift.e1rm_kg = lift.e1rm_kg.map(|e| e * factor);
        }
    }
    let training = ramp.is_none() && planned.phase.kind == PhaseKind::Training;
    let pos = position(input.program, input.run, ramp)?;
    let mut changes = Vec::new();
    let mut taken: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for ex in &planned.exercises {
        let Some(slot) = pos.day.slots.get(ex.slot) else {
            continue;
        };
        let Some(exercise) = input.exercises.exercise(&ex.exercise_id) else {
            continue;
        };
        let key = state_key(slot, exercise).to_owned();
        let (seeded, _) = lift_state(
            &PlanInput {
                run: &run,
                ..*input
            },
            &key,
        );
        // Two slots may land on the same exercise: each takes its planned
        // number of sets in order, the last one the rest.
        let last_of_kind = !planned
            .exercises
            .iter()
            .any(|o| o.slot > ex.slot && o.exercise_id == ex.exercise_id);
        let all: Vec<_> = done
            .sets
            .iter()
            .filter(|s| s.exercise_id == ex.exercise_id && s.is_work())
            .collect();
        let from = taken
            .get(&ex.exercise_id)
            .copied()
            .unwrap_or(0)
            .min(all.len());
        let to = if last_of_kind {
            all.len()
        } else {
            (from + ex.sets.len()).min(all.len())
        };
        taken.insert(ex.exercise_id.clone(), to);
        let sets: Vec<_> = all[from..to].to_vec();
        let mut lift = seeded;
        if sets.is_empty() {
            // Not done: nothing learned, nothing changed.
            run.lifts.insert(key, lift);
            continue;
        }
        lift.last_on = Some(done.date);
        lift.last_target_kg = ex
            .sets
            .first()
            .and_then(|s| s.load.weight())
            .map(|w| w.base());
        if ex.exercise_id == slot.exercise && at_lightest(ex, exercise, input.athlete) {
            // Two sets at the limit, not one stumble.
            let at_limit = sets
                .iter()
                .filter(|s| {
                    s.rir.is_some_and(|r| r <= 1.0)
                        || s.reps.is_some_and(|r| r < u32::from(ex.sets[0].reps.min))
                })
                .count();
            if at_limit >= 2 {
                lift.lightest_too_heavy = true;
            }
        }
        // Technique sets say nothing about strength; sets logged without an
        // effort rating count as done at the planned RIR. [design]
        let planned_rir = ex.sets.first().and_then(|s| s.rir);
        if planned_rir.is_some() {
            update_estimate(&mut lift, &sets, planned_rir, input.athlete, done.date);
        }
        if training && lift.load_for.as_deref() != Some(slot_key(slot).as_str()) {
            // A new slot: its rule starts from the plan's load, not the old counts.
            lift.reps = None;
            lift.stalls = 0;
            lift.good_streak = 0;
        }
        let why = apply_rule(&mut lift, ex, slot, exercise, &sets, input, training);
        if training {
            lift.load_for = Some(slot_key(slot));
        }
        lift.last_change = why.clone();
        if let Some(why) = why {
            changes.push(LiftChange {
                exercise_id: ex.exercise_id.clone(),
                why,
            });
        }
        run.lifts.insert(key, lift);
    }

    // Position.
    match ramp {
        Some(mut r) => {
            r.done = r.done.saturating_add(1);
            if r.done >= r.total {
                run.ramp = None;
                run.familiarized = true;
                for lift in run.lifts.values_mut() {
                    lift.load_kg = None;
                }
            } else {
                run.ramp = Some(r);
            }
        }
        None => {
            run.session_in_phase = run.session_in_phase.saturating_add(1);
            if run.session_in_phase >= input.program.phase_sessions(run.phase) {
                let was = input.program.phases.get(run.phase).map(|p| p.kind);
                run.phase = if run.phase.saturating_add(1) < input.program.phases.len() {
                    run.phase.saturating_add(1)
                } else {
                    input.program.repeat_from
                };
                run.session_in_phase = 0;
                let now = input.program.phases.get(run.phase).map(|p| p.kind);
                if was == Some(PhaseKind::Familiarization)
                    && now != Some(PhaseKind::Familiarization)
                {
                    run.familiarized = true;
                }
            }
        }
    }
    run.sessions_done = run.sessions_done.saturating_add(1);
    // A backdated session does not move the last session back in time.
    run.last_session_on = Some(run.last_session_on.map_or(done.date, |d| d.max(done.date)));
    Some(Advance { run, changes })
}

/// After missed reps, pain or a deload the load may not rise by the estimate alone.
fn held_back(lift: &LiftState) -> bool {
    lift.stalls > 0 || lift.pain.is_some() || lift.recovering
}

/// True when the planned working load is the lightest the equipment makes.
fn at_lightest(ex: &ExercisePlan, exercise: &Exercise, athlete: &Athlete) -> bool {
    let Some(light) = lightest(&athlete.loadout, exercise.equipment) else {
        return false;
    };
    ex.sets
        .first()
        .and_then(|s| s.load.weight())
        .is_some_and(|w| (w.value() - light).abs() < 1e-9 && w.unit() == athlete.unit)
}

/// Updates the e1RM from a session's sets (with their RIR, or the planned
/// one). Sets that ended near failure (RIR 3 or less; 4 for a first
/// estimate) move it, a lower one only halfway (against noise). Easier sets
/// count half of their reserve past RIR 3, and sets past the chart's 12 reps
/// to failure use Epley up to 20: lower bounds that can only raise it. [design]
fn update_estimate(
    lift: &mut LiftState,
    sets: &[&super::history::PastSet],
    planned_rir: Option<f64>,
    athlete: &Athlete,
    date: NaiveDate,
) {
    let most_rir = if lift.e1rm_kg.is_some() {
        CALIBRATION_RIR
    } else {
        CALIBRATION_RIR + 1.0
    };
    let formula: Formula = athlete.formula;
    let mut sure: Option<(f64, (f64, u32, f64))> = None;
    let mut bound: Option<(f64, (f64, u32, f64))> = None;
    for s in sets {
        let (Some(kg), Some(reps), Some(rir)) = (s.kg, s.reps, s.rir.or(planned_rir)) else {
            continue;
        };
        if kg <= 0.0 || reps == 0 {
            continue;
        }
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
    let describe = |(kg, reps, rir): (f64, u32, f64)| {
        format!(
            "from {} x {reps} at RIR {} on {date} ({})",
            show_kg(kg, athlete.unit),
            num(rir),
            formula.name()
        )
    };
    if let Some((est, set)) = sure {
        let new = match lift.e1rm_kg {
            Some(old) if est < old => old + (est - old) / 2.0,
            _ => est,
        };
        lift.e1rm_kg = Some(new);
        lift.e1rm_source = Some(describe(set));
    }
    if let Some((est, set)) = bound
        && lift.e1rm_kg.is_none_or(|old| est > old)
    {
        lift.e1rm_kg = Some(est);
        lift.e1rm_source = Some(describe(set));
    }
}

/// Applies the slot's rule to a lift after a session and says why.
fn apply_rule(
    lift: &mut LiftState,
    ex: &ExercisePlan,
    slot: &Slot,
    exercise: &Exercise,
    done: &[&super::history::PastSet],
    input: &PlanInput,
    training: bool,
) -> Option<Why> {
    let athlete = input.athlete;
    let lookup = input.exercises;
    let unit = athlete.unit;
    let loadout = &athlete.loadout;
    let equipment = exercise.equipment;
    let first = ex.sets.first()?;
    let target_kg = first.load.weight().map(|w| w.base());
    let target_reps = first.reps.min;
    let pain = done.iter().filter_map(|s| s.pain).max();
    lift.pain = pain.filter(|p| *p >= PAIN_HOLD);
    let load_ok = |s: &&super::history::PastSet| match target_kg {
        Some(t) => s.kg.unwrap_or(0.0) >= t * LOAD_TOLERANCE,
        None => true,
    };
    let reps_ok = |s: &&super::history::PastSet, r: u16| s.reps.unwrap_or(0) >= u32::from(r);
    let complete = done.len() >= ex.sets.len();
    let all_reps = complete && done.iter().all(|s| reps_ok(s, target_reps));
    let all_load = done.iter().all(load_ok);
    let success = all_reps && all_load;
    let summary = format!(
        "{}x{}{}",
        ex.sets.len(),
        target_reps,
        target_kg
            .map(|t| format!(" at {}", show_kg(t, unit)))
            .unwrap_or_default()
    );
    if !training {
        // Familiarization and deload sessions teach the estimate, not the
        // rule; a load earned before stays for after.
        return None;
    }
    let base = target_kg.or(lift.load_kg);
    let increase = |base: f64| {
        let inc = increment_fraction(slot, exercise, athlete);
        let v = to_unit(base, unit);
        to_kg(loadout.increase(equipment, v, v * inc), unit)
    };
    let decrease =
        |base: f64, f: f64| to_kg(loadout.decrease(equipment, to_unit(base, unit), f), unit);
    let step = |from: f64, to: f64| {
        let d = to_unit(to - from, unit);
        format!(
            "{}{} {}",
            if d >= 0.0 { "+" } else { "" },
            num(d),
            unit.symbol()
        )
    };

    if let Some(p) = pain {
        if p >= PAIN_REDUCE {
            // The estimate drops too, so loads that come from it follow.
            lift.e1rm_kg = lift.e1rm_kg.map(|e| e * (1.0 - DELOAD_FRACTION));
            lift.recovering = true;
            if let Some(b) = base {
                let to = decrease(b, DELOAD_FRACTION);
                lift.load_kg = Some(to);
                lift.stalls = 0;
                let alt = slot
                    .alternatives
                    .iter()
                    .filter_map(|id| lookup.exercise(id))
                    .find(|e| safety::allowed(e, athlete))
                    .map_or_else(|| "an easier variation".to_owned(), |e| e.name.clone());
                return Some(Why::heuristic(format!(
                    "Pain {p}/10 on {}: load down {} ({}); if it persists, swap for {alt}.",
                    exercise.name,
                    pct(DELOAD_FRACTION),
                    step(b, to)
                )));
            }
            return Some(Why::heuristic(format!(
                "Pain {p}/10 on {}: easier variation or fewer reps next time.",
                exercise.name
            )));
        }
        if p >= PAIN_HOLD {
            lift.load_kg = base;
            // Missed reps still count toward the stall rule; the deload comes
            // at the next miss.
            if !success {
                lift.stalls = lift.stalls.saturating_add(1).min(STALL_SESSIONS - 1);
            }
            return Some(Why::heuristic(format!(
                "Pain {p}/10 on {}: same load next time.",
                exercise.name
            )));
        }
    }

    let lighter = all_reps && !all_load;
    let stall = |lift: &mut LiftState, base: Option<f64>, what: String| -> Why {
        lift.stalls = lift.stalls.saturating_add(1);
        lift.load_kg = base;
        if lift.stalls >= STALL_SESSIONS {
            lift.stalls = 0;
            lift.reps = None;
            // Three sessions short of the target say the estimate was high.
            lift.e1rm_kg = lift.e1rm_kg.map(|e| e * (1.0 - DELOAD_FRACTION / 2.0));
            lift.recovering = true;
            if let Some(b) = base {
                let to = decrease(b, DELOAD_FRACTION);
                lift.load_kg = Some(to);
                if to >= b - 1e-9 {
                    return Why::heuristic(format!(
                        "{what}; {STALL_SESSIONS} sessions without progress, already at the lightest load: fewer sets or an easier variation until it moves."
                    ));
                }
                return Why::heuristic(format!(
                    "{what}; {STALL_SESSIONS} sessions without progress: deload {} ({}) and build back up.",
                    pct(DELOAD_FRACTION),
                    step(b, to)
                ));
            }
        }
        Why::heuristic(format!(
            "{what}: same again next time ({} of {STALL_SESSIONS} before a deload).",
            lift.stalls
        ))
    };
    let short = if lighter {
        format!(
            "Last time {summary}: all reps but at a lighter load, which does not count at the heavier target"
        )
    } else {
        format!("Last time {summary}: not every rep was done")
    };
    let last_rir = done.last().and_then(|s| s.rir);
    // Adds load, or a rep first when the next step the equipment makes is
    // too big a jump (SCIENCE.md: increases of 2-10%). [design]
    let raise = |lift: &mut LiftState, b: f64, cause: String| -> Why {
        let to = increase(b);
        let r = lift.reps.unwrap_or(slot.reps.min);
        // Progress of any kind (a rep or a step) ends a stall and a recovery;
        // a hold for the equipment's sake leaves them as they are.
        let progress = |lift: &mut LiftState| {
            lift.stalls = 0;
            lift.recovering = false;
        };
        if r < slot.reps.min {
            // After a big step taken with fewer reps: build the reps back first.
            let next = r.saturating_add(1);
            progress(lift);
            lift.load_kg = Some(b);
            lift.reps = (next < slot.reps.min).then_some(next);
            return Why::fact(format!(
                "{cause}: same load, {next} reps (building back to {}).",
                slot.reps.min
            ));
        }
        let jump = if b > 0.0 { (to - b) / b } else { 0.0 };
        // A step the estimate says would be a maximal set waits for reps too.
        let beyond = lift
            .e1rm_kg
            .is_some_and(|e| to > load_at(e, slot.reps.min, 0.0) + 1e-9);
        if (jump > MAX_JUMP || beyond) && r >= slot.reps.max + EXTRA_REPS {
            // The extra reps are done and the step is still big: take it with
            // the reps the estimate allows at one in reserve, if that is a
            // useful strength set (3 or more). [design]
            let fewer = lift
                .e1rm_kg
                .map(|e| (30.0 * (e / to - 1.0) - 1.0 + 1e-9).floor())
                .filter(|r| *r >= f64::from(MIN_REPS))
                .map(|r| (r as u16).min(slot.reps.min));
            let Some(fewer) = fewer else {
                lift.load_kg = Some(b);
                return Why::heuristic(format!(
                    "{cause}. {} is more than the estimate allows for {} reps: same load; smaller steps (fractional plates, lighter dumbbells) would let it move.",
                    step(b, to),
                    MIN_REPS
                ));
            };
            progress(lift);
            lift.load_kg = Some(to);
            lift.reps = (fewer < slot.reps.min).then_some(fewer);
            return Why::heuristic(format!(
                "{cause}: {} with {fewer} reps, building back to {}.",
                step(b, to),
                slot.reps.min
            ));
        }
        if (jump > MAX_JUMP || beyond) && r < slot.reps.max + EXTRA_REPS {
            progress(lift);
            lift.load_kg = Some(b);
            lift.reps = Some(r.saturating_add(1));
            let reason = if jump > MAX_JUMP {
                format!(
                    "The next step your equipment makes is {} ({}), too big a jump; fractional plates or smaller steps would let the load move",
                    step(b, to),
                    pct(jump)
                )
            } else {
                format!(
                    "{} would be a maximal set on the current estimate",
                    step(b, to)
                )
            };
            return Why::heuristic(format!(
                "{cause}. {reason}: one more rep first ({} reps).",
                r + 1
            ));
        }
        progress(lift);
        lift.load_kg = Some(to);
        lift.reps = None;
        Why::fact(format!("{cause}: {}.", step(b, to)))
    };
    let reps_done = |sets: &[&super::history::PastSet]| {
        sets.iter()
            .map(|s| s.reps.unwrap_or(0).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };

    match slot.rule {
        Rule::Hold => None,
        Rule::Autoregulated => {
            let Some(b) = base else {
                return Some(without_load(lift, slot, exercise, done, complete));
            };
            let easy = last_rir.is_some_and(|r| r >= first.rir.unwrap_or(0.0) + 2.0);
            if success && easy {
                // Much easier than planned: the estimate lags, the load moves anyway.
                return Some(raise(
                    lift,
                    b,
                    format!(
                        "Last time {summary} with {} in reserve, easier than planned",
                        num(last_rir.unwrap_or(0.0))
                    ),
                ));
            }
            if !success {
                return Some(stall(lift, Some(b), short));
            }
            lift.load_kg = Some(b);
            lift.stalls = 0;
            Some(Why::fact(format!(
                "Last time {summary}: next load from the updated estimate and the RIR target."
            )))
        }
        Rule::Linear => {
            let Some(b) = base else {
                return Some(without_load(lift, slot, exercise, done, complete));
            };
            if !success {
                return Some(stall(lift, Some(b), short));
            }
            if let Some(r) = last_rir.filter(|r| *r <= GROUND_OUT_RIR) {
                return Some(stall(
                    lift,
                    Some(b),
                    format!(
                        "Last time {summary}: all reps, but the last set was ground out (RIR {})",
                        num(r)
                    ),
                ));
            }
            let effort = match last_rir {
                Some(r) => format!(", last set at RIR {}", num(r)),
                None => String::new(),
            };
            Some(raise(
                lift,
                b,
                format!("Last time {summary}, all reps done{effort}"),
            ))
        }
        Rule::Double => {
            let Some(b) = base else {
                return Some(without_load(lift, slot, exercise, done, complete));
            };
            let fewest = done.iter().filter_map(|s| s.reps).min().unwrap_or(0);
            let top = lift.reps.unwrap_or(slot.reps.min).max(slot.reps.max);
            if complete && all_load && fewest >= u32::from(top) {
                let why = raise(
                    lift,
                    b,
                    format!(
                        "Last time {} reps at {}, the top of the range on every set",
                        reps_done(done),
                        show_kg(b, unit)
                    ),
                );
                return Some(why);
            }
            if success {
                let next = (fewest as u16 + 1).clamp(slot.reps.min, slot.reps.max);
                lift.reps = Some(next);
                lift.load_kg = Some(b);
                lift.stalls = 0;
                return Some(Why::fact(format!(
                    "Last time {} reps at {}: same load, aim for {next} reps (top of range {}).",
                    reps_done(done),
                    show_kg(b, unit),
                    slot.reps.max
                )));
            }
            Some(stall(lift, Some(b), short))
        }
        Rule::TwoForTwo => {
            let Some(b) = base else {
                return Some(without_load(lift, slot, exercise, done, complete));
            };
            let over = done.last().and_then(|s| s.reps).unwrap_or(0) >= u32::from(target_reps) + 2;
            if success && over {
                lift.good_streak = lift.good_streak.saturating_add(1);
                if lift.good_streak >= 2 {
                    lift.good_streak = 0;
                    return Some(raise(
                        lift,
                        b,
                        "Two sessions in a row with 2+ reps over target on the last set (NSCA 2-for-2)".to_owned(),
                    ));
                }
                lift.load_kg = Some(b);
                return Some(Why::fact(
                    "2+ reps over target on the last set: once more and the load goes up."
                        .to_owned(),
                ));
            }
            lift.good_streak = 0;
            if success {
                lift.load_kg = Some(b);
                lift.stalls = 0;
                return Some(Why::fact(format!(
                    "Last time {summary}: same load until the last set goes 2 reps over."
                )));
            }
            Some(stall(lift, Some(b), short))
        }
        Rule::RepsOver => {
            let Some(b) = base else {
                return Some(without_load(lift, slot, exercise, done, complete));
            };
            let last = done.last().and_then(|s| s.reps).unwrap_or(0);
            if success && last > u32::from(slot.reps.max.max(target_reps)) {
                return Some(raise(
                    lift,
                    b,
                    format!(
                        "Last time {last} reps on the last set, more than the {} prescribed (LISA)",
                        target_reps
                    ),
                ));
            }
            if success {
                lift.load_kg = Some(b);
                lift.stalls = 0;
                return Some(Why::fact(format!(
                    "Last time {summary}: same load; it goes up when the last set passes {} reps.",
                    slot.reps.max
                )));
            }
            Some(stall(lift, Some(b), short))
        }
        Rule::RepsThenHarder => {
            let r = lift.reps.unwrap_or(slot.reps.min);
            let fewest = done.iter().map(|s| amount(s, exercise)).min().unwrap_or(0);
            if complete && fewest >= u32::from(r) {
                if r >= slot.reps.max {
                    let level = usize::from(lift.variation);
                    if let Some(next) = slot.harder.get(level) {
                        lift.variation = lift.variation.saturating_add(1);
                        lift.reps = Some(slot.reps.min);
                        let name = lookup
                            .exercise(next)
                            .map_or(next.as_str(), |e| e.name.as_str());
                        return Some(Why::fact(format!(
                            "{} reps on every round: next time {name}, back to {} reps.",
                            slot.reps.max, slot.reps.min
                        )));
                    }
                    lift.reps = Some(slot.reps.max);
                    let how = match exercise.equipment {
                        Equipment::Band => "a stronger band",
                        Equipment::Bodyweight => {
                            "a slower lowering (3-4 s) or a pause at the hardest point"
                        }
                        _ => "a little more load",
                    };
                    return Some(Why::heuristic(format!(
                        "{} reps on every round: keep the reps and make it harder with {how}.",
                        slot.reps.max
                    )));
                }
                let next = r.saturating_add(2).min(slot.reps.max);
                lift.reps = Some(next);
                return Some(Why::heuristic(format!(
                    "{r} reps on every round: {next} next time."
                )));
            }
            lift.reps = Some(r);
            Some(Why::heuristic(format!(
                "Not every round reached {r} reps: same again."
            )))
        }
    }
}

#[cfg(test)]
mod tests;
