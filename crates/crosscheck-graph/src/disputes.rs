//! Disagreements between claims: numbers, dates, negations, roles and
//! speakers.
//!
//! Four sources: conflict links from the matcher (same fact, incompatible
//! detail); role conflicts of one person across articles ("former
//! president" against "president"); the same quotation put in different
//! mouths; and incompatible quantities inside one cluster. When the two
//! sides are attributed to different sources ("police said 5", "the
//! hospital said 7") the dispute is of kind `attribution`: reported, not
//! contradicted.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crosscheck_core::{
    AttributionMode, Claim, ClaimId, ClusterId, Dispute, DisputeKind, DisputeSide, EdgeKind, EntityKind, QuantityKind, Role,
};
use crosscheck_normalize::{is_singular_office, person_key, roles_conflict, same_entity};

/// A decided link between two claims, by claim index.
#[derive(Debug, Clone)]
pub struct Decided {
    /// One claim.
    pub a: usize,
    /// The other claim.
    pub b: usize,
    /// The link's kind.
    pub kind: EdgeKind,
    /// The rule that decided it.
    pub rule: String,
}

/// A dispute before ids are assigned.
#[derive(Debug, Clone)]
struct Draft {
    kind: DisputeKind,
    detail: String,
    sides: Vec<(String, Vec<usize>)>,
}

/// Finds every dispute of a story. `cluster_of[i]` is claim i's cluster.
pub fn disputes(claims: &[Claim], links: &[Decided], cluster_of: &[ClusterId], max_per_side: usize) -> Vec<Dispute> {
    let mut drafts = Vec::new();
    drafts.extend(conflicts(claims, links));
    drafts.extend(role_conflicts(claims));
    drafts.extend(office_holder_conflicts(claims));
    drafts.extend(speaker_conflicts(claims, links));
    drafts.extend(cluster_quantity_conflicts(claims, cluster_of));
    finish(claims, drafts, cluster_of, max_per_side)
}

fn speakers_differ(a: &Claim, b: &Claim) -> bool {
    match (&a.attribution, &b.attribution) {
        (Some(x), Some(y)) => !same_entity(&x.speaker_key, &y.speaker_key, EntityKind::Person),
        _ => false,
    }
}

/// The kind of dispute a conflict link stands for: its rule names a
/// negation or a role, or its clashing quantities are dates or numbers.
fn kind_of_conflict(rule: &str, a: &Claim, b: &Claim) -> DisputeKind {
    let r = rule.to_lowercase();
    if r.contains("negat") {
        DisputeKind::Negation
    } else if r.contains("role") {
        DisputeKind::Role
    } else {
        // What the clashing quantities measure: two dates are a date dispute.
        match crosscheck_match::features::quantities_incompatible(&a.quantities, &b.quantities) {
            Some((q, _)) if q.kind == QuantityKind::Date => DisputeKind::Date,
            _ => DisputeKind::Number,
        }
    }
}

/// The quantity of `a` that `b` contradicts, as readable text.
fn reading(a: &Claim, b: &Claim) -> String {
    let clash = crosscheck_match::features::quantities_incompatible(&a.quantities, &b.quantities);
    clash.map_or_else(|| a.text.clone(), |(q, _)| q.text.clone())
}

fn conflicts(claims: &[Claim], links: &[Decided]) -> Vec<Draft> {
    links
        .iter()
        .filter(|l| l.kind == EdgeKind::Conflict)
        .map(|l| {
            let (a, b) = (&claims[l.a], &claims[l.b]);
            let kind = if speakers_differ(a, b) { DisputeKind::Attribution } else { kind_of_conflict(&l.rule, a, b) };
            let detail = match kind {
                DisputeKind::Attribution => format!(
                    "different sources give different details ({}); reported, not contradicted",
                    l.rule
                ),
                _ => l.rule.clone(),
            };
            Draft { kind, detail, sides: vec![(reading(a, b), vec![l.a]), (reading(b, a), vec![l.b])] }
        })
        .collect()
}

/// Role key → (the role, the claims giving it), for one person.
type RolesOfPerson = BTreeMap<String, (Role, Vec<usize>)>;

/// People named with roles that cannot both hold: the same title, one
/// side "former" and the other not (or another incompatible qualifier).
fn role_conflicts(claims: &[Claim]) -> Vec<Draft> {
    // (person key, role key) → claims; person keys grouped by same_entity:
    // each key joins the first earlier slot naming the same person. Two keys
    // naming the same person have the same surname and suffix, i.e. the same
    // `person_key`, so only slots of that bucket are tested (the scan over
    // every earlier person was quadratic in the number of persons).
    let mut by_person: Vec<(String, RolesOfPerson)> = Vec::new();
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        for e in c.entities.iter().filter(|e| e.kind == EntityKind::Person) {
            let Some(role) = &e.role else { continue };
            let bucket = buckets.entry(person_key(&e.key)).or_default();
            let slot = match bucket.iter().copied().find(|&p| same_entity(&by_person[p].0, &e.key, EntityKind::Person)) {
                Some(p) => p,
                None => {
                    by_person.push((e.key.clone(), BTreeMap::new()));
                    bucket.push(by_person.len() - 1);
                    by_person.len() - 1
                }
            };
            let entry = by_person[slot].1.entry(role.key.clone()).or_insert_with(|| (role.clone(), Vec::new()));
            if !entry.1.contains(&i) {
                entry.1.push(i);
            }
        }
    }
    let mut out = Vec::new();
    for (person, roles) in by_person {
        let list: Vec<&(Role, Vec<usize>)> = roles.values().collect();
        let mut sides: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, (ra, ca)) in list.iter().enumerate() {
            for (rb, _) in &list[i + 1..] {
                if ra.title == rb.title && roles_conflict(ra, rb) && ra.qualifier != rb.qualifier {
                    if !sides.iter().any(|(k, _)| *k == ra.key) {
                        sides.push((ra.key.clone(), ca.clone()));
                    }
                    if let Some((r, c)) = list.iter().find(|(r, _)| r.key == rb.key) {
                        if !sides.iter().any(|(k, _)| *k == r.key) {
                            sides.push((r.key.clone(), c.clone()));
                        }
                    }
                }
            }
        }
        let articles = |v: &Vec<usize>| v.iter().map(|&i| claims[i].article.clone()).collect::<BTreeSet<_>>();
        let spans_articles = sides.len() >= 2 && sides.iter().map(|(_, v)| articles(v)).collect::<Vec<_>>().windows(2).any(|w| w[0] != w[1]);
        if spans_articles {
            let readings: Vec<String> = sides.iter().map(|(k, _)| k.replace('|', " ")).collect();
            out.push(Draft {
                kind: DisputeKind::Role,
                detail: format!("{person} is given conflicting roles: {}", readings.join(" vs ")),
                sides: sides.into_iter().map(|(k, v)| (k.replace('|', " "), v)).collect(),
            });
        }
    }
    out
}

/// One office that only one person holds at a time ("U.S. president",
/// "British foreign secretary") given to different people by different
/// articles: a dispute over the name. An office several people hold
/// ("senator", "deputy minister", a president of no named country) or a
/// qualified one ("former", "incoming") is never one.
fn office_holder_conflicts(claims: &[Claim]) -> Vec<Draft> {
    // Role key → (person key, full name shown, claims), people in first-seen order.
    let mut holders: BTreeMap<String, Vec<(String, String, Vec<usize>)>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        for e in c.entities.iter().filter(|e| e.kind == EntityKind::Person) {
            let Some(role) = e.role.as_ref().filter(|r| is_singular_office(r)) else { continue };
            let people = holders.entry(role.key.clone()).or_default();
            match people.iter_mut().find(|(k, _, _)| same_entity(k, &e.key, EntityKind::Person)) {
                Some((_, _, held)) if !held.contains(&i) => held.push(i),
                Some(_) => {}
                None => people.push((e.key.clone(), e.text.clone(), vec![i])),
            }
        }
    }
    let mut out = Vec::new();
    for (office, people) in holders {
        if people.len() < 2 {
            continue;
        }
        let articles = |v: &Vec<usize>| v.iter().map(|&i| claims[i].article.clone()).collect::<BTreeSet<_>>();
        let sets: Vec<BTreeSet<_>> = people.iter().map(|(_, _, v)| articles(v)).collect();
        // Only articles that disagree with each other: one article naming two
        // holders is most likely a succession it explains itself.
        let across = sets.iter().enumerate().any(|(i, a)| sets[i + 1..].iter().any(|b| a.is_disjoint(b)));
        if !across {
            continue;
        }
        let office = office.replace('|', " ");
        let names: Vec<&str> = people.iter().map(|(_, n, _)| n.as_str()).collect();
        out.push(Draft {
            kind: DisputeKind::Name,
            detail: format!("the {office} is named differently: {}", names.join(" vs ")),
            sides: people.into_iter().map(|(_, name, v)| (name, v)).collect(),
        });
    }
    out
}

/// True when the claim's speaker was resolved to a named person (not a
/// pronoun, role phrase or organisation left unresolved).
fn named_speaker(c: &Claim) -> bool {
    c.attribution.as_ref().is_some_and(|a| {
        a.speaker_span.is_some() && c.entities.iter().any(|e| e.kind == EntityKind::Person && e.key == a.speaker_key)
    })
}

/// The same quotation attributed to different named speakers.
fn speaker_conflicts(claims: &[Claim], links: &[Decided]) -> Vec<Draft> {
    links
        .iter()
        .filter(|l| l.kind == EdgeKind::Verbatim)
        .filter(|l| {
            let (a, b) = (&claims[l.a], &claims[l.b]);
            a.mode == AttributionMode::DirectQuote
                && b.mode == AttributionMode::DirectQuote
                && named_speaker(a)
                && named_speaker(b)
                && speakers_differ(a, b)
        })
        .map(|l| {
            let (a, b) = (&claims[l.a], &claims[l.b]);
            let who = |c: &Claim| c.attribution.as_ref().map_or_else(String::new, |x| x.speaker.clone());
            Draft {
                kind: DisputeKind::Speaker,
                detail: format!("the same words are attributed to {} and to {}", who(a), who(b)),
                sides: vec![(who(a), vec![l.a]), (who(b), vec![l.b])],
            }
        })
        .collect()
}

/// Members of one cluster with incompatible quantities of the same unit.
fn cluster_quantity_conflicts(claims: &[Claim], cluster_of: &[ClusterId]) -> Vec<Draft> {
    let mut members: BTreeMap<&ClusterId, Vec<usize>> = BTreeMap::new();
    for (i, c) in cluster_of.iter().enumerate() {
        members.entry(c).or_default().push(i);
    }
    let mut out = Vec::new();
    for list in members.values().filter(|l| l.len() > 1) {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if claims[i].article == claims[j].article {
                    continue;
                }
                // A quantity with no compatible counterpart on the other side
                // (two claims that both say "18,000 … two" agree).
                let clash = crosscheck_match::features::quantities_incompatible(&claims[i].quantities, &claims[j].quantities);
                if let Some((qa, qb)) = clash {
                    let kind = if speakers_differ(&claims[i], &claims[j]) { DisputeKind::Attribution } else { DisputeKind::Number };
                    out.push(Draft {
                        kind,
                        detail: format!("\"{}\" vs \"{}\"", qa.text, qb.text),
                        sides: vec![(qa.text.clone(), vec![i]), (qb.text.clone(), vec![j])],
                    });
                }
            }
        }
    }
    out
}

fn finish(claims: &[Claim], drafts: Vec<Draft>, cluster_of: &[ClusterId], max_per_side: usize) -> Vec<Dispute> {
    let mut seen = BTreeSet::new();
    let mut out: Vec<Dispute> = Vec::new();
    for d in drafts {
        let mut all: Vec<usize> = d.sides.iter().flat_map(|(_, v)| v.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        if !seen.insert((d.kind, all.clone())) {
            continue;
        }
        let clusters: BTreeSet<&ClusterId> = all.iter().map(|&i| &cluster_of[i]).collect();
        let cluster = (clusters.len() == 1).then(|| clusters.into_iter().next().cloned()).flatten();
        let ids = |v: &[usize]| -> Vec<ClaimId> { v.iter().take(max_per_side).map(|&i| claims[i].id.clone()).collect() };
        let sides: Vec<DisputeSide> =
            d.sides.iter().map(|(reading, v)| DisputeSide { reading: reading.clone(), claims: ids(v) }).collect();
        let mut claim_ids: Vec<ClaimId> = sides.iter().flat_map(|s| s.claims.iter().cloned()).collect();
        claim_ids.sort();
        claim_ids.dedup();
        out.push(Dispute { id: String::new(), cluster, claims: claim_ids, kind: d.kind, detail: d.detail, sides });
    }
    out.sort_by(|a, b| a.claims.cmp(&b.claims).then(a.kind.cmp(&b.kind)));
    for (n, d) in out.iter_mut().enumerate() {
        d.id = format!("D{}", n + 1);
    }
    out
}
