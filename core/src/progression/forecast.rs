//! What a lifter can do today, forecast from what they did before: the
//! estimate the engine prescribes from (a lift's estimate seeded from
//! history) and the one `heft backtest` measures.
//!
//! A [`Forecaster`] takes a lifter's sessions in date order
//! ([`Forecaster::observe`]) and forecasts an exercise's best-set e1RM on a
//! later day ([`Forecaster::forecast`]). The model, and the evidence behind
//! each part, is in docs/PROGRESSION.md ("Today's strength, forecast from
//! history") and
//! docs/FORECAST.md:
//!
//! - each past session gives one point, its strongest set's e1RM, counting
//!   the reps in reserve where logged (reserve reported far from failure
//!   counts half past RIR 3, as the engine reads it) and, where logged, the
//!   reps the sets before cost (fatigue across sets);
//! - five forecasters read those points: the last session, a
//!   recency-weighted trend line, a recency-weighted mean, the mean of the
//!   last three sessions and the best of the last 28 days (the number other
//!   apps show);
//! - they are blended by how well each forecast this lifter's own earlier
//!   sessions (a track record over every exercise, recent ones counting
//!   most): a lifter whose sessions climb steadily gets the last session and
//!   the trend, one whose sessions swing between heavy and light days gets
//!   the means; the blend is corrected by part of the lifter's own bias
//!   (how far it has run under or over);
//! - a forecast after a long gap is lowered for detraining.
//!
//! The track record is everything observed: a forecast for a day reads only
//! the points before it, but scores learnt from sessions of that day or
//! later count too, so a replay observes a day only after forecasting it.
//!
//! Pure: sessions and dates in, a number out. Loads in kg.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::strength::{self, Formula};

/// Most reps a set may have to give a point: the formulas are validated to
/// 10 reps (SCIENCE.md), as for the e1RM series.
pub const MAX_POINT_REPS: u32 = 10;
/// History older than this many days is not read.
pub const WINDOW_DAYS: i64 = 365;
/// Days of points the trend line is fitted to.
const TREND_DAYS: i64 = 180;
/// Days of points behind the "best of the last 28 days" forecaster.
const RECENT_DAYS: i64 = 28;
/// An earlier set at this share of a set's load or more costs it reps.
const FATIGUE_LOAD_SHARE: f64 = 0.9;

/// The model's settings. [`Model::HEFT`] is the one the engine and
/// `heft backtest` use; the others exist to measure what each part is worth
/// (docs/FORECAST.md).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    /// Read reps in reserve where logged, and the fatigue of later sets.
    pub effort: bool,
    /// Half-life in days of a point's weight in the trend line. [design,
    /// chosen on held-out real histories, docs/FORECAST.md]
    pub trend_half_life_days: f64,
    /// Half-life in days of a residual's weight when the trend line is
    /// placed (their weighted median), and of a point's in the
    /// recency-weighted mean.
    pub level_half_life_days: f64,
    /// Ridge penalty on the trend's slope (ln e1RM per week; squared
    /// weeks): a few sessions do not make a trend. [design]
    pub slope_ridge: f64,
    /// Largest trend taken, as a share of e1RM per week: faster gains are
    /// noise or a beginner's first weeks. [design]
    pub max_slope: f64,
    /// Days since the exercise was last done from which detraining counts.
    pub detraining_days: i64,
    /// Share of e1RM kept after a gap of `detraining_days` or more.
    pub detrained_share: f64,
    /// How much a forecaster's older errors count against newer ones, per
    /// session forecast (a memory of about twenty sessions at 0.95).
    pub record_decay: f64,
    /// Added to a forecaster's mean absolute error before weighting by its
    /// inverse square, so that no one forecaster takes all the weight.
    pub error_floor: f64,
    /// Sessions' worth of "no bias" the lifter's own bias is shrunk with;
    /// infinite turns the correction off.
    pub bias_prior: f64,
    /// Reps a set with logged RIR lost to each earlier set of the session
    /// at about its load.
    pub fatigue_reps_per_set: f64,
}

impl Model {
    /// The model Heft uses.
    pub const HEFT: Model = Model {
        effort: true,
        trend_half_life_days: 7.0,
        level_half_life_days: 14.0,
        slope_ridge: 4.0,
        max_slope: 0.02,
        detraining_days: 35,
        // Real histories show little loss in the median after months off
        // (strength persists, Yang 2022) but a wide spread, where a forecast
        // 5% lower is the better guess.
        detrained_share: 0.95,
        record_decay: 0.95,
        error_floor: 0.02,
        bias_prior: 5.0,
        // PROGRESSION.md "Fatigue across sets": the engine's allowance for
        // long rests.
        fatigue_reps_per_set: super::engine::REPS_LOST_PER_SET,
    };
}

impl Default for Model {
    fn default() -> Self {
        Model::HEFT
    }
}

/// The forecasters a forecast blends.
const KINDS: usize = 5;

/// One set as the forecast reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForecastSet {
    /// External load, kg.
    pub kg: f64,
    /// Reps done.
    pub reps: u32,
    /// Reps in reserve, when the person reported them.
    pub rir: Option<f64>,
}

/// The set a session's point came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointSet {
    /// Its index among the session's sets.
    pub index: usize,
    /// The session's strength it shows, kg.
    pub e1rm_kg: f64,
}

/// A session's point: the strongest of its sets, by `formula`, with the
/// reps in reserve where logged and what the sets before cost. `None` when
/// no set has a load and 1..=[`MAX_POINT_REPS`] reps.
pub fn session_point(sets: &[ForecastSet], formula: Formula, model: &Model) -> Option<PointSet> {
    let mut best: Option<PointSet> = None;
    for (i, s) in sets.iter().enumerate() {
        if !(1..=MAX_POINT_REPS).contains(&s.reps) || !s.kg.is_finite() || s.kg <= 0.0 {
            continue;
        }
        let rir = s.rir.filter(|_| model.effort).map(|r| {
            // Reserve reported far from failure is judged loosely: half of
            // it past RIR 3 counts, as the engine reads it.
            let r = r.max(0.0);
            let counted = if r <= super::engine::CALIBRATION_RIR {
                r
            } else {
                super::engine::CALIBRATION_RIR + (r - super::engine::CALIBRATION_RIR) / 2.0
            };
            // A set rated after others at about its load was rated tired:
            // fresh, it had the reps the sets before it cost.
            let before = sets[..i]
                .iter()
                .filter(|p| p.kg >= s.kg * FATIGUE_LOAD_SHARE && p.reps > 0)
                .count();
            counted + model.fatigue_reps_per_set * before as f64
        });
        // Past the chart's 12 reps to failure: cap the reserve there.
        let rir = rir.map(|r| r.min(strength::MAX_EFFECTIVE_REPS - f64::from(s.reps)));
        let Some(e) = strength::e1rm(s.kg, s.reps, rir, formula) else {
            continue;
        };
        if best.is_none_or(|b| e > b.e1rm_kg) {
            best = Some(PointSet {
                index: i,
                e1rm_kg: e,
            });
        }
    }
    best
}

/// One past session's point of an exercise.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    date: NaiveDate,
    /// ln of the e1RM in kg.
    ln: f64,
}

/// What a forecast is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// The forecast best-set e1RM, kg.
    pub e1rm_kg: f64,
    /// Sessions of the exercise it read (within [`WINDOW_DAYS`]).
    pub sessions: usize,
    /// The last session it read.
    pub last_session: NaiveDate,
    /// Days from that session to the day forecast.
    pub days_off: i64,
    /// Share kept for detraining (1 when the gap is short).
    pub detraining: f64,
}

/// A lifter's history as the forecast reads it, fed in date order.
#[derive(Debug, Clone)]
pub struct Forecaster {
    formula: Formula,
    model: Model,
    points: HashMap<String, Vec<Point>>,
    /// Per forecaster, decayed sum of absolute relative errors and the
    /// decayed count they are divided by.
    errors: [f64; KINDS],
    weight: f64,
    /// Decayed sum of ln(actual / forecast): how far this lifter's
    /// forecasts have run high or low.
    bias: f64,
}

impl Forecaster {
    /// An empty history; points are e1RMs by `formula`; Heft's model.
    pub fn new(formula: Formula) -> Forecaster {
        Forecaster::with_model(formula, Model::HEFT)
    }

    /// An empty history read by `model`.
    pub fn with_model(formula: Formula, model: Model) -> Forecaster {
        Forecaster {
            formula,
            model,
            points: HashMap::new(),
            errors: [0.0; KINDS],
            weight: 0.0,
            bias: 0.0,
        }
    }

    /// Adds one session of `exercise_id` on `date`: its sets in the order
    /// done. Sessions must come in date order (several on one day in any
    /// order); each first scores the forecasts that could have been made
    /// for it, then joins the history. Returns its point, if it has one.
    pub fn observe(
        &mut self,
        exercise_id: &str,
        date: NaiveDate,
        sets: &[ForecastSet],
    ) -> Option<PointSet> {
        let point = session_point(sets, self.formula, &self.model)?;
        let actual = point.e1rm_kg;
        if let Some(kinds) = self.kinds(exercise_id, date) {
            let blended = self.blend(&kinds);
            self.bias = self.bias * self.model.record_decay + (actual.ln() - blended);
            for (e, k) in self.errors.iter_mut().zip(kinds) {
                *e = *e * self.model.record_decay + ((k.exp() - actual) / actual).abs();
            }
            self.weight = self.weight * self.model.record_decay + 1.0;
        }
        let points = self.points.entry(exercise_id.to_owned()).or_default();
        // Same-day sessions (two workouts a day) keep date order.
        let at = points.partition_point(|p| p.date <= date);
        points.insert(
            at,
            Point {
                date,
                ln: actual.ln(),
            },
        );
        Some(point)
    }

    /// The first session of `exercise_id` seen, if any.
    pub fn first_session(&self, exercise_id: &str) -> Option<NaiveDate> {
        self.points.get(exercise_id)?.first().map(|p| p.date)
    }

    /// The exercise's best-set e1RM forecast for `date` from the sessions
    /// before it (within [`WINDOW_DAYS`]); `None` without any.
    pub fn forecast(&self, exercise_id: &str, date: NaiveDate) -> Option<Forecast> {
        let kinds = self.kinds(exercise_id, date)?;
        let ln = self.blend(&kinds);
        let points = self.before(exercise_id, date);
        let last = points.last()?;
        let days_off = (date - last.date).num_days();
        let detraining = self.model.detraining_share(days_off);
        let e1rm_kg = ln.exp();
        e1rm_kg.is_finite().then_some(Forecast {
            e1rm_kg,
            sessions: points.len(),
            last_session: last.date,
            days_off,
            detraining,
        })
    }

    /// The forecasters' blend, ln e1RM, corrected by the lifter's own bias
    /// (shrunk towards none while the record is short).
    fn blend(&self, kinds: &[f64; KINDS]) -> f64 {
        let weights = self.blend_weights();
        let total: f64 = weights.iter().sum();
        let ln = kinds.iter().zip(weights).map(|(k, w)| k * w).sum::<f64>() / total;
        ln + self.bias / (self.weight + self.model.bias_prior)
    }

    /// The weight of each forecaster: the inverse square of its track
    /// record's mean error (plus a floor). Before any record, the trend line.
    fn blend_weights(&self) -> [f64; KINDS] {
        if self.weight <= 0.0 {
            let mut w = [0.0; KINDS];
            w[TREND] = 1.0;
            return w;
        }
        self.errors
            .map(|e| 1.0 / (e / self.weight + self.model.error_floor).powi(2))
    }

    /// The points of `exercise_id` within the window before `date`.
    fn before(&self, exercise_id: &str, date: NaiveDate) -> &[Point] {
        let Some(points) = self.points.get(exercise_id) else {
            return &[];
        };
        let end = points.partition_point(|p| p.date < date);
        let start = points[..end].partition_point(|p| (date - p.date).num_days() > WINDOW_DAYS);
        &points[start..end]
    }

    /// Each forecaster's ln e1RM for `date`, detraining included.
    fn kinds(&self, exercise_id: &str, date: NaiveDate) -> Option<[f64; KINDS]> {
        let points = self.before(exercise_id, date);
        let last = points.last()?;
        let days = |p: &Point| (date - p.date).num_days() as f64;
        let mut k = [0.0; KINDS];
        k[LAST] = last.ln;
        k[TREND] = trend_line(points, date, &self.model);
        // Recency-weighted mean.
        let (mut sw, mut sy) = (0.0, 0.0);
        for p in points {
            let w = 0.5_f64.powf(days(p) / self.model.level_half_life_days);
            sw += w;
            sy += w * p.ln;
        }
        k[MEAN] = if sw > 0.0 { sy / sw } else { last.ln };
        let tail = &points[points.len().saturating_sub(3)..];
        k[LAST_THREE] = tail.iter().map(|p| p.ln).sum::<f64>() / tail.len() as f64;
        k[RECENT_BEST] = points
            .iter()
            .rev()
            .take_while(|p| (date - p.date).num_days() <= RECENT_DAYS)
            .map(|p| p.ln)
            .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))))
            .unwrap_or(last.ln);
        let detrain = self.model.detraining_share(days(last) as i64).ln();
        Some(k.map(|x| x + detrain))
    }
}

const LAST: usize = 0;
const TREND: usize = 1;
const MEAN: usize = 2;
const LAST_THREE: usize = 3;
const RECENT_BEST: usize = 4;

impl Model {
    /// Share of e1RM kept after `days_off` days without the exercise.
    pub fn detraining_share(&self, days_off: i64) -> f64 {
        if days_off >= self.detraining_days {
            self.detrained_share
        } else {
            1.0
        }
    }
}

/// The recency-weighted trend line's value (ln e1RM) on `date`: a weighted
/// least-squares line through the last [`TREND_DAYS`] of points (by the
/// model's half-life), its slope shrunk towards flat and capped, placed by the weighted median of the residuals
/// (robust to a light day or a missed top set). `points` is not empty.
fn trend_line(points: &[Point], date: NaiveDate, model: &Model) -> f64 {
    let recent: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| (date - p.date).num_days() <= TREND_DAYS)
        .map(|p| (-((date - p.date).num_days() as f64) / 7.0, p.ln))
        .collect();
    let recent = if recent.is_empty() {
        // Nothing in the last months: the last session alone.
        points[points.len() - 1..]
            .iter()
            .map(|p| (-((date - p.date).num_days() as f64) / 7.0, p.ln))
            .collect()
    } else {
        recent
    };
    let weight = |t: f64, half: f64| 0.5_f64.powf(-t * 7.0 / half);
    let (mut sw, mut st, mut sy) = (0.0, 0.0, 0.0);
    for &(t, y) in &recent {
        let w = weight(t, model.trend_half_life_days);
        sw += w;
        st += w * t;
        sy += w * y;
    }
    let (mt, my) = (st / sw, sy / sw);
    let (mut stt, mut sty) = (0.0, 0.0);
    for &(t, y) in &recent {
        let w = weight(t, model.trend_half_life_days);
        stt += w * (t - mt) * (t - mt);
        sty += w * (t - mt) * (y - my);
    }
    let slope = (sty / (stt + model.slope_ridge)).clamp(-model.max_slope, model.max_slope);
    let mut residuals: Vec<(f64, f64)> = recent
        .iter()
        .map(|&(t, y)| {
            (
                y - (my + slope * (t - mt)),
                weight(t, model.level_half_life_days),
            )
        })
        .collect();
    my - slope * mt + weighted_median(&mut residuals)
}

/// The weighted median of `(value, weight)` pairs (the lower one at a tie).
fn weighted_median(pairs: &mut [(f64, f64)]) -> f64 {
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: f64 = pairs.iter().map(|p| p.1).sum();
    let mut seen = 0.0;
    for &(v, w) in pairs.iter() {
        seen += w;
        if seen >= total / 2.0 {
            return v;
        }
    }
    pairs.last().map_or(0.0, |p| p.0)
}

#[cfg(test)]
mod tests;
