//! The bodies of crosscheck's fuzz targets, as plain functions.
//!
//! Each function takes arbitrary bytes, runs one stage of the pipeline on
//! them, and checks the invariants that stage promises. A panic inside the
//! stage is a finding; so is a broken invariant, returned as a
//! [`Violation`]. The cargo-fuzz targets in the top-level `fuzz/` folder
//! (outside the workspace, nightly only) are one-line wrappers that panic on
//! a violation:
//!
//! ```text
//! fuzz_target!(|data: &[u8]| crosscheck_fuzz::check("html", data));
//! ```
//!
//! Keeping the bodies here means the stable toolchain compiles and tests
//! them in every `cargo test --workspace`: `tests/targets.rs` runs each
//! target on a handful of inputs and on every input a fuzz run ever found
//! crashing (`regressions/<target>/`), so a finding stays fixed even where
//! nightly and cargo-fuzz are absent.
//!
//! The targets ([`TARGETS`]):
//!
//! - `html`: HTML cleaning (`crosscheck_text::html`), then the document
//!   built from the page. The offset map sends every character of the
//!   cleaned text to a range of the page on character boundaries, in order;
//!   blocks and sentences lie inside the text, in order.
//! - `segment`: sentence segmentation and layout. Sentences are non-empty,
//!   trimmed, ordered, on character boundaries, and every non-whitespace
//!   character falls in exactly one sentence.
//! - `numbers`: the quantity scanner (numbers in digits and words, durations,
//!   money, percentages, dates) and the number parser. Found ranges are
//!   ordered, non-empty, on character boundaries; interval bounds are
//!   finite (an open end is `None`) and not reversed; comparing any two
//!   quantities does not panic.
//! - `extract`: the whole path from file bytes (BOM, UTF-16, lossy UTF-8,
//!   HTML) to claims. Every claim, entity and quantity span lies inside the
//!   file; for plain text and Markdown a claim's text equals the file's bytes
//!   at its span, decoded as the file was; quantity bounds are finite; claim
//!   ids are unique and `part_of` names an earlier claim.

use std::ops::Range;

use chrono::NaiveDate;
use crosscheck_core::{Claim, Format, Interval, Quantity, Span};
use crosscheck_extract::ExtractOptions;
use crosscheck_normalize::DateContext;
use crosscheck_text::{Block, OffsetMap, Overrides};

/// A broken invariant: which target, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{target}: {message}")]
pub struct Violation {
    /// The target that found it.
    pub target: &'static str,
    /// What was wrong, with the values involved.
    pub message: String,
}

/// The result of running a target on one input.
pub type Outcome = Result<(), Violation>;

/// A target's body.
pub type Target = fn(&[u8]) -> Outcome;

/// Every target, by the name of its cargo-fuzz binary.
pub const TARGETS: &[(&str, Target)] = &[("html", html), ("segment", segment), ("numbers", numbers), ("extract", extract)];

/// Runs the target `name` on `data` and panics on a violation: the body of
/// each cargo-fuzz target. Unknown names panic too.
#[allow(clippy::panic)]
pub fn check(name: &str, data: &[u8]) {
    let Some((_, target)) = TARGETS.iter().find(|(n, _)| *n == name) else {
        panic!("no fuzz target named {name:?}");
    };
    if let Err(v) = target(data) {
        panic!("invariant broken: {v}");
    }
}

fn ensure(target: &'static str, ok: bool, message: impl FnOnce() -> String) -> Outcome {
    if ok {
        Ok(())
    } else {
        Err(Violation { target, message: message() })
    }
}

// ------------------------------------------------------------------- html

/// HTML cleaning and the document built from the page.
pub fn html(data: &[u8]) -> Outcome {
    const T: &str = "html";
    let page = String::from_utf8_lossy(data);
    if let Ok(h) = crosscheck_text::html::html_to_text(&page) {
        map_is_sound(T, &h.text, &h.map, &page)?;
    }
    if let Ok(doc) = crosscheck_text::document_from_text("fuzz", &page, Format::Html, &Overrides::default()) {
        map_is_sound(T, &doc.text, &doc.map, &page)?;
        blocks_are_sound(T, &doc.text, &doc.blocks)?;
    }
    Ok(())
}

/// Every character of `text` maps to a range of `original` on character
/// boundaries, and the ranges never go backwards.
fn map_is_sound(t: &'static str, text: &str, map: &OffsetMap, original: &str) -> Outcome {
    let mut last_start = 0;
    for (i, c) in text.char_indices() {
        let s = map.to_original(i, i + c.len_utf8());
        ensure(t, s.start <= s.end && s.end <= original.len(), || {
            format!("char {c:?} at {i} maps to {s:?}, outside the {} original bytes", original.len())
        })?;
        ensure(t, original.is_char_boundary(s.start) && original.is_char_boundary(s.end), || {
            format!("char {c:?} at {i} maps to {s:?}, not on character boundaries of the original")
        })?;
        ensure(t, s.start >= last_start, || format!("char {c:?} at {i} maps to {s:?}, before {last_start}"))?;
        last_start = s.start;
    }
    Ok(())
}

/// Blocks and their sentences: inside the text, on character boundaries,
/// in order, sentences inside their block.
fn blocks_are_sound(t: &'static str, text: &str, blocks: &[Block]) -> Outcome {
    let ranges: Vec<Range<usize>> = blocks.iter().map(|b| b.range.clone()).collect();
    ranges_are_sound(t, "block", text, &ranges)?;
    for b in blocks {
        ranges_are_sound(t, "sentence", text, &b.sentences)?;
        for s in &b.sentences {
            ensure(t, b.range.start <= s.start && s.end <= b.range.end, || {
                format!("sentence {s:?} is outside its block {:?}", b.range)
            })?;
        }
    }
    Ok(())
}

/// Non-empty ranges inside `text`, on character boundaries, in order and
/// not overlapping.
fn ranges_are_sound(t: &'static str, what: &str, text: &str, ranges: &[Range<usize>]) -> Outcome {
    let mut last_end = 0;
    for r in ranges {
        ensure(t, r.start < r.end && r.end <= text.len(), || {
            format!("{what} {r:?} is empty or outside the {} bytes of text", text.len())
        })?;
        ensure(t, text.is_char_boundary(r.start) && text.is_char_boundary(r.end), || {
            format!("{what} {r:?} is not on character boundaries")
        })?;
        ensure(t, r.start >= last_end, || format!("{what} {r:?} overlaps or precedes the one ending at {last_end}"))?;
        last_end = r.end;
    }
    Ok(())
}

// ---------------------------------------------------------------- segment

/// Sentence segmentation and layout.
pub fn segment(data: &[u8]) -> Outcome {
    const T: &str = "segment";
    let text = String::from_utf8_lossy(data);
    let sentences = crosscheck_text::segment::sentences(&text);
    ranges_are_sound(T, "sentence", &text, &sentences)?;
    for r in &sentences {
        let s = &text[r.clone()];
        ensure(T, s.trim() == s, || format!("sentence {r:?} is not trimmed: {s:?}"))?;
    }
    let mut next = sentences.iter().peekable();
    for (i, c) in text.char_indices() {
        while next.peek().is_some_and(|r| r.end <= i) {
            next.next();
        }
        let inside = next.peek().is_some_and(|r| r.start <= i);
        ensure(T, inside || c.is_whitespace(), || format!("{c:?} at byte {i} is in no sentence"))?;
    }
    blocks_are_sound(T, &text, &crosscheck_text::layout::blocks(&text))
}

// ---------------------------------------------------------------- numbers

/// Publication date given to the date resolver in half of the scans.
const PUBLISHED: Option<NaiveDate> = NaiveDate::from_ymd_opt(2025, 3, 9);

/// The quantity scanner, the number finder and the number parser.
pub fn numbers(data: &[u8]) -> Outcome {
    const T: &str = "numbers";
    let text = String::from_utf8_lossy(data);
    for published in [None, PUBLISHED] {
        let found = crosscheck_normalize::find_quantities(&text, &DateContext { published });
        let ranges: Vec<Range<usize>> = found.iter().map(|f| f.range.clone()).collect();
        ranges_are_sound(T, "quantity", &text, &ranges)?;
        for f in &found {
            if let Some(v) = &f.value {
                interval_is_sound(T, v, &text[f.range.clone()])?;
            }
        }
        let quantities: Vec<Quantity> = found
            .into_iter()
            .map(|f| Quantity {
                text: text[f.range.clone()].to_string(),
                span: Span { start: f.range.start, end: f.range.end },
                kind: f.kind,
                value: f.value,
                unit: f.unit,
                date: f.date,
            })
            .collect();
        for a in quantities.iter().take(32) {
            for b in quantities.iter().take(32) {
                let _ = crosscheck_normalize::compatible(a, b);
            }
        }
    }
    for n in crosscheck_normalize::find_numbers(&text) {
        let r = n.range.clone();
        ensure(T, r.start < r.end && r.end <= text.len(), || format!("number {r:?} is empty or outside the text"))?;
        ensure(T, text.is_char_boundary(r.start) && text.is_char_boundary(r.end), || {
            format!("number {r:?} is not on character boundaries")
        })?;
        ensure(T, n.value.is_finite(), || format!("number {:?} reads as {}", &text[r.clone()], n.value))?;
    }
    let _ = crosscheck_normalize::parse_number_text(&text);
    let _ = crosscheck_normalize::parse_quantity(&text);
    Ok(())
}

fn interval_is_sound(t: &'static str, v: &Interval, what: &str) -> Outcome {
    let finite = v.low.is_finite() && v.high.is_none_or(f64::is_finite);
    ensure(t, finite, || format!("{what:?} has a NaN or infinite bound: {v:?}"))?;
    ensure(t, !v.high.is_some_and(|h| h < v.low), || format!("{what:?} has a reversed interval: {v:?}"))
}

// ---------------------------------------------------------------- extract

/// File bytes to claims. The first byte picks the format (plain text,
/// Markdown, HTML); the rest is the file.
pub fn extract(data: &[u8]) -> Outcome {
    const T: &str = "extract";
    let Some((&selector, bytes)) = data.split_first() else { return Ok(()) };
    let format = match selector % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    let Ok((doc, _)) = crosscheck_text::document_from_bytes("fuzz", bytes, format, &Overrides::default()) else {
        return Ok(());
    };
    let (claims, _) = crosscheck_extract::extract(&doc, &ExtractOptions::default());
    let mut ids = std::collections::HashSet::new();
    for c in &claims {
        ensure(T, ids.insert(c.id.clone()), || format!("claim id {} is used twice", c.id))?;
        if let Some(parent) = &c.part_of {
            ensure(T, ids.contains(parent) && parent != &c.id, || format!("claim {} is part of unknown {parent}", c.id))?;
        }
        claim_is_sound(T, c, bytes, format)?;
    }
    Ok(())
}

/// A claim's spans lie in the file; for text formats its text is the
/// file's bytes at its span.
fn claim_is_sound(t: &'static str, c: &Claim, bytes: &[u8], format: Format) -> Outcome {
    let inside = |s: &Span| s.start <= s.end && s.end <= bytes.len();
    ensure(t, inside(&c.span), || format!("claim {} span {:?} is outside the {} bytes", c.id, c.span, bytes.len()))?;
    for e in &c.entities {
        ensure(t, inside(&e.span), || format!("claim {} entity {:?} span {:?} is outside the file", c.id, e.text, e.span))?;
    }
    for q in &c.quantities {
        ensure(t, inside(&q.span), || format!("claim {} quantity {:?} span {:?} is outside the file", c.id, q.text, q.span))?;
        if let Some(v) = &q.value {
            interval_is_sound(t, v, &q.text)?;
        }
    }
    let original = &bytes[c.span.start..c.span.end];
    if format == Format::Html {
        return match std::str::from_utf8(bytes) {
            Ok(page) => ensure(t, page.is_char_boundary(c.span.start) && page.is_char_boundary(c.span.end), || {
                format!("claim {} span {:?} is not on character boundaries of the page", c.id, c.span)
            }),
            Err(_) => Ok(()),
        };
    }
    let decoded = decode_like(bytes, original);
    ensure(t, decoded == c.text, || {
        format!("claim {} text {:?} is not the bytes at its span {:?}: {decoded:?}", c.id, c.text, c.span)
    })?;
    for q in &c.quantities {
        let at = decode_like(bytes, &bytes[q.span.start..q.span.end]);
        ensure(t, at == q.text, || format!("claim {} quantity {:?} is not the bytes at its span: {at:?}", c.id, q.text))?;
    }
    Ok(())
}

/// `part` (a slice of `file`) decoded the way the file was: UTF-16 after a
/// UTF-16 byte-order mark, lossy UTF-8 otherwise.
pub fn decode_like(file: &[u8], part: &[u8]) -> String {
    let unit: Option<fn([u8; 2]) -> u16> = if file.starts_with(b"\xff\xfe") {
        Some(u16::from_le_bytes)
    } else if file.starts_with(b"\xfe\xff") {
        Some(u16::from_be_bytes)
    } else {
        None
    };
    match unit {
        Some(unit) => {
            let units: Vec<u16> = part.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(part).into_owned(),
    }
}
