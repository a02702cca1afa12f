//! Strength over time: the estimated one-rep max (e1RM) of each session, and
//! how today's compares with an earlier date.
//!
//! A session's e1RM is its best set's: working or failure sets with an
//! external load, 1-10 reps, RIR-aware ([`AnalyticsSet::e1rm`]), with the
//! formula from the profile (Epley unless set) named in the output.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::input::AnalyticsSet;
use super::records::grams;
use crate::progression::strength::Formula;

/// Days of sessions that make up "e1RM now" and the e1RM a set is compared
/// with for the bone dose; also the half-width of a retention baseline window.
pub const RECENT_DAYS: u64 = 28;

/// One session's best set of one exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct E1rmPoint {
    /// The session's date (local date its workout started).
    pub date: NaiveDate,
    /// The workout.
    pub workout_id: String,
    /// The set the estimate came from.
    pub set_id: String,
    /// Estimated one-rep max, kg.
    pub e1rm_kg: f64,
    /// The set's load, kg.
    pub weight_kg: f64,
    /// The set's reps.
    pub reps: u32,
    /// The set's reps in reserve, when reported.
    pub rir: Option<f64>,
}

/// e1RM of one exercise, one point per session, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct E1rmSeries {
    /// Exercise id.
    pub exercise_id: String,
    /// Exercise name.
    pub name: String,
    /// The formula used.
    pub formula: Formula,
    /// Its name as shown ("Epley").
    pub formula_name: String,
    /// One point per session with a set that gives an estimate.
    pub points: Vec<E1rmPoint>,
}

/// A best candidate: value, the value in grams it is compared by, and the
/// set (its order key breaks ties).
struct Best<'a> {
    set: &'a AnalyticsSet,
    e1rm: f64,
    grams: i64,
}

/// Per session, the best e1RM of `exercise_id`'s sets, oldest first. Ties
/// go to the earlier set. Values are compared in grams, as records are: two
/// sets whose estimates are equal but for floating-point noise (60 kg x 5
/// and 70 kg x 1 by Epley) tie, rather than the noise picking one.
pub fn session_points<'a, I>(sets: I, exercise_id: &str, formula: Formula) -> Vec<E1rmPoint>
where
    I: IntoIterator<Item = &'a AnalyticsSet>,
{
    let mut best: HashMap<&str, Best<'a>> = HashMap::new();
    for s in sets {
        if s.exercise.id != exercise_id {
            continue;
        }
        let Some(e1rm) = s.e1rm(formula) else {
            continue;
        };
        let Some(g) = grams(e1rm) else {
            continue;
        };
        let candidate = Best {
            set: s,
            e1rm,
            grams: g,
        };
        match best.get_mut(&*s.workout_id) {
            Some(b) if b.grams > g || (b.grams == g && b.set.order_key() <= s.order_key()) => {}
            Some(b) => *b = candidate,
            None => {
                best.insert(&s.workout_id, candidate);
            }
        }
    }
    let mut points: Vec<(i64, E1rmPoint)> = best
        .into_values()
        .map(|b| {
            let s = b.set;
            let point = E1rmPoint {
                date: s.session_date(),
                workout_id: s.workout_id.to_string(),
                set_id: s.set_id.clone(),
                e1rm_kg: b.e1rm,
                weight_kg: s.external_kg().unwrap_or(0.0),
                reps: s.reps.unwrap_or(0),
                rir: s.rir,
            };
            (s.workout_start.utc_ms(), point)
        })
        .collect();
    points.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.workout_id.cmp(&b.1.workout_id))
    });
    points.into_iter().map(|(_, p)| p).collect()
}

/// The e1RM series of one exercise from `sets` (other exercises' sets are skipped).
pub fn e1rm_series<'a, I>(exercise_id: &str, name: &str, sets: I, formula: Formula) -> E1rmSeries
where
    I: IntoIterator<Item = &'a AnalyticsSet>,
{
    E1rmSeries {
        exercise_id: exercise_id.to_owned(),
        name: name.to_owned(),
        formula,
        formula_name: formula.name().to_owned(),
        points: session_points(sets, exercise_id, formula),
    }
}

/// The best point dated in `from..=to`.
fn best_between(points: &[E1rmPoint], from: NaiveDate, to: NaiveDate) -> Option<&E1rmPoint> {
    points
        .iter()
        .filter(|p| p.date >= from && p.date <= to && p.e1rm_kg.is_finite())
        .fold(None, |best: Option<&E1rmPoint>, p| match best {
            // In grams, as points are chosen: noise does not beat an
            // earlier equal best.
            Some(b) if grams(b.e1rm_kg) >= grams(p.e1rm_kg) => Some(b),
            _ => Some(p),
        })
}

fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// e1RM "now": the best session of the [`RECENT_DAYS`] days ending on
/// `today`, or when there is none, the latest session on or before `today`.
pub fn current_e1rm(points: &[E1rmPoint], today: NaiveDate) -> Option<&E1rmPoint> {
    best_between(points, days_before(today, RECENT_DAYS - 1), today).or_else(|| {
        points
            .iter()
            .filter(|p| p.date <= today && p.e1rm_kg.is_finite())
            .max_by_key(|p| p.date)
    })
}

/// Strength kept: e1RM now against the best e1RM around a baseline date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Retention {
    /// Exercise id.
    pub exercise_id: String,
    /// Exercise name.
    pub name: String,
    /// The formula used.
    pub formula: Formula,
    /// The date asked for.
    pub baseline_date: NaiveDate,
    /// First day of the baseline window (baseline - 28 days).
    pub baseline_from: NaiveDate,
    /// Last day of the baseline window (baseline + 28 days, at most today).
    pub baseline_to: NaiveDate,
    /// Best session e1RM in the baseline window, kg.
    pub baseline_e1rm_kg: Option<f64>,
    /// The session it came from.
    pub baseline_session: Option<NaiveDate>,
    /// e1RM now ([`current_e1rm`]), kg.
    pub current_e1rm_kg: Option<f64>,
    /// The session it came from.
    pub current_session: Option<NaiveDate>,
    /// Current as a percentage of baseline ("104% of where it was").
    pub percent: Option<f64>,
}

/// How `series` stands on `today` against the best session within
/// [`RECENT_DAYS`] days either side of `baseline` (clipped at `today`).
pub fn retention(series: &E1rmSeries, baseline: NaiveDate, today: NaiveDate) -> Retention {
    let from = days_before(baseline, RECENT_DAYS);
    let to = days_after(baseline, RECENT_DAYS).min(today);
    let base = best_between(&series.points, from, to);
    let now = current_e1rm(&series.points, today);
    let percent = match (base, now) {
        (Some(b), Some(n)) if b.e1rm_kg > 0.0 => {
            Some(n.e1rm_kg / b.e1rm_kg * 100.0).filter(|p| p.is_finite())
        }
        _ => None,
    };
    Retention {
        exercise_id: series.exercise_id.clone(),
        name: series.name.clone(),
        formula: series.formula,
        baseline_date: baseline,
        baseline_from: from,
        baseline_to: to,
        baseline_e1rm_kg: base.map(|p| p.e1rm_kg),
        baseline_session: base.map(|p| p.date),
        current_e1rm_kg: now.map(|p| p.e1rm_kg),
        current_session: now.map(|p| p.date),
        percent,
    }
}

/// Each exercise's session e1RMs by date, to look up the e1RM "at the time"
/// of a set: the best session in the [`RECENT_DAYS`] days before its date.
#[derive(Debug, Default, Clone)]
pub struct E1rmHistory {
    by_exercise: HashMap<String, Vec<(NaiveDate, f64)>>,
}

impl E1rmHistory {
    /// Session bests of every exercise in `sets`, for exercises `wanted` accepts.
    pub fn from_sets<'a, I>(
        sets: I,
        formula: Formula,
        wanted: impl Fn(&AnalyticsSet) -> bool,
    ) -> Self
    where
        I: IntoIterator<Item = &'a AnalyticsSet>,
    {
        let mut best: HashMap<(&str, &str), (NaiveDate, f64)> = HashMap::new();
        for s in sets {
            if !wanted(s) {
                continue;
            }
            if let Some(e) = s.e1rm(formula) {
                let entry = best
                    .entry((s.exercise.id.as_str(), &*s.workout_id))
                    .or_insert((s.session_date(), e));
                if e > entry.1 {
                    entry.1 = e;
                }
            }
        }
        let mut h = E1rmHistory::default();
        for ((exercise, _), point) in best {
            h.push(exercise, point.0, point.1);
        }
        h.sort();
        h
    }

    /// Adds one session's best (call [`E1rmHistory::sort`] before looking up).
    pub fn push(&mut self, exercise_id: &str, date: NaiveDate, e1rm_kg: f64) {
        if !e1rm_kg.is_finite() {
            return;
        }
        match self.by_exercise.get_mut(exercise_id) {
            Some(v) => v.push((date, e1rm_kg)),
            None => {
                self.by_exercise
                    .insert(exercise_id.to_owned(), vec![(date, e1rm_kg)]);
            }
        }
    }

    /// Orders every exercise's sessions by date.
    pub fn sort(&mut self) {
        for v in self.by_exercise.values_mut() {
            v.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        }
    }

    /// The best session e1RM of `exercise_id` dated in the [`RECENT_DAYS`]
    /// days before `date` (the day itself excluded).
    pub fn before(&self, exercise_id: &str, date: NaiveDate) -> Option<f64> {
        let v = self.by_exercise.get(exercise_id)?;
        let from = days_before(date, RECENT_DAYS);
        let lo = v.partition_point(|(d, _)| *d < from);
        let hi = v.partition_point(|(d, _)| *d < date);
        v.get(lo..hi)?
            .iter()
            .map(|(_, e)| *e)
            .fold(None, |m: Option<f64>, e| Some(m.map_or(e, |m| m.max(e))))
    }
}

#[cfg(test)]
mod tests {
    use super::super::input::fixtures::*;
    use super::*;
    use crate::model::SetKind;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn one_point_per_session_from_its_best_set() {
        let day1 = at(d(2026, 11, 2), 18, 0, 1);
        let day2 = at(d(2026, 11, 5), 18, 0, 1);
        let sets = vec![
            // Session 1: 100x5 (116.67), 105x3 @1 (4 reps: 119.0), warm-up 120x1 ignored.
            set(squat(), "w1", day1)
                .kg(120.0)
                .reps(1)
                .kind(SetKind::Warmup),
            set(squat(), "w1", day1).kg(100.0).reps(5).id("a"),
            set(squat(), "w1", day1).kg(105.0).reps(3).rir(1.0).id("b"),
            // Session 2: 225 lb x 5 = 102.058 kg * 7/6 = 119.068; a drop set is ignored.
            set(squat(), "w2", day2).kg(102.058_283_25).reps(5).id("c"),
            set(squat(), "w2", day2)
                .kg(110.0)
                .reps(10)
                .kind(SetKind::Drop),
            // Another exercise is skipped.
            set(bench(), "w2", day2).kg(200.0).reps(5),
        ];
        let s = e1rm_series("back-squat", "Back Squat", &sets, Formula::Epley);
        assert_eq!(s.formula_name, "Epley");
        assert_eq!(s.points.len(), 2);
        let (p1, p2) = (&s.points[0], &s.points[1]);
        assert_eq!((p1.date, p1.set_id.as_str()), (d(2026, 11, 2), "b"));
        assert!(close(p1.e1rm_kg, 105.0 * (1.0 + 4.0 / 30.0)));
        assert_eq!((p1.weight_kg, p1.reps, p1.rir), (105.0, 3, Some(1.0)));
        assert_eq!(p2.set_id, "c");
        assert!(close(p2.e1rm_kg, 102.058_283_25 * 35.0 / 30.0));
        assert!((p2.e1rm_kg - 119.068).abs() < 1e-3);
    }

    #[test]
    fn brzycki_is_named_and_used() {
        let t = at(d(2026, 11, 2), 18, 0, 1);
        let sets = [set(squat(), "w1", t).kg(100.0).reps(5)];
        let s = e1rm_series("back-squat", "Back Squat", &sets, Formula::Brzycki);
        assert_eq!(s.formula_name, "Brzycki");
        assert!(close(s.points[0].e1rm_kg, 112.5));
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["formula"], "brzycki");
    }

    #[test]
    fn ties_go_to_the_earlier_set() {
        let t1 = at(d(2026, 11, 2), 18, 0, 1);
        let t2 = at(d(2026, 11, 2), 18, 5, 1);
        let sets = [
            set(squat(), "w1", t2).kg(100.0).reps(5).id("later"),
            set(squat(), "w1", t1).kg(100.0).reps(5).id("earlier"),
        ];
        let s = e1rm_series("back-squat", "Back Squat", &sets, Formula::Epley);
        assert_eq!(s.points[0].set_id, "earlier");
    }

    #[test]
    fn estimates_equal_but_for_float_noise_tie() {
        // 70 x 10 and 80 x 5 are both 93.33 by Epley; in floating point the
        // second is larger in its last bit, which must not make it the best.
        let t1 = at(d(2026, 11, 2), 18, 0, 1);
        let t2 = at(d(2026, 11, 2), 18, 5, 1);
        let sets = [
            set(squat(), "w1", t1).kg(70.0).reps(10).id("earlier"),
            set(squat(), "w1", t2).kg(80.0).reps(5).id("later"),
        ];
        let s = e1rm_series("back-squat", "Back Squat", &sets, Formula::Epley);
        assert_eq!(s.points[0].set_id, "earlier");
        assert_eq!(s.points[0].weight_kg, 70.0);
    }

    fn series(points: &[(NaiveDate, f64)]) -> E1rmSeries {
        E1rmSeries {
            exercise_id: "back-squat".into(),
            name: "Back Squat".into(),
            formula: Formula::Epley,
            formula_name: "Epley".into(),
            points: points
                .iter()
                .map(|&(date, e1rm_kg)| E1rmPoint {
                    date,
                    workout_id: date.to_string(),
                    set_id: date.to_string(),
                    e1rm_kg,
                    weight_kg: e1rm_kg,
                    reps: 1,
                    rir: None,
                })
                .collect(),
        }
    }

    #[test]
    fn retention_against_a_year_ago() {
        let today = d(2026, 11, 24);
        let s = series(&[
            (d(2025, 10, 20), 90.0),  // outside the window (35 days before)
            (d(2025, 11, 10), 100.0), // in the window
            (d(2025, 12, 20), 98.0),  // 26 days after: in the window
            (d(2026, 10, 1), 110.0),  // too old for "now"
            (d(2026, 11, 2), 104.0),  // now: best of the last 28 days
            (d(2026, 11, 20), 102.0),
        ]);
        let r = retention(&s, d(2025, 11, 24), today);
        assert_eq!(r.baseline_from, d(2025, 10, 27));
        assert_eq!(r.baseline_to, d(2025, 12, 22));
        assert_eq!(r.baseline_e1rm_kg, Some(100.0));
        assert_eq!(r.current_e1rm_kg, Some(104.0));
        assert_eq!(r.current_session, Some(d(2026, 11, 2)));
        assert!(close(r.percent.unwrap(), 104.0));
    }

    #[test]
    fn retention_falls_back_to_the_latest_session() {
        let s = series(&[
            (d(2025, 11, 24), 100.0),
            (d(2026, 6, 1), 95.0),
            (d(2026, 5, 1), 99.0),
        ]);
        let r = retention(&s, d(2025, 11, 24), d(2026, 11, 24));
        assert_eq!(r.current_session, Some(d(2026, 6, 1)));
        assert!(close(r.percent.unwrap(), 95.0));
        // No baseline: no percentage.
        let r = retention(&s, d(2024, 1, 1), d(2026, 11, 24));
        assert_eq!((r.baseline_e1rm_kg, r.percent), (None, None));
        // Nothing at all.
        let r = retention(&series(&[]), d(2024, 1, 1), d(2026, 11, 24));
        assert_eq!((r.current_e1rm_kg, r.percent), (None, None));
    }

    #[test]
    fn e1rm_before_a_date_looks_back_28_days() {
        let t = |day| at(d(2026, 11, day), 18, 0, 1);
        let sets = [
            set(squat(), "a", at(d(2026, 10, 5), 18, 0, 1))
                .kg(150.0)
                .reps(1), // 150, too old for the 3rd
            set(squat(), "b", t(2)).kg(100.0).reps(5), // 116.67
            set(squat(), "c", t(10)).kg(90.0).reps(5), // 105
            set(squat(), "d", t(12)).kg(120.0).reps(5), // 140, that day
        ];
        let h = E1rmHistory::from_sets(&sets, Formula::Epley, |_| true);
        assert_eq!(h.before("back-squat", d(2026, 11, 2)), Some(150.0));
        assert!(close(
            h.before("back-squat", d(2026, 11, 3)).unwrap(),
            100.0 * 35.0 / 30.0
        ));
        assert!(close(
            h.before("back-squat", d(2026, 11, 12)).unwrap(),
            100.0 * 35.0 / 30.0
        ));
        assert!(close(
            h.before("back-squat", d(2026, 11, 13)).unwrap(),
            140.0
        ));
        assert_eq!(h.before("back-squat", d(2026, 10, 5)), None);
        assert_eq!(h.before("deadlift", d(2026, 11, 13)), None);
    }
}
