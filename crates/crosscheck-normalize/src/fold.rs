//! Stage 1: Unicode folding shared by every other stage.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds text for comparison: compatibility decomposition (NFKD), lowercase,
/// combining marks removed, curly quotes and dashes made ASCII.
///
/// `fold` is idempotent: `fold(&fold(s)) == fold(s)` for every string (a
/// property test checks it). "António Guterres’" → "antonio guterres'".
pub fn fold(text: &str) -> String {
    // ASCII is its own NFKD, has no combining marks or typographic
    // punctuation, and lowercases to ASCII: one pass, the same result.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut current = fold_once(text);
    // Lowercasing can, for a handful of code points, produce characters that
    // decompose again; iterate to a fixed point (in practice one extra pass).
    for _ in 0..4 {
        let next = fold_once(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

fn fold_once(text: &str) -> String {
    let lowered: String = text.nfkd().collect::<String>().to_lowercase();
    lowered
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(straighten)
        .collect()
}

/// Maps typographic punctuation onto its ASCII counterpart.
fn straighten(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => ' ',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_quotes() {
        assert_eq!(fold("António Guterres’"), "antonio guterres'");
        assert_eq!(fold("Szijjártó"), "szijjarto");
        assert_eq!(fold("“Zelenskyy”"), "\"zelenskyy\"");
        assert_eq!(fold("ﬁve—six"), "five-six");
    }

    #[test]
    fn ascii_fast_path_equals_the_full_fold() {
        let all: String = (0u8..128).map(char::from).collect();
        for s in [all.as_str(), "Hello, World! 1,234.5 U.S. O'Brien", "", "MIXED case\tTabs\n"] {
            assert_eq!(fold(s), fold_once(s));
            assert_eq!(fold_once(&fold_once(s)), fold_once(s));
        }
    }
}
