//! Plausibility of a set before it is saved: typing slips that the set
//! notation accepts but no lifter means.
//!
//! A check never refuses: it returns a [`LogWarning`] that the person
//! confirms or corrects (the CLI asks or wants `--yes`; an app shows the
//! warning with "log anyway"). Loads that today's plan prescribes for the
//! exercise are never questioned, however they compare with the past (a
//! program's own ramp, from the empty bar up, is not a slip). The checks
//! are pure: the caller reads the plan, the bar and recent loads.

use serde::Serialize;

use crate::model::{Equipment, Exercise, Load, Pattern, SetInput, Unit, Weight, WeightUnit};

/// Reps above this with a load at most this many units look like load and
/// reps typed the wrong way round (`5x100` for `100x5`). [design]
const SWAP_MIN_REPS: u32 = 30;

/// As typed, the load must be at least this far (as a ratio, either way)
/// from the recent working weight before a unit slip is suspected: a load
/// meant in the other unit and within [`UNIT_NEAR`] of the recent weight is
/// 2.2 / 1.25 = 1.76 times off or more. [design]
const UNIT_FAR: f64 = 1.75;
/// ...and read in the other unit it must be this close to it. [design]
const UNIT_NEAR: f64 = 1.25;

/// Why a set may be a slip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LogWarningCode {
    /// A barbell load lighter than the empty bar.
    BelowBar,
    /// Load and reps look typed the wrong way round.
    LooksSwapped,
    /// The load fits the recent working weight only in the other unit.
    OtherUnit,
    /// More than anyone has lifted with this equipment.
    BeyondRecords,
}

/// A set that looks like a slip, with what was probably meant.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LogWarning {
    /// Stable code for the shells.
    pub code: LogWarningCode,
    /// Index of the set in the list given (0-based).
    pub set: u32,
    /// The sentence, naming the exercise and the values.
    pub text: String,
    /// The set as it was probably meant, when there is one guess.
    pub suggestion: Option<SetInput>,
    /// The working weight the load was compared with (`other_unit`), in
    /// the load's unit.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub recent: Option<Weight>,
    /// The load as a multiple of `recent`, to a tenth (`other_unit`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub ratio: Option<f64>,
}

/// What the checks of one set know besides the set.
#[derive(Debug, Clone, Copy)]
pub struct SetContext<'a> {
    /// The set's exercise.
    pub exercise: &'a Exercise,
    /// The empty bar, kg (from the person's loadout).
    pub bar_kg: f64,
    /// The recent working weight of the exercise, kg: the heaviest working
    /// set of its last weeks, `None` when there is none.
    pub recent_kg: Option<f64>,
    /// Loads today's plan prescribes for the exercise (warm-ups included).
    pub planned: &'a [Weight],
}

/// The warnings for set number `index`, `input`, in `context`.
pub fn check(index: usize, input: &SetInput, context: SetContext<'_>) -> Vec<LogWarning> {
    let Load::Weight { weight } = input.load else {
        return Vec::new();
    };
    if context
        .planned
        .iter()
        .any(|p| (p.base() - weight.base()).abs() < 1e-6)
    {
        return Vec::new();
    }
    let name = &context.exercise.name;
    let unit = weight.unit();
    let set = u32::try_from(index).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    let kg = weight.base();
    // Typed the wrong way round: many reps with a load a rep count could be.
    if let Some(reps) = input.reps
        && reps > SWAP_MIN_REPS
        && weight.value().fract() == 0.0
        && (1.0..=f64::from(SWAP_MIN_REPS)).contains(&weight.value())
        && let Some(load) = Weight::new(f64::from(reps), unit)
    {
        let swapped = SetInput {
            load: Load::Weight { weight: load },
            reps: Some(weight.value() as u32),
            ..input.clone()
        };
        out.push(LogWarning {
            code: LogWarningCode::LooksSwapped,
            set,
            recent: None,
            ratio: None,
            text: format!(
                "{name}: {} for {reps} reps looks like load and reps the wrong way round; did you mean {} x {}?",
                show(weight),
                show(load),
                weight.value()
            ),
            suggestion: Some(swapped),
        });
        return out;
    }
    if loads_a_whole_bar(context.exercise) && kg + 1e-9 < context.bar_kg {
        out.push(LogWarning {
            code: LogWarningCode::BelowBar,
            set,
            recent: None,
            ratio: None,
            text: format!(
                "{name}: {} is lighter than the empty bar ({}); a barbell load includes the bar.",
                show(weight),
                show(Weight::new(context.bar_kg / unit.base_factor(), unit).unwrap_or(weight)),
            ),
            suggestion: None,
        });
    }
    let other = match unit {
        WeightUnit::Kg => WeightUnit::Lb,
        WeightUnit::Lb => WeightUnit::Kg,
    };
    if let Some(ceiling) = record_ceiling_kg(context.exercise)
        && kg > ceiling
    {
        out.push(LogWarning {
            code: LogWarningCode::BeyondRecords,
            set,
            recent: None,
            ratio: None,
            text: format!(
                "{name}: {} is more than anyone has lifted this way; check the number and its unit.",
                show(weight)
            ),
            // Pounds typed as kilograms is the likely slip; the other way
            // round makes the load heavier still.
            suggestion: (unit == WeightUnit::Kg)
                .then(|| Weight::new(weight.value(), other))
                .flatten()
                .filter(|w| w.base() <= ceiling)
                .map(|w| SetInput {
                    load: Load::Weight { weight: w },
                    ..input.clone()
                }),
        });
        return out;
    }
    // The reference: the heaviest of the recent working sets and of today's
    // planned loads, so a first session is judged against its plan.
    let planned_max = context
        .planned
        .iter()
        .map(|w| w.base())
        .fold(None, |m: Option<f64>, w| Some(m.map_or(w, |m| m.max(w))));
    let reference = match (context.recent_kg, planned_max) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    if let Some(recent) = reference.filter(|r| *r > 0.0) {
        let as_typed = kg / recent;
        let as_other = weight.value() * other.base_factor() / recent;
        // Only heavier than usual: lighter loads are warm-ups, light days
        // and back-off sets, which nobody should have to confirm.
        let far = as_typed >= UNIT_FAR;
        let near = (1.0 / UNIT_NEAR..=UNIT_NEAR).contains(&as_other);
        if far
            && near
            && let Some(meant) = Weight::new(weight.value(), other)
        {
            out.push(LogWarning {
                code: LogWarningCode::OtherUnit,
                set,
                recent: Weight::new(recent / unit.base_factor(), unit),
                ratio: Some((as_typed * 10.0).round() / 10.0),
                text: format!(
                    "{name}: {} is {} times your recent working weight ({}); did you mean {}?",
                    show(weight),
                    round1(as_typed),
                    show(Weight::new(recent / unit.base_factor(), unit).unwrap_or(weight)),
                    show(meant)
                ),
                suggestion: Some(SetInput {
                    load: Load::Weight { weight: meant },
                    ..input.clone()
                }),
            });
        }
    }
    out
}

/// Whether the exercise's load includes a whole bar on the person's rack:
/// compound barbell and trap-bar lifts. Curls may use a fixed or EZ bar, and
/// landmine and T-bar work loads one end of a bar resting on the floor.
fn loads_a_whole_bar(e: &Exercise) -> bool {
    matches!(e.equipment, Equipment::Barbell | Equipment::TrapBar)
        && (e.axial
            || matches!(
                e.pattern,
                Pattern::Squat | Pattern::Hinge | Pattern::Lunge | Pattern::Push
            ))
        && !e.id.starts_with("landmine")
        && !e.id.starts_with("t-bar")
}

/// More than anyone has lifted with this equipment, kg: the heaviest
/// deadlift on record is 501 kg; a dumbbell or kettlebell of 150 kg is past
/// any strongman's. Machines, sleds and plates have no ceiling here (a leg
/// press can carry more than any free weight). [design]
fn record_ceiling_kg(e: &Exercise) -> Option<f64> {
    match e.equipment {
        Equipment::Barbell | Equipment::TrapBar | Equipment::SmithMachine | Equipment::EzBar => {
            Some(505.0)
        }
        Equipment::Dumbbell | Equipment::Kettlebell => Some(150.0),
        _ => None,
    }
}

fn show(w: Weight) -> String {
    format!(
        "{} {}",
        crate::model::format_milli(w.milli()),
        w.unit().symbol()
    )
}

fn round1(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn exercise(id: &str) -> Exercise {
        catalog::builtin()
            .expect("catalog")
            .exercises
            .iter()
            .find(|e| e.id == id)
            .cloned()
            .expect("exercise")
    }

    fn set(ex: &Exercise, kg: f64, unit: WeightUnit, reps: u32) -> SetInput {
        SetInput {
            load: Load::Weight {
                weight: Weight::new(kg, unit).expect("weight"),
            },
            reps: Some(reps),
            ..SetInput::new(&ex.id)
        }
    }

    fn ctx<'a>(ex: &'a Exercise, recent: Option<f64>, planned: &'a [Weight]) -> SetContext<'a> {
        SetContext {
            exercise: ex,
            bar_kg: 20.0,
            recent_kg: recent,
            planned,
        }
    }

    #[test]
    fn swapped_load_and_reps_suggest_the_other_way_round() {
        let squat = exercise("back-squat");
        let w = check(
            0,
            &set(&squat, 5.0, WeightUnit::Kg, 100),
            ctx(&squat, None, &[]),
        );
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, LogWarningCode::LooksSwapped);
        assert!(
            w[0].text.contains("did you mean 100 kg x 5"),
            "{}",
            w[0].text
        );
        let s = w[0].suggestion.as_ref().expect("suggestion");
        assert_eq!(s.reps, Some(5));
        assert_eq!(s.load, set(&squat, 100.0, WeightUnit::Kg, 5).load);
    }

    #[test]
    fn a_barbell_load_under_the_bar_is_questioned_but_not_a_dumbbell() {
        let squat = exercise("back-squat");
        let w = check(
            2,
            &set(&squat, 15.0, WeightUnit::Kg, 5),
            ctx(&squat, None, &[]),
        );
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].code, w[0].set), (LogWarningCode::BelowBar, 2));
        assert!(w[0].text.contains("empty bar (20 kg)"), "{}", w[0].text);
        // Curls may use a fixed or EZ bar; a landmine loads one end of a bar.
        for id in ["dumbbell-curl", "barbell-curl", "landmine-press"] {
            let e = exercise(id);
            let w = check(0, &set(&e, 15.0, WeightUnit::Kg, 5), ctx(&e, None, &[]));
            assert!(w.is_empty(), "{id}: {w:?}");
        }
        // The bar itself is fine.
        assert!(
            check(
                0,
                &set(&squat, 20.0, WeightUnit::Kg, 5),
                ctx(&squat, None, &[])
            )
            .is_empty()
        );
    }

    #[test]
    fn pounds_typed_into_a_kg_profile_ask_about_the_unit() {
        let bench = exercise("bench-press");
        // Recent 71.44 kg (157.5 lb); 135 typed as kg is 1.9x, as lb 0.86x.
        let w = check(
            0,
            &set(&bench, 135.0, WeightUnit::Kg, 5),
            ctx(&bench, Some(71.44), &[]),
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].code, LogWarningCode::OtherUnit);
        assert!(w[0].text.contains("did you mean 135 lb?"), "{}", w[0].text);
        // The other way, 135 typed in a lb profile by someone who benches
        // 300 lb (136 kg) reads as 135 lb, 0.45 of it: lighter loads
        // (warm-ups, light days) are never questioned.
        let w = check(
            0,
            &set(&bench, 135.0, WeightUnit::Lb, 5),
            ctx(&bench, Some(136.0), &[]),
        );
        assert!(w.is_empty(), "{w:?}");
        // A first session is judged against its plan: 45 typed where the
        // plan says 20 kg reads as 45 lb = 20.4 kg.
        let planned = [Weight::new(20.0, WeightUnit::Kg).expect("w")];
        let w = check(
            0,
            &set(&bench, 45.0, WeightUnit::Kg, 5),
            ctx(&bench, None, &planned),
        );
        assert_eq!(
            w.first().map(|w| w.code),
            Some(LogWarningCode::OtherUnit),
            "{w:?}"
        );
        // A real step up is not a unit slip: 80 kg after 70 kg.
        assert!(
            check(
                0,
                &set(&bench, 80.0, WeightUnit::Kg, 5),
                ctx(&bench, Some(70.0), &[])
            )
            .is_empty()
        );
        // Far from recent in both units (a new lifter's history): no guess.
        assert!(
            check(
                0,
                &set(&bench, 300.0, WeightUnit::Kg, 1),
                ctx(&bench, Some(40.0), &[])
            )
            .is_empty()
        );
    }

    #[test]
    fn a_load_beyond_any_record_is_questioned_with_the_likely_unit() {
        let squat = exercise("back-squat");
        let w = check(
            0,
            &set(&squat, 1000.0, WeightUnit::Kg, 5),
            ctx(&squat, None, &[]),
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].code, LogWarningCode::BeyondRecords);
        // 1000 lb is 453.6 kg: possible, so that is the suggestion.
        let s = w[0].suggestion.as_ref().expect("suggestion");
        assert_eq!(s.load, set(&squat, 1000.0, WeightUnit::Lb, 5).load);
        // In pounds, no lighter reading exists.
        let w = check(
            0,
            &set(&squat, 1200.0, WeightUnit::Lb, 1),
            ctx(&squat, None, &[]),
        );
        assert_eq!(
            (w[0].code, w[0].suggestion.is_none()),
            (LogWarningCode::BeyondRecords, true)
        );
        // A heavy leg press is not beyond anything.
        let press = exercise("leg-press");
        assert!(
            check(
                0,
                &set(&press, 600.0, WeightUnit::Kg, 10),
                ctx(&press, Some(550.0), &[])
            )
            .is_empty()
        );
    }

    #[test]
    fn a_load_the_plan_prescribes_is_never_questioned() {
        let squat = exercise("back-squat");
        let bar = [Weight::new(20.0, WeightUnit::Kg).expect("w")];
        // The plan says 20 kg although the lifter squatted 60 kg lately.
        let planned_ok = check(
            0,
            &set(&squat, 20.0, WeightUnit::Kg, 5),
            ctx(&squat, Some(60.0), &bar),
        );
        assert!(planned_ok.is_empty());
        // Off the plan, the same load is judged.
        let judged = check(
            0,
            &set(&squat, 10.0, WeightUnit::Kg, 5),
            ctx(&squat, Some(60.0), &bar),
        );
        assert_eq!(judged[0].code, LogWarningCode::BelowBar);
    }

    #[test]
    fn sets_without_a_weight_are_not_judged() {
        let plank = exercise("plank");
        let mut s = SetInput::new(&plank.id);
        s.duration_ms = Some(60_000);
        assert!(check(0, &s, ctx(&plank, None, &[])).is_empty());
    }
}
