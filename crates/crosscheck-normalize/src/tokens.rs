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

/// Hash maps looked up by whole names and phrases (memos, the alias and
/// demonym indexes, an article's surnames): foldhash, which hashes eight
/// bytes at a time where FNV-1a takes one, with a fixed seed so that every
/// run is the same.
pub type StrBuildHasher = foldhash::fast::FixedState;

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
///
/// Reads bytes: the bytes that digits, dots, commas and ASCII letters are
/// made of are ASCII, and an ASCII byte is always a whole char of UTF-8, so
/// only the chars outside ASCII (letters, marks, spaces, symbols) are
/// decoded, and a token of ASCII bytes is read as such even in a sentence
/// with curly quotes or dashes.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    use crate::ascii::{is_alpha, is_space, is_upper};
    let b = text.as_bytes();
    // About one token per five bytes of news text: room without regrowing.
    let mut toks: Vec<Tok<'_>> = Vec::with_capacity(b.len() / 4 + 1);
    let mut prev_end = 0;
    let mut p = 0;
    while p < b.len() {
        let c = b[p];
        let start = p;
        let (kind, case, capital) = if c.is_ascii() {
            if is_space(c) {
                p += 1;
                continue;
            }
            let capital = is_upper(c);
            if is_alpha(c) {
                let (end, case) = word_end(text, p + 1, if capital { Case::AsciiUpper } else { Case::Lower });
                p = end;
                (TokKind::Word, case, capital)
            } else if let Some(end) = number_end(b, p) {
                // Digits, commas and a dot.
                p = end;
                (TokKind::Num, Case::Lower, false)
            } else {
                // Also a dot that cannot start a number after all (the second
                // dot of "1..2"): scanning it gave an empty number, and pushing
                // that without moving on looped for ever.
                p += 1;
                (TokKind::Sym, Case::Lower, false)
            }
        } else {
            let Some((ch, len)) = char_at(text, p) else { break };
            if ch.is_whitespace() {
                p += len;
                continue;
            }
            if crate::ascii::is_alphabetic(ch) {
                p = word_end(text, p + len, Case::Unknown).0;
                (TokKind::Word, Case::Unknown, ch.is_uppercase())
            } else {
                p += len;
                (TokKind::Sym, Case::Unknown, ch.is_uppercase())
            }
        };
        let raw = text.get(start..p).unwrap_or("");
        let gap_one = !toks.is_empty() && is_one_space(text, prev_end, start);
        toks.push(Tok { start, end: p, kind, low: low_of(raw, kind, case), capital, gap_one });
        prev_end = p;
    }
    toks
}

/// Whether the bytes `from..to` of `text` are exactly one whitespace char.
fn is_one_space(text: &str, from: usize, to: usize) -> bool {
    match text.as_bytes().get(from..to) {
        // One ASCII char (`char::is_whitespace` also counts U+000B).
        Some([b]) => crate::ascii::is_space(*b),
        // No gap (punctuation after a word), or an ASCII char and more.
        None | Some([]) => false,
        Some([first, ..]) if first.is_ascii() => false,
        _ => text.get(from..to).is_some_and(one_space),
    }
}

/// The lower-cased text of the token `raw` of `kind`, given `case`, what
/// the tokenizer knows of how it lower-cases.
fn low_of(raw: &str, kind: TokKind, case: Case) -> Cow<'_, str> {
    match (case, kind) {
        (Case::Lower, _) => Cow::Borrowed(raw),
        (Case::AsciiUpper, _) => Cow::Owned(raw.to_ascii_lowercase()),
        (Case::Unknown, TokKind::Sym) => match raw {
            "\u{2013}" | "\u{2014}" | "\u{2012}" | "\u{2212}" | "\u{2010}" | "\u{2011}" => Cow::Borrowed("-"),
            "\u{2019}" | "\u{2018}" => Cow::Borrowed("'"),
            _ => lower(raw),
        },
        (Case::Unknown, _) => lower(raw),
    }
}

/// The char at byte `p` of `text` and its length in bytes (`None` at the
/// end, or off a char boundary, which the tokenizer never is).
fn char_at(text: &str, p: usize) -> Option<(char, usize)> {
    match *text.as_bytes().get(p)? {
        b if b.is_ascii() => Some((char::from(b), 1)),
        _ => text.get(p..)?.chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// One past the last byte of the word whose second char starts at `j` (a
/// run of letters and combining marks), and how the whole word lower-cases,
/// given `case`, how its first char does.
// Inlined into the tokenizer's loop: a call per word cost more than the
// scan of most words.
#[inline(always)]
fn word_end(text: &str, mut j: usize, mut case: Case) -> (usize, Case) {
    let b = text.as_bytes();
    loop {
        let (end, capital) = crate::ascii::letter_run(b, j);
        j = end;
        if capital && case == Case::Lower {
            case = Case::AsciiUpper;
        }
        match b.get(j) {
            Some(byte) if !byte.is_ascii() => match char_at(text, j) {
                Some((c, len)) if crate::ascii::is_alphabetic(c) || is_mark(c) => {
                    case = Case::Unknown;
                    j += len;
                }
                _ => break,
            },
            _ => break,
        }
    }
    (j, case)
}

/// One past the end of the number that starts at byte `p`, if one does: a
/// digit, or a dot before a digit that does not continue a number.
fn number_end(b: &[u8], p: usize) -> Option<usize> {
    let digit = |i: usize| b.get(i).is_some_and(|&c| crate::ascii::is_digit(c));
    let prev_digit = p > 0 && digit(p - 1);
    let starts = digit(p) || (b.get(p) == Some(&b'.') && digit(p + 1) && !prev_digit);
    if !starts {
        return None;
    }
    Some(scan_number(b, p)).filter(|&j| j > p)
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Scans a number starting at byte `k`; returns the index one past its end.
/// Commas are kept only as thousands separators (followed by exactly three
/// digits); a dot is kept once, and not in dotted sequences like 192.168.1.2.
fn scan_number(b: &[u8], k: usize) -> usize {
    let digit = |i: usize| b.get(i).is_some_and(|&c| crate::ascii::is_digit(c));
    let run = |mut i: usize| {
        while digit(i) {
            i += 1;
        }
        i
    };
    let mut j = if b.get(k) == Some(&b'.') { k } else { run(k) };
    // A number right after "192." continues a dotted sequence: no decimals.
    let mut seen_dot = k >= 2 && b[k - 1] == b'.' && digit(k - 2);
    loop {
        let c = b.get(j).copied();
        if c == Some(b',') && !seen_dot && digit(j + 1) {
            let after = run(j + 1);
            if after - (j + 1) == 3 {
                j = after;
                continue;
            }
        }
        if c == Some(b'.') && !seen_dot && digit(j + 1) {
            let after = run(j + 1);
            let dotted = b.get(after) == Some(&b'.') && digit(after + 1);
            if !dotted {
                seen_dot = true;
                j = after;
                continue;
            }
        }
        return j;
    }
}

/// What the tokenizer already knows about how a token lower-cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// ASCII with no capital letter: lower-casing changes nothing.
    Lower,
    /// ASCII with a capital letter.
    AsciiUpper,
    /// Not known (text outside ASCII): lower-case it as a `str`.
    Unknown,
}

/// True when `gap` is exactly one whitespace char.
fn one_space(gap: &str) -> bool {
    let mut chars = gap.chars();
    chars.next().is_some_and(char::is_whitespace) && chars.next().is_none()
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
    } else if raw.chars().all(lowers_to_itself) {
        // Checked char by char, without building the lower-cased copy:
        // `str::to_lowercase` changes a text exactly when it changes one of
        // its chars (its one rule of context, final sigma, is for a char
        // that changes anyway).
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(raw.to_lowercase())
    }
}

/// Whether lower-casing leaves the char `c` as it is.
fn lowers_to_itself(c: char) -> bool {
    let mut low = c.to_lowercase();
    low.next() == Some(c) && low.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lows(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.low.into_owned()).collect()
    }

    /// `push` as it was first written: lower-cases every token as a `str`.
    fn reference_push<'a>(toks: &mut Vec<Tok<'a>>, text: &'a str, start: usize, end: usize, kind: TokKind) {
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

    /// The tokenizer as it was first written, over a table of chars: the
    /// reference that the byte reader must agree with.
    fn general(text: &str) -> Vec<Tok<'_>> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let n = chars.len();
        let char_at = |k: usize| chars.get(k).map(|(_, c)| *c);
        let offset = |k: usize| chars.get(k).map_or(text.len(), |(b, _)| *b);
        let digit = |k: usize| char_at(k).is_some_and(|d| d.is_ascii_digit());
        let scan_number = |k: usize| {
            let run = |mut i: usize| {
                while digit(i) {
                    i += 1;
                }
                i
            };
            let mut j = if char_at(k) == Some('.') { k } else { run(k) };
            let mut seen_dot = k >= 2 && char_at(k - 1) == Some('.') && digit(k - 2);
            loop {
                let c = char_at(j);
                if c == Some(',') && !seen_dot && digit(j + 1) && run(j + 1) - (j + 1) == 3 {
                    j = run(j + 1);
                    continue;
                }
                if c == Some('.') && !seen_dot && digit(j + 1) {
                    let after = run(j + 1);
                    if !(char_at(after) == Some('.') && digit(after + 1)) {
                        seen_dot = true;
                        j = after;
                        continue;
                    }
                }
                return j;
            }
        };
        let mut toks = Vec::new();
        let mut k = 0;
        while let Some(c) = char_at(k) {
            let start = offset(k);
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            let prev_digit = k > 0 && digit(k - 1);
            if c.is_alphabetic() {
                let mut j = k + 1;
                while j < n && char_at(j).is_some_and(|d| d.is_alphabetic() || is_mark(d)) {
                    j += 1;
                }
                reference_push(&mut toks, text, start, offset(j), TokKind::Word);
                k = j;
            } else if let Some(j) = (c.is_ascii_digit() || (c == '.' && digit(k + 1) && !prev_digit))
                .then(|| scan_number(k))
                .filter(|&j| j > k)
            {
                reference_push(&mut toks, text, start, offset(j), TokKind::Num);
                k = j;
            } else {
                reference_push(&mut toks, text, start, offset(k + 1), TokKind::Sym);
                k += 1;
            }
        }
        toks
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

        #[test]
        fn news_text_is_cut_as_by_the_char_table(
            t in "[ -~\t\n\u{85}\u{a0}\u{2003}\u{3000}\u{2013}\u{2014}\u{2019}\u{2018}\u{201c}\u{2212}\u{e9}\u{c9}\u{df}\u{130}\u{3a3}\u{3c3}\u{44f}\u{42f}\u{301}\u{308}\u{661}\u{4e2d}\u{bd}\u{20ac}\u{1f600}]{0,40}"
        ) {
            proptest::prop_assert!(same(&tokenize(&t), &general(&t)), "{:?}", t);
        }

        #[test]
        fn any_text_is_cut_as_by_the_char_table(t in proptest::prelude::any::<String>()) {
            proptest::prop_assert!(same(&tokenize(&t), &general(&t)), "{:?}", t);
        }
    }

    proptest::proptest! {
        #[test]
        fn lower_casing_borrows_exactly_when_nothing_changes(t in proptest::prelude::any::<String>()) {
            let low = t.to_lowercase();
            let got = lower(&t);
            proptest::prop_assert_eq!(&*got, low.as_str());
            proptest::prop_assert_eq!(matches!(got, Cow::Borrowed(_)), low == t);
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
