//! Speed and scale: how long crosscheck takes on large stories, how that
//! grows with the story, and how it compares with what a data journalist
//! would write in Python.
//!
//! A real 10,000-article story is not something we can ship, so this crate
//! *builds* one from real text, at run time, from the shared corpora
//! ([`corpora`]): FNC-1 article bodies, ECB+ articles, MRPC and STS
//! Benchmark sentences. [`generate`] assembles N articles of headline and
//! paragraphs in which a controlled share of sentences state facts shared
//! with other articles — verbatim, in a paraphrase taken from an MRPC/STS
//! positive pair, or with a changed number (a dispute) — a share of
//! articles are rewritten copies crediting their source with a
//! `Reference(s): <outlet>` line, and the rest is single-sourced filler.
//! The same seed always gives the same bytes ([`rng`] draws from
//! `crosscheck_core::SplitMix64`), and nothing from the corpora is stored in the repository;
//! when `../shared` is missing the generator says so and stops.
//!
//! Measuring ([`harness`], [`run`], [`measure`]): each measured run is a
//! child process (`bench run-one`) that loads the story, runs
//! `crosscheck_pipeline::check_story`, writes the JSON report and prints
//! its own timings and peak RSS (`VmHWM`), so each N gets a clean memory
//! peak and thread counts are set with `RAYON_NUM_THREADS`. The parent takes
//! medians over repeated runs, fits the exponent of time against N on a
//! log-log line ([`measure::fit_power`]), compares 1 and 2 threads and
//! checks that their reports are byte-identical (naming the differing JSON
//! paths when they are not), and runs the Python peer under `bench/peer/`
//! on the same story ([`peer`]). The stage micro-benchmarks live in
//! `benches/stages.rs` (criterion).
//!
//! The binaries are `gen` (write a story) and `bench` (measure); the
//! figures and how to re-measure them are in `docs/benchmarks.md`.

pub mod cli;
pub mod corpora;
pub mod error;
pub mod generate;
pub mod harness;
pub mod measure;
pub mod peer;
pub mod rng;
pub mod run;
pub mod store;

pub use error::BenchError;
pub use generate::{generate, GenConfig, GenStats, SyntheticStory};
pub use store::{write_story, StoryFormat};
