//! Per-claim preparation: folding, tokenising, stemming and everything else
//! the pair features need, computed once per claim.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crosscheck_core::{Claim, Quantity};
use rust_stemmers::{Algorithm, Stemmer};

use crate::error::MatchError;

const STOPWORDS: &str = include_str!("../data/stopwords.txt");
const HEDGES: &str = include_str!("../data/hedges.txt");
const EMBEDDED_IDF: &str = include_str!("../model/idf.tsv");

pub(crate) use crosscheck_normalize::Fnv;

/// Hash sets and maps keyed by words.
type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// A word list kept as data: one word a line, `#` starts a comment line.
fn word_list(text: &str) -> WordSet {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

use crosscheck_normalize::negation;

/// The word lists, hashed (looked up for every token of every claim).
struct Lexicon {
    stop: WordSet,
    negations: WordSet,
    hedges: WordSet,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon {
        stop: word_list(STOPWORDS),
        // Negators and denial verbs, the shared lists of crosscheck-normalize.
        negations: negation::NEGATORS.iter().chain(negation::DENIALS).map(|w| w.to_string()).collect(),
        hedges: word_list(HEDGES),
    })
}

/// True when `word` (folded) is on the stopword list.
pub fn is_stopword(word: &str) -> bool {
    lexicon().stop.contains(word)
}

/// Inverse document frequencies of stems, from a document-frequency table.
///
/// The table shipped with the crate (`model/idf.tsv`) is built by the
/// training example from the MRPC training sentences and the STS Benchmark
/// training sentences (≈ 20 000 news, caption and forum sentences), keeping
/// stems seen in at least two sentences. A stem missing from the table gets
/// the IDF of a stem seen once. Using a fixed general table (rather than the
/// story's own claims) keeps scores independent of story size and makes a
/// pair's score the same in `pairs` and in `check`.
#[derive(Debug, Clone, PartialEq)]
pub struct IdfTable {
    docs: f64,
    df: HashMap<String, u32>,
}

impl IdfTable {
    /// A table from a document count and stem → document frequency.
    pub fn new(docs: usize, df: HashMap<String, u32>) -> IdfTable {
        IdfTable { docs: docs.max(1) as f64, df }
    }

    /// Count, for every stem, the documents (token lists) containing it.
    pub fn from_documents<'a>(docs: impl IntoIterator<Item = &'a str>) -> IdfTable {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut n = 0usize;
        for doc in docs {
            n += 1;
            let stems: BTreeSet<String> = analyse_text(doc).stems.into_iter().collect();
            for s in stems {
                *df.entry(s).or_insert(0) += 1;
            }
        }
        IdfTable::new(n, df)
    }

    /// Parse the TSV form written by [`IdfTable::to_tsv`].
    pub fn from_tsv(text: &str) -> Result<IdfTable, MatchError> {
        let mut docs = None;
        let mut df = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let bad = |msg: &str| MatchError::Idf { line: i + 1, message: msg.to_string() };
            if let Some(rest) = line.strip_prefix("#docs\t") {
                docs = Some(rest.trim().parse::<usize>().map_err(|_| bad("bad document count"))?);
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (stem, count) = line.split_once('\t').ok_or_else(|| bad("expected STEM<TAB>DF"))?;
            df.insert(stem.to_string(), count.trim().parse::<u32>().map_err(|_| bad("bad frequency"))?);
        }
        let docs = docs.ok_or(MatchError::Idf { line: 1, message: "missing #docs line".into() })?;
        Ok(IdfTable::new(docs, df))
    }

    /// The TSV form: a `#docs\tN` line, then `stem\tdf` lines sorted by stem,
    /// keeping only stems with a frequency of at least `min_df`.
    pub fn to_tsv(&self, min_df: u32) -> String {
        let mut rows: Vec<(&String, &u32)> = self.df.iter().filter(|(_, &c)| c >= min_df).collect();
        rows.sort();
        let mut out = format!("# stem document frequencies; see crosscheck-match prepare.rs\n#docs\t{}\n", self.docs);
        for (s, c) in rows {
            out.push_str(&format!("{s}\t{c}\n"));
        }
        out
    }

    /// Smoothed inverse document frequency: `ln((N + 1) / (df + 0.5))`;
    /// unknown stems count as seen once.
    pub fn idf(&self, stem: &str) -> f64 {
        let df = self.df.get(stem).copied().unwrap_or(1) as f64;
        ((self.docs + 1.0) / (df + 0.5)).ln().max(0.0)
    }

    /// The table compiled into the crate (`model/idf.tsv`). An unreadable
    /// table degrades to an empty one (every stem equally rare).
    pub fn embedded() -> &'static IdfTable {
        static TABLE: OnceLock<IdfTable> = OnceLock::new();
        TABLE.get_or_init(|| IdfTable::from_tsv(EMBEDDED_IDF).unwrap_or_else(|_| IdfTable::new(1, HashMap::new())))
    }
}

/// Everything the matcher needs from one claim, computed once.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The claim's text as given.
    pub text: String,
    /// Folded tokens joined by single spaces (accents removed, lower case,
    /// punctuation dropped, clitics normalised).
    pub folded: String,
    /// Folded tokens in order.
    pub tokens: Vec<String>,
    /// Snowball English stems, aligned with `tokens`.
    pub stems: Vec<String>,
    /// Stems of content words (no stopwords, no negations) in order.
    pub content: Vec<String>,
    /// Numbers written with digits, canonicalised ("1,000.50" → "1000.5").
    pub numbers: BTreeSet<String>,
    /// Canonical entity keys from the claim's entities.
    pub entity_keys: BTreeSet<String>,
    /// Capitalised non-initial words (folded): an entity proxy used when
    /// the claim carries no entities.
    pub capitalised: BTreeSet<String>,
    /// Folded role-key words of each entity that has a role, by entity key
    /// (`u.s.|envoy` and `us envoy` both give `{us, envoy}`).
    pub roles: BTreeMap<String, BTreeSet<String>>,
    /// The claim's quantities.
    pub quantities: Vec<Quantity>,
    /// Negated, by the claim's flag or by a negation word in the text.
    pub negated: bool,
    /// Hedged, by the claim's flag or by a hedge word in the text.
    pub hedged: bool,
    /// The attributed speaker's canonical key.
    pub speaker: Option<String>,
    /// What the pair features read, as sorted slices (see [`PairIndex`]).
    pub(crate) index: PairIndex,
}

impl Prepared {
    /// Each distinct content stem with its IDF weight, in stem order.
    pub fn content_idf(&self) -> impl Iterator<Item = (&str, f64)> + '_ {
        self.index.stems.iter().filter(|e| e.content).map(|e| (self.stems[e.first as usize].as_str(), e.idf))
    }

    /// The L2-normalised TF-IDF vector over all distinct stems (stopwords
    /// included), in stem order.
    pub fn tfidf(&self) -> impl Iterator<Item = (&str, f64)> + '_ {
        self.index.stems.iter().map(|e| (self.stems[e.first as usize].as_str(), e.tfidf))
    }
}

/// The per-claim part of the pair features, computed once in [`prepare`]
/// so that [`features`](crate::features()) allocates nothing and builds
/// no maps per pair: distinct tokens and stems as index lists sorted by
/// their text (merged in linear time), character bigrams and trigrams as
/// sorted integer lists, IDF and TF-IDF weights beside the stems.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct PairIndex {
    /// `folded` is pure ASCII, so bytes are characters (the fast paths).
    pub(crate) ascii: bool,
    /// Characters of `folded`.
    pub(crate) chars: usize,
    /// Bytes of `folded` that are not whitespace (`strsim::sorensen_dice`
    /// compares byte lengths of the whitespace-free text).
    pub(crate) stripped_len: usize,
    /// Character bigrams of the whitespace-free `folded`, packed
    /// `c1 << 7 | c2`, sorted, repeats kept (a multiset). Empty unless ASCII.
    pub(crate) bigrams: Box<[u16]>,
    /// Distinct character trigrams of `folded` (sorted).
    pub(crate) trigrams: Trigrams,
    /// Position of the first occurrence of each distinct token, sorted by token.
    pub(crate) tokens: Box<[u32]>,
    /// Each distinct stem, sorted by stem.
    pub(crate) stems: Box<[StemEntry]>,
    /// For each position: the index of its stem in `stems`.
    pub(crate) stem_rank: Box<[u32]>,
    /// For each position: the token is a stopword.
    pub(crate) stop: Box<[bool]>,
    /// Number of distinct content stems.
    pub(crate) content_count: usize,
    /// Sum of the content stems' IDF, added in stem order.
    pub(crate) content_idf_sum: f64,
}

/// One distinct stem of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct StemEntry {
    /// Position of its first occurrence in `stems`.
    pub(crate) first: u32,
    /// A content word has this stem.
    pub(crate) content: bool,
    /// IDF weight (meaningful for content stems).
    pub(crate) idf: f64,
    /// Weight in the L2-normalised TF-IDF vector.
    pub(crate) tfidf: f64,
    /// Characters of the stem as a set of bits (`byte & 63`; see
    /// [`char_mask`]), to bound Jaro-Winkler between stems cheaply.
    pub(crate) mask: u64,
    /// The first four bytes packed, when the stem is ASCII and at least
    /// four long (two stems with equal heads share a 4-character prefix).
    pub(crate) head: Option<u32>,
    /// Length in bytes.
    pub(crate) len: u32,
    /// The stem is ASCII.
    pub(crate) ascii: bool,
}

/// The bit set of an ASCII string's bytes (`1 << (byte & 63)`); a
/// superset of the characters two strings can have in common.
pub(crate) fn char_mask(s: &[u8]) -> u64 {
    s.iter().fold(0u64, |m, &c| m | 1u64 << (c & 63))
}

/// Distinct character trigrams, sorted.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Trigrams {
    /// ASCII text: each trigram packed exactly, `c1 << 14 | c2 << 7 | c3`
    /// (FNV-1a is injective on ASCII trigrams, so the counts equal those of
    /// the hashed form; checked by a test).
    Ascii(Box<[u32]>),
    /// Other text: FNV-1a hashes of the trigrams.
    Hashed(Box<[u64]>),
}

impl Default for Trigrams {
    fn default() -> Self {
        Trigrams::Ascii(Box::default())
    }
}

/// FNV-1a of one character trigram (the definition of the shingles).
pub(crate) fn trigram_hash(w: [u32; 3]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in w {
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Builds the [`PairIndex`] of an analysed claim.
fn pair_index(folded: &str, tokens: &[String], stems: &[String], content: &[String], idf: &IdfTable) -> PairIndex {
    let ascii = folded.is_ascii();
    let stripped: Vec<u8> = folded.bytes().filter(|b| !char::from(*b).is_whitespace()).collect();
    let stripped_len = if ascii { stripped.len() } else { folded.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum() };
    let mut bigrams: Vec<u16> = Vec::new();
    let trigrams = if ascii {
        bigrams = stripped.windows(2).map(|w| u16::from(w[0]) << 7 | u16::from(w[1])).collect();
        bigrams.sort_unstable();
        let b = folded.as_bytes();
        let mut t: Vec<u32> = b.windows(3).map(|w| u32::from(w[0]) << 14 | u32::from(w[1]) << 7 | u32::from(w[2])).collect();
        t.sort_unstable();
        t.dedup();
        Trigrams::Ascii(t.into_boxed_slice())
    } else {
        let chars: Vec<u32> = folded.chars().map(u32::from).collect();
        let mut t: Vec<u64> = chars.windows(3).map(|w| trigram_hash([w[0], w[1], w[2]])).collect();
        t.sort_unstable();
        t.dedup();
        Trigrams::Hashed(t.into_boxed_slice())
    };
    let (tokens_sorted, _) = distinct_sorted(tokens);
    let (stem_sorted, stem_rank) = distinct_sorted(stems);
    let mut entries: Vec<StemEntry> =
        stem_sorted.iter().map(|&first| StemEntry { first, ..StemEntry::default() }).collect();
    // Content stems: the stems of content words, a subset of all stems.
    let mut content_sorted: Vec<&String> = content.iter().collect();
    content_sorted.sort_unstable();
    content_sorted.dedup();
    let mut ci = 0;
    for e in entries.iter_mut() {
        let s = &stems[e.first as usize];
        while ci < content_sorted.len() && content_sorted[ci] < s {
            ci += 1;
        }
        e.mask = char_mask(s.as_bytes());
        e.len = s.len() as u32;
        e.ascii = s.is_ascii();
        e.head = match s.as_bytes() {
            [a, b, c, d, ..] if e.ascii => Some(u32::from_le_bytes([*a, *b, *c, *d])),
            _ => None,
        };
        if content_sorted.get(ci) == Some(&s) {
            e.content = true;
            e.idf = idf.idf(s);
        }
    }
    // TF-IDF exactly as a BTreeMap in stem order would: counts, times IDF,
    // divided by the norm summed in stem order.
    let mut counts = vec![0.0f64; entries.len()];
    for &r in &stem_rank {
        counts[r as usize] += 1.0;
    }
    for (e, c) in entries.iter_mut().zip(&counts) {
        e.tfidf = c * idf.idf(&stems[e.first as usize]);
    }
    let norm = entries.iter().map(|e| e.tfidf * e.tfidf).sum::<f64>().sqrt();
    if norm > 0.0 {
        entries.iter_mut().for_each(|e| e.tfidf /= norm);
    }
    let content_idf_sum: f64 = entries.iter().filter(|e| e.content).map(|e| e.idf).sum();
    PairIndex {
        ascii,
        chars: if ascii { folded.len() } else { folded.chars().count() },
        stripped_len,
        bigrams: bigrams.into_boxed_slice(),
        trigrams,
        tokens: tokens_sorted.into_boxed_slice(),
        content_count: entries.iter().filter(|e| e.content).count(),
        content_idf_sum,
        stems: entries.into_boxed_slice(),
        stem_rank: stem_rank.into_boxed_slice(),
        stop: tokens.iter().map(|t| is_stopword(t)).collect(),
    }
}

/// Position of the first occurrence of each distinct string, sorted by
/// string, and for each position the index of its string in that list.
fn distinct_sorted(items: &[String]) -> (Vec<u32>, Vec<u32>) {
    let mut idx: Vec<u32> = (0..items.len() as u32).collect();
    idx.sort_by(|&x, &y| items[x as usize].cmp(&items[y as usize]).then(x.cmp(&y)));
    let mut firsts: Vec<u32> = Vec::new();
    let mut rank = vec![0u32; items.len()];
    for (k, &i) in idx.iter().enumerate() {
        if k == 0 || items[i as usize] != items[idx[k - 1] as usize] {
            firsts.push(i);
        }
        rank[i as usize] = firsts.len() as u32 - 1;
    }
    (firsts, rank)
}

/// Prepare a claim with the IDF table compiled into the crate.
pub fn prepare(claim: &Claim) -> Prepared {
    prepare_with(claim, IdfTable::embedded())
}

/// Prepare a claim with an explicit IDF table (used while training).
pub fn prepare_with(claim: &Claim, idf: &IdfTable) -> Prepared {
    let a = analyse_text(claim.matching_text());
    let lex = lexicon();
    let folded = a.tokens.join(" ");
    let index = pair_index(&folded, &a.tokens, &a.stems, &a.content, idf);
    let negated = claim.negated || a.tokens.iter().any(|t| lex.negations.contains(t));
    let hedged = claim.hedged || a.tokens.iter().any(|t| lex.hedges.contains(t));
    Prepared {
        text: claim.matching_text().to_string(),
        index,
        folded,
        numbers: a.numbers,
        capitalised: a.capitalised,
        entity_keys: claim.entities.iter().map(|e| e.key.clone()).filter(|k| !k.is_empty()).collect(),
        roles: claim
            .entities
            .iter()
            .filter_map(|e| e.role.as_ref().map(|r| (e.key.clone(), fold_tokens(&r.key).into_iter().collect())))
            .collect(),
        quantities: claim.quantities.clone(),
        negated,
        hedged,
        speaker: claim.attribution.as_ref().map(|a| a.speaker_key.clone()).filter(|k| !k.is_empty()),
        tokens: a.tokens,
        stems: a.stems,
        content: a.content,
    }
}

/// The text-only part of preparation.
struct Analysis {
    tokens: Vec<String>,
    stems: Vec<String>,
    content: Vec<String>,
    numbers: BTreeSet<String>,
    capitalised: BTreeSet<String>,
}

/// Most-recent stems per thread, by word: stories repeat their words, and
/// Snowball was a third of preparation. Cleared when it grows past
/// [`STEM_CACHE_WORDS`] words (a few MiB).
const STEM_CACHE_WORDS: usize = 200_000;

/// The Snowball stem of `word`, from this thread's cache when known.
fn cached_stem(stemmer: &Stemmer, word: &str) -> String {
    thread_local! {
        static CACHE: RefCell<HashMap<Box<str>, Box<str>, BuildHasherDefault<Fnv>>> = RefCell::new(HashMap::default());
    }
    CACHE.with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else { return stemmer.stem(word).into_owned() };
        if let Some(s) = cache.get(word) {
            return s.to_string();
        }
        let stem = stemmer.stem(word).into_owned();
        if cache.len() >= STEM_CACHE_WORDS {
            cache.clear();
        }
        cache.insert(word.into(), stem.as_str().into());
        stem
    })
}

/// Weekday and month names (not "march" and "may", which are also common
/// words): dates, which the quantity rules compare, not topic words.
const CALENDAR_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "april", "june", "july", "august", "september", "october", "november", "december",
];

/// True when `word`, folded, or stemmed, is a [`CALENDAR_WORDS`] word.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    static STEMS: OnceLock<WordSet> = OnceLock::new();
    STEMS
        .get_or_init(|| {
            let stemmer = Stemmer::create(Algorithm::English);
            CALENDAR_WORDS.iter().flat_map(|w| [w.to_string(), stemmer.stem(w).into_owned()]).collect()
        })
        .contains(word)
}

fn analyse_text(text: &str) -> Analysis {
    let toks = tokenize(text);
    let stemmer = Stemmer::create(Algorithm::English);
    let lex = lexicon();
    let mut out = Analysis {
        tokens: Vec::with_capacity(toks.len()),
        stems: Vec::with_capacity(toks.len()),
        content: Vec::new(),
        numbers: BTreeSet::new(),
        capitalised: BTreeSet::new(),
    };
    for (i, t) in toks.into_iter().enumerate() {
        let stem = if t.numeric { t.text.clone() } else { cached_stem(&stemmer, &t.text) };
        if t.numeric {
            out.numbers.insert(t.text.clone());
        }
        if t.capital && i > 0 && !lex.stop.contains(&t.text) {
            out.capitalised.insert(t.text.clone());
        }
        if !lex.stop.contains(&t.text) && !lex.negations.contains(&t.text) {
            out.content.push(stem.clone());
        }
        out.tokens.push(t.text);
        out.stems.push(stem);
    }
    out
}

/// A folded token.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    text: String,
    capital: bool,
    numeric: bool,
}

/// Fold one character: accents removed from Latin letters, typographic
/// quotes and dashes mapped to ASCII.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => "I",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'š' | 'ś' | 'ş' => "s",
        'Š' | 'Ś' | 'Ş' => "S",
        'ž' | 'ź' | 'ż' => "z",
        'Ž' | 'Ź' | 'Ż' => "Z",
        'ł' => "l",
        'Ł' => "L",
        'ß' => "ss",
        'ř' => "r",
        'Ř' => "R",
        'ğ' => "g",
        'Ğ' => "G",
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{00A0}' | '\u{2009}' | '\u{202F}' => " ",
        _ => return None,
    })
}

/// Fold a text: accents off Latin letters, typographic punctuation to ASCII.
/// Case is kept (the capitalised-word proxy needs it).
pub fn fold_text(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match fold_char(c) {
            Some(f) => s.push_str(f),
            None => s.push(c),
        }
    }
    s
}

/// English clitics that follow an apostrophe and carry no content.
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Split folded text into lower-case word and number tokens.
///
/// Works the same on raw text and on MRPC's pre-tokenised text:
/// `Dominick 's` and `Dominick's` both give `dominick`; `does n't` and
/// `doesn't` both give `does not`; `U.S.` gives `us`; `1,000` gives `1000`;
/// `%` becomes the word `percent`.
fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = fold_text(text).chars().collect();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let (tok, next) = scan_word(&chars, i);
            out.push(tok);
            i = next;
        } else if c == '\'' {
            i = scan_clitic(&chars, i, &mut out);
        } else {
            if c == '%' {
                out.push(Token { text: "percent".into(), capital: false, numeric: false });
            }
            i += 1;
        }
    }
    out.retain(|t| !t.text.is_empty());
    out
}

/// Scan a word or number starting at `i`; return it and the next index.
fn scan_word(chars: &[char], start: usize) -> (Token, usize) {
    let numeric = chars[start].is_ascii_digit();
    let mut text = String::new();
    let mut i = start;
    while i < chars.len() {
        let c = chars[i];
        let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() {
            text.extend(c.to_lowercase());
        } else if numeric && (c == '.' || c == ',') && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()) {
            if c == '.' {
                text.push('.');
            }
        } else if !numeric && c == '.' && next_alnum && i > start && chars[i - 1].is_alphabetic() {
            // dotted abbreviation: U.S. → us
        } else {
            break;
        }
        i += 1;
    }
    let numeric = numeric && text.chars().all(|c| c.is_ascii_digit() || c == '.');
    if numeric {
        text = canonical_number(&text);
    }
    (Token { text, capital: chars[start].is_uppercase(), numeric }, i)
}

/// Handle an apostrophe at `i`: drop clitics, turn `n't` into `not`, skip
/// quote marks. Returns the next index.
fn scan_clitic(chars: &[char], i: usize, out: &mut Vec<Token>) -> usize {
    let mut j = i + 1;
    let mut word = String::new();
    while j < chars.len() && chars[j].is_alphabetic() {
        word.extend(chars[j].to_lowercase());
        j += 1;
    }
    if word == "t" {
        if let Some(prev) = out.last_mut() {
            if prev.text.ends_with('n') {
                prev.text.pop();
                out.push(Token { text: "not".into(), capital: false, numeric: false });
                return j;
            }
        }
    }
    if CLITICS.contains(&word.as_str()) {
        return j;
    }
    i + 1
}

/// "1000.50" → "1000.5", "007" → "7", "3.0" → "3".
fn canonical_number(s: &str) -> String {
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a, b.trim_end_matches('0')),
        None => (s, ""),
    };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// Folded, tokenised form of a text (what [`Prepared::folded`] holds).
pub fn fold_tokens(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_and_mrpc_tokenisation_agree() {
        assert_eq!(fold_tokens("Dominick's doesn't own U.S. assets"), fold_tokens("Dominick 's does n't own U.S. assets"));
        assert_eq!(fold_tokens("It can't be"), vec!["it", "ca", "not", "be"]);
        assert_eq!(fold_tokens("$ 2,500.50 , or 5%"), vec!["2500.5", "or", "5", "percent"]);
        assert_eq!(fold_tokens("“Café” — naïve"), vec!["cafe", "naive"]);
        assert_eq!(fold_tokens("\" the witness \" ,"), vec!["the", "witness"]);
    }

    #[test]
    fn idf_round_trips_through_tsv() {
        let t = IdfTable::from_documents(["the cat sat", "the dog sat", "the end"]);
        let back = IdfTable::from_tsv(&t.to_tsv(1)).map_err(|e| e.to_string());
        assert_eq!(back.as_ref().map(|b| b.idf("cat")), Ok(t.idf("cat")));
        assert!(t.idf("the") < t.idf("cat"));
    }
}
