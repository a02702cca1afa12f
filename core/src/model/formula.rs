//! The e1RM formulas a person can choose, as data; the estimates are the
//! engine's (`progression::strength`).

use serde::{Deserialize, Serialize};

/// Which formula turned a set into an estimated one-rep max.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Formula {
    /// `w * (1 + r/30)` (Epley 1985).
    Epley,
    /// `w * 36 / (37 - r)` (Brzycki 1993).
    Brzycki,
}

impl Formula {
    /// The formula's name as shown to a person, e.g. "Epley".
    pub fn name(self) -> &'static str {
        match self {
            Formula::Epley => "Epley",
            Formula::Brzycki => "Brzycki",
        }
    }
}
