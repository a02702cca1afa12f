//! Settings on a [`Heft`] handle: the rows, a section's form, and saving
//! it (a profile update, or the language this device shows).

use chrono::Datelike;

use super::Heft;
use crate::Result;
use crate::model::Profile;
use crate::screens::form::{self, FieldValue};
use crate::screens::settings;
use crate::screens::{ScreenKind, SettingsForm, SettingsOutcome, SettingsScreen, SettingsSection};
use crate::store::{self, meta_get, meta_set};
use crate::text::{Language, Text};

/// The `meta` key of the language chosen on this device (absent: the
/// phone's own). Local: each device shows its own.
const LANGUAGE_KEY: &str = "language";

impl Heft {
    /// The language chosen in Settings on this device, `None` to follow
    /// the phone's (the shell then passes `language_for_tag` of it).
    pub fn preferred_language(&self) -> Result<Option<Language>> {
        self.read(read_language)
    }

    /// The Settings screen: each section with its values now.
    pub fn settings_screen(&self, language: Language) -> Result<SettingsScreen> {
        let text = Text::new(language);
        let (profile, chosen) = self.settings_read()?;
        Ok(settings::build(&profile, chosen, &text))
    }

    /// The form of one section with its values now and the allowed choices.
    pub fn settings_form(
        &self,
        section: SettingsSection,
        language: Language,
    ) -> Result<SettingsForm> {
        let text = Text::new(language);
        let (profile, chosen) = self.settings_read()?;
        Ok(settings::form(section, &profile, chosen, &text))
    }

    /// Saves a section from the values the person chose (`FieldValue`s by
    /// field id): the profile's fields as [`Heft::update_profile`] saves
    /// them, or this device's language. A value the person can fix is a
    /// field error on the form, with nothing saved. The screens come back
    /// in `language`; after choosing another language the shell asks again
    /// in it.
    pub fn settings_submit(
        &self,
        section: SettingsSection,
        values: &[FieldValue],
        language: Language,
    ) -> Result<SettingsOutcome> {
        let text = Text::new(language);
        let (profile, chosen) = self.settings_read()?;
        let answers = form::read(section.fields(), values, &profile, self.now().year(), &text);
        if !answers.errors.is_empty() {
            let f = settings::form(section, &profile, chosen, &text);
            return Ok(SettingsOutcome {
                saved: false,
                form: settings::with_errors(f, values, answers.errors),
                screen: settings::build(&profile, chosen, &text),
            });
        }
        if answers.update != Default::default() {
            self.update_profile(&answers.update)?;
        }
        let mut text = text;
        if let Some(language) = answers.language {
            self.write(|tx, _| match language {
                Some(l) => meta_set(tx, LANGUAGE_KEY, l.tag()),
                None => store::meta_delete(tx, LANGUAGE_KEY),
            })?;
            // Every screen speaks the new language: all are stale, and the
            // answer is in it already (the phone's when none is chosen,
            // which the caller passed).
            self.tell_stale(&ScreenKind::ALL);
            if let Some(l) = language {
                text = Text::new(l);
            }
        }
        let (profile, chosen) = self.settings_read()?;
        Ok(SettingsOutcome {
            saved: true,
            form: settings::form(section, &profile, chosen, &text),
            screen: settings::build(&profile, chosen, &text),
        })
    }

    /// The profile and the language chosen, from one snapshot.
    fn settings_read(&self) -> Result<(Profile, Option<Language>)> {
        self.read_snapshot(|conn| Ok((store::profile::read(conn)?, read_language(conn)?)))
    }
}

fn read_language(conn: &rusqlite::Connection) -> Result<Option<Language>> {
    Ok(meta_get(conn, LANGUAGE_KEY)?
        .as_deref()
        .and_then(Language::from_tag))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::onboarding_screen::tests::{a_year_of_history, v};
    use super::super::test_support::heft;
    use crate::model::{BoneStatus, Equipment, ProfileUpdate, WeightUnit};
    use crate::screens::{ScreenKind, SettingsSection};
    use crate::text::{Language, Text};

    #[test]
    fn a_new_profile_shows_the_defaults() {
        let h = heft();
        let s = h.settings_screen(Language::En).unwrap();
        insta::assert_json_snapshot!("new_profile", s);
        let f = h
            .settings_form(SettingsSection::Profile, Language::En)
            .unwrap();
        insta::assert_json_snapshot!("profile_form", f);
    }

    #[test]
    fn saving_a_section_returns_the_refreshed_screen() {
        let h = heft();
        a_year_of_history(&h);
        let stale = std::sync::Arc::new(parking_lot::Mutex::new(Vec::new()));
        let seen = stale.clone();
        h.on_change(move |s| seen.lock().extend_from_slice(s));
        let out = h
            .settings_submit(
                SettingsSection::Profile,
                &[
                    v("birth_year", "1955"),
                    v("sex", "male"),
                    v("bone_status", "osteoporosis"),
                    v("fracture_history", "fragility"),
                ],
                Language::En,
            )
            .unwrap();
        assert!(out.saved, "{:?}", out.form.errors);
        assert!(stale.lock().contains(&ScreenKind::Settings));
        assert_eq!(
            h.profile().unwrap().bone_status,
            Some(BoneStatus::Osteoporosis)
        );
        let out = h
            .settings_submit(
                SettingsSection::Equipment,
                &[v("equipment", "dumbbell"), v("equipment", "kettlebell")],
                Language::En,
            )
            .unwrap();
        assert!(out.saved);
        assert_eq!(
            h.profile().unwrap().equipment.unwrap(),
            [
                Equipment::Dumbbell,
                Equipment::Kettlebell,
                Equipment::Bodyweight
            ]
        );
        let out = h
            .settings_submit(SettingsSection::Units, &[v("unit", "lb")], Language::En)
            .unwrap();
        assert!(out.saved);
        let out = h
            .settings_submit(
                SettingsSection::Plates,
                &[
                    v("bar", "35"),
                    v("plates", "45 25 10x2 5"),
                    v("micro_plates", "yes"),
                ],
                Language::En,
            )
            .unwrap();
        assert!(out.saved, "{:?}", out.form.errors);
        let out = h
            .settings_submit(
                SettingsSection::Bands,
                &[v("bands", "light medium heavy")],
                Language::En,
            )
            .unwrap();
        assert!(out.saved);
        insta::assert_json_snapshot!("saved_lb", out.screen);
        let loadout = h.profile().unwrap().loadout.unwrap();
        assert_eq!((loadout.unit, loadout.bar), (WeightUnit::Lb, 35.0));
        assert!(!loadout.fractional.is_empty());
    }

    #[test]
    fn a_value_out_of_range_is_a_field_error_and_saves_nothing() {
        let h = heft();
        let out = h
            .settings_submit(
                SettingsSection::Bands,
                &[v("bands", "red red")],
                Language::De,
            )
            .unwrap();
        assert!(!out.saved);
        assert_eq!(out.form.errors[0].field, "bands");
        assert_eq!(out.form.fields[0].value, "red red");
        insta::assert_json_snapshot!("band_error_de", out.form);
        let out = h
            .settings_submit(SettingsSection::Plates, &[v("bar", "-5")], Language::En)
            .unwrap();
        assert!(!out.saved);
        assert_eq!(out.form.errors[0].field, "bar");
        assert_eq!(h.profile().unwrap(), crate::model::Profile::default());
    }

    #[test]
    fn the_language_is_this_devices_own_choice() {
        let h = heft();
        let told = std::sync::Arc::new(parking_lot::Mutex::new(Vec::new()));
        let heard = told.clone();
        h.on_change(move |screens| heard.lock().push(screens.to_vec()));
        assert_eq!(h.preferred_language().unwrap(), None);
        let out = h
            .settings_submit(
                SettingsSection::Language,
                &[v("language", "de")],
                Language::En,
            )
            .unwrap();
        assert!(out.saved);
        assert_eq!(h.preferred_language().unwrap(), Some(Language::De));
        // Answered in the language chosen, and every screen told to follow.
        assert_eq!(out.screen.language, Language::De);
        assert_eq!(out.form.language, Language::De);
        assert!(
            told.lock().iter().any(|s| s == &ScreenKind::ALL),
            "{:?}",
            told.lock()
        );
        let s = h.settings_screen(Language::De).unwrap();
        insta::assert_json_snapshot!("german", s);
        h.settings_submit(
            SettingsSection::Language,
            &[v("language", "")],
            Language::De,
        )
        .unwrap();
        assert_eq!(h.preferred_language().unwrap(), None);
        let out = h
            .settings_submit(
                SettingsSection::Language,
                &[v("language", "fr")],
                Language::En,
            )
            .unwrap();
        assert!(!out.saved);
    }

    #[test]
    fn every_section_has_every_message_in_every_language() {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            bone_status: Some(BoneStatus::Osteopenia),
            ..ProfileUpdate::default()
        })
        .unwrap();
        for language in Language::ALL {
            let text = Text::new(language);
            let profile = h.profile().unwrap();
            crate::screens::settings::build(&profile, None, &text);
            for section in SettingsSection::ALL {
                crate::screens::settings::form(section, &profile, None, &text);
            }
            assert!(text.missing().is_empty(), "{:?}", text.missing());
        }
    }
}
