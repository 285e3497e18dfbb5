//! Making article text safe to print.
//!
//! Article text is untrusted: it was scraped from the web or pasted by a
//! user. Printed raw to a terminal, an escape sequence in it can recolour,
//! move the cursor, rewrite earlier lines, set the window title or (on some
//! terminals) emit hyperlinks. [`sanitize_terminal`] removes every escape
//! sequence *as a whole* (so no `[31m` residue is left behind) and every
//! other control character, including the C1 range and the Unicode
//! bidirectional overrides that can make text display in a different order
//! than it is stored.

use std::borrow::Cow;

/// The escape character that starts ANSI sequences.
const ESC: char = '\u{1b}';
/// Bell: one of the two terminators of an OSC string.
const BEL: char = '\u{7}';

/// Returns `text` without ANSI escape sequences and control characters.
///
/// Newlines and tabs are kept; everything else in the C0 and C1 control
/// ranges, DEL, and the bidirectional embedding/override/isolate characters
/// (U+202A–U+202E, U+2066–U+2069) is removed. Escape sequences are removed
/// whole: CSI (`ESC [ … final`), OSC/DCS/APC/PM/SOS strings (up to BEL or
/// `ESC \`) and two-character escapes. Borrows when nothing needs removing.
pub fn sanitize_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{9d}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Collapses every run of whitespace (including newlines) into one space and
/// sanitises: for quotes printed on one line.
pub fn one_line(text: &str) -> String {
    sanitize_terminal(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for characters that must never reach a terminal.
fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips what follows an ESC.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // Intermediate bytes, then one final byte (e.g. `ESC ( B`).
        Some(_) => {
            while chars.next_if(|c| ('\u{20}'..='\u{2f}').contains(c)).is_some() {}
            chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
        None => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    while chars.next_if(|c| ('\u{20}'..='\u{3f}').contains(c)).is_some() {}
    chars.next_if(|c| ('\u{40}'..='\u{7e}').contains(c));
}

/// Skips a control string up to BEL, ST (`ESC \` or U+009C) or the end.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            BEL | '\u{9c}' => return,
            ESC => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize_terminal("Plain «text», 90 minutes.\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(sanitize_terminal("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize_terminal("x\u{1b}[2J\u{1b}[1;1Hy"), "xy");
        assert_eq!(sanitize_terminal("c1\u{9b}31mcsi"), "c1csi");
    }

    #[test]
    fn osc_strings_are_removed_whole() {
        assert_eq!(sanitize_terminal("t\u{1b}]0;pwned\u{7}u"), "tu");
        assert_eq!(sanitize_terminal("l\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\"), "llink");
        assert_eq!(sanitize_terminal("unterminated \u{1b}]0;title"), "unterminated ");
    }

    #[test]
    fn other_controls_are_removed() {
        assert_eq!(sanitize_terminal("over\rwrite\u{8}\u{7}\u{0}\u{7f}!"), "overwrite!");
        assert_eq!(sanitize_terminal("bidi \u{202e}txet\u{202c} \u{2066}x\u{2069}"), "bidi txet x");
        assert_eq!(sanitize_terminal("keeps\ttabs\nand lines"), "keeps\ttabs\nand lines");
        assert_eq!(sanitize_terminal("trailing \u{1b}"), "trailing ");
        assert_eq!(sanitize_terminal("\u{1b}(Bcharset"), "charset");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line("  two\n lines\u{1b}[1m\tand tab "), "two lines and tab");
    }
}
