//! General English knowledge the extractor relies on: attribution verbs,
//! titles, countries and demonyms, organisation words, function words.
//! Nothing here is specific to any story.

/// Verbs and phrases that attribute speech or writing, in the forms news
/// text uses them.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "telling", "wrote", "writes", "writing", "stated", "states",
    "stating", "added", "adds", "adding", "noted", "notes", "noting", "stressed", "stresses", "stressing",
    "emphasized", "emphasised", "emphasizing", "emphasising", "confirmed", "confirms", "announced", "announces",
    "reported", "reports", "explained", "insisted", "argued", "claimed", "claims", "warned", "warns", "believes",
    "believed", "concluded", "indicated", "observed", "mentioned", "asserted", "asserting", "responded", "replied",
    "acknowledged", "declared", "tweeted", "posted", "underlined", "underlining", "suggested", "suggesting",
    "commented", "remarked", "predicted", "urged", "denied", "denies", "admitted", "recalled", "continued",
    "quoted", "cited", "reiterated", "echoed", "dismissed", "described", "describing",
];

/// Title words that may stand before a person's name (lower-cased).
pub const TITLE_WORDS: &[&str] = &[
    "president", "vice", "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "director",
    "chancellor", "king", "queen", "prince", "princess", "senator", "sen.", "governor", "gov.", "mayor", "general",
    "gen.", "chief", "envoy", "ambassador", "advisor", "adviser", "deputy", "foreign", "defense", "defence",
    "treasury", "state", "security", "national", "special", "former", "press", "mr.", "mrs.", "ms.", "dr.", "pope",
    "leader", "head", "chairman", "chairwoman", "chair", "ceo", "commander", "correspondent", "analyst", "expert",
    "editor-in-chief", "editor", "judge", "justice", "representative", "rep.", "congressman", "congresswoman",
    "lawmaker", "official", "officer", "coach", "captain", "professor", "prof.", "lt.", "col.", "sheikh", "emir",
    "sultan", "premier", "speaker", "attorney", "counsel", "cabinet", "economy", "finance", "interior", "trade",
    "affairs", "justice", "health", "acting", "then", "new", "incoming", "outgoing", "top", "middle", "east",
    "european", "executive", "founder", "owner", "author", "journalist", "reporter", "diplomat", "politician",
    "presidential", "military", "intelligence", "office", "secretary-general", "editor-in-chief",
];

/// Qualifiers that change what a role is ("former president" is not "president").
pub const ROLE_QUALIFIERS: &[&str] = &["former", "deputy", "acting", "vice", "interim", "then", "ex", "late", "new"];

/// Countries, regions and major cities (lower-cased), for typing entities.
pub const PLACES: &[&str] = &[
    "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan", "bahrain",
    "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "britain", "bulgaria", "cambodia", "cameroon",
    "canada", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus", "czechia", "denmark", "ecuador",
    "egypt", "england", "estonia", "ethiopia", "europe", "finland", "france", "georgia", "germany", "ghana",
    "greece", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan",
    "jordan", "kazakhstan", "kenya", "korea", "kosovo", "kuwait", "latvia", "lebanon", "libya", "lithuania",
    "luxembourg", "malaysia", "mexico", "moldova", "mongolia", "montenegro", "morocco", "myanmar", "nepal",
    "netherlands", "nigeria", "norway", "oman", "pakistan", "palestine", "panama", "peru", "philippines", "poland",
    "portugal", "qatar", "romania", "russia", "rwanda", "saudi", "arabia", "scotland", "serbia", "singapore",
    "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland", "syria", "taiwan", "thailand",
    "tunisia", "turkey", "turkiye", "uganda", "ukraine", "uae", "uk", "usa", "us", "u.s.", "u.s.a.", "u.k.",
    "america", "venezuela", "vietnam", "wales", "yemen", "zambia", "zimbabwe", "africa", "asia", "crimea", "donbas",
    "gaza", "kursk", "london", "paris", "berlin", "moscow", "washington", "kyiv", "kiev", "beijing", "tokyo",
    "brussels", "rome", "madrid", "warsaw", "vienna", "geneva", "munich", "riyadh", "ankara", "istanbul",
    "jerusalem", "tehran", "baghdad", "damascus", "cairo", "delhi", "minsk", "budapest", "prague", "athens",
    "lisbon", "dublin", "ottawa", "canberra", "seoul", "pyongyang", "taipei", "hong", "kong", "new", "york",
    "california", "texas", "florida", "indiana", "siberia", "kharkiv", "odesa", "odessa", "lviv", "dnipro",
    "mariupol", "zaporizhzhia", "kherson", "donetsk", "luhansk", "yerevan", "tbilisi", "baku", "doha", "dubai",
];

/// Adjectives of nationality and the country key they stand for.
pub const DEMONYMS: &[(&str, &str)] = &[
    ("russian", "russia"), ("ukrainian", "ukraine"), ("american", "us"), ("u.s.", "us"), ("us", "us"),
    ("british", "uk"), ("u.k.", "uk"), ("uk", "uk"), ("french", "france"), ("german", "germany"),
    ("chinese", "china"), ("japanese", "japan"), ("indian", "india"), ("italian", "italy"), ("spanish", "spain"),
    ("polish", "poland"), ("turkish", "turkey"), ("iranian", "iran"), ("israeli", "israel"),
    ("palestinian", "palestine"), ("saudi", "saudi-arabia"), ("belarusian", "belarus"), ("hungarian", "hungary"),
    ("canadian", "canada"), ("australian", "australia"), ("korean", "korea"), ("syrian", "syria"),
    ("egyptian", "egypt"), ("brazilian", "brazil"), ("mexican", "mexico"), ("european", "eu"), ("un", "un"),
    ("nato", "nato"), ("eu", "eu"), ("kremlin", "russia"), ("white", "us"), ("armenian", "armenia"),
    ("georgian", "georgia"), ("swedish", "sweden"), ("dutch", "netherlands"), ("greek", "greece"),
    ("irish", "ireland"), ("austrian", "austria"), ("swiss", "switzerland"), ("finnish", "finland"),
    ("norwegian", "norway"), ("danish", "denmark"), ("czech", "czechia"), ("romanian", "romania"),
];

/// Words that make a capitalised name an organisation.
pub const ORG_WORDS: &[&str] = &[
    "kremlin", "house", "ministry", "council", "party", "agency", "office", "conference", "organization",
    "organisation", "union", "nations", "bank", "commission", "university", "center", "centre", "institute", "court",
    "parliament", "congress", "senate", "pentagon", "army", "forces", "police", "committee", "service",
    "department", "foundation", "fund", "group", "times", "post", "news", "government", "administration", "navy",
    "school", "company", "corporation", "inc.", "ltd", "association", "alliance", "federation", "network",
    "magazine", "journal", "tribune", "telegraph", "guardian", "economist", "reuters", "tass", "bloomberg",
    "assembly", "authority", "board", "bureau", "club", "league", "movement", "front", "media",
];

/// Capitalised words that do not start a name (sentence-initial function
/// words, months and weekdays are dates, not entities).
pub const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "and", "but", "or", "if", "while", "when", "after", "before", "during", "earlier", "later",
    "meanwhile", "however", "in", "on", "at", "for", "from", "with", "without", "by", "of", "to", "as", "it", "he",
    "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "this", "that", "these", "those", "there",
    "here", "also", "following", "despite", "according", "asked", "meeting", "speaking", "soon", "obviously",
    "of", "so", "then", "now", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "both", "many", "some", "all", "no", "not", "what", "which",
    "who", "where", "why", "how", "given", "simply", "another", "among", "moreover", "first", "second", "last",
    "immediately", "recent", "just", "even", "each", "every", "one", "two", "three", "mr", "mrs", "ms",
];

/// Pronouns that can stand for a speaker.
pub const SPEAKER_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// Words that negate a clause (the shared list of `crosscheck-normalize`).
pub use crosscheck_normalize::negation::NEGATORS as NEGATIONS;

/// Words that hedge a clause.
pub const HEDGES: &[&str] = &[
    "could", "might", "may", "possibly", "possible", "possibility", "probably", "likely", "perhaps", "potential",
    "potentially", "reportedly", "allegedly", "expected", "hopes", "would",
];

/// Speech verbs after which the speaker may follow ("…," said Haq).
pub const INVERTING_VERBS: &[&str] =
    &["said", "says", "wrote", "writes", "added", "adds", "asked", "noted", "stated", "continued", "explained"];

/// Bit flags naming the word lists a lower-cased word belongs to, so that a
/// word is classified by one hashed lookup ([`tags_of`]) instead of a scan
/// of every list with a fresh lower-cased copy of it.
pub mod tag {
    /// In [`super::TITLE_WORDS`].
    pub const TITLE: u32 = 1;
    /// In [`super::DEMONYMS`].
    pub const DEMONYM: u32 = 1 << 1;
    /// In `crosscheck_normalize::roles::DEMONYMS`.
    pub const ROLE_DEMONYM: u32 = 1 << 2;
    /// In [`super::PLACES`].
    pub const PLACE: u32 = 1 << 3;
    /// In [`super::ORG_WORDS`].
    pub const ORG: u32 = 1 << 4;
    /// In [`super::NOT_NAMES`].
    pub const NOT_NAME: u32 = 1 << 5;
    /// In [`super::SPEECH_VERBS`].
    pub const SPEECH_VERB: u32 = 1 << 6;
    /// In [`super::INVERTING_VERBS`].
    pub const INVERTING: u32 = 1 << 7;
    /// In [`super::SPEAKER_PRONOUNS`].
    pub const SPEAKER_PRONOUN: u32 = 1 << 8;
    /// In the attribution module's speaker-phrase words.
    pub const SPEAKER_WORD: u32 = 1 << 9;
    /// In the attribution module's words between a speaker and its verb.
    pub const BETWEEN: u32 = 1 << 10;
    /// In [`super::HEDGES`].
    pub const HEDGE: u32 = 1 << 11;
    /// In [`super::NEGATIONS`].
    pub const NEGATION: u32 = 1 << 12;
    /// "of", "the" or "and".
    pub const CONNECTOR: u32 = 1 << 13;
    /// "the", "a" or "an".
    pub const ARTICLE: u32 = 1 << 14;
    /// In the anaphora module's determiners.
    pub const DETERMINER: u32 = 1 << 15;
    /// In the anaphora module's office heads.
    pub const OFFICE_HEAD: u32 = 1 << 16;
    /// "who".
    pub const WHO: u32 = 1 << 17;
    /// "according".
    pub const ACCORDING: u32 = 1 << 18;
    /// "quoted".
    pub const QUOTED: u32 = 1 << 19;
    /// "office".
    pub const OFFICE: u32 = 1 << 20;
    /// "former".
    pub const FORMER: u32 = 1 << 21;
    /// "counterpart".
    pub const COUNTERPART: u32 = 1 << 22;
    /// In the attribution module's source nouns ("police", "officials").
    pub const SOURCE: u32 = 1 << 23;
    /// A one-word name of a country or body that the normaliser knows
    /// ("russia", "nato": an alias of `crosscheck_normalize::entities::ALIASES`);
    /// only names of ASCII letters and digits are tagged.
    pub const ALIAS_WORD: u32 = 1 << 24;
    /// Not a list: set by [`crate::words::Tagged`] on a word that may stand
    /// in a person's title (a title word, a demonym, a hyphenation of
    /// titles, a capitalised place).
    pub const TITLE_WORD: u32 = 1 << 31;
}

/// Every listed word with its [`tag`] flags, in a [`crosscheck_normalize::WordMap`]:
/// an ASCII word is lower-cased inside its packed key, with no copy.
static TAGS: std::sync::LazyLock<crosscheck_normalize::WordMap<u32>> =
    std::sync::LazyLock::new(|| {
        let mut map = crosscheck_normalize::WordMap::default();
        let mut add = |words: &mut dyn Iterator<Item = &'static str>, flag: u32| {
            for w in words {
                *map.entry_or_insert_with(w.as_bytes(), || 0) |= flag;
            }
        };
        add(&mut TITLE_WORDS.iter().copied(), tag::TITLE);
        add(&mut DEMONYMS.iter().map(|(d, _)| *d), tag::DEMONYM);
        add(&mut crosscheck_normalize::roles::DEMONYMS.iter().map(|(d, _)| *d), tag::ROLE_DEMONYM);
        add(&mut PLACES.iter().copied(), tag::PLACE);
        add(&mut ORG_WORDS.iter().copied(), tag::ORG);
        add(&mut NOT_NAMES.iter().copied(), tag::NOT_NAME);
        add(&mut SPEECH_VERBS.iter().copied(), tag::SPEECH_VERB);
        add(&mut INVERTING_VERBS.iter().copied(), tag::INVERTING);
        add(&mut SPEAKER_PRONOUNS.iter().copied(), tag::SPEAKER_PRONOUN);
        add(&mut crate::attribution::SPEAKER_WORDS.iter().copied(), tag::SPEAKER_WORD);
        add(&mut crate::attribution::BETWEEN.iter().copied(), tag::BETWEEN);
        add(&mut crate::attribution::SOURCE_NOUNS.iter().copied(), tag::SOURCE);
        add(&mut HEDGES.iter().copied(), tag::HEDGE);
        add(&mut NEGATIONS.iter().copied(), tag::NEGATION);
        add(&mut ["of", "the", "and"].into_iter(), tag::CONNECTOR);
        add(&mut ["the", "a", "an"].into_iter(), tag::ARTICLE);
        add(&mut crate::anaphora::DETERMINERS.iter().copied(), tag::DETERMINER);
        add(&mut crate::anaphora::OFFICE_HEADS.iter().copied(), tag::OFFICE_HEAD);
        add(&mut ["who"].into_iter(), tag::WHO);
        add(&mut ["according"].into_iter(), tag::ACCORDING);
        add(&mut ["quoted"].into_iter(), tag::QUOTED);
        add(&mut ["office"].into_iter(), tag::OFFICE);
        add(&mut ["former"].into_iter(), tag::FORMER);
        add(&mut ["counterpart"].into_iter(), tag::COUNTERPART);
        add(&mut plain_alias_words(), tag::ALIAS_WORD);
        map
    });

/// The names of [`crosscheck_normalize::entities::ALIASES`] that are one
/// word of ASCII lower-case letters and digits.
fn plain_alias_words() -> impl Iterator<Item = &'static str> {
    crosscheck_normalize::entities::ALIASES
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// The [`tag`] flags of a word that is already lower-cased.
pub fn tags_of_lower(lower: &str) -> u32 {
    TAGS.get(lower.as_bytes()).copied().unwrap_or(0)
}

/// The [`tag`] flags of the ASCII `word` lower-cased (for a caller that
/// knows it is ASCII: bytes outside ASCII would be compared as they are).
pub fn tags_of_ascii(word: &[u8]) -> u32 {
    TAGS.get_lower_of_ascii(word).copied().unwrap_or(0)
}

/// The [`tag`] flags of `word` lower-cased.
pub fn tags_of(word: &str) -> u32 {
    if word.is_ascii() {
        tags_of_ascii(word.as_bytes())
    } else {
        tags_of_lower(&word.to_lowercase())
    }
}

/// Longest ASCII word lower-cased on the stack rather than in a `String`
/// (what a `CompactString` holds inline on 64-bit targets).
const STACK_LOWER_BYTES: usize = 24;

/// Calls `f` with `word` lower-cased exactly as `str::to_lowercase` does,
/// without allocating for short ASCII words.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.len() <= STACK_LOWER_BYTES && word.is_ascii() {
        let mut lower = compact_str::CompactString::new(word);
        lower.make_ascii_lowercase();
        f(&lower)
    } else {
        f(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain word's alias tag answers as the alias lookup does, in any case.
    #[test]
    fn alias_tags_agree_with_the_alias_lookup() {
        let names = crosscheck_normalize::entities::ALIASES.iter().flat_map(|(k, names)| names.iter().copied().chain([*k]));
        let others = ["talks", "Russia", "NATO", "Kremlin", "russian", "uk", "Uk", "us", "US", "u", "s", "g7", "the", "america", "x"];
        for w in names.chain(others).chain(PLACES.iter().copied()).flat_map(|w| w.split(' ')) {
            for w in [w.to_string(), w.to_uppercase(), w.to_ascii_lowercase()] {
                if !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    assert_eq!(tags_of(&w) & tag::ALIAS_WORD != 0, crate::memo::names_country(&w), "{w}");
                }
            }
        }
    }

    #[test]
    fn tags_agree_with_the_lists() {
        assert_eq!(tags_of("President") & tag::TITLE, tag::TITLE);
        assert_eq!(tags_of("MOSCOW") & tag::PLACE, tag::PLACE);
        assert_eq!(tags_of("office"), tag::TITLE | tag::ORG | tag::SPEAKER_WORD | tag::OFFICE);
        assert_eq!(tags_of("talks"), 0);
        for w in TITLE_WORDS.iter().chain(PLACES).chain(NOT_NAMES) {
            assert_ne!(tags_of(&w.to_uppercase()), 0, "{w}");
        }
        with_lower("Zelenskyy’S", |l| assert_eq!(l, "zelenskyy’s"));
    }

    proptest::proptest! {
        /// Lower-casing on the stack gives what `str::to_lowercase` gives.
        #[test]
        fn lower_casing_on_the_stack_is_to_lowercase(w in "([a-zA-Z0-9 .'-]|É|ß|İ|Σ){0,30}") {
            let expected = w.to_lowercase();
            let got = with_lower(&w, str::to_string);
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
