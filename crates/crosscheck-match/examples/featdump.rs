//! Research aid: MRPC train pairs as feature rows (label, then every
//! feature), with the shipped IDF table, for studying the model offline.
//!
//! ```text
//! cargo run --release -p crosscheck-match --example featdump -- ../shared/corpora/mrpc/msr_paraphrase_train.txt > mrpc.tsv
//! ```
#![allow(clippy::print_stdout)]

use std::path::PathBuf;

use crosscheck_match::features::FEATURE_NAMES;
use crosscheck_match::training::{pair_features, read_mrpc};
use crosscheck_match::IdfTable;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "../shared/corpora/mrpc/msr_paraphrase_train.txt".into()));
    let mrpc = read_mrpc(&path)?;
    let pairs: Vec<(&str, &str)> = mrpc.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
    let xs = pair_features(&pairs, IdfTable::embedded());
    println!("label\t{}", FEATURE_NAMES.join("\t"));
    for (p, x) in mrpc.iter().zip(xs) {
        let row: Vec<String> = x.iter().map(|v| format!("{v:.4}")).collect();
        println!("{}\t{}", u8::from(p.label), row.join("\t"));
    }
    Ok(())
}
