//! A map from positions in cleaned text back to bytes of the original file.
//!
//! Every transformation that changes bytes (dropping a BOM, decoding UTF-16 or
//! invalid UTF-8, reducing HTML to text, decoding entities) records *pieces*:
//! a range of the cleaned text and the range of original bytes it came from.
//! Pieces of equal length map byte for byte; others map their ends only (an
//! entity `&amp;` becomes `&`, a tag becomes a line break).

use crosscheck_core::Span;

/// One stretch of cleaned text and the original bytes it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    clean_start: usize,
    clean_end: usize,
    orig_start: usize,
    orig_end: usize,
}

impl Piece {
    fn is_linear(&self) -> bool {
        self.clean_end - self.clean_start == self.orig_end - self.orig_start
    }
}

/// Maps byte positions of a cleaned text to byte positions of the original
/// file. Built in increasing order with [`OffsetMap::push`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The identity map over `len` bytes shifted by `offset` original bytes
    /// (a dropped BOM, say).
    pub fn identity(len: usize, offset: usize) -> OffsetMap {
        let mut map = OffsetMap::default();
        map.push(0..len, offset..offset + len);
        map
    }

    /// Records that `clean` bytes of the cleaned text came from `orig` bytes
    /// of the original. Calls must come in increasing order of both.
    pub fn push(&mut self, clean: std::ops::Range<usize>, orig: std::ops::Range<usize>) {
        if let Some(last) = self.pieces.last_mut() {
            let contiguous = last.clean_end == clean.start && last.orig_end == orig.start;
            if contiguous && last.is_linear() && clean.len() == orig.len() {
                last.clean_end = clean.end;
                last.orig_end = orig.end;
                return;
            }
        }
        self.pieces.push(Piece {
            clean_start: clean.start,
            clean_end: clean.end,
            orig_start: orig.start,
            orig_end: orig.end,
        });
    }

    /// Forgets every cleaned position at or past `len` (the cleaned text was
    /// truncated to `len` bytes).
    pub fn truncate_clean(&mut self, len: usize) {
        while let Some(last) = self.pieces.last_mut() {
            if last.clean_start >= len {
                self.pieces.pop();
                continue;
            }
            if last.clean_end > len {
                if last.is_linear() {
                    last.orig_end -= last.clean_end - len;
                }
                last.clean_end = len;
            }
            break;
        }
    }

    /// This map followed by `outer`: positions of this map's cleaned text to
    /// the original positions of `outer` (HTML text → decoded page → file).
    pub fn compose(&self, outer: &OffsetMap) -> OffsetMap {
        if outer.is_identity() {
            return self.clone();
        }
        let mut out = OffsetMap::default();
        for p in &self.pieces {
            let orig = outer.to_original(p.orig_start, p.orig_end);
            out.push(p.clean_start..p.clean_end, orig.start..orig.end);
        }
        out
    }

    /// True when cleaned positions equal original positions everywhere.
    pub fn is_identity(&self) -> bool {
        self.pieces.iter().all(|p| p.is_linear() && p.clean_start == p.orig_start)
    }

    /// The original span of the cleaned range `start..end`.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        let s = self.map_start(start);
        let e = if end > start { self.map_end(end) } else { s };
        Span { start: s, end: e.max(s) }
    }

    fn piece_index(&self, pos: usize) -> Option<usize> {
        let i = self.pieces.partition_point(|p| p.clean_start <= pos);
        i.checked_sub(1)
    }

    fn map_start(&self, pos: usize) -> usize {
        match self.piece_index(pos) {
            None => self.pieces.first().map_or(pos, |p| p.orig_start),
            Some(i) => {
                let p = self.pieces[i];
                if pos >= p.clean_end {
                    p.orig_end
                } else if p.is_linear() {
                    p.orig_start + (pos - p.clean_start)
                } else {
                    p.orig_start
                }
            }
        }
    }

    fn map_end(&self, pos: usize) -> usize {
        // The end maps through the piece holding its last byte.
        match self.piece_index(pos - 1) {
            None => self.pieces.first().map_or(pos, |p| p.orig_start),
            Some(i) => {
                let p = self.pieces[i];
                if pos > p.clean_end {
                    p.orig_end
                } else if p.is_linear() {
                    p.orig_start + (pos - p.clean_start)
                } else {
                    p.orig_end
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_with_offset_shifts() {
        let m = OffsetMap::identity(10, 3);
        assert_eq!(m.to_original(2, 5), Span { start: 5, end: 8 });
        assert!(!m.is_identity());
        assert!(OffsetMap::identity(4, 0).is_identity());
    }

    #[test]
    fn non_linear_pieces_map_their_ends() {
        // "a&amp;b" -> "a&b"
        let mut m = OffsetMap::default();
        m.push(0..1, 0..1);
        m.push(1..2, 1..6);
        m.push(2..3, 6..7);
        assert_eq!(m.to_original(0, 3), Span { start: 0, end: 7 });
        assert_eq!(m.to_original(1, 2), Span { start: 1, end: 6 });
        assert_eq!(m.to_original(2, 3), Span { start: 6, end: 7 });
    }

    #[test]
    fn gaps_between_pieces_are_skipped() {
        // "<p>ab</p><p>cd</p>" -> "ab\ncd"
        let mut m = OffsetMap::default();
        m.push(0..2, 3..5);
        m.push(2..3, 5..12);
        m.push(3..5, 12..14);
        assert_eq!(m.to_original(3, 5), Span { start: 12, end: 14 });
        assert_eq!(m.to_original(0, 2), Span { start: 3, end: 5 });
    }
}
