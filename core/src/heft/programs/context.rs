//! What a plan is computed from: the run, its program, the person and the
//! history the engine reads, in one read.

use super::*;

/// Past workouts for planning on `today`: every workout of the last
/// [`ENGINE_ALL_WORKOUT_DAYS`], and older sets of the program's exercises
/// (and those the person swapped in) up to a year
/// back, which only seed estimates: a lift the run already has an estimate
/// for needs none, so `run` narrows them. Workouts after `today` and the
/// `session` being planned are left out.
pub(in crate::heft) fn plan_history(
    conn: &Connection,
    program: &Program,
    run: Option<&RunState>,
    adjustments: &Adjustments,
    today: NaiveDate,
    session: Option<&str>,
) -> Result<Vec<PastWorkout>> {
    let (recent, until) = utc_ms_covering(today - Days::new(ENGINE_ALL_WORKOUT_DAYS), today);
    let (oldest, _) = utc_ms_covering(today - Days::new(SEED_MAX_DAYS as u64), today);
    let mut ids: Vec<&str> = program
        .exercise_ids()
        .chain(adjustments.swaps.values().map(String::as_str))
        .filter(|id| run.is_none_or(|r| r.lifts.get(*id).is_none_or(|l| l.e1rm_kg.is_none())))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let ids = serde_json::to_string(&ids).map_err(|e| Error::Conflict(e.to_string()))?;
    let window = EngineHistory {
        recent_from_ms: recent,
        until_ms: until,
        seed_from_ms: oldest,
        seed_exercises: &ids,
    };
    let mut out = Vec::new();
    for (workout, sets) in sets::engine_history(conn, &window)? {
        let date = workout.started_at.local_date();
        if date > today || session == Some(workout.id.as_str()) {
            continue;
        }
        let started = workout.started_at.utc_ms();
        let minutes = workout
            .duration_s
            .filter(|d| *d > 0)
            .map(f64::from)
            .or_else(|| {
                workout
                    .finished_at
                    .map(|f| (f.utc_ms() - started) as f64 / 1000.0)
                    .filter(|s| *s > 0.0)
            })
            .map(|s| s / 60.0);
        out.push(PastWorkout {
            id: workout.id,
            date,
            minutes,
            sets,
        });
    }
    Ok(out)
}

/// Everything a plan needs, read in one transaction: what the engine's
/// pure functions take, for callers (benchmarks, tools) that run them directly.
#[derive(Debug, Clone)]
pub struct PlanContext {
    /// The active run.
    pub run: ProgramRun,
    /// Its program.
    pub program: Program,
    /// The person.
    pub athlete: Athlete,
    /// Built-in and custom exercises.
    pub exercises: ExerciseIndex,
    /// The history the plan reads.
    pub history: Vec<PastWorkout>,
    /// The person's swaps and training days for the run.
    pub adjustments: Adjustments,
}

pub(super) type Context = PlanContext;

impl PlanContext {
    pub(super) fn read(
        conn: &Connection,
        today: NaiveDate,
        session: Option<&str>,
    ) -> Result<Context> {
        let run = store::programs::active_run(conn)?.ok_or(Error::NoProgram)?;
        let exercises = exercise_index(conn)?;
        let program = load_program(conn, &run.program_id, &exercises)?;
        let athlete = Athlete::from_profile(&read_profile(conn)?, today);
        let adjustments = store::profile::adjustments(conn, Some(&run.id))?;
        let history = plan_history(
            conn,
            &program,
            Some(&run.state),
            &adjustments,
            today,
            session,
        )?;
        Ok(Context {
            run,
            program,
            athlete,
            exercises,
            history,
            adjustments,
        })
    }

    /// The engine's input for `today`.
    pub fn input(&self, today: NaiveDate) -> PlanInput<'_> {
        PlanInput {
            program: &self.program,
            run: &self.run.state,
            athlete: &self.athlete,
            exercises: &self.exercises,
            history: &self.history,
            session: None,
            today,
            adjustments: &self.adjustments,
        }
    }

    /// The plan for `today`; `session` is what is logged of it so far.
    pub(super) fn plan(
        &self,
        today: NaiveDate,
        session: Option<&PastWorkout>,
    ) -> Result<SessionPlan> {
        engine::plan(&PlanInput {
            session,
            ..self.input(today)
        })
        .ok_or_else(|| Error::Conflict("the program has no session to plan".into()))
    }
}

/// The workout a session on `date` is being logged into: that date's open
/// workout. A finished one that did not count was not a program session.
pub(super) fn session_workout(
    conn: &Connection,
    date: NaiveDate,
) -> Result<Option<(String, PastWorkout)>> {
    let Some(w) = store::workouts::uncounted_open_on_local_day(conn, date)?
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    let log = crate::heft::logbook::sets_of_workout(conn, &w.id)?;
    Ok(Some((w.id, PastWorkout::from(&log))))
}
