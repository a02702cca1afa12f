//! Spreadsheet formula injection: making text cells safe to open in a
//! spreadsheet, and reading them back unchanged.
//!
//! A spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` as a
//! formula (and some also after a leading tab or carriage return), so a note
//! such as `=HYPERLINK(...)` would run when the export is opened. Writers
//! put a `'` in front of such text, which spreadsheets show as text; `'`
//! itself is escaped too, so that [`restore`] can strip exactly one leading
//! `'` and always get the original back.
//!
//! Only text cells (names and notes) are escaped; numeric cells never are,
//! so an assisted weight stays `-20`.

use std::borrow::Cow;

/// The characters that make a text cell start with a `'` when written.
const TRIGGERS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// `text` made safe for a spreadsheet: prefixed with `'` when it starts
/// with `=`, `+`, `-`, `@`, a tab, a carriage return or `'`; unchanged (and
/// not copied) otherwise.
pub fn defuse(text: &str) -> Cow<'_, str> {
    if text.starts_with(TRIGGERS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The inverse of [`defuse`]: `text` without one leading `'`, if it has one.
pub fn restore(text: &str) -> &str {
    text.strip_prefix('\'').unwrap_or(text)
}

/// [`restore`] for files that may come from another app: the leading `'` is
/// stripped only where [`defuse`] would have put it (before a formula start
/// or another `'`), so a name that really starts with `'` (`'Tis`) stays
/// whole while Heft's own Strong-layout export reads back exactly.
pub fn restore_defused(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(TRIGGERS) => rest,
        _ => text,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn defused_text_from_any_file_reads_back_and_real_quotes_stay() {
        for text in ["=SUM(A1)", "-Dip", "'quoted", "@x", "plain", "'Tis"] {
            assert_eq!(restore_defused(&defuse(text)), text, "{text}");
        }
        assert_eq!(restore_defused("'Tis the season"), "'Tis the season");
    }

    #[test]
    fn formula_starts_get_a_quote() {
        assert_eq!(defuse("=SUM(A1:A2)"), "'=SUM(A1:A2)");
        assert_eq!(defuse("+1"), "'+1");
        assert_eq!(defuse("-5 kg felt easy"), "'-5 kg felt easy");
        assert_eq!(defuse("@here"), "'@here");
        assert_eq!(defuse("\tcmd"), "'\tcmd");
        assert_eq!(defuse("\rcmd"), "'\rcmd");
        assert_eq!(defuse("'quoted"), "''quoted");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for text in [
            "",
            "Squat (Barbell)",
            "felt =good",
            " =x",
            "Жим лёжа",
            "深蹲",
        ] {
            assert!(matches!(defuse(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn restore_strips_exactly_one_quote() {
        assert_eq!(restore("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(restore("''x"), "'x");
        assert_eq!(restore("plain"), "plain");
        assert_eq!(restore(""), "");
    }

    proptest! {
        #[test]
        fn restore_inverts_defuse(text in any::<String>()) {
            let safe = defuse(&text);
            prop_assert_eq!(restore(&safe), text.as_str());
        }

        #[test]
        fn restore_inverts_defuse_on_trigger_starts(
            first in prop::sample::select(TRIGGERS.to_vec()),
            rest in any::<String>(),
        ) {
            let text = format!("{first}{rest}");
            let safe = defuse(&text);
            prop_assert!(safe.starts_with('\''));
            prop_assert_eq!(restore(&safe), text.as_str());
        }

        #[test]
        fn defused_text_never_starts_a_formula(text in any::<String>()) {
            let safe = defuse(&text);
            prop_assert!(!safe.starts_with(['=', '+', '-', '@', '\t', '\r']));
        }
    }
}
