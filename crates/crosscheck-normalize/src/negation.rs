//! The negation vocabulary shared by extraction (is a claim negated?) and
//! matching (does a negation bear on what the other claim says?).

/// Words that negate what follows them, lower-cased. "n't" stands for
/// every contraction ending in it ("doesn't", "won't").
pub const NEGATORS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "n't", "cannot",
    // Adjectives that deny a likelihood: "unlikely to join" is "not likely to join".
    "unlikely", "improbable", "unrealistic",
];

/// Verbs that deny a statement: not grammatical negation, but a claim that
/// something is *not* so ("the Kremlin denied the report").
pub const DENIALS: &[&str] = &["denied", "denies", "deny"];

/// True when the lower-cased `word` negates: a [`NEGATORS`] word or any
/// contraction ending in "n't".
pub fn is_negator(word: &str) -> bool {
    NEGATORS.contains(&word) || word.ends_with("n't")
}

/// True when the lower-cased `word` is a [`DENIALS`] verb.
pub fn is_denial(word: &str) -> bool {
    DENIALS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negators_include_contractions_and_exclude_denials() {
        assert!(is_negator("not") && is_negator("doesn't") && is_negator("nobody"));
        assert!(!is_negator("note") && !is_negator("denied"));
        assert!(is_negator("unlikely") && is_negator("unrealistic") && !is_negator("likely"));
        assert!(is_denial("denied") && !is_denial("not"));
    }
}
