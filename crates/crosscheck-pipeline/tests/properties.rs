//! Properties of the whole pipeline on generated stories.
//!
//! A story is a random subset of the demo story's articles (`data/demo`)
//! plus generated articles whose sentences restate, reword or contradict
//! each other's facts (so that matching, clustering, derivation and
//! disputes all have work), in random order.
//!
//! - **Reordering** the articles of a story changes nothing in the report
//!   but the ids that depend on order: with cluster and dispute ids
//!   replaced by their member claims, and every list taken as a set, the
//!   reports of any two orders are equal.
//! - **Threads:** the report's JSON is byte-identical whether the pipeline
//!   runs in a rayon pool of one thread or of two.
//!
//! The semantic matcher is off (its availability depends on the machine);
//! case counts are small (each case runs the whole pipeline); raise them
//! with `PROPTEST_CASES`.

#![allow(clippy::panic)]

use std::path::Path;

use chrono::NaiveDate;
use crosscheck_core::{Format, Report, Source};
use crosscheck_pipeline::{check_story, Options, SemanticMode};
use crosscheck_text::{document_from_text, load_story, Document, Overrides, Story};
use proptest::prelude::*;
use serde_json::Value;

fn demo_documents() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo");
    match load_story(&dir, &Default::default()) {
        Ok(story) => story.documents,
        Err(e) => panic!("the demo story {} is unreadable: {e}", dir.display()),
    }
}

/// Sentences with slots: `{n}` a number, `{who}` a speaker.
const TEMPLATES: &[&str] = &[
    "{who} said the talks with the union lasted {n} minutes on Monday.",
    "The talks lasted {n} minutes, {who} told reporters.",
    "At least {n} people were hurt when the footway gave way, according to {who}.",
    "The bridge will stay shut for {n} weeks, the council said.",
    "{who} said the repairs would cost {n} million euros.",
    "The commission did not agree to a {n} percent rise, {who} said.",
    "Around {n} vehicles cross the Old Quay Bridge every day.",
    "\"We will publish a report within {n} days,\" {who} said.",
];

const SPEAKERS: &[&str] = &["Mayor Ilse Varga", "Tomas Reyl", "the fire brigade", "council spokesman Ivo Marsh"];
const NUMBERS: &[&str] = &["40", "forty", "90", "ninety", "six", "2.5", "18,000", "12"];

/// One generated article: (template, speaker, number) picks per sentence.
type Spec = Vec<(usize, usize, usize)>;

fn spec() -> impl Strategy<Value = Spec> {
    proptest::collection::vec((0..TEMPLATES.len(), 0..SPEAKERS.len(), 0..NUMBERS.len()), 1..6)
}

fn generated(i: usize, spec: &Spec) -> Document {
    let body: Vec<String> = spec
        .iter()
        .map(|&(t, w, n)| TEMPLATES[t].replace("{who}", SPEAKERS[w]).replace("{n}", NUMBERS[n]))
        .map(|s| format!("{}{}", s[..1].to_uppercase(), &s[1..]))
        .collect();
    let text = format!("Generated report {i}\n\n{}\n", body.join("\n\n"));
    let overrides = Overrides {
        id: None,
        outlet: Some(format!("Outlet {i}")),
        published: NaiveDate::from_ymd_opt(2025, 3, 9 + (i as u32 % 3)),
        title: None,
        source: Source::Manifest,
    };
    match document_from_text(&format!("gen-{i}"), &text, Format::Text, &overrides) {
        Ok(doc) => doc,
        Err(e) => panic!("generated article {i} refused: {e}\n{text}"),
    }
}

/// A story: some demo articles and some generated ones, in the order given.
#[derive(Debug, Clone)]
struct Pick {
    demo: Vec<usize>,
    specs: Vec<Spec>,
}

fn pick() -> impl Strategy<Value = Pick> {
    let demo = proptest::sample::subsequence((0..5).collect::<Vec<usize>>(), 0..=5);
    (demo, proptest::collection::vec(spec(), 0..4))
        .prop_filter("at least two articles", |(d, s)| d.len() + s.len() >= 2)
        .prop_map(|(demo, specs)| Pick { demo, specs })
}

fn documents(pick: &Pick, demo: &[Document]) -> Vec<Document> {
    let mut docs: Vec<Document> = pick.demo.iter().map(|&i| demo[i].clone()).collect();
    docs.extend(pick.specs.iter().enumerate().map(|(i, s)| generated(i, s)));
    docs
}

fn story(documents: Vec<Document>) -> Story {
    Story { path: "generated".to_string(), documents, diagnostics: Vec::new() }
}

/// Lexical matching only: whether an embedding model is installed on the
/// machine (and what its status message says) must not decide the outcome.
fn check(story: &Story) -> Report {
    let options = Options { semantic: SemanticMode::Off, ..Options::default() };
    match check_story(story, &options) {
        Ok(r) => r,
        Err(e) => panic!("check_story failed: {e}"),
    }
}

/// The report with order-dependent ids replaced by what they stand for and
/// every list sorted: equal for any order of the same articles.
fn canonical(report: &Report) -> Value {
    let mut v = serde_json::to_value(report).unwrap_or(Value::Null);
    let members = |x: &Value| x["claims"].as_array().map(|c| sorted(c.clone())).unwrap_or_default();
    let clusters: Vec<(Value, Value)> = v["clusters"]
        .as_array()
        .map(|cs| cs.iter().map(|c| (c["id"].clone(), Value::from(format!("cluster of {}", Value::from(members(c)))))).collect())
        .unwrap_or_default();
    let rename = |id: &Value| clusters.iter().find(|(old, _)| old == id).map(|(_, new)| new.clone());
    if let Some(cs) = v["clusters"].as_array_mut() {
        for c in cs {
            c["id"] = rename(&c["id"]).unwrap_or(Value::Null);
        }
    }
    if let Some(ds) = v["disputes"].as_array_mut() {
        for d in ds {
            d["id"] = Value::from(format!("dispute of {}", Value::from(members(d))));
            if let Some(new) = rename(&d["cluster"]) {
                d["cluster"] = new;
            }
        }
    }
    sort_lists(&mut v);
    v
}

fn sorted(mut items: Vec<Value>) -> Vec<Value> {
    items.sort_by_key(|x| x.to_string());
    items
}

fn sort_lists(v: &mut Value) {
    match v {
        Value::Array(items) => {
            items.iter_mut().for_each(sort_lists);
            items.sort_by_key(|x| x.to_string());
        }
        Value::Object(map) => map.values_mut().for_each(sort_lists),
        _ => {}
    }
}

/// The first difference between two canonical reports, for the message.
fn first_difference(a: &Value, b: &Value) -> String {
    for key in ["articles", "claims", "edges", "clusters", "disputes", "derivations", "diagnostics"] {
        let (x, y) = (a[key].as_array(), b[key].as_array());
        let (x, y) = (x.map_or(&[][..], Vec::as_slice), y.map_or(&[][..], Vec::as_slice));
        if x.len() != y.len() {
            return format!("{key}: {} vs {} entries", x.len(), y.len());
        }
        if let Some((p, q)) = x.iter().zip(y).find(|(p, q)| p != q) {
            return format!("{key} differ:\n  {p}\n  {q}");
        }
    }
    "equal".to_string()
}

fn pool(threads: usize) -> rayon::ThreadPool {
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => panic!("no rayon pool of {threads} threads: {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any order of the same articles gives the same report, up to
    /// order-dependent ids.
    #[test]
    fn reordering_articles_changes_nothing_but_order_dependent_ids(
        (pick, order) in pick().prop_flat_map(|p| {
            let n = p.demo.len() + p.specs.len();
            (Just(p), Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
        })
    ) {
        let demo = demo_documents();
        let docs = documents(&pick, &demo);
        let shuffled: Vec<Document> = order.iter().map(|&i| docs[i].clone()).collect();
        let (a, b) = (canonical(&check(&story(docs))), canonical(&check(&story(shuffled))));
        prop_assert!(a == b, "order {:?} changed the report: {}", order, first_difference(&a, &b));
    }

    /// One thread or two: byte-identical JSON.
    #[test]
    fn one_and_two_threads_give_byte_identical_reports(pick in pick()) {
        let demo = demo_documents();
        let s = story(documents(&pick, &demo));
        let one = pool(1).install(|| serde_json::to_string(&check(&s)).unwrap_or_default());
        let two = pool(2).install(|| serde_json::to_string(&check(&s)).unwrap_or_default());
        prop_assert!(!one.is_empty());
        prop_assert!(one == two, "the reports differ between 1 and 2 threads");
    }
}

/// The generated stories exercise every stage: the whole demo plus
/// generated articles yield clusters across outlets and disputes.
#[test]
fn generated_stories_are_not_trivial() {
    let demo = demo_documents();
    let pick = Pick { demo: vec![0, 1, 2, 3, 4], specs: vec![vec![(0, 0, 2), (2, 1, 0)], vec![(1, 2, 3), (2, 3, 1)]] };
    let report = check(&story(documents(&pick, &demo)));
    assert!(report.clusters.iter().any(|c| c.articles.len() > 1), "no cluster spans two articles");
    assert!(!report.disputes.is_empty(), "no dispute");
    assert!(report.claims.iter().any(|c| c.article.0.starts_with("gen-")), "generated articles yield no claims");
}
