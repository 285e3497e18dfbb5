//! Stage 3: numbers in digits and words.
//!
//! Plain runs of cardinal and ordinal words ("one hundred and sixty-one",
//! "twenty-first") are evaluated by `text2num`. This module adds the layer it
//! lacks: digit forms with grouping, suffix multipliers ("10k", "1.5 million",
//! "$2bn"), "trillion", decimals spoken with "point", fractions ("two-thirds",
//! "a fifth", "3/4", "½"), mixed numbers ("two and a half", "3 million and a
//! quarter"), "X over Y", "X out of Y", signs ("minus", "negative", "-5").

use text2num::{text2digits, Language};

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::tokens::{tokenize, StrBuildHasher, Tok, TokKind};

/// A number read at a token position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumMatch {
    /// Token index one past the number.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// True for ordinals ("21st", "third").
    pub ordinal: bool,
    /// The last scale word seen ("million" → 1e6), for "3 million and a half".
    pub scale: f64,
    /// True when written with digits only (for year detection).
    pub digits: bool,
}

impl NumMatch {
    fn new(end: usize, value: f64) -> NumMatch {
        NumMatch { end, value, ordinal: false, scale: 1.0, digits: false }
    }
}

/// A number found by [`find_numbers`].
#[derive(Debug, Clone, PartialEq)]
pub struct FoundNumber {
    /// Byte range in the scanned text.
    pub range: std::ops::Range<usize>,
    /// Its value (for ordinals, the position).
    pub value: f64,
    /// True for ordinals.
    pub ordinal: bool,
}

const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0), ("nought", 0.0), ("naught", 0.0), ("one", 1.0), ("two", 2.0),
    ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0), ("seven", 7.0),
    ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0), ("twelve", 12.0),
    ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0), ("sixteen", 16.0),
    ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0),
];
const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0),
    ("sixty", 60.0), ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0),
];
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
];
const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0), ("second", 2.0), ("third", 3.0), ("fourth", 4.0), ("fifth", 5.0),
    ("sixth", 6.0), ("seventh", 7.0), ("eighth", 8.0), ("ninth", 9.0), ("nineth", 9.0),
    ("tenth", 10.0), ("eleventh", 11.0), ("twelfth", 12.0), ("thirteenth", 13.0),
    ("fourteenth", 14.0), ("fifteenth", 15.0), ("sixteenth", 16.0), ("seventeenth", 17.0),
    ("eighteenth", 18.0), ("nineteenth", 19.0), ("twentieth", 20.0), ("thirtieth", 30.0),
    ("fortieth", 40.0), ("fiftieth", 50.0), ("sixtieth", 60.0), ("seventieth", 70.0),
    ("eightieth", 80.0), ("ninetieth", 90.0), ("hundredth", 1e2), ("thousandth", 1e3),
    ("millionth", 1e6), ("billionth", 1e9), ("trillionth", 1e12),
];
/// Multipliers written after digits ("10k", "1.5 million", "3 dozen").
/// Case matters only for "M" and "G" (lowercase "m" is minutes or metres).
const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 1e2), ("thousand", 1e3), ("k", 1e3), ("million", 1e6), ("mm", 1e6),
    ("mil", 1e6), ("mln", 1e6), ("mn", 1e6), ("billion", 1e9), ("bn", 1e9), ("bln", 1e9),
    ("b", 1e9), ("trillion", 1e12), ("tn", 1e12), ("tln", 1e12), ("dozen", 12.0),
    ("dozens", 12.0), ("dz", 12.0), ("dzs", 12.0), ("doz", 12.0), ("dozs", 12.0),
    ("billions", 1e9), ("millions", 1e6),
];
const VULGAR: &[(&str, f64)] = &[
    ("½", 0.5), ("⅓", 1.0 / 3.0), ("⅔", 2.0 / 3.0), ("¼", 0.25), ("¾", 0.75), ("⅕", 0.2),
    ("⅖", 0.4), ("⅗", 0.6), ("⅘", 0.8), ("⅙", 1.0 / 6.0), ("⅚", 5.0 / 6.0), ("⅛", 0.125),
    ("⅜", 0.375), ("⅝", 0.625), ("⅞", 0.875),
];

fn lookup(table: &[(&str, f64)], w: &str) -> Option<f64> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// True for cardinal number words that can stand in a run.
pub(crate) fn is_cardinal(w: &str) -> bool {
    lookup(UNITS, w).is_some() || lookup(TENS, w).is_some() || lookup(SCALES, w).is_some()
}

fn is_scale(w: &str) -> bool {
    lookup(SCALES, w).is_some() || w == "dozen"
}

/// The denominator named by a singular fraction word ("half", "third", …).
fn singular_den(w: &str) -> Option<f64> {
    match w {
        "half" => Some(2.0),
        "quarter" => Some(4.0),
        "first" | "second" => None,
        _ => lookup(ORDINALS, w),
    }
}

/// The denominator named by a plural fraction word ("halves", "fifths", …).
fn plural_den(w: &str) -> Option<f64> {
    match w {
        "halves" => Some(2.0),
        "quarters" => Some(4.0),
        "seconds" => None,
        _ => lookup(ORDINALS, w.strip_suffix('s')?),
    }
}

/// Multiplier for a word following digits, honouring case for M and G.
fn multiplier(tok: &Tok, raw_upper: bool) -> Option<f64> {
    match tok.low() {
        "m" if raw_upper => Some(1e6),
        "g" if raw_upper => Some(1e9),
        w => lookup(MULTIPLIERS, w),
    }
}

fn english() -> Language {
    Language::english()
}

/// Evaluates a run of cardinal words (optionally ending in an ordinal) with
/// text2num, adding "trillion", which text2num lacks.
fn eval_words(words: &[&str]) -> Option<f64> {
    if words.is_empty() {
        return None;
    }
    if let Some(p) = words.iter().position(|w| *w == "trillion" || *w == "trillionth") {
        let left = if p == 0 { 1.0 } else { eval_words(&words[..p])? };
        let mut rest = &words[p + 1..];
        if rest.first() == Some(&"and") {
            rest = &rest[1..];
        }
        let right = if rest.is_empty() { 0.0 } else { eval_words(rest)? };
        return (right < 1e12).then_some(left * 1e12 + right);
    }
    let words: Vec<&str> = words.iter().map(|w| if *w == "naught" { "zero" } else { *w }).collect();
    let joined = words.join(" ");
    let digits = text2digits(&joined, &english()).ok()?;
    let numeric: String = digits.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    numeric.parse().ok()
}

/// Parses a digit token ("1,234.5", ".08") into a value.
fn digit_value(low: &str) -> Option<f64> {
    if !low.contains(',') {
        return low.parse().ok();
    }
    let clean: String = low.chars().filter(|c| *c != ',').collect();
    clean.parse().ok()
}

/// False when [`parse_number`] cannot succeed at token `i`: a word that is
/// neither a sign word nor a word a number in words begins with. Cheap, for
/// scanners that try every token.
pub(crate) fn may_start_number(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind != TokKind::Word || t.is("minus") || t.is("negative") || starts_number_words(&t.low))
}

/// Reads a number starting at token `i`.
/// Largest magnitude read as a number. Beyond it ("1e400", "0e263085" =
/// 0 × ∞ = NaN, "1.7e308 days" in seconds) values are infinite or NaN, or
/// become so once scaled by a unit or widened by a hedge; such bounds break
/// every comparison downstream and serialise as JSON `null`.
pub const MAX_MAGNITUDE: f64 = 1e100;

pub(crate) fn parse_number(toks: &[Tok], i: usize) -> Option<NumMatch> {
    signed(toks, i).filter(|m| m.value.abs() <= MAX_MAGNITUDE)
}

fn signed(toks: &[Tok], i: usize) -> Option<NumMatch> {
    let t = toks.get(i)?;
    if t.is("minus") || t.is("negative") {
        let m = parse_unsigned(toks, i + 1)?;
        return Some(NumMatch { value: -m.value, ..m });
    }
    if t.is("-") && sign_position(toks, i) {
        let next = toks.get(i + 1)?;
        if next.kind == TokKind::Num && (t.touches(next) || i == 0 || next.gap_one) {
            let m = parse_unsigned(toks, i + 1)?;
            return Some(NumMatch { value: -m.value, ..m });
        }
    }
    parse_unsigned(toks, i)
}

/// A '-' is a sign only where it cannot be a hyphen or a range dash.
fn sign_position(toks: &[Tok], i: usize) -> bool {
    match i.checked_sub(1).and_then(|p| toks.get(p)) {
        None => true,
        Some(p) => match p.kind {
            TokKind::Num => false,
            TokKind::Word => !p.touches(&toks[i]) && !is_cardinal(&p.low),
            TokKind::Sym => !matches!(p.low(), "-" | ")" | "]"),
        },
    }
}

fn parse_unsigned(toks: &[Tok], i: usize) -> Option<NumMatch> {
    let t = toks.get(i)?;
    let base = match t.kind {
        TokKind::Num => parse_digits(toks, i)?,
        TokKind::Word => parse_words(toks, i)?,
        TokKind::Sym => NumMatch::new(i + 1, lookup(VULGAR, &t.low)?),
    };
    if base.ordinal {
        return Some(base);
    }
    Some(post_modifiers(toks, base))
}

/// Digits with grouping, fractions, exponents, ordinal suffixes, multipliers.
fn parse_digits(toks: &[Tok], i: usize) -> Option<NumMatch> {
    let t = &toks[i];
    let mut value = digit_value(&t.low)?;
    let mut end = i + 1;
    // "1 234 567", "40 000": space-grouped thousands.
    let group = |n: &Tok| {
        let int_part = n.low.split('.').next().unwrap_or("");
        n.kind == TokKind::Num && n.gap_one && int_part.len() == 3 && !n.low.contains(',') && int_part.chars().all(|c| c.is_ascii_digit())
    };
    // Copied only when a group follows: alone, the token is its own value.
    if t.low.len() <= 3 && !t.low.contains(['.', ',']) && toks.get(end).is_some_and(group) {
        let mut text = t.low.to_string();
        while let Some(n) = toks.get(end).filter(|n| group(n)) {
            text.push_str(&n.low);
            end += 1;
            if n.low.contains('.') {
                break;
            }
        }
        value = text.parse().unwrap_or(value);
    }
    let next = toks.get(end);
    // Ordinal suffix: "21st".
    if let Some(n) = next.filter(|n| toks[end - 1].touches(n)) {
        if matches!(n.low(), "st" | "nd" | "rd" | "th") {
            return Some(NumMatch { end: end + 1, value, ordinal: true, scale: 1.0, digits: true });
        }
    }
    // Fraction: "3/4", but not dates "5/17/2018".
    if let Some(frac) = digit_fraction(toks, end - 1) {
        return Some(NumMatch { digits: false, ..NumMatch::new(frac.0, frac.1) });
    }
    // Mixed number: "2 1/4".
    if let Some((fend, f)) = digit_fraction(toks, end) {
        if f < 1.0 && value >= 0.0 {
            return Some(NumMatch::new(fend, value + f));
        }
    }
    // Exponent: "1e10", "12.32e+14".
    if let Some((eend, e)) = exponent(toks, end) {
        return Some(NumMatch::new(eend, value * 10f64.powf(e)));
    }
    // "1 point 1"
    if toks.get(end).is_some_and(|t| t.is("point")) && !t.low.contains('.') {
        if let Some(d) = decimal_tail(toks, end, value) {
            return Some(d);
        }
    }
    // Multipliers: "10k", "1.5 million", "3 dozens".
    let mut scale = 1.0;
    if let Some(n) = toks.get(end) {
        let raw_upper = n.capital;
        if n.kind == TokKind::Word {
            if let Some(m) = multiplier(n, raw_upper) {
                value *= m;
                scale = m;
                end += 1;
            }
        }
    }
    // "4 thousand 3 hundred and 21": smaller groups after a scale add up.
    if matches!(scale as u64, 100 | 1_000 | 1_000_000 | 1_000_000_000) {
        let mut k = end;
        if toks.get(k).is_some_and(|t| t.is("and")) {
            k += 1;
        }
        if let Some(n) = parse_unsigned(toks, k).filter(|n| !n.ordinal && n.value >= 1.0 && n.value.fract() == 0.0 && n.value < scale) {
            value += n.value;
            end = n.end;
        }
    }
    Some(NumMatch { end, value, ordinal: false, scale, digits: scale == 1.0 })
}

/// "N/M" at token `i`; returns (end, value). Rejects "a/b/c".
fn digit_fraction(toks: &[Tok], i: usize) -> Option<(usize, f64)> {
    let (a, slash, b) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    let ok = a.kind == TokKind::Num
        && slash.is("/")
        && b.kind == TokKind::Num
        && a.touches(slash)
        && slash.touches(b);
    if !ok || toks.get(i + 3).is_some_and(|n| n.is("/") && b.touches(n)) {
        return None;
    }
    let den = digit_value(&b.low)?;
    (den != 0.0).then(|| (i + 3, digit_value(&a.low).unwrap_or(0.0) / den))
}

fn exponent(toks: &[Tok], i: usize) -> Option<(usize, f64)> {
    let e = toks.get(i)?;
    if !e.is("e") || !toks[i - 1].touches(e) {
        return None;
    }
    let mut j = i + 1;
    let mut sign = 1.0;
    if let Some(s) = toks.get(j).filter(|s| s.is("+") || s.is("-")) {
        sign = if s.is("-") { -1.0 } else { 1.0 };
        j += 1;
    }
    let n = toks.get(j).filter(|n| n.kind == TokKind::Num && toks[j - 1].touches(n))?;
    Some((j + 1, sign * digit_value(&n.low)?))
}

/// Collects a run of cardinal words from `i`; returns the words and the end.
fn cardinal_run<'t>(toks: &'t [Tok<'_>], i: usize) -> (Vec<&'t str>, usize) {
    let mut words: Vec<&str> = Vec::new();
    let mut j = i;
    while let Some(t) = toks.get(j) {
        let w = t.low();
        if is_cardinal(w) {
            words.push(w);
            j += 1;
        } else if !words.is_empty() && matches!(w, "billions" | "millions" | "thousands" | "hundreds") {
            words.push(w.trim_end_matches('s'));
            j += 1;
        } else if (w == "-" || w == "and") && !words.is_empty() && continues_run(toks, j + 1) {
            if w == "and" {
                words.push("and");
            }
            j += 1;
        } else {
            break;
        }
    }
    while words.last() == Some(&"and") {
        words.pop();
    }
    (words, j)
}

/// After "and"/"-": does a cardinal continue the run (and not start the
/// numerator of a mixed fraction like "twenty and three fifths")?
fn continues_run(toks: &[Tok], j: usize) -> bool {
    let Some(t) = toks.get(j) else { return false };
    if !is_cardinal(&t.low) {
        return false;
    }
    let mut k = j;
    while toks.get(k).is_some_and(|t| is_cardinal(&t.low) || t.is("-")) {
        k += 1;
    }
    let den = toks.get(k).map(|t| t.low()).unwrap_or("");
    let den_follows = plural_den(den).is_some() || singular_den(den).is_some();
    let and_before = toks.get(j.wrapping_sub(1)).is_some_and(|t| t.is("and"));
    let scale_before = j >= 2 && toks.get(j - 2).is_some_and(|t| t.is("hundred"));
    let common = matches!(den, "half" | "halves" | "quarter" | "quarters");
    !(den_follows && and_before) || (scale_before && !common)
}

/// True when `w` can begin a number in words: the words `parse_words`
/// reads first (articles, "half", "quarter", "point", ordinals, cardinals).
/// Built once from the same tables; a plain word fails with one lookup
/// instead of scans of every table.
fn starts_number_words(w: &str) -> bool {
    static FIRST: LazyLock<HashSet<&'static str, StrBuildHasher>> = LazyLock::new(|| number_word_starters().collect());
    FIRST.contains(w)
}

/// The words a number in words can start with ([`starts_number_words`]).
fn number_word_starters() -> impl Iterator<Item = &'static str> {
    let specials = ["a", "an", "half", "quarter", "point"];
    let tables = [UNITS, TENS, SCALES, ORDINALS];
    specials.into_iter().chain(tables.into_iter().flat_map(|t| t.iter().map(|(w, _)| *w)))
}

/// Every word [`may_start_number`] lets through that may start a number
/// whatever follows it: "minus", "negative" and [`number_word_starters`]
/// but the articles, which need one of [`article_seconds`] after them.
pub(crate) fn starter_words() -> impl Iterator<Item = &'static str> {
    ["minus", "negative"].into_iter().chain(number_word_starters()).filter(|w| !matches!(*w, "a" | "an"))
}

/// The words after "a" or "an" at which [`parse_article`] may read a
/// number: a scale ("a dozen"), a singular fraction ("a third") or a tens
/// word ("a twenty-first").
pub(crate) fn article_seconds() -> impl Iterator<Item = &'static str> {
    let fractions = ["half", "quarter"].into_iter().chain(ORDINALS.iter().map(|(w, _)| *w)).filter(|w| singular_den(w).is_some());
    SCALES.iter().map(|(w, _)| *w).chain(["dozen"]).chain(fractions).chain(TENS.iter().map(|(w, _)| *w))
}

/// The symbols a number can start with whatever follows: "+" and the
/// vulgar fractions (a "-" is a sign only before a figure: [`sign_before_figure`]).
pub(crate) fn starter_symbols() -> impl Iterator<Item = &'static str> {
    ["+"].into_iter().chain(VULGAR.iter().map(|(s, _)| *s))
}

/// Whether token `i` is a "-" before a figure, the only place [`signed`]
/// reads one as a sign.
pub(crate) fn sign_before_figure(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.is("-")) && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Num)
}

fn parse_words(toks: &[Tok], i: usize) -> Option<NumMatch> {
    let t = &toks[i];
    if !starts_number_words(&t.low) {
        return None;
    }
    match t.low() {
        "a" | "an" => return parse_article(toks, i),
        "half" | "quarter" => return parse_half(toks, i),
        "point" => return decimal_tail(toks, i, 0.0),
        _ => {}
    }
    if let Some(den) = lookup(ORDINALS, &t.low) {
        return Some(NumMatch { end: i + 1, value: den, ordinal: true, scale: 1.0, digits: false });
    }
    let (words, end) = cardinal_run(toks, i);
    if words.is_empty() {
        return None;
    }
    // Ordinal or fraction word right after the run.
    if let Some(m) = ordinal_tail(toks, &words, end) {
        return Some(m);
    }
    if toks.get(end).is_some_and(|t| t.is("point")) {
        let whole = eval_longest(&words)?;
        if whole.1 == words.len() {
            return decimal_tail(toks, end, whole.0);
        }
    }
    let (value, used) = eval_longest(&words)?;
    let end = token_end_for(toks, i, used);
    let scale = words[..used].iter().rev().find_map(|w| lookup(SCALES, w)).unwrap_or(1.0);
    Some(NumMatch { end, value, ordinal: false, scale, digits: false })
}

/// Evaluates the longest prefix of `words` text2num accepts.
fn eval_longest(words: &[&str]) -> Option<(f64, usize)> {
    (1..=words.len()).rev().find_map(|n| {
        if words[n - 1] == "and" {
            return None;
        }
        eval_words(&words[..n]).map(|v| (v, n))
    })
}

/// Token index after the `used`-th word of a run starting at `i`.
fn token_end_for(toks: &[Tok], i: usize, used: usize) -> usize {
    let mut seen = 0;
    let mut j = i;
    while j < toks.len() && seen < used {
        let w = toks[j].low();
        if w != "-" {
            seen += 1;
        }
        j += 1;
    }
    j
}

/// "a hundred", "a half", "a fifth", "a twenty-first", "a dozen".
fn parse_article(toks: &[Tok], i: usize) -> Option<NumMatch> {
    let next = toks.get(i + 1)?;
    if is_scale(&next.low) {
        let (mut words, end) = cardinal_run(toks, i + 1);
        if next.is("dozen") {
            return Some(NumMatch { scale: 12.0, ..NumMatch::new(i + 2, 12.0) });
        }
        words.insert(0, "one");
        let (value, used) = eval_longest(&words)?;
        let end = if used == words.len() { end } else { token_end_for(toks, i + 1, used - 1) };
        let scale = words[..used].iter().rev().find_map(|w| lookup(SCALES, w)).unwrap_or(1.0);
        return Some(NumMatch { scale, ..NumMatch::new(end, value) });
    }
    if let Some(den) = singular_den(&next.low) {
        return Some(NumMatch::new(i + 2, 1.0 / den));
    }
    // "a twenty-first": tens word + hyphen + unit ordinal.
    let tens = lookup(TENS, &next.low)?;
    let (h, o) = (toks.get(i + 2)?, toks.get(i + 3)?);
    let unit = if h.is("-") { lookup(ORDINALS, &o.low)? } else { lookup(ORDINALS, &h.low)? };
    let end = if h.is("-") { i + 4 } else { i + 3 };
    Some(NumMatch::new(end, 1.0 / (tens + unit)))
}

/// "half", "half a dozen", "half million", "quarter million".
fn parse_half(toks: &[Tok], i: usize) -> Option<NumMatch> {
    let frac = if toks[i].is("half") { 0.5 } else { 0.25 };
    let mut j = i + 1;
    if toks.get(j).is_some_and(|t| t.is("a") || t.is("an")) {
        j += 1;
    }
    if let Some(s) = toks.get(j).and_then(|t| if is_scale(&t.low) { lookup(SCALES, &t.low).or(Some(12.0)) } else { None }) {
        return Some(NumMatch { scale: s, ..NumMatch::new(j + 1, frac * s) });
    }
    (frac == 0.5).then(|| NumMatch::new(i + 1, 0.5))
}

/// "point zero three", "point seventy-one", "point 77".
fn decimal_tail(toks: &[Tok], point: usize, whole: f64) -> Option<NumMatch> {
    let mut digits = String::new();
    let mut j = point + 1;
    if let Some(n) = toks.get(j).filter(|n| n.kind == TokKind::Num && !n.low.contains(['.', ','])) {
        digits.push_str(&n.low);
        j += 1;
    } else {
        while let Some(t) = toks.get(j) {
            match lookup(UNITS, &t.low).filter(|v| *v < 10.0) {
                Some(d) => {
                    digits.push_str(&format!("{d}"));
                    j += 1;
                }
                None => break,
            }
        }
        if digits.is_empty() {
            let (words, end) = cardinal_run(toks, j);
            let (v, used) = eval_longest(&words)?;
            digits = format!("{v}");
            j = if used == words.len() { end } else { token_end_for(toks, j, used) };
        }
    }
    let frac: f64 = format!("0.{digits}").parse().ok()?;
    let mut value = if whole < 0.0 { whole - frac } else { whole + frac };
    if let Some(s) = toks.get(j).and_then(|t| lookup(SCALES, &t.low)) {
        value *= s;
        j += 1;
    }
    Some(NumMatch::new(j, value))
}

/// Handles an ordinal or fraction word right after a cardinal run.
fn ordinal_tail(toks: &[Tok], words: &[&str], end: usize) -> Option<NumMatch> {
    let hyphen = toks.get(end).is_some_and(|t| t.is("-"));
    let at = if hyphen { end + 1 } else { end };
    let w = toks.get(at)?.low();
    let last_is_tens = words.last().is_some_and(|l| lookup(TENS, l).is_some());
    let before_last_and = words.len() >= 2 && words[words.len() - 2] == "and";
    if let Some(den) = plural_den(w) {
        // "three twenty-firsts" (compound) vs "twenty fifths" (20/5).
        let compound = den < 10.0 && last_is_tens && (hyphen || (words.len() > 1 && !before_last_and));
        let (num_words, den) = if compound {
            (&words[..words.len() - 1], den + lookup(TENS, words[words.len() - 1]).unwrap_or(0.0))
        } else {
            (words, den)
        };
        let num = eval_words(num_words)?;
        return Some(NumMatch::new(at + 1, num / den));
    }
    let ord = lookup(ORDINALS, w)?;
    if words == ["one"] && w != "second" {
        return Some(NumMatch::new(at + 1, 1.0 / ord));
    }
    if words.len() == 2 && words[0] == "one" && last_is_tens && hyphen && ord < 10.0 {
        let tens = lookup(TENS, words[1]).unwrap_or(0.0);
        return Some(NumMatch::new(at + 1, 1.0 / (tens + ord)));
    }
    let mut all: Vec<&str> = words.to_vec();
    all.push(w);
    let value = if hyphen && last_is_tens {
        let joined = format!("{}-{}", all[all.len() - 2], w);
        let mut v: Vec<&str> = all[..all.len() - 2].to_vec();
        v.push(&joined);
        eval_words(&v)?
    } else {
        eval_words(&all)?
    };
    Some(NumMatch { end: at + 1, value, ordinal: true, scale: 1.0, digits: false })
}

/// A fraction after "and": "a half", "one half", "three fifths", "quarter".
fn fraction_after_and(toks: &[Tok], j: usize) -> Option<(usize, f64)> {
    let t = toks.get(j)?;
    if let Some(d) = singular_den(&t.low).filter(|_| t.is("half") || t.is("quarter")) {
        return Some((j + 1, 1.0 / d));
    }
    let (num, k) = if t.is("a") || t.is("an") {
        (1.0, j + 1)
    } else {
        let (words, end) = cardinal_run(toks, j);
        if words.is_empty() {
            return None;
        }
        (eval_words(&words)?, end)
    };
    let d = toks.get(k)?;
    let den = plural_den(&d.low).or_else(|| singular_den(&d.low))?;
    Some((k + 1, num / den))
}

/// "and a half", "over 3", "out of five", "of a million", "dozen".
fn post_modifiers(toks: &[Tok], mut m: NumMatch) -> NumMatch {
    let at = |k: usize| toks.get(k).map(|t| t.low());
    if at(m.end) == Some("and") {
        if let Some((fend, f)) = fraction_after_and(toks, m.end + 1) {
            let (mul, fend) = match toks.get(fend).and_then(|t| lookup(SCALES, &t.low)) {
                Some(s) if m.scale == 1.0 => {
                    m.value *= s;
                    (s, fend + 1)
                }
                Some(s) => (s, fend + 1),
                None if m.scale >= 1e3 => (m.scale, fend),
                None => (1.0, fend),
            };
            m.value += f * mul;
            m.end = fend;
            m.digits = false;
        }
    }
    if at(m.end) == Some("of") && m.value.abs() < 1.0 {
        let mut k = m.end + 1;
        if matches!(at(k), Some("a" | "an")) {
            k += 1;
        }
        if let Some(s) = at(k).and_then(|w| lookup(SCALES, w)) {
            m.value *= s;
            m.end = k + 1;
        }
    }
    if matches!(at(m.end), Some("dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")) && m.scale != 12.0 {
        m.value *= 12.0;
        m.end += 1;
        m.digits = false;
    }
    if at(m.end) == Some("over") || (at(m.end) == Some("out") && at(m.end + 1) == Some("of")) {
        let k = if at(m.end) == Some("over") { m.end + 1 } else { m.end + 2 };
        if let Some(d) = parse_unsigned(toks, k) {
            let word_follows = toks.get(d.end).is_some_and(|t| t.kind == TokKind::Word);
            let ok = if at(m.end) == Some("over") { !word_follows } else { m.value <= d.value };
            if ok && d.value != 0.0 && !d.ordinal {
                m.value /= d.value;
                m.end = d.end;
                m.digits = false;
            }
        }
    }
    m
}

/// Determiners before which a bare "one" is a pronoun, not a number.
const PRONOUN_ONE_BEFORE: &[&str] = &[
    "the", "this", "that", "which", "each", "every", "any", "no", "another", "such", "what",
];

/// True when a bare "one" at token `i` is a pronoun ("the one you", "one of").
pub(crate) fn pronoun_one(toks: &[Tok], i: usize, m: &NumMatch) -> bool {
    if !toks[i].is("one") || m.end != i + 1 {
        return false;
    }
    let before = i.checked_sub(1).and_then(|p| toks.get(p)).map(|t| t.low());
    let after = toks.get(i + 1).map(|t| t.low());
    before.is_some_and(|b| PRONOUN_ONE_BEFORE.contains(&b)) || after == Some("of")
}

/// True when a digit number runs straight into a unit word ("180ml").
fn glued_unit(toks: &[Tok], m: &NumMatch) -> bool {
    let (Some(last), Some(next)) = (toks.get(m.end - 1), toks.get(m.end)) else { return false };
    last.kind == TokKind::Num && next.kind == TokKind::Word && last.touches(next)
}

/// Finds every number (cardinal, fraction, ordinal) in `text`, without units
/// or hedges. This is the number layer `find_quantities` builds on.
pub fn find_numbers(text: &str) -> Vec<FoundNumber> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match parse_number(&toks, i).filter(|m| m.end > i && m.value.is_finite()) {
            Some(m) if !pronoun_one(&toks, i, &m) && !glued_unit(&toks, &m) => {
                let end_tok = &toks[m.end - 1];
                out.push(FoundNumber { range: toks[i].start..end_tok.end, value: m.value, ordinal: m.ordinal });
                i = m.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Parses a whole string as one number ("two-thirds" → 0.667).
pub fn parse_number_text(text: &str) -> Option<f64> {
    let toks = tokenize(text);
    let m = parse_number(&toks, 0)?;
    (m.end == toks.len()).then_some(m.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<f64> {
        parse_number_text(s)
    }

    #[test]
    fn words_and_digits() {
        assert_eq!(num("ninety"), Some(90.0));
        assert_eq!(num("one hundred and sixty-one"), Some(161.0));
        assert_eq!(num("1,234,567"), Some(1234567.0));
        assert_eq!(num("1.5 million"), Some(1.5e6));
        assert_eq!(num("twenty-one trillion and three hundred"), Some(21e12 + 300.0));
        assert_eq!(num("10k"), Some(1e4));
        assert_eq!(num("- 1 4/5"), Some(-1.8));
    }

    /// Regression (fuzz target `numbers`): "0000e263085h" read as NaN
    /// hours, "1e400" as ∞, "1.7e308 days" as ∞ seconds.
    #[test]
    fn numbers_beyond_the_largest_magnitude_are_not_quantities() {
        assert_eq!(num("1e400"), None);
        assert_eq!(num("0000e263085"), None);
        assert_eq!(num("1e100"), Some(1e100));
        let ctx = crate::DateContext { published: None };
        for text in ["0000e263085h", "1e400 people", "it took 1e308 years", "more than 1.7e308 days", "about 1e308 people"] {
            for f in crate::find_quantities(text, &ctx) {
                let v = f.value.unwrap_or(crosscheck_core::Interval { low: 0.0, high: None, low_open: false, high_open: false });
                assert!(v.low.is_finite() && !v.high.is_some_and(|h| !h.is_finite()), "{text:?}: {v:?}");
            }
        }
    }

    #[test]
    fn fractions() {
        assert_eq!(num("half"), Some(0.5));
        assert_eq!(num("a fifth"), Some(0.2));
        assert!((num("two-thirds").unwrap_or(0.0) - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(num("two and a half"), Some(2.5));
        assert_eq!(num("3 million and a half"), Some(3.5e6));
        assert_eq!(num("twenty and three fifths"), Some(20.6));
        assert_eq!(num("one hundred and thirty fifths"), Some(26.0));
        assert_eq!(num("1 over 3").map(|v| (v * 3.0).round()), Some(1.0));
    }

    #[test]
    fn pronoun_one_is_not_a_number() {
        assert!(find_numbers("one of the aides").is_empty());
        assert!(find_numbers("Which one do you prefer?").is_empty());
        assert_eq!(find_numbers("Let's try one last time").len(), 1);
    }
}
