//! Pair features: a fixed, named vector of similarity and agreement measures.
//!
//! Everything a measure needs of one claim is computed once in
//! [`prepare`](crate::prepare()) (sorted token and stem lists, weights,
//! character n-grams; see `PairIndex`), so a pair costs linear merges of
//! sorted lists plus bit-parallel Levenshtein and LCS (`textsim`), with
//! buffers reused per thread: no allocation and no map per pair beyond the
//! returned vector. The values are those of the original definitions bit
//! for bit (the committed weights were fitted on them); the
//! `feature_parity` test checks that against a frozen copy of the original
//! code on real pairs.

use std::cell::RefCell;
use std::sync::LazyLock;
use std::collections::{BTreeMap, BTreeSet};

use crosscheck_core::Quantity;
use crosscheck_normalize::{compatible, Compatibility};

use crate::prepare::{trigram_hash, Prepared, StemEntry, Trigrams};
#[cfg(doc)]
use crate::prepare::char_mask;

mod textsim;

use textsim::{jaro_winkler_ascii, lcs, levenshtein, JaroScratch, Masks, NONE};

/// Names of the features, in the order [`Features::values`] holds them.
/// The model file lists the same names; a mismatch is refused at load time.
pub const FEATURE_NAMES: &[&str] = &[
    "lev_sim",
    "jaro_winkler",
    "dice_char_bigrams",
    "char3_jaccard",
    "token_set_ratio",
    "token_containment",
    "stem_jaccard",
    "idf_overlap",
    "tfidf_cosine",
    "idf_containment_min",
    "idf_containment_max",
    "bigram_dice",
    "trigram_dice",
    "lcs_ratio",
    "length_ratio",
    "length_diff_log",
    "unmatched_min",
    "unmatched_max",
    "unmatched_idf_max",
    "fuzzy_unmatched_max",
    "unmatched_run_max",
    "unmatched_run_ratio",
    "length_log_mean",
    "number_shared",
    "number_mismatch",
    "number_equal_sets",
    "number_disjoint",
    "entity_shared",
    "entity_unmatched",
    "quantity_incompatible",
    "negation_mismatch",
    "hedge_mismatch",
    "speaker_same",
    "speaker_differ",
];

/// Count features that enter the model as `ln(1 + count)`: the first
/// unmatched word says much more than the tenth (+0.6 pt CV accuracy on
/// MRPC over raw counts, stable across fold splits).
const LOG_COUNTS: &[&str] = &[
    "unmatched_min",
    "unmatched_max",
    "unmatched_idf_max",
    "fuzzy_unmatched_max",
    "unmatched_run_max",
    "number_shared",
    "number_mismatch",
    "entity_shared",
    "entity_unmatched",
];

/// Positions of [`LOG_COUNTS`] in [`FEATURE_NAMES`], found at compile time.
const LOG_COUNT_INDICES: [usize; LOG_COUNTS.len()] = {
    let mut out = [usize::MAX; LOG_COUNTS.len()];
    let mut i = 0;
    while i < LOG_COUNTS.len() {
        let mut j = 0;
        while j < FEATURE_NAMES.len() {
            if str_eq(LOG_COUNTS[i], FEATURE_NAMES[j]) {
                out[i] = j;
            }
            j += 1;
        }
        i += 1;
    }
    out
};

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// One pair's feature values, in [`FEATURE_NAMES`] order. All finite.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// The values, one per name.
    pub values: Vec<f64>,
}

impl Features {
    /// The features as a name → value map (for edges and explanations).
    pub fn to_map(&self) -> BTreeMap<String, f64> {
        // Entries are handed over in name order, so building the map does
        // not sort them again (FEATURE_NAMES is in model order).
        static BY_NAME: LazyLock<Vec<usize>> = LazyLock::new(|| {
            let mut order: Vec<usize> = (0..FEATURE_NAMES.len()).collect();
            order.sort_by_key(|&i| FEATURE_NAMES[i]);
            order
        });
        BY_NAME.iter().filter_map(|&i| Some((FEATURE_NAMES[i].to_string(), *self.values.get(i)?))).collect()
    }

    /// The value of the named feature, if the name exists.
    pub fn get(&self, name: &str) -> Option<f64> {
        FEATURE_NAMES.iter().position(|n| *n == name).and_then(|i| self.values.get(i).copied())
    }
}

/// Buffers reused from pair to pair on each thread.
#[derive(Debug, Default)]
struct Scratch {
    masks: Masks,
    state: Vec<u64>,
    jaro: JaroScratch,
    /// Characters of the two folded texts.
    xa: Vec<u32>,
    xb: Vec<u32>,
    /// For each distinct token / stem of one side: the other side's index, or NONE.
    tok_a: Vec<u32>,
    tok_b: Vec<u32>,
    stem_a: Vec<u32>,
    stem_b: Vec<u32>,
    /// Stem sequences as pair-local symbols (shared stems share a symbol).
    seq_a: Vec<u32>,
    seq_b: Vec<u32>,
    /// Stem n-grams, packed.
    grams_a: Vec<u64>,
    grams_b: Vec<u64>,
    /// Token-set-ratio strings as characters.
    t0: Vec<u32>,
    t1: Vec<u32>,
    t2: Vec<u32>,
    /// Trigram hashes of an ASCII side paired with a non-ASCII one.
    hashed: Vec<u64>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch buffers (fresh ones if re-entered).
fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Compute the feature vector of a pair. Symmetric in `a` and `b`.
pub fn features(a: &Prepared, b: &Prepared) -> Features {
    let mut v = Vec::with_capacity(FEATURE_NAMES.len());
    with_scratch(|s| {
        v.extend(string_features(a, b, s));
        let m = match_stems(a, b, s);
        v.extend(token_features(a, b, &m, s));
        v.extend(sequence_features(a, b, &m, s));
    });
    v.extend(number_features(a, b));
    v.extend(entity_features(a, b));
    v.push(bool_f(quantities_incompatible(&a.quantities, &b.quantities).is_some()));
    v.push(bool_f(a.negated != b.negated));
    v.push(bool_f(a.hedged != b.hedged));
    v.extend(speaker_features(a, b));
    for &i in &LOG_COUNT_INDICES {
        v[i] = v[i].ln_1p();
    }
    for x in &mut v {
        if !x.is_finite() {
            *x = 0.0;
        }
    }
    Features { values: v }
}

fn bool_f(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// `num / den`, 0 when `den` is 0.
fn ratio(num: f64, den: f64) -> f64 {
    if den > 0.0 {
        num / den
    } else {
        0.0
    }
}

/// The characters of `p.folded` as symbols.
fn fill_chars(p: &Prepared, out: &mut Vec<u32>) {
    out.clear();
    if p.index.ascii {
        out.extend(p.folded.bytes().map(u32::from));
    } else {
        out.extend(p.folded.chars().map(u32::from));
    }
}

fn string_features(a: &Prepared, b: &Prepared, s: &mut Scratch) -> [f64; 4] {
    let (ia, ib) = (&a.index, &b.index);
    let lev = if a.folded.is_empty() && b.folded.is_empty() {
        1.0
    } else {
        fill_chars(a, &mut s.xa);
        fill_chars(b, &mut s.xb);
        let d = levenshtein(&s.xa, &s.xb, 128, &mut s.masks, &mut s.state);
        1.0 - (d as f64) / (ia.chars.max(ib.chars) as f64)
    };
    let (jw, dice) = if ia.ascii && ib.ascii {
        (jaro_winkler_ascii(a.folded.as_bytes(), b.folded.as_bytes(), &mut s.jaro), sorensen_dice_ascii(a, b))
    } else {
        (strsim::jaro_winkler(&a.folded, &b.folded), strsim::sorensen_dice(&a.folded, &b.folded))
    };
    let (inter, na, nb) = shared_trigrams(a, b, s);
    let union = (na + nb) as f64 - inter as f64;
    [lev, jw, dice, ratio(inter as f64, union)]
}

/// `strsim::sorensen_dice` on two ASCII folded texts: whitespace removed,
/// bigram multisets intersected.
fn sorensen_dice_ascii(a: &Prepared, b: &Prepared) -> f64 {
    let (ia, ib) = (&a.index, &b.index);
    if ia.stripped_len == ib.stripped_len {
        let strip = |p: &'_ Prepared| p.folded.bytes().filter(|c| !char::from(*c).is_whitespace()).collect::<Vec<u8>>();
        let same = {
            let mut x = a.folded.bytes().filter(|c| !char::from(*c).is_whitespace());
            let mut y = b.folded.bytes().filter(|c| !char::from(*c).is_whitespace());
            loop {
                match (x.next(), y.next()) {
                    (None, None) => break true,
                    (p, q) if p == q => continue,
                    _ => break false,
                }
            }
        };
        debug_assert_eq!(same, strip(a) == strip(b));
        if same {
            return 1.0;
        }
    }
    if ia.stripped_len < 2 || ib.stripped_len < 2 {
        return 0.0;
    }
    let inter = multiset_intersection(&ia.bigrams, &ib.bigrams);
    (2 * inter) as f64 / (ia.stripped_len + ib.stripped_len - 2) as f64
}

/// Size of the intersection of two sorted multisets.
fn multiset_intersection<T: Ord>(x: &[T], y: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Shared distinct trigrams, and each side's count.
fn shared_trigrams(a: &Prepared, b: &Prepared, s: &mut Scratch) -> (usize, usize, usize) {
    match (&a.index.trigrams, &b.index.trigrams) {
        (Trigrams::Ascii(x), Trigrams::Ascii(y)) => (multiset_intersection(x, y), x.len(), y.len()),
        (Trigrams::Hashed(x), Trigrams::Hashed(y)) => (multiset_intersection(x, y), x.len(), y.len()),
        (Trigrams::Ascii(x), Trigrams::Hashed(y)) => {
            hash_ascii_trigrams(x, &mut s.hashed);
            (multiset_intersection(&s.hashed, y), s.hashed.len(), y.len())
        }
        (Trigrams::Hashed(x), Trigrams::Ascii(y)) => {
            hash_ascii_trigrams(y, &mut s.hashed);
            (multiset_intersection(x, &s.hashed), x.len(), s.hashed.len())
        }
    }
}

/// The FNV-1a form of packed ASCII trigrams, sorted and distinct.
fn hash_ascii_trigrams(codes: &[u32], out: &mut Vec<u64>) {
    out.clear();
    out.extend(codes.iter().map(|&c| trigram_hash([c >> 14, (c >> 7) & 0x7f, c & 0x7f])));
    out.sort_unstable();
    out.dedup();
}

/// Merges two lists of indices sorted by the text they point at; fills
/// each side's index into the other (NONE when absent) and returns the
/// number of shared texts.
fn merge_sorted<'x>(
    xs: &[u32],
    x_text: impl Fn(u32) -> &'x str,
    ys: &[u32],
    y_text: impl Fn(u32) -> &'x str,
    x_to_y: &mut Vec<u32>,
    y_to_x: &mut Vec<u32>,
) -> usize {
    x_to_y.clear();
    x_to_y.resize(xs.len(), NONE);
    y_to_x.clear();
    y_to_x.resize(ys.len(), NONE);
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < xs.len() && j < ys.len() {
        match x_text(xs[i]).cmp(y_text(ys[j])) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                x_to_y[i] = j as u32;
                y_to_x[j] = i as u32;
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Stem-level facts of a pair shared by the token and sequence features.
struct StemMatch {
    /// Distinct content stems both sides have as content.
    content_shared: usize,
    /// IDF mass of those, summed in `a`'s stem order.
    idf_shared: f64,
}

/// Matches the distinct stems of both sides (into `s.stem_a` / `s.stem_b`).
fn match_stems(a: &Prepared, b: &Prepared, s: &mut Scratch) -> StemMatch {
    let (ia, ib) = (&a.index, &b.index);
    let first = |p: &Prepared| p.index.stems.iter().map(|e| e.first).collect::<Vec<u32>>();
    // Index lists of the stems' first positions, merged by stem text.
    let (fa, fb) = (first(a), first(b));
    merge_sorted(&fa, |i| a.stems[i as usize].as_str(), &fb, |i| b.stems[i as usize].as_str(), &mut s.stem_a, &mut s.stem_b);
    let shared_content = |k: usize| {
        let e = &ia.stems[k];
        e.content && s.stem_a[k] != NONE && ib.stems[s.stem_a[k] as usize].content
    };
    let content_shared = (0..ia.stems.len()).filter(|&k| shared_content(k)).count();
    let idf_shared: f64 = (0..ia.stems.len()).filter(|&k| shared_content(k)).map(|k| ia.stems[k].idf).sum();
    StemMatch { content_shared, idf_shared }
}

fn token_features(a: &Prepared, b: &Prepared, m: &StemMatch, s: &mut Scratch) -> [f64; 7] {
    let (ia, ib) = (&a.index, &b.index);
    let shared = merge_sorted(
        &ia.tokens,
        |i| a.tokens[i as usize].as_str(),
        &ib.tokens,
        |i| b.tokens[i as usize].as_str(),
        &mut s.tok_a,
        &mut s.tok_b,
    ) as f64;
    let tsr = {
        let (tok_a, tok_b) = (std::mem::take(&mut s.tok_a), std::mem::take(&mut s.tok_b));
        let r = token_set_ratio_parts(token_side(a, &tok_a, true), token_side(a, &tok_a, false), token_side(b, &tok_b, false), s);
        (s.tok_a, s.tok_b) = (tok_a, tok_b);
        r
    };
    let c_shared = m.content_shared as f64;
    let c_union = (ia.content_count + ib.content_count) as f64 - c_shared;
    let (wa, wb, ws) = (ia.content_idf_sum, ib.content_idf_sum, m.idf_shared);
    let (cmin, cmax) = {
        let x = ratio(ws, wa);
        let y = ratio(ws, wb);
        (x.min(y), x.max(y))
    };
    let cosine: f64 = ia
        .stems
        .iter()
        .zip(&s.stem_a)
        .filter(|(_, &k)| k != NONE)
        .map(|(e, &k)| ib.stems[k as usize].tfidf * e.tfidf)
        .sum();
    [
        tsr,
        ratio(shared, ia.tokens.len().min(ib.tokens.len()) as f64),
        ratio(c_shared, c_union),
        ratio(ws, wa + wb - ws),
        cosine,
        cmin,
        cmax,
    ]
}

/// The distinct tokens of `p` (in token order) that the other side has
/// (`shared`) or lacks, by the merge result `m`.
fn token_side<'x>(p: &'x Prepared, m: &'x [u32], shared: bool) -> impl Iterator<Item = &'x str> + 'x {
    p.index.tokens.iter().zip(m).filter(move |(_, k)| (**k != NONE) == shared).map(move |(&i, _)| p.tokens[i as usize].as_str())
}

/// fuzzywuzzy's token-set ratio on folded tokens: compare the sorted
/// intersection with each side's sorted intersection-plus-remainder, by
/// character Indel similarity; take the best.
pub fn token_set_ratio(ta: &BTreeSet<&str>, tb: &BTreeSet<&str>) -> f64 {
    with_scratch(|s| {
        token_set_ratio_parts(ta.intersection(tb).copied(), ta.difference(tb).copied(), tb.difference(ta).copied(), s)
    })
}

/// The token-set ratio from the sorted shared tokens and each side's sorted
/// rest, exactly as the string version: `t0` = shared joined by spaces,
/// `t1` / `t2` = `t0`, a space and a side's rest joined (either part alone
/// when the other is empty); the best Indel similarity of the three pairs.
fn token_set_ratio_parts<'x>(
    inter: impl Iterator<Item = &'x str>,
    da: impl Iterator<Item = &'x str>,
    db: impl Iterator<Item = &'x str>,
    s: &mut Scratch,
) -> f64 {
    join_chars(&mut s.t0, inter);
    join_chars(&mut s.xa, da);
    join_chars(&mut s.xb, db);
    for (t, rest) in [(&mut s.t1, &s.xa), (&mut s.t2, &s.xb)] {
        t.clear();
        match (s.t0.is_empty(), rest.is_empty()) {
            (true, _) => t.extend_from_slice(rest),
            (_, true) => t.extend_from_slice(&s.t0),
            _ => {
                t.extend_from_slice(&s.t0);
                t.push(u32::from(' '));
                t.extend_from_slice(rest);
            }
        }
    }
    let (masks, state) = (&mut s.masks, &mut s.state);
    let mut indel = |x: &[u32], y: &[u32]| {
        if x.is_empty() || y.is_empty() {
            return 0.0;
        }
        ratio(2.0 * lcs(x, y, 128, masks, state) as f64, (x.len() + y.len()) as f64)
    };
    indel(&s.t0, &s.t1).max(indel(&s.t0, &s.t2)).max(indel(&s.t1, &s.t2))
}

/// `words.join(" ")` as characters.
fn join_chars<'x>(out: &mut Vec<u32>, words: impl Iterator<Item = &'x str>) {
    out.clear();
    for (k, w) in words.enumerate() {
        if k > 0 {
            out.push(u32::from(' '));
        }
        out.extend(w.chars().map(u32::from));
    }
}

/// Dice coefficient of the sets of stem n-grams of the two symbol sequences
/// (`n` ≤ 3; symbols below 2²¹).
fn ngram_dice(sa: &[u32], sb: &[u32], n: usize, ga: &mut Vec<u64>, gb: &mut Vec<u64>) -> f64 {
    let grams = |seq: &[u32], out: &mut Vec<u64>| {
        out.clear();
        out.extend(seq.windows(n).map(|w| w.iter().fold(0u64, |h, &x| h << 21 | u64::from(x))));
        out.sort_unstable();
        out.dedup();
    };
    grams(sa, ga);
    grams(sb, gb);
    let shared = multiset_intersection(ga, gb) as f64;
    ratio(2.0 * shared, (ga.len() + gb.len()) as f64)
}

fn sequence_features(a: &Prepared, b: &Prepared, m: &StemMatch, s: &mut Scratch) -> [f64; 12] {
    let (ia, ib) = (&a.index, &b.index);
    let (la, lb) = (a.stems.len() as f64, b.stems.len() as f64);
    // Pair-local stem symbols: a's distinct stems are 0..na, b's stems
    // take a's symbol when shared, else na + their index.
    let na = ia.stems.len() as u32;
    s.seq_a.clear();
    s.seq_a.extend_from_slice(&ia.stem_rank);
    s.seq_b.clear();
    s.seq_b.extend(ib.stem_rank.iter().map(|&r| match s.stem_b[r as usize] {
        NONE => na + r,
        k => k,
    }));
    let symbols = ia.stems.len() + ib.stems.len();
    let (bigram, trigram) = if symbols < (1 << 21) {
        (
            ngram_dice(&s.seq_a, &s.seq_b, 2, &mut s.grams_a, &mut s.grams_b),
            ngram_dice(&s.seq_a, &s.seq_b, 3, &mut s.grams_a, &mut s.grams_b),
        )
    } else {
        (ngram_dice_strings(&a.stems, &b.stems, 2), ngram_dice_strings(&a.stems, &b.stems, 3))
    };
    let common = lcs(&s.seq_a, &s.seq_b, symbols.min(4096), &mut s.masks, &mut s.state) as f64;
    let ua = (ia.content_count - m.content_shared) as f64;
    let ub = (ib.content_count - m.content_shared) as f64;
    let unshared_idf = |x: &'_ Prepared, x_to_y: &'_ [u32], y: &'_ Prepared| -> f64 {
        x.index
            .stems
            .iter()
            .zip(x_to_y)
            .filter(|(e, &k)| e.content && (k == NONE || !y.index.stems[k as usize].content))
            .map(|(e, _)| e.idf)
            .sum()
    };
    let i_a = unshared_idf(a, &s.stem_a, b);
    let run_a = unmatched_run(a, &s.stem_a) as f64;
    let run_b = unmatched_run(b, &s.stem_b) as f64;
    let i_b = unshared_idf(b, &s.stem_b, a);
    let fuzzy = fuzzy_unmatched(a, &s.stem_a, b, &mut s.jaro).max(fuzzy_unmatched(b, &s.stem_b, a, &mut s.jaro));
    [
        bigram,
        trigram,
        ratio(common, la.max(lb)),
        ratio(la.min(lb), la.max(lb)),
        ((la + 1.0).ln() - (lb + 1.0).ln()).abs(),
        ua.min(ub),
        ua.max(ub),
        i_a.max(i_b),
        fuzzy as f64,
        run_a.max(run_b),
        ratio(run_a, la).max(ratio(run_b, lb)),
        ((la + 1.0).ln() + (lb + 1.0).ln()) / 2.0,
    ]
}

/// The string form of [`ngram_dice`], for claims too long for packed symbols.
fn ngram_dice_strings(a: &[String], b: &[String], n: usize) -> f64 {
    let grams = |s: &[String]| -> BTreeSet<Vec<String>> { s.windows(n).map(<[String]>::to_vec).collect() };
    let ga = grams(a);
    let gb = grams(b);
    let shared = ga.intersection(&gb).count() as f64;
    ratio(2.0 * shared, (ga.len() + gb.len()) as f64)
}

/// Content stems of `x` with no exact or near match among the content
/// stems of `y` (a shared prefix of [`FUZZY_PREFIX`] characters, or
/// Jaro-Winkler at least [`FUZZY_JW`]): catches "bought"/"buy", "Iraqi"/"Iraq".
fn fuzzy_unmatched(x: &Prepared, x_to_y: &[u32], y: &Prepared, jaro: &mut JaroScratch) -> usize {
    x.index
        .stems
        .iter()
        .zip(x_to_y)
        .filter(|(e, &k)| e.content && (k == NONE || !y.index.stems[k as usize].content))
        .filter(|(e, _)| !y.index.stems.iter().filter(|f| f.content).any(|f| near(x, e, y, f, jaro)))
        .count()
}

/// Stem `e` of `x` and stem `f` of `y` share a prefix of [`FUZZY_PREFIX`]
/// characters or have a Jaro-Winkler similarity of at least [`FUZZY_JW`].
///
/// Most stem pairs are far apart, so Jaro-Winkler is only computed when an
/// upper bound allows the cut: Jaro ≤ (m/|s| + m/|t| + 1)/3, where the
/// number of matches m is at most the characters of either stem that the
/// other's character set contains (first bounded by popcounts of the
/// [`char_mask`]s, then counted); the Winkler bonus grows with Jaro and its
/// prefix here is below 4 (a 4-character prefix is a near match outright).
fn near(x: &Prepared, e: &StemEntry, y: &Prepared, f: &StemEntry, jaro: &mut JaroScratch) -> bool {
    let (s, t) = (x.stems[e.first as usize].as_str(), y.stems[f.first as usize].as_str());
    if !(e.ascii && f.ascii) {
        return common_prefix(s, t) >= FUZZY_PREFIX || strsim::jaro_winkler(s, t) >= FUZZY_JW;
    }
    if e.head.is_some() && e.head == f.head {
        return true;
    }
    if e.len == 0 || f.len == 0 {
        return strsim::jaro_winkler(s, t) >= FUZZY_JW;
    }
    let (ls, lt) = (f64::from(e.len), f64::from(f.len));
    let cut = |m: f64, p: f64| {
        let j = (m / ls + m / lt + 1.0) / 3.0;
        j + 0.1 * p * (1.0 - j) < FUZZY_JW - 1e-9
    };
    let (ms, mt) = (e.mask, f.mask);
    let m0 = (e.len - (ms & !mt).count_ones().min(e.len)).min(f.len - (mt & !ms).count_ones().min(f.len));
    if cut(f64::from(m0), 3.0) {
        return false;
    }
    let (a, b) = (s.as_bytes(), t.as_bytes());
    let p = a.iter().zip(b).take_while(|(u, v)| u == v).count();
    let in_t = a.iter().filter(|&&c| mt & 1u64 << (c & 63) != 0).count();
    let in_s = b.iter().filter(|&&c| ms & 1u64 << (c & 63) != 0).count();
    if cut(in_t.min(in_s) as f64, p as f64) {
        return false;
    }
    jaro_winkler_ascii(a, b, jaro) >= FUZZY_JW
}

/// Longest run of `x`'s tokens whose stems the other claim lacks, counting
/// content tokens only (stopwords inside a run neither break nor lengthen
/// it): the size of the largest "extra clause".
fn unmatched_run(x: &Prepared, x_to_y: &[u32]) -> usize {
    let (mut best, mut cur) = (0, 0);
    for (&r, &stop) in x.index.stem_rank.iter().zip(x.index.stop.iter()) {
        if x_to_y[r as usize] != NONE {
            cur = 0;
        } else if !stop {
            cur += 1;
            best = best.max(cur);
        }
    }
    best
}

/// Shared-prefix length (in characters) that makes two stems a near match.
const FUZZY_PREFIX: usize = 4;
/// Jaro-Winkler similarity that makes two stems a near match.
const FUZZY_JW: f64 = 0.92;

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn number_features(a: &Prepared, b: &Prepared) -> [f64; 4] {
    let shared = a.numbers.intersection(&b.numbers).count() as f64;
    let mismatch = a.numbers.symmetric_difference(&b.numbers).count() as f64;
    let equal = !a.numbers.is_empty() && a.numbers == b.numbers;
    let disjoint = !a.numbers.is_empty() && !b.numbers.is_empty() && shared == 0.0;
    [shared, mismatch, bool_f(equal), bool_f(disjoint)]
}

/// Entity keys when both claims carry entities, else capitalised words.
pub(crate) fn entity_sets<'a>(a: &'a Prepared, b: &'a Prepared) -> (&'a BTreeSet<String>, &'a BTreeSet<String>) {
    if !a.entity_keys.is_empty() && !b.entity_keys.is_empty() {
        (&a.entity_keys, &b.entity_keys)
    } else {
        (&a.capitalised, &b.capitalised)
    }
}

fn entity_features(a: &Prepared, b: &Prepared) -> [f64; 2] {
    let (ea, eb) = entity_sets(a, b);
    let shared = ea.intersection(eb).count() as f64;
    let unmatched = ea.symmetric_difference(eb).count() as f64;
    [shared, unmatched]
}

fn speaker_features(a: &Prepared, b: &Prepared) -> [f64; 2] {
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) => [bool_f(x == y), bool_f(x != y)],
        _ => [0.0, 0.0],
    }
}

/// The first quantity of `a` that has comparable quantities in `b` but
/// agrees with none of them, with one of those it contradicts. Comparison is
/// the normaliser's [`compatible`]: same kind and unit, overlapping intervals
/// (or overlapping resolved dates); quantities without a value or unit are
/// incomparable and never conflict.
pub fn quantities_incompatible<'a>(a: &'a [Quantity], b: &'a [Quantity]) -> Option<(&'a Quantity, &'a Quantity)> {
    let one_way = |xs: &'a [Quantity], ys: &'a [Quantity]| {
        xs.iter().find_map(|x| {
            let against = ys.iter().find(|y| compatible(x, y) == Compatibility::Incompatible)?;
            (!ys.iter().any(|y| compatible(x, y) == Compatibility::Compatible)).then_some((x, against))
        })
    };
    one_way(a, b).or_else(|| one_way(b, a).map(|(y, x)| (x, y)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_set_ratio_behaves() {
        let a: BTreeSet<&str> = ["a", "b", "c"].into_iter().collect();
        assert!((token_set_ratio(&a, &a) - 1.0).abs() < 1e-9);
        let b: BTreeSet<&str> = ["x", "y"].into_iter().collect();
        assert!(token_set_ratio(&a, &b) < 0.5);
    }

    #[test]
    fn to_map_names_every_value() {
        let f = Features { values: (0..FEATURE_NAMES.len()).map(|i| i as f64).collect() };
        let m = f.to_map();
        assert_eq!(m.len(), FEATURE_NAMES.len());
        for (i, n) in FEATURE_NAMES.iter().enumerate() {
            assert_eq!(m.get(*n), Some(&(i as f64)));
        }
    }

    #[test]
    fn log_count_indices_name_the_log_counts() {
        for (i, name) in LOG_COUNT_INDICES.iter().zip(LOG_COUNTS) {
            assert_eq!(FEATURE_NAMES.get(*i), Some(name));
        }
    }

    #[test]
    fn fnv_is_injective_on_ascii_trigrams() {
        let mut all: Vec<u64> = (0u32..1 << 21).map(|c| trigram_hash([c >> 14, (c >> 7) & 0x7f, c & 0x7f])).collect();
        all.sort_unstable();
        let n = all.len();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
