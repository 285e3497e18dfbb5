//! Recoverable problems found while processing a story.

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth knowing; nothing was lost.
    Info,
    /// Something was skipped, repaired or guessed.
    Warning,
}

/// A recoverable problem: the pipeline went on, and says what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Info or warning.
    pub severity: Severity,
    /// The file concerned, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Line (from 1) or byte offset in the file, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// What happened and what was done about it.
    pub message: String,
}

impl Diagnostic {
    /// A warning about `file`.
    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, file: Some(file.into()), location: None, message: message.into() }
    }

    /// An informational note about `file`.
    pub fn info(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Info, file: Some(file.into()), location: None, message: message.into() }
    }

    /// The same diagnostic pinned to a location in its file.
    pub fn at(mut self, location: impl Into<String>) -> Diagnostic {
        self.location = Some(location.into());
        self
    }
}
