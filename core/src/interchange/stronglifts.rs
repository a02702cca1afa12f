//! StrongLifts 5x5's CSV export, in its two layouts (no real file was
//! available; the layouts follow published headers and importers of them,
//! see tests/fixtures/csv/README.md):
//!
//! - current, one row per exercise:
//!   `Date (yyyy/mm/dd),Workout,Workout Name,Program Name,Body Weight (KG),Exercise,…,Duration (hours),Start Time (h:mm),End Time (h:mm),Notes,Set 1 (Reps), Set 1 (KG),Set 2 (Reps), Set 2 (KG),…`
//!   (or `(LB)`), and shorter variants such as
//!   `Date,Workout,Exercise,Set 1 (Reps),Set 1 (KG),…,Body Weight (KG),Notes`;
//! - legacy, one row per workout:
//!   `Date,Note,Body Weight (KG),Body Weight (LB),Exercise 1,Weight (KG),Weight (LB),Set 1,…,Set 5,Exercise 2,…`
//!   with US dates (MM/DD/YY).
//!
//! Every set cell with reps written becomes one set whose `order` is the
//! set number in the column name; a blank cell was never a set. A reps cell
//! "5×20" (reps × weight, as StrongLifts writes a top set) gives 5 reps and,
//! when the weight cell is blank, 20 as the weight; a cell "0:45" is a timed
//! set. Body weight goes to the workout, `Notes`/`Note` to the workout note.

use std::collections::VecDeque;

use chrono::{NaiveDate, NaiveTime, TimeDelta};

use super::numbers::{
    count, decimal, name, note, opt_name, parse_clock_duration, parse_time, parse_time_of_day,
    quote, weight,
};
use super::reader::{Col, Header, ReadOptions, Row};
use super::{CsvError, CsvLoad, CsvRow, CsvSet, CsvTime, CsvWorkout};
use crate::model::{SetKind, Weight, WeightUnit};

const LAYOUT: &str = "StrongLifts";

/// Set numbers above this are ignored (a header cannot sensibly have more).
const MAX_SET_NUMBER: u32 = 100;

/// One set's cells: its number, reps column and weight column with unit.
#[derive(Debug, Clone)]
struct SetCols {
    n: u32,
    reps: Col,
    weight: Option<(Col, WeightUnit)>,
}

/// One exercise block of the legacy layout.
#[derive(Debug, Clone)]
struct Block {
    exercise: Col,
    weight_kg: Option<Col>,
    weight_lb: Option<Col>,
    sets: Vec<(u32, Col)>,
}

#[derive(Debug)]
enum Shape {
    Current { exercise: Col, sets: Vec<SetCols> },
    Legacy { blocks: Vec<Block> },
}

/// The StrongLifts reader: where each column is.
#[derive(Debug)]
pub(crate) struct StrongLifts {
    date: Col,
    start_time: Option<Col>,
    end_time: Option<Col>,
    duration_hours: Option<Col>,
    workout_name: Option<Col>,
    body_weight: Option<(Col, WeightUnit)>,
    body_weight_other: Option<(Col, WeightUnit)>,
    notes: Option<Col>,
    shape: Shape,
    default_unit: WeightUnit,
    day_first: bool,
}

/// Splits a normalised "set 3 reps" / "set 3 kg" / "set 3" into (3, "reps"/"kg"/"").
fn set_column(norm: &str) -> Option<(u32, &str)> {
    let rest = norm.strip_prefix("set ")?;
    let (num, tail) = match rest.split_once(' ') {
        Some((n, t)) => (n, t),
        None => (rest, ""),
    };
    let n: u32 = num.parse().ok()?;
    (1..=MAX_SET_NUMBER).contains(&n).then_some((n, tail))
}

fn unit_word(w: &str) -> Option<WeightUnit> {
    match w {
        "kg" | "kgs" => Some(WeightUnit::Kg),
        "lb" | "lbs" => Some(WeightUnit::Lb),
        _ => None,
    }
}

fn date_col(header: &Header) -> Option<Col> {
    header
        .normalised()
        .iter()
        .position(|n| n == "date" || n.starts_with("date "))
        .and_then(|i| header.col(i))
}

fn current_sets(header: &Header) -> Vec<SetCols> {
    let mut sets: Vec<SetCols> = Vec::new();
    for (i, norm) in header.normalised().iter().enumerate() {
        let Some((n, tail)) = set_column(norm) else {
            continue;
        };
        let Some(col) = header.col(i) else { continue };
        let pos = match sets.iter().position(|s| s.n == n) {
            Some(p) => p,
            None => {
                // A placeholder until the reps column is seen.
                sets.push(SetCols {
                    n,
                    reps: Col {
                        idx: usize::MAX,
                        name: String::new(),
                    },
                    weight: None,
                });
                sets.len() - 1
            }
        };
        let Some(entry) = sets.get_mut(pos) else {
            continue;
        };
        if matches!(tail, "reps" | "rep") {
            entry.reps = col;
        } else if let Some(u) = unit_word(tail) {
            if entry.weight.is_none() {
                entry.weight = Some((col, u));
            }
        }
    }
    sets.retain(|s| s.reps.idx != usize::MAX);
    sets.sort_by_key(|s| s.n);
    sets
}

fn legacy_blocks(header: &Header) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for (i, norm) in header.normalised().iter().enumerate() {
        let Some(col) = header.col(i) else { continue };
        if norm
            .strip_prefix("exercise ")
            .is_some_and(|n| n.parse::<u32>().is_ok())
        {
            blocks.push(Block {
                exercise: col,
                weight_kg: None,
                weight_lb: None,
                sets: Vec::new(),
            });
            continue;
        }
        let Some(block) = blocks.last_mut() else {
            continue;
        };
        match norm.as_str() {
            "weight kg" | "weight kgs" => block.weight_kg = Some(col),
            "weight lb" | "weight lbs" => block.weight_lb = Some(col),
            _ => {
                if let Some((n, "")) = set_column(norm) {
                    block.sets.push((n, col));
                }
            }
        }
    }
    blocks.retain(|b| !b.sets.is_empty());
    blocks
}

/// `true` when the header is a StrongLifts export's.
pub(crate) fn matches(header: &Header) -> bool {
    date_col(header).is_some()
        && ((header.find(&["Exercise"]).is_some() && !current_sets(header).is_empty())
            || !legacy_blocks(header).is_empty())
}

impl StrongLifts {
    /// Maps a StrongLifts header by column name.
    pub(crate) fn new(header: &Header, opts: &ReadOptions) -> Result<Self, CsvError> {
        let date = date_col(header).ok_or_else(|| CsvError::MissingColumn {
            layout: LAYOUT,
            column: "Date".to_string(),
        })?;
        let shape = match header.find(&["Exercise"]) {
            Some(exercise) => {
                let sets = current_sets(header);
                if sets.is_empty() {
                    return Err(CsvError::MissingColumn {
                        layout: LAYOUT,
                        column: "Set 1 (Reps)".to_string(),
                    });
                }
                Shape::Current { exercise, sets }
            }
            None => {
                let blocks = legacy_blocks(header);
                if blocks.is_empty() {
                    return Err(CsvError::MissingColumn {
                        layout: LAYOUT,
                        column: "Exercise".to_string(),
                    });
                }
                Shape::Legacy { blocks }
            }
        };
        let kg = header.find(&["Body Weight (KG)", "Body Weight (kgs)"]);
        let lb = header.find(&["Body Weight (LB)", "Body Weight (lbs)"]);
        let plain = header.find(&["Body Weight", "Bodyweight"]);
        let mut bws = Vec::new();
        if let Some(c) = kg {
            bws.push((c, WeightUnit::Kg));
        }
        if let Some(c) = lb {
            bws.push((c, WeightUnit::Lb));
        }
        if let Some(c) = plain {
            bws.push((c, opts.default_unit));
        }
        let mut bws = bws.into_iter();
        Ok(StrongLifts {
            date,
            start_time: header
                .normalised()
                .iter()
                .position(|n| n == "start time" || n.starts_with("start time "))
                .and_then(|i| header.col(i)),
            end_time: header
                .normalised()
                .iter()
                .position(|n| n == "end time" || n.starts_with("end time "))
                .and_then(|i| header.col(i)),
            duration_hours: header.find(&["Duration (hours)"]),
            workout_name: header.find(&["Workout Name"]).or_else(|| {
                // Without "Workout Name", "Workout" is the name; beside it,
                // "Workout" is only a running number.
                header.find(&["Workout"])
            }),
            body_weight: bws.next(),
            body_weight_other: bws.next(),
            notes: header.find(&["Notes", "Note"]),
            shape,
            default_unit: opts.default_unit,
            day_first: false,
        })
    }

    /// Reads one record into its sets (and skips).
    pub(crate) fn read(&mut self, row: &Row<'_>, out: &mut VecDeque<CsvRow>) {
        let workout = match self.workout(row) {
            Ok(w) => w,
            Err(reason) => {
                out.push_back(CsvRow::Skip {
                    line: row.line,
                    reason,
                });
                return;
            }
        };
        match &self.shape {
            Shape::Current { exercise, sets } => {
                let ex = name(row.get(exercise));
                let any = sets.iter().any(|s| !row.get(&s.reps).trim().is_empty());
                if !any {
                    return;
                }
                if ex.is_empty() {
                    out.push_back(CsvRow::Skip {
                        line: row.line,
                        reason: format!("{}: empty", exercise.name),
                    });
                    return;
                }
                for s in sets {
                    let reps_raw = row.get(&s.reps);
                    if reps_raw.trim().is_empty() {
                        continue;
                    }
                    let load = match &s.weight {
                        Some((c, u)) => weight(&c.name, row.get(c), *u),
                        None => Ok(None),
                    };
                    let unit = s.weight.as_ref().map_or(self.default_unit, |(_, u)| *u);
                    out.push_back(one_set(
                        row.line,
                        &workout,
                        &ex,
                        s.n,
                        &s.reps.name,
                        reps_raw,
                        load,
                        unit,
                    ));
                }
            }
            Shape::Legacy { blocks } => {
                for b in blocks {
                    let ex = name(row.get(&b.exercise));
                    if ex.is_empty() {
                        continue;
                    }
                    let pick = |c: &Option<Col>, u: WeightUnit| -> Result<Option<Weight>, String> {
                        match c {
                            Some(c) => weight(&c.name, row.get(c), u),
                            None => Ok(None),
                        }
                    };
                    let (load, unit) = match pick(&b.weight_kg, WeightUnit::Kg) {
                        Ok(Some(w)) => (Ok(Some(w)), WeightUnit::Kg),
                        Ok(None) => (pick(&b.weight_lb, WeightUnit::Lb), WeightUnit::Lb),
                        Err(e) => (Err(e), WeightUnit::Kg),
                    };
                    for (n, c) in &b.sets {
                        let reps_raw = row.get(c);
                        if reps_raw.trim().is_empty() {
                            continue;
                        }
                        out.push_back(one_set(
                            row.line,
                            &workout,
                            &ex,
                            *n,
                            &c.name,
                            reps_raw,
                            load.clone(),
                            unit,
                        ));
                    }
                }
            }
        }
    }

    fn workout(&mut self, row: &Row<'_>) -> Result<CsvWorkout, String> {
        let date_raw = row.get(&self.date).trim();
        let date = self.date(date_raw)?;
        let at = |c: &Option<Col>| -> Result<Option<NaiveTime>, String> {
            let Some(c) = c else { return Ok(None) };
            let v = row.get(c).trim();
            if v.is_empty() {
                return Ok(None);
            }
            parse_time_of_day(v)
                .map(Some)
                .ok_or_else(|| format!("{}: '{}' is not a time of day", c.name, quote(v)))
        };
        let start_time = at(&self.start_time)?;
        let end_time = at(&self.end_time)?;
        let start = date.and_time(start_time.unwrap_or(NaiveTime::MIN));
        let end = match (start_time, end_time) {
            (Some(_), Some(e)) => {
                let mut end = date.and_time(e);
                if end < start {
                    end += TimeDelta::days(1);
                }
                Some(CsvTime::Local(end))
            }
            _ => None,
        };
        let duration_s = match &self.duration_hours {
            Some(c) => match decimal(&c.name, row.get(c))? {
                Some(h) if (0.0..=1000.0).contains(&h) => Some((h * 3600.0).round() as u32),
                Some(_) => {
                    return Err(format!(
                        "{}: '{}' is not a duration",
                        c.name,
                        quote(row.get(c).trim())
                    ));
                }
                None => None,
            },
            None => None,
        };
        let mut body_weight = None;
        for (c, u) in self.body_weight.iter().chain(self.body_weight_other.iter()) {
            if let Some(w) = weight(&c.name, row.get(c), *u)? {
                if w.milli() > 0 {
                    body_weight = Some(w);
                    break;
                }
            }
        }
        Ok(CsvWorkout {
            id: None,
            start: CsvTime::Local(start),
            time_known: start_time.is_some(),
            name: opt_name(row.opt(&self.workout_name)),
            duration_s,
            end,
            note: note(row.opt(&self.notes)),
            body_weight,
        })
    }

    /// The date of a row: `yyyy/mm/dd` (current) or `MM/DD/YY` (legacy,
    /// US order; a file whose first number goes above 12 is read day-first
    /// from then on).
    fn date(&mut self, v: &str) -> Result<NaiveDate, String> {
        let bad = || format!("{}: '{}' is not a date", self.date.name, quote(v));
        if v.is_empty() {
            return Err(format!("{}: empty", self.date.name));
        }
        let parts: Vec<&str> = v.split(['/', '-', '.']).collect();
        if let [a, b, c] = parts.as_slice() {
            if a.len() <= 2 && c.len() <= 4 {
                let (a, b, c): (u32, u32, i32) = (
                    a.parse().map_err(|_| bad())?,
                    b.parse().map_err(|_| bad())?,
                    c.parse().map_err(|_| bad())?,
                );
                let year = if c < 100 { 2000 + c } else { c };
                if a > 12 && b <= 12 {
                    self.day_first = true;
                }
                let (m, d) = if self.day_first { (b, a) } else { (a, b) };
                return NaiveDate::from_ymd_opt(year, m, d).ok_or_else(bad);
            }
        }
        match parse_time(v) {
            Some((CsvTime::Local(dt), _)) => Ok(dt.date()),
            Some((CsvTime::Exact(dt), _)) => Ok(dt.naive_local().date()),
            None => Err(bad()),
        }
    }
}

/// One set from a reps cell.
#[allow(clippy::too_many_arguments)]
fn one_set(
    line: u64,
    workout: &CsvWorkout,
    exercise: &str,
    n: u32,
    reps_col: &str,
    reps_raw: &str,
    load: Result<Option<Weight>, String>,
    unit: WeightUnit,
) -> CsvRow {
    let result = (|| -> Result<CsvSet, String> {
        let mut load = load?;
        let v = reps_raw.trim();
        let (reps, duration_ms) = if v.contains(':') {
            let ms = parse_clock_duration(v)
                .ok_or_else(|| format!("{reps_col}: '{}' is not a duration", quote(v)))?;
            (None, Some(ms))
        } else if let Some((r, w)) = v
            .split_once(['x', 'X', '×'])
            .filter(|(r, w)| !r.trim().is_empty() && !w.trim().is_empty())
        {
            let reps = count(reps_col, r)?;
            if load.is_none() {
                load = weight(reps_col, w, unit)?;
            }
            (reps, None)
        } else {
            (count(reps_col, v)?, None)
        };
        Ok(CsvSet {
            line,
            id: None,
            workout: workout.clone(),
            exercise: exercise.to_string(),
            exercise_id: None,
            category: None,
            order: n,
            kind: SetKind::Working,
            load: CsvLoad::Weight(load),
            reps,
            effort: None,
            duration_ms,
            distance: None,
            landings: None,
            drop_height_cm: None,
            pain: None,
            note: None,
            target: None,
            performed_at: None,
            superset: None,
            role: None,
            effort_source: None,
            band: None,
        })
    })();
    CsvRow::from_result(line, result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::numbers::normalise_header;
    use chrono::NaiveDate;

    fn norms(line: &str) -> Header {
        Header::new(line.split(',').map(String::from).collect())
    }

    const CURRENT: &str = "Date (yyyy/mm/dd),Workout,Workout Name,Program Name,Body Weight (KG),Exercise,SetsxReps,SetsxTime,Top Set Reps x KG,e1RM  (KG),Reps,Volume (KG),Workout Volume (KG),Duration (hours),Start Time (h:mm),End Time (h:mm),Notes,Set 1 (Reps), Set 1 (KG),Set 2 (Reps), Set 2 (KG),Set 3 (Reps), Set 3 (KG)";

    fn read(s: &mut StrongLifts, line: &str) -> Vec<CsvRow> {
        let fields: Vec<&str> = line.split(',').collect();
        let mut out = VecDeque::new();
        s.read(
            &Row {
                line: 4,
                fields: &fields,
            },
            &mut out,
        );
        out.into_iter().collect()
    }

    #[test]
    fn maps_the_current_header() {
        let h = norms(CURRENT);
        assert!(matches(&h));
        assert_eq!(normalise_header(" Set 1 (KG)"), "set 1 kg");
        let s = StrongLifts::new(&h, &ReadOptions::default()).unwrap();
        let Shape::Current { exercise, sets } = &s.shape else {
            panic!()
        };
        assert_eq!(exercise.idx, 5);
        assert_eq!(
            sets.iter()
                .map(|c| (c.n, c.reps.idx, c.weight.as_ref().map(|w| w.0.idx)))
                .collect::<Vec<_>>(),
            vec![(1, 17, Some(18)), (2, 19, Some(20)), (3, 21, Some(22))]
        );
        assert_eq!(s.workout_name.as_ref().map(|c| c.idx), Some(2));
        assert_eq!(
            s.body_weight.as_ref().map(|(c, u)| (c.idx, *u)),
            Some((4, WeightUnit::Kg))
        );
    }

    #[test]
    fn reads_one_row_into_several_sets() {
        let mut s = StrongLifts::new(&norms(CURRENT), &ReadOptions::default()).unwrap();
        let rows = read(
            &mut s,
            "2015/05/25,1,Workout A,,87,Squat,5x5,,5x20,24.7,25,500,1562.5,1,7:37 PM,8:37 PM,Second week,5,20,5,20.5,,",
        );
        assert_eq!(rows.len(), 2);
        let CsvRow::Set(a) = &rows[0] else { panic!() };
        let CsvRow::Set(b) = &rows[1] else { panic!() };
        assert_eq!((a.order, b.order), (1, 2));
        assert_eq!(
            a.load,
            CsvLoad::Weight(Some(Weight::from_milli(20_000, WeightUnit::Kg)))
        );
        assert_eq!(
            b.load,
            CsvLoad::Weight(Some(Weight::from_milli(20_500, WeightUnit::Kg)))
        );
        assert_eq!(a.workout.name.as_deref(), Some("Workout A"));
        assert_eq!(
            a.workout.body_weight,
            Some(Weight::from_milli(87_000, WeightUnit::Kg))
        );
        assert_eq!(a.workout.duration_s, Some(3600));
        assert_eq!(a.workout.note.as_deref(), Some("Second week"));
        let day = NaiveDate::from_ymd_opt(2015, 5, 25).unwrap();
        assert_eq!(
            a.workout.start,
            CsvTime::Local(day.and_hms_opt(19, 37, 0).unwrap())
        );
        assert_eq!(
            a.workout.end,
            Some(CsvTime::Local(day.and_hms_opt(20, 37, 0).unwrap()))
        );
        assert!(a.workout.time_known);
    }

    #[test]
    fn reads_the_legacy_layout() {
        let h = norms(
            "Date,Note,Body Weight (KG),Body Weight (LB),Exercise 1,Weight (KG),Weight (LB),Set 1,Set 2,Set 3,Exercise 2,Weight (KG),Weight (LB),Set 1,Set 2",
        );
        assert!(matches(&h));
        let mut s = StrongLifts::new(&h, &ReadOptions::default()).unwrap();
        let rows = read(&mut s, "05/25/15,ok,,180,Squat,,135,5,5,3,Press,,65,5,abc");
        assert_eq!(rows.len(), 5);
        let CsvRow::Set(a) = &rows[0] else { panic!() };
        assert_eq!(
            a.load,
            CsvLoad::Weight(Some(Weight::from_milli(135_000, WeightUnit::Lb)))
        );
        assert_eq!(
            a.workout.body_weight,
            Some(Weight::from_milli(180_000, WeightUnit::Lb))
        );
        assert_eq!(
            a.workout.start,
            CsvTime::Local(
                NaiveDate::from_ymd_opt(2015, 5, 25)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap()
            )
        );
        assert!(!a.workout.time_known);
        assert_eq!(
            rows[4],
            CsvRow::Skip {
                line: 4,
                reason: "Set 2: 'abc' is not a number".into()
            }
        );
    }

    #[test]
    fn reps_cells_with_weights_and_times() {
        let mut s = StrongLifts::new(
            &norms("Date,Workout,Exercise,Set 1 (Reps),Set 1 (LB),Set 2 (Reps),Set 2 (LB),Body Weight (LB),Notes"),
            &ReadOptions::default(),
        )
        .unwrap();
        let rows = read(&mut s, "2020-01-02,Workout B,Plank,0:45,,5×95,,180,");
        let CsvRow::Set(a) = &rows[0] else { panic!() };
        assert_eq!((a.reps, a.duration_ms), (None, Some(45_000)));
        assert_eq!(a.workout.name.as_deref(), Some("Workout B"));
        let CsvRow::Set(b) = &rows[1] else { panic!() };
        assert_eq!(b.reps, Some(5));
        assert_eq!(
            b.load,
            CsvLoad::Weight(Some(Weight::from_milli(95_000, WeightUnit::Lb)))
        );
        assert_eq!(
            read(&mut s, "someday,Workout B,Plank,5,,,,180,"),
            vec![CsvRow::Skip {
                line: 4,
                reason: "Date: 'someday' is not a date".into()
            }]
        );
    }
}
