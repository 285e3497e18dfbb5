//! Story ingestion: from files on disk to classified blocks and sentences,
//! with every position traceable to the original bytes.
//!
//! A *story* is a directory of articles (`.txt`, `.md`, `.html`, `.json`,
//! `.jsonl`, with an optional `story.toml` naming outlets and dates) or one
//! JSON Lines file. Each article becomes a [`Document`]: its metadata
//! ([`crosscheck_core::Article`]), its cleaned text, an [`OffsetMap`] from
//! cleaned text to original bytes, and its [`Block`]s.
//!
//! The stages run in a fixed order, each small and each keeping the offset
//! map true:
//!
//! 1. [`decode`]: bytes to text (BOM, UTF-16, lossy UTF-8; binary refused).
//! 2. [`html`]: for HTML, the main text, entities decoded, whitespace folded.
//! 3. [`layout`]: lines to paragraphs (re-joining hard-wrapped lines), then
//!    each paragraph classified: headline, subheading, body, dateline,
//!    credit, or page furniture ([`furniture`]).
//! 4. [`segment`]: body paragraphs to sentences.
//! 5. [`meta`]: outlet, publication date and credits inferred from the text
//!    when the manifest or record did not give them, recording how.
//!
//! Problems with single articles never fail the story: the article is
//! skipped and a [`crosscheck_core::Diagnostic`] says why. Only a story that
//! cannot be read at all, or has no article left, is an error.

pub mod decode;
mod fold;
pub mod furniture;
pub mod html;
mod ingest;
pub mod layout;
pub mod meta;
pub mod offsets;
pub mod segment;
mod words;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crosscheck_core::{Article, ArticleId, Credit, CreditKind, Format, Inferred, Source, Span};

pub use ingest::{load_story, IngestOptions, Story, DEFAULT_MAX_ARTICLE_BYTES, MANIFEST};
pub use layout::{Block, BlockKind};
pub use offsets::OffsetMap;

/// Why a story could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// The path could not be read.
    #[error("{path}: {source}; check that the path exists and is readable")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// `story.toml` is malformed.
    #[error("{path}: invalid story manifest: {message}")]
    Manifest {
        /// The manifest's path.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Two articles have the same id.
    #[error("{path}: two articles have the id '{id}' ({first} and {second}); rename one of them")]
    DuplicateId {
        /// The story.
        path: PathBuf,
        /// The shared id.
        id: String,
        /// The first article's path.
        first: String,
        /// The second article's path.
        second: String,
    },
    /// The story file is over the size limit.
    #[error("{path}: {size} bytes is over the limit of {limit} bytes; raise it with --max-article-bytes")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Nothing in the story could be read as an article.
    #[error("{path}: no readable article ({skipped} file(s) skipped){details}")]
    NoArticles {
        /// The story.
        path: PathBuf,
        /// How many problems were recorded.
        skipped: usize,
        /// What happened to each file, one per line (empty when nothing was there).
        details: String,
    },
}

impl TextError {
    fn io(path: &Path, source: std::io::Error) -> TextError {
        TextError::Io { path: path.to_path_buf(), source }
    }
}

/// Metadata supplied from outside the text (manifest or record fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overrides {
    /// Article id to use instead of the file name.
    pub id: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// The publication date.
    pub published: Option<NaiveDate>,
    /// The headline.
    pub title: Option<String>,
    /// Where these values came from.
    pub source: Source,
}

impl Default for Overrides {
    fn default() -> Self {
        Overrides { id: None, outlet: None, published: None, title: None, source: Source::Manifest }
    }
}

/// One article, cleaned and segmented.
#[derive(Debug, Clone)]
pub struct Document {
    /// Identity and metadata.
    pub article: Article,
    /// The cleaned text (equal to the file's text for plain-text articles).
    pub text: String,
    /// Positions in `text` to byte positions in the original file.
    pub map: OffsetMap,
    /// Classified paragraphs with their sentences.
    pub blocks: Vec<Block>,
}

impl Document {
    /// The original-file span of a range of the cleaned text.
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        self.map.to_original(range.start, range.end)
    }

    /// The publication date, when known.
    pub fn published(&self) -> Option<NaiveDate> {
        self.article.published.value
    }
}

/// Builds a document from already decoded text. Used by ingestion and by
/// callers that hold text in memory (tests, benchmarks).
pub fn document_from_text(id: &str, text: &str, format: Format, overrides: &Overrides) -> Result<Document, String> {
    let map = OffsetMap::identity(text.len(), 0);
    build_document(ArticleId(id.to_string()), id.to_string(), format, text.to_string(), map, text.len(), overrides)
}

/// Builds a document from a file's bytes exactly as ingestion does (BOM,
/// UTF-16, lossy UTF-8, binary refused, HTML cleaned), without touching the
/// disk: spans index `bytes`. Returns the document and its warnings (lossy
/// decoding, UTF-16), or why the bytes are not an article. For plain text,
/// Markdown and HTML; JSON records go through [`load_story`]. Used by the
/// fuzz targets and property tests.
pub fn document_from_bytes(
    id: &str,
    bytes: &[u8],
    format: Format,
    overrides: &Overrides,
) -> Result<(Document, Vec<String>), String> {
    ingest::decode_document(bytes, ArticleId(id.to_string()), id.to_string(), format, overrides)
}

fn build_document(
    id: ArticleId,
    path: String,
    format: Format,
    text: String,
    map: OffsetMap,
    bytes: usize,
    o: &Overrides,
) -> Result<Document, String> {
    if text.trim().is_empty() {
        return Err("skipped: empty article (no text)".to_string());
    }
    let (text, map, html_meta) = if format == Format::Html {
        let h = html::html_to_text(&text).map_err(|e| format!("skipped: unreadable HTML ({})", e.0))?;
        let composed = h.map.compose(&map);
        (h.text.clone(), composed, Some(h))
    } else {
        (text, map, None)
    };
    let blocks = layout::blocks(&text);
    let mut doc = Document {
        article: Article {
            id,
            path,
            format,
            outlet: Inferred::unknown(),
            published: Inferred::unknown(),
            title: None,
            credits: Vec::new(),
            duplicate_of: None,
            bytes,
        },
        text,
        map,
        blocks,
    };
    doc.article.credits = credits(&doc);
    doc.article.outlet = infer_outlet(&doc, o, html_meta.as_ref());
    doc.article.published = infer_published(&doc, o, html_meta.as_ref());
    doc.article.title = o.title.clone().or_else(|| headline(&doc)).or_else(|| html_meta.and_then(|h| h.title));
    Ok(doc)
}

fn credits(doc: &Document) -> Vec<Credit> {
    let mut found: Vec<Credit> = doc
        .blocks
        .iter()
        .filter_map(|b| {
            let kind = match b.kind {
                BlockKind::Credit(k) => k,
                BlockKind::Furniture(furniture::Furniture::PhotoCredit) => CreditKind::Photo,
                _ => return None,
            };
            let text = doc.text[b.range.clone()].to_string();
            let names = match kind {
                CreditKind::Byline => {
                    let byline = text.split(';').next().unwrap_or(&text);
                    vec![byline.trim().trim_start_matches("By ").to_lowercase()]
                }
                _ => meta::credit_names(&text),
            };
            Some(Credit { kind, text, span: doc.span(b.range.clone()), names })
        })
        .collect();
    found.extend(dateline_credits(doc));
    found.sort_by_key(|c| c.span.start);
    found
}

/// The agencies named in wire datelines ("LONDON (Reuters) - …"): wire
/// material was used.
fn dateline_credits(doc: &Document) -> Vec<Credit> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .filter_map(|b| {
            let (len, agency) = meta::dateline_prefix(&doc.text[b.range.clone()])?;
            let range = b.range.start..b.range.start + len;
            let text = doc.text[range.clone()].trim_end().to_string();
            Some(Credit { kind: CreditKind::WireInput, text, span: doc.span(range), names: vec![agency?] })
        })
        .collect()
}

fn headline(doc: &Document) -> Option<String> {
    doc.blocks.iter().find(|b| b.kind == BlockKind::Headline).map(|b| doc.text[b.range.clone()].to_string())
}

fn infer_outlet(doc: &Document, o: &Overrides, h: Option<&html::HtmlText>) -> Inferred<String> {
    if let Some(v) = o.outlet_value() {
        return v;
    }
    if let Some(site) = h.and_then(|h| h.site_name.clone()) {
        return Inferred::from(site, Source::HtmlMeta);
    }
    let brand = doc.article.credits.iter().find(|c| c.kind == CreditKind::Byline && meta::is_brand(&c.text));
    if let Some(c) = brand {
        return Inferred::from(c.text.trim().to_string(), Source::Credit).with_evidence(c.text.trim());
    }
    match outlet_from_file_name(&doc.article.id.0) {
        Some(name) => Inferred::from(name, Source::FileName),
        None => Inferred::unknown(),
    }
}

/// An outlet-like word in a file name ("reuters-2025-02-13" → "reuters"):
/// the alphabetic parts that are not dates, numbers or hashes.
fn outlet_from_file_name(stem: &str) -> Option<String> {
    let words: Vec<&str> = stem
        .split(['-', '_', '.', ' '])
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .filter(|w| meta::month_number(w).is_none() && !is_hex_like(w))
        .collect();
    (!words.is_empty()).then(|| words.join("-").to_lowercase())
}

fn is_hex_like(w: &str) -> bool {
    w.len() >= 8 && w.chars().all(|c| c.is_ascii_hexdigit())
}

fn infer_published(doc: &Document, o: &Overrides, h: Option<&html::HtmlText>) -> Inferred<NaiveDate> {
    if let Some(v) = o.published_value() {
        return v;
    }
    if let Some(d) = h.and_then(|h| h.published.as_deref()).and_then(ingest::parse_iso_date) {
        return Inferred::from(d, Source::HtmlMeta);
    }
    for b in doc.blocks.iter().filter(|b| b.kind == BlockKind::Dateline) {
        let line = &doc.text[b.range.clone()];
        if let Some(d) = meta::parse_date(line) {
            return Inferred::from(d, Source::Dateline).with_evidence(line.trim());
        }
    }
    match meta::parse_date(&doc.article.id.0.replace(['_', '.'], "-")) {
        Some(d) => Inferred::from(d, Source::FileName),
        None => Inferred::unknown(),
    }
}
