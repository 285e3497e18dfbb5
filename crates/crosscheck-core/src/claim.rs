//! Atomic claims and what was found inside them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::ArticleId;
use crate::span::Span;
use crate::value::{DateValue, Interval, Role, Unit};

/// Identifier of a claim: `ARTICLE#N`, where N numbers the article's claims in
/// reading order from 1. Stable across runs on the same input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClaimId(pub String);

impl ClaimId {
    /// The id of the `n`-th claim (from 1) of `article`.
    pub fn new(article: &ArticleId, n: usize) -> ClaimId {
        // Written out rather than `format!`ted: one id per claim, and the
        // formatting machinery cost more than the rest of it.
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let mut id = String::with_capacity(article.0.len() + 1 + digits.len() - at);
        id.push_str(&article.0);
        id.push('#');
        id.extend(digits[at..].iter().map(|&d| char::from(d)));
        ClaimId(id)
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where in the article a claim stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// The article's headline.
    Headline,
    /// A subheading inside the article.
    Subheading,
    /// A sentence (or part of one) of the body.
    Body,
}

/// How a claim reaches the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionMode {
    /// The speaker's own words in quotation marks.
    DirectQuote,
    /// What a speaker said, in the outlet's words.
    ReportedSpeech,
    /// The outlet states it itself.
    OutletStatement,
}

/// Who a claim comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker as written ("Kremlin spokesman Dmitry Peskov", "Zelenskiy's office").
    pub speaker: String,
    /// A canonical key for the speaker, shared by spelling variants ("peskov").
    pub speaker_key: String,
    /// Where the speaker is named, when it is named inside the claim's sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<Span>,
    /// The verb or phrase that attributes ("said", "wrote", "according to").
    pub cue: String,
    /// A relaying source distinct from the speaker ("TASS quoted Trump as
    /// saying" → via "TASS"; "according to Reuters, Trump told …" → via "Reuters").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Direct quote or reported speech.
    pub mode: AttributionMode,
}

/// The coarse type of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, institution or outlet.
    Organization,
    /// A country, city or region.
    Place,
    /// A named thing of another or unknown type (events, platforms).
    Other,
}

/// A named entity mentioned in a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The name as written, without title ("Vladimir Putin"); for a person
    /// the claim names only by office, the role phrase ("the Russian
    /// president"), with `key` the person's.
    pub text: String,
    /// Where the name stands in the original file.
    pub span: Span,
    /// Person, organisation, place or other.
    pub kind: EntityKind,
    /// Canonical key shared by spelling and transliteration variants.
    pub key: String,
    /// The role or title written before the name, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    /// A number or count.
    Number,
    /// A length of time ("90 minutes", "three years").
    Duration,
    /// A calendar date or day ("Wednesday", "12 February").
    Date,
    /// An amount of money.
    Money,
    /// A percentage or fraction of a whole.
    Percent,
    /// A position in an order.
    Ordinal,
}

/// A quantity mentioned in a claim, with its normalised value when the
/// normaliser could read one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The expression as written ("nearly 90 minutes").
    pub text: String,
    /// Where it stands in the original file.
    pub span: Span,
    /// What it measures.
    pub kind: QuantityKind,
    /// The value as an interval, in `unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Interval>,
    /// The unit of `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The resolved date, for dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateValue>,
}

/// An atomic factual claim made by an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable identifier.
    pub id: ClaimId,
    /// The article that makes the claim.
    pub article: ArticleId,
    /// The bytes of the original file that carry the claim.
    pub span: Span,
    /// The claim's text. For plain-text articles this equals the original
    /// bytes at `span`; for HTML it is the extracted text of those bytes.
    pub text: String,
    /// The claim's text with each role phrase that stands for a person the
    /// article names ("the Russian president") replaced by that person's
    /// surname; absent when no phrase was resolved. The matcher compares
    /// this text; `text` stays as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_text: Option<String>,
    /// Headline, subheading or body.
    pub kind: ClaimKind,
    /// Who the claim is attributed to; `None` when the outlet states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
    /// Direct quote, reported speech or outlet statement.
    pub mode: AttributionMode,
    /// Named entities in the claim.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Numbers, durations, dates, money and percentages in the claim.
    #[serde(default)]
    pub quantities: Vec<Quantity>,
    /// True when the claim is negated ("did not", "no", "never").
    #[serde(default, skip_serializing_if = "is_false")]
    pub negated: bool,
    /// True when the claim is hedged ("could", "may", "probably").
    #[serde(default, skip_serializing_if = "is_false")]
    pub hedged: bool,
    /// Index of the paragraph (block) the claim stands in, from 0.
    pub paragraph: usize,
    /// The broader claim this one is a narrower fact of, when it was cut
    /// out of one (a duration inside an event: "held a 90-minute call").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<ClaimId>,
}

impl Claim {
    /// The text the matcher compares: [`Claim::resolved_text`] when set,
    /// else [`Claim::text`].
    pub fn matching_text(&self) -> &str {
        self.resolved_text.as_deref().unwrap_or(&self.text)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_ids_are_the_article_id_a_hash_and_the_number() {
        let article = ArticleId("river-post".into());
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            assert_eq!(ClaimId::new(&article, n).0, format!("river-post#{n}"));
        }
    }
}
