//! The pipeline with the semantic matcher on: the real all-MiniLM-L6-v2
//! model, the demo story.
//!
//! Built only with `--features semantic`. Without an installed model the
//! tests say SKIP loudly and pass, unless `CROSSCHECK_REQUIRE_MODEL=1` (CI
//! installs the model and sets it), where a missing model fails them.
#![cfg(feature = "semantic")]

use std::path::{Path, PathBuf};

use crosscheck_core::EdgeKind;
use crosscheck_pipeline::{check_story, embed_claims, Options, SemanticMode};

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo")
}

/// True when the model loads; otherwise SKIP (or fail under
/// `CROSSCHECK_REQUIRE_MODEL=1`).
fn model_available(test: &str) -> bool {
    match crosscheck_embed::load_or_explain(None) {
        Ok(_) => true,
        Err(d) if std::env::var_os("CROSSCHECK_REQUIRE_MODEL").is_some() => {
            panic!("{test}: CROSSCHECK_REQUIRE_MODEL is set but {}", d.message)
        }
        Err(d) => {
            eprintln!("SKIP {test}: {} (run `crosscheck model install`)", d.message);
            false
        }
    }
}

fn check(mode: SemanticMode) -> crosscheck_core::Report {
    let story = crosscheck_text::load_story(&demo(), &Default::default()).expect("demo story loads");
    check_story(&story, &Options { semantic: mode, ..Default::default() }).expect("demo story checks")
}

#[test]
fn semantic_matching_runs_and_every_edge_carries_the_cosine() {
    if !model_available("semantic_matching_runs_and_every_edge_carries_the_cosine") {
        return;
    }
    let report = check(SemanticMode::Auto);
    assert!(
        !report.diagnostics.iter().any(|d| d.message.contains(crosscheck_embed::SEMANTIC_OFF)),
        "{:?}",
        report.diagnostics
    );
    assert!(!report.edges.is_empty());
    for e in &report.edges {
        let c = e.features.get("cosine").copied().expect("every semantic edge has a cosine");
        assert!((-1.0..=1.0).contains(&c), "cosine {c}");
    }
}

#[test]
fn rerun_reads_the_embedding_cache_and_gives_the_same_report() {
    if !model_available("rerun_reads_the_embedding_cache_and_gives_the_same_report") {
        return;
    }
    let first = serde_json::to_string(&check(SemanticMode::Auto)).expect("json");
    let cache = crosscheck_embed::story_cache_path(&demo()).expect("cache path");
    assert!(cache.is_file(), "the story's embeddings are cached at {}", cache.display());
    let second = serde_json::to_string(&check(SemanticMode::Auto)).expect("json");
    assert_eq!(first, second);
}

#[test]
fn neighbours_only_add_candidates_and_lexical_mode_has_no_cosine() {
    if !model_available("neighbours_only_add_candidates_and_lexical_mode_has_no_cosine") {
        return;
    }
    let lexical = check(SemanticMode::Off);
    assert!(lexical.edges.iter().all(|e| !e.features.contains_key("cosine")));
    let semantic = check(SemanticMode::Auto);
    // Conflicts are decided before any score: the semantic scorer may add
    // paraphrases, never remove a lexical conflict.
    let conflicts = |r: &crosscheck_core::Report| {
        r.edges.iter().filter(|e| e.kind == EdgeKind::Conflict).map(|e| (e.source.clone(), e.target.clone())).collect::<Vec<_>>()
    };
    for c in conflicts(&lexical) {
        assert!(conflicts(&semantic).contains(&c), "conflict {c:?} lost with the semantic scorer");
    }
}

#[test]
fn close_embeddings_do_not_turn_a_duration_conflict_into_a_paraphrase() {
    if !model_available("close_embeddings_do_not_turn_a_duration_conflict_into_a_paraphrase") {
        return;
    }
    let claim = |t: &str| crosscheck_extract::analyse_sentence(t);
    let mut report = check(SemanticMode::Off);
    report.claims = vec![claim("The two presidents met for 90 minutes in Geneva."), claim("The two presidents met for 40 minutes in Geneva.")];
    let mut diagnostics = Vec::new();
    let e = embed_claims(&report, SemanticMode::Auto, &mut diagnostics).expect("embeddings");
    let cosine = f64::from(crosscheck_embed::cosine(&e.vectors[0], &e.vectors[1]));
    assert!(cosine > 0.8, "the two sentences embed close together ({cosine})");
    let p: Vec<_> = report.claims.iter().map(crosscheck_match::prepare).collect();
    let d = crosscheck_match::decide_semantic(&e.model, &Default::default(), &p[0], &p[1], cosine);
    assert_eq!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
}
