//! Counting a finished workout as a session of the running program: the
//! run advances and each working set records its prescription.

use super::*;
use crate::model::SetTarget;

/// Advances the active run with a just-finished workout, if it was a session
/// of the plan; returns what changed, the run as undo puts it back, and
/// its state before and after.
pub(super) fn count_session(
    tx: &Connection,
    stamp: &mut Stamper,
    workout: &Workout,
) -> Result<Option<(SessionResult, crate::heft::undo::RunBefore, RunStates)>> {
    let Some(run) = store::programs::active_run(tx)? else {
        return Ok(None);
    };
    let date = workout.started_at.local_date();
    if date < run.started_on {
        return Ok(None);
    }
    if store::workouts::counted_run(tx, &workout.id)?.is_some() {
        return Ok(None);
    }
    // A program that no longer loads (deleted or changed on another device)
    // must not stop a workout from being finished: it is not counted.
    let Ok(ctx) = Context::read(tx, date, Some(&workout.id)) else {
        return Ok(None);
    };
    let plan = ctx.plan(date, None)?;
    let log = crate::heft::logbook::sets_of_workout(tx, &workout.id)?;
    let done = PastWorkout::from(&log);
    if !session::is_session_of(&plan, &done) {
        return Ok(None);
    }
    let advance = engine::advance_planned(&ctx.input(date), &plan, &done)
        .ok_or_else(|| Error::Conflict("the program has no session to plan".into()))?;
    store::programs::set_state(tx, &run.id, &advance.run, &stamp.next())?;
    store::workouts::set_counted_run(tx, &workout.id, Some(&run.id), &stamp.next())?;
    for (set, t) in session::prescriptions(&plan, &log.sets) {
        let target = SetTarget {
            weight: t.load.weight(),
            reps: Some(u32::from(t.reps.min)),
            rir: t.rir,
        };
        store::sets::set_target(tx, &set.id, Some(&target), &stamp.next())?;
    }
    let next_phase = engine::plan(&PlanInput {
        run: &advance.run,
        ..ctx.input(date)
    })
    .map(|p| p.phase);
    let undo = crate::heft::undo::RunBefore {
        id: run.id.clone(),
        state: store::programs::state_json(&run.state)?,
    };
    Ok(Some((
        SessionResult {
            run_id: run.id,
            session_number: plan.session_number,
            changes: advance.changes,
            next_phase,
        },
        undo,
        RunStates {
            before: run.state,
            after: advance.run,
        },
    )))
}
