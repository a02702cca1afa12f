//! A sentence kept as what it says rather than how: the id of a catalog
//! message and the values it names. The engine writes its reasons this way
//! so that a screen can say them in the person's language; the English
//! `text` beside each one (the CLI's JSON, older readers) is the English
//! catalog's rendering of the same phrase, so there is one English source.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Equipment, MeasureUnit, Weight, WeightUnit, Workout};

/// A catalog message and the values it names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Phrase {
    /// The message's id in the catalogs (the `.ftl` files of `core/data/i18n`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub id: String,
    /// Its values, by the names the message uses.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub args: Vec<PhraseArg>,
}

/// One named value of a [`Phrase`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PhraseArg {
    /// The name the message uses (`$load`).
    pub name: String,
    /// The value.
    pub value: PhraseValue,
}

/// A value a phrase names, kept typed so each language writes it its way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PhraseValue {
    /// A name shown as it is: an exercise, a band, a program.
    Name {
        /// The name.
        text: String,
    },
    /// A word of the catalog, by its message id (the name of a kind of
    /// equipment): written in the language.
    Word {
        /// The word's message id.
        id: String,
    },
    /// Which variant of the message to use (a Fluent selector key).
    Choice {
        /// The variant's key.
        key: String,
    },
    /// A whole number, which also chooses a plural form.
    Count {
        /// The number.
        value: u64,
    },
    /// A decimal, to at most two places.
    Number {
        /// The number.
        value: f64,
    },
    /// A weight with its unit, to 0.01.
    Weight {
        /// The weight.
        weight: Weight,
    },
    /// An estimate of a weight, always to one decimal: its precision is far
    /// coarser than a plate.
    Estimate {
        /// The estimate, unrounded.
        value: f64,
        /// Its unit.
        unit: WeightUnit,
    },
    /// A measured value with its unit (a measurement's), to 0.001:
    /// `31 kg`, `−1.8`, `level 9`, `Stufe 9`.
    Measure {
        /// The value.
        value: f64,
        /// Its unit.
        unit: MeasureUnit,
    },
    /// A calendar day, in full: `2026-12-07`, `7.12.2026`.
    Date {
        /// The day.
        date: NaiveDate,
    },
    /// Reps or seconds of several sets: `5, 5, 4` (the same in both
    /// languages).
    Counts {
        /// One value a set.
        values: Vec<u32>,
    },
    /// A value of a kind this version does not know (a phrase written by a
    /// newer one): the reason falls back to its English text.
    #[serde(other)]
    Unknown,
}

impl Phrase {
    /// Message `id`, with no values yet.
    pub fn new(id: &str) -> Phrase {
        Phrase {
            id: id.to_owned(),
            args: Vec::new(),
        }
    }

    fn arg(mut self, name: &str, value: PhraseValue) -> Phrase {
        self.args.push(PhraseArg {
            name: name.to_owned(),
            value,
        });
        self
    }

    /// A name shown as it is.
    pub fn name(self, name: &str, text: impl Into<String>) -> Phrase {
        self.arg(name, PhraseValue::Name { text: text.into() })
    }

    /// A word of the catalog, by its message id.
    pub fn word(self, name: &str, id: impl Into<String>) -> Phrase {
        self.arg(name, PhraseValue::Word { id: id.into() })
    }

    /// The variant of the message to use.
    pub fn choice(self, name: &str, key: &str) -> Phrase {
        self.arg(name, PhraseValue::Choice { key: key.into() })
    }

    /// A whole number.
    pub fn count(self, name: &str, value: impl Into<u64>) -> Phrase {
        self.arg(
            name,
            PhraseValue::Count {
                value: value.into(),
            },
        )
    }

    /// A decimal, to at most two places.
    pub fn number(self, name: &str, value: f64) -> Phrase {
        self.arg(name, PhraseValue::Number { value })
    }

    /// A weight, to 0.01.
    pub fn weight(self, name: &str, weight: Weight) -> Phrase {
        self.arg(name, PhraseValue::Weight { weight })
    }

    /// An estimated weight, to 0.1.
    pub fn estimate(self, name: &str, value: f64, unit: WeightUnit) -> Phrase {
        self.arg(name, PhraseValue::Estimate { value, unit })
    }

    /// A measured value with its unit.
    pub fn measure(self, name: &str, value: f64, unit: MeasureUnit) -> Phrase {
        self.arg(name, PhraseValue::Measure { value, unit })
    }

    /// A day.
    pub fn date(self, name: &str, date: NaiveDate) -> Phrase {
        self.arg(name, PhraseValue::Date { date })
    }

    /// Reps or seconds of several sets.
    pub fn counts(self, name: &str, values: Vec<u32>) -> Phrase {
        self.arg(name, PhraseValue::Counts { values })
    }
}

/// The catalog id of the name of a kind of equipment (`equipment-trap_bar`).
pub fn equipment_word(equipment: Equipment) -> String {
    format!("equipment-{}", equipment.as_str())
}

/// `phrase` given a workout's title: its `name` when it has one, else the
/// `part` of the day it started in, for a message that writes "Morning
/// workout" in its language as [`Workout::title`] does in English (the
/// catalog's `workout-title`; an undo step's label names a workout so too).
pub fn workout_label(phrase: Phrase, workout: &Workout) -> Phrase {
    match &workout.name {
        Some(name) => phrase.choice("named", "yes").name("name", name.as_str()),
        None => phrase.choice("named", "no").name("name", ""),
    }
    .choice("part", workout.day_part())
}
