//! Disputes on FNC-1: each headline with its related bodies is a story
//! (the headline itself is a short article, so its claim exists).
//!
//! - *Mixed* stories: some bodies agree with the headline, others disagree.
//!   Recall: share of them where crosscheck reports a dispute holding claims
//!   of an agreeing body and of a disagreeing body.
//! - *Agreeing* stories: every related body agrees. False-alarm rate: share
//!   of them where crosscheck reports any dispute.
//!
//! Bodies recur across headlines, so each body is extracted once
//! (`crosscheck_pipeline::extract_story` on all of them); every story is
//! then matched and clustered by `crosscheck_pipeline::analyse` on its own
//! claims, exactly as `check_story` would.

use std::collections::{BTreeMap, HashMap, HashSet};

use crosscheck_core::{Claim, Format, Report};
use crosscheck_text::{document_from_text, Document, Overrides, Story};
use rayon::prelude::*;

use super::table::{Row, Section, Unit};
use super::{first_missing, HarnessOptions, Measured};
use crate::corpora::{group_related, read_fnc_bodies, read_fnc_stances, HeadlineGroup, Stance};
use crate::error::EvalError;

/// Bodies, relative to `shared/corpora`.
const BODIES: &str = "fnc-1/train_bodies.csv";
/// Stances (the subset in shared), relative to `shared/corpora`.
const STANCES: &str = "fnc-1/train_stances.SUBSET_from_taufiq_fake-news.csv";
/// Article id of the headline article of every story.
const HEADLINE_ID: &str = "headline";
/// Anchor from shared/corpora/README.md.
const FNC_ANCHOR: &str = "FNC-1 baseline: 6.6 % on \"disagree\" (stance classification, a different task)";

/// Which stories a headline group makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Mixed,
    Agreeing,
}

fn kind(g: &HeadlineGroup) -> Option<Kind> {
    let has = |s: Stance| g.related.iter().any(|r| r.stance == s);
    if has(Stance::Agree) && has(Stance::Disagree) {
        Some(Kind::Mixed)
    } else if !g.related.is_empty() && g.related.iter().all(|r| r.stance == Stance::Agree) {
        Some(Kind::Agreeing)
    } else {
        None
    }
}

fn body_id(id: u32) -> String {
    format!("body-{id:05}")
}

fn document(id: &str, text: &str) -> Result<Document, EvalError> {
    let overrides = Overrides { id: Some(id.to_string()), outlet: Some(id.to_string()), ..Overrides::default() };
    document_from_text(id, text, Format::Text, &overrides)
        .map_err(|problem| EvalError::Document { what: format!("FNC-1 {id}"), problem })
}

/// What one story gave.
struct Outcome {
    kind: Kind,
    bodies: usize,
    /// A dispute holds claims of an agreeing and of a disagreeing body.
    agree_vs_disagree: bool,
    /// A dispute holds a claim of a disagreeing body (against anything).
    any_disagreeing: bool,
    /// Any dispute at all.
    any: bool,
}

pub(crate) fn section(opts: &HarnessOptions) -> Result<Measured, EvalError> {
    let corpora = opts.shared.join("corpora");
    let (bodies_path, stances_path) = (corpora.join(BODIES), corpora.join(STANCES));
    if let Some(p) = first_missing(&[&bodies_path, &stances_path]) {
        return Ok(Measured::skipped("FNC-1 disputes", p));
    }
    let groups: Vec<(HeadlineGroup, Kind)> =
        group_related(&read_fnc_stances(&stances_path)?).into_iter().filter_map(|g| kind(&g).map(|k| (g, k))).collect();
    let claims = body_claims(&read_fnc_bodies(&bodies_path)?, &groups, opts)?;
    let outcomes: Vec<Outcome> =
        groups.par_iter().map(|(g, k)| story_outcome(g, *k, &claims, opts)).collect::<Result<_, EvalError>>()?;
    let mut sec = Section::new("fnc", "Disputes (FNC-1)", &opts.command_line());
    rows(&mut sec, &outcomes);
    Ok(Measured { section: Some(sec), skipped: Vec::new() })
}

/// The claims of every body some story needs, extracted once, by article id.
fn body_claims(
    bodies: &[crate::corpora::FncBody],
    groups: &[(HeadlineGroup, Kind)],
    opts: &HarnessOptions,
) -> Result<HashMap<String, (Document, Vec<Claim>)>, EvalError> {
    let needed: HashSet<u32> = groups.iter().flat_map(|(g, _)| g.related.iter().map(|r| r.body_id)).collect();
    let mut documents = Vec::new();
    for b in bodies.iter().filter(|b| needed.contains(&b.id)) {
        documents.push(document(&body_id(b.id), &b.body)?);
    }
    documents.sort_by(|a, b| a.article.id.0.cmp(&b.article.id.0));
    let story = Story { path: "fnc-1/bodies".to_string(), documents, diagnostics: Vec::new() };
    let report = crosscheck_pipeline::extract_story(&story, &opts.pipeline);
    let mut by_article: BTreeMap<String, Vec<Claim>> = BTreeMap::new();
    for c in report.claims {
        by_article.entry(c.article.0.clone()).or_default().push(c);
    }
    Ok(story
        .documents
        .into_iter()
        .map(|d| {
            let id = d.article.id.0.clone();
            let cs = by_article.remove(&id).unwrap_or_default();
            (id, (d, cs))
        })
        .collect())
}

fn story_outcome(
    g: &HeadlineGroup,
    kind: Kind,
    bodies: &HashMap<String, (Document, Vec<Claim>)>,
    opts: &HarnessOptions,
) -> Result<Outcome, EvalError> {
    let head = document(HEADLINE_ID, &g.headline)?;
    let (head_claims, _) = crosscheck_extract::extract(&head, &opts.pipeline.extract);
    let mut articles = vec![head.article.clone()];
    let mut claims = head_claims;
    let mut stance_of: HashMap<String, Stance> = HashMap::new();
    for r in &g.related {
        let id = body_id(r.body_id);
        if let Some((d, cs)) = bodies.get(&id) {
            articles.push(d.article.clone());
            claims.extend(cs.iter().cloned());
            stance_of.insert(id, r.stance);
        }
    }
    let report = Report::new("crosscheck-eval harness", format!("fnc-1/{}", g.headline), articles, claims);
    let analysis = crosscheck_pipeline::analyse(&report, &opts.pipeline)?;
    let article_of: HashMap<&str, &str> = report.claims.iter().map(|c| (c.id.0.as_str(), c.article.0.as_str())).collect();
    let stances: Vec<HashSet<Stance>> = analysis
        .disputes
        .iter()
        .map(|d| {
            let ids = d.claims.iter().chain(d.sides.iter().flat_map(|s| &s.claims));
            ids.filter_map(|c| article_of.get(c.0.as_str())).filter_map(|a| stance_of.get(*a)).copied().collect()
        })
        .collect();
    Ok(Outcome {
        kind,
        bodies: g.related.len(),
        agree_vs_disagree: stances.iter().any(|s| s.contains(&Stance::Agree) && s.contains(&Stance::Disagree)),
        any_disagreeing: stances.iter().any(|s| s.contains(&Stance::Disagree)),
        any: !analysis.disputes.is_empty(),
    })
}

fn share(outcomes: &[&Outcome], hit: impl Fn(&Outcome) -> bool) -> (f64, usize, usize) {
    let n = outcomes.len();
    let k = outcomes.iter().filter(|o| hit(o)).count();
    (if n == 0 { 0.0 } else { k as f64 / n as f64 }, k, n)
}

fn rows(sec: &mut Section, outcomes: &[Outcome]) {
    let mixed: Vec<&Outcome> = outcomes.iter().filter(|o| o.kind == Kind::Mixed).collect();
    let agreeing: Vec<&Outcome> = outcomes.iter().filter(|o| o.kind == Kind::Agreeing).collect();
    let agreeing2: Vec<&Outcome> = agreeing.iter().copied().filter(|o| o.bodies >= 2).collect();
    let mut push = |key: &str, label: &str, (v, k, n): (f64, usize, usize), anchor: &str| {
        sec.rows.push(Row::new(format!("fnc.{key}"), format!("{label}: {k}/{n}"), v, Unit::Percent, anchor));
    };
    push("dispute_recall", "mixed stories with a dispute between an agreeing and a disagreeing body", share(&mixed, |o| o.agree_vs_disagree), FNC_ANCHOR);
    push("disagreeing_in_dispute", "mixed stories with a dispute holding a disagreeing body's claim", share(&mixed, |o| o.any_disagreeing), "");
    push("any_dispute_mixed", "mixed stories with any dispute", share(&mixed, |o| o.any), "");
    push("false_alarm", "all-agree stories with a dispute (false alarms)", share(&agreeing, |o| o.any), "lower is better");
    push("false_alarm_2", "all-agree stories of ≥ 2 bodies with a dispute", share(&agreeing2, |o| o.any), "lower is better");
    sec.notes.push(
        "Stories: each headline of the stance subset with its related bodies (stance ≠ unrelated) plus the headline as \
         a one-line article. Mixed = at least one agreeing and one disagreeing body; all-agree = every related body agrees. \
         Headlines whose bodies only discuss, or disagree without any agreeing body, are not used."
            .to_string(),
    );
    sec.notes.push(
        "A story's dispute *recall* here is generous in one way (any dispute holding both sides counts, whatever its \
         detail) and strict in another (FNC-1 'disagree' bodies often deny the headline in prose that shares no \
         quantity or wording with the agreeing bodies, which crosscheck's conflict rules cannot see)."
            .to_string(),
    );
}
