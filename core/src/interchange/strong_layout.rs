//! Strong's CSV layout, so tools that read Strong exports read Heft's.
//!
//! One row per set under Strong's header (see [`STRONG_HEADER`]). Strong
//! has no unit columns, so the caller picks one weight unit for the file and
//! every number is written in it:
//!
//! - `Date`: the workout's local start time, `YYYY-MM-DD HH:MM:SS`.
//! - `Workout Name`: the workout's name, or its title ("Evening workout").
//! - `Duration`: [`duration_text`], e.g. `1h 5m`; empty when unknown.
//! - `Set Order`: `W` for a warm-up, `D` for a drop set, `F` for a failure
//!   set, and otherwise the set's number among the exercise's working and
//!   failure sets in the workout, from 1 (a failure set takes a number too,
//!   so the working set after `F` shows the number it would have had).
//! - `Weight`: the external load, or the load added to body weight
//!   (negative for assistance), in the file's unit; `0` for body weight
//!   alone or no load. A weight entered in the file's unit is written
//!   exactly; a converted one is rounded to 0.01 (225 lb is `102.06` kg).
//! - `Reps`: `0` when none.
//! - `Distance`: in kilometres for a kg file and in miles for a lb file (the
//!   units Strong pairs with them), exact when entered in that unit, else
//!   rounded to 0.001; `0` when none.
//! - `Seconds`: the duration rounded to whole seconds; `0` when none.
//! - `Notes`, `Workout Notes`: the set's and the workout's notes.
//! - `RPE`: the effort as RPE (RIR r is RPE 10 - r), rounded to 0.01; empty
//!   when none.
//!
//! Names and notes go through [`defuse`](super::escape::defuse).

use std::collections::HashMap;

use super::escape::defuse;
use super::heft_layout_write::ExportSet;
use crate::model::{DistanceUnit, Effort, Load, SetKind, Unit, WeightUnit, format_milli};

/// Strong's header, exactly as Strong writes it.
pub const STRONG_HEADER: [&str; 12] = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
];

/// A workout length as Strong writes it: hours `Nh` and minutes `Nm`
/// joined by a space, a zero part left out (`1h 5m`, `59m`, `1h`), `0m`
/// under a minute, and empty when unknown. Seconds are dropped.
pub fn duration_text(seconds: Option<u32>) -> String {
    let Some(seconds) = seconds else {
        return String::new();
    };
    let hours = seconds / 3600;
    let minutes = seconds % 3600 / 60;
    match (hours, minutes) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

/// Numbers working and failure sets per exercise within one workout, for
/// `Set Order`. Holds one counter per exercise of the current workout only,
/// so rows must come workout by workout (as history lists them).
#[derive(Debug, Default)]
pub(crate) struct SetOrder {
    workout: Option<String>,
    counts: HashMap<String, u32>,
}

impl SetOrder {
    /// The `Set Order` cell for the next set of `exercise_id` in `workout_id`.
    fn next(&mut self, workout_id: &str, exercise_id: &str, kind: SetKind) -> String {
        if self.workout.as_deref() != Some(workout_id) {
            self.workout = Some(workout_id.to_owned());
            self.counts.clear();
        }
        match kind {
            SetKind::Warmup => "W".to_owned(),
            SetKind::Drop => "D".to_owned(),
            SetKind::Working | SetKind::Failure => {
                let number = match self.counts.get_mut(exercise_id) {
                    Some(n) => {
                        *n = n.saturating_add(1);
                        *n
                    }
                    None => {
                        self.counts.insert(exercise_id.to_owned(), 1);
                        1
                    }
                };
                if kind == SetKind::Failure {
                    "F".to_owned()
                } else {
                    number.to_string()
                }
            }
        }
    }
}

/// The cells of one Strong-layout row.
pub(crate) fn strong_record(
    row: &ExportSet<'_>,
    unit: WeightUnit,
    order: &mut SetOrder,
) -> [String; 12] {
    let workout = row.workout;
    let set = row.set;
    let input = &set.input;
    let name = match &workout.name {
        Some(name) => defuse(name).into_owned(),
        None => defuse(&workout.title()).into_owned(),
    };
    [
        workout.started_at.0.format("%Y-%m-%d %H:%M:%S").to_string(),
        name,
        duration_text(workout.duration()),
        defuse(&set.exercise_name).into_owned(),
        order.next(&workout.id, &input.exercise_id, input.kind),
        weight_cell(input.load, unit),
        input.reps.unwrap_or(0).to_string(),
        distance_cell(input.distance, unit),
        seconds_cell(input.duration_ms),
        text_cell(input.note.as_deref()),
        text_cell(workout.note.as_deref()),
        rpe_cell(input.effort),
    ]
}

/// A defused text cell, empty for none.
fn text_cell(text: Option<&str>) -> String {
    text.map(|t| defuse(t).into_owned()).unwrap_or_default()
}

/// Thousandths of `from` as thousandths of `to`: exact when the units are
/// the same, otherwise rounded to a multiple of `step` thousandths.
fn convert_milli<U: Unit>(milli: i64, from: U, to: U, step: i64) -> i64 {
    if from == to {
        return milli;
    }
    let converted = milli as f64 * from.base_factor() / to.base_factor();
    // `as` saturates, so absurd values cannot overflow or panic.
    ((converted / step as f64).round() as i64).saturating_mul(step)
}

/// The `Weight` cell: added or external load in `unit`, `0` otherwise.
fn weight_cell(load: Load, unit: WeightUnit) -> String {
    match load {
        Load::Weight { weight }
        | Load::Bodyweight {
            added: Some(weight),
        } => format_milli(convert_milli(weight.milli(), weight.unit(), unit, 10)),
        Load::None | Load::Bodyweight { added: None } => "0".to_owned(),
    }
}

/// The `Distance` cell: km for a kg file, miles for a lb file, `0` for none.
fn distance_cell(distance: Option<crate::model::Distance>, unit: WeightUnit) -> String {
    let Some(distance) = distance else {
        return "0".to_owned();
    };
    let to = match unit {
        WeightUnit::Kg => DistanceUnit::Km,
        WeightUnit::Lb => DistanceUnit::Mi,
    };
    format_milli(convert_milli(distance.milli(), distance.unit(), to, 1))
}

/// The `Seconds` cell: whole seconds, rounded half up; `0` for none.
fn seconds_cell(duration_ms: Option<u32>) -> String {
    duration_ms
        .map_or(0, |ms| (u64::from(ms) + 500) / 1000)
        .to_string()
}

/// The `RPE` cell: RPE as entered or 10 - RIR, to 0.01; empty for none.
fn rpe_cell(effort: Option<Effort>) -> String {
    let Some(rpe) = effort.map(Effort::rpe) else {
        return String::new();
    };
    if !rpe.is_finite() {
        return String::new();
    }
    format_milli(((rpe * 100.0).round() as i64).saturating_mul(10))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::interchange::CsvWriter;
    use crate::model::{
        Distance, Impact, SetEntry, SetInput, Timestamp, Weight, WeightUnit, Workout,
    };

    const HEADER: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE";

    fn at(text: &str) -> Timestamp {
        Timestamp(DateTime::parse_from_rfc3339(text).unwrap())
    }

    fn workout() -> Workout {
        Workout {
            id: "w1".into(),
            name: Some("Day A".into()),
            started_at: at("2026-11-24T18:30:00+01:00"),
            finished_at: Some(at("2026-11-24T19:35:40+01:00")),
            duration_s: None,
            note: None,
        }
    }

    fn kg(value: f64) -> Weight {
        Weight::new(value, WeightUnit::Kg).unwrap()
    }

    fn lb(value: f64) -> Weight {
        Weight::new(value, WeightUnit::Lb).unwrap()
    }

    fn set(exercise: &str, input: SetInput) -> SetEntry {
        SetEntry {
            id: format!("s-{exercise}"),
            workout_id: "w1".into(),
            exercise_name: exercise.into(),
            position: 1,
            performed_at: at("2026-11-24T18:40:00+01:00"),
            input,
            target: None,
        }
    }

    fn input(exercise_id: &str, load: Load, reps: Option<u32>) -> SetInput {
        SetInput {
            load,
            reps,
            ..SetInput::new(exercise_id)
        }
    }

    /// The data lines written for `sets` of `workout` in `unit`.
    fn lines(workout: &Workout, sets: &[SetEntry], unit: WeightUnit) -> Vec<String> {
        let mut writer = CsvWriter::strong(Vec::new(), unit).unwrap();
        for set in sets {
            writer.write(ExportSet { workout, set }).unwrap();
        }
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        let mut records = text.split_inclusive('\n');
        assert_eq!(records.next(), Some(&*format!("{HEADER}\n")));
        let rest: String = records.collect();
        // One string per record; records may contain quoted newlines.
        split_records(&rest)
    }

    fn split_records(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut current = String::new();
        let mut quoted = false;
        for c in text.chars() {
            if c == '"' {
                quoted = !quoted;
            }
            if c == '\n' && !quoted {
                out.push(std::mem::take(&mut current));
            } else {
                current.push(c);
            }
        }
        assert!(current.is_empty());
        out
    }

    fn one(input: SetInput, unit: WeightUnit) -> String {
        lines(&workout(), &[set("Squat (Barbell)", input)], unit)
            .pop()
            .unwrap()
    }

    #[test]
    fn barbell_set() {
        let mut i = input("squat", Load::Weight { weight: kg(102.5) }, Some(5));
        i.effort = Some(Effort::Rpe(8.5));
        assert_eq!(
            one(i, WeightUnit::Kg),
            "2026-11-24 18:30:00,Day A,1h 5m,Squat (Barbell),1,102.5,5,0,0,,,8.5"
        );
    }

    #[test]
    fn bodyweight_with_added_load_alone_and_assistance() {
        let added = input(
            "dip",
            Load::Bodyweight {
                added: Some(kg(20.0)),
            },
            Some(8),
        );
        assert_eq!(
            one(added, WeightUnit::Kg),
            "2026-11-24 18:30:00,Day A,1h 5m,Squat (Barbell),1,20,8,0,0,,,"
        );
        let alone = input("dip", Load::Bodyweight { added: None }, Some(12));
        assert_eq!(
            one(alone, WeightUnit::Kg),
            "2026-11-24 18:30:00,Day A,1h 5m,Squat (Barbell),1,0,12,0,0,,,"
        );
        let assisted = input(
            "dip",
            Load::Bodyweight {
                added: Some(kg(-20.0)),
            },
            Some(6),
        );
        assert_eq!(
            one(assisted, WeightUnit::Kg),
            "2026-11-24 18:30:00,Day A,1h 5m,Squat (Barbell),1,-20,6,0,0,,,"
        );
    }

    #[test]
    fn timed_set_rounds_to_whole_seconds() {
        let mut i = input("plank", Load::None, None);
        i.duration_ms = Some(45_500);
        assert_eq!(
            one(i.clone(), WeightUnit::Kg),
            "2026-11-24 18:30:00,Day A,1h 5m,Squat (Barbell),1,0,0,0,46,,,"
        );
        i.duration_ms = Some(45_499);
        assert!(one(i, WeightUnit::Kg).ends_with(",0,0,0,45,,,"));
    }

    #[test]
    fn distance_in_km_for_kg_and_miles_for_lb() {
        let mut i = input("run", Load::None, None);
        i.distance = Some(Distance::new(400.0, DistanceUnit::M).unwrap());
        i.duration_ms = Some(90_000);
        assert!(one(i.clone(), WeightUnit::Kg).ends_with(",0,0,0.4,90,,,"));
        // 400 m = 0.248548... mi
        assert!(one(i.clone(), WeightUnit::Lb).ends_with(",0,0,0.249,90,,,"));
        i.distance = Some(Distance::new(1.5, DistanceUnit::Mi).unwrap());
        assert!(one(i.clone(), WeightUnit::Lb).ends_with(",0,0,1.5,90,,,"));
        // 1.5 mi = 2.414016 km
        assert!(one(i, WeightUnit::Kg).ends_with(",0,0,2.414,90,,,"));
    }

    #[test]
    fn weights_convert_to_the_file_unit() {
        let kg_set = input("squat", Load::Weight { weight: kg(100.0) }, Some(5));
        // 100 kg = 220.462... lb
        assert!(one(kg_set.clone(), WeightUnit::Lb).contains(",1,220.46,5,"));
        assert!(one(kg_set, WeightUnit::Kg).contains(",1,100,5,"));
        let lb_set = input("squat", Load::Weight { weight: lb(225.0) }, Some(5));
        // 225 lb = 102.058... kg
        assert!(one(lb_set.clone(), WeightUnit::Kg).contains(",1,102.06,5,"));
        assert!(one(lb_set, WeightUnit::Lb).contains(",1,225,5,"));
        // Same unit: exact, even with three decimals.
        let micro = input("curl", Load::Weight { weight: kg(1.125) }, Some(5));
        assert!(one(micro, WeightUnit::Kg).contains(",1,1.125,5,"));
        let assisted = input(
            "pullup",
            Load::Bodyweight {
                added: Some(lb(-45.0)),
            },
            Some(5),
        );
        assert!(one(assisted, WeightUnit::Kg).contains(",1,-20.41,5,"));
    }

    #[test]
    fn set_order_numbers_working_and_failure_sets_per_exercise() {
        let w = workout();
        let kinds = [
            ("squat", SetKind::Warmup),
            ("squat", SetKind::Working),
            ("bench", SetKind::Warmup),
            ("squat", SetKind::Working),
            ("bench", SetKind::Working),
            ("squat", SetKind::Failure),
            ("squat", SetKind::Drop),
            ("squat", SetKind::Working),
            ("bench", SetKind::Working),
        ];
        let sets: Vec<SetEntry> = kinds
            .iter()
            .map(|&(id, kind)| {
                let mut i = input(id, Load::Weight { weight: kg(60.0) }, Some(5));
                i.kind = kind;
                set(id, i)
            })
            .collect();
        let orders: Vec<String> = lines(&w, &sets, WeightUnit::Kg)
            .iter()
            .map(|line| line.split(',').nth(4).unwrap().to_owned())
            .collect();
        assert_eq!(orders, ["W", "1", "W", "2", "1", "F", "D", "4", "2"]);

        // A new workout starts counting again.
        let mut next = workout();
        next.id = "w2".into();
        let mut writer = CsvWriter::strong(Vec::new(), WeightUnit::Kg).unwrap();
        writer
            .write(ExportSet {
                workout: &w,
                set: &sets[1],
            })
            .unwrap();
        writer
            .write(ExportSet {
                workout: &next,
                set: &sets[1],
            })
            .unwrap();
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        let orders: Vec<&str> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(4).unwrap())
            .collect();
        assert_eq!(orders, ["1", "1"]);
    }

    #[test]
    fn rpe_from_rir() {
        let mut i = input("squat", Load::Weight { weight: kg(100.0) }, Some(5));
        i.effort = Some(Effort::Rir(2.0));
        assert!(one(i.clone(), WeightUnit::Kg).ends_with(",,,8"));
        i.effort = Some(Effort::Rir(1.5));
        assert!(one(i.clone(), WeightUnit::Kg).ends_with(",,,8.5"));
        i.effort = Some(Effort::Rir(0.3));
        assert!(one(i.clone(), WeightUnit::Kg).ends_with(",,,9.7"));
        i.effort = Some(Effort::Rpe(f64::NAN));
        assert!(one(i, WeightUnit::Kg).ends_with(",,,"));
    }

    #[test]
    fn duration_text_like_strong() {
        assert_eq!(duration_text(Some(3900)), "1h 5m");
        assert_eq!(duration_text(Some(3540)), "59m");
        assert_eq!(duration_text(Some(3600)), "1h");
        assert_eq!(duration_text(Some(3659)), "1h");
        assert_eq!(duration_text(Some(59)), "0m");
        assert_eq!(duration_text(Some(0)), "0m");
        assert_eq!(duration_text(Some(2 * 3600 + 60)), "2h 1m");
        assert_eq!(duration_text(None), "");
        assert_eq!(duration_text(Some(u32::MAX)), "1193046h 28m");
    }

    #[test]
    fn duration_cell_uses_the_override_and_is_empty_when_unknown() {
        let mut w = workout();
        w.duration_s = Some(59 * 60);
        let i = input("squat", Load::Weight { weight: kg(60.0) }, Some(5));
        let line = lines(&w, &[set("Squat", i.clone())], WeightUnit::Kg).remove(0);
        assert!(line.starts_with("2026-11-24 18:30:00,Day A,59m,Squat,"));
        w.duration_s = None;
        w.finished_at = None;
        let line = lines(&w, &[set("Squat", i)], WeightUnit::Kg).remove(0);
        assert!(line.starts_with("2026-11-24 18:30:00,Day A,,Squat,"));
    }

    #[test]
    fn unnamed_workout_gets_its_title() {
        let mut w = workout();
        w.name = None;
        let i = input("squat", Load::Weight { weight: kg(60.0) }, Some(5));
        let line = lines(&w, &[set("Squat", i)], WeightUnit::Kg).remove(0);
        assert!(line.starts_with("2026-11-24 18:30:00,Evening workout,1h 5m,"));
    }

    #[test]
    fn notes_with_commas_quotes_and_newlines_are_quoted() {
        let mut w = workout();
        w.note = Some("line one\nline two".into());
        let mut i = input("squat", Load::Weight { weight: kg(60.0) }, Some(5));
        i.note = Some("belt, \"wraps\"".into());
        let line = lines(&w, &[set("Squat", i)], WeightUnit::Kg).remove(0);
        assert_eq!(
            line,
            "2026-11-24 18:30:00,Day A,1h 5m,Squat,1,60,5,0,0,\"belt, \"\"wraps\"\"\",\"line one\nline two\","
        );
    }

    #[test]
    fn non_latin_names_pass_through() {
        let mut w = workout();
        w.name = Some("Тренировка А".into());
        let i = input("squat", Load::Weight { weight: kg(60.0) }, Some(5));
        let line = lines(&w, &[set("深蹲（杠铃）", i)], WeightUnit::Kg).remove(0);
        assert_eq!(
            line,
            "2026-11-24 18:30:00,Тренировка А,1h 5m,深蹲（杠铃）,1,60,5,0,0,,,"
        );
    }

    #[test]
    fn formula_text_is_defused_but_numbers_are_not() {
        let mut w = workout();
        w.name = Some("=cmd|' /C calc'!A0".into());
        w.note = Some("@SUM(1)".into());
        let mut i = input(
            "pullup",
            Load::Bodyweight {
                added: Some(kg(-20.0)),
            },
            Some(5),
        );
        i.note = Some("-2 reps".into());
        i.impact = Some(Impact {
            landings: 3,
            drop_height_cm: None,
        });
        let line = lines(&w, &[set("+Pull-up", i)], WeightUnit::Kg).remove(0);
        assert_eq!(
            line,
            "2026-11-24 18:30:00,'=cmd|' /C calc'!A0,1h 5m,'+Pull-up,1,-20,5,0,0,'-2 reps,'@SUM(1),"
        );
    }
}
