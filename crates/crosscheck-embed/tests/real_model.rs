//! Tests against the real all-MiniLM-L6-v2, when it is installed in the
//! model directory (`crosscheck model install`) and this build has the
//! runtime (`--features semantic`). Otherwise each test prints a loud SKIP
//! and passes, so CI needs no download.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crosscheck_embed::{cosine, load_or_explain, Embedder};
use crosscheck_match::semantic::{decide_semantic, SemanticModel};
use crosscheck_match::{prepare, Thresholds};

fn embedder(test: &str) -> Option<Embedder> {
    if !crosscheck_embed::RUNTIME_AVAILABLE {
        eprintln!("\n*** SKIP {test}: built without the `semantic` feature ***\n");
        return None;
    }
    match load_or_explain(None) {
        Ok(e) => Some(e),
        Err(d) => {
            eprintln!("\n*** SKIP {test}: {} ***\n", d.message);
            None
        }
    }
}

#[test]
fn paraphrases_are_closer_than_unrelated_sentences() {
    let Some(e) = embedder("paraphrases_are_closer_than_unrelated_sentences") else { return };
    let v = e
        .embed(&[
            "The negotiators met for an hour and a half on Tuesday.",
            "Talks on Tuesday lasted 90 minutes.",
            "The central bank raised interest rates by a quarter point.",
            "Heavy snow closed schools across the region.",
        ])
        .unwrap();
    assert_eq!(v.len(), 4);
    assert!(v.iter().all(|x| x.len() == e.dim() && (x.iter().map(|a| a * a).sum::<f32>() - 1.0).abs() < 1e-4), "unit vectors");
    let para = cosine(&v[0], &v[1]);
    let unrelated = cosine(&v[0], &v[2]).max(cosine(&v[1], &v[3])).max(cosine(&v[2], &v[3]));
    eprintln!("paraphrase cosine {para:.3}, best unrelated {unrelated:.3}");
    assert!(para > unrelated + 0.2, "paraphrase {para:.3} vs unrelated {unrelated:.3}");
}

#[test]
fn batching_does_not_change_embeddings() {
    let Some(e) = embedder("batching_does_not_change_embeddings") else { return };
    let texts: Vec<String> = (0..40).map(|i| format!("Claim number {i} says something {}", "rather long ".repeat(i % 7))).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let all = e.embed(&refs).unwrap();
    let one = e.embed(&refs[37..38]).unwrap();
    assert!(cosine(&all[37], &one[0]) > 0.9999, "padding must not leak into the mean");
    assert_eq!(e.embed(&[]).unwrap().len(), 0);
    assert_eq!(e.embed(&[""]).unwrap()[0].len(), e.dim());
}

#[test]
fn a_quantity_conflict_stays_a_conflict_with_real_cosine() {
    let Some(e) = embedder("a_quantity_conflict_stays_a_conflict_with_real_cosine") else { return };
    let (a, b) = ("Putin and Trump met for 90 minutes in Helsinki.", "Putin and Trump met for 40 minutes in Helsinki.");
    let v = e.embed(&[a, b]).unwrap();
    let cos = f64::from(cosine(&v[0], &v[1]));
    assert!(cos > 0.8, "near-identical wording embeds close: {cos:.3}");
    let model = SemanticModel::embedded().unwrap();
    let pa = prepare(&crosscheck_extract::analyse_sentence(a));
    let pb = prepare(&crosscheck_extract::analyse_sentence(b));
    let d = decide_semantic(&model, &Thresholds::default(), &pa, &pb, cos);
    assert_eq!(d.kind, Some(crosscheck_core::EdgeKind::Conflict), "{}", d.rule);
    assert_eq!(d.features.get("cosine").copied(), Some(cos));
}
