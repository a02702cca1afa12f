//! Analytics over the store: one streaming read of live sets with their
//! workout and exercise ([`crate::store::sets::for_analytics`]) gives
//! [`AnalyticsSet`] rows, and the pure functions of [`crate::analytics`] turn
//! them into the numbers the shells draw.
//!
//! The read joins `set_entry`, `workout` and `exercise` (live rows of all
//! three) through the indexes `workout (started_at_ms)`,
//! `set_entry (workout_id, position)` and `set_entry (exercise_id,
//! performed_at_ms)`; rows are decoded one at a time, exercises and workouts
//! once each, and never all held unless a computation needs them.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;

use super::Heft;
use super::logbook::MAX_SETS_PER_CALL;
use super::programs::read_program;
use crate::analytics::dose::{self, PlannedSessions};
use crate::analytics::input::AnalyticsSet;
use crate::analytics::records::{self, Record, RecordBook};
use crate::analytics::strength::{self, E1rmSeries, RECENT_DAYS, Retention};
use crate::analytics::summary::{self, Charts, Stats, StatsBuilder};
use crate::analytics::{Week, WeekStats};
use crate::model::{Formula, utc_ms_covering};
use crate::progression::program::{Program, ProgramRest};
use crate::store::profile::read as read_profile;
use crate::store::sets::{self, AnalyticsSets};
use crate::validate::{self, Field, Problem, ValidationError};
use crate::{Error, Result};

/// How far ahead of the clock's date a period may reach (the rest of this week).
const AHEAD_DAYS: u64 = 7;

/// What the weekly figures of a period are computed from.
pub(super) struct Period {
    pub(super) program: ProgramFacts,
    pub(super) formula: Formula,
    pub(super) sets: Vec<AnalyticsSet>,
}

impl Period {
    pub(super) fn read(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Period> {
        Ok(Period {
            program: program_facts(conn)?,
            formula: summary::formula_of(&read_profile(conn)?),
            sets: period_sets(conn, from, to)?,
        })
    }
}

/// Sets whose workouts could fall in the weeks of `from..=to`, reaching
/// [`RECENT_DAYS`] days further back for the e1RM a heavy set is measured against.
fn period_sets(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<AnalyticsSet>> {
    let first = Week::of(from).monday();
    let start = first
        .checked_sub_days(Days::new(RECENT_DAYS))
        .unwrap_or(first);
    let mut sets = Vec::new();
    let (from_ms, until_ms) = utc_ms_covering(start, Week::of(to).sunday());
    sets::for_analytics(conn, &AnalyticsSets::Period { from_ms, until_ms }, |s| {
        sets.push(s)
    })?;
    Ok(sets)
}

fn date_error(problem: Problem) -> Error {
    ValidationError {
        field: Field::Date,
        problem,
    }
    .into()
}

/// The running program's plan, lifts and rest between sets, if one runs.
pub(super) struct ProgramFacts {
    pub(super) planned: Option<PlannedSessions>,
    pub(super) lifts: Vec<String>,
    /// The program and the phase its run is in, for the rest between sets
    /// of a session without a recorded length.
    pub(super) program: Option<(Program, usize)>,
}

impl ProgramFacts {
    /// The rest the program prescribes in the run's phase: the same lookup
    /// the engine's weekly dose uses, so `stats` and `today` agree.
    pub(super) fn rest(&self) -> Option<ProgramRest<'_>> {
        self.program.as_ref().map(|(program, phase)| ProgramRest {
            program,
            phase: *phase,
        })
    }
}

/// The running program's sessions per week, lifts and rest between sets.
/// A program this build cannot read gives no plan rather than an error.
fn program_facts(conn: &Connection) -> Result<ProgramFacts> {
    let Some(run) = crate::store::programs::active_run(conn)? else {
        return Ok(ProgramFacts {
            planned: None,
            lifts: Vec::new(),
            program: None,
        });
    };
    let program = match read_program(conn, &run.program_id) {
        Ok(p) => Some(p),
        Err(Error::NotFound { .. } | Error::UnknownProgram { .. } | Error::Program(_)) => None,
        Err(e) => return Err(e),
    };
    Ok(ProgramFacts {
        planned: program.as_ref().map(|p| PlannedSessions {
            per_week: p.sessions_per_week,
            since: run.started_on,
        }),
        lifts: run.state.lifts.keys().cloned().collect(),
        program: program.map(|p| (p, run.state.phase)),
    })
}

/// Every exercise's records from the sets of workouts that started on or
/// before `today`.
pub(super) fn read_records_on(conn: &Connection, today: NaiveDate) -> Result<Vec<Record>> {
    let mut book = RecordBook::new(summary::formula_of(&read_profile(conn)?));
    let (_, until_ms) = utc_ms_covering(today, today);
    let all = AnalyticsSets::Period {
        from_ms: i64::MIN,
        until_ms,
    };
    sets::for_analytics(conn, &all, |s| {
        if s.session_date() <= today {
            book.add(&s);
        }
    })?;
    Ok(book.records())
}

/// The report's charts for `from..=to` (a period already checked).
pub(super) fn read_charts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Charts> {
    let Period {
        program,
        formula,
        sets,
    } = Period::read(conn, from, to)?;
    Ok(summary::charts(
        &sets,
        from,
        to,
        formula,
        program.planned,
        &program.rest(),
        &program.lifts,
    ))
}

/// An exercise's e1RM over time and against a baseline.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Strength {
    /// One point per session, oldest first, up to the day asked about.
    pub series: E1rmSeries,
    /// That day's e1RM against the baseline.
    pub retention: Retention,
}

impl Heft {
    /// The clock's date.
    fn clock_date(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// Checks a date a caller asks about: from 1900 to `ahead` days after the
    /// clock's date.
    pub(super) fn check_day(&self, date: NaiveDate, ahead: u64) -> Result<()> {
        let latest = self
            .clock_date()
            .checked_add_days(Days::new(ahead))
            .unwrap_or(NaiveDate::MAX);
        validate::date(Field::Date, date, latest).map_err(Error::from)
    }

    /// Checks a period: both ends valid, `from` not after `to`.
    pub(super) fn check_period(&self, from: NaiveDate, to: NaiveDate) -> Result<()> {
        self.check_day(from, AHEAD_DAYS)?;
        self.check_day(to, AHEAD_DAYS)?;
        if from > to {
            return Err(date_error(Problem::Malformed {
                expected: "a period whose first day is not after its last".into(),
            }));
        }
        Ok(())
    }

    /// The summary `heft stats` shows for `today`: this week and the four
    /// before it, records of the last 28 days, the bone-loading dose and
    /// adherence (against the running program's plan, if any). Reads every
    /// live set once, streaming.
    pub fn stats(&self, today: NaiveDate) -> Result<Stats> {
        self.check_day(today, 1)?;
        self.read(|conn| {
            let program = program_facts(conn)?;
            let rest = program.rest();
            let profile = read_profile(conn)?;
            let mut b = StatsBuilder::new(&profile, today, program.planned, &rest);
            let (_, until_ms) = utc_ms_covering(today, today);
            sets::for_analytics(
                conn,
                &AnalyticsSets::Period {
                    from_ms: i64::MIN,
                    until_ms,
                },
                |s| b.push(s),
            )?;
            Ok(b.finish())
        })
    }

    /// e1RM of an exercise over time, one point per session (see
    /// [`crate::analytics::strength`]). Body-weight exercises have no points.
    pub fn e1rm_series(&self, exercise_id: &str) -> Result<E1rmSeries> {
        self.read(|conn| {
            let exercise = crate::store::exercises::by_id(conn, exercise_id)?;
            let formula = summary::formula_of(&read_profile(conn)?);
            let mut sets = Vec::new();
            sets::for_analytics(conn, &AnalyticsSets::E1rmSets(&exercise.id), |s| {
                sets.push(s)
            })?;
            Ok(strength::e1rm_series(
                &exercise.id,
                &exercise.name,
                &sets,
                formula,
            ))
        })
    }

    /// Every exercise's current records.
    pub fn records(&self) -> Result<Vec<Record>> {
        self.read(|conn| {
            let mut book = RecordBook::new(summary::formula_of(&read_profile(conn)?));
            let all = AnalyticsSets::Period {
                from_ms: i64::MIN,
                until_ms: i64::MAX,
            };
            sets::for_analytics(conn, &all, |s| book.add(&s))?;
            Ok(book.records())
        })
    }

    /// Every exercise's records from the sets of workouts that started on or
    /// before `today` (a report or a `--date` in the past shows what was
    /// true then).
    pub fn records_on(&self, today: NaiveDate) -> Result<Vec<Record>> {
        self.check_day(today, 1)?;
        self.read(|conn| read_records_on(conn, today))
    }

    /// An exercise's e1RM series up to `today` and today's e1RM against the
    /// best within 28 days of `baseline`: what `heft e1rm` shows.
    pub fn strength(
        &self,
        exercise_id: &str,
        baseline: NaiveDate,
        today: NaiveDate,
    ) -> Result<Strength> {
        self.check_day(today, 1)?;
        self.check_day(baseline, 1)?;
        if baseline > today {
            return Err(date_error(Problem::Malformed {
                expected: "a baseline on or before the day compared".into(),
            }));
        }
        let mut series = self.e1rm_series(exercise_id)?;
        series.points.retain(|p| p.date <= today);
        let retention = strength::retention(&series, baseline, today);
        Ok(Strength { series, retention })
    }

    /// The records the sets `set_ids` (just logged) set against every other
    /// live set of their exercises: what "New record!" after a log says.
    /// Unknown or deleted ids are [`Error::NotFound`].
    pub fn new_records(&self, set_ids: &[String]) -> Result<Vec<Record>> {
        if set_ids.len() > MAX_SETS_PER_CALL {
            return Err(ValidationError {
                field: Field::Count,
                problem: Problem::TooLarge {
                    max: validate::Limit::count(MAX_SETS_PER_CALL as f64),
                },
            }
            .into());
        }
        if set_ids.is_empty() {
            return Ok(Vec::new());
        }
        let wanted: HashSet<&str> = set_ids.iter().map(String::as_str).collect();
        let json = serde_json::to_string(&wanted).map_err(|e| Error::Conflict(e.to_string()))?;
        self.read(|conn| {
            let formula = summary::formula_of(&read_profile(conn)?);
            let mut logged = Vec::new();
            sets::for_analytics(conn, &AnalyticsSets::Sets(&json), |s| logged.push(s))?;
            if let Some(missing) = wanted
                .iter()
                .find(|id| !logged.iter().any(|s| s.set_id == **id))
            {
                return Err(Error::not_found("set", missing));
            }
            let mut exercises: Vec<&str> = logged.iter().map(|s| s.exercise.id.as_str()).collect();
            exercises.sort_unstable();
            exercises.dedup();
            let mut history = Vec::new();
            for id in exercises {
                sets::for_analytics(conn, &AnalyticsSets::Exercise(id), |s| {
                    if !wanted.contains(s.set_id.as_str()) {
                        history.push(s);
                    }
                })?;
            }
            Ok(records::new_records(&logged, &history, formula))
        })
    }

    /// Stats of every ISO week touching `from..=to` (whole weeks), with the
    /// running program's planned sessions from the week its run started.
    pub fn weekly(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<WeekStats>> {
        self.check_period(from, to)?;
        self.read(|conn| {
            let Period {
                program,
                formula,
                sets,
            } = Period::read(conn, from, to)?;
            Ok(dose::weekly(
                &sets,
                from,
                to,
                formula,
                program.planned,
                &program.rest(),
            ))
        })
    }

    /// How an exercise's e1RM today compares with the best around `baseline`
    /// (28 days either side): "104% of where it was a year ago".
    pub fn retention(&self, exercise_id: &str, baseline: NaiveDate) -> Result<Retention> {
        self.check_day(baseline, 0)?;
        let today = self.clock_date();
        let series = self.e1rm_series(exercise_id)?;
        Ok(strength::retention(&series, baseline, today))
    }

    /// What the report draws for `from..=to`: weekly minutes against the
    /// band, sessions per week against the plan, and the e1RM of the main
    /// lifts (the running program's, or the four most trained).
    pub fn charts(&self, from: NaiveDate, to: NaiveDate) -> Result<Charts> {
        self.check_period(from, to)?;
        self.read(|conn| read_charts(conn, from, to))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::analytics::RecordKind;
    use crate::clock::ManualClock;
    use crate::grammar;
    use crate::heft::{FinishWorkout, LogTime};
    use crate::model::{Impact, Load, ProfileUpdate, SetInput, WeightUnit};
    use crate::progression::plan::DoseLevel;
    use crate::progression::strength::Formula;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sets(exercise: &str, notation: &str) -> Vec<SetInput> {
        let spec = grammar::parse(notation).unwrap();
        vec![spec.to_input(exercise, WeightUnit::Kg); spec.count as usize]
    }

    fn at(s: &str) -> LogTime {
        LogTime::At(DateTime::parse_from_rfc3339(s).unwrap())
    }

    /// A Heft whose clock reads `now`.
    fn heft_at(now: &str) -> (Arc<ManualClock>, Heft) {
        let clock = Arc::new(ManualClock::new(DateTime::parse_from_rfc3339(now).unwrap()));
        let h = Heft::open_in_memory(clock.clone()).unwrap();
        (clock, h)
    }

    /// Logs `batches` at `start` and finishes the workout after `minutes`.
    fn session(h: &Heft, start: &str, minutes: u32, batches: &[Vec<SetInput>]) -> Vec<String> {
        let mut ids = Vec::new();
        let mut workout = None;
        for b in batches {
            let logged = h.log_sets(b, at(start)).unwrap();
            ids.extend(logged.sets.iter().map(|s| s.id.clone()));
            workout = Some(logged.workout.id);
        }
        h.finish_workout(FinishWorkout {
            workout_id: workout,
            duration_s: Some(minutes * 60),
            ..FinishWorkout::default()
        })
        .unwrap();
        ids
    }

    fn jumps(landings: u32) -> Vec<SetInput> {
        let mut s = SetInput::new("box-jump");
        s.load = Load::Bodyweight { added: None };
        s.reps = Some(landings);
        s.impact = Some(Impact {
            landings,
            drop_height_cm: None,
        });
        vec![s.clone(), s]
    }

    #[test]
    fn stats_from_logged_sets() {
        let (_, h) = heft_at("2026-11-25T20:00:00+01:00");
        // Week 47: Monday 16th, 5 x 100 kg x 5 @ RIR 0 (e1RM 116.67).
        session(
            &h,
            "2026-11-16T18:00:00+01:00",
            40,
            &[sets("back-squat", "5x100x5@0")],
        );
        // Week 48: Monday, 5 x 225 lb x 5 @ RPE 6 (RIR 4; 102.06 kg >= 80% of
        // 116.67 = 93.3: heavy by load), 2 x 10 landings, 30 minutes.
        let monday = session(
            &h,
            "2026-11-23T18:00:00+01:00",
            30,
            &[sets("back-squat", "5x225lbx5@rpe6"), jumps(10)],
        );
        // Wednesday: deadlift 5 x 140 x 3 @ 2, pull-ups bw+10 x 5, 30 minutes.
        session(
            &h,
            "2026-11-25T18:00:00+01:00",
            30,
            &[sets("deadlift", "5x140x3@2"), sets("pull-up", "3xbw+10x5")],
        );
        let s = h.stats(d(2026, 11, 25)).unwrap();
        let w = &s.this_week;
        assert_eq!(
            (w.week.label().as_str(), w.lifting_minutes, w.sessions),
            ("2026-W48", 60, 2)
        );
        assert_eq!(w.dose, DoseLevel::InBand);
        // Hard: deadlifts (RIR 2) and pull-ups (unknown); the squats at RIR 4 are not.
        assert_eq!(w.hard_sets, 8);
        assert_eq!(
            (
                w.bone.heavy_axial_sets,
                w.bone.heavy_axial_sessions,
                w.bone.landings
            ),
            (10, 2, 20)
        );
        assert!(w.bone.meets_liftmor);
        assert_eq!(s.last_4_weeks[3].lifting_minutes, 40);
        assert_eq!(s.bone.days_since_heavy_axial, Some(0));
        assert_eq!(s.adherence.streak.current_weeks, 1);
        assert_eq!(s.adherence.gaps.longest_days, Some(7));
        assert_eq!(s.adherence.planned_per_week, None);
        // Records of the last 28 days with something to beat: the 225 lb
        // squat is heavier than 100 kg, its e1RM (102.06 x 9/30 + 102.06 =
        // 132.68) beats 116.67 and its volume (25 x 102.06 = 2551.5) 2500.
        let squat: Vec<RecordKind> = s
            .records
            .iter()
            .filter(|r| r.exercise_id == "back-squat")
            .map(|r| r.kind)
            .collect();
        assert_eq!(
            squat,
            [
                RecordKind::HeaviestWeight,
                RecordKind::BestE1rm,
                RecordKind::BestVolume
            ]
        );
        assert!((s.records[0].value - 102.058_283_25).abs() < 1e-9);
        assert!(monday.contains(s.records[0].set_id.as_ref().unwrap()));
    }

    #[test]
    fn a_program_sets_the_plan() {
        let (_, h) = heft_at("2026-11-25T20:00:00+01:00");
        h.start_program("linear-5x5", d(2026, 11, 23)).unwrap();
        session(
            &h,
            "2026-11-23T18:00:00+01:00",
            45,
            &[sets("back-squat", "5x100x5@2")],
        );
        let s = h.stats(d(2026, 11, 25)).unwrap();
        assert_eq!(s.adherence.planned_per_week, Some(3));
        assert_eq!(s.this_week.planned_sessions, Some(3));
        assert!(
            s.last_4_weeks.iter().all(|w| w.planned_sessions.is_none()),
            "the run began this week"
        );
        let weeks = h.weekly(d(2026, 11, 16), d(2026, 11, 25)).unwrap();
        assert_eq!(
            weeks.iter().map(|w| w.planned_sessions).collect::<Vec<_>>(),
            [None, Some(3)]
        );
        let c = h.charts(d(2026, 11, 1), d(2026, 11, 25)).unwrap();
        assert_eq!(c.main_lifts.len(), 1);
        assert_eq!(c.main_lifts[0].exercise_id, "back-squat");
    }

    /// Logs every set of the day's plan as prescribed (`heft log --date D`
    /// over and over) and finishes it with no length (`heft finish --date
    /// D`); returns the plan's estimate.
    fn session_as_planned(h: &Heft, on: NaiveDate) -> u32 {
        let estimate = h.today(on).unwrap().plan.estimated_minutes;
        while h.today(on).unwrap().next.is_some() {
            h.log_next(LogTime::OnDate(on)).unwrap();
        }
        let done = h
            .finish(FinishWorkout {
                on: Some(on),
                ..FinishWorkout::default()
            })
            .unwrap();
        assert!(done.session.is_some(), "counted as a program session");
        assert_eq!(done.workout.duration(), None, "no length recorded");
        estimate
    }

    #[test]
    fn a_program_session_without_a_length_counts_what_its_plan_estimated() {
        let (clock, h) = heft_at("2026-11-16T08:00:00+01:00");
        h.start_program("liftmor", d(2026, 11, 16)).unwrap();
        let monday = session_as_planned(&h, d(2026, 11, 16));
        clock.set(DateTime::parse_from_rfc3339("2026-11-19T08:00:00+01:00").unwrap());
        let thursday = session_as_planned(&h, d(2026, 11, 19));
        let planned = monday + thursday;
        let stats = h.stats(d(2026, 11, 19)).unwrap();
        let minutes = stats.this_week.lifting_minutes;
        // Each plan rounds its estimate up; the week rounds once.
        assert!(
            minutes <= planned && minutes + 2 > planned,
            "stats {minutes}, plans {monday} + {thursday}"
        );
        assert_eq!(stats.this_week.estimated_sessions, 2);
        // The engine's weekly dose reads the same week the same way.
        let today = h.today(d(2026, 11, 19)).unwrap();
        assert_eq!(today.plan.dose.logged, minutes);
        // And so does the report's weekly series.
        let weeks = h.weekly(d(2026, 11, 16), d(2026, 11, 19)).unwrap();
        assert_eq!(weeks[0].lifting_minutes, minutes);
        let charts = h.charts(d(2026, 11, 16), d(2026, 11, 19)).unwrap();
        assert_eq!(charts.weeks[0].lifting_minutes, minutes);
    }

    #[test]
    fn sets_belong_to_their_local_week() {
        let (_, h) = heft_at("2026-11-30T20:00:00-05:00");
        // Sunday 23:30 at UTC-5 is Monday 04:30 UTC.
        session(
            &h,
            "2026-11-29T23:30:00-05:00",
            20,
            &[sets("back-squat", "3x100x5")],
        );
        let weeks = h.weekly(d(2026, 11, 23), d(2026, 11, 30)).unwrap();
        assert_eq!(weeks.len(), 2);
        assert_eq!(
            (
                weeks[0].week.label().as_str(),
                weeks[0].hard_sets,
                weeks[0].lifting_minutes
            ),
            ("2026-W48", 3, 20)
        );
        assert_eq!((weeks[1].hard_sets, weeks[1].sessions), (0, 0));
    }

    #[test]
    fn e1rm_series_retention_and_units() {
        let (_, h) = heft_at("2026-11-25T20:00:00+01:00");
        h.update_profile(&ProfileUpdate {
            formula: Some(Formula::Brzycki),
            ..ProfileUpdate::default()
        })
        .unwrap();
        session(
            &h,
            "2025-11-24T18:00:00+01:00",
            30,
            &[sets("back-squat", "3x100x5"), sets("back-squat", "w:60x5")],
        );
        let ids = session(
            &h,
            "2026-11-20T18:00:00+01:00",
            30,
            &[sets("back-squat", "225lbx5"), sets("back-squat", "100x3")],
        );
        let series = h.e1rm_series("back-squat").unwrap();
        assert_eq!(series.formula, Formula::Brzycki);
        assert_eq!(series.points.len(), 2);
        // 100 x 5 Brzycki: 100 x 36/32 = 112.5; 225 lb x 5: 102.058 x 36/32 = 114.82.
        assert!((series.points[0].e1rm_kg - 112.5).abs() < 1e-9);
        assert!((series.points[1].e1rm_kg - 102.058_283_25 * 36.0 / 32.0).abs() < 1e-9);
        assert_eq!(series.points[1].set_id, ids[0]);
        let r = h.retention("back-squat", d(2025, 11, 25)).unwrap();
        assert!((r.percent.unwrap() - 102.058_283_25 / 100.0 * 100.0).abs() < 1e-9);
        // A deleted set leaves the series.
        h.delete_set(&ids[0]).unwrap();
        let series = h.e1rm_series("back-squat").unwrap();
        assert!((series.points[1].e1rm_kg - 100.0 * 36.0 / 34.0).abs() < 1e-9);
        // Body-weight exercises have no e1RM in kg.
        session(
            &h,
            "2026-11-24T18:00:00+01:00",
            10,
            &[sets("pull-up", "3xbw+10x5")],
        );
        assert!(h.e1rm_series("pull-up").unwrap().points.is_empty());
    }

    #[test]
    fn new_records_after_a_log() {
        let (clock, h) = heft_at("2026-11-20T19:00:00+01:00");
        session(
            &h,
            "2026-11-20T18:00:00+01:00",
            30,
            &[sets("back-squat", "3x100x5")],
        );
        clock.set(DateTime::parse_from_rfc3339("2026-11-24T18:00:00+01:00").unwrap());
        let first = h
            .log_sets(&sets("back-squat", "100x5"), LogTime::Now)
            .unwrap();
        let ids: Vec<String> = first.sets.iter().map(|s| s.id.clone()).collect();
        assert!(
            h.new_records(&ids).unwrap().is_empty(),
            "a tie is no record"
        );
        let second = h
            .log_sets(&sets("back-squat", "102.5x5"), LogTime::Now)
            .unwrap();
        let ids: Vec<String> = second.sets.iter().map(|s| s.id.clone()).collect();
        let rs = h.new_records(&ids).unwrap();
        let kinds: Vec<RecordKind> = rs.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RecordKind::HeaviestWeight, RecordKind::BestE1rm]);
        assert_eq!((rs[0].value, rs[0].previous), (102.5, Some(100.0)));
        let all = h.records().unwrap();
        assert!(
            all.iter()
                .any(|r| r.kind == RecordKind::HeaviestWeight && r.value == 102.5)
        );
        assert!(h.new_records(&[]).unwrap().is_empty());
    }

    #[test]
    fn inputs_are_checked() {
        let (_, h) = heft_at("2026-11-25T20:00:00+01:00");
        assert!(matches!(
            h.e1rm_series("no-such-lift"),
            Err(Error::NotFound {
                entity: "exercise",
                ..
            })
        ));
        assert!(matches!(
            h.retention("no-such-lift", d(2025, 11, 25)),
            Err(Error::NotFound { .. })
        ));
        assert_eq!(
            h.retention("back-squat", d(2026, 12, 25))
                .unwrap_err()
                .field(),
            Some("date")
        );
        assert_eq!(
            h.retention("back-squat", d(1899, 12, 31))
                .unwrap_err()
                .field(),
            Some("date")
        );
        assert_eq!(h.stats(d(2027, 1, 1)).unwrap_err().field(), Some("date"));
        assert_eq!(
            h.weekly(d(2026, 11, 25), d(2026, 11, 1))
                .unwrap_err()
                .field(),
            Some("date")
        );
        assert_eq!(
            h.weekly(d(2026, 11, 1), d(2027, 11, 1))
                .unwrap_err()
                .field(),
            Some("date")
        );
        assert_eq!(
            h.charts(NaiveDate::MIN, d(2026, 11, 1))
                .unwrap_err()
                .field(),
            Some("date")
        );
        assert!(matches!(
            h.new_records(&["0000-nope".to_owned()]),
            Err(Error::NotFound { entity: "set", .. })
        ));
        let many = vec!["x".to_owned(); MAX_SETS_PER_CALL + 1];
        assert_eq!(h.new_records(&many).unwrap_err().field(), Some("count"));
        // Nothing logged: empty but whole answers.
        let s = h.stats(d(2026, 11, 25)).unwrap();
        assert_eq!(s.last_4_weeks.len(), 4);
        assert!(h.records().unwrap().is_empty());
        assert!(h.weekly(d(1900, 1, 1), d(1900, 1, 1)).unwrap().len() == 1);
        let r = h.retention("back-squat", d(2025, 11, 25)).unwrap();
        assert_eq!(r.percent, None);
    }
}
