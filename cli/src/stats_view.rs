//! Printing analytics: `heft stats`, `heft e1rm`, `heft records` and the
//! "New record!" line after a log. Loads are shown in the profile's unit;
//! JSON is the core's shape, in kilograms (docs/CLI.md).

use std::path::Path;

use chrono::NaiveDate;
use comfy_table::Cell;
use heft_core::Strength;
use heft_core::analytics::{Record, Stats};
use heft_core::model::{Unit, WeightUnit, trim_number};
use heft_core::report::RecordRow;
use serde_json::json;

use crate::render::{print_json, table};

/// Kilograms in `unit`, as text with the unit, to 0.01 as in records:
/// "102.5 kg", "220.46 lb".
fn load(kg: f64, unit: WeightUnit) -> String {
    format!("{} {}", trim_number(unit.of_kg(kg)), unit.symbol())
}

/// `heft stats --json` (the text is the Progress screen's, in
/// `screen_view`).
pub fn stats(s: &Stats) {
    print_json(s);
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
