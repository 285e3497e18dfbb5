//! Readers of third-party evaluation corpora.
