//! A frozen copy of the feature code as it stood before the allocation-free
//! rewrite (commit 8128e25), computing everything from the plain fields of
//! [`Prepared`] (tokens, stems, content stems, folded text, numbers,
//! entities, quantities, flags). The committed weights were fitted on these
//! values; `feature_parity.rs` checks the live [`features`] bit for bit
//! against it. Do not "improve" this file: it is the specification.

use std::collections::{BTreeMap, BTreeSet};

use crosscheck_core::Quantity;
use crosscheck_match::prepare::is_stopword;
use crosscheck_match::{IdfTable, Prepared, FEATURE_NAMES};
use crosscheck_normalize::{compatible, Compatibility};

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

/// The derived per-claim data the old `Prepared` held, rebuilt from its
/// plain fields exactly as `prepare_with` built it.
struct Old<'a> {
    p: &'a Prepared,
    content_idf: BTreeMap<String, f64>,
    tfidf: BTreeMap<String, f64>,
    shingles: BTreeSet<u64>,
}

fn old<'a>(p: &'a Prepared, idf: &IdfTable) -> Old<'a> {
    let content_idf = p.content.iter().map(|s| (s.clone(), idf.idf(s))).collect();
    Old { p, content_idf, tfidf: tfidf_vector(&p.stems, idf), shingles: shingles(&p.folded) }
}

fn tfidf_vector(stems: &[String], idf: &IdfTable) -> BTreeMap<String, f64> {
    let mut v: BTreeMap<String, f64> = BTreeMap::new();
    for s in stems {
        *v.entry(s.clone()).or_insert(0.0) += 1.0;
    }
    for (s, w) in v.iter_mut() {
        *w *= idf.idf(s);
    }
    let norm = v.values().map(|w| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.values_mut().for_each(|w| *w /= norm);
    }
    v
}

fn shingles(folded: &str) -> BTreeSet<u64> {
    let chars: Vec<char> = folded.chars().collect();
    chars
        .windows(3)
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for c in w {
                h ^= *c as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h
        })
        .collect()
}

/// The old `features(a, b)`.
pub fn features(a: &Prepared, b: &Prepared, idf: &IdfTable) -> Vec<f64> {
    let (a, b) = (old(a, idf), old(b, idf));
    let mut v = Vec::with_capacity(FEATURE_NAMES.len());
    v.extend(string_features(&a, &b));
    v.extend(token_features(&a, &b));
    v.extend(sequence_features(&a, &b));
    v.extend(number_features(a.p, b.p));
    v.extend(entity_features(a.p, b.p));
    v.push(bool_f(quantities_incompatible(&a.p.quantities, &b.p.quantities).is_some()));
    v.push(bool_f(a.p.negated != b.p.negated));
    v.push(bool_f(a.p.hedged != b.p.hedged));
    v.extend(speaker_features(a.p, b.p));
    for name in LOG_COUNTS {
        if let Some(i) = FEATURE_NAMES.iter().position(|n| n == name) {
            v[i] = v[i].ln_1p();
        }
    }
    for x in &mut v {
        if !x.is_finite() {
            *x = 0.0;
        }
    }
    v
}

fn bool_f(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

fn ratio(num: f64, den: f64) -> f64 {
    if den > 0.0 {
        num / den
    } else {
        0.0
    }
}

fn string_features(a: &Old<'_>, b: &Old<'_>) -> [f64; 4] {
    let inter = a.shingles.intersection(&b.shingles).count() as f64;
    let union = (a.shingles.len() + b.shingles.len()) as f64 - inter;
    [
        strsim::normalized_levenshtein(&a.p.folded, &b.p.folded),
        strsim::jaro_winkler(&a.p.folded, &b.p.folded),
        strsim::sorensen_dice(&a.p.folded, &b.p.folded),
        ratio(inter, union),
    ]
}

fn token_features(a: &Old<'_>, b: &Old<'_>) -> [f64; 7] {
    let ta: BTreeSet<&str> = a.p.tokens.iter().map(String::as_str).collect();
    let tb: BTreeSet<&str> = b.p.tokens.iter().map(String::as_str).collect();
    let shared = ta.intersection(&tb).count() as f64;
    let ca: BTreeSet<&str> = a.p.content.iter().map(String::as_str).collect();
    let cb: BTreeSet<&str> = b.p.content.iter().map(String::as_str).collect();
    let c_shared = ca.intersection(&cb).count() as f64;
    let c_union = (ca.len() + cb.len()) as f64 - c_shared;
    let (wa, wb, ws) = idf_sums(a, b);
    let (cmin, cmax) = {
        let x = ratio(ws, wa);
        let y = ratio(ws, wb);
        (x.min(y), x.max(y))
    };
    [
        token_set_ratio(&ta, &tb),
        ratio(shared, ta.len().min(tb.len()) as f64),
        ratio(c_shared, c_union),
        ratio(ws, wa + wb - ws),
        a.tfidf.iter().filter_map(|(k, w)| b.tfidf.get(k).map(|v| v * w)).sum(),
        cmin,
        cmax,
    ]
}

fn idf_sums(a: &Old<'_>, b: &Old<'_>) -> (f64, f64, f64) {
    let wa: f64 = a.content_idf.values().sum();
    let wb: f64 = b.content_idf.values().sum();
    let ws: f64 = a.content_idf.iter().filter(|(k, _)| b.content_idf.contains_key(*k)).map(|(_, w)| *w).sum();
    (wa, wb, ws)
}

/// The old token-set ratio.
pub fn token_set_ratio(ta: &BTreeSet<&str>, tb: &BTreeSet<&str>) -> f64 {
    let inter: Vec<&str> = ta.intersection(tb).copied().collect();
    let da: Vec<&str> = ta.difference(tb).copied().collect();
    let db: Vec<&str> = tb.difference(ta).copied().collect();
    let t0 = inter.join(" ");
    let join = |rest: &[&str]| {
        let r = rest.join(" ");
        match (t0.is_empty(), r.is_empty()) {
            (true, _) => r,
            (_, true) => t0.clone(),
            _ => format!("{t0} {r}"),
        }
    };
    let t1 = join(&da);
    let t2 = join(&db);
    indel_sim(&t0, &t1).max(indel_sim(&t0, &t2)).max(indel_sim(&t1, &t2))
}

fn indel_sim(x: &str, y: &str) -> f64 {
    let xs: Vec<char> = x.chars().collect();
    let ys: Vec<char> = y.chars().collect();
    if xs.is_empty() || ys.is_empty() {
        return 0.0;
    }
    ratio(2.0 * lcs_len(&xs, &ys) as f64, (xs.len() + ys.len()) as f64)
}

/// The old longest common subsequence.
pub fn lcs_len<T: PartialEq>(x: &[T], y: &[T]) -> usize {
    let mut prev = vec![0usize; y.len() + 1];
    let mut cur = vec![0usize; y.len() + 1];
    for xi in x {
        for (j, yj) in y.iter().enumerate() {
            cur[j + 1] = if xi == yj { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[y.len()]
}

fn ngram_dice(a: &[String], b: &[String], n: usize) -> f64 {
    let grams = |s: &[String]| -> BTreeSet<Vec<String>> { s.windows(n).map(<[String]>::to_vec).collect() };
    let ga = grams(a);
    let gb = grams(b);
    let shared = ga.intersection(&gb).count() as f64;
    ratio(2.0 * shared, (ga.len() + gb.len()) as f64)
}

fn sequence_features(a: &Old<'_>, b: &Old<'_>) -> [f64; 12] {
    let (la, lb) = (a.p.stems.len() as f64, b.p.stems.len() as f64);
    let ca: BTreeSet<&String> = a.p.content.iter().collect();
    let cb: BTreeSet<&String> = b.p.content.iter().collect();
    let ua = ca.difference(&cb).count() as f64;
    let ub = cb.difference(&ca).count() as f64;
    let ia: f64 = a.content_idf.iter().filter(|(k, _)| !b.content_idf.contains_key(*k)).map(|(_, w)| *w).sum();
    let run_a = unmatched_run(a.p, b.p) as f64;
    let run_b = unmatched_run(b.p, a.p) as f64;
    let ib: f64 = b.content_idf.iter().filter(|(k, _)| !a.content_idf.contains_key(*k)).map(|(_, w)| *w).sum();
    [
        ngram_dice(&a.p.stems, &b.p.stems, 2),
        ngram_dice(&a.p.stems, &b.p.stems, 3),
        ratio(lcs_len(&a.p.stems, &b.p.stems) as f64, la.max(lb)),
        ratio(la.min(lb), la.max(lb)),
        ((la + 1.0).ln() - (lb + 1.0).ln()).abs(),
        ua.min(ub),
        ua.max(ub),
        ia.max(ib),
        fuzzy_unmatched(&ca, &cb).max(fuzzy_unmatched(&cb, &ca)) as f64,
        run_a.max(run_b),
        ratio(run_a, la).max(ratio(run_b, lb)),
        ((la + 1.0).ln() + (lb + 1.0).ln()) / 2.0,
    ]
}

fn fuzzy_unmatched(x: &BTreeSet<&String>, y: &BTreeSet<&String>) -> usize {
    x.iter()
        .filter(|s| !y.contains(*s))
        .filter(|s| {
            !y.iter().any(|t| {
                let p = common_prefix(s, t);
                p >= FUZZY_PREFIX || strsim::jaro_winkler(s, t) >= FUZZY_JW
            })
        })
        .count()
}

fn unmatched_run(x: &Prepared, y: &Prepared) -> usize {
    let have: BTreeSet<&str> = y.stems.iter().map(String::as_str).collect();
    let (mut best, mut cur) = (0, 0);
    for (tok, stem) in x.tokens.iter().zip(&x.stems) {
        if have.contains(stem.as_str()) {
            cur = 0;
        } else if !is_stopword(tok) {
            cur += 1;
            best = best.max(cur);
        }
    }
    best
}

const FUZZY_PREFIX: usize = 4;
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

fn entity_sets<'a>(a: &'a Prepared, b: &'a Prepared) -> (&'a BTreeSet<String>, &'a BTreeSet<String>) {
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

/// The old `quantities_incompatible`.
pub fn quantities_incompatible<'a>(a: &'a [Quantity], b: &'a [Quantity]) -> Option<(&'a Quantity, &'a Quantity)> {
    let one_way = |xs: &'a [Quantity], ys: &'a [Quantity]| {
        xs.iter().find_map(|x| {
            let verdicts: Vec<(&'a Quantity, Compatibility)> = ys.iter().map(|y| (y, compatible(x, y))).collect();
            let against = verdicts.iter().find(|(_, v)| *v == Compatibility::Incompatible)?.0;
            (!verdicts.iter().any(|(_, v)| *v == Compatibility::Compatible)).then_some((x, against))
        })
    };
    one_way(a, b).or_else(|| one_way(b, a).map(|(y, x)| (x, y)))
}

/// The old blocking (commit 8128e25): string keys per claim, a posting
/// BTreeMap, a pair-count HashMap.
pub fn candidates_with(
    claims: &[Prepared],
    article_of: &[usize],
    t: &crosscheck_match::Thresholds,
) -> Vec<(usize, usize)> {
    use std::collections::HashMap;
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

/// The old index keys of one claim.
pub fn blocking_keys(c: &Prepared, t: &crosscheck_match::Thresholds) -> BTreeSet<String> {
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

fn quantity_bucket(q: &Quantity) -> Option<String> {
    let v = q.value?;
    let mag = if v.low.abs() < 1.0 { 0 } else { v.low.abs().log10().floor() as i64 + 1 };
    let unit = q.unit.as_ref().map(|u| format!("{u:?}")).unwrap_or_default();
    Some(format!("q:{:?}:{unit}:{mag}", q.kind))
}
