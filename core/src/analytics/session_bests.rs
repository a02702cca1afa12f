//! A session's bests of one exercise: what the Progress screen and the
//! records need of a workout, so that a lifetime of sets is read as a few
//! thousand rows. The store keeps one row per workout and exercise
//! (`store::derived`, schema version 7), exact after every write; this
//! module is the one definition of what goes in it, from the sets of one
//! workout, and of how rows add up to records.
//!
//! The rules are those of [`super::records`] (which sets count) and of
//! [`super::strength::session_points`] (one e1RM point per session): a
//! record candidate of a session is its best set, ties to the earlier; and
//! `before` keeps the best of the session's sets before that one, so that
//! the record a session beat is the one a set-by-set pass would name.

use chrono::NaiveDate;

use super::dose;
use super::input::AnalyticsSet;
use super::records::{e1rm_candidate, grams, heaviest_candidate, volume_candidate};
use super::strength::E1rmPoint;
use crate::progression::strength::Formula;

/// Every formula a person can choose, in the order rows keep them.
pub const FORMULAS: [Formula; 2] = [Formula::Epley, Formula::Brzycki];

/// A session's best set for one record, and the best of the session's
/// sets before it.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionBest {
    /// The value (kg).
    pub value: f64,
    /// The best value among the session's earlier sets, if any counted.
    pub before: Option<f64>,
    /// The set.
    pub set_id: String,
    /// The set's local date.
    pub date: NaiveDate,
}

/// A session's best e1RM with a formula: a point of the e1RM series.
#[derive(Debug, Clone, PartialEq)]
pub struct E1rmBest {
    /// The formula.
    pub formula: Formula,
    /// The point (date: the session's).
    pub point: E1rmPoint,
    /// The set's own local date (a record's date).
    pub set_date: NaiveDate,
    /// The best e1RM of the session's sets before it.
    pub before: Option<f64>,
}

/// One exercise in one workout.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseSession {
    /// The exercise.
    pub exercise_id: String,
    /// The workout.
    pub workout_id: String,
    /// When the workout started (UTC ms).
    pub started_at_ms: i64,
    /// Its local date.
    pub session_date: NaiveDate,
    /// The exercise is not cardio: the workout counts as a lifting session.
    pub lifting: bool,
    /// Working and failure sets that are not preparation.
    pub work_sets: u32,
    /// The heaviest-weight candidate.
    pub heaviest: Option<SessionBest>,
    /// Load x reps of the sets that count toward volume, when any has both.
    pub volume_kg: Option<f64>,
    /// The heaviest external load of a working set, with the set's date
    /// (a heavy set by load is measured against the e1RM before it).
    pub heavy_load: Option<(f64, NaiveDate)>,
    /// The last date of an axial set heavy by effort alone.
    pub heavy_effort: Option<NaiveDate>,
    /// The best e1RM per formula, for those with one.
    pub e1rm: Vec<E1rmBest>,
}

/// Offers `value` of the set `s` to a running session best: a higher value
/// (in grams) takes the place, a tie keeps the earlier set, and the one it
/// beat becomes what came `before`.
fn offer(slot: &mut Option<SessionBest>, value: f64, s: &AnalyticsSet) {
    let Some(g) = grams(value) else {
        return;
    };
    match slot {
        Some(b) if grams(b.value).is_some_and(|held| g <= held) => {
            // Not a new best. What a later best beat is the running best it
            // replaces, which is already the highest value before it.
        }
        Some(b) => {
            *b = SessionBest {
                value,
                before: Some(b.value),
                set_id: s.set_id.clone(),
                date: s.date,
            }
        }
        None => {
            *slot = Some(SessionBest {
                value,
                before: None,
                set_id: s.set_id.clone(),
                date: s.date,
            })
        }
    }
}

/// The sessions of the sets of one workout (in the store's order: by
/// position), one per exercise with any set, in the order first logged.
pub fn of_workout(sets: &[AnalyticsSet]) -> Vec<ExerciseSession> {
    let mut out: Vec<ExerciseSession> = Vec::new();
    let mut e1rm: Vec<Vec<(Option<SessionBest>, Option<&AnalyticsSet>)>> = Vec::new();
    for s in sets {
        let i = match out.iter().position(|e| e.exercise_id == s.exercise.id) {
            Some(i) => i,
            None => {
                out.push(ExerciseSession {
                    exercise_id: s.exercise.id.clone(),
                    workout_id: s.workout_id.to_string(),
                    started_at_ms: s.workout_start.utc_ms(),
                    session_date: s.session_date(),
                    lifting: s.is_lifting(),
                    work_sets: 0,
                    heaviest: None,
                    volume_kg: None,
                    heavy_load: None,
                    heavy_effort: None,
                    e1rm: Vec::new(),
                });
                e1rm.push(FORMULAS.iter().map(|_| (None, None)).collect());
                out.len() - 1
            }
        };
        let row = &mut out[i];
        if s.is_work() {
            row.work_sets += 1;
            if let Some(kg) = s.external_kg()
                && row.heavy_load.is_none_or(|(held, _)| kg > held)
            {
                row.heavy_load = Some((kg, s.date));
            }
        }
        if dose::is_heavy_axial(s, None) {
            row.heavy_effort = row.heavy_effort.max(Some(s.date));
        }
        if let Some(volume) = volume_candidate(s)
            && let Some(kg) = volume
        {
            row.volume_kg = Some(row.volume_kg.unwrap_or(0.0) + kg);
        }
        if let Some(kg) = heaviest_candidate(s) {
            offer(&mut row.heaviest, kg, s);
        }
        for (f, formula) in FORMULAS.iter().enumerate() {
            if let Some(e) = e1rm_candidate(s, *formula) {
                let (slot, set) = &mut e1rm[i][f];
                let held = slot.as_ref().map(|b| b.set_id.clone());
                offer(slot, e, s);
                if slot.as_ref().map(|b| &b.set_id) != held.as_ref() {
                    *set = Some(s);
                }
            }
        }
    }
    for (row, bests) in out.iter_mut().zip(e1rm) {
        for ((best, set), formula) in bests.into_iter().zip(FORMULAS) {
            let (Some(best), Some(s)) = (best, set) else {
                continue;
            };
            row.e1rm.push(E1rmBest {
                formula,
                point: E1rmPoint {
                    date: row.session_date,
                    workout_id: row.workout_id.clone(),
                    set_id: best.set_id,
                    e1rm_kg: best.value,
                    weight_kg: s.external_kg().unwrap_or(0.0),
                    reps: s.reps.unwrap_or(0),
                    rir: s.rir,
                },
                set_date: best.date,
                before: best.before,
            });
        }
    }
    out
}

/// What a record is kept for, as [`session_records`] needs it of an
/// exercise: its name and whether its load is added to body weight.
#[derive(Debug, Clone)]
pub struct RecordExercise {
    /// The exercise's name.
    pub name: String,
    /// Done with body weight (a record's load is the added load).
    pub bodyweight: bool,
}

/// A record being kept: its value, where it was set and what it beat.
struct Held {
    grams: i64,
    value: f64,
    date: NaiveDate,
    set_id: Option<String>,
    workout_id: String,
    previous: Option<f64>,
}

/// What a session's best beat: the higher (in grams) of the record held
/// before the session and the best of the session's sets before its own
/// best, as a set-by-set pass would name it.
pub fn beaten(held: Option<f64>, before: Option<f64>) -> Option<f64> {
    match (held, before) {
        (Some(h), Some(b)) if grams(b) > grams(h) => Some(b),
        (Some(h), _) => Some(h),
        (None, b) => b,
    }
}

/// The record held after a session offers `candidate` to `held`: the
/// candidate only when higher in grams, so that of bests equal but for
/// floating-point noise the earlier stays, as a set-by-set pass keeps it.
pub fn still_held(held: Option<f64>, candidate: Option<f64>) -> Option<f64> {
    match (held, candidate) {
        (Some(h), Some(c)) if grams(c) > grams(h) => Some(c),
        (Some(h), _) => Some(h),
        (None, c) => c,
    }
}

/// Offers a session's candidate to a held record: it takes the place when
/// it is higher (in grams); what it beat is the higher of the held record
/// and the session's best before it (`before`), as a set-by-set pass would
/// have it.
fn keep(
    slot: &mut Option<Held>,
    value: f64,
    before: Option<f64>,
    date: NaiveDate,
    set_id: Option<&str>,
    workout_id: &str,
) {
    let Some(g) = grams(value) else {
        return;
    };
    if slot.as_ref().is_some_and(|h| g <= h.grams) {
        return;
    }
    let previous = beaten(slot.as_ref().map(|h| h.value), before);
    *slot = Some(Held {
        grams: g,
        value,
        date,
        set_id: set_id.map(str::to_owned),
        workout_id: workout_id.to_owned(),
        previous,
    });
}

/// What earlier sessions left to beat, per exercise: the best heaviest
/// weight, e1RM and session volume (kg) of sessions not passed to
/// [`session_records`].
pub type Prior = [Option<f64>; 3];

/// The heaviest-weight, best-e1RM and best-volume records of each exercise
/// of `sessions` (in the store's order: by workout start, then workout id),
/// with `formula`: the same records [`super::records::RecordBook`] finds set
/// by set (its most-reps records, kept per load, are not derived). `prior`
/// gives what sessions before these left to beat; a record still held by
/// one of those is left out. Ordered by exercise name, then id, then kind;
/// exercises `exercise` does not know are left out.
pub fn session_records(
    sessions: &[ExerciseSession],
    formula: Formula,
    prior: impl Fn(&str) -> Prior,
    exercise: impl Fn(&str) -> Option<RecordExercise>,
) -> Vec<super::records::Record> {
    use super::records::{Record, RecordKind, RecordUnit};
    use std::collections::BTreeMap;
    let mut books: BTreeMap<&str, [Option<Held>; 3]> = BTreeMap::new();
    for s in sessions {
        let book = books.entry(&s.exercise_id).or_insert_with(|| {
            prior(&s.exercise_id).map(|v| {
                let value = v?;
                Some(Held {
                    grams: grams(value)?,
                    value,
                    date: NaiveDate::MIN,
                    set_id: None,
                    workout_id: String::new(),
                    previous: None,
                })
            })
        });
        if let Some(h) = &s.heaviest {
            keep(
                &mut book[0],
                h.value,
                h.before,
                h.date,
                Some(&h.set_id),
                &s.workout_id,
            );
        }
        if let Some(e) = s.e1rm.iter().find(|e| e.formula == formula) {
            keep(
                &mut book[1],
                e.point.e1rm_kg,
                e.before,
                e.set_date,
                Some(&e.point.set_id),
                &s.workout_id,
            );
        }
        if let Some(kg) = s.volume_kg {
            keep(&mut book[2], kg, None, s.session_date, None, &s.workout_id);
        }
    }
    let mut named: Vec<(RecordExercise, &str, [Option<Held>; 3])> = books
        .into_iter()
        .filter_map(|(id, book)| Some((exercise(id)?, id, book)))
        .collect();
    named.sort_by(|a, b| (a.0.name.as_str(), a.1).cmp(&(b.0.name.as_str(), b.1)));
    let kinds = [
        RecordKind::HeaviestWeight,
        RecordKind::BestE1rm,
        RecordKind::BestVolume,
    ];
    let mut out = Vec::new();
    for (ex, id, book) in named {
        for (held, kind) in book.into_iter().zip(kinds) {
            // A record still held by an earlier session is not these
            // sessions' to name.
            let Some(h) = held.filter(|h| !h.workout_id.is_empty()) else {
                continue;
            };
            out.push(Record {
                exercise_id: id.to_owned(),
                exercise_name: ex.name.clone(),
                kind,
                value: h.value,
                unit: RecordUnit::Kg,
                weight_kg: None,
                bodyweight: ex.bodyweight,
                date: h.date,
                set_id: h.set_id,
                workout_id: h.workout_id,
                previous: h.previous,
                formula: (kind == RecordKind::BestE1rm).then_some(formula),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::analytics::input::SetExercise;
    use crate::analytics::input::fixtures::{bench, deadlift, pull_up, running, squat};
    use crate::analytics::records::{self, RecordKind};
    use crate::model::{Measure, SetKind, Timestamp};

    fn exercise() -> impl Strategy<Value = Arc<SetExercise>> {
        // Mostly one exercise, so that sessions beat earlier ones.
        prop_oneof![
            6 => Just(squat()),
            1 => Just(deadlift()),
            1 => Just(bench()),
            1 => Just(pull_up()),
            1 => Just(running()),
        ]
    }

    fn kind() -> impl Strategy<Value = SetKind> {
        prop_oneof![
            1 => Just(SetKind::Warmup),
            2 => Just(SetKind::Working),
            1 => Just(SetKind::Drop),
            1 => Just(SetKind::Failure),
        ]
    }

    prop_compose! {
        fn a_set()(
            ex in exercise(),
            kind in kind(),
            // Few distinct loads and reps, so ties and equal bests happen.
            load in proptest::option::of((0u32..12).prop_map(|l| f64::from(l) * 10.0 - 10.0)),
            bodyweight in any::<bool>(),
            reps in proptest::option::of(0u32..13),
            rir in proptest::option::of((0u32..5).prop_map(f64::from)),
        ) -> (Arc<SetExercise>, SetKind, Option<f64>, bool, Option<u32>, Option<f64>) {
            (ex, kind, load, bodyweight, reps, rir)
        }
    }

    /// Workouts of sets, in the store's order: one a day, sets by position.
    fn workouts() -> impl Strategy<Value = Vec<Vec<AnalyticsSet>>> {
        proptest::collection::vec(proptest::collection::vec(a_set(), 0..10), 0..12).prop_map(
            |days| {
                days.into_iter()
                    .enumerate()
                    .map(|(d, sets)| {
                        let start_ms = 1_700_000_000_000 + d as i64 * 86_400_000;
                        sets.into_iter()
                            .enumerate()
                            .map(|(i, (ex, kind, load, bodyweight, reps, rir))| {
                                let start = Timestamp::from_parts(start_ms, 60).unwrap();
                                let at = Timestamp::from_parts(start_ms + i as i64 * 60_000, 60)
                                    .unwrap();
                                let mut s = AnalyticsSet::new(
                                    format!("s{d}-{i}"),
                                    format!("w{d}"),
                                    start,
                                    ex,
                                );
                                s.performed_at = at;
                                s.kind = kind;
                                s.load_kg = load;
                                s.bodyweight = bodyweight;
                                s.reps = reps;
                                s.rir = rir;
                                s
                            })
                            .collect()
                    })
                    .collect()
            },
        )
    }

    fn record_exercise(id: &str) -> Option<RecordExercise> {
        [squat(), deadlift(), bench(), pull_up(), running()]
            .into_iter()
            .find(|e| e.id == id)
            .map(|e| RecordExercise {
                name: e.name.clone(),
                bodyweight: e.measure == Measure::BodyweightReps,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Records folded from session rows are the records a set-by-set
        /// pass finds, values, sets, dates and what they beat included.
        #[test]
        fn session_records_are_the_set_by_set_records(workouts in workouts()) {
            for formula in FORMULAS {
                let sessions: Vec<ExerciseSession> = workouts
                    .iter()
                    .flat_map(|w| {
                        let mut rows = of_workout(w);
                        rows.sort_by(|a, b| a.exercise_id.cmp(&b.exercise_id));
                        rows
                    })
                    .collect();
                let derived = session_records(&sessions, formula, |_| [None; 3], record_exercise);
                let all: Vec<&AnalyticsSet> = workouts.iter().flatten().collect();
                let by_set: Vec<_> = records::records(all.iter().copied(), formula)
                    .into_iter()
                    .filter(|r| r.kind != RecordKind::MostReps)
                    .collect();
                prop_assert_eq!(derived, by_set);
            }
        }

        /// Records of the later sessions, given what the earlier ones left
        /// to beat, are the records of the whole set in those sessions.
        #[test]
        fn records_of_later_sessions_need_only_the_earlier_bests(
            workouts in workouts(),
            split in 0usize..12,
        ) {
            let split = split.min(workouts.len());
            let rows = |ws: &[Vec<AnalyticsSet>]| -> Vec<ExerciseSession> {
                ws.iter()
                    .flat_map(|w| {
                        let mut rows = of_workout(w);
                        rows.sort_by(|a, b| a.exercise_id.cmp(&b.exercise_id));
                        rows
                    })
                    .collect()
            };
            let (early, late) = (rows(&workouts[..split]), rows(&workouts[split..]));
            for formula in FORMULAS {
                let prior = |id: &str| -> Prior {
                    let mut best: Prior = [None; 3];
                    for s in early.iter().filter(|s| s.exercise_id == id) {
                        let e1rm = s.e1rm.iter().find(|e| e.formula == formula).map(|e| e.point.e1rm_kg);
                        for (slot, v) in best.iter_mut().zip([s.heaviest.as_ref().map(|h| h.value), e1rm, s.volume_kg]) {
                            *slot = still_held(*slot, v);
                        }
                    }
                    best
                };
                let tail = session_records(&late, formula, prior, record_exercise);
                let late_workouts: Vec<String> = workouts[split..]
                    .iter()
                    .filter_map(|w| w.first().map(|s| s.workout_id.to_string()))
                    .collect();
                let all = rows(&workouts);
                let whole: Vec<_> = session_records(&all, formula, |_| [None; 3], record_exercise)
                    .into_iter()
                    .filter(|r| late_workouts.contains(&r.workout_id))
                    .collect();
                prop_assert_eq!(tail, whole);
            }
        }

        /// A session's e1RM point is the one the series finds for it.
        #[test]
        fn e1rm_points_are_the_series_points(workouts in workouts()) {
            for formula in FORMULAS {
                for ex in [squat(), deadlift(), bench()] {
                    let all: Vec<&AnalyticsSet> = workouts.iter().flatten().collect();
                    let series = crate::analytics::strength::session_points(
                        all.iter().copied(),
                        &ex.id,
                        formula,
                    );
                    let derived: Vec<E1rmPoint> = workouts
                        .iter()
                        .flat_map(|w| of_workout(w))
                        .filter(|s| s.exercise_id == ex.id)
                        .filter_map(|s| s.e1rm.into_iter().find(|e| e.formula == formula))
                        .map(|e| e.point)
                        .collect();
                    prop_assert_eq!(derived, series);
                }
            }
        }
    }
}
