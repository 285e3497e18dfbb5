//! Whether a claim negates ("did not", "never") or hedges ("could",
//! "reportedly"): one tag lookup per word of the claim.
//!
//! Most news sentences are ASCII but for typographic punctuation (curly
//! quotes and apostrophes, dashes). Such text is read byte by byte; any
//! other text is lower-cased first and read char by char. Both readings
//! give the same answer (a property test holds them together).

use crate::lexicon::{self, tag};
use crate::words::{is_plain, Shape, Tagged};

/// Both flags found: nothing more to look for.
const BOTH: u32 = tag::NEGATION | tag::HEDGE;

/// Whether `text` negates and whether it hedges: whether a word of it
/// (letters, digits and `'`), lower-cased, is in [`lexicon::NEGATIONS`] or
/// [`lexicon::HEDGES`], or a list holds "n't" and the text a contraction.
pub(crate) fn negated_hedged(text: &str) -> (bool, bool) {
    let found = if is_plain(text) { plain_flags(text) } else { lowered_flags(&text.to_lowercase()) };
    (found & tag::NEGATION != 0, found & tag::HEDGE != 0)
}

/// [`negated_hedged`] of the text `tagged` was cut from (its words and
/// their tags, and whether it is plain). In plain text ([`is_plain`])
/// whose every `'` stands between a letter or digit and another, each
/// word of this module (letters, digits and `'`) lies inside one of
/// `tagged`'s words, for the bytes outside ASCII separate both kinds of
/// word (but for the curly apostrophe inside a word of `tagged`): a word
/// made only of such bytes is one, whose tags `tagged` holds already; any
/// other is read byte by byte. Other texts are read as [`negated_hedged`]
/// reads them.
pub(crate) fn negated_hedged_tagged(tagged: &Tagged<'_>) -> (bool, bool) {
    let text = tagged.text;
    if !tagged.plain || !apostrophes_are_inner(text.as_bytes()) {
        return negated_hedged(text);
    }
    let mut found = 0;
    for (w, &full) in tagged.words.iter().zip(&tagged.full) {
        match w.shape {
            Shape::Alnum => found |= full & BOTH,
            Shape::Apostrophe => {
                found |= full & BOTH;
                if holds_contraction(w.text.as_bytes()) {
                    found |= contraction_flags();
                }
            }
            Shape::Other => found |= plain_flags(w.text),
        }
        if found == BOTH {
            break;
        }
    }
    (found & tag::NEGATION != 0, found & tag::HEDGE != 0)
}

/// Whether every `'` in `b` has a letter or digit on both sides.
fn apostrophes_are_inner(b: &[u8]) -> bool {
    let alnum = |i: usize| b.get(i).is_some_and(|&c| crosscheck_normalize::ascii::is_alnum(c));
    memchr::memchr_iter(b'\'', b).all(|i| i > 0 && alnum(i - 1) && alnum(i + 1))
}

/// The flags of a plain text ([`is_plain`]), byte by byte: every byte
/// outside ASCII belongs to a separator.
fn plain_flags(text: &str) -> u32 {
    let b = text.as_bytes();
    let mut found = 0;
    let mut i = 0;
    while i < b.len() && found != BOTH {
        if !is_word_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut apostrophe = false;
        while i < b.len() && is_word_byte(b[i]) {
            apostrophe |= b[i] == b'\'';
            i += 1;
        }
        let w = &b[start..i];
        if apostrophe && holds_contraction(w) {
            found |= contraction_flags();
        }
        if may_negate_or_hedge(w) {
            found |= lexicon::tags_of_ascii(w) & BOTH;
        }
    }
    found
}

/// Whether the byte belongs to a word: an ASCII letter or digit, or `'`.
fn is_word_byte(b: u8) -> bool {
    crosscheck_normalize::ascii::is_alnum(b) || b == b'\''
}

/// The flags of a text already lower-cased, char by char.
fn lowered_flags(lower: &str) -> u32 {
    let mut found = 0;
    if holds_contraction(lower.as_bytes()) {
        found |= contraction_flags();
    }
    for w in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        if found == BOTH {
            break;
        }
        if !w.is_empty() {
            found |= lexicon::tags_of_lower(w) & BOTH;
        }
    }
    found
}

/// Whether `b` holds "n't" (in any case).
fn holds_contraction(b: &[u8]) -> bool {
    b.windows(3).any(|t| t.eq_ignore_ascii_case(b"n't"))
}

/// The flags of the lists that hold "n't".
fn contraction_flags() -> u32 {
    let mut flags = 0;
    for (list, flag) in [(lexicon::NEGATIONS, tag::NEGATION), (lexicon::HEDGES, tag::HEDGE)] {
        if list.contains(&"n't") {
            flags |= flag;
        }
    }
    flags
}

/// False when the ASCII `word` (lower-cased or not) cannot be one of
/// [`lexicon::NEGATIONS`] or [`lexicon::HEDGES`]: no listed word has its
/// first letter and length. Rules out most words before a tag lookup.
fn may_negate_or_hedge(word: &[u8]) -> bool {
    static LENGTHS: std::sync::LazyLock<[u64; 256]> = std::sync::LazyLock::new(|| {
        let mut lengths = [0u64; 256];
        for w in lexicon::NEGATIONS.iter().chain(lexicon::HEDGES) {
            if let Some(&b) = w.as_bytes().first() {
                lengths[usize::from(b)] |= 1u64 << w.len().min(63);
            }
        }
        lengths
    });
    // Lower-casing keeps an ASCII word's length.
    word.first().is_some_and(|b| LENGTHS[usize::from(b.to_ascii_lowercase())] & 1u64 << word.len().min(63) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading of every text as first written: lower-case all of it,
    /// then look up each word.
    fn reference(text: &str) -> (bool, bool) {
        let found = lowered_flags(&text.to_lowercase());
        (found & tag::NEGATION != 0, found & tag::HEDGE != 0)
    }

    proptest::proptest! {
        /// Reading a text through its words gives what reading it gives.
        #[test]
        fn the_words_read_as_the_text(
            words in proptest::collection::vec(
                "not|Not|NOT|nothing|cannot|no|None|n't|didn't|DIDN'T|'not'|not'|'no|could|likely|unlikely|may|didn’t|No’s|\
                 U\\.S\\.|@no|no@x|non-binding|not-so|18,000|a&b|[a-z']{1,6}|[0-9]{1,2}|—|’|“|\\.|,|-|é",
                0..12,
            ),
            seps in proptest::collection::vec(" |, |'|’|—|-|\\.|", 12),
        ) {
            let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s.as_str()]).collect();
            let tagged = Tagged::new(&text);
            proptest::prop_assert_eq!(negated_hedged_tagged(&tagged), negated_hedged(&text), "{:?}", text);
        }
    }

    #[test]
    fn negation_and_hedging_are_found_in_any_script() {
        assert_eq!(negated_hedged("Peskov said the call did not happen."), (true, false));
        assert_eq!(negated_hedged("The talks could resume, he said."), (false, true));
        assert_eq!(negated_hedged("He “didn’t” say so; it would never work."), (true, true));
        assert_eq!(negated_hedged("Zelenskyy met Erdoğan in Ankara."), (false, false));
        assert_eq!(negated_hedged("NOT ONE SOLDIER MAY LEAVE"), (true, true));
    }

    proptest::proptest! {
        #[test]
        fn every_text_reads_as_the_lower_cased_reference(
            words in proptest::collection::vec(
                "not|Not|NEVER|could|may|Reportedly|didn't|DIDN'T|isn’t|won't|n't|no|talks|Erdoğan|ΣΊΣ|İnot|\
                 straße|1,000|—|–|“|”|’|'|\\.|,|\u{a0}|…|«|»|x|[a-zA-Z']{1,6}|[ -~]{1,3}|[\u{80}-\u{2fff}]{1,2}",
                0..12,
            ),
            seps in proptest::collection::vec(" |, |’|—|\u{a0}|", 12),
        ) {
            let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s.as_str()]).collect();
            proptest::prop_assert_eq!(negated_hedged(&text), reference(&text), "{:?}", text);
        }
    }
}
