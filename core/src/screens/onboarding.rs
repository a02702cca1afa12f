//! Onboarding: the first run, one step at a time (units, body, bones,
//! equipment, a program), each a form whose fields, choices and errors
//! are decided here. The last step starts the program chosen and leads to
//! the first planned session.

use serde::Serialize;

use super::form::{
    self, BANDS, BAR, BIRTH_YEAR, BODY_WEIGHT, BONE_STATUS, Choice, EQUIPMENT_FIELD,
    FRACTURE_HISTORY, FieldKind, FormField, MICRO_PLATES, PLATES, PROGRAM, SEX, SetupAction,
    SetupActionKind, UNIT,
};
use super::{Banner, FieldError, TodayScreen, Tone, program_name};
use crate::model::{FractureHistory, Profile};
use crate::progression::plan::{DoseLevel, Why};
use crate::text::{Arg, Language, Text};

/// A step of onboarding, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OnboardingStep {
    /// Kilograms or pounds.
    Units,
    /// Birth year, sex and body weight.
    Body,
    /// Bone status and fracture history.
    Bones,
    /// Equipment, bar and plates, bands.
    Equipment,
    /// The program to start.
    Program,
}

impl OnboardingStep {
    /// Every step, in order.
    pub const ALL: [OnboardingStep; 5] = [
        OnboardingStep::Units,
        OnboardingStep::Body,
        OnboardingStep::Bones,
        OnboardingStep::Equipment,
        OnboardingStep::Program,
    ];

    fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The step after this one, `None` after the last.
    pub fn next(self) -> Option<OnboardingStep> {
        Self::ALL.get(self.index() + 1).copied()
    }

    /// The step before this one, `None` for the first.
    pub fn previous(self) -> Option<OnboardingStep> {
        self.index().checked_sub(1).map(|i| Self::ALL[i])
    }

    /// The form's fields.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            OnboardingStep::Units => &[UNIT],
            OnboardingStep::Body => &[BIRTH_YEAR, SEX, BODY_WEIGHT],
            OnboardingStep::Bones => &[BONE_STATUS, FRACTURE_HISTORY],
            OnboardingStep::Equipment => &[EQUIPMENT_FIELD, BAR, PLATES, MICRO_PLATES, BANDS],
            OnboardingStep::Program => &[PROGRAM],
        }
    }

    fn key(self) -> &'static str {
        match self {
            OnboardingStep::Units => "units",
            OnboardingStep::Body => "body",
            OnboardingStep::Bones => "bones",
            OnboardingStep::Equipment => "equipment",
            OnboardingStep::Program => "program",
        }
    }
}

/// One step of onboarding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OnboardingScreen {
    /// The language it is written in.
    pub language: Language,
    /// The step.
    pub step: OnboardingStep,
    /// "Step 2 of 5".
    pub progress: String,
    /// The heading.
    pub title: String,
    /// Why Heft asks.
    pub body: String,
    /// The form.
    pub fields: Vec<FormField>,
    /// What must change before the step can be saved, per field.
    pub errors: Vec<FieldError>,
    /// What to know, alerts first (a physiotherapist first after a
    /// vertebral fracture).
    pub banners: Vec<Banner>,
    /// `next` (or `start_training` on the last step), then `back`.
    pub actions: Vec<SetupAction>,
}

/// What submitting a step came to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OnboardingOutcome {
    /// True when the step was saved.
    pub saved: bool,
    /// The next step's screen, or this one with its errors; null once
    /// onboarding is done.
    pub onboarding: Option<OnboardingScreen>,
    /// The first planned session, after the last step.
    pub today: Option<TodayScreen>,
}

/// A program to choose, with the engine's facts about it for this person.
#[derive(Debug, Clone)]
pub struct ProgramOption {
    /// Its id.
    pub id: String,
    /// Its own name.
    pub name: String,
    /// Its own paragraph (for a program without catalog words).
    pub summary: String,
    /// Sessions a week.
    pub sessions_per_week: u8,
    /// Minutes a session.
    pub session_minutes: u16,
    /// Reaches 80% of 1RM or more.
    pub heavy: bool,
    /// What the engine says when it starts the program for this person.
    pub start_notes: Vec<Why>,
}

impl ProgramOption {
    fn weekly_minutes(&self) -> u32 {
        u32::from(self.sessions_per_week) * u32::from(self.session_minutes)
    }
}

/// What the builder needs.
pub struct OnboardingInput<'a> {
    /// The step to show.
    pub step: OnboardingStep,
    /// The profile as it is.
    pub profile: &'a Profile,
    /// The programs to choose from (the last step).
    pub programs: &'a [ProgramOption],
    /// Osteopenia, osteoporosis or a fragility fracture (the engine's
    /// low bone mass).
    pub low_bone_mass: bool,
    /// The program chosen before, if any.
    pub chosen_program: Option<&'a str>,
}

/// Whether the engine's facts make a program a suggestion for this
/// person: its week within the 40-60 min band where the benefit peaks
/// (SCIENCE.md, "Dose"), and with low bone mass one that reaches heavy
/// loads, since bone responds to high-intensity progressive training
/// (SCIENCE.md, "Safety with low bone mass"; the engine puts technique
/// first).
pub fn suggested(program: &ProgramOption, low_bone_mass: bool) -> bool {
    DoseLevel::of(program.weekly_minutes()) == DoseLevel::InBand
        && (!low_bone_mass || program.heavy)
}

/// The step's screen with the profile's values.
pub fn build(input: &OnboardingInput, text: &Text) -> OnboardingScreen {
    let step = input.step;
    let mut fields: Vec<FormField> = step
        .fields()
        .iter()
        .filter(|id| **id != PROGRAM)
        .map(|id| form::profile_field(id, input.profile, text))
        .collect();
    let mut banners = Vec::new();
    if step == OnboardingStep::Program {
        fields.push(program_field(input, text));
        banners.push(Banner {
            text: text.get(if input.low_bone_mass {
                "onboarding-suggested-low-bone-mass"
            } else {
                "onboarding-suggested"
            }),
            tone: Tone::Neutral,
        });
    }
    if matches!(step, OnboardingStep::Bones | OnboardingStep::Program)
        && input.profile.fracture_history == Some(FractureHistory::Vertebral)
    {
        banners.insert(0, form::alert(text.get("warning-see-physio")));
    }
    let last = step.next().is_none();
    let mut actions = vec![SetupAction::new(
        if last {
            SetupActionKind::StartTraining
        } else {
            SetupActionKind::Next
        },
        text.get(if last {
            "onboarding-action-start"
        } else {
            "onboarding-action-next"
        }),
    )];
    if let Some(previous) = step.previous() {
        let mut back = SetupAction::new(SetupActionKind::Back, text.get("onboarding-action-back"));
        back.step = Some(previous);
        actions.push(back);
    }
    OnboardingScreen {
        language: text.language(),
        step,
        progress: text.with(
            "onboarding-progress",
            &[
                ("step", Arg::Count(step.index() as u64 + 1)),
                ("steps", Arg::Count(OnboardingStep::ALL.len() as u64)),
            ],
        ),
        title: text.get(&format!("onboarding-{}-title", step.key())),
        body: text.get(&format!("onboarding-{}-body", step.key())),
        fields,
        errors: Vec::new(),
        banners,
        actions,
    }
}

/// The step's screen again with what was typed and what is wrong with it.
pub fn with_errors(
    mut screen: OnboardingScreen,
    values: &[form::FieldValue],
    errors: Vec<FieldError>,
) -> OnboardingScreen {
    form::keep_typed(&mut screen.fields, values);
    form::mark_errors(&mut screen.fields, &errors);
    screen.errors = errors;
    screen
}

/// The programs to choose from, the suggested first (each group in the
/// order given), with time a week, what each is for and what the engine
/// says before starting it.
fn program_field(input: &OnboardingInput, text: &Text) -> FormField {
    let mut choices: Vec<Choice> = input
        .programs
        .iter()
        .map(|p| {
            let weekly = p.weekly_minutes();
            let mut notes = Vec::new();
            if input.profile.fracture_history == Some(FractureHistory::Vertebral) && p.heavy {
                notes.push(form::alert(text.get("warning-see-physio")));
            }
            notes.push(dose_banner(DoseLevel::of(weekly), text));
            notes.extend(p.start_notes.iter().map(|why| Banner {
                text: text.phrase_or(&why.phrase, &why.text),
                tone: Tone::Neutral,
            }));
            let about_id = format!("onboarding-about-{}", p.id);
            Choice {
                value: p.id.clone(),
                label: program_name(&p.id, &p.name, text),
                detail: Some(text.with(
                    "onboarding-program-time",
                    &[
                        ("sessions", Arg::Count(p.sessions_per_week.into())),
                        ("minutes", Arg::Count(p.session_minutes.into())),
                        ("total", Arg::Count(weekly.into())),
                    ],
                )),
                about: Some(if super::built_in(&p.id) {
                    text.get(&about_id)
                } else {
                    p.summary.clone()
                }),
                suggested: suggested(p, input.low_bone_mass),
                notes,
            }
        })
        .collect();
    // Stable: the suggested ones first, each group in the given order.
    choices.sort_by_key(|c| !c.suggested);
    let mut f = FormField {
        id: PROGRAM.to_owned(),
        label: text.get("setup-field-program"),
        kind: FieldKind::Choice,
        value: input.chosen_program.unwrap_or_default().to_owned(),
        values: Vec::new(),
        choices,
        unit: None,
        hint: None,
        required: true,
        error: None,
    };
    if f.value.is_empty() && f.choices.iter().any(|c| c.suggested) {
        // A suggestion is offered, not chosen: the person picks.
        f.hint = Some(text.get("onboarding-hint-program"));
    }
    f
}

/// Where a program's week stands against the 40-60 min band.
fn dose_banner(level: DoseLevel, text: &Text) -> Banner {
    let (id, tone) = match level {
        DoseLevel::Below => ("dose-below", Tone::Neutral),
        DoseLevel::InBand => ("dose-in-band", Tone::Good),
        DoseLevel::Above => ("dose-above", Tone::Caution),
        DoseLevel::FarAbove => ("dose-far-above", Tone::Alert),
    };
    Banner {
        text: text.get(id),
        tone,
    }
}
