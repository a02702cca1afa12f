//! `heft today`, `heft finish` and `heft stats` in text: the core's
//! screens laid out. Every word and number comes from the screen (English); this file
//! only places them.

use heft_core::screens::progress::{FigureRow, RecordLine};
use heft_core::screens::{
    Banner, FinishScreen, Note, ProgressScreen, RowState, SetRow, TodayScreen, Tone,
};

fn note_line(n: &Note) -> String {
    match &n.label {
        Some(label) => format!("{} ({label})", n.text),
        None => n.text.clone(),
    }
}

fn banner_line(b: &Banner) -> String {
    match b.tone {
        Tone::Alert | Tone::Caution => format!("! {}", b.text),
        Tone::Good | Tone::Neutral => b.text.clone(),
    }
}

fn mark(state: RowState) -> &'static str {
    match state {
        RowState::Done => "✓",
        RowState::Next => "→",
        RowState::ToDo => " ",
    }
}

fn row_line(r: &SetRow, width: usize) -> String {
    let mut line = format!("  {} {:width$}  ", mark(r.state), r.label);
    match &r.done {
        Some(done) if r.planned.is_empty() || *done == r.planned => line.push_str(done),
        Some(done) => line.push_str(&format!("{done}  (planned {})", r.planned)),
        None => line.push_str(&r.planned),
    }
    for extra in [&r.effort, &r.plates, &r.last_time].into_iter().flatten() {
        line.push_str(" · ");
        line.push_str(extra);
    }
    line
}

/// The Today screen.
pub fn today(s: &TodayScreen) {
    println!("{}", s.title);
    for line in [&s.subtitle, &s.minutes].into_iter().flatten() {
        println!("{line}");
    }
    if let Some(dose) = &s.dose {
        println!("{}", banner_line(dose));
    }
    for b in &s.banners {
        println!("{}", banner_line(b));
    }
    for n in &s.notes {
        println!("· {}", note_line(n));
    }
    if let Some(empty) = &s.empty {
        println!("\n{}\n{}", empty.title, empty.body);
    }
    for card in &s.cards {
        println!();
        let mut head = card.title.clone();
        for part in [&card.rest, &card.progress] {
            if !part.is_empty() {
                head.push_str(" · ");
                head.push_str(part);
            }
        }
        println!("{head}");
        if let Some(swap) = &card.swap {
            println!("  {swap}");
        }
        let width = card
            .rows
            .iter()
            .map(|r| r.label.chars().count())
            .max()
            .unwrap_or(0);
        for r in &card.rows {
            println!("{}", row_line(r, width));
        }
        for n in &card.notes {
            println!("    · {}", note_line(n));
        }
    }
    if let Some(rest) = &s.rest {
        println!("\n{}", rest.label);
    }
}

/// The Finish screen.
pub fn finished(s: &FinishScreen) {
    println!("{} · {}", s.title, s.summary);
    for r in &s.rows {
        let badge = r.badge.as_deref().unwrap_or("");
        println!("  {}: {badge}", r.title);
        if let Some(reason) = &r.reason {
            println!("    · {}", note_line(reason));
        }
    }
    if let Some(next) = &s.next {
        println!("{next}");
    }
}

fn tone_mark(tone: Tone) -> &'static str {
    match tone {
        Tone::Alert | Tone::Caution => " !",
        Tone::Good => " ✓",
        Tone::Neutral => "",
    }
}

fn figure_lines(rows: &[FigureRow]) {
    let width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    for r in rows {
        println!("  {:width$}  {}{}", r.label, r.value, tone_mark(r.tone));
    }
}

fn record_line(r: &RecordLine, with_exercise: bool) -> String {
    let mut line = String::from("  ");
    if with_exercise {
        line.push_str(&r.exercise);
        line.push_str(": ");
    }
    line.push_str(&format!("{} {} · {}", r.label, r.value, r.detail));
    if let Some(badge) = &r.badge {
        line.push_str(&format!(" [{badge}]"));
    }
    line
}

/// The Progress screen: `heft stats` without `--json`.
pub fn progress(s: &ProgressScreen) {
    println!("{}", s.title);
    if let Some(empty) = &s.empty {
        println!("\n{}\n{}", empty.title, empty.body);
        return;
    }
    println!(
        "\n{}: {} · {}",
        s.week.title, s.week.minutes, s.week.sessions
    );
    println!("{}", banner_line(&s.week.band));

    println!("\n{}", s.minutes.title);
    let label_width = s
        .minutes
        .bars
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0);
    let scale = f64::from(s.minutes.axis_max.max(1));
    for b in &s.minutes.bars {
        let cells = (f64::from(b.minutes) / scale * 30.0).round() as usize;
        println!(
            "  {:label_width$}  {:30}  {}{}",
            b.label,
            "█".repeat(cells),
            b.value,
            tone_mark(b.tone)
        );
    }

    println!("\n{}", s.bone.title);
    figure_lines(&s.bone.rows);
    for n in &s.bone.notes {
        println!("  · {}", note_line(n));
    }

    println!("\n{}", s.adherence.title);
    figure_lines(&s.adherence.rows);
    for n in &s.adherence.notes {
        println!("  · {}", note_line(n));
    }

    for lift in &s.lifts {
        let mut head = format!("{}: {}", lift.title, lift.current);
        if let Some(change) = &lift.change {
            head.push_str(" · ");
            head.push_str(change);
        }
        println!("\n{head}");
        for r in &lift.records {
            println!("{}", record_line(r, false));
        }
    }

    println!("\n{}", s.records_title);
    for r in &s.records {
        println!("{}", record_line(r, true));
    }
}
