//! Approximate heap bytes per `Prepared` field on a story (glibc malloc
//! chunks: request + 8 rounded up to 16, at least 32), to see what to shrink.
//!
//! ```sh
//! cargo run --release -p crosscheck-bench --example prepared_size -- STORY
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crosscheck_bench::cli::or_exit;
use crosscheck_pipeline::Options;

fn chunk(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        (n + 8).div_ceil(16).max(2) * 16
    }
}

fn string(s: &str) -> usize {
    chunk(s.len())
}

fn strings(v: &Vec<String>) -> usize {
    chunk(v.capacity() * 24) + v.iter().map(|s| string(s)).sum::<usize>()
}

/// A BTreeSet<String>: about 11 keys per 24-byte-key node of ~290 bytes.
fn set(s: &BTreeSet<String>) -> usize {
    s.len().div_ceil(11) * chunk(11 * 24 + 16) + s.iter().map(|x| string(x)).sum::<usize>()
}

fn main() {
    let Some(story) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: prepared_size STORY");
        std::process::exit(2);
    };
    let opts = Options::default();
    let loaded = or_exit(crosscheck_text::load_story(&story, &opts.ingest));
    let report = crosscheck_pipeline::extract_story(&loaded, &opts);
    let prepared = crosscheck_pipeline::prepare_claims(&report);
    let mut sums: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &prepared {
        *sums.entry("struct (inline)").or_default() += std::mem::size_of_val(p);
        *sums.entry("text").or_default() += string(&p.text);
        *sums.entry("folded").or_default() += string(&p.folded);
        *sums.entry("tokens").or_default() += strings(&p.tokens);
        *sums.entry("stems").or_default() += strings(&p.stems);
        *sums.entry("content").or_default() += strings(&p.content);
        *sums.entry("numbers").or_default() += set(&p.numbers);
        *sums.entry("entity_keys").or_default() += set(&p.entity_keys);
        *sums.entry("capitalised").or_default() += set(&p.capitalised);
        *sums.entry("roles").or_default() += p.roles.iter().map(|(k, v)| string(k) + set(v) + 64).sum::<usize>();
        *sums.entry("quantities").or_default() += chunk(p.quantities.capacity() * std::mem::size_of::<crosscheck_core::Quantity>())
            + p.quantities.iter().map(|q| string(&q.text)).sum::<usize>();
        *sums.entry("speaker").or_default() += p.speaker.as_deref().map_or(0, string);
    }
    let n = prepared.len().max(1);
    let total: usize = sums.values().sum();
    println!("{} claims; about {:.0} bytes per Prepared outside the pair index:", prepared.len(), total as f64 / n as f64);
    for (k, v) in &sums {
        println!("  {k:16} {:7.0}", *v as f64 / n as f64);
    }
}
