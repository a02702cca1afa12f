//! The Progress screen, read in one snapshot: the weekly figures of this
//! week and the four before from their sets, and everything reaching
//! further back (e1RM series, records, the last heavy axial lift) from the
//! derived session rows (`store::derived`), so the read does not grow with
//! the years logged.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::Heft;
use super::analytics::Period;
use crate::Result;
use crate::analytics::E1rmPoint;
use crate::analytics::adherence;
use crate::analytics::dose;
use crate::analytics::session_bests::{ExerciseSession, RecordExercise, session_records};
use crate::analytics::strength::RECENT_DAYS;
use crate::analytics::summary::PAST_WEEKS;
use crate::analytics::week::Week;
use crate::model::{Formula, Measure, utc_ms_covering};
use crate::screens::ProgressScreen;
use crate::screens::progress::{self, CHART_DAYS, LiftInput, MAIN_LIFTS, ProgressInput};
use crate::store::derived::{self, Sessions};
use crate::store::profile::read as read_profile;
use crate::text::{Language, Text};

impl Heft {
    /// The Progress screen on `today` in `language`.
    pub fn progress_screen(&self, today: NaiveDate, language: Language) -> Result<ProgressScreen> {
        self.progress_screen_in(today, &Text::new(language))
    }

    /// The Progress screen in `text`'s language (tests read which
    /// messages it asked the catalog for).
    fn progress_screen_in(&self, today: NaiveDate, text: &Text) -> Result<ProgressScreen> {
        self.check_day(today, 1)?;
        self.read_snapshot(|conn| {
            let profile = read_profile(conn)?;
            let formula = profile.formula.unwrap_or(Formula::Epley);
            let this = Week::of(today);
            let first = this.back(PAST_WEEKS).unwrap_or(this);
            let Period {
                program,
                formula: _,
                mut sets,
            } = Period::read(conn, first.monday(), today)?;
            sets.retain(|s| s.date <= today);
            let weeks = dose::weekly(
                &sets,
                first.monday(),
                today,
                formula,
                program.planned,
                &program.rest(),
            );
            let exercises = crate::store::exercises::all_live(conn)?;
            let (_, until_ms) = utc_ms_covering(today, today);
            // The program's weighted lifts in the order its days name them,
            // from the phase its run is in; else the most trained.
            let mut lifts: Vec<(String, String)> = Vec::new();
            if let Some((p, phase)) = &program.program {
                let slots = p.phases.get(*phase).into_iter().flat_map(|ph| &ph.days);
                for slot in slots.flat_map(|d| &d.slots) {
                    let Some(e) = exercises.iter().find(|e| e.id == slot.exercise) else {
                        continue;
                    };
                    if e.measure == Measure::WeightReps && !lifts.iter().any(|(id, _)| *id == e.id)
                    {
                        lifts.push((e.id.clone(), e.name.clone()));
                    }
                }
            }
            if lifts.is_empty() {
                let from = today
                    .checked_sub_days(Days::new(CHART_DAYS))
                    .unwrap_or(NaiveDate::MIN);
                let (from_ms, _) = utc_ms_covering(from, from);
                lifts = derived::most_trained(conn, formula, from_ms, until_ms, today, MAIN_LIFTS)?;
            }
            let year_from = today
                .checked_sub_days(Days::new(CHART_DAYS))
                .unwrap_or(NaiveDate::MIN);
            let (year_ms, _) = utc_ms_covering(year_from, year_from);
            let record_exercise = |id: &str| {
                let e = exercises.iter().find(|e| e.id == id)?;
                Some(RecordExercise {
                    name: e.name.clone(),
                    bodyweight: e.measure == Measure::BodyweightReps,
                })
            };
            let (lift_inputs, last_heavy) = if derived::has_stale(conn)? {
                // A write that did not refresh (another program changed
                // the file): every row of these exercises, with the stale
                // workouts computed from their sets.
                let axial: HashSet<String> = exercises
                    .iter()
                    .filter(|e| e.axial)
                    .map(|e| e.id.clone())
                    .collect();
                let mut wanted: Vec<String> = lifts.iter().map(|(id, _)| id.clone()).collect();
                wanted.extend(axial.iter().cloned());
                wanted.sort();
                wanted.dedup();
                let mut sessions =
                    derived::sessions_of(conn, &Sessions::Of(&wanted), Some(formula), i64::MIN)?;
                sessions.retain(|s| s.started_at_ms < until_ms && s.session_date <= today);
                let inputs = lifts
                    .iter()
                    .map(|(id, name)| {
                        let mine: Vec<ExerciseSession> = sessions
                            .iter()
                            .filter(|s| s.exercise_id == *id)
                            .cloned()
                            .collect();
                        let all: Vec<E1rmPoint> = mine
                            .iter()
                            .filter_map(|s| s.e1rm.first().map(|e| e.point.clone()))
                            .collect();
                        let before = all.iter().rposition(|p| {
                            mine.iter()
                                .find(|s| s.workout_id == p.workout_id)
                                .is_some_and(|s| s.started_at_ms < year_ms)
                        });
                        LiftInput {
                            id: id.clone(),
                            name: name.clone(),
                            points: all[before.unwrap_or(0)..].to_vec(),
                            records: session_records(
                                &mine,
                                formula,
                                |_| [None; 3],
                                record_exercise,
                            ),
                        }
                    })
                    .collect();
                let last = progress::last_heavy_axial(&sessions, &axial, formula, today);
                (inputs, last)
            } else {
                let mut inputs = Vec::new();
                for (id, name) in &lifts {
                    let Some(exercise) = record_exercise(id) else {
                        continue;
                    };
                    inputs.push(LiftInput {
                        id: id.clone(),
                        name: name.clone(),
                        points: derived::e1rm_points(conn, id, formula, year_ms, until_ms)?,
                        records: derived::records_of(
                            conn, id, formula, until_ms, today, &exercise,
                        )?,
                    });
                }
                (
                    inputs,
                    derived::last_heavy_axial(conn, formula, today, until_ms)?,
                )
            };
            // Records of the last 28 days: the sessions since then of the
            // exercises trained in them, against what every session before
            // left to beat.
            let window = today
                .checked_sub_days(Days::new(RECENT_DAYS - 1))
                .unwrap_or(NaiveDate::MIN);
            let (window_ms, _) = utc_ms_covering(window, window);
            let mut trained: Vec<String> = sets
                .iter()
                .filter(|s| s.workout_start.utc_ms() >= window_ms)
                .map(|s| s.exercise.id.clone())
                .collect();
            trained.sort();
            trained.dedup();
            let prior = derived::bests_before(conn, &trained, formula, window_ms)?;
            let mut late =
                derived::sessions_of(conn, &Sessions::Of(&trained), Some(formula), window_ms)?;
            late.retain(|s| s.started_at_ms < until_ms && s.session_date <= today);
            let recent = session_records(
                &late,
                formula,
                |id| prior.get(id).copied().unwrap_or_default(),
                record_exercise,
            );
            let session_dates: Vec<NaiveDate> = derived::lifting_dates(conn, until_ms)?
                .into_iter()
                .filter(|d| *d <= today)
                .collect();
            let spacing = adherence::spacing(&sets, today);
            let input = ProgressInput {
                today,
                profile: &profile,
                weeks: &weeks,
                lifts: &lift_inputs,
                last_heavy_axial: last_heavy,
                any_sets: derived::any_sets(conn)?,
                session_dates: &session_dates,
                spacing: &spacing,
                recent: &recent,
            };
            Ok(progress::build(&input, text))
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Datelike, Days, NaiveDate};

    use super::super::test_support::heft;
    use crate::grammar;
    use crate::heft::{FinishWorkout, Heft, LogTime};
    use crate::model::{BoneStatus, ProfileUpdate, SetInput, SetKind, Sex, WeightUnit};
    use crate::screens::ProgressScreen;
    use crate::text::{Language, Text};

    /// The clock's day in test_support (a Tuesday).
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn lifter(unit: WeightUnit, bone: BoneStatus) -> Heft {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(unit),
            birth_year: Some(1962),
            sex: Some(Sex::Female),
            bone_status: Some(bone),
            ..ProfileUpdate::default()
        })
        .unwrap();
        h
    }

    fn sets(exercise: &str, notation: &str, unit: WeightUnit) -> Vec<SetInput> {
        let spec = grammar::parse(notation).unwrap();
        vec![spec.to_input(exercise, unit); spec.count as usize]
    }

    /// A year of three sessions a week (Monday, Wednesday, Friday) ending
    /// the week before the clock's, then Monday of this week. The lifter
    /// is modelled on their own, not by the engine: each lift's working
    /// load climbs about 0.4% a session from where it started, in the
    /// plates of `unit`, with a light week every sixth week; warm-ups come
    /// first; RIR is logged on some sessions; Fridays add 25 box-jump
    /// landings.
    fn a_year(h: &Heft, unit: WeightUnit) {
        let per_kg = if unit == WeightUnit::Lb { 2.2 } else { 1.0 };
        let step = if unit == WeightUnit::Lb { 5.0 } else { 2.5 };
        let round = |kg: f64| ((kg * per_kg) / step).round() * step;
        let start = NaiveDate::from_ymd_opt(2025, 11, 24).unwrap();
        let mut session = 0u32;
        let mut day = start;
        while day <= today() - Days::new(1) {
            let weekday = day.weekday().num_days_from_monday();
            if [0, 2, 4].contains(&weekday) {
                let week = (day - start).num_days() / 7;
                let light = week % 6 == 5;
                let growth = 1.0 + 0.004 * f64::from(session);
                let factor = if light { 0.85 } else { 1.0 };
                let rir = if session % 3 == 0 { "@2" } else { "" };
                let mut batch = Vec::new();
                let (lift_a, base_a) = if session % 2 == 0 {
                    ("back-squat", 50.0)
                } else {
                    ("deadlift", 60.0)
                };
                let press = if weekday == 2 {
                    ("overhead-press", 22.5)
                } else {
                    ("bench-press", 30.0)
                };
                for (lift, base) in [(lift_a, base_a), press] {
                    let mut warm = sets(lift, &format!("{}x5", round(base * 0.5)), unit);
                    for s in &mut warm {
                        s.kind = SetKind::Warmup;
                    }
                    batch.extend(warm);
                    let load = round(base * growth * factor);
                    batch.extend(sets(lift, &format!("5x{load}x5{rir}"), unit));
                }
                if weekday == 4 {
                    let mut jumps = SetInput::new("box-jump");
                    jumps.load = crate::model::Load::Bodyweight { added: None };
                    jumps.reps = Some(25);
                    jumps.impact = Some(crate::model::Impact {
                        landings: 25,
                        drop_height_cm: None,
                    });
                    batch.push(jumps);
                }
                let at = DateTime::parse_from_rfc3339(&format!("{day}T08:00:00+01:00")).unwrap();
                let logged = h.log_sets(&batch, LogTime::At(at)).unwrap();
                h.finish_workout(FinishWorkout {
                    workout_id: Some(logged.workout.id),
                    duration_s: Some(if light { 1500 } else { 1800 }),
                    ..FinishWorkout::default()
                })
                .unwrap();
                session += 1;
            }
            day = day.succ_opt().unwrap();
        }
    }

    /// The screen with each chart cut to its first and last two points,
    /// so that a snapshot stays readable.
    fn trimmed(mut s: ProgressScreen) -> ProgressScreen {
        for lift in &mut s.lifts {
            let n = lift.chart.points.len();
            if n > 4 {
                lift.chart.points.drain(2..n - 2);
            }
        }
        s
    }

    fn every_message_is_in_the_catalog(h: &Heft) {
        for language in Language::ALL {
            let text = Text::new(language);
            let s = h.progress_screen_in(today(), &text).unwrap();
            assert_eq!(s.language, language);
            assert!(text.missing().is_empty(), "{:?}", text.missing());
        }
    }

    /// The screen of `day`, checked against the statistics read from every
    /// set of that day: this week's minutes, the last heavy axial lift, the
    /// LIFTMOR weeks, weeks in a row, sessions, the records of the last 28
    /// days and each lift's best e1RM.
    fn agrees_with_stats(h: &Heft, day: NaiveDate) -> ProgressScreen {
        let s = h.progress_screen(day, Language::En).unwrap();
        let stats = h.stats(day).unwrap();
        assert_eq!(
            s.week.minutes,
            format!("{} min of lifting", stats.this_week.lifting_minutes)
        );
        let last = stats.bone.last_heavy_axial.expect("heavy axial lifting");
        assert!(
            s.bone.rows[4]
                .value
                .starts_with(&Text::new(Language::En).date(last)),
            "{:?} vs {last}",
            s.bone.rows[4]
        );
        assert_eq!(
            s.bone.rows[3].value,
            format!("{} of 4", stats.bone.weeks_meeting_liftmor)
        );
        let a = &stats.adherence;
        assert_eq!(
            s.adherence.rows[0].value,
            format!(
                "{} (longest {})",
                a.streak.current_weeks, a.streak.longest_weeks
            )
        );
        assert_eq!(
            s.adherence.rows[1].value,
            a.sessions_last_4_weeks.to_string()
        );
        let mut expected: Vec<(String, String, String)> = stats
            .records
            .iter()
            .filter(|r| r.kind != crate::analytics::RecordKind::MostReps)
            .map(|r| {
                (
                    r.exercise_name.clone(),
                    r.date.to_string(),
                    format!("{:?}", r.kind),
                )
            })
            .collect();
        let kind = |label: &str| match label {
            "Heaviest weight" | "Heaviest added weight" => "HeaviestWeight",
            "Best e1RM" => "BestE1rm",
            _ => "BestVolume",
        };
        let mut shown: Vec<(String, String, String)> = s
            .records
            .iter()
            .map(|r| {
                (
                    r.exercise.clone(),
                    r.detail[..10].to_owned(),
                    kind(&r.label).to_owned(),
                )
            })
            .collect();
        shown.sort();
        expected.sort();
        assert!(!expected.is_empty(), "records in the last 28 days");
        assert_eq!(shown, expected);
        let records = h.records_on(day).unwrap();
        for lift in &s.lifts {
            let best = records
                .iter()
                .find(|r| {
                    r.exercise_id == lift.exercise_id
                        && r.kind == crate::analytics::RecordKind::BestE1rm
                })
                .unwrap();
            assert_eq!(lift.records[1].value, format!("{:.1} kg", best.value));
            assert_eq!(lift.records[1].detail[..10], best.date.to_string());
        }
        s
    }

    #[test]
    fn first_run_is_the_empty_state() {
        let h = heft();
        let s = h.progress_screen(today(), Language::En).unwrap();
        assert!(s.empty.is_some());
        assert!(s.lifts.is_empty());
        assert_eq!(s.minutes.bars.len(), 5);
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn a_year_of_training() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        a_year(&h, WeightUnit::Kg);
        every_message_is_in_the_catalog(&h);
        let s = agrees_with_stats(&h, today());
        assert!(s.empty.is_none());
        let ids: Vec<&str> = s.lifts.iter().map(|l| l.exercise_id.as_str()).collect();
        assert_eq!(
            ids,
            ["bench-press", "back-squat", "deadlift", "overhead-press"]
        );
        for lift in &s.lifts {
            assert_eq!(lift.tone, crate::screens::Tone::Good, "{}", lift.title);
        }
        // A day in the past shows what was true then: nothing logged after it.
        let past = NaiveDate::from_ymd_opt(2026, 10, 28).unwrap();
        let then = agrees_with_stats(&h, past);
        assert!(
            then.lifts
                .iter()
                .all(|l| l.chart.points.iter().all(|p| p.date <= past))
        );
        insta::assert_json_snapshot!(trimmed(s));
    }

    /// The quick reads (records, points and the last heavy lift found by
    /// index) give the screen that folding every row gives, which is what
    /// a reader meets when another program changed the file.
    #[test]
    fn the_quick_reads_give_the_screen_every_row_gives() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Normal);
        a_year(&h, WeightUnit::Kg);
        // A set edited to be the heaviest, so a record sits mid-history.
        let first = h.history(&crate::heft::HistoryQuery::default()).unwrap();
        let old = first[first.len() / 2]
            .sets
            .iter()
            .find(|s| s.input.kind == SetKind::Working && s.input.exercise_id != "box-jump")
            .unwrap();
        let mut heavier = old.input.clone();
        heavier.load = crate::model::Load::Weight {
            weight: crate::model::Weight::new(200.0, WeightUnit::Kg).unwrap(),
        };
        h.edit_set(&old.id, heavier).unwrap();
        for language in Language::ALL {
            let quick = h.progress_screen(today(), language).unwrap();
            h.write_for_tests(crate::store::derived::forget_rows);
            let from_sets = h.progress_screen(today(), language).unwrap();
            assert_eq!(quick, from_sets);
            let edited = quick
                .lifts
                .iter()
                .find(|l| l.exercise_id == old.input.exercise_id)
                .unwrap();
            assert!(
                edited.records[0].value.starts_with("200"),
                "{:?}",
                edited.records[0]
            );
            // The next write brings the rows back.
            h.update_profile(&ProfileUpdate::default()).unwrap();
        }
    }

    #[test]
    fn low_bone_mass_says_why_the_dose_matters() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Osteoporosis);
        a_year(&h, WeightUnit::Kg);
        let s = h.progress_screen(today(), Language::En).unwrap();
        assert_eq!(s.bone.notes.len(), 2);
        insta::assert_json_snapshot!(s.bone);
    }

    #[test]
    fn a_pound_profile_reads_in_pounds() {
        let h = lifter(WeightUnit::Lb, BoneStatus::Normal);
        a_year(&h, WeightUnit::Lb);
        let s = h.progress_screen(today(), Language::En).unwrap();
        assert!(s.lifts.iter().all(|l| l.current.ends_with(" lb")));
        insta::assert_json_snapshot!(trimmed(s));
    }

    #[test]
    fn german() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Osteopenia);
        a_year(&h, WeightUnit::Kg);
        let s = h.progress_screen(today(), Language::De).unwrap();
        assert!(s.lifts[0].current.contains(','));
        insta::assert_json_snapshot!(trimmed(s));
    }

    #[test]
    fn a_program_shows_its_lifts_even_before_an_estimate() {
        let h = lifter(WeightUnit::Kg, BoneStatus::Osteopenia);
        h.start_program("liftmor", today()).unwrap();
        let s = h.progress_screen(today(), Language::En).unwrap();
        assert!(!s.lifts.is_empty());
        assert!(s.lifts.iter().all(|l| l.current == "No estimate yet"));
        assert!(s.lifts.iter().all(|l| l.chart.empty.is_some()));
    }

    #[test]
    fn a_day_far_ahead_is_refused() {
        let h = heft();
        assert!(
            h.progress_screen(today() + Days::new(30), Language::En)
                .is_err()
        );
    }

    #[test]
    fn axis_bounds_hold_every_point_on_round_steps() {
        use crate::screens::progress::axis;
        assert_eq!(axis(97.3, 131.0), (90.0, 140.0, 10.0));
        assert_eq!(axis(50.0, 50.0), (45.0, 55.0, 2.5));
        assert_eq!(axis(0.5, 3.0), (0.0, 3.0, 1.0));
        let (lo, hi, step) = axis(212.4, 301.9);
        assert!(lo <= 212.4 && hi >= 301.9 && step == 25.0);
    }
}
