//! External test suites: Microsoft Recognizers-Text (English) and Facebook
//! Duckling (English), read from `../shared/corpora` at run time.
//!
//! Every case is put in exactly one bucket:
//! - *upstream expected failure*: the case carries `NotSupported` /
//!   `NotSupportedByDesign` naming dotNet (the reference implementation
//!   fails it too); run and counted separately;
//! - *out of scope*: a category this normaliser deliberately does not read,
//!   with the reason (see [`out_of_scope`]);
//! - *in scope*: everything else; the pass rate is computed over these.
//!
//! A case passes when the set of expressions found equals the expected one
//! (text compared case-insensitively, trimmed) and every value agrees: for
//! exact values within 1e-6 relative; for our interval values, the expected
//! value must lie in the interval's closure (durations of months and years
//! within 2 %, since the suites use different calendar conventions).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crosscheck_core::claim::QuantityKind;
use serde_json::Value;

use crate::numbers::find_numbers;
use crate::quantities::{find_quantities, Found};
use crate::DateContext;

/// Where the shared corpora live: `../shared/corpora` next to the workspace.
pub fn corpora_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora"))
}

/// The Recognizers-Text files this crate is measured on.
pub const RECOGNIZERS_FILES: &[&str] = &[
    "DateTime__English__DurationExtractor.json",
    "DateTime__English__DurationParser.json",
    "Number__English__NumberModel.json",
    "Number__English__OrdinalModel.json",
    "Number__English__PercentModel.json",
    "Number__English__NumberRangeModel.json",
];

/// The Duckling files this crate is measured on.
pub const DUCKLING_FILES: &[&str] = &["Duration__EN__Corpus.hs", "Numeral__EN__Corpus.hs"];

/// Results for one suite file.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    /// File name.
    pub file: String,
    /// All cases in the file.
    pub total: usize,
    /// In-scope cases.
    pub in_scope: usize,
    /// In-scope cases passed.
    pub passed: usize,
    /// Cases upstream marks as failing in dotNet.
    pub upstream_expected: usize,
    /// Of those, how many we pass anyway.
    pub upstream_passed: usize,
    /// Out-of-scope cases by reason.
    pub out_of_scope: BTreeMap<&'static str, usize>,
    /// Inputs of failed in-scope cases (for debugging).
    pub failures: Vec<String>,
}

impl FileReport {
    /// Pass rate over in-scope cases, in percent.
    pub fn rate(&self) -> f64 {
        if self.in_scope == 0 {
            return 100.0;
        }
        100.0 * self.passed as f64 / self.in_scope as f64
    }

    fn record(&mut self, input: &str, bucket: Bucket, pass: bool) {
        self.total += 1;
        match bucket {
            Bucket::Upstream => {
                self.upstream_expected += 1;
                self.upstream_passed += usize::from(pass);
            }
            Bucket::Out(reason) => *self.out_of_scope.entry(reason).or_default() += 1,
            Bucket::In => {
                self.in_scope += 1;
                if pass {
                    self.passed += 1;
                } else {
                    self.failures.push(input.to_string());
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Bucket {
    Upstream,
    Out(&'static str),
    In,
}

/// Errors reading a suite file.
#[derive(Debug, thiserror::Error)]
pub enum SuiteError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not the JSON expected.
    #[error("cannot parse {path}: {source}")]
    Json {
        /// The file.
        path: String,
        /// The cause.
        source: serde_json::Error,
    },
}

fn read(path: &Path) -> Result<String, SuiteError> {
    let text = std::fs::read_to_string(path).map_err(|source| SuiteError::Io { path: path.display().to_string(), source })?;
    Ok(text.trim_start_matches('\u{feff}').to_string())
}

/// Runs every suite file under `dir`; files that are missing are skipped.
pub fn suite_report(dir: &Path) -> Result<Vec<FileReport>, SuiteError> {
    let mut out = Vec::new();
    for f in RECOGNIZERS_FILES {
        let p = dir.join("recognizers-text").join(f);
        if p.exists() {
            out.push(run_recognizers(&p)?);
        }
    }
    for f in DUCKLING_FILES {
        let p = dir.join("duckling").join(f);
        if p.exists() {
            out.push(run_duckling(&p)?);
        }
    }
    Ok(out)
}

/// Renders reports as a markdown table.
pub fn markdown_table(reports: &[FileReport]) -> String {
    let mut s = String::from("| file | cases | in scope | passed | pass rate | upstream dotNet failures (we pass) | out of scope (reason: n) |\n|---|---:|---:|---:|---:|---:|---|\n");
    for r in reports {
        let oos: Vec<String> = r.out_of_scope.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        s.push_str(&format!(
            "| {} | {} | {} | {} | {:.1} % | {} ({}) | {} |\n",
            r.file, r.total, r.in_scope, r.passed, r.rate(), r.upstream_expected, r.upstream_passed,
            if oos.is_empty() { "—".into() } else { oos.join("; ") }
        ));
    }
    s
}

/// Categories deliberately not read, decided from the input and expectation.
pub fn out_of_scope(file: &str, input: &str, expected: &[(String, String)]) -> Option<&'static str> {
    let low = input.to_lowercase();
    let words: Vec<&str> = low.split(|c: char| !c.is_alphanumeric()).collect();
    if words.iter().any(|w| matches!(*w, "lakh" | "lakhs" | "lkh" | "lkhs" | "lac" | "crore" | "crores" | "cr" | "koti" | "krores" | "kr"))
        || low.ends_with(" l")
    {
        return Some("Indian numbering (lakh/crore): not used in the English-language news we read");
    }
    if low.contains('^') || low.contains("x10") {
        return Some("caret exponent notation: not news text");
    }
    if low.contains("http") {
        return Some("URLs: not prose");
    }
    if expected.iter().any(|(_, v)| v.contains("end") || v.contains("current")) {
        return Some("relative ordinal references (next/last/previous): not quantities");
    }
    if expected.iter().any(|(t, _)| decimal_comma(t)) {
        return Some("continental/Indian digit grouping (decimal comma): not English news style");
    }
    if file.contains("NumberModel") && has_slash_date(&low) {
        return Some("datetime input: read as a date by the date stage");
    }
    None
}

fn decimal_comma(t: &str) -> bool {
    let b = t.as_bytes();
    (0..b.len()).any(|k| {
        b[k] == b',' && k > 0 && b[k - 1].is_ascii_digit() && {
            let digits = b[k + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            digits > 0 && digits != 3
        }
    })
}

fn has_slash_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == '?').collect();
    parts.iter().any(|p| p.split('/').count() == 3 && p.split('/').all(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit())))
}

fn upstream(case: &Value) -> bool {
    ["NotSupported", "NotSupportedByDesign"]
        .iter()
        .any(|k| case.get(*k).and_then(Value::as_str).is_some_and(|s| s.to_lowercase().contains("dotnet")))
}

/// Expected (text, value) pairs of a Recognizers case.
fn expected(case: &Value) -> Vec<(String, String)> {
    let results = case.get("Results").and_then(Value::as_array).cloned().unwrap_or_default();
    results
        .iter()
        .map(|r| {
            let text = r.get("Text").and_then(Value::as_str).unwrap_or("").trim().to_lowercase();
            let value = r
                .pointer("/Resolution/value")
                .or_else(|| r.pointer("/Resolution/offset"))
                .or_else(|| r.pointer("/Value/FutureResolution/duration"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            (text, value)
        })
        .collect()
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-12)
}

/// Expected value inside our interval's closure (with relative slack).
fn within(f: &Found, x: f64, rel: f64) -> bool {
    let Some(v) = f.value else { return false };
    let slack = rel * x.abs().max(1e-12);
    x >= v.low - slack && v.high.is_none_or(|h| x <= h + slack)
}

fn text_of(input: &str, f: &Found) -> String {
    input.get(f.range.clone()).unwrap_or("").trim().to_lowercase()
}

fn run_recognizers(path: &Path) -> Result<FileReport, SuiteError> {
    let text = read(path)?;
    let cases: Vec<Value> = serde_json::from_str(&text).map_err(|source| SuiteError::Json { path: path.display().to_string(), source })?;
    let file = path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
    let mut report = FileReport { file: file.clone(), ..FileReport::default() };
    for case in &cases {
        let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
        let exp = expected(case);
        let bucket = if upstream(case) {
            Bucket::Upstream
        } else if let Some(r) = out_of_scope(&file, input, &exp) {
            Bucket::Out(r)
        } else {
            Bucket::In
        };
        let pass = check_recognizers(&file, input, &exp);
        report.record(input, bucket, pass);
    }
    Ok(report)
}

fn check_recognizers(file: &str, input: &str, exp: &[(String, String)]) -> bool {
    let ctx = DateContext::default();
    if file.contains("Duration") {
        let got: Vec<Found> = find_quantities(input, &ctx).into_iter().filter(|f| f.kind == QuantityKind::Duration).collect();
        let parser = file.contains("Parser");
        return got.len() == exp.len()
            && got.iter().zip(exp).all(|(g, (t, v))| {
                text_of(input, g) == *t && (!parser || v.parse::<f64>().is_ok_and(|x| within(g, x, 0.02)))
            });
    }
    if file.contains("NumberModel") || file.contains("OrdinalModel") {
        let ordinal = file.contains("Ordinal");
        let got: Vec<_> = find_numbers(input).into_iter().filter(|n| n.ordinal == ordinal).collect();
        return got.len() == exp.len()
            && got.iter().zip(exp).all(|(g, (t, v))| {
                input.get(g.range.clone()).unwrap_or("").trim().to_lowercase() == *t
                    && v.parse::<f64>().is_ok_and(|x| close(x, g.value, 1e-6))
            });
    }
    if file.contains("Percent") {
        let got: Vec<Found> = find_quantities(input, &ctx).into_iter().filter(|f| f.kind == QuantityKind::Percent).collect();
        return got.len() == exp.len()
            && got.iter().zip(exp).all(|(g, (t, v))| {
                text_of(input, g) == *t && v.trim_end_matches('%').parse::<f64>().is_ok_and(|x| within(g, x, 1e-9))
            });
    }
    // Number ranges: compare our non-point intervals with "(a,b]" notation.
    let got: Vec<Found> = find_quantities(input, &ctx)
        .into_iter()
        .filter(|f| f.kind != QuantityKind::Date && f.value.is_some_and(|v| !v.is_point()))
        .collect();
    got.len() == exp.len() && got.iter().zip(exp).all(|(g, (t, v))| text_of(input, g) == *t && range_agrees(g, v))
}

/// Compares "(20,35]" / "[30,)" / "(,100]" with our interval (bounds only;
/// an empty lower bound accepts any lower bound ≤ 0, since counts are ≥ 0).
fn range_agrees(f: &Found, spec: &str) -> bool {
    let Some(v) = f.value else { return false };
    let inner = spec.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
    let Some((lo, hi)) = inner.split_once(',') else { return false };
    let lo_ok = match lo.trim().parse::<f64>() {
        Ok(x) => close(x, v.low, 1e-6),
        Err(_) => v.low <= 0.0,
    };
    let hi_ok = match hi.trim().parse::<f64>() {
        Ok(x) => v.high.is_some_and(|h| close(x, h, 1e-6)),
        Err(_) => v.high.is_none(),
    };
    lo_ok && hi_ok
}

/// One Duckling example: the text and its expected value (`None` = negative).
#[derive(Debug, Clone, PartialEq)]
pub struct DucklingExample {
    /// Example text.
    pub text: String,
    /// Expected value (seconds for durations), or `None` for negative examples.
    pub value: Option<f64>,
    /// The grain name for durations ("Month"), empty for numerals.
    pub grain: String,
}

/// Reads the examples of a Duckling `*_Corpus.hs` file with a small reader:
/// `examples (DurationData N Grain)` / `examples (NumeralValue X)` headers
/// followed by string literals; literals before the first header belong to
/// the negative corpus. Comment lines (`--`) are skipped.
pub fn read_duckling(source: &str) -> Vec<DucklingExample> {
    let mut out = Vec::new();
    let mut current: Option<(f64, String)> = None;
    let mut negative = false;
    for line in source.lines() {
        let t = line.trim();
        if t.starts_with("--") {
            continue;
        }
        if t.starts_with("negativeCorpus =") {
            negative = true;
        }
        if t.starts_with("allExamples") {
            negative = false;
        }
        if let Some(pos) = t.find("examples (") {
            current = parse_header(&t[pos + "examples (".len()..]);
            continue;
        }
        let Some(lit) = string_literal(t) else { continue };
        match &current {
            Some((v, g)) => out.push(DucklingExample { text: lit, value: Some(*v), grain: g.clone() }),
            None if negative => out.push(DucklingExample { text: lit, value: None, grain: String::new() }),
            None => {}
        }
    }
    out
}

fn parse_header(h: &str) -> Option<(f64, String)> {
    let h = h.trim_end_matches(')');
    let mut parts = h.split_whitespace();
    match parts.next()? {
        "NumeralValue" => {
            let rest: String = parts.collect::<Vec<_>>().join("");
            Some((rest.trim_matches(|c| c == '(' || c == ')').parse().ok()?, String::new()))
        }
        "DurationData" => {
            let n: f64 = parts.next()?.parse().ok()?;
            let grain = parts.next()?.trim_end_matches(')').to_string();
            Some((n * grain_seconds(&grain)?, grain))
        }
        _ => None,
    }
}

fn grain_seconds(g: &str) -> Option<f64> {
    Some(match g {
        "Second" => 1.0,
        "Minute" => 60.0,
        "Hour" => 3600.0,
        "Day" => 86_400.0,
        "Week" => 604_800.0,
        "Month" => 2_592_000.0,
        "Quarter" => 7_776_000.0,
        "Year" => 31_536_000.0,
        _ => return None,
    })
}

fn string_literal(t: &str) -> Option<String> {
    let t = t.trim_start_matches(['[', ',', ' ']);
    let body = t.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            '"' => return Some(out),
            c => out.push(c),
        }
    }
    None
}

fn run_duckling(path: &Path) -> Result<FileReport, SuiteError> {
    let source = read(path)?;
    let file = path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
    let duration = file.starts_with("Duration");
    let mut report = FileReport { file: file.clone(), ..FileReport::default() };
    for ex in read_duckling(&source) {
        let exp = vec![(ex.text.to_lowercase(), String::new())];
        let bucket = out_of_scope(&file, &ex.text, &exp).map_or(Bucket::In, Bucket::Out);
        let pass = check_duckling(&ex, duration);
        report.record(&ex.text, bucket, pass);
    }
    Ok(report)
}

fn check_duckling(ex: &DucklingExample, duration: bool) -> bool {
    let kind_ok = |f: &Found| if duration { f.kind == QuantityKind::Duration } else { f.kind == QuantityKind::Number };
    let found: Vec<Found> = find_quantities(&ex.text, &DateContext::default()).into_iter().filter(kind_ok).collect();
    let Some(x) = ex.value else { return found.is_empty() };
    let whole = ex.text.trim();
    let rel = if matches!(ex.grain.as_str(), "Month" | "Year" | "Quarter") { 0.02 } else { 1e-6 };
    found.iter().any(|f| ex.text.get(f.range.clone()).is_some_and(|t| t.trim() == whole) && within(f, x, rel))
}
