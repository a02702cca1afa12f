//! The vocabulary of Heft: what a set, a workout, an exercise and a profile are.
//!
//! Plain data with serde derives; the JSON shape of these types is what the
//! CLI's `--json` prints, so renaming a field is a breaking change.

mod exercise;
mod formula;
mod loadout;
pub(crate) mod measurement;
pub(crate) mod names;
mod profile;
mod quantity;
mod set;
mod short_id;
mod time;
mod workout;

pub use exercise::{Equipment, Exercise, Measure, Muscle, NewExercise, Pattern};
pub use formula::Formula;
pub use loadout::{Loadout, LoadoutError, PlateStock};
pub use measurement::{
    DXA_SITES, HANDS, Limits, MeasureKind, MeasureUnit, Measurement, Site, SiteRule, trim_number,
    value_text,
};
pub use names::UnknownName;
pub use profile::{
    BoneStatus, FractureHistory, MAX_BAND_NAME, MAX_BANDS, Profile, ProfileUpdate, Sex, band_name,
};
pub use quantity::{
    Distance, DistanceUnit, Quantity, Unit, Weight, WeightUnit, format_decimal, format_milli,
};
pub use set::{
    Effort, EffortSource, Impact, Load, SetEntry, SetInput, SetKind, SetRole, SetTarget,
};
pub use short_id::ShortId;
pub use time::{LogTime, Timestamp, utc_ms_covering};
pub use workout::{Workout, WorkoutLog};
