//! Cross-document matching on ECB+: does crosscheck put sentences of
//! different articles that describe the same event into one cluster, and
//! keep sentences about different events apart?
//!
//! Each ECB+ topic becomes an in-memory story: one document per ECB+ file,
//! its sentences joined one per paragraph (without the source URL some
//! files open with), with the byte range of every sentence remembered.
//! `crosscheck_pipeline::check_story` extracts, matches and clusters. A pair of annotated sentences of different
//! documents of the topic is predicted positive when a claim overlapping
//! one and a claim overlapping the other are in the same cluster; it is
//! gold positive when both sentences mention one cross-document event
//! chain. The same-lemma baseline (a shared event head lemma, from the gold
//! event mentions) is scored on exactly the same pairs.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::time::Instant;

use crosscheck_core::{Format, Report};
use crosscheck_text::{document_from_text, Overrides, Story};
use rayon::prelude::*;

use super::table::{Row, Section, Unit};
use super::{first_missing, HarnessOptions, Measured};
use crate::corpora::{binary_scores, ecb_pairs, read_ecb, BinaryScores, EcbTopic};
use crate::error::EvalError;

/// ECB+ root, relative to `shared/corpora`.
const ECB: &str = "ecbplus";
/// What separates two sentences in a built document (one paragraph each).
const SENTENCE_SEPARATOR: &str = "\n\n";
/// Anchor from shared/corpora/README.md.
const ECB_ANCHOR: &str = "literature: cross-document event coreference CoNLL F1 79.5–86 (a different, mention-level measure)";

/// Byte ranges of the sentences of a topic's built documents: (doc, sentence number) → range.
pub type SentenceRanges = HashMap<(String, u32), Range<usize>>;

pub(crate) fn section(opts: &HarnessOptions) -> Result<Measured, EvalError> {
    let root = opts.shared.join("corpora").join(ECB);
    if let Some(p) = first_missing(&[&root]) {
        return Ok(Measured::skipped("ECB+ cross-document matching", p));
    }
    let read_start = Instant::now();
    let topics = read_ecb(&root)?;
    let read_seconds = read_start.elapsed().as_secs_f64();
    let per_topic: Vec<TopicOutcome> =
        topics.par_iter().map(|t| topic_outcome(t, opts)).collect::<Result<_, EvalError>>()?;
    let ours = per_topic.iter().flat_map(|t| t.ours.iter().copied());
    let lemma = per_topic.iter().flat_map(|t| t.lemma.iter().copied());
    let claims: usize = per_topic.iter().map(|t| t.claims).sum();
    let (o, l) = (binary_scores(ours), binary_scores(lemma));
    let docs: usize = topics.iter().map(|t| t.documents.len()).sum();
    let mut sec = Section::new("ecb", "Cross-document matching (ECB+)", &opts.command_line());
    push_scores(&mut sec, "ecb", "crosscheck", &o, &l);
    push_scores(&mut sec, "ecb.lemma", "same-lemma baseline", &l, &l);
    sec.notes.push(format!(
        "{} topics, {docs} documents, {claims} claims; {} pairs of annotated sentences of different documents of one topic, \
         {} gold positive ({:.1} %). All topics are run, none sampled (reading the XML took {read_seconds:.1} s of the section's time).",
        topics.len(),
        o.true_positives + o.false_positives + o.false_negatives + o.true_negatives,
        o.true_positives + o.false_negatives,
        100.0 * (o.true_positives + o.false_negatives) as f64 / (o.true_positives + o.false_positives + o.false_negatives + o.true_negatives).max(1) as f64,
    ));
    sec.notes.push(verdict(&o, &l));
    Ok(Measured { section: Some(sec), skipped: Vec::new() })
}

fn push_scores(sec: &mut Section, key: &str, who: &str, s: &BinaryScores, lemma: &BinaryScores) {
    let beside = |x: f64| if std::ptr::eq(s, lemma) { ECB_ANCHOR.to_string() } else { format!("same-lemma {x:.3}") };
    let counts = format!("TP {} FP {} FN {}", s.true_positives, s.false_positives, s.false_negatives);
    sec.rows.push(Row::new(format!("{key}.precision"), format!("{who}: pair precision ({counts})"), s.precision, Unit::Rate, beside(lemma.precision)));
    sec.rows.push(Row::new(format!("{key}.recall"), format!("{who}: pair recall"), s.recall, Unit::Rate, beside(lemma.recall)));
    sec.rows.push(Row::new(format!("{key}.f1"), format!("{who}: pair F1"), s.f1, Unit::Rate, beside(lemma.f1)));
}

/// (predicted, gold) of crosscheck and of the same-lemma baseline on one topic's pairs.
struct TopicOutcome {
    ours: Vec<(bool, bool)>,
    lemma: Vec<(bool, bool)>,
    claims: usize,
}

fn topic_outcome(topic: &EcbTopic, opts: &HarnessOptions) -> Result<TopicOutcome, EvalError> {
    let (story, ranges) = topic_story(topic)?;
    let report = crosscheck_pipeline::check_story(&story, &opts.pipeline)?;
    let clusters = sentence_clusters(&report, &ranges);
    let none = BTreeSet::new();
    let mut out = TopicOutcome { ours: Vec::new(), lemma: Vec::new(), claims: report.claims.len() };
    for p in ecb_pairs(topic) {
        let ca = clusters.get(&(p.a.doc.clone(), p.a.sentence)).unwrap_or(&none);
        let cb = clusters.get(&(p.b.doc.clone(), p.b.sentence)).unwrap_or(&none);
        out.ours.push((!ca.is_disjoint(cb), p.gold));
        out.lemma.push((p.same_lemma, p.gold));
    }
    Ok(out)
}

/// Says plainly whether crosscheck beats the baseline.
fn verdict(o: &BinaryScores, l: &BinaryScores) -> String {
    let f1 = if o.f1 > l.f1 { "beats" } else { "does not beat" };
    format!(
        "crosscheck {f1} the same-lemma baseline on pair F1 ({:.3} vs {:.3}); precision {:.3} vs {:.3}, recall {:.3} vs {:.3}. \
         The baseline reads the gold event mentions' head words, which crosscheck never sees: it is an oracle-trigger baseline.",
        o.f1, l.f1, o.precision, l.precision, o.recall, l.recall
    )
}

/// An ECB+ topic as a story (one document per file, one paragraph per
/// sentence), with the byte range of every sentence.
pub fn topic_story(topic: &EcbTopic) -> Result<(Story, SentenceRanges), EvalError> {
    let mut ranges = SentenceRanges::new();
    let mut documents = Vec::new();
    let mut docs: Vec<_> = topic.documents.iter().collect();
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    for d in docs {
        let mut text = String::new();
        for s in d.sentences.iter().filter(|s| !is_source_record(&s.text)) {
            if !text.is_empty() {
                text.push_str(SENTENCE_SEPARATOR);
            }
            let start = text.len();
            text.push_str(&s.text);
            ranges.insert((d.name.clone(), s.number), start..text.len());
        }
        let overrides = Overrides { id: Some(d.name.clone()), outlet: Some(d.name.clone()), ..Overrides::default() };
        let doc = document_from_text(&d.name, &text, Format::Text, &overrides)
            .map_err(|problem| EvalError::Document { what: format!("ECB+ {}", d.name), problem })?;
        documents.push(doc);
    }
    let story = Story { path: format!("ecb+/topic {}", topic.topic), documents, diagnostics: Vec::new() };
    Ok((story, ranges))
}

/// Whether an ECB+ "sentence" is the corpus's record of where the article
/// came from (ECB+ files open with the source URL, tokenised: "http : / /
/// articles . latimes . com / …"): metadata, not article text, so it is
/// left out of the built document (as a page's address is not in its text).
fn is_source_record(sentence: &str) -> bool {
    let s = sentence.trim_start();
    ["http :", "https :", "http:", "https:"].iter().any(|p| s.starts_with(p))
}

/// For every sentence, the clusters of the claims overlapping it.
fn sentence_clusters(report: &Report, ranges: &SentenceRanges) -> HashMap<(String, u32), BTreeSet<String>> {
    let cluster_of: HashMap<&str, &str> =
        report.clusters.iter().flat_map(|c| c.claims.iter().map(move |id| (id.0.as_str(), c.id.0.as_str()))).collect();
    let mut by_doc: HashMap<&str, Vec<(&Range<usize>, u32)>> = HashMap::new();
    for ((doc, n), r) in ranges {
        by_doc.entry(doc.as_str()).or_default().push((r, *n));
    }
    let mut out: HashMap<(String, u32), BTreeSet<String>> = HashMap::new();
    for c in &report.claims {
        let Some(cl) = cluster_of.get(c.id.0.as_str()) else { continue };
        for (r, n) in by_doc.get(c.article.0.as_str()).into_iter().flatten() {
            if c.span.start < r.end && c.span.end > r.start {
                out.entry((c.article.0.clone(), *n)).or_default().insert((*cl).to_string());
            }
        }
    }
    out
}
