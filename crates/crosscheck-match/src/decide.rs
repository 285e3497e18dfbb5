//! From a score and features to an edge kind: verbatim, paraphrase or
//! conflict, with the rule that decided it.

use std::collections::{BTreeMap, BTreeSet};

use crosscheck_core::{EdgeKind, Quantity};
use crosscheck_normalize::{compatible, Compatibility};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::features::{entity_sets, features, quantities_incompatible, token_set_ratio, Features};
use crate::model::Model;
use crate::prepare::{prepare, Prepared};

/// Every tunable number of the matcher's decisions and of blocking, in one
/// place. [`Thresholds::default`] holds the shipped values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Token-set ratio (0–1) at or above which wording is near-identical:
    /// the pair is Verbatim unless it conflicts.
    pub verbatim_token_set: f64,
    /// Minimum length ratio (shorter/longer token count) for Verbatim, so
    /// that a short claim contained in a long one is not called verbatim.
    pub verbatim_length_ratio: f64,
    /// Match probability at or above which a pair is a Paraphrase; `None`
    /// uses the model's trained threshold.
    pub paraphrase_score: Option<f64>,
    /// Conflict precondition: share of the smaller side's non-numeric
    /// content stems that the other side also has.
    pub conflict_topic_containment: f64,
    /// Conflict precondition: minimum number of shared non-numeric content
    /// stems.
    pub conflict_min_shared: usize,
    /// Text fallback for numbers when neither claim carries quantities:
    /// token-set ratio of the non-number tokens above which differing digit
    /// numbers are a conflict.
    pub number_fallback_token_set: f64,
    /// Shared fragment: fewest consecutive tokens two claims must share for
    /// the fragment alone to make them a paraphrase (a quotation or a phrase
    /// carried over from one outlet's wording to another's).
    pub fragment_min_tokens: usize,
    /// Shared fragment: fewest content words (not stopwords, not names) in it.
    pub fragment_min_content: usize,
    /// Shared fragment: the match score given to such a pair when the
    /// model's own score is lower.
    pub fragment_score: f64,
    /// Conflict without a shared entity (one side names none): topic
    /// containment needed for a quantity or negation to count as a conflict.
    pub conflict_unanchored_containment: f64,
    /// Same duration: widest interval, as a share of its upper bound, that
    /// still counts as a specific duration ("nearly 90 minutes" is, "years"
    /// is not).
    pub duration_max_relative_width: f64,
    /// Same duration: claims of at most this many tokens match on a
    /// compatible specific duration alone ("which lasted nearly 90 minutes"
    /// / "held a 90-minute phone conversation"); longer ones must also share
    /// a content word.
    pub duration_short_claim_tokens: usize,
    /// Same duration: longest duration, in seconds, matched on its own. A
    /// call or a meeting has a length worth matching; "three years" of a
    /// war is background shared by many unrelated claims.
    pub duration_max_seconds: f64,
    /// Same duration: longest claim, in tokens, that counts as a statement of
    /// a duration; longer claims carry their durations in narrower claims.
    pub duration_focus_tokens: usize,
    /// Quantity conflict: topic containment needed, so that two quantities
    /// of different things in loosely related claims ("thousands watched" /
    /// "14 were injured") are not called a dispute.
    pub conflict_quantity_containment: f64,
    /// Blocking: a key (stem, entity, quantity bucket) whose posting list is
    /// longer than this generates no pairs.
    pub block_max_posting: usize,
    /// Blocking: stems with a global IDF below this are not keys.
    pub block_min_idf: f64,
    /// Blocking: a pair must share at least this many keys (or all the keys
    /// of its poorer claim, when that claim has fewer).
    pub block_min_shared_keys: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            verbatim_token_set: 0.92,
            verbatim_length_ratio: 0.8,
            paraphrase_score: None,
            conflict_topic_containment: 0.6,
            conflict_min_shared: 2,
            number_fallback_token_set: 0.9,
            conflict_unanchored_containment: 0.8,
            conflict_quantity_containment: 0.75,
            duration_max_relative_width: 0.25,
            duration_short_claim_tokens: 8,
            duration_focus_tokens: 16,
            duration_max_seconds: 86_400.0,
            fragment_min_tokens: 5,
            fragment_min_content: 2,
            fragment_score: 0.6,
            block_max_posting: 64,
            block_min_idf: 3.0,
            block_min_shared_keys: 2,
        }
    }
}

/// The matcher's verdict on one pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairDecision {
    /// Probability (0–1) that both state the same fact.
    pub score: f64,
    /// The edge kind, or `None` when the claims do not match.
    pub kind: Option<EdgeKind>,
    /// The rule that set the kind, in words.
    pub rule: String,
    /// The feature values, by name.
    pub features: BTreeMap<String, f64>,
}

/// Decide a pair with the default thresholds.
pub fn decide(model: &Model, a: &Prepared, b: &Prepared) -> PairDecision {
    decide_with(model, &Thresholds::default(), a, b)
}

/// Decide a pair: Conflict first (same topic, incompatible detail), then
/// Verbatim (near-identical wording), then Paraphrase (score at threshold).
pub fn decide_with(model: &Model, t: &Thresholds, a: &Prepared, b: &Prepared) -> PairDecision {
    let f = features(a, b);
    let score = model.probability(&f);
    let cut = t.paraphrase_score.unwrap_or(model.threshold);
    let (kind, rule) = if let Some(why) = conflict(t, a, b, score >= cut) {
        (Some(EdgeKind::Conflict), why)
    } else if let Some(why) = quantity_conflict(a, b) {
        // Incompatible quantities without a shared subject: two different
        // facts (two calls of different lengths), neither match nor dispute.
        (None, format!("no match: {why}, and no shared subject makes it a conflict"))
    } else if let Some(why) = verbatim(t, &f) {
        (Some(EdgeKind::Verbatim), why)
    } else if score >= cut {
        (Some(EdgeKind::Paraphrase), format!("paraphrase: score {score:.3} ≥ threshold {cut:.3}"))
    } else if let Some(why) = shared_fragment(t, a, b).or_else(|| same_duration(t, a, b)) {
        let lifted = score.max(t.fragment_score);
        return PairDecision { score: lifted, kind: Some(EdgeKind::Paraphrase), rule: why, features: f.to_map() };
    } else {
        (None, format!("no match: score {score:.3} < threshold {cut:.3}"))
    };
    PairDecision { score, kind, rule, features: f.to_map() }
}

/// The longest run of consecutive tokens both claims share, as (start in
/// `a`, length).
fn longest_shared_run(a: &[String], b: &[String]) -> (usize, usize) {
    let mut prev = vec![0usize; b.len() + 1];
    let mut best = (0, 0);
    for i in 1..=a.len() {
        let mut cur = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1] == b[j - 1] {
                cur[j] = prev[j - 1] + 1;
                if cur[j] > best.1 {
                    best = (i - cur[j], cur[j]);
                }
            }
        }
        prev = cur;
    }
    best
}

/// A fragment of wording carried from one claim to the other: enough
/// consecutive shared tokens, with enough content words that are not names
/// (a shared "Secretary of State Marco Rubio" alone says nothing).
fn shared_fragment(t: &Thresholds, a: &Prepared, b: &Prepared) -> Option<String> {
    let (start, len) = longest_shared_run(&a.stems, &b.stems);
    if len < t.fragment_min_tokens {
        return None;
    }
    let run = &a.tokens[start..start + len];
    // Words of the claims' quantities ("an hour and a half") are values, not
    // wording: two claims sharing only a quantity phrase share no fragment.
    let quantity_words: BTreeSet<String> = a
        .quantities
        .iter()
        .chain(&b.quantities)
        .flat_map(|q| crate::prepare::fold_tokens(&q.text))
        .collect();
    let content = run
        .iter()
        .filter(|w| {
            !crate::prepare::is_stopword(w)
                && !a.capitalised.contains(*w)
                && !b.capitalised.contains(*w)
                && !quantity_words.contains(*w)
        })
        .count();
    (content >= t.fragment_min_content).then(|| {
        format!("paraphrase: shares the fragment \"{}\" ({len} words, {content} content words)", run.join(" "))
    })
}

/// Specific durations (narrow intervals, in seconds) of a claim.
fn specific_durations<'a>(t: &Thresholds, p: &'a Prepared) -> impl Iterator<Item = &'a crosscheck_core::Quantity> + 'a {
    let width = t.duration_max_relative_width;
    let longest = t.duration_max_seconds;
    p.quantities.iter().filter(move |q| {
        q.kind == crosscheck_core::QuantityKind::Duration
            && q.value.is_some_and(|v| v.high.is_some_and(|h| h > 0.0 && h <= longest && (h - v.low) <= width * h))
    })
}

/// The same specific duration stated about the same thing: compatible
/// intervals, no disjoint entities, and a shared content word unless both
/// claims are short statements of the duration.
fn same_duration(t: &Thresholds, a: &Prepared, b: &Prepared) -> Option<String> {
    if a.tokens.len() > t.duration_focus_tokens || b.tokens.len() > t.duration_focus_tokens {
        return None;
    }
    let (qa, qb) = specific_durations(t, a).find_map(|x| {
        specific_durations(t, b).find(|y| compatible(x, y) == Compatibility::Compatible).map(|y| (x, y))
    })?;
    let (ea, eb) = (&a.entity_keys, &b.entity_keys);
    if !ea.is_empty() && !eb.is_empty() && ea.is_disjoint(eb) {
        return None;
    }
    let short = a.tokens.len() <= t.duration_short_claim_tokens && b.tokens.len() <= t.duration_short_claim_tokens;
    let shared = topic_stems(a).intersection(&topic_stems(b)).count();
    (short || shared >= 1).then(|| format!("paraphrase: the same duration, \"{}\" and \"{}\"", qa.text, qb.text))
}

fn verbatim(t: &Thresholds, f: &Features) -> Option<String> {
    let tsr = f.get("token_set_ratio")?;
    let len = f.get("length_ratio")?;
    (tsr >= t.verbatim_token_set && len >= t.verbatim_length_ratio).then(|| {
        format!("verbatim: token-set ratio {tsr:.3} ≥ {:.2}, length ratio {len:.2} ≥ {:.2}", t.verbatim_token_set, t.verbatim_length_ratio)
    })
}

/// Content stems that are neither numbers nor weekday or month names: what
/// a claim is about, apart from the quantities and dates the conflict
/// rules compare.
fn topic_stems(p: &Prepared) -> BTreeSet<&str> {
    p.content
        .iter()
        .map(String::as_str)
        .filter(|s| !s.chars().next().is_some_and(|c| c.is_ascii_digit()) && !crate::prepare::is_calendar_word(s))
        .collect()
}

/// Why the pair is about the same thing, or `None`.
fn same_topic(t: &Thresholds, a: &Prepared, b: &Prepared) -> Option<String> {
    let (ta, tb) = (topic_stems(a), topic_stems(b));
    let shared = ta.intersection(&tb).count();
    let smaller = ta.len().min(tb.len());
    let containment = if smaller == 0 { 0.0 } else { shared as f64 / smaller as f64 };
    // Capitalised weekdays and months are dates, not names of the subject.
    let (ea, eb) = entity_sets(a, b);
    let names = |e: &'_ BTreeSet<String>| -> BTreeSet<String> { e.iter().filter(|w| !crate::prepare::is_calendar_word(w)).cloned().collect() };
    let (ea, eb) = (names(ea), names(eb));
    let entities_disjoint = !ea.is_empty() && !eb.is_empty() && ea.is_disjoint(&eb);
    (shared >= t.conflict_min_shared && containment >= t.conflict_topic_containment && !entities_disjoint)
        .then(|| format!("same topic ({shared} shared content stems, containment {containment:.2})"))
}

/// Containment of the smaller side's non-numeric content stems in the other's.
fn topic_containment(a: &Prepared, b: &Prepared) -> f64 {
    let (ta, tb) = (topic_stems(a), topic_stems(b));
    let smaller = ta.len().min(tb.len());
    if smaller == 0 {
        0.0
    } else {
        ta.intersection(&tb).count() as f64 / smaller as f64
    }
}

/// Both claims are about the same named subject: they share an entity, or
/// neither names one and their wording is nearly contained.
fn anchored(t: &Thresholds, a: &Prepared, b: &Prepared) -> bool {
    let (ea, eb) = (&a.entity_keys, &b.entity_keys);
    if !ea.is_empty() && !eb.is_empty() {
        return !ea.is_disjoint(eb);
    }
    let shared = topic_stems(a).intersection(&topic_stems(b)).count();
    topic_containment(a, b) >= t.conflict_unanchored_containment && shared > t.conflict_min_shared
}

/// How many content words after a negator count as its scope.
const NEGATION_SCOPE_WORDS: usize = 3;

/// The negation bears on something the other claim says: one of the
/// content words right after the negator (or denial verb), weekdays and
/// months aside, occurs in the other claim ("does
/// not believe NATO membership …" against "NATO membership is improbable";
/// not "no specific date" against a claim that names no date).
fn negation_in_scope(negated: &Prepared, other: &Prepared) -> bool {
    let other_stems: BTreeSet<&str> = other.stems.iter().map(String::as_str).collect();
    use crosscheck_normalize::negation::{is_denial, is_negator};
    negated.tokens.iter().enumerate().filter(|(_, w)| is_negator(w) || is_denial(w)).any(|(i, _)| {
        negated.stems[i + 1..]
            .iter()
            .zip(&negated.tokens[i + 1..])
            .filter(|(_, w)| !crate::prepare::is_stopword(w) && !crate::prepare::is_calendar_word(w))
            .take(NEGATION_SCOPE_WORDS)
            .any(|(s, _)| other_stems.contains(s.as_str()))
    })
}

/// A conflict explanation, when the pair shares its topic but disagrees.
/// Quantities and negations conflict only between claims anchored on the
/// same subject (two calls of different lengths are not a dispute); a
/// negation must also contradict an otherwise matching claim.
fn conflict(t: &Thresholds, a: &Prepared, b: &Prepared, matches: bool) -> Option<String> {
    let anchor = anchored(t, a, b);
    let (neg, other) = if a.negated { (a, b) } else { (b, a) };
    let negation = a.negated != b.negated
        && anchor
        && (matches || topic_containment(a, b) >= t.conflict_unanchored_containment)
        && negation_in_scope(neg, other);
    let detail = quantity_conflict(a, b)
        .filter(|_| anchor && topic_containment(a, b) >= t.conflict_quantity_containment)
        .or_else(|| number_fallback(t, a, b))
        .or_else(|| negation.then(|| "one side is negated, the other is not".to_string()))
        .or_else(|| role_conflict(a, b))?;
    let topic = same_topic(t, a, b)?;
    Some(format!("conflict: {topic} but {detail}"))
}

fn quantity_conflict(a: &Prepared, b: &Prepared) -> Option<String> {
    let (x, y) = quantities_incompatible(&a.quantities, &b.quantities)?;
    // The same words resolved differently ("Thursday" in articles published
    // on different days) say which dates they stand for.
    let same_words = x.text.eq_ignore_ascii_case(&y.text);
    let shown = |q: &Quantity| match (&q.date, same_words) {
        (Some(d), true) => format!("\"{}\" ({})", q.text, d.start),
        _ => format!("\"{}\"", q.text),
    };
    Some(format!("quantities are incompatible: {} vs {}", shown(x), shown(y)))
}

/// Differing digit numbers in otherwise near-identical wording, used only
/// when neither claim carries extracted quantities.
fn number_fallback(t: &Thresholds, a: &Prepared, b: &Prepared) -> Option<String> {
    if !a.quantities.is_empty() || !b.quantities.is_empty() || a.numbers.is_empty() || b.numbers.is_empty() {
        return None;
    }
    if !a.numbers.is_disjoint(&b.numbers) {
        return None;
    }
    let words = |p: &'_ Prepared| -> BTreeSet<String> {
        p.tokens.iter().filter(|t| !p.numbers.contains(*t)).cloned().collect()
    };
    let (wa, wb) = (words(a), words(b));
    let ra: BTreeSet<&str> = wa.iter().map(String::as_str).collect();
    let rb: BTreeSet<&str> = wb.iter().map(String::as_str).collect();
    (token_set_ratio(&ra, &rb) >= t.number_fallback_token_set).then(|| {
        let na: Vec<&str> = a.numbers.iter().map(String::as_str).collect();
        let nb: Vec<&str> = b.numbers.iter().map(String::as_str).collect();
        format!("numbers differ in the same wording: {} vs {} (text fallback)", na.join(", "), nb.join(", "))
    })
}

/// The same entity with roles neither of which contains the other's words
/// ("president" vs "prime minister"); a role that only adds words
/// ("envoy" vs "special envoy") is less specific, not contradictory.
fn role_conflict(a: &Prepared, b: &Prepared) -> Option<String> {
    a.roles.iter().find_map(|(k, ra)| {
        let rb = b.roles.get(k)?;
        let show = |r: &BTreeSet<String>| r.iter().map(String::as_str).collect::<Vec<_>>().join(" ");
        (!ra.is_subset(rb) && !rb.is_subset(ra))
            .then(|| format!("{k} has role \"{}\" on one side and \"{}\" on the other", show(ra), show(rb)))
    })
}

/// Score free-standing sentence pairs (the CLI's `pairs` command): each
/// sentence is analysed by the extractor's single-sentence entry point.
/// Runs in parallel; the output is in input order.
pub fn score_pairs(model: &Model, pairs: &[(String, String)]) -> Vec<PairDecision> {
    pairs
        .par_iter()
        .map(|(a, b)| {
            let pa = prepare(&crosscheck_extract::analyse_sentence(a));
            let pb = prepare(&crosscheck_extract::analyse_sentence(b));
            decide(model, &pa, &pb)
        })
        .collect()
}
