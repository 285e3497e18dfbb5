//! Per-finding explanations of a story score, for engine developers.

use std::collections::BTreeMap;

use crate::error::EvalError;
use crate::gold::Boilerplate;
use crate::story::{first_max, MentionInfo, View};

/// Characters of quoted text shown per finding.
const SNIPPET_CHARS: usize = 60;

/// Appends the findings of `view` to `out`.
pub(crate) fn explain_into(view: &View, out: &mut Vec<String>) -> Result<(), EvalError> {
    for (gid, status, docs, mentions) in view.gold_clusters() {
        uncovered(view, gid, &mentions, out);
        if docs >= 2 {
            split(view, gid, &mentions, out);
        }
        wrong_status(view, gid, status, &mentions, out);
    }
    impure(view, out);
    for (id, sides) in view.missed_disputes()? {
        let sides: Vec<String> = sides.iter().map(|s| format!("[{}]", s.join(", "))).collect();
        out.push(format!("missed dispute {id}: claims covering each side: {}", sides.join(" | ")));
    }
    for (cid, q) in view.furniture()? {
        let what = match q {
            Boilerplate::Text(t) => format!("{:?}", snippet_str(t)),
            Boilerplate::Range { start, end } => format!("bytes {start}..{end}"),
        };
        out.push(format!("furniture claim {cid} overlaps {what}"));
    }
    let (missed, spurious) = view.derivation_mistakes()?;
    out.extend(missed.iter().map(|(a, b)| format!("missed derivation {a} <- {b}")));
    out.extend(spurious.iter().map(|(a, b)| format!("spurious derivation {a} <- {b}")));
    Ok(())
}

fn snippet_str(s: &str) -> String {
    let mut t: String = s.chars().take(SNIPPET_CHARS).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    t.replace('\n', " ")
}

fn uncovered(view: &View, gid: &str, mentions: &[MentionInfo], out: &mut Vec<String>) {
    for m in mentions.iter().filter(|m| m.covering.is_empty()) {
        let l = m.end - m.start;
        let why = match view.nearest(m.key, m.start, m.end) {
            Some(n) => format!(
                "nearest claim {} overlaps {} of {l} bytes (needs {}) and is {} bytes long (limit {})",
                n.id,
                n.overlap,
                (l + 1) / 2,
                n.length,
                3 * l + 200
            ),
            None => "no claim overlaps it".to_string(),
        };
        let text = snippet_str(&view.text(m.key, m.start, m.end));
        out.push(format!("uncovered {gid} in {} at {}..{} {text:?}: {why}", m.key, m.start, m.end));
    }
}

/// Gold cross-article pairs of one gold cluster that no system cluster
/// joins, as pair recall counts them.
fn split(view: &View, gid: &str, mentions: &[MentionInfo], out: &mut Vec<String>) {
    let joined = |a: &MentionInfo, b: &MentionInfo| {
        a.covering.iter().any(|x| {
            let cx = view.cluster_of(x);
            cx.is_some() && b.covering.iter().any(|y| view.cluster_of(y) == cx)
        })
    };
    let (mut total, mut missed) = (0, Vec::new());
    for (i, a) in mentions.iter().enumerate() {
        for b in mentions[i + 1..].iter().filter(|b| b.key != a.key) {
            total += 1;
            if !joined(a, b) {
                missed.push(format!("{}@{} ~ {}@{}", a.key, a.start, b.key, b.start));
            }
        }
    }
    if missed.is_empty() {
        return;
    }
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for m in mentions {
        for cid in &m.covering {
            let cl = view.cluster_of(cid).map_or_else(|| "(unclustered)".to_string(), str::to_string);
            let keys = groups.entry(cl).or_default();
            if !keys.contains(&m.key) {
                keys.push(m.key);
            }
        }
    }
    let parts: Vec<String> = groups.iter().map(|(cl, keys)| format!("{cl} [{}]", keys.join(", "))).collect();
    out.push(format!(
        "split {gid}: {} of {total} cross-article pairs not joined (e.g. {}); covering claims are in {}",
        missed.len(),
        missed[0],
        if parts.is_empty() { "no cluster".to_string() } else { parts.join("; ") }
    ));
}

fn wrong_status(view: &View, gid: &str, status: Option<&str>, mentions: &[MentionInfo], out: &mut Vec<String>) {
    let votes = view.votes(mentions);
    let gold = status.unwrap_or("(none)");
    match first_max(&votes) {
        None => out.push(format!("status {gid}: gold {gold}, but no covering claim is in a cluster")),
        Some(s) if Some(s.as_str()) != status => {
            let tally: Vec<String> = votes.iter().map(|(s, n)| format!("{} {n}", s.as_str())).collect();
            out.push(format!("status {gid}: gold {gold}, voted {} ({})", s.as_str(), tally.join(", ")));
        }
        Some(_) => {}
    }
}

fn impure(view: &View, out: &mut Vec<String>) {
    for (cl, bad, total) in view.impure_clusters() {
        let gold = |c: &str| {
            let g = view.gold_of(c);
            if g.is_empty() {
                "no gold".to_string()
            } else {
                g.join(", ")
            }
        };
        let (x, y) = bad[0];
        out.push(format!(
            "impure {cl}: {} of {total} cross-article pairs share no gold cluster, e.g. {x} [{}] ~ {y} [{}]",
            bad.len(),
            gold(x),
            gold(y)
        ));
    }
}
