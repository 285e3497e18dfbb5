//! ECB+ (Cybulska & Vossen 2014): news documents grouped in topics, with
//! event mentions and their cross-document coreference.
//!
//! Layout read here (`shared/corpora/ecbplus/`):
//! - `ECB+/{topic}/{topic}_{n}ecb.xml` and `..._{n}ecbplus.xml`: one document
//!   each. `<token t_id sentence number>` elements carry the text; under
//!   `<Markables>`, elements such as `<ACTION_OCCURRENCE m_id>` anchor
//!   mentions to tokens (`<token_anchor t_id/>`); empty elements with a
//!   `TAG_DESCRIPTOR` are chain descriptors, not mentions; under
//!   `<Relations>`, `<CROSS_DOC_COREF note="ACT…">` links its `<source m_id/>`
//!   mentions to a cross-document chain named by `note`.
//! - `ECBplus_coreference_sentences.csv` (`Topic,File,Sentence Number`): the
//!   sentences whose annotation is complete; evaluations use only these.
//!
//! An *event* mention is a markable whose tag starts with `ACTION_` or
//! `NEG_ACTION_`; an event chain is a cross-document chain with an event
//! mention among its sources.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};
use serde::Serialize;

use crate::error::EvalError;

/// File of annotated sentences, relative to the ECB+ root.
const ANNOTATED_CSV: &str = "ECBplus_coreference_sentences.csv";
/// Folder of topic folders, relative to the ECB+ root.
const DOCS_DIR: &str = "ECB+";
/// Tag prefixes of event mentions.
const EVENT_TAGS: [&str; 2] = ["ACTION_", "NEG_ACTION_"];
/// Words skipped when choosing the head word of an event mention.
const NON_HEAD_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "at", "up", "out", "off", "into", "over", "for", "with", "by", "from",
    "down", "away", "back", "be", "been", "being", "is", "was", "were", "are", "am", "has", "have", "had", "will",
    "would", "did", "do", "does", "not", "no", "n't", "'s", "get", "got",
];
/// Tokens written without a space before them.
const NO_SPACE_BEFORE: &[&str] = &[",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "''", "..."];
/// Tokens written without a space after them.
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "``", "#"];

/// One topic: documents on two seminal events of the same kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EcbTopic {
    /// The topic number as written (folder name).
    pub topic: String,
    /// Its documents, by file name.
    pub documents: Vec<EcbDocument>,
}

/// One document of a topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EcbDocument {
    /// File name without `.xml` (`1_10ecbplus`).
    pub name: String,
    /// Its sentences in order.
    pub sentences: Vec<EcbSentence>,
}

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EcbSentence {
    /// The sentence number of the XML (`sentence` attribute). In `ecbplus`
    /// files sentence 0 is the source URL.
    pub number: u32,
    /// The tokens joined with spaces, except before closing punctuation and
    /// clitics and after opening brackets.
    pub text: String,
    /// True when the sentence is listed in `ECBplus_coreference_sentences.csv`.
    pub annotated: bool,
    /// Cross-document event chains (their `note` ids) mentioned in the sentence.
    pub event_chains: BTreeSet<String>,
    /// Crudely stemmed, lower-cased head words of the event mentions of the sentence.
    pub trigger_lemmas: BTreeSet<String>,
}

/// A sentence of a topic: document name and sentence number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SentenceRef {
    /// Document name (`1_10ecbplus`).
    pub doc: String,
    /// Sentence number.
    pub sentence: u32,
}

/// Two annotated sentences of different documents of one topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentencePair {
    /// The sentence of the document that sorts first.
    pub a: SentenceRef,
    /// The other sentence.
    pub b: SentenceRef,
    /// Gold: both mention one cross-document event chain.
    pub gold: bool,
    /// Same-lemma baseline: both have an event mention with the same head lemma.
    pub same_lemma: bool,
}

/// Annotated sentences: document name (`1_10ecbplus`) → sentence numbers.
pub type Annotated = BTreeMap<String, BTreeSet<u32>>;

/// Reads `ECBplus_coreference_sentences.csv`.
pub fn read_ecb_annotated(path: impl AsRef<Path>) -> Result<Annotated, EvalError> {
    let path = path.as_ref();
    let mut out = Annotated::new();
    for (line, text) in super::text_lines(path)? {
        let f: Vec<&str> = text.split(',').map(str::trim).collect();
        if line == 1 || f.iter().all(|x| x.is_empty()) {
            continue;
        }
        let [topic, file, number] = f.as_slice() else {
            return Err(EvalError::row(path, line, format!("{} fields, expected 3 (Topic,File,Sentence Number)", f.len())));
        };
        let number: u32 =
            number.parse().map_err(|_| EvalError::row(path, line, format!("sentence number {number:?} is not a number")))?;
        out.entry(format!("{topic}_{file}")).or_default().insert(number);
    }
    Ok(out)
}

/// What one ECB+ XML file holds, before sentences are assembled.
#[derive(Default)]
struct RawDoc {
    /// (t_id, sentence, text) in file order.
    tokens: Vec<(u32, u32, String)>,
    /// m_id → (tag, token ids).
    markables: HashMap<String, (String, Vec<u32>)>,
    /// (chain id, source m_ids).
    chains: Vec<(String, Vec<String>)>,
}

/// Where the parser is.
enum Open {
    Nothing,
    Token(u32, u32, String),
    Markable(String, String, Vec<u32>),
    Chain(String, Vec<String>),
}

/// The raw value of attribute `name` (ECB+ attribute values hold no entities).
fn attr(path: &Path, e: &BytesStart, name: &str) -> Result<Option<String>, EvalError> {
    for a in e.attributes() {
        let a = a.map_err(|err| EvalError::xml(path, format!("bad attribute: {err}")))?;
        if a.key.as_ref() == name {
            return Ok(Some(a.value.into_owned()));
        }
    }
    Ok(None)
}

fn num_attr(path: &Path, e: &BytesStart, name: &str) -> Result<u32, EvalError> {
    let tag = e.name().as_ref().to_string();
    let v = attr(path, e, name)?.ok_or_else(|| EvalError::xml(path, format!("<{tag}> without {name}")))?;
    v.trim().parse().map_err(|_| EvalError::xml(path, format!("<{tag}> {name}={v:?} is not a number")))
}

/// The text of a predefined or numeric XML entity reference.
fn entity(name: &str) -> Option<String> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix('x') {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some(c.to_string())
}

fn parse_doc(path: &Path) -> Result<RawDoc, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut doc = RawDoc::default();
    let mut open = Open::Nothing;
    let mut section = String::new();
    loop {
        let pos = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| EvalError::xml(path, format!("at byte {pos}: {e}")))?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => open = start(path, &e, &mut section, open)?,
            Event::Empty(e) => empty(path, &e, &mut open)?,
            Event::Text(t) => {
                if let Open::Token(_, _, s) = &mut open {
                    s.push_str(&t);
                }
            }
            Event::GeneralRef(r) => {
                if let Open::Token(_, _, s) = &mut open {
                    let name: &str = &r;
                    s.push_str(&entity(name).unwrap_or_else(|| format!("&{name};")));
                }
            }
            Event::End(_) => finish(&mut doc, std::mem::replace(&mut open, Open::Nothing)),
            _ => {}
        }
    }
    Ok(doc)
}

fn start(path: &Path, e: &BytesStart, section: &mut String, open: Open) -> Result<Open, EvalError> {
    let name = e.name().as_ref().to_string();
    Ok(match name.as_str() {
        "token" => Open::Token(num_attr(path, e, "t_id")?, num_attr(path, e, "sentence")?, String::new()),
        "Markables" | "Relations" => {
            *section = name;
            open
        }
        "CROSS_DOC_COREF" if section == "Relations" => {
            Open::Chain(attr(path, e, "note")?.unwrap_or_default(), Vec::new())
        }
        _ if section == "Markables" => match attr(path, e, "m_id")? {
            Some(m) => Open::Markable(name, m, Vec::new()),
            None => open,
        },
        _ => open,
    })
}

fn empty(path: &Path, e: &BytesStart, open: &mut Open) -> Result<(), EvalError> {
    match (e.name().as_ref(), open) {
        ("token_anchor", Open::Markable(_, _, ts)) => ts.push(num_attr(path, e, "t_id")?),
        ("source", Open::Chain(_, ms)) => ms.extend(attr(path, e, "m_id")?),
        _ => {}
    }
    Ok(())
}

fn finish(doc: &mut RawDoc, open: Open) {
    match open {
        Open::Token(id, sentence, text) => doc.tokens.push((id, sentence, text)),
        Open::Markable(tag, m, ts) => {
            doc.markables.insert(m, (tag, ts));
        }
        Open::Chain(note, ms) => doc.chains.push((note, ms)),
        Open::Nothing => {}
    }
}

fn is_event(tag: &str) -> bool {
    EVENT_TAGS.iter().any(|p| tag.starts_with(p))
}

/// Joins tokens with spaces, except around punctuation and clitics.
fn join_tokens<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut glue_next = true;
    for t in tokens {
        if !glue_next && !NO_SPACE_BEFORE.contains(&t) {
            out.push(' ');
        }
        out.push_str(t);
        glue_next = NO_SPACE_AFTER.contains(&t);
    }
    out
}

/// A crude English stemmer for head words: lower-cases, strips `-ies/-ied`
/// (to `y`), `-ing`, `-ed`, `-s`/`-es`, undoubles a final consonant left by
/// `-ing`/`-ed` and drops a final `e`, so that fire/fired/fires/firing and
/// stop/stopped/stopping meet.
pub fn crude_stem(word: &str) -> String {
    let w = word.to_lowercase();
    let long_enough = |s: &str| s.chars().count() >= 2;
    let mut stem = w.clone();
    if let Some(s) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")).filter(|s| long_enough(s)) {
        stem = format!("{s}y");
    } else if let Some(s) = w.strip_suffix("ing").or_else(|| w.strip_suffix("ed")).filter(|s| long_enough(s)) {
        stem = undouble(s);
    } else if let Some(s) = w.strip_suffix('s').filter(|s| long_enough(s) && !s.ends_with('s')) {
        stem = s.strip_suffix('e').filter(|x| x.ends_with(['s', 'x', 'z']) || x.ends_with("ch") || x.ends_with("sh")).unwrap_or(s).to_string();
    }
    match stem.strip_suffix('e') {
        Some(s) if long_enough(s) => s.to_string(),
        _ => stem,
    }
}

fn undouble(s: &str) -> String {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && b[n - 1].is_ascii_alphabetic() && !b"aeiouslz".contains(&b[n - 1]) {
        s[..n - 1].to_string()
    } else {
        s.to_string()
    }
}

/// The head word of an event mention: its last token that has a letter
/// and is not a particle, auxiliary or article; else its last token.
fn head_word<'a>(words: &[&'a str]) -> Option<&'a str> {
    let content = |w: &&&str| w.chars().any(char::is_alphabetic) && !NON_HEAD_WORDS.contains(&w.to_lowercase().as_str());
    words.iter().rev().find(content).or(words.last()).copied()
}

/// Assembles sentences from a parsed document.
fn assemble(name: &str, raw: &RawDoc, annotated: Option<&BTreeSet<u32>>) -> EcbDocument {
    let token: HashMap<u32, (u32, &str)> = raw.tokens.iter().map(|(id, s, t)| (*id, (*s, t.as_str()))).collect();
    let mut sentences: BTreeMap<u32, EcbSentence> = BTreeMap::new();
    for (_, s, _) in &raw.tokens {
        sentences.entry(*s).or_insert_with(|| EcbSentence {
            number: *s,
            text: String::new(),
            annotated: annotated.is_some_and(|a| a.contains(s)),
            event_chains: BTreeSet::new(),
            trigger_lemmas: BTreeSet::new(),
        });
    }
    for (number, sentence) in sentences.iter_mut() {
        sentence.text = join_tokens(raw.tokens.iter().filter(|(_, s, _)| s == number).map(|(_, _, t)| t.as_str()));
    }
    let sentence_of = |ts: &[u32]| ts.first().and_then(|t| token.get(t)).map(|(s, _)| *s);
    for (_, ts) in raw.markables.values().filter(|(tag, _)| is_event(tag)) {
        let words: Vec<&str> = ts.iter().filter_map(|t| token.get(t)).map(|(_, w)| *w).collect();
        if let (Some(s), Some(head)) = (sentence_of(ts), head_word(&words)) {
            if let Some(sentence) = sentences.get_mut(&s) {
                sentence.trigger_lemmas.insert(crude_stem(head));
            }
        }
    }
    for (note, sources) in &raw.chains {
        let events: Vec<&(String, Vec<u32>)> =
            sources.iter().filter_map(|m| raw.markables.get(m)).filter(|(tag, _)| is_event(tag)).collect();
        for (_, ts) in events {
            if let Some(sentence) = sentence_of(ts).and_then(|s| sentences.get_mut(&s)) {
                sentence.event_chains.insert(note.clone());
            }
        }
    }
    EcbDocument { name: name.to_string(), sentences: sentences.into_values().collect() }
}

/// Reads one ECB+ XML document; `annotated` lists its annotated sentence numbers.
pub fn read_ecb_document(path: impl AsRef<Path>, annotated: Option<&BTreeSet<u32>>) -> Result<EcbDocument, EvalError> {
    let path = path.as_ref();
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(assemble(&name, &parse_doc(path)?, annotated))
}

fn xml_files(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))? {
        let p = entry.map_err(|e| EvalError::io(dir, e))?.path();
        if p.is_file() && p.extension().is_some_and(|x| x == "xml") {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

fn read_topic_with(root: &Path, topic: &str, annotated: &Annotated) -> Result<EcbTopic, EvalError> {
    let documents = xml_files(&root.join(DOCS_DIR).join(topic))?
        .iter()
        .map(|p| {
            let name = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            read_ecb_document(p, annotated.get(&name))
        })
        .collect::<Result<_, _>>()?;
    Ok(EcbTopic { topic: topic.to_string(), documents })
}

/// Reads one topic (`"1"` … `"45"`) of the ECB+ corpus at `root`
/// (the folder holding `ECB+/` and `ECBplus_coreference_sentences.csv`).
pub fn read_ecb_topic(root: impl AsRef<Path>, topic: &str) -> Result<EcbTopic, EvalError> {
    let root = root.as_ref();
    read_topic_with(root, topic, &read_ecb_annotated(root.join(ANNOTATED_CSV))?)
}

/// Reads every topic of the ECB+ corpus at `root`, in numeric order.
pub fn read_ecb(root: impl AsRef<Path>) -> Result<Vec<EcbTopic>, EvalError> {
    let root = root.as_ref();
    let annotated = read_ecb_annotated(root.join(ANNOTATED_CSV))?;
    let dir = root.join(DOCS_DIR);
    let mut topics = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| EvalError::io(&dir, e))? {
        let p = entry.map_err(|e| EvalError::io(&dir, e))?.path();
        if p.is_dir() {
            topics.push(p.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
        }
    }
    topics.sort_by_key(|t| (t.parse::<u32>().unwrap_or(u32::MAX), t.clone()));
    topics.iter().map(|t| read_topic_with(root, t, &annotated)).collect()
}

/// All pairs of annotated sentences of different documents of `topic`, with
/// the gold (a shared cross-document event chain) and the same-lemma
/// baseline's prediction (a shared event head lemma).
pub fn ecb_pairs(topic: &EcbTopic) -> Vec<SentencePair> {
    let annotated: Vec<(&str, &EcbSentence)> = topic
        .documents
        .iter()
        .flat_map(|d| d.sentences.iter().filter(|s| s.annotated).map(move |s| (d.name.as_str(), s)))
        .collect();
    let mut out = Vec::new();
    for (i, (da, sa)) in annotated.iter().enumerate() {
        for (db, sb) in annotated[i + 1..].iter().filter(|(db, _)| db != da) {
            out.push(SentencePair {
                a: SentenceRef { doc: da.to_string(), sentence: sa.number },
                b: SentenceRef { doc: db.to_string(), sentence: sb.number },
                gold: !sa.event_chains.is_disjoint(&sb.event_chains),
                same_lemma: !sa.trigger_lemmas.is_disjoint(&sb.trigger_lemmas),
            });
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        for group in [["fire", "fired", "fires"], ["stop", "stopped", "stopping"], ["kill", "killed", "kills"]] {
            let s: BTreeSet<String> = group.iter().map(|w| crude_stem(w)).collect();
            assert_eq!(s.len(), 1, "{group:?} → {s:?}");
        }
        assert_eq!(crude_stem("Injuries"), crude_stem("injury"));
        assert_eq!(crude_stem("passes"), "pass");
    }

    #[test]
    fn tokens_join_sensibly() {
        assert_eq!(join_tokens(["He", "said", ",", "\"", "no", "\"", "(", "twice", ")", "."]), "He said, \" no \" (twice).");
        assert_eq!(join_tokens(["It", "is", "n't", "Lohan", "'s", "car"]), "It isn't Lohan's car");
    }

    #[test]
    fn heads_skip_particles() {
        assert_eq!(head_word(&["checks", "into"]), Some("checks"));
        assert_eq!(head_word(&["drunk", "driving"]), Some("driving"));
        assert_eq!(head_word(&["was"]), Some("was"));
    }

    #[test]
    fn parses_a_small_document() {
        let xml = r#"<Document doc_name="9_1ecb.xml">
<token t_id="1" sentence="0" number="0">Fire</token>
<token t_id="2" sentence="0" number="1">kills</token>
<token t_id="3" sentence="0" number="2">A&amp;B</token>
<token t_id="4" sentence="1" number="0">Firing</token>
<Markables>
<ACTION_OCCURRENCE m_id="5"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="6"><token_anchor t_id="4"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="7"><token_anchor t_id="3"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="t9_kill" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="5"/><target m_id="9"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="HUM1"><source m_id="7"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>"#;
        let p = std::env::temp_dir().join(format!("crosscheck-eval-ecb-{}.xml", std::process::id()));
        std::fs::write(&p, xml).ok();
        let annotated: BTreeSet<u32> = [0].into();
        let d = read_ecb_document(&p, Some(&annotated)).expect("parses");
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.sentences[0].text, "Fire kills A&B");
        assert!(d.sentences[0].annotated && !d.sentences[1].annotated);
        assert_eq!(d.sentences[0].event_chains, ["ACT1".to_string()].into());
        assert_eq!(d.sentences[0].trigger_lemmas, ["kill".to_string()].into());
        assert_eq!(d.sentences[1].trigger_lemmas, ["fir".to_string()].into());
        std::fs::write(&p, "<Document><token t_id=\"x\" sentence=\"0\">a</token></Document>").ok();
        let err = read_ecb_document(&p, None).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("t_id=\"x\" is not a number"), "{err}");
    }
}
