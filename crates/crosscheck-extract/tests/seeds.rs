//! Extraction measured on the seed story in `../shared/seeds`. The articles
//! are read at test time and never copied into the repository; when the
//! shared folder is absent these tests say so loudly and skip.

use std::path::{Path, PathBuf};

use crosscheck_core::Claim;
use crosscheck_extract::{extract, ExtractOptions};
use crosscheck_text::{load_story, Story};

/// Least share of attributed seed sentences whose speaker must be right.
const SPEAKER_FLOOR: f64 = 0.90;

fn seeds() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("SKIPPED: ../shared/seeds is missing; the seed-story extraction tests did not run");
        None
    }
}

fn load(dir: &Path) -> (Story, Vec<Claim>) {
    let story = load_story(dir, &Default::default()).unwrap_or_else(|e| panic!("seed story unreadable: {e}"));
    let claims = story.documents.iter().flat_map(|d| extract(d, &ExtractOptions::default()).0).collect();
    (story, claims)
}

#[test]
fn every_claim_text_equals_the_original_bytes_at_its_span() {
    let Some(dir) = seeds() else { return };
    let (story, claims) = load(&dir);
    assert!(claims.len() > 100, "too few claims: {}", claims.len());
    for doc in &story.documents {
        let bytes = std::fs::read(&doc.article.path).unwrap_or_default();
        for c in claims.iter().filter(|c| c.article == doc.article.id) {
            let original = bytes.get(c.span.start..c.span.end).map(String::from_utf8_lossy);
            assert_eq!(original.as_deref(), Some(c.text.as_str()), "claim {} does not match its span", c.id);
        }
    }
}

#[test]
fn claims_are_claims_not_paragraphs() {
    let Some(dir) = seeds() else { return };
    let (_, claims) = load(&dir);
    let mut lengths: Vec<usize> = claims.iter().map(|c| c.text.len()).collect();
    lengths.sort_unstable();
    let median = lengths[lengths.len() / 2];
    assert!(median < 200, "median claim length {median} bytes");
    for c in &claims {
        assert!(!c.text.contains("\n\n"), "claim {} crosses a paragraph break", c.id);
    }
}

#[test]
fn attributed_sentences_carry_the_right_speaker() {
    let Some(dir) = seeds() else { return };
    let (story, claims) = load(&dir);
    let fixture = include_str!("fixtures/seed_speakers.tsv");
    let mut total = 0usize;
    let mut right = 0usize;
    let mut misses = Vec::new();
    for line in fixture.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (prefix, offset, want) = (cols[0], cols[1].parse::<usize>().unwrap_or(0), cols[2]);
        let Some(doc) = story.documents.iter().find(|d| d.article.id.0.starts_with(prefix)) else {
            panic!("no seed article starts with {prefix}");
        };
        total += 1;
        let claim = claims
            .iter()
            .filter(|c| c.article == doc.article.id && c.part_of.is_none())
            .find(|c| c.span.start <= offset && offset < c.span.end);
        let got = claim.and_then(|c| c.attribution.as_ref()).map(|a| a.speaker_key.as_str());
        if got == Some(want) {
            right += 1;
        } else {
            misses.push(format!("{prefix}@{offset}: want {want}, got {got:?}"));
        }
    }
    let share = right as f64 / total as f64;
    eprintln!("speakers right: {right}/{total} = {share:.3}; misses:\n  {}", misses.join("\n  "));
    assert!(share >= SPEAKER_FLOOR, "speaker accuracy {share:.3} below {SPEAKER_FLOOR}");
}

#[test]
fn page_furniture_yields_no_claims() {
    let Some(dir) = seeds() else { return };
    let (_, claims) = load(&dir);
    for c in &claims {
        let lower = c.text.to_lowercase();
        for furniture in ["cookie", "translating...", "follow us", "photo. ", "search trends", "reference(s)"] {
            assert!(!lower.contains(furniture), "claim {} holds furniture: {}", c.id, c.text);
        }
    }
}
