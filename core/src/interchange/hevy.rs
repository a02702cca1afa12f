//! Hevy's CSV export, one row per set:
//! `"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"`,
//! or with `weight_lbs` / `distance_miles` (`distance_meters` is accepted too).
//!
//! Times look like "26 Jul 2025, 07:06" (local). `set_type` is
//! normal / warmup / dropset / failure. An empty `superset_id` is no
//! superset; "0" is a real id. The workout note is `description`, the set
//! note `exercise_notes` (Hevy repeats it on every set of the exercise).
//! `order` numbers the sets of each exercise in a workout in file order from
//! 1 (`set_index` restarts when an exercise appears twice in a workout).

use std::collections::VecDeque;

use super::numbers::{
    count, distance, name, note, opt_name, opt_time_cell, quote, rpe, seconds_ms, time_cell, weight,
};
use super::reader::{Col, Header, Row, SetCounter, need};
use super::{CsvError, CsvLoad, CsvRow, CsvSet, CsvWorkout};
use crate::model::{DistanceUnit, SetKind, WeightUnit};

const LAYOUT: &str = "Hevy";

/// The Hevy reader: where each column is.
#[derive(Debug)]
pub(crate) struct Hevy {
    title: Col,
    start: Col,
    end: Option<Col>,
    description: Option<Col>,
    exercise: Col,
    superset: Option<Col>,
    exercise_notes: Option<Col>,
    set_type: Option<Col>,
    weight: Col,
    unit: WeightUnit,
    reps: Col,
    distance: Option<(Col, DistanceUnit, f64)>,
    duration: Option<Col>,
    rpe: Option<Col>,
    counter: SetCounter,
}

/// `true` when the header is a Hevy export's.
pub(crate) fn matches(header: &Header) -> bool {
    header.find(&["exercise_title"]).is_some()
        && header.find(&["start_time"]).is_some()
        && header.find(&["set_type", "set_index"]).is_some()
}

impl Hevy {
    /// Maps a Hevy header by column name.
    pub(crate) fn new(header: &Header) -> Result<Self, CsvError> {
        let (weight, unit) = if let Some(c) = header.find(&["weight_kg"]) {
            (c, WeightUnit::Kg)
        } else if let Some(c) = header.find(&["weight_lbs", "weight_lb"]) {
            (c, WeightUnit::Lb)
        } else {
            return Err(CsvError::MissingColumn {
                layout: LAYOUT,
                column: "weight_kg".to_string(),
            });
        };
        let distance = [
            ("distance_km", DistanceUnit::Km, 1.0),
            ("distance_miles", DistanceUnit::Mi, 1.0),
            ("distance_mi", DistanceUnit::Mi, 1.0),
            ("distance_meters", DistanceUnit::M, 1.0),
            ("distance_m", DistanceUnit::M, 1.0),
        ]
        .iter()
        .find_map(|(n, u, f)| header.find(&[n]).map(|c| (c, *u, *f)));
        Ok(Hevy {
            title: need(header, LAYOUT, &["title"])?,
            start: need(header, LAYOUT, &["start_time"])?,
            end: header.find(&["end_time"]),
            description: header.find(&["description"]),
            exercise: need(header, LAYOUT, &["exercise_title"])?,
            superset: header.find(&["superset_id"]),
            exercise_notes: header.find(&["exercise_notes"]),
            set_type: header.find(&["set_type"]),
            weight,
            unit,
            reps: need(header, LAYOUT, &["reps"])?,
            distance,
            duration: header.find(&["duration_seconds"]),
            rpe: header.find(&["rpe"]),
            counter: SetCounter::default(),
        })
    }

    /// Reads one row into a set or a skip.
    pub(crate) fn read(&mut self, row: &Row<'_>, out: &mut VecDeque<CsvRow>) {
        out.push_back(CsvRow::from_result(row.line, self.set(row)));
    }

    fn set(&mut self, row: &Row<'_>) -> Result<CsvSet, String> {
        let title_raw = row.get(&self.title);
        let start_raw = row.get(&self.start);
        let exercise_raw = row.get(&self.exercise);
        let order = self.counter.next(
            &format!("{}\u{1f}{}", start_raw.trim(), title_raw.trim()),
            exercise_raw.trim(),
        );
        let exercise = name(exercise_raw);
        if exercise.is_empty() {
            return Err(format!("{}: empty", self.exercise.name));
        }
        let (start, time_known) = time_cell(&self.start.name, start_raw)?;
        let end = match &self.end {
            Some(c) => opt_time_cell(&c.name, row.get(c))?,
            None => None,
        };
        let kind = match &self.set_type {
            None => SetKind::Working,
            Some(c) => {
                let v = row.get(c).trim();
                match v.to_ascii_lowercase().as_str() {
                    "" | "normal" => SetKind::Working,
                    "warmup" | "warm_up" | "warm-up" => SetKind::Warmup,
                    "dropset" | "drop_set" | "drop" => SetKind::Drop,
                    "failure" => SetKind::Failure,
                    _ => {
                        return Err(format!(
                            "{}: '{}' is not normal, warmup, dropset or failure",
                            c.name,
                            quote(v)
                        ));
                    }
                }
            }
        };
        let load = weight(&self.weight.name, row.get(&self.weight), self.unit)?;
        let reps = count(&self.reps.name, row.get(&self.reps))?;
        let distance = match &self.distance {
            Some((c, u, f)) => distance(&c.name, row.get(c), *u, *f)?,
            None => None,
        };
        let duration_ms = match &self.duration {
            Some(c) => seconds_ms(&c.name, row.get(c))?,
            None => None,
        };
        let effort = match &self.rpe {
            Some(c) => rpe(&c.name, row.get(c))?,
            None => None,
        };
        let superset = self.superset.as_ref().and_then(|c| {
            let v = row.get(c).trim();
            (!v.is_empty()).then(|| v.to_string())
        });
        Ok(CsvSet {
            line: row.line,
            id: None,
            workout: CsvWorkout {
                id: None,
                start,
                time_known,
                name: opt_name(title_raw),
                duration_s: None,
                end,
                note: note(row.opt(&self.description)),
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
            duration_ms,
            distance,
            landings: None,
            drop_height_cm: None,
            pain: None,
            note: note(row.opt(&self.exercise_notes)),
            target: None,
            performed_at: None,
            superset,
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
    use crate::model::{Distance, Effort, Weight};
    use chrono::NaiveDate;

    const HEADER: &str = "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe";

    fn hevy() -> Hevy {
        Hevy::new(&Header::new(HEADER.split(',').map(String::from).collect())).unwrap()
    }

    fn read(h: &mut Hevy, fields: &[&str]) -> CsvRow {
        let mut out = VecDeque::new();
        h.read(&Row { line: 7, fields }, &mut out);
        out.pop_front().unwrap()
    }

    #[test]
    fn maps_columns_and_units_by_name() {
        let h = hevy();
        assert_eq!(
            (h.exercise.idx, h.weight.idx, h.unit),
            (4, 9, WeightUnit::Lb)
        );
        assert_eq!(
            h.distance.as_ref().map(|(c, u, _)| (c.idx, *u)),
            Some((11, DistanceUnit::Mi))
        );
        let h = Hevy::new(&Header::new(
            "exercise_title,weight_kg,reps,title,start_time,set_type,distance_meters"
                .split(',')
                .map(String::from)
                .collect(),
        ))
        .unwrap();
        assert_eq!(
            (h.exercise.idx, h.weight.idx, h.unit),
            (0, 1, WeightUnit::Kg)
        );
        assert_eq!(
            h.distance.as_ref().map(|(_, u, _)| *u),
            Some(DistanceUnit::M)
        );
        assert!(Hevy::new(&Header::new(vec!["title".into(), "start_time".into()])).is_err());
    }

    #[test]
    fn reads_types_supersets_and_times() {
        let mut h = hevy();
        let CsvRow::Set(s) = read(
            &mut h,
            &[
                "Push",
                "8 Apr 2026, 16:50",
                "8 Apr 2026, 18:05",
                "",
                "Bench Press (Barbell)",
                "0",
                "felt good",
                "0",
                "warmup",
                "135",
                "10",
                "",
                "",
                "7.5",
            ],
        ) else {
            panic!()
        };
        let start = NaiveDate::from_ymd_opt(2026, 4, 8)
            .unwrap()
            .and_hms_opt(16, 50, 0)
            .unwrap();
        assert_eq!(s.workout.start, CsvTime::Local(start));
        assert!(s.workout.time_known);
        assert_eq!(
            s.workout.end,
            Some(CsvTime::Local(
                NaiveDate::from_ymd_opt(2026, 4, 8)
                    .unwrap()
                    .and_hms_opt(18, 5, 0)
                    .unwrap()
            ))
        );
        assert_eq!(s.kind, SetKind::Warmup);
        assert_eq!(s.superset.as_deref(), Some("0"));
        assert_eq!(s.note.as_deref(), Some("felt good"));
        assert_eq!(s.effort, Some(Effort::Rpe(7.5)));
        assert_eq!(
            s.load,
            CsvLoad::Weight(Some(Weight::from_milli(135_000, WeightUnit::Lb)))
        );
        assert_eq!(s.order, 1);
        let CsvRow::Set(t) = read(
            &mut h,
            &[
                "Push",
                "8 Apr 2026, 16:50",
                "",
                "",
                "Treadmill",
                "",
                "",
                "0",
                "normal",
                "",
                "",
                "1.5",
                "600",
                "",
            ],
        ) else {
            panic!()
        };
        assert_eq!(t.superset, None);
        assert_eq!(t.load, CsvLoad::Weight(None));
        assert_eq!(
            t.distance,
            Some(Distance::from_milli(1_500, DistanceUnit::Mi))
        );
        assert_eq!(t.duration_ms, Some(600_000));
        assert_eq!(t.workout.end, None);
        assert_eq!(
            read(
                &mut h,
                &[
                    "Push",
                    "8 Apr 2026, 16:50",
                    "",
                    "",
                    "Row",
                    "",
                    "",
                    "0",
                    "superset",
                    "1",
                    "1",
                    "",
                    "",
                    ""
                ]
            ),
            CsvRow::Skip {
                line: 7,
                reason: "set_type: 'superset' is not normal, warmup, dropset or failure".into()
            }
        );
        assert_eq!(
            read(
                &mut h,
                &[
                    "Push", "someday", "", "", "Row", "", "", "0", "normal", "1", "1", "", "", ""
                ]
            ),
            CsvRow::Skip {
                line: 7,
                reason: "start_time: 'someday' is not a date".into()
            }
        );
    }
}
