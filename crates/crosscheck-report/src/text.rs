//! Small text helpers shared by the renderers.

use std::collections::HashSet;

use crate::settings::STOPWORDS;

/// `text` on one line, cut to at most `max` characters with an ellipsis.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let line = crate::sanitize::one_line(text);
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Splits `text` into alternating word and non-word segments; `true` marks
/// words (runs of alphanumeric characters).
pub(crate) fn segments(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric();
        if in_word != Some(word) {
            if let Some(prev) = in_word {
                out.push((&text[start..i], prev));
            }
            start = i;
            in_word = Some(word);
        }
    }
    if let Some(prev) = in_word {
        out.push((&text[start..], prev));
    }
    out
}

/// The lower-cased words of `text` worth highlighting when shared.
pub(crate) fn significant_words(text: &str) -> HashSet<String> {
    segments(text).into_iter().filter(|(_, w)| *w).map(|(s, _)| s.to_lowercase()).filter(|w| is_significant(w)).collect()
}

/// True for a lower-cased word that is not a stopword.
pub(crate) fn is_significant(word: &str) -> bool {
    !STOPWORDS.contains(&word)
}

/// Byte range of `needle` in `hay`, ignoring ASCII case.
pub(crate) fn find_ascii_ci(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    let start = hay.to_ascii_lowercase().find(&needle.to_ascii_lowercase())?;
    Some((start, start + needle.len()))
}

/// The JSON spelling of a unit-like enum value ("single-sourced", "html-meta").
pub(crate) fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_on_chars() {
        assert_eq!(shorten("héllo wörld", 6), "héllo…");
        assert_eq!(shorten("short\ntext", 20), "short text");
    }

    #[test]
    fn segments_alternate() {
        assert_eq!(segments("Putin, 90 min."), vec![("Putin", true), (", ", false), ("90", true), (" ", false), ("min", true), (".", false)]);
        assert!(segments("").is_empty());
    }

    #[test]
    fn stopwords_are_not_significant() {
        let w = significant_words("The talks lasted 90 minutes");
        assert!(w.contains("talks") && w.contains("90") && !w.contains("the"));
    }
}
