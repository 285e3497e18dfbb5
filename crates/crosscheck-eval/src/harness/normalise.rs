//! Normalisation: pass rates on the Recognizers-Text and Duckling suites,
//! run by `crosscheck_normalize::suites` (which decides scope and passing).

use std::fmt::Write as _;

use crosscheck_normalize::suites::{suite_report, FileReport, DUCKLING_FILES, RECOGNIZERS_FILES};

use super::table::{Row, Section, Unit};
use super::{skip_line, HarnessOptions, Measured};
use crate::error::EvalError;
use crate::story::ratio;

/// Suite files whose cases are durations.
const DURATION_FILES: &[&str] =
    &["DateTime__English__DurationExtractor.json", "DateTime__English__DurationParser.json", "Duration__EN__Corpus.hs"];
/// Suite files whose cases are plain numbers.
const NUMBER_FILES: &[&str] = &["Number__English__NumberModel.json", "Numeral__EN__Corpus.hs"];
/// The project's target for durations and numbers in scope.
const TARGET_ANCHOR: &str = "target ≥ 90 % in scope; upstream dotNet failures excluded";

pub(crate) fn section(opts: &HarnessOptions) -> Result<Measured, EvalError> {
    let corpora = opts.shared.join("corpora");
    let expected = RECOGNIZERS_FILES
        .iter()
        .map(|f| corpora.join("recognizers-text").join(f))
        .chain(DUCKLING_FILES.iter().map(|f| corpora.join("duckling").join(f)));
    let skipped: Vec<String> =
        expected.filter(|p| !p.exists()).map(|p| skip_line("normalisation suite file", &p)).collect();
    let reports = if corpora.is_dir() { suite_report(&corpora)? } else { Vec::new() };
    if reports.is_empty() {
        return Ok(Measured { section: None, skipped });
    }
    let mut sec = Section::new("normalisation", "Normalisation (Recognizers-Text, Duckling)", &opts.command_line());
    for (key, label, files) in [("durations", "durations", DURATION_FILES), ("numbers", "numbers (NumberModel + Duckling numerals)", NUMBER_FILES)] {
        let (passed, in_scope) = totals(&reports, files);
        let label = format!("{label}, in scope: {passed}/{in_scope}");
        sec.rows.push(Row::new(format!("norm.{key}"), label, ratio(passed, in_scope), Unit::Percent, TARGET_ANCHOR));
    }
    for r in &reports {
        let label = format!("{}: {}/{}", r.file, r.passed, r.in_scope);
        sec.rows.push(Row::new(file_key(&r.file), label, ratio(r.passed, r.in_scope), Unit::Percent, ""));
    }
    sec.detail = detail(&reports);
    sec.notes.push(
        "Pass rate over in-scope cases; scope and the passing rule are `crosscheck_normalize::suites`' \
         (see the prose of this section)."
            .to_string(),
    );
    Ok(Measured { section: Some(sec), skipped })
}

/// Row key of a suite file: `norm.` and the file name up to its first dot.
pub(crate) fn file_key(file: &str) -> String {
    format!("norm.{}", file.split('.').next().unwrap_or(file))
}

fn totals(reports: &[FileReport], files: &[&str]) -> (usize, usize) {
    reports
        .iter()
        .filter(|r| files.contains(&r.file.as_str()))
        .fold((0, 0), |(p, n), r| (p + r.passed, n + r.in_scope))
}

/// Per-file detail table: cases, scope, upstream failures, out-of-scope reasons.
fn detail(reports: &[FileReport]) -> String {
    let mut s = String::from(
        "| file | cases | in scope | passed | upstream dotNet failures (we pass) | out of scope (reason: n) |\n|---|---:|---:|---:|---:|---|\n",
    );
    for r in reports {
        let oos: Vec<String> = r.out_of_scope.iter().map(|(k, v)| format!("{}: {v}", short_reason(k))).collect();
        let oos = if oos.is_empty() { "—".to_string() } else { oos.join("; ") };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} ({}) | {oos} |",
            r.file, r.total, r.in_scope, r.passed, r.upstream_expected, r.upstream_passed
        );
    }
    s
}

/// The reason up to its colon ("Indian numbering (lakh/crore)").
fn short_reason(reason: &str) -> &str {
    reason.split(':').next().unwrap_or(reason)
}
