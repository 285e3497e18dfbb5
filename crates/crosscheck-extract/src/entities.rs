//! Named entities: capitalised runs of words, split into a title (role) and
//! a name, typed as person, organisation, place or other.
//!
//! There is no statistical tagger here; the rules are those of English news
//! prose. A run of capitalised words is a name; title words and nationality
//! adjectives at its start (and lower-case titles just before it, "former",
//! "spokesman") form the person's role; organisation words and gazetteer
//! places decide the type. Within an article, a lone surname is resolved to
//! the full name it was introduced with.

use std::ops::Range;

use crosscheck_core::EntityKind;
use crosscheck_normalize::WordMap;

use crate::lexicon::tag;
use crate::words::{adjacent, Tagged, Word};

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
    /// Keyed by the surname lower-cased (`str::to_lowercase`): an ASCII
    /// surname is looked up lower-cased in registers, without a copy.
    full_names: WordMap<String>,
}

impl People {
    /// Records every person with a given name and a surname.
    pub fn learn(&mut self, mentions: &[Mention]) {
        for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
            let parts: Vec<&str> = m.name.split_whitespace().collect();
            if parts.len() >= 2 {
                if let Some(last) = parts.last() {
                    self.full_names.entry_or_insert_with(last.to_lowercase().as_bytes(), || m.name.clone());
                }
            }
        }
    }

    /// `mentions` of a sentence as [`mentions_tagged`] reads them with these
    /// people, from its reading with fewer of them (an earlier state of the
    /// same article's `People`): the people known only change the kind of a
    /// lone, untitled name of no other kind, which is a person once it is
    /// the surname of a full name learned.
    pub fn reread(&self, mut mentions: Vec<Mention>) -> Vec<Mention> {
        for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Other) {
            if self.full_name(&m.name).is_some() {
                m.kind = EntityKind::Person;
            }
        }
        mentions
    }

    /// The full name a lone surname stands for in this article.
    pub fn full_name(&self, surname: &str) -> Option<&str> {
        if self.full_names.is_empty() {
            return None;
        }
        let found = if surname.is_ascii() {
            self.full_names.get_lower_of_ascii(surname.as_bytes())
        } else {
            self.full_names.get(surname.to_lowercase().as_bytes())
        };
        found.map(String::as_str)
    }

    /// `name` completed to the full name the article introduced, or as given.
    pub fn complete<'a>(&'a self, name: &'a str) -> &'a str {
        self.full_name(name).unwrap_or(name)
    }
}

fn is_connector(w: &Word<'_>) -> bool {
    matches!(w.text, "of" | "for" | "the" | "The" | "de" | "van" | "von" | "bin" | "al" | "la" | "le" | "du" | "and")
}

fn starts_name(w: &Word<'_>, t: u32) -> bool {
    w.is_capitalised() && t & tag::NOT_NAME == 0
}

/// Finds the entities of one sentence.
pub fn mentions(sentence: &str, people: &People) -> Vec<Mention> {
    mentions_tagged(sentence, &Tagged::new(sentence), people)
}

/// [`mentions`] of a sentence already cut into words.
pub fn mentions_tagged(sentence: &str, tagged: &Tagged<'_>, people: &People) -> Vec<Mention> {
    let ws = &tagged.words;
    let flags = &tagged.bare;
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !starts_name(&ws[i], flags[i]) {
            i += 1;
            continue;
        }
        let end = run_end(sentence, ws, i);
        if let Some(m) = mention_from_run(sentence, ws, flags, i, end, people) {
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

fn mention_from_run(
    sentence: &str,
    ws: &[Word<'_>],
    flags: &[u32],
    start: usize,
    end: usize,
    people: &People,
) -> Option<Mention> {
    let run = &ws[start..end];
    let run_flags = &flags[start..end];
    let title_or_connector = |k: usize| run_flags[k] & tag::TITLE_WORD != 0 || is_connector(&run[k]);
    let all_title = (0..run.len()).all(title_or_connector);
    // Organisation names end in their organisation word ("Patriots Party").
    let org_like = run_flags.last().is_some_and(|t| t & tag::ORG != 0);
    // Leading title words form the role, unless the run is an organisation
    // or a role with no name ("the U.S. President").
    let place_or_acronym = |k: usize| run_flags[k] & tag::PLACE != 0 || is_acronym(run[k].text);
    let all_places = (0..run.len()).all(|k| place_or_acronym(k) || is_connector(&run[k]));
    let split = if all_title || org_like || all_places {
        0
    } else {
        let titles = (0..run.len()).take_while(|&k| title_or_connector(k)).count();
        titles.max(after_office_head(run_flags))
    };
    let name_words = &run[split..];
    let first = name_words.first()?;
    let last = name_words.last()?;
    let name_range = first.range.start..last.range.start + last.bare().len();
    let role_start = extend_role_back(sentence, ws, flags, start);
    if all_title && !(0..run.len()).any(place_or_acronym) {
        // A bare title ("President", "Secretary of State") names nobody.
        return None;
    }
    let role = (role_start < start + split)
        .then(|| ws[role_start].range.start..ws[start + split - 1].range.end)
        .filter(|_| flags[role_start..start + split].iter().any(|t| t & (tag::TITLE | tag::DEMONYM) != 0))
        .map(|r| sentence[r].to_string());
    let kind = if all_title {
        // "UN Secretary-General": an office named by its titles, not a person.
        if (0..run.len()).all(|k| run_flags[k] & tag::PLACE != 0 || is_connector(&run[k])) {
            EntityKind::Place
        } else {
            EntityKind::Organization
        }
    } else {
        kind_of(&sentence[name_range.clone()], name_words, &run_flags[split..], role.is_some(), people)
    };
    Some(Mention { name: sentence[name_range.clone()].to_string(), range: name_range, kind, role })
}

/// One past the last office head of a run ("Minister" in "Transport
/// Minister Jonas Falk") that still has a name after it, or 0: the
/// capitalised words before a head qualify the office ("Transport", "Bank
/// of England") even when they are no title words themselves.
fn after_office_head(run_flags: &[u32]) -> usize {
    let named_after = |k: usize| run_flags[k + 1..].iter().all(|t| t & tag::TITLE_WORD == 0);
    (0..run_flags.len().saturating_sub(1))
        .rev()
        .find(|&k| run_flags[k] & tag::OFFICE_HEAD != 0 && named_after(k))
        .map_or(0, |k| k + 1)
}

/// Lower-case title words just before a run ("former", "spokesman") belong
/// to the role.
fn extend_role_back(sentence: &str, ws: &[Word<'_>], flags: &[u32], start: usize) -> usize {
    let mut s = start;
    while s > 0 && adjacent(sentence, &ws[s - 1], &ws[s]) && flags[s - 1] & tag::TITLE_WORD != 0 && !is_connector(&ws[s - 1]) {
        s -= 1;
    }
    s
}

fn is_acronym(t: &str) -> bool {
    let mut letters = 0;
    for c in t.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

fn kind_of(name: &str, name_words: &[Word<'_>], flags: &[u32], has_role: bool, people: &People) -> EntityKind {
    if flags.iter().any(|t| t & tag::ORG != 0) {
        return EntityKind::Organization;
    }
    // "the United States", "United Kingdom": two capitalised words that are
    // a country's name, not a person's.
    if name_words.len() >= 2 {
        if let Some(kind) = crate::memo::alias(name) {
            return kind;
        }
    }
    if flags.iter().all(|t| t & (tag::PLACE | tag::CONNECTOR) != 0) {
        return EntityKind::Place;
    }
    if name_words.len() == 1 && is_acronym(name_words[0].text) {
        return EntityKind::Organization;
    }
    if has_role || name_words.len() >= 2 {
        return EntityKind::Person;
    }
    if name_words.first().is_some_and(|w| people.full_name(w.bare()).is_some()) {
        return EntityKind::Person;
    }
    EntityKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<(String, EntityKind, Option<String>)> {
        mentions(s, &People::default()).into_iter().map(|m| (m.name, m.kind, m.role)).collect()
    }

    proptest::proptest! {
        /// Reading a sentence early and rereading its mentions with the
        /// people learned since gives what reading it with them gives.
        #[test]
        fn rereading_equals_reading_with_the_people_learned_since(
            sentences in proptest::collection::vec(
                proptest::collection::vec(
                    "Ivan|Petrov|Petrov's|Anna|Berg|Berg’s|Lee|President|Minister|spokesman|former|Kremlin|NATO|\
                     Moscow|Ukraine|United|States|the|of|and|said|met|in|Dr|Smith|Jane|Roe|Roe's|Party|UN|a|\\.|,",
                    1..12,
                ),
                1..6,
            )
        ) {
            let texts: Vec<String> = sentences.iter().map(|ws| ws.join(" ")).collect();
            let mut people = People::default();
            let mut early = Vec::new();
            for t in &texts {
                let found = mentions(t, &people);
                people.learn(&found);
                early.push(found);
            }
            for (t, found) in texts.iter().zip(early) {
                proptest::prop_assert_eq!(people.reread(found), mentions(t, &people), "{:?}", t);
            }
        }
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
    fn capitalised_words_before_an_office_qualify_it() {
        let got = names("Former Transport Minister Jonas Falk visited Bank of England Governor Ann Lee.");
        assert_eq!(got, vec![
            ("Jonas Falk".into(), EntityKind::Person, Some("Former Transport Minister".into())),
            ("Ann Lee".into(), EntityKind::Person, Some("Bank of England Governor".into())),
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
    fn two_word_country_names_are_places() {
        let got = names("Russia and the United States agreed, and the United Kingdom followed.");
        assert_eq!(got, vec![
            ("Russia".into(), EntityKind::Place, None),
            ("United States".into(), EntityKind::Place, None),
            ("United Kingdom".into(), EntityKind::Place, None),
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
