//! The bad-input catalogue: one data-driven test running the real
//! `crosscheck` binary on every kind of bad input of issue #8, each built in
//! a temporary directory at run time, each with its expected outcome.
//!
//! Every case is run as `crosscheck --verbose check STORY --out
//! out/report.json --format json` (plus the case's own flags) and must:
//!
//! - exit with the expected code (0: the report is written, the bad files
//!   skipped with a diagnostic; 2: nothing could be checked);
//! - say on standard error every expected substring (the file and the
//!   problem, and for limits the limit and the flag that raises it);
//! - never panic (no "panicked" on standard error), and finish within
//!   [`TIMEOUT`];
//! - leave exactly `out/report.json` when it succeeds, and nothing at all
//!   (no report, no partial or temporary file) when it fails;
//! - pass the case's own checks of the report (spans, duplicates, …).
//!
//! The table [`CASES`] is the catalogue; `docs/reliability.md` lists the
//! same case names with their outcomes (checked by
//! [`every_case_is_documented`]). A few outcomes depend on the machine:
//! as root, `chmod 000` does not stop reading, and the cases say so in the
//! summary printed at the end instead of failing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Longest a case may run (the 5 MB line is the slowest, a few seconds).
const TIMEOUT: Duration = Duration::from_secs(180);

/// A short article every story that should still succeed holds beside its
/// bad files (invented text).
const GOOD: &str = "Harbour talks end without deal\n\n\
The harbour commission met the dock workers' union on Monday. \
Commission chair Alda Wren said the talks lasted ninety minutes. \
The union said it would consider a new offer of 4 percent.\n";

/// One entry of the catalogue.
struct Case {
    /// The case's name, as listed in `docs/reliability.md`.
    name: &'static str,
    /// Writes the input into the case's directory and says how to run it.
    build: fn(&Path) -> Input,
    /// Expected exit code: 0 (report written) or 2 (input error).
    exit: i32,
    /// Substrings standard error must contain.
    says: &'static [&'static str],
    /// Further checks of the written report (successful cases only).
    check: fn(&Report) -> Result<(), String>,
}

/// How a case runs, built at run time.
struct Input {
    /// The story argument, relative to the case's directory.
    story: String,
    /// Flags given before the subcommand.
    flags: Vec<&'static str>,
    /// Where the report goes, relative to the case's directory.
    out: &'static str,
    /// The outcome replacing the table's on this machine, and why.
    instead: Option<Instead>,
}

/// A machine-dependent outcome (e.g. running as root).
struct Instead {
    exit: i32,
    says: &'static [&'static str],
    why: &'static str,
}

impl Input {
    fn story(story: &str) -> Input {
        Input { story: story.to_string(), flags: Vec::new(), out: "out/report.json", instead: None }
    }

    fn flags(mut self, flags: &[&'static str]) -> Input {
        self.flags = flags.to_vec();
        self
    }
}

/// A written report and the directory its story was built in.
struct Report<'a> {
    json: Value,
    dir: &'a Path,
}

impl Report<'_> {
    fn article_ids(&self) -> Vec<&str> {
        self.json["articles"].as_array().unwrap().iter().filter_map(|a| a["id"].as_str()).collect()
    }

    fn article(&self, id: &str) -> Option<&Value> {
        self.json["articles"].as_array().unwrap().iter().find(|a| a["id"] == id)
    }

    fn claims_of(&self, id: &str) -> Vec<&Value> {
        self.json["claims"].as_array().unwrap().iter().filter(|c| c["article"] == id).collect()
    }

    fn diagnostics(&self) -> usize {
        self.json["diagnostics"].as_array().map_or(0, Vec::len)
    }

    /// Every claim of `id` indexes the original bytes of `file`: the bytes
    /// at its span, decoded by `decode`, are its text.
    fn spans_match(&self, id: &str, file: &str, decode: fn(&[u8]) -> String) -> Result<(), String> {
        let bytes = fs::read(self.dir.join(file)).map_err(|e| format!("{file}: {e}"))?;
        let claims = self.claims_of(id);
        if claims.is_empty() {
            return Err(format!("article {id} yielded no claim"));
        }
        for c in claims {
            let (s, e) = (c["span"]["start"].as_u64().unwrap() as usize, c["span"]["end"].as_u64().unwrap() as usize);
            let original = bytes.get(s..e).map(decode);
            if original.as_deref() != c["text"].as_str() {
                return Err(format!("claim {} text {:?} is not the bytes {s}..{e} ({original:?})", c["id"], c["text"]));
            }
        }
        Ok(())
    }
}

fn nothing(_: &Report) -> Result<(), String> {
    Ok(())
}

fn ensure(ok: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(what())
    }
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn utf16le(b: &[u8]) -> String {
    let units: Vec<u16> = b.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

fn utf16be(b: &[u8]) -> String {
    let units: Vec<u16> = b.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

fn write(dir: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

/// `story/` holding the good article and the bad `file`.
fn beside_good(dir: &Path, file: &str, contents: impl AsRef<[u8]>) -> Input {
    write(dir, "story/good.txt", GOOD);
    write(dir, &format!("story/{file}"), contents);
    Input::story("story")
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// True when `chmod 000` does not stop this process from reading (root).
#[cfg(unix)]
fn reads_despite_chmod_000(path: &Path) -> bool {
    fs::read(path).is_ok()
}

// ------------------------------------------------------------- the inputs

fn empty_file(d: &Path) -> Input {
    beside_good(d, "empty.txt", "")
}

fn whitespace_only(d: &Path) -> Input {
    beside_good(d, "blank.txt", " \n\t\r\n  \u{a0}\n")
}

fn empty_folder(d: &Path) -> Input {
    fs::create_dir_all(d.join("story")).unwrap();
    Input::story("story")
}

fn five_hundred_empty_files(d: &Path) -> Input {
    fs::create_dir_all(d.join("story")).unwrap();
    for i in 0..500 {
        write(d, &format!("story/e{i:03}.txt"), "");
    }
    Input::story("story")
}

fn five_hundred_empty_files_and_an_article(d: &Path) -> Input {
    five_hundred_empty_files(d);
    write(d, "story/good.txt", GOOD);
    Input::story("story")
}

/// Three bad sequences; the first at byte 19.
const INVALID_UTF8: &[u8] = b"Harbour chief says \xff\xfe talks lasted ninety minutes\n\n\
The commission said the talks with the union lasted \xc3 ninety minutes on Monday.\n";

fn invalid_utf8(d: &Path) -> Input {
    beside_good(d, "latin.txt", INVALID_UTF8)
}

fn utf8_bom(d: &Path) -> Input {
    beside_good(d, "bom.txt", [b"\xef\xbb\xbf".as_slice(), GOOD.replace("Monday", "Sunday").as_bytes()].concat())
}

fn utf16(d: &Path, big_endian: bool) -> Input {
    let text = GOOD.replace("Monday", "Tuesday");
    let mut bytes = if big_endian { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    beside_good(d, "wide.txt", bytes)
}

fn utf16le_without_bom(d: &Path) -> Input {
    let input = utf16(d, false);
    let path = d.join("story/wide.txt");
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[2..]).unwrap();
    input
}

fn utf16le_bom(d: &Path) -> Input {
    utf16(d, false)
}

fn utf16be_bom(d: &Path) -> Input {
    utf16(d, true)
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
const GZIP: &[u8] = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xf3\x48\xcd\xc9\xc9\x07\x00";

fn png_file(d: &Path) -> Input {
    beside_good(d, "photo.png", PNG)
}

fn png_named_txt(d: &Path) -> Input {
    beside_good(d, "photo.txt", PNG)
}

fn gzip_file(d: &Path) -> Input {
    beside_good(d, "archive.txt.gz", GZIP)
}

fn gzip_named_txt(d: &Path) -> Input {
    beside_good(d, "archive.txt", GZIP)
}

fn binary_story(d: &Path) -> Input {
    write(d, "photo.png", PNG);
    Input::story("photo.png")
}

/// A text article of `bytes` bytes: the same sentence again and again.
fn big_article(bytes: usize) -> Vec<u8> {
    let sentence = b"The commission said the talks lasted ninety minutes. ";
    sentence.iter().copied().cycle().take(bytes).collect()
}

const FIFTY_MB: usize = 50 * 1024 * 1024;

fn fifty_mb_article(d: &Path) -> Input {
    beside_good(d, "huge.txt", big_article(FIFTY_MB))
}

fn fifty_mb_article_alone(d: &Path) -> Input {
    write(d, "story/huge.txt", big_article(FIFTY_MB));
    Input::story("story")
}

fn lowered_article_limit(d: &Path) -> Input {
    beside_good(d, "long.txt", big_article(4096)).flags(&["--max-article-bytes", "1000"])
}

fn claim_limit(d: &Path) -> Input {
    beside_good(d, "long.txt", big_article(4096)).flags(&["--max-claims", "3"])
}

/// 5 MiB of words on one line: no full stop, no line break.
fn five_mb_line(d: &Path) -> Input {
    let words = ["harbour", "union", "commission", "talks", "offer", "workers", "lasted", "ninety", "minutes"];
    let mut line = String::with_capacity(5 * 1024 * 1024 + 16);
    let mut i = 0usize;
    while line.len() < 5 * 1024 * 1024 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i = i.wrapping_mul(31).wrapping_add(7) % 1009;
    }
    beside_good(d, "line.txt", line.trim_end())
}

fn deeply_nested_html(d: &Path) -> Input {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>The union said the talks lasted ninety minutes.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    write(d, "story/deep.html", page);
    write(
        d,
        "story/open.html",
        format!("<html><body>{}<p>The commission said the offer was 4 percent.", "<span><b><i>".repeat(depth)),
    );
    Input::story("story")
}

const JSONL: &str = r#"{"id":"wire","outlet":"Wire","text":"The commission said the talks lasted ninety minutes on Monday."}
{"id":"cut", "text":
this line is not JSON
{"id":"herald","outlet":"Herald","text":"Union leaders said the talks lasted an hour and a half on Monday."}
{"text": 42}
"#;

fn malformed_jsonl(d: &Path) -> Input {
    write(d, "story.jsonl", JSONL);
    Input::story("story.jsonl")
}

fn jsonl_without_a_record(d: &Path) -> Input {
    write(d, "story.jsonl", "{\"id\": 1}\nnot json\n[]\n");
    Input::story("story.jsonl")
}

fn jsonl_over_its_limit(d: &Path) -> Input {
    write(d, "story.jsonl", JSONL);
    Input::story("story.jsonl").flags(&["--max-article-bytes", "4"])
}

fn duplicate_articles(d: &Path) -> Input {
    write(d, "story/first.txt", GOOD);
    write(d, "story/second.txt", GOOD);
    write(d, "story/other.txt", GOOD.replace("ninety minutes", "two hours").replace("Alda Wren", "Ivo Marsh"));
    Input::story("story")
}

fn same_id_twice(d: &Path) -> Input {
    write(d, "story/report.txt", GOOD);
    write(d, "story/report.md", GOOD.replace("Monday", "Friday"));
    Input::story("story")
}

fn one_article(d: &Path) -> Input {
    write(d, "story/good.txt", GOOD);
    Input::story("story")
}

fn malformed_manifest(d: &Path) -> Input {
    write(d, "story/good.txt", GOOD);
    write(d, "story/story.toml", "[[article]]\nfile = \"good.txt\"\npublished = \"last Monday\"\n");
    Input::story("story")
}

#[cfg(unix)]
fn symlink_to_itself(d: &Path) -> Input {
    let input = beside_good(d, "x.txt", "");
    fs::remove_file(d.join("story/x.txt")).unwrap();
    symlink("loop.txt", &d.join("story/loop.txt"));
    input
}

#[cfg(unix)]
fn symlink_cycle(d: &Path) -> Input {
    let input = beside_good(d, "x.txt", "");
    fs::remove_file(d.join("story/x.txt")).unwrap();
    symlink("ping.txt", &d.join("story/pong.txt"));
    symlink("pong.txt", &d.join("story/ping.txt"));
    input
}

#[cfg(unix)]
fn folder_symlink_to_itself(d: &Path) -> Input {
    let input = beside_good(d, "x.txt", "");
    fs::remove_file(d.join("story/x.txt")).unwrap();
    symlink(".", &d.join("story/again"));
    input
}

#[cfg(unix)]
fn story_symlink_loop(d: &Path) -> Input {
    symlink("story", &d.join("story"));
    Input::story("story")
}

#[cfg(unix)]
fn dangling_symlink(d: &Path) -> Input {
    let input = beside_good(d, "x.txt", "");
    fs::remove_file(d.join("story/x.txt")).unwrap();
    symlink("gone.txt", &d.join("story/moved.txt"));
    input
}

#[cfg(unix)]
fn unreadable_file(d: &Path) -> Input {
    let mut input = beside_good(d, "locked.txt", GOOD.replace("Monday", "Sunday"));
    let locked = d.join("story/locked.txt");
    chmod(&locked, 0o000);
    if reads_despite_chmod_000(&locked) {
        input.instead = Some(Instead {
            exit: 0,
            says: &[],
            why: "running as root: chmod 000 does not stop reading, locked.txt was read as an article",
        });
    }
    input
}

#[cfg(unix)]
fn unreadable_folder(d: &Path) -> Input {
    let mut input = one_article(d);
    let story = d.join("story");
    chmod(&story, 0o000);
    if fs::read_dir(&story).is_ok() {
        input.instead = Some(Instead {
            exit: 0,
            says: &[],
            why: "running as root: chmod 000 does not stop reading, the folder was read",
        });
    }
    input
}

#[cfg(unix)]
fn named_pipe(d: &Path) -> Input {
    let input = beside_good(d, "x.txt", "");
    fs::remove_file(d.join("story/x.txt")).unwrap();
    let made = Command::new("mkfifo").arg(d.join("story/pipe.txt")).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
    input
}

#[cfg(unix)]
fn endless_device(_: &Path) -> Input {
    Input::story("/dev/zero").flags(&["--max-article-bytes", "100000"])
}

fn missing_story(_: &Path) -> Input {
    Input::story("no/such/story")
}

fn missing_output_folder(d: &Path) -> Input {
    let mut input = one_article(d);
    input.out = "missing/report.json";
    input
}

fn path_through_a_file(d: &Path) -> Input {
    write(d, "story/good.txt", GOOD);
    Input::story("story/good.txt/inner")
}

// ------------------------------------------------------------- the checks

fn one_good_article(r: &Report) -> Result<(), String> {
    ensure(r.article_ids() == ["good"], || format!("articles {:?}, expected only good", r.article_ids()))?;
    r.spans_match("good", "story/good.txt", lossy)
}

fn good_and_five_hundred_warnings(r: &Report) -> Result<(), String> {
    one_good_article(r)?;
    ensure(r.diagnostics() == 500, || format!("{} diagnostics, expected one per empty file", r.diagnostics()))
}

fn lossy_spans(r: &Report) -> Result<(), String> {
    r.spans_match("latin", "story/latin.txt", lossy)?;
    let replaced = r.claims_of("latin").iter().any(|c| c["text"].as_str().is_some_and(|t| t.contains('\u{FFFD}')));
    ensure(replaced, || "no claim of latin.txt carries U+FFFD".to_string())
}

fn bom_spans(r: &Report) -> Result<(), String> {
    r.spans_match("bom", "story/bom.txt", lossy)
}

fn utf16le_spans(r: &Report) -> Result<(), String> {
    r.spans_match("wide", "story/wide.txt", utf16le)
}

fn utf16be_spans(r: &Report) -> Result<(), String> {
    r.spans_match("wide", "story/wide.txt", utf16be)
}

fn at_most_three_claims(r: &Report) -> Result<(), String> {
    let n = r.claims_of("long").len();
    ensure(n == 3, || format!("long.txt kept {n} claims, expected the limit of 3"))
}

fn long_line_read(r: &Report) -> Result<(), String> {
    ensure(r.article_ids() == ["good", "line"], || format!("articles {:?}", r.article_ids()))?;
    r.spans_match("line", "story/line.txt", lossy)
}

fn nested_text_found(r: &Report) -> Result<(), String> {
    for (id, words) in [("deep", "ninety minutes"), ("open", "4 percent")] {
        let found = r.claims_of(id).iter().any(|c| c["text"].as_str().is_some_and(|t| t.contains(words)));
        ensure(found, || format!("no claim of {id}.html mentions {words:?}"))?;
    }
    Ok(())
}

fn good_jsonl_lines_kept(r: &Report) -> Result<(), String> {
    ensure(r.article_ids() == ["herald", "wire"], || format!("articles {:?}", r.article_ids()))?;
    ensure(r.diagnostics() == 3, || format!("{} diagnostics, expected one per bad line", r.diagnostics()))
}

fn counted_once(r: &Report) -> Result<(), String> {
    let dup = r.article("second").map(|a| a["duplicate_of"].clone());
    ensure(dup == Some(Value::from("first")), || format!("second.duplicate_of = {dup:?}"))?;
    ensure(r.claims_of("second").is_empty(), || "the duplicate yielded claims".to_string())?;
    ensure(!r.claims_of("first").is_empty(), || "the first copy yielded no claim".to_string())?;
    // Counted once: no fact is corroborated by the copy, so a cluster never
    // holds both copies nor counts them as two sources.
    for c in r.json["clusters"].as_array().unwrap() {
        let arts: Vec<&str> = c["articles"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        ensure(!arts.contains(&"second"), || format!("cluster {} counts the duplicate", c["id"]))?;
    }
    Ok(())
}

fn single_sourced(r: &Report) -> Result<(), String> {
    one_good_article(r)?;
    let clusters = r.json["clusters"].as_array().unwrap();
    ensure(!clusters.is_empty(), || "no cluster".to_string())?;
    ensure(clusters.iter().all(|c| c["status"] == "single-sourced"), || {
        "a cluster of one article is not single-sourced".to_string()
    })
}

// ------------------------------------------------------------- the table

/// The catalogue. Names match the table in `docs/reliability.md`.
const CASES: &[Case] = &[
    Case { name: "empty file", build: empty_file, exit: 0, says: &["story/empty.txt: skipped: empty article (no text)"], check: one_good_article },
    Case { name: "whitespace-only file", build: whitespace_only, exit: 0, says: &["story/blank.txt: skipped: empty article (no text)"], check: one_good_article },
    Case { name: "empty story folder", build: empty_folder, exit: 2, says: &["story: no readable article (0 file(s) skipped)", "the folder is empty"], check: nothing },
    Case {
        name: "story of 500 empty files",
        build: five_hundred_empty_files,
        exit: 2,
        says: &["no readable article (500 file(s) skipped)", "story/e000.txt, story/e001.txt, story/e002.txt and 497 more: skipped: empty article (no text)"],
        check: nothing,
    },
    Case { name: "500 empty files beside an article", build: five_hundred_empty_files_and_an_article, exit: 0, says: &["story/e499.txt: skipped: empty article (no text)"], check: good_and_five_hundred_warnings },
    Case { name: "invalid UTF-8", build: invalid_utf8, exit: 0, says: &["story/latin.txt: invalid UTF-8 at byte 19 (3 bad sequence(s)); decoded lossily with U+FFFD"], check: lossy_spans },
    Case { name: "UTF-8 with BOM", build: utf8_bom, exit: 0, says: &[], check: bom_spans },
    Case { name: "UTF-16 LE with BOM", build: utf16le_bom, exit: 0, says: &["story/wide.txt: decoded from UTF-16"], check: utf16le_spans },
    Case { name: "UTF-16 BE with BOM", build: utf16be_bom, exit: 0, says: &["story/wide.txt: decoded from UTF-16"], check: utf16be_spans },
    Case {
        name: "UTF-16 without BOM",
        build: utf16le_without_bom,
        exit: 0,
        says: &["story/wide.txt: skipped: looks like UTF-16 (little-endian) without a byte-order mark; convert it to UTF-8 or save it with a BOM"],
        check: one_good_article,
    },
    Case { name: "PNG image in the story folder", build: png_file, exit: 0, says: &["story/photo.png: skipped: not an article"], check: one_good_article },
    Case { name: "PNG bytes named .txt", build: png_named_txt, exit: 0, says: &["story/photo.txt: skipped: looks like a PNG image, not an article"], check: one_good_article },
    Case { name: "gzip file in the story folder", build: gzip_file, exit: 0, says: &["story/archive.txt.gz: skipped: not an article"], check: one_good_article },
    Case { name: "gzip bytes named .txt", build: gzip_named_txt, exit: 0, says: &["story/archive.txt: skipped: looks like gzip-compressed data, not an article"], check: one_good_article },
    Case { name: "binary file given as the story", build: binary_story, exit: 2, says: &["photo.png: skipped: looks like a PNG image, not an article"], check: nothing },
    Case {
        name: "50 MB article",
        build: fifty_mb_article,
        exit: 0,
        says: &["story/huge.txt: skipped: 52428800 bytes is over the limit of 16777216 bytes per article; raise it with --max-article-bytes"],
        check: one_good_article,
    },
    Case { name: "50 MB article alone", build: fifty_mb_article_alone, exit: 2, says: &["no readable article (1 file(s) skipped)", "story/huge.txt: skipped: 52428800 bytes is over the limit", "--max-article-bytes"], check: nothing },
    Case { name: "article over a lowered limit", build: lowered_article_limit, exit: 0, says: &["story/long.txt: skipped: 4096 bytes is over the limit of 1000 bytes per article; raise it with --max-article-bytes"], check: one_good_article },
    Case { name: "more claims than the limit", build: claim_limit, exit: 0, says: &["claims found, only the first 3 kept; raise the limit with --max-claims"], check: at_most_three_claims },
    Case { name: "5 MB line without sentence breaks", build: five_mb_line, exit: 0, says: &[], check: long_line_read },
    Case { name: "deeply nested HTML", build: deeply_nested_html, exit: 0, says: &[], check: nested_text_found },
    Case {
        name: "malformed JSON Lines",
        build: malformed_jsonl,
        exit: 0,
        says: &["story.jsonl (line 2): skipped line 2: not a valid article record", "story.jsonl (line 3): skipped line 3", "story.jsonl (line 5): skipped line 5"],
        check: good_jsonl_lines_kept,
    },
    Case { name: "JSON Lines without a valid record", build: jsonl_without_a_record, exit: 2, says: &["story.jsonl: no readable article (3 file(s) skipped)", "skipped line 1: not a valid article record"], check: nothing },
    Case { name: "JSON Lines over its limit", build: jsonl_over_its_limit, exit: 2, says: &["story.jsonl: ", "bytes is over the limit of 256 bytes; raise it with --max-article-bytes"], check: nothing },
    Case { name: "duplicate articles", build: duplicate_articles, exit: 0, says: &["story/second.txt: same text as article 'first'; counted once"], check: counted_once },
    Case { name: "two articles with the same id", build: same_id_twice, exit: 2, says: &["two articles have the id 'report'", "story/report.md", "story/report.txt", "rename one of them"], check: nothing },
    Case { name: "story with one article", build: one_article, exit: 0, says: &[], check: single_sourced },
    Case { name: "malformed story.toml", build: malformed_manifest, exit: 2, says: &["story/story.toml: invalid story manifest", "'last Monday' is not YYYY-MM-DD"], check: nothing },
    #[cfg(unix)]
    Case { name: "symlink to itself", build: symlink_to_itself, exit: 0, says: &["story/loop.txt: skipped: ", "symbolic links"], check: one_good_article },
    #[cfg(unix)]
    Case { name: "symlink cycle", build: symlink_cycle, exit: 0, says: &["story/ping.txt: skipped: ", "story/pong.txt: skipped: ", "symbolic links"], check: one_good_article },
    #[cfg(unix)]
    Case { name: "folder symlink to itself", build: folder_symlink_to_itself, exit: 0, says: &[], check: one_good_article },
    #[cfg(unix)]
    Case { name: "story path is a symlink loop", build: story_symlink_loop, exit: 2, says: &["cannot check the story story", "symbolic links", "check that the path exists and is readable"], check: nothing },
    #[cfg(unix)]
    Case { name: "dangling symlink", build: dangling_symlink, exit: 0, says: &["story/moved.txt: skipped: ", "No such file or directory"], check: one_good_article },
    #[cfg(unix)]
    Case { name: "unreadable file", build: unreadable_file, exit: 0, says: &["story/locked.txt: skipped: cannot read (Permission denied"], check: one_good_article },
    #[cfg(unix)]
    Case { name: "unreadable story folder", build: unreadable_folder, exit: 2, says: &["cannot check the story story", "Permission denied", "check that the path exists and is readable"], check: nothing },
    #[cfg(unix)]
    Case { name: "named pipe in the story folder", build: named_pipe, exit: 0, says: &["story/pipe.txt: skipped: not a regular file (a named pipe, socket or device)"], check: one_good_article },
    #[cfg(unix)]
    Case { name: "endless device as the story", build: endless_device, exit: 2, says: &["/dev/zero: skipped: more than 100000 bytes is over the limit of 100000 bytes per article; raise it with --max-article-bytes"], check: nothing },
    Case { name: "non-existent story", build: missing_story, exit: 2, says: &["cannot check the story no/such/story", "No such file or directory", "check that the path exists"], check: nothing },
    Case { name: "path through a file", build: path_through_a_file, exit: 2, says: &["story/good.txt/inner", "Not a directory"], check: nothing },
    Case { name: "non-existent output folder", build: missing_output_folder, exit: 2, says: &["missing/report.json", "check that the directory exists"], check: nothing },
];

// ------------------------------------------------------------- the runner

/// What one run of the binary did.
struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs `crosscheck ARGS` in `cwd`, killing it after [`TIMEOUT`]; output
/// goes through files so that a full pipe can never stall the child.
fn run(cwd: &Path, args: &[String], logs: &Path) -> Ran {
    let (out_path, err_path) = (logs.join("stdout"), logs.join("stderr"));
    let start = Instant::now();
    // Semantic matching off: the catalogue counts diagnostics, and whether
    // the build has the embedding runtime must not change the count.
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .args(["--semantic", "off"])
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("run crosscheck");
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &PathBuf| String::from_utf8_lossy(&fs::read(p).unwrap_or_default()).into_owned();
    Ran { code, stdout: read(&out_path), stderr: read(&err_path), took: start.elapsed() }
}

/// The entries of `dir`, sorted; empty when it does not exist.
fn listing(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut names: Vec<String> = entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Runs one case; returns a line for the summary, or what went wrong.
fn run_case(case: &Case) -> Result<String, String> {
    let root = tempfile::tempdir().unwrap();
    let (dir, logs) = (root.path().join("case"), root.path().join("logs"));
    fs::create_dir_all(&dir).unwrap();
    fs::create_dir_all(&logs).unwrap();
    let input = (case.build)(&dir);
    let out_dir = dir.join(Path::new(input.out).parent().unwrap());
    if input.out.starts_with("out/") {
        fs::create_dir_all(&out_dir).unwrap();
    }
    let mut args: Vec<String> = vec!["--verbose".into()];
    args.extend(input.flags.iter().map(|f| f.to_string()));
    args.extend(["check", &input.story, "--out", input.out, "--format", "json"].map(String::from));
    let ran = run(&dir, &args, &logs);
    restore_permissions(&dir);

    let (exit, says, note) = match &input.instead {
        Some(i) => (i.exit, i.says, format!(" — {}", i.why)),
        None => (case.exit, case.says, String::new()),
    };
    let context = || format!("\n    args: {args:?}\n    stderr: {}", clip(&ran.stderr));
    let Some(code) = ran.code else {
        return Err(format!("timed out after {:?}{}", TIMEOUT, context()));
    };
    ensure(!ran.stderr.contains("panicked"), || format!("panicked{}", context()))?;
    ensure(code == exit, || format!("exit code {code}, expected {exit}{}", context()))?;
    for s in says {
        ensure(ran.stderr.contains(s), || format!("standard error lacks {s:?}{}", context()))?;
    }
    ensure(ran.stdout.is_empty(), || format!("printed on standard output with --out: {}", clip(&ran.stdout)))?;
    let written = listing(&out_dir);
    if code == 0 {
        ensure(written == ["report.json"], || format!("output folder holds {written:?}, expected only report.json"))?;
        let json: Value = serde_json::from_slice(&fs::read(out_dir.join("report.json")).unwrap())
            .map_err(|e| format!("report.json is not JSON: {e}"))?;
        if input.instead.is_none() {
            (case.check)(&Report { json, dir: &dir })?;
        }
    } else {
        ensure(written.is_empty(), || format!("a failed run left {written:?} in {}", out_dir.display()))?;
    }
    Ok(format!("exit {code}, {:.2} s{note}", ran.took.as_secs_f64()))
}

/// Gives back read and write permission on everything under `dir`, so that
/// the temporary directory can be removed after the chmod 000 cases.
fn restore_permissions(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for rel in ["story", "story/locked.txt"] {
            let p = dir.join(rel);
            if fs::symlink_metadata(&p).is_ok_and(|m| !m.file_type().is_symlink()) {
                let mode = if p.is_dir() { 0o755 } else { 0o644 };
                let _ = fs::set_permissions(&p, fs::Permissions::from_mode(mode));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn clip(s: &str) -> String {
    const MAX: usize = 2000;
    if s.len() <= MAX {
        return s.to_string();
    }
    let mut end = MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &s[..end], s.len())
}

#[test]
fn bad_input_catalogue() {
    let mut failures = Vec::new();
    eprintln!("bad-input catalogue ({} cases):", CASES.len());
    for case in CASES {
        match run_case(case) {
            Ok(summary) => eprintln!("  ok    {:<40} {summary}", case.name),
            Err(why) => {
                eprintln!("  FAIL  {:<40} {why}", case.name);
                failures.push(format!("{}: {why}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

/// The table of `docs/reliability.md` lists every case of the catalogue.
#[test]
fn every_case_is_documented() {
    let doc = fs::read_to_string(support::repo_root().join("docs/reliability.md")).expect("docs/reliability.md");
    let missing: Vec<&str> = CASES.iter().map(|c| c.name).filter(|n| !doc.contains(&format!("| {n} |"))).collect();
    assert!(missing.is_empty(), "docs/reliability.md does not list: {missing:?}");
}
