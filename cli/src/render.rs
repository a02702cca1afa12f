//! Printing results: tables for people, JSON for scripts.
//!
//! JSON output is the core's own serde shape (documented in docs/CLI.md);
//! tables show every set in set notation, the way it would be typed.

use std::path::Path;

use comfy_table::{Cell, Table, presets::NOTHING};
use heft_core::grammar::SetSpec;
use heft_core::model::{
    EffortSource, Exercise, Profile, SetEntry, SetRole, Unit, Workout, WorkoutLog, format_milli,
};
use heft_core::progression::loading::Loadout;
use heft_core::screens::{HistoryScreen, HistorySet, HistoryWorkout, RunKind};
use heft_core::{Error, ExerciseHit, LoggedSets, SessionResult, UndoOutcome};
use serde::Serialize;
use serde_json::json;

use crate::commands::CliError;

/// "1 set", "3 sets": a count with its noun in the right number.
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Characters of a note shown in a table row (the whole note is in `--json`).
pub const NOTE_CHARS: usize = 30;

/// Width that tables and lines keep to, so an 80-column terminal shows them whole.
pub const WIDTH: usize = 80;

/// `text` cut to `max` characters, ending in "…" when cut.
pub fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Characters of a set id shown in tables (the random tail of a UUIDv7).
const SHORT_ID: usize = 8;

pub(crate) fn print_json<T: Serialize + ?Sized>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("error: cannot write JSON: {e}"),
    }
}

/// The last characters of an id, enough to name a set in `delete` and `edit`.
pub fn short_id(id: &str) -> &str {
    let start = id
        .char_indices()
        .rev()
        .nth(SHORT_ID - 1)
        .map_or(0, |(i, _)| i);
    &id[start..]
}

pub(crate) fn table() -> Table {
    let mut t = Table::new();
    t.load_style(NOTHING);
    t
}

/// A set as typed, plus its extras.
fn set_text(s: &SetEntry) -> String {
    let mut text = SetSpec::from_input(&s.input).to_string();
    // The plan's RIR stored by a plain `heft log` is an assumption, not a rating.
    if s.input.effort_source == Some(EffortSource::Prescribed) {
        text.push_str(" (as prescribed)");
    }
    if s.input.role == Some(SetRole::Technique) {
        text.push_str(" (technique)");
    }
    if let Some(i) = s.input.impact {
        text.push_str(&format!(" [{}", count(i.landings, "landing", "landings")));
        if let Some(h) = i.drop_height_cm {
            text.push_str(&format!(" from {h} cm"));
        }
        text.push(']');
    }
    text
}

fn extras(s: &SetEntry) -> String {
    let mut parts = Vec::new();
    if let Some(p) = s.input.pain {
        parts.push(format!("pain {p}/10"));
    }
    if let Some(n) = &s.input.note {
        parts.push(n.clone());
    }
    ellipsize(&parts.join("; "), NOTE_CHARS)
}

fn workout_heading(w: &Workout) -> String {
    let when = w.started_at.0.format("%a %Y-%m-%d %H:%M");
    let state = match (w.is_open(), w.duration()) {
        (true, _) => "open".to_string(),
        (false, Some(s)) => format!("{} min", (s + 30) / 60),
        (false, None) => "finished".to_string(),
    };
    format!("{when}  {}  ({state})", w.title())
}

fn sets_table(sets: &[SetEntry]) -> Table {
    let mut t = table();
    t.set_header(["#", "Exercise", "Set", "Id", ""]);
    for s in sets {
        t.add_row([
            Cell::new(s.position),
            Cell::new(&s.exercise_name),
            Cell::new(set_text(s)),
            Cell::new(short_id(&s.id)),
            Cell::new(extras(s)),
        ]);
    }
    t
}

fn print_workout(log: &WorkoutLog) {
    println!("{}", workout_heading(&log.workout));
    if log.sets.is_empty() {
        println!("  (no sets)");
    } else {
        println!("{}", sets_table(&log.sets));
    }
}

/// `heft init`.
pub fn init(path: &Path, profile: &Profile, json: bool) {
    if json {
        print_json(&json!({ "database": path, "profile": profile }));
    } else {
        println!("Database: {}", path.display());
        println!("Weights without a unit are in {}.", unit_name(profile));
    }
}

fn unit_name(p: &Profile) -> &'static str {
    p.unit.symbol()
}

/// `heft profile`.
pub fn profile(p: &Profile, json: bool) {
    if json {
        return print_json(p);
    }
    let show = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    let mut t = table();
    t.add_row(["unit", unit_name(p)]);
    t.add_row(vec![
        "birth year".to_string(),
        show(p.birth_year.map(|y| y.to_string())),
    ]);
    t.add_row(vec!["sex".to_string(), show(p.sex.map(|s| s.to_string()))]);
    t.add_row(vec![
        "bone status".to_string(),
        show(p.bone_status.map(|s| s.to_string())),
    ]);
    t.add_row(vec![
        "fracture history".to_string(),
        show(p.fracture_history.map(|s| s.to_string())),
    ]);
    let loadout = p
        .loadout
        .clone()
        .unwrap_or_else(|| Loadout::standard(p.unit));
    let list = |plates: &[heft_core::progression::loading::PlateStock]| {
        plates
            .iter()
            .map(|x| format_milli((x.weight * 1000.0).round() as i64))
            .collect::<Vec<_>>()
            .join(", ")
    };
    t.add_row(vec![
        "bar".to_string(),
        format!(
            "{} {}",
            format_milli((loadout.bar * 1000.0).round() as i64),
            unit_name(p)
        ),
    ]);
    t.add_row(vec!["plates".to_string(), list(&loadout.plates)]);
    let micro = if p.loadout.is_some() {
        list(&loadout.fractional)
    } else if p.micro_plates {
        list(&Loadout::standard_fractional(p.unit))
    } else {
        String::new()
    };
    t.add_row(vec![
        "micro plates".to_string(),
        if micro.is_empty() { "-".into() } else { micro },
    ]);
    t.add_row(vec![
        "equipment".to_string(),
        p.equipment
            .as_ref()
            .map(|l| l.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(", "))
            .unwrap_or_else(|| "gym".into()),
    ]);
    t.add_row(vec![
        "running".to_string(),
        show(p.running_min_week.map(|m| format!("{m} min/week"))),
    ]);
    t.add_row(vec![
        "bands".to_string(),
        show(p.bands.as_ref().map(|b| b.join(", "))),
    ]);
    println!("{t}");
}

/// `heft exercises`.
pub fn exercises(hits: &[ExerciseHit], json: bool) {
    if json {
        return print_json(hits);
    }
    if hits.is_empty() {
        println!("No exercise matches.");
        return;
    }
    let mut t = table();
    t.set_header(["Exercise", "Pattern", "Equipment", "Measured by", "Notes"]);
    for h in hits {
        let e = &h.exercise;
        let mut notes = Vec::new();
        if e.spinal_flexion {
            notes.push("spinal flexion");
        }
        if e.spinal_rotation {
            notes.push("twisting");
        }
        if e.impact {
            notes.push("impact");
        }
        if !e.builtin {
            notes.push("custom");
        }
        t.add_row([
            e.name.as_str(),
            e.pattern.as_str(),
            e.equipment.as_str(),
            e.measure.as_str(),
            &notes.join(", "),
        ]);
    }
    println!("{t}");
}

/// `heft exercises add`.
pub fn exercise_added(e: &Exercise, json: bool) {
    if json {
        return print_json(e);
    }
    println!(
        "Added {} ({}, {}, measured by {}).",
        e.name, e.pattern, e.equipment, e.measure
    );
}

/// `heft log`: what was saved, then the workout so far.
pub fn logged(logged: &LoggedSets, workout: &WorkoutLog, json: bool) {
    if json {
        return print_json(logged);
    }
    let verb = if logged.started_workout {
        "Started"
    } else {
        "Added to"
    };
    println!(
        "Saved {}. {verb} {}.",
        count(logged.sets.len() as u64, "set", "sets"),
        workout.title
    );
    print_workout(workout);
}

/// `heft start`.
pub fn started(w: &Workout, json: bool) {
    if json {
        return print_json(w);
    }
    println!(
        "Started {} at {}.",
        w.title(),
        w.started_at.0.format("%H:%M")
    );
}

/// `heft finish --json`: the workout and the session it counted.
pub fn finished(log: &WorkoutLog, session: Option<&SessionResult>) {
    let mut value = serde_json::to_value(log).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert(
            "session".into(),
            serde_json::to_value(session).unwrap_or_default(),
        );
    }
    print_json(&value);
}

/// `heft finish` in tables: the workout's sets, before the Finish screen.
pub fn finished_workout(log: &WorkoutLog) {
    println!("Finished.");
    print_workout(log);
}

/// `heft history`: the JSON of the workouts, or the History screen laid
/// out: each workout's heading, then its sets in a table, or with
/// `compact` one line per exercise with runs of equal sets counted.
pub fn history(logs: &[WorkoutLog], screen: &HistoryScreen, compact: bool, json: bool) {
    if json {
        return print_json(logs);
    }
    if let Some(empty) = &screen.empty {
        println!("{}. Log one with: heft log squat 100x5", empty.title);
        return;
    }
    let mut first = true;
    for day in &screen.days {
        for w in &day.workouts {
            if !compact && !first {
                println!();
            }
            first = false;
            println!(
                "{} {}  {}  ({})",
                day.date.format("%a %Y-%m-%d"),
                w.time,
                w.title,
                w.state
            );
            if compact {
                print_compact(w);
            } else {
                print_history_sets(w);
            }
        }
    }
}

/// A workout's sets in the order logged: position, exercise, the set in
/// notation with what else it was, its short id, pain and note.
fn print_history_sets(w: &HistoryWorkout) {
    let mut rows: Vec<(&str, &HistorySet)> = w
        .lines
        .iter()
        .flat_map(|l| {
            l.runs
                .iter()
                .flat_map(|r| &r.sets)
                .map(|s| (l.exercise.as_str(), s))
        })
        .collect();
    if rows.is_empty() {
        println!("  (no sets)");
        return;
    }
    rows.sort_by_key(|(_, s)| s.position);
    let mut t = table();
    t.set_header(["#", "Exercise", "Set", "Id", ""]);
    for (exercise, s) in rows {
        let mut set = s.notation.clone();
        for d in &s.details {
            set.push_str(&format!(" ({d})"));
        }
        let extras: Vec<&str> = s.pain.iter().chain(&s.note).map(String::as_str).collect();
        t.add_row([
            Cell::new(s.position),
            Cell::new(exercise),
            Cell::new(set),
            Cell::new(short_id(&s.set_id)),
            Cell::new(ellipsize(&extras.join("; "), NOTE_CHARS)),
        ]);
    }
    println!("{t}");
}

/// A workout in a few lines: each exercise with its runs in notation
/// ("5x47.5kgx5@3"), as the screen counts them.
fn print_compact(w: &HistoryWorkout) {
    let width = w
        .lines
        .iter()
        .map(|l| l.exercise.chars().count())
        .max()
        .unwrap_or(0);
    for l in &w.lines {
        let runs: Vec<String> = l
            .runs
            .iter()
            .map(|r| match r.kind {
                RunKind::Technique => format!("{} (technique)", r.notation),
                _ => r.notation.clone(),
            })
            .collect();
        let line = format!("  {:<width$}  {}", l.exercise, runs.join(" "));
        println!("{}", ellipsize(&line, WIDTH));
    }
    if w.lines.is_empty() {
        println!("  (no sets)");
    }
}

/// `heft edit`.
pub fn edited(before: &SetEntry, after: &SetEntry, json: bool) {
    if json {
        return print_json(after);
    }
    println!(
        "Changed {} set {} from {} to {}.",
        after.exercise_name,
        short_id(&after.id),
        set_text(before),
        set_text(after)
    );
}

/// `heft delete`.
pub fn deleted(s: &SetEntry, json: bool) {
    if json {
        return print_json(&json!({ "deleted": s }));
    }
    println!(
        "Deleted {} {} ({}). `heft undo` brings it back.",
        s.exercise_name,
        set_text(s),
        short_id(&s.id)
    );
}

/// `heft undo`.
pub fn undone(o: &UndoOutcome, json: bool) {
    if json {
        return print_json(o);
    }
    println!("Undone: {}.", o.undone);
}

/// `heft recover`: what was saved and lost per table, and where the
/// damaged file is.
pub fn recovered(r: &heft_core::RecoveryReport, json: bool) {
    if json {
        return print_json(r);
    }
    if r.merged {
        println!(
            "Merged what could be read of {} into {}.",
            r.damaged_file.display(),
            r.database.display()
        );
    } else {
        println!(
            "Recovered {} into a new database in its place.",
            r.database.display()
        );
    }
    let mut t = table();
    t.set_header(["table", "saved", "lost", "refused", "stand-ins"]);
    for row in &r.tables {
        t.add_row([
            Cell::new(&row.table),
            Cell::new(row.saved),
            Cell::new(row.lost.map_or("unknown".to_string(), |n| n.to_string())),
            Cell::new(row.refused),
            Cell::new(row.placeholders),
        ]);
    }
    println!("{t}");
    match r.lost() {
        Some(0) => println!("Nothing was lost."),
        Some(n) => println!(
            "{} could not be read and are lost.",
            count(n, "row", "rows")
        ),
        None => println!("Some rows could not be read; how many is unknown."),
    }
    if r.tables.iter().any(|t| t.placeholders > 0) {
        println!(
            "Stand-ins (\"Recovered workout\", \"Recovered exercise\") hold sets whose workout or \
             exercise was lost; a sync or an import of an export brings the real ones back."
        );
    }
    println!(
        "The damaged file is kept, untouched, at {}.",
        r.damaged_file.display()
    );
}

/// Prints an error to stderr: a sentence, or JSON with `--json`.
pub fn error(err: &CliError, json: bool) {
    if json {
        let (kind, field, suggestions) = match err.inner() {
            CliError::Usage(_) | CliError::Hinted(..) => ("usage", None, None),
            CliError::Unconfirmed(_) => ("needs_confirmation", None, None),
            CliError::File(_, e) => (error_kind(e), e.field(), None),
            CliError::Core(e) => (
                error_kind(e),
                e.field(),
                match e {
                    Error::UnknownExercise { suggestions, .. }
                    | Error::UnknownProgram { suggestions, .. } => Some(suggestions.clone()),
                    _ => None,
                },
            ),
        };
        let body = json!({ "error": { "kind": kind, "field": field, "message": err.to_string(), "suggestions": suggestions, "hint": err.hint_text() } });
        eprintln!("{body}");
    } else {
        eprintln!("error: {err}");
        if let Some(hint) = err.hint_text() {
            eprintln!("hint: {hint}");
        }
    }
}

fn error_kind(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput(_) | Error::Grammar(_) => "invalid_input",
        Error::UnknownExercise { .. } => "unknown_exercise",
        // Kept as before the variants had their own messages (docs/CLI.md).
        Error::UnknownProgram { .. } | Error::NoOpenWorkout { .. } => "not_found",
        Error::NotFound { .. } => "not_found",
        Error::AmbiguousId { .. } => "ambiguous_id",
        Error::Conflict(_) => "conflict",
        Error::NothingToUndo => "nothing_to_undo",
        Error::Program(_) => "invalid_program",
        Error::NoProgram => "no_program",
        Error::NeedsLoad { .. } => "needs_load",
        Error::Corrupt { .. } => "corrupt",
        Error::IncompatibleVersion { .. } => "incompatible_version",
        Error::NotHeftDatabase { .. } => "not_heft_database",
        Error::ReadOnly { .. } => "read_only",
        Error::Damaged { .. } => "damaged",
        Error::Io { .. } => "io",
        Error::Sync(_) | Error::SyncFile { .. } => "invalid_export",
        Error::Csv(_) => "invalid_csv",
        Error::Cancelled => "cancelled",
        Error::Catalog(_) | Error::Sqlite(_) | Error::BadRow { .. } => "internal",
    }
}
