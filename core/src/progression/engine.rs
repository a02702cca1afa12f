//! The engine: `start` a run, `plan` today's session, `advance` after it.
//!
//! All three are pure functions of the program, the run state, the athlete,
//! the catalog, past workouts and a date.

use chrono::{Datelike, Days, NaiveDate};

use crate::text::{Phrase, Text, equipment_word};

use super::adjust::Adjustments;
use super::athlete::Athlete;
use super::history::{PastSet, PastWorkout};
use super::loading::{self, Loadout};
use super::plan::{
    DOSE_LIMIT, DOSE_MAX, DoseLevel, ExercisePlan, PhasePosition, PlannedLoad, PlannedSet,
    SessionPlan, Swap, Warning, WarningCode, WarningFacts, WeeklyDose, Why,
};
use super::program::{Day, ExerciseLookup, Intensity, PhaseKind, Program, RepRange, Rule, Slot};
use super::safety;
use super::state::{LiftState, Ramp, RampReason, RunState};
use super::strength::{self, Formula};
use crate::model::{
    Equipment, Exercise, Measure, Pattern, SetKind, SetRole, Unit, Weight, WeightUnit,
};

mod estimate;
mod guards;
mod numbers;
mod prescribe;
mod rules;

use estimate::*;
use guards::*;
use numbers::*;
use prescribe::*;
use rules::*;

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
/// Share of 1RM by which rounding to the equipment may pass the top of a
/// percentage slot's band ("~70%"), never a cap on effort. [design]
pub const PERCENT_ROUNDING: f64 = 0.025;
/// Reps in reserve on the last set of a percentage slot that `linear` needs
/// before it adds a step ("gradually progressed", LIFTMOR). [design]
pub const PERCENT_RAISE_RIR: f64 = 2.0;
/// Fewest reps in reserve a percentage slot plans for people with low bone
/// mass or new to lifting (SCIENCE.md: no sets to failure for them).
pub const PERCENT_RIR_FLOOR: f64 = 1.0;
/// Reps a working set loses to the sets before it at the same load, per
/// set, with rests shorter than [`SHORT_REST_S`]: a percentage slot plans
/// its load so that its last set, not only its first, keeps its reps at the
/// reserve it may end at. [design: reps fall across repeated sets at 75-85%
/// of 1RM, more with 1-2 min rests than with 3-5 (Willardson & Burkett 2005,
/// J Strength Cond Res 19:23); the half rep is an estimate]
pub const REPS_LOST_PER_SET_SHORT_REST: f64 = 0.5;
/// Reps a working set loses to each set before it with longer rests. [design]
pub const REPS_LOST_PER_SET: f64 = 0.25;
/// Rests under this many seconds count as short for [`REPS_LOST_PER_SET_SHORT_REST`].
pub const SHORT_REST_S: u16 = 120;
/// History older than this does not seed an estimate.
pub const SEED_MAX_DAYS: i64 = 365;
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
/// Logged reps in reserve this far above the target are spare reps: load or
/// reps go up (LISA: "load goes up when the person can do more reps than
/// prescribed"). [design: the margin; RIR is judged to about a rep near failure]
pub const EASY_RIR: f64 = 2.0;
/// The least reserve a set that tests a lower-bound estimate stops at
/// (`LiftState::probe`): the load is a step past what the chart can vouch
/// for, so it keeps a rep more than the no-failure floor. [design]
pub const PROBE_STOP_RIR: f64 = 2.0;
/// The largest step a probe takes, as a share of the load. [design: a 5 kg
/// stack step on a light load is 33-50%, which reports far from failure
/// cannot vouch for]
pub const PROBE_MAX_JUMP: f64 = 0.25;
/// In a practice phase, a lift logged this far above the planned reserve
/// moves up within the phase. [design]
pub const PRACTICE_EASY_RIR: f64 = 3.0;
/// Reps a band step spans: LISA's 10 to 18 before a stronger band. [design]
pub const BAND_STEP_SPAN: f64 = 1.8;
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
    /// The sets already logged of the session being planned. They never
    /// change the plan; they count toward this week's minutes, so `today`
    /// and `stats` report the same week.
    pub session: Option<&'a PastWorkout>,
    /// The day to plan for.
    pub today: NaiveDate,
    /// What the person changed about the run: exercises swapped for good,
    /// the weekdays they train.
    pub adjustments: &'a Adjustments,
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
    // Said once, here: a program that runs above the band on purpose is not
    // warned about it every week (Momma 2022).
    match (&program.above_band, weekly) {
        (Some(reason), w) if w > DOSE_MAX => why.push(Why::fact(
            Phrase::new("start-above-band-on-purpose")
                .count("minutes", w)
                .count("band", DOSE_MAX)
                .count("limit", DOSE_LIMIT)
                .choice("gone", if w > DOSE_LIMIT { "yes" } else { "no" })
                .name("reason", reason.as_str()),
        )),
        (None, w) if w > DOSE_LIMIT => why.push(Why::fact(
            Phrase::new("start-above-limit")
                .count("minutes", w)
                .count("band", DOSE_MAX)
                .count("limit", DOSE_LIMIT),
        )),
        (None, w) if w > DOSE_MAX => why.push(Why::fact(
            Phrase::new("start-above-band")
                .count("minutes", w)
                .count("band", DOSE_MAX),
        )),
        _ => {}
    }
    let last_lift = history
        .iter()
        .rev()
        .find(|w| w.sets.iter().any(|s| s.is_work() && s.kg.is_some()));
    let days_off = last_lift.map(|w| (today - w.date).num_days());
    run.new_lifter = days_off.is_none();
    let ramp = |reason| Ramp {
        done: 0,
        total: RAMP_WEEKS * u32::from(program.sessions_per_week),
        reason,
    };
    let weeks = u64::from(RAMP_WEEKS);
    if program.has_familiarization() {
        why.push(Why::fact(Phrase::new("start-program-familiarization")));
    } else if !program.heavy {
        run.familiarized = true;
    } else if athlete.low_bone_mass {
        run.ramp = Some(ramp(RampReason::LowBoneMass));
        why.push(Why::fact(
            Phrase::new("start-ramp-low-bone-mass").count("weeks", weeks),
        ));
    } else if days_off.is_none() {
        run.ramp = Some(ramp(RampReason::NewLifter));
        why.push(Why::heuristic(
            Phrase::new("start-ramp-new-lifter").count("weeks", weeks),
        ));
    } else if days_off.is_some_and(|d| d >= LONG_LAYOFF_DAYS) {
        run.ramp = Some(ramp(RampReason::LongLayoff));
        why.push(Why::heuristic(Phrase::new("start-ramp-layoff")));
    } else {
        run.familiarized = true;
    }
    (run, why)
}

/// After a vertebral fracture, a heavy program asks for a physiotherapist
/// first (SCIENCE.md, safety with low bone mass).
pub fn see_physio(program: &Program, athlete: &Athlete) -> bool {
    athlete.vertebral_fracture && program.heavy
}

/// The program's exercises the person may not do, each with the reason the
/// planner replaces it ([`safety::unsafe_reason`]), in program order, each once.
pub fn replaced_for_safety<'a>(
    program: &Program,
    athlete: &Athlete,
    exercises: &'a dyn ExerciseLookup,
) -> Vec<(&'a Exercise, Phrase)> {
    let mut out: Vec<(&Exercise, Phrase)> = Vec::new();
    let slots = program
        .phases
        .iter()
        .flat_map(|p| &p.days)
        .flat_map(|d| &d.slots);
    for slot in slots {
        let Some(e) = exercises.exercise(&slot.exercise) else {
            continue;
        };
        if out.iter().any(|(o, _)| o.id == e.id) {
            continue;
        }
        if let Some(why) = safety::unsafe_reason(e, athlete) {
            out.push((e, why));
        }
    }
    out
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
                id: super::program::RAMP_PHASE_ID.into(),
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

/// The layoff factor of the run's next session: 1 for a run with no session yet
/// (history before the run is scaled where it seeds an estimate).
fn run_layoff_factor(input: &PlanInput) -> f64 {
    match (input.run.last_session_on, days_off(input)) {
        (Some(_), Some(d)) => layoff_factor(d),
        _ => 1.0,
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

/// Plans the next session.
pub fn plan(input: &PlanInput) -> Option<SessionPlan> {
    let program = input.program;
    let athlete = input.athlete;
    let ramp = effective_ramp(input);
    let pos = position(program, input.run, ramp)?;
    let off = days_off(input);
    let mut notes = Vec::new();
    let mut warnings = Vec::new();
    let factor = run_layoff_factor(input);
    if factor < 1.0
        && let Some(d) = off
    {
        let ramped = ramp.is_some_and(|r| r.reason == RampReason::LongLayoff);
        let weeks = u64::try_from(d / 7).unwrap_or(0);
        let percent = (factor * 100.0).round();
        let phrase = if ramped {
            Phrase::new("plan-layoff-ramp").count("weeks", weeks)
        } else {
            Phrase::new("plan-layoff-lighter")
                .count("weeks", weeks)
                .number("percent", percent)
        };
        let note = Why::heuristic(phrase);
        warnings.push(Warning {
            code: WarningCode::Layoff,
            text: note.text.clone(),
            facts: WarningFacts {
                count: u32::try_from(weeks).ok(),
                percent: (!ramped).then_some(percent),
                ..WarningFacts::default()
            },
        });
        notes.push(note);
    }
    if let Some(r) = ramp {
        let phrase = Phrase::new("plan-ramp-session")
            .count("session", r.done.saturating_add(1))
            .count("sessions", r.total);
        notes.push(match r.reason {
            RampReason::LowBoneMass => Why::fact(phrase.choice("why", "low-bone-mass")),
            RampReason::NewLifter | RampReason::LongLayoff => {
                Why::heuristic(phrase.choice("why", "practice"))
            }
        });
    }
    if see_physio(program, athlete) {
        warnings.push(Warning {
            code: WarningCode::SeePhysio,
            text: "After a vertebral fracture, see a physiotherapist before heavy loading.".into(),
            facts: WarningFacts::default(),
        });
    }
    let running_trim = match (program.trim_above_running_min, athlete.running_min_week) {
        (Some(limit), Some(run)) if run > limit => {
            notes.push(Why::heuristic(
                Phrase::new("plan-running-trim")
                    .count("running", run)
                    .count("limit", limit),
            ));
            1
        }
        _ => 0,
    };

    let mut exercises = Vec::new();
    for (index, slot) in pos.day.slots.iter().enumerate() {
        let Some(ex) = plan_slot(input, &pos, index, slot, factor, running_trim) else {
            continue;
        };
        if ex.why.iter().any(|w| w.phrase.id == "load-pain") {
            warnings.push(Warning {
                code: WarningCode::Pain,
                text: format!("Pain was reported on {} last time.", ex.exercise_name),
                facts: WarningFacts {
                    exercise: Some(ex.exercise_name.clone()),
                    ..WarningFacts::default()
                },
            });
        }
        exercises.push(ex);
    }

    let estimated_minutes = super::minutes::planned_minutes(&exercises);
    let ready_on = ready_on(input, &exercises, &mut warnings);
    let monday = input.today - Days::new(u64::from(input.today.weekday().num_days_from_monday()));
    let logged: f64 = input
        .history
        .iter()
        .filter(|w| w.date >= monday && w.date <= input.today)
        .map(|w| lifting_minutes(w, input))
        .sum();
    // The session's sets so far count as logged (as in `stats`); the
    // session adds what its estimate has left beyond them.
    let so_far = input.session.map_or(0.0, |w| lifting_minutes(w, input));
    let with_session = (logged + so_far.max(f64::from(estimated_minutes))).round() as u32;
    let logged = (logged + so_far).round() as u32;
    let level = DoseLevel::of(with_session);
    // A program that said at the start why it runs above the band is held
    // to its own week (the larger of its stated minutes and this session's
    // estimate per session, plus 10%), not warned every week. [design]
    let own_week = program.above_band.as_ref().map(|_| {
        let stated = u32::from(program.session_minutes) * u32::from(program.sessions_per_week);
        let planned = estimated_minutes * u32::from(program.sessions_per_week);
        (f64::from(stated.max(planned)) * 1.1).round() as u32
    });
    let warn_level = match own_week {
        Some(own) if with_session <= own => DoseLevel::InBand,
        Some(own) if with_session <= DOSE_LIMIT.max(own) => DoseLevel::Above,
        _ => level,
    };
    match warn_level {
        DoseLevel::Above => warnings.push(Warning {
            code: WarningCode::DoseHigh,
            text: format!(
                "{with_session} min of lifting this week with this session: above the 40-{DOSE_MAX} min where the benefit peaks."
            ),
            facts: WarningFacts {
                count: Some(with_session),
                ..WarningFacts::default()
            },
        }),
        DoseLevel::FarAbove => warnings.push(Warning {
            code: WarningCode::DoseTooHigh,
            text: format!(
                "{with_session} min of lifting this week: above {DOSE_LIMIT} min the benefit is gone and the risk rises."
            ),
            facts: WarningFacts {
                count: Some(with_session),
                ..WarningFacts::default()
            },
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

/// What changed for one lift after a session.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    advance_planned(input, &plan(input)?, done)
}

/// [`advance`] for a caller that already holds `plan(input)`.
pub fn advance_planned(
    input: &PlanInput,
    planned: &SessionPlan,
    done: &PastWorkout,
) -> Option<Advance> {
    let mut run = input.run.clone();
    let ramp = effective_ramp(input);
    let factor = run_layoff_factor(input);
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
        // The load the next session's increase is measured from: a set with
        // an effort target (technique sets at the lightest load are practice).
        if let Some(w) = ex
            .sets
            .first()
            .filter(|s| s.rir.is_some())
            .and_then(|s| s.load.weight())
        {
            lift.last_target_kg = Some(w.base());
            if training {
                lift.last_working_kg = Some(w.base());
            }
        } else if ex
            .sets
            .first()
            .is_some_and(|s| matches!(s.load, PlannedLoad::FindLoad { .. }) && s.rir.is_some())
        {
            // A load found by working up: what was lifted.
            lift.last_target_kg = sets
                .iter()
                .filter_map(|s| s.kg)
                .fold(None, |m: Option<f64>, k| Some(m.map_or(k, |m| m.max(k))))
                .or(lift.last_target_kg);
        }
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
        if ex.sets.first().is_some_and(|s| s.rir.is_some()) {
            update_estimate(&mut lift, &sets, &ex.sets, input.athlete, done.date);
        }
        if training && lift.load_for.as_deref() != Some(slot_key(slot).as_str()) {
            // A new slot: its rule starts from the plan's load, not the old
            // counts; with nothing to load the reps done go on, up to its top.
            lift.reps = lift
                .reps
                .filter(|_| !numbers::is_weighted(exercise))
                .map(|r| r.min(rep_range(slot, exercise).1));
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

#[cfg(test)]
mod tests;
