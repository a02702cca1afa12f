//! The page: header, warnings, headline tiles, chart cards, records, and
//! the printable clinician summary, with its stylesheet inline.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate};

use super::scale::{self, plottable};
use super::svg::{self, BarOptions};
use super::weeks::{self, Calendar, Grain};
use super::{
    ClinicianSummary, DoseSpread, LineSeries, MeasureChart, RecordRow, ReportData, SetBasis,
    Spread, TextTable,
};

/// Text made safe to put in HTML or SVG, in an element or a quoted
/// attribute: `&`, `<`, `>`, `"` and `'` become entities, and control
/// characters other than tab and newline become spaces.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Weeks in the dose summaries.
const DOSE_WEEKS: usize = 12;
/// Records newer than this many days that beat an earlier value get a
/// "new" badge (the 28 days `heft stats` calls recent).
const NEW_DAYS: u64 = 28;
/// Records shown before the rest fold away.
const RECORDS_SHOWN: usize = 25;
/// Pain reports on the clinician page (newest first), to keep it one page.
const PAIN_SHOWN: usize = 12;

/// The report as one self-contained HTML page. Pure: the same data always
/// gives the same text.
pub fn render_html(data: &ReportData) -> String {
    let mut out = String::with_capacity(96 * 1024);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">",
    );
    w!(
        out,
        "<title>{}</title><style>{CSS}</style></head>\n<body><main>",
        esc(&data.title)
    );

    let cal = weeks::calendar(&data.weekly);
    let has_e1rm = data.e1rm.iter().any(|s| !svg::clean_points(s).is_empty());
    let nothing_logged = !has_e1rm && cal.buckets.is_empty() && data.records.is_empty();

    header(&mut out, data, &cal, nothing_logged);
    if !data.notes.is_empty() {
        out.push_str("<ul class=\"notes\" role=\"note\">");
        for note in &data.notes {
            w!(out, "<li>{}</li>", esc(note));
        }
        out.push_str("</ul>");
    }
    if nothing_logged {
        out.push_str(
            "<section class=\"card hero screen-only\" id=\"empty\"><h2>No sets logged yet</h2>\
             <p>Log a workout and this page fills in: strength over time, minutes per week \
             against the target, and your records.</p></section>",
        );
    } else {
        tiles(&mut out, data, &cal);
    }

    out.push_str("<div class=\"grid\">");
    if !nothing_logged {
        strength_card(&mut out, data);
        dose_card(&mut out, data, &cal);
    }
    for (i, chart) in data.measures.iter().enumerate() {
        measure_card(&mut out, chart, i);
    }
    if !nothing_logged {
        records_card(&mut out, &data.records, data.generated_on);
    }
    out.push_str("</div>");

    clinician(&mut out, data, &cal);
    out.push_str(
        "<footer class=\"screen-only\"><p>Made by Heft on this device from your own training \
         log; nothing was sent anywhere. Estimated 1RM is a calculation from the sets you \
         logged, not a tested maximum. Print this page for the one-page clinician summary.\
         </p></footer></main></body></html>\n",
    );
    out
}

fn header(out: &mut String, data: &ReportData, cal: &Calendar, nothing_logged: bool) {
    w!(
        out,
        "<header><h1>{}</h1><p class=\"meta\">",
        esc(&data.title)
    );
    let mut parts = Vec::new();
    if let Some(person) = data.person.as_deref().filter(|p| !p.trim().is_empty()) {
        parts.push(esc(person));
    }
    parts.push(scale::date(data.generated_on));
    let _ = cal;
    out.push_str(&parts.join(" · "));
    out.push_str("</p><nav class=\"screen-only\" aria-label=\"Sections\">");
    if !nothing_logged {
        out.push_str("<a href=\"#strength\">Strength</a><a href=\"#dose\">Weekly minutes</a>");
    }
    if !data.measures.is_empty() {
        out.push_str("<a href=\"#measure-0\">Measures</a>");
    }
    if !nothing_logged {
        out.push_str("<a href=\"#records\">Records</a>");
    }
    out.push_str("<a href=\"#clinician\">For your clinician</a></nav></header>");
}

/// The first and latest drawable points of a series.
fn ends(s: &LineSeries) -> Option<(svg::Dated, svg::Dated)> {
    let points = svg::clean_points(s);
    Some((*points.first()?, *points.last()?))
}

/// "▲ 18%", "▼ 3%" or "no change", from `first` to `latest`.
fn change(first: f64, latest: f64) -> Option<String> {
    if !(first.is_finite() && latest.is_finite()) || first <= 0.0 {
        return None;
    }
    let pct = (latest - first) / first * 100.0;
    if !pct.is_finite() {
        return None;
    }
    let rounded = pct.round();
    Some(if rounded == 0.0 {
        "no change".to_owned()
    } else if rounded > 0.0 {
        format!("\u{25b2} {}%", scale::value(rounded))
    } else {
        format!("\u{25bc} {}%", scale::value(-rounded))
    })
}

fn dose_status(avg: f64, data: &ReportData) -> String {
    let b = &data.dose_band;
    let band = format!("{}\u{2013}{}", scale::value(b.low), scale::value(b.high));
    if avg > b.ceiling {
        format!("above the {} ceiling", scale::value(b.ceiling))
    } else if avg > b.high {
        format!("above the {band} target")
    } else if avg >= b.low {
        format!("in the {band} target")
    } else {
        format!("below the {band} target")
    }
}

fn tiles(out: &mut String, data: &ReportData, cal: &Calendar) {
    out.push_str("<section class=\"tiles screen-only\" aria-label=\"At a glance\">");
    if let Some(dose) = weeks::dose(&data.weekly, DOSE_WEEKS) {
        w!(
            out,
            "<div class=\"tile\"><span class=\"big\">{}</span><span class=\"what\">min a week, \
             last {} weeks</span><span class=\"how\">{}</span></div>",
            scale::value(dose.minutes.avg.round()),
            dose.weeks,
            dose_status(dose.minutes.avg, data)
        );
        w!(
            out,
            "<div class=\"tile\"><span class=\"big\">{}</span><span class=\"what\">sessions a \
             week, last {} weeks</span><span class=\"how\">{} heavy spine-loading sets\
             </span></div>",
            one_decimal(dose.sessions.avg),
            dose.weeks,
            one_decimal(dose.heavy_axial_sets.avg)
        );
    }
    for (i, s) in data.e1rm.iter().enumerate() {
        let Some(((first_date, first), (_, latest))) = ends(s) else {
            continue;
        };
        let since = format!("{} {}", scale::month(first_date), first_date.year());
        w!(
            out,
            "<div class=\"tile c{}\"><span class=\"big\">{}</span><span class=\"what\">{} \
             e1RM</span><span class=\"how\">{}</span></div>",
            i % svg::STYLES,
            esc(&scale::value_unit(latest, &s.unit)),
            esc(&s.name),
            match change(first, latest) {
                Some(c) => format!("{c} since {since}"),
                None => format!("since {since}"),
            }
        );
    }
    let since = data
        .generated_on
        .checked_sub_days(Days::new(NEW_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let recent = data.records.iter().filter(|r| is_new(r, since)).count();
    if !data.records.is_empty() {
        w!(
            out,
            "<div class=\"tile\"><span class=\"big\">{recent}</span><span class=\"what\">new \
             records in the last {NEW_DAYS} days</span><span class=\"how\">{} in all</span></div>",
            data.records.len()
        );
    }
    let _ = cal;
    out.push_str("</section>");
}

fn one_decimal(v: f64) -> String {
    scale::value((v * 10.0).round() / 10.0)
}

fn legend_series(out: &mut String, series: &[LineSeries], unit: &str) {
    out.push_str("<ul class=\"legend\">");
    for (i, s) in series.iter().enumerate() {
        let unit = if s.unit.is_empty() { unit } else { &s.unit };
        w!(out, "<li>{}<span>{}", svg::swatch(i), esc(&s.name));
        match ends(s) {
            Some((_, (date, latest))) => w!(
                out,
                " <b>{}</b> <small>{}</small>",
                esc(&scale::value_unit(latest, unit)),
                scale::date(date)
            ),
            None => out.push_str(" <small>(no values)</small>"),
        }
        out.push_str("</span></li>");
    }
    out.push_str("</ul>");
}

fn strength_card(out: &mut String, data: &ReportData) {
    let unit = data
        .e1rm
        .iter()
        .map(|s| s.unit.as_str())
        .find(|u| !u.is_empty())
        .unwrap_or("");
    out.push_str(
        "<section class=\"card print-keep\" id=\"strength\"><h2>Estimated 1RM</h2>\
         <p class=\"sub-head\">The most you could lift once, estimated from each session's sets.</p>",
    );
    match svg::line_chart(
        "Estimated one-repetition maximum over time",
        unit,
        &data.e1rm,
        &[],
    ) {
        Some(chart) => {
            out.push_str(&chart);
            legend_series(out, &data.e1rm, unit);
        }
        None => out.push_str("<p class=\"empty\">No sets logged yet.</p>"),
    }
    let notes: BTreeSet<&str> = data
        .e1rm
        .iter()
        .filter_map(|s| s.note.as_deref())
        .filter(|n| !n.trim().is_empty())
        .collect();
    for note in notes {
        w!(out, "<p class=\"note\">{}</p>", esc(note));
    }
    out.push_str("</section>");
}

fn dose_card(out: &mut String, data: &ReportData, cal: &Calendar) {
    let b = data.dose_band;
    let band_ok = plottable(b.low) && plottable(b.high) && b.low < b.high;
    let ceiling_ok = plottable(b.ceiling) && b.ceiling > 0.0;
    out.push_str("<section class=\"card print-keep\" id=\"dose\"><h2>Minutes per week</h2>");
    let per = match cal.grain {
        Grain::Week => String::new(),
        g => format!(" Each bar is the average week of a {}.", g.name()),
    };
    out.push_str("<p class=\"sub-head\">");
    if band_ok {
        w!(
            out,
            "Aim for {}\u{2013}{} minutes a week",
            scale::value(b.low),
            scale::value(b.high)
        );
        out.push_str(if ceiling_ok { "; " } else { "." });
    }
    if ceiling_ok {
        w!(out, "Stay under {}.", scale::value(b.ceiling));
    }
    w!(out, "{per}</p>");
    let band_label = format!(
        "target {}\u{2013}{}",
        scale::value(b.low),
        scale::value(b.high)
    );
    let opts = BarOptions {
        aria: "Training minutes per week, with the target range and the ceiling",
        unit: "min",
        height: 200.0,
        integer: false,
        band: band_ok.then_some((b.low, b.high)),
        ceiling: ceiling_ok.then(|| (b.ceiling, scale::value(b.ceiling))),
    };
    let grain = cal.grain;
    let title = |bk: &weeks::Bucket| {
        if grain == Grain::Week {
            format!("{}: {} min", bk.label, scale::value(bk.minutes.round()))
        } else {
            format!(
                "{}: {} min a week on average ({} weeks)",
                bk.label,
                scale::value(bk.minutes.round()),
                bk.weeks
            )
        }
    };
    match svg::bar_chart(cal, |bk| bk.minutes, title, &opts) {
        Some(chart) => {
            out.push_str(&chart);
            out.push_str("<ul class=\"legend\">");
            if band_ok {
                w!(
                    out,
                    "<li>{}<span>{} min</span></li>",
                    svg::band_swatch(super::Tone::Good),
                    band_label
                );
            }
            if ceiling_ok {
                w!(
                    out,
                    "<li><svg class=\"swatch\" viewBox=\"0 0 34 14\" width=\"34\" height=\"14\" \
                     aria-hidden=\"true\"><line class=\"ceiling\" x1=\"1\" y1=\"7\" x2=\"33\" \
                     y2=\"7\" stroke-dasharray=\"6 4\"/></svg><span>ceiling {} min</span></li>\
                     <li><svg class=\"swatch\" viewBox=\"0 0 34 14\" width=\"34\" height=\"14\" \
                     aria-hidden=\"true\"><rect class=\"bar over\" x=\"11\" y=\"1\" width=\"12\" \
                     height=\"12\"/></svg><span>above the ceiling</span></li>",
                    scale::value(b.ceiling)
                );
            }
            out.push_str("</ul>");
        }
        None => out.push_str("<p class=\"empty\">No sets logged yet.</p>"),
    }
    let sessions = BarOptions {
        aria: "Sessions per week",
        unit: "",
        height: 130.0,
        integer: grain == Grain::Week,
        band: None,
        ceiling: None,
    };
    let title = |bk: &weeks::Bucket| {
        if grain == Grain::Week {
            format!("{}: {} sessions", bk.label, scale::value(bk.sessions))
        } else {
            format!(
                "{}: {} sessions a week on average",
                bk.label,
                one_decimal(bk.sessions)
            )
        }
    };
    if let Some(chart) = svg::bar_chart(cal, |bk| bk.sessions, title, &sessions) {
        out.push_str("<h3>Sessions per week</h3>");
        out.push_str(&chart);
    }
    if cal.omitted > 0 {
        w!(
            out,
            "<p class=\"note\">{} weeks from more than 60 years before the latest are not shown.</p>",
            cal.omitted
        );
    }
    out.push_str("</section>");
}

fn measure_card(out: &mut String, chart: &MeasureChart, i: usize) {
    w!(
        out,
        "<section class=\"card measure\" id=\"measure-{i}\"><h2>{}</h2>",
        esc(&chart.title)
    );
    match svg::line_chart(&chart.title, &chart.unit, &chart.series, &chart.bands) {
        Some(svg_text) => {
            out.push_str(&svg_text);
            legend_series(out, &chart.series, &chart.unit);
        }
        None => out.push_str("<p class=\"empty\">No values recorded yet.</p>"),
    }
    if !chart.bands.is_empty() {
        out.push_str("<ul class=\"legend bands\">");
        for b in &chart.bands {
            w!(
                out,
                "<li>{}<span>{}</span></li>",
                svg::band_swatch(b.tone),
                esc(&svg::band_text(b, &chart.unit))
            );
        }
        out.push_str("</ul>");
    }
    if let Some(note) = chart.note.as_deref().filter(|n| !n.trim().is_empty()) {
        w!(out, "<p class=\"note\">{}</p>", esc(note));
    }
    out.push_str("</section>");
}

/// A record set after `since` that beat an earlier value.
fn is_new(r: &RecordRow, since: NaiveDate) -> bool {
    r.date > since && r.previous.is_some()
}

fn records_card(out: &mut String, records: &[RecordRow], today: NaiveDate) {
    out.push_str("<section class=\"card wide records\" id=\"records\"><h2>Records</h2>");
    if records.is_empty() {
        out.push_str("<p class=\"empty\">No records yet.</p></section>");
        return;
    }
    let mut rows: Vec<&RecordRow> = records.iter().collect();
    rows.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.exercise.cmp(&b.exercise))
            .then_with(|| a.kind.cmp(&b.kind))
    });
    let since = today
        .checked_sub_days(Days::new(NEW_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let table = |out: &mut String, rows: &[&RecordRow]| {
        out.push_str(
            "<div class=\"table-wrap\"><table><thead><tr><th>Exercise</th><th>Record</th>\
             <th class=\"num\">Value</th><th class=\"num\">Date</th></tr></thead><tbody>",
        );
        for r in rows {
            w!(
                out,
                "<tr><td>{}{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&r.exercise),
                if is_new(r, since) {
                    "<span class=\"badge\">new</span>"
                } else {
                    ""
                },
                esc(&r.kind),
                esc(&r.value),
                scale::date(r.date)
            );
        }
        out.push_str("</tbody></table></div>");
    };
    let (shown, rest) = rows.split_at(rows.len().min(RECORDS_SHOWN));
    table(out, shown);
    if !rest.is_empty() {
        w!(
            out,
            "<details><summary>{} older records</summary>",
            rest.len()
        );
        table(out, rest);
        out.push_str("</details>");
    }
    out.push_str("</section>");
}

fn spread_row(out: &mut String, what: &str, s: &Spread) {
    w!(
        out,
        "<tr><th scope=\"row\">{what}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td></tr>",
        one_decimal(s.avg),
        one_decimal(s.min),
        one_decimal(s.max)
    );
}

fn text_table(out: &mut String, table: &TextTable, empty: &str) {
    if table.rows.is_empty() {
        w!(out, "<p class=\"empty\">{empty}</p>");
        return;
    }
    let width = table
        .rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(table.columns.len());
    out.push_str("<div class=\"table-wrap\"><table>");
    if !table.columns.is_empty() {
        out.push_str("<thead><tr>");
        for k in 0..width {
            w!(
                out,
                "<th>{}</th>",
                esc(table.columns.get(k).map_or("", String::as_str))
            );
        }
        out.push_str("</tr></thead>");
    }
    out.push_str("<tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for k in 0..width {
            w!(
                out,
                "<td>{}</td>",
                esc(row.get(k).map_or("", String::as_str))
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

fn clinician(out: &mut String, data: &ReportData, cal: &Calendar) {
    let c: &ClinicianSummary = &data.clinician;
    out.push_str(
        "<section class=\"card clinician\" id=\"clinician\">\
         <h2>Summary for a physiotherapist or doctor</h2><p class=\"meta\">",
    );
    let mut parts = Vec::new();
    if let Some(person) = data.person.as_deref().filter(|p| !p.trim().is_empty()) {
        parts.push(esc(person));
    }
    parts.push(format!("as of {}", scale::date(data.generated_on)));
    if let (Some(first), Some(last)) = (cal.buckets.first(), cal.buckets.last()) {
        parts.push(format!(
            "training log {} to {}",
            scale::date(first.start),
            scale::date(last.start)
        ));
    }
    out.push_str(&parts.join(" · "));
    out.push_str("</p><div class=\"clin-grid\"><div class=\"clin-block\">");

    // Dose: as given, or from the weeks.
    let dose: Option<DoseSpread> = c.dose.or_else(|| weeks::dose(&data.weekly, DOSE_WEEKS));
    let b = data.dose_band;
    match dose {
        Some(dose) => {
            w!(
                out,
                "<h3>Weekly dose, last {} weeks</h3><div class=\"table-wrap\"><table><thead><tr>\
                 <th>Per week</th><th class=\"num\">Average</th><th class=\"num\">Least</th>\
                 <th class=\"num\">Most</th></tr></thead><tbody>",
                dose.weeks
            );
            spread_row(out, "Minutes", &dose.minutes);
            spread_row(out, "Sessions", &dose.sessions);
            spread_row(out, "Heavy axial sets", &dose.heavy_axial_sets);
            spread_row(out, "Landings (impact)", &dose.landings);
            w!(
                out,
                "</tbody></table></div><p class=\"note\">Target {}\u{2013}{} min a week, \
                 ceiling {}. Heavy axial sets load the spine (squat, deadlift, overhead \
                 press); landings are jumps and drops.</p>",
                scale::value(b.low),
                scale::value(b.high),
                scale::value(b.ceiling)
            );
        }
        None => out.push_str("<h3>Weekly dose</h3><p class=\"empty\">No sets logged yet.</p>"),
    }

    out.push_str("<h3>Strength</h3>");
    if c.strength.is_empty() {
        out.push_str("<p class=\"empty\">No strength trend yet.</p>");
    } else {
        out.push_str(
            "<div class=\"table-wrap\"><table><thead><tr><th>Lift</th><th class=\"num\">First\
             </th><th class=\"num\">Latest</th><th class=\"num\">Change</th></tr></thead><tbody>",
        );
        for t in &c.strength {
            let pct = if t.first.is_finite() && t.latest.is_finite() && t.first > 0.0 {
                let p = ((t.latest - t.first) / t.first * 100.0).round();
                if p > 0.0 {
                    format!("+{}%", scale::value(p))
                } else {
                    format!("{}%", scale::value(p))
                }
            } else {
                "\u{2014}".to_owned()
            };
            // Which working set each figure rests on, so a reader can judge it.
            let basis = |b: &Option<SetBasis>| match b {
                Some(b) => format!(
                    "<br><small>from {} &times; {}{}</small>",
                    esc(&scale::value_unit(b.load, &t.unit)),
                    b.reps,
                    b.rir
                        .map(|r| format!(" @ RIR {}", scale::value(r)))
                        .unwrap_or_default()
                ),
                None => String::new(),
            };
            w!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}<br><small>{}</small>{}</td>\
                 <td class=\"num\">{}<br><small>{}</small>{}</td><td class=\"num\">{}</td></tr>",
                esc(&t.exercise),
                esc(&scale::value_unit(t.first, &t.unit)),
                scale::date(t.first_date),
                basis(&t.first_set),
                esc(&scale::value_unit(t.latest, &t.unit)),
                scale::date(t.latest_date),
                basis(&t.latest_set),
                pct
            );
        }
        out.push_str("</tbody></table></div>");
    }
    out.push_str("</div><div class=\"clin-block\"><h3>Pain reported</h3>");
    if c.pain.is_empty() {
        out.push_str("<p class=\"empty\">No pain reported.</p>");
    } else {
        let mut pain: Vec<_> = c.pain.iter().collect();
        pain.sort_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then_with(|| a.exercise.cmp(&b.exercise))
        });
        out.push_str(
            "<div class=\"table-wrap\"><table><thead><tr><th>Date</th><th>Exercise</th>\
             <th class=\"num\">Score</th></tr></thead><tbody>",
        );
        for p in pain.iter().take(PAIN_SHOWN) {
            w!(
                out,
                "<tr{}><td class=\"date\">{}</td><td>{}",
                if p.score >= 5 {
                    " class=\"pain-high\""
                } else {
                    ""
                },
                scale::date(p.date),
                esc(&p.exercise)
            );
            if let Some(note) = p.note.as_deref().filter(|n| !n.trim().is_empty()) {
                w!(out, "<br><small>{}</small>", esc(note));
            }
            w!(out, "</td><td class=\"num\">{}/10</td></tr>", p.score);
        }
        out.push_str("</tbody></table></div>");
        if pain.len() > PAIN_SHOWN {
            let older = &pain[PAIN_SHOWN..];
            let worst = older.iter().max_by_key(|p| (p.score, p.date));
            w!(
                out,
                "<p class=\"note\">{} earlier reports not shown",
                older.len()
            );
            if let Some(worst) = worst {
                w!(
                    out,
                    "; the highest was {}/10 ({}, {})",
                    worst.score,
                    esc(&worst.exercise),
                    scale::date(worst.date)
                );
            }
            out.push_str(".</p>");
        }
    }
    out.push_str("<h3>Function tests</h3>");
    text_table(out, &c.function_tests, "No function tests recorded.");
    out.push_str("<h3>Bone density (DXA)</h3>");
    text_table(out, &c.dxa, "No DXA results recorded.");
    out.push_str("</div></div></section>");
}

/// The stylesheet: phone first, a grid from 760 px, dark mode, and print.
const CSS: &str = r#"
:root{color-scheme:light dark;--bg:#f2f4f7;--card:#fff;--ink:#14181d;--muted:#4b5661;--line:#d2d8de;--grid:#e4e8ec;
--c0:#0072b2;--c1:#d55e00;--c2:#007a5a;--c3:#b4457f;--c4:#7a6200;--c5:#3a8fc4;
--bar:#0072b2;--over:#d55e00;--ceil:#b04000;--good:#009e73;--caution:#e69f00;--alert:#d55e00;--neutral:#6f7c88;
--accent:#0a58a8;--warnbg:#fff3dc;--warnline:#d08c00}
@media (prefers-color-scheme:dark){:root{--bg:#0e1115;--card:#171c22;--ink:#eef2f6;--muted:#a8b3be;--line:#2d353e;--grid:#242b33;
--c0:#56b4e9;--c1:#ff9a52;--c2:#3fcf9f;--c3:#eaa5cd;--c4:#f0d04a;--c5:#a9d9f5;
--bar:#56b4e9;--over:#ff9a52;--ceil:#ffb27a;--good:#3fcf9f;--caution:#f0b540;--alert:#ff7a45;--neutral:#8996a3;
--accent:#8cc8ff;--warnbg:#2c2414;--warnline:#e6a23c}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:break-word}
main{max-width:1180px;margin:0 auto;padding:16px 12px 32px}
h1{font-size:1.55rem;line-height:1.2;margin:4px 0 4px}
h2{font-size:1.15rem;line-height:1.3;margin:0 0 2px}
h3{font-size:1rem;margin:16px 0 4px}
.meta,.sub-head{color:var(--muted);margin:0;font-size:.95rem}
nav{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0 4px}
nav a{color:var(--accent);text-decoration:none;border:1px solid var(--line);border-radius:999px;padding:5px 12px;font-size:.9rem;background:var(--card)}
.notes{list-style:none;margin:14px 0;padding:0;display:grid;gap:8px}
.notes li{background:var(--warnbg);border-left:5px solid var(--warnline);border-radius:8px;padding:9px 12px}
.notes li::before{content:"\26A0\FE0E  ";font-weight:700}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(155px,1fr));gap:10px;margin:14px 0}
.tile{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:10px 12px;min-width:0}
.tile .big{display:block;font-size:1.65rem;font-weight:700;line-height:1.15;font-variant-numeric:tabular-nums;color:var(--ink)}
.tile .what{display:flex;align-items:center;gap:6px;color:var(--muted);font-size:.88rem;line-height:1.3}
.tile .how{display:block;font-size:.88rem;font-weight:600;margin-top:4px;color:var(--ink)}
.grid{display:grid;grid-template-columns:minmax(0,1fr);gap:14px}
@media (min-width:760px){.grid{grid-template-columns:repeat(2,minmax(0,1fr))}.wide{grid-column:1/-1}main{padding:24px 20px 40px}h1{font-size:1.9rem}}
@media (min-width:1100px){.grid{grid-template-columns:repeat(3,minmax(0,1fr))}}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:14px 14px 12px;min-width:0}
svg.chart{display:block;width:100%;height:auto;margin:10px 0 2px;overflow:visible}
svg.chart text{font-size:12px;fill:var(--muted);font-family:inherit}
svg.chart .unit{font-weight:700}
svg.chart .grid line{stroke:var(--grid);stroke-width:1}
svg.chart .axis,svg.chart .ticks line{stroke:var(--muted);stroke-width:1}
.ln{fill:none;stroke:currentColor;stroke-width:2.2;stroke-linejoin:round;stroke-linecap:round}
.mk{fill:currentColor;stroke:var(--card);stroke-width:1.2}
.c0{color:var(--c0)}.c1{color:var(--c1)}.c2{color:var(--c2)}.c3{color:var(--c3)}.c4{color:var(--c4)}.c5{color:var(--c5)}
.tile.c0,.tile.c1,.tile.c2,.tile.c3,.tile.c4,.tile.c5{border-top:4px solid currentColor}
.band{stroke:none}.tone-good{fill:var(--good);fill-opacity:.18}.tone-caution{fill:var(--caution);fill-opacity:.22}
.tone-alert{fill:var(--alert);fill-opacity:.18}.tone-neutral{fill:var(--neutral);fill-opacity:.16}
svg.chart .band-label{font-size:11px;font-style:italic;fill:var(--ink);paint-order:stroke;stroke:var(--card);stroke-width:3px;stroke-linejoin:round}
.bar{fill:var(--bar)}.bar.over{fill:var(--over)}
.ceiling{stroke:var(--ceil);stroke-width:1.8}
svg.chart .ceiling-label{fill:var(--ceil);font-weight:700;paint-order:stroke;stroke:var(--card);stroke-width:3px;stroke-linejoin:round}
.legend{list-style:none;padding:0;margin:6px 0 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.9rem}
.legend li{display:flex;align-items:center;gap:6px}
.legend small{color:var(--muted)}
.swatch{flex:none;overflow:visible}
.note{color:var(--muted);font-size:.85rem;margin:8px 0 0}
.empty{color:var(--muted);font-style:italic;margin:10px 0}
.hero{margin:14px 0;padding:20px}
.hero p{margin:6px 0 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-weight:600;color:var(--muted);font-size:.82rem}
tbody th{font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td small{color:var(--muted)}
.table-wrap{overflow-x:auto}
.badge{display:inline-block;white-space:nowrap;font-size:.72rem;font-weight:700;border:1px solid currentColor;border-radius:6px;padding:0 5px;margin-left:6px;color:var(--accent);vertical-align:1px}
.pain-high td{font-weight:700}
td.date{white-space:nowrap}
@media (max-width:560px){.records thead{display:none}
.records tr{display:grid;grid-template-columns:minmax(0,1fr) auto;column-gap:12px;padding:7px 0;border-bottom:1px solid var(--line)}
.records td{border:0;padding:0}
.records td:nth-child(1){grid-area:1/1;font-weight:600}.records td:nth-child(2){grid-area:2/1;color:var(--muted)}
.records td:nth-child(3){grid-area:1/2;font-weight:600}.records td:nth-child(4){grid-area:2/2;color:var(--muted);font-size:.85rem}}
details{margin-top:8px}summary{cursor:pointer;color:var(--accent)}
.clinician{margin-top:14px}
.clin-grid{display:grid;grid-template-columns:minmax(0,1fr);gap:0 28px}
@media (min-width:760px){.clin-grid{grid-template-columns:repeat(2,minmax(0,1fr))}}
footer{color:var(--muted);font-size:.85rem;margin-top:20px}
@media print{
@page{size:A4;margin:12mm}
:root{--bg:#fff;--card:#fff;--ink:#000;--muted:#222;--line:#777;--grid:#ccc;--c0:#000;--c1:#000;--c2:#000;--c3:#000;--c4:#000;--c5:#000;
--bar:#888;--over:#000;--ceil:#000;--good:#000;--caution:#000;--alert:#000;--neutral:#000;--accent:#000;--warnbg:#fff;--warnline:#000}
body{font-size:9.5pt;line-height:1.35;background:#fff;color:#000}
main{max-width:none;padding:0;display:flex;flex-direction:column}
.screen-only{display:none!important}
header{order:-3}.notes{order:-2;margin:6px 0}.clinician{order:-1}
.card{border:none;border-radius:0;padding:0;background:#fff}
.clinician{margin:8px 0 0}
.clin-grid{grid-template-columns:repeat(2,minmax(0,1fr))}
h1{font-size:15pt}h2{font-size:12pt}h3{font-size:10.5pt;margin:10px 0 3px}
h2,h3{break-after:avoid}
table{font-size:9pt}th,td{padding:3px 5px}
table,.legend,svg.chart{break-inside:avoid}
.notes li{border:1px solid #000;border-left-width:4px;padding:4px 8px}
.grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8mm;break-before:page}
.grid>.card:not(.print-keep){display:none}
.print-keep{break-inside:avoid}
header .meta{display:none}
a{color:#000}
}
"#;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::PainScore;
    use super::super::{
        ClinicianSummary, Point, RecordRow, RefBand, ReportData, StrengthTrend, TextTable, Tone,
        WeekBar,
    };
    use super::super::{DoseSpread, Spread};
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn series(name: &str, unit: &str, points: &[(NaiveDate, f64)]) -> LineSeries {
        LineSeries {
            name: name.into(),
            unit: unit.into(),
            points: points
                .iter()
                .map(|&(date, value)| Point { date, value })
                .collect(),
            note: None,
        }
    }

    fn small() -> ReportData {
        let mut data = ReportData::empty("Report", d(2026, 3, 2));
        data.e1rm = vec![series(
            "Squat",
            "kg",
            &[(d(2026, 1, 5), 80.0), (d(2026, 2, 2), 88.0)],
        )];
        data.weekly = (0..8)
            .map(|k| WeekBar {
                label: format!("2026-W{:02}", k + 2),
                start: d(2026, 1, 5) + Days::new(k * 7),
                minutes: 45.0,
                sessions: 2,
                heavy_axial_sets: 6,
                landings: 20,
            })
            .collect();
        data.records = vec![RecordRow {
            exercise: "Squat".into(),
            kind: "heaviest".into(),
            value: "85 kg × 2".into(),
            date: d(2026, 2, 23),
            previous: Some("80 kg × 2".into()),
        }];
        data
    }

    fn svg_charts(html: &str) -> usize {
        html.matches("<svg class=\"chart ").count()
    }

    #[test]
    fn escaping() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("a\u{0}b\u{1b}c\td\ne"), "a b c\td\ne");
        assert_eq!(esc("Жим лёжа 深蹲"), "Жим лёжа 深蹲");
    }

    #[test]
    fn every_user_string_is_escaped() {
        let evil = "<script>alert(1)</script>\"'&";
        let mut data = small();
        data.title = evil.into();
        data.person = Some(evil.into());
        data.notes = vec![evil.into()];
        data.e1rm[0].name = evil.into();
        data.e1rm[0].unit = evil.into();
        data.e1rm[0].note = Some(evil.into());
        data.weekly[0].label = evil.into();
        data.records[0].exercise = evil.into();
        data.records[0].kind = evil.into();
        data.records[0].value = evil.into();
        data.measures = vec![MeasureChart {
            title: evil.into(),
            unit: evil.into(),
            series: vec![series(evil, evil, &[(d(2026, 1, 1), 1.0)])],
            bands: vec![RefBand {
                lo: Some(0.0),
                hi: Some(2.0),
                label: evil.into(),
                tone: Tone::Good,
            }],
            note: Some(evil.into()),
        }];
        data.clinician = ClinicianSummary {
            dose: None,
            pain: vec![PainScore {
                date: d(2026, 2, 1),
                exercise: evil.into(),
                score: 3,
                note: Some(evil.into()),
            }],
            strength: vec![StrengthTrend {
                exercise: evil.into(),
                unit: evil.into(),
                first: 1.0,
                first_date: d(2026, 1, 1),
                latest: 2.0,
                latest_date: d(2026, 2, 1),
                first_set: Some(SetBasis {
                    load: 1.0,
                    reps: 5,
                    rir: Some(2.0),
                }),
                latest_set: None,
            }],
            function_tests: TextTable {
                columns: vec![evil.into()],
                rows: vec![vec![evil.into()]],
            },
            dxa: TextTable {
                columns: vec![evil.into()],
                rows: vec![vec![evil.into(), evil.into()]],
            },
        };
        let html = render_html(&data);
        assert!(!html.to_lowercase().contains("<script"), "raw script tag");
        assert!(!html.contains("alert(1)</script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"));
        // No stray quote from the data closes an attribute.
        assert!(!html.contains("\"'&"));
    }

    #[test]
    fn no_data_at_all() {
        let html = render_html(&ReportData::empty("Nothing", d(2026, 3, 2)));
        assert!(html.contains("No sets logged yet"));
        assert_eq!(svg_charts(&html), 0);
        assert!(html.contains("id=\"clinician\""));
        assert!(html.contains("No pain reported."));
        assert!(html.ends_with("</html>\n"));
    }

    #[test]
    fn a_small_report_has_its_charts_and_tiles() {
        let html = render_html(&small());
        // e1RM, minutes, sessions.
        assert_eq!(svg_charts(&html), 3);
        assert!(html.contains("in the 40\u{2013}60 target"));
        assert!(html.contains("\u{25b2} 10% since Jan 2026"));
        assert!(html.contains("<span class=\"badge\">new</span>"));
        assert!(html.contains("Weekly dose, last 8 weeks"));
        // Self-contained: no links out, no script.
        for needle in ["http://", "https://", "<script", "<link", "@import", "url("] {
            assert!(!html.contains(needle), "{needle}");
        }
    }

    #[test]
    fn one_point_and_nan_only_series() {
        let mut data = small();
        data.e1rm = vec![
            series("Squat", "kg", &[(d(2026, 1, 5), 80.0)]),
            series("Bench", "kg", &[(d(2026, 1, 5), f64::NAN)]),
        ];
        let html = render_html(&data);
        assert!(html.contains("(no values)"));
        // One marker in the chart; the legend still names both lifts.
        let chart = &html[html.find("<svg class=\"chart ").unwrap()..];
        let chart = &chart[..chart.find("</svg>").unwrap()];
        assert_eq!(chart.matches("class=\"mk\"").count(), 1);
        assert!(html.contains("Bench <small>"));
    }

    #[test]
    fn a_first_value_is_not_marked_new() {
        let mut data = small();
        data.records[0].previous = None;
        let html = render_html(&data);
        assert!(!html.contains("<span class=\"badge\">new</span>"));
        assert!(html.contains(
            "<span class=\"big\">0</span><span class=\"what\">new records in the last 28 days"
        ));
    }

    #[test]
    fn records_newest_first() {
        let mut data = small();
        data.records = vec![
            RecordRow {
                exercise: "B".into(),
                kind: "heaviest".into(),
                value: "1".into(),
                date: d(2025, 1, 1),
                previous: None,
            },
            RecordRow {
                exercise: "A".into(),
                kind: "heaviest".into(),
                value: "2".into(),
                date: d(2026, 2, 1),
                previous: None,
            },
            RecordRow {
                exercise: "C".into(),
                kind: "heaviest".into(),
                value: "3".into(),
                date: d(2025, 6, 1),
                previous: None,
            },
        ];
        let html = render_html(&data);
        let at = |s: &str| html.find(s).unwrap();
        assert!(at("1 Feb 2026") < at("1 Jun 2025"));
        assert!(at("1 Jun 2025") < at("1 Jan 2025"));
    }

    #[test]
    fn pain_is_capped_newest_first() {
        let mut data = small();
        data.clinician.pain = (0..20)
            .map(|k| PainScore {
                date: d(2025, 1, 1) + Days::new(k * 7),
                exercise: "Deadlift".into(),
                score: if k == 0 { 7 } else { 2 },
                note: None,
            })
            .collect();
        let html = render_html(&data);
        assert!(html.contains("8 earlier reports not shown; the highest was 7/10"));
        assert_eq!(html.matches("/10</td>").count(), PAIN_SHOWN);
    }

    #[test]
    fn change_text() {
        assert_eq!(change(80.0, 88.0).as_deref(), Some("\u{25b2} 10%"));
        assert_eq!(change(100.0, 97.0).as_deref(), Some("\u{25bc} 3%"));
        assert_eq!(change(100.0, 100.2).as_deref(), Some("no change"));
        assert_eq!(change(0.0, 5.0), None);
        assert_eq!(change(f64::NAN, 5.0), None);
    }

    #[test]
    fn weird_numbers_never_show_and_never_panic() {
        let mut data = small();
        for (k, v) in [f64::NAN, f64::INFINITY, -5.0, 1e300, 1e11, -0.0]
            .into_iter()
            .enumerate()
        {
            data.weekly[k].minutes = v;
        }
        data.e1rm.push(series(
            "Odd",
            "kg",
            &[
                (d(2026, 1, 5), f64::NEG_INFINITY),
                (d(2026, 1, 6), 1e11),
                (d(2026, 1, 7), 1e11),
                (NaiveDate::MIN, 5.0),
                (NaiveDate::MAX, 5.0),
            ],
        ));
        data.dose_band = super::super::MinutesBand {
            low: f64::NAN,
            high: 60.0,
            ceiling: f64::INFINITY,
        };
        data.measures = vec![MeasureChart {
            title: "Empty".into(),
            unit: String::new(),
            series: vec![series("NaN only", "", &[(d(2026, 1, 1), f64::NAN)])],
            bands: vec![RefBand {
                lo: Some(5.0),
                hi: Some(1.0),
                label: "upside down".into(),
                tone: Tone::Neutral,
            }],
            note: None,
        }];
        data.clinician.dose = Some(DoseSpread {
            weeks: 12,
            minutes: Spread {
                avg: f64::NAN,
                min: f64::INFINITY,
                max: 1.0,
            },
            ..DoseSpread::default()
        });
        data.clinician.strength = vec![StrengthTrend {
            exercise: "Squat".into(),
            unit: "kg".into(),
            first: 0.0,
            first_date: d(2026, 1, 1),
            latest: f64::NAN,
            latest_date: d(2026, 2, 1),
            first_set: Some(SetBasis {
                load: f64::INFINITY,
                reps: 5,
                rir: Some(f64::NAN),
            }),
            latest_set: None,
        }];
        let html = render_html(&data);
        for bad in ["NaN", "inf"] {
            assert!(!html.contains(bad), "{bad} in the page");
        }
        // No exponent notation (1e11) anywhere after the stylesheet.
        let body = &html[html.find("</style>").unwrap()..];
        let exponent = body.as_bytes().windows(3).position(|w| {
            w[0].is_ascii_digit() && w[1] == b'e' && (w[2].is_ascii_digit() || w[2] == b'-')
        });
        assert_eq!(
            exponent,
            None,
            "{:?}",
            exponent.map(|i| &html[i - 20..i + 20])
        );
        assert!(html.contains("No values recorded yet."));
        assert_eq!(svg_charts(&html), 3);
    }

    #[test]
    fn a_decade_is_drawn_by_month() {
        let mut data = small();
        data.weekly = (0..522)
            .map(|k| WeekBar {
                label: String::new(),
                start: d(2016, 1, 4) + Days::new(k * 7),
                minutes: 50.0,
                sessions: 2,
                heavy_axial_sets: 4,
                landings: 0,
            })
            .collect();
        let html = render_html(&data);
        assert!(html.contains("Each bar is the average week of a month."));
        assert!(html.contains("Jan 2016: 50 min a week on average (4 weeks)"));
        assert!(html.len() < 200_000, "{}", html.len());
    }

    #[test]
    fn rendering_is_deterministic() {
        assert_eq!(render_html(&small()), render_html(&small()));
    }
}
