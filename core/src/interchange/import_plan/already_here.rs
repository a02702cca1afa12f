//! Sets this database already has under other ids.
//!
//! The ids an import derives never match the ids of sets logged in Heft,
//! synced from another device or imported from another app's file, so
//! without this rule importing Heft's own Strong-layout export into the
//! database it came from would add every set a second time. A workout of
//! the file whose derived id is not here, but which started when a live
//! workout here started (to the precision the file writes times in, read
//! as the workout's own local time or in the device's time zone:
//! [`start_window`]) under a name that does not contradict it, is
//! that workout ([`choose`]). Each of the file's sets in it is then matched
//! with the workout's sets ([`SetsHere::take`]): the first one of the same
//! exercise, with the same load (within [`LOAD_TOLERANCE_KG`]) and reps,
//! that no earlier set of the file took, in the workout's order. A set that
//! finds one is already here and is not added; one that finds none is
//! added. So a file with three sets of 5 at 100 kg adds nothing to a
//! workout that has those three, and a file with four such sets adds one.
//!
//! A set matched with a set deleted here stays deleted, as a row deleted
//! here does when its id comes again.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDateTime, Timelike};

use super::HeldSet;
use crate::clock::Clock;
use crate::interchange::{CsvTime, CsvWorkout};
use crate::model::{Load, SetInput, Timestamp, WeightUnit, Workout};

/// Two loads closer than this, in kg, are the same load. A file's loads are
/// rounded: Heft's Strong layout writes a load converted to the file's unit
/// to 0.01 (225 lb is 102.06 kg, off by 0.002 kg), and other apps keep one
/// or two decimals of a converted value (0.05 kg off at worst). Real loads
/// differ by at least a fractional plate (0.25 lb, 0.11 kg), more than
/// twice this.
pub(super) const LOAD_TOLERANCE_KG: f64 = 0.05;

/// Milliseconds in a minute, a second and a millisecond: the precisions a
/// file's time of day can have.
const MINUTE_MS: i64 = 60_000;
const SECOND_MS: i64 = 1000;

/// When a workout here must have started to be a workout of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct StartWindow {
    /// UTC milliseconds `[from, to)` to look in.
    pub from_ms: i64,
    pub to_ms: i64,
    /// For a file of local times (no offset): the local times `[from, to)`
    /// and the same read in the device's time zone of today, as UTC
    /// milliseconds; a workout's start falls in either.
    local: Option<((NaiveDateTime, NaiveDateTime), (i64, i64))>,
}

/// Offsets span UTC-12 to UTC+14: a local time read in any two of them is
/// at most this far apart.
const OFFSETS_SPAN_MS: i64 = 26 * 3600 * 1000;

impl StartWindow {
    /// Whether `w` started within the window.
    pub(super) fn holds(&self, w: &Workout) -> bool {
        let at = w.started_at.utc_ms();
        match self.local {
            Some(((from, to), (from_ms, to_ms))) => {
                let local = w.started_at.0.naive_local();
                (from <= local && local < to) || (from_ms <= at && at < to_ms)
            }
            None => self.from_ms <= at && at < self.to_ms,
        }
    }
}

/// When a workout here may have started to be workout `w` of the file,
/// which started at `started` (its start as stored), given the precision
/// the file writes its start in: a day for a file of dates only, else a
/// minute when the time has no seconds (Strong writes `07:30:00`), a second
/// when it has no fraction, else a millisecond. Files cut times rather than
/// round them (Heft's writers do), so the window starts at the file's time.
/// A file's local time (no offset, as the Strong layout writes) is read
/// two ways, and a workout here that started in either window is the one:
/// as the local time it started at in its own stored offset (the one
/// Heft's export wrote, which the device's time zone of today would miss
/// for a workout logged in another zone or across a change to or from
/// summer time), and as a local time of the device (another app's file,
/// written where the device is). `None` for a day the device's time zone
/// cannot place.
pub(super) fn start_window(
    w: &CsvWorkout,
    started: Timestamp,
    zone: &dyn Clock,
) -> Option<StartWindow> {
    let (local, exact) = match w.start {
        CsvTime::Local(t) => (t, false),
        CsvTime::Exact(t) => (t.naive_local(), true),
    };
    let (from, to) = if w.time_known {
        let precision = if local.nanosecond() != 0 {
            1
        } else if local.second() != 0 {
            SECOND_MS
        } else {
            MINUTE_MS
        };
        (local, local + chrono::TimeDelta::milliseconds(precision))
    } else {
        let midnight = local.date().and_hms_opt(0, 0, 0)?;
        (midnight, local.date().succ_opt()?.and_hms_opt(0, 0, 0)?)
    };
    if exact && w.time_known {
        let from_ms = started.utc_ms();
        let to_ms = from_ms.saturating_add((to - from).num_milliseconds());
        return Some(StartWindow {
            from_ms,
            to_ms,
            local: None,
        });
    }
    let (here_from, here_to) = if w.time_known {
        let at = started.utc_ms();
        (at, at.saturating_add((to - from).num_milliseconds()))
    } else {
        (utc_ms(from, zone)?, utc_ms(to, zone)?)
    };
    Some(StartWindow {
        from_ms: here_from.saturating_sub(OFFSETS_SPAN_MS),
        to_ms: here_to.saturating_add(OFFSETS_SPAN_MS),
        local: Some(((from, to), (here_from, here_to))),
    })
}

/// A local time of the device as UTC milliseconds.
fn utc_ms(t: NaiveDateTime, zone: &dyn Clock) -> Option<i64> {
    t.and_local_timezone(zone.offset_at(t))
        .earliest()
        .map(|t| t.timestamp_millis())
}

/// The workout here that a workout of the file named `name` (as it would be
/// stored) and started at `start_ms` is, among `candidates` (the live
/// workouts started within its [`start_window`]): one whose name is the
/// file's, else one without a name (Heft's Strong layout writes an unnamed
/// workout's title, "Evening workout", in its place), the nearest start
/// first. A workout another of the file's workouts already stands for
/// (`claimed`) is not chosen again, so two workouts of the file never share
/// the sets of one here.
pub(super) fn choose(
    candidates: Vec<Workout>,
    name: Option<&str>,
    start_ms: i64,
    claimed: &HashSet<String>,
) -> Option<Workout> {
    candidates
        .into_iter()
        .filter(|w| !claimed.contains(&w.id))
        .filter_map(|w| {
            let named_alike = match (name, w.name.as_deref()) {
                (Some(a), Some(b)) if a == b => true,
                (Some(_), Some(_)) => return None,
                _ => false,
            };
            let distance = w.started_at.utc_ms().abs_diff(start_ms);
            Some(((!named_alike, distance), w))
        })
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, w)| w)
}

/// Whether a matched set is live here or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// Live: the set is already here.
    Live,
    /// Deleted here: it stays deleted.
    Deleted,
}

/// A set of a workout here, as far as matching needs it.
#[derive(Debug)]
struct SetHere {
    id: String,
    load_kg: f64,
    reps: u32,
    deleted: bool,
}

/// The sets of one workout here not yet matched, by exercise, in the
/// workout's order. Matched sets are removed, so a workout whose every set
/// came again holds nothing.
#[derive(Debug, Default)]
pub(super) struct SetsHere {
    by_exercise: HashMap<String, Vec<SetHere>>,
}

impl SetsHere {
    /// The sets of a workout here, live and deleted, in its order.
    pub(super) fn new(sets: Vec<HeldSet>) -> Self {
        let mut by_exercise: HashMap<String, Vec<SetHere>> = HashMap::new();
        for held in sets {
            let input = held.set.input;
            by_exercise
                .entry(input.exercise_id)
                .or_default()
                .push(SetHere {
                    id: held.set.id,
                    load_kg: load_kg(input.load),
                    reps: input.reps.unwrap_or(0),
                    deleted: held.deleted,
                });
        }
        SetsHere { by_exercise }
    }

    /// Takes the first set here not matched yet that is the file's set
    /// `input`: same exercise, load within [`LOAD_TOLERANCE_KG`], same reps
    /// (none and 0 alike: Strong writes 0 for none). `None` when there is
    /// none, and the set is new.
    pub(super) fn take(&mut self, input: &SetInput) -> Option<Found> {
        let sets = self.by_exercise.get_mut(&input.exercise_id)?;
        let load = load_kg(input.load);
        let reps = input.reps.unwrap_or(0);
        let i = sets
            .iter()
            .position(|s| s.reps == reps && (s.load_kg - load).abs() <= LOAD_TOLERANCE_KG)?;
        let taken = sets.remove(i);
        if sets.is_empty() {
            self.by_exercise.remove(&input.exercise_id);
        }
        Some(if taken.deleted {
            Found::Deleted
        } else {
            Found::Live
        })
    }

    /// Removes set `id`, which a set of the file found by its own id: it is
    /// not another set of the file.
    pub(super) fn forget(&mut self, id: &str) {
        for sets in self.by_exercise.values_mut() {
            if let Some(i) = sets.iter().position(|s| s.id == id) {
                sets.remove(i);
                return;
            }
        }
    }
}

/// The load of a set in kg: the external load or the load added to body
/// weight (negative for assistance), 0 for none. Files do not tell the
/// kinds of load apart (Strong writes 0 for body weight alone and for no
/// load), so neither does matching.
fn load_kg(load: Load) -> f64 {
    match load {
        Load::Weight { weight }
        | Load::Bodyweight {
            added: Some(weight),
        } => weight.in_unit(WeightUnit::Kg),
        Load::None | Load::Bodyweight { added: None } => 0.0,
    }
}
