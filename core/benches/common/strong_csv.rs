//! A generator of realistic Strong CSV exports, written as a stream (nothing
//! is held in memory, so it can write a million rows).
//!
//! The layout is Strong's with `Duration` and `RPE`:
//! `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE`,
//! weights in kg without a unit (as Strong writes for kg users). Three
//! rotating workouts of about 25 sets over eight exercises Strong names its
//! own way ("Squat (Barbell)", "Pull Up", "Plank", ...): warm-ups as `W`,
//! working sets numbered from 1, now and then a drop set (`D`), weights that
//! grow over the years, RPE on about a third of the working sets, a note now
//! and then, workout notes repeated on every row of their workout (as Strong
//! does), about one weight in fifty with a float artefact
//! (`74.99999999999999`), and a "Rest Timer" row in about one workout in
//! three. Deterministic: the same arguments give the same bytes.

use std::io::{self, Write};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};

use super::Rng;

/// The header line.
pub const HEADER: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE";

/// How an exercise's sets look.
#[derive(Clone, Copy, PartialEq)]
enum Sets {
    /// Barbell: warm-ups (`W`) ramping from the empty bar, then working sets.
    Barbell,
    /// Body weight, with added weight later on.
    Bodyweight,
    /// Dumbbells, 8-12 reps.
    Dumbbell,
    /// A hold, timed (`Seconds`), no weight or reps.
    Hold,
}

/// Strong's name, how its sets look, working weight in kg after six years.
type Exercise = (&'static str, Sets, f64);

const SQUAT: Exercise = ("Squat (Barbell)", Sets::Barbell, 140.0);
const BENCH: Exercise = ("Bench Press (Barbell)", Sets::Barbell, 100.0);
const DEADLIFT: Exercise = ("Deadlift (Barbell)", Sets::Barbell, 180.0);
const PRESS: Exercise = ("Overhead Press (Barbell)", Sets::Barbell, 65.0);
const ROW: Exercise = ("Bent Over Row (Barbell)", Sets::Barbell, 90.0);
const PULL_UP: Exercise = ("Pull Up", Sets::Bodyweight, 20.0);
const CURL: Exercise = ("Bicep Curl (Dumbbell)", Sets::Dumbbell, 18.0);
const PLANK: Exercise = ("Plank", Sets::Hold, 0.0);

/// Every exercise name the generator writes.
pub const EXERCISE_NAMES: [&str; 8] = [
    SQUAT.0, BENCH.0, DEADLIFT.0, PRESS.0, ROW.0, PULL_UP.0, CURL.0, PLANK.0,
];

/// One exercise of a workout: the exercise, warm-ups, working sets.
type Slot = (Exercise, u32, u32);

/// Three rotating workouts (24-25 sets each, before drop sets and rest rows).
const WORKOUTS: [(&str, &[Slot]); 3] = [
    (
        "Workout A",
        &[
            (SQUAT, 3, 5),
            (BENCH, 2, 5),
            (ROW, 1, 4),
            (PULL_UP, 0, 3),
            (PLANK, 0, 2),
        ],
    ),
    (
        "Workout B",
        &[
            (DEADLIFT, 3, 3),
            (PRESS, 2, 5),
            (PULL_UP, 0, 4),
            (CURL, 0, 4),
            (SQUAT, 0, 3),
        ],
    ),
    (
        "Workout C",
        &[
            (SQUAT, 2, 5),
            (BENCH, 2, 5),
            (DEADLIFT, 2, 1),
            (ROW, 0, 4),
            (CURL, 0, 3),
            (PLANK, 0, 1),
        ],
    ),
];

/// Average rows of a workout, for spreading the workouts over the calendar.
const ROWS_PER_WORKOUT: f64 = 25.2;

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    /// Data rows (after the header).
    pub rows: u64,
    /// Workouts.
    pub workouts: u64,
    /// Rows that are sets (all but the rest-timer rows).
    pub sets: u64,
    /// Of them, warm-ups (`W`).
    pub warmups: u64,
    /// Rest-timer rows (an import skips them).
    pub rest_rows: u64,
    /// Weights written with a float artefact.
    pub artefacts: u64,
    /// Bytes written, header included.
    pub bytes: u64,
    /// Day of the first workout.
    pub first: Option<NaiveDate>,
    /// Day of the last workout.
    pub last: Option<NaiveDate>,
}

/// Counts the bytes that pass.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Weight in kg rounded to a loadable step (2.5 kg, 1 kg under 20 kg).
fn loadable(kg: f64) -> f64 {
    let step = if kg >= 20.0 { 2.5 } else { 1.0 };
    (kg / step).round() * step
}

/// `1h 5m` or `58m`, as Strong writes a duration.
fn duration_text(minutes: i64) -> String {
    if minutes >= 60 {
        format!("{}h {}m", minutes / 60, minutes % 60)
    } else {
        format!("{minutes}m")
    }
}

/// The workout slots: four a week (Monday, Tuesday, Thursday, Saturday)
/// when the file is small enough to fit since 1950, else two a day (the
/// million-row file would otherwise start before 1900, which Heft refuses).
fn slot_days(workouts: u64, last: NaiveDate) -> (NaiveDate, bool) {
    let four_a_week_days = (workouts as f64 * 7.0 / 4.0 * 1.03) as u64 + 7;
    let first = last - Days::new(four_a_week_days);
    if first.year() >= 1950 {
        (first, false)
    } else {
        (
            last - Days::new((workouts as f64 / 2.0 * 1.03) as u64 + 1),
            true,
        )
    }
}

/// Writes a Strong export with exactly `rows` data rows to `out`, its last
/// workout on or before `last_day` (the last workout is cut short to end on
/// the exact count).
pub fn write(out: impl Write, rows: u64, last_day: NaiveDate) -> io::Result<Generated> {
    let mut out = Counting {
        inner: io::BufWriter::with_capacity(256 * 1024, out),
        bytes: 0,
    };
    let mut rng = Rng(0x5370_726f_6e67_4353);
    let mut g = Generated::default();
    writeln!(out, "{HEADER}")?;
    let workouts_needed = (rows as f64 / ROWS_PER_WORKOUT).ceil() as u64;
    let (first_day, two_a_day) = slot_days(workouts_needed, last_day);
    let span_days = (last_day - first_day).num_days().max(1) as f64;
    let mut day = first_day;
    let mut session = 0_usize;
    let mut line = String::with_capacity(256);
    'days: loop {
        let times: &[(u32, u32)] = if two_a_day {
            &[(7, 0), (18, 30)]
        } else {
            match day.weekday() {
                Weekday::Mon | Weekday::Tue | Weekday::Thu => &[(18, 0)],
                Weekday::Sat => &[(10, 0)],
                _ => &[],
            }
        };
        for &(hour, minute) in times {
            if g.rows >= rows {
                break 'days;
            }
            let start = NaiveDateTime::new(
                day,
                NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN),
            ) + TimeDelta::seconds(rng.below(1800) as i64);
            // Strength grows over the first 40% of the span, then holds.
            let t = (day - first_day).num_days() as f64 / span_days;
            let strength = 0.55 + 0.45 * (t / 0.4).min(1.0);
            let (template, slots) = WORKOUTS[session % WORKOUTS.len()];
            session += 1;
            let name = if rng.chance(0.1) {
                if hour < 12 {
                    "Morning Workout"
                } else {
                    "Evening Workout"
                }
            } else {
                template
            };
            let date = start.format("%Y-%m-%d %H:%M:%S").to_string();
            let duration = duration_text(50 + rng.below(40) as i64);
            let workout_note = if rng.chance(0.03) { "Good session" } else { "" };
            let rest_after = if rng.chance(0.35) {
                Some(rng.below(slots.len() as u64) as usize)
            } else {
                None
            };
            let reps_block = [5, 5, 3, 8][rng.below(4) as usize];
            g.workouts += 1;
            g.first.get_or_insert(day);
            g.last = Some(day);
            for (i, &((exercise, sets, top), warmups, working)) in slots.iter().enumerate() {
                let work_kg = loadable(top * strength);
                // (order, weight kg, reps, seconds, rpe)
                let mut rows_of: Vec<(String, f64, u32, u32, Option<f64>)> = Vec::new();
                match sets {
                    Sets::Barbell => {
                        for w in 0..warmups {
                            let kg = match w {
                                0 => 20.0,
                                1 => loadable((work_kg * 0.6).max(20.0)),
                                _ => loadable((work_kg * 0.8).max(20.0)),
                            };
                            rows_of.push(("W".into(), kg, if w == 0 { 10 } else { 5 }, 0, None));
                        }
                        for n in 1..=working {
                            let rpe = rng.chance(0.33).then(|| 7.0 + 0.5 * rng.below(5) as f64);
                            rows_of.push((n.to_string(), work_kg, reps_block, 0, rpe));
                        }
                        if rng.chance(0.1) {
                            let kg = loadable(work_kg * 0.8);
                            rows_of.push(("D".into(), kg, reps_block + 3, 0, None));
                        }
                    }
                    Sets::Bodyweight => {
                        let added = if t > 0.5 && rng.chance(0.5) {
                            loadable(top * t)
                        } else {
                            0.0
                        };
                        for n in 1..=working {
                            let rpe = rng.chance(0.33).then_some(8.0);
                            let reps = 6 + rng.below(7) as u32;
                            rows_of.push((n.to_string(), added, reps, 0, rpe));
                        }
                    }
                    Sets::Dumbbell => {
                        for n in 1..=working {
                            let reps = 8 + rng.below(5) as u32;
                            rows_of.push((n.to_string(), work_kg, reps, 0, None));
                        }
                    }
                    Sets::Hold => {
                        for n in 1..=working {
                            let secs = 45 + 5 * rng.below(10) as u32;
                            rows_of.push((n.to_string(), 0.0, 0, secs, None));
                        }
                    }
                }
                for (order, kg, reps, secs, rpe) in rows_of {
                    if g.rows >= rows {
                        break 'days;
                    }
                    line.clear();
                    let weight = if kg != 0.0 && rng.chance(0.02) {
                        g.artefacts += 1;
                        // The neighbouring float, as Strong's lb/kg conversions leave.
                        let bits = kg.to_bits();
                        f64::from_bits(if rng.chance(0.5) { bits - 1 } else { bits + 1 })
                    } else {
                        kg
                    };
                    let note = if rng.chance(0.01) {
                        ["felt strong", "left shoulder a bit sore", "new belt"]
                            [rng.below(3) as usize]
                    } else {
                        ""
                    };
                    use std::fmt::Write as _;
                    let _ = write!(
                        line,
                        "{date},\"{name}\",{duration},\"{exercise}\",{order},{weight:?},{reps},0,{secs},\"{note}\",\"{workout_note}\","
                    );
                    if let Some(rpe) = rpe {
                        let _ = write!(line, "{rpe}");
                    }
                    line.push('\n');
                    out.write_all(line.as_bytes())?;
                    g.rows += 1;
                    g.sets += 1;
                    g.warmups += u64::from(order == "W");
                }
                if rest_after == Some(i) && g.rows < rows {
                    writeln!(
                        out,
                        "{date},\"{name}\",{duration},\"{exercise}\",Rest Timer,0,0,0,{},\"\",\"{workout_note}\",",
                        60 + 30 * rng.below(5)
                    )?;
                    g.rows += 1;
                    g.rest_rows += 1;
                }
            }
        }
        day = day + Days::new(1);
    }
    out.flush()?;
    g.bytes = out.bytes;
    Ok(g)
}
