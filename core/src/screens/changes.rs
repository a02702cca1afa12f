//! Which screens a write makes stale: the shells refresh those and no
//! others when the core tells them data changed (after a write of theirs,
//! an import or a background sync).

use serde::Serialize;

/// A screen a shell draws, or will: what a change tells it to refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ScreenKind {
    /// The session in progress.
    Today,
    /// The Log form (its exercise list and slip checks).
    Log,
    /// Past workouts.
    History,
    /// Minutes, dose, strength and records.
    Progress,
    /// Body and outcome measurements.
    Measures,
    /// Programs and the run.
    Program,
    /// Profile, equipment and units.
    Settings,
    /// This device and the others.
    Sync,
}

impl ScreenKind {
    /// Every screen.
    pub const ALL: [ScreenKind; 8] = [
        ScreenKind::Today,
        ScreenKind::Log,
        ScreenKind::History,
        ScreenKind::Progress,
        ScreenKind::Measures,
        ScreenKind::Program,
        ScreenKind::Settings,
        ScreenKind::Sync,
    ];
}

/// The screens showing data of the tables a write touched, each once, in
/// order. Bookkeeping (`meta`, the rows derived from the sets) makes no
/// screen stale; the undo journal
/// makes Today stale (its Undo action); a table this build does not know makes all of them stale.
pub fn stale_screens<'a>(tables: impl IntoIterator<Item = &'a str>) -> Vec<ScreenKind> {
    use ScreenKind::*;
    let mut out = Vec::new();
    for table in tables {
        let screens: &[ScreenKind] = match table {
            "set_entry" | "workout" => &[Today, History, Progress],
            "exercise" => &[Today, Log, History, Progress],
            "program" | "program_run" => &[Today, Program, Progress],
            "measurement" => &[Measures, Progress],
            "profile" => &[Today, Log, Progress, Measures, Program, Settings],
            "device" => &[Sync],
            // Today offers to undo the newest change.
            "undo_entry" => &[Today],
            "meta" => &[],
            // Derived from the sets (kept with them in the same write,
            // whose own tables name the screens); SQLite's update hook
            // does not report these WITHOUT ROWID tables anyway.
            "exercise_session" | "e1rm_point" | "derived_stale" => &[],
            _ => &ScreenKind::ALL,
        };
        out.extend_from_slice(screens);
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::ScreenKind::*;
    use super::*;

    #[test]
    fn a_logged_set_refreshes_the_training_screens_only() {
        assert_eq!(
            stale_screens(["set_entry", "workout", "undo_entry", "meta"]),
            [Today, History, Progress]
        );
        assert_eq!(stale_screens(["measurement"]), [Progress, Measures]);
        assert_eq!(
            stale_screens(["measurement", "undo_entry"]),
            [Today, Progress, Measures]
        );
        assert!(stale_screens(["meta"]).is_empty());
        assert!(stale_screens(["exercise_session", "e1rm_point", "derived_stale"]).is_empty());
        assert_eq!(stale_screens(["a_table_from_a_newer_build"]).len(), 8);
    }
}
