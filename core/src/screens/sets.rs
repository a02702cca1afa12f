//! How a set reads on a screen: a planned set ("40 kg × 5", "Body weight,
//! 10 kg assistance × 8–12, red band", "30 s") and a logged one ("42.5 kg
//! × 5 · RIR 2"), in the person's language.

use crate::model::{Load, SetInput, Weight};
use crate::progression::plan::{PlannedLoad, PlannedSet};
use crate::text::{Arg, Text};

fn load_text(load: &PlannedLoad, text: &Text) -> Option<String> {
    match load {
        PlannedLoad::None => None,
        PlannedLoad::Weight { weight } => Some(text.weight(*weight)),
        PlannedLoad::Bodyweight { added } => Some(body_weight(*added, text)),
        PlannedLoad::FindLoad { start: Some(w) } => {
            Some(text.with("load-work-up-from", &[("weight", text.weight(*w).into())]))
        }
        PlannedLoad::FindLoad { start: None } => Some(text.get("load-work-up")),
    }
}

pub(super) fn body_weight(added: Option<Weight>, text: &Text) -> String {
    match added {
        None => text.get("load-body-weight"),
        Some(w) if w.milli() < 0 => {
            let assist = Weight::from_milli(-w.milli(), w.unit());
            text.with(
                "load-body-weight-assisted",
                &[("weight", text.weight(assist).into())],
            )
        }
        Some(w) => text.with(
            "load-body-weight-plus",
            &[("weight", text.weight(w).into())],
        ),
    }
}

/// Reps (or seconds) and the load they are done with: "40 kg × 5",
/// "40 kg × 8–12", "5 reps", "8–12 reps", "30 s".
pub(super) fn reps_with_load(
    load: Option<String>,
    reps: (u32, u32),
    timed: bool,
    text: &Text,
) -> String {
    let (min, max) = reps;
    if timed {
        let held = text.with("hold-seconds", &[("seconds", Arg::Count(min.into()))]);
        return match load {
            Some(load) => text.with(
                "set-load-hold",
                &[("load", load.into()), ("hold", held.into())],
            ),
            None => held,
        };
    }
    match load {
        Some(load) => {
            let count = if min == max {
                min.to_string()
            } else {
                text.with(
                    "reps-span",
                    &[
                        ("min", min.to_string().into()),
                        ("max", max.to_string().into()),
                    ],
                )
            };
            text.with(
                "set-load-reps",
                &[("load", load.into()), ("reps", count.into())],
            )
        }
        None if min == max => text.with("reps-fixed", &[("reps", Arg::Count(min.into()))]),
        None => text.with(
            "reps-range",
            &[
                ("min", min.to_string().into()),
                ("max", max.to_string().into()),
            ],
        ),
    }
}

pub(super) fn with_band(set: String, band: Option<&str>, text: &Text) -> String {
    match band {
        Some(b) => text.with("set-with-band", &[("set", set.into()), ("band", b.into())]),
        None => set,
    }
}

/// A planned set: "40 kg × 5", "Body weight × 8–12 reps", "30 s, red band".
pub(super) fn planned_set(p: &PlannedSet, text: &Text) -> String {
    let set = reps_with_load(
        load_text(&p.load, text),
        (p.reps.min.into(), p.reps.max.into()),
        p.timed,
        text,
    );
    with_band(set, p.band.as_deref(), text)
}

/// A logged set as entered: "42.5 kg × 5 · RIR 2".
pub(super) fn logged_set(s: &SetInput, text: &Text) -> String {
    let load = match &s.load {
        Load::None => None,
        Load::Weight { weight } => Some(text.weight(*weight)),
        Load::Bodyweight { added } => Some(body_weight(*added, text)),
    };
    let set = match (s.reps, s.duration_ms) {
        (Some(r), _) => reps_with_load(load, (r, r), false, text),
        (None, Some(ms)) => reps_with_load(load, (ms / 1000, ms / 1000), true, text),
        (None, None) => load.unwrap_or_default(),
    };
    let set = with_band(set, s.band.as_deref(), text);
    match s.logged_effort() {
        Some(e) => text.with(
            "done-with-rir",
            &[("set", set.into()), ("rir", text.number(e.rir(), 1).into())],
        ),
        None => set,
    }
}
