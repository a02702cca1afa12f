//! The 48-hour rule: hard sessions of the same movement pattern need two
//! days between them (ACSM: 48-72 h for the same muscles). One home for
//! the engine's guard (which moves a session) and the analytics' spacing
//! figures (which report how it went), so both count the same sets.

use crate::model::Pattern;

/// Days between hard sessions of one pattern.
pub const REST_DAYS: u32 = 2;
/// Most reps of a set that counts as hard (a strength set, not endurance).
pub const HARD_MAX_REPS: u32 = 12;
/// Most reps in reserve of a set that counts as hard.
pub const HARD_MAX_RIR: f64 = 3.0;

/// Patterns whose hard sessions need [`REST_DAYS`] between them: the big
/// loaded movements and jumps (not carries, core or mobility work).
pub fn paced(pattern: Pattern) -> bool {
    matches!(
        pattern,
        Pattern::Squat
            | Pattern::Hinge
            | Pattern::Lunge
            | Pattern::Push
            | Pattern::Pull
            | Pattern::Jump
    )
}

/// A work set that counts for the rule: at most [`HARD_MAX_REPS`] reps, at
/// RIR [`HARD_MAX_RIR`] or less, or with no effort logged (assumed hard).
/// Warm-up and technique sets are the caller's to leave out.
pub fn hard(reps: Option<u32>, rir: Option<f64>) -> bool {
    reps.is_some_and(|r| r <= HARD_MAX_REPS) && rir.is_none_or(|r| r <= HARD_MAX_RIR)
}

/// A planned set that will be hard: its target leaves [`HARD_MAX_RIR`] or less.
pub fn planned_hard(rir: Option<f64>) -> bool {
    rir.is_some_and(|r| r <= HARD_MAX_RIR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_movements_are_paced_and_the_rest_is_not() {
        assert!(paced(Pattern::Squat) && paced(Pattern::Jump) && paced(Pattern::Pull));
        assert!(!paced(Pattern::Core) && !paced(Pattern::Carry));
    }

    #[test]
    fn hard_means_few_reps_near_failure_or_unrated() {
        assert!(hard(Some(5), Some(2.0)));
        assert!(hard(Some(12), None));
        assert!(hard(Some(8), Some(3.0)));
        assert!(!hard(Some(8), Some(3.5)));
        assert!(!hard(Some(15), Some(1.0)));
        assert!(!hard(None, Some(1.0)));
        assert!(planned_hard(Some(3.0)) && !planned_hard(Some(4.0)) && !planned_hard(None));
    }
}
