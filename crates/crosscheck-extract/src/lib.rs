//! Claim extraction: atomic claims with spans, attribution, entities and quantities.
