//! Personal records: heaviest weight, best e1RM, most reps at a weight and
//! best session volume, per exercise.
//!
//! Rules (docs/ANALYTICS.md):
//! - Records count working and failure sets; warm-ups never, drop sets only
//!   toward a session's volume (a drop set is done tired, after a heavier
//!   set, so it does not test a maximum). Cardio is left out.
//! - A record must beat the one before it; a tie keeps the earlier set.
//!   Values are compared at gram (0.001) precision.
//! - Body-weight exercises: heaviest is the heaviest *added* load (above
//!   zero); no e1RM and no volume (the body weight is not known); most reps
//!   is kept per added load, body weight alone being 0 kg added.
//! - Most reps is kept per exact load (to the gram, after converting lb).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::input::{AnalyticsSet, SetExercise};
use crate::model::{Pattern, SetKind};
use crate::progression::strength::Formula;

/// What a record is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RecordKind {
    /// The heaviest load of a working or failure set with at least one rep.
    HeaviestWeight,
    /// The best e1RM of a set.
    BestE1rm,
    /// The most reps in one set at a given load (`weight_kg`).
    MostReps,
    /// The most load x reps in one workout (working, failure and drop sets).
    BestVolume,
}

/// The unit of a record's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RecordUnit {
    /// Kilograms (volume: kilograms lifted, load x reps).
    Kg,
    /// Repetitions.
    Reps,
}

/// A personal record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Record {
    /// Exercise id.
    pub exercise_id: String,
    /// Exercise name.
    pub exercise_name: String,
    /// What it is a record of.
    pub kind: RecordKind,
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: RecordUnit,
    /// For most reps: the load in kg (added load for body-weight exercises,
    /// 0 for body weight alone); `None` for exercises done without a load.
    pub weight_kg: Option<f64>,
    /// The load is added to body weight.
    pub bodyweight: bool,
    /// Local date of the set (of the workout, for volume).
    pub date: NaiveDate,
    /// The set; `None` for volume, which is a whole workout's.
    pub set_id: Option<String>,
    /// The workout.
    pub workout_id: String,
    /// The record it beat, if there was one.
    pub previous: Option<f64>,
    /// For e1RM: the formula.
    pub formula: Option<Formula>,
}

/// Grams: the precision at which values are compared.
pub(crate) fn grams(v: f64) -> Option<i64> {
    let g = (v * 1000.0).round();
    (g.is_finite() && g.abs() < 9e15).then_some(g as i64)
}

/// Whether a set counts toward records at all, and if so its share of the
/// session's volume (kg x reps; `None` without an external load and reps).
/// Records count working, failure and drop sets that are not preparation,
/// of exercises that are not cardio. `None` when the set does not count.
#[allow(clippy::option_option)]
pub(crate) fn volume_candidate(s: &AnalyticsSet) -> Option<Option<f64>> {
    if s.exercise.pattern == Pattern::Cardio || s.is_preparation() {
        return None;
    }
    if !matches!(s.kind, SetKind::Working | SetKind::Failure | SetKind::Drop) {
        return None;
    }
    let reps = s.reps.filter(|r| *r >= 1);
    Some(match (s.external_kg(), reps) {
        (Some(kg), Some(r)) => Some(kg * f64::from(r)),
        _ => None,
    })
}

/// The reps of a set that can set a weight, e1RM or rep record: a counted
/// working or failure set with at least one rep.
pub(crate) fn rep_candidate(s: &AnalyticsSet) -> Option<u32> {
    volume_candidate(s)?;
    if !s.is_work() {
        return None;
    }
    s.reps.filter(|r| *r >= 1)
}

/// The load a set offers to the heaviest-weight record: the external
/// load, or for body-weight exercises the added load above zero.
pub(crate) fn heaviest_candidate(s: &AnalyticsSet) -> Option<f64> {
    rep_candidate(s)?;
    if s.bodyweight {
        s.load_kg.filter(|kg| *kg > 0.0)
    } else {
        s.external_kg()
    }
}

/// The e1RM a set offers to the best-e1RM record.
pub(crate) fn e1rm_candidate(s: &AnalyticsSet, formula: Formula) -> Option<f64> {
    rep_candidate(s)?;
    s.e1rm(formula)
}

/// Which load a rep record is kept for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum RepKey {
    /// Grams of external load.
    External(i64),
    /// Grams added to body weight (0: body weight alone; negative: assisted).
    Bodyweight(i64),
    /// No load recorded (bands).
    Unloaded,
}

/// The best value so far of one record, and what it beat.
#[derive(Debug, Clone)]
struct Best {
    value: f64,
    key: i64,
    date: NaiveDate,
    set_id: Option<String>,
    workout_id: Arc<str>,
    previous: Option<f64>,
}

impl Best {
    /// Offers a candidate seen after every earlier one; returns whether it
    /// became the record.
    fn offer(slot: &mut Option<Best>, cand: Best) -> bool {
        match slot {
            Some(b) if cand.key <= b.key => false,
            Some(b) => {
                let previous = Some(b.value);
                *b = Best { previous, ..cand };
                true
            }
            None => {
                *slot = Some(cand);
                true
            }
        }
    }
}

/// One workout's volume of one exercise, summed as sets arrive.
#[derive(Debug, Clone)]
struct Volume {
    kg: f64,
    date: NaiveDate,
    start_ms: i64,
}

/// Records of one exercise.
#[derive(Debug, Clone)]
struct ExerciseBook {
    exercise: Arc<SetExercise>,
    heaviest: Option<Best>,
    e1rm: Option<Best>,
    reps: BTreeMap<RepKey, Option<Best>>,
    volume: HashMap<Arc<str>, Volume>,
}

/// Records built from sets fed in chronological order (the store reads them
/// so); volume is summed per workout and ranked by workout start at the end,
/// so it does not depend on the order.
#[derive(Debug, Clone)]
pub struct RecordBook {
    formula: Formula,
    books: HashMap<String, ExerciseBook>,
}

impl RecordBook {
    /// An empty book estimating e1RM with `formula`.
    pub fn new(formula: Formula) -> Self {
        RecordBook {
            formula,
            books: HashMap::new(),
        }
    }

    /// Counts one set (later than every set added before).
    pub fn add(&mut self, s: &AnalyticsSet) {
        let Some(volume) = volume_candidate(s) else {
            return;
        };
        let book = match self.books.get_mut(&s.exercise.id) {
            Some(b) => b,
            None => self
                .books
                .entry(s.exercise.id.clone())
                .or_insert_with(|| ExerciseBook {
                    exercise: s.exercise.clone(),
                    heaviest: None,
                    e1rm: None,
                    reps: BTreeMap::new(),
                    volume: HashMap::new(),
                }),
        };
        if let Some(kg) = volume {
            let v = book
                .volume
                .entry(s.workout_id.clone())
                .or_insert_with(|| Volume {
                    kg: 0.0,
                    date: s.session_date(),
                    start_ms: s.workout_start.utc_ms(),
                });
            v.kg += kg;
        }
        let Some(r) = rep_candidate(s) else {
            return;
        };
        let cand = |value: f64, key: i64| Best {
            value,
            key,
            date: s.date,
            set_id: Some(s.set_id.clone()),
            workout_id: s.workout_id.clone(),
            previous: None,
        };
        if let Some(kg) = heaviest_candidate(s)
            && let Some(g) = grams(kg)
            && book.heaviest.as_ref().is_none_or(|b| g > b.key)
        {
            Best::offer(&mut book.heaviest, cand(kg, g));
        }
        if let Some(e) = e1rm_candidate(s, self.formula)
            && let Some(g) = grams(e)
            && book.e1rm.as_ref().is_none_or(|b| g > b.key)
        {
            Best::offer(&mut book.e1rm, cand(e, g));
        }
        let key = match (s.bodyweight, s.load_kg) {
            (true, kg) => grams(kg.unwrap_or(0.0)).map(RepKey::Bodyweight),
            (false, Some(_)) => s.external_kg().and_then(grams).map(RepKey::External),
            (false, None) => Some(RepKey::Unloaded),
        };
        if let Some(key) = key {
            let slot = book.reps.entry(key).or_insert(None);
            if slot.as_ref().is_none_or(|b| i64::from(r) > b.key) {
                Best::offer(slot, cand(f64::from(r), i64::from(r)));
            }
        }
    }

    /// Adds every set of `sets`, in order.
    pub fn extend<'a>(&mut self, sets: impl IntoIterator<Item = &'a AnalyticsSet>) {
        for s in sets {
            self.add(s);
        }
    }

    /// Every exercise's current records, by exercise name, then kind and load.
    pub fn records(&self) -> Vec<Record> {
        let mut out = Vec::new();
        let mut books: Vec<&ExerciseBook> = self.books.values().collect();
        books.sort_by(|a, b| {
            (a.exercise.name.as_str(), a.exercise.id.as_str())
                .cmp(&(b.exercise.name.as_str(), b.exercise.id.as_str()))
        });
        for book in books {
            out.extend(book.records(self.formula));
        }
        out
    }

    /// The best of `kind` (and rep key) for an exercise: its comparison key
    /// (grams, or reps) and its value.
    fn best(&self, exercise_id: &str, kind: RecordKind, key: Option<RepKey>) -> Option<(i64, f64)> {
        let book = self.books.get(exercise_id)?;
        let pick = |b: &Best| (b.key, b.value);
        match kind {
            RecordKind::HeaviestWeight => book.heaviest.as_ref().map(pick),
            RecordKind::BestE1rm => book.e1rm.as_ref().map(pick),
            RecordKind::MostReps => book.reps.get(&key?)?.as_ref().map(pick),
            RecordKind::BestVolume => book.best_volume().as_ref().map(pick),
        }
    }
}

impl ExerciseBook {
    /// The best volume, ranked by workout start (earliest wins ties).
    fn best_volume(&self) -> Option<Best> {
        let mut sessions: Vec<(&Arc<str>, &Volume)> = self.volume.iter().collect();
        sessions.sort_by(|a, b| a.1.start_ms.cmp(&b.1.start_ms).then_with(|| a.0.cmp(b.0)));
        let mut best: Option<Best> = None;
        for (workout, v) in sessions {
            if let Some(g) = grams(v.kg) {
                Best::offer(
                    &mut best,
                    Best {
                        value: v.kg,
                        key: g,
                        date: v.date,
                        set_id: None,
                        workout_id: workout.clone(),
                        previous: None,
                    },
                );
            }
        }
        best
    }

    fn record(&self, kind: RecordKind, b: &Best, key: Option<RepKey>, formula: Formula) -> Record {
        let (weight_kg, bodyweight) = match key {
            Some(RepKey::External(g)) => (Some(g as f64 / 1000.0), false),
            Some(RepKey::Bodyweight(g)) => (Some(g as f64 / 1000.0), true),
            Some(RepKey::Unloaded) => (None, false),
            None => (
                None,
                self.exercise.measure == crate::model::Measure::BodyweightReps,
            ),
        };
        Record {
            exercise_id: self.exercise.id.clone(),
            exercise_name: self.exercise.name.clone(),
            kind,
            value: b.value,
            unit: if kind == RecordKind::MostReps {
                RecordUnit::Reps
            } else {
                RecordUnit::Kg
            },
            weight_kg,
            bodyweight,
            date: b.date,
            set_id: b.set_id.clone(),
            workout_id: b.workout_id.to_string(),
            previous: b.previous,
            formula: (kind == RecordKind::BestE1rm).then_some(formula),
        }
    }

    fn records(&self, formula: Formula) -> Vec<Record> {
        let mut out = Vec::new();
        if let Some(b) = &self.heaviest {
            out.push(self.record(RecordKind::HeaviestWeight, b, None, formula));
        }
        if let Some(b) = &self.e1rm {
            out.push(self.record(RecordKind::BestE1rm, b, None, formula));
        }
        for (key, b) in &self.reps {
            if let Some(b) = b {
                out.push(self.record(RecordKind::MostReps, b, Some(*key), formula));
            }
        }
        if let Some(b) = self.best_volume() {
            out.push(self.record(RecordKind::BestVolume, &b, None, formula));
        }
        out
    }
}

/// Current records of every exercise in `sets` (chronological).
pub fn records<'a, I>(sets: I, formula: Formula) -> Vec<Record>
where
    I: IntoIterator<Item = &'a AnalyticsSet>,
{
    let mut book = RecordBook::new(formula);
    book.extend(sets);
    book.records()
}

/// Records set since `from` (inclusive) that beat an earlier value: the
/// recent ones worth announcing. A first value (no earlier set to beat) is
/// not announced.
pub fn records_since(book: &RecordBook, from: NaiveDate) -> Vec<Record> {
    book.records()
        .into_iter()
        .filter(|r| r.date >= from && r.previous.is_some())
        .collect()
}

/// Which records `logged` (the sets just logged) set against `history`
/// (every other live set of the same exercises, chronological; it may
/// include earlier sets of the same workout).
///
/// A logged set sets a record when it beats every set in `history`; the
/// record's `previous` is the best of `history`. A first value (nothing in
/// `history` to beat) is not announced. Several logged sets beating the same
/// record give one record, the best (the earliest of equals). Volume counts
/// a workout's sets in `history` and `logged` together and is announced when
/// the logged sets carry it past every other workout's volume.
pub fn new_records<'a, I>(logged: &[AnalyticsSet], history: I, formula: Formula) -> Vec<Record>
where
    I: IntoIterator<Item = &'a AnalyticsSet>,
{
    let history: Vec<&AnalyticsSet> = history.into_iter().collect();
    let mut before = RecordBook::new(formula);
    before.extend(history.iter().copied());
    let mut logged_sorted: Vec<&AnalyticsSet> = logged.iter().collect();
    logged_sorted.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    // The logged sets alone, for their own best per record.
    let mut mine = RecordBook::new(formula);
    mine.extend(logged_sorted.iter().copied());
    let mut out = Vec::new();
    for rec in mine.records() {
        let key = match (rec.kind, rec.weight_kg, rec.bodyweight) {
            (RecordKind::MostReps, Some(kg), true) => grams(kg).map(RepKey::Bodyweight),
            (RecordKind::MostReps, Some(kg), false) => grams(kg).map(RepKey::External),
            (RecordKind::MostReps, None, _) => Some(RepKey::Unloaded),
            _ => None,
        };
        if rec.kind == RecordKind::BestVolume {
            continue;
        }
        let Some((prev_key, prev_value)) = before.best(&rec.exercise_id, rec.kind, key) else {
            continue;
        };
        let value = match rec.kind {
            RecordKind::MostReps => Some(rec.value as i64),
            _ => grams(rec.value),
        };
        if value.is_some_and(|v| v > prev_key) {
            out.push(Record {
                previous: Some(prev_value),
                ..rec
            });
        }
    }
    out.extend(new_volume_records(logged, &history, &before, formula));
    out.sort_by(|a, b| {
        (a.exercise_name.as_str(), a.kind)
            .cmp(&(b.exercise_name.as_str(), b.kind))
            .then(
                a.weight_kg
                    .unwrap_or(0.0)
                    .total_cmp(&b.weight_kg.unwrap_or(0.0)),
            )
    });
    out
}

/// Volume records the logged sets set: their workout's volume with them
/// beats every other workout's, and did not without them.
fn new_volume_records(
    logged: &[AnalyticsSet],
    history: &[&AnalyticsSet],
    before: &RecordBook,
    formula: Formula,
) -> Vec<Record> {
    let mut out = Vec::new();
    // (exercise, workout) pairs the logged sets touch.
    let mut touched: Vec<(&str, &Arc<str>)> = logged
        .iter()
        .map(|s| (s.exercise.id.as_str(), &s.workout_id))
        .collect();
    touched.sort();
    touched.dedup();
    for (exercise_id, workout) in touched {
        let Some(book) = before.books.get(exercise_id) else {
            continue;
        };
        // The best other workout's volume.
        let mut others = book.clone();
        let without = others.volume.remove(workout).map_or(0.0, |v| v.kg);
        let Some(best_other) = others.best_volume() else {
            continue;
        };
        let mut with = RecordBook::new(formula);
        with.extend(
            history
                .iter()
                .copied()
                .chain(logged.iter())
                .filter(|s| s.exercise.id == exercise_id && &s.workout_id == workout),
        );
        let Some(mine) = with
            .books
            .get(exercise_id)
            .and_then(|b| b.volume.get(workout))
        else {
            continue;
        };
        let (Some(now), Some(was)) = (grams(mine.kg), grams(without)) else {
            continue;
        };
        let other = best_other.key;
        if now > other && was <= other {
            let b = Best {
                value: mine.kg,
                key: now,
                date: mine.date,
                set_id: None,
                workout_id: workout.clone(),
                previous: Some(best_other.value),
            };
            out.push(book.record(RecordKind::BestVolume, &b, None, formula));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::input::fixtures::*;
    use super::*;

    fn find<'a>(
        rs: &'a [Record],
        ex: &str,
        kind: RecordKind,
        kg: Option<f64>,
    ) -> Option<&'a Record> {
        rs.iter().find(|r| {
            r.exercise_id == ex
                && r.kind == kind
                && (kind != RecordKind::MostReps || r.weight_kg == kg)
        })
    }

    fn history() -> Vec<AnalyticsSet> {
        let t = |day, min| at(d(2026, 11, day), 18, min, 1);
        vec![
            // 2 Nov: 100x5, 100x5, warm-up 110x1 (ignored), drop 80x8 (volume only).
            set(squat(), "w1", t(2, 0))
                .kg(110.0)
                .reps(1)
                .kind(SetKind::Warmup),
            set(squat(), "w1", t(2, 5)).kg(100.0).reps(5).id("a1"),
            set(squat(), "w1", t(2, 10)).kg(100.0).reps(5).id("a2"),
            set(squat(), "w1", t(2, 15))
                .kg(80.0)
                .reps(8)
                .kind(SetKind::Drop),
            // 5 Nov: 225 lb x 3 (102.058 kg), 100x6.
            set(squat(), "w2", t(5, 5))
                .kg(102.058_283_25)
                .reps(3)
                .id("b1"),
            set(squat(), "w2", t(5, 10)).kg(100.0).reps(6).id("b2"),
            // Pull-ups: body weight x 8, +10 kg x 5, assisted -20 kg x 10.
            set(pull_up(), "w2", t(5, 20)).added(None).reps(8).id("p1"),
            set(pull_up(), "w2", t(5, 25))
                .added(Some(10.0))
                .reps(5)
                .id("p2"),
            set(pull_up(), "w2", t(5, 30))
                .added(Some(-20.0))
                .reps(10)
                .id("p3"),
        ]
    }

    #[test]
    fn current_records_by_hand() {
        let rs = records(&history(), Formula::Epley);
        let heavy = find(&rs, "back-squat", RecordKind::HeaviestWeight, None).unwrap();
        assert!((heavy.value - 102.058_283_25).abs() < 1e-9);
        assert_eq!(heavy.previous, Some(100.0));
        assert_eq!(heavy.set_id.as_deref(), Some("b1"));
        assert_eq!(heavy.date, d(2026, 11, 5));
        // e1RM: 100x6 = 120 beats 100x5 = 116.67 and 102.058x3 = 112.26.
        let e = find(&rs, "back-squat", RecordKind::BestE1rm, None).unwrap();
        assert!((e.value - 120.0).abs() < 1e-9);
        assert!((e.previous.unwrap() - 116.667).abs() < 1e-3);
        assert_eq!(e.formula, Some(Formula::Epley));
        // Most reps at 100 kg: 6 (was 5); at 102.058 kg: 3, first value.
        let r100 = find(&rs, "back-squat", RecordKind::MostReps, Some(100.0)).unwrap();
        assert_eq!(
            (r100.value, r100.previous, r100.unit),
            (6.0, Some(5.0), RecordUnit::Reps)
        );
        let r225 = find(&rs, "back-squat", RecordKind::MostReps, Some(102.058)).unwrap();
        assert_eq!((r225.value, r225.previous), (3.0, None));
        assert_eq!(
            find(&rs, "back-squat", RecordKind::MostReps, Some(80.0)),
            None,
            "drop sets set no rep record"
        );
        // Volume: w1 = 500 + 500 + 640 (drop) = 1640; w2 = 306.17 + 600 = 906.17.
        let v = find(&rs, "back-squat", RecordKind::BestVolume, None).unwrap();
        assert!((v.value - 1640.0).abs() < 1e-9);
        assert_eq!(
            (v.set_id.clone(), v.workout_id.as_str(), v.previous),
            (None, "w1", None)
        );
    }

    #[test]
    fn body_weight_records() {
        let rs = records(&history(), Formula::Epley);
        let heavy = find(&rs, "pull-up", RecordKind::HeaviestWeight, None).unwrap();
        assert_eq!((heavy.value, heavy.bodyweight), (10.0, true));
        assert_eq!(find(&rs, "pull-up", RecordKind::BestE1rm, None), None);
        assert_eq!(find(&rs, "pull-up", RecordKind::BestVolume, None), None);
        let bw = find(&rs, "pull-up", RecordKind::MostReps, Some(0.0)).unwrap();
        assert_eq!((bw.value, bw.bodyweight), (8.0, true));
        let assisted = find(&rs, "pull-up", RecordKind::MostReps, Some(-20.0)).unwrap();
        assert_eq!(assisted.value, 10.0);
    }

    #[test]
    fn ties_keep_the_earlier_set() {
        let rs = records(&history(), Formula::Epley);
        let r = find(&rs, "back-squat", RecordKind::MostReps, Some(100.0)).unwrap();
        assert_eq!(r.set_id.as_deref(), Some("b2"));
        let t = |min| at(d(2026, 11, 2), 18, min, 1);
        let sets = [
            set(squat(), "w1", t(0)).kg(100.0).reps(5).id("first"),
            set(squat(), "w1", t(5)).kg(100.0).reps(5).id("second"),
        ];
        let rs = records(&sets, Formula::Epley);
        assert!(rs.iter().all(|r| r.set_id.as_deref() != Some("second")));
    }

    #[test]
    fn new_records_after_logging() {
        let hist = history();
        let t = at(d(2026, 11, 9), 18, 0, 1);
        let logged = vec![
            set(squat(), "w3", t).kg(105.0).reps(5).id("n1"),
            set(squat(), "w3", at(d(2026, 11, 9), 18, 3, 1))
                .kg(105.0)
                .reps(5)
                .id("n2"),
            // 8 reps at body weight: beats 8? No: a tie.
            set(pull_up(), "w3", t).added(None).reps(8).id("n3"),
            // 12 kg added: a new heaviest, and a first value for reps at 12 kg.
            set(pull_up(), "w3", t).added(Some(12.0)).reps(3).id("n4"),
        ];
        let rs = new_records(&logged, &hist, Formula::Epley);
        let kinds: Vec<(&str, RecordKind)> = rs
            .iter()
            .map(|r| (r.exercise_id.as_str(), r.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("back-squat", RecordKind::HeaviestWeight),
                ("back-squat", RecordKind::BestE1rm),
                ("pull-up", RecordKind::HeaviestWeight),
            ],
            "{rs:#?}"
        );
        let heavy = &rs[0];
        assert_eq!((heavy.value, heavy.set_id.as_deref()), (105.0, Some("n1")));
        assert!((heavy.previous.unwrap() - 102.058_283_25).abs() < 1e-9);
        // 105x5 = 122.5 beats 120.
        assert!((rs[1].value - 122.5).abs() < 1e-9);
        assert_eq!(rs[1].previous, Some(120.0));
        assert_eq!(rs[2].previous, Some(10.0));
    }

    #[test]
    fn a_volume_record_is_announced_once_when_crossed() {
        let hist = history(); // best squat volume: 1640 (w1)
        let t = |min| at(d(2026, 11, 9), 18, min, 1);
        let s = |i: u32| {
            set(squat(), "w3", t(i))
                .kg(100.0)
                .reps(5)
                .id(&format!("v{i}"))
        };
        // Sets one at a time: 500, 1000, 1500, 2000.
        let mut done: Vec<AnalyticsSet> = hist.clone();
        let mut announced = Vec::new();
        for i in 0..4 {
            let logged = [s(i)];
            let rs = new_records(&logged, &done, Formula::Epley);
            if rs.iter().any(|r| r.kind == RecordKind::BestVolume) {
                announced.push(i);
                let v = rs
                    .iter()
                    .find(|r| r.kind == RecordKind::BestVolume)
                    .unwrap();
                assert_eq!((v.value, v.previous), (2000.0, Some(1640.0)));
            }
            done.push(s(i));
        }
        assert_eq!(announced, [3]);
    }

    #[test]
    fn first_values_are_not_announced() {
        let t = at(d(2026, 11, 9), 18, 0, 1);
        let logged = [set(deadlift(), "w", t).kg(140.0).reps(5)];
        assert!(new_records(&logged, &history(), Formula::Epley).is_empty());
        assert!(new_records(&[], &history(), Formula::Epley).is_empty());
    }

    #[test]
    fn recent_records_need_a_previous_value() {
        let mut book = RecordBook::new(Formula::Epley);
        book.extend(&history());
        let recent = records_since(&book, d(2026, 11, 5));
        assert!(
            recent
                .iter()
                .all(|r| r.previous.is_some() && r.date >= d(2026, 11, 5))
        );
        assert!(
            recent
                .iter()
                .any(|r| r.kind == RecordKind::HeaviestWeight && r.exercise_id == "back-squat")
        );
        assert!(!recent.iter().any(|r| r.kind == RecordKind::BestVolume));
    }
}
