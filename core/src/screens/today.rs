//! Today: the session in progress. Exercise cards with each planned set
//! and what was logged of it, last session's values, the plates per side,
//! the next set highlighted, the rest after the last set, the plan's
//! reasons, and the one action that fits now.

use chrono::TimeDelta;
use serde::Serialize;

use super::sets::{body_weight, logged_set, planned_set, reps_with_load, with_band};
use super::{
    Action, ActionKind, Banner, EmptyState, Note, RowState, Tone, day_name, phase_name,
    program_name,
};
use crate::model::{
    Equipment, Exercise, Load, Loadout, Measure, SetEntry, SetInput, SetKind, Timestamp, Unit,
    Weight, WeightUnit, WorkoutLog,
};
use crate::progression::ExerciseLookup;
use crate::progression::plan::Warning;
use crate::progression::plan::{DoseLevel, ExercisePlan, PlannedLoad, PlannedSet};
use crate::progression::session::{Today, as_prescribed};
use crate::progression::{PastWorkout, WarningCode};
use crate::text::{Arg, Language, Phrase, Text};

/// The Today screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TodayScreen {
    /// The language it is written in.
    pub language: Language,
    /// The heading: the program's name, or what to do without one.
    pub title: String,
    /// Which session, phase, day and date.
    pub subtitle: Option<String>,
    /// How long the session takes and the week's minutes with it.
    pub minutes: Option<String>,
    /// Where the week's minutes stand against the 40-60 min band.
    pub dose: Option<Banner>,
    /// Warnings and a rest day, most important first.
    pub banners: Vec<Banner>,
    /// The plan's reasons for the whole session.
    pub notes: Vec<Note>,
    /// One card per planned exercise, in order.
    pub cards: Vec<ExerciseCard>,
    /// The rest after the last logged set, while it runs.
    pub rest: Option<RestTimer>,
    /// What to do now, the main one first.
    pub actions: Vec<Action>,
    /// Shown instead of the session when there is none.
    pub empty: Option<EmptyState>,
    /// The workout the session is being logged into, once it has sets.
    pub workout_id: Option<String>,
    /// Taking back the last change made on this device, when there is one
    /// (`undo_screen`).
    pub undo: Option<Action>,
}

/// One planned exercise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExerciseCard {
    /// The exercise's id.
    pub exercise_id: String,
    /// Its name.
    pub title: String,
    /// The rest between its working sets.
    pub rest: String,
    /// "2 of 5 sets done".
    pub progress: String,
    /// Done when every working set is logged.
    pub state: RowState,
    /// Why a program's exercise was replaced, when it was.
    pub swap: Option<String>,
    /// Warm-ups, then working sets, then sets logged beyond the plan.
    pub rows: Vec<SetRow>,
    /// The plan's reasons for its numbers.
    pub notes: Vec<Note>,
}

/// One planned (or extra logged) set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetRow {
    /// "Warm-up 1", "Set 3".
    pub label: String,
    /// What the plan says: "40 kg × 5"; empty for a set beyond the plan.
    pub planned: String,
    /// The effort the plan asks for: "2 in reserve · RPE 8, 80% of e1RM".
    pub effort: Option<String>,
    /// What was logged, once it was.
    pub done: Option<String>,
    /// The same set last session.
    pub last_time: Option<String>,
    /// The plates to load: "Per side: 20 + 2.5 kg".
    pub plates: Option<String>,
    /// Done, next or to do.
    pub state: RowState,
    /// Good when logged as planned, caution when short of it.
    pub tone: Tone,
    /// The whole row as one sentence, for a screen reader.
    pub spoken: String,
    /// The logged set, once there is one: for edit and delete.
    pub set_id: Option<String>,
}

/// The rest after a logged set, for the shell's countdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RestTimer {
    /// When the last set was logged.
    pub started_at: Timestamp,
    /// How long to rest.
    pub seconds: u32,
    /// "Rest 3 min".
    pub label: String,
}

/// What the Today screen is built from, read in one snapshot.
pub struct TodayInput<'a> {
    /// The plan and how far the session has come.
    pub today: &'a Today,
    /// The session's workout with its sets, once it has any.
    pub session: Option<&'a WorkoutLog>,
    /// Earlier workouts, oldest first: where last session's values come from.
    pub history: &'a [PastWorkout],
    /// The person's unit of weight.
    pub unit: WeightUnit,
    /// The equipment owned, for the plates.
    pub loadout: &'a Loadout,
    /// The exercises, for their equipment.
    pub exercises: &'a dyn ExerciseLookup,
    /// Now, for the rest timer.
    pub now: Timestamp,
}

/// The screen when no program is running: the workout logged today so
/// far, if any, with a card per exercise and its sets, and what to do.
pub fn no_program(session: Option<&WorkoutLog>, text: &Text) -> TodayScreen {
    let logged: &[SetEntry] = session.map_or(&[], |s| s.sets.as_slice());
    let mut order: Vec<&str> = Vec::new();
    for s in logged {
        if !order.contains(&s.input.exercise_id.as_str()) {
            order.push(&s.input.exercise_id);
        }
    }
    let cards: Vec<ExerciseCard> = order
        .iter()
        .map(|id| {
            let sets: Vec<&SetEntry> = logged
                .iter()
                .filter(|s| s.input.exercise_id == *id)
                .collect();
            // Warm-ups and working sets are numbered each on their own.
            let (mut warmups, mut work) = (0, 0);
            let rows = sets
                .iter()
                .map(|set| {
                    let (id, n) = if set.input.kind == SetKind::Warmup {
                        warmups += 1;
                        ("row-warmup", warmups)
                    } else {
                        work += 1;
                        ("row-set", work)
                    };
                    let label = text.with(id, &[("number", Arg::Count(n))]);
                    free_row(label, set, text)
                })
                .collect();
            ExerciseCard {
                exercise_id: (*id).to_owned(),
                title: sets
                    .first()
                    .map(|s| s.exercise_name.clone())
                    .unwrap_or_default(),
                rest: String::new(),
                progress: text.with(
                    "sets-logged",
                    &[(
                        "count",
                        Arg::Count(u64::try_from(sets.len()).unwrap_or(u64::MAX)),
                    )],
                ),
                state: RowState::Done,
                swap: None,
                rows,
                notes: Vec::new(),
            }
        })
        .collect();
    let mut actions = Vec::new();
    if !logged.is_empty() {
        actions.push(Action::new(
            ActionKind::Finish,
            text.get("action-finish-workout"),
        ));
    }
    actions.push(Action::new(
        ActionKind::ChooseProgram,
        text.get("action-choose-program"),
    ));
    TodayScreen {
        language: text.language(),
        title: text.get("no-program-title"),
        subtitle: None,
        minutes: None,
        dose: None,
        banners: Vec::new(),
        notes: Vec::new(),
        cards,
        rest: None,
        actions,
        empty: logged.is_empty().then(|| EmptyState {
            title: text.get("no-program-title"),
            body: text.get("no-program-body"),
        }),
        workout_id: session
            .filter(|_| !logged.is_empty())
            .map(|s| s.workout.id.clone()),
        undo: None,
    }
}

/// Today when it cannot be read now (a program that no longer loads):
/// what was just saved stands.
pub fn unavailable(text: &Text) -> TodayScreen {
    TodayScreen {
        empty: Some(EmptyState {
            title: text.get("today-unavailable-title"),
            body: text.get("today-unavailable-body"),
        }),
        actions: Vec::new(),
        title: text.get("today-unavailable-title"),
        ..no_program(None, text)
    }
}

/// The action that takes back the last change, for a screen that offers it.
/// The undo button, saying what it takes back when the step says
/// (`label`, its English `english`); a step recorded before steps kept one
/// is plain "Undo".
pub fn undo_action(label: Option<&Phrase>, english: &str, text: &Text) -> Action {
    let words = match label {
        Some(step) => text.with(
            "action-undo-step",
            &[("step", text.phrase_or(step, english).into())],
        ),
        None => text.get("action-undo"),
    };
    Action::new(ActionKind::Undo, words)
}

/// A logged set with no plan to compare it with.
fn free_row(label: String, set: &SetEntry, text: &Text) -> SetRow {
    let done = logged_set(&set.input, text);
    let spoken = text.with(
        "row-spoken",
        &[
            ("label", label.as_str().into()),
            ("set", done.as_str().into()),
            ("state", text.get("state-done").into()),
        ],
    );
    SetRow {
        label,
        planned: String::new(),
        effort: None,
        done: Some(done),
        last_time: None,
        plates: None,
        state: RowState::Done,
        tone: Tone::Neutral,
        spoken,
        set_id: Some(set.id.clone()),
    }
}

/// The screen for a planned session.
pub fn build(input: &TodayInput<'_>, text: &Text) -> TodayScreen {
    let plan = &input.today.plan;
    let logged: &[SetEntry] = input.session.map_or(&[], |s| s.sets.as_slice());
    let cards: Vec<ExerciseCard> = plan
        .exercises
        .iter()
        .enumerate()
        .map(|(i, ex)| card(input, i, ex, logged, text))
        .collect();
    let resting = plan.ready_on > plan.date && logged.is_empty();
    let layoff_banner = plan.warnings.iter().any(|w| w.code == WarningCode::Layoff);
    let mut banners: Vec<Banner> = plan
        .warnings
        .iter()
        // While nothing is logged, the rest day's banner below says it.
        .filter(|w| !(resting && w.code == WarningCode::TooSoon))
        .map(|w| Banner {
            text: warning_text(w, text),
            tone: warning_tone(w.code),
        })
        .collect();
    banners.sort_by_key(|b| b.tone != Tone::Alert);
    if resting {
        banners.push(Banner {
            text: text.with(
                "today-ready-on",
                &[("date", text.date(plan.ready_on).into())],
            ),
            tone: Tone::Caution,
        });
    }
    TodayScreen {
        language: text.language(),
        title: program_name(&plan.program_id, &plan.program_name, text),
        subtitle: Some(
            text.with(
                "today-subtitle",
                &[
                    ("session", Arg::Count(plan.session_number.into())),
                    (
                        "phase",
                        text.with(
                            "phase-position",
                            &[
                                (
                                    "phase",
                                    phase_name(&plan.program_id, &plan.phase, text).into(),
                                ),
                                ("session", Arg::Count(plan.phase.session.into())),
                                ("sessions", Arg::Count(plan.phase.sessions.into())),
                            ],
                        )
                        .into(),
                    ),
                    ("day", day_name(&plan.program_id, &plan.day, text).into()),
                    ("date", text.date(plan.date).into()),
                ],
            ),
        ),
        minutes: Some(text.with(
            "today-minutes",
            &[
                ("minutes", Arg::Count(plan.estimated_minutes.into())),
                ("week", Arg::Count(plan.dose.with_session.into())),
            ],
        )),
        dose: Some(dose_banner(plan.dose.level, text)),
        banners,
        // The layoff is said once, as its banner: the plan also gives it
        // as a reason for the session, with the same facts.
        notes: plan
            .notes
            .iter()
            .filter(|w| !(layoff_banner && w.phrase.id.starts_with("plan-layoff-")))
            .map(|w| Note::of(w, text))
            .collect(),
        rest: rest_timer(input, logged, text),
        actions: actions(input, logged, resting, text),
        cards,
        empty: None,
        workout_id: input.today.workout_id.clone(),
        undo: None,
    }
}

/// A warning in the person's language, from its code and facts; the
/// engine's English sentence only when a fact it needs is missing.
fn warning_text(w: &Warning, text: &Text) -> String {
    let f = &w.facts;
    let count = |n: Option<u32>| n.map(|n| Arg::Count(n.into()));
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| Arg::from(text.date(d)));
    let args: Option<(&str, Vec<(&str, Arg)>)> = match w.code {
        WarningCode::DoseHigh => {
            count(f.count).map(|m| ("warning-dose-high", vec![("minutes", m)]))
        }
        WarningCode::DoseTooHigh => {
            count(f.count).map(|m| ("warning-dose-too-high", vec![("minutes", m)]))
        }
        WarningCode::TooSoon => count(f.count)
            .zip(date(f.next))
            .map(|(d, n)| ("warning-too-soon", vec![("days", d), ("next", n)])),
        WarningCode::SamePattern => {
            f.exercise
                .as_deref()
                .zip(date(f.on))
                .zip(date(f.next))
                .map(|((e, on), next)| {
                    (
                        "warning-same-pattern",
                        vec![("exercise", e.into()), ("on", on), ("next", next)],
                    )
                })
        }
        WarningCode::SeePhysio => Some(("warning-see-physio", vec![])),
        WarningCode::Pain => f
            .exercise
            .as_deref()
            .map(|e| ("warning-pain", vec![("exercise", e.into())])),
        WarningCode::Layoff => count(f.count).map(|weeks| match f.percent {
            Some(p) => (
                "warning-layoff-lighter",
                vec![("weeks", weeks), ("percent", text.number(p, 0).into())],
            ),
            None => ("warning-layoff-ramp", vec![("weeks", weeks)]),
        }),
    };
    match args {
        Some((id, args)) => text.with(id, &args),
        None => w.text.clone(),
    }
}

fn warning_tone(code: WarningCode) -> Tone {
    match code {
        WarningCode::DoseTooHigh | WarningCode::SeePhysio | WarningCode::Pain => Tone::Alert,
        _ => Tone::Caution,
    }
}

pub(super) fn dose_banner(level: DoseLevel, text: &Text) -> Banner {
    let (id, tone) = match level {
        DoseLevel::Below => ("dose-below", Tone::Neutral),
        DoseLevel::InBand => ("dose-in-band", Tone::Good),
        DoseLevel::Above => ("dose-above", Tone::Caution),
        DoseLevel::FarAbove => ("dose-far-above", Tone::Alert),
    };
    Banner {
        text: text.get(id),
        tone,
    }
}

fn card(
    input: &TodayInput<'_>,
    index: usize,
    ex: &ExercisePlan,
    logged: &[SetEntry],
    text: &Text,
) -> ExerciseCard {
    let mine: Vec<&SetEntry> = logged
        .iter()
        .filter(|s| s.input.exercise_id == ex.exercise_id)
        .collect();
    let warmups: Vec<&SetEntry> = mine
        .iter()
        .copied()
        .filter(|s| s.input.kind == SetKind::Warmup)
        .collect();
    let work: Vec<&SetEntry> = mine
        .iter()
        .copied()
        .filter(|s| s.input.kind != SetKind::Warmup)
        .collect();
    let next = input.today.next.as_ref().filter(|n| n.exercise == index);
    let last = last_session(
        input.history,
        input.exercises.exercise(&ex.exercise_id),
        &ex.exercise_id,
        input.unit,
        text,
    );
    let equipment = input
        .exercises
        .exercise(&ex.exercise_id)
        .map(|e| e.equipment);
    let mut rows = Vec::new();
    for (i, planned) in ex.warmups.iter().enumerate() {
        let is_next = next.is_some_and(|n| n.warmup && n.index == i);
        let label = text.with("row-warmup", &[("number", Arg::Count(ordinal(i)))]);
        rows.push(row(
            label,
            Some(planned),
            warmups.get(i).copied(),
            None,
            is_next,
            input.loadout,
            equipment,
            text,
        ));
    }
    for (i, planned) in ex.sets.iter().enumerate() {
        let is_next = next.is_some_and(|n| !n.warmup && n.index == i);
        let label = text.with("row-set", &[("number", Arg::Count(ordinal(i)))]);
        let before = last.as_ref().and_then(|l| l.get(i)).map(String::as_str);
        rows.push(row(
            label,
            Some(planned),
            work.get(i).copied(),
            before,
            is_next,
            input.loadout,
            equipment,
            text,
        ));
    }
    for (i, extra) in work.iter().enumerate().skip(ex.sets.len()) {
        let label = text.with(
            "row-extra",
            &[("number", Arg::Count(ordinal(i - ex.sets.len())))],
        );
        rows.push(row(
            label,
            None,
            Some(extra),
            None,
            false,
            input.loadout,
            equipment,
            text,
        ));
    }
    let done = u64::try_from(work.len().min(ex.sets.len())).unwrap_or(u64::MAX);
    ExerciseCard {
        exercise_id: ex.exercise_id.clone(),
        title: ex.exercise_name.clone(),
        rest: text.with("card-rest", &[("rest", text.rest(ex.rest_s.into()).into())]),
        progress: text.with(
            "sets-done",
            &[
                ("done", Arg::Count(done)),
                (
                    "planned",
                    Arg::Count(u64::try_from(ex.sets.len()).unwrap_or(u64::MAX)),
                ),
            ],
        ),
        state: if work.len() >= ex.sets.len() && !ex.sets.is_empty() {
            RowState::Done
        } else if next.is_some() {
            RowState::Next
        } else {
            RowState::ToDo
        },
        swap: ex.swap.as_ref().map(|s| {
            text.with(
                "swap-note",
                &[
                    ("from", s.from_name.as_str().into()),
                    ("reason", text.phrase_or(&s.phrase, &s.reason).into()),
                ],
            )
        }),
        rows,
        notes: ex.why.iter().map(|w| Note::of(w, text)).collect(),
    }
}

/// The 1-based number of the `i`th row.
fn ordinal(i: usize) -> u64 {
    u64::try_from(i).map_or(u64::MAX, |i| i + 1)
}

#[allow(clippy::too_many_arguments)]
fn row(
    label: String,
    planned: Option<&PlannedSet>,
    done: Option<&SetEntry>,
    last_time: Option<&str>,
    is_next: bool,
    loadout: &Loadout,
    equipment: Option<Equipment>,
    text: &Text,
) -> SetRow {
    let state = if done.is_some() {
        RowState::Done
    } else if is_next {
        RowState::Next
    } else {
        RowState::ToDo
    };
    let tone = match (planned, done) {
        (Some(p), Some(d)) if short_of(p, &d.input) => Tone::Caution,
        (_, Some(_)) => Tone::Good,
        _ => Tone::Neutral,
    };
    let planned_text = planned.map(|p| planned_set(p, text)).unwrap_or_default();
    let done_text = done.map(|d| logged_set(&d.input, text));
    let state_word = text.get(match state {
        RowState::Done => "state-done",
        RowState::Next => "state-next",
        RowState::ToDo => "state-to-do",
    });
    let spoken = text.with(
        "row-spoken",
        &[
            ("label", label.as_str().into()),
            (
                "set",
                done_text
                    .clone()
                    .unwrap_or_else(|| planned_text.clone())
                    .into(),
            ),
            ("state", state_word.into()),
        ],
    );
    SetRow {
        effort: planned.and_then(|p| effort(p, text)),
        plates: planned
            .filter(|_| done.is_none())
            .and_then(|p| plates(p, loadout, equipment, text)),
        last_time: last_time.map(|s| text.with("last-time", &[("set", s.into())])),
        label,
        planned: planned_text,
        done: done_text,
        state,
        tone,
        spoken,
        set_id: done.map(|d| d.id.clone()),
    }
}

/// Whether a logged set fell short of its plan: fewer reps or seconds, or
/// a lighter load.
fn short_of(planned: &PlannedSet, done: &SetInput) -> bool {
    let fewer = if planned.timed {
        done.duration_ms
            .is_some_and(|ms| ms < u32::from(planned.reps.min) * 1000)
    } else {
        done.reps.is_some_and(|r| r < u32::from(planned.reps.min))
    };
    let lighter = match (planned.load.weight(), &done.load) {
        (Some(p), Load::Weight { weight }) => weight.base() + 1e-9 < p.base(),
        _ => false,
    };
    fewer || lighter
}

/// The effort a planned set asks for.
fn effort(p: &PlannedSet, text: &Text) -> Option<String> {
    let rir = p.rir.map(|r| {
        text.with(
            "effort-rir",
            &[
                ("rir", text.number(r, 1).into()),
                (
                    "rpe",
                    text.number(crate::model::Effort::Rir(r).rpe(), 1).into(),
                ),
            ],
        )
    });
    let percent = p
        .percent_1rm
        .map(|x| text.with("percent-e1rm", &[("percent", text.number(x, 0).into())]));
    match (rir, percent) {
        (Some(r), Some(p)) => Some(text.with(
            "effort-and-percent",
            &[("effort", r.into()), ("percent", p.into())],
        )),
        (r, p) => r.or(p),
    }
}

/// The plates for a planned barbell (or plate) load, in the loadout's unit.
fn plates(
    p: &PlannedSet,
    loadout: &Loadout,
    equipment: Option<Equipment>,
    text: &Text,
) -> Option<String> {
    let PlannedLoad::Weight { weight } = p.load else {
        return None;
    };
    let equipment = equipment?;
    let list = loadout.plates_per_side(equipment, weight.in_unit(loadout.unit))?;
    if list.is_empty() {
        return Some(text.get("plates-bar-only"));
    }
    let sum = list
        .iter()
        .map(|x| text.number(*x, 2))
        .collect::<Vec<_>>()
        .join(" + ");
    let plates = format!("{sum} {}", loadout.unit.symbol());
    let id = if equipment == Equipment::Plate {
        "plates-held"
    } else {
        "plates-per-side"
    };
    Some(text.with(id, &[("plates", plates.into())]))
}

/// The working sets of the exercise in the newest earlier workout that
/// had one, each as "40 kg × 5" in the person's unit (history keeps kg:
/// shown to 0.1 of the unit).
fn last_session(
    history: &[PastWorkout],
    exercise: Option<&Exercise>,
    exercise_id: &str,
    unit: WeightUnit,
    text: &Text,
) -> Option<Vec<String>> {
    // A body-weight exercise's load in history is what was added to it.
    let body = exercise.is_some_and(|e| e.measure == Measure::BodyweightReps);
    let w = history.iter().rev().find(|w| {
        w.sets
            .iter()
            .any(|s| s.exercise_id == exercise_id && s.is_work())
    })?;
    Some(
        w.sets
            .iter()
            .filter(|s| s.exercise_id == exercise_id && s.is_work())
            .map(|s| {
                // To 0.01 of the unit, as loads are shown everywhere.
                let weight = |kg: f64| {
                    let hundredths = (kg / unit.base_factor() * 100.0).round() as i64;
                    Weight::from_milli(hundredths * 10, unit)
                };
                let load = match (body, s.kg) {
                    (true, added) => {
                        Some(body_weight(added.filter(|k| *k != 0.0).map(weight), text))
                    }
                    (false, kg) => kg.map(|kg| text.weight(weight(kg))),
                };
                let set = match (s.reps, s.seconds) {
                    (Some(r), _) => reps_with_load(load, (r, r), false, text),
                    (None, Some(sec)) => reps_with_load(load, (sec, sec), true, text),
                    (None, None) => load.unwrap_or_default(),
                };
                with_band(set, s.band.as_deref(), text)
            })
            .collect(),
    )
}

fn rest_timer(input: &TodayInput<'_>, logged: &[SetEntry], text: &Text) -> Option<RestTimer> {
    let last = logged.iter().max_by_key(|s| s.performed_at)?;
    let ex = input
        .today
        .plan
        .exercises
        .iter()
        .find(|e| e.exercise_id == last.input.exercise_id)?;
    // After a warm-up, a plate change rather than a full rest: the one
    // minute model's figure (`progression::minutes`).
    let seconds = if last.input.kind == SetKind::Warmup {
        crate::progression::minutes::WARMUP_EXTRA_S.round() as u32
    } else {
        u32::from(ex.rest_s)
    };
    let ends = last.performed_at.0 + TimeDelta::seconds(seconds.into());
    (input.now.0 < ends && input.today.next.is_some()).then(|| RestTimer {
        started_at: last.performed_at,
        seconds,
        label: text.with("rest-timer", &[("rest", text.rest(seconds).into())]),
    })
}

fn actions(input: &TodayInput<'_>, logged: &[SetEntry], resting: bool, text: &Text) -> Vec<Action> {
    let mut out = Vec::new();
    if resting {
        out.push(Action::new(ActionKind::Rest, text.get("action-rest")));
    }
    match &input.today.next {
        Some(next) => {
            if matches!(next.set.load, PlannedLoad::FindLoad { .. }) {
                out.push(
                    Action::new(
                        ActionKind::EnterLoad,
                        text.with(
                            "action-enter-load",
                            &[("exercise", next.exercise_name.as_str().into())],
                        ),
                    )
                    .about(&next.exercise_id),
                );
            } else {
                out.push(
                    Action::new(
                        ActionKind::LogAsPrescribed,
                        text.with(
                            "action-log-next",
                            &[
                                ("exercise", next.exercise_name.as_str().into()),
                                // What `log_next` saves: a range's bottom, not the range.
                                (
                                    "set",
                                    as_prescribed(next)
                                        .map(|s| logged_set(&s, text))
                                        .unwrap_or_else(|_| planned_set(&next.set, text))
                                        .into(),
                                ),
                            ],
                        ),
                    )
                    .about(&next.exercise_id),
                );
            }
            if !logged.is_empty() {
                out.push(finish(text));
            }
        }
        None if !logged.is_empty() => out.push(finish(text)),
        None => {}
    }
    out
}

fn finish(text: &Text) -> Action {
    Action::new(ActionKind::Finish, text.get("action-finish"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::SetRole;
    use crate::progression::PastSet;
    use crate::progression::program::RepRange;

    fn planned(load: PlannedLoad, reps: u16) -> PlannedSet {
        PlannedSet {
            kind: SetKind::Working,
            role: SetRole::Working,
            load,
            reps: RepRange {
                min: reps,
                max: reps,
            },
            timed: false,
            rir: Some(2.0),
            percent_1rm: Some(80.0),
            landings: None,
            band: None,
        }
    }

    fn work(exercise: &str, kg: Option<f64>, reps: Option<u32>) -> PastSet {
        PastSet {
            exercise_id: exercise.into(),
            kind: SetKind::Working,
            kg,
            reps,
            rir: None,
            pain: None,
            seconds: None,
            band: None,
        }
    }

    fn kg(x: f64) -> Weight {
        Weight::new(x, WeightUnit::Kg).unwrap()
    }

    #[test]
    fn plates_are_per_side_in_the_loadouts_unit() {
        let en = Text::new(Language::En);
        let de = Text::new(Language::De);
        let mut loadout = Loadout::standard(WeightUnit::Kg);
        loadout.fractional = Loadout::standard_fractional(WeightUnit::Kg);
        let set = planned(PlannedLoad::Weight { weight: kg(62.5) }, 5);
        let bar = Some(Equipment::Barbell);
        assert_eq!(
            plates(&set, &loadout, bar, &en).as_deref(),
            Some("Per side: 20 + 1.25 kg")
        );
        assert_eq!(
            plates(&set, &loadout, bar, &de).as_deref(),
            Some("Pro Seite: 20 + 1,25 kg")
        );
        // Dumbbells take no plates; a body-weight set has none to load.
        assert_eq!(plates(&set, &loadout, Some(Equipment::Dumbbell), &en), None);
        let body = planned(PlannedLoad::Bodyweight { added: None }, 5);
        assert_eq!(plates(&body, &loadout, bar, &en), None);
    }

    #[test]
    fn a_planned_set_reads_with_its_load_reps_and_effort() {
        let en = Text::new(Language::En);
        let set = planned(PlannedLoad::Weight { weight: kg(42.5) }, 5);
        assert_eq!(planned_set(&set, &en), "42.5 kg × 5");
        assert_eq!(
            effort(&set, &en).as_deref(),
            Some("2 in reserve · RPE 8 · 80% of e1RM")
        );
        let range = PlannedSet {
            reps: RepRange { min: 8, max: 12 },
            load: PlannedLoad::Bodyweight {
                added: Some(kg(-10.0)),
            },
            band: Some("red".into()),
            ..set.clone()
        };
        assert_eq!(
            planned_set(&range, &en),
            "Body weight, 10 kg assistance × 8–12, red band"
        );
        let held = PlannedSet {
            timed: true,
            reps: RepRange { min: 30, max: 30 },
            load: PlannedLoad::None,
            ..set
        };
        assert_eq!(planned_set(&held, &en), "30 s");
    }

    #[test]
    fn last_time_is_the_newest_session_with_the_exercise_in_the_persons_unit() {
        let en = Text::new(Language::En);
        let past = |date: &str, kg: f64, reps: u32| PastWorkout {
            id: date.into(),
            date: date.parse().unwrap(),
            minutes: None,
            sets: vec![
                PastSet {
                    kind: SetKind::Warmup,
                    ..work("deadlift", Some(20.0), Some(5))
                },
                work("deadlift", Some(kg), Some(reps)),
                work("deadlift", Some(kg), Some(reps - 1)),
                work("back-squat", Some(50.0), Some(5)),
            ],
        };
        let history = [
            past("2026-11-17", 60.0, 5),
            past("2026-11-20", 45.359_237, 5),
        ];
        let lb = last_session(&history, None, "deadlift", WeightUnit::Lb, &en).unwrap();
        assert_eq!(
            lb,
            ["100 lb × 5", "100 lb × 4"],
            "warm-ups left out, newest first"
        );
        assert_eq!(
            last_session(&history, None, "overhead-press", WeightUnit::Kg, &en),
            None
        );
        // 61.25 kg stays 61.25; a body-weight exercise's added load reads as such.
        let precise = [past("2026-11-20", 61.25, 5)];
        assert_eq!(
            last_session(&precise, None, "deadlift", WeightUnit::Kg, &en).unwrap()[0],
            "61.25 kg × 5"
        );
        let catalog = crate::catalog::builtin().unwrap();
        let chin = catalog
            .exercises
            .iter()
            .find(|e| e.id == "chin-up")
            .unwrap();
        let assisted = [PastWorkout {
            sets: vec![
                work("chin-up", Some(-10.0), Some(5)),
                work("chin-up", None, Some(5)),
            ],
            ..past("2026-11-20", 0.0, 5)
        }];
        assert_eq!(
            last_session(&assisted, Some(chin), "chin-up", WeightUnit::Kg, &en).unwrap(),
            ["Body weight, 10 kg assistance × 5", "Body weight × 5"]
        );
    }

    #[test]
    fn every_warning_reads_in_each_language_from_its_facts() {
        use crate::progression::plan::WarningFacts;
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let warning = |code, facts| Warning {
            code,
            text: "the engine's sentence".into(),
            facts,
        };
        let all = [
            warning(
                WarningCode::DoseHigh,
                WarningFacts {
                    count: Some(72),
                    ..Default::default()
                },
            ),
            warning(
                WarningCode::DoseTooHigh,
                WarningFacts {
                    count: Some(140),
                    ..Default::default()
                },
            ),
            warning(
                WarningCode::TooSoon,
                WarningFacts {
                    count: Some(2),
                    next: Some(day(26)),
                    ..Default::default()
                },
            ),
            warning(
                WarningCode::SamePattern,
                WarningFacts {
                    exercise: Some("Deadlift".into()),
                    on: Some(day(23)),
                    next: Some(day(25)),
                    ..Default::default()
                },
            ),
            warning(WarningCode::SeePhysio, WarningFacts::default()),
            warning(
                WarningCode::Pain,
                WarningFacts {
                    exercise: Some("Back Squat".into()),
                    ..Default::default()
                },
            ),
            warning(
                WarningCode::Layoff,
                WarningFacts {
                    count: Some(9),
                    ..Default::default()
                },
            ),
            warning(
                WarningCode::Layoff,
                WarningFacts {
                    count: Some(5),
                    percent: Some(90.0),
                    ..Default::default()
                },
            ),
        ];
        for language in Language::ALL {
            let text = Text::new(language);
            for w in &all {
                assert_ne!(
                    warning_text(w, &text),
                    w.text,
                    "{:?} in {language:?}",
                    w.code
                );
            }
            assert!(text.missing().is_empty(), "{:?}", text.missing());
        }
        let de = Text::new(Language::De);
        assert_eq!(
            warning_text(&all[2], &de),
            "Das Programm sieht 2 Tage von einer Einheit zur nächsten vor; die nächste Einheit ab Do., 26. Nov."
        );
        // A fact missing (a plan from an older build): the engine's sentence.
        let bare = warning(WarningCode::Pain, WarningFacts::default());
        assert_eq!(warning_text(&bare, &de), "the engine's sentence");
    }

    #[test]
    fn a_set_short_of_its_plan_reads_as_caution() {
        let set = planned(PlannedLoad::Weight { weight: kg(60.0) }, 5);
        let mut done = SetInput::new("deadlift");
        done.load = Load::Weight { weight: kg(60.0) };
        done.reps = Some(5);
        assert!(!short_of(&set, &done));
        done.reps = Some(4);
        assert!(short_of(&set, &done));
        done.reps = Some(5);
        done.load = Load::Weight { weight: kg(57.5) };
        assert!(short_of(&set, &done));
    }
}
