//! Sentence segmentation that survives abbreviations, initials, decimals,
//! ellipses inside quotes and quotations that span sentences.

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence (compared
/// lower-cased, without the final dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
    "sen", "rep", "gov", "pres", "rev", "hon", "amb", "no", "nos", "vol", "fig", "pp", "inc", "ltd", "co", "corp",
    "bros", "vs", "etc", "approx", "est", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "e.g",
    "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "ph.d", "al",
];

/// Capitalised words that start a new sentence even after an abbreviation
/// such as "U.S." ("… in the U.S. The talks …").
const SENTENCE_STARTERS: &[&str] = &[
    "The", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "But", "And", "In", "On", "At",
    "A", "An", "His", "Her", "Their", "Our", "There", "When", "While", "After", "Before", "However", "Meanwhile",
];

/// Verbs of a trailing attribution: `“… so many!” Trump said.` is one
/// sentence, not two.
const ATTRIBUTION_VERBS: &[&str] =
    &["said", "says", "wrote", "writes", "told", "added", "asked", "stated", "noted", "tweeted", "posted", "replied"];

/// Most words between a closing quotation mark and its attribution verb.
const MAX_ATTRIBUTION_WORDS: usize = 8;

/// Splits `text` into sentences, returning byte ranges trimmed of
/// surrounding whitespace. Every byte of non-whitespace text falls in exactly
/// one range.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quotes = QuoteState::default();
    let mut at = 0;
    let mut marks = Marks::new(text);
    while let Some((pos, ch)) = marks.next(at) {
        quotes.observe(text, pos, ch);
        if !is_terminal(ch) {
            at = pos + ch.len_utf8();
            continue;
        }
        let run_end = skip_while(text, pos, is_terminal);
        let close_end = skip_while(text, run_end, is_closer);
        let closers = &text[run_end..close_end];
        for _ in closers.matches(['"', '”']) {
            quotes.close();
        }
        let next = skip_while(text, close_end, char::is_whitespace);
        let had_space = next > close_end;
        let run = &text[pos..run_end];
        if (had_space || next == text.len() || glued_after_quote(text, closers, close_end))
            && ends_sentence(text, pos, run, next, &quotes)
        {
            push_trimmed(text, start..close_end, &mut out);
            start = close_end;
        }
        at = close_end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// The sentence terminals and double quotation marks of a text, in order:
/// the only characters [`sentences`] acts on. Each is ASCII or opens with
/// 0xE2, so two byte searches find every candidate (`memchr` scans many
/// bytes at a time); each search's next hit is kept until passed.
struct Marks<'t> {
    text: &'t str,
    /// The next `.`, `!` or `?` at or after the last search's start.
    stop: Option<usize>,
    /// The next `"` or 0xE2 byte at or after the last search's start.
    other: Option<usize>,
}

impl<'t> Marks<'t> {
    /// The marks of `text`, the first of each search found.
    fn new(text: &'t str) -> Marks<'t> {
        let bytes = text.as_bytes();
        Marks { text, stop: memchr::memchr3(b'.', b'!', b'?', bytes), other: memchr::memchr2(b'"', 0xE2, bytes) }
    }

    /// The first mark at or after byte `at`, with its byte offset. `at`
    /// never goes back between calls: a kept hit is the first at or after
    /// the search that found it.
    fn next(&mut self, at: usize) -> Option<(usize, char)> {
        let bytes = self.text.as_bytes();
        let mut i = at;
        loop {
            if self.stop.is_some_and(|p| p < i) {
                self.stop = memchr::memchr3(b'.', b'!', b'?', bytes.get(i..)?).map(|off| i + off);
            }
            if self.other.is_some_and(|p| p < i) {
                self.other = memchr::memchr2(b'"', 0xE2, bytes.get(i..)?).map(|off| i + off);
            }
            let pos = match (self.stop, self.other) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => a.or(b)?,
            };
            let ch = self.text[pos..].chars().next()?;
            if is_terminal(ch) || matches!(ch, '"' | '“' | '”') {
                return Some((pos, ch));
            }
            i = pos + ch.len_utf8();
        }
    }
}

#[derive(Default)]
struct QuoteState {
    depth: u32,
}

impl QuoteState {
    /// Counts the quotation mark `ch` at byte `pos` of `text` (any other
    /// character is ignored): a straight quote opens after whitespace, an
    /// opening bracket or a dash, or at the start, and closes elsewhere.
    fn observe(&mut self, text: &str, pos: usize, ch: char) {
        match ch {
            '“' => self.depth += 1,
            '”' => self.close(),
            '"' => {
                let prev = text[..pos].chars().next_back();
                let opens = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
                if opens {
                    self.depth += 1;
                } else {
                    self.close();
                }
            }
            _ => {}
        }
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

/// `destruction.”God bless …`: a quotation closed after a full stop and
/// a capital right behind it, the space lost in copying. Without the
/// quotation mark ("U.S.Army", "3.5") a missing space is no boundary.
fn glued_after_quote(text: &str, closers: &str, close_end: usize) -> bool {
    closers.contains(['"', '”']) && text[close_end..].chars().next().is_some_and(char::is_uppercase)
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// The byte offset of the first character at or after byte `at` that
/// fails `pred` (the length of `text` if none does).
fn skip_while(text: &str, at: usize, pred: impl Fn(char) -> bool) -> usize {
    text[at..].char_indices().find(|&(_, c)| !pred(c)).map_or(text.len(), |(i, _)| at + i)
}

fn ends_sentence(text: &str, pos: usize, run: &str, next: usize, q: &QuoteState) -> bool {
    let Some(next_ch) = text[next..].chars().next() else { return true };
    let starts_new = next_ch.is_uppercase() || next_ch.is_ascii_digit() || "\"“‘'([«".contains(next_ch);
    if !starts_new {
        return false;
    }
    let after_quote = text[..next].trim_end().chars().next_back().is_some_and(|c| matches!(c, '"' | '”'));
    if after_quote && run != "." && is_trailing_attribution(&text[next..]) {
        return false;
    }
    let is_ellipsis = run == "…" || run.starts_with("..");
    if is_ellipsis {
        return q.depth == 0;
    }
    if run != "." {
        return true;
    }
    let word = word_before(text, pos);
    if is_abbreviation(word) || is_initial(word) {
        return starts_with_sentence_starter(&text[next..]);
    }
    true
}

/// "Trump said in his post." after a quotation that ended in ! or ?.
fn is_trailing_attribution(rest: &str) -> bool {
    let clause = rest.split(['.', '!', '?']).next().unwrap_or("");
    clause
        .split_whitespace()
        .take(MAX_ATTRIBUTION_WORDS)
        .any(|w| ATTRIBUTION_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
}

fn word_before(text: &str, pos: usize) -> &str {
    let head = &text[..pos];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || "(\"“‘[".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.to_lowercase();
    ABBREVIATIONS.contains(&w.as_str())
}

/// "J" in "J. Smith", "D" in "J.D.", "S" in "U.S": letters between dots.
fn is_initial(word: &str) -> bool {
    let mut parts = word.split('.');
    parts.all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

fn starts_with_sentence_starter(rest: &str) -> bool {
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    SENTENCE_STARTERS.contains(&word.as_str())
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_capital_glued_to_a_closing_quote_starts_a_sentence() {
        assert_eq!(split("He said it was time to stop.\u{201d}God bless them all!\u{201d} he wrote."), vec![
            "He said it was time to stop.\u{201d}",
            "God bless them all!\u{201d} he wrote."
        ]);
        assert_eq!(split("The U.S.Army said so. Then it left."), vec!["The U.S.Army said so.", "Then it left."]);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        assert_eq!(
            split("Mr. Smith met U.S. officials at 3.5 p.m. on Feb. 3. J.D. Vance came too."),
            vec!["Mr. Smith met U.S. officials at 3.5 p.m. on Feb. 3.", "J.D. Vance came too."]
        );
    }

    #[test]
    fn abbreviation_before_a_sentence_starter_splits() {
        assert_eq!(split("Talks were held in the U.S. The mood was calm."), vec![
            "Talks were held in the U.S.",
            "The mood was calm."
        ]);
    }

    #[test]
    fn ellipses_inside_quotes_do_not_split() {
        assert_eq!(split("\"We... talked about peace ...and Trade... Including drones,\" she wrote. Then she left."), vec![
            "\"We... talked about peace ...and Trade... Including drones,\" she wrote.",
            "Then she left."
        ]);
    }

    #[test]
    fn quotes_spanning_sentences_split_inside_and_keep_closers() {
        assert_eq!(split("“We agreed. We will meet,” he said. “Soon.” It rained."), vec![
            "“We agreed.",
            "We will meet,” he said.",
            "“Soon.”",
            "It rained."
        ]);
    }

    #[test]
    fn exclamation_before_trailing_attribution_does_not_split() {
        assert_eq!(split("“We won so much!” Lee said in a post. It rained."), vec![
            "“We won so much!” Lee said in a post.",
            "It rained."
        ]);
    }

    #[test]
    fn lowercase_after_full_stop_does_not_split_and_newlines_are_spaces() {
        assert_eq!(split("The No. 2 official\nsaid so. next to nothing. Fine!"), vec![
            "The No. 2 official\nsaid so. next to nothing.",
            "Fine!"
        ]);
    }
}
