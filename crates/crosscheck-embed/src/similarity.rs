//! Cosine similarity and nearest-neighbour candidate pairs across articles.

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
/// Exact search: `n²/2` dot products, run in parallel. At 384 dimensions
/// that is about a second for 5 000 claims on two cores; the top-`k` cap
/// keeps the candidate count at most `k·n` however large the story, so
/// these pairs can be unioned with the lexical blocker's.
pub fn nearest_pairs(embeddings: &[Vec<f32>], article_of: &[usize], opts: &NeighbourOptions) -> Vec<Neighbour> {
    let n = embeddings.len().min(article_of.len());
    if opts.k == 0 {
        return Vec::new();
    }
    let mut pairs: Vec<Neighbour> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| {
            let mut best: Vec<(f32, usize)> = (0..n)
                .filter(|&j| article_of[j] != article_of[i] && !embeddings[i].is_empty())
                .map(|j| (cosine(&embeddings[i], &embeddings[j]), j))
                .filter(|(c, _)| *c >= opts.min_cosine)
                .collect();
            let k = opts.k.min(best.len());
            if k > 0 && k < best.len() {
                best.select_nth_unstable_by(k - 1, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            }
            best.truncate(k);
            best.into_iter().map(move |(c, j)| Neighbour { a: i.min(j), b: i.max(j), cosine: c })
        })
        .collect();
    pairs.sort_by_key(|x| (x.a, x.b));
    pairs.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    pairs
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
        let opts = NeighbourOptions { k: 1, min_cosine: 0.5 };
        let p = nearest_pairs(&e, &art, &opts);
        // 0 and 4 share an article: never paired. 3 is orthogonal to all
        // of article 0: below the floor.
        assert!(p.iter().all(|n| art[n.a] != art[n.b]));
        assert!(!p.iter().any(|n| n.a == 0 && n.b == 4));
        assert!(!p.iter().any(|n| n.b == 3 || n.a == 3));
        assert!(p.iter().any(|n| (n.a, n.b) == (0, 1)));
        let all = nearest_pairs(&e, &art, &NeighbourOptions { k: 10, min_cosine: -1.0 });
        assert_eq!(all.len(), 6, "every cross-article pair once: {all:?}");
    }

    #[test]
    fn union_is_sorted_and_deduplicated() {
        let lex = vec![(2, 5), (0, 1)];
        let sem = vec![Neighbour { a: 0, b: 1, cosine: 0.9 }, Neighbour { a: 1, b: 3, cosine: 0.7 }];
        assert_eq!(union_candidates(&lex, &sem), vec![(0, 1), (1, 3), (2, 5)]);
    }
}
