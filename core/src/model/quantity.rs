//! Weights and distances, kept exactly as entered.
//!
//! A quantity is an integer count of thousandths of its unit plus the unit,
//! so 102.5 kg and 225 lb come back exactly as typed (no binary-float drift,
//! no silent conversion), and equal values compare and hash equal, which the
//! sync content hash relies on. Conversions happen only when two units meet.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A unit of measure with a fixed factor to its base unit.
pub trait Unit: Copy + Eq + fmt::Debug {
    /// How many base units (kg or m) one of this unit is.
    fn base_factor(self) -> f64;
    /// The symbol shown after a number, e.g. "kg".
    fn symbol(self) -> &'static str;
    /// The unit for a symbol (case-insensitive, common spellings).
    fn from_symbol(s: &str) -> Option<Self>;
}

/// A unit of weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum WeightUnit {
    /// Kilograms.
    Kg,
    /// Pounds (avoirdupois, exactly 0.45359237 kg).
    Lb,
}

impl WeightUnit {
    /// `kg` kilograms in this unit, to 0.01: how a computed weight (an
    /// e1RM, a week's volume) is shown, so records, stats and the report
    /// give the same figure.
    pub fn of_kg(self, kg: f64) -> f64 {
        let v = kg * WeightUnit::Kg.base_factor() / self.base_factor();
        (v * 100.0).round() / 100.0
    }
}

impl Unit for WeightUnit {
    fn base_factor(self) -> f64 {
        match self {
            WeightUnit::Kg => 1.0,
            WeightUnit::Lb => 0.453_592_37,
        }
    }
    fn symbol(self) -> &'static str {
        match self {
            WeightUnit::Kg => "kg",
            WeightUnit::Lb => "lb",
        }
    }
    fn from_symbol(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" => Some(WeightUnit::Kg),
            "lb" | "lbs" | "pound" | "pounds" => Some(WeightUnit::Lb),
            _ => None,
        }
    }
}

/// A unit of distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DistanceUnit {
    /// Metres.
    M,
    /// Kilometres.
    Km,
    /// International miles (exactly 1609.344 m).
    Mi,
}

impl Unit for DistanceUnit {
    fn base_factor(self) -> f64 {
        match self {
            DistanceUnit::M => 1.0,
            DistanceUnit::Km => 1000.0,
            DistanceUnit::Mi => 1609.344,
        }
    }
    fn symbol(self) -> &'static str {
        match self {
            DistanceUnit::M => "m",
            DistanceUnit::Km => "km",
            DistanceUnit::Mi => "mi",
        }
    }
    fn from_symbol(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "m" | "meter" | "meters" | "metre" | "metres" => Some(DistanceUnit::M),
            "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => {
                Some(DistanceUnit::Km)
            }
            "mi" | "mile" | "miles" => Some(DistanceUnit::Mi),
            _ => None,
        }
    }
}

/// Thousandths per unit: the resolution at which quantities are kept.
pub const MILLI: i64 = 1000;

/// An amount in some unit, at a resolution of 1/1000 of the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quantity<U> {
    milli: i64,
    unit: U,
}

/// A weight as entered (kg or lb).
pub type Weight = Quantity<WeightUnit>;
/// A distance as entered (m, km or mi).
pub type Distance = Quantity<DistanceUnit>;

impl<U: Unit> Quantity<U> {
    /// A quantity from a decimal value, rounded to 1/1000 of the unit.
    /// `None` when the value is not finite or too large to hold.
    pub fn new(value: f64, unit: U) -> Option<Self> {
        let milli = value * MILLI as f64;
        if !milli.is_finite() || milli.abs() > 1e15 {
            return None;
        }
        Some(Quantity {
            milli: milli.round() as i64,
            unit,
        })
    }

    /// A quantity from a count of thousandths of the unit.
    pub const fn from_milli(milli: i64, unit: U) -> Self {
        Quantity { milli, unit }
    }

    /// The value in thousandths of the unit (exact).
    pub const fn milli(self) -> i64 {
        self.milli
    }

    /// The value in its own unit.
    pub fn value(self) -> f64 {
        self.milli as f64 / MILLI as f64
    }

    /// The unit it was entered in.
    pub const fn unit(self) -> U {
        self.unit
    }

    /// The value in the base unit (kg for weights, metres for distances).
    pub fn base(self) -> f64 {
        self.value() * self.unit.base_factor()
    }

    /// The value converted to `unit` (not rounded to plates or steps).
    pub fn in_unit(self, unit: U) -> f64 {
        self.base() / unit.base_factor()
    }
}

/// `x` rounded to `places` decimals (halves away from zero), written with
/// no trailing zeros: `format_decimal(2.50, 2)` is "2.5", `format_decimal(3.0, 1)`
/// is "3". The one way a number reads in reasons, notes and tables.
pub fn format_decimal(x: f64, places: i32) -> String {
    let scale = 10f64.powi(places);
    let r = (x * scale).round() / scale;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}

/// Writes a thousandths count as the shortest exact decimal ("102.5", "-20", "1.25").
pub fn format_milli(milli: i64) -> String {
    let sign = if milli < 0 { "-" } else { "" };
    let abs = milli.unsigned_abs();
    let whole = abs / MILLI as u64;
    let frac = abs % MILLI as u64;
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{frac:03}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

impl<U: Unit> fmt::Display for Quantity<U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", format_milli(self.milli), self.unit.symbol())
    }
}

/// JSON shape: `{"value": 102.5, "unit": "kg"}`.
#[derive(Serialize, Deserialize)]
struct QuantityJson<U> {
    value: f64,
    unit: U,
}

impl<U: Unit + Serialize> Serialize for Quantity<U> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        QuantityJson {
            value: self.value(),
            unit: self.unit,
        }
        .serialize(s)
    }
}

impl<'de, U: Unit + Deserialize<'de>> Deserialize<'de> for Quantity<U> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let j = QuantityJson::<U>::deserialize(d)?;
        Quantity::new(j.value, j.unit)
            .ok_or_else(|| serde::de::Error::custom("quantity out of range"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_without_trailing_zeros() {
        assert_eq!(format_decimal(2.5, 2), "2.5");
        assert_eq!(format_decimal(3.0, 1), "3");
        assert_eq!(format_decimal(67.849, 1), "67.8");
        assert_eq!(format_decimal(0.125, 2), "0.13");
        assert_eq!(format_decimal(-1.25, 1), "-1.3");
        assert_eq!(format_decimal(1260.0, 2), "1260");
    }

    #[test]
    fn kilograms_shown_in_either_unit_to_a_hundredth() {
        assert_eq!(WeightUnit::Kg.of_kg(116.6666), 116.67);
        // 116.667 kg / 0.45359237 = 257.2077 lb; 2625 kg = 5787.1277 lb.
        assert_eq!(WeightUnit::Lb.of_kg(116.667), 257.21);
        assert_eq!(WeightUnit::Lb.of_kg(2625.0), 5787.13);
        assert_eq!(WeightUnit::Lb.of_kg(0.0), 0.0);
    }

    #[test]
    fn keeps_plate_values_exactly() {
        let w = Weight::new(102.5, WeightUnit::Kg).unwrap();
        assert_eq!(w.milli(), 102_500);
        assert_eq!(w.to_string(), "102.5 kg");
        assert_eq!(
            Weight::new(1.25, WeightUnit::Lb).unwrap().to_string(),
            "1.25 lb"
        );
    }

    #[test]
    fn float_artefacts_round_to_the_intended_value() {
        let w = Weight::new(74.999_999_999_999_99, WeightUnit::Kg).unwrap();
        assert_eq!(w, Weight::from_milli(75_000, WeightUnit::Kg));
    }

    #[test]
    fn converts_between_units() {
        let w = Weight::new(225.0, WeightUnit::Lb).unwrap();
        assert!((w.base() - 102.058_283_25).abs() < 1e-9);
        assert!((w.in_unit(WeightUnit::Kg) - 102.058_283_25).abs() < 1e-9);
        let mile = Distance::new(1.0, DistanceUnit::Mi).unwrap();
        assert!((mile.in_unit(DistanceUnit::Km) - 1.609_344).abs() < 1e-12);
    }

    #[test]
    fn rejects_values_that_cannot_be_held() {
        assert!(Weight::new(f64::NAN, WeightUnit::Kg).is_none());
        assert!(Weight::new(f64::INFINITY, WeightUnit::Kg).is_none());
        assert!(Weight::new(1e300, WeightUnit::Kg).is_none());
    }

    #[test]
    fn formats_negative_and_fractional_thousandths() {
        assert_eq!(format_milli(-20_000), "-20");
        assert_eq!(format_milli(500), "0.5");
        assert_eq!(format_milli(-1_250), "-1.25");
        assert_eq!(format_milli(1), "0.001");
    }

    #[test]
    fn json_shape_is_value_and_unit() {
        let w = Weight::new(60.0, WeightUnit::Kg).unwrap();
        assert_eq!(
            serde_json::to_string(&w).unwrap(),
            r#"{"value":60.0,"unit":"kg"}"#
        );
        let back: Weight = serde_json::from_str(r#"{"value":60.0,"unit":"kg"}"#).unwrap();
        assert_eq!(back, w);
    }

    #[test]
    fn unit_symbols_are_forgiving() {
        assert_eq!(WeightUnit::from_symbol("LBS"), Some(WeightUnit::Lb));
        assert_eq!(WeightUnit::from_symbol("Kilos"), Some(WeightUnit::Kg));
        assert_eq!(DistanceUnit::from_symbol("metres"), Some(DistanceUnit::M));
        assert_eq!(WeightUnit::from_symbol("st"), None);
    }
}
