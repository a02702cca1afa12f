//! The inline SVG charts: dated lines with reference bands, and weekly bars.
//!
//! Every chart has a 360-unit-wide `viewBox` and is drawn at the width of
//! its card, so on a phone one unit is about one CSS pixel and the 12-unit
//! labels read at 11-12 px. Colours come from CSS classes (`c0`..`c5`,
//! `tone-*`, `bar`), so the page's stylesheet switches them for dark mode
//! and print; series also differ by marker shape and dash pattern.

use chrono::{Datelike, Days, NaiveDate};

use super::html::esc;
use super::scale::{self, DateTick, Linear, Ticks, date_ticks, nice_ticks, plottable, zero_ticks};
use super::weeks::{Bucket, Calendar, Grain};
use super::{LineSeries, RefBand, Tone};

/// The width of every chart in `viewBox` units.
pub(crate) const WIDTH: f64 = 360.0;
/// Distinct series styles before they repeat.
pub(crate) const STYLES: usize = 6;
const DASHES: [&str; STYLES] = ["", "7 4", "2 3", "10 3 2 3", "4 2", "1 3"];
/// A line with this many points or fewer gets a marker on every point.
const ALL_MARKERS: usize = 40;
/// Otherwise about this many markers, spread along it.
const SOME_MARKERS: usize = 14;
/// Average width of a 12-unit label character, for margins.
const CHAR_W: f64 = 6.8;

/// The plot area inside a chart.
#[derive(Debug, Clone, Copy)]
struct Frame {
    w: f64,
    h: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Frame {
    fn x1(&self) -> f64 {
        self.w - self.right
    }
    fn y1(&self) -> f64 {
        self.h - self.bottom
    }
    fn plot_w(&self) -> f64 {
        self.x1() - self.left
    }
}

fn open_svg(out: &mut String, class: &str, f: &Frame, aria: &str) {
    w!(
        out,
        "<svg class=\"chart {class}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" \
         preserveAspectRatio=\"xMidYMid meet\">",
        f.w,
        f.h,
        esc(aria)
    );
}

/// The left margin that fits the widest y tick label.
fn left_margin(labels: &[String]) -> f64 {
    let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    (widest as f64 * CHAR_W + 12.0).max(30.0)
}

fn y_axis(out: &mut String, f: &Frame, ticks: &Ticks, y: &Linear, unit: &str) {
    out.push_str("<g class=\"grid\">");
    for &v in &ticks.values {
        let py = y.map(v);
        w!(
            out,
            "<line x1=\"{:.1}\" y1=\"{py:.1}\" x2=\"{:.1}\" y2=\"{py:.1}\"/>",
            f.left,
            f.x1()
        );
    }
    out.push_str("</g><g class=\"ticks y\">");
    for &v in &ticks.values {
        w!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            f.left - 6.0,
            y.map(v) + 4.0,
            esc(&ticks.label(v))
        );
    }
    out.push_str("</g>");
    if !unit.is_empty() {
        w!(
            out,
            "<text class=\"unit\" x=\"{:.1}\" y=\"12\" text-anchor=\"end\">{}</text>",
            f.left - 6.0,
            esc(unit)
        );
    }
}

/// A tick label's x, kept far enough from the edges to fit.
fn label_x(x: f64, text: &str, f: &Frame) -> f64 {
    let half = text.chars().count() as f64 * CHAR_W / 2.0 + 1.0;
    x.clamp(half.min(f.w / 2.0), (f.w - half).max(f.w / 2.0))
}

fn x_label(out: &mut String, f: &Frame, x: f64, label: &str, sub: Option<&str>) {
    w!(
        out,
        "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
        f.y1(),
        f.y1() + 4.0
    );
    w!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
        label_x(x, label, f),
        f.y1() + 16.0,
        esc(label)
    );
    if let Some(sub) = sub {
        w!(
            out,
            "<text class=\"sub\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            label_x(x, sub, f),
            f.y1() + 30.0,
            esc(sub)
        );
    }
}

/// A marker of style `style` centred on `(x, y)`, with a tooltip.
fn marker(style: usize, x: f64, y: f64, title: &str) -> String {
    let r = 3.6;
    let shape = match style % STYLES {
        0 => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\""),
        1 => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"",
            x - r * 0.85,
            y - r * 0.85,
            r * 1.7,
            r * 1.7
        ),
        2 => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\"",
            y - r * 1.15,
            x + r * 1.05,
            y + r * 0.8,
            x - r * 1.05,
            y + r * 0.8
        ),
        3 => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\"",
            y - r * 1.2,
            x + r * 1.2,
            y + r * 1.2,
            x - r * 1.2
        ),
        4 => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\"",
            y + r * 1.15,
            x + r * 1.05,
            y - r * 0.8,
            x - r * 1.05,
            y - r * 0.8
        ),
        _ => {
            let (a, b) = (r * 1.1, r * 0.4);
            format!(
                "<path d=\"M{:.1} {:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}Z\"",
                x - b,
                y - a,
                2.0 * b,
                a - b,
                a - b,
                2.0 * b,
                b - a,
                a - b,
                -2.0 * b,
                b - a,
                b - a,
                -2.0 * b,
                a - b
            )
        }
    };
    if title.is_empty() {
        format!("{shape} class=\"mk\"/>")
    } else {
        format!(
            "{shape} class=\"mk\"><title>{}</title></{}>",
            esc(title),
            tag(&shape)
        )
    }
}

fn tag(shape: &str) -> &str {
    shape
        .trim_start_matches('<')
        .split(' ')
        .next()
        .unwrap_or("path")
}

/// A small legend picture of series style `style`: its dash and marker.
pub(crate) fn swatch(style: usize) -> String {
    format!(
        "<svg class=\"swatch c{}\" viewBox=\"0 0 34 14\" width=\"34\" height=\"14\" aria-hidden=\"true\">\
         <line class=\"ln\" x1=\"1\" y1=\"7\" x2=\"33\" y2=\"7\" stroke-dasharray=\"{}\"/>{}</svg>",
        style % STYLES,
        DASHES[style % STYLES],
        marker(style, 17.0, 7.0, "")
    )
}

/// A small legend picture of a band of tone `tone`.
pub(crate) fn band_swatch(tone: Tone) -> String {
    format!(
        "<svg class=\"swatch\" viewBox=\"0 0 34 14\" width=\"34\" height=\"14\" aria-hidden=\"true\">\
         <rect class=\"band {}\" x=\"1\" y=\"1\" width=\"32\" height=\"12\"/></svg>",
        tone_class(tone)
    )
}

/// The CSS class of a band tone.
pub(crate) fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "tone-neutral",
        Tone::Good => "tone-good",
        Tone::Caution => "tone-caution",
        Tone::Alert => "tone-alert",
    }
}

/// A date and a value.
pub(crate) type Dated = (NaiveDate, f64);

/// A series' points that can be drawn, oldest first.
pub(crate) fn clean_points(series: &LineSeries) -> Vec<Dated> {
    let mut points: Vec<Dated> = series
        .points
        .iter()
        .filter(|p| plottable(p.value))
        .map(|p| (p.date, p.value))
        .collect();
    points.sort_by_key(|p| p.0);
    points
}

/// A line chart of dated series over optional reference bands; `None` when
/// no series has a point that can be drawn.
pub(crate) fn line_chart(
    aria: &str,
    unit: &str,
    series: &[LineSeries],
    bands: &[RefBand],
) -> Option<String> {
    // (style, series, its drawable points)
    let lines: Vec<(usize, &LineSeries, Vec<Dated>)> = series
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s, clean_points(s)))
        .filter(|(_, _, p)| !p.is_empty())
        .collect();
    let all = lines.iter().flat_map(|(_, _, p)| p.iter());
    let first = all.clone().map(|p| p.0).min()?;
    let last = all.clone().map(|p| p.0).max()?;
    let mut lo = all.clone().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let mut hi = all.map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    for edge in bands.iter().flat_map(|b| [b.lo, b.hi]).flatten() {
        if plottable(edge) {
            lo = lo.min(edge);
            hi = hi.max(edge);
        }
    }
    // With bands, a margin past their edges, so the neighbouring band shows.
    if !bands.is_empty() {
        let pad = (hi - lo) * 0.1;
        (lo, hi) = (lo - pad, hi + pad);
    }
    // A span of at least 8 % of the values' size, so that day-to-day noise
    // in body weight does not fill the chart.
    let min_span = lo.abs().max(hi.abs()) * 0.08;
    if hi > lo && hi - lo < min_span {
        let mid = lo / 2.0 + hi / 2.0;
        (lo, hi) = (mid - min_span / 2.0, mid + min_span / 2.0);
    }
    let ticks = nice_ticks(lo, hi, 5);

    // Dates, with a margin so the first and last markers are not on the edge.
    let span = (last - first).num_days();
    let pad = if span == 0 { 15 } else { (span / 30).max(1) } as u64;
    let d0 = first.checked_sub_days(Days::new(pad)).unwrap_or(first);
    let d1 = last.checked_add_days(Days::new(pad)).unwrap_or(last);

    let labels: Vec<String> = ticks.values.iter().map(|&v| ticks.label(v)).collect();
    let f = Frame {
        w: WIDTH,
        h: 220.0,
        left: left_margin(&labels).max(unit.chars().count() as f64 * CHAR_W + 12.0),
        right: 14.0,
        top: 22.0,
        bottom: 36.0,
    };
    let x = Linear {
        d0: scale::day_number(d0),
        d1: scale::day_number(d1),
        r0: f.left,
        r1: f.x1(),
    };
    let y = Linear {
        d0: ticks.lo,
        d1: ticks.hi,
        r0: f.y1(),
        r1: f.top,
    };

    let mut out = String::new();
    open_svg(&mut out, "line-chart", &f, aria);

    // Reference bands, clipped to the domain.
    for b in bands {
        let top =
            b.hi.filter(|v| plottable(*v))
                .unwrap_or(ticks.hi)
                .min(ticks.hi);
        let bottom =
            b.lo.filter(|v| plottable(*v))
                .unwrap_or(ticks.lo)
                .max(ticks.lo);
        if top <= bottom {
            continue;
        }
        let (py0, py1) = (y.map(top), y.map(bottom));
        w!(
            out,
            "<rect class=\"band {}\" x=\"{:.1}\" y=\"{py0:.1}\" width=\"{:.1}\" height=\"{:.1}\">\
             <title>{}</title></rect>",
            tone_class(b.tone),
            f.left,
            f.plot_w(),
            py1 - py0,
            esc(&band_text(b, unit))
        );
    }
    y_axis(&mut out, &f, &ticks, &y, unit);
    for b in bands {
        let top =
            b.hi.filter(|v| plottable(*v))
                .unwrap_or(ticks.hi)
                .min(ticks.hi);
        let bottom =
            b.lo.filter(|v| plottable(*v))
                .unwrap_or(ticks.lo)
                .max(ticks.lo);
        if top > bottom && y.map(bottom) - y.map(top) >= 14.0 {
            w!(
                out,
                "<text class=\"band-label\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                f.left + 5.0,
                y.map(top) + 12.0,
                esc(&b.label)
            );
        }
    }

    // The time axis.
    w!(
        out,
        "<g class=\"ticks x\"><line class=\"axis\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
        f.left,
        f.y1(),
        f.x1(),
        f.y1()
    );
    let max_ticks = (f.plot_w() / 52.0).floor().max(2.0) as usize;
    for DateTick { date, label, sub } in date_ticks(d0, d1, max_ticks) {
        x_label(
            &mut out,
            &f,
            x.map(scale::day_number(date)),
            &label,
            sub.as_deref(),
        );
    }
    out.push_str("</g>");

    for (i, s, points) in &lines {
        w!(out, "<g class=\"series c{}\">", i % STYLES);
        let mut d = String::new();
        for (k, (date, v)) in points.iter().enumerate() {
            let cmd = if k == 0 { 'M' } else { 'L' };
            w!(
                d,
                "{cmd}{:.1} {:.1}",
                x.map(scale::day_number(*date)),
                y.map(*v)
            );
        }
        if points.len() > 1 {
            let dash = DASHES[i % STYLES];
            if dash.is_empty() {
                w!(out, "<path class=\"ln\" d=\"{d}\"/>");
            } else {
                w!(
                    out,
                    "<path class=\"ln\" d=\"{d}\" stroke-dasharray=\"{dash}\"/>"
                );
            }
        }
        let every = if points.len() <= ALL_MARKERS {
            1
        } else {
            points.len().div_ceil(SOME_MARKERS)
        };
        for (k, (date, v)) in points.iter().enumerate() {
            if k % every == 0 || k + 1 == points.len() {
                let title = format!(
                    "{}: {} on {}",
                    s.name,
                    scale::value_unit(*v, unit_of(s, unit)),
                    scale::date(*date)
                );
                out.push_str(&marker(
                    *i,
                    x.map(scale::day_number(*date)),
                    y.map(*v),
                    &title,
                ));
            }
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    Some(out)
}

fn unit_of<'a>(s: &'a LineSeries, fallback: &'a str) -> &'a str {
    if s.unit.is_empty() { fallback } else { &s.unit }
}

/// "osteopenia: −2.5 to −1 T".
pub(crate) fn band_text(b: &RefBand, unit: &str) -> String {
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let lo = b.lo.filter(|v| v.is_finite()).map(scale::value);
    let hi = b.hi.filter(|v| v.is_finite()).map(scale::value);
    let range = match (lo, hi) {
        (Some(lo), Some(hi)) => format!("{lo} to {hi}{unit}"),
        (Some(lo), None) => format!("{lo}{unit} and above"),
        (None, Some(hi)) => format!("{hi}{unit} and below"),
        (None, None) => "everywhere".to_owned(),
    };
    if b.label.is_empty() {
        range
    } else {
        format!("{}: {range}", b.label)
    }
}

/// What a bar chart draws besides its bars.
pub(crate) struct BarOptions<'a> {
    pub aria: &'a str,
    pub unit: &'a str,
    pub height: f64,
    /// Whole-number ticks (counts).
    pub integer: bool,
    /// A shaded target range (named in the legend under the chart).
    pub band: Option<(f64, f64)>,
    /// A dashed ceiling and its label; bars above it are marked.
    pub ceiling: Option<(f64, String)>,
}

/// Labels on the time axis of a bar chart: where a month (weekly bars) or
/// a year (coarser bars) starts, thinned to about six.
fn bar_labels(buckets: &[Bucket], grain: Grain) -> Vec<(usize, String, Option<String>)> {
    // (bucket index, period number, label)
    let mut starts: Vec<(usize, i64, String, i32)> = Vec::new();
    let mut prev: Option<i64> = None;
    for (i, b) in buckets.iter().enumerate() {
        let (period, label) = match grain {
            Grain::Week => (
                i64::from(b.start.year()) * 12 + i64::from(b.start.month0()),
                scale::month(b.start).to_owned(),
            ),
            _ => (i64::from(b.start.year()), b.start.year().to_string()),
        };
        if prev != Some(period) {
            starts.push((i, period, label, b.start.year()));
            prev = Some(period);
        }
    }
    let steps: &[i64] = match grain {
        Grain::Week => &[1, 2, 3, 6, 12],
        _ => &[1, 2, 5, 10, 20, 50, 100],
    };
    let max = 6;
    let mut chosen: Vec<&(usize, i64, String, i32)> = starts.iter().collect();
    for &step in steps {
        chosen = starts
            .iter()
            .filter(|s| s.1.rem_euclid(step) == 0)
            .collect();
        if chosen.len() <= max {
            break;
        }
    }
    chosen.truncate(max + 1);
    let mut out = Vec::new();
    let mut year: Option<i32> = None;
    for (i, _, label, y) in chosen {
        let sub = (grain == Grain::Week && year != Some(*y)).then(|| y.to_string());
        year = Some(*y);
        out.push((*i, label.clone(), sub));
    }
    out
}

/// A bar chart over the calendar, one bar per bucket of `value`.
pub(crate) fn bar_chart(
    cal: &Calendar,
    value: impl Fn(&Bucket) -> f64,
    title: impl Fn(&Bucket) -> String,
    opts: &BarOptions<'_>,
) -> Option<String> {
    if cal.buckets.is_empty() {
        return None;
    }
    let values: Vec<f64> = cal
        .buckets
        .iter()
        .map(|b| {
            let v = value(b);
            if plottable(v) && v > 0.0 { v } else { 0.0 }
        })
        .collect();
    let mut max = values.iter().copied().fold(0.0, f64::max);
    if let Some((c, _)) = &opts.ceiling {
        max = max.max(c * 1.12);
    }
    if let Some((_, hi)) = &opts.band {
        max = max.max(*hi);
    }
    let target = if opts.height < 160.0 { 3 } else { 5 };
    let ticks = zero_ticks(max, target, opts.integer);
    let labels: Vec<String> = ticks.values.iter().map(|&v| ticks.label(v)).collect();
    let f = Frame {
        w: WIDTH,
        h: opts.height,
        left: left_margin(&labels).max(opts.unit.chars().count() as f64 * CHAR_W + 12.0),
        right: 14.0,
        top: 22.0,
        bottom: 36.0,
    };
    let y = Linear {
        d0: ticks.lo,
        d1: ticks.hi,
        r0: f.y1(),
        r1: f.top,
    };
    let n = values.len();
    let slot = f.plot_w() / n as f64;
    let bar_w = (slot * if n > 60 { 0.8 } else { 0.7 }).max(0.5);

    let mut out = String::new();
    open_svg(&mut out, "bar-chart", &f, opts.aria);
    if let Some((lo, hi)) = &opts.band {
        let (top, bottom) = (hi.min(ticks.hi), lo.max(ticks.lo));
        if top > bottom {
            w!(
                out,
                "<rect class=\"band tone-good\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/>",
                f.left,
                y.map(top),
                f.plot_w(),
                y.map(bottom) - y.map(top)
            );
        }
    }
    y_axis(&mut out, &f, &ticks, &y, opts.unit);

    out.push_str("<g class=\"bars\">");
    for (i, (b, v)) in cal.buckets.iter().zip(&values).enumerate() {
        if *v <= 0.0 {
            continue;
        }
        let over = opts.ceiling.as_ref().is_some_and(|(c, _)| v > c);
        let top = y.map(*v);
        w!(
            out,
            "<rect class=\"bar{}\" x=\"{:.2}\" y=\"{top:.1}\" width=\"{bar_w:.2}\" height=\"{:.1}\">\
             <title>{}</title></rect>",
            if over { " over" } else { "" },
            f.left + i as f64 * slot + (slot - bar_w) / 2.0,
            f.y1() - top,
            esc(&title(b))
        );
    }
    out.push_str("</g>");

    if let Some((c, label)) = &opts.ceiling {
        if *c <= ticks.hi && *c > ticks.lo {
            let py = y.map(*c);
            w!(
                out,
                "<line class=\"ceiling\" x1=\"{:.1}\" y1=\"{py:.1}\" x2=\"{:.1}\" y2=\"{py:.1}\" \
                 stroke-dasharray=\"6 4\"/>\
                 <text class=\"ceiling-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                f.left,
                f.x1(),
                f.x1() - 4.0,
                py - 5.0,
                esc(label)
            );
        }
    }

    w!(
        out,
        "<g class=\"ticks x\"><line class=\"axis\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
        f.left,
        f.y1(),
        f.x1(),
        f.y1()
    );
    for (i, label, sub) in bar_labels(&cal.buckets, cal.grain) {
        let x = f.left + (i as f64 + 0.5) * slot;
        x_label(&mut out, &f, x, &label, sub.as_deref());
    }
    out.push_str("</g></svg>");
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::weeks::calendar;
    use super::super::{Point, WeekBar};
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn series(name: &str, points: &[(NaiveDate, f64)]) -> LineSeries {
        LineSeries {
            name: name.into(),
            unit: "kg".into(),
            points: points
                .iter()
                .map(|&(date, value)| Point { date, value })
                .collect(),
            note: None,
        }
    }

    /// The value of the first attribute `name` in `tag`.
    fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        &tag[at..at + tag[at..].find('"').unwrap()]
    }

    fn count(hay: &str, needle: &str) -> usize {
        hay.matches(needle).count()
    }

    #[test]
    fn no_points_no_chart() {
        assert_eq!(line_chart("x", "kg", &[], &[]), None);
        let only_bad = series(
            "Squat",
            &[(d(2026, 1, 1), f64::NAN), (d(2026, 1, 2), 1e300)],
        );
        assert_eq!(line_chart("x", "kg", &[only_bad], &[]), None);
    }

    #[test]
    fn one_point_is_a_marker_without_a_line() {
        let svg = line_chart("x", "kg", &[series("Squat", &[(d(2026, 1, 1), 80.0)])], &[]).unwrap();
        assert_eq!(count(&svg, "class=\"ln\""), 0);
        assert_eq!(count(&svg, "class=\"mk\""), 1);
        // Equal values widen to 72..88: ticks 70..90 by 5.
        assert!(svg.contains(">70</text>") && svg.contains(">90</text>"));
        // Its date is labelled, with the year.
        assert!(svg.contains(">2026</text>"));
    }

    #[test]
    fn points_are_drawn_oldest_first_whatever_the_input_order() {
        let s = series(
            "Squat",
            &[
                (d(2026, 3, 1), 90.0),
                (d(2026, 1, 1), 70.0),
                (d(2026, 2, 1), f64::INFINITY),
                (d(2026, 2, 1), 80.0),
            ],
        );
        let svg = line_chart("x", "kg", &[s], &[]).unwrap();
        let d_attr = svg.split("class=\"ln\" d=\"").nth(1).unwrap();
        let d_attr = &d_attr[..d_attr.find('"').unwrap()];
        let xs: Vec<f64> = d_attr
            .split(['M', 'L'])
            .filter(|p| !p.is_empty())
            .map(|p| p.split(' ').next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(xs.len(), 3, "the infinite value is left out: {d_attr}");
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
        // Tooltips read oldest first too.
        let first = svg.find("70 kg on 1 Jan 2026").unwrap();
        let last = svg.find("90 kg on 1 Mar 2026").unwrap();
        assert!(first < last);
    }

    #[test]
    fn series_differ_by_class_dash_and_marker() {
        let days = [(d(2026, 1, 1), 1.0), (d(2026, 2, 1), 2.0)];
        let svg = line_chart(
            "x",
            "kg",
            &[series("a", &days), series("b", &days), series("c", &days)],
            &[],
        )
        .unwrap();
        assert!(
            svg.contains("series c0") && svg.contains("series c1") && svg.contains("series c2")
        );
        assert!(svg.contains("stroke-dasharray=\"7 4\""));
        assert!(svg.contains("stroke-dasharray=\"2 3\""));
        assert!(svg.contains("<circle") && svg.contains("<rect x=") && svg.contains("<path d=\"M"));
    }

    #[test]
    fn bands_widen_the_domain_and_are_clipped() {
        let s = series("Spine", &[(d(2025, 1, 1), -1.8), (d(2026, 1, 1), -1.6)]);
        let bands = [
            RefBand {
                lo: Some(-2.5),
                hi: Some(-1.0),
                label: "osteopenia".into(),
                tone: Tone::Caution,
            },
            RefBand {
                lo: None,
                hi: Some(-2.5),
                label: "osteoporosis".into(),
                tone: Tone::Alert,
            },
        ];
        let svg = line_chart("x", "T", &[s], &bands).unwrap();
        // Band edges −2.5 and −1.0, 10 % more each side: −2.65..−0.85,
        // step 1.8 / 5 = 0.36 -> 0.5, so −3.0..−0.5; both bands show.
        assert!(svg.contains("\u{2212}3.0</text>"));
        assert!(svg.contains("\u{2212}0.5</text>"));
        assert!(svg.contains("band tone-caution"));
        assert!(svg.contains("band tone-alert"));
        assert!(svg.contains(">osteopenia</text>"));
        // The osteoporosis band runs from the bottom (−3.0) to −2.5.
        let y = |v: f64| {
            let plot = 220.0 - 36.0 - 22.0;
            22.0 + (-0.5 - v) / 2.5 * plot
        };
        let rect = svg.split("band tone-alert").nth(1).unwrap();
        let top: f64 = attr(rect, "y").parse().unwrap();
        let height: f64 = attr(rect, "height").parse().unwrap();
        assert!((top - y(-2.5)).abs() < 0.06, "{top} vs {}", y(-2.5));
        assert!((top + height - y(-3.0)).abs() < 0.11);
        assert_eq!(
            band_text(&bands[1], "T"),
            "osteoporosis: \u{2212}2.5 T and below"
        );
    }

    #[test]
    fn many_points_get_fewer_markers() {
        let points: Vec<_> = (0..300)
            .map(|k| (d(2020, 1, 1) + Days::new(k * 3), 50.0 + k as f64 / 10.0))
            .collect();
        let svg = line_chart("x", "kg", &[series("Squat", &points)], &[]).unwrap();
        let markers = count(&svg, "class=\"mk\"");
        assert!(
            (SOME_MARKERS..=SOME_MARKERS + 2).contains(&markers),
            "{markers}"
        );
    }

    #[test]
    fn huge_and_equal_values_draw_finite_coordinates() {
        for v in [1e11, -1e11, 0.0, 123.456] {
            let s = series("x", &[(d(2026, 1, 1), v), (d(2026, 6, 1), v)]);
            let svg = line_chart("x", "kg", &[s], &[]).unwrap();
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{v}: {svg}");
        }
    }

    fn weeks(n: u64, minutes: f64) -> Vec<WeekBar> {
        (0..n)
            .map(|k| WeekBar {
                label: String::new(),
                start: d(2025, 1, 6) + Days::new(k * 7),
                minutes: minutes + (k % 5) as f64 * 20.0,
                sessions: 3,
                heavy_axial_sets: 6,
                landings: 20,
            })
            .collect()
    }

    fn opts() -> BarOptions<'static> {
        BarOptions {
            aria: "minutes",
            unit: "min",
            height: 200.0,
            integer: false,
            band: Some((40.0, 60.0)),
            ceiling: Some((130.0, "130".into())),
        }
    }

    #[test]
    fn bars_band_and_ceiling() {
        // 40, 60, 80, 100, 120 minutes, then 140 every fifth week above.
        let year = weeks(52, 40.0);
        let cal = calendar(&year);
        let svg = bar_chart(&cal, |b| b.minutes, |b| b.label.clone(), &opts()).unwrap();
        assert_eq!(count(&svg, "<rect class=\"bar"), 52);
        assert_eq!(count(&svg, "class=\"bar over\""), 0);
        assert!(svg.contains("class=\"ceiling\""));
        assert!(svg.contains("band tone-good"));
        let hot = weeks(10, 60.0);
        let svg = bar_chart(&calendar(&hot), |b| b.minutes, |b| b.label.clone(), &opts()).unwrap();
        // 60, 80, 100, 120, 140: two weeks of 140.
        assert_eq!(count(&svg, "class=\"bar over\""), 2);
    }

    #[test]
    fn a_decade_of_weeks_is_120_monthly_bars_with_year_labels() {
        let decade: Vec<_> = (0..522)
            .map(|k| WeekBar {
                label: String::new(),
                start: d(2016, 1, 4) + Days::new(k * 7),
                minutes: 50.0,
                sessions: 2,
                heavy_axial_sets: 0,
                landings: 0,
            })
            .collect();
        let cal = calendar(&decade);
        let svg = bar_chart(&cal, |b| b.minutes, |b| b.label.clone(), &opts()).unwrap();
        assert_eq!(count(&svg, "<rect class=\"bar"), 120);
        let labels = bar_labels(&cal.buckets, cal.grain);
        let names: Vec<_> = labels.iter().map(|l| l.1.as_str()).collect();
        assert_eq!(names, ["2016", "2018", "2020", "2022", "2024"]);
    }

    #[test]
    fn weekly_labels_are_months_with_the_year_when_it_changes() {
        let cal = calendar(&weeks(52, 40.0));
        let labels = bar_labels(&cal.buckets, cal.grain);
        let names: Vec<_> = labels
            .iter()
            .map(|l| (l.1.as_str(), l.2.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("Jan", Some("2025")),
                ("Mar", None),
                ("May", None),
                ("Jul", None),
                ("Sep", None),
                ("Nov", None)
            ]
        );
    }

    #[test]
    fn empty_weeks_no_bars() {
        let cal = calendar(&[]);
        assert_eq!(
            bar_chart(&cal, |b| b.minutes, |_| String::new(), &opts()),
            None
        );
    }

    #[test]
    fn tag_of_shapes() {
        assert_eq!(tag("<circle cx=\"1\""), "circle");
        assert_eq!(tag("<rect x=\"1\""), "rect");
        assert!(marker(5, 10.0, 10.0, "a<b").contains("<title>a&lt;b</title></path>"));
    }
}
