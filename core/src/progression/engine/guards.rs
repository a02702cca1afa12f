//! Guard rails of a session: weekly minutes of lifting and rest between sessions.

use super::*;
use crate::progression::minutes;
use crate::progression::program::ProgramRest;
use crate::progression::spacing;

/// Minutes of lifting in a workout: running, cycling and other cardio do not
/// count toward the strength dose. Sets logged without a recorded length
/// rest what the run's program prescribes in its current phase
/// ([`crate::progression::minutes`]), so a session logged as planned counts
/// what its plan estimated.
pub(super) fn lifting_minutes(w: &PastWorkout, input: &PlanInput) -> f64 {
    let rest = ProgramRest {
        program: input.program,
        phase: input.run.phase,
    };
    let cardio = |s: &&PastSet| {
        input
            .exercises
            .exercise(&s.exercise_id)
            .is_some_and(|e| e.pattern == Pattern::Cardio)
    };
    let lifting: Vec<_> = w.sets.iter().filter(|s| !cardio(s)).cloned().collect();
    if lifting.is_empty() {
        0.0
    } else if lifting.len() < w.sets.len() {
        minutes::logged_minutes(&lifting, &rest)
    } else {
        w.lifting_minutes(&rest)
    }
}

/// The earliest date for this session: the program's days between sessions
/// and 48 h since the same pattern was last trained hard, on a weekday the
/// person trains when they chose their days.
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
                facts: WarningFacts {
                    count: Some(u32::from(input.program.min_days_between)),
                    next: Some(next),
                    ..WarningFacts::default()
                },
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
                        facts: WarningFacts {
                            exercise: Some(e.name.clone()),
                            on: Some(w.date),
                            next: Some(next),
                            ..WarningFacts::default()
                        },
                    });
                }
                ready = ready.max(next);
            }
        }
    }
    // The weekdays the person trains: the first of them once rest allows.
    input.adjustments.training_day_from(ready)
}
