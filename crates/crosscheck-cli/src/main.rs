//! The `crosscheck` command line: a thin `main` that parses arguments and
//! hands them to [`crosscheck_cli::run`].

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: extraction and matching allocate many small strings and vectors,
/// which it serves with fewer instructions than the system allocator
/// (docs/benchmarks.md, hot spot 2), through [`crosscheck_alloc`].
#[global_allocator]
static GLOBAL: crosscheck_alloc::Allocator = crosscheck_alloc::Allocator;

fn main() -> ExitCode {
    let args = crosscheck_cli::Args::parse();
    crosscheck_cli::run(args)
}
