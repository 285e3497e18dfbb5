//! Blocking: cross-article only, never all pairs, linear growth.

use crosscheck_extract::analyse_sentence;
use crosscheck_match::{candidates, prepare, Prepared};

/// A deterministic pseudo-random generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A synthetic story: `facts` facts, each told by 3 of `articles` outlets
/// with 4 of its 6 distinctive words plus filler from a small common pool.
fn story(facts: usize, articles: usize, seed: u64) -> (Vec<Prepared>, Vec<usize>) {
    let mut rng = Lcg(seed);
    let mut claims = Vec::new();
    let mut article_of = Vec::new();
    for f in 0..facts {
        for _ in 0..3 {
            let art = rng.next(articles);
            let mut words: Vec<String> = (0..4).map(|_| format!("zq{f}x{}", rng.next(6))).collect();
            words.extend((0..5).map(|_| format!("common{}", rng.next(20))));
            words.push(format!("Place{}", rng.next(facts / 4 + 1)));
            claims.push(prepare(&analyse_sentence(&words.join(" "))));
            article_of.push(art);
        }
    }
    (claims, article_of)
}

#[test]
fn never_pairs_claims_of_the_same_article() {
    let (claims, article_of) = story(200, 8, 7);
    let pairs = candidates(&claims, &article_of);
    assert!(!pairs.is_empty());
    for (i, j) in &pairs {
        assert!(i < j);
        assert_ne!(article_of[*i], article_of[*j]);
    }
}

#[test]
fn identical_claims_in_two_articles_are_paired() {
    let texts = ["Putin met Witkoff in Moscow for five hours", "Putin met Witkoff in Moscow for five hours", "Oil prices fell sharply"];
    let claims: Vec<Prepared> = texts.iter().map(|t| prepare(&analyse_sentence(t))).collect();
    assert_eq!(candidates(&claims, &[0, 1, 1]), vec![(0, 1)]);
    assert!(candidates(&claims, &[0, 0, 0]).is_empty());
}

#[test]
fn candidate_count_grows_about_linearly() {
    let count = |facts: usize| {
        let (claims, article_of) = story(facts, 10, 42);
        let total_pairs = claims.len() * (claims.len() - 1) / 2;
        let n = candidates(&claims, &article_of).len();
        assert!(n < total_pairs / 4, "{n} of {total_pairs} pairs");
        n as f64
    };
    let (small, large) = (count(200), count(800));
    let growth = large / small;
    assert!(growth > 2.0 && growth < 6.0, "4× claims gave {growth:.2}× candidates ({small} → {large})");
}

#[test]
fn mismatched_lengths_do_not_panic() {
    let (claims, _) = story(10, 3, 1);
    assert!(candidates(&claims, &[0, 1]).len() <= 1);
    assert!(candidates(&[], &[]).is_empty());
}
