//! Liftosaur's CSV export, one row per set, prescribed and done side by
//! side. Headers change between versions; the current one is
//! `Workout DateTime,Program,Day Name,Exercise,Is Warmup Set?,Required Reps,Completed Reps,Is AMRAP?,Required RPE,Completed RPE,Log RPE?,Required Weight Value,Required Weight Unit,Completed Weight Value,Completed Weight Unit,Ask Weight?,Completed Reps Time,Target Muscles,Synergist Muscles,Notes`;
//! older ones have `Day` for `Day Name`, a single `RPE` (the RPE done), a
//! single `Weight Value`/`Weight Unit` pair (the weight both prescribed and
//! lifted), an `Equipment` column, or an `Is Completed?` column.
//!
//! A set is done when `Is Completed?` says so or, without that column, when
//! `Completed Reps` is filled; other rows are skipped ("not completed").
//! Completed reps and weight are the set; required reps and weight are its
//! `target` (`rir` left empty). `Workout DateTime` is the workout's start
//! (Liftosaur writes UTC with `Z`, read as an exact instant);
//! `Completed Reps Time` is when the set was done. The workout is named by
//! `Day Name`, else `Program`. With an `Equipment` column the exercise is
//! named "Name, Equipment" as Liftosaur itself spells full names.

use std::collections::VecDeque;

use super::numbers::{
    count, flag, name, note, opt_name, opt_time_cell, rpe, time_cell, weight, weight_unit,
};
use super::reader::{Col, Header, ReadOptions, Row, SetCounter, need};
use super::{CsvError, CsvLoad, CsvRow, CsvSet, CsvWorkout};
use crate::model::{SetKind, SetTarget, Weight, WeightUnit};

const LAYOUT: &str = "Liftosaur";

/// The Liftosaur reader: where each column is.
#[derive(Debug)]
pub(crate) struct Liftosaur {
    when: Col,
    program: Option<Col>,
    day: Option<Col>,
    exercise: Col,
    equipment: Option<Col>,
    warmup: Option<Col>,
    required_reps: Option<Col>,
    completed_reps: Col,
    rpe: Option<Col>,
    required_weight: Option<(Col, Option<Col>)>,
    completed_weight: Option<(Col, Option<Col>)>,
    done_at: Option<Col>,
    is_completed: Option<Col>,
    notes: Option<Col>,
    default_unit: WeightUnit,
    counter: SetCounter,
}

/// `true` when the header is a Liftosaur export's.
pub(crate) fn matches(header: &Header) -> bool {
    ["Workout DateTime", "Exercise", "Completed Reps"]
        .iter()
        .all(|c| header.find(&[c]).is_some())
}

impl Liftosaur {
    /// Maps a Liftosaur header by column name.
    pub(crate) fn new(header: &Header, opts: &ReadOptions) -> Result<Self, CsvError> {
        let pair =
            |value: &[&str], unit: &[&str]| header.find(value).map(|v| (v, header.find(unit)));
        let required_weight = pair(
            &["Required Weight Value", "Weight Value"],
            &["Required Weight Unit", "Weight Unit"],
        );
        let completed_weight = pair(&["Completed Weight Value"], &["Completed Weight Unit"]);
        Ok(Liftosaur {
            when: need(header, LAYOUT, &["Workout DateTime"])?,
            program: header.find(&["Program"]),
            day: header.find(&["Day Name", "Day"]),
            exercise: need(header, LAYOUT, &["Exercise"])?,
            equipment: header.find(&["Equipment"]),
            warmup: header.find(&["Is Warmup Set?"]),
            required_reps: header.find(&["Required Reps"]),
            completed_reps: need(header, LAYOUT, &["Completed Reps"])?,
            rpe: header.find(&["Completed RPE", "RPE"]),
            // Old exports have one weight pair: what was lifted.
            completed_weight: completed_weight.clone().or_else(|| required_weight.clone()),
            required_weight,
            done_at: header.find(&["Completed Reps Time"]),
            is_completed: header.find(&["Is Completed?"]),
            notes: header.find(&["Notes"]),
            default_unit: opts.default_unit,
            counter: SetCounter::default(),
        })
    }

    /// Whether the file names the unit of the weights lifted (a file
    /// without weights has none to name).
    pub(crate) fn names_weight_unit(&self) -> bool {
        self.completed_weight
            .as_ref()
            .is_none_or(|(_, unit)| unit.is_some())
    }

    /// Reads one row into a set or a skip.
    pub(crate) fn read(&mut self, row: &Row<'_>, out: &mut VecDeque<CsvRow>) {
        out.push_back(CsvRow::from_result(row.line, self.set(row)));
    }

    fn weight_of(
        &self,
        row: &Row<'_>,
        pair: &Option<(Col, Option<Col>)>,
    ) -> Result<Option<Weight>, String> {
        let Some((value, unit)) = pair else {
            return Ok(None);
        };
        let unit = match unit {
            Some(u) => weight_unit(&u.name, row.get(u))?.unwrap_or(self.default_unit),
            None => self.default_unit,
        };
        weight(&value.name, row.get(value), unit)
    }

    fn set(&mut self, row: &Row<'_>) -> Result<CsvSet, String> {
        let when_raw = row.get(&self.when);
        let mut exercise = name(row.get(&self.exercise));
        if let Some(eq) = self.equipment.as_ref().map(|c| row.get(c).trim()) {
            if !eq.is_empty() && !exercise.is_empty() {
                let mut chars = eq.chars();
                let eq: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                exercise = name(&format!("{exercise}, {eq}"));
            }
        }
        let order = self.counter.next(when_raw.trim(), &exercise);
        let reps_raw = row.get(&self.completed_reps);
        let completed = match &self.is_completed {
            Some(c) => flag(&c.name, row.get(c))?,
            None => !reps_raw.trim().is_empty(),
        };
        if !completed {
            return Err("not completed".to_string());
        }
        if exercise.is_empty() {
            return Err(format!("{}: empty", self.exercise.name));
        }
        let (start, time_known) = time_cell(&self.when.name, when_raw)?;
        let kind = match &self.warmup {
            Some(c) if flag(&c.name, row.get(c))? => SetKind::Warmup,
            _ => SetKind::Working,
        };
        let reps = count(&self.completed_reps.name, reps_raw)?;
        let load = self.weight_of(row, &self.completed_weight)?;
        let target_weight = self.weight_of(row, &self.required_weight)?;
        let target_reps = match &self.required_reps {
            Some(c) => count(&c.name, row.get(c))?,
            None => None,
        };
        let target = (target_weight.is_some() || target_reps.is_some()).then_some(SetTarget {
            weight: target_weight,
            reps: target_reps,
            rir: None,
        });
        let effort = match &self.rpe {
            Some(c) => rpe(&c.name, row.get(c))?,
            None => None,
        };
        let performed_at = match &self.done_at {
            Some(c) => opt_time_cell(&c.name, row.get(c))?,
            None => None,
        };
        let workout_name =
            opt_name(row.opt(&self.day)).or_else(|| opt_name(row.opt(&self.program)));
        Ok(CsvSet {
            line: row.line,
            id: None,
            workout: CsvWorkout {
                id: None,
                start,
                time_known,
                name: workout_name,
                duration_s: None,
                end: None,
                note: None,
                body_weight: None,
            },
            exercise,
            exercise_id: None,
            category: None,
            order,
            kind,
            load: CsvLoad::Weight(load),
            reps,
            effort,
            duration_ms: None,
            distance: None,
            landings: None,
            drop_height_cm: None,
            pain: None,
            note: note(row.opt(&self.notes)),
            target,
            performed_at,
            superset: None,
            role: None,
            effort_source: None,
            band: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::CsvTime;
    use crate::model::Effort;

    const BRIEF: &str = "Workout DateTime,Program,Day,Exercise,Is Warmup Set?,Required Reps,Completed Reps,RPE,Completed Reps Time,Required Weight Value,Required Weight Unit,Completed Weight Value,Completed Weight Unit,Is Completed?";
    const CURRENT: &str = "Workout DateTime,Program,Day Name,Exercise,Is Warmup Set?,Required Reps,Completed Reps,Is AMRAP?,Required RPE,Completed RPE,Log RPE?,Required Weight Value,Required Weight Unit,Completed Weight Value,Completed Weight Unit,Ask Weight?,Completed Reps Time,Target Muscles,Synergist Muscles,Notes";
    const OLD: &str = "Workout DateTime,Program,Day Name,Exercise,Equipment,Is Warmup Set?,Required Reps,Completed Reps,RPE,Is AMRAP?,Weight Value,Weight Unit,Completed Reps Time,Target Muscles,Synergist Muscles,Notes";

    fn lift(h: &str) -> Liftosaur {
        Liftosaur::new(
            &Header::new(h.split(',').map(String::from).collect()),
            &ReadOptions::default(),
        )
        .unwrap()
    }

    fn read(l: &mut Liftosaur, line: &str) -> CsvRow {
        let fields: Vec<&str> = line.split(',').collect();
        let mut out = VecDeque::new();
        l.read(
            &Row {
                line: 5,
                fields: &fields,
            },
            &mut out,
        );
        out.pop_front().unwrap()
    }

    #[test]
    fn maps_the_three_headers() {
        let l = lift(BRIEF);
        assert_eq!(l.day.as_ref().map(|c| c.idx), Some(2));
        assert_eq!(
            l.completed_weight
                .as_ref()
                .map(|(c, u)| (c.idx, u.as_ref().map(|u| u.idx))),
            Some((11, Some(12)))
        );
        assert_eq!(l.required_weight.as_ref().map(|(c, _)| c.idx), Some(9));
        assert_eq!(l.is_completed.as_ref().map(|c| c.idx), Some(13));
        let l = lift(CURRENT);
        assert_eq!(l.rpe.as_ref().map(|c| c.idx), Some(9));
        assert_eq!(l.completed_weight.as_ref().map(|(c, _)| c.idx), Some(13));
        let l = lift(OLD);
        assert_eq!(l.completed_weight.as_ref().map(|(c, _)| c.idx), Some(10));
        assert_eq!(l.equipment.as_ref().map(|c| c.idx), Some(4));
    }

    #[test]
    fn completed_sets_with_targets() {
        let mut l = lift(BRIEF);
        let CsvRow::Set(s) = read(
            &mut l,
            "2024-01-15T10:00:00.000Z,GZCLP,Day 1,Squat,0,5,6,8.5,2024-01-15T10:05:00.000Z,100,kg,102.5,kg,1",
        ) else {
            panic!()
        };
        assert!(matches!(s.workout.start, CsvTime::Exact(_)));
        assert_eq!(s.workout.name.as_deref(), Some("Day 1"));
        assert_eq!(s.reps, Some(6));
        assert_eq!(
            s.load,
            CsvLoad::Weight(Some(Weight::from_milli(102_500, WeightUnit::Kg)))
        );
        assert_eq!(
            s.target,
            Some(SetTarget {
                weight: Some(Weight::from_milli(100_000, WeightUnit::Kg)),
                reps: Some(5),
                rir: None
            })
        );
        assert_eq!(s.effort, Some(Effort::Rpe(8.5)));
        assert!(matches!(s.performed_at, Some(CsvTime::Exact(_))));
        assert_eq!(
            read(
                &mut l,
                "2024-01-15T10:00:00.000Z,GZCLP,Day 1,Squat,0,5,,,,100,kg,,,0"
            ),
            CsvRow::Skip {
                line: 5,
                reason: "not completed".into()
            }
        );
        let CsvRow::Set(w) = read(
            &mut l,
            "2024-01-15T10:00:00.000Z,GZCLP,Day 1,Squat,1,5,5,,,45,lb,45,lb,true",
        ) else {
            panic!()
        };
        assert_eq!(w.kind, SetKind::Warmup);
        assert_eq!(w.order, 3);
    }

    #[test]
    fn old_exports_name_equipment_and_share_one_weight() {
        let mut l = lift(OLD);
        let CsvRow::Set(s) = read(
            &mut l,
            "2021-03-01T18:00:00.000Z,5/3/1,Day A,Bench Press,barbell,0,5,5,,0,135,lb,,,,",
        ) else {
            panic!()
        };
        assert_eq!(s.exercise, "Bench Press, Barbell");
        assert_eq!(
            s.load,
            CsvLoad::Weight(Some(Weight::from_milli(135_000, WeightUnit::Lb)))
        );
        assert_eq!(
            s.target.and_then(|t| t.weight),
            Some(Weight::from_milli(135_000, WeightUnit::Lb))
        );
        assert_eq!(
            read(
                &mut l,
                "2021-03-01T18:00:00.000Z,5/3/1,Day A,Bench Press,barbell,0,5,five,,0,135,lb,,,,"
            ),
            CsvRow::Skip {
                line: 5,
                reason: "Completed Reps: 'five' is not a number".into()
            }
        );
    }
}
