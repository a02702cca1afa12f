//! FitNotes' CSV export (Android), one row per set:
//! `Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment`
//! (`Comment` may be absent), or the older header with the unit in the
//! weight column's name: `Weight (kgs)` / `Weight (lbs)`.
//!
//! Dates have no time: the workout starts at 00:00 with `time_known` false,
//! one workout per date, unnamed. `Time` is H:MM:SS. FitNotes has no set
//! order: sets are numbered per (date, exercise) in file order from 1.
//!
//! FitNotes writes exercise names with commas unquoted, so such a row has
//! more fields than the header. The surplus fields are joined back into the
//! `Exercise` name (or, when that does not give a readable row, into
//! `Comment`, then `Category`); such rows are counted by
//! [`FitNotes::repaired`].

use std::collections::VecDeque;

use super::numbers::{
    count, distance, length_unit, name, note, opt_name, parse_clock_duration, quote, seconds_ms,
    time_cell, weight, weight_unit,
};
use super::reader::{Col, Header, ReadOptions, Row, SetCounter, need};
use super::{CsvError, CsvLoad, CsvRow, CsvSet, CsvWorkout};
use crate::model::{DistanceUnit, SetKind, WeightUnit};

const LAYOUT: &str = "FitNotes";

/// At most this many surplus fields are joined back into a name.
const MAX_SURPLUS_FIELDS: usize = 32;

#[derive(Debug, Clone)]
enum UnitFrom {
    Fixed(WeightUnit),
    Column(Col),
}

/// The FitNotes reader: where each column is.
#[derive(Debug)]
pub(crate) struct FitNotes {
    date: Col,
    exercise: Col,
    category: Option<Col>,
    weight: Col,
    unit: UnitFrom,
    reps: Col,
    distance: Option<Col>,
    distance_unit: Option<Col>,
    time: Option<Col>,
    comment: Option<Col>,
    columns: usize,
    default_unit: WeightUnit,
    default_distance: DistanceUnit,
    /// Whether the header names the unit of weights.
    unit_named: bool,
    last_unit: Option<WeightUnit>,
    repaired: u64,
    counter: SetCounter,
}

/// `true` when the header is a FitNotes export's.
pub(crate) fn matches(header: &Header) -> bool {
    ["date", "exercise", "category", "reps"]
        .iter()
        .all(|c| header.find(&[c]).is_some())
}

impl FitNotes {
    /// Maps a FitNotes header by column name.
    pub(crate) fn new(header: &Header, opts: &ReadOptions) -> Result<Self, CsvError> {
        let (weight, unit) = if let Some(c) = header.find(&["Weight (kgs)", "Weight (kg)"]) {
            (c, UnitFrom::Fixed(WeightUnit::Kg))
        } else if let Some(c) = header.find(&["Weight (lbs)", "Weight (lb)"]) {
            (c, UnitFrom::Fixed(WeightUnit::Lb))
        } else {
            let c = need(header, LAYOUT, &["Weight"])?;
            match header.find(&["Weight Unit"]) {
                Some(u) => (c, UnitFrom::Column(u)),
                None => (c, UnitFrom::Fixed(opts.default_unit)),
            }
        };
        let unit_named = !matches!(unit, UnitFrom::Fixed(_))
            || header
                .find(&["Weight (kgs)", "Weight (kg)", "Weight (lbs)", "Weight (lb)"])
                .is_some();
        Ok(FitNotes {
            unit_named,
            date: need(header, LAYOUT, &["Date"])?,
            exercise: need(header, LAYOUT, &["Exercise"])?,
            category: header.find(&["Category"]),
            weight,
            unit,
            reps: need(header, LAYOUT, &["Reps"])?,
            distance: header.find(&["Distance"]),
            distance_unit: header.find(&["Distance Unit"]),
            time: header.find(&["Time"]),
            comment: header.find(&["Comment", "Comments", "Notes"]),
            columns: header.len(),
            default_unit: opts.default_unit,
            default_distance: match opts.default_unit {
                WeightUnit::Kg => DistanceUnit::Km,
                WeightUnit::Lb => DistanceUnit::Mi,
            },
            last_unit: None,
            repaired: 0,
            counter: SetCounter::default(),
        })
    }

    /// Whether the header names the unit of weights.
    pub(crate) fn names_weight_unit(&self) -> bool {
        self.unit_named
    }

    /// Rows recovered from unquoted commas so far.
    pub(crate) fn repaired(&self) -> u64 {
        self.repaired
    }

    /// Reads one row (repairing surplus fields) into a set or a skip.
    pub(crate) fn read(&mut self, row: &Row<'_>, out: &mut VecDeque<CsvRow>) {
        let surplus = row.fields.len().saturating_sub(self.columns);
        let result = if surplus == 0 {
            self.set(row)
        } else if surplus > MAX_SURPLUS_FIELDS {
            Err(format!(
                "{} fields where the header has {}",
                row.fields.len(),
                self.columns
            ))
        } else {
            let mut first_err = None;
            let mut found = None;
            let candidates = [
                Some(self.exercise.idx),
                self.comment.as_ref().map(|c| c.idx),
                self.category.as_ref().map(|c| c.idx),
            ];
            for at in candidates.into_iter().flatten() {
                let Some(joined) = join_fields(row.fields, at, surplus) else {
                    continue;
                };
                let fields: Vec<&str> = splice(row.fields, at, surplus, &joined);
                let fixed = Row {
                    line: row.line,
                    fields: &fields,
                };
                match self.set(&fixed) {
                    Ok(set) => {
                        found = Some(set);
                        break;
                    }
                    Err(e) => {
                        first_err.get_or_insert(e);
                    }
                }
            }
            match found {
                Some(set) => {
                    self.repaired += 1;
                    Ok(set)
                }
                None => Err(first_err.unwrap_or_else(|| "fields do not match the header".into())),
            }
        };
        // Every row of an exercise takes a number, even one skipped, so that
        // fixing a bad row in the file does not renumber the rows after it.
        let date_key = row.get(&self.date).trim();
        out.push_back(match result {
            Ok(mut set) => {
                set.order = self.counter.next(date_key, &set.exercise);
                CsvRow::Set(Box::new(set))
            }
            Err(reason) => {
                self.counter.next(date_key, row.get(&self.exercise).trim());
                CsvRow::Skip {
                    line: row.line,
                    reason,
                }
            }
        });
    }

    fn set(&mut self, row: &Row<'_>) -> Result<CsvSet, String> {
        let date_raw = row.get(&self.date);
        let exercise_raw = row.get(&self.exercise);
        let exercise = name(exercise_raw);
        if exercise.is_empty() {
            return Err(format!("{}: empty", self.exercise.name));
        }
        let (start, time_known) = time_cell(&self.date.name, date_raw)?;
        let unit = match &self.unit {
            UnitFrom::Fixed(u) => *u,
            UnitFrom::Column(c) => match weight_unit(&c.name, row.get(c))? {
                Some(u) => u,
                None => self.last_unit.unwrap_or(self.default_unit),
            },
        };
        let load = weight(&self.weight.name, row.get(&self.weight), unit)?;
        let reps = count(&self.reps.name, row.get(&self.reps))?;
        let distance = match &self.distance {
            None => None,
            Some(col) => {
                let unit_raw = row.opt(&self.distance_unit).trim();
                let value = row.get(col);
                let zero = super::numbers::decimal(&col.name, value)?.unwrap_or(0.0) == 0.0;
                if zero {
                    // FitNotes writes a unit (even "kg") beside an empty distance.
                    None
                } else {
                    let (u, factor) = if unit_raw.is_empty() {
                        (self.default_distance, 1.0)
                    } else {
                        length_unit(unit_raw).ok_or_else(|| {
                            format!(
                                "{}: '{}' is not a unit of distance",
                                self.distance_unit
                                    .as_ref()
                                    .map_or("Distance Unit", |c| c.name.as_str()),
                                quote(unit_raw)
                            )
                        })?
                    };
                    distance(&col.name, value, u, factor)?
                }
            }
        };
        let duration_ms = match &self.time {
            None => None,
            Some(col) => {
                let v = row.get(col).trim();
                if v.is_empty() {
                    None
                } else if v.contains(':') {
                    parse_clock_duration(v)
                        .map(|ms| (ms > 0).then_some(ms))
                        .ok_or_else(|| format!("{}: '{}' is not a duration", col.name, quote(v)))?
                } else {
                    seconds_ms(&col.name, v)?
                }
            }
        };
        if let UnitFrom::Column(_) = self.unit {
            self.last_unit = Some(unit);
        }
        Ok(CsvSet {
            line: row.line,
            id: None,
            workout: CsvWorkout {
                id: None,
                start,
                time_known,
                name: None,
                duration_s: None,
                end: None,
                note: None,
                body_weight: None,
            },
            exercise,
            exercise_id: None,
            category: self.category.as_ref().and_then(|c| opt_name(row.get(c))),
            order: 0,
            kind: SetKind::Working,
            load: CsvLoad::Weight(load),
            reps,
            effort: None,
            duration_ms,
            distance,
            landings: None,
            drop_height_cm: None,
            pain: None,
            note: note(row.opt(&self.comment)),
            target: None,
            performed_at: None,
            superset: None,
            role: None,
            effort_source: None,
            band: None,
        })
    }
}

/// Fields `at..=at + surplus` joined with the commas that split them.
fn join_fields(fields: &[&str], at: usize, surplus: usize) -> Option<String> {
    fields
        .get(at..=at.checked_add(surplus)?)
        .map(|p| p.join(","))
}

/// `fields` with `at..=at + surplus` replaced by `joined`.
fn splice<'a>(fields: &[&'a str], at: usize, surplus: usize, joined: &'a str) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(fields.len().saturating_sub(surplus));
    out.extend(fields.iter().take(at).copied());
    out.push(joined);
    out.extend(fields.iter().skip(at + surplus + 1).copied());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Weight;

    fn reader(line: &str) -> FitNotes {
        FitNotes::new(
            &Header::new(line.split(',').map(String::from).collect()),
            &ReadOptions::default(),
        )
        .unwrap()
    }

    fn read(f: &mut FitNotes, line: &str) -> CsvRow {
        let fields: Vec<&str> = line.split(',').collect();
        let mut out = VecDeque::new();
        f.read(
            &Row {
                line: 3,
                fields: &fields,
            },
            &mut out,
        );
        out.pop_front().unwrap()
    }

    #[test]
    fn maps_both_headers() {
        let f = reader(
            "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment",
        );
        assert!(matches!(&f.unit, UnitFrom::Column(c) if c.idx == 4));
        assert_eq!(f.comment.as_ref().map(|c| c.idx), Some(9));
        let f = reader("Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time");
        assert!(matches!(f.unit, UnitFrom::Fixed(WeightUnit::Lb)));
        assert_eq!(f.reps.idx, 4);
        assert!(f.comment.is_none());
        let f = reader("Date,Exercise,Category,Weight (kgs),Reps");
        assert!(matches!(f.unit, UnitFrom::Fixed(WeightUnit::Kg)));
    }

    #[test]
    fn repairs_unquoted_commas_in_names() {
        let mut f =
            reader("Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time");
        let CsvRow::Set(s) = read(
            &mut f,
            "2025-04-29,Overhead Press (Each Side, Dumbbells),Shoulders,8.0,kgs,5,,,",
        ) else {
            panic!()
        };
        assert_eq!(s.exercise, "Overhead Press (Each Side, Dumbbells)");
        assert_eq!(s.category.as_deref(), Some("Shoulders"));
        assert_eq!(
            s.load,
            CsvLoad::Weight(Some(Weight::from_milli(8_000, WeightUnit::Kg)))
        );
        assert_eq!(s.reps, Some(5));
        assert_eq!(f.repaired(), 1);
        let CsvRow::Set(s) = read(&mut f, "2025-04-29,A, B, C,Shoulders,8.0,kgs,5,,,") else {
            panic!()
        };
        assert_eq!(s.exercise, "A, B, C");
        assert_eq!(s.order, 1);
        assert_eq!(f.repaired(), 2);
        let CsvRow::Set(s) = read(&mut f, "2025-04-29,A, B, C,Shoulders,9.0,kgs,5,,,") else {
            panic!()
        };
        assert_eq!(s.order, 2);
    }

    #[test]
    fn repairs_commas_in_comments() {
        let mut f = reader(
            "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment",
        );
        let CsvRow::Set(s) = read(&mut f, "2019-03-04,Squat,Legs,100,kgs,5,,,,deep, slow") else {
            panic!()
        };
        assert_eq!(s.exercise, "Squat");
        assert_eq!(s.note.as_deref(), Some("deep, slow"));
        assert_eq!(f.repaired(), 1);
    }

    #[test]
    fn times_distances_and_dates() {
        let mut f = reader("Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time");
        let CsvRow::Set(s) = read(
            &mut f,
            "2017-06-23,Running (Treadmill),Cardio,,,1.23,mi,0:09:21",
        ) else {
            panic!()
        };
        assert_eq!(s.duration_ms, Some(561_000));
        assert_eq!(s.distance.map(|d| d.milli()), Some(1_230));
        assert!(!s.workout.time_known);
        assert_eq!(s.workout.name, None);
        assert_eq!(s.load, CsvLoad::Weight(None));
        let CsvRow::Set(s) = read(&mut f, "2017-08-10,Side Plank,Abs,,,0.0,kg,0:00:00") else {
            panic!()
        };
        assert_eq!((s.distance, s.duration_ms), (None, None));
        assert_eq!(
            read(&mut f, "2017-08-10,Run,Cardio,,,2,parsecs,0:10:00"),
            CsvRow::Skip {
                line: 3,
                reason: "Distance Unit: 'parsecs' is not a unit of distance".into()
            }
        );
        assert_eq!(
            read(&mut f, "2017-08-10,Run,Cardio,,,,,9:99"),
            CsvRow::Skip {
                line: 3,
                reason: "Time: '9:99' is not a duration".into()
            }
        );
        assert_eq!(
            read(&mut f, "04-03-2019,Squat,Legs,100,5,,,"),
            CsvRow::Skip {
                line: 3,
                reason: "Date: '04-03-2019' is not a date".into()
            }
        );
    }
}
