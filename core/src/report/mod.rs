//! The progress report: one self-contained HTML file with inline SVG charts.
//!
//! [`render_html`] is pure: it takes a [`ReportData`] and returns the page as
//! a `String`, with no clock, no database and no I/O. The data is plain
//! (strings, numbers, dates, vectors) and serde-serialisable, so the phone
//! apps can receive the same structure and whoever fills it (the analytics
//! code, a test) needs nothing from this module but the types.
//!
//! The page needs nothing from the network: its CSS is inline, its charts
//! are SVG drawn here, it runs no script (a Content-Security-Policy forbids
//! any), and every piece of text from the data is escaped, so an exercise
//! named `<script>` shows as text. It reads on a phone (one column) and on a
//! desktop (a grid), follows the system's dark mode, and prints as a
//! one-page summary for a physiotherapist or doctor (see docs/REPORT.md).
//!
//! Values that are not finite or beyond ±10¹² are left out of charts, and
//! each chart copes with no points, one point and equal values; ten years of
//! weekly bars are drawn as monthly averages.

/// Appends formatted text to a `String` (writing to a `String` cannot fail).
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = write!($out, $($arg)*);
    }};
}

mod build;
mod html;
mod scale;
mod svg;
mod weeks;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use build::{MAX_TABLE_ROWS, RECENT_WEEKS, ReportInput, build};
pub use html::render_html;

/// Everything the report shows. Fill it, then call [`render_html`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReportData {
    /// The page's heading, e.g. "Heft — training report 2026".
    pub title: String,
    /// The day the report was made (shown, and used for "recent" marks).
    pub generated_on: NaiveDate,
    /// Who it is about, e.g. "born 1958, female, osteopenia".
    #[serde(default)]
    pub person: Option<String>,
    /// Estimated one-repetition maximum over time, one series per main lift;
    /// drawn on one chart, so the series should share a unit.
    #[serde(default)]
    pub e1rm: Vec<LineSeries>,
    /// Training per calendar week, in any order; weeks that are missing
    /// between the first and the last are drawn as weeks without training.
    #[serde(default)]
    pub weekly: Vec<WeekBar>,
    /// The weekly minutes to aim for and the ceiling not to pass.
    #[serde(default)]
    pub dose_band: MinutesBand,
    /// Body measures and tests, one chart each (body weight, lean mass,
    /// T-score per site, grip, chair stands...).
    #[serde(default)]
    pub measures: Vec<MeasureChart>,
    /// Personal records, in any order (shown newest first).
    #[serde(default)]
    pub records: Vec<RecordRow>,
    /// The printable page for a physiotherapist or doctor.
    #[serde(default)]
    pub clinician: ClinicianSummary,
    /// Warnings to show at the top, e.g. "above 130 min/week in 3 of the
    /// last 12 weeks".
    #[serde(default)]
    pub notes: Vec<String>,
}

impl ReportData {
    /// A report with a title and date and nothing else in it.
    pub fn empty(title: impl Into<String>, generated_on: NaiveDate) -> Self {
        ReportData {
            title: title.into(),
            generated_on,
            person: None,
            e1rm: Vec::new(),
            weekly: Vec::new(),
            dose_band: MinutesBand::default(),
            measures: Vec::new(),
            records: Vec::new(),
            clinician: ClinicianSummary::default(),
            notes: Vec::new(),
        }
    }
}

/// One line on a chart: a named series of dated values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LineSeries {
    /// What the line is, e.g. "Back squat" or "Lumbar spine".
    pub name: String,
    /// The values' unit, e.g. "kg" (may be empty).
    #[serde(default)]
    pub unit: String,
    /// The values, in any order; non-finite values are skipped.
    pub points: Vec<Point>,
    /// How the values were obtained, e.g. "Epley: weight × (1 + reps / 30)".
    #[serde(default)]
    pub note: Option<String>,
}

/// A dated value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Point {
    /// The day of the value.
    pub date: NaiveDate,
    /// The value, in the series' unit.
    pub value: f64,
}

/// One chart of measures sharing a unit, with optional reference bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeasureChart {
    /// The chart's heading, e.g. "Bone density (T-score)".
    pub title: String,
    /// The unit of every series on it, e.g. "kg" or "T" (may be empty).
    #[serde(default)]
    pub unit: String,
    /// The lines, e.g. one per DXA site.
    pub series: Vec<LineSeries>,
    /// Shaded ranges behind the lines, e.g. "osteopenia" from −2.5 to −1.
    #[serde(default)]
    pub bands: Vec<RefBand>,
    /// A line of explanation under the chart.
    #[serde(default)]
    pub note: Option<String>,
}

/// A shaded reference range on a measure chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RefBand {
    /// Its lower edge; `None` reaches the bottom of the chart.
    pub lo: Option<f64>,
    /// Its upper edge; `None` reaches the top of the chart.
    pub hi: Option<f64>,
    /// What the range means, e.g. "normal" or "osteopenia".
    pub label: String,
    /// How it is shaded.
    #[serde(default)]
    pub tone: Tone,
}

/// The shade of a reference band; each is also named in the legend, so
/// colour is never the only cue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Tone {
    /// Grey: context only.
    #[default]
    Neutral,
    /// Green: where one wants to be.
    Good,
    /// Amber: watch.
    Caution,
    /// Red: act.
    Alert,
}

/// One calendar week of training.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WeekBar {
    /// The week's name, e.g. "2026-W47".
    pub label: String,
    /// Its first day (a Monday for ISO weeks).
    pub start: NaiveDate,
    /// Minutes of training in it.
    pub minutes: f64,
    /// Sessions in it.
    pub sessions: u32,
    /// Heavy sets loading the spine (squats, deadlifts, overhead presses...).
    #[serde(default)]
    pub heavy_axial_sets: u32,
    /// Jumps and drops landed.
    #[serde(default)]
    pub landings: u32,
}

/// The weekly minutes to aim for and the ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MinutesBand {
    /// The lower edge of the target range (40).
    pub low: f64,
    /// The upper edge of the target range (60).
    pub high: f64,
    /// Minutes per week not to exceed (130).
    pub ceiling: f64,
}

impl Default for MinutesBand {
    fn default() -> Self {
        MinutesBand {
            low: 40.0,
            high: 60.0,
            ceiling: 130.0,
        }
    }
}

/// A personal record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RecordRow {
    /// The exercise, e.g. "Deadlift".
    pub exercise: String,
    /// Which record, e.g. "heaviest", "best e1RM", "most reps at 60 kg".
    pub kind: String,
    /// The record as shown, e.g. "105 kg × 3".
    pub value: String,
    /// When it was set.
    pub date: NaiveDate,
    /// The value it beat, as shown; `None` for a first value, which is
    /// never marked new (there was nothing to beat).
    #[serde(default)]
    pub previous: Option<String>,
}

/// The clinician's page: dose, loading, pain, strength, tests and scans.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ClinicianSummary {
    /// Weekly dose over the recent weeks; `None` when nothing was logged.
    #[serde(default)]
    pub dose: Option<DoseSpread>,
    /// Pain reported during exercises, in any order (shown newest first).
    #[serde(default)]
    pub pain: Vec<PainScore>,
    /// First and latest strength per main lift.
    #[serde(default)]
    pub strength: Vec<StrengthTrend>,
    /// Function tests (chair stands, grip, gait speed...) as text rows, each
    /// starting with its date.
    #[serde(default)]
    pub function_tests: TextTable,
    /// DXA results (BMD and T-score per site) as text rows with dates.
    #[serde(default)]
    pub dxa: TextTable,
}

/// Average, least and most of a weekly quantity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Spread {
    /// The mean over the weeks.
    pub avg: f64,
    /// The least week.
    pub min: f64,
    /// The most week.
    pub max: f64,
}

/// The training dose per week over the last weeks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DoseSpread {
    /// How many weeks the spreads cover (usually 12).
    pub weeks: u32,
    /// Minutes of training per week.
    pub minutes: Spread,
    /// Sessions per week.
    pub sessions: Spread,
    /// Heavy axial sets per week.
    pub heavy_axial_sets: Spread,
    /// Landings per week.
    pub landings: Spread,
}

impl DoseSpread {
    /// The spreads over the `last` calendar weeks that end with the latest
    /// week in `weeks`; a week missing from `weeks` counts as a week without
    /// training, and a week listed twice is added up. `None` when `weeks` is
    /// empty or `last` is 0.
    pub fn from_weeks(weeks: &[WeekBar], last: usize) -> Option<DoseSpread> {
        weeks::dose(weeks, last)
    }
}

/// A pain score reported for an exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PainScore {
    /// The day.
    pub date: NaiveDate,
    /// The exercise during which it hurt.
    pub exercise: String,
    /// 0 (none) to 10 (worst imaginable).
    pub score: u8,
    /// Where or how, in the person's words.
    #[serde(default)]
    pub note: Option<String>,
}

/// How a lift's strength moved between two dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StrengthTrend {
    /// The lift.
    pub exercise: String,
    /// The unit of both values, e.g. "kg".
    #[serde(default)]
    pub unit: String,
    /// The first value (usually e1RM).
    pub first: f64,
    /// Its date.
    pub first_date: NaiveDate,
    /// The latest value.
    pub latest: f64,
    /// Its date.
    pub latest_date: NaiveDate,
    /// The working set the first value rests on.
    #[serde(default)]
    pub first_set: Option<SetBasis>,
    /// The working set the latest value rests on.
    #[serde(default)]
    pub latest_set: Option<SetBasis>,
}

/// The set a strength figure was estimated from, so a reader can judge it
/// (technique and warm-up sets never are).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetBasis {
    /// The load, in the report's unit.
    pub load: f64,
    /// Reps done.
    pub reps: u32,
    /// Reps in reserve, when known.
    pub rir: Option<f64>,
}

/// A table of text cells with a header row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TextTable {
    /// The header cells.
    #[serde(default)]
    pub columns: Vec<String>,
    /// The rows; a short row is padded with empty cells.
    #[serde(default)]
    pub rows: Vec<Vec<String>>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn serde_round_trip_keeps_everything() {
        let mut data = ReportData::empty("Report", d(2026, 3, 1));
        data.person = Some("born 1958, female".into());
        data.e1rm.push(LineSeries {
            name: "Squat".into(),
            unit: "kg".into(),
            points: vec![Point {
                date: d(2026, 1, 5),
                value: 80.5,
            }],
            note: Some("Epley".into()),
        });
        data.measures.push(MeasureChart {
            title: "T-score".into(),
            unit: "T".into(),
            series: Vec::new(),
            bands: vec![RefBand {
                lo: None,
                hi: Some(-2.5),
                label: "osteoporosis".into(),
                tone: Tone::Alert,
            }],
            note: None,
        });
        let json = serde_json::to_string(&data).unwrap();
        assert!(json.contains("\"generated_on\":\"2026-03-01\""));
        assert!(json.contains("\"tone\":\"alert\""));
        let back: ReportData = serde_json::from_str(&json).unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn missing_fields_take_defaults() {
        let back: ReportData =
            serde_json::from_str(r#"{"title":"t","generated_on":"2026-01-02"}"#).unwrap();
        assert_eq!(back, ReportData::empty("t", d(2026, 1, 2)));
        assert_eq!(back.dose_band, MinutesBand::default());
    }
}
