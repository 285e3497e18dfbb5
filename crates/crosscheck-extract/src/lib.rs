//! Claim extraction (work in progress: the single-sentence entry point below
//! is the stable API the matcher trains with).

use crosscheck_core::{ArticleId, AttributionMode, Claim, ClaimId, ClaimKind, Span};

/// Analyse one free-standing sentence as a body claim of a pseudo-article
/// `s`: its span covers the whole text. Entities and quantities are filled in
/// as extraction grows.
pub fn analyse_sentence(text: &str) -> Claim {
    let article = ArticleId("s".to_string());
    Claim {
        id: ClaimId::new(&article, 1),
        article,
        span: Span { start: 0, end: text.len() },
        text: text.to_string(),
        kind: ClaimKind::Body,
        attribution: None,
        mode: AttributionMode::OutletStatement,
        entities: Vec::new(),
        quantities: Vec::new(),
        negated: false,
        hedged: false,
        paragraph: 0,
    }
}
