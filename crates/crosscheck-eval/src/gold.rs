//! The gold annotation of a story (`shared/gold/README.md`) and the article
//! files it refers to.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::EvalError;

/// A gold annotation of the cross-outlet claims of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// What the story is about, in words.
    #[serde(default)]
    pub story: Option<String>,
    /// Per doc key: the outlet and, for rewrites, the doc it derives from.
    #[serde(default)]
    pub outlets: BTreeMap<String, GoldOutlet>,
    /// Per doc key: page furniture that no claim may come from.
    #[serde(default)]
    pub boilerplate: BTreeMap<String, Vec<Boilerplate>>,
    /// The gold claim clusters.
    pub clusters: Vec<GoldCluster>,
    /// The gold disputes.
    #[serde(default)]
    pub disputes: Vec<GoldDispute>,
}

/// An outlet of the gold annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldOutlet {
    /// The outlet's name as far as the text tells.
    #[serde(default)]
    pub name: Option<String>,
    /// The doc key of the article this one rewrote or copied, if any.
    #[serde(default)]
    pub derived_from: Option<String>,
}

/// A piece of page furniture: an exact substring, or a byte range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Boilerplate {
    /// An exact substring of the article (its first occurrence counts).
    Text(String),
    /// A byte range of the article file.
    Range {
        /// First byte.
        start: i64,
        /// One past the last byte.
        end: i64,
    },
}

/// One mention of a gold claim in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum GoldMention {
    /// Quote form: the first occurrence of `quote` in the article.
    Quote {
        /// The doc key (a prefix of the article id).
        doc: String,
        /// An exact substring of the article.
        quote: String,
    },
    /// Offset form: a byte range, optionally checked by the SHA-1 of its bytes.
    Offsets {
        /// The doc key (a prefix of the article id).
        doc: String,
        /// First byte.
        start: i64,
        /// One past the last byte.
        end: i64,
        /// Hex SHA-1 of the bytes `start..end`, when given.
        #[serde(default)]
        sha1: Option<String>,
    },
}

impl GoldMention {
    /// The doc key of the mention.
    pub fn doc(&self) -> &str {
        match self {
            GoldMention::Quote { doc, .. } | GoldMention::Offsets { doc, .. } => doc,
        }
    }
}

/// A gold claim: one fact and where each article states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldCluster {
    /// Stable identifier.
    pub id: String,
    /// The fact in words.
    #[serde(default)]
    pub claim: Option<String>,
    /// Event, attribution, quantity, …
    #[serde(default)]
    pub kind: Option<String>,
    /// The status the engine should give it (corroborated, paraphrased,
    /// single-sourced).
    #[serde(default)]
    pub status: Option<String>,
    /// Where it is stated.
    pub mentions: Vec<GoldMention>,
}

fn clear() -> Option<String> {
    Some("clear".to_string())
}

/// A gold disagreement between articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDispute {
    /// Stable identifier.
    #[serde(default)]
    pub id: Option<String>,
    /// The disagreement in words.
    #[serde(default)]
    pub detail: Option<String>,
    /// `clear` or `subtle`; only clear disputes are scored. Missing means clear.
    #[serde(default = "clear")]
    pub confidence: Option<String>,
    /// The readings.
    pub sides: Vec<GoldSide>,
}

impl GoldDispute {
    /// True when the dispute counts for dispute recall.
    pub fn is_clear(&self) -> bool {
        self.confidence.as_deref() == Some("clear")
    }
}

/// One reading of a gold dispute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldSide {
    /// The reading in words.
    #[serde(default)]
    pub reading: Option<String>,
    /// Where it is stated.
    pub mentions: Vec<GoldMention>,
}

/// Reads a gold annotation file.
pub fn load_gold(path: impl AsRef<Path>) -> Result<Gold, EvalError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| EvalError::io(path, e))?;
    serde_json::from_slice(&bytes).map_err(|source| EvalError::Json { path: path.to_path_buf(), source })
}

/// Reads every regular file of `dir` (following symbolic links, not
/// descending into subdirectories) as an article whose id is the file name
/// without its extension, as score.py does. Two files with the same id are
/// an error rather than a silent choice.
pub fn load_articles(dir: impl AsRef<Path>) -> Result<BTreeMap<String, Vec<u8>>, EvalError> {
    let dir = dir.as_ref();
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))? {
        let path = entry.map_err(|e| EvalError::io(dir, e))?.path();
        if !path.is_file() {
            continue;
        }
        let id = article_id(&path);
        let bytes = std::fs::read(&path).map_err(|e| EvalError::io(&path, e))?;
        if out.insert(id.clone(), bytes).is_some() {
            return Err(EvalError::DuplicateArticle { dir: dir.to_path_buf(), id });
        }
    }
    Ok(out)
}

/// The file name without its last extension (Python's `os.path.splitext`:
/// a leading dot does not start an extension).
fn article_id(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn mentions_of_both_forms_parse() {
        let g: Gold = serde_json::from_str(
            r#"{"clusters":[{"id":"a","status":"corroborated","mentions":[
                {"doc":"000","quote":"x"},{"doc":"001","start":3,"end":9,"sha1":"ab"},
                {"doc":"002","start":1,"end":2}]}],
               "boilerplate":{"000":["Menu",{"start":0,"end":4}]},
               "disputes":[{"sides":[]},{"confidence":"subtle","sides":[]},{"confidence":null,"sides":[]}]}"#,
        )
        .expect("valid gold");
        let m = &g.clusters[0].mentions;
        assert!(matches!(&m[0], GoldMention::Quote { quote, .. } if quote == "x"));
        assert!(matches!(&m[1], GoldMention::Offsets { start: 3, end: 9, sha1: Some(_), .. }));
        assert!(matches!(&m[2], GoldMention::Offsets { sha1: None, .. }));
        assert_eq!(g.boilerplate["000"][1], Boilerplate::Range { start: 0, end: 4 });
        let clear: Vec<bool> = g.disputes.iter().map(GoldDispute::is_clear).collect();
        assert_eq!(clear, vec![true, false, false]);
    }

    #[test]
    fn ids_drop_only_the_last_extension() {
        assert_eq!(article_id(Path::new("/x/000_ab.txt")), "000_ab");
        assert_eq!(article_id(Path::new("/x/a.b.html")), "a.b");
        assert_eq!(article_id(Path::new("/x/.hidden")), ".hidden");
    }

    #[test]
    fn missing_gold_is_a_typed_error() {
        let err = load_gold("/nonexistent/gold.json").err();
        assert!(matches!(err, Some(EvalError::Io { .. })));
    }
}
