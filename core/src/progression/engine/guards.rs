//! Guard rails of a session: weekly minutes of lifting and rest between sessions.

use super::*;
use crate::progression::spacing;

/// Minutes of lifting in a workout: running, cycling and other cardio do not
/// count toward the strength dose.
pub(super) fn lifting_minutes(w: &PastWorkout, lookup: &dyn ExerciseLookup) -> f64 {
    let cardio = |s: &&PastSet| {
        lookup
            .exercise(&s.exercise_id)
            .is_some_and(|e| e.pattern == Pattern::Cardio)
    };
    let lifting: Vec<_> = w.sets.iter().filter(|s| !cardio(s)).cloned().collect();
    if lifting.is_empty() {
        0.0
    } else if lifting.len() < w.sets.len() {
        crate::progression::history::estimated_minutes(&lifting)
    } else {
        w.lifting_minutes()
    }
}

/// Minutes: tempo 2 s up, 2 s down per rep, the prescribed rest between
/// working sets, warm-ups at 3 s a rep plus 25 s, half a minute to set up
/// each exercise. [design]
pub(super) fn estimate_minutes(exercises: &[ExercisePlan]) -> u32 {
    let mut seconds = 0.0;
    for e in exercises {
        seconds += 30.0;
        // A warm-up set: quick reps and a plate change, no full rest.
        for w in &e.warmups {
            seconds += f64::from(w.reps.max) * 3.0 + 25.0;
        }
        for (i, s) in e.sets.iter().enumerate() {
            // The reps asked for (a range's target is its bottom).
            seconds += if s.timed {
                f64::from(s.reps.min)
            } else {
                f64::from(s.reps.min) * 4.0
            };
            if i + 1 < e.sets.len() {
                seconds += f64::from(e.rest_s);
            }
        }
    }
    (seconds / 60.0).ceil() as u32
}

/// The earliest date for this session: the program's days between sessions
/// and 48 h since the same pattern was last trained hard.
pub(super) fn ready_on(
    input: &PlanInput,
    exercises: &[ExercisePlan],
    warnings: &mut Vec<Warning>,
) -> NaiveDate {
    let mut ready = input.today;
    if let Some(last) = input.run.last_session_on {
        let next = last + Days::new(u64::from(input.program.min_days_between));
        if next > input.today {
            warnings.push(Warning {
                code: WarningCode::TooSoon,
                text: format!(
                    "The program asks for {} days from one session to the next; next session from {next}.",
                    input.program.min_days_between
                ),
            });
        }
        ready = ready.max(next);
    }
    let today_patterns: Vec<Pattern> = exercises
        .iter()
        .filter(|e| e.sets.iter().any(|s| spacing::planned_hard(s.rir)))
        .filter_map(|e| input.exercises.exercise(&e.exercise_id))
        .map(|e| e.pattern)
        .filter(|p| spacing::paced(*p))
        .collect();
    for w in input.history.iter().rev() {
        let gap = (input.today - w.date).num_days();
        if gap >= i64::from(spacing::REST_DAYS) {
            break;
        }
        for s in w.sets.iter().filter(|s| s.is_work()) {
            let hard = spacing::hard(s.reps, s.rir);
            if let Some(e) = input.exercises.exercise(&s.exercise_id)
                && hard
                && today_patterns.contains(&e.pattern)
            {
                let next = w.date + Days::new(u64::from(spacing::REST_DAYS));
                if !warnings.iter().any(|x| x.code == WarningCode::SamePattern) {
                    warnings.push(Warning {
                        code: WarningCode::SamePattern,
                        text: format!(
                            "{} ({}) was trained hard on {}: 48 h between hard sessions for the same movement; next from {next}.",
                            e.pattern, e.name, w.date
                        ),
                    });
                }
                ready = ready.max(next);
            }
        }
    }
    ready
}
