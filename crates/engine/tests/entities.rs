//! Entities on real corpus sentences: inflected mentions, longest match, boilerplate exclusion,
//! and discovery's true and false positives.

use quellenlage_engine::entities::discover::discover;
use quellenlage_engine::entities::mentions::Matcher;
use quellenlage_engine::entities::EntityKind;
use quellenlage_engine::ingest::{ingest_article, ingest_dir};
use quellenlage_engine::{Document, Snapshot};
use std::path::Path;

fn corpus() -> Snapshot {
    let corpus = ingest_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus"));
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    Snapshot::build(corpus.docs, corpus.entities)
}

fn doc(text: &str) -> Document {
    ingest_article("t", "t.txt", text.as_bytes())
        .0
        .expect("document")
}

/// (entity id, text of each mention) found in one sentence with the bundled base.
fn mentions_in(snapshot: &Snapshot, sentence: &str) -> Vec<(String, String)> {
    let d = doc(sentence);
    Matcher::new(&snapshot.entities)
        .find(&d, 0)
        .iter()
        .map(|m| {
            (
                snapshot.entities[m.entity as usize].id.clone(),
                d.text[m.start as usize..m.end as usize].to_string(),
            )
        })
        .collect()
}

#[test]
fn inflected_and_longest_mentions() {
    let s = corpus();
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Allein in diesem Jahr hat sich der russische Sicherheitsberater zum dritten Mal mit Nordkoreas Machthaber Kim Jong Un getroffen.",
            &[("nordkorea", "Nordkoreas"), ("kim-jong-un", "Kim Jong Un")],
        ),
        (
            "Stattdessen hat sich Putins Gehilfe neue nordkoreanische Unterstützung zugesichert.",
            &[("wladimir-putin", "Putins")],
        ),
        (
            "Derzeit gibt es dafür jedoch wenig Hoffnung. Schoigus erneuter Besuch in Pjöngjang hat ja deutlich gemacht.",
            &[("sergej-schoigu", "Schoigus"), ("pjoengjang", "Pjöngjang")],
        ),
        (
            "Die Brücke wird zwar Gäste für Kim Jong Uns neues Urlaubsresort anlocken.",
            &[("kim-jong-un", "Kim Jong Uns")],
        ),
        // Kim Yong-hyun is a different person, not "Kim".
        (
            "Vor dem Hintergrund solcher Informationen hat Kim Yong-hyun, der Verteidigungsminister Südkoreas, die Soldaten als „Kanonenfutter“ bezeichnet.",
            &[("kim-yong-hyun", "Kim Yong-hyun"), ("suedkorea", "Südkoreas")],
        ),
        (
            "Bollwerk mit Kim? Shoigu in Nordkorea eingetroffen – offiziell zur Siegesfeier",
            &[("kim-jong-un", "Kim"), ("sergej-schoigu", "Shoigu"), ("nordkorea", "Nordkorea")],
        ),
        // "US" inside "US-Dollar" is no mention of anything; "UN" in "UN-Sanktionen" is the UN.
        (
            "Demnach hat Nordkorea bisher bis zu 5,5 Milliarden US-Dollar verdient. Neue UN-Sanktionen drohen.",
            &[("nordkorea", "Nordkorea"), ("un", "UN")],
        ),
        // The university wins over the city inside it.
        (
            "erklärt Vladimir Tikhonov, Professor für Koreastudien an der Universität Oslo.",
            &[("vladimir-tikhonov", "Vladimir Tikhonov"), ("universitaet-oslo", "Universität Oslo")],
        ),
    ];
    for (sentence, expected) in cases {
        let got = mentions_in(&s, sentence);
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, expected, "{sentence}");
    }
}

#[test]
fn boilerplate_never_yields_mentions() {
    let s = corpus();
    let docs_of = |id: &str| -> Vec<&str> {
        let e = s
            .entity_index(id)
            .unwrap_or_else(|| panic!("no entity {id}")) as u32;
        let mut docs: Vec<&str> = s
            .all_mentions()
            .filter(|m| m.entity == e)
            .map(|m| s.docs[m.doc as usize].id.as_str())
            .collect();
        docs.dedup();
        docs
    };
    // Japan is named in 001 only inside related-article links ("Dating in Japan: …").
    assert_eq!(docs_of("japan"), vec!["004_be1dc431d84a98b3"]);
    // Every mention lies in a main-text block.
    for m in s.all_mentions() {
        let d = &s.docs[m.doc as usize];
        assert!(
            d.main_blocks()
                .any(|b| b.start <= m.start && m.end <= b.end),
            "{} {}..{}",
            d.id,
            m.start,
            m.end
        );
    }
}

#[test]
fn discovery_finds_cued_names_and_not_capitalised_nouns() {
    let text = "Seoul. Der ukrainische Präsident Wolodymyr Selenskyj warnte. \
        Allerdings ist laut John Kirby, Sprecher der US-Regierung, unklar, wofür genau die Soldaten trainiert würden. \
        Die japanische Nachrichtenagentur Kyodo berichtet. Russlands Außenminister Sergei Lawrow reiste nach Pjöngjang. \
        Dabei handelt es sich um eine grobe Schätzung. Südkoreas Verteidigungsminister: Nordkoreanische Soldaten sind Kanonenfutter. \
        Die nordkoreanische Nachrichtenagentur KCNA berichtete. Die KCNA schweigt.";
    let found = discover(&[doc(text)], &[]);
    let names: Vec<(&str, EntityKind)> = found.iter().map(|c| (c.name.as_str(), c.kind)).collect();
    for expected in [
        ("Wolodymyr Selenskyj", EntityKind::Person),
        ("John Kirby", EntityKind::Person),
        ("Kyodo", EntityKind::Organisation),
        ("Sergei Lawrow", EntityKind::Person),
        ("KCNA", EntityKind::Organisation),
        ("Pjöngjang", EntityKind::Place),
        ("Seoul", EntityKind::Place),
    ] {
        assert!(
            names.contains(&expected),
            "missing {expected:?} in {names:?}"
        );
    }
    for word in [
        "Soldaten",
        "Kanonenfutter",
        "Dabei",
        "Nordkoreanische Soldaten",
        "US",
        "Schätzung",
        "Sprecher",
    ] {
        assert!(
            names.iter().all(|(n, _)| *n != word),
            "{word} is no name: {names:?}"
        );
    }
}

#[test]
fn discovered_spellings_merge() {
    let text = "Der Chef der Söldnergruppe Wagner, Jewgeni Prigoschin, ist tot. \
        Yevgeny Prigozhin, head of the Wagner group, soll tot sein. \
        Generalstabschef Waleri Gerassimow schwieg. Auch Valery Gerasimov schwieg.";
    let found = discover(&[doc(text)], &[]);
    let prigoschin = found
        .iter()
        .find(|c| c.name.contains("Prig"))
        .expect("found");
    assert_eq!(prigoschin.count, 2, "{found:?}");
    // The other spelling, and the surname alone (which the corpus never writes in lower case).
    let other = if prigoschin.name == "Jewgeni Prigoschin" {
        "Yevgeny Prigozhin"
    } else {
        "Jewgeni Prigoschin"
    };
    assert!(
        prigoschin.aliases.iter().any(|a| a == other),
        "{prigoschin:?}"
    );
    assert!(prigoschin.aliases.len() <= 2, "{prigoschin:?}");
    let gerasimov = found
        .iter()
        .find(|c| c.name.contains("Geras"))
        .expect("found");
    assert_eq!(gerasimov.count, 2, "{found:?}");
}

#[test]
fn the_bundled_base_covers_the_bundled_corpus() {
    // Every name discovery can find in the bundled corpus is already in entities.toml.
    let s = corpus();
    let discovered: Vec<&str> = s
        .entities
        .iter()
        .filter(|e| e.source == quellenlage_engine::entities::EntitySource::Discovered)
        .map(|e| e.name.as_str())
        .collect();
    assert!(discovered.is_empty(), "{discovered:?}");
}
