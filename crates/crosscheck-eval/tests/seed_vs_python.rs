//! The harness's seed figures are the reference scorer's: the pipeline's
//! report on the seed story is scored by `crosscheck_eval::score` and by
//! `shared/eval/score.py`, and every printed figure must be identical.
//! Skips loudly when `shared/` or python3 is missing.

#![allow(clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use crosscheck_eval::harness::{check_and_score, default_shared, run, HarnessOptions, Measures};

fn shared() -> Option<PathBuf> {
    let p = default_shared();
    let need = ["eval/score.py", "gold/seed-story.gold.json", "seeds"];
    match need.iter().find(|n| !p.join(n).exists()) {
        Some(n) => {
            eprintln!("SKIPPED: seed cross-check: {} is missing", p.join(n).display());
            None
        }
        None => Some(p),
    }
}

fn python(shared: &Path, report_json: &Path) -> Option<serde_json::Value> {
    let out = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(report_json)
        .arg(shared.join("gold/seed-story.gold.json"))
        .arg(shared.join("seeds"))
        .arg("--json")
        .output();
    match out {
        Ok(o) if o.status.success() => Some(serde_json::from_slice(&o.stdout).expect("score.py prints JSON")),
        Ok(o) => panic!("score.py failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => {
            eprintln!("SKIPPED: seed cross-check: python3 not runnable ({e})");
            None
        }
    }
}

#[test]
fn seed_figures_equal_score_py_on_the_pipeline_report() {
    let Some(shared) = shared() else { return };
    let opts = crosscheck_pipeline::Options::default();
    let (report, rust) =
        check_and_score(&shared.join("gold/seed-story.gold.json"), &shared.join("seeds"), &opts).expect("seed scores");
    assert!(!report.claims.is_empty(), "the pipeline finds claims in the seed story");
    let path = std::env::temp_dir().join(format!("crosscheck-eval-seed-report-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_vec(&report).expect("serialises")).expect("writes");
    let py = python(&shared, &path);
    let _ = std::fs::remove_file(&path);
    let Some(py) = py else { return };
    assert_eq!(rust.display_json(), py, "Rust scorer vs score.py on the pipeline's seed report");

    // The harness reports the same figures (unrounded) in its seed section.
    let opts = HarnessOptions { measures: Measures { seed: true, ..Measures::default() }, ..HarnessOptions::none() };
    let table = run(&opts).expect("harness runs");
    for (key, v) in [
        ("seed.mention_recall", rust.mention_recall),
        ("seed.pair_precision", rust.pair_precision),
        ("seed.pair_recall", rust.pair_recall),
        ("seed.pair_f1", rust.pair_f1),
        ("seed.status_accuracy", rust.status_accuracy),
    ] {
        assert_eq!(table.figure(key), Some(v), "{key}");
        let shown = py[key.trim_start_matches("seed.")].as_f64().expect("a number");
        assert_eq!(format!("{shown:.3}"), format!("{v:.3}"), "{key} as score.py prints it");
    }
}
