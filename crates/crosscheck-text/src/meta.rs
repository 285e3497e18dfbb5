//! Article metadata read from the text itself: datelines, credit lines,
//! bylines and brand names.

use chrono::NaiveDate;
use crosscheck_core::CreditKind;

use crate::fold::{self, Folded};
use crate::words::{words_up_to, BLOCK_WORDS_COUNTED};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12), ("jan", 1),
    ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9),
    ("oct", 10), ("nov", 11), ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun",
];

/// Words that may stand in a dateline beside the date itself.
const DATELINE_WORDS: &[&str] = &[
    "updated", "published", "posted", "last", "modified", "am", "pm", "gmt", "utc", "bst", "cet", "cest", "est",
    "edt", "pst", "pdt", "msk", "amt", "ist", "at", "on", "by",
];

/// Most words a dateline may have that are not part of a date or time.
const DATELINE_SPARE_WORDS: usize = 2;

/// Month number of a month name or abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let w = fold::word(word.trim_end_matches('.'));
    MONTHS.iter().find(|(m, _)| fold::eq(&w, m)).map(|(_, n)| *n)
}

fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '|').filter(|t| !t.is_empty())
}

fn is_date_token(t: &str) -> bool {
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    month_number(t).is_some()
        || t.contains(['/', ':']) && t.chars().any(|c| c.is_ascii_digit())
        || t.split('-').any(|p| month_number(p).is_some()) && t.chars().any(|c| c.is_ascii_digit())
        || (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
        || (t.len() == 10 && t.split('-').count() == 3)
}

/// True when the block is a dateline or timestamp: a date or time with at
/// most a couple of other words ("Updated 08:49, 13-Feb-2025").
pub fn is_dateline(block: &str) -> bool {
    if block.len() > 80 {
        return false;
    }
    if is_relative_timestamp(block) {
        return true;
    }
    let mut dated = false;
    let mut spare = 0;
    for t in tokens(block) {
        let bare = t.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() {
            continue;
        }
        if is_date_token(t) {
            dated |= month_number(bare).is_some() || t.chars().filter(|c| c.is_ascii_digit()).count() >= 4;
        } else if !(bare.chars().all(|c| c.is_ascii_digit()) || fold::is_one_of(bare, WEEKDAYS) || fold::is_one_of(bare, DATELINE_WORDS)) {
            // Numbers, weekdays and dateline words belong in a dateline.
            spare += 1;
            if spare > DATELINE_SPARE_WORDS {
                return false;
            }
        }
    }
    dated
}

/// Units of a relative timestamp ("3 hours ago").
const AGO_UNITS: &[&str] =
    &["second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks"];

/// "Published 3 hours ago", "Updated: 5 min ago", "2 days ago": a page's
/// relative timestamp. Only dateline words, one number (or "an"/"a") and a
/// time unit before "ago".
fn is_relative_timestamp(block: &str) -> bool {
    // Read from the end, so that most blocks stop at their last word.
    let mut words = block.split_whitespace().rev().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty());
    let (Some(last), Some(unit), Some(count)) = (words.next(), words.next(), words.next()) else { return false };
    fold::is_one_of(last, &["ago"])
        && fold::is_one_of(unit, AGO_UNITS)
        && (count.chars().all(|c| c.is_ascii_digit()) || fold::is_one_of(count, &["a", "an"]))
        && words.all(|w| fold::is_one_of(w, DATELINE_WORDS))
}

/// The first calendar date written in `s`, in any common format: "13
/// February 2025", "February 13, 2025", "13-Feb-2025", "13/2/2025",
/// "2025-02-13". Slash dates are read day first unless that is impossible.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let toks: Vec<&str> = tokens(s).collect();
    for (i, t) in toks.iter().enumerate() {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        if let Some(d) = parse_compact(t) {
            return Some(d);
        }
        let num = |j: usize| toks.get(j).and_then(|x| x.trim_matches(|c: char| !c.is_alphanumeric()).parse::<u32>().ok());
        if let Some(m) = month_number(t) {
            // "February 13, 2025" or "13 February 2025"
            if let (Some(d), Some(y)) = (num(i + 1), num(i + 2)) {
                if let Some(date) = ymd(y, m, d) {
                    return Some(date);
                }
            }
            if let (Some(d), Some(y)) = (i.checked_sub(1).and_then(num), num(i + 1)) {
                if let Some(date) = ymd(y, m, d) {
                    return Some(date);
                }
            }
        }
    }
    None
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// "13-Feb-2025", "13/2/2025", "2025-02-13", "2025/02/13".
fn parse_compact(t: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3 {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    if parts[0].len() == 4 {
        return ymd(n(parts[0])?, n(parts[1])?, n(parts[2])?);
    }
    let y = n(parts[2])?;
    if let Some(m) = month_number(parts[1]) {
        return ymd(y, m, n(parts[0])?);
    }
    let (a, b) = (n(parts[0])?, n(parts[1])?);
    ymd(y, b, a).or_else(|| ymd(y, a, b))
}

const REFERENCE_PREFIXES: &[&str] =
    &["reference(s):", "references:", "reference:", "source:", "sources:", "originally published", "republished from"];
const WIRE_PREFIXES: &[&str] = &[
    "with input from",
    "with inputs from",
    "with additional reporting",
    "additional reporting by",
    "reporting by",
    "editing by",
    "compiled by",
    "written by",
];

/// Dashes that end a wire dateline ("LONDON (Reuters) - …").
const DATELINE_DASHES: &[&str] = &[" - ", " – ", " — ", " -- "];

/// Longest wire dateline, in bytes, before its dash.
const MAX_DATELINE_BYTES: usize = 80;

/// The first of [`DATELINE_DASHES`] in `paragraph` that starts within
/// [`MAX_DATELINE_BYTES`], with its byte offset. Every dash is a space and
/// then one of [`DASH_SECOND_BYTES`] (rarer than spaces), and no two start
/// alike, so only the spaces before those bytes are tried.
fn first_dateline_dash(paragraph: &str) -> Option<(usize, &'static str)> {
    let bytes = paragraph.as_bytes();
    let head = &bytes[..bytes.len().min(MAX_DATELINE_BYTES + 2)];
    let [first, second] = DASH_SECOND_BYTES;
    memchr::memchr2_iter(first, second, head)
        .filter_map(|at| at.checked_sub(1).filter(|&i| bytes[i] == b' '))
        .find_map(|i| DATELINE_DASHES.iter().find(|d| bytes[i..].starts_with(d.as_bytes())).map(|d| (i, *d)))
}

/// The second bytes of the [`DATELINE_DASHES`]: a hyphen, and the first
/// byte of "–" and "—".
const DASH_SECOND_BYTES: [u8; 2] = [b'-', 0xE2];

/// Most words of a wire dateline.
const MAX_DATELINE_WORDS: usize = 8;

/// A wire dateline opening a paragraph: "LONDON, Feb 12 (Reuters) - ",
/// "KYIV, Ukraine (AP) — ", "Beijing, Feb. 13 (Xinhua) -- ". Returns the
/// prefix's length in bytes (dash and spaces included) and the agency named
/// in brackets, if any. An agency in brackets stands just before the
/// dash, or the place is written in capitals ("KYIV, Ukraine — ",
/// "WASHINGTON -- "); the text after the dash starts a sentence.
pub fn dateline_prefix(paragraph: &str) -> Option<(usize, Option<String>)> {
    let (at, dash) = first_dateline_dash(paragraph)?;
    let prefix = paragraph[..at].trim_end();
    let words: Vec<&str> = prefix.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_DATELINE_WORDS {
        return None;
    }
    let agency = prefix
        .strip_suffix(')')
        .and_then(|p| p.rfind('(').map(|i| p[i + 1..].trim().to_string()))
        .filter(|a| !a.is_empty() && a.split_whitespace().all(starts_upper));
    let rest = paragraph[at + dash.len()..].trim_start();
    let starts_sentence = rest.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘".contains(c));
    let no_clause = !prefix.contains(['.', '!', '?', ';', ':']) || prefix.ends_with(')');
    // The place, before any comma, is all capitals: "WASHINGTON -- ",
    // "LAS VEGAS — ", "KYIV, Ukraine — ". (An acronym before a spaced dash,
    // "NATO – Russia talks", reads the same and loses its first word; in the
    // FNC-1 bodies bare datelines are the rule.)
    let place = prefix.split(',').next().unwrap_or(prefix);
    let placed = place.split_whitespace().all(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    });
    ((placed || agency.is_some()) && starts_sentence && no_clause)
        .then(|| (paragraph.len() - rest.len(), agency.map(|a| a.to_lowercase())))
}

/// A line crediting other reporters' work ("Jan Holm contributed to this
/// report").
const CONTRIBUTION_PHRASES: &[&str] = &["contributed to this report", "contributed reporting", "contributed to this story"];

/// The credit kind of a credit, reference or byline line.
pub fn credit_kind(block: &str) -> Option<CreditKind> {
    credit_kind_counted(block, words_up_to(block, BLOCK_WORDS_COUNTED))
}

const _: () = assert!(MAX_CONTRIBUTION_WORDS < BLOCK_WORDS_COUNTED);

/// [`credit_kind`] of a block whose `words` were counted up to
/// [`BLOCK_WORDS_COUNTED`]; a block too long for any other credit can
/// only open with a reference prefix.
pub(crate) fn credit_kind_counted(block: &str, words: usize) -> Option<CreditKind> {
    if words > MAX_CONTRIBUTION_WORDS {
        return opens_reference(block.trim()).then_some(CreditKind::Reference);
    }
    // Compared with the lower-case prefixes as if lower-cased (see `fold`).
    let folded = Folded::new(block.trim());
    let text = folded.as_str();
    if opens_reference(text) {
        return Some(CreditKind::Reference);
    }
    let bare = text.trim_start_matches(['(', '[']);
    if WIRE_PREFIXES.iter().any(|p| fold::starts_with(bare, p)) && words <= MAX_CREDIT_WORDS {
        return Some(CreditKind::WireInput);
    }
    if CONTRIBUTION_PHRASES.iter().any(|p| fold::contains(text, p)) {
        return Some(CreditKind::WireInput);
    }
    // "By Anna Smith; Editing by John Doe": the byline before a semicolon.
    let first = block.split(';').next().unwrap_or(block);
    let mut byline = first.split_whitespace();
    let by_names = byline.next() == Some("By") && byline.clone().count() < 5 && byline.all(starts_upper);
    let credited_after = || {
        let after = Folded::new(&block[first.len()..]);
        WIRE_PREFIXES.iter().any(|p| fold::contains(after.as_str(), p))
    };
    if by_names && words <= MAX_CREDIT_WORDS && (first.len() == block.len() || credited_after()) {
        return Some(CreditKind::Byline);
    }
    None
}

/// Most words of a wire-input line or a byline ("(With input from
/// agencies)", "By Anna Smith; Editing by John Doe").
const MAX_CREDIT_WORDS: usize = 15;

/// Most words of a line crediting other reporters' work.
const MAX_CONTRIBUTION_WORDS: usize = 20;

/// Whether a line, after any opening brackets, starts with a reference
/// prefix ("(Source: …"), in any case: as `fold::starts_with` compares,
/// which answers as lower-casing the line first would even for a line
/// that is no [`Folded`] (no prefix has a "k" for the Kelvin sign to give,
/// and "İ" lower-cases to an "i" and a combining dot no prefix has).
fn opens_reference(line: &str) -> bool {
    let bare = line.trim_start_matches(['(', '[']);
    REFERENCE_PREFIXES.iter().any(|p| fold::starts_with(bare, p))
}

/// The names a credit line credits: what follows its colon or its "from"/"by",
/// split on commas and "and", lower-cased.
pub fn credit_names(block: &str) -> Vec<String> {
    let lower = block.to_lowercase();
    if let Some(i) = lower.find(" contributed") {
        // "Associated Press writer Jan Holm contributed to this report."
        return vec![lower[..i].trim().to_string()];
    }
    let cut = ["):", ":", " from ", " by ", "courtesy of "].iter().filter_map(|m| lower.find(m).map(|i| i + m.len())).min();
    let rest = cut.map_or(lower.as_str(), |i| &lower[i..]);
    rest.split([',', ';', '\n'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric() && c != '.').trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A brand or outlet name standing alone: one word with two or more capitals
/// ("CGTN", "BelTA") or a domain ("example.com").
pub fn is_brand(s: &str) -> bool {
    let s = s.trim();
    if s.split_whitespace().count() != 1 || s.chars().count() < 2 || s.chars().count() > 24 {
        return false;
    }
    let capitals = s.chars().filter(|c| c.is_uppercase()).count();
    let domain = s.contains('.') && s.rsplit('.').next().is_some_and(|tld| (2..=6).contains(&tld.len()));
    s.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-') && (capitals >= 2 || domain)
}

/// Two or three capitalised words and nothing else: a signature.
pub fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=3).contains(&words.len()) && words.iter().all(|w| starts_upper(w) && w.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn relative_timestamps_are_datelines() {
        for line in ["Published 3 hours ago", "Updated: 5 min ago", "2 days ago", "Posted an hour ago"] {
            assert!(is_dateline(line), "{line}");
        }
        for line in ["Talks began 3 hours ago", "The war began three years ago", "ago"] {
            assert!(!is_dateline(line), "{line}");
        }
    }

    #[test]
    fn wire_datelines_open_paragraphs() {
        let cases = [
            ("LORVIK, Norway (Reuters) - A storm cut power.", "A storm", Some("reuters")),
            ("KYIV (AP) — Sirens sounded.", "Sirens", Some("ap")),
            ("Beijing, Feb. 13 (Xinhua) -- Talks began.", "Talks", Some("xinhua")),
            ("MONDAY, June 8 — A storm hit.", "A storm", None),
        ];
        for (p, body, agency) in cases {
            assert_eq!(dateline_prefix(p), Some((p.find(body).unwrap_or(0), agency.map(String::from))), "{p}");
        }
        assert!(DATELINE_DASHES.iter().all(|d| d.starts_with(' ') && DASH_SECOND_BYTES.contains(&d.as_bytes()[1])));
        assert_eq!(dateline_prefix("The talks - which began Monday - ended."), None);
        assert_eq!(dateline_prefix("Prices rose 3% - the most in a year."), None);
        assert_eq!(dateline_prefix("NATO allies met - and agreed."), None, "the text after the dash must start a sentence");
        assert_eq!(dateline_prefix("WASHINGTON -- The senator spoke.").map(|d| d.0), Some(14));
        assert_eq!(dateline_prefix("Nato – Russia talks resumed on Monday."), None, "a name in lower case is no dateline");
        assert_eq!(dateline_prefix("CBM caught the comment - “Watching you” - on video."), None, "a clause before a dash");
    }

    #[test]
    fn datelines_are_recognised_and_parsed() {
        for (line, want) in [
            (" , Updated 08:49, 13-Feb-2025", date(2025, 2, 13)),
            ("Flag Thursday, 13 February 2025", date(2025, 2, 13)),
            ("13 February 2025, 10:40", date(2025, 2, 13)),
            ("13/2/2025 6:13", date(2025, 2, 13)),
            ("February 13, 2025 - 11:34 AMT", date(2025, 2, 13)),
            ("Published 2024-11-05", date(2024, 11, 5)),
        ] {
            assert!(is_dateline(line), "{line}");
            assert_eq!(parse_date(line), want, "{line}");
        }
        assert!(!is_dateline("The talks began on 13 February 2025 in Geneva with both delegations."));
        assert!(!is_dateline("Putin invites Trump to visit Moscow"));
    }

    #[test]
    fn credit_lines_and_names() {
        assert_eq!(credit_kind("Reference(s):"), Some(CreditKind::Reference));
        assert_eq!(credit_kind("(With input from agencies)"), Some(CreditKind::WireInput));
        assert_eq!(credit_kind("By Jane Roe"), Some(CreditKind::Byline));
        assert_eq!(credit_kind("By the time they met, it was late."), None);
        assert_eq!(credit_kind("By Anna Smith; Editing by John Doe"), Some(CreditKind::Byline));
        assert_eq!(credit_kind("By Anna ȺȺ; editing by Alex Holm"), Some(CreditKind::Byline), "lower-casing that lengthens text");
        assert_eq!(credit_kind("Associated Press writer Jan Holm contributed to this report."), Some(CreditKind::WireInput));
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one";
        assert_eq!(credit_kind(&format!("(SOURCE: {long})")), Some(CreditKind::Reference), "a long block opening with a reference prefix");
        assert_eq!(credit_kind(&format!("Jan Holm contributed to this report, {long}")), None, "too long to credit reporters");
        let place = |n: usize| format!("{}- The end.", "ABCDEFGHIJKLMNOPQRST ".repeat(n));
        assert_eq!(dateline_prefix(&place(3)).map(|d| d.0), Some(65));
        assert_eq!(dateline_prefix(&place(4)), None, "a dash past the dateline's bytes");
        assert_eq!(credit_names("Reference(s):\nexample.com"), vec!["example.com"]);
        assert_eq!(credit_names("(With input from agencies)"), vec!["agencies"]);
        assert_eq!(credit_names("AP writer Jan Holm contributed to this report."), vec!["ap writer jan holm"]);
        assert_eq!(credit_names("Sources: Reuters, AP and AFP"), vec!["reuters", "ap", "afp"]);
    }

    #[test]
    fn brands_and_names() {
        assert!(is_brand("CGTN") && is_brand("BelTA") && is_brand("news.example.com"));
        assert!(!is_brand("X") && !is_brand("Politics") && !is_brand("All news"));
        assert!(is_person_name("Vita Khanataeva") && !is_person_name("Follow us on:"));
    }
}
