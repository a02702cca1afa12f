//! The Program screens on a [`Heft`] handle: the list, one program, the
//! running program's status, and the intents that change the run (start,
//! stop, an exercise swapped for good, the training days), each returning
//! the screen after it. Each screen is read in one snapshot and built by
//! its pure function in [`crate::screens::program`].

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Heft;
use super::programs::{
    all_programs, check_date, exercise_index, load_program, plan_history, status_in,
};
use super::undo;
use crate::Result;
use crate::progression::adjust::{NO_ADJUSTMENTS, Weekday};
use crate::progression::{Athlete, ExerciseIndex, Program, engine};
use crate::screens::program::{self, ProgramFacts, StatusInput};
use crate::screens::today::undo_action;
use crate::screens::{ProgramDetailScreen, ProgramListScreen, ProgramStatusScreen};
use crate::store;
use crate::text::{Language, Text};

/// What the engine says `program` means for the person on `today`.
fn facts<'a>(
    conn: &Connection,
    program: &'a Program,
    running: bool,
    athlete: &Athlete,
    exercises: &ExerciseIndex,
    today: NaiveDate,
) -> Result<ProgramFacts<'a>> {
    let history = plan_history(conn, program, None, &NO_ADJUSTMENTS, today, None)?;
    let (_, start_notes) = engine::start(program, athlete, &history, today);
    Ok(ProgramFacts {
        program,
        running,
        start_notes,
        see_physio: engine::see_physio(program, athlete),
        replaced: engine::replaced_for_safety(program, athlete, exercises)
            .into_iter()
            .map(|(e, why)| (e.name.clone(), why))
            .collect(),
    })
}

impl Heft {
    /// The list of programs on `date`: each with its name, what it is for,
    /// its week, whether it runs, and what it means for the person.
    pub fn program_list_screen(
        &self,
        date: NaiveDate,
        language: Language,
    ) -> Result<ProgramListScreen> {
        check_date(date, self.now().date_naive())?;
        let text = Text::new(language);
        self.read_snapshot(|conn| {
            let exercises = exercise_index(conn)?;
            let athlete = Athlete::from_profile(&store::profile::read(conn)?, date);
            let running = store::programs::active_run(conn)?.map(|r| r.program_id);
            let programs = all_programs(conn, &exercises)?;
            let facts = programs
                .iter()
                .map(|(p, _)| {
                    let runs = running.as_deref() == Some(p.id.as_str());
                    facts(conn, p, runs, &athlete, &exercises, date)
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(program::list(&facts, &text))
        })
    }

    /// Program `program_id` in full on `date`: phases, days and exercises,
    /// what it means for the person, and the action to start or stop it.
    pub fn program_screen(
        &self,
        program_id: &str,
        date: NaiveDate,
        language: Language,
    ) -> Result<ProgramDetailScreen> {
        check_date(date, self.now().date_naive())?;
        let text = Text::new(language);
        self.read_snapshot(|conn| {
            let exercises = exercise_index(conn)?;
            let program = load_program(conn, program_id, &exercises)?;
            let athlete = Athlete::from_profile(&store::profile::read(conn)?, date);
            let run = store::programs::active_run(conn)?;
            let running = run.as_ref().is_some_and(|r| r.program_id == program.id);
            let adjustments = match (&run, running) {
                (Some(r), true) => Some(store::profile::adjustments(conn, Some(&r.id))?),
                _ => None,
            };
            let facts = facts(conn, &program, running, &athlete, &exercises, date)?;
            Ok(program::detail(
                &facts,
                adjustments.as_ref(),
                run.is_some() && !running,
                &exercises,
                &text,
            ))
        })
    }

    /// The running program's status on `date` (session, phase, next day,
    /// each lift) and the person's adjustments to it; the "no program"
    /// state when none runs.
    pub fn program_status_screen(
        &self,
        date: NaiveDate,
        language: Language,
    ) -> Result<ProgramStatusScreen> {
        check_date(date, self.now().date_naive())?;
        let text = Text::new(language);
        self.read_snapshot(|conn| {
            if store::programs::active_run(conn)?.is_none() {
                return Ok(program::no_program(&text));
            }
            let (status, plan, ctx) = status_in(conn, date)?;
            let writable = self.writes_unavailable().is_none() && self.damage_found().is_none();
            let undo = if writable {
                undo::newest_training_step(conn)?
                    .map(|step| undo_action(step.label.as_ref(), &step.english, &text))
            } else {
                None
            };
            Ok(program::status(
                &StatusInput {
                    status: &status,
                    plan: &plan,
                    program: &ctx.program,
                    adjustments: &ctx.adjustments,
                    exercises: &ctx.exercises,
                    athlete: &ctx.athlete,
                    today: date,
                    undo,
                },
                &text,
            ))
        })
    }

    /// Starts `program_id` on `date` as [`Heft::start_program`] does (one
    /// undo step) and returns its status screen.
    pub fn program_start_screen(
        &self,
        program_id: &str,
        date: NaiveDate,
        language: Language,
    ) -> Result<ProgramStatusScreen> {
        self.start_program(program_id, date)?;
        self.program_status_screen(date, language)
    }

    /// Stops the running program on `date` as [`Heft::stop_program`] does
    /// (one undo step) and returns the list.
    pub fn program_stop_screen(
        &self,
        date: NaiveDate,
        language: Language,
    ) -> Result<ProgramListScreen> {
        self.stop_program(date)?;
        self.program_list_screen(date, language)
    }

    /// Does `to` in place of `from` in the running program from now on, as
    /// [`Heft::swap_exercise`] does (one undo step; `to` equal to `from`
    /// takes the swap back), and returns the status screen of `date`.
    pub fn program_swap_screen(
        &self,
        from: &str,
        to: &str,
        date: NaiveDate,
        language: Language,
    ) -> Result<ProgramStatusScreen> {
        check_date(date, self.now().date_naive())?;
        self.swap_exercise(from, to)?;
        self.program_status_screen(date, language)
    }

    /// Trains on `days` from now on (empty: any day), as
    /// [`Heft::set_training_days`] does (one undo step), and returns the
    /// status screen of `date`.
    pub fn program_days_screen(
        &self,
        days: Vec<Weekday>,
        date: NaiveDate,
        language: Language,
    ) -> Result<ProgramStatusScreen> {
        check_date(date, self.now().date_naive())?;
        self.set_training_days(days)?;
        self.program_status_screen(date, language)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::{Datelike, Days, NaiveDate};

    use super::super::test_support::heft;
    use crate::heft::{FinishWorkout, LogTime};
    use crate::model::{
        BoneStatus, FractureHistory, Load, ProfileUpdate, SetInput, Sex, Weight, WeightUnit,
    };
    use crate::progression::Weekday;
    use crate::screens::{ActionKind, ProgramStatusScreen, Tone};
    use crate::text::{Language, Text};
    use crate::{Error, Heft};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The clock's day in test_support (a Tuesday).
    fn day() -> NaiveDate {
        d("2026-11-24")
    }

    fn person(unit: WeightUnit, bone: BoneStatus, fracture: FractureHistory) -> Heft {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(unit),
            birth_year: Some(1960),
            sex: Some(Sex::Female),
            bone_status: Some(bone),
            fracture_history: Some(fracture),
            ..ProfileUpdate::default()
        })
        .unwrap();
        h
    }

    fn healthy(unit: WeightUnit) -> Heft {
        person(unit, BoneStatus::Normal, FractureHistory::None)
    }

    fn sets(exercise: &str, kg: f64, reps: u32, count: usize) -> Vec<SetInput> {
        let mut set = SetInput::new(exercise);
        set.load = Load::Weight {
            weight: Weight::new(kg, WeightUnit::Kg).unwrap(),
        };
        set.reps = Some(reps);
        set.effort = Some(crate::model::Effort::Rir(2.0));
        vec![set; count]
    }

    /// A year of twice-weekly lifting before the run, then LIFTMOR from
    /// 2 November, every session logged as planned on Mondays and
    /// Thursdays until the clock's day.
    fn a_year(h: &Heft) {
        let mut date = d("2025-11-24");
        let mut week = 0.0;
        while date < d("2026-11-01") {
            for (exercise, kg) in [
                ("deadlift", 80.0),
                ("back-squat", 65.0),
                ("overhead-press", 30.0),
            ] {
                h.log_sets(&sets(exercise, kg + week, 5, 3), LogTime::OnDate(date))
                    .unwrap();
            }
            h.finish(FinishWorkout {
                on: Some(date),
                duration_s: Some(1800),
                ..FinishWorkout::default()
            })
            .unwrap();
            date = date
                + Days::new(if date.weekday().num_days_from_monday() == 0 {
                    3
                } else {
                    4
                });
            week += 0.1;
        }
        h.start_program("liftmor", d("2026-11-02")).unwrap();
        let mut date = d("2026-11-02");
        while date < day() {
            while h.log_next(LogTime::OnDate(date)).is_ok() {}
            h.finish(FinishWorkout {
                on: Some(date),
                duration_s: Some(1800),
                ..FinishWorkout::default()
            })
            .unwrap();
            date = date
                + Days::new(if date.weekday().num_days_from_monday() == 0 {
                    3
                } else {
                    4
                });
        }
    }

    /// A screen built with every message its catalog has.
    fn checked<T>(language: Language, build: impl FnOnce(&Text) -> T) -> T {
        let text = Text::new(language);
        let out = build(&text);
        assert!(text.missing().is_empty(), "{:?}", text.missing());
        out
    }

    #[test]
    fn the_list_on_a_first_run() {
        let h = heft();
        let s = h.program_list_screen(day(), Language::En).unwrap();
        assert!(s.rows.len() >= 7);
        assert!(s.rows.iter().all(|r| !r.running && r.badge.is_none()));
        let liftmor = s.rows.iter().find(|r| r.program_id == "liftmor").unwrap();
        assert_eq!(
            liftmor.week,
            "2 sessions a week · about 30 min each · 60 min a week"
        );
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn the_list_with_low_bone_mass_says_what_the_engine_changes() {
        let h = person(
            WeightUnit::Kg,
            BoneStatus::Osteoporosis,
            FractureHistory::Vertebral,
        );
        h.start_program("liftmor", day()).unwrap();
        let s = h.program_list_screen(day(), Language::En).unwrap();
        let row = |id: &str| s.rows.iter().find(|r| r.program_id == id).unwrap();
        assert!(row("liftmor").running);
        assert_eq!(row("liftmor").badge.as_deref(), Some("Running"));
        // Heavy programs: a physiotherapist first, after a vertebral fracture.
        assert_eq!(row("liftmor").tone, Tone::Caution);
        assert_eq!(row("lisa-moderate").tone, Tone::Neutral);
        // The jumps of LIFTMOR and the crunch of LISA are replaced.
        assert!(
            row("liftmor")
                .notes
                .iter()
                .any(|n| n.text.starts_with("Jumping Chin-Up is replaced")),
            "{:?}",
            row("liftmor").notes
        );
        // A heavy program without its own technique phase ramps first.
        assert!(
            row("minimum-dose")
                .notes
                .iter()
                .any(|n| n.text.contains("weeks of familiarization first"))
        );
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn the_list_and_a_program_in_german() {
        let h = healthy(WeightUnit::Kg);
        let list = h.program_list_screen(day(), Language::De).unwrap();
        let liftmor = list
            .rows
            .iter()
            .find(|r| r.program_id == "liftmor")
            .unwrap();
        assert_eq!(liftmor.name, "LIFTMOR: schweres Heben für starke Knochen");
        assert!(liftmor.summary.starts_with("Kreuzheben"));
        let detail = checked(Language::De, |_| {
            h.program_screen("liftmor", day(), Language::De).unwrap()
        });
        assert_eq!(detail.actions[0].kind, ActionKind::StartProgram);
        assert_eq!(detail.phases.len(), 3);
        insta::assert_json_snapshot!(detail);
    }

    #[test]
    fn a_program_in_full_and_its_start() {
        let h = healthy(WeightUnit::Kg);
        let s = h.program_screen("foundation", day(), Language::En).unwrap();
        assert!(!s.running);
        assert_eq!(s.actions[0].label, "Start this program");
        let first = &s.phases[0].days[0].rows[0];
        assert_eq!(first.sets, "2 × 10 reps");
        assert_eq!(first.effort, "Technique: empty bar or lightest load");
        insta::assert_json_snapshot!(s);
        let status = h
            .program_start_screen("foundation", day(), Language::En)
            .unwrap();
        assert_eq!(status.program_id.as_deref(), Some("foundation"));
        assert_eq!(
            status.undo.as_ref().unwrap().label,
            "Undo: started Foundation"
        );
        let detail = h.program_screen("foundation", day(), Language::En).unwrap();
        assert!(detail.running);
        assert_eq!(detail.actions[0].kind, ActionKind::StopProgram);
        let other = h.program_screen("liftmor", day(), Language::En).unwrap();
        assert_eq!(other.actions[0].label, "Switch to this program");
        let list = h.program_stop_screen(day(), Language::En).unwrap();
        assert!(list.rows.iter().all(|r| !r.running));
        assert!(matches!(
            h.program_screen("lifmor", day(), Language::En),
            Err(Error::UnknownProgram { .. })
        ));
    }

    #[test]
    fn no_program_running() {
        let h = heft();
        let s = h.program_status_screen(day(), Language::En).unwrap();
        assert!(s.empty.is_some());
        assert_eq!(s.actions[0].kind, ActionKind::ChooseProgram);
        insta::assert_json_snapshot!(s);
    }

    /// The status with its undo label kept (it names the newest step).
    fn status(h: &Heft, language: Language) -> ProgramStatusScreen {
        checked(language, |_| {
            h.program_status_screen(day(), language).unwrap()
        })
    }

    #[test]
    fn the_status_after_a_year_in_kg_and_in_german() {
        let h = healthy(WeightUnit::Kg);
        a_year(&h);
        let s = status(&h, Language::En);
        assert_eq!(
            s.subtitle.as_deref(),
            Some("Session 8 · Light loads, 4 of 4")
        );
        assert!(s.lifts.iter().any(|l| l.estimate.is_some()));
        insta::assert_json_snapshot!("status_a_year_en", s);
        insta::assert_json_snapshot!("status_a_year_de", status(&h, Language::De));
    }

    #[test]
    fn the_status_in_lb() {
        let h = healthy(WeightUnit::Lb);
        a_year(&h);
        let s = status(&h, Language::En);
        assert!(
            s.lifts
                .iter()
                .filter_map(|l| l.estimate.as_deref())
                .all(|e| e.ends_with(" lb")),
            "{:?}",
            s.lifts
        );
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn swapping_an_exercise_and_choosing_days_shows_on_status_and_today() {
        let h = healthy(WeightUnit::Kg);
        a_year(&h);
        let squat = status(&h, Language::En)
            .swaps
            .into_iter()
            .find(|r| r.exercise_id == "back-squat")
            .unwrap();
        assert!(
            squat.choices.iter().any(|c| c.id == "goblet-squat"),
            "{squat:?}"
        );
        assert!(squat.current.is_none());
        let s = h
            .program_swap_screen("back-squat", "goblet-squat", day(), Language::En)
            .unwrap();
        let squat = s
            .swaps
            .iter()
            .find(|r| r.exercise_id == "back-squat")
            .unwrap();
        assert_eq!(squat.chosen_id.as_deref(), Some("goblet-squat"));
        assert_eq!(
            squat.current.as_deref(),
            Some("Goblet Squat in its place (your own choice, from now on)")
        );
        assert_eq!(squat.choices[0].id, "back-squat", "the way back first");
        let s = h
            .program_days_screen(vec![Weekday::Mon, Weekday::Thu], day(), Language::En)
            .unwrap();
        assert_eq!(s.days_summary.as_deref(), Some("You train on Mon, Thu"));
        assert_eq!(s.next.as_deref(), Some("Next: day Light, from Thu 26 Nov"));
        assert_eq!(
            s.undo.as_ref().unwrap().label,
            "Undo: chose the training days"
        );
        insta::assert_json_snapshot!(s);
        // Today follows: the goblet squat in place of the back squat, on Thursday.
        let today = h.today_screen(day(), Language::En).unwrap();
        assert!(today.cards.iter().any(|c| c.exercise_id == "goblet-squat"));
        assert!(
            today
                .banners
                .iter()
                .any(|b| b.text == "Rest day: the next session is best from Thu 26 Nov"),
            "{:?}",
            today.banners
        );
        // The detail shows the swap on its rows.
        let detail = h.program_screen("liftmor", day(), Language::En).unwrap();
        assert!(
            detail
                .phases
                .iter()
                .flat_map(|p| &p.days)
                .flat_map(|d| &d.rows)
                .filter(|r| r.exercise_id == "back-squat")
                .all(|r| r.swap.is_some())
        );
        // Days that do not fit the program are named.
        let s = h
            .program_days_screen(vec![Weekday::Sat], day(), Language::De)
            .unwrap();
        assert_eq!(s.banners.len(), 1);
        assert_eq!(
            s.banners[0].text,
            "1 Tag gewählt für 2 Einheiten pro Woche: Das Programm dauert länger als seine Wochen."
        );
    }

    #[test]
    fn every_built_in_summary_has_its_words_in_both_catalogs() {
        let en = Text::new(Language::En);
        let de = Text::new(Language::De);
        for p in crate::heft::Heft::programs(&heft())
            .unwrap()
            .into_iter()
            .filter(|p| p.builtin)
        {
            let id = format!("program-{}-summary", p.id);
            assert_eq!(en.get(&id), p.summary, "{id}");
            assert_ne!(de.get(&id), p.summary, "{id}");
        }
        assert!(en.missing().is_empty() && de.missing().is_empty());
    }
}
