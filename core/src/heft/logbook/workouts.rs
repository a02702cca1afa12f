//! The workout rows under the logbook: finding, opening and closing
//! workouts, and reading one with its sets.

use super::*;

pub(super) fn insert_workout(
    conn: &Connection,
    name: Option<String>,
    t: Timestamp,
    stamp: &mut Stamper<'_>,
) -> Result<Workout> {
    let id = uuid::Uuid::now_v7().to_string();
    conn.prepare_cached(
        "INSERT INTO workout (id, name, started_at_ms, offset_min, hlc, deleted) VALUES (?1, ?2, ?3, ?4, ?5, 0)",
    )?
    .execute((&id, &name, t.utc_ms(), t.offset_min(), stamp.next()))?;
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
    let last: Option<i64> = conn
        .prepare_cached(
            "SELECT max(performed_at_ms) FROM set_entry WHERE workout_id = ?1 AND deleted = 0",
        )?
        .query_row([&w.id], |r| r.get(0))?;
    Ok(match last {
        Some(ms) if ms > w.started_at.utc_ms() => {
            Timestamp::from_parts(ms, w.started_at.offset_min()).unwrap_or(w.started_at)
        }
        _ => w.started_at,
    })
}

/// Closes open workouts whose last set is more than [`SESSION_GAP`] before
/// `t`, at that last set: a workout nobody finished should not swallow the next one.
pub(super) fn close_stale(conn: &Connection, t: Timestamp, stamp: &mut Stamper<'_>) -> Result<()> {
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0 AND finished_at_ms IS NULL AND started_at_ms <= ?1"
    );
    let open = conn
        .prepare_cached(&sql)?
        .query_and_then([t.utc_ms()], rows::workout)?
        .collect::<Result<Vec<_>>>()?;
    for w in open {
        let last = last_activity(conn, &w)?;
        if t.0.signed_duration_since(last.0) > SESSION_GAP {
            conn.execute(
                "UPDATE workout SET finished_at_ms = ?2, hlc = ?3 WHERE id = ?1",
                (&w.id, last.utc_ms(), stamp.next()),
            )?;
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
        let day_start = d.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
        let sql = format!(
            "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0
               AND started_at_ms + offset_min * 60000 >= ?1 AND started_at_ms + offset_min * 60000 < ?1 + 86400000
             ORDER BY started_at_ms DESC LIMIT 1"
        );
        return conn
            .prepare_cached(&sql)?
            .query_and_then([day_start], rows::workout)?
            .next()
            .transpose();
    }
    // Candidates: workouts that started within a day before `t`, newest first.
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0 AND started_at_ms <= ?1 AND started_at_ms > ?1 - 86400000
         ORDER BY started_at_ms DESC LIMIT 8"
    );
    let candidates = conn
        .prepare_cached(&sql)?
        .query_and_then([t.utc_ms()], rows::workout)?
        .collect::<Result<Vec<_>>>()?;
    for w in candidates {
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

pub(super) fn next_position(conn: &Connection, workout_id: &str) -> Result<u32> {
    let max: Option<u32> = conn
        .prepare_cached("SELECT max(position) FROM set_entry WHERE workout_id = ?1")?
        .query_row([workout_id], |r| r.get(0))?;
    Ok(max.map_or(1, |m| m + 1))
}

/// The most recently started open workout, if any.
pub(super) fn newest_open_workout(conn: &Connection) -> Result<Option<Workout>> {
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0 AND finished_at_ms IS NULL
         ORDER BY started_at_ms DESC LIMIT 1"
    );
    conn.prepare_cached(&sql)?
        .query_and_then([], rows::workout)?
        .next()
        .transpose()
}

pub(crate) fn workout_by_id(conn: &Connection, id: &str) -> Result<Workout> {
    let sql = format!("SELECT {WORKOUT_COLUMNS} FROM workout WHERE id = ?1 AND deleted = 0");
    conn.prepare_cached(&sql)?
        .query_and_then([id], rows::workout)?
        .next()
        .transpose()?
        .ok_or_else(|| Error::NotFound {
            entity: "workout",
            id: id.chars().take(60).collect(),
        })
}

pub(crate) fn set_by_id(conn: &Connection, id: &str) -> Result<SetEntry> {
    sets::live_set(conn, id)?.ok_or_else(|| Error::NotFound {
        entity: "set",
        id: id.chars().take(60).collect(),
    })
}

/// Whether a live workout has any live set.
pub(crate) fn has_sets(conn: &Connection, workout_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM set_entry WHERE workout_id = ?1 AND deleted = 0 LIMIT 1")?
        .query_row([workout_id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A workout's end and duration as they were, for undo.
pub(super) type WorkoutEnd = (Option<i64>, Option<u32>);

/// Ends a workout inside a transaction; returns it and its end and duration
/// before, for undo.
pub(crate) fn close_workout(
    tx: &Connection,
    stamp: &mut Stamper<'_>,
    finish: &FinishWorkout,
) -> Result<(Workout, WorkoutEnd)> {
    let now = stamp.now();
    let workout = match (&finish.workout_id, finish.on) {
        (Some(id), _) => workout_by_id(tx, id)?,
        (None, Some(date)) => match open_workout_on(tx, date)? {
            Some(w) => w,
            None => {
                return Err(Error::NoOpenWorkout {
                    on: Some(date),
                    latest: any_workout_on(tx, date)?.then_some(date),
                });
            }
        },
        (None, None) => match newest_open_workout(tx)? {
            Some(w) => w,
            None => {
                return Err(Error::NoOpenWorkout {
                    on: None,
                    latest: newest_workout(tx)?.map(|w| w.started_at.local_date()),
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
                min: "1 s".into(),
                max: "24 h".into(),
            },
        }
        .into());
    }
    let end = Timestamp(end.with_timezone(workout.started_at.0.offset()));
    tx.execute(
        "UPDATE workout SET finished_at_ms = ?2, duration_s = ?3, hlc = ?4 WHERE id = ?1",
        (&workout.id, end.utc_ms(), finish.duration_s, stamp.next()),
    )?;
    Ok((
        workout.clone(),
        (workout.finished_at.map(|t| t.utc_ms()), workout.duration_s),
    ))
}

/// The most recently started live workout, open or not.
fn newest_workout(conn: &Connection) -> Result<Option<Workout>> {
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0 ORDER BY started_at_ms DESC LIMIT 1"
    );
    conn.prepare_cached(&sql)?
        .query_and_then([], rows::workout)?
        .next()
        .transpose()
}

/// Whether a live workout started on local date `date`.
fn any_workout_on(conn: &Connection, date: NaiveDate) -> Result<bool> {
    let day_start = date.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM workout WHERE deleted = 0
               AND started_at_ms + offset_min * 60000 >= ?1 AND started_at_ms + offset_min * 60000 < ?1 + 86400000
             LIMIT 1",
        )?
        .query_row([day_start], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The newest open workout whose local start date is `date`.
fn open_workout_on(conn: &Connection, date: NaiveDate) -> Result<Option<Workout>> {
    let (from, to) = utc_ms_covering(date, date);
    let sql = format!(
        "SELECT {WORKOUT_COLUMNS} FROM workout WHERE deleted = 0 AND finished_at_ms IS NULL
         AND started_at_ms >= ?1 AND started_at_ms < ?2 ORDER BY started_at_ms DESC"
    );
    let list = conn
        .prepare_cached(&sql)?
        .query_and_then((from, to), rows::workout)?
        .collect::<Result<Vec<_>>>()?;
    Ok(list.into_iter().find(|w| w.started_at.local_date() == date))
}

/// A workout with its live sets.
pub(crate) fn sets_of_workout(conn: &Connection, id: &str) -> Result<WorkoutLog> {
    let workout = workout_by_id(conn, id)?;
    let sets = sets::live_sets_of_workout(conn, id, None)?;
    Ok(WorkoutLog::new(workout, sets))
}
