//! The person's adjustments to the running program: an exercise swapped
//! for good, and the weekdays they train. Kept in profile fields (see
//! [`store::profile::SWAPS_FIELD`]); the planner reads them with the run
//! ([`PlanContext::adjustments`]). Each change is one undo step.

use serde::Serialize;

use super::*;
use crate::progression::{Weekday, safety};
use crate::store::profile::{DAYS_FIELD, SWAPS_FIELD, StoredSwaps};
use crate::text::Text;

/// Most exercises a run may have swapped.
pub const MAX_SWAPS: usize = 64;

/// The person's adjustments to the running program.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RunAdjustments {
    /// The run they belong to.
    pub run_id: String,
    /// Exercises swapped for good, by the program's exercise id.
    pub swaps: Vec<ExerciseSwap>,
    /// The weekdays the person trains, Monday first; empty: any day.
    pub days: Vec<Weekday>,
}

/// One exercise swapped for good.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ExerciseSwap {
    /// The program's exercise.
    pub from_id: String,
    /// Its name.
    pub from_name: String,
    /// The exercise done in its place.
    pub to_id: String,
    /// Its name.
    pub to_name: String,
}

impl RunAdjustments {
    pub(crate) fn of(run_id: &str, adjustments: &Adjustments, exercises: &ExerciseIndex) -> Self {
        RunAdjustments {
            run_id: run_id.to_owned(),
            swaps: adjustments
                .swaps
                .iter()
                .map(|(from, to)| ExerciseSwap {
                    from_id: from.clone(),
                    from_name: exercise_name(exercises, from),
                    to_id: to.clone(),
                    to_name: exercise_name(exercises, to),
                })
                .collect(),
            days: adjustments.days.clone(),
        }
    }
}

/// Why `to` may not replace `from` in `program` for `athlete`, as an error
/// to show; `None` when it may. The rules are the planner's own: `from` is
/// one of the program's exercises, and `to` is one the person has the
/// equipment for and may do ([`safety::allowed`]).
pub(crate) fn swap_refusal(
    program: &Program,
    from: &crate::model::Exercise,
    to: &crate::model::Exercise,
    athlete: &Athlete,
) -> Option<Error> {
    if !program.exercise_ids().any(|id| id == from.id) {
        return Some(Error::Conflict(format!(
            "{} is not an exercise of {}",
            from.name, program.name
        )));
    }
    if to.id == from.id {
        return None;
    }
    if !athlete.can_do(to) {
        let why = Phrase::new("swap-no-equipment")
            .name("exercise", to.name.as_str())
            .word("equipment", crate::text::equipment_word(to.equipment));
        return Some(Error::Conflict(Text::english(&why)));
    }
    safety::unsafe_reason(to, athlete).map(|why| {
        Error::Conflict(format!(
            "{} is not planned: {}",
            to.name,
            Text::english(&why)
        ))
    })
}

impl Heft {
    /// The person's swaps and training days for the running program.
    pub fn program_adjustments(&self) -> Result<RunAdjustments> {
        self.read_snapshot(|conn| {
            let run = store::programs::active_run(conn)?.ok_or(Error::NoProgram)?;
            let adjustments = store::profile::adjustments(conn, Some(&run.id))?;
            Ok(RunAdjustments::of(
                &run.id,
                &adjustments,
                &exercise_index(conn)?,
            ))
        })
    }

    /// Does `to` in place of `from` in the running program from now on
    /// (exercise ids or names; `to` equal to `from` takes a swap back).
    /// Refused when `from` is not in the program, or when `to` is not an
    /// exercise the person can and may do (the planner's own rules). One
    /// undo step.
    pub fn swap_exercise(&self, from: &str, to: &str) -> Result<RunAdjustments> {
        let from = self.find_exercise(from)?;
        let to = self.find_exercise(to)?;
        let today = self.now().date_naive();
        self.write(|tx, stamp| {
            let run = store::programs::active_run(tx)?.ok_or(Error::NoProgram)?;
            let exercises = exercise_index(tx)?;
            let program = load_program(tx, &run.program_id, &exercises)?;
            let athlete = Athlete::from_profile(&read_profile(tx)?, today);
            if let Some(refusal) = swap_refusal(&program, &from, &to, &athlete) {
                return Err(refusal);
            }
            let before = store::profile::field(tx, SWAPS_FIELD)?;
            let mut adjustments = store::profile::adjustments(tx, Some(&run.id))?;
            if to.id == from.id {
                adjustments.swaps.remove(&from.id);
            } else {
                adjustments.swaps.insert(from.id.clone(), to.id.clone());
            }
            if adjustments.swaps.len() > MAX_SWAPS {
                return Err(Error::Conflict(format!(
                    "at most {MAX_SWAPS} exercises can be swapped"
                )));
            }
            let stored = StoredSwaps {
                run: run.id.clone(),
                swaps: adjustments.swaps.clone(),
            };
            let value =
                serde_json::to_string(&stored).map_err(|e| Error::Conflict(e.to_string()))?;
            let value = (!stored.swaps.is_empty()).then_some(value);
            store::profile::put_field(tx, SWAPS_FIELD, value.as_deref(), &stamp.next())?;
            let label = if to.id == from.id {
                Phrase::new("undo-unswapped-exercise").name("exercise", from.name.as_str())
            } else {
                Phrase::new("undo-swapped-exercise")
                    .name("from", from.name.as_str())
                    .name("to", to.name.as_str())
            };
            undo::record(
                tx,
                stamp,
                label,
                &Inverse::RestoreAdjustment {
                    field: SWAPS_FIELD.into(),
                    value: before,
                },
            )?;
            Ok(RunAdjustments::of(&run.id, &adjustments, &exercises))
        })
    }

    /// Trains on `days` from now on (empty: any day): the next session is
    /// put on the first of them once the program's rest allows. One undo
    /// step.
    pub fn set_training_days(&self, days: Vec<Weekday>) -> Result<RunAdjustments> {
        self.write(|tx, stamp| {
            let run = store::programs::active_run(tx)?.ok_or(Error::NoProgram)?;
            let before = store::profile::field(tx, DAYS_FIELD)?;
            let adjustments = store::profile::adjustments(tx, Some(&run.id))?.with_days(days);
            let value = adjustments
                .days
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(",");
            let value = (!value.is_empty()).then_some(value);
            store::profile::put_field(tx, DAYS_FIELD, value.as_deref(), &stamp.next())?;
            undo::record(
                tx,
                stamp,
                Phrase::new("undo-chose-days").count("days", adjustments.days.len() as u64),
                &Inverse::RestoreAdjustment {
                    field: DAYS_FIELD.into(),
                    value: before,
                },
            )?;
            Ok(RunAdjustments::of(
                &run.id,
                &adjustments,
                &exercise_index(tx)?,
            ))
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::NaiveDate;

    use super::super::super::test_support::heft;
    use crate::Error;
    use crate::model::{BoneStatus, ProfileUpdate};
    use crate::progression::Weekday;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_swap_for_good_is_planned_undone_and_tied_to_its_run() {
        let h = heft();
        assert!(matches!(
            h.swap_exercise("back squat", "goblet squat"),
            Err(Error::NoProgram)
        ));
        h.start_program("liftmor", d("2026-11-16")).unwrap();
        let a = h.swap_exercise("back squat", "goblet squat").unwrap();
        assert_eq!(
            (a.swaps[0].from_id.as_str(), a.swaps[0].to_id.as_str()),
            ("back-squat", "goblet-squat")
        );
        let today = h.today(d("2026-11-24")).unwrap();
        let ex = today
            .plan
            .exercises
            .iter()
            .find(|e| e.exercise_id == "goblet-squat")
            .unwrap();
        assert_eq!(ex.swap.as_ref().unwrap().phrase.id, "swap-chosen");
        assert!(
            !today
                .plan
                .exercises
                .iter()
                .any(|e| e.exercise_id == "back-squat")
        );
        // Not an exercise of the program; an exercise the person may not do.
        assert!(matches!(
            h.swap_exercise("bench press", "push-up"),
            Err(Error::Conflict(_))
        ));
        h.update_profile(&ProfileUpdate {
            bone_status: Some(BoneStatus::Osteopenia),
            ..Default::default()
        })
        .unwrap();
        let e = h.swap_exercise("deadlift", "crunch").unwrap_err();
        assert!(e.to_string().contains("low bone mass"), "{e}");
        // Undo takes the swap back, as one step.
        assert_eq!(
            h.undo().unwrap().undone,
            "swapped Back Squat for Goblet Squat"
        );
        assert!(h.program_adjustments().unwrap().swaps.is_empty());
        // Swapping back to itself takes a swap away.
        h.swap_exercise("back squat", "goblet squat").unwrap();
        assert!(
            h.swap_exercise("back-squat", "back-squat")
                .unwrap()
                .swaps
                .is_empty()
        );
        // A new run starts with the program as written.
        h.swap_exercise("back squat", "goblet squat").unwrap();
        h.start_program("liftmor", d("2026-11-20")).unwrap();
        assert!(h.program_adjustments().unwrap().swaps.is_empty());
    }

    #[test]
    fn training_days_move_the_next_session_and_undo_puts_them_back() {
        let h = heft();
        h.start_program("liftmor", d("2026-11-16")).unwrap();
        // Tuesday 24 Nov, nothing logged: today is fine.
        assert_eq!(
            h.today(d("2026-11-24")).unwrap().plan.ready_on,
            d("2026-11-24")
        );
        let a = h
            .set_training_days(vec![Weekday::Thu, Weekday::Mon, Weekday::Thu])
            .unwrap();
        assert_eq!(a.days, [Weekday::Mon, Weekday::Thu]);
        assert_eq!(
            h.today(d("2026-11-24")).unwrap().plan.ready_on,
            d("2026-11-26")
        );
        assert_eq!(h.undo().unwrap().undone, "chose the training days");
        assert!(h.program_adjustments().unwrap().days.is_empty());
        h.set_training_days(vec![Weekday::Sat]).unwrap();
        // An empty list trains on any day again.
        assert!(h.set_training_days(vec![]).unwrap().days.is_empty());
        assert_eq!(
            h.today(d("2026-11-24")).unwrap().plan.ready_on,
            d("2026-11-24")
        );
    }
}
