//! What an exercise the catalog does not know probably is, told from its
//! name and from a set logged with it.
//!
//! Another app's history names exercises Heft has never heard of ("Zercher
//! Squat (Barbell)", "Sled Push"). Such a name becomes a custom exercise;
//! its equipment and movement pattern are guessed from the words of the
//! name, and what it is measured by from the values of the set that named
//! it, so that analytics and the safety checks see it roughly where it
//! belongs. The guess is pure and deterministic: two devices importing the
//! same file make the same exercise.

use super::matching::normalize;
use crate::model::{Equipment, Exercise, Measure, Pattern};
use crate::validate;

/// What a set logged with an unknown exercise carries: the clues to how the
/// exercise is measured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SetShape<'a> {
    /// The app's category for the exercise ("Cardio", "Legs"), if any.
    pub category: Option<&'a str>,
    /// An external load (a weight other than zero).
    pub weight: bool,
    /// Repetitions (any number, zero included).
    pub reps: bool,
    /// A duration longer than zero.
    pub timed: bool,
    /// A distance longer than zero.
    pub distance: bool,
}

/// Words of a name that make it cardio.
const CARDIO_WORDS: [&str; 10] = [
    "run",
    "running",
    "bike",
    "cycling",
    "walk",
    "walking",
    "elliptical",
    "treadmill",
    "rowing",
    "swim",
];

/// A custom exercise with id `id` for `name`, a name the catalog does not
/// know: equipment and pattern guessed from the words of the name (a word
/// counts when a word of the name starts with it), its measure from
/// `shape`. The name is kept as written, cut to the longest name Heft keeps.
pub fn guess_exercise(id: String, name: &str, shape: &SetShape<'_>) -> Exercise {
    let words = normalize(name).words;
    let has = |w: &str| words.iter().any(|x| x == w || x.starts_with(w));
    let category = shape.category.map(str::to_lowercase).unwrap_or_default();
    let equipment = if has("barbell") {
        Equipment::Barbell
    } else if has("dumbbell") {
        Equipment::Dumbbell
    } else if has("kettlebell") {
        Equipment::Kettlebell
    } else if has("smith") {
        Equipment::SmithMachine
    } else if has("machine") || has("press") && has("leg") {
        Equipment::Machine
    } else if has("cable") {
        Equipment::Cable
    } else if has("band") {
        Equipment::Band
    } else if has("bodyweight") {
        Equipment::Bodyweight
    } else {
        Equipment::Other
    };
    let pattern = if category == "cardio" || CARDIO_WORDS.iter().any(|w| has(w)) {
        Pattern::Cardio
    } else if has("lunge") || has("split") || has("step") {
        Pattern::Lunge
    } else if has("squat") {
        Pattern::Squat
    } else if has("deadlift") || has("rdl") || has("thrust") || has("swing") || has("morning") {
        Pattern::Hinge
    } else if has("carry") || has("farmer") {
        Pattern::Carry
    } else if has("jump") || has("hop") {
        Pattern::Jump
    } else if has("plank") || has("crunch") || has("situp") || has("sit") || has("ab") {
        Pattern::Core
    } else if has("row") || has("pull") || has("chin") || has("pulldown") || has("lat") {
        Pattern::Pull
    } else if has("press") || has("bench") || has("push") || has("dip") {
        Pattern::Push
    } else {
        Pattern::Isolation
    };
    let measure = if shape.distance {
        if shape.weight {
            Measure::WeightDistance
        } else {
            Measure::Distance
        }
    } else if !shape.reps && shape.timed {
        Measure::Time
    } else if shape.weight || equipment != Equipment::Other && equipment != Equipment::Bodyweight {
        Measure::WeightReps
    } else {
        Measure::BodyweightReps
    };
    let equipment = if measure == Measure::BodyweightReps && equipment == Equipment::Other {
        Equipment::Bodyweight
    } else {
        equipment
    };
    let name: String = name.chars().take(validate::MAX_NAME_CHARS).collect();
    Exercise {
        id,
        name,
        aliases: Vec::new(),
        pattern,
        equipment,
        measure,
        muscles: Vec::new(),
        unilateral: false,
        axial: matches!(pattern, Pattern::Squat | Pattern::Hinge)
            && equipment == Equipment::Barbell,
        spinal_flexion: false,
        spinal_rotation: false,
        impact: pattern == Pattern::Jump,
        builtin: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIFTED: SetShape<'static> = SetShape {
        category: None,
        weight: true,
        reps: true,
        timed: false,
        distance: false,
    };
    const BODY: SetShape<'static> = SetShape {
        weight: false,
        ..LIFTED
    };

    fn guess(name: &str, shape: SetShape<'_>) -> Exercise {
        guess_exercise("x".into(), name, &shape)
    }

    #[test]
    fn equipment_and_pattern_come_from_the_words_of_the_name() {
        let cases = [
            (
                "Zercher Squat (Barbell)",
                Equipment::Barbell,
                Pattern::Squat,
            ),
            (
                "Bulgarian Split Squat (Dumbbell)",
                Equipment::Dumbbell,
                Pattern::Lunge,
            ),
            ("Kettlebell Swing", Equipment::Kettlebell, Pattern::Hinge),
            (
                "Smith Machine Hip Thrust",
                Equipment::SmithMachine,
                Pattern::Hinge,
            ),
            ("Single Leg Press", Equipment::Machine, Pattern::Push),
            ("Cable Crunch", Equipment::Cable, Pattern::Core),
            ("Band Pull Apart", Equipment::Band, Pattern::Pull),
            ("Suitcase Carry", Equipment::Other, Pattern::Carry),
            ("Weighted Dips", Equipment::Other, Pattern::Push),
            ("Tibialis Raise", Equipment::Other, Pattern::Isolation),
        ];
        for (name, equipment, pattern) in cases {
            let e = guess(name, LIFTED);
            assert_eq!((e.equipment, e.pattern), (equipment, pattern), "{name}");
            assert!(!e.builtin && e.aliases.is_empty() && e.muscles.is_empty());
        }
    }

    #[test]
    fn a_word_counts_when_a_word_of_the_name_starts_with_it() {
        // "dumbbells" starts with "dumbbell", "jumps" with "jump".
        assert_eq!(
            guess("Dumbbells Hold", LIFTED).equipment,
            Equipment::Dumbbell
        );
        let jumps = guess("Depth Jumps", BODY);
        assert_eq!(jumps.pattern, Pattern::Jump);
        assert!(jumps.impact);
    }

    #[test]
    fn the_measure_comes_from_the_set() {
        let run = SetShape {
            weight: false,
            reps: false,
            timed: true,
            distance: true,
            ..LIFTED
        };
        assert_eq!(guess("Trail Running", run).measure, Measure::Distance);
        let sled = SetShape {
            distance: true,
            ..LIFTED
        };
        assert_eq!(guess("Sled Drag", sled).measure, Measure::WeightDistance);
        let hold = SetShape {
            weight: false,
            reps: false,
            timed: true,
            ..LIFTED
        };
        assert_eq!(guess("Hollow Hold", hold).measure, Measure::Time);
        // Reps win over a duration: Strong writes both for some sets.
        let both = SetShape {
            timed: true,
            ..BODY
        };
        assert_eq!(guess("Hollow Rocks", both).measure, Measure::BodyweightReps);
        assert_eq!(guess("Atlas Stone", LIFTED).measure, Measure::WeightReps);
    }

    #[test]
    fn equipment_alone_means_a_load_and_nothing_means_body_weight() {
        let e = guess("Cable Fly", BODY);
        assert_eq!(
            (e.measure, e.equipment),
            (Measure::WeightReps, Equipment::Cable)
        );
        let e = guess("Nordic Curl", BODY);
        assert_eq!(
            (e.measure, e.equipment),
            (Measure::BodyweightReps, Equipment::Bodyweight)
        );
    }

    #[test]
    fn a_cardio_category_makes_any_name_cardio() {
        let shape = SetShape {
            category: Some("Cardio"),
            ..BODY
        };
        assert_eq!(guess("Stairmaster", shape).pattern, Pattern::Cardio);
        assert_eq!(guess("Stairmaster", BODY).pattern, Pattern::Isolation);
    }

    #[test]
    fn only_barbell_squats_and_hinges_load_the_spine() {
        assert!(guess("Zercher Squat (Barbell)", LIFTED).axial);
        assert!(guess("Snatch Grip Deadlift Barbell", LIFTED).axial);
        assert!(!guess("Goblet Squat (Dumbbell)", LIFTED).axial);
        assert!(!guess("Barbell Curl", LIFTED).axial);
    }

    #[test]
    fn the_name_is_kept_as_written_up_to_the_longest_name_heft_keeps() {
        assert_eq!(guess("  Odd  Lift ", LIFTED).name, "  Odd  Lift ");
        let long = "x".repeat(validate::MAX_NAME_CHARS + 10);
        assert_eq!(
            guess(&long, LIFTED).name.chars().count(),
            validate::MAX_NAME_CHARS
        );
        assert_eq!(guess("Odd", LIFTED).id, "x");
    }
}
