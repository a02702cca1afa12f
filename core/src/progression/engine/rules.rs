//! Progression rules: what a finished session does to a lift's load and reps.

use super::*;

/// Increment as a fraction of the load, by body part and age (SCIENCE.md). [design within the ranges]
pub(super) fn increment_fraction(slot: &Slot, exercise: &Exercise, athlete: &Athlete) -> f64 {
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

/// What a set achieved: reps, or seconds for a timed exercise.
pub(super) fn amount(s: &PastSet, exercise: &Exercise) -> u32 {
    if exercise.measure == Measure::Time {
        s.seconds.unwrap_or(0)
    } else {
        s.reps.unwrap_or(0)
    }
}

/// Progress for a slot with no load to move (body weight, bands, holds):
/// see [`climb`], without harder variations.
pub(super) fn without_load(
    lift: &mut LiftState,
    slot: &Slot,
    exercise: &Exercise,
    done: &[&PastSet],
    complete: bool,
    athlete: &Athlete,
    planned_rir: Option<f64>,
) -> Why {
    let logged = Logged {
        sets: done,
        complete,
        planned_rir,
    };
    climb(lift, slot, exercise, logged, athlete, None)
}

/// The rep (or second) target of a slot that moves by reps, and the range
/// it climbs: a fixed number climbs two past it; a band climbs to at least
/// 1.8 times the bottom, LISA's 10 to 18, so that the next band starts near
/// the bottom again. [design]
pub(super) fn rep_range(slot: &Slot, exercise: &Exercise) -> (u16, u16) {
    let timed = exercise.measure == Measure::Time;
    let bottom = slot.reps.min;
    let mut top = if slot.reps.min == slot.reps.max {
        slot.reps
            .max
            .saturating_add(if timed { 5 * EXTRA_REPS } else { EXTRA_REPS })
    } else {
        slot.reps.max
    };
    if exercise.equipment == Equipment::Band && !timed {
        top = top.max((f64::from(bottom) * BAND_STEP_SPAN).ceil() as u16);
    }
    (bottom, top)
}

/// The band after `band` in the person's list, light to heavy.
pub(super) fn next_band<'a>(athlete: &'a Athlete, band: Option<&str>) -> Option<&'a String> {
    let at = athlete
        .bands
        .iter()
        .position(|b| Some(b.as_str()) == band)?;
    athlete.bands.get(at + 1)
}

/// The band before `band` in the person's list, light to heavy.
pub(super) fn previous_band<'a>(athlete: &'a Athlete, band: &str) -> Option<&'a String> {
    let at = athlete.bands.iter().position(|b| b == band)?;
    athlete.bands.get(at.checked_sub(1)?)
}

/// The band used, when one is known (`rule-with-band`: " with the red
/// band").
fn with_band(phrase: Phrase, band: Option<&str>) -> Phrase {
    match band {
        Some(b) => phrase.choice("banded", "yes").name("band", b),
        None => phrase.choice("banded", "no"),
    }
}

/// The step from one load to another, signed, in the person's unit
/// (`rule-step`: "+2.5 kg", "-5 kg"): a number and the unit's symbol, as
/// a step from a load that is not a number is one too (`NaN kg`), which a
/// weight cannot hold.
fn with_step(phrase: Phrase, from: f64, to: f64, unit: WeightUnit) -> Phrase {
    let d = to_unit(to - from, unit);
    phrase
        .choice("up", if d >= 0.0 { "yes" } else { "no" })
        .number("step", d)
        .choice("weight-unit", unit.symbol())
}

/// What the session showed, as a reason begins: variant `key` of message
/// `id` (`$cause`), whose values the reason adds to its own ([`after`]).
fn cause(id: &str, key: &str) -> Phrase {
    Phrase::new(id).choice("cause", key)
}

/// Message `id`, which begins with `cause` (`{ rule-raise-cause }`): the
/// cause's values, then the message's own.
fn after(id: &str, cause: &Phrase) -> Phrase {
    let mut phrase = Phrase::new(id);
    phrase.args.extend(cause.args.iter().cloned());
    phrase
}

/// The lowest effort the person reported on these sets (never the plan's).
pub(super) fn logged_rir(done: &[&PastSet]) -> Option<f64> {
    done.iter().filter_map(|s| s.rir).reduce(f64::min)
}

/// A session's sets of one lift as a rule reads them.
#[derive(Clone, Copy)]
pub(super) struct Logged<'a> {
    /// The working sets done.
    pub sets: &'a [&'a PastSet],
    /// Every planned set was done.
    pub complete: bool,
    /// The plan's RIR for them.
    pub planned_rir: Option<f64>,
}

/// Reps (or seconds) climb to the top of the range, by 2 with harder
/// variations to come (LISA MIT) and by 1 (5 s) otherwise, at least to one
/// more than every round did and to what a logged reserve well above the
/// target says was possible ("load goes up when the person can do more reps
/// than prescribed", LISA). At the top on every round: the next harder
/// variation, else the next band on the person's list, else a harder way to
/// do it; every harder step starts again at the bottom of the range. Rounds
/// short of the target set the target to what every round reached. [design
/// within the protocol: the step sizes and the reserve margin]
pub(super) fn climb(
    lift: &mut LiftState,
    slot: &Slot,
    exercise: &Exercise,
    logged: Logged,
    athlete: &Athlete,
    variations: Option<&dyn ExerciseLookup>,
) -> Why {
    let Logged {
        sets: done,
        complete,
        planned_rir,
    } = logged;
    let timed = exercise.measure == Measure::Time;
    let (bottom, top) = rep_range(slot, exercise);
    let step: u16 = match (timed, variations.is_some()) {
        (true, _) => 5,
        (false, true) => 2,
        (false, false) => 1,
    };
    let r = lift.reps.unwrap_or(bottom);
    let amounts: Vec<u32> = done.iter().map(|s| amount(s, exercise)).collect();
    let fewest = amounts.iter().copied().min().unwrap_or(0);
    let band = lift.band.clone();
    // What the rounds did (`rule-shown`), in seconds or reps.
    let shown = |id: &str| {
        with_band(
            Phrase::new(id)
                .counts("amounts", amounts.clone())
                .choice("unit", if timed { "s" } else { "reps" }),
            band.as_deref(),
        )
    };
    if !complete || fewest < u32::from(r) {
        lift.stalls = lift.stalls.saturating_add(1);
        // Down to what was reached: not under the range's bottom where the
        // range is the progression (a variation's), else not under 3 reps.
        let floor = if variations.is_some() {
            bottom
        } else {
            MIN_REPS.min(bottom)
        };
        let next = u16::try_from(fewest).unwrap_or(u16::MAX).max(floor);
        if next < r {
            // Never keep asking for what the rounds did not reach.
            lift.reps = Some(next);
            return Why::fact(
                shown("rule-climb-short")
                    .count("planned", r)
                    .count("next", next),
            );
        }
        lift.reps = Some(r);
        return Why::heuristic(shown("rule-climb-same").count("planned", r));
    }
    lift.stalls = 0;
    // A reserve logged well above the target's easiest end: spare reps.
    let easiest = match slot.intensity {
        Intensity::Rir { max, .. } => Some(max),
        _ => planned_rir,
    };
    let logged = logged_rir(done).filter(|_| !timed);
    let spare = match (logged, easiest) {
        (Some(l), Some(t)) if l - t >= EASY_RIR => (l - t).floor() as u32,
        _ => 0,
    };
    // The reserve logged against the target, when it left spare reps.
    let effort = |phrase: Phrase| match (logged, easiest) {
        (Some(l), Some(t)) if spare > 0 => phrase
            .choice("effort", "spare")
            .number("rir", l)
            .number("most", t),
        _ => phrase.choice("effort", "none"),
    };
    let reached = fewest.saturating_add(spare);
    // What the person said each round had left: never ask for more. [design]
    let said = done
        .iter()
        .filter_map(|s| Some(amount(s, exercise) + s.rir?.max(0.0).floor() as u32))
        .min()
        .filter(|_| !timed);
    if reached < u32::from(top) && fewest < u32::from(top) {
        let mut next = u32::from(r.saturating_add(step)).max(reached);
        if fewest > u32::from(r) {
            next = next.max(fewest + 1);
        }
        if let Some(c) = said {
            next = next.min(c.max(u32::from(r)));
        }
        let next = next.min(u32::from(top)) as u16;
        lift.reps = Some(next);
        if next == r {
            return Why::fact(
                shown("rule-climb-again")
                    .number("rir", logged.unwrap_or(0.0))
                    .count("planned", r),
            );
        }
        return Why::fact(
            effort(shown("rule-climb-up"))
                .count("next", next)
                .count("top", top),
        );
    }
    // The top of the range: a harder step, and the reps start again at the
    // bottom. Each reason begins with what the rounds did
    // (`rule-climb-top`).
    lift.reps = Some(bottom);
    let at_top = |id: &str| effort(shown(id)).count("top", top).count("bottom", bottom);
    if let Some(lookup) = variations
        && let Some(next) = slot.harder.get(usize::from(lift.variation))
    {
        lift.variation = lift.variation.saturating_add(1);
        let name = lookup
            .exercise(next)
            .map_or(next.as_str(), |e| e.name.as_str());
        return Why::fact(at_top("rule-climb-variation").name("variation", name));
    }
    if exercise.equipment == Equipment::Band {
        if let Some(next) = next_band(athlete, band.as_deref()) {
            lift.band = Some(next.clone());
            return Why::fact(at_top("rule-climb-band").name("next-band", next.as_str()));
        }
        let why = match band.as_deref() {
            _ if athlete.bands.is_empty() => at_top("rule-climb-band-unlisted"),
            Some(b) if athlete.bands.last().map(String::as_str) == Some(b) => {
                // Nothing the log records is harder: the reps stay at the top.
                lift.reps = Some(top);
                at_top("rule-climb-band-heaviest")
            }
            Some(_) => at_top("rule-climb-band-stronger"),
            None => at_top("rule-climb-band-unknown"),
        };
        return Why::heuristic(why);
    }
    let how = if timed {
        "position"
    } else if is_weighted(exercise) {
        "load"
    } else {
        "tempo"
    };
    // A harder way the log does not record: the reps stay at the top.
    lift.reps = Some(top);
    Why::heuristic(at_top("rule-climb-harder").choice("how", how))
}

/// Practice phases (familiarization, ramps) teach the estimate, not the
/// rule; but a lift logged far easier than planned (reported reserve 3 or
/// more above the target on every set) moves up within the phase: a load one
/// step heavier, at most 10% (the estimate was low, and the low-bone-mass cap follows the
/// estimate), or the next band. [design, from LISA's "load goes up when the
/// person can do more reps than prescribed"]
pub(super) fn practice_step(
    lift: &mut LiftState,
    ex: &ExercisePlan,
    slot: &Slot,
    exercise: &Exercise,
    done: &[&PastSet],
    athlete: &Athlete,
    lookup: &dyn ExerciseLookup,
) -> Option<Why> {
    let first = ex.sets.first()?;
    let planned = first.rir?;
    if done.len() < ex.sets.len()
        || done.iter().any(|s| s.rir.is_none())
        || done
            .iter()
            .any(|s| amount(s, exercise) < u32::from(first.reps.min))
    {
        return None;
    }
    let logged = logged_rir(done)?;
    if logged < planned + PRACTICE_EASY_RIR {
        return None;
    }
    // Each reason begins with how much easier it was (`rule-practice-easy`).
    let band = lift.band.clone();
    let easy = |id: &str| {
        with_band(
            Phrase::new(id)
                .count("sets", done.len() as u64)
                .count("reps", first.reps.min),
            band.as_deref(),
        )
        .number("rir", logged)
        .number("planned", planned)
    };
    if let (Some(t), Some(pct)) = (first.load.weight().map(|w| w.base()), first.percent_1rm) {
        if done
            .iter()
            .any(|s| s.kg.unwrap_or(0.0) < t * LOAD_TOLERANCE)
            || pct <= 0.0
        {
            return None;
        }
        let unit = athlete.unit;
        let inc = increment_fraction(slot, exercise, athlete);
        let v = to_unit(t, unit);
        let to = to_kg(
            athlete.loadout.increase(exercise.equipment, v, v * inc),
            unit,
        );
        // One step, and not a jump (at most 10%): subjective reserve far
        // from failure is judged loosely (SCIENCE.md).
        if to <= t + 1e-9 || to > t * (1.0 + MAX_JUMP) + 1e-9 {
            return None;
        }
        // The plan takes this share of the estimate: the estimate that puts
        // the next load one step up.
        let needed = to / (pct / 100.0);
        if lift.e1rm_kg.is_some_and(|e| e >= needed) {
            return None;
        }
        lift.e1rm_kg = Some(needed);
        keep_basis(
            lift,
            Phrase::new("estimate-raised")
                .weight("load", shown_weight(t, unit))
                .count("reps", first.reps.min)
                .number("rir", logged),
        );
        return Some(Why::heuristic(
            easy("rule-practice-heavier")
                .weight("load", shown_weight(t, unit))
                .weight("to", shown_weight(to, unit)),
        ));
    }
    if exercise.equipment != Equipment::Band && !is_weighted(exercise) {
        // Body weight: the slot's next harder variation, when it has one.
        let next = slot.harder.get(usize::from(lift.variation))?;
        lift.variation = lift.variation.saturating_add(1);
        let name = lookup
            .exercise(next)
            .map_or(next.as_str(), |e| e.name.as_str());
        return Some(Why::heuristic(
            easy("rule-practice-variation").name("variation", name),
        ));
    }
    if exercise.equipment == Equipment::Band && !is_weighted(exercise) {
        let next = next_band(athlete, lift.band.as_deref())?.clone();
        lift.band = Some(next.clone());
        return Some(Why::heuristic(
            easy("rule-practice-band").name("next-band", next.as_str()),
        ));
    }
    None
}

/// After missed reps, pain or a deload the load may not rise by the estimate alone.
pub(super) fn held_back(lift: &LiftState) -> bool {
    lift.stalls > 0 || lift.pain.is_some() || lift.recovering
}

/// True when the planned working load is the lightest the equipment makes.
pub(super) fn at_lightest(ex: &ExercisePlan, exercise: &Exercise, athlete: &Athlete) -> bool {
    let Some(light) = lightest(&athlete.loadout, exercise.equipment) else {
        return false;
    };
    ex.sets
        .first()
        .and_then(|s| s.load.weight())
        .is_some_and(|w| (w.value() - light).abs() < 1e-9 && w.unit() == athlete.unit)
}

/// A percentage slot holding its load after a session with every rep done:
/// a success, however hard the last set was (LIFTMOR's 5 x 5 at 80-85% is
/// meant to be hard), so it ends a run of misses; the estimate took the
/// sets in and moves the band. The stall rule counts missed reps here.
/// `what` is a variant of `rule-hold-cause`.
fn band_hold(lift: &mut LiftState, input: &PlanInput, exercise: &Exercise, what: &Phrase) -> Why {
    let before = input.run.lifts.get(&exercise.id).and_then(|l| l.e1rm_kg);
    let rose = matches!((before, lift.e1rm_kg), (Some(b), Some(a)) if a > b * 1.002);
    lift.stalls = 0;
    Why::fact(after("rule-hold", what).choice("estimate", if rose { "rose" } else { "same" }))
}

/// Applies the slot's rule to a lift after a session and says why.
pub(super) fn apply_rule(
    lift: &mut LiftState,
    ex: &ExercisePlan,
    slot: &Slot,
    exercise: &Exercise,
    done: &[&PastSet],
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
    // A probe is for the session after the one that earned it.
    let probed = lift.probe;
    lift.probe = false;
    lift.probe_vouched = false;
    let load_ok = |s: &&PastSet| match target_kg {
        Some(t) => s.kg.unwrap_or(0.0) >= t * LOAD_TOLERANCE,
        None => true,
    };
    let reps_ok = |s: &&PastSet, r: u16| s.reps.unwrap_or(0) >= u32::from(r);
    let complete = done.len() >= ex.sets.len();
    let percent_slot = matches!(slot.intensity, Intensity::Percent { .. });
    // A set the plan took to failure (a healthy lifter's last sets in a
    // percentage slot) that ends one rep short is the failure it planned,
    // not a miss: the estimate was a little high; it takes the set in
    // (`update_estimate`) and places the next load. [design: a rep is the
    // error of the chart and of the estimate at failure]
    let to_failure = |i: usize| {
        percent_slot
            && is_weighted(exercise)
            && ex
                .sets
                .get(i)
                .and_then(|p| p.rir)
                .is_some_and(|r| r <= GROUND_OUT_RIR)
    };
    let all_reps = complete
        && done.iter().enumerate().all(|(i, s)| {
            reps_ok(s, target_reps)
                || (to_failure(i) && reps_ok(s, target_reps.saturating_sub(1).max(1)))
        });
    let all_load = done.iter().all(load_ok);
    let success = all_reps && all_load;
    let rep_short_at_failure = success
        && done
            .iter()
            .enumerate()
            .any(|(i, s)| to_failure(i) && !reps_ok(s, target_reps));
    // "3x5 at 60 kg": the sets planned (`rule-summary`), in a cause.
    let summary = |phrase: Phrase| {
        let phrase = phrase
            .count("sets", ex.sets.len() as u64)
            .count("reps", target_reps);
        match target_kg {
            Some(t) => phrase
                .choice("loaded", "yes")
                .weight("target", shown_weight(t, unit)),
            None => phrase.choice("loaded", "no"),
        }
    };
    // "5, 5, 4 reps at 60 kg": the reps of each set at the load.
    let reps_at = |phrase: Phrase, b: f64| {
        phrase
            .counts("done", done.iter().map(|s| s.reps.unwrap_or(0)).collect())
            .weight("load", shown_weight(b, unit))
    };
    // A planned lighter week's band is not the one the target is for.
    if exercise.equipment == Equipment::Band && (training || first.role == SetRole::Technique) {
        // The band used, as logged (else the one planned): a step is known
        // to have been taken only when the sets say so.
        let used = done
            .iter()
            .rev()
            .find_map(|s| s.band.clone())
            .or_else(|| first.band.clone());
        if used.is_some() {
            lift.band = used;
        }
    }
    if !training {
        // Familiarization and deload sessions teach the estimate, not the
        // rule; a load earned before stays for after. A lift far easier
        // than planned still moves up in a practice phase.
        return if first.role == SetRole::Technique {
            practice_step(lift, ex, slot, exercise, done, athlete, lookup)
        } else {
            None
        };
    }
    let base = target_kg.or(lift.load_kg);
    let increase = |base: f64| {
        let inc = increment_fraction(slot, exercise, athlete);
        let v = to_unit(base, unit);
        to_kg(loadout.increase(equipment, v, v * inc), unit)
    };
    let decrease =
        |base: f64, f: f64| to_kg(loadout.decrease(equipment, to_unit(base, unit), f), unit);
    let step = |phrase: Phrase, from: f64, to: f64| with_step(phrase, from, to, unit);

    if let Some(p) = pain {
        if p >= PAIN_REDUCE {
            // The estimate drops too, so loads that come from it follow.
            lift.e1rm_kg = lift.e1rm_kg.map(|e| e * (1.0 - DELOAD_FRACTION));
            lift.recovering = true;
            if let Some(b) = base {
                let to = decrease(b, DELOAD_FRACTION);
                lift.load_kg = Some(to);
                lift.stalls = 0;
                let why = Phrase::new("rule-pain-deload")
                    .count("pain", p)
                    .name("exercise", exercise.name.as_str())
                    .number("cut", percent_cut(1.0 - to / b));
                let why = match allowed_alternatives(slot, athlete, lookup).next() {
                    Some(e) => why.choice("swap", "named").name("instead", e.name.as_str()),
                    None => why.choice("swap", "easier"),
                };
                return Some(Why::heuristic(step(why, b, to)));
            }
            return Some(Why::heuristic(
                Phrase::new("rule-pain-easier")
                    .count("pain", p)
                    .name("exercise", exercise.name.as_str()),
            ));
        }
        if p >= PAIN_HOLD {
            lift.load_kg = base;
            // Missed reps still count toward the stall rule; the deload comes
            // at the next miss.
            if !success {
                lift.stalls = lift.stalls.saturating_add(1).min(STALL_SESSIONS - 1);
            }
            return Some(Why::heuristic(
                Phrase::new("rule-pain-hold")
                    .count("pain", p)
                    .name("exercise", exercise.name.as_str()),
            ));
        }
    }

    let lighter = all_reps && !all_load;
    // `what` is a variant of `rule-stall-cause`.
    let stall = |lift: &mut LiftState, base: Option<f64>, what: Phrase| -> Why {
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
                    return Why::heuristic(
                        after("rule-stall-lightest", &what).count("sessions", STALL_SESSIONS),
                    );
                }
                // The reason says the cut as made (rounded down to the equipment).
                return Why::heuristic(step(
                    after("rule-stall-deload", &what)
                        .count("sessions", STALL_SESSIONS)
                        .number("cut", percent_cut(1.0 - to / b)),
                    b,
                    to,
                ));
            }
        }
        Why::heuristic(
            after("rule-stall-again", &what)
                .count("stalls", lift.stalls)
                .count("sessions", STALL_SESSIONS),
        )
    };
    let short = || {
        summary(cause(
            "rule-stall-cause",
            if lighter { "lighter" } else { "missed" },
        ))
    };
    let last_rir = done.last().and_then(|s| s.rir);
    // What the plan expected of the last set, which a logged last set is
    // measured against (a percentage slot's later sets leave less), and
    // the reps the sets before it cost in a full session of the slot.
    let planned_last = ex.sets.last().and_then(|s| s.rir);
    let lost_by_last = reps_lost_by_last_set(usize::from(slot.sets), ex.rest_s);
    if percent_slot && success && training {
        // Every rep at the load: a recovery in a percentage slot is over and
        // the band's bottom leads the load back up (10% a session at most).
        lift.recovering = false;
    }
    // Adds load, or a rep first when the next step the equipment makes is
    // too big a jump (SCIENCE.md: increases of 2-10%). [design]
    // `what` is a variant of `rule-raise-cause`.
    let raise = |lift: &mut LiftState, b: f64, what: Phrase| -> Why {
        let to = increase(b);
        let r = lift.reps.unwrap_or(slot.reps.min);
        // Progress of any kind (a rep or a step) ends a stall and a recovery;
        // a hold for the equipment's sake leaves them as they are.
        let progress = |lift: &mut LiftState| {
            lift.stalls = 0;
            lift.recovering = false;
        };
        if percent_slot && let Intensity::Percent { max, .. } = slot.intensity {
            // The next step the equipment makes past the band's top on the
            // estimate waits (the plan would hold it anyway), unless the
            // estimate is only a lower bound (`LiftState::probe`).
            let no_failure = no_failure(input);
            let floor_rir = if no_failure { PERCENT_RIR_FLOOR } else { 0.0 };
            let top = band_top(max, slot.reps.min, floor_rir + lost_by_last);
            // A probe past a lower-bound estimate only for those the
            // no-failure rule does not cover, and only a modest step: loose
            // reports far from failure are as often too high as too low.
            // With low bone mass or new to lifting, only when the last set
            // taken at its word (the reserve counted in full) still leaves
            // the probe's stop at the step: its reps at that load cannot
            // end in failure on the chart.
            let face_value_leaves_the_stop = || {
                let Some((reps, rir)) = done
                    .last()
                    .and_then(|s| Some((s.reps?, s.rir?)))
                    .filter(|(r, _)| *r > 0)
                else {
                    return false;
                };
                let to_failure = (f64::from(reps) + rir).min(ROUGH_MAX_REPS);
                let e = b / load_at(1.0, 1, to_failure - 1.0);
                rir_at(to / e, slot.reps.min) >= PROBE_STOP_RIR
            };
            lift.probe = lift.probe && to <= b * (1.0 + PROBE_MAX_JUMP) + 1e-9;
            // Kept with the probe: the profile may change before the plan
            // is made, and the plan checks again (`LiftState::probe_vouched`).
            lift.probe_vouched = lift.probe && face_value_leaves_the_stop();
            lift.probe = lift.probe && (!no_failure || lift.probe_vouched);
            if !lift.probe && lift.e1rm_kg.is_some_and(|e| to > e * top + 1e-9) {
                lift.load_kg = Some(b);
                return Why::heuristic(step(
                    after("rule-raise-past-band", &what).number("top", percent(top)),
                    b,
                    to,
                ));
            }
        }
        if !percent_slot {
            lift.probe = false;
            lift.probe_vouched = false;
        }
        if percent_slot {
            // A percentage slot progresses load, never reps: the plan keeps
            // the step inside the band and within 10% a session.
            progress(lift);
            lift.load_kg = Some(to);
            lift.reps = None;
            return Why::fact(step(after("rule-raise-step", &what), b, to));
        }
        if r < slot.reps.min {
            // After a big step taken with fewer reps: build the reps back first.
            let next = r.saturating_add(1);
            progress(lift);
            lift.load_kg = Some(b);
            lift.reps = (next < slot.reps.min).then_some(next);
            return Why::fact(
                after("rule-raise-reps-back", &what)
                    .count("next", next)
                    .count("min", slot.reps.min),
            );
        }
        let jump = if b > 0.0 { (to - b) / b } else { 0.0 };
        // A step the estimate says would leave less than one rep in reserve
        // (the plan's ceiling) waits for reps too.
        let beyond = lift
            .e1rm_kg
            .is_some_and(|e| to > load_at(e, slot.reps.min, 1.0) + 1e-9);
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
                return Why::heuristic(step(
                    after("rule-raise-too-far", &what).count("fewest", MIN_REPS),
                    b,
                    to,
                ));
            };
            progress(lift);
            lift.load_kg = Some(to);
            lift.reps = (fewer < slot.reps.min).then_some(fewer);
            return Why::heuristic(step(
                after("rule-raise-fewer-reps", &what)
                    .count("fewer", fewer)
                    .count("min", slot.reps.min),
                b,
                to,
            ));
        }
        if (jump > MAX_JUMP || beyond) && r < slot.reps.max + EXTRA_REPS {
            // Another rep at this load must still leave one in reserve.
            if lift
                .e1rm_kg
                .is_some_and(|e| b > load_at(e, r.saturating_add(1), 1.0) + 1e-9)
            {
                lift.load_kg = Some(b);
                return Why::heuristic(step(after("rule-raise-near-failure", &what), b, to));
            }
            progress(lift);
            lift.load_kg = Some(b);
            lift.reps = Some(r.saturating_add(1));
            let why = after("rule-raise-rep-first", &what).count("next", r + 1);
            let why = if jump > MAX_JUMP {
                why.choice("reason", "jump").number("jump", percent(jump))
            } else {
                why.choice("reason", "maximal")
            };
            return Why::heuristic(step(why, b, to));
        }
        progress(lift);
        lift.load_kg = Some(to);
        lift.reps = None;
        Why::fact(step(after("rule-raise-step", &what), b, to))
    };

    // A probe's sets stop at the reserve it asked for, even short of the
    // reps: that is the answer it was for, not a miss. The estimate now
    // rests on sets near failure and places the load in the band.
    if probed
        && training
        && all_load
        && !success
        && let Some(b) = base
        && done
            .iter()
            .all(|s| s.rir.is_some_and(|r| r >= PROBE_STOP_RIR - 0.5))
    {
        lift.load_kg = Some(b);
        return Some(Why::fact(
            Phrase::new("rule-probe-stopped")
                .counts("done", done.iter().map(|s| s.reps.unwrap_or(0)).collect())
                .weight("load", shown_weight(b, unit))
                .number("stop", PROBE_STOP_RIR),
        ));
    }

    // One rep short on the sets planned all-out, every other rep done: the
    // load holds, whatever the rule, and the estimate has taken the short
    // set in (`update_estimate`), so the band may bring the load down.
    if rep_short_at_failure
        && slot.rule != Rule::Hold
        && let Some(b) = base
    {
        let what = reps_at(cause("rule-hold-cause", "short-at-failure"), b);
        lift.load_kg = Some(b);
        let mut why = band_hold(lift, input, exercise, &what);
        why.heuristic = true;
        return Some(why);
    }

    match slot.rule {
        Rule::Hold => None,
        Rule::Autoregulated => {
            let Some(b) = base else {
                return Some(without_load(
                    lift, slot, exercise, done, complete, athlete, first.rir,
                ));
            };
            // Easier than the slot's target (the plan states the chart's
            // RIR at its load, which may already be easy).
            let aim = match slot.intensity {
                Intensity::Rir { min, max } => (min + max) / 2.0,
                _ => planned_last.unwrap_or(0.0),
            };
            let easy = last_rir.is_some_and(|r| r >= aim + 2.0);
            if success && easy {
                // Much easier than planned: the estimate lags, the load moves anyway.
                lift.probe = last_rir.is_some_and(|r| r > CALIBRATION_RIR);
                return Some(raise(
                    lift,
                    b,
                    summary(cause("rule-raise-cause", "easier"))
                        .number("rir", last_rir.unwrap_or(0.0)),
                ));
            }
            if !success {
                return Some(stall(lift, Some(b), short()));
            }
            lift.load_kg = Some(b);
            lift.stalls = 0;
            Some(Why::fact(summary(Phrase::new("rule-autoregulated"))))
        }
        Rule::Linear => {
            let Some(b) = base else {
                return Some(without_load(
                    lift, slot, exercise, done, complete, athlete, first.rir,
                ));
            };
            if !success {
                return Some(stall(lift, Some(b), short()));
            }
            if let Some(r) = last_rir.filter(|r| *r <= GROUND_OUT_RIR) {
                if percent_slot {
                    // The estimate took the hard set in and sets the band.
                    let what = summary(cause("rule-hold-cause", "ground-out")).number("rir", r);
                    lift.load_kg = Some(b);
                    return Some(band_hold(lift, input, exercise, &what));
                }
                return Some(stall(
                    lift,
                    Some(b),
                    summary(cause("rule-stall-cause", "ground-out")).number("rir", r),
                ));
            }
            if percent_slot && let Some(r) = last_rir.filter(|r| *r < PERCENT_RAISE_RIR) {
                // Gradually: a step only when the last set had room for it;
                // closer than that the estimate moves the band, and three
                // sessions without it rising are a stall. [design]
                let what = summary(cause("rule-hold-cause", "below-raise"))
                    .number("rir", r)
                    .number("leave", PERCENT_RAISE_RIR);
                lift.load_kg = Some(b);
                return Some(band_hold(lift, input, exercise, &what));
            }
            let what = summary(cause("rule-raise-cause", "all-reps"));
            let what = match last_rir {
                Some(r) => what.choice("effort", "rir").number("rir", r),
                None => what.choice("effort", "none"),
            };
            // Far easier than planned, past what the chart reads reliably:
            // the estimate is a lower bound (`LiftState::probe`).
            lift.probe = percent_slot
                && matches!((last_rir, planned_last), (Some(l), Some(p)) if l > CALIBRATION_RIR && l >= p + EASY_RIR);
            Some(raise(lift, b, what))
        }
        Rule::Double => {
            let Some(b) = base else {
                return Some(without_load(
                    lift, slot, exercise, done, complete, athlete, first.rir,
                ));
            };
            let fewest = done.iter().filter_map(|s| s.reps).min().unwrap_or(0);
            let top = lift.reps.unwrap_or(slot.reps.min).max(slot.reps.max);
            if complete && all_load && fewest >= u32::from(top) {
                let why = raise(lift, b, reps_at(cause("rule-raise-cause", "range-top"), b));
                return Some(why);
            }
            if success {
                // A reserve logged well above the plan's: the reps it leaves.
                let spare = match (last_rir, planned_last) {
                    (Some(l), Some(p)) if l >= p + EASY_RIR => (l - p).floor() as u16,
                    _ => 0,
                };
                // Up to the top, or to the extra rep a too-big step waits for.
                let next = (fewest as u16 + 1)
                    .max(fewest as u16 + spare)
                    .clamp(slot.reps.min, top);
                lift.reps = Some(next);
                lift.load_kg = Some(b);
                lift.stalls = 0;
                let why = Phrase::new("rule-double-more-reps")
                    .counts("done", done.iter().map(|s| s.reps.unwrap_or(0)).collect())
                    .weight("load", shown_weight(b, unit));
                let why = match (last_rir, planned_last) {
                    (Some(l), Some(p)) if spare > 0 => why
                        .choice("effort", "easy")
                        .number("rir", l)
                        .number("planned", p),
                    _ => why.choice("effort", "none"),
                };
                return Some(Why::fact(
                    why.count("next", next).count("max", slot.reps.max),
                ));
            }
            Some(stall(lift, Some(b), short()))
        }
        Rule::TwoForTwo => {
            let Some(b) = base else {
                return Some(without_load(
                    lift, slot, exercise, done, complete, athlete, first.rir,
                ));
            };
            let over = done.last().and_then(|s| s.reps).unwrap_or(0) >= u32::from(target_reps) + 2;
            if success && over {
                lift.good_streak = lift.good_streak.saturating_add(1);
                if lift.good_streak >= 2 {
                    lift.good_streak = 0;
                    return Some(raise(lift, b, cause("rule-raise-cause", "two-for-two")));
                }
                lift.load_kg = Some(b);
                return Some(Why::fact(Phrase::new("rule-two-for-two-once")));
            }
            lift.good_streak = 0;
            if success {
                lift.load_kg = Some(b);
                lift.stalls = 0;
                return Some(Why::fact(summary(Phrase::new("rule-two-for-two-hold"))));
            }
            Some(stall(lift, Some(b), short()))
        }
        Rule::RepsOver => {
            let Some(b) = base else {
                return Some(without_load(
                    lift, slot, exercise, done, complete, athlete, first.rir,
                ));
            };
            let last = done.last().and_then(|s| s.reps).unwrap_or(0);
            // A reserve logged well above the plan's says the same (LISA).
            // In a percentage slot the plan may have stated an easy reserve
            // at a load held low by the estimate: the slot's own target (its
            // bottom percentage on the chart, less what the sets before the
            // last cost, not past the no-failure floor) is what "more than
            // prescribed" is measured against.
            let aim = match slot.intensity {
                Intensity::Percent { min, .. } => planned_last.map(|p| {
                    p.min(
                        half_step(rir_at(min / 100.0, target_reps) - lost_by_last)
                            .max(PERCENT_RIR_FLOOR),
                    )
                }),
                _ => planned_last,
            };
            if let (true, Some(l), Some(p)) = (success, last_rir, aim)
                && l >= p + EASY_RIR
            {
                lift.probe = l > CALIBRATION_RIR;
                let planned = planned_last.unwrap_or(p);
                // Against the slot's target when the plan stated more (a
                // load the estimate held low), else against the plan.
                let what = summary(cause("rule-raise-cause", "reserve")).number("rir", l);
                let what = if p < planned - 1e-9 {
                    what.choice("against", "slot").number("aim", p)
                } else {
                    what.choice("against", "plan").number("planned", planned)
                };
                return Some(raise(lift, b, what));
            }
            if success && last > u32::from(slot.reps.max.max(target_reps)) {
                return Some(raise(
                    lift,
                    b,
                    cause("rule-raise-cause", "reps-over")
                        .count("last", last)
                        .count("prescribed", target_reps),
                ));
            }
            if success {
                lift.load_kg = Some(b);
                lift.stalls = 0;
                return Some(Why::fact(
                    summary(Phrase::new("rule-reps-over-hold")).count("max", slot.reps.max),
                ));
            }
            Some(stall(lift, Some(b), short()))
        }
        Rule::RepsThenHarder => Some(climb(
            lift,
            slot,
            exercise,
            Logged {
                sets: done,
                complete,
                planned_rir: first.rir,
            },
            athlete,
            Some(lookup),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Language, Text};

    #[test]
    fn a_reason_in_german_has_its_values_with_decimal_commas() {
        let what = cause("rule-stall-cause", "ground-out")
            .count("sets", 5u64)
            .count("reps", 5u16)
            .choice("loaded", "yes")
            .weight("target", shown_weight(57.5, WeightUnit::Kg))
            .number("rir", 0.5);
        let why = Why::heuristic(with_step(
            after("rule-stall-deload", &what)
                .count("sessions", STALL_SESSIONS)
                .number("cut", percent_cut(1.0 - 50.0 / 57.5)),
            57.5,
            50.0,
            WeightUnit::Kg,
        ));
        assert_eq!(
            why.text,
            "Last time 5x5 at 57.5 kg: all reps, but the last set was ground out (RIR 0.5); \
             3 sessions without progress: deload 13% (-7.5 kg) and build back up."
        );
        let de = Text::new(Language::De);
        assert_eq!(
            de.phrase(&why.phrase),
            "Letztes Mal 5x5 mit 57,5 kg: alle Wiederholungen, aber der letzte Satz ging bis an \
             die Grenze (RIR 0,5); 3 Einheiten ohne Fortschritt: Entlastung um 13 % (-7,5 kg), \
             dann wieder aufbauen."
        );
        assert!(de.missing().is_empty(), "{:?}", de.missing());
    }

    #[test]
    fn percentages_are_the_numbers_pct_and_pct_cut_write() {
        // How reasons wrote a share and a cut before they were phrases.
        let pct = |f: f64| format!("{:.0}%", f * 100.0);
        let pct_cut = |f: f64| {
            let p = (f * 100.0).round();
            let p = if f > 1e-9 { p.max(1.0) } else { p };
            format!("{p:.0}%")
        };
        let en = Text::new(Language::En);
        let mut fractions: Vec<f64> = (-200..=2200).map(|i| f64::from(i) / 2000.0).collect();
        fractions.extend([0.125, 0.135, 1e-10, -0.0, f64::NAN, f64::INFINITY]);
        for f in fractions {
            assert_eq!(format!("{}%", en.number(percent(f), 2)), pct(f), "{f}");
            assert_eq!(
                format!("{}%", en.number(percent_cut(f), 2)),
                pct_cut(f),
                "{f}"
            );
        }
    }
}
