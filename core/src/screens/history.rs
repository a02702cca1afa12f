//! History: the days with workouts, newest first, a page at a time. Each
//! workout reads as one compact line per exercise ("Deadlift: Warm-up
//! 20 kg × 5, 5 × 47.5 kg × 5 · RIR 3"), runs of equal sets counted, and
//! every set in it is addressable, to open in the edit form or delete.
//!
//! The compaction rule lives here once ([`compact`], [`count_runs`]): the
//! screen, `heft history --compact` and the CLI's corrected notation use it.

use chrono::NaiveDate;
use serde::Serialize;

use super::sets::logged_set;
use super::{Action, EmptyState};
use crate::grammar::SetSpec;
use crate::model::{EffortSource, SetEntry, SetKind, SetRole, WorkoutLog};
use crate::text::{Arg, Language, Phrase, Text, workout_label};

/// The History screen: one page of days.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HistoryScreen {
    /// The language it is written in.
    pub language: Language,
    /// The heading.
    pub title: String,
    /// The page's days, newest first.
    pub days: Vec<HistoryDay>,
    /// The day to ask the next (older) page before; `None` when nothing
    /// older is logged.
    pub older: Option<NaiveDate>,
    /// Shown instead of the days when nothing is logged at all.
    pub empty: Option<EmptyState>,
    /// Taking back the last change made on this device, when it is a
    /// change to the training log (`history_undo`).
    pub undo: Option<Action>,
}

/// A day with workouts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HistoryDay {
    /// The local day.
    pub date: NaiveDate,
    /// "Tue 24 Nov", with the year when it is not this year's.
    pub title: String,
    /// Its workouts, newest first.
    pub workouts: Vec<HistoryWorkout>,
}

/// A workout of a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HistoryWorkout {
    /// The workout.
    pub workout_id: String,
    /// Its name, or "Evening workout".
    pub title: String,
    /// When it started, local time: "18:05".
    pub time: String,
    /// "45 min", "open", or "finished" when its length is unknown.
    pub state: String,
    /// "3 exercises · 12 sets".
    pub summary: String,
    /// One line per exercise, in the order first done.
    pub lines: Vec<HistoryLine>,
}

/// An exercise of a workout in one line.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HistoryLine {
    /// The exercise.
    pub exercise_id: String,
    /// Its name.
    pub exercise: String,
    /// Its runs in words: "Warm-up 20 kg × 5, 5 × 47.5 kg × 5 · RIR 3".
    pub text: String,
    /// Runs of equal sets, in order.
    pub runs: Vec<SetRun>,
}

/// Equal sets one after another, counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetRun {
    /// What sets they are.
    pub kind: RunKind,
    /// "5 × 47.5 kg × 5 · RIR 3", "Warm-up 20 kg × 5".
    pub text: String,
    /// The run in the set notation: "5x47.5kgx5@3", "w:20kgx5".
    pub notation: String,
    /// Its sets, each to open or delete.
    pub sets: Vec<HistorySet>,
}

/// What the sets of a run are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RunKind {
    /// Working sets.
    Working,
    /// Warm-ups.
    Warmup,
    /// Technique practice at light loads.
    Technique,
    /// Drop sets.
    Drop,
    /// Sets to failure.
    Failure,
}

/// One logged set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HistorySet {
    /// The set: for `edit_form` and `history_delete_set`.
    pub set_id: String,
    /// Its place in the workout, from 1.
    pub position: u32,
    /// "47.5 kg × 5 · RIR 3".
    pub text: String,
    /// The set in the set notation, as the edit form starts with it.
    pub notation: String,
    /// What else it was: "as prescribed", "technique", "3 landings from 30 cm".
    pub details: Vec<String>,
    /// "pain 2/10", when pain was noted.
    pub pain: Option<String>,
    /// The person's note.
    pub note: Option<String>,
    /// The set as one sentence for TalkBack and VoiceOver.
    pub spoken: String,
}

/// What a page is built from.
pub struct HistoryInput<'a> {
    /// The page's workouts with their live sets, newest first.
    pub logs: &'a [WorkoutLog],
    /// The day the next page starts before, when there is one.
    pub older: Option<NaiveDate>,
    /// Today, for whether a day's title needs its year.
    pub today: NaiveDate,
    /// The newest page (asked with no day to start before): with no
    /// days it is the empty state, not the end of the list.
    pub first_page: bool,
}

/// A workout's sets as history reads them: per exercise in the order first
/// done, runs of equal sets.
pub struct ExerciseRuns<'a> {
    /// The exercise.
    pub exercise_id: &'a str,
    /// Its name.
    pub exercise_name: &'a str,
    /// Its runs, in order.
    pub runs: Vec<Run<'a>>,
}

/// Equal sets of one exercise, one after another in its sets.
pub struct Run<'a> {
    /// The run in the set notation, counted (`5x47.5kgx5@3`).
    pub spec: SetSpec,
    /// What sets they are.
    pub kind: RunKind,
    /// The sets.
    pub sets: Vec<&'a SetEntry>,
}

fn run_kind(s: &SetEntry) -> RunKind {
    if s.input.role == Some(SetRole::Technique) {
        return RunKind::Technique;
    }
    match s.input.kind {
        SetKind::Working => RunKind::Working,
        SetKind::Warmup => RunKind::Warmup,
        SetKind::Drop => RunKind::Drop,
        SetKind::Failure => RunKind::Failure,
    }
}

/// The one rule of compact history: sets grouped by exercise in the order
/// each was first done, and a set joins the run before it in its group
/// when it is the same set (the same notation) of the same kind, a
/// technique set never joining a working one.
pub fn compact(sets: &[SetEntry]) -> Vec<ExerciseRuns<'_>> {
    let mut groups: Vec<ExerciseRuns<'_>> = Vec::new();
    for s in sets {
        let at = match groups
            .iter()
            .position(|g| g.exercise_id == s.input.exercise_id)
        {
            Some(i) => i,
            None => {
                groups.push(ExerciseRuns {
                    exercise_id: &s.input.exercise_id,
                    exercise_name: &s.exercise_name,
                    runs: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let spec = SetSpec::from_input(&s.input);
        let kind = run_kind(s);
        let runs = &mut groups[at].runs;
        match runs.last_mut() {
            Some(last) if last.kind == kind && same_set(&last.spec, &spec) => {
                last.spec.count += 1;
                last.sets.push(s);
            }
            _ => runs.push(Run {
                spec,
                kind,
                sets: vec![s],
            }),
        }
    }
    groups
}

/// Whether `spec` is one more of the sets `run` counts.
fn same_set(run: &SetSpec, spec: &SetSpec) -> bool {
    SetSpec {
        count: spec.count,
        ..run.clone()
    } == *spec
}

/// Set notations with equal neighbours counted: `100x5 100x5 102.5x5`
/// reads `2x100kgx5 102.5kgx5`.
pub fn count_runs(specs: impl IntoIterator<Item = SetSpec>) -> Vec<SetSpec> {
    let mut runs: Vec<SetSpec> = Vec::new();
    for spec in specs {
        match runs.last_mut() {
            Some(last) if spec.count == 1 && same_set(last, &spec) => last.count += 1,
            _ => runs.push(spec),
        }
    }
    runs
}

/// The page.
pub fn build(input: &HistoryInput<'_>, text: &Text) -> HistoryScreen {
    let mut days: Vec<HistoryDay> = Vec::new();
    for log in input.logs {
        let date = log.workout.started_at.local_date();
        let workout = workout(log, text);
        match days.last_mut() {
            Some(day) if day.date == date => day.workouts.push(workout),
            _ => days.push(HistoryDay {
                date,
                title: dated(date, input.today, text),
                workouts: vec![workout],
            }),
        }
    }
    let empty = (days.is_empty() && input.first_page).then(|| EmptyState {
        title: text.get("history-empty-title"),
        body: text.get("history-empty-body"),
    });
    HistoryScreen {
        language: text.language(),
        title: text.get("history-title"),
        days,
        older: input.older,
        empty,
        undo: None,
    }
}

/// The screen when the page cannot be read after a change that was saved.
pub fn unavailable(text: &Text) -> HistoryScreen {
    HistoryScreen {
        language: text.language(),
        title: text.get("history-title"),
        days: Vec::new(),
        older: None,
        empty: Some(EmptyState {
            title: text.get("history-unavailable-title"),
            body: text.get("history-unavailable-body"),
        }),
        undo: None,
    }
}

/// A day in short, with its year when it is not `today`'s: "Tue 24 Nov",
/// "Fri 26 Dec 2025".
pub(super) fn dated(date: NaiveDate, today: NaiveDate, text: &Text) -> String {
    use chrono::Datelike;
    let short = text.date(date);
    if date.year() == today.year() {
        short
    } else {
        text.with(
            "history-day-with-year",
            &[
                ("date", short.into()),
                ("year", date.year().to_string().into()),
            ],
        )
    }
}

fn workout(log: &WorkoutLog, text: &Text) -> HistoryWorkout {
    let w = &log.workout;
    let title = text.phrase(&workout_label(Phrase::new("workout-title"), w));
    let state = match (w.is_open(), w.duration()) {
        (true, _) => text.get("history-open"),
        (false, Some(s)) => text.with(
            "duration-minutes",
            &[("minutes", Arg::Count(u64::from((s + 30) / 60)))],
        ),
        (false, None) => text.get("history-finished"),
    };
    let groups = compact(&log.sets);
    let summary = text.with(
        "finish-summary",
        &[
            ("exercises", Arg::Count(groups.len() as u64)),
            ("sets", Arg::Count(log.sets.len() as u64)),
        ],
    );
    HistoryWorkout {
        workout_id: w.id.clone(),
        title,
        time: w.started_at.0.format("%H:%M").to_string(),
        state,
        summary,
        lines: groups.iter().map(|g| line(g, text)).collect(),
    }
}

fn line(group: &ExerciseRuns<'_>, text: &Text) -> HistoryLine {
    let runs: Vec<SetRun> = group
        .runs
        .iter()
        .map(|r| run(r, group.exercise_name, text))
        .collect();
    HistoryLine {
        exercise_id: group.exercise_id.to_owned(),
        exercise: group.exercise_name.to_owned(),
        text: runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        runs,
    }
}

fn run(r: &Run<'_>, exercise: &str, text: &Text) -> SetRun {
    let one = r
        .sets
        .first()
        .map(|s| logged_set(&s.input, text))
        .unwrap_or_default();
    let counted = if r.sets.len() > 1 {
        text.with(
            "history-run-count",
            &[
                ("count", Arg::Count(r.sets.len() as u64)),
                ("set", one.into()),
            ],
        )
    } else {
        one
    };
    let id = match r.kind {
        RunKind::Working => None,
        RunKind::Warmup => Some("history-run-warmup"),
        RunKind::Technique => Some("history-run-technique"),
        RunKind::Drop => Some("history-run-drop"),
        RunKind::Failure => Some("history-run-failure"),
    };
    SetRun {
        kind: r.kind,
        text: match id {
            Some(id) => text.with(id, &[("set", counted.into())]),
            None => counted,
        },
        notation: r.spec.to_string(),
        sets: r.sets.iter().map(|s| set(s, exercise, text)).collect(),
    }
}

fn set(s: &SetEntry, exercise: &str, text: &Text) -> HistorySet {
    let words = logged_set(&s.input, text);
    let mut details = Vec::new();
    if s.input.effort_source == Some(EffortSource::Prescribed) {
        details.push(text.get("history-as-prescribed"));
    }
    if s.input.role == Some(SetRole::Technique) {
        details.push(text.get("history-technique"));
    }
    if let Some(impact) = s.input.impact {
        let landings = Arg::Count(u64::from(impact.landings));
        details.push(match impact.drop_height_cm {
            Some(h) => text.with(
                "history-landings-from",
                &[
                    ("landings", landings),
                    ("height", text.amount(h, 1, "cm").into()),
                ],
            ),
            None => text.with("history-landings", &[("landings", landings)]),
        });
    }
    let pain = s.input.pain.map(|p| {
        text.with(
            "history-pain",
            &[("pain", Arg::Text(text.number(f64::from(p), 0)))],
        )
    });
    HistorySet {
        set_id: s.id.clone(),
        position: s.position,
        spoken: text.with(
            "history-set-spoken",
            &[
                ("exercise", exercise.into()),
                ("set", words.as_str().into()),
            ],
        ),
        text: words,
        notation: SetSpec::from_input(&s.input).to_string(),
        details,
        pain,
        note: s.input.note.clone(),
    }
}
