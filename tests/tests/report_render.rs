//! The HTML report rendered for real: a hand-built year (three lifts, 52
//! weeks with a gap and an over-ceiling week, measures with reference bands,
//! records, a clinician page) is written to a temporary file and opened in
//! headless Chromium, at a phone's width (390 px) and a desktop's (1280 px).
//!
//! `scripts/chromium` finds Chromium or installs Debian's package (as root);
//! when that fails the test says why and skips, unless
//! `HEFT_REQUIRE_CHROMIUM=1`. With Chromium it checks:
//! - the DOM after layout, through a test-only copy of the page whose inline
//!   script writes each chart's size and shape counts into the DOM, which
//!   `--dump-dom` prints: eight charts, each drawn (non-zero size, paths,
//!   rects and lines inside), the x-axis labels of each chart not
//!   overlapping, no horizontal scrolling on the phone, one column on the
//!   phone and charts side by side on the desktop, and the `<script>` in an
//!   exercise name shown as text;
//! - the screenshot of the real page: a PNG of 390 × 2400 px that is not
//!   one colour and has the bar colour in it.
//!
//! `UPDATE_SCREENSHOT=1` also writes the whole phone-width page to
//! `docs/report-phone.png` (and the desktop one to a temporary file whose
//! path is printed).

#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{Datelike, Days, NaiveDate};
use heft_core::report::{
    ClinicianSummary, DoseSpread, LineSeries, MeasureChart, PainScore, Point, RecordRow, RefBand,
    ReportData, StrengthTrend, TextTable, Tone, WeekBar, render_html,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A small deterministic wobble in -1..1.
fn wobble(seed: u64) -> f64 {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 32;
    (x % 2001) as f64 / 1000.0 - 1.0
}

const EVIL: &str = "Farmer's carry <script>alert(1)</script>";

fn series(name: &str, unit: &str, points: Vec<(NaiveDate, f64)>) -> LineSeries {
    LineSeries {
        name: name.into(),
        unit: unit.into(),
        points: points
            .into_iter()
            .map(|(date, value)| Point { date, value })
            .collect(),
        note: None,
    }
}

fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
    cells
        .iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect()
}

/// A year of a 67-year-old woman with osteopenia: squat, deadlift and
/// overhead press twice a week, two weeks off in August, one week of 140
/// minutes, DXA at the start and the end.
fn year() -> ReportData {
    let start = d(2025, 3, 3);
    let week = |k: u64| start + Days::new(k * 7);
    let lifts = [
        ("Back squat", 40.0, 62.5),
        ("Deadlift", 50.0, 82.5),
        ("Overhead press", 20.0, 28.0),
    ];
    let holiday = [23u64, 24];
    let mut e1rm = Vec::new();
    for (i, (name, from, to)) in lifts.iter().enumerate() {
        let mut points = Vec::new();
        for k in 0..52u64 {
            if holiday.contains(&k) {
                continue;
            }
            for (s, day) in [(0u64, 0u64), (1, 3)] {
                let t = k as f64 / 51.0;
                // Fast early gains that slow down, a dip after the break.
                let mut v = from + (to - from) * (1.0 - (1.0 - t).powf(1.6));
                if k > 24 && k < 29 {
                    v -= (to - from) * 0.06;
                }
                v += wobble(k * 31 + s * 7 + i as u64) * (to - from) * 0.02;
                points.push((
                    week(k) + Days::new(day + i as u64 % 2),
                    (v * 2.0).round() / 2.0,
                ));
            }
        }
        let mut s = series(name, "kg", points);
        s.note = Some(
            "e1RM by Epley, weight × (1 + reps ÷ 30), from each session's best set of 1–10 reps."
                .into(),
        );
        e1rm.push(s);
    }

    let weekly: Vec<WeekBar> = (0..52u64)
        .filter(|k| !holiday.contains(k))
        .map(|k| {
            let iso = week(k).iso_week();
            let sessions = if k % 4 == 3 { 3 } else { 2 };
            let minutes = if k == 31 {
                140.0
            } else {
                (sessions as f64 * 24.0 + wobble(k) * 12.0).round()
            };
            WeekBar {
                label: format!("{}-W{:02}", iso.year(), iso.week()),
                start: week(k),
                minutes,
                sessions,
                heavy_axial_sets: 6 + (k % 3) as u32 * 2 + u32::from(k > 26) * 2,
                landings: if k < 8 { 0 } else { 20 + (k as u32 / 4) * 2 },
            }
        })
        .collect();

    let monthly = |from: f64, to: f64, months: u32, noise: f64| -> Vec<(NaiveDate, f64)> {
        (0..months)
            .map(|m| {
                let date = start + chrono::Months::new(m * (12 / months));
                let t = f64::from(m) / f64::from(months - 1);
                let v = from + (to - from) * t + wobble(u64::from(m) + 99) * noise;
                (date, (v * 10.0).round() / 10.0)
            })
            .collect()
    };
    let dxa_dates = [d(2025, 3, 10), d(2026, 2, 16)];
    let t_bands = vec![
        RefBand {
            lo: Some(-1.0),
            hi: None,
            label: "normal".into(),
            tone: Tone::Good,
        },
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
    let measures = vec![
        MeasureChart {
            title: "Body weight".into(),
            unit: "kg".into(),
            series: vec![series("Body weight", "kg", monthly(64.2, 63.1, 12, 0.4))],
            bands: Vec::new(),
            note: None,
        },
        MeasureChart {
            title: "Bone density (T-score)".into(),
            unit: String::new(),
            series: vec![
                series(
                    "Lumbar spine",
                    "",
                    vec![(dxa_dates[0], -2.1), (dxa_dates[1], -1.9)],
                ),
                series(
                    "Femoral neck",
                    "",
                    vec![(dxa_dates[0], -2.3), (dxa_dates[1], -2.2)],
                ),
                series(
                    "Total hip",
                    "",
                    vec![(dxa_dates[0], -1.7), (dxa_dates[1], -1.6)],
                ),
            ],
            bands: t_bands,
            note: Some("DXA, same scanner both times. WHO categories.".into()),
        },
        MeasureChart {
            title: "Lean mass".into(),
            unit: "kg".into(),
            series: vec![series(
                "Lean mass (DXA)",
                "kg",
                vec![(dxa_dates[0], 38.1), (dxa_dates[1], 38.9)],
            )],
            bands: Vec::new(),
            note: None,
        },
        MeasureChart {
            title: "Grip strength".into(),
            unit: "kg".into(),
            series: vec![
                series("Right hand", "kg", monthly(22.0, 25.5, 4, 0.5)),
                series("Left hand", "kg", monthly(20.5, 23.5, 4, 0.5)),
            ],
            bands: vec![RefBand {
                lo: Some(19.0),
                hi: Some(31.0),
                label: "typical, women 65–69".into(),
                tone: Tone::Neutral,
            }],
            note: Some("Jamar dynamometer, best of three.".into()),
        },
        MeasureChart {
            title: "30-second chair stand".into(),
            unit: "reps".into(),
            series: vec![series("Chair stands", "reps", monthly(11.0, 15.0, 4, 0.4))],
            bands: vec![RefBand {
                lo: None,
                hi: Some(12.0),
                label: "higher fall risk".into(),
                tone: Tone::Caution,
            }],
            note: None,
        },
    ];

    let records = vec![
        RecordRow {
            exercise: "Deadlift".into(),
            kind: "heaviest".into(),
            value: "80 kg × 2".into(),
            date: d(2026, 2, 19),
            previous: Some("77.5 kg × 2".into()),
        },
        RecordRow {
            exercise: "Deadlift".into(),
            kind: "best e1RM".into(),
            value: "82.5 kg".into(),
            date: d(2026, 2, 19),
            previous: Some("80 kg".into()),
        },
        RecordRow {
            exercise: "Back squat".into(),
            kind: "heaviest".into(),
            value: "57.5 kg × 3".into(),
            date: d(2026, 2, 12),
            previous: Some("55 kg × 3".into()),
        },
        RecordRow {
            exercise: "Back squat".into(),
            kind: "best e1RM".into(),
            value: "62.5 kg".into(),
            date: d(2026, 2, 23),
            previous: Some("60 kg".into()),
        },
        RecordRow {
            exercise: "Overhead press".into(),
            kind: "heaviest".into(),
            value: "25 kg × 4".into(),
            date: d(2026, 1, 22),
            previous: Some("22.5 kg × 4".into()),
        },
        RecordRow {
            exercise: "Overhead press".into(),
            kind: "most reps at 20 kg".into(),
            value: "9".into(),
            date: d(2025, 11, 6),
            previous: Some("8".into()),
        },
        RecordRow {
            exercise: EVIL.into(),
            kind: "heaviest".into(),
            value: "2 × 16 kg, 30 m".into(),
            date: d(2025, 12, 4),
            previous: None,
        },
        RecordRow {
            exercise: "Box jump".into(),
            kind: "most landings in a session".into(),
            value: "40".into(),
            date: d(2025, 10, 2),
            previous: Some("30".into()),
        },
    ];

    let strength = e1rm
        .iter()
        .map(|s| {
            let first = s.points.first().unwrap();
            let last = s.points.last().unwrap();
            StrengthTrend {
                exercise: s.name.clone(),
                unit: s.unit.clone(),
                first: first.value,
                first_date: first.date,
                latest: last.value,
                latest_date: last.date,
                first_set: Some(heft_core::report::SetBasis {
                    load: first.value * 0.85,
                    reps: 5,
                    rir: Some(2.0),
                }),
                latest_set: Some(heft_core::report::SetBasis {
                    load: last.value * 0.85,
                    reps: 5,
                    rir: None,
                }),
            }
        })
        .collect();
    let clinician = ClinicianSummary {
        dose: DoseSpread::from_weeks(&weekly, 12),
        pain: vec![
            PainScore {
                date: d(2025, 4, 14),
                exercise: "Deadlift".into(),
                score: 3,
                note: Some("low back, gone next day".into()),
            },
            PainScore {
                date: d(2025, 6, 2),
                exercise: "Overhead press".into(),
                score: 2,
                note: Some("right shoulder".into()),
            },
            PainScore {
                date: d(2025, 9, 22),
                exercise: "Box jump".into(),
                score: 5,
                note: Some("left knee on landing; jumps paused a week".into()),
            },
            PainScore {
                date: d(2025, 10, 6),
                exercise: "Box jump".into(),
                score: 1,
                note: None,
            },
            PainScore {
                date: d(2026, 1, 19),
                exercise: "Back squat".into(),
                score: 2,
                note: Some("hip, warm-up only".into()),
            },
        ],
        strength,
        function_tests: TextTable {
            columns: vec![
                "Date".into(),
                "Test".into(),
                "Result".into(),
                "Typical".into(),
            ],
            rows: rows(&[
                &["10 Mar 2025", "30-s chair stand", "11", "12–17"],
                &["16 Feb 2026", "30-s chair stand", "15", "12–17"],
                &["10 Mar 2025", "Timed up and go", "9.8 s", "< 9.0 s"],
                &["16 Feb 2026", "Timed up and go", "8.1 s", "< 9.0 s"],
                &["16 Feb 2026", "Grip, right", "25.5 kg", "19–31 kg"],
            ]),
        },
        dxa: TextTable {
            columns: vec![
                "Date".into(),
                "Site".into(),
                "BMD g/cm²".into(),
                "T-score".into(),
            ],
            rows: rows(&[
                &["10 Mar 2025", "Lumbar spine L1–L4", "0.874", "−2.1"],
                &["10 Mar 2025", "Femoral neck", "0.662", "−2.3"],
                &["10 Mar 2025", "Total hip", "0.768", "−1.7"],
                &["16 Feb 2026", "Lumbar spine L1–L4", "0.893", "−1.9"],
                &["16 Feb 2026", "Femoral neck", "0.671", "−2.2"],
                &["16 Feb 2026", "Total hip", "0.779", "−1.6"],
            ]),
        },
    };

    ReportData {
        title: "Training report, March 2025 – February 2026".into(),
        generated_on: d(2026, 3, 2),
        person: Some("born 1958, female, osteopenia".into()),
        e1rm,
        weekly,
        dose_band: Default::default(),
        measures,
        records,
        clinician,
        notes: vec![
            "Above 130 min/week in week 2025-W40 (140 min). More is not better for bone; \
             recovery is."
                .into(),
            "Knee pain 5/10 on box jumps on 22 Sep 2025: landings were paused for a week.".into(),
        ],
    }
}

/// Charts in the year: e1RM, minutes, sessions, and five measures.
const CHARTS: usize = 8;

#[test]
fn the_year_renders_as_one_self_contained_page() {
    let html = render_html(&year());
    assert_eq!(html.matches("<svg class=\"chart ").count(), CHARTS);
    assert!(html.contains("Farmer&#39;s carry &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.to_lowercase().contains("<script"));
    for needle in ["http://", "https://", "<link", "@import", "url(", "<img"] {
        assert!(!html.contains(needle), "{needle}");
    }
    // Two weeks off appear as two empty weeks among 52 bars.
    let minutes = chart(&html, 1);
    assert_eq!(minutes.matches("<rect class=\"bar").count(), 50);
    assert_eq!(minutes.matches("<rect class=\"bar over\"").count(), 1);
    // A page, not a megabyte.
    assert!(html.len() < 300_000, "{} bytes", html.len());
}

/// The `n`th chart's SVG text.
fn chart(html: &str, n: usize) -> &str {
    let start = html.match_indices("<svg class=\"chart ").nth(n).unwrap().0;
    let end = start + html[start..].find("</svg>").unwrap();
    &html[start..end]
}

// ---------------------------------------------------------------------------
// Chromium.

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Chromium's path, or why there is none.
fn chromium() -> Result<PathBuf, String> {
    let out = Command::new(repo().join("scripts/chromium"))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run scripts/chromium: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_owned());
    }
    let path = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if path.is_empty() {
        return Err("scripts/chromium printed no path".into());
    }
    Ok(PathBuf::from(path))
}

/// Chromium's path; `None` (after saying why) when there is none and
/// `HEFT_REQUIRE_CHROMIUM=1` is not set, which fails the test instead.
fn chromium_or_skip() -> Option<PathBuf> {
    match chromium() {
        Ok(bin) => Some(bin),
        Err(why) => {
            assert!(
                std::env::var("HEFT_REQUIRE_CHROMIUM")
                    .ok()
                    .is_none_or(|v| v != "1"),
                "HEFT_REQUIRE_CHROMIUM=1 and no Chromium: {why}"
            );
            eprintln!("skipping the Chromium render check: {why}");
            None
        }
    }
}

/// Runs Chromium headless on `page` with `args`, for at most a minute;
/// returns its standard output.
fn run_chromium(
    bin: &Path,
    profile: &Path,
    width: u32,
    height: u32,
    args: &[String],
    page: &Path,
) -> String {
    let mut cmd = Command::new(bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--mute-audio",
        "--hide-scrollbars",
        "--force-color-profile=srgb",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--window-size={width},{height}"))
    .args(args)
    .arg(format!("file://{}", page.display()))
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).unwrap();
        s
    });
    let mut stderr = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took over a minute: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = reader.join().unwrap();
    let err = err_reader.join().unwrap();
    assert!(status.success(), "chromium failed ({status}): {err}");
    out
}

/// What the test-only script reports about one chart.
#[derive(Debug)]
struct Measured {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    shapes: usize,
    bars: usize,
    lines: usize,
    /// x-axis labels that overlap the one before them.
    overlaps: usize,
    /// The rendered height of a tick label, in CSS pixels.
    font_px: f64,
}

/// A test-only page that shows the report in an iframe `width` CSS pixels
/// wide (Chromium's window is at least 500 px wide, and `--dump-dom` does
/// not emulate a narrower screen as `--screenshot` does) and, once the
/// report is laid out, writes what it measured into its own DOM, where
/// `--dump-dom` prints it. The report's CSP is relaxed to let that one
/// inline script run.
fn measuring_page(html: &str, width: u32) -> String {
    let script = r#"<script>
(function () {
  var out = [];
  document.querySelectorAll('svg.chart').forEach(function (s) {
    var r = s.getBoundingClientRect();
    var labels = Array.prototype.slice.call(s.querySelectorAll('.ticks.x text:not(.sub)'));
    var overlaps = 0;
    for (var i = 1; i < labels.length; i++) {
      var a = labels[i - 1].getBoundingClientRect(), b = labels[i].getBoundingClientRect();
      if (b.left < a.right - 0.5) overlaps++;
    }
    var t = s.querySelector('.ticks.y text');
    var font = t ? t.getBoundingClientRect().height : 0;
    out.push(['chart', r.left.toFixed(1), r.top.toFixed(1), r.width.toFixed(1), r.height.toFixed(1),
      s.querySelectorAll('path,rect,circle,line').length,
      s.querySelectorAll('rect.bar').length,
      s.querySelectorAll('path.ln').length, overlaps, font.toFixed(1)].join(' '));
  });
  out.push('scripts ' + document.scripts.length);
  out.push('width ' + window.innerWidth + ' ' + document.documentElement.scrollWidth);
  out.push('height ' + Math.ceil(document.querySelector('main').getBoundingClientRect().bottom));
  var evil = Array.prototype.some.call(document.querySelectorAll('#records td'), function (td) {
    return td.textContent.indexOf('<script>alert(1)<\/script>') >= 0;
  });
  out.push('evil-as-text ' + evil);
  var pre = parent.document.createElement('pre');
  pre.id = 'heft-measure';
  pre.textContent = out.join('\n');
  parent.document.body.appendChild(pre);
})();
</script>"#;
    let report = html
        .replacen(
            "default-src 'none'; style-src 'unsafe-inline'",
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
            1,
        )
        .replacen("</body>", &format!("{script}</body>"), 1);
    let srcdoc = report.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{{margin:0}}\
         iframe{{border:0;display:block;width:{width}px;height:12000px}}</style></head>\
         <body><iframe srcdoc=\"{srcdoc}\"></iframe></body></html>"
    )
}

struct Layout {
    charts: Vec<Measured>,
    scripts: usize,
    inner_width: u32,
    scroll_width: u32,
    height: u32,
    evil_as_text: bool,
}

fn parse_measure(dom: &str) -> Layout {
    let Some(start) = dom.find("<pre id=\"heft-measure\">") else {
        let tail = &dom[dom.len().saturating_sub(1500)..];
        panic!(
            "no measurements in the dumped DOM ({} bytes), which ends: {tail}",
            dom.len()
        );
    };
    let body = &dom[start + "<pre id=\"heft-measure\">".len()..];
    let body = &body[..body.find("</pre>").unwrap()];
    let mut layout = Layout {
        charts: Vec::new(),
        scripts: 0,
        inner_width: 0,
        scroll_width: 0,
        height: 0,
        evil_as_text: false,
    };
    for line in body.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        match f[0] {
            "chart" => layout.charts.push(Measured {
                left: f[1].parse().unwrap(),
                top: f[2].parse().unwrap(),
                width: f[3].parse().unwrap(),
                height: f[4].parse().unwrap(),
                shapes: f[5].parse().unwrap(),
                bars: f[6].parse().unwrap(),
                lines: f[7].parse().unwrap(),
                overlaps: f[8].parse().unwrap(),
                font_px: f[9].parse().unwrap(),
            }),
            "scripts" => layout.scripts = f[1].parse().unwrap(),
            "width" => {
                layout.inner_width = f[1].parse().unwrap();
                layout.scroll_width = f[2].parse().unwrap();
            }
            "height" => layout.height = f[1].parse().unwrap(),
            "evil-as-text" => layout.evil_as_text = f[1] == "true",
            _ => {}
        }
    }
    layout
}

/// Width, height and RGBA pixels of an 8-bit, non-interlaced PNG (what
/// Chromium writes); `None` for any other kind.
fn decode_png(bytes: &[u8]) -> Option<(u32, u32, Vec<[u8; 4]>)> {
    if bytes.len() < 33 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    let (w, h) = (be(&bytes[16..20]), be(&bytes[20..24]));
    let (depth, colour, interlace) = (bytes[24], bytes[25], bytes[28]);
    let channels = match colour {
        2 => 3,
        6 => 4,
        _ => return None,
    };
    if depth != 8 || interlace != 0 {
        return None;
    }
    let mut idat = Vec::new();
    let mut at = 8;
    while at + 8 <= bytes.len() {
        let len = be(&bytes[at..at + 4]) as usize;
        let kind = &bytes[at + 4..at + 8];
        let data = bytes.get(at + 8..at + 8 + len)?;
        if kind == b"IDAT" {
            idat.extend_from_slice(data);
        }
        at += 12 + len;
    }
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&idat[..])
        .read_to_end(&mut raw)
        .ok()?;
    let stride = w as usize * channels;
    let mut prev = vec![0u8; stride];
    let mut pixels = Vec::with_capacity(w as usize * h as usize);
    for row in raw.chunks(stride + 1).take(h as usize) {
        let (filter, line) = (row[0], &row[1..]);
        let mut cur = vec![0u8; stride];
        for i in 0..stride {
            let a = if i >= channels { cur[i - channels] } else { 0 };
            let b = prev[i];
            let c = if i >= channels { prev[i - channels] } else { 0 };
            let pred = match filter {
                0 => 0,
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => {
                    let p = i16::from(a) + i16::from(b) - i16::from(c);
                    let (pa, pb, pc) = (
                        (p - i16::from(a)).abs(),
                        (p - i16::from(b)).abs(),
                        (p - i16::from(c)).abs(),
                    );
                    if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    }
                }
                _ => return None,
            };
            cur[i] = line[i].wrapping_add(pred);
        }
        for px in cur.chunks(channels) {
            pixels.push([px[0], px[1], px[2], if channels == 4 { px[3] } else { 255 }]);
        }
        prev = cur;
    }
    (pixels.len() == w as usize * h as usize).then_some((w, h, pixels))
}

#[test]
fn the_year_renders_in_headless_chromium() {
    let began = Instant::now();
    let Some(bin) = chromium_or_skip() else {
        return;
    };
    let found = began.elapsed();
    let dir = tempfile::tempdir().unwrap();
    let html = render_html(&year());
    let page = dir.path().join("report.html");
    std::fs::write(&page, &html).unwrap();
    let phone_page = dir.path().join("measure-390.html");
    std::fs::write(&phone_page, measuring_page(&html, 390)).unwrap();
    let desk_page = dir.path().join("measure-1280.html");
    std::fs::write(&desk_page, measuring_page(&html, 1280)).unwrap();
    let profile = dir.path().join("profile");

    // Phone: the layout after Chromium ran the measuring script.
    let dom = run_chromium(
        &bin,
        &profile,
        500,
        800,
        &["--dump-dom".into()],
        &phone_page,
    );
    let phone = parse_measure(&dom);
    assert_eq!(phone.charts.len(), CHARTS, "{dom}");
    assert_eq!(phone.scripts, 1, "only the measuring script runs");
    assert!(phone.evil_as_text, "the <script> in a name shows as text");
    assert!(
        phone.scroll_width <= phone.inner_width,
        "no sideways scrolling on a phone: {} > {}",
        phone.scroll_width,
        phone.inner_width
    );
    for (i, c) in phone.charts.iter().enumerate() {
        assert!(c.width > 300.0 && c.width <= 390.0, "chart {i}: {c:?}");
        assert!(c.height > 80.0, "chart {i}: {c:?}");
        assert!(c.shapes >= 8, "chart {i} drew too little: {c:?}");
        assert_eq!(c.overlaps, 0, "chart {i}: x labels overlap: {c:?}");
        assert!(c.font_px >= 10.0, "chart {i}: labels too small: {c:?}");
        // One column: every chart starts at the same left edge.
        assert!(
            (c.left - phone.charts[0].left).abs() < 1.0,
            "chart {i}: {c:?}"
        );
    }
    assert_eq!(phone.charts[0].lines, 3, "three e1RM lines");
    assert_eq!(phone.charts[1].bars, 50, "a bar for each week trained");
    assert_eq!(
        phone.charts[2].bars, 50,
        "a bar of sessions for each week trained"
    );
    assert_eq!(phone.charts[4].lines, 3, "a T-score line per site");

    // Phone: the screenshot of the real page.
    let shot = dir.path().join("phone.png");
    run_chromium(
        &bin,
        &profile,
        390,
        2400,
        &[format!("--screenshot={}", shot.display())],
        &page,
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.len() > 20_000,
        "a screenshot of {} bytes is nearly blank",
        png.len()
    );
    let (w, h, pixels) = decode_png(&png).expect("an 8-bit PNG");
    assert_eq!((w, h), (390, 2400));
    let colours: HashSet<[u8; 4]> = pixels.iter().copied().collect();
    assert!(colours.len() > 200, "only {} colours", colours.len());
    // The bars and the first e1RM line are #0072b2.
    let blue = pixels
        .iter()
        .filter(|p| p[..3] == [0x00, 0x72, 0xb2])
        .count();
    assert!(blue > 500, "only {blue} pixels of the chart colour");

    // Desktop: charts side by side.
    let dom = run_chromium(
        &bin,
        &profile,
        1300,
        800,
        &["--dump-dom".into()],
        &desk_page,
    );
    let desk = parse_measure(&dom);
    assert_eq!(desk.charts.len(), CHARTS);
    assert!(desk.scroll_width <= desk.inner_width);
    let mut rows: Vec<i64> = desk.charts.iter().map(|c| c.top.round() as i64).collect();
    rows.sort_unstable();
    rows.dedup();
    assert!(
        rows.len() < CHARTS - 1,
        "a grid puts charts side by side: {rows:?}"
    );
    for c in &desk.charts {
        assert_eq!(c.overlaps, 0, "{c:?}");
        assert!(c.width < 900.0, "no chart spans the whole desktop: {c:?}");
    }

    if std::env::var("UPDATE_SCREENSHOT").is_ok_and(|v| v == "1") {
        let full = repo().join("docs/report-phone.png");
        run_chromium(
            &bin,
            &profile,
            390,
            phone.height,
            &[format!("--screenshot={}", full.display())],
            &page,
        );
        let desktop = dir.path().join("desktop.png");
        run_chromium(
            &bin,
            &profile,
            1280,
            desk.height,
            &[format!("--screenshot={}", desktop.display())],
            &page,
        );
        let keep = std::env::temp_dir().join("heft-report-desktop.png");
        std::fs::copy(&desktop, &keep).unwrap();
        std::fs::copy(&page, std::env::temp_dir().join("heft-report.html")).unwrap();
        eprintln!("wrote {} and {}", full.display(), keep.display());
    }
    eprintln!(
        "chromium found in {:.1?}; render checks took {:.1?} in all",
        found,
        began.elapsed()
    );
}

// ---------------------------------------------------------------------------
// From a logged history: the store, the analytics and the renderer together.

/// Logs a year through the public API: squat, deadlift and overhead press
/// twice a week with loads going up, a three-week break, durations, one
/// painful set, DXA scans, body weight and function tests.
fn logged_year() -> (heft_core::Heft, NaiveDate, usize) {
    use chrono::DateTime;
    use heft_core::clock::ManualClock;
    use heft_core::model::{
        BoneStatus, MeasureKind, MeasureUnit, ProfileUpdate, Sex, Site, WeightUnit,
    };
    use heft_core::{FinishWorkout, Heft, LogTime, NewMeasurement};
    use std::sync::Arc;

    let today = d(2026, 11, 25);
    let clock = Arc::new(ManualClock::new(
        DateTime::parse_from_rfc3339("2026-11-25T20:00:00+01:00").unwrap(),
    ));
    let heft = Heft::open_in_memory(clock).unwrap();
    heft.update_profile(&ProfileUpdate {
        birth_year: Some(1960),
        sex: Some(Sex::Female),
        bone_status: Some(BoneStatus::Osteopenia),
        ..Default::default()
    })
    .unwrap();
    let at = |day: NaiveDate, hour: u32| {
        LogTime::At(DateTime::parse_from_rfc3339(&format!("{day}T{hour:02}:00:00+01:00")).unwrap())
    };
    let monday = d(2025, 12, 1);
    let mut weeks_trained = 0;
    for week in 0..51u64 {
        if (20..23).contains(&week) {
            continue; // three weeks away
        }
        weeks_trained += 1;
        for (i, offset) in [0u64, 3].into_iter().enumerate() {
            let day = monday + Days::new(week * 7 + offset);
            let gain = week as f64 * 0.5;
            let mut inputs = Vec::new();
            for (exercise, base) in [
                ("back-squat", 50.0),
                ("deadlift", 60.0),
                ("overhead-press", 25.0),
            ] {
                let notation = format!(
                    "5x{}kgx5@2",
                    base + gain
                        * if exercise == "overhead-press" {
                            0.25
                        } else {
                            1.0
                        }
                );
                let spec = heft_core::grammar::parse(&notation).unwrap();
                let input = spec.to_input(exercise, WeightUnit::Kg);
                inputs.extend(std::iter::repeat_n(input, spec.count as usize));
            }
            if week == 40 && i == 0 {
                inputs[0].pain = Some(3);
                inputs[0].note = Some("lower back, eased after warm-up".into());
            }
            let logged = heft.log_sets(&inputs, at(day, 18)).unwrap();
            heft.finish_workout(FinishWorkout {
                workout_id: Some(logged.workout.id),
                duration_s: Some(if week == 10 { 140 * 60 } else { 30 * 60 }),
                ..FinishWorkout::default()
            })
            .unwrap();
        }
    }
    let measure = |kind, site, value: f64, unit: Option<MeasureUnit>, day: NaiveDate| {
        heft.add_measurement(NewMeasurement {
            site,
            unit,
            at: at(day, 9),
            ..NewMeasurement::new(kind, value)
        })
        .unwrap();
    };
    for (day, spine, neck) in [(d(2025, 11, 20), -1.9, -2.2), (d(2026, 11, 10), -1.7, -2.1)] {
        measure(
            MeasureKind::TScore,
            Some(Site::LumbarSpine),
            spine,
            None,
            day,
        );
        measure(
            MeasureKind::TScore,
            Some(Site::FemoralNeck),
            neck,
            None,
            day,
        );
    }
    for month in 0..12u32 {
        let day = d(2025, 12, 1)
            .checked_add_months(chrono::Months::new(month))
            .unwrap();
        let kg = 68.0 - f64::from(month) * 0.2;
        measure(
            MeasureKind::BodyWeight,
            None,
            kg,
            Some(MeasureUnit::Kg),
            day,
        );
        if month % 3 == 0 {
            measure(
                MeasureKind::Grip,
                None,
                22.0 + f64::from(month) * 0.5,
                Some(MeasureUnit::Kg),
                day,
            );
            measure(
                MeasureKind::ChairStand30s,
                None,
                11.0 + f64::from(month / 3),
                None,
                day,
            );
        }
    }
    (heft, today, weeks_trained)
}

#[test]
fn a_logged_history_renders_in_headless_chromium() {
    let (heft, today, weeks_trained) = logged_year();
    let data = heft.report(today).unwrap();
    // The data first: what the page is drawn from.
    assert_eq!(data.e1rm.len(), 3, "the three lifts trained");
    let trained = data.weekly.iter().filter(|w| w.sessions > 0).count();
    assert_eq!(trained, weeks_trained);
    let titles: Vec<&str> = data.measures.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Bone density (T-score)",
            "Body weight",
            "Grip strength",
            "30-second chair stand"
        ]
    );
    assert_eq!(data.clinician.pain.len(), 1);
    assert_eq!(data.clinician.dxa.rows.len(), 4);
    assert_eq!(data.clinician.function_tests.rows.len(), 8);
    // The 140-minute week is older than twelve weeks, the rest are 60
    // minutes with recorded lengths: nothing to warn about.
    assert!(data.notes.is_empty(), "{:?}", data.notes);
    let html = render_html(&data);
    // Three fixed charts (e1RM, minutes, sessions) and one per measure.
    let charts = 3 + titles.len();
    assert_eq!(html.matches("<svg class=\"chart ").count(), charts);

    let Some(bin) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("measure-390.html");
    std::fs::write(&page, measuring_page(&html, 390)).unwrap();
    let dom = run_chromium(
        &bin,
        &dir.path().join("profile"),
        500,
        800,
        &["--dump-dom".into()],
        &page,
    );
    let phone = parse_measure(&dom);
    assert_eq!(phone.charts.len(), charts, "{dom}");
    assert!(phone.scroll_width <= phone.inner_width);
    for (i, c) in phone.charts.iter().enumerate() {
        assert!(c.width > 300.0 && c.height > 80.0, "chart {i}: {c:?}");
        assert!(c.shapes >= 8, "chart {i} drew too little: {c:?}");
        assert_eq!(c.overlaps, 0, "chart {i}: x labels overlap: {c:?}");
    }
    assert_eq!(phone.charts[0].lines, 3, "an e1RM line per lift");
    assert_eq!(
        phone.charts[1].bars, weeks_trained,
        "a bar per week trained"
    );
    assert_eq!(phone.charts[3].lines, 2, "a T-score line per site");
}
