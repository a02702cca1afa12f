//! The profile, stored one field per row so that edits on two devices merge
//! field by field.

use chrono::Datelike;

use super::Heft;
use crate::model::{
    Equipment, MAX_BAND_NAME, MAX_BANDS, Profile, ProfileUpdate, Unit, WeightUnit, band_name,
};
use crate::progression::strength::Formula;
use crate::store::rows::parsed;
use crate::validate::{EARLIEST_YEAR, Field, MAX_RUNNING_MIN_WEEK, Problem, ValidationError};
use crate::{Error, Result};

impl Heft {
    /// The profile; unset fields are `None` and the unit defaults to kg.
    pub fn profile(&self) -> Result<Profile> {
        self.read(read_profile)
    }

    /// Changes the given fields of the profile.
    pub fn update_profile(&self, update: &ProfileUpdate) -> Result<Profile> {
        check_values(update, self.now().year())?;
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
                    tx.prepare_cached(
                        "INSERT INTO profile (field, value, hlc, deleted) VALUES (?1, ?2, ?3, 0)
                         ON CONFLICT (field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, deleted = 0",
                    )?
                    .execute((field, value, stamp.next()))?;
                }
            }
            Ok(())
        })?;
        self.profile()
    }
}

/// Checks the values a profile may hold; also run on the merged profile
/// after a sync, whose fields may come from another device.
pub(crate) fn check_values(update: &ProfileUpdate, this_year: i32) -> Result<()> {
    if let Some(y) = update.birth_year
        && !(EARLIEST_YEAR..=this_year - 5).contains(&y)
    {
        return Err(ValidationError {
            field: Field::BirthYear,
            problem: Problem::OutOfRange {
                min: EARLIEST_YEAR.to_string(),
                max: (this_year - 5).to_string(),
            },
        }
        .into());
    }
    if let Some(loadout) = &update.loadout {
        loadout.validate().map_err(|e| ValidationError {
            field: Field::Loadout,
            problem: Problem::Malformed {
                expected: e.to_string(),
            },
        })?;
    }
    if let Some(list) = &update.bands {
        check_bands(list)?;
    }
    if let Some(m) = update.running_min_week
        && m > MAX_RUNNING_MIN_WEEK
    {
        return Err(ValidationError {
            field: Field::RunningMinutes,
            problem: Problem::OutOfRange {
                min: "0".into(),
                max: MAX_RUNNING_MIN_WEEK.to_string(),
            },
        }
        .into());
    }
    Ok(())
}

/// A band list: names of letters, digits and '-', each once, at most [`MAX_BANDS`].
fn check_bands(list: &[String]) -> Result<()> {
    let bad = |expected: String| -> Error {
        ValidationError {
            field: Field::Band,
            problem: Problem::Malformed { expected },
        }
        .into()
    };
    if list.len() > MAX_BANDS {
        return Err(bad(format!("at most {MAX_BANDS} bands")));
    }
    let mut seen: Vec<String> = Vec::new();
    for b in list {
        let Some(name) = band_name(b) else {
            return Err(bad(format!(
                "band names of letters, digits and '-' (up to {MAX_BAND_NAME}), not '{}'",
                b.trim()
            )));
        };
        if seen.contains(&name) {
            return Err(bad(format!("each band once ('{name}' twice)")));
        }
        seen.push(name);
    }
    Ok(())
}

/// Reads the profile inside a transaction.
pub(crate) fn read_profile(conn: &rusqlite::Connection) -> Result<Profile> {
    const T: &str = "profile";
    const C: &str = "value";
    let mut stmt = conn.prepare_cached("SELECT field, value FROM profile WHERE deleted = 0")?;
    let mut profile = Profile::default();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (field, value) = row?;
        let bad = |reason: String| Error::BadRow {
            table: T,
            column: C,
            reason,
        };
        match field.as_str() {
            "unit" => {
                profile.unit =
                    WeightUnit::from_symbol(&value).ok_or_else(|| bad(format!("unit '{value}'")))?
            }
            "birth_year" => profile.birth_year = Some(parsed(T, C, value)?),
            "sex" => profile.sex = Some(parsed(T, C, value)?),
            "bone_status" => profile.bone_status = Some(parsed(T, C, value)?),
            "fracture_history" => profile.fracture_history = Some(parsed(T, C, value)?),
            "loadout" => {
                profile.loadout =
                    Some(serde_json::from_str(&value).map_err(|e| bad(format!("loadout: {e}")))?)
            }
            "micro_plates" => profile.micro_plates = parsed(T, C, value)?,
            "equipment" => {
                let list = value
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| s.parse::<Equipment>().map_err(|e| bad(e.to_string())))
                    .collect::<Result<Vec<_>>>()?;
                profile.equipment = (!list.is_empty()).then_some(list);
            }
            "running_min_week" => profile.running_min_week = Some(parsed(T, C, value)?),
            "formula" => {
                profile.formula = Some(match value.as_str() {
                    "epley" => Formula::Epley,
                    "brzycki" => Formula::Brzycki,
                    other => return Err(bad(format!("formula '{other}'"))),
                })
            }
            "bands" => {
                let list: Vec<String> = value
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| band_name(s).ok_or_else(|| bad(format!("band '{s}'"))))
                    .collect::<Result<_>>()?;
                profile.bands = (!list.is_empty()).then_some(list);
            }
            // Fields from a newer version are kept in the table and ignored here.
            _ => {}
        }
    }
    Ok(profile)
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
