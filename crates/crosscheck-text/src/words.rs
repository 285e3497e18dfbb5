//! Word counts that stop early: layout asks "more than 20 words?" of
//! every paragraph, and a paragraph of prose is long. One pass over the
//! bytes, decoding only what is not ASCII, gives the count
//! `split_whitespace` would. `words_up_to`, asked of every block, tests
//! only for spaces; asking `classify_at` for letters too made it slower
//! than `split_whitespace` (measured).

/// Words of a block counted once before layout's rules read it: one more
/// than the most any rule asks about, so a capped count answers every
/// "more than N words?" as the full count would.
pub(crate) const BLOCK_WORDS_COUNTED: usize = 61;

/// Whether `s` has at least `n` words with a letter or digit in them.
pub(crate) fn has_alphanumeric_words(s: &str, n: usize) -> bool {
    alphanumeric_words_up_to(s, n) >= n
}

/// How many whitespace-separated words `s` has, counting no further than
/// `cap`: `s.split_whitespace().take(cap).count()`.
pub(crate) fn words_up_to(s: &str, cap: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() && count < cap {
        let b = bytes[i];
        let space = if b.is_ascii() {
            i += 1;
            is_ascii_space(b)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            c.is_whitespace()
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
        }
    }
    count
}

/// `char::is_whitespace` of an ASCII byte: tab to carriage return, space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// How many whitespace-separated words with a letter or digit in them `s`
/// has, counting no further than `cap`.
pub(crate) fn alphanumeric_words_up_to(s: &str, cap: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut count, mut i) = (0, 0);
    // Inside a word, and whether it has counted yet.
    let (mut in_word, mut counted) = (false, false);
    while i < bytes.len() && count < cap {
        let (space, wordy, len) = classify_at(s, i);
        if space {
            in_word = false;
        } else {
            if !in_word {
                (in_word, counted) = (true, false);
            }
            if !counted && wordy {
                counted = true;
                count += 1;
            }
        }
        i += len;
    }
    count
}

/// Whether the character at byte `i` of `s` is whitespace, whether it is
/// a letter or digit, and its length in bytes.
fn classify_at(s: &str, i: usize) -> (bool, bool, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (is_ascii_space(b), b.is_ascii_alphanumeric(), 1);
    }
    match s[i..].chars().next() {
        Some(c) => (c.is_whitespace(), c.is_alphanumeric(), c.len_utf8()),
        None => (true, false, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters around the edges: every Unicode space, ASCII controls
    /// that are not whitespace, letters and digits in and out of ASCII,
    /// punctuation and a combining mark.
    const ALPHABET: &[char] = &[
        ' ', '\t', '\n', '\u{b}', '\u{c}', '\r', '\u{1c}', '\u{1f}', '\u{85}', '\u{a0}',
        '\u{1680}', '\u{2000}', '\u{200a}', '\u{200b}', '\u{2028}', '\u{2029}', '\u{202f}',
        '\u{205f}', '\u{3000}', 'a', 'Z', '7', 'é', 'Ж', '٣', '—', '.', '“', '\u{301}', '©',
    ];

    fn expected(s: &str, cap: usize, alphanumeric: bool) -> usize {
        s.split_whitespace()
            .filter(|w| !alphanumeric || w.chars().any(char::is_alphanumeric))
            .take(cap)
            .count()
    }

    #[test]
    fn counts_agree_with_split_whitespace_on_mixed_text() {
        // A fixed linear congruential sequence: many strings, same every run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..4000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (state >> 59) as usize;
            let s: String = (0..len)
                .map(|k| {
                    let r = state.rotate_left(5 * k as u32 + 3);
                    ALPHABET[(r % ALPHABET.len() as u64) as usize]
                })
                .collect();
            for cap in [0, 1, 2, 3, usize::MAX] {
                assert_eq!(
                    words_up_to(&s, cap),
                    expected(&s, cap, false),
                    "{s:?} cap {cap}"
                );
                assert_eq!(
                    alphanumeric_words_up_to(&s, cap),
                    expected(&s, cap, true),
                    "{s:?} cap {cap}"
                );
            }
        }
    }

    #[test]
    fn counting_stops_at_the_cap() {
        assert_eq!(words_up_to("one two three four", 2), 2);
        assert_eq!(words_up_to("  one\u{a0}two\u{3000}three  ", 10), 3);
        assert_eq!(alphanumeric_words_up_to("— a — b —", 10), 2);
        assert_eq!(words_up_to("", 5), 0);
    }
}
