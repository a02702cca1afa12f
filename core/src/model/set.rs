//! Sets: the unit of logging.

use serde::{Deserialize, Serialize};

use super::names::named_enum;
use super::{Distance, Timestamp, Weight};

/// What a set was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SetKind {
    /// Preparation; excluded from records and volume.
    Warmup,
    /// A normal work set.
    #[default]
    Working,
    /// A drop set following a heavier set.
    Drop,
    /// Taken to failure.
    Failure,
}
named_enum!(SetKind, "set kind" {
    Warmup => "warmup", Working => "working", Drop => "drop", Failure => "failure",
});

/// What a set was for in the session the program planned. Free logging
/// leaves it unknown (`None`); [`SetKind`] still says whether the person
/// marked a warm-up.
///
/// The role decides what a set may count for: technique and warm-up sets
/// never count as heavy or hard, nor as evidence for records or the
/// estimated 1RM (docs/ANALYTICS.md, "Which sets count").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SetRole {
    /// Learning the movement at light loads (a familiarization phase or the
    /// engine's ramp): practice, not loading.
    Technique,
    /// A planned warm-up before the working sets.
    Warmup,
    /// A planned working set.
    Working,
}
named_enum!(SetRole, "set role" {
    Technique => "technique", Warmup => "warmup", Working => "working",
});

/// Where a set's effort came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum EffortSource {
    /// The person said how hard it was.
    Logged,
    /// The set was logged as prescribed, so it carries the plan's target:
    /// an assumption, weaker evidence than a logged effort.
    Prescribed,
}
named_enum!(EffortSource, "effort source" {
    Logged => "logged", Prescribed => "prescribed",
});

/// How hard a set was, on the scale the person used.
/// JSON: `{"scale": "rir", "value": 2.0}` or `{"scale": "rpe", "value": 8.5}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "scale", content = "value", rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Effort {
    /// Repetitions in reserve, 0-10 in half steps.
    Rir(f64),
    /// Rating of perceived exertion, 1-10 in half steps.
    Rpe(f64),
}

impl Effort {
    /// Repetitions in reserve, converting RPE by RIR = 10 - RPE (Zourdos 2016).
    pub fn rir(self) -> f64 {
        match self {
            Effort::Rir(r) => r,
            Effort::Rpe(r) => RPE_OF_NO_RESERVE - r,
        }
    }

    /// Rating of perceived exertion, converting RIR by RPE = 10 - RIR.
    pub fn rpe(self) -> f64 {
        match self {
            Effort::Rir(r) => RPE_OF_NO_RESERVE - r,
            Effort::Rpe(r) => r,
        }
    }
}

/// The RPE of a set taken to failure: the one constant of the RIR-based RPE
/// scale, so RIR = 10 - RPE (Zourdos 2016). The only place the two scales meet.
const RPE_OF_NO_RESERVE: f64 = 10.0;

/// What was moved.
/// JSON: `{"type": "none"}`, `{"type": "weight", "weight": {...}}` or
/// `{"type": "bodyweight", "added": {...} | null}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Load {
    /// No load recorded (timed, distance or band sets).
    None,
    /// An external load such as a barbell.
    Weight {
        /// The load as entered.
        weight: Weight,
    },
    /// The person's body weight, with load added (positive) or assistance (negative).
    Bodyweight {
        /// Added load, or assistance when negative; `None` for body weight alone.
        added: Option<Weight>,
    },
}

/// Landings from jumps, for the bone-loading dose.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Impact {
    /// Number of landings.
    pub landings: u32,
    /// Drop height in centimetres, when known.
    pub drop_height_cm: Option<f64>,
}

/// Everything about a set that a person enters: used to log and to edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetInput {
    /// The exercise's id.
    pub exercise_id: String,
    /// Warm-up, working, drop or failure.
    pub kind: SetKind,
    /// The load.
    pub load: Load,
    /// Repetitions done.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reps: Option<u32>,
    /// How hard it was.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub effort: Option<Effort>,
    /// Duration in milliseconds (holds, runs).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub duration_ms: Option<u32>,
    /// Distance covered.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub distance: Option<Distance>,
    /// Landings, for jumps.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub impact: Option<Impact>,
    /// Pain during the set, 0 (none) to 10 (worst imaginable).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pain: Option<u8>,
    /// Free text.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub note: Option<String>,
    /// What the set was for in the planned session; `None` when logged freely.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub role: Option<SetRole>,
    /// Where `effort` came from; `None` with an effort means the person gave it
    /// (sets logged before sources were recorded).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub effort_source: Option<EffortSource>,
    /// The elastic band used, by the name in the person's band list.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub band: Option<String>,
}

impl SetInput {
    /// The unit of the load, when it has a weight.
    pub fn load_unit(&self) -> Option<super::WeightUnit> {
        match self.load {
            Load::Weight { weight }
            | Load::Bodyweight {
                added: Some(weight),
            } => Some(weight.unit()),
            Load::None | Load::Bodyweight { added: None } => None,
        }
    }

    /// A working set of `exercise_id` with nothing else filled in.
    pub fn new(exercise_id: impl Into<String>) -> Self {
        SetInput {
            exercise_id: exercise_id.into(),
            kind: SetKind::Working,
            load: Load::None,
            reps: None,
            effort: None,
            duration_ms: None,
            distance: None,
            impact: None,
            pain: None,
            note: None,
            role: None,
            effort_source: None,
            band: None,
        }
    }

    /// Whether the set is preparation (a warm-up by kind or by role, or
    /// technique practice): it never counts as heavy, hard, or as evidence
    /// for records and the estimated 1RM.
    pub fn is_preparation(&self) -> bool {
        self.kind == SetKind::Warmup
            || matches!(self.role, Some(SetRole::Warmup | SetRole::Technique))
    }

    /// The set after an edit to `self` that gave `new`: what the edit does
    /// not restate is kept. An edit made in set notation cannot state a
    /// role, an effort source or a band, and must not drop them: a
    /// technique set edited to fix its reps is still technique practice.
    /// Nor can it state a note, pain or drop landings: they stay unless
    /// the edit gives new ones. An effort that changed is the person's
    /// own; a band and landings stay only on the same exercise.
    pub fn edited(&self, new: SetInput) -> SetInput {
        let effort_source = match (new.effort_source, new.effort) {
            (Some(source), _) => Some(source),
            (None, None) => None,
            (None, effort) if effort == self.effort => self.effort_source,
            (None, Some(_)) => Some(EffortSource::Logged),
        };
        let same_exercise = new.exercise_id == self.exercise_id;
        SetInput {
            role: new.role.or(self.role),
            effort_source,
            band: new
                .band
                .clone()
                .or_else(|| self.band.clone().filter(|_| same_exercise)),
            note: new.note.clone().or_else(|| self.note.clone()),
            pain: new.pain.or(self.pain),
            impact: new.impact.or(self.impact.filter(|_| same_exercise)),
            ..new
        }
    }

    /// The effort the person reported, if they reported one (not the plan's
    /// target carried by a set logged as prescribed).
    pub fn logged_effort(&self) -> Option<Effort> {
        match self.effort_source {
            Some(EffortSource::Prescribed) => None,
            _ => self.effort,
        }
    }
}

/// A logged set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetEntry {
    /// UUIDv7.
    pub id: String,
    /// The workout it belongs to.
    pub workout_id: String,
    /// The exercise's display name (denormalised for display).
    pub exercise_name: String,
    /// Order within the workout, from 1.
    pub position: u32,
    /// When it was logged (or backdated to).
    pub performed_at: Timestamp,
    /// What was entered.
    #[serde(flatten)]
    pub input: SetInput,
    /// What the program prescribed for it, once its session was finished.
    #[serde(default)]
    pub target: Option<SetTarget>,
}

/// What a program prescribed for a set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetTarget {
    /// Load prescribed.
    pub weight: Option<Weight>,
    /// Reps prescribed (the low end of a range).
    pub reps: Option<u32>,
    /// Reps in reserve prescribed.
    pub rir: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rir_and_rpe_are_one_scale_read_two_ways() {
        assert_eq!(Effort::Rpe(8.5).rir(), 1.5);
        assert_eq!(Effort::Rir(1.5).rpe(), 8.5);
        assert_eq!(Effort::Rir(3.0).rir(), 3.0);
        assert_eq!(Effort::Rpe(7.0).rpe(), 7.0);
        for half_steps in 0..=20 {
            let rir = f64::from(half_steps) / 2.0;
            assert_eq!(Effort::Rpe(Effort::Rir(rir).rpe()).rir(), rir);
        }
    }

    #[test]
    fn an_edit_keeps_what_it_does_not_restate() {
        let before = SetInput {
            role: Some(SetRole::Technique),
            effort: Some(Effort::Rir(2.5)),
            effort_source: Some(EffortSource::Prescribed),
            band: Some("red".into()),
            reps: Some(5),
            ..SetInput::new("band-row")
        };
        // Reps fixed in set notation: role, source and band stay.
        let fixed = before.edited(SetInput {
            reps: Some(4),
            effort: Some(Effort::Rir(2.5)),
            ..SetInput::new("band-row")
        });
        assert_eq!(fixed.reps, Some(4));
        assert_eq!(fixed.role, Some(SetRole::Technique));
        assert_eq!(fixed.effort_source, Some(EffortSource::Prescribed));
        assert_eq!(fixed.band.as_deref(), Some("red"));
        // A new effort is the person's; no effort has no source.
        let rated = before.edited(SetInput {
            effort: Some(Effort::Rpe(8.0)),
            ..SetInput::new("band-row")
        });
        assert_eq!(rated.effort_source, Some(EffortSource::Logged));
        assert_eq!(before.edited(SetInput::new("band-row")).effort_source, None);
        // Another exercise: the band does not follow; a stated band wins.
        assert_eq!(before.edited(SetInput::new("deadlift")).band, None);
        let green = before.edited(SetInput {
            band: Some("green".into()),
            ..SetInput::new("band-row")
        });
        assert_eq!(green.band.as_deref(), Some("green"));
    }

    #[test]
    fn an_edit_keeps_the_note_pain_and_landings_the_notation_cannot_say() {
        let jumps = Some(Impact {
            landings: 5,
            drop_height_cm: Some(30.0),
        });
        let before = SetInput {
            note: Some("left knee".into()),
            pain: Some(4),
            impact: jumps,
            reps: Some(5),
            ..SetInput::new("box-jump")
        };
        let fixed = before.edited(SetInput {
            reps: Some(6),
            ..SetInput::new("box-jump")
        });
        assert_eq!(
            (fixed.note.as_deref(), fixed.pain, fixed.impact, fixed.reps),
            (Some("left knee"), Some(4), jumps, Some(6))
        );
        // Given anew, they replace; landings do not follow to another exercise.
        let moved = before.edited(SetInput {
            pain: Some(1),
            ..SetInput::new("back-squat")
        });
        assert_eq!((moved.pain, moved.impact), (Some(1), None));
    }
}
