//! Exercises: what is lifted, how it is measured, and what it asks of the spine.

use serde::{Deserialize, Serialize};

use super::names::named_enum;

/// The movement pattern: what the engine balances across a week and spaces 48 h apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Pattern {
    /// Knee- and hip-dominant bilateral lower body (squats, leg press).
    Squat,
    /// Hip-dominant with a neutral spine (deadlifts, RDL, hip thrust).
    Hinge,
    /// Single-leg lower body (lunges, split squats, step-ups).
    Lunge,
    /// Pressing away from the body (bench, overhead press, push-up).
    Push,
    /// Pulling toward the body (rows, pull-ups, pulldowns).
    Pull,
    /// Walking under load.
    Carry,
    /// Jumps, hops and landings.
    Jump,
    /// Trunk work.
    Core,
    /// Single-joint accessory work.
    Isolation,
    /// Running, rowing, cycling and other endurance work.
    Cardio,
}

/// What the exercise is done with; decides load steps and rounding later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Equipment {
    /// Olympic or standard barbell.
    Barbell,
    /// Dumbbells.
    Dumbbell,
    /// Kettlebells.
    Kettlebell,
    /// Selectorised or plate-loaded machine.
    Machine,
    /// Cable stack.
    Cable,
    /// Elastic band.
    Band,
    /// No equipment.
    Bodyweight,
    /// Hexagonal (trap) bar.
    TrapBar,
    /// Smith machine.
    SmithMachine,
    /// EZ curl bar.
    EzBar,
    /// A single weight plate.
    Plate,
    /// Sled.
    Sled,
    /// Anything else.
    Other,
}

/// How a set of this exercise is measured, and so which fields a set needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Measure {
    /// External load times repetitions.
    WeightReps,
    /// Body weight (plus added or minus assisting load) times repetitions.
    BodyweightReps,
    /// Repetitions only; the resistance is not measured (bands).
    Reps,
    /// A hold for time.
    Time,
    /// A distance, usually with its time.
    Distance,
    /// A load carried or pushed over a distance.
    WeightDistance,
}

/// Muscle groups, for weekly hard sets per group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Muscle {
    Chest,
    Back,
    Shoulders,
    Biceps,
    Triceps,
    Forearms,
    Quads,
    Hamstrings,
    Glutes,
    Adductors,
    Abductors,
    Calves,
    Abs,
    Obliques,
    LowerBack,
    Traps,
}

/// An exercise, built in or added by the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Exercise {
    /// Stable id: a slug for built-ins ("back-squat"), a UUIDv7 for custom ones.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names that resolve to this exercise (other apps' names, short forms).
    pub aliases: Vec<String>,
    /// Movement pattern.
    pub pattern: Pattern,
    /// Equipment used.
    pub equipment: Equipment,
    /// How a set is measured.
    pub measure: Measure,
    /// Muscle groups trained.
    pub muscles: Vec<Muscle>,
    /// One side at a time.
    pub unilateral: bool,
    /// Loads the spine axially (counts toward the bone-loading dose).
    pub axial: bool,
    /// Loaded or forceful spinal flexion: never prescribed with low bone mass.
    pub spinal_flexion: bool,
    /// Forceful or end-range twisting: never prescribed with low bone mass.
    pub spinal_rotation: bool,
    /// Impact or landings.
    pub impact: bool,
    /// Shipped with Heft (true) or added by the person (false).
    pub builtin: bool,
}

/// A custom exercise to add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewExercise {
    /// Display name; must not clash with an existing name or alias.
    pub name: String,
    /// Other names for it.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub aliases: Vec<String>,
    /// Movement pattern.
    pub pattern: Pattern,
    /// Equipment used.
    pub equipment: Equipment,
    /// How a set is measured.
    pub measure: Measure,
    /// Muscle groups trained.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub muscles: Vec<Muscle>,
    /// One side at a time.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unilateral: bool,
    /// Loads the spine axially.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub axial: bool,
    /// Loaded spinal flexion.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub spinal_flexion: bool,
    /// Forceful twisting.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub spinal_rotation: bool,
    /// Impact or landings.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub impact: bool,
}

impl NewExercise {
    /// A custom exercise with the given name and measure and no safety flags set.
    pub fn named(
        name: impl Into<String>,
        pattern: Pattern,
        equipment: Equipment,
        measure: Measure,
    ) -> Self {
        NewExercise {
            name: name.into(),
            aliases: Vec::new(),
            pattern,
            equipment,
            measure,
            muscles: Vec::new(),
            unilateral: false,
            axial: false,
            spinal_flexion: false,
            spinal_rotation: false,
            impact: false,
        }
    }
}

named_enum!(Pattern, "pattern" {
    Squat => "squat", Hinge => "hinge", Lunge => "lunge", Push => "push", Pull => "pull",
    Carry => "carry", Jump => "jump", Core => "core", Isolation => "isolation", Cardio => "cardio",
});
named_enum!(Equipment, "equipment" {
    Barbell => "barbell", Dumbbell => "dumbbell", Kettlebell => "kettlebell", Machine => "machine",
    Cable => "cable", Band => "band", Bodyweight => "bodyweight", TrapBar => "trap_bar",
    SmithMachine => "smith_machine", EzBar => "ez_bar", Plate => "plate", Sled => "sled", Other => "other",
});
named_enum!(Measure, "measure" {
    WeightReps => "weight_reps", BodyweightReps => "bodyweight_reps", Reps => "reps", Time => "time",
    Distance => "distance", WeightDistance => "weight_distance",
});
named_enum!(Muscle, "muscle" {
    Chest => "chest", Back => "back", Shoulders => "shoulders", Biceps => "biceps", Triceps => "triceps",
    Forearms => "forearms", Quads => "quads", Hamstrings => "hamstrings", Glutes => "glutes",
    Adductors => "adductors", Abductors => "abductors", Calves => "calves", Abs => "abs",
    Obliques => "obliques", LowerBack => "lower_back", Traps => "traps",
});
