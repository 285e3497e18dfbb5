//! Stage 5: dates, resolved against the article's publication date.
//!
//! Explicit forms ("12 February", "February 13, 2025", "13-Feb-2025",
//! "13/2/2025", "2025-02-13", "14-16 February", "2014") and relative ones
//! ("on Wednesday", "yesterday", "last week"). Every resolution records its
//! rule in [`DateValue::rule`]; without a publication date relative
//! expressions are still found but left unresolved.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use crosscheck_core::value::DateValue;

use crate::tokens::{Tok, TokKind};

/// What the scanner knows about the article a sentence comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// The publication date, when known.
    pub published: Option<NaiveDate>,
}

/// Earliest and latest year read as a calendar year rather than a count.
pub const YEAR_RANGE: (u32, u32) = (1800, 2100);

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
    ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9), ("october", 10),
    ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon), ("tuesday", Weekday::Tue), ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu), ("friday", Weekday::Fri), ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Words after which a sentence speaks of the future ("will meet on Friday").
const FUTURE_CUES: &[&str] = &["will", "'ll", "shall", "going", "plans", "planned", "scheduled", "expected", "upcoming"];

/// The words (lower-cased) a date can start with that are not digits:
/// [`relative`]'s words and [`month_first`]'s months. Every other reader of
/// [`parse_date`] needs a number token first.
pub(crate) fn starter_words() -> impl Iterator<Item = &'static str> {
    const RELATIVE: &[&str] = &["yesterday", "today", "tonight", "tomorrow", "last", "next", "this", "past", "coming"];
    RELATIVE.iter().copied().chain(WEEKDAYS.iter().map(|(w, _)| *w)).chain(MONTHS.iter().map(|(m, _)| *m))
}

/// A date read at a token position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateMatch {
    /// Token index one past the expression.
    pub end: usize,
    /// The resolved date, when it could be resolved.
    pub date: Option<DateValue>,
}

/// True when the sentence's tokens carry a future-tense cue.
pub(crate) fn future_tense(toks: &[Tok]) -> bool {
    toks.windows(2).any(|w| w[0].is("to") && w[1].is("be"))
        || toks.iter().any(|t| FUTURE_CUES.contains(&t.low()))
        || toks.windows(2).any(|w| w[0].is("'") && w[1].is("ll"))
}

fn month(t: &Tok) -> Option<u32> {
    let w = t.low();
    let m = MONTHS.iter().find(|(k, _)| *k == w).map(|(_, m)| *m)?;
    // Lowercase "may"/"march" are verbs; abbreviations need a capital too.
    (t.capital || w.len() > 5 && w != "march").then_some(m)
}

fn small_int(t: &Tok) -> Option<u32> {
    if t.kind != TokKind::Num || t.low.contains(['.', ',']) || t.low.len() > 4 {
        return None;
    }
    t.low.parse().ok()
}

fn year_tok(t: Option<&Tok>) -> Option<i32> {
    let t = t?;
    let y = small_int(t)?;
    (t.low.len() == 4 && (YEAR_RANGE.0..=YEAR_RANGE.1).contains(&y)).then_some(y as i32)
}

/// A day number, allowing an ordinal suffix ("13th"); returns (day, end).
fn day_at(toks: &[Tok], j: usize) -> Option<(u32, usize)> {
    let d = small_int(toks.get(j)?).filter(|d| (1..=31).contains(d))?;
    let suffixed = toks.get(j + 1).is_some_and(|s| {
        toks[j].touches(s) && matches!(s.low(), "st" | "nd" | "rd" | "th")
    });
    Some((d, if suffixed { j + 2 } else { j + 1 }))
}

fn explicit(start: NaiveDate, end: Option<NaiveDate>, rule: &str) -> Option<DateValue> {
    Some(DateValue { start, end: end.filter(|e| *e > start), rule: rule.into() })
}

/// The year to give a day-month without one: the one that puts the date
/// nearest the publication date (`None` without a publication date).
fn infer_year(ctx: &DateContext, m: u32, d: u32) -> Option<i32> {
    let p = ctx.published?;
    (p.year() - 1..=p.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d).map(|dt| (y, (dt - p).num_days().abs())))
        .min_by_key(|(_, dist)| *dist)
        .map(|(y, _)| y)
}

fn day_month(ctx: &DateContext, year: Option<i32>, m: u32, d1: u32, d2: Option<u32>) -> Option<DateValue> {
    let (y, rule) = match year {
        Some(y) => (y, "explicit"),
        None => (infer_year(ctx, m, d1)?, "explicit-year-from-publication"),
    };
    let start = NaiveDate::from_ymd_opt(y, m, d1)?;
    let end = d2.and_then(|d| NaiveDate::from_ymd_opt(y, m, d));
    explicit(start, end, rule)
}

/// Whether the sentence speaks of the future ([`future_tense`]), read the
/// first time a date needs it (most sentences have no weekday to resolve).
pub(crate) type Tense = std::cell::OnceCell<bool>;

/// Reads a date starting at token `i`.
pub(crate) fn parse_date(toks: &[Tok], i: usize, ctx: &DateContext, future: &Tense) -> Option<DateMatch> {
    relative(toks, i, ctx, future)
        .or_else(|| numeric(toks, i))
        .or_else(|| day_first(toks, i, ctx))
        .or_else(|| month_first(toks, i, ctx))
        .or_else(|| year_alone(toks, i))
}

fn at<'t>(toks: &'t [Tok<'_>], k: usize) -> &'t str {
    toks.get(k).map_or("", |t| t.low())
}

/// "13/2/2025", "5/17/2018", "2025-02-13", "13-Feb-2025".
fn numeric(toks: &[Tok], i: usize) -> Option<DateMatch> {
    let (a, s1, b, s2, c) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?, toks.get(i + 3)?, toks.get(i + 4)?);
    let tight = a.touches(s1) && s1.touches(b) && b.touches(s2) && s2.touches(c);
    let sep = s1.low == s2.low && (s1.is("/") || s1.is("-") || s1.is("."));
    if !tight || !sep {
        return None;
    }
    let x = small_int(a)?;
    let z = small_int(c)?;
    let (y, m, d) = if let Some(mo) = month(b).or_else(|| MONTHS.iter().find(|(k, _)| b.is(k)).map(|(_, m)| *m)) {
        (z as i32, mo, x)
    } else {
        let yv = small_int(b)?;
        if a.low.len() == 4 {
            (x as i32, yv, z)
        } else if yv > 12 {
            (z as i32, x, yv)
        } else {
            (z as i32, yv, x)
        }
    };
    let y = if y < 100 { 2000 + y } else { y };
    let start = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(DateMatch { end: i + 5, date: explicit(start, None, "explicit") })
}

/// "12 February", "13 February 2025", "14-16 February", "12th of May".
fn day_first(toks: &[Tok], i: usize, ctx: &DateContext) -> Option<DateMatch> {
    let (d1, mut j) = day_at(toks, i)?;
    let mut d2 = None;
    if matches!(at(toks, j), "-" | "to") {
        if let Some((d, k)) = day_at(toks, j + 1) {
            d2 = Some(d);
            j = k;
        }
    }
    if at(toks, j) == "of" {
        j += 1;
    }
    let m = month(toks.get(j)?)?;
    j += 1;
    if at(toks, j) == "." {
        j += 1;
    }
    let year = year_tok(toks.get(j));
    if year.is_some() {
        j += 1;
    }
    Some(DateMatch { end: j, date: day_month(ctx, year, m, d1, d2) })
}

/// "February 13, 2025", "Feb. 12", "February 14-16", "February 2025", "in May".
fn month_first(toks: &[Tok], i: usize, ctx: &DateContext) -> Option<DateMatch> {
    let m = month(toks.get(i)?)?;
    let mut j = i + 1;
    if at(toks, j) == "." {
        j += 1;
    }
    if let Some((d1, k)) = day_at(toks, j) {
        j = k;
        let mut d2 = None;
        if matches!(at(toks, j), "-" | "to") {
            if let Some((d, k2)) = day_at(toks, j + 1) {
                d2 = Some(d);
                j = k2;
            }
        }
        let comma = at(toks, j) == ",";
        let year = year_tok(toks.get(if comma { j + 1 } else { j }));
        if year.is_some() {
            j += if comma { 2 } else { 1 };
        }
        return Some(DateMatch { end: j, date: day_month(ctx, year, m, d1, d2) });
    }
    let year = year_tok(toks.get(j));
    let prep = i > 0 && matches!(at(toks, i - 1), "in" | "since" | "until" | "by" | "from" | "during" | "early" | "late" | "mid" | "last" | "next" | "this");
    if year.is_none() && !(prep && toks[i].capital) {
        return None;
    }
    let y = year.or_else(|| infer_year(ctx, m, 15));
    let date = y.and_then(|y| {
        let start = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) }?;
        explicit(start, next.pred_opt(), if year.is_some() { "explicit-month" } else { "month-year-from-publication" })
    });
    Some(DateMatch { end: if year.is_some() { j + 1 } else { j }, date })
}

/// A lone year ("in 2014", "pre-2014") unless a unit or multiplier follows.
fn year_alone(toks: &[Tok], i: usize) -> Option<DateMatch> {
    let y = year_tok(toks.get(i))?;
    if let Some(n) = toks.get(i + 1) {
        let unit_like = n.kind == TokKind::Word
            && (crate::durations::unit_at(toks, i + 1).is_some()
                || matches!(n.low(), "percent" | "per" | "k" | "m" | "million" | "billion" | "thousand" | "dollars" | "euros" | "people" | "troops" | "soldiers"));
        if unit_like || n.is("%") || (n.is("-") && toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Num)) {
            return None;
        }
    }
    if i > 0 && matches!(at(toks, i - 1), "$" | "€" | "£" | "than" | "about" | "some" | "nearly" | "almost" | "over" | "under" | "-") && !(at(toks, i - 1) == "-" && toks[i - 1].touches(&toks[i]) && i >= 2 && toks[i - 2].kind == TokKind::Word) {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
    let end = NaiveDate::from_ymd_opt(y, 12, 31);
    Some(DateMatch { end: i + 1, date: explicit(start, end, "explicit-year") })
}

/// "yesterday", "today", "tomorrow", "(last|next|this|on) Wednesday",
/// "last week", "next month", "this year".
fn relative(toks: &[Tok], i: usize, ctx: &DateContext, future: &Tense) -> Option<DateMatch> {
    let p = ctx.published;
    let w = at(toks, i);
    let shift = |days: i64, rule: &str| {
        p.and_then(|p| p.checked_add_signed(chrono::Duration::days(days)))
            .and_then(|d| explicit(d, None, rule))
    };
    match w {
        "yesterday" => return Some(DateMatch { end: i + 1, date: shift(-1, "yesterday") }),
        "today" | "tonight" => return Some(DateMatch { end: i + 1, date: shift(0, "today") }),
        "tomorrow" => return Some(DateMatch { end: i + 1, date: shift(1, "tomorrow") }),
        _ => {}
    }
    let modifier = matches!(w, "last" | "next" | "this" | "past" | "coming");
    let k = if modifier { i + 1 } else { i };
    if let Some(wd) = WEEKDAYS.iter().find(|(n, _)| at(toks, k) == *n).map(|(_, d)| *d) {
        if !toks[k].capital {
            return None;
        }
        let mode = match w {
            "last" | "past" => Direction::StrictPast,
            "next" | "coming" | "this" => Direction::Future,
            _ if *future.get_or_init(|| future_tense(toks)) => Direction::Future,
            _ => Direction::Past,
        };
        let date = p.and_then(|p| weekday(p, wd, mode));
        return Some(DateMatch { end: k + 1, date });
    }
    if !modifier {
        return None;
    }
    let span = at(toks, i + 1);
    let date = p.and_then(|p| period(p, w, span));
    matches!(span, "week" | "month" | "year" | "weekend").then_some(DateMatch { end: i + 2, date })
}

#[derive(Clone, Copy)]
enum Direction {
    Past,
    StrictPast,
    Future,
}

fn weekday(p: NaiveDate, wd: Weekday, mode: Direction) -> Option<DateValue> {
    let back = (p.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    let fwd = (wd.num_days_from_monday() + 7 - p.weekday().num_days_from_monday()) % 7;
    let (date, rule) = match mode {
        Direction::Past => (p.checked_sub_days(Days::new(back.into()))?, "weekday-before-publication"),
        Direction::StrictPast => {
            let b = if back == 0 { 7 } else { back };
            (p.checked_sub_days(Days::new(b.into()))?, "weekday-last-before-publication")
        }
        Direction::Future => {
            let f = if fwd == 0 { 7 } else { fwd };
            (p.checked_add_days(Days::new(f.into()))?, "weekday-after-publication")
        }
    };
    explicit(date, None, rule)
}

fn period(p: NaiveDate, modifier: &str, span: &str) -> Option<DateValue> {
    let offset: i32 = match modifier {
        "last" | "past" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    let rule = format!("{modifier}-{span}-from-publication");
    match span {
        "week" | "weekend" => {
            let monday = p.checked_sub_days(Days::new(p.weekday().num_days_from_monday().into()))?;
            let start = monday.checked_add_signed(chrono::Duration::days(7 * i64::from(offset)))?;
            let (s, e) = if span == "weekend" { (start + Days::new(5), start + Days::new(6)) } else { (start, start + Days::new(6)) };
            explicit(s, Some(e), &rule)
        }
        "month" => {
            let idx = p.year() * 12 + p.month0() as i32 + offset;
            let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
            let start = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) }?;
            explicit(start, next.pred_opt(), &rule)
        }
        "year" => {
            let y = p.year() + offset;
            explicit(NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31), &rule)
        }
        _ => None,
    }
}
