//! The "session due today" reminder: whether a phone should remind the
//! person to train today, and in what words. The shell schedules a daily
//! check at the hour the person likes and posts what this returns; the rule
//! of when a session is due (a program running, not a rest day by the
//! program's spacing or the chosen training days, nothing logged yet) lives
//! here, not in the shell.

use serde::Serialize;

use super::program_name;
use crate::progression::session::Today;
use crate::text::{Arg, Text};

/// A reminder to post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reminder {
    /// The notification's title: "Session 3 today".
    pub title: String,
    /// Its text: "LIFTMOR: heavy lifting for bone, about 30 min: Deadlift,
    /// Back Squat, Overhead Press".
    pub body: String,
}

/// The reminder for `today`'s plan, or `None` when no session is due: a
/// rest day (the next session is best from a later date) or a session
/// already begun (`logged`: sets are logged in it).
pub fn build(today: &Today, logged: bool, text: &Text) -> Option<Reminder> {
    let plan = &today.plan;
    if plan.ready_on > plan.date || logged || plan.exercises.is_empty() {
        return None;
    }
    let names: Vec<&str> = plan
        .exercises
        .iter()
        .map(|e| e.exercise_name.as_str())
        .collect();
    let program = program_name(&plan.program_id, &plan.program_name, text);
    Some(Reminder {
        title: text.with(
            "reminder-title",
            &[("session", Arg::Count(plan.session_number.into()))],
        ),
        body: text.with(
            "reminder-body",
            &[
                ("program", Arg::Text(program)),
                ("minutes", Arg::Count(plan.estimated_minutes.into())),
                ("exercises", Arg::Text(names.join(", "))),
            ],
        ),
    })
}
