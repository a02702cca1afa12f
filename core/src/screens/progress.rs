//! The Progress screen: this week's lifting against the 40-60 minute band,
//! the weeks before it, the bone-loading dose, and for each main lift its
//! e1RM over the last year with axis bounds and its records, in the
//! person's unit and language.
//!
//! Built from the weekly figures of the last five weeks
//! ([`crate::analytics::dose::weekly`]) and the derived session rows of the
//! main lifts and the axial exercises
//! ([`crate::analytics::session_bests`]), so a lifetime of sets is never
//! read whole (docs/PERFORMANCE.md, "Progress").

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::{Banner, EmptyState, Note, Tone};
use crate::analytics::E1rmPoint;
use crate::analytics::adherence::{self, PatternSpacing};
use crate::analytics::dose::{HEAVY_FRACTION, WeekStats};
use crate::analytics::records::{Record, RecordKind};
use crate::analytics::session_bests::ExerciseSession;
use crate::analytics::strength::{RECENT_DAYS, current_e1rm};
use crate::model::{BoneStatus, Profile, Unit, WeightUnit};
use crate::progression::plan::{DOSE_LIMIT, DOSE_MAX, DOSE_MIN, DoseLevel};
use crate::progression::strength::Formula;
use crate::text::{Arg, Language, Text};

/// How far back a lift's chart reaches.
pub const CHART_DAYS: u64 = 365;
/// Lifts shown when no program names them: the most trained.
pub const MAIN_LIFTS: usize = 4;

/// The Progress screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProgressScreen {
    /// The language it was written in.
    pub language: Language,
    /// "Progress".
    pub title: String,
    /// This week against the band.
    pub week: WeekSummary,
    /// Minutes of lifting in this week and the four before.
    pub minutes: MinutesChart,
    /// The bone-loading dose.
    pub bone: BoneSummary,
    /// One card per main lift: the running program's lifts, else the most
    /// trained of the last year.
    pub lifts: Vec<LiftProgress>,
    /// Keeping at it: weeks in a row, sessions against the plan, the last
    /// session and the longest gap, sessions of a pattern too close.
    pub adherence: AdherenceSummary,
    /// Records of every exercise set in the last 28 days that beat an
    /// earlier one, newest first.
    pub records_title: String,
    /// The records.
    pub records: Vec<RecordLine>,
    /// Shown instead of the cards when nothing is logged yet.
    pub empty: Option<EmptyState>,
}

/// This week so far.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WeekSummary {
    /// "This week".
    pub title: String,
    /// "52 min of lifting".
    pub minutes: String,
    /// "2 of 3 planned sessions", or "2 sessions" without a program.
    pub sessions: String,
    /// Where the minutes stand against the band, with its tone.
    pub band: Banner,
}

/// Minutes of lifting per week, with the band drawn across.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MinutesChart {
    /// "Minutes of lifting a week".
    pub title: String,
    /// Oldest week first; the last is this week.
    pub bars: Vec<MinutesBar>,
    /// The band's lower edge (40).
    pub band_from: u32,
    /// Its upper edge (60).
    pub band_to: u32,
    /// Where the benefit is gone (130).
    pub far_above: u32,
    /// The top of the axis: a multiple of 20 above every bar and the band.
    pub axis_max: u32,
}

/// One week's bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MinutesBar {
    /// The week's Monday, short: "Mon 30 Nov".
    pub label: String,
    /// Minutes (the bar's height).
    pub minutes: u32,
    /// "52 min".
    pub value: String,
    /// Against the band.
    pub tone: Tone,
    /// The week still running.
    pub current: bool,
}

/// A labelled figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FigureRow {
    /// "Heavy axial sets this week".
    pub label: String,
    /// "6".
    pub value: String,
    /// How it reads.
    pub tone: Tone,
}

/// The bone-loading dose.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BoneSummary {
    /// "Bone loading".
    pub title: String,
    /// Heavy axial sets and sessions and landings this week, weeks of the
    /// last four that matched LIFTMOR, and the last heavy axial lift.
    pub rows: Vec<FigureRow>,
    /// What the figures are measured against, and with low bone mass why
    /// they matter.
    pub notes: Vec<Note>,
}

/// Keeping at it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AdherenceSummary {
    /// "Keeping at it".
    pub title: String,
    /// Weeks in a row with two or more sessions, sessions of the last four
    /// weeks (against the plan), the last session, the longest gap.
    pub rows: Vec<FigureRow>,
    /// Sessions of one movement pattern that came closer than 48 hours.
    pub notes: Vec<Note>,
}

/// A main lift's e1RM and records.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LiftProgress {
    /// The exercise.
    pub exercise_id: String,
    /// Its name.
    pub title: String,
    /// "e1RM 112.5 kg" (the best of the last 28 days, else the latest), or
    /// "No estimate yet".
    pub current: String,
    /// "+7.5 kg since 2025-12-09" against the chart's first point; null
    /// with fewer than two points.
    pub change: Option<String>,
    /// Up reads good; level or down reads neutral (a lift kept with age is
    /// a result too).
    pub tone: Tone,
    /// The e1RM over the last year.
    pub chart: SeriesChart,
    /// Best e1RM, heaviest weight and best volume, all time.
    pub records: Vec<RecordLine>,
}

/// A line chart with its axes decided.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SeriesChart {
    /// One per session, oldest first, in the person's unit.
    pub points: Vec<ChartPoint>,
    /// The x axis: the first day drawn.
    pub x_from: NaiveDate,
    /// The last day drawn (today).
    pub x_to: NaiveDate,
    /// The y axis's bottom, in the person's unit.
    pub y_min: f64,
    /// Its top.
    pub y_max: f64,
    /// The gap between grid lines.
    pub y_step: f64,
    /// The grid lines' labels, bottom first: "100 kg".
    pub y_labels: Vec<String>,
    /// Shown instead of the chart when it has no point: "No e1RM in the
    /// last year".
    pub empty: Option<String>,
}

/// A point of a chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChartPoint {
    /// The session's date.
    pub date: NaiveDate,
    /// The value in the person's unit.
    pub value: f64,
    /// What a tap on it says: "Tue 24 Nov: 112.5 kg (100 kg × 5)".
    pub label: String,
}

/// A record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RecordLine {
    /// The exercise's name.
    pub exercise: String,
    /// "Best e1RM", "Heaviest weight", "Best session volume".
    pub label: String,
    /// "120 kg".
    pub value: String,
    /// "2026-11-24 · up from 115 kg".
    pub detail: String,
    /// "New" when set in the last 28 days and beating an earlier one.
    pub badge: Option<String>,
    /// Good when new.
    pub tone: Tone,
}

/// A lift to show: its e1RM points and its all-time records.
#[derive(Debug, Clone)]
pub struct LiftInput {
    /// The exercise.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its e1RM points of the last [`CHART_DAYS`] days up to today, oldest
    /// first, after the newest one before them (if any).
    pub points: Vec<E1rmPoint>,
    /// Its heaviest-weight, best-e1RM and best-volume records.
    pub records: Vec<Record>,
}

/// What the screen is built from, read in one snapshot.
#[derive(Debug)]
pub struct ProgressInput<'a> {
    /// The day it is for.
    pub today: NaiveDate,
    /// The person's profile (unit, formula, bone status).
    pub profile: &'a Profile,
    /// Weekly figures of this week and the four before, oldest first.
    pub weeks: &'a [WeekStats],
    /// The lifts to show, in order.
    pub lifts: &'a [LiftInput],
    /// The last day with a heavy axial set ([`last_heavy_axial`]).
    pub last_heavy_axial: Option<NaiveDate>,
    /// Whether anything is logged at all.
    pub any_sets: bool,
    /// The date of every lifting session up to `today`.
    pub session_dates: &'a [NaiveDate],
    /// Sessions per movement pattern in the five weeks.
    pub spacing: &'a [PatternSpacing],
    /// Records set in the last 28 days (beating an earlier one or not).
    pub recent: &'a [Record],
}

/// Builds the screen.
pub fn build(input: &ProgressInput<'_>, text: &Text) -> ProgressScreen {
    let unit = input.profile.unit;
    let this_week = input.weeks.last();
    ProgressScreen {
        language: text.language(),
        title: text.get("progress-title"),
        week: week_summary(this_week, text),
        minutes: minutes_chart(input.weeks, text),
        bone: bone_summary(input, text),
        lifts: input
            .lifts
            .iter()
            .map(|l| lift(input, l, unit, text))
            .collect(),
        adherence: adherence(input, text),
        records_title: text.get("progress-records-title"),
        records: {
            let mut recent: Vec<&Record> = input
                .recent
                .iter()
                .filter(|r| is_new(r, input.today))
                .collect();
            recent.sort_by(|a, b| {
                b.date
                    .cmp(&a.date)
                    .then_with(|| a.exercise_name.cmp(&b.exercise_name))
            });
            recent
                .into_iter()
                .map(|r| record_row(r, input.today, unit, text))
                .collect()
        },
        empty: (!input.any_sets).then(|| EmptyState {
            title: text.get("progress-empty-title"),
            body: text.get("progress-empty-body"),
        }),
    }
}

fn count(n: u32) -> Arg {
    Arg::Count(n.into())
}

/// The tone of a week's minutes against the band.
fn band_tone(level: DoseLevel) -> Tone {
    match level {
        DoseLevel::Below => Tone::Neutral,
        DoseLevel::InBand => Tone::Good,
        DoseLevel::Above => Tone::Caution,
        DoseLevel::FarAbove => Tone::Alert,
    }
}

fn week_summary(week: Option<&WeekStats>, text: &Text) -> WeekSummary {
    let minutes = week.map_or(0, |w| w.lifting_minutes);
    let sessions = week.map_or(0, |w| w.sessions);
    let level = DoseLevel::of(minutes);
    WeekSummary {
        title: text.get("progress-this-week"),
        minutes: text.with("progress-week-minutes", &[("minutes", count(minutes))]),
        sessions: match week.and_then(|w| w.planned_sessions) {
            Some(planned) => text.with(
                "progress-week-sessions-planned",
                &[
                    ("done", count(sessions)),
                    ("planned", count(planned.into())),
                ],
            ),
            None => text.with("progress-week-sessions", &[("done", count(sessions))]),
        },
        band: super::today::dose_banner(level, text),
    }
}

fn minutes_chart(weeks: &[WeekStats], text: &Text) -> MinutesChart {
    let highest = weeks.iter().map(|w| w.lifting_minutes).max().unwrap_or(0);
    let top = highest.max(DOSE_MAX + 10);
    MinutesChart {
        title: text.get("progress-minutes-title"),
        bars: weeks
            .iter()
            .enumerate()
            .map(|(i, w)| MinutesBar {
                label: text.date(w.monday),
                minutes: w.lifting_minutes,
                value: text.with("progress-minutes", &[("minutes", count(w.lifting_minutes))]),
                tone: band_tone(DoseLevel::of(w.lifting_minutes)),
                current: i + 1 == weeks.len(),
            })
            .collect(),
        band_from: DOSE_MIN,
        band_to: DOSE_MAX,
        far_above: DOSE_LIMIT,
        axis_max: top.div_ceil(20) * 20,
    }
}

/// The last day with a heavy axial set up to `today`: by effort, or by a
/// working load of at least 80% of the exercise's best session e1RM in
/// the 28 days before it (the rule of [`crate::analytics::dose`]).
pub fn last_heavy_axial(
    sessions: &[ExerciseSession],
    axial: &HashSet<String>,
    formula: Formula,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let mut history: HashMap<&str, Vec<(NaiveDate, f64)>> = HashMap::new();
    for s in sessions.iter().filter(|s| axial.contains(&s.exercise_id)) {
        if let Some(e) = s.e1rm.iter().find(|e| e.formula == formula) {
            history
                .entry(&s.exercise_id)
                .or_default()
                .push((s.session_date, e.point.e1rm_kg));
        }
    }
    for points in history.values_mut() {
        points.sort_by_key(|p| p.0);
    }
    let reference = |exercise: &str, date: NaiveDate| -> Option<f64> {
        let points = history.get(exercise)?;
        let from = date
            .checked_sub_days(Days::new(RECENT_DAYS))
            .unwrap_or(NaiveDate::MIN);
        let lo = points.partition_point(|(d, _)| *d < from);
        let hi = points.partition_point(|(d, _)| *d < date);
        points[lo..hi].iter().map(|p| p.1).reduce(f64::max)
    };
    let mut last: Option<NaiveDate> = None;
    for s in sessions
        .iter()
        .rev()
        .filter(|s| axial.contains(&s.exercise_id))
    {
        if let Some(d) = s.heavy_effort.filter(|d| *d <= today) {
            last = last.max(Some(d));
        }
        if let Some((kg, d)) = s.heavy_load
            && d <= today
            && Some(d) > last
            && reference(&s.exercise_id, d).is_some_and(|e| e > 0.0 && kg >= HEAVY_FRACTION * e)
        {
            last = Some(d);
        }
    }
    last
}

fn bone_summary(input: &ProgressInput<'_>, text: &Text) -> BoneSummary {
    let (past, this) = match input.weeks.split_last() {
        Some((this, past)) => (past, Some(this)),
        None => (input.weeks, None),
    };
    let bone = this.map(|w| w.bone).unwrap_or_default();
    let matched = past.iter().filter(|w| w.bone.meets_liftmor).count() as u32;
    let last = input.last_heavy_axial;
    let last_row = match last {
        Some(d) => {
            let days = (input.today - d).num_days().max(0) as u64;
            FigureRow {
                label: text.get("progress-bone-last-heavy"),
                value: text.with(
                    "progress-bone-last-heavy-value",
                    &[("date", text.date(d).into()), ("days", Arg::Count(days))],
                ),
                tone: if days > 14 {
                    Tone::Caution
                } else {
                    Tone::Neutral
                },
            }
        }
        None => FigureRow {
            label: text.get("progress-bone-last-heavy"),
            value: text.get("progress-bone-last-heavy-none"),
            tone: Tone::Neutral,
        },
    };
    let figure = |label: &str, value: String, good: bool| FigureRow {
        label: text.get(label),
        value,
        tone: if good { Tone::Good } else { Tone::Neutral },
    };
    let mut notes = vec![Note {
        text: text.get("progress-bone-about"),
        label: None,
    }];
    if matches!(
        input.profile.bone_status,
        Some(BoneStatus::Osteopenia | BoneStatus::Osteoporosis)
    ) {
        notes.push(Note {
            text: text.get("progress-bone-low-mass"),
            label: None,
        });
    }
    BoneSummary {
        title: text.get("progress-bone-title"),
        rows: vec![
            figure(
                "progress-bone-heavy-sets",
                bone.heavy_axial_sets.to_string(),
                false,
            ),
            figure(
                "progress-bone-heavy-sessions",
                text.with(
                    "progress-of-target",
                    &[
                        ("done", count(bone.heavy_axial_sessions)),
                        ("target", count(2)),
                    ],
                ),
                bone.liftmor_lifting,
            ),
            figure(
                "progress-bone-landings",
                text.with(
                    "progress-of-target",
                    &[("done", count(bone.landings)), ("target", count(20))],
                ),
                bone.liftmor_impact,
            ),
            figure(
                "progress-bone-weeks",
                text.with(
                    "progress-of-target",
                    &[
                        ("done", count(matched)),
                        ("target", count(past.len() as u32)),
                    ],
                ),
                !past.is_empty() && matched as usize == past.len(),
            ),
            last_row,
        ],
        notes,
    }
}

/// A weight in the person's unit, to one decimal: `112.5 kg`.
fn shown(kg: f64, unit: WeightUnit, text: &Text) -> String {
    text.estimate(kg / unit.base_factor(), unit)
}

/// Axis bounds for values `lo..=hi`: a step of 1, 2, 2.5 or 5 times a
/// power of ten giving about four gaps, and bounds on the step.
pub fn axis(lo: f64, hi: f64) -> (f64, f64, f64) {
    let (lo, hi) = if hi - lo < 1e-9 {
        (lo - 5.0, hi + 5.0)
    } else {
        (lo, hi)
    };
    let rough = (hi - lo) / 4.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    let min = (lo / step).floor() * step;
    let max = (hi / step).ceil() * step;
    (min.max(0.0), max, step)
}

fn chart(points: &[E1rmPoint], today: NaiveDate, unit: WeightUnit, text: &Text) -> SeriesChart {
    let from = today
        .checked_sub_days(Days::new(CHART_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let drawn: Vec<ChartPoint> = points
        .iter()
        .filter(|p| p.date >= from && p.date <= today)
        .map(|p| {
            let value = p.e1rm_kg / unit.base_factor();
            ChartPoint {
                date: p.date,
                value: (value * 10.0).round() / 10.0,
                label: text.with(
                    "progress-point",
                    &[
                        ("date", text.date(p.date).into()),
                        ("e1rm", shown(p.e1rm_kg, unit, text).into()),
                        (
                            "load",
                            text.amount(p.weight_kg / unit.base_factor(), 2, unit.symbol())
                                .into(),
                        ),
                        ("reps", count(p.reps)),
                    ],
                ),
            }
        })
        .collect();
    let lo = drawn.iter().map(|p| p.value).reduce(f64::min);
    let hi = drawn.iter().map(|p| p.value).reduce(f64::max);
    let (y_min, y_max, y_step) = match (lo, hi) {
        (Some(lo), Some(hi)) => axis(lo, hi),
        _ => (0.0, 100.0, 25.0),
    };
    let mut y_labels = Vec::new();
    let mut y = y_min;
    while y <= y_max + y_step / 1000.0 {
        y_labels.push(text.amount(y, 2, unit.symbol()));
        y += y_step;
    }
    SeriesChart {
        empty: drawn.is_empty().then(|| text.get("progress-chart-empty")),
        points: drawn,
        x_from: from,
        x_to: today,
        y_min,
        y_max,
        y_step,
        y_labels,
    }
}

fn lift(input: &ProgressInput<'_>, l: &LiftInput, unit: WeightUnit, text: &Text) -> LiftProgress {
    let points: Vec<E1rmPoint> = l
        .points
        .iter()
        .filter(|p| p.date <= input.today)
        .cloned()
        .collect();
    let chart = chart(&points, input.today, unit, text);
    let now = current_e1rm(&points, input.today);
    let first = points.iter().find(|p| p.date >= chart.x_from);
    let change = match (first, now) {
        (Some(f), Some(n)) if f.workout_id != n.workout_id => Some(n.e1rm_kg - f.e1rm_kg),
        _ => None,
    };
    let records = &l.records;
    LiftProgress {
        exercise_id: l.id.clone(),
        title: l.name.clone(),
        current: match now {
            Some(p) => text.with(
                "progress-e1rm",
                &[("e1rm", shown(p.e1rm_kg, unit, text).into())],
            ),
            None => text.get("progress-e1rm-none"),
        },
        change: change.zip(first).map(|(delta, f)| {
            let sign = if delta >= 0.05 {
                "+"
            } else if delta <= -0.05 {
                "−"
            } else {
                "±"
            };
            text.with(
                "progress-change",
                &[
                    (
                        "change",
                        format!("{sign}{}", shown(delta.abs(), unit, text)).into(),
                    ),
                    ("date", text.full_date(f.date).into()),
                ],
            )
        }),
        tone: if change.is_some_and(|d| d >= 0.05) {
            Tone::Good
        } else {
            Tone::Neutral
        },
        chart,
        records: records
            .iter()
            .map(|r| record_row(r, input.today, unit, text))
            .collect(),
    }
}

/// Set in the last 28 days, beating an earlier record.
fn is_new(r: &Record, today: NaiveDate) -> bool {
    let recent = today
        .checked_sub_days(Days::new(RECENT_DAYS - 1))
        .is_some_and(|from| r.date >= from && r.date <= today);
    recent && r.previous.is_some()
}

fn adherence(input: &ProgressInput<'_>, text: &Text) -> AdherenceSummary {
    let streak = adherence::streak(input.session_dates, input.today);
    let gaps = adherence::gaps(input.session_dates, input.today);
    let past = input.weeks.split_last().map_or(input.weeks, |(_, p)| p);
    // Against the plan over the weeks it covers, as the statistics count
    // it; every session of the four weeks without one.
    let planned_weeks: Vec<(u32, u32)> = past
        .iter()
        .filter_map(|w| w.planned_sessions.map(|p| (w.sessions, u32::from(p))))
        .collect();
    let planned: Option<u32> =
        Some(planned_weeks.iter().map(|(_, p)| p).sum::<u32>()).filter(|p| *p > 0);
    let done: u32 = if planned.is_some() {
        planned_weeks.iter().map(|(s, _)| s).sum()
    } else {
        past.iter().map(|w| w.sessions).sum()
    };
    let mut rows = vec![FigureRow {
        label: text.get("progress-streak"),
        value: text.with(
            "progress-streak-value",
            &[
                ("weeks", count(streak.current_weeks)),
                ("longest", count(streak.longest_weeks)),
            ],
        ),
        tone: if streak.current_weeks >= 2 {
            Tone::Good
        } else {
            Tone::Neutral
        },
    }];
    rows.push(FigureRow {
        label: text.get("progress-four-weeks"),
        value: match planned {
            Some(p) => text.with(
                "progress-of-target",
                &[("done", count(done)), ("target", count(p))],
            ),
            None => done.to_string(),
        },
        tone: if planned.is_some_and(|p| done >= p) {
            Tone::Good
        } else {
            Tone::Neutral
        },
    });
    if let (Some(last), Some(days)) = (gaps.last_session, gaps.current_days) {
        rows.push(FigureRow {
            label: text.get("progress-last-session"),
            value: text.with(
                "progress-bone-last-heavy-value",
                &[("date", text.date(last).into()), ("days", count(days))],
            ),
            tone: if days > 7 {
                Tone::Caution
            } else {
                Tone::Neutral
            },
        });
    }
    if let (Some(days), Some(from), Some(to)) =
        (gaps.longest_days, gaps.longest_from, gaps.longest_to)
    {
        rows.push(FigureRow {
            label: text.get("progress-longest-gap"),
            value: text.with(
                "progress-longest-gap-value",
                &[
                    ("days", count(days)),
                    ("from", text.full_date(from).into()),
                    ("to", text.full_date(to).into()),
                ],
            ),
            tone: Tone::Neutral,
        });
    }
    let notes = input
        .spacing
        .iter()
        .filter(|p| p.too_close)
        .map(|p| Note {
            text: text.with(
                "progress-too-close",
                &[
                    (
                        "pattern",
                        text.get(&format!("pattern-{}", p.pattern)).into(),
                    ),
                    ("days", count(p.min_days.unwrap_or(0))),
                ],
            ),
            label: Some(text.get("note-rule-of-thumb")),
        })
        .collect();
    AdherenceSummary {
        title: text.get("progress-adherence-title"),
        rows,
        notes,
    }
}

fn record_row(r: &Record, today: NaiveDate, unit: WeightUnit, text: &Text) -> RecordLine {
    let label = match r.kind {
        RecordKind::HeaviestWeight if r.bodyweight => "progress-record-heaviest-added",
        RecordKind::HeaviestWeight => "progress-record-heaviest",
        RecordKind::BestE1rm => "progress-record-e1rm",
        RecordKind::BestVolume => "progress-record-volume",
        RecordKind::MostReps => "progress-record-reps",
    };
    // A value of this record's kind, in the person's unit.
    let amount = |kg: f64| match r.kind {
        RecordKind::BestE1rm => shown(kg, unit, text),
        RecordKind::BestVolume => text.amount((kg / unit.base_factor()).round(), 0, unit.symbol()),
        _ => text.amount(kg / unit.base_factor(), 2, unit.symbol()),
    };
    let value = amount(r.value);
    let new = is_new(r, today);
    let detail = match r.previous {
        Some(p) if new => text.with(
            "progress-record-detail-beat",
            &[
                ("date", text.full_date(r.date).into()),
                ("previous", amount(p).into()),
            ],
        ),
        _ => text.full_date(r.date),
    };
    RecordLine {
        exercise: r.exercise_name.clone(),
        label: text.get(label),
        value,
        detail,
        badge: new.then(|| text.get("progress-record-new")),
        tone: if new { Tone::Good } else { Tone::Neutral },
    }
}
