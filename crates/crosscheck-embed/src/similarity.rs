//! Cosine similarity and nearest-neighbour candidate pairs across articles.

use crosscheck_core::SplitMix64;
use rayon::prelude::*;

use crate::settings::NeighbourOptions;

/// Cosine similarity of two vectors; 0 when either is all zeros or the
/// lengths differ. For the unit vectors of [`crate::Embedder::embed`] this
/// is their dot product.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() {
        return 0.0;
    }
    let (mut dot, mut na, mut nb) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
        na += x * x;
        nb += y * y;
    }
    if na <= 0.0 || nb <= 0.0 {
        0.0
    } else {
        (dot / (na.sqrt() * nb.sqrt())).clamp(-1.0, 1.0)
    }
}

/// A semantic candidate: claims `a < b` of different articles and their
/// cosine similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Neighbour {
    /// The first claim's index.
    pub a: usize,
    /// The second claim's index (`a < b`).
    pub b: usize,
    /// Their cosine similarity.
    pub cosine: f32,
}

/// Nearest-neighbour pairs by cosine across articles: for every claim, its
/// `opts.k` most similar claims of *other* articles with cosine at least
/// `opts.min_cosine`; a pair found from both ends is listed once. Sorted by
/// `(a, b)`. `article_of[i]` is claim `i`'s article; claims without an
/// entry (or without an embedding) are ignored.
///
/// Up to `opts.exact_limit` claims the search is exact (`n²/2` dot
/// products in parallel, about a second for 5,000 claims on two cores).
/// Beyond that it is approximate and near-linear: random-hyperplane
/// locality-sensitive hashing ([`lsh_buckets`]) proposes, for each claim,
/// the claims sharing its bucket in any of `opts.lsh_tables` tables, and
/// only those are compared exactly. Either way the top-`k` cap keeps the
/// pair count at most `k·n`, so these pairs can be unioned with the lexical
/// blocker's.
pub fn nearest_pairs(embeddings: &[Vec<f32>], article_of: &[usize], opts: &NeighbourOptions) -> Vec<Neighbour> {
    let n = embeddings.len().min(article_of.len());
    if opts.k == 0 {
        return Vec::new();
    }
    let buckets = (n > opts.exact_limit).then(|| lsh_buckets(&embeddings[..n], opts));
    let mut pairs: Vec<Neighbour> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| {
            let others: Vec<usize> = match &buckets {
                None => (0..n).collect(),
                Some(b) => b.neighbours_of(i),
            };
            let best = top_k(embeddings, article_of, i, others, opts);
            best.into_iter().map(move |(c, j)| Neighbour { a: i.min(j), b: i.max(j), cosine: c })
        })
        .collect();
    pairs.sort_by_key(|x| (x.a, x.b));
    pairs.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    pairs
}

/// Claim `i`'s `opts.k` most similar claims among `others` from other
/// articles, at or above `opts.min_cosine`, as `(cosine, index)`.
fn top_k(embeddings: &[Vec<f32>], article_of: &[usize], i: usize, others: Vec<usize>, opts: &NeighbourOptions) -> Vec<(f32, usize)> {
    if embeddings[i].is_empty() {
        return Vec::new();
    }
    let mut best: Vec<(f32, usize)> = others
        .into_iter()
        .filter(|&j| article_of[j] != article_of[i])
        .map(|j| (cosine(&embeddings[i], &embeddings[j]), j))
        .filter(|(c, _)| *c >= opts.min_cosine)
        .collect();
    let k = opts.k.min(best.len());
    if k > 0 && k < best.len() {
        best.select_nth_unstable_by(k - 1, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    }
    best.truncate(k);
    best
}

/// Random-hyperplane LSH tables over a story's embeddings: in each table a
/// vector's key is the sign pattern of its dot products with
/// `opts.lsh_bits` fixed pseudo-random hyperplanes, so vectors at a small
/// angle share a key with high probability.
pub struct LshBuckets {
    /// Per table, the vector indices sorted by key.
    tables: Vec<Vec<(u32, usize)>>,
    /// Per table, each vector's key.
    keys: Vec<Vec<u32>>,
    /// Largest bucket read per table (larger ones are cut, as blocking
    /// drops over-long posting lists).
    max_bucket: usize,
}

impl LshBuckets {
    /// Every vector sharing a bucket with `i` in at least one table,
    /// sorted, without `i` itself.
    pub fn neighbours_of(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for (table, keys) in self.tables.iter().zip(&self.keys) {
            let key = keys[i];
            let start = table.partition_point(|&(k, _)| k < key);
            out.extend(table[start..].iter().take_while(|&&(k, _)| k == key).take(self.max_bucket).map(|&(_, j)| j));
        }
        out.sort_unstable();
        out.dedup();
        out.retain(|&j| j != i);
        out
    }
}

/// Builds the LSH tables of [`nearest_pairs`]' approximate search. The
/// hyperplanes come from a fixed-seed generator, so the same story gives
/// the same candidates on every run and thread count.
pub fn lsh_buckets(embeddings: &[Vec<f32>], opts: &NeighbourOptions) -> LshBuckets {
    let dim = embeddings.iter().map(Vec::len).max().unwrap_or(0);
    let bits = opts.lsh_bits.clamp(1, 31);
    let mut rng = SplitMix64::new(0x5eed_c0ff_ee15_0001);
    let mut tables = Vec::with_capacity(opts.lsh_tables);
    let mut keys = Vec::with_capacity(opts.lsh_tables);
    for _ in 0..opts.lsh_tables {
        let planes: Vec<Vec<f32>> = (0..bits).map(|_| (0..dim).map(|_| symmetric(&mut rng)).collect()).collect();
        let table_keys: Vec<u32> = embeddings.par_iter().map(|v| sign_key(v, &planes)).collect();
        let mut table: Vec<(u32, usize)> = table_keys.iter().copied().zip(0..).collect();
        table.sort_unstable();
        tables.push(table);
        keys.push(table_keys);
    }
    LshBuckets { tables, keys, max_bucket: opts.lsh_max_bucket }
}

/// The sign pattern of `v` against `planes`, one bit per plane.
fn sign_key(v: &[f32], planes: &[Vec<f32>]) -> u32 {
    planes.iter().enumerate().fold(0u32, |key, (bit, p)| {
        let dot: f32 = p.iter().zip(v).map(|(x, y)| x * y).sum();
        if dot >= 0.0 {
            key | (1 << bit)
        } else {
            key
        }
    })
}

/// A value in [-1, 1) drawn from `rng`: approximately Gaussian (sum of
/// four uniforms), which makes the hyperplane directions close to uniform
/// on the sphere.
fn symmetric(rng: &mut SplitMix64) -> f32 {
    let u = |x: u64| (x >> 11) as f32 / (1u64 << 53) as f32;
    let s: f32 = (0..4).map(|_| u(rng.next_u64())).sum();
    (s - 2.0) / 2.0
}

/// The union of two candidate lists of `(i, j)` pairs, sorted, without
/// repeats: lexical blocking's pairs plus the semantic neighbours'.
pub fn union_candidates(lexical: &[(usize, usize)], semantic: &[Neighbour]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = lexical.iter().map(|&(i, j)| (i.min(j), i.max(j))).collect();
    out.extend(semantic.iter().map(|n| (n.a, n.b)));
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_parallel_orthogonal_and_degenerate() {
        assert!((cosine(&[1.0, 2.0], &[2.0, 4.0]) - 1.0).abs() < 1e-6);
        assert!(cosine(&[1.0, 0.0], &[0.0, 3.0]).abs() < 1e-6);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 1.0]), 0.0);
        assert_eq!(cosine(&[1.0], &[1.0, 1.0]), 0.0);
    }

    #[test]
    fn neighbours_cross_articles_only_and_respect_k_and_floor() {
        let e = vec![vec![1.0, 0.0], vec![0.99, 0.1], vec![0.9, 0.3], vec![0.0, 1.0], vec![1.0, 0.01]];
        let art = vec![0, 1, 1, 1, 0];
        let opts = NeighbourOptions { k: 1, min_cosine: 0.5, ..NeighbourOptions::default() };
        let p = nearest_pairs(&e, &art, &opts);
        // 0 and 4 share an article: never paired. 3 is orthogonal to all
        // of article 0: below the floor.
        assert!(p.iter().all(|n| art[n.a] != art[n.b]));
        assert!(!p.iter().any(|n| n.a == 0 && n.b == 4));
        assert!(!p.iter().any(|n| n.b == 3 || n.a == 3));
        assert!(p.iter().any(|n| (n.a, n.b) == (0, 1)));
        let all = nearest_pairs(&e, &art, &NeighbourOptions { k: 10, min_cosine: -1.0, ..NeighbourOptions::default() });
        assert_eq!(all.len(), 6, "every cross-article pair once: {all:?}");
    }

    /// Clustered random unit vectors: `groups` centres, each with
    /// `per_group` noisy copies spread over `articles` articles.
    fn clustered(groups: usize, per_group: usize, articles: usize) -> (Vec<Vec<f32>>, Vec<usize>) {
        let mut rng = SplitMix64::new(7);
        let mut vectors = Vec::new();
        let mut article_of = Vec::new();
        for _ in 0..groups {
            let centre: Vec<f32> = (0..64).map(|_| symmetric(&mut rng)).collect();
            for m in 0..per_group {
                let v: Vec<f32> = centre.iter().map(|c| c + 0.15 * symmetric(&mut rng)).collect();
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                vectors.push(v.iter().map(|x| x / norm).collect());
                article_of.push((m + vectors.len()) % articles);
            }
        }
        (vectors, article_of)
    }

    #[test]
    fn approximate_search_finds_most_exact_neighbours() {
        let (v, art) = clustered(300, 4, 50);
        let exact = nearest_pairs(&v, &art, &NeighbourOptions { exact_limit: usize::MAX, ..NeighbourOptions::default() });
        let approx = nearest_pairs(&v, &art, &NeighbourOptions { exact_limit: 0, ..NeighbourOptions::default() });
        let got: std::collections::BTreeSet<(usize, usize)> = approx.iter().map(|n| (n.a, n.b)).collect();
        // Close neighbours (the ones a scorer can match) are nearly all
        // found; loose ones near the cosine floor less often.
        let close: Vec<&Neighbour> = exact.iter().filter(|n| n.cosine >= 0.8).collect();
        let found_close = close.iter().filter(|n| got.contains(&(n.a, n.b))).count();
        assert!(close.len() > 500);
        assert!(found_close as f64 >= 0.95 * close.len() as f64, "LSH found {found_close} of {} close neighbours", close.len());
        let found = exact.iter().filter(|n| got.contains(&(n.a, n.b))).count();
        assert!(found as f64 >= 0.85 * exact.len() as f64, "LSH found {found} of {} exact neighbours", exact.len());
        assert!(approx.iter().all(|n| art[n.a] != art[n.b] && n.a < n.b));
    }

    #[test]
    fn approximate_search_compares_far_fewer_pairs_than_all() {
        let (v, _) = clustered(500, 4, 50);
        let opts = NeighbourOptions::default();
        let b = lsh_buckets(&v, &opts);
        let compared: usize = (0..v.len()).map(|i| b.neighbours_of(i).len()).sum();
        let all = v.len() * (v.len() - 1);
        assert!(compared * 10 < all, "{compared} comparisons of {all}");
    }

    #[test]
    fn union_is_sorted_and_deduplicated() {
        let lex = vec![(2, 5), (0, 1)];
        let sem = vec![Neighbour { a: 0, b: 1, cosine: 0.9 }, Neighbour { a: 1, b: 3, cosine: 0.7 }];
        assert_eq!(union_candidates(&lex, &sem), vec![(0, 1), (1, 3), (2, 5)]);
    }
}
