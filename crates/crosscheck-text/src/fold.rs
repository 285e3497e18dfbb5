//! Comparing text with lower-case patterns without lower-casing the text.
//!
//! Layout's rules ask short blocks whether they open with, end with, equal
//! or contain a lower-case pattern ("share this", "getty images",
//! "contributed to this report"). Lower-casing a block to ask costs an
//! allocation and a pass over every character; comparing ASCII letters
//! case-insensitively gives the same answers for every pattern of this
//! crate: each is ASCII or holds only characters without case ("©", "–").
//! The two agree because, outside ASCII, only two characters lower-case to
//! something with an ASCII letter in it: the Kelvin sign (to "k") and "İ"
//! (to "i" and a combining dot, which is not alphanumeric, so trimming
//! differs too). [`Folded::new`] lower-cases the rare text that holds
//! either, so that the comparisons below stay exact for all text.

use std::borrow::Cow;

/// The Kelvin sign, which lower-cases to "k".
const KELVIN: &str = "\u{212A}";
/// "İ", which lower-cases to "i" and a combining dot.
const DOTTED_CAPITAL_I: &str = "\u{130}";

/// Whether `text` holds one of the two characters outside ASCII whose
/// lower case has an ASCII letter in it, searched as substrings (which
/// `str` finds faster than a set of characters).
fn holds_lower_to_ascii(text: &str) -> bool {
    !text.is_ascii() && (text.contains(KELVIN) || text.contains(DOTTED_CAPITAL_I))
}

/// Text ready to be compared, ASCII-case-insensitively, with lower-case
/// patterns: borrowed as it stands, or lower-cased where that comparison
/// would differ from comparing the lower-cased text.
#[derive(Debug, Clone)]
pub(crate) struct Folded<'a>(Cow<'a, str>);

impl<'a> Folded<'a> {
    /// `text`, lower-cased only when it holds the Kelvin sign or "İ".
    pub(crate) fn new(text: &'a str) -> Folded<'a> {
        if !holds_lower_to_ascii(text) {
            Folded(Cow::Borrowed(text))
        } else {
            Folded(Cow::Owned(text.to_lowercase()))
        }
    }

    /// The text to compare.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

/// `s` after the prefix `p`, compared ASCII-case-insensitively (as
/// `s.to_lowercase().strip_prefix(p)` for `s` of a [`Folded`]).
pub(crate) fn strip_prefix<'s>(s: &'s str, p: &str) -> Option<&'s str> {
    let head = s.as_bytes().get(..p.len())?;
    // Equal to an ASCII-folded `p`, the head ends on a character boundary
    // wherever `p` does: `p` is a whole string.
    head.eq_ignore_ascii_case(p.as_bytes()).then(|| &s[p.len()..])
}

/// Whether `s` opens with `p`, ASCII-case-insensitively.
pub(crate) fn starts_with(s: &str, p: &str) -> bool {
    strip_prefix(s, p).is_some()
}

/// Whether `s` ends with `p`, ASCII-case-insensitively.
pub(crate) fn ends_with(s: &str, p: &str) -> bool {
    s.len() >= p.len() && s.as_bytes()[s.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
}

/// Whether `s` is `p`, ASCII-case-insensitively.
pub(crate) fn eq(s: &str, p: &str) -> bool {
    s.eq_ignore_ascii_case(p)
}

/// The word `w` ready to be compared with [`eq`], for any `w`, not only
/// a [`Folded`] one: itself, or lower-cased if it holds the Kelvin sign
/// ("İ" lower-cases with a combining dot that keeps it unequal to any ASCII
/// word, so it needs no lower-casing to compare whole words).
pub(crate) fn word(w: &str) -> Cow<'_, str> {
    if !w.is_ascii() && w.contains(KELVIN) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Whether the word `w` lower-cased is one of the lower-case `words`.
pub(crate) fn is_one_of(w: &str, words: &[&str]) -> bool {
    let w = word(w);
    words.iter().any(|p| eq(&w, p))
}

/// Whether `s` holds `p` anywhere, ASCII-case-insensitively: tried where
/// `p`'s first byte is, in either case.
pub(crate) fn contains(s: &str, p: &str) -> bool {
    let (s, p) = (s.as_bytes(), p.as_bytes());
    let Some(&first) = p.first() else { return true };
    let at = |i: usize| s.get(i..i + p.len()).is_some_and(|w| w.eq_ignore_ascii_case(p));
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), s).any(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks around the edges of case: every character whose lower case
    /// differs in length or leaves ASCII, capitals, and the two characters
    /// that lower-case into ASCII.
    const SAMPLES: &[&str] = &[
        "Share THIS story",
        "GETTY IMAGES",
        "Photo: AP",
        "\u{212A}ELVIN contributed to this report",
        "İstanbul Copyright",
        "ÉDITION: share this",
        "ΣΊΣΥΦΟΣ Share this",
        "FILE – A man walks",
        "© 2024 all rights reserved",
        "ẞTRASSE Copyright",
        "copyri\u{212A}ht",
        "xİ getty images",
        "\u{212A}",
        "İ",
        "",
    ];
    const PATTERNS: &[&str] = &["share this", "getty images", "photo", "contributed to this report", "copyright", "file – ", "©", "k", "i", ""];

    #[test]
    fn folded_comparisons_agree_with_lower_casing_first() {
        for sample in SAMPLES {
            let lower = sample.to_lowercase();
            let folded = Folded::new(sample);
            let f = folded.as_str();
            for p in PATTERNS {
                let ctx = format!("{sample:?} against {p:?}");
                assert_eq!(strip_prefix(f, p).is_some(), lower.strip_prefix(p).is_some(), "prefix of {ctx}");
                assert_eq!(ends_with(f, p), lower.ends_with(p), "suffix of {ctx}");
                assert_eq!(eq(f, p), lower == *p, "equality of {ctx}");
                assert_eq!(is_one_of(sample, &[p]), lower == *p, "equality of unfolded {ctx}");
                assert_eq!(contains(f, p), lower.contains(p), "contains of {ctx}");
            }
        }
    }

    #[test]
    fn only_text_with_the_two_characters_is_lower_cased() {
        assert!(matches!(Folded::new("ÉDITION Share").0, Cow::Borrowed(_)));
        assert!(matches!(Folded::new("İstanbul").0, Cow::Owned(_)));
        assert!(matches!(Folded::new("5 \u{212A}").0, Cow::Owned(_)));
    }
}
