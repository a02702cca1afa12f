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
pub mod form;
pub mod history;
pub mod log;
pub mod measures;
pub mod onboarding;
pub mod problem;
pub mod program;
pub mod progress;
pub mod reminder;
mod sets;
pub mod settings;
pub mod sync;
pub mod today;

use serde::Serialize;

use crate::progression::builtin::BUILTIN_PROGRAMS;
use crate::progression::plan::{PhasePosition, Why};
use crate::progression::program::RAMP_PHASE_ID;
use crate::text::Text;

/// How a value or a line reads (a colour or an icon in the shell): the
/// report's tones, one set for every screen.
pub use crate::report::Tone;
pub use changes::{ScreenKind, stale_screens};
pub use finish::{ChangeRow, FinishScreen};
pub use form::{Choice, FieldKind, FieldValue, FormField, SetupAction, SetupActionKind};
pub use history::{
    HistoryDay, HistoryLine, HistoryScreen, HistorySet, HistoryWorkout, RunKind, SetRun,
};
pub use log::{ExerciseChoice, FieldError, LogScreen, SetForm};
pub use measures::{
    BandNote, KindChoice, MeasureCard, MeasureDraft, MeasureEntry, MeasureForm, MeasuresScreen,
    SiteChoice, UnitChoice,
};
pub use onboarding::{OnboardingOutcome, OnboardingScreen, OnboardingStep};
pub use problem::{ProblemAction, ProblemActionKind, ProblemKind, ProblemScreen};
pub use program::{
    DaySection, DayToggle, LiftRow, PhaseSection, ProgramDetailScreen, ProgramListScreen,
    ProgramRow, ProgramStatusScreen, SlotRow, SwapRow,
};
pub use progress::ProgressScreen;
pub use reminder::Reminder;
pub use settings::{SettingsForm, SettingsOutcome, SettingsRow, SettingsScreen, SettingsSection};
pub use sync::{DeviceRow, SyncFileRow, SyncResult, SyncScreen};
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

/// Whether `program_id` is one of Heft's own programs, whose words the
/// catalog has; a program of the person's keeps the words it was given.
fn built_in(program_id: &str) -> bool {
    BUILTIN_PROGRAMS.iter().any(|(id, _)| *id == program_id)
}

/// A program's name in the language.
fn program_name(program_id: &str, own: &str, text: &Text) -> String {
    if !built_in(program_id) {
        return own.to_owned();
    }
    text.name_or(&format!("program-{program_id}"), own)
}

/// A phase's name in the language (the engine's own familiarization ramp
/// is the same phase in every program; no program's phase may take its
/// id).
fn phase_name(program_id: &str, phase: &PhasePosition, text: &Text) -> String {
    if phase.id == RAMP_PHASE_ID {
        return text.name_or("phase-ramp", &phase.name);
    }
    if !built_in(program_id) {
        return phase.name.clone();
    }
    text.name_or(
        &format!("program-{program_id}-phase-{}", phase.id),
        &phase.name,
    )
}

/// The catalog id of a built-in program's day ("Whole body" ->
/// `program-lisa-heavy-day-whole-body`).
fn day_id(program_id: &str, day: &str) -> String {
    let key = day.to_ascii_lowercase().replace(' ', "-");
    format!("program-{program_id}-day-{key}")
}

/// A day's name in the language, where the catalog has it for the
/// program ("Whole body"); letters such as "A" stay.
fn day_name(program_id: &str, day: &str, text: &Text) -> String {
    if !built_in(program_id) {
        return day.to_owned();
    }
    text.name_or(&day_id(program_id, day), day)
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
    /// Start the program the screen shows, ending the one in progress
    /// (`program_start_screen`).
    StartProgram,
    /// Stop the program in progress (`program_stop_screen`).
    StopProgram,
    /// Save the measurement of the form (`measure_submit`).
    SaveMeasurement,
    /// Delete a measurement (`measures_delete` with the entry's id).
    DeleteMeasurement,
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

/// The screens' words come from the catalogs: no builder writes a sentence
/// or a capitalised word of its own. The check reads the builders' source
/// (their tests excluded) for string literals that look like English.
#[cfg(test)]
mod english_outside_the_catalog {
    const SOURCES: [(&str, &str); 22] = [
        ("screens/program.rs", include_str!("program.rs")),
        (
            "heft/program_screen.rs",
            include_str!("../heft/program_screen.rs"),
        ),
        ("screens/progress.rs", include_str!("progress.rs")),
        (
            "heft/progress_screen.rs",
            include_str!("../heft/progress_screen.rs"),
        ),
        ("screens/mod.rs", include_str!("mod.rs")),
        ("screens/today.rs", include_str!("today.rs")),
        ("screens/log.rs", include_str!("log.rs")),
        ("screens/finish.rs", include_str!("finish.rs")),
        ("screens/sets.rs", include_str!("sets.rs")),
        ("screens/changes.rs", include_str!("changes.rs")),
        ("heft/screens.rs", include_str!("../heft/screens.rs")),
        ("screens/form.rs", include_str!("form.rs")),
        ("screens/onboarding.rs", include_str!("onboarding.rs")),
        ("screens/settings.rs", include_str!("settings.rs")),
        ("screens/sync.rs", include_str!("sync.rs")),
        (
            "heft/onboarding_screen.rs",
            include_str!("../heft/onboarding_screen.rs"),
        ),
        (
            "heft/settings_screen.rs",
            include_str!("../heft/settings_screen.rs"),
        ),
        (
            "heft/sync_screen.rs",
            include_str!("../heft/sync_screen.rs"),
        ),
        ("screens/history.rs", include_str!("history.rs")),
        (
            "heft/history_screen.rs",
            include_str!("../heft/history_screen.rs"),
        ),
        ("screens/measures.rs", include_str!("measures.rs")),
        (
            "heft/measures_screen.rs",
            include_str!("../heft/measures_screen.rs"),
        ),
    ];

    /// The string literals of a line, escapes kept.
    fn literals(line: &str) -> Vec<&str> {
        let mut found = Vec::new();
        let mut start = None;
        let mut escaped = false;
        for (i, c) in line.char_indices() {
            match (start, c) {
                (Some(_), '\\') if !escaped => escaped = true,
                (Some(s), '"') if !escaped => {
                    found.push(&line[s..i]);
                    start = None;
                }
                (None, '"') => start = Some(i + 1),
                _ => escaped = false,
            }
        }
        found
    }

    /// Two words with a space between, or a capitalised word: English a
    /// person would read. Message ids and value names are lower-case
    /// words joined by hyphens.
    fn looks_like_words(literal: &str) -> bool {
        let words: Vec<&str> = literal
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
            .collect();
        let two_words = literal
            .split_whitespace()
            .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
            .count()
            >= 2;
        let capitalised = words.iter().any(|w| {
            w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars().skip(1).all(|c| c.is_ascii_lowercase())
        });
        two_words || capitalised
    }

    #[test]
    fn the_check_finds_english() {
        assert_eq!(
            literals(r#"f("a", "Rest \"3\" min")"#),
            ["a", r#"Rest \"3\" min"#]
        );
        assert!(looks_like_words("Rest 3 min"));
        assert!(looks_like_words("Done"));
        assert!(looks_like_words("sets of {}"));
        assert!(!looks_like_words("action-undo-step"));
        assert!(!looks_like_words("{} {}"));
    }

    #[test]
    fn no_screen_builds_english_of_its_own() {
        let mut seen = 0;
        let mut english = Vec::new();
        for (file, source) in SOURCES {
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for literal in literals(line) {
                    seen += 1;
                    if looks_like_words(literal) {
                        english.push(format!("{file}:{}: \"{literal}\"", n + 1));
                    }
                }
            }
        }
        // The builders name many messages: a scan that saw few read nothing.
        assert!(seen > 100, "only {seen} literals read");
        assert!(english.is_empty(), "{english:#?}");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod program_words {
    use crate::catalog;
    use crate::progression::builtin::builtin_programs;
    use crate::text::{Language, Text};

    #[test]
    fn the_catalog_names_every_built_in_program_as_it_names_itself() {
        let en = Text::new(Language::En);
        let de = Text::new(Language::De);
        let programs = builtin_programs(&catalog::builtin().unwrap().exercises).unwrap();
        assert!(programs.len() >= 7);
        for program in programs {
            let mut names = vec![(format!("program-{}", program.id), program.name.clone())];
            for phase in &program.phases {
                let id = format!("program-{}-phase-{}", program.id, phase.id);
                names.push((id, phase.name.clone()));
                for day in &phase.days {
                    // A day named by a letter or a study's term stays as it
                    // is; every other has its words.
                    if day.name.chars().count() > 1 && day.name != "HiRIT" {
                        names.push((super::day_id(&program.id, &day.name), day.name.clone()));
                    }
                }
            }
            for (id, name) in names {
                assert_eq!(en.get(&id), name, "{id}");
                assert_ne!(de.get(&id), id, "{id}");
            }
        }
        assert!(en.missing().is_empty(), "{:?}", en.missing());
        assert!(de.missing().is_empty(), "{:?}", de.missing());
        assert_eq!(
            super::program_name("liftmor", "x", &de),
            "LIFTMOR: schweres Heben für starke Knochen"
        );
        // A program of the person's own keeps its names, even where its id
        // or a day's name matches a built-in's words.
        assert_eq!(super::program_name("my-liftmor", "Mine", &de), "Mine");
        assert_eq!(super::day_name("my-liftmor", "Light", &de), "Light");
        assert_eq!(super::day_name("liftmor", "Light", &de), "Leicht");
    }
}
