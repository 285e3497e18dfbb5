//! Repros of bugs met while building the command line, one test each, named
//! after the symptom. Add a test here before fixing the next one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::TestDir;

/// The first error printer chained every cause after the message, and the
/// story reader's I/O error already quotes its source, so a missing story
/// said "No such file or directory" twice.
#[test]
fn missing_story_error_names_the_cause_once() {
    let dir = TestDir::new();
    let run = dir.run(&["check", "no-such-story"]).expect_code(2);
    let line = run.stderr.trim();
    assert!(line.starts_with("error: cannot check the story no-such-story"), "{line}");
    assert_eq!(line.matches("No such file or directory").count(), 1, "{line}");
    assert!(line.contains("check that the path exists"), "{line}");
}

/// Writing the reports inside the batch folder (`--out stories/reports`)
/// must not turn the report folder into a story of the next run.
#[test]
fn batch_output_folder_inside_the_input_is_not_a_story() {
    let dir = TestDir::new();
    dir.copy_dir(&support::demo(), "stories/demo");
    dir.run(&["batch", "stories", "--out", "stories/reports"]).ok();
    let again = dir.run(&["batch", "stories", "--out", "stories/reports"]).ok();
    assert!(!again.stdout.lines().any(|l| l.starts_with("reports")), "{}", again.stdout);
    assert_eq!(dir.list("stories/reports"), ["demo.json"]);
}

/// A story that yields no article gave "see the diagnostics" and nothing
/// else: the error now also says what a story folder must contain.
#[test]
fn story_without_articles_says_what_a_story_is() {
    let dir = TestDir::new();
    dir.write("story/notes.docx", "not an article");
    let run = dir.run(&["check", "story"]).expect_code(2);
    assert!(run.stderr.contains(".txt, .md, .html"), "{}", run.stderr);
    assert!(run.stderr.contains("the folder holds: notes.docx"), "names what it found instead: {}", run.stderr);
}

/// Found by the `numbers` fuzz target: "1..2" in an article made the
/// tokenizer push empty tokens for ever, and `check` ran out of memory.
#[test]
fn a_double_dot_between_digits_is_read() {
    let dir = TestDir::new();
    dir.write("story/a.txt", "The minister said the score was 1..2 at half time.\n");
    dir.write("story/b.txt", "Officials said the talks lasted v2..3..4 minutes.\n");
    let run = dir.run(&["check", "story", "--format", "json"]).ok();
    assert!(run.json()["claims"].as_array().is_some_and(|c| c.len() >= 2), "{}", run.stdout);
}

/// Found by the extractor's span property test the moment byline lines
/// learned "By …; Editing by …": the credit reader cut the original line at
/// an offset taken from its lower-cased copy, and a capital whose
/// lower-case form is longer ('Ⱥ' → 'ⱥ') made `check` panic.
#[test]
fn a_byline_whose_lower_case_is_longer_is_read() {
    let dir = TestDir::new();
    dir.write("story/a.txt", "Storm in Lorvik\n\nBy Anna ȺȺ; Editing by Alex Holm\n\nThe storm cut power to 40,000 homes, police said.\n");
    dir.write("story/b.txt", "Lorvik storm\n\nThe storm cut power to 40,000 homes on Monday, officials said.\n");
    let run = dir.run(&["check", "story", "--format", "json"]).ok();
    assert!(run.json()["claims"].as_array().is_some_and(|c| c.len() >= 2), "{}", run.stdout);
}
