//! Asking the person before saving what looks like a slip.
//!
//! Only on a terminal: a script or a pipe gets no question (it would hang);
//! it gets the warnings, nothing saved and exit code 2, and passes `--yes`
//! when it means what it typed.

use std::io::{BufRead, IsTerminal, Write};

use heft_core::grammar::SetSpec;
use heft_core::model::SetInput;
use heft_core::plausibility::LogWarning;

/// Shows the slips the Log screen found in `inputs` (sets of `exercise`),
/// as it says them (`slips`), on stderr, then the whole command as it was
/// probably meant (from `warnings`' suggestions); on a terminal asks
/// whether to log as typed anyway and returns the answer (no terminal:
/// `false`).
pub fn ask(exercise: &str, inputs: &[SetInput], warnings: &[LogWarning], slips: &[String]) -> bool {
    let mut err = std::io::stderr();
    for text in slips {
        let _ = writeln!(err, "warning: {text}");
    }
    if let Some(words) = corrected(inputs, warnings) {
        let _ = writeln!(
            err,
            "  to log that instead: heft log {exercise} {words} (with the same options)"
        );
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

/// Every set of the command in set notation with the suggestions applied,
/// equal neighbours counted (`3x100kgx5`); `None` when no warning has one.
fn corrected(inputs: &[SetInput], warnings: &[LogWarning]) -> Option<String> {
    let mut sets = inputs.to_vec();
    let mut any = false;
    for w in warnings {
        if let (Some(s), Some(slot)) = (&w.suggestion, sets.get_mut(w.set as usize)) {
            *slot = s.clone();
            any = true;
        }
    }
    if !any {
        return None;
    }
    let runs = heft_core::screens::history::count_runs(sets.iter().map(SetSpec::from_input));
    Some(
        runs.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" "),
    )
}
