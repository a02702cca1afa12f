//! Moving data in and out: `export`, `import`, `sync`, `status`,
//! `import-csv` and `export-csv`, with their progress bars and reports.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use heft_core::analytics::backtest::Backtest;
use heft_core::interchange::Source;
use heft_core::progress::Progress;
use heft_core::sync::{MergeReport, Passphrase, SyncReport};
use heft_core::{CsvImportOptions, CsvImportReport, CsvLayout, Heft, SyncStatus};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use crate::args::{CsvLayoutArg, CsvSourceArg};
use crate::commands::CliError;
use crate::render::{count, print_json};

/// A terminal progress bar; silent when stderr is not a terminal or with --json.
pub struct Bar(Option<ProgressBar>);

impl Bar {
    /// A bar labelled `what`.
    pub fn new(what: &str, json: bool) -> Bar {
        if json || !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = ProgressBar::new(0);
        let style = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
            .map(|s| s.progress_chars("=> "));
        if let Ok(style) = style {
            bar.set_style(style);
        }
        bar.set_message(what.to_owned());
        Bar(Some(bar))
    }

    fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn update(&self, done: u64, total: u64) {
        if let Some(b) = &self.0 {
            if total > 0 {
                b.set_length(total);
            }
            b.set_position(done);
        }
    }
}

/// Reads a passphrase file's first line.
pub fn passphrase(file: Option<&Path>) -> Result<Option<Passphrase>, CliError> {
    let Some(file) = file else { return Ok(None) };
    let text = std::fs::read_to_string(file).map_err(|source| {
        CliError::Core(heft_core::Error::Io {
            context: format!("reading the passphrase file {}", file.display()),
            source,
        })
    })?;
    let first = text.lines().next().unwrap_or("");
    Ok(Some(Passphrase::new(first)?))
}

/// Puts the file name in front of an error about a file's content.
fn in_file(path: &Path, e: heft_core::Error) -> CliError {
    match e {
        heft_core::Error::Sync(_) | heft_core::Error::Csv(_) => {
            CliError::File(path.to_path_buf(), e)
        }
        other => CliError::Core(other),
    }
}

/// `heft export`.
pub fn export(
    heft: &Heft,
    out: Option<PathBuf>,
    pass: Option<Passphrase>,
    json: bool,
) -> Result<(), CliError> {
    let path = out
        .unwrap_or_else(|| PathBuf::from(format!("heft-{}.heft", heft.now().format("%Y-%m-%d"))));
    let summary = heft.export_file(&path, pass.as_ref())?;
    if json {
        print_json(&summary);
        return Ok(());
    }
    let sets = summary
        .rows
        .iter()
        .find(|t| t.table == "set_entry")
        .map_or(0, |t| t.rows);
    let total: u64 = summary.rows.iter().map(|t| t.rows).sum();
    println!(
        "Wrote {} ({}, {}{}).",
        path.display(),
        count(total, "row", "rows"),
        count(sets, "set", "sets"),
        if summary.encrypted { ", encrypted" } else { "" }
    );
    Ok(())
}

/// `heft import`.
pub fn import(
    heft: &Heft,
    file: &Path,
    pass: Option<Passphrase>,
    json: bool,
) -> Result<(), CliError> {
    let bar = Bar::new("merging", json);
    let result = heft.import_file(file, pass.as_ref(), &bar);
    bar.finish();
    let report = result.map_err(|e| in_file(file, e))?;
    if json {
        print_json(&report);
    } else {
        println!("{}", merge_line(file, &report));
    }
    Ok(())
}

fn merge_line(file: &Path, r: &MergeReport) -> String {
    let mut notes = String::new();
    if let Some(min) = r.writer_clock_ahead_min {
        notes.push_str(&format!(
            "\nThe clock of the device that wrote it ({}) was {} ahead of this one's: set its date and time right. Its changes are merged all the same.",
            r.device_id,
            duration_words(min)
        ));
    }
    if let Some(id) = &r.new_device_id {
        notes.push_str(&format!(
            "\nIt was written by another copy of this database under this device's id (a phone restored from a backup?). Every change of both is kept; this device's id is now {id}."
        ));
    }
    format!(
        "Merged {}: {} read, {} added, {} updated, {} unchanged{}.{notes}",
        file.display(),
        count(r.rows_read, "row", "rows"),
        r.added,
        r.updated,
        r.unchanged,
        if r.deletions > 0 {
            format!(" ({})", count(r.deletions, "deletion", "deletions"))
        } else {
            String::new()
        }
    )
}

/// `min` minutes in the largest unit that fits: "3 days", "5 hours", "12 minutes".
fn duration_words(min: u64) -> String {
    match min {
        m if m >= 2 * 24 * 60 => count(m / (24 * 60), "day", "days"),
        m if m >= 2 * 60 => count(m / 60, "hour", "hours"),
        m => count(m, "minute", "minutes"),
    }
}

/// `heft sync`.
pub fn sync(
    heft: &Heft,
    folder: &Path,
    pass: Option<Passphrase>,
    json: bool,
) -> Result<(), CliError> {
    let bar = Bar::new("syncing", json);
    let result = heft.sync_folder(folder, pass.as_ref(), &bar);
    bar.finish();
    let report: SyncReport = result?;
    if json {
        print_json(&report);
        return Ok(());
    }
    for merged in &report.merged {
        println!("{}", merge_line(&merged.path, &merged.report));
    }
    for w in &report.warnings {
        eprintln!("warning: skipped {}: {}", w.path.display(), w.reason);
    }
    match &report.written {
        Some(p) => println!("Wrote {}.", p.display()),
        None => println!("This device's file is up to date."),
    }
    if report.merged.is_empty() {
        println!(
            "Nothing new from other devices ({} file(s) unchanged).",
            report.unchanged.len()
        );
    }
    Ok(())
}

/// `heft status`.
pub fn status(heft: &Heft, json: bool) -> Result<(), CliError> {
    let s: SyncStatus = heft.sync_status()?;
    if json {
        print_json(&s);
        return Ok(());
    }
    crate::sync_view::sync(&heft.sync_screen(heft_core::text::Language::En)?);
    Ok(())
}

fn source(arg: CsvSourceArg) -> Source {
    match arg {
        CsvSourceArg::Strong => Source::Strong,
        CsvSourceArg::Hevy => Source::Hevy,
        CsvSourceArg::Fitnotes => Source::FitNotes,
        CsvSourceArg::Stronglifts => Source::StrongLifts,
        CsvSourceArg::Liftosaur => Source::Liftosaur,
        CsvSourceArg::Heft => Source::Heft,
    }
}

/// `heft import-csv`.
pub fn import_csv(
    heft: &Heft,
    file: &Path,
    from: Option<CsvSourceArg>,
    unit: Option<heft_core::model::WeightUnit>,
    dry_run: bool,
    json: bool,
) -> Result<(), CliError> {
    let opts = CsvImportOptions {
        source: from.map(source),
        unit,
        dry_run,
    };
    let bar = Bar::new("importing", json);
    let result = heft.import_csv(file, &opts, &bar);
    bar.finish();
    let report = result.map_err(|e| in_file(file, e))?;
    if json {
        print_json(&report);
    } else {
        print_csv_report(file, &report);
    }
    Ok(())
}

/// How many skipped rows are listed one by one before the rest are counted.
const SKIPS_SHOWN: usize = 20;

fn print_csv_report(file: &Path, r: &CsvImportReport) {
    let verb = if r.dry_run {
        "Would import"
    } else {
        "Imported"
    };
    println!(
        "{verb} {} ({} export): {} read, {}: {} added, {} already here, {} updated, {} unchanged; {} skipped.",
        file.display(),
        r.source,
        count(r.rows_read, "row", "rows"),
        count(r.sets_read, "set", "sets"),
        r.added,
        r.already_here,
        r.updated,
        r.unchanged,
        r.skipped_count
    );
    println!("Workouts: {} ({} new).", r.workouts, r.workouts_added);
    if r.repaired > 0 {
        println!(
            "Repaired {} whose exercise name held an unquoted comma.",
            count(r.repaired, "row", "rows")
        );
    }
    if !r.new_exercises.is_empty() {
        println!(
            "New custom exercises ({}): {}",
            r.new_exercises.len(),
            r.new_exercises.join(", ")
        );
    }
    for s in r.skipped.iter().take(SKIPS_SHOWN) {
        println!("  line {}: {}", s.line, s.reason);
    }
    if r.skipped.len() > SKIPS_SHOWN {
        println!(
            "  ... and {} more (see --json)",
            r.skipped.len() - SKIPS_SHOWN
        );
    }
    if let Some(d) = &r.weight_unit {
        println!("Unit: {}.", d.reason);
    }
    if r.dry_run {
        println!("Nothing was written (--dry-run).");
    }
}

/// `heft export-csv`.
pub fn export_csv(
    heft: &Heft,
    layout: CsvLayoutArg,
    unit: Option<heft_core::model::WeightUnit>,
    out: Option<PathBuf>,
    json: bool,
) -> Result<(), CliError> {
    let layout = match layout {
        CsvLayoutArg::Strong => CsvLayout::Strong,
        CsvLayoutArg::Heft => CsvLayout::Heft,
    };
    match out {
        Some(path) => {
            let mut summary = None;
            heft_core::sync::folder::write_atomically(&path, |w| {
                summary = Some(heft.export_csv(w, layout, unit)?);
                Ok(())
            })?;
            if let Some(s) = summary {
                if json {
                    print_json(&json!({ "path": path, "sets": s.sets, "workouts": s.workouts }));
                } else {
                    println!(
                        "Wrote {} ({}, {}).",
                        path.display(),
                        count(s.sets, "set", "sets"),
                        count(s.workouts, "workout", "workouts")
                    );
                }
            }
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            heft.export_csv(&mut lock, layout, unit)?;
        }
    }
    Ok(())
}

/// `heft backtest FILE`: the replay of an export, in memory.
pub fn backtest_file(
    file: &Path,
    from: Option<CsvSourceArg>,
    unit: Option<heft_core::model::WeightUnit>,
    json: bool,
) -> Result<(), CliError> {
    let opts = CsvImportOptions {
        source: from.map(source),
        unit,
        dry_run: false,
    };
    let bar = Bar::new("reading", json);
    let result = Heft::backtest_csv(file, &opts, &bar);
    bar.finish();
    let (backtest, _) = result.map_err(|e| in_file(file, e))?;
    print_backtest(&backtest, &file.display().to_string(), json);
    Ok(())
}

/// `heft backtest`: the replay of this database.
pub fn backtest_db(heft: &Heft, json: bool) -> Result<(), CliError> {
    let backtest = heft.backtest()?;
    let what = heft
        .path()
        .map_or_else(|| "this database".to_owned(), |p| p.display().to_string());
    print_backtest(&backtest, &what, json);
    Ok(())
}

/// JSON: one line per exercise session, then `{"summary": ...}`. Text: the
/// accuracy table.
fn print_backtest(b: &Backtest, what: &str, json: bool) {
    if json {
        for row in &b.rows {
            match serde_json::to_string(row) {
                Ok(line) => println!("{line}"),
                Err(e) => eprintln!("error: cannot write JSON: {e}"),
            }
        }
        match serde_json::to_string(&json!({ "summary": b.summary })) {
            Ok(line) => println!("{line}"),
            Err(e) => eprintln!("error: cannot write JSON: {e}"),
        }
        return;
    }
    let s = &b.summary;
    println!(
        "{what}: {}, {} (at least 4 weeks of history)",
        count(s.sessions, "exercise session", "exercise sessions"),
        count(s.overall.forecasts, "forecast", "forecasts")
    );
    println!();
    println!(
        "{:<22} {:>9} {:>10} {:>10} {:>8}",
        "", "forecasts", "Heft MAPE", "naive MAPE", "better"
    );
    for (name, a) in [
        ("overall", &s.overall),
        ("steady training", &s.steady),
        ("after a gap (14+ d)", &s.gap),
        ("first 8 weeks", &s.first_weeks),
    ] {
        let pct = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}%"));
        println!(
            "{name:<22} {:>9} {:>10} {:>10} {:>8}",
            a.forecasts,
            pct(a.heft_mape),
            pct(a.baseline_mape),
            pct(a.improvement())
        );
    }
    println!();
    println!(
        "MAPE: mean absolute percentage error of the forecast best-set e1RM. Naive: the best e1RM of the 28 days before."
    );
}
