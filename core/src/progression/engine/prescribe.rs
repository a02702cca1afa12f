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
    let too_heavy = input
        .run
        .lifts
        .get(&slot.exercise)
        .is_some_and(|l| l.lightest_too_heavy);
    if too_heavy && wanted.id == base.id {
        let lighter =
            allowed_alternatives(slot, athlete, lookup).find(|e| e.equipment != base.equipment);
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
        why.push(Why::heuristic(
            "No bands in your profile: use a band with which the last rep is hard. List your bands in the profile, light to heavy, and log the band with each set (e.g. 12r@band:red): the plan then names the next one.",
        ));
        return lift.band.clone();
    }
    if let Some(b) = &lift.band {
        return Some(b.clone());
    }
    let first = athlete.bands.first()?;
    why.push(Why::heuristic(format!(
        "The {first} band, the lightest on your list, until a band is logged; log the band with each set (e.g. 12r@band:{first})."
    )));
    Some(first.clone())
}

/// The intensity a slot has in this session, after ramp, phase and safety.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Target {
    Technique,
    Percent(f64, f64),
    Rir(f64, f64),
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

/// Rest between sets when the program gives none. [design: ACSM 2-3 min for heavy]
pub(super) fn default_rest(target: Target, reps: RepRange) -> u16 {
    match target {
        Target::Technique => 60,
        Target::Percent(lo, _) if lo >= 80.0 => 180,
        Target::Percent(..) => 120,
        Target::Rir(lo, _) if lo >= 3.0 => 90,
        Target::Rir(..) if reps.min <= 6 => 180,
        Target::Rir(..) => 120,
    }
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
            show_estimate(e, unit)
        )));
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
        why.push(Why::fact(format!(
            "Planned lighter week: the {l} band, one lighter than the {b}."
        )));
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
    // With nothing to load, the reps are the progress: they follow the
    // exercise from slot to slot, up to the new slot's top.
    let unloaded_deload = deload_phase && lighter.is_none() && band.is_some();
    let unloaded = (training || unloaded_deload) && !is_weighted(exercise);
    if pos.ramp.is_none()
        && lighter.is_none()
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
                    // Working up to an unknown load stops at RPE 8 at most.
                    find = true;
                    planned_rir = Some(mid.max(2.0));
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
        why.push(Why::heuristic(format!(
            "Rest about {} min between sets.",
            num(f64::from(rest_s) / 60.0)
        )));
    }
    Some(ExercisePlan {
        slot: index,
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
