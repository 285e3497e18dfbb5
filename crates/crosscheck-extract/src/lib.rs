//! Claim extraction: from a cleaned, segmented article to atomic claims with
//! exact spans, attribution, entities and quantities.
//!
//! The extractor walks the claim-bearing blocks of a
//! [`crosscheck_text::Document`] (headline, subheadings, body) in reading
//! order. Each body sentence is cut into *units* at clause boundaries
//! ([`units`]); each unit becomes a [`Claim`] whose span is exactly the bytes
//! that carry it. For every claim it then finds:
//!
//! - **attribution** ([`attribution`]): the speaker next to a speech verb or
//!   "according to", relaying sources ("TASS quoted X"), and — when the unit
//!   has no cue of its own — the speaker of its sentence, of the quotation it
//!   continues, or of the previous quotation in the paragraph. Pronouns and
//!   role phrases ("the Kremlin spokesperson") resolve to the person the
//!   article last named with them.
//! - **entities** ([`entities`]): capitalised names split from their titles,
//!   typed, with canonical keys from the normaliser so that spelling variants
//!   meet.
//! - **quantities**: numbers, durations, dates, money and percentages with
//!   interval values, from the normaliser's scanner, dates resolved against
//!   the article's publication date.
//!
//! Questions, furniture, credits and datelines yield no claims.
//!
//! **Invariant:** for plain-text articles, every claim's `text` equals the
//! original file's bytes at its `span`.

pub mod attribution;
pub mod entities;
pub mod lexicon;
pub mod units;
pub mod words;

use std::ops::Range;

use chrono::NaiveDate;
use crosscheck_core::{
    ArticleId, Attribution, AttributionMode, Claim, ClaimId, ClaimKind, Diagnostic, Entity, EntityKind, Quantity,
};
mod norm_shim;
use norm_shim::{entity_key, find_quantities, parse_role, DateContext};
use crosscheck_text::{BlockKind, Document};

use entities::{Mention, People};

/// Limits for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Most claims kept per article; the rest are dropped with a diagnostic
    /// naming this limit (`--max-claims`).
    pub max_claims_per_article: usize,
}

/// Default for [`ExtractOptions::max_claims_per_article`].
pub const DEFAULT_MAX_CLAIMS: usize = 5_000;

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { max_claims_per_article: DEFAULT_MAX_CLAIMS }
    }
}

/// Fewest words a claim must have.
const MIN_CLAIM_WORDS: usize = 3;

/// A speaker resolved to a canonical key.
#[derive(Debug, Clone)]
struct Speaker {
    text: String,
    key: String,
}

/// Running state while reading one article.
struct Reader<'a> {
    doc: &'a Document,
    people: People,
    /// Title word (e.g. "president") → (role text, full name) of the last person with it.
    roles: Vec<(String, String)>,
    last_speaker: Option<Speaker>,
    claims: Vec<Claim>,
}

/// Extracts the claims of one document. Duplicated articles yield none.
pub fn extract(doc: &Document, opts: &ExtractOptions) -> (Vec<Claim>, Vec<Diagnostic>) {
    if doc.article.duplicate_of.is_some() {
        return (Vec::new(), Vec::new());
    }
    let mut reader = Reader { doc, people: People::default(), roles: Vec::new(), last_speaker: None, claims: Vec::new() };
    reader.learn_people();
    for (paragraph, block) in doc.blocks.iter().enumerate().filter(|(_, b)| b.kind.has_claims()) {
        reader.read_block(paragraph, block);
    }
    let mut diagnostics = Vec::new();
    if reader.claims.len() > opts.max_claims_per_article {
        diagnostics.push(Diagnostic::warning(
            doc.article.path.clone(),
            format!(
                "{} claims found, only the first {} kept; raise the limit with --max-claims",
                reader.claims.len(),
                opts.max_claims_per_article
            ),
        ));
        reader.claims.truncate(opts.max_claims_per_article);
    }
    (reader.claims, diagnostics)
}

/// Analyses one free-standing sentence as a body claim of a pseudo-article
/// `s` whose span covers the whole text (used to train and run the matcher
/// on sentence pairs).
pub fn analyse_sentence(text: &str) -> Claim {
    let article = ArticleId("s".to_string());
    let people = People::default();
    let mentions = entities::mentions(text, &people);
    let (quotes, _) = attribution::quoted_ranges(text, false);
    let found = attribution::find(text, &quotes);
    let attribution = found.filter(|f| !f.pronoun).map(|f| Attribution {
        speaker_key: entity_key(&f.speaker),
        speaker: f.speaker,
        speaker_span: None,
        cue: f.cue,
        via: f.via,
        mode: mode_of(text, &quotes),
    });
    Claim {
        id: ClaimId::new(&article, 1),
        article,
        span: crosscheck_core::Span { start: 0, end: text.len() },
        text: text.to_string(),
        kind: ClaimKind::Body,
        mode: attribution.as_ref().map_or(AttributionMode::OutletStatement, |a| a.mode),
        attribution,
        entities: mentions.iter().map(|m| entity(m, |r| crosscheck_core::Span { start: r.start, end: r.end }, &people)).collect(),
        quantities: quantities(text, None, |r| crosscheck_core::Span { start: r.start, end: r.end }),
        negated: has_any(text, lexicon::NEGATIONS),
        hedged: has_any(text, lexicon::HEDGES),
        paragraph: 0,
    }
}

fn has_any(text: &str, list: &[&str]) -> bool {
    let lower = text.to_lowercase();
    lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')).any(|w| list.contains(&w))
        || (list.contains(&"n't") && lower.contains("n't"))
}

/// Direct quote when most of the text stands inside quotation marks.
fn mode_of(text: &str, quotes: &[Range<usize>]) -> AttributionMode {
    let quoted: usize = quotes.iter().map(|q| q.len()).sum();
    if quoted * 2 >= text.len() {
        AttributionMode::DirectQuote
    } else {
        AttributionMode::ReportedSpeech
    }
}

fn entity(m: &Mention, span: impl Fn(Range<usize>) -> crosscheck_core::Span, people: &People) -> Entity {
    let full = if m.kind == EntityKind::Person || m.kind == EntityKind::Other {
        people.full_name(&m.name).unwrap_or(&m.name).to_string()
    } else {
        m.name.clone()
    };
    let kind = if m.kind == EntityKind::Other && full != m.name { EntityKind::Person } else { m.kind };
    Entity {
        text: m.name.clone(),
        span: span(m.range.clone()),
        kind,
        key: entity_key(&full),
        role: m.role.as_deref().and_then(parse_role),
    }
}

fn quantities(text: &str, published: Option<NaiveDate>, span: impl Fn(Range<usize>) -> crosscheck_core::Span) -> Vec<Quantity> {
    let ctx = DateContext { published };
    find_quantities(text, &ctx)
        .into_iter()
        .map(|f| Quantity {
            text: text[f.range.clone()].to_string(),
            span: span(f.range),
            kind: f.kind,
            value: f.value,
            unit: f.unit,
            date: f.date,
        })
        .collect()
}

impl Reader<'_> {
    fn learn_people(&mut self) {
        for block in self.doc.blocks.iter().filter(|b| b.kind.has_claims()) {
            for s in &block.sentences {
                let found = entities::mentions(&self.doc.text[s.clone()], &self.people);
                self.people.learn(&found);
            }
        }
    }

    fn read_block(&mut self, paragraph: usize, block: &crosscheck_text::Block) {
        let kind = match block.kind {
            BlockKind::Headline => ClaimKind::Headline,
            BlockKind::Subheading => ClaimKind::Subheading,
            _ => ClaimKind::Body,
        };
        let mut open_quote = false;
        let mut pending: Vec<usize> = Vec::new(); // claims awaiting the speaker of an open quotation
        let mut quote_speaker: Option<Attribution> = None;
        for sentence in &block.sentences {
            let text = &self.doc.text[sentence.clone()];
            if is_question(text) {
                continue;
            }
            let (quotes, still_open) = attribution::quoted_ranges(text, open_quote);
            let sentence_attr = self.attribution_in(text, sentence.start, &quotes);
            let first_new = self.claims.len();
            let unit_ranges = if kind == ClaimKind::Body { units::units(text) } else { vec![0..text.len()] };
            for unit in unit_ranges {
                let abs = sentence.start + unit.start..sentence.start + unit.end;
                let unit_quotes: Vec<Range<usize>> = quotes
                    .iter()
                    .filter_map(|q| {
                        let s = q.start.max(unit.start);
                        let e = q.end.min(unit.end);
                        (s < e).then(|| s - unit.start..e - unit.start)
                    })
                    .collect();
                let own = self.attribution_in(&text[unit.clone()], abs.start, &unit_quotes);
                let quoted_share = mode_of(&text[unit.clone()], &unit_quotes) == AttributionMode::DirectQuote;
                let attr = own.or_else(|| sentence_attr.clone()).or_else(|| {
                    (quoted_share && !open_quote).then(|| quote_speaker.clone()).flatten()
                });
                self.push_claim(abs, kind, paragraph, attr, &unit_quotes);
            }
            let new_claims: Vec<usize> = (first_new..self.claims.len()).collect();
            if let Some(a) = sentence_attr.filter(|a| a.mode == AttributionMode::DirectQuote) {
                for &i in &pending {
                    if self.claims[i].attribution.is_none() {
                        self.claims[i].mode = AttributionMode::DirectQuote;
                        self.claims[i].attribution = Some(a.clone());
                    }
                }
                pending.clear();
                quote_speaker = Some(a);
            } else if still_open {
                pending.extend(new_claims.iter().copied().filter(|&i| self.claims[i].attribution.is_none()));
            } else if let Some(a) = self.claims.get(first_new).and_then(|c| c.attribution.clone()) {
                quote_speaker = Some(a);
            }
            open_quote = still_open;
        }
    }

    /// The attribution of `text` (standing at `base` in the document), with
    /// speaker names resolved through the article.
    fn attribution_in(&mut self, text: &str, base: usize, quotes: &[Range<usize>]) -> Option<Attribution> {
        let found = attribution::find(text, quotes)?;
        let speaker = if found.pronoun {
            self.last_speaker.clone()?
        } else {
            let s = self.resolve_speaker(&found.speaker);
            self.last_speaker = Some(s.clone());
            s
        };
        let speaker_span =
            (!found.pronoun).then(|| self.doc.span(base + found.range.start..base + found.range.end));
        Some(Attribution {
            speaker: speaker.text,
            speaker_key: speaker.key,
            speaker_span,
            cue: found.cue,
            via: found.via,
            mode: mode_of(text, quotes),
        })
    }

    /// A speaker phrase to a canonical key: the person it names (full name
    /// through the article), the person a role phrase stands for, or the
    /// organisation.
    fn resolve_speaker(&self, phrase: &str) -> Speaker {
        let mentions = entities::mentions(phrase, &self.people);
        let office = phrase.to_lowercase().ends_with("office");
        let pick = mentions
            .iter()
            .rev()
            .find(|m| m.kind == EntityKind::Person)
            .or_else(|| mentions.iter().rev().find(|m| m.kind != EntityKind::Place))
            .or_else(|| mentions.last());
        if let Some(m) = pick.filter(|m| m.kind == EntityKind::Person || m.role.is_none() || mentions.len() > 1) {
            let full = self.people.full_name(&m.name).unwrap_or(&m.name).to_string();
            let key = entity_key(&full);
            let key = if office { format!("{key}:office") } else { key };
            return Speaker { text: phrase.to_string(), key };
        }
        if let Some(name) = self.person_with_role(phrase) {
            return Speaker { text: phrase.to_string(), key: entity_key(&name) };
        }
        let bare = ["the ", "The ", "a ", "A ", "an ", "An "].iter().find_map(|d| phrase.strip_prefix(d)).unwrap_or(phrase);
        Speaker { text: phrase.to_string(), key: entity_key(bare) }
    }

    /// The person the article last introduced with the title in `phrase`
    /// ("the Kremlin spokesperson" → the spokesperson named earlier).
    fn person_with_role(&self, phrase: &str) -> Option<String> {
        let wanted = parse_role(phrase.trim_start_matches(|c: char| c.is_lowercase() || c == ' '))
            .or_else(|| parse_role(phrase))?;
        let mut best = None;
        for (role, name) in &self.roles {
            let Some(r) = parse_role(role) else { continue };
            if r.title == wanted.title && (wanted.of.is_none() || r.of == wanted.of) {
                best = Some(name.clone());
            }
        }
        best
    }

    fn push_claim(
        &mut self,
        range: Range<usize>,
        kind: ClaimKind,
        paragraph: usize,
        attribution: Option<Attribution>,
        quotes: &[Range<usize>],
    ) {
        let text = &self.doc.text[range.clone()];
        if text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() < MIN_CLAIM_WORDS {
            return;
        }
        let doc = self.doc;
        let to_span = |r: Range<usize>| doc.span(range.start + r.start..range.start + r.end);
        let mentions = entities::mentions(text, &self.people);
        for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
            if let Some(role) = &m.role {
                let full = self.people.full_name(&m.name).unwrap_or(&m.name).to_string();
                self.roles.push((role.clone(), full));
            }
        }
        let entities = mentions.iter().map(|m| entity(m, to_span, &self.people)).collect();
        let mode = match &attribution {
            None => AttributionMode::OutletStatement,
            Some(_) => mode_of(text, quotes),
        };
        let attribution = attribution.map(|a| Attribution { mode, ..a });
        let claim = Claim {
            id: ClaimId::new(&doc.article.id, self.claims.len() + 1),
            article: doc.article.id.clone(),
            span: doc.span(range.clone()),
            text: text.to_string(),
            kind,
            attribution,
            mode,
            entities,
            quantities: quantities(text, doc.published(), to_span),
            negated: has_any(text, lexicon::NEGATIONS),
            hedged: has_any(text, lexicon::HEDGES),
            paragraph,
        };
        self.claims.push(claim);
    }
}

fn is_question(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with('?')
}
