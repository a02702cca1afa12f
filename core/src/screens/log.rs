//! Log: the form for sets the person types. As they type, the screen
//! shows each set as it will be saved, field errors in words (never an
//! exception), and the slips a set notation accepts but no lifter means,
//! to confirm before anything is saved.

use chrono::NaiveDate;
use serde::Serialize;

use super::sets::logged_set;
use super::{Action, ActionKind, Banner, Tone};
use crate::grammar::{self, SetSpec};
use crate::model::{Exercise, Load, Measure, SetInput, WeightUnit};
use crate::plausibility::{LogWarning, LogWarningCode};
use crate::text::{Arg, Language, Text};
use crate::validate::{self, Field, Limit, Problem, ValidationError};

/// The Log screen: a preview of what would be saved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LogScreen {
    /// The language it is written in.
    pub language: Language,
    /// The exercise the typed name means, once it means one.
    pub exercise: Option<ExerciseChoice>,
    /// Names close to a typed name that means none.
    pub suggestions: Vec<ExerciseChoice>,
    /// Each set as it will be saved: "Set 1: 100 kg × 5 · RIR 2".
    pub preview: Vec<String>,
    /// What must change before the sets can be saved, per field.
    pub errors: Vec<FieldError>,
    /// What looks like a slip, to confirm or correct.
    pub warnings: Vec<Banner>,
    /// Save (or save anyway, after warnings); none while there are errors.
    pub actions: Vec<Action>,
}

/// An exercise to pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExerciseChoice {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A problem with one field of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldError {
    /// The form field: `exercise` or `sets`.
    pub field: String,
    /// What is wrong, in words.
    pub message: String,
}

/// What the typed exercise name came to.
pub enum Typed<'a> {
    /// Nothing typed yet.
    Nothing,
    /// The exercise it means.
    Found(&'a Exercise),
    /// A name that means none, with the closest.
    Unknown {
        /// As typed.
        name: &'a str,
        /// The closest exercises.
        suggestions: Vec<ExerciseChoice>,
    },
}

/// The typed sets read for `exercise` in the person's `unit`: the sets,
/// or the errors that stop them. A count (`3x100x5`) gives that many sets.
pub fn read_sets(
    exercise: &Exercise,
    typed: &str,
    unit: WeightUnit,
    text: &Text,
) -> (Vec<SetInput>, Vec<FieldError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let words: Vec<&str> = typed.split_whitespace().collect();
    if words.is_empty() {
        errors.push(sets_error(text.get("log-error-no-sets")));
    }
    for word in words {
        match grammar::parse(word) {
            Ok(spec) => {
                let spec: SetSpec = spec.fit_to(exercise.measure);
                let input = spec.to_input(&exercise.id, unit);
                if let Err(e) = validate::set(&input, exercise) {
                    errors.push(sets_error(set_problem(&e, &input, exercise, text)));
                    continue;
                }
                let count = usize::try_from(spec.count).unwrap_or(usize::MAX);
                if inputs.len().saturating_add(count) > validate::MAX_SETS_PER_CALL {
                    errors.push(sets_error(text.with(
                        "log-error-too-many",
                        &[("max", Arg::Count(validate::MAX_SETS_PER_CALL as u64))],
                    )));
                    break;
                }
                inputs.extend(std::iter::repeat_n(input, count));
            }
            Err(e) => errors.push(sets_error(text.with(
                "log-error-not-a-set",
                &[("token", e.input.into()), ("detail", e.expected.into())],
            ))),
        }
    }
    (inputs, errors)
}

fn sets_error(message: String) -> FieldError {
    FieldError {
        field: "sets".into(),
        message,
    }
}

/// Why a typed set cannot be saved: what it lacks for its exercise in
/// words of its own (the usual slips: no reps, no load, no time), else
/// the field and its problem.
fn set_problem(e: &ValidationError, input: &SetInput, exercise: &Exercise, text: &Text) -> String {
    let name = [("exercise", Arg::from(exercise.name.as_str()))];
    match (&e.problem, e.field) {
        (Problem::WrongForExercise { .. }, Field::Reps) if input.reps == Some(0) => {
            text.get("log-zero-reps")
        }
        (Problem::WrongForExercise { .. }, Field::Reps)
            if input.duration_ms.is_none() && input.distance.is_none() =>
        {
            match exercise.measure {
                Measure::WeightReps | Measure::BodyweightReps | Measure::Reps => {
                    text.with("log-needs-reps", &name)
                }
                _ => text.get("log-needs-amount"),
            }
        }
        (Problem::WrongForExercise { .. }, Field::Weight) => text.with("log-needs-load", &name),
        (Problem::WrongForExercise { .. }, Field::Duration) => text.with("log-needs-time", &name),
        (Problem::WrongForExercise { .. }, Field::Distance) => {
            text.with("log-needs-distance", &name)
        }
        _ => validation_message(e, text),
    }
}

/// A validation error in words: the field's name and what is wrong with it.
pub fn validation_message(e: &ValidationError, text: &Text) -> String {
    let field = field_name(e.field, text);
    let (id, args): (&str, Vec<(&str, Arg)>) = match &e.problem {
        Problem::NotFinite => ("problem-not-finite", vec![]),
        Problem::Negative => ("problem-negative", vec![]),
        Problem::TooLarge { max } => ("problem-too-large", vec![("max", limit(max, text).into())]),
        Problem::OutOfRange { min, max } => (
            "problem-out-of-range",
            vec![
                ("min", limit(min, text).into()),
                ("max", limit(max, text).into()),
            ],
        ),
        Problem::NotAStep { step } => (
            "problem-not-a-step",
            vec![("step", limit(step, text).into())],
        ),
        Problem::Missing => ("problem-missing", vec![]),
        Problem::Empty => ("problem-empty", vec![]),
        Problem::TooLong { max } => ("problem-too-long", vec![("max", Arg::Count(*max as u64))]),
        Problem::ControlCharacters => ("problem-control-characters", vec![]),
        Problem::InFuture => ("problem-in-future", vec![]),
        Problem::TooEarly => ("problem-too-early", vec![]),
        Problem::BeforeStart => ("problem-before-start", vec![]),
        Problem::Conflicts { with } => (
            "problem-conflicts",
            vec![("other", field_name(*with, text).into())],
        ),
        Problem::Malformed { expected } => (
            "problem-malformed",
            vec![("detail", expected.as_str().into())],
        ),
        Problem::WrongForExercise { reason } => (
            "problem-wrong-for-exercise",
            vec![("detail", reason.as_str().into())],
        ),
        Problem::WrongForMeasure { reason } => (
            "problem-wrong-for-measure",
            vec![("detail", reason.as_str().into())],
        ),
    };
    let mut all = vec![("field", Arg::from(field))];
    all.extend(args);
    text.with(id, &all)
}

/// A limit the language's way: `0,5`, `1000 kg`, `mehr als 0 cm`.
fn limit(l: &Limit, text: &Text) -> String {
    let value = if l.unit.is_empty() {
        text.number(l.value, 3)
    } else {
        text.amount(l.value, 3, l.unit)
    };
    if l.above {
        text.with("limit-more-than", &[("limit", value.into())])
    } else {
        value
    }
}

fn field_name(field: Field, text: &Text) -> String {
    text.get(&format!("field-{}", field.as_str().replace('_', "-")))
}

/// The screen for what was typed.
pub fn build(
    typed: &Typed<'_>,
    inputs: &[SetInput],
    mut errors: Vec<FieldError>,
    warnings: &[LogWarning],
    text: &Text,
) -> LogScreen {
    let (exercise, suggestions) = match typed {
        Typed::Nothing => {
            errors.insert(
                0,
                FieldError {
                    field: "exercise".into(),
                    message: text.get("log-error-no-exercise"),
                },
            );
            (None, Vec::new())
        }
        Typed::Found(e) => (
            Some(ExerciseChoice {
                id: e.id.clone(),
                name: e.name.clone(),
            }),
            Vec::new(),
        ),
        Typed::Unknown { name, suggestions } => {
            errors.insert(
                0,
                FieldError {
                    field: "exercise".into(),
                    message: text.with("log-error-unknown-exercise", &[("name", (*name).into())]),
                },
            );
            (None, suggestions.clone())
        }
    };
    let preview = inputs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            text.with(
                "log-preview-set",
                &[
                    ("number", Arg::Count(i as u64 + 1)),
                    ("set", logged_set(s, text).into()),
                ],
            )
        })
        .collect();
    let name = exercise
        .as_ref()
        .map(|e| e.name.clone())
        .unwrap_or_default();
    let warnings: Vec<Banner> = slip_lines(warnings, inputs, &name, text)
        .into_iter()
        .map(|text| Banner {
            text,
            tone: Tone::Caution,
        })
        .collect();
    let count = Arg::Count(inputs.len() as u64);
    let actions = if !errors.is_empty() || inputs.is_empty() {
        Vec::new()
    } else if warnings.is_empty() {
        vec![Action::new(
            ActionKind::LogSets,
            text.with("action-log-sets", &[("count", count)]),
        )]
    } else {
        vec![Action::new(
            ActionKind::LogAnyway,
            text.with("action-log-anyway", &[("count", count)]),
        )]
    };
    LogScreen {
        language: text.language(),
        exercise,
        suggestions,
        preview,
        errors,
        warnings,
        actions,
    }
}

/// A logged set in the Log form, to edit: the form's two fields as they
/// start (the exercise's name and the set in the set notation) and the
/// screen for them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetForm {
    /// The set being edited.
    pub set_id: String,
    /// The day it was logged: the date for `log_screen` as the person
    /// types, and the Today screen a save or a delete returns.
    pub date: NaiveDate,
    /// The exercise field's starting text.
    pub exercise: String,
    /// The sets field's starting text: the set as notation, `100kgx5@2`.
    pub sets: String,
    /// The screen for those fields.
    pub log: LogScreen,
}

/// The Log screen as an edit of one logged set: exactly one set in the
/// field, and buttons that save it (`save_set`, `save_anyway` for a slip)
/// or delete it (`delete_set`) instead of logging new ones.
pub fn for_edit(mut screen: LogScreen, sets: usize, text: &Text) -> LogScreen {
    if screen.errors.is_empty() && sets != 1 {
        screen.errors.push(FieldError {
            field: "sets".into(),
            message: text.get("log-error-one-set"),
        });
    }
    let save = if !screen.errors.is_empty() {
        None
    } else if screen.warnings.is_empty() {
        Some(Action::new(
            ActionKind::SaveSet,
            text.get("action-save-set"),
        ))
    } else {
        Some(Action::new(
            ActionKind::SaveAnyway,
            text.get("action-save-anyway"),
        ))
    };
    screen.actions = save.into_iter().collect();
    screen.actions.push(Action::new(
        ActionKind::DeleteSet,
        text.get("action-delete-set"),
    ));
    screen
}

/// The slips found in `inputs` (sets of `exercise`) in words, one line per
/// slip however many sets repeat it: a count (3x10x5) repeats one slip in
/// each set, and it is said once, for all the sets it is in.
pub fn slip_lines(
    warnings: &[LogWarning],
    inputs: &[SetInput],
    exercise: &str,
    text: &Text,
) -> Vec<String> {
    let mut groups: Vec<(LogWarningCode, Option<&SetInput>, &LogWarning, Vec<u32>)> = Vec::new();
    for w in warnings {
        let key = (w.code, inputs.get(w.set as usize));
        match groups.iter_mut().find(|g| (g.0, g.1) == key) {
            Some(g) => g.3.push(w.set),
            None => groups.push((key.0, key.1, w, vec![w.set])),
        }
    }
    groups
        .iter()
        .map(|(_, _, w, sets)| warning_text(w, sets, inputs, exercise, text))
        .collect()
}

/// A slip in words, from its code and the sets it is about.
fn warning_text(
    w: &LogWarning,
    sets: &[u32],
    inputs: &[SetInput],
    exercise: &str,
    text: &Text,
) -> String {
    let set = inputs.get(w.set as usize);
    let weight = set
        .and_then(|s| match s.load {
            Load::Weight { weight } => Some(text.weight(weight)),
            _ => None,
        })
        .unwrap_or_default();
    let reps = set.and_then(|s| s.reps).unwrap_or(0);
    let meant = w
        .suggestion
        .as_ref()
        .map(|s| logged_set(s, text))
        .unwrap_or_default();
    // "1–3" for a run of sets, else "1, 3".
    let mut numbers: Vec<u64> = sets.iter().map(|n| u64::from(*n) + 1).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let list = match (numbers.first(), numbers.last()) {
        (Some(a), Some(b)) if numbers.len() > 2 && b - a + 1 == numbers.len() as u64 => {
            format!("{a}–{b}")
        }
        _ => numbers
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    };
    let which = text.with(
        "slip-sets",
        &[
            ("count", Arg::Count(numbers.len().max(1) as u64)),
            ("list", list.into()),
        ],
    );
    let mut args = vec![
        ("exercise", Arg::from(exercise)),
        ("sets", which.into()),
        ("weight", weight.into()),
        ("reps", Arg::Count(reps.into())),
        ("meant", meant.into()),
    ];
    let compared = w.recent.zip(w.ratio);
    if let Some((recent, ratio)) = compared {
        args.push(("recent", text.weight(recent).into()));
        args.push(("ratio", text.number(ratio, 1).into()));
    }
    let id = match w.code {
        LogWarningCode::BelowBar => "slip-below-bar",
        LogWarningCode::LooksSwapped => "slip-looks-swapped",
        LogWarningCode::OtherUnit if compared.is_some() => "slip-other-unit-times",
        LogWarningCode::OtherUnit => "slip-other-unit",
        LogWarningCode::BeyondRecords => "slip-beyond-records",
    };
    text.with(id, &args)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Every field a validation error can name; the match makes a new
    /// variant fail to compile until it is listed here (and so checked).
    fn all_fields() -> Vec<Field> {
        let all = vec![
            Field::Exercise,
            Field::Weight,
            Field::AddedWeight,
            Field::Reps,
            Field::Rir,
            Field::Rpe,
            Field::Duration,
            Field::Distance,
            Field::Landings,
            Field::DropHeight,
            Field::Pain,
            Field::Note,
            Field::Band,
            Field::Name,
            Field::Alias,
            Field::Date,
            Field::FinishedAt,
            Field::BirthYear,
            Field::Count,
            Field::Id,
            Field::Loadout,
            Field::RunningMinutes,
            Field::Program,
            Field::Measure,
            Field::Site,
            Field::Unit,
            Field::Value,
        ];
        for f in &all {
            match f {
                Field::Exercise
                | Field::Weight
                | Field::AddedWeight
                | Field::Reps
                | Field::Rir
                | Field::Rpe
                | Field::Duration
                | Field::Distance
                | Field::Landings
                | Field::DropHeight
                | Field::Pain
                | Field::Note
                | Field::Band
                | Field::Name
                | Field::Alias
                | Field::Date
                | Field::FinishedAt
                | Field::BirthYear
                | Field::Count
                | Field::Id
                | Field::Loadout
                | Field::RunningMinutes
                | Field::Program
                | Field::Measure
                | Field::Site
                | Field::Unit
                | Field::Value => {}
            }
        }
        all
    }

    fn all_problems() -> Vec<Problem> {
        let s = || "x".to_owned();
        vec![
            Problem::NotFinite,
            Problem::Negative,
            Problem::TooLarge {
                max: Limit::of(1000.0, "kg"),
            },
            Problem::OutOfRange {
                min: Limit::above(0.0, "cm"),
                max: Limit::of(100.0, "cm"),
            },
            Problem::NotAStep {
                step: Limit::count(0.5),
            },
            Problem::Missing,
            Problem::Empty,
            Problem::TooLong { max: 3 },
            Problem::ControlCharacters,
            Problem::InFuture,
            Problem::TooEarly,
            Problem::BeforeStart,
            Problem::Conflicts { with: Field::Rpe },
            Problem::Malformed { expected: s() },
            Problem::WrongForExercise { reason: s() },
            Problem::WrongForMeasure { reason: s() },
        ]
    }

    #[test]
    fn limits_are_written_the_languages_way() {
        let problem = |min, max| ValidationError {
            field: Field::DropHeight,
            problem: Problem::OutOfRange { min, max },
        };
        let de = Text::new(Language::De);
        assert_eq!(
            validation_message(
                &problem(Limit::above(0.0, "cm"), Limit::of(100.5, "cm")),
                &de
            ),
            format!(
                "{}: von mehr als 0 cm bis 100,5 cm",
                de.get("field-drop-height")
            )
        );
        let step = ValidationError {
            field: Field::Rir,
            problem: Problem::NotAStep {
                step: Limit::count(0.5),
            },
        };
        assert!(validation_message(&step, &de).contains("0,5"));
        assert!(de.missing().is_empty());
        // The error's own English (the CLI's) is unchanged.
        assert_eq!(
            problem(Limit::above(0.0, "cm"), Limit::of(100.0, "cm"))
                .problem
                .to_string(),
            "must be between more than 0 cm and 100 cm"
        );
    }

    #[test]
    fn every_field_problem_and_slip_has_words_in_every_language() {
        for language in Language::ALL {
            let text = Text::new(language);
            for field in all_fields() {
                for problem in all_problems() {
                    validation_message(&ValidationError { field, problem }, &text);
                }
            }
            let input = SetInput::new("back-squat");
            for code in [
                LogWarningCode::BelowBar,
                LogWarningCode::LooksSwapped,
                LogWarningCode::OtherUnit,
                LogWarningCode::BeyondRecords,
            ] {
                // With and without the weight it was compared with.
                for ratio in [Some(2.3), None] {
                    let w = LogWarning {
                        code,
                        set: 0,
                        text: String::new(),
                        suggestion: Some(input.clone()),
                        recent: crate::model::Weight::new(60.0, crate::model::WeightUnit::Kg),
                        ratio,
                    };
                    warning_text(
                        &w,
                        &[0, 1, 2],
                        std::slice::from_ref(&input),
                        "Back Squat",
                        &text,
                    );
                    warning_text(&w, &[0], std::slice::from_ref(&input), "Back Squat", &text);
                }
            }
            assert!(
                text.missing().is_empty(),
                "{language:?}: {:?}",
                text.missing()
            );
        }
    }
}
