//! The `crosscheck` command line: a thin `main` that parses arguments and
//! hands them to [`crosscheck_cli::run`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = crosscheck_cli::Args::parse();
    crosscheck_cli::run(args)
}
