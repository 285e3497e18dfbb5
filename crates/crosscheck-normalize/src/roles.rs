//! Stage 8: roles and titles written before names.
//!
//! "former U.S. President" → key `former|us|president`; "Kremlin
//! spokesman" → `kremlin|spokesperson`; "Secretary of Defense" and "Defense
//! Secretary" → title `defense secretary`. Rank words ("vice", "deputy")
//! are part of the title, so "Vice President" ≠ "President"; temporal
//! qualifiers ("former", "acting", "new") are kept apart in `qualifier`.

use crosscheck_core::value::Role;

use crate::entities::alias_key;
use crate::fold::fold;

/// Adjectival and short country forms → country keys (same keys as
/// [`crate::entities::ALIASES`]).
pub const DEMONYMS: &[(&str, &str)] = &[
    ("american", "us"), ("us", "us"), ("russian", "ru"), ("ukrainian", "ua"), ("british", "uk"),
    ("uk", "uk"), ("french", "fr"), ("german", "de"), ("chinese", "cn"), ("iranian", "ir"),
    ("israeli", "il"), ("european", "eu"), ("eu", "eu"), ("un", "un"), ("nato", "nato"),
    ("kremlin", "kremlin"), ("white house", "white house"), ("pentagon", "pentagon"),
    ("north korean", "kp"), ("south korean", "kr"), ("turkish", "tr"), ("polish", "pl"),
    ("italian", "it"), ("japanese", "jp"), ("indian", "in"), ("saudi", "sa"), ("hungarian", "hu"),
    // Countries without an alias entry key by their name.
    ("estonian", "estonia"), ("finnish", "finland"), ("latvian", "latvia"), ("lithuanian", "lithuania"),
    ("swedish", "sweden"), ("norwegian", "norway"), ("danish", "denmark"), ("dutch", "netherlands"),
    ("belgian", "belgium"), ("spanish", "spain"), ("portuguese", "portugal"), ("greek", "greece"),
    ("austrian", "austria"), ("swiss", "switzerland"), ("czech", "czechia"), ("slovak", "slovakia"),
    ("romanian", "romania"), ("bulgarian", "bulgaria"), ("serbian", "serbia"), ("croatian", "croatia"),
    ("belarusian", "belarus"), ("georgian", "georgia"), ("armenian", "armenia"), ("azerbaijani", "azerbaijan"),
    ("moldovan", "moldova"), ("kazakh", "kazakhstan"), ("egyptian", "egypt"), ("syrian", "syria"),
    ("iraqi", "iraq"), ("lebanese", "lebanon"), ("jordanian", "jordan"), ("qatari", "qatar"),
    ("emirati", "uae"), ("pakistani", "pakistan"), ("afghan", "afghanistan"), ("brazilian", "brazil"),
    ("mexican", "mexico"), ("canadian", "canada"), ("australian", "australia"), ("argentine", "argentina"),
    ("venezuelan", "venezuela"), ("colombian", "colombia"), ("nigerian", "nigeria"), ("kenyan", "kenya"),
    ("south african", "south africa"), ("ethiopian", "ethiopia"), ("indonesian", "indonesia"),
    ("vietnamese", "vietnam"), ("thai", "thailand"), ("filipino", "philippines"), ("taiwanese", "taiwan"),
    ("palestinian", "palestine"), ("irish", "ireland"), ("slovenian", "slovenia"), ("icelandic", "iceland"),
];

/// Temporal qualifiers, with their canonical form.
const QUALIFIERS: &[(&str, &str)] = &[
    ("former", "former"), ("ex", "former"), ("then", "former"), ("late", "former"),
    ("outgoing", "outgoing"), ("incoming", "incoming"), ("acting", "acting"),
    ("interim", "interim"), ("new", "new"), ("newly elected", "new"), ("current", "current"),
];

/// Rank words that become part of the title.
const RANKS: &[&str] = &["vice", "deputy", "assistant", "chief", "senior", "first"];

/// Title synonyms → canonical title words.
const SYNONYMS: &[(&str, &str)] = &[
    ("spokesman", "spokesperson"), ("spokeswoman", "spokesperson"), ("spokesperson", "spokesperson"),
    ("defence", "defense"), ("chairman", "chair"), ("chairwoman", "chair"), ("chairperson", "chair"),
    ("advisor", "adviser"), ("premier", "prime minister"), ("pm", "prime minister"),
    ("foreign affairs", "foreign"), ("secretary-general", "secretary general"),
];

/// Head nouns that make a phrase a role.
const HEADS: &[&str] = &[
    "president", "minister", "secretary", "spokesperson", "chancellor", "king", "queen", "senator",
    "governor", "mayor", "ambassador", "envoy", "general", "commander", "director", "chair",
    "leader", "aide", "adviser", "official", "head", "ceo", "pope", "prince", "lawmaker",
    "representative", "congressman", "congresswoman", "negotiator", "prosecutor", "judge",
];

fn tokens(title: &str) -> Vec<String> {
    let f = fold(title).replace(['.', '\''], "");
    f.split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses a title phrase into a [`Role`]; `None` when it holds no role noun.
pub fn parse_role(title: &str) -> Option<Role> {
    let mut toks = tokens(title);
    let mut qualifier: Option<String> = None;
    let mut of: Option<String> = None;
    let mut rest: Vec<String> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        // A two-word qualifier is compared word by word ("newly elected").
        let two = |w: &str| toks.get(k + 1).is_some_and(|n| w.split_once(' ') == Some((toks[k].as_str(), n.as_str())));
        if let Some((q, n)) = QUALIFIERS.iter().find(|(w, _)| two(w)).map(|(_, q)| (*q, 2)).or_else(|| QUALIFIERS.iter().find(|(w, _)| *w == toks[k]).map(|(_, q)| (*q, 1))) {
            qualifier = qualifier.or(Some(q.to_string()));
            k += n;
            continue;
        }
        if let Some((c, n)) = country_at(&toks, k) {
            of = of.or(Some(c));
            k += n;
            continue;
        }
        rest.push(std::mem::take(&mut toks[k]));
        k += 1;
    }
    let title = canonical_title(&rest)?;
    let rank = rest.iter().find(|w| RANKS.contains(&w.as_str())).cloned();
    let qualifier = qualifier.or(rank);
    let key = [qualifier.as_deref().filter(|q| is_temporal(q)), of.as_deref(), Some(title.as_str())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("|");
    Some(Role { key, title, qualifier, of })
}

fn is_temporal(q: &str) -> bool {
    QUALIFIERS.iter().any(|(_, c)| *c == q)
}

/// A country or organisation at token `k`; returns (key, tokens used).
fn country_at(toks: &[String], k: usize) -> Option<(String, usize)> {
    let mut phrase = String::new();
    for n in (1..=3).rev() {
        let Some(words) = toks.get(k..k + n) else { continue };
        phrase.clear();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                phrase.push(' ');
            }
            phrase.push_str(w);
        }
        if let Some(c) = demonym(&phrase) {
            return Some((c.to_string(), n));
        }
        if let Some(c) = alias_key(&phrase) {
            return Some((c.to_string(), n));
        }
    }
    None
}

/// The country key of the first [`DEMONYMS`] entry for `phrase`, from an
/// index built once.
fn demonym(phrase: &str) -> Option<&'static str> {
    static INDEX: std::sync::LazyLock<std::collections::HashMap<&str, &str, crate::StrBuildHasher>> =
        std::sync::LazyLock::new(|| {
            let mut index = std::collections::HashMap::default();
            for (w, c) in DEMONYMS {
                index.entry(*w).or_insert(*c);
            }
            index
        });
    INDEX.get(phrase).copied()
}

/// Joins the title words, applying synonyms and "secretary of X" → "X secretary".
fn canonical_title(words: &[String]) -> Option<String> {
    let mut text = words.join(" ");
    for (from, to) in SYNONYMS {
        if let Some(replaced) = replace_word(&text, from, to) {
            text = replaced;
        }
    }
    let mut ws: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    // "secretary of defense" → "defense secretary"; "president of" (country
    // already taken out) → "president".
    if let Some(p) = ws.iter().position(|w| *w == "of") {
        let (head, tail) = (ws[..p].to_vec(), ws[p + 1..].to_vec());
        ws = if tail.is_empty() { head } else { tail.into_iter().chain(head).collect() };
    }
    ws.retain(|w| !matches!(*w, "the" | "presidential"));
    let title = ws.join(" ");
    let has_head = ws.iter().any(|w| HEADS.contains(w));
    if !has_head {
        return None;
    }
    Some(title)
}

/// `text` with every word sequence `from` written `to`, trimmed; `None`
/// when that is `text` as it is (no copy made).
fn replace_word(text: &str, from: &str, to: &str) -> Option<String> {
    // A one-word `from` that is none of the words: " text " trimmed is
    // `text` trimmed, without formatting the padded copies.
    if !from.contains(' ') && !text.split(' ').any(|w| w == from) {
        return (text.trim().len() != text.len()).then(|| text.trim().to_string());
    }
    let padded = format!(" {text} ");
    Some(padded.replace(&format!(" {from} "), &format!(" {to} ")).trim().to_string())
}

/// Titles one person holds at a time in a given country or body ("the U.S.
/// president", "Britain's foreign secretary").
const SINGULAR_TITLES: &[&str] =
    &["president", "vice president", "prime minister", "chancellor", "king", "queen", "pope", "secretary general"];

/// Title words that make an office one of several ("deputy foreign
/// minister", "special envoy").
const PLURAL_MARKERS: &[&str] = &["deputy", "assistant", "senior", "junior", "special", "state"];

/// True when one person at a time holds `role`: a singular title or a
/// portfolio minister or secretary ("foreign minister", "defense
/// secretary"), of a named country or body, with no qualifier ("former",
/// "acting", "incoming" holders are others).
pub fn is_singular_office(role: &Role) -> bool {
    let words: Vec<&str> = role.title.split_whitespace().collect();
    let portfolio = words.len() == 2 && matches!(words[1], "minister" | "secretary");
    role.of.is_some()
        && role.qualifier.is_none()
        && !words.iter().any(|w| PLURAL_MARKERS.contains(w))
        && (SINGULAR_TITLES.contains(&role.title.as_str()) || portfolio)
}

/// True when two roles cannot both describe one person at one time: the
/// titles differ, the countries differ (when both are given), or one is a
/// former holder and the other is not. Omitting the country is not a
/// conflict ("President" vs "U.S. President").
pub fn roles_conflict(a: &Role, b: &Role) -> bool {
    if a.title != b.title {
        return true;
    }
    if let (Some(x), Some(y)) = (&a.of, &b.of) {
        if x != y {
            return true;
        }
    }
    let former = |r: &Role| r.qualifier.as_deref() == Some("former");
    former(a) != former(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(t: &str) -> String {
        parse_role(t).map(|r| r.key).unwrap_or_default()
    }

    #[test]
    fn singular_offices() {
        let singular = |t: &str| parse_role(t).is_some_and(|r| is_singular_office(&r));
        assert!(singular("U.S. President") && singular("British Foreign Secretary") && singular("Russian Prime Minister"));
        assert!(!singular("President"), "no country: presidents of several countries");
        assert!(!singular("former U.S. President") && !singular("Russian Deputy Foreign Minister"));
        assert!(!singular("U.S. Senator") && !singular("Kremlin spokesman"));
    }

    #[test]
    fn parses_titles() {
        let r = parse_role("former U.S. President");
        assert_eq!(
            r,
            Some(Role { key: "former|us|president".into(), title: "president".into(), qualifier: Some("former".into()), of: Some("us".into()) })
        );
        assert_eq!(key("U.S. President"), "us|president");
        assert_eq!(key("Russian President"), "ru|president");
        assert_eq!(parse_role("Kremlin spokesman").map(|r| r.title), Some("spokesperson".into()));
        assert_eq!(key("Defense Secretary"), key("Secretary of Defense"));
        assert_ne!(key("Vice President"), key("President"));
        assert_ne!(key("deputy spokesman"), key("spokesman"));
        assert_eq!(parse_role("the big"), None);
        assert_eq!(parse_role("newly elected Prime Minister").and_then(|r| r.qualifier), Some("new".into()));
        assert_eq!(parse_role("British premier").map(|r| r.key), Some("uk|prime minister".into()));
    }

    #[test]
    fn conflicts() {
        let role = |t: &str| parse_role(t).unwrap_or_else(|| Role { key: String::new(), title: String::new(), qualifier: None, of: None });
        assert!(roles_conflict(&role("former U.S. President"), &role("U.S. President")));
        assert!(!roles_conflict(&role("President"), &role("U.S. President")));
        assert!(roles_conflict(&role("Russian President"), &role("U.S. President")));
        assert!(roles_conflict(&role("Vice President"), &role("President")));
        assert!(!roles_conflict(&role("Kremlin spokesman"), &role("Kremlin spokeswoman")));
    }
}
