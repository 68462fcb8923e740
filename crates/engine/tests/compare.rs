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

/// Two reports of one (invented) march, written for this test: different numbers from
/// different sources, in different words.
fn two_reports() -> Snapshot {
    let a = " date 2025-05 Leipzig lvz | Laut Polizei 4.000 Menschen bei Fahrraddemo in Leipzig

Rund 4.000 Menschen fuhren nach Angaben der Polizei am Samstag über den Innenstadtring, der Verein „Rad statt Auto“ sprach sogar von bis zu 9.000 Teilnehmern.

Bei einem Unfall am Rande der Route kamen zwei Menschen ums Leben.

Am Augustusplatz warteten mehr als 1.000 Container auf den Abtransport nach dem Stadtfest.

In Dresden demonstrierten am selben Tag rund 600 Menschen gegen den Ausbau der Autobahn.";
    let b = " date 2025-05 Leipzig mdr | Fahrraddemo: Verein zählt 8.500 Teilnehmende

Die Polizei sprach am Abend von mindestens 3 500 Teilnehmern, der Verein „Rad statt Auto“, der zu der Fahrt aufgerufen hatte, von 8 500 Demonstrierenden auf dem Innenstadtring.

Die Zahl der Todesopfer des Unfalls am Rande der Route ist auf drei gestiegen, wie die Feuerwehr mitteilte.

Auf dem Augustusplatz warteten nach dem Stadtfest 10.000 Container auf den Abtransport.";
    articles(&[("lvz", a), ("mdr", b)])
}

/// A snapshot of articles written for a test, each `(id, text)` ingested without problems.
fn articles(texts: &[(&str, &str)]) -> Snapshot {
    let docs = texts
        .iter()
        .map(|(id, text)| {
            let (doc, problems) =
                quellenlage_engine::ingest::ingest_article(id, "test", text.as_bytes());
            assert!(problems.is_empty(), "{problems:?}");
            doc.expect("article")
        })
        .collect();
    Snapshot::build(docs, Vec::new())
}

#[test]
fn each_figure_has_its_own_source_and_the_same_fact_meets_in_one_row() {
    let s = two_reports();
    let c = compare(&s, &[0, 1]);
    let row_with = |value: f64| {
        c.figures
            .iter()
            .find(|r| r.values.iter().flatten().any(|v| v.value == value))
            .unwrap_or_else(|| panic!("a row with {value}: {:#?}", c.figures))
    };
    let value = |value: f64| {
        c.figures
            .iter()
            .flat_map(|r| r.values.iter().flatten())
            .find(|v| v.value == value)
            .unwrap()
    };
    // The police's count and the club's count, each with its own source, in two rows.
    let police = row_with(4000.0);
    assert!(
        police.values[1].iter().any(|v| v.value == 3500.0),
        "{police:#?}"
    );
    assert_eq!(value(4000.0).attribution.as_deref(), Some("Polizei"));
    assert_eq!(value(3500.0).attribution.as_deref(), Some("Die Polizei"));
    let club = row_with(9000.0);
    assert!(
        club.values[1].iter().any(|v| v.value == 8500.0),
        "{club:#?}"
    );
    assert_eq!(
        value(9000.0).attribution.as_deref(),
        Some("der Verein „Rad statt Auto“")
    );
    // The headline names the club shortly, the body in full.
    let sources: Vec<Option<&str>> = club.values[1]
        .iter()
        .map(|v| v.attribution.as_deref())
        .collect();
    assert_eq!(
        sources,
        [Some("Verein"), Some("der Verein „Rad statt Auto“")]
    );
    assert_eq!(club.label, "Teilnehmer");
    assert_eq!(police.attribution[0].as_deref(), Some("Polizei"));
    // `zwei Menschen ums Leben` and `die Zahl der Todesopfer … auf drei` are one fact.
    let dead = row_with(2.0);
    assert_eq!(dead.label, "Tote");
    assert!(dead.values[1].iter().any(|v| v.value == 3.0), "{dead:#?}");
    assert_eq!(value(3.0).attribution.as_deref(), Some("die Feuerwehr"));
    // A factor of ten does not keep the same fact apart.
    let containers = row_with(1000.0);
    assert!(containers.values[1].iter().any(|v| v.value == 10_000.0));
    assert!(containers.differ);
    // The march in Dresden is another fact: no row with the Leipzig figures.
    let dresden = row_with(600.0);
    assert!(dresden.values[1].is_empty(), "{dresden:#?}");
}

#[test]
fn a_far_value_does_not_join_a_row_others_agree_on() {
    // Written for this test: three reports agree that about 40 miners are still trapped;
    // the fourth says two are to be brought up today. One similar sentence must not pull
    // the 2 into the row of 40, 42 and 40.
    let reports = [
        ("a", " date 2025-03 Ostrava ct | Grubenunglück: Noch 40 Bergleute eingeschlossen\n\nNach Angaben des Betreibers sind in der Grube bei Ostrava noch 40 Bergleute unter Tage eingeschlossen.\n\nDie Rettungskräfte bohren seit Sonntag einen zweiten Schacht."),
        ("b", " date 2025-03 Ostrava idnes | Grubenunglück bei Ostrava\n\nIn der Grube bei Ostrava sind nach Angaben des Betreibers noch 42 Bergleute unter Tage eingeschlossen.\n\nDie Rettungskräfte bohren seit Sonntag einen zweiten Schacht."),
        ("c", " date 2025-03 Ostrava denik | Bergleute in Ostrava weiter eingeschlossen\n\nLaut Betreiber sind in der Grube bei Ostrava noch 40 Bergleute unter Tage eingeschlossen.\n\nDie Rettungskräfte bohren seit Sonntag einen zweiten Schacht."),
        ("d", " date 2025-03 Ostrava novinky | Rettung in Ostrava\n\nNoch am Montag sollen in der Grube bei Ostrava zwei Bergleute unter Tage geborgen werden.\n\nDie Rettungskräfte bohren seit Sonntag einen zweiten Schacht."),
    ];
    let s = articles(&reports);
    let c = compare(&s, &[0, 1, 2, 3]);
    let row = c
        .figures
        .iter()
        .find(|r| r.values[0].iter().any(|v| v.value == 40.0))
        .unwrap_or_else(|| panic!("a row with 40: {:#?}", c.figures));
    let shown: Vec<Option<f64>> = (0..4).map(|i| row.shown(i).map(|v| v.value)).collect();
    assert_eq!(
        shown,
        [Some(40.0), Some(42.0), Some(40.0), None],
        "{row:#?}"
    );
}
