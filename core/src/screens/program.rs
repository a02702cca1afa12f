//! Program: the programs to choose from, one program's phases, days and
//! exercises, the running program's status, and the person's own
//! adjustments to it (an exercise swapped for good, the weekdays they
//! train). What a program means for this person (a familiarization ramp
//! first, an exercise the safety rules replace, a physiotherapist before
//! heavy loading) is the engine's to say; the screen only writes it.

use chrono::NaiveDate;
use serde::Serialize;

use super::{
    Action, ActionKind, Banner, EmptyState, ExerciseChoice, Note, Tone, day_name, phase_name,
    program_name,
};
use crate::heft::{LiftStatus, ProgramStatus};
use crate::model::{Exercise, Measure, Weight};
use crate::progression::adjust::{Adjustments, Weekday, days_fit};
use crate::progression::plan::{PhasePosition, SessionPlan, Why};
use crate::progression::program::{Intensity, PhaseKind, RepRange, Slot};
use crate::progression::{ExerciseLookup, Program, safety};
use crate::text::{Arg, Language, Phrase, Text};

/// Most exercises offered in place of one.
pub const SWAP_CHOICES: usize = 10;

/// The list of programs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgramListScreen {
    /// The language it is written in.
    pub language: Language,
    /// The heading.
    pub title: String,
    /// Built-in programs, then the person's own, in order.
    pub rows: Vec<ProgramRow>,
}

/// One program in the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgramRow {
    /// Its id, for `program_screen`.
    pub program_id: String,
    /// Its name.
    pub name: String,
    /// What it is and for whom.
    pub summary: String,
    /// "2 sessions a week · about 30 min each · 60 min a week".
    pub week: String,
    /// "Running" for the program in progress, else null.
    pub badge: Option<String>,
    /// True for the program in progress.
    pub running: bool,
    /// What starting it means for this person, in the engine's words.
    pub notes: Vec<Note>,
    /// Caution when the person should see a physiotherapist before it.
    pub tone: Tone,
}

/// One program in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgramDetailScreen {
    /// The language it is written in.
    pub language: Language,
    /// Its id.
    pub program_id: String,
    /// Its name.
    pub title: String,
    /// What it is and for whom.
    pub summary: String,
    /// Where it comes from.
    pub source: String,
    /// Sessions and minutes a week.
    pub week: String,
    /// "At least 2 days between sessions"; null when the program allows
    /// sessions on consecutive days.
    pub spacing: Option<String>,
    /// True when it is the program in progress.
    pub running: bool,
    /// What starting it means for this person, in the engine's words.
    pub notes: Vec<Note>,
    /// Its phases in order.
    pub phases: Vec<PhaseSection>,
    /// Start (or switch to) it, or stop it.
    pub actions: Vec<Action>,
}

/// One phase of a program.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PhaseSection {
    /// Its name.
    pub title: String,
    /// "Training · 30 weeks · 60 sessions".
    pub subtitle: String,
    /// Its days, done in turn.
    pub days: Vec<DaySection>,
}

/// One day of a phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DaySection {
    /// "Day A".
    pub title: String,
    /// Its exercises in order.
    pub rows: Vec<SlotRow>,
}

/// One exercise of a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SlotRow {
    /// The program's exercise.
    pub exercise_id: String,
    /// Its name.
    pub exercise: String,
    /// "5 × 5 reps", "3 × 8–12 reps", "2 × 20 s".
    pub sets: String,
    /// "80–85% of e1RM", "1–2 in reserve · RPE 8–9", "Technique".
    pub effort: String,
    /// "Rest 3 min between sets".
    pub rest: String,
    /// The exercise the person does in its place from now on, when they
    /// swapped it (the running program only).
    pub swap: Option<String>,
}

/// The running program's status and the person's adjustments to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgramStatusScreen {
    /// The language it is written in.
    pub language: Language,
    /// The program's id; null without a program.
    pub program_id: Option<String>,
    /// The program's name, or "No program running".
    pub title: String,
    /// "Session 5 · HiRIT 5 x 5, 1 of 60".
    pub subtitle: Option<String>,
    /// "Next: day A, from Thu 26 Nov".
    pub next: Option<String>,
    /// How the chosen training days sit with the program.
    pub banners: Vec<Banner>,
    /// Per lift: its estimate, working load and last change.
    pub lifts: Vec<LiftRow>,
    /// "You train on Mon, Thu", or on any day.
    pub days_summary: Option<String>,
    /// The week's days to choose from (`program_days_screen`).
    pub days: Vec<DayToggle>,
    /// The program's exercises, each with what may replace it for good
    /// (`program_swap_screen`).
    pub swaps: Vec<SwapRow>,
    /// Stop the program, or choose one when none runs.
    pub actions: Vec<Action>,
    /// Shown instead of the status when no program runs.
    pub empty: Option<EmptyState>,
    /// Taking back the last change made on this device (`undo_screen`).
    pub undo: Option<Action>,
}

/// One lift of the run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LiftRow {
    /// Exercise id.
    pub exercise_id: String,
    /// Its name.
    pub title: String,
    /// "e1RM 117.3 kg".
    pub estimate: Option<String>,
    /// "Working load 100 kg".
    pub load: Option<String>,
    /// What the last session changed and why.
    pub change: Option<Note>,
}

/// A weekday to train on or not.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DayToggle {
    /// The day.
    pub day: Weekday,
    /// "Mon".
    pub label: String,
    /// Chosen as a training day.
    pub chosen: bool,
}

/// One of the program's exercises and what may replace it for good.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SwapRow {
    /// The program's exercise.
    pub exercise_id: String,
    /// Its name.
    pub title: String,
    /// "Goblet Squat in its place (your own choice, from now on)".
    pub current: Option<String>,
    /// The exercise done in its place, when swapped.
    pub chosen_id: Option<String>,
    /// Exercises the person can and may do in its place: the program's
    /// own alternatives first, then the closest of the catalog; the
    /// program's exercise itself when it is swapped (to take the swap back).
    pub choices: Vec<ExerciseChoice>,
}

/// What the engine says a program means for the person.
pub struct ProgramFacts<'a> {
    /// The program.
    pub program: &'a Program,
    /// It is the program in progress.
    pub running: bool,
    /// What starting it would do ([`crate::progression::engine::start`]).
    pub start_notes: Vec<Why>,
    /// A physiotherapist first ([`crate::progression::engine::see_physio`]).
    pub see_physio: bool,
    /// Its exercises the safety rules replace, by name, with the reason.
    pub replaced: Vec<(String, Phrase)>,
}

/// The week of a program: sessions, minutes each and in all.
fn week(program: &Program, text: &Text) -> String {
    let sessions = u64::from(program.sessions_per_week);
    let minutes = u64::from(program.session_minutes);
    text.with(
        "program-week",
        &[
            ("sessions", Arg::Count(sessions)),
            ("minutes", Arg::Count(minutes)),
            ("total", Arg::Count(sessions * minutes)),
        ],
    )
}

/// A built-in program's summary in the language; a program of the
/// person's own keeps its words.
fn summary(program: &Program, text: &Text) -> String {
    if !super::built_in(&program.id) {
        return program.summary.clone();
    }
    text.name_or(&format!("program-{}-summary", program.id), &program.summary)
}

/// What a program means for the person: a physiotherapist first, then the
/// exercises the safety rules replace, then what starting it does.
fn notes(facts: &ProgramFacts<'_>, text: &Text) -> Vec<Note> {
    let mut notes = Vec::new();
    if facts.see_physio {
        notes.push(Note {
            text: text.get("warning-see-physio"),
            label: None,
        });
    }
    for (name, why) in &facts.replaced {
        notes.push(Note {
            text: text.with(
                "program-replaced",
                &[
                    ("exercise", name.as_str().into()),
                    ("reason", text.phrase(why).into()),
                ],
            ),
            label: None,
        });
    }
    notes.extend(facts.start_notes.iter().map(|w| Note::of(w, text)));
    notes
}

/// The list of programs.
pub fn list(programs: &[ProgramFacts<'_>], text: &Text) -> ProgramListScreen {
    ProgramListScreen {
        language: text.language(),
        title: text.get("programs-title"),
        rows: programs
            .iter()
            .map(|f| ProgramRow {
                program_id: f.program.id.clone(),
                name: program_name(&f.program.id, &f.program.name, text),
                summary: summary(f.program, text),
                week: week(f.program, text),
                badge: f.running.then(|| text.get("program-running")),
                running: f.running,
                notes: notes(f, text),
                tone: if f.see_physio {
                    Tone::Caution
                } else {
                    Tone::Neutral
                },
            })
            .collect(),
    }
}

/// A rep range: "5 reps", "8–12 reps"; seconds for a timed exercise.
fn reps(range: RepRange, timed: bool, text: &Text) -> String {
    let n = |v: u16| Arg::Count(u64::from(v));
    match (timed, range.min == range.max) {
        (true, true) => text.with("hold-seconds", &[("seconds", n(range.min))]),
        (true, false) => text.with(
            "hold-seconds",
            &[("seconds", span(range.min, range.max, text).into())],
        ),
        (false, true) => text.with("reps-fixed", &[("reps", n(range.min))]),
        (false, false) => text.with(
            "reps-range",
            &[("min", n(range.min)), ("max", n(range.max))],
        ),
    }
}

/// "80–85", or "80" when both ends are one.
fn span(min: impl Into<f64>, max: impl Into<f64>, text: &Text) -> String {
    let (min, max) = (min.into(), max.into());
    if (min - max).abs() < 1e-9 {
        return text.number(min, 1);
    }
    text.with(
        "reps-span",
        &[
            ("min", text.number(min, 1).into()),
            ("max", text.number(max, 1).into()),
        ],
    )
}

/// What a slot asks for: percentage, reserve, or technique.
fn effort(intensity: Intensity, text: &Text) -> String {
    match intensity {
        Intensity::Technique => text.get("slot-technique"),
        Intensity::Percent { min, max } => {
            text.with("percent-e1rm", &[("percent", span(min, max, text).into())])
        }
        Intensity::Rir { min, max } => text.with(
            "effort-rir",
            &[
                ("rir", span(min, max, text).into()),
                ("rpe", span(10.0 - max, 10.0 - min, text).into()),
            ],
        ),
    }
}

fn slot_row(
    slot: &Slot,
    adjustments: Option<&Adjustments>,
    exercises: &dyn ExerciseLookup,
    text: &Text,
) -> SlotRow {
    let exercise = exercises.exercise(&slot.exercise);
    let name = |id: &str| {
        exercises
            .exercise(id)
            .map_or(id, |e| e.name.as_str())
            .to_owned()
    };
    let timed = exercise.is_some_and(|e| e.measure == Measure::Time);
    let rest_s = slot
        .rest_s
        .unwrap_or_else(|| crate::progression::minutes::default_rest(slot.intensity, slot.reps));
    let rest = if rest_s == 0 {
        text.get("slot-no-rest")
    } else {
        text.with("card-rest", &[("rest", text.rest(rest_s.into()).into())])
    };
    SlotRow {
        exercise_id: slot.exercise.clone(),
        exercise: name(&slot.exercise),
        sets: text.with(
            "slot-sets",
            &[
                ("sets", Arg::Count(slot.sets.into())),
                ("reps", reps(slot.reps, timed, text).into()),
            ],
        ),
        effort: effort(slot.intensity, text),
        rest,
        swap: adjustments
            .and_then(|a| a.swap_for(&slot.exercise))
            .map(|to| swapped_note(&name(to), text)),
    }
}

fn swapped_note(to: &str, text: &Text) -> String {
    text.with(
        "program-swapped",
        &[
            ("exercise", to.into()),
            ("reason", text.get("swap-chosen").into()),
        ],
    )
}

/// What a phase is for, as a word.
fn kind_word(kind: PhaseKind, text: &Text) -> String {
    text.get(match kind {
        PhaseKind::Familiarization => "phase-kind-familiarization",
        PhaseKind::Training => "phase-kind-training",
        PhaseKind::Deload => "phase-kind-deload",
    })
}

/// One program in full; `adjustments` are the run's when it is running,
/// `other_running` says another program runs (starting this one ends it).
pub fn detail(
    facts: &ProgramFacts<'_>,
    adjustments: Option<&Adjustments>,
    other_running: bool,
    exercises: &dyn ExerciseLookup,
    text: &Text,
) -> ProgramDetailScreen {
    let program = facts.program;
    let phases = program
        .phases
        .iter()
        .enumerate()
        .map(|(i, phase)| {
            let position = PhasePosition {
                id: phase.id.clone(),
                name: phase.name.clone(),
                kind: phase.kind,
                session: 1,
                sessions: program.phase_sessions(i),
            };
            PhaseSection {
                title: phase_name(&program.id, &position, text),
                subtitle: text.with(
                    "phase-length",
                    &[
                        ("kind", kind_word(phase.kind, text).into()),
                        ("weeks", Arg::Count(phase.weeks.into())),
                        ("sessions", Arg::Count(position.sessions.into())),
                    ],
                ),
                days: phase
                    .days
                    .iter()
                    .map(|day| DaySection {
                        title: text.with(
                            "day-title",
                            &[("day", day_name(&program.id, &day.name, text).into())],
                        ),
                        rows: day
                            .slots
                            .iter()
                            .map(|s| slot_row(s, adjustments, exercises, text))
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    let action = match (facts.running, other_running) {
        (true, _) => Action::new(ActionKind::StopProgram, text.get("action-stop-program")),
        (false, true) => Action::new(ActionKind::StartProgram, text.get("action-switch-program")),
        (false, false) => Action::new(ActionKind::StartProgram, text.get("action-start-program")),
    };
    ProgramDetailScreen {
        language: text.language(),
        program_id: program.id.clone(),
        title: program_name(&program.id, &program.name, text),
        summary: summary(program, text),
        source: program.source.clone(),
        week: week(program, text),
        spacing: (program.min_days_between > 0).then(|| {
            text.with(
                "program-spacing",
                &[("days", Arg::Count(program.min_days_between.into()))],
            )
        }),
        running: facts.running,
        notes: notes(facts, text),
        phases,
        actions: vec![action],
    }
}

/// What the status screen of a running program is built from, read in
/// one snapshot.
pub struct StatusInput<'a> {
    /// Where the run stands.
    pub status: &'a ProgramStatus,
    /// The next session's plan.
    pub plan: &'a SessionPlan,
    /// The program.
    pub program: &'a Program,
    /// The person's adjustments to the run.
    pub adjustments: &'a Adjustments,
    /// The exercises, with the person's own.
    pub exercises: &'a dyn ExerciseLookup,
    /// The person, for what may replace an exercise.
    pub athlete: &'a crate::progression::Athlete,
    /// The day the status is for.
    pub today: NaiveDate,
    /// The undo button, when Today would offer one.
    pub undo: Option<Action>,
}

/// The status screen when no program runs.
pub fn no_program(text: &Text) -> ProgramStatusScreen {
    ProgramStatusScreen {
        language: text.language(),
        program_id: None,
        title: text.get("no-program-title"),
        subtitle: None,
        next: None,
        banners: Vec::new(),
        lifts: Vec::new(),
        days_summary: None,
        days: Vec::new(),
        swaps: Vec::new(),
        actions: vec![Action::new(
            ActionKind::ChooseProgram,
            text.get("action-choose-program"),
        )],
        empty: Some(EmptyState {
            title: text.get("no-program-title"),
            body: text.get("no-program-body"),
        }),
        undo: None,
    }
}

fn lift_row(lift: &LiftStatus, text: &Text) -> LiftRow {
    let unit = lift.unit;
    LiftRow {
        exercise_id: lift.exercise_id.clone(),
        title: lift.exercise_name.clone(),
        estimate: lift.e1rm.map(|e| {
            text.with(
                "lift-estimate",
                &[("estimate", text.estimate(e, unit).into())],
            )
        }),
        load: lift
            .load
            .and_then(|l| Weight::new(l, unit))
            .map(|w| text.with("lift-load", &[("load", text.weight(w).into())])),
        change: lift.last_change.as_ref().map(|w| Note::of(w, text)),
    }
}

/// The exercises that may replace `exercise` for good: the slot's
/// alternatives, then the catalog's closest of the same pattern, each one
/// the person can and may do ([`safety::allowed`]).
fn swap_choices<'a>(
    exercise: &Exercise,
    alternatives: &[String],
    input: &StatusInput<'a>,
) -> Vec<&'a Exercise> {
    let lookup = input.exercises;
    let mut out: Vec<&Exercise> = Vec::new();
    let mut push = |e: &'a Exercise| {
        if e.id != exercise.id
            && safety::allowed(e, input.athlete)
            && !out.iter().any(|o| o.id == e.id)
            && out.len() < SWAP_CHOICES
        {
            out.push(e);
        }
    };
    for id in alternatives {
        if let Some(e) = lookup.exercise(id) {
            push(e);
        }
    }
    let mut same: Vec<&Exercise> = lookup
        .all()
        .filter(|e| e.pattern == exercise.pattern)
        .filter(|e| e.muscles.iter().any(|m| exercise.muscles.contains(m)))
        .collect();
    // Most shared muscles first; catalog order breaks ties, so it is stable.
    same.sort_by_key(|e| {
        std::cmp::Reverse(
            e.muscles
                .iter()
                .filter(|m| exercise.muscles.contains(m))
                .count(),
        )
    });
    for e in same {
        push(e);
    }
    out
}

/// The running program's status and the person's adjustments.
pub fn status(input: &StatusInput<'_>, text: &Text) -> ProgramStatusScreen {
    let program = input.program;
    let plan = input.plan;
    let status = input.status;
    let phase = text.with(
        "phase-position",
        &[
            ("phase", phase_name(&program.id, &plan.phase, text).into()),
            ("session", Arg::Count(plan.phase.session.into())),
            ("sessions", Arg::Count(plan.phase.sessions.into())),
        ],
    );
    let day = day_name(&program.id, &plan.day, text);
    let next = if plan.ready_on <= input.today {
        text.with("status-next-today", &[("day", day.into())])
    } else {
        text.with(
            "status-next",
            &[
                ("day", day.into()),
                ("date", text.date(plan.ready_on).into()),
            ],
        )
    };
    let chosen = &input.adjustments.days;
    let fit = days_fit(chosen, program.sessions_per_week, program.min_days_between);
    let mut banners = Vec::new();
    if fit.fewer_than_sessions {
        banners.push(Banner {
            text: text.with(
                "days-fewer-than-sessions",
                &[
                    ("days", Arg::Count(chosen.len() as u64)),
                    ("sessions", Arg::Count(program.sessions_per_week.into())),
                ],
            ),
            tone: Tone::Caution,
        });
    }
    if fit.too_close {
        banners.push(Banner {
            text: text.with(
                "days-too-close",
                &[("days", Arg::Count(program.min_days_between.into()))],
            ),
            tone: Tone::Caution,
        });
    }
    let day_label = |d: Weekday| text.get(&format!("weekday-{}", d.number()));
    let days_summary = if chosen.is_empty() {
        text.get("days-any")
    } else {
        let list: Vec<String> = chosen.iter().map(|d| day_label(*d)).collect();
        text.with("days-chosen", &[("days", list.join(", ").into())])
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut swaps = Vec::new();
    for slot in program
        .phases
        .iter()
        .flat_map(|p| &p.days)
        .flat_map(|d| &d.slots)
    {
        if seen.contains(&slot.exercise.as_str()) {
            continue;
        }
        seen.push(&slot.exercise);
        let Some(exercise) = input.exercises.exercise(&slot.exercise) else {
            continue;
        };
        let chosen_id = input.adjustments.swap_for(&exercise.id).map(str::to_owned);
        let mut choices: Vec<ExerciseChoice> = swap_choices(exercise, &slot.alternatives, input)
            .into_iter()
            .map(|e| ExerciseChoice {
                id: e.id.clone(),
                name: e.name.clone(),
            })
            .collect();
        if chosen_id.is_some() {
            // Back to the program's own.
            choices.insert(
                0,
                ExerciseChoice {
                    id: exercise.id.clone(),
                    name: exercise.name.clone(),
                },
            );
        }
        let current = chosen_id.as_deref().map(|id| {
            let name = input.exercises.exercise(id).map_or(id, |e| e.name.as_str());
            swapped_note(name, text)
        });
        swaps.push(SwapRow {
            exercise_id: exercise.id.clone(),
            title: exercise.name.clone(),
            current,
            chosen_id,
            choices,
        });
    }
    ProgramStatusScreen {
        language: text.language(),
        program_id: Some(program.id.clone()),
        title: program_name(&program.id, &program.name, text),
        subtitle: Some(text.with(
            "status-subtitle",
            &[
                ("session", Arg::Count(plan.session_number.into())),
                ("phase", phase.into()),
            ],
        )),
        next: Some(next),
        banners,
        lifts: status.lifts.iter().map(|l| lift_row(l, text)).collect(),
        days_summary: Some(days_summary),
        days: Weekday::ALL
            .iter()
            .map(|d| DayToggle {
                day: *d,
                label: day_label(*d),
                chosen: chosen.contains(d),
            })
            .collect(),
        swaps,
        actions: vec![Action::new(
            ActionKind::StopProgram,
            text.get("action-stop-program"),
        )],
        empty: None,
        undo: input.undo.clone(),
    }
}
