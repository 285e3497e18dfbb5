//! Temporary stand-ins until the normaliser's API lands.
use chrono::NaiveDate;
use crosscheck_core::{DateValue, Interval, QuantityKind, Role, Unit};

pub struct DateContext {
    pub published: Option<NaiveDate>,
}
pub struct Found {
    pub range: std::ops::Range<usize>,
    pub kind: QuantityKind,
    pub value: Option<Interval>,
    pub unit: Option<Unit>,
    pub date: Option<DateValue>,
}
pub fn entity_key(s: &str) -> String {
    let s = s.trim().trim_end_matches("'s").to_lowercase();
    s.split_whitespace().last().unwrap_or("").to_string()
}
pub fn parse_role(s: &str) -> Option<Role> {
    let l = s.to_lowercase();
    let title = l.split_whitespace().last()?.to_string();
    Some(Role { key: l.clone(), title, qualifier: l.contains("former").then(|| "former".into()), of: None })
}
pub fn find_quantities(_t: &str, _c: &DateContext) -> Vec<Found> {
    Vec::new()
}
