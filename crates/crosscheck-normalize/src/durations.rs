//! Stage 4: durations, in seconds.
//!
//! "90-minute", "an hour and a half", "two and a half hours", "1 hour 30",
//! "2 years, 3 months", "half a day", "all week". Months are 30 days and
//! years 365 days, the convention of both external suites.

use crate::numbers::{parse_number, NumMatch};
use crate::tokens::{Tok, TokKind};

/// Seconds in a day.
const DAY: f64 = 86_400.0;

/// Duration unit words and their length in seconds.
pub const DURATION_UNITS: &[(&str, f64)] = &[
    ("second", 1.0), ("seconds", 1.0), ("sec", 1.0), ("secs", 1.0),
    ("minute", 60.0), ("minutes", 60.0), ("min", 60.0), ("mins", 60.0),
    ("hour", 3600.0), ("hours", 3600.0), ("hr", 3600.0), ("hrs", 3600.0),
    ("day", DAY), ("days", DAY), ("week", 7.0 * DAY), ("weeks", 7.0 * DAY),
    ("wk", 7.0 * DAY), ("wks", 7.0 * DAY), ("fortnight", 14.0 * DAY), ("fortnights", 14.0 * DAY),
    ("month", 30.0 * DAY), ("months", 30.0 * DAY), ("year", 365.0 * DAY), ("years", 365.0 * DAY),
    ("yr", 365.0 * DAY), ("yrs", 365.0 * DAY), ("decade", 3650.0 * DAY), ("decades", 3650.0 * DAY),
    ("century", 36500.0 * DAY), ("centuries", 36500.0 * DAY),
];

/// Single-letter units accepted only right after digits ("3h", "2 m").
const LETTER_UNITS: &[(&str, f64)] = &[("h", 3600.0), ("m", 60.0)];

/// A duration read at a token position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DurMatch {
    /// Token index one past the expression.
    pub end: usize,
    /// Length in seconds.
    pub seconds: f64,
    /// Seconds per unit of the (first) unit word, for ranges like "3-4 hours".
    pub per_unit: f64,
}

/// A duration unit word at `j` ("business day" counts as a day); returns
/// (end, seconds per unit).
pub(crate) fn unit_at(toks: &[Tok], j: usize) -> Option<(usize, f64)> {
    let t = toks.get(j)?;
    if t.is("business") || t.is("working") {
        let (end, s) = unit_at(toks, j + 1)?;
        return (s == DAY).then_some((end, s));
    }
    // Most words start with a letter no unit starts with.
    if !t.low().as_bytes().first().is_some_and(|&b| UNIT_FIRST_BYTES[usize::from(b)]) {
        return None;
    }
    DURATION_UNITS.iter().find(|(w, _)| t.is(w)).map(|(_, s)| (j + 1, *s))
}

/// Whether some word of [`DURATION_UNITS`] starts with each byte.
const UNIT_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < DURATION_UNITS.len() {
        let w = DURATION_UNITS[k].0.as_bytes();
        if !w.is_empty() {
            table[w[0] as usize] = true;
        }
        k += 1;
    }
    table
};

fn letter_unit_at(toks: &[Tok], j: usize) -> Option<(usize, f64)> {
    let t = toks.get(j)?;
    let prev = toks.get(j.checked_sub(1)?)?;
    if prev.kind != TokKind::Num || t.capital {
        return None;
    }
    let after_is_letter = toks.get(j + 1).is_some_and(|n| t.touches(n) && n.kind == TokKind::Word);
    if after_is_letter {
        return None;
    }
    LETTER_UNITS.iter().find(|(w, _)| t.is(w)).map(|(_, s)| (j + 1, *s))
}

/// Words [`lead`] accepts before a unit word ("an hour", "all day").
const ARTICLE_WORDS: &[&str] = &["a", "an", "another", "all", "full", "whole", "entire", "one"];

/// The word besides numbers at which [`lead`] may read whatever follows:
/// "half".
pub(crate) fn starter_words() -> impl Iterator<Item = &'static str> {
    ["half"].into_iter()
}

/// The pairs of words besides numbers at which [`lead`] may read: an
/// article word ("an", "another", "all") before a unit word, a hyphen,
/// "business" or "working" ("an hour", "all-day", "a working day"), and
/// "a half".
pub(crate) fn starter_pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    let seconds = || DURATION_UNITS.iter().map(|(w, _)| *w).chain(["-", "business", "working"]);
    ARTICLE_WORDS.iter().flat_map(move |a| seconds().map(move |s| (*a, s))).chain([("a", "half")])
}

/// False when [`parse_duration`] cannot succeed at token `i` unless a
/// number starts there (`numbers::may_start_number`): every reading in [`lead`]
/// starts with "half", an article word, or a number. Cheap, for scanners
/// that try every token.
pub(crate) fn may_start_duration_word(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.is("half") || ARTICLE_WORDS.contains(&t.low()))
}

/// Reads a duration starting at token `i` (the scanner calls
/// [`parse_duration_with`]).
#[cfg(test)]
pub(crate) fn parse_duration(toks: &[Tok], i: usize) -> Option<DurMatch> {
    parse_duration_with(toks, i, &|| parse_number(toks, i))
}

/// [`parse_duration`], given `number_at_i`, which gives
/// `parse_number(toks, i)` (a caller that reads that number anyway passes
/// its own reading, so that it is read once).
pub(crate) fn parse_duration_with(toks: &[Tok], i: usize, number_at_i: &dyn Fn() -> Option<NumMatch>) -> Option<DurMatch> {
    let first = lead(toks, i, number_at_i)?;
    Some(tail(toks, first))
}

/// The first "N unit" of a duration.
fn lead(toks: &[Tok], i: usize, number_at_i: &dyn Fn() -> Option<NumMatch>) -> Option<DurMatch> {
    let t = toks.get(i)?;
    let at = |k: usize| toks.get(k).map(|t| t.low());
    // "half an hour", "half day", "a half hour".
    if t.is("half") || (matches!(at(i), Some("a")) && at(i + 1) == Some("half")) {
        let mut j = if t.is("half") { i + 1 } else { i + 2 };
        if matches!(at(j), Some("a" | "an")) {
            j += 1;
        }
        let (end, s) = unit_at(toks, j)?;
        return Some(DurMatch { end, seconds: s / 2.0, per_unit: s });
    }
    // "an hour", "another week", "all day", "full-year", "one month".
    if at(i).is_some_and(|w| ARTICLE_WORDS.contains(&w)) {
        let j = if at(i + 1) == Some("-") { i + 2 } else { i + 1 };
        if let Some((end, s)) = unit_at(toks, j).filter(|_| singular(toks, j)) {
            return Some(DurMatch { end, seconds: s, per_unit: s });
        }
    }
    // "90-minute", "3 hours", "two and a half hours", "one and three quarters of hour".
    let n = number_at_i().filter(|n| !n.ordinal && n.end > i)?;
    let mut j = n.end;
    if at(j) == Some("-") && toks[j - 1].touches(&toks[j]) {
        j += 1;
    }
    if matches!(at(j), Some("more" | "additional" | "extra" | "less" | "fewer" | "further" | "straight" | "consecutive")) {
        j += 1;
    }
    if at(j) == Some("of") && n.value.fract() != 0.0 {
        j += 1;
        if matches!(at(j), Some("a" | "an")) {
            j += 1;
        }
    }
    let (end, s) = unit_at(toks, j).or_else(|| letter_unit_at(toks, j))?;
    Some(DurMatch { end, seconds: n.value * s, per_unit: s })
}

fn singular(toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    let w = if t.is("business") || t.is("working") { toks.get(j + 1).map_or("", |t| t.low()) } else { &t.low };
    !w.ends_with('s') || w == "hrs"
}

/// "… and a half", "… 30 minutes", "1 hour thirty", "2 hours and 10".
fn tail(toks: &[Tok], mut d: DurMatch) -> DurMatch {
    let at = |k: usize| toks.get(k).map(|t| t.low());
    let mut unit = d.per_unit;
    loop {
        let mut j = d.end;
        if at(j) == Some(",") {
            j += 1;
        }
        if at(j) == Some("and") {
            j += 1;
            if matches!(at(j), Some("a" | "an")) && at(j + 1) == Some("half") {
                d.seconds += unit / 2.0;
                d.end = j + 2;
                return d;
            }
            if at(j) == Some("half") {
                d.seconds += unit / 2.0;
                d.end = j + 1;
                return d;
            }
        }
        if let Some(next) = lead(toks, j, &|| parse_number(toks, j)).filter(|n| n.per_unit != unit) {
            d.seconds += next.seconds;
            d.end = next.end;
            unit = next.per_unit;
            continue;
        }
        // "1 hour thirty": a bare number of minutes after hours.
        if unit == 3600.0 {
            if let Some(n) = parse_number(toks, j).filter(|n| !n.ordinal && n.value > 0.0 && n.value < 60.0) {
                let followed_by_word = toks.get(n.end).is_some_and(|t| t.kind == TokKind::Word && !t.is("and"));
                if !followed_by_word {
                    d.seconds += n.value * 60.0;
                    d.end = n.end;
                }
            }
        }
        return d;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn secs(s: &str) -> Option<f64> {
        let toks = tokenize(s);
        parse_duration(&toks, 0).filter(|d| d.end == toks.len()).map(|d| d.seconds)
    }

    #[test]
    fn reads_common_durations() {
        assert_eq!(secs("90-minute"), Some(5400.0));
        assert_eq!(secs("an hour and a half"), Some(5400.0));
        assert_eq!(secs("two and a half hours"), Some(9000.0));
        assert_eq!(secs("half an hour"), Some(1800.0));
        assert_eq!(secs("1 hour thirty"), Some(5400.0));
        assert_eq!(secs("2 years, 3 months"), Some(2.0 * 365.0 * DAY + 90.0 * DAY));
        assert_eq!(secs("three years"), Some(3.0 * 365.0 * DAY));
        assert_eq!(secs("3h"), Some(10800.0));
        assert_eq!(secs("all-week"), Some(7.0 * DAY));
    }
}
