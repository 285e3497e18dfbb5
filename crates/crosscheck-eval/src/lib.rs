//! Evaluation: metrics against gold annotations and third-party corpora.
