//! Research aid: the blocked candidate claim pairs of ECB+ topics or of a
//! story folder as one TSV row each (topic, claim ids, gold label where the
//! corpus has one, the shipped model's score and decision, every feature),
//! for studying the matcher offline.
//!
//! ```text
//! cargo run --release -p crosscheck-eval --example pairtable -- ecb   > ecb_pairs.tsv
//! cargo run --release -p crosscheck-eval --example pairtable -- STORY > story_pairs.tsv
//! ```
//!
//! On ECB+ a pair is labelled 1 when the sentences holding the two claims
//! share a cross-document event chain, 0 when both sentences are annotated
//! and share none, and -1 when either sentence is not annotated.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crosscheck_core::Report;
use crosscheck_eval::corpora::{read_ecb, EcbTopic};
use crosscheck_eval::harness::{default_shared, ecb_topic_story, SentenceRanges};
use crosscheck_match::{candidates, decide, features::FEATURE_NAMES, Model};
use crosscheck_pipeline::Options;
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "ecb".into());
    let model = Model::embedded()?;
    println!("topic\ta\tb\tlabel\tscore\tkind\t{}", FEATURE_NAMES.join("\t"));
    if arg == "ecb" {
        let topics = read_ecb(default_shared().join("corpora").join("ecbplus"))?;
        let rows: Vec<Vec<String>> = topics.par_iter().map(|t| ecb_rows(t, &model)).collect::<Result<_, String>>()?;
        rows.iter().flatten().for_each(|r| println!("{r}"));
    } else {
        let report = crosscheck_pipeline::extract(Path::new(&arg), &Options::default())?;
        for r in rows(&arg, &report, &model, |_, _| -1) {
            println!("{r}");
        }
    }
    Ok(())
}

fn ecb_rows(topic: &EcbTopic, model: &Model) -> Result<Vec<String>, String> {
    let (story, ranges) = ecb_topic_story(topic).map_err(|e| e.to_string())?;
    let report = crosscheck_pipeline::extract_story(&story, &Options::default());
    let chains = sentence_chains(topic);
    let where_of: Vec<Option<(String, u32)>> = report.claims.iter().map(|c| sentence_of(&ranges, &c.article.0, c.span.start)).collect();
    Ok(rows(&topic.topic, &report, model, |a, b| label(&chains, where_of[a].as_ref(), where_of[b].as_ref())))
}

type Chains = HashMap<(String, u32), BTreeSet<String>>;

fn sentence_chains(topic: &EcbTopic) -> Chains {
    let mut out = Chains::new();
    for d in &topic.documents {
        for s in d.sentences.iter().filter(|s| s.annotated) {
            out.insert((d.name.clone(), s.number), s.event_chains.clone());
        }
    }
    out
}

fn sentence_of(ranges: &SentenceRanges, doc: &str, at: usize) -> Option<(String, u32)> {
    ranges.iter().find(|((d, _), r)| d == doc && r.contains(&at)).map(|(k, _)| k.clone())
}

fn label(chains: &Chains, a: Option<&(String, u32)>, b: Option<&(String, u32)>) -> i8 {
    match (a.and_then(|k| chains.get(k)), b.and_then(|k| chains.get(k))) {
        (Some(x), Some(y)) => i8::from(!x.is_disjoint(y)),
        _ => -1,
    }
}

fn rows(topic: &str, report: &Report, model: &Model, label: impl Fn(usize, usize) -> i8) -> Vec<String> {
    let prepared = crosscheck_pipeline::prepare_claims(report);
    let article_of = crosscheck_pipeline::article_of(report);
    candidates(&prepared, &article_of)
        .into_iter()
        .map(|(a, b)| {
            let d = decide(model, &prepared[a], &prepared[b]);
            let feats: Vec<String> = FEATURE_NAMES.iter().map(|n| format!("{:.4}", d.features.get(*n).copied().unwrap_or(0.0))).collect();
            format!(
                "{topic}\t{}\t{}\t{}\t{:.4}\t{:?}\t{}",
                report.claims[a].id,
                report.claims[b].id,
                label(a, b),
                d.score,
                d.kind,
                feats.join("\t")
            )
        })
        .collect()
}
