//! Programs over the store: built-in and imported programs, the active run,
//! today's plan, logging against it, and advancing the run when a session
//! is finished. The decisions are the engine's (`crate::progression`); this
//! module only reads what it needs and writes what it returns.

use std::sync::LazyLock;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;

use super::Heft;
use super::undo::{self, Inverse};
use crate::catalog;
use crate::model::{SetInput, Unit, WeightUnit, Workout, utc_ms_covering};
pub use crate::progression::ProgramRun;
use crate::progression::adjust::NO_ADJUSTMENTS;
use crate::progression::builtin::builtin_programs;
use crate::progression::engine::{self, PlanInput, SEED_MAX_DAYS};
use crate::progression::plan::{PhasePosition, SessionPlan, Why};
use crate::progression::session;
pub use crate::progression::session::{ExerciseProgress, Finished, NextSet, SessionResult, Today};
use crate::progression::{Adjustments, Athlete, ExerciseIndex, PastWorkout, Program, RunState};
use crate::store;
use crate::store::profile::read as read_profile;
use crate::store::sets::{self, EngineHistory};
use crate::store::stamp::Stamper;
use crate::text::Phrase;
use crate::{Error, Result};

mod adjust;
mod context;
mod counting;
mod records;

pub use adjust::{ExerciseSwap, RunAdjustments};
pub use context::PlanContext;
pub(in crate::heft) use context::plan_history;
use context::{Context, session_workout};
use counting::count_session;
pub use records::{LiftStatus, ProgramStatus, ProgramSummary, StartedProgram};

/// Days of all workouts the engine reads (dose, 48 h rule); older ones are
/// read only for the program's exercises.
const ENGINE_ALL_WORKOUT_DAYS: u64 = 14;

static BUILTIN: LazyLock<std::result::Result<Vec<Program>, String>> = LazyLock::new(|| {
    let cat = catalog::builtin().map_err(|e| e.to_string())?;
    builtin_programs(&cat.exercises).map_err(|(id, e)| format!("{id}: {e}"))
});

fn builtins() -> Result<&'static [Program]> {
    BUILTIN
        .as_deref()
        .map_err(|e| Error::Catalog(format!("built-in program {e}")))
}

pub(in crate::heft) fn exercise_index(conn: &Connection) -> Result<ExerciseIndex> {
    // Built-ins in the store are the embedded catalog (re-seeded when it
    // changes), so only the person's own exercises are read here.
    let custom = store::exercises::custom(conn)?;
    Ok(ExerciseIndex::builtin()?.with_custom(custom))
}

/// Program `id`, built-in or imported, checked against the exercises.
pub(super) fn read_program(conn: &Connection, id: &str) -> Result<Program> {
    load_program(conn, id, &exercise_index(conn)?)
}

pub(in crate::heft) fn load_program(
    conn: &Connection,
    id: &str,
    exercises: &ExerciseIndex,
) -> Result<Program> {
    if let Some(p) = builtins()?.iter().find(|p| p.id == id) {
        return Ok(p.clone());
    }
    let Some(source) = store::programs::source(conn, id)? else {
        return Err(unknown_program(conn, id)?);
    };
    Ok(Program::from_toml(&source, exercises)?)
}

/// The error for an id no program has, with the closest ids.
fn unknown_program(conn: &Connection, id: &str) -> Result<Error> {
    let custom = store::programs::ids(conn)?;
    let mut candidates: Vec<(&str, Vec<&str>)> = builtins()?
        .iter()
        .map(|p| (p.id.as_str(), vec![p.id.as_str(), p.name.as_str()]))
        .collect();
    candidates.extend(custom.iter().map(|c| (c.as_str(), vec![c.as_str()])));
    let suggestions = crate::catalog::matching::suggest(id, &candidates)
        .into_iter()
        .map(str::to_owned)
        .collect();
    Ok(Error::UnknownProgram {
        id: id.chars().take(60).collect(),
        suggestions,
    })
}

impl Heft {
    /// What a plan for `today` is computed from.
    pub fn plan_context(&self, today: NaiveDate) -> Result<PlanContext> {
        check_date(today, self.now().date_naive())?;
        self.read(|conn| {
            let session = session_workout(conn, today)?.map(|(id, _)| id);
            Context::read(conn, today, session.as_deref())
        })
    }

    /// Built-in and imported programs.
    pub fn programs(&self) -> Result<Vec<ProgramSummary>> {
        let mut list: Vec<ProgramSummary> = builtins()?
            .iter()
            .map(|p| ProgramSummary::of(p, true))
            .collect();
        self.read(|conn| {
            let exercises = exercise_index(conn)?;
            for (_, source) in store::programs::sources(conn)? {
                // A stored program this build cannot read is not listed; `program` reports why.
                if let Ok(p) = Program::from_toml(&source, &exercises) {
                    list.push(ProgramSummary::of(&p, false));
                }
            }
            Ok(list)
        })
    }

    /// One program by id.
    pub fn program(&self, id: &str) -> Result<Program> {
        self.read(|conn| read_program(conn, id))
    }

    /// Checks and stores a custom program (TOML text). Re-importing an id
    /// replaces the earlier version; a built-in id is refused.
    pub fn import_program(&self, source: &str) -> Result<Program> {
        if source.len() > MAX_PROGRAM_BYTES {
            return Err(crate::validate::ValidationError {
                field: crate::validate::Field::Program,
                problem: crate::validate::Problem::TooLong {
                    max: MAX_PROGRAM_BYTES,
                },
            }
            .into());
        }
        self.write(|tx, stamp| {
            let program = Program::from_toml(source, &exercise_index(tx)?)?;
            if builtins()?.iter().any(|p| p.id == program.id) {
                return Err(Error::Conflict(format!(
                    "'{}' is a built-in program; give the custom one another id",
                    program.id
                )));
            }
            let previous = store::programs::source(tx, &program.id)?;
            store::programs::put(tx, &program.id, source, &stamp.next())?;
            undo::record(
                tx,
                stamp,
                Phrase::new("undo-imported-program").name("program", program.name.as_str()),
                &Inverse::RestoreProgram {
                    id: program.id.clone(),
                    source: previous,
                },
            )?;
            Ok(program)
        })
    }

    /// Starts `program_id` on `on`, ending the run in progress.
    pub fn start_program(&self, program_id: &str, on: NaiveDate) -> Result<StartedProgram> {
        check_date(on, self.now().date_naive())?;
        self.write(|tx, stamp| {
            let exercises = exercise_index(tx)?;
            let program = load_program(tx, program_id, &exercises)?;
            let athlete = Athlete::from_profile(&read_profile(tx)?, on);
            let history = plan_history(tx, &program, None, &NO_ADJUSTMENTS, on, None)?;
            let (state, notes) = engine::start(&program, &athlete, &history, on);
            let previous = store::programs::active_run(tx)?;
            if let Some(prev) = &previous {
                store::programs::set_run_end(tx, &prev.id, Some(on), &stamp.next())?;
            }
            let run = ProgramRun {
                id: uuid::Uuid::now_v7().to_string(),
                program_id: program.id.clone(),
                started_on: on,
                state,
            };
            store::programs::insert_run(tx, &run, &stamp.next())?;
            undo::record(
                tx,
                stamp,
                Phrase::new("undo-started-program").name("program", program.name.as_str()),
                &Inverse::RemoveRun {
                    id: run.id.clone(),
                    resume: previous.map(|p| p.id),
                },
            )?;
            Ok(StartedProgram {
                run,
                program: ProgramSummary::of(&program, false),
                notes,
            })
        })
        .map(|mut s| {
            s.program.builtin = builtins().is_ok_and(|b| b.iter().any(|p| p.id == s.program.id));
            s
        })
    }

    /// The run in progress, if any (to ask before [`Heft::start_program`] ends it).
    pub fn running_program(&self) -> Result<Option<ProgramRun>> {
        self.read(store::programs::active_run)
    }

    /// Ends the run in progress on `on`.
    pub fn stop_program(&self, on: NaiveDate) -> Result<ProgramRun> {
        check_date(on, self.now().date_naive())?;
        self.write(|tx, stamp| {
            let run = store::programs::active_run(tx)?.ok_or(Error::NoProgram)?;
            store::programs::set_run_end(tx, &run.id, Some(on), &stamp.next())?;
            undo::record(
                tx,
                stamp,
                Phrase::new("undo-stopped-program"),
                &Inverse::ResumeRun { id: run.id.clone() },
            )?;
            Ok(run)
        })
    }

    /// The run in progress and where it stands on `today`.
    pub fn program_status(&self, today: NaiveDate) -> Result<ProgramStatus> {
        check_date(today, self.now().date_naive())?;
        self.read(|conn| status_in(conn, today).map(|(status, _, _)| status))
    }

    /// The session to do on `date`, with what is already logged of it.
    pub fn today(&self, date: NaiveDate) -> Result<Today> {
        check_date(date, self.now().date_naive())?;
        self.read(|conn| read_today(conn, date).map(|(today, _)| today))
    }

    /// Logs the next planned set of the session as done as prescribed: the
    /// low end of the reps, the planned effort (marked as prescribed, not
    /// reported), the planned landings, and the set's role in the plan.
    pub fn log_next(&self, at: super::LogTime) -> Result<super::LoggedSets> {
        let input = self.next_planned_set(at)?;
        self.log_sets(&[input], at)
    }

    /// The next planned set of the session on the day of `at`, as it would be
    /// logged if done as prescribed; callers may add a note or pain first.
    pub fn next_planned_set(&self, at: super::LogTime) -> Result<SetInput> {
        let date = at.date(self.now());
        let today = self.today(date)?;
        let next = today.next.ok_or_else(|| {
            Error::Conflict(
                "every set of today's session is logged; finish the workout to count it".into(),
            )
        })?;
        session::as_prescribed(&next)
    }

    /// Finishes a workout; when a program is running and the workout holds
    /// sets of the planned session, the run advances and each set records
    /// what was prescribed for it. One undo step takes both back.
    pub fn finish(&self, finish: super::FinishWorkout) -> Result<Finished> {
        self.finish_counting(finish).map(|(finished, _)| finished)
    }

    /// [`Heft::finish`], with the run's state before and after the session
    /// when it counted, as the finish's own transaction saw them.
    pub(crate) fn finish_counting(
        &self,
        finish: super::FinishWorkout,
    ) -> Result<(Finished, Option<RunStates>)> {
        self.write(|tx, stamp| {
            let (workout, reopen) = super::logbook::close_workout(tx, stamp, &finish)?;
            let counted = count_session(tx, stamp, &workout)?;
            let (session, run_before, states) = match counted {
                Some((result, before, states)) => (Some(result), Some(before), Some(states)),
                None => (None, None, None),
            };
            let inverse = Inverse::ReopenSession {
                id: workout.id.clone(),
                finished_at_ms: reopen.0,
                duration_s: reopen.1,
                run: run_before,
            };
            undo::record(
                tx,
                stamp,
                undo::workout_label(Phrase::new("undo-finished-workout"), &workout),
                &inverse,
            )?;
            let workout = store::workouts::by_id(tx, &workout.id)?;
            Ok((Finished { workout, session }, states))
        })
    }
}

/// The run in progress and where it stands on `today`, with the next
/// session's plan and what it was planned from.
pub(in crate::heft) fn status_in(
    conn: &Connection,
    today: NaiveDate,
) -> Result<(ProgramStatus, SessionPlan, PlanContext)> {
    let session = session_workout(conn, today)?.map(|(id, _)| id);
    let ctx = Context::read(conn, today, session.as_deref())?;
    let plan = ctx.plan(today, None)?;
    let unit = ctx.athlete.unit;
    let lifts = ctx
        .run
        .state
        .lifts
        .iter()
        .filter(|(_, l)| l.e1rm_kg.is_some() || l.load_kg.is_some() || l.last_change.is_some())
        .map(|(id, l)| LiftStatus {
            exercise_id: id.clone(),
            exercise_name: exercise_name(&ctx.exercises, id),
            e1rm: l.e1rm_kg.map(|k| round1(k / unit.base_factor())),
            load: l.load_kg.map(|k| round1(k / unit.base_factor())),
            unit,
            last_change: l.last_change.clone(),
        })
        .collect();
    let builtin = builtins()?.iter().any(|p| p.id == ctx.program.id);
    let status = ProgramStatus {
        program: ProgramSummary::of(&ctx.program, builtin),
        next_phase: plan.phase.clone(),
        next_on: plan.ready_on,
        run: ctx.run.clone(),
        lifts,
    };
    Ok((status, plan, ctx))
}

/// Every program this build reads, built-in first (`true`), then the
/// person's own (a stored program it cannot read is left out, as in
/// [`Heft::programs`]).
pub(in crate::heft) fn all_programs(
    conn: &Connection,
    exercises: &ExerciseIndex,
) -> Result<Vec<(Program, bool)>> {
    let mut list: Vec<(Program, bool)> = builtins()?.iter().map(|p| (p.clone(), true)).collect();
    for (_, source) in store::programs::sources(conn)? {
        if let Ok(p) = Program::from_toml(&source, exercises) {
            list.push((p, false));
        }
    }
    Ok(list)
}

/// A run's state before a counted session and after it.
pub(crate) struct RunStates {
    /// Before the session.
    pub before: RunState,
    /// After it.
    pub after: RunState,
}

/// The session to do on `date` and what it was planned from.
pub(super) fn read_today(conn: &Connection, date: NaiveDate) -> Result<(Today, PlanContext)> {
    let session = session_workout(conn, date)?;
    let ctx = Context::read(conn, date, session.as_ref().map(|(id, _)| id.as_str()))?;
    let plan = ctx.plan(date, session.as_ref().map(|(_, w)| w))?;
    let (done, next) = session::progress(
        &plan,
        session
            .as_ref()
            .map(|(_, w)| w.sets.as_slice())
            .unwrap_or(&[]),
    );
    let today = Today {
        plan,
        workout_id: session.map(|(id, _)| id),
        done,
        next,
    };
    Ok((today, ctx))
}

/// Largest program file accepted, in bytes.
pub const MAX_PROGRAM_BYTES: usize = 1_000_000;

/// Days ahead a plan may be asked for (to look at next week's sessions).
const PLAN_AHEAD_DAYS: u64 = 366;

/// A date a plan or run may be about: from 1900 to a year from today.
pub(super) fn check_date(date: NaiveDate, today: NaiveDate) -> Result<()> {
    let latest = today
        .checked_add_days(Days::new(PLAN_AHEAD_DAYS))
        .unwrap_or(NaiveDate::MAX);
    crate::validate::date(crate::validate::Field::Date, date, latest).map_err(Error::from)
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// An exercise's display name, or its id when the catalog no longer has it.
fn exercise_name(exercises: &ExerciseIndex, id: &str) -> String {
    use crate::progression::ExerciseLookup;
    exercises
        .exercise(id)
        .map_or_else(|| id.to_owned(), |e| e.name.clone())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::test_support::heft;
    use crate::grammar;
    use crate::heft::{FinishWorkout, LogTime};
    use crate::model::WeightUnit;
    use crate::{Error, Heft};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn log(h: &Heft, exercise: &str, notation: &str, on: &str) {
        let spec = grammar::parse(notation).unwrap();
        let id = h.find_exercise(exercise).unwrap().id;
        let inputs = vec![spec.to_input(&id, WeightUnit::Kg); spec.count as usize];
        h.log_sets(&inputs, LogTime::OnDate(d(on))).unwrap();
    }

    fn finish(h: &Heft, on: &str) -> crate::Finished {
        h.finish(FinishWorkout {
            on: Some(d(on)),
            duration_s: Some(1800),
            ..Default::default()
        })
        .unwrap()
    }

    const CUSTOM: &str = "format = 1\nid = \"mine\"\nname = \"Mine\"\nsummary = \"S.\"\nsource = \"me\"\n\
        sessions_per_week = 2\nsession_minutes = 20\n[[phases]]\nid = \"m\"\nname = \"M\"\nkind = \"training\"\n\
        weeks = 4\n[[phases.days]]\nname = \"A\"\n[[phases.days.slots]]\nexercise = \"back-squat\"\nsets = 3\n\
        reps = 5\nrir = 2\nrule = \"linear\"\n";

    #[test]
    fn finishing_a_counted_workout_again_then_undoing_does_not_count_it_twice() {
        let h = heft();
        log(&h, "back squat", "3x100x5@2", "2026-11-10");
        finish(&h, "2026-11-10");
        h.start_program("linear-5x5", d("2026-11-16")).unwrap();
        log(&h, "back squat", "5x100x5@2", "2026-11-16");
        let first = finish(&h, "2026-11-16");
        assert_eq!(first.session.map(|s| s.session_number), Some(1));
        // Finishing it again (a new duration) does not count it again...
        let again = h
            .finish(FinishWorkout {
                workout_id: Some(first.workout.id.clone()),
                duration_s: Some(2400),
                ..Default::default()
            })
            .unwrap();
        assert!(again.session.is_none());
        // ...and undoing that second finish keeps the session counted.
        h.undo().unwrap();
        let status = h.program_status(d("2026-11-18")).unwrap();
        assert_eq!(status.run.state.sessions_done, 1);
        let refinish = h
            .finish(FinishWorkout {
                workout_id: Some(first.workout.id),
                duration_s: Some(2400),
                ..Default::default()
            })
            .unwrap();
        assert!(refinish.session.is_none());
        assert_eq!(
            h.program_status(d("2026-11-18"))
                .unwrap()
                .run
                .state
                .sessions_done,
            1
        );
    }

    #[test]
    fn a_workout_finishes_even_when_the_running_program_no_longer_loads() {
        let h = heft();
        h.import_program(CUSTOM).unwrap();
        h.start_program("mine", d("2026-11-16")).unwrap();
        // The program goes away (as a sync from another device could do).
        h.write(|tx, stamp| {
            tx.execute(
                "UPDATE program SET deleted = 1, hlc = ?1 WHERE id = 'mine'",
                [stamp.next()],
            )?;
            Ok(())
        })
        .unwrap();
        log(&h, "back squat", "3x100x5@2", "2026-11-17");
        let done = finish(&h, "2026-11-17");
        assert!(done.session.is_none());
        assert!(done.workout.finished_at.is_some());
        assert!(matches!(
            h.today(d("2026-11-18")),
            Err(Error::UnknownProgram { .. })
        ));
    }

    #[test]
    fn another_workout_the_same_day_counts_in_the_plan() {
        let h = heft();
        log(&h, "back squat", "3x100x5@2", "2026-11-10");
        finish(&h, "2026-11-10");
        h.start_program("linear-5x5", d("2026-11-16")).unwrap();
        // A morning front-squat workout, finished, not part of the program.
        log(&h, "front squat", "3x70x5@2", "2026-11-16");
        finish(&h, "2026-11-16");
        let today = h.today(d("2026-11-16")).unwrap();
        assert_eq!(
            today.workout_id, None,
            "a finished non-program workout is not the session"
        );
        assert_eq!(today.plan.dose.logged, 30);
        assert!(
            today
                .plan
                .warnings
                .iter()
                .any(|w| w.code == crate::progression::WarningCode::SamePattern),
            "{:?}",
            today.plan.warnings
        );
    }

    #[test]
    fn importing_a_program_is_one_undo_step_and_the_size_is_checked() {
        let h = heft();
        h.import_program(CUSTOM).unwrap();
        let changed = CUSTOM.replace("name = \"Mine\"", "name = \"Mine v2\"");
        h.import_program(&changed).unwrap();
        assert_eq!(h.program("mine").unwrap().name, "Mine v2");
        h.undo().unwrap();
        assert_eq!(h.program("mine").unwrap().name, "Mine");
        h.undo().unwrap();
        assert!(matches!(
            h.program("mine"),
            Err(Error::UnknownProgram { .. })
        ));
        let huge = "#".repeat(super::MAX_PROGRAM_BYTES + 1);
        assert_eq!(
            h.import_program(&huge).unwrap_err().field(),
            Some("program")
        );
    }

    #[test]
    fn dates_outside_the_calendar_are_refused_not_a_panic() {
        let h = heft();
        for date in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            d("1850-01-01"),
            d("2030-01-01"),
        ] {
            assert_eq!(
                h.start_program("liftmor", date).unwrap_err().field(),
                Some("date")
            );
            assert_eq!(h.today(date).unwrap_err().field(), Some("date"));
        }
    }
}
