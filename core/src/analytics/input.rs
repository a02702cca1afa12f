//! What analytics reads: one row per live set, with its workout and exercise
//! facts and its load in kilograms.
//!
//! The store builds these with one streaming query (`store/sets.rs`);
//! tests build them by hand with [`AnalyticsSet::new`]. Every computation in
//! `analytics` is a pure function of these rows, the profile and a date.

use std::sync::Arc;

use chrono::NaiveDate;

use super::week::Week;
use crate::model::{
    Exercise, Load, Measure, Muscle, Pattern, SetEntry, SetKind, SetRole, Timestamp, WeightUnit,
    Workout,
};
use crate::progression::minutes::TimedSet;
use crate::progression::strength::{self, Formula};

/// Most reps a set may have for its e1RM to count: the formulas are
/// validated up to 10 reps (SCIENCE.md, "Numbers the engine uses").
pub const MAX_E1RM_REPS: u32 = 10;

/// A set is hard at this many reps in reserve or fewer (or when RIR is unknown).
pub const HARD_RIR: f64 = 3.0;

/// The exercise facts analytics needs, shared by every set of the exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct SetExercise {
    /// Exercise id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Movement pattern (cardio is not lifting).
    pub pattern: Pattern,
    /// How a set is measured.
    pub measure: Measure,
    /// Muscle groups trained, for hard sets per muscle.
    pub muscles: Vec<Muscle>,
    /// Loads the spine axially (bone-loading dose).
    pub axial: bool,
    /// Landings count toward the impact dose.
    pub impact: bool,
}

impl From<&Exercise> for SetExercise {
    fn from(e: &Exercise) -> Self {
        SetExercise {
            id: e.id.clone(),
            name: e.name.clone(),
            pattern: e.pattern,
            measure: e.measure,
            muscles: e.muscles.clone(),
            axial: e.axial,
            impact: e.impact,
        }
    }
}

/// The workout facts analytics needs, shared by every set of the workout.
#[derive(Debug, Clone, PartialEq)]
pub struct SetWorkout {
    /// Workout id.
    pub id: Arc<str>,
    /// When it started.
    pub start: Timestamp,
    /// Its length in seconds ([`Workout::duration`]).
    pub duration_s: Option<u32>,
}

impl From<&Workout> for SetWorkout {
    fn from(w: &Workout) -> Self {
        SetWorkout {
            id: w.id.as_str().into(),
            start: w.started_at,
            duration_s: w.duration(),
        }
    }
}

/// One live set as analytics sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalyticsSet {
    /// The set's id.
    pub set_id: String,
    /// Its workout's id.
    pub workout_id: Arc<str>,
    /// When the workout started (its local date is the session's date).
    pub workout_start: Timestamp,
    /// The workout's length in seconds ([`Workout::duration`]), `None` while
    /// open or when unknown.
    pub workout_duration_s: Option<u32>,
    /// When the set was done.
    pub performed_at: Timestamp,
    /// The set's local date, from its own offset.
    pub date: NaiveDate,
    /// The ISO week of `date`.
    pub week: Week,
    /// The exercise.
    pub exercise: Arc<SetExercise>,
    /// Warm-up, working, drop or failure.
    pub kind: SetKind,
    /// What the set was for in a planned session (technique, warm-up,
    /// working); `None` when logged freely.
    pub role: Option<SetRole>,
    /// Load in kg: the external weight, or for body-weight exercises the
    /// added load (negative: assistance); `None` when nothing was recorded.
    /// Pounds are converted with the exact factor 0.45359237.
    pub load_kg: Option<f64>,
    /// The load is added to body weight (`load_kg` is not the whole load).
    pub bodyweight: bool,
    /// The unit the load was logged in, when there is one.
    pub load_unit: Option<WeightUnit>,
    /// Reps done.
    pub reps: Option<u32>,
    /// Reps in reserve the person reported (not a plan's target stored by
    /// logging as prescribed); RPE is converted as RIR = 10 - RPE.
    pub rir: Option<f64>,
    /// Seconds, for timed sets.
    pub duration_s: Option<u32>,
    /// Landings, for jumps.
    pub landings: Option<u32>,
}

/// Load in kg and whether it is added to body weight, from a model load.
pub fn load_kg(load: Load) -> (Option<f64>, bool) {
    match load {
        Load::None => (None, false),
        Load::Weight { weight } => (Some(weight.base()), false),
        Load::Bodyweight { added } => (added.map(|w| w.base()), true),
    }
}

/// The unit a load was logged in.
fn load_unit(load: Load) -> Option<WeightUnit> {
    match load {
        Load::None | Load::Bodyweight { added: None } => None,
        Load::Weight { weight }
        | Load::Bodyweight {
            added: Some(weight),
        } => Some(weight.unit()),
    }
}

impl AnalyticsSet {
    /// A working set of `exercise` done at `at` in a workout that started
    /// then, with nothing else filled in (tests and previews fill in the rest).
    pub fn new(
        set_id: impl Into<String>,
        workout_id: impl Into<Arc<str>>,
        at: Timestamp,
        exercise: Arc<SetExercise>,
    ) -> AnalyticsSet {
        let date = at.local_date();
        AnalyticsSet {
            set_id: set_id.into(),
            workout_id: workout_id.into(),
            workout_start: at,
            workout_duration_s: None,
            performed_at: at,
            date,
            week: Week::of(date),
            exercise,
            kind: SetKind::Working,
            role: None,
            load_kg: None,
            bodyweight: false,
            load_unit: None,
            reps: None,
            rir: None,
            duration_s: None,
            landings: None,
        }
    }

    /// A logged set of `workout`, as the store reads it (`store::sets`).
    /// Only an effort the person reported counts
    /// ([`crate::model::SetInput::logged_effort`]): the plan's target stored
    /// by logging as prescribed would make every figure confirm the plan.
    pub fn from_entry(entry: &SetEntry, workout: &SetWorkout, exercise: Arc<SetExercise>) -> Self {
        let (load_kg, bodyweight) = load_kg(entry.input.load);
        let date = entry.performed_at.local_date();
        AnalyticsSet {
            set_id: entry.id.clone(),
            workout_id: workout.id.clone(),
            workout_start: workout.start,
            workout_duration_s: workout.duration_s,
            performed_at: entry.performed_at,
            date,
            week: Week::of(date),
            exercise,
            kind: entry.input.kind,
            role: entry.input.role,
            load_kg,
            bodyweight,
            load_unit: load_unit(entry.input.load),
            reps: entry.input.reps,
            rir: entry.input.logged_effort().map(|e| e.rir()),
            duration_s: entry.input.duration_ms.map(|ms| ms / 1000),
            landings: entry.input.impact.map(|i| i.landings),
        }
    }

    /// The session's date: the local date its workout started on.
    pub fn session_date(&self) -> NaiveDate {
        self.workout_start.local_date()
    }

    /// Not cardio: counts toward lifting minutes and sessions.
    pub fn is_lifting(&self) -> bool {
        self.exercise.pattern != Pattern::Cardio
    }

    /// A working or failure set that is not preparation (a planned warm-up
    /// or technique practice): what records, e1RM, hard and heavy sets count
    /// (docs/ANALYTICS.md, "Which sets count").
    pub fn is_work(&self) -> bool {
        matches!(self.kind, SetKind::Working | SetKind::Failure) && !self.is_preparation()
    }

    /// A warm-up (by kind or planned role) or technique practice: never
    /// heavy, hard, or strength evidence.
    pub fn is_preparation(&self) -> bool {
        self.kind == SetKind::Warmup
            || matches!(self.role, Some(SetRole::Technique | SetRole::Warmup))
    }

    /// The external load in kg when it is one and positive (not body weight).
    pub fn external_kg(&self) -> Option<f64> {
        self.load_kg
            .filter(|kg| !self.bodyweight && kg.is_finite() && *kg > 0.0)
    }

    /// The set's e1RM in kg: working or failure sets with an external load
    /// and 1..=[`MAX_E1RM_REPS`] reps, RIR-aware ([`strength::e1rm`]).
    /// Body-weight sets have none: the load moved includes a body weight
    /// Heft does not know, and the added load alone is not a one-rep max.
    pub fn e1rm(&self, formula: Formula) -> Option<f64> {
        if !self.is_work() {
            return None;
        }
        let reps = self.reps.filter(|r| (1..=MAX_E1RM_REPS).contains(r))?;
        strength::e1rm(self.external_kg()?, reps, self.rir, formula)
    }

    /// Hard: a working or failure set of a lifting exercise (not cardio, not
    /// jumps) with RIR <= [`HARD_RIR`] or unknown.
    pub fn is_hard(&self) -> bool {
        self.is_work()
            && !matches!(self.exercise.pattern, Pattern::Cardio | Pattern::Jump)
            && self.rir.is_none_or(|r| r <= HARD_RIR)
    }

    /// Landings that count toward the impact dose (impact exercises only).
    pub fn impact_landings(&self) -> u32 {
        if self.exercise.impact {
            self.landings.unwrap_or(0)
        } else {
            0
        }
    }

    /// The set as the minutes model reads it
    /// ([`crate::progression::minutes`]).
    pub(crate) fn timed_set(&self) -> TimedSet {
        TimedSet {
            kind: self.kind,
            reps: self.reps,
            seconds: self.duration_s,
            rir: self.rir,
        }
    }

    /// Chronological order key: when the set was done, then its id.
    pub(crate) fn order_key(&self) -> (i64, &str) {
        (self.performed_at.utc_ms(), self.set_id.as_str())
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! Hand-built sets for the analytics tests.

    use std::sync::Arc;

    use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

    use super::{AnalyticsSet, SetExercise};
    use crate::model::{Measure, Muscle, Pattern, SetKind, Timestamp};

    pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// `hh:mm` local on `date` at UTC offset `offset_h` hours.
    pub fn at(date: NaiveDate, hh: u32, mm: u32, offset_h: i32) -> Timestamp {
        let off = FixedOffset::east_opt(offset_h * 3600).unwrap();
        let t: DateTime<FixedOffset> = off
            .from_local_datetime(&date.and_time(NaiveTime::from_hms_opt(hh, mm, 0).unwrap()))
            .single()
            .unwrap();
        Timestamp(t)
    }

    fn ex(
        id: &str,
        name: &str,
        pattern: Pattern,
        measure: Measure,
        muscles: &[Muscle],
        axial: bool,
        impact: bool,
    ) -> Arc<SetExercise> {
        Arc::new(SetExercise {
            id: id.into(),
            name: name.into(),
            pattern,
            measure,
            muscles: muscles.to_vec(),
            axial,
            impact,
        })
    }

    pub fn squat() -> Arc<SetExercise> {
        use Muscle::*;
        ex(
            "back-squat",
            "Back Squat",
            Pattern::Squat,
            Measure::WeightReps,
            &[Quads, Glutes, Adductors, LowerBack],
            true,
            false,
        )
    }
    pub fn deadlift() -> Arc<SetExercise> {
        use Muscle::*;
        ex(
            "deadlift",
            "Deadlift",
            Pattern::Hinge,
            Measure::WeightReps,
            &[Hamstrings, Glutes, LowerBack],
            true,
            false,
        )
    }
    pub fn bench() -> Arc<SetExercise> {
        use Muscle::*;
        ex(
            "bench-press",
            "Bench Press",
            Pattern::Push,
            Measure::WeightReps,
            &[Chest, Triceps, Shoulders],
            false,
            false,
        )
    }
    pub fn pull_up() -> Arc<SetExercise> {
        use Muscle::*;
        ex(
            "pull-up",
            "Pull-Up",
            Pattern::Pull,
            Measure::BodyweightReps,
            &[Back, Biceps],
            false,
            false,
        )
    }
    pub fn box_jump() -> Arc<SetExercise> {
        use Muscle::*;
        ex(
            "box-jump",
            "Box Jump",
            Pattern::Jump,
            Measure::BodyweightReps,
            &[Quads, Glutes, Calves],
            false,
            true,
        )
    }
    pub fn running() -> Arc<SetExercise> {
        ex(
            "running",
            "Running",
            Pattern::Cardio,
            Measure::Distance,
            &[],
            false,
            true,
        )
    }

    /// A set builder: `set(ex, "w1", at(..)).kg(100.0).reps(5)`.
    pub fn set(exercise: Arc<SetExercise>, workout: &str, t: Timestamp) -> AnalyticsSet {
        let id = format!("{workout}-{}-{}", exercise.id, t.utc_ms());
        AnalyticsSet::new(id, workout, t, exercise)
    }

    impl AnalyticsSet {
        /// Sets the set id.
        pub fn id(mut self, id: &str) -> Self {
            self.set_id = id.into();
            self
        }
        /// Sets an external load in kg.
        pub fn kg(mut self, kg: f64) -> Self {
            self.load_kg = Some(kg);
            self
        }
        /// Makes it a body-weight set with this added load.
        pub fn added(mut self, kg: Option<f64>) -> Self {
            self.load_kg = kg;
            self.bodyweight = true;
            self
        }
        /// A load logged in pounds.
        pub fn lb(mut self, lb: f64) -> Self {
            self.load_kg = Some(lb * 0.453_592_37);
            self.load_unit = Some(crate::model::WeightUnit::Lb);
            self
        }
        /// Sets the reps.
        pub fn reps(mut self, reps: u32) -> Self {
            self.reps = Some(reps);
            self
        }
        /// Sets the reps in reserve.
        pub fn rir(mut self, rir: f64) -> Self {
            self.rir = Some(rir);
            self
        }
        /// Sets the kind.
        pub fn kind(mut self, kind: SetKind) -> Self {
            self.kind = kind;
            self
        }
        /// Sets the landings.
        pub fn landings(mut self, n: u32) -> Self {
            self.landings = Some(n);
            self
        }
        /// Sets the duration in seconds.
        pub fn seconds(mut self, s: u32) -> Self {
            self.duration_s = Some(s);
            self
        }
        /// The workout started at `start` and lasted `minutes` (None: unknown).
        pub fn workout(mut self, start: Timestamp, minutes: Option<u32>) -> Self {
            self.workout_start = start;
            self.workout_duration_s = minutes.map(|m| m * 60);
            self
        }
        /// Moves the set to `t` (its date and week follow).
        pub fn done_at(mut self, t: Timestamp) -> Self {
            self.performed_at = t;
            self.date = t.local_date();
            self.week = super::Week::of(self.date);
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::model::{Effort, Impact, SetInput, Weight, WeightUnit};

    #[test]
    fn a_sunday_night_set_stays_in_its_local_week() {
        // 23:30 on Sunday 29 November 2026 at UTC+2 is 21:30 UTC, still Sunday.
        let s = set(squat(), "w", at(d(2026, 11, 29), 23, 30, 2));
        assert_eq!(s.date, d(2026, 11, 29));
        assert_eq!(s.week.label(), "2026-W48");
        // At UTC-5 the same local time is 04:30 UTC on Monday: still Sunday's week.
        let s = set(squat(), "w", at(d(2026, 11, 29), 23, 30, -5));
        assert_eq!(s.performed_at.0.naive_utc().date(), d(2026, 11, 30));
        assert_eq!(s.date, d(2026, 11, 29));
        assert_eq!(s.week.label(), "2026-W48");
        // 00:30 on Monday at UTC+2 is Sunday 22:30 UTC, but the set is Monday's.
        let s = set(squat(), "w", at(d(2026, 11, 30), 0, 30, 2));
        assert_eq!(s.week.label(), "2026-W49");
    }

    #[test]
    fn from_entry_converts_pounds_exactly_and_rpe_to_rir() {
        let workout = Workout {
            id: "w1".into(),
            name: None,
            started_at: at(d(2026, 11, 24), 18, 0, 1),
            finished_at: Some(at(d(2026, 11, 24), 18, 50, 1)),
            duration_s: None,
            note: None,
        };
        let mut input = SetInput::new("back-squat");
        input.load = Load::Weight {
            weight: Weight::new(225.0, WeightUnit::Lb).unwrap(),
        };
        input.reps = Some(5);
        input.effort = Some(Effort::Rpe(8.5));
        input.impact = Some(Impact {
            landings: 3,
            drop_height_cm: None,
        });
        let entry = SetEntry {
            id: "s1".into(),
            workout_id: "w1".into(),
            exercise_name: "Back Squat".into(),
            position: 1,
            performed_at: at(d(2026, 11, 24), 18, 10, 1),
            input,
            target: None,
        };
        let s = AnalyticsSet::from_entry(&entry, &SetWorkout::from(&workout), squat());
        assert!((s.load_kg.unwrap() - 102.058_283_25).abs() < 1e-9);
        assert_eq!(s.rir, Some(1.5));
        assert_eq!(s.workout_duration_s, Some(50 * 60));
        assert_eq!(s.landings, Some(3));
        assert_eq!(
            s.impact_landings(),
            0,
            "landings count only for impact exercises"
        );
        assert!(!s.bodyweight);
    }

    #[test]
    fn body_weight_sets_have_no_e1rm() {
        let t = at(d(2026, 11, 24), 18, 0, 1);
        let weighted = set(pull_up(), "w", t).added(Some(20.0)).reps(5);
        assert_eq!(weighted.e1rm(Formula::Epley), None);
        assert_eq!(weighted.external_kg(), None);
        let plain = set(pull_up(), "w", t).added(None).reps(8);
        assert_eq!(plain.e1rm(Formula::Epley), None);
    }

    #[test]
    fn e1rm_counts_working_sets_of_one_to_ten_reps() {
        let t = at(d(2026, 11, 24), 18, 0, 1);
        let s = set(squat(), "w", t).kg(100.0).reps(5).rir(2.0);
        // 5 reps + 2 in reserve = 7: 100 * (1 + 7/30) = 123.33
        assert!((s.e1rm(Formula::Epley).unwrap() - 123.333_333_333_333_33).abs() < 1e-9);
        assert_eq!(s.clone().kind(SetKind::Warmup).e1rm(Formula::Epley), None);
        assert_eq!(s.clone().kind(SetKind::Drop).e1rm(Formula::Epley), None);
        assert!(
            s.clone()
                .kind(SetKind::Failure)
                .e1rm(Formula::Epley)
                .is_some()
        );
        assert_eq!(s.clone().reps(11).rir(0.0).e1rm(Formula::Epley), None);
        assert!(s.clone().reps(10).rir(0.0).e1rm(Formula::Epley).is_some());
        assert_eq!(s.clone().reps(0).e1rm(Formula::Epley), None);
        assert_eq!(s.clone().kg(0.0).e1rm(Formula::Epley), None);
        // 10 reps at RIR 3 is 13 reps to failure: beyond the chart.
        assert_eq!(s.reps(10).rir(3.0).e1rm(Formula::Epley), None);
    }

    #[test]
    fn hard_sets() {
        let t = at(d(2026, 11, 24), 18, 0, 1);
        let s = set(squat(), "w", t).kg(100.0).reps(5);
        assert!(s.is_hard(), "unknown RIR counts as hard");
        assert!(s.clone().rir(3.0).is_hard());
        assert!(!s.clone().rir(3.5).is_hard());
        assert!(!s.clone().kind(SetKind::Warmup).is_hard());
        assert!(!s.clone().kind(SetKind::Drop).is_hard());
        assert!(!set(box_jump(), "w", t).reps(5).is_hard());
        assert!(!set(running(), "w", t).is_hard());
    }
}
