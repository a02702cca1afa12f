//! The numbers behind "it is working": strength over time, records, the
//! weekly dose against the 40-60 minute band, the bone-loading dose, and
//! keeping at it.
//!
//! Everything here is a pure function of [`AnalyticsSet`] rows (one per
//! live set, read by one streaming query in the store), the profile and a
//! date, and returns data series, not pictures: serde types that the CLI,
//! the HTML report and the phone apps all draw the same way. Every metric,
//! its definition and its source is described in docs/ANALYTICS.md.
//!
//! - [`input`]: the rows.
//! - [`week`]: ISO weeks (`2026-W47`).
//! - [`strength`]: e1RM per session, the e1RM series, retention.
//! - [`records`]: personal records and the new ones a log just set.
//! - [`sessions`]: workouts with lifting, their dates and minutes.
//! - [`dose`]: per ISO week minutes, band, sessions, hard sets, bone dose.
//! - [`adherence`]: streaks, gaps, rest between sessions of a pattern.
//! - [`summary`]: `heft stats` ([`Stats`]) and the report's [`Charts`].
//! - [`backtest`]: how well the engine's estimate forecasts the next session
//!   (`heft backtest`).

pub mod adherence;
pub mod backtest;
pub mod dose;
pub mod input;
pub mod records;
pub mod session_bests;
pub mod sessions;
pub mod strength;
pub mod summary;
pub mod week;

pub use adherence::{Adherence, Gaps, PatternSpacing, Streak};
pub use dose::{BoneWeek, DoseBand, MuscleSets, PlannedSessions, WeekStats};
pub use input::{AnalyticsSet, SetExercise};
pub use records::{Record, RecordKind, RecordUnit};
pub use sessions::Session;
pub use strength::{E1rmPoint, E1rmSeries, Retention};
pub use summary::{BoneDose, Charts, Stats, StatsBuilder};
pub use week::Week;

#[cfg(test)]
mod proptests;
