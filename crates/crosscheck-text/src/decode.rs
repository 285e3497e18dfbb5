//! Bytes to text: BOMs, UTF-16, invalid UTF-8 and binary files.
//!
//! Decision (documented in `docs/reliability.md`): invalid UTF-8 is decoded
//! lossily, each bad sequence becoming U+FFFD, with one warning naming the
//! file and the first bad byte offset; the offset map keeps spans pointing
//! at the original bytes. Files that look binary are rejected.

use crate::offsets::OffsetMap;

/// Text decoded from a file's bytes, with the map back to those bytes.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// Cleaned-text positions to original byte positions.
    pub map: OffsetMap,
    /// A warning to report (lossy decoding, UTF-16), if any.
    pub note: Option<String>,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// The bytes look like a binary file (NUL bytes or a known signature).
    Binary(&'static str),
    /// UTF-16 text without a byte-order mark: NUL bytes in every other
    /// position. Not guessed at; the message says how to make it readable.
    Utf16WithoutBom {
        /// Big-endian (the NUL byte of each pair comes first).
        big_endian: bool,
    },
}

impl std::fmt::Display for DecodeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeProblem::Binary(what) => write!(f, "looks like {what}, not an article"),
            DecodeProblem::Utf16WithoutBom { big_endian } => write!(
                f,
                "looks like UTF-16 ({}) without a byte-order mark; convert it to UTF-8 or save it with a BOM",
                if *big_endian { "big-endian" } else { "little-endian" }
            ),
        }
    }
}

/// How many leading bytes are searched for NUL bytes and UTF-16 patterns.
const SNIFF_BYTES: usize = 8192;

const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
];

/// Decodes a file's bytes to text, or says why it is not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeProblem> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return Ok(decode_utf8(rest, 3));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return Ok(decode_utf16(rest, 2, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return Ok(decode_utf16(rest, 2, u16::from_be_bytes));
    }
    if let Some((_, what)) = BINARY_SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(DecodeProblem::Binary(what));
    }
    if bytes.iter().take(SNIFF_BYTES).any(|&b| b == 0) {
        return Err(match utf16_without_bom(bytes) {
            Some(big_endian) => DecodeProblem::Utf16WithoutBom { big_endian },
            None => DecodeProblem::Binary("binary data (NUL bytes)"),
        });
    }
    Ok(decode_utf8(bytes, 0))
}

/// `Some(big_endian)` when the first bytes read as UTF-16 of mostly
/// Latin text: one byte of nearly every pair is NUL and the other nearly
/// never.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let pairs: Vec<&[u8]> = bytes[..bytes.len().min(SNIFF_BYTES)].chunks_exact(2).collect();
    if pairs.len() < 4 {
        return None;
    }
    let nul_at = |k: usize| pairs.iter().filter(|p| p[k] == 0).count();
    let most = |n: usize| n * 10 >= pairs.len() * 9;
    let few = |n: usize| n * 10 <= pairs.len();
    let (first, second) = (nul_at(0), nul_at(1));
    if most(second) && few(first) {
        Some(false)
    } else if most(first) && few(second) {
        Some(true)
    } else {
        None
    }
}

fn decode_utf8(bytes: &[u8], offset: usize) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded { text: s.to_string(), map: OffsetMap::identity(s.len(), offset), note: None },
        Err(e) => decode_lossy(bytes, offset, e.valid_up_to()),
    }
}

fn decode_lossy(bytes: &[u8], offset: usize, first_bad: usize) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut map = OffsetMap::default();
    let mut bad = 0usize;
    let mut pos = 0usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        let start = text.len();
        text.push_str(valid);
        map.push(start..text.len(), offset + pos..offset + pos + valid.len());
        pos += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            bad += 1;
            let start = text.len();
            text.push('\u{FFFD}');
            map.push(start..text.len(), offset + pos..offset + pos + invalid.len());
            pos += invalid.len();
        }
    }
    let note = format!(
        "invalid UTF-8 at byte {} ({bad} bad sequence(s)); decoded lossily with U+FFFD",
        offset + first_bad
    );
    Decoded { text, map, note: Some(note) }
}

fn decode_utf16(bytes: &[u8], offset: usize, unit: fn([u8; 2]) -> u16) -> Decoded {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    let mut text = String::with_capacity(bytes.len());
    let mut map = OffsetMap::default();
    let mut pos = offset;
    for r in char::decode_utf16(units.iter().copied()) {
        let ch = r.unwrap_or('\u{FFFD}');
        let width = if (ch as u32) > 0xFFFF { 4 } else { 2 };
        let start = text.len();
        text.push(ch);
        map.push(start..text.len(), pos..pos + width);
        pos += width;
    }
    Decoded { text, map, note: Some("decoded from UTF-16; spans index the UTF-16 bytes".to_string()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_offsets_shift() {
        let d = decode(b"\xef\xbb\xbfHello").map_err(|_| ()).unwrap_or_else(|_| unreachable!());
        assert_eq!(d.text, "Hello");
        assert_eq!(d.map.to_original(0, 5), crosscheck_core::Span { start: 3, end: 8 });
    }

    #[test]
    fn invalid_utf8_is_lossy_with_a_note_and_exact_offsets() {
        let d = decode(b"ab\xffcd").unwrap_or_else(|_| unreachable!());
        assert_eq!(d.text, "ab\u{FFFD}cd");
        assert!(d.note.as_deref().is_some_and(|n| n.contains("byte 2")));
        let cd = d.text.find("cd").unwrap_or(0);
        assert_eq!(d.map.to_original(cd, cd + 2), crosscheck_core::Span { start: 3, end: 5 });
    }

    #[test]
    fn utf16_le_is_decoded() {
        let bytes = b"\xff\xfeH\x00i\x00";
        let d = decode(bytes).unwrap_or_else(|_| unreachable!());
        assert_eq!(d.text, "Hi");
        assert_eq!(d.map.to_original(1, 2), crosscheck_core::Span { start: 4, end: 6 });
    }

    #[test]
    fn utf16_without_a_bom_is_named_not_called_binary() {
        let le: Vec<u8> = "The talks lasted ninety minutes.".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "The talks lasted ninety minutes.".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(matches!(decode(&le), Err(DecodeProblem::Utf16WithoutBom { big_endian: false })));
        assert!(matches!(decode(&be), Err(DecodeProblem::Utf16WithoutBom { big_endian: true })));
        assert!(matches!(decode(b"abc\x00def\x00\x00\x01"), Err(DecodeProblem::Binary(_))));
    }

    #[test]
    fn binary_files_are_refused() {
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n"), Err(DecodeProblem::Binary("a PNG image"))));
        assert!(decode(b"abc\x00def").is_err());
    }
}
