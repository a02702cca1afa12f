//! The words and numbers a screen shows, in the person's language.
//!
//! Every sentence comes from one message catalog per language
//! (`core/data/i18n/<tag>/*.ftl`, Project Fluent, joined and embedded
//! deflated by build.rs); numbers,
//! weights and dates are formatted here per language, since Fluent leaves
//! that to the caller (German writes `42,5 kg`). Screens build their text
//! through a [`Text`] and nothing else, so a shell carries no sentence of
//! its own and a new language is one more catalog. What the engine says
//! (its reasons) it keeps as [`Phrase`]s, written here in any language.

mod phrase;

pub use phrase::{Phrase, PhraseArg, PhraseValue, equipment_word, workout_label};

use std::cell::RefCell;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

use crate::model::{MeasureUnit, Unit, Weight, WeightUnit, format_decimal};

/// A language the screens are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Language {
    /// English.
    #[default]
    En,
    /// German.
    De,
}

impl Language {
    /// Every language with a catalog.
    pub const ALL: [Language; 2] = [Language::En, Language::De];

    /// The language's tag (`en`, `de`).
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
        }
    }

    /// The language of a tag such as `de`, `de-AT` or `en_GB`; `None` for
    /// a language without a catalog.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let language = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.tag() == language)
    }

    fn decimal_separator(self) -> char {
        match self {
            Language::En => '.',
            Language::De => ',',
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language, source: &[u8]) -> Result<Bundle, String> {
    let text = crate::embedded::text(source)?;
    let resource = FluentResource::try_new(text)
        .map_err(|(_, errors)| format!("{}.ftl: {errors:?}", language.tag()))?;
    let lang = language
        .tag()
        .parse()
        .map_err(|e| format!("{}: {e:?}", language.tag()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // The marks Fluent puts around each placeable for mixed-direction text
    // would show as stray characters in a phone's text views; both
    // languages here run left to right.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| format!("{}.ftl: {errors:?}", language.tag()))?;
    Ok(bundle)
}

static EN: LazyLock<Result<Bundle, String>> = LazyLock::new(|| {
    bundle(
        Language::En,
        crate::embedded::deflated!("i18n/en.ftl").as_slice(),
    )
});
static DE: LazyLock<Result<Bundle, String>> = LazyLock::new(|| {
    bundle(
        Language::De,
        crate::embedded::deflated!("i18n/de.ftl").as_slice(),
    )
});

fn catalog(language: Language) -> Result<&'static Bundle, &'static str> {
    let bundle = match language {
        Language::En => &*EN,
        Language::De => &*DE,
    };
    bundle.as_ref().map_err(String::as_str)
}

/// A value a message is given.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text already formatted (a weight, a date, a name).
    Text(String),
    /// A count, which also chooses a message's plural form.
    Count(u64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

/// Text in one language: messages from its catalog, and numbers, weights
/// and dates formatted its way. A message the catalog lacks shows its id
/// and is remembered ([`Text::missing`]), so a test can name it.
#[derive(Debug)]
pub struct Text {
    language: Language,
    missing: RefCell<Vec<String>>,
}

impl Text {
    /// Text in `language`.
    pub fn new(language: Language) -> Text {
        Text {
            language,
            missing: RefCell::new(Vec::new()),
        }
    }

    /// The language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Message `id`.
    pub fn get(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// Message `id` with its arguments.
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Ok(bundle) = catalog(self.language) else {
            return self.miss(id);
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return self.miss(id);
        };
        let mut fluent = FluentArgs::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Count(n) => FluentValue::from(*n),
            };
            fluent.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
        if !errors.is_empty() {
            self.missing.borrow_mut().push(format!("{id}: {errors:?}"));
        }
        text.into_owned()
    }

    /// The catalog's words for message `id` when it has them (a built-in
    /// program's name), else `own` as it is (a program of the person's
    /// own): not a missing message.
    pub fn name_or(&self, id: &str, own: &str) -> String {
        let has = catalog(self.language)
            .ok()
            .and_then(|b| b.get_message(id))
            .is_some();
        if has { self.get(id) } else { own.to_owned() }
    }

    /// A reason kept as a phrase and its English: the phrase in this
    /// language when the catalog can write it (it may come from a newer
    /// version, with a message or a value this one lacks), else the
    /// English as it was kept.
    pub fn phrase_or(&self, phrase: &Phrase, english: &str) -> String {
        if phrase.id.is_empty() {
            return english.to_owned();
        }
        let probe = Text::new(self.language);
        let written = probe.phrase(phrase);
        if probe.missing().is_empty() {
            written
        } else {
            english.to_owned()
        }
    }

    /// A phrase in English: the text kept beside it (a reason's, an undo
    /// step's), so English has the catalog as its one source. Every
    /// phrase the core writes has its English message (checked in debug
    /// builds, and for the engine's reasons by the year-long simulations).
    pub fn english(phrase: &Phrase) -> String {
        let english = Text::new(Language::En);
        let text = english.phrase(phrase);
        debug_assert!(english.missing().is_empty(), "{:?}", english.missing());
        text
    }

    /// A phrase, its values written this language's way.
    pub fn phrase(&self, phrase: &Phrase) -> String {
        let args: Vec<(&str, Arg)> = phrase
            .args
            .iter()
            .map(|a| (a.name.as_str(), self.value(&a.value)))
            .collect();
        self.with(&phrase.id, &args)
    }

    fn value(&self, value: &PhraseValue) -> Arg {
        match value {
            PhraseValue::Name { text } => Arg::Text(text.clone()),
            PhraseValue::Word { id } => Arg::Text(self.get(id)),
            PhraseValue::Choice { key } => Arg::Text(key.clone()),
            PhraseValue::Count { value } => Arg::Count(*value),
            PhraseValue::Number { value } => Arg::Text(self.number(*value, 2)),
            PhraseValue::Weight { weight } => Arg::Text(self.weight(*weight)),
            PhraseValue::Estimate { value, unit } => Arg::Text(self.estimate(*value, *unit)),
            PhraseValue::Measure { value, unit } => Arg::Text(self.measure(*value, *unit)),
            PhraseValue::Date { date } => Arg::Text(self.full_date(*date)),
            PhraseValue::Counts { values } => Arg::Text(
                values
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            PhraseValue::Unknown => {
                self.missing
                    .borrow_mut()
                    .push("a value of an unknown kind".into());
                Arg::Text(String::new())
            }
        }
    }

    fn miss(&self, id: &str) -> String {
        self.missing.borrow_mut().push(id.to_owned());
        id.to_owned()
    }

    /// The messages asked for that the catalog lacks (or could not format).
    pub fn missing(&self) -> Vec<String> {
        self.missing.borrow().clone()
    }

    /// A decimal written with a point, with the language's separator.
    fn localized(&self, decimal: String) -> String {
        match self.language.decimal_separator() {
            '.' => decimal,
            sep => decimal.replace('.', &sep.to_string()),
        }
    }

    /// `x` with at most `places` decimals, trailing zeros dropped, with
    /// the language's decimal separator: `42.5`, `42,5`.
    pub fn number(&self, x: f64, places: i32) -> String {
        self.localized(format_decimal(x, places))
    }

    /// `x` as [`Text::number`] writes it, then its unit's symbol:
    /// `2.5 kg`, `100,5 cm`.
    pub fn amount(&self, x: f64, places: i32, symbol: &str) -> String {
        format!("{} {symbol}", self.number(x, places))
    }

    /// A weight with its unit, to 0.01: `42.5 kg`, `42,5 kg`.
    pub fn weight(&self, w: Weight) -> String {
        self.amount(w.value(), 2, w.unit().symbol())
    }

    /// An estimated weight, always to one decimal: `117.3 kg`, `117,3 kg`.
    pub fn estimate(&self, value: f64, unit: WeightUnit) -> String {
        format!(
            "{} {}",
            self.localized(format!("{value:.1}")),
            unit.symbol()
        )
    }

    /// A measurement's unit as a label: `kg`, `g/cm²`, `level`, `Stufe`.
    pub fn measure_unit(&self, unit: MeasureUnit) -> String {
        match unit {
            MeasureUnit::Level => self.get("measure-unit-level"),
            MeasureUnit::Sd => self.get("measure-unit-sd"),
            MeasureUnit::Reps => self.get("measure-unit-reps"),
            MeasureUnit::StepsPerDay => self.get("measure-unit-steps"),
            MeasureUnit::MinutesPerWeek => self.get("measure-unit-minutes"),
            MeasureUnit::GramPerCm2 => "g/cm²".to_owned(),
            other => other.as_str().to_owned(),
        }
    }

    /// A measured value with its unit, to 0.001, a negative one with a
    /// true minus sign: `72.5 kg`, `−1.8`, `level 9`, `12 stands`,
    /// `0,853 g/cm²`.
    pub fn measure(&self, value: f64, unit: MeasureUnit) -> String {
        let sign = if value < 0.0 { "\u{2212}" } else { "" };
        self.measure_signed(value, sign, unit)
    }

    /// The size of `value` after `sign` (a true minus sign, a plus or
    /// nothing; none when it rounds to nothing), with its unit the
    /// language's way: `+2 kg`, `level +1`, `−2 stands`.
    pub fn measure_signed(&self, value: f64, sign: &str, unit: MeasureUnit) -> String {
        let digits = self.number(value.abs(), 3);
        let sign = if digits.chars().all(|c| !c.is_ascii_digit() || c == '0') {
            ""
        } else {
            sign
        };
        let number = format!("{sign}{digits}");
        match unit {
            MeasureUnit::Sd => number,
            MeasureUnit::Level => self.with("measure-value-level", &[("value", number.into())]),
            MeasureUnit::Reps => {
                let stands = self.with(
                    "measure-value-stands",
                    &[("value", Arg::Count(value.abs().round() as u64))],
                );
                format!("{sign}{stands}")
            }
            MeasureUnit::StepsPerDay => {
                self.with("measure-value-steps", &[("value", number.into())])
            }
            MeasureUnit::MinutesPerWeek => {
                self.with("measure-value-minutes", &[("value", number.into())])
            }
            u => format!("{number} {}", self.measure_unit(u)),
        }
    }

    /// A date in full: `2026-12-07` (ISO 8601, as the CLI takes dates),
    /// `7.12.2026`.
    pub fn full_date(&self, d: NaiveDate) -> String {
        match self.language {
            Language::En => d.to_string(),
            Language::De => format!("{}.{}.{}", d.day(), d.month(), d.year()),
        }
    }

    /// A short date: `Mon 7 Dec`, `Mo., 7. Dez.`.
    pub fn date(&self, d: NaiveDate) -> String {
        let weekday = d.weekday().number_from_monday();
        self.with(
            "date-short",
            &[
                ("weekday", self.get(&format!("weekday-{weekday}")).into()),
                ("day", d.day().to_string().into()),
                ("month", self.get(&format!("month-{}", d.month())).into()),
            ],
        )
    }

    /// A length of time in minutes and seconds: `90 s`, `2 min`, `2:30 min`.
    pub fn rest(&self, seconds: u32) -> String {
        let (m, s) = (seconds / 60, seconds % 60);
        match (m, s) {
            (0, s) => self.with("duration-seconds", &[("seconds", Arg::Count(s.into()))]),
            (m, 0) => self.with("duration-minutes", &[("minutes", Arg::Count(m.into()))]),
            (m, s) => self.with(
                "duration-minutes-seconds",
                &[
                    ("minutes", Arg::Count(m.into())),
                    ("seconds", format!("{s:02}").into()),
                ],
            ),
        }
    }
}

/// The ids of the messages in the catalog of `language`, for tests that
/// look for an id a screen shows in place of a missing message.
#[cfg(test)]
pub(crate) fn catalog_ids(language: Language) -> Vec<String> {
    let deflated: &[u8] = match language {
        Language::En => crate::embedded::deflated!("i18n/en.ftl").as_slice(),
        Language::De => crate::embedded::deflated!("i18n/de.ftl").as_slice(),
    };
    crate::embedded::text(deflated)
        .map(|source| message_ids(&source))
        .unwrap_or_default()
}

/// The ids of the messages in a catalog's source, in order.
#[cfg(test)]
fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::WeightUnit;

    #[test]
    fn every_catalog_parses_and_has_the_same_messages() {
        let en = catalog_ids(Language::En);
        assert!(en.len() > 40, "{} messages", en.len());
        for language in Language::ALL {
            catalog(language).unwrap();
            let mut ids = catalog_ids(language);
            let mut want = en.clone();
            ids.sort();
            want.sort();
            assert_eq!(ids, want, "{} has other messages than en", language.tag());
        }
    }

    #[test]
    fn numbers_weights_and_dates_are_written_the_languages_way() {
        let en = Text::new(Language::En);
        let de = Text::new(Language::De);
        let w = Weight::new(42.5, WeightUnit::Kg).unwrap();
        assert_eq!(
            (en.weight(w), de.weight(w)),
            ("42.5 kg".into(), "42,5 kg".into())
        );
        assert_eq!(de.number(100.0, 1), "100");
        let d = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(en.date(d), "Mon 7 Dec");
        assert_eq!(de.date(d), "Mo., 7. Dez.");
        assert_eq!(en.rest(90), "1:30 min");
        assert_eq!(en.rest(180), "3 min");
        assert_eq!(de.rest(45), "45 s");
        assert!(en.missing().is_empty() && de.missing().is_empty());
    }

    #[test]
    fn plural_forms_follow_the_count() {
        let en = Text::new(Language::En);
        let one = en.with(
            "sets-done",
            &[("done", Arg::Count(1)), ("planned", Arg::Count(1))],
        );
        let many = en.with(
            "sets-done",
            &[("done", Arg::Count(2)), ("planned", Arg::Count(5))],
        );
        assert_eq!(one, "1 of 1 set done");
        assert_eq!(many, "2 of 5 sets done");
    }

    #[test]
    fn a_missing_message_shows_its_id_and_is_remembered() {
        let en = Text::new(Language::En);
        assert_eq!(en.get("no-such-message"), "no-such-message");
        assert_eq!(en.missing(), ["no-such-message"]);
    }

    #[test]
    fn a_phrase_is_written_with_its_values_in_each_language() {
        let w = |v| Weight::new(v, WeightUnit::Kg).unwrap();
        // A message that names another (`estimate-from-set`) lends it its
        // values.
        let phrase = Phrase::new("estimate-from-set-why")
            .weight("load", w(82.5))
            .count("reps", 5u32)
            .choice("effort", "rir")
            .number("rir", 1.5)
            .date("date", NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
            .name("formula", "Epley")
            .choice("layoff", "yes")
            .number("percent", 15.0)
            .count("weeks", 9u32)
            .estimate("estimate", 98.456, WeightUnit::Kg);
        let en = Text::new(Language::En);
        let de = Text::new(Language::De);
        assert_eq!(
            en.phrase(&phrase),
            "Estimated 1RM 98.5 kg from 82.5 kg x 5 at RIR 1.5 on 2026-11-24 (Epley), less 15% for 9 weeks since."
        );
        assert_eq!(
            de.phrase(&phrase),
            "Geschätztes 1RM 98,5 kg aus 82,5 kg × 5 bei RIR 1,5 am 24.11.2026 (Epley), abzüglich 15 %, da seitdem 9 Wochen vergangen sind."
        );
        let word = Phrase::new("swap-no-equipment")
            .name("exercise", "Trap Bar Deadlift")
            .word(
                "equipment",
                equipment_word(crate::model::Equipment::TrapBar),
            );
        assert_eq!(
            en.phrase(&word),
            "Trap Bar Deadlift needs trap bar equipment you do not have"
        );
        assert!(en.missing().is_empty() && de.missing().is_empty());
    }

    #[test]
    fn a_tag_names_its_language() {
        assert_eq!(Language::from_tag("de-AT"), Some(Language::De));
        assert_eq!(Language::from_tag("en_GB"), Some(Language::En));
        assert_eq!(Language::from_tag("fr"), None);
    }
}
