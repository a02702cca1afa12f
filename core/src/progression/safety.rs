//! Exercise choice: equipment at hand and the low-bone-mass rules
//! (SCIENCE.md, "Safety with low bone mass").

use super::athlete::Athlete;
use super::program::ExerciseLookup;
use crate::model::{Equipment, Exercise, Measure};
use crate::text::Phrase;

/// Safe stand-ins named in the guidelines, tried in order before any
/// catalog search. [design: the pairs follow Too Fit To Fracture's examples]
const FLEXION_SWAPS: &[(&str, &[&str])] = &[
    ("sit-up", &["plank", "dead-bug"]),
    ("crunch", &["dead-bug", "plank"]),
    ("russian-twist", &["pallof-press", "band-pallof-press"]),
    ("bicycle-crunch", &["dead-bug", "plank"]),
    ("cable-crunch", &["pallof-press", "plank"]),
    ("toe-touch", &["hip-hinge-drill"]),
    ("jefferson-curl", &["hip-hinge-drill"]),
];

/// Lower-impact stand-ins for jumps when impact is limited.
const IMPACT_SWAPS: &[(&str, &[&str])] = &[
    (
        "jumping-chin-up",
        &["assisted-chin-up", "chin-up", "inverted-row"],
    ),
    ("drop-jump", &["heel-drop"]),
    ("drop-landing", &["heel-drop"]),
    ("box-jump", &["step-up", "heel-drop"]),
    ("jump-squat", &["bodyweight-squat"]),
    ("jumping-lunge", &["lunge"]),
];

/// Why an exercise may not be done, if it may not.
pub fn unsafe_reason(exercise: &Exercise, athlete: &Athlete) -> Option<Phrase> {
    let id = if athlete.low_bone_mass && exercise.spinal_flexion {
        "swap-spinal-flexion"
    } else if athlete.low_bone_mass && exercise.spinal_rotation {
        "swap-spinal-rotation"
    } else if athlete.limit_impact && exercise.impact {
        "swap-impact"
    } else {
        return None;
    };
    Some(Phrase::new(id))
}

/// True when the person can and may do it.
pub fn allowed(exercise: &Exercise, athlete: &Athlete) -> bool {
    athlete.can_do(exercise) && unsafe_reason(exercise, athlete).is_none()
}

/// A safe, doable replacement for `exercise`: first the guideline pairs, then
/// the closest catalog exercise of the same pattern (most shared muscles,
/// same measure preferred).
pub fn replacement<'a>(
    exercise: &Exercise,
    athlete: &Athlete,
    exercises: &'a dyn ExerciseLookup,
) -> Option<&'a Exercise> {
    let named = FLEXION_SWAPS
        .iter()
        .chain(IMPACT_SWAPS)
        .find(|(id, _)| *id == exercise.id)
        .map(|(_, to)| *to)
        .unwrap_or(&[]);
    // Exercises without a named pair get the guideline's stand-ins for their kind.
    let by_kind: &[&str] = if exercise.spinal_rotation {
        &["pallof-press", "band-pallof-press", "side-plank"]
    } else if exercise.spinal_flexion && exercise.pattern == crate::model::Pattern::Core {
        &["dead-bug", "plank", "bird-dog"]
    } else if exercise.spinal_flexion {
        &["hip-hinge-drill"]
    } else {
        &[]
    };
    if let Some(e) = named
        .iter()
        .chain(by_kind)
        .filter_map(|id| exercises.exercise(id))
        .find(|e| allowed(e, athlete))
    {
        return Some(e);
    }
    // A drill or a body-weight exercise is never replaced by a loaded lift.
    let loaded = |e: &Exercise| matches!(e.measure, Measure::WeightReps | Measure::WeightDistance);
    // A lift whose load can be chosen goes to one whose resistance can be
    // chosen too, a band before the body's own weight: a pull-up in place
    // of a light row is far heavier, and a skill of its own.
    let scalable = |e: &Exercise| !loaded(exercise) || loaded(e) || e.equipment == Equipment::Band;
    exercises
        .all()
        .filter(|e| e.id != exercise.id && e.pattern == exercise.pattern && allowed(e, athlete))
        .filter(|e| loaded(exercise) || !loaded(e))
        // The first best in catalog order, so the choice is stable.
        .min_by_key(|e| {
            let shared = e
                .muscles
                .iter()
                .filter(|m| exercise.muscles.contains(m))
                .count();
            std::cmp::Reverse((
                scalable(e),
                shared,
                e.measure == exercise.measure,
                e.equipment == exercise.equipment,
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::model::{BoneStatus, Equipment, FractureHistory, Profile};
    use crate::progression::program::ExerciseIndex;
    use chrono::NaiveDate;

    fn athlete(bone: Option<BoneStatus>, fracture: Option<FractureHistory>) -> Athlete {
        let profile = Profile {
            bone_status: bone,
            fracture_history: fracture,
            ..Profile::default()
        };
        Athlete::from_profile(&profile, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
    }

    fn index() -> ExerciseIndex {
        ExerciseIndex::new(catalog::builtin().unwrap().exercises)
    }

    #[test]
    fn low_bone_mass_swaps_flexion_and_twisting_for_the_guideline_pairs() {
        let idx = index();
        let a = athlete(Some(BoneStatus::Osteopenia), None);
        let swap = |id: &str| {
            replacement(idx.exercise(id).unwrap(), &a, &idx)
                .unwrap()
                .id
                .clone()
        };
        assert_eq!(swap("sit-up"), "plank");
        assert_eq!(swap("crunch"), "dead-bug");
        assert_eq!(swap("russian-twist"), "pallof-press");
        assert!(unsafe_reason(idx.exercise("crunch").unwrap(), &a).is_some());
        assert!(unsafe_reason(idx.exercise("deadlift").unwrap(), &a).is_none());
        // Osteopenia alone keeps the jumps: LIFTMOR's participants did them.
        assert!(unsafe_reason(idx.exercise("jumping-chin-up").unwrap(), &a).is_none());
    }

    #[test]
    fn osteoporosis_or_a_vertebral_fracture_lowers_impact() {
        let idx = index();
        for a in [
            athlete(Some(BoneStatus::Osteoporosis), None),
            athlete(Some(BoneStatus::Normal), Some(FractureHistory::Vertebral)),
        ] {
            let jump = idx.exercise("jumping-chin-up").unwrap();
            assert!(unsafe_reason(jump, &a).is_some());
            assert_eq!(replacement(jump, &a, &idx).unwrap().id, "assisted-chin-up");
        }
        let fine = athlete(Some(BoneStatus::Normal), None);
        assert!(unsafe_reason(idx.exercise("crunch").unwrap(), &fine).is_none());
    }

    #[test]
    fn a_drill_is_never_swapped_for_a_loaded_lift() {
        let idx = index();
        let mut a = athlete(Some(BoneStatus::Osteopenia), None);
        // A broomstick is equipment everyone has: the drill needs nothing listed.
        a.equipment = Some(vec![Equipment::Barbell, Equipment::Dumbbell]);
        let drill = idx.exercise("hip-hinge-drill").unwrap();
        assert!(allowed(drill, &a));
        // And a stand-in for an unloaded exercise is unloaded too.
        a.equipment = Some(vec![Equipment::Barbell]);
        let mut bridge = idx.exercise("glute-bridge").unwrap().clone();
        bridge.equipment = Equipment::Other;
        let r = replacement(&bridge, &a, &idx).unwrap();
        assert!(
            !matches!(r.measure, Measure::WeightReps | Measure::WeightDistance),
            "{}",
            r.id
        );
    }

    #[test]
    fn a_swap_respects_the_equipment_at_hand_and_falls_back_to_the_catalog() {
        let idx = index();
        let mut a = athlete(Some(BoneStatus::Osteoporosis), None);
        a.equipment = Some(vec![Equipment::Band, Equipment::Dumbbell]);
        let twist = idx.exercise("russian-twist").unwrap();
        assert_eq!(
            replacement(twist, &a, &idx).unwrap().id,
            "band-pallof-press"
        );
        // An exercise with no named pair gets a same-pattern one that is allowed.
        let situp = idx.exercise("decline-sit-up").unwrap();
        let r = replacement(situp, &a, &idx).unwrap();
        assert_eq!(r.pattern, situp.pattern);
        assert!(allowed(r, &a), "{}", r.id);
    }

    #[test]
    fn a_loaded_lift_goes_to_a_band_before_a_body_weight_exercise() {
        let idx = index();
        let mut a = athlete(None, None);
        a.equipment = Some(vec![Equipment::Band]);
        let row = idx.exercise("chest-supported-dumbbell-row").unwrap();
        let r = replacement(row, &a, &idx).unwrap();
        assert_eq!(r.equipment, Equipment::Band, "{}", r.id);
        assert_eq!(r.pattern, row.pattern);
        // With nothing at all, the body's weight it is.
        a.equipment = Some(vec![]);
        let r = replacement(row, &a, &idx).unwrap();
        assert_eq!(r.equipment, Equipment::Bodyweight, "{}", r.id);
    }
}
