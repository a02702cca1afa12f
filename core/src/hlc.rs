//! Hybrid logical clock stamps: the order of writes across devices.
//!
//! Every synced row carries the stamp of its last write. A stamp is the wall
//! clock in milliseconds, a counter for writes within the same millisecond (or
//! while the wall clock lags a stamp already seen), and the writing device's
//! id, so two stamps are never equal and "last writer wins" is a total order.
//! Stamps are stored as fixed-width lowercase hex text so that SQLite's text
//! comparison orders them exactly as [`Hlc`]'s `Ord` does.

use std::fmt;
use std::str::FromStr;

/// Width of the wall-clock part in hex digits (enough until the year 10889).
const WALL_DIGITS: usize = 12;
/// Width of the counter part in hex digits.
const COUNTER_DIGITS: usize = 4;
/// Largest wall clock value that fits the text form.
const MAX_WALL_MS: u64 = (1 << (4 * WALL_DIGITS)) - 1;

/// The latest wall clock a stamp in a file may carry: the end of the year
/// 9999. Not the time of any clock. A fixed bound, not one relative to the
/// reading device's clock: whether a file merges must depend only on the
/// file (docs/adr/0004-clocks-that-ran-ahead.md).
pub const LATEST_WALL_MS: u64 = 253_402_300_799_999;

/// The latest wall clock this device's own clock takes, from its system
/// clock or from stamps it merged: a year before [`LATEST_WALL_MS`]. A
/// stamp goes past what it has seen only by counting (65,536 stamps a
/// millisecond), so no device ever writes a stamp that others refuse,
/// whatever a file brought. A row stamped later still than this (only a
/// hand-made file holds one) keeps its version against local edits.
pub const CLOCK_CAP_MS: u64 = LATEST_WALL_MS - 365 * 24 * 3600 * 1000;

/// A hybrid-logical-clock stamp. Ordered by wall time, then counter, then device.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    /// Milliseconds since the Unix epoch (physical part).
    pub wall_ms: u64,
    /// Logical counter within one millisecond.
    pub counter: u16,
    /// Id of the device that made the stamp (32 lowercase hex digits).
    pub device: String,
}

impl Hlc {
    /// The next stamp for `device` after `last` (if any) at wall time `now_ms`.
    ///
    /// Never goes backwards, even when the wall clock does: a stamp is always
    /// greater than the last one issued or observed.
    pub fn next(last: Option<&Hlc>, now_ms: u64, device: &str) -> Hlc {
        let now_ms = now_ms.min(CLOCK_CAP_MS);
        let (wall_ms, counter) = match last {
            Some(last) if last.wall_ms >= now_ms => match last.counter.checked_add(1) {
                Some(c) => (last.wall_ms, c),
                // Counter exhausted: borrow the next millisecond rather than wrap.
                None => ((last.wall_ms + 1).min(MAX_WALL_MS), 0),
            },
            _ => (now_ms, 0),
        };
        Hlc {
            wall_ms,
            counter,
            device: device.to_owned(),
        }
    }
}

impl Hlc {
    /// What this device's clock moves to on merging a row stamped `self`:
    /// the stamp itself, or the cap ([`CLOCK_CAP_MS`]) for a stamp past it.
    pub fn as_observed(&self) -> Hlc {
        if self.wall_ms > CLOCK_CAP_MS {
            Hlc {
                wall_ms: CLOCK_CAP_MS,
                counter: 0,
                device: self.device.clone(),
            }
        } else {
            self.clone()
        }
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:0wd$x}{:0cd$x}{}",
            self.wall_ms,
            self.counter,
            self.device,
            wd = WALL_DIGITS,
            cd = COUNTER_DIGITS
        )
    }
}

/// A stamp's text form was malformed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed clock stamp '{0}'")]
pub struct HlcParseError(pub String);

impl FromStr for Hlc {
    type Err = HlcParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || HlcParseError(s.chars().take(64).collect());
        let head = WALL_DIGITS + COUNTER_DIGITS;
        if s.len() <= head || !s.is_ascii() {
            return Err(bad());
        }
        let wall_ms = u64::from_str_radix(&s[..WALL_DIGITS], 16).map_err(|_| bad())?;
        let counter = u16::from_str_radix(&s[WALL_DIGITS..head], 16).map_err(|_| bad())?;
        let device = &s[head..];
        if !device
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        {
            return Err(bad());
        }
        Ok(Hlc {
            wall_ms,
            counter,
            device: device.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const A: &str = "0190aaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const B: &str = "0190bbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    #[test]
    fn the_clock_stops_a_year_short_of_the_last_stamp_a_file_may_carry() {
        let far = Hlc {
            wall_ms: LATEST_WALL_MS,
            counter: u16::MAX,
            device: B.into(),
        };
        let seen = far.as_observed();
        assert_eq!((seen.wall_ms, seen.counter), (CLOCK_CAP_MS, 0));
        let mine = Hlc::next(Some(&seen), u64::MAX, A);
        assert!(mine.wall_ms <= CLOCK_CAP_MS + 1 && mine > seen);
        // A stamp before the cap is taken as it is.
        let near = Hlc::next(None, 1_000, B);
        assert_eq!(near.as_observed(), near);
    }

    #[test]
    fn follows_the_wall_clock_when_it_moves_forward() {
        let first = Hlc::next(None, 1_000, A);
        assert_eq!((first.wall_ms, first.counter), (1_000, 0));
        let second = Hlc::next(Some(&first), 2_000, A);
        assert_eq!((second.wall_ms, second.counter), (2_000, 0));
    }

    #[test]
    fn counts_within_a_millisecond_and_when_the_clock_goes_back() {
        let first = Hlc::next(None, 5_000, A);
        let same_ms = Hlc::next(Some(&first), 5_000, A);
        assert_eq!((same_ms.wall_ms, same_ms.counter), (5_000, 1));
        let clock_went_back = Hlc::next(Some(&same_ms), 1_000, A);
        assert_eq!(
            (clock_went_back.wall_ms, clock_went_back.counter),
            (5_000, 2)
        );
    }

    #[test]
    fn counter_overflow_borrows_the_next_millisecond() {
        let last = Hlc {
            wall_ms: 7,
            counter: u16::MAX,
            device: A.into(),
        };
        let next = Hlc::next(Some(&last), 7, A);
        assert_eq!((next.wall_ms, next.counter), (8, 0));
        assert!(next > last);
    }

    #[test]
    fn device_breaks_ties() {
        let a = Hlc {
            wall_ms: 9,
            counter: 3,
            device: A.into(),
        };
        let b = Hlc {
            wall_ms: 9,
            counter: 3,
            device: B.into(),
        };
        assert!(a < b);
        assert!(a.to_string() < b.to_string());
    }

    #[test]
    fn rejects_malformed_text() {
        for bad in [
            "",
            "xyz",
            "000000000001000",
            "00000000000g0000aa",
            "0000000000010000AA",
        ] {
            assert!(bad.parse::<Hlc>().is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn text_round_trips_and_orders_like_the_struct(
            w1 in 0u64..=MAX_WALL_MS, c1 in any::<u16>(), w2 in 0u64..=MAX_WALL_MS, c2 in any::<u16>(), d in 0usize..2
        ) {
            let a = Hlc { wall_ms: w1, counter: c1, device: A.into() };
            let b = Hlc { wall_ms: w2, counter: c2, device: [A, B][d].into() };
            prop_assert_eq!(a.to_string().parse::<Hlc>().unwrap(), a.clone());
            prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
        }

        #[test]
        fn next_is_always_greater(w in 0u64..MAX_WALL_MS, c in any::<u16>(), now in 0u64..MAX_WALL_MS) {
            let last = Hlc { wall_ms: w, counter: c, device: A.into() };
            prop_assert!(Hlc::next(Some(&last), now, A) > last);
        }
    }
}
