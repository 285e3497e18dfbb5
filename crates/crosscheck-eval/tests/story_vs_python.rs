//! Cross-checks the Rust story scorer against the reference scorer
//! `shared/eval/score.py` on synthetic reports built from the seed story's
//! gold annotation. Skips loudly when `shared/` or python3 is missing.

#![allow(clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crosscheck_core::{
    Article, ArticleId, AttributionMode, Claim, ClaimId, ClaimKind, Cluster, ClusterId, ClusterStatus, Derivation,
    Dispute, DisputeKind, Format, Inferred, Report, Span,
};
use crosscheck_eval::{explain, load_articles, load_gold, score, Gold, GoldMention};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(SHARED);
    if p.join("eval/score.py").is_file() && p.join("gold/seed-story.gold.json").is_file() {
        Some(p)
    } else {
        eprintln!("SKIPPED: ../shared missing ({SHARED})");
        None
    }
}

fn article(id: &str, bytes: usize) -> Article {
    Article {
        id: ArticleId(id.to_string()),
        path: format!("{id}.txt"),
        format: Format::Text,
        outlet: Inferred::unknown(),
        published: Inferred::unknown(),
        title: None,
        credits: Vec::new(),
        duplicate_of: None,
        bytes,
    }
}

fn cluster(id: &str, status: ClusterStatus, claims: Vec<ClaimId>) -> Cluster {
    Cluster {
        id: ClusterId(id.to_string()),
        status,
        disputed: false,
        representative: claims.first().cloned().unwrap_or(ClaimId(String::new())),
        summary: String::new(),
        claims,
        articles: Vec::new(),
        outlets: Vec::new(),
        independent_sources: 0,
        occurrences: Vec::new(),
        reason: String::new(),
    }
}

fn status_of(s: Option<&str>) -> ClusterStatus {
    match s {
        Some("corroborated") => ClusterStatus::Corroborated,
        Some("paraphrased") => ClusterStatus::Paraphrased,
        _ => ClusterStatus::SingleSourced,
    }
}

/// Builds reports claim by claim.
struct Builder<'a> {
    arts: &'a BTreeMap<String, Vec<u8>>,
    report: Report,
}

impl<'a> Builder<'a> {
    fn new(arts: &'a BTreeMap<String, Vec<u8>>) -> Self {
        let articles = arts.iter().map(|(k, v)| article(k, v.len())).collect();
        let report = Report::new("crosscheck-eval test", "seeds", articles, Vec::new());
        Builder { arts, report }
    }

    fn key(&self, doc: &str) -> String {
        self.arts.keys().find(|k| k.starts_with(doc)).cloned().unwrap_or_default()
    }

    fn claim(&mut self, art: &str, start: usize, end: usize) -> ClaimId {
        let n = self.report.claims.iter().filter(|c| c.article.0 == art).count() + 1;
        let aid = ArticleId(art.to_string());
        let text = self.arts.get(art).and_then(|b| b.get(start..end)).unwrap_or_default();
        let claim = Claim {
            id: ClaimId::new(&aid, n),
            article: aid,
            span: Span { start, end },
            text: String::from_utf8_lossy(text).into_owned(),
            kind: ClaimKind::Body,
            attribution: None,
            mode: AttributionMode::OutletStatement,
            entities: Vec::new(),
            quantities: Vec::new(),
            negated: false,
            hedged: false,
            paragraph: 0,
            part_of: None,
            resolved_text: None,
        };
        self.report.claims.push(claim);
        self.report.claims.last().map(|c| c.id.clone()).unwrap_or(ClaimId(String::new()))
    }

    /// A claim exactly on a gold mention.
    fn mention_claim(&mut self, m: &GoldMention) -> ClaimId {
        let key = self.key(m.doc());
        let (s, e) = match m {
            GoldMention::Quote { quote, .. } => {
                let hay = &self.arts[&key];
                let i = hay.windows(quote.len()).position(|w| w == quote.as_bytes()).unwrap_or(0);
                (i, i + quote.len())
            }
            GoldMention::Offsets { start, end, .. } => (*start as usize, *end as usize),
        };
        self.claim(&key, s, e)
    }

    fn dispute(&mut self, id: &str, cluster: Option<&str>, claims: Vec<ClaimId>) {
        self.report.disputes.push(Dispute {
            id: id.to_string(),
            cluster: cluster.map(|c| ClusterId(c.to_string())),
            claims,
            kind: DisputeKind::Role,
            detail: String::new(),
            sides: Vec::new(),
        });
    }

    fn derivation(&mut self, a: &str, b: &str) {
        let (a, b) = (self.key(a), self.key(b));
        self.report.derivations.push(Derivation {
            article: ArticleId(a),
            derived_from: ArticleId(b),
            evidence: Vec::new(),
            score: 1.0,
        });
    }
}

/// One claim per gold mention, clustered by gold cluster with the gold
/// status; the gold disputes and derivations reported as such.
fn perfect(gold: &Gold, arts: &BTreeMap<String, Vec<u8>>) -> Report {
    let mut b = Builder::new(arts);
    for (i, g) in gold.clusters.iter().enumerate() {
        let ids: Vec<ClaimId> = g.mentions.iter().map(|m| b.mention_claim(m)).collect();
        b.report.clusters.push(cluster(&format!("C{}", i + 1), status_of(g.status.as_deref()), ids));
    }
    for (i, d) in gold.disputes.iter().enumerate() {
        let ids: Vec<ClaimId> = d.sides.iter().flat_map(|s| &s.mentions).map(|m| b.mention_claim(m)).collect();
        b.dispute(&format!("D{}", i + 1), None, ids);
    }
    for (doc, o) in &gold.outlets {
        if let Some(from) = &o.derived_from {
            b.derivation(doc, from);
        }
    }
    b.report
}

/// Whole paragraphs as claims, clustered by paragraph index: long claims
/// cover few mentions.
fn paragraphs(arts: &BTreeMap<String, Vec<u8>>) -> Report {
    let mut b = Builder::new(arts);
    let mut by_index: BTreeMap<usize, Vec<ClaimId>> = BTreeMap::new();
    for (key, bytes) in arts {
        let mut start = 0;
        let mut idx = 0;
        for (i, w) in bytes.windows(2).enumerate() {
            if w == b"\n\n" && i > start {
                by_index.entry(idx).or_default().push(b.claim(key, start, i));
                idx += 1;
                start = i + 2;
            }
        }
        if start < bytes.len() {
            by_index.entry(idx).or_default().push(b.claim(key, start, bytes.len()));
        }
    }
    for (i, ids) in by_index {
        b.report.clusters.push(cluster(&format!("P{i}"), ClusterStatus::Corroborated, ids));
    }
    b.dispute("D1", Some("P1"), Vec::new());
    b.report
}

/// A small deterministic pseudo-random generator (LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Claims on gold mentions and on sentences, clustered at random, with
/// random statuses (ties in the status vote), random disputes, spurious
/// derivations and claims over page furniture.
fn random(gold: &Gold, arts: &BTreeMap<String, Vec<u8>>, seed: u64, n_clusters: usize) -> Report {
    let mut rng = Lcg(seed);
    let mut b = Builder::new(arts);
    let mut ids: Vec<ClaimId> = Vec::new();
    for g in &gold.clusters {
        for m in &g.mentions {
            if rng.next(5) > 0 {
                ids.push(b.mention_claim(m));
            }
        }
    }
    for (key, bytes) in arts {
        let mut start = 0;
        for (i, c) in bytes.iter().enumerate() {
            if (*c == b'.' || *c == b'\n') && i > start + 1 {
                if rng.next(3) == 0 {
                    ids.push(b.claim(key, start, i + 1));
                }
                start = i + 1;
            }
        }
    }
    let statuses = [ClusterStatus::Corroborated, ClusterStatus::Paraphrased, ClusterStatus::SingleSourced];
    let mut clusters: Vec<Vec<ClaimId>> = vec![Vec::new(); n_clusters];
    for id in ids {
        if rng.next(6) > 0 {
            clusters[rng.next(n_clusters)].push(id);
        }
    }
    for (i, cl) in clusters.into_iter().enumerate() {
        b.report.clusters.push(cluster(&format!("R{i}"), statuses[rng.next(3)], cl));
    }
    for i in 0..6 {
        let claims: Vec<ClaimId> = (0..3).map(|_| b.report.claims[rng.next(b.report.claims.len())].id.clone()).collect();
        let cl = format!("R{}", rng.next(n_clusters));
        b.dispute(&format!("D{i}"), (i % 2 == 0).then_some(cl.as_str()), claims);
    }
    b.derivation("001", "000");
    b.derivation("003", "002");
    b.report
}

fn python_scores(shared: &Path, report: &Report, name: &str) -> Option<serde_json::Value> {
    let path = std::env::temp_dir().join(format!("crosscheck-eval-{}-{name}.json", std::process::id()));
    let json = serde_json::to_vec_pretty(report).ok()?;
    std::fs::write(&path, json).ok()?;
    let out = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(&path)
        .arg(shared.join("gold/seed-story.gold.json"))
        .arg(shared.join("seeds"))
        .arg("--json")
        .output();
    let _ = std::fs::remove_file(&path);
    match out {
        Ok(o) if o.status.success() => serde_json::from_slice(&o.stdout).ok(),
        Ok(o) => panic!("score.py failed on {name}: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => {
            eprintln!("SKIPPED: python3 not runnable ({e})");
            None
        }
    }
}

fn load(shared: &Path) -> (Gold, BTreeMap<String, Vec<u8>>) {
    let gold = load_gold(shared.join("gold/seed-story.gold.json")).expect("gold loads");
    let arts = load_articles(shared.join("seeds")).expect("seeds load");
    (gold, arts)
}

/// Scores `report` both ways and asserts equality; returns the Rust figures.
fn cross_check(shared: &Path, report: &Report, name: &str) -> crosscheck_eval::StoryScores {
    let (gold, arts) = load(shared);
    // The report goes through JSON, as the engine writes it.
    let json = serde_json::to_string(report).expect("serialises");
    let report: Report = serde_json::from_str(&json).expect("round-trips as crosscheck_core::Report");
    let rust = score(&report, &gold, &arts).expect("scores");
    if let Some(py) = python_scores(shared, &report, name) {
        assert_eq!(rust.display_json(), py, "{name}: Rust vs score.py");
        eprintln!("{name}: Rust == score.py: {py}");
    }
    rust
}

#[test]
fn perfect_report_scores_perfectly_and_matches_python() {
    let Some(sh) = shared() else { return };
    let (gold, arts) = load(&sh);
    let s = cross_check(&sh, &perfect(&gold, &arts), "perfect");
    assert_eq!(s.mention_recall, 1.0);
    assert_eq!(s.pair_recall, 1.0);
    assert_eq!(s.pair_precision, 1.0);
    assert_eq!(s.dispute_recall, Some(1.0));
    assert_eq!((s.derivations_found, s.derivations_gold, s.derivations_spurious), (1, 1, 0));
    assert_eq!(s.furniture_claims, 0);
    let lines = explain(&perfect(&gold, &arts), &gold, &arts);
    assert!(lines.iter().all(|l| !l.starts_with("uncovered") && !l.starts_with("split")), "{lines:#?}");
}

#[test]
fn paragraph_claims_cover_few_mentions_and_match_python() {
    let Some(sh) = shared() else { return };
    let (gold, arts) = load(&sh);
    let report = paragraphs(&arts);
    let s = cross_check(&sh, &report, "paragraphs");
    assert!(s.mention_recall < 0.9, "paragraph claims should not cover most mentions: {s:?}");
    assert!(s.furniture_claims > 0);
    let lines = explain(&report, &gold, &arts);
    eprintln!("explain (paragraphs), first findings:\n{}", lines.iter().take(6).cloned().collect::<Vec<_>>().join("\n"));
    assert!(lines.iter().any(|l| l.starts_with("uncovered") && l.contains("bytes long (limit")), "{lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("furniture claim")));
}

#[test]
fn random_reports_match_python() {
    let Some(sh) = shared() else { return };
    let (gold, arts) = load(&sh);
    for (seed, n) in [(1, 3), (2, 10), (3, 40), (4, 80), (5, 2)] {
        let report = random(&gold, &arts, seed, n);
        let s = cross_check(&sh, &report, &format!("random-{seed}"));
        assert!(s.system_cross_pairs > 0);
        assert!(s.derivations_spurious == 1 && s.derivations_found == 1);
        assert!(!explain(&report, &gold, &arts).is_empty());
    }
}

#[test]
fn empty_report_matches_python() {
    let Some(sh) = shared() else { return };
    let (_, arts) = load(&sh);
    let s = cross_check(&sh, &Builder::new(&arts).report, "empty");
    assert_eq!((s.mention_recall, s.pair_f1, s.status_accuracy), (0.0, 0.0, 0.0));
    assert_eq!(s.dispute_recall, Some(0.0));
}

#[test]
fn bad_gold_is_an_error_not_a_panic() {
    let Some(sh) = shared() else { return };
    let (mut gold, arts) = load(&sh);
    let report = Builder::new(&arts).report;
    gold.clusters[0].mentions[0] = GoldMention::Quote { doc: "000".into(), quote: "not in the text at all".into() };
    let err = score(&report, &gold, &arts).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("gold quote not in 000_"), "{err}");
    gold.clusters[0].mentions[0] = GoldMention::Quote { doc: "00".into(), quote: "x".into() };
    let err = score(&report, &gold, &arts).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("matches"), "{err}");
    assert!(explain(&report, &gold, &arts).iter().any(|l| l.starts_with("error:")));
}

#[test]
fn offset_mentions_are_checked_by_sha1() {
    let Some(sh) = shared() else { return };
    let (mut gold, arts) = load(&sh);
    let report = perfect(&gold, &arts);
    let key = arts.keys().find(|k| k.starts_with("000")).cloned().unwrap_or_default();
    let text = &arts[&key];
    let want = sha1_hex(&text[10..40]);
    gold.clusters[0].mentions[0] = GoldMention::Offsets { doc: "000".into(), start: 10, end: 40, sha1: Some(want) };
    assert!(score(&report, &gold, &arts).is_ok());
    gold.clusters[0].mentions[0] =
        GoldMention::Offsets { doc: "000".into(), start: 11, end: 40, sha1: Some(sha1_hex(&text[10..40])) };
    let err = score(&report, &gold, &arts).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("gold offsets do not match"), "{err}");
}

fn sha1_hex(b: &[u8]) -> String {
    sha1_smol::Sha1::from(b).digest().to_string()
}

#[test]
fn sha1_matches_the_standard_vector() {
    assert_eq!(sha1_hex(b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

/// Every mention in its own cluster; statuses alternate wrong, right, so
/// two-mention gold clusters tie and Counter.most_common's first-counted
/// rule decides (against the gold).
fn ties(gold: &Gold, arts: &BTreeMap<String, Vec<u8>>) -> Report {
    let mut b = Builder::new(arts);
    let mut n = 0;
    for g in &gold.clusters {
        let right = status_of(g.status.as_deref());
        let wrong = if right == ClusterStatus::Paraphrased { ClusterStatus::Corroborated } else { ClusterStatus::Paraphrased };
        for (i, m) in g.mentions.iter().enumerate() {
            let id = b.mention_claim(m);
            n += 1;
            b.report.clusters.push(cluster(&format!("T{n}"), if i % 2 == 0 { wrong } else { right }, vec![id]));
        }
    }
    b.report
}

#[test]
fn status_ties_follow_counter_order_like_python() {
    let Some(sh) = shared() else { return };
    let (gold, arts) = load(&sh);
    let s = cross_check(&sh, &ties(&gold, &arts), "ties");
    // A cluster with an even number of mentions ties and loses; odd ones lose
    // by one vote (a few win through claims of overlapping gold mentions).
    assert!(s.status_accuracy < 0.1, "{s:?}");
    assert_eq!(s.system_cross_pairs, 0);
}
