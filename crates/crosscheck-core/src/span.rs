//! Byte spans into the original article file.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the original bytes of an article
/// file. `start <= end` always holds: the only constructor that can fail is
/// [`Span::new`], which refuses reversed ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`, or `None` when `end < start`.
    pub fn new(start: usize, end: usize) -> Option<Span> {
        (start <= end).then_some(Span { start, end })
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Number of bytes shared with `other`.
    pub fn overlap(&self, other: Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The same span moved `by` bytes to the right.
    pub fn shifted(&self, by: usize) -> Span {
        Span { start: self.start + by, end: self.end + by }
    }

    /// The text at this span, when the span lies on char boundaries of `text`.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reversed_spans_are_refused() {
        assert!(Span::new(5, 4).is_none());
        assert_eq!(Span::new(4, 4).map(|s| s.is_empty()), Some(true));
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span { start: 0, end: 10 };
        let b = Span { start: 5, end: 20 };
        assert_eq!(a.overlap(b), 5);
        assert_eq!(a.cover(b), Span { start: 0, end: 20 });
        assert_eq!(a.overlap(Span { start: 10, end: 12 }), 0);
        assert!(a.contains(Span { start: 2, end: 3 }));
    }

    #[test]
    fn slice_respects_char_boundaries() {
        let t = "é!";
        assert_eq!(Span { start: 0, end: 2 }.slice(t), Some("é"));
        assert_eq!(Span { start: 1, end: 2 }.slice(t), None);
    }
}
