//! Printing measurements and their trends: the latest value, how it
//! changed, and the reference band beside it.

use heft_core::model::{MeasureUnit, Measurement, trim_number};
use heft_core::{Band, Change, DxaCall, Trend};
use serde_json::json;

use crate::render::{NOTE_CHARS, WIDTH, ellipsize, print_json, short_id, table};

/// A signed change with its unit: "+2 kg", "-0.3", "+1 level".
fn signed(value: f64, unit: MeasureUnit) -> String {
    let number = trim_number(value);
    let number = if value > 0.0 && number != "0" {
        format!("+{number}")
    } else {
        number
    };
    match unit {
        MeasureUnit::Sd => number,
        u => format!("{number} {u}"),
    }
}

/// "+2 kg (+6.9%)", with the DXA verdict for scans.
fn change_text(c: &Change, unit: MeasureUnit) -> String {
    let mut extras = Vec::new();
    if let Some(p) = c.percent {
        extras.push(format!("{p:+.1}%"));
    }
    match c.dxa {
        Some(DxaCall::Change) => extras.push("beyond DXA precision".into()),
        Some(DxaCall::WithinPrecision) => extras.push("within DXA precision".into()),
        Some(DxaCall::TooSoon) => extras.push("scans under a year apart".into()),
        None => {}
    }
    let main = signed(c.absolute, unit);
    if extras.is_empty() {
        main
    } else {
        format!("{main} ({})", extras.join("; "))
    }
}

/// "osteopenia [WHO]", marking a band that rests on a rule of thumb.
fn band_text(b: &Band) -> String {
    let heuristic = if b.heuristic { ", rule of thumb" } else { "" };
    format!("{} [{}{heuristic}]", b.label, b.source.as_str())
}

fn date(m: &Measurement) -> String {
    m.measured_at.local_date().to_string()
}

fn site_text(m: &Measurement) -> String {
    m.site.map(|s| s.to_string()).unwrap_or_default()
}

/// `heft measure`: what was saved, and where the series stands now.
pub fn measured(m: &Measurement, trend: Option<&Trend>, json: bool) {
    if json {
        return print_json(m);
    }
    let site = m.site.map(|s| format!(" ({s})")).unwrap_or_default();
    println!(
        "Saved {} {}{site} on {} ({}).",
        m.kind,
        m.value_text(),
        date(m),
        short_id(&m.id)
    );
    let Some(t) = trend else { return };
    if let Some(c) = &t.since_previous {
        let since = t.previous.as_ref().map(date).unwrap_or_default();
        println!(
            "Latest {} on {}: {} since {since}.",
            t.latest.value_text(),
            date(&t.latest),
            change_text(c, t.unit)
        );
    }
    if let Some(b) = &t.band {
        println!("Reference: {}.", band_text(b));
    }
}

/// `heft measures`: one row per kind and site; with `list`, every
/// measurement with its id below.
pub fn measures(trends: &[Trend], list: &[Measurement], show_list: bool, json: bool) {
    if json {
        return print_json(&json!({ "trends": trends, "measurements": list }));
    }
    if trends.is_empty() {
        println!("No measurements yet. Record one with: heft measure grip 31 --site left");
        return;
    }
    // One line per series with its latest value and change, then the
    // change since the first and the band indented below it: the whole
    // row in one line was over 170 columns.
    let rows: Vec<[String; 4]> = trends
        .iter()
        .map(|tr| {
            let name = match tr.latest.site {
                Some(s) => format!("{} ({s})", tr.kind),
                None => tr.kind.to_string(),
            };
            let since_prev = tr
                .since_previous
                .as_ref()
                .map(|c| change_text(c, tr.unit))
                .unwrap_or_default();
            [name, tr.latest.value_text(), date(&tr.latest), since_prev]
        })
        .collect();
    let header = ["Measure", "Latest", "Date", "Change"];
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 4]| {
        let text = format!(
            "{:<w0$}  {:<w1$}  {:<w2$}  {}",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        );
        println!("{}", ellipsize(text.trim_end(), WIDTH));
    };
    line(header);
    for (tr, row) in trends.iter().zip(&rows) {
        line([&row[0], &row[1], &row[2], &row[3]]);
        let mut below = Vec::new();
        if let (Some(c), true) = (&tr.since_first, tr.count > 2) {
            below.push(format!(
                "{} since {}",
                change_text(c, tr.unit),
                date(&tr.first)
            ));
        }
        if let Some(b) = &tr.band {
            below.push(band_text(b));
        }
        for text in below {
            for l in wrap(&text, WIDTH - 4) {
                println!("    {l}");
            }
        }
    }
    if !show_list {
        return;
    }
    println!();
    let mut l = table();
    l.set_header(["Date", "Site", "Value", "Id", "Note"]);
    for m in list.iter().rev() {
        l.add_row([
            date(m),
            site_text(m),
            m.value_text(),
            short_id(&m.id).to_owned(),
            ellipsize(m.note.as_deref().unwrap_or_default(), NOTE_CHARS),
        ]);
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

/// `heft measures delete`.
pub fn deleted(m: &Measurement, json: bool) {
    if json {
        return print_json(&json!({ "deleted": m }));
    }
    let site = m.site.map(|s| format!(" ({s})")).unwrap_or_default();
    println!(
        "Deleted {} {}{site} of {}. `heft undo` brings it back.",
        m.kind,
        m.value_text(),
        date(m)
    );
}
