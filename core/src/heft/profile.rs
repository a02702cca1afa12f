//! The profile, stored one field per row so that edits on two devices merge
//! field by field.

use chrono::Datelike;

use super::Heft;
use crate::model::{Profile, ProfileUpdate, Unit, band_name};
use crate::store;
use crate::validate::{self, Field, Problem, ValidationError};
use crate::{Error, Result};

impl Heft {
    /// The profile; unset fields are `None` and the unit defaults to kg.
    pub fn profile(&self) -> Result<Profile> {
        self.read(store::profile::read)
    }

    /// Changes the given fields of the profile.
    pub fn update_profile(&self, update: &ProfileUpdate) -> Result<Profile> {
        validate::profile(update, self.now().year())?;
        let bands = update.bands.as_ref().map(|list| {
            list.iter()
                .filter_map(|b| band_name(b))
                .collect::<Vec<_>>()
                .join(",")
        });
        if let Some(loadout) = &update.loadout
            && loadout.unit != update.unit.unwrap_or(self.profile()?.unit)
        {
            return Err(ValidationError {
                field: Field::Loadout,
                problem: Problem::Malformed {
                    expected: "a loadout in the profile's unit".into(),
                },
            }
            .into());
        }
        let loadout = match &update.loadout {
            Some(l) => Some(serde_json::to_string(l).map_err(|e| Error::Conflict(e.to_string()))?),
            None => None,
        };
        let fields: [(&str, Option<String>); 11] = [
            ("unit", update.unit.map(|u| u.symbol().to_owned())),
            ("birth_year", update.birth_year.map(|y| y.to_string())),
            ("sex", update.sex.map(|s| s.as_str().to_owned())),
            (
                "bone_status",
                update.bone_status.map(|s| s.as_str().to_owned()),
            ),
            (
                "fracture_history",
                update.fracture_history.map(|s| s.as_str().to_owned()),
            ),
            ("loadout", loadout),
            ("micro_plates", update.micro_plates.map(|b| b.to_string())),
            (
                "equipment",
                update.equipment.as_ref().map(|list| {
                    list.iter()
                        .map(|e| e.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                }),
            ),
            (
                "running_min_week",
                update.running_min_week.map(|m| m.to_string()),
            ),
            ("formula", update.formula.map(|f| f.name().to_lowercase())),
            ("bands", bands),
        ];
        self.write(|tx, stamp| {
            for (field, value) in &fields {
                if let Some(value) = value {
                    crate::store::profile::set_field(tx, field, value, &stamp.next())?;
                }
            }
            Ok(())
        })?;
        self.profile()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::heft;
    use crate::model::{BoneStatus, ProfileUpdate, WeightUnit};

    #[test]
    fn defaults_then_keeps_updates_field_by_field() {
        let h = heft();
        assert_eq!(h.profile().unwrap().unit, WeightUnit::Kg);
        h.update_profile(&ProfileUpdate {
            unit: Some(WeightUnit::Lb),
            ..Default::default()
        })
        .unwrap();
        let p = h
            .update_profile(&ProfileUpdate {
                bone_status: Some(BoneStatus::Osteopenia),
                birth_year: Some(1958),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            (p.unit, p.bone_status, p.birth_year),
            (WeightUnit::Lb, Some(BoneStatus::Osteopenia), Some(1958))
        );
    }

    #[test]
    fn keeps_bands_light_to_heavy_and_refuses_bad_names() {
        let h = heft();
        let bands = |list: &[&str]| ProfileUpdate {
            bands: Some(list.iter().map(|s| (*s).to_owned()).collect()),
            ..Default::default()
        };
        let p = h
            .update_profile(&bands(&["Yellow", " red", "green", "blue"]))
            .unwrap();
        assert_eq!(
            p.bands.unwrap(),
            ["yellow", "red", "green", "blue"].map(String::from)
        );
        for bad in [&["red", "RED"][..], &["red band"], &["a,b"], &[""]] {
            let e = h.update_profile(&bands(bad)).unwrap_err();
            assert_eq!(e.field(), Some("band"), "{bad:?}");
        }
        assert_eq!(h.profile().unwrap().bands.unwrap().len(), 4);
        // An empty list clears them.
        assert_eq!(h.update_profile(&bands(&[])).unwrap().bands, None);
    }

    #[test]
    fn rejects_impossible_birth_years() {
        let h = heft();
        for y in [1800, 2030] {
            let e = h
                .update_profile(&ProfileUpdate {
                    birth_year: Some(y),
                    ..Default::default()
                })
                .unwrap_err();
            assert_eq!(e.field(), Some("birth_year"));
        }
    }
}
