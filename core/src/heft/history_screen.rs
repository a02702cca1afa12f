//! The History screen on a [`Heft`] handle: one page of days read in one
//! snapshot (the page's workouts over the index `workout_started`, their
//! sets over `set_entry_workout`, so a page costs the same after ten
//! years as after one), and the intents that return the page after them.

use chrono::NaiveDate;

use super::Heft;
use super::undo;
use crate::Result;
use crate::model::WorkoutLog;
use crate::screens::HistoryScreen;
use crate::screens::history::{self, HistoryInput};
use crate::screens::today::undo_action;
use crate::store;
use crate::text::{Language, Text};

/// The most days one page holds; a larger request gets this many.
pub const HISTORY_MAX_DAYS: u32 = 366;

impl Heft {
    /// One page of the History screen in `language`: the newest `days`
    /// days with logged sets before `before` (from the newest when
    /// `None`), newest first, each workout's exercises in compact lines.
    /// `older` on the screen is the `before` of the next page. `days` is
    /// taken between 1 and [`HISTORY_MAX_DAYS`].
    pub fn history_screen(
        &self,
        before: Option<NaiveDate>,
        days: u32,
        language: Language,
    ) -> Result<HistoryScreen> {
        self.history_screen_in(before, days, &Text::new(language))
    }

    /// Deletes logged set `set_id` ([`Heft::delete_set`], one undo step)
    /// and returns the same page of History after it.
    pub fn history_delete_set(
        &self,
        set_id: &str,
        before: Option<NaiveDate>,
        days: u32,
        language: Language,
    ) -> Result<HistoryScreen> {
        self.delete_set(set_id)?;
        Ok(self.history_after_write(before, days, &Text::new(language)))
    }

    /// Takes back the last change made on this device ([`Heft::undo`]) when
    /// it is a change to the training log (the step History and Today
    /// offer), and returns the same page of History after it; with nothing
    /// of that kind to undo (a stale button), the page as it is.
    pub fn history_undo(
        &self,
        before: Option<NaiveDate>,
        days: u32,
        language: Language,
    ) -> Result<HistoryScreen> {
        if self.read(undo::newest_training_step)?.is_some() {
            self.undo()?;
        }
        Ok(self.history_after_write(before, days, &Text::new(language)))
    }

    /// The page after a committed write: one that cannot be read now says
    /// so rather than fail a call whose change was saved.
    fn history_after_write(
        &self,
        before: Option<NaiveDate>,
        days: u32,
        text: &Text,
    ) -> HistoryScreen {
        self.history_screen_in(before, days, text)
            .unwrap_or_else(|_| history::unavailable(text))
    }

    fn history_screen_in(
        &self,
        before: Option<NaiveDate>,
        days: u32,
        text: &Text,
    ) -> Result<HistoryScreen> {
        let days = days.clamp(1, HISTORY_MAX_DAYS) as usize;
        let today = self.now().date_naive();
        let writable = self.writes_unavailable().is_none() && self.damage_found().is_none();
        self.read_snapshot(|conn| {
            let page = store::history_page::newest_days(conn, before, days)?;
            let mut logs = Vec::new();
            for (_, workouts) in page.days {
                for w in workouts {
                    let sets = store::sets::live_sets_of_workout(conn, &w.id, None)?;
                    logs.push(WorkoutLog::new(w, sets));
                }
            }
            let older = if page.more {
                logs.last().map(|l| l.workout.started_at.local_date())
            } else {
                None
            };
            let mut screen = history::build(
                &HistoryInput {
                    logs: &logs,
                    older,
                    today,
                    first_page: before.is_none(),
                },
                text,
            );
            if writable && let Some(step) = undo::newest_training_step(conn)? {
                screen.undo = Some(undo_action(step.label.as_ref(), &step.english, text));
            }
            Ok(screen)
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeZone};

    use super::super::test_support::heft;
    use crate::grammar;
    use crate::model::{
        BoneStatus, LogTime, ProfileUpdate, SetInput, SetKind, SetRole, Sex, WeightUnit,
    };
    use crate::screens::history::{RunKind, compact, count_runs};
    use crate::screens::{ActionKind, HistoryScreen};
    use crate::text::{Language, Text};
    use crate::{FinishWorkout, Heft};

    /// The clock's day in test_support.
    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn at(d: NaiveDate, hour: u32, offset_h: i32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(offset_h * 3600)
            .unwrap()
            .from_local_datetime(&d.and_hms_opt(hour, 0, 0).unwrap())
            .unwrap()
    }

    fn sets(exercise: &str, notation: &str, unit: WeightUnit) -> Vec<SetInput> {
        notation
            .split_whitespace()
            .flat_map(|word| {
                let spec = grammar::parse(word).unwrap();
                let input = spec.to_input(exercise, unit);
                std::iter::repeat_n(input, spec.count as usize)
            })
            .collect()
    }

    /// A finished workout of `minutes` at `hour` on `d`.
    fn workout(h: &Heft, d: NaiveDate, hour: u32, logged: &[(&str, &str)], unit: WeightUnit) {
        let inputs: Vec<SetInput> = logged.iter().flat_map(|(e, n)| sets(e, n, unit)).collect();
        let done = h.log_sets(&inputs, LogTime::At(at(d, hour, 1))).unwrap();
        h.finish(FinishWorkout {
            workout_id: Some(done.workout.id.clone()),
            duration_s: Some(45 * 60),
            ..FinishWorkout::default()
        })
        .unwrap();
    }

    /// Three sessions a week for a year up to the clock's day, loads rising.
    fn a_year(h: &Heft) -> usize {
        let mut days = 0;
        for week in 0..52u64 {
            let monday = day() - Days::new(365) + Days::new(week * 7);
            for offset in [0, 2, 4] {
                let d = monday + Days::new(offset);
                if d > day() {
                    continue;
                }
                let load = 50.0 + (week / 4) as f64 * 2.5;
                workout(
                    h,
                    d,
                    9,
                    &[
                        ("deadlift", &format!("w:20x5 3x{load}x5@2 {load}x4@0")),
                        ("back-squat", "2x60x8"),
                    ],
                    WeightUnit::Kg,
                );
                days += 1;
            }
        }
        days
    }

    /// Ids are random: stand-ins keep a snapshot stable.
    fn stable(mut s: HistoryScreen) -> HistoryScreen {
        for w in s.days.iter_mut().flat_map(|d| &mut d.workouts) {
            w.workout_id = "[workout]".into();
            for set in w
                .lines
                .iter_mut()
                .flat_map(|l| &mut l.runs)
                .flat_map(|r| &mut r.sets)
            {
                set.set_id = "[set]".into();
            }
        }
        s
    }

    fn set_ids(s: &HistoryScreen) -> Vec<String> {
        s.days
            .iter()
            .flat_map(|d| &d.workouts)
            .flat_map(|w| &w.lines)
            .flat_map(|l| &l.runs)
            .flat_map(|r| &r.sets)
            .map(|s| s.set_id.clone())
            .collect()
    }

    #[test]
    fn nothing_logged_is_the_empty_state() {
        let h = heft();
        let s = h.history_screen(None, 14, Language::En).unwrap();
        assert!(s.days.is_empty() && s.older.is_none() && s.undo.is_none());
        assert_eq!(s.empty.as_ref().unwrap().title, "No workouts yet");
        insta::assert_json_snapshot!(s);
        // A page past the end is the end of the list, not the empty state.
        h.log_sets(&sets("deadlift", "60x5", WeightUnit::Kg), LogTime::Now)
            .unwrap();
        let past = h.history_screen(Some(day()), 14, Language::En).unwrap();
        assert!(past.days.is_empty() && past.empty.is_none() && past.older.is_none());
    }

    #[test]
    fn a_year_pages_back_a_fortnight_at_a_time_without_gaps_or_repeats() {
        let h = heft();
        let logged = a_year(&h);
        let first = h.history_screen(None, 14, Language::En).unwrap();
        assert_eq!(first.days.len(), 14);
        // The last session: Friday before the clock's Tuesday.
        assert_eq!(first.days[0].date, day() - Days::new(4));
        // The newest three days, and the undo of the last finish.
        let three = h.history_screen(None, 3, Language::En).unwrap();
        assert_eq!(three.days[..], first.days[..3]);
        insta::assert_json_snapshot!(stable(three));
        let mut seen: Vec<NaiveDate> = Vec::new();
        let mut ids = Vec::new();
        let mut page = first;
        loop {
            let dates: Vec<NaiveDate> = page.days.iter().map(|d| d.date).collect();
            assert!(dates.windows(2).all(|w| w[0] > w[1]), "newest first");
            if let (Some(last), Some(next)) = (seen.last(), dates.first()) {
                assert!(next < last, "pages follow each other");
            }
            seen.extend(dates);
            ids.extend(set_ids(&page));
            let Some(older) = page.older else { break };
            assert_eq!(
                Some(older),
                seen.last().copied(),
                "the cursor is the oldest day"
            );
            page = h.history_screen(Some(older), 14, Language::En).unwrap();
        }
        assert_eq!(seen.len(), logged);
        assert_eq!(ids.len(), logged * 7);
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), logged * 7, "no set twice");
        // An older year's day says its year.
        let old = h
            .history_screen(Some(day() - Days::new(330)), 1, Language::En)
            .unwrap();
        assert_eq!(old.days[0].title, "Fri 26 Dec 2025");
    }

    #[test]
    fn a_day_in_german() {
        let h = heft();
        a_year(&h);
        let s = h.history_screen(None, 2, Language::De).unwrap();
        let text = Text::new(Language::De);
        h.history_screen_in(None, 60, &text).unwrap();
        assert!(text.missing().is_empty(), "{:?}", text.missing());
        assert_eq!(
            s.days[0].workouts[0].lines[0].text,
            "Aufwärmen 20 kg × 5, 3 × 80 kg × 5 · RIR 2, 80 kg × 4 · RIR 0"
        );
        insta::assert_json_snapshot!(stable(s));
    }

    #[test]
    fn a_pound_lifter_reads_in_pounds() {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(WeightUnit::Lb),
            ..ProfileUpdate::default()
        })
        .unwrap();
        workout(
            &h,
            day() - Days::new(1),
            18,
            &[("deadlift", "w:45x5 5x135x5@3"), ("bench-press", "3x95x8")],
            WeightUnit::Lb,
        );
        let s = h.history_screen(None, 14, Language::En).unwrap();
        assert_eq!(
            s.days[0].workouts[0].lines[0].text,
            "Warm-up 45 lb × 5, 5 × 135 lb × 5 · RIR 3"
        );
        assert_eq!(
            s.days[0].workouts[0].lines[0].runs[1].notation,
            "5x135lbx5@3"
        );
        insta::assert_json_snapshot!(stable(s));
    }

    #[test]
    fn a_low_bone_mass_first_session_is_technique_practice() {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(WeightUnit::Kg),
            birth_year: Some(1958),
            sex: Some(Sex::Female),
            bone_status: Some(BoneStatus::Osteopenia),
            ..ProfileUpdate::default()
        })
        .unwrap();
        h.start_program("liftmor", day()).unwrap();
        while h.log_next(LogTime::Now).is_ok() {}
        let s = h.history_screen(None, 14, Language::En).unwrap();
        let all: Vec<_> = s.days[0].workouts[0]
            .lines
            .iter()
            .flat_map(|l| &l.runs)
            .flat_map(|r| &r.sets)
            .collect();
        assert!(!all.is_empty());
        // The familiarization ramp: every set is practice.
        assert!(
            all.iter()
                .all(|s| s.details.first().map(String::as_str) == Some("technique")),
            "{all:?}"
        );
        let runs = &s.days[0].workouts[0].lines[0].runs;
        assert_eq!(runs[0].kind, RunKind::Technique);
        assert_eq!(runs[0].text, "Technique 3 × 20 kg × 5");
        insta::assert_json_snapshot!(stable(s));
    }

    #[test]
    fn delete_and_undo_return_the_page_after_them() {
        let h = heft();
        workout(
            &h,
            day() - Days::new(2),
            18,
            &[("deadlift", "w:20x5 5x47.5x5@3")],
            WeightUnit::Kg,
        );
        let before = h.history_screen(None, 14, Language::En).unwrap();
        let run = &before.days[0].workouts[0].lines[0].runs[1];
        assert_eq!(run.text, "5 × 47.5 kg × 5 · RIR 3");
        let id = run.sets[4].set_id.clone();
        // The edit form opens on a set of the page.
        let form = h.edit_form(&id, Language::En).unwrap();
        assert_eq!(form.sets, "47.5kgx5@3");
        let after = h.history_delete_set(&id, None, 14, Language::En).unwrap();
        assert_eq!(
            after.days[0].workouts[0].lines[0].runs[1].text,
            "4 × 47.5 kg × 5 · RIR 3"
        );
        assert_eq!(
            after.undo.as_ref().unwrap().label,
            "Undo: deleted a set of Deadlift"
        );
        assert_eq!(after.undo.as_ref().unwrap().kind, ActionKind::Undo);
        let de = h.history_screen(None, 14, Language::De).unwrap();
        assert_eq!(
            de.undo.unwrap().label,
            "Rückgängig: einen Satz Deadlift gelöscht"
        );
        let undone = h.history_undo(None, 14, Language::En).unwrap();
        assert_eq!(undone, before);
        // A stale button changes nothing: the newest step is not the log's.
        h.add_measurement(crate::NewMeasurement::parse("grip", "30").unwrap())
            .unwrap();
        let again = h.history_undo(None, 14, Language::En).unwrap();
        assert_eq!(again.days, before.days);
        assert_eq!(h.measurements(None).unwrap().len(), 1);
        // Deleting the last set of a workout takes its day off the page.
        let form = h.edit_form(&id, Language::En).unwrap();
        assert_eq!(form.date, day() - Days::new(2));
        for id in set_ids(&before) {
            h.delete_set(&id).unwrap();
        }
        let gone = h.history_screen(None, 14, Language::En).unwrap();
        assert!(gone.days.is_empty() && gone.empty.is_some());
    }

    #[test]
    fn days_are_local_days_whatever_the_offset() {
        let h = heft();
        let d = day() - Days::new(3);
        // Late on one local day far west, early the next local day far east:
        // in UTC the later day's workout comes first.
        let west = at(d, 22, -10);
        let east = at(d + Days::new(1), 6, 12);
        assert!(east < west);
        h.log_sets(&sets("deadlift", "60x5", WeightUnit::Kg), LogTime::At(west))
            .unwrap();
        h.log_sets(
            &sets("back-squat", "60x5", WeightUnit::Kg),
            LogTime::At(east),
        )
        .unwrap();
        let one = h.history_screen(None, 1, Language::En).unwrap();
        assert_eq!(one.days.len(), 1);
        assert_eq!(one.days[0].date, d + Days::new(1));
        assert_eq!(one.older, Some(d + Days::new(1)));
        let next = h.history_screen(one.older, 1, Language::En).unwrap();
        assert_eq!(next.days[0].date, d);
        assert_eq!(next.days[0].workouts[0].lines[0].exercise, "Deadlift");
        assert_eq!(next.older, None);
    }

    #[test]
    fn runs_count_equal_sets_and_keep_warm_ups_and_technique_apart() {
        let h = heft();
        let mut inputs = sets("deadlift", "w:20x5 w:20x5 40x5 40x5", WeightUnit::Kg);
        inputs[2].role = Some(SetRole::Technique);
        inputs.extend(sets("back-squat", "60x8", WeightUnit::Kg));
        inputs.extend(sets("deadlift", "40x5 40x5 f:40x3", WeightUnit::Kg));
        h.log_sets(&inputs, LogTime::Now).unwrap();
        let log = &h.history(&crate::HistoryQuery::default()).unwrap()[0];
        let groups = compact(&log.sets);
        let read: Vec<(&str, Vec<(RunKind, String)>)> = groups
            .iter()
            .map(|g| {
                (
                    g.exercise_name,
                    g.runs
                        .iter()
                        .map(|r| (r.kind, r.spec.to_string()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Deadlift",
                    vec![
                        (RunKind::Warmup, "2xw:20kgx5".replace("2xw:", "w:2x")),
                        (RunKind::Technique, "40kgx5".into()),
                        (RunKind::Working, "3x40kgx5".into()),
                        (RunKind::Failure, "f:40kgx3".into()),
                    ]
                ),
                ("Back Squat", vec![(RunKind::Working, "60kgx8".into())]),
            ]
        );
        let s = h.history_screen(None, 1, Language::En).unwrap();
        let line = &s.days[0].workouts[0].lines[0];
        assert_eq!(
            line.text,
            "Warm-up 2 × 20 kg × 5, Technique 40 kg × 5, 3 × 40 kg × 5, To failure 40 kg × 3"
        );
        assert_eq!(line.runs[1].sets[0].details, ["technique"]);
        let specs = ["100x5", "100x5", "102.5x5"]
            .iter()
            .map(|w| grammar::parse(w).unwrap());
        let runs: Vec<String> = count_runs(specs).iter().map(|r| r.to_string()).collect();
        assert_eq!(runs, ["2x100x5", "102.5x5"]);
        let _ = SetKind::Working;
    }

    /// Ten years, three sessions a week of 96 sets (about 150,000 sets):
    /// a page reads its own days, so it takes as long as on a new
    /// database. `cargo test -p heft-core --release --lib ten_years --
    /// --ignored --nocapture` prints the times.
    #[test]
    #[ignore = "builds a ten-year database: minutes in a debug build"]
    fn ten_years_page_as_fast_as_one() {
        let h = heft();
        let session: Vec<SetInput> = [
            ("deadlift", "w:20x5 w:40x3 24x60x5@2"),
            ("back-squat", "w:20x5 24x60x5@2"),
            ("bench-press", "w:20x5 20x40x8@2"),
            ("overhead-press", "24x30x8@2"),
        ]
        .iter()
        .flat_map(|(e, n)| sets(e, n, WeightUnit::Kg))
        .collect();
        assert_eq!(session.len(), 96);
        let start = day() - Days::new(3650);
        let mut logged = 0;
        let mut d = start;
        // Monday, Wednesday, Friday.
        for gap in [2, 2, 3].into_iter().cycle() {
            if d >= day() {
                break;
            }
            h.log_sets(&session, LogTime::At(at(d, 9, 1))).unwrap();
            logged += session.len();
            d = d + Days::new(gap);
        }
        assert!(logged >= 150_000, "{logged}");
        let time = |f: &dyn Fn() -> HistoryScreen| {
            let runs = 20;
            let t = std::time::Instant::now();
            for _ in 0..runs {
                f();
            }
            t.elapsed() / runs
        };
        let newest = time(&|| h.history_screen(None, 14, Language::En).unwrap());
        let old_day = Some(start + Days::new(400));
        let oldest = time(&|| h.history_screen(old_day, 14, Language::En).unwrap());
        let page = h.history_screen(None, 14, Language::En).unwrap();
        assert_eq!(page.days.len(), 14);
        // The same number of sets on the page, in a database of nothing else.
        let fresh = heft();
        for _ in 0..14 {
            fresh.log_sets(&session, LogTime::Now).unwrap();
        }
        let small = time(&|| fresh.history_screen(None, 14, Language::En).unwrap());
        println!(
            "{logged} sets: newest page {newest:?}, a page nine years back {oldest:?}; \
             a database of one workout of {} sets: {small:?}",
            14 * session.len()
        );
        assert!(newest < small * 20 && oldest < small * 20);
    }
}
