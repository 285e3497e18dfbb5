//! Stage 2: tokenisation with byte offsets into the caller's text.
//!
//! Every later stage works on these tokens, so every range it reports is a
//! range of original bytes and automatically lies on char boundaries.

use std::borrow::Cow;

/// FNV-1a: a cheap hash for the short words of the scanner's tables (the
/// default SipHash costs more than the rest of a lookup).
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Hash maps and sets of table words use [`Fnv`].
pub type FnvBuildHasher = std::hash::BuildHasherDefault<Fnv>;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters.
    Word,
    /// A run of digits, possibly with grouping commas and one decimal point.
    Num,
    /// Any other single non-space character.
    Sym,
}

/// One token: its byte range in the text, kind, and lowercased text.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lowercased text (digits unchanged). Curly dashes are folded to '-'.
    /// Borrowed from the text unless lower-casing changed it.
    pub low: Cow<'a, str>,
    /// True when the token's first char is uppercase in the original.
    pub capital: bool,
    /// True when exactly one whitespace char separates it from the previous token.
    pub gap_one: bool,
}

impl Tok<'_> {
    /// True when `self` ends exactly where `next` starts.
    pub fn touches(&self, next: &Tok<'_>) -> bool {
        self.end == next.start
    }
    /// The lowercased text.
    pub fn low(&self) -> &str {
        &self.low
    }
    /// True when the token is the word `w` (already lowercase).
    pub fn is(&self, w: &str) -> bool {
        self.low == w
    }
}

/// Splits `text` into tokens. Never panics; ranges lie on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    if text.is_ascii() {
        // Every char is one byte: no table of char offsets needed.
        let b = text.as_bytes();
        return tokenize_chars(text, b.len(), |k| b.get(k).map(|&c| char::from(c)), |k| k.min(b.len()));
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |(b, _)| *b);
    tokenize_chars(text, chars.len(), |k| chars.get(k).map(|(_, c)| *c), end_of)
}

/// [`tokenize`] over the `n` chars of `text`: `char_at(k)` is the k-th char
/// and `offset(k)` its byte offset (`text.len()` for `k == n`).
fn tokenize_chars<'a>(
    text: &'a str,
    n: usize,
    char_at: impl Fn(usize) -> Option<char>,
    offset: impl Fn(usize) -> usize,
) -> Vec<Tok<'a>> {
    let digit = |k: usize| char_at(k).is_some_and(|d| d.is_ascii_digit());
    // About one token per five bytes of news text: room without regrowing.
    let mut toks = Vec::with_capacity(text.len() / 4 + 1);
    let mut k = 0;
    while let Some(c) = char_at(k) {
        let start = offset(k);
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let digit_after = |k: usize| digit(k + 1);
        let prev_digit = k > 0 && digit(k - 1);
        if c.is_alphabetic() {
            let mut j = k + 1;
            while j < n && char_at(j).is_some_and(|d| d.is_alphabetic() || is_mark(d)) {
                j += 1;
            }
            push(&mut toks, text, start, offset(j), TokKind::Word);
            k = j;
        } else if let Some(j) = (c.is_ascii_digit() || (c == '.' && digit_after(k) && !prev_digit))
            .then(|| scan_number(&char_at, k))
            .filter(|&j| j > k)
        {
            push(&mut toks, text, start, offset(j), TokKind::Num);
            k = j;
        } else {
            // Also a dot that cannot start a number after all (the second
            // dot of "1..2"): scanning it gave an empty number, and pushing
            // that without moving on looped for ever.
            push(&mut toks, text, start, offset(k + 1), TokKind::Sym);
            k += 1;
        }
    }
    toks
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Scans a number starting at char `k`; returns the index one past its end.
/// Commas are kept only as thousands separators (followed by exactly three
/// digits); a dot is kept once, and not in dotted sequences like 192.168.1.2.
fn scan_number(char_at: &impl Fn(usize) -> Option<char>, k: usize) -> usize {
    let digit = |i: usize| char_at(i).is_some_and(|d| d.is_ascii_digit());
    let run = |mut i: usize| {
        while digit(i) {
            i += 1;
        }
        i
    };
    let mut j = if char_at(k) == Some('.') { k } else { run(k) };
    // A number right after "192." continues a dotted sequence: no decimals.
    let mut seen_dot = k >= 2 && char_at(k - 1) == Some('.') && digit(k - 2);
    loop {
        let c = char_at(j);
        if c == Some(',') && !seen_dot && digit(j + 1) {
            let after = run(j + 1);
            if after - (j + 1) == 3 {
                j = after;
                continue;
            }
        }
        if c == Some('.') && !seen_dot && digit(j + 1) {
            let after = run(j + 1);
            let dotted = char_at(after) == Some('.') && digit(after + 1);
            if !dotted {
                seen_dot = true;
                j = after;
                continue;
            }
        }
        return j;
    }
}

fn push<'a>(toks: &mut Vec<Tok<'a>>, text: &'a str, start: usize, end: usize, kind: TokKind) {
    let raw = text.get(start..end).unwrap_or("");
    let low = match kind {
        TokKind::Sym => match raw {
            "\u{2013}" | "\u{2014}" | "\u{2012}" | "\u{2212}" | "\u{2010}" | "\u{2011}" => Cow::Borrowed("-"),
            "\u{2019}" | "\u{2018}" => Cow::Borrowed("'"),
            _ => lower(raw),
        },
        _ => lower(raw),
    };
    let capital = match raw.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => raw.chars().next().is_some_and(char::is_uppercase),
    };
    let gap_one = toks.last().is_some_and(|p: &Tok<'_>| {
        let gap = text.get(p.end..start).unwrap_or("");
        match gap.as_bytes() {
            // One ASCII char (`char::is_whitespace` also counts U+000B).
            [b] => char::from(*b).is_whitespace(),
            _ => gap.chars().count() == 1 && gap.chars().all(char::is_whitespace),
        }
    });
    toks.push(Tok { start, end, kind, low, capital, gap_one });
}

/// `raw` lowercased, borrowed when that changes nothing (most tokens).
/// ASCII lowercases byte by byte (the same result as `to_lowercase`).
fn lower(raw: &str) -> Cow<'_, str> {
    if raw.is_ascii() {
        if raw.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(raw.to_ascii_lowercase())
        } else {
            Cow::Borrowed(raw)
        }
    } else {
        let low = raw.to_lowercase();
        if low == raw {
            Cow::Borrowed(raw)
        } else {
            Cow::Owned(low)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lows(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.low.into_owned()).collect()
    }

    /// The tokens of `text` cut through the general (char table) path.
    fn general(text: &str) -> Vec<Tok<'_>> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |k: usize| chars.get(k).map_or(text.len(), |(b, _)| *b);
        tokenize_chars(text, chars.len(), |k| chars.get(k).map(|(_, c)| *c), end_of)
    }

    fn same(a: &[Tok<'_>], b: &[Tok<'_>]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                (x.start, x.end, x.kind, &x.low, x.capital, x.gap_one) == (y.start, y.end, y.kind, &y.low, y.capital, y.gap_one)
            })
    }

    proptest::proptest! {
        #[test]
        fn ascii_text_is_cut_as_by_the_char_table(t in "[ -~\t\n\x0b\x0c\r\x1c-\x1f]{0,40}") {
            proptest::prop_assert!(same(&tokenize(&t), &general(&t)), "{:?}", t);
        }
    }

    #[test]
    fn splits_numbers_words_and_symbols() {
        assert_eq!(lows("1,234,567 and 3.5years"), ["1,234,567", "and", "3.5", "years"]);
        assert_eq!(lows("192.168.1.2"), ["192", ".", "168", ".", "1", ".", "2"]);
        assert_eq!(lows("22,24,26"), ["22", ",", "24", ",", "26"]);
        assert_eq!(lows(".08 – 90-minute"), [".08", "-", "90", "-", "minute"]);
    }

    /// Regression (fuzz target `numbers`): "1..2" made the tokenizer push
    /// empty tokens for ever, until memory ran out.
    #[test]
    fn a_dot_after_a_dotted_number_is_a_symbol() {
        assert_eq!(lows("1..2"), ["1", ".", ".", "2"]);
        assert_eq!(lows("a score of 3..5"), ["a", "score", "of", "3", ".", ".", "5"]);
        for t in tokenize("vTd1..2:\u{3}\u{fffd}{;rn 65id1.. pages 1...9 v2..3..4") {
            assert!(t.end > t.start, "empty token {t:?}");
        }
    }
}
