//! Printing programs and plans: what to lift, in words and numbers.

use comfy_table::Cell;
use heft_core::model::{Effort, Exercise, SetKind, Unit, format_milli};
use heft_core::progression::plan::{PhasePosition, PlannedLoad, PlannedSet, Why};
use heft_core::progression::program::{Intensity, Program};
use heft_core::screens::{
    Banner, Note, ProgramDetailScreen, ProgramListScreen, ProgramStatusScreen, Tone,
};
use heft_core::{ProgramRun, ProgramStatus, ProgramSummary, StartedProgram, Today};

use crate::render::{count, print_json, table};

fn why_line(w: &Why) -> String {
    reason_line(&w.text, w.heuristic)
}

fn reason_line(text: &str, heuristic: bool) -> String {
    if heuristic {
        format!("    · {text} (rule of thumb)")
    } else {
        format!("    · {text}")
    }
}

fn load_text(load: &PlannedLoad) -> String {
    match load {
        PlannedLoad::None => String::new(),
        PlannedLoad::Weight { weight } => weight.to_string(),
        PlannedLoad::Bodyweight { added: None } => "body weight".into(),
        PlannedLoad::Bodyweight { added: Some(w) } if w.milli() < 0 => {
            format!("body weight, {} assistance", format_milli(-w.milli()))
        }
        PlannedLoad::Bodyweight { added: Some(w) } => format!("body weight + {w}"),
        PlannedLoad::FindLoad { start: Some(w) } => format!("work up from {w}"),
        PlannedLoad::FindLoad { start: None } => "work up".into(),
    }
}

fn set_text(s: &PlannedSet) -> String {
    let reps = if s.timed {
        format!("{} s", s.reps)
    } else if s.reps.min == s.reps.max {
        count(s.reps.min, "rep", "reps")
    } else {
        format!("{} reps", s.reps)
    };
    let load = load_text(&s.load);
    let mut text = if load.is_empty() {
        reps
    } else {
        format!("{load} x {reps}")
    };
    if let Some(b) = &s.band {
        text.push_str(&format!(", {b} band"));
    }
    if let Some(r) = s.rir {
        text.push_str(&format!(
            ", {} in reserve (RPE {})",
            trim(r),
            trim(Effort::Rir(r).rpe())
        ));
    }
    if let Some(p) = s.percent_1rm {
        text.push_str(&format!(", {}% of e1RM", trim(p)));
    }
    if let Some(l) = s.landings {
        text.push_str(&format!(", {}", count(l, "drop landing", "drop landings")));
    }
    text
}

/// "HiRIT 5 x 5, session 2 of 60": where a session sits in its phase.
fn phase_text(p: &PhasePosition) -> String {
    format!("{}, session {} of {}", p.name, p.session, p.sessions)
}

/// The line after `today` and a plain `heft log`: the next set and how to
/// log it, or that the session is complete.
pub fn next_line(t: &Today) -> String {
    let Some(n) = &t.next else {
        return "Every set is logged: `heft finish` closes the session and counts it.".into();
    };
    let s = &n.set;
    let kind = if s.kind == SetKind::Warmup {
        "warm-up"
    } else {
        "set"
    };
    let how = match s.load {
        // `heft log` alone refuses these (needs_load): the person picks the weight.
        PlannedLoad::FindLoad { .. } => {
            let effort = s.rir.map(|r| format!("@{}", trim(r))).unwrap_or_default();
            format!(
                "work up to it, then log the weight you used: `heft log {} WEIGHTx{}{effort}`",
                n.exercise_name.to_lowercase(),
                s.reps.min
            )
        }
        _ => "`heft log` logs it as prescribed".into(),
    };
    format!(
        "Next: {} {kind} {}: {}  ({how})",
        n.exercise_name,
        n.number,
        set_text(s)
    )
}

fn trim(x: f64) -> String {
    heft_core::model::format_decimal(x, 1)
}

/// `heft program list`.
pub fn programs(list: &[ProgramSummary], json: bool) {
    if json {
        return print_json(list);
    }
    let mut t = table();
    t.set_header(["Id", "Name", "Per week", "Min", ""]);
    for p in list {
        t.add_row([
            Cell::new(&p.id),
            Cell::new(&p.name),
            Cell::new(p.sessions_per_week),
            Cell::new(p.session_minutes),
            Cell::new(if p.builtin { "" } else { "custom" }),
        ]);
    }
    println!("{t}");
}

fn intensity_text(i: &Intensity) -> String {
    match i {
        Intensity::Technique => "technique".into(),
        Intensity::Percent { min, max } if min == max => format!("{}% e1RM", trim(*min)),
        Intensity::Percent { min, max } => format!("{}-{}% e1RM", trim(*min), trim(*max)),
        Intensity::Rir { min, max } if min == max => format!("RIR {}", trim(*min)),
        Intensity::Rir { min, max } => format!("RIR {}-{}", trim(*min), trim(*max)),
    }
}

/// `heft program show`.
pub fn program(p: &Program, exercises: &[Exercise], json: bool) {
    if json {
        return print_json(p);
    }
    let name = |id: &str| {
        exercises
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    println!("{} ({})", p.name, p.id);
    println!("{}", p.summary);
    println!("Source: {}", p.source);
    println!(
        "{} a week, at least {} apart, about {} min each.",
        count(p.sessions_per_week, "session", "sessions"),
        count(p.min_days_between, "day", "days"),
        p.session_minutes
    );
    for (i, phase) in p.phases.iter().enumerate() {
        let repeat = if i == p.repeat_from && p.phases.len() > 1 {
            "  (repeats from here)"
        } else {
            ""
        };
        println!(
            "\n{}: {} week{} ({:?}){repeat}",
            phase.name,
            phase.weeks,
            if phase.weeks == 1 { "" } else { "s" },
            phase.kind
        );
        for day in &phase.days {
            println!("  Day {}", day.name);
            for s in &day.slots {
                println!(
                    "    {:<32} {} x {:<6} {:<16} {}",
                    name(&s.exercise),
                    s.sets,
                    s.reps.to_string(),
                    intensity_text(&s.intensity),
                    s.rule.as_str()
                );
            }
        }
    }
}

/// `heft program start`.
pub fn program_started(s: &StartedProgram, json: bool) {
    if json {
        return print_json(s);
    }
    println!("Started {} on {}.", s.program.name, s.run.started_on);
    for n in &s.notes {
        println!("{}", why_line(n).trim_start());
    }
    println!("`heft today` shows the first session.");
}

/// `heft program status`.
pub fn program_status(s: &ProgramStatus, json: bool) {
    if json {
        return print_json(s);
    }
    println!(
        "{} since {}: {} done. Next: {}, from {}.",
        s.program.name,
        s.run.started_on,
        count(s.run.state.sessions_done, "session", "sessions"),
        phase_text(&s.next_phase),
        s.next_on
    );
    if s.lifts.is_empty() {
        return;
    }
    let mut t = table();
    t.set_header(["Exercise", "e1RM", "Working", "Last change"]);
    for l in &s.lifts {
        let show = |v: Option<f64>| {
            v.map(|x| format!("{} {}", trim(x), l.unit.symbol()))
                .unwrap_or_else(|| "-".into())
        };
        t.add_row([
            Cell::new(&l.exercise_name),
            Cell::new(show(l.e1rm)),
            Cell::new(show(l.load)),
            Cell::new(
                l.last_change
                    .as_ref()
                    .map(|w| w.text.clone())
                    .unwrap_or_default(),
            ),
        ]);
    }
    println!("{t}");
}

/// `heft program import`.
pub fn program_imported(p: &Program, json: bool) {
    if json {
        return print_json(p);
    }
    println!(
        "Imported {} ({}). Start it with `heft program start {}`.",
        p.name, p.id, p.id
    );
}

/// `heft program stop`.
pub fn program_stopped(r: &ProgramRun, json: bool) {
    if json {
        return print_json(r);
    }
    println!(
        "Stopped {} after {}.",
        r.program_id,
        count(r.state.sessions_done, "session", "sessions")
    );
}

// The Program screens laid out as text: every word and number comes from
// the screen (English); the functions below only place them.

fn note_text(n: &Note) -> String {
    match &n.label {
        Some(label) => format!("{} ({label})", n.text),
        None => n.text.clone(),
    }
}

fn banner_text(b: &Banner) -> String {
    match b.tone {
        Tone::Alert | Tone::Caution => format!("! {}", b.text),
        Tone::Good | Tone::Neutral => b.text.clone(),
    }
}

/// `heft program list`: the list screen.
pub fn program_list(s: &ProgramListScreen) {
    for (i, r) in s.rows.iter().enumerate() {
        if i > 0 {
            println!();
        }
        let badge = r
            .badge
            .as_deref()
            .map(|b| format!("  [{b}]"))
            .unwrap_or_default();
        let mark = if r.tone == Tone::Caution { "! " } else { "" };
        println!("{mark}{} ({}){badge}", r.name, r.program_id);
        println!("  {}", r.week);
        for n in &r.notes {
            println!("  · {}", note_text(n));
        }
    }
}

/// `heft program show`: one program in full.
pub fn program_detail(s: &ProgramDetailScreen) {
    let running = if s.running { "  [running]" } else { "" };
    println!("{} ({}){running}", s.title, s.program_id);
    println!("{}", s.summary);
    println!("Source: {}", s.source);
    println!("{}", s.week);
    if let Some(spacing) = &s.spacing {
        println!("{spacing}");
    }
    for n in &s.notes {
        println!("· {}", note_text(n));
    }
    for phase in &s.phases {
        println!("\n{}: {}", phase.title, phase.subtitle);
        for day in &phase.days {
            println!("  {}", day.title);
            let width = day
                .rows
                .iter()
                .map(|r| r.exercise.chars().count())
                .max()
                .unwrap_or(0);
            for r in &day.rows {
                println!(
                    "    {:width$}  {} · {} · {}",
                    r.exercise, r.sets, r.effort, r.rest
                );
                if let Some(swap) = &r.swap {
                    println!("    {:width$}  → {swap}", "");
                }
            }
        }
    }
}

/// `heft program status`: the running program's status screen.
pub fn status_screen(s: &ProgramStatusScreen) {
    println!("{}", s.title);
    for line in [&s.subtitle, &s.next, &s.days_summary]
        .into_iter()
        .flatten()
    {
        println!("{line}");
    }
    for b in &s.banners {
        println!("{}", banner_text(b));
    }
    for swap in &s.swaps {
        if let Some(current) = &swap.current {
            println!("{}: {current}", swap.title);
        }
    }
    for l in &s.lifts {
        let mut line = format!("  {}", l.title);
        for part in [&l.estimate, &l.load].into_iter().flatten() {
            line.push_str(" · ");
            line.push_str(part);
        }
        println!("{line}");
        if let Some(change) = &l.change {
            println!("    {}", note_text(change));
        }
    }
}

/// `heft program swap`: what the exercise is now.
pub fn swapped(s: &ProgramStatusScreen, from_id: &str) {
    if let Some(row) = s.swaps.iter().find(|r| r.exercise_id == from_id) {
        match &row.current {
            Some(current) => println!("{}: {current}", row.title),
            None => println!("{}: as the program has it.", row.title),
        }
    }
    if let Some(next) = &s.next {
        println!("{next}");
    }
}

/// `heft program days`: the days chosen and what they mean.
pub fn days_chosen(s: &ProgramStatusScreen) {
    for line in [&s.days_summary, &s.next].into_iter().flatten() {
        println!("{line}");
    }
    for b in &s.banners {
        println!("{}", banner_text(b));
    }
}
