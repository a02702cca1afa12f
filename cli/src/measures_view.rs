//! Printing the Measures screen: each series' card with its latest value,
//! its changes and its reference band. Layout only: every word and value
//! comes decided from the core's screen (`heft_core::screens::measures`).

use heft_core::Trend;
use heft_core::model::Measurement;
use heft_core::screens::{MeasureCard, MeasureEntry, MeasuresScreen};
use serde_json::json;

use crate::render::{NOTE_CHARS, WIDTH, ellipsize, print_json, short_id, table};

/// The card and entry of measurement `id` on the screen.
fn find<'a>(screen: &'a MeasuresScreen, id: &str) -> Option<(&'a MeasureCard, &'a MeasureEntry)> {
    screen.cards.iter().find_map(|c| {
        c.entries
            .iter()
            .find(|e| e.measurement_id == id)
            .map(|e| (c, e))
    })
}

/// The lines under a card's heading: the changes, the scanner's
/// precision and the band, indented and wrapped.
fn print_details(c: &MeasureCard) {
    let mut below: Vec<String> = Vec::new();
    below.extend(c.change.iter().cloned());
    below.extend(c.trend.iter().cloned());
    below.extend(c.precision.iter().cloned());
    if let Some(b) = &c.band {
        match &b.label {
            Some(label) => below.push(format!("{} [{label}]", b.text)),
            None => below.push(b.text.clone()),
        }
    }
    for text in below {
        for l in wrap(&text, WIDTH - 4) {
            println!("    {l}");
        }
    }
}

/// `heft measure`: what was saved, and where its series stands now.
pub fn measured(m: &Measurement, screen: &MeasuresScreen, json: bool) {
    if json {
        return print_json(m);
    }
    match find(screen, &m.id) {
        Some((c, e)) => {
            println!(
                "Saved {}: {} on {} ({}).",
                c.title,
                e.value,
                e.date,
                short_id(&m.id)
            );
            print_details(c);
        }
        None => println!("Saved ({}).", short_id(&m.id)),
    }
}

/// `heft measures`: a card per series; with `list`, every measurement of
/// the cards shown with its id below.
pub fn measures(
    trends: &[Trend],
    list: &[Measurement],
    screen: &MeasuresScreen,
    show_list: bool,
    json: bool,
) {
    if json {
        return print_json(&json!({ "trends": trends, "measurements": list }));
    }
    if let Some(empty) = &screen.empty {
        println!(
            "{}. Record one with: heft measure grip 31 --site left",
            empty.title
        );
        return;
    }
    let header = ["Measure", "Latest", "Date"];
    let widths: Vec<usize> = (0..2)
        .map(|i| {
            screen
                .cards
                .iter()
                .map(|c| [&c.title, &c.latest][i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 3]| {
        let text = format!(
            "{:<w0$}  {:<w1$}  {}",
            cells[0],
            cells[1],
            cells[2],
            w0 = widths[0],
            w1 = widths[1],
        );
        println!("{}", ellipsize(text.trim_end(), WIDTH));
    };
    line(header);
    for c in &screen.cards {
        line([&c.title, &c.latest, &c.date]);
        print_details(c);
    }
    if !show_list {
        return;
    }
    println!();
    let mut l = table();
    l.set_header(["Date", "Measure", "Value", "Id", "Note"]);
    for c in &screen.cards {
        for e in &c.entries {
            l.add_row([
                e.date.clone(),
                c.title.clone(),
                e.value.clone(),
                short_id(&e.measurement_id).to_owned(),
                ellipsize(e.note.as_deref().unwrap_or_default(), NOTE_CHARS),
            ]);
        }
    }
    println!("{l}");
}

/// Words of `text` in lines of at most `width` characters (a longer word
/// gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// `heft measures delete`: `before` is the screen before the deletion,
/// which still shows the measurement.
pub fn deleted(m: &Measurement, before: &MeasuresScreen, json: bool) {
    if json {
        return print_json(&json!({ "deleted": m }));
    }
    match find(before, &m.id) {
        Some((c, e)) => println!(
            "Deleted {}: {} of {}. `heft undo` brings it back.",
            c.title, e.value, e.date
        ),
        None => println!("Deleted {}. `heft undo` brings it back.", short_id(&m.id)),
    }
}
