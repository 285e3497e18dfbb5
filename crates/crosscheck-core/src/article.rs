//! Articles as ingested from a story, with how their metadata was obtained.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Identifier of an article inside its story: the file name without its
/// extension, or the `id` field of a JSON Lines record. Unique per story.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a piece of article metadata came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Given by the story manifest (`story.toml`).
    Manifest,
    /// Given by a field of a JSON or JSON Lines record.
    Field,
    /// Read from HTML metadata (`<meta>`, `<title>`, `<time>`).
    HtmlMeta,
    /// Read from a dateline or timestamp line in the text itself.
    Dateline,
    /// Read from a credit, byline or reference line in the text.
    Credit,
    /// Guessed from the file name.
    FileName,
    /// Not found anywhere.
    Unknown,
}

/// A metadata value together with how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inferred<T> {
    /// The value, when one was found.
    pub value: Option<T>,
    /// How the value was obtained.
    pub source: Source,
    /// The text the value was read from, when it came from the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

impl<T> Inferred<T> {
    /// A value that was not found.
    pub fn unknown() -> Self {
        Inferred { value: None, source: Source::Unknown, evidence: None }
    }

    /// A value obtained from `source`.
    pub fn from(value: T, source: Source) -> Self {
        Inferred { value: Some(value), source, evidence: None }
    }

    /// The same value with the text it was read from.
    pub fn with_evidence(mut self, evidence: impl Into<String>) -> Self {
        self.evidence = Some(evidence.into());
        self
    }
}

/// What a credit line tells about an article's provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CreditKind {
    /// "Reference(s): cgtn.com", "Source: …": the article was drawn from another.
    Reference,
    /// "(With input from agencies)", "(Reporting by …)": wire material was used.
    WireInput,
    /// A byline or signature: the author or the outlet.
    Byline,
    /// "Photo: …", "Photos courtesy of …": picture credits only.
    Photo,
}

/// A credit, reference or byline line found in an article. These lines are
/// never claims, but they are evidence of who wrote the article and what it
/// was derived from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    /// What kind of credit this is.
    pub kind: CreditKind,
    /// The credit's text as it stands in the article.
    pub text: String,
    /// Where it stands in the original file.
    pub span: Span,
    /// The names or domains it credits, lower-cased ("cgtn.com", "reuters").
    pub names: Vec<String>,
}


/// The format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (read as text; markup characters stay in the bytes).
    Markdown,
    /// HTML, reduced to its main text.
    Html,
    /// A JSON object with a `text` field.
    Json,
    /// One line of a JSON Lines story file.
    JsonLines,
}

/// An article's identity and metadata. The text itself travels beside it (see
/// the text crate's `Document`); spans index the original file's bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier, unique in the story.
    pub id: ArticleId,
    /// Path of the file it was read from, as given by the user; for JSON
    /// Lines, the file path followed by `:LINE`.
    pub path: String,
    /// The format it was read from.
    pub format: Format,
    /// The outlet that published it.
    pub outlet: Inferred<String>,
    /// Its publication date.
    pub published: Inferred<NaiveDate>,
    /// Its headline, when one was recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Credit, reference and byline lines found in it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<Credit>,
    /// Another article of the story with byte-identical text, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<ArticleId>,
    /// Size of the original file in bytes.
    pub bytes: usize,
}
