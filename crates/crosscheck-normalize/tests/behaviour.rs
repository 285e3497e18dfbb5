//! Behaviour the rest of the pipeline relies on.

use chrono::NaiveDate;
use crosscheck_core::claim::{EntityKind, Quantity, QuantityKind};
use crosscheck_core::span::Span;
use crosscheck_normalize::*;
use proptest::prelude::*;

fn ctx() -> DateContext {
    DateContext { published: NaiveDate::from_ymd_opt(2025, 2, 13) }
}

fn quantity(text: &str) -> Quantity {
    let found = find_quantities(text, &ctx());
    let f = found.into_iter().max_by_key(|f| f.range.len());
    let f = f.unwrap_or_else(|| panic!("no quantity in {text:?}"));
    Quantity { text: text.into(), span: Span { start: 0, end: text.len() }, kind: f.kind, value: f.value, unit: f.unit, date: f.date }
}

#[test]
fn call_length_phrasings_are_mutually_compatible() {
    let same = ["nearly 90 minutes", "90-minute", "an hour and a half", "almost an hour and a half", "nearly an hour and a half"];
    for a in same {
        for b in same {
            assert_eq!(compatible(&quantity(a), &quantity(b)), Compatibility::Compatible, "{a} vs {b}");
        }
        assert_eq!(compatible(&quantity(a), &quantity("about an hour")), Compatibility::Incompatible, "{a}");
    }
}

#[test]
fn hedged_intervals() {
    let (v, u) = parse_quantity("nearly 90 minutes").expect("parses");
    assert_eq!(u, crosscheck_core::value::Unit::Seconds);
    assert_eq!((v.low, v.high), (81.0 * 60.0, Some(5400.0)));
    let (v, _) = parse_quantity("about an hour and a half").expect("parses");
    assert!(v.low < 5400.0 && v.high.unwrap_or(0.0) > 5400.0);
    let (v, _) = parse_quantity("more than 40").expect("parses");
    assert!(v.low == 40.0 && v.low_open && v.high.is_none());
    let (v, _) = parse_quantity("hundreds of thousands").expect("parses");
    assert_eq!((v.low, v.high, v.high_open), (2e5, Some(1e6), true));
    let (v, _) = parse_quantity("tens of millions").expect("parses");
    assert_eq!(v.low, 2e7);
    assert_eq!(parse_quantity("1.5 million").map(|q| q.0.low), Some(1.5e6));
    assert_eq!(parse_quantity("two-thirds").map(|q| (q.0.low * 3.0).round()), Some(2.0));
    assert_eq!(parse_quantity("six months").map(|q| q.0.low), Some(180.0 * 86400.0));
}

#[test]
fn units_must_agree() {
    assert_eq!(compatible(&quantity("90 minutes"), &quantity("90 people")), Compatibility::Incomparable);
    assert_eq!(compatible(&quantity("1.5 hours"), &quantity("90 minutes")), Compatibility::Compatible);
    assert_eq!(compatible(&quantity("1.5 million"), &quantity("1,500 thousand")), Compatibility::Compatible);
    assert_eq!(compatible(&quantity("40%"), &quantity("forty percent")), Compatibility::Compatible);
    assert_eq!(compatible(&quantity("$2bn"), &quantity("2 billion dollars")), Compatibility::Compatible);
}

#[test]
fn scanner_reports_kinds_and_ranges() {
    let s = "Trump spoke with Putin for nearly 90 minutes on Wednesday, one of the aides said, 40% more than in 2014.";
    let found = find_quantities(s, &ctx());
    let texts: Vec<(&str, QuantityKind)> = found.iter().map(|f| (&s[f.range.clone()], f.kind)).collect();
    assert_eq!(
        texts,
        [
            ("nearly 90 minutes", QuantityKind::Duration),
            ("Wednesday", QuantityKind::Date),
            ("40%", QuantityKind::Percent),
            ("2014", QuantityKind::Date),
        ]
    );
}

#[test]
fn scanner_ignores_non_quantities() {
    for s in ["President Trump met a reporter.", "@POTUS posted on X.", "one of the aides", "a", "I second that"] {
        let found: Vec<_> = find_quantities(s, &ctx()).into_iter().filter(|f| f.kind != QuantityKind::Ordinal).collect();
        assert!(found.is_empty(), "{s}: {found:?}");
    }
    let pre = find_quantities("pre-2014 borders", &ctx());
    assert_eq!(pre.len(), 1);
    assert_eq!(pre[0].kind, QuantityKind::Date);
}

fn date_of(s: &str) -> (NaiveDate, Option<NaiveDate>, String) {
    let f = find_quantities(s, &ctx()).into_iter().find(|f| f.kind == QuantityKind::Date).unwrap_or_else(|| panic!("no date in {s}"));
    let d = f.date.unwrap_or_else(|| panic!("unresolved date in {s}"));
    (d.start, d.end, d.rule)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

#[test]
fn dates_resolve_against_publication() {
    assert_eq!(date_of("They spoke on Wednesday.").0, ymd(2025, 2, 12));
    assert_eq!(date_of("They spoke on Wednesday.").2, "weekday-before-publication");
    assert_eq!(date_of("They will meet on Friday.").0, ymd(2025, 2, 14));
    assert_eq!(date_of("They spoke yesterday.").0, ymd(2025, 2, 12));
    assert_eq!(date_of("talks on 14-16 February"), (ymd(2025, 2, 14), Some(ymd(2025, 2, 16)), "explicit-year-from-publication".into()));
    for s in ["13-Feb-2025", "February 13, 2025", "13/2/2025", "13 February 2025", "2025-02-13"] {
        assert_eq!(date_of(s).0, ymd(2025, 2, 13), "{s}");
    }
    assert_eq!(date_of("12 February").0, ymd(2025, 2, 12));
    let (s, e, _) = date_of("last week");
    assert_eq!((s, e), (ymd(2025, 2, 3), Some(ymd(2025, 2, 9))));
}

#[test]
fn date_compatibility() {
    assert_eq!(compatible(&quantity("on Wednesday"), &quantity("12 February")), Compatibility::Compatible);
    assert_eq!(compatible(&quantity("on Wednesday"), &quantity("February 13, 2025")), Compatibility::Incompatible);
}

#[test]
fn entity_guards() {
    assert!(same_entity("Zelenskyy", "Zelenskiy", EntityKind::Person));
    assert!(same_entity("Volodymyr Zelenskyy", "Vladimir Zelensky", EntityKind::Person));
    assert!(!same_entity("Hunter Biden", "Joe Biden", EntityKind::Person));
    assert!(!same_entity("Trump", "Trump Jr.", EntityKind::Person));
    assert!(!same_entity("North Korea", "South Korea", EntityKind::Place));
    assert!(same_entity("Kyiv", "Kiev", EntityKind::Place));
    assert!(same_entity("U.S.", "United States", EntityKind::Place));
    assert_eq!(entity_key("Zelenskyy's"), "zelensky");
}

proptest! {
    #[test]
    fn fold_is_idempotent(s in "\\PC{0,40}") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn entity_key_is_idempotent(s in "\\PC{0,40}") {
        let once = entity_key(&s);
        prop_assert_eq!(entity_key(&once), once);
    }

    #[test]
    fn find_quantities_never_panics(s in "\\PC{0,80}") {
        for f in find_quantities(&s, &ctx()) {
            prop_assert!(s.is_char_boundary(f.range.start) && s.is_char_boundary(f.range.end));
            prop_assert!(f.range.start < f.range.end && f.range.end <= s.len());
        }
    }

    #[test]
    fn numeric_sentences_never_panic(s in "([0-9]{1,5}|[-/.,$%]|one|two|half|a|and|hundred|million|minutes|hours|more than|nearly|February|Friday| ){0,20}") {
        for f in find_quantities(&s, &ctx()) {
            prop_assert!(s.is_char_boundary(f.range.start) && s.is_char_boundary(f.range.end));
        }
    }
}

#[test]
fn the_time_unit_of_a_rate_is_not_a_duration() {
    let durations = |text: &str| -> Vec<String> {
        find_quantities(text, &ctx()).into_iter().filter(|f| f.kind == QuantityKind::Duration).map(|f| text[f.range].to_string()).collect()
    };
    for rate in ["Winds reached 130 kilometres an hour.", "The bridge carries 20,000 vehicles a day.", "Cleaners earn $15 per hour."] {
        assert_eq!(durations(rate), Vec::<String>::new(), "{rate}");
    }
    assert_eq!(durations("The call lasted an hour."), ["an hour"]);
    assert_eq!(durations("Police arrived within an hour."), ["an hour"]);
}
