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
//!   meet. Role phrases that stand for a person the article names ("the
//!   Russian president", [`anaphora`]) add that person as an entity and give
//!   the claim a `resolved_text` in which the phrase reads as the surname.
//! - **quantities**: numbers, durations, dates, money and percentages with
//!   interval values, from the normaliser's scanner, dates resolved against
//!   the article's publication date.
//!
//! Questions, furniture, credits and datelines yield no claims.
//!
//! **Invariant:** for plain-text articles, every claim's `text` equals the
//! original file's bytes at its `span`.

pub mod anaphora;
pub mod attribution;
pub mod entities;
pub mod lexicon;
mod memo;
mod polarity;
pub mod units;
pub mod words;

use std::borrow::Cow;
use std::ops::Range;

use chrono::NaiveDate;
use crosscheck_core::value::Role;
use crosscheck_core::{
    ArticleId, Attribution, AttributionMode, Claim, ClaimId, ClaimKind, Diagnostic, Entity, EntityKind, Quantity,
};
use crosscheck_normalize::{find_quantities, DateContext};
use memo::{entity as entity_key, key as key_for, role as parse_role};
use polarity::{negated_hedged, negated_hedged_tagged};
use crosscheck_text::{BlockKind, Document};

pub use anaphora::StoryOffices;
use entities::{Mention, People};
use words::{adjacent, Tagged};

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

/// Most bytes of preceding text searched for a relative pronoun's or an
/// appositive's person: enough for a sentence, and bounded so that a
/// pathological one-sentence article stays linear.
const MAX_CONTEXT_BYTES: usize = 400;

/// The last `max` bytes of `s` (or fewer, to stay on a char boundary).
/// Determiners left off an unnamed speaker's key: "a spokesman", "its
/// spokesman" and "the spokesman" are one speaker.
const SPEAKER_DETERMINERS: &[&str] =
    &["the ", "The ", "a ", "A ", "an ", "An ", "its ", "Its ", "his ", "His ", "her ", "Her ", "their ", "Their "];

fn tail(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Fewest words a claim must have.
const MIN_CLAIM_WORDS: usize = 3;

/// Whether at least `n` of the words `str::split_whitespace` cuts `text`
/// into hold a letter: one pass over its chars, up to the `n`th such word.
fn has_lettered_words(text: &str, n: usize) -> bool {
    let mut count = 0;
    let mut lettered = false;
    for c in text.chars() {
        if count >= n {
            return true;
        }
        if c.is_whitespace() {
            count += usize::from(lettered);
            lettered = false;
        } else if !lettered && crosscheck_normalize::ascii::is_alphabetic(c) {
            lettered = true;
        }
    }
    count + usize::from(lettered) >= n
}

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
    /// Title word (e.g. "president") → (role text, full name) of the last
    /// person with it, and the role text parsed.
    roles: Vec<(String, String, Option<Role>)>,
    /// Every office the article gives a named person, for role phrases that
    /// come before the person is introduced (headlines).
    article_offices: Vec<(Role, String)>,
    /// Offices that one person holds across the whole story.
    story_offices: &'a [(Role, String)],
    last_speaker: Option<Speaker>,
    /// The claim (an index into `claims`) whose attribution is the speaker
    /// for quotations that follow it: the last claim, when it was
    /// attributed. An attributed claim's attribution never changes, so the
    /// index stands for it without a copy per sentence.
    quote_speaker: Option<usize>,
    /// Claims of a running quotation still waiting for their speaker.
    run: Vec<usize>,
    /// The attribution found inside the running quotation.
    run_attr: Option<Attribution>,
    /// Sentences read so far, and the one whose speaker was last resolved.
    sentence_counter: usize,
    last_speaker_sentence: usize,
    claims: Vec<Claim>,
    /// The first pass's words and mentions of each claim-bearing sentence,
    /// in order.
    learned_sentences: std::vec::IntoIter<LearnedSentence<'a>>,
}

/// A sentence as the first pass read it: its byte range in the document,
/// its words and its mentions.
type LearnedSentence<'a> = (Range<usize>, Tagged<'a>, Vec<Mention>);

/// What a first reading of an article learns about its people: full names
/// by surname, and the offices it gives them ("Russian President Vladimir
/// Putin" → `ru|president`: Vladimir Putin). It borrows the article's
/// text, which its sentences' words are cut from.
#[derive(Debug, Clone, Default)]
pub struct Learned<'a> {
    people: People,
    offices: Vec<(Role, String)>,
    /// Every claim-bearing sentence's words and mentions, in reading order,
    /// so that the second pass does not cut, tag and read them again (it
    /// only [`People::reread`]s the mentions).
    sentences: Vec<LearnedSentence<'a>>,
}

impl Learned<'_> {
    /// The offices the article gives named people, in reading order.
    pub fn offices(&self) -> &[(Role, String)] {
        &self.offices
    }
}

/// Reads an article's people and their offices (the first of extraction's
/// two passes; [`extract_learned`] is the second).
/// Duplicated articles teach nothing (they yield no claims).
pub fn learn(doc: &Document) -> Learned<'_> {
    let mut learned = Learned::default();
    if doc.article.duplicate_of.is_some() {
        return learned;
    }
    for block in doc.blocks.iter().filter(|b| b.kind.has_claims()) {
        for s in &block.sentences {
            let text = &doc.text[s.clone()];
            let tagged = Tagged::new(text);
            let found = entities::mentions_tagged(text, &tagged, &learned.people);
            learned.people.learn(&found);
            for m in found.iter().filter(|m| m.kind == EntityKind::Person) {
                if let Some(role) = m.role.as_deref().and_then(parse_role) {
                    learned.offices.push((role, m.name.clone()));
                }
            }
            learned.sentences.push((s.clone(), tagged, found));
        }
    }
    let Learned { people, offices, .. } = &mut learned;
    for (_, name) in offices.iter_mut() {
        *name = people.complete(name).to_string();
    }
    learned
}

/// Extracts the claims of one document. Duplicated articles yield none.
pub fn extract(doc: &Document, opts: &ExtractOptions) -> (Vec<Claim>, Vec<Diagnostic>) {
    extract_learned(doc, opts, learn(doc), &StoryOffices::default())
}

/// [`extract`] with the article's first reading done ([`learn`]) and the
/// offices of the whole story, which resolve role phrases the article
/// itself never ties to a name.
pub fn extract_learned<'a>(doc: &'a Document, opts: &ExtractOptions, learned: Learned<'a>, story: &StoryOffices) -> (Vec<Claim>, Vec<Diagnostic>) {
    if doc.article.duplicate_of.is_some() {
        return (Vec::new(), Vec::new());
    }
    // About one claim per claim-bearing sentence (a few more where units
    // split): room for them without moving the claims as the vector grows.
    let expected_claims = learned.sentences.len() + learned.sentences.len() / 4 + 1;
    let mut reader = Reader {
        doc,
        people: learned.people,
        roles: Vec::new(),
        article_offices: learned.offices,
        story_offices: story.offices(),
        last_speaker: None,
        quote_speaker: None,
        run: Vec::new(),
        run_attr: None,
        sentence_counter: 0,
        last_speaker_sentence: usize::MAX,
        claims: Vec::with_capacity(expected_claims.min(opts.max_claims_per_article + 1)),
        learned_sentences: learned.sentences.into_iter(),
    };
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
        speaker_key: key_for(&f.speaker, EntityKind::Person),
        speaker: f.speaker,
        speaker_span: None,
        cue: f.cue,
        via: f.via,
        mode: mode_of(text, &quotes),
    });
    let (negated, hedged) = negated_hedged(text);
    Claim {
        id: ClaimId::new(&article, 1),
        article,
        span: crosscheck_core::Span { start: 0, end: text.len() },
        text: text.to_string(),
        resolved_text: None,
        kind: ClaimKind::Body,
        mode: attribution.as_ref().map_or(AttributionMode::OutletStatement, |a| a.mode),
        attribution,
        entities: mentions.iter().map(|m| entity(m, |r| crosscheck_core::Span { start: r.start, end: r.end }, &people)).collect(),
        quantities: quantities(text, None, |r| crosscheck_core::Span { start: r.start, end: r.end }),
        negated,
        hedged,
        paragraph: 0,
        part_of: None,
    }
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
    let full = if m.kind == EntityKind::Person || m.kind == EntityKind::Other { people.complete(&m.name) } else { &m.name };
    let kind = if m.kind == EntityKind::Other && full != m.name { EntityKind::Person } else { m.kind };
    Entity {
        text: m.name.clone(),
        span: span(m.range.clone()),
        kind,
        key: key_for(full, kind),
        role: m.role.as_deref().and_then(parse_role),
    }
}

fn quantities(text: &str, published: Option<NaiveDate>, span: impl Fn(Range<usize>) -> crosscheck_core::Span) -> Vec<Quantity> {
    let ctx = DateContext { published };
    quantities_of(text, find_quantities(text, &ctx), span)
}

/// The quantities the normaliser found in `text`, as claim quantities.
fn quantities_of(
    text: &str,
    found: Vec<crosscheck_normalize::quantities::Found>,
    span: impl Fn(Range<usize>) -> crosscheck_core::Span,
) -> Vec<Quantity> {
    found
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
    /// Records that the article gave `name` the office `role`.
    fn note_role(&mut self, role: String, name: String) {
        let parsed = parse_role(&role);
        self.roles.push((role, name, parsed));
    }

    /// The role phrases of `text` that stand for a person, outside the
    /// people named in `mentions` (a country inside the phrase, "the U.S.
    /// president", is fine): (range in `text`, full name).
    fn resolve_role_phrases(&self, text: &str, tagged: &Tagged<'_>, mentions: &[Mention]) -> Vec<(Range<usize>, String)> {
        anaphora::role_phrases_tagged(text, tagged)
            .into_iter()
            .filter(|p| {
                !mentions.iter().any(|m| m.kind == EntityKind::Person && m.range.start < p.range.end && p.range.start < m.range.end)
            })
            .filter_map(|p| {
                let seen = self.roles.iter().filter_map(|(_, name, office)| Some((office.as_ref()?, name.as_str())));
                let name = anaphora::resolve(&p, seen)
                    .or_else(|| anaphora::resolve(&p, anaphora::holders(&self.article_offices)))
                    .or_else(|| anaphora::resolve(&p, anaphora::holders(self.story_offices)))?;
                Some((p.range, name.to_string()))
            })
            .collect()
    }

    /// Entities for resolved role phrases, and the text with the phrases
    /// read as surnames.
    fn role_entities(
        &self,
        text: &str,
        tagged: &Tagged<'_>,
        mentions: &[Mention],
        to_span: impl Fn(Range<usize>) -> crosscheck_core::Span,
    ) -> (Vec<Entity>, Option<String>) {
        let resolved = self.resolve_role_phrases(text, tagged, mentions);
        if resolved.is_empty() {
            return (Vec::new(), None);
        }
        let entities = resolved
            .iter()
            .map(|(range, name)| Entity {
                text: text[range.clone()].to_string(),
                span: to_span(range.clone()),
                kind: EntityKind::Person,
                key: person(name),
                role: None,
            })
            .collect();
        let pairs: Vec<(Range<usize>, &str)> = resolved.iter().map(|(r, n)| (r.clone(), n.as_str())).collect();
        (entities, Some(anaphora::substitute(text, &pairs)))
    }

    fn read_block(&mut self, paragraph: usize, block: &crosscheck_text::Block) {
        let kind = match block.kind {
            BlockKind::Headline => ClaimKind::Headline,
            BlockKind::Subheading => ClaimKind::Subheading,
            _ => ClaimKind::Body,
        };
        let mut open_quote = false;
        for sentence in &block.sentences {
            let text = &self.doc.text[sentence.clone()];
            let learned = self.learned_sentences.next();
            if is_question(text) {
                continue;
            }
            let (quotes, still_open) = attribution::quoted_ranges(text, open_quote);
            let in_run = open_quote || still_open;
            // The sentence is cut into words and its names read once (by
            // `learn`); its units take their share.
            let (tagged, learned_mentions) = match learned.filter(|(range, ..)| range == sentence) {
                Some((_, tagged, mentions)) => (tagged, Some(self.people.reread(mentions))),
                None => (Tagged::new(text), None),
            };
            let unit_ranges = if kind == ClaimKind::Body { units::units_of_words(text, &tagged.words) } else { std::iter::once(0..text.len()).collect() };
            let units: Vec<(Range<usize>, Cow<'_, Tagged<'_>>)> = unit_ranges
                .into_iter()
                .map(|u| {
                    let t = if u == (0..text.len()) {
                        Cow::Borrowed(&tagged)
                    } else {
                        Cow::Owned(tagged.slice(&u).unwrap_or_else(|| Tagged::new(&text[u.clone()])))
                    };
                    (u, t)
                })
                .collect();
            let attrs = self.unit_attributions(text, &tagged, sentence.start, &quotes, &units, in_run);
            let mut run_attr = None;
            // The mentions of the whole sentence, once read: a unit that is
            // the whole sentence and the subject noted below share them.
            let mut sentence_mentions: Option<Vec<Mention>> = learned_mentions;
            for ((unit, unit_tagged), (attr, own)) in units.iter().zip(attrs) {
                let abs = sentence.start + unit.start..sentence.start + unit.end;
                let unit_quotes = clip(&quotes, unit);
                if own && in_run && run_attr.is_none() {
                    run_attr = attr.clone();
                }
                let unattributed = attr.is_none();
                let whole = (*unit == (0..text.len())).then_some(&mut sentence_mentions);
                if self.push_claim(abs, kind, paragraph, attr, &unit_quotes, unit_tagged, whole) && unattributed && in_run {
                    self.run.push(self.claims.len() - 1);
                }
            }
            self.note_subject(text, &tagged, &quotes, sentence_mentions);
            if in_run {
                self.run_attr = self.run_attr.take().or(run_attr);
            }
            if !still_open {
                self.close_quote_run();
            }
            open_quote = still_open;
        }
        self.close_quote_run();
    }

    /// The attribution of each unit of a sentence, and whether the unit has
    /// its own cue: its own cue; else the cue of an earlier unit (forward);
    /// else a trailing cue of a later unit ("“…,” X said, adding …"); else a
    /// participle cue of the sentence ("…, saying …"); else, outside a
    /// running quotation, the speaker of the quotation just before.
    fn unit_attributions(
        &mut self,
        text: &str,
        tagged: &Tagged<'_>,
        base: usize,
        quotes: &[Range<usize>],
        units: &[(Range<usize>, Cow<'_, Tagged<'_>>)],
        in_run: bool,
    ) -> Vec<(Option<Attribution>, bool)> {
        let mut own: Vec<Option<(Attribution, bool)>> = Vec::with_capacity(units.len());
        for (unit, unit_tagged) in units {
            let unit_quotes = clip(quotes, unit);
            let context = tail(&text[..unit.start], MAX_CONTEXT_BYTES);
            own.push(self.attribution_in(&text[unit.clone()], unit_tagged, base + unit.start, &unit_quotes, context));
        }
        let participle = (units.len() > 1)
            .then(|| self.attribution_in(text, tagged, base, quotes, ""))
            .flatten()
            .filter(|(a, _)| a.cue.ends_with("ing"))
            .map(|(a, _)| a);
        let first = own.iter().position(Option::is_some);
        let trailing_first = first.filter(|&i| own[i].as_ref().is_some_and(|(_, t)| *t));
        // Each unit's attribution: copies of the ones inherited first, then
        // the units' own moved in (a unit's own is never copied for itself).
        let mut carried: Option<usize> = None;
        let mut out = Vec::with_capacity(units.len());
        for (k, (unit, _)) in units.iter().enumerate() {
            let entry = if own[k].is_some() {
                carried = Some(k);
                (None, true)
            } else {
                let quoted = mode_of(&text[unit.clone()], &clip(quotes, unit)) == AttributionMode::DirectQuote;
                let inherited = carried
                    .or(trailing_first)
                    .and_then(|j| own[j].as_ref().map(|(a, _)| a.clone()))
                    .or_else(|| participle.clone())
                    .or_else(|| (quoted && !in_run).then(|| self.quote_attribution()).flatten());
                (inherited, false)
            };
            out.push(entry);
        }
        for (entry, found) in out.iter_mut().zip(own) {
            if let Some((a, _)) = found {
                entry.0 = Some(a);
            }
        }
        out
    }

    /// Ends a quotation that ran over several sentences: its claims take the
    /// attribution found anywhere in it, else the speaker before it.
    fn close_quote_run(&mut self) {
        let run_attr = self.run_attr.take();
        let run = std::mem::take(&mut self.run);
        // Most sentences close no quotation: no attribution to copy.
        let attr = if run.is_empty() { None } else { run_attr.or_else(|| self.quote_attribution()) };
        for i in run {
            if self.claims[i].attribution.is_none() {
                if let Some(a) = &attr {
                    self.claims[i].mode = AttributionMode::DirectQuote;
                    self.claims[i].attribution = Some(Attribution { mode: AttributionMode::DirectQuote, ..a.clone() });
                }
            }
        }
        self.quote_speaker = self.claims.last().filter(|c| c.attribution.is_some()).map(|_| self.claims.len() - 1);
    }

    /// The attribution of the quotation speaker ([`Reader::quote_speaker`]).
    fn quote_attribution(&self) -> Option<Attribution> {
        self.quote_speaker.and_then(|i| self.claims.get(i)).and_then(|c| c.attribution.clone())
    }

    /// Remembers the first person named outside quotation marks: the most
    /// recent candidate for a following "he" or "she".
    /// `known` holds the sentence's mentions when they were read already.
    fn note_subject(&mut self, text: &str, tagged: &Tagged<'_>, quotes: &[Range<usize>], known: Option<Vec<Mention>>) {
        let found = known
            .unwrap_or_else(|| entities::mentions_tagged(text, tagged, &self.people))
            .into_iter()
            .find(|m| m.kind == EntityKind::Person && !quotes.iter().any(|q| q.start <= m.range.start && m.range.end <= q.end));
        if let Some(m) = found {
            let full = self.people.complete(&m.name).to_string();
            let speaker = Speaker { text: m.name.clone(), key: person(&full) };
            // A speaker named in this sentence stays the more recent referent.
            if self.last_speaker_sentence != self.sentence_counter {
                self.last_speaker = Some(speaker);
            }
        }
        self.sentence_counter += 1;
    }

    /// The attribution of `text` (standing at `base` in the document), with
    /// speaker names resolved through the article, and whether the cue
    /// trails the claim ("…," X said).
    fn attribution_in(
        &mut self,
        text: &str,
        tagged: &Tagged<'_>,
        base: usize,
        quotes: &[Range<usize>],
        context: &str,
    ) -> Option<(Attribution, bool)> {
        let found = attribution::find_tagged(text, tagged, quotes)?;
        let speaker = if found.speaker == "who" {
            self.relative_antecedent(context)?
        } else if found.pronoun {
            self.last_speaker.clone()?
        } else {
            // The speaker phrase's words, from the unit's when it is cut from it.
            let own_words = text.get(found.range.clone()).filter(|p| *p == found.speaker).and_then(|_| tagged.slice(&found.range));
            let words = own_words.unwrap_or_else(|| Tagged::new(&found.speaker));
            let s = self.resolve_speaker(&found.speaker, &words, tail(&text[..found.range.start], MAX_CONTEXT_BYTES), context);
            self.last_speaker = Some(s.clone());
            self.last_speaker_sentence = self.sentence_counter;
            s
        };
        let trailing = text[found.range.end..].split_whitespace().nth(4).is_none();
        let speaker_span = (!found.pronoun).then(|| self.doc.span(base + found.range.start..base + found.range.end));
        let attr = Attribution {
            speaker: speaker.text,
            speaker_key: speaker.key,
            speaker_span,
            cue: found.cue,
            via: found.via,
            mode: mode_of(text, quotes),
        };
        Some((attr, trailing))
    }

    /// "…, Pete Hegseth, who told …": the last person named before "who".
    fn relative_antecedent(&self, context: &str) -> Option<Speaker> {
        let m = entities::mentions(context, &self.people).into_iter().rev().find(|m| m.kind == EntityKind::Person)?;
        let full = self.people.complete(&m.name).to_string();
        Some(Speaker { text: m.name.clone(), key: person(&full) })
    }

    /// A speaker phrase (cut into `words`) to a canonical key: the person it
    /// names (full name through the article), the person a role phrase
    /// stands for, or the organisation.
    fn resolve_speaker(&self, phrase: &str, words: &Tagged<'_>, before: &str, context: &str) -> Speaker {
        let speaker = |key: String| Speaker { text: phrase.to_string(), key };
        let office = phrase.to_lowercase().ends_with("office");
        let mentions = entities::mentions_tagged(phrase, words, &self.people);
        if let Some(m) = mentions.iter().rev().find(|m| m.kind == EntityKind::Person) {
            let key = person(self.people.complete(&m.name));
            return speaker(if office { format!("{key}:office") } else { key });
        }
        if before.trim_end().ends_with(',') {
            // "Farhan Haq, deputy spokesman for …, said": the appositive's person.
            let last_person = |t: &str| {
                entities::mentions(t, &self.people).into_iter().rev().find(|m| m.kind == EntityKind::Person)
            };
            if let Some(m) = last_person(before).or_else(|| last_person(context)) {
                return speaker(person(self.people.complete(&m.name)));
            }
        }
        if let Some(name) = self.person_with_role(phrase) {
            return speaker(person(&name));
        }
        if let Some(m) = mentions.iter().rev().find(|m| m.kind != EntityKind::Place).or_else(|| mentions.last()) {
            let key = entity_key(&m.name);
            return speaker(if office { format!("{key}:office") } else { key });
        }
        let bare = SPEAKER_DETERMINERS.iter().find_map(|d| phrase.strip_prefix(d)).unwrap_or(phrase);
        speaker(entity_key(bare))
    }

    /// The person the article last introduced with the title in `phrase`
    /// ("the Kremlin spokesperson" → the spokesperson named earlier).
    fn person_with_role(&self, phrase: &str) -> Option<String> {
        // No office given yet: no one to find (and no phrase to parse).
        if self.roles.iter().all(|(_, _, parsed)| parsed.is_none()) {
            return None;
        }
        let wanted = parse_role(phrase.trim_start_matches(|c: char| c.is_lowercase() || c == ' '))
            .or_else(|| parse_role(phrase))?;
        let head = wanted.title.split_whitespace().last().unwrap_or("").to_string();
        let mut best = None;
        for (_, name, parsed) in &self.roles {
            let Some(r) = parsed else { continue };
            let same_title = r.title == wanted.title || r.title.split_whitespace().any(|w| w == head);
            if same_title && (wanted.of.is_none() || r.of == wanted.of) {
                best = Some(name.clone());
            }
        }
        best
    }

    /// Pushes the claim of `range` (and the narrower claims of its
    /// durations); false when it is too short to be a claim.
    /// `sentence_mentions` holds, for a unit that is its whole sentence, the
    /// sentence's mentions once read (read here when not yet).
    fn push_claim(
        &mut self,
        range: Range<usize>,
        kind: ClaimKind,
        paragraph: usize,
        attribution: Option<Attribution>,
        quotes: &[Range<usize>],
        tagged: &Tagged<'_>,
        sentence_mentions: Option<&mut Option<Vec<Mention>>>,
    ) -> bool {
        let text = &self.doc.text[range.clone()];
        if !has_lettered_words(text, MIN_CLAIM_WORDS) {
            return false;
        }
        let doc = self.doc;
        let to_span = |r: Range<usize>| doc.span(range.start + r.start..range.start + r.end);
        let owned;
        let mentions: &[Mention] = match sentence_mentions {
            Some(known) => known.get_or_insert_with(|| entities::mentions_tagged(text, tagged, &self.people)),
            None => {
                owned = entities::mentions_tagged(text, tagged, &self.people);
                &owned
            }
        };
        for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
            let full = self.people.complete(&m.name).to_string();
            if let Some(role) = &m.role {
                self.note_role(role.clone(), full.clone());
            }
            if let Some(role) = appositive_role(&text[m.range.end..]) {
                // "… with Putin, the US president, as promised, held …" reads
                // like apposition but is not: a role another person already
                // holds by an explicit title is not given to this one.
                let key = parse_role(&role).map(|r| r.key);
                let taken = self
                    .roles
                    .iter()
                    .any(|(_, n, parsed)| *n != full && key.is_some() && parsed.as_ref().map(|x| &x.key) == key.as_ref());
                if !taken {
                    self.note_role(role, full);
                }
            }
        }
        let mut entities: Vec<Entity> = mentions.iter().map(|m| entity(m, to_span, &self.people)).collect();
        let (by_role, resolved_text) = self.role_entities(text, tagged, mentions, to_span);
        entities.extend(by_role);
        let mode = match &attribution {
            None => AttributionMode::OutletStatement,
            Some(_) => mode_of(text, quotes),
        };
        let attribution = attribution.map(|a| Attribution { mode, ..a });
        let found = find_quantities(text, &DateContext { published: doc.published() });
        // Durations are read without a publication date; an undated article's
        // quantities are that very reading.
        let parts = duration_parts(text, &tagged.words, &found);
        let (negated, hedged) = negated_hedged_tagged(tagged);
        let claim = Claim {
            id: ClaimId::new(&doc.article.id, self.claims.len() + 1),
            article: doc.article.id.clone(),
            span: doc.span(range.clone()),
            text: text.to_string(),
            resolved_text,
            kind,
            attribution,
            mode,
            entities,
            quantities: quantities_of(text, found, to_span),
            negated,
            hedged,
            paragraph,
            part_of: None,
        };
        self.claims.push(claim);
        let parent = self.claims.len() - 1;
        for part in parts {
            let part_tagged = tagged.slice(&part).unwrap_or_else(|| Tagged::new(&text[part.clone()]));
            self.push_part(parent, range.start + part.start..range.start + part.end, &part_tagged);
        }
        true
    }

    /// A narrower claim cut out of claim `parent`: same attribution and
    /// paragraph, its own entities and quantities.
    fn push_part(&mut self, parent: usize, range: Range<usize>, tagged: &Tagged<'_>) {
        let doc = self.doc;
        let text = &doc.text[range.clone()];
        let to_span = |r: Range<usize>| doc.span(range.start + r.start..range.start + r.end);
        let mentions = entities::mentions_tagged(text, tagged, &self.people);
        let mut entities: Vec<Entity> = mentions.iter().map(|m| entity(m, to_span, &self.people)).collect();
        let (by_role, resolved_text) = self.role_entities(text, tagged, &mentions, to_span);
        entities.extend(by_role);
        let p = &self.claims[parent];
        let (negated, hedged) = negated_hedged_tagged(tagged);
        let claim = Claim {
            id: ClaimId::new(&doc.article.id, self.claims.len() + 1),
            article: doc.article.id.clone(),
            span: doc.span(range.clone()),
            text: text.to_string(),
            resolved_text,
            kind: p.kind,
            attribution: p.attribution.clone(),
            mode: p.mode,
            entities,
            quantities: quantities(text, doc.published(), to_span),
            negated,
            hedged,
            paragraph: p.paragraph,
            part_of: Some(p.id.clone()),
        };
        self.claims.push(claim);
    }
}

/// Longest claim, in words, that is kept whole around a duration: longer
/// claims also yield the duration as a narrower claim of its own.
const MAX_WORDS_AROUND_DURATION: usize = 16;

/// Words kept on each side of a duration in its narrower claim.
const DURATION_CONTEXT_WORDS: usize = 2;

/// Longest duration, in seconds, cut out as a narrower claim: the length
/// of an event (a call, a meeting), not background ("three years of war").
const MAX_EVENT_DURATION_SECONDS: f64 = 86_400.0;

/// Durations stated inside a long claim ("… held a 90-minute phone
/// conversation on Wednesday, …"): each becomes a narrower claim of the
/// duration with a couple of words either side, not crossing punctuation.
/// `found` is the normaliser's reading of `text`, with or without a
/// publication date: only the values of dates depend on it, never which
/// durations are read (`crosscheck_normalize` tests this).
fn duration_parts(text: &str, ws: &[words::Word<'_>], found: &[crosscheck_normalize::quantities::Found]) -> Vec<Range<usize>> {
    if ws.len() <= MAX_WORDS_AROUND_DURATION {
        return Vec::new();
    }
    found
        .iter()
        .filter(|f| f.kind == crosscheck_core::QuantityKind::Duration)
        .filter(|f| f.value.is_some_and(|v| v.high.is_some_and(|h| h <= MAX_EVENT_DURATION_SECONDS)))
        .filter(|f| !is_rate(text, &f.range))
        .filter_map(|f| {
            // Words are in text order: binary search keeps a long sentence
            // with many durations linear (a scan per duration was quadratic).
            let first = ws.partition_point(|w| w.range.end <= f.range.start);
            let last = ws.partition_point(|w| w.range.start < f.range.end).checked_sub(1)?;
            if first >= ws.len() || first > last {
                return None;
            }
            let mut s = first;
            while s > 0 && first - s < DURATION_CONTEXT_WORDS && adjacent(text, &ws[s - 1], &ws[s]) {
                s -= 1;
            }
            let mut e = last;
            while e + 1 < ws.len() && e - last < DURATION_CONTEXT_WORDS && adjacent(text, &ws[e], &ws[e + 1]) {
                e += 1;
            }
            // The window starts and ends on content words ("the", "and" at
            // its edges carry nothing).
            while s < first && ws[s].tags() & lexicon::tag::NOT_NAME != 0 {
                s += 1;
            }
            while e > last && ws[e].tags() & lexicon::tag::NOT_NAME != 0 {
                e -= 1;
            }
            let r = ws[s].range.start..ws[e].range.end;
            (r.len() < text.len()).then_some(r)
        })
        .collect()
}

/// "18,000 vehicles a day": "a day" is a rate after a counted plural, not
/// the length of an event.
fn is_rate(text: &str, range: &Range<usize>) -> bool {
    let q = &text[range.clone()];
    let indefinite = q.starts_with("a ") || q.starts_with("an ") || q.starts_with("per ");
    let before = text[..range.start].split_whitespace().next_back().unwrap_or("");
    indefinite && before.len() > 3 && before.ends_with('s')
}

/// The canonical key of a person's name (surname-based, spelling-folded).
fn person(name: &str) -> String {
    key_for(name, EntityKind::Person)
}

/// Most words of a title phrase in apposition to a name.
const MAX_APPOSITIVE_WORDS: usize = 8;

/// ", military analyst, …" after a name: the title phrase in apposition.
fn appositive_role(after: &str) -> Option<String> {
    let rest = after.strip_prefix(", ")?;
    let phrase = rest.split([',', '.', ';']).next()?.trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // A longer phrase is a clause: no need to read its words.
    if words.len() > MAX_APPOSITIVE_WORDS {
        return None;
    }
    let lower = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let titled = words.iter().any(|w| lexicon::TITLE_WORDS.contains(&lower(w).as_str()));
    // Only titles, names and connectors: "military analyst", "deputy
    // spokesman for UN Secretary-General António Guterres"; not a clause.
    let nominal = words.iter().all(|w| {
        let l = lower(w);
        w.chars().next().is_some_and(char::is_uppercase)
            || lexicon::TITLE_WORDS.contains(&l.as_str())
            || matches!(l.as_str(), "a" | "an" | "the" | "of" | "for" | "at" | "to" | "in")
            || l.split('-').all(|p| lexicon::TITLE_WORDS.contains(&p))
    });
    (titled && nominal).then(|| phrase.to_string())
}

/// The parts of `quotes` inside `unit`, relative to the unit's start.
fn clip(quotes: &[Range<usize>], unit: &Range<usize>) -> Vec<Range<usize>> {
    quotes
        .iter()
        .filter_map(|q| {
            let s = q.start.max(unit.start);
            let e = q.end.min(unit.end);
            (s < e).then(|| s - unit.start..e - unit.start)
        })
        .collect()
}

fn is_question(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn lettered_words_are_counted_as_split_whitespace_cuts_them(
            t in "([a-zA-Z0-9 ,.\\-]|\u{a0}|\u{2003}|\u{201c}|\u{2014}|\u{e9}|\u{3000}|\n){0,30}",
            n in 0usize..6,
        ) {
            let reference = t.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= n;
            proptest::prop_assert_eq!(has_lettered_words(&t, n), reference, "{:?}", t);
        }
    }

    /// Regression (reliability catalogue, 5 MB line): the words around each
    /// duration were found by a linear scan per duration, quadratic on one
    /// long sentence full of durations. The binary search must cut the same
    /// windows, including at the sentence's first and last words.
    #[test]
    fn duration_windows_of_a_long_sentence_are_cut_at_every_duration() {
        let unit = "officials held a 90-minute call with envoys and ";
        let text = format!("Ninety minutes passed as {}they talked for two hours", unit.repeat(40));
        let parts: Vec<&str> = duration_parts(&text, &words::words(&text), &find_quantities(&text, &DateContext { published: None })).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts.len(), 42, "{parts:?}");
        assert_eq!(parts[0], "Ninety minutes passed");
        assert!(parts[1..41].iter().all(|p| *p == "held a 90-minute call"), "{parts:?}");
        assert_eq!(parts[41], "talked for two hours");
    }
}
