use super::*;
use crate::analytics::input::fixtures::{at, bench, d, set, squat};

fn session(
    ex: std::sync::Arc<crate::analytics::input::SetExercise>,
    day: NaiveDate,
) -> AnalyticsSet {
    set(ex, &format!("w{day}"), at(day, 18, 0, 1))
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 0.01)
}

/// Back squat: 100 x 5 on 5 and 8 January, 105 x 5 after a month off (9
/// February), then 235 lb x 5 (12 February); a bench session on 9 February
/// too.
fn history() -> Vec<AnalyticsSet> {
    let mut sets = Vec::new();
    for day in [d(2026, 1, 5), d(2026, 1, 8)] {
        sets.push(
            session(squat(), day)
                .kg(60.0)
                .reps(5)
                .kind(crate::model::SetKind::Warmup),
        );
        sets.push(session(squat(), day).kg(100.0).reps(5));
    }
    sets.push(session(squat(), d(2026, 2, 9)).kg(105.0).reps(5));
    sets.push(session(bench(), d(2026, 2, 9)).kg(70.0).reps(8));
    sets.push(session(squat(), d(2026, 2, 12)).lb(235.0).reps(5));
    sets
}

#[test]
fn a_tiny_history_by_hand() {
    let mut names = HashMap::new();
    names.insert("back-squat".to_owned(), "Squat (Barbell)".to_owned());
    let b = replay(&history(), Formula::Epley, &names, &Model::HEFT);
    let squats: Vec<&BacktestRow> = b
        .rows
        .iter()
        .filter(|r| r.exercise_id == "back-squat")
        .collect();
    assert_eq!(squats.len(), 4);
    assert!(squats.iter().all(|r| r.exercise == "Squat (Barbell)"));
    assert_eq!(
        b.rows
            .iter()
            .find(|r| r.exercise_id == "bench-press")
            .unwrap()
            .exercise,
        "Bench Press"
    );
    // Less than four weeks of history: nothing forecast. The warm-up is not
    // the best set.
    for r in &squats[..2] {
        assert_eq!((r.heft, r.baseline), (None, None));
        assert_eq!((r.load, r.reps, r.unit), (100.0, 5, WeightUnit::Kg));
        assert!(close(Some(r.actual), 116.67));
    }
    // 9 February, 32 days after the last squat: after a gap. Nothing in the
    // 28 days before, so the naive forecast is the latest session, 116.67;
    // Heft's, from two equal sessions and under 35 days off, is the same.
    // Actual 105 x 5: 122.5.
    let gap = squats[2];
    assert_eq!(gap.situation, Situation::Gap);
    assert!(close(Some(gap.actual), 122.5));
    assert!(
        close(gap.baseline, 116.67) && close(gap.heft, 116.67),
        "{gap:?}"
    );
    // 12 February, in pounds: 235 lb x 5 is 274.17 lb. The naive forecast is
    // the best of the 28 days before, 122.5 kg = 270.07 lb. Heft's (by the
    // independent computation in docs/FORECAST.md's check): the track record
    // of 9 February (every forecaster 4.76% under) blends them equally:
    // last 122.5, trend, recency mean, last three, best of 28 days 122.5,
    // plus the lifter's bias, 122.257 kg = 269.53 lb.
    let lb = squats[3];
    assert_eq!((lb.unit, lb.load, lb.reps), (WeightUnit::Lb, 235.0, 5));
    assert_eq!(lb.situation, Situation::FirstWeeks);
    assert!(close(Some(lb.actual), 274.17));
    assert!(close(lb.baseline, 270.07), "{lb:?}");
    assert!(close(lb.heft, 269.53), "{lb:?}");
    // The summary: two forecasts, one after a gap, one in the first weeks.
    let s = b.summary;
    assert_eq!((s.sessions, s.overall.forecasts), (5, 2));
    assert_eq!(
        (s.gap.forecasts, s.first_weeks.forecasts, s.steady.forecasts),
        (1, 1, 0)
    );
    let gap_error = (122.5 - 116.666_666) / 122.5 * 100.0;
    assert!((s.gap.heft_mape.unwrap() - gap_error).abs() < 1e-3);
    assert!((s.gap.baseline_mape.unwrap() - gap_error).abs() < 1e-3);
    let heft = (274.166_666 - 269.530_515) / 274.166_666 * 100.0;
    let naive = (274.166_666 - 270.066_271) / 274.166_666 * 100.0;
    assert!(close(Some(heft), 1.69) && close(Some(naive), 1.50));
    assert!((s.first_weeks.heft_mape.unwrap() - heft).abs() < 1e-3);
    assert!((s.first_weeks.baseline_mape.unwrap() - naive).abs() < 1e-3);
    assert!((s.overall.heft_mape.unwrap() - (gap_error + heft) / 2.0).abs() < 1e-3);
    assert_eq!(s.steady.heft_mape, None);
    // Here the naive number was nearer: 1.50% against 1.69%.
    assert!(s.overall.improvement().unwrap() < 0.0);
}

#[test]
fn rows_come_in_date_order_and_json_has_the_documented_fields() {
    let b = replay(&history(), Formula::Epley, &HashMap::new(), &Model::HEFT);
    assert!(b.rows.windows(2).all(|w| w[0].date <= w[1].date));
    let json = serde_json::to_value(&b.rows[4]).unwrap();
    for field in [
        "date",
        "exercise",
        "exercise_id",
        "load",
        "unit",
        "reps",
        "actual",
        "heft",
        "baseline",
        "situation",
    ] {
        assert!(json.get(field).is_some(), "{field}: {json}");
    }
    assert_eq!(json["unit"], "lb");
    assert!(json["heft"].is_number());
    assert!(serde_json::to_value(&b.rows[0]).unwrap()["heft"].is_null());
}
