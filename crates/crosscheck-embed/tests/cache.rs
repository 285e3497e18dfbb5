//! The embedding cache: round trip, model mismatch, damage, and embedding
//! only what is missing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::Cell;

use crosscheck_embed::{EmbedError, EmbeddingCache};

/// Two runs over one story save its cache at the same moment: each must
/// leave a whole file (one of the two), never an error or a torn file.
/// (With one shared temporary name the writers truncated each other's
/// file and one rename failed.)
#[test]
fn concurrent_saves_of_one_cache_leave_a_whole_file() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("story.bin");
    let cache = |word: &str| {
        let mut c = EmbeddingCache::new("model-a", 64);
        for i in 0..200 {
            c.insert(&format!("{word} {i}"), vec![i as f32; 64]);
        }
        c
    };
    std::thread::scope(|s| {
        for word in ["alpha", "beta", "gamma", "delta"] {
            let path = &path;
            let mut c = cache(word);
            s.spawn(move || {
                for _ in 0..10 {
                    c.insert(word, vec![0.0; 64]);
                    c.save(path).unwrap();
                }
            });
        }
    });
    let back = EmbeddingCache::load(&path, "model-a", 64).unwrap();
    assert_eq!(back.len(), 201);
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["story.bin"]);
}

#[test]
fn round_trips_and_ignores_other_models() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("sub/story.bin");
    let mut c = EmbeddingCache::new("model-a", 3);
    assert!(c.insert("hello", vec![1.0, 0.0, 0.5]));
    assert!(!c.insert("bad", vec![1.0]), "wrong dimension refused");
    c.save(&path).unwrap();
    let back = EmbeddingCache::load(&path, "model-a", 3).unwrap();
    assert_eq!(back.get("hello"), Some(&[1.0, 0.0, 0.5][..]));
    assert_eq!(back.len(), 1);
    assert!(EmbeddingCache::load(&path, "model-b", 3).unwrap().is_empty());
    assert!(EmbeddingCache::load(&path, "model-a", 4).unwrap().is_empty());
    assert!(EmbeddingCache::load(&tmp.path().join("none.bin"), "model-a", 3).unwrap().is_empty());
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.truncate(bytes.len() - 2);
    std::fs::write(&path, &bytes).unwrap();
    assert!(matches!(EmbeddingCache::load(&path, "model-a", 3), Err(EmbedError::Cache { .. })));
    std::fs::write(&path, b"garbage!garbage!").unwrap();
    assert!(matches!(EmbeddingCache::load(&path, "model-a", 3), Err(EmbedError::Cache { .. })));
}

#[test]
fn embeds_only_distinct_missing_texts() {
    let mut c = EmbeddingCache::new("m", 2);
    c.insert("a", vec![1.0, 0.0]);
    let calls = Cell::new(0);
    let fake = |texts: &[&str]| {
        calls.set(calls.get() + 1);
        assert_eq!(texts, &["b", "c"], "only the missing texts, once each");
        Ok(texts.iter().map(|t| vec![t.len() as f32, 1.0]).collect())
    };
    let out = c.embed_with(&["a", "b", "c", "b"], fake).unwrap();
    assert_eq!(calls.get(), 1);
    assert_eq!(out, vec![vec![1.0, 0.0], vec![1.0, 1.0], vec![1.0, 1.0], vec![1.0, 1.0]]);
    assert!(c.is_dirty());
    let again = c.embed_with(&["a", "c"], |_| panic!("nothing left to embed")).unwrap();
    assert_eq!(again.len(), 2);
}
