//! What a person's equipment can actually make: plate maths, dumbbell and
//! stack steps, load increases and deloads, and warm-up sets.
//!
//! The engine computes ideal loads (say 83.7 kg); a person can only put on
//! what they own. A [`Loadout`] describes that equipment in one unit, and every
//! load here is an `f64` in that unit. Internally loads are whole thousandths
//! of the unit (the resolution of [`Weight`]), so 102.5 kg or 1.25 lb plates add
//! up exactly and ties are real ties, not float noise.
//!
//! No input panics: targets that are NaN, infinite, negative or huge clamp to
//! the lightest or heaviest load the equipment can make, and a loadout that
//! fails [`Loadout::validate`] still gives answers (unusable plates are
//! skipped, unusable steps fall back to the unit's defaults).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Equipment, Weight, WeightUnit};
pub use crate::model::{Loadout, LoadoutError, PlateStock};

/// Most kinds of plate (standard and fractional together) a loadout may list.
pub const MAX_PLATE_KINDS: usize = 20;

/// Thousandths of a unit per unit.
const MILLI: f64 = 1000.0;

/// Bound on every internal load, in thousandths (a billion kg or lb), so sums
/// and differences of loads cannot overflow an `i64`.
const LIMIT: i64 = 1_000_000_000_000;

/// Most cells in a plate table. Only plates whose weights share no divisor
/// above a few thousandths need more; they then get a lower per-side limit
/// rather than an unbounded allocation.
const MAX_CELLS: i64 = 1 << 18;

/// The unit's defaults for the scalar fields, used by `standard` and as the
/// fallback when a field is unusable.
struct Defaults {
    bar: f64,
    dumbbell_step: f64,
    dumbbell_max: f64,
    machine_step: f64,
    kettlebell_step: f64,
    /// Resolution of body-weight, band and other added loads.
    free_step: f64,
    /// Most plate weight on one side of a bar, in thousandths.
    side_cap: i64,
}

fn defaults(unit: WeightUnit) -> Defaults {
    match unit {
        WeightUnit::Kg => Defaults {
            bar: 20.0,
            dumbbell_step: 2.0,
            dumbbell_max: 50.0,
            machine_step: 5.0,
            kettlebell_step: 4.0,
            free_step: 0.5,
            side_cap: 500_000,
        },
        WeightUnit::Lb => Defaults {
            bar: 45.0,
            dumbbell_step: 5.0,
            dumbbell_max: 120.0,
            machine_step: 10.0,
            kettlebell_step: 10.0,
            free_step: 1.0,
            side_cap: 1_100_000,
        },
    }
}

/// A load in thousandths, clamped to ±[`LIMIT`]; NaN counts as the lowest.
fn milli(v: f64) -> i64 {
    if v.is_nan() {
        -LIMIT
    } else {
        // Clamped first, so the cast is exact and cannot saturate.
        (v * MILLI).round().clamp(-LIMIT as f64, LIMIT as f64) as i64
    }
}

fn value(m: i64) -> f64 {
    m as f64 / MILLI
}

/// A step or plate weight in thousandths when usable: finite, at least one
/// thousandth, at most `cap`.
fn usable(v: f64, cap: i64) -> Option<i64> {
    let m = milli(v);
    (v.is_finite() && (1..=cap).contains(&m)).then_some(m)
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// How an equipment's loads are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Bar plus a pair of plate stacks.
    Bar,
    /// Plates held without a bar.
    Plate,
    Dumbbell,
    Kettlebell,
    Stack,
    /// Added load on body weight, bands or unknown equipment: any multiple of a
    /// small step, negative meaning assistance.
    Free,
}

fn kind(equipment: Equipment) -> Kind {
    match equipment {
        Equipment::Barbell | Equipment::TrapBar | Equipment::EzBar | Equipment::SmithMachine => {
            Kind::Bar
        }
        Equipment::Plate => Kind::Plate,
        Equipment::Dumbbell => Kind::Dumbbell,
        Equipment::Kettlebell => Kind::Kettlebell,
        Equipment::Machine | Equipment::Cable | Equipment::Sled => Kind::Stack,
        Equipment::Bodyweight | Equipment::Band | Equipment::Other => Kind::Free,
    }
}

/// Which plate sums can be made, by dynamic programming over cells of `cell`
/// thousandths (the gcd of the plate weights).
#[derive(Debug)]
struct PlateTable {
    /// Load with no plates (the bar, or 0 for plates in hand).
    base: i64,
    /// Plates count once (in hand) or twice (one per side).
    mult: i64,
    cell: i64,
    /// Plate weight in cells and how many may be used, heaviest first.
    kinds: Vec<(i64, i64)>,
    /// `reach[i][s]`: `s` cells can be made from `kinds[i..]`.
    reach: Vec<Vec<bool>>,
    /// Whether no plates at all is a load (not for plates in hand).
    allow_empty: bool,
}

impl PlateTable {
    fn new(stock: &[&PlateStock], base: i64, mult: i64, cap: i64) -> Self {
        // Merge equal weights listed twice (say a 1.25 kg standard and
        // fractional plate); `None` means unlimited and wins.
        let mut merged: BTreeMap<i64, Option<i64>> = BTreeMap::new();
        for p in stock {
            let Some(w) = usable(p.weight, cap) else {
                continue;
            };
            // A pair puts one plate on each side of a bar, or two in hand.
            let n = p
                .pairs
                .map(|n| i64::from(n) * if mult == 2 { 1 } else { 2 });
            if n == Some(0) {
                continue;
            }
            let e = merged.entry(w).or_insert(Some(0));
            *e = match (*e, n) {
                (Some(a), Some(b)) => Some(a.saturating_add(b)),
                _ => None,
            };
        }
        let cell = merged.keys().fold(0, |g, &w| gcd(w, g)).max(1);
        let cells = (cap / cell).min(MAX_CELLS - 1) + 1;
        let kinds: Vec<(i64, i64)> = merged
            .iter()
            .rev()
            .map(|(&w, &n)| (w / cell, n.unwrap_or(cells)))
            .collect();
        let len = cells as usize;
        let mut last = vec![false; len];
        last[0] = true;
        let mut reach = vec![last];
        for &(w, n) in kinds.iter().rev() {
            let prev = reach.last().map(Vec::as_slice).unwrap_or(&[]);
            let mut now = vec![false; len];
            // Fewest plates of this kind needed on top of `prev`; bounded
            // knapsack in one pass per kind.
            let mut used = vec![0i64; len];
            for s in 0..len {
                if prev.get(s) == Some(&true) {
                    now[s] = true;
                } else if let Some(t) = s.checked_sub(w as usize) {
                    if now[t] && used[t] < n {
                        now[s] = true;
                        used[s] = used[t] + 1;
                    }
                }
            }
            reach.push(now);
        }
        reach.reverse();
        PlateTable {
            base,
            mult,
            cell,
            allow_empty: mult == 2 || kinds.is_empty(),
            kinds,
            reach,
        }
    }

    fn span(&self) -> i64 {
        self.mult * self.cell
    }

    fn cells(&self) -> i64 {
        self.reach.first().map_or(1, |r| r.len() as i64)
    }

    fn loadable(&self, s: i64) -> bool {
        (s > 0 || self.allow_empty)
            && self
                .reach
                .first()
                .and_then(|r| r.get(s as usize))
                .copied()
                .unwrap_or(false)
    }

    fn load(&self, s: i64) -> i64 {
        self.base + self.span() * s
    }

    fn floor(&self, t: i64) -> Option<i64> {
        if t < self.base {
            return None;
        }
        let top = ((t - self.base) / self.span()).min(self.cells() - 1);
        (0..=top)
            .rev()
            .find(|&s| self.loadable(s))
            .map(|s| self.load(s))
    }

    fn ceil(&self, t: i64) -> Option<i64> {
        let from = if t <= self.base {
            0
        } else {
            (t - self.base + self.span() - 1) / self.span()
        };
        (from..self.cells())
            .find(|&s| self.loadable(s))
            .map(|s| self.load(s))
    }

    /// The plates for a loadable `load`, heaviest first, each in thousandths.
    fn plates(&self, load: i64) -> Option<Vec<i64>> {
        let rest = load - self.base;
        if rest < 0 || rest % self.span() != 0 {
            return None;
        }
        let mut s = rest / self.span();
        if !self.loadable(s) {
            return None;
        }
        let mut out = Vec::new();
        for (i, &(w, n)) in self.kinds.iter().enumerate() {
            let next = self.reach.get(i + 1)?;
            // As many of the heaviest plate as still leave the rest makeable:
            // heavy plates go on first, and that is how a lifter reads it.
            let most = n.min(s / w);
            let k = (0..=most)
                .rev()
                .find(|&k| next.get((s - k * w) as usize) == Some(&true))?;
            out.extend(std::iter::repeat_n(w * self.cell, k as usize));
            s -= k * w;
        }
        (s == 0).then_some(out)
    }
}

/// The loads one piece of equipment can make.
#[derive(Debug)]
enum Ladder {
    /// Multiples of `step` from `lo` to `hi` (both multiples of `step`).
    Steps {
        step: i64,
        lo: i64,
        hi: i64,
    },
    Plates(PlateTable),
}

impl Ladder {
    /// Heaviest loadable at or below `t`.
    fn floor(&self, t: i64) -> Option<i64> {
        match self {
            Ladder::Steps { step, lo, hi } => {
                (t >= *lo).then(|| t.min(*hi).div_euclid(*step) * step)
            }
            Ladder::Plates(p) => p.floor(t),
        }
    }

    /// Lightest loadable at or above `t`.
    fn ceil(&self, t: i64) -> Option<i64> {
        match self {
            Ladder::Steps { step, lo, hi } => (t <= *hi).then(|| {
                let t = t.max(*lo);
                let k = t.div_euclid(*step);
                if k * step < t {
                    (k + 1) * step
                } else {
                    k * step
                }
            }),
            Ladder::Plates(p) => p.ceil(t),
        }
    }

    fn min(&self) -> i64 {
        self.ceil(-LIMIT).unwrap_or(0)
    }

    /// Nearest loadable to `t`, ties to the lighter.
    fn round(&self, t: i64) -> i64 {
        match (self.floor(t), self.ceil(t)) {
            (Some(a), Some(b)) => {
                if t - a <= b - t {
                    a
                } else {
                    b
                }
            }
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => self.min(),
        }
    }

    /// Lightest loadable strictly above `t`.
    fn above(&self, t: i64) -> Option<i64> {
        self.ceil(t + 1)
    }
}

impl Loadout {
    /// Defaults for a unit: kg bar 20, plates 25, 20, 15, 10, 5, 2.5;
    /// lb bar 45, plates 45, 35, 25, 10, 5; as many of each as needed; no
    /// fractional plates; dumbbells 2 kg / 5 lb steps up to 50 kg / 120 lb;
    /// machines 5 kg / 10 lb; kettlebells 4 kg / 10 lb.
    pub fn standard(unit: WeightUnit) -> Self {
        let d = defaults(unit);
        let plates: &[f64] = match unit {
            WeightUnit::Kg => &[25.0, 20.0, 15.0, 10.0, 5.0, 2.5],
            WeightUnit::Lb => &[45.0, 35.0, 25.0, 10.0, 5.0],
        };
        Loadout {
            unit,
            bar: d.bar,
            plates: plates
                .iter()
                .map(|&weight| PlateStock {
                    weight,
                    pairs: None,
                })
                .collect(),
            fractional: Vec::new(),
            dumbbell_step: d.dumbbell_step,
            dumbbell_max: d.dumbbell_max,
            machine_step: d.machine_step,
            kettlebell_step: d.kettlebell_step,
        }
    }

    /// The usual micro plates for a unit, two pairs of each: kg 1.25, 0.5,
    /// 0.25; lb 2.5, 1.25.
    pub fn standard_fractional(unit: WeightUnit) -> Vec<PlateStock> {
        let weights: &[f64] = match unit {
            WeightUnit::Kg => &[1.25, 0.5, 0.25],
            WeightUnit::Lb => &[2.5, 1.25],
        };
        weights
            .iter()
            .map(|&weight| PlateStock {
                weight,
                pairs: Some(2),
            })
            .collect()
    }

    /// Checks the loadout is usable: the bar finite and zero or more, plate
    /// weights and steps finite and from 0.001 up to the per-side limit
    /// (500 kg / 1100 lb), the heaviest dumbbell at least one step, at most
    /// [`MAX_PLATE_KINDS`] kinds of plate. The error names the first bad field.
    pub fn validate(&self) -> Result<(), LoadoutError> {
        let cap = defaults(self.unit).side_cap;
        let bad = |field: String, reason| Err(LoadoutError { field, reason });
        const RANGE: &str = "must be a finite number from 0.001 to 500 kg (1100 lb)";
        if !self.bar.is_finite() || self.bar < 0.0 || milli(self.bar) > cap {
            return bad(
                "bar".into(),
                "must be a finite number from 0 to 500 kg (1100 lb)",
            );
        }
        if self.plates.len() + self.fractional.len() > MAX_PLATE_KINDS {
            return bad(
                "plates".into(),
                "has more than 20 kinds of plate (standard and fractional together)",
            );
        }
        let lists = [("plates", &self.plates), ("fractional", &self.fractional)];
        for (name, list) in lists {
            for (i, p) in list.iter().enumerate() {
                if usable(p.weight, cap).is_none() {
                    return bad(format!("{name}[{i}].weight"), RANGE);
                }
            }
        }
        let steps = [
            ("dumbbell_step", self.dumbbell_step),
            ("machine_step", self.machine_step),
            ("kettlebell_step", self.kettlebell_step),
            ("dumbbell_max", self.dumbbell_max),
        ];
        for (name, v) in steps {
            if usable(v, cap).is_none() {
                return bad(name.into(), RANGE);
            }
        }
        if self.dumbbell_max < self.dumbbell_step {
            return bad("dumbbell_max".into(), "must be at least one dumbbell step");
        }
        Ok(())
    }

    /// A step field in thousandths, or the unit's default when unusable.
    fn step(&self, v: f64, default: f64) -> i64 {
        let cap = defaults(self.unit).side_cap;
        usable(v, cap).unwrap_or_else(|| milli(default))
    }

    fn ladder(&self, equipment: Equipment) -> Ladder {
        let d = defaults(self.unit);
        let multiples_from_one_step = |step: i64, max: i64| Ladder::Steps {
            step,
            lo: step,
            hi: (max / step * step).max(step),
        };
        match kind(equipment) {
            Kind::Bar | Kind::Plate => {
                let stock: Vec<&PlateStock> = self.plates.iter().chain(&self.fractional).collect();
                let (base, mult) = if kind(equipment) == Kind::Bar {
                    let bar = if self.bar.is_finite() && self.bar >= 0.0 {
                        milli(self.bar)
                    } else {
                        milli(d.bar)
                    };
                    (bar, 2)
                } else {
                    (0, 1)
                };
                Ladder::Plates(PlateTable::new(&stock, base, mult, d.side_cap))
            }
            Kind::Dumbbell => {
                let step = self.step(self.dumbbell_step, d.dumbbell_step);
                let max = if self.dumbbell_max.is_finite() {
                    milli(self.dumbbell_max)
                } else {
                    milli(d.dumbbell_max)
                };
                multiples_from_one_step(step, max)
            }
            Kind::Kettlebell => {
                multiples_from_one_step(self.step(self.kettlebell_step, d.kettlebell_step), LIMIT)
            }
            Kind::Stack => {
                multiples_from_one_step(self.step(self.machine_step, d.machine_step), LIMIT)
            }
            Kind::Free => {
                let step = milli(d.free_step);
                let hi = LIMIT / step * step;
                Ladder::Steps { step, lo: -hi, hi }
            }
        }
    }

    /// The loadable weight nearest `target` (ties go to the lighter one).
    ///
    /// Bars (barbell, trap bar, EZ bar, Smith machine): the bar plus the same
    /// plates on each side, within the plates owned, up to 500 kg / 1100 lb a
    /// side; anything below the bar gives the bar. Plate: a sum of plates held
    /// (at least one plate). Dumbbell (per hand): multiples of
    /// `dumbbell_step` from one step to `dumbbell_max`. Kettlebell, and
    /// machine / cable / sled: multiples of their step, at least one step.
    /// Body weight, band and other: the added load (negative = assistance) to
    /// the nearest 0.5 kg / 1 lb.
    pub fn round(&self, equipment: Equipment, target: f64) -> f64 {
        value(self.ladder(equipment).round(milli(target)))
    }

    /// [`Loadout::round`] for a [`Weight`] in any unit; the result is in the
    /// loadout's unit.
    pub fn round_weight(&self, equipment: Equipment, target: Weight) -> Weight {
        let m = self
            .ladder(equipment)
            .round(milli(target.in_unit(self.unit)));
        Weight::from_milli(m, self.unit)
    }

    /// The plates for `load` rounded as by [`Loadout::round`], heaviest first:
    /// per side for bars (`[20.0, 5.0, 1.25]` reads "20 + 5 + 1.25 per
    /// side"), the plates held for [`Equipment::Plate`]. Empty for the bare
    /// bar; `None` for equipment that takes no plates.
    pub fn plates_per_side(&self, equipment: Equipment, load: f64) -> Option<Vec<f64>> {
        let ladder = self.ladder(equipment);
        let Ladder::Plates(table) = &ladder else {
            return None;
        };
        let m = ladder.round(milli(load));
        Some(table.plates(m)?.into_iter().map(value).collect())
    }

    /// The smallest increase above `load` the equipment can make: the next
    /// loadable weight minus `load`. 0 when nothing heavier can be made or
    /// `load` is not finite.
    pub fn smallest_step(&self, equipment: Equipment, load: f64) -> f64 {
        if !load.is_finite() {
            return 0.0;
        }
        let m = milli(load);
        self.ladder(equipment)
            .above(m)
            .map_or(0.0, |next| value(next - m))
    }

    /// `load + increment` rounded to loadable; if that gives back `load` or
    /// less, the next loadable weight instead; never more than
    /// `load + max(increment, smallest_step)`. An increment that is not
    /// positive just rounds `load`. At the heaviest loadable weight, that
    /// weight. Like every load, the increment counts to the nearest thousandth.
    pub fn increase(&self, equipment: Equipment, load: f64, increment: f64) -> f64 {
        let ladder = self.ladder(equipment);
        let load = milli(load);
        if increment.is_nan() || increment <= 0.0 {
            return value(ladder.round(load));
        }
        let inc = milli(increment);
        let Some(next) = ladder.above(load) else {
            return value(ladder.round(load));
        };
        let mut r = ladder.round(load + inc);
        if r <= load {
            r = next;
        }
        // Rounding up across a wide gap (few plates owned) could jump well
        // past the increment; stay within it or one step, whichever is more.
        let limit = load + inc.max(next - load);
        if r > limit {
            r = ladder.floor(limit).unwrap_or(next);
        }
        value(r)
    }

    /// `load` less `fraction` of it (0.10 for a 10% deload), rounded down to
    /// loadable and never below the lightest loadable weight (the bar for
    /// bars). `fraction` is clamped to 0..=1; NaN counts as 0. A negative
    /// (assisted) body-weight load gets more assistance.
    pub fn decrease(&self, equipment: Equipment, load: f64, fraction: f64) -> f64 {
        let ladder = self.ladder(equipment);
        let f = if fraction.is_nan() {
            0.0
        } else {
            fraction.clamp(0.0, 1.0)
        };
        let m = milli(load) as f64;
        let target = (m - m.abs() * f).round() as i64;
        value(ladder.floor(target).unwrap_or_else(|| ladder.min()))
    }
}

/// One warm-up set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warmup {
    /// Load, in the loadout's unit.
    pub load: f64,
    /// Repetitions.
    pub reps: u32,
}

/// Warm-up sets before working sets of `work` for `reps`, lightest first.
///
/// Bars, when `work` is at least 1.25 times the bar: the empty bar x 8 (x 5
/// when the work is 5 reps or fewer), then about 40% x 5, 60% x 3 and 80% x 2
/// of `work` (no 80% step when `work` is under 1.5 times the bar). Other
/// loaded equipment: about 50% x 8 and 75% x 4. Body weight, bands and other:
/// none. Every load is rounded with the loadout; a step that lands on the bar,
/// on the step before, or at or above `work` is left out, so loads strictly
/// increase and stay below `work`. Empty when `reps` is 0 or `work` is not a
/// positive finite number.
pub fn warmups(loadout: &Loadout, equipment: Equipment, work: f64, reps: u32) -> Vec<Warmup> {
    if reps == 0 || !work.is_finite() || work <= 0.0 {
        return Vec::new();
    }
    let ladder = loadout.ladder(equipment);
    let work = milli(work);
    let mut out = Vec::new();
    let mut last = 0;
    let steps: Vec<(f64, u32)> = match kind(equipment) {
        Kind::Free => return out,
        Kind::Bar => {
            let bar = ladder.min();
            // A few kilos over the bar need no ramp: the work set is the warm-up.
            if work <= bar || work * 4 < bar * 5 {
                return out;
            }
            if bar > 0 {
                out.push(Warmup {
                    load: value(bar),
                    reps: if reps <= 5 { 5 } else { 8 },
                });
                last = bar;
            }
            let mut steps = vec![(0.4, 5), (0.6, 3)];
            if work * 2 >= bar * 3 {
                steps.push((0.8, 2));
            }
            steps
        }
        Kind::Plate | Kind::Dumbbell | Kind::Kettlebell | Kind::Stack => {
            vec![(0.5, 8), (0.75, 4)]
        }
    };
    for (pct, r) in steps {
        let load = ladder.round((work as f64 * pct).round() as i64);
        if load > last && load < work {
            out.push(Warmup {
                load: value(load),
                reps: r,
            });
            last = load;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ALL: [Equipment; 13] = [
        Equipment::Barbell,
        Equipment::Dumbbell,
        Equipment::Kettlebell,
        Equipment::Machine,
        Equipment::Cable,
        Equipment::Band,
        Equipment::Bodyweight,
        Equipment::TrapBar,
        Equipment::SmithMachine,
        Equipment::EzBar,
        Equipment::Plate,
        Equipment::Sled,
        Equipment::Other,
    ];
    const BB: Equipment = Equipment::Barbell;

    fn kg() -> Loadout {
        Loadout::standard(WeightUnit::Kg)
    }

    fn lb() -> Loadout {
        Loadout::standard(WeightUnit::Lb)
    }

    fn kg_micro() -> Loadout {
        Loadout {
            fractional: Loadout::standard_fractional(WeightUnit::Kg),
            ..kg()
        }
    }

    fn with_fractional(base: Loadout, weights: &[f64]) -> Loadout {
        Loadout {
            fractional: weights
                .iter()
                .map(|&weight| PlateStock {
                    weight,
                    pairs: Some(1),
                })
                .collect(),
            ..base
        }
    }

    fn limited(bar: f64, plates: &[(f64, u32)]) -> Loadout {
        Loadout {
            bar,
            plates: plates
                .iter()
                .map(|&(weight, n)| PlateStock {
                    weight,
                    pairs: Some(n),
                })
                .collect(),
            ..kg()
        }
    }

    fn w(load: f64, reps: u32) -> Warmup {
        Warmup { load, reps }
    }

    #[test]
    fn standard_loadouts_are_valid() {
        for unit in [WeightUnit::Kg, WeightUnit::Lb] {
            assert_eq!(Loadout::standard(unit).validate(), Ok(()));
            let with_micro = Loadout {
                fractional: Loadout::standard_fractional(unit),
                ..Loadout::standard(unit)
            };
            assert_eq!(with_micro.validate(), Ok(()));
        }
        assert_eq!(kg().bar, 20.0);
        assert_eq!(lb().bar, 45.0);
        assert_eq!(lb().plates.len(), 5);
    }

    #[test]
    fn validate_names_the_bad_field() {
        let field = |l: Loadout| l.validate().unwrap_err().field;
        assert_eq!(field(Loadout { bar: -1.0, ..kg() }), "bar");
        assert_eq!(
            field(Loadout {
                bar: f64::NAN,
                ..kg()
            }),
            "bar"
        );
        let mut l = kg();
        l.plates[2].weight = 0.0;
        assert_eq!(field(l), "plates[2].weight");
        assert_eq!(
            field(with_fractional(kg(), &[0.5, f64::INFINITY])),
            "fractional[1].weight"
        );
        assert_eq!(
            field(with_fractional(kg(), &[0.0001])),
            "fractional[0].weight"
        );
        assert_eq!(
            field(Loadout {
                machine_step: 0.0,
                ..kg()
            }),
            "machine_step"
        );
        assert_eq!(
            field(Loadout {
                kettlebell_step: -4.0,
                ..kg()
            }),
            "kettlebell_step"
        );
        assert_eq!(
            field(Loadout {
                dumbbell_step: f64::NAN,
                ..kg()
            }),
            "dumbbell_step"
        );
        assert_eq!(
            field(Loadout {
                dumbbell_max: 1.0,
                ..kg()
            }),
            "dumbbell_max"
        );
        assert_eq!(
            field(Loadout {
                dumbbell_max: 1e9,
                ..kg()
            }),
            "dumbbell_max"
        );
        let many = with_fractional(kg(), &[0.1; 15]);
        assert_eq!(field(many), "plates");
        // A bar of 0 (plates on a post) is fine.
        assert_eq!(Loadout { bar: 0.0, ..kg() }.validate(), Ok(()));
        let e = Loadout { bar: -1.0, ..kg() }.validate().unwrap_err();
        assert!(e.to_string().starts_with("loadout bar must be"), "{e}");
    }

    #[test]
    fn kg_standard_moves_in_5_kg() {
        let l = kg();
        assert_eq!(l.round(BB, 61.3), 60.0);
        // 62.5 is halfway between 60 and 65: ties go down.
        assert_eq!(l.round(BB, 62.5), 60.0);
        assert_eq!(l.round(BB, 62.6), 65.0);
        assert_eq!(l.round(BB, 63.7), 65.0);
        assert_eq!(l.round(BB, 100.0), 100.0);
        assert_eq!(l.round(BB, 5.0), 20.0);
        assert_eq!(l.round(BB, -50.0), 20.0);
        assert_eq!(l.plates_per_side(BB, 100.0), Some(vec![25.0, 15.0]));
        assert_eq!(l.plates_per_side(BB, 62.0), Some(vec![20.0]));
        assert_eq!(l.plates_per_side(BB, 20.0), Some(vec![]));
        assert_eq!(l.plates_per_side(BB, 67.0), Some(vec![20.0, 2.5]));
    }

    #[test]
    fn kg_with_a_pair_of_1_25s_moves_in_2_5_kg() {
        let l = with_fractional(kg(), &[1.25]);
        assert_eq!(l.round(BB, 61.2), 60.0);
        assert_eq!(l.round(BB, 61.25), 60.0);
        assert_eq!(l.round(BB, 61.3), 62.5);
        assert_eq!(l.round(BB, 62.5), 62.5);
        assert_eq!(l.round(BB, 63.7), 62.5);
        assert_eq!(l.round(BB, 63.8), 65.0);
        assert_eq!(l.plates_per_side(BB, 62.5), Some(vec![20.0, 1.25]));
        assert_eq!(l.plates_per_side(BB, 67.5), Some(vec![20.0, 2.5, 1.25]));
    }

    #[test]
    fn kg_with_standard_micro_plates_moves_in_half_kilos() {
        let l = kg_micro();
        assert_eq!(l.round(BB, 61.3), 61.5);
        assert_eq!(l.round(BB, 62.5), 62.5);
        assert_eq!(l.round(BB, 63.7), 63.5);
        assert_eq!(l.round(BB, 63.75), 63.5);
        // 61.5: 20.75 per side = 20 + 0.5 + 0.25.
        assert_eq!(l.plates_per_side(BB, 61.5), Some(vec![20.0, 0.5, 0.25]));
        // 101: 40.5 per side = 25 + 15 + 0.5.
        assert_eq!(l.plates_per_side(BB, 101.0), Some(vec![25.0, 15.0, 0.5]));
    }

    #[test]
    fn lb_standard_135_and_225() {
        let l = lb();
        assert_eq!(l.round(BB, 135.0), 135.0);
        assert_eq!(l.plates_per_side(BB, 135.0), Some(vec![45.0]));
        assert_eq!(l.round(BB, 225.0), 225.0);
        assert_eq!(l.plates_per_side(BB, 225.0), Some(vec![45.0, 45.0]));
        // 10 lb steps: 230 is a tie (down), 232 goes to 235 = 45+45+5 per side.
        assert_eq!(l.round(BB, 230.0), 225.0);
        assert_eq!(l.round(BB, 232.0), 235.0);
        assert_eq!(l.plates_per_side(BB, 232.0), Some(vec![45.0, 45.0, 5.0]));
        assert_eq!(l.round(BB, 20.0), 45.0);
        let micro = Loadout {
            fractional: Loadout::standard_fractional(WeightUnit::Lb),
            ..lb()
        };
        // 2.5 lb steps with 1.25s: 137.5 = 45 + 45 + 1.25 per side.
        assert_eq!(micro.round(BB, 137.0), 137.5);
        assert_eq!(micro.plates_per_side(BB, 137.5), Some(vec![45.0, 1.25]));
        assert_eq!(micro.plates_per_side(BB, 140.0), Some(vec![45.0, 2.5]));
    }

    #[test]
    fn limited_plates_leave_gaps() {
        // One pair each of 20 and 15: per side 0, 15, 20, 35 -> 20, 50, 60, 90.
        let l = limited(20.0, &[(20.0, 1), (15.0, 1)]);
        assert_eq!(l.round(BB, 70.0), 60.0);
        assert_eq!(l.round(BB, 75.0), 60.0);
        assert_eq!(l.round(BB, 76.0), 90.0);
        assert_eq!(l.round(BB, 35.0), 20.0);
        assert_eq!(l.round(BB, 36.0), 50.0);
        assert_eq!(l.round(BB, 1000.0), 90.0);
        assert_eq!(l.round(BB, f64::INFINITY), 90.0);
        assert_eq!(l.plates_per_side(BB, 90.0), Some(vec![20.0, 15.0]));
        assert_eq!(l.smallest_step(BB, 60.0), 30.0);
        assert_eq!(l.smallest_step(BB, 90.0), 0.0);
    }

    #[test]
    fn plate_choice_is_not_greedy() {
        // 20 per side from one 15 and two 10s: only 10 + 10 works.
        let l = limited(20.0, &[(15.0, 1), (10.0, 2)]);
        assert_eq!(l.round(BB, 60.0), 60.0);
        assert_eq!(l.plates_per_side(BB, 60.0), Some(vec![10.0, 10.0]));
        assert_eq!(l.plates_per_side(BB, 70.0), Some(vec![15.0, 10.0]));
    }

    #[test]
    fn no_plates_means_the_bar() {
        let l = Loadout {
            plates: vec![],
            ..kg()
        };
        assert_eq!(l.round(BB, 100.0), 20.0);
        assert_eq!(l.plates_per_side(BB, 100.0), Some(vec![]));
        assert_eq!(l.smallest_step(BB, 20.0), 0.0);
        assert_eq!(l.increase(BB, 20.0, 5.0), 20.0);
        assert_eq!(l.round(Equipment::Plate, 10.0), 0.0);
    }

    #[test]
    fn other_bars_share_the_bar_weight() {
        let l = kg();
        for e in [
            Equipment::TrapBar,
            Equipment::EzBar,
            Equipment::SmithMachine,
        ] {
            assert_eq!(l.round(e, 61.3), 60.0);
            assert_eq!(l.plates_per_side(e, 60.0), Some(vec![20.0]));
        }
    }

    #[test]
    fn plates_in_hand() {
        let l = kg();
        let p = Equipment::Plate;
        // Any sum of plates: 2.5 kg apart.
        assert_eq!(l.round(p, 11.0), 10.0);
        assert_eq!(l.round(p, 12.0), 12.5);
        assert_eq!(l.round(p, 13.75), 12.5);
        assert_eq!(l.round(p, 14.0), 15.0);
        assert_eq!(l.round(p, 0.0), 2.5);
        assert_eq!(l.plates_per_side(p, 12.5), Some(vec![10.0, 2.5]));
        // Limited pairs count both plates of a pair: two 20s make 40, not more.
        let two = limited(20.0, &[(20.0, 1)]);
        assert_eq!(two.round(p, 100.0), 40.0);
        assert_eq!(two.plates_per_side(p, 40.0), Some(vec![20.0, 20.0]));
    }

    #[test]
    fn dumbbells_kettlebells_and_stacks() {
        let (k, l) = (kg(), lb());
        let db = Equipment::Dumbbell;
        assert_eq!(k.round(db, 13.0), 12.0);
        assert_eq!(k.round(db, 13.1), 14.0);
        assert_eq!(k.round(db, 0.5), 2.0);
        assert_eq!(k.round(db, 80.0), 50.0);
        assert_eq!(l.round(db, 23.0), 25.0);
        assert_eq!(l.round(db, 200.0), 120.0);
        assert_eq!(k.round(Equipment::Kettlebell, 14.0), 12.0);
        assert_eq!(k.round(Equipment::Kettlebell, 15.0), 16.0);
        assert_eq!(l.round(Equipment::Kettlebell, 36.0), 40.0);
        for e in [Equipment::Machine, Equipment::Cable, Equipment::Sled] {
            assert_eq!(k.round(e, 37.4), 35.0);
            assert_eq!(k.round(e, 37.5), 35.0);
            assert_eq!(k.round(e, 37.6), 40.0);
            assert_eq!(k.round(e, 1.0), 5.0);
            assert_eq!(l.round(e, 144.0), 140.0);
            assert_eq!(k.plates_per_side(e, 40.0), None);
        }
        assert_eq!(k.plates_per_side(db, 20.0), None);
    }

    #[test]
    fn heaviest_dumbbell_not_a_whole_step_rounds_down_to_one() {
        let l = Loadout {
            dumbbell_max: 51.0,
            ..kg()
        };
        assert_eq!(l.round(Equipment::Dumbbell, 60.0), 50.0);
    }

    #[test]
    fn body_weight_added_and_assisted_load() {
        let (k, l) = (kg(), lb());
        assert_eq!(k.round(Equipment::Bodyweight, 7.3), 7.5);
        assert_eq!(k.round(Equipment::Bodyweight, 7.25), 7.0);
        assert_eq!(k.round(Equipment::Bodyweight, -7.3), -7.5);
        assert_eq!(k.round(Equipment::Band, 0.0), 0.0);
        assert_eq!(l.round(Equipment::Other, 7.5), 7.0);
        assert_eq!(l.round(Equipment::Other, 7.6), 8.0);
        assert_eq!(k.plates_per_side(Equipment::Bodyweight, 10.0), None);
    }

    #[test]
    fn rounds_weights_in_another_unit() {
        let l = kg();
        let t = Weight::new(225.0, WeightUnit::Lb).unwrap();
        // 225 lb = 102.06 kg -> 100 kg.
        assert_eq!(
            l.round_weight(BB, t),
            Weight::from_milli(100_000, WeightUnit::Kg)
        );
    }

    #[test]
    fn smallest_steps() {
        assert_eq!(kg().smallest_step(BB, 60.0), 5.0);
        let half = with_fractional(kg(), &[0.5, 0.5]);
        assert_eq!(half.smallest_step(BB, 60.0), 1.0);
        assert_eq!(kg_micro().smallest_step(BB, 60.0), 0.5);
        assert_eq!(lb().smallest_step(BB, 135.0), 10.0);
        // From a load that is not loadable: 61 -> 65.
        assert_eq!(kg().smallest_step(BB, 61.0), 4.0);
        assert_eq!(kg().smallest_step(Equipment::Dumbbell, 20.0), 2.0);
        assert_eq!(kg().smallest_step(Equipment::Dumbbell, 50.0), 0.0);
        assert_eq!(kg().smallest_step(Equipment::Machine, 40.0), 5.0);
        assert_eq!(kg().smallest_step(Equipment::Bodyweight, 0.0), 0.5);
        assert_eq!(kg().smallest_step(BB, f64::NAN), 0.0);
    }

    #[test]
    fn increases() {
        let l = kg();
        // 2.5% of 60 is 1.5: rounds back to 60, so the next plate jump, 65.
        assert_eq!(l.increase(BB, 60.0, 1.5), 65.0);
        // 10%: 66 rounds to 65.
        assert_eq!(l.increase(BB, 60.0, 6.0), 65.0);
        // 68 would round to 70, beyond 60 + max(8, 5): stays at 65.
        assert_eq!(l.increase(BB, 60.0, 8.0), 65.0);
        assert_eq!(l.increase(BB, 60.0, 10.0), 70.0);
        assert_eq!(kg_micro().increase(BB, 60.0, 1.5), 61.5);
        assert_eq!(lb().increase(BB, 135.0, 5.0), 145.0);
        assert_eq!(l.increase(Equipment::Dumbbell, 20.0, 1.0), 22.0);
        assert_eq!(l.increase(Equipment::Dumbbell, 50.0, 2.0), 50.0);
        assert_eq!(l.increase(BB, 60.0, 0.0), 60.0);
        assert_eq!(l.increase(BB, 60.0, -5.0), 60.0);
        assert_eq!(l.increase(BB, 60.0, f64::NAN), 60.0);
        // From below the bar, the bar.
        assert_eq!(l.increase(BB, 0.0, 2.5), 20.0);
        // A wide gap: 60 + 5 rounds back to 60; the next load is 90.
        let gappy = limited(20.0, &[(20.0, 1), (15.0, 1)]);
        assert_eq!(gappy.increase(BB, 60.0, 5.0), 90.0);
        // Assisted pull-up: less assistance.
        assert_eq!(l.increase(Equipment::Bodyweight, -20.0, 2.0), -18.0);
    }

    #[test]
    fn decreases() {
        let (k, l) = (kg(), lb());
        assert_eq!(k.decrease(BB, 100.0, 0.10), 90.0);
        assert_eq!(k.decrease(BB, 100.0, 0.15), 85.0);
        // 92.5 rounds down to 90.
        assert_eq!(k.decrease(BB, 100.0, 0.075), 90.0);
        assert_eq!(k.decrease(BB, 30.0, 0.5), 20.0);
        assert_eq!(k.decrease(BB, 100.0, 5.0), 20.0);
        assert_eq!(k.decrease(BB, 100.0, f64::NAN), 100.0);
        assert_eq!(k.decrease(BB, 100.0, -0.5), 100.0);
        // 202.5 lb rounds down to 195 (10 lb steps from 45).
        assert_eq!(l.decrease(BB, 225.0, 0.10), 195.0);
        assert_eq!(k.decrease(Equipment::Dumbbell, 20.0, 0.10), 18.0);
        assert_eq!(k.decrease(Equipment::Dumbbell, 2.0, 0.5), 2.0);
        assert_eq!(k.decrease(Equipment::Machine, 50.0, 0.10), 45.0);
        assert_eq!(k.decrease(Equipment::Bodyweight, -20.0, 0.10), -22.0);
        // An infinite load clamps to the heaviest the plates make: 20 + 2 * 500.
        assert_eq!(k.decrease(BB, f64::INFINITY, 0.1), 1020.0);
    }

    #[test]
    fn warmups_for_a_100_kg_squat_of_5() {
        assert_eq!(
            warmups(&kg(), BB, 100.0, 5),
            vec![w(20.0, 5), w(40.0, 5), w(60.0, 3), w(80.0, 2)]
        );
        // More reps: the empty bar for 8.
        assert_eq!(warmups(&kg(), BB, 100.0, 8)[0], w(20.0, 8));
    }

    #[test]
    fn warmups_for_a_30_kg_press() {
        // 40% (12) and 60% (18) round to the bar and are left out; 80% is 24 -> 25.
        assert_eq!(warmups(&kg(), BB, 30.0, 8), vec![w(20.0, 8), w(25.0, 2)]);
        assert_eq!(warmups(&kg(), BB, 30.0, 5), vec![w(20.0, 5), w(25.0, 2)]);
    }

    #[test]
    fn light_bar_work_gets_little_or_no_warm_up() {
        // 25 kg is under 1.5 bars: no 80% step, and 40%/60% are the bar.
        assert_eq!(warmups(&kg(), BB, 25.0, 5), vec![w(20.0, 5)]);
        assert_eq!(warmups(&kg(), BB, 22.5, 5), vec![]);
        assert_eq!(warmups(&kg(), BB, 20.0, 5), vec![]);
        // 135 lb: bar, 54 -> 55, 81 -> 85, 108 -> 105.
        assert_eq!(
            warmups(&lb(), BB, 135.0, 5),
            vec![w(45.0, 5), w(55.0, 5), w(85.0, 3), w(105.0, 2)]
        );
    }

    #[test]
    fn warmups_for_dumbbells_machines_and_body_weight() {
        let l = kg();
        // 50% = 10; 75% = 15 is a tie between 14 and 16: 14.
        assert_eq!(
            warmups(&l, Equipment::Dumbbell, 20.0, 10),
            vec![w(10.0, 8), w(14.0, 4)]
        );
        // 25, then 37.5 ties down to 35.
        assert_eq!(
            warmups(&l, Equipment::Machine, 50.0, 10),
            vec![w(25.0, 8), w(35.0, 4)]
        );
        assert_eq!(
            warmups(&l, Equipment::Kettlebell, 16.0, 10),
            vec![w(8.0, 8), w(12.0, 4)]
        );
        // 4 kg dumbbells: 50% is 2, 75% (3) ties down to 2 again.
        assert_eq!(warmups(&l, Equipment::Dumbbell, 4.0, 10), vec![w(2.0, 8)]);
        assert_eq!(warmups(&l, Equipment::Dumbbell, 2.0, 10), vec![]);
        for e in [Equipment::Bodyweight, Equipment::Band, Equipment::Other] {
            assert_eq!(warmups(&l, e, 20.0, 5), vec![]);
        }
    }

    #[test]
    fn warmups_refuse_nonsense() {
        let l = kg();
        assert_eq!(warmups(&l, BB, 100.0, 0), vec![]);
        assert_eq!(warmups(&l, BB, f64::NAN, 5), vec![]);
        assert_eq!(warmups(&l, BB, -100.0, 5), vec![]);
        assert_eq!(warmups(&l, BB, f64::INFINITY, 5), vec![]);
    }

    #[test]
    fn invalid_loadouts_still_answer() {
        let broken = Loadout {
            bar: f64::NAN,
            plates: vec![
                PlateStock {
                    weight: f64::NAN,
                    pairs: None,
                },
                PlateStock {
                    weight: -5.0,
                    pairs: None,
                },
                PlateStock {
                    weight: 1e300,
                    pairs: None,
                },
                PlateStock {
                    weight: 10.0,
                    pairs: Some(u32::MAX),
                },
            ],
            fractional: vec![],
            dumbbell_step: 0.0,
            dumbbell_max: f64::NAN,
            machine_step: f64::INFINITY,
            kettlebell_step: -1.0,
            unit: WeightUnit::Kg,
        };
        assert!(broken.validate().is_err());
        // Falls back to the 20 kg bar and skips the unusable plates.
        assert_eq!(broken.round(BB, 47.0), 40.0);
        assert_eq!(broken.round(Equipment::Dumbbell, 13.1), 14.0);
        assert_eq!(broken.round(Equipment::Dumbbell, 500.0), 50.0);
        assert_eq!(broken.round(Equipment::Machine, 37.6), 40.0);
        assert_eq!(broken.round(Equipment::Kettlebell, 15.0), 16.0);
        for e in ALL {
            let _ = warmups(&broken, e, 100.0, 5);
        }
    }

    #[test]
    fn json_field_names() {
        let v = serde_json::to_value(kg()).unwrap();
        assert_eq!(v["unit"], "kg");
        assert_eq!(v["bar"], 20.0);
        assert_eq!(v["dumbbell_step"], 2.0);
        assert_eq!(v["plates"][0]["pairs"], serde_json::Value::Null);
        let back: Loadout = serde_json::from_value(v).unwrap();
        assert_eq!(back, kg());
        let wu = serde_json::to_string(&w(40.0, 5)).unwrap();
        assert_eq!(wu, r#"{"load":40.0,"reps":5}"#);
    }

    fn loadouts() -> impl Strategy<Value = Loadout> {
        let plate = (
            prop::sample::select(vec![
                45.0, 35.0, 25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25, 1.0, 0.5, 0.25,
            ]),
            prop::option::of(0u32..4),
        )
            .prop_map(|(weight, pairs)| PlateStock { weight, pairs });
        (
            prop::bool::ANY,
            prop::sample::select(vec![0.0, 7.5, 10.0, 15.0, 20.0, 45.0]),
            prop::collection::vec(plate.clone(), 0..6),
            prop::collection::vec(plate, 0..3),
        )
            .prop_map(|(is_kg, bar, plates, fractional)| {
                let unit = if is_kg {
                    WeightUnit::Kg
                } else {
                    WeightUnit::Lb
                };
                Loadout {
                    bar,
                    plates,
                    fractional,
                    ..Loadout::standard(unit)
                }
            })
    }

    fn targets() -> impl Strategy<Value = f64> {
        prop_oneof![
            4 => -50.0f64..1500.0,
            1 => proptest::num::f64::ANY,
        ]
    }

    fn milli_eq(a: f64, b: f64) -> bool {
        milli(a) == milli(b)
    }

    proptest! {
        // Each case checks all 13 kinds of equipment, each building a plate
        // table: fewer cases keep the debug-build suite quick.
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn rounding_gives_a_loadable_weight(l in loadouts(), t in targets()) {
            for e in ALL {
                let r = l.round(e, t);
                prop_assert!(r.is_finite());
                prop_assert!(milli_eq(l.round(e, r), r), "{e:?} {t} -> {r} not stable");
                match kind(e) {
                    Kind::Bar => {
                        let per_side = l.plates_per_side(e, t).unwrap();
                        let sum: f64 = per_side.iter().sum();
                        prop_assert!(milli_eq(l.bar + 2.0 * sum, r), "{per_side:?} != {r}");
                        prop_assert!(per_side.windows(2).all(|p| p[0] >= p[1]));
                    }
                    Kind::Plate => {
                        let held = l.plates_per_side(e, t).unwrap();
                        prop_assert!(milli_eq(held.iter().sum(), r));
                    }
                    _ => prop_assert!(l.plates_per_side(e, t).is_none()),
                }
            }
        }

        #[test]
        fn rounding_is_monotone(l in loadouts(), a in -50.0f64..1500.0, b in -50.0f64..1500.0) {
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            for e in ALL {
                prop_assert!(l.round(e, a) <= l.round(e, b));
            }
        }

        #[test]
        fn increase_and_decrease_stay_in_bounds(l in loadouts(), load in 0.0f64..600.0, inc in 0.01f64..50.0, frac in 0.0f64..=1.0) {
            for e in ALL {
                let base = l.round(e, load);
                let step = l.smallest_step(e, base);
                let up = l.increase(e, base, inc);
                if step > 0.0 {
                    prop_assert!(up > base, "{e:?}: {base} + {inc} -> {up}");
                    // The increment counts to the nearest thousandth, like every load.
                    prop_assert!(up <= base + inc.max(step) + 0.0005, "{e:?}: {base} + {inc} -> {up}");
                } else {
                    prop_assert_eq!(up, base);
                }
                prop_assert!(milli_eq(l.round(e, up), up));
                let down = l.decrease(e, base, frac);
                prop_assert!(down <= base);
                prop_assert!(milli_eq(l.round(e, down), down));
            }
        }

        #[test]
        fn warmups_climb_below_the_work(l in loadouts(), work in targets(), reps in 0u32..20) {
            for e in ALL {
                let sets = warmups(&l, e, work, reps);
                for s in &sets {
                    prop_assert!(s.load < work && s.load > 0.0, "{e:?} {work}: {sets:?}");
                    prop_assert!(milli_eq(l.round(e, s.load), s.load));
                }
                prop_assert!(sets.windows(2).all(|p| p[0].load < p[1].load), "{e:?} {work}: {sets:?}");
            }
        }

        #[test]
        fn nothing_panics(l in loadouts(), bar in proptest::num::f64::ANY, step in proptest::num::f64::ANY, t in proptest::num::f64::ANY, x in proptest::num::f64::ANY) {
            let l = Loadout { bar, machine_step: step, dumbbell_step: step, dumbbell_max: x, kettlebell_step: step, ..l };
            let _ = l.validate();
            for e in ALL {
                prop_assert!(l.round(e, t).is_finite());
                let _ = l.plates_per_side(e, t);
                prop_assert!(l.smallest_step(e, t).is_finite());
                prop_assert!(l.increase(e, t, x).is_finite());
                prop_assert!(l.decrease(e, t, x).is_finite());
                let _ = warmups(&l, e, t, 5);
            }
        }
    }
}
