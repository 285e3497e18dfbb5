//! The whole pipeline as one call: a story on disk in, a corroboration
//! [`Report`] out.
//!
//! ```text
//! text::load_story ─► extract::extract ─► match::{prepare, candidates, decide} ─► graph::analyse ─► Report
//! ```
//!
//! With the optional semantic matcher ([`SemanticMode`], cargo feature
//! `semantic` plus an installed model), every claim is also embedded once;
//! each claim's nearest cross-article neighbours join the blocker's
//! candidates and the cosine becomes a feature of the scorer. Without it the
//! report says once that semantic matching is off and how to turn it on.
//!
//! Each stage is a separate crate with plain data between them; this crate
//! only sequences them, runs the per-article and per-pair work on rayon's
//! pool, and keeps the output deterministic (results are collected in input
//! order, so the report is byte-identical whatever the thread count).

use std::collections::BTreeMap;
use std::path::Path;

mod semantic;

use crosscheck_core::{ArticleId, Diagnostic, Report};
use crosscheck_extract::ExtractOptions;
use crosscheck_graph::{GraphOptions, ScoredPair};
use crosscheck_match::Prepared;
use crosscheck_text::{IngestOptions, Story};
use rayon::prelude::*;

pub use semantic::{embed_claims, Embeddings, SemanticMode};

/// Why a story could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The story could not be read.
    #[error(transparent)]
    Text(#[from] crosscheck_text::TextError),
    /// The matcher's model could not be loaded.
    #[error("the matcher's model could not be loaded: {0}")]
    Model(#[from] crosscheck_match::MatchError),
}

/// Settings for every stage.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Reading the story.
    pub ingest: IngestOptions,
    /// Extracting claims.
    pub extract: ExtractOptions,
    /// Matching thresholds.
    pub matching: crosscheck_match::Thresholds,
    /// Clustering, derivation and dispute settings.
    pub graph: GraphOptions,
    /// Whether to use the semantic matcher when it is available.
    pub semantic: SemanticMode,
    /// How many nearest cross-article neighbours the semantic matcher adds
    /// per claim, and from which cosine.
    pub neighbours: crosscheck_embed::NeighbourOptions,
}

/// Reads a story and extracts its claims into a report without clusters.
pub fn extract(story: &Path, opts: &Options) -> Result<Report, PipelineError> {
    let loaded = crosscheck_text::load_story(story, &opts.ingest)?;
    Ok(extract_story(&loaded, opts))
}

/// Extracts the claims of an already loaded story, its articles taken in
/// id order whatever the order of `story.documents`: claim indices, and
/// every tie the later stages break by them (a cluster's representative, a
/// pair's orientation), then do not depend on the order the caller listed
/// the articles in (`load_story` already sorts; this holds for any `Story`).
pub fn extract_story(story: &Story, opts: &Options) -> Report {
    let mut documents: Vec<&crosscheck_text::Document> = story.documents.iter().collect();
    documents.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let learned: Vec<_> = documents.par_iter().map(|d| crosscheck_extract::learn(d)).collect();
    let offices = crosscheck_extract::StoryOffices::merge(learned.iter().map(|l| l.offices()));
    let per_doc: Vec<_> = documents
        .par_iter()
        .zip(learned)
        .map(|(d, l)| crosscheck_extract::extract_learned(d, &opts.extract, l, &offices))
        .collect();
    let mut diagnostics = story.diagnostics.clone();
    let mut claims = Vec::new();
    for (c, d) in per_doc {
        claims.extend(c);
        diagnostics.extend(d);
    }
    let generator = format!("crosscheck {}", env!("CARGO_PKG_VERSION"));
    let articles = documents.iter().map(|d| d.article.clone()).collect();
    Report { diagnostics, ..Report::new(generator, story.path.clone(), articles, claims) }
}

/// Reads a story and runs every stage: claims, matches, graph.
pub fn check(story: &Path, opts: &Options) -> Result<Report, PipelineError> {
    let loaded = crosscheck_text::load_story(story, &opts.ingest)?;
    check_story(&loaded, opts)
}

/// Runs every stage on an already loaded story.
pub fn check_story(story: &Story, opts: &Options) -> Result<Report, PipelineError> {
    let mut report = extract_story(story, opts);
    let (analysis, diagnostics) = analyse_with_diagnostics(&report, opts)?;
    report.diagnostics.extend(diagnostics);
    attach(&mut report, analysis);
    Ok(report)
}

/// Puts the graph stage's conclusions into the report.
pub fn attach(report: &mut Report, analysis: crosscheck_graph::Analysis) {
    report.edges = analysis.edges;
    report.clusters = analysis.clusters;
    report.disputes = analysis.disputes;
    report.derivations = analysis.derivations;
}

/// Matches and clusters the claims of an extracted report.
pub fn analyse(report: &Report, opts: &Options) -> Result<crosscheck_graph::Analysis, PipelineError> {
    Ok(analyse_with_diagnostics(report, opts)?.0)
}

/// [`analyse`], plus what the matching stage has to say (whether semantic
/// matching ran, an unsaved embedding cache).
pub fn analyse_with_diagnostics(
    report: &Report,
    opts: &Options,
) -> Result<(crosscheck_graph::Analysis, Vec<Diagnostic>), PipelineError> {
    let mut diagnostics = Vec::new();
    let pairs = match_claims(report, opts, &mut diagnostics)?;
    Ok((crosscheck_graph::analyse(&report.articles, &report.claims, &pairs, &opts.graph), diagnostics))
}

/// The matches among a report's claims: lexical candidates (plus semantic
/// neighbours when the semantic matcher runs), each decided by the scorer.
pub fn match_claims(report: &Report, opts: &Options, diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<ScoredPair>, PipelineError> {
    let model = crosscheck_match::Model::embedded()?;
    let prepared = prepare_claims(report);
    let article_of = article_of(report);
    let candidates = crosscheck_match::candidates_with(&prepared, &article_of, &opts.matching);
    Ok(match embed_claims(report, opts.semantic, diagnostics) {
        Some(e) => {
            let neighbours = crosscheck_embed::nearest_pairs(&e.vectors, &article_of, &opts.neighbours);
            let candidates = crosscheck_embed::union_candidates(&candidates, &neighbours);
            let candidates = matchable_pairs(report, candidates);
            score_candidates_semantic(&e, &prepared, &candidates, &opts.matching)
        }
        None => score_candidates(&model, &prepared, &matchable_pairs(report, candidates), &opts.matching),
    })
}

/// Whether a claim takes part in cross-outlet matching. Subheadings do
/// not: a section heading ("Negotiations to begin") labels the paragraphs
/// under it, whose sentences state the fact with its attribution and are
/// matched themselves; two outlets' identical headings are layout carried
/// over, not a fact reported twice. Subheadings stay claims of their
/// article (kind `subheading`), each its own single-sourced cluster.
pub fn is_matchable(claim: &crosscheck_core::Claim) -> bool {
    claim.kind != crosscheck_core::ClaimKind::Subheading
}

/// `candidates` without the pairs holding a claim that is not
/// [`is_matchable`].
fn matchable_pairs(report: &Report, mut candidates: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let ok = |i: usize| report.claims.get(i).is_some_and(is_matchable);
    candidates.retain(|&(a, b)| ok(a) && ok(b));
    candidates
}

/// Each claim prepared for matching, in claim order.
pub fn prepare_claims(report: &Report) -> Vec<Prepared> {
    report.claims.par_iter().map(crosscheck_match::prepare).collect()
}

/// Each claim's article, as an index into `report.articles`.
pub fn article_of(report: &Report) -> Vec<usize> {
    let ids: BTreeMap<&ArticleId, usize> = report.articles.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    report.claims.iter().map(|c| ids.get(&c.article).copied().unwrap_or(0)).collect()
}

/// The matcher's decision on every candidate pair, keeping the matches
/// (verbatim, paraphrase, conflict) in candidate order.
pub fn score_candidates(
    model: &crosscheck_match::Model,
    prepared: &[Prepared],
    candidates: &[(usize, usize)],
    thresholds: &crosscheck_match::Thresholds,
) -> Vec<ScoredPair> {
    candidates
        .par_iter()
        .filter_map(|&(a, b)| {
            let d = crosscheck_match::decide_with(model, thresholds, &prepared[a], &prepared[b]);
            d.kind.map(|kind| ScoredPair { a, b, kind, score: d.score, rule: d.rule, features: d.features.into() })
        })
        .collect()
}

/// [`score_candidates`] with the semantic scorer: the same decision rules,
/// with the pair's cosine as one more feature.
pub fn score_candidates_semantic(
    embeddings: &Embeddings,
    prepared: &[Prepared],
    candidates: &[(usize, usize)],
    thresholds: &crosscheck_match::Thresholds,
) -> Vec<ScoredPair> {
    let v = &embeddings.vectors;
    candidates
        .par_iter()
        .filter_map(|&(a, b)| {
            let cosine = f64::from(crosscheck_embed::cosine(&v[a], &v[b]));
            let d = crosscheck_match::decide_semantic(&embeddings.model, thresholds, &prepared[a], &prepared[b], cosine);
            d.kind.map(|kind| ScoredPair { a, b, kind, score: d.score, rule: d.rule, features: d.features.into() })
        })
        .collect()
}
