//! Writing Heft's history as CSV: the streaming [`CsvWriter`] for both
//! layouts, and the cells of Heft's own layout.
//!
//! Heft's layout keeps everything a set holds, exactly, so that Heft's
//! reader gets back what was written (see [`HEFT_HEADER`] for the columns):
//!
//! - Times are RFC 3339 with the stored offset, to the second, with
//!   milliseconds only when they are not zero (`2026-11-24T18:30:00+01:00`).
//! - `workout_duration_s` is the length the person gave, not one derived
//!   from start and finish.
//! - `kind` is `warmup`, `working`, `drop` or `failure`; `load_type` is
//!   `none`, `weight` or `bodyweight`.
//! - `weight` is the external load or the load added to body weight
//!   (negative for assistance; empty for body weight alone), written exactly
//!   with [`format_milli`], and `weight_unit` is `kg` or `lb`. Distances,
//!   target weights and `duration_s` (milliseconds / 1000, e.g. `45.5`) are
//!   exact the same way.
//! - `rir` or `rpe` holds the effort on the scale it was entered on; the
//!   other is empty. Fractional values (`rir`, `rpe`, `drop_height_cm`,
//!   `target_rir`) are the shortest decimal that reads back as the same
//!   number.
//! - An empty cell means none.
//!
//! Names and notes go through [`defuse`]; ids and numbers never do.

use std::io::Write;

use chrono::SecondsFormat;

use super::escape::defuse;
use super::record::CsvError;
use super::strong_layout::{STRONG_HEADER, SetOrder, strong_record};
use crate::model::{
    Effort, Load, SetEntry, SetKind, Timestamp, Unit, WeightUnit, Workout, format_milli,
};

/// One set with what a CSV row needs: the set and its workout.
#[derive(Debug, Clone, Copy)]
pub struct ExportSet<'a> {
    /// The workout the set belongs to.
    pub workout: &'a Workout,
    /// The set.
    pub set: &'a SetEntry,
}

/// Heft's own CSV header, in column order.
pub const HEFT_HEADER: [&str; 32] = [
    "workout_id",
    "workout_name",
    "workout_started_at",
    "workout_finished_at",
    "workout_duration_s",
    "workout_note",
    "set_id",
    "position",
    "performed_at",
    "exercise_id",
    "exercise",
    "kind",
    "load_type",
    "weight",
    "weight_unit",
    "reps",
    "rir",
    "rpe",
    "duration_s",
    "distance",
    "distance_unit",
    "landings",
    "drop_height_cm",
    "pain",
    "note",
    "target_weight",
    "target_weight_unit",
    "target_reps",
    "target_rir",
    "role",
    "effort_source",
    "band",
];

/// Which layout a writer writes, with what it needs to remember.
#[derive(Debug)]
enum Layout {
    Strong { unit: WeightUnit, order: SetOrder },
    Heft,
}

/// Writes sets as CSV one row at a time, in constant memory.
///
/// Rows should come workout by workout, each workout's sets in order (as
/// history lists them): the Strong layout numbers sets within the current
/// workout and starts again when the workout changes.
pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    layout: Layout,
}

impl<W: Write> CsvWriter<W> {
    /// A writer of Strong's layout with weights in `unit` (distances in km
    /// for kg, miles for lb); writes the header.
    pub fn strong(out: W, unit: WeightUnit) -> Result<Self, CsvError> {
        let layout = Layout::Strong {
            unit,
            order: SetOrder::default(),
        };
        Self::start(out, layout, &STRONG_HEADER)
    }

    /// A writer of Heft's own layout; writes the header.
    pub fn heft(out: W) -> Result<Self, CsvError> {
        Self::start(out, Layout::Heft, &HEFT_HEADER)
    }

    fn start(out: W, layout: Layout, header: &[&str]) -> Result<Self, CsvError> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(header).map_err(write_error)?;
        Ok(CsvWriter { out, layout })
    }

    /// Writes one set as a row.
    pub fn write(&mut self, row: ExportSet<'_>) -> Result<(), CsvError> {
        let result = match &mut self.layout {
            Layout::Strong { unit, order } => {
                self.out.write_record(strong_record(&row, *unit, order))
            }
            Layout::Heft => self.out.write_record(heft_record(&row)),
        };
        result.map_err(write_error)
    }

    /// Flushes what is buffered and hands back the output.
    pub fn finish(self) -> Result<W, CsvError> {
        self.out
            .into_inner()
            .map_err(|e| CsvError::Io(e.error().to_string()))
    }
}

fn write_error(e: csv::Error) -> CsvError {
    CsvError::Io(e.to_string())
}

/// The cells of one Heft-layout row, in the order of [`HEFT_HEADER`].
fn heft_record(row: &ExportSet<'_>) -> [String; 32] {
    let workout = row.workout;
    let set = row.set;
    let input = &set.input;
    let (load_type, weight) = match input.load {
        Load::None => ("none", None),
        Load::Weight { weight } => ("weight", Some(weight)),
        Load::Bodyweight { added } => ("bodyweight", added),
    };
    let (rir, rpe) = match input.effort {
        Some(Effort::Rir(rir)) => (decimal(rir), String::new()),
        Some(Effort::Rpe(rpe)) => (String::new(), decimal(rpe)),
        None => (String::new(), String::new()),
    };
    let impact = input.impact;
    let target = set.target;
    let target_weight = target.and_then(|t| t.weight);
    [
        workout.id.clone(),
        text(workout.name.as_deref()),
        rfc3339(workout.started_at),
        workout.finished_at.map(rfc3339).unwrap_or_default(),
        number(workout.duration_s),
        text(workout.note.as_deref()),
        set.id.clone(),
        set.position.to_string(),
        rfc3339(set.performed_at),
        input.exercise_id.clone(),
        defuse(&set.exercise_name).into_owned(),
        kind(input.kind).to_owned(),
        load_type.to_owned(),
        weight.map(|w| format_milli(w.milli())).unwrap_or_default(),
        symbol(weight.map(|w| w.unit())),
        number(input.reps),
        rir,
        rpe,
        input
            .duration_ms
            .map(|ms| format_milli(i64::from(ms)))
            .unwrap_or_default(),
        input
            .distance
            .map(|d| format_milli(d.milli()))
            .unwrap_or_default(),
        symbol(input.distance.map(|d| d.unit())),
        number(impact.map(|i| i.landings)),
        impact
            .and_then(|i| i.drop_height_cm)
            .map(decimal)
            .unwrap_or_default(),
        number(input.pain),
        text(input.note.as_deref()),
        target_weight
            .map(|w| format_milli(w.milli()))
            .unwrap_or_default(),
        symbol(target_weight.map(|w| w.unit())),
        number(target.and_then(|t| t.reps)),
        target.and_then(|t| t.rir).map(decimal).unwrap_or_default(),
        input
            .role
            .map(|r| r.as_str())
            .unwrap_or_default()
            .to_owned(),
        input
            .effort_source
            .map(|e| e.as_str())
            .unwrap_or_default()
            .to_owned(),
        text(input.band.as_deref()),
    ]
}

/// The `kind` cell.
fn kind(kind: SetKind) -> &'static str {
    kind.as_str()
}

/// RFC 3339 with the stored offset; milliseconds only when not zero.
fn rfc3339(t: Timestamp) -> String {
    let format = if t.0.timestamp_subsec_millis() == 0 {
        SecondsFormat::Secs
    } else {
        SecondsFormat::Millis
    };
    t.0.to_rfc3339_opts(format, false)
}

/// A defused text cell, empty for none.
fn text(text: Option<&str>) -> String {
    text.map(|t| defuse(t).into_owned()).unwrap_or_default()
}

/// An integer cell, empty for none.
fn number<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A unit cell, empty for none.
fn symbol<U: Unit>(unit: Option<U>) -> String {
    unit.map(|u| u.symbol().to_owned()).unwrap_or_default()
}

/// The shortest decimal that reads back as `value` (never an exponent);
/// empty for a value that is not finite.
fn decimal(value: f64) -> String {
    if value.is_finite() {
        value.to_string()
    } else {
        String::new()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::DateTime;
    use proptest::prelude::*;

    use super::*;
    use crate::interchange::escape::restore;
    use crate::model::{
        Distance, DistanceUnit, EffortSource, Impact, SetInput, SetRole, SetTarget, Weight,
    };

    const HEADER: &str = "workout_id,workout_name,workout_started_at,workout_finished_at,workout_duration_s,workout_note,set_id,position,performed_at,exercise_id,exercise,kind,load_type,weight,weight_unit,reps,rir,rpe,duration_s,distance,distance_unit,landings,drop_height_cm,pain,note,target_weight,target_weight_unit,target_reps,target_rir,role,effort_source,band";

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

    fn set(input: SetInput) -> SetEntry {
        SetEntry {
            id: "s1".into(),
            workout_id: "w1".into(),
            exercise_name: "Squat (Barbell)".into(),
            position: 3,
            performed_at: at("2026-11-24T18:40:00+01:00"),
            input,
            target: None,
        }
    }

    fn input(load: Load, reps: Option<u32>) -> SetInput {
        SetInput {
            load,
            reps,
            ..SetInput::new("squat")
        }
    }

    /// The output for `sets` of `workout`, without the header.
    fn body(workout: &Workout, sets: &[SetEntry]) -> String {
        let mut writer = CsvWriter::heft(Vec::new()).unwrap();
        for set in sets {
            writer.write(ExportSet { workout, set }).unwrap();
        }
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        let body = text.strip_prefix(&format!("{HEADER}\n")).unwrap();
        body.to_owned()
    }

    fn one(workout: &Workout, set: SetEntry) -> String {
        let text = body(workout, &[set]);
        text.strip_suffix('\n').unwrap().to_owned()
    }

    #[test]
    fn header_is_written_even_without_rows() {
        let writer = CsvWriter::heft(Vec::new()).unwrap();
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        assert_eq!(text, format!("{HEADER}\n"));
        let writer = CsvWriter::strong(Vec::new(), WeightUnit::Kg).unwrap();
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        assert_eq!(
            text,
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
        );
    }

    #[test]
    fn barbell_set_with_target() {
        let mut i = input(Load::Weight { weight: kg(102.5) }, Some(5));
        i.effort = Some(Effort::Rir(2.0));
        i.effort_source = Some(EffortSource::Logged);
        i.role = Some(SetRole::Working);
        i.band = Some("red, heavy".into());
        let mut s = set(i);
        s.target = Some(SetTarget {
            weight: Some(kg(100.0)),
            reps: Some(5),
            rir: Some(2.5),
        });
        assert_eq!(
            one(&workout(), s),
            "w1,Day A,2026-11-24T18:30:00+01:00,2026-11-24T19:35:40+01:00,,,s1,3,2026-11-24T18:40:00+01:00,squat,Squat (Barbell),working,weight,102.5,kg,5,2,,,,,,,,,100,kg,5,2.5,working,logged,\"red, heavy\""
        );
    }

    #[test]
    fn bodyweight_added_alone_and_assisted() {
        let w = workout();
        let added = input(
            Load::Bodyweight {
                added: Some(Weight::new(25.0, WeightUnit::Lb).unwrap()),
            },
            Some(8),
        );
        assert!(one(&w, set(added)).contains(",working,bodyweight,25,lb,8,"));
        let alone = input(Load::Bodyweight { added: None }, Some(12));
        assert!(one(&w, set(alone)).contains(",working,bodyweight,,,12,"));
        let assisted = input(
            Load::Bodyweight {
                added: Some(kg(-20.0)),
            },
            Some(6),
        );
        assert!(one(&w, set(assisted)).contains(",working,bodyweight,-20,kg,6,"));
    }

    #[test]
    fn timed_distance_and_impact_sets() {
        let w = workout();
        let mut timed = input(Load::None, None);
        timed.duration_ms = Some(45_500);
        timed.effort = Some(Effort::Rpe(7.5));
        assert!(one(&w, set(timed)).contains(",working,none,,,,,7.5,45.5,,,,,,,,,,"));
        let mut run = input(Load::None, None);
        run.duration_ms = Some(1_200_000);
        run.distance = Some(Distance::new(5.25, DistanceUnit::Km).unwrap());
        assert!(one(&w, set(run)).contains(",none,,,,,,1200,5.25,km,,,,,,,,"));
        let mut jumps = input(Load::None, None);
        jumps.impact = Some(Impact {
            landings: 30,
            drop_height_cm: Some(30.5),
        });
        jumps.pain = Some(2);
        assert!(one(&w, set(jumps)).ends_with(",none,,,,,,,,,30,30.5,2,,,,,,,,"));
    }

    #[test]
    fn kinds_are_named() {
        let w = workout();
        for (k, name) in [
            (SetKind::Warmup, ",warmup,"),
            (SetKind::Working, ",working,"),
            (SetKind::Drop, ",drop,"),
            (SetKind::Failure, ",failure,"),
        ] {
            let mut i = input(Load::Weight { weight: kg(60.0) }, Some(5));
            i.kind = k;
            assert!(one(&w, set(i)).contains(name));
        }
    }

    #[test]
    fn times_keep_their_offset_and_milliseconds_only_when_present() {
        let mut w = workout();
        w.started_at = Timestamp::from_parts(1_795_000_000_123, -300).unwrap();
        w.finished_at = None;
        w.duration_s = Some(3900);
        w.note = Some("deload week".into());
        let line = one(&w, set(input(Load::None, None)));
        assert!(line.starts_with(
            "w1,Day A,2026-11-18T06:06:40.123-05:00,,3900,deload week,s1,3,2026-11-24T18:40:00+01:00,"
        ));
        w.started_at = Timestamp::from_parts(1_795_000_000_000, 0).unwrap();
        let line = one(&w, set(input(Load::None, None)));
        assert!(line.starts_with("w1,Day A,2026-11-18T11:06:40+00:00,,3900,"));
    }

    #[test]
    fn duration_is_the_override_not_derived() {
        let w = workout();
        let line = one(&w, set(input(Load::None, None)));
        // Start to finish is 1h 5m 40s, but nobody gave a length.
        assert!(line.contains("+01:00,,,s1,"));
    }

    #[test]
    fn notes_with_commas_quotes_newlines_and_non_latin_text() {
        let mut w = workout();
        w.name = Some("Тренировка, А".into());
        w.note = Some("line one\r\nline two".into());
        let mut s = set(input(Load::None, None));
        s.exercise_name = "深蹲 \"高杠\"".into();
        s.input.note = Some("felt good,\nno pain".into());
        let line = one(&w, s);
        assert!(line.starts_with("w1,\"Тренировка, А\",2026-11-24T18:30:00+01:00,2026-11-24T19:35:40+01:00,,\"line one\r\nline two\",s1,3,"));
        assert!(line.contains(",squat,\"深蹲 \"\"高杠\"\"\",working,"));
        assert!(line.contains(",\"felt good,\nno pain\","));
    }

    #[test]
    fn formula_text_is_defused_but_ids_and_numbers_are_not() {
        let mut w = workout();
        w.name = Some("=1+1".into());
        w.note = Some("'already quoted".into());
        let mut s = set(input(
            Load::Bodyweight {
                added: Some(kg(-20.0)),
            },
            Some(5),
        ));
        s.exercise_name = "-Dip".into();
        s.input.note = Some("\tTAB".into());
        s.input.exercise_id = "-id".into();
        let line = one(&w, s);
        assert_eq!(
            line,
            "w1,'=1+1,2026-11-24T18:30:00+01:00,2026-11-24T19:35:40+01:00,,''already quoted,s1,3,2026-11-24T18:40:00+01:00,-id,'-Dip,working,bodyweight,-20,kg,5,,,,,,,,,'\tTAB,,,,,,,"
        );
    }

    #[test]
    fn odd_fractions_are_exact_and_non_finite_values_empty() {
        let mut i = input(Load::None, None);
        i.effort = Some(Effort::Rir(0.1 + 0.2));
        i.impact = Some(Impact {
            landings: 1,
            drop_height_cm: Some(f64::INFINITY),
        });
        let line = one(&workout(), set(i));
        assert!(line.contains(",none,,,,0.30000000000000004,,,,,1,,,"));
        assert_eq!(decimal(1e21), "1000000000000000000000");
        assert_eq!(decimal(f64::NAN), "");
    }

    /// A sink that fails every write.
    struct Broken;

    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::Error::other("disk full"))
        }
    }

    #[test]
    fn write_failures_are_io_errors() {
        // The header is buffered, so the failure shows when flushing.
        let writer = CsvWriter::heft(Broken).unwrap();
        assert!(matches!(writer.finish(), Err(CsvError::Io(m)) if m.contains("disk full")));
        let mut writer = CsvWriter::strong(Broken, WeightUnit::Kg).unwrap();
        let w = workout();
        let s = set(input(Load::None, None));
        let long = SetEntry {
            exercise_name: "x".repeat(100_000),
            ..s
        };
        let err = writer.write(ExportSet {
            workout: &w,
            set: &long,
        });
        assert!(matches!(err, Err(CsvError::Io(m)) if m.contains("disk full")));
    }

    // -- Property tests ------------------------------------------------------

    fn timestamp() -> impl Strategy<Value = Timestamp> {
        prop_oneof![
            // Around now, with realistic milliseconds.
            (1_600_000_000_000i64..2_000_000_000_000, -840i32..=840),
            // Anywhere chrono can hold (years -262000 to 262000).
            (
                -8_200_000_000_000_000i64..8_200_000_000_000_000,
                -1439i32..=1439
            ),
        ]
        .prop_filter_map("out of range", |(ms, off)| Timestamp::from_parts(ms, off))
    }

    fn weight() -> impl Strategy<Value = Weight> {
        (
            any::<i64>(),
            prop::sample::select(vec![WeightUnit::Kg, WeightUnit::Lb]),
        )
            .prop_map(|(m, u)| Weight::from_milli(m, u))
    }

    fn float() -> impl Strategy<Value = f64> {
        prop_oneof![(0u8..=20).prop_map(|h| f64::from(h) / 2.0), any::<f64>()]
    }

    fn load() -> impl Strategy<Value = Load> {
        prop_oneof![
            Just(Load::None),
            weight().prop_map(|weight| Load::Weight { weight }),
            prop::option::of(weight()).prop_map(|added| Load::Bodyweight { added }),
        ]
    }

    fn effort() -> impl Strategy<Value = Option<Effort>> {
        prop::option::of(prop_oneof![
            float().prop_map(Effort::Rir),
            float().prop_map(Effort::Rpe)
        ])
    }

    fn workout_strategy() -> impl Strategy<Value = Workout> {
        (
            ".{0,8}",
            prop::option::of(any::<String>()),
            timestamp(),
            prop::option::of(timestamp()),
            prop::option::of(any::<u32>()),
            prop::option::of(any::<String>()),
        )
            .prop_map(
                |(id, name, started_at, finished_at, duration_s, note)| Workout {
                    id,
                    name,
                    started_at,
                    finished_at,
                    duration_s,
                    note,
                },
            )
    }

    fn set_strategy() -> impl Strategy<Value = SetEntry> {
        let input = (
            ".{0,8}",
            prop::sample::select(SetKind::ALL.to_vec()),
            load(),
            prop::option::of(any::<u32>()),
            effort(),
            prop::option::of(any::<u32>()),
            prop::option::of(
                (
                    any::<i64>(),
                    prop::sample::select(vec![DistanceUnit::M, DistanceUnit::Km, DistanceUnit::Mi]),
                )
                    .prop_map(|(m, u)| Distance::from_milli(m, u)),
            ),
            prop::option::of((any::<u32>(), prop::option::of(float())).prop_map(
                |(landings, drop_height_cm)| Impact {
                    landings,
                    drop_height_cm,
                },
            )),
            prop::option::of(any::<u8>()),
            prop::option::of(any::<String>()),
        )
            .prop_map(
                |(
                    exercise_id,
                    kind,
                    load,
                    reps,
                    effort,
                    duration_ms,
                    distance,
                    impact,
                    pain,
                    note,
                )| {
                    SetInput {
                        exercise_id,
                        kind,
                        load,
                        reps,
                        effort,
                        duration_ms,
                        distance,
                        impact,
                        pain,
                        note,
                        role: None,
                        effort_source: None,
                        band: None,
                    }
                },
            );
        let target = prop::option::of(
            (
                prop::option::of(weight()),
                prop::option::of(any::<u32>()),
                prop::option::of(float()),
            )
                .prop_map(|(weight, reps, rir)| SetTarget { weight, reps, rir }),
        );
        (
            ".{0,8}",
            any::<String>(),
            any::<u32>(),
            timestamp(),
            input,
            target,
        )
            .prop_map(
                |(id, exercise_name, position, performed_at, input, target)| SetEntry {
                    id,
                    workout_id: String::new(),
                    exercise_name,
                    position,
                    performed_at,
                    input,
                    target,
                },
            )
    }

    proptest! {
        #[test]
        fn writing_any_set_never_panics_and_reads_back(
            rows in prop::collection::vec((workout_strategy(), set_strategy()), 1..6),
            unit in prop::sample::select(vec![WeightUnit::Kg, WeightUnit::Lb]),
        ) {
            let mut heft = CsvWriter::heft(Vec::new()).unwrap();
            let mut strong = CsvWriter::strong(Vec::new(), unit).unwrap();
            for (workout, set) in &rows {
                heft.write(ExportSet { workout, set }).unwrap();
                strong.write(ExportSet { workout, set }).unwrap();
            }
            let heft = heft.finish().unwrap();
            let strong = strong.finish().unwrap();

            // Every record has the header's width, and text cells come back
            // exactly once the leading quote is restored.
            let mut reader = csv::ReaderBuilder::new().from_reader(heft.as_slice());
            let mut count = 0;
            for (record, (workout, set)) in reader.records().zip(&rows) {
                let record = record.unwrap();
                prop_assert_eq!(record.len(), HEFT_HEADER.len());
                prop_assert_eq!(restore(&record[1]), workout.name.as_deref().unwrap_or(""));
                prop_assert_eq!(restore(&record[10]), set.exercise_name.as_str());
                prop_assert_eq!(restore(&record[24]), set.input.note.as_deref().unwrap_or(""));
                count += 1;
            }
            prop_assert_eq!(count, rows.len());

            let mut reader = csv::ReaderBuilder::new().from_reader(strong.as_slice());
            let mut count = 0;
            for (record, (_, set)) in reader.records().zip(&rows) {
                let record = record.unwrap();
                prop_assert_eq!(record.len(), STRONG_HEADER.len());
                prop_assert_eq!(restore(&record[3]), set.exercise_name.as_str());
                count += 1;
            }
            prop_assert_eq!(count, rows.len());
        }
    }
}
