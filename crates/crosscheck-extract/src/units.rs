//! Sentences to claim units: one sentence may assert several facts.
//!
//! "X said A, adding that B" asserts A and B; "A, while B" asserts both;
//! "A, which lasted N minutes" adds a fact about A. Units are cut at such
//! clause boundaries; a list of topics stays one unit.

use std::borrow::Cow;

use crate::words::Word;
use std::ops::Range;

/// Clause boundaries that start a new unit. The marker itself stays with
/// the new unit only when it carries meaning (`without`, `which`).
const MARKERS: &[(&str, bool)] = &[
    ("; ", false),
    (", while ", false),
    (" while the ", false),
    (", whereas ", false),
    (", but ", false),
    (", and that ", false),
    (" and that ", false),
    (", without ", true),
    (", which ", true),
    (", who ", true),
    (", during which ", true),
    (", after which ", true),
    (", in which ", true),
    (" and then ", false),
];

/// Participles that open a secondary fact after a comma (", adding that").
/// Any lower-case `-ing` word of six letters or more does, except these.
const NON_CLAUSE_ING: &[&str] = &["according", "during", "regarding", "concerning", "notwithstanding", "following"];

/// Fewest words a unit may have; shorter pieces stay with their neighbour.
const MIN_UNIT_WORDS: usize = 3;

/// Splits a sentence (`text`) into claim units: byte ranges into `text`.
/// Hard line breaks (wrapped wire copy) read as spaces.
pub fn units(text: &str) -> Vec<Range<usize>> {
    units_with(text, None)
}

/// [`units`] of a sentence already cut into words (`words`, as
/// [`crate::words::words`] cuts `text`): the same units, with the places
/// before words found from the words instead of byte by byte.
pub fn units_of_words(text: &str, words: &[Word<'_>]) -> Vec<Range<usize>> {
    units_with(text, Some(words))
}

fn units_with(text: &str, words: Option<&[Word<'_>]>) -> Vec<Range<usize>> {
    // Same byte length as `text`, so its offsets are `text`'s.
    let wrapped = memchr::memchr3(b'\n', b'\r', b'\t', text.as_bytes()).is_some();
    let flat = if wrapped { Cow::Owned(text.replace(['\n', '\r', '\t'], " ")) } else { Cow::Borrowed(text) };
    let text = &*flat;
    let hits = match words {
        Some(words) => marker_hits_of_words(text, words),
        None => marker_hits(text),
    };
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of previous unit, start of next)
    for (k, (marker, keep)) in MARKERS.iter().enumerate() {
        // MARKERS come first in CUT_MARKERS, in their order.
        for &i in hits.of(k) {
            cuts.push((i, i + marker_skip(marker, *keep)));
        }
    }
    cuts.extend(quoted_comma_cuts(text, &hits));
    cuts.extend(participle_cuts(text, &hits));
    cuts.extend(and_clause_cuts(text, &hits));
    cuts.extend(while_cuts(text, &hits));
    cuts.extend(verb_coordination_cuts(text, &hits));
    cuts.extend(also_predicate_cuts(text, &hits));
    cuts.extend(leading_concession_cut(text));
    cuts.extend(not_only_cuts(text, &hits));
    cuts.sort_unstable();
    cuts.dedup_by_key(|c| c.0);
    assemble(text, &cuts)
}

/// How far past a marker's start the next unit begins: past the whole
/// marker, or only to its first word when that word is kept (`which`).
fn marker_skip(marker: &str, keep: bool) -> usize {
    if keep {
        marker.find(|c: char| c.is_alphabetic()).unwrap_or(0)
    } else {
        marker.len()
    }
}

/// Quotation marks that may close a quotation between a comma and the next
/// word (American style puts the comma inside: `dialogue," which …`).
const CLOSING_QUOTES: [&str; 3] = ["\"", "\u{201d}", "\u{2019}"];

/// The comma markers of [`MARKERS`] after a comma that closes a quotation:
/// `"…dialogue," which lasted …`. The quotation mark stays with the unit
/// it closes.
fn quoted_comma_cuts(text: &str, hits: &Hits) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &comma in &hits.commas {
        let after = &text[comma + 1..];
        let Some(quote) = CLOSING_QUOTES.iter().find(|q| after.starts_with(**q)) else { continue };
        let end = comma + 1 + quote.len();
        let rest = &text[end..];
        let mut comma_markers = MARKERS.iter().filter_map(|(m, keep)| m.strip_prefix(',').map(|m| (m, *keep)));
        if let Some((marker, keep)) = comma_markers.find(|(m, _)| rest.starts_with(*m)) {
            out.push((end, end + marker_skip(marker, keep)));
        }
    }
    out
}

fn participle_cuts(text: &str, hits: &Hits) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &i in hits.of(const { cut(", ") }) {
        let rest = &text[i + 2..];
        let word = leading_letters(rest);
        let is_clause = word.len() >= 6
            && word.ends_with("ing")
            && word.chars().all(|c| c.is_lowercase())
            && !NON_CLAUSE_ING.contains(&word);
        if is_clause {
            let drops_verb = matches!(word, "adding" | "saying" | "stressing" | "noting");
            let that = rest[word.len()..].starts_with(" that ");
            let skip = match (drops_verb, that) {
                (true, true) => 2 + word.len() + 6,
                (true, false) => 2 + word.len(),
                (false, _) => 2,
            };
            out.push((i, i + skip.min(text.len() - i)));
        }
    }
    out
}

/// Most words between ", with" and "saying": room for a titled name
/// (", with French Foreign Minister Jean-Noel Barrot saying …").
const WITH_SPEAKER_WORDS: usize = 8;

/// ", and He …" / ", and Zelenskyy's office said …": a new clause with its
/// own subject. Also ", with X later saying".
fn and_clause_cuts(text: &str, hits: &Hits) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in [const { cut(", and ") }, const { cut(", with ") }] {
        let marker = CUT_MARKERS[k];
        for &i in hits.of(k) {
            let rest = &text[i + marker.len()..];
            let subject = starts_with_subject(rest);
            let clause = marker == ", and "
                || rest.split_whitespace().take(WITH_SPEAKER_WORDS).any(|w| w == "saying" || w == "said");
            if subject && clause {
                out.push((i, i + marker.len()));
            }
        }
    }
    out
}

/// Past-tense verbs that do not end in "-ed", for [`verb_coordination_cuts`].
/// Speech verbs ("said", "told") are left out: "X met Y and said Z" keeps
/// the speaker and the speech in one unit.
const IRREGULAR_PAST: &[&str] = &[
    "held", "spoke", "met", "took", "gave", "made", "sent", "left", "went", "came",
    "became", "brought", "thought", "saw", "won", "lost", "paid", "set", "put", "kept", "began", "led", "sought",
    "stood", "drew", "struck", "threw", "broke", "chose", "rose", "fell", "felt", "found", "heard", "meant", "ran",
];

/// Lower-case words of five letters or more ending in "-ed" that are not
/// verbs of a new predicate (shorter ones, "need", "red", are never read
/// as verbs).
const NOT_PAST_VERBS: &[&str] = &["speed", "indeed", "armed", "united"];

/// "A invited B to Moscow and expressed readiness to …", "A ruled it out
/// but suggested …": one subject, two predicates, two facts. Cut before
/// " and " or " but " when the next word is a past-tense verb.
fn verb_coordination_cuts(text: &str, hits: &Hits) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in [const { cut(" and ") }, const { cut(" but ") }] {
        let conjunction = CUT_MARKERS[k];
        let starts_predicate = |i: &usize| {
            let word = leading_letters(&text[i + conjunction.len()..]);
            let regular = word.len() >= 5 && word.ends_with("ed") && !NOT_PAST_VERBS.contains(&word);
            word.chars().all(|c| c.is_lowercase()) && (regular || IRREGULAR_PAST.contains(&word))
        };
        out.extend(hits.of(k).iter().copied().filter(starts_predicate).map(|i| (i, i + conjunction.len())));
    }
    out
}

/// Words after "and also" that do not start a predicate: determiners,
/// pronouns, prepositions and degree words ("and also on the lookout",
/// "and also this dude").
const NOT_PREDICATE_STARTS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "on", "in",
    "at", "for", "to", "with", "by", "from", "of", "as", "about", "into", "over", "under", "after", "before", "not",
    "very", "more", "most", "so", "many", "much", "some", "all",
];

/// "…, without providing a date, and also intend to visit each other's
/// countries": "and also" before a lower-case word that can start a
/// predicate adds a second fact. Not before a name ("Tripoli, and also
/// Benghazi"), a quotation, an adverb in -ly ("and also probably never
/// live down") or a word of [`NOT_PREDICATE_STARTS`].
fn also_predicate_cuts(text: &str, hits: &Hits) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in [const { cut(", and also ") }, const { cut(" and also ") }] {
        let marker = CUT_MARKERS[k];
        for &i in hits.of(k) {
            let word = leading_letters(&text[i + marker.len()..]);
            let predicate = !word.is_empty()
                && word.chars().all(char::is_lowercase)
                && !word.ends_with("ly")
                && !NOT_PREDICATE_STARTS.contains(&word);
            if predicate {
                out.push((i, i + marker.len()));
            }
        }
    }
    out
}

/// Fewest words of a leading concessive clause cut off as a unit.
const MIN_CONCESSION_WORDS: usize = 5;

/// Words that open a sentence with a concessive clause.
const CONCESSIVE_OPENERS: &[&str] = &["While ", "Although ", "Though ", "Whereas "];

/// "While no date has been set for the meeting, Trump said it would be in
/// Riyadh": a sentence opening with a concessive clause states two facts,
/// cut at the first comma when a subject (a capitalised word or a subject
/// pronoun) follows it.
fn leading_concession_cut(text: &str) -> Option<(usize, usize)> {
    if !CONCESSIVE_OPENERS.iter().any(|o| text.starts_with(o)) {
        return None;
    }
    let comma = text.find(", ")?;
    if text[..comma].split_whitespace().count() < MIN_CONCESSION_WORDS {
        return None; // "While in Kyiv, Smith …": a phrase, not a clause
    }
    let next = comma + 2;
    starts_with_subject(&text[next..]).then_some((comma, next))
}

/// Whether `rest` opens with a subject: a capitalised word or a subject
/// pronoun.
fn starts_with_subject(rest: &str) -> bool {
    let first = rest.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase) || matches!(first, "he" | "she" | "they" | "it" | "we")
}

/// "It was not only the first call since January but also the first
/// contact in three years": two facts, cut before "but also" when "not
/// only" comes earlier in the sentence.
fn not_only_cuts(text: &str, hits: &Hits) -> Vec<(usize, usize)> {
    const BUT_ALSO: &str = " but also ";
    hits.of(const { cut(BUT_ALSO) })
        .iter()
        .copied()
        .filter(|&i| text[..i].contains("not only "))
        .map(|i| (i, i + BUT_ALSO.len()))
        .collect()
}

/// " while Putin …": a contrasting clause with its own subject.
fn while_cuts(text: &str, hits: &Hits) -> Vec<(usize, usize)> {
    const WHILE: &str = " while ";
    hits.of(const { cut(WHILE) })
        .iter()
        .copied()
        .filter(|i| !text[..*i].ends_with(','))
        .filter(|i| text[i + WHILE.len()..].chars().next().is_some_and(char::is_uppercase))
        .map(|i| (i, i + WHILE.len()))
        .collect()
}

/// Start offsets of the words of `text` (whitespace-separated tokens with a
/// letter or digit), so that words in any range count in O(log n).
fn word_starts(text: &str) -> Vec<usize> {
    if text.is_ascii() {
        return ascii_word_starts(text.as_bytes());
    }
    // Each token is a slice of `text`: its offset is where it starts.
    let base = text.as_ptr() as usize;
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .map(|token| token.as_ptr() as usize - base)
        .collect()
}

/// [`word_starts`] of ASCII text, byte by byte (ASCII whitespace as
/// `char::is_whitespace` has it, U+000B included).
fn ascii_word_starts(b: &[u8]) -> Vec<usize> {
    let space = |c: u8| c == b' ' || (b'\t'..=b'\r').contains(&c);
    let mut out = Vec::with_capacity(b.len() / 4 + 1);
    let mut k = 0;
    while k < b.len() {
        if space(b[k]) {
            k += 1;
            continue;
        }
        let start = k;
        let mut word = false;
        while k < b.len() && !space(b[k]) {
            word |= b[k].is_ascii_alphanumeric();
            k += 1;
        }
        if word {
            out.push(start);
        }
    }
    out
}

/// Every marker a cut looks for: [`MARKERS`]' own first, in their order,
/// then those of the other cuts. [`marker_hits`] finds them all in one
/// pass; a cut asks for one by its index ([`cut`]), so a marker missing
/// here does not compile.
const CUT_MARKERS: [&str; 23] = [
    "; ", ", while ", " while the ", ", whereas ", ", but ", ", and that ", " and that ", ", without ", ", which ",
    ", who ", ", during which ", ", after which ", ", in which ", " and then ", ", ", ", and ", ", with ", " and ",
    " but ", ", and also ", " and also ", " but also ", " while ",
];

/// Where in a sentence each of [`CUT_MARKERS`] starts (non-overlapping,
/// leftmost first, as `str::match_indices` gives them), and where its
/// commas are.
struct Hits {
    commas: Vec<usize>,
    starts: [Vec<usize>; CUT_MARKERS.len()],
}

/// The markers that can start at a comma, a semicolon, or a space before
/// `a`, `b` or `w` (indices into [`CUT_MARKERS`]), by their first two bytes.
fn markers_by_head() -> &'static [Vec<usize>; 5] {
    static HEADS: std::sync::LazyLock<[Vec<usize>; 5]> = std::sync::LazyLock::new(|| {
        let mut heads: [Vec<usize>; 5] = Default::default();
        for (k, m) in CUT_MARKERS.iter().enumerate() {
            if let Some(h) = head_of(m.as_bytes()) {
                heads[h].push(k);
            }
        }
        heads
    });
    &HEADS
}

/// Which list of [`markers_by_head`] a marker (or the text at a place)
/// starting with these bytes belongs to.
fn head_of(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [b',', ..] => Some(0),
        [b';', ..] => Some(1),
        [b' ', b'a', ..] => Some(2),
        [b' ', b'b', ..] => Some(3),
        [b' ', b'w', ..] => Some(4),
        _ => None,
    }
}

/// [`marker_hits`] from the words of `text`: the commas and semicolons by
/// a byte search (they are rare), and of the spaces only those right
/// before a word (every letter after a space starts a word).
fn marker_hits_of_words(text: &str, words: &[Word<'_>]) -> Hits {
    let bytes = text.as_bytes();
    let mut hits = Hits { commas: Vec::new(), starts: Default::default() };
    let mut next = [0usize; CUT_MARKERS.len()];
    for i in memchr::memchr2_iter(b',', b';', bytes) {
        hits.comma_or_semicolon(bytes, i, &mut next);
    }
    for w in words {
        let Some(space) = w.range.start.checked_sub(1).filter(|&i| bytes[i] == b' ') else { continue };
        if let Some(h) = head_of(&bytes[space..]) {
            hits.try_markers(bytes, space, h, &mut next);
        }
    }
    hits
}

impl Hits {
    /// Where the `k`-th of [`CUT_MARKERS`] starts.
    fn of(&self, k: usize) -> &[usize] {
        &self.starts[k]
    }

    /// Records the comma or semicolon at byte `i` and the markers that
    /// start there.
    fn comma_or_semicolon(&mut self, bytes: &[u8], i: usize, next: &mut [usize; CUT_MARKERS.len()]) {
        if bytes[i] == b',' {
            self.commas.push(i);
        }
        if let Some(h) = head_of(&bytes[i..]) {
            self.try_markers(bytes, i, h, next);
        }
    }

    /// Records each marker of the [`head_of`] list `h` that starts at byte
    /// `i` and does not overlap its previous match (`next`: where each may
    /// start again).
    fn try_markers(&mut self, bytes: &[u8], i: usize, h: usize, next: &mut [usize; CUT_MARKERS.len()]) {
        for &k in &markers_by_head()[h] {
            let m = CUT_MARKERS[k].as_bytes();
            // The markers of one list share their first bytes: the third
            // tells most of them apart without a call to memcmp.
            let third_differs = m.len() > 2 && bytes.get(i + 2) != m.get(2);
            if i >= next[k] && !third_differs && bytes[i..].starts_with(m) {
                self.starts[k].push(i);
                next[k] = i + m.len();
            }
        }
    }
}

/// Where in `text` every one of [`CUT_MARKERS`] starts, byte by byte (for
/// [`units`] of a sentence not yet cut into words).
fn marker_hits(text: &str) -> Hits {
    let bytes = text.as_bytes();
    let mut hits = Hits { commas: Vec::new(), starts: Default::default() };
    let mut next = [0usize; CUT_MARKERS.len()];
    for i in 0..bytes.len() {
        match bytes[i] {
            b',' | b';' => hits.comma_or_semicolon(bytes, i, &mut next),
            _ => {
                if let Some(h) = head_of(&bytes[i..]) {
                    hits.try_markers(bytes, i, h, &mut next);
                }
            }
        }
    }
    hits
}

/// The index of `marker` in [`CUT_MARKERS`], worked out when compiling: a
/// marker missing from the list does not compile.
#[allow(clippy::panic, reason = "evaluated at compile time only: a missing marker is a build error")]
const fn cut(marker: &str) -> usize {
    let m = marker.as_bytes();
    let mut k = 0;
    while k < CUT_MARKERS.len() {
        let c = CUT_MARKERS[k].as_bytes();
        if c.len() == m.len() {
            let mut i = 0;
            while i < m.len() && c[i] == m[i] {
                i += 1;
            }
            if i == m.len() {
                return k;
            }
        }
        k += 1;
    }
    panic!("not one of CUT_MARKERS")
}

/// Start offsets of the non-overlapping occurrences of `marker` in `text`,
/// leftmost first (as `str::match_indices` gives them), from `hits`
/// ([`marker_hits`]); a marker not in [`CUT_MARKERS`] is searched for.
#[cfg(test)]
fn match_starts<'h>(text: &str, hits: &'h Hits, marker: &str) -> Cow<'h, [usize]> {
    match CUT_MARKERS.iter().position(|m| *m == marker) {
        Some(k) => Cow::Borrowed(&hits.starts[k]),
        None => Cow::Owned(text.match_indices(marker).map(|(i, _)| i).collect()),
    }
}

/// The letters `text` starts with.
fn leading_letters(text: &str) -> &str {
    let end = text.char_indices().find(|(_, c)| !c.is_alphabetic()).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

fn words_between(starts: &[usize], from: usize, to: usize) -> usize {
    starts.partition_point(|&s| s < to) - starts.partition_point(|&s| s < from)
}

fn assemble(text: &str, cuts: &[(usize, usize)]) -> Vec<Range<usize>> {
    if cuts.is_empty() {
        return [trim(text, 0..text.len())].into_iter().filter(|r| !r.is_empty()).collect();
    }
    let starts = word_starts(text);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for &(end, next) in cuts {
        if end < start || next > text.len() {
            continue;
        }
        let enough = |a: usize, b: usize| words_between(&starts, a, b) >= MIN_UNIT_WORDS;
        if enough(start, end) && enough(next, text.len()) {
            out.push(start..end);
            start = next;
        }
    }
    out.push(start..text.len());
    out.into_iter().map(|r| trim(text, r)).filter(|r| !r.is_empty()).collect()
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start_matches([' ', ',', ';', '\n']).len();
    let trail = s.len() - s.trim_end_matches([' ', ',', ';', '\n']).len();
    if lead + trail >= s.len() {
        r.start..r.start
    } else {
        r.start + lead..r.end - trail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        units(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn adding_that_splits_into_two_claims() {
        assert_eq!(split("\"We will come,\" the minister said, adding that the talks would resume in May."), vec![
            "\"We will come,\" the minister said",
            "the talks would resume in May."
        ]);
    }

    #[test]
    fn while_which_and_without_split() {
        assert_eq!(split("The mayor spoke for an hour, while the council said the vote failed."), vec![
            "The mayor spoke for an hour",
            "the council said the vote failed."
        ]);
        assert_eq!(split("They held a long dialogue, which lasted nearly two hours."), vec![
            "They held a long dialogue",
            "which lasted nearly two hours."
        ]);
        assert_eq!(split("She said they would meet in Oslo, without giving a date."), vec![
            "She said they would meet in Oslo",
            "without giving a date."
        ]);
    }

    #[test]
    fn a_relative_clause_after_a_closing_quotation_splits() {
        assert_eq!(split("They called it a \"long and useful dialogue,\" which lasted nearly two hours."), vec![
            "They called it a \"long and useful dialogue,\"",
            "which lasted nearly two hours."
        ]);
        assert_eq!(split("He called the plan \u{201c}a good start,\u{201d} while the council said it failed."), vec![
            "He called the plan \u{201c}a good start,\u{201d}",
            "the council said it failed."
        ]);
    }

    #[test]
    fn relative_and_sequential_clauses_split() {
        assert_eq!(split("The mayor announced a long meeting with the council, during which they agreed to rebuild the bridge."), vec![
            "The mayor announced a long meeting with the council",
            "during which they agreed to rebuild the bridge."
        ]);
        assert_eq!(split("The minister posted a statement first and then spoke to reporters at the station."), vec![
            "The minister posted a statement first",
            "spoke to reporters at the station."
        ]);
    }

    #[test]
    fn wrapped_lines_split_like_spaces() {
        assert_eq!(split("The office said they had agreed to meet, and\nPutin had invited him to visit Moscow."), vec![
            "The office said they had agreed to meet",
            "Putin had invited him to visit Moscow."
        ]);
    }

    #[test]
    fn coordinated_predicates_split() {
        assert_eq!(split("The president invited his counterpart to Moscow and expressed readiness to receive officials."), vec![
            "The president invited his counterpart to Moscow",
            "expressed readiness to receive officials."
        ]);
        assert_eq!(split("The minister arrived in Kyiv and met the envoy at the station."), vec![
            "The minister arrived in Kyiv",
            "met the envoy at the station."
        ]);
        assert_eq!(split("The mayor ruled out a new bridge but suggested that the old one could be repaired."), vec![
            "The mayor ruled out a new bridge",
            "suggested that the old one could be repaired."
        ]);
        let said = "The minister met the envoy and said the talks would go on.";
        assert_eq!(split(said), vec![said]);
        let t = "The two leaders discussed trade and energy prices in the region.";
        assert_eq!(split(t), vec![t]);
    }

    #[test]
    fn and_also_before_a_predicate_splits() {
        assert_eq!(split("The leaders spoke for an hour, and also intend to visit each other's countries."), vec![
            "The leaders spoke for an hour",
            "intend to visit each other's countries."
        ]);
        for whole in [
            "Fighting has engulfed the capital, Tripoli, and also Benghazi, the second city.",
            "It was a mishap he will never forget and also probably never live down.",
            "We are all bored and also on the lookout for trouble.",
        ] {
            assert_eq!(split(whole), vec![whole]);
        }
    }

    #[test]
    fn a_leading_concession_and_not_only_but_also_split() {
        assert_eq!(split("While no date has been set for the meeting, Trump said it would probably be in Riyadh."), vec![
            "While no date has been set for the meeting",
            "Trump said it would probably be in Riyadh."
        ]);
        for whole in ["While in Kyiv, the minister visited the damaged station.", "While in Kyiv, Smith visited the damaged station."] {
            assert_eq!(split(whole), vec![whole]);
        }
        assert_eq!(split("It was not only the first call since January but also the first contact in three years."), vec![
            "It was not only the first call since January",
            "the first contact in three years."
        ]);
        let plain = "The council approved the budget but also asked for a review of the costs.";
        assert_eq!(split(plain), vec!["The council approved the budget but also asked for a review of the costs."]);
    }

    #[test]
    fn with_a_titled_speaker_saying_splits() {
        assert_eq!(split("Three ministers said the plan must be revised, with Foreign Minister Anna Berg saying it was too slow."), vec![
            "Three ministers said the plan must be revised",
            "Foreign Minister Anna Berg saying it was too slow."
        ]);
    }

    proptest::proptest! {
        /// The places found from a sentence's words are those found byte by
        /// byte, and so are its units.
        #[test]
        fn words_give_the_places_bytes_give(t in "([ ,;\n\taAbBwWhieltndsou'’.\u{e9}@-]|while|and|but|also|that|which|with|adding|met){0,30}") {
            let ws = crate::words::words(&t);
            let flat = t.replace(['\n', '\r', '\t'], " ");
            let (a, b) = (marker_hits(&flat), marker_hits_of_words(&flat, &ws));
            proptest::prop_assert_eq!(&a.commas, &b.commas);
            proptest::prop_assert_eq!(&a.starts, &b.starts, "{:?}", t);
            proptest::prop_assert_eq!(units(&t), units_of_words(&t, &ws));
        }
    }

    /// Every marker some cut asks for is found in the one pass (so none
    /// falls back to a search of the whole text), and [`MARKERS`] come first.
    #[test]
    fn every_cut_marker_is_found_in_one_pass() {
        for (k, (m, _)) in MARKERS.iter().enumerate() {
            assert_eq!(CUT_MARKERS[k], *m);
        }
        for m in CUT_MARKERS {
            assert!(head_of(m.as_bytes()).is_some(), "{m:?}");
        }
    }

    #[test]
    fn marker_starts_are_match_indices() {
        for (t, m) in [
            (" while the while the x", " while the "),
            (" and and and ", " and "),
            (", , ,", ", "),
            ("a; b;; c; ", "; "),
            ("“x,” y, while, while z", ", while "),
            ("", ", "),
            ("a but also b, but also c", " but also "),
            (" x  x y x", " x"),
        ] {
            let want: Vec<usize> = t.match_indices(m).map(|(i, _)| i).collect();
            assert_eq!(*match_starts(t, &marker_hits(t), m), want, "{t:?} {m:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn marker_starts_are_match_indices_on_any_text(t in "([ ,;aAbwhieltndsou’\u{e9}]|while|and|but|also|that){0,30}") {
            let markers = MARKERS.iter().map(|(m, _)| *m);
            let others = [", ", ", and ", ", with ", " and ", " but ", " and also ", " but also ", " while ", " x"];
            let hits = marker_hits(&t);
            for m in markers.chain(others).chain(CUT_MARKERS) {
                let want: Vec<usize> = t.match_indices(m).map(|(i, _)| i).collect();
                proptest::prop_assert_eq!(&*match_starts(&t, &hits, m), &want[..], "{:?} {:?}", t, m);
            }
            let commas: Vec<usize> = t.match_indices(',').map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(&hits.commas, &commas);
        }
    }

    #[test]
    fn ascii_word_starts_are_word_starts() {
        for t in ["", "  a b\x0bc\x0c d,, -- 9 . x\r\ny  ", "one", "- , ;", "Mr. Smith said: \"no\"."] {
            let base = t.as_ptr() as usize;
            let want: Vec<usize> = t
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .map(|w| w.as_ptr() as usize - base)
                .collect();
            assert_eq!(ascii_word_starts(t.as_bytes()), want, "{t:?}");
        }
    }

    #[test]
    fn lists_stay_whole() {
        let t = "We discussed trade, energy, climate and the power of the dollar.";
        assert_eq!(split(t), vec![t]);
    }
}
