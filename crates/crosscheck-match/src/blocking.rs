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

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

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
///
/// Keys are interned to integers as they are met (one string map for the
/// story, no key strings per claim), posting lists are indexed by key id,
/// and shared-key counts are kept per pair packed into one integer. The
/// counts are order-independent sums and the output is sorted, so the
/// result does not depend on the interning order.
pub fn candidates_with(claims: &[Prepared], article_of: &[usize], t: &Thresholds) -> Vec<(usize, usize)> {
    let n = claims.len().min(article_of.len());
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut postings: Vec<Vec<u32>> = Vec::new();
    let mut quantity_key: Vec<bool> = Vec::new();
    let mut key_count: Vec<u32> = Vec::with_capacity(n);
    let mut buf = String::new();
    let mut mine: Vec<u32> = Vec::new();
    for (i, c) in claims[..n].iter().enumerate() {
        mine.clear();
        for_each_key(c, t, &mut buf, |key| {
            let id = match ids.get(key) {
                Some(&id) => id,
                None => {
                    let id = postings.len() as u32;
                    ids.insert(key.to_string(), id);
                    postings.push(Vec::new());
                    quantity_key.push(key.starts_with("q:"));
                    id
                }
            };
            mine.push(id);
        });
        mine.sort_unstable();
        mine.dedup();
        key_count.push(mine.len() as u32);
        for &id in &mine {
            postings[id as usize].push(i as u32);
        }
    }
    drop(ids);
    let mut shared: HashMap<u64, u32> = HashMap::new();
    for (list, &quantity) in postings.iter().zip(&quantity_key).filter(|(l, _)| l.len() <= t.block_max_posting) {
        // A shared quantity (same kind, unit and magnitude) is enough alone:
        // "lasted nearly 90 minutes" and "an hour and a half" share no word.
        let weight = if quantity { t.block_min_shared_keys as u32 } else { 1 };
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if article_of[i as usize] != article_of[j as usize] {
                    *shared.entry(u64::from(i) << 32 | u64::from(j)).or_insert(0) += weight;
                }
            }
        }
    }
    let mut out: Vec<(usize, usize)> = shared
        .into_iter()
        .map(|(p, c)| ((p >> 32) as usize, (p & 0xffff_ffff) as usize, c as usize))
        .filter(|&(i, j, c)| {
            c >= t.block_min_shared_keys.min(key_count[i] as usize).min(key_count[j] as usize).max(1)
        })
        .map(|(i, j, _)| (i, j))
        .collect();
    out.sort_unstable();
    out
}

/// Calls `f` with each index key of `c` (repeats possible), written into
/// `buf`: the same keys as [`blocking_keys`] without a string per key.
fn for_each_key(c: &Prepared, t: &Thresholds, buf: &mut String, mut f: impl FnMut(&str)) {
    let mut emit = |prefix: &str, rest: &dyn std::fmt::Display| {
        buf.clear();
        let _ = write!(buf, "{prefix}{rest}");
        f(buf);
    };
    for (stem, idf) in c.content_idf() {
        if idf >= t.block_min_idf && !c.numbers.contains(stem) {
            emit("s:", &stem);
        }
    }
    let names = if c.entity_keys.is_empty() { &c.capitalised } else { &c.entity_keys };
    for e in names {
        emit("e:", e);
    }
    for num in &c.numbers {
        emit("n:", num);
    }
    for q in &c.quantities {
        if let Some(b) = quantity_bucket(q) {
            emit("", &b);
        }
    }
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
