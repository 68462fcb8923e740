//! Comparison of real pairs: the bundled taz and Austrian articles, and two reports of one
//! night of our own with different numbers from different sources.

use quellenlage_engine::compare::compare;
use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::Snapshot;
use std::path::Path;

fn snapshot(dir: &str) -> Snapshot {
    let corpus = ingest_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir));
    assert!(!corpus.has_errors(), "{:?}", corpus.problems);
    Snapshot::build(corpus.docs, corpus.entities)
}

fn text<'a>(s: &'a Snapshot, r: &quellenlage_engine::compare::SentenceRef) -> &'a str {
    &s.docs[r.doc as usize].text[r.start as usize..r.end as usize]
}

#[test]
fn taz_and_the_austrian_paper_disagree_on_troop_numbers() {
    let s = snapshot("../../corpus");
    let taz = s.doc_index("000_1a0130057ecdf70e").unwrap();
    let austrian = s.doc_index("003_5d34e67abcec6209").unwrap();
    let c = compare(&s, &[taz, austrian]);

    let row = c
        .figures
        .iter()
        .find(|r| r.values[0].iter().any(|v| v.value == 11000.0))
        .expect("a row with the taz's 11.000");
    assert_eq!(row.label, "Soldaten");
    assert!(row.values[1].iter().any(|v| v.value == 15000.0), "{row:?}");
    assert!(row.differ);
    let diff = row.relative_difference.unwrap();
    assert!((diff - 4000.0 / 11000.0).abs() < 1e-9, "{diff}");
    // The taz names its sources two sentences later.
    assert!(
        row.attribution[0]
            .as_deref()
            .unwrap_or_default()
            .contains("Geheimdienste"),
        "{row:?}"
    );

    // The two sentences about troop numbers are aligned.
    assert!(
        c.alignment
            .iter()
            .any(|p| text(&s, &p.a).contains("11.000 Soldaten")
                && text(&s, &p.b).contains("15.000 Soldaten")),
        "{:#?}",
        c.alignment
            .iter()
            .map(|p| (text(&s, &p.a), text(&s, &p.b)))
            .collect::<Vec<_>>()
    );
    // Sentences only one article has are "only here".
    let only_austrian: Vec<&str> = c.sentences[1]
        .iter()
        .filter(|r| !c.has_counterpart(1, r.sentence))
        .map(|r| text(&s, r))
        .collect();
    assert!(
        only_austrian.contains(&"Es läuft dramatische Musik."),
        "{only_austrian:?}"
    );
    assert!(c.shared.iter().all(|&x| (0.0..=1.0).contains(&x)));
    // Entities: the unevenly covered first; Lawrow is named only by the Austrian paper.
    let lawrow = s.entity_index("sergej-lawrow").unwrap() as u32;
    let row = c.entities.iter().find(|r| r.entity == lawrow).unwrap();
    assert_eq!(row.counts[0], 0);
    assert!(row.counts[1] > 0);
    let nordkorea = s.entity_index("nordkorea").unwrap() as u32;
    let pos = |e: u32| c.entities.iter().position(|r| r.entity == e).unwrap();
    assert!(
        pos(lawrow) < pos(nordkorea),
        "one-sided entities come before shared ones"
    );
}

#[test]
fn two_reports_of_one_night_with_different_sources() {
    let s = snapshot("tests/fixtures/compare");
    let a = s.doc_index("kiew_ukrainisch").unwrap();
    let b = s.doc_index("moskau_russisch").unwrap();
    let c = compare(&s, &[a, b]);
    let row = c
        .figures
        .iter()
        .find(|r| r.label == "Drohnen")
        .expect("a Drohnen row");
    assert_eq!(row.values[0][0].value, 112.0);
    assert_eq!(row.values[1][0].value, 150.0);
    assert!(row.differ);
    assert_eq!(
        row.attribution[0].as_deref(),
        Some("der ukrainischen Luftwaffe")
    );
    assert_eq!(
        row.attribution[1].as_deref(),
        Some("dem russischen Verteidigungsministerium")
    );
    assert!(c
        .alignment
        .iter()
        .any(|p| text(&s, &p.a).contains("112 Drohnen") && text(&s, &p.b).contains("150 Drohnen")));
}

#[test]
fn duplicate_and_unknown_documents_are_ignored() {
    let s = snapshot("../../corpus");
    let c = compare(&s, &[0, 0, 99, 1, 2, 3, 4, 1]);
    assert_eq!(c.docs, vec![0, 1, 2, 3, 4]);
    assert_eq!(compare(&s, &[]).docs, Vec::<u32>::new());
}
