//! Settings: the profile, equipment, plates, bands, units and language as
//! rows with their current values, and a form per row with the allowed
//! choices and field errors. Saving returns the refreshed screen.

use serde::Serialize;

use super::FieldError;
use super::form::{
    self, BANDS, BAR, BIRTH_YEAR, BONE_STATUS, EQUIPMENT_FIELD, FRACTURE_HISTORY, FormField,
    LANGUAGE, MICRO_PLATES, PLATES, SEX, SetupAction, SetupActionKind, UNIT,
};
use crate::model::{Profile, Unit};
use crate::text::{Language, Text};

/// A part of the settings, each one row and one form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SettingsSection {
    /// Birth year, sex, bone status and fracture history.
    Profile,
    /// Equipment at hand.
    Equipment,
    /// The bar, the plates and fractional plates.
    Plates,
    /// Elastic bands, light to heavy.
    Bands,
    /// Kilograms or pounds.
    Units,
    /// The app's language.
    Language,
}

impl SettingsSection {
    /// Every section, in the order shown.
    pub const ALL: [SettingsSection; 6] = [
        SettingsSection::Profile,
        SettingsSection::Equipment,
        SettingsSection::Plates,
        SettingsSection::Bands,
        SettingsSection::Units,
        SettingsSection::Language,
    ];

    /// The form's fields.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            SettingsSection::Profile => &[BIRTH_YEAR, SEX, BONE_STATUS, FRACTURE_HISTORY],
            SettingsSection::Equipment => &[EQUIPMENT_FIELD],
            SettingsSection::Plates => &[BAR, PLATES, MICRO_PLATES],
            SettingsSection::Bands => &[BANDS],
            SettingsSection::Units => &[UNIT],
            SettingsSection::Language => &[LANGUAGE],
        }
    }

    fn key(self) -> &'static str {
        match self {
            SettingsSection::Profile => "profile",
            SettingsSection::Equipment => "equipment",
            SettingsSection::Plates => "plates",
            SettingsSection::Bands => "bands",
            SettingsSection::Units => "units",
            SettingsSection::Language => "language",
        }
    }
}

/// The Settings screen: one row per section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SettingsScreen {
    /// The language it is written in.
    pub language: Language,
    /// The heading.
    pub title: String,
    /// One row per section, in order.
    pub rows: Vec<SettingsRow>,
}

/// A section as a row: tap it to open its form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SettingsRow {
    /// The section (`settings_form` opens it).
    pub section: SettingsSection,
    /// Its label.
    pub label: String,
    /// The values now, in a line: "Born 1958 · female · osteopenia".
    pub value: String,
}

/// The form of one section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SettingsForm {
    /// The language it is written in.
    pub language: Language,
    /// The section.
    pub section: SettingsSection,
    /// The heading.
    pub title: String,
    /// The fields with their values now.
    pub fields: Vec<FormField>,
    /// What must change before it can be saved, per field.
    pub errors: Vec<FieldError>,
    /// `save`, `cancel`.
    pub actions: Vec<SetupAction>,
}

/// What saving a section came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SettingsOutcome {
    /// True when it was saved.
    pub saved: bool,
    /// The form: with its errors when nothing was saved, else as saved.
    pub form: SettingsForm,
    /// The Settings screen after it.
    pub screen: SettingsScreen,
}

/// The section's fields with the values now.
fn fields(
    section: SettingsSection,
    profile: &Profile,
    language: Option<Language>,
    text: &Text,
) -> Vec<FormField> {
    section
        .fields()
        .iter()
        .map(|id| match *id {
            LANGUAGE => form::language_field(language, text),
            id => form::profile_field(id, profile, text),
        })
        .collect()
}

/// The Settings screen for the profile and the language chosen (`None`:
/// the phone's).
pub fn build(profile: &Profile, language: Option<Language>, text: &Text) -> SettingsScreen {
    let rows = SettingsSection::ALL
        .iter()
        .map(|&section| {
            let value = match section {
                SettingsSection::Profile => profile_line(profile, text),
                SettingsSection::Plates => plates_line(profile, text),
                _ => fields(section, profile, language, text)
                    .iter()
                    .map(|f| form::chosen_label(f, &none_id(&f.id), text))
                    .collect::<Vec<_>>()
                    .join(" · "),
            };
            SettingsRow {
                section,
                label: text.get(&format!("settings-{}", section.key())),
                value,
            }
        })
        .collect();
    SettingsScreen {
        language: text.language(),
        title: text.get("settings-title"),
        rows,
    }
}

/// The profile in a line, what is given of it: "Born 1955 · male ·
/// osteoporosis · a vertebral fracture".
fn profile_line(profile: &Profile, text: &Text) -> String {
    let mut parts = Vec::new();
    if let Some(year) = profile.birth_year {
        parts.push(text.with("settings-value-born", &[("year", year.to_string().into())]));
    }
    if let Some(sex) = profile.sex {
        parts.push(text.get(&format!("settings-value-sex-{}", sex.as_str())));
    }
    if let Some(bone) = profile.bone_status {
        parts.push(text.get(&format!("settings-value-bone-status-{}", bone.as_str())));
    }
    if let Some(fracture) = profile.fracture_history {
        parts.push(text.get(&format!(
            "settings-value-fracture-history-{}",
            fracture.as_str()
        )));
    }
    if parts.is_empty() {
        text.get("settings-not-given")
    } else {
        parts.join(" · ")
    }
}

/// The bar and plates in a line: "Bar 20 kg · plates 25 20 15 10 5 2.5 kg
/// · no fractional plates".
fn plates_line(profile: &Profile, text: &Text) -> String {
    let field = |id| form::profile_field(id, profile, text);
    let unit = profile.unit.symbol();
    let micro = field(MICRO_PLATES).value;
    text.with(
        "settings-value-plates",
        &[
            ("bar", format!("{} {unit}", field(BAR).value).into()),
            ("plates", format!("{} {unit}", field(PLATES).value).into()),
            (
                "fractional",
                text.get(&format!("settings-value-micro-plates-{micro}"))
                    .into(),
            ),
        ],
    )
}

/// The message for a field with no value.
fn none_id(field: &str) -> String {
    match field {
        EQUIPMENT_FIELD => "settings-full-gym".to_owned(),
        _ => "settings-not-given".to_owned(),
    }
}

/// The form of `section` with the values now.
pub fn form(
    section: SettingsSection,
    profile: &Profile,
    language: Option<Language>,
    text: &Text,
) -> SettingsForm {
    SettingsForm {
        language: text.language(),
        section,
        title: text.get(&format!("settings-{}", section.key())),
        fields: fields(section, profile, language, text),
        errors: Vec::new(),
        actions: vec![
            SetupAction::new(SetupActionKind::Save, text.get("settings-action-save")),
            SetupAction::new(SetupActionKind::Cancel, text.get("settings-action-cancel")),
        ],
    }
}

/// The form again with what was typed and what is wrong with it.
pub fn with_errors(
    mut f: SettingsForm,
    values: &[form::FieldValue],
    errors: Vec<FieldError>,
) -> SettingsForm {
    form::keep_typed(&mut f.fields, values);
    form::mark_errors(&mut f.fields, &errors);
    f.errors = errors;
    f
}
