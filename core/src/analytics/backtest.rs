//! How well Heft's estimate of today's strength predicts the next session:
//! a replay of a history in date order (`heft backtest`, docs/FORECAST.md).
//!
//! For every exercise session with at least [`HISTORY_DAYS`] of earlier
//! history of that exercise, the session's best-set e1RM (the actual, as the
//! e1RM series counts it) is forecast from the sessions before it, two ways:
//! by the estimator the engine prescribes from
//! ([`crate::progression::forecast`]), and by the naive number, the best
//! e1RM of the 28 days before ([`current_e1rm`], the Progress screen's "e1RM
//! now"; when those days hold none, the latest before). Pure: sets in, rows
//! and a summary out.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::input::AnalyticsSet;
use super::records::grams;
use super::strength::{E1rmPoint, current_e1rm};
use crate::model::WeightUnit;
use crate::progression::forecast::{ForecastSet, Forecaster, Model};
use crate::progression::strength::Formula;

/// Days of earlier history of an exercise a session needs to be forecast.
pub const HISTORY_DAYS: i64 = 28;
/// Days without the exercise after which a session counts as after a gap.
pub const GAP_DAYS: i64 = 14;
/// Days from an exercise's first session within which a session counts as
/// in its first weeks.
pub const EARLY_DAYS: i64 = 56;

/// Where a session stands in its exercise's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    /// Training as usual.
    Steady,
    /// The first session after [`GAP_DAYS`] or more without the exercise.
    Gap,
    /// Within [`EARLY_DAYS`] of the exercise's first session (and not after a gap).
    FirstWeeks,
}

/// One exercise session of the replay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacktestRow {
    /// The session's date.
    pub date: NaiveDate,
    /// The exercise as the history names it (for a CSV file, the name the
    /// file first gives it).
    pub exercise: String,
    /// Heft's exercise id.
    pub exercise_id: String,
    /// The best set's load, in `unit`.
    pub load: f64,
    /// The unit the best set was logged in.
    pub unit: WeightUnit,
    /// The best set's reps.
    pub reps: u32,
    /// The session's best-set e1RM, in `unit`.
    pub actual: f64,
    /// Heft's forecast, in `unit`; `None` without enough history.
    pub heft: Option<f64>,
    /// The naive forecast, in `unit`; `None` without enough history.
    pub baseline: Option<f64>,
    /// Where the session stands.
    pub situation: Situation,
    /// `actual`, `heft` and `baseline` in kg, unrounded: what the errors
    /// are computed from.
    #[serde(skip)]
    pub kg: (f64, Option<f64>, Option<f64>),
}

/// Mean absolute percentage errors over some forecasts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Sessions forecast both ways.
    pub forecasts: u64,
    /// Heft's MAPE, percent; `None` without forecasts.
    pub heft_mape: Option<f64>,
    /// The naive forecast's MAPE, percent.
    pub baseline_mape: Option<f64>,
}

impl Accuracy {
    fn of<'a>(rows: impl Iterator<Item = &'a BacktestRow>) -> Accuracy {
        let (mut n, mut heft, mut base) = (0_u64, 0.0, 0.0);
        for r in rows {
            let (actual, h, b) = r.kg;
            if let (Some(h), Some(b)) = (h, b)
                && actual > 0.0
            {
                n += 1;
                heft += ((h - actual) / actual).abs();
                base += ((b - actual) / actual).abs();
            }
        }
        let pct = |s: f64| (n > 0).then(|| s / n as f64 * 100.0);
        Accuracy {
            forecasts: n,
            heft_mape: pct(heft),
            baseline_mape: pct(base),
        }
    }

    /// How much lower Heft's MAPE is than the naive one's, percent.
    pub fn improvement(&self) -> Option<f64> {
        match (self.heft_mape, self.baseline_mape) {
            (Some(h), Some(b)) if b > 0.0 => Some((1.0 - h / b) * 100.0),
            _ => None,
        }
    }
}

/// The replay's counts and accuracy, overall and by situation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct BacktestSummary {
    /// Exercise sessions with a best-set e1RM.
    pub sessions: u64,
    /// Every forecast.
    pub overall: Accuracy,
    /// Steady training.
    pub steady: Accuracy,
    /// After a gap of [`GAP_DAYS`] or more.
    pub gap: Accuracy,
    /// In the first [`EARLY_DAYS`] of an exercise.
    pub first_weeks: Accuracy,
}

/// A replay: one row per exercise session in date order, and the summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Backtest {
    /// The sessions.
    pub rows: Vec<BacktestRow>,
    /// Counts and accuracy.
    pub summary: BacktestSummary,
}

/// One exercise's sets in one workout, in order.
struct ExerciseSession<'a> {
    sets: Vec<&'a AnalyticsSet>,
}

/// What the replay remembers of an exercise.
#[derive(Default)]
struct Seen {
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    points: Vec<E1rmPoint>,
}

/// Replays `sets`, ordered by workout start (then workout and position, as
/// the store reads them), with e1RMs by `formula`. `names` gives an
/// exercise id the name to show (the exercise's own name otherwise);
/// Heft's forecasts are `model`'s ([`Model::HEFT`] for the engine's).
pub fn replay(
    sets: &[AnalyticsSet],
    formula: Formula,
    names: &HashMap<String, String>,
    model: &Model,
) -> Backtest {
    let mut forecaster = Forecaster::with_model(formula, *model);
    let mut seen: HashMap<&str, Seen> = HashMap::new();
    let mut rows = Vec::new();
    let mut day: Vec<ExerciseSession> = Vec::new();
    let mut i = 0;
    while i < sets.len() {
        // One date's workouts: forecast them all, then learn from them.
        let date = sets[i].session_date();
        day.clear();
        while i < sets.len() && sets[i].session_date() == date {
            let workout = &sets[i].workout_id;
            let mut index: HashMap<&str, usize> = HashMap::new();
            while i < sets.len() && sets[i].workout_id == *workout {
                let s = &sets[i];
                let at = *index.entry(&s.exercise.id).or_insert_with(|| {
                    day.push(ExerciseSession { sets: Vec::new() });
                    day.len() - 1
                });
                day[at].sets.push(s);
                i += 1;
            }
        }
        for session in &day {
            let Some(first) = session.sets.first() else {
                continue;
            };
            let id = first.exercise.id.as_str();
            let Some((best, actual_kg)) = best_set(&session.sets, formula) else {
                continue;
            };
            let past = seen.get(id);
            let eligible = past
                .and_then(|p| p.first)
                .is_some_and(|f| (date - f).num_days() >= HISTORY_DAYS);
            let (heft_kg, base_kg) = if eligible {
                let heft = forecaster.forecast(id, date).map(|f| f.e1rm_kg);
                let base = past.and_then(|p| {
                    let yesterday = date.checked_sub_days(Days::new(1))?;
                    current_e1rm(&p.points, yesterday).map(|b| b.e1rm_kg)
                });
                (heft, base)
            } else {
                (None, None)
            };
            let situation = match past.and_then(|p| Some((p.first?, p.last?))) {
                Some((_, last)) if (date - last).num_days() >= GAP_DAYS => Situation::Gap,
                Some((first, _)) if (date - first).num_days() < EARLY_DAYS => Situation::FirstWeeks,
                None => Situation::FirstWeeks,
                _ => Situation::Steady,
            };
            let unit = best.load_unit.unwrap_or(WeightUnit::Kg);
            let shown = |kg: f64| unit.of_kg(kg);
            rows.push(BacktestRow {
                date,
                exercise: names
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| best.exercise.name.clone()),
                exercise_id: id.to_owned(),
                load: shown(best.external_kg().unwrap_or(0.0)),
                unit,
                reps: best.reps.unwrap_or(0),
                actual: shown(actual_kg),
                heft: heft_kg.map(shown),
                baseline: base_kg.map(shown),
                situation,
                kg: (actual_kg, heft_kg, base_kg),
            });
        }
        // Learn from the day: every session of it, points or not.
        for session in &day {
            let Some(first) = session.sets.first() else {
                continue;
            };
            let id = first.exercise.id.as_str();
            let forecast_sets: Vec<ForecastSet> = session
                .sets
                .iter()
                .filter(|s| s.is_work())
                .filter_map(|s| {
                    Some(ForecastSet {
                        kg: s.external_kg()?,
                        reps: s.reps?,
                        rir: s.rir,
                    })
                })
                .collect();
            forecaster.observe(id, date, &forecast_sets);
            let entry = seen.entry(id).or_default();
            entry.first.get_or_insert(date);
            entry.last = Some(date);
            if let Some((best, e1rm)) = best_set(&session.sets, formula) {
                entry.points.push(E1rmPoint {
                    date,
                    workout_id: best.workout_id.to_string(),
                    set_id: best.set_id.clone(),
                    e1rm_kg: e1rm,
                    weight_kg: best.external_kg().unwrap_or(0.0),
                    reps: best.reps.unwrap_or(0),
                    rir: best.rir,
                });
            }
        }
    }
    let summary = BacktestSummary {
        sessions: rows.len() as u64,
        overall: Accuracy::of(rows.iter()),
        steady: Accuracy::of(rows.iter().filter(|r| r.situation == Situation::Steady)),
        gap: Accuracy::of(rows.iter().filter(|r| r.situation == Situation::Gap)),
        first_weeks: Accuracy::of(rows.iter().filter(|r| r.situation == Situation::FirstWeeks)),
    };
    Backtest { rows, summary }
}

/// The session's best set by e1RM and its e1RM, as the e1RM series picks it
/// (compared in grams, the earlier set at a tie).
fn best_set<'a>(sets: &[&'a AnalyticsSet], formula: Formula) -> Option<(&'a AnalyticsSet, f64)> {
    let mut best: Option<(&AnalyticsSet, f64, i64)> = None;
    for s in sets {
        let Some(e) = s.e1rm(formula) else { continue };
        let Some(g) = grams(e) else { continue };
        if best.is_none_or(|(_, _, bg)| g > bg) {
            best = Some((s, e, g));
        }
    }
    best.map(|(s, e, _)| (s, e))
}

#[cfg(test)]
mod tests;
