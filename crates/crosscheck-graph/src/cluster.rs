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
use std::collections::{BTreeSet, BinaryHeap, HashMap};

use rayon::prelude::*;

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
///
/// Merges never cross a connected component of the link graph, and a merge
/// in one component changes no candidate of another, so each component is
/// clustered on its own (in parallel, with rayon) and the groups are merged
/// by smallest member: the result is the same as one global run, whatever
/// the thread count.
pub fn average_link(n: usize, article_of: &[usize], links: &[Link], cohesion: f64) -> Vec<Vec<usize>> {
    let links: Vec<Link> = links.iter().copied().filter(|l| l.a != l.b && l.a < n && l.b < n).collect();
    let (components, unlinked) = components(n, &links);
    let mut out: Vec<Vec<usize>> = components
        .par_iter()
        .flat_map_iter(|c| cluster_component(c, article_of, cohesion))
        .collect();
    out.extend(unlinked.into_iter().map(|i| vec![i]));
    out.par_sort_unstable_by_key(|m| m.first().copied());
    out
}

/// One connected component of the link graph: its items in increasing order
/// and its links renumbered to positions in `items` (in input order).
#[derive(Debug, Default)]
struct Component {
    items: Vec<usize>,
    links: Vec<Link>,
}

/// The connected components of `links` over `n` items (union–find), and
/// the items no link touches. Items are numbered by position within their
/// component; since `items` is increasing, local order is global order and
/// every tie breaks as in one global run.
fn components(n: usize, links: &[Link]) -> (Vec<Component>, Vec<usize>) {
    let mut parent: Vec<usize> = (0..n).collect();
    let mut linked = vec![false; n];
    for l in links {
        linked[l.a] = true;
        linked[l.b] = true;
        let (ra, rb) = (find(&mut parent, l.a), find(&mut parent, l.b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut component_of_root = vec![usize::MAX; n];
    let mut local = vec![0; n];
    let mut out: Vec<Component> = Vec::new();
    let mut unlinked = Vec::new();
    for i in 0..n {
        if !linked[i] {
            unlinked.push(i);
            continue;
        }
        let r = find(&mut parent, i);
        if component_of_root[r] == usize::MAX {
            component_of_root[r] = out.len();
            out.push(Component::default());
        }
        let c = &mut out[component_of_root[r]];
        local[i] = c.items.len();
        c.items.push(i);
    }
    for l in links {
        let c = component_of_root[find(&mut parent, l.a)];
        out[c].links.push(Link { a: local[l.a], b: local[l.b], weight: l.weight });
    }
    (out, unlinked)
}

/// The root of `i`'s set, halving the path on the way.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Average-link clustering of one component; groups in global item numbers.
fn cluster_component(c: &Component, article_of: &[usize], cohesion: f64) -> Vec<Vec<usize>> {
    let local_articles: Vec<usize> = c.items.iter().map(|&i| article_of.get(i).copied().unwrap_or(i)).collect();
    let mut groups = cluster_local(&local_articles, &c.links, cohesion);
    for i in groups.iter_mut().flatten() {
        *i = c.items[*i];
    }
    groups
}

/// The agglomeration itself, over items `0..article_of.len()` whose links
/// are all valid; each group comes out sorted.
fn cluster_local(article_of: &[usize], links: &[Link], cohesion: f64) -> Vec<Vec<usize>> {
    let mut groups: Vec<Group> = article_of
        .iter()
        .enumerate()
        .map(|(i, &art)| Group { members: vec![i], articles: HashMap::from([(art, 1)]), links: HashMap::new() })
        .collect();
    for l in links {
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

/// Puts each claim that clustered alone beside its narrower part when that
/// part joined a cluster spanning two or more articles: `parent_of[i]` is
/// the claim that part `i` was cut from. "It was a long conversation, it
/// lasted almost an hour and a half" states the duration its part matched,
/// in the outlet's fuller words. A parent with several such parts joins the
/// first; one with a cannot-link to a member of that cluster, or that does
/// not `fit` a member (`fits(parent, member)`: say, its other numbers clash
/// with that member's), stays alone. Groups stay sorted and ordered by
/// their smallest member.
pub fn join_parents_to_parts(
    mut groups: Vec<Vec<usize>>,
    parent_of: &[Option<usize>],
    article_of: &[usize],
    links: &[Link],
    fits: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let mut group_of = vec![usize::MAX; parent_of.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            if let Some(slot) = group_of.get_mut(i) {
                *slot = g;
            }
        }
    }
    let cannot: std::collections::HashSet<(usize, usize)> =
        links.iter().filter(|l| l.weight.is_none()).flat_map(|l| [(l.a, l.b), (l.b, l.a)]).collect();
    for (part, parent) in parent_of.iter().enumerate().filter_map(|(i, p)| p.map(|p| (i, p))) {
        let (Some(&from), Some(&to)) = (group_of.get(parent), group_of.get(part)) else { continue };
        if from == usize::MAX || to == usize::MAX || from == to || groups[from].len() != 1 {
            continue;
        }
        let articles: BTreeSet<usize> = groups[to].iter().filter_map(|&i| article_of.get(i).copied()).collect();
        if articles.len() < 2 || groups[to].iter().any(|&m| cannot.contains(&(parent, m)) || !fits(parent, m)) {
            continue;
        }
        groups[from].clear();
        groups[to].push(parent);
        groups[to].sort_unstable();
        group_of[parent] = to;
    }
    groups.retain(|g| !g.is_empty());
    groups.sort_unstable_by_key(|g| g.first().copied());
    groups
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

    /// One global run over every item, as before components were split.
    fn global_run(n: usize, article_of: &[usize], links: &[Link], cohesion: f64) -> Vec<Vec<usize>> {
        let valid: Vec<Link> = links.iter().copied().filter(|l| l.a != l.b && l.a < n && l.b < n).collect();
        let mut out = cluster_local(&article_of[..n], &valid, cohesion);
        out.sort_by_key(|m| m.first().copied());
        out
    }

    #[test]
    fn per_component_clustering_equals_one_global_run() {
        let mut rng = crosscheck_core::SplitMix64::new(7);
        for round in 0..200 {
            let n = 2 + (rng.next_u64() % 60) as usize;
            let article_of: Vec<usize> = (0..n).map(|_| (rng.next_u64() % 8) as usize).collect();
            let count = (rng.next_u64() % (2 * n as u64)) as usize;
            let links: Vec<Link> = (0..count)
                .map(|_| {
                    let (a, b) = ((rng.next_u64() % n as u64) as usize, (rng.next_u64() % (n as u64 + 2)) as usize);
                    // Coarse weights make ties, which must break as in one run.
                    // One link in seven a cannot-link.
                    let r = rng.next_u64() % 35;
                    let weight = (r >= 5).then_some((r % 5) as f64 / 4.0);
                    Link { a, b, weight }
                })
                .collect();
            let cohesion = [0.3, 0.45, 0.6][round % 3];
            assert_eq!(average_link(n, &article_of, &links, cohesion), global_run(n, &article_of, &links, cohesion));
        }
    }

    #[test]
    fn claims_of_one_article_do_not_dilute_the_mean() {
        // 0 and 1 come from article 0 and are never compared; both link to 2.
        let links = vec![link(0, 2, 0.6), link(1, 2, 0.6)];
        let groups = average_link(3, &[0, 0, 1], &links, 0.45);
        assert_eq!(groups, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_lone_parent_joins_the_cross_article_cluster_of_its_part() {
        // 1 is a part of 0; 1 clustered with 2 (another article); 0 alone.
        let groups = vec![vec![0], vec![1, 2], vec![3]];
        let parent_of = [None, Some(0), None, None];
        let out = join_parents_to_parts(groups, &parent_of, &[0, 0, 1, 1], &[], |_, _| true);
        assert_eq!(out, vec![vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn a_parent_with_its_own_match_or_a_conflict_stays_where_it_is() {
        let parent_of = [None, Some(0), None, None];
        // The parent already shares a cluster with 3.
        let kept = join_parents_to_parts(vec![vec![0, 3], vec![1, 2]], &parent_of, &[0, 0, 1, 2], &[], |_, _| true);
        assert_eq!(kept, vec![vec![0, 3], vec![1, 2]]);
        // The parent conflicts with 2.
        let conflict = [Link { a: 0, b: 2, weight: None }];
        let apart = join_parents_to_parts(vec![vec![0], vec![1, 2], vec![3]], &parent_of, &[0, 0, 1, 1], &conflict, |_, _| true);
        assert_eq!(apart, vec![vec![0], vec![1, 2], vec![3]]);
        // The parent does not fit 2 (its other numbers clash).
        let apart = join_parents_to_parts(vec![vec![0], vec![1, 2], vec![3]], &parent_of, &[0, 0, 1, 1], &[], |p, m| (p, m) != (0, 2));
        assert_eq!(apart, vec![vec![0], vec![1, 2], vec![3]]);
        // The part's cluster holds one article only.
        let alone = join_parents_to_parts(vec![vec![0], vec![1], vec![2, 3]], &parent_of, &[0, 0, 1, 1], &[], |_, _| true);
        assert_eq!(alone, vec![vec![0], vec![1], vec![2, 3]]);
    }
}
