//! The forms of the setup screens (Onboarding and Settings): each field
//! with its label, the allowed choices and the current value, decided
//! here, and what the person chose read back into a profile update with
//! field errors in words. A shell draws the fields by their kind and sends
//! back `FieldValue`s by field id; it knows no unit, no choice and no limit.

use serde::Serialize;

use super::log::{FieldError, validation_message};
use super::{Banner, Tone};
use crate::model::{
    BoneStatus, Equipment, FractureHistory, Loadout, MAX_BANDS, PlateStock, Profile, ProfileUpdate,
    Sex, Unit, WeightUnit, band_name,
};
use crate::progression::loading;
use crate::text::{Arg, Language, Text};
use crate::validate::{self, Field, ValidationError};

/// How a field is drawn and what it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum FieldKind {
    /// One of `choices` (radio buttons, a segmented control).
    Choice,
    /// Any number of `choices` (check boxes), sent as one value each.
    MultiChoice,
    /// A number typed, in `unit` when it has one.
    Number,
    /// Words typed.
    Text,
}

/// One choice of a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Choice {
    /// What to send back when it is chosen.
    pub value: String,
    /// Its label.
    pub label: String,
    /// A line under the label ("2 × 30 min a week"), or null.
    pub detail: Option<String>,
    /// What it is for, in a sentence or two, or null.
    pub about: Option<String>,
    /// Suggested for this person: show it first or marked.
    pub suggested: bool,
    /// What to know before choosing it, each with its tone.
    pub notes: Vec<Banner>,
}

impl Choice {
    pub(crate) fn plain(value: &str, label: String) -> Choice {
        Choice {
            value: value.to_owned(),
            label,
            detail: None,
            about: None,
            suggested: false,
            notes: Vec::new(),
        }
    }
}

/// One field of a form, with its value now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FormField {
    /// Its id: what a `FieldValue` names.
    pub id: String,
    /// Its label.
    pub label: String,
    /// How to draw it.
    pub kind: FieldKind,
    /// The value chosen or typed now (a choice's `value`; empty when none).
    pub value: String,
    /// The values chosen now, for a multiple choice.
    pub values: Vec<String>,
    /// What may be chosen; empty for typed fields.
    pub choices: Vec<Choice>,
    /// The unit a number is in ("kg"), or null.
    pub unit: Option<String>,
    /// A line under the field, or null.
    pub hint: Option<String>,
    /// Must be answered to go on.
    pub required: bool,
    /// What is wrong with it, or null.
    pub error: Option<String>,
}

/// A value the person chose or typed for a field: one per field, one per
/// chosen value of a multiple choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FieldValue {
    /// The field's id.
    pub field: String,
    /// The value.
    pub value: String,
}

/// What a button of a setup screen does: the shell calls the matching
/// method of the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SetupActionKind {
    /// Save the form and go on (`onboarding_submit`).
    Next,
    /// Back to the step before (`onboarding_screen` with `step`).
    Back,
    /// Save the form and start training (`onboarding_submit`, last step).
    StartTraining,
    /// Save the form (`settings_submit`).
    Save,
    /// Close the form unsaved (back to `settings_screen`).
    Cancel,
    /// Write this device's data to a file (`export_bytes`).
    Export,
    /// Merge a file from another device (`import_bytes`).
    Import,
    /// Merge the sync folder's files and write this device's (`sync_documents`).
    SyncFolder,
}

/// A button of a setup screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetupAction {
    /// What it does.
    pub kind: SetupActionKind,
    /// Its label.
    pub label: String,
    /// The onboarding step it opens (`back`), or null.
    pub step: Option<super::onboarding::OnboardingStep>,
}

impl SetupAction {
    pub(crate) fn new(kind: SetupActionKind, label: String) -> SetupAction {
        SetupAction {
            kind,
            label,
            step: None,
        }
    }
}

/// The equipment a person is asked about (body weight is always at hand;
/// "other" names nothing to choose).
const EQUIPMENT: [Equipment; 11] = [
    Equipment::Barbell,
    Equipment::Dumbbell,
    Equipment::Kettlebell,
    Equipment::Machine,
    Equipment::Cable,
    Equipment::Band,
    Equipment::TrapBar,
    Equipment::SmithMachine,
    Equipment::EzBar,
    Equipment::Plate,
    Equipment::Sled,
];

/// The fields a form can have, by id.
pub const UNIT: &str = "unit";
/// Year of birth.
pub const BIRTH_YEAR: &str = "birth_year";
/// Sex.
pub const SEX: &str = "sex";
/// Body weight (a measurement, not part of the profile).
pub const BODY_WEIGHT: &str = "body_weight";
/// Bone status.
pub const BONE_STATUS: &str = "bone_status";
/// Fracture history.
pub const FRACTURE_HISTORY: &str = "fracture_history";
/// Equipment at hand.
pub const EQUIPMENT_FIELD: &str = "equipment";
/// Fractional plates owned.
pub const MICRO_PLATES: &str = "micro_plates";
/// The bar's weight.
pub const BAR: &str = "bar";
/// The plates owned.
pub const PLATES: &str = "plates";
/// Elastic bands.
pub const BANDS: &str = "bands";
/// The app's language.
pub const LANGUAGE: &str = "language";
/// The program to start.
pub const PROGRAM: &str = "program";

/// A field with its label from the catalog (`setup-field-<id>`).
fn field(id: &str, kind: FieldKind, text: &Text) -> FormField {
    FormField {
        id: id.to_owned(),
        label: text.get(&format!("setup-field-{}", id.replace('_', "-"))),
        kind,
        value: String::new(),
        values: Vec::new(),
        choices: Vec::new(),
        unit: None,
        hint: None,
        required: false,
        error: None,
    }
}

/// A choice whose label is the catalog's `setup-<field>-<value>`.
fn word_choice(field: &str, value: &str, text: &Text) -> Choice {
    let id = format!(
        "setup-{}-{}",
        field.replace('_', "-"),
        value.replace('_', "-")
    );
    Choice::plain(value, text.get(&id))
}

/// The field `id` as the profile holds it now.
pub fn profile_field(id: &str, profile: &Profile, text: &Text) -> FormField {
    match id {
        UNIT => {
            let mut f = field(UNIT, FieldKind::Choice, text);
            f.choices = ["kg", "lb"]
                .iter()
                .map(|u| word_choice(UNIT, u, text))
                .collect();
            f.value = profile.unit.symbol().to_owned();
            f.required = true;
            f.hint = Some(text.get("setup-hint-unit"));
            f
        }
        BIRTH_YEAR => {
            let mut f = field(BIRTH_YEAR, FieldKind::Number, text);
            f.value = profile
                .birth_year
                .map(|y| y.to_string())
                .unwrap_or_default();
            f.hint = Some(text.get("setup-hint-birth-year"));
            f
        }
        SEX => {
            let mut f = field(SEX, FieldKind::Choice, text);
            f.choices = Sex::ALL
                .iter()
                .map(|s| word_choice(SEX, s.as_str(), text))
                .collect();
            f.value = profile
                .sex
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default();
            f.hint = Some(text.get("setup-hint-sex"));
            f
        }
        BODY_WEIGHT => {
            let mut f = field(BODY_WEIGHT, FieldKind::Number, text);
            f.unit = Some(profile.unit.symbol().to_owned());
            f.hint = Some(text.get("setup-hint-body-weight"));
            f
        }
        BONE_STATUS => {
            let mut f = field(BONE_STATUS, FieldKind::Choice, text);
            f.choices = BoneStatus::ALL
                .iter()
                .map(|s| word_choice(BONE_STATUS, s.as_str(), text))
                .collect();
            // A status once given can be changed but not taken back.
            if profile.bone_status.is_none() {
                f.choices
                    .push(Choice::plain("", text.get("setup-bone-status-unknown")));
            }
            f.value = profile
                .bone_status
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default();
            f.hint = Some(text.get("setup-hint-bone-status"));
            f
        }
        FRACTURE_HISTORY => {
            let mut f = field(FRACTURE_HISTORY, FieldKind::Choice, text);
            f.choices = FractureHistory::ALL
                .iter()
                .map(|s| word_choice(FRACTURE_HISTORY, s.as_str(), text))
                .collect();
            f.value = profile
                .fracture_history
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default();
            f.hint = Some(text.get("setup-hint-fracture-history"));
            f
        }
        EQUIPMENT_FIELD => {
            let mut f = field(EQUIPMENT_FIELD, FieldKind::MultiChoice, text);
            f.choices = EQUIPMENT
                .iter()
                .map(|e| Choice::plain(e.as_str(), text.get(&format!("equipment-{}", e.as_str()))))
                .collect();
            f.values = profile
                .equipment
                .iter()
                .flatten()
                .filter(|e| EQUIPMENT.contains(e))
                .map(|e| e.as_str().to_owned())
                .collect();
            f.hint = Some(text.get("setup-hint-equipment"));
            f
        }
        MICRO_PLATES => {
            let mut f = field(MICRO_PLATES, FieldKind::Choice, text);
            f.choices = ["yes", "no"]
                .iter()
                .map(|v| word_choice(MICRO_PLATES, v, text))
                .collect();
            let owned = profile.micro_plates
                || profile
                    .loadout
                    .as_ref()
                    .is_some_and(|l| l.unit == profile.unit && !l.fractional.is_empty());
            f.value = if owned { "yes" } else { "no" }.to_owned();
            f.hint = Some(text.get("setup-hint-micro-plates"));
            f
        }
        BAR => {
            let mut f = field(BAR, FieldKind::Number, text);
            f.unit = Some(profile.unit.symbol().to_owned());
            f.value = text.number(loadout_of(profile).bar, 3);
            f
        }
        PLATES => {
            let mut f = field(PLATES, FieldKind::Text, text);
            f.unit = Some(profile.unit.symbol().to_owned());
            f.value = plates_text(&loadout_of(profile).plates, text);
            f.hint = Some(text.get("setup-hint-plates"));
            f
        }
        BANDS => {
            let mut f = field(BANDS, FieldKind::Text, text);
            f.value = profile.bands.clone().unwrap_or_default().join(" ");
            f.hint = Some(text.get("setup-hint-bands"));
            f
        }
        _ => field(id, FieldKind::Text, text),
    }
}

/// The language field: the phone's own, or one with a catalog.
pub fn language_field(chosen: Option<Language>, text: &Text) -> FormField {
    let mut f = field(LANGUAGE, FieldKind::Choice, text);
    f.choices = vec![Choice::plain("", text.get("setup-language-system"))];
    // Each language is named in its own words, so a person finds theirs.
    f.choices.extend(
        Language::ALL
            .iter()
            .map(|l| Choice::plain(l.tag(), Text::new(*l).get("setup-language-name"))),
    );
    f.value = chosen.map(|l| l.tag().to_owned()).unwrap_or_default();
    f.required = true;
    f
}

/// The bar and plates the engine loads for this profile: the person's own,
/// or the standard set of the unit.
pub fn loadout_of(profile: &Profile) -> Loadout {
    profile
        .loadout
        .clone()
        .filter(|l| l.unit == profile.unit)
        .unwrap_or_else(|| loading::Loadout::standard(profile.unit))
}

/// Plates as a person types them: `25 20 15 10 5 2.5`, `20x2` for two pairs.
fn plates_text(plates: &[PlateStock], text: &Text) -> String {
    plates
        .iter()
        .map(|p| match p.pairs {
            Some(n) => format!("{}x{n}", text.number(p.weight, 3)),
            None => text.number(p.weight, 3),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a form's values come to, beside the profile update.
#[derive(Debug, Default)]
pub struct Answers {
    /// The profile's fields to change.
    pub update: ProfileUpdate,
    /// A body weight to record, in the profile's unit.
    pub body_weight: Option<f64>,
    /// The language chosen: `Some(None)` for the phone's own.
    pub language: Option<Option<Language>>,
    /// The program chosen.
    pub program: Option<String>,
    /// What is wrong, per field.
    pub errors: Vec<FieldError>,
}

/// The one value sent for `field`, trimmed; `None` when none was sent.
fn one<'a>(values: &'a [FieldValue], field: &str) -> Option<&'a str> {
    values
        .iter()
        .rev()
        .find(|v| v.field == field)
        .map(|v| v.value.trim())
}

fn error(field: &str, message: String) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message,
    }
}

/// A number as a person types it in `language`: `42.5` or `42,5`.
fn number(typed: &str) -> Option<f64> {
    let x: f64 = typed.trim().replace(',', ".").parse().ok()?;
    x.is_finite().then_some(x)
}

/// Reads the values sent for the `fields` of a form against the profile
/// as it is, and checks them as saving would: what to save, or what is
/// wrong with each field.
pub fn read(
    fields: &[&str],
    values: &[FieldValue],
    profile: &Profile,
    this_year: i32,
    text: &Text,
) -> Answers {
    let mut a = Answers::default();
    let needs = |f: &str| fields.contains(&f);
    // A unit counts only where the form asks for it.
    let unit = match one(values, UNIT).filter(|_| needs(UNIT)) {
        Some("kg") => WeightUnit::Kg,
        Some("lb") => WeightUnit::Lb,
        _ => profile.unit,
    };
    for &id in fields {
        let sent = one(values, id);
        let missing = || error(id, text.get("setup-error-choose"));
        let unknown = |v: &str| {
            error(
                id,
                text.with("setup-error-not-a-choice", &[("value", v.into())]),
            )
        };
        match id {
            UNIT => match sent {
                Some("kg" | "lb") => a.update.unit = Some(unit),
                Some("") | None => a.errors.push(missing()),
                Some(v) => a.errors.push(unknown(v)),
            },
            BIRTH_YEAR => match sent {
                None | Some("") => {}
                Some(v) => match v.parse::<i32>() {
                    Ok(y) => a.update.birth_year = Some(y),
                    Err(_) => a.errors.push(error(id, text.get("setup-error-not-a-year"))),
                },
            },
            SEX => match sent {
                None | Some("") => {}
                Some(v) => match v.parse::<Sex>() {
                    Ok(s) => a.update.sex = Some(s),
                    Err(_) => a.errors.push(unknown(v)),
                },
            },
            BODY_WEIGHT => match sent {
                None | Some("") => {}
                Some(v) => match number(v) {
                    Some(x) => a.body_weight = Some(x),
                    None => a
                        .errors
                        .push(error(id, text.get("setup-error-not-a-number"))),
                },
            },
            BONE_STATUS => match sent {
                None | Some("") if profile.bone_status.is_none() => {}
                None | Some("") => a.errors.push(missing()),
                Some(v) => match v.parse::<BoneStatus>() {
                    Ok(s) => a.update.bone_status = Some(s),
                    Err(_) => a.errors.push(unknown(v)),
                },
            },
            FRACTURE_HISTORY => match sent {
                None | Some("") if profile.fracture_history.is_none() => {}
                None | Some("") => a.errors.push(missing()),
                Some(v) => match v.parse::<FractureHistory>() {
                    Ok(s) => a.update.fracture_history = Some(s),
                    Err(_) => a.errors.push(unknown(v)),
                },
            },
            EQUIPMENT_FIELD => {
                let mut chosen = Vec::new();
                for v in values.iter().filter(|v| v.field == id) {
                    let v = v.value.trim();
                    match v.parse::<Equipment>() {
                        Ok(e) if EQUIPMENT.contains(&e) => {
                            if !chosen.contains(&e) {
                                chosen.push(e);
                            }
                        }
                        _ if v.is_empty() => {}
                        _ => a.errors.push(unknown(v)),
                    }
                }
                // Body weight is always at hand; nothing chosen is a full gym.
                if !chosen.is_empty() {
                    chosen.push(Equipment::Bodyweight);
                }
                a.update.equipment = Some(chosen);
            }
            MICRO_PLATES => match sent {
                Some("yes") => a.update.micro_plates = Some(true),
                Some("no") => a.update.micro_plates = Some(false),
                None | Some("") => {}
                Some(v) => a.errors.push(unknown(v)),
            },
            BAR | PLATES => {}
            BANDS => match sent {
                None => {}
                Some(v) => {
                    let names: Vec<String> = v
                        .split([',', ';', ' '])
                        .filter(|w| !w.trim().is_empty())
                        .map(str::to_owned)
                        .collect();
                    let stored: Vec<Option<String>> = names.iter().map(|n| band_name(n)).collect();
                    let twice = stored.iter().enumerate().find_map(|(i, n)| {
                        n.as_ref()
                            .filter(|n| stored[..i].contains(&Some((*n).clone())))
                    });
                    if let Some(bad) = names.iter().find(|n| band_name(n).is_none()) {
                        a.errors.push(error(
                            id,
                            text.with("setup-error-band-name", &[("name", bad.as_str().into())]),
                        ));
                    } else if let Some(name) = twice {
                        a.errors.push(error(
                            id,
                            text.with("setup-error-band-twice", &[("name", name.as_str().into())]),
                        ));
                    } else if names.len() > MAX_BANDS {
                        a.errors.push(error(
                            id,
                            text.with(
                                "setup-error-bands-too-many",
                                &[("max", Arg::Count(MAX_BANDS as u64))],
                            ),
                        ));
                    } else {
                        a.update.bands = Some(names);
                    }
                }
            },
            LANGUAGE => match sent {
                None | Some("") => a.language = Some(None),
                Some(v) => match Language::from_tag(v) {
                    Some(l) if l.tag() == v => a.language = Some(Some(l)),
                    _ => a.errors.push(unknown(v)),
                },
            },
            PROGRAM => match sent {
                None | Some("") => a.errors.push(missing()),
                Some(v) => a.program = Some(v.to_owned()),
            },
            _ => {}
        }
    }
    if needs(BAR) || needs(PLATES) {
        read_loadout(values, profile, unit, &mut a, text);
    }
    // The checks saving makes, as field errors.
    if a.errors.is_empty()
        && let Err(e) = validate::profile(&a.update, this_year)
    {
        a.errors.push(validation_error(&e, text));
    }
    a
}

/// The form field a validation error of the profile is about.
fn validation_error(e: &ValidationError, text: &Text) -> FieldError {
    let field = match e.field {
        Field::BirthYear => BIRTH_YEAR,
        Field::Band => BANDS,
        Field::Loadout => PLATES,
        _ => e.field.as_str(),
    };
    error(field, validation_message(e, text))
}

/// The bar and plates typed, as the person's own loadout in `unit`: kept
/// only when they differ from the standard set.
fn read_loadout(
    values: &[FieldValue],
    profile: &Profile,
    unit: WeightUnit,
    a: &mut Answers,
    text: &Text,
) {
    let mut loadout = if profile.unit == unit {
        loadout_of(profile)
    } else {
        loading::Loadout::standard(unit)
    };
    let mut ok = true;
    if let Some(v) = one(values, BAR).filter(|v| !v.is_empty()) {
        match number(v) {
            Some(x) if x >= 0.0 => loadout.bar = x,
            _ => {
                ok = false;
                a.errors
                    .push(error(BAR, text.get("setup-error-not-a-number")));
            }
        }
    }
    if let Some(v) = one(values, PLATES) {
        let mut plates = Vec::new();
        for word in v.split_whitespace() {
            let (weight, pairs) = match word.split_once(['x', '×']) {
                Some((w, n)) => (w, n.parse::<u32>().ok().filter(|n| *n > 0).map(Some)),
                None => (word, Some(None)),
            };
            match (number(weight), pairs) {
                (Some(w), Some(pairs)) if w > 0.0 => plates.push(PlateStock { weight: w, pairs }),
                _ => {
                    ok = false;
                    a.errors.push(error(
                        PLATES,
                        text.with("setup-error-plate", &[("plate", Arg::from(word))]),
                    ));
                    break;
                }
            }
        }
        if ok {
            plates.sort_by(|x, y| y.weight.total_cmp(&x.weight));
            loadout.plates = plates;
        }
    }
    if !ok {
        return;
    }
    let standard = loading::Loadout::standard(unit);
    let fractional = a.update.micro_plates.unwrap_or(profile.micro_plates);
    loadout.fractional = if fractional {
        loading::Loadout::standard_fractional(unit)
    } else {
        Vec::new()
    };
    let custom = loadout.bar != standard.bar || loadout.plates != standard.plates;
    // The standard set needs no loadout of its own; one stored before is
    // replaced by the standard one.
    if custom || profile.loadout.is_some() {
        a.update.loadout = Some(loadout);
        a.update.unit.get_or_insert(unit);
    }
}

/// The language's name for a field's value, as its choice labels it.
pub fn chosen_label(f: &FormField, none: &str, text: &Text) -> String {
    let labels: Vec<String> = match f.kind {
        FieldKind::MultiChoice => f
            .choices
            .iter()
            .filter(|c| f.values.contains(&c.value))
            .map(|c| c.label.clone())
            .collect(),
        FieldKind::Choice => f
            .choices
            .iter()
            .filter(|c| c.value == f.value)
            .map(|c| c.label.clone())
            .collect(),
        FieldKind::Number | FieldKind::Text => {
            if f.value.is_empty() {
                vec![]
            } else {
                match &f.unit {
                    Some(u) if f.kind == FieldKind::Number => vec![format!("{} {u}", f.value)],
                    _ => vec![f.value.clone()],
                }
            }
        }
    };
    if labels.is_empty() {
        text.get(none)
    } else {
        labels.join(", ")
    }
}

/// The errors put on their fields.
pub fn mark_errors(fields: &mut [FormField], errors: &[FieldError]) {
    for f in fields.iter_mut() {
        f.error = errors
            .iter()
            .find(|e| e.field == f.id)
            .map(|e| e.message.clone());
    }
}

/// The values sent, put back into the fields, so a form with errors shows
/// what was typed.
pub fn keep_typed(fields: &mut [FormField], values: &[FieldValue]) {
    for f in fields.iter_mut() {
        let sent: Vec<&FieldValue> = values.iter().filter(|v| v.field == f.id).collect();
        if sent.is_empty() {
            continue;
        }
        if f.kind == FieldKind::MultiChoice {
            f.values = sent.iter().map(|v| v.value.clone()).collect();
        } else if let Some(v) = sent.last() {
            f.value = v.value.clone();
        }
    }
}

/// A banner for an alert the person must read.
pub fn alert(text: String) -> Banner {
    Banner {
        text,
        tone: Tone::Alert,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn v(field: &str, value: &str) -> FieldValue {
        FieldValue {
            field: field.into(),
            value: value.into(),
        }
    }

    #[test]
    fn reads_choices_numbers_and_lists_with_errors_in_words() {
        let text = Text::new(Language::De);
        let profile = Profile::default();
        let a = read(
            &[UNIT, BIRTH_YEAR, BODY_WEIGHT, EQUIPMENT_FIELD, BANDS],
            &[
                v(UNIT, "lb"),
                v(BIRTH_YEAR, "1958"),
                v(BODY_WEIGHT, "150,5"),
                v(EQUIPMENT_FIELD, "dumbbell"),
                v(EQUIPMENT_FIELD, "band"),
                v(BANDS, "yellow, red green"),
            ],
            &profile,
            2026,
            &text,
        );
        assert!(a.errors.is_empty(), "{:?}", a.errors);
        assert_eq!(a.update.unit, Some(WeightUnit::Lb));
        assert_eq!(a.update.birth_year, Some(1958));
        assert_eq!(a.body_weight, Some(150.5));
        assert_eq!(
            a.update.equipment.unwrap(),
            [Equipment::Dumbbell, Equipment::Band, Equipment::Bodyweight]
        );
        assert_eq!(a.update.bands.unwrap(), ["yellow", "red", "green"]);

        let a = read(
            &[UNIT, BIRTH_YEAR],
            &[v(UNIT, "stone"), v(BIRTH_YEAR, "neunzehn")],
            &profile,
            2026,
            &text,
        );
        let fields: Vec<&str> = a.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [UNIT, BIRTH_YEAR]);
        assert!(a.errors[0].message.contains("stone"), "{:?}", a.errors);
        // The profile's own limits: a birth year in the future.
        let a = read(
            &[BIRTH_YEAR],
            &[v(BIRTH_YEAR, "2030")],
            &profile,
            2026,
            &text,
        );
        assert_eq!(a.errors[0].field, BIRTH_YEAR);
        assert!(a.errors[0].message.contains("2021"), "{:?}", a.errors);
        assert!(text.missing().is_empty(), "{:?}", text.missing());
    }

    #[test]
    fn a_loadout_of_its_own_only_when_it_differs_from_the_standard_set() {
        let text = Text::new(Language::En);
        let profile = Profile::default();
        let a = read(
            &[BAR, PLATES],
            &[v(BAR, "20"), v(PLATES, "25 20 15 10 5 2.5")],
            &profile,
            2026,
            &text,
        );
        assert!(a.errors.is_empty());
        assert_eq!(a.update.loadout, None);
        let a = read(
            &[BAR, PLATES],
            &[v(BAR, "15"), v(PLATES, "10x2 5 20x1")],
            &profile,
            2026,
            &text,
        );
        let l = a.update.loadout.unwrap();
        assert_eq!(l.bar, 15.0);
        assert_eq!(
            l.plates,
            [
                PlateStock {
                    weight: 20.0,
                    pairs: Some(1)
                },
                PlateStock {
                    weight: 10.0,
                    pairs: Some(2)
                },
                PlateStock {
                    weight: 5.0,
                    pairs: None
                }
            ]
        );
        // A unit sent to a form without the unit field changes nothing.
        let a = read(
            &[BAR],
            &[v(UNIT, "lb"), v(BAR, "15")],
            &profile,
            2026,
            &text,
        );
        assert_eq!(a.update.loadout.unwrap().unit, WeightUnit::Kg);
        assert_ne!(a.update.unit, Some(WeightUnit::Lb));
        let a = read(&[PLATES], &[v(PLATES, "20 heavy")], &profile, 2026, &text);
        assert_eq!(a.errors[0].field, PLATES);
        assert!(a.errors[0].message.contains("heavy"));
    }
}
