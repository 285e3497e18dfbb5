//! The story scorer: a report against a gold annotation, exactly as
//! `shared/eval/score.py` computes it.
//!
//! Every step below mirrors a block of score.py, in the same order, with the
//! same arithmetic, so that the figures are equal to the last bit. Where
//! Python semantics matter (first match of a byte `find`, slicing with
//! clamped offsets, `Counter.most_common` tie order, truthiness of empty
//! strings) the comment says so.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use crosscheck_core::{ClusterStatus, Report};
use serde::Serialize;

use crate::error::EvalError;
use crate::gold::{Boilerplate, Gold, GoldMention};

/// Covering rule, score.py `covering`: a claim covers a gold mention of `L`
/// bytes when it overlaps at least `COVER_OVERLAP_NUM / COVER_OVERLAP_DEN · L`
/// bytes of it ...
const COVER_OVERLAP_NUM: i64 = 1;
/// ... (denominator of that fraction: one half) ...
const COVER_OVERLAP_DEN: i64 = 2;
/// ... and is at most `COVER_LENGTH_FACTOR · L + COVER_LENGTH_SLACK` bytes long.
const COVER_LENGTH_FACTOR: i64 = 3;
/// Slack of the length limit, about a sentence.
const COVER_LENGTH_SLACK: i64 = 200;
/// Decimals kept when figures are displayed (score.py's `round(x, 3)`).
const DISPLAY_DECIMALS: usize = 3;

/// The figures score.py prints, unrounded, with the counts they come from.
/// [`StoryScores::display_json`] and the `Display` impl give the rounded form
/// that score.py prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryScores {
    /// Share of gold mentions covered by at least one claim.
    pub mention_recall: f64,
    /// Share of system cross-article claim pairs (same cluster) whose claims
    /// cover a common gold cluster.
    pub pair_precision: f64,
    /// Share of gold cross-article mention pairs whose mentions are covered
    /// by claims of one system cluster.
    pub pair_recall: f64,
    /// Harmonic mean of pair precision and recall.
    pub pair_f1: f64,
    /// Share of gold clusters whose covering claims vote (majority) for the
    /// gold status.
    pub status_accuracy: f64,
    /// Share of clear gold disputes matched by a reported dispute holding
    /// claims of two sides; `None` without clear gold disputes.
    pub dispute_recall: Option<f64>,
    /// Number of gold cross-article mention pairs.
    pub gold_pairs: usize,
    /// Number of system cross-article claim pairs.
    pub system_cross_pairs: usize,
    /// Number of disputes in the report.
    pub disputes_reported: usize,
    /// (claim, furniture string) pairs that overlap: claims drawn from page furniture.
    pub furniture_claims: usize,
    /// Gold derivations the report found.
    pub derivations_found: usize,
    /// Gold derivations.
    pub derivations_gold: usize,
    /// Reported derivations that are not gold.
    pub derivations_spurious: usize,
    /// Number of gold mentions (denominator of mention recall).
    pub mentions: usize,
    /// Gold mentions covered by a claim.
    pub mentions_covered: usize,
    /// Gold cross-article pairs found (numerator of pair recall).
    pub gold_pairs_found: usize,
    /// System cross-article pairs that are right (numerator of pair precision).
    pub system_pairs_good: usize,
    /// Gold clusters with the right majority status.
    pub status_correct: usize,
    /// Clear gold disputes.
    pub disputes_gold: usize,
    /// Clear gold disputes found.
    pub disputes_found: usize,
}

/// `x` rounded to `decimals` decimals the way Python's `round` does it:
/// correctly rounded from the exact binary value, ties to even.
pub fn py_round(x: f64, decimals: usize) -> f64 {
    format!("{x:.decimals$}").parse().unwrap_or(x)
}

impl StoryScores {
    /// The figures exactly as `score.py --json` prints them: rates rounded to
    /// three decimals, `derivations_found` as `"found/gold"`.
    pub fn display_json(&self) -> serde_json::Value {
        let r = |x: f64| py_round(x, DISPLAY_DECIMALS);
        serde_json::json!({
            "mention_recall": r(self.mention_recall),
            "pair_precision": r(self.pair_precision),
            "pair_recall": r(self.pair_recall),
            "pair_f1": r(self.pair_f1),
            "status_accuracy": r(self.status_accuracy),
            "dispute_recall": self.dispute_recall.map(r),
            "gold_pairs": self.gold_pairs,
            "system_cross_pairs": self.system_cross_pairs,
            "disputes_reported": self.disputes_reported,
            "furniture_claims": self.furniture_claims,
            "derivations_found": format!("{}/{}", self.derivations_found, self.derivations_gold),
            "derivations_spurious": self.derivations_spurious,
        })
    }
}

impl fmt::Display for StoryScores {
    /// score.py's text output: one `name: value` line per figure.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = |x: f64| format!("{:?}", py_round(x, DISPLAY_DECIMALS));
        let dispute = self.dispute_recall.map_or_else(|| "None".to_string(), r);
        writeln!(f, "mention_recall: {}", r(self.mention_recall))?;
        writeln!(f, "pair_precision: {}", r(self.pair_precision))?;
        writeln!(f, "pair_recall: {}", r(self.pair_recall))?;
        writeln!(f, "pair_f1: {}", r(self.pair_f1))?;
        writeln!(f, "status_accuracy: {}", r(self.status_accuracy))?;
        writeln!(f, "dispute_recall: {dispute}")?;
        writeln!(f, "gold_pairs: {}", self.gold_pairs)?;
        writeln!(f, "system_cross_pairs: {}", self.system_cross_pairs)?;
        writeln!(f, "disputes_reported: {}", self.disputes_reported)?;
        writeln!(f, "furniture_claims: {}", self.furniture_claims)?;
        writeln!(f, "derivations_found: {}/{}", self.derivations_found, self.derivations_gold)?;
        writeln!(f, "derivations_spurious: {}", self.derivations_spurious)
    }
}

/// A gold mention located in an article: article id and byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Loc<'a> {
    key: &'a str,
    start: i64,
    end: i64,
}

impl Loc<'_> {
    fn len(&self) -> i64 {
        self.end - self.start
    }
}

/// First occurrence of `needle` in `hay` (Python's `bytes.find`; an empty
/// needle is found at 0).
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Python's `b[s:e]` for possibly negative or out-of-range offsets.
fn py_slice(b: &[u8], s: i64, e: i64) -> &[u8] {
    let n = b.len() as i64;
    let clamp = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let (s, e) = (clamp(s) as usize, clamp(e) as usize);
    if s < e {
        &b[s..e]
    } else {
        &[]
    }
}

/// Resolves gold doc keys and mentions against the article files.
struct Locator<'a> {
    articles: &'a BTreeMap<String, Vec<u8>>,
}

impl<'a> Locator<'a> {
    /// score.py `doc_key`: the single article id that starts with `doc`.
    fn doc_key(&self, doc: &str) -> Result<&'a str, EvalError> {
        let ks: Vec<&'a String> = self.articles.keys().filter(|k| k.starts_with(doc)).collect();
        match ks.as_slice() {
            [k] => Ok(k.as_str()),
            _ => Err(EvalError::DocKey { doc: doc.to_string(), matches: ks.into_iter().cloned().collect() }),
        }
    }

    fn text(&self, key: &str) -> &'a [u8] {
        self.articles.get(key).map(Vec::as_slice).unwrap_or_default()
    }

    /// score.py `locate`.
    fn locate(&self, m: &GoldMention) -> Result<Loc<'a>, EvalError> {
        let key = self.doc_key(m.doc())?;
        let text = self.text(key);
        match m {
            GoldMention::Offsets { start, end, sha1, .. } => {
                if let Some(want) = sha1 {
                    let got = sha1_smol::Sha1::from(py_slice(text, *start, *end)).digest().to_string();
                    if &got != want {
                        return Err(EvalError::OffsetMismatch { article: key.to_string(), start: *start, end: *end });
                    }
                }
                Ok(Loc { key, start: *start, end: *end })
            }
            GoldMention::Quote { quote, .. } => match find(text, quote.as_bytes()) {
                Some(i) => Ok(Loc { key, start: i as i64, end: (i + quote.len()) as i64 }),
                None => Err(EvalError::QuoteNotFound {
                    article: key.to_string(),
                    quote: quote.chars().take(60).collect(),
                }),
            },
        }
    }

    fn locate_all(&self, ms: &[GoldMention]) -> Result<Vec<Loc<'a>>, EvalError> {
        ms.iter().map(|m| self.locate(m)).collect()
    }
}

/// One system claim as score.py keeps it in `by_article`.
#[derive(Debug, Clone, Copy)]
struct SysClaim<'r> {
    id: &'r str,
    start: i64,
    end: i64,
}

/// The report seen the way score.py indexes it.
struct System<'r> {
    /// Claims per article, in report order (duplicates kept).
    by_article: HashMap<&'r str, Vec<SysClaim<'r>>>,
    /// `sys_claims`: claim id → article (the last claim with the id wins).
    article_of: HashMap<&'r str, &'r str>,
    /// Claim id → cluster id (the last cluster listing the claim wins).
    cluster_of: HashMap<&'r str, &'r str>,
    /// Cluster id → status (the last cluster with the id wins).
    status_of: HashMap<&'r str, ClusterStatus>,
    /// Cluster id → its claims that exist in the report.
    members: HashMap<&'r str, Vec<&'r str>>,
}

impl<'r> System<'r> {
    fn new(report: &'r Report) -> System<'r> {
        let mut by_article: HashMap<&str, Vec<SysClaim>> = HashMap::new();
        let mut article_of = HashMap::new();
        for c in &report.claims {
            let sc = SysClaim { id: &c.id.0, start: c.span.start as i64, end: c.span.end as i64 };
            article_of.insert(sc.id, c.article.0.as_str());
            by_article.entry(c.article.0.as_str()).or_default().push(sc);
        }
        let mut cluster_of = HashMap::new();
        let mut status_of = HashMap::new();
        for cl in &report.clusters {
            for cid in &cl.claims {
                cluster_of.insert(cid.0.as_str(), cl.id.0.as_str());
            }
            status_of.insert(cl.id.0.as_str(), cl.status);
        }
        let mut members: HashMap<&str, Vec<&str>> = HashMap::new();
        for (cid, clid) in &cluster_of {
            if article_of.contains_key(cid) {
                members.entry(*clid).or_default().push(*cid);
            }
        }
        System { by_article, article_of, cluster_of, status_of, members }
    }

    /// score.py `covering`: the claims that cover a located mention.
    fn covering(&self, loc: &Loc) -> Vec<&'r str> {
        let l = loc.len();
        let claims = self.by_article.get(loc.key).map(Vec::as_slice).unwrap_or_default();
        claims.iter().filter(|c| covers(c, loc, l)).map(|c| c.id).collect()
    }

    fn status(&self, cid: &str) -> Option<ClusterStatus> {
        self.cluster_of.get(cid).and_then(|cl| self.status_of.get(cl)).copied()
    }

    /// Two claims are in one cluster (`cluster_of[x] == cluster_of[y]`, both set).
    fn same_cluster(&self, x: &str, y: &str) -> bool {
        matches!((self.cluster_of.get(x), self.cluster_of.get(y)), (Some(a), Some(b)) if a == b)
    }

    /// The claim sets of the reported disputes, a `cluster` field adding
    /// the cluster's members (an empty cluster id is ignored, as in Python).
    fn disputes(&self, report: &'r Report) -> Vec<HashSet<&'r str>> {
        let dispute_claims = |d: &'r crosscheck_core::Dispute| {
            let mut ids: HashSet<&str> = d.claims.iter().map(|c| c.0.as_str()).collect();
            if let Some(cl) = d.cluster.as_ref().filter(|c| !c.0.is_empty()) {
                ids.extend(self.members.get(cl.0.as_str()).into_iter().flatten().copied());
            }
            ids
        };
        report.disputes.iter().map(dispute_claims).collect()
    }
}

/// The covering rule for a mention of length `l`.
fn covers(c: &SysClaim, loc: &Loc, l: i64) -> bool {
    let ov = c.end.min(loc.end) - c.start.max(loc.start);
    ov * COVER_OVERLAP_DEN >= COVER_OVERLAP_NUM * l && (c.end - c.start) <= COVER_LENGTH_FACTOR * l + COVER_LENGTH_SLACK
}

/// `Counter.most_common(1)[0][0]`: the value with the highest count, the
/// first counted among ties.
fn majority<T: PartialEq + Copy>(votes: impl IntoIterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for v in votes {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    first_max(&counts)
}

/// The value with the highest count, the first listed among ties.
pub(crate) fn first_max<T: Copy>(counts: &[(T, usize)]) -> Option<T> {
    let mut best: Option<(T, usize)> = None;
    for &(v, n) in counts {
        if !matches!(best, Some((_, m)) if m >= n) {
            best = Some((v, n));
        }
    }
    best.map(|(v, _)| v)
}

/// A system cluster whose cross-article pairs include pairs that share no
/// gold cluster: (cluster id, those pairs, number of cross-article pairs).
pub(crate) type ImpureCluster<'r> = (&'r str, Vec<(&'r str, &'r str)>, usize);

/// (article, derived from) pairs.
pub(crate) type ArticlePairs = Vec<(String, String)>;

/// A missed clear gold dispute: its id and, per side, the claims covering it.
pub(crate) type MissedDispute<'r> = (String, Vec<Vec<&'r str>>);

/// `num / den`, or 0 when there is nothing to divide by (score.py's rule).
pub(crate) fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Gold clusters with their located mentions.
struct Located<'g, 'a> {
    id: &'g str,
    status: Option<&'g str>,
    /// Number of distinct `doc` strings (score.py's `multi` test).
    docs: usize,
    locs: Vec<Loc<'a>>,
}

fn locate_clusters<'g, 'a>(gold: &'g Gold, loc: &Locator<'a>) -> Result<Vec<Located<'g, 'a>>, EvalError> {
    gold.clusters
        .iter()
        .map(|g| {
            let docs = g.mentions.iter().map(GoldMention::doc).collect::<HashSet<_>>().len();
            Ok(Located { id: &g.id, status: g.status.as_deref(), docs, locs: loc.locate_all(&g.mentions)? })
        })
        .collect()
}

/// Everything score.py computes before it prints.
struct Scorer<'r, 'g, 'a> {
    report: &'r Report,
    gold: &'g Gold,
    loc: Locator<'a>,
    sys: System<'r>,
    clusters: Vec<Located<'g, 'a>>,
    /// Claim id → ids of the gold clusters it covers a mention of.
    claim_gold: HashMap<&'r str, HashSet<&'g str>>,
}

impl<'r, 'g, 'a> Scorer<'r, 'g, 'a> {
    fn new(report: &'r Report, gold: &'g Gold, articles: &'a BTreeMap<String, Vec<u8>>) -> Result<Self, EvalError> {
        let loc = Locator { articles };
        let sys = System::new(report);
        let clusters = locate_clusters(gold, &loc)?;
        let mut claim_gold: HashMap<&str, HashSet<&str>> = HashMap::new();
        for g in &clusters {
            for l in &g.locs {
                for cid in sys.covering(l) {
                    claim_gold.entry(cid).or_default().insert(g.id);
                }
            }
        }
        Ok(Scorer { report, gold, loc, sys, clusters, claim_gold })
    }

    fn shares_gold(&self, x: &str, y: &str) -> bool {
        match (self.claim_gold.get(x), self.claim_gold.get(y)) {
            (Some(a), Some(b)) => !a.is_disjoint(b),
            _ => false,
        }
    }

    /// (mentions, covered).
    fn mention_counts(&self) -> (usize, usize) {
        let all = self.clusters.iter().flat_map(|g| &g.locs);
        let covered = all.clone().filter(|l| !self.sys.covering(l).is_empty()).count();
        (all.count(), covered)
    }

    /// Gold cross-article pairs of a multi-article gold cluster: (a, b) index pairs.
    fn gold_pairs_of<'x>(g: &'x Located<'g, 'a>) -> impl Iterator<Item = (&'x Loc<'a>, &'x Loc<'a>)> + 'x {
        let n = if g.docs >= 2 { g.locs.len() } else { 0 };
        (0..n).flat_map(move |i| (i + 1..n).map(move |j| (&g.locs[i], &g.locs[j]))).filter(|(a, b)| a.key != b.key)
    }

    /// (gold pairs, pairs with a covering claim pair that `linked` accepts).
    fn linked_counts(&self, linked: &dyn Fn(&str, &str) -> bool) -> (usize, usize) {
        let pairs: Vec<_> = self.clusters.iter().flat_map(Self::gold_pairs_of).collect();
        let reached = |a: &Loc, b: &Loc| {
            let (ca, cb) = (self.sys.covering(a), self.sys.covering(b));
            ca.iter().any(|x| cb.iter().any(|y| linked(x, y) || linked(y, x)))
        };
        let found = pairs.iter().filter(|(a, b)| reached(a, b)).count();
        (pairs.len(), found)
    }

    /// (gold pairs, found): pairs with covering claims in one cluster.
    fn recall_counts(&self) -> (usize, usize) {
        self.linked_counts(&|x, y| self.sys.same_cluster(x, y))
    }

    /// System cross-article pairs of one cluster's members.
    fn system_pairs_of<'x>(&'x self, cids: &'x [&'r str]) -> impl Iterator<Item = (&'r str, &'r str)> + 'x {
        let n = cids.len();
        let article = move |c: &str| self.sys.article_of.get(c).copied();
        (0..n).flat_map(move |i| (i + 1..n).map(move |j| (cids[i], cids[j]))).filter(move |(x, y)| article(x) != article(y))
    }

    /// (system pairs, good).
    fn precision_counts(&self) -> (usize, usize) {
        let pairs: Vec<_> = self.sys.members.values().flat_map(|cids| self.system_pairs_of(cids)).collect();
        let good = pairs.iter().filter(|(x, y)| self.shares_gold(x, y)).count();
        (pairs.len(), good)
    }

    fn voted_status(&self, g: &Located) -> Option<ClusterStatus> {
        majority(g.locs.iter().flat_map(|l| self.sys.covering(l)).filter_map(|cid| self.sys.status(cid)))
    }

    /// (gold clusters, right status).
    fn status_counts(&self) -> (usize, usize) {
        let ok = self
            .clusters
            .iter()
            .filter(|g| self.voted_status(g).is_some_and(|s| Some(s.as_str()) == g.status))
            .count();
        (self.clusters.len(), ok)
    }

    /// Claims covering each side of a gold dispute.
    fn side_claims(&self, sides: &[crate::gold::GoldSide]) -> Result<Vec<HashSet<&'r str>>, EvalError> {
        let mut out = Vec::new();
        for side in sides {
            let locs = self.loc.locate_all(&side.mentions)?;
            out.push(locs.iter().flat_map(|l| self.sys.covering(l)).collect());
        }
        Ok(out)
    }

    /// (clear gold disputes, found).
    fn dispute_counts(&self, sys_disputes: &[HashSet<&'r str>]) -> Result<(usize, usize), EvalError> {
        let (mut n, mut found) = (0, 0);
        for d in self.gold.disputes.iter().filter(|d| d.is_clear()) {
            n += 1;
            let sides = self.side_claims(&d.sides)?;
            let holds_two = |sd: &HashSet<&str>| sides.iter().filter(|sc| !sc.is_disjoint(sd)).count() >= 2;
            if sys_disputes.iter().any(holds_two) {
                found += 1;
            }
        }
        Ok((n, found))
    }

    /// Byte range of a furniture string in article `key`, if it is there.
    fn furniture_range(&self, key: &str, q: &Boilerplate) -> Option<(i64, i64)> {
        match q {
            Boilerplate::Range { start, end } => Some((*start, *end)),
            Boilerplate::Text(s) => {
                find(self.loc.text(key), s.as_bytes()).map(|i| (i as i64, (i + s.len()) as i64))
            }
        }
    }

    /// (claim, furniture) overlaps, one per overlapping pair as score.py counts them.
    fn furniture_hits(&self) -> Result<Vec<(&'r str, &'g Boilerplate)>, EvalError> {
        let mut hits = Vec::new();
        for (doc, quotes) in &self.gold.boilerplate {
            let key = self.loc.doc_key(doc)?;
            let claims = self.sys.by_article.get(key).map(Vec::as_slice).unwrap_or_default();
            for q in quotes {
                let Some((i, j)) = self.furniture_range(key, q) else { continue };
                hits.extend(claims.iter().filter(|c| c.end.min(j) - c.start.max(i) > 0).map(|c| (c.id, q)));
            }
        }
        Ok(hits)
    }

    fn derivations_gold(&self) -> Result<HashSet<(&'a str, &'a str)>, EvalError> {
        let mut out = HashSet::new();
        for (d, o) in &self.gold.outlets {
            if let Some(from) = o.derived_from.as_deref().filter(|f| !f.is_empty()) {
                out.insert((self.loc.doc_key(d)?, self.loc.doc_key(from)?));
            }
        }
        Ok(out)
    }

    fn derivations_system(&self) -> HashSet<(&'r str, &'r str)> {
        self.report.derivations.iter().map(|d| (d.article.0.as_str(), d.derived_from.0.as_str())).collect()
    }

    fn scores(&self) -> Result<StoryScores, EvalError> {
        let (mentions, mentions_covered) = self.mention_counts();
        let (gold_pairs, gold_pairs_found) = self.recall_counts();
        let (system_cross_pairs, system_pairs_good) = self.precision_counts();
        let (status_total, status_correct) = self.status_counts();
        let sys_disputes = self.sys.disputes(self.report);
        let (disputes_gold, disputes_found) = self.dispute_counts(&sys_disputes)?;
        let furniture_claims = self.furniture_hits()?.len();
        let dg = self.derivations_gold()?;
        let ds = self.derivations_system();
        let p = ratio(system_pairs_good, system_cross_pairs);
        let r = ratio(gold_pairs_found, gold_pairs);
        let f = if p + r != 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Ok(StoryScores {
            mention_recall: ratio(mentions_covered, mentions),
            pair_precision: p,
            pair_recall: r,
            pair_f1: f,
            status_accuracy: ratio(status_correct, status_total),
            dispute_recall: (disputes_gold > 0).then(|| ratio(disputes_found, disputes_gold)),
            gold_pairs,
            system_cross_pairs,
            disputes_reported: sys_disputes.len(),
            furniture_claims,
            derivations_found: ds.iter().filter(|d| dg.contains(d)).count(),
            derivations_gold: dg.len(),
            derivations_spurious: ds.iter().filter(|d| !dg.contains(d)).count(),
            mentions,
            mentions_covered,
            gold_pairs_found,
            system_pairs_good,
            status_correct,
            disputes_gold,
            disputes_found,
        })
    }
}

/// Scores `report` against `gold`, with the article files (id → bytes, see
/// [`crate::load_articles`]) that the report's spans and the gold's quotes
/// index. The figures are those of score.py, unrounded; fails where score.py
/// exits: a gold doc key that is not the prefix of exactly one article id, a
/// gold quote that is not in its article, offsets whose sha1 does not match.
pub fn score(report: &Report, gold: &Gold, articles: &BTreeMap<String, Vec<u8>>) -> Result<StoryScores, EvalError> {
    Scorer::new(report, gold, articles)?.scores()
}

/// Blocking recall: of the gold cross-article mention pairs (score.py's
/// `gold_pairs`), how many have some covering claim pair `(x, y)` for
/// which `linked(x, y)` holds (either order is tried), e.g. "the blocker
/// made it a candidate". Returns (gold pairs, pairs reached); fails where
/// [`score`] fails.
pub fn linked_pair_counts(
    report: &Report,
    gold: &Gold,
    articles: &BTreeMap<String, Vec<u8>>,
    linked: &dyn Fn(&str, &str) -> bool,
) -> Result<(usize, usize), EvalError> {
    Ok(Scorer::new(report, gold, articles)?.linked_counts(linked))
}

/// Explains the scores for engine developers, one finding per line: gold
/// mentions no claim covers (with the nearest claim and why it does not
/// count), gold clusters split over several system clusters, wrong majority
/// statuses, system clusters that join unrelated gold claims, missed
/// disputes, furniture claims and derivation mistakes. A gold annotation
/// that cannot be located gives an `error:` line instead of failing.
pub fn explain(report: &Report, gold: &Gold, articles: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut out = Vec::new();
    let result = Scorer::new(report, gold, articles).and_then(|s| crate::explain::explain_into(&s.view(), &mut out));
    if let Err(e) = result {
        out.push(format!("error: {e}"));
    }
    out
}

/// Read-only access for the explainer.
pub(crate) struct View<'s, 'r, 'g, 'a> {
    scorer: &'s Scorer<'r, 'g, 'a>,
}

impl<'r, 'g, 'a> Scorer<'r, 'g, 'a> {
    fn view(&self) -> View<'_, 'r, 'g, 'a> {
        View { scorer: self }
    }
}

/// A located gold mention, for the explainer.
pub(crate) struct MentionInfo<'a> {
    /// The article id.
    pub key: &'a str,
    /// Byte range.
    pub start: i64,
    /// End of the byte range.
    pub end: i64,
    /// Claims that cover it.
    pub covering: Vec<String>,
}

/// The nearest claim to an uncovered mention.
pub(crate) struct Nearest {
    /// Claim id.
    pub id: String,
    /// Overlap in bytes.
    pub overlap: i64,
    /// Claim length in bytes.
    pub length: i64,
}

impl<'r, 'g, 'a> View<'_, 'r, 'g, 'a> {
    /// Gold clusters: id, gold status, number of docs, located mentions.
    pub(crate) fn gold_clusters(&self) -> Vec<(&'g str, Option<&'g str>, usize, Vec<MentionInfo<'a>>)> {
        let s = self.scorer;
        let info = |l: &Loc<'a>| MentionInfo {
            key: l.key,
            start: l.start,
            end: l.end,
            covering: s.sys.covering(l).into_iter().map(str::to_string).collect(),
        };
        s.clusters.iter().map(|g| (g.id, g.status, g.docs, g.locs.iter().map(info).collect())).collect()
    }

    /// The claim of `key` overlapping `start..end` the most.
    pub(crate) fn nearest(&self, key: &str, start: i64, end: i64) -> Option<Nearest> {
        let claims = self.scorer.sys.by_article.get(key)?;
        let best = claims.iter().max_by_key(|c| c.end.min(end) - c.start.max(start))?;
        let overlap = best.end.min(end) - best.start.max(start);
        (overlap > 0).then(|| Nearest { id: best.id.to_string(), overlap, length: best.end - best.start })
    }

    /// The article bytes at a range, decoded leniently.
    pub(crate) fn text(&self, key: &str, start: i64, end: i64) -> String {
        String::from_utf8_lossy(py_slice(self.scorer.loc.text(key), start, end)).into_owned()
    }

    /// System cluster of a claim.
    pub(crate) fn cluster_of(&self, cid: &str) -> Option<&'r str> {
        self.scorer.sys.cluster_of.get(cid).copied()
    }

    /// The status the covering claims vote for, with the vote counts.
    pub(crate) fn votes(&self, mentions: &[MentionInfo]) -> Vec<(ClusterStatus, usize)> {
        let mut counts: Vec<(ClusterStatus, usize)> = Vec::new();
        for st in mentions.iter().flat_map(|m| &m.covering).filter_map(|c| self.scorer.sys.status(c)) {
            match counts.iter_mut().find(|(x, _)| *x == st) {
                Some((_, n)) => *n += 1,
                None => counts.push((st, 1)),
            }
        }
        counts
    }

    /// System clusters (sorted by id) with their wrong cross-article pairs
    /// and all cross-article pairs.
    pub(crate) fn impure_clusters(&self) -> Vec<ImpureCluster<'r>> {
        let s = self.scorer;
        let mut ids: Vec<&&str> = s.sys.members.keys().collect();
        ids.sort();
        ids.into_iter()
            .filter_map(|cl| {
                let pairs: Vec<_> = s.system_pairs_of(&s.sys.members[*cl]).collect();
                let bad: Vec<_> = pairs.iter().copied().filter(|(x, y)| !s.shares_gold(x, y)).collect();
                (!bad.is_empty()).then_some((*cl, bad, pairs.len()))
            })
            .collect()
    }

    /// Gold clusters covered by a claim, sorted.
    pub(crate) fn gold_of(&self, cid: &str) -> Vec<&'g str> {
        let mut v: Vec<&str> = self.scorer.claim_gold.get(cid).into_iter().flatten().copied().collect();
        v.sort();
        v
    }

    /// Clear gold disputes not found: (id, per-side covering claims).
    pub(crate) fn missed_disputes(&self) -> Result<Vec<MissedDispute<'r>>, EvalError> {
        let s = self.scorer;
        let sys = s.sys.disputes(s.report);
        let mut out = Vec::new();
        for (i, d) in s.gold.disputes.iter().enumerate().filter(|(_, d)| d.is_clear()) {
            let sides = s.side_claims(&d.sides)?;
            if !sys.iter().any(|sd| sides.iter().filter(|sc| !sc.is_disjoint(sd)).count() >= 2) {
                let id = d.id.clone().unwrap_or_else(|| format!("#{i}"));
                let mut sides: Vec<Vec<&str>> = sides.into_iter().map(|sc| sc.into_iter().collect()).collect();
                sides.iter_mut().for_each(|v| v.sort());
                out.push((id, sides));
            }
        }
        Ok(out)
    }

    /// Claims overlapping furniture, with the furniture.
    pub(crate) fn furniture(&self) -> Result<Vec<(&'r str, &'g Boilerplate)>, EvalError> {
        self.scorer.furniture_hits()
    }

    /// Gold derivations the report misses, and reported ones that are not gold.
    pub(crate) fn derivation_mistakes(&self) -> Result<(ArticlePairs, ArticlePairs), EvalError> {
        let dg = self.scorer.derivations_gold()?;
        let ds = self.scorer.derivations_system();
        let own = |(a, b): (&str, &str)| (a.to_string(), b.to_string());
        let mut missed: Vec<_> = dg.iter().filter(|d| !ds.contains(d)).map(|d| own(*d)).collect();
        let mut spurious: Vec<_> = ds.iter().filter(|d| !dg.contains(d)).map(|d| own(*d)).collect();
        missed.sort();
        spurious.sort();
        Ok((missed, spurious))
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn python_rounding_is_half_even_on_exact_values() {
        assert_eq!(py_round(0.0625, 3), 0.062);
        assert_eq!(py_round(0.1875, 3), 0.188);
        assert_eq!(py_round(2.0 / 3.0, 3), 0.667);
        assert_eq!(py_round(0.0005, 3), 0.001);
    }

    #[test]
    fn majority_keeps_first_counted_among_ties() {
        assert_eq!(majority(["b", "a", "a", "b"]), Some("b"));
        assert_eq!(majority(["b", "a", "a"]), Some("a"));
        assert_eq!(majority(Vec::<&str>::new()), None);
    }

    #[test]
    fn python_slicing_clamps() {
        let b = b"abcdef";
        assert_eq!(py_slice(b, 1, 3), b"bc");
        assert_eq!(py_slice(b, -2, 100), b"ef");
        assert_eq!(py_slice(b, 4, 2), b"");
        assert_eq!(find(b, b""), Some(0));
        assert_eq!(find(b, b"cd"), Some(2));
    }

    #[test]
    fn covering_rule_bounds() {
        let loc = Loc { key: "a", start: 100, end: 200 };
        let claim = |start, end| SysClaim { id: "x", start, end };
        assert!(covers(&claim(150, 250), &loc, 100)); // half overlap
        assert!(!covers(&claim(151, 250), &loc, 100)); // just under half
        assert!(covers(&claim(0, 500), &loc, 100)); // 500 = 3·100 + 200
        assert!(!covers(&claim(0, 501), &loc, 100)); // one byte too long
    }
}
