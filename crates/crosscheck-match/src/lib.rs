//! Cross-outlet claim matching: blocking, pair features and a learned scorer.
//!
//! Given the claims of a story, the matcher answers one question per pair of
//! claims from different articles: do they state the same fact, and if so,
//! in the same words ([`EdgeKind::Verbatim`](crosscheck_core::EdgeKind)), in
//! other words (`Paraphrase`), or with a detail that cannot be true at the
//! same time (`Conflict`)? It works in four steps.
//!
//! **Preparation** ([`prepare`]). Each claim is analysed once into a
//! [`Prepared`]: its text folded (accents off, lower case, typographic
//! punctuation to ASCII, clitics normalised so that MRPC's tokenised
//! `Dominick 's` / `does n't` read like `Dominick's` / `doesn't`), Snowball
//! English stems, content stems (minus the stopword list in
//! `data/stopwords.txt`), IDF weights, character-trigram shingles, numbers
//! written in digits, entity keys (or capitalised words as a proxy while a
//! claim carries no entities), role keys, quantities, negation and hedge
//! flags (the claim's own, or a negator or denial verb of
//! `crosscheck_normalize::negation`, or a hedge of
//! `data/hedges.txt`) and the speaker key.
//!
//! **Features** ([`features()`]). A pair becomes a fixed vector of named
//! measures ([`FEATURE_NAMES`]): string similarities (normalised
//! Levenshtein, Jaro-Winkler, Sørensen-Dice on character bigrams, trigram
//! Jaccard), token measures (token-set ratio, containment, stem Jaccard,
//! IDF-weighted overlap and containment, TF-IDF cosine), sequence measures
//! (stem bigram/trigram Dice, longest common subsequence, length ratio),
//! what is left unmatched (counts, IDF mass, longest unmatched run — the
//! "extra clause" that makes MRPC annotators say *not* a paraphrase), and
//! agreement of numbers, entities, quantities, negation, hedging and
//! speakers. IDF comes from a fixed table (`model/idf.tsv`, built from the
//! MRPC and STS Benchmark training sentences by the training example), not
//! from the story itself: a pair's score must not depend on which other
//! articles happen to be in the story.
//!
//! **Scoring** ([`Model`]). A logistic regression on standardised features
//! with an L2 penalty, fitted by Newton's method, trained on the MRPC
//! training corpus and shipped as `model/weights.json` (compiled in with
//! `include_str!`). The file records the command that rewrites it and its
//! cross-validated accuracy; `tests/mrpc.rs` checks that the figures still
//! hold for the current extractor. Retrain whenever extraction changes what
//! `analyse_sentence` fills in:
//! `cargo run --release -p crosscheck-match --example train -- ../shared/corpora/mrpc/msr_paraphrase_train.txt`.
//!
//! **Decision** ([`decide`]). Conflict is tested first, because a conflict
//! is worded almost identically ("lasted 90 minutes" / "lasted 30
//! minutes"): the pair must share its topic (enough non-numeric content
//! stems, no disjoint entities) and disagree on a quantity (incompatible
//! intervals in the same unit), on digits when no quantities were
//! extracted, on negation, or on the role of one entity. Otherwise
//! near-identical wording is Verbatim, and a score at the model's threshold
//! is Paraphrase. Every number behind these rules lives in [`Thresholds`].
//!
//! **Blocking** ([`candidates`]) keeps the work linear: claims are indexed
//! by rare stems, entity keys, numbers and quantity buckets, and only
//! cross-article claims sharing enough keys are scored; over-long posting
//! lists are dropped. [`score_pairs`] scores free-standing sentence pairs
//! for the CLI's `pairs` command.
//!
//! Nothing here panics on input: empty texts give finite zero features, a
//! model file that does not match this build's features is refused with a
//! [`MatchError`], and corpus readers report the file and line they choke on.

pub mod blocking;
pub mod decide;
pub mod error;
pub mod features;
pub mod model;
pub mod prepare;
pub mod semantic;
pub mod semantic_training;
pub mod training;

pub use blocking::{candidates, candidates_with};
pub use decide::{decide, decide_with, score_pairs, PairDecision, Thresholds};
pub use error::MatchError;
pub use features::{features, Features, FEATURE_NAMES};
pub use model::Model;
pub use prepare::{prepare, prepare_with, IdfTable, Prepared};
pub use semantic::{decide_semantic, SemanticModel};
