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

use rayon::prelude::*;

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
    // Each claim's keys are written in parallel (one string per claim and
    // the end of each key in it); interning is sequential.
    let written: Vec<(String, Vec<usize>)> = claims[..n]
        .par_iter()
        .map(|c| {
            let (mut buf, mut all, mut ends) = (String::new(), String::new(), Vec::new());
            for_each_key(c, t, &mut buf, |key| {
                all.push_str(key);
                ends.push(all.len());
            });
            (all, ends)
        })
        .collect();
    let mut mine: Vec<u32> = Vec::new();
    for (i, (keys, ends)) in written.iter().enumerate() {
        mine.clear();
        let starts = std::iter::once(0).chain(ends.iter().copied());
        for key in starts.zip(ends).map(|(a, &b)| &keys[a..b]) {
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
        }
        mine.sort_unstable();
        mine.dedup();
        key_count.push(mine.len() as u32);
        for &id in &mine {
            postings[id as usize].push(i as u32);
        }
    }
    drop(ids);
    // Every (pair, by a quantity key) a usable posting list contributes,
    // generated and sorted in parallel; runs of one pair are then summed.
    // Sums do not depend on order, so this counts exactly what a map from
    // pair to count would.
    let mut contributions: Vec<(u64, bool)> = postings
        .par_iter()
        .zip(quantity_key.par_iter())
        .filter(|(l, _)| l.len() <= t.block_max_posting)
        .flat_map_iter(|(list, &quantity)| {
            list.iter().enumerate().flat_map(move |(x, &i)| {
                list[x + 1..]
                    .iter()
                    .filter(move |&&j| article_of[i as usize] != article_of[j as usize])
                    .map(move |&j| (u64::from(i) << 32 | u64::from(j), quantity))
            })
        })
        .collect();
    contributions.par_sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < contributions.len() {
        let pair = contributions[k].0;
        let mut count = 0usize;
        while k < contributions.len() && contributions[k].0 == pair {
            // A shared quantity (same kind, unit and magnitude) is enough
            // alone: "lasted nearly 90 minutes" and "an hour and a half"
            // share no word.
            count += if contributions[k].1 { t.block_min_shared_keys } else { 1 };
            k += 1;
        }
        let (i, j) = ((pair >> 32) as usize, (pair & 0xffff_ffff) as usize);
        if count >= t.block_min_shared_keys.min(key_count[i] as usize).min(key_count[j] as usize).max(1) {
            out.push((i, j));
        }
    }
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
