//! ASCII byte classes by table lookup.
//!
//! The tokenizers of normalisation and extraction ask of every byte of
//! every sentence whether it is a letter, a digit or a space. `u8`'s
//! `is_ascii_*` methods compare it range by range (several compares and
//! branches each); here each class is one bit of a 256-entry table, so a
//! test is one load and one mask. Bytes outside ASCII belong to no class.

/// An ASCII letter.
pub const ALPHA: u8 = 1;
/// An ASCII digit.
pub const DIGIT: u8 = 2;
/// An ASCII capital letter.
pub const UPPER: u8 = 4;
/// ASCII whitespace as `char::is_whitespace` has it (space, `\t` to `\r`).
pub const SPACE: u8 = 8;

/// The classes of every byte.
const CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut class = 0;
        if c.is_ascii_alphabetic() {
            class |= ALPHA;
        }
        if c.is_ascii_digit() {
            class |= DIGIT;
        }
        if c.is_ascii_uppercase() {
            class |= UPPER;
        }
        if c == b' ' || (c >= b'\t' && c <= b'\r') {
            class |= SPACE;
        }
        table[b] = class;
        b += 1;
    }
    table
};

/// `b.is_ascii_alphabetic()`.
#[inline]
pub fn is_alpha(b: u8) -> bool {
    CLASSES[usize::from(b)] & ALPHA != 0
}

/// The classes of `b`: its bits of [`ALPHA`], [`DIGIT`], [`UPPER`] and
/// [`SPACE`], to ask several at once.
#[inline]
pub fn class(b: u8) -> u8 {
    CLASSES[usize::from(b)]
}

/// `b.is_ascii_alphanumeric()`.
#[inline]
pub fn is_alnum(b: u8) -> bool {
    CLASSES[usize::from(b)] & (ALPHA | DIGIT) != 0
}

/// `b.is_ascii_digit()`.
#[inline]
pub fn is_digit(b: u8) -> bool {
    CLASSES[usize::from(b)] & DIGIT != 0
}

/// `b.is_ascii_uppercase()`.
#[inline]
pub fn is_upper(b: u8) -> bool {
    CLASSES[usize::from(b)] & UPPER != 0
}

/// `char::from(b).is_whitespace()` for an ASCII byte (false outside ASCII).
#[inline]
pub fn is_space(b: u8) -> bool {
    CLASSES[usize::from(b)] & SPACE != 0
}

/// One past the end of the run of ASCII letters that starts at byte
/// `from` of `b` (`from` itself when there is none), and whether a capital
/// is among them.
#[inline]
pub fn letter_run(b: &[u8], from: usize) -> (usize, bool) {
    let mut seen = 0;
    let mut j = from;
    while let Some(&c) = b.get(j) {
        let class = CLASSES[usize::from(c)];
        if class & ALPHA == 0 {
            break;
        }
        seen |= class;
        j += 1;
    }
    (j, seen & UPPER != 0)
}

/// `c.is_alphabetic()`, with the chars of the General Punctuation block
/// (U+2000 to U+206F: curly quotes, dashes, ellipses, spaces; no letter
/// among them) answered without a search of the Unicode tables, which
/// costs some hundreds of instructions per char.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabetic_is_the_standard_library_s() {
        let punctuation = '\u{2000}'..='\u{206f}';
        for c in punctuation.clone().chain('\0'..='\u{24ff}').chain(['\u{1f600}', '\u{4e2d}', '\u{10ffff}']) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:?}", c);
        }
        assert!(punctuation.clone().all(|c| !c.is_alphabetic()), "a letter in the General Punctuation block");
    }

    #[test]
    fn classes_are_the_standard_library_s() {
        for b in 0..=255u8 {
            assert_eq!(is_alpha(b), b.is_ascii_alphabetic(), "{b}");
            assert_eq!(is_alnum(b), b.is_ascii_alphanumeric(), "{b}");
            assert_eq!(is_digit(b), b.is_ascii_digit(), "{b}");
            assert_eq!(is_upper(b), b.is_ascii_uppercase(), "{b}");
            assert_eq!(is_space(b), b.is_ascii() && char::from(b).is_whitespace(), "{b}");
        }
    }

    #[test]
    fn a_letter_run_ends_at_the_first_byte_that_is_no_ascii_letter() {
        assert_eq!(letter_run(b"abc def", 0), (3, false));
        assert_eq!(letter_run(b"xaBc1", 1), (4, true));
        assert_eq!(letter_run("Erdo\u{11f}an".as_bytes(), 0), (4, true));
        assert_eq!(letter_run(b"ab", 2), (2, false));
        assert_eq!(letter_run(b"ab", 5), (5, false));
    }
}
