//! Property: every claim span indexes the original bytes of its article,
//! for arbitrary input.
//!
//! Inputs are built from a vocabulary that makes claims (speech verbs,
//! names, numbers, durations, quotation marks, sentence ends, paragraph
//! breaks) mixed with arbitrary Unicode, HTML-ish markup and entities, then
//! turned into file bytes in every encoding ingestion accepts (UTF-8,
//! UTF-8 with BOM, UTF-16 LE/BE with BOM, UTF-8 with invalid sequences
//! spliced in). Each file goes through `crosscheck_text::document_from_bytes`
//! (the disk-free path of `load_story`) and `crosscheck_extract::extract`.
//!
//! - Plain text and Markdown: every claim's span lies inside the file, on
//!   character boundaries of the encoding, and its text equals the file's
//!   bytes at the span, decoded as the file was; so does every quantity's.
//! - HTML: every claim's span lies inside the page, on UTF-8 boundaries.
//!
//! Case counts are modest (the suite runs in CI on two cores); raise them
//! with `PROPTEST_CASES=10000` for a longer search.

#![allow(clippy::panic)]

use crosscheck_core::{Claim, Format};
use crosscheck_extract::{extract, ExtractOptions};
use crosscheck_text::{document_from_bytes, Overrides};
use proptest::prelude::*;

/// Words and marks that make claims, attributions, entities and quantities.
const VOCABULARY: &[&str] = &[
    "The", "the", "minister", "said", "told", "reporters", "according", "to", "Alda", "Wren", "Ivo", "Marsh", "Mr.",
    "Dr.", "U.S.", "talks", "lasted", "ninety", "90", "minutes", "90-minute", "an", "hour", "and", "a", "half", "two",
    "hours", "on", "Tuesday", "March", "9,", "2025", "4", "percent", "$2.5m", "million", "euros", "between", "10",
    "more", "than", "40", "people", "were", "hurt", "not", "never", "may", "who", "he", "she", "union", "commission",
    ".", ",", ";", ":", "?", "!", "...", "…", "\"", "“", "”", "‘", "’", "'", "(", ")", "—", "-", "\n", "\n\n",
];

/// Markup and entities, for HTML-ish input.
const MARKUP: &[&str] = &[
    "<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "</b>", "<i>", "<article>", "</article>", "<script>",
    "</script>", "<h1>", "</h1>", "<li>", "<!-- c -->", "&amp;", "&lt;", "&#39;", "&#x1F600;", "&nbsp;", "&bogus;",
    "<", ">", "&", "<a href=\"x\">", "</a>", "<title>", "</title>",
];

/// One token: mostly vocabulary, some markup, some arbitrary Unicode.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(VOCABULARY).prop_map(str::to_string),
        2 => proptest::sample::select(MARKUP).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{1,6}",
    ]
}

/// A text of up to `max` tokens, separated by single spaces.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(token(), 0..max).prop_map(|t| t.join(" "))
}

/// How a text becomes file bytes.
#[derive(Debug, Clone, Copy)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// UTF-8 with invalid bytes spliced in at the given fractions of the text.
    Invalid,
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        4 => Just(Encoding::Utf8),
        1 => Just(Encoding::Utf8Bom),
        1 => Just(Encoding::Utf16Le),
        1 => Just(Encoding::Utf16Be),
        2 => Just(Encoding::Invalid),
    ]
}

const INVALID: &[&[u8]] = &[b"\xff", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\x80\x80"];

fn encode(text: &str, encoding: Encoding, seed: usize) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
        Encoding::Utf16Le => {
            [vec![0xff, 0xfe], text.encode_utf16().flat_map(u16::to_le_bytes).collect()].concat()
        }
        Encoding::Utf16Be => {
            [vec![0xfe, 0xff], text.encode_utf16().flat_map(u16::to_be_bytes).collect()].concat()
        }
        Encoding::Invalid => {
            // Between characters, so the rest stays valid UTF-8.
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).filter(|i| i % 7 == seed % 7).collect();
            let mut out = Vec::new();
            let mut last = 0;
            for (k, &cut) in cuts.iter().enumerate().take(4) {
                out.extend_from_slice(&text.as_bytes()[last..cut]);
                out.extend_from_slice(INVALID[(seed + k) % INVALID.len()]);
                last = cut;
            }
            out.extend_from_slice(&text.as_bytes()[last..]);
            out
        }
    }
}

/// `part` (a slice of `file`) decoded as ingestion decodes `file`.
fn decode_like(file: &[u8], part: &[u8]) -> String {
    let unit: Option<fn([u8; 2]) -> u16> = if file.starts_with(b"\xff\xfe") {
        Some(u16::from_le_bytes)
    } else if file.starts_with(b"\xfe\xff") {
        Some(u16::from_be_bytes)
    } else {
        None
    };
    match unit {
        Some(unit) => String::from_utf16_lossy(&part.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect::<Vec<_>>()),
        None => String::from_utf8_lossy(part).into_owned(),
    }
}

/// True when `pos` starts a character of `file` in its encoding: for
/// UTF-16, an even offset (a surrogate pair is never split, which the text
/// comparison checks); for UTF-8, a cut that leaves the lossy decoding
/// unchanged (an invalid byte is a unit of its own).
fn on_boundary(file: &[u8], pos: usize) -> bool {
    if file.starts_with(b"\xff\xfe") || file.starts_with(b"\xfe\xff") {
        return pos & 1 == 0;
    }
    let Some((head, rest)) = (pos <= file.len()).then(|| file.split_at(pos)) else { return false };
    String::from_utf8_lossy(head) + String::from_utf8_lossy(rest) == String::from_utf8_lossy(file)
}

fn claims_of(bytes: &[u8], format: Format) -> Vec<Claim> {
    match document_from_bytes("prop", bytes, format, &Overrides::default()) {
        Ok((doc, _)) => extract(&doc, &ExtractOptions::default()).0,
        Err(_) => Vec::new(),
    }
}

fn check_text_claims(bytes: &[u8], claims: &[Claim]) -> Result<(), TestCaseError> {
    for c in claims {
        let s = c.span;
        prop_assert!(s.start <= s.end && s.end <= bytes.len(), "claim {} span {:?} outside {} bytes", c.id, s, bytes.len());
        prop_assert!(on_boundary(bytes, s.start) && on_boundary(bytes, s.end), "claim {} span {:?} splits a character", c.id, s);
        prop_assert_eq!(decode_like(bytes, &bytes[s.start..s.end]), c.text.clone(), "claim {} text vs bytes at its span", &c.id);
        for q in &c.quantities {
            prop_assert!(c.span.start <= q.span.start && q.span.end <= c.span.end, "quantity {:?} outside its claim", q.text);
            prop_assert_eq!(decode_like(bytes, &bytes[q.span.start..q.span.end]), q.text.clone());
        }
        for e in &c.entities {
            prop_assert!(e.span.start <= e.span.end && e.span.end <= bytes.len(), "entity {:?} outside the file", e.text);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, failure_persistence: None, ..ProptestConfig::default() })]

    /// Plain text and Markdown in every encoding: spans are exact.
    #[test]
    fn text_claim_spans_are_the_original_bytes(
        text in text(160),
        encoding in encoding(),
        seed in 0usize..1000,
        markdown in any::<bool>(),
    ) {
        let bytes = encode(&text, encoding, seed);
        let format = if markdown { Format::Markdown } else { Format::Text };
        check_text_claims(&bytes, &claims_of(&bytes, format))?;
    }

    /// HTML pages: spans lie inside the page, on UTF-8 boundaries.
    #[test]
    fn html_claim_spans_lie_on_boundaries_inside_the_page(body in text(160), wrap in any::<bool>()) {
        let page = if wrap { format!("<html><body><article><p>{body}</p></article></body></html>") } else { body };
        for c in claims_of(page.as_bytes(), Format::Html) {
            let s = c.span;
            prop_assert!(s.start <= s.end && s.end <= page.len(), "claim {} span {:?} outside the page", c.id, s);
            prop_assert!(page.is_char_boundary(s.start) && page.is_char_boundary(s.end), "claim {} span {:?} splits a character", c.id, s);
        }
    }

    /// Arbitrary bytes: no panic, and spans of whatever claims come out
    /// stay exact.
    #[test]
    fn arbitrary_bytes_never_break_spans(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_text_claims(&bytes, &claims_of(&bytes, Format::Text))?;
    }
}

/// The generators do make claims (the properties are not vacuous).
#[test]
fn the_generated_inputs_make_claims() {
    let text = "The minister said the talks lasted ninety minutes on Tuesday . Alda Wren told reporters 40 people were hurt .";
    for encoding in [Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be, Encoding::Invalid] {
        let bytes = encode(text, encoding, 3);
        let claims = claims_of(&bytes, Format::Text);
        assert!(claims.len() >= 2, "{encoding:?}: {} claims", claims.len());
        check_text_claims(&bytes, &claims).unwrap_or_else(|e| panic!("{encoding:?}: {e}"));
    }
}
