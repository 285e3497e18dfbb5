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
//! `--only ecb,fnc` runs named measures (seed, mrpc, mrpc-quick, sts,
//! normalisation, ecb, fnc). `--markdown` prints the docs blocks instead of the terminal table.
//! Exits 1 on an error, 2 on bad arguments, 3 when a figure is below its floor.

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_eval::harness::{accuracy_doc, run, write_docs, HarnessOptions, Measures, FULL_MRPC, QUICK_MRPC};

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
    let mut only: Option<String> = None;
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
            "--only" => only = Some(value("--only")?.to_string_lossy().into_owned()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if all {
        opts = HarnessOptions::all();
    } else if quick {
        opts = HarnessOptions::quick();
    }
    if let Some(names) = &only {
        opts.measures = only_measures(names)?;
        quick = true;
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

/// `--only seed,mrpc,sts,normalisation,ecb,fnc` (mrpc = the full 10-fold run).
fn only_measures(names: &str) -> Result<Measures, String> {
    let mut m = Measures::default();
    for n in names.split(',').map(str::trim) {
        match n {
            "seed" => m.seed = true,
            "mrpc" => m.mrpc = Some(FULL_MRPC),
            "mrpc-quick" => m.mrpc = Some(QUICK_MRPC),
            "sts" => m.sts = true,
            "normalisation" => m.normalisation = true,
            "ecb" => m.ecb = true,
            "fnc" => m.fnc = true,
            other => return Err(format!("--only: unknown measure {other:?}")),
        }
    }
    Ok(m)
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
