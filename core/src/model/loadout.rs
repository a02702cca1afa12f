//! The equipment a person owns, as data: what the engine may load. The
//! plate maths over it (which loads can be made, steps, warm-ups) is the
//! engine's (`progression::loading`); the vocabulary does not depend on it.

use serde::{Deserialize, Serialize};

use super::WeightUnit;

/// Plates of one weight the person owns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlateStock {
    /// Weight of one plate, in the loadout's unit.
    pub weight: f64,
    /// Pairs owned (one plate per side each); `None` = as many as needed.
    pub pairs: Option<u32>,
}

/// Everything that decides which loads can be made, in one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Loadout {
    /// The unit of every weight in the loadout and of every load it rounds.
    pub unit: WeightUnit,
    /// Barbell weight, also used for the trap bar, EZ bar and Smith machine.
    pub bar: f64,
    /// Standard plates.
    pub plates: Vec<PlateStock>,
    /// Fractional (micro) plates; empty when none are owned.
    pub fractional: Vec<PlateStock>,
    /// Dumbbells come in multiples of this; the lightest is one step.
    pub dumbbell_step: f64,
    /// The heaviest dumbbell.
    pub dumbbell_max: f64,
    /// Weight stack step for machines, cables and sleds.
    pub machine_step: f64,
    /// Kettlebells come in multiples of this.
    pub kettlebell_step: f64,
}

/// A loadout field that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("loadout {field} {reason}")]
pub struct LoadoutError {
    /// The field, e.g. `bar` or `plates[2].weight`.
    pub field: String,
    /// What is wrong with it.
    pub reason: &'static str,
}
