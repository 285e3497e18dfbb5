//! The optional semantic matcher: sentence embeddings of every claim, their
//! nearest cross-article neighbours as extra candidates, and the cosine as
//! one more feature of the scorer.
//!
//! Everything here degrades to the lexical matcher: without the embedding
//! runtime (cargo feature `semantic`), without an installed model, or when
//! embedding fails, [`embed_claims`] returns `None` and one warning saying
//! that semantic matching is off, why, and how to turn it on.

use std::path::Path;

use crosscheck_core::{Diagnostic, Report, Severity};
use crosscheck_embed::{embed_cached, story_cache_path, EmbeddingCache, Embedder};
use crosscheck_match::SemanticModel;

/// Whether the pipeline uses the semantic matcher.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SemanticMode {
    /// Use it when this build has the runtime and the model is installed;
    /// otherwise match lexically and say so once.
    #[default]
    Auto,
    /// Never use it, and say nothing about it.
    Off,
}

/// What the semantic matcher adds to a story: the scorer and one unit
/// vector per claim, in claim order.
pub struct Embeddings {
    /// The scorer over the lexical features plus cosine.
    pub model: SemanticModel,
    /// One embedding per claim of the report, in claim order.
    pub vectors: Vec<Vec<f32>>,
}

/// The claims' embeddings, or `None` with the warning that explains why
/// matching stays lexical (none under [`SemanticMode::Off`]).
pub fn embed_claims(report: &Report, mode: SemanticMode, diagnostics: &mut Vec<Diagnostic>) -> Option<Embeddings> {
    if mode == SemanticMode::Off {
        return None;
    }
    let embedder = match crosscheck_embed::load_or_explain(None) {
        Ok(e) => e,
        Err(off) => {
            diagnostics.push(off);
            return None;
        }
    };
    let model = match SemanticModel::embedded() {
        Ok(m) => m,
        Err(e) => {
            diagnostics.push(off(format!("the semantic scorer could not be loaded: {e}")));
            return None;
        }
    };
    let texts: Vec<&str> = report.claims.iter().map(|c| c.matching_text()).collect();
    match embed_with_story_cache(&embedder, Path::new(&report.story), &texts, diagnostics) {
        Ok(vectors) => Some(Embeddings { model, vectors }),
        Err(e) => {
            diagnostics.push(off(format!("embedding the claims failed: {e}")));
            None
        }
    }
}

/// Embeds `texts`, reusing and then updating the story's cache file; a
/// cache that cannot be read or written costs time, not the run.
fn embed_with_story_cache(
    embedder: &Embedder,
    story: &Path,
    texts: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Vec<f32>>, crosscheck_embed::EmbedError> {
    let path = story_cache_path(story).ok();
    let mut cache = path
        .as_deref()
        .and_then(|p| EmbeddingCache::load(p, embedder.model_id(), embedder.dim()).ok())
        .unwrap_or_else(|| EmbeddingCache::new(embedder.model_id(), embedder.dim()));
    let vectors = embed_cached(embedder, &mut cache, texts)?;
    if let (Some(p), true) = (path.as_deref(), cache.is_dirty()) {
        if let Err(e) = cache.save(p) {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                file: Some(p.display().to_string()),
                location: None,
                message: format!("the embedding cache was not saved ({e}); the next run embeds the claims again"),
            });
        }
    }
    Ok(vectors)
}

/// The "semantic matching is off" warning for a failure after loading.
fn off(why: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        file: None,
        location: None,
        message: format!("{} ({why}); matching is lexical only", crosscheck_embed::SEMANTIC_OFF),
    }
}
