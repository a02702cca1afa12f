//! The Measures screen on a [`Heft`] handle: the cards read in one
//! snapshot (the profile and every live measurement, as the trends need),
//! the form for a new measurement checked by the same rules as
//! [`Heft::add_measurement`], and the intents that return the screen
//! after them.

use serde::Serialize;

use super::Heft;
use super::undo;
use crate::Result;
use crate::measures::Trend;
use crate::model::WeightUnit;
use crate::screens::measures::{self, MeasureDraft, MeasureForm, MeasuresScreen};
use crate::screens::today::undo_action;
use crate::store;
use crate::text::{Language, Text};

/// What saving the measurement form came to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeasureOutcome {
    /// True when the measurement was saved.
    pub saved: bool,
    /// The form as it was: its errors when nothing was saved.
    pub form: MeasureForm,
    /// The Measures screen after the measurement, when it was saved.
    pub measures: Option<MeasuresScreen>,
}

impl Heft {
    /// The Measures screen in `language`: a card per series with its
    /// latest value, its changes and its reference band, for the person in
    /// the profile.
    pub fn measures_screen(&self, language: Language) -> Result<MeasuresScreen> {
        self.measures_screen_in(&Text::new(language))
    }

    /// The form for a new measurement as the person fills it in: every
    /// kind with its units and sites, and what is wrong with `draft` as
    /// field errors (never an exception), or its preview. Nothing is saved.
    pub fn measure_form(&self, draft: MeasureDraft, language: Language) -> Result<MeasureForm> {
        Ok(self.measure_form_in(&draft, &Text::new(language))?.0)
    }

    /// Saves the measurement of the form ([`Heft::add_measurement`], one
    /// undo step) when it has no errors, and returns the Measures screen
    /// after it; otherwise saves nothing and returns the form with its
    /// errors.
    pub fn measure_submit(
        &self,
        draft: MeasureDraft,
        language: Language,
    ) -> Result<MeasureOutcome> {
        let text = Text::new(language);
        let (form, new) = self.measure_form_in(&draft, &text)?;
        let Some(new) = new.filter(|_| form.errors.is_empty()) else {
            return Ok(MeasureOutcome {
                saved: false,
                form,
                measures: None,
            });
        };
        self.add_measurement(new)?;
        Ok(MeasureOutcome {
            saved: true,
            form,
            measures: Some(self.measures_after_write(&text)),
        })
    }

    /// Deletes measurement `id` ([`Heft::delete_measurement`], one undo
    /// step) and returns the Measures screen after it.
    pub fn measures_delete(&self, id: &str, language: Language) -> Result<MeasuresScreen> {
        self.delete_measurement(id)?;
        Ok(self.measures_after_write(&Text::new(language)))
    }

    /// Takes back the last change made on this device when it is a
    /// measurement added or deleted, and returns the Measures screen after
    /// it; with nothing of that kind to undo (a stale button), the screen
    /// as it is.
    pub fn measures_undo(&self, language: Language) -> Result<MeasuresScreen> {
        if self.read(undo::newest_measurement_step)?.is_some() {
            self.undo()?;
        }
        Ok(self.measures_after_write(&Text::new(language)))
    }

    /// The screen after a committed write: one that cannot be read now
    /// shows no cards rather than fail a call whose change was saved.
    fn measures_after_write(&self, text: &Text) -> MeasuresScreen {
        self.measures_screen_in(text).unwrap_or_else(|_| {
            measures::build(&[], &[], self.now().date_naive(), WeightUnit::Kg, 0, text)
        })
    }

    fn measures_screen_in(&self, text: &Text) -> Result<MeasuresScreen> {
        let today = self.now().date_naive();
        let writable = self.writes_unavailable().is_none() && self.damage_found().is_none();
        self.read_snapshot(|conn| {
            let profile = store::profile::read(conn)?;
            let all = store::measurements::live(conn, None)?;
            let trends = Trend::all(&all, today, &profile);
            let mut screen = measures::build(
                &trends,
                &all,
                today,
                profile.unit,
                measures::CARD_ENTRIES,
                text,
            );
            if writable && let Some(step) = undo::newest_measurement_step(conn)? {
                screen.undo = Some(undo_action(step.label.as_ref(), &step.english, text));
            }
            Ok(screen)
        })
    }

    /// The form for `draft`, and the measurement it makes when it has no
    /// errors.
    fn measure_form_in(
        &self,
        draft: &MeasureDraft,
        text: &Text,
    ) -> Result<(MeasureForm, Option<crate::measures::NewMeasurement>)> {
        let unit = self.profile()?.unit;
        let now = self.now();
        let read = measures::read_draft(draft, text);
        let mut errors = read.errors;
        let mut preview = None;
        if let (Some(new), Some(kind)) = (&read.new, draft.kind) {
            match new.clone().into_measurement(String::new(), unit, now) {
                Ok(m) => preview = Some(m),
                Err(e) => errors.push(measures::measure_error(
                    kind,
                    draft.value.trim(),
                    new.unit,
                    new.site,
                    &e,
                    text,
                )),
            }
        }
        let form = measures::form(
            measures::kinds(unit, text),
            errors,
            preview.as_ref(),
            now.date_naive(),
            text,
        );
        Ok((form, read.new))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::{Days, NaiveDate};

    use super::super::test_support::heft;
    use crate::Heft;
    use crate::model::{
        BoneStatus, FractureHistory, LogTime, MeasureKind, MeasureUnit, ProfileUpdate, Sex, Site,
        WeightUnit,
    };
    use crate::screens::ActionKind;
    use crate::screens::Tone;
    use crate::screens::measures::{MeasureDraft, MeasuresScreen};
    use crate::text::{Language, Text};

    /// The clock's day in test_support.
    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn draft(kind: MeasureKind, value: &str) -> MeasureDraft {
        MeasureDraft {
            kind: Some(kind),
            value: value.into(),
            ..MeasureDraft::default()
        }
    }

    fn on(d: MeasureDraft, days_ago: u64) -> MeasureDraft {
        MeasureDraft {
            on: Some(day() - Days::new(days_ago)),
            ..d
        }
    }

    fn at(d: MeasureDraft, site: Site) -> MeasureDraft {
        MeasureDraft {
            site: Some(site),
            ..d
        }
    }

    /// Ids are random: stand-ins keep a snapshot stable.
    fn stable(mut s: MeasuresScreen) -> MeasuresScreen {
        for e in s.cards.iter_mut().flat_map(|c| &mut c.entries) {
            e.measurement_id = "[measurement]".into();
        }
        s
    }

    fn save(h: &Heft, d: MeasureDraft) {
        let out = h.measure_submit(d.clone(), Language::En).unwrap();
        assert!(out.saved, "{d:?}: {:?}", out.form.errors);
    }

    /// A woman born in 1958 with low bone mass, who has measured for a year.
    fn a_year(unit: WeightUnit) -> Heft {
        let h = heft();
        h.update_profile(&ProfileUpdate {
            unit: Some(unit),
            birth_year: Some(1958),
            sex: Some(Sex::Female),
            bone_status: Some(BoneStatus::Osteopenia),
            fracture_history: Some(FractureHistory::None),
            ..ProfileUpdate::default()
        })
        .unwrap();
        let weight = if unit == WeightUnit::Lb {
            ["150", "148", "146.5"]
        } else {
            ["68", "67.2", "66.5"]
        };
        for (w, ago) in weight.iter().zip([360, 180, 10]) {
            save(&h, on(draft(MeasureKind::BodyWeight, w), ago));
        }
        save(
            &h,
            on(
                at(draft(MeasureKind::TScore, "-2.1"), Site::LumbarSpine),
                400,
            ),
        );
        save(
            &h,
            on(
                at(draft(MeasureKind::TScore, "-1,8"), Site::LumbarSpine),
                20,
            ),
        );
        save(
            &h,
            on(
                at(draft(MeasureKind::Bmd, "0.853g/cm2"), Site::LumbarSpine),
                20,
            ),
        );
        save(&h, on(at(draft(MeasureKind::Grip, "21"), Site::Left), 30));
        save(&h, on(draft(MeasureKind::ChairStand30s, "11"), 30));
        save(&h, on(draft(MeasureKind::GaitSpeed, "1.1"), 30));
        h
    }

    #[test]
    fn nothing_measured_is_the_empty_state() {
        let h = heft();
        let s = h.measures_screen(Language::En).unwrap();
        assert!(s.cards.is_empty() && s.undo.is_none());
        insta::assert_json_snapshot!(s);
    }

    #[test]
    fn a_year_of_measures_with_low_bone_mass() {
        let h = a_year(WeightUnit::Kg);
        let s = h.measures_screen(Language::En).unwrap();
        let t = s
            .cards
            .iter()
            .find(|c| c.kind == MeasureKind::TScore)
            .unwrap();
        assert_eq!(t.title, "T-score, lumbar spine");
        assert_eq!(t.latest, "\u{2212}1.8");
        assert_eq!(
            t.change.as_deref(),
            Some(
                "+0.3 since 2025-10-20"
                    .replace("2025-10-20", "Mon 20 Oct 2025")
                    .as_str()
            )
        );
        // 0.3 SD is the threshold: a change must exceed it.
        assert_eq!(
            t.precision.as_deref(),
            Some("within the scanner's precision")
        );
        let band = t.band.as_ref().unwrap();
        assert_eq!(
            band.text,
            "osteopenia (taking a woman of 50 or more as postmenopausal) (WHO)"
        );
        assert_eq!(
            (band.tone, band.label.as_deref()),
            (Tone::Caution, Some("rule of thumb"))
        );
        let w = &s.cards[0];
        assert_eq!(w.latest, "66.5 kg");
        assert_eq!(
            w.trend.as_deref(),
            Some("\u{2212}1.5 kg (\u{2212}2.2%) since Sat 29 Nov 2025")
        );
        assert_eq!(w.entries.len(), 3);
        insta::assert_json_snapshot!(stable(s));
    }

    #[test]
    fn measures_in_german() {
        let h = a_year(WeightUnit::Kg);
        let text = Text::new(Language::De);
        let s = h.measures_screen_in(&text).unwrap();
        h.measure_form_in(&MeasureDraft::default(), &text).unwrap();
        assert!(text.missing().is_empty(), "{:?}", text.missing());
        let t = s
            .cards
            .iter()
            .find(|c| c.kind == MeasureKind::TScore)
            .unwrap();
        assert_eq!(t.title, "T-Wert, Lendenwirbelsäule");
        assert_eq!(t.latest, "\u{2212}1,8");
        insta::assert_json_snapshot!(stable(s));
    }

    #[test]
    fn a_pound_person_reads_pounds() {
        let h = a_year(WeightUnit::Lb);
        // Grip measured in kg at a clinic: the card reads it in pounds.
        save(&h, on(at(draft(MeasureKind::Grip, "20kg"), Site::Right), 5));
        let s = h.measures_screen(Language::En).unwrap();
        assert_eq!(s.cards[0].latest, "146.5 lb");
        let right = s
            .cards
            .iter()
            .find(|c| c.site == Some(Site::Right))
            .unwrap();
        assert_eq!(right.latest, "44.09 lb");
        let form = h
            .measure_form(MeasureDraft::default(), Language::En)
            .unwrap();
        let weight = &form.kinds[0];
        assert_eq!(weight.unit, Some(MeasureUnit::Lb));
        assert_eq!(weight.range, "44 lb to 882 lb");
        insta::assert_json_snapshot!(stable(s));
    }

    #[test]
    fn the_form_offers_each_kinds_units_and_sites_and_says_what_is_wrong() {
        let h = heft();
        let form = h
            .measure_form(MeasureDraft::default(), Language::En)
            .unwrap();
        assert_eq!(form.kinds.len(), MeasureKind::ALL.len());
        let t = form
            .kinds
            .iter()
            .find(|k| k.kind == MeasureKind::TScore)
            .unwrap();
        assert!(t.site_required);
        assert_eq!(t.sites.len(), 3);
        let grip = form
            .kinds
            .iter()
            .find(|k| k.kind == MeasureKind::Grip)
            .unwrap();
        assert!(!grip.site_required && grip.sites.len() == 2);
        let vat = form
            .kinds
            .iter()
            .find(|k| k.kind == MeasureKind::VisceralFat)
            .unwrap();
        assert_eq!(vat.unit, None, "grams or a level: chosen, never guessed");
        assert_eq!(form.errors[0].field, "measure");
        assert!(form.actions.is_empty());
        let errors = |d: MeasureDraft, language| {
            let f = h.measure_form(d, language).unwrap();
            assert!(f.actions.is_empty() && f.preview.is_none());
            f.errors
                .iter()
                .map(|e| format!("{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
        };
        let cases = [
            (
                draft(MeasureKind::Grip, ""),
                "value: Write the value, as in 72.5",
            ),
            (
                draft(MeasureKind::Grip, "thirty"),
                "value: “thirty” is not a number",
            ),
            (
                draft(MeasureKind::VisceralFat, "9"),
                "unit: Choose the unit: g, level",
            ),
            (
                draft(MeasureKind::TScore, "-1.8"),
                "site: Choose where: lumbar spine, femoral neck, total hip",
            ),
            (
                at(draft(MeasureKind::Grip, "30"), Site::TotalHip),
                "site: Grip strength is measured at: left hand, right hand",
            ),
            (
                at(draft(MeasureKind::BodyWeight, "70"), Site::Left),
                "site: Body weight is measured without a site",
            ),
            (
                draft(MeasureKind::BodyWeight, "700"),
                "value: Value: from 20 kg to 400 kg",
            ),
            (
                draft(MeasureKind::Steps, "-5"),
                "value: Value: cannot be negative",
            ),
            (
                MeasureDraft {
                    on: Some(day() + Days::new(2)),
                    ..draft(MeasureKind::Steps, "5000")
                },
                "date: Date: in the future",
            ),
        ];
        for (d, expected) in cases {
            assert_eq!(errors(d.clone(), Language::En), [expected], "{d:?}");
            let de = Text::new(Language::De);
            let f = h.measure_form_in(&d, &de).unwrap().0;
            assert_eq!(f.errors.len(), 1);
            assert!(de.missing().is_empty(), "{:?}", de.missing());
        }
        assert_eq!(
            errors(draft(MeasureKind::VisceralFat, "9"), Language::De),
            ["unit: Wähle die Einheit: g, Stufe"]
        );
        let ok = h
            .measure_form(at(draft(MeasureKind::Grip, "31"), Site::Left), Language::En)
            .unwrap();
        assert!(ok.errors.is_empty());
        assert_eq!(
            ok.preview.as_deref(),
            Some("Grip strength, left hand on Tue 24 Nov: 31 kg")
        );
        assert_eq!(ok.actions[0].kind, ActionKind::SaveMeasurement);
        assert!(
            h.measurements(None).unwrap().is_empty(),
            "a form saves nothing"
        );
    }

    #[test]
    fn submit_delete_and_undo_return_the_screen_after_them() {
        let h = heft();
        let wrong = h
            .measure_submit(draft(MeasureKind::Grip, "x"), Language::En)
            .unwrap();
        assert!(!wrong.saved && wrong.measures.is_none());
        assert_eq!(wrong.form.errors[0].field, "value");
        let out = h
            .measure_submit(at(draft(MeasureKind::Grip, "31"), Site::Left), Language::En)
            .unwrap();
        assert!(out.saved);
        let s: MeasuresScreen = out.measures.unwrap();
        assert_eq!(s.cards[0].latest, "31 kg");
        assert_eq!(
            s.cards[0].band.as_ref().unwrap().status,
            crate::BandStatus::NeedsProfile
        );
        assert_eq!(
            s.undo.as_ref().unwrap().label,
            "Undo: measured grip strength 31 kg (left hand)"
        );
        let id = s.cards[0].entries[0].measurement_id.clone();
        assert_eq!(
            s.cards[0].entries[0].delete.kind,
            ActionKind::DeleteMeasurement
        );
        let deleted = h.measures_delete(&id, Language::En).unwrap();
        assert!(deleted.cards.is_empty() && deleted.empty.is_some());
        assert_eq!(
            deleted.undo.as_ref().unwrap().label,
            "Undo: deleted grip strength 31 kg (left hand)"
        );
        let back = h.measures_undo(Language::En).unwrap();
        assert_eq!(back.cards[0].entries[0].measurement_id, id);
        // A set logged since: Measures offers no undo, and a stale button
        // leaves the set alone.
        h.log_sets(
            &[crate::grammar::parse("60x5")
                .unwrap()
                .to_input("deadlift", WeightUnit::Kg)],
            LogTime::Now,
        )
        .unwrap();
        let s = h.measures_undo(Language::En).unwrap();
        assert!(s.undo.is_none());
        assert_eq!(s.cards.len(), 1);
        assert_eq!(h.history(&crate::HistoryQuery::default()).unwrap().len(), 1);
    }
}
