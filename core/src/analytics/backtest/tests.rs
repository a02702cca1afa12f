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

/// Simulated lifters who log reps in reserve, for the effort parts of the
/// forecast, which no real history here logs. The lifter is modelled apart
/// from the engine's formulas: reps a load allows fresh follow Mayhew's
/// curve (%1RM = 52.2 + 41.9 e^(-0.055 reps)), not Epley's or the RPE
/// chart; each set costs the next `fatigue` reps; reported RIR misses the
/// true reserve by up to a rep; strength drifts up with day-to-day readiness
/// and falls a little in gaps.
mod simulated {
    use super::*;
    use crate::analytics::input::fixtures::deadlift;

    /// xorshift64*: the same lifters every run.
    struct Rng(u64);
    impl Rng {
        fn unit(&mut self) -> f64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1_u64 << 53) as f64
        }
        fn normal(&mut self) -> f64 {
            // Irwin-Hall: near enough to normal for noise.
            (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
        }
    }

    /// Reps to failure at `share` of the 1RM (Mayhew 1992).
    fn reps_allowed(share: f64) -> f64 {
        if share <= 0.522 {
            return 30.0;
        }
        (-((share - 0.522) / 0.419).ln() / 0.055).max(0.0)
    }

    /// Share of the 1RM that allows `reps` to failure.
    fn share_for(reps: f64) -> f64 {
        0.522 + 0.419 * (-0.055 * reps).exp()
    }

    /// A year and a half of one lifter: sets, and the true 1RM by date.
    fn lifter(seed: u64) -> (Vec<AnalyticsSet>, HashMap<NaiveDate, f64>) {
        let mut rng = Rng(seed);
        let fatigue = 0.3 + 0.6 * rng.unit();
        let rir_error = 0.3 + 0.7 * rng.unit();
        let mut strength = 80.0 + 80.0 * rng.unit();
        // What the lifter believes, from which loads are chosen.
        let mut belief = strength * (0.9 + 0.1 * rng.unit());
        let mut sets = Vec::new();
        let mut truth = HashMap::new();
        let mut day = d(2025, 1, 6);
        let mut workout = 0;
        while day < d(2026, 7, 1) {
            let step = if rng.unit() < 0.03 {
                // A layoff of three to ten weeks.
                let off = 21 + (rng.unit() * 50.0) as u64;
                strength *= 1.0 - 0.003 * (off as f64 / 7.0);
                off
            } else {
                3 + (rng.unit() * 3.0) as u64
            };
            day = day + chrono::Days::new(step);
            strength *= 1.0 + 0.002 * step as f64 * rng.unit();
            let today = strength * (1.0 + 0.03 * rng.normal() / 1.0);
            truth.insert(day, strength);
            let reps = [3.0, 5.0, 5.0, 8.0][(rng.unit() * 4.0) as usize % 4];
            let target_rir = 1.0 + (rng.unit() * 3.0).floor();
            let load = (belief * share_for(reps + target_rir) / 2.5).round() * 2.5;
            workout += 1;
            let mut best_seen: f64 = 0.0;
            for i in 0..3 {
                let capacity = reps_allowed(load / today) - fatigue * f64::from(i);
                let done = capacity.floor().clamp(0.0, reps);
                if done < 1.0 {
                    break;
                }
                let reserve = (capacity - done).max(0.0);
                let reported =
                    ((reserve + rir_error * rng.normal() / 2.0).max(0.0) * 2.0).round() / 2.0;
                let t = at(day, 18, 10 * i, 1);
                let mut s = set(deadlift(), &format!("w{workout}"), t)
                    .kg(load)
                    .reps(done as u32)
                    .rir(reported);
                s.workout_start = at(day, 18, 0, 1);
                best_seen = best_seen.max(load * share_for(0.0) / share_for(done + reported));
                sets.push(s);
            }
            // The lifter's belief follows what the sets showed.
            if best_seen > 0.0 {
                belief += (best_seen - belief) / 2.0;
            }
        }
        (sets, truth)
    }

    /// MAPE (percent) of Heft's forecasts against the backtest's actual and
    /// against the true 1RM, and the naive forecast's against the actual,
    /// over `lifters`.
    fn errors(model: &Model, lifters: u64) -> (f64, f64, f64) {
        let (mut actual, mut truth, mut naive, mut n) = (0.0, 0.0, 0.0, 0.0);
        for seed in 1..=lifters {
            let (sets, strengths) = lifter(seed * 7919);
            let b = replay(&sets, Formula::Epley, &HashMap::new(), model);
            for r in &b.rows {
                let (a, Some(h), Some(b)) = r.kg else {
                    continue;
                };
                actual += ((h - a) / a).abs();
                naive += ((b - a) / a).abs();
                truth += ((h - strengths[&r.date]) / strengths[&r.date]).abs();
                n += 1.0;
            }
        }
        (actual / n * 100.0, truth / n * 100.0, naive / n * 100.0)
    }

    #[test]
    fn reps_in_reserve_and_fatigue_make_forecasts_better() {
        let with = errors(&Model::HEFT, 40);
        let without = errors(
            &Model {
                effort: false,
                ..Model::HEFT
            },
            40,
        );
        let no_fatigue = errors(
            &Model {
                fatigue_reps_per_set: 0.0,
                ..Model::HEFT
            },
            40,
        );
        eprintln!(
            "simulated, 40 lifters (MAPE vs actual, vs true 1RM, naive vs actual): \
             Heft {with:?}, RIR without fatigue {no_fatigue:?}, no effort {without:?}"
        );
        // Against the next session's best set as the backtest counts it
        // (RIR included), and against the lifter's true strength.
        assert!(with.0 < without.0, "{with:?} {without:?}");
        assert!(with.1 < without.1, "{with:?} {without:?}");
        // The fatigue of later sets is worth its part too.
        assert!(with.1 < no_fatigue.1, "{with:?} {no_fatigue:?}");
    }
}
