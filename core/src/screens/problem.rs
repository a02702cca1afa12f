//! What a shell shows when a call into the core fails: the failure's kind
//! in words the person understands, in their language, with the one action
//! that helps (refresh, retry, recover the database, reopen). Shells map
//! nothing themselves: they pass the error they caught to
//! `HeftStore.problemScreen` and draw the record.

use serde::Serialize;

use super::Tone;
use crate::text::{Arg, Language, Text};

/// What went wrong, as far as the person can act on it: one per variant of
/// the apps' error type (`HeftError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ProblemKind {
    /// A value entered is out of range, missing or malformed.
    InvalidInput,
    /// What the screen showed no longer exists (deleted, perhaps on
    /// another device).
    NotFound,
    /// The change contradicts what is stored; nothing changed.
    Conflict,
    /// A file or folder could not be read or written.
    Io,
    /// A file, or the database, is damaged.
    Corrupt,
    /// The database has damaged pages: writing is paused.
    Damaged,
    /// Made by a newer Heft.
    NewerVersion,
    /// Cancelled by the person; nothing changed.
    Cancelled,
    /// The store was closed.
    Closed,
    /// A fault in Heft.
    Other,
}

/// What the problem's button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ProblemActionKind {
    /// Read the screen again.
    Refresh,
    /// Do the same again (after the person checked the file or the input).
    Retry,
    /// Close the store, call `recoverDatabase` with its path and open it
    /// again.
    Recover,
    /// Open the store again.
    Reopen,
}

/// The problem's button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProblemAction {
    /// What it does.
    pub kind: ProblemActionKind,
    /// Its label.
    pub label: String,
}

/// A failed call, as the person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProblemScreen {
    /// The language it is written in.
    pub language: Language,
    /// What kind of failure it was.
    pub kind: ProblemKind,
    /// The heading: "A file could not be read".
    pub title: String,
    /// What it means and what to do, in a sentence or two.
    pub body: String,
    /// The failure's own message (English: field names, ids, file names),
    /// for a "details" line and for reports; empty when there is none.
    pub detail: String,
    /// `alert` when data is at risk or nothing can be written, `caution`
    /// for what the person can fix, `neutral` for a cancel.
    pub tone: Tone,
    /// The one action that helps, if any.
    pub action: Option<ProblemAction>,
    /// The label of the button that closes the problem ("Close").
    pub dismiss: String,
}

impl ProblemScreen {
    /// The problem of `kind` with the failure's own message `detail`.
    pub fn build(kind: ProblemKind, detail: &str, text: &Text) -> ProblemScreen {
        use ProblemActionKind as A;
        use ProblemKind as K;
        let (id, tone, action) = match kind {
            K::InvalidInput => ("invalid-input", Tone::Caution, None),
            K::NotFound => ("not-found", Tone::Caution, Some(A::Refresh)),
            K::Conflict => ("conflict", Tone::Caution, Some(A::Refresh)),
            K::Io => ("io", Tone::Caution, Some(A::Retry)),
            K::Corrupt => ("corrupt", Tone::Alert, None),
            K::Damaged => ("damaged", Tone::Alert, Some(A::Recover)),
            K::NewerVersion => ("newer-version", Tone::Alert, None),
            K::Cancelled => ("cancelled", Tone::Neutral, None),
            K::Closed => ("closed", Tone::Caution, Some(A::Reopen)),
            K::Other => ("other", Tone::Alert, Some(A::Retry)),
        };
        let action = action.map(|kind| ProblemAction {
            kind,
            label: text.get(match kind {
                A::Refresh => "problem-action-refresh",
                A::Retry => "problem-action-retry",
                A::Recover => "problem-action-recover",
                A::Reopen => "problem-action-reopen",
            }),
        });
        ProblemScreen {
            language: text.language(),
            kind,
            title: text.get(&format!("problem-{id}-title")),
            body: text.with(
                &format!("problem-{id}-body"),
                &[("detail", Arg::Text(detail.to_owned()))],
            ),
            detail: detail.to_owned(),
            tone,
            action,
            dismiss: text.get("problem-dismiss"),
        }
    }

    /// [`ProblemScreen::build`] in `language`.
    pub fn of(kind: ProblemKind, detail: &str, language: Language) -> ProblemScreen {
        Self::build(kind, detail, &Text::new(language))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [ProblemKind; 10] = [
        ProblemKind::InvalidInput,
        ProblemKind::NotFound,
        ProblemKind::Conflict,
        ProblemKind::Io,
        ProblemKind::Corrupt,
        ProblemKind::Damaged,
        ProblemKind::NewerVersion,
        ProblemKind::Cancelled,
        ProblemKind::Closed,
        ProblemKind::Other,
    ];

    #[test]
    fn every_kind_has_its_words_in_every_language() {
        for language in Language::ALL {
            let text = Text::new(language);
            for kind in KINDS {
                let p = ProblemScreen::build(kind, "sets: at most 1000", &text);
                assert!(!p.title.is_empty() && !p.body.is_empty(), "{kind:?}");
                assert_eq!(p.language, language);
            }
            assert!(
                text.missing().is_empty(),
                "{language:?}: {:?}",
                text.missing()
            );
        }
    }

    #[test]
    fn a_damaged_database_offers_recovery_and_says_reading_works() {
        let p = ProblemScreen::of(
            ProblemKind::Damaged,
            "damaged pages in /data/heft.db",
            Language::En,
        );
        insta::assert_json_snapshot!(p);
        let de = ProblemScreen::of(ProblemKind::Damaged, "x", Language::De);
        assert_eq!(de.action.map(|a| a.kind), Some(ProblemActionKind::Recover));
        assert_ne!(de.title, p.title);
    }

    #[test]
    fn an_input_problem_names_what_is_wrong() {
        let p = ProblemScreen::of(
            ProblemKind::InvalidInput,
            "reps: at most 1000",
            Language::En,
        );
        assert!(p.body.contains("reps: at most 1000"), "{}", p.body);
        assert_eq!(p.tone, Tone::Caution);
        assert_eq!(p.action, None);
    }
}
