//! Role phrases that stand for a person the article names elsewhere.
//!
//! News prose names a person once ("Russian President Vladimir Putin") and
//! then refers to them by office: "the Russian president", "the Kremlin
//! leader", "his US counterpart". Another outlet writes "Putin" in the same
//! place, so two statements of one fact share no name. This module finds
//! such phrases in a sentence ([`role_phrases`]) and resolves each against
//! the people the article introduced with a title ([`resolve`]), so that
//! the claim can carry the person as an entity and the matcher can compare
//! a text in which the phrase reads as the surname.
//!
//! Only definite phrases are read ("the", "his", "her", "their", "its", or a
//! country's possessive: "Russia's president"), only in the singular, and
//! never when a name follows the title ("the Russian President Vladimir
//! Putin" is a titled name, read by [`crate::entities`]). A phrase whose
//! office no introduced person holds, or that several people hold without a
//! country to tell them apart, stays unresolved.

use std::collections::BTreeMap;
use std::ops::Range;

use crosscheck_core::value::Role;
use crate::memo::role as parse_role;

use crate::lexicon::{tag, with_lower};
use crate::words::{adjacent, Tagged, Word};

/// A role phrase found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePhrase {
    /// Byte range of the phrase in the sentence, from the determiner to the
    /// title, without a possessive `'s`.
    pub range: Range<usize>,
    /// The office as parsed; `None` for "leader" and "counterpart", which
    /// stand for whoever heads the country.
    pub role: Option<Role>,
    /// The country key for "leader"/"counterpart" phrases.
    pub country: Option<String>,
}

/// Determiners that make a role phrase definite.
pub(crate) const DETERMINERS: &[&str] = &["the", "his", "her", "their", "its"];

/// Offices that head a country: what "the Russian leader" or "his US
/// counterpart" can stand for.
const HEADS_OF_STATE: &[&str] = &["president", "prime minister", "chancellor", "king", "queen", "leader", "emir"];

/// Final words that make a run of title words a person's office.
pub(crate) const OFFICE_HEADS: &[&str] = &[
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chancellor", "king",
    "queen", "envoy", "ambassador", "premier", "governor", "mayor", "leader", "counterpart", "emir",
];

/// Finds the definite role phrases of `sentence`.
pub fn role_phrases(sentence: &str) -> Vec<RolePhrase> {
    role_phrases_tagged(sentence, &Tagged::new(sentence))
}

/// [`role_phrases`] of a sentence already cut into words.
pub fn role_phrases_tagged(sentence: &str, tg: &Tagged<'_>) -> Vec<RolePhrase> {
    let mut out = Vec::new();
    // Every role phrase ends in an office head ("president"): most
    // sentences have none, and no phrase.
    if !tg.bare.iter().any(|t| t & tag::OFFICE_HEAD != 0) {
        return out;
    }
    let mut i = 0;
    while i < tg.words.len() {
        match phrase_at(sentence, tg, i) {
            Some((phrase, next)) => {
                out.push(phrase);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The role phrase starting at word `i`, and the index of the word after it.
fn phrase_at(sentence: &str, tg: &Tagged<'_>, i: usize) -> Option<(RolePhrase, usize)> {
    let ws = &tg.words[..];
    let first = &ws[i];
    // "Russia's president": the possessive country is part of the office.
    let country_possessive = first.is_possessive() && {
        let bare = first.bare();
        plain_alias(bare, tg.bare[i]).unwrap_or_else(|| crate::memo::names_country(bare))
    };
    let office_start = if country_possessive {
        i
    } else if tg.full[i] & tag::DETERMINER != 0 {
        i + 1
    } else {
        return None;
    };
    let mut end = if country_possessive { i + 1 } else { office_start };
    while end < ws.len() && is_office_word(&ws[end], tg.bare[end]) && adjacent(sentence, &ws[end - 1], &ws[end]) {
        end += 1;
        if ws[end - 1].is_possessive() {
            break;
        }
    }
    let last = ws.get(end.checked_sub(1)?)?;
    if end <= office_start || (country_possessive && end == i + 1) {
        return None;
    }
    if tg.bare[end - 1] & tag::OFFICE_HEAD == 0 {
        return None;
    }
    // "the Russian President Vladimir Putin", "his Defense Secretary, Pete
    // Hegseth": the name is written right there.
    let named_next = ws.get(end).is_some_and(|n| {
        let gap = &sentence[last.range.end..n.range.start];
        n.is_capitalised() && (gap.trim_matches([' ', '\n']).is_empty() || gap.trim_matches([' ', '\n']) == ",")
    });
    if named_next && !last.is_possessive() {
        return None;
    }
    let head_end = last.range.start + last.bare().len();
    let office = ws[office_start].range.start..head_end;
    let office_text = sentence[office.clone()].replace("'s", "").replace("’s", "");
    let generic_head = crate::lexicon::with_lower(last.bare(), |head| matches!(head, "leader" | "counterpart"));
    let (role, country) = if generic_head {
        (None, Some(country_of(&office_text)?))
    } else {
        (Some(parse_role(&office_text)?), None)
    };
    Some((RolePhrase { range: first.range.start..head_end, role, country }, end))
}

/// `t` holds the word's bare tags.
fn is_office_word(w: &Word<'_>, t: u32) -> bool {
    t & (tag::TITLE | tag::FORMER) == tag::TITLE
        || t & (tag::COUNTERPART | tag::DEMONYM | tag::ROLE_DEMONYM) != 0
        || {
            let bare = w.bare();
            plain_alias(bare, t).unwrap_or_else(|| with_lower(bare, crate::memo::names_country))
        }
}

/// Whether the plain word `bare` (ASCII letters and digits, possessive
/// stripped) names a country or body, from its tags `t`
/// ([`tag::ALIAS_WORD`]: the same answer as the alias lookup, without it);
/// `None` for any other word.
fn plain_alias(bare: &str, t: u32) -> Option<bool> {
    (!bare.is_empty() && bare.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(t & tag::ALIAS_WORD != 0)
}

/// The country of an office phrase, as [`parse_role`] keys it.
fn country_of(office: &str) -> Option<String> {
    parse_role(&format!("{office} president")).and_then(|r| r.of)
}

/// The full name of the one person `phrase` stands for, among `holders`
/// (each person's full name with the office the article gave them, latest
/// last). The latest holder wins when the phrase names a country; without
/// one, all holders must be the same person.
pub fn resolve<'h>(
    phrase: &RolePhrase,
    holders: impl DoubleEndedIterator<Item = (&'h Role, &'h str)>,
) -> Option<&'h str> {
    let fits = |r: &Role| match (&phrase.role, &phrase.country) {
        (Some(w), _) => {
            r.title == w.title
                && (w.of.is_none() || r.of == w.of)
                && (r.qualifier.as_deref() == Some("former")) == (w.qualifier.as_deref() == Some("former"))
        }
        (None, Some(c)) => r.of.as_deref() == Some(c) && HEADS_OF_STATE.contains(&r.title.as_str()),
        (None, None) => false,
    };
    let mut found = holders.rev().filter(|(r, _)| fits(r)).map(|(_, n)| n);
    let latest = found.next()?;
    let has_country = phrase.country.is_some() || phrase.role.as_ref().is_some_and(|r| r.of.is_some());
    if !has_country && found.any(|n| n != latest) {
        return None;
    }
    Some(latest)
}

/// `offices` as the holders [`resolve`] reads.
pub fn holders(offices: &[(Role, String)]) -> impl DoubleEndedIterator<Item = (&Role, &str)> {
    offices.iter().map(|(r, n)| (r, n.as_str()))
}

/// The offices of a whole story that one person holds in every article that
/// names a holder: "the Russian president" in an article that only ever
/// writes "Putin" resolves through another article's "Russian President
/// Vladimir Putin". An office given to two different people anywhere in
/// the story is left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryOffices {
    /// Role key → (role, full name), one holder per office.
    offices: Vec<(Role, String)>,
}

impl StoryOffices {
    /// Merges the offices of each article (from [`crate::learn`]); the
    /// result does not depend on the order of the articles.
    pub fn merge<'a>(articles: impl IntoIterator<Item = &'a [(Role, String)]>) -> StoryOffices {
        let mut by_key: BTreeMap<String, (Role, BTreeMap<String, String>)> = BTreeMap::new();
        for (role, name) in articles.into_iter().flatten() {
            let person = crosscheck_normalize::key_for(name, crosscheck_core::EntityKind::Person);
            let entry = by_key.entry(role.key.clone()).or_insert_with(|| (role.clone(), BTreeMap::new()));
            let longest = entry.1.entry(person).or_default();
            if name.len() > longest.len() {
                *longest = name.clone();
            }
        }
        let offices = by_key
            .into_values()
            .filter(|(_, people)| people.len() == 1)
            .filter_map(|(role, people)| people.into_values().next().map(|name| (role, name)))
            .collect();
        StoryOffices { offices }
    }

    /// The offices, each with its one holder's full name.
    pub fn offices(&self) -> &[(Role, String)] {
        &self.offices
    }
}

/// `text` with each resolved phrase replaced by the person's surname.
pub fn substitute(text: &str, resolved: &[(Range<usize>, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, name) in resolved {
        out.push_str(&text[at..range.start]);
        out.push_str(name.split_whitespace().last().unwrap_or(name));
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offices() -> Vec<(Role, String)> {
        [("Russian President", "Vladimir Putin"), ("U.S. President", "Donald Trump"), ("Defense Secretary", "Pete Hegseth")]
            .iter()
            .map(|(r, n)| (parse_role(r).expect("a role"), n.to_string()))
            .collect()
    }

    fn resolved(sentence: &str) -> Vec<(String, String)> {
        let h = offices();
        role_phrases(sentence)
            .into_iter()
            .filter_map(|p| resolve(&p, holders(&h)).map(|n| (sentence[p.range.clone()].to_string(), n.to_string())))
            .collect()
    }

    #[test]
    fn resolves_offices_to_the_people_who_hold_them() {
        assert_eq!(
            resolved("The Russian president has invited the U.S. president to visit Moscow."),
            [("The Russian president".to_string(), "Vladimir Putin".to_string()), ("the U.S. president".into(), "Donald Trump".into())]
        );
        assert_eq!(resolved("He invited his US counterpart to Moscow."), [("his US counterpart".to_string(), "Donald Trump".to_string())]);
        assert_eq!(resolved("the Russian leader's offer"), [("the Russian leader".to_string(), "Vladimir Putin".to_string())]);
        assert_eq!(resolved("Russia's president spoke."), [("Russia's president".to_string(), "Vladimir Putin".to_string())]);
        assert_eq!(resolved("the defense secretary said"), [("the defense secretary".to_string(), "Pete Hegseth".to_string())]);
    }

    #[test]
    fn leaves_names_plurals_and_ambiguous_offices_alone() {
        assert!(resolved("the Russian President Vladimir Putin said").is_empty());
        assert!(resolved("He agreed with his Defense Secretary, Pete Hegseth, who spoke").is_empty());
        assert!(resolved("the two presidents spoke").is_empty());
        // Two presidents and no country: which one is meant is not known.
        assert!(resolved("the president said").is_empty());
        // Nobody introduced holds this office.
        assert!(resolved("the French president said").is_empty());
        assert!(resolved("the former Russian president said").is_empty());
    }

    #[test]
    fn story_offices_keep_only_offices_one_person_holds() {
        let role = |r: &str| parse_role(r).expect("a role");
        let a = vec![(role("Russian President"), "Vladimir Putin".to_string()), (role("President"), "Donald Trump".to_string())];
        let b = vec![(role("Russian President"), "Putin".to_string()), (role("President"), "Emmanuel Macron".to_string())];
        let story = StoryOffices::merge([a.as_slice(), b.as_slice()]);
        assert_eq!(story, StoryOffices::merge([b.as_slice(), a.as_slice()]));
        assert_eq!(story.offices(), [(role("Russian President"), "Vladimir Putin".to_string())]);
    }

    #[test]
    fn substitution_keeps_the_rest_of_the_text() {
        let text = "The Russian president's offer to the US leader";
        let at = |p: &str| text.find(p).map(|i| i..i + p.len()).expect("in the text");
        let pairs = [(at("The Russian president"), "Vladimir Putin"), (at("the US leader"), "Donald Trump")];
        assert_eq!(substitute(text, &pairs), "Putin's offer to Trump");
    }
}
