//! Stories against gold: the seed story of `shared/seeds`, or any
//! `--gold FILE --story DIR`, checked by `crosscheck_pipeline::check` and
//! scored by [`crate::score`] (score.py's figures).

use std::path::Path;

use crosscheck_core::Report;

use super::table::{Row, Section, Unit};
use super::{first_missing, GoldStory, HarnessOptions, Measured};
use crate::error::EvalError;
use crate::{load_articles, load_gold, score, StoryScores};

/// The seed story, relative to `shared/`.
const SEEDS: &str = "seeds";
/// Its gold, relative to `shared/`.
const SEED_GOLD: &str = "gold/seed-story.gold.json";
/// Anchor of the story figures: the scale's top.
const STORY_ANCHOR: &str = "no external anchor; a perfect report scores 1.000";

/// Checks `story` with the pipeline and scores the report against `gold`:
/// the report (for score.py cross-checks) and its scores.
pub fn check_and_score(
    gold: &Path,
    story: &Path,
    opts: &crosscheck_pipeline::Options,
) -> Result<(Report, StoryScores), EvalError> {
    let g = load_gold(gold)?;
    let articles = load_articles(story)?;
    let report = crosscheck_pipeline::check(story, opts)?;
    let scores = score(&report, &g, &articles)?;
    Ok((report, scores))
}

pub(crate) fn seed_section(opts: &HarnessOptions) -> Result<Measured, EvalError> {
    let g = GoldStory { gold: opts.shared.join(SEED_GOLD), story: opts.shared.join(SEEDS) };
    story_section(opts, &g, "seed", "Seed story", "seed-story.gold.json")
}

pub(crate) fn gold_section(opts: &HarnessOptions, g: &GoldStory) -> Result<Measured, EvalError> {
    let name = g.gold.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    story_section(opts, g, "gold", &format!("Story {} vs {name}", g.story.display()), &name)
}

fn story_section(opts: &HarnessOptions, g: &GoldStory, id: &str, title: &str, gold_name: &str) -> Result<Measured, EvalError> {
    if let Some(p) = first_missing(&[&g.gold, &g.story]) {
        return Ok(Measured::skipped(&format!("{title} (story scores)"), p));
    }
    let (report, s) = check_and_score(&g.gold, &g.story, &opts.pipeline)?;
    let mut sec = Section::new(id, title, &opts.command_line());
    sec.rows = story_rows(id, &s);
    sec.notes.push(format!(
        "{} articles, {} claims, {} clusters; {} gold mentions ({} covered), {} gold cross-article pairs ({} found), \
         {} system cross-article pairs ({} right); scored against {gold_name} by `crosscheck_eval::score` \
         (identical to score.py: `tests/seed_vs_python.rs`).",
        report.articles.len(),
        report.claims.len(),
        report.clusters.len(),
        s.mentions,
        s.mentions_covered,
        s.gold_pairs,
        s.gold_pairs_found,
        s.system_cross_pairs,
        s.system_pairs_good,
    ));
    Ok(Measured { section: Some(sec), skipped: Vec::new() })
}

fn story_rows(prefix: &str, s: &StoryScores) -> Vec<Row> {
    let rate = |k: &str, label: &str, v: f64| Row::new(format!("{prefix}.{k}"), label, v, Unit::Rate, STORY_ANCHOR);
    let count = |k: &str, label: &str, v: usize, anchor: String| {
        Row::new(format!("{prefix}.{k}"), label, v as f64, Unit::Count, anchor)
    };
    let mut rows = vec![
        rate("mention_recall", "mention recall", s.mention_recall),
        rate("pair_precision", "pair precision", s.pair_precision),
        rate("pair_recall", "pair recall", s.pair_recall),
        rate("pair_f1", "pair F1", s.pair_f1),
        rate("status_accuracy", "status accuracy", s.status_accuracy),
    ];
    if let Some(d) = s.dispute_recall {
        rows.push(rate("dispute_recall", &format!("dispute recall ({} clear gold disputes)", s.disputes_gold), d));
    }
    rows.push(count("furniture_claims", "furniture claims", s.furniture_claims, "should be 0".into()));
    rows.push(count("derivations_found", "derivations found", s.derivations_found, format!("of {} in the gold", s.derivations_gold)));
    rows.push(count("derivations_spurious", "derivations spurious", s.derivations_spurious, "should be 0".into()));
    rows
}
