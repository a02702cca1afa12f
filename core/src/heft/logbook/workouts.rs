//! The workout rows under the logbook: finding, opening and closing
//! workouts, and reading one with its sets.

use super::*;

pub(super) fn insert_workout(
    conn: &Connection,
    name: Option<String>,
    t: Timestamp,
    stamp: &mut Stamper,
) -> Result<Workout> {
    let id = uuid::Uuid::now_v7().to_string();
    store::workouts::insert(conn, &id, name.as_deref(), t, &stamp.next())?;
    Ok(Workout {
        id,
        name,
        started_at: t,
        finished_at: None,
        duration_s: None,
        note: None,
    })
}

/// The latest set time of a workout, or its start when it has none.
pub(super) fn last_activity(conn: &Connection, w: &Workout) -> Result<Timestamp> {
    Ok(match sets::last_performed_ms(conn, &w.id)? {
        Some(ms) if ms > w.started_at.utc_ms() => {
            Timestamp::from_parts(ms, w.started_at.offset_min()).unwrap_or(w.started_at)
        }
        _ => w.started_at,
    })
}

/// Closes open workouts whose last set is more than [`SESSION_GAP`] before
/// `t`, at that last set: a workout nobody finished should not swallow the next one.
pub(super) fn close_stale(conn: &Connection, t: Timestamp, stamp: &mut Stamper) -> Result<()> {
    for w in store::workouts::open_started_by(conn, t.utc_ms())? {
        let last = last_activity(conn, &w)?;
        if t.0.signed_duration_since(last.0) > SESSION_GAP {
            store::workouts::set_finished(conn, &w.id, last.utc_ms(), &stamp.next())?;
        }
    }
    Ok(())
}

/// The workout a set done at `t` belongs to, if one exists.
pub(super) fn find_workout_for(
    conn: &Connection,
    t: Timestamp,
    at: LogTime,
) -> Result<Option<Workout>> {
    if let LogTime::OnDate(d) = at {
        return store::workouts::newest_on_local_day(conn, d);
    }
    // Candidates: workouts that started within a day before `t`, newest first.
    for w in store::workouts::started_in_day_before(conn, t.utc_ms(), 8)? {
        let belongs = match w.finished_at {
            Some(end) => t <= end,
            None => t.0.signed_duration_since(last_activity(conn, &w)?.0) <= SESSION_GAP,
        };
        if belongs {
            return Ok(Some(w));
        }
    }
    Ok(None)
}

/// A workout's end and duration as they were, for undo.
pub(super) type WorkoutEnd = (Option<i64>, Option<u32>);

/// Ends a workout inside a transaction; returns it and its end and duration
/// before, for undo.
pub(crate) fn close_workout(
    tx: &Connection,
    stamp: &mut Stamper,
    finish: &FinishWorkout,
) -> Result<(Workout, WorkoutEnd)> {
    let now = stamp.now();
    let workout = match (&finish.workout_id, finish.on) {
        (Some(id), _) => store::workouts::by_id(tx, id)?,
        (None, Some(date)) => match store::workouts::open_on_local_day(tx, date)?
            .into_iter()
            .next()
        {
            Some(w) => w,
            None => {
                return Err(Error::NoOpenWorkout {
                    on: Some(date),
                    latest: store::workouts::any_on_local_day(tx, date)?.then_some(date),
                });
            }
        },
        (None, None) => match store::workouts::newest_open(tx)? {
            Some(w) => w,
            None => {
                return Err(Error::NoOpenWorkout {
                    on: None,
                    latest: store::workouts::newest(tx)?.map(|w| w.started_at.local_date()),
                });
            }
        },
    };
    let end = match finish.at {
        Some(at) => {
            validate::instant(Field::FinishedAt, at, now)?;
            at
        }
        // A workout finished long after its last set (forgotten, or
        // backdated) ends at its last set, not now.
        None => {
            let last = last_activity(tx, &workout)?;
            if now.signed_duration_since(last.0) > SESSION_GAP {
                last.0
            } else {
                now
            }
        }
    };
    if end < workout.started_at.0 {
        return Err(ValidationError {
            field: Field::FinishedAt,
            problem: Problem::BeforeStart,
        }
        .into());
    }
    if let Some(d) = finish.duration_s
        && (d == 0 || d > validate::MAX_DURATION_MS / 1000)
    {
        return Err(ValidationError {
            field: Field::Duration,
            problem: Problem::OutOfRange {
                min: crate::validate::Limit::of(1.0, "s"),
                max: crate::validate::Limit::of(24.0, "h"),
            },
        }
        .into());
    }
    let end = Timestamp(end.with_timezone(workout.started_at.0.offset()));
    store::workouts::set_end(
        tx,
        &workout.id,
        Some(end.utc_ms()),
        finish.duration_s,
        &stamp.next(),
    )?;
    Ok((
        workout.clone(),
        (workout.finished_at.map(|t| t.utc_ms()), workout.duration_s),
    ))
}

/// A workout with its live sets.
pub(crate) fn sets_of_workout(conn: &Connection, id: &str) -> Result<WorkoutLog> {
    let workout = store::workouts::by_id(conn, id)?;
    let sets = sets::live_sets_of_workout(conn, id, None)?;
    Ok(WorkoutLog::new(workout, sets))
}
