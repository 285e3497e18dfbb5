//! Typed errors of the matcher.

/// What can go wrong while loading a model or reading a training corpus.
#[derive(Debug, thiserror::Error)]
pub enum MatchError {
    /// The model file is not valid JSON of the expected shape.
    #[error("model file: {0}")]
    ModelFormat(#[from] serde_json::Error),
    /// The model was trained on other features than this build computes.
    #[error("model features {found:?} do not match this build's features {expected:?}")]
    FeatureMismatch {
        /// The names this build computes.
        expected: Vec<String>,
        /// The names the model file lists.
        found: Vec<String>,
    },
    /// The model's vectors do not all have one entry per feature.
    #[error("model vectors have inconsistent lengths ({0})")]
    ModelShape(String),
    /// A line of the IDF table could not be read.
    #[error("idf table line {line}: {message}")]
    Idf {
        /// Line number, from 1.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// A corpus file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A corpus line could not be parsed.
    #[error("{path} line {line}: {message}")]
    Corpus {
        /// The file.
        path: String,
        /// Line number, from 1.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// Training was asked of data it cannot learn from.
    #[error("cannot train: {0}")]
    Training(String),
}
