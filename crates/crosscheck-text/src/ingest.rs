//! Reading a story from disk: a directory of articles or a JSON Lines file.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crosscheck_core::{ArticleId, Diagnostic, Format, Inferred, Source};
use serde::Deserialize;

use crate::{build_document, decode, Document, Overrides, TextError};

/// Limits and switches for reading a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// Largest article file accepted, in bytes; larger files are skipped with
    /// a diagnostic naming this limit (`--max-article-bytes`).
    pub max_article_bytes: u64,
}

/// Default for [`IngestOptions::max_article_bytes`]: 16 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES }
    }
}

/// A story: its articles as documents, and what went wrong on the way.
#[derive(Debug, Clone)]
pub struct Story {
    /// The story's path as given.
    pub path: String,
    /// Documents in article-id order, duplicates included (marked).
    pub documents: Vec<Document>,
    /// Skipped files, lossy decodings, duplicates and other notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Name of the optional manifest in a story directory.
pub const MANIFEST: &str = "story.toml";

/// The optional manifest: per-file outlet and publication date.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    article: Vec<ManifestEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestEntry {
    file: String,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
}

/// One JSON Lines record (also the layout of a `.json` article).
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    title: Option<String>,
    text: String,
}

/// Reads the story at `path`: a directory of `.txt`, `.md`, `.html`/`.htm`,
/// `.json` and `.jsonl` files (with an optional `story.toml`), or a single
/// JSON Lines file.
pub fn load_story(path: &Path, opts: &IngestOptions) -> Result<Story, TextError> {
    let meta = fs::metadata(path).map_err(|e| TextError::io(path, e))?;
    let mut story = Story { path: path.display().to_string(), documents: Vec::new(), diagnostics: Vec::new() };
    if meta.is_dir() {
        load_directory(path, opts, &mut story)?;
    } else if is_jsonl(path) {
        load_jsonl(path, opts, &mut story)?;
    } else {
        let overrides = Overrides::default();
        load_file(path, &overrides, opts, &mut story);
    }
    finish(path, story)
}

fn finish(path: &Path, mut story: Story) -> Result<Story, TextError> {
    story.documents.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    check_unique_ids(path, &story)?;
    mark_duplicates(&mut story);
    if story.documents.iter().all(|d| d.article.duplicate_of.is_some()) {
        let details = skipped_details(&story.diagnostics);
        return Err(TextError::NoArticles { path: path.to_path_buf(), skipped: story.diagnostics.len(), details });
    }
    Ok(story)
}

/// Most files named per reason when a story has no readable article.
const FILES_NAMED_PER_REASON: usize = 3;

/// One line per distinct reason a file was skipped, naming a few of the
/// files: a folder of 500 empty files gives one line, not 500.
fn skipped_details(diagnostics: &[Diagnostic]) -> String {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for d in diagnostics {
        let file = d.file.as_deref().unwrap_or("?");
        match index.get(d.message.as_str()) {
            Some(&i) => groups[i].1.push(file),
            None => {
                index.insert(&d.message, groups.len());
                groups.push((&d.message, vec![file]));
            }
        }
    }
    groups
        .iter()
        .map(|(message, files)| match files.len() {
            n if n <= FILES_NAMED_PER_REASON => format!("\n  {}: {message}", files.join(", ")),
            n => format!(
                "\n  {} and {} more: {message}",
                files[..FILES_NAMED_PER_REASON].join(", "),
                n - FILES_NAMED_PER_REASON
            ),
        })
        .collect()
}

fn check_unique_ids(path: &Path, story: &Story) -> Result<(), TextError> {
    for w in story.documents.windows(2) {
        if w[0].article.id == w[1].article.id {
            return Err(TextError::DuplicateId {
                path: path.to_path_buf(),
                id: w[0].article.id.0.clone(),
                first: w[0].article.path.clone(),
                second: w[1].article.path.clone(),
            });
        }
    }
    Ok(())
}

/// Articles with byte-identical text count once: later copies are marked.
fn mark_duplicates(story: &mut Story) {
    let mut seen: HashMap<&str, ArticleId> = HashMap::new();
    let mut marks = Vec::new();
    for (i, d) in story.documents.iter().enumerate() {
        match seen.get(d.text.as_str()) {
            Some(first) => marks.push((i, first.clone())),
            None => {
                seen.insert(d.text.as_str(), d.article.id.clone());
            }
        }
    }
    for (i, first) in marks {
        let doc = &mut story.documents[i];
        story.diagnostics.push(Diagnostic::warning(
            doc.article.path.clone(),
            format!("same text as article '{first}'; counted once"),
        ));
        doc.article.duplicate_of = Some(first);
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(extension(path).as_str(), "jsonl" | "ndjson")
}

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

fn format_of(path: &Path) -> Option<Format> {
    match extension(path).as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// Reads a folder's entries on rayon's pool, one entry per task, and
/// appends their documents and diagnostics in file-name order, so that the
/// story is the same for any number of threads. The first failing entry in
/// that order (a `.jsonl` file that cannot be read) fails the story.
fn load_directory(dir: &Path, opts: &IngestOptions, story: &mut Story) -> Result<(), TextError> {
    use rayon::prelude::*;
    let manifest = read_manifest(dir)?;
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| TextError::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    let parts: Vec<Result<Story, TextError>> = entries
        .par_iter()
        .map(|path| {
            let mut part = Story { path: String::new(), documents: Vec::new(), diagnostics: Vec::new() };
            load_entry(path, &manifest, opts, &mut part).map(|()| part)
        })
        .collect();
    for part in parts {
        let part = part?;
        story.documents.extend(part.documents);
        story.diagnostics.extend(part.diagnostics);
    }
    Ok(())
}

/// Reads one entry of a story folder into `story` (skipping hidden files,
/// the manifest, sub-folders and files that are not articles).
fn load_entry(
    path: &Path,
    manifest: &HashMap<String, Overrides>,
    opts: &IngestOptions,
    story: &mut Story,
) -> Result<(), TextError> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
    if name.starts_with('.') || name == MANIFEST {
        return Ok(());
    }
    if is_jsonl(path) {
        return load_jsonl(path, opts, story);
    }
    match fs::metadata(path) {
        Err(e) => story.diagnostics.push(Diagnostic::warning(path.display().to_string(), format!("skipped: {e}"))),
        Ok(m) if m.is_dir() => {}
        // Opening a named pipe blocks until a writer comes, and a device
        // may never end: only regular files of a folder are read.
        Ok(m) if !m.is_file() => story.diagnostics.push(Diagnostic::warning(
            path.display().to_string(),
            "skipped: not a regular file (a named pipe, socket or device)",
        )),
        Ok(_) if format_of(path).is_none() => story.diagnostics.push(Diagnostic::info(
            path.display().to_string(),
            "skipped: not an article (expected .txt, .md, .html, .htm, .json or .jsonl)",
        )),
        Ok(_) => {
            let overrides = manifest.get(&name).cloned().unwrap_or_default();
            load_file(path, &overrides, opts, story);
        }
    }
    Ok(())
}

fn read_manifest(dir: &Path) -> Result<HashMap<String, Overrides>, TextError> {
    let path = dir.join(MANIFEST);
    let Ok(text) = fs::read_to_string(&path) else { return Ok(HashMap::new()) };
    let manifest: Manifest =
        toml::from_str(&text).map_err(|e| TextError::Manifest { path: path.clone(), message: e.to_string() })?;
    let mut out = HashMap::new();
    for entry in manifest.article {
        let published = match entry.published.as_deref() {
            None => None,
            Some(s) => Some(parse_iso_date(s).ok_or_else(|| TextError::Manifest {
                path: path.clone(),
                message: format!("article '{}': published date '{s}' is not YYYY-MM-DD", entry.file),
            })?),
        };
        let o = Overrides { outlet: entry.outlet, published, title: entry.title, id: None, source: Source::Manifest };
        out.insert(entry.file, o);
    }
    Ok(out)
}

/// "2025-02-13", "2025-02-13T10:40:00Z" and the like.
pub(crate) fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let head: String = s.trim().chars().take(10).collect();
    NaiveDate::parse_from_str(&head, "%Y-%m-%d").ok().or_else(|| crate::meta::parse_date(s))
}

fn load_file(path: &Path, overrides: &Overrides, opts: &IngestOptions, story: &mut Story) {
    let shown = path.display().to_string();
    let bytes = match read_limited(path, opts) {
        Ok(b) => b,
        Err(message) => {
            story.diagnostics.push(Diagnostic::warning(shown, message));
            return;
        }
    };
    let format = format_of(path).unwrap_or(Format::Text);
    let id = ArticleId(file_stem(path));
    let result = if format == Format::Json {
        serde_json::from_slice::<Record>(&bytes)
            .map_err(|e| format!("skipped: not a JSON article ({e}); expected an object with a \"text\" field"))
            .and_then(|r| document_from_record(r, id, shown.clone(), Format::Json, overrides))
    } else {
        decode_document(&bytes, id, shown.clone(), format, overrides)
    };
    match result {
        Ok((doc, notes)) => {
            story.diagnostics.extend(notes.into_iter().map(|n| Diagnostic::warning(shown.clone(), n)));
            story.documents.push(doc);
        }
        Err(message) => story.diagnostics.push(Diagnostic::warning(shown, message)),
    }
}

fn read_limited(path: &Path, opts: &IngestOptions) -> Result<Vec<u8>, String> {
    let limit = opts.max_article_bytes;
    let over = |size: String| {
        format!("skipped: {size} bytes is over the limit of {limit} bytes per article; raise it with --max-article-bytes")
    };
    let size = fs::metadata(path).map_err(|e| format!("skipped: cannot read ({e})"))?.len();
    if size > limit {
        return Err(over(size.to_string()));
    }
    let bytes = read_at_most(path, limit).map_err(|e| format!("skipped: cannot read ({e})"))?;
    if bytes.len() as u64 > limit {
        return Err(over(format!("more than {limit}")));
    }
    Ok(bytes)
}

/// The first `limit + 1` bytes of `path` at most: a file that grows while
/// read, or a device or pipe given as the story (whose size reads as 0),
/// cannot make ingestion read without end.
fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    fs::File::open(path)?.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn file_stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string()
}

pub(crate) type Loaded = (Document, Vec<String>);

pub(crate) fn decode_document(
    bytes: &[u8],
    id: ArticleId,
    shown: String,
    format: Format,
    o: &Overrides,
) -> Result<Loaded, String> {
    let decoded = decode::decode(bytes).map_err(|problem| format!("skipped: {problem}"))?;
    let note = decoded.note.clone();
    let doc = build_document(id, shown, format, decoded.text, decoded.map, bytes.len(), o)?;
    Ok((doc, note.into_iter().collect()))
}

fn document_from_record(r: Record, id: ArticleId, shown: String, format: Format, o: &Overrides) -> Result<Loaded, String> {
    let published = match r.published.as_deref() {
        Some(p) => Some(parse_iso_date(p).ok_or_else(|| format!("field 'published': '{p}' is not a date"))?),
        None => None,
    };
    let outlet = r.outlet.or_else(|| r.url.as_deref().and_then(outlet_from_url));
    let overrides = Overrides {
        id: r.id.or(o.id.clone()),
        outlet: o.outlet.clone().or(outlet),
        published: o.published.or(published),
        title: o.title.clone().or(r.title),
        source: if o.outlet.is_some() { o.source } else { Source::Field },
    };
    let id = overrides.id.clone().map(ArticleId).unwrap_or(id);
    let len = r.text.len();
    let map = crate::OffsetMap::identity(len, 0);
    let doc = build_document(id, shown, format, r.text, map, len, &overrides)?;
    Ok((doc, Vec::new()))
}

/// "https://www.example.com/x" → "example.com".
fn outlet_from_url(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_string())
}

fn load_jsonl(path: &Path, opts: &IngestOptions, story: &mut Story) -> Result<(), TextError> {
    let bytes = read_limited_jsonl(path, opts)?;
    let text = String::from_utf8_lossy(&bytes);
    let shown = path.display().to_string();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{shown}:{line_no}");
        let fallback = ArticleId(format!("{}-{line_no}", file_stem(path)));
        let record = serde_json::from_str::<Record>(line)
            .map_err(|e| format!("skipped line {line_no}: not a valid article record ({e})"));
        match record.and_then(|r| document_from_record(r, fallback, at.clone(), Format::JsonLines, &Overrides::default())) {
            Ok((doc, _)) => story.documents.push(doc),
            Err(message) => story.diagnostics.push(Diagnostic::warning(shown.clone(), message).at(format!("line {line_no}"))),
        }
    }
    Ok(())
}

fn read_limited_jsonl(path: &Path, opts: &IngestOptions) -> Result<Vec<u8>, TextError> {
    // A JSON Lines story holds many articles: allow a generous multiple.
    let limit = opts.max_article_bytes.saturating_mul(64);
    let size = fs::metadata(path).map_err(|e| TextError::io(path, e))?.len();
    if size > limit {
        return Err(TextError::TooLarge { path: path.to_path_buf(), size, limit });
    }
    let bytes = read_at_most(path, limit).map_err(|e| TextError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(TextError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// Metadata the caller already knows, overriding inference.
impl Overrides {
    /// Outlet as an inferred value with its source.
    pub(crate) fn outlet_value(&self) -> Option<Inferred<String>> {
        self.outlet.clone().map(|o| Inferred::from(o, self.source))
    }

    /// Publication date as an inferred value with its source.
    pub(crate) fn published_value(&self) -> Option<Inferred<NaiveDate>> {
        self.published.map(|p| Inferred::from(p, self.source))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    const ARTICLE: &str = "The minister said the talks lasted ninety minutes.\n";

    /// Regression (reliability catalogue): a named pipe called `*.txt` in a
    /// story folder made ingestion block for ever on opening it.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_in_the_folder_is_skipped_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
        let pipe = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("SKIP: mkfifo is not available; the named-pipe case did not run");
            return;
        }
        let story = load_story(dir.path(), &IngestOptions::default()).unwrap();
        assert_eq!(story.documents.len(), 1);
        let note = story.diagnostics.iter().find(|d| d.file.as_deref().is_some_and(|f| f.ends_with("pipe.txt")));
        assert!(note.is_some_and(|d| d.message.contains("not a regular file")), "{:?}", story.diagnostics);
    }

    /// Regression (reliability catalogue): a folder of 500 empty files gave
    /// a 501-line error, one line per file; files skipped for the same
    /// reason now share one line naming the first few.
    #[test]
    fn many_files_skipped_for_one_reason_make_one_line() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..500 {
            fs::write(dir.path().join(format!("a{i:03}.txt")), "").unwrap();
        }
        fs::write(dir.path().join("b.txt"), "  \n").unwrap();
        fs::write(dir.path().join("c.txt"), b"\x89PNG\r\n").unwrap();
        let text = load_story(dir.path(), &IngestOptions::default()).unwrap_err().to_string();
        assert!(text.contains("(502 file(s) skipped)"), "{text}");
        assert_eq!(text.lines().count(), 3, "{text}");
        assert!(text.contains("a000.txt, ") && text.contains("a002.txt and 498 more: skipped: empty article"), "{text}");
        assert!(text.contains("c.txt: skipped: looks like a PNG image"), "{text}");
    }

    /// Regression: a device given as the story (`/dev/zero`, size 0 on
    /// disk) was read without end; now reading stops past the limit.
    #[cfg(unix)]
    #[test]
    fn an_endless_file_stops_at_the_article_limit() {
        let zero = Path::new("/dev/zero");
        if !zero.exists() {
            eprintln!("SKIP: /dev/zero is absent; the endless-file case did not run");
            return;
        }
        let err = load_story(zero, &IngestOptions { max_article_bytes: 1000 }).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("more than 1000 bytes is over the limit") && text.contains("--max-article-bytes"), "{text}");
    }
}
