//! Running a parsed command against the core.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use heft_core::grammar::{self, SetSpec};
use heft_core::model::{
    Equipment, Impact, NewExercise, Profile, ProfileUpdate, SetInput, WeightUnit,
};
use heft_core::plausibility::LogWarning;
use heft_core::progression::loading::{Loadout, PlateStock};
use heft_core::progression::strength::Formula;
use heft_core::{Error, FinishWorkout, Heft, HistoryQuery, LogTime, LoggedSets, NextLog};

use crate::args::{
    Cli, Command, ExercisesCommand, NewExerciseArgs, ProfileArgs, ProgramCommand, UnitArg,
};
use crate::{confirm, program_view, render, screen_view, stats_view, transfer, when};
use heft_core::screens::history::{self, HistoryInput};
use heft_core::screens::log::slip_lines;
use heft_core::screens::measures;
use heft_core::text::{Language, Text};

use crate::args::MeasuresCommand;
use crate::measures_view;
use heft_core::NewMeasurement;
use heft_core::model::{MeasureKind, MeasureUnit, Site};

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
    /// The core refused or failed.
    Core(Error),
    /// The arguments could not be understood.
    Usage(String),
    /// A file's content was refused; names the file.
    File(PathBuf, Error),
    /// Sets looked like slips and nobody confirmed them: nothing was saved.
    Unconfirmed(usize),
    /// An error with what to type to get past it (CLI commands, which the
    /// core's messages never name).
    Hinted(Box<CliError>, String),
}

impl CliError {
    /// This error with a hint after it.
    pub fn hint(self, hint: impl Into<String>) -> CliError {
        CliError::Hinted(Box::new(self), hint.into())
    }

    /// The error without its hint.
    pub fn inner(&self) -> &CliError {
        match self {
            CliError::Hinted(e, _) => e.inner(),
            other => other,
        }
    }

    /// The hint, if any.
    pub fn hint_text(&self) -> Option<&str> {
        match self {
            CliError::Hinted(_, h) => Some(h),
            _ => None,
        }
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError::Core(e)
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Core(e) => write!(f, "{e}"),
            CliError::Usage(m) => f.write_str(m),
            CliError::File(path, e) => write!(f, "{}: {e}", path.display()),
            CliError::Unconfirmed(n) => write!(
                f,
                "nothing saved: {} looked like {}; correct the set, or pass --yes to log it as typed",
                if *n == 1 { "a set" } else { "sets" },
                if *n == 1 { "a slip" } else { "slips" }
            ),
            CliError::Hinted(e, _) => write!(f, "{e}"),
        }
    }
}

impl CliError {
    /// 2 for input the person can fix, 1 for everything else.
    pub fn exit_code(&self) -> ExitCode {
        match self.inner() {
            CliError::Usage(_)
            | CliError::Core(
                Error::InvalidInput(_)
                | Error::Grammar(_)
                | Error::UnknownExercise { .. }
                | Error::UnknownProgram { .. }
                | Error::NoOpenWorkout { .. }
                | Error::NotFound { .. }
                | Error::AmbiguousId { .. }
                | Error::Conflict(_)
                | Error::NothingToUndo
                | Error::Program(_)
                | Error::NoProgram
                | Error::NeedsLoad { .. }
                | Error::NotHeftDatabase { .. },
            ) => ExitCode::from(2),
            CliError::File(..) | CliError::Unconfirmed(_) => ExitCode::from(2),
            CliError::Core(_) | CliError::Hinted(..) => ExitCode::from(1),
        }
    }
}

type Outcome = Result<(), CliError>;

fn usage(msg: impl Into<String>) -> CliError {
    CliError::Usage(msg.into())
}

/// The database used when neither --db nor HEFT_DB is given.
fn default_db() -> Result<PathBuf, CliError> {
    directories::ProjectDirs::from("app", "Heft", "heft")
        .map(|d| d.data_dir().join("heft.db"))
        .ok_or_else(|| {
            usage("cannot find a home directory for the default database; pass --db PATH")
        })
}

/// Runs a command; errors the person can get past say what to type.
pub fn run(cli: Cli) -> Outcome {
    run_command(cli).map_err(add_hint)
}

/// The CLI's hint for a core error that has none yet.
fn add_hint(err: CliError) -> CliError {
    let CliError::Core(e) = &err else {
        return err;
    };
    let hint = match e {
        Error::NoProgram => {
            "start one with `heft program start ID`; `heft program list` shows them".to_string()
        }
        Error::UnknownProgram { .. } => "`heft program list` shows the programs".to_string(),
        Error::Damaged { .. } => {
            "`heft recover` copies every readable row into a new database and keeps the damaged file"
                .to_string()
        }
        Error::NeedsLoad { exercise } => format!(
            "log what you lifted with its reps and RIR, e.g. `heft log {} 60x5@2`",
            exercise.to_lowercase()
        ),
        Error::UnknownExercise { query, .. } => {
            let query = query.clone();
            return unknown_exercise_hint(err, &query);
        }
        _ => return err,
    };
    err.hint(hint)
}

fn run_command(cli: Cli) -> Outcome {
    let (path, default) = match cli.db.clone() {
        Some(p) => (p, false),
        None => (default_db()?, true),
    };
    if let Command::Recover = cli.command {
        // Before any open: a handle on the file being replaced would go on
        // writing into the damaged one.
        let now_ms = chrono::Utc::now().timestamp_millis();
        let report = heft_core::store::salvage::recover(&path, now_ms)?;
        render::recovered(&report, cli.json);
        return Ok(());
    }
    if let Command::Backtest {
        file: Some(file),
        from,
        unit,
    } = &cli.command
    {
        // A file is replayed in memory: the database is not even opened.
        return transfer::backtest_file(file, *from, unit.map(weight_unit), cli.json);
    }
    let new = default && !path.exists();
    let heft = Heft::open(&path)?;
    heft.on_write_wait(|| {
        eprintln!(
            "Waiting for another Heft to finish writing (an import or a sync); nothing is lost meanwhile…"
        );
    });
    if let Some(reason) = heft.writes_unavailable() {
        eprintln!(
            "NOTE: {} is open read-only ({reason}): reading works, nothing can be written.",
            path.display()
        );
    }
    if let Some(problem) = heft.damage_found() {
        eprintln!(
            "NOTE: {} is damaged ({problem}): nothing can be written, and reading may miss rows. \
             `heft recover` copies every readable row into a new database and keeps the damaged file.",
            path.display()
        );
    }
    if let Some(aside) = heft.take_set_aside_notice()? {
        eprintln!(
            "NOTE: this is a new, empty database. The one before it was damaged and was set aside, \
             untouched, as {}. `heft recover` copies every readable row of it into this database; \
             `heft import FILE` or `heft sync FOLDER` brings back what your exports and sync folder hold.",
            aside.display()
        );
    }
    if new {
        // Once: the next run finds the file.
        eprintln!(
            "Created a new database at {} (--db PATH or HEFT_DB choose another).",
            path.display()
        );
    }
    let json = cli.json;
    let at = when::log_time(cli.date.as_deref(), cli.at.as_deref(), heft.now()).map_err(usage)?;
    match cli.command {
        // Handled before the database is opened.
        Command::Recover => {}
        Command::Init { unit } => {
            let profile = match unit {
                Some(u) => heft.update_profile(&ProfileUpdate {
                    unit: Some(weight_unit(u)),
                    ..Default::default()
                })?,
                None => heft.profile()?,
            };
            render::init(&path, &profile, json);
        }
        Command::Profile(args) => {
            let update = profile_update(args, &heft.profile()?)?;
            let profile = if update == ProfileUpdate::default() {
                heft.profile()?
            } else {
                heft.update_profile(&update)?
            };
            render::profile(&profile, json);
        }
        Command::Exercises {
            add: Some(ExercisesCommand::Add(args)),
            ..
        } => {
            let exercise = heft.add_exercise(new_exercise(args)?)?;
            render::exercise_added(&exercise, json);
        }
        Command::Exercises { query, add: None } => {
            let hits = heft.search_exercises(&query.join(" "))?;
            render::exercises(&hits, json);
        }
        Command::Log {
            words,
            note,
            note_all,
            pain,
            landings,
            drop_cm,
            yes,
        } => {
            if !json {
                earlier_open_note(&heft, at)?;
            }
            if words.is_empty() {
                let mut input = heft.next_planned_set(at).map_err(|e| match e {
                    Error::Conflict(_) => {
                        CliError::Core(e).hint("`heft finish` closes the session")
                    }
                    e => e.into(),
                })?;
                input.note = note.or(note_all);
                input.pain = pain;
                if let Some(n) = landings {
                    input.impact = Some(Impact {
                        landings: n,
                        drop_height_cm: drop_cm,
                    });
                }
                let logged = heft.log_sets(&[input], at)?;
                report_logged(&heft, &logged, &[], &[], json)?;
                if !json {
                    // What comes next, so the person need not ask `today`.
                    let today = heft.today(day(at, &heft))?;
                    println!("{}", program_view::next_line(&today));
                }
                return Ok(());
            }
            let (name, specs) = split_log_words(&words)?;
            let exercise = match heft.find_exercise(&name) {
                Ok(e) => e,
                Err(e @ Error::UnknownExercise { .. }) => {
                    return Err(match spaced_set(&words) {
                        Some(spaced) => spaced,
                        None => unknown_exercise_hint(CliError::Core(e), &name),
                    });
                }
                Err(e) => return Err(e.into()),
            };
            let unit = heft.profile()?.unit;
            let mut inputs = Vec::new();
            for spec in specs.iter().map(|s| s.clone().fit_to(exercise.measure)) {
                let input = SetInput {
                    note: note_all.clone(),
                    pain,
                    impact: landings.map(|n| Impact {
                        landings: n,
                        drop_height_cm: drop_cm,
                    }),
                    ..spec.to_input(&exercise.id, unit)
                };
                inputs.extend(std::iter::repeat_n(input, spec.count as usize));
            }
            if let (Some(text), Some(last)) = (&note, inputs.last_mut()) {
                last.note = Some(text.clone());
            }
            let mut checked = heft
                .log_checked(&inputs, at, yes)
                .map_err(|e| bare_number_hint(e, &words, &name))?;
            // The slips as the Log screen says them, once each however many
            // sets repeat one.
            let english = Text::new(Language::En);
            let slips = slip_lines(&checked.warnings, &inputs, &exercise.name, &english);
            if checked.logged.is_none()
                && !json
                && confirm::ask(&name, &inputs, &checked.warnings, &slips)
            {
                checked = heft.log_checked(&inputs, at, true)?;
            }
            match &checked.logged {
                Some(logged) => report_logged(&heft, logged, &checked.warnings, &slips, json)?,
                None => {
                    if json {
                        render::print_json(&checked);
                    }
                    return Err(CliError::Unconfirmed(checked.warnings.len()));
                }
            }
        }
        Command::Start { name } => {
            let name = name.join(" ");
            let workout = heft.start_workout(
                Some(&name).filter(|n| !n.is_empty()).map(|n| n.as_str()),
                at,
            )?;
            render::started(&workout, json);
        }
        Command::Finish { duration } => {
            let duration_s = duration
                .as_deref()
                .map(when::duration_s)
                .transpose()
                .map_err(usage)?;
            let (at, on) = match at {
                LogTime::At(t) => (Some(t), None),
                LogTime::Now => (None, None),
                LogTime::OnDate(d) => (None, Some(d)),
            };
            let finish = FinishWorkout {
                workout_id: None,
                at,
                duration_s,
                on,
            };
            if json {
                let finished = heft.finish(finish).map_err(finish_hint)?;
                let log = heft.workout_log(&finished.workout.id)?;
                render::finished(&log, finished.session.as_ref());
            } else {
                let screen = heft
                    .finish_screen(finish, Language::En)
                    .map_err(finish_hint)?;
                render::finished_workout(&heft.workout_log(&screen.workout_id)?);
                screen_view::finished(&screen);
            }
        }
        Command::History {
            exercise,
            since,
            until,
            limit,
            compact,
        } => {
            let now = heft.now();
            let exercise_id = exercise
                .as_deref()
                .map(|e| heft.find_exercise(e))
                .transpose()?
                .map(|e| e.id);
            let query = HistoryQuery {
                exercise_id,
                since: since
                    .as_deref()
                    .map(|d| when::date_arg(d, now))
                    .transpose()
                    .map_err(usage)?,
                until: until
                    .as_deref()
                    .map(|d| when::date_arg(d, now))
                    .transpose()
                    .map_err(usage)?,
                limit: Some(limit),
            };
            let logs = heft.history(&query)?;
            let screen = history::build(
                &HistoryInput {
                    logs: &logs,
                    older: None,
                    today: now.date_naive(),
                    first_page: true,
                },
                &Text::new(Language::En),
            );
            render::history(&logs, &screen, compact, json);
        }
        Command::Edit {
            id,
            set,
            note,
            pain,
        } => {
            let id = heft.resolve_set_id(&id)?;
            let before = heft.set(&id)?;
            let spec = grammar::parse(&set).map_err(Error::from)?;
            if spec.count != 1 {
                return Err(usage("edit changes one set; leave out the count"));
            }
            let unit = before.input.load_unit().unwrap_or(heft.profile()?.unit);
            // What the notation cannot say (a note, pain, landings) is
            // kept by the edit unless given here.
            let input = SetInput {
                note,
                pain,
                ..spec.to_input(&before.input.exercise_id, unit)
            };
            let after = heft.edit_set(&id, input)?;
            render::edited(&before, &after, json);
        }
        Command::Delete { id } => {
            let id = heft.resolve_set_id(&id)?;
            let set = heft.delete_set(&id)?;
            render::deleted(&set, json);
        }
        Command::Undo => {
            let outcome = heft.undo()?;
            render::undone(&outcome, json);
        }
        Command::Program(cmd) => program(&heft, cmd, day(at, &heft), json)?,
        Command::Today => {
            if !json {
                earlier_open_note(&heft, at)?;
            }
            let date = day(at, &heft);
            let today = heft.today(date)?;
            if json {
                render::print_json(&today);
            } else {
                screen_view::today(&heft.today_screen(date, Language::En)?);
                println!("\n{}", program_view::next_line(&today));
            }
        }
        Command::Export {
            out,
            passphrase_file,
        } => {
            let pass = transfer::passphrase(passphrase_file.as_deref())?;
            transfer::export(&heft, out, pass, json)?;
        }
        Command::Import {
            file,
            passphrase_file,
        } => {
            let pass = transfer::passphrase(passphrase_file.as_deref())?;
            transfer::import(&heft, &file, pass, json)?;
        }
        Command::Sync {
            folder,
            passphrase_file,
        } => {
            let pass = transfer::passphrase(passphrase_file.as_deref())?;
            transfer::sync(&heft, &folder, pass, json)?;
        }
        Command::Status => transfer::status(&heft, json)?,
        Command::ImportCsv {
            from,
            unit,
            dry_run,
            file,
        } => transfer::import_csv(&heft, &file, from, unit.map(weight_unit), dry_run, json)?,
        Command::Backtest { .. } => transfer::backtest_db(&heft, json)?,
        Command::ExportCsv { layout, unit, out } => {
            transfer::export_csv(&heft, layout, unit.map(weight_unit), out, json)?
        }
        Command::Measure {
            kind,
            value,
            unit_word,
            site,
            unit,
            note,
        } => {
            let value: Vec<String> = std::iter::once(value).chain(unit_word).collect();
            measure(&heft, &kind, &value, site, unit, note, at, json)?
        }
        Command::Measures {
            delete: Some(MeasuresCommand::Delete { id }),
            ..
        } => {
            let id = heft.resolve_measurement_id(&id)?;
            let before = heft.measures_screen(Language::En)?;
            measures_view::deleted(&heft.delete_measurement(&id)?, &before, json);
        }
        Command::Stats => {
            // The JSON is the statistics' documented shape; the text is the
            // Progress screen's.
            let today = day(at, &heft);
            if json {
                stats_view::stats(&heft.stats(today)?);
            } else {
                screen_view::progress(&heft.progress_screen(today, Language::En)?);
            }
        }
        Command::E1rm { exercise, since } => {
            let today = day(at, &heft);
            let exercise = heft.find_exercise(&exercise.join(" "))?;
            let baseline = match since {
                Some(text) => when::date_arg(&text, heft.now()).map_err(usage)?,
                None => today
                    .checked_sub_months(chrono::Months::new(12))
                    .unwrap_or(today),
            };
            let strength = heft.strength(&exercise.id, baseline, today)?;
            stats_view::e1rm(&strength, heft.profile()?.unit, json);
        }
        Command::Records { exercise } => {
            let mut records = heft.records_on(day(at, &heft))?;
            if let Some(words) = exercise {
                let e = heft.find_exercise(&words.join(" "))?;
                records.retain(|r| r.exercise_id == e.id);
            }
            stats_view::records(&records, heft.profile()?.unit, json);
        }
        Command::Report { out } => {
            let today = day(at, &heft);
            let html = heft_core::report::render_html(&heft.report(today)?);
            let path = out.unwrap_or_else(|| PathBuf::from(format!("heft-report-{today}.html")));
            heft_core::sync::folder::write_atomically(&path, |w| {
                w.write_all(html.as_bytes()).map_err(|source| Error::Io {
                    context: format!("writing {}", path.display()),
                    source,
                })
            })?;
            stats_view::report_written(&path, today, html.len(), json);
        }
        Command::Measures { kind, delete: None } => {
            let kind = kind
                .as_deref()
                .map(MeasureKind::from_input)
                .transpose()
                .map_err(Error::from)?;
            let profile = heft.profile()?;
            let today = heft.now().date_naive();
            let mut trends = heft.measure_trends(today, &profile)?;
            trends.retain(|t| kind.is_none_or(|k| t.kind == k));
            let list = heft.measurements(kind)?;
            // Every measurement of the kind asked for is listed, not only
            // the newest a phone's card shows.
            let screen = measures::build(
                &trends,
                &list,
                today,
                profile.unit,
                usize::MAX,
                &Text::new(Language::En),
            );
            measures_view::measures(&trends, &list, &screen, kind.is_some(), json);
        }
    }
    Ok(())
}

/// After a log: the sets and the workout so far, then any record they set.
/// The sets are saved by then, so a failure to check records is a warning,
/// not an error.
fn report_logged(
    heft: &Heft,
    logged: &LoggedSets,
    warnings: &[LogWarning],
    slips: &[String],
    json: bool,
) -> Outcome {
    let ids: Vec<String> = logged.sets.iter().map(|s| s.id.clone()).collect();
    let records = match heft.new_records(&ids) {
        Ok(r) => Some(r),
        Err(e) => {
            eprintln!("warning: could not check for new records: {e}");
            None
        }
    };
    if json {
        /// The log's shape plus the records; `null` when they could not be checked.
        #[derive(serde::Serialize)]
        struct Logged<'a> {
            #[serde(flatten)]
            logged: &'a LoggedSets,
            new_records: Option<&'a [heft_core::analytics::Record]>,
            /// Slips confirmed with --yes.
            warnings: &'a [LogWarning],
        }
        render::print_json(&Logged {
            logged,
            new_records: records.as_deref(),
            warnings,
        });
        return Ok(());
    }
    let records = records.unwrap_or_default();
    for slip in slips {
        eprintln!("logged anyway: {slip}");
    }
    let workout = heft.workout_log(&logged.workout.id)?;
    render::logged(logged, &workout, false);
    stats_view::new_records(&records, heft.profile()?.unit);
    Ok(())
}

/// Before `log` and `today`: a workout left open on an earlier day, and
/// what logging now does to it (core decides; see docs/ARCHITECTURE.md,
/// "Choosing the workout"). On stderr, so output stays what it was.
fn earlier_open_note(heft: &Heft, at: LogTime) -> Outcome {
    let Some(open) = heft.earlier_open_workout(at)? else {
        return Ok(());
    };
    let w = &open.workout;
    let day = w.started_at.local_date();
    let what = format!(
        "note: {} of {} ({}) is still open",
        w.title(),
        w.started_at.0.format("%a %Y-%m-%d %H:%M"),
        render::count(open.sets, "set", "sets"),
    );
    match open.next_log {
        NextLog::JoinsIt => eprintln!(
            "{what}: its last set was less than 3 hours ago, so sets logged now join it, \
             not today's session. `heft finish` closes it first."
        ),
        NextLog::ClosesIt => {
            let program = if heft.running_program()?.is_some() {
                " and never counts for your program"
            } else {
                ""
            };
            eprintln!(
                "{what}. The next set logged closes it at its last set ({}){program}; \
                 `heft --date {day} finish` closes it now and counts it.",
                open.last_set_at.0.format("%H:%M"),
            );
        }
        NextLog::LeavesIt => {}
    }
    Ok(())
}

/// The local day a command is about: --date, the day of --at, or today.
fn day(at: LogTime, heft: &Heft) -> chrono::NaiveDate {
    at.date(heft.now())
}

fn program(heft: &Heft, cmd: ProgramCommand, on: chrono::NaiveDate, json: bool) -> Outcome {
    match cmd {
        ProgramCommand::List if json => program_view::programs(&heft.programs()?, json),
        ProgramCommand::List => {
            program_view::program_list(&heft.program_list_screen(on, Language::En)?)
        }
        ProgramCommand::Show { id } if json => {
            program_view::program(&heft.program(&id)?, &heft.exercises()?, json)
        }
        ProgramCommand::Show { id } => {
            program_view::program_detail(&heft.program_screen(&id, on, Language::En)?)
        }
        ProgramCommand::Start { id, yes } => {
            if !yes && let Some(run) = heft.running_program()? {
                let what = format!(
                    "{} is in progress (since {}, {} done); starting {id} ends it",
                    run.program_id,
                    run.started_on,
                    render::count(run.state.sessions_done, "session", "sessions"),
                );
                let interactive =
                    !json && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
                if !interactive {
                    return Err(CliError::Core(Error::Conflict(what)).hint(format!(
                        "pass --yes to start it anyway: `heft program start {id} --yes`"
                    )));
                }
                if !confirm(&format!("{what}. Start {id}? [y/N] "))? {
                    println!("Nothing changed: {} goes on.", run.program_id);
                    return Ok(());
                }
            }
            program_view::program_started(&heft.start_program(&id, on)?, json)
        }
        ProgramCommand::Status if json => {
            program_view::program_status(&heft.program_status(on)?, json)
        }
        ProgramCommand::Status => {
            if heft.running_program()?.is_none() {
                return Err(Error::NoProgram.into());
            }
            program_view::status_screen(&heft.program_status_screen(on, Language::En)?)
        }
        ProgramCommand::Swap { from, to } if json => {
            render::print_json(&heft.swap_exercise(&from, &to)?)
        }
        ProgramCommand::Swap { from, to } => {
            let from_id = heft.find_exercise(&from)?.id;
            let screen = heft.program_swap_screen(&from, &to, on, Language::En)?;
            program_view::swapped(&screen, &from_id);
        }
        ProgramCommand::Days { days } => {
            let days = weekdays(&days)?;
            if json {
                render::print_json(&heft.set_training_days(days)?);
            } else {
                program_view::days_chosen(&heft.program_days_screen(days, on, Language::En)?);
            }
        }
        ProgramCommand::Import { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                CliError::Core(Error::Io {
                    context: format!("reading {}", file.display()),
                    source: e,
                })
            })?;
            let program = heft.import_program(&text).map_err(|e| match e {
                Error::Program(p) => usage(format!("{}: {p}", file.display())),
                other => CliError::Core(other),
            })?;
            program_view::program_imported(&program, json);
        }
        ProgramCommand::Stop => {
            let run = heft.stop_program(on)?;
            program_view::program_stopped(&run, json);
        }
    }
    Ok(())
}

/// Weekdays as typed (`mon,wed,fri`, any case, spaces allowed), or none
/// for `any`.
fn weekdays(typed: &str) -> Result<Vec<heft_core::progression::Weekday>, CliError> {
    if typed.trim().eq_ignore_ascii_case("any") {
        return Ok(Vec::new());
    }
    typed
        .split(',')
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| !d.is_empty())
        .map(|d| d.parse().map_err(|e| usage(format!("{e}; or `any`"))))
        .collect()
}

/// Asks a yes/no question on the terminal; true only for "y" or "yes".
fn confirm(question: &str) -> Result<bool, CliError> {
    use std::io::Write;
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|source| Error::Io {
            context: "reading the answer".into(),
            source,
        })?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// Splits `log` arguments into the exercise name (leading words) and the
/// sets (the longest tail in which every word is a set).
fn split_log_words(words: &[String]) -> Result<(String, Vec<SetSpec>), CliError> {
    for start in 1..words.len() {
        let parsed: Result<Vec<SetSpec>, _> =
            words[start..].iter().map(|w| grammar::parse(w)).collect();
        if let Ok(specs) = parsed {
            return Ok((words[..start].join(" "), specs));
        }
    }
    if let Some(spaced) = spaced_set(words) {
        return Err(spaced);
    }
    // Nothing parsed: report why the last word is not a set.
    match words.last().map(|w| grammar::parse(w)) {
        // Only words: the exercise with no set after it.
        Some(Err(_)) if words.iter().all(|w| !w.chars().any(|c| c.is_ascii_digit())) => Err(usage(
            format!("no set after the exercise '{}'", words.join(" ")),
        )
        .hint(format!(
            "write the sets after it, e.g. `heft log {} 100x5` (weight x reps)",
            words.join(" ")
        ))),
        Some(Err(e)) => Err(CliError::Core(e.into())),
        _ => Err(usage("give an exercise and at least one set")
            .hint("e.g. `heft log squat 100x5` (weight x reps)")),
    }
}

/// `heft log squat 100 x 5`: a set written with spaces in it. The error
/// with the command as probably meant, when a tail of two or more words
/// reads as one set once joined and words are left for the exercise.
fn spaced_set(words: &[String]) -> Option<CliError> {
    (1..words.len().saturating_sub(1)).find_map(|start| {
        let joined = words[start..].concat();
        grammar::parse(&joined).is_ok().then(|| {
            usage(format!(
                "a set is one word, without spaces: '{}'",
                words[start..].join(" ")
            ))
            .hint(format!(
                "did you mean `heft log {} {joined}`?",
                words[..start].join(" ")
            ))
        })
    })
}

/// `heft log squat 100`: a bare number is read as reps, so a weighted
/// exercise says its weight is missing; show the weight x reps form.
fn bare_number_hint(e: Error, words: &[String], name: &str) -> CliError {
    let bare = words
        .iter()
        .skip(name.split_whitespace().count())
        .find(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    match (&e, bare) {
        (Error::InvalidInput(v), Some(n)) if v.field == heft_core::validate::Field::Weight => {
            CliError::Core(e).hint(format!(
                "'{n}' alone is {n} reps with no weight; did you mean `heft log {name} {n}x5` ({n} x 5 reps)?"
            ))
        }
        _ => CliError::Core(e),
    }
}

/// What to do when `finish` finds nothing to finish.
fn finish_hint(e: Error) -> CliError {
    let hint = match &e {
        Error::NoOpenWorkout { on: None, .. } => {
            "a workout starts with its first set (`heft log squat 100x5`) and `heft finish` closes it; \
             for another day's workout, name the day: `heft --date YYYY-MM-DD finish`"
                .to_string()
        }
        Error::NoOpenWorkout { on: Some(d), latest: Some(_) } => {
            format!("`heft history --since {d} --until {d}` shows it")
        }
        Error::NoOpenWorkout { on: Some(_), latest: None } => {
            "`heft history` lists the days with workouts".to_string()
        }
        _ => return CliError::Core(e),
    };
    CliError::Core(e).hint(hint)
}

/// Where to look when an exercise name is unknown.
fn unknown_exercise_hint(err: CliError, name: &str) -> CliError {
    err.hint(format!(
        "`heft exercises {name}` searches the catalog; `heft exercises add \"{name}\"` adds it as your own"
    ))
}

fn weight_unit(u: UnitArg) -> WeightUnit {
    match u {
        UnitArg::Kg => WeightUnit::Kg,
        UnitArg::Lb => WeightUnit::Lb,
    }
}

fn parse_named<T: std::str::FromStr>(value: Option<String>) -> Result<Option<T>, CliError>
where
    T::Err: std::fmt::Display,
{
    value.as_deref().map(named).transpose()
}

fn profile_update(args: ProfileArgs, current: &Profile) -> Result<ProfileUpdate, CliError> {
    let unit = args.unit.map(weight_unit);
    let loadout_changed = args.bar.is_some()
        || args.plates.is_some()
        || args.dumbbell_step.is_some()
        || args.machine_step.is_some()
        // A custom loadout holds its own micro plates, so any change to them
        // goes into it; with the standard set, "none" and "standard" are a flag.
        || args
            .micro_plates
            .as_deref()
            .is_some_and(|m| (m != "none" && m != "standard") || current.loadout.is_some());
    let loadout = if loadout_changed {
        let unit = unit.unwrap_or(current.unit);
        let mut l = current
            .loadout
            .clone()
            .filter(|l| l.unit == unit)
            .unwrap_or_else(|| Loadout::standard(unit));
        if let Some(bar) = args.bar {
            l.bar = bar;
        }
        if let Some(plates) = &args.plates {
            l.plates = plates
                .iter()
                .map(|&weight| PlateStock {
                    weight,
                    pairs: None,
                })
                .collect();
        }
        if let Some(micro) = args.micro_plates.as_deref() {
            l.fractional = if micro == "standard" {
                Loadout::standard_fractional(unit)
            } else {
                micro_list(micro)?
            };
        }
        if let Some(step) = args.dumbbell_step {
            l.dumbbell_step = step;
        }
        if let Some(step) = args.machine_step {
            l.machine_step = step;
        }
        Some(l)
    } else {
        None
    };
    let micro_plates = match args.micro_plates.as_deref() {
        Some("none") => Some(false),
        Some("standard") => Some(true),
        Some(_) => Some(true),
        None => None,
    };
    let equipment = match args.equipment.as_deref() {
        None => None,
        Some("gym") => Some(Vec::new()),
        Some(list) => Some(
            list.split(',')
                .map(named::<Equipment>)
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    Ok(ProfileUpdate {
        unit,
        birth_year: args.birth_year,
        sex: parse_named(args.sex)?,
        bone_status: parse_named(args.bone_status)?,
        fracture_history: parse_named(args.fracture_history)?,
        loadout,
        micro_plates,
        equipment,
        running_min_week: args.running_min,
        bands: args.bands.as_deref().map(|list| match list {
            "none" => Vec::new(),
            list => list.split(',').map(str::to_owned).collect(),
        }),
        formula: match args.formula.as_deref().map(str::to_lowercase).as_deref() {
            None => None,
            Some("epley") => Some(Formula::Epley),
            Some("brzycki") => Some(Formula::Brzycki),
            Some(other) => {
                return Err(usage(format!(
                    "--formula: '{other}' is not epley or brzycki"
                )));
            }
        },
    })
}

/// Fractional plates from "1.25,0.5" (one pair of each).
fn micro_list(text: &str) -> Result<Vec<PlateStock>, CliError> {
    if text == "none" {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|w| {
            w.trim()
                .replace(',', ".")
                .parse::<f64>()
                .map(|weight| PlateStock {
                    weight,
                    pairs: Some(1),
                })
                .map_err(|_| usage(format!("--micro-plates: '{w}' is not a weight")))
        })
        .collect()
}

fn named<T: std::str::FromStr>(value: &str) -> Result<T, CliError>
where
    T::Err: std::fmt::Display,
{
    value
        .trim()
        .to_lowercase()
        .parse::<T>()
        .map_err(|e| usage(e.to_string()))
}

fn new_exercise(args: NewExerciseArgs) -> Result<NewExercise, CliError> {
    let mut new = NewExercise::named(
        args.name.join(" "),
        named(&args.pattern)?,
        named(&args.equipment)?,
        named(&args.measure)?,
    );
    new.aliases = args.aliases;
    new.muscles = args
        .muscles
        .iter()
        .map(|m| named(m))
        .collect::<Result<_, _>>()?;
    new.axial = args.axial;
    new.spinal_flexion = args.spinal_flexion;
    new.spinal_rotation = args.spinal_rotation;
    new.impact = args.impact;
    new.unilateral = args.unilateral;
    Ok(new)
}

/// `heft measure KIND VALUE [UNIT]`: records it, then shows its series.
#[allow(clippy::too_many_arguments)]
fn measure(
    heft: &Heft,
    kind: &str,
    value: &[String],
    site: Option<String>,
    unit: Option<String>,
    note: Option<String>,
    at: LogTime,
    json: bool,
) -> Outcome {
    let mut new = NewMeasurement::parse(kind, &value.join(" "))?;
    if let Some(text) = unit {
        let given = MeasureUnit::from_input(&text).map_err(Error::from)?;
        match new.unit {
            Some(carried) if carried != given => {
                return Err(usage(format!(
                    "--unit {given} contradicts the unit of '{}' ({carried})",
                    value.join(" ")
                )));
            }
            _ => new.unit = Some(given),
        }
    }
    new.site = site
        .as_deref()
        .map(Site::from_input)
        .transpose()
        .map_err(Error::from)?;
    new.note = note;
    new.at = at;
    let m = heft.add_measurement(new)?;
    measures_view::measured(&m, &heft.measures_screen(Language::En)?, json);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn the_exercise_is_every_word_before_the_sets() {
        let (name, specs) = split_log_words(&words("back squat w:60x5 3x100x5@2")).unwrap();
        assert_eq!(name, "back squat");
        assert_eq!(specs.len(), 2);
        let (name, _) = split_log_words(&words("Squat (Barbell) 100x5")).unwrap();
        assert_eq!(name, "Squat (Barbell)");
    }

    #[test]
    fn a_bad_set_is_reported_with_its_reason() {
        let err = split_log_words(&words("squat 100x")).unwrap_err();
        assert!(err.to_string().contains("missing reps"), "{err}");
    }
}
