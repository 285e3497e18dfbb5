//! Debugging aid: scores every cross-article claim pair of a story and says
//! which ones blocking proposed. `cargo run --example pairdebug -- STORY`
use std::collections::BTreeSet;

fn main() -> anyhow::Result<()> {
    let story = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: pairdebug STORY"))?;
    let report = crosscheck_cli::extract_report(std::path::Path::new(&story), &Default::default())?;
    let model = match std::env::var("MODEL") {
        Ok(path) => crosscheck_match::Model::from_json(&std::fs::read_to_string(path)?)?,
        Err(_) => crosscheck_match::Model::embedded()?,
    };
    let prepared: Vec<_> = report.claims.iter().map(crosscheck_match::prepare).collect();
    let ids: Vec<&str> = report.claims.iter().map(|c| c.article.0.as_str()).collect();
    let article_of: Vec<usize> = ids.iter().map(|a| report.articles.iter().position(|x| x.id.0 == *a).unwrap_or(0)).collect();
    let cands: BTreeSet<(usize, usize)> = crosscheck_match::candidates(&prepared, &article_of).into_iter().collect();
    for a in 0..prepared.len() {
        for b in a + 1..prepared.len() {
            if article_of[a] == article_of[b] {
                continue;
            }
            let d = crosscheck_match::decide(&model, &prepared[a], &prepared[b]);
            let cand = cands.contains(&(a, b)) || cands.contains(&(b, a));
            let f = |n: &str| d.features.get(n).copied().unwrap_or(0.0);
            println!(
                "{}\t{}\t{:.3}\t{:?}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.3}",
                report.claims[a].id,
                report.claims[b].id,
                d.score,
                d.kind,
                cand,
                f("idf_containment_min"),
                f("idf_containment_max"),
                f("entity_shared"),
                f("tfidf_cosine")
            );
        }
    }
    Ok(())
}
