//! Word counts that stop early: layout asks "more than 20 words?" of
//! every paragraph, and a paragraph of prose is long. One pass over the
//! bytes, decoding only what is not ASCII, gives the count
//! `split_whitespace` would. Both counters read eight ASCII bytes at a
//! time as one `u64`, finding the spaces (and letters) of all eight with a
//! few additions; [`alphanumeric_words_up_to`] then steps through them four
//! at a time in a table, since whether a word has a letter yet depends on
//! every byte before it. [`words_up_to`], asked of every block, tests only
//! for spaces outside ASCII.

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
    // Words started, and whether the byte before `i` was whitespace (or
    // `i` is the start).
    let (mut count, mut after_space, mut i) = (0, true, 0);
    while i < bytes.len() && count < cap {
        if let Some(chunk) = ascii_chunk(bytes, i) {
            let spaces = ascii_spaces(chunk);
            // Each byte's high bit: set where the byte before it was space.
            let before = spaces << 8 | u64::from(after_space) << 7;
            count += high_bits_set(!spaces & before & HIGH_BITS);
            after_space = spaces >> 63 != 0;
            i += 8;
            continue;
        }
        let (space, len) = match bytes[i] {
            b if b.is_ascii() => (ASCII_CLASS[usize::from(b)] & SPACE != 0, 1),
            _ => s[i..].chars().next().map_or((true, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        count += usize::from(after_space && !space);
        after_space = space;
        i += len;
    }
    count.min(cap)
}

/// Every byte of a `u64` with only its high bit set.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Every byte of a `u64` holding one.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `bytes` from `i` as one little-endian `u64`, when
/// there are eight and all are ASCII.
fn ascii_chunk(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = u64::from_le_bytes(bytes.get(i..i + 8)?.try_into().ok()?);
    (chunk & HIGH_BITS == 0).then_some(chunk)
}

/// The high bit of each byte of the ASCII `chunk` that is whitespace
/// (tab to carriage return, space).
fn ascii_spaces(chunk: u64) -> u64 {
    ascii_in(chunk, 0x09, 0x0D) | ascii_in(chunk, 0x20, 0x20)
}

/// The high bit of each byte of the ASCII `chunk` from `first` to `last`.
/// Adding to a byte below 0x80 a number below 0x80 never carries into the
/// next byte, so one addition compares all eight: the high bit of
/// `byte + 0x80 - n` is set exactly when `byte >= n`.
fn ascii_in(chunk: u64, first: u64, last: u64) -> u64 {
    chunk.wrapping_add(ONES * (0x80 - first)) & !chunk.wrapping_add(ONES * (0x7F - last)) & HIGH_BITS
}

/// How many bytes of `m` (a mask of high bits) are set.
fn high_bits_set(m: u64) -> usize {
    // The eight ones summed into the top byte.
    ((m >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// A byte class of [`ASCII_CLASS`]: whitespace as `char::is_whitespace`.
const SPACE: u8 = 1;
/// A byte class of [`ASCII_CLASS`]: a letter or digit.
const ALPHANUMERIC: u8 = 2;

/// The class of every ASCII byte.
static ASCII_CLASS: [u8; 128] = ascii_classes();

const fn ascii_classes() -> [u8; 128] {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if matches!(c, b'\t'..=b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALPHANUMERIC
        } else {
            0
        };
        b += 1;
    }
    table
}

/// How many whitespace-separated words with a letter or digit in them `s`
/// has, counting no further than `cap`.
pub(crate) fn alphanumeric_words_up_to(s: &str, cap: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut count, mut i) = (0, 0);
    // Whether the word being read has counted yet.
    let mut counted = false;
    while i < bytes.len() && count < cap {
        if let Some(chunk) = ascii_chunk(bytes, i) {
            let (spaces, letters) = (one_bit_per_byte(ascii_spaces(chunk)), one_bit_per_byte(ascii_alphanumerics(chunk)));
            for half in [0, 4] {
                let step = NIBBLE_STEPS[nibble_step_index(counted, spaces >> half, letters >> half)];
                count += usize::from(step >> 1);
                counted = step & 1 != 0;
            }
            i += 8;
            continue;
        }
        let (class, len) = class_at(s, i);
        let wordy = class & ALPHANUMERIC != 0;
        count += usize::from(wordy && !counted);
        counted = (counted || wordy) && class & SPACE == 0;
        i += len;
    }
    count.min(cap)
}

/// The high bit of each byte of the ASCII `chunk` that is a letter or a
/// digit (letters with their case bit set, which maps capitals onto small
/// letters and nothing else into them).
fn ascii_alphanumerics(chunk: u64) -> u64 {
    ascii_in(chunk, 0x30, 0x39) | ascii_in(chunk | (ONES * 0x20), 0x61, 0x7A)
}

/// The high bits of `m`'s eight bytes as the eight bits of one byte, the
/// first byte's lowest.
fn one_bit_per_byte(m: u64) -> u8 {
    // Each byte's bit k lands alone on bit 56 + k: no two products meet,
    // so nothing carries.
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// Where in [`NIBBLE_STEPS`] four bytes are read: from a word that has
/// counted or not, their spaces and letters the low four bits of
/// `spaces` and `letters`.
fn nibble_step_index(counted: bool, spaces: u8, letters: u8) -> usize {
    usize::from(counted) << 8 | usize::from(spaces & 0xF) << 4 | usize::from(letters & 0xF)
}

/// [`alphanumeric_words_up_to`] over four bytes, for every start and
/// every spaces and letters of theirs (by [`nibble_step_index`]): the words
/// counted, times two, plus whether the last word has counted.
static NIBBLE_STEPS: [u8; 512] = nibble_steps();

const fn nibble_steps() -> [u8; 512] {
    let mut table = [0; 512];
    let mut index = 0;
    while index < 512 {
        let (mut counted, mut count, mut k) = (index >> 8 != 0, 0, 0);
        while k < 4 {
            let (space, letter) = ((index >> (4 + k)) & 1 != 0, (index >> k) & 1 != 0);
            if letter && !counted {
                count += 1;
            }
            counted = (counted || letter) && !space;
            k += 1;
        }
        table[index] = count << 1 | counted as u8;
        index += 1;
    }
    table
}

/// The class of the character at byte `i` of `s` ([`SPACE`],
/// [`ALPHANUMERIC`] or neither) and its length in bytes.
fn class_at(s: &str, i: usize) -> (u8, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (ASCII_CLASS[usize::from(b)], 1);
    }
    match s[i..].chars().next() {
        Some(c) if c.is_whitespace() => (SPACE, c.len_utf8()),
        Some(c) if c.is_alphanumeric() => (ALPHANUMERIC, c.len_utf8()),
        Some(c) => (0, c.len_utf8()),
        None => (SPACE, 1),
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

    /// Every ASCII character, and a few outside ASCII, mostly the former:
    /// long runs of ASCII, read eight bytes at a time.
    fn mostly_ascii() -> Vec<char> {
        let mut alphabet: Vec<char> = (0..128u8).map(char::from).collect();
        alphabet.extend(['\u{a0}', '\u{3000}', 'é', '“']);
        alphabet.extend([' '; 16]);
        alphabet
    }

    /// Strings of `alphabet`, from a fixed linear congruential sequence:
    /// many strings, the same every run, up to `max_len` characters.
    fn strings(alphabet: &[char], max_len: u64) -> Vec<String> {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut out = Vec::new();
        for _ in 0..4000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = ((state >> 40) % (max_len + 1)) as usize;
            let mut r = state;
            out.push(
                (0..len)
                    .map(|_| {
                        r = r.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        alphabet[((r >> 33) % alphabet.len() as u64) as usize]
                    })
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn counts_agree_with_split_whitespace_on_mixed_text() {
        let mixed = strings(ALPHABET, 31);
        let ascii = strings(&mostly_ascii(), 120);
        for s in mixed.iter().chain(&ascii) {
            for cap in [0, 1, 2, 3, 9, usize::MAX] {
                assert_eq!(
                    words_up_to(s, cap),
                    expected(s, cap, false),
                    "{s:?} cap {cap}"
                );
                assert_eq!(
                    alphanumeric_words_up_to(s, cap),
                    expected(s, cap, true),
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
