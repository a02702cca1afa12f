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

/// The profile field holding the exercises the person swapped for good in
/// the running program: JSON `{"run": <run id>, "swaps": {from: to}}`. A
/// field, not a column of the run: a device one version behind keeps the
/// row as it is and passes it on (docs/FORMATS.md), where it would drop a
/// key of the run's state the next time it counted a session.
pub(crate) const SWAPS_FIELD: &str = "program_swaps";
/// The profile field holding the weekdays the person trains: `mon,wed,fri`.
pub(crate) const DAYS_FIELD: &str = "training_days";

/// Profile field `field` as stored, when it is set.
pub(crate) fn field(conn: &rusqlite::Connection, field: &str) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached("SELECT value FROM profile WHERE field = ?1 AND deleted = 0")?
        .query_row([field], |r| r.get::<_, String>(0))
        .optional()?)
}

/// Sets `field` to `value`, or clears it (a tombstone that syncs) for `None`.
pub(crate) fn put_field(
    conn: &rusqlite::Connection,
    field: &str,
    value: Option<&str>,
    hlc: &str,
) -> Result<()> {
    match value {
        Some(v) => set_field(conn, field, v, hlc),
        None => {
            conn.prepare_cached(
                "UPDATE profile SET deleted = 1, hlc = ?2 WHERE field = ?1 AND deleted = 0",
            )?
            .execute((field, hlc))?;
            Ok(())
        }
    }
}

/// The swaps of the run `run_id` as stored.
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct StoredSwaps {
    pub run: String,
    pub swaps: std::collections::BTreeMap<String, String>,
}

/// The person's adjustments to the run `run_id`: its swaps (those stored
/// for another run do not apply) and the training days. A value this
/// version cannot read (damaged, or written by a newer one) is left as it
/// is and read as no adjustment.
pub(crate) fn adjustments(
    conn: &rusqlite::Connection,
    run_id: Option<&str>,
) -> Result<crate::progression::Adjustments> {
    use crate::progression::{Adjustments, Weekday};
    let swaps = field(conn, SWAPS_FIELD)?
        .and_then(|v| serde_json::from_str::<StoredSwaps>(&v).ok())
        .filter(|s| Some(s.run.as_str()) == run_id)
        .map(|s| s.swaps)
        .unwrap_or_default();
    let days = field(conn, DAYS_FIELD)?
        .and_then(|v| {
            v.split(',')
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<Weekday>().ok())
                .collect::<Option<Vec<_>>>()
        })
        .unwrap_or_default();
    Ok(Adjustments {
        swaps,
        ..Adjustments::default()
    }
    .with_days(days))
}
