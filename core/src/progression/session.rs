//! A session in progress: what today's plan says about a set the person
//! logs in their own words.
//!
//! A set typed in set notation (`deadlift 3x45x6`) during a program session
//! is still part of that session: it takes the role the plan gives the
//! exercise's sets (technique practice, warm-up, working) and the planned
//! landings of a jump, unless the person said otherwise. Analytics then
//! counts it as what it was (docs/ANALYTICS.md, "Which sets count").
//!
//! Also here, decided without the database: how far the session has come
//! and which set is next ([`progress`]), that set as it is logged when done
//! as prescribed ([`as_prescribed`]), whether a finished workout was a
//! session of the plan ([`is_session_of`]), and which prescription each
//! logged working set records ([`prescriptions`]).

use serde::Serialize;

use super::PastWorkout;
use super::engine::LiftChange;
use super::plan::{ExercisePlan, PhasePosition, PlannedLoad, PlannedSet, SessionPlan};
use crate::model::Workout;
use crate::model::{
    Effort, EffortSource, Impact, Load, SetEntry, SetInput, SetKind, SetRole, Weight,
};
use crate::{Error, Result};

/// Sets done of one planned exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExerciseProgress {
    /// Warm-up sets logged.
    pub warmups: u32,
    /// Working sets logged.
    pub sets: u32,
}

/// A finished workout and, when it was a program session, what it changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Finished {
    /// The workout.
    pub workout: Workout,
    /// The program session, if the workout counted as one.
    pub session: Option<SessionResult>,
}

/// What a finished program session changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SessionResult {
    /// The run.
    pub run_id: String,
    /// Which session this was (1-based).
    pub session_number: u32,
    /// Per lift, what changed and why.
    pub changes: Vec<LiftChange>,
    /// Where the next session sits.
    pub next_phase: Option<PhasePosition>,
}

/// Today's session and how far the person got.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Today {
    /// The plan.
    pub plan: SessionPlan,
    /// The workout the session is being logged into, once it has sets.
    pub workout_id: Option<String>,
    /// Per planned exercise, sets done so far (warm-ups, working).
    pub done: Vec<ExerciseProgress>,
    /// The next set to do, if any is left.
    pub next: Option<NextSet>,
}

/// The next set to do: its values, and where it sits in the plan (for a
/// view that highlights it among the planned sets).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NextSet {
    /// Index into `plan.exercises`.
    pub exercise: usize,
    /// True for a warm-up set.
    pub warmup: bool,
    /// Index into that exercise's warm-ups or sets.
    pub index: usize,
    /// The exercise's id.
    pub exercise_id: String,
    /// The exercise's name.
    pub exercise_name: String,
    /// Which warm-up or working set of the exercise it is, from 1.
    pub number: u32,
    /// The set as planned.
    pub set: PlannedSet,
}

impl NextSet {
    fn at(plan_exercise: (usize, &ExercisePlan), warmup: bool, index: usize) -> Option<NextSet> {
        let (exercise, ex) = plan_exercise;
        let list = if warmup { &ex.warmups } else { &ex.sets };
        Some(NextSet {
            exercise,
            warmup,
            index,
            exercise_id: ex.exercise_id.clone(),
            exercise_name: ex.exercise_name.clone(),
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            set: list.get(index)?.clone(),
        })
    }
}

/// Sets done per planned exercise, and the next one to do: an exercise's
/// warm-ups until its first working set, then its working sets, exercise
/// by exercise in the plan's order.
pub fn progress(
    plan: &SessionPlan,
    sets: &[super::PastSet],
) -> (Vec<ExerciseProgress>, Option<NextSet>) {
    let mut done = Vec::new();
    let mut next = None;
    for (i, ex) in plan.exercises.iter().enumerate() {
        let of = sets.iter().filter(|s| s.exercise_id == ex.exercise_id);
        let warmups = of.clone().filter(|s| s.kind == SetKind::Warmup).count();
        let work = of.filter(|s| s.kind != SetKind::Warmup).count();
        done.push(ExerciseProgress {
            warmups: u32::try_from(warmups).unwrap_or(u32::MAX),
            sets: u32::try_from(work).unwrap_or(u32::MAX),
        });
        if next.is_none() {
            if work == 0 && warmups < ex.warmups.len() {
                next = NextSet::at((i, ex), true, warmups);
            } else if work < ex.sets.len() {
                next = NextSet::at((i, ex), false, work);
            }
        }
    }
    (done, next)
}

/// The `next` set as it is logged when done as prescribed: the plan's
/// load, reps (or seconds), band and landings, and its effort target
/// marked as assumed ([`EffortSource::Prescribed`]). A set whose load is
/// still to be found needs the person's load ([`Error::NeedsLoad`]).
pub fn as_prescribed(next: &NextSet) -> Result<SetInput> {
    let set = &next.set;
    let mut input = SetInput::new(&next.exercise_id);
    input.kind = set.kind;
    input.role = Some(set.role);
    if let Some(rir) = set.rir {
        input.effort = Some(Effort::Rir(rir));
        input.effort_source = Some(EffortSource::Prescribed);
    }
    input.load = match set.load {
        PlannedLoad::None => Load::None,
        PlannedLoad::Weight { weight } => Load::Weight { weight },
        PlannedLoad::Bodyweight { added } => Load::Bodyweight { added },
        PlannedLoad::FindLoad { .. } => {
            return Err(Error::NeedsLoad {
                exercise: next.exercise_name.clone(),
            });
        }
    };
    if set.timed {
        input.duration_ms = Some(u32::from(set.reps.min) * 1000);
    } else {
        input.reps = Some(u32::from(set.reps.min));
    }
    input.band = set.band.clone();
    if let Some(landings) = set.landings {
        input.impact = Some(Impact {
            landings: u32::from(landings),
            drop_height_cm: None,
        });
    }
    Ok(input)
}

/// Whether a finished workout was a session of `plan`: it holds a working
/// set of an exercise the plan has. A workout of other exercises only is
/// not counted.
pub fn is_session_of(plan: &SessionPlan, done: &PastWorkout) -> bool {
    done.sets.iter().any(|s| {
        s.is_work()
            && plan
                .exercises
                .iter()
                .any(|e| e.exercise_id == s.exercise_id)
    })
}

/// The prescription each logged working set of a counted session records:
/// per planned exercise, its working sets in the order logged take the
/// plan's sets in order; sets past the plan's record none.
pub fn prescriptions<'a>(
    plan: &'a SessionPlan,
    logged: &'a [SetEntry],
) -> Vec<(&'a SetEntry, &'a PlannedSet)> {
    let mut out = Vec::new();
    for ex in &plan.exercises {
        let working = logged
            .iter()
            .filter(|s| s.input.exercise_id == ex.exercise_id && s.input.kind != SetKind::Warmup);
        out.extend(working.zip(ex.sets.iter()));
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;
    use crate::progression::PastSet;
    use crate::progression::minutes::tests::{builtin_plan, logged_as_planned};

    /// LIFTMOR's high-intensity session: warm-ups, then 5 x 5 of three lifts
    /// and jumping chin-ups.
    fn liftmor_plan() -> SessionPlan {
        builtin_plan("liftmor", 2).2
    }

    #[test]
    fn the_next_set_is_the_first_not_logged_warm_ups_first() {
        let plan = liftmor_plan();
        let first = &plan.exercises[0];
        assert!(!first.warmups.is_empty() && first.sets.len() == 5);
        let all = logged_as_planned(&plan);
        let (done, next) = progress(&plan, &[]);
        assert!(done.iter().all(|d| *d
            == ExerciseProgress {
                warmups: 0,
                sets: 0
            }));
        let next = next.unwrap();
        assert_eq!((next.exercise, next.warmup, next.index), (0, true, 0));
        assert_eq!(next.exercise_id, first.exercise_id);
        assert_eq!(next.exercise_name, first.exercise_name);
        assert_eq!((next.number, &next.set), (1, &first.warmups[0]));
        // The warm-ups and two working sets of the first lift.
        let logged: Vec<PastSet> = all[..first.warmups.len() + 2].to_vec();
        let (done, next) = progress(&plan, &logged);
        assert_eq!(done[0].sets, 2);
        let next = next.unwrap();
        assert_eq!((next.exercise, next.warmup, next.index), (0, false, 2));
        assert_eq!((next.number, &next.set), (3, &first.sets[2]));
        // A working set logged first: its warm-ups are skipped, not asked for.
        let work_only: Vec<PastSet> = all[first.warmups.len()..first.warmups.len() + 1].to_vec();
        assert_eq!(
            progress(&plan, &work_only).1.map(|n| (n.warmup, n.index)),
            Some((false, 1))
        );
        // Everything: nothing next.
        assert_eq!(progress(&plan, &all).1, None);
    }

    #[test]
    fn a_set_done_as_prescribed_carries_the_plans_values_and_an_assumed_effort() {
        let plan = liftmor_plan();
        let first = &plan.exercises[0];
        let logged = logged_as_planned(&plan)[..first.warmups.len()].to_vec();
        let next = progress(&plan, &logged).1.unwrap();
        assert_eq!((next.warmup, next.index), (false, 0));
        let input = as_prescribed(&next).unwrap();
        let planned = &plan.exercises[0].sets[0];
        assert_eq!(input.exercise_id, plan.exercises[0].exercise_id);
        assert_eq!(input.reps, Some(u32::from(planned.reps.min)));
        let weight = match input.load {
            Load::Weight { weight } => Some(weight),
            _ => None,
        };
        assert_eq!(weight, planned.load.weight());
        assert_eq!(input.role, Some(planned.role));
        assert_eq!(input.effort_source, Some(EffortSource::Prescribed));
        assert_eq!(input.effort, planned.rir.map(Effort::Rir));
        let to_find = NextSet {
            set: PlannedSet {
                load: PlannedLoad::FindLoad { start: None },
                ..next.set.clone()
            },
            ..next
        };
        assert!(matches!(
            as_prescribed(&to_find),
            Err(Error::NeedsLoad { exercise }) if exercise == first.exercise_name
        ));
    }

    #[test]
    fn only_a_working_set_of_a_planned_exercise_makes_a_session() {
        let plan = liftmor_plan();
        let all = logged_as_planned(&plan);
        let workout = |sets: Vec<PastSet>| PastWorkout {
            id: "w".into(),
            date: plan.date,
            minutes: None,
            sets,
        };
        assert!(is_session_of(&plan, &workout(all.clone())));
        let warmups: Vec<PastSet> = all
            .iter()
            .filter(|s| s.kind == SetKind::Warmup)
            .cloned()
            .collect();
        assert!(!is_session_of(&plan, &workout(warmups)));
        let mut other = all[plan.exercises[0].warmups.len()].clone();
        other.exercise_id = "bicep-curl".into();
        assert!(!is_session_of(&plan, &workout(vec![other])));
    }

    #[test]
    fn working_sets_take_the_plans_prescriptions_in_order_and_extras_none() {
        let plan = liftmor_plan();
        let ex = &plan.exercises[0];
        let at = Timestamp::from_parts(1_795_000_000_000, 60).unwrap();
        let entry = |i: u32, kind: SetKind| SetEntry {
            id: format!("s{i}"),
            workout_id: "w".into(),
            exercise_name: ex.exercise_name.clone(),
            position: i,
            performed_at: at,
            input: SetInput {
                kind,
                ..SetInput::new(&ex.exercise_id)
            },
            target: None,
        };
        // A warm-up, then six working sets against five planned.
        let mut logged = vec![entry(1, SetKind::Warmup)];
        logged.extend((2..=7).map(|i| entry(i, SetKind::Working)));
        let pairs = prescriptions(&plan, &logged);
        assert_eq!(pairs.len(), 5);
        for (i, (set, planned)) in pairs.iter().enumerate() {
            assert_eq!(set.id, format!("s{}", i + 2));
            assert!(std::ptr::eq(*planned, &ex.sets[i]));
        }
    }
}
