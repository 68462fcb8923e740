//! The word lists name discovery reads: given names, family names written first, name
//! particles, role words, organisation and place shapes. Every list is folded (lower case, no
//! diacritics) and compared with folded words.
//!
//! Given names come from `data/names/given-names.txt` (derived from the gender-guesser name
//! dictionary, GFDL; see `data/names/generate.py`); the other lists are written by hand and hold
//! German newsroom vocabulary, not names of any corpus.

use crate::analyze::fold::fold;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// German transliterations of Russian and Ukrainian given names, which the name dictionary
/// lists only in English spelling.
const GERMAN_TRANSLITERATIONS: &[&str] = &[
    "alexej",
    "alexei",
    "andrej",
    "dmitri",
    "dmitrij",
    "jewgeni",
    "jewgenij",
    "michail",
    "sergej",
    "waleri",
    "wladimir",
    "wolodymyr",
    "juri",
    "jurij",
    "wiktor",
    "wassili",
    "witali",
    "wjatscheslaw",
    "jelena",
    "jekaterina",
    "swetlana",
    "walentina",
    "ramsan",
    "arseni",
    "oleksij",
    "oleksandr",
    "olena",
    "jakow",
    "grigori",
    "nikolaj",
    "anatoli",
    "gennadi",
];

/// Whether `word` (any case) is a common given name in some country (`Romi`, `Yahya`, `Jürgen`).
pub fn is_given_name(word: &str) -> bool {
    memo(0, word, is_given_name_uncached)
}

fn is_given_name_uncached(word: &str) -> bool {
    GERMAN_TRANSLITERATIONS.contains(&fold(word).as_str()) || in_name_dictionary(word)
}

fn in_name_dictionary(word: &str) -> bool {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            include_str!("../../data/names/given-names.txt")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .map(fold)
                .collect()
        })
        .contains(&fold(word))
}

/// Family names that Korean, Chinese and Vietnamese names put first (`Kim Jong Un`, `Lee
/// Seong-kweun`, `Choe Son Hui`, `Xi Jinping`), in the spellings German news uses.
const FAMILY_FIRST: &[&str] = &[
    "kim", "lee", "yi", "ri", "pak", "choi", "choe", "jung", "jeong", "chung", "kang", "cho",
    "yoon", "yun", "jang", "chang", "lim", "shin", "seo", "suh", "kwon", "hwang", "ahn", "yoo",
    "hong", "jeon", "chun", "mun", "yang", "bae", "baek", "paik", "heo", "noh", "roh", "kwak",
    "wang", "li", "zhang", "liu", "chen", "huang", "zhao", "zhou", "xu", "zhu", "guo", "lin",
    "luo", "gao", "zheng", "liang", "xie", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian",
    "yuan", "cai", "jiang", "xi", "nguyen", "tran", "pham", "hoang",
];

/// Whether `word` is a family name that comes first in the name.
pub fn is_family_first(word: &str) -> bool {
    memo(1, word, is_family_first_uncached)
}

fn is_family_first_uncached(word: &str) -> bool {
    FAMILY_FIRST.contains(&fold(word).as_str())
}

/// Lower-case particles inside names: `von der Leyen`, `al-Sinwar`, `bin Salman`, `de Gaulle`.
pub const PARTICLES: &[&str] = &[
    "von", "van", "vom", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "zu",
    "ten", "ter", "bin", "ben", "ibn", "abu", "al", "el", "ul", "y",
];

/// Prefixes joined to a name by a hyphen (`al-Khatib`, `el-Balah`, `Abu-Hassan`).
pub const HYPHEN_PARTICLES: &[&str] = &["al-", "el-", "as-", "ad-", "ar-", "an-", "at-", "az-"];

/// Role words: a word ending in one of these (`Verteidigungsministerin`, `CDU-Chef`,
/// `Nato-Generalsekretär`, `Bündnissprecherin`) introduces a person, and is not part of the name.
const ROLE_ENDINGS: &[&str] = &[
    "präsident",
    "präsidentin",
    "minister",
    "ministerin",
    "kanzler",
    "kanzlerin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "professor",
    "professorin",
    "botschafter",
    "botschafterin",
    "general",
    "generalin",
    "sekretär",
    "sekretärin",
    "kommandeur",
    "kommandant",
    "kommandantin",
    "experte",
    "expertin",
    "analyst",
    "analystin",
    "wissenschaftler",
    "wissenschaftlerin",
    "forscher",
    "forscherin",
    "ökonom",
    "ökonomin",
    "machthaber",
    "diktator",
    "kritiker",
    "kritikerin",
    "witwe",
    "abgeordnete",
    "abgeordneter",
    "vorsitzende",
    "vorsitzender",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "bürgermeister",
    "bürgermeisterin",
    "gouverneur",
    "gouverneurin",
    "führer",
    "führerin",
    "berater",
    "beraterin",
    "senator",
    "senatorin",
    "kandidat",
    "kandidatin",
    "landrat",
    "landrätin",
    "hauptmann",
    "hauptfrau",
    "vorstand",
    "manager",
    "managerin",
    "gründer",
    "gründerin",
    "organisator",
    "organisatorin",
    "aktivist",
    "aktivistin",
    "pflegerin",
    "pfleger",
    "politiker",
    "politikerin",
    "anwalt",
    "anwältin",
    "richter",
    "richterin",
    "staatsanwalt",
    "staatsanwältin",
    "korrespondent",
    "korrespondentin",
    "reporter",
    "reporterin",
    "autor",
    "autorin",
    "sänger",
    "sängerin",
    "trainer",
    "trainerin",
    "bischof",
    "papst",
    "könig",
    "königin",
    "prinz",
    "prinzessin",
    "premier",
    "premierministerin",
    "vize",
    "stellvertreter",
    "stellvertreterin",
    "beauftragte",
    "beauftragter",
    "delegierte",
    "funktionär",
    "funktionärin",
    "rat",
    "rätin",
    "geisel",
    "häftling",
    "ärztin",
    "arzt",
    "bewohner",
    "bewohnerin",
    "anwohner",
    "anwohnerin",
];

/// Titles that stand before a name and are not part of it.
const TITLES: &[&str] = &[
    "herr",
    "frau",
    "dr",
    "prof",
    "ministerpräsident",
    "ministerpräsidentin",
    "regierender",
    "regierende",
];

/// Number of memoised predicates (the slots of [`memo`]).
const SLOTS: usize = 15;
const PLACE_CUE_INSIDE: usize = 13;
const PLACE_CUE_OUTSIDE: usize = 14;
/// Distinct words remembered before the memo starts afresh (bounds memory on huge corpora).
const MEMO_WORDS: usize = 1 << 20;

thread_local! {
    static MEMO: RefCell<HashMap<String, [u8; SLOTS]>> = RefCell::new(HashMap::new());
}

/// The predicates run on every word of every article, each folding the word and scanning a
/// list: remembering each word's answers makes discovery a hash lookup per word and predicate.
fn memo(slot: usize, word: &str, compute: impl FnOnce(&str) -> bool) -> bool {
    let known = MEMO.with(|m| m.borrow().get(word).map(|answers| answers[slot]));
    match known {
        Some(1) => return false,
        Some(2) => return true,
        _ => {}
    }
    let answer = compute(word);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_WORDS {
            m.clear();
        }
        m.entry(word.to_string()).or_insert([0; SLOTS])[slot] = 1 + u8::from(answer);
    });
    answer
}

fn folded_list(
    list: &'static [&'static str],
    cell: &'static OnceLock<Vec<String>>,
) -> &'static [String] {
    cell.get_or_init(|| list.iter().map(|w| fold(w)).collect())
}

/// Whether `word` (a whole word, any case) names a role: `Außenminister`, `CDU-Chef`,
/// `Ministerpräsident`, `Intensivpflegerin`.
pub fn is_role(word: &str) -> bool {
    memo(2, word, is_role_uncached)
}

fn is_role_uncached(word: &str) -> bool {
    static ROLES: OnceLock<Vec<String>> = OnceLock::new();
    static TITLE_LIST: OnceLock<Vec<String>> = OnceLock::new();
    let folded = fold(word.trim_end_matches('.'));
    let last = folded.rsplit('-').next().unwrap_or(&folded);
    folded_list(TITLES, &TITLE_LIST).contains(&folded)
        || folded_list(ROLE_ENDINGS, &ROLES)
            .iter()
            .any(|r| last == r || (last.ends_with(r.as_str()) && last.len() >= r.len() + 3))
}

/// Organisation heads: a word ending in one of these is an institution's name when it has a
/// proper modifier (`Bayerisches Staatsministerium des Innern`, `Berliner Feuerwehr`,
/// `Versicherungsverband Österreich`, `Deutscher Wetterdienst`).
const ORG_ENDINGS: &[&str] = &[
    "ministerium",
    "verband",
    "institut",
    "amt",
    "behörde",
    "kommission",
    "gericht",
    "gerichtshof",
    "bank",
    "partei",
    "gewerkschaft",
    "bündnis",
    "agentur",
    "kommando",
    "dienst",
    "feuerwehr",
    "polizei",
    "regierung",
    "kanzlei",
    "armee",
    "heer",
    "bewegung",
    "verein",
    "stiftung",
    "universität",
    "hochschule",
    "klinik",
    "klinikum",
    "konzern",
    "werke",
    "betriebe",
    "holding",
    "gruppe",
    "rat",
    "parlament",
    "senat",
    "landtag",
    "bundestag",
    "reichstag",
    "miliz",
    "brigade",
    "front",
    "initiative",
    "netzwerk",
    "komitee",
    "hilfswerk",
    "wehr",
    "zentrum",
    "zentrale",
    "union",
    "liga",
    "kammer",
    "organisation",
];

/// Whether a word is an organisation head (`Staatsministerium`, `Landesfeuerwehrkommando`).
pub fn is_org_head(word: &str) -> bool {
    memo(3, word, is_org_head_uncached)
}

fn is_org_head_uncached(word: &str) -> bool {
    static ORGS: OnceLock<Vec<String>> = OnceLock::new();
    let folded = fold(word);
    let last = folded.rsplit('-').next().unwrap_or(&folded);
    // Genitive forms too: `Komitees`, `Hilfswerks`, `Innenministeriums`.
    let forms = [Some(last), last.strip_suffix('s'), last.strip_suffix("es")];
    folded_list(ORG_ENDINGS, &ORGS)
        .iter()
        .any(|o| forms.iter().flatten().any(|f| f.ends_with(o.as_str())))
}

/// Whether an organisation head is a compound (`Versicherungsverband`, `Bürgerbewegung`), not
/// the bare category word (`Verband`, `Gewerkschaft`), which before a name is an apposition
/// (`die Gewerkschaft IG Metall`).
pub fn is_compound_org_head(word: &str) -> bool {
    memo(4, word, is_compound_org_head_uncached)
}

fn is_compound_org_head_uncached(word: &str) -> bool {
    static ORGS: OnceLock<Vec<String>> = OnceLock::new();
    let folded = fold(word);
    folded_list(ORG_ENDINGS, &ORGS)
        .iter()
        .any(|o| folded.ends_with(o.as_str()) && folded.len() >= o.len() + 4)
}

/// Company heads after a known company's name: `Porsche Holding`, `Allianz Stiftung`.
pub fn is_company_head(word: &str) -> bool {
    memo(5, word, is_company_head_uncached)
}

fn is_company_head_uncached(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "holding" | "gruppe" | "group" | "konzern" | "werke" | "bank" | "stiftung" | "versicherung"
    )
}

/// Cue nouns after which a quoted name is an organisation or a publication:
/// `Aktionsbündnis „Offene Republik“`, `Fachzeitschrift „The Lancet“`, `Zeitung „Haaretz“`.
const QUOTE_CUES: &[&str] = &[
    "bündnis",
    "initiative",
    "verein",
    "organisation",
    "gruppe",
    "bewegung",
    "kampagne",
    "plattform",
    "netzwerk",
    "partei",
    "zeitung",
    "zeitschrift",
    "magazin",
    "blatt",
    "sender",
    "portal",
    "nachrichtenseite",
    "onlinemagazin",
    "wochenzeitung",
    "tageszeitung",
    "fachzeitschrift",
    "fachblatt",
    "fachmagazin",
    "agentur",
    "nachrichtenagentur",
    "firma",
    "unternehmen",
    "konzern",
];

/// Whether `word` announces a quoted organisation or publication name.
pub fn is_quote_cue(word: &str) -> bool {
    memo(6, word, is_quote_cue_uncached)
}

fn is_quote_cue_uncached(word: &str) -> bool {
    static CUES: OnceLock<Vec<String>> = OnceLock::new();
    let folded = fold(word);
    folded_list(QUOTE_CUES, &CUES)
        .iter()
        .any(|c| folded.ends_with(c.as_str()))
}

/// Cue nouns before a place name: `im Hafen Rason`, `Landkreis Günzburg`, `Stadtteil X`.
/// `part_of_name` tells whether the cue belongs to the name (`Landkreis Günzburg`).
pub fn place_cue(word: &str) -> Option<bool> {
    let inside = memo(PLACE_CUE_INSIDE, word, |w| {
        place_cue_uncached(w) == Some(true)
    });
    let outside = memo(PLACE_CUE_OUTSIDE, word, |w| {
        place_cue_uncached(w) == Some(false)
    });
    match (inside, outside) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

fn place_cue_uncached(word: &str) -> Option<bool> {
    static OUTSIDE_LIST: OnceLock<Vec<String>> = OnceLock::new();
    static INSIDE_LIST: OnceLock<Vec<String>> = OnceLock::new();
    const OUTSIDE: &[&str] = &[
        "region",
        "gebiet",
        "provinz",
        "oblast",
        "hauptstadt",
        "stadt",
        "kleinstadt",
        "großstadt",
        "hafenstadt",
        "grenzstadt",
        "küstenstadt",
        "hafen",
        "gemeinde",
        "ort",
        "ortschaft",
        "dorf",
        "stadtteil",
        "ortsteil",
        "viertel",
        "stadtviertel",
        "bezirk",
        "stadtbezirk",
        "kanton",
        "bundesland",
        "fluss",
        "insel",
        "flüchtlingslager",
        "lager",
        "grenzübergang",
        "markt",
        "werk",
        "stammwerk",
    ];
    const INSIDE: &[&str] = &["landkreis", "kreis", "regierungsbezirk"];
    let folded = fold(word);
    if folded_list(INSIDE, &INSIDE_LIST).contains(&folded) {
        Some(true)
    } else if folded_list(OUTSIDE, &OUTSIDE_LIST).contains(&folded) {
        Some(false)
    } else {
        None
    }
}

/// Heads of landmark names: `Washingtonplatz`, `Theresienwiese`, `Jungfernstieg`,
/// `Siegessäule`, `Tiergarten`, `Netzarim-Korridor`.
const LANDMARK_ENDINGS: &[&str] = &[
    "platz",
    "straße",
    "strasse",
    "allee",
    "wiese",
    "stieg",
    "damm",
    "ufer",
    "brücke",
    "tor",
    "park",
    "garten",
    "säule",
    "gebäude",
    "korridor",
    "bahnhof",
    "flughafen",
    "kirche",
    "dom",
    "schloss",
    "turm",
    "palast",
    "kanal",
    "insel",
    "viertel",
    "gasse",
    "ring",
    "markt",
];

/// First parts of compounds that are ordinary places, not names (`Arbeitsplatz`, `Spielplatz`,
/// `Stadtpark`, `Hauptbahnhof`).
const GENERIC_LANDMARK_PARTS: &[&str] = &[
    "arbeit",
    "arbeits",
    "spiel",
    "park",
    "stadt",
    "markt",
    "dorf",
    "kinder",
    "schul",
    "sport",
    "bau",
    "lager",
    "haupt",
    "fest",
    "vor",
    "hinter",
    "neben",
    "innen",
    "ober",
    "unter",
    "wohn",
    "land",
    "kirch",
    "rat",
    "rathaus",
    "bahnhofs",
    "groß",
    "klein",
    "neu",
    "alt",
    "sitz",
    "steh",
    "stell",
    "camping",
    "bus",
    "auto",
    "bahn",
    "flug",
    "heimat",
    "tatort",
    "fund",
    "schau",
    "stand",
    "dach",
    "grenz",
    "tiefe",
    "zwischen",
    "verwaltungs",
    "amts",
    "regierungs",
    "halb",
    "nachbar",
    "gefangnis",
    "kriegs",
    "front",
    "haus",
    "hafen",
    "industrie",
    "gewerbe",
];

/// Whether a capitalised compound is a landmark name (`Washingtonplatz`, `Siegessäule`), not an
/// ordinary place word (`Arbeitsplatz`, `Platz`).
pub fn is_landmark(word: &str) -> bool {
    memo(7, word, is_landmark_uncached)
}

fn is_landmark_uncached(word: &str) -> bool {
    static ENDINGS: OnceLock<Vec<String>> = OnceLock::new();
    static GENERIC: OnceLock<Vec<String>> = OnceLock::new();
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    let folded = fold(word);
    let Some(ending) = folded_list(LANDMARK_ENDINGS, &ENDINGS)
        .iter()
        .find(|e| folded.ends_with(e.as_str()))
    else {
        return false;
    };
    let first = folded[..folded.len() - ending.len()].trim_end_matches('-');
    first.chars().count() >= 4
        && !folded_list(GENERIC_LANDMARK_PARTS, &GENERIC)
            .iter()
            .any(|g| first == g || first.ends_with(g.as_str()) && first.len() <= g.len() + 2)
}

/// Prefixes of unique institutions named by one compound: `Staatsregierung`, `Bundesheer`,
/// `Landesfeuerwehrkommando`, `Staatskanzlei`.
pub fn is_state_institution(word: &str) -> bool {
    memo(8, word, is_state_institution_uncached)
}

fn is_state_institution_uncached(word: &str) -> bool {
    let folded = fold(word);
    ["bundes", "staats", "landes"]
        .iter()
        .any(|p| folded.starts_with(p) && folded.len() > p.len() + 3)
        && is_org_head(word)
}

/// Endings of German, Austrian and Swiss place names (`Reichertshofen`, `Schrobenhausen`,
/// `Offingen`, `Wolfsburg`, `Zwischenbrücken`), which make `in X` a place.
const PLACE_ENDINGS: &[&str] = &[
    "hausen", "hofen", "ingen", "burg", "berg", "dorf", "stadt", "heim", "bach", "feld", "felden",
    "furt", "stedt", "leben", "rode", "hagen", "brücken", "brück", "kirchen", "münster", "walde",
    "wald", "au", "ach", "beuren", "weiler", "zell", "ow", "itz", "witz", "in",
];

/// Whether a capitalised word has the shape of a German-language place name.
pub fn has_place_ending(word: &str) -> bool {
    memo(9, word, has_place_ending_uncached)
}

fn has_place_ending_uncached(word: &str) -> bool {
    static ENDINGS: OnceLock<Vec<String>> = OnceLock::new();
    let folded = fold(word);
    folded.chars().count() >= 5
        && folded_list(PLACE_ENDINGS, &ENDINGS)
            .iter()
            .any(|e| folded.ends_with(e.as_str()) && folded.len() > e.len() + 2)
}

/// Endings of German common nouns (`Sorge`, `Regierung`, `Freiheit`): such a word is no name.
const NOUN_ENDINGS: &[&str] = &[
    "ung", "heit", "keit", "schaft", "tion", "ität", "nis", "tum", "ismus", "ik", "chen", "lein",
    "ling", "ment", "enz", "anz", "ur", "ei", "ge",
];

/// Whether a capitalised word ends like a German common noun (a weak hint, for words with no
/// other cue: `Sorge`, `Hoffnung`, `Kritik`).
pub fn has_noun_ending(word: &str) -> bool {
    memo(10, word, has_noun_ending_uncached)
}

fn has_noun_ending_uncached(word: &str) -> bool {
    static ENDINGS: OnceLock<Vec<String>> = OnceLock::new();
    let folded = fold(word);
    folded_list(NOUN_ENDINGS, &ENDINGS)
        .iter()
        .any(|e| folded.ends_with(e.as_str()))
}

/// Legal-form words: alone they name no organisation; after a name they mark a company.
pub const LEGAL_FORMS: &[&str] = &[
    "ag", "gmbh", "se", "kg", "kgaa", "mbh", "ug", "ev", "e.v", "inc", "ltd", "plc", "nv", "bv",
    "co",
];

/// Abbreviations that start an organisation's name and name none alone (`IG Metall`).
pub const NAME_PREFIXES: &[&str] = &["ig"];

/// Parties of Germany, Austria, Switzerland and the EU as news print them after a name
/// (`Markus Vogl (SPÖ)`, `Robert Habeck (Grüne)`).
const PARTIES: &[&str] = &[
    "cdu",
    "csu",
    "spd",
    "fdp",
    "afd",
    "bsw",
    "grune",
    "linke",
    "die linke",
    "fw",
    "ovp",
    "spo",
    "fpo",
    "neos",
    "kpo",
    "svp",
    "sp",
    "glp",
    "mitte",
    "evp",
    "ssw",
    "odp",
    "piraten",
    "volt",
    "parteilos",
    "b90/grune",
    "cvp",
    "bdp",
    "evp",
    "republikaner",
    "demokraten",
    "likud",
];

/// Whether `word` is a party as printed in parentheses after a name.
pub fn is_party(word: &str) -> bool {
    memo(11, word, is_party_uncached)
}

fn is_party_uncached(word: &str) -> bool {
    PARTIES.contains(&fold(word).as_str())
}

/// Capitalised words that are never part of a name: articles, pronouns, conjunctions,
/// prepositions and sentence adverbs that start sentences.
pub const NOT_NAMES: &[&str] = &[
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "einen",
    "einem",
    "eines",
    "und",
    "oder",
    "aber",
    "doch",
    "dabei",
    "damit",
    "dass",
    "denn",
    "auch",
    "nun",
    "so",
    "in",
    "im",
    "am",
    "an",
    "auf",
    "aus",
    "bei",
    "mit",
    "nach",
    "seit",
    "von",
    "vor",
    "zu",
    "zur",
    "zum",
    "für",
    "über",
    "unter",
    "es",
    "er",
    "sie",
    "wir",
    "ihr",
    "man",
    "dies",
    "diese",
    "dieser",
    "dieses",
    "wie",
    "wer",
    "was",
    "wo",
    "wann",
    "warum",
    "als",
    "wenn",
    "weil",
    "ob",
    "noch",
    "schon",
    "nur",
    "bis",
    "gegen",
    "ohne",
    "um",
    "durch",
    "laut",
    "trotz",
    "während",
    "wegen",
    "zwischen",
    "alle",
    "viele",
    "einige",
    "mehr",
    "kein",
    "keine",
    "sein",
    "seine",
    "ihre",
    "ihren",
    "unser",
    "unsere",
    "jetzt",
    "heute",
    "gestern",
    "morgen",
    "hier",
    "dort",
    "da",
    "dann",
    "danach",
    "zudem",
    "außerdem",
    "allerdings",
    "jedoch",
    "immerhin",
    "zuletzt",
    "zunächst",
    "bereits",
    "insgesamt",
    "rund",
    "etwa",
    "fast",
    "knapp",
    "mindestens",
    "bislang",
    "ich",
    "du",
    "mich",
    "uns",
    "euch",
    "ihnen",
    "sich",
    "jeder",
    "jede",
    "jedes",
    "welche",
    "welcher",
    "sowie",
    "sondern",
    "hinter",
    "neben",
    "ab",
    "seitdem",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "herr",
    "frau",
];

/// Whether `word` is on the [`NOT_NAMES`] list.
pub fn is_not_name(word: &str) -> bool {
    memo(12, word, is_not_name_uncached)
}

fn is_not_name_uncached(word: &str) -> bool {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    let folded = fold(word);
    folded_list(NOT_NAMES, &LIST).contains(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists() {
        type Rule = fn(&str) -> bool;
        let cases: &[(&str, Rule, &[&str], &[&str])] = &[
            (
                "given name",
                is_given_name,
                &["Jürgen", "Yahya", "Emily", "Doron"],
                &["Soldaten", "Sorge"],
            ),
            (
                "family name first",
                is_family_first,
                &["Kim", "Choe", "Xi"],
                &["Müller"],
            ),
            (
                "role",
                is_role,
                &[
                    "Außenminister",
                    "CDU-Chef",
                    "Nato-Generalsekretär",
                    "Bündnissprecherin",
                    "Ministerpräsident",
                    "Intensivpflegerin",
                ],
                &["Soldaten", "Kanonenfutter", "Chefs", "Berlin"],
            ),
            (
                "organisation head",
                is_org_head,
                &[
                    "Staatsministerium",
                    "Landesfeuerwehrkommando",
                    "Versicherungsverband",
                    "Feuerwehr",
                ],
                &["Republik", "Minister"],
            ),
            (
                "place ending",
                has_place_ending,
                &["Reichertshofen", "Schrobenhausen", "Offingen", "Wolfsburg"],
                &["Kurs", "Bau"],
            ),
            (
                "noun ending",
                has_noun_ending,
                &["Sorge", "Hoffnung", "Kritik", "Freiheit"],
                &["Merz", "Kursk"],
            ),
            (
                "not a name",
                is_not_name,
                &["Die", "Während", "Laut"],
                &["Kim"],
            ),
        ];
        for (name, rule, yes, no) in cases {
            for w in *yes {
                assert!(rule(w), "{name} should match {w:?}");
            }
            for w in *no {
                assert!(!rule(w), "{name} should not match {w:?}");
            }
        }
        assert_eq!(place_cue("Landkreis"), Some(true));
        assert_eq!(place_cue("Hafen"), Some(false));
        assert_eq!(place_cue("Soldat"), None);
    }
}
