//! Strong's CSV export, one row per set, in every header variant seen:
//!
//! - plain: `Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes`
//!   (no unit anywhere: weights are in [`ReadOptions::default_unit`], and
//!   distances in km for kg users, miles for lb users);
//! - with `Duration` ("1h 5m") and `RPE` columns;
//! - semicolon-separated with `Weight Unit` and `Distance Unit` columns;
//! - the oldest, with the unit as the column name (`kg`, `lbs`, `km`, `mi`);
//! - the newer quoted `"Workout #";…;"Duration (sec)";…;"Weight (kg)";…;"Distance (meters)"`;
//! - exports from phones in other languages, whose headers are translated:
//!   columns are recognised from a table of translations (French, German,
//!   Spanish, Italian, Portuguese, Dutch), and, only when that fails, by
//!   position if the file has exactly the column count and value shapes of
//!   one of the English layouts.
//!
//! `Set Order` is a number (working set), `W` (warm-up), `D` (drop set) or
//! `F` (failure). Rest-timer rows (labelled in any of the known languages,
//! or any row whose Set Order is neither a number nor W/D/F and that has no
//! reps or weight) are skipped with the reason "rest timer row".
//!
//! `order` numbers the rows of each exercise in a workout in file order,
//! from 1: Strong's own Set Order restarts at W/D rows, may start at 0 and
//! repeats when an exercise appears twice in a workout, so it cannot
//! identify a set on its own.

use std::collections::VecDeque;

use super::numbers::{
    count, decimal, distance, length_unit, name, normalise_header, note, opt_name,
    parse_duration_text, parse_time, quote, rpe, seconds_ms, seconds_whole, time_cell, weight,
    weight_unit,
};
use super::reader::{Col, Header, ReadOptions, Row, SetCounter};
use super::{CsvLoad, CsvRow, CsvSet, CsvTime, CsvWorkout};
use crate::model::{DistanceUnit, SetKind, WeightUnit};

/// The columns of a Strong export, whatever their language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Date,
    WorkoutName,
    Duration,
    ExerciseName,
    SetOrder,
    Weight,
    WeightUnit,
    Reps,
    Rpe,
    Distance,
    DistanceUnit,
    Seconds,
    Notes,
    WorkoutNotes,
    WorkoutNumber,
}

/// Known spellings of each column: English first, then French, German,
/// Spanish, Italian, Portuguese and Dutch. Compared after
/// [`normalise_header`], so case and punctuation do not matter. The
/// translations other than the French and German ones seen in real files
/// are best guesses at Strong's wording; a miss falls back to the
/// positional match.
const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::Date, &["Date", "Datum", "Fecha", "Data"]),
    (
        Field::WorkoutName,
        &[
            "Workout Name",
            "Workout-Name",
            "Nom de l'entraînement",
            "Nom de la séance",
            "Name des Trainings",
            "Trainingsname",
            "Nombre del entrenamiento",
            "Nome dell'allenamento",
            "Nome do treino",
            "Nome do treinamento",
            "Naam van de training",
            "Trainingsnaam",
            "Workoutnaam",
        ],
    ),
    (
        Field::Duration,
        &[
            "Duration",
            "Durée",
            "Dauer",
            "Duración",
            "Durata",
            "Duração",
            "Duur",
        ],
    ),
    (
        Field::ExerciseName,
        &[
            "Exercise Name",
            "Nom de l'exercice",
            "Name der Übung",
            "Übungsname",
            "Nombre del ejercicio",
            "Nome dell'esercizio",
            "Nome do exercício",
            "Naam van de oefening",
            "Oefeningnaam",
        ],
    ),
    (
        Field::SetOrder,
        &[
            "Set Order",
            "Ordre des séries",
            "Ordre de la série",
            "Reihenfolge der Sätze",
            "Reihenfolge festlegen",
            "Satzreihenfolge",
            "Orden de la serie",
            "Orden de las series",
            "Orden de series",
            "Ordine delle serie",
            "Ordine della serie",
            "Ordem da série",
            "Ordem das séries",
            "Volgorde van de sets",
            "Setvolgorde",
        ],
    ),
    (Field::Weight, &["Weight", "Poids", "Gewicht", "Peso"]),
    (
        Field::WeightUnit,
        &[
            "Weight Unit",
            "Unité de poids",
            "Gewichtseinheit",
            "Unidad de peso",
            "Unità di peso",
            "Unidade de peso",
            "Gewichtseenheid",
        ],
    ),
    (
        Field::Reps,
        &[
            "Reps",
            "Répétitions",
            "Réps",
            "Wdh.",
            "Wiederh.",
            "Wiederholungen",
            "Repeticiones",
            "Ripetizioni",
            "Rip.",
            "Repetições",
            "Herhalingen",
            "Herh.",
        ],
    ),
    (Field::Rpe, &["RPE"]),
    (
        Field::Distance,
        &[
            "Distance",
            "Distanz",
            "Entfernung",
            "Strecke",
            "Distancia",
            "Distanza",
            "Distância",
            "Afstand",
        ],
    ),
    (
        Field::DistanceUnit,
        &[
            "Distance Unit",
            "Unité de distance",
            "Distanzeinheit",
            "Entfernungseinheit",
            "Unidad de distancia",
            "Unità di distanza",
            "Unidade de distância",
            "Afstandseenheid",
        ],
    ),
    (
        Field::Seconds,
        &[
            "Seconds", "Secondes", "Sekunden", "Segundos", "Secondi", "Seconden",
        ],
    ),
    (
        Field::Notes,
        &[
            "Notes",
            "Notizen",
            "Notas",
            "Note",
            "Notities",
            "Opmerkingen",
        ],
    ),
    (
        Field::WorkoutNotes,
        &[
            "Workout Notes",
            "Notes de l'entraînement",
            "Notes d'entraînement",
            "Trainingsnotizen",
            "Notizen zum Training",
            "Notas del entrenamiento",
            "Note dell'allenamento",
            "Notas do treino",
            "Notas do treinamento",
            "Trainingsnotities",
            "Workoutnotities",
        ],
    ),
    (Field::WorkoutNumber, &["Workout #"]),
];

/// The rest-timer label in the known languages.
const REST_TIMER_LABELS: &[&str] = &[
    "Rest Timer",
    "Minuteur de repos",
    "Pausentimer",
    "Pause-Timer",
    "Ruhezeit",
    "Temporizador de descanso",
    "Timer di recupero",
    "Timer de descanso",
    "Cronômetro de descanso",
    "Rusttimer",
    "Rust timer",
];

fn is_rest_label(cell: &str) -> bool {
    // Called twice per row: normalise the labels once, not on every call.
    static LABELS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        REST_TIMER_LABELS
            .iter()
            .map(|l| normalise_header(l))
            .collect()
    });
    // A normalised cell starts with its first letter or digit, lowercased:
    // when no label starts so, there is nothing to normalise.
    let Some(first) = cell.chars().find(|c| c.is_alphanumeric()) else {
        return false;
    };
    let first = first.to_lowercase().next().unwrap_or(first);
    if !labels.iter().any(|l| l.starts_with(first)) {
        return false;
    }
    let n = normalise_header(cell);
    !n.is_empty() && labels.contains(&n)
}

fn synonym(norm: &str) -> Option<Field> {
    SYNONYMS.iter().find_map(|(field, names)| {
        names
            .iter()
            .any(|n| normalise_header(n) == norm)
            .then_some(*field)
    })
}

/// A unit carried by a column name.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hint {
    Weight(WeightUnit),
    Distance(DistanceUnit, f64),
    Seconds,
}

/// What a (normalised) header name is, with any unit in the name:
/// "weight kg", "kg", "poids kg", "distance meters", "km", "duration sec".
fn classify(norm: &str) -> Option<(Field, Option<Hint>)> {
    if let Some(f) = synonym(norm) {
        return Some((f, None));
    }
    let (rest, last) = match norm.rsplit_once(' ') {
        Some((rest, last)) => (rest, last),
        None => ("", norm),
    };
    let rest_field = if rest.is_empty() { None } else { synonym(rest) };
    if let Some(u) = match last {
        "kg" | "kgs" => Some(WeightUnit::Kg),
        "lb" | "lbs" => Some(WeightUnit::Lb),
        _ => None,
    } {
        if rest.is_empty() || rest_field == Some(Field::Weight) {
            return Some((Field::Weight, Some(Hint::Weight(u))));
        }
    }
    if let Some((u, factor)) = length_unit(last) {
        let alone = matches!(last, "km" | "mi" | "miles");
        if (rest.is_empty() && alone) || rest_field == Some(Field::Distance) {
            return Some((Field::Distance, Some(Hint::Distance(u, factor))));
        }
    }
    if rest_field == Some(Field::Duration) && matches!(last, "sec" | "s" | "seconds" | "secs") {
        return Some((Field::Duration, Some(Hint::Seconds)));
    }
    None
}

#[derive(Debug, Clone)]
enum WeightUnitFrom {
    Fixed(WeightUnit),
    Column(Col),
}

#[derive(Debug, Clone)]
enum DistanceUnitFrom {
    Fixed(DistanceUnit, f64),
    Column(Col),
}

/// The Strong reader: where each column is.
#[derive(Debug)]
pub(crate) struct Strong {
    date: Col,
    workout_name: Option<Col>,
    duration: Option<(Col, bool)>,
    exercise: Col,
    set_order: Col,
    weight: Col,
    weight_unit: WeightUnitFrom,
    reps: Col,
    rpe: Option<Col>,
    distance: Option<Col>,
    distance_unit: DistanceUnitFrom,
    seconds: Option<Col>,
    notes: Option<Col>,
    workout_notes: Option<Col>,
    default_unit: WeightUnit,
    default_distance: DistanceUnit,
    /// Whether the header names the unit of weights (in a column's name or
    /// a unit column); if not, they are in the default unit.
    unit_named: bool,
    last_unit: Option<WeightUnit>,
    counter: SetCounter,
    /// The last date cell read and what it says (a workout's rows repeat it).
    last_date: Option<(String, (CsvTime, bool))>,
    /// The last duration cell read as text ("1h 5m") and its seconds.
    last_duration: Option<(String, u32)>,
    /// Scratch space for the set counter's workout key.
    key: String,
}

/// Columns found, by field.
#[derive(Default)]
struct Found {
    cols: Vec<(Field, Col, Option<Hint>)>,
}

impl Found {
    fn get(&self, f: Field) -> Option<(Col, Option<Hint>)> {
        self.cols
            .iter()
            .find(|(g, _, _)| *g == f)
            .map(|(_, c, h)| (c.clone(), *h))
    }
    fn col(&self, f: Field) -> Option<Col> {
        self.get(f).map(|(c, _)| c)
    }
}

/// `true` when the header is a Strong export's (by name).
pub(crate) fn matches(header: &Header) -> bool {
    Strong::new(header, &ReadOptions::default()).is_ok()
}

impl Strong {
    /// Maps a Strong header by column name.
    pub(crate) fn new(header: &Header, opts: &ReadOptions) -> Result<Self, super::CsvError> {
        let mut found = Found::default();
        for (i, norm) in header.normalised().iter().enumerate() {
            if let (Some((f, hint)), Some(col)) = (classify(norm), header.col(i)) {
                if found.get(f).is_none() {
                    found.cols.push((f, col, hint));
                }
            }
        }
        Self::build(&found, opts)
    }

    fn build(found: &Found, opts: &ReadOptions) -> Result<Self, super::CsvError> {
        let missing = |column: &str| super::CsvError::MissingColumn {
            layout: "Strong",
            column: column.to_string(),
        };
        let (weight, weight_hint) = found.get(Field::Weight).ok_or_else(|| missing("Weight"))?;
        let weight_unit = match (weight_hint, found.col(Field::WeightUnit)) {
            (Some(Hint::Weight(u)), _) => WeightUnitFrom::Fixed(u),
            (_, Some(c)) => WeightUnitFrom::Column(c),
            _ => WeightUnitFrom::Fixed(opts.default_unit),
        };
        let unit_named =
            matches!(weight_hint, Some(Hint::Weight(_))) || found.col(Field::WeightUnit).is_some();
        let default_distance = match opts.default_unit {
            WeightUnit::Kg => DistanceUnit::Km,
            WeightUnit::Lb => DistanceUnit::Mi,
        };
        let distance = found.get(Field::Distance);
        let distance_unit = match (distance.as_ref(), found.col(Field::DistanceUnit)) {
            (Some((_, Some(Hint::Distance(u, f)))), _) => DistanceUnitFrom::Fixed(*u, *f),
            (_, Some(c)) => DistanceUnitFrom::Column(c),
            _ => DistanceUnitFrom::Fixed(default_distance, 1.0),
        };
        let duration = found
            .get(Field::Duration)
            .map(|(c, h)| (c, h == Some(Hint::Seconds)));
        Ok(Strong {
            date: found.col(Field::Date).ok_or_else(|| missing("Date"))?,
            workout_name: found.col(Field::WorkoutName),
            duration,
            exercise: found
                .col(Field::ExerciseName)
                .ok_or_else(|| missing("Exercise Name"))?,
            set_order: found
                .col(Field::SetOrder)
                .ok_or_else(|| missing("Set Order"))?,
            weight,
            weight_unit,
            reps: found.col(Field::Reps).ok_or_else(|| missing("Reps"))?,
            rpe: found.col(Field::Rpe),
            distance: distance.map(|(c, _)| c),
            distance_unit,
            seconds: found.col(Field::Seconds),
            notes: found.col(Field::Notes),
            workout_notes: found.col(Field::WorkoutNotes),
            default_unit: opts.default_unit,
            default_distance,
            unit_named,
            last_unit: None,
            counter: SetCounter::default(),
            last_date: None,
            last_duration: None,
            key: String::new(),
        })
    }

    /// Last resort for a header whose names we cannot read (a language
    /// missing from the table): maps columns BY POSITION, but only when the
    /// column count is exactly that of one of Strong's English layouts,
    /// every column whose name we do recognise sits where that layout has
    /// it, and the first data row has the value shapes of that layout (a
    /// date first, a set number or W/D/F in Set Order, numbers where
    /// numbers go). Units not named in the header follow
    /// [`ReadOptions::default_unit`].
    pub(crate) fn by_position(header: &Header, first: &[&str], opts: &ReadOptions) -> Option<Self> {
        use Field::*;
        const TEMPLATES: &[&[Field]] = &[
            &[
                Date,
                WorkoutName,
                ExerciseName,
                SetOrder,
                Weight,
                Reps,
                Distance,
                Seconds,
                Notes,
                WorkoutNotes,
            ],
            &[
                Date,
                WorkoutName,
                Duration,
                ExerciseName,
                SetOrder,
                Weight,
                Reps,
                Distance,
                Seconds,
                Notes,
                WorkoutNotes,
                Rpe,
            ],
            &[
                Date,
                WorkoutName,
                ExerciseName,
                SetOrder,
                Weight,
                WeightUnit,
                Reps,
                Rpe,
                Distance,
                DistanceUnit,
                Seconds,
                Notes,
                WorkoutNotes,
            ],
            &[
                WorkoutNumber,
                Date,
                WorkoutName,
                Duration,
                ExerciseName,
                SetOrder,
                Weight,
                Reps,
                Rpe,
                Distance,
                Seconds,
                Notes,
                WorkoutNotes,
            ],
            &[
                Date,
                WorkoutName,
                ExerciseName,
                SetOrder,
                Weight,
                Reps,
                Distance,
                Seconds,
                Notes,
            ],
        ];
        let norms = header.normalised();
        TEMPLATES.iter().find_map(|template| {
            if template.len() != header.len() {
                return None;
            }
            // Names we recognise must agree with the template.
            for (norm, field) in norms.iter().zip(template.iter()) {
                if let Some((f, _)) = classify(norm) {
                    if f != *field {
                        return None;
                    }
                }
            }
            if !template
                .iter()
                .enumerate()
                .all(|(i, f)| shape_fits(*f, first.get(i).copied().unwrap_or(""), template))
            {
                return None;
            }
            let mut found = Found::default();
            for (i, field) in template.iter().enumerate() {
                let col = header.col(i)?;
                let hint = norms.get(i).and_then(|n| classify(n)).and_then(|(_, h)| h);
                let hint = match (field, hint) {
                    // The v6 layout counts its duration in seconds.
                    (Duration, None) if template.first() == Some(&WorkoutNumber) => {
                        Some(Hint::Seconds)
                    }
                    _ => hint,
                };
                found.cols.push((*field, col, hint));
            }
            Self::build(&found, opts).ok()
        })
    }

    /// Whether the file names the unit of its weights.
    pub(crate) fn names_weight_unit(&self) -> bool {
        self.unit_named
    }

    /// Reads one row into a set, a rest-timer skip, or a skip with reason.
    pub(crate) fn read(&mut self, row: &Row<'_>, out: &mut VecDeque<CsvRow>) {
        out.push_back(CsvRow::from_result(row.line, self.set(row)));
    }

    fn set(&mut self, row: &Row<'_>) -> Result<CsvSet, String> {
        let exercise_raw = row.get(&self.exercise);
        let order_raw = row.get(&self.set_order).trim();
        if is_rest_label(order_raw) || is_rest_label(exercise_raw) {
            return Err("rest timer row".to_string());
        }
        let reps_raw = row.get(&self.reps);
        let weight_raw = row.get(&self.weight);
        let kind = match order_raw.to_ascii_uppercase().as_str() {
            "W" => SetKind::Warmup,
            "D" => SetKind::Drop,
            "F" => SetKind::Failure,
            _ => match count(&self.set_order.name, order_raw) {
                Ok(Some(_)) => SetKind::Working,
                _ => {
                    let blank = |v: &str| decimal("", v).ok().flatten().unwrap_or(0.0) == 0.0;
                    if blank(reps_raw) && blank(weight_raw) {
                        return Err("rest timer row".to_string());
                    }
                    return Err(if order_raw.is_empty() {
                        format!("{}: empty", self.set_order.name)
                    } else {
                        format!(
                            "{}: '{}' is not a set number or W, D, F",
                            self.set_order.name,
                            quote(order_raw)
                        )
                    });
                }
            },
        };
        let date_raw = row.get(&self.date);
        let workout_raw = row.opt(&self.workout_name);
        self.key.clear();
        self.key.push_str(date_raw.trim());
        self.key.push('\u{1f}');
        self.key.push_str(workout_raw.trim());
        let order = self.counter.next(&self.key, exercise_raw.trim());
        let exercise = name(exercise_raw);
        if exercise.is_empty() {
            return Err(format!("{}: empty", self.exercise.name));
        }
        let (start, time_known) = match &self.last_date {
            Some((cell, read)) if cell == date_raw => *read,
            _ => {
                let read = time_cell(&self.date.name, date_raw)?;
                self.last_date = Some((date_raw.to_owned(), read));
                read
            }
        };
        let duration_s = match &self.duration {
            None => None,
            Some((col, true)) => seconds_whole(&col.name, row.get(col))?,
            Some((col, false)) => {
                let v = row.get(col).trim();
                if v.is_empty() {
                    None
                } else if let Some((cell, s)) = &self.last_duration
                    && cell == v
                {
                    Some(*s)
                } else {
                    let s = parse_duration_text(v)
                        .ok_or_else(|| format!("{}: '{}' is not a duration", col.name, quote(v)))?;
                    self.last_duration = Some((v.to_owned(), s));
                    Some(s)
                }
            }
        };
        let unit = match &self.weight_unit {
            WeightUnitFrom::Fixed(u) => *u,
            WeightUnitFrom::Column(c) => match weight_unit(&c.name, row.get(c))? {
                Some(u) => {
                    self.last_unit = Some(u);
                    u
                }
                None => self.last_unit.unwrap_or(self.default_unit),
            },
        };
        let load = weight(&self.weight.name, weight_raw, unit)?;
        let reps = count(&self.reps.name, reps_raw)?;
        let distance = match &self.distance {
            None => None,
            Some(col) => {
                let (u, factor) = match &self.distance_unit {
                    DistanceUnitFrom::Fixed(u, f) => (*u, *f),
                    DistanceUnitFrom::Column(c) => {
                        let v = row.get(c).trim();
                        if v.is_empty() {
                            (self.default_distance, 1.0)
                        } else {
                            length_unit(v).ok_or_else(|| {
                                format!("{}: '{}' is not a unit of distance", c.name, quote(v))
                            })?
                        }
                    }
                };
                distance(&col.name, row.get(col), u, factor)?
            }
        };
        let duration_ms = match &self.seconds {
            Some(col) => seconds_ms(&col.name, row.get(col))?,
            None => None,
        };
        let effort = match &self.rpe {
            Some(col) => rpe(&col.name, row.get(col))?,
            None => None,
        };
        Ok(CsvSet {
            line: row.line,
            id: None,
            workout: CsvWorkout {
                id: None,
                start,
                time_known,
                name: opt_name(workout_raw),
                duration_s,
                end: None,
                note: note(row.opt(&self.workout_notes)),
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
            note: note(row.opt(&self.notes)),
            target: None,
            performed_at: None,
            superset: None,
            role: None,
            effort_source: None,
            band: None,
        })
    }
}

/// Whether a first-row cell looks like what `field` holds.
fn shape_fits(field: Field, v: &str, template: &[Field]) -> bool {
    let v = v.trim();
    let number_or_blank = |v: &str| v.is_empty() || super::numbers::parse_decimal(v).is_some();
    match field {
        Field::Date => parse_time(v).is_some(),
        Field::SetOrder => {
            matches!(v.to_ascii_uppercase().as_str(), "W" | "D" | "F")
                || count("", v).ok().flatten().is_some()
                || is_rest_label(v)
        }
        Field::Weight | Field::Reps | Field::Rpe | Field::Distance | Field::Seconds => {
            number_or_blank(v)
        }
        Field::WeightUnit => {
            v.is_empty() || <WeightUnit as crate::model::Unit>::from_symbol(v).is_some()
        }
        Field::DistanceUnit => v.is_empty() || length_unit(v).is_some(),
        Field::Duration => {
            if template.first() == Some(&Field::WorkoutNumber) {
                number_or_blank(v)
            } else {
                v.is_empty() || parse_duration_text(v).is_some()
            }
        }
        Field::WorkoutNumber => count("", v).ok().flatten().is_some(),
        Field::WorkoutName | Field::ExerciseName | Field::Notes | Field::WorkoutNotes => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Weight;

    fn header(line: &str, delim: char) -> Header {
        Header::new(
            line.split(delim)
                .map(|s| s.trim_matches('"').to_string())
                .collect(),
        )
    }

    fn read_one(s: &mut Strong, fields: &[&str]) -> CsvRow {
        let mut out = VecDeque::new();
        s.read(&Row { line: 2, fields }, &mut out);
        out.pop_front().unwrap()
    }

    #[test]
    fn maps_every_english_header_by_name() {
        let opts = ReadOptions::default();
        let s = Strong::new(
            &header("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE", ','),
            &opts,
        )
        .unwrap();
        assert_eq!(s.exercise.idx, 3);
        assert_eq!(s.rpe.as_ref().unwrap().idx, 11);
        assert_eq!(
            s.duration.as_ref().map(|(c, secs)| (c.idx, *secs)),
            Some((2, false))
        );
        assert!(matches!(
            s.weight_unit,
            WeightUnitFrom::Fixed(WeightUnit::Kg)
        ));

        let s = Strong::new(
            &header(
                "Date,Workout Name,Exercise Name,Set Order,lbs,Reps,mi,Seconds,Notes",
                ',',
            ),
            &opts,
        )
        .unwrap();
        assert_eq!(s.weight.idx, 4);
        assert!(matches!(
            s.weight_unit,
            WeightUnitFrom::Fixed(WeightUnit::Lb)
        ));
        assert!(matches!(
            s.distance_unit,
            DistanceUnitFrom::Fixed(DistanceUnit::Mi, _)
        ));

        let s = Strong::new(
            &header("\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (kg)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"", ';'),
            &opts,
        )
        .unwrap();
        assert_eq!(s.date.idx, 1);
        assert_eq!(
            s.duration.as_ref().map(|(c, secs)| (c.idx, *secs)),
            Some((3, true))
        );
        assert!(matches!(
            s.distance_unit,
            DistanceUnitFrom::Fixed(DistanceUnit::M, _)
        ));

        let s = Strong::new(
            &header("Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes", ';'),
            &opts,
        )
        .unwrap();
        assert!(matches!(&s.weight_unit, WeightUnitFrom::Column(c) if c.idx == 5));
        assert!(matches!(&s.distance_unit, DistanceUnitFrom::Column(c) if c.idx == 9));
    }

    #[test]
    fn maps_translated_headers() {
        let opts = ReadOptions::default();
        for line in [
            "Date;Nom de l'entraînement;Durée;Nom de l'exercice;Ordre des séries;Poids;Répétitions;Distance;Secondes;Notes;Notes de l'entraînement;RPE",
            "Datum;Name des Trainings;Dauer;Name der Übung;Reihenfolge der Sätze;Gewicht;Wdh.;Distanz;Sekunden;Notizen;Trainingsnotizen;RPE",
            "Fecha;Nombre del entrenamiento;Duración;Nombre del ejercicio;Orden de la serie;Peso;Repeticiones;Distancia;Segundos;Notas;Notas del entrenamiento;RPE",
            "Data;Nome dell'allenamento;Durata;Nome dell'esercizio;Ordine delle serie;Peso;Ripetizioni;Distanza;Secondi;Note;Note dell'allenamento;RPE",
            "Data;Nome do treino;Duração;Nome do exercício;Ordem da série;Peso;Repetições;Distância;Segundos;Notas;Notas do treino;RPE",
            "Datum;Naam van de training;Duur;Naam van de oefening;Volgorde van de sets;Gewicht;Herhalingen;Afstand;Seconden;Notities;Trainingsnotities;RPE",
            "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,Entfernung,Sekunden,Notizen,Trainingsnotizen,RPE",
        ] {
            let s = Strong::new(
                &header(line, if line.contains(';') { ';' } else { ',' }),
                &opts,
            )
            .unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(
                (
                    s.date.idx,
                    s.exercise.idx,
                    s.set_order.idx,
                    s.weight.idx,
                    s.reps.idx
                ),
                (0, 3, 4, 5, 6),
                "{line}"
            );
            assert_eq!(s.workout_notes.as_ref().map(|c| c.idx), Some(10), "{line}");
            assert_eq!(s.notes.as_ref().map(|c| c.idx), Some(9), "{line}");
            assert_eq!(s.duration.as_ref().map(|(c, _)| c.idx), Some(2), "{line}");
        }
        assert!(is_rest_label("Minuteur de repos"));
        assert!(is_rest_label("  PAUSENTIMER "));
        assert!(is_rest_label("Temporizador de descanso"));
        assert!(is_rest_label("Timer di recupero"));
        assert!(is_rest_label("Rusttimer"));
        assert!(!is_rest_label("Bench Press"));
    }

    #[test]
    fn reads_kinds_rest_timers_and_weights() {
        let opts = ReadOptions {
            source: None,
            default_unit: WeightUnit::Lb,
        };
        let mut s = Strong::new(
            &header("Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes", ','),
            &opts,
        )
        .unwrap();
        let row = |so: &'static str, w: &'static str, r: &'static str| {
            [
                "2019-01-04 18:41:35",
                "Push",
                "Bench Press (Barbell)",
                so,
                w,
                r,
                "0",
                "0",
                "",
                "",
            ]
        };
        let CsvRow::Set(a) = read_one(&mut s, &row("W", "45", "10")) else {
            panic!()
        };
        assert_eq!((a.kind, a.order), (SetKind::Warmup, 1));
        assert_eq!(
            a.load,
            CsvLoad::Weight(Some(Weight::from_milli(45_000, WeightUnit::Lb)))
        );
        let CsvRow::Set(b) = read_one(&mut s, &row("1", "74.99999999999999", "5")) else {
            panic!()
        };
        assert_eq!((b.kind, b.order, b.reps), (SetKind::Working, 2, Some(5)));
        assert_eq!(
            b.load,
            CsvLoad::Weight(Some(Weight::from_milli(75_000, WeightUnit::Lb)))
        );
        assert_eq!(b.distance, None);
        assert_eq!(b.duration_ms, None);
        let CsvRow::Set(c) = read_one(&mut s, &row("D", "", "8")) else {
            panic!()
        };
        assert_eq!((c.kind, c.load), (SetKind::Drop, CsvLoad::Weight(None)));
        let CsvRow::Set(d) = read_one(&mut s, &row("F", "0", "3")) else {
            panic!()
        };
        assert_eq!(d.kind, SetKind::Failure);
        assert_eq!(
            d.load,
            CsvLoad::Weight(Some(Weight::from_milli(0, WeightUnit::Lb)))
        );
        assert_eq!(
            read_one(&mut s, &row("Rest Timer", "0", "0")),
            CsvRow::Skip {
                line: 2,
                reason: "rest timer row".into()
            }
        );
        assert_eq!(
            read_one(&mut s, &row("R", "", "")),
            CsvRow::Skip {
                line: 2,
                reason: "rest timer row".into()
            }
        );
        assert_eq!(
            read_one(&mut s, &row("X", "50", "5")),
            CsvRow::Skip {
                line: 2,
                reason: "Set Order: 'X' is not a set number or W, D, F".into()
            }
        );
        assert_eq!(
            read_one(&mut s, &row("2", "50", "abc")),
            CsvRow::Skip {
                line: 2,
                reason: "Reps: 'abc' is not a number".into()
            }
        );
        assert_eq!(
            read_one(&mut s, &row("2", "50", "-1")),
            CsvRow::Skip {
                line: 2,
                reason: "Reps: '-1' is negative".into()
            }
        );
    }

    #[test]
    fn positional_fallback_needs_the_shape_of_strong() {
        let opts = ReadOptions::default();
        let h = header(
            "Fecha X;Nombre Y;Duración Z;Ejercicio Q;Orden;Peso P;Reps R;Dist;Seg;Notas N;Notas W;RPE",
            ';',
        );
        let first = [
            "2020-05-01 10:00:00",
            "Tarde",
            "1h 5m",
            "Sentadilla",
            "1",
            "100",
            "5",
            "0",
            "0",
            "",
            "",
            "",
        ];
        let s = Strong::by_position(&h, &first, &opts).unwrap();
        assert_eq!((s.exercise.idx, s.reps.idx), (3, 6));
        assert_eq!(s.exercise.name, "Ejercicio Q");
        let bad = [
            "not a date",
            "Tarde",
            "1h 5m",
            "Sentadilla",
            "1",
            "100",
            "5",
            "0",
            "0",
            "",
            "",
            "",
        ];
        assert!(Strong::by_position(&h, &bad, &opts).is_none());
        let short = header("a;b;c", ';');
        assert!(Strong::by_position(&short, &["2020-05-01", "x", "y"], &opts).is_none());
        // A recognised name in the wrong place rules the template out.
        let h = header(
            "Date;Workout Name;Duration;Reps;Set Order;Weight;Exercise Name;Distance;Seconds;Notes;Workout Notes;RPE",
            ';',
        );
        assert!(Strong::by_position(&h, &first, &opts).is_none());
    }
}
