//! Onboarding on a [`Heft`] handle: whether the first run needs it, each
//! step's form with the profile's values, and saving a step (a profile
//! update; the last step starts the program chosen).

use chrono::Datelike;

use super::Heft;
use crate::model::{MeasureKind, Profile};
use crate::progression::{self, Athlete, Program};
use crate::screens::form::{self, BODY_WEIGHT, FieldValue, PROGRAM};
use crate::screens::log::validation_message;
use crate::screens::onboarding::{self, OnboardingInput, ProgramOption};
use crate::screens::{FieldError, OnboardingOutcome, OnboardingScreen, OnboardingStep};
use crate::store::{self, meta_get, meta_set};
use crate::text::{Language, Text};
use crate::{LogTime, NewMeasurement, Result};

/// The `meta` key set once onboarding is done on this device.
const ONBOARDED_KEY: &str = "onboarded";

impl Heft {
    /// Whether to show onboarding: a first run, where nothing has been
    /// logged, no program was ever started and onboarding was not finished
    /// here. A database with data (synced from another device, or from an
    /// earlier version) needs none.
    pub fn needs_onboarding(&self) -> Result<bool> {
        self.read_snapshot(|conn| {
            if meta_get(conn, ONBOARDED_KEY)?.is_some() {
                return Ok(false);
            }
            for table in ["set_entry", "program_run"] {
                let (live, deleted) = store::row_counts(conn, table, "")?;
                if live + deleted > 0 {
                    return Ok(false);
                }
            }
            Ok(true)
        })
    }

    /// The onboarding step `step` with the profile's values now.
    pub fn onboarding_screen(
        &self,
        step: OnboardingStep,
        language: Language,
    ) -> Result<OnboardingScreen> {
        let text = Text::new(language);
        self.onboarding_screen_in(step, &self.profile()?, &text)
    }

    fn onboarding_screen_in(
        &self,
        step: OnboardingStep,
        profile: &Profile,
        text: &Text,
    ) -> Result<OnboardingScreen> {
        let today = self.now().date_naive();
        let athlete = Athlete::from_profile(profile, today);
        let programs = if step == OnboardingStep::Program {
            self.program_options(&athlete, today)?
        } else {
            Vec::new()
        };
        let chosen = self.running_program()?.map(|r| r.program_id);
        Ok(onboarding::build(
            &OnboardingInput {
                step,
                profile,
                programs: &programs,
                low_bone_mass: athlete.low_bone_mass,
                chosen_program: chosen.as_deref(),
            },
            text,
        ))
    }

    /// Every program with what the engine says when it starts it for this
    /// person (a first run: no history).
    fn program_options(
        &self,
        athlete: &Athlete,
        today: chrono::NaiveDate,
    ) -> Result<Vec<ProgramOption>> {
        let mut options = Vec::new();
        for summary in self.programs()? {
            let program: Program = self.program(&summary.id)?;
            let (_, notes) = progression::start(&program, athlete, &[], today);
            options.push(ProgramOption {
                id: program.id,
                name: program.name,
                summary: program.summary,
                sessions_per_week: program.sessions_per_week,
                session_minutes: program.session_minutes,
                heavy: program.heavy,
                start_notes: notes,
            });
        }
        Ok(options)
    }

    /// Saves the onboarding step `step` from the values the person chose
    /// (`FieldValue`s by field id) and returns the next step; after the
    /// last step (the program, started today) the Today screen of the
    /// first planned session. A value the person can fix is a field error
    /// on the step's screen, with nothing saved.
    pub fn onboarding_submit(
        &self,
        step: OnboardingStep,
        values: &[FieldValue],
        language: Language,
    ) -> Result<OnboardingOutcome> {
        let text = Text::new(language);
        let profile = self.profile()?;
        let mut answers = form::read(step.fields(), values, &profile, self.now().year(), &text);
        if let Some(id) = &answers.program
            && !self.programs()?.iter().any(|p| &p.id == id)
        {
            answers.errors.push(FieldError {
                field: PROGRAM.to_owned(),
                message: text.with("setup-error-not-a-choice", &[("value", id.as_str().into())]),
            });
        }
        // A body weight is a measurement: checked as one beside the
        // profile's fields, so every field says what is wrong at once.
        let body_weight = answers.body_weight.map(|weight| NewMeasurement {
            at: LogTime::Now,
            ..NewMeasurement::new(MeasureKind::BodyWeight, weight)
        });
        if let Some(new) = &body_weight
            && let Err(e) = new
                .clone()
                .into_measurement(String::new(), profile.unit, self.now())
        {
            answers.errors.push(FieldError {
                field: BODY_WEIGHT.to_owned(),
                message: validation_message(&e, &text),
            });
        }
        if !answers.errors.is_empty() {
            let screen = self.onboarding_screen_in(step, &profile, &text)?;
            return Ok(OnboardingOutcome {
                saved: false,
                onboarding: Some(onboarding::with_errors(screen, values, answers.errors)),
                today: None,
            });
        }
        if let Some(new) = body_weight {
            self.add_measurement(new)?;
        }
        let profile = if answers.update == Default::default() {
            profile
        } else {
            self.update_profile(&answers.update)?
        };
        let Some(program) = answers.program else {
            let next = step.next().unwrap_or(step);
            return Ok(OnboardingOutcome {
                saved: true,
                onboarding: Some(self.onboarding_screen_in(next, &profile, &text)?),
                today: None,
            });
        };
        let today = self.now().date_naive();
        self.start_program(&program, today)?;
        self.write(|tx, _| meta_set(tx, ONBOARDED_KEY, &today.to_string()))?;
        Ok(OnboardingOutcome {
            saved: true,
            onboarding: None,
            // The program is started: a Today screen that cannot be built now
            // says so rather than failing a call whose change was saved.
            today: Some(
                self.today_screen(today, language)
                    .unwrap_or_else(|_| crate::screens::today::unavailable(&text)),
            ),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests {
    use chrono::NaiveDate;

    use super::super::test_support::heft;
    use crate::Heft;
    use crate::model::{BoneStatus, FractureHistory, LogTime, ProfileUpdate, WeightUnit};
    use crate::screens::form::FieldValue;
    use crate::screens::{ActionKind, OnboardingStep, SetupActionKind};
    use crate::text::{Language, Text};

    pub(crate) fn v(field: &str, value: &str) -> FieldValue {
        FieldValue {
            field: field.into(),
            value: value.into(),
        }
    }

    /// Two sessions a week for a year before the test clock's day.
    pub(crate) fn a_year_of_history(h: &Heft) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let set = |exercise: &str, notation: &str| {
            crate::grammar::parse(notation)
                .unwrap()
                .to_input(exercise, WeightUnit::Kg)
        };
        for week in (1..=52).rev() {
            for day in [0, 3] {
                let on = today - chrono::Days::new(week * 7 - day);
                h.log_sets(
                    &[set("back-squat", "3x60x5"), set("deadlift", "80x5")],
                    LogTime::OnDate(on),
                )
                .unwrap();
            }
        }
    }

    #[test]
    fn a_first_run_goes_step_by_step_to_the_first_planned_session() {
        let h = heft();
        assert!(h.needs_onboarding().unwrap());
        let first = h
            .onboarding_screen(OnboardingStep::Units, Language::En)
            .unwrap();
        insta::assert_json_snapshot!("first_run_units", first);
        let answers = [
            (OnboardingStep::Units, vec![v("unit", "kg")]),
            (
                OnboardingStep::Body,
                vec![
                    v("birth_year", "1958"),
                    v("sex", "female"),
                    v("body_weight", "64.5"),
                ],
            ),
            (
                OnboardingStep::Bones,
                vec![
                    v("bone_status", "osteopenia"),
                    v("fracture_history", "none"),
                ],
            ),
            (
                OnboardingStep::Equipment,
                vec![
                    v("equipment", "barbell"),
                    v("equipment", "dumbbell"),
                    v("bar", "20"),
                    v("plates", "20 10 5 2.5 1.25"),
                    v("micro_plates", "no"),
                    v("bands", "yellow red"),
                ],
            ),
        ];
        for (step, values) in answers {
            let out = h.onboarding_submit(step, &values, Language::En).unwrap();
            assert!(out.saved, "{step:?}: {:?}", out.onboarding);
            assert_eq!(out.onboarding.unwrap().step, step.next().unwrap());
        }
        let p = h.profile().unwrap();
        assert_eq!(p.birth_year, Some(1958));
        assert_eq!(p.bone_status, Some(BoneStatus::Osteopenia));
        assert_eq!(p.loadout.unwrap().plates.len(), 5);
        assert_eq!(p.bands.unwrap(), ["yellow", "red"]);
        assert_eq!(h.measurements(None).unwrap().len(), 1);
        let program = h
            .onboarding_screen(OnboardingStep::Program, Language::En)
            .unwrap();
        insta::assert_json_snapshot!("low_bone_mass_programs", program);
        // The suggested programs come first, LIFTMOR among them.
        let choices = &program.fields[0].choices;
        assert!(choices[0].suggested);
        assert!(choices.iter().any(|c| c.value == "liftmor" && c.suggested));
        assert!(
            !choices
                .iter()
                .any(|c| c.value == "lisa-heavy" && c.suggested)
        );
        assert!(h.needs_onboarding().unwrap());
        let out = h
            .onboarding_submit(
                OnboardingStep::Program,
                &[v("program", "liftmor")],
                Language::En,
            )
            .unwrap();
        assert!(out.saved && out.onboarding.is_none());
        let today = out.today.unwrap();
        assert!(!today.cards.is_empty(), "{today:?}");
        assert_eq!(today.actions[0].kind, ActionKind::LogAsPrescribed);
        assert!(!h.needs_onboarding().unwrap());
    }

    #[test]
    fn a_step_with_errors_saves_nothing_and_keeps_what_was_typed() {
        let h = heft();
        let out = h
            .onboarding_submit(
                OnboardingStep::Body,
                &[
                    v("birth_year", "2025"),
                    v("sex", "female"),
                    v("body_weight", "5"),
                ],
                Language::De,
            )
            .unwrap();
        assert!(!out.saved);
        let s = out.onboarding.unwrap();
        assert_eq!(s.step, OnboardingStep::Body);
        assert_eq!(s.fields[0].value, "2025");
        insta::assert_json_snapshot!("errors_de", s);
        assert_eq!(h.profile().unwrap().birth_year, None);
        assert!(h.measurements(None).unwrap().is_empty());
        // A body weight out of range, once the rest is right, saves nothing either.
        let out = h
            .onboarding_submit(
                OnboardingStep::Body,
                &[v("birth_year", "1960"), v("body_weight", "5")],
                Language::En,
            )
            .unwrap();
        assert!(!out.saved);
        assert_eq!(out.onboarding.unwrap().errors[0].field, "body_weight");
        assert_eq!(h.profile().unwrap().birth_year, None);
        let out = h
            .onboarding_submit(
                OnboardingStep::Program,
                &[v("program", "nope")],
                Language::En,
            )
            .unwrap();
        assert!(!out.saved);
        assert_eq!(out.onboarding.unwrap().errors[0].field, "program");
        assert!(h.running_program().unwrap().is_none());
    }

    #[test]
    fn a_vertebral_fracture_asks_for_a_physiotherapist_first() {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(WeightUnit::Lb),
            bone_status: Some(BoneStatus::Osteoporosis),
            fracture_history: Some(FractureHistory::Vertebral),
            ..ProfileUpdate::default()
        })
        .unwrap();
        let s = h
            .onboarding_screen(OnboardingStep::Bones, Language::En)
            .unwrap();
        assert_eq!(s.banners[0].tone, crate::screens::Tone::Alert);
        // A status given cannot be taken back to "not measured".
        assert!(!s.fields[0].choices.iter().any(|c| c.value.is_empty()));
        let s = h
            .onboarding_screen(OnboardingStep::Equipment, Language::De)
            .unwrap();
        insta::assert_json_snapshot!("equipment_lb_de", s);
        let s = h
            .onboarding_screen(OnboardingStep::Program, Language::De)
            .unwrap();
        let liftmor = s.fields[0]
            .choices
            .iter()
            .find(|c| c.value == "liftmor")
            .unwrap();
        assert_eq!(liftmor.notes[0].tone, crate::screens::Tone::Alert);
        assert_eq!(s.actions[0].kind, SetupActionKind::StartTraining);
        assert_eq!(s.actions[1].step, Some(OnboardingStep::Equipment));
    }

    #[test]
    fn a_database_with_a_year_of_history_needs_no_onboarding() {
        let h = heft();
        a_year_of_history(&h);
        assert!(!h.needs_onboarding().unwrap());
    }

    #[test]
    fn every_step_has_every_message_in_every_language() {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            fracture_history: Some(FractureHistory::Vertebral),
            ..ProfileUpdate::default()
        })
        .unwrap();
        for language in Language::ALL {
            let text = Text::new(language);
            let profile = h.profile().unwrap();
            for step in OnboardingStep::ALL {
                h.onboarding_screen_in(step, &profile, &text).unwrap();
            }
            assert!(text.missing().is_empty(), "{:?}", text.missing());
        }
    }
}
