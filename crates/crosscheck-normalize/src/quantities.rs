//! Stage 6: the scanner — hedges, ranges, units, money, percentages, vague
//! amounts — on top of the number, duration and date layers.

use std::ops::Range;
use std::sync::LazyLock;

use crosscheck_core::claim::{Quantity, QuantityKind};
use crosscheck_core::value::{DateValue, Interval, Unit};

use crate::dates::{parse_date, DateContext, Tense};
use crate::durations::{may_start_duration_word, parse_duration_with, unit_at};
use crate::hedges::{apply, vague_interval, Hedge, VagueAmount, HEDGES, SUFFIX_HEDGES, VAGUE_AMOUNTS};
use crate::numbers::{may_start_number, parse_number, pronoun_one, NumMatch};
use crate::tokens::{tokenize, Tok, TokKind};
use crate::wordmap::WordMap;

/// One quantity expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range into the scanned text (on char boundaries).
    pub range: Range<usize>,
    /// What it measures.
    pub kind: QuantityKind,
    /// The value as an interval in `unit` (not set for dates).
    pub value: Option<Interval>,
    /// The unit of `value`.
    pub unit: Option<Unit>,
    /// The resolved date, for dates.
    pub date: Option<DateValue>,
}

/// Currency symbols written before amounts.
const CURRENCY_SYMBOLS: &[(&str, &str)] = &[("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₴", "UAH"), ("₽", "RUB")];
/// Currency words and codes written after (or, for codes, before) amounts.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"), ("dollars", "USD"), ("usd", "USD"), ("euro", "EUR"), ("euros", "EUR"),
    ("eur", "EUR"), ("pound", "GBP"), ("pounds", "GBP"), ("sterling", "GBP"), ("gbp", "GBP"),
    ("yuan", "CNY"), ("renminbi", "CNY"), ("yen", "JPY"), ("rouble", "RUB"), ("roubles", "RUB"),
    ("ruble", "RUB"), ("rubles", "RUB"), ("hryvnia", "UAH"), ("hryvnias", "UAH"),
    ("rupee", "INR"), ("rupees", "INR"), ("sek", "SEK"),
];
/// Measurement units kept as [`Unit::Other`] with a canonical name.
const MEASURES: &[(&str, &str)] = &[
    ("km", "km"), ("kilometres", "km"), ("kilometers", "km"), ("kilometre", "km"),
    ("kilometer", "km"), ("miles", "mile"), ("mile", "mile"), ("kg", "kg"), ("kilograms", "kg"),
    ("tonnes", "tonne"), ("tons", "tonne"), ("metres", "m"), ("meters", "m"),
];
const PERCENT_WORDS: &[&str] = &["percent", "percents", "percentage", "pct"];

/// A quantity core: end, kind, value, unit, and seconds-per-unit for ranges.
#[derive(Debug, Clone)]
struct Core {
    end: usize,
    kind: QuantityKind,
    value: Interval,
    unit: Unit,
    per_unit: f64,
}

fn lookup<'a>(table: &'a [(&str, &'a str)], w: &str) -> Option<&'a str> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// First word → (the remaining words, index into the table), in table order.
type FirstWordMap = WordMap<Vec<(Vec<&'static str>, usize)>>;

/// The phrases of one table indexed by their first word, built once: a
/// token is looked up once instead of being compared with every phrase.
struct PhraseIndex {
    by_first: FirstWordMap,
    /// The first words' first bytes and lengths: most tokens are ruled out
    /// without hashing.
    heads: Heads,
}

/// For each first byte, the lengths (bit `min(len, 63)`) of a set of words
/// that start with it: a test that turns most other words away before they
/// are hashed.
struct Heads([u64; 256]);

impl Heads {
    fn new() -> Heads {
        Heads([0; 256])
    }

    /// Adds `w` (an empty word adds nothing).
    fn insert(&mut self, w: &[u8]) {
        if let Some(&b) = w.first() {
            self.0[usize::from(b)] |= 1u64 << w.len().min(63);
        }
    }

    /// False when no word added has `w`'s first byte and length (and for
    /// the empty word).
    fn may_hold(&self, w: &[u8]) -> bool {
        w.first().is_some_and(|&b| self.holds(b, w.len()))
    }

    /// [`Heads::may_hold`] of the ASCII `w` lower-cased.
    fn may_hold_lower_of_ascii(&self, w: &[u8]) -> bool {
        w.first().is_some_and(|&b| self.holds(b.to_ascii_lowercase(), w.len()))
    }

    /// Whether a word added starts with `first` and has `len` bytes (or,
    /// from 63 bytes on, at least 63).
    fn holds(&self, first: u8, len: usize) -> bool {
        self.0[usize::from(first)] & 1u64 << len.min(63) != 0
    }
}

impl PhraseIndex {
    fn new(phrases: impl Iterator<Item = &'static str>) -> PhraseIndex {
        let mut by_first = FirstWordMap::default();
        let mut heads = Heads::new();
        for (k, phrase) in phrases.enumerate() {
            let mut words = phrase.split(' ');
            let first = words.next().unwrap_or("");
            by_first.entry_or_insert_with(first.as_bytes(), Vec::new).push((words.collect(), k));
            heads.insert(first.as_bytes());
        }
        PhraseIndex { by_first, heads }
    }

    /// False when no first word can equal `w`.
    fn may_start(&self, w: &str) -> bool {
        self.heads.may_hold(w.as_bytes())
    }

    /// The longest phrase at token `i` (of equally long ones, the last in
    /// table order): its end and table index.
    fn at(&self, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
        let first = toks.get(i)?.low();
        if !self.may_start(first) {
            return None;
        }
        let candidates = self.by_first.get(first.as_bytes())?;
        let mut best: Option<(usize, usize)> = None;
        for (rest, k) in candidates {
            let ok = rest.iter().enumerate().all(|(n, w)| toks.get(i + 1 + n).is_some_and(|t| t.low == *w));
            let end = i + 1 + rest.len();
            if ok && best.is_none_or(|(e, _)| end >= e) {
                best = Some((end, *k));
            }
        }
        best
    }
}

/// Matches the longest hedge of [`HEDGES`] at token `i`; returns its end.
fn hedge_at(toks: &[Tok], i: usize) -> Option<(usize, &'static Hedge)> {
    static INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| PhraseIndex::new(HEDGES.iter().map(|h| h.phrase)));
    INDEX.at(toks, i).map(|(end, k)| (end, &HEDGES[k]))
}

/// Matches the longest hedge of [`SUFFIX_HEDGES`] at token `i`.
fn suffix_hedge_at(toks: &[Tok], i: usize) -> Option<(usize, &'static Hedge)> {
    static INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| PhraseIndex::new(SUFFIX_HEDGES.iter().map(|h| h.phrase)));
    INDEX.at(toks, i).map(|(end, k)| (end, &SUFFIX_HEDGES[k]))
}

/// Matches the longest vague amount of [`VAGUE_AMOUNTS`] at token `i`.
fn vague_at(toks: &[Tok], i: usize) -> Option<(usize, &'static VagueAmount)> {
    static INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| PhraseIndex::new(VAGUE_AMOUNTS.iter().map(|v| v.phrase)));
    INDEX.at(toks, i).map(|(end, k)| (end, &VAGUE_AMOUNTS[k]))
}

/// False when no date and no quantity can start at token `i`: a word or
/// symbol that is none of the readers' first tokens (dates, ranges,
/// percentages, money, numbers in words or figures, currency symbols,
/// vulgar fractions), is no currency code before a number, no sign before
/// a figure, and does not start, with the token after it, a hedge or a vague
/// amount of the phrase tables ("in" only before "excess", "at" only
/// before "least" or "most") or an article's number or duration ("a
/// dozen", "an hour", "all day"). Exact, and one hash lookup for most
/// tokens.
fn may_start(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    t.kind == TokKind::Num
        || TOKEN_STARTS.may_start(toks, i)
        || (t.kind == TokKind::Word && t.low.len() == 3 && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Num))
        || crate::numbers::sign_before_figure(toks, i)
}

/// The tokens at which some reader may start whatever follows
/// ([`may_start`]).
fn first_tokens() -> impl Iterator<Item = &'static str> {
    let own = ["between", "from", "per", "us"].into_iter().chain(PERCENT_WORDS.iter().copied());
    let readers = crate::dates::starter_words().chain(crate::durations::starter_words()).chain(crate::numbers::starter_words());
    let symbols = CURRENCY_SYMBOLS.iter().map(|(s, _)| *s).chain(crate::numbers::starter_symbols());
    own.chain(readers).chain(symbols)
}

/// The words at which some reader may start only before certain next words
/// ([`may_start`]), each with one such next word (`None`: a phrase of one
/// word).
fn pair_starts() -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    let phrases = HEDGES.iter().map(|h| h.phrase).chain(VAGUE_AMOUNTS.iter().map(|v| v.phrase));
    let articles = ["a", "an"].into_iter().flat_map(|a| crate::numbers::article_seconds().map(move |s| (a, s)));
    let pairs = articles.chain(crate::durations::starter_pairs());
    phrases.map(first_two_words).chain(pairs.map(|(a, b)| (a, Some(b))))
}

/// [`first_tokens`] (as words that start alone) and [`pair_starts`] in one
/// map, for [`may_start`] and [`may_hold`]: one lookup per token.
static TOKEN_STARTS: LazyLock<PairStarts> = LazyLock::new(|| PairStarts::new(first_tokens().map(|w| (w, None)).chain(pair_starts())));

/// Whether [`may_start`] holds at some token of `text`, asked without
/// cutting it into tokens where that is cheap, as it is for half of the
/// claims: in ASCII without digits, tokens are runs of letters and single
/// symbols, and none is a number, so a reading can start only at one of
/// the [`first_tokens`] or a pair of the [`pair_starts`]. A text with a
/// digit or a byte outside ASCII answers true. Exact: never false where a
/// token may start.
fn may_hold(text: &str) -> bool {
    use crate::ascii::{class, letter_run, ALPHA, DIGIT, SPACE};
    let b = text.as_bytes();
    if !b.is_ascii() {
        return true;
    }
    // The second words that the previous token's pairs need.
    let mut wanted: Option<&[&str]> = None;
    let mut p = 0;
    while let Some(&c) = b.get(p) {
        let kind = class(c);
        if kind & SPACE != 0 {
            p += 1;
            continue;
        }
        if kind & DIGIT != 0 {
            return true;
        }
        let end = if kind & ALPHA != 0 { letter_run(b, p + 1).0 } else { p + 1 };
        let token = b.get(p..end).unwrap_or_default();
        if wanted.is_some_and(|list| list.iter().any(|s| is_lower_of(s, token))) {
            return true;
        }
        wanted = match TOKEN_STARTS.seconds_of_lower_ascii(token) {
            None => None,
            Some(None) => return true,
            Some(Some(list)) => Some(list),
        };
        p = end;
    }
    false
}

/// Whether the lower-case word `word` is the ASCII `token` lower-cased.
fn is_lower_of(word: &str, token: &[u8]) -> bool {
    word.len() == token.len() && word.bytes().zip(token).all(|(w, t)| w == t.to_ascii_lowercase())
}

/// The first word of `phrase` and its second, if it has one, split as
/// [`PhraseIndex`] splits so that both agree on the words.
fn first_two_words(phrase: &'static str) -> (&'static str, Option<&'static str>) {
    let mut words = phrase.split(' ');
    (words.next().unwrap_or(""), words.next())
}

/// The tokens at which a reading may start, each with the next words it
/// needs: none for a reader's first token ("between", "$") or a phrase of
/// one word, and for a word that starts a reading only before certain next
/// words, those words (the hedge and vague-amount phrases by their first
/// two words, "at least", "a few"; the articles and article words before
/// what makes them a number or a duration, "a dozen", "an hour", "all
/// day"). A reading can start at a token only where that token is a first
/// word and, unless it may start alone, the next token one of its second
/// words. All behind one [`Heads`] filter, asked of every token: asking the
/// two tables' [`PhraseIndex`]es instead cost 4.6 % more instructions, and
/// a separate set of first tokens 0.8 %.
struct PairStarts {
    /// First word → its phrases' second words; `None` when one of its
    /// phrases is that word alone.
    seconds: WordMap<Option<Vec<&'static str>>>,
    /// The first words' [`Heads`].
    heads: Heads,
}

impl PairStarts {
    /// The starts of `pairs`: a first word and the word that must follow
    /// it, `None` when it may start a reading alone.
    fn new(pairs: impl Iterator<Item = (&'static str, Option<&'static str>)>) -> PairStarts {
        let mut seconds: WordMap<Option<Vec<&'static str>>> = WordMap::default();
        let mut heads = Heads::new();
        for (first, second) in pairs {
            heads.insert(first.as_bytes());
            let entry = seconds.entry_or_insert_with(first.as_bytes(), || Some(Vec::new()));
            match (second, entry.as_mut()) {
                (Some(second), Some(list)) => list.push(second),
                (None, _) => *entry = None,
                (Some(_), None) => {}
            }
        }
        PairStarts { seconds, heads }
    }

    /// Whether a reading may start at token `i`.
    fn may_start(&self, toks: &[Tok], i: usize) -> bool {
        let Some(t) = toks.get(i) else { return false };
        let w = t.low().as_bytes();
        if w.is_empty() || !self.heads.may_hold(w) {
            return false;
        }
        match self.seconds.get(w) {
            None => false,
            Some(None) => true,
            Some(Some(list)) => toks.get(i + 1).is_some_and(|n| list.iter().any(|s| n.low == *s)),
        }
    }

    /// The second words that the ASCII `token` lower-cased needs after it:
    /// `None` when it starts no pair, `Some(None)` when it may start a
    /// reading alone.
    fn seconds_of_lower_ascii(&self, token: &[u8]) -> Option<Option<&[&'static str]>> {
        if !self.heads.may_hold_lower_of_ascii(token) {
            return None;
        }
        self.seconds.get_lower_of_ascii(token).map(Option::as_deref)
    }
}

/// Scans a sentence for every quantity and date, with byte ranges into it.
pub fn find_quantities(text: &str, ctx: &DateContext) -> Vec<Found> {
    if !may_hold(text) {
        return Vec::new();
    }
    scan(&tokenize(text), ctx, true)
}

/// [`find_quantities`] over tokens; `skip` passes over the tokens at which
/// nothing can start ([`may_start`]) without trying every reader there.
fn scan(toks: &[Tok], ctx: &DateContext, skip: bool) -> Vec<Found> {
    let future = Tense::new();
    let mut out = Vec::new();
    let mut last_end: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        if skip && !may_start(toks, i) {
            i += 1;
            continue;
        }
        if let Some(d) = parse_date(toks, i, ctx, &future).filter(|d| d.end > i) {
            out.push(Found { range: span(toks, i, d.end), kind: QuantityKind::Date, value: None, unit: None, date: d.date });
            i = d.end;
            continue;
        }
        match quantity_at(toks, i) {
            Some(c) if c.end > i => {
                if !(c.kind == QuantityKind::Duration && is_rate_denominator(toks, i, last_end)) {
                    out.push(Found { range: span(toks, i, c.end), kind: c.kind, value: Some(c.value), unit: Some(c.unit), date: None });
                }
                last_end = Some(c.end);
                i = c.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// "130 kilometres an hour", "20,000 vehicles a day", "$15 per hour": a
/// duration written with "a", "an" or "per" right after another quantity
/// (at most one word between) is the denominator of a rate, not how long
/// something took. `last_end` is the token after the previous quantity.
fn is_rate_denominator(toks: &[Tok], i: usize, last_end: Option<usize>) -> bool {
    let indefinite = toks.get(i).is_some_and(|t| t.is("a") || t.is("an") || t.is("per"));
    let Some(end) = last_end else { return false };
    let between = toks.get(end..i).unwrap_or(&[]);
    indefinite && between.len() <= 1 && between.iter().all(|t| t.kind == TokKind::Word)
}

fn span(toks: &[Tok], i: usize, end: usize) -> Range<usize> {
    toks[i].start..toks[end - 1].end
}

/// Hedge/range prefix, core, range tail, suffix hedge.
fn quantity_at(toks: &[Tok], i: usize) -> Option<Core> {
    if let Some(c) = between(toks, i) {
        return Some(c);
    }
    if let Some(c) = percent_of(toks, i) {
        return Some(c);
    }
    if let Some(mut c) = hedged(toks, i) {
        // "more than 10 and less than 40": intersect bounds joined by and/but/",".
        let joiner = toks.get(c.end).is_some_and(|t| t.is("and") || t.is("but") || t.is(","));
        if let Some(d) = hedged(toks, c.end + 1).filter(|_| joiner) {
            if let Some(v) = intersect(&c.value, &d.value).filter(|_| c.unit == d.unit) {
                c.value = v;
                c.end = d.end;
            }
        }
        return Some(c);
    }
    let mut c = core(toks, i)?;
    if let Some(r) = range_tail(toks, &c) {
        c = r;
    } else if let Some((end, hedge)) = suffix_hedge_at(toks, c.end) {
        c.value = apply(hedge.shape, c.value);
        c.end = end;
    }
    Some(c)
}

/// A hedge followed by a core quantity.
fn hedged(toks: &[Tok], i: usize) -> Option<Core> {
    let (j, hedge) = hedge_at(toks, i)?;
    let mut c = core(toks, j)?;
    c.value = apply(hedge.shape, c.value);
    Some(c)
}

/// The common part of two intervals, if any.
fn intersect(a: &Interval, b: &Interval) -> Option<Interval> {
    if !a.overlaps(b) {
        return None;
    }
    let (low, low_open) = if a.low > b.low || (a.low == b.low && a.low_open) { (a.low, a.low_open) } else { (b.low, b.low_open) };
    let (high, high_open) = match (a.high, b.high) {
        (None, None) => (None, false),
        (Some(h), None) => (Some(h), a.high_open),
        (None, Some(h)) => (Some(h), b.high_open),
        (Some(x), Some(y)) if x < y || (x == y && a.high_open) => (Some(x), a.high_open),
        (_, Some(y)) => (Some(y), b.high_open),
    };
    Some(Interval { low, high, low_open, high_open })
}

/// "percent of 10", "per cent of twenty-two" (the percentage named after).
fn percent_of(toks: &[Tok], i: usize) -> Option<Core> {
    let t = toks.get(i)?;
    let j = if t.is("per") && toks.get(i + 1).is_some_and(|n| n.is("cent")) {
        i + 2
    } else if PERCENT_WORDS.contains(&t.low()) {
        i + 1
    } else {
        return None;
    };
    if !toks.get(j).is_some_and(|o| o.is("of")) {
        return None;
    }
    let n = parse_number(toks, j + 1).filter(|n| !n.ordinal)?;
    Some(Core { end: n.end, kind: QuantityKind::Percent, value: Interval::point(n.value), unit: Unit::Percent, per_unit: 1.0 })
}

/// "between 20 and 30", "from 200 to 300".
fn between(toks: &[Tok], i: usize) -> Option<Core> {
    let first = toks.get(i)?;
    let joiner = match first.low() {
        "between" => "and",
        "from" => "to",
        _ => return None,
    };
    let a = core(toks, i + 1)?;
    if !toks.get(a.end).is_some_and(|t| t.is(joiner)) {
        return None;
    }
    let b = core(toks, a.end + 1)?;
    join_range(a, b)
}

/// "3-4 hours", "1000 - 5000", "20 to 30", "20 through 100", "20~100".
fn range_tail(toks: &[Tok], a: &Core) -> Option<Core> {
    let sep = toks.get(a.end)?;
    if !matches!(sep.low(), "-" | "to" | "through" | "~") {
        return None;
    }
    let b = core(toks, a.end + 1)?;
    join_range(a.clone(), b)
}

fn join_range(mut a: Core, b: Core) -> Option<Core> {
    if a.kind == QuantityKind::Number && a.unit == Unit::Count && b.unit != Unit::Count {
        a.value = a.value.scaled(b.per_unit.max(f64::MIN_POSITIVE));
        a.unit = b.unit.clone();
        a.kind = b.kind;
    }
    if a.unit != b.unit || a.kind == QuantityKind::Ordinal {
        return None;
    }
    let hi = b.value.high.unwrap_or(b.value.low);
    Some(Core { end: b.end, value: Interval::closed(a.value.low, hi), ..a })
}

/// One quantity without hedges: money, duration, vague amount, number.
fn core(toks: &[Tok], i: usize) -> Option<Core> {
    // The number at `i`, read once for the duration and number readers.
    let at_i = std::cell::OnceCell::new();
    let number_at_i = || *at_i.get_or_init(|| parse_number(toks, i));
    // Most tokens start no number and no duration: skip those readers.
    let starts_number = may_start_number(toks, i);
    let duration = if starts_number || may_start_duration_word(toks, i) { duration(toks, i, &number_at_i) } else { None };
    let number = if starts_number { number(toks, i, number_at_i()) } else { None };
    // Longest wins; on ties the earlier (more specific) reader wins.
    let best = longer(money_prefix(toks, i), duration);
    let best = longer(best, vague(toks, i));
    longer(best, number)
}

/// The longer of two readings, `best` on a tie.
fn longer(best: Option<Core>, c: Option<Core>) -> Option<Core> {
    match (best, c) {
        (Some(b), Some(c)) => Some(if c.end > b.end { c } else { b }),
        (b, c) => b.or(c),
    }
}

fn money_prefix(toks: &[Tok], i: usize) -> Option<Core> {
    let t = toks.get(i)?;
    let (code, j) = if t.is("us") && toks.get(i + 1).is_some_and(|s| s.is("$") && t.touches(s)) {
        ("USD", i + 2)
    } else if let Some(c) = lookup(CURRENCY_SYMBOLS, &t.low) {
        (c, i + 1)
    } else if t.kind == TokKind::Word && t.low.len() == 3 && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Num) && t.low == t.low.to_lowercase() {
        (lookup(CURRENCY_WORDS, &t.low).filter(|c| c.len() == 3 && c.to_lowercase() == t.low)?, i + 1)
    } else {
        return None;
    };
    let n = parse_number(toks, j).filter(|n| !n.ordinal)?;
    Some(Core { end: n.end, kind: QuantityKind::Money, value: Interval::point(n.value), unit: Unit::Money(code.into()), per_unit: 1.0 })
}

fn duration(toks: &[Tok], i: usize, number_at_i: &dyn Fn() -> Option<NumMatch>) -> Option<Core> {
    let d = parse_duration_with(toks, i, number_at_i)?;
    Some(Core { end: d.end, kind: QuantityKind::Duration, value: Interval::point(d.seconds), unit: Unit::Seconds, per_unit: d.per_unit })
}

fn vague(toks: &[Tok], i: usize) -> Option<Core> {
    let (j, v) = vague_at(toks, i)?;
    let base = vague_interval(v);
    if let Some((end, s)) = unit_at(toks, j) {
        return Some(Core { end, kind: QuantityKind::Duration, value: base.scaled(s), unit: Unit::Seconds, per_unit: s });
    }
    if v.needs_unit {
        return None;
    }
    let (end, kind, unit) = unit_after(toks, j);
    Some(Core { end, kind, value: base, unit, per_unit: 1.0 })
}

/// The unit word after a number: percent, currency, measure, or none.
fn unit_after(toks: &[Tok], j: usize) -> (usize, QuantityKind, Unit) {
    let at = |k: usize| toks.get(k).map_or("", |t| t.low());
    if at(j) == "%" || PERCENT_WORDS.contains(&at(j)) {
        let end = if at(j + 1) == "points" { j + 2 } else { j + 1 };
        return (end, QuantityKind::Percent, Unit::Percent);
    }
    if at(j) == "per" && at(j + 1) == "cent" {
        return (j + 2, QuantityKind::Percent, Unit::Percent);
    }
    if let Some(c) = lookup(CURRENCY_WORDS, at(j)) {
        return (j + 1, QuantityKind::Money, Unit::Money(c.into()));
    }
    if let Some(m) = lookup(MEASURES, at(j)) {
        return (j + 1, QuantityKind::Number, Unit::Other(m.into()));
    }
    (j, QuantityKind::Number, Unit::Count)
}

/// A number at `i` (`n`: `parse_number(toks, i)`) and its unit.
fn number(toks: &[Tok], i: usize, n: Option<NumMatch>) -> Option<Core> {
    let n = n.filter(|n| n.end > i && n.value.is_finite())?;
    if pronoun_one(toks, i, &n) || lone_article(toks, i, n.end) {
        return None;
    }
    if n.ordinal {
        return Some(Core { end: n.end, kind: QuantityKind::Ordinal, value: Interval::point(n.value), unit: Unit::Ordinal, per_unit: 1.0 });
    }
    let (end, kind, unit) = unit_after(toks, n.end);
    Some(Core { end, kind, value: Interval::point(n.value), unit, per_unit: 1.0 })
}

/// "a" alone is never a quantity (guards against odd parses).
fn lone_article(toks: &[Tok], i: usize, end: usize) -> bool {
    end == i + 1 && (toks[i].is("a") || toks[i].is("an"))
}

/// Parses a whole expression ("nearly 90 minutes") into its interval and unit.
pub fn parse_quantity(text: &str) -> Option<(Interval, Unit)> {
    let found = find_quantities(text, &DateContext::default());
    found.into_iter().filter(|f| f.kind != QuantityKind::Date).max_by_key(|f| f.range.len()).and_then(|f| Some((f.value?, f.unit?)))
}

/// Whether two quantities can describe the same fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compatibility {
    /// Same unit and overlapping intervals (or overlapping dates).
    Compatible,
    /// Same unit, disjoint intervals: a dispute.
    Incompatible,
    /// Different kinds or units, or a value is missing.
    Incomparable,
}

/// Compares two quantities. Values are already in base units (seconds,
/// plain counts), so "90 minutes" and "an hour and a half" compare equal.
pub fn compatible(a: &Quantity, b: &Quantity) -> Compatibility {
    if a.kind != b.kind {
        return Compatibility::Incomparable;
    }
    if a.kind == QuantityKind::Date {
        return match (&a.date, &b.date) {
            (Some(x), Some(y)) => {
                let (xe, ye) = (x.end.unwrap_or(x.start), y.end.unwrap_or(y.start));
                verdict(x.start <= ye && y.start <= xe)
            }
            _ => Compatibility::Incomparable,
        };
    }
    match (&a.value, &b.value, &a.unit, &b.unit) {
        (Some(x), Some(y), Some(u), Some(v)) if u == v => verdict(x.overlaps(y)),
        _ => Compatibility::Incomparable,
    }
}

fn verdict(ok: bool) -> Compatibility {
    if ok {
        Compatibility::Compatible
    } else {
        Compatibility::Incompatible
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The phrases of the hedge and vague-amount tables, whole, and every
    /// pair of words that may start a reading only together ("a dozen",
    /// "all day").
    fn phrases_and_pairs() -> Vec<String> {
        let tables = HEDGES.iter().map(|h| h.phrase.to_string()).chain(VAGUE_AMOUNTS.iter().map(|v| v.phrase.to_string()));
        let articles = ["a", "an"].into_iter().flat_map(|a| crate::numbers::article_seconds().map(move |s| format!("{a} {s}")));
        let pairs = crate::durations::starter_pairs().map(|(a, s)| format!("{a} {s}"));
        tables.chain(articles).chain(pairs).collect()
    }

    /// Skipping the tokens [`may_start`] rules out changes nothing: random
    /// sentences over every reader's words, numbers and symbols, with the
    /// words that make an article a number or a duration.
    #[test]
    fn skipping_dead_tokens_finds_the_same() {
        let words = [
            "the", "About", "nearly", "more", "than", "between", "and", "from", "to", "per", "cent", "percent", "of",
            "US", "$", "usd", "eur", "10", "2,000", "3.5", "2014", "12", "-", "/", "an", "hour", "half", "a", "few",
            "dozens", "Monday", "last", "week", "May", "February", "13th", "yesterday", "minus", "two", "hundred",
            "million", "people", "minutes", "days", "some", "over", "%", "one", "the", "said", "talks", "will",
            "+", "~", ">", "<", "€", "£", "½", "¾", ".", ",", "'", "\"", "(", ")", "–", "—", "’", "'90s", "x", "k",
        ];
        let mut rng = crosscheck_core::SplitMix64::new(11);
        let ctx = DateContext { published: chrono::NaiveDate::from_ymd_opt(2025, 2, 14) };
        // Every word of the phrase tables and pairs too, so that phrases
        // are begun, finished and broken off at random.
        let phrases = phrases_and_pairs();
        let vocabulary: Vec<&str> = words.iter().copied().chain(phrases.iter().flat_map(|p| p.split(' '))).collect();
        let pick = |rng: &mut crosscheck_core::SplitMix64, n: usize| {
            (0..n).map(|_| vocabulary[(rng.next_u64() % vocabulary.len() as u64) as usize]).collect::<Vec<_>>().join(" ")
        };
        let mut found = 0;
        for round in 0..6000 {
            let n = 1 + (rng.next_u64() % 14) as usize;
            let text = if round < phrases.len() * 2 {
                // Each phrase whole, between random words.
                let (before, after) = ((rng.next_u64() % 3) as usize, (rng.next_u64() % 4) as usize);
                format!("{} {} {}", pick(&mut rng, before), phrases[round / 2], pick(&mut rng, after))
            } else {
                pick(&mut rng, n)
            };
            let toks = tokenize(&text);
            let skipped = scan(&toks, &ctx, true);
            assert_eq!(skipped, scan(&toks, &ctx, false), "{text}");
            found += skipped.len();
        }
        assert!(found > 3000, "the sentences must hold quantities ({found})");
    }

    /// [`may_hold`] is true exactly where [`may_start`] holds at some token,
    /// in texts of ASCII without digits (the ones it reads without
    /// tokenizing), and true for every other text: random texts over every
    /// reader's first words and pairs, capitalised at random, between
    /// random separators.
    #[test]
    fn may_hold_answers_as_the_tokens_do() {
        let phrases = phrases_and_pairs();
        let others = ["the", "said", "talks", "people", "Monday", "May", "may", "us", "US", "$", "%", "€", "½", "10", "x", "'", "’"];
        let vocabulary: Vec<&str> = phrases.iter().flat_map(|p| p.split(' ')).chain(others).collect();
        let separators = [" ", " ", " ", "  ", ", ", "-", "\n", ". ", " (", "/"];
        let mut rng = crosscheck_core::SplitMix64::new(29);
        let mut pick = |n: u64| (rng.next_u64() % n) as usize;
        let (mut checked, mut held) = (0, 0);
        for _ in 0..20_000 {
            let mut text = String::new();
            for k in 0..1 + pick(8) {
                if k > 0 {
                    text.push_str(separators[pick(separators.len() as u64)]);
                }
                let word = vocabulary[pick(vocabulary.len() as u64)];
                match pick(4) {
                    0 => text.push_str(&word.to_uppercase()),
                    1 => text.extend(word.chars().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })),
                    _ => text.push_str(word),
                }
            }
            let toks = tokenize(&text);
            let starts = (0..toks.len()).any(|i| may_start(&toks, i));
            if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_digit()) {
                assert_eq!(may_hold(&text), starts, "{text:?}");
                checked += 1;
                held += usize::from(starts);
            } else {
                assert!(may_hold(&text), "{text:?}");
            }
        }
        assert!(checked > 10_000 && held > 3_000 && checked - held > 3_000, "{checked} checked, {held} held");
    }

    /// The publication date gives dates their values and changes nothing
    /// else: the same quantities are read at the same ranges, and every one
    /// but a date has the same value (extraction cuts durations out of
    /// dated articles from the dated reading).
    #[test]
    fn the_publication_date_changes_only_date_values() {
        let words = [
            "the", "last", "next", "this", "past", "coming", "on", "in", "since", "Monday", "wednesday", "Friday",
            "week", "month", "year", "weekend", "May", "may", "February", "Feb", ".", "13", "13th", "of", "2", "-",
            "to", "14", ",", "2025", "1999", "yesterday", "today", "tomorrow", "tonight", "for", "about", "nearly",
            "90", "minutes", "an", "hour", "and", "a", "half", "two", "hours", "days", "ago", "will", "said", "/",
            "per", "cent", "$", "million", "early", "mid", "until", "by", "three", "weeks",
        ];
        let mut rng = crosscheck_core::SplitMix64::new(23);
        let dated = DateContext { published: chrono::NaiveDate::from_ymd_opt(2025, 2, 14) };
        let undated = DateContext { published: None };
        let mut dates = 0;
        for _ in 0..3000 {
            let n = 1 + (rng.next_u64() % 12) as usize;
            let text: Vec<&str> = (0..n).map(|_| words[(rng.next_u64() % words.len() as u64) as usize]).collect();
            let text = text.join(" ");
            let (a, b) = (find_quantities(&text, &dated), find_quantities(&text, &undated));
            let shape = |f: &Found| (f.range.clone(), f.kind, f.value, f.unit.clone(), (f.kind != QuantityKind::Date).then(|| f.date.clone()));
            assert_eq!(a.iter().map(shape).collect::<Vec<_>>(), b.iter().map(shape).collect::<Vec<_>>(), "{text}");
            dates += a.iter().zip(&b).filter(|(x, y)| x.date != y.date).count();
        }
        assert!(dates > 100, "the sentences must include dates the publication date resolves ({dates})");
    }
}
