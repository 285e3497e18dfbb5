//! Blocking: which cross-article claim pairs are worth scoring.
//!
//! Every claim is indexed under its keys: rare content stems (global IDF at
//! least [`Thresholds::block_min_idf`]), entity keys (or capitalised words
//! when it has no entities), digit numbers and quantity buckets (unit plus
//! order of magnitude). Two claims of different articles become a candidate
//! when they share enough keys. A key whose posting list is longer than
//! [`Thresholds::block_max_posting`] is too common to say anything and
//! generates no pairs, so each key contributes at most `cap²/2` pairs and the
//! candidate count grows linearly with the number of claims, never
//! quadratically.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crosscheck_core::Quantity;

use crate::decide::Thresholds;
use crate::prepare::Prepared;

/// Candidate pairs `(i, j)`, `i < j`, of claims from different articles,
/// with the default thresholds. `article_of[i]` is claim `i`'s article;
/// claims without an entry are ignored.
pub fn candidates(claims: &[Prepared], article_of: &[usize]) -> Vec<(usize, usize)> {
    candidates_with(claims, article_of, &Thresholds::default())
}

/// [`candidates`] with explicit thresholds. Output sorted, without repeats.
pub fn candidates_with(claims: &[Prepared], article_of: &[usize], t: &Thresholds) -> Vec<(usize, usize)> {
    let n = claims.len().min(article_of.len());
    let keys: Vec<BTreeSet<String>> = claims[..n].iter().map(|c| blocking_keys(c, t)).collect();
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, ks) in keys.iter().enumerate() {
        for k in ks {
            postings.entry(k.as_str()).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for (key, list) in postings.iter().filter(|(_, l)| l.len() <= t.block_max_posting) {
        // A shared quantity (same kind, unit and magnitude) is enough alone:
        // "lasted nearly 90 minutes" and "an hour and a half" share no word.
        let weight = if key.starts_with("q:") { t.block_min_shared_keys } else { 1 };
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if article_of[i] != article_of[j] {
                    *shared.entry((i, j)).or_insert(0) += weight;
                }
            }
        }
    }
    let mut out: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|((i, j), c)| *c >= t.block_min_shared_keys.min(keys[*i].len()).min(keys[*j].len()).max(1))
        .map(|(p, _)| p)
        .collect();
    out.sort_unstable();
    out
}

/// The index keys of one claim.
pub fn blocking_keys(c: &Prepared, t: &Thresholds) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for (stem, idf) in c.content_idf() {
        if idf >= t.block_min_idf && !c.numbers.contains(stem) {
            keys.insert(format!("s:{stem}"));
        }
    }
    let names = if c.entity_keys.is_empty() { &c.capitalised } else { &c.entity_keys };
    keys.extend(names.iter().map(|e| format!("e:{e}")));
    keys.extend(c.numbers.iter().map(|n| format!("n:{n}")));
    keys.extend(c.quantities.iter().filter_map(quantity_bucket));
    keys
}

/// `q:KIND:UNIT:MAGNITUDE` for a quantity with a value.
fn quantity_bucket(q: &Quantity) -> Option<String> {
    let v = q.value?;
    let mag = if v.low.abs() < 1.0 { 0 } else { v.low.abs().log10().floor() as i64 + 1 };
    let unit = q.unit.as_ref().map(|u| format!("{u:?}")).unwrap_or_default();
    Some(format!("q:{:?}:{unit}:{mag}", q.kind))
}
