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
