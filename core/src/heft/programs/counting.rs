//! Counting a finished workout as a session of the running program: the
//! run advances and each working set records its prescription.

use super::*;

/// Advances the active run with a just-finished workout, if it was a session
/// of the plan; returns what changed and the run as it was before.
pub(super) fn count_session(
    tx: &Connection,
    stamp: &mut Stamper<'_>,
    workout: &Workout,
) -> Result<Option<(SessionResult, crate::heft::undo::RunBefore)>> {
    let Some(run) = active_run(tx)? else {
        return Ok(None);
    };
    let date = workout.started_at.local_date();
    if date < run.started_on {
        return Ok(None);
    }
    let counted: Option<String> = tx.query_row(
        "SELECT run_id FROM workout WHERE id = ?1",
        [&workout.id],
        |r| r.get(0),
    )?;
    if counted.is_some() {
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
    tx.execute(
        "UPDATE program_run SET state = ?2, hlc = ?3 WHERE id = ?1",
        (&run.id, state_json(&advance.run)?, stamp.next()),
    )?;
    tx.execute(
        "UPDATE workout SET run_id = ?2, hlc = ?3 WHERE id = ?1",
        (&workout.id, &run.id, stamp.next()),
    )?;
    for (set, t) in session::prescriptions(&plan, &log.sets) {
        let weight = t.load.weight();
        tx.prepare_cached(
            "UPDATE set_entry SET target_weight_milli = ?2, target_weight_unit = ?3, target_reps = ?4, target_rir = ?5, hlc = ?6 WHERE id = ?1",
        )?
        .execute((
            &set.id,
            weight.map(|w| w.milli()),
            weight.map(|w| w.unit().symbol()),
            u32::from(t.reps.min),
            t.rir,
            stamp.next(),
        ))?;
    }
    let next_phase = engine::plan(&PlanInput {
        run: &advance.run,
        ..ctx.input(date)
    })
    .map(|p| p.phase);
    Ok(Some((
        SessionResult {
            run_id: run.id.clone(),
            session_number: plan.session_number,
            changes: advance.changes,
            next_phase,
        },
        crate::heft::undo::RunBefore {
            id: run.id,
            state: state_json(&run.state)?,
        },
    )))
}

/// Ends a run on `ended_on`, or makes it the active one again with `None`.
pub(crate) fn set_run_end(
    tx: &Connection,
    stamp: &mut Stamper<'_>,
    id: &str,
    ended_on: Option<NaiveDate>,
) -> Result<()> {
    tx.execute(
        "UPDATE program_run SET ended_on = ?2, hlc = ?3 WHERE id = ?1",
        (id, ended_on.map(|d| d.to_string()), stamp.next()),
    )?;
    Ok(())
}

pub(super) fn state_json(state: &RunState) -> Result<String> {
    serde_json::to_string(state).map_err(|e| Error::BadRow {
        table: "program_run",
        column: "state",
        reason: e.to_string(),
    })
}
