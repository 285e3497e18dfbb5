//! Synthetic stories: N articles built from real sentences, with a
//! controlled share of facts repeated across articles.
//!
//! Every article is a headline and body paragraphs. Each body sentence is,
//! with probability [`GenConfig::shared_share`], a *mention* of a shared
//! fact, otherwise single-sourced *filler*. A shared fact is either a
//! paraphrase pair (MRPC / STS) or a plain corpus sentence; it is mentioned
//! by on average [`GenConfig::mean_mentions`] articles, each mention being
//! verbatim, the pair's other wording, or (for sentences with a number) the
//! same sentence with that number changed. A share of articles are
//! rewritten copies of an earlier article that end with a
//! `Reference(s): <outlet>` credit line. Filler is dealt without
//! replacement; when the pool runs dry (beyond ~5,000 articles), new
//! sentences are spliced from the first half of one sentence and the second
//! half of another, so filler stays single-sourced at every N.
//!
//! All randomness comes from one [`Rng`] seeded by [`GenConfig::seed`]:
//! the same corpora, settings and seed give byte-identical stories.

use serde::{Deserialize, Serialize};

use crate::corpora::Pools;
use crate::error::BenchError;
use crate::rng::Rng;

/// Settings of the generator. Every tunable number of a story is here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GenConfig {
    /// Number of articles.
    pub articles: usize,
    /// Seed of the random stream.
    pub seed: u64,
    /// Fewest body paragraphs of an original article.
    pub min_paragraphs: usize,
    /// Most body paragraphs of an original article.
    pub max_paragraphs: usize,
    /// Most sentences per paragraph (at least one).
    pub max_sentences_per_paragraph: usize,
    /// Share of body sentences that mention a shared fact.
    pub shared_share: f64,
    /// Average number of mentions of a shared fact (at least 2).
    pub mean_mentions: f64,
    /// Share of shared facts drawn from paraphrase pairs.
    pub paraphrase_fact_share: f64,
    /// Share of a paraphrase fact's mentions written in its other wording.
    pub paraphrase_mention_share: f64,
    /// Share of mentions (of facts with a number) whose number is changed.
    pub changed_number_share: f64,
    /// Share of articles that are rewritten copies of an earlier article.
    pub rewrite_share: f64,
    /// Share of the original's paragraphs a rewrite keeps.
    pub rewrite_keep: f64,
    /// Number of distinct outlets.
    pub outlets: usize,
}

impl Default for GenConfig {
    fn default() -> Self {
        GenConfig {
            articles: 1_000,
            seed: 42,
            min_paragraphs: 5,
            max_paragraphs: 12,
            max_sentences_per_paragraph: 3,
            shared_share: 0.3,
            mean_mentions: 4.0,
            paraphrase_fact_share: 0.35,
            paraphrase_mention_share: 0.5,
            changed_number_share: 0.15,
            rewrite_share: 0.08,
            rewrite_keep: 0.85,
            outlets: 300,
        }
    }
}

impl GenConfig {
    /// Refuses settings that cannot build a story.
    pub fn validate(&self) -> Result<(), BenchError> {
        let shares = [
            self.shared_share,
            self.paraphrase_fact_share,
            self.paraphrase_mention_share,
            self.changed_number_share,
            self.rewrite_share,
            self.rewrite_keep,
        ];
        if shares.iter().any(|s| !(0.0..=1.0).contains(s)) {
            return Err(BenchError::Config("shares must lie between 0 and 1".into()));
        }
        if self.articles == 0 || self.outlets < 2 || self.min_paragraphs == 0 || self.min_paragraphs > self.max_paragraphs {
            return Err(BenchError::Config("need articles ≥ 1, outlets ≥ 2, 1 ≤ min_paragraphs ≤ max_paragraphs".into()));
        }
        if self.max_sentences_per_paragraph == 0 || self.mean_mentions.is_nan() || self.mean_mentions < 2.0 {
            return Err(BenchError::Config("need max_sentences_per_paragraph ≥ 1 and mean_mentions ≥ 2".into()));
        }
        Ok(())
    }
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenArticle {
    /// Article id (also the file stem).
    pub id: String,
    /// The outlet that published it.
    pub outlet: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// The full text: headline, blank line, paragraphs.
    pub text: String,
    /// Index of the article this one rewrites, if it is a rewrite.
    pub rewrite_of: Option<usize>,
}

/// What went into a story, for the record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenStats {
    /// Articles written.
    pub articles: usize,
    /// Of which rewritten copies.
    pub rewrites: usize,
    /// Shared facts created.
    pub facts: usize,
    /// Of which paraphrase pairs.
    pub paraphrase_facts: usize,
    /// Mentions of shared facts in original articles.
    pub mentions: usize,
    /// Of which in the pair's other wording.
    pub paraphrased_mentions: usize,
    /// Of which with a changed number.
    pub changed_numbers: usize,
    /// Single-sourced filler sentences.
    pub filler: usize,
    /// Sentences (filler or facts) spliced from two corpus sentences
    /// because the pool was exhausted.
    pub spliced: usize,
    /// Total text bytes.
    pub bytes: usize,
}

/// A generated story.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticStory {
    /// The articles in id order.
    pub articles: Vec<GenArticle>,
    /// The settings used.
    pub config: GenConfig,
    /// What went into it.
    pub stats: GenStats,
}

/// A shared fact and, when it has one, its other wording.
#[derive(Debug, Clone)]
struct Fact {
    text: String,
    paraphrase: Option<String>,
}

/// Cards dealt without replacement, reshuffled when exhausted.
struct Deck {
    order: Vec<usize>,
    next: usize,
    rounds: usize,
}

impl Deck {
    fn new(n: usize, rng: &mut Rng) -> Deck {
        let mut order: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut order);
        Deck { order, next: 0, rounds: 0 }
    }

    /// The next card and whether the deck had already gone round once.
    fn deal(&mut self, rng: &mut Rng) -> (usize, bool) {
        if self.next == self.order.len() {
            rng.shuffle(&mut self.order);
            self.next = 0;
            self.rounds += 1;
        }
        self.next += 1;
        (self.order[self.next - 1], self.rounds > 0)
    }
}

/// How many pending mentions are kept to draw from: mentions of one fact
/// spread over roughly this many shared sentences of nearby articles.
const PENDING_WINDOW: usize = 256;

/// First word of outlet names.
const OUTLET_PLACES: &[&str] = &[
    "northgate", "riverside", "lakeshore", "eastport", "westfield", "hillcrest", "bayview", "oakridge", "pinecrest",
    "stonebridge", "fairhaven", "brookline", "clearwater", "redwood", "silverton", "maplewood", "harborview",
    "kingsbury", "ashford", "glenmore", "cedarvale", "sunfield", "highland", "marlow", "dunmore",
];
/// Second word of outlet names.
const OUTLET_KINDS: &[&str] =
    &["herald", "tribune", "gazette", "courier", "chronicle", "ledger", "sentinel", "observer", "dispatch", "times", "post", "journal"];

/// The `i`-th outlet name ("northgate-herald.com").
pub fn outlet_name(i: usize) -> String {
    let place = OUTLET_PLACES[i % OUTLET_PLACES.len()];
    let kind = OUTLET_KINDS[(i / OUTLET_PLACES.len()) % OUTLET_KINDS.len()];
    let round = i / (OUTLET_PLACES.len() * OUTLET_KINDS.len());
    if round == 0 { format!("{place}-{kind}.com") } else { format!("{place}-{kind}{round}.com") }
}

/// Builds a story from the pools.
pub fn generate(pools: &Pools, config: &GenConfig) -> Result<SyntheticStory, BenchError> {
    config.validate()?;
    for (what, found, needed) in
        [("filler sentences", pools.filler.len(), 100), ("paraphrase pairs", pools.pairs.len(), 10), ("headlines", pools.headlines.len(), 10)]
    {
        if found < needed {
            return Err(BenchError::TooFewSentences { what, found, needed });
        }
    }
    let mut g = Generator::new(pools, config);
    for i in 0..config.articles {
        let article = g.article(i);
        g.stats.bytes += article.text.len();
        g.articles.push(article);
    }
    g.stats.articles = g.articles.len();
    Ok(SyntheticStory { articles: g.articles, config: config.clone(), stats: g.stats })
}

struct Generator<'a> {
    pools: &'a Pools,
    cfg: &'a GenConfig,
    rng: Rng,
    filler: Deck,
    pairs: Deck,
    headlines: Deck,
    facts: Vec<Fact>,
    pending: Vec<usize>,
    originals: Vec<usize>,
    articles: Vec<GenArticle>,
    stats: GenStats,
}

impl<'a> Generator<'a> {
    fn new(pools: &'a Pools, cfg: &'a GenConfig) -> Generator<'a> {
        let mut rng = Rng::new(cfg.seed);
        let filler = Deck::new(pools.filler.len(), &mut rng);
        let pairs = Deck::new(pools.pairs.len(), &mut rng);
        let headlines = Deck::new(pools.headlines.len(), &mut rng);
        Generator {
            pools,
            cfg,
            rng,
            filler,
            pairs,
            headlines,
            facts: Vec::new(),
            pending: Vec::new(),
            originals: Vec::new(),
            articles: Vec::new(),
            stats: GenStats::default(),
        }
    }

    fn article(&mut self, i: usize) -> GenArticle {
        let id = format!("a{i:06}");
        let published = format!("2025-02-{:02}", 10 + i * 7 / self.cfg.articles.max(1));
        let outlet = outlet_name(self.rng.below(self.cfg.outlets));
        if !self.originals.is_empty() && self.rng.chance(self.cfg.rewrite_share) {
            let of = self.originals[self.rng.below(self.originals.len())];
            let outlet = self.other_outlet(&self.articles[of].outlet.clone());
            let text = self.rewrite(of);
            self.stats.rewrites += 1;
            return GenArticle { id, outlet, published, text, rewrite_of: Some(of) };
        }
        self.originals.push(i);
        GenArticle { id, outlet, published, text: self.original(), rewrite_of: None }
    }

    fn other_outlet(&mut self, not: &str) -> String {
        loop {
            let o = outlet_name(self.rng.below(self.cfg.outlets));
            if o != not {
                return o;
            }
        }
    }

    fn original(&mut self) -> String {
        let mut text = self.headline();
        let paragraphs = self.rng.range(self.cfg.min_paragraphs, self.cfg.max_paragraphs);
        let mut used = Vec::new();
        for _ in 0..paragraphs {
            let n = self.rng.range(1, self.cfg.max_sentences_per_paragraph);
            let sentences: Vec<String> = (0..n).map(|_| self.body_sentence(&mut used)).collect();
            text.push_str("\n\n");
            text.push_str(&sentences.join(" "));
        }
        text.push('\n');
        text
    }

    fn rewrite(&mut self, of: usize) -> String {
        let source = self.articles[of].text.clone();
        let mut parts = source.trim_end().split("\n\n");
        let old_headline = parts.next().unwrap_or_default().to_string();
        let mut text = if self.rng.chance(0.5) { old_headline } else { self.headline() };
        for p in parts {
            if self.rng.chance(self.cfg.rewrite_keep) {
                text.push_str("\n\n");
                text.push_str(p);
            }
        }
        if self.rng.chance(0.5) {
            text.push_str("\n\n");
            text.push_str(&self.filler_sentence());
        }
        text.push_str(&format!("\n\nReference(s): {}\n", self.articles[of].outlet));
        text
    }

    fn headline(&mut self) -> String {
        let (k, reused) = self.headlines.deal(&mut self.rng);
        let h = &self.pools.headlines[k];
        if !reused {
            return h.clone();
        }
        let (k2, _) = self.headlines.deal(&mut self.rng);
        splice(h, &self.pools.headlines[k2])
    }

    fn body_sentence(&mut self, used: &mut Vec<usize>) -> String {
        if self.rng.chance(self.cfg.shared_share) {
            if let Some(fact) = self.next_mention(used) {
                used.push(fact);
                return self.mention(fact);
            }
        }
        self.filler_sentence()
    }

    fn filler_sentence(&mut self) -> String {
        self.stats.filler += 1;
        let (k, reused) = self.filler.deal(&mut self.rng);
        if !reused {
            return self.pools.filler[k].clone();
        }
        self.stats.spliced += 1;
        let (k2, _) = self.filler.deal(&mut self.rng);
        splice(&self.pools.filler[k], &self.pools.filler[k2])
    }

    /// A pending mention of a fact not yet used in this article.
    fn next_mention(&mut self, used: &[usize]) -> Option<usize> {
        while self.pending.len() < PENDING_WINDOW {
            self.new_fact();
        }
        for _ in 0..4 {
            let at = self.rng.below(self.pending.len());
            if !used.contains(&self.pending[at]) {
                return Some(self.pending.swap_remove(at));
            }
        }
        None
    }

    fn new_fact(&mut self) {
        let fact = if self.rng.chance(self.cfg.paraphrase_fact_share) && self.pairs.rounds == 0 {
            let (k, _) = self.pairs.deal(&mut self.rng);
            self.stats.paraphrase_facts += 1;
            let p = &self.pools.pairs[k];
            Fact { text: p.first.clone(), paraphrase: Some(p.second.clone()) }
        } else {
            let text = self.filler_sentence();
            self.stats.filler -= 1; // a fact, not filler
            Fact { text, paraphrase: None }
        };
        // Mentions: 2 + a geometric count with the configured mean.
        let extra_mean = self.cfg.mean_mentions - 2.0;
        let mut k = 2;
        while k < 64 && self.rng.chance(extra_mean / (extra_mean + 1.0)) {
            k += 1;
        }
        self.pending.extend(std::iter::repeat_n(self.facts.len(), k));
        self.facts.push(fact);
        self.stats.facts += 1;
    }

    fn mention(&mut self, id: usize) -> String {
        self.stats.mentions += 1;
        let fact = self.facts[id].clone();
        let mut s = match fact.paraphrase {
            Some(p) if self.rng.chance(self.cfg.paraphrase_mention_share) => {
                self.stats.paraphrased_mentions += 1;
                p
            }
            _ => fact.text,
        };
        if s.bytes().any(|b| b.is_ascii_digit()) && self.rng.chance(self.cfg.changed_number_share) {
            s = change_number(&s, &mut self.rng);
            self.stats.changed_numbers += 1;
        }
        s
    }
}

/// The first half of `a` (cut at a word boundary) and the second half of `b`.
pub fn splice(a: &str, b: &str) -> String {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let head = &wa[..wa.len().div_ceil(2)];
    let tail = &wb[wb.len() / 2..];
    let mut s = head.join(" ");
    s.push(' ');
    s.push_str(&tail.join(" "));
    s
}

/// `s` with its first number (a run of digits) replaced by a clearly
/// different one: at least half as large again, never equal.
pub fn change_number(s: &str, rng: &mut Rng) -> String {
    let bytes = s.as_bytes();
    let Some(start) = bytes.iter().position(u8::is_ascii_digit) else { return s.to_string() };
    let end = bytes[start..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |l| start + l);
    let digits = &s[start..end];
    let value: u64 = digits.parse().unwrap_or(0);
    let is_year = digits.len() == 4 && (1900..2100).contains(&value);
    let new = if is_year {
        value + 1 + rng.below(3) as u64
    } else {
        value + (value / 2).max(1) * (1 + rng.below(3) as u64) + 2
    };
    format!("{}{}{}", &s[..start], new, &s[end..])
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use crate::corpora::ParaphrasePair;

    fn pools() -> Pools {
        let filler = (0..500).map(|i| format!("Officials in district {i} said the bridge reopened after repairs on Monday.")).collect();
        let pairs = (0..50)
            .map(|i| ParaphrasePair {
                first: format!("The company {i} reported a profit of 12 million dollars this year."),
                second: format!("Company {i} said it earned 12 million dollars in profit this year."),
            })
            .collect();
        let headlines = (0..40).map(|i| format!("Storm number {i} hits the coast")).collect();
        Pools { filler, pairs, headlines }
    }

    #[test]
    fn same_seed_same_story_other_seed_other_story() {
        let cfg = GenConfig { articles: 60, ..GenConfig::default() };
        let a = generate(&pools(), &cfg).expect("story");
        let b = generate(&pools(), &cfg).expect("story");
        assert_eq!(a, b);
        let c = generate(&pools(), &GenConfig { seed: 43, ..cfg }).expect("story");
        assert_ne!(a.articles, c.articles);
    }

    #[test]
    fn shares_are_roughly_those_asked_for() {
        let cfg = GenConfig { articles: 400, ..GenConfig::default() };
        let s = generate(&pools(), &cfg).expect("story").stats;
        assert_eq!(s.articles, 400);
        let rewrite = s.rewrites as f64 / 400.0;
        assert!((0.04..0.13).contains(&rewrite), "{rewrite}");
        let shared = s.mentions as f64 / (s.mentions + s.filler) as f64;
        assert!((0.24..0.36).contains(&shared), "{shared} {s:?}");
        assert!(s.paraphrased_mentions > 0 && s.changed_numbers > 0 && s.spliced > 0);
    }

    #[test]
    fn rewrites_credit_their_source_outlet() {
        let story = generate(&pools(), &GenConfig { articles: 200, ..GenConfig::default() }).expect("story");
        let rewrite = story.articles.iter().find(|a| a.rewrite_of.is_some()).expect("a rewrite");
        let source = &story.articles[rewrite.rewrite_of.unwrap_or(0)];
        assert!(rewrite.text.ends_with(&format!("Reference(s): {}\n", source.outlet)));
        assert_ne!(rewrite.outlet, source.outlet);
    }

    #[test]
    fn changed_numbers_differ_and_years_stay_years() {
        let mut rng = Rng::new(3);
        let s = change_number("They talked for 90 minutes.", &mut rng);
        assert!(s.starts_with("They talked for ") && !s.contains(" 90 "), "{s}");
        let y = change_number("In 2019 it rained.", &mut rng);
        assert!(["In 2020 it rained.", "In 2021 it rained.", "In 2022 it rained."].contains(&y.as_str()), "{y}");
        assert_eq!(change_number("No digits here.", &mut rng), "No digits here.");
    }

    #[test]
    fn bad_settings_are_refused() {
        assert!(GenConfig { shared_share: 1.5, ..GenConfig::default() }.validate().is_err());
        assert!(GenConfig { articles: 0, ..GenConfig::default() }.validate().is_err());
    }
}
