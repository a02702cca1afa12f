//! Measures: a card per series (kind and site) with its latest value, how
//! it changed since the one before and over the whole series, and where it
//! stands against its reference band; and the form for a new measurement,
//! whose kinds, units and sites come from the model's rules
//! ([`MeasureKind::units`], [`MeasureKind::site_rule`]) and whose mistakes
//! are field errors in words.

use chrono::NaiveDate;
use serde::Serialize;

use super::history::dated;
use super::log::{FieldError, validation_message};
use super::{Action, ActionKind, EmptyState, Tone};
use crate::measures::{BandSource, BandStatus, Change, DxaCall, Trend};
use crate::model::{MeasureKind, MeasureUnit, Measurement, Site, SiteRule, Unit, WeightUnit};
use crate::text::{Arg, Language, Text};
use crate::validate::{Field, Problem, ValidationError};

/// How many measurements of a series its card lists, newest first.
pub const CARD_ENTRIES: usize = 50;

/// The Measures screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeasuresScreen {
    /// The language it is written in.
    pub language: Language,
    /// The heading.
    pub title: String,
    /// One card per series, in the order of the kinds, then sites.
    pub cards: Vec<MeasureCard>,
    /// Shown instead of the cards when nothing is measured yet.
    pub empty: Option<EmptyState>,
    /// Taking back the last change made on this device, when it is a
    /// measurement added or deleted (`measures_undo`).
    pub undo: Option<Action>,
}

/// A series: one kind at one site.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeasureCard {
    /// What is measured.
    pub kind: MeasureKind,
    /// Where, for a DXA site or a hand.
    pub site: Option<Site>,
    /// "Grip strength, left hand".
    pub title: String,
    /// The latest value: "31 kg", "−1.8".
    pub latest: String,
    /// When: "Tue 24 Nov", with the year when not this year's.
    pub date: String,
    /// Since the one before: "+2 kg (+6.9%) since Sun 1 Mar".
    pub change: Option<String>,
    /// Since the first, when there are three or more.
    pub trend: Option<String>,
    /// For a scan, whether the change since the one before is beyond the
    /// scanner's precision.
    pub precision: Option<String>,
    /// Where the latest value stands, for kinds with a reference.
    pub band: Option<BandNote>,
    /// How the card reads: the band's tone, neutral without one.
    pub tone: Tone,
    /// "3 measurements".
    pub count: String,
    /// The newest measurements of the series (at most [`CARD_ENTRIES`]),
    /// newest first, each to delete.
    pub entries: Vec<MeasureEntry>,
}

/// A reference band beside a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BandNote {
    /// "osteopenia (WHO)".
    pub text: String,
    /// How the value compares.
    pub status: BandStatus,
    /// The reference, as cited.
    pub source: String,
    /// "rule of thumb" when the band rests on an assumption of Heft's.
    pub label: Option<String>,
    /// How it reads.
    pub tone: Tone,
}

/// One measurement of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeasureEntry {
    /// The measurement: for `measures_delete`.
    pub measurement_id: String,
    /// "Tue 24 Nov".
    pub date: String,
    /// "31 kg".
    pub value: String,
    /// The person's note.
    pub note: Option<String>,
    /// Deleting it.
    pub delete: Action,
    /// The entry as one sentence for TalkBack and VoiceOver.
    pub spoken: String,
}

/// A measurement as the person types it into the form.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeasureDraft {
    /// What was measured; `None` until chosen.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub kind: Option<MeasureKind>,
    /// The value as typed, its unit optional: `72,5`, `160lb`, `-1.8`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub value: String,
    /// The unit chosen, when the value does not carry one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unit: Option<MeasureUnit>,
    /// Where, for a DXA site or a hand.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub site: Option<Site>,
    /// The day it was measured; now when `None`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub on: Option<NaiveDate>,
    /// A note.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub note: Option<String>,
}

/// The form for a new measurement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeasureForm {
    /// The language it is written in.
    pub language: Language,
    /// Every kind that can be measured, with its units and sites.
    pub kinds: Vec<KindChoice>,
    /// What must change before the measurement can be saved, per field:
    /// `measure`, `value`, `unit`, `site`, `date` or `note`.
    pub errors: Vec<FieldError>,
    /// The measurement as it will be saved: "Grip strength, left hand: 31 kg".
    pub preview: Option<String>,
    /// Save, once there are no errors.
    pub actions: Vec<Action>,
}

/// A kind to choose, with what its value may be.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct KindChoice {
    /// The kind.
    pub kind: MeasureKind,
    /// Its name: "Grip strength".
    pub name: String,
    /// The units a value may be given in.
    pub units: Vec<UnitChoice>,
    /// The unit a bare number takes for this person; `None` when it must be
    /// chosen (visceral fat: grams or a scale's level).
    pub unit: Option<MeasureUnit>,
    /// The sites it is measured at.
    pub sites: Vec<SiteChoice>,
    /// A site must be chosen (DXA kinds); otherwise a site is optional
    /// where there are any (grip: a hand).
    pub site_required: bool,
    /// The accepted range in the person's unit: "20 kg to 400 kg".
    pub range: String,
}

/// A unit to choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UnitChoice {
    /// The unit.
    pub unit: MeasureUnit,
    /// Its label: "kg", "level".
    pub label: String,
}

/// A site to choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SiteChoice {
    /// The site.
    pub site: Site,
    /// Its name: "lumbar spine", "left hand".
    pub name: String,
}

/// A kind's name in the language.
pub fn kind_name(kind: MeasureKind, text: &Text) -> String {
    text.get(&format!("measure-kind-{}", kind.as_str()))
}

fn site_name(site: Site, text: &Text) -> String {
    text.get(&format!("measure-site-{}", site.as_str()))
}

fn title(kind: MeasureKind, site: Option<Site>, text: &Text) -> String {
    let kind = kind_name(kind, text);
    match site {
        Some(s) => text.with(
            "measure-with-site",
            &[("kind", kind.into()), ("site", site_name(s, text).into())],
        ),
        None => kind,
    }
}

fn unit_label(unit: MeasureUnit, text: &Text) -> String {
    text.measure_unit(unit)
}

/// A value with its unit in the language: "72.5 kg", "−1.8", "level 9",
/// "12 stands".
pub fn value_text(value: f64, unit: MeasureUnit, text: &Text) -> String {
    text.measure(value, unit)
}

/// A change with its sign and unit: "+2 kg", "−0.3", "level +1", "+2 stands".
fn change_amount(value: f64, unit: MeasureUnit, text: &Text) -> String {
    let sign = if value > 0.0 {
        "+"
    } else if value < 0.0 {
        "\u{2212}"
    } else {
        ""
    };
    text.measure_signed(value, sign, unit)
}

fn change_text(
    c: &Change,
    unit: MeasureUnit,
    since: NaiveDate,
    today: NaiveDate,
    text: &Text,
) -> String {
    let change = change_amount(c.absolute, unit, text);
    let date = dated(since, today, text);
    match c.percent {
        Some(p) => {
            let percent = text.with(
                "measures-percent",
                &[
                    (
                        "sign",
                        if p > 0.0 {
                            "+"
                        } else if p < 0.0 {
                            "\u{2212}"
                        } else {
                            ""
                        }
                        .into(),
                    ),
                    ("number", text.number(p.abs(), 1).into()),
                ],
            );
            text.with(
                "measures-change-percent",
                &[
                    ("change", change.into()),
                    ("percent", percent.into()),
                    ("date", date.into()),
                ],
            )
        }
        None => text.with(
            "measures-change",
            &[("change", change.into()), ("date", date.into())],
        ),
    }
}

fn band_tone(status: BandStatus) -> Tone {
    match status {
        BandStatus::Normal => Tone::Good,
        BandStatus::Watch => Tone::Caution,
        BandStatus::Low => Tone::Alert,
        BandStatus::NotApplicable | BandStatus::NeedsProfile => Tone::Neutral,
    }
}

fn source_name(source: BandSource) -> String {
    source.as_str().to_owned()
}

/// A value in the unit the person reads it in: a weight (body weight,
/// lean mass, grip) in the person's unit, to 0.01 when converted; any
/// other value in its own.
fn shown(value: f64, unit: MeasureUnit, person: WeightUnit) -> (f64, MeasureUnit) {
    let to = MeasureUnit::from(person);
    match unit.convert(value, to) {
        Some(v) if unit != to => ((v * 100.0).round() / 100.0, to),
        _ => (value, unit),
    }
}

/// What the cards are written for: today (for dates of another year), the
/// person's unit of weight and the language.
#[derive(Clone, Copy)]
struct For<'a> {
    today: NaiveDate,
    person: WeightUnit,
    text: &'a Text,
}

/// The screen: a card per trend, each listing the newest `entries` of the
/// series' measurements in `all` (any order): [`CARD_ENTRIES`] on a phone.
/// Weights read in `person`'s unit.
pub fn build(
    trends: &[Trend],
    all: &[Measurement],
    today: NaiveDate,
    person: WeightUnit,
    entries: usize,
    text: &Text,
) -> MeasuresScreen {
    let at = For {
        today,
        person,
        text,
    };
    let cards: Vec<MeasureCard> = trends.iter().map(|t| card(t, all, at, entries)).collect();
    let empty = cards.is_empty().then(|| EmptyState {
        title: text.get("measures-empty-title"),
        body: text.get("measures-empty-body"),
    });
    MeasuresScreen {
        language: text.language(),
        title: text.get("measures-title"),
        cards,
        empty,
        undo: None,
    }
}

fn card(t: &Trend, all: &[Measurement], at: For<'_>, entries: usize) -> MeasureCard {
    let For { today, text, .. } = at;
    let name = title(t.kind, t.site, text);
    // A change is a difference: it converts as its values do.
    let change_in = |c: &Change| {
        let (absolute, unit) = shown(c.absolute, t.unit, at.person);
        let c = Change {
            absolute,
            ..c.clone()
        };
        (c, unit)
    };
    let change = t
        .since_previous
        .as_ref()
        .zip(t.previous.as_ref())
        .map(|(c, p)| {
            let (c, unit) = change_in(c);
            change_text(&c, unit, p.measured_at.local_date(), today, text)
        });
    let trend = (t.count > 2)
        .then(|| {
            t.since_first.as_ref().map(|c| {
                let (c, unit) = change_in(c);
                change_text(&c, unit, t.first.measured_at.local_date(), today, text)
            })
        })
        .flatten();
    let precision = t.since_previous.as_ref().and_then(|c| c.dxa).map(|call| {
        text.get(match call {
            DxaCall::Change => "measures-dxa-change",
            DxaCall::WithinPrecision => "measures-dxa-within",
            DxaCall::TooSoon => "measures-dxa-too-soon",
        })
    });
    let band = t.band.as_ref().map(|b| BandNote {
        text: text.with(
            "measures-band-source",
            &[
                ("band", text.phrase_or(&b.phrase, &b.label).into()),
                ("source", source_name(b.source).into()),
            ],
        ),
        status: b.status,
        source: source_name(b.source),
        label: b.heuristic.then(|| text.get("note-rule-of-thumb")),
        tone: band_tone(b.status),
    });
    let mut series: Vec<&Measurement> = all.iter().filter(|m| t.holds(m)).collect();
    series.sort_by(|a, b| (b.measured_at, &b.id).cmp(&(a.measured_at, &a.id)));
    let entries = series
        .into_iter()
        .take(entries)
        .map(|m| entry(m, &name, at))
        .collect();
    let (latest, unit) = shown(t.latest.value, t.latest.unit, at.person);
    MeasureCard {
        kind: t.kind,
        site: t.site,
        latest: value_text(latest, unit, text),
        date: dated(t.latest.measured_at.local_date(), today, text),
        change,
        trend,
        precision,
        tone: band.as_ref().map_or(Tone::Neutral, |b| b.tone),
        band,
        count: text.with("measures-count", &[("count", Arg::Count(t.count as u64))]),
        entries,
        title: name,
    }
}

fn entry(m: &Measurement, name: &str, at: For<'_>) -> MeasureEntry {
    let text = at.text;
    let date = dated(m.measured_at.local_date(), at.today, text);
    let (value, unit) = shown(m.value, m.unit, at.person);
    let value = value_text(value, unit, text);
    MeasureEntry {
        measurement_id: m.id.clone(),
        spoken: text.with(
            "measures-entry-spoken",
            &[
                ("measure", name.into()),
                ("date", date.as_str().into()),
                ("value", value.as_str().into()),
            ],
        ),
        date,
        value,
        note: m.note.clone(),
        delete: Action::new(
            ActionKind::DeleteMeasurement,
            text.get("action-delete-measurement"),
        ),
    }
}

/// The kinds to choose from, for a person whose weights are in `unit`.
pub fn kinds(unit: WeightUnit, text: &Text) -> Vec<KindChoice> {
    MeasureKind::ALL
        .iter()
        .map(|&kind| {
            let (sites, site_required) = match kind.site_rule() {
                SiteRule::None => (&[][..], false),
                SiteRule::Optional(s) => (s, false),
                SiteRule::Required(s) => (s, true),
            };
            let default = kind.default_unit(unit);
            let shown = default.unwrap_or(kind.units()[0]);
            KindChoice {
                kind,
                name: kind_name(kind, text),
                units: kind
                    .units()
                    .iter()
                    .map(|&u| UnitChoice {
                        unit: u,
                        label: unit_label(u, text),
                    })
                    .collect(),
                unit: default,
                sites: sites
                    .iter()
                    .map(|&s| SiteChoice {
                        site: s,
                        name: site_name(s, text),
                    })
                    .collect(),
                site_required,
                range: range(kind, shown, text),
            }
        })
        .collect()
}

/// A kind's accepted range in `unit`: "20 kg to 400 kg", "−6 to 6".
fn range(kind: MeasureKind, unit: MeasureUnit, text: &Text) -> String {
    let limits = kind.limits(unit);
    // Weights' limits are in kg whatever the unit.
    let scale = |kg: f64| match unit.weight_unit() {
        Some(w) => (kg / w.base_factor()).round(),
        None => kg,
    };
    text.with(
        "measure-range",
        &[
            ("min", value_text(scale(limits.min), unit, text).into()),
            ("max", value_text(scale(limits.max), unit, text).into()),
        ],
    )
}

/// What the draft says once read: the kind, value, unit and site it
/// gives, or its errors.
pub struct ReadDraft {
    /// The measurement to check and save, when the draft can be read.
    pub new: Option<crate::measures::NewMeasurement>,
    /// What is wrong, per field.
    pub errors: Vec<FieldError>,
}

/// Reads the typed value of a draft (its kind's rules: a number, a unit
/// it may carry).
pub fn read_draft(draft: &MeasureDraft, text: &Text) -> ReadDraft {
    let Some(kind) = draft.kind else {
        return ReadDraft {
            new: None,
            errors: vec![error(Field::Measure, text.get("measure-error-no-kind"))],
        };
    };
    let typed = draft.value.trim();
    if typed.is_empty() {
        return ReadDraft {
            new: None,
            errors: vec![error(Field::Value, text.get("measure-error-no-value"))],
        };
    }
    match kind.parse_value(typed) {
        Ok((value, carried)) => {
            let unit = carried.or(draft.unit);
            let mut new = crate::measures::NewMeasurement::new(kind, value);
            new.unit = unit;
            new.site = draft.site;
            new.note = draft.note.clone();
            new.at = match draft.on {
                Some(d) => crate::model::LogTime::OnDate(d),
                None => crate::model::LogTime::Now,
            };
            ReadDraft {
                new: Some(new),
                errors: Vec::new(),
            }
        }
        Err(e) => ReadDraft {
            new: None,
            errors: vec![measure_error(kind, typed, draft.unit, draft.site, &e, text)],
        },
    }
}

fn error(field: Field, message: String) -> FieldError {
    FieldError {
        field: field.as_str().to_owned(),
        message,
    }
}

fn list(items: Vec<String>) -> String {
    items.join(", ")
}

/// A measurement's validation error in words, with the kind's own units
/// and sites where the validator would name them in English.
/// `unit` and `site` are the draft's, as read.
pub fn measure_error(
    kind: MeasureKind,
    typed: &str,
    unit: Option<MeasureUnit>,
    site: Option<Site>,
    e: &ValidationError,
    text: &Text,
) -> FieldError {
    let name = kind_name(kind, text);
    let units = || list(kind.units().iter().map(|&u| unit_label(u, text)).collect());
    let sites = || match kind.site_rule() {
        SiteRule::Required(s) | SiteRule::Optional(s) => {
            list(s.iter().map(|&x| site_name(x, text)).collect())
        }
        SiteRule::None => String::new(),
    };
    let message = match (e.field, &e.problem) {
        (Field::Value, Problem::Malformed { .. }) => {
            text.with("measure-error-not-a-number", &[("value", typed.into())])
        }
        (Field::Unit, _) if unit.is_none() => {
            text.with("measure-error-unit-needed", &[("units", units().into())])
        }
        (Field::Unit, _) => text.with(
            "measure-error-unit",
            &[("kind", name.as_str().into()), ("units", units().into())],
        ),
        (Field::Site, _) => match (kind.site_rule(), site) {
            (SiteRule::None, _) => {
                text.with("measure-error-site-none", &[("kind", name.as_str().into())])
            }
            (SiteRule::Required(_), None) => {
                text.with("measure-error-site-required", &[("sites", sites().into())])
            }
            _ => text.with(
                "measure-error-site-one-of",
                &[("kind", name.as_str().into()), ("sites", sites().into())],
            ),
        },
        _ => validation_message(e, text),
    };
    error(e.field, message)
}

/// The form for `draft`: the kinds, the draft's errors and, without
/// errors, its preview and the save action.
pub fn form(
    kinds: Vec<KindChoice>,
    errors: Vec<FieldError>,
    preview: Option<&Measurement>,
    today: NaiveDate,
    text: &Text,
) -> MeasureForm {
    let preview = preview.map(|m| {
        text.with(
            "measures-entry-spoken",
            &[
                ("measure", title(m.kind, m.site, text).into()),
                (
                    "date",
                    dated(m.measured_at.local_date(), today, text).into(),
                ),
                ("value", value_text(m.value, m.unit, text).into()),
            ],
        )
    });
    let actions = if errors.is_empty() && preview.is_some() {
        vec![Action::new(
            ActionKind::SaveMeasurement,
            text.get("action-save-measurement"),
        )]
    } else {
        Vec::new()
    };
    MeasureForm {
        language: text.language(),
        kinds,
        errors,
        preview,
        actions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_changes_read_with_their_sign_and_unit_in_each_language() {
        let en = Text::new(Language::En);
        let de = Text::new(Language::De);
        assert_eq!(value_text(-1.8, MeasureUnit::Sd, &en), "\u{2212}1.8");
        assert_eq!(value_text(-1.8, MeasureUnit::Sd, &de), "\u{2212}1,8");
        assert_eq!(value_text(9.0, MeasureUnit::Level, &de), "Stufe 9");
        assert_eq!(value_text(1.0, MeasureUnit::Reps, &en), "1 stand");
        assert_eq!(
            value_text(0.853, MeasureUnit::GramPerCm2, &de),
            "0,853 g/cm²"
        );
        assert_eq!(
            value_text(8000.0, MeasureUnit::StepsPerDay, &en),
            "8000 steps a day"
        );
        assert_eq!(change_amount(2.0, MeasureUnit::Kg, &en), "+2 kg");
        assert_eq!(change_amount(-0.3, MeasureUnit::Sd, &en), "\u{2212}0.3");
        assert_eq!(change_amount(1.0, MeasureUnit::Level, &en), "level +1");
        assert_eq!(
            change_amount(-2.0, MeasureUnit::Reps, &en),
            "\u{2212}2 stands"
        );
        assert_eq!(change_amount(0.0001, MeasureUnit::Kg, &en), "0 kg");
        assert!(en.missing().is_empty() && de.missing().is_empty());
    }

    #[test]
    fn every_kind_and_site_has_its_words_in_each_language() {
        for language in Language::ALL {
            let text = Text::new(language);
            for choice in kinds(WeightUnit::Kg, &text) {
                assert!(!choice.units.is_empty());
                for unit in &choice.units {
                    value_text(1.0, unit.unit, &text);
                }
                for site in &choice.sites {
                    title(choice.kind, Some(site.site), &text);
                }
            }
            assert!(text.missing().is_empty(), "{:?}", text.missing());
        }
    }
}
