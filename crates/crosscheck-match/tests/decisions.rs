//! Decision kinds on hand-made pairs.

#![allow(clippy::panic)]

use crosscheck_core::{Claim, EdgeKind, Interval, Quantity, QuantityKind, Span, Unit};
use crosscheck_extract::analyse_sentence;
use crosscheck_match::{decide, prepare, score_pairs, Model, Prepared};

fn model() -> Model {
    match Model::embedded() {
        Ok(m) => m,
        Err(e) => panic!("committed weights do not load: {e}"),
    }
}

fn prep(text: &str) -> Prepared {
    prepare(&analyse_sentence(text))
}

fn minutes(claim: &mut Claim, n: f64) {
    let text = format!("{n} minutes");
    let start = claim.text.find(&format!("{n}")).unwrap_or(0);
    claim.quantities.push(Quantity {
        span: Span { start, end: start + text.len() },
        text,
        kind: QuantityKind::Duration,
        value: Some(Interval::point(n * 60.0)),
        unit: Some(Unit::Seconds),
        date: None,
    });
}

#[test]
fn near_duplicates_score_high_and_are_verbatim() {
    let m = model();
    let a = prep("Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow on Thursday.");
    let b = prep("Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Thursday, the Kremlin said.");
    let d = decide(&m, &a, &b);
    assert!(d.score > 0.8, "score {}", d.score);
    assert_eq!(d.kind, Some(EdgeKind::Verbatim), "{}", d.rule);
    assert!(d.rule.starts_with("verbatim"));
    assert_eq!(d.features.len(), crosscheck_match::FEATURE_NAMES.len());
}

#[test]
fn differing_durations_are_a_conflict() {
    let m = model();
    let mut ca = analyse_sentence("The meeting lasted 90 minutes");
    let mut cb = analyse_sentence("The meeting lasted 30 minutes");
    ca.quantities.clear();
    cb.quantities.clear();
    minutes(&mut ca, 90.0);
    minutes(&mut cb, 30.0);
    let d = decide(&m, &prepare(&ca), &prepare(&cb));
    assert_eq!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
    assert!(d.rule.contains("90 minutes") && d.rule.contains("30 minutes"), "{}", d.rule);
    assert_eq!(d.features.get("quantity_incompatible"), Some(&1.0));

    // The same pair with overlapping values is no conflict.
    let mut cc = analyse_sentence("The meeting lasted about 90 minutes");
    cc.quantities.clear();
    minutes(&mut cc, 90.0);
    let d = decide(&m, &prepare(&ca), &prepare(&cc));
    assert_ne!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
    assert!(d.kind.is_some());
}

#[test]
fn negation_mismatch_on_same_topic_is_a_conflict() {
    let m = model();
    let d = decide(&m, &prep("Ukraine will join the peace talks in Geneva"), &prep("Ukraine will not join the peace talks in Geneva"));
    assert_eq!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
    assert!(d.rule.contains("negated"));
}

#[test]
fn unlikely_reads_as_a_negation() {
    let m = model();
    // "unlikely to join" denies what "will join" asserts ...
    let d = decide(&m, &prep("Ukraine will join the peace talks in Geneva"), &prep("Ukraine is unlikely to join the peace talks in Geneva"));
    assert_eq!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
    // ... and agrees with "no likelihood of joining".
    let a = prep("The minister said there was no likelihood of Ukraine joining the alliance soon.");
    let b = prep("The minister said Ukraine is unlikely to join the alliance soon.");
    let d = decide(&m, &a, &b);
    assert_ne!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
    assert_eq!(d.features.get("negation_mismatch"), Some(&0.0));
}

#[test]
fn unrelated_sentences_score_low() {
    let m = model();
    let d = decide(&m, &prep("The central bank raised interest rates by half a point."), &prep("Heavy snow closed several mountain roads in the Alps."));
    assert!(d.score < 0.2, "score {}", d.score);
    assert_eq!(d.kind, None);
    assert!(d.rule.starts_with("no match"));
}

#[test]
fn paraphrase_scores_above_unrelated() {
    let m = model();
    let a = prep("The company said its quarterly profit rose sharply on strong sales.");
    let para = decide(&m, &a, &prep("Quarterly profit at the company rose sharply thanks to strong sales, it said."));
    let other = decide(&m, &a, &prep("Police arrested two men after the robbery on Friday."));
    assert!(para.score > other.score + 0.3);
    assert!(para.kind.is_some());
}

#[test]
fn score_pairs_keeps_order_and_handles_empty_text() {
    let m = model();
    let pairs = vec![
        ("A cat sat on the mat.".to_string(), "A cat sat on the mat.".to_string()),
        (String::new(), String::new()),
        ("Oil prices fell.".to_string(), "The election results were announced.".to_string()),
    ];
    let out = score_pairs(&m, &pairs);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0].kind, Some(EdgeKind::Verbatim));
    assert!(out[1].score.is_finite() && out[1].features.values().all(|v| v.is_finite()));
    assert!(out[2].score < out[0].score);
}

/// `claim` with its weekday resolved to `day` (as against two different
/// publication dates).
fn on_day(text: &str, weekday: &str, day: chrono::NaiveDate) -> Prepared {
    let mut claim = analyse_sentence(text);
    let start = claim.text.find(weekday).unwrap_or(0);
    claim.quantities = vec![Quantity {
        span: Span { start, end: start + weekday.len() },
        text: weekday.to_string(),
        kind: QuantityKind::Date,
        value: None,
        unit: None,
        date: Some(crosscheck_core::DateValue { start: day, end: None, rule: "weekday-after-publication".into() }),
    }];
    prepare(&claim)
}

#[test]
fn one_weekday_resolved_to_two_dates_shows_both_dates() {
    let m = model();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 6, d).unwrap_or_default();
    let a = on_day("Schools in the region will stay closed until Thursday.", "Thursday", day(11));
    let b = on_day("Schools in the region will remain closed until Thursday.", "Thursday", day(18));
    let d = decide(&m, &a, &b);
    assert_eq!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
    assert!(d.rule.contains("\"Thursday\" (2026-06-11) vs \"Thursday\" (2026-06-18)"), "{}", d.rule);
}

#[test]
fn a_denial_conflicts_with_the_assertion_it_denies() {
    let m = model();
    let a = prep("The company denied that it had laid off workers at the Lorvik plant.");
    let b = prep("The company laid off 200 workers at the Lorvik plant.");
    let d = decide(&m, &a, &b);
    assert_eq!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
    assert!(d.rule.contains("negated"), "{}", d.rule);
}

#[test]
fn weekdays_are_compared_as_dates_not_counted_as_topic() {
    let m = model();
    let a = on_day("The storm is expected to weaken by Wednesday.", "Wednesday", chrono::NaiveDate::from_ymd_opt(2026, 6, 10).unwrap_or_default());
    let b = on_day("Forecasters expect the storm to weaken by Tuesday.", "Tuesday", chrono::NaiveDate::from_ymd_opt(2026, 6, 9).unwrap_or_default());
    let d = decide(&m, &a, &b);
    assert_eq!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
}

#[test]
fn a_weekday_after_a_negation_is_not_what_it_negates() {
    let m = model();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 11).unwrap_or_default();
    let a = on_day("Schools in the region will stay closed until Thursday.", "Thursday", day);
    let b = on_day("Schools in the region will not reopen until Thursday.", "Thursday", day);
    let d = decide(&m, &a, &b);
    assert_ne!(d.kind, Some(EdgeKind::Conflict), "{}", d.rule);
}
