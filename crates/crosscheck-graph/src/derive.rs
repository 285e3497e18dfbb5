//! Article-level provenance: which article rewrote or copied which.
//!
//! Three signals, each reported as evidence: a credit line naming the
//! other article's outlet ("Reference(s): example.com"), the share of the
//! article's claims that match claims of the other near-verbatim or as
//! close paraphrases, and whether those matches keep the other's order. A
//! credited source needs only a modest share of matches; an uncredited
//! copy needs most of its claims matched, in order. Publication dates,
//! when known, decide the direction.
//!
//! Only the outlet's own sentences count as evidence: direct quotations
//! are left out on both sides (two outlets quoting the same statement are
//! independent reports of what was said, not a copy of each other), and so
//! are narrower claims cut out of another claim (they would count one
//! sentence twice).

use std::collections::BTreeMap;

use crosscheck_core::{Article, ArticleId, AttributionMode, Claim, CreditKind, Derivation, EdgeKind};

use crate::options::GraphOptions;

/// A matched pair of claims with its kind, by claim index.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    /// One claim.
    pub a: usize,
    /// The other claim.
    pub b: usize,
    /// Verbatim or paraphrase.
    pub kind: EdgeKind,
}

/// Lower-case letters and digits of an outlet or domain, without `www.`
/// and a top-level domain: "cgtn.com" and "CGTN" both give "cgtn".
pub fn outlet_stem(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    let base = match lower.rsplit_once('.') {
        Some((head, tld)) if (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic()) => head,
        _ => lower,
    };
    base.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What [`credits`] compares, computed once per article: the outlet stems
/// that name it, and the stems of the names in its credit lines.
struct CreditStems {
    /// Stems of the outlet and of the article id (as a credit may name either).
    targets: Vec<String>,
    /// (credit index, stem of one credited name), reference and wire credits only.
    credited: Vec<(usize, String)>,
}

fn credit_stems(a: &Article) -> CreditStems {
    CreditStems {
        targets: [a.outlet.value.as_deref(), Some(a.id.0.as_str())].into_iter().flatten().map(outlet_stem).collect(),
        credited: a
            .credits
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.kind, CreditKind::Reference | CreditKind::WireInput))
            .flat_map(|(k, c)| c.names.iter().map(move |n| (k, outlet_stem(n))))
            .collect(),
    }
}

/// The credit line of `derived` that names the outlet of `source`, as evidence.
fn credits(derived: &Article, stems: &[CreditStems], (d, s): (usize, usize)) -> Option<String> {
    let targets = &stems[s].targets;
    stems[d]
        .credited
        .iter()
        .find(|(_, stem)| !stem.is_empty() && targets.iter().any(|t| !t.is_empty() && t == stem))
        .map(|(k, _)| format!("credit line \"{}\" names the source", derived.credits[*k].text.replace('\n', " ").trim()))
}

/// A claim in the outlet's own words: not a direct quotation, not a
/// narrower part of another claim.
fn is_evidence(c: &Claim) -> bool {
    c.mode != AttributionMode::DirectQuote && c.part_of.is_none()
}

/// Per ordered article pair: the derived article's claims that match the
/// source, as (derived claim, source claim) positions; evidence claims only.
fn matched(claims: &[Claim], article_index: &[usize], matches: &[Match]) -> BTreeMap<(usize, usize), Vec<(usize, usize)>> {
    let mut out: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for m in matches {
        let (x, y) = (article_index[m.a], article_index[m.b]);
        if x == y || claims[m.a].article == claims[m.b].article || !is_evidence(&claims[m.a]) || !is_evidence(&claims[m.b]) {
            continue;
        }
        out.entry((x, y)).or_default().push((m.a, m.b));
        out.entry((y, x)).or_default().push((m.b, m.a));
    }
    out
}

/// Share of matches (best per derived claim, in derived order) whose source
/// positions increase.
fn order_kept(pairs: &[(usize, usize)]) -> f64 {
    let mut best: BTreeMap<usize, usize> = BTreeMap::new();
    for &(d, s) in pairs {
        best.entry(d).or_insert(s);
    }
    let seq: Vec<usize> = best.values().copied().collect();
    if seq.len() < 2 {
        return 1.0;
    }
    let kept = seq.windows(2).filter(|w| w[1] >= w[0]).count();
    kept as f64 / (seq.len() - 1) as f64
}

/// Finds derivations between the articles of a story.
pub fn derivations(
    articles: &[Article],
    claims: &[Claim],
    article_index: &[usize],
    matches: &[Match],
    opts: &GraphOptions,
) -> Vec<Derivation> {
    let mut per_article = vec![0usize; articles.len()];
    for (c, &a) in claims.iter().zip(article_index) {
        if is_evidence(c) {
            per_article[a] += 1;
        }
    }
    let pairs = matched(claims, article_index, matches);
    let stems: Vec<CreditStems> = articles.iter().map(credit_stems).collect();
    let mut found: Vec<Derivation> = Vec::new();
    for (&(d, s), list) in &pairs {
        let mut derived_claims: Vec<usize> = list.iter().map(|p| p.0).collect();
        derived_claims.sort_unstable();
        derived_claims.dedup();
        let share = derived_claims.len() as f64 / per_article[d].max(1) as f64;
        let order = order_kept(list);
        let credit = credits(&articles[d], &stems, (d, s));
        let qualifies = match &credit {
            Some(_) => share >= opts.derivation_min_share,
            None => share >= opts.derivation_uncredited_share && order >= opts.derivation_min_order,
        };
        if !qualifies || !direction_ok(&articles[d], &articles[s], credit.is_some(), &pairs, (d, s), per_article.as_slice()) {
            continue;
        }
        let mut evidence = Vec::new();
        evidence.extend(credit.clone());
        evidence.push(format!("{:.0}% of its claims match the source's", share * 100.0));
        evidence.push(format!("{:.0}% of the matches keep the source's order", order * 100.0));
        if let (Some(a), Some(b)) = (articles[d].published.value, articles[s].published.value) {
            evidence.push(format!("published {a}, source published {b}"));
        }
        let score = (if credit.is_some() { 0.5 } else { 0.0 } + 0.3 * share.min(1.0) + 0.2 * order).min(1.0);
        found.push(Derivation {
            article: articles[d].id.clone(),
            derived_from: articles[s].id.clone(),
            evidence,
            score: (score * 1000.0).round() / 1000.0,
        });
    }
    keep_one_direction(&mut found);
    found.sort_by(|a, b| a.article.cmp(&b.article).then(a.derived_from.cmp(&b.derived_from)));
    found
}

/// Two articles cannot each be the other's copy: of a pair found both ways,
/// the better-evidenced direction stays (a credit line outweighs overlap).
fn keep_one_direction(found: &mut Vec<Derivation>) {
    let snapshot = found.clone();
    found.retain(|d| {
        !snapshot.iter().any(|o| {
            o.article == d.derived_from
                && o.derived_from == d.article
                && (o.score > d.score || (o.score == d.score && o.article < d.article))
        })
    });
}

/// Without a credit, the later (or, undated, the more fully matched)
/// article is the copy.
fn direction_ok(
    derived: &Article,
    source: &Article,
    credited: bool,
    pairs: &BTreeMap<(usize, usize), Vec<(usize, usize)>>,
    (d, s): (usize, usize),
    per_article: &[usize],
) -> bool {
    if credited {
        return true;
    }
    if let (Some(a), Some(b)) = (derived.published.value, source.published.value) {
        if a != b {
            return a > b;
        }
    }
    let share = |x: usize, y: usize| {
        let mut c: Vec<usize> = pairs.get(&(x, y)).map(|l| l.iter().map(|p| p.0).collect()).unwrap_or_default();
        c.sort_unstable();
        c.dedup();
        c.len() as f64 / per_article[x].max(1) as f64
    };
    let (mine, theirs) = (share(d, s), share(s, d));
    mine > theirs || (mine == theirs && derived.id > source.id)
}

/// Identifiers of the origins of each article: articles linked by
/// derivation share one origin.
pub fn origins(articles: &[Article], derivations: &[Derivation]) -> Vec<usize> {
    let index: BTreeMap<&ArticleId, usize> = articles.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    let mut uf = petgraph::unionfind::UnionFind::<usize>::new(articles.len());
    for d in derivations {
        if let (Some(&a), Some(&b)) = (index.get(&d.article), index.get(&d.derived_from)) {
            uf.union(a, b);
        }
    }
    for (i, a) in articles.iter().enumerate() {
        if let Some(&dup) = a.duplicate_of.as_ref().and_then(|d| index.get(d)) {
            uf.union(i, dup);
        }
    }
    (0..articles.len()).map(|i| uf.find(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_stems_meet_across_domains_and_names() {
        assert_eq!(outlet_stem("cgtn.com"), "cgtn");
        assert_eq!(outlet_stem("CGTN"), "cgtn");
        assert_eq!(outlet_stem("www.Daily-Planet.co"), "dailyplanet");
    }

    #[test]
    fn only_the_better_direction_of_a_pair_is_kept() {
        let d = |a: &str, b: &str, score: f64| Derivation {
            article: ArticleId(a.into()),
            derived_from: ArticleId(b.into()),
            evidence: vec![],
            score,
        };
        let mut found = vec![d("x", "y", 0.4), d("y", "x", 0.9), d("z", "x", 0.5)];
        keep_one_direction(&mut found);
        assert_eq!(found, vec![d("y", "x", 0.9), d("z", "x", 0.5)]);
    }

    #[test]
    fn order_kept_counts_monotone_steps() {
        assert_eq!(order_kept(&[(0, 0), (1, 1), (2, 2)]), 1.0);
        assert_eq!(order_kept(&[(0, 2), (1, 1), (2, 0)]), 0.0);
    }
}
