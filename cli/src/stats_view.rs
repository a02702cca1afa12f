//! Printing analytics: `heft stats`, `heft e1rm`, `heft records` and the
//! "New record!" line after a log. Loads are shown in the profile's unit;
//! JSON is the core's shape, in kilograms (docs/CLI.md).

use std::path::Path;

use chrono::NaiveDate;
use comfy_table::Cell;
use heft_core::Strength;
use heft_core::analytics::{Record, Stats, WeekStats};
use heft_core::model::{Unit, WeightUnit, trim_number};
use heft_core::report::RecordRow;
use serde_json::json;

use crate::render::{count, print_json, table};

/// Kilograms in `unit`, as text with the unit, to 0.01 as in records:
/// "102.5 kg", "220.46 lb".
fn load(kg: f64, unit: WeightUnit) -> String {
    format!("{} {}", trim_number(unit.of_kg(kg)), unit.symbol())
}

/// "1 day", "3 days".
fn days(n: u32) -> String {
    count(n, "day", "days")
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn sessions_text(w: &WeekStats) -> String {
    match w.planned_sessions {
        Some(p) => format!("{} of {p}", w.sessions),
        None => w.sessions.to_string(),
    }
}

/// `heft stats`.
pub fn stats(s: &Stats, unit: WeightUnit, json: bool) {
    if json {
        return print_json(s);
    }
    let w = &s.this_week;
    println!(
        "This week ({}, {} to {}): {} min of lifting, {}.",
        w.week.label(),
        w.monday,
        s.today,
        w.lifting_minutes,
        w.dose_text
    );
    let mut line = format!(
        "  Sessions {}, hard sets {}, heavy axial sets {}, landings {}",
        sessions_text(w),
        w.hard_sets,
        w.bone.heavy_axial_sets,
        w.bone.landings
    );
    if w.bone.meets_liftmor {
        line.push_str(" (LIFTMOR pattern met)");
    }
    println!("{line}.");
    if w.estimated_sessions > 0 {
        println!(
            "  Minutes of {} without a recorded length are estimated from sets and rest.",
            count(w.estimated_sessions, "session", "sessions")
        );
    }
    if !w.hard_sets_by_muscle.is_empty() {
        let per: Vec<String> = w
            .hard_sets_by_muscle
            .iter()
            .map(|m| format!("{} {}", m.muscle.to_string().replace('_', " "), m.sets))
            .collect();
        println!("  Hard sets per muscle: {}.", per.join(", "));
    }

    println!();
    println!("The four weeks before:");
    let mut t = table();
    t.set_header([
        "Week",
        "Minutes",
        "Dose",
        "Sessions",
        "Hard sets",
        "Heavy axial",
        "Landings",
        "LIFTMOR",
    ]);
    for w in &s.last_4_weeks {
        t.add_row([
            w.week.label(),
            w.lifting_minutes.to_string(),
            w.dose_text.clone(),
            sessions_text(w),
            w.hard_sets.to_string(),
            w.bone.heavy_axial_sets.to_string(),
            w.bone.landings.to_string(),
            yes(w.bone.meets_liftmor).to_owned(),
        ]);
    }
    println!("{t}");

    println!();
    let b = &s.bone;
    match (b.last_heavy_axial, b.days_since_heavy_axial) {
        (Some(d), Some(n)) => println!(
            "Bone: last heavy axial load on {d} ({} ago); {} of the last 4 weeks matched the LIFTMOR pattern.",
            days(n),
            b.weeks_meeting_liftmor
        ),
        _ => println!(
            "Bone: no heavy axial load yet (a spine-loading lift such as a squat, deadlift, overhead press or carry at 80% of its e1RM, or with reps + RIR of 8 or less)."
        ),
    }

    let a = &s.adherence;
    let mut parts = vec![format!(
        "{} in a row with 2+ sessions (longest {})",
        count(a.streak.current_weeks, "week", "weeks"),
        a.streak.longest_weeks
    )];
    if let (Some(planned), Some(pct)) = (a.planned_last_4_weeks, a.percent_of_plan) {
        parts.push(format!(
            "{} of {} in the last 4 weeks ({pct:.0}%)",
            a.sessions_last_4_weeks,
            count(planned, "planned session", "planned sessions")
        ));
    }
    if let (Some(last), Some(n)) = (a.gaps.last_session, a.gaps.current_days) {
        parts.push(format!("last session {last} ({} ago)", days(n)));
    }
    if let (Some(n), Some(from), Some(to)) =
        (a.gaps.longest_days, a.gaps.longest_from, a.gaps.longest_to)
    {
        parts.push(format!("longest gap {} ({from} to {to})", days(n)));
    }
    println!("Adherence: {}.", parts.join("; "));
    for p in a.spacing.iter().filter(|p| p.too_close) {
        println!(
            "  {} sessions came closer than 48 h apart (shortest {}): the same pattern needs rest between hard sessions.",
            p.pattern,
            days(p.min_days.unwrap_or(0))
        );
    }

    println!();
    if s.records.is_empty() {
        println!("No new records in the last 28 days.");
    } else {
        println!("Records in the last 28 days:");
        println!("{}", records_table(&newest_first(&s.records), unit));
    }
    println!("e1RM by the {} formula.", s.formula.name());
}

fn records_table(records: &[Record], unit: WeightUnit) -> comfy_table::Table {
    let mut t = table();
    t.set_header(["Date", "Exercise", "Record", "Value", "Was"]);
    for r in records {
        let row = RecordRow::of(r, unit);
        t.add_row([
            Cell::new(r.date),
            Cell::new(row.exercise),
            Cell::new(row.kind),
            Cell::new(row.value),
            Cell::new(row.previous.unwrap_or_default()),
        ]);
    }
    t
}

/// Records newest first, then by exercise and kind.
fn newest_first(records: &[Record]) -> Vec<Record> {
    let mut sorted = records.to_vec();
    sorted.sort_by(|a, b| {
        (b.date, &a.exercise_name, a.kind as u8).cmp(&(a.date, &b.exercise_name, b.kind as u8))
    });
    sorted
}

/// `heft records`, newest first.
pub fn records(records: &[Record], unit: WeightUnit, json: bool) {
    let sorted = newest_first(records);
    if json {
        return print_json(&sorted);
    }
    if sorted.is_empty() {
        println!("No records yet: log working sets with a weight and reps.");
        return;
    }
    println!("{}", records_table(&sorted, unit));
}

/// After `heft log`: "New record! ..." for each record the sets set.
pub fn new_records(records: &[Record], unit: WeightUnit) {
    for r in records {
        let row = RecordRow::of(r, unit);
        let was = row
            .previous
            .map(|p| format!(" (was {p})"))
            .unwrap_or_default();
        println!(
            "New record! {}, {}: {}{was}.",
            row.exercise, row.kind, row.value
        );
    }
}

/// `heft e1rm`.
pub fn e1rm(s: &Strength, unit: WeightUnit, json: bool) {
    if json {
        return print_json(s);
    }
    let series = &s.series;
    if series.points.is_empty() {
        println!(
            "{}: no e1RM yet. It comes from working sets with a weight and 1-10 reps (body-weight exercises have none).",
            series.name
        );
        return;
    }
    println!(
        "{}: estimated 1RM per session, best set, {} formula.",
        series.name, series.formula_name
    );
    let mut t = table();
    t.set_header(["Date", "e1RM", "From"]);
    for p in &series.points {
        let rir = p
            .rir
            .map(|r| format!(" @{} RIR", trim_number(r)))
            .unwrap_or_default();
        t.add_row([
            p.date.to_string(),
            load(p.e1rm_kg, unit),
            format!("{} x {}{rir}", load(p.weight_kg, unit), p.reps),
        ]);
    }
    println!("{t}");
    let r = &s.retention;
    let Some((now, on)) = r.current_e1rm_kg.zip(r.current_session) else {
        return;
    };
    let Some((base, base_on)) = r.baseline_e1rm_kg.zip(r.baseline_session) else {
        println!(
            "Latest {} on {on}; no session within 28 days of {} to compare with.",
            load(now, unit),
            r.baseline_date
        );
        return;
    };
    let pct = r.percent.map(|p| format!("{p:.0}%")).unwrap_or_default();
    println!(
        "Latest {} on {on}: {pct} of {} on {base_on} (the best within 28 days of {}).",
        load(now, unit),
        load(base, unit),
        r.baseline_date
    );
    if base_on == on {
        println!("  Both are the same session: pick an earlier --since to see a change.");
    }
}

/// `heft report`: where the file went.
pub fn report_written(path: &Path, day: NaiveDate, bytes: usize, json: bool) {
    if json {
        return print_json(&json!({ "path": path, "date": day, "bytes": bytes }));
    }
    println!(
        "Wrote the report for {day} to {} ({} KB). Open it in any browser; it needs no network.",
        path.display(),
        bytes.div_ceil(1024)
    );
}
