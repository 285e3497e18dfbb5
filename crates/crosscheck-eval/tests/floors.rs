//! CI's accuracy guard: runs the quick harness (seed story, MRPC subset,
//! normalisation suites) and asserts every figure respects its bound in
//! `crosscheck_eval::harness::FLOORS`. Data missing from `../shared` is
//! reported as `SKIPPED: …` naming what is missing; a figure that was
//! neither measured nor skipped fails.
//!
//! Raise the floors when figures improve: see the module docs of
//! `harness::FLOORS` and docs/accuracy.md.

#![allow(clippy::expect_used, clippy::panic)]

use crosscheck_eval::harness::{run, HarnessOptions, FLOORS};

#[test]
fn quick_harness_figures_respect_their_floors() {
    let table = run(&HarnessOptions::quick()).expect("quick harness runs");
    eprintln!("{table}");
    eprintln!("quick harness: {:.1} s wall (CI budget: one minute in release)", table.seconds);
    let mut failures = Vec::new();
    for (key, bound) in FLOORS {
        match table.figure(key) {
            Some(v) if bound.holds(v) => {}
            Some(v) => failures.push(format!("{key} = {v:.4}, bound {bound:?}")),
            None if !table.skipped.is_empty() => {
                eprintln!("SKIPPED: floor of {key}: not measured ({})", table.skipped.join("; "));
            }
            None => failures.push(format!("{key}: not measured and not skipped (renamed row?)")),
        }
    }
    assert!(failures.is_empty(), "figures below their floors:\n{}", failures.join("\n"));
}

#[test]
fn missing_shared_data_is_skipped_loudly_not_passed() {
    let mut opts = HarnessOptions::quick();
    opts.shared = std::env::temp_dir().join("crosscheck-eval-no-such-shared");
    let table = run(&opts).expect("missing data is not an error");
    assert!(table.sections.is_empty(), "nothing measured: {:?}", table.sections.iter().map(|s| &s.id).collect::<Vec<_>>());
    let text = table.terminal();
    for what in ["seed-story.gold.json", "msr_paraphrase_train.txt", "DurationExtractor.json", "Numeral__EN__Corpus.hs"] {
        assert!(table.skipped.iter().any(|s| s.starts_with("SKIPPED: ") && s.contains(what)), "{what}: {:?}", table.skipped);
        assert!(text.contains(what), "the terminal table names {what}");
    }
}
