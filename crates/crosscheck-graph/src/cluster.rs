//! Average-link agglomerative clustering with cannot-link constraints.
//!
//! Plain connected components chain: one vague claim linked weakly to two
//! unrelated facts glues them together. Average link merges two clusters
//! only while the mean score over all their cross pairs — unlinked pairs
//! counting zero — stays above the cohesion threshold, so a merge needs
//! support from most members, not one bridge. Conflict links are
//! cannot-links: claims that contradict each other are never one cluster.
//! Only pairs that could have been linked count in the mean: claims of one
//! article are never compared with each other, so they do not dilute it.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

/// A weighted link between two claims (indices into the claim list).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// One claim.
    pub a: usize,
    /// The other claim.
    pub b: usize,
    /// Strength in 0–1; `None` marks a cannot-link.
    pub weight: Option<f64>,
}

#[derive(Debug, Default)]
struct Group {
    members: Vec<usize>,
    /// Article → number of members from it.
    articles: HashMap<usize, usize>,
    /// Neighbour group → (sum of link weights, cannot-link present).
    links: HashMap<usize, (f64, bool)>,
}

#[derive(Debug, PartialEq)]
struct Candidate {
    score: f64,
    a: usize,
    b: usize,
    sizes: (usize, usize),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Groups `n` items by average-link clustering over `links`; `article_of[i]`
/// is item i's article (items of one article are never compared). Returns
/// the groups, each sorted, ordered by their smallest member. Deterministic.
pub fn average_link(n: usize, article_of: &[usize], links: &[Link], cohesion: f64) -> Vec<Vec<usize>> {
    let mut groups: Vec<Group> = (0..n)
        .map(|i| Group {
            members: vec![i],
            articles: HashMap::from([(article_of.get(i).copied().unwrap_or(i), 1)]),
            links: HashMap::new(),
        })
        .collect();
    for l in links.iter().filter(|l| l.a != l.b && l.a < n && l.b < n) {
        for (x, y) in [(l.a, l.b), (l.b, l.a)] {
            let e = groups[x].links.entry(y).or_insert((0.0, false));
            match l.weight {
                Some(w) => e.0 += w,
                None => e.1 = true,
            }
        }
    }
    let mut heap = BinaryHeap::new();
    for (a, g) in groups.iter().enumerate() {
        for (&b, &(sum, cannot)) in &g.links {
            if a < b && !cannot {
                heap.push(Candidate { score: average(sum, &groups[a], &groups[b]), a, b, sizes: (1, 1) });
            }
        }
    }
    while let Some(c) = heap.pop() {
        if c.score < cohesion {
            break;
        }
        let current = (groups[c.a].members.len(), groups[c.b].members.len());
        if current != c.sizes || groups[c.a].members.is_empty() || groups[c.b].members.is_empty() {
            continue;
        }
        merge(&mut groups, c.a, c.b, &mut heap);
    }
    let mut out: Vec<Vec<usize>> = groups.into_iter().map(|g| g.members).filter(|m| !m.is_empty()).collect();
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_by_key(|m| m.first().copied());
    out
}

/// Mean link weight over the cross pairs of two groups that could have
/// been linked (pairs of claims from different articles).
fn average(sum: f64, a: &Group, b: &Group) -> f64 {
    let all = a.members.len() * b.members.len();
    let same: usize = a.articles.iter().map(|(art, n)| n * b.articles.get(art).copied().unwrap_or(0)).sum();
    let comparable = all - same.min(all);
    if comparable == 0 {
        0.0
    } else {
        sum / comparable as f64
    }
}

/// Moves group `b` into group `a` and queues `a`'s new candidate merges.
fn merge(groups: &mut [Group], a: usize, b: usize, heap: &mut BinaryHeap<Candidate>) {
    let moved = std::mem::take(&mut groups[b]);
    groups[a].members.extend(moved.members);
    for (art, count) in moved.articles {
        *groups[a].articles.entry(art).or_insert(0) += count;
    }
    groups[a].links.remove(&b);
    for (other, (sum, cannot)) in moved.links {
        if other == a {
            continue;
        }
        let e = groups[a].links.entry(other).or_insert((0.0, false));
        e.0 += sum;
        e.1 |= cannot;
        let merged = *e;
        let back = groups[other].links.remove(&b).unwrap_or((0.0, false));
        let o = groups[other].links.entry(a).or_insert((0.0, false));
        o.0 = merged.0;
        o.1 = merged.1 || back.1;
    }
    let size_a = groups[a].members.len();
    for (&other, &(sum, cannot)) in &groups[a].links {
        if !cannot {
            let size_o = groups[other].members.len();
            let (x, y, sizes) = if a < other { (a, other, (size_a, size_o)) } else { (other, a, (size_o, size_a)) };
            heap.push(Candidate { score: average(sum, &groups[a], &groups[other]), a: x, b: y, sizes });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: usize, b: usize, w: f64) -> Link {
        Link { a, b, weight: Some(w) }
    }

    #[test]
    fn a_weak_bridge_does_not_chain_two_clusters() {
        // {0,1,2} tightly linked, {3,4,5} tightly linked, one bridge 2–3.
        let mut links = vec![link(0, 1, 0.9), link(1, 2, 0.9), link(0, 2, 0.9)];
        links.extend([link(3, 4, 0.9), link(4, 5, 0.9), link(3, 5, 0.9)]);
        links.push(link(2, 3, 0.8));
        let groups = average_link(6, &[0, 1, 2, 3, 4, 5], &links, 0.45);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3, 4, 5]]);
    }

    #[test]
    fn cannot_links_keep_conflicting_claims_apart() {
        let links = vec![link(0, 1, 0.9), link(1, 2, 0.9), Link { a: 0, b: 2, weight: None }];
        let groups = average_link(3, &[0, 1, 2], &links, 0.3);
        assert_eq!(groups.len(), 2);
        assert!(groups.iter().all(|g| !(g.contains(&0) && g.contains(&2))));
    }

    #[test]
    fn unlinked_items_stay_single_and_output_is_ordered() {
        let groups = average_link(3, &[0, 1, 2], &[link(2, 0, 0.8)], 0.45);
        assert_eq!(groups, vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn claims_of_one_article_do_not_dilute_the_mean() {
        // 0 and 1 come from article 0 and are never compared; both link to 2.
        let links = vec![link(0, 2, 0.6), link(1, 2, 0.6)];
        let groups = average_link(3, &[0, 0, 1], &links, 0.45);
        assert_eq!(groups, vec![vec![0, 1, 2]]);
    }
}
