//! `crosscheck pairs`: the matcher on free-standing sentence pairs, with
//! accuracy and F1 when the file carries labels.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use crosscheck_core::EdgeKind;
use crosscheck_eval::corpora::{binary_scores, read_pair_tsv, read_pairs_jsonl, LabeledPair};
use crosscheck_match::{score_pairs, Model, PairDecision};

use crate::output::{write_stdout, Console};

/// Reads `file`, scores every pair and prints one line per pair, then the
/// scores against the labels when there are any.
pub fn run(file: &Path, console: &Console) -> anyhow::Result<ExitCode> {
    let pairs = read(file)?;
    if pairs.is_empty() {
        anyhow::bail!("{}: no sentence pairs found; expected TSV rows `label, id1, id2, s1, s2` or JSON Lines {{\"s1\", \"s2\"}}", file.display());
    }
    let model = Model::embedded().context("the matcher's built-in model could not be loaded")?;
    let texts: Vec<(String, String)> = pairs.iter().map(|p| (p.s1.clone(), p.s2.clone())).collect();
    let decisions = score_pairs(&model, &texts);
    let mut out = String::from("# score\tdecision\tlabel\tid1\tid2\n");
    for (pair, decision) in pairs.iter().zip(&decisions) {
        let label = pair.label.map_or("-", |l| if l { "1" } else { "0" });
        let _ = writeln!(out, "{:.3}\t{}\t{label}\t{}\t{}", decision.score, decision_name(decision), pair.id1, pair.id2);
    }
    out.push_str(&label_scores(&pairs, &decisions));
    write_stdout(&out)?;
    console.detail(&format!("scored {} pairs from {}", pairs.len(), file.display()));
    Ok(ExitCode::SUCCESS)
}

fn read(file: &Path) -> anyhow::Result<Vec<LabeledPair>> {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let pairs = if matches!(ext.as_str(), "jsonl" | "ndjson") { read_pairs_jsonl(file) } else { read_pair_tsv(file) };
    pairs.with_context(|| format!("cannot read the pair file {}", file.display()))
}

/// The decision's name: the edge kind, or `no-match`.
pub fn decision_name(d: &PairDecision) -> &'static str {
    match d.kind {
        Some(EdgeKind::Verbatim) => "verbatim",
        Some(EdgeKind::Paraphrase) => "paraphrase",
        Some(EdgeKind::Conflict) => "conflict",
        None => "no-match",
    }
}

/// Verbatim and paraphrase state the same fact; a conflict or no match
/// does not.
fn predicted_match(d: &PairDecision) -> bool {
    matches!(d.kind, Some(EdgeKind::Verbatim | EdgeKind::Paraphrase))
}

/// `#` lines with accuracy, precision, recall and F1 over the labelled
/// pairs; empty when none is labelled.
fn label_scores(pairs: &[LabeledPair], decisions: &[PairDecision]) -> String {
    let labelled: Vec<(bool, bool)> =
        pairs.iter().zip(decisions).filter_map(|(p, d)| p.label.map(|gold| (predicted_match(d), gold))).collect();
    if labelled.is_empty() {
        return String::new();
    }
    let n = labelled.len();
    let correct = labelled.iter().filter(|(p, g)| p == g).count();
    let s = binary_scores(labelled);
    format!(
        "# labelled pairs: {n}\n# accuracy: {:.3}\n# precision: {:.3}  recall: {:.3}\n# F1: {:.3}\n",
        correct as f64 / n as f64,
        s.precision,
        s.recall,
        s.f1
    )
}
