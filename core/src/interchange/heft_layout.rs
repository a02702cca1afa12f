//! Heft's own CSV layout (`heft export-csv --layout heft`), one row per set:
//!
//! `workout_id,workout_name,workout_started_at,workout_finished_at,workout_duration_s,workout_note,set_id,position,performed_at,exercise_id,exercise,kind,load_type,weight,weight_unit,reps,rir,rpe,duration_s,distance,distance_unit,landings,drop_height_cm,pain,note,target_weight,target_weight_unit,target_reps,target_rir,role,effort_source,band`
//! (`role`, `effort_source` and `band` since schema 6; files without them read as before)
//!
//! Columns are found by name. Times are RFC 3339 with an offset
//! ([`CsvTime::Exact`]). `kind` is warmup|working|drop|failure; `load_type`
//! none|weight|bodyweight, `weight` being the external load (weight) or the
//! load added to body weight (bodyweight; negative is assistance, empty is
//! body weight alone). `duration_s` may have a fraction (ms precision).
//!
//! The writer defuses spreadsheet formulas by putting a `'` before text
//! cells (names, notes) that start with `= + - @`, tab, CR or `'`; so one
//! leading `'` is stripped from a text cell that starts with one
//! ([`restore`]). Numeric and id cells are never escaped. Text is kept
//! exactly as written (not trimmed); names are cut to 200 characters.

use std::collections::VecDeque;

use super::escape::restore;
use super::numbers::{
    MAX_NAME_CHARS, count, decimal, distance, length_unit, opt_time_cell, quote, seconds_ms,
    seconds_whole, time_cell, truncate_chars, weight, weight_unit,
};
use super::reader::{Col, Header, Row, need};
use super::{CsvError, CsvLoad, CsvRow, CsvSet, CsvTime, CsvWorkout};
use crate::model::{Effort, Load, SetKind, SetTarget, Weight};

const LAYOUT: &str = "Heft";

/// The Heft layout reader: where each column is.
#[derive(Debug)]
pub(crate) struct HeftLayout {
    workout_id: Option<Col>,
    workout_name: Option<Col>,
    started: Col,
    finished: Option<Col>,
    workout_duration: Option<Col>,
    workout_note: Option<Col>,
    set_id: Option<Col>,
    position: Col,
    performed_at: Option<Col>,
    exercise_id: Option<Col>,
    exercise: Col,
    kind: Option<Col>,
    load_type: Option<Col>,
    weight: Option<Col>,
    weight_unit: Option<Col>,
    reps: Option<Col>,
    rir: Option<Col>,
    rpe: Option<Col>,
    duration: Option<Col>,
    distance: Option<Col>,
    distance_unit: Option<Col>,
    landings: Option<Col>,
    drop_height: Option<Col>,
    pain: Option<Col>,
    note: Option<Col>,
    target_weight: Option<Col>,
    target_weight_unit: Option<Col>,
    target_reps: Option<Col>,
    target_rir: Option<Col>,
    role: Option<Col>,
    effort_source: Option<Col>,
    band: Option<Col>,
}

/// `true` when the header is Heft's layout.
pub(crate) fn matches(header: &Header) -> bool {
    ["set_id", "workout_started_at", "exercise", "position"]
        .iter()
        .all(|c| header.find(&[c]).is_some())
}

/// A text cell with the formula guard removed, exactly; empty is `None`.
fn text(v: &str) -> Option<String> {
    let t = restore(v);
    (!t.is_empty()).then(|| t.to_string())
}

/// A name cell with the formula guard removed, cut to 200 characters.
fn name_text(v: &str) -> Option<String> {
    text(v).map(|t| truncate_chars(&t, MAX_NAME_CHARS).to_string())
}

fn id(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| truncate_chars(t, 64).to_string())
}

impl HeftLayout {
    /// Maps a Heft-layout header by column name.
    pub(crate) fn new(header: &Header) -> Result<Self, CsvError> {
        let f = |n: &str| header.find(&[n]);
        Ok(HeftLayout {
            workout_id: f("workout_id"),
            workout_name: f("workout_name"),
            started: need(header, LAYOUT, &["workout_started_at"])?,
            finished: f("workout_finished_at"),
            workout_duration: f("workout_duration_s"),
            workout_note: f("workout_note"),
            set_id: f("set_id"),
            position: need(header, LAYOUT, &["position"])?,
            performed_at: f("performed_at"),
            exercise_id: f("exercise_id"),
            exercise: need(header, LAYOUT, &["exercise"])?,
            kind: f("kind"),
            load_type: f("load_type"),
            weight: f("weight"),
            weight_unit: f("weight_unit"),
            reps: f("reps"),
            rir: f("rir"),
            rpe: f("rpe"),
            duration: f("duration_s"),
            distance: f("distance"),
            distance_unit: f("distance_unit"),
            landings: f("landings"),
            drop_height: f("drop_height_cm"),
            pain: f("pain"),
            note: f("note"),
            target_weight: f("target_weight"),
            target_weight_unit: f("target_weight_unit"),
            target_reps: f("target_reps"),
            target_rir: f("target_rir"),
            role: f("role"),
            effort_source: f("effort_source"),
            band: f("band"),
        })
    }

    /// Reads one row into a set or a skip.
    pub(crate) fn read(&mut self, row: &Row<'_>, out: &mut VecDeque<CsvRow>) {
        out.push_back(CsvRow::from_result(row.line, self.set(row)));
    }

    /// A weight from a value column and a unit column.
    fn weight(
        row: &Row<'_>,
        value: &Option<Col>,
        unit: &Option<Col>,
    ) -> Result<Option<Weight>, String> {
        let Some(vc) = value else { return Ok(None) };
        let v = row.get(vc);
        if v.trim().is_empty() {
            return Ok(None);
        }
        let u = match unit {
            Some(uc) => weight_unit(&uc.name, row.get(uc))?,
            None => None,
        };
        let u = u.ok_or_else(|| {
            format!(
                "{}: empty beside a weight",
                unit.as_ref().map_or("weight_unit", |c| c.name.as_str())
            )
        })?;
        weight(&vc.name, v, u)
    }

    fn set(&mut self, row: &Row<'_>) -> Result<CsvSet, String> {
        let exercise = name_text(row.get(&self.exercise))
            .filter(|n| !n.trim().is_empty())
            .ok_or_else(|| format!("{}: empty", self.exercise.name))?;
        let (start, time_known) = time_cell(&self.started.name, row.get(&self.started))?;
        let end = match &self.finished {
            Some(c) => opt_time_cell(&c.name, row.get(c))?,
            None => None,
        };
        let order = count(&self.position.name, row.get(&self.position))?
            .ok_or_else(|| format!("{}: empty", self.position.name))?;
        let performed_at: Option<CsvTime> = match &self.performed_at {
            Some(c) => opt_time_cell(&c.name, row.get(c))?,
            None => None,
        };
        let kind = match &self.kind {
            None => SetKind::Working,
            Some(c) => {
                let v = row.get(c).trim();
                if v.is_empty() {
                    SetKind::Working
                } else {
                    v.parse::<SetKind>().map_err(|_| {
                        format!(
                            "{}: '{}' is not warmup, working, drop or failure",
                            c.name,
                            quote(v)
                        )
                    })?
                }
            }
        };
        let w = Self::weight(row, &self.weight, &self.weight_unit)?;
        let load_type = self.load_type.as_ref().map_or("", |c| row.get(c).trim());
        let load = match load_type {
            "none" => match w {
                None => Load::None,
                Some(_) => {
                    return Err(format!(
                        "{}: a weight is given with load_type none",
                        self.weight.as_ref().map_or("weight", |c| c.name.as_str())
                    ));
                }
            },
            "weight" => Load::Weight {
                weight: w.ok_or_else(|| {
                    format!(
                        "{}: empty with load_type weight",
                        self.weight.as_ref().map_or("weight", |c| c.name.as_str())
                    )
                })?,
            },
            "bodyweight" => Load::Bodyweight { added: w },
            "" => match w {
                Some(weight) => Load::Weight { weight },
                None => Load::None,
            },
            other => {
                return Err(format!(
                    "{}: '{}' is not none, weight or bodyweight",
                    self.load_type
                        .as_ref()
                        .map_or("load_type", |c| c.name.as_str()),
                    quote(other)
                ));
            }
        };
        let dec = |c: &Option<Col>| -> Result<Option<f64>, String> {
            match c {
                Some(c) => decimal(&c.name, row.get(c)),
                None => Ok(None),
            }
        };
        let cnt = |c: &Option<Col>| -> Result<Option<u32>, String> {
            match c {
                Some(c) => count(&c.name, row.get(c)),
                None => Ok(None),
            }
        };
        let effort = match (dec(&self.rir)?, dec(&self.rpe)?) {
            (Some(_), Some(_)) => return Err("rir and rpe are both filled".to_string()),
            (Some(r), None) => Some(Effort::Rir(r)),
            (None, Some(r)) => Some(Effort::Rpe(r)),
            (None, None) => None,
        };
        let duration_ms = match &self.duration {
            Some(c) => seconds_ms(&c.name, row.get(c))?,
            None => None,
        };
        let distance = match &self.distance {
            None => None,
            Some(c) => {
                let v = row.get(c);
                if v.trim().is_empty() {
                    None
                } else {
                    let unit_raw = row.opt(&self.distance_unit).trim();
                    let (u, factor) = length_unit(unit_raw).ok_or_else(|| {
                        format!(
                            "{}: '{}' is not m, km or mi",
                            self.distance_unit
                                .as_ref()
                                .map_or("distance_unit", |c| c.name.as_str()),
                            quote(unit_raw)
                        )
                    })?;
                    distance(&c.name, v, u, factor)?
                }
            }
        };
        let pain = match cnt(&self.pain)? {
            None => None,
            Some(p) => Some(u8::try_from(p).map_err(|_| {
                format!(
                    "{}: '{p}' is not 0-10",
                    self.pain.as_ref().map_or("pain", |c| c.name.as_str())
                )
            })?),
        };
        let target_weight = Self::weight(row, &self.target_weight, &self.target_weight_unit)?;
        let target_reps = cnt(&self.target_reps)?;
        let target_rir = dec(&self.target_rir)?;
        let target = (target_weight.is_some() || target_reps.is_some() || target_rir.is_some())
            .then_some(SetTarget {
                weight: target_weight,
                reps: target_reps,
                rir: target_rir,
            });
        let duration_s = match &self.workout_duration {
            Some(c) => seconds_whole(&c.name, row.get(c))?,
            None => None,
        };
        Ok(CsvSet {
            line: row.line,
            id: self.set_id.as_ref().and_then(|c| id(row.get(c))),
            workout: CsvWorkout {
                id: self.workout_id.as_ref().and_then(|c| id(row.get(c))),
                start,
                time_known,
                name: name_text(row.opt(&self.workout_name)),
                duration_s,
                end,
                note: text(row.opt(&self.workout_note)),
                body_weight: None,
            },
            exercise,
            exercise_id: self.exercise_id.as_ref().and_then(|c| id(row.get(c))),
            category: None,
            order,
            kind,
            load: CsvLoad::Exact(load),
            reps: cnt(&self.reps)?,
            effort,
            duration_ms,
            distance,
            landings: cnt(&self.landings)?,
            drop_height_cm: dec(&self.drop_height)?,
            pain,
            note: text(row.opt(&self.note)),
            target,
            performed_at,
            superset: None,
            role: named(&self.role, row)?,
            effort_source: named(&self.effort_source, row)?,
            band: self.band.as_ref().and_then(|c| name_text(row.get(c))),
        })
    }
}

/// An optional column holding one of an enum's names; empty is `None`.
fn named<T: std::str::FromStr<Err = crate::model::UnknownName>>(
    col: &Option<Col>,
    row: &Row<'_>,
) -> Result<Option<T>, String> {
    let Some(c) = col else { return Ok(None) };
    let v = row.get(c).trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|e| format!("{}: {e}", c.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Distance, DistanceUnit, WeightUnit};
    use chrono::DateTime;

    const HEADER: &str = "workout_id,workout_name,workout_started_at,workout_finished_at,workout_duration_s,workout_note,set_id,position,performed_at,exercise_id,exercise,kind,load_type,weight,weight_unit,reps,rir,rpe,duration_s,distance,distance_unit,landings,drop_height_cm,pain,note,target_weight,target_weight_unit,target_reps,target_rir,role,effort_source,band";

    fn heft() -> HeftLayout {
        HeftLayout::new(&Header::new(HEADER.split(',').map(String::from).collect())).unwrap()
    }

    fn read(h: &mut HeftLayout, line: &str) -> CsvRow {
        let fields: Vec<&str> = line.split(',').collect();
        let mut out = VecDeque::new();
        h.read(
            &Row {
                line: 2,
                fields: &fields,
            },
            &mut out,
        );
        out.pop_front().unwrap()
    }

    #[test]
    fn reads_every_column() {
        let mut h = heft();
        let CsvRow::Set(s) = read(
            &mut h,
            "w1,'=Legs,2024-05-01T07:30:00+01:00,2024-05-01T08:30:00+01:00,3600,'-tired,s1,3,2024-05-01T07:40:00+01:00,back-squat,Back Squat,working,weight,102.5,kg,5,2,,12.345,1.5,km,,,1,''quoted,100,kg,5,2.5",
        ) else {
            panic!()
        };
        assert_eq!(s.id.as_deref(), Some("s1"));
        assert_eq!(s.workout.id.as_deref(), Some("w1"));
        assert_eq!(s.workout.name.as_deref(), Some("=Legs"));
        assert_eq!(s.workout.note.as_deref(), Some("-tired"));
        assert_eq!(s.workout.duration_s, Some(3600));
        assert_eq!(
            s.workout.start,
            CsvTime::Exact(DateTime::parse_from_rfc3339("2024-05-01T07:30:00+01:00").unwrap())
        );
        assert_eq!(s.exercise_id.as_deref(), Some("back-squat"));
        assert_eq!(s.order, 3);
        assert_eq!(
            s.load,
            CsvLoad::Exact(Load::Weight {
                weight: Weight::from_milli(102_500, WeightUnit::Kg)
            })
        );
        assert_eq!(s.effort, Some(Effort::Rir(2.0)));
        assert_eq!(s.duration_ms, Some(12_345));
        assert_eq!(
            s.distance,
            Some(Distance::from_milli(1_500, DistanceUnit::Km))
        );
        assert_eq!(s.pain, Some(1));
        assert_eq!(s.note.as_deref(), Some("'quoted"));
        assert_eq!(
            s.target,
            Some(SetTarget {
                weight: Some(Weight::from_milli(100_000, WeightUnit::Kg)),
                reps: Some(5),
                rir: Some(2.5)
            })
        );
    }

    #[test]
    fn bodyweight_loads_and_errors() {
        let mut h = heft();
        let base = |load_type: &str, weight: &str, unit: &str| {
            format!(
                "w1,Legs,2024-05-01T07:30:00Z,,,,s2,1,,pull-up,Pull-up,working,{load_type},{weight},{unit},8,,8,,,,,,,,,,,"
            )
        };
        let CsvRow::Set(s) = read(&mut h, &base("bodyweight", "-20", "kg")) else {
            panic!()
        };
        assert_eq!(
            s.load,
            CsvLoad::Exact(Load::Bodyweight {
                added: Some(Weight::from_milli(-20_000, WeightUnit::Kg))
            })
        );
        assert_eq!(s.effort, Some(Effort::Rpe(8.0)));
        let CsvRow::Set(s) = read(&mut h, &base("bodyweight", "", "")) else {
            panic!()
        };
        assert_eq!(s.load, CsvLoad::Exact(Load::Bodyweight { added: None }));
        let CsvRow::Set(s) = read(&mut h, &base("none", "", "")) else {
            panic!()
        };
        assert_eq!(s.load, CsvLoad::Exact(Load::None));
        assert_eq!(
            read(&mut h, &base("weight", "", "")),
            CsvRow::Skip {
                line: 2,
                reason: "weight: empty with load_type weight".into()
            }
        );
        assert_eq!(
            read(&mut h, &base("rocks", "", "")),
            CsvRow::Skip {
                line: 2,
                reason: "load_type: 'rocks' is not none, weight or bodyweight".into()
            }
        );
        assert_eq!(
            read(&mut h, &base("weight", "20", "")),
            CsvRow::Skip {
                line: 2,
                reason: "weight_unit: empty beside a weight".into()
            }
        );
    }
}
