//! Writing a generated story to disk, and recognising one written before.
//!
//! A story directory holds one `.txt` per article, a `story.toml` naming
//! each article's outlet and date, and a hidden stamp
//! (`.crosscheck-bench.json`, skipped by ingestion) recording the settings
//! and statistics, so the bench can reuse a story instead of rebuilding it.
//! The JSON Lines form holds one `{id, outlet, published, text}` record per line.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::BenchError;
use crate::generate::{GenConfig, GenStats, SyntheticStory};

/// Name of the stamp file inside a generated story directory.
pub const STAMP: &str = ".crosscheck-bench.json";
/// Bumped whenever the generator's output changes for the same settings.
pub const GENERATOR_VERSION: u32 = 1;

/// On-disk layout of a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
pub enum StoryFormat {
    /// A directory of `.txt` articles with a `story.toml`.
    Dir,
    /// One JSON Lines file.
    Jsonl,
}

/// What the stamp records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stamp {
    /// [`GENERATOR_VERSION`] at writing time.
    pub generator_version: u32,
    /// The settings.
    pub config: GenConfig,
    /// What went into the story.
    pub stats: GenStats,
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    outlet: &'a str,
    published: &'a str,
    text: &'a str,
}

/// Writes `story` at `path` in `format`. An existing directory is replaced
/// only when it holds a stamp (was generated); anything else is refused.
pub fn write_story(story: &SyntheticStory, path: &Path, format: StoryFormat) -> Result<(), BenchError> {
    match format {
        StoryFormat::Dir => write_dir(story, path),
        StoryFormat::Jsonl => write_jsonl(story, path),
    }
}

fn write_dir(story: &SyntheticStory, dir: &Path) -> Result<(), BenchError> {
    if dir.exists() {
        let generated = dir.join(STAMP).is_file();
        let empty = fs::read_dir(dir).map_err(|e| BenchError::io(dir, e))?.next().is_none();
        if !generated && !empty {
            return Err(BenchError::Config(format!(
                "{} exists and was not written by the generator; choose another path",
                dir.display()
            )));
        }
        fs::remove_dir_all(dir).map_err(|e| BenchError::io(dir, e))?;
    }
    fs::create_dir_all(dir).map_err(|e| BenchError::io(dir, e))?;
    let mut manifest = String::new();
    for a in &story.articles {
        let file = format!("{}.txt", a.id);
        let path = dir.join(&file);
        fs::write(&path, &a.text).map_err(|e| BenchError::io(&path, e))?;
        let _ = write!(manifest, "[[article]]\nfile = \"{file}\"\noutlet = \"{}\"\npublished = \"{}\"\n\n", a.outlet, a.published);
    }
    let m = dir.join(crosscheck_text::MANIFEST);
    fs::write(&m, manifest).map_err(|e| BenchError::io(&m, e))?;
    let stamp = Stamp { generator_version: GENERATOR_VERSION, config: story.config.clone(), stats: story.stats.clone() };
    let s = dir.join(STAMP);
    fs::write(&s, serde_json::to_string_pretty(&stamp)?).map_err(|e| BenchError::io(&s, e))
}

fn write_jsonl(story: &SyntheticStory, path: &Path) -> Result<(), BenchError> {
    let mut out = String::new();
    for a in &story.articles {
        let r = Record { id: &a.id, outlet: &a.outlet, published: &a.published, text: &a.text };
        out.push_str(&serde_json::to_string(&r)?);
        out.push('\n');
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| BenchError::io(parent, e))?;
    }
    fs::write(path, out).map_err(|e| BenchError::io(path, e))
}

/// The stamp of a generated story directory, if it has a readable one.
pub fn read_stamp(dir: &Path) -> Option<Stamp> {
    let text = fs::read_to_string(dir.join(STAMP)).ok()?;
    serde_json::from_str(&text).ok()
}

/// True when `dir` holds a story generated with `config` by this generator version.
pub fn is_current(dir: &Path, config: &GenConfig) -> bool {
    read_stamp(dir).is_some_and(|s| s.generator_version == GENERATOR_VERSION && &s.config == config)
}
