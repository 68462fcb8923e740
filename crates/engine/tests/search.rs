//! Search over the bundled corpus: the everyday queries readers type, with the articles they
//! must (and must not) find and why each match matched.

use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::query::expand::MatchKind;
use quellenlage_engine::query::SearchOptions;
use quellenlage_engine::Snapshot;
use std::path::Path;
use std::sync::OnceLock;

fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(|| {
        let corpus = ingest_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus"));
        assert!(!corpus.has_errors());
        Snapshot::build(corpus.docs, corpus.entities)
    })
}

/// Article ids by their three-digit prefix.
fn ids(prefixes: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = prefixes
        .iter()
        .map(|p| {
            snapshot()
                .docs
                .iter()
                .find(|d| d.id.starts_with(p))
                .map(|d| d.id.clone())
                .unwrap_or_else(|| panic!("no article {p}"))
        })
        .collect();
    out.sort();
    out
}

/// The ids found for a query, sorted, and every (highlighted text, reason) of all snippets.
fn run(query: &str, typing: bool) -> (Vec<String>, Vec<(String, MatchKind)>) {
    let s = snapshot();
    let options = SearchOptions {
        typing,
        snippet_hits: usize::MAX,
        snippets_per_hit: usize::MAX,
    };
    let results = s.searcher().search(query, options);
    let mut found: Vec<String> = results
        .hits
        .iter()
        .map(|h| s.docs[h.doc].id.clone())
        .collect();
    found.sort();
    let marks = results
        .hits
        .iter()
        .flat_map(|h| h.snippets.iter())
        .flat_map(|sn| {
            sn.highlights
                .iter()
                .map(move |hl| (sn.text[hl.start..hl.end].to_string(), hl.kind))
        })
        .collect();
    (found, marks)
}

use MatchKind::*;

/// (query, articles found, a highlighted word that must appear with its reason)
type Case = (
    &'static str,
    &'static [&'static str],
    Option<(&'static str, MatchKind)>,
);

const CASES: &[Case] = &[
    // Transliteration of umlauts (Snowball maps oe/ue) and ß.
    (
        "Pjoengjang",
        &["000", "001", "002", "003", "004"],
        Some(("Pjöngjang", Stem)),
    ),
    ("Bruecke", &["003"], Some(("Brücke", Stem))),
    ("Massnahme", &["000"], Some(("Maßnahme", Exact))),
    // Typos by length; transpositions cost one edit.
    (
        "Kanonenfuter",
        &["001", "002", "003"],
        Some(("Kanonenfutter", Typo)),
    ),
    (
        "Ukriane",
        &["000", "001", "002", "003", "004"],
        Some(("Ukraine", Typo)),
    ),
    // Compound heads and tails.
    (
        "Satellit",
        &["001", "002", "003"],
        Some(("Satellitenprogramme", Compound)),
    ),
    (
        "Futter",
        &["001", "002", "003"],
        Some(("Kanonenfutter", Compound)),
    ),
    (
        "Entschärfer",
        &["000"],
        Some(("Minenentschärfer", Compound)),
    ),
    (
        "Hyperschall",
        &["002"],
        Some(("Hyperschallrakete", Compound)),
    ),
    (
        "Rakete",
        &["001", "002", "003", "004"],
        Some(("Interkontinentalrakete", Compound)),
    ),
    // Names in other spellings (no list involved).
    ("Shoigu", &["000", "004"], Some(("Schoigu", Variant))),
    ("Lavrov", &["003"], Some(("Lawrow", Variant))),
    (
        "Pyongyang",
        &["000", "001", "002", "003", "004"],
        Some(("Pjöngjang", Variant)),
    ),
    // Genitive -s of names.
    ("Schoigu", &["000", "004"], Some(("Schoigus", Stem))),
    // Phrases: order matters.
    ("\"Wonsan Kalma\"", &["003"], Some(("Kalma", Exact))),
    ("\"Kalma Wonsan\"", &[], None),
    ("\"11.000 Soldaten\"", &["000"], Some(("11.000", Exact))),
    // Exclusion and OR.
    (
        "Kursk -Minen",
        &["001", "002", "003"],
        Some(("Kursk", Exact)),
    ),
    (
        "Lawrow OR Shoigu",
        &["000", "003", "004"],
        Some(("Lawrow", Exact)),
    ),
    // Hyphenated words whole and in parts.
    ("US-Dollar", &["002"], Some(("US-Dollar", Exact))),
    ("Regime", &["000", "002"], Some(("Regime", Exact))),
    // Boilerplate is never matched: "Trump" occurs only in link lists and navigation, and is a
    // known word, so it is not "corrected" into "Truppen" either.
    ("Trump", &[], None),
    ("Langlaufen", &[], None),
    ("Militärgerät", &[], None),
    // A stem is not a different word.
    ("Söldnertruppe", &["004"], Some(("Söldnertruppe", Exact))),
    // `Offizier` (stem `offizi`) finds its inflections, not `offiziell` (004).
    ("Offizier", &["001"], Some(("Offiziere", Stem))),
    ("offiziell", &["004"], Some(("offiziellen", Stem))),
];

#[test]
fn everyday_queries() {
    let mut failures = Vec::new();
    for &(query, expected, mark) in CASES {
        let (found, marks) = run(query, false);
        if found != ids(expected) {
            failures.push(format!("{query:?}: found {found:?}, expected {expected:?}"));
        }
        if let Some((word, kind)) = mark {
            if !marks.iter().any(|(w, k)| w == word && *k == kind) {
                failures.push(format!(
                    "{query:?}: no highlight {word:?} as {kind:?} in {marks:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn soldat_does_not_match_soeldnertruppe() {
    let (_, marks) = run("Soldat", false);
    assert!(marks.iter().any(|(w, _)| w == "Soldaten"));
    assert!(
        marks.iter().all(|(w, _)| !w.contains("Söldner")),
        "{marks:?}"
    );
}

#[test]
fn the_last_word_is_a_prefix_while_typing() {
    let (found, marks) = run("Kursk Kano", true);
    assert_eq!(found, ids(&["001", "002", "003"]));
    assert!(marks
        .iter()
        .any(|(w, k)| w == "Kanonenfutter" && *k == Compound));
    // Not once the word is complete: four letters are too short for compounds or typos.
    assert_eq!(run("Kursk Kano", false).0, Vec::<String>::new());
}

#[test]
fn exact_beats_stem_beats_compound_and_ties_go_to_the_newest() {
    let s = snapshot();
    let results = s.searcher().search("Rakete", SearchOptions::default());
    let scores: Vec<f32> = results.hits.iter().map(|h| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // 003 has the exact word "Rakete" twice; 001 only compounds ("Raketenprogramms").
    let pos = |p: &str| {
        results
            .hits
            .iter()
            .position(|h| s.docs[h.doc].id.starts_with(p))
    };
    assert!(pos("003") < pos("001"));
    assert_eq!(
        results.outlets.iter().map(|(_, n)| n).sum::<usize>(),
        results.hits.len()
    );
}

#[test]
fn hostile_queries_are_just_queries() {
    let long = "Kim ".repeat(1250);
    let s = snapshot();
    for query in [
        "\"",
        "\"Wonsan",
        "-",
        "OR OR",
        "- \"\"",
        long.as_str(),
        "🙂🙂",
        "كيم جونغ أون",
        "\u{0}\u{7}\u{1b}[31m",
        "<img src=x onerror=alert(1)>",
        "%ZZ",
        "a",
        "ü",
    ] {
        let results = s.searcher().search(
            query,
            SearchOptions {
                typing: true,
                ..SearchOptions::default()
            },
        );
        for hit in &results.hits {
            for snippet in &hit.snippets {
                for h in &snippet.highlights {
                    assert!(snippet.text.get(h.start..h.end).is_some(), "{query:?}");
                }
            }
        }
    }
    // The HTML-looking query matches the words "img", "src", … which the corpus does not have.
    assert!(s
        .searcher()
        .search("<img src=x onerror=alert(1)>", SearchOptions::default())
        .hits
        .is_empty());
}

#[test]
fn highlights_in_the_reading_view_are_exact() {
    let s = snapshot();
    let doc = s.doc_index("003_5d34e67abcec6209").unwrap();
    let ranges = s.searcher().highlights("Wonsan Lavrov", doc);
    let text = &s.docs[doc].text;
    let words: Vec<&str> = ranges.iter().map(|&(a, b, _)| &text[a..b]).collect();
    assert!(
        words.contains(&"Wonsan") && words.contains(&"Lawrow"),
        "{words:?}"
    );
}

/// (query, words of the corpus that must not be highlighted): German function words match their
/// own inflections only — no spelling variants (`unter` ≠ `Hinter`, same transliteration
/// skeleton), no compound parts (`einen` has the stem `ein`, which begins `Einsatz`), no typos.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    ("unter", &["Hinter"]),
    ("Hinter", &["unter"]),
    (
        "einen",
        &["Einsatz", "eingesetzt", "Einsatzgebiet", "einmal"],
    ),
    (
        "gegen",
        &["Gegenzug", "Gegenleistung", "Gegenstück", "Gegend"],
    ),
    ("weiter", &["weiterhin"]),
    ("während", &["Währung"]),
];

#[test]
fn function_words_match_only_themselves() {
    let s = snapshot();
    let mut failures = Vec::new();
    for &(query, forbidden) in FUNCTION_WORDS {
        let (found, marks) = run(query, false);
        if found.is_empty() {
            failures.push(format!("{query:?} found nothing"));
        }
        for word in forbidden {
            // The negative case is real: the word is in an article's main text.
            assert!(
                s.docs.iter().any(|d| d.main_text().contains(word)),
                "{word:?} is not in the corpus"
            );
            if marks.iter().any(|(w, _)| w == word) {
                failures.push(format!("{query:?} highlighted {word:?}: {marks:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // While typing, a function word is still completed: `gegen…` may become `Gegenzug`.
    let (_, marks) = run("gegen", true);
    assert!(
        marks.iter().any(|(w, k)| w == "Gegenzug" && *k == Compound),
        "{marks:?}"
    );
}

/// Ranking reads only document gaps and weights: the same index without positions (what a
/// positions shard would leave to load before a first search) ranks every query but a phrase
/// the same, and a phrase finds nothing without positions rather than something wrong.
#[test]
fn ranking_needs_no_positions() {
    let full = snapshot();
    let mut slim = full.clone();
    slim.index = quellenlage_engine::index::size::without_positions(&full.index);
    assert!(slim.index.postings[0].len() < full.index.postings[0].len() / 2);
    let ranked = |s: &Snapshot, query: &str, typing: bool| -> Vec<(usize, f32)> {
        let options = SearchOptions {
            typing,
            snippet_hits: 0,
            snippets_per_hit: 0,
        };
        let results = s.searcher().search(query, options);
        results.hits.iter().map(|h| (h.doc, h.score)).collect()
    };
    // (query, typing): single word, AND, OR, exclusion, variant, typo, compound tail, prefix
    let table = [
        ("Schoigu", false),
        ("Kim Soldaten", false),
        ("Shoigu OR Lawrow", false),
        ("Kursk -Minen", false),
        ("Pyongyang", false),
        ("Ukriane", false),
        ("Futter", false),
        ("Satel", true),
    ];
    for (query, typing) in table {
        let expected = ranked(full, query, typing);
        assert!(!expected.is_empty(), "{query} finds something");
        assert_eq!(ranked(&slim, query, typing), expected, "{query}");
    }
    assert!(!ranked(full, "\"Wonsan Kalma\"", false).is_empty());
    assert!(ranked(&slim, "\"Wonsan Kalma\"", false).is_empty());
}

/// Articles of our own (not the bundled corpus), one per line: compounds that hold a query word
/// in the middle, and a hyphenated name spelt two ways.
const OWN_ARTICLES: &[&str] = &[
    "Die Luftabwehrsysteme an der Küste halten die Luft frei, jedes System für sich.",
    "Wieder einmal stockt der Wiederaufbau, und die Wiederaufbaupläne der Regierung sind ohne Plan.",
    "Der Offizier und zwei Offiziere des Regiments sprachen mit Lina al-Khatib.",
    "Nach offiziellen Angaben äußerte sich die Sprecherin Lina al-Chatib nicht.",
    "Die Kooperationsverträge der Firmen laufen aus, sagte der Sprecher; der Vertrag endet.",
    "Der Aufbau der neuen Brigade soll bis zum Herbst dauern, hieß es in Berlin.",
];

/// (query, articles found by line, a highlighted word that must appear with its reason)
const OWN_CASES: &[(&str, &[usize], Option<(&str, MatchKind)>)] = &[
    // A word in the middle of a compound whose head and tail are words of the corpus.
    ("Abwehr", &[0], Some(("Luftabwehrsysteme", Compound))),
    ("Aufbau", &[1, 5], Some(("Wiederaufbaupläne", Compound))),
    // A stem prefix is no compound head: `Offizier` is not `offiziellen`.
    ("Offizier", &[2], Some(("Offiziere", Stem))),
    // Hyphenated names in another spelling, as a whole and in parts.
    ("al-Chatib", &[2, 3], Some(("Khatib", Variant))),
    ("al-Khatib", &[2, 3], Some(("Chatib", Variant))),
    // Not `Ration` inside `Kooperation`.
    ("Ration", &[], None),
];

#[test]
fn compound_middles_stem_heads_and_hyphenated_variants() {
    use quellenlage_engine::{Block, BlockKind, Document, Metadata};
    let docs: Vec<Document> = OWN_ARTICLES
        .iter()
        .enumerate()
        .map(|(i, text)| Document {
            origin: Default::default(),
            id: format!("{i}"),
            meta: Metadata::default(),
            text: text.to_string().into(),
            blocks: vec![Block {
                start: 0,
                end: text.len() as u32,
                kind: BlockKind::Paragraph,
            }]
            .into(),
        })
        .collect();
    let index = quellenlage_engine::index::build(&docs);
    let searcher = quellenlage_engine::query::Searcher::new(&docs, &index);
    let options = SearchOptions {
        typing: false,
        snippet_hits: usize::MAX,
        snippets_per_hit: usize::MAX,
    };
    let mut failures = Vec::new();
    for &(query, expected, mark) in OWN_CASES {
        let results = searcher.search(query, options);
        let mut found: Vec<usize> = results.hits.iter().map(|h| h.doc).collect();
        found.sort();
        if found != expected {
            failures.push(format!("{query:?}: found {found:?}, expected {expected:?}"));
        }
        let marks: Vec<(String, MatchKind)> = results
            .hits
            .iter()
            .flat_map(|h| h.snippets.iter())
            .flat_map(|sn| {
                sn.highlights
                    .iter()
                    .map(move |hl| (sn.text[hl.start..hl.end].to_string(), hl.kind))
            })
            .collect();
        if let Some((word, kind)) = mark {
            if !marks.iter().any(|(w, k)| w == word && *k == kind) {
                failures.push(format!("{query:?}: no {word:?} as {kind:?} in {marks:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The exact word ranks above the compound that holds it in the middle.
    let aufbau = searcher.search("Aufbau", options);
    assert_eq!(aufbau.hits.first().map(|h| h.doc), Some(5));
}
