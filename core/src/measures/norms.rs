//! The cut-offs and normal ranges that bands compare a value with, as
//! published (docs/MEASURES.md cites each). Plain numbers, so the report can
//! shade the same ranges a band names.

/// A 30-s chair stand normal range for an age band (Rikli & Jones).
pub(crate) struct AgeNorm {
    /// First age of the band.
    pub(crate) from: i32,
    /// Last age of the band.
    pub(crate) to: i32,
    /// Women's normal range (stands).
    pub(crate) women: (f64, f64),
    /// Men's normal range (stands).
    pub(crate) men: (f64, f64),
}

const fn norm(from: i32, to: i32, women: (f64, f64), men: (f64, f64)) -> AgeNorm {
    AgeNorm {
        from,
        to,
        women,
        men,
    }
}

/// 30-s chair stand normal ranges (Rikli & Jones, 43 cm chair, arms crossed).
const CHAIR_STAND_NORMS: &[AgeNorm] = &[
    norm(60, 64, (12.0, 17.0), (14.0, 19.0)),
    norm(65, 69, (11.0, 16.0), (12.0, 18.0)),
    norm(70, 74, (10.0, 15.0), (12.0, 17.0)),
    norm(75, 79, (10.0, 15.0), (11.0, 17.0)),
    norm(80, 84, (9.0, 14.0), (10.0, 15.0)),
    norm(85, 89, (8.0, 13.0), (8.0, 14.0)),
    norm(90, 94, (4.0, 11.0), (7.0, 12.0)),
];

/// The 30-s chair stand norm of the age band `age` falls in (bands are
/// inclusive); `None` outside the ages the table covers.
pub(crate) fn chair_stand_norm(age: i32) -> Option<&'static AgeNorm> {
    CHAIR_STAND_NORMS
        .iter()
        .find(|n| (n.from..=n.to).contains(&age))
}

/// Fewer 30-s chair stands than this is low function (Rikli & Jones).
pub const CHAIR_STAND_LOW: f64 = 8.0;
/// EWGSOP2 low grip, men (kg): below this is low.
pub const GRIP_LOW_MEN_KG: f64 = 27.0;
/// EWGSOP2 low grip, women (kg): below this is low.
pub const GRIP_LOW_WOMEN_KG: f64 = 16.0;
/// Five chair stands slower than this (s) is low strength.
pub const FIVE_STAND_LOW_S: f64 = 15.0;
/// Gait speed at or below this (m/s) is mobility impairment.
pub const GAIT_SPEED_LOW: f64 = 0.8;
/// Timed up-and-go at or above this (s) is a fall risk (CDC STEADI).
pub const TUG_FALL_RISK_S: f64 = 12.0;
/// WHO: a T-score at or above this is normal.
pub const T_NORMAL: f64 = -1.0;
/// WHO: a T-score at or below this is osteoporosis.
pub const T_OSTEOPOROSIS: f64 = -2.5;
/// A Z-score at or below this is below the expected range for age.
pub const Z_LOW: f64 = -2.0;
/// T-score bands apply from this age (men, and women taken as postmenopausal).
pub const T_SCORE_MIN_AGE: i32 = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chair_stand_age_bands_are_inclusive_and_cover_60_to_94_without_gaps() {
        assert_eq!(chair_stand_norm(64).map(|n| (n.from, n.to)), Some((60, 64)));
        assert_eq!(chair_stand_norm(65).map(|n| (n.from, n.to)), Some((65, 69)));
        assert_eq!(chair_stand_norm(94).map(|n| n.women), Some((4.0, 11.0)));
        assert!(chair_stand_norm(59).is_none());
        assert!(chair_stand_norm(95).is_none());
        for pair in CHAIR_STAND_NORMS.windows(2) {
            assert_eq!(pair[0].to + 1, pair[1].from);
        }
        for n in CHAIR_STAND_NORMS {
            assert!(n.women.0 <= n.women.1 && n.men.0 <= n.men.1);
        }
    }
}
