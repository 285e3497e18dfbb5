//! End-to-end tests of the `crosscheck` binary: every subcommand on the demo
//! story, every report format, atomic output, batch mode with a broken
//! story and resuming, bad inputs, and snapshots of the Markdown report and
//! the terminal summary.
//!
//! Snapshots change whenever extraction or matching improves: review them
//! with `cargo insta review`, or accept all with
//! `INSTA_UPDATE=always cargo test -p crosscheck-cli --test cli`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::fs;
use std::path::Path;
use std::time::SystemTime;

use serde_json::Value;
use support::{demo, hostile, repo_root, run_at_root, shared_seeds, TestDir};

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn clusters(report: &Value) -> &Vec<Value> {
    report["clusters"].as_array().expect("clusters array")
}

// ---------------------------------------------------------------- check

#[test]
fn check_demo_writes_json_with_clusters_when_piped() {
    let run = run_at_root(&["check", "data/demo"]).ok();
    let report = run.json();
    assert_eq!(report["schema_version"], "1.0");
    assert_eq!(report["articles"].as_array().map(Vec::len), Some(5));
    assert!(!clusters(&report).is_empty());
    let shared = clusters(&report).iter().filter(|c| c["outlets"].as_array().map_or(0, Vec::len) >= 2).count();
    assert!(shared >= 3, "at least three facts are stated by two or more outlets, got {shared}");
    let credited = report["derivations"]
        .as_array()
        .expect("derivations")
        .iter()
        .any(|d| d["article"] == "metro-wire" && d["derived_from"] == "river-post");
    assert!(credited, "Metro Wire credits riverpost.com: {}", report["derivations"]);
    let disputes = report["disputes"].as_array().expect("disputes");
    assert!(disputes.iter().any(|d| d.to_string().contains("coastline-daily")), "14 vs 40 injured is disputed");
}

#[test]
fn every_format_renders_the_demo() {
    type LooksRight<'a> = &'a dyn Fn(&str) -> bool;
    let checks: [(&str, LooksRight); 6] = [
        ("json", &|t| serde_json::from_str::<Value>(t).is_ok()),
        ("md", &|t| t.starts_with("# ") && t.contains("| Cluster |")),
        ("html", &|t| t.contains("<html") && t.contains("id=\"matrix\"") && t.trim_end().ends_with("</html>")),
        ("csv", &|t| t.lines().count() > 10 && t.lines().next().is_some_and(|h| h.contains(','))),
        ("dot", &|t| t.contains("graph") && t.trim_end().ends_with('}')),
        ("graphml", &|t| t.contains("<graphml") && t.contains("</graphml>")),
    ];
    for (format, looks_right) in checks {
        let run = run_at_root(&["check", "data/demo", "--format", format]).ok();
        assert!(looks_right(&run.stdout), "{format} output looks wrong:\n{}", run.stdout);
    }
}

#[test]
fn extract_lists_claims_without_clusters() {
    let report = run_at_root(&["extract", "data/demo"]).ok().json();
    assert!(report["claims"].as_array().is_some_and(|c| c.len() > 20));
    assert!(clusters(&report).is_empty());
}

#[test]
fn out_writes_atomically_and_infers_the_format() {
    let dir = TestDir::new();
    let demo = demo();
    dir.run(&["check", s(&demo), "--out", "report.html"]).ok();
    let html = fs::read_to_string(dir.join("report.html")).expect("report written");
    assert!(html.contains("id=\"matrix\""));
    dir.run(&["check", s(&demo), "--out", "report.json", "--format", "json"]).ok();
    serde_json::from_str::<Value>(&fs::read_to_string(dir.join("report.json")).expect("json")).expect("valid JSON");
    assert_eq!(dir.list("."), ["report.html", "report.json"], "no temporary file left behind");
}

#[test]
fn failed_check_leaves_the_previous_report_untouched() {
    let dir = TestDir::new();
    dir.write("report.json", "previous");
    dir.mkdir("empty");
    let run = dir.run(&["check", "empty", "--out", "report.json"]).expect_code(2);
    assert!(run.stderr.contains("empty"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(dir.join("report.json")).expect("kept"), "previous");
    let run = dir.run(&["check", s(&demo()), "--out", "no-such-dir/report.json"]).expect_code(2);
    assert!(run.stderr.contains("no-such-dir/report.json") && run.stderr.contains("check that the directory exists"));
    assert_eq!(dir.list("."), ["empty", "report.json"]);
}

// ---------------------------------------------------------------- views

#[test]
fn disputes_shows_sides_next_to_each_other() {
    let run = run_at_root(&["disputes", "data/demo"]).ok();
    assert!(run.stdout.contains("D1"), "{}", run.stdout);
    assert!(run.stdout.contains('│'), "sides are laid out in columns:\n{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'), "no colour into a pipe");
    let coloured = run_at_root(&["--color", "always", "disputes", "data/demo"]).ok();
    assert!(coloured.stdout.contains("\u{1b}["), "--color always colours");
}

#[test]
fn inspect_shows_a_cluster_and_a_claim() {
    let cluster = run_at_root(&["inspect", "data/demo", "C1"]).ok();
    assert!(cluster.stdout.contains("Cluster C1"), "{}", cluster.stdout);
    let claim = run_at_root(&["inspect", "data/demo", "river-post#1"]).ok();
    assert!(claim.stdout.contains("river-post#1"), "{}", claim.stdout);
    let missing = run_at_root(&["inspect", "data/demo", "C9999"]).expect_code(2);
    assert!(missing.stderr.contains("C9999") && missing.stderr.contains("cluster id such as C1"), "{}", missing.stderr);
}

#[test]
fn views_accept_a_saved_json_report() {
    let dir = TestDir::new();
    dir.run(&["check", s(&demo()), "--out", "demo.json"]).ok();
    let from_story = dir.run(&["disputes", s(&demo())]).ok();
    let from_report = dir.run(&["disputes", "demo.json"]).ok();
    assert_eq!(from_story.stdout, from_report.stdout);
    dir.run(&["inspect", "demo.json", "C1"]).ok();
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let dir = TestDir::new();
    let hostile = hostile();
    let report = dir.run(&["check", s(&hostile), "--out", "h.json"]).ok();
    assert!(report.stderr.is_empty() || !report.stderr.contains('\u{1b}'));
    let json = fs::read_to_string(dir.join("h.json")).expect("report");
    assert!(json.contains("\\u001b["), "the hostile article's escape sequences reach the report as data");
    let parsed: Value = serde_json::from_str(&json).expect("json");
    let claims = parsed["claims"].as_array().expect("claims");
    let escaped: Vec<&str> = claims
        .iter()
        .filter(|c| c["text"].as_str().is_some_and(|t| t.contains('\u{1b}')))
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert!(!escaped.is_empty());
    for id in escaped {
        let run = dir.run(&["--color", "never", "inspect", "h.json", id]).ok();
        assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'), "escape leaked: {:?}", run.stdout);
    }
    let md = dir.run(&["check", s(&hostile), "--format", "md"]).ok();
    for tag in ["<script>", "<img"] {
        let raw = md.stdout.match_indices(tag).filter(|(i, _)| !md.stdout[..*i].ends_with('\\')).count();
        assert_eq!(raw, 0, "{tag} left unescaped in Markdown:\n{}", md.stdout);
    }
}

// ---------------------------------------------------------------- flags

#[test]
fn quiet_prints_nothing_on_stderr_and_verbose_prints_timings() {
    let quiet = run_at_root(&["--quiet", "check", "data/demo"]).ok();
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
    let verbose = run_at_root(&["check", "data/demo", "--verbose"]).ok();
    assert!(verbose.stderr.contains("checked data/demo in"), "{}", verbose.stderr);
}

#[test]
fn limits_reach_the_pipeline() {
    let few = run_at_root(&["--max-claims", "2", "extract", "data/demo"]).ok();
    let report = few.json();
    for article in ["civic-radio", "northbank-herald", "river-post"] {
        let n = report["claims"].as_array().expect("claims").iter().filter(|c| c["article"] == article).count();
        assert!(n <= 2, "{article} kept {n} claims");
    }
    assert!(few.stderr.contains("warning:"), "dropped claims are reported: {}", few.stderr);
    let tiny = run_at_root(&["check", "data/demo", "--max-article-bytes", "10"]).expect_code(2);
    assert!(tiny.stderr.contains("no readable article"), "{}", tiny.stderr);
}

#[test]
fn help_texts_have_examples() {
    let main = run_at_root(&["--help"]).ok();
    assert!(main.stdout.contains("Examples:") && main.stdout.contains("batch"));
    for sub in ["extract", "check", "disputes", "inspect", "batch", "pairs", "eval"] {
        let help = run_at_root(&[sub, "--help"]).ok();
        assert!(help.stdout.contains("Examples:"), "{sub} --help has examples:\n{}", help.stdout);
    }
}

// ---------------------------------------------------------------- bad input

#[test]
fn bad_inputs_are_clear_errors_with_exit_code_2() {
    let dir = TestDir::new();
    dir.mkdir("empty");
    dir.write("pictures/photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let cases: [(&[&str], &str); 6] = [
        (&["check", "no/such/story"], "no/such/story"),
        (&["check", "empty"], "no readable article"),
        (&["check", "pictures"], "a story is a folder of article files"),
        (&["batch", "no/such/folder", "--out", "reports"], "no/such/folder"),
        (&["batch", "empty", "--out", "reports"], "no story found"),
        (&["check", "empty", "--format", "pdf"], "pdf"),
    ];
    for (args, expected) in cases {
        let run = dir.run(args).expect_code(2);
        assert!(run.stderr.contains(expected), "{args:?}: expected {expected:?} in\n{}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?} printed on stdout: {}", run.stdout);
    }
}

// ---------------------------------------------------------------- batch

fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path).and_then(|m| m.modified()).expect("mtime")
}

const WIRE_JSONL: &str = r#"{"id": "w1", "outlet": "Wire One", "published": "2025-03-09", "text": "Selvaro closes its old bridge.\n\nThe Old Quay Bridge in Selvaro will stay closed for at least six weeks after a walkway collapsed on Saturday, the city said."}
{"id": "w2", "outlet": "Wire Two", "published": "2025-03-09", "text": "Bridge shut in Selvaro.\n\nSelvaro's Old Quay Bridge is to remain closed for six weeks or more following Saturday's walkway collapse, city officials said."}
"#;

#[test]
fn batch_checks_every_story_reports_failures_and_resumes() {
    let dir = TestDir::new();
    dir.copy_dir(&demo(), "stories/demo");
    let seeds = shared_seeds("batch over the seed story");
    if let Some(seeds) = &seeds {
        dir.copy_dir(seeds, "stories/seeds");
    }
    dir.write("stories/wire.jsonl", WIRE_JSONL);
    dir.write("stories/broken/cover.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");

    let first = dir.run(&["batch", "stories", "--out", "reports", "--jobs", "2"]).expect_code(1);
    assert!(first.stderr.contains("broken") && first.stderr.contains("no readable article"), "{}", first.stderr);
    let mut expected = vec!["demo.json", "wire.json"];
    if seeds.is_some() {
        expected.insert(1, "seeds.json");
    }
    assert_eq!(dir.list("reports"), expected);
    for name in &expected {
        let report: Value = serde_json::from_str(&fs::read_to_string(dir.join(&format!("reports/{name}"))).expect("read"))
            .expect("valid JSON report");
        assert!(!clusters(&report).is_empty(), "{name} has clusters");
    }
    assert!(first.stdout.contains("story") && first.stdout.contains("corrob%"), "summary table:\n{}", first.stdout);
    assert!(first.stdout.lines().any(|l| l.starts_with("broken") && l.contains("FAILED")), "{}", first.stdout);

    let demo_report = dir.join("reports/demo.json");
    let wire_report = dir.join("reports/wire.json");
    let (demo_before, wire_before) = (mtime(&demo_report), mtime(&wire_report));
    let second = dir.run(&["batch", "stories", "--out", "reports"]).expect_code(1);
    assert!(second.stdout.lines().any(|l| l.starts_with("demo") && l.contains("skipped")), "{}", second.stdout);
    assert_eq!(mtime(&demo_report), demo_before, "an up-to-date report is not rewritten");

    // A changed input makes its story stale, and only that story.
    dir.write("stories/demo/extra.txt", "Late update\n\nThe bridge reopened to pedestrians on Monday, the council said.\n");
    dir.run(&["batch", "stories", "--out", "reports"]).expect_code(1);
    assert!(mtime(&demo_report) > demo_before, "the changed story is redone");
    assert_eq!(mtime(&wire_report), wire_before, "the unchanged story is still skipped");

    let forced = dir.run(&["batch", "stories", "--out", "reports", "--force", "--format", "json,md"]).expect_code(1);
    assert!(mtime(&wire_report) > wire_before, "--force redoes finished stories");
    assert!(!forced.stdout.lines().any(|l| l.split_whitespace().nth(1) == Some("skipped")), "{}", forced.stdout);
    assert!(dir.join("reports/wire.md").is_file());
}

#[test]
fn batch_of_good_stories_exits_zero() {
    let dir = TestDir::new();
    dir.copy_dir(&demo(), "in/demo");
    dir.write("in/wire.jsonl", WIRE_JSONL);
    let run = dir.run(&["batch", "in", "--out", "out", "--format", "html"]).ok();
    assert!(run.stderr.contains("[2/2]"), "plain progress lines when not on a terminal:\n{}", run.stderr);
    assert_eq!(dir.list("out"), ["demo.html", "wire.html"]);
}

// ---------------------------------------------------------------- pairs

#[test]
fn pairs_scores_tsv_and_jsonl() {
    let dir = TestDir::new();
    dir.write(
        "pairs.tsv",
        "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n\
         1\ta1\tb1\tThe bridge will stay closed for six weeks.\tThe bridge will remain shut for six weeks.\n\
         0\ta2\tb2\tForty people were injured in the collapse.\tThe festival was cancelled after the storm.\n\
         1\ta3\tb3\tThe mayor visited the hospital on Sunday.\tOn Sunday the mayor visited the hospital.\n",
    );
    let run = dir.run(&["pairs", "pairs.tsv"]).ok();
    let rows: Vec<&str> = run.stdout.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(rows.len(), 3, "{}", run.stdout);
    for row in &rows {
        let fields: Vec<&str> = row.split('\t').collect();
        assert!(fields[0].parse::<f64>().is_ok_and(|p| (0.0..=1.0).contains(&p)), "{row}");
        assert!(["verbatim", "paraphrase", "conflict", "no-match"].contains(&fields[1]), "{row}");
    }
    assert!(rows[1].contains("no-match"), "unrelated sentences do not match: {}", rows[1]);
    assert!(run.stdout.contains("# accuracy:") && run.stdout.contains("# F1:"), "{}", run.stdout);

    dir.write("pairs.jsonl", "{\"s1\": \"The bridge is closed.\", \"s2\": \"The bridge has been closed.\"}\n");
    let run = dir.run(&["pairs", "pairs.jsonl"]).ok();
    assert!(!run.stdout.contains("accuracy"), "no labels, no accuracy: {}", run.stdout);
    let bad = dir.run(&["pairs", "missing.tsv"]).expect_code(2);
    assert!(bad.stderr.contains("missing.tsv"), "{}", bad.stderr);
}

// ---------------------------------------------------------------- eval

#[test]
fn eval_scores_a_gold_story_and_needs_a_measure() {
    let nothing = run_at_root(&["eval"]).expect_code(2);
    assert!(nothing.stderr.contains("--quick"), "{}", nothing.stderr);
    run_at_root(&["eval", "--gold", "g.json"]).expect_code(2);
    let Some(seeds) = shared_seeds("eval of the seed story against its gold") else { return };
    let gold = seeds.join("../gold/seed-story.gold.json");
    let run = run_at_root(&["eval", "--gold", s(&gold), "--story", s(&seeds)]);
    assert!(run.code == 0 || run.code == 1, "0, or 1 when below a floor: {}", run.stderr);
    assert!(run.stdout.contains("mention recall") && run.stdout.contains("crosscheck eval --gold"), "{}", run.stdout);
}

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_markdown_report_of_the_demo() {
    // Lexical matching, so that the snapshot is the same with or without
    // the embedding runtime and model.
    let run = run_at_root(&["check", "data/demo", "--format", "md", "--semantic", "off"]).ok();
    insta::assert_snapshot!("demo_markdown", run.stdout);
}

#[test]
fn snapshot_terminal_summary_of_the_demo() {
    let root = repo_root();
    let lexical = crosscheck_pipeline::Options { semantic: crosscheck_pipeline::SemanticMode::Off, ..Default::default() };
    let report = crosscheck_cli::check_report(&root.join("data/demo"), &lexical).expect("demo checks");
    let summary = crosscheck_report::terminal::summary(&report, false);
    let summary = summary.replace(&format!("{}/", root.display()), "");
    assert!(!summary.contains('\u{1b}'), "colour off");
    insta::assert_snapshot!("demo_terminal_summary", summary);
}

#[test]
fn model_status_says_when_the_model_is_missing_and_how_to_install_it() {
    let dir = TestDir::new();
    let missing = dir.join("no-model-here");
    let run = dir.run(&["model", "status", "--dir", s(&missing)]).expect_code(1);
    assert!(run.stdout.contains("not installed"), "{}", run.stdout);
    assert!(run.stdout.contains("crosscheck model install"), "{}", run.stdout);
    assert!(run.stdout.contains("runtime:"), "{}", run.stdout);
}

#[test]
fn check_runs_lexically_and_says_so_once_when_the_model_is_absent() {
    let dir = TestDir::new();
    let missing = dir.join("no-model-here");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["check", s(&support::demo()), "--format", "json"])
        .env("CROSSCHECK_MODEL_DIR", &missing)
        .output()
        .expect("run crosscheck");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("semantic matching is off").count(), 1, "{stderr}");
    assert!(stderr.contains("To turn it on"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let clusters = report["clusters"].as_array().expect("clusters");
    assert!(clusters.iter().any(|c| c["status"] == "corroborated"), "the lexical matcher still corroborates");
    assert!(report["edges"].as_array().expect("edges").iter().all(|e| e["features"].get("cosine").is_none()));
    let said = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(said.iter().filter(|d| d["message"].as_str().unwrap_or("").contains("semantic matching is off")).count(), 1);
}

#[test]
fn semantic_off_says_nothing_about_semantic_matching() {
    let run = run_at_root(&["check", "data/demo", "--format", "json", "--semantic", "off"]).ok();
    assert!(!run.stderr.contains("semantic matching"), "{}", run.stderr);
}
