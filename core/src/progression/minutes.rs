//! How long lifting takes: the one model behind a plan's estimate, the
//! weekly dose of the engine and the weekly minutes of `stats` and the report.
//!
//! A session is timed exercise by exercise [design]: half a minute to set up
//! each exercise, warm-up sets at 3 s a rep plus 25 s (quick reps and a plate
//! change, no full rest), working reps at 2 s up / 2 s down, a timed set at
//! its seconds, and the rest between consecutive working sets of an exercise
//! (none after its last: the next exercise's setup follows). A plan rests what
//! it prescribes; a logged workout without a recorded length rests what the
//! program the person follows prescribes for that exercise
//! ([`crate::progression::program::Program::rest_for`]), so a session logged
//! as planned counts the minutes its plan estimated. Sets are grouped by
//! exercise, so the order they were logged in does not change the sum.

use std::collections::HashMap;

use super::history::PastSet;
use super::plan::ExercisePlan;
use super::program::{Intensity, RepRange};
use crate::model::SetKind;

/// Setting up an exercise: bar, plates, position. [design]
pub const SETUP_S: f64 = 30.0;
/// A working rep: 2 s up, 2 s down (LISA's tempo). [design for other programs]
pub const REP_S: f64 = 4.0;
/// A warm-up rep: lighter, quicker. [design]
pub const WARMUP_REP_S: f64 = 3.0;
/// After a warm-up set: a plate change, no full rest. [design]
pub const WARMUP_EXTRA_S: f64 = 25.0;
/// A set that tells neither reps nor seconds. [design]
pub const UNMEASURED_SET_S: f64 = 30.0;

/// Rest between sets when a program slot gives none. [design: ACSM 2-3 min
/// for heavy work, 90 s for sets far from failure, a minute for technique]
pub fn default_rest(intensity: Intensity, reps: RepRange) -> u16 {
    match intensity {
        Intensity::Technique => 60,
        Intensity::Percent { min, .. } if min >= 80.0 => 180,
        Intensity::Percent { .. } => 120,
        Intensity::Rir { min, .. } if min >= 3.0 => 90,
        Intensity::Rir { .. } if reps.min <= 6 => 180,
        Intensity::Rir { .. } => 120,
    }
}

/// Rest after a logged working set of an exercise no program prescribes:
/// [`default_rest`] for what the set tells, read as a slot asking for its
/// reps at its reported reserve. [design] An effort not reported counts as
/// hard, as it does for spacing and hard sets (ACSM 2-3 min for heavy work);
/// a set without reps (a hold) gets the rest of a set of more than 6 reps,
/// since nothing says it was heavy.
pub fn default_rest_after(reps: Option<u32>, rir: Option<f64>) -> u16 {
    let rir = rir.filter(|r| r.is_finite()).unwrap_or(0.0);
    let reps = reps.map_or(u16::MAX, |r| u16::try_from(r).unwrap_or(u16::MAX));
    default_rest(
        Intensity::Rir { min: rir, max: rir },
        RepRange {
            min: reps,
            max: reps,
        },
    )
}

/// Where the rest between an exercise's working sets comes from.
pub trait RestLookup {
    /// Seconds of rest between working sets of `exercise_id`, when known.
    fn rest_for(&self, exercise_id: &str) -> Option<u16>;
}

/// No program: every exercise rests [`default_rest_after`] its last set.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgram;

impl RestLookup for NoProgram {
    fn rest_for(&self, _exercise_id: &str) -> Option<u16> {
        None
    }
}

impl<T: RestLookup> RestLookup for Option<T> {
    fn rest_for(&self, exercise_id: &str) -> Option<u16> {
        self.as_ref().and_then(|t| t.rest_for(exercise_id))
    }
}

/// One set as the clock sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimedSet {
    /// Warm-up, working, drop or failure.
    pub kind: SetKind,
    /// Reps done or asked for.
    pub reps: Option<u32>,
    /// Seconds, for timed sets.
    pub seconds: Option<u32>,
    /// Reps in reserve reported, for the default rest after it.
    pub rir: Option<f64>,
}

impl From<&PastSet> for TimedSet {
    fn from(s: &PastSet) -> Self {
        TimedSet {
            kind: s.kind,
            reps: s.reps,
            seconds: s.seconds,
            rir: s.rir,
        }
    }
}

impl TimedSet {
    /// Seconds the set itself takes.
    fn work_s(&self) -> f64 {
        let per_rep = if self.kind == SetKind::Warmup {
            WARMUP_REP_S
        } else {
            REP_S
        };
        match (self.seconds, self.reps) {
            (Some(t), _) => f64::from(t),
            (None, Some(r)) => f64::from(r) * per_rep,
            (None, None) => UNMEASURED_SET_S,
        }
    }
}

/// A session's seconds, added up set by set in the order the sets come.
#[derive(Debug, Clone, Default)]
pub struct SessionClock {
    seconds: f64,
    /// Per exercise seen: the rest owed before its next working set, once
    /// it has had one.
    rest_owed: HashMap<String, Option<u16>>,
}

impl SessionClock {
    /// Adds one set of `exercise_id`; `rest_s` is the rest between that
    /// exercise's working sets, `None` for [`default_rest_after`] the set.
    pub fn add(&mut self, exercise_id: &str, set: TimedSet, rest_s: Option<u16>) {
        let owed = match self.rest_owed.get_mut(exercise_id) {
            Some(owed) => owed,
            None => {
                self.seconds += SETUP_S;
                self.rest_owed.entry(exercise_id.to_owned()).or_default()
            }
        };
        if set.kind == SetKind::Warmup {
            self.seconds += set.work_s() + WARMUP_EXTRA_S;
            return;
        }
        // A drop set follows the set before it without rest: that is what
        // makes it a drop set.
        if set.kind != SetKind::Drop
            && let Some(rest) = *owed
        {
            self.seconds += f64::from(rest);
        }
        self.seconds += set.work_s();
        *owed = Some(rest_s.unwrap_or_else(|| default_rest_after(set.reps, set.rir)));
    }

    /// Minutes so far.
    pub fn minutes(&self) -> f64 {
        self.seconds / 60.0
    }
}

/// Minutes a planned session takes, rounded up: warm-ups, then the working
/// sets asked for (a range's bottom) with the prescribed rest between them.
pub fn planned_minutes(exercises: &[ExercisePlan]) -> u32 {
    let mut clock = SessionClock::default();
    for e in exercises {
        for w in &e.warmups {
            let reps = u32::from(w.reps.max);
            clock.add(
                &e.exercise_id,
                planned_set(SetKind::Warmup, reps, w.timed),
                None,
            );
        }
        for s in &e.sets {
            let reps = u32::from(s.reps.min);
            clock.add(
                &e.exercise_id,
                planned_set(s.kind, reps, s.timed),
                Some(e.rest_s),
            );
        }
    }
    clock.minutes().ceil() as u32
}

fn planned_set(kind: SetKind, reps: u32, timed: bool) -> TimedSet {
    TimedSet {
        kind,
        reps: (!timed).then_some(reps),
        seconds: timed.then_some(reps),
        rir: None,
    }
}

/// Minutes of a logged workout without a recorded length, from its sets:
/// each exercise rests what `rest` says, else [`default_rest_after`].
pub fn logged_minutes(sets: &[PastSet], rest: &dyn RestLookup) -> f64 {
    let mut clock = SessionClock::default();
    for s in sets {
        clock.add(&s.exercise_id, s.into(), rest.rest_for(&s.exercise_id));
    }
    clock.minutes()
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::catalog;
    use crate::model::Profile;
    use crate::progression::builtin::builtin_programs;
    use crate::progression::engine::{self, PlanInput};
    use crate::progression::plan::SessionPlan;
    use crate::progression::program::{ExerciseIndex, Program, ProgramRest};
    use crate::progression::state::{LiftState, RunState};
    use crate::progression::{Athlete, PastWorkout};

    /// The sets of `plan` logged exactly as prescribed (warm-ups, then the
    /// working sets at the bottom of their range), with no effort reported.
    pub(crate) fn logged_as_planned(plan: &SessionPlan) -> Vec<PastSet> {
        let mut sets = Vec::new();
        for e in &plan.exercises {
            for (kind, s) in e
                .warmups
                .iter()
                .map(|w| (SetKind::Warmup, w))
                .chain(e.sets.iter().map(|s| (s.kind, s)))
            {
                let reps = u32::from(if kind == SetKind::Warmup {
                    s.reps.max
                } else {
                    s.reps.min
                });
                sets.push(PastSet {
                    exercise_id: e.exercise_id.clone(),
                    kind,
                    kg: s.load.weight().map(|w| w.base()),
                    reps: (!s.timed).then_some(reps),
                    rir: None,
                    pain: None,
                    seconds: s.timed.then_some(reps),
                    band: s.band.clone(),
                });
            }
        }
        sets
    }

    /// A built-in program, and a run of it in phase `phase` with an
    /// estimate for every lift, so that the plan has loads and warm-ups.
    pub(crate) fn builtin_run(id: &str, phase: usize) -> (Program, RunState, ExerciseIndex) {
        let exercises = ExerciseIndex::new(catalog::builtin().unwrap().exercises);
        let program = builtin_programs(&exercises)
            .unwrap()
            .into_iter()
            .find(|p| p.id == id)
            .unwrap();
        let mut run = RunState::new(id, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
        run.phase = phase;
        run.familiarized = true;
        for ex in program.exercise_ids() {
            run.lifts.insert(
                ex.to_owned(),
                LiftState {
                    e1rm_kg: Some(80.0),
                    e1rm_source: Some("test".into()),
                    ..LiftState::default()
                },
            );
        }
        (program, run, exercises)
    }

    /// The plan of a [`builtin_run`] on 2026-11-23 for a default profile,
    /// with the program and run it came from.
    pub(crate) fn builtin_plan(id: &str, phase: usize) -> (Program, RunState, SessionPlan) {
        let (program, run, exercises) = builtin_run(id, phase);
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let athlete = Athlete::from_profile(&Profile::default(), today);
        let plan = engine::plan(&PlanInput {
            program: &program,
            run: &run,
            athlete: &athlete,
            exercises: &exercises,
            history: &[],
            session: None,
            today,
            adjustments: &crate::progression::adjust::NO_ADJUSTMENTS,
        })
        .unwrap();
        (program, run, plan)
    }

    #[test]
    fn a_liftmor_session_logged_as_planned_counts_what_its_plan_estimated() {
        let (program, run, plan) = builtin_plan("liftmor", 2);
        let today = plan.date;
        assert_eq!(plan.phase.id, "hirit");
        assert!(
            plan.exercises
                .iter()
                .all(|e| !e.warmups.is_empty() || e.exercise_id == "jumping-chin-up")
        );
        let logged = PastWorkout {
            id: "w".into(),
            date: today,
            minutes: None,
            sets: logged_as_planned(&plan),
        };
        let rest = ProgramRest {
            program: &program,
            phase: run.phase,
        };
        let minutes = logged.lifting_minutes(&rest);
        // The plan rounds up; the logged estimate is the same seconds.
        assert_eq!(minutes.ceil() as u32, plan.estimated_minutes, "{minutes}");
        assert!(
            plan.estimated_minutes <= 30,
            "the trial's 30 min: {}",
            plan.estimated_minutes
        );
        // The model this replaced (105 s after every working set, 45 s
        // after a warm-up, no setup) counted far more for the same sets.
        let old: f64 = logged
            .sets
            .iter()
            .map(|s| {
                let work = s
                    .seconds
                    .map_or(f64::from(s.reps.unwrap_or(0)) * 4.0, f64::from);
                work + if s.kind == SetKind::Warmup {
                    45.0
                } else {
                    105.0
                }
            })
            .sum::<f64>()
            / 60.0;
        assert!(old > minutes + 10.0, "old {old}, now {minutes}");
    }

    struct Rests(Vec<(&'static str, u16)>);

    impl RestLookup for Rests {
        fn rest_for(&self, exercise_id: &str) -> Option<u16> {
            self.0
                .iter()
                .find(|(id, _)| *id == exercise_id)
                .map(|(_, r)| *r)
        }
    }

    fn set(exercise: &str, kind: SetKind, reps: Option<u32>, seconds: Option<u32>) -> PastSet {
        PastSet {
            exercise_id: exercise.to_owned(),
            kind,
            kg: Some(50.0),
            reps,
            rir: None,
            pain: None,
            seconds,
            band: None,
        }
    }

    fn work(exercise: &str, reps: u32) -> PastSet {
        set(exercise, SetKind::Working, Some(reps), None)
    }

    fn secs(minutes: f64) -> f64 {
        (minutes * 60.0).round()
    }

    #[test]
    fn rest_only_between_working_sets_of_an_exercise() {
        // Setup 30 + 3 x 20 s of reps + 2 rests of 60 s: 210 s.
        let sets = vec![work("squat", 5), work("squat", 5), work("squat", 5)];
        let rest = Rests(vec![("squat", 60)]);
        assert_eq!(secs(logged_minutes(&sets, &rest)), 210.0);
        // A second exercise: its own setup, no rest carried over from the first.
        let mut two = sets.clone();
        two.push(work("press", 5));
        assert_eq!(secs(logged_minutes(&two, &rest)), 210.0 + 30.0 + 20.0);
    }

    #[test]
    fn sets_are_grouped_by_exercise() {
        // Alternating two exercises costs what doing them one after the
        // other costs: one setup each, one rest between each one's sets.
        let rest = Rests(vec![("squat", 60), ("press", 90)]);
        let alternating = vec![
            work("squat", 5),
            work("press", 5),
            work("squat", 5),
            work("press", 5),
        ];
        let grouped = vec![
            work("squat", 5),
            work("squat", 5),
            work("press", 5),
            work("press", 5),
        ];
        let a = logged_minutes(&alternating, &rest);
        assert_eq!(secs(a), secs(logged_minutes(&grouped, &rest)));
        assert_eq!(secs(a), 2.0 * 30.0 + 4.0 * 20.0 + 60.0 + 90.0);
    }

    #[test]
    fn warm_ups_cost_their_reps_and_a_plate_change() {
        // Setup 30; warm-ups 8 x 3 + 25 and 3 x 3 + 25; two working sets of
        // 5 (20 s each) with 120 s between: 30 + 49 + 34 + 40 + 120 = 273.
        let sets = vec![
            set("squat", SetKind::Warmup, Some(8), None),
            set("squat", SetKind::Warmup, Some(3), None),
            work("squat", 5),
            work("squat", 5),
        ];
        let rest = Rests(vec![("squat", 120)]);
        assert_eq!(secs(logged_minutes(&sets, &rest)), 273.0);
    }

    #[test]
    fn timed_and_unmeasured_sets() {
        // A 45 s hold, 30 s rest, a 60 s hold; then a set telling nothing
        // (30 s) of another exercise after its setup.
        let sets = vec![
            set("plank", SetKind::Working, None, Some(45)),
            set("plank", SetKind::Working, None, Some(60)),
            set("carry", SetKind::Working, None, None),
        ];
        let rest = Rests(vec![("plank", 30), ("carry", 60)]);
        assert_eq!(
            secs(logged_minutes(&sets, &rest)),
            30.0 + 45.0 + 30.0 + 60.0 + 30.0 + UNMEASURED_SET_S
        );
    }

    #[test]
    fn a_drop_set_takes_no_rest_before_it() {
        let sets = vec![work("curl", 10), set("curl", SetKind::Drop, Some(8), None)];
        let rest = Rests(vec![("curl", 90)]);
        assert_eq!(secs(logged_minutes(&sets, &rest)), 30.0 + 40.0 + 32.0);
    }

    #[test]
    fn an_unknown_exercise_rests_the_default_for_its_set() {
        let hard_five = |rir| PastSet {
            rir,
            ..work("mystery", 5)
        };
        // Effort unknown counts as hard: 5 reps rest 180 s.
        let sets = vec![hard_five(None), hard_five(None)];
        assert_eq!(secs(logged_minutes(&sets, &NoProgram)), 30.0 + 40.0 + 180.0);
        // Three reps in reserve: 90 s.
        let sets = vec![hard_five(Some(3.0)), hard_five(Some(3.0))];
        assert_eq!(secs(logged_minutes(&sets, &NoProgram)), 30.0 + 40.0 + 90.0);
        // Ten reps, effort unknown: 120 s; a hold with no reps: 120 s too.
        let sets = vec![work("mystery", 10), work("mystery", 10)];
        assert_eq!(secs(logged_minutes(&sets, &NoProgram)), 30.0 + 80.0 + 120.0);
        assert_eq!(default_rest_after(None, None), 120);
        // A program that does not know the exercise falls back the same way.
        let rest = Rests(vec![("squat", 60)]);
        assert_eq!(secs(logged_minutes(&sets, &rest)), 30.0 + 80.0 + 120.0);
        assert_eq!(default_rest_after(Some(5), Some(f64::NAN)), 180);
    }

    #[test]
    fn nothing_logged_is_no_minutes() {
        assert_eq!(logged_minutes(&[], &NoProgram), 0.0);
        assert_eq!(planned_minutes(&[]), 0);
    }
}
