//! Experiment: fit the matcher's logistic regression on ECB+ cross-document
//! sentence pairs (positive = both mention one coreferent event) and write
//! the model to a file. `cargo run --release --example ecbmodel -- OUT.json`
use std::collections::BTreeMap;

fn main() -> anyhow::Result<()> {
    let out = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: ecbmodel OUT.json"))?;
    let root = std::path::Path::new("../shared/corpora/ecbplus");
    let topics = crosscheck_eval::corpora::read_ecb(root)?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut ys = Vec::new();
    for t in &topics {
        let text: BTreeMap<(String, u32), &str> = t
            .documents
            .iter()
            .flat_map(|d| d.sentences.iter().map(move |s| ((d.name.clone(), s.number), s.text.as_str())))
            .collect();
        for (n, p) in crosscheck_eval::corpora::ecb_pairs(t).into_iter().enumerate() {
            if n % 3 != 0 {
                continue;
            }
            let (Some(a), Some(b)) = (text.get(&(p.a.doc.clone(), p.a.sentence)), text.get(&(p.b.doc.clone(), p.b.sentence))) else { continue };
            pairs.push((a.to_string(), b.to_string()));
            ys.push(p.gold);
        }
    }
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let idf = crosscheck_match::IdfTable::embedded();
    let xs = crosscheck_match::training::pair_features(&refs, idf);
    let cv = crosscheck_match::training::cross_validate(&xs, &ys, 5, 1.0)?;
    eprintln!("{} pairs, {} positive; 5-fold CV {:?}", ys.len(), ys.iter().filter(|y| **y).count(), cv);
    let model = crosscheck_match::model::fit(&xs, &ys, 1.0)?;
    std::fs::write(out, model.to_json()?)?;
    Ok(())
}
