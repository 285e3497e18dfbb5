//! Named entities: capitalised runs of words, split into a title (role) and
//! a name, typed as person, organisation, place or other.
//!
//! There is no statistical tagger here; the rules are those of English news
//! prose. A run of capitalised words is a name; title words and nationality
//! adjectives at its start (and lower-case titles just before it, "former",
//! "spokesman") form the person's role; organisation words and gazetteer
//! places decide the type. Within an article, a lone surname is resolved to
//! the full name it was introduced with.

use std::collections::HashMap;
use std::ops::Range;

use crosscheck_core::EntityKind;

use crate::lexicon::{DEMONYMS, NOT_NAMES, ORG_WORDS, PLACES, TITLE_WORDS};
use crate::words::{strip_possessive, words, Word};

/// An entity found in a sentence, before it is turned into a core `Entity`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as written, without title or possessive.
    pub name: String,
    /// Byte range of the name in the sentence.
    pub range: Range<usize>,
    /// The type.
    pub kind: EntityKind,
    /// The title or role written before the name, as written.
    pub role: Option<String>,
}

/// What an article has said about its people so far: surname → full name.
#[derive(Debug, Default, Clone)]
pub struct People {
    full_names: HashMap<String, String>,
}

impl People {
    /// Records every person with a given name and a surname.
    pub fn learn(&mut self, mentions: &[Mention]) {
        for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
            let parts: Vec<&str> = m.name.split_whitespace().collect();
            if parts.len() >= 2 {
                if let Some(last) = parts.last() {
                    self.full_names.entry(last.to_lowercase()).or_insert_with(|| m.name.clone());
                }
            }
        }
    }

    /// The full name a lone surname stands for in this article.
    pub fn full_name(&self, surname: &str) -> Option<&str> {
        self.full_names.get(&surname.to_lowercase()).map(String::as_str)
    }

    /// `name` completed to the full name the article introduced, or as given.
    pub fn complete<'a>(&'a self, name: &'a str) -> &'a str {
        self.full_name(name).unwrap_or(name)
    }
}

fn lower_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

fn is_title_word(w: &Word<'_>) -> bool {
    let l = w.bare_lower();
    lower_in(TITLE_WORDS, &l)
        || (l.contains('-') && l.split('-').all(|p| lower_in(TITLE_WORDS, p)))
        || DEMONYMS.iter().any(|(d, _)| *d == l)
        || crosscheck_normalize::roles::DEMONYMS.iter().any(|(d, _)| *d == l)
        || (w.is_capitalised() && lower_in(PLACES, &l))
}

fn is_connector(w: &Word<'_>) -> bool {
    matches!(w.text, "of" | "for" | "the" | "The" | "de" | "van" | "von" | "bin" | "al" | "la" | "le" | "du" | "and")
}

/// Only spaces stand between two words (no comma, quote or bracket).
fn adjacent(sentence: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    sentence[a.range.end..b.range.start].chars().all(|c| c == ' ' || c == '\n')
}

fn starts_name(w: &Word<'_>, first_in_sentence: bool) -> bool {
    if !w.is_capitalised() {
        return false;
    }
    let l = w.bare_lower();
    !(lower_in(NOT_NAMES, &l) && (first_in_sentence || l.len() <= 3 || lower_in(NOT_NAMES, &l)))
}

/// Finds the entities of one sentence.
pub fn mentions(sentence: &str, people: &People) -> Vec<Mention> {
    let ws = words(sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !starts_name(&ws[i], i == 0) {
            i += 1;
            continue;
        }
        let end = run_end(sentence, &ws, i);
        if let Some(m) = mention_from_run(sentence, &ws, i, end, people) {
            out.push(m);
        }
        i = end;
    }
    out
}

/// End (exclusive) of the capitalised run starting at `start`.
fn run_end(sentence: &str, ws: &[Word<'_>], start: usize) -> usize {
    let mut end = start + 1;
    if ws[start].is_possessive() {
        return end;
    }
    while end < ws.len() && adjacent(sentence, &ws[end - 1], &ws[end]) {
        let w = &ws[end];
        let bridge = is_connector(w)
            && ws.get(end + 1).is_some_and(|n| n.is_capitalised() && adjacent(sentence, w, n))
            && w.text != "and";
        if !(w.is_capitalised() || bridge) {
            break;
        }
        end += 1;
        if w.is_possessive() {
            break;
        }
    }
    end
}

fn mention_from_run(sentence: &str, ws: &[Word<'_>], start: usize, end: usize, people: &People) -> Option<Mention> {
    let run = &ws[start..end];
    let all_title = run.iter().all(|w| is_title_word(w) || is_connector(w));
    // Organisation names end in their organisation word ("Patriots Party").
    let org_like = run.last().is_some_and(|w| lower_in(ORG_WORDS, &w.bare_lower()));
    // Leading title words form the role, unless the run is an organisation
    // or a role with no name ("the U.S. President").
    let all_places = run.iter().all(|w| is_place_or_acronym(w) || is_connector(w));
    let split = if all_title || org_like || all_places {
        0
    } else {
        run.iter().take_while(|w| is_title_word(w) || is_connector(w)).count()
    };
    let name_words = &run[split..];
    let first = name_words.first()?;
    let last = name_words.last()?;
    let name_range = first.range.start..last.range.start + strip_possessive(last.text).len();
    let name = sentence[name_range.clone()].to_string();
    let role_start = extend_role_back(sentence, ws, start);
    let role = (role_start < start + split).then(|| {
        let r = ws[role_start].range.start..ws[start + split - 1].range.end;
        sentence[r].to_string()
    });
    if all_title && !run.iter().any(|w| is_place_or_acronym(w)) {
        // A bare title ("President", "Secretary of State") names nobody.
        return None;
    }
    let role = role.filter(|r| {
        words(r).iter().any(|w| lower_in(TITLE_WORDS, &w.bare_lower()) || DEMONYMS.iter().any(|(d, _)| *d == w.bare_lower()))
    });
    let kind = if all_title {
        // "UN Secretary-General": an office named by its titles, not a person.
        if run.iter().all(|w| lower_in(PLACES, &w.bare_lower()) || is_connector(w)) {
            EntityKind::Place
        } else {
            EntityKind::Organization
        }
    } else {
        kind_of(name_words, role.is_some(), people)
    };
    Some(Mention { name, range: name_range, kind, role })
}

/// Lower-case title words just before a run ("former", "spokesman") belong
/// to the role.
fn extend_role_back(sentence: &str, ws: &[Word<'_>], start: usize) -> usize {
    let mut s = start;
    while s > 0 && adjacent(sentence, &ws[s - 1], &ws[s]) && is_title_word(&ws[s - 1]) && !is_connector(&ws[s - 1]) {
        s -= 1;
    }
    s
}

fn is_place_or_acronym(w: &Word<'_>) -> bool {
    let l = w.bare_lower();
    lower_in(PLACES, &l) || is_acronym(w.text)
}

fn is_acronym(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn kind_of(name_words: &[Word<'_>], has_role: bool, people: &People) -> EntityKind {
    let lowers: Vec<String> = name_words.iter().map(Word::bare_lower).collect();
    if lowers.iter().any(|l| lower_in(ORG_WORDS, l)) {
        return EntityKind::Organization;
    }
    if lowers.iter().all(|l| lower_in(PLACES, l) || is_connector_str(l)) {
        return EntityKind::Place;
    }
    if name_words.len() == 1 && is_acronym(name_words[0].text) {
        return EntityKind::Organization;
    }
    if has_role || name_words.len() >= 2 {
        return EntityKind::Person;
    }
    if lowers.first().is_some_and(|l| people.full_name(l).is_some()) {
        return EntityKind::Person;
    }
    EntityKind::Other
}

fn is_connector_str(l: &str) -> bool {
    matches!(l, "of" | "the" | "and")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<(String, EntityKind, Option<String>)> {
        mentions(s, &People::default()).into_iter().map(|m| (m.name, m.kind, m.role)).collect()
    }

    #[test]
    fn titles_are_split_from_names() {
        let got = names("Former U.S. President Jane Roe met Kremlin spokesman Ivan Petrov in Geneva.");
        assert_eq!(got, vec![
            ("Jane Roe".into(), EntityKind::Person, Some("Former U.S. President".into())),
            ("Ivan Petrov".into(), EntityKind::Person, Some("Kremlin spokesman".into())),
            ("Geneva".into(), EntityKind::Place, None),
        ]);
    }

    #[test]
    fn organisations_places_and_possessives() {
        let got = names("The United Nations and NATO met in Saudi Arabia, Petrov's office said.");
        assert_eq!(got, vec![
            ("United Nations".into(), EntityKind::Organization, None),
            ("NATO".into(), EntityKind::Organization, None),
            ("Saudi Arabia".into(), EntityKind::Place, None),
            ("Petrov".into(), EntityKind::Other, None),
        ]);
    }

    #[test]
    fn lone_surnames_resolve_through_the_article() {
        let mut people = People::default();
        people.learn(&mentions("Ivan Petrov arrived.", &people));
        let got = mentions("Later Petrov spoke.", &people);
        assert_eq!(got.first().map(|m| m.kind), Some(EntityKind::Person));
    }
}
