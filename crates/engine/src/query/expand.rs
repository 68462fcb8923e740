//! Which index terms a query word matches, and why: exact > stem > spelling variant > compound
//! part > typo.

use crate::analyze::{fold::fold, stem::stem, stopwords, translit};
use crate::index::parts::LINKING_ELEMENTS;
use crate::index::Index;
use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Map, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;
use serde::Serialize;
use std::collections::HashSet;

/// Why a term matched a query word. Ordered from best to weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same word (up to case and diacritics).
    Exact,
    /// Another inflection of the same word (Snowball stem, genitive `-s` of names).
    Stem,
    /// Another spelling of a name (transliteration key): `Shoigu` → `Schoigu`.
    Variant,
    /// A compound containing the word at its start, in its middle or at its end, or a
    /// completion while typing.
    Compound,
    /// A close spelling of an unknown word (Levenshtein distance 1–2, transpositions count 1).
    Typo,
}

impl MatchKind {
    /// The German label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            MatchKind::Exact => "exakt",
            MatchKind::Stem => "Grundform",
            MatchKind::Variant => "Schreibvariante",
            MatchKind::Compound => "Wortteil",
            MatchKind::Typo => "Tippfehler",
        }
    }

    /// Score multiplier: weaker reasons rank lower.
    pub fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Stem => 0.85,
            MatchKind::Variant => 0.75,
            MatchKind::Compound => 0.6,
            MatchKind::Typo => 0.45,
        }
    }
}

/// One index term a query word matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expansion {
    /// Term id in the index.
    pub term: u32,
    /// Why it matches.
    pub kind: MatchKind,
}

/// Endings of Latin loanwords (`Ration`, `Mission`, `Position`). Such a word also ends many
/// longer Latin words that are no compounds (`Operation`, `Kommission`, `Opposition`), so as a
/// compound tail it needs a head the corpus knows as a word (`Essens|ration`, `Raum|station`).
const LATIN_ENDINGS: &[&str] = &["ion"];

/// Whether the compound whose reversed stem is `reversed` begins, before `tail`, with a word the
/// corpus knows (as a term or a stem), possibly followed by a linking element.
fn has_word_head(index: &Index, stems: &Map<&[u8]>, reversed: &[u8], tail: &str) -> bool {
    let compound = crate::index::reverse(&String::from_utf8_lossy(reversed));
    let Some(head) = compound.strip_suffix(tail) else {
        return false;
    };
    let known = |word: &str| is_word(index, stems, word);
    known(head)
        || LINKING_ELEMENTS
            .iter()
            .any(|link| head.strip_suffix(link).is_some_and(known))
}

/// Whether the compound stem `key`, which begins with the query's stem `stem`, continues after
/// it with a word the corpus knows, possibly after a linking element (`grenz|schutz`).
fn has_word_tail(index: &Index, stems: &Map<&[u8]>, key: &[u8], stem: &str) -> bool {
    let Some(rest) = key
        .get(stem.len()..)
        .and_then(|r| std::str::from_utf8(r).ok())
    else {
        return false;
    };
    let known = |word: &str| is_word(index, stems, word);
    known(rest)
        || LINKING_ELEMENTS
            .iter()
            .any(|link| rest.strip_prefix(link).is_some_and(known))
}

/// Whether `word` (folded, three characters or more) is a word of the corpus, as a term or a
/// stem.
fn is_word(index: &Index, stems: &Map<&[u8]>, word: &str) -> bool {
    word.chars().count() >= 3 && (index.is_known(word) || stems.get(word).is_some())
}

/// The forms of the query word a compound may begin with: the word itself and the corpus's
/// inflections of it (its stem group), e.g. `offizier`, `offiziere`, `offiziers`. The bare stem
/// is no such form: `offizi` also begins `offiziell`, a different word.
fn word_forms(terms: &Map<&[u8]>, folded: &str, stem: &str, group: &HashSet<u32>) -> Vec<String> {
    let mut forms = vec![folded.to_string()];
    let mut stream = terms.search(Str::new(stem).starts_with()).into_stream();
    while let Some((key, id)) = stream.next() {
        if group.contains(&(id as u32)) {
            forms.push(String::from_utf8_lossy(key).into_owned());
        }
    }
    forms
}

/// Shortest query word (characters) that matches inside compounds: `Futter` → `Kanonenfutter`.
pub const COMPOUND_MIN_CHARS: usize = 5;

/// Fewest letters a compound adds to the query's stem (`Satellit` + `enprogramm`); one or two
/// more letters are an inflection or a typo, not a compound.
const COMPOUND_MIN_REST: usize = 3;
/// Shortest query word (characters) matched by spelling variants: shorter skeletons collide
/// (`Kano` and `China` share one).
const VARIANT_MIN_CHARS: usize = 5;
/// Shortest prefix completed while typing.
const PREFIX_MIN_CHARS: usize = 2;
/// Most terms one query word may expand to (keeps broad prefixes cheap on big corpora). Exact,
/// stem and spelling-variant matches are always kept; of the other candidates (completions,
/// compounds, typos), the ones in the most documents are kept.
pub const MAX_EXPANSIONS: usize = 1024;
/// Most postings (documents summed over terms) the completions, compounds and typos of one
/// word may add: a two-letter prefix (`ge`) reaches thousands of frequent words.
pub const MAX_EXPANSION_POSTINGS: usize = 200_000;

/// Longest word corrected for typos. German's longest real compounds stay below it; longer
/// input is pasted noise, and building its Levenshtein automaton costs far more than a search.
pub const MAX_TYPO_CHARS: usize = 64;

/// Typo budget by word length: none up to 4 characters, 1 up to 8, 2 from 9 (none beyond
/// [`MAX_TYPO_CHARS`]).
pub fn typo_distance(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ if chars > MAX_TYPO_CHARS => 0,
        _ => 2,
    }
}

/// The expansions of one word, each term once (its first, i.e. best, reason wins).
#[derive(Default)]
struct Candidates {
    out: Vec<Expansion>,
    seen: HashSet<u32>,
}

impl Candidates {
    fn add(&mut self, term: u32, kind: MatchKind) {
        if self.seen.insert(term) {
            self.out.push(Expansion { term, kind });
        }
    }

    /// At most [`MAX_EXPANSIONS`] and about [`MAX_EXPANSION_POSTINGS`]: every exact, stem and
    /// variant match, then the other candidates by document frequency (most first, then by
    /// reason and term id).
    fn finish(self, index: &Index) -> Vec<Expansion> {
        let few = self.out.len() <= MAX_EXPANSIONS;
        if few
            && self
                .out
                .iter()
                .map(|e| index.doc_freq(e.term))
                .sum::<usize>()
                <= MAX_EXPANSION_POSTINGS
        {
            return self.out;
        }
        let (mut out, weak): (Vec<Expansion>, Vec<Expansion>) = self
            .out
            .into_iter()
            .partition(|e| e.kind <= MatchKind::Variant);
        let strong = out.len();
        let mut weak: Vec<(usize, Expansion)> = weak
            .into_iter()
            .map(|e| (index.doc_freq(e.term), e))
            .collect();
        let keep = MAX_EXPANSIONS.saturating_sub(strong);
        let order = |a: &(usize, Expansion), b: &(usize, Expansion)| {
            b.0.cmp(&a.0)
                .then(a.1.kind.cmp(&b.1.kind))
                .then(a.1.term.cmp(&b.1.term))
        };
        if keep < weak.len() {
            weak.select_nth_unstable_by(keep, order);
            weak.truncate(keep);
        }
        crate::order::sort_by(&mut weak, order);
        // And at most about MAX_EXPANSION_POSTINGS postings to read (at least one candidate).
        let mut budget = MAX_EXPANSION_POSTINGS;
        for (df, e) in weak {
            if budget < df && budget < MAX_EXPANSION_POSTINGS {
                continue;
            }
            budget = budget.saturating_sub(df);
            out.push(e);
        }
        out
    }
}

thread_local! {
    static LEV1: LevenshteinAutomatonBuilder = LevenshteinAutomatonBuilder::new(1, true);
    static LEV2: LevenshteinAutomatonBuilder = LevenshteinAutomatonBuilder::new(2, true);
}

/// The index terms `word` matches. `prefix` adds completions (the last word while typing);
/// `strict` (phrases and exclusions) allows only exact and stem matches.
pub fn expand(index: &Index, word: &str, prefix: bool, strict: bool) -> Vec<Expansion> {
    let folded = fold(word);
    if !folded.chars().any(char::is_alphanumeric) {
        return Vec::new();
    }
    let mut out = Candidates::default();
    let (Some(terms), Some(stems)) = (index.term_map(), index.stem_map()) else {
        return Vec::new();
    };
    if let Some(id) = terms.get(&folded) {
        out.add(id as u32, MatchKind::Exact);
    }
    let word_stem = stem(word);
    let mut stem_keys = vec![word_stem.clone()];
    // Genitive of a name typed by the reader: `Schoigus` → `Schoigu`.
    // (`ß` folds to `ss` but is no genitive ending.)
    if let (Some(base), true) = (word.strip_suffix(['s', 'S']), folded.chars().count() >= 5) {
        stem_keys.push(stem(base));
    }
    for key in &stem_keys {
        if let Some(group) = stems.get(key) {
            for &id in index.stem_groups.get(group as usize).into_iter().flatten() {
                out.add(id, MatchKind::Stem);
            }
        }
    }
    if strict {
        return out.finish(index);
    }
    // Function words are never respelt, corrected or found inside compounds; they are only
    // completed while typing (`unter` → `Unterstützung`).
    let function_word = stopwords::is_stopword(&folded);

    // Spelling variants and typos, told apart by what differs (see translit::is_variant).
    let known = !out.out.is_empty() || function_word || index.is_known(&folded);
    // Names spelt another way (same transliteration key). A key match whose difference is not
    // one transliteration makes (`Kanonenfuter`) is left to the typo pass and its length budget.
    let mut variants: Vec<u32> = Vec::new();
    let long_enough = folded.chars().count() >= VARIANT_MIN_CHARS && !function_word;
    if let (true, Some(key), Some(map)) = (long_enough, translit::key(word), index.translit_map()) {
        if let Some(group) = map.get(&key) {
            for (id, term) in index
                .translit_groups
                .get(group as usize)
                .into_iter()
                .flatten()
            {
                if translit::is_variant(&folded, term) {
                    variants.push(*id);
                }
            }
        }
    }
    let mut typos: Vec<(u32, String)> = Vec::new();
    let distance = typo_distance(folded.chars().count());
    if !known && distance > 0 {
        let collect = |builder: &LevenshteinAutomatonBuilder| {
            let dfa = builder.build_dfa(&folded);
            let mut stream = terms.search(&dfa).into_stream();
            let mut found = Vec::new();
            while let Some((key, id)) = stream.next() {
                found.push((id as u32, String::from_utf8_lossy(key).into_owned()));
            }
            found
        };
        typos = if distance == 1 {
            LEV1.with(collect)
        } else {
            LEV2.with(collect)
        };
    }
    for &id in &variants {
        out.add(id, MatchKind::Variant);
    }

    // Function words are no compound parts: `einen` (stem `ein`) would reach `einachsig`.
    if folded.chars().count() >= COMPOUND_MIN_CHARS && !function_word {
        // Heads: stems that begin with the query's stem; tails: stems that end with it (a
        // prefix search in the reversed-stem dictionary). Either must add a real word part.
        let min_len = word_stem.len() + COMPOUND_MIN_REST;
        let mut groups: Vec<u64> = Vec::new();
        // A head begins with a form of the word (`Satellit|enprogramm`), or its stem is followed
        // by a known word (`Grenz|schutz`): `Offizier` (stem `offizi`) is no head of `offiziell`.
        let forms = word_forms(&terms, &folded, &word_stem, &out.seen);
        let mut heads = stems
            .search(Str::new(&word_stem).starts_with())
            .into_stream();
        while let Some((key, group)) = heads.next() {
            let begins_with_form = forms.iter().any(|f| key.starts_with(f.as_bytes()));
            if key.len() >= min_len
                && (begins_with_form || has_word_tail(index, &stems, key, &word_stem))
            {
                groups.push(group);
            }
        }
        // Middle parts (`Luft|abwehr|system`), split at build time between known words.
        if let Some(middles) = index.middle_map() {
            for form in forms.iter().map(String::as_str).chain([word_stem.as_str()]) {
                if let Some(m) = middles.get(form) {
                    for &group in index.middle_groups.get(m as usize).into_iter().flatten() {
                        groups.push(u64::from(group));
                    }
                }
            }
        }
        if let Some(reversed) = index.reversed_stem_map() {
            let needle = crate::index::reverse(&word_stem);
            let mut tails = reversed
                .search(Str::new(&needle).starts_with())
                .into_stream();
            // A word that ends with the query and is one or two letters longer is the real
            // tail of compounds that end with it: `Grundstück` ends with `Stück`, not with
            // `Tücke`. (Keys arrive sorted, so such a word comes before its compounds.)
            let mut longer_tails: Vec<Vec<u8>> = Vec::new();
            // The word or its stem (`Rationen` → `ration`).
            let latin = LATIN_ENDINGS
                .iter()
                .any(|e| folded.ends_with(e) || word_stem.ends_with(e));
            while let Some((key, group)) = tails.next() {
                if key.len() >= min_len {
                    let head_ok = !latin || has_word_head(index, &stems, key, &word_stem);
                    if head_ok && !longer_tails.iter().any(|t| key.starts_with(t)) {
                        groups.push(group);
                    }
                } else if key.len() > needle.len() {
                    longer_tails.push(key.to_vec());
                }
            }
        }
        for group in groups {
            for &id in index.stem_groups.get(group as usize).into_iter().flatten() {
                out.add(id, MatchKind::Compound);
            }
        }
    }
    if prefix && folded.chars().count() >= PREFIX_MIN_CHARS {
        let mut stream = terms.search(Str::new(&folded).starts_with()).into_stream();
        while let Some((_, id)) = stream.next() {
            out.add(id as u32, MatchKind::Compound);
        }
    }
    for (id, term) in typos {
        let kind = if translit::is_variant(&folded, &term) {
            MatchKind::Variant
        } else {
            MatchKind::Typo
        };
        out.add(id, kind);
    }
    out.finish(index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind, Document, Metadata};

    #[test]
    fn typo_budget_follows_word_length() {
        #[rustfmt::skip]
        let cases = [(0, 0), (4, 0), (5, 1), (8, 1), (9, 2), (40, 2), (MAX_TYPO_CHARS, 2), (MAX_TYPO_CHARS + 1, 0), (5000, 0)];
        for (chars, edits) in cases {
            assert_eq!(typo_distance(chars), edits, "{chars} characters");
        }
    }

    fn index(text: &str) -> Index {
        crate::index::build(&[Document {
            origin: Default::default(),
            id: "a".into(),
            meta: Metadata::default(),
            text: text.into(),
            blocks: vec![Block {
                start: 0,
                end: text.len() as u32,
                kind: BlockKind::Lead,
            }]
            .into(),
        }])
    }

    fn matched(index: &Index, word: &str) -> Vec<(String, MatchKind)> {
        let terms = index.term_map().unwrap();
        let mut names = std::collections::HashMap::new();
        let mut stream = terms.stream();
        while let Some((key, id)) = stream.next() {
            names.insert(id as u32, String::from_utf8_lossy(key).into_owned());
        }
        expand(index, word, false, false)
            .into_iter()
            .map(|e| (names[&e.term].clone(), e.kind))
            .collect()
    }

    /// (query, terms it must reach, terms it must not reach)
    const CASES: &[(&str, &[&str], &[&str])] = &[
        // The tail of `Grundstück` is `Stück`, a word of its own, not `Tücke`.
        ("Tücke", &["satellitentucke"], &["grundstuck", "stuck"]),
        ("Stück", &["grundstuck"], &[]),
        // Function words: no variants, compounds or typos.
        ("unter", &["unter"], &["hinter", "unterstand"]),
        ("einen", &["einen"], &["einachsig", "einsatz"]),
        // A Latin word is a compound tail only after a known word: not in `Operation`.
        (
            "Ration",
            &["ration", "essensration", "tagesration"],
            &["operation", "generation"],
        ),
        (
            "Rationen",
            &["ration", "essensration"],
            &["operation", "generation"],
        ),
        ("Station", &["raumstation"], &["konstation"]),
        // Other tails need no known head (`Kanonen` is no word of the corpus).
        ("Futter", &["kanonenfutter"], &[]),
    ];

    #[test]
    fn compound_tails_and_function_words() {
        let index = index(
            "Das Stück war gut. Hinter dem Grundstück lag ein Unterstand. Die Tücke der \
             Satellitentücke. Unter einen einachsig Einsatz. Die Ration, die Essensration und \
             die Tagesration; im Raum die Raumstation, keine Konstation. Die Operation einer \
             Generation. Essen am Tag. Kanonenfutter.",
        );
        for &(query, wanted, unwanted) in CASES {
            let found = matched(&index, query);
            for w in wanted {
                assert!(found.iter().any(|(t, _)| t == w), "{query}: {found:?}");
            }
            for w in unwanted {
                assert!(found.iter().all(|(t, _)| t != w), "{query}: {found:?}");
            }
        }
    }

    /// (query, terms it must reach and why, terms it must not reach)
    type KindCase = (
        &'static str,
        &'static [(&'static str, MatchKind)],
        &'static [&'static str],
    );

    const PART_CASES: &[KindCase] = &[
        // The stem `offizi` is no head of `offiziell`: a head begins with a form of the word.
        (
            "Offizier",
            &[
                ("offiziere", MatchKind::Stem),
                ("offizieren", MatchKind::Stem),
                ("offiziers", MatchKind::Stem),
                ("stabsoffizier", MatchKind::Compound),
                ("offizierskorps", MatchKind::Compound),
            ],
            &["offiziell", "offiziellen"],
        ),
        (
            "offiziell",
            &[("offiziellen", MatchKind::Stem)],
            &["offizier", "offiziere"],
        ),
        // A head that begins with the word needs no known rest (`Programm` is not in the text).
        (
            "Satellit",
            &[("satellitenprogramme", MatchKind::Compound)],
            &[],
        ),
        // Only the stem, then a known word: `Grenz|schutz` for `Grenze`; not `Massnahme` for
        // `Masse` (`nahme` is no word).
        (
            "Grenze",
            &[("grenzschutz", MatchKind::Compound)],
            &["massnahme"],
        ),
        ("Masse", &[("masse", MatchKind::Exact)], &["massnahme"]),
        // Middle parts between known words: `Luft|abwehr|systeme`, `Wieder|aufbau|pläne`.
        ("Abwehr", &[("luftabwehrsysteme", MatchKind::Compound)], &[]),
        (
            "Aufbau",
            &[
                ("wiederaufbau", MatchKind::Compound),
                ("wiederaufbauplane", MatchKind::Compound),
            ],
            &[],
        ),
        // No known tail (`Schirm` is not in the text): no middle part.
        ("Abwehr", &[], &["raketenabwehrschirm"]),
        // `Grund|stücks|verkauf` holds `Stück`, not `Tücke`.
        ("Stück", &[("grundstucksverkauf", MatchKind::Compound)], &[]),
        ("Tücke", &[], &["grundstucksverkauf", "grundstuck"]),
        // No known head before the Latin word: `Kooperation` is no `Koope|ration`.
        (
            "Ration",
            &[("ration", MatchKind::Exact)],
            &["kooperationsvertrage"],
        ),
    ];

    #[test]
    fn compound_heads_and_middles() {
        let index = index(
            "Der Offizier sprach mit zwei Offizieren, die Offiziere des Stabes warteten, der Hund \
             des Offiziers bellte. Der Stabsoffizier kam aus dem Offizierskorps. Nach \
             offiziellen Angaben ist das offiziell. Die Satellitenprogramme starteten. Der \
             Grenzschutz an der Grenze war ein Schutz. Die Masse der Massnahme. Die \
             Luftabwehrsysteme schützen die Luft, jedes System zählt; dazu kam ein \
             Raketenabwehrschirm für die Raketen. Der Wiederaufbau dauert wieder lange, die \
             Wiederaufbaupläne liegen vor, ein Plan fehlt. Der Grund für den Verkauf: der \
             Grundstücksverkauf, das Grundstück, ein Stück Land; eine Tücke. Die \
             Kooperationsverträge sind ein Vertrag; die Ration reicht.",
        );
        for &(query, wanted, unwanted) in PART_CASES {
            let found = matched(&index, query);
            for (w, kind) in wanted {
                assert!(
                    found.iter().any(|(t, k)| t == w && k == kind),
                    "{query}: {found:?}"
                );
            }
            for w in unwanted {
                assert!(found.iter().all(|(t, _)| t != w), "{query}: {found:?}");
            }
        }
    }

    #[test]
    fn broad_prefixes_keep_the_most_frequent_completions() {
        let mut text = String::new();
        for i in 0..(MAX_EXPANSIONS + 50) {
            text.push_str(&format!("Vers{i:05}x. "));
        }
        // Alphabetically last, but in more documents' worth of text than any other.
        let docs: Vec<Document> = (0..3)
            .map(|d| {
                let text = if d == 0 {
                    text.clone()
                } else {
                    "Verszeile.".to_string()
                };
                Document {
                    origin: Default::default(),
                    id: format!("{d}"),
                    meta: Metadata::default(),
                    blocks: vec![Block {
                        start: 0,
                        end: text.len() as u32,
                        kind: BlockKind::Lead,
                    }]
                    .into(),
                    text: text.into(),
                }
            })
            .collect();
        let index = crate::index::build(&docs);
        let found = expand(&index, "vers", true, false);
        assert_eq!(found.len(), MAX_EXPANSIONS);
        let id = index.term_id("verszeile").unwrap();
        assert!(found.iter().any(|e| e.term == id));
    }
}
