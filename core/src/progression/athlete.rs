//! The person as the engine sees them: derived from the profile once per plan.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::loading::Loadout;
use super::strength::Formula;
use crate::model::{BoneStatus, Equipment, Exercise, FractureHistory, Profile, Sex, WeightUnit};

/// Age from which increments shrink (anabolic resistance, SCIENCE.md).
pub const OLDER_FROM_AGE: i32 = 60;

/// What the engine needs to know about the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Athlete {
    /// Age this year, when the birth year is known.
    pub age: Option<i32>,
    /// Sex, when known.
    pub sex: Option<Sex>,
    /// Osteopenia, osteoporosis or a past fragility fracture.
    pub low_bone_mass: bool,
    /// Osteoporosis or a vertebral fracture: high impact is swapped for lower impact.
    pub limit_impact: bool,
    /// A past vertebral fracture: see a physiotherapist before heavy loading.
    pub vertebral_fracture: bool,
    /// Unit loads are shown in.
    pub unit: WeightUnit,
    /// The bar, plates and steps available.
    pub loadout: Loadout,
    /// Equipment at hand; `None` means a full gym.
    pub equipment: Option<Vec<Equipment>>,
    /// Minutes of running in a typical week.
    pub running_min_week: Option<u16>,
    /// Formula for e1RM.
    pub formula: Formula,
    /// Elastic bands by name, light to heavy; empty when not given.
    #[serde(default)]
    pub bands: Vec<String>,
}

impl Athlete {
    /// The athlete described by `profile` on `today`.
    pub fn from_profile(profile: &Profile, today: NaiveDate) -> Athlete {
        let low_bone_mass = matches!(
            profile.bone_status,
            Some(BoneStatus::Osteopenia | BoneStatus::Osteoporosis)
        ) || matches!(
            profile.fracture_history,
            Some(FractureHistory::Fragility | FractureHistory::Vertebral)
        );
        let vertebral_fracture = profile.fracture_history == Some(FractureHistory::Vertebral);
        let loadout = profile
            .loadout
            .clone()
            .filter(|l| l.unit == profile.unit)
            .unwrap_or_else(|| {
                let mut l = Loadout::standard(profile.unit);
                if profile.micro_plates {
                    l.fractional = Loadout::standard_fractional(profile.unit);
                }
                l
            });
        Athlete {
            // A birth year after today (only a damaged or hand-made file
            // carries one) gives no age rather than a negative one.
            age: profile
                .birth_year
                .map(|y| today.year() - y)
                .filter(|a| *a >= 0),
            sex: profile.sex,
            low_bone_mass,
            limit_impact: profile.bone_status == Some(BoneStatus::Osteoporosis)
                || vertebral_fracture,
            vertebral_fracture,
            unit: profile.unit,
            loadout,
            equipment: profile.equipment.clone(),
            running_min_week: profile.running_min_week,
            formula: profile.formula.unwrap_or(Formula::Epley),
            bands: profile.bands.clone().unwrap_or_default(),
        }
    }

    /// True from [`OLDER_FROM_AGE`].
    pub fn is_older(&self) -> bool {
        self.age.is_some_and(|a| a >= OLDER_FROM_AGE)
    }

    /// True when the person has what `exercise` needs.
    pub fn can_do(&self, exercise: &Exercise) -> bool {
        match &self.equipment {
            None => true,
            Some(list) => {
                exercise.equipment == Equipment::Bodyweight || list.contains(&exercise.equipment)
            }
        }
    }
}
