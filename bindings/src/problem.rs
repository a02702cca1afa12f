//! A failed call as the person sees it: the shells pass the error they
//! caught and draw the screen, so no sentence about a failure is written
//! in Kotlin or Swift.

use heft_core::screens::{ProblemKind, ProblemScreen};
use heft_core::text::Language;

use crate::{HeftError, HeftStore};

/// Which problem each error is: the one place that decides.
fn kind_of(error: &HeftError) -> ProblemKind {
    match error {
        HeftError::InvalidInput { .. } => ProblemKind::InvalidInput,
        HeftError::NotFound { .. } => ProblemKind::NotFound,
        HeftError::Conflict { .. } => ProblemKind::Conflict,
        HeftError::Io { .. } => ProblemKind::Io,
        HeftError::Corrupt { .. } => ProblemKind::Corrupt,
        HeftError::Damaged { .. } => ProblemKind::Damaged,
        HeftError::IncompatibleVersion { .. } => ProblemKind::NewerVersion,
        HeftError::Cancelled => ProblemKind::Cancelled,
        HeftError::Closed => ProblemKind::Closed,
        HeftError::Other { .. } => ProblemKind::Other,
    }
}

/// [`HeftStore::problem_screen`] with no store at all: for a failure met
/// before a store opened, or on a handle already released.
#[uniffi::export]
pub fn describe_problem(error: HeftError, language: Language) -> ProblemScreen {
    ProblemScreen::of(kind_of(&error), &error.to_string(), language)
}

#[uniffi::export]
impl HeftStore {
    /// What to show for an error a call threw, in `language`: a heading, what
    /// it means and what to do, the error's own message as a detail, and the
    /// one action that helps. Works on a closed store too.
    pub fn problem_screen(&self, error: HeftError, language: Language) -> ProblemScreen {
        describe_problem(error, language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use heft_core::screens::ProblemActionKind;

    #[test]
    fn each_error_becomes_its_problem_even_on_a_closed_store() {
        let store = HeftStore::open_in_memory().unwrap();
        store.close();
        let damaged = store.problem_screen(
            HeftError::Damaged {
                reason: "damaged pages in heft.db".into(),
            },
            Language::En,
        );
        assert_eq!(damaged.kind, ProblemKind::Damaged);
        assert_eq!(
            damaged.action.map(|a| a.kind),
            Some(ProblemActionKind::Recover)
        );
        assert_eq!(damaged.detail, "damaged pages in heft.db");
        let input = store.problem_screen(
            HeftError::InvalidInput {
                field: "reps".into(),
                reason: "at most 1000".into(),
            },
            Language::De,
        );
        assert_eq!(input.kind, ProblemKind::InvalidInput);
        assert!(input.body.contains("reps at most 1000"), "{}", input.body);
        let newer = store.problem_screen(
            HeftError::IncompatibleVersion {
                found: 9,
                supported: 7,
            },
            Language::En,
        );
        assert_eq!(newer.kind, ProblemKind::NewerVersion);
    }
}
