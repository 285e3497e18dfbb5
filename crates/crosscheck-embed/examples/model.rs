//! Install the model, show its status, or time embedding: what the CLI's
//! `crosscheck model …` subcommands do, runnable without the CLI.
//!
//! ```text
//! cargo run --release -p crosscheck-embed --example model -- install [DIR]
//! cargo run --release -p crosscheck-embed --example model -- status [DIR]
//! cargo run --release -p crosscheck-embed --features semantic --example model -- speed FILE [N]
//! ```
//!
//! `speed` embeds the first N (default 1000) lines of FILE (the last
//! tab-separated field of each line, so MRPC files work) and prints
//! sentences per second.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(PathBuf::from);
    let result = match args.first().map(String::as_str) {
        Some("install") => crosscheck_embed::install(arg(1).as_deref()).map(|d| println!("installed at {}", d.display())),
        Some("status") => {
            let st = crosscheck_embed::status(arg(1).as_deref());
            println!("{st}");
            if !crosscheck_embed::RUNTIME_AVAILABLE {
                println!("note: this build has no embedding runtime (feature `semantic`)");
            }
            Ok(())
        }
        Some("speed") => speed(arg(1), args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1000)),
        _ => {
            eprintln!("usage: model install [DIR] | status [DIR] | speed FILE [N]");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("model: {e}");
            ExitCode::FAILURE
        }
    }
}

fn speed(file: Option<PathBuf>, n: usize) -> Result<(), crosscheck_embed::EmbedError> {
    let file = file.unwrap_or_else(|| PathBuf::from("../shared/corpora/mrpc/msr_paraphrase_train.txt"));
    let text = std::fs::read_to_string(&file).map_err(|source| crosscheck_embed::EmbedError::Io { path: file.clone(), source })?;
    let lines: Vec<&str> = text.lines().skip(1).filter_map(|l| l.rsplit('\t').next()).take(n).collect();
    let t0 = Instant::now();
    let e = crosscheck_embed::Embedder::load(&crosscheck_embed::default_model_dir()?)?;
    let load = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let cpu0 = cpu_seconds();
    let v = e.embed(&lines)?;
    let secs = t1.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
    println!(
        "loaded in {load:.2} s; embedded {} sentences ({:.1} words each) in {secs:.2} s: {:.1} sentences/s on {} threads",
        v.len(),
        words as f64 / v.len().max(1) as f64,
        v.len() as f64 / secs,
        rayon::current_num_threads()
    );
    println!(
        "process CPU time {cpu:.2} s ({:.1} sentences per CPU-second; other processes' load makes wall time slower)",
        v.len() as f64 / cpu.max(1e-9)
    );
    Ok(())
}

/// User + system CPU time of this process so far (Linux `/proc/self/stat`,
/// 100 ticks a second); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = after.split_whitespace().filter_map(|x| x.parse().ok()).collect();
    // After the command name: state is not numeric, so utime/stime are
    // fields 14 and 15 of the full line = indices 10 and 11 here.
    (f.get(10).copied().unwrap_or(0.0) + f.get(11).copied().unwrap_or(0.0)) / 100.0
}
