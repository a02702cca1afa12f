//! The person: units and the facts the engine's safety rules depend on.

use serde::{Deserialize, Serialize};

use super::names::named_enum;
use super::{Equipment, WeightUnit};
use super::{Formula, Loadout};

/// Sex, for norms (grip, chair stand) that differ by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Sex {
    Female,
    Male,
}
named_enum!(Sex, "sex" { Female => "female", Male => "male" });

/// Bone density status from the latest DXA (WHO bands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BoneStatus {
    /// T-score >= -1.0.
    Normal,
    /// T-score between -1.0 and -2.5.
    Osteopenia,
    /// T-score <= -2.5.
    Osteoporosis,
}
named_enum!(BoneStatus, "bone status" {
    Normal => "normal", Osteopenia => "osteopenia", Osteoporosis => "osteoporosis",
});

/// Past fractures that change what is safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FractureHistory {
    /// None known.
    None,
    /// A fragility fracture (from standing height or less), not vertebral.
    Fragility,
    /// A vertebral fracture: a physiotherapist should be seen before heavy loading.
    Vertebral,
}
named_enum!(FractureHistory, "fracture history" {
    None => "none", Fragility => "fragility", Vertebral => "vertebral",
});

/// The profile as stored; every field but the unit may be unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Profile {
    /// Unit used when a weight is typed without one.
    pub unit: WeightUnit,
    /// Year of birth.
    pub birth_year: Option<i32>,
    /// Sex.
    pub sex: Option<Sex>,
    /// Bone density status.
    pub bone_status: Option<BoneStatus>,
    /// Fracture history.
    pub fracture_history: Option<FractureHistory>,
    /// A custom bar, plates and steps; `None` uses the standard set for the unit.
    pub loadout: Option<Loadout>,
    /// Owns fractional plates (used with the standard set).
    pub micro_plates: bool,
    /// Equipment at hand; `None` means a full gym.
    pub equipment: Option<Vec<Equipment>>,
    /// Minutes of running in a typical week.
    pub running_min_week: Option<u16>,
    /// Formula for estimated 1RMs; Epley when unset.
    pub formula: Option<Formula>,
    /// The person's elastic bands by name, light to heavy; `None` when not given.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bands: Option<Vec<String>>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            unit: WeightUnit::Kg,
            birth_year: None,
            sex: None,
            bone_status: None,
            fracture_history: None,
            loadout: None,
            micro_plates: false,
            equipment: None,
            running_min_week: None,
            formula: None,
            bands: None,
        }
    }
}

/// Changes to a profile: `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProfileUpdate {
    /// New default unit.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unit: Option<WeightUnit>,
    /// New birth year.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub birth_year: Option<i32>,
    /// New sex.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sex: Option<Sex>,
    /// New bone status.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bone_status: Option<BoneStatus>,
    /// New fracture history.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub fracture_history: Option<FractureHistory>,
    /// New custom loadout.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub loadout: Option<Loadout>,
    /// Owns fractional plates or not.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub micro_plates: Option<bool>,
    /// Equipment at hand (an empty list means a full gym).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub equipment: Option<Vec<Equipment>>,
    /// Minutes of running in a typical week.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub running_min_week: Option<u16>,
    /// Formula for estimated 1RMs.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub formula: Option<Formula>,
    /// The person's elastic bands, light to heavy (an empty list clears them).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bands: Option<Vec<String>>,
}

/// Most bands a profile lists.
pub const MAX_BANDS: usize = 12;
/// Longest band name, in characters.
pub const MAX_BAND_NAME: usize = 24;

/// A band name as stored: lower case, trimmed. `None` when it is not a name:
/// letters, digits and '-' only (so it reads back from `12r@band:red`).
pub fn band_name(s: &str) -> Option<String> {
    let name = s.trim().to_lowercase();
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_BAND_NAME
        && name.chars().any(char::is_alphanumeric)
        && name.chars().all(|c| c.is_alphanumeric() || c == '-');
    ok.then_some(name)
}
