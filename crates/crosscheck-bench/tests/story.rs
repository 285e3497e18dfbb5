//! A generated story is a valid crosscheck story: it loads, keeps the
//! manifest's outlets, credits rewrites, and the same seed gives the same bytes.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

use crosscheck_bench::corpora::{fnc_bodies, load_pools, load_training_pools, split_sentences};
use crosscheck_bench::store::{is_current, read_stamp};
use crosscheck_bench::{generate, write_story, BenchError, GenConfig, StoryFormat};

fn corpora() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora"))
}

#[test]
fn missing_corpora_is_a_clear_error() {
    let err = load_pools(Path::new("/nonexistent/shared/corpora")).expect_err("must fail");
    assert!(matches!(err, BenchError::MissingCorpora { .. }));
    assert!(err.to_string().contains("corpora not found at /nonexistent/shared/corpora"), "{err}");
}

/// The profile-guided build trains on these pools: none of the FNC-1 text
/// that `extract-rate` measures may be among them, and a story still
/// builds from what is left.
#[test]
fn training_pools_hold_no_fnc_text() {
    let (Ok(training), Ok(bodies)) = (load_training_pools(&corpora()), fnc_bodies(&corpora().join("fnc-1/train_bodies.csv"))) else {
        eprintln!("skipped: shared corpora not present");
        return;
    };
    let fnc: std::collections::HashSet<String> = bodies.iter().flat_map(|b| split_sentences(b)).collect();
    assert!(fnc.len() > 10_000, "{}", fnc.len());
    let leaked = training.filler.iter().filter(|s| fnc.contains(*s)).count();
    assert_eq!(leaked, 0, "FNC-1 sentences among the training filler");
    assert!(training.filler.len() > 5_000 && !training.pairs.is_empty(), "{}", training.filler.len());
    let story = generate(&training, &GenConfig { articles: 40, ..GenConfig::default() }).expect("story");
    assert_eq!(story.articles.len(), 40);
}

#[test]
fn generated_story_loads_and_is_deterministic() {
    let Ok(pools) = load_pools(&corpora()) else {
        eprintln!("skipped: shared corpora not present");
        return;
    };
    assert!(pools.filler.len() > 20_000 && pools.pairs.len() > 2_000 && pools.headlines.len() > 1_000);
    let cfg = GenConfig { articles: 60, ..GenConfig::default() };
    let story = generate(&pools, &cfg).expect("story");
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("s");
    write_story(&story, &dir, StoryFormat::Dir).expect("write");
    assert!(is_current(&dir, &cfg));
    assert_eq!(read_stamp(&dir).map(|s| s.stats), Some(story.stats.clone()));

    let loaded = crosscheck_text::load_story(&dir, &Default::default()).expect("loads");
    assert_eq!(loaded.documents.len(), 60);
    let first = &loaded.documents[0];
    assert_eq!(first.article.outlet.value.as_deref(), Some(story.articles[0].outlet.as_str()));
    if let Some(r) = story.articles.iter().position(|a| a.rewrite_of.is_some()) {
        let credits = &loaded.documents[r].article.credits;
        assert!(credits.iter().any(|c| c.text.starts_with("Reference(s):")), "{credits:?}");
    }

    // Same seed, same bytes; the JSON Lines form holds the same articles.
    let again = generate(&pools, &cfg).expect("story");
    assert_eq!(story.articles, again.articles);
    let jsonl = tmp.path().join("s.jsonl");
    write_story(&story, &jsonl, StoryFormat::Jsonl).expect("write jsonl");
    let from_jsonl = crosscheck_text::load_story(&jsonl, &Default::default()).expect("loads");
    assert_eq!(from_jsonl.documents.len(), 60);
    assert_eq!(from_jsonl.documents[5].text, story.articles[5].text);
}

#[test]
fn refuses_to_overwrite_a_folder_it_did_not_write() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("keep.txt"), "mine").expect("write");
    let pools = crosscheck_bench::corpora::Pools {
        filler: (0..200).map(|i| format!("Officials in district {i} said the bridge reopened on Monday.")).collect(),
        pairs: (0..20)
            .map(|i| crosscheck_bench::corpora::ParaphrasePair {
                first: format!("Firm {i} reported a profit of 12 million dollars."),
                second: format!("Firm {i} said it earned 12 million dollars."),
            })
            .collect(),
        headlines: (0..20).map(|i| format!("Storm {i} hits the coast")).collect(),
    };
    let story = generate(&pools, &GenConfig { articles: 5, ..GenConfig::default() }).expect("story");
    let err = write_story(&story, tmp.path(), StoryFormat::Dir).expect_err("must refuse");
    assert!(err.to_string().contains("was not written by the generator"));
    assert!(tmp.path().join("keep.txt").exists());
}
