//! Normalised values attached to entities and quantities.
//!
//! These are produced by the normaliser and compared by the matcher. They are
//! kept here, not in the normaliser, so that extraction can carry them and
//! reports can print them without depending on how they were computed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The unit a quantity's interval is expressed in after conversion. Durations
/// are always seconds, money is in units of its currency, counts are plain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "code")]
pub enum Unit {
    /// A plain count or number.
    Count,
    /// A duration, in seconds.
    Seconds,
    /// A percentage (0–100).
    Percent,
    /// An amount of money in the named currency (ISO code or symbol).
    Money(String),
    /// A position in an order ("third").
    Ordinal,
    /// Any other unit, by its normalised name ("km", "kg", "troops").
    Other(String),
}

/// A closed, half-open or open interval of real numbers. `high: None` means
/// unbounded above. Invariant: `low <= high` when `high` is set; constructors
/// in the normaliser keep it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound, `None` for unbounded.
    pub high: Option<f64>,
    /// Whether `low` itself is excluded ("more than 40").
    #[serde(default, skip_serializing_if = "is_false")]
    pub low_open: bool,
    /// Whether `high` itself is excluded ("fewer than 40").
    #[serde(default, skip_serializing_if = "is_false")]
    pub high_open: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Interval {
    /// The single point `x`.
    pub fn point(x: f64) -> Interval {
        Interval { low: x, high: Some(x), low_open: false, high_open: false }
    }

    /// The closed interval `[low, high]`, with the bounds swapped if needed.
    pub fn closed(low: f64, high: f64) -> Interval {
        let (low, high) = if low <= high { (low, high) } else { (high, low) };
        Interval { low, high: Some(high), low_open: false, high_open: false }
    }

    /// True when both intervals share at least one number.
    pub fn overlaps(&self, other: &Interval) -> bool {
        fn below(a: &Interval, b: &Interval) -> bool {
            // a lies entirely below b
            match a.high {
                None => false,
                Some(h) => h < b.low || (h == b.low && (a.high_open || b.low_open)),
            }
        }
        !below(self, other) && !below(other, self)
    }

    /// The same interval with both bounds multiplied by `factor` (> 0).
    pub fn scaled(&self, factor: f64) -> Interval {
        Interval { low: self.low * factor, high: self.high.map(|h| h * factor), ..*self }
    }

    /// True when the interval is a single point.
    pub fn is_point(&self) -> bool {
        self.high == Some(self.low) && !self.low_open && !self.high_open
    }
}

/// A calendar date (or date range) resolved against the article's
/// publication date, with the rule that resolved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// First day.
    pub start: NaiveDate,
    /// Last day, when the expression names a range ("14-16 February").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// How it was resolved ("explicit", "weekday-before-publication", …).
    pub rule: String,
}

/// A role or title held by a person ("former U.S. President" → key
/// `former|us|president`). Roles are values: two outlets giving the same
/// person different roles is a dispute.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Role {
    /// The role's canonical key: qualifier, country or organisation, title.
    pub key: String,
    /// The title word(s) normalised ("president", "spokesman").
    pub title: String,
    /// "former", "deputy", "acting", "vice", "new", … when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The country or organisation the role belongs to, as a canonical key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}
