//! Printing measurements and their trends: the latest value, how it
//! changed, and the reference band beside it.

use comfy_table::Cell;
use heft_core::model::{MeasureUnit, Measurement, trim_number};
use heft_core::{Band, Change, DxaCall, Trend};
use serde_json::json;

use crate::render::{print_json, short_id, table};

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
    let mut t = table();
    t.set_header([
        "Measure",
        "Site",
        "Latest",
        "Date",
        "Change",
        "Since first",
        "Band",
    ]);
    for tr in trends {
        let since_prev = tr
            .since_previous
            .as_ref()
            .map(|c| change_text(c, tr.unit))
            .unwrap_or_default();
        let since_first = match (&tr.since_first, tr.count) {
            (Some(c), n) if n > 2 => {
                format!("{} since {}", change_text(c, tr.unit), date(&tr.first))
            }
            _ => String::new(),
        };
        t.add_row([
            Cell::new(tr.kind),
            Cell::new(site_text(&tr.latest)),
            Cell::new(tr.latest.value_text()),
            Cell::new(date(&tr.latest)),
            Cell::new(since_prev),
            Cell::new(since_first),
            Cell::new(tr.band.as_ref().map(band_text).unwrap_or_default()),
        ]);
    }
    println!("{t}");
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
            m.note.clone().unwrap_or_default(),
        ]);
    }
    println!("{l}");
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
