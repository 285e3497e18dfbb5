//! The embedder of a build without the `semantic` feature: same API, but
//! loading says that this build has no runtime.

use std::path::Path;

use crate::error::EmbedError;

/// Stand-in for the embedding model in a build without the `semantic`
/// feature: [`Embedder::load`] always fails with
/// [`EmbedError::RuntimeMissing`], so callers need no `cfg` of their own.
#[derive(Debug)]
pub struct Embedder {
    _never: std::convert::Infallible,
}

impl Embedder {
    /// Always [`EmbedError::RuntimeMissing`] (after checking the install,
    /// so a missing model is reported as such).
    pub fn load(dir: &Path) -> Result<Embedder, EmbedError> {
        crate::install::verify(dir)?;
        Err(EmbedError::RuntimeMissing)
    }

    /// The directory the model was loaded from (never called).
    pub fn dir(&self) -> &Path {
        match self._never {}
    }

    /// The model identity (never called).
    pub fn model_id(&self) -> &str {
        match self._never {}
    }

    /// The embedding dimension (never called).
    pub fn dim(&self) -> usize {
        match self._never {}
    }

    /// Embeddings of `texts` (never called).
    pub fn embed(&self, _texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        match self._never {}
    }
}
