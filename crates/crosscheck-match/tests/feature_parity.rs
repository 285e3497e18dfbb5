//! The live feature code against a frozen copy of the implementation the
//! committed weights were fitted with (`parity/reference.rs`), bit for bit,
//! on real claim pairs: every cross-article pair of the demo story
//! (`data/demo`), of the seed story and MRPC training pairs (both read from
//! `../shared` at run time and skipped, loudly, when it is absent), plus
//! hand-made edge cases (empty, non-ASCII, long, repetitive texts).

#![allow(clippy::panic)]

#[path = "parity/reference.rs"]
mod reference;

use std::path::{Path, PathBuf};

use crosscheck_core::Claim;
use crosscheck_extract::{analyse_sentence, extract, ExtractOptions};
use crosscheck_match::training::read_mrpc;
use crosscheck_match::{features, prepare, IdfTable, Prepared, Thresholds, FEATURE_NAMES};
use crosscheck_text::{load_story, IngestOptions};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("CROSSCHECK_SHARED").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared"));
    if dir.join("seeds").exists() {
        Some(dir)
    } else {
        eprintln!("feature_parity: ../shared not found; only the demo story and edge cases are checked");
        None
    }
}

fn story_claims(dir: &Path) -> Vec<Claim> {
    let story = match load_story(dir, &IngestOptions::default()) {
        Ok(s) => s,
        Err(e) => panic!("cannot load {}: {e}", dir.display()),
    };
    story.documents.iter().flat_map(|d| extract(d, &ExtractOptions::default()).0).collect()
}

/// Compares both orders of a pair; returns a description of the first
/// differing feature.
fn check(a: &Prepared, b: &Prepared) -> Option<String> {
    let idf = IdfTable::embedded();
    for (x, y) in [(a, b), (b, a)] {
        let live = features(x, y).values;
        let old = reference::features(x, y, idf);
        assert_eq!(live.len(), FEATURE_NAMES.len());
        for (k, (l, o)) in live.iter().zip(&old).enumerate() {
            if l.to_bits() != o.to_bits() {
                return Some(format!("{}: live {l:?} vs reference {o:?}\n  a: {:?}\n  b: {:?}", FEATURE_NAMES[k], x.text, y.text));
            }
        }
        let live_q = crosscheck_match::features::quantities_incompatible(&x.quantities, &y.quantities);
        let old_q = reference::quantities_incompatible(&x.quantities, &y.quantities);
        let same = match (live_q, old_q) {
            (None, None) => true,
            (Some((p, q)), Some((r, s))) => std::ptr::eq(p, r) && std::ptr::eq(q, s),
            _ => false,
        };
        if !same {
            return Some(format!("quantities_incompatible differs\n  a: {:?}\n  b: {:?}", x.text, y.text));
        }
    }
    None
}

/// Every cross-article pair (at most `limit`, evenly spread).
fn cross_pairs(claims: &[Claim], limit: usize) -> Vec<(usize, usize)> {
    let mut all = Vec::new();
    for i in 0..claims.len() {
        for j in i + 1..claims.len() {
            if claims[i].article != claims[j].article {
                all.push((i, j));
            }
        }
    }
    let step = all.len().div_ceil(limit.max(1)).max(1);
    all.into_iter().step_by(step).collect()
}

fn check_story(dir: &Path, limit: usize) -> usize {
    let claims = story_claims(dir);
    assert!(claims.len() > 20, "{} gave only {} claims", dir.display(), claims.len());
    let prepared: Vec<Prepared> = claims.iter().map(prepare).collect();
    let pairs = cross_pairs(&claims, limit);
    for &(i, j) in &pairs {
        if let Some(diff) = check(&prepared[i], &prepared[j]) {
            panic!("{}: pair ({i}, {j}) differs: {diff}", dir.display());
        }
    }
    pairs.len()
}

/// Blocking gives the same candidates as the frozen reference, with the
/// default thresholds and with a small posting cap (more keys dropped).
fn check_blocking(dir: &Path) {
    let claims = story_claims(dir);
    let prepared: Vec<Prepared> = claims.iter().map(prepare).collect();
    let mut ids: Vec<&crosscheck_core::ArticleId> = claims.iter().map(|c| &c.article).collect();
    ids.sort();
    ids.dedup();
    let article_of: Vec<usize> = claims.iter().map(|c| ids.binary_search(&&c.article).unwrap_or(0)).collect();
    for cap in [64, 6] {
        let t = Thresholds { block_max_posting: cap, ..Thresholds::default() };
        let live = crosscheck_match::candidates_with(&prepared, &article_of, &t);
        assert_eq!(live, reference::candidates_with(&prepared, &article_of, &t), "{} cap {cap}", dir.display());
    }
}

#[test]
fn blocking_is_unchanged() {
    check_blocking(&repo().join("data/demo"));
    if let Some(dir) = shared() {
        check_blocking(&dir.join("seeds"));
    }
    if let Some(dir) = std::env::var_os("CROSSCHECK_PARITY_STORY").map(PathBuf::from) {
        check_blocking(&dir);
    }
}

/// Pairs checked per story: all of them in release builds.
fn limit() -> usize {
    if cfg!(debug_assertions) {
        1_500
    } else {
        200_000
    }
}

#[test]
fn demo_story_pairs_are_bit_identical() {
    let n = check_story(&repo().join("data/demo"), limit());
    assert!(n >= 300, "only {n} pairs");
}

#[test]
fn seed_story_pairs_are_bit_identical() {
    let Some(dir) = shared() else { return };
    let n = check_story(&dir.join("seeds"), limit());
    assert!(n >= 300, "only {n} pairs");
}

/// Any further story named by `CROSSCHECK_PARITY_STORY` (e.g. a synthetic
/// one written by the bench's `gen`), every cross-article pair up to
/// `CROSSCHECK_PARITY_PAIRS` (default 200,000).
#[test]
fn extra_story_pairs_are_bit_identical() {
    let Some(dir) = std::env::var_os("CROSSCHECK_PARITY_STORY").map(PathBuf::from) else { return };
    let limit = std::env::var("CROSSCHECK_PARITY_PAIRS").ok().and_then(|s| s.parse().ok()).unwrap_or(200_000);
    let n = check_story(&dir, limit);
    eprintln!("feature_parity: {n} pairs of {} identical", dir.display());
}

#[test]
fn mrpc_pairs_are_bit_identical() {
    let Some(dir) = shared() else { return };
    let path = dir.join("corpora/mrpc/msr_paraphrase_train.txt");
    let pairs = match read_mrpc(&path) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    let take = if cfg!(debug_assertions) { 300 } else { pairs.len() };
    for p in pairs.iter().take(take) {
        let (a, b) = (prepare(&analyse_sentence(&p.a)), prepare(&analyse_sentence(&p.b)));
        if let Some(diff) = check(&a, &b) {
            panic!("MRPC pair differs: {diff}");
        }
    }
}

#[test]
fn edge_cases_are_bit_identical() {
    let long_a = "The committee said on Tuesday that the new bridge, which cost about 40 million euros, would open in \
                  early March after nearly three years of delays, according to officials in the city of Porto."
        .repeat(3);
    let long_b = "Officials in Porto said the new bridge would open in March after almost three years of delays and \
                  cost roughly 40 million euros, the committee said on Tuesday."
        .repeat(2);
    let texts: Vec<String> = [
        "",
        " ",
        "a",
        "ab",
        "It is.",
        "Зеленский заявил, что переговоры продолжатся",
        "Зеленский сказал, что переговоры продолжатся в пятницу",
        "北京 上海 广州",
        "Café naïve résumé São Paulo Łódź",
        "Cafe naive resume Sao Paulo Lodz",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
        "the the the the the",
        "The call lasted 90 minutes, not 30.",
        "The call lasted 30 minutes.",
        "The call did not last 90 minutes.",
        "He said 1,000 people, 25% of them children, were evacuated on 3 March 2024.",
        "About 1000 people were evacuated, a quarter of them children, officials said.",
        "Nearly 90 minutes.",
        "An hour and a half.",
        &long_a,
        &long_b,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let prepared: Vec<Prepared> = texts.iter().map(|t| prepare(&analyse_sentence(t))).collect();
    for a in &prepared {
        for b in &prepared {
            if let Some(diff) = check(a, b) {
                panic!("edge case differs: {diff}");
            }
        }
    }
}
