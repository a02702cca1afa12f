//! The weekly dose: minutes of lifting against the 40-60 minute band,
//! sessions, hard sets per muscle group, and the bone-loading dose.
//!
//! Rules where SCIENCE.md gives no number are marked [design] and listed in
//! docs/ANALYTICS.md.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::input::AnalyticsSet;
use super::sessions::sessions;
use super::strength::E1rmHistory;
use super::week::Week;
use crate::model::Muscle;
use crate::progression::minutes::RestLookup;
use crate::progression::plan::{DOSE_LIMIT, DOSE_MAX, DOSE_MIN, DoseLevel};
use crate::progression::strength::Formula;

/// A set is heavy at this fraction of the exercise's e1RM at the time or above
/// (LIFTMOR lifted at 80-85% 1RM).
pub const HEAVY_FRACTION: f64 = 0.8;
/// A set is heavy by effort when its reps plus reps in reserve are at most
/// this: the RPE chart puts such a set at 78.6% of 1RM or more (8 reps to
/// failure), the 80% line within the one-rep error of RIR ratings
/// (Zourdos 2016). 5 reps at RIR 3 is heavy, 10 reps at RIR 2 is not. [design]
pub const HEAVY_REPS_TO_FAILURE: f64 = 8.0;
/// Heavy axial sets that make a workout a heavy axial session (one LIFTMOR
/// lift is 5 sets of 5). [design]
pub const HEAVY_SETS_PER_SESSION: u32 = 5;
/// Heavy axial sessions (on different days) a week of the LIFTMOR pattern has.
pub const LIFTMOR_SESSIONS: u32 = 2;
/// Landings from impact exercises a week of the LIFTMOR pattern has (two
/// sessions of jumping work). [design]
pub const LIFTMOR_LANDINGS: u32 = 20;

/// The weekly band, for charts that draw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DoseBand {
    /// Lower edge, minutes (40).
    pub min_minutes: u32,
    /// Upper edge, minutes (60).
    pub max_minutes: u32,
    /// No further benefit above this, minutes (130).
    pub limit_minutes: u32,
}

/// The band of SCIENCE.md, "Dose: the J-curve".
pub const BAND: DoseBand = DoseBand {
    min_minutes: DOSE_MIN,
    max_minutes: DOSE_MAX,
    limit_minutes: DOSE_LIMIT,
};

/// What a week's level means, in SCIENCE.md's words.
pub fn dose_text(level: DoseLevel) -> &'static str {
    match level {
        DoseLevel::Below => "below the 40-60 min band",
        DoseLevel::InBand => "in the 40-60 min band, where the benefit peaks",
        DoseLevel::Above => "more than needed",
        DoseLevel::FarAbove => "no more benefit, more risk",
    }
}

/// The program's planned sessions per week, from the day its run started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedSessions {
    /// Sessions per week.
    pub per_week: u8,
    /// The run's first day: weeks before the one holding it had no plan.
    pub since: NaiveDate,
}

impl PlannedSessions {
    /// Planned sessions for `week`, `None` before the run.
    pub fn for_week(self, week: Week) -> Option<u8> {
        (week >= Week::of(self.since)).then_some(self.per_week)
    }
}

/// Hard sets of one muscle group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MuscleSets {
    /// The group.
    pub muscle: Muscle,
    /// Hard sets that train it.
    pub sets: u32,
}

/// A week's bone-loading dose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BoneWeek {
    /// Heavy sets of axially loading exercises ([`is_heavy_axial`]): work
    /// sets at 80% or more of the e1RM at the time, or with reps + RIR of 8
    /// or less.
    pub heavy_axial_sets: u32,
    /// Days with a workout holding >= 5 heavy axial sets.
    pub heavy_axial_sessions: u32,
    /// Landings of impact exercises.
    pub landings: u32,
    /// At least 2 heavy axial sessions.
    pub liftmor_lifting: bool,
    /// At least 20 landings.
    pub liftmor_impact: bool,
    /// Both: the week matches the LIFTMOR pattern.
    pub meets_liftmor: bool,
}

/// One ISO week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WeekStats {
    /// The week, e.g. "2026-W47".
    pub week: Week,
    /// Its Monday.
    pub monday: NaiveDate,
    /// Minutes of lifting, rounded (sessions that started this week).
    pub lifting_minutes: u32,
    /// Sessions whose minutes are estimated from their sets.
    pub estimated_sessions: u32,
    /// Where the minutes put the week.
    pub dose: DoseLevel,
    /// The level in words.
    pub dose_text: String,
    /// Workouts with lifting that started this week.
    pub sessions: u32,
    /// The program's planned sessions, when a program ran this week.
    pub planned_sessions: Option<u8>,
    /// Hard sets (each set once).
    pub hard_sets: u32,
    /// Hard sets per muscle group (a set counts for each group it trains).
    pub hard_sets_by_muscle: Vec<MuscleSets>,
    /// Bone-loading dose.
    pub bone: BoneWeek,
}

/// Heavy for the bone dose: a working or failure set of an axial exercise,
/// not a warm-up or technique practice ([`AnalyticsSet::is_work`]), at
/// [`HEAVY_FRACTION`] of `reference` (the e1RM at the time, from working
/// sets only) or more, or with reps plus RIR at most
/// [`HEAVY_REPS_TO_FAILURE`].
pub fn is_heavy_axial(s: &AnalyticsSet, reference: Option<f64>) -> bool {
    if !s.exercise.axial || !s.is_work() {
        return false;
    }
    let by_effort = match (s.reps, s.rir) {
        (Some(reps), Some(rir)) if reps > 0 && rir >= 0.0 => {
            f64::from(reps) + rir <= HEAVY_REPS_TO_FAILURE
        }
        _ => false,
    };
    let by_load = match (s.external_kg(), reference) {
        (Some(kg), Some(e)) => e > 0.0 && kg >= HEAVY_FRACTION * e,
        _ => false,
    };
    by_effort || by_load
}

/// Per week, counts built set by set.
#[derive(Default)]
struct Acc {
    minutes: f64,
    estimated: u32,
    sessions: u32,
    hard: u32,
    muscles: BTreeMap<Muscle, u32>,
    heavy: u32,
    heavy_days: HashSet<NaiveDate>,
    landings: u64,
}

/// Stats of every ISO week from the one holding `from` to the one holding
/// `to`. `sets` should reach [`super::strength::RECENT_DAYS`] days before
/// `from`'s Monday, for the e1RM a heavy set is measured against. A session
/// without a recorded length rests what `rest` says between working sets
/// (the running program's, as the engine's dose does).
pub fn weekly(
    sets: &[AnalyticsSet],
    from: NaiveDate,
    to: NaiveDate,
    formula: Formula,
    planned: Option<PlannedSessions>,
    rest: &dyn RestLookup,
) -> Vec<WeekStats> {
    let weeks = Week::range(from, to);
    let (Some(first), Some(last)) = (weeks.first().copied(), weeks.last().copied()) else {
        return Vec::new();
    };
    let in_range = |w: Week| w >= first && w <= last;
    let mut acc: BTreeMap<Week, Acc> = weeks.iter().map(|w| (*w, Acc::default())).collect();
    for s in sessions(
        sets.iter().filter(|s| in_range(Week::of(s.session_date()))),
        rest,
    ) {
        if let Some(a) = acc.get_mut(&s.week) {
            a.minutes += s.lifting_minutes;
            a.estimated += u32::from(s.estimated);
            a.sessions += 1;
        }
    }
    let reference = E1rmHistory::from_sets(sets, formula, |s| s.exercise.axial);
    // Heavy axial sets per workout, with the workout's date.
    let mut per_workout: HashMap<&str, (NaiveDate, u32)> = HashMap::new();
    for s in sets {
        let heavy = is_heavy_axial(s, reference.before(&s.exercise.id, s.date));
        if heavy && in_range(Week::of(s.session_date())) {
            per_workout
                .entry(&s.workout_id)
                .or_insert((s.session_date(), 0))
                .1 += 1;
        }
        let Some(a) = acc.get_mut(&s.week) else {
            continue;
        };
        if s.is_hard() {
            a.hard += 1;
            for m in &s.exercise.muscles {
                *a.muscles.entry(*m).or_insert(0) += 1;
            }
        }
        a.heavy += u32::from(heavy);
        a.landings += u64::from(s.impact_landings());
    }
    for (date, n) in per_workout.into_values() {
        if n >= HEAVY_SETS_PER_SESSION
            && let Some(a) = acc.get_mut(&Week::of(date))
        {
            a.heavy_days.insert(date);
        }
    }
    acc.into_iter()
        .map(|(week, a)| {
            let minutes = a.minutes.round().clamp(0.0, f64::from(u32::MAX)) as u32;
            let dose = DoseLevel::of(minutes);
            let heavy_sessions = a.heavy_days.len() as u32;
            let landings = u32::try_from(a.landings).unwrap_or(u32::MAX);
            let lifting = heavy_sessions >= LIFTMOR_SESSIONS;
            let impact = landings >= LIFTMOR_LANDINGS;
            WeekStats {
                week,
                monday: week.monday(),
                lifting_minutes: minutes,
                estimated_sessions: a.estimated,
                dose,
                dose_text: dose_text(dose).to_owned(),
                sessions: a.sessions,
                planned_sessions: planned.and_then(|p| p.for_week(week)),
                hard_sets: a.hard,
                hard_sets_by_muscle: a
                    .muscles
                    .into_iter()
                    .map(|(muscle, sets)| MuscleSets { muscle, sets })
                    .collect(),
                bone: BoneWeek {
                    heavy_axial_sets: a.heavy,
                    heavy_axial_sessions: heavy_sessions,
                    landings,
                    liftmor_lifting: lifting,
                    liftmor_impact: impact,
                    meets_liftmor: lifting && impact,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::input::fixtures::*;
    use super::*;
    use crate::model::SetKind;
    use crate::progression::minutes::NoProgram;

    #[test]
    fn band_edges() {
        assert_eq!(DoseLevel::of(39), DoseLevel::Below);
        assert_eq!(DoseLevel::of(40), DoseLevel::InBand);
        assert_eq!(DoseLevel::of(60), DoseLevel::InBand);
        assert_eq!(DoseLevel::of(61), DoseLevel::Above);
        assert_eq!(DoseLevel::of(130), DoseLevel::Above);
        assert_eq!(DoseLevel::of(131), DoseLevel::FarAbove);
        assert_eq!(dose_text(DoseLevel::Above), "more than needed");
        assert_eq!(dose_text(DoseLevel::FarAbove), "no more benefit, more risk");
    }

    #[test]
    fn heavy_by_load_or_effort() {
        let t = at(d(2026, 11, 24), 18, 0, 1);
        let s = set(squat(), "w", t).kg(100.0).reps(5).rir(4.0);
        assert!(is_heavy_axial(&s, Some(125.0)), "100 is 80% of 125");
        assert!(!is_heavy_axial(&s, Some(125.1)));
        assert!(!is_heavy_axial(&s, None));
        assert!(
            is_heavy_axial(&s.clone().rir(3.0), None),
            "5 reps at RIR 3: 8 reps to failure, 78.6% on the chart"
        );
        assert!(
            !is_heavy_axial(&s.clone().reps(10).rir(2.0), None),
            "10 reps at RIR 2 is about 69%: not heavy, whatever the effort"
        );
        assert!(is_heavy_axial(&s.clone().reps(8).rir(0.0), None));
        // Technique practice and planned warm-ups never are, even near failure
        // or against an e1RM estimated from light sets.
        let mut practice = s.clone().rir(2.0);
        practice.role = Some(crate::model::SetRole::Technique);
        assert!(!is_heavy_axial(&practice, Some(25.0)));
        practice.role = Some(crate::model::SetRole::Warmup);
        assert!(!is_heavy_axial(&practice, Some(25.0)));
        practice.role = Some(crate::model::SetRole::Working);
        assert!(is_heavy_axial(&practice, Some(25.0)));
        assert!(!is_heavy_axial(
            &s.clone().rir(2.0).kind(SetKind::Warmup),
            None
        ));
        assert!(!is_heavy_axial(
            &s.clone().rir(2.0).kind(SetKind::Drop),
            None
        ));
        let bench = set(bench(), "w", t).kg(100.0).reps(5).rir(0.0);
        assert!(
            !is_heavy_axial(&bench, Some(100.0)),
            "bench press is not axial"
        );
    }

    /// Week 48 of 2026 (23-29 November) at UTC+1, with week 47 before it.
    fn two_weeks() -> Vec<AnalyticsSet> {
        let t = |day, h| at(d(2026, 11, day), h, 0, 1);
        let mut v = Vec::new();
        // Week 47, Monday 16th: the e1RM the heavy sets are measured against:
        // 100 x 5 @ 0 = 116.67 kg; 80% = 93.33 kg.
        v.push(
            set(squat(), "w0", t(16, 18))
                .kg(100.0)
                .reps(5)
                .rir(0.0)
                .workout(t(16, 18), Some(45)),
        );
        // Week 48, Monday: 5 x 5 at 95 kg @ 3 (heavy by load), 45 minutes.
        for i in 0..5 {
            v.push(
                set(squat(), "w1", t(23, 18))
                    .kg(95.0)
                    .reps(5)
                    .rir(3.0)
                    .id(&format!("m{i}"))
                    .workout(t(23, 18), Some(45)),
            );
        }
        // Jumps: 2 x 10 landings on Monday.
        for _ in 0..2 {
            v.push(
                set(box_jump(), "w1", t(23, 18))
                    .reps(10)
                    .landings(10)
                    .workout(t(23, 18), Some(45)),
            );
        }
        // Thursday: 5 x 3 deadlift @ 2 (heavy by effort, no e1RM history),
        // 2 bench sets @ 4 (not hard), 30 minutes.
        for _ in 0..5 {
            v.push(
                set(deadlift(), "w2", t(26, 18))
                    .kg(140.0)
                    .reps(3)
                    .rir(2.0)
                    .workout(t(26, 18), Some(30)),
            );
        }
        for _ in 0..2 {
            v.push(
                set(bench(), "w2", t(26, 18))
                    .kg(60.0)
                    .reps(8)
                    .rir(4.0)
                    .workout(t(26, 18), Some(30)),
            );
        }
        // Sunday 23:00: a warm-up only workout of unknown length, still this week.
        v.push(
            set(squat(), "w3", t(29, 23))
                .kg(60.0)
                .reps(5)
                .kind(SetKind::Warmup),
        );
        // A run: not lifting.
        v.push(
            set(running(), "r", t(28, 9))
                .seconds(1800)
                .workout(t(28, 9), Some(30)),
        );
        v
    }

    #[test]
    fn a_week_by_hand() {
        let sets = two_weeks();
        let plan = PlannedSessions {
            per_week: 3,
            since: d(2026, 11, 20),
        };
        let weeks = weekly(
            &sets,
            d(2026, 11, 16),
            d(2026, 11, 29),
            Formula::Epley,
            Some(plan),
            &NoProgram,
        );
        assert_eq!(weeks.len(), 2);
        let (w47, w48) = (&weeks[0], &weeks[1]);
        assert_eq!(w47.week.label(), "2026-W47");
        assert_eq!(w47.planned_sessions, Some(3), "the run started in week 47");
        assert_eq!((w47.lifting_minutes, w47.sessions), (45, 1));
        assert_eq!(w47.bone.heavy_axial_sets, 1, "RIR 0");

        assert_eq!(w48.monday, d(2026, 11, 23));
        // 45 + 30 + warm-up estimate (30 s to set up, 5 reps at 3 s and 25
        // s: 1.17 min) = 76.17 -> 76.
        assert_eq!((w48.lifting_minutes, w48.estimated_sessions), (76, 1));
        assert_eq!(w48.dose, DoseLevel::Above);
        assert_eq!(w48.dose_text, "more than needed");
        assert_eq!(w48.sessions, 3);
        // Hard: 5 squats (RIR 3) + 5 deadlifts (RIR 2); bench at RIR 4 and
        // jumps are not hard.
        assert_eq!(w48.hard_sets, 10);
        let by = |m: Muscle| {
            w48.hard_sets_by_muscle
                .iter()
                .find(|x| x.muscle == m)
                .map(|x| x.sets)
        };
        assert_eq!(by(Muscle::Quads), Some(5));
        assert_eq!(by(Muscle::Glutes), Some(10));
        assert_eq!(by(Muscle::LowerBack), Some(10));
        assert_eq!(by(Muscle::Chest), None);
        assert_eq!(w48.bone.heavy_axial_sets, 10);
        assert_eq!(w48.bone.heavy_axial_sessions, 2);
        assert_eq!(w48.bone.landings, 20);
        assert!(w48.bone.liftmor_lifting && w48.bone.liftmor_impact && w48.bone.meets_liftmor);
    }

    #[test]
    fn lighter_sets_are_not_heavy() {
        // 93 kg is under 80% of 116.67 (93.33), and at RIR 4 five reps are
        // 9 to failure: the Monday session is not heavy.
        let sets: Vec<AnalyticsSet> = two_weeks()
            .into_iter()
            .map(|s| {
                if s.workout_id.as_ref() == "w1" && s.exercise.id == "back-squat" {
                    s.kg(93.0).rir(4.0)
                } else {
                    s
                }
            })
            .collect();
        let w48 = &weekly(
            &sets,
            d(2026, 11, 23),
            d(2026, 11, 23),
            Formula::Epley,
            None,
            &NoProgram,
        )[0];
        assert_eq!(w48.bone.heavy_axial_sets, 5);
        assert_eq!(w48.bone.heavy_axial_sessions, 1);
        assert!(!w48.bone.liftmor_lifting && !w48.bone.meets_liftmor);
        assert_eq!(w48.planned_sessions, None);
    }

    #[test]
    fn plans_start_with_their_run() {
        let p = PlannedSessions {
            per_week: 2,
            since: d(2026, 11, 26),
        };
        assert_eq!(p.for_week(Week::of(d(2026, 11, 23))), Some(2));
        assert_eq!(p.for_week(Week::of(d(2026, 11, 22))), None);
    }

    #[test]
    fn empty_weeks_are_listed() {
        let weeks = weekly(
            &[],
            d(2026, 12, 28),
            d(2027, 1, 10),
            Formula::Epley,
            None,
            &NoProgram,
        );
        let labels: Vec<String> = weeks.iter().map(|w| w.week.label()).collect();
        assert_eq!(labels, ["2026-W53", "2027-W01"]);
        assert!(
            weeks
                .iter()
                .all(|w| w.lifting_minutes == 0 && w.dose == DoseLevel::Below)
        );
        assert!(
            weekly(
                &[],
                d(2027, 1, 10),
                d(2026, 12, 28),
                Formula::Epley,
                None,
                &NoProgram
            )
            .is_empty()
        );
    }
}
