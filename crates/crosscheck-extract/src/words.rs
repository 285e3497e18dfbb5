//! Words of a sentence with their byte ranges.

use std::ops::Range;

use crate::lexicon::{tag, tags_of_lower, with_lower};

/// A word: letters, digits and inner apostrophes, dots, hyphens or `@`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Its byte range in the text it was cut from.
    pub range: Range<usize>,
    /// What its bytes are ([`Shape::of`] its text), noted as it is cut.
    pub shape: Shape,
}

/// What the bytes of a word are, for readers that take a word of ASCII
/// letters and digits as it is (negation and hedging).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// ASCII letters and digits only.
    Alnum,
    /// ASCII letters, digits and at least one `'`.
    Apostrophe,
    /// Anything else: other inner punctuation, a kept dot, `@`, a comma
    /// between digits, bytes outside ASCII.
    Other,
}

impl Shape {
    /// The shape of `word`'s bytes.
    pub fn of(word: &str) -> Shape {
        word.bytes().fold(Shape::Alnum, |shape, b| if b.is_ascii_alphanumeric() { shape } else { shape.with(b) })
    }

    /// The shape once the byte `b`, no ASCII letter or digit, is added.
    fn with(self, b: u8) -> Shape {
        match (self, b) {
            (Shape::Alnum | Shape::Apostrophe, b'\'') => Shape::Apostrophe,
            _ => Shape::Other,
        }
    }
}

impl<'a> Word<'a> {
    /// True when the word starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// The word without a possessive `'s`, as written.
    pub fn bare(&self) -> &'a str {
        // Letters and digits alone hold no apostrophe.
        if self.shape == Shape::Alnum {
            self.text
        } else {
            strip_possessive(self.text)
        }
    }

    /// The [`crate::lexicon::tag`] flags of [`Word::bare`] lower-cased,
    /// without allocating it.
    pub fn bare_tags(&self) -> u32 {
        crate::lexicon::tags_of(self.bare())
    }

    /// The [`crate::lexicon::tag`] flags of the word lower-cased as written
    /// (possessive included).
    pub fn tags(&self) -> u32 {
        crate::lexicon::tags_of(self.text)
    }

    /// True when the word ends in a possessive `'s` or `’s`.
    pub fn is_possessive(&self) -> bool {
        self.bare().len() < self.text.len()
    }
}

/// Whether only spaces and line breaks stand between the words `a` and
/// `b` of `text` (no comma, quote or bracket). Bytes are compared: those of
/// a char outside ASCII are never a space's.
pub fn adjacent(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    text.as_bytes().get(a.range.end..b.range.start).is_some_and(|gap| gap.iter().all(|&c| c == b' ' || c == b'\n'))
}

/// The word without a trailing possessive.
pub fn strip_possessive(w: &str) -> &str {
    // Every possessive ends in `s` or in the last byte of `’`.
    if !matches!(w.as_bytes().last(), Some(b's' | 0x99)) {
        return w;
    }
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).or_else(|| w.strip_suffix('’')).unwrap_or(w)
}

/// The words of a text with their lexicon tags, computed once and shared by
/// everything that reads the text (entities, attribution, role phrases).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tagged<'a> {
    /// The text the words are cut from.
    pub text: &'a str,
    /// Whether that text is plain ([`is_plain`]), asked once.
    pub plain: bool,
    /// The words, as [`words`] cuts them.
    pub words: Vec<Word<'a>>,
    /// Each word's tags lower-cased without its possessive
    /// ([`Word::bare_tags`]), with [`tag::TITLE_WORD`].
    pub bare: Vec<u32>,
    /// Each word's tags lower-cased as written ([`Word::tags`]).
    pub full: Vec<u32>,
}

impl<'a> Tagged<'a> {
    /// Cuts and tags `text`.
    pub fn new(text: &'a str) -> Tagged<'a> {
        let (plain, words) = match plain_words(text) {
            Some(words) => (true, words),
            None => (false, char_words(text)),
        };
        let mut bare = Vec::with_capacity(words.len());
        let mut full = Vec::with_capacity(words.len());
        for w in &words {
            // A word of ASCII letters, digits and `'` is ASCII: no need to
            // ask of its bytes (nor of its stem, a part of it).
            let ascii = w.shape != Shape::Other || w.text.is_ascii();
            let tags = |w: &str| if ascii { crate::lexicon::tags_of_ascii(w.as_bytes()) } else { crate::lexicon::tags_of(w) };
            let stem = w.bare();
            let t = tags(stem);
            full.push(if stem.len() < w.text.len() { tags(w.text) } else { t });
            bare.push(if is_title_word(w, stem, t) { t | tag::TITLE_WORD } else { t });
        }
        Tagged { text, plain, words, bare, full }
    }

    /// What [`Tagged::new`] gives for the part `range` of the text, taken
    /// from this whole: the words inside `range`, shifted to its start.
    /// `None` when a word straddles an edge of `range` (cutting the text
    /// there would cut the word differently).
    pub fn slice(&self, range: &Range<usize>) -> Option<Tagged<'a>> {
        let straddles = |at: usize| {
            let k = self.words.partition_point(|w| w.range.start < at);
            k > 0 && self.words[k - 1].range.end > at
        };
        if straddles(range.start) || straddles(range.end) {
            return None;
        }
        let first = self.words.partition_point(|w| w.range.start < range.start);
        let last = self.words.partition_point(|w| w.range.end <= range.end);
        let (first, last) = (first.min(last), last);
        let shift = |w: &Word<'a>| Word { text: w.text, range: w.range.start - range.start..w.range.end - range.start, shape: w.shape };
        let text = self.text.get(range.clone())?;
        // A part of a plain text is plain.
        let plain = self.plain || is_plain(text);
        Some(Tagged {
            text,
            plain,
            words: self.words[first..last].iter().map(shift).collect(),
            bare: self.bare[first..last].to_vec(),
            full: self.full[first..last].to_vec(),
        })
    }
}

/// A title, a demonym, a hyphenation of titles, or a capitalised place;
/// `stem` is the word without its possessive and `t` its tags.
fn is_title_word(w: &Word<'_>, stem: &str, t: u32) -> bool {
    t & (tag::TITLE | tag::DEMONYM | tag::ROLE_DEMONYM) != 0
        || (t & tag::PLACE != 0 && w.is_capitalised())
        || (w.shape != Shape::Alnum && hyphenated_title(stem))
}

/// "Secretary-General": every hyphenated part of the word (`stem`, without
/// its possessive) is a title word.
fn hyphenated_title(stem: &str) -> bool {
    // A byte loop: words are short, and `contains` would call memchr for each.
    stem.bytes().any(|b| b == b'-') && with_lower(stem, |l| l.split('-').all(|p| tags_of_lower(p) & tag::TITLE != 0))
}

fn inner(c: char) -> bool {
    matches!(c, '\'' | '’' | '.' | '-' | '@' | '&')
}

/// Cuts `text` into words. Inner punctuation stays (`U.S.`, `Zelenskyy's`,
/// `90-minute`); a trailing dot stays only on abbreviations with inner dots
/// or single capitals (`U.S.`, `J.`).
pub fn words(text: &str) -> Vec<Word<'_>> {
    plain_words(text).unwrap_or_else(|| char_words(text))
}

/// Typographic punctuation outside ASCII that is neither a letter nor a
/// digit and that lower-casing leaves alone.
pub(crate) const PLAIN_PUNCTUATION: &[char] =
    &['\u{2019}', '\u{2018}', '\u{201c}', '\u{201d}', '\u{2013}', '\u{2014}', '\u{2026}', '\u{a0}', '\u{ab}', '\u{bb}', '\u{2022}', '\u{b7}'];

/// ASCII, or ASCII with only [`PLAIN_PUNCTUATION`] besides: most news
/// text, which can be read byte by byte.
pub(crate) fn is_plain(text: &str) -> bool {
    if text.is_ascii() {
        return true;
    }
    // Jumps from one byte outside ASCII to the next, decoding only those.
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(k) = b.get(i..).and_then(|rest| rest.iter().position(|c| !c.is_ascii())) {
        match text.get(i + k..).and_then(|rest| rest.chars().next()) {
            Some(c) if PLAIN_PUNCTUATION.contains(&c) => i += k + c.len_utf8(),
            _ => return false,
        }
    }
    true
}

/// [`words`] char by char, for any text.
fn char_words(text: &str) -> Vec<Word<'_>> {
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
        out.push(Word { text: &text[start..end], range: start..end, shape: Shape::of(&text[start..end]) });
    }
    out
}

/// The bytes of the right single quotation mark, the one inner character
/// of [`PLAIN_PUNCTUATION`] (`Zelenskyy’s`).
const CURLY_APOSTROPHE: &[u8] = "\u{2019}".as_bytes();

/// [`words`] of plain text ([`is_plain`]), byte by byte: the same rules,
/// where every character but [`PLAIN_PUNCTUATION`] is one byte and only
/// the curly apostrophe of those can stand inside a word. `None` when the
/// text is not plain, found in the same pass: every char outside ASCII
/// stands between words (but the curly apostrophe, plain) and is checked
/// there.
fn plain_words(text: &str) -> Option<Vec<Word<'_>>> {
    use crosscheck_normalize::ascii::{is_alnum, is_digit};
    let b = text.as_bytes();
    let alnum = |k: usize| b.get(k).is_some_and(|&c| is_alnum(c));
    // The byte length of the inner character at `k` followed by a letter
    // or digit, if there is one.
    let inner_at = |k: usize| match b[k] {
        b'\'' | b'.' | b'-' | b'@' | b'&' => alnum(k + 1).then_some(1),
        0xe2 if b[k..].starts_with(CURLY_APOSTROPHE) => alnum(k + 3).then_some(3),
        _ => None,
    };
    // About one word per six bytes of news text: room without regrowing.
    let mut out = Vec::with_capacity(b.len() / 5 + 1);
    let mut k = 0;
    while k < b.len() {
        if !(is_alnum(b[k]) || b[k] == b'@') {
            if b[k] >= 0x80 {
                // The first byte of a char outside ASCII (continuation bytes
                // are skipped with it).
                let c = text.get(k..).and_then(|rest| rest.chars().next())?;
                if !PLAIN_PUNCTUATION.contains(&c) {
                    return None;
                }
                k += c.len_utf8();
            } else {
                k += 1;
            }
            continue;
        }
        let start = k;
        let mut end = start + 1;
        let mut shape = if b[start] == b'@' { Shape::Other } else { Shape::Alnum };
        while end < b.len() {
            if is_alnum(b[end]) {
                end += 1;
            } else if let Some(n) = inner_at(end) {
                shape = shape.with(b[end]);
                end += n;
            } else if b[end] == b',' && is_digit(b[end - 1]) && b.get(end + 1).is_some_and(|&c| is_digit(c)) {
                // "18,000": a comma between digits is part of the number.
                shape = Shape::Other;
                end += 1;
            } else {
                break;
            }
        }
        if b.get(end) == Some(&b'.') && keeps_dot(&text[start..end]) {
            shape = Shape::Other;
            end += 1;
        }
        out.push(Word { text: &text[start..end], range: start..end, shape });
        k = end;
    }
    Some(out)
}

fn keeps_dot(w: &str) -> bool {
    w.bytes().any(|b| b == b'.') || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
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

    #[test]
    fn a_slice_of_the_sentence_is_the_unit_cut_afresh() {
        let t = "Russian President Vladimir Putin's U.S. envoy met 18,000 people, while the talks lasted 90 minutes.";
        let whole = Tagged::new(t);
        let at = t.find(", while").unwrap_or(0);
        for r in [0..at, at + 2..t.len(), 0..t.len(), at..at + 2] {
            assert_eq!(whole.slice(&r).as_ref(), Some(&Tagged::new(&t[r.clone()])), "{:?}", &t[r]);
        }
        // Cutting inside "18,000" or after "U.S" would cut the words differently.
        let n = t.find("18,000").unwrap_or(0);
        assert_eq!(whole.slice(&(0..n + 2)), None);
        let u = t.find("U.S.").unwrap_or(0);
        assert_eq!(whole.slice(&(u..u + 3)), None);
    }

    #[test]
    fn plain_words_are_cut_as_char_words_are() {
        for t in [
            "U.S. envoy Zelenskyy's 90-minute call, Mr. Smith, @POTUS. 18,000 a,b 1,2 x.@y a-.b J. St. 3.5.",
            "..a..b @@ '' a' 'a 9,000,000, 1,a ,9 Q.",
            "Zelenskyy’s “90-minute” call — ‘a’ deal’s end’ – 1’000 ’s x’’y…\u{a0}«a» • b·c",
            "",
        ] {
            assert!(is_plain(t));
            assert_eq!(plain_words(t), Some(char_words(t)), "{t}");
        }
        assert!(!is_plain("Erdoğan’s"));
        assert_eq!(plain_words("Erdoğan’s"), None);
        assert_eq!(plain_words("a \u{2028} b"), None, "a line separator is not plain");
    }

    proptest::proptest! {
        #[test]
        fn plainness_is_every_char_ascii_or_plain_punctuation(t in "([ -~]|’|“|—|\u{a0}|é|ğ|\u{2028}|😀){0,24}") {
            let reference = t.chars().all(|c| c.is_ascii() || PLAIN_PUNCTUATION.contains(&c));
            proptest::prop_assert_eq!(is_plain(&t), reference);
            // The byte reader finds plainness as it cuts, and cuts as the char reader does.
            proptest::prop_assert_eq!(plain_words(&t), reference.then(|| char_words(&t)));
        }

        #[test]
        fn plain_words_match_char_words_on_any_plain_text(t in "([a-zA-Z0-9 .,'@&\\-]|’|‘|“|”|–|—|…|\u{a0}|«|»|•|·){0,40}") {
            proptest::prop_assert!(is_plain(&t));
            proptest::prop_assert_eq!(plain_words(&t), Some(char_words(&t)));
            for w in plain_words(&t).unwrap_or_default() {
                proptest::prop_assert_eq!(w.shape, Shape::of(w.text), "{:?}", w.text);
            }
        }
    }
}
