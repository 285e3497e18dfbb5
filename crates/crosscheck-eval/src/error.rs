//! The one error type of the crate: every variant names the file (and, where
//! there is one, the line) and says what is wrong with it.

use std::path::PathBuf;

/// Everything that can go wrong while loading gold, articles or corpora, or
/// while scoring a report against gold.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or directory could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A JSON file (gold annotation, report) is not valid or has the wrong shape.
    #[error("{path}: bad JSON: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// What the parser said (it includes line and column).
        source: serde_json::Error,
    },
    /// A line or row of a corpus or pair file is malformed.
    #[error("{path}:{line}: {problem}")]
    Row {
        /// The file.
        path: PathBuf,
        /// The line (from 1) where the problem is; for multi-line CSV
        /// records, the line the record starts on.
        line: u64,
        /// What is wrong.
        problem: String,
    },
    /// An XML file of a corpus is malformed or lacks what the reader needs.
    #[error("{path}: bad XML: {problem}")]
    Xml {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
    /// Two files of an article directory have the same name without
    /// extension, so the article id is ambiguous.
    #[error("{dir}: two files give the article id {id:?}")]
    DuplicateArticle {
        /// The directory.
        dir: PathBuf,
        /// The id both files give.
        id: String,
    },
    /// A gold `doc` key is not the prefix of exactly one article id
    /// (score.py: `gold doc ... matches [...]`).
    #[error("gold doc {doc:?} matches {matches:?}: it must be the prefix of exactly one article id")]
    DocKey {
        /// The doc key of the gold file.
        doc: String,
        /// The article ids it is a prefix of.
        matches: Vec<String>,
    },
    /// A gold quote is not an exact substring of its article
    /// (score.py: `gold quote not in ...`).
    #[error("gold quote not in {article}: {quote:?}")]
    QuoteNotFound {
        /// The article id.
        article: String,
        /// The quote (its first 60 characters).
        quote: String,
    },
    /// An offset-form gold mention's sha1 does not match the article bytes at
    /// its offsets (score.py: `gold offsets do not match the text of ...`).
    #[error("gold offsets do not match the text of {article} at {start}..{end}")]
    OffsetMismatch {
        /// The article id.
        article: String,
        /// Start offset given by the gold.
        start: i64,
        /// End offset given by the gold.
        end: i64,
    },
    /// The pipeline could not check a story (harness).
    #[error("pipeline: {0}")]
    Pipeline(#[from] crosscheck_pipeline::PipelineError),
    /// The matcher failed: model not loadable, too few rows to cross-validate (harness).
    #[error("matcher: {0}")]
    Match(#[from] crosscheck_match::MatchError),
    /// A normalisation suite file could not be read (harness).
    #[error("normalisation suite: {0}")]
    Suite(#[from] crosscheck_normalize::suites::SuiteError),
    /// An in-memory document could not be built from corpus text (harness).
    #[error("{what}: cannot build a document: {problem}")]
    Document {
        /// The corpus document (ECB+ file name, FNC-1 body id).
        what: String,
        /// What `crosscheck_text::document_from_text` said.
        problem: String,
    },
    /// The harness was asked for nothing, or for a gold file without a story.
    #[error("harness: {0}")]
    Options(String),
}

impl EvalError {
    /// An I/O error about `path`.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> EvalError {
        EvalError::Io { path: path.into(), source }
    }

    /// A malformed row `line` of `path`.
    pub(crate) fn row(path: impl Into<PathBuf>, line: u64, problem: impl Into<String>) -> EvalError {
        EvalError::Row { path: path.into(), line, problem: problem.into() }
    }

    /// A malformed XML file.
    pub(crate) fn xml(path: impl Into<PathBuf>, problem: impl Into<String>) -> EvalError {
        EvalError::Xml { path: path.into(), problem: problem.into() }
    }
}
