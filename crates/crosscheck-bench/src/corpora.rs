//! Real sentences from the shared corpora, read at run time.
//!
//! Nothing from the corpora is stored in the repository: every run reads
//! them from `../shared/corpora` (or the folder given). Four sources feed
//! three pools:
//!
//! - **filler** (single-sourced sentences): FNC-1 article bodies split into
//!   sentences, ECB+ articles re-assembled from their tokens, and both sides
//!   of MRPC's non-paraphrase pairs;
//! - **paraphrase pairs** (facts that can be restated): MRPC pairs labelled 1
//!   and STS Benchmark pairs scored at least [`STS_MIN_SCORE`];
//! - **headlines**: the STS Benchmark's news-headline sentences.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::BenchError;

/// STS pairs scored at least this (0–5) count as paraphrases.
pub const STS_MIN_SCORE: f64 = 4.0;
/// Shortest sentence kept, in bytes.
pub const MIN_SENTENCE_BYTES: usize = 40;
/// Longest sentence kept, in bytes.
pub const MAX_SENTENCE_BYTES: usize = 320;
/// Fewest words a kept sentence has.
pub const MIN_SENTENCE_WORDS: usize = 6;

/// A sentence with a restatement of the same fact in other words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParaphrasePair {
    /// One wording.
    pub first: String,
    /// Another wording of the same fact.
    pub second: String,
}

/// The sentence pools a story is built from.
#[derive(Debug, Clone, Default)]
pub struct Pools {
    /// Stand-alone news sentences.
    pub filler: Vec<String>,
    /// Pairs of sentences that state the same fact.
    pub pairs: Vec<ParaphrasePair>,
    /// Short news headlines.
    pub headlines: Vec<String>,
}

/// The corpora folder: `../shared/corpora` unless given.
pub fn default_corpora_dir() -> PathBuf {
    PathBuf::from("../shared/corpora")
}

/// Reads all pools from the corpora folder `root`.
pub fn load_pools(root: &Path) -> Result<Pools, BenchError> {
    if !root.join("fnc-1").is_dir() {
        return Err(BenchError::MissingCorpora { path: root.to_path_buf() });
    }
    let fnc = fnc_bodies(&root.join("fnc-1/train_bodies.csv"))?;
    pools_with(root, fnc.iter().flat_map(|b| split_sentences(b)))
}

/// The pools without the FNC-1 bodies: the text a profile-guided build
/// trains on, kept apart from the text its extraction rate is measured on
/// (`bench extract-rate` reads the FNC-1 bodies).
pub fn load_training_pools(root: &Path) -> Result<Pools, BenchError> {
    if !root.join("ecbplus/ECB+").is_dir() {
        return Err(BenchError::MissingCorpora { path: root.to_path_buf() });
    }
    pools_with(root, std::iter::empty())
}

/// The pools of `root`'s ECB+, MRPC and STS files, with `bodies` (article
/// sentences) among the filler.
fn pools_with(root: &Path, bodies: impl Iterator<Item = String>) -> Result<Pools, BenchError> {
    let mut pools = Pools::default();
    pools.filler.extend(bodies);
    pools.filler.extend(ecb_sentences(&root.join("ecbplus/ECB+"))?);
    read_mrpc(&root.join("mrpc/msr_paraphrase_train.txt"), &mut pools)?;
    for f in ["stsbenchmark/sts-train.csv", "stsbenchmark/sts-dev.csv"] {
        read_sts(&root.join(f), &mut pools)?;
    }
    pools.filler.retain(|s| usable(s));
    pools.filler.sort();
    pools.filler.dedup();
    pools.headlines.sort();
    pools.headlines.dedup();
    Ok(pools)
}

/// The article bodies of FNC-1's `train_bodies.csv` (RFC 4180 CSV).
pub fn fnc_bodies(path: &Path) -> Result<Vec<String>, BenchError> {
    let csv_err = |source| BenchError::Csv { path: path.to_path_buf(), source };
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_path(path).map_err(csv_err)?;
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_err)?;
        if let Some(body) = record.get(1) {
            out.push(body.to_string());
        }
    }
    Ok(out)
}

/// A sentence fit to be used: length and word count in range, starts with
/// a capital or a quotation mark, ends with sentence punctuation.
pub fn usable(s: &str) -> bool {
    let first_ok = s.chars().next().is_some_and(|c| c.is_uppercase() || c == '"');
    let last_ok = s.trim_end_matches(['"', '\'']).ends_with(['.', '!']);
    (MIN_SENTENCE_BYTES..=MAX_SENTENCE_BYTES).contains(&s.len())
        && s.split_whitespace().count() >= MIN_SENTENCE_WORDS
        && first_ok
        && last_ok
        && !s.contains(['\t', '\u{FFFD}', '|', '@'])
        && !s.contains("http")
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Jr", "No", "Inc", "Co", "vs"];

/// Splits running text into sentences at `.`, `!` or `?` (optionally
/// followed by a closing quote) before whitespace and a capital or a quote.
pub fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        let chars: Vec<(usize, char)> = para.char_indices().collect();
        let mut start = 0;
        for (k, &(i, c)) in chars.iter().enumerate() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let mut end = k + 1;
            while end < chars.len() && matches!(chars[end].1, '"' | '\'' | '\u{201d}') {
                end += 1;
            }
            let next_ok = end + 1 < chars.len()
                && chars[end].1 == ' '
                && (chars[end + 1].1.is_uppercase() || matches!(chars[end + 1].1, '"' | '\u{201c}'));
            if !next_ok || (c == '.' && is_abbreviation(&para[start..i])) {
                continue;
            }
            let stop = chars.get(end).map_or(para.len(), |x| x.0);
            out.push(para[start..stop].trim().to_string());
            start = stop;
        }
        let rest = para[start..].trim();
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit([' ', '(']).next().unwrap_or("");
    ABBREVIATIONS.contains(&word) || (word.len() <= 3 && word.contains('.')) || (word.len() == 1 && word.chars().all(char::is_uppercase))
}

/// The sentences of every ECB+ article under `dir` (`<topic>/<doc>.xml`),
/// re-assembled from the corpus's tokens.
pub fn ecb_sentences(dir: &Path) -> Result<Vec<String>, BenchError> {
    let mut files = Vec::new();
    for topic in read_dir_sorted(dir)? {
        if topic.is_dir() {
            files.extend(read_dir_sorted(&topic)?.into_iter().filter(|p| p.extension().is_some_and(|e| e == "xml")));
        }
    }
    let mut out = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).map_err(|e| BenchError::io(&f, e))?;
        out.extend(ecb_document_sentences(&text));
    }
    Ok(out)
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, BenchError> {
    let mut v: Vec<PathBuf> =
        fs::read_dir(dir).map_err(|e| BenchError::io(dir, e))?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    Ok(v)
}

/// The sentences of one ECB+ XML document: `<token sentence="N">word</token>`
/// elements grouped by sentence number and detokenised.
pub fn ecb_document_sentences(xml: &str) -> Vec<String> {
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let mut current: Option<String> = None;
    let mut rest = xml;
    while let Some(at) = rest.find("<token ") {
        rest = &rest[at..];
        let Some(gt) = rest.find('>') else { break };
        let Some(close) = rest.find("</token>") else { break };
        let attrs = &rest[..gt];
        let word = if close > gt { unescape(&rest[gt + 1..close]) } else { String::new() };
        let sentence = attribute(attrs, "sentence").map(str::to_string);
        if sentence != current || sentences.is_empty() {
            sentences.push(Vec::new());
            current = sentence;
        }
        if let Some(last) = sentences.last_mut() {
            last.push(word);
        }
        rest = &rest[close..];
    }
    sentences.iter().map(|toks| detokenize(&toks.iter().map(String::as_str).collect::<Vec<_>>())).collect()
}

fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = attrs.find(&key)? + key.len();
    let len = attrs[start..].find('"')?;
    Some(&attrs[start..start + len])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Joins tokenised text back into written text: no space before
/// punctuation and clitics, quotes attached inside, `` `` ''`` to `"`.
pub fn detokenize(tokens: &[&str]) -> String {
    let mut out = String::new();
    let mut open_quote = false;
    let mut glue_next = true;
    for raw in tokens.iter().filter(|t| !t.is_empty()) {
        let t = match *raw {
            "``" | "''" => "\"",
            "-LRB-" => "(",
            "-RRB-" => ")",
            x => x,
        };
        let closing_quote = t == "\"" && open_quote;
        let attach_left = closing_quote
            || matches!(t, "," | "." | ":" | ";" | "?" | "!" | "%" | ")" | "]" | "n't" | "'s" | "'S" | "'re" | "'ll" | "'ve" | "'m" | "'d");
        if !glue_next && !attach_left {
            out.push(' ');
        }
        out.push_str(t);
        glue_next = matches!(t, "(" | "[" | "$") || (t == "\"" && !open_quote);
        if t == "\"" {
            open_quote = !open_quote;
        }
    }
    out
}

fn read_mrpc(path: &Path, pools: &mut Pools) -> Result<(), BenchError> {
    let text = fs::read_to_string(path).map_err(|e| BenchError::io(path, e))?;
    for line in text.trim_start_matches('\u{feff}').lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [label, _, _, a, b] = f[..] else { continue };
        let (a, b) = (detok_line(a), detok_line(b));
        if label == "1" && usable(&a) && usable(&b) {
            pools.pairs.push(ParaphrasePair { first: a, second: b });
        } else {
            pools.filler.push(a);
            pools.filler.push(b);
        }
    }
    Ok(())
}

fn detok_line(s: &str) -> String {
    detokenize(&s.split_whitespace().collect::<Vec<_>>())
}

fn read_sts(path: &Path, pools: &mut Pools) -> Result<(), BenchError> {
    let text = fs::read_to_string(path).map_err(|e| BenchError::io(path, e))?;
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').take(7).collect();
        let [genre, file, _, _, score, a, b] = f[..] else { continue };
        let Ok(score) = score.trim().parse::<f64>() else { continue };
        if genre == "main-news" && file == "headlines" {
            pools.headlines.extend([a, b].iter().map(|s| s.trim().to_string()).filter(|s| s.len() >= 20));
        } else if score >= STS_MIN_SCORE && usable(a.trim()) && usable(b.trim()) && a.trim() != b.trim() {
            pools.pairs.push(ParaphrasePair { first: a.trim().to_string(), second: b.trim().to_string() });
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_stops_but_not_abbreviations() {
        let s = split_sentences("Mr. Smith went to Washington. He said \"no.\" Then U.S. officials left! Done");
        assert_eq!(s, vec!["Mr. Smith went to Washington.", "He said \"no.\"", "Then U.S. officials left!", "Done"]);
    }

    #[test]
    fn detokenizer_restores_written_form() {
        let t = "Amrozi accused his brother , whom he called \" the witness \" , of Dominick 's store , which does n't pay $ 5 ( or 10 % ) .";
        assert_eq!(
            detok_line(t),
            "Amrozi accused his brother, whom he called \"the witness\", of Dominick's store, which doesn't pay $5 (or 10%)."
        );
    }

    #[test]
    fn ecb_tokens_group_by_sentence() {
        let xml = r#"<Document><token t_id="1" sentence="0" number="0">Tara</token>
<token t_id="2" sentence="0" number="1">left</token><token t_id="3" sentence="0" number="2">.</token>
<token t_id="4" sentence="1" number="0">A&amp;B</token><token t_id="5" sentence="1" number="1">agreed</token>
<Markables/></Document>"#;
        assert_eq!(ecb_document_sentences(xml), vec!["Tara left.", "A&B agreed"]);
    }

    #[test]
    fn usable_filters_fragments() {
        assert!(usable("The committee determined it was a relatively small meteorite."));
        assert!(!usable("Too short."));
        assert!(!usable("no capital at the start of this long enough sentence here."));
        assert!(!usable("A sentence that does not end with a stop and has words"));
    }
}
