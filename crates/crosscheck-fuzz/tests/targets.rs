//! Every fuzz target's body on a handful of inputs and on every input a
//! fuzz run found crashing (`regressions/<target>/`, one file per finding,
//! named after the symptom). This is how CI exercises the fuzz targets
//! without nightly or cargo-fuzz: the top-level `fuzz/` crate only wraps
//! these functions.

use std::fs;
use std::path::{Path, PathBuf};

use crosscheck_fuzz::TARGETS;

/// Inputs every target runs on, besides the story files and regressions.
const SEEDS: &[&[u8]] = &[
    b"",
    b" ",
    b"\0",
    b"\xff\xfe",
    b"\xfe\xff\x00H\x00i",
    b"\xef\xbb\xbfThe talks lasted 90 minutes.",
    b"Officials said the talks lasted an hour and a half on Tuesday.",
    b"between 10 and 5 people; 3-4 hours; $2.5m; 40%; 1e308e308; 99999999999999999999999 years",
    b"<html><body><p>The union said &amp; <b>then</b> left.</p><script>x</script></body></html>",
    b"<div><div><p>unclosed <i>tags &#x1F600; &bogus;",
    b"\"It was good,\" he said. \"Very good.\" Mr. Smith left at 3 p.m. on Jan. 5...",
    b"\xc3\x28 invalid \xe2\x82 UTF-8 \xf0\x9f\x98 said the minister.",
    "Ünïcödé — “quoted” ‘text’ … 二十 минут 🙂 said Ms. Ōta.".as_bytes(),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The files directly inside `dir`, sorted (none when it is absent).
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    paths.sort();
    paths
}

fn run(name: &str, target: crosscheck_fuzz::Target, input: &[u8], what: &str) -> Option<String> {
    target(input).err().map(|v| format!("{name} on {what}: {v}"))
}

#[test]
fn every_target_keeps_its_invariants_on_seeds_and_story_files() {
    let stories = ["data/demo", "data/hostile"].map(|d| root().join("../..").join(d));
    let story_files: Vec<PathBuf> = stories.iter().flat_map(|d| files(d)).collect();
    assert!(story_files.len() >= 5, "the demo story files were not found");
    let mut failures = Vec::new();
    for &(name, target) in TARGETS {
        for (i, seed) in SEEDS.iter().enumerate() {
            failures.extend(run(name, target, seed, &format!("seed {i}")));
            // The extract target reads its first byte as the format.
            for selector in [0u8, 1, 2] {
                let input = [&[selector][..], seed].concat();
                failures.extend(run(name, target, &input, &format!("seed {i} as format {selector}")));
            }
        }
        for path in &story_files {
            let bytes = fs::read(path).unwrap_or_default();
            failures.extend(run(name, target, &bytes, &path.display().to_string()));
            let html = [b"\x02".as_slice(), &bytes].concat();
            failures.extend(run(name, target, &html, &format!("{} as HTML", path.display())));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_saved_fuzz_finding_stays_fixed() {
    let mut failures = Vec::new();
    let mut count = 0;
    for &(name, target) in TARGETS {
        for path in files(&root().join("regressions").join(name)) {
            let bytes = fs::read(&path).unwrap_or_default();
            count += 1;
            failures.extend(run(name, target, &bytes, &path.display().to_string()));
        }
    }
    eprintln!("{count} saved fuzz finding(s) replayed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[should_panic(expected = "no fuzz target named")]
fn an_unknown_target_is_refused() {
    crosscheck_fuzz::check("nothing", b"");
}
