//! Scenario tests: a synthetic lifter trains a simulated year of every
//! built-in program through the public API (plan -> log -> finish).
//!
//! Three lifters (a 68-year-old untrained woman with osteopenia, a
//! 45-year-old runner, a 55-year-old man back after 10 weeks off) each have a
//! hidden true 1RM per movement family that grows slowly with training (more
//! slowly with age) and decays in breaks. Asked for a load, the lifter does
//! what that 1RM allows (Epley's inverse), reports the reps in reserve,
//! sometimes misses a rep or reports pain, and misses a week or two (the
//! runner takes five weeks off mid-year). Every session is checked against
//! the program file and SCIENCE.md as it happens; each violation is filed
//! under a category, and the per-program test fails on any of them. The year
//! is written to
//! `tests/golden/scenarios/<program>--<lifter>.txt`, one line per session,
//! for review; `UPDATE_GOLDEN=1` rewrites the files.
//!
//! Categories: `sequence` (session n is where the program file puts it,
//! whatever the calendar did), `frequency`, `prescription` (sets x reps,
//! exercise, effort target against the slot), `intensity`, `dose`,
//! `safety`, `safety_swap`, `layoff`, `seeding`, `deload`, `calibration`,
//! `low_bone_mass_cap`, `percent_band`, `increments`, `failed_rep_raise`,
//! `pain`, `stall`, `no_progress`, `estimate`, `over_e1rm`, and `phase_reset` for the
//! session-to-session rules broken across a phase boundary. Each category
//! also has a test of its own over every program.

// Helpers here unwrap: in a test, a panic is a failed test with its reason.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime, Weekday};
use heft_core::clock::ManualClock;
use heft_core::model::{
    BoneStatus, Effort, Equipment, Exercise, Impact, Load, Measure, Pattern, ProfileUpdate,
    SetInput, SetKind, Sex, Weight, WeightUnit,
};
use heft_core::progression::WarningCode;
use heft_core::progression::builtin::BUILTIN_PROGRAMS;
use heft_core::progression::loading::Loadout;
use heft_core::progression::plan::{DoseLevel, PlannedLoad, PlannedSet, SessionPlan};
use heft_core::progression::program::{Intensity, PhaseKind, Program, Rule, Slot};
use heft_core::progression::strength::fraction_of_1rm;
use heft_core::{FinishWorkout, Heft, LogTime};

mod support;
use support::{FAMILIES, Family, Rng, family, half, monday};

// ---------------------------------------------------------------------------
// The lifters.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// 68, female, untrained, osteopenia; a 15 kg bar and micro plates.
    Woman68,
    /// 45, male, runs 200 min a week, moderately strong, nothing logged.
    Runner45,
    /// 55, male, 12 weeks of logged training ending 10 weeks before the start.
    Man55,
}

const LIFTERS: [Who; 3] = [Who::Woman68, Who::Runner45, Who::Man55];

/// The first day of every simulated year: a Monday.
fn start_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

impl Who {
    fn slug(self) -> &'static str {
        match self {
            Who::Woman68 => "woman-68-osteopenia",
            Who::Runner45 => "runner-45",
            Who::Man55 => "man-55-returning",
        }
    }

    fn age(self) -> i32 {
        match self {
            Who::Woman68 => 68,
            Who::Runner45 => 45,
            Who::Man55 => 55,
        }
    }

    fn low_bone_mass(self) -> bool {
        self == Who::Woman68
    }

    fn running_min_week(self) -> Option<u16> {
        (self == Who::Runner45).then_some(200)
    }

    fn profile(self) -> ProfileUpdate {
        let mut p = ProfileUpdate {
            birth_year: Some(start_date().year() - self.age()),
            ..ProfileUpdate::default()
        };
        match self {
            Who::Woman68 => {
                p.sex = Some(Sex::Female);
                p.bone_status = Some(BoneStatus::Osteopenia);
                // A 15 kg bar and micro plates: an 18 kg press cannot start
                // on a 20 kg bar (see the report on the empty-bar floor).
                let mut l = Loadout::standard(WeightUnit::Kg);
                l.bar = 15.0;
                l.fractional = Loadout::standard_fractional(WeightUnit::Kg);
                // Light dumbbells in 1 kg steps, as gyms have them: with 2 kg
                // steps a 4 kg press has no next step under 50%, and the
                // plan holds it (and says why) all year.
                l.dumbbell_step = 1.0;
                p.loadout = Some(l);
            }
            Who::Runner45 => {
                p.sex = Some(Sex::Male);
                p.bone_status = Some(BoneStatus::Normal);
                p.running_min_week = self.running_min_week();
            }
            Who::Man55 => {
                p.sex = Some(Sex::Male);
                p.bone_status = Some(BoneStatus::Normal);
            }
        }
        p
    }

    /// True 1RM per family on the first day of the program, kg.
    fn start_1rm(self, f: Family) -> f64 {
        let (squat, hinge, press, bench, row) = match self {
            Who::Woman68 => (35.0, 45.0, 18.0, 25.0, 25.0),
            Who::Runner45 => (80.0, 100.0, 40.0, 60.0, 60.0),
            // 10 weeks off from the peak of his history (MAN_PEAK).
            Who::Man55 => {
                let k = man_decay();
                (
                    MAN_PEAK[0] * k,
                    MAN_PEAK[1] * k,
                    MAN_PEAK[2] * k,
                    MAN_PEAK[3] * k,
                    MAN_PEAK[4] * k,
                )
            }
        };
        match f {
            Family::Squat => squat,
            Family::Hinge => hinge,
            Family::Press => press,
            Family::Bench => bench,
            Family::Row => row,
        }
    }

    /// Share of 1RM gained per hard session (anabolic resistance with age).
    fn growth(self) -> f64 {
        match self {
            Who::Woman68 => 0.0035,
            Who::Runner45 => 0.006,
            Who::Man55 => 0.005,
        }
    }

    /// Most the 1RM can grow over the start, as a share.
    fn cap(self) -> f64 {
        match self {
            Who::Woman68 => 0.8,
            Who::Runner45 => 0.35,
            Who::Man55 => 0.3,
        }
    }

    /// Weeks (0-based from the start) with no training at all.
    fn weeks_off(self) -> &'static [i64] {
        match self {
            Who::Woman68 => &[15, 33],
            // One missed week, then five weeks off mid-year (a running injury).
            Who::Runner45 => &[9, 24, 25, 26, 27, 28],
            Who::Man55 => &[20, 40],
        }
    }

    /// Families that stop improving after a while: the man plateaus on his
    /// pressing, so the stall and deload rules get exercised.
    fn plateaus(self, f: Family) -> bool {
        self == Who::Man55 && matches!(f, Family::Press | Family::Bench)
    }
}

/// The man's true 1RM at the end of his logged history (squat, hinge, press, bench, row).
const MAN_PEAK: [f64; 5] = [120.0, 150.0, 55.0, 90.0, 80.0];
/// Sessions after which a plateauing family stops growing.
const PLATEAU_AFTER: u32 = 20;
/// Reps lost per earlier working set of the same exercise.
const FATIGUE: f64 = 0.3;

fn man_decay() -> f64 {
    // 10 weeks + 3 days off, 10 days of grace: as Body::decay.
    0.998f64.powi(73 - 10)
}

/// The lifter's hidden strength.
struct Body {
    who: Who,
    t: BTreeMap<Family, f64>,
    t0: BTreeMap<Family, f64>,
    last: BTreeMap<Family, NaiveDate>,
    hard_sessions: BTreeMap<Family, u32>,
}

impl Body {
    fn new(who: Who) -> Body {
        let t: BTreeMap<Family, f64> = FAMILIES.iter().map(|&f| (f, who.start_1rm(f))).collect();
        Body {
            who,
            t0: t.clone(),
            t,
            last: BTreeMap::new(),
            hard_sessions: BTreeMap::new(),
        }
    }

    fn one_rm(&self, ex: &Exercise) -> f64 {
        let (f, share) = family(ex);
        self.t[&f] * share
    }

    /// Strength lost since the family was last trained: 0.2% a day after
    /// 10 days of grace (about 1.4% a week).
    fn decay(&mut self, f: Family, on: NaiveDate) {
        if let Some(last) = self.last.get(&f) {
            let days = (on - *last).num_days() - 10;
            if days > 0 {
                *self.t.get_mut(&f).unwrap() *= 0.998f64.powi(days as i32);
            }
        }
    }

    /// One session of `f` at `intensity` (share of the exercise's 1RM).
    fn train(&mut self, f: Family, intensity: f64, on: NaiveDate) {
        self.last.insert(f, on);
        let n = self.hard_sessions.entry(f).or_insert(0);
        *n += 1;
        if self.who.plateaus(f) && *n > PLATEAU_AFTER {
            return;
        }
        let t0 = self.t0[&f];
        let t = self.t[&f];
        let room = (1.0 - (t / t0 - 1.0) / self.who.cap()).max(0.0);
        let effect = if intensity >= 0.6 { 1.0 } else { 0.4 };
        *self.t.get_mut(&f).unwrap() = t * (1.0 + self.who.growth() * room * effect);
    }
}

/// Reps possible at `load` with a true 1RM `t` (Epley's inverse; one rep
/// from the 1RM up to where Epley gives two).
fn possible_reps(t: f64, load: f64) -> f64 {
    if load <= 0.0 {
        return 30.0;
    }
    let r = t / load;
    if r < 1.0 {
        0.0
    } else if r < 1.0 + 2.0 / 30.0 {
        1.0 + 15.0 * (r - 1.0)
    } else {
        30.0 * (r - 1.0)
    }
}

// ---------------------------------------------------------------------------
// What the simulation records.

/// What the lifter did with one planned exercise.
#[derive(Debug, Clone, Default)]
struct Done {
    load: Option<f64>,
    found: bool,
    reps: Vec<u32>,
    rir: Vec<Option<f64>>,
    pain: Option<u8>,
    failed: bool,
    warmups: u32,
}

/// One lift as last seen, for the session-to-session checks.
#[derive(Debug, Clone)]
struct Seen {
    date: NaiveDate,
    load: f64,
    reps_min: u16,
    /// The slot's prescription in a training phase; empty when not comparable.
    context: String,
    failed: bool,
    pain: Option<u8>,
    change: Option<String>,
    equipment: Equipment,
    /// Sessions in a row at this load and rep target in this context.
    same: u32,
    /// Which run of a phase it was seen in (a phase that repeats is a new run).
    instance: u32,
}

/// A simulated year and what the checks found.
#[derive(Debug, Default)]
struct Year {
    who: Option<Who>,
    golden: String,
    violations: BTreeMap<&'static str, Vec<String>>,
    /// Counters of what happened, for the per-program presence checks.
    count: BTreeMap<&'static str, u32>,
    /// Relative increases of plate-loaded lower-body lifts.
    lower_bar_steps: Vec<f64>,
    /// First seeded why text per lift (the man).
    seeded: BTreeMap<String, String>,
    sessions: u32,
}

impl Year {
    fn fail(&mut self, category: &'static str, msg: String) {
        self.violations.entry(category).or_default().push(msg);
    }

    fn bump(&mut self, what: &'static str) {
        *self.count.entry(what).or_insert(0) += 1;
    }

    fn n(&self, what: &str) -> u32 {
        self.count.get(what).copied().unwrap_or(0)
    }
}

fn num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}

// ---------------------------------------------------------------------------
// The simulation.

struct Sim<'a> {
    heft: Heft,
    clock: Arc<ManualClock>,
    program: Program,
    who: Who,
    body: Body,
    rng: Rng,
    loadout: Loadout,
    exercises: HashMap<String, Exercise>,
    year: Year,
    /// Minutes logged per ISO week (Monday), from the durations given at finish.
    week_minutes: BTreeMap<NaiveDate, f64>,
    sessions_per_week: BTreeMap<NaiveDate, u32>,
    last_session: Option<NaiveDate>,
    seen: HashMap<String, Seen>,
    /// Sessions finished, and ramp sessions expected in front of the program.
    finished: u32,
    ramp_total: u32,
    familiarized: bool,
    /// Working loads and dates of the man's history, per exercise.
    history: &'a BTreeMap<String, (f64, BTreeSet<NaiveDate>)>,
    break_before: Option<BTreeMap<String, f64>>,
    /// Runs of phases started so far (ramp included).
    phase_instance: u32,
    /// Weighted lifts done with an effort target while familiarizing, and
    /// those whose first training session has been checked.
    familiarized_lifts: BTreeSet<String>,
    calibration_checked: BTreeSet<String>,
    lightest: HashMap<Equipment, f64>,
    steps: HashMap<(Equipment, i64), f64>,
    /// Last date each weighted lift was planned with an effort target.
    last_targeted: HashMap<String, NaiveDate>,
}

fn at(date: NaiveDate, h: u32, m: u32) -> DateTime<FixedOffset> {
    date.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
        .and_local_timezone(FixedOffset::east_opt(0).unwrap())
        .unwrap()
}

/// The man's 12 weeks of training before the start: three days a week,
/// logged with RPE, ending 10 weeks (and 3 days) before the start.
/// Returns per exercise the heaviest working load and the dates.
fn log_history(heft: &Heft, clock: &ManualClock) -> BTreeMap<String, (f64, BTreeSet<NaiveDate>)> {
    let days: [&[(&str, u32, u32)]; 3] = [
        &[
            ("back-squat", 3, 5),
            ("bench-press", 3, 5),
            ("barbell-row", 3, 8),
            ("leg-extension", 2, 10),
        ],
        &[
            ("deadlift", 3, 5),
            ("overhead-press", 3, 5),
            ("lat-pulldown", 3, 10),
            ("seated-leg-curl", 2, 10),
        ],
        &[
            ("leg-press", 3, 10),
            ("machine-chest-press", 3, 10),
            ("seated-cable-row", 3, 10),
            ("romanian-deadlift", 3, 8),
            ("one-arm-dumbbell-row", 3, 10),
        ],
    ];
    let loadout = Loadout::standard(WeightUnit::Kg);
    let mut out: BTreeMap<String, (f64, BTreeSet<NaiveDate>)> = BTreeMap::new();
    let first = start_date() - Days::new(7 * 22);
    for week in 0..12u64 {
        // The 1RM climbs from 90% to the peak over the 12 weeks.
        let level = 0.9 + 0.1 * week as f64 / 11.0;
        for (i, day) in days.iter().enumerate() {
            let date = first + Days::new(week * 7 + 2 * i as u64);
            clock.set(at(date, 19, 0));
            let mut inputs = Vec::new();
            for &(id, sets, reps) in day.iter() {
                let ex = heft.exercise(id).unwrap();
                let (f, share) = family(&ex);
                let peak = MAN_PEAK[FAMILIES.iter().position(|x| *x == f).unwrap()];
                let t = peak * level * share;
                // Reps at RPE 8 (2 in reserve).
                let load = loadout.round(ex.equipment, t / (1.0 + f64::from(reps + 2) / 30.0));
                let entry = out.entry(id.to_owned()).or_default();
                entry.0 = entry.0.max(load);
                entry.1.insert(date);
                for _ in 0..sets {
                    let mut s = SetInput::new(id);
                    s.load = Load::Weight {
                        weight: Weight::new(load, WeightUnit::Kg).unwrap(),
                    };
                    s.reps = Some(reps);
                    s.effort = Some(Effort::Rpe(8.0));
                    inputs.push(s);
                }
            }
            heft.log_sets(&inputs, LogTime::At(at(date, 17, 30)))
                .unwrap();
            let f = heft
                .finish(FinishWorkout {
                    on: Some(date),
                    duration_s: Some(55 * 60),
                    ..FinishWorkout::default()
                })
                .unwrap();
            assert!(f.session.is_none(), "no program runs during the history");
        }
    }
    out
}

fn is_set_on(plan: &SessionPlan, code: WarningCode) -> bool {
    plan.warnings.iter().any(|w| w.code == code)
}

fn codes(plan: &SessionPlan) -> String {
    let list: Vec<String> = plan
        .warnings
        .iter()
        .map(|w| {
            serde_json::to_value(w.code)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    if list.is_empty() {
        "-".into()
    } else {
        list.join(",")
    }
}

/// The phase, session and day the program file says session `n` (0-based,
/// counting ramp sessions) should be: an independent reading of the file.
fn expected_position(program: &Program, ramp_total: u32, n: u32) -> (String, u32, u32, String) {
    let spw = u32::from(program.sessions_per_week);
    if n < ramp_total {
        let days = &program
            .phases
            .iter()
            .find(|p| p.kind == PhaseKind::Training)
            .unwrap()
            .days;
        let day = &days[n as usize % days.len()];
        return ("ramp".into(), n + 1, ramp_total, day.name.clone());
    }
    let mut m = n - ramp_total;
    let mut i = 0;
    loop {
        let phase = &program.phases[i];
        let len = u32::from(phase.weeks) * spw;
        if m < len {
            let day = &phase.days[m as usize % phase.days.len()];
            return (phase.id.clone(), m + 1, len, day.name.clone());
        }
        m -= len;
        i = if i + 1 < program.phases.len() {
            i + 1
        } else {
            program.repeat_from
        };
    }
}

/// The stated RIR agrees with the set's %1RM on the chart, within 3 points
/// plus the chart's rounding to half reps (a rep range: somewhere in it).
/// Past 12 reps to failure, or at RIR 10 ("10 or more"), nothing to compare.
fn agrees_with_table(s: &heft_core::progression::plan::PlannedSet) -> bool {
    let (Some(p), Some(rir)) = (s.percent_1rm, s.rir) else {
        return false;
    };
    let hi = fraction_of_1rm(u32::from(s.reps.min), rir);
    let lo = fraction_of_1rm(u32::from(s.reps.max), rir);
    match (hi, lo) {
        (Some(h), Some(l)) => p <= h * 100.0 + 3.0 && p >= l * 100.0 - 3.0,
        (Some(h), None) => p <= h * 100.0 + 3.0,
        _ => true,
    }
}

fn slot_context(slot: &Slot, sets: usize) -> String {
    format!(
        "{:?}|{}|{:?}|{}",
        slot.intensity, slot.reps, slot.rule, sets
    )
}

impl Sim<'_> {
    fn exercise(&mut self, id: &str) -> Exercise {
        if let Some(e) = self.exercises.get(id) {
            return e.clone();
        }
        let e = self.heft.exercise(id).unwrap();
        self.exercises.insert(id.to_owned(), e.clone());
        e
    }

    /// The lightest load the equipment makes (the bar, one step).
    fn lightest(&mut self, equipment: Equipment) -> f64 {
        let loadout = &self.loadout;
        *self
            .lightest
            .entry(equipment)
            .or_insert_with(|| loadout.round(equipment, 0.0))
    }

    /// The smallest increase above `load` the equipment makes.
    fn step(&mut self, equipment: Equipment, load: f64) -> f64 {
        let loadout = &self.loadout;
        *self
            .steps
            .entry((equipment, (load * 1000.0).round() as i64))
            .or_insert_with(|| loadout.smallest_step(equipment, load))
    }

    fn tag(&self, date: NaiveDate, plan: &SessionPlan) -> String {
        format!(
            "{} {date} #{} {} {}/{}",
            self.who.slug(),
            plan.session_number,
            plan.phase.id,
            plan.phase.session,
            plan.phase.sessions
        )
    }

    fn trim(&self) -> u8 {
        match (
            self.program.trim_above_running_min,
            self.who.running_min_week(),
        ) {
            (Some(limit), Some(run)) if run > limit => 1,
            _ => 0,
        }
    }

    /// Checks any plan, whether trained or not: dose and RIR floor.
    fn check_any_plan(&mut self, date: NaiveDate, plan: &SessionPlan, tag: &str) {
        // Dose: the week's logged minutes are ours, and the warnings follow the thresholds.
        let week = monday(date);
        let logged = self.week_minutes.get(&week).copied().unwrap_or(0.0).round() as u32;
        if plan.dose.week_of != week || plan.dose.logged != logged {
            self.year.fail(
                "dose",
                format!(
                    "{tag}: dose week {} logged {} min, expected week {week} logged {logged}",
                    plan.dose.week_of, plan.dose.logged
                ),
            );
        }
        if plan.dose.with_session != plan.dose.logged + plan.estimated_minutes {
            self.year.fail(
                "dose",
                format!(
                    "{tag}: with_session {} != logged {} + estimate {}",
                    plan.dose.with_session, plan.dose.logged, plan.estimated_minutes
                ),
            );
        }
        let m = plan.dose.with_session;
        let high = is_set_on(plan, WarningCode::DoseHigh);
        let too_high = is_set_on(plan, WarningCode::DoseTooHigh);
        // A program that says at the start why it runs above the band is held
        // to its own week (its stated minutes or this session's estimate per
        // session, plus 10%) instead of being warned every week
        // (PROGRESSION.md, weekly dose); the level still reports the band.
        let spw = u32::from(self.program.sessions_per_week);
        let own = self.program.above_band.as_ref().map(|_| {
            let stated = u32::from(self.program.session_minutes) * spw;
            (f64::from(stated.max(plan.estimated_minutes * spw)) * 1.1).round() as u32
        });
        let (high_from, too_high_from) = match own {
            Some(o) => (60.max(o), 130.max(o)),
            None => (60, 130),
        };
        if high != (m > high_from && m <= too_high_from)
            || too_high != (m > too_high_from)
            || plan.dose.level != DoseLevel::of(m)
        {
            self.year.fail(
                "dose",
                format!(
                    "{tag}: {m} min with the session but dose_high={high} dose_too_high={too_high} level {:?}",
                    plan.dose.level
                ),
            );
        }
        // Sets near failure (RIR under 1) only for a healthy lifter with
        // lifting behind him (the man); never for low bone mass or a new
        // lifter (SCIENCE.md; PROGRESSION.md, percentage slots).
        let near_failure_ok = self.who == Who::Man55;
        for ex in &plan.exercises {
            for s in &ex.sets {
                if s.rir.is_some_and(|r| r < 1.0) && !near_failure_ok {
                    self.year.fail(
                        "intensity",
                        format!(
                            "{tag}: {} planned at RIR {:?} (below 1)",
                            ex.exercise_id, s.rir
                        ),
                    );
                }
            }
        }
        // Safety: nothing that flexes or twists the spine with low bone mass.
        for ex in &plan.exercises {
            let e = self.exercise(&ex.exercise_id);
            if self.who.low_bone_mass() && (e.spinal_flexion || e.spinal_rotation) {
                self.year.fail(
                    "safety",
                    format!("{tag}: {} flexes or twists the spine", e.id),
                );
            }
            if let Some(sw) = &ex.swap {
                if sw.reason.trim().is_empty() {
                    self.year.fail(
                        "safety",
                        format!("{tag}: swap of {} without a reason", sw.from_id),
                    );
                }
                if !self.who.low_bone_mass() {
                    self.year.fail(
                        "safety",
                        format!(
                            "{tag}: {} swapped for {} ({}) for a lifter with a full gym and normal bones",
                            sw.from_id, ex.exercise_id, sw.reason
                        ),
                    );
                }
                // SCIENCE.md: sit-up/crunch -> plank or dead bug; Russian
                // twist -> Pallof press; loaded flexion -> hip hinge drill.
                let from = self.exercise(&sw.from_id);
                let allowed: &[&str] = if from.spinal_rotation {
                    &["pallof-press", "band-pallof-press"]
                } else if from.id.contains("crunch") || from.id.contains("sit-up") {
                    &["plank", "dead-bug"]
                } else {
                    &["plank", "dead-bug", "hip-hinge-drill"]
                };
                if (from.spinal_flexion || from.spinal_rotation)
                    && !allowed.contains(&ex.exercise_id.as_str())
                {
                    self.year.fail(
                        "safety_swap",
                        format!(
                            "{tag}: {} replaced by {} ({:?} equipment), not by one of {allowed:?} ({})",
                            sw.from_id, ex.exercise_id, e.equipment, sw.reason
                        ),
                    );
                }
            }
        }
    }

    /// Sets x reps, exercise identity and intensity target against the program file.
    fn check_prescription(&mut self, plan: &SessionPlan, tag: &str) {
        let ramp = plan.phase.id == "ramp";
        let trim = self.trim();
        let (day, kind) = if ramp {
            let phase = self
                .program
                .phases
                .iter()
                .find(|p| p.kind == PhaseKind::Training)
                .unwrap();
            (
                phase.days[(plan.phase.session as usize - 1) % phase.days.len()].clone(),
                PhaseKind::Familiarization,
            )
        } else {
            let Some(phase) = self.program.phases.iter().find(|p| p.id == plan.phase.id) else {
                self.year.fail(
                    "prescription",
                    format!("{tag}: unknown phase {}", plan.phase.id),
                );
                return;
            };
            (
                phase.days[(plan.phase.session as usize - 1) % phase.days.len()].clone(),
                phase.kind,
            )
        };
        if plan.phase.kind != kind {
            self.year.fail(
                "prescription",
                format!(
                    "{tag}: phase kind {:?}, file says {kind:?}",
                    plan.phase.kind
                ),
            );
        }
        if plan.exercises.len() != day.slots.len() {
            self.year.fail(
                "prescription",
                format!(
                    "{tag}: {} exercises for {} slots",
                    plan.exercises.len(),
                    day.slots.len()
                ),
            );
            return;
        }
        let trim_note = plan.notes.iter().any(|n| n.text.contains("one set fewer"));
        if trim_note != (trim > 0) {
            self.year.fail(
                "prescription",
                format!(
                    "{tag}: running-trim note {trim_note}, expected {}",
                    trim > 0
                ),
            );
        }
        if trim > 0 {
            self.year.bump("trimmed sessions");
        }
        let gated = self.who.low_bone_mass() && self.program.heavy && !self.familiarized && !ramp;
        for (slot, ex) in day.slots.iter().zip(&plan.exercises) {
            let e = self.exercise(&ex.exercise_id);
            let from = ex.swap.as_ref().map(|s| s.from_id.as_str());
            let known = |id: &str| id == slot.exercise || slot.harder.iter().any(|h| h == id);
            let identity = match from {
                None => known(&ex.exercise_id),
                Some(f) => known(f),
            };
            if !identity {
                self.year.fail(
                    "prescription",
                    format!(
                        "{tag}: {} (swapped from {from:?}) in the slot of {}",
                        ex.exercise_id, slot.exercise
                    ),
                );
            }
            if let Some(f) = from {
                let to_ok = slot.alternatives.contains(&ex.exercise_id) || {
                    let orig = self.exercise(f);
                    orig.spinal_flexion || orig.spinal_rotation
                };
                if !to_ok {
                    self.year.fail(
                        "prescription",
                        format!("{tag}: {f} swapped for {} without cause", ex.exercise_id),
                    );
                }
            }
            // The working sets are one prescription; only the reserve may
            // fall from set to set, by at most half a rep (the fatigue of
            // the set before, PROGRESSION.md), never rise.
            let but_reserve = |s: &PlannedSet| PlannedSet {
                rir: None,
                ..s.clone()
            };
            let reserve_ok = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => b <= a && a - b <= 0.5,
                (a, b) => a.is_none() && b.is_none(),
            };
            if ex.sets.windows(2).any(|w| {
                but_reserve(&w[0]) != but_reserve(&w[1]) || !reserve_ok(w[0].rir, w[1].rir)
            }) {
                self.year.fail(
                    "prescription",
                    format!("{tag}: {} sets differ", ex.exercise_id),
                );
            }
            let Some(s) = ex.sets.first() else {
                self.year.fail(
                    "prescription",
                    format!("{tag}: {} has no sets", ex.exercise_id),
                );
                continue;
            };
            if s.timed != (e.measure == Measure::Time) {
                self.year.fail(
                    "prescription",
                    format!(
                        "{tag}: {} timed={} for a {:?} exercise",
                        e.id, s.timed, e.measure
                    ),
                );
            }
            let want_sets = usize::from(slot.sets.saturating_sub(trim).max(1));
            if ramp {
                // The engine's own ramp: fewer or equal sets, light effort.
                if ex.sets.len() > want_sets {
                    self.year.fail(
                        "prescription",
                        format!(
                            "{tag}: ramp {} has {} sets, the slot {}",
                            ex.exercise_id,
                            ex.sets.len(),
                            slot.sets
                        ),
                    );
                }
                if s.rir.is_some_and(|r| r < 2.0) {
                    self.year.fail(
                        "prescription",
                        format!("{tag}: ramp {} at RIR {:?}", ex.exercise_id, s.rir),
                    );
                }
                continue;
            }
            if ex.sets.len() != want_sets {
                self.year.fail(
                    "prescription",
                    format!(
                        "{tag}: {} has {} sets, the slot {} (trim {trim})",
                        ex.exercise_id,
                        ex.sets.len(),
                        slot.sets
                    ),
                );
            }
            // Documented modifiers (docs/PROGRESSION.md): rules that add load
            // may first add up to two reps when the next step is too big a
            // jump, then take it with fewer reps; the low-bone-mass gate
            // takes 8-10 reps under 70% of 1RM.
            let extra = if slot.rule == Rule::RepsThenHarder || slot.rule == Rule::Hold {
                0
            } else {
                2
            };
            let reps_ok = if gated && s.reps.min == s.reps.max && (8..=10).contains(&s.reps.min) {
                true
            } else if slot.rule == Rule::RepsThenHarder {
                s.reps.max == slot.reps.max
                    && s.reps.min >= slot.reps.min
                    && s.reps.min <= slot.reps.max
            } else {
                // After a step still too big at the top, the step is taken
                // with fewer reps (never under 3) and the reps build back.
                let least = if extra > 0 { 3 } else { slot.reps.min };
                s.reps.min >= least
                    && s.reps.min <= slot.reps.max + extra
                    && s.reps.max == slot.reps.max.max(s.reps.min)
            };
            if !reps_ok {
                self.year.fail(
                    "prescription",
                    format!(
                        "{tag}: {} reps {}, the slot {}",
                        ex.exercise_id, s.reps, slot.reps
                    ),
                );
            }
            if let Some(rest) = slot.rest_s
                && ex.rest_s != rest
            {
                self.year.fail(
                    "prescription",
                    format!(
                        "{tag}: {} rest {} s, the slot {rest} s",
                        ex.exercise_id, ex.rest_s
                    ),
                );
            }
            let rir_ok = match slot.intensity {
                Intensity::Technique => s.rir.is_none(),
                // Under the gate the RIR is the chart's at the capped load:
                // never harder than the slot asks.
                Intensity::Rir { min, max } if gated => s.rir.is_some_and(|r| r >= min.min(max)),
                // Working up to a load not yet known stops at RPE 8 at most.
                Intensity::Rir { min, max } if matches!(s.load, PlannedLoad::FindLoad { .. }) => {
                    s.rir == Some(((min + max) / 2.0).max(2.0))
                }
                // One table (PROGRESSION.md): a set with a load and an
                // estimate states the reserve the chart gives at its %1RM;
                // otherwise the slot's target.
                Intensity::Rir { .. } | Intensity::Percent { .. } if s.percent_1rm.is_some() => {
                    agrees_with_table(s)
                }
                Intensity::Rir { min, max } => s.rir == Some((min + max) / 2.0),
                Intensity::Percent { .. } => s.rir.is_some_and(|r| r >= 1.0),
            };
            if !rir_ok {
                self.year.fail(
                    "prescription",
                    format!(
                        "{tag}: {} RIR {:?} for {:?}{}",
                        ex.exercise_id,
                        s.rir,
                        slot.intensity,
                        if gated { " (low-bone-mass gate)" } else { "" }
                    ),
                );
            }
            if s.landings != slot.landings {
                self.year.fail(
                    "prescription",
                    format!(
                        "{tag}: {} landings {:?}, the slot {:?}",
                        ex.exercise_id, s.landings, slot.landings
                    ),
                );
            }
        }
    }

    /// The lifter does the session and logs it; returns what was done per exercise.
    fn perform(&mut self, plan: &SessionPlan) -> (Vec<Done>, Vec<SetInput>) {
        let readiness = 0.97 + 0.06 * self.rng.unit();
        let forced_pain = match plan.session_number {
            30 => Some(6),
            50 => Some(4),
            _ => None,
        };
        let forced_fail = plan.session_number == 40;
        let mut inputs = Vec::new();
        let mut done_all = Vec::new();
        let mut first_target = true;
        for ex in &plan.exercises {
            let e = self.exercise(&ex.exercise_id);
            let mut done = Done::default();
            for w in &ex.warmups {
                let mut s = SetInput::new(&ex.exercise_id);
                s.kind = SetKind::Warmup;
                s.load = match w.load {
                    PlannedLoad::Weight { weight } => Load::Weight { weight },
                    _ => Load::None,
                };
                s.reps = Some(u32::from(w.reps.min));
                inputs.push(s);
                done.warmups += 1;
            }
            let Some(first) = ex.sets.first() else {
                done_all.push(done);
                continue;
            };
            let has_target = first.rir.is_some();
            let mut pain = None;
            let mut forced = false;
            if has_target && first_target {
                pain = forced_pain;
                forced = forced_fail;
                first_target = false;
            }
            if self.rng.chance(0.015) {
                pain = Some(self.rng.range(4, 6) as u8);
            }
            // A missed rep on a bad day; on loads that are far from the
            // limit (technique with an empty bar) only when forced.
            let slip = self.rng.chance(0.03);
            done.pain = pain;
            let weighted = matches!(e.measure, Measure::WeightReps);
            let t = self.body.one_rm(&e) * readiness;
            let load = match first.load {
                PlannedLoad::Weight { weight } => Some(weight.base()),
                PlannedLoad::FindLoad { start } => {
                    // Work up to the load that leaves the target in reserve,
                    // rounded to what the equipment makes (a flat 2.5 kg
                    // would give loads a 5 kg stack or 2 kg dumbbells cannot).
                    let rir = first.rir.unwrap_or(3.0);
                    let target = t / (1.0 + (f64::from(first.reps.min) + rir) / 30.0);
                    let mut l = self.loadout.round(e.equipment, target);
                    if let Some(s) = start {
                        l = l.max(s.base());
                    }
                    done.found = true;
                    Some(l)
                }
                _ => None,
            };
            done.load = load.filter(|_| weighted);
            let n = ex.sets.len();
            for (i, set) in ex.sets.iter().enumerate() {
                let last = i + 1 == n;
                let mut s = SetInput::new(&ex.exercise_id);
                s.pain = pain;
                if let Some(l) = set.landings {
                    s.impact = Some(Impact {
                        landings: u32::from(l),
                        drop_height_cm: None,
                    });
                }
                let (reps, rir) = if let (true, Some(l)) = (weighted, load) {
                    s.load = Load::Weight {
                        weight: Weight::new(l, WeightUnit::Kg).unwrap(),
                    };
                    let p = possible_reps(t, l) - FATIGUE * i as f64;
                    let target = set.rir.unwrap_or(2.0);
                    let (lo, hi) = (u32::from(set.reps.min), u32::from(set.reps.max));
                    let mut want = if set.rir.is_none() {
                        lo
                    } else if hi > lo {
                        ((p - target + 1e-9).floor().max(0.0) as u32).clamp(lo, hi)
                    } else if ex.rule == Rule::RepsOver && last {
                        // LISA: more reps than prescribed when there are some to spare.
                        let extra = (p - f64::from(lo) - target).floor();
                        if extra >= 1.0 {
                            lo + (extra as u32).min(4)
                        } else {
                            lo
                        }
                    } else {
                        lo
                    };
                    let near = p - f64::from(want) < 3.0;
                    if last && (forced || (slip && near)) {
                        want = want.min(p.floor().max(0.0) as u32).saturating_sub(1);
                    }
                    let can = p.floor().max(0.0) as u32;
                    let reps = want.min(can);
                    let rir = if reps < u32::from(set.reps.min) || reps < want {
                        0.0
                    } else {
                        half(p - f64::from(reps)).clamp(0.0, 10.0)
                    };
                    (reps, Some(rir))
                } else {
                    s.load = match set.load {
                        PlannedLoad::Bodyweight { added } => Load::Bodyweight { added },
                        PlannedLoad::Weight { weight } => Load::Weight { weight },
                        _ => Load::None,
                    };
                    let mut reps = u32::from(set.reps.min);
                    if last && (forced || slip) {
                        reps -= 1;
                    }
                    (reps, set.rir.map(half))
                };
                if set.timed {
                    s.duration_ms = Some(reps.max(1) * 1000);
                } else {
                    s.reps = Some(reps);
                }
                s.effort = rir.map(Effort::Rir);
                if reps < u32::from(set.reps.min) {
                    done.failed = true;
                }
                done.reps.push(reps);
                done.rir.push(rir);
                inputs.push(s);
            }
            done_all.push(done);
        }
        (done_all, inputs)
    }

    fn describe(&mut self, plan: &SessionPlan, done: &[Done]) -> String {
        let mut parts = Vec::new();
        for (ex, d) in plan.exercises.iter().zip(done) {
            let mut out = ex.exercise_id.clone();
            if let Some(sw) = &ex.swap {
                write!(out, "(<-{})", sw.from_id).unwrap();
            }
            let Some(s) = ex.sets.first() else {
                parts.push(out);
                continue;
            };
            write!(
                out,
                " {}x{}{}",
                ex.sets.len(),
                s.reps,
                if s.timed { "s" } else { "" }
            )
            .unwrap();
            match s.load {
                PlannedLoad::Weight { weight } => write!(out, " {}kg", num(weight.base())).unwrap(),
                PlannedLoad::Bodyweight { added: None } => out.push_str(" bw"),
                PlannedLoad::Bodyweight { added: Some(w) } => {
                    write!(out, " bw{:+}kg", w.base()).unwrap()
                }
                PlannedLoad::FindLoad { .. } => out.push_str(" find"),
                PlannedLoad::None => {}
            }
            match s.rir {
                Some(r) => write!(out, " @{}", num(r)).unwrap(),
                None => out.push_str(" tech"),
            }
            if let Some(p) = s.percent_1rm {
                write!(out, " {}%", num(p)).unwrap();
            }
            if let Some(l) = s.landings {
                write!(out, " {l}landings").unwrap();
            }
            out.push_str(" (done ");
            if d.found
                && let Some(l) = d.load
            {
                write!(out, "{}kg: ", num(l)).unwrap();
            }
            let reps: Vec<String> = d.reps.iter().map(|r| r.to_string()).collect();
            out.push_str(&reps.join(","));
            if d.rir.iter().any(Option::is_some) {
                let rir: Vec<String> = d
                    .rir
                    .iter()
                    .map(|r| r.map(num).unwrap_or_else(|| "-".into()))
                    .collect();
                write!(out, " @{}", rir.join(",")).unwrap();
            }
            if let Some(p) = d.pain {
                write!(out, " pain {p}").unwrap();
            }
            out.push(')');
            parts.push(out);
        }
        parts.join(" ; ")
    }

    /// Plans, checks, performs, logs and finishes the session on `date`.
    fn session(&mut self, date: NaiveDate, plan: SessionPlan) {
        let tag = self.tag(date, &plan);
        self.year.sessions += 1;
        // Sequence: the n-th session is where the file says, whatever the calendar did.
        let expect = expected_position(&self.program, self.ramp_total, self.finished);
        let got = (
            plan.phase.id.clone(),
            plan.phase.session,
            plan.phase.sessions,
            plan.day.clone(),
        );
        if got != expect || plan.session_number != self.finished + 1 {
            self.year.fail(
                "sequence",
                format!(
                    "{tag}: session {} at {got:?}, expected {} at {expect:?}",
                    plan.session_number,
                    self.finished + 1
                ),
            );
        }
        if plan.phase.id != "ramp" && plan.phase.kind != PhaseKind::Familiarization {
            self.familiarized = true;
        }
        if plan.phase.id == "ramp" {
            self.year.bump("ramp sessions");
        }
        if plan.phase.session == 1 {
            self.phase_instance += 1;
        }
        if plan.phase.kind == PhaseKind::Familiarization {
            self.year.bump("familiarization sessions");
        }
        if is_set_on(&plan, WarningCode::DoseHigh) {
            self.year.bump("dose_high warnings");
        }
        let swapped: Vec<String> = plan
            .exercises
            .iter()
            .filter_map(|e| e.swap.as_ref().map(|s| s.from_id.clone()))
            .collect();
        if swapped.iter().any(|id| {
            let e = self.exercise(id);
            e.spinal_flexion || e.spinal_rotation
        }) {
            self.year.bump("flexion swaps");
        }
        if is_set_on(&plan, WarningCode::DoseTooHigh) {
            self.year.bump("dose_too_high warnings");
        }
        if plan
            .exercises
            .iter()
            .any(|e| e.sets.iter().any(|s| s.landings.is_some_and(|l| l > 0)))
        {
            self.year.bump("sessions with landings");
        }
        // Frequency.
        let spw = u32::from(self.program.sessions_per_week);
        let min_days = i64::from(self.program.min_days_between);
        let week = self.sessions_per_week.entry(monday(date)).or_insert(0);
        *week += 1;
        if *week > spw {
            self.year.fail(
                "frequency",
                format!("{tag}: session {week} in the ISO week"),
            );
        }
        let gap = self.last_session.map(|l| (date - l).num_days());
        if let Some(last) = self.last_session {
            if (date - last).num_days() < min_days {
                self.year.fail(
                    "frequency",
                    format!(
                        "{tag}: {} days after the last session",
                        (date - last).num_days()
                    ),
                );
            }
            if plan.ready_on < last + Days::new(min_days as u64) {
                self.year.fail(
                    "frequency",
                    format!("{tag}: ready on {} is too soon after {last}", plan.ready_on),
                );
            }
        }
        if plan.ready_on > date {
            self.year.fail(
                "frequency",
                format!("{tag}: trained although ready on {}", plan.ready_on),
            );
        }
        self.check_any_plan(date, &plan, &tag);
        self.check_prescription(&plan, &tag);

        // Layoff: a warning exactly after 3 weeks or more away.
        let layoff = is_set_on(&plan, WarningCode::Layoff);
        let expect_layoff = gap.is_some_and(|g| g >= 21);
        if layoff != expect_layoff {
            self.year.fail(
                "layoff",
                format!("{tag}: layoff warning {layoff} after {gap:?} days off"),
            );
        }
        if layoff {
            self.year.bump("layoff sessions");
        }
        if let Some(before) = self.break_before.take() {
            // The first session after the long break: lower loads than before it.
            self.year.bump("returns from the break");
            let mut compared = 0;
            for ex in &plan.exercises {
                let (Some(b), Some(w)) = (
                    before.get(&ex.exercise_id),
                    ex.sets.first().and_then(|s| match s.load {
                        PlannedLoad::Weight { weight } => Some(weight.base()),
                        _ => None,
                    }),
                ) else {
                    continue;
                };
                compared += 1;
                let eq = self.exercise(&ex.exercise_id).equipment;
                if w >= *b && *b > self.lightest(eq) {
                    self.year.fail(
                        "layoff",
                        format!(
                            "{tag}: {} at {} kg after the break, {} kg before it",
                            ex.exercise_id,
                            num(w),
                            num(*b)
                        ),
                    );
                }
            }
            if compared > 0 {
                self.year.bump("loads compared after the break");
            }
        }

        // Intensity.
        let phase_kind = plan.phase.kind;
        let ramp = plan.phase.id == "ramp";
        let slots: Option<Vec<Slot>> = (!ramp)
            .then(|| {
                self.program
                    .phases
                    .iter()
                    .find(|p| p.id == plan.phase.id)
                    .map(|p| {
                        p.days[(plan.phase.session as usize - 1) % p.days.len()]
                            .slots
                            .clone()
                    })
            })
            .flatten();
        let familiarizing = ramp || phase_kind == PhaseKind::Familiarization;
        for (i, ex) in plan.exercises.iter().enumerate() {
            let Some(s) = ex.sets.first() else { continue };
            let e = self.exercise(&ex.exercise_id);
            let weighted = e.measure == Measure::WeightReps;
            // Familiarization teaches the estimate (docs/PROGRAMS.md): a lift
            // done there with an effort target has a load, not "find a load",
            // in its first training session.
            if weighted && familiarizing && s.rir.is_some() {
                self.familiarized_lifts.insert(ex.exercise_id.clone());
            }
            if weighted
                && phase_kind == PhaseKind::Training
                && !ramp
                && self.familiarized_lifts.contains(&ex.exercise_id)
                && self.calibration_checked.insert(ex.exercise_id.clone())
                && matches!(s.load, PlannedLoad::FindLoad { .. })
            {
                self.year.fail(
                    "calibration",
                    format!(
                        "{tag}: {} still has no estimate after familiarization ({} reps at RIR {:?} there)",
                        ex.exercise_id, s.reps, s.rir
                    ),
                );
            }
            // With low bone mass and no estimate yet, the effort target itself
            // says how heavy the set is: reps + RIR on the chart.
            if let (PlannedLoad::FindLoad { .. }, Some(rir)) = (s.load, s.rir)
                && self.who.low_bone_mass()
                && !self.familiarized
                && let Some(f) = fraction_of_1rm(u32::from(s.reps.min), rir)
                && f > 0.705
            {
                self.year.fail(
                    "low_bone_mass_cap",
                    format!(
                        "{tag}: {} asks to find a load for {} reps at RIR {} = {}% of 1RM on the chart, before familiarization is done",
                        ex.exercise_id,
                        s.reps.min,
                        num(rir),
                        num(f * 100.0)
                    ),
                );
            }
            let PlannedLoad::Weight { weight } = s.load else {
                continue;
            };
            if weighted && s.rir.is_some() {
                self.last_targeted.insert(ex.exercise_id.clone(), date);
            }
            let w = weight.base();
            let eq = e.equipment;
            let floor = (w - self.lightest(eq)).abs() < 1e-6;
            if let Some(p) = s.percent_1rm {
                let step = self.step(eq, w);
                // Never a working set heavier than the engine's own 1RM
                // estimate (SCIENCE.md: no 1RM tests, estimates from sets of
                // 3-10 reps); the lightest load the equipment makes excepted.
                if p > 100.0 && !floor {
                    self.year.fail(
                        "over_e1rm",
                        format!(
                            "{tag}: {} {}x{} at {} kg = {}% of the estimated 1RM",
                            ex.exercise_id,
                            ex.sets.len(),
                            s.reps,
                            num(w),
                            num(p)
                        ),
                    );
                }
                // Before familiarization, low bone mass: at most 70% of e1RM.
                // Rounding to the equipment can add half a step; the lightest
                // load the equipment makes (the bar) is allowed whatever it is.
                if self.who.low_bone_mass() && !self.familiarized && !floor {
                    let e1rm = w / (p / 100.0);
                    if w > 0.70 * e1rm + step / 2.0 + 1e-6 {
                        self.year.fail(
                            "low_bone_mass_cap",
                            format!(
                                "{tag}: {} at {} kg = {}% of e1RM {} before familiarization is done",
                                ex.exercise_id,
                                num(w),
                                num(p),
                                num(e1rm)
                            ),
                        );
                    }
                }
                // Percent slots after familiarization: within [min-10, max+5]
                // of the program's band. Below: a stall deload, a pain cut or
                // a layoff return each take 10% off (rounded down to the
                // equipment, so one more step), and the estimate may rise
                // faster than the rule's steps; above: plans round to the
                // nearest loadable weight, and +5 points covers half a step
                // for every lifter here but the smallest machine loads.
                // Deload weeks and the lightest load the equipment makes
                // (the bar, one stack plate) are exempt.
                // A return from a layoff is lighter by design (PROGRESSION.md).
                let back_from_layoff = plan.warnings.iter().any(|w| w.code == WarningCode::Layoff);
                // So is a ramp spread over sessions (at most 10% a session)
                // and a deload carried into a new block (PROGRESSION.md).
                let ramping = ex
                    .why
                    .iter()
                    .any(|w| w.text.contains("At most 10% heavier"))
                    || self
                        .seen
                        .get(&ex.exercise_id)
                        .and_then(|p| p.change.as_deref())
                        .is_some_and(|c| c.contains("deload") || c.starts_with("Pain"));
                if let Some(slot) = slots.as_ref().and_then(|v| v.get(i))
                    && let Intensity::Percent { min, max } = slot.intensity
                    && phase_kind == PhaseKind::Training
                    && !floor
                    && !back_from_layoff
                    && !ramping
                {
                    self.year.bump("percent sets checked");
                    let step_points = step / (w / (p / 100.0)) * 100.0;
                    if p < min - 10.0 - step_points || p > max + 5.0 {
                        self.year.fail(
                            "percent_band",
                            format!(
                                "{tag}: {} at {}% of e1RM, program {min}-{max}%",
                                ex.exercise_id,
                                num(p)
                            ),
                        );
                    }
                }
            }
        }
        // Planned deload phase: lighter than the last training load and easy.
        if phase_kind == PhaseKind::Deload {
            self.year.bump("deload-phase sessions");
            for ex in &plan.exercises {
                let Some(s) = ex.sets.first() else { continue };
                if s.rir.is_some_and(|r| r < 3.0) {
                    self.year.fail(
                        "deload",
                        format!(
                            "{tag}: {} at RIR {:?} in a deload week",
                            ex.exercise_id, s.rir
                        ),
                    );
                }
                let Some(prev) = self.seen.get(&ex.exercise_id).cloned() else {
                    continue;
                };
                let lightest = self.lightest(prev.equipment);
                if let PlannedLoad::Weight { weight } = s.load
                    && !prev.context.is_empty()
                    && weight.base() >= prev.load
                    && prev.load > lightest
                {
                    self.year.fail(
                        "deload",
                        format!(
                            "{tag}: {} at {} kg in a deload week, {} kg last time",
                            ex.exercise_id,
                            num(weight.base()),
                            num(prev.load)
                        ),
                    );
                }
            }
        }

        // Seeding from history (the man): the first plan of each lift he
        // logged names the history set and date, and the estimate is cut
        // for the weeks since (SCIENCE.md layoffs: restart at 85-90%).
        if self.who == Who::Man55 {
            for ex in &plan.exercises {
                let Some((_, dates)) = self.history.get(&ex.exercise_id) else {
                    continue;
                };
                if self.year.seeded.contains_key(&ex.exercise_id) {
                    continue;
                }
                self.year.bump("seeded lifts");
                let why = ex
                    .why
                    .iter()
                    .find(|w| w.text.starts_with("Estimated 1RM"))
                    .map(|w| w.text.clone())
                    .unwrap_or_default();
                let named = dates.iter().any(|d| why.contains(&d.to_string()))
                    && why.contains("(Epley)")
                    && why.contains("weeks since");
                let reduced = parse_seed(&why).is_some_and(|(e1rm, kg, reps, rir)| {
                    e1rm <= 0.9 * kg * (1.0 + (f64::from(reps) + rir) / 30.0) + 0.01
                });
                if !named || !reduced {
                    self.year.fail(
                        "seeding",
                        format!(
                            "{tag}: {} not seeded from the history at a reduced estimate: {why:?}",
                            ex.exercise_id
                        ),
                    );
                }
                // The load follows from the reduced estimate.
                if let (Some(s), Some((e1rm, ..))) = (ex.sets.first(), parse_seed(&why))
                    && let (PlannedLoad::Weight { weight }, Some(p)) = (s.load, s.percent_1rm)
                    && (weight.base() / (p / 100.0) - e1rm).abs() > 0.05 * e1rm
                {
                    self.year.fail(
                        "seeding",
                        format!(
                            "{tag}: {} at {} kg = {}% of an estimate other than the seeded {}",
                            ex.exercise_id,
                            num(weight.base()),
                            num(p),
                            num(e1rm)
                        ),
                    );
                }
                writeln!(self.year.golden, "# seeded {}: {why}", ex.exercise_id).unwrap();
                self.year.seeded.insert(ex.exercise_id.clone(), why);
            }
        }

        // Do it, log it, finish it.
        self.clock.set(at(date, 19, 0));
        let (done, inputs) = self.perform(&plan);
        if !inputs.is_empty() {
            self.heft
                .log_sets(&inputs, LogTime::At(at(date, 17, 30)))
                .unwrap();
        }
        if plan.session_number % 8 == 1 {
            // Logging does not change the plan (only this week's minutes,
            // which now hold the logged sets); progress counts what was logged.
            let t = self.heft.today(date).unwrap();
            let without_dose = |p: &SessionPlan| SessionPlan {
                dose: plan.dose,
                warnings: p
                    .warnings
                    .iter()
                    .filter(|w| !matches!(w.code, WarningCode::DoseHigh | WarningCode::DoseTooHigh))
                    .cloned()
                    .collect(),
                ..p.clone()
            };
            if without_dose(&t.plan) != without_dose(&plan) {
                self.year
                    .fail("sequence", format!("{tag}: the plan changed after logging"));
            }
            let counts: Vec<(u32, u32)> = t.done.iter().map(|p| (p.warmups, p.sets)).collect();
            let ours: Vec<(u32, u32)> = done
                .iter()
                .map(|d| (d.warmups, d.reps.len() as u32))
                .collect();
            if counts != ours || t.next.is_some() {
                self.year.fail(
                    "sequence",
                    format!(
                        "{tag}: progress {counts:?} next {:?}, logged {ours:?}",
                        t.next
                    ),
                );
            }
        }
        let jitter = self.rng.range(-90, 150);
        let duration_s = (i64::from(plan.estimated_minutes) * 60 + jitter).max(60) as u32;
        let finished = self
            .heft
            .finish(FinishWorkout {
                on: Some(date),
                duration_s: Some(duration_s),
                ..FinishWorkout::default()
            })
            .unwrap();
        let result = finished
            .session
            .unwrap_or_else(|| panic!("{tag}: the finished workout did not count as a session"));
        if result.session_number != plan.session_number {
            self.year.fail(
                "sequence",
                format!(
                    "{tag}: finished as session {}, planned as {}",
                    result.session_number, plan.session_number
                ),
            );
        }
        self.finished += 1;
        let next = expected_position(&self.program, self.ramp_total, self.finished);
        if let Some(np) = &result.next_phase
            && (np.id.clone(), np.session, np.sessions) != (next.0.clone(), next.1, next.2)
        {
            self.year.fail(
                "sequence",
                format!(
                    "{tag}: next phase {} {}/{}, expected {} {}/{}",
                    np.id, np.session, np.sessions, next.0, next.1, next.2
                ),
            );
        }
        *self.week_minutes.entry(monday(date)).or_insert(0.0) += f64::from(duration_s) / 60.0;

        // The body responds.
        let mut trained: BTreeMap<Family, f64> = BTreeMap::new();
        for (ex, d) in plan.exercises.iter().zip(&done) {
            let e = self.exercise(&ex.exercise_id);
            if let Some(l) = d.load {
                let (f, _) = family(&e);
                let i = l / self.body.one_rm(&e);
                let v = trained.entry(f).or_insert(0.0);
                *v = v.max(i);
            }
        }
        for (f, i) in trained {
            self.body.decay(f, date);
            self.body.train(f, i, date);
        }

        support::assert_translatable(
            support::whys(result.changes.iter().map(|c| &c.why)),
            &format!("{date}"),
        );
        // Session-to-session checks per lift.
        let changes: BTreeMap<String, String> = result
            .changes
            .iter()
            .map(|c| (c.exercise_id.clone(), c.why.text.clone()))
            .collect();
        for (i, (ex, d)) in plan.exercises.iter().zip(&done).enumerate() {
            let e = self.exercise(&ex.exercise_id);
            let Some(s) = ex.sets.first() else { continue };
            if let Some(p) = d.pain {
                if p >= 6 {
                    self.year.bump("pain 6 reported");
                }
            }
            if d.failed {
                self.year.bump("failed sets");
            }
            if let Some(c) = changes.get(&ex.exercise_id) {
                if c.contains("smaller steps") {
                    self.year.bump("holds for smaller steps");
                }
                if c.contains("without progress: deload") {
                    self.year.bump("stall deloads");
                }
                if c.contains("reps on every round: next time") {
                    self.year.bump("harder variations");
                }
                if c.contains("3 of 3") {
                    self.year.fail(
                        "stall",
                        format!(
                            "{tag}: {}: a third stall without a deload: {c}",
                            ex.exercise_id
                        ),
                    );
                }
            }
            let PlannedLoad::Weight { weight } = s.load else {
                continue;
            };
            let w = weight.base();
            let slot = slots.as_ref().and_then(|v| v.get(i));
            let context = match slot {
                Some(slot) if phase_kind == PhaseKind::Training && !d.found => {
                    slot_context(slot, ex.sets.len())
                }
                _ => String::new(),
            };
            let rule = slot.map(|s| s.rule);
            let prev = self.seen.get(&ex.exercise_id).cloned();
            let mut same = 1;
            if let Some(prev) = &prev
                && !context.is_empty()
                && prev.context == context
            {
                // Within one run of a phase a violation is filed under its own
                // category; across a phase boundary (the same phase repeating
                // included) under "phase_reset", since the engine recomputes
                // loads from the estimate there.
                let within = prev.instance == self.phase_instance;
                let cat = |c: &'static str| if within { c } else { "phase_reset" };
                let tag = format!("{tag} {}", ex.exercise_id);
                let step = self.step(e.equipment, prev.load);
                let floor = (prev.load - self.lightest(e.equipment)).abs() < 1e-6;
                if w > prev.load + 1e-6 {
                    self.year.bump("load increases");
                    // SCIENCE.md: +2-10% a step, rounded to loadable plates.
                    if w > prev.load * 1.10 + step + 1e-6 {
                        self.year.fail(
                            cat("increments"),
                            format!(
                                "{tag}: {} -> {} kg (+{}%) since {}",
                                num(prev.load),
                                num(w),
                                num((w / prev.load - 1.0) * 100.0),
                                prev.date
                            ),
                        );
                    }
                    if prev.failed {
                        self.year.fail(
                            cat("failed_rep_raise"),
                            format!(
                                "{tag}: {} -> {} kg after a failed rep on {} ({:?})",
                                num(prev.load),
                                num(w),
                                prev.date,
                                prev.change
                            ),
                        );
                    }
                    if prev.pain.is_some_and(|p| p >= 4) {
                        self.year.fail(
                            cat("pain"),
                            format!(
                                "{tag}: {} -> {} kg after pain {:?} on {} ({:?})",
                                num(prev.load),
                                num(w),
                                prev.pain,
                                prev.date,
                                prev.change
                            ),
                        );
                    }
                    let lower =
                        matches!(e.pattern, Pattern::Squat | Pattern::Hinge | Pattern::Lunge);
                    let bar = matches!(e.equipment, Equipment::Barbell | Equipment::TrapBar);
                    if lower && bar && within && !layoff {
                        self.year.lower_bar_steps.push(w / prev.load - 1.0);
                    }
                }
                if prev.pain.is_some_and(|p| p >= 6) && !floor {
                    self.year.bump("pain 6 followed");
                    if w >= prev.load - 1e-6 {
                        self.year.fail(
                            cat("pain"),
                            format!(
                                "{tag}: {} kg again after pain {:?} on {} ({:?})",
                                num(w),
                                prev.pain,
                                prev.date,
                                prev.change
                            ),
                        );
                    }
                }
                if prev
                    .change
                    .as_ref()
                    .is_some_and(|c| c.contains("without progress: deload"))
                    && !floor
                {
                    self.year.bump("stall deloads followed");
                    if w >= prev.load - 1e-6 {
                        self.year.fail(
                            cat("stall"),
                            format!(
                                "{tag}: {} kg after a stall deload on {} ({:?})",
                                num(w),
                                prev.date,
                                prev.change
                            ),
                        );
                    }
                }
                // SCIENCE.md stall rule [design]: no progress in 3 sessions ->
                // deload. For rules that should move every session (linear)
                // or every few (double: reps, then load): the same load and
                // rep target a 5th time in a row means 3 sessions after the
                // first went by without progress or deload. (LISA's
                // reps_over holds a load through its 2-week blocks by design.)
                let moving = matches!(rule, Some(Rule::Linear | Rule::Double | Rule::TwoForTwo));
                if within && (w - prev.load).abs() < 1e-6 && s.reps.min == prev.reps_min {
                    // A documented hold (the equipment's next step too big,
                    // a percentage band moving with a rising estimate)
                    // restarts the count: it is not a session without a
                    // decision (PROGRESSION.md).
                    // So does a percentage slot's hold after every rep done:
                    // a success, the step waiting for room.
                    let documented = prev.change.as_deref().is_some_and(|c| {
                        c.contains("smaller steps")
                            || c.contains("estimate rose")
                            || c.contains("leaves 2 in reserve")
                            || c.contains("the last set ground out (RIR")
                    });
                    same = if documented { 1 } else { prev.same + 1 };
                    if moving {
                        let longest = self.year.count.entry("longest hold").or_insert(0);
                        *longest = (*longest).max(same);
                    }
                    // A hold because the equipment's next step is too big for
                    // the estimate is not a stall; the plan says so and asks
                    // for smaller steps (PROGRESSION.md).
                    // Nor is a percentage slot holding while the estimate
                    // rises under it: the band moves with the estimate
                    // (PROGRESSION.md, percentage slots).
                    let equipment_limit = prev.change.as_deref().is_some_and(|c| {
                        c.contains("smaller steps")
                            || c.contains("estimate rose")
                            || (c.contains("same load") && c.contains("before a deload"))
                    });
                    if moving && same == 5 && !equipment_limit {
                        self.year.fail(
                            cat("no_progress"),
                            format!(
                                "{tag}: {} kg x {} for the 5th session in a row without a deload ({:?})",
                                num(w),
                                s.reps.min,
                                prev.change
                            ),
                        );
                    }
                }
            }
            self.seen.insert(
                ex.exercise_id.clone(),
                Seen {
                    date,
                    load: d.load.unwrap_or(w),
                    reps_min: s.reps.min,
                    context,
                    failed: d.failed,
                    pain: d.pain,
                    change: changes.get(&ex.exercise_id).cloned(),
                    equipment: e.equipment,
                    same,
                    instance: self.phase_instance,
                },
            );
        }
        // FindLoad sets: remember the lifter's own choice, not comparable.
        for (ex, d) in plan.exercises.iter().zip(&done) {
            if d.found
                && let Some(l) = d.load
            {
                let e = self.exercise(&ex.exercise_id);
                self.seen.insert(
                    ex.exercise_id.clone(),
                    Seen {
                        date,
                        load: l,
                        reps_min: ex.sets[0].reps.min,
                        context: String::new(),
                        failed: d.failed,
                        pain: d.pain,
                        change: changes.get(&ex.exercise_id).cloned(),
                        equipment: e.equipment,
                        same: 1,
                        instance: self.phase_instance,
                    },
                );
            }
        }

        // The golden line.
        let mut line = format!(
            "{date} {} #{} {} {}/{} {} | ",
            date.weekday(),
            plan.session_number,
            plan.phase.id,
            plan.phase.session,
            plan.phase.sessions,
            plan.day
        );
        line.push_str(&self.describe(&plan, &done));
        write!(
            line,
            " | warn: {} | dose {}/{} min (est {}, did {}) | changes:",
            codes(&plan),
            plan.dose.with_session,
            60,
            plan.estimated_minutes,
            num(f64::from(duration_s) / 60.0)
        )
        .unwrap();
        if result.changes.is_empty() {
            line.push_str(" -");
        }
        for c in &result.changes {
            write!(line, " {}: {}", c.exercise_id, c.why.text).unwrap();
        }
        self.year.golden.push_str(&line);
        self.year.golden.push('\n');
        self.last_session = Some(date);

        // The next day is too soon: the plan says so.
        if plan.session_number % 6 == 0 {
            let probe_day = date + Days::new(1);
            let probe = self.heft.today(probe_day).unwrap().plan;
            let ptag = format!("{} probe {probe_day}", self.who.slug());
            self.check_any_plan(probe_day, &probe, &ptag);
            if probe.ready_on < date + Days::new(min_days as u64)
                || (min_days > 1 && !is_set_on(&probe, WarningCode::TooSoon))
            {
                self.year.fail(
                    "frequency",
                    format!(
                        "{ptag}: ready on {} with warnings {} the day after a session",
                        probe.ready_on,
                        codes(&probe)
                    ),
                );
            }
            self.year.bump("too-soon probes");
        }
    }
}

/// From "Estimated 1RM 98.5 kg from 80 kg x 5 at RIR 2 on ...": the
/// estimate and the set it came from (weight, reps, RIR).
fn parse_seed(text: &str) -> Option<(f64, f64, u32, f64)> {
    let rest = text.strip_prefix("Estimated 1RM ")?;
    let (e1rm, rest) = rest.split_once(" kg from ")?;
    let (kg, rest) = rest.split_once(" kg x ")?;
    let (reps, rest) = rest.split_once(' ')?;
    let rir = match rest.strip_prefix("at RIR ") {
        Some(r) => r.split_once(' ')?.0.parse().ok()?,
        None => 0.0,
    };
    Some((
        e1rm.parse().ok()?,
        kg.parse().ok()?,
        reps.parse().ok()?,
        rir,
    ))
}

fn rhythm(spw: u8) -> &'static [Weekday] {
    match spw {
        1 => &[Weekday::Mon],
        2 => &[Weekday::Mon, Weekday::Thu],
        3 => &[Weekday::Mon, Weekday::Wed, Weekday::Fri],
        _ => &[
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
        ],
    }
}

/// One lifter's year of one program.
fn simulate(program_id: &str, who: Who) -> Year {
    let start = start_date();
    let clock = Arc::new(ManualClock::new(at(start - Days::new(200), 12, 0)));
    let heft = Heft::open_in_memory(clock.clone()).unwrap();
    heft.update_profile(&who.profile()).unwrap();
    let history = if who == Who::Man55 {
        log_history(&heft, &clock)
    } else {
        BTreeMap::new()
    };
    clock.set(at(start, 8, 0));
    let program = heft.program(program_id).unwrap();
    let started = heft.start_program(program_id, start).unwrap();
    let loadout = heft.plan_context(start).unwrap().athlete.loadout;
    let spw = u32::from(program.sessions_per_week);
    let ramp_total = if program.heavy
        && !program.has_familiarization()
        && (who.low_bone_mass() || history.is_empty())
    {
        4 * spw
    } else {
        0
    };
    let mut year = Year {
        who: Some(who),
        ..Year::default()
    };
    let body = Body::new(who);
    writeln!(
        year.golden,
        "# {program_id} -- {}: age {}, {}; start {start}",
        who.slug(),
        who.age(),
        match who {
            Who::Woman68 => "female, untrained, osteopenia, 15 kg bar + micro plates",
            Who::Runner45 => "male, runs 200 min/week, nothing logged",
            Who::Man55 => "male, 12 weeks logged, last 10 weeks before the start",
        }
    )
    .unwrap();
    let true_rms: Vec<String> = FAMILIES
        .iter()
        .map(|f| format!("{f:?} {}", num(body.t[f])))
        .collect();
    writeln!(year.golden, "# true 1RM at start: {}", true_rms.join(", ")).unwrap();
    for n in &started.notes {
        writeln!(year.golden, "# start: {}", n.text).unwrap();
    }
    let mut sim = Sim {
        heft,
        clock,
        familiarized: !program.heavy,
        program,
        who,
        body,
        rng: Rng::new(&format!("{program_id}/{}", who.slug())),
        loadout,
        exercises: HashMap::new(),
        year,
        week_minutes: BTreeMap::new(),
        sessions_per_week: BTreeMap::new(),
        last_session: None,
        seen: HashMap::new(),
        finished: 0,
        ramp_total,
        history: &history,
        break_before: None,
        phase_instance: 0,
        familiarized_lifts: BTreeSet::new(),
        calibration_checked: BTreeSet::new(),
        lightest: HashMap::new(),
        steps: HashMap::new(),
        last_targeted: HashMap::new(),
    };
    let days = rhythm(sim.program.sessions_per_week);
    let mut pending = false;
    let mut was_off = false;
    for offset in 0..364u64 {
        let day = start + Days::new(offset);
        let week = (offset / 7) as i64;
        let on_rhythm = days.contains(&day.weekday());
        if who.weeks_off().contains(&week) {
            if on_rhythm {
                writeln!(sim.year.golden, "{day} {} -- week off", day.weekday()).unwrap();
            }
            if !was_off && who.weeks_off().contains(&(week + 1)) {
                // A break of two weeks or more: remember the loads before it.
                let before: BTreeMap<String, f64> = sim
                    .seen
                    .iter()
                    .map(|(id, s)| (id.clone(), s.load))
                    .collect();
                sim.break_before = Some(before);
            }
            was_off = true;
            pending = false;
            continue;
        }
        was_off = false;
        if !(on_rhythm || pending) {
            continue;
        }
        let done_this_week = sim
            .sessions_per_week
            .get(&monday(day))
            .copied()
            .unwrap_or(0);
        if done_this_week >= spw {
            pending = false;
            continue;
        }
        if on_rhythm && !pending && sim.rng.chance(0.03) {
            writeln!(
                sim.year.golden,
                "{day} {} -- missed, catch up next day",
                day.weekday()
            )
            .unwrap();
            pending = true;
            continue;
        }
        sim.clock.set(at(day, 17, 0));
        let plan = sim.heft.today(day).unwrap().plan;
        support::assert_translatable(
            support::plan_reasons(&plan),
            &format!("{} {day}", who.slug()),
        );
        if day < plan.ready_on {
            let tag = format!("{} {day} deferred", who.slug());
            sim.check_any_plan(day, &plan, &tag);
            if !is_set_on(&plan, WarningCode::TooSoon)
                && !is_set_on(&plan, WarningCode::SamePattern)
            {
                sim.year.fail(
                    "frequency",
                    format!("{tag}: ready on {} without a warning", plan.ready_on),
                );
            }
            writeln!(
                sim.year.golden,
                "{day} {} -- not yet: ready on {} ({})",
                day.weekday(),
                plan.ready_on,
                codes(&plan)
            )
            .unwrap();
            sim.year.bump("deferrals");
            pending = true;
            continue;
        }
        sim.session(day, plan);
        pending = false;
    }

    // End of the year: the engine's estimates against the truth.
    let end = start + Days::new(364);
    let status = sim.heft.program_status(end).unwrap();
    writeln!(
        sim.year.golden,
        "# end: next {} {}/{} from {}",
        status.next_phase.id, status.next_phase.session, status.next_phase.sessions, status.next_on
    )
    .unwrap();
    for l in &status.lifts {
        let e = sim.exercise(&l.exercise_id);
        let truth = if e.measure == Measure::WeightReps {
            num(sim.body.one_rm(&e))
        } else {
            "-".into()
        };
        // The estimate tracks the truth for lifts still trained with an
        // effort target: the lifter reports RIR exactly by Epley (to half a
        // rep, ~1%); fatigue (0.3 reps a set) and the day's form (+-3%)
        // move single sets a few percent, a lower estimate moves only
        // halfway down, and the true 1RM gains at most 0.6% a session.
        // 15% either way is generous.
        // A lift held because the equipment's next step would pass the top of
        // its band is documented (its reason asks for smaller steps): its
        // sets stay far from failure and the estimate learns slowly.
        let held_by_steps = l
            .last_change
            .as_ref()
            .is_some_and(|w| w.text.contains("smaller steps"));
        if let (Some(est), Some(last)) = (l.e1rm, sim.last_targeted.get(&l.exercise_id))
            && e.measure == Measure::WeightReps
            && (end - *last).num_days() <= 28
            && !held_by_steps
        {
            let truth = sim.body.one_rm(&e);
            if (est / truth - 1.0).abs() > 0.15 {
                sim.year.fail(
                    "estimate",
                    format!(
                        "{} {end}: {} e1RM {} after a year, true 1RM {} ({}%)",
                        who.slug(),
                        l.exercise_id,
                        num(est),
                        num(truth),
                        num(est / truth * 100.0)
                    ),
                );
            }
        }
        writeln!(
            sim.year.golden,
            "# end: {} e1RM {} (true {truth}) load {}",
            l.exercise_id,
            l.e1rm.map(num).unwrap_or_else(|| "-".into()),
            l.load.map(num).unwrap_or_else(|| "-".into())
        )
        .unwrap();
    }
    let counts: Vec<String> = sim
        .year
        .count
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    writeln!(
        sim.year.golden,
        "# end: {} sessions; {}",
        sim.year.sessions,
        counts.join(", ")
    )
    .unwrap();
    if !sim.year.lower_bar_steps.is_empty() {
        writeln!(
            sim.year.golden,
            "# end: median step on barbell squats and hinges {}% ({} steps)",
            num(median(&sim.year.lower_bar_steps) * 100.0),
            sim.year.lower_bar_steps.len()
        )
        .unwrap();
    }
    sim.year
}

// ---------------------------------------------------------------------------
// Running, golden files and the tests.

fn years(program: &str) -> &'static [Year] {
    static YEARS: [OnceLock<Vec<Year>>; 7] = [const { OnceLock::new() }; 7];
    let i = BUILTIN_PROGRAMS
        .iter()
        .position(|(id, _)| *id == program)
        .unwrap();
    YEARS[i].get_or_init(|| {
        let t = std::time::Instant::now();
        // One thread per lifter: the years are independent.
        let out: Vec<Year> = std::thread::scope(|scope| {
            let handles: Vec<_> = LIFTERS
                .iter()
                .map(|&w| scope.spawn(move || simulate(program, w)))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        eprintln!("{program}: 3 simulated years in {:.1?}", t.elapsed());
        out
    })
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("golden/scenarios")
        .join(format!("{name}.txt"))
}

/// Compares `text` with the golden file, or rewrites it when UPDATE_GOLDEN=1.
fn golden(name: &str, text: &str) -> Result<(), String> {
    let path = golden_path(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return Ok(());
    }
    let Ok(want) = std::fs::read_to_string(&path) else {
        return Err(format!(
            "{}: missing; run with UPDATE_GOLDEN=1 to write it",
            path.display()
        ));
    };
    let mut a = want.lines();
    let mut b = text.lines();
    let mut n = 0;
    loop {
        n += 1;
        match (a.next(), b.next()) {
            (None, None) => return Ok(()),
            (x, y) if x == y => {}
            (x, y) => {
                return Err(format!(
                    "{}:{n}: first difference (UPDATE_GOLDEN=1 rewrites after review)\n- golden: {}\n+ now:    {}",
                    path.display(),
                    x.unwrap_or("<end of file>"),
                    y.unwrap_or("<end of file>")
                ));
            }
        }
    }
}

fn listing(years: &[Year], keep: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for y in years {
        for (cat, list) in &y.violations {
            if !keep(cat) {
                continue;
            }
            for v in list.iter().take(6) {
                out.push(format!("[{cat}] {v}"));
            }
            if list.len() > 6 {
                out.push(format!("[{cat}] ... {} more", list.len() - 6));
            }
        }
    }
    out
}

/// Goldens, then every violation category, then what must have happened in
/// every year.
fn check_program(program: &str) -> &'static [Year] {
    let ys = years(program);
    let mut golden_errors = Vec::new();
    for y in ys {
        let who = y.who.unwrap();
        if let Err(e) = golden(&format!("{program}--{}", who.slug()), &y.golden) {
            golden_errors.push(e);
        }
    }
    let problems = listing(ys, |_| true);
    assert!(
        problems.is_empty(),
        "{program}: {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );

    let p = program_definition(program);
    let spw = u32::from(p.sessions_per_week);
    let mut missing = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            missing.push(what);
        }
    };
    for y in ys {
        let who = y.who.unwrap();
        let tag = format!("{program} {}", who.slug());
        let weeks = 52 - who.weeks_off().len() as u32;
        // Sessions on the program's rhythm, a few missed or shifted.
        expect(
            y.sessions * 10 >= weeks * spw * 9 && y.sessions <= weeks * spw,
            format!("{tag}: {} sessions in {weeks} weeks of {spw}", y.sessions),
        );
        expect(
            y.n("too-soon probes") > 0,
            format!("{tag}: no too-soon probe"),
        );
        // The engine's own ramp: heavy programs without familiarization,
        // for low bone mass and for new lifters; not for the man.
        let ramp = if p.heavy && !p.has_familiarization() && who != Who::Man55 {
            4 * spw
        } else {
            0
        };
        expect(
            y.n("ramp sessions") == ramp,
            format!(
                "{tag}: {} ramp sessions, expected {ramp}",
                y.n("ramp sessions")
            ),
        );
        expect(
            y.n("pain 6 reported") > 0,
            format!("{tag}: the forced pain 6 did not happen"),
        );
        if who == Who::Runner45 {
            expect(
                y.n("returns from the break") == 1 && y.n("layoff sessions") == 1,
                format!(
                    "{tag}: the 5-week break did not give one layoff session: {:?}",
                    y.count
                ),
            );
        } else {
            expect(
                y.n("layoff sessions") == 0,
                format!("{tag}: a layoff warning after at most 11 days off"),
            );
        }
        if who == Who::Man55 && program != "lisa-moderate" {
            expect(
                y.n("seeded lifts") >= 2,
                format!(
                    "{tag}: {} lifts seeded from the history",
                    y.n("seeded lifts")
                ),
            );
        }
        let trimmed = if who == Who::Runner45 && p.trim_above_running_min.is_some() {
            y.sessions
        } else {
            0
        };
        expect(
            y.n("trimmed sessions") == trimmed,
            format!(
                "{tag}: {} sessions with a running trim, expected {trimmed}",
                y.n("trimmed sessions")
            ),
        );
        // Weekly minutes: a program above the 40-60 min band on purpose says
        // why once at the start and is not warned every week (its lifter
        // follows it); one above it without saying so warns once the week's
        // sessions pass the mark (PROGRESSION.md, weekly dose).
        let weekly = u32::from(p.session_minutes) * spw;
        let warned = y.n("dose_high warnings") + y.n("dose_too_high warnings");
        if weekly > 60 && p.above_band.is_some() {
            expect(
                warned == 0,
                format!(
                    "{tag}: {weekly} min a week, said at the start, yet {warned} weekly warnings"
                ),
            );
        } else if weekly > 130 {
            expect(
                y.n("dose_too_high warnings") > 0,
                format!("{tag}: {weekly} min a week and never dose_too_high"),
            );
        } else if weekly > 60 {
            expect(
                y.n("dose_high warnings") > 0,
                format!("{tag}: {weekly} min a week and never dose_high"),
            );
        }
        // Low bone mass: crunches swapped every session where the program has them.
        let crunches = p
            .phases
            .iter()
            .flat_map(|ph| ph.days.iter().flat_map(|d| d.slots.iter()))
            .any(|s| s.exercise.contains("crunch"));
        let swaps = if who.low_bone_mass() && crunches {
            y.sessions
        } else {
            0
        };
        expect(
            y.n("flexion swaps") == swaps,
            format!(
                "{tag}: {} flexion swaps, expected {swaps}",
                y.n("flexion swaps")
            ),
        );
    }
    // Older lifters take smaller steps on the lower body (SCIENCE.md: ~2-5%
    // for older lifters, 5-10% lower body): the 68-year-old's median step on
    // plate-loaded squats and hinges is below the 45-year-old's.
    let woman = by(ys, Who::Woman68);
    let runner = by(ys, Who::Runner45);
    if woman.lower_bar_steps.len() >= 3 && runner.lower_bar_steps.len() >= 3 {
        let (w, r) = (
            median(&woman.lower_bar_steps),
            median(&runner.lower_bar_steps),
        );
        expect(
            w < r,
            format!(
                "{program}: median lower-body step {}% at 68, {}% at 45",
                num(w * 100.0),
                num(r * 100.0)
            ),
        );
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    assert!(golden_errors.is_empty(), "{}", golden_errors.join("\n"));
    ys
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn program_definition(id: &str) -> Program {
    let clock = Arc::new(ManualClock::new(at(start_date(), 8, 0)));
    Heft::open_in_memory(clock).unwrap().program(id).unwrap()
}

fn by(ys: &[Year], who: Who) -> &Year {
    ys.iter().find(|y| y.who == Some(who)).unwrap()
}

#[test]
fn liftmor_year() {
    let ys = check_program("liftmor");
    let woman = by(ys, Who::Woman68);
    let runner = by(ys, Who::Runner45);
    // The age comparison of lower-body steps in check_program had data.
    assert!(woman.lower_bar_steps.len() >= 3 && runner.lower_bar_steps.len() >= 3);
    // Osteopenia alone keeps the jumps (LIFTMOR's participants did them).
    assert_eq!(woman.n("sessions with landings"), woman.sessions);
    // Technique 2 weeks + light 2 weeks of familiarization, 2 a week.
    for y in ys {
        assert_eq!(y.n("familiarization sessions"), 8, "{:?}", y.who);
        assert!(y.n("percent sets checked") > 100, "{:?}", y.who);
    }
    // Planned for the last set (PROGRESSION.md, fatigue across sets), the
    // 5 x 5 is done: no lifter meets three sessions of missed reps.
    for y in ys {
        assert_eq!(y.n("stall deloads"), 0, "{:?} {:?}", y.who, y.count);
    }
    // The man's pressing plateaus at a load whose next plate step would
    // pass the band's top: the load holds and the plan asks for smaller
    // steps, rather than a heavier 5 x 5 he cannot finish.
    let man = by(ys, Who::Man55);
    assert!(man.n("holds for smaller steps") >= 3, "{:?}", man.count);
}

#[test]
fn lisa_heavy_year() {
    let ys = check_program("lisa-heavy");
    for y in ys {
        // 8 weeks of acclimatisation at 3 a week.
        assert_eq!(y.n("familiarization sessions"), 24, "{:?}", y.who);
        // Restitution weeks after each 8-week block.
        assert!(y.n("deload-phase sessions") >= 9, "{:?}", y.count);
        assert!(y.n("percent sets checked") > 100, "{:?}", y.who);
    }
}

#[test]
fn lisa_moderate_year() {
    let ys = check_program("lisa-moderate");
    for y in ys {
        assert_eq!(y.n("familiarization sessions"), 24, "{:?}", y.who);
        // Reps climb to 18, then the next harder variation.
        assert!(y.n("harder variations") >= 3, "{:?}", y.count);
    }
}

#[test]
fn minimum_dose_year() {
    let ys = check_program("minimum-dose");
    for y in ys {
        assert_eq!(y.n("familiarization sessions"), y.n("ramp sessions"));
        // 2 x 20 minutes sits in the 40-60 band.
        assert_eq!(y.n("dose_too_high warnings"), 0, "{:?}", y.who);
    }
}

#[test]
fn foundation_year() {
    let ys = check_program("foundation");
    for y in ys {
        // Two weeks of technique, twice a week.
        assert_eq!(y.n("familiarization sessions"), 4, "{:?}", y.who);
    }
    // No stall deload is required here: with loads capped on the one table
    // (PROGRESSION.md) the double-progression sets stay achievable; the
    // stall rule is exercised by linear 5 x 5 and LIFTMOR.
}

#[test]
fn runner_strength_year() {
    let ys = check_program("runner-strength");
    let runner = by(ys, Who::Runner45);
    assert!(runner.sessions > 0 && runner.n("trimmed sessions") == runner.sessions);
}

#[test]
fn linear_5x5_year() {
    let ys = check_program("linear-5x5");
    let man = by(ys, Who::Man55);
    assert!(man.n("stall deloads") >= 1, "{:?}", man.count);
    for y in ys {
        assert!(y.n("load increases") > 20, "{:?}", y.count);
    }
    let (woman, runner) = (by(ys, Who::Woman68), by(ys, Who::Runner45));
    assert!(woman.lower_bar_steps.len() >= 3 && runner.lower_bar_steps.len() >= 3);
}

// ---------------------------------------------------------------------------
// One test per rule over every program, so that a failure names the rule.

fn assert_category(category: &str) {
    let mut all = Vec::new();
    for (id, _) in BUILTIN_PROGRAMS {
        for line in listing(years(id), |c| c == category) {
            all.push(format!("{id}: {line}"));
        }
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn low_bone_mass_stays_under_70_percent_until_familiarized() {
    assert_category("low_bone_mass_cap");
}

#[test]
fn no_progress_in_three_sessions_means_a_deload() {
    assert_category("no_progress");
}

#[test]
fn percent_slots_stay_in_their_band() {
    assert_category("percent_band");
}

#[test]
fn phase_boundaries_keep_pain_stall_and_failure_decisions() {
    assert_category("phase_reset");
}

#[test]
fn familiarization_leaves_an_estimate() {
    assert_category("calibration");
}

#[test]
fn deload_weeks_are_lighter() {
    assert_category("deload");
}

#[test]
fn a_layoff_lowers_every_load() {
    assert_category("layoff");
}

#[test]
fn crunches_become_plank_or_dead_bug() {
    assert_category("safety_swap");
}

#[test]
fn estimates_track_the_lifter() {
    assert_category("estimate");
}

#[test]
fn no_working_set_above_the_estimate() {
    assert_category("over_e1rm");
}

#[test]
fn pain_six_lowers_the_next_load() {
    assert_category("pain");
}
