//! The corpus readers on the real files of `shared/corpora`, skipped loudly
//! when they are absent.

#![allow(clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use crosscheck_eval::corpora::{
    binary_scores, ecb_pairs, group_related, read_ecb, read_ecb_topic, read_fnc_bodies, read_fnc_stances, read_mrpc,
    read_pair_tsv, read_sts, shared_corpora, Stance,
};

fn corpus(rel: &str) -> Option<PathBuf> {
    let p = shared_corpora().map(|c| c.join(rel)).filter(|p| p.exists());
    if p.is_none() {
        eprintln!("SKIPPED: ../shared missing (no shared/corpora/{rel})");
    }
    p
}

#[test]
fn mrpc_train_has_4076_pairs_2753_positive() {
    let Some(p) = corpus("mrpc/msr_paraphrase_train.txt") else { return };
    let pairs = read_mrpc(&p).expect("MRPC reads");
    assert_eq!(pairs.len(), 4076);
    assert_eq!(pairs.iter().filter(|x| x.label == Some(true)).count(), 2753);
    assert!(pairs.iter().all(|x| !x.s1.is_empty() && !x.s2.is_empty() && !x.id1.is_empty()));
    assert!(pairs.iter().any(|x| x.s1.contains('"')), "bare quotes survive");
    // The lenient reader agrees on the same file.
    assert_eq!(read_pair_tsv(&p).expect("reads"), pairs);
}

#[test]
fn sts_dev_has_250_headline_pairs() {
    let Some(dev) = corpus("stsbenchmark/sts-dev.csv") else { return };
    let pairs = read_sts(&dev).expect("STS dev reads");
    assert_eq!(pairs.len(), 1500);
    assert_eq!(pairs.iter().filter(|p| p.genre == "main-news" && p.file == "headlines").count(), 250);
    assert!(pairs.iter().all(|p| (0.0..=5.0).contains(&p.score)));
    let Some(train) = corpus("stsbenchmark/sts-train.csv") else { return };
    let pairs = read_sts(&train).expect("STS train reads");
    assert_eq!(pairs.len(), 5749);
    assert_eq!(pairs.iter().filter(|p| p.genre == "main-news" && p.file == "headlines").count(), 1999);
}

#[test]
fn fnc_bodies_and_stances() {
    let Some(b) = corpus("fnc-1/train_bodies.csv") else { return };
    let Some(s) = corpus("fnc-1/train_stances.SUBSET_from_taufiq_fake-news.csv") else { return };
    let bodies = read_fnc_bodies(&b).expect("bodies read");
    assert_eq!(bodies.len(), 1683);
    assert!(bodies.iter().any(|x| x.body.contains('\n')));
    let stances = read_fnc_stances(&s).expect("stances read");
    assert_eq!(stances.len(), 11642);
    let groups = group_related(&stances);
    let disputed = groups
        .iter()
        .filter(|g| g.related.iter().any(|r| r.stance == Stance::Agree) && g.related.iter().any(|r| r.stance == Stance::Disagree))
        .count();
    eprintln!("FNC-1 subset: {} headlines, {disputed} with both agreeing and disagreeing bodies", groups.len());
    assert!(disputed > 0);
    let ids: std::collections::HashSet<u32> = bodies.iter().map(|b| b.id).collect();
    assert!(groups.iter().flat_map(|g| &g.related).all(|r| ids.contains(&r.body_id)));
}

#[test]
fn ecb_topic_one_reads() {
    let Some(root) = corpus("ecbplus") else { return };
    let t = read_ecb_topic(&root, "1").expect("topic 1 reads");
    assert!(t.documents.len() > 20);
    let d = t.documents.iter().find(|d| d.name == "1_10ecbplus").expect("1_10ecbplus");
    let s1 = d.sentences.iter().find(|s| s.number == 1).expect("sentence 1");
    assert_eq!(s1.text, "Lindsay Lohan checks into Betty Ford Center");
    assert!(s1.annotated);
    assert!(s1.event_chains.contains("ACT15738091639707092"), "{s1:?}");
    assert!(s1.trigger_lemmas.contains("check"), "{s1:?}");
}

#[test]
fn ecb_same_lemma_baseline() {
    let Some(root) = corpus("ecbplus") else { return };
    let topics = read_ecb(&root).expect("ECB+ reads");
    assert_eq!(topics.len(), 43);
    let docs: usize = topics.iter().map(|t| t.documents.len()).sum();
    assert_eq!(docs, 982);
    let annotated: usize = topics.iter().flat_map(|t| &t.documents).flat_map(|d| &d.sentences).filter(|s| s.annotated).count();
    let pairs: Vec<_> = topics.iter().flat_map(ecb_pairs).collect();
    let s = binary_scores(pairs.iter().map(|p| (p.same_lemma, p.gold)));
    eprintln!(
        "ECB+ same-lemma baseline: {annotated} annotated sentences, {} cross-document pairs, {} gold positive; \
         P {:.3} R {:.3} F1 {:.3} (TP {} FP {} FN {} TN {})",
        pairs.len(),
        s.true_positives + s.false_negatives,
        s.precision,
        s.recall,
        s.f1,
        s.true_positives,
        s.false_positives,
        s.false_negatives,
        s.true_negatives
    );
    assert!(s.true_positives > 0 && s.f1 > 0.0);
}
