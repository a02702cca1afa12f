//! Finish: the session just finished and what changes next time, per
//! exercise, as a badge ("+2.5 kg", "+1 rep", "Same again") with the
//! engine's reason.

use serde::Serialize;

use super::{Action, ActionKind, Note, Tone, day_name, phase_name};
use crate::model::{SetEntry, SetKind, SetTarget, Unit, Weight, WeightUnit};
use std::collections::BTreeMap;

use crate::progression::LiftState;
use crate::progression::plan::SessionPlan;
use crate::progression::session::Finished;
use crate::text::{Arg, Language, Text};

/// The Finish screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FinishScreen {
    /// The language it is written in.
    pub language: Language,
    /// "Session 3 done", or "Workout finished" when it was not a session
    /// of the program.
    pub title: String,
    /// "3 exercises · 15 sets · 42 min".
    pub summary: String,
    /// Per exercise of the workout, in the order first logged.
    pub rows: Vec<ChangeRow>,
    /// When and what the next session is, when a program is running.
    pub next: Option<String>,
    /// What to do now.
    pub actions: Vec<Action>,
    /// The workout finished, to open it in the history.
    pub workout_id: String,
}

/// What changes next time for one exercise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChangeRow {
    /// The exercise's id.
    pub exercise_id: String,
    /// Its name.
    pub title: String,
    /// "+2.5 kg", "−5 kg", "+1 rep", "Same again", "Not in the next
    /// session"; null when the workout was not a session of the program.
    pub badge: Option<String>,
    /// Good for a step up, caution for a step down, else neutral.
    pub tone: Tone,
    /// Why, as the engine says it.
    pub reason: Option<Note>,
}

/// The run's lifts before a finish and after it.
pub type LiftsBeforeAfter<'a> = (
    &'a BTreeMap<String, LiftState>,
    &'a BTreeMap<String, LiftState>,
);

/// What the Finish screen is built from, read after the finish.
pub struct FinishInput<'a> {
    /// What finishing did.
    pub finished: &'a Finished,
    /// The workout's live sets, with the prescription each working set
    /// recorded when the session was counted.
    pub sets: &'a [SetEntry],
    /// The next session's plan, when the workout was a counted session.
    pub next: Option<&'a SessionPlan>,
    /// What the run knew of each lift before the finish and after it,
    /// when a program is running.
    pub lifts: Option<LiftsBeforeAfter<'a>>,
    /// The person's unit of weight.
    pub unit: WeightUnit,
}

/// The screen after a finish.
pub fn build(input: &FinishInput<'_>, text: &Text) -> FinishScreen {
    let mut order: Vec<(&str, &str)> = Vec::new();
    for s in input.sets {
        if !order.iter().any(|(id, _)| *id == s.input.exercise_id) {
            order.push((&s.input.exercise_id, &s.exercise_name));
        }
    }
    let session = input.finished.session.as_ref();
    let rows = order
        .iter()
        .map(|(id, name)| {
            let (badge, tone) = match session {
                Some(_) => {
                    let (b, t) = badge(input, id, text);
                    (Some(b), t)
                }
                None => (None, Tone::Neutral),
            };
            ChangeRow {
                exercise_id: (*id).to_owned(),
                title: (*name).to_owned(),
                badge,
                tone,
                reason: session
                    .and_then(|s| s.changes.iter().find(|c| c.exercise_id == *id))
                    .map(|c| Note::of(&c.why, text)),
            }
        })
        .collect();
    let work = input
        .sets
        .iter()
        .filter(|s| s.input.kind != SetKind::Warmup)
        .count();
    let mut summary = text.with(
        "finish-summary",
        &[
            ("exercises", Arg::Count(count(order.len()))),
            ("sets", Arg::Count(count(work))),
        ],
    );
    if let Some(seconds) = input
        .finished
        .workout
        .duration_s
        .or_else(|| {
            let w = &input.finished.workout;
            w.finished_at.and_then(|end| {
                u32::try_from(end.0.signed_duration_since(w.started_at.0).num_seconds()).ok()
            })
        })
        .filter(|s| *s > 0)
    {
        summary = text.with(
            "finish-summary-with-length",
            &[
                ("summary", summary.into()),
                ("minutes", Arg::Count(u64::from(seconds.div_ceil(60)))),
            ],
        );
    }
    FinishScreen {
        workout_id: input.finished.workout.id.clone(),
        language: text.language(),
        title: match session {
            Some(s) => text.with(
                "finish-session-title",
                &[("session", Arg::Count(s.session_number.into()))],
            ),
            None => text.get("finish-workout-title"),
        },
        summary,
        rows,
        next: input.next.map(|p| {
            text.with(
                "finish-next",
                &[
                    ("date", text.date(p.ready_on).into()),
                    ("phase", phase_name(&p.program_id, &p.phase, text).into()),
                    ("day", day_name(&p.program_id, &p.day, text).into()),
                ],
            )
        }),
        actions: vec![Action::new(ActionKind::Done, text.get("action-done"))],
    }
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// The badge of one exercise: what the rule now holds for the lift against
/// what it held before the session (the working load, the rep target, the
/// band), so a lift of another day of the program has one too; for a lift
/// whose load the rule does not hold (it comes from the estimate), its
/// first working set as prescribed against the next session's plan.
fn badge(input: &FinishInput<'_>, exercise_id: &str, text: &Text) -> (String, Tone) {
    let held = input
        .lifts
        .and_then(|(before, after)| Some((before.get(exercise_id), after.get(exercise_id)?)));
    if let Some((before, after)) = held {
        let before = before.cloned().unwrap_or_default();
        // A lift whose load the rule takes over now held none before: what
        // this session prescribed is what the next load moves from.
        let before_kg = before.load_kg.or_else(|| {
            first_target(input, exercise_id)
                .and_then(|t| t.weight)
                .map(|w| w.base())
        });
        let loads = before_kg.zip(after.load_kg);
        if let Some((b, a)) = loads {
            let delta = (a - b) / input.unit.base_factor();
            if delta.abs() >= 0.005 {
                return load_badge(delta, input.unit, text);
            }
        }
        // A rep target the rule sets for the first time (one more rep
        // before a load step too big) moves from the reps this session
        // prescribed.
        let before_reps = before.reps.or_else(|| {
            first_target(input, exercise_id)
                .and_then(|t| t.reps)
                .and_then(|r| u16::try_from(r).ok())
        });
        let reps = before_reps.zip(after.reps);
        if let Some((b, a)) = reps
            && a != b
        {
            return reps_badge(u32::from(b), u32::from(a), text);
        }
        if let Some(band) = after
            .band
            .as_deref()
            .filter(|a| before.band.as_deref() != Some(*a))
        {
            return (
                text.with("badge-band", &[("band", band.into())]),
                Tone::Good,
            );
        }
        // Same only where something was compared; a rep target dropped (back
        // to the slot's range) or a load the rule let go reads from the plan.
        if loads.is_some() || reps.is_some() {
            return (text.get("badge-same"), Tone::Neutral);
        }
    }
    planned_badge(input, exercise_id, text)
}

fn load_badge(delta: f64, unit: WeightUnit, text: &Text) -> (String, Tone) {
    let amount = text.amount(delta.abs(), 2, unit.symbol());
    if delta > 0.0 {
        (
            text.with("badge-up", &[("amount", amount.into())]),
            Tone::Good,
        )
    } else {
        (
            text.with("badge-down", &[("amount", amount.into())]),
            Tone::Caution,
        )
    }
}

fn reps_badge(before: u32, next: u32, text: &Text) -> (String, Tone) {
    match next.cmp(&before) {
        std::cmp::Ordering::Greater => (
            text.with(
                "badge-reps-up",
                &[("reps", Arg::Count((next - before).into()))],
            ),
            Tone::Good,
        ),
        std::cmp::Ordering::Less => (
            text.with(
                "badge-reps-down",
                &[("reps", Arg::Count((before - next).into()))],
            ),
            Tone::Neutral,
        ),
        std::cmp::Ordering::Equal => (text.get("badge-same"), Tone::Neutral),
    }
}

/// What this session prescribed for the exercise's first working set, as
/// the set recorded it when the session was counted.
fn first_target(input: &FinishInput<'_>, exercise_id: &str) -> Option<SetTarget> {
    input
        .sets
        .iter()
        .filter(|s| s.input.exercise_id == exercise_id && s.input.kind != SetKind::Warmup)
        .find_map(|s| s.target)
}

/// The first working set as this session prescribed it against the same
/// in the next session's plan.
fn planned_badge(input: &FinishInput<'_>, exercise_id: &str, text: &Text) -> (String, Tone) {
    let before = first_target(input, exercise_id);
    let next = input
        .next
        .and_then(|p| p.exercises.iter().find(|e| e.exercise_id == exercise_id))
        .and_then(|e| e.sets.first());
    let Some(next) = next else {
        return (text.get("badge-not-next"), Tone::Neutral);
    };
    let in_unit = |w: Weight| w.in_unit(input.unit);
    let next_weight = next.load.weight();
    let Some(before) = before.filter(|b| b.weight.is_some() || next_weight.is_none()) else {
        // No load was prescribed (it was found by working up): the load now set.
        return match next_weight {
            Some(w) => {
                let load = text.weight(Weight::from_milli(
                    (in_unit(w) * 1000.0).round() as i64,
                    input.unit,
                ));
                (
                    text.with("badge-load-set", &[("weight", load.into())]),
                    Tone::Neutral,
                )
            }
            None => (text.get("badge-same"), Tone::Neutral),
        };
    };
    if let (Some(b), Some(n)) = (before.weight, next_weight) {
        let delta = in_unit(n) - in_unit(b);
        // Below a hundredth of the unit the loads are the same.
        if delta.abs() >= 0.005 {
            return load_badge(delta, input.unit, text);
        }
    }
    match before.reps {
        Some(b) if b > 0 => reps_badge(b, u32::from(next.reps.min), text),
        _ => (text.get("badge-same"), Tone::Neutral),
    }
}
