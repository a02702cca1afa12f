//! Asking the person before saving what looks like a slip.
//!
//! Only on a terminal: a script or a pipe gets no question (it would hang);
//! it gets the warnings, nothing saved and exit code 2, and passes `--yes`
//! when it means what it typed.

use std::io::{BufRead, IsTerminal, Write};

use heft_core::grammar::SetSpec;
use heft_core::plausibility::LogWarning;

/// Shows `warnings` for sets of `exercise` on stderr; on a terminal asks
/// whether to log anyway and returns the answer (no terminal: `false`).
pub fn ask(exercise: &str, warnings: &[LogWarning]) -> bool {
    let mut err = std::io::stderr();
    for w in warnings {
        let _ = writeln!(err, "warning: {}", w.text);
        if let Some(s) = &w.suggestion {
            let _ = writeln!(
                err,
                "  to log that instead: heft log {exercise} {}",
                SetSpec::from_input(s)
            );
        }
    }
    if !(std::io::stdin().is_terminal() && err.is_terminal()) {
        return false;
    }
    let _ = write!(err, "Log as typed anyway? [y/N] ");
    let _ = err.flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim(), "y" | "Y" | "yes" | "Yes")
}
