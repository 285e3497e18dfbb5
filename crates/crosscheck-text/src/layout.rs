//! Lines to blocks: re-joining hard-wrapped lines and telling headlines,
//! subheadings, body paragraphs, credits, datelines and page furniture apart.
//!
//! The rules are general, not tied to any site: furniture gathers at the top
//! and bottom of a page (consent banners, menus, bylines, share prompts), so
//! blocks are first split into a leading zone, a body and a trailing zone by
//! where the first and last body-like paragraphs stand; each zone then has its
//! own rules. Known furniture phrasings (cookie consent, machine-translation
//! notices, photo credits, follow prompts) are recognised anywhere.

use std::ops::Range;

use crosscheck_core::CreditKind;

use crate::furniture::{self, Furniture};
use crate::meta;
use crate::segment;
use crate::words::{alphanumeric_words_up_to, has_alphanumeric_words, words_up_to, BLOCK_WORDS_COUNTED};

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's headline.
    Headline,
    /// A subheading inside the article.
    Subheading,
    /// A body paragraph.
    Body,
    /// A dateline or timestamp line.
    Dateline,
    /// A credit, reference or byline line.
    Credit(CreditKind),
    /// Page furniture that yields no claims.
    Furniture(Furniture),
}

impl BlockKind {
    /// True for blocks that carry claims.
    pub fn has_claims(&self) -> bool {
        matches!(self, BlockKind::Headline | BlockKind::Subheading | BlockKind::Body)
    }
}

/// A paragraph-level block of cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its byte range in the cleaned text.
    pub range: Range<usize>,
    /// Its sentences (byte ranges in the cleaned text); empty for blocks
    /// without claims.
    pub sentences: Vec<Range<usize>>,
}

/// Splits cleaned text into classified blocks with their sentences.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut paragraphs = paragraphs(text);
    let mut kinds: Vec<BlockKind> = paragraphs.iter().map(|r| first_pass(&text[r.clone()])).collect();
    assign_zones(text, &paragraphs, &mut kinds);
    merge_credit_continuations(text, &mut paragraphs, &mut kinds);
    paragraphs
        .into_iter()
        .zip(kinds)
        .map(|(range, kind)| {
            let sentences = if kind.has_claims() { sentences_in(text, &range, kind) } else { Vec::new() };
            Block { kind, range, sentences }
        })
        .collect()
}

/// A credit line that ends in a colon ("Reference(s):") continues on the
/// next line ("example.com"): the two form one credit.
fn merge_credit_continuations(text: &str, paragraphs: &mut Vec<Range<usize>>, kinds: &mut Vec<BlockKind>) {
    let mut i = 0;
    while i + 1 < paragraphs.len() {
        let open = matches!(kinds[i], BlockKind::Credit(_)) && text[paragraphs[i].clone()].trim_end().ends_with(':');
        if open && (!kinds[i + 1].has_claims() || !has_alphanumeric_words(&text[paragraphs[i + 1].clone()], 7)) {
            paragraphs[i].end = paragraphs[i + 1].end;
            paragraphs.remove(i + 1);
            kinds.remove(i + 1);
        }
        i += 1;
    }
}

fn sentences_in(text: &str, range: &Range<usize>, kind: BlockKind) -> Vec<Range<usize>> {
    if kind != BlockKind::Body {
        return vec![range.clone()];
    }
    // A wire dateline ("LONDON (Reuters) - ") is no part of the first claim.
    let skip = meta::dateline_prefix(&text[range.clone()]).map_or(0, |(len, _)| len);
    let start = range.start + skip;
    segment::sentences(&text[start..range.end]).into_iter().map(|r| r.start + start..r.end + start).collect()
}

/// Non-empty lines as trimmed byte ranges, with whether a blank line precedes.
fn lines(text: &str) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut blank_before = false;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            blank_before = true;
        } else {
            out.push((pos + lead..pos + lead + trimmed.len(), blank_before));
            blank_before = false;
        }
        pos += line.len();
    }
    out
}

/// Groups lines into paragraphs, re-joining hard-wrapped lines when the text
/// is hard-wrapped.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let lines = lines(text);
    let wrapped = is_hard_wrapped(text, &lines);
    let width = wrap_width(&lines);
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, (range, blank_before)) in lines.iter().enumerate() {
        let joins = i > 0 && !blank_before && wrapped && continues(text, &lines[i - 1].0, range, width);
        match out.last_mut() {
            Some(last) if joins => last.end = range.end,
            _ => out.push(range.clone()),
        }
    }
    out
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Hard-wrapped text has many lines that end mid-sentence: the next line
/// starts in lower case.
fn is_hard_wrapped(text: &str, lines: &[(Range<usize>, bool)]) -> bool {
    let mid_sentence = lines.windows(2).filter(|w| !w[1].1 && starts_lowercase(&text[w[1].0.clone()])).count();
    mid_sentence >= 3 && mid_sentence * 6 >= lines.len()
}

fn wrap_width(lines: &[(Range<usize>, bool)]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|(r, _)| r.len()).collect();
    lens.sort_unstable();
    lens.get(lens.len() * 9 / 10).copied().unwrap_or(0)
}

/// Whether line `next` continues the paragraph of line `prev` in hard-wrapped text.
fn continues(text: &str, prev: &Range<usize>, next: &Range<usize>, width: usize) -> bool {
    let next_text = &text[next.clone()];
    if starts_lowercase(next_text) {
        return true;
    }
    // A line filled to near the wrap width was broken by the wrapper.
    prev.len() * 4 >= width * 3
}

fn first_pass(block: &str) -> BlockKind {
    // Control characters (stray escape sequences) carry no layout meaning.
    let block = block.trim_matches(|c: char| c.is_control() || c.is_whitespace());
    let words = words_up_to(block, BLOCK_WORDS_COUNTED);
    if let Some(f) = furniture::classify_counted(block, words) {
        return BlockKind::Furniture(f);
    }
    if let Some(kind) = meta::credit_kind_counted(block, words) {
        return BlockKind::Credit(kind);
    }
    if meta::is_dateline(block) {
        return BlockKind::Dateline;
    }
    if is_body_like(block) {
        BlockKind::Body
    } else {
        BlockKind::Subheading
    }
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_control() || c.is_whitespace());
    let t = t.trim_end_matches(|c: char| matches!(c, '"' | '”' | '’' | '\'' | ')') || c.is_whitespace());
    t.ends_with(['.', '!', '…']) || (t.ends_with('?') && has_alphanumeric_words(s, 16))
}

/// A clause of prose ending with a colon ("The judge had advice for anyone
/// who deals with him:"): long enough not to be a label ("About the prison:").
fn introduces_what_follows(s: &str) -> bool {
    s.trim_end().ends_with(':') && has_alphanumeric_words(s, MIN_BODY_WORDS)
}

/// Fewest words of a paragraph of prose that ends like a sentence.
const MIN_BODY_WORDS: usize = 6;

/// Fewest words of a paragraph that is prose however it ends.
const LONG_BODY_WORDS: usize = 20;

/// A paragraph of prose: long enough and ending like a sentence, or long.
fn is_body_like(s: &str) -> bool {
    let words = alphanumeric_words_up_to(s, LONG_BODY_WORDS);
    (words >= MIN_BODY_WORDS && ends_like_sentence(s)) || words >= LONG_BODY_WORDS
}

/// Applies the zone rules: headline and menus before the body, bylines and
/// prompts after it, subheadings and stray menu words inside it.
fn assign_zones(text: &str, paragraphs: &[Range<usize>], kinds: &mut [BlockKind]) {
    let body = |k: &BlockKind| *k == BlockKind::Body;
    let Some(first_body) = kinds.iter().position(body) else {
        assign_bodiless(text, paragraphs, kinds);
        return;
    };
    let last_body = kinds.iter().rposition(body).unwrap_or(first_body);
    assign_leading(text, paragraphs, &mut kinds[..first_body]);
    for i in first_body..last_body {
        if kinds[i] != BlockKind::Subheading {
            continue;
        }
        let block = &text[paragraphs[i].clone()];
        if is_menu_word(block) {
            kinds[i] = BlockKind::Furniture(Furniture::Navigation);
        } else if ends_like_sentence(block) || introduces_what_follows(block) {
            // "He declined to comment." between two paragraphs is a short
            // paragraph of the body, and so is "The judge had advice for
            // the guards:"; a heading does not end like a sentence.
            kinds[i] = BlockKind::Body;
        }
    }
    let trailing_start = last_body + 1;
    assign_trailing(text, &paragraphs[trailing_start..], &mut kinds[trailing_start..]);
}

/// A one- or two-word line that is not a sentence: a menu item or label.
fn is_menu_word(s: &str) -> bool {
    !has_alphanumeric_words(s, 3) && !ends_like_sentence(s)
}

/// Before the body: the last prose-like line is the headline; brand-like
/// single words are bylines; everything else short is navigation.
fn assign_leading(text: &str, paragraphs: &[Range<usize>], kinds: &mut [BlockKind]) {
    let headline = kinds
        .iter()
        .enumerate()
        .rev()
        .find(|(i, k)| **k == BlockKind::Subheading && has_alphanumeric_words(&text[paragraphs[*i].clone()], 3))
        .map(|(i, _)| i);
    for (i, kind) in kinds.iter_mut().enumerate() {
        if *kind != BlockKind::Subheading {
            continue;
        }
        let s = &text[paragraphs[i].clone()];
        *kind = if Some(i) == headline {
            BlockKind::Headline
        } else if meta::is_brand(s) {
            BlockKind::Credit(CreditKind::Byline)
        } else {
            BlockKind::Furniture(Furniture::Navigation)
        };
    }
}

/// After the body: bylines, brand lines and short prompts are furniture.
fn assign_trailing(text: &str, paragraphs: &[Range<usize>], kinds: &mut [BlockKind]) {
    for (i, kind) in kinds.iter_mut().enumerate() {
        if !matches!(kind, BlockKind::Subheading) {
            continue;
        }
        let s = &text[paragraphs[i].clone()];
        *kind = if meta::is_brand(s) || meta::is_person_name(s) {
            BlockKind::Credit(CreditKind::Byline)
        } else {
            BlockKind::Furniture(Furniture::Navigation)
        };
    }
}

/// A text with no body paragraph (a single headline, a list): its first
/// prose-like line is the headline.
fn assign_bodiless(text: &str, paragraphs: &[Range<usize>], kinds: &mut [BlockKind]) {
    let mut seen_headline = false;
    for (i, kind) in kinds.iter_mut().enumerate() {
        if *kind != BlockKind::Subheading {
            continue;
        }
        let s = &text[paragraphs[i].clone()];
        if has_alphanumeric_words(s, 3) && !seen_headline {
            *kind = BlockKind::Headline;
            seen_headline = true;
        } else if is_menu_word(s) {
            *kind = BlockKind::Furniture(Furniture::Navigation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind of the block whose text starts with `start`.
    fn kind_of(text: &str, start: &str) -> Option<BlockKind> {
        blocks(text).into_iter().find(|b| text[b.range.clone()].starts_with(start)).map(|b| b.kind)
    }

    const STORY: &str = "Council approves budget\n\n\
        The city council approved the new budget on Monday after a long debate.\n\n\
        Schools come first\n\n\
        He declined to comment.\n\n\
        The mayor had a warning for anyone who voted against the plan:\n\n\
        About the vote:\n\n\
        The budget takes effect in January and runs for two full years.\n";

    #[test]
    fn a_short_line_between_paragraphs_is_a_subheading() {
        assert_eq!(kind_of(STORY, "Schools come first"), Some(BlockKind::Subheading));
        assert_eq!(kind_of(STORY, "About the vote:"), Some(BlockKind::Subheading));
    }

    #[test]
    fn a_short_sentence_between_paragraphs_is_body() {
        assert_eq!(kind_of(STORY, "He declined"), Some(BlockKind::Body));
    }

    #[test]
    fn a_clause_introducing_what_follows_is_body() {
        assert_eq!(kind_of(STORY, "The mayor had a warning"), Some(BlockKind::Body));
    }

    #[test]
    fn a_relative_timestamp_under_the_title_is_not_the_headline() {
        let page = "Menu\n\nMayor opens new bridge over the river\n\nBy Jane Doe, Staff Reporter\n\n\
            Published 3 hours ago\n\nShare this article\n\n\
            The mayor of Selvaro opened the new bridge over the river on Monday after three years of work.\n";
        assert_eq!(kind_of(page, "Mayor opens"), Some(BlockKind::Headline));
        assert_eq!(kind_of(page, "Published 3 hours ago"), Some(BlockKind::Dateline));
    }

    #[test]
    fn closing_quotation_marks_after_a_space_still_end_a_sentence() {
        assert!(ends_like_sentence("Nothing bad is going to happen . ''"));
        assert!(!ends_like_sentence("'Negotiations to begin'"));
    }
}
