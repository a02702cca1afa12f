//! The screens on a [`Heft`] handle: each is read in one snapshot and
//! built by its pure function in [`crate::screens`].

use chrono::NaiveDate;
use serde::Serialize;

use super::Heft;
use super::logbook::sets_of_workout;
use super::programs::{check_date, read_today};
use super::undo;
use crate::grammar::SetSpec;
use crate::model::{SetEntry, SetInput, Timestamp};
use crate::screens::finish::{self, FinishInput};
use crate::screens::log::{self, Typed};
use crate::screens::reminder::{self, Reminder};
use crate::screens::today::{self, TodayInput};
use crate::screens::{ExerciseChoice, FinishScreen, LogScreen, SetForm, TodayScreen};
use crate::store;
use crate::text::{Language, Text};
use crate::{Error, FinishWorkout, LogTime, Result};

/// How many exercises a name that means none suggests.
const SUGGESTIONS: usize = 5;

/// What saving the Log form came to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LogOutcome {
    /// True when the sets were saved.
    pub saved: bool,
    /// The Log screen for the form as it was: its errors or slips when
    /// nothing was saved.
    pub log: LogScreen,
    /// The Today screen after the sets, when they were saved.
    pub today: Option<TodayScreen>,
}

struct LogForm {
    sets: Vec<SetInput>,
    screen: LogScreen,
}

impl Heft {
    /// The Today screen for `date` in `language`: the session to do with
    /// what is logged of it, or what to do without a program.
    pub fn today_screen(&self, date: NaiveDate, language: Language) -> Result<TodayScreen> {
        self.today_screen_in(date, &Text::new(language))
    }

    /// Finishes a workout as [`Heft::finish`] does and returns the Finish
    /// screen: what changes next time for each exercise, and the next session.
    pub fn finish_screen(&self, finish: FinishWorkout, language: Language) -> Result<FinishScreen> {
        self.finish_screen_in(finish, &Text::new(language))
    }

    fn finish_screen_in(&self, finish: FinishWorkout, text: &Text) -> Result<FinishScreen> {
        // The run before and after, as the finish's own transaction saw them.
        let (finished, states) = self.finish_counting(finish)?;
        self.read_snapshot(|conn| {
            let log = sets_of_workout(conn, &finished.workout.id)?;
            // The session is counted: the plan of its date is now the next
            // one's. The finish is saved whatever happens here, so a next
            // session that cannot be planned is left out, never an error
            // a retry would meet as "no open workout".
            let next = finished.session.as_ref().and_then(|_| {
                read_today(conn, finished.workout.started_at.local_date())
                    .ok()
                    .map(|t| t.0.plan)
            });
            let unit = store::profile::read(conn)?.unit;
            let lifts = states.as_ref().map(|s| (&s.before.lifts, &s.after.lifts));
            Ok(finish::build(
                &FinishInput {
                    finished: &finished,
                    sets: &log.sets,
                    next: next.as_ref(),
                    unit,
                    lifts,
                },
                text,
            ))
        })
    }

    /// The Log screen for what the person has typed so far (an exercise
    /// name and sets in the set notation, `3x100x5@2`): each set as it
    /// would be saved on `date`, field errors in words and slips to
    /// confirm. Nothing is saved; a shell calls this as the person types.
    pub fn log_screen(
        &self,
        exercise: &str,
        sets: &str,
        date: NaiveDate,
        language: Language,
    ) -> Result<LogScreen> {
        let text = Text::new(language);
        Ok(self.log_form(exercise, sets, date, &text)?.screen)
    }

    /// Saves the sets of the Log form at `at` when they have no errors and
    /// no slips (or the slips are `confirmed`), and returns the Today
    /// screen after them; otherwise saves nothing and returns the Log
    /// screen with its errors or slips. An error a person can fix is
    /// screen state here, never an exception.
    pub fn log_submit(
        &self,
        exercise: &str,
        sets: &str,
        at: LogTime,
        confirmed: bool,
        language: Language,
    ) -> Result<LogOutcome> {
        let text = Text::new(language);
        let date = at.date(self.now());
        let form = self.log_form(exercise, sets, date, &text)?;
        let ready = form.screen.errors.is_empty()
            && !form.sets.is_empty()
            && (form.screen.warnings.is_empty() || confirmed);
        if !ready {
            return Ok(LogOutcome {
                saved: false,
                log: form.screen,
                today: None,
            });
        }
        self.log_sets(&form.sets, at)?;
        Ok(LogOutcome {
            saved: true,
            log: form.screen,
            // The sets are saved: a Today screen that cannot be built now
            // (a program that no longer loads) must not report a failure.
            today: Some(self.screen_after_write(date, &text)),
        })
    }

    /// Logged set `set_id` in the Log form, to edit: the form's fields as
    /// they start and the screen for them ([`log::for_edit`]). The shell
    /// then calls [`Heft::log_screen`] as the person types, and
    /// [`Heft::edit_submit`] to save.
    pub fn edit_form(&self, set_id: &str, language: Language) -> Result<SetForm> {
        let text = Text::new(language);
        let set = self.set(set_id)?;
        let sets = SetSpec::from_input(&set.input).to_string();
        let date = set_date(&set);
        let form = self.log_form(&set.exercise_name, &sets, date, &text)?;
        Ok(SetForm {
            set_id: set.id,
            date,
            exercise: set.exercise_name,
            sets,
            log: log::for_edit(form.screen, form.sets.len(), &text),
        })
    }

    /// The Log form of logged set `set_id` as the person edits it: what
    /// [`Heft::log_screen`] is for new sets, with the edit's buttons (save,
    /// or save anyway for a slip, and delete) and its rule of exactly one
    /// set. Nothing is saved.
    pub fn edit_screen(
        &self,
        set_id: &str,
        exercise: &str,
        sets: &str,
        language: Language,
    ) -> Result<LogScreen> {
        let text = Text::new(language);
        let date = set_date(&self.set(set_id)?);
        let form = self.log_form(exercise, sets, date, &text)?;
        Ok(log::for_edit(form.screen, form.sets.len(), &text))
    }

    /// Replaces logged set `set_id` with the one set of the form
    /// ([`Heft::edit_set`], one undo step) when it has no errors and no
    /// slips (or they are `confirmed`), and returns the Today screen of the
    /// set's day after it; otherwise saves nothing and returns the form's
    /// screen with its errors or slips, as [`Heft::log_submit`] does.
    pub fn edit_submit(
        &self,
        set_id: &str,
        exercise: &str,
        sets: &str,
        confirmed: bool,
        language: Language,
    ) -> Result<LogOutcome> {
        let text = Text::new(language);
        let date = set_date(&self.set(set_id)?);
        let form = self.log_form(exercise, sets, date, &text)?;
        let screen = log::for_edit(form.screen, form.sets.len(), &text);
        let ready = screen.errors.is_empty() && (screen.warnings.is_empty() || confirmed);
        let (true, [input]) = (ready, form.sets.as_slice()) else {
            return Ok(LogOutcome {
                saved: false,
                log: screen,
                today: None,
            });
        };
        self.edit_set(set_id, input.clone())?;
        Ok(LogOutcome {
            saved: true,
            log: screen,
            today: Some(self.screen_after_write(date, &text)),
        })
    }

    /// The Log form read: the exercise, the sets as they would be saved
    /// and the screen that shows them.
    fn log_form(
        &self,
        exercise: &str,
        sets: &str,
        date: NaiveDate,
        text: &Text,
    ) -> Result<LogForm> {
        check_date(date, self.now().date_naive())?;
        let name = exercise.trim();
        let found = if name.is_empty() {
            None
        } else {
            match self.find_exercise(name) {
                Ok(e) => Some(Ok(e)),
                Err(Error::UnknownExercise { .. }) => Some(Err(self
                    .search_exercises(name)?
                    .into_iter()
                    .take(SUGGESTIONS)
                    .map(|hit| ExerciseChoice {
                        id: hit.exercise.id,
                        name: hit.exercise.name,
                    })
                    .collect::<Vec<_>>())),
                Err(e) => return Err(e),
            }
        };
        let (typed, inputs, errors, warnings) = match &found {
            None => (Typed::Nothing, Vec::new(), Vec::new(), Vec::new()),
            Some(Err(suggestions)) => (
                Typed::Unknown {
                    name,
                    suggestions: suggestions.clone(),
                },
                Vec::new(),
                Vec::new(),
                Vec::new(),
            ),
            Some(Ok(e)) => {
                let unit = self.profile()?.unit;
                let (inputs, errors) = log::read_sets(e, sets, unit, text);
                if errors.is_empty() && !inputs.is_empty() {
                    let (filled, warnings) = self.check_sets(&inputs, date)?;
                    (Typed::Found(e), filled, errors, warnings)
                } else {
                    (Typed::Found(e), inputs, errors, Vec::new())
                }
            }
        };
        let screen = log::build(&typed, &inputs, errors, &warnings, text);
        Ok(LogForm {
            sets: inputs,
            screen,
        })
    }

    /// Logs the next planned set of the session on `date` as prescribed
    /// ([`Heft::log_next`]) and returns the Today screen after it.
    pub fn log_next_screen(&self, date: NaiveDate, language: Language) -> Result<TodayScreen> {
        check_date(date, self.now().date_naive())?;
        self.log_next(self.log_time_on(date))?;
        Ok(self.screen_after_write(date, &Text::new(language)))
    }

    /// Takes back the last change made on this device ([`Heft::undo`]) when
    /// it is one Today offers to undo (a set, a workout, the program run),
    /// and returns the Today screen of `date` after it; with nothing of
    /// that kind to undo (the button was stale), the screen as it is.
    pub fn undo_screen(&self, date: NaiveDate, language: Language) -> Result<TodayScreen> {
        check_date(date, self.now().date_naive())?;
        if self.read(undo::newest_training_step)?.is_some() {
            self.undo()?;
        }
        Ok(self.screen_after_write(date, &Text::new(language)))
    }

    /// Deletes logged set `set_id` ([`Heft::delete_set`]) and returns the
    /// Today screen of `date` after it.
    pub fn delete_set_screen(
        &self,
        set_id: &str,
        date: NaiveDate,
        language: Language,
    ) -> Result<TodayScreen> {
        check_date(date, self.now().date_naive())?;
        self.delete_set(set_id)?;
        Ok(self.screen_after_write(date, &Text::new(language)))
    }

    /// The Today screen after a committed write. The write stands whatever
    /// happens here: a screen that cannot be built now (a program that no
    /// longer loads) says so instead of failing a call whose change was
    /// saved, which a retry would make twice.
    fn screen_after_write(&self, date: NaiveDate, text: &Text) -> TodayScreen {
        self.today_screen_in(date, text)
            .unwrap_or_else(|_| today::unavailable(text))
    }

    /// When a set logged for `date` happens: now on today, the date itself
    /// (noon) on another day.
    fn log_time_on(&self, date: NaiveDate) -> LogTime {
        if date == self.now().date_naive() {
            LogTime::Now
        } else {
            LogTime::OnDate(date)
        }
    }

    /// The "session due today" reminder for `date`, or `None` when none is
    /// due: no program running, a rest day, or the session begun.
    pub fn reminder(&self, date: NaiveDate, language: Language) -> Result<Option<Reminder>> {
        check_date(date, self.now().date_naive())?;
        let text = Text::new(language);
        self.read_snapshot(|conn| {
            if store::programs::active_run(conn)?.is_none() {
                return Ok(None);
            }
            let (today, _) = read_today(conn, date)?;
            let logged = match today.workout_id.as_deref() {
                Some(id) => !sets_of_workout(conn, id)?.sets.is_empty(),
                None => false,
            };
            Ok(reminder::build(&today, logged, &text))
        })
    }

    fn today_screen_in(&self, date: NaiveDate, text: &Text) -> Result<TodayScreen> {
        check_date(date, self.now().date_naive())?;
        let now = Timestamp(self.now());
        self.read_snapshot(|conn| {
            let mut screen = read_today_screen(conn, date, now, text)?;
            // Offered only where it can work: writes possible, and the
            // newest step one of Today's own.
            let writable = self.writes_unavailable().is_none() && self.damage_found().is_none();
            if !writable {
                // A store that cannot write offers nothing to undo.
            } else if let Some(step) = undo::newest_training_step(conn)? {
                screen.undo = Some(today::undo_action(step.label.as_ref(), &step.english, text));
            }
            Ok(screen)
        })
    }
}

/// The Today screen of `date` from one read transaction.
fn read_today_screen(
    conn: &rusqlite::Connection,
    date: NaiveDate,
    now: Timestamp,
    text: &Text,
) -> Result<TodayScreen> {
    if store::programs::active_run(conn)?.is_none() {
        // Sets logged without a program: today's open workout.
        let open = store::workouts::open_on_local_day(conn, date)?;
        let session = open
            .first()
            .map(|w| sets_of_workout(conn, &w.id))
            .transpose()?;
        return Ok(today::no_program(session.as_ref(), text));
    }
    let (today, ctx) = read_today(conn, date)?;
    let session = today
        .workout_id
        .as_deref()
        .map(|id| sets_of_workout(conn, id))
        .transpose()?;
    Ok(today::build(
        &TodayInput {
            today: &today,
            session: session.as_ref(),
            history: &ctx.history,
            unit: ctx.athlete.unit,
            loadout: &ctx.athlete.loadout,
            exercises: &ctx.exercises,
            now,
        },
        text,
    ))
}

/// The day a set was logged, in the offset it was logged in.
fn set_date(set: &SetEntry) -> NaiveDate {
    set.performed_at.0.date_naive()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::NaiveDate;

    use super::super::test_support::heft;
    use crate::model::{BoneStatus, LogTime, ProfileUpdate, Sex, WeightUnit};
    use crate::screens::{ActionKind, RowState, TodayScreen};
    use crate::text::Language;
    use crate::{FinishWorkout, Heft};

    /// The clock's day in test_support.
    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn lifter(unit: WeightUnit, bone: BoneStatus) -> Heft {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(unit),
            birth_year: Some(1960),
            sex: Some(Sex::Female),
            bone_status: Some(bone),
            ..ProfileUpdate::default()
        })
        .unwrap();
        h
    }

    /// The screen with its random workout id replaced, for a stable snapshot.
    fn screen(h: &Heft, language: Language) -> TodayScreen {
        let mut s = h.today_screen(day(), language).unwrap();
        // Ids are random: stand-ins keep the snapshot stable.
        if s.workout_id.is_some() {
            s.workout_id = Some("[workout]".into());
        }
        for row in s.cards.iter_mut().flat_map(|c| &mut c.rows) {
            if row.set_id.is_some() {
                row.set_id = Some("[set]".into());
            }
        }
        s
    }

    fn next_row_count(s: &TodayScreen) -> usize {
        s.cards
            .iter()
            .flat_map(|c| &c.rows)
            .filter(|r| r.state == RowState::Next)
            .count()
    }

    #[test]
    fn no_program() {
        let s = screen(&heft(), Language::En);
        assert_eq!(s.actions[0].kind, ActionKind::ChooseProgram);
        assert!(s.empty.is_some() && s.cards.is_empty());
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn without_a_program_today_shows_what_was_logged_and_offers_finish() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        let set = |exercise: &str, notation: &str| {
            crate::grammar::parse(notation)
                .unwrap()
                .to_input(exercise, WeightUnit::Kg)
        };
        h.log_sets(
            &[
                set("back-squat", "60x5"),
                set("back-squat", "60x5@2"),
                set("bench-press", "40x8"),
            ],
            LogTime::Now,
        )
        .unwrap();
        for language in Language::ALL {
            let text = crate::text::Text::new(language);
            h.today_screen_in(day(), &text).unwrap();
            assert!(text.missing().is_empty(), "{:?}", text.missing());
        }
        let s = screen(&h, Language::En);
        assert!(s.empty.is_none());
        assert_eq!(
            s.actions.iter().map(|a| a.kind).collect::<Vec<_>>(),
            [ActionKind::Finish, ActionKind::ChooseProgram]
        );
        assert_eq!(s.cards.len(), 2);
        assert_eq!(s.cards[0].progress, "2 sets logged");
        assert_eq!(
            s.cards[0].rows[1].done.as_deref(),
            Some("60 kg × 5 · RIR 2")
        );
        assert!(
            s.cards
                .iter()
                .flat_map(|c| &c.rows)
                .all(|r| r.set_id.is_some())
        );
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn after_a_warm_up_the_rest_is_a_plate_change() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        h.start_program("liftmor", day()).unwrap();
        let mut warmup = crate::grammar::parse("20x5")
            .unwrap()
            .to_input("deadlift", WeightUnit::Kg);
        warmup.kind = crate::model::SetKind::Warmup;
        h.log_sets(&[warmup], LogTime::Now).unwrap();
        let s = screen(&h, Language::En);
        let rest = s.rest.unwrap();
        assert_eq!((rest.seconds, rest.label.as_str()), (25, "Rest 25 s"));
        h.log_next(LogTime::Now).unwrap();
        let s = screen(&h, Language::En);
        assert_eq!(
            s.rest.unwrap().seconds,
            60,
            "after a working set, the program's rest"
        );
    }

    #[test]
    fn intents_return_the_screen_after_them() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        h.start_program("liftmor", day()).unwrap();
        let done = |s: &TodayScreen| {
            s.cards
                .iter()
                .flat_map(|c| &c.rows)
                .filter(|r| r.state == RowState::Done)
                .count()
        };
        let first = h.log_next_screen(day(), Language::En).unwrap();
        let second = h.log_next_screen(day(), Language::En).unwrap();
        assert_eq!((done(&first), done(&second)), (1, 2));
        assert_eq!(second.undo.as_ref().unwrap().kind, ActionKind::Undo);
        let undone = h.undo_screen(day(), Language::En).unwrap();
        assert_eq!(done(&undone), 1);
        let set = undone
            .cards
            .iter()
            .flat_map(|c| &c.rows)
            .find_map(|r| r.set_id.clone())
            .unwrap();
        let deleted = h.delete_set_screen(&set, day(), Language::En).unwrap();
        assert_eq!(done(&deleted), 0);
        assert_eq!(
            deleted.undo.as_ref().unwrap().label,
            "Undo: deleted a set of Deadlift"
        );
        let german = h.today_screen(day(), Language::De).unwrap();
        assert_eq!(
            german.undo.unwrap().label,
            "Rückgängig: einen Satz Deadlift gelöscht"
        );
    }

    #[test]
    fn an_edit_keeps_its_buttons_as_the_person_types() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        let logged = h
            .log_submit("deadlift", "60x5", LogTime::Now, false, Language::En)
            .unwrap();
        assert!(logged.saved);
        let set = h.history(&crate::heft::HistoryQuery::default()).unwrap()[0].sets[0]
            .id
            .clone();
        let kinds =
            |s: &crate::screens::LogScreen| s.actions.iter().map(|a| a.kind).collect::<Vec<_>>();
        let typed = h
            .edit_screen(&set, "Deadlift", "62.5x5", Language::En)
            .unwrap();
        assert_eq!(kinds(&typed), [ActionKind::SaveSet, ActionKind::DeleteSet]);
        assert!(typed.preview[0].contains("62.5"), "{:?}", typed.preview);
        let two = h
            .edit_screen(&set, "Deadlift", "2x62.5x5", Language::En)
            .unwrap();
        assert_eq!(kinds(&two), [ActionKind::DeleteSet]);
        assert_eq!(two.errors[0].field, "sets");
        // Nothing saved by reading: the form opens on the set as logged.
        assert_eq!(h.edit_form(&set, Language::En).unwrap().sets, "60kgx5");
    }

    #[test]
    fn the_reminder_is_due_on_a_training_day_until_the_session_begins() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        assert_eq!(h.reminder(day(), Language::En).unwrap(), None, "no program");
        h.start_program("liftmor", day()).unwrap();
        let due = h.reminder(day(), Language::En).unwrap().unwrap();
        assert_eq!(due.title, "Session 1 today");
        assert!(
            due.body
                .starts_with("LIFTMOR: heavy lifting for bone, about "),
            "{}",
            due.body
        );
        assert!(due.body.contains("Deadlift"), "{}", due.body);
        let de = h.reminder(day(), Language::De).unwrap().unwrap();
        assert_eq!(de.title, "Heute Einheit 1");
        h.log_next(LogTime::Now).unwrap();
        assert_eq!(h.reminder(day(), Language::En).unwrap(), None, "begun");
        while h.log_next(LogTime::Now).is_ok() {}
        h.finish(FinishWorkout::default()).unwrap();
        // LIFTMOR trains twice a week: the next day is a rest day.
        let tomorrow = day().succ_opt().unwrap();
        assert!(
            h.today_screen(tomorrow, Language::En).unwrap().actions[0].kind == ActionKind::Rest
        );
        assert_eq!(
            h.reminder(tomorrow, Language::En).unwrap(),
            None,
            "rest day"
        );
    }

    #[test]
    fn a_layoff_is_said_once_as_a_banner() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        let before = day() - chrono::Days::new(42);
        h.start_program("liftmor", before).unwrap();
        while h.log_next(LogTime::OnDate(before)).is_ok() {}
        h.finish(FinishWorkout {
            on: Some(before),
            ..FinishWorkout::default()
        })
        .unwrap();
        let plan = h.today(day()).unwrap().plan;
        assert!(
            plan.notes
                .iter()
                .any(|n| n.phrase.id.starts_with("plan-layoff-")),
            "the plan gives the layoff as a reason: {:?}",
            plan.notes
        );
        let s = h.today_screen(day(), Language::En).unwrap();
        let said = |t: &str| t.contains("6 weeks");
        assert_eq!(
            s.banners.iter().filter(|b| said(&b.text)).count(),
            1,
            "{s:?}"
        );
        assert!(!s.notes.iter().any(|n| said(&n.text)), "{:?}", s.notes);
    }

    #[test]
    fn an_undo_step_recorded_before_steps_kept_a_phrase_still_undoes() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        h.start_program("liftmor", day()).unwrap();
        // A workout started, and its undo step as an older version or a
        // damaged row holds it: the inverse with `extra` fields, and an
        // English label.
        let journal_step = |extra: &str| {
            let workout = h.start_workout(None, crate::model::LogTime::Now).unwrap();
            h.write(|tx, _| {
                crate::store::undo_journal::push(
                    tx,
                    0,
                    "started Evening workout",
                    &format!(
                        r#"{{"action":"remove_workout","id":"{}"{extra}}}"#,
                        workout.id
                    ),
                    super::undo::UNDO_DEPTH,
                )
            })
            .unwrap();
        };
        // Recorded before steps kept a phrase: the inverse alone.
        journal_step("");
        let screen = h.today_screen(day(), Language::De).unwrap();
        assert_eq!(screen.undo.unwrap().label, "Rückgängig");
        let undone = h.undo().unwrap();
        assert_eq!(
            (undone.undone.as_str(), undone.phrase),
            ("started Evening workout", None)
        );
        // That step removed the workout; the one recorded with it is next.
        assert!(h.open_workout().unwrap().is_none());
        // A label this version cannot read leaves the step undoable.
        journal_step(r#","label":{"id":7}"#);
        assert_eq!(h.undo().unwrap().phrase, None);
        assert!(h.open_workout().unwrap().is_none());
    }

    #[test]
    fn first_session_of_liftmor_with_low_bone_mass() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Osteopenia);
        h.start_program("liftmor", day()).unwrap();
        let s = screen(&h, Language::En);
        assert_eq!(next_row_count(&s), 1, "one row is next");
        assert_eq!(s.actions[0].kind, ActionKind::LogAsPrescribed);
        assert!(s.rest.is_none());
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn mid_session_rests_after_the_last_set() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        h.start_program("liftmor", day()).unwrap();
        for _ in 0..3 {
            h.log_next(LogTime::Now).unwrap();
        }
        let s = screen(&h, Language::En);
        let done = s
            .cards
            .iter()
            .flat_map(|c| &c.rows)
            .filter(|r| r.state == RowState::Done)
            .count();
        assert_eq!(done, 3);
        assert_eq!(next_row_count(&s), 1);
        assert!(s.rest.is_some(), "the rest after the last set runs");
        assert_eq!(
            s.actions.iter().map(|a| a.kind).collect::<Vec<_>>(),
            [ActionKind::LogAsPrescribed, ActionKind::Finish]
        );
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn mid_session_in_german() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        h.start_program("liftmor", day()).unwrap();
        for _ in 0..3 {
            h.log_next(LogTime::Now).unwrap();
        }
        let s = screen(&h, Language::De);
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn a_pound_profile_reads_in_pounds() {
        let h = lifter(WeightUnit::Lb, BoneStatus::Normal);
        h.start_program("liftmor", day()).unwrap();
        let s = screen(&h, Language::En);
        let planned: Vec<&str> = s
            .cards
            .iter()
            .flat_map(|c| &c.rows)
            .map(|r| r.planned.as_str())
            .filter(|p| p.contains(" kg") || p.contains(" lb"))
            .collect();
        assert!(
            !planned.is_empty() && planned.iter().all(|p| p.contains(" lb")),
            "{planned:?}"
        );
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn after_the_session_the_screen_says_rest() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        h.start_program("liftmor", day()).unwrap();
        while h.log_next(LogTime::Now).is_ok() {}
        let s = screen(&h, Language::En);
        assert_eq!(s.actions.last().unwrap().kind, ActionKind::Finish);
        h.finish(FinishWorkout::default()).unwrap();
        let s = screen(&h, Language::En);
        assert_eq!(s.actions[0].kind, ActionKind::Rest);
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn a_load_still_to_find_asks_for_it() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        h.start_program("lisa-heavy", day()).unwrap();
        let mut s = screen(&h, Language::En);
        // Warm-ups first; then the first working set, which has no estimate yet.
        while s.actions[0].kind == ActionKind::LogAsPrescribed {
            h.log_next(LogTime::Now).unwrap();
            s = screen(&h, Language::En);
        }
        assert_eq!(s.actions[0].kind, ActionKind::EnterLoad);
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn every_screen_here_has_every_message_in_every_language() {
        let h = lifter(WeightUnit::Lb, BoneStatus::Osteopenia);
        let check = |h: &Heft| {
            for language in crate::text::Language::ALL {
                let text = crate::text::Text::new(language);
                h.today_screen_in(day(), &text).unwrap();
                assert!(
                    text.missing().is_empty(),
                    "{language:?}: {:?}",
                    text.missing()
                );
            }
        };
        check(&h);
        h.start_program("liftmor", day()).unwrap();
        check(&h);
        h.log_next(LogTime::Now).unwrap();
        check(&h);
        while h.log_next(LogTime::Now).is_ok() {}
        check(&h);
        h.finish(FinishWorkout::default()).unwrap();
        check(&h);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod finish_tests {
    use chrono::NaiveDate;

    use super::super::test_support::heft;
    use crate::model::{BoneStatus, LogTime, ProfileUpdate, SetInput, Sex, WeightUnit};
    use crate::screens::{FinishScreen, Tone};
    use crate::text::Language;
    use crate::{FinishWorkout, Heft};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn healthy() -> Heft {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(WeightUnit::Kg),
            birth_year: Some(1970),
            sex: Some(Sex::Male),
            bone_status: Some(BoneStatus::Normal),
            ..ProfileUpdate::default()
        })
        .unwrap();
        h
    }

    /// The Finish screen, its random workout id checked and replaced by a
    /// stand-in for a stable snapshot.
    fn finish(h: &Heft, language: Language) -> FinishScreen {
        let mut screen = h.finish_screen(FinishWorkout::default(), language).unwrap();
        let newest = &h.history(&crate::HistoryQuery::default()).unwrap()[0];
        assert_eq!(screen.workout_id, newest.workout.id, "the workout finished");
        screen.workout_id = "[workout]".into();
        screen
    }

    #[test]
    fn a_workout_without_a_program_has_no_badges() {
        let h = healthy();
        let mut set = SetInput::new("back-squat");
        set.load = crate::model::Load::Weight {
            weight: crate::model::Weight::new(60.0, WeightUnit::Kg).unwrap(),
        };
        set.reps = Some(5);
        h.log_sets(&[set.clone(), set], LogTime::Now).unwrap();
        let s = finish(&h, Language::En);
        assert_eq!(s.title, "Workout finished");
        assert_eq!(s.rows.len(), 1);
        assert_eq!(s.rows[0].badge, None);
        assert!(s.next.is_none());
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn a_liftmor_session_says_what_comes_next() {
        for language in Language::ALL {
            let h = healthy();
            h.start_program("liftmor", day()).unwrap();
            while h.log_next(LogTime::Now).is_ok() {}
            let text = crate::text::Text::new(language);
            let mut s = h.finish_screen_in(FinishWorkout::default(), &text).unwrap();
            assert!(text.missing().is_empty(), "{:?}", text.missing());
            s.workout_id = "[workout]".into();
            assert_eq!(s.rows.len(), 4, "the four LIFTMOR lifts");
            assert!(s.rows.iter().all(|r| r.badge.is_some()));
            assert!(s.next.is_some());
            insta::assert_json_snapshot!(format!("liftmor_{}", language.tag()), s);
        }
    }

    #[test]
    fn badges_compare_what_was_prescribed_with_the_next_plan() {
        use crate::progression::plan::PlannedLoad;
        use crate::screens::finish::{FinishInput, build};
        use crate::text::Text;
        let h = healthy();
        h.start_program("liftmor", day()).unwrap();
        while h.log_next(LogTime::Now).is_ok() {}
        let finished = h.finish(FinishWorkout::default()).unwrap();
        let log = h.workout_log(&finished.workout.id).unwrap();
        let next = h.today(day()).unwrap().plan;
        let kg = |x: f64| crate::model::Weight::new(x, WeightUnit::Kg).unwrap();
        // The next plan as the engine might write it after a good, a bad
        // and a middling session.
        let mut changed = next.clone();
        for ex in &mut changed.exercises {
            let first = &mut ex.sets[0];
            match ex.exercise_id.as_str() {
                "deadlift" => first.load = PlannedLoad::Weight { weight: kg(22.5) },
                "back-squat" => first.load = PlannedLoad::Weight { weight: kg(15.0) },
                "overhead-press" => first.reps.min += 1,
                _ => {}
            }
        }
        let en = Text::new(Language::En);
        let badges = |next| {
            build(
                &FinishInput {
                    finished: &finished,
                    sets: &log.sets,
                    next: Some(next),
                    unit: WeightUnit::Kg,
                    lifts: None,
                },
                &en,
            )
            .rows
            .into_iter()
            .map(|r| (r.exercise_id, r.badge.unwrap(), r.tone))
            .collect::<Vec<_>>()
        };
        assert_eq!(
            badges(&changed),
            [
                ("deadlift".into(), "+2.5 kg".into(), Tone::Good),
                ("back-squat".into(), "−5 kg".into(), Tone::Caution),
                ("overhead-press".into(), "+1 rep".into(), Tone::Good),
                ("jumping-chin-up".into(), "Same again".into(), Tone::Neutral),
            ]
        );
        // What the rule holds for each lift, before and after, decides
        // first: a lift of another day has a badge too.
        let lift = |load: Option<f64>, reps: Option<u16>, band: Option<&str>| {
            crate::progression::LiftState {
                load_kg: load,
                reps,
                band: band.map(str::to_owned),
                ..Default::default()
            }
        };
        let before: std::collections::BTreeMap<String, _> = [
            ("deadlift".to_owned(), lift(Some(60.0), None, None)),
            ("back-squat".to_owned(), lift(None, Some(8), None)),
            (
                "overhead-press".to_owned(),
                lift(None, Some(10), Some("red")),
            ),
        ]
        .into();
        let after: std::collections::BTreeMap<String, _> = [
            ("deadlift".to_owned(), lift(Some(62.5), None, None)),
            ("back-squat".to_owned(), lift(None, Some(9), None)),
            (
                "overhead-press".to_owned(),
                lift(None, Some(10), Some("green")),
            ),
        ]
        .into();
        let mut elsewhere = next.clone();
        elsewhere.exercises.clear();
        let held = build(
            &FinishInput {
                finished: &finished,
                sets: &log.sets,
                next: Some(&elsewhere),
                unit: WeightUnit::Kg,
                lifts: Some((&before, &after)),
            },
            &en,
        );
        let held: Vec<_> = held.rows.iter().map(|r| r.badge.clone().unwrap()).collect();
        assert_eq!(
            held,
            [
                "+2.5 kg",
                "+1 rep",
                "Band: green",
                "Not in the next session"
            ],
            "the rule's state first; a lift it holds nothing of falls back to the plan"
        );
        // The rule takes over a lift's load: it moves from what this
        // session prescribed (20 kg, the empty bar).
        let none_before: std::collections::BTreeMap<String, _> =
            [("deadlift".to_owned(), lift(None, None, None))].into();
        let took_over: std::collections::BTreeMap<String, _> =
            [("deadlift".to_owned(), lift(Some(22.5), None, None))].into();
        let first = build(
            &FinishInput {
                finished: &finished,
                sets: &log.sets,
                next: Some(&next),
                unit: WeightUnit::Kg,
                lifts: Some((&none_before, &took_over)),
            },
            &en,
        );
        assert_eq!(first.rows[0].badge.as_deref(), Some("+2.5 kg"));
        // An exercise the next session does not have says so.
        let mut without = next.clone();
        without.exercises.retain(|e| e.exercise_id != "deadlift");
        assert_eq!(badges(&without)[0].1, "Not in the next session");
        // A pound profile reads the same change in pounds.
        let lb = build(
            &FinishInput {
                finished: &finished,
                sets: &log.sets,
                next: Some(&changed),
                unit: WeightUnit::Lb,
                lifts: None,
            },
            &en,
        );
        assert_eq!(lb.rows[0].badge.as_deref(), Some("+5.51 lb"));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod log_tests {
    use chrono::NaiveDate;

    use super::super::test_support::heft;
    use crate::model::{LogTime, ProfileUpdate, WeightUnit};
    use crate::screens::ActionKind;
    use crate::text::Language;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn the_form_previews_sets_and_names_what_is_wrong() {
        let h = heft();
        let en = Language::En;
        let empty = h.log_screen("", "", day(), en).unwrap();
        assert_eq!(empty.errors[0].field, "exercise");
        assert!(empty.actions.is_empty());

        let s = h.log_screen("squat", "3x100x5@2 80x8", day(), en).unwrap();
        assert_eq!(s.exercise.as_ref().unwrap().id, "back-squat");
        assert!(s.errors.is_empty(), "{:?}", s.errors);
        assert_eq!(
            s.preview,
            [
                "Set 1: 100 kg × 5 · RIR 2",
                "Set 2: 100 kg × 5 · RIR 2",
                "Set 3: 100 kg × 5 · RIR 2",
                "Set 4: 80 kg × 8"
            ]
        );
        assert_eq!(s.actions[0].kind, ActionKind::LogSets);
        assert_eq!(s.actions[0].label, "Log 4 sets");

        let typo = h.log_screen("squat", "100x5 10O", day(), en).unwrap();
        assert_eq!(typo.errors.len(), 1);
        assert_eq!(typo.errors[0].field, "sets");
        assert!(
            typo.errors[0].message.starts_with("“10O” is not a set"),
            "{}",
            typo.errors[0].message
        );
        assert!(
            typo.actions.is_empty(),
            "nothing to save while a field is wrong"
        );

        let unknown = h.log_screen("banana press", "100x5", day(), en).unwrap();
        assert_eq!(unknown.errors[0].field, "exercise");
        assert!(!unknown.suggestions.is_empty());
        insta::assert_json_snapshot!(unknown);
    }

    #[test]
    fn the_forms_words_are_all_in_each_catalog() {
        let h = heft();
        let many = "1x5 ".repeat(201);
        for language in Language::ALL {
            let text = crate::text::Text::new(language);
            for (exercise, sets) in [
                ("", ""),
                ("banana press", "100x5"),
                ("squat", "3x100x5@2 80x8"),
                ("squat", "10O 100 100x0 100x5000 5x10x5"),
                ("plank", "100x5"),
                ("squat", many.as_str()),
            ] {
                h.log_form(exercise, sets, day(), &text).unwrap();
            }
            assert!(
                text.missing().is_empty(),
                "{language:?}: {:?}",
                text.missing()
            );
        }
    }

    #[test]
    fn a_value_out_of_range_is_a_field_error_in_the_persons_language() {
        let h = heft();
        let en = h
            .log_screen("squat", "100x5000", day(), Language::En)
            .unwrap();
        let de = h
            .log_screen("squat", "100x5000", day(), Language::De)
            .unwrap();
        assert_eq!(en.errors.len(), 1);
        assert_eq!(en.errors[0].message, "Reps: at most 1000");
        assert_eq!(de.errors[0].message, "Wiederholungen: höchstens 1000");
        // The usual slips say what to add, in words of their own.
        // "100" alone is 100 reps: a squat needs its load.
        let no_load = h.log_screen("squat", "100", day(), Language::En).unwrap();
        assert_eq!(
            no_load.errors[0].message,
            "Add the load: Back Squat is done with a weight, as in 100x5 (0 for an empty machine)"
        );
        let no_time = h.log_screen("plank", "100x5", day(), Language::De).unwrap();
        assert!(
            no_time.errors[0].message.starts_with("Gib die Zeit an"),
            "{}",
            no_time.errors[0].message
        );
        let de_typo = h.log_screen("squat", "abc", day(), Language::De).unwrap();
        assert_eq!(
            de_typo.errors[0].message,
            "„abc“ ist kein Satz; zum Beispiel 100x5 (Last x Wdh.)"
        );
    }

    #[test]
    fn a_slip_waits_for_a_confirmation_and_a_correction_saves() {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(WeightUnit::Kg),
            ..ProfileUpdate::default()
        })
        .unwrap();
        // 10 kg on a barbell is lighter than the 20 kg bar.
        let out = h
            .log_submit("squat", "10x5", LogTime::Now, false, Language::En)
            .unwrap();
        assert!(!out.saved && out.today.is_none());
        assert_eq!(out.log.warnings.len(), 1);
        assert!(
            out.log.warnings[0]
                .text
                .contains("lighter than the empty bar"),
            "{}",
            out.log.warnings[0].text
        );
        assert_eq!(out.log.actions[0].kind, ActionKind::LogAnyway);
        // Three sets of the same slip are said once.
        let three = h
            .log_submit("squat", "3x10x5", LogTime::Now, false, Language::En)
            .unwrap();
        assert_eq!(three.log.warnings.len(), 1);
        assert!(
            three.log.warnings[0]
                .text
                .starts_with("Back Squat, sets 1–3: 10 kg"),
            "{}",
            three.log.warnings[0].text
        );
        assert_eq!(three.log.preview.len(), 3);
        assert!(
            h.history(&crate::HistoryQuery::default())
                .unwrap()
                .is_empty(),
            "nothing saved"
        );
        // A field error is screen state too, never an exception.
        let wrong = h
            .log_submit("squat", "100x", LogTime::Now, false, Language::En)
            .unwrap();
        assert!(!wrong.saved && !wrong.log.errors.is_empty());
        // Corrected, it saves and the Today screen comes back.
        let fixed = h
            .log_submit("squat", "100x5", LogTime::Now, false, Language::En)
            .unwrap();
        assert!(fixed.saved);
        assert!(fixed.today.is_some());
        let sets: usize = h
            .history(&crate::HistoryQuery::default())
            .unwrap()
            .iter()
            .map(|w| w.sets.len())
            .sum();
        assert_eq!(sets, 1);
        // Confirmed, the slip saves as typed.
        let anyway = h
            .log_submit("squat", "10x5", LogTime::Now, true, Language::En)
            .unwrap();
        assert!(anyway.saved);
    }

    #[test]
    fn an_edit_opens_the_set_in_the_form_and_saves_one_set() {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(WeightUnit::Kg),
            ..ProfileUpdate::default()
        })
        .unwrap();
        let logged = h
            .log_submit("squat", "100x5@2", LogTime::Now, false, Language::En)
            .unwrap();
        let set_id = logged.today.unwrap().cards[0].rows[0]
            .set_id
            .clone()
            .unwrap();
        let form = h.edit_form(&set_id, Language::En).unwrap();
        assert_eq!(
            (form.exercise.as_str(), form.sets.as_str()),
            ("Back Squat", "100kgx5@2")
        );
        let kinds =
            |s: &crate::screens::LogScreen| s.actions.iter().map(|a| a.kind).collect::<Vec<_>>();
        assert_eq!(
            kinds(&form.log),
            [ActionKind::SaveSet, ActionKind::DeleteSet]
        );
        // Two sets are not an edit of one: a field error, nothing saved.
        let two = h
            .edit_submit(&set_id, "Back Squat", "2x100x5", false, Language::De)
            .unwrap();
        assert!(!two.saved);
        assert_eq!(
            two.log.errors[0].message,
            "Eine Änderung betrifft genau einen Satz: Schreib einen, etwa 100x5"
        );
        assert_eq!(kinds(&two.log), [ActionKind::DeleteSet]);
        // A slip waits for a confirmation, as when logging.
        let slip = h
            .edit_submit(&set_id, "Back Squat", "10x5", false, Language::En)
            .unwrap();
        assert!(!slip.saved);
        assert_eq!(kinds(&slip.log)[0], ActionKind::SaveAnyway);
        let saved = h
            .edit_submit(&set_id, "Back Squat", "102.5x4@1", false, Language::En)
            .unwrap();
        assert!(saved.saved);
        let row = &saved.today.unwrap().cards[0].rows[0];
        assert_eq!(row.done.as_deref(), Some("102.5 kg × 4 · RIR 1"));
        assert_eq!(h.set(&set_id).unwrap().input.reps, Some(4));
        // One undo step takes the edit back.
        assert_eq!(h.undo().unwrap().undone, "edited a set of Back Squat");
        assert_eq!(h.set(&set_id).unwrap().input.reps, Some(5));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod change_tests {
    use std::sync::{Arc, Mutex};

    use super::super::test_support::heft;
    use crate::Error;
    use crate::measures::NewMeasurement;
    use crate::model::{LogTime, MeasureKind, SetInput};
    use crate::screens::ScreenKind::{self, *};

    #[test]
    fn each_write_names_the_screens_it_made_stale() {
        let h = heft();
        let seen: Arc<Mutex<Vec<Vec<ScreenKind>>>> = Arc::default();
        let sink = seen.clone();
        h.on_change(move |screens| sink.lock().unwrap().push(screens.to_vec()));
        let take = || std::mem::take(&mut *seen.lock().unwrap());

        let mut set = SetInput::new("plank");
        set.duration_ms = Some(30_000);
        h.log_sets(&[set], LogTime::Now).unwrap();
        assert_eq!(take(), [vec![Today, History, Progress]]);

        h.add_measurement(NewMeasurement {
            kind: MeasureKind::BodyWeight,
            value: 70.0,
            unit: None,
            site: None,
            at: LogTime::Now,
            note: None,
        })
        .unwrap();
        assert_eq!(take(), [vec![Today, Progress, Measures]]);

        // A write that fails changes nothing and says nothing.
        assert!(matches!(
            h.delete_set("no-such-set"),
            Err(Error::NotFound { .. })
        ));
        assert!(take().is_empty());

        h.undo().unwrap();
        assert_eq!(take(), [vec![Today, Progress, Measures]]);
    }
}
