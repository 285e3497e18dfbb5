//! Debugging aid: every cross-article claim pair of a story as one TSV row
//! (claim ids, lexical candidate?, lexical score and decision, cosine, the
//! lexical features), for studying the matcher offline.
//!
//! ```text
//! cargo run --release -p crosscheck-embed --features semantic --example pairdump -- STORY > pairs.tsv
//! ```

use std::path::PathBuf;

use crosscheck_embed::{cosine, load_or_explain};
use crosscheck_match::{candidates, decide, features::FEATURE_NAMES, prepare, Model};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let story = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "data/demo".into()));
    let report = crosscheck_pipeline::extract(&story, &Default::default())?;
    let prepared: Vec<_> = report.claims.iter().map(prepare).collect();
    let article_of = crosscheck_pipeline::article_of(&report);
    let cands: std::collections::BTreeSet<(usize, usize)> = candidates(&prepared, &article_of).into_iter().collect();
    let texts: Vec<&str> = report.claims.iter().map(|c| c.text.as_str()).collect();
    let vectors = match load_or_explain(None) {
        Ok(e) => e.embed(&texts)?,
        Err(d) => {
            eprintln!("{}", d.message);
            vec![Vec::new(); texts.len()]
        }
    };
    let model = Model::embedded()?;
    println!("a\tb\tcand\tscore\tkind\tcosine\t{}", FEATURE_NAMES.join("\t"));
    for a in 0..prepared.len() {
        for b in a + 1..prepared.len() {
            if article_of[a] == article_of[b] {
                continue;
            }
            let d = decide(&model, &prepared[a], &prepared[b]);
            let cos = if vectors[a].is_empty() { f32::NAN } else { cosine(&vectors[a], &vectors[b]) };
            let feats: Vec<String> = FEATURE_NAMES.iter().map(|n| format!("{:.4}", d.features.get(*n).copied().unwrap_or(0.0))).collect();
            println!(
                "{}\t{}\t{}\t{:.4}\t{:?}\t{:.4}\t{}",
                report.claims[a].id,
                report.claims[b].id,
                u8::from(cands.contains(&(a, b)) || cands.contains(&(b, a))),
                d.score,
                d.kind,
                cos,
                feats.join("\t")
            );
        }
    }
    Ok(())
}
