//! A corpus the rules were not written for: five short reports of our own, with names in
//! English and German transliteration, bylines, datelines and boilerplate. Nothing about these
//! files is configured anywhere; what works here works for a new user's folder.

use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::query::expand::MatchKind;
use quellenlage_engine::query::SearchOptions;
use quellenlage_engine::{BlockKind, Snapshot};
use std::path::Path;

fn snapshot() -> Snapshot {
    let corpus = ingest_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen"));
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    Snapshot::build(corpus.docs, corpus.entities)
}

#[test]
fn names_meet_across_spellings() {
    let s = snapshot();
    let cases: &[(&str, &[&str], MatchKind)] = &[
        (
            "Prigozhin",
            &["a_prigoschin", "b_prigozhin"],
            MatchKind::Variant,
        ),
        (
            "Prigoschin",
            &["a_prigoschin", "b_prigozhin"],
            MatchKind::Variant,
        ),
        (
            "Gerasimov",
            &["a_prigoschin", "b_prigozhin"],
            MatchKind::Variant,
        ),
        ("Navalny", &["c_nawalny", "d_navalny"], MatchKind::Variant),
        ("Navalnaya", &["c_nawalny", "d_navalny"], MatchKind::Variant),
        ("Kadyrow", &["e_kadyrow"], MatchKind::Variant),
        ("Kharkiv", &["e_kadyrow"], MatchKind::Variant),
    ];
    for &(query, expected, kind) in cases {
        let results = s.searcher().search(query, SearchOptions::default());
        let mut found: Vec<&str> = results
            .hits
            .iter()
            .map(|h| s.docs[h.doc].id.as_str())
            .collect();
        found.sort();
        assert_eq!(found, expected, "{query}");
        let kinds: Vec<MatchKind> = results
            .hits
            .iter()
            .flat_map(|h| {
                h.snippets
                    .iter()
                    .flat_map(|sn| sn.highlights.iter().map(|hl| hl.kind))
            })
            .collect();
        assert!(kinds.contains(&kind), "{query}: {kinds:?}");
    }
}

#[test]
fn boilerplate_words_match_nothing() {
    let s = snapshot();
    for query in [
        "Lukaschenko",
        "Newsletter",
        "Butscha",
        "Castella",
        "Lena Berg",
    ] {
        let hits = s.searcher().search(query, SearchOptions::default()).hits;
        assert!(
            hits.is_empty(),
            "{query} matched {:?}",
            hits.iter().map(|h| &s.docs[h.doc].id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn metadata_and_boilerplate_are_read_from_the_text() {
    let s = snapshot();
    let doc = |id: &str| s.doc(id).unwrap();
    let a = &doc("a_prigoschin").meta;
    assert_eq!(
        (a.outlet.as_deref(), a.place.as_deref()),
        (Some("dpa"), Some("Moskau"))
    );
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2023-08"));
    let c = doc("c_nawalny");
    assert_eq!(
        c.meta.title.as_deref(),
        Some("Nawalnys Tod erschüttert die Opposition")
    );
    assert_eq!(c.meta.authors, ["Marta Klein"]);
    assert_eq!(doc("d_navalny").meta.place.as_deref(), Some("Seoul"));
    let boilerplate = |id: &str| -> Vec<String> {
        let d = doc(id);
        d.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Boilerplate(_)))
            .map(|b| d.block_text(b).to_string())
            .collect()
    };
    assert_eq!(
        boilerplate("a_prigoschin").len(),
        3,
        "two links and a teaser label"
    );
    assert_eq!(
        boilerplate("b_prigozhin"),
        vec!["Aus dem Englischen übersetzt von Lena Berg"]
    );
    assert_eq!(
        boilerplate("c_nawalny"),
        vec!["???? Abonnieren Sie unseren Newsletter"]
    );
    assert_eq!(boilerplate("d_navalny"), vec!["© AP/Pool"]);
    assert_eq!(boilerplate("e_kadyrow").len(), 2);
    let caption = doc("d_navalny")
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Caption)
        .map(|b| doc("d_navalny").block_text(b).to_string());
    assert_eq!(
        caption.as_deref(),
        Some("Navalny bei einer Demonstration in Moskau, 2020")
    );
}
