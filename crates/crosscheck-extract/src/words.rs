//! Words of a sentence with their byte ranges.

use std::ops::Range;

/// A word: letters, digits and inner apostrophes, dots, hyphens or `@`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Its byte range in the text it was cut from.
    pub range: Range<usize>,
}

impl Word<'_> {
    /// True when the word starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word lower-cased without a possessive `'s`.
    pub fn bare_lower(&self) -> String {
        strip_possessive(self.text).to_lowercase()
    }

    /// The [`crate::lexicon::tag`] flags of [`Word::bare_lower`], without
    /// allocating it.
    pub fn bare_tags(&self) -> u32 {
        crate::lexicon::tags_of(strip_possessive(self.text))
    }

    /// The [`crate::lexicon::tag`] flags of the word lower-cased as written
    /// (possessive included).
    pub fn tags(&self) -> u32 {
        crate::lexicon::tags_of(self.text)
    }

    /// True when the word ends in a possessive `'s` or `’s`.
    pub fn is_possessive(&self) -> bool {
        strip_possessive(self.text).len() < self.text.len()
    }
}

/// The word without a trailing possessive.
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).or_else(|| w.strip_suffix('’')).unwrap_or(w)
}

fn inner(c: char) -> bool {
    matches!(c, '\'' | '’' | '.' | '-' | '@' | '&')
}

/// Cuts `text` into words. Inner punctuation stays (`U.S.`, `Zelenskyy's`,
/// `90-minute`); a trailing dot stays only on abbreviations with inner dots
/// or single capitals (`U.S.`, `J.`).
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !(c.is_alphanumeric() || c == '@') {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            let next = text[i + d.len_utf8()..].chars().next();
            let next_is_word = next.is_some_and(char::is_alphanumeric);
            // "18,000": a comma between digits is part of the number.
            let digit_comma = d == ',' && text[..i].ends_with(|c: char| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit());
            if d.is_alphanumeric() || (inner(d) && next_is_word) || digit_comma {
                end = i + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if text[end..].starts_with('.') && keeps_dot(&text[start..end]) {
            end += 1;
            chars.next();
        }
        out.push(Word { text: &text[start..end], range: start..end });
    }
    out
}

fn keeps_dot(w: &str) -> bool {
    w.contains('.') || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
        || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Gen" | "Jr" | "Sr" | "Lt" | "Col" | "Sen" | "Rep" | "Gov")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_punctuation_and_abbreviation_dots() {
        let t = "U.S. envoy Zelenskyy's 90-minute call, Mr. Smith, @POTUS.";
        let w: Vec<&str> = words(t).iter().map(|w| w.text).collect();
        assert_eq!(w, vec!["U.S.", "envoy", "Zelenskyy's", "90-minute", "call", "Mr.", "Smith", "@POTUS"]);
        for word in words(t) {
            assert_eq!(&t[word.range.clone()], word.text);
        }
    }
}
