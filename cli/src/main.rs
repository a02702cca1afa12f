//! `heft`: the Heft training log in a terminal.
//!
//! A thin shell over `heft-core`: it reads arguments, calls the core and
//! prints what comes back, as tables for people or JSON for scripts. No
//! training rule lives here.

mod args;
mod commands;
mod confirm;
mod measures_view;
mod program_view;
mod render;
mod screen_view;
mod stats_view;
mod sync_view;
mod transfer;
mod when;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // `heft records | head` should stop quietly, as other terminal tools do,
    // not panic when the pipe closes.
    sigpipe::reset();
    let cli = args::Cli::parse();
    let json = cli.json;
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            render::error(&err, json);
            err.exit_code()
        }
    }
}
