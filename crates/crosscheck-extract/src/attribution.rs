//! Who a claim comes from: speech verbs, "according to", quotations.
//!
//! The speaker is the noun phrase next to an attribution cue: before it
//! ("Peskov said"), after it ("said Farhan Haq", "according to Reuters"), or
//! reached through "X quoted Y as saying" (speaker Y, via X). Cues inside
//! quotation marks are the quoted speaker's words, not attributions.

use std::ops::Range;

use crate::lexicon::tag;
use crate::words::{adjacent, Tagged, Word};

/// A speaker found next to a cue, before names are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The speaker phrase as written.
    pub speaker: String,
    /// Its byte range in the text searched.
    pub range: Range<usize>,
    /// The cue ("said", "according to").
    pub cue: String,
    /// A relaying source ("TASS" in "TASS quoted Trump as saying").
    pub via: Option<String>,
    /// True when the speaker is a pronoun to resolve from context.
    pub pronoun: bool,
}

/// Words skipped between a speaker and its verb ("Trump also said").
pub(crate) const BETWEEN: &[&str] = &[
    "also", "later", "earlier", "then", "has", "had", "have", "was", "is", "reportedly", "further", "repeatedly",
    "previously", "once", "again", "separately", "publicly", "has", "just", "recently", "himself", "herself",
    "initially", "first", "long", "on", "wednesday", "tuesday", "monday", "thursday", "friday", "saturday",
    "sunday", "today", "yesterday", "only", "even",
];

/// Words a speaker phrase may contain besides capitalised words.
pub(crate) const SPEAKER_WORDS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "office", "of", "for", "and"];

/// Common nouns that name a source in news prose without a capital letter
/// ("police said", "officials said", "according to the hospital"): the
/// plurals of titles, and the people and bodies reporters quote.
pub(crate) const SOURCE_NOUNS: &[&str] = &[
    "police", "officials", "authorities", "witnesses", "residents", "sources", "experts", "analysts", "diplomats",
    "ministers", "lawmakers", "legislators", "prosecutors", "investigators", "officers", "doctors", "medics",
    "paramedics", "rescuers", "firefighters", "spokespeople", "observers", "scientists", "researchers",
    "economists", "organisers", "organizers", "activists", "protesters", "survivors", "relatives", "neighbours",
    "neighbors", "hospital", "hospitals", "coroner", "prosecutor", "investigator", "witness", "source",
];

/// Lower-case words that may stand between a determiner and the source noun
/// they describe ("the local hospital", "a senior official"), at most this
/// many.
const MAX_SOURCE_MODIFIERS: usize = 2;

/// Byte ranges of `text` inside quotation marks. `open` says whether the
/// text starts inside a quotation opened earlier.
pub fn quoted_ranges(text: &str, open: bool) -> (Vec<Range<usize>>, bool) {
    let mut quotes = Quotes::new(open);
    // Only quotation marks matter: jump from one to the next ('"', or the
    // lead byte of the curly ones, which starts a char).
    for i in memchr::memchr2_iter(b'"', CURLY_LEAD, text.as_bytes()) {
        if let Some(c) = text[i..].chars().next().filter(|c| matches!(c, '"' | '“' | '”')) {
            quotes.mark(i, c, text[..i].chars().next_back());
        }
    }
    quotes.finish(text.len())
}

/// The quotations read so far: those closed, and where the open one began.
struct Quotes {
    closed: Vec<Range<usize>>,
    start: Option<usize>,
}

impl Quotes {
    /// Nothing read yet; `open` when the text starts inside a quotation.
    fn new(open: bool) -> Quotes {
        Quotes { closed: Vec::new(), start: open.then_some(0) }
    }

    /// The quotation mark `c` at byte `i`, after the char `prev`: a
    /// straight quote opens after a space or an opening bracket or dash,
    /// and closes otherwise.
    fn mark(&mut self, i: usize, c: char, prev: Option<char>) {
        let straight_opens = c == '"' && prev.is_none_or(|p| p.is_whitespace() || "([{—–-:".contains(p));
        match (c, self.start) {
            ('“', None) => self.start = Some(i),
            ('"', None) if straight_opens => self.start = Some(i),
            ('”', Some(s)) => {
                self.closed.push(s..i + c.len_utf8());
                self.start = None;
            }
            ('"', Some(s)) if !straight_opens => {
                self.closed.push(s..i + c.len_utf8());
                self.start = None;
            }
            _ => {}
        }
    }

    /// The quoted ranges of a text of `len` bytes (one still open runs to
    /// its end), and whether one is still open.
    fn finish(mut self, len: usize) -> (Vec<Range<usize>>, bool) {
        let still_open = self.start.is_some();
        if let Some(s) = self.start {
            self.closed.push(s..len);
        }
        (self.closed, still_open)
    }
}

/// The first byte of '“' and '”' in UTF-8.
const CURLY_LEAD: u8 = 0xE2;

fn inside(quotes: &[Range<usize>], r: &Range<usize>) -> bool {
    quotes.iter().any(|q| q.start <= r.start && r.end <= q.end)
}

/// Finds the attribution of a claim unit, given the quoted ranges of the text.
pub fn find(text: &str, quotes: &[Range<usize>]) -> Option<Found> {
    find_tagged(text, &Tagged::new(text), quotes)
}

/// [`find`] in a text already cut into words.
pub fn find_tagged(text: &str, tg: &Tagged<'_>, quotes: &[Range<usize>]) -> Option<Found> {
    // Every cue is one of these words: most units have none.
    if !tg.full.iter().any(|t| t & (tag::ACCORDING | tag::QUOTED | tag::SPEECH_VERB) != 0) {
        return None;
    }
    let ws = &tg.words[..];
    for (i, w) in ws.iter().enumerate() {
        if inside(quotes, &w.range) {
            continue;
        }
        let t = tg.full[i];
        let found = if t & tag::ACCORDING != 0 && ws.get(i + 1).is_some_and(|n| n.text == "to") {
            speaker_after(text, tg, i + 2, quotes).map(|f| Found { cue: "according to".into(), ..f })
        } else if t & tag::QUOTED != 0 {
            quoted_as(text, tg, i, quotes)
        } else if t & tag::SPEECH_VERB != 0 && !w.is_capitalised() {
            let lower = w.text.to_lowercase();
            // "X, a spokesman for Y, said": after an insertion the verb's
            // subject opens the clause.
            let after_insertion = i > 0 && text[ws[i - 1].range.end..w.range.start].contains(',');
            let before = if lower.ends_with("ing") || coordinated(ws, i) || after_insertion {
                subject(text, tg, i, quotes)
            } else {
                speaker_before(text, tg, i, quotes)
            };
            let after = || {
                (t & tag::INVERTING != 0).then(|| speaker_after(text, tg, i + 1, quotes)).flatten()
            };
            before.or_else(after).map(|f| Found { cue: lower.clone(), ..f })
        } else {
            None
        };
        if let Some(f) = found {
            return Some(relayed(text, quotes, ws, i, f));
        }
    }
    None
}

/// "According to Reuters, Trump told reporters …": the later cue names the
/// speaker and the "according to" source relays it.
fn relayed(text: &str, quotes: &[Range<usize>], ws: &[Word<'_>], at: usize, f: Found) -> Found {
    if f.cue != "according to" {
        return f;
    }
    let after = ws.get(at + 2).map_or(text.len(), |w| w.range.end);
    let rest_start = text[after..].find(',').map(|i| after + i + 1);
    let Some(start) = rest_start else { return f };
    let shifted: Vec<Range<usize>> =
        quotes.iter().filter(|q| q.end > start).map(|q| q.start.max(start) - start..q.end - start).collect();
    match find(&text[start..], &shifted) {
        Some(inner) if !inner.pronoun && inner.cue != "according to" => Found {
            range: inner.range.start + start..inner.range.end + start,
            via: Some(f.speaker),
            ..inner
        },
        _ => f,
    }
}

/// "… and suggested that": the verb shares the clause's subject.
fn coordinated(ws: &[Word<'_>], i: usize) -> bool {
    i > 0 && ws[i - 1].text == "and"
}

/// The subject of the clause a participle or coordinated verb belongs to:
/// the first capitalised name before the cue that is not a possessive, a
/// bare title, a place or a function word ("Earlier on Wednesday, Trump's
/// Defense Secretary, Pete Hegseth, delivered …, saying" → Pete Hegseth).
fn subject(text: &str, tg: &Tagged<'_>, cue: usize, quotes: &[Range<usize>]) -> Option<Found> {
    let ws = &tg.words[..];
    let mut i = 0;
    while i < cue {
        let w = &ws[i];
        let skip = inside(quotes, &w.range)
            || !w.is_capitalised()
            || w.is_possessive()
            || tg.bare[i] & (tag::NOT_NAME | tag::PLACE) != 0;
        if skip {
            i += 1;
            continue;
        }
        let mut end = i;
        while end + 1 < cue && ws[end + 1].is_capitalised() && adjacent(text, &ws[end], &ws[end + 1]) {
            end += 1;
        }
        let all_titles = tg.bare[i..=end].iter().all(|t| t & (tag::TITLE | tag::DEMONYM) != 0);
        if !all_titles && !ws[end].is_possessive() {
            return phrase(text, tg, i, end);
        }
        i = end + 1;
    }
    None
}

/// "TASS quoted Trump as saying": speaker Trump, via TASS.
fn quoted_as(text: &str, tg: &Tagged<'_>, i: usize, quotes: &[Range<usize>]) -> Option<Found> {
    let speaker = speaker_after(text, tg, i + 1, quotes)?;
    let via = speaker_before(text, tg, i, quotes).map(|f| f.speaker);
    Some(Found { cue: "quoted".into(), via, ..speaker })
}

fn is_speakerish(tg: &Tagged<'_>, k: usize) -> bool {
    tg.words[k].is_capitalised() || tg.bare[k] & (tag::TITLE | tag::SPEAKER_WORD | tag::SOURCE) != 0
}

/// A word that can head a speaker phrase on its own: a title, a source
/// noun or an organisation word ("the ministry said").
fn is_source_head(tg: &Tagged<'_>, k: usize) -> bool {
    tg.bare[k] & (tag::TITLE | tag::SOURCE | tag::ORG) != 0
}

/// Word `k` is a lower-case word of letters that is no function word or
/// pronoun: a modifier or a common noun.
fn is_plain_word(tg: &Tagged<'_>, k: usize) -> bool {
    let w = &tg.words[k];
    !w.is_capitalised() && w.text.chars().all(char::is_alphabetic) && tg.bare[k] & (tag::NOT_NAME | tag::SPEAKER_PRONOUN) == 0
}

/// Word `k` is a lower-case modifier of a source head that follows within
/// [`MAX_SOURCE_MODIFIERS`] words, only spaces between ("local" in "the
/// local hospital said").
fn modifies_source(text: &str, tg: &Tagged<'_>, k: usize) -> bool {
    let ws = &tg.words;
    let mut j = k;
    while j < ws.len() && j - k < MAX_SOURCE_MODIFIERS && is_plain_word(tg, j) && !is_source_head(tg, j) {
        if j + 1 >= ws.len() || !adjacent(text, &ws[j], &ws[j + 1]) {
            return false;
        }
        j += 1;
    }
    j > k && j < ws.len() && is_source_head(tg, j)
}

/// The phrase ending just before word `verb` (skipping "also", "has" …).
fn speaker_before(text: &str, tg: &Tagged<'_>, verb: usize, quotes: &[Range<usize>]) -> Option<Found> {
    let ws = &tg.words[..];
    let mut end = verb;
    while end > 0 && tg.full[end - 1] & tag::BETWEEN != 0 && adjacent(text, &ws[end - 1], &ws[end]) {
        end -= 1;
    }
    let last = end.checked_sub(1)?;
    if inside(quotes, &ws[last].range) || !adjacent(text, &ws[last], &ws[end.min(ws.len() - 1)]) && end < verb {
        return None;
    }
    if tg.full[last] & (tag::SPEAKER_PRONOUN | tag::WHO) != 0 {
        return Some(pronoun(ws, last));
    }
    let apostrophe_after = text[ws[last].range.end..].starts_with(['\'', '’']);
    if ws[last].is_possessive() || apostrophe_after {
        // "the officials' claims": a possessive owns a noun, it does not speak.
        return None;
    }
    let mut start = last;
    while start > 0 && is_speakerish(tg, start - 1) && adjacent(text, &ws[start - 1], &ws[start]) {
        start -= 1;
    }
    // "James Waterhouse in Kyiv observed": the speaker stands before the place.
    let is_place = tg.bare[start..=last].iter().all(|t| t & tag::PLACE != 0);
    if is_place && start >= 2 && matches!(ws[start - 1].text, "in" | "at" | "from") {
        let end = start - 2;
        let mut s2 = end;
        while s2 > 0 && is_speakerish(tg, s2 - 1) && adjacent(text, &ws[s2 - 1], &ws[s2]) {
            s2 -= 1;
        }
        if let Some(f) = phrase(text, tg, s2, end) {
            return Some(f);
        }
    }
    phrase(text, tg, start, last).or_else(|| plural_source(text, tg, last, verb))
}

/// Verbs after which a bare plural noun is taken for the speaker
/// ("…, seismologists said"); weaker cues ("continued") are not.
const PLURAL_SOURCE_VERBS: &[&str] = &["said", "say", "says", "told", "warned", "added", "reported"];

/// Most lower-case words of a bare plural speaker phrase.
const MAX_PLURAL_SOURCE_WORDS: usize = 3;

/// A clause-final "…, seismologists said" or "…, local residents say": a
/// plural noun and at most two modifiers, all lower-case, right after a
/// comma and right before a strong speech verb, name the speakers.
fn plural_source(text: &str, tg: &Tagged<'_>, last: usize, verb: usize) -> Option<Found> {
    let ws = &tg.words[..];
    let noun = ws[last].text;
    let plural = noun.len() >= 4 && noun.ends_with('s') && !noun.ends_with("ss");
    if !plural || !PLURAL_SOURCE_VERBS.contains(&ws[verb].text) || last + 1 != verb {
        return None;
    }
    let plain = |k: usize| is_plain_word(tg, k);
    let mut start = last;
    while start > 0 && last - start + 1 < MAX_PLURAL_SOURCE_WORDS && plain(start - 1) && adjacent(text, &ws[start - 1], &ws[start]) {
        start -= 1;
    }
    if !(start..=last).all(plain) {
        return None;
    }
    let before = &text[..ws[start].range.start];
    before.trim_end().ends_with(',').then(|| {
        let range = ws[start].range.start..ws[last].range.end;
        Found { speaker: text[range.clone()].to_string(), range, cue: String::new(), via: None, pronoun: false }
    })
}

/// The phrase starting at word `from` ("said Farhan Haq, deputy …").
fn speaker_after(text: &str, tg: &Tagged<'_>, from: usize, quotes: &[Range<usize>]) -> Option<Found> {
    let ws = &tg.words[..];
    let first = ws.get(from)?;
    if inside(quotes, &first.range) || !(is_speakerish(tg, from) || first.text == "him" || first.text == "her") {
        return None;
    }
    if tg.full[from] & tag::SPEAKER_PRONOUN != 0 || matches!(first.text, "him" | "her" | "them") {
        return Some(pronoun(ws, from));
    }
    let mut end = from;
    while end + 1 < ws.len()
        && (is_speakerish(tg, end + 1) || is_source_head(tg, end + 1) || modifies_source(text, tg, end + 1))
        && adjacent(text, &ws[end], &ws[end + 1])
    {
        end += 1;
    }
    phrase(text, tg, from, end)
}

fn pronoun(ws: &[Word<'_>], i: usize) -> Found {
    Found { speaker: ws[i].text.to_string(), range: ws[i].range.clone(), cue: String::new(), via: None, pronoun: true }
}

/// A speaker phrase must name someone: a capitalised word, a title, a
/// source noun or an organisation word.
fn phrase(text: &str, tg: &Tagged<'_>, start: usize, end: usize) -> Option<Found> {
    let ws = &tg.words[..];
    // Drop trailing function words ("the Kremlin and" → "the Kremlin").
    let mut end = end;
    while end > start && tg.bare[end] & (tag::SPEAKER_WORD | tag::OFFICE) == tag::SPEAKER_WORD {
        end -= 1;
    }
    // Drop leading function words ("While Trump" → "Trump"), keeping articles.
    let mut start = start;
    while start < end && ws[start].is_capitalised() && tg.bare[start] & (tag::NOT_NAME | tag::ARTICLE) == tag::NOT_NAME {
        start += 1;
    }
    let names_someone = (start..=end).any(|k| {
        let t = tg.bare[k];
        (ws[k].is_capitalised() && t & tag::NOT_NAME == 0) || t & (tag::TITLE | tag::SOURCE | tag::ORG) != 0
    });
    if !names_someone {
        return None;
    }
    let range = ws[start].range.start..ws[end].range.end;
    Some(Found { speaker: text[range.clone()].to_string(), range, cue: String::new(), via: None, pronoun: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `quoted_ranges` reading every char, as first written: the reference
    /// for the jumps from one quotation mark to the next.
    fn reference_quoted(text: &str, open: bool) -> (Vec<Range<usize>>, bool) {
        let mut quotes = Quotes::new(open);
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            quotes.mark(i, c, prev);
            prev = Some(c);
        }
        quotes.finish(text.len())
    }

    proptest::proptest! {
        #[test]
        fn quotations_are_found_as_char_by_char(
            t in "([ a-zA-Z.,:(\\[{\u{2014}\u{2013}\u{2018}\u{2019}\u{2026}\u{e9}\n-]|\"|\u{201c}|\u{201d}){0,40}",
            open in proptest::bool::ANY,
        ) {
            proptest::prop_assert_eq!(quoted_ranges(&t, open), reference_quoted(&t, open), "{:?}", t);
        }
    }

    fn speaker(t: &str) -> Option<(String, String, Option<String>)> {
        let (q, _) = quoted_ranges(t, false);
        find(t, &q).map(|f| (f.speaker, f.cue, f.via))
    }

    #[test]
    fn speakers_before_and_after_cues() {
        assert_eq!(speaker("\"We will come,\" Deputy Mayor Ann Lee said."), Some(("Deputy Mayor Ann Lee".into(), "said".into(), None)));
        assert_eq!(speaker("\"We will come,\" said Ann Lee, the mayor."), Some(("Ann Lee".into(), "said".into(), None)));
        assert_eq!(speaker("The mayor's office said the vote failed."), Some(("The mayor's office".into(), "said".into(), None)));
        assert_eq!(speaker("According to Reuters, the vote failed."), Some(("Reuters".into(), "according to".into(), None)));
        assert_eq!(speaker("According to Reuters, Lee told reporters it failed."), Some(("Lee".into(), "told".into(), Some("Reuters".into()))));
        assert_eq!(speaker("\"It is over,\" TASS quoted Lee as saying."), Some(("Lee".into(), "quoted".into(), Some("TASS".into()))));
        assert_eq!(speaker("Lee also told reporters that it was over."), Some(("Lee".into(), "told".into(), None)));
    }

    #[test]
    fn common_noun_sources_are_speakers() {
        assert_eq!(speaker("Thirty people were injured, officials said."), Some(("officials".into(), "said".into(), None)));
        assert_eq!(speaker("The road was closed, police said."), Some(("police".into(), "said".into(), None)));
        assert_eq!(
            speaker("Fifteen people died, according to the local hospital."),
            Some(("the local hospital".into(), "according to".into(), None))
        );
        assert_eq!(
            speaker("It will weaken, according to the national weather service."),
            Some(("the national weather service".into(), "according to".into(), None))
        );
        assert_eq!(speaker("The ministry said the road was closed."), Some(("The ministry".into(), "said".into(), None)));
        assert_eq!(speaker("The road was closed, the rain said."), None);
        assert_eq!(speaker("It had a magnitude of 6.1, seismologists said."), Some(("seismologists".into(), "said".into(), None)));
        assert_eq!(speaker("The water is rising, local farmers say."), Some(("local farmers".into(), "say".into(), None)));
        assert_eq!(speaker("After a pause, the talks continued."), None, "a weak cue after a plural is no attribution");
        assert_eq!(speaker("Prices rose as the talks said little."), None, "no comma before the plural");
        assert_eq!(speaker("Experts doubted the credibility of the officials' claims."), None);
        assert_eq!(speaker("One regional source even told CNN that it was over."), Some(("source".into(), "told".into(), None)));
    }

    #[test]
    fn cues_inside_quotes_are_not_attributions() {
        assert_eq!(speaker("\"They said no,\" Lee wrote."), Some(("Lee".into(), "wrote".into(), None)));
        assert_eq!(speaker("\"They said no.\""), None);
    }

    #[test]
    fn pronouns_are_flagged() {
        let (q, _) = quoted_ranges("He said the talks failed.", false);
        assert!(find("He said the talks failed.", &q).is_some_and(|f| f.pronoun));
    }

    #[test]
    fn open_quotes_carry_over() {
        let (q, open) = quoted_ranges("“We agreed. We will", false);
        assert!(open);
        assert_eq!(q, vec![0..21]);
        let (q, open) = quoted_ranges("meet,” he said.", true);
        assert!(!open);
        assert_eq!(q, vec![0..8]);
    }
}
