//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

// Preformatted: every line fits an 80-column terminal, so clap never
// rewraps it (a test checks the width).
const SET_HELP: &str = "\
SET NOTATION (one word per set: 100x5, not 100 x 5)
  100x5            100 in your profile unit, 5 reps
  100kgx5, 225lbx5 with an explicit unit
  100x5@2          2 reps in reserve (RIR)
  100x5@rpe8       RPE 8 (half steps: @rpe8.5)
  3x100x5          three sets of 100x5
  102,5x5          decimal comma
  bwx10            body weight, 10 reps
  bw+10x8, bw-20x6 added load; assistance
  60s, 2min, 1:30  a timed set
  20kgx60s         a weighted hold (the unit is needed)
  400m, 5km/25min  a distance, optionally with its time
  2x40kgx50m       two loaded carries
  12r, 3x12r       12 reps with no load (bands); three such sets
  3x12r@band:red   the band used, by its name in heft profile --bands
  w:60x5           a warm-up set (d:80x8 a drop set, f:bwx12 to failure)
  f:100x0          a missed attempt: 0 reps only on a failure set

  In AxB, A is a count when B has a unit (3x60s = three 60 s holds),
  else a load (100x5 = 100 for 5 reps).

EXAMPLES
  heft log back squat w:60x5 3x100x5@2
  heft log \"Pull-Up\" bw+10x5 bwx8 --note \"strict\"
  heft --date yesterday log deadlift 5x120x5
  heft history --exercise squat --since 2026-01-01";

const MEASURE_HELP: &str = "\
KINDS (unit; sites)
  body_weight       kg or lb (a bare number is in your profile unit)
  lean_mass         kg or lb
  visceral_fat      g (DXA visceral fat mass) or level (a scale's 1-59
                    rating): give the unit, e.g. 9level
  bmd               g/cm2; --site lumbar_spine, femoral_neck or total_hip
                    (required)
  t_score, z_score  no unit (sd); --site as for bmd (required)
  grip              kg or lb; --site left or right (optional)
  chair_stand_30s   stands in 30 s
  five_chair_stand  seconds for 5 stands
  timed_up_and_go   seconds
  gait_speed        m/s
  steps             steps in a day
  running_minutes   minutes in a week

  The value may carry its unit: 72.5, 72,5, 72.5kg, 160lb, \"160 lb\", -1.8.

EXAMPLES
  heft measure grip 31 --site left
  heft measure t_score -1.8 --site lumbar_spine --date 2026-03-01
  heft measure body_weight 160lb
  heft measures
  heft measures --kind bmd --json";

/// Heft: a strength-training log that keeps every set, offline.
#[derive(Debug, Parser)]
#[command(name = "heft", version, about, after_long_help = SET_HELP)]
pub struct Cli {
    /// Database file [default: heft.db in the platform data directory].
    #[arg(long, global = true, env = "HEFT_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Backdate to this day: YYYY-MM-DD, "today" or "yesterday".
    #[arg(long, global = true, value_name = "DATE", conflicts_with = "at")]
    pub date: Option<String>,

    /// Backdate to this moment: "YYYY-MM-DD HH:MM", "HH:MM" (today) or RFC 3339.
    #[arg(long, global = true, value_name = "TIME")]
    pub at: Option<String>,

    /// Print JSON instead of tables (shapes in docs/CLI.md).
    #[arg(long, global = true)]
    pub json: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database (optional: any command creates it) and set the unit.
    Init {
        /// Unit for weights typed without one.
        #[arg(long, value_enum)]
        unit: Option<UnitArg>,
    },
    /// Show or change the profile.
    Profile(ProfileArgs),
    /// Copy every readable row of a damaged database into a new one: the
    /// database itself when it is damaged, else the newest damaged copy set
    /// aside beside it (merged in). The damaged file is kept, untouched.
    Recover,
    /// Search the exercise catalog, or add an exercise.
    #[command(args_conflicts_with_subcommands = true)]
    Exercises {
        /// Words to search for; lists every exercise when absent.
        query: Vec<String>,
        /// Add a custom exercise.
        #[command(subcommand)]
        add: Option<ExercisesCommand>,
    },
    /// Log sets: `heft log <exercise> <set>...`; with nothing after `log`, the
    /// next set of today's plan as prescribed (see --help for the notation).
    #[command(after_long_help = SET_HELP)]
    Log {
        /// The exercise name (any number of words) followed by one or more sets.
        #[arg(value_name = "EXERCISE SET")]
        words: Vec<String>,
        /// A note on the last set logged (`3x100x5 --note "grindy"` notes the third).
        #[arg(long, conflicts_with = "note_all", value_name = "TEXT")]
        note: Option<String>,
        /// A note on every set logged.
        #[arg(long, value_name = "TEXT")]
        note_all: Option<String>,
        /// Pain during these sets, 0-10.
        #[arg(long, value_name = "0-10")]
        pain: Option<u8>,
        /// Landings per set (jumps).
        #[arg(long, value_name = "N")]
        landings: Option<u32>,
        /// Drop height of the landings in cm.
        #[arg(long, value_name = "CM", requires = "landings")]
        drop_cm: Option<f64>,
        /// Log even when a set looks like a slip (a load under the bar, load
        /// and reps swapped, the other unit); without it Heft asks, or with no
        /// terminal saves nothing and exits with code 2.
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Start a workout now (logging starts one by itself when needed).
    Start {
        /// Its name.
        name: Vec<String>,
    },
    /// Finish the open workout (with --date, that day's); a program session advances the program.
    Finish {
        /// Its length when not start to now, e.g. 45m, 1h10m, 50min.
        #[arg(long, value_name = "DURATION")]
        duration: Option<String>,
    },
    /// Show past workouts, newest first.
    History {
        /// Only this exercise.
        #[arg(long, short)]
        exercise: Option<String>,
        /// From this date (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Up to this date (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        /// At most this many workouts.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: u32,
        /// One line per exercise, equal sets counted ("Deadlift  5x47.5kgx5@3");
        /// no ids or notes. `--json` is the same either way.
        #[arg(long, short)]
        compact: bool,
    },
    /// Change a set: `heft edit <set-id> <set>` (id as shown by history).
    Edit {
        /// The set's id, or its last 4+ characters.
        id: String,
        /// The set as it should be, in set notation.
        #[arg(allow_hyphen_values = true)]
        set: String,
        /// Replace the note.
        #[arg(long)]
        note: Option<String>,
        /// Replace the pain score.
        #[arg(long, value_name = "0-10")]
        pain: Option<u8>,
    },
    /// Delete a set (history shows ids).
    Delete {
        /// The set's id, or its last 4+ characters.
        id: String,
    },
    /// Take back the last change.
    Undo,
    /// Programs: list, show, start, status, import, stop.
    #[command(subcommand)]
    Program(ProgramCommand),
    /// The session to do today (or on --date): exercises, warm-ups, sets, rest and why.
    Today,
    /// Write everything to a .heft file for another device (or a backup).
    Export {
        /// The file [default: heft-<date>.heft in the current folder].
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Encrypt with the passphrase in this file (first line).
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Merge a .heft file from another device: newer edits win, row by row.
    Import {
        /// The .heft file.
        file: PathBuf,
        /// The passphrase file, for an encrypted export.
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Merge every device's file in a shared folder and write this device's.
    Sync {
        /// The folder (one that Syncthing, iCloud Drive, Dropbox, ... replicates).
        folder: PathBuf,
        /// Encrypt this device's file and decrypt the others' with this passphrase.
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// This device's id, the content hash and row counts (equal hashes: same data).
    Status,
    /// Import history from another app's CSV export.
    ImportCsv {
        /// The app that wrote it; sniffed from the header when absent.
        #[arg(long, value_enum)]
        from: Option<CsvSourceArg>,
        /// Unit of weights when the file names none [default: told from the loads (plate steps, strength); the import stops and asks when they cannot tell].
        #[arg(long, value_enum)]
        unit: Option<UnitArg>,
        /// Show what would be imported without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// The CSV file.
        file: PathBuf,
    },
    /// How well Heft's estimate forecast each session, replayed in date
    /// order: per exercise session its best-set e1RM against Heft's forecast
    /// and the best e1RM of the 28 days before (docs/FORECAST.md). FILE: an
    /// export of another app, read in memory (the database is not opened);
    /// without FILE, this database (only read).
    Backtest {
        /// A CSV export (Strong, Hevy, FitNotes, ...); this database when absent.
        file: Option<PathBuf>,
        /// The app that wrote FILE; sniffed from the header when absent.
        #[arg(long, value_enum, requires = "file")]
        from: Option<CsvSourceArg>,
        /// Unit of FILE's weights when it names none [default: told from the loads].
        #[arg(long, value_enum, requires = "file")]
        unit: Option<UnitArg>,
    },
    /// Write the history as CSV.
    ExportCsv {
        /// Column layout: strong (read by tools made for Strong) or heft (every field, prescribed and done).
        #[arg(long, value_enum, default_value = "strong")]
        layout: CsvLayoutArg,
        /// Weight unit of the Strong layout [default: the profile's unit].
        #[arg(long, value_enum)]
        unit: Option<UnitArg>,
        /// The file [default: standard output].
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Record a body or outcome measurement: `heft measure grip 31 --site left`
    /// (--date or --at to backdate; kinds and units in --help).
    #[command(after_long_help = MEASURE_HELP)]
    Measure {
        /// What was measured: body_weight, lean_mass, visceral_fat, bmd, t_score,
        /// z_score, grip, chair_stand_30s, five_chair_stand, timed_up_and_go,
        /// gait_speed, steps, running_minutes.
        kind: String,
        /// The value, optionally with its unit: 72.5, 72,5kg, 160lb, -1.8, -1,8.
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// Its unit, when written apart: `heft measure body_weight 160 lb`.
        #[arg(value_name = "UNIT")]
        unit_word: Option<String>,
        /// Where: lumbar_spine, femoral_neck, total_hip (DXA) or left, right (grip).
        #[arg(long)]
        site: Option<String>,
        /// The unit, when the value does not carry one.
        #[arg(long)]
        unit: Option<String>,
        /// A note.
        #[arg(long)]
        note: Option<String>,
    },
    /// This week and the four before it: minutes against the 40-60 band,
    /// sessions, hard sets, the bone-loading dose, streaks and new records.
    Stats,
    /// Estimated 1RM of an exercise over time, one point per session, and
    /// how it compares with a year ago (or --since).
    E1rm {
        /// The exercise name (any number of words).
        #[arg(required = true)]
        exercise: Vec<String>,
        /// Compare today's e1RM with the best within 28 days of this date
        /// (YYYY-MM-DD) [default: a year ago].
        #[arg(long)]
        since: Option<String>,
    },
    /// Personal records: heaviest, best e1RM, most reps at each load, best
    /// volume session.
    Records {
        /// Only this exercise (any number of words).
        #[arg(long, short, num_args = 1..)]
        exercise: Option<Vec<String>>,
    },
    /// Write the progress report: one HTML file with charts that opens
    /// offline on a phone or a desktop and prints a page for a clinician.
    Report {
        /// The file [default: heft-report-<date>.html in the current folder].
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Measurements: each kind's latest value, change and reference band;
    /// with --kind, every measurement of it; `measures delete ID` removes one.
    #[command(args_conflicts_with_subcommands = true, after_long_help = MEASURE_HELP)]
    Measures {
        /// Only this kind, and list each of its measurements with its id.
        #[arg(long, short)]
        kind: Option<String>,
        /// Delete a measurement.
        #[command(subcommand)]
        delete: Option<MeasuresCommand>,
    },
}

/// `heft measures delete`.
#[derive(Debug, Subcommand)]
pub enum MeasuresCommand {
    /// Delete a measurement (`heft measures --kind KIND` shows ids).
    Delete {
        /// The measurement's id, or its last 4+ characters.
        id: String,
    },
}

/// Apps whose CSV exports `import-csv` reads.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CsvSourceArg {
    /// Strong.
    Strong,
    /// Hevy.
    Hevy,
    /// FitNotes.
    Fitnotes,
    /// StrongLifts 5x5.
    Stronglifts,
    /// Liftosaur.
    Liftosaur,
    /// Heft's own CSV layout.
    Heft,
}

/// CSV layouts `export-csv` writes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CsvLayoutArg {
    /// Strong's columns.
    Strong,
    /// Heft's columns: one row per set, prescribed and achieved.
    Heft,
}

/// `heft program`.
#[derive(Debug, Subcommand)]
pub enum ProgramCommand {
    /// The built-in and imported programs.
    List,
    /// A program's phases, days and slots.
    Show {
        /// Program id.
        id: String,
    },
    /// Start a program today (or on --date). A program in progress ends:
    /// in a terminal you are asked first; elsewhere (or with --json) pass --yes.
    Start {
        /// Program id.
        id: String,
        /// End the program in progress without asking.
        #[arg(long, short)]
        yes: bool,
    },
    /// Where the program in progress stands.
    Status,
    /// Import a custom program from a TOML file (format in docs/PROGRAMS.md).
    Import {
        /// The file.
        file: PathBuf,
    },
    /// Stop the program in progress.
    Stop,
    /// Do another exercise in place of one of the running program's, from
    /// now on (`heft program swap "back squat" "goblet squat"`); FROM as
    /// TO takes the swap back.
    Swap {
        /// The program's exercise (name or id).
        from: String,
        /// The exercise to do in its place (name or id).
        to: String,
    },
    /// Train on these weekdays from now on (`mon,wed,fri`; `any` for any
    /// day): the next session waits for the first of them.
    Days {
        /// Weekdays, comma-separated: mon, tue, wed, thu, fri, sat, sun; or `any`.
        days: String,
    },
}

/// `heft exercises add`.
#[derive(Debug, Subcommand)]
pub enum ExercisesCommand {
    /// Add a custom exercise.
    Add(NewExerciseArgs),
}

/// A custom exercise.
#[derive(Debug, Args)]
pub struct NewExerciseArgs {
    /// Its name.
    #[arg(required = true)]
    pub name: Vec<String>,
    /// Movement pattern: squat, hinge, lunge, push, pull, carry, jump, core, isolation, cardio.
    #[arg(long, default_value = "isolation")]
    pub pattern: String,
    /// Equipment: barbell, dumbbell, kettlebell, machine, cable, band, bodyweight, ...
    #[arg(long, default_value = "other")]
    pub equipment: String,
    /// How sets are measured: weight_reps, bodyweight_reps, reps, time, distance, weight_distance.
    #[arg(long, default_value = "weight_reps")]
    pub measure: String,
    /// Another name for it (repeatable).
    #[arg(long = "alias")]
    pub aliases: Vec<String>,
    /// A muscle group trained (repeatable).
    #[arg(long = "muscle")]
    pub muscles: Vec<String>,
    /// It loads the spine axially.
    #[arg(long)]
    pub axial: bool,
    /// It flexes the spine under load.
    #[arg(long)]
    pub spinal_flexion: bool,
    /// It twists the spine forcefully.
    #[arg(long)]
    pub spinal_rotation: bool,
    /// It involves impact or landings.
    #[arg(long)]
    pub impact: bool,
    /// One side at a time.
    #[arg(long)]
    pub unilateral: bool,
}

/// `heft profile`.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Unit for weights typed without one.
    #[arg(long, value_enum)]
    pub unit: Option<UnitArg>,
    /// Year of birth.
    #[arg(long)]
    pub birth_year: Option<i32>,
    /// female or male.
    #[arg(long)]
    pub sex: Option<String>,
    /// normal, osteopenia or osteoporosis (from your latest DXA scan).
    #[arg(long)]
    pub bone_status: Option<String>,
    /// none, fragility or vertebral.
    #[arg(long)]
    pub fracture_history: Option<String>,
    /// Barbell weight, in the profile unit.
    #[arg(long, value_name = "WEIGHT")]
    pub bar: Option<f64>,
    /// Plates you own (each weight one pair or more), e.g. 25,20,15,10,5,2.5.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub plates: Option<Vec<f64>>,
    /// Fractional plates you own, e.g. 1.25,0.5 (kg) or 2.5,1.25 (lb); "none" for none.
    #[arg(long, value_name = "LIST")]
    pub micro_plates: Option<String>,
    /// Step between your dumbbells.
    #[arg(long, value_name = "WEIGHT")]
    pub dumbbell_step: Option<f64>,
    /// Step of the machines' weight stacks.
    #[arg(long, value_name = "WEIGHT")]
    pub machine_step: Option<f64>,
    /// Equipment at hand: "gym" for everything, or a list such as dumbbell,band,bodyweight.
    #[arg(long, value_name = "LIST")]
    pub equipment: Option<String>,
    /// Minutes of running in a typical week.
    #[arg(long, value_name = "MIN")]
    pub running_min: Option<u16>,
    /// Your elastic bands, light to heavy, e.g. yellow,red,green,blue; "none" for none.
    #[arg(long, value_name = "LIST")]
    pub bands: Option<String>,
    /// Formula for estimated 1RMs: epley or brzycki.
    #[arg(long, value_name = "NAME")]
    pub formula: Option<String>,
}

/// A weight unit on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum UnitArg {
    /// Kilograms.
    Kg,
    /// Pounds.
    Lb,
}
