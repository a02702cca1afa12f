//! Filling [`ReportData`] from the analytics: which series become which
//! chart, in the person's unit, with the reference bands of SCIENCE.md.
//!
//! Pure like the renderer: [`build`] takes what the store read (the charts
//! of the whole history, the records, the measurements, pain scores and the
//! profile) and a date, so every number on the page can be checked by hand.

use chrono::NaiveDate;

use super::{
    ClinicianSummary, DoseSpread, LineSeries, MeasureChart, MinutesBand, PainScore, Point,
    RecordRow, RefBand, ReportData, SetBasis, StrengthTrend, TextTable, Tone, WeekBar,
};
use crate::analytics::{Charts, E1rmPoint, E1rmSeries, Record, RecordKind, RecordUnit, WeekStats};
use crate::measures::{Band, BandStatus};
use crate::model::{
    MeasureKind, MeasureUnit, Measurement, Profile, Site, Unit, WeightUnit, trim_number,
};

/// Weeks the clinician's dose and the notes look back over.
pub const RECENT_WEEKS: usize = 12;
/// Rows kept in each clinician table (newest first).
pub const MAX_TABLE_ROWS: usize = 24;

/// What a report is made from.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    /// The day the report is made.
    pub today: NaiveDate,
    /// The person.
    pub profile: &'a Profile,
    /// Weeks and main-lift e1RM over the whole history up to `today`.
    pub charts: &'a Charts,
    /// Every exercise's current records.
    pub records: &'a [Record],
    /// Every measurement, any order.
    pub measurements: &'a [Measurement],
    /// Pain reported during sets, any order.
    pub pain: &'a [PainScore],
}

/// The report for `input`.
pub fn build(input: &ReportInput<'_>) -> ReportData {
    let unit = input.profile.unit;
    let weekly: Vec<WeekBar> = input.charts.weeks.iter().map(week_bar).collect();
    let e1rm: Vec<LineSeries> = input
        .charts
        .main_lifts
        .iter()
        .map(|s| e1rm_line(s, unit))
        .collect();
    let notes = notes(&input.charts.weeks);
    let clinician = ClinicianSummary {
        dose: DoseSpread::from_weeks(complete_weeks(&weekly, input.today), RECENT_WEEKS),
        pain: input.pain.to_vec(),
        strength: input
            .charts
            .main_lifts
            .iter()
            .filter_map(|s| strength_trend(s, unit))
            .collect(),
        function_tests: measure_table(input, MeasureGroup::Function),
        dxa: measure_table(input, MeasureGroup::Dxa),
    };
    ReportData {
        title: format!("Heft training report, {}", input.today.format("%-d %B %Y")),
        generated_on: input.today,
        person: person(input.profile, input.today),
        e1rm,
        weekly,
        dose_band: MinutesBand {
            low: f64::from(input.charts.band.min_minutes),
            high: f64::from(input.charts.band.max_minutes),
            ceiling: f64::from(input.charts.band.limit_minutes),
        },
        measures: measure_charts(input),
        records: input
            .records
            .iter()
            .map(|r| RecordRow::of(r, unit))
            .collect(),
        clinician,
        notes,
    }
}

/// "age 68, female, osteopenia, past vertebral fracture"; `None` when the
/// profile says nothing about the person.
fn person(p: &Profile, today: NaiveDate) -> Option<String> {
    use crate::model::{BoneStatus, FractureHistory};
    use chrono::Datelike;
    let mut parts = Vec::new();
    if let Some(y) = p.birth_year {
        let age = today.year() - y;
        parts.push(if age >= 0 {
            format!("born {y} (about {age})")
        } else {
            format!("born {y}")
        });
    }
    if let Some(s) = p.sex {
        parts.push(s.to_string());
    }
    match p.bone_status {
        Some(BoneStatus::Normal) => parts.push("normal bone density".into()),
        Some(b) => parts.push(b.to_string()),
        None => {}
    }
    match p.fracture_history {
        Some(FractureHistory::Fragility) => parts.push("past fragility fracture".into()),
        Some(FractureHistory::Vertebral) => parts.push("past vertebral fracture".into()),
        _ => {}
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn week_bar(w: &WeekStats) -> WeekBar {
    WeekBar {
        label: w.week.label(),
        start: w.monday,
        minutes: f64::from(w.lifting_minutes),
        sessions: w.sessions,
        heavy_axial_sets: w.bone.heavy_axial_sets,
        landings: w.bone.landings,
    }
}

/// The weeks that have ended by `today` (a Sunday ends its own week): a
/// week in progress would read as a week of little training.
fn complete_weeks(weeks: &[WeekBar], today: NaiveDate) -> &[WeekBar] {
    let done = weeks
        .iter()
        .take_while(|w| {
            w.start
                .checked_add_days(chrono::Days::new(6))
                .is_some_and(|sunday| sunday <= today)
        })
        .count();
    &weeks[..done]
}

fn formula_note(s: &E1rmSeries) -> String {
    format!(
        "Estimated one-repetition maximum: the best set of each session, by the {} formula, \
         counting reps in reserve when logged.",
        s.formula_name
    )
}

fn e1rm_line(s: &E1rmSeries, unit: WeightUnit) -> LineSeries {
    LineSeries {
        name: s.name.clone(),
        unit: unit.symbol().to_owned(),
        points: s
            .points
            .iter()
            .map(|p| Point {
                date: p.date,
                value: unit.of_kg(p.e1rm_kg),
            })
            .collect(),
        note: Some(formula_note(s)),
    }
}

/// Reps within this many of the latest set make an earlier set comparable
/// to it: an e1RM from 3 reps and one from 10 differ by the formula's error
/// alone. [design]
const COMPARABLE_REPS: u32 = 2;

fn strength_trend(s: &E1rmSeries, unit: WeightUnit) -> Option<StrengthTrend> {
    let latest = s.points.last()?;
    // The baseline: the first session whose best set is comparable to the
    // latest one (work sets only, so never the technique weeks), else the
    // first session.
    let earlier = &s.points[..s.points.len() - 1];
    let first = earlier
        .iter()
        .find(|p| p.reps.abs_diff(latest.reps) <= COMPARABLE_REPS)
        .or(s.points.first())?;
    Some(StrengthTrend {
        exercise: s.name.clone(),
        unit: unit.symbol().to_owned(),
        first: unit.of_kg(first.e1rm_kg),
        first_date: first.date,
        latest: unit.of_kg(latest.e1rm_kg),
        latest_date: latest.date,
        first_set: Some(basis(first, unit)),
        latest_set: Some(basis(latest, unit)),
    })
}

fn basis(p: &E1rmPoint, unit: WeightUnit) -> SetBasis {
    SetBasis {
        load: unit.of_kg(p.weight_kg),
        reps: p.reps,
        rir: p.rir,
    }
}

/// Warnings about the weekly dose over the last [`RECENT_WEEKS`] weeks with
/// training (SCIENCE.md, "Dose: the J-curve").
fn notes(weeks: &[WeekStats]) -> Vec<String> {
    let recent = &weeks[weeks.len().saturating_sub(RECENT_WEEKS)..];
    let trained = recent.iter().filter(|w| w.sessions > 0).count();
    let far = recent
        .iter()
        .filter(|w| w.dose == crate::progression::plan::DoseLevel::FarAbove)
        .count();
    let above = recent
        .iter()
        .filter(|w| w.dose == crate::progression::plan::DoseLevel::Above)
        .count();
    let estimated: u32 = recent.iter().map(|w| w.estimated_sessions).sum();
    let n = recent.len();
    let mut notes = Vec::new();
    if far > 0 {
        notes.push(format!(
            "Above 130 minutes of lifting in {far} of the last {n} weeks: at that dose the \
             benefit seen in trials is gone. Fewer or shorter sessions would do more."
        ));
    }
    if above > 0 {
        notes.push(format!(
            "Between 60 and 130 minutes in {above} of the last {n} weeks: above the 40-60 \
             minutes where the benefit peaks."
        ));
    }
    if trained > 0 && estimated > 0 {
        notes.push(format!(
            "{estimated} session(s) of the last {n} weeks had no recorded length; their \
             minutes are estimated from sets and rest."
        ));
    }
    notes
}

impl RecordRow {
    /// A record as people read it, loads in `unit`: kind "most reps at
    /// body weight + 10 kg", value "12 reps"; kind "best e1RM", value "105 kg".
    pub fn of(r: &Record, unit: WeightUnit) -> RecordRow {
        let previous = r
            .previous
            .map(|value| record_row(&Record { value, ..r.clone() }, unit).value);
        RecordRow {
            previous,
            ..record_row(r, unit)
        }
    }
}

fn record_row(r: &Record, unit: WeightUnit) -> RecordRow {
    let load = |kg: f64| format!("{} {}", trim_number(unit.of_kg(kg)), unit.symbol());
    let added = |kg: Option<f64>| match kg {
        Some(kg) if r.bodyweight && kg == 0.0 => "body weight".to_owned(),
        Some(kg) if r.bodyweight && kg > 0.0 => format!("body weight + {}", load(kg)),
        Some(kg) if r.bodyweight => format!("body weight - {}", load(-kg)),
        Some(kg) => load(kg),
        None => "no load".to_owned(),
    };
    let (kind, value) = match r.kind {
        RecordKind::HeaviestWeight if r.bodyweight => ("heaviest".to_owned(), added(Some(r.value))),
        RecordKind::HeaviestWeight => ("heaviest".to_owned(), load(r.value)),
        RecordKind::BestE1rm => ("best e1RM".to_owned(), load(r.value)),
        RecordKind::MostReps => (
            format!("most reps at {}", added(r.weight_kg)),
            format!("{} reps", trim_number(r.value)),
        ),
        RecordKind::BestVolume => (
            "best volume session".to_owned(),
            match r.unit {
                RecordUnit::Kg => load(r.value),
                RecordUnit::Reps => format!("{} reps", trim_number(r.value)),
            },
        ),
    };
    RecordRow {
        exercise: r.exercise_name.clone(),
        kind,
        value,
        date: r.date,
        previous: None,
    }
}

/// The two clinician tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MeasureGroup {
    Function,
    Dxa,
}

fn group_of(kind: MeasureKind) -> Option<MeasureGroup> {
    match kind {
        MeasureKind::Bmd | MeasureKind::TScore | MeasureKind::ZScore => Some(MeasureGroup::Dxa),
        MeasureKind::Grip
        | MeasureKind::ChairStand30s
        | MeasureKind::FiveChairStand
        | MeasureKind::TimedUpAndGo
        | MeasureKind::GaitSpeed => Some(MeasureGroup::Function),
        _ => None,
    }
}

/// A kind as people name it.
fn kind_title(kind: MeasureKind) -> &'static str {
    match kind {
        MeasureKind::BodyWeight => "Body weight",
        MeasureKind::LeanMass => "Lean mass",
        MeasureKind::VisceralFat => "Visceral fat",
        MeasureKind::Bmd => "Bone mineral density",
        MeasureKind::TScore => "Bone density (T-score)",
        MeasureKind::ZScore => "Bone density (Z-score)",
        MeasureKind::Grip => "Grip strength",
        MeasureKind::ChairStand30s => "30-second chair stand",
        MeasureKind::FiveChairStand => "Five chair stands",
        MeasureKind::TimedUpAndGo => "Timed up-and-go",
        MeasureKind::GaitSpeed => "Gait speed",
        MeasureKind::Steps => "Daily steps",
        MeasureKind::RunningMinutes => "Running",
    }
}

fn site_title(site: Option<Site>) -> &'static str {
    match site {
        Some(Site::LumbarSpine) => "Lumbar spine",
        Some(Site::FemoralNeck) => "Femoral neck",
        Some(Site::TotalHip) => "Total hip",
        Some(Site::Left) => "Left hand",
        Some(Site::Right) => "Right hand",
        None => "",
    }
}

/// The unit a chart of `kind` is drawn in: weights in the person's unit,
/// other kinds in the unit of their latest value.
fn chart_unit(kind: MeasureKind, latest: MeasureUnit, person: WeightUnit) -> MeasureUnit {
    if kind.is_weight() && latest.weight_unit().is_some() {
        person.into()
    } else {
        latest
    }
}

/// The unit as a chart label; scores have none.
fn unit_label(u: MeasureUnit) -> String {
    match u {
        MeasureUnit::Sd => String::new(),
        u => u.to_string(),
    }
}

/// The shaded ranges of a kind's chart, in `unit`, with where they come from.
fn ref_bands(
    kind: MeasureKind,
    unit: MeasureUnit,
    profile: &Profile,
    today: NaiveDate,
) -> (Vec<RefBand>, Option<String>) {
    use crate::measures::norms as r;
    let band = |lo: Option<f64>, hi: Option<f64>, label: &str, tone| RefBand {
        lo,
        hi,
        label: label.to_owned(),
        tone,
    };
    // The kinds with one cut-off: a single red band beyond it.
    let alert = |lo, hi, label: &str, note: &str| {
        (
            vec![band(lo, hi, label, Tone::Alert)],
            Some(note.to_owned()),
        )
    };
    match kind {
        MeasureKind::TScore => match t_score_applies(profile, today) {
            Err(why) => (Vec::new(), Some(why)),
            Ok(()) => (
                vec![
                    band(None, Some(r::T_OSTEOPOROSIS), "osteoporosis", Tone::Alert),
                    band(
                        Some(r::T_OSTEOPOROSIS),
                        Some(r::T_NORMAL),
                        "osteopenia",
                        Tone::Caution,
                    ),
                    band(Some(r::T_NORMAL), None, "normal", Tone::Good),
                ],
                Some(
                    "WHO bands, for postmenopausal women and men aged 50 or more. DXA changes \
                  under about 3% (0.3 SD) are within the scanner's precision."
                        .into(),
                ),
            ),
        },
        MeasureKind::ZScore => (
            vec![band(
                None,
                Some(r::Z_LOW),
                "below the expected range for age",
                Tone::Alert,
            )],
            Some("ISCD: a Z-score of -2.0 or lower is below the expected range for age.".into()),
        ),
        MeasureKind::Grip => {
            let cut = match profile.sex {
                Some(crate::model::Sex::Male) => r::GRIP_LOW_MEN_KG,
                Some(crate::model::Sex::Female) => r::GRIP_LOW_WOMEN_KG,
                None => {
                    return (
                        Vec::new(),
                        Some("Set sex in the profile to see the EWGSOP2 cut-off (27 kg men, 16 kg women).".into()),
                    );
                }
            };
            let cut = MeasureUnit::Kg.convert(cut, unit).unwrap_or(cut);
            (
                vec![band(None, Some(cut), "low grip strength", Tone::Alert)],
                Some("EWGSOP2 sarcopenia screening cut-off.".into()),
            )
        }
        MeasureKind::ChairStand30s => alert(
            None,
            Some(r::CHAIR_STAND_LOW),
            "low function",
            "Rikli & Jones: fewer than 8 stands in 30 s is low function.",
        ),
        MeasureKind::FiveChairStand => alert(
            Some(r::FIVE_STAND_LOW_S),
            None,
            "low strength",
            "EWGSOP2: over 15 s for five stands is low strength.",
        ),
        MeasureKind::TimedUpAndGo => alert(
            Some(r::TUG_FALL_RISK_S),
            None,
            "fall risk",
            "CDC STEADI: 12 s or more is a fall risk.",
        ),
        MeasureKind::GaitSpeed => alert(
            None,
            Some(r::GAIT_SPEED_LOW),
            "mobility impairment",
            "EWGSOP2: 0.8 m/s or slower is mobility impairment.",
        ),
        _ => (Vec::new(), None),
    }
}

/// Whether the WHO T-score bands apply to the person on `today`; if not,
/// why, as the chart's note (the DXA table leaves the reference blank then).
fn t_score_applies(profile: &Profile, today: NaiveDate) -> Result<(), String> {
    Band::applies(MeasureKind::TScore, profile, today).map_err(|why| {
        let mut chars = why.label.chars();
        let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
        format!("{}{}.", first.unwrap_or_default(), chars.as_str())
    })
}

/// Charts a kind goes on, in the order the page shows them: bone first.
const CHART_ORDER: &[MeasureKind] = &[
    MeasureKind::TScore,
    MeasureKind::Bmd,
    MeasureKind::ZScore,
    MeasureKind::BodyWeight,
    MeasureKind::LeanMass,
    MeasureKind::VisceralFat,
    MeasureKind::Grip,
    MeasureKind::ChairStand30s,
    MeasureKind::FiveChairStand,
    MeasureKind::TimedUpAndGo,
    MeasureKind::GaitSpeed,
    MeasureKind::Steps,
    MeasureKind::RunningMinutes,
];

/// One chart per kind (visceral fat in grams and as a scale level are two),
/// one line per site; values measured after `today` are left out.
fn measure_charts(input: &ReportInput<'_>) -> Vec<MeasureChart> {
    let person = input.profile.unit;
    let mut charts = Vec::new();
    for &kind in CHART_ORDER {
        let mut of_kind: Vec<&Measurement> = input
            .measurements
            .iter()
            .filter(|m| m.kind == kind && m.measured_at.local_date() <= input.today)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        of_kind.sort_by(|a, b| (a.measured_at, &a.id).cmp(&(b.measured_at, &b.id)));
        // Units that do not convert into each other get a chart each.
        let mut families: Vec<MeasureUnit> = Vec::new();
        for m in &of_kind {
            let u = chart_unit(kind, m.unit, person);
            if !families.iter().any(|f| f.convert(1.0, u).is_some()) {
                families.push(u);
            }
        }
        for unit in families {
            let mut sites: Vec<Option<Site>> = Vec::new();
            let mut series: Vec<LineSeries> = Vec::new();
            for m in &of_kind {
                let Some(value) = m.unit.convert(m.value, unit) else {
                    continue;
                };
                let at = match sites.iter().position(|s| *s == m.site) {
                    Some(i) => i,
                    None => {
                        sites.push(m.site);
                        let name = match m.site {
                            None => kind_title(kind).to_owned(),
                            s => site_title(s).to_owned(),
                        };
                        series.push(LineSeries {
                            name,
                            unit: unit_label(unit),
                            points: Vec::new(),
                            note: None,
                        });
                        series.len() - 1
                    }
                };
                series[at].points.push(Point {
                    date: m.measured_at.local_date(),
                    value: (value * 1000.0).round() / 1000.0,
                });
            }
            let (bands, note) = ref_bands(kind, unit, input.profile, input.today);
            let title = if kind == MeasureKind::VisceralFat {
                format!("{} ({unit})", kind_title(kind))
            } else {
                kind_title(kind).to_owned()
            };
            charts.push(MeasureChart {
                title,
                unit: unit_label(unit),
                series,
                bands,
                note,
            });
        }
    }
    charts
}

/// The band of a measurement in words, for the clinician's tables.
fn band_words(m: &Measurement, profile: &Profile) -> String {
    match Band::for_value(m.kind, m.value, m.unit, profile, m.measured_at.local_date()) {
        Some(b)
            if b.status == BandStatus::NotApplicable || b.status == BandStatus::NeedsProfile =>
        {
            String::new()
        }
        Some(b) => format!("{} [{}]", b.label, b.source.as_str()),
        None => String::new(),
    }
}

/// Function tests or DXA results, newest first, at most [`MAX_TABLE_ROWS`].
fn measure_table(input: &ReportInput<'_>, group: MeasureGroup) -> TextTable {
    let mut rows: Vec<&Measurement> = input
        .measurements
        .iter()
        .filter(|m| group_of(m.kind) == Some(group) && m.measured_at.local_date() <= input.today)
        .collect();
    rows.sort_by(|a, b| (b.measured_at, &b.id).cmp(&(a.measured_at, &a.id)));
    rows.truncate(MAX_TABLE_ROWS);
    let columns = match group {
        MeasureGroup::Function => ["Date", "Test", "Result", "Reference"],
        MeasureGroup::Dxa => ["Date", "Site", "Result", "Reference"],
    };
    TextTable {
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        rows: rows
            .into_iter()
            .map(|m| {
                let what = match (group, m.site) {
                    (MeasureGroup::Function, None) => kind_title(m.kind).to_owned(),
                    (MeasureGroup::Function, s) => {
                        format!("{} ({})", kind_title(m.kind), site_title(s).to_lowercase())
                    }
                    (MeasureGroup::Dxa, None) => "unspecified site".to_owned(),
                    (MeasureGroup::Dxa, s) => site_title(s).to_owned(),
                };
                let result = match m.kind {
                    MeasureKind::TScore => format!("T-score {}", trim_number(m.value)),
                    MeasureKind::ZScore => format!("Z-score {}", trim_number(m.value)),
                    MeasureKind::Bmd => format!("BMD {}", m.value_text()),
                    _ => m.value_text(),
                };
                vec![
                    m.measured_at.local_date().to_string(),
                    what,
                    result,
                    band_words(m, input.profile),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::progression::strength::Formula;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn bar(start: NaiveDate) -> WeekBar {
        WeekBar {
            label: String::new(),
            start,
            minutes: 30.0,
            sessions: 1,
            heavy_axial_sets: 0,
            landings: 0,
        }
    }

    #[test]
    fn a_strength_change_is_measured_from_a_comparable_set() {
        let point = |day: u32, kg: f64, reps: u32| crate::analytics::E1rmPoint {
            date: d(2026, 3, day),
            workout_id: format!("w{day}"),
            set_id: format!("s{day}"),
            e1rm_kg: kg * (1.0 + f64::from(reps) / 30.0),
            weight_kg: kg,
            reps,
            rir: None,
        };
        let series = E1rmSeries {
            exercise_id: "deadlift".into(),
            name: "Deadlift".into(),
            formula: Formula::Epley,
            formula_name: "Epley".into(),
            // A set of 12 first, then fives.
            points: vec![point(2, 40.0, 12), point(9, 50.0, 5), point(30, 60.0, 5)],
        };
        let t = strength_trend(&series, WeightUnit::Kg).unwrap();
        assert_eq!(t.first_date, d(2026, 3, 9), "the first comparable set");
        assert_eq!(t.first_set.map(|b| (b.load, b.reps)), Some((50.0, 5)));
        assert_eq!(t.latest_set.map(|b| (b.load, b.reps)), Some((60.0, 5)));
        // Nothing comparable: the first session.
        let only = E1rmSeries {
            points: vec![point(2, 40.0, 12), point(30, 60.0, 3)],
            ..series
        };
        assert_eq!(
            strength_trend(&only, WeightUnit::Kg).unwrap().first_date,
            d(2026, 3, 2)
        );
    }

    #[test]
    fn a_week_counts_as_complete_from_its_sunday() {
        let weeks = [bar(d(2026, 11, 16)), bar(d(2026, 11, 23))];
        assert_eq!(complete_weeks(&weeks, d(2026, 11, 22)).len(), 1);
        assert_eq!(complete_weeks(&weeks, d(2026, 11, 28)).len(), 1);
        assert_eq!(complete_weeks(&weeks, d(2026, 11, 29)).len(), 2);
        assert_eq!(complete_weeks(&weeks, d(2026, 11, 21)).len(), 0);
        assert!(complete_weeks(&[], d(2026, 11, 21)).is_empty());
    }
}
