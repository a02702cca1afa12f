//! A session in progress: what today's plan says about a set the person
//! logs in their own words.
//!
//! A set typed in set notation (`deadlift 3x45x6`) during a program session
//! is still part of that session: it takes the role the plan gives the
//! exercise's sets (technique practice, warm-up, working) and the planned
//! landings of a jump, unless the person said otherwise. Analytics then
//! counts it as what it was (docs/ANALYTICS.md, "Which sets count").

use super::plan::SessionPlan;
use crate::model::{EffortSource, Impact, SetInput, SetKind, SetRole, Weight};

/// Fills in what `plan` knows about `input` and the person did not say:
/// its role, when the plan has the exercise; the planned landings of an
/// impact slot; and where its effort came from (a typed effort is the
/// person's own).
pub fn fill_from_plan(plan: Option<&SessionPlan>, input: &mut SetInput) {
    if input.effort.is_some() && input.effort_source.is_none() {
        input.effort_source = Some(EffortSource::Logged);
    }
    let Some(ex) = plan.and_then(|p| {
        p.exercises
            .iter()
            .find(|e| e.exercise_id == input.exercise_id)
    }) else {
        return;
    };
    if input.role.is_none() {
        input.role = Some(if input.kind == SetKind::Warmup {
            SetRole::Warmup
        } else {
            ex.sets.first().map_or(SetRole::Working, |s| s.role)
        });
    }
    if input.impact.is_none()
        && input.kind != SetKind::Warmup
        && let Some(planned) = ex.sets.first()
        && let Some(landings) = planned.landings
    {
        // Landings go with the reps done: the plan's landings per rep (one
        // per jumping chin-up), times the reps of this set.
        let per_rep = f64::from(landings) / f64::from(planned.reps.min.max(1));
        let landings = match input.reps {
            Some(reps) if !planned.timed => (f64::from(reps) * per_rep).round() as u32,
            _ => u32::from(landings),
        };
        input.impact = Some(Impact {
            landings,
            drop_height_cm: None,
        });
    }
}

/// Every load `plan` prescribes for `exercise_id`, warm-ups included.
pub fn planned_loads(plan: Option<&SessionPlan>, exercise_id: &str) -> Vec<Weight> {
    plan.into_iter()
        .flat_map(|p| &p.exercises)
        .filter(|e| e.exercise_id == exercise_id)
        .flat_map(|e| e.warmups.iter().chain(&e.sets))
        .filter_map(|s| s.load.weight())
        .collect()
}
