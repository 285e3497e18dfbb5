//! Readers of third-party evaluation corpora (`shared/corpora/README.md`).
//!
//! Each reader returns plain structs and fails with an [`EvalError`] that
//! names the file and, for row-based formats, the line. None of them copies
//! corpus text anywhere: callers read the corpora in place.
//!
//! - [`pairs`]: sentence pairs with optional paraphrase labels: MRPC, the
//!   same TSV layout without labels, and JSON Lines.
//! - [`sts`]: STS Benchmark similarity pairs.
//! - [`fnc`]: FNC-1 bodies, headline stances, and headlines grouped with the
//!   bodies related to them.
//! - [`ecb`]: ECB+ topics, documents and annotated sentences with their
//!   cross-document event chains, and the same-lemma sentence-pair baseline.

use std::path::Path;

use crate::error::EvalError;

pub mod ecb;
pub mod fnc;
pub mod pairs;
pub mod sts;

pub use ecb::{
    ecb_pairs, read_ecb, read_ecb_annotated, read_ecb_document, read_ecb_topic, EcbDocument, EcbSentence, EcbTopic,
    SentencePair, SentenceRef,
};
pub use fnc::{group_related, read_fnc_bodies, read_fnc_stances, FncBody, FncStance, HeadlineGroup, RelatedBody, Stance};
pub use pairs::{read_mrpc, read_pair_tsv, read_pairs_jsonl, LabeledPair};
pub use sts::{read_sts, StsPair};

/// Precision, recall and F1 of binary predictions, with the confusion counts.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct BinaryScores {
    /// Predicted positive, gold positive.
    pub true_positives: usize,
    /// Predicted positive, gold negative.
    pub false_positives: usize,
    /// Predicted negative, gold positive.
    pub false_negatives: usize,
    /// Predicted negative, gold negative.
    pub true_negatives: usize,
    /// TP / (TP + FP), 0 without positive predictions.
    pub precision: f64,
    /// TP / (TP + FN), 0 without gold positives.
    pub recall: f64,
    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub f1: f64,
}

/// Scores `(predicted, gold)` decisions.
pub fn binary_scores(decisions: impl IntoIterator<Item = (bool, bool)>) -> BinaryScores {
    let mut s = BinaryScores::default();
    for (p, g) in decisions {
        match (p, g) {
            (true, true) => s.true_positives += 1,
            (true, false) => s.false_positives += 1,
            (false, true) => s.false_negatives += 1,
            (false, false) => s.true_negatives += 1,
        }
    }
    let frac = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    s.precision = frac(s.true_positives, s.true_positives + s.false_positives);
    s.recall = frac(s.true_positives, s.true_positives + s.false_negatives);
    s.f1 = if s.precision + s.recall > 0.0 { 2.0 * s.precision * s.recall / (s.precision + s.recall) } else { 0.0 };
    s
}

/// The lines of a UTF-8 text file (BOM dropped, `\r\n` accepted), numbered from 1.
pub(crate) fn text_lines(path: &Path) -> Result<Vec<(u64, String)>, EvalError> {
    let bytes = std::fs::read(path).map_err(|e| EvalError::io(path, e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut out = Vec::new();
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = i as u64 + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let text = std::str::from_utf8(raw).map_err(|e| EvalError::row(path, line, format!("not UTF-8: {e}")))?;
        out.push((line, text.to_string()));
    }
    Ok(out)
}

/// The corpus root `shared/corpora`, when it exists beside the workspace.
pub fn shared_corpora() -> Option<std::path::PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora"));
    p.is_dir().then(|| p.to_path_buf())
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn binary_scores_count_and_divide() {
        let s = binary_scores([(true, true), (true, false), (false, true), (false, false), (true, true)]);
        assert_eq!((s.true_positives, s.false_positives, s.false_negatives, s.true_negatives), (2, 1, 1, 1));
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-12 && (s.recall - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(binary_scores([]).f1, 0.0);
    }
}
