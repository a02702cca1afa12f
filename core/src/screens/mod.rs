//! What the phone apps draw, computed here: each screen is a record built
//! by a pure function from data the `Heft` handle read in one snapshot, in
//! the person's unit and language, with every label, formatted value, tone
//! and available action already decided. A shell lays it out, runs timers
//! and forwards taps; it computes nothing from training data.
//!
//! Dependencies run one way: screens read the model, the engine's records
//! and [`crate::text`]; nothing else in the core imports from here.
//! docs/SCREENS.md lists each screen's fields for the shells' authors.

pub mod changes;
pub mod finish;
pub mod log;
mod sets;
pub mod today;

use serde::Serialize;

use crate::progression::plan::Why;
use crate::text::Text;

/// How a value or a line reads (a colour or an icon in the shell): the
/// report's tones, one set for every screen.
pub use crate::report::Tone;
pub use changes::{ScreenKind, stale_screens};
pub use finish::{ChangeRow, FinishScreen};
pub use log::{ExerciseChoice, FieldError, LogScreen, SetForm};
pub use today::{ExerciseCard, RestTimer, SetRow, TodayScreen};

/// Where a planned row stands in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RowState {
    /// Logged.
    Done,
    /// The one to do now.
    Next,
    /// Still to do.
    ToDo,
}

/// A reason shown under a plan or an exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Note {
    /// The sentence.
    pub text: String,
    /// "rule of thumb" for a practical rule rather than a trial's result;
    /// `None` for a sourced one.
    pub label: Option<String>,
}

impl Note {
    fn of(why: &Why, text: &Text) -> Note {
        Note {
            text: text.phrase_or(&why.phrase, &why.text),
            label: why.heuristic.then(|| text.get("note-rule-of-thumb")),
        }
    }
}

/// A line across the top of a screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Banner {
    /// The sentence.
    pub text: String,
    /// How it reads.
    pub tone: Tone,
}

/// What a button does: the shell calls the matching method of the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ActionKind {
    /// Log the next set as prescribed (`log_next`).
    LogAsPrescribed,
    /// Open the log form for the next set, whose load the person chooses.
    EnterLoad,
    /// Finish the workout and count the session (`finish`).
    Finish,
    /// Open the program list to start one.
    ChooseProgram,
    /// Nothing to do today: the plan is best done later. Informational.
    Rest,
    /// Close the screen (back to Today).
    Done,
    /// Save the sets of the Log form (`log_submit`).
    LogSets,
    /// Save them although they look like a slip (`log_submit`, confirmed).
    LogAnyway,
    /// Take back the last change made on this device (`undo_screen`).
    Undo,
    /// Save the edited set of the Log form (`edit_submit`).
    SaveSet,
    /// Save it although it looks like a slip (`edit_submit`, confirmed).
    SaveAnyway,
    /// Delete the set the form edits (`delete_set_screen`).
    DeleteSet,
}

/// A button: what it does and its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Action {
    /// What it does.
    pub kind: ActionKind,
    /// Its label.
    pub label: String,
    /// The exercise it is about, when it is about one (the Log form opened
    /// by `enter_load` starts with it).
    pub exercise_id: Option<String>,
}

impl Action {
    fn new(kind: ActionKind, label: String) -> Action {
        Action {
            kind,
            label,
            exercise_id: None,
        }
    }

    fn about(mut self, exercise_id: &str) -> Action {
        self.exercise_id = Some(exercise_id.to_owned());
        self
    }
}

/// What a screen shows when it has nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EmptyState {
    /// The heading.
    pub title: String,
    /// What to do about it.
    pub body: String,
}
