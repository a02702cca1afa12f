//! A file's values as Heft stores them: within Heft's limits, without
//! losing a set.
//!
//! Another app did not check what Heft checks. A value beyond Heft's limits
//! (a typo such as 877777 reps, a workout left running for weeks) leaves its
//! field and goes into the note with the reason; a note or name longer than
//! Heft keeps is shortened; the report counts both.

use chrono::{DateTime, FixedOffset};

use super::RowError;
use super::report::CsvImportReport;
use crate::catalog::guess::SetShape;
use crate::clock::Clock;
use crate::interchange::{CsvLoad, CsvSet, CsvTime};
use crate::model::{
    Effort, Equipment, Exercise, Impact, Load, Measure, SetInput, SetTarget, Timestamp, Unit,
    Weight,
};
use crate::validate::{self, Field};

/// Longest workout duration kept (as sync accepts): a week.
pub(super) const MAX_WORKOUT_S: u32 = 7 * 24 * 3600;

/// A time of the file as stored: a local time in the device's time zone
/// with the offset it had then (`zone`), refused when out of range or
/// after `now`; `field` names the column in the reason.
pub(super) fn instant(
    zone: &dyn Clock,
    now: DateTime<FixedOffset>,
    t: CsvTime,
    field: &str,
) -> Result<Timestamp, RowError> {
    let at = match t {
        CsvTime::Exact(at) => at,
        CsvTime::Local(naive) => naive
            .and_local_timezone(zone.offset_at(naive))
            .single()
            .ok_or_else(|| RowError::Skip(format!("{field}: time out of range")))?,
    };
    if at.offset().local_minus_utc().abs() > 18 * 3600 {
        return Err(RowError::Skip(format!(
            "{field}: UTC offset beyond 18 hours"
        )));
    }
    validate::instant(Field::Date, at, now)
        .map_err(|e| RowError::Skip(format!("{field}: {}", e.problem)))?;
    Ok(Timestamp(at))
}

/// Text as Heft keeps it: line breaks normalised, control characters
/// dropped, at most `max` characters (counted in `report.truncated` when
/// cut); `None` when blank.
pub(super) fn text(text: &str, max: usize, report: &mut CsvImportReport) -> Option<String> {
    let cleaned: String = text
        .replace("\r\n", "\n")
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        return None;
    }
    if cleaned.chars().count() > max {
        report.truncated += 1;
        return Some(cleaned.chars().take(max).collect());
    }
    Some(cleaned.to_owned())
}

/// The set as Heft stores it, done with `exercise`.
pub(super) fn input(set: &CsvSet, exercise: &Exercise, report: &mut CsvImportReport) -> SetInput {
    let load = match set.load {
        CsvLoad::Exact(load) => load,
        CsvLoad::Weight(w) => load_for(w, exercise),
    };
    let impact = set.landings.filter(|&n| n > 0).map(|landings| Impact {
        landings,
        drop_height_cm: set.drop_height_cm,
    });
    let note = set
        .note
        .as_deref()
        .and_then(|n| text(n, validate::MAX_NOTE_CHARS, report));
    let duration_ms = set.duration_ms.filter(|&ms| ms > 0);
    let distance = set.distance.filter(|d| d.milli() > 0);
    // Strong writes 0 in Reps for timed and distance sets: no reps, not a failed rep.
    let reps = set
        .reps
        .filter(|&r| r > 0 || (duration_ms.is_none() && distance.is_none()));
    SetInput {
        exercise_id: exercise.id.clone(),
        kind: set.kind,
        load,
        reps,
        effort: set.effort,
        duration_ms,
        distance,
        impact,
        pain: set.pain,
        note,
        // Only Heft's own layout records these.
        role: set.role,
        effort_source: set.effort_source,
        band: set.band.clone(),
    }
}

/// Makes a set storable without losing it: a value beyond Heft's limits
/// (a typo such as 877777 reps) leaves its field and goes into the note,
/// with the reason. Another app did not check what Heft checks, so a set
/// is kept even when it does not carry what its exercise is measured by
/// (a plank logged with reps), as long as it carries something.
pub(super) fn keep_what_fits(
    input: &mut SetInput,
    report: &mut CsvImportReport,
) -> Result<(), RowError> {
    for _ in 0..12 {
        let Err(e) = validate::set_values(input) else {
            break;
        };
        let moved = match e.field {
            Field::Weight | Field::AddedWeight => {
                let text = match input.load {
                    Load::Weight { weight }
                    | Load::Bodyweight {
                        added: Some(weight),
                    } => {
                        format!("{} {}", weight.value(), weight.unit().symbol())
                    }
                    _ => String::new(),
                };
                input.load = match input.load {
                    Load::Bodyweight { .. } => Load::Bodyweight { added: None },
                    _ => Load::None,
                };
                text
            }
            Field::Reps => input.reps.take().map(|r| r.to_string()).unwrap_or_default(),
            Field::Rir | Field::Rpe => input
                .effort
                .take()
                .map(|e| match e {
                    Effort::Rir(v) => format!("RIR {v}"),
                    Effort::Rpe(v) => format!("RPE {v}"),
                })
                .unwrap_or_default(),
            Field::Duration => input
                .duration_ms
                .take()
                .map(|ms| format!("{} s", ms / 1000))
                .unwrap_or_default(),
            Field::Distance => input
                .distance
                .take()
                .map(|d| format!("{} {}", d.value(), d.unit().symbol()))
                .unwrap_or_default(),
            Field::Landings | Field::DropHeight => {
                input.impact = None;
                String::new()
            }
            Field::Pain => input.pain.take().map(|p| p.to_string()).unwrap_or_default(),
            Field::Note => {
                input.note = None;
                report.truncated += 1;
                continue;
            }
            _ => {
                return Err(RowError::Skip(format!(
                    "{}: {}",
                    e.field.as_str(),
                    e.problem
                )));
            }
        };
        let remark = format!(
            "[import: {} {moved} left out: {}]",
            e.field.as_str(),
            e.problem
        );
        input.note = Some(match input.note.take() {
            Some(n) => {
                // Shorten the note rather than lose the remark or the note.
                let room = validate::MAX_NOTE_CHARS.saturating_sub(remark.chars().count() + 1);
                if n.chars().count() > room {
                    report.truncated += 1;
                }
                let kept: String = n.chars().take(room).collect();
                format!("{kept} {remark}")
            }
            None => remark,
        });
        report.values_moved_to_notes += 1;
    }
    validate::set_values(input)
        .map_err(|e| RowError::Skip(format!("{}: {}", e.field.as_str(), e.problem)))?;
    if input.reps.is_none()
        && input.duration_ms.is_none()
        && input.distance.is_none()
        && matches!(input.load, Load::None)
        && input.note.is_none()
    {
        return Err(RowError::Skip("no reps, weight, time or distance".into()));
    }
    Ok(())
}

/// A workout's duration as kept: one longer than a week (a workout left
/// running for days in the other app) leaves it for the note, with the
/// reason, counted in `report.values_moved_to_notes`.
pub(super) fn workout_duration(
    duration_s: Option<u32>,
    note: &mut Option<String>,
    report: &mut CsvImportReport,
) -> Option<u32> {
    match duration_s {
        Some(s) if s > MAX_WORKOUT_S => {
            let remark = format!("[import: duration {s} s left out: longer than a week]");
            let room = validate::MAX_NOTE_CHARS.saturating_sub(remark.chars().count() + 1);
            *note = Some(match note.take() {
                Some(n) => format!("{} {remark}", n.chars().take(room).collect::<String>()),
                None => remark,
            });
            report.values_moved_to_notes += 1;
            None
        }
        other => other,
    }
}

/// A prescription as far as it is within Heft's limits (others' files may
/// carry anything there).
pub(super) fn target_within_limits(t: SetTarget) -> Option<SetTarget> {
    let t = SetTarget {
        weight: t
            .weight
            .filter(|&w| validate::weight(Field::Weight, w, false).is_ok()),
        reps: t.reps.filter(|&r| r <= validate::MAX_REPS),
        rir: t.rir.filter(|r| r.is_finite() && (0.0..=10.0).contains(r)),
    };
    (t.weight.is_some() || t.reps.is_some() || t.rir.is_some()).then_some(t)
}

/// An id from Heft's layout, if it is one; `field` names the column.
pub(super) fn check_id(id: &str, field: &str) -> Result<String, RowError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(id.to_owned())
    } else {
        Err(RowError::Skip(format!("{field}: not an id")))
    }
}

/// The load of a set from an app's weight column, by how the exercise is
/// measured: on body-weight exercises the weight is added load (negative:
/// assistance); elsewhere a blank or zero weight means no load recorded.
fn load_for(weight: Option<Weight>, exercise: &Exercise) -> Load {
    let weight = weight.filter(|w| w.milli() != 0);
    match exercise.measure {
        Measure::BodyweightReps => Load::Bodyweight { added: weight },
        _ => match weight {
            Some(w) if w.milli() < 0 => Load::Bodyweight { added: Some(w) },
            Some(w) => Load::Weight { weight: w },
            None if exercise.equipment == Equipment::Bodyweight => Load::Bodyweight { added: None },
            None => Load::None,
        },
    }
}

/// What a set tells of how its exercise is measured, for a name the catalog
/// does not know.
pub(super) fn set_shape(set: &CsvSet) -> SetShape<'_> {
    let weight = match set.load {
        CsvLoad::Weight(w) => w.is_some_and(|w| w.milli() != 0),
        CsvLoad::Exact(Load::Weight { .. }) => true,
        CsvLoad::Exact(_) => false,
    };
    SetShape {
        category: set.category.as_deref(),
        weight,
        reps: set.reps.is_some(),
        timed: set.duration_ms.is_some_and(|d| d > 0),
        distance: set.distance.is_some_and(|d| d.milli() > 0),
    }
}
