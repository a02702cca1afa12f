//! Engine rules, one test each, with hand-computed numbers.

use chrono::NaiveDate;

use super::*;
use crate::catalog;
use crate::model::{BoneStatus, FractureHistory, Profile, SetKind, WeightUnit};
use crate::progression::history::PastSet;
use crate::progression::plan::{DoseLevel, WarningCode};
use crate::progression::program::{ExerciseIndex, Program};
use crate::progression::state::{LiftState, RampReason};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn index() -> ExerciseIndex {
    ExerciseIndex::new(catalog::builtin().unwrap().exercises)
}

/// A one-phase program: `slots` are TOML slot bodies.
fn program(extra: &str, phases: &str) -> Program {
    let text = format!(
        r#"
format = 1
id = "t"
name = "Test"
summary = "A test program."
source = "Heft design"
sessions_per_week = 2
min_days_between = 2
session_minutes = 30
{extra}
{phases}
"#
    );
    Program::from_toml(&text, &index()).unwrap()
}

fn one_slot(slot: &str) -> Program {
    program(
        "heavy = true",
        &format!(
            r#"
[[phases]]
id = "main"
name = "Main"
kind = "training"
weeks = 8
[[phases.days]]
name = "A"
[[phases.days.slots]]
{slot}
"#
        ),
    )
}

const SQUAT_5X5: &str = r#"exercise = "back-squat"
sets = 5
reps = 5
percent = [80, 85]
rule = "linear""#;

fn athlete(age: i32, bone: Option<BoneStatus>) -> Athlete {
    let profile = Profile {
        birth_year: Some(2026 - age),
        bone_status: bone,
        ..Profile::default()
    };
    Athlete::from_profile(&profile, d("2026-11-26"))
}

/// A run in its training phase with one lift's state.
fn run_with(id: &str, lift: LiftState, last: Option<&str>) -> RunState {
    let mut run = RunState::new("t", d("2026-09-01"));
    run.familiarized = true;
    run.sessions_done = 4;
    run.session_in_phase = 4;
    run.last_session_on = last.map(d);
    run.lifts.insert(id.to_owned(), lift);
    run
}

fn lift(e1rm: f64, load: Option<f64>) -> LiftState {
    LiftState {
        e1rm_kg: Some(e1rm),
        e1rm_source: Some("test".into()),
        load_kg: load,
        ..LiftState::default()
    }
}

fn set(id: &str, kg: f64, reps: u32, rir: Option<f64>) -> PastSet {
    PastSet {
        exercise_id: id.into(),
        kind: SetKind::Working,
        kg: Some(kg),
        reps: Some(reps),
        rir,
        pain: None,
        seconds: None,
        band: None,
    }
}

fn workout(date: &str, sets: Vec<PastSet>) -> PastWorkout {
    PastWorkout {
        id: format!("w-{date}"),
        date: d(date),
        minutes: None,
        sets,
    }
}

#[derive(Clone)]
struct Case {
    program: Program,
    run: RunState,
    athlete: Athlete,
    exercises: ExerciseIndex,
    history: Vec<PastWorkout>,
    today: NaiveDate,
    adjustments: crate::progression::Adjustments,
}

impl Case {
    fn new(program: Program, run: RunState, athlete: Athlete) -> Case {
        Case {
            program,
            run,
            athlete,
            exercises: index(),
            history: Vec::new(),
            today: d("2026-11-26"),
            adjustments: crate::progression::Adjustments::default(),
        }
    }

    /// Marks `id`'s working load as earned in the program's first slot.
    fn own(mut self, id: &str) -> Case {
        let key = slot_key(&self.program.phases[0].days[0].slots[0]);
        self.run.lifts.get_mut(id).unwrap().load_for = Some(key);
        self
    }

    fn input(&self) -> PlanInput<'_> {
        PlanInput {
            program: &self.program,
            run: &self.run,
            athlete: &self.athlete,
            exercises: &self.exercises,
            history: &self.history,
            session: None,
            today: self.today,
            adjustments: &self.adjustments,
        }
    }

    fn plan(&self) -> SessionPlan {
        plan(&self.input()).unwrap()
    }

    /// Finishes a session with `sets` and moves the case on to the new state.
    fn finish(&mut self, sets: Vec<PastSet>) -> Advance {
        let done = PastWorkout {
            id: format!("w-{}", self.today),
            date: self.today,
            minutes: None,
            sets,
        };
        let adv = advance(&self.input(), &done).unwrap();
        self.run = adv.run.clone();
        self.history.push(done);
        adv
    }
}

fn first_load(plan: &SessionPlan) -> f64 {
    plan.exercises[0].sets[0].load.weight().unwrap().value()
}

#[test]
fn percent_slots_load_from_the_estimate_with_warmups_and_rest() {
    let case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", lift(100.0, None), Some("2026-11-23")),
        athlete(45, None),
    );
    let p = case.plan();
    let ex = &p.exercises[0];
    assert_eq!(ex.sets.len(), 5);
    assert_eq!(ex.sets[0].reps, RepRange { min: 5, max: 5 });
    // 80% of 100 kg, on standard plates.
    assert_eq!(first_load(&p), 80.0);
    assert_eq!(ex.sets[0].percent_1rm, Some(80.0));
    // 5 reps at 80% is 7.44 reps to failure on the chart: RIR 2.5 in half steps.
    assert_eq!(ex.sets[0].rir, Some(2.5));
    assert_eq!(ex.rest_s, 180);
    assert!(!ex.warmups.is_empty());
    assert!(
        ex.warmups
            .iter()
            .all(|w| w.load.weight().unwrap().value() < 80.0)
    );
}

#[test]
fn linear_adds_the_age_and_body_part_increment_on_success() {
    // 45 years, lower body: 5% of 80 = 4 kg, rounded up to the 5 kg plate step.
    let mut case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    // The last of five sets with 3 in reserve: room for the step on the chart.
    let adv = case.finish(vec![set("back-squat", 80.0, 5, Some(3.0)); 5]);
    assert_eq!(case.run.lifts["back-squat"].load_kg, Some(85.0), "{adv:?}");
    assert!(
        adv.changes[0].why.text.contains("+5 kg"),
        "{:?}",
        adv.changes
    );
    assert!(!adv.changes[0].why.heuristic);

    // With micro plates the same 4 kg is made exactly; at 65 it is 2.5% = 2 kg.
    for (age, expect) in [(45, 84.0), (65, 82.0)] {
        let mut a = athlete(age, None);
        a.loadout.fractional = Loadout::standard_fractional(WeightUnit::Kg);
        let mut case = Case::new(
            one_slot(SQUAT_5X5),
            run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
            a,
        )
        .own("back-squat");
        case.finish(vec![set("back-squat", 80.0, 5, Some(2.0)); 5]);
        assert_eq!(
            case.run.lifts["back-squat"].load_kg,
            Some(expect),
            "age {age}"
        );
    }
}

#[test]
fn a_lighter_set_done_for_all_reps_is_not_a_success() {
    let mut case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    let adv = case.finish(vec![set("back-squat", 75.0, 5, Some(2.0)); 5]);
    let l = &case.run.lifts["back-squat"];
    assert_eq!((l.load_kg, l.stalls), (Some(80.0), 1));
    assert!(
        adv.changes[0].why.text.contains("lighter"),
        "{:?}",
        adv.changes
    );
}

#[test]
fn three_stalls_deload_ten_percent() {
    let slot = SQUAT_5X5.replace("percent = [80, 85]", "rir = 2");
    let mut case = Case::new(
        one_slot(&slot),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    let missed = || {
        let mut s = vec![set("back-squat", 80.0, 5, None); 4];
        s.push(set("back-squat", 80.0, 3, None));
        s
    };
    for day in ["2026-11-26", "2026-11-29"] {
        case.today = d(day);
        case.finish(missed());
    }
    // Each short last set, taken to failure, caps the estimate
    // (`update_estimate`), so the plan may already be lighter than 80 kg;
    // the third miss cuts 10% of the load planned, down to the plates'
    // 5 kg steps (80 kg: 72, so 70).
    case.today = d("2026-12-02");
    let planned = first_load(&case.plan());
    assert!(planned <= 80.0);
    case.finish(missed());
    let l = &case.run.lifts["back-squat"];
    let cut = (planned * 0.9 / 5.0).floor() * 5.0;
    assert_eq!((l.load_kg, l.stalls), (Some(cut), 0));
    let why = l.last_change.as_ref().unwrap();
    assert!(why.heuristic && why.text.contains("deload"), "{why:?}");
}

#[test]
fn an_empty_bar_near_the_limit_moves_the_slot_to_lighter_equipment() {
    let slot = r#"exercise = "overhead-press"
alternatives = ["dumbbell-overhead-press"]
sets = 3
reps = 5
technique = true
rule = "hold""#;
    let mut case = Case::new(
        one_slot(slot),
        run_with("x", LiftState::default(), Some("2026-11-23")),
        athlete(70, None),
    );
    assert_eq!(case.plan().exercises[0].exercise_id, "overhead-press");
    // The empty bar (20 kg) for 5 with about one rep left: too heavy to learn with.
    case.finish(vec![set("overhead-press", 20.0, 5, Some(1.0)); 3]);
    case.today = d("2026-11-29");
    let ex = &case.plan().exercises[0];
    assert_eq!(ex.exercise_id, "dumbbell-overhead-press");
    assert!(
        ex.swap
            .as_ref()
            .unwrap()
            .reason
            .contains("lightest barbell load"),
        "{:?}",
        ex.swap
    );
    assert_eq!(
        ex.sets[0].load.weight().map(|w| w.value()),
        Some(2.0),
        "the lightest dumbbell"
    );
}

#[test]
fn all_reps_ground_out_at_rir_0_hold_the_load() {
    let slot = SQUAT_5X5.replace("percent = [80, 85]", "rir = 2");
    let mut case = Case::new(
        one_slot(&slot),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    case.finish(vec![set("back-squat", 80.0, 5, Some(0.0)); 5]);
    assert_eq!(case.run.lifts["back-squat"].load_kg, Some(80.0));
    // One rep left on the last set is hard but not ground out: it goes up
    // (the estimate as before, so the plan keeps 80 kg at RIR 2).
    case.run.lifts.get_mut("back-squat").unwrap().e1rm_kg = Some(110.0);
    case.today = d("2026-11-29");
    let mut sets = vec![set("back-squat", 80.0, 5, Some(2.0)); 4];
    sets.push(set("back-squat", 80.0, 5, Some(1.0)));
    case.finish(sets);
    assert_eq!(case.run.lifts["back-squat"].load_kg, Some(85.0));
}

#[test]
fn pain_holds_at_4_and_reduces_at_6() {
    for (pain, expect) in [(4, 80.0), (6, 70.0)] {
        let mut case = Case::new(
            one_slot(SQUAT_5X5),
            run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
            athlete(45, None),
        )
        .own("back-squat");
        let mut sets = vec![set("back-squat", 80.0, 5, Some(2.0)); 5];
        sets[4].pain = Some(pain);
        let adv = case.finish(sets);
        assert_eq!(
            case.run.lifts["back-squat"].load_kg,
            Some(expect),
            "pain {pain}"
        );
        assert!(adv.changes[0].why.text.starts_with("Pain"));
        case.today = d("2026-11-29");
        let p = case.plan();
        assert!(p.warnings.iter().any(|w| w.code == WarningCode::Pain));
    }
}

#[test]
fn double_progression_climbs_the_range_then_adds_load() {
    let slot = r#"exercise = "bench-press"
sets = 3
reps = [8, 12]
rir = [1, 2]
rule = "double""#;
    let mut case = Case::new(
        one_slot(slot),
        run_with("bench-press", lift(70.0, Some(50.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("bench-press");
    case.finish(vec![
        set("bench-press", 50.0, 10, Some(2.0)),
        set("bench-press", 50.0, 9, Some(1.0)),
        set("bench-press", 50.0, 9, Some(1.0)),
    ]);
    let l = &case.run.lifts["bench-press"];
    assert_eq!((l.load_kg, l.reps), (Some(50.0), Some(10)));
    case.today = d("2026-11-29");
    assert_eq!(
        case.plan().exercises[0].sets[0].reps,
        RepRange { min: 10, max: 12 }
    );
    case.finish(vec![set("bench-press", 50.0, 12, Some(1.0)); 3]);
    // Upper body at 45: 2.5% of 50 = 1.25 kg, taken as one plate step (5 kg,
    // exactly the 10% largest jump), back to the bottom of the range.
    let l = &case.run.lifts["bench-press"];
    assert_eq!((l.load_kg, l.reps), (Some(55.0), None));
    case.today = d("2026-12-02");
    assert_eq!(
        case.plan().exercises[0].sets[0].reps,
        RepRange { min: 8, max: 12 }
    );
}

#[test]
fn a_plate_step_too_big_for_the_load_waits_for_extra_reps() {
    let slot = SQUAT_5X5
        .replace("back-squat", "overhead-press")
        .replace("percent = [80, 85]", "rir = 2");
    let mut case = Case::new(
        one_slot(&slot),
        run_with("overhead-press", lift(45.0, Some(35.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("overhead-press");
    // 35 -> 40 kg would be +14%: one more rep first, twice, then the step.
    case.finish(vec![set("overhead-press", 35.0, 5, Some(2.0)); 5]);
    assert_eq!(case.run.lifts["overhead-press"].reps, Some(6));
    let why = case.run.lifts["overhead-press"]
        .last_change
        .clone()
        .unwrap();
    assert!(
        why.heuristic && why.text.contains("too big a jump"),
        "{why:?}"
    );
    case.today = d("2026-11-29");
    assert_eq!(case.plan().exercises[0].sets[0].reps.min, 6);
    // Another rep must still leave one in reserve: 35 x 6 at RIR 3 (an
    // estimate of 45.5) says 35 x 7 would.
    case.finish(vec![set("overhead-press", 35.0, 6, Some(3.0)); 5]);
    case.today = d("2026-12-02");
    assert_eq!(case.plan().exercises[0].sets[0].reps.min, 7);
    // After two extra reps the step is taken anyway, with the reps the
    // estimate allows at one in reserve: 35 x 7 at RIR 3 is an estimate of
    // 46.7, where 40 x 5 would be maximal, so 40 x 4, building back to 5.
    case.finish(vec![set("overhead-press", 35.0, 7, Some(3.0)); 5]);
    let l = &case.run.lifts["overhead-press"];
    assert_eq!((l.load_kg, l.reps), (Some(40.0), Some(4)));
    case.today = d("2026-12-05");
    assert_eq!(case.plan().exercises[0].sets[0].reps.min, 4);
    case.finish(vec![set("overhead-press", 40.0, 4, Some(2.0)); 5]);
    let l = &case.run.lifts["overhead-press"];
    assert_eq!((l.load_kg, l.reps), (Some(40.0), None));
}

#[test]
fn two_for_two_needs_two_sessions_in_a_row() {
    let slot = r#"exercise = "deadlift"
sets = 3
reps = 5
rir = 2
rule = "two_for_two""#;
    let mut case = Case::new(
        one_slot(slot),
        run_with("deadlift", lift(125.0, Some(100.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("deadlift");
    let good = vec![
        set("deadlift", 100.0, 5, Some(3.0)),
        set("deadlift", 100.0, 5, Some(3.0)),
        set("deadlift", 100.0, 7, Some(1.0)),
    ];
    case.finish(good.clone());
    assert_eq!(case.run.lifts["deadlift"].load_kg, Some(100.0));
    assert_eq!(case.run.lifts["deadlift"].good_streak, 1);
    case.today = d("2026-11-29");
    case.finish(good);
    assert_eq!(case.run.lifts["deadlift"].load_kg, Some(105.0));
}

#[test]
fn reps_over_raises_the_load_when_the_last_set_passes_the_range() {
    let slot = r#"exercise = "leg-press"
sets = 3
reps = 12
percent = 65
rule = "reps_over""#;
    let mut case = Case::new(
        one_slot(slot),
        run_with("leg-press", lift(215.0, Some(140.0)), Some("2026-11-23")),
        athlete(66, None),
    )
    .own("leg-press");
    case.finish(vec![set("leg-press", 140.0, 12, None); 3]);
    assert_eq!(case.run.lifts["leg-press"].load_kg, Some(140.0));
    case.today = d("2026-11-29");
    case.finish(vec![
        set("leg-press", 140.0, 12, None),
        set("leg-press", 140.0, 12, None),
        set("leg-press", 140.0, 14, None),
    ]);
    // Lower body at 66: 2.5% of 140 = 3.5, on a 5 kg stack: 145.
    assert_eq!(case.run.lifts["leg-press"].load_kg, Some(145.0));
}

#[test]
fn reps_then_harder_moves_to_the_next_variation() {
    let slot = r#"exercise = "wall-push-up"
harder = ["incline-push-up", "knee-push-up"]
sets = 3
reps = [10, 18]
rir = [0, 2]
rule = "reps_then_harder""#;
    let mut case = Case::new(
        one_slot(slot),
        run_with("wall-push-up", LiftState::default(), Some("2026-11-23")),
        athlete(66, None),
    );
    let reps = |n| PastSet {
        kg: None,
        ..set("wall-push-up", 0.0, n, Some(2.0))
    };
    case.finish(vec![reps(10), reps(10), reps(10)]);
    assert_eq!(case.run.lifts["wall-push-up"].reps, Some(12));
    case.run.lifts.get_mut("wall-push-up").unwrap().reps = Some(18);
    case.today = d("2026-11-29");
    case.finish(vec![reps(18), reps(18), reps(18)]);
    assert_eq!(case.run.lifts["wall-push-up"].variation, 1);
    case.today = d("2026-12-02");
    let p = case.plan();
    assert_eq!(p.exercises[0].exercise_id, "incline-push-up");
    assert_eq!(p.exercises[0].sets[0].reps, RepRange { min: 10, max: 18 });
}

#[test]
fn layoffs_scale_loads_by_time_off_and_months_off_repeat_technique() {
    for (last, factor) in [
        ("2026-11-12", 1.0),
        ("2026-10-26", 0.9),
        ("2026-09-17", 0.85),
    ] {
        let case = Case::new(
            one_slot(SQUAT_5X5),
            run_with("back-squat", lift(125.0, Some(100.0)), Some(last)),
            athlete(55, None),
        )
        .own("back-squat");
        let p = case.plan();
        // Reduced loads round down: 90 and 85 exactly here.
        assert_eq!(first_load(&p), 100.0 * factor, "last {last}");
        assert_eq!(
            p.warnings.iter().any(|w| w.code == WarningCode::Layoff),
            factor < 1.0
        );
    }
    let mut case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", lift(125.0, Some(100.0)), Some("2026-07-01")),
        athlete(55, None),
    );
    let p = case.plan();
    assert_eq!(p.phase.id, "ramp");
    assert_eq!(p.phase.sessions, 4);
    let adv = case.finish(vec![set("back-squat", 20.0, 8, None); 2]);
    assert_eq!(
        adv.run.ramp.map(|r| (r.done, r.reason)),
        Some((1, RampReason::LongLayoff))
    );
    // The estimate was cut to 80% for the time off.
    assert_eq!(case.run.lifts["back-squat"].e1rm_kg, Some(100.0));
}

#[test]
fn a_missed_session_shifts_the_plan_instead_of_skipping_it() {
    let text = r#"
[[phases]]
id = "one"
name = "One"
kind = "training"
weeks = 1
[[phases.days]]
name = "A"
[[phases.days.slots]]
exercise = "back-squat"
sets = 3
reps = 5
rir = 2
rule = "linear"
[[phases.days]]
name = "B"
[[phases.days.slots]]
exercise = "deadlift"
sets = 1
reps = 5
rir = 2
rule = "linear"
[[phases]]
id = "two"
name = "Two"
kind = "training"
weeks = 1
[[phases.days]]
name = "C"
[[phases.days.slots]]
exercise = "overhead-press"
sets = 3
reps = 5
rir = 2
rule = "linear"
"#;
    let mut case = Case::new(
        program("", text),
        RunState::new("t", d("2026-11-02")),
        athlete(45, None),
    );
    case.today = d("2026-11-02");
    assert_eq!(case.plan().day, "A");
    case.finish(vec![set("back-squat", 60.0, 5, Some(2.0)); 3]);
    // Ten days later the plan is day B of phase one, not wherever the calendar is.
    case.today = d("2026-11-12");
    let p = case.plan();
    assert_eq!(
        (p.phase.id.as_str(), p.day.as_str(), p.session_number),
        ("one", "B", 2)
    );
    case.finish(vec![set("deadlift", 100.0, 5, Some(2.0))]);
    case.today = d("2026-11-15");
    assert_eq!(case.plan().phase.id, "two");
    case.finish(vec![set("overhead-press", 40.0, 5, Some(2.0)); 3]);
    case.today = d("2026-11-18");
    case.finish(vec![set("overhead-press", 40.0, 5, Some(2.0)); 3]);
    // Past the last phase, back to where the program repeats from (the last phase).
    case.today = d("2026-11-21");
    assert_eq!(
        (case.plan().phase.id.as_str(), case.run.sessions_done),
        ("two", 4)
    );
}

#[test]
fn start_decides_on_a_familiarization_ramp() {
    let heavy = one_slot(SQUAT_5X5);
    let today = d("2026-11-26");
    let recent = vec![workout(
        "2026-11-20",
        vec![set("back-squat", 100.0, 5, Some(2.0))],
    )];
    let old = vec![workout(
        "2026-05-01",
        vec![set("back-squat", 100.0, 5, Some(2.0))],
    )];
    let osteo = athlete(68, Some(BoneStatus::Osteopenia));
    let fit = athlete(45, None);
    let (run, why) = start(&heavy, &osteo, &recent, today);
    assert_eq!(
        run.ramp.map(|r| (r.reason, r.total)),
        Some((RampReason::LowBoneMass, 8))
    );
    assert!(!why[0].heuristic, "LIFTMOR/ESSA is a source");
    assert_eq!(
        start(&heavy, &fit, &[], today).0.ramp.map(|r| r.reason),
        Some(RampReason::NewLifter)
    );
    assert_eq!(
        start(&heavy, &fit, &old, today).0.ramp.map(|r| r.reason),
        Some(RampReason::LongLayoff)
    );
    let (run, _) = start(&heavy, &fit, &recent, today);
    assert!(run.ramp.is_none() && run.familiarized);
}

#[test]
fn the_ramp_goes_from_technique_to_calibration_sets() {
    let mut case = Case::new(
        one_slot(SQUAT_5X5),
        RunState::new("t", d("2026-11-02")),
        athlete(68, Some(BoneStatus::Osteopenia)),
    );
    case.run = start(&case.program, &case.athlete, &[], d("2026-11-02")).0;
    case.today = d("2026-11-02");
    let p = case.plan();
    assert_eq!(p.phase.id, "ramp");
    let s = &p.exercises[0].sets[0];
    // Week 1: the empty bar, no effort target.
    assert_eq!(
        (s.load.weight().map(|w| w.value()), s.rir),
        (Some(20.0), None)
    );
    assert_eq!(p.exercises[0].sets.len(), 2);
    for day in ["2026-11-02", "2026-11-05"] {
        case.today = d(day);
        case.finish(vec![set("back-squat", 20.0, 8, None); 2]);
    }
    // Week 2: no estimate yet, so the person works up to a set of 8 at RIR 4:
    // 12 reps to failure, 69.4% on the chart, under the low-bone-mass cap.
    case.today = d("2026-11-09");
    let s = case.plan().exercises[0].sets[0].clone();
    assert_eq!(
        s.load,
        PlannedLoad::FindLoad {
            start: Weight::new(20.0, WeightUnit::Kg)
        }
    );
    assert_eq!((s.reps.min, s.rir), (8, Some(4.0)));
    // What they found becomes the estimate: 40 x 8 at RIR 4 (Epley, 12 reps: 56).
    case.finish(vec![set("back-squat", 40.0, 8, Some(4.0)); 3]);
    let e = case.run.lifts["back-squat"].e1rm_kg.unwrap();
    assert!((e - 56.0).abs() < 1e-9, "{e}");
    // Week 3 loads from it: 9 reps at RIR 3 is 69.4% of 56 = 38.9, down to the plates: 35.
    case.today = d("2026-11-16");
    let p = case.plan();
    assert_eq!(first_load(&p), 35.0);
    assert!(p.exercises[0].sets[0].percent_1rm.unwrap() <= 70.0);
    // An easy set still shows strength: 60 x 5 at RIR 5 counts half its
    // reserve past 3, RIR 4: a lower bound of 60 x (1 + 9/30) = 78.
    case.finish(vec![set("back-squat", 60.0, 5, Some(5.0)); 3]);
    let e = case.run.lifts["back-squat"].e1rm_kg.unwrap();
    assert!((e - 78.0).abs() < 1e-9, "{e}");
}

#[test]
fn low_bone_mass_caps_loads_until_familiarization_is_done() {
    let mut run = run_with("back-squat", lift(100.0, None), Some("2026-11-23"));
    run.familiarized = false;
    let case = Case::new(
        one_slot(SQUAT_5X5),
        run,
        athlete(68, Some(BoneStatus::Osteopenia)),
    );
    let p = case.plan();
    // 8 reps at RIR 4 is 69.4% on the chart; down to the plates: 65.
    let set = &p.exercises[0].sets[0];
    assert_eq!((first_load(&p), set.reps.min), (65.0, 8));
    assert!(set.percent_1rm.unwrap() <= 70.0);
    assert!(
        p.exercises[0]
            .why
            .iter()
            .any(|w| w.text.starts_with("Low bone mass"))
    );
}

#[test]
fn history_seeds_the_estimate_scaled_for_time_since() {
    // 70 days ago: 100 x 5 at RIR 2 is 7 reps to failure: Epley 123.33, at 85%.
    let mut case = Case::new(
        one_slot(SQUAT_5X5),
        RunState::new("t", d("2026-11-26")),
        athlete(55, None),
    );
    case.run.familiarized = true;
    case.history = vec![workout(
        "2026-09-17",
        vec![set("back-squat", 100.0, 5, Some(2.0))],
    )];
    let p = case.plan();
    let why = &p.exercises[0].why[0].text;
    assert!(
        why.contains("2026-09-17") && why.contains("less 15%"),
        "{why}"
    );
    // 80% of 104.83 = 83.87, to the nearest plate step: 85.
    assert_eq!(first_load(&p), 85.0);
}

#[test]
fn low_bone_mass_swaps_flexion_and_says_why() {
    let slot = r#"exercise = "crunch"
sets = 2
reps = 10
rir = 3
rule = "hold""#;
    let case = Case::new(
        one_slot(slot),
        run_with("x", LiftState::default(), None),
        athlete(68, Some(BoneStatus::Osteopenia)),
    );
    let ex = &case.plan().exercises[0];
    assert_eq!(ex.exercise_id, "dead-bug");
    let swap = ex.swap.as_ref().unwrap();
    assert_eq!(swap.from_id, "crunch");
    assert!(swap.reason.contains("spinal flexion"));
    let fine = Case::new(
        one_slot(slot),
        run_with("x", LiftState::default(), None),
        athlete(45, None),
    );
    assert_eq!(fine.plan().exercises[0].exercise_id, "crunch");
}

#[test]
fn missing_equipment_takes_the_slots_alternative() {
    let slot = r#"exercise = "leg-press"
alternatives = ["goblet-squat", "bodyweight-squat"]
sets = 3
reps = 12
rir = 2
rule = "double""#;
    let slot = slot.replace("reps = 12", "reps = [10, 12]");
    let mut a = athlete(66, None);
    a.equipment = Some(vec![Equipment::Dumbbell, Equipment::Band]);
    let case = Case::new(
        one_slot(&slot),
        run_with("x", LiftState::default(), None),
        a,
    );
    let ex = &case.plan().exercises[0];
    assert_eq!(ex.exercise_id, "goblet-squat");
    assert!(ex.swap.as_ref().unwrap().reason.contains("machine"));
}

#[test]
fn vertebral_fracture_limits_impact_and_asks_for_a_physiotherapist() {
    let slot = r#"exercise = "jumping-chin-up"
sets = 5
reps = 5
technique = true
rule = "hold"
landings = 5"#;
    let profile = Profile {
        fracture_history: Some(FractureHistory::Vertebral),
        ..Profile::default()
    };
    let a = Athlete::from_profile(&profile, d("2026-11-26"));
    let case = Case::new(one_slot(slot), run_with("x", LiftState::default(), None), a);
    let p = case.plan();
    assert_eq!(p.exercises[0].exercise_id, "assisted-chin-up");
    assert_eq!(
        p.exercises[0].sets[0].landings, None,
        "no drop landings after an impact swap"
    );
    assert!(p.warnings.iter().any(|w| w.code == WarningCode::SeePhysio));
}

#[test]
fn the_same_pattern_waits_48_hours_and_sessions_keep_their_spacing() {
    let slot = SQUAT_5X5.replace("percent = [80, 85]", "rir = 2");
    let mut case = Case::new(
        one_slot(&slot),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-25")),
        athlete(45, None),
    );
    case.history = vec![workout(
        "2026-11-25",
        vec![set("leg-press", 150.0, 8, Some(2.0))],
    )];
    let p = case.plan();
    let codes: Vec<_> = p.warnings.iter().map(|w| w.code).collect();
    assert!(
        codes.contains(&WarningCode::TooSoon) && codes.contains(&WarningCode::SamePattern),
        "{codes:?}"
    );
    assert_eq!(p.ready_on, d("2026-11-27"));
    case.today = d("2026-11-27");
    assert!(case.plan().warnings.is_empty());
}

#[test]
fn weekly_minutes_are_checked_against_the_band() {
    let slot = SQUAT_5X5.replace("percent = [80, 85]", "rir = 2");
    for (logged, level, code) in [
        (0.0, DoseLevel::Below, None),
        (30.0, DoseLevel::InBand, None),
        (60.0, DoseLevel::Above, Some(WarningCode::DoseHigh)),
        (125.0, DoseLevel::FarAbove, Some(WarningCode::DoseTooHigh)),
    ] {
        let mut case = Case::new(
            one_slot(&slot),
            run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-20")),
            athlete(45, None),
        );
        // 2026-11-26 is a Thursday; Monday's session counts, last Sunday's does not.
        let mut monday = workout("2026-11-23", vec![set("bench-press", 50.0, 5, None)]);
        monday.minutes = Some(logged);
        let mut sunday = workout("2026-11-22", vec![set("bench-press", 50.0, 5, None)]);
        sunday.minutes = Some(500.0);
        case.history = vec![sunday, monday];
        let p = case.plan();
        assert_eq!(p.dose.week_of, d("2026-11-23"));
        assert_eq!(p.dose.logged, logged as u32);
        assert_eq!(p.dose.with_session, logged as u32 + p.estimated_minutes);
        assert_eq!(p.dose.level, level, "logged {logged}");
        let dose_codes: Vec<_> = p
            .warnings
            .iter()
            .map(|w| w.code)
            .filter(|c| matches!(c, WarningCode::DoseHigh | WarningCode::DoseTooHigh))
            .collect();
        assert_eq!(dose_codes, code.into_iter().collect::<Vec<_>>());
    }
}

#[test]
fn heavy_running_weeks_trim_a_set() {
    let p = program(
        "trim_above_running_min = 150",
        &format!(
            "[[phases]]\nid = \"m\"\nname = \"M\"\nkind = \"training\"\nweeks = 4\n[[phases.days]]\nname = \"A\"\n[[phases.days.slots]]\n{}",
            SQUAT_5X5.replace("sets = 5", "sets = 3")
        ),
    );
    let mut a = athlete(45, None);
    a.running_min_week = Some(200);
    let case = Case::new(
        p.clone(),
        run_with("back-squat", lift(100.0, None), None),
        a,
    );
    let plan = case.plan();
    assert_eq!(plan.exercises[0].sets.len(), 2);
    assert!(
        plan.notes
            .iter()
            .any(|n| n.heuristic && n.text.contains("running"))
    );
    let mut a = athlete(45, None);
    a.running_min_week = Some(100);
    assert_eq!(
        Case::new(p, run_with("back-squat", lift(100.0, None), None), a)
            .plan()
            .exercises[0]
            .sets
            .len(),
        3
    );
}

#[test]
fn loads_round_to_pound_plates_for_pound_users() {
    let profile = Profile {
        unit: WeightUnit::Lb,
        birth_year: Some(1981),
        ..Profile::default()
    };
    let a = Athlete::from_profile(&profile, d("2026-11-26"));
    let case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", lift(100.0, None), None),
        a,
    );
    let w = case.plan().exercises[0].sets[0].load.weight().unwrap();
    // 80 kg = 176.4 lb; a 45 lb bar with pairs of 5 lb plates makes 10 lb steps: 175.
    assert_eq!((w.value(), w.unit()), (175.0, WeightUnit::Lb));
}

#[test]
fn a_planned_deload_week_lightens_the_load_and_does_not_progress() {
    let text = format!(
        "[[phases]]\nid = \"rest\"\nname = \"Rest\"\nkind = \"deload\"\nweeks = 1\n[[phases.days]]\nname = \"A\"\n[[phases.days.slots]]\n{}",
        SQUAT_5X5.replace("percent = [80, 85]", "rir = 2")
    );
    let mut case = Case::new(
        program("", &text),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    case.run.session_in_phase = 0;
    case.run.lifts.get_mut("back-squat").unwrap().load_kg = None;
    let p = case.plan();
    // RIR 2 for 5 reps is 81.1% of 100; 90% of that is 73, down to the plates: 70.
    assert_eq!(first_load(&p), 70.0);
    case.finish(vec![set("back-squat", 70.0, 5, Some(4.0)); 5]);
    assert_eq!(case.run.lifts["back-squat"].load_kg, None);
}

#[test]
fn start_says_when_the_program_itself_is_above_the_dose_band() {
    let text = "[[phases]]\nid = \"m\"\nname = \"M\"\nkind = \"training\"\nweeks = 1\n[[phases.days]]\nname = \"A\"\n[[phases.days.slots]]\nexercise = \"leg-press\"\nsets = 3\nreps = 12\npercent = 70\nrule = \"reps_over\"";
    let recent = vec![workout(
        "2026-11-20",
        vec![set("leg-press", 100.0, 12, None)],
    )];
    for (minutes, per_week, expect) in [
        ("60", "3", Some("180 min")),
        ("35", "2", Some("70 min")),
        ("30", "2", None),
    ] {
        let p = program("", text).clone();
        let p = Program {
            session_minutes: minutes.parse().unwrap(),
            sessions_per_week: per_week.parse().unwrap(),
            ..p
        };
        let (_, why) = start(&p, &athlete(66, None), &recent, d("2026-11-26"));
        let dose = why
            .iter()
            .find(|w| w.text.contains("min of lifting a week"));
        assert_eq!(
            dose.map(|w| w.text.contains(expect.unwrap_or("-"))),
            expect.map(|_| true),
            "{minutes} x {per_week}"
        );
    }
}

#[test]
fn the_profile_picks_the_e1rm_formula_and_the_reason_names_it() {
    let mut a = athlete(45, None);
    a.formula = Formula::Brzycki;
    let mut case = Case::new(one_slot(SQUAT_5X5), RunState::new("t", d("2026-11-26")), a);
    case.run.familiarized = true;
    case.history = vec![workout(
        "2026-11-20",
        vec![set("back-squat", 100.0, 5, Some(2.0))],
    )];
    let why = &case.plan().exercises[0].why[0].text;
    // Brzycki on 7 reps to failure: 100 x 36 / 30 = 120.
    assert!(
        why.starts_with("Estimated 1RM 120.0 kg") && why.contains("(Brzycki)"),
        "{why}"
    );
}

#[test]
fn body_weight_and_timed_slots_progress_by_reps_and_seconds() {
    let slot = r#"exercise = "push-up"
sets = 3
reps = [8, 12]
rir = 2
rule = "double""#;
    let mut case = Case::new(
        one_slot(slot),
        run_with("push-up", LiftState::default(), Some("2026-11-23")),
        athlete(66, None),
    );
    let reps = |n| PastSet {
        kg: None,
        ..set("push-up", 0.0, n, Some(2.0))
    };
    case.finish(vec![reps(8), reps(9), reps(8)]);
    assert_eq!(case.run.lifts["push-up"].reps, Some(9));
    case.today = d("2026-11-29");
    assert_eq!(
        case.plan().exercises[0].sets[0].reps,
        RepRange { min: 9, max: 12 }
    );

    let plank = r#"exercise = "plank"
sets = 2
reps = [20, 30]
rir = 2
rule = "linear""#;
    let mut case = Case::new(
        one_slot(plank),
        run_with("plank", LiftState::default(), Some("2026-11-23")),
        athlete(66, None),
    );
    let hold = |s| PastSet {
        kg: None,
        reps: None,
        seconds: Some(s),
        ..set("plank", 0.0, 1, None)
    };
    case.finish(vec![hold(20), hold(25)]);
    assert_eq!(case.run.lifts["plank"].reps, Some(25), "seconds climb by 5");
    let p = case.plan();
    assert!(p.exercises[0].sets[0].timed);
}

#[test]
fn running_does_not_count_toward_the_lifting_dose() {
    let slot = SQUAT_5X5.replace("percent = [80, 85]", "rir = 2");
    let mut case = Case::new(
        one_slot(&slot),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-20")),
        athlete(45, None),
    );
    let mut run = workout(
        "2026-11-23",
        vec![PastSet {
            kg: None,
            reps: None,
            seconds: Some(3600),
            ..set("running", 0.0, 1, None)
        }],
    );
    run.minutes = Some(60.0);
    let mut mixed = workout(
        "2026-11-24",
        vec![
            set("bench-press", 60.0, 5, None),
            PastSet {
                kg: None,
                reps: None,
                seconds: Some(1200),
                ..set("running", 0.0, 1, None)
            },
        ],
    );
    mixed.minutes = Some(50.0);
    case.history = vec![run, mixed];
    let p = case.plan();
    // The run counts nothing; the mixed workout counts only its bench set
    // (30 s to set up and 5 reps at 4 s, no rest after a last set: 0.83 min).
    assert_eq!(p.dose.logged, 1);
}

mod robustness {
    //! State comes from the store and, later, from other devices: whatever it
    //! holds, planning and advancing give an answer, never a panic.

    use proptest::prelude::*;

    use super::*;
    use crate::progression::builtin::BUILTIN_PROGRAMS;

    fn any_f64() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-1.0),
            Just(0.0),
            0.0..400.0f64,
            any::<f64>(),
        ]
    }

    fn any_lift() -> impl Strategy<Value = LiftState> {
        (
            proptest::option::of(any_f64()),
            proptest::option::of(any_f64()),
            proptest::option::of(any::<u16>()),
            any::<u8>(),
            any::<u8>(),
            any::<u8>(),
            proptest::option::of(any::<u8>()),
            any::<bool>(),
        )
            .prop_map(
                |(e1rm, load, reps, variation, streak, stalls, pain, heavy)| LiftState {
                    e1rm_kg: e1rm,
                    load_kg: load,
                    last_target_kg: load,
                    reps,
                    variation,
                    good_streak: streak,
                    stalls,
                    pain,
                    lightest_too_heavy: heavy,
                    ..LiftState::default()
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn any_stored_state_plans_and_advances_without_panicking(
            which in 0usize..7,
            phase in prop_oneof![0usize..6, Just(usize::MAX)],
            session in prop_oneof![0u32..40, Just(u32::MAX)],
            done in prop_oneof![0u32..200, Just(u32::MAX)],
            ramp in proptest::option::of((any::<u32>(), 0u32..20)),
            lift in any_lift(),
            kg in any_f64(),
            reps in 0u32..2000,
            rir in proptest::option::of(any_f64()),
            days_ago in 0u64..2000,
            low_bone in any::<bool>(),
        ) {
            let cat = catalog::builtin().unwrap();
            let (_, file) = BUILTIN_PROGRAMS[which];
            let text = crate::progression::builtin::source(file).unwrap();
            let program = Program::from_toml(&text, &cat.exercises).unwrap();
            let today = d("2026-11-26");
            let mut run = RunState::new(&program.id, d("2020-01-01"));
            run.phase = phase;
            run.session_in_phase = session;
            run.sessions_done = done;
            run.last_session_on = today.checked_sub_days(Days::new(days_ago));
            run.ramp = ramp.map(|(done, total)| Ramp { done, total, reason: RampReason::NewLifter });
            for id in program.exercise_ids() {
                run.lifts.insert(id.to_owned(), lift.clone());
            }
            let bone = if low_bone { Some(BoneStatus::Osteoporosis) } else { None };
            let case = Case { history: Vec::new(), today, ..Case::new(program.clone(), run, athlete(70, bone)) };
            if let Some(p) = plan(&case.input()) {
                let sets = p
                    .exercises
                    .iter()
                    .flat_map(|e| e.sets.iter().map(move |_| PastSet {
                        exercise_id: e.exercise_id.clone(),
                        kind: SetKind::Working,
                        kg: Some(kg),
                        reps: Some(reps),
                        rir,
                        pain: Some(6),
                        seconds: Some(reps),
                        band: None,
                    }))
                    .collect();
                let _ = advance(&case.input(), &PastWorkout { id: "w".into(), date: today, minutes: Some(kg), sets });
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Percentage slots, one table, jumps, deloads and the weekly dose.

#[test]
fn percentage_slots_progress_load_never_reps() {
    // 35 -> 40 kg is +14% on standard plates: a percentage slot does not add
    // a rep first; the plan keeps 5 x 5 and the band's top holds the load.
    let slot = SQUAT_5X5.replace("back-squat", "overhead-press");
    let mut case = Case::new(
        one_slot(&slot),
        run_with("overhead-press", lift(45.0, Some(35.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("overhead-press");
    let adv = case.finish(vec![set("overhead-press", 35.0, 5, Some(3.0)); 5]);
    // 40 kg would be 89.5% of the estimate (44.7 kg: 35 x 5 at RIR 3 moves
    // it halfway down from 45), past the band's top and its rounding
    // allowance: the load waits at 35 kg, the reps stay 5, and the reason
    // asks for smaller steps.
    let l = &case.run.lifts["overhead-press"];
    assert_eq!((l.load_kg, l.reps), (Some(35.0), None));
    assert!(
        adv.changes[0].why.text.contains("smaller steps"),
        "{:?}",
        adv.changes[0].why
    );
    case.today = d("2026-11-29");
    let p = case.plan();
    let ex = &p.exercises[0];
    assert_eq!(ex.sets.len(), 5);
    assert_eq!(ex.sets[0].reps, RepRange { min: 5, max: 5 });
    assert_eq!(first_load(&p), 35.0);
    // With 1.25 kg plates the step is 2.5 kg, inside the band: taken.
    let mut a = athlete(45, None);
    a.loadout.fractional = Loadout::standard_fractional(WeightUnit::Kg);
    let mut case = Case::new(
        one_slot(&slot),
        run_with("overhead-press", lift(45.0, Some(35.0)), Some("2026-11-23")),
        a,
    )
    .own("overhead-press");
    case.finish(vec![set("overhead-press", 35.0, 5, Some(3.0)); 5]);
    let l = &case.run.lifts["overhead-press"];
    assert_eq!((l.load_kg, l.reps), (Some(36.0), None));
}

#[test]
fn percentage_linear_steps_only_with_room_and_only_missed_reps_count_as_stalls() {
    let mut case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    // Last set at RIR 1: all reps, but no room for a step yet; the sets
    // before it raised the estimate (80 x 5 at RIR 3: 101.3 kg), so the hold
    // is progress of the band, not a stall.
    let mut sets = vec![set("back-squat", 80.0, 5, Some(3.0)); 4];
    sets.push(set("back-squat", 80.0, 5, Some(1.0)));
    let adv = case.finish(sets);
    let l = &case.run.lifts["back-squat"];
    assert_eq!((l.load_kg, l.stalls), (Some(80.0), 0));
    let text = &adv.changes[0].why.text;
    assert!(
        text.contains("leaves 2 in reserve") && text.contains("estimate rose"),
        "{text}"
    );
    // A missed rep counts toward the stall rule.
    case.today = d("2026-11-29");
    let mut sets = vec![set("back-squat", 80.0, 5, Some(0.0)); 4];
    sets.push(set("back-squat", 80.0, 4, Some(0.0)));
    case.finish(sets);
    assert_eq!(case.run.lifts["back-squat"].stalls, 1);
    // Every rep, the last set ground out: same load, never extra reps, and a
    // success (the 5 x 5 was done), which ends the run of misses.
    case.today = d("2026-12-02");
    let mut sets = vec![set("back-squat", 80.0, 5, Some(1.0)); 4];
    sets.push(set("back-squat", 80.0, 5, Some(0.0)));
    let adv = case.finish(sets);
    let l = &case.run.lifts["back-squat"];
    assert_eq!((l.load_kg, l.stalls, l.reps), (Some(80.0), 0, None));
    assert!(adv.changes[0].why.text.contains("ground out"));
}

#[test]
fn no_session_is_more_than_ten_percent_heavier_than_the_last() {
    // A new block asks for 80% of 100 kg; the last load was 60 kg: at most
    // 66 kg, rounded down on standard plates to 65 kg.
    let mut l = lift(100.0, None);
    l.last_target_kg = Some(60.0);
    let case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", l, Some("2026-11-23")),
        athlete(45, None),
    );
    let p = case.plan();
    assert_eq!(first_load(&p), 65.0);
    assert!(
        p.exercises[0]
            .why
            .iter()
            .any(|w| w.heuristic && w.text.contains("At most 10% heavier")),
        "{:?}",
        p.exercises[0].why
    );
    // The stated RIR is the chart's at 65%, not the slot's 80%.
    let s = &p.exercises[0].sets[0];
    assert_eq!(s.percent_1rm, Some(65.0));
    assert_eq!(s.rir, Some(half_step(rir_at(0.65, 5))));
    // When the smallest step of the equipment is itself more (a 20 kg bar
    // to 25 kg), that one step is allowed.
    let mut l = lift(100.0, None);
    l.last_target_kg = Some(20.0);
    let case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", l, Some("2026-11-23")),
        athlete(45, None),
    );
    assert_eq!(first_load(&case.plan()), 25.0);
}

#[test]
fn a_stall_deload_states_the_cut_it_makes() {
    // 80 kg less 10% is 72 kg, rounded down on 5 kg steps to 70 kg: the
    // reason says 13%, the cut made.
    let slot = SQUAT_5X5.replace("percent = [80, 85]", "rir = 2");
    let mut l = lift(100.0, Some(80.0));
    l.stalls = 2;
    let mut case = Case::new(
        one_slot(&slot),
        run_with("back-squat", l, Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    let adv = case.finish(vec![set("back-squat", 80.0, 4, Some(0.0)); 5]);
    assert_eq!(case.run.lifts["back-squat"].load_kg, Some(70.0));
    assert!(
        adv.changes[0].why.text.contains("deload 13% (-10 kg)"),
        "{:?}",
        adv.changes[0].why
    );
    case.today = d("2026-11-29");
    assert_eq!(first_load(&case.plan()), 70.0);
}

#[test]
fn percentage_bands_stop_one_rep_short_for_low_bone_mass_and_new_lifters() {
    // LISA's 3 x 12 at 70%: 12 reps to failure on the chart is 69.4%.
    let slot = r#"exercise = "back-squat"
sets = 3
reps = 12
percent = 70
rule = "reps_over""#;
    let mut fit = athlete(64, None);
    fit.loadout.fractional = Loadout::standard_fractional(WeightUnit::Kg);
    let mut osteo = athlete(64, Some(BoneStatus::Osteopenia));
    osteo.loadout.fractional = Loadout::standard_fractional(WeightUnit::Kg);
    let plan_for = |a: &Athlete, new_lifter: bool| {
        let mut run = run_with("back-squat", lift(200.0, None), Some("2026-11-23"));
        run.new_lifter = new_lifter;
        let case = Case::new(one_slot(slot), run, a.clone());
        case.plan().exercises[0].sets.clone()
    };
    // Healthy with lifting behind them: the protocol's 70% as far as the
    // chart allows for the last of three sets (2 min rests: a quarter rep
    // lost a set, half a rep by the last), which ends at failure.
    let sets = plan_for(&fit, false);
    assert_eq!(sets[0].load.weight().unwrap().value(), 137.0);
    let reserve: Vec<_> = sets.iter().map(|s| s.rir.unwrap()).collect();
    assert_eq!(reserve, [0.5, 0.5, 0.0]);
    // Low bone mass, or new to lifting: the last set at RIR 1 (67%).
    for sets in [plan_for(&osteo, false), plan_for(&fit, true)] {
        let p = sets[0].percent_1rm.unwrap();
        assert!((66.5..=67.2).contains(&p), "{sets:?}");
        let reserve: Vec<_> = sets.iter().map(|s| s.rir.unwrap()).collect();
        assert_eq!(reserve, [1.5, 1.5, 1.0]);
    }
}

#[test]
fn start_remembers_a_new_lifter() {
    let today = d("2026-11-26");
    let recent = vec![workout(
        "2026-11-20",
        vec![set("back-squat", 100.0, 5, Some(2.0))],
    )];
    let p = one_slot(SQUAT_5X5);
    assert!(start(&p, &athlete(45, None), &[], today).0.new_lifter);
    assert!(!start(&p, &athlete(45, None), &recent, today).0.new_lifter);
}

#[test]
fn a_planned_lighter_week_states_its_cut_from_the_working_load() {
    let p = program(
        "heavy = true",
        r#"
[[phases]]
id = "main"
name = "Main"
kind = "training"
weeks = 1
[[phases.days]]
name = "A"
[[phases.days.slots]]
exercise = "leg-press"
sets = 3
reps = 6
percent = 85
rule = "reps_over"
[[phases]]
id = "easy"
name = "Easy"
kind = "deload"
weeks = 1
[[phases.days]]
name = "A"
[[phases.days.slots]]
exercise = "leg-press"
sets = 2
reps = 12
rpe = [5, 6]
rule = "hold"
"#,
    );
    let mut run = run_with("leg-press", lift(200.0, Some(170.0)), Some("2026-11-23"));
    run.phase = 1;
    run.session_in_phase = 0;
    let case = Case::new(p, run, athlete(45, None));
    let plan = case.plan();
    let ex = &plan.exercises[0];
    let load = first_load(&plan);
    // 12 reps at RIR 4.5 is about 63% of 200 kg (past the chart, Epley's
    // curve joined to it): 125 kg on a 5 kg stack, 26% under 170 kg; the
    // reason says so.
    assert_eq!(load, 125.0);
    assert!(
        ex.why.iter().any(|w| w
            .text
            .contains("lighter week: 26% under the last working load (170 kg)")),
        "{:?}",
        ex.why
    );
}

#[test]
fn a_program_above_the_band_says_so_once_and_is_held_to_its_own_week() {
    let slot = SQUAT_5X5.replace("percent = [80, 85]", "rir = 2");
    let base = one_slot(&slot);
    let p = Program {
        session_minutes: 60,
        sessions_per_week: 3,
        above_band: Some("the trial's protocol. For the band: two sessions.".into()),
        ..base
    };
    let (_, why) = start(&p, &athlete(66, None), &[], d("2026-11-26"));
    let note = why
        .iter()
        .find(|w| w.text.contains("min of lifting a week"))
        .unwrap();
    assert!(
        note.text.contains("180 min") && note.text.contains("the trial's protocol"),
        "{note:?}"
    );
    for (logged, warned) in [(120.0, None), (300.0, Some(WarningCode::DoseTooHigh))] {
        let mut case = Case::new(
            p.clone(),
            run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-20")),
            athlete(45, None),
        );
        let mut monday = workout("2026-11-23", vec![set("bench-press", 50.0, 5, None)]);
        monday.minutes = Some(logged);
        case.history = vec![monday];
        let plan = case.plan();
        let codes: Vec<_> = plan
            .warnings
            .iter()
            .map(|w| w.code)
            .filter(|c| matches!(c, WarningCode::DoseHigh | WarningCode::DoseTooHigh))
            .collect();
        assert_eq!(codes, warned.into_iter().collect::<Vec<_>>(), "{logged}");
        // The notes of a plan do not repeat the start's.
        assert!(!plan.notes.iter().any(|n| n.text == note.text));
    }
}

#[test]
fn the_lightest_load_over_the_cap_is_said_with_a_lighter_alternative() {
    // Low bone mass before familiarization: at most 70%. A 20 kg bar is
    // over 70% of a 20 kg press: the plan says so and names dumbbells.
    let slot = r#"exercise = "overhead-press"
alternatives = ["dumbbell-overhead-press"]
sets = 3
reps = 5
percent = [80, 85]
rule = "linear""#;
    let mut run = run_with("overhead-press", lift(20.0, None), Some("2026-11-23"));
    run.familiarized = false;
    let case = Case::new(
        one_slot(slot),
        run,
        athlete(66, Some(BoneStatus::Osteopenia)),
    );
    let p = case.plan();
    let ex = &p.exercises[0];
    assert_eq!(first_load(&p), 20.0);
    assert!(
        ex.why.iter().any(|w| w.text.contains("lightest load")
            && w.text.contains("over the 70% cap")
            && w.text.contains("Dumbbell")),
        "{:?}",
        ex.why
    );
    // The effort stated is the one at the bar, from the same table.
    let s = &ex.sets[0];
    let on_chart = strength::fraction_of_1rm(u32::from(s.reps.min), s.rir.unwrap()).unwrap_or(0.0);
    assert!(
        (on_chart * 100.0 - s.percent_1rm.unwrap()).abs() < 3.0 || s.rir == Some(0.0),
        "{s:?}"
    );
}

mod adjustments;
mod effort;

#[test]
fn a_week_of_liftmor_logged_as_planned_without_durations_stays_in_the_band() {
    use crate::progression::minutes::tests::{builtin_run, logged_as_planned};
    let (program, mut run, exercises) = builtin_run("liftmor", 2);
    let athlete = athlete(65, Some(BoneStatus::Osteopenia));
    let mut history: Vec<PastWorkout> = Vec::new();
    let mut estimates: Vec<u32> = Vec::new();
    // Monday and Thursday, the trial's twice a week, logged without a
    // length; on Saturday the week's logged minutes are read back.
    for day in ["2026-11-23", "2026-11-26", "2026-11-28"] {
        let input = PlanInput {
            program: &program,
            run: &run,
            athlete: &athlete,
            exercises: &exercises,
            history: &history,
            session: None,
            today: d(day),
            adjustments: &crate::progression::adjust::NO_ADJUSTMENTS,
        };
        let p = plan(&input).unwrap();
        // What was logged this week counts what the plans estimated (each
        // plan rounds its estimate up, the week rounds once).
        let planned: u32 = estimates.iter().sum();
        assert!(
            p.dose.logged <= planned && p.dose.logged + 1 >= planned,
            "{day}: logged {} for plans of {estimates:?}",
            p.dose.logged
        );
        if estimates.len() == 2 {
            assert_eq!(DoseLevel::of(p.dose.logged), DoseLevel::InBand, "{day}");
            break;
        }
        let dose_warnings: Vec<_> = p
            .warnings
            .iter()
            .filter(|w| matches!(w.code, WarningCode::DoseHigh | WarningCode::DoseTooHigh))
            .collect();
        assert!(dose_warnings.is_empty(), "{day}: {dose_warnings:?}");
        let level = if estimates.is_empty() {
            DoseLevel::Below
        } else {
            DoseLevel::InBand
        };
        assert_eq!(p.dose.level, level, "{day}: {:?}", p.dose);
        let done = PastWorkout {
            id: format!("w-{day}"),
            date: d(day),
            minutes: None,
            sets: logged_as_planned(&p),
        };
        run = advance(&input, &done).unwrap().run;
        history.push(done);
        estimates.push(p.estimated_minutes);
    }
    assert_eq!(estimates.len(), 2);
}

/// LIFTMOR's 5 x 5 with 1 min rests: the load is planned for the last set.
const LIFTMOR_SQUAT: &str = r#"exercise = "back-squat"
sets = 5
reps = 5
percent = [80, 85]
rest_s = 60
rule = "linear""#;

#[test]
fn a_percentage_slot_is_planned_for_its_last_set() {
    let plan_for = |a: Athlete| {
        let case = Case::new(
            one_slot(LIFTMOR_SQUAT),
            run_with("back-squat", lift(100.0, None), Some("2026-11-23")),
            a,
        );
        case.plan().exercises[0].clone()
    };
    let mut fit = athlete(45, None);
    fit.loadout.fractional = Loadout::standard_fractional(WeightUnit::Kg);
    let mut osteo = athlete(66, Some(BoneStatus::Osteopenia));
    osteo.loadout.fractional = Loadout::standard_fractional(WeightUnit::Kg);
    // Healthy: 80%, the first set at RIR 2.5 on the chart, half a rep less
    // a set after it: the last ends near failure, not past it.
    let ex = plan_for(fit);
    assert_eq!(ex.sets[0].percent_1rm, Some(80.0));
    let reserve: Vec<_> = ex.sets.iter().map(|s| s.rir.unwrap()).collect();
    assert_eq!(reserve, [2.5, 2.0, 1.5, 1.0, 0.5]);
    // Low bone mass: the last set a rep short of failure, 8 reps to failure
    // on the first (78.6%), and the plan says why it is under 80%.
    let ex = plan_for(osteo);
    let p = ex.sets[0].percent_1rm.unwrap();
    assert!((78.0..=78.6).contains(&p), "{p}");
    let reserve: Vec<_> = ex.sets.iter().map(|s| s.rir.unwrap()).collect();
    assert_eq!(reserve, [3.0, 2.5, 2.0, 1.5, 1.0]);
    assert!(
        ex.why.iter().any(|w| w.heuristic
            && w.text
                .contains("5 x 5 at 80% of 1RM would leave nothing in reserve by the last set")
            && w.text
                .contains("with 60 s rests each set leaves about half a rep less")
            && w.text
                .contains("about 3 reps in reserve on the first set, 1 on the last")),
        "{:?}",
        ex.why
    );
}

#[test]
fn a_rep_short_on_a_set_planned_to_failure_holds_and_is_no_stall() {
    let mut case = Case::new(
        one_slot(LIFTMOR_SQUAT),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    let planned = case.plan();
    let reserve: Vec<_> = planned.exercises[0]
        .sets
        .iter()
        .map(|s| s.rir.unwrap())
        .collect();
    assert_eq!(reserve, [2.5, 2.0, 1.5, 1.0, 0.5]);
    // The last set (planned at RIR 0.5) ends at 4: the failure planned.
    let mut sets = vec![set("back-squat", 80.0, 5, Some(1.0)); 4];
    sets.push(set("back-squat", 80.0, 4, Some(0.0)));
    let adv = case.finish(sets);
    let l = &case.run.lifts["back-squat"];
    assert_eq!((l.load_kg, l.stalls), (Some(80.0), 0));
    assert!(
        adv.changes[0].why.heuristic
            && adv.changes[0]
                .why
                .text
                .contains("one rep short only on the sets planned to be all-out"),
        "{:?}",
        adv.changes
    );
    // Two short on it, or one short on a set that had reserve planned, is a miss.
    for short in [(4, 3), (3, 4)] {
        let mut case = case.clone();
        case.today = d("2026-11-29");
        let mut sets = vec![set("back-squat", 80.0, 5, Some(1.0)); 3];
        sets.push(set("back-squat", 80.0, short.0, Some(0.0)));
        sets.push(set("back-squat", 80.0, short.1, Some(0.0)));
        case.finish(sets);
        assert_eq!(case.run.lifts["back-squat"].stalls, 1, "{short:?}");
    }
}

#[test]
fn a_reserve_logged_after_heavy_sets_counts_what_they_cost() {
    let mut case = Case::new(
        one_slot(LIFTMOR_SQUAT),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    // Honest reports that fall half a rep a set (1 min rests) all say the
    // same fresh strength: 80 x 5 at RIR 2.5 (Epley: 80 x 1.25 = 100).
    let sets = [2.5, 2.0, 1.5, 1.0, 0.5]
        .into_iter()
        .map(|r| set("back-squat", 80.0, 5, Some(r)))
        .collect();
    case.finish(sets);
    let e = case.run.lifts["back-squat"].e1rm_kg.unwrap();
    assert!((e - 100.0).abs() < 1e-9, "{e}");
}

#[test]
fn a_set_short_at_failure_caps_the_estimate_and_equal_plans_give_no_credit() {
    // 5, 5, 5, 5, 3 with the last set unrated: taken to failure, 80 x 3 with
    // the 2 reps the plan expected the sets before it to cost, 5 reps to
    // failure on Epley (93.3): the estimate goes halfway down from 100.
    let mut case = Case::new(
        one_slot(LIFTMOR_SQUAT),
        run_with("back-squat", lift(100.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    let mut sets = vec![set("back-squat", 80.0, 5, Some(2.5)); 4];
    sets.push(set("back-squat", 80.0, 3, None));
    case.finish(sets);
    let e = case.run.lifts["back-squat"].e1rm_kg.unwrap();
    assert!(
        (e - (100.0 + (80.0 * (1.0 + 5.0 / 30.0) - 100.0) / 2.0)).abs() < 1e-9,
        "{e}"
    );
    // An RIR slot plans the same reserve on every set: a later set logged
    // at the same reserve earns no credit (80 x 5 at RIR 2: 101.3).
    let slot = SQUAT_5X5.replace("percent = [80, 85]", "rir = 2");
    let mut case = Case::new(
        one_slot(&slot),
        run_with("back-squat", lift(90.0, Some(80.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    let planned = case.plan();
    assert!(
        planned.exercises[0]
            .sets
            .iter()
            .all(|s| s.rir == planned.exercises[0].sets[0].rir)
    );
    case.finish(vec![set("back-squat", 80.0, 5, Some(2.0)); 5]);
    let e = case.run.lifts["back-squat"].e1rm_kg.unwrap();
    assert!((e - 80.0 * (1.0 + 7.0 / 30.0)).abs() < 1e-9, "{e}");
}
