//! Cross-outlet claim matching: blocking, pair features and a learned scorer.
