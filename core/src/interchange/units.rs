//! The unit of a file's weights when the file names none (Strong's plain
//! export has a `Weight` column and no unit anywhere).
//!
//! Reading pounds as kilograms makes every number wrong by a factor of
//! 2.2 (a 330 lb deadlift becomes 330 kg), so the unit is decided from the
//! loads themselves, and when they do not settle it the import stops and
//! asks. The evidence, each piece chosen because it tells the units apart
//! (values that fit both, such as whole multiples of 5, say nothing):
//!
//! - **Barbell plates.** A pound bar weighs 45 lb and plates go on in pairs
//!   of 45, 35, 25, 10 and 5 lb, so pound barbell loads mostly end in 5
//!   (45 + multiples of 10) and the landmarks 45/95/135/185/225/275/315/…
//!   (bar plus pairs of 45s and 25s) are frequent. A kilogram bar weighs
//!   20 kg with pairs of 25/20/15/10/5 kg, so kilogram loads are mostly
//!   multiples of 10 and the pound landmarks are rare.
//! - **Whole numbers off the 5 grid.** Kilogram dumbbells and kettlebells
//!   step by 2 kg (12, 14, 16, 24, 26, 28, 32) and machines by 1 kg or
//!   7 kg; pound dumbbells step by 5 lb and pound plates sum to multiples
//!   of 5, so such values are common in kilogram files and rare in pound
//!   files. (Halves such as 22.5 or 102.5 are *not* used: pound files have
//!   them too, from 2.5 lb dumbbell steps and fractional plates.)
//! - **Converted values.** An app that stores one unit and exports the
//!   other writes values such as 154.32 (70 kg in lb) or 61.23 (135 lb in
//!   kg): a value with hundredths that is a round number in one unit when
//!   converted tells which unit it was entered in, and so which unit the
//!   file is in.
//! - **Strength.** The heaviest squat, bench press, deadlift and overhead
//!   press (as estimated one-rep maxima, Epley) read as kilograms may reach
//!   what only elite lifters lift, or beyond the all-time records, while as
//!   pounds they are ordinary.
//!
//! [`UnitEvidence`] collects these while the file is read, in constant
//! memory; [`UnitEvidence::verdict`] weighs them. Evidence from few loads
//! (under 20 barbell loads, say) is weak. Strong evidence on one side only
//! decides; weak evidence for the profile's unit keeps it; evidence on both
//! sides, weak evidence against the profile's unit, or loads that tell
//! nothing (however many) stop the import: the caller must give the unit.

use crate::model::WeightUnit;
use crate::progression::strength::{Formula, e1rm};

/// Kilograms in a pound.
const KG_PER_LB: f64 = 0.453_592_37;
/// Fewer loads than this make a share too rough to count.
const FEW_LOADS: u64 = 20;
/// Barbell loads needed for the plates to be strong evidence.
const BAR_LOADS: u64 = 20;
/// Sets beyond a strength level needed to count (one could be a typo).
const HEAVY_SETS: u32 = 2;

/// A lift whose heaviest sets are checked for plausibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lift {
    /// Barbell back squat.
    Squat,
    /// Barbell bench press.
    BenchPress,
    /// Barbell deadlift (conventional or sumo).
    Deadlift,
    /// Standing barbell overhead press.
    OverheadPress,
}

impl Lift {
    const ALL: [Lift; 4] = [
        Lift::Squat,
        Lift::BenchPress,
        Lift::Deadlift,
        Lift::OverheadPress,
    ];

    /// The lift a catalog exercise is, if it is one of the four.
    pub fn of_catalog_id(id: &str) -> Option<Lift> {
        Some(match id {
            "back-squat" | "box-squat" => Lift::Squat,
            "bench-press" | "close-grip-bench-press" => Lift::BenchPress,
            "deadlift" | "sumo-deadlift" => Lift::Deadlift,
            "overhead-press" => Lift::OverheadPress,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Lift::Squat => "squat",
            Lift::BenchPress => "bench press",
            Lift::Deadlift => "deadlift",
            Lift::OverheadPress => "overhead press",
        }
    }

    /// Estimated one-rep max in kg that only elite lifters reach (about
    /// two thirds of the all-time raw record), and roughly the record.
    fn levels_kg(self) -> (f64, f64) {
        match self {
            Lift::Squat => (320.0, 490.0),
            Lift::BenchPress => (230.0, 355.0),
            Lift::Deadlift => (330.0, 460.0),
            Lift::OverheadPress => (145.0, 220.0),
        }
    }

    fn index(self) -> usize {
        match self {
            Lift::Squat => 0,
            Lift::BenchPress => 1,
            Lift::Deadlift => 2,
            Lift::OverheadPress => 3,
        }
    }
}

/// One weighted set as a file gives it: the number, whatever its unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoadSample {
    /// The weight as written (positive; zero and blanks are not loads).
    pub value: f64,
    /// Repetitions done, if given.
    pub reps: Option<u32>,
    /// Whether the exercise is done with a barbell.
    pub barbell: bool,
    /// Which of the checked lifts it is, if any.
    pub lift: Option<Lift>,
}

/// The heaviest sets of one lift.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Heaviest {
    /// Best estimated one-rep max (as the file's number), with the set.
    best: Option<(f64, f64, u32)>,
    /// Sets whose estimate read as kg is beyond the elite level.
    elite: u32,
    /// ... and beyond the all-time record.
    record: u32,
}

/// Evidence about the unit of a file's loads, collected one set at a time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitEvidence {
    loads: u64,
    off_five: u64,
    fine: u64,
    from_kg: u64,
    from_lb: u64,
    bar_loads: u64,
    bar_fives: u64,
    bar_odd_fives: u64,
    bar_landmarks: u64,
    heaviest: [Heaviest; 4],
}

/// Who decided the unit of a file's weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum UnitBasis {
    /// The caller said (`--unit`).
    Given,
    /// The loads tell.
    Values,
    /// The profile's unit, which the loads do not contradict.
    Profile,
}

/// What [`UnitEvidence::verdict`] concludes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitVerdict {
    /// Read the weights in `unit`.
    Decided {
        /// The unit.
        unit: WeightUnit,
        /// Whether the loads decided it or the profile.
        basis: UnitBasis,
        /// Why, for a person ("no unit in the file: weights read as lb: …").
        reason: String,
    },
    /// The loads do not settle it; the caller must say.
    Unclear {
        /// Why, without any weight from the file (it goes into an error).
        reason: String,
    },
}

/// One piece of evidence: the unit it points to, whether it is strong,
/// and a sentence.
struct Vote {
    unit: WeightUnit,
    strong: bool,
    reason: String,
    /// The reason without figures from the file, for an error message.
    plain: String,
}

fn pct(part: u64, whole: u64) -> u64 {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

/// Whether `x` lies within `tol` of a multiple of `step`.
fn on_grid(x: f64, step: f64, tol: f64) -> bool {
    let r = x / step;
    (r - r.round()).abs() * step <= tol
}

impl UnitEvidence {
    /// Adds one set. Zero, negative and non-finite values are not loads.
    pub fn add(&mut self, s: &LoadSample) {
        let v = s.value;
        if !v.is_finite() || v <= 0.0 || v > 1e7 {
            return;
        }
        self.loads += 1;
        let centi = (v * 100.0).round() as i64;
        let whole = (centi % 100 == 0).then_some(centi / 100);
        match whole {
            Some(w) if w % 5 != 0 => self.off_five += 1,
            Some(_) => {}
            None if centi % 25 != 0 => {
                // Not on a 0.25 grid: converted from the other unit? The
                // file rounds to hundredths: allow that, converted.
                self.fine += 1;
                if on_grid(v * KG_PER_LB, 0.5, 0.006 * KG_PER_LB) {
                    self.from_kg += 1;
                }
                if on_grid(v / KG_PER_LB, 0.5, 0.006 / KG_PER_LB) {
                    self.from_lb += 1;
                }
            }
            None => {}
        }
        if s.barbell {
            self.bar_loads += 1;
            if let Some(w) = whole.filter(|w| w % 5 == 0) {
                self.bar_fives += 1;
                if w % 10 == 5 {
                    self.bar_odd_fives += 1;
                }
                if w >= 45 && matches!(w % 90, 5 | 45) {
                    self.bar_landmarks += 1;
                }
            }
        }
        if let (Some(lift), Some(reps)) = (s.lift, s.reps) {
            let Some(est) = e1rm(v, reps, None, Formula::Epley) else {
                return;
            };
            let (elite, record) = lift.levels_kg();
            if let Some(h) = self.heaviest.get_mut(lift.index()) {
                if h.best.is_none_or(|(b, _, _)| est > b) {
                    h.best = Some((est, v, reps));
                }
                h.elite += u32::from(est > elite);
                h.record += u32::from(est > record);
            }
        }
    }

    /// Weighted sets seen.
    pub fn loads(&self) -> u64 {
        self.loads
    }

    fn votes(&self) -> Vec<Vote> {
        let mut votes = Vec::new();
        // Barbell plates.
        let (n, odd) = (self.bar_fives, self.bar_odd_fives);
        if n > 0 {
            let odd_pct = pct(odd, n);
            let landmark_pct = pct(self.bar_landmarks, self.bar_loads);
            let strong = n >= BAR_LOADS;
            if odd * 10 >= n * 6 && self.bar_landmarks * 100 >= self.bar_loads * 15 {
                let reason = format!(
                    "barbell loads fit a 45 lb bar and pound plates ({odd_pct}% of {n} end in 5, {landmark_pct}% are 45/95/135/185/225/… steps)"
                );
                votes.push(Vote {
                    unit: WeightUnit::Lb,
                    strong,
                    plain: reason.clone(),
                    reason,
                });
            } else if odd * 10 <= n * 4 || self.bar_landmarks * 100 <= self.bar_loads * 5 {
                let reason = format!(
                    "barbell loads fit a 20 kg bar and kilogram plates ({}% of {n} are multiples of 10, {landmark_pct}% are the pound steps 45/95/135/185/225/…)",
                    100 - odd_pct
                );
                votes.push(Vote {
                    unit: WeightUnit::Kg,
                    strong,
                    plain: reason.clone(),
                    reason,
                });
            }
        }
        // Whole numbers off the 5 grid.
        if self.loads >= FEW_LOADS && self.off_five * 100 >= self.loads * 8 {
            let reason = format!(
                "{}% of {} loads are whole numbers off the 5 grid, as 2 kg dumbbell, kettlebell and machine steps give (12, 16, 24, 26…)",
                pct(self.off_five, self.loads),
                self.loads
            );
            votes.push(Vote {
                unit: WeightUnit::Kg,
                strong: self.off_five >= 20 && self.off_five * 10 >= self.loads,
                plain: reason.clone(),
                reason,
            });
        }
        // Converted values.
        for (unit, hits, other, example) in [
            (
                WeightUnit::Lb,
                self.from_kg,
                self.from_lb,
                "154.32 lb = 70 kg",
            ),
            (
                WeightUnit::Kg,
                self.from_lb,
                self.from_kg,
                "61.23 kg = 135 lb",
            ),
        ] {
            if hits >= 2 && hits * 2 >= self.fine && other * 4 <= hits {
                let entered = match unit {
                    WeightUnit::Lb => "kg",
                    WeightUnit::Kg => "lb",
                };
                let reason = format!(
                    "{hits} of {} loads with hundredths are round {entered} converted (as {example})",
                    self.fine
                );
                votes.push(Vote {
                    unit,
                    strong: hits >= 5,
                    plain: reason.clone(),
                    reason,
                });
            }
        }
        // Strength.
        for lift in Lift::ALL {
            let Some(h) = self.heaviest.get(lift.index()) else {
                continue;
            };
            let Some((est, value, reps)) = h.best else {
                continue;
            };
            if h.elite < HEAVY_SETS {
                continue;
            }
            let level = if h.record >= HEAVY_SETS {
                "beyond the all-time record"
            } else {
                "what only elite lifters reach"
            };
            let as_lb = est * KG_PER_LB;
            votes.push(Vote {
                unit: WeightUnit::Lb,
                strong: true,
                reason: format!(
                    "read as kg, the {} reaches {level} ({} x {reps}: an estimated {:.0} kg one-rep max; as lb it is {:.0} kg)",
                    lift.name(),
                    trim(value),
                    est,
                    as_lb
                ),
                plain: format!(
                    "read as kg, {} {} sets reach {level}",
                    h.elite,
                    lift.name()
                ),
            });
        }
        votes
    }

    /// The unit to read the loads in, given the profile's unit, or why the
    /// loads do not settle it.
    pub fn verdict(&self, profile: WeightUnit) -> UnitVerdict {
        let votes = self.votes();
        let side = |u: WeightUnit| votes.iter().filter(move |v| v.unit == u);
        let kg = side(WeightUnit::Kg).count();
        let lb = side(WeightUnit::Lb).count();
        let join = |u: WeightUnit, plain: bool| {
            side(u)
                .map(|v| {
                    if plain {
                        v.plain.as_str()
                    } else {
                        v.reason.as_str()
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let name = |u: WeightUnit| match u {
            WeightUnit::Kg => "kg",
            WeightUnit::Lb => "lb",
        };
        let strong = |u: WeightUnit| side(u).any(|v| v.strong);
        // A hint from few loads gives way to strong evidence the other way;
        // strong evidence both ways, or hints both ways, settle nothing.
        if kg > 0 && lb > 0 && strong(WeightUnit::Kg) == strong(WeightUnit::Lb) {
            return UnitVerdict::Unclear {
                reason: format!(
                    "the loads point both ways: to lb ({}), and to kg ({})",
                    join(WeightUnit::Lb, true),
                    join(WeightUnit::Kg, true)
                ),
            };
        }
        let leaning = if kg > 0 && (lb == 0 || strong(WeightUnit::Kg)) {
            Some(WeightUnit::Kg)
        } else if lb > 0 {
            Some(WeightUnit::Lb)
        } else {
            None
        };
        match leaning {
            Some(u) if strong(u) => UnitVerdict::Decided {
                unit: u,
                basis: UnitBasis::Values,
                reason: format!(
                    "no unit in the file: weights read as {}{}: {}",
                    name(u),
                    if u == profile {
                        ", the profile's unit"
                    } else {
                        ""
                    },
                    join(u, false)
                ),
            },
            Some(u) if u == profile => UnitVerdict::Decided {
                unit: u,
                basis: UnitBasis::Profile,
                reason: format!(
                    "no unit in the file: weights read as {}, the profile's unit, which the loads agree with: {}",
                    name(u),
                    join(u, false)
                ),
            },
            Some(u) => UnitVerdict::Unclear {
                reason: format!(
                    "the loads lean to {} ({}), not the profile's {}, but too few to be sure",
                    name(u),
                    join(u, true),
                    name(profile)
                ),
            },
            None if self.loads == 0 => UnitVerdict::Decided {
                unit: profile,
                basis: UnitBasis::Profile,
                reason: format!(
                    "no unit in the file: weights read as {}, the profile's unit (no set has a weight)",
                    name(profile)
                ),
            },
            None => UnitVerdict::Unclear {
                reason: format!(
                    "nothing in its {} loads tells kg from lb (all fit both)",
                    self.loads
                ),
            },
        }
    }
}

/// A load as text, without trailing zeros.
fn trim(v: f64) -> String {
    crate::model::format_decimal(v, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;
    use proptest::prelude::*;

    fn bar(value: f64) -> LoadSample {
        LoadSample {
            value,
            reps: Some(5),
            barbell: true,
            lift: None,
        }
    }

    fn other(value: f64) -> LoadSample {
        LoadSample {
            value,
            reps: Some(10),
            barbell: false,
            lift: None,
        }
    }

    fn lift(lift: Lift, value: f64, reps: u32) -> LoadSample {
        LoadSample {
            value,
            reps: Some(reps),
            barbell: true,
            lift: Some(lift),
        }
    }

    fn evidence(samples: &[LoadSample]) -> UnitEvidence {
        let mut e = UnitEvidence::default();
        for s in samples {
            e.add(s);
        }
        e
    }

    fn decided(v: &UnitVerdict) -> Option<(WeightUnit, UnitBasis)> {
        match v {
            UnitVerdict::Decided { unit, basis, .. } => Some((*unit, *basis)),
            UnitVerdict::Unclear { .. } => None,
        }
    }

    fn reason(v: &UnitVerdict) -> &str {
        match v {
            UnitVerdict::Decided { reason, .. } | UnitVerdict::Unclear { reason } => reason,
        }
    }

    /// A pound lifter's barbell warm-ups and work sets: bar, 95, 135, 185, 225.
    fn lb_barbell(sessions: usize) -> Vec<LoadSample> {
        (0..sessions)
            .flat_map(|i| {
                let top = 185.0 + 10.0 * (i % 5) as f64;
                [
                    bar(45.0),
                    bar(95.0),
                    bar(135.0),
                    bar(top),
                    bar(top),
                    bar(top),
                ]
            })
            .collect()
    }

    /// A kilogram lifter's: bar, 40, 60, then 80-100 kg in 2.5 kg steps,
    /// dumbbells in 2 kg steps.
    fn kg_mixed(sessions: usize) -> Vec<LoadSample> {
        (0..sessions)
            .flat_map(|i| {
                let top = 80.0 + 2.5 * (i % 8) as f64;
                [
                    bar(20.0),
                    bar(40.0),
                    bar(60.0),
                    bar(top),
                    bar(top),
                    other(12.0 + 2.0 * (i % 6) as f64),
                    other(20.0),
                ]
            })
            .collect()
    }

    #[test]
    fn pound_plates_read_as_lb_whatever_the_profile() {
        let e = evidence(&lb_barbell(20));
        for profile in [WeightUnit::Kg, WeightUnit::Lb] {
            let v = e.verdict(profile);
            assert_eq!(
                decided(&v),
                Some((WeightUnit::Lb, UnitBasis::Values)),
                "{v:?}"
            );
            assert!(reason(&v).contains("45 lb bar"), "{v:?}");
        }
        assert!(
            reason(&e.verdict(WeightUnit::Kg))
                .starts_with("no unit in the file: weights read as lb:")
        );
    }

    #[test]
    fn kilogram_plates_and_dumbbells_read_as_kg() {
        let e = evidence(&kg_mixed(20));
        for profile in [WeightUnit::Kg, WeightUnit::Lb] {
            let v = e.verdict(profile);
            assert_eq!(
                decided(&v),
                Some((WeightUnit::Kg, UnitBasis::Values)),
                "{v:?}"
            );
        }
        let v = e.verdict(WeightUnit::Kg);
        assert!(
            reason(&v).starts_with("no unit in the file: weights read as kg, the profile's unit:"),
            "{v:?}"
        );
        assert!(reason(&v).contains("off the 5 grid"), "{v:?}");
    }

    #[test]
    fn implausible_kilograms_read_as_pounds() {
        // Whole multiples of 10 only: the plates alone lean to kg...
        let mut samples: Vec<LoadSample> = (0..30)
            .map(|i| other(50.0 + f64::from(i % 3) * 10.0))
            .collect();
        // ...but a 330 x 8 deadlift and a 200 x 9 bench press are not kg.
        samples.extend([
            lift(Lift::Deadlift, 330.0, 8),
            lift(Lift::Deadlift, 330.0, 8),
            lift(Lift::BenchPress, 200.0, 9),
            lift(Lift::BenchPress, 200.0, 9),
        ]);
        let v = evidence(&samples).verdict(WeightUnit::Kg);
        assert_eq!(
            decided(&v),
            Some((WeightUnit::Lb, UnitBasis::Values)),
            "{v:?}"
        );
        assert!(reason(&v).contains("deadlift"), "{v:?}");
        assert!(reason(&v).contains("an estimated 418 kg"), "{v:?}");
        assert!(reason(&v).contains("an estimated 260 kg"), "{v:?}");
        // One such set may be a typo: it is not enough.
        let one = evidence(&[lift(Lift::Deadlift, 330.0, 8)]);
        assert!(one.votes().iter().all(|v| v.unit == WeightUnit::Kg));
        // Ordinary kilogram strength says nothing.
        let fine = evidence(&[
            lift(Lift::Deadlift, 180.0, 5),
            lift(Lift::Deadlift, 180.0, 5),
            lift(Lift::Squat, 140.0, 5),
            lift(Lift::Squat, 140.0, 5),
        ]);
        assert!(fine.votes().iter().all(|v| v.unit == WeightUnit::Kg));
    }

    #[test]
    fn converted_values_tell_the_unit_they_were_entered_in() {
        // 70 kg, 20 kg, 40 kg, 60 kg and 100 kg exported in lb.
        let lb: Vec<LoadSample> = [154.32, 44.09, 88.18, 132.28, 220.46, 154.32]
            .into_iter()
            .map(other)
            .collect();
        let v = evidence(&lb).verdict(WeightUnit::Kg);
        assert_eq!(
            decided(&v),
            Some((WeightUnit::Lb, UnitBasis::Values)),
            "{v:?}"
        );
        assert!(reason(&v).contains("round kg converted"), "{v:?}");
        // 12.5, 65, 97.5, 67.5, 62.5 lb exported in kg.
        let kg: Vec<LoadSample> = [5.67, 29.48, 44.23, 30.62, 28.35]
            .into_iter()
            .map(other)
            .collect();
        let v = evidence(&kg).verdict(WeightUnit::Lb);
        assert_eq!(
            decided(&v),
            Some((WeightUnit::Kg, UnitBasis::Values)),
            "{v:?}"
        );
    }

    #[test]
    fn evidence_both_ways_is_refused() {
        let mut samples = lb_barbell(10);
        samples.extend((0..40).map(|i| other(12.0 + 2.0 * f64::from(i % 4))));
        let v = evidence(&samples).verdict(WeightUnit::Kg);
        let UnitVerdict::Unclear { reason } = &v else {
            panic!("{v:?}")
        };
        assert!(reason.contains("both ways"), "{reason}");
        assert!(
            reason.contains("to lb (") && reason.contains("to kg ("),
            "{reason}"
        );
    }

    #[test]
    fn values_that_fit_both_units_are_refused_however_few_or_many() {
        // 50, 60, 70 on machines: multiples of 5 fit either unit.
        for n in [3, 200] {
            let loads: Vec<LoadSample> = (0..n)
                .map(|i| other(50.0 + 10.0 * f64::from(i % 3)))
                .collect();
            for profile in [WeightUnit::Kg, WeightUnit::Lb] {
                let v = evidence(&loads).verdict(profile);
                assert!(
                    matches!(&v, UnitVerdict::Unclear { reason } if reason.contains(&format!("its {n} loads"))),
                    "{v:?}"
                );
            }
        }
        // A single barbell load of 100 is a hint of kg (a pound bar makes
        // loads ending in 5): enough to keep a kg profile, not to override lb.
        let one = evidence(&[bar(100.0)]);
        assert_eq!(
            decided(&one.verdict(WeightUnit::Kg)),
            Some((WeightUnit::Kg, UnitBasis::Profile))
        );
        assert!(matches!(
            one.verdict(WeightUnit::Lb),
            UnitVerdict::Unclear { .. }
        ));
    }

    #[test]
    fn weak_evidence_keeps_the_profile_unit_or_refuses_against_it() {
        // Eight barbell sets at pound landmarks: a hint, not proof.
        let few = [45.0, 135.0, 135.0, 185.0, 225.0, 95.0, 135.0, 45.0].map(bar);
        let e = evidence(&few);
        assert_eq!(
            decided(&e.verdict(WeightUnit::Lb)),
            Some((WeightUnit::Lb, UnitBasis::Profile))
        );
        let v = e.verdict(WeightUnit::Kg);
        assert!(
            matches!(&v, UnitVerdict::Unclear { reason } if reason.contains("lean to lb")),
            "{v:?}"
        );
    }

    #[test]
    fn nothing_but_zeros_and_blanks_is_no_evidence() {
        let e = evidence(&[
            other(0.0),
            other(-5.0),
            other(f64::NAN),
            other(f64::INFINITY),
        ]);
        assert_eq!(e.loads(), 0);
        assert_eq!(
            decided(&e.verdict(WeightUnit::Lb)),
            Some((WeightUnit::Lb, UnitBasis::Profile))
        );
    }

    #[test]
    fn an_unclear_reason_quotes_no_weight_from_the_file() {
        let mut samples = vec![
            lift(Lift::Deadlift, 333.0, 8),
            lift(Lift::Deadlift, 333.0, 8),
        ];
        samples.extend((0..40).map(|i| other(13.0 + 2.0 * f64::from(i % 4))));
        let v = evidence(&samples).verdict(WeightUnit::Kg);
        let UnitVerdict::Unclear { reason } = &v else {
            panic!("{v:?}")
        };
        assert!(reason.contains("deadlift"), "{reason}");
        assert!(!reason.contains("333"), "{reason}");
    }

    #[test]
    fn lifts_are_known_by_catalog_id() {
        assert_eq!(Lift::of_catalog_id("deadlift"), Some(Lift::Deadlift));
        assert_eq!(Lift::of_catalog_id("back-squat"), Some(Lift::Squat));
        assert_eq!(Lift::of_catalog_id("bench-press"), Some(Lift::BenchPress));
        assert_eq!(
            Lift::of_catalog_id("overhead-press"),
            Some(Lift::OverheadPress)
        );
        assert_eq!(Lift::of_catalog_id("rack-pull"), None);
        assert_eq!(Lift::of_catalog_id("leg-press"), None);
    }

    /// A lifter's log: per session, each lift's working load in kg
    /// (from `start`, up by the fraction `gain` over all sessions, with
    /// `wobble` for bad days), and a dumbbell accessory.
    #[derive(Debug, Clone)]
    struct Lifter {
        start: [f64; 4],
        gain: f64,
        sessions: u32,
        wobble: Vec<f64>,
        dumbbell: f64,
    }

    fn lifter() -> impl Strategy<Value = Lifter> {
        (
            (
                40.0..140.0f64,
                30.0..100.0f64,
                50.0..160.0f64,
                20.0..60.0f64,
            ),
            0.0..0.6f64,
            30u32..90,
            proptest::collection::vec(0.85..1.05f64, 16),
            6.0..30.0f64,
        )
            .prop_map(
                |((sq, be, dl, oh), gain, sessions, wobble, dumbbell)| Lifter {
                    start: [sq, be, dl, oh],
                    gain,
                    sessions,
                    wobble,
                    dumbbell,
                },
            )
    }

    const LIFTS: [Lift; 4] = [
        Lift::Squat,
        Lift::BenchPress,
        Lift::Deadlift,
        Lift::OverheadPress,
    ];

    /// The log loaded with plates: `bar` plus pairs stepping by `side`
    /// (per side) from a working load in kg converted by `per_kg`;
    /// dumbbells stepping by `db`.
    fn plates(l: &Lifter, bar: f64, side: f64, per_kg: f64, db: f64) -> Vec<LoadSample> {
        let load = |kg: f64| {
            let x = (kg * per_kg - bar).max(0.0) / 2.0;
            bar + 2.0 * (x / side).round() * side
        };
        let mut out = Vec::new();
        for s in 0..l.sessions {
            let w = l
                .wobble
                .get(s as usize % l.wobble.len())
                .copied()
                .unwrap_or(1.0);
            for (i, lift) in LIFTS.iter().enumerate() {
                let grown = 1.0 + l.gain * f64::from(s) / f64::from(l.sessions);
                let work = l.start.get(i).copied().unwrap_or(60.0) * grown * w;
                // The empty bar, half, then three working sets.
                for (kg, reps) in [(0.0, 10), (work * 0.5, 5), (work, 5), (work, 5), (work, 5)] {
                    out.push(lift_or_bar(*lift, load(kg), reps));
                }
            }
            let grown = 1.0 + l.gain * f64::from(s) / f64::from(l.sessions);
            let d = (l.dumbbell * grown * per_kg / db).round() * db;
            out.extend([other(d), other(d), other(d)]);
        }
        out
    }

    fn lift_or_bar(lift: Lift, value: f64, reps: u32) -> LoadSample {
        LoadSample {
            value,
            reps: Some(reps),
            barbell: true,
            lift: Some(lift),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// The same lifter reads as lb when loading pound plates (45 lb bar,
        /// 5 lb a side, 5 lb dumbbell steps), whatever the profile, and
        /// never as lb when loading the same weights with kilogram plates
        /// (20 kg bar, 2.5 kg a side, 2 kg dumbbell steps): as kg, or
        /// refused when the dumbbells are too few to tell (barbell loads in
        /// 2.5 kg steps a side fit both units).
        #[test]
        fn the_verdict_follows_the_plates(l in lifter(), profile_lb in any::<bool>()) {
            let profile = if profile_lb { WeightUnit::Lb } else { WeightUnit::Kg };
            let lb = evidence(&plates(&l, 45.0, 5.0, 1.0 / KG_PER_LB, 5.0)).verdict(profile);
            prop_assert_eq!(decided(&lb), Some((WeightUnit::Lb, UnitBasis::Values)), "{:?}", lb);
            let kg = evidence(&plates(&l, 20.0, 2.5, 1.0, 2.0)).verdict(profile);
            if let Some((unit, _)) = decided(&kg) {
                prop_assert_eq!(unit, WeightUnit::Kg, "{:?}", kg);
            }
            // Kilogram plates 5 kg a side (totals in 10 kg steps) are kg.
            let tens = evidence(&plates(&l, 20.0, 5.0, 1.0, 2.0)).verdict(profile);
            prop_assert_eq!(decided(&tens), Some((WeightUnit::Kg, UnitBasis::Values)), "{:?}", tens);
        }

        /// Whatever the values, the verdict is never a unit the evidence
        /// does not point to, and a refusal never quotes a load.
        #[test]
        fn a_decision_by_the_values_has_a_reason_and_a_refusal_quotes_no_load(
            values in proptest::collection::vec((1u32..2000, any::<bool>(), 1u32..12), 0..300),
        ) {
            let samples: Vec<LoadSample> = values
                .iter()
                .map(|&(centi, barbell, reps)| LoadSample {
                    value: f64::from(centi * 25) / 100.0,
                    reps: Some(reps),
                    barbell,
                    lift: barbell.then_some(Lift::Deadlift),
                })
                .collect();
            let e = evidence(&samples);
            for profile in [WeightUnit::Kg, WeightUnit::Lb] {
                match e.verdict(profile) {
                    UnitVerdict::Decided { unit, basis, reason } => {
                        prop_assert!(reason.starts_with("no unit in the file: weights read as"));
                        prop_assert!(reason.contains(unit.symbol()));
                        if basis == UnitBasis::Profile {
                            prop_assert_eq!(unit, profile);
                        }
                    }
                    UnitVerdict::Unclear { reason } => {
                        prop_assert!(!reason.contains(" x "), "{}", reason);
                    }
                }
            }
        }
    }
}
