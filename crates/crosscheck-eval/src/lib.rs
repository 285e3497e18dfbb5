//! Evaluation: how good is a crosscheck report, measured against gold
//! annotations and third-party corpora.
//!
//! # Why this crate exists
//!
//! crosscheck makes judgements a fact-checker will act on: that two outlets
//! say the same thing, that one article is a rewrite of another, that a
//! figure is disputed. Those judgements are only as trustworthy as our
//! measurements of them, and a measurement is only useful if everyone agrees
//! on it. The project's yardstick for stories is the reference scorer
//! `shared/eval/score.py`, which is also run on held-out stories nobody in
//! the project has seen. This crate re-implements it *exactly*, so engine
//! developers get the same figures from `cargo test` as the held-out
//! evaluation gives, plus explanations score.py cannot give.
//!
//! # The story scorer
//!
//! [`score`] takes a [`crosscheck_core::Report`], a [`Gold`] annotation
//! ([`load_gold`]) and the article files ([`load_articles`]: id = file name
//! without extension, bytes as on disk) and returns [`StoryScores`]:
//!
//! - *mention recall*: gold mentions covered by a claim. A claim covers a
//!   mention when it overlaps at least half of it and is at most
//!   `3·L + 200` bytes long (whole paragraphs do not count).
//! - *pair precision / recall / F1* over cross-article pairs of mentions of
//!   the same gold claim, and over cross-article pairs of claims of the same
//!   system cluster.
//! - *status accuracy*: gold clusters whose covering claims' statuses vote
//!   (majority, first counted wins ties, as Python's `Counter`) for the gold
//!   status.
//! - *dispute recall*: clear gold disputes matched by a reported dispute
//!   holding claims of two sides; furniture claims; derivations found and
//!   spurious.
//!
//! The figures are kept unrounded; [`StoryScores::display_json`] and the
//! `Display` impl round to three decimals exactly as Python's `round` does
//! (half-even on the exact binary value). Every Python subtlety is mirrored:
//! gold quotes are located by the first byte-level `find`, gold `doc` keys
//! must be the prefix of exactly one article id, offset-form mentions are
//! checked against their SHA-1, a dispute's `cluster` adds the cluster's
//! members, later clusters win when a claim is listed twice. The test
//! `tests/story_vs_python.rs` runs score.py on synthetic reports (perfect,
//! paragraph-sized claims, random clusterings, status ties) and asserts
//! equal output.
//!
//! [`explain`] turns a score into findings for engine developers: which gold
//! mentions no claim covers and why the nearest claim fails the covering
//! rule, which gold clusters are split across system clusters, which system
//! clusters join unrelated gold claims, which statuses were outvoted, which
//! disputes were missed.
//!
//! # Corpora
//!
//! [`corpora`] reads the third-party data in `shared/corpora` into plain
//! structs: MRPC and user pair files (TSV, JSON Lines) for the matcher, STS
//! Benchmark for similarity calibration, FNC-1 for stance and dispute
//! detection, ECB+ for cross-document event coreference, with the classic
//! same-lemma baseline as a reference point ([`corpora::ecb_pairs`]).
//!
//! # The harness
//!
//! [`harness::run`] measures everything at once — the seed story against
//! its gold, any other gold story, paraphrase matching on MRPC and STS
//! Benchmark, the normalisation suites, cross-document matching on ECB+
//! and dispute detection on FNC-1 — into a [`harness::Table`] that renders
//! for a terminal and as the blocks of `docs/accuracy.md`, every figure
//! with its anchor and the command that produced it. `--quick` is CI's
//! guard (`tests/floors.rs` against [`harness::FLOORS`]); run it with
//! `cargo run --release -p crosscheck-eval --example eval -- --quick` (or
//! `--all --write-docs` to refresh the docs).
//!
//! # Errors
//!
//! Nothing here panics on bad input. Every failure is an [`EvalError`] that
//! names the file and, for row formats, the line, and says what is wrong.

pub mod corpora;
mod error;
mod explain;
mod gold;
pub mod harness;
mod story;

pub use error::EvalError;
pub use gold::{load_articles, load_gold, Boilerplate, Gold, GoldCluster, GoldDispute, GoldMention, GoldOutlet, GoldSide};
pub use story::{explain, linked_pair_counts, py_round, score, StoryScores};
