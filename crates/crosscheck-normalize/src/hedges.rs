//! Tolerances: every hedge and vague amount as data, in one place.
//!
//! A hedge word turns the exact value of the expression it modifies into an
//! interval. The tables below are the *only* place these tolerances live;
//! docs/normalisation.md reproduces them as a markdown table.
//!
//! | shape | interval for an exact value `x` |
//! |---|---|
//! | `Around(t)` | `[x·(1−t), x·(1+t)]` |
//! | `Below(t)` | `[x·(1−t), x]` ("nearly", "almost") |
//! | `Above(t)` | `[x, x·(1+t)]` ("just over") |
//! | `MoreThan` | `(x, ∞)` |
//! | `AtLeast` | `[x, ∞)` |
//! | `LessThan` | `[0, x)` |
//! | `AtMost` | `[0, x]` |
//!
//! With the default 10 % tolerance, "nearly 90 minutes" is `[81, 90]`
//! minutes, "about an hour and a half" `[81, 99]` and "about an hour"
//! `[54, 66]`: the first two overlap, the third overlaps neither.

use crosscheck_core::value::Interval;

/// Tolerance for "about", "around", "approximately", … (fraction of x).
pub const AROUND: f64 = 0.10;
/// Tolerance for "nearly", "almost", "close to", "just under".
pub const BELOW: f64 = 0.10;
/// Tolerance for "just over", "slightly more than".
pub const ABOVE: f64 = 0.10;

/// How a hedge widens an exact value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HedgeShape {
    /// Symmetric tolerance `t` around the value.
    Around(f64),
    /// Up to `t` below the value, not above it.
    Below(f64),
    /// Up to `t` above the value, not below it.
    Above(f64),
    /// Strictly greater.
    MoreThan,
    /// Greater or equal.
    AtLeast,
    /// Strictly smaller (and not negative).
    LessThan,
    /// Smaller or equal (and not negative).
    AtMost,
}

/// A hedge phrase (lowercase tokens separated by single spaces) and its shape.
#[derive(Debug, Clone, Copy)]
pub struct Hedge {
    /// The phrase as lowercase tokens joined by spaces (symbols are tokens).
    pub phrase: &'static str,
    /// How it turns a value into an interval.
    pub shape: HedgeShape,
}

const fn h(phrase: &'static str, shape: HedgeShape) -> Hedge {
    Hedge { phrase, shape }
}

/// Hedges written before a quantity. Longest phrases are tried first by the
/// scanner, so order here does not matter.
pub const HEDGES: &[Hedge] = &[
    h("about", HedgeShape::Around(AROUND)),
    h("around", HedgeShape::Around(AROUND)),
    h("approximately", HedgeShape::Around(AROUND)),
    h("approx", HedgeShape::Around(AROUND)),
    h("roughly", HedgeShape::Around(AROUND)),
    h("some", HedgeShape::Around(AROUND)),
    h("circa", HedgeShape::Around(AROUND)),
    h("an estimated", HedgeShape::Around(AROUND)),
    h("estimated", HedgeShape::Around(AROUND)),
    h("~", HedgeShape::Around(AROUND)),
    h("nearly", HedgeShape::Below(BELOW)),
    h("almost", HedgeShape::Below(BELOW)),
    h("close to", HedgeShape::Below(BELOW)),
    h("just under", HedgeShape::Below(BELOW)),
    h("just shy of", HedgeShape::Below(BELOW)),
    h("just over", HedgeShape::Above(ABOVE)),
    h("slightly more than", HedgeShape::Above(ABOVE)),
    h("just more than", HedgeShape::Above(ABOVE)),
    h("more than", HedgeShape::MoreThan),
    h("over", HedgeShape::MoreThan),
    h("upwards of", HedgeShape::MoreThan),
    h("in excess of", HedgeShape::MoreThan),
    h("greater than", HedgeShape::MoreThan),
    h("larger than", HedgeShape::MoreThan),
    h("bigger than", HedgeShape::MoreThan),
    h("higher than", HedgeShape::MoreThan),
    h("above", HedgeShape::MoreThan),
    h("exceeding", HedgeShape::MoreThan),
    h("exceed", HedgeShape::MoreThan),
    h("exceeds", HedgeShape::MoreThan),
    h("surpass", HedgeShape::MoreThan),
    h(">", HedgeShape::MoreThan),
    h("at least", HedgeShape::AtLeast),
    h("no less than", HedgeShape::AtLeast),
    h("no fewer than", HedgeShape::AtLeast),
    h("not less than", HedgeShape::AtLeast),
    h("as many as", HedgeShape::AtLeast),
    h("at least or equal to", HedgeShape::AtLeast),
    h("equal to or more than", HedgeShape::AtLeast),
    h("greater than or equal to", HedgeShape::AtLeast),
    h("bigger or equal than", HedgeShape::AtLeast),
    h("higher or equal than", HedgeShape::AtLeast),
    h("> =", HedgeShape::AtLeast),
    h("less than", HedgeShape::LessThan),
    h("fewer than", HedgeShape::LessThan),
    h("under", HedgeShape::LessThan),
    h("below", HedgeShape::LessThan),
    h("lower than", HedgeShape::LessThan),
    h("smaller than", HedgeShape::LessThan),
    h("<", HedgeShape::LessThan),
    h("at most", HedgeShape::AtMost),
    h("no more than", HedgeShape::AtMost),
    h("not more than", HedgeShape::AtMost),
    h("up to", HedgeShape::AtMost),
    h("as few as", HedgeShape::AtMost),
    h("less than or equal to", HedgeShape::AtMost),
    h("equal to or less than", HedgeShape::AtMost),
    h("smaller or equal than", HedgeShape::AtMost),
    h("lower or equal than", HedgeShape::AtMost),
    h("less or equal than", HedgeShape::AtMost),
    h("larger or equal than", HedgeShape::AtLeast),
    h("greater or equal than", HedgeShape::AtLeast),
    h("< =", HedgeShape::AtMost),
];

/// Hedges written after a quantity ("40 or more", "an hour or so").
pub const SUFFIX_HEDGES: &[Hedge] = &[
    h("or more", HedgeShape::AtLeast),
    h("and more", HedgeShape::AtLeast),
    h("or greater", HedgeShape::AtLeast),
    h("or above", HedgeShape::AtLeast),
    h("plus", HedgeShape::AtLeast),
    h("+", HedgeShape::AtLeast),
    h("or so", HedgeShape::Around(AROUND)),
    h("or less", HedgeShape::AtMost),
    h("or fewer", HedgeShape::AtMost),
    h("or under", HedgeShape::AtMost),
];

/// A vague amount ("hundreds of thousands") and the interval it denotes.
#[derive(Debug, Clone, Copy)]
pub struct VagueAmount {
    /// The phrase as lowercase tokens joined by spaces.
    pub phrase: &'static str,
    /// Lowest value meant.
    pub low: f64,
    /// Highest value meant (exclusive).
    pub high: f64,
    /// True when the phrase only counts as a quantity before a unit
    /// ("some days", but not "some people").
    pub needs_unit: bool,
}

const fn v(phrase: &'static str, low: f64, high: f64, needs_unit: bool) -> VagueAmount {
    VagueAmount { phrase, low, high, needs_unit }
}

/// Vague amounts. Plural scale words mean "at least two of them, fewer than
/// the next scale": "hundreds of thousands" is `[2e5, 1e6)`.
pub const VAGUE_AMOUNTS: &[VagueAmount] = &[
    v("a couple of", 2.0, 3.0, false),
    v("a couple", 2.0, 3.0, false),
    v("couple of", 2.0, 3.0, false),
    v("a pair of", 2.0, 2.0, false),
    v("a pair", 2.0, 2.0, false),
    v("a few", 2.0, 5.0, false),
    v("few", 2.0, 5.0, false),
    v("a handful of", 2.0, 6.0, false),
    v("several", 3.0, 9.0, false),
    v("some", 2.0, 9.0, true),
    v("dozens of", 24.0, 100.0, false),
    v("scores of", 40.0, 100.0, false),
    v("tens of", 20.0, 100.0, false),
    v("hundreds of", 200.0, 1e3, false),
    v("thousands of", 2e3, 1e4, false),
    v("tens of thousands of", 2e4, 1e5, false),
    v("tens of thousands", 2e4, 1e5, false),
    v("hundreds of thousands of", 2e5, 1e6, false),
    v("hundreds of thousands", 2e5, 1e6, false),
    v("millions of", 2e6, 1e7, false),
    v("tens of millions of", 2e7, 1e8, false),
    v("tens of millions", 2e7, 1e8, false),
    v("hundreds of millions of", 2e8, 1e9, false),
    v("hundreds of millions", 2e8, 1e9, false),
    v("billions of", 2e9, 1e10, false),
];

/// Applies a hedge shape to an interval (usually a point).
pub fn apply(shape: HedgeShape, x: Interval) -> Interval {
    let hi = x.high.unwrap_or(x.low);
    let lo = x.low;
    match shape {
        HedgeShape::Around(t) => Interval::closed(scale_down(lo, t), scale_up(hi, t)),
        HedgeShape::Below(t) => Interval::closed(scale_down(lo, t), hi),
        HedgeShape::Above(t) => Interval::closed(lo, scale_up(hi, t)),
        HedgeShape::MoreThan => Interval { low: hi, high: None, low_open: true, high_open: false },
        HedgeShape::AtLeast => Interval { low: lo, high: None, low_open: false, high_open: false },
        HedgeShape::LessThan => Interval { low: floor(lo), high: Some(lo), low_open: false, high_open: true },
        HedgeShape::AtMost => Interval { low: floor(hi), high: Some(hi), low_open: false, high_open: false },
    }
}

/// Lower bound of "less than x": 0 for positive x (counts, durations and
/// amounts are not negative), otherwise unbounded (`f64::MIN`).
fn floor(x: f64) -> f64 {
    if x > 0.0 {
        0.0
    } else {
        f64::MIN
    }
}

fn scale_down(x: f64, t: f64) -> f64 {
    x - x.abs() * t
}

fn scale_up(x: f64, t: f64) -> f64 {
    x + x.abs() * t
}

/// The interval of a vague amount.
pub fn vague_interval(v: &VagueAmount) -> Interval {
    if v.low == v.high {
        return Interval::point(v.low);
    }
    Interval { low: v.low, high: Some(v.high), low_open: false, high_open: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearly_and_about_match_the_documented_intervals() {
        let nearly = apply(HedgeShape::Below(BELOW), Interval::point(90.0));
        assert_eq!((nearly.low, nearly.high), (81.0, Some(90.0)));
        let more = apply(HedgeShape::MoreThan, Interval::point(40.0));
        assert!(more.low_open && more.high.is_none());
    }

    #[test]
    fn phrases_are_unique() {
        let mut all: Vec<&str> = HEDGES.iter().map(|h| h.phrase).collect();
        all.sort_unstable();
        let n = all.len();
        all.dedup();
        assert_eq!(n, all.len());
    }
}
