//! Known phrasings of page furniture, recognised anywhere on the page.
//!
//! These are general patterns of web pages (consent banners, machine
//! translation notices, share prompts, photo credits), not any one site's
//! text. Menus and bylines are found by position instead (see `layout`).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::fold::{self, Folded};
use crate::words::{words_up_to, BLOCK_WORDS_COUNTED};

/// Why a block is page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// Cookie or privacy consent banners and their buttons.
    Consent,
    /// Machine-translation notices.
    Translation,
    /// Menus, labels, section names and other short non-prose lines.
    Navigation,
    /// Share, follow, subscribe and read-more prompts.
    Share,
    /// Photo and image credits.
    PhotoCredit,
    /// Copyright, rights and editorial-policy notices, and editorial notes
    /// about the article itself.
    Rights,
    /// Lines without any letter or digit.
    Punctuation,
}

/// Longest block, in words, that a consent or credit pattern may classify:
/// longer blocks are prose that happens to mention cookies or photos.
const MAX_PATTERN_WORDS: usize = 60;

const CONSENT_TOPICS: &[&str] = &["cookie", "privacy policy", "privacy statement", "terms of use", "terms of service"];
const CONSENT_ACTIONS: &[&str] = &["agree", "accept", "consent", "continuing", "settings", "policy", "browse"];
/// Consent banners address the reader about the site itself.
const CONSENT_ADDRESS: &[&str] = &["you", "our", "we use", "this site", "this website"];
const CONSENT_BUTTONS: &[&str] = &["i agree", "accept", "accept all", "reject all", "got it", "i accept", "agree"];
const TRANSLATION: &[&str] = &[
    "automatically generated",
    "machine translat",
    "automatically translated",
    "not responsible for any of the translation",
    "auto-translated",
    "translated by google",
];
const SHARE_PREFIXES: &[&str] = &[
    "follow us", "share this", "share on", "share:", "subscribe", "sign up", "newsletter", "read more", "read also",
    "see also", "related:", "related articles", "recent news", "latest news", "most read", "click here",
    "advertisement", "download our app", "join our", "comments", "leave a comment", "story continues",
    "article continues", "continue reading", "scroll to continue", "watch:", "listen to this", "please enable javascript",
    "enable javascript", "javascript is disabled",
];
/// Whole blocks that are furniture as they stand ("Loading...").
const SHARE_WHOLE: &[&str] = &["loading", "ad"];
/// Longest block, in words, a share or sign-up prompt may classify ("Sign
/// up for our daily newsletter to get the latest news delivered to your
/// inbox.").
const MAX_SHARE_WORDS: usize = 20;
/// Copyright and rights notices, and the editorial-policy links wire
/// services append ("Our Standards: …").
const RIGHTS_PREFIXES: &[&str] = &["copyright", "©", "(c) 1", "(c) 2", "our standards", "all rights reserved"];
const RIGHTS_PHRASES: &[&str] =
    &["all rights reserved", "may not be published, broadcast, rewritten or redistributed", "trust principles"];
/// Longest caption, in words, that an agency photo credit in it makes
/// furniture.
const MAX_CAPTION_WORDS: usize = 50;
/// Editorial notes about the article itself ("This article was produced
/// with the help of AI tools", "This story has been updated"): one of
/// these openings, then one of [`EDITORIAL_NOTE_VERBS`] ("This story was a
/// hoax" is a claim).
const EDITORIAL_NOTE_PREFIXES: &[&str] =
    &["this article was ", "this article has been ", "this story was ", "this story has been ", "this content was "];
/// What an editorial note says was done to the article.
const EDITORIAL_NOTE_VERBS: &[&str] = &[
    "first", "originally", "amended", "updated", "corrected", "produced", "written", "edited", "generated", "published",
    "translated", "created", "prepared",
];
/// Longest block, in words, a rights pattern may classify.
const MAX_RIGHTS_WORDS: usize = 30;
const PHOTO_PREFIXES: &[&str] =
    &["photo", "image:", "image credit", "image caption", "caption:", "picture:", "pictured:", "video:", "file photo"];
const PHOTO_SUFFIXES: &[&str] = &["getty images", "/ reuters", "/ afp", "/ ap", "via getty"];
/// Agency photo credits anywhere in a caption ("… (AP Photo/Jane Roe, File)").
const PHOTO_CREDITS: &[&str] = &["(ap photo", "ap photo/", "(reuters/", "(afp via", "(photo by"];
/// Openings of agency file-photo captions ("FILE - A man walks past …").
const FILE_PHOTO_OPENINGS: &[&str] = &["file - ", "file – ", "file — ", "file: "];

/// The furniture kind of a block, when a known pattern matches.
pub fn classify(block: &str) -> Option<Furniture> {
    classify_counted(block, words_up_to(block, BLOCK_WORDS_COUNTED))
}

const _: () = assert!(MAX_PATTERN_WORDS < BLOCK_WORDS_COUNTED);

/// [`classify`] of a block whose `words` were counted up to
/// [`BLOCK_WORDS_COUNTED`]: counted before lower-casing, which keeps every
/// space a space and every other character none, so long prose is turned
/// away unread.
pub(crate) fn classify_counted(block: &str, words: usize) -> Option<Furniture> {
    if !block.chars().any(char::is_alphanumeric) {
        return Some(Furniture::Punctuation);
    }
    let block = block.trim();
    if words > MAX_PATTERN_WORDS {
        return None;
    }
    // Compared with the lower-case patterns as if lower-cased (see `fold`).
    let folded = Folded::new(block);
    let text = folded.as_str();
    let found = Found::in_text(text);
    let bare = text.trim_matches(|c: char| !c.is_alphanumeric());
    if is_consent(bare, found) {
        return Some(Furniture::Consent);
    }
    if fold::starts_with(bare, "translating") || found.has(Group::Translation) {
        return Some(Furniture::Translation);
    }
    if SHARE_WHOLE.iter().any(|w| fold::eq(bare, w)) || words <= MAX_SHARE_WORDS && SHARE_PREFIXES.iter().any(|p| starts_with_phrase(bare, p)) {
        return Some(Furniture::Share);
    }
    if words <= 15 && is_photo_credit(bare) || words <= MAX_CAPTION_WORDS && is_captioned_photo(text, found) {
        return Some(Furniture::PhotoCredit);
    }
    let rights = RIGHTS_PREFIXES.iter().any(|p| fold::starts_with(text, p)) || found.has(Group::RightsPhrase) || is_editorial_note(bare);
    if words <= MAX_RIGHTS_WORDS && rights {
        return Some(Furniture::Rights);
    }
    None
}

/// The groups of phrases that [`classify`] looks for anywhere in a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    ConsentTopic,
    ConsentAction,
    ConsentAddress,
    Translation,
    RightsPhrase,
    PhotoCredit,
}

/// The groups that make a block furniture by themselves, or, for a
/// consent topic, beside the two groups of [`CONSENT_PARTS`].
const ANCHORS: [(Group, &[&str]); 4] = [
    (Group::ConsentTopic, CONSENT_TOPICS),
    (Group::Translation, TRANSLATION),
    (Group::RightsPhrase, RIGHTS_PHRASES),
    (Group::PhotoCredit, PHOTO_CREDITS),
];

/// The groups that count only beside a consent topic: common words ("you",
/// "agree"), looked for only in a block with a topic.
const CONSENT_PARTS: [(Group, &[&str]); 2] = [(Group::ConsentAction, CONSENT_ACTIONS), (Group::ConsentAddress, CONSENT_ADDRESS)];

/// One automaton finding a list of groups' phrases, ASCII-case-insensitively.
struct Finder {
    automaton: AhoCorasick,
    /// The group of each phrase, by pattern number.
    groups: Vec<Group>,
}

impl Finder {
    /// The finder of `groups`' phrases; `None` should the automaton not build.
    fn new(groups: &[(Group, &[&str])]) -> Option<Finder> {
        let (groups, phrases): (Vec<Group>, Vec<&str>) = groups.iter().flat_map(|(g, ps)| ps.iter().map(move |p| (*g, *p))).unzip();
        let automaton = AhoCorasick::builder().ascii_case_insensitive(true).build(phrases).ok()?;
        Some(Finder { automaton, groups })
    }

    /// The groups with a phrase in `text`: one pass that stops at the first
    /// phrase (most blocks have none), then, if there is one, one that
    /// finds them all, overlapping.
    fn find(&self, text: &str) -> Found {
        if !self.automaton.is_match(text) {
            return Found(0);
        }
        Found(self.automaton.find_overlapping_iter(text).fold(0, |bits, m| bits | Found::bit(self.groups[m.pattern().as_usize()])))
    }
}

/// The groups with a phrase in a block, one bit per group; the consent
/// action and address are looked for only beside a consent topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found(u8);

impl Found {
    /// The groups in `text` (of a [`Folded`]), found by the [`Finder`]s of
    /// the [`ANCHORS`] and, beside a consent topic, the [`CONSENT_PARTS`]
    /// (or, should an automaton not build, phrase by phrase).
    fn in_text(text: &str) -> Found {
        static ANCHOR_FINDER: LazyLock<Option<Finder>> = LazyLock::new(|| Finder::new(&ANCHORS));
        static PART_FINDER: LazyLock<Option<Finder>> = LazyLock::new(|| Finder::new(&CONSENT_PARTS));
        match (ANCHOR_FINDER.as_ref(), PART_FINDER.as_ref()) {
            (Some(anchors), Some(parts)) => anchors.find(text).with_parts(|| parts.find(text)),
            _ => Found::phrase_by_phrase(text),
        }
    }

    /// [`Found::in_text`], one case-insensitive search per phrase.
    fn phrase_by_phrase(text: &str) -> Found {
        let has = |ps: &[&str]| ps.iter().any(|p| fold::contains(text, p));
        let found = |groups: &[(Group, &[&str])]| Found(groups.iter().filter(|(_, ps)| has(ps)).fold(0, |bits, (g, _)| bits | Found::bit(*g)));
        found(&ANCHORS).with_parts(|| found(&CONSENT_PARTS))
    }

    /// These anchors and, beside a consent topic, the consent parts that
    /// `parts` finds.
    fn with_parts(self, parts: impl FnOnce() -> Found) -> Found {
        if self.has(Group::ConsentTopic) {
            Found(self.0 | parts().0)
        } else {
            self
        }
    }

    fn bit(group: Group) -> u8 {
        1 << group as u8
    }

    fn has(self, group: Group) -> bool {
        self.0 & Found::bit(group) != 0
    }
}

/// Whether `text` opens with `phrase` as whole words ("subscribe now", not
/// "subscribers to the service").
fn starts_with_phrase(text: &str, phrase: &str) -> bool {
    fold::strip_prefix(text, phrase).is_some_and(|rest| {
        phrase.ends_with(|c: char| !c.is_alphanumeric()) || !rest.starts_with(char::is_alphanumeric)
    })
}

fn is_editorial_note(bare: &str) -> bool {
    EDITORIAL_NOTE_PREFIXES.iter().any(|p| {
        fold::strip_prefix(bare, p).is_some_and(|rest| {
            let verb = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            EDITORIAL_NOTE_VERBS.iter().any(|v| fold::eq(verb, v))
        })
    })
}

/// A consent button, or a banner naming a consent topic, an action and
/// the site or the reader.
fn is_consent(bare: &str, found: Found) -> bool {
    CONSENT_BUTTONS.iter().any(|b| fold::eq(bare, b))
        || (found.has(Group::ConsentTopic) && found.has(Group::ConsentAction) && found.has(Group::ConsentAddress))
}

fn is_photo_credit(bare: &str) -> bool {
    let prefix = PHOTO_PREFIXES.iter().any(|p| {
        fold::strip_prefix(bare, p).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', ':', 's', 'S', ' ', '(', '/']))
    });
    prefix || PHOTO_SUFFIXES.iter().any(|s| fold::ends_with(bare, s))
}

/// A caption carrying an agency photo credit, or an agency file-photo
/// caption; `text` is the block's [`Folded`] text.
fn is_captioned_photo(text: &str, found: Found) -> bool {
    found.has(Group::PhotoCredit) || FILE_PHOTO_OPENINGS.iter().any(|o| fold::starts_with(text, o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_automaton_finds_the_groups_phrase_by_phrase_search_finds() {
        // Every phrase alone, in capitals inside prose, and two groups'
        // phrases glued so that one overlaps the other's end.
        let phrases: Vec<&str> = ANCHORS.iter().chain(&CONSENT_PARTS).flat_map(|(_, ps)| ps.iter().copied()).collect();
        let mut texts = vec![String::new(), "the talks ended on monday.".to_string()];
        for (i, p) in phrases.iter().enumerate() {
            let q = phrases[(i * 7 + 3) % phrases.len()];
            texts.extend([p.to_string(), format!("We {} here", p.to_uppercase()), format!("{p}{q}"), format!("x{}", &p[1..])]);
        }
        for text in &texts {
            let found = Found::in_text(text);
            assert_eq!(found, Found::phrase_by_phrase(text), "{text:?}");
        }
        assert!(Found::in_text("see (ap photo/jane roe)").has(Group::PhotoCredit));
        assert!(Found::in_text("See (AP Photo/Jane Roe)").has(Group::PhotoCredit));
        assert!(!Found::in_text("the talks ended on monday.").has(Group::PhotoCredit));
    }

    #[test]
    fn consent_translation_share_and_photo_lines_are_furniture() {
        let cases = [
            ("We use cookies. By continuing you agree to our Privacy Policy.", Furniture::Consent),
            ("Accept all", Furniture::Consent),
            ("Translating...", Furniture::Translation),
            ("This text was automatically generated by a translation engine.", Furniture::Translation),
            ("Follow us on:", Furniture::Share),
            ("Photo: Jane Roe/Getty Images", Furniture::PhotoCredit),
            ("Photos courtesy of the agencies", Furniture::PhotoCredit),
            ("* * *", Furniture::Punctuation),
            ("Copyright 2026 The Associated Press. All rights reserved.", Furniture::Rights),
            ("© 2026 Delta Post", Furniture::Rights),
            ("Our Standards: The Thomson Reuters Trust Principles.", Furniture::Rights),
            ("This material may not be published, broadcast, rewritten or redistributed.", Furniture::Rights),
            ("Sign up for our daily newsletter to get the latest news delivered to your inbox.", Furniture::Share),
            ("Image caption: The mayor cuts the ribbon on Monday.", Furniture::PhotoCredit),
            ("This article was produced with the help of AI tools and reviewed by our editors.", Furniture::Rights),
            ("This story has been updated to correct the spelling of a name.", Furniture::Rights),
            ("FILE - A man walks past a flooded street in Selvaro, Oct. 3, 2024. (AP Photo/Jane Roe, File)", Furniture::PhotoCredit),
            ("Rescuers search the rubble in Antakya on Monday. (AP Photo/Jane Roe)", Furniture::PhotoCredit),
            ("Story continues below advertisement", Furniture::Share),
            ("Watch: Waves batter the harbour wall", Furniture::Share),
            ("Please enable JavaScript to view the comments powered by Disqus.", Furniture::Share),
            ("Loading...", Furniture::Share),
            ("PHOTOS COURTESY OF THE AGENCIES", Furniture::PhotoCredit),
            ("FILE – A MAN WALKS PAST A FLOODED STREET", Furniture::PhotoCredit),
            ("SHARE THIS STORY", Furniture::Share),
            ("ACCEPT ALL", Furniture::Consent),
            ("Jane Roe/GETTY IMAGES", Furniture::PhotoCredit),
            ("THIS ARTICLE WAS UPDATED ON MONDAY.", Furniture::Rights),
        ];
        for (text, want) in cases {
            assert_eq!(classify(text), Some(want), "{text}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for text in [
            "The regulator said the cookie law would change next year, officials agreed.",
            "Photographers gathered outside the court on Monday.",
            "Share prices fell 3% after the announcement.",
            "This story was a hoax written by a site posing as a state broadcaster.",
            "The file was sent to prosecutors on Monday, the court said.",
            "Loadings at the port rose 4% in March, the authority said.",
            "Loading of the ships began on Monday, officials said.",
            "Subscribers to the service will pay 40 euros more a year from January, the company said on Monday.",
            "The court ruled that the copyright on the song had expired in 2019, lawyers said.",
        ] {
            assert_eq!(classify(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2000))]

        /// The patterns are compared as if the block were lower-cased: a
        /// block and its lower case are the same furniture, capitals, the
        /// Kelvin sign and "İ" included.
        #[test]
        fn a_block_classifies_as_its_lower_case_does(
            pieces in proptest::collection::vec(
                "(We use|COOKIES|Privacy Policy|you AGREE|Accept all|PHOTO|Photo|S|: |/GETTY IMAGES|FILE – |Share this|SUBSCRIBE|copyright|©|All Rights Reserved|this article was |UPDATED|translated by Google|\\(AP Photo|\u{212A}|İ|é|Σ| |\\.|x|talks)",
                0..10,
            )
        ) {
            let block: String = pieces.concat();
            proptest::prop_assert_eq!(classify(&block), classify(&block.to_lowercase()), "{:?}", block);
        }
    }
}
