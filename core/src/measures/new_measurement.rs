//! A measurement as typed or sent by an app, and the checks that turn it
//! into a [`Measurement`] to store: its unit, value, site, time and note.

use chrono::{DateTime, FixedOffset};

use crate::Result;
use crate::model::measurement::{check_note, round_to};
use crate::model::{LogTime, MeasureKind, MeasureUnit, Measurement, Site, WeightUnit};
use crate::validate::{Field, Problem, ValidationError};

/// A measurement to record.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewMeasurement {
    /// What was measured.
    pub kind: MeasureKind,
    /// Where: required for DXA kinds, optional (a hand) for grip.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub site: Option<Site>,
    /// The value.
    pub value: f64,
    /// Its unit; `None` takes the profile's unit for weights and the kind's
    /// only unit otherwise.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unit: Option<MeasureUnit>,
    /// When it was measured.
    pub at: LogTime,
    /// A note.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub note: Option<String>,
}

impl NewMeasurement {
    /// A measurement of `kind` taken now, without site, unit or note.
    pub fn new(kind: MeasureKind, value: f64) -> Self {
        NewMeasurement {
            kind,
            site: None,
            value,
            unit: None,
            at: LogTime::Now,
            note: None,
        }
    }

    /// A measurement from typed text: a kind (`grip`, `t-score`) and a value
    /// that may carry its unit (`72,5`, `160lb`). Errors name the field
    /// (`measure`, `value` or `unit`).
    pub fn parse(kind: &str, value: &str) -> Result<Self> {
        let kind = MeasureKind::from_input(kind)?;
        let (value, unit) = kind.parse_value(value)?;
        Ok(NewMeasurement {
            unit,
            ..NewMeasurement::new(kind, value)
        })
    }

    /// The measurement to store under `id`, checked. A value given without
    /// a unit takes `weight_unit` (the person's) for weights and the kind's
    /// only unit otherwise; the value is kept to 3 decimals and must suit
    /// its kind, unit and site; the time is resolved against `now`; the
    /// note is trimmed, and dropped when blank. Errors name the field
    /// (`note`, `unit`, `site`, `value` or `date`).
    pub fn into_measurement(
        self,
        id: String,
        weight_unit: WeightUnit,
        now: DateTime<FixedOffset>,
    ) -> Result<Measurement, ValidationError> {
        let note = clean_note(self.note.as_deref())?;
        let unit = match self.unit {
            Some(u) => u,
            None => self
                .kind
                .default_unit(weight_unit)
                .ok_or_else(|| ValidationError {
                    field: Field::Unit,
                    problem: Problem::Malformed {
                        expected: format!(
                            "given for {}: g (DXA mass) or level (a scale's rating), e.g. 9level",
                            self.kind
                        ),
                    },
                })?,
        };
        let value = round_to(self.value, 3);
        self.kind.check(self.site, value, unit)?;
        let measured_at = self.at.resolve(now)?;
        Ok(Measurement {
            id,
            kind: self.kind,
            site: self.site,
            value,
            unit,
            measured_at,
            note,
        })
    }
}

/// Trims the note, drops it when blank, and checks it.
fn clean_note(note: Option<&str>) -> Result<Option<String>, ValidationError> {
    match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => {
            check_note(n)?;
            Ok(Some(n.to_owned()))
        }
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-24T18:00:00+01:00").unwrap()
    }

    fn stored(
        new: NewMeasurement,
        weight_unit: WeightUnit,
    ) -> Result<Measurement, ValidationError> {
        new.into_measurement("m1".into(), weight_unit, now())
    }

    #[test]
    fn a_value_without_a_unit_takes_the_persons_unit_for_weights_and_the_kinds_otherwise() {
        let grip = stored(NewMeasurement::parse("grip", "70").unwrap(), WeightUnit::Lb).unwrap();
        assert_eq!((grip.value, grip.unit), (70.0, MeasureUnit::Lb));
        let kg = NewMeasurement::parse("body_weight", "72,5kg").unwrap();
        assert_eq!(stored(kg, WeightUnit::Lb).unwrap().unit, MeasureUnit::Kg);
        let tug = NewMeasurement::parse("tug", "9.5").unwrap();
        assert_eq!(
            stored(tug, WeightUnit::Kg).unwrap().unit,
            MeasureUnit::Seconds
        );
        // Grams and a scale's level are too easily confused to guess.
        let vat = NewMeasurement::parse("visceral_fat", "9").unwrap();
        assert_eq!(stored(vat, WeightUnit::Kg).unwrap_err().field, Field::Unit);
    }

    #[test]
    fn the_value_keeps_three_decimals_and_the_time_resolves_against_now() {
        let new = NewMeasurement {
            site: Some(Site::LumbarSpine),
            unit: Some(MeasureUnit::GramPerCm2),
            at: LogTime::OnDate(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
            ..NewMeasurement::new(MeasureKind::Bmd, 0.85349)
        };
        let m = stored(new, WeightUnit::Kg).unwrap();
        assert_eq!(m.id, "m1");
        assert_eq!(m.value, 0.853);
        assert_eq!(m.measured_at.0.to_rfc3339(), "2026-03-01T12:00:00+01:00");
    }

    #[test]
    fn the_note_is_trimmed_a_blank_one_dropped_and_a_long_one_refused() {
        let with_note = |note: &str| NewMeasurement {
            note: Some(note.into()),
            ..NewMeasurement::new(MeasureKind::Steps, 8000.0)
        };
        let m = stored(with_note("  after the walk "), WeightUnit::Kg).unwrap();
        assert_eq!(m.note.as_deref(), Some("after the walk"));
        assert_eq!(
            stored(with_note(" \t "), WeightUnit::Kg).unwrap().note,
            None
        );
        let long = stored(with_note(&"x".repeat(2001)), WeightUnit::Kg);
        assert_eq!(long.unwrap_err().field, Field::Note);
    }
}
