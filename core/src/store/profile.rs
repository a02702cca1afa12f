//! The profile table: one field a row, so edits on two devices merge field
//! by field. Fields a newer Heft added are kept in the table and skipped.

use crate::model::{Equipment, Profile, Unit, WeightUnit, band_name};
use crate::progression::strength::Formula;
use crate::store::rows::parsed;
use crate::{Error, Result};

/// Sets profile field `field` to `value` (the field's text form).
pub(crate) fn set_field(
    conn: &rusqlite::Connection,
    field: &str,
    value: &str,
    hlc: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO profile (field, value, hlc, deleted) VALUES (?1, ?2, ?3, 0)
         ON CONFLICT (field) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, deleted = 0",
    )?
    .execute((field, value, hlc))?;
    Ok(())
}

/// Reads the profile (unset fields `None`, the unit kg by default).
pub(crate) fn read(conn: &rusqlite::Connection) -> Result<Profile> {
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
