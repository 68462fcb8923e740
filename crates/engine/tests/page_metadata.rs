//! Pages as four outlets we wrote ourselves print them (a storm in Hamburg, an election in
//! Saxony): kickers, date lines, bylines, copyright lines, service prompts, agency signatures.
//! Nothing about these files is configured anywhere: no `sources.toml`, no `entities.toml`.

use quellenlage_engine::entities::{EntityKind, EntitySource};
use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::Snapshot;
use std::path::Path;

fn corpus() -> quellenlage_engine::ingest::Corpus {
    let corpus = ingest_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages"));
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    corpus
}

#[test]
fn metadata_is_read_off_the_page() {
    let corpus = corpus();
    type Row<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a [&'a str],
        Option<&'a str>,
    );
    let rows: &[Row] = &[
        (
            "p1_sturm",
            "Hamburger Abendblatt",
            "2024-11-14",
            "Orkan „Greta“ legt den Hamburger Hafen lahm",
            Some("Unwetter im Norden"),
            &["Frieda Holmgren", "Tarek Baumann"],
            Some("Hamburg"),
        ),
        (
            "p2_sturm",
            "NDR",
            "2024-11-14",
            "Orkan über Norddeutschland: Hamburger Feuerwehr zählt fast 1.000 Einsätze",
            None,
            &["Sönke Aldag"],
            None,
        ),
        (
            "p3_wahl",
            "Neue Zürcher Zeitung",
            "2024-09-02",
            "Die Mitte schrumpft",
            Some("Landtagswahl in Sachsen"),
            &["Ansgar Wilmers"],
            Some("Dresden"),
        ),
        (
            "p4_wahl",
            "Freie Presse",
            "2024-09-02",
            "Sachsen hat gewählt: Kretschmer will weiterregieren",
            None,
            &[],
            Some("Leipzig"),
        ),
    ];
    for &(id, outlet, date, title, kicker, authors, place) in rows {
        let doc = corpus.docs.iter().find(|d| d.id == id).expect(id);
        let m = &doc.meta;
        assert_eq!(m.outlet.as_deref(), Some(outlet), "{id} outlet");
        assert_eq!(
            m.date.map(|d| d.to_string()).as_deref(),
            Some(date),
            "{id} date"
        );
        assert_eq!(m.title.as_deref(), Some(title), "{id} title");
        assert_eq!(m.kicker.as_deref(), kicker, "{id} kicker");
        assert_eq!(m.authors, authors, "{id} authors");
        assert_eq!(m.place.as_deref(), place, "{id} place");
    }
}

#[test]
fn service_lines_signatures_and_credits_are_not_article_text() {
    let corpus = corpus();
    let main: String = corpus
        .docs
        .iter()
        .map(|d| d.main_text())
        .collect::<Vec<_>>()
        .join("\n");
    for furniture in [
        "Abonnieren Sie",
        "Alle Rechte vorbehalten",
        "(dpa, red)",
        "Sendung: NDR",
        "Push-Mitteilungen",
        "Jetzt kostenlos abonnieren",
        "Kommentare (31)",
        "Stand: 14.11.2024",
        "Unwetter im Norden",
    ] {
        assert!(
            !main.contains(furniture),
            "{furniture:?} counted as article text"
        );
    }
    // The sentence before the signature stays.
    assert!(main.contains("fiel der Zugverkehr für mehrere Stunden aus."));
}

#[test]
fn names_in_no_list_are_found_and_variants_join_the_listed_name() {
    let corpus = corpus();
    let s = Snapshot::build(corpus.docs, corpus.entities);
    let find = |name: &str| s.entities.iter().find(|e| e.name == name);
    for (name, kind) in [
        ("Carolin Schreck", EntityKind::Person),
        ("Olaf Brennecke", EntityKind::Person),
        ("Hanne Vietz", EntityKind::Person),
        ("Katja Meier", EntityKind::Person),
        ("Hamburg Port Authority", EntityKind::Organisation),
        ("Wilhelmsburg", EntityKind::Place),
        // From the knowledge base: only because the corpus names them.
        ("Michael Kretschmer", EntityKind::Person),
        ("Deutscher Wetterdienst", EntityKind::Organisation),
    ] {
        let e = find(name).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!(e.kind, kind, "{name}");
    }
    // `Der Deutsche Wetterdienst (DWD)` is the listed `Deutscher Wetterdienst`, not a second one.
    let dwd = find("Deutscher Wetterdienst").unwrap();
    assert_eq!(dwd.source, EntitySource::Knowledge);
    assert!(find("Deutsche Wetterdienst").is_none());
    // An acronym in parentheses is its expansion's alias.
    let hpa = find("Hamburg Port Authority").unwrap();
    assert!(hpa.aliases.iter().any(|a| a == "HPA"), "{hpa:?}");
    // Roles are not part of names; authors and photographers are no entities.
    for not in [
        "Innensenator Olaf Brennecke",
        "Ministerpräsident Michael Kretschmer",
        "Frieda Holmgren",
        "Lennart Ohlsen",
        "Ansgar Wilmers",
    ] {
        assert!(find(not).is_none(), "{not} listed");
    }
    // The knowledge base brings nothing the corpus does not name.
    assert!(find("Paris").is_none());
}
