//! The person's own adjustments: an exercise swapped for good and the
//! weekdays they train, honoured by the planner over weeks.

use super::*;
use crate::progression::adjust::Weekday;

fn swapped(from: &str, to: &str) -> crate::progression::Adjustments {
    let mut a = crate::progression::Adjustments::default();
    a.swaps.insert(from.into(), to.into());
    a
}

#[test]
fn a_swap_for_good_replaces_the_exercise_and_says_so() {
    let mut case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", lift(120.0, Some(95.0)), Some("2026-11-23")),
        athlete(45, None),
    )
    .own("back-squat");
    assert_eq!(case.plan().exercises[0].exercise_id, "back-squat");
    case.adjustments = swapped("back-squat", "front-squat");
    let plan = case.plan();
    let ex = &plan.exercises[0];
    assert_eq!(ex.exercise_id, "front-squat");
    let swap = ex.swap.as_ref().unwrap();
    assert_eq!(
        (swap.from_id.as_str(), swap.phrase.id.as_str()),
        ("back-squat", "swap-chosen")
    );
    assert_eq!(swap.reason, "your own choice, from now on");
    assert!(
        ex.why
            .iter()
            .any(|w| w.text == "Front Squat instead of Back Squat: your own choice, from now on."),
        "{:?}",
        ex.why
    );
    // The swapped-in lift keeps its own state: logged sessions move it.
    case.finish(vec![set("front-squat", 60.0, 5, Some(2.0)); 5]);
    assert!(case.run.lifts.contains_key("front-squat"));
    case.today = d("2026-11-30");
    assert_eq!(case.plan().exercises[0].exercise_id, "front-squat");
}

#[test]
fn a_swap_the_person_may_not_do_is_replaced_by_the_safety_rules() {
    // Osteoporosis: jumps are replaced by lower-impact work, whatever was
    // chosen.
    let program = one_slot(
        r#"exercise = "pull-up"
sets = 3
reps = 5
technique = true
rule = "hold""#,
    );
    let mut run = RunState::new("t", d("2026-09-01"));
    run.familiarized = true;
    let mut case = Case::new(program, run, athlete(66, Some(BoneStatus::Osteoporosis)));
    case.adjustments = swapped("pull-up", "jumping-chin-up");
    let ex = &case.plan().exercises[0];
    assert_ne!(ex.exercise_id, "jumping-chin-up");
    assert_eq!(ex.swap.as_ref().unwrap().phrase.id, "swap-impact");
}

#[test]
fn the_next_session_waits_for_a_chosen_training_day() {
    // Last session Tuesday 24 Nov; the program asks for 2 days between.
    let mut case = Case::new(
        one_slot(SQUAT_5X5),
        run_with("back-squat", lift(120.0, Some(95.0)), Some("2026-11-24")),
        athlete(45, None),
    )
    .own("back-squat");
    case.today = d("2026-11-25");
    assert_eq!(case.plan().ready_on, d("2026-11-26"));
    case.adjustments = case
        .adjustments
        .clone()
        .with_days(vec![Weekday::Mon, Weekday::Fri]);
    // Thursday is rested enough but not a training day: Friday.
    assert_eq!(case.plan().ready_on, d("2026-11-27"));
    case.today = d("2026-11-27");
    assert_eq!(case.plan().ready_on, d("2026-11-27"));
    // Trained Friday: the next is Monday.
    case.finish(vec![set("back-squat", 95.0, 5, Some(2.0)); 5]);
    case.today = d("2026-11-28");
    assert_eq!(case.plan().ready_on, d("2026-11-30"));
}
