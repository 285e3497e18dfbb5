//! Single-threaded extraction cost on FNC-1 bodies, for profiling:
//! segmentation (`document_from_text`) and `crosscheck_extract::extract`
//! of the first `MAX` bodies, each in CPU seconds and MB/s.
//!
//! ```sh
//! cargo run --release -p crosscheck-bench --example profile_extract -- [MAX_BODIES] [ROUNDS] [CLAIMS.json] [DOCUMENTS.txt]
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='crosscheck_extract::extract' \
//!     target/release/examples/profile_extract 200
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;

/// The allocator of the `crosscheck` binary.
#[global_allocator]
static GLOBAL: crosscheck_alloc::Allocator = crosscheck_alloc::Allocator;

use crosscheck_bench::cli::or_exit;
use crosscheck_bench::corpora::fnc_bodies;
use crosscheck_bench::measure::cpu_seconds;
use crosscheck_core::Format;
use crosscheck_text::Overrides;

fn main() {
    let mut args = std::env::args().skip(1);
    let max: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
    let rounds: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let dump = args.next();
    let dump_docs = args.next();
    let path = Path::new("../shared/corpora/fnc-1/train_bodies.csv");
    let bodies = or_exit(fnc_bodies(path));
    let bodies = &bodies[..bodies.len().min(max)];
    let bytes: usize = bodies.iter().map(String::len).sum();
    let opts = crosscheck_extract::ExtractOptions::default();
    let (mut seg, mut ext, mut claims) = (0.0, 0.0, 0usize);
    let mut all = Vec::new();
    let mut segmented = String::new();
    for _ in 0..rounds.max(1) {
        let c0 = cpu_seconds();
        let docs: Vec<_> = bodies
            .iter()
            .enumerate()
            .filter_map(|(i, b)| crosscheck_text::document_from_text(&format!("b{i}"), b, Format::Text, &Overrides::default()).ok())
            .collect();
        let c1 = cpu_seconds();
        let out: Vec<_> = docs.iter().map(|d| crosscheck_extract::extract(d, &opts).0).collect();
        let c2 = cpu_seconds();
        claims = out.iter().map(Vec::len).sum();
        all = out;
        seg += c1 - c0;
        ext += c2 - c1;
        if dump_docs.is_some() {
            // Each document's metadata and blocks, to compare segmentation
            // byte for byte.
            segmented = docs.iter().map(|d| format!("{:?}\n{:?}\n", d.article, d.blocks)).collect();
        }
    }
    if let Some(path) = dump {
        // The claims of the last round, to compare builds byte for byte.
        let json = serde_json::to_string(&all).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!("{path}: {e}");
        }
    }
    if let Some(path) = dump_docs {
        if let Err(e) = std::fs::write(&path, &segmented) {
            eprintln!("{path}: {e}");
        }
    }
    let mb = bytes as f64 * rounds.max(1) as f64 / 1e6;
    println!(
        "{} bodies, {:.2} MB, {claims} claims; segmentation {:.2} CPU s ({:.2} MB/s); extraction {:.2} CPU s ({:.2} MB/s); both {:.2} MB/s",
        bodies.len(),
        bytes as f64 / 1e6,
        seg,
        mb / seg,
        ext,
        mb / ext,
        mb / (seg + ext)
    );
}
