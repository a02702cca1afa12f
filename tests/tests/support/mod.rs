//! What the year-long simulations share: deterministic randomness and the
//! simulated lifter's strength families. Each simulation models its own
//! lifters (how strong, how they respond); the families and the share of
//! a family's 1RM each exercise draws on are the one table of them, kept
//! apart from the engine's formulas so that a simulation tests the engine
//! rather than the engine agreeing with itself.

// Each test target uses its own part of this module.
#![allow(dead_code)]

use chrono::{Datelike, Days, NaiveDate};
use heft_core::model::{Exercise, Pattern};
use heft_core::progression::plan::{SessionPlan, Why};
use heft_core::text::{Language, Phrase, Text};

/// A tiny deterministic PRNG (xorshift64*), seeded from a name.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: &str) -> Rng {
        // FNV-1a over the seed text; never zero.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in (0, 1): never 0, so its logarithm is finite.
    pub fn open_unit(&mut self) -> f64 {
        ((self.next() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform integer in lo..=hi.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    /// Standard normal (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let (a, b) = (self.open_unit(), self.open_unit());
        (-2.0 * a.ln()).sqrt() * (std::f64::consts::TAU * b).cos()
    }
}

/// The strength families of a simulated lifter: every exercise draws on one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Squat,
    Hinge,
    Press,
    Bench,
    Row,
}

pub const FAMILIES: [Family; 5] = [
    Family::Squat,
    Family::Hinge,
    Family::Press,
    Family::Bench,
    Family::Row,
];

/// Which family an exercise draws on and its share of that family's 1RM
/// (dumbbells per hand).
pub fn family(ex: &Exercise) -> (Family, f64) {
    use Family::*;
    match ex.id.as_str() {
        "back-squat" => (Squat, 1.0),
        "smith-machine-squat" => (Squat, 0.95),
        "goblet-squat" => (Squat, 0.45),
        "dumbbell-squat" => (Squat, 0.3),
        "leg-press" => (Squat, 1.8),
        "leg-extension" => (Squat, 0.6),
        "standing-calf-raise-machine" => (Squat, 1.1),
        "hip-abduction-machine" => (Squat, 0.8),
        "bulgarian-split-squat" => (Squat, 0.25),
        "dumbbell-split-squat" => (Squat, 0.28),
        "dumbbell-step-up" => (Squat, 0.25),
        "deadlift" => (Hinge, 1.0),
        "trap-bar-deadlift" => (Hinge, 1.05),
        "romanian-deadlift" => (Hinge, 0.75),
        "dumbbell-romanian-deadlift" => (Hinge, 0.3),
        "dumbbell-deadlift" => (Hinge, 0.35),
        "kettlebell-deadlift" => (Hinge, 0.6),
        "seated-leg-curl" => (Hinge, 0.35),
        "overhead-press" => (Press, 1.0),
        "machine-shoulder-press" => (Press, 1.0),
        "dumbbell-overhead-press" | "seated-dumbbell-shoulder-press" => (Press, 0.38),
        "bench-press" | "machine-chest-press" => (Bench, 1.0),
        "smith-machine-bench-press" => (Bench, 0.95),
        "dumbbell-bench-press" => (Bench, 0.4),
        "barbell-row" | "seated-cable-row" | "lat-pulldown" => (Row, 1.0),
        "one-arm-dumbbell-row" => (Row, 0.45),
        "chest-supported-dumbbell-row" => (Row, 0.35),
        "machine-crunch" => (Row, 0.5),
        "pallof-press" => (Row, 0.25),
        "back-extension" => (Hinge, 0.2),
        _ => match ex.pattern {
            Pattern::Squat | Pattern::Isolation => (Squat, 0.5),
            Pattern::Hinge => (Hinge, 0.6),
            Pattern::Lunge => (Squat, 0.25),
            Pattern::Push => (Bench, 0.6),
            Pattern::Pull => (Row, 0.8),
            _ => (Row, 0.25),
        },
    }
}

/// The Monday of `d`'s week.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

/// `x` to the nearest half.
pub fn half(x: f64) -> f64 {
    (x * 2.0).round() / 2.0
}

/// Fails unless every reason (its English text and its phrase) is a
/// catalog phrase that both languages write without a missing message or
/// value, and that English writes exactly as the text: the engine's
/// reasons can be shown in the person's language, and the English beside
/// them is the catalog's.
pub fn assert_translatable<'a>(
    reasons: impl IntoIterator<Item = (&'a str, &'a Phrase)>,
    context: &str,
) {
    for (english, phrase) in reasons {
        assert!(
            !phrase.id.is_empty(),
            "{context}: a reason with no catalog phrase: {english}"
        );
        for language in Language::ALL {
            let text = Text::new(language);
            let written = text.phrase(phrase);
            assert!(
                text.missing().is_empty(),
                "{context}: {} cannot write {phrase:?}: {:?}",
                language.tag(),
                text.missing()
            );
            if language == Language::En {
                assert_eq!(written, english, "{context}");
            }
        }
    }
}

/// Reasons as [`assert_translatable`] takes them.
pub fn whys<'a>(whys: impl IntoIterator<Item = &'a Why>) -> Vec<(&'a str, &'a Phrase)> {
    whys.into_iter()
        .map(|w| (w.text.as_str(), &w.phrase))
        .collect()
}

/// Every reason a plan gives: the session's, each exercise's, and why an
/// exercise was replaced.
pub fn plan_reasons(plan: &SessionPlan) -> Vec<(&str, &Phrase)> {
    let mut all = whys(
        plan.notes
            .iter()
            .chain(plan.exercises.iter().flat_map(|e| e.why.iter())),
    );
    all.extend(
        plan.exercises
            .iter()
            .filter_map(|e| e.swap.as_ref())
            .map(|s| (s.reason.as_str(), &s.phrase)),
    );
    all
}
