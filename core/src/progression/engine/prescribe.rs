//! One slot of a session: which exercise, and what load, reps, effort and rest.

use super::*;

/// The slot's first allowed alternative, else the closest allowed catalog exercise.
pub(super) fn stand_in<'a>(
    slot: &Slot,
    wanted: &Exercise,
    athlete: &Athlete,
    lookup: &'a dyn ExerciseLookup,
) -> Option<&'a Exercise> {
    allowed_alternatives(slot, athlete, lookup)
        .next()
        .or_else(|| safety::replacement(wanted, athlete, lookup))
}

/// The slot's alternatives the person can and may do, in the program's order.
pub(super) fn allowed_alternatives<'s, 'a: 's>(
    slot: &'s Slot,
    athlete: &'s Athlete,
    lookup: &'a dyn ExerciseLookup,
) -> impl Iterator<Item = &'a Exercise> + 's {
    slot.alternatives
        .iter()
        .filter_map(|id| lookup.exercise(id))
        .filter(|e| safety::allowed(e, athlete))
}

/// Chooses what to do for a slot: the variation reached, then equipment, then safety.
pub(super) fn choose<'a>(
    slot: &Slot,
    input: &PlanInput<'a>,
) -> Option<(&'a Exercise, Option<Swap>)> {
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
    // The person's own swap, for good: the rules below still apply to
    // what they chose (equipment at hand, safety).
    if let Some(chosen) = own_swap(wanted, input) {
        swap = Some(Swap::new(
            wanted.id.clone(),
            wanted.name.clone(),
            Phrase::new("swap-chosen"),
        ));
        wanted = chosen;
    }
    let too_heavy = input
        .run
        .lifts
        .get(&slot.exercise)
        .is_some_and(|l| l.lightest_too_heavy);
    if too_heavy && wanted.id == base.id {
        let lighter =
            allowed_alternatives(slot, athlete, lookup).find(|e| e.equipment != base.equipment);
        if let Some(alt) = lighter {
            swap = Some(Swap::new(
                base.id.clone(),
                base.name.clone(),
                Phrase::new("swap-lighter-steps")
                    .word("from", equipment_word(base.equipment))
                    .word("to", equipment_word(alt.equipment)),
            ));
            wanted = alt;
        }
    }
    if !athlete.can_do(wanted) {
        let alt = stand_in(slot, wanted, athlete, lookup)?;
        swap = Some(Swap::new(
            wanted.id.clone(),
            wanted.name.clone(),
            Phrase::new("swap-no-equipment")
                .name("exercise", wanted.name.as_str())
                .word("equipment", equipment_word(wanted.equipment)),
        ));
        wanted = alt;
    }
    if let Some(reason) = safety::unsafe_reason(wanted, athlete) {
        let alt = stand_in(slot, wanted, athlete, lookup)?;
        // A stand-in for a stand-in still names the program's exercise.
        let (from_id, from_name) = swap
            .map(|s| (s.from_id, s.from_name))
            .unwrap_or_else(|| (wanted.id.clone(), wanted.name.clone()));
        swap = Some(Swap::new(from_id, from_name, reason));
        wanted = alt;
    }
    // A stand-in the person swapped for good (they saw it on Today and
    // chose another): their choice, when they can and may do it.
    if let Some(s) = &swap
        && s.phrase.id != "swap-chosen"
        && let Some(chosen) = own_swap(wanted, input).filter(|e| safety::allowed(e, athlete))
    {
        swap = Some(Swap::new(
            s.from_id.clone(),
            s.from_name.clone(),
            Phrase::new("swap-chosen"),
        ));
        wanted = chosen;
    }
    Some((wanted, swap))
}

/// The exercise the person does in place of `exercise` from now on, when
/// they chose one the catalog has.
fn own_swap<'a>(exercise: &Exercise, input: &PlanInput<'a>) -> Option<&'a Exercise> {
    input
        .adjustments
        .swap_for(&exercise.id)
        .filter(|id| *id != exercise.id)
        .and_then(|id| input.exercises.exercise(id))
}

/// The key a lift's state is kept under: rules that move through variations
/// keep one state for the slot, the others one per exercise done.
pub(super) fn state_key<'a>(slot: &'a Slot, exercise: &'a Exercise) -> &'a str {
    if slot.rule == Rule::RepsThenHarder || !slot.harder.is_empty() {
        &slot.exercise
    } else {
        &exercise.id
    }
}

/// The band to use for a band exercise: the one the rep target is for (as
/// last logged, or as the rule stepped to), else the lightest on the
/// person's list; says how to log it, and what to do without a list.
pub(super) fn band_for(
    lift: &LiftState,
    exercise: &Exercise,
    athlete: &Athlete,
    why: &mut Vec<Why>,
) -> Option<String> {
    if exercise.equipment != Equipment::Band || is_weighted(exercise) {
        return None;
    }
    if athlete.bands.is_empty() {
        why.push(Why::heuristic(Phrase::new("load-band-none")));
        return lift.band.clone();
    }
    if let Some(b) = &lift.band {
        return Some(b.clone());
    }
    let first = athlete.bands.first()?;
    why.push(Why::heuristic(
        Phrase::new("load-band-first").name("band", first.as_str()),
    ));
    Some(first.clone())
}

/// The intensity a slot has in this session, after ramp, phase and safety.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Target {
    Technique,
    Percent(f64, f64),
    Rir(f64, f64),
}

impl Target {
    /// The slot intensity this target asks for.
    pub(super) fn intensity(self) -> Intensity {
        match self {
            Target::Technique => Intensity::Technique,
            Target::Percent(min, max) => Intensity::Percent { min, max },
            Target::Rir(min, max) => Intensity::Rir { min, max },
        }
    }
}

/// Sets, reps and intensity of an added ramp session, by week. [design]
/// With low bone mass the calibration sets take more reps, so that ending
/// them near failure stays under 70% of 1RM on the chart.
pub(super) fn ramp_target(ramp: Ramp, slot: &Slot, gated: bool) -> (u8, RepRange, Target) {
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

/// What a working load was earned for: the slot's exercise, reps and intensity.
pub(super) fn slot_key(slot: &Slot) -> String {
    format!("{}|{}|{:?}", slot.exercise, slot.reps, slot.intensity)
}

/// Rest between sets when the program gives none
/// ([`crate::progression::minutes::default_rest`]).
pub(super) fn default_rest(target: Target, reps: RepRange) -> u16 {
    crate::progression::minutes::default_rest(target.intensity(), reps)
}

/// The working sets of a slot: in a percentage slot each states the
/// reserve the chart expects of it after the sets before it. A reserve
/// that is a stop rather than the chart's (a probe, a load still to find,
/// nothing to load) is the same on every set.
fn working_sets(
    set: PlannedSet,
    count: usize,
    target: Target,
    a_stop: bool,
    rest_s: u16,
) -> Vec<PlannedSet> {
    match (target, set.rir) {
        (Target::Percent(..), Some(first)) if !a_stop && set.role == SetRole::Working => {
            reserve_by_set(first, count, rest_s)
                .into_iter()
                .map(|rir| PlannedSet {
                    rir: Some(rir),
                    ..set.clone()
                })
                .collect()
        }
        _ => vec![set; count],
    }
}

/// `phrase` with the load `kg` as its value `name`: to 0.01 of the
/// person's unit, rounded as [`show_kg`] rounds it. A load no [`Weight`]
/// holds (a corrupt state's) is written as [`show_kg`] writes it.
fn with_load(phrase: Phrase, name: &str, kg: f64, unit: WeightUnit) -> Phrase {
    match weight(to_unit(kg, unit), unit) {
        Some(_) => phrase.weight(name, shown_weight(kg, unit)),
        None => phrase.name(name, show_kg(kg, unit)),
    }
}

/// `phrase` with the estimate `kg` as its value `name`, in the person's
/// unit (written to a tenth: an estimate is far coarser than a plate).
fn with_estimate(phrase: Phrase, name: &str, kg: f64, unit: WeightUnit) -> Phrase {
    phrase.estimate(name, to_unit(kg, unit), unit)
}

/// The selector key for the reps each set leaves the next
/// (`load-rep-share`): "half" a rep, a "quarter" of one, or some "other"
/// share.
fn rep_share(reps: f64) -> &'static str {
    if (reps - 0.5).abs() < 1e-9 {
        "half"
    } else if (reps - 0.25).abs() < 1e-9 {
        "quarter"
    } else {
        "other"
    }
}

/// Sets are planned to failure only for healthy people with lifting behind
/// them (SCIENCE.md: not for novices or low bone mass).
pub(super) fn no_failure(input: &PlanInput) -> bool {
    input.athlete.low_bone_mass || input.run.new_lifter
}

pub(super) fn plan_slot(
    input: &PlanInput,
    pos: &Position,
    index: usize,
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
        // The replacement's own reason, by its message and values.
        let mut phrase = Phrase::new("load-swap")
            .name("chosen", exercise.name.as_str())
            .name("replaced", s.from_name.as_str())
            .choice("reason", &s.phrase.id);
        phrase.args.extend(s.phrase.args.iter().cloned());
        why.push(Why::fact(phrase));
    }
    if let Some(w) = seeded {
        why.push(w);
    } else if let (Some(e), Some(basis)) = (lift.e1rm_kg, &lift.e1rm_basis) {
        why.push(estimate_why(e, unit, basis));
    } else if let (Some(e), Some(src)) = (lift.e1rm_kg, &lift.e1rm_source) {
        // A state written before estimates kept their basis as a phrase:
        // its English words, as they were.
        let phrase = with_estimate(Phrase::new("load-estimate"), "estimate", e, unit);
        why.push(Why::fact(phrase.name("source", src.as_str())));
    }
    if let Some(change) = &lift.last_change {
        why.push(change.clone());
    }
    let mut band = band_for(&lift, exercise, athlete, &mut why);
    // A planned lighter week with a band: the band before it on the list, at
    // the slot's reps; at the lightest band, no more reps than the target.
    // [design]
    let deload_phase = pos.phase.kind == PhaseKind::Deload && pos.ramp.is_none();
    let lighter = band
        .as_deref()
        .filter(|_| deload_phase)
        .and_then(|b| previous_band(athlete, b));
    if let (Some(l), Some(b)) = (lighter, &band) {
        why.push(Why::fact(
            Phrase::new("load-lighter-band")
                .name("band", l.as_str())
                .name("from", b.as_str()),
        ));
        band = Some(l.clone());
    }

    // Before familiarization, and again in a return ramp after months off
    // (SCIENCE.md: repeat familiarisation).
    let gated = athlete.low_bone_mass
        && input.program.heavy
        && (!input.run.familiarized || pos.ramp.is_some());
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
    // The rule's step up after sets logged far easier than planned: the
    // estimate from them is a lower bound, so it does not hold the step
    // back (the jump limit still does). See `LiftState::probe`.
    // Low bone mass or new to lifting, perhaps only since the probe was
    // earned: only a probe the last set vouches for.
    let probe = lift.probe
        && (lift.probe_vouched || !no_failure(input))
        && owned
        && pos.ramp.is_none()
        && pos.phase.kind == PhaseKind::Training;
    // With nothing to load, the reps are the progress: they follow the
    // exercise from slot to slot, up to the new slot's top. A percentage
    // slot of a loaded exercise progresses load, never reps; a band or
    // body-weight exercise has only its reps to progress.
    let percent_slot = matches!(slot.intensity, Intensity::Percent { .. }) && is_weighted(exercise);
    let unloaded_deload = deload_phase && lighter.is_none() && band.is_some();
    let unloaded = (training || unloaded_deload) && !is_weighted(exercise);
    if pos.ramp.is_none()
        && lighter.is_none()
        && !percent_slot
        && (owned || unloaded)
        && let Some(r) = lift.reps.map(|r| match () {
            () if unloaded_deload => r.min(slot.reps.max),
            () if owned => r,
            () => r.min(rep_range(slot, exercise).1),
        })
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
    // The working load a lighter week eases off: the last training load
    // (the lower of it and the rule's), not the lighter week's own.
    let last_working = match (lift.load_kg, lift.last_working_kg) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let no_failure = no_failure(input);
    // The heaviest the set may be on the one table, in kg: a percentage
    // slot's top, or its reps at the effort target.
    let mut ceiling: Option<f64> = None;
    // The heaviest this session may be after the last one, in kg.
    let mut jump_most: Option<f64> = None;
    // The most a load may rise from `prev` kg in one session: 10%, or one
    // smallest step of the equipment when that alone is more.
    let jump_limit = |prev: f64| {
        let p = to_unit(prev, unit);
        let step = athlete.loadout.smallest_step(exercise.equipment, p);
        to_kg((p * (1.0 + MAX_JUMP)).max(p + step), unit)
    };
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
            why.push(Why::fact(
                Phrase::new("load-low-bone-mass-cap").number("percent", percent(LOW_BONE_MASS_CAP)),
            ));
        }
        let top = reps.min;
        match target {
            Target::Technique => {
                load_kg = lightest(&athlete.loadout, exercise.equipment).map(|v| to_kg(v, unit));
                why.push(Why::fact(Phrase::new("load-technique")));
            }
            Target::Percent(lo, hi) => {
                // The band on the one table: never past its top, and never
                // to failure for those the no-failure rule covers.
                // The last set is the one that must keep its reps: the
                // first leaves what the sets between cost in reserve too.
                let floor_rir = if no_failure { PERCENT_RIR_FLOOR } else { 0.0 };
                let rest = slot.rest_s.unwrap_or_else(|| default_rest(target, reps));
                // A shortened session keeps the full session's allowance:
                // no heavier load on a short day.
                let full = if pos.ramp.is_some() {
                    sets
                } else {
                    slot.sets.max(sets)
                };
                let lost = reps_lost_by_last_set(usize::from(full), rest);
                let first_floor = floor_rir + lost;
                let chart_cap = load_at(1.0, top, first_floor);
                let most = (hi / 100.0).min(chart_cap);
                let fraction = (lo / 100.0).min(most);
                ceiling = e1rm.map(|e| e * band_top(hi, top, first_floor));
                planned_rir = Some(half_step(rir_at(fraction, top)).max(first_floor));
                if let (Some(l), true) = (lift.load_kg, training && owned) {
                    // The band's bottom is a floor once the estimate has
                    // grown past the rule's load, unless the lift is held back.
                    let last = lift.last_target_kg.unwrap_or(l);
                    let floor = e1rm
                        .filter(|_| !held_back(&lift))
                        .map_or(0.0, |e| (e * fraction).min(jump_limit(last)));
                    if floor > l * layoff + 1e-9 {
                        // Said here, as the last session's reason names only
                        // the rule's own step.
                        let phrase =
                            Phrase::new("load-band-floor").number("percent", percent(fraction));
                        why.push(Why::fact(with_load(phrase, "load", floor, unit)));
                    }
                    let mut l = (l * layoff).max(floor);
                    // And its top a ceiling: the load waits for the estimate.
                    if let Some(e) = e1rm
                        && !probe
                        && l > e * most
                    {
                        l = e * most;
                        why.push(Why::fact(
                            Phrase::new("load-band-top").number("percent", percent(most)),
                        ));
                    }
                    load_kg = Some(l);
                } else if let Some(e) = e1rm {
                    load_kg = Some(e * fraction);
                    let range = if (hi - lo).abs() < 1e-9 {
                        "single"
                    } else {
                        "range"
                    };
                    why.push(Why::fact(
                        Phrase::new("load-band-share")
                            .number("percent", percent(fraction))
                            .choice("range", range)
                            .number("low", lo)
                            .number("high", hi),
                    ));
                } else {
                    find = true;
                    planned_rir = Some(planned_rir.unwrap_or(3.0).max(3.0));
                }
                if fraction < lo / 100.0 - 1e-9 {
                    // What the slot asks for, said as the sets it is
                    // (`sets` and `reps`), and what each set costs the next
                    // at this rest, when the allowance counts it (`cost`).
                    let per_set = reps_lost_per_set(rest);
                    let cost = if lost > 0.0 {
                        rep_share(per_set)
                    } else {
                        "none"
                    };
                    let phrase = Phrase::new(if no_failure {
                        "load-band-past-reserve"
                    } else {
                        "load-band-past-failure"
                    })
                    .count("sets", sets)
                    .count("reps", top)
                    .number("percent", percent(lo / 100.0))
                    .number("most", percent(most))
                    .choice("cost", cost)
                    .count("rest", rest)
                    .number("lost", per_set);
                    let phrase = if no_failure {
                        phrase
                            .number("first", first_floor)
                            .number("floor", floor_rir)
                    } else {
                        phrase
                    };
                    // The fatigue allowance is a rule of thumb (PROGRESSION.md).
                    why.push(if lost > 0.0 {
                        Why::heuristic(phrase)
                    } else {
                        Why::fact(phrase)
                    });
                }
            }
            Target::Rir(lo, hi) => {
                let mid = (lo + hi) / 2.0;
                planned_rir = Some(mid);
                // Never closer to failure than the target's hard end, and
                // never than one rep in reserve (no set to failure is
                // planned here), at the slot's own reps (a rep range: its
                // rep target); reps a rule adds at that load, or a step
                // taken with fewer, state the reserve they leave.
                // Familiarization (a ramp, a light phase) keeps its own
                // target; the no-failure rule holds at the reps asked for.
                let hardest = if training { lo.min(1.0) } else { lo };
                let ceiling_at = if slot.reps.min != slot.reps.max || no_failure {
                    (top, hardest)
                } else {
                    (slot.reps.min.min(top), hardest)
                };
                ceiling = e1rm.map(|e| load_at(e, ceiling_at.0, ceiling_at.1));
                let own_load = training && owned && slot.rule != Rule::Autoregulated;
                if let (Some(l), true) = (lift.load_kg, own_load) {
                    // The easiest end of the target is a floor once the
                    // estimate has outgrown the rule's load (at most 10% over
                    // the last load), unless the lift is held back.
                    let last = lift.last_target_kg.unwrap_or(l);
                    let floor = e1rm
                        .filter(|_| !held_back(&lift))
                        .map_or(0.0, |e| load_at(e, reps.max, hi).min(jump_limit(last)));
                    if floor > l * layoff + 1e-9 {
                        why.push(Why::fact(
                            Phrase::new("load-reserve-floor")
                                .count("reps", reps.max)
                                .number("reserve", hi)
                                .number("percent", percent(load_at(1.0, reps.max, hi))),
                        ));
                    }
                    load_kg = Some((l * layoff).max(floor));
                } else if let (Some(e), Some(l), true) = (e1rm, lift.load_kg, training && owned) {
                    // Autoregulated: the estimate's load, but not below a load
                    // that proved too easy, and not above one that was missed.
                    let from_estimate = load_at(e, top, mid);
                    load_kg = Some(if held_back(&lift) {
                        from_estimate.min(l * layoff)
                    } else {
                        from_estimate
                            .min(jump_limit(lift.last_target_kg.unwrap_or(l)))
                            .max(l * layoff)
                    });
                } else if let Some(e) = e1rm {
                    load_kg = Some(load_at(e, top, mid));
                    why.push(Why::fact(
                        Phrase::new("load-reserve-share")
                            .count("reps", top)
                            .number("reserve", mid)
                            .number("percent", percent(load_at(1.0, top, mid))),
                    ));
                } else {
                    // Working up to an unknown load stops at RPE 8 at most.
                    find = true;
                    planned_rir = Some(mid.max(2.0));
                }
            }
        }
        if probe {
            ceiling = None;
        }
        // A deload carries into a new block: its first load is no heavier
        // than the deloaded one, so the cut is the one the reason stated.
        if training
            && !owned
            && lift.recovering
            && let (Some(l), Some(d)) = (load_kg, lift.load_kg)
            && l > d * layoff
        {
            load_kg = Some(d * layoff);
            round_down = true;
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
        // A planned lighter week: the phase's own easier target, at most 90%
        // of the last working load (the reason states the cut after rounding).
        if deload && let Some(l) = load_kg {
            load_kg = Some(match last_working {
                Some(prev) => l.min(prev * DELOAD_PHASE_FACTOR),
                None => l * DELOAD_PHASE_FACTOR,
            });
        }
        // No increase above 10% from one session to the next (or one
        // smallest step of the equipment, when that alone is more): a bigger
        // ramp is spread over sessions. [design]
        if !find
            && !deload
            && target != Target::Technique
            && let (Some(l), Some(prev)) = (load_kg, lift.last_target_kg)
        {
            let most = jump_limit(prev);
            jump_most = Some(most);
            if l > most + 1e-9 {
                load_kg = Some(most);
                round_down = true;
                why.push(Why::heuristic(with_load(
                    Phrase::new("load-jump-limit"),
                    "last",
                    prev,
                    unit,
                )));
            }
        }
        if find {
            why.push(Why::fact(
                Phrase::new("load-find").number("reserve", planned_rir.unwrap_or(3.0)),
            ));
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
            // Rounding does not carry a load past the top of its band or
            // past the largest step from last time.
            for c in [ceiling, jump_most].into_iter().flatten() {
                let c = to_unit(c, unit);
                if value > c + 1e-9 {
                    value = loadout.decrease(equipment, c, 0.0);
                }
            }
            // Never more than the estimate says can be done for the reps at
            // all, whatever rounding or a whole plate step would give.
            if let Some(e) = e1rm
                && target != Target::Technique
                && !probe
            {
                let most = to_unit(load_at(e, top, 0.0), unit);
                if value > most + 1e-9 {
                    value = loadout.decrease(equipment, most, 0.0);
                }
            }
            // A planned lighter week is lighter than the load it eases off.
            if deload && let Some(l) = last_working {
                let before = to_unit(l, unit);
                if value >= before - 1e-9 {
                    value = loadout.decrease(
                        equipment,
                        before - loadout.smallest_step(equipment, 0.0).max(1e-3),
                        0.0,
                    );
                }
                let phrase = Phrase::new("load-lighter-week")
                    .number("cut", percent_cut(1.0 - value / before));
                why.push(Why::fact(with_load(phrase, "last", l, unit)));
            } else if deload {
                why.push(Why::fact(Phrase::new("load-lighter-phase")));
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
    if probe && let (Some(v), Some(r)) = (rounded_unit, planned_rir) {
        // A program's own reserve target stands; a percentage slot's is the
        // chart's, which a lower bound cannot give.
        let r = match target {
            Target::Percent(..) => r.max(PROBE_STOP_RIR),
            _ => r,
        };
        planned_rir = Some(r);
        // A lower-bound estimate gives no true percentage or chart reserve
        // for this load: the set stops at the target's reserve instead.
        let phrase = Phrase::new("load-probe")
            .number("reserve", r)
            .count("reps", top);
        why.push(Why::heuristic(with_load(
            phrase,
            "load",
            to_kg(v, unit),
            unit,
        )));
    } else if let (Some(v), Some(e)) = (rounded_unit, e1rm) {
        let fraction = to_kg(v, unit) / e;
        percent = Some((fraction * 1000.0).round() / 10.0);
        // One table: a set of fixed reps states the reps in reserve the
        // chart gives at its load (after caps, ramps and rounding).
        let fixed = reps.min == reps.max;
        if fixed && matches!(target, Target::Percent(..) | Target::Rir(..)) {
            planned_rir = Some(half_step(rir_at(fraction, top)));
        } else if let (Some(r), Target::Rir(..)) = (planned_rir, target) {
            // A range: stop at the target, unless the rep target already
            // leaves less at this load, or even its top leaves more (a
            // capped step, a held-back lift).
            let at_min = half_step(rir_at(fraction, reps.min));
            let at_top = half_step(rir_at(fraction, reps.max));
            if at_min < r {
                planned_rir = Some(at_min);
            } else if at_top > r {
                planned_rir = Some(at_top);
            }
        }
        if capped
            && fraction > LOW_BONE_MASS_CAP + 0.005
            && lightest(&athlete.loadout, exercise.equipment).is_some_and(|l| v <= l + 1e-9)
        {
            let phrase =
                Phrase::new("load-cap-lightest").number("percent", numbers::percent(fraction));
            let phrase = with_load(phrase, "load", to_kg(v, unit), unit);
            // The slot's alternative with other equipment, else lighter
            // equipment in general.
            let phrase = match allowed_alternatives(slot, athlete, input.exercises)
                .find(|e| e.equipment != exercise.equipment && is_weighted(e))
            {
                Some(e) => phrase
                    .choice("alternative", "exercise")
                    .name("exercise", e.name.as_str())
                    .word("equipment", equipment_word(e.equipment)),
                None => phrase.choice("alternative", "none"),
            };
            why.push(Why::fact(phrase));
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
        why.push(Why::heuristic(Phrase::new("load-pain").count("pain", p)));
    }
    if athlete.is_older() && training && weighted {
        why.push(Why::fact(Phrase::new("load-older")));
    }

    let timed = exercise.measure == Measure::Time;
    // Learning the movement (a familiarization phase or the engine's ramp) is
    // practice, not loading: such sets never count as heavy or as strength
    // evidence (docs/ANALYTICS.md). A technique-intensity slot of a training
    // phase (LIFTMOR's jumping chin-ups at body weight) is work.
    let practice = pos.ramp.is_some() || pos.phase.kind == PhaseKind::Familiarization;
    let set = PlannedSet {
        kind: SetKind::Working,
        role: if practice {
            SetRole::Technique
        } else {
            SetRole::Working
        },
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
        band: band.clone(),
    };
    let warmups = match (rounded_unit, target) {
        (Some(v), Target::Percent(..) | Target::Rir(..)) => {
            loading::warmups(&athlete.loadout, exercise.equipment, v, u32::from(top))
                .into_iter()
                .filter_map(|w| {
                    Some(PlannedSet {
                        kind: SetKind::Warmup,
                        role: SetRole::Warmup,
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
                        band: None,
                    })
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let rest_s = slot.rest_s.unwrap_or_else(|| default_rest(target, reps));
    if slot.rest_s.is_none() {
        why.push(Why::heuristic(
            Phrase::new("load-rest").number("minutes", f64::from(rest_s) / 60.0),
        ));
    }
    Some(ExercisePlan {
        slot: index,
        exercise_id: exercise.id.clone(),
        exercise_name: exercise.name.clone(),
        swap,
        warmups,
        sets: working_sets(
            set,
            usize::from(sets),
            target,
            probe || find || !weighted,
            rest_s,
        ),
        rest_s,
        rule: slot.rule,
        why,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Language, Text};

    /// A load, an estimate and a share of 1RM read in English exactly as
    /// the English helpers write them, rounding ties and all.
    #[test]
    fn reasons_round_loads_estimates_and_shares_as_the_english_did() {
        let en = Text::new(Language::En);
        for unit in [WeightUnit::Kg, WeightUnit::Lb] {
            for kg in [
                42.1249, 42.125, 42.135, 100.25, 100.1496, 0.15, 104.7249, 61.234,
            ] {
                let load = with_load(Phrase::new("load-jump-limit"), "last", kg, unit);
                assert_eq!(
                    en.phrase(&load),
                    format!(
                        "At most 10% heavier than last time ({}), or one step of the equipment where that alone is more: the rest of the way over the next sessions.",
                        show_kg(kg, unit)
                    )
                );
                let estimate = with_estimate(Phrase::new("load-estimate"), "estimate", kg, unit)
                    .name("source", "from a test");
                assert_eq!(
                    en.phrase(&estimate),
                    format!(
                        "Estimated 1RM {:.1} {} from a test.",
                        to_unit(kg, unit),
                        unit.symbol()
                    )
                );
            }
        }
        for fraction in [0.725, 0.665, 0.7, 0.004_999, 1.0 / 3.0] {
            let phrase = Phrase::new("load-band-top").number("percent", percent(fraction));
            assert!(
                en.phrase(&phrase)
                    .contains(&format!("({:.0}% of", fraction * 100.0))
            );
            let cut = Phrase::new("load-lighter-week")
                .number("cut", percent_cut(fraction))
                .weight("last", Weight::from_milli(100_000, WeightUnit::Kg));
            assert!(en.phrase(&cut).contains(&format!(
                ": {:.0}% under",
                (fraction * 100.0).round().max(1.0)
            )));
        }
        assert!(en.missing().is_empty(), "{:?}", en.missing());
    }

    /// A replaced exercise's reason says, in each language, what the
    /// replacement's own swap message says: every swap message of the plan
    /// catalog is a variant of `load-swap`.
    #[test]
    fn a_swap_reason_says_each_swap_message() {
        let plan = include_str!("../../../data/i18n/en/plan.ftl");
        let swaps: Vec<&str> = plan
            .lines()
            .filter_map(|l| l.split_once(" ="))
            .map(|(id, _)| id.trim())
            .filter(|id| id.starts_with("swap-"))
            .collect();
        assert!(swaps.len() >= 5, "{swaps:?}");
        for language in Language::ALL {
            let text = Text::new(language);
            for id in &swaps {
                let reason = Phrase::new(id)
                    .word("from", equipment_word(Equipment::Barbell))
                    .word("to", equipment_word(Equipment::Dumbbell))
                    .name("exercise", "Back Squat")
                    .word("equipment", equipment_word(Equipment::Barbell));
                let mut phrase = Phrase::new("load-swap")
                    .name("chosen", "Goblet Squat")
                    .name("replaced", "Back Squat")
                    .choice("reason", id);
                phrase.args.extend(reason.args.iter().cloned());
                let written = text.phrase(&phrase);
                assert!(
                    written.ends_with(&format!(": {}.", text.phrase(&reason))),
                    "{}: {written}",
                    language.tag()
                );
            }
            assert!(text.missing().is_empty(), "{:?}", text.missing());
        }
    }

    /// German writes the values its way: decimal commas, the sets and reps
    /// of a single set, and no fatigue remark when there is none.
    #[test]
    fn german_reasons_write_decimal_commas_and_the_slots_sets() {
        let de = Text::new(Language::De);
        let en = Text::new(Language::En);
        let floor = with_load(
            Phrase::new("load-band-floor").number("percent", 66.0),
            "load",
            104.72,
            WeightUnit::Kg,
        );
        assert_eq!(
            de.phrase(&floor),
            "Die Schätzung ist stärker gestiegen als die Last: Das untere Ende des Prozentbereichs (66 % der Schätzung) liegt bei etwa 104,72 kg."
        );
        let one_set = Phrase::new("load-band-past-reserve")
            .count("sets", 1_u8)
            .count("reps", 5_u16)
            .number("percent", 85.0)
            .number("most", 80.0)
            .choice("cost", "none")
            .count("rest", 180_u16)
            .number("lost", 0.25)
            .number("first", 1.0)
            .number("floor", 1.0);
        assert_eq!(
            en.phrase(&one_set),
            "5 reps at 85% of 1RM would leave nothing in reserve by the set on the chart; with low bone mass or new to lifting the set stops a rep short: at most 80% (about 1 reps in reserve on the first set, 1 on the last)."
        );
        assert_eq!(
            de.phrase(&one_set),
            "Bei 5 Wdh. mit 85 % des 1RM bliebe laut RPE-Tabelle am Satzende keine Reserve mehr; bei geringer Knochendichte oder als Neuling im Krafttraining endet der Satz eine Wiederholung vor dem Muskelversagen: höchstens 80 % (im ersten Satz etwa 1 Wdh. in Reserve, im letzten 1)."
        );
        let rest = Phrase::new("load-rest").number("minutes", 1.5);
        assert_eq!(de.phrase(&rest), "Etwa 1,5 min Pause zwischen den Sätzen.");
        assert!(de.missing().is_empty(), "{:?}", de.missing());
    }
}
