//! `heft status` in text: the core's Sync screen laid out. Every word and
//! date comes from the screen (English); this file only places them.

use heft_core::screens::{SyncScreen, Tone};

fn mark(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "✓",
        Tone::Caution | Tone::Alert => "!",
        Tone::Neutral => "·",
    }
}

/// The Sync screen. A terminal shows the device ids whole, to copy.
pub fn sync(s: &SyncScreen) {
    println!("{}", s.title);
    println!("{}  {}", s.device.name, s.device.id);
    if let Some(empty) = &s.empty {
        println!("\n{}\n{}", empty.title, empty.body);
    }
    if !s.devices.is_empty() {
        println!();
        let width = s
            .devices
            .iter()
            .map(|d| d.name.chars().count())
            .max()
            .unwrap_or(0);
        for d in &s.devices {
            println!("  {:width$}  {}  {}", d.name, d.detail, d.id);
        }
    }
    if let Some(last) = &s.last {
        println!("\n{}", last.title);
        println!("{} {}", mark(last.tone), last.summary);
        let width = last
            .files
            .iter()
            .map(|f| f.name.chars().count())
            .max()
            .unwrap_or(0);
        for f in &last.files {
            println!("  {} {:width$}  {}", mark(f.tone), f.name, f.text);
        }
    }
}
