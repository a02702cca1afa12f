//! Arbitrary sets through every analytics function: no panic, and sane shapes.

use std::sync::Arc;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::input::fixtures::{bench, box_jump, deadlift, pull_up, running, squat};
use super::*;
use crate::model::{Profile, SetKind, Timestamp};
use crate::progression::minutes::NoProgram;
use crate::progression::strength::Formula;

fn exercise() -> impl Strategy<Value = Arc<SetExercise>> {
    prop_oneof![
        Just(squat()),
        Just(deadlift()),
        Just(bench()),
        Just(pull_up()),
        Just(box_jump()),
        Just(running()),
    ]
}

fn kind() -> impl Strategy<Value = SetKind> {
    prop_oneof![
        Just(SetKind::Warmup),
        Just(SetKind::Working),
        Just(SetKind::Drop),
        Just(SetKind::Failure),
    ]
}

fn float() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -50.0f64..400.0,
        1 => proptest::num::f64::ANY,
    ]
}

prop_compose! {
    fn a_set()(
        ex in exercise(),
        workout in 0u8..6,
        start_ms in -5_000_000_000_000i64..5_000_000_000_000,
        delay_ms in 0i64..20_000_000,
        offset_min in -14 * 60i32..=14 * 60,
        kind in kind(),
        load in proptest::option::of(float()),
        bodyweight in any::<bool>(),
        reps in proptest::option::of(prop_oneof![0u32..15, any::<u32>()]),
        rir in proptest::option::of(float()),
        duration in proptest::option::of(any::<u32>()),
        workout_duration in proptest::option::of(any::<u32>()),
        landings in proptest::option::of(any::<u32>()),
        n in any::<u32>(),
    ) -> AnalyticsSet {
        let start = Timestamp::from_parts(start_ms, offset_min).unwrap();
        let at = Timestamp::from_parts(start_ms + delay_ms, offset_min).unwrap();
        let mut s = AnalyticsSet::new(format!("s{n}"), format!("w{workout}"), start, ex);
        s.performed_at = at;
        s.date = at.local_date();
        s.week = Week::of(s.date);
        s.kind = kind;
        s.load_kg = load;
        s.bodyweight = bodyweight;
        s.reps = reps;
        s.rir = rir;
        s.duration_s = duration;
        s.workout_duration_s = workout_duration;
        s.landings = landings;
        s
    }
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (-100_000i64..100_000).prop_map(|d| {
        NaiveDate::from_ymd_opt(2000, 1, 1)
            .and_then(|x| x.checked_add_signed(chrono::TimeDelta::days(d)))
            .unwrap_or(NaiveDate::MIN)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn nothing_panics(mut sets in proptest::collection::vec(a_set(), 0..60), today in date(), other in date(), brzycki in any::<bool>()) {
        let formula = if brzycki { Formula::Brzycki } else { Formula::Epley };
        let profile = Profile { formula: Some(formula), ..Profile::default() };
        sets.sort_by_key(|s| s.performed_at.utc_ms());
        let s = summary::stats(sets.clone(), &profile, today, Some(PlannedSessions { per_week: 3, since: other }), &NoProgram);
        prop_assert_eq!(s.last_4_weeks.len() as u32 + 1, summary::PAST_WEEKS + 1);
        prop_assert!(s.records.iter().all(|r| r.value.is_finite()));
        let _ = serde_json::to_string(&s);
        let (from, to) = (today.min(other), today.max(other));
        // Keep the span small enough for the test to stay quick.
        let to = to.min(from.checked_add_days(Days::new(400)).unwrap_or(to));
        let weeks = dose::weekly(&sets, from, to, formula, None, &NoProgram);
        prop_assert_eq!(weeks.len(), Week::range(from, to).len());
        let _ = records::records(&sets, formula);
        let (logged, history) = sets.split_at(sets.len() / 2);
        let _ = records::new_records(logged, history, formula);
        for id in ["back-squat", "pull-up", "running"] {
            let series = strength::e1rm_series(id, id, &sets, formula);
            prop_assert!(series.points.iter().all(|p| p.e1rm_kg.is_finite() && p.e1rm_kg > 0.0));
            let r = strength::retention(&series, other, today);
            prop_assert!(r.percent.is_none_or(f64::is_finite));
        }
        let _ = summary::charts(&sets, from, to, formula, None, &NoProgram, &[]);
        let _ = adherence::spacing(&sets, today);
        let dates: Vec<NaiveDate> = sets.iter().map(|s| s.date).collect();
        let _ = adherence::streak(&dates, today);
        let _ = adherence::gaps(&dates, today);
    }
}
