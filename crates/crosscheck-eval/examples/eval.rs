//! Runs the evaluation harness and prints the accuracy table.
//!
//! ```text
//! cargo run --release -p crosscheck-eval --example eval -- --quick
//! cargo run --release -p crosscheck-eval --example eval -- --all --write-docs
//! cargo run --release -p crosscheck-eval --example eval -- --gold FILE --story DIR
//! ```
//!
//! `--write-docs` splices the figures into `docs/accuracy.md` (prose kept);
//! without it nothing is written. `--shared DIR` replaces `../shared`.
//! `--markdown` prints the docs blocks instead of the terminal table.
//! Exits 1 on an error, 2 on bad arguments, 3 when a figure is below its floor.

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_eval::harness::{accuracy_doc, run, write_docs, HarnessOptions};

/// Parsed command line.
struct Args {
    opts: HarnessOptions,
    write_docs: bool,
    markdown: bool,
}

fn parse() -> Result<Args, String> {
    let mut opts = HarnessOptions::none();
    let (mut write, mut markdown, mut all, mut quick) = (false, false, false, false);
    let (mut gold, mut story, mut shared): (Option<PathBuf>, Option<PathBuf>, Option<PathBuf>) = (None, None, None);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().map(PathBuf::from).ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--all" => all = true,
            "--quick" => quick = true,
            "--write-docs" => write = true,
            "--markdown" => markdown = true,
            "--gold" => gold = Some(value("--gold")?),
            "--story" => story = Some(value("--story")?),
            "--shared" => shared = Some(value("--shared")?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if all {
        opts = HarnessOptions::all();
    } else if quick {
        opts = HarnessOptions::quick();
    }
    if let Some(s) = shared {
        opts.shared = s;
    }
    match (gold, story) {
        (Some(g), Some(s)) => opts = opts.with_gold(g, s),
        (None, None) if all || quick => {}
        (None, None) => return Err("say --quick, --all or --gold FILE --story DIR".into()),
        _ => return Err("--gold and --story go together".into()),
    }
    Ok(Args { opts, write_docs: write, markdown })
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("eval: {e}");
            return ExitCode::from(2);
        }
    };
    let table = match run(&args.opts) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    if args.markdown {
        print!("{}", table.markdown());
    } else {
        print!("{table}");
    }
    if args.write_docs {
        let path = accuracy_doc();
        if let Err(e) = write_docs(&table, &path) {
            eprintln!("eval: {e}");
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", path.display());
    }
    let below = table.below_floor();
    for r in &below {
        eprintln!("BELOW FLOOR: {} = {}", r.key, r.shown());
    }
    if below.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    }
}
