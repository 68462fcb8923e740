//! The boilerplate split and metadata of each bundled article, pinned line by line.
//! Each row names an article's first and last main-text sentence and every boilerplate line.

use quellenlage_engine::ingest::{ingest_article, ingest_dir};
use quellenlage_engine::{BlockKind, Boilerplate, Document};
use std::path::Path;

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// The article as read from its file alone (no sources.toml), so the text rules are tested.
fn article(id: &str) -> Document {
    let path = corpus_dir().join(format!("{id}.txt"));
    let bytes = std::fs::read(&path).expect("bundled article");
    let (doc, problems) = ingest_article(id, &path.display().to_string(), &bytes);
    assert!(problems.is_empty(), "{problems:?}");
    doc.expect("article ingests")
}

struct Expected {
    id: &'static str,
    first_main: &'static str,
    last_main: &'static str,
    boilerplate: &'static [(Boilerplate, &'static str)],
}

const ARTICLES: &[Expected] = &[
    Expected {
        id: "000_1a0130057ecdf70e",
        first_main: "Wieder einmal war Sergej Schoigu zu Besuch in Pjöngjang.",
        last_main: "sondern auch gefühlt sehr weit entfernt ist.",
        boilerplate: &[],
    },
    Expected {
        id: "001_183c5145c417f8dd",
        first_main: "Seoul. Nordkoreanische Soldaten sollen offenbar für Russland gegen die Ukraine kämpfen.",
        last_main: "Südkorea gehört zu den neun größten Waffenexporteuren der Welt, Tendenz steigend.",
        boilerplate: &[
            (Boilerplate::Teaser, "Auch interessant"),
            (Boilerplate::RelatedLinks, "- Militärgerät: Ukraine treibt potente Rakete voran – was sie kann"),
            (Boilerplate::RelatedLinks, "- Ukraine blickt auf USA: Trumps neue Amtszeit als Chance im Krieg?"),
            (Boilerplate::RelatedLinks, "- Ukraine-Krieg: Noch bleiben die Atomkraftwerke verschont"),
            (Boilerplate::RelatedLinks, "- Erfindung: Neue Raketen-Drohne soll russische Flugplätze pulverisieren"),
            (Boilerplate::RelatedLinks, "- Kriminelle an die Front? „Natürlich gibt es Parallelen“"),
            (Boilerplate::Teaser, "Auch interessant"),
            (Boilerplate::Teaser, "Auch interessant"),
            (Boilerplate::RelatedLinks, "- Wirr umherlaufende Nordkoreaner: Ukrainische Militärs erstaunt"),
            (Boilerplate::RelatedLinks, "- Verrückter Fall: Mann in Südkorea sammelt 20.000 Knöllchen - ohne Konsequenzen"),
            (Boilerplate::RelatedLinks, "- Reisen: Video befeuert Touri-Frust in Japan – „Werden es nicht dulden“"),
            (Boilerplate::RelatedLinks, "- Rente: Rigorose Ideen sollen Senioren in Südkorea retten"),
            (Boilerplate::RelatedLinks, "- Dating in Japan: Tokio will frustrierte Singles verkuppeln – mit Hintergedanken"),
        ],
    },
    Expected {
        id: "002_478a906668a5264f",
        first_main: "Jackpot für Kim Jong-un und Nordkorea",
        last_main: "einen immensen politischen und strategischen Preis für nordkoreanische Soldaten.",
        boilerplate: &[
            (Boilerplate::Duplicate, "Jackpot für Kim Jong-un und Nordkorea"),
            (Boilerplate::Duplicate, "Jackpot für Kim Jong-un und Nordkorea"),
            (Boilerplate::Separator, "-"),
            (Boilerplate::PhotoCredit, "Bild: t-online"),
            (Boilerplate::Teaser, "Mehr von „International“"),
            (Boilerplate::Chrome, "Ein Artikel von"),
            (Boilerplate::Prompt, "???? Verfolgen Sie den Krieg gegen die Ukraine live ????"),
            (Boilerplate::Separator, "-"),
            (Boilerplate::TranslationCredit, "Aus dem Deutschen übersetzt von Anne Castella"),
            (Boilerplate::Prompt, "Internationale Nachrichten, Tag und Nacht, finden Sie hier:"),
            (Boilerplate::Chrome, "Alle Artikel anzeigen"),
            (Boilerplate::Separator, "---"),
            (Boilerplate::Navigation, "PREV Langlaufen | „Eine Erinnerung, die sich für immer in unser Gedächtnis einprägt“: Félicie Chappaz, Manon Favre Bonvin, Julie Marciniak und France Pignot erzählen, wie sie bei den World University Games in Turin Bronze in der Staffel gewannen | Nordic Mag"),
            (Boilerplate::Navigation, "NEXT Trump greift Episkopalbischof an, der ihn um „Gnade“ gebeten hat"),
        ],
    },
    Expected {
        id: "003_5d34e67abcec6209",
        first_main: "Nordkoreas Staatschef und Alleinherrscher Kim Jong Un hat sich",
        last_main: "Das frisch eröffnete Wonsan Kalma Ressort",
        boilerplate: &[
            (Boilerplate::PhotoCredit, "© APA/AFP/RUSSIAN FOREIGN MINISTRY/HANDO/HANDOUT"),
            (Boilerplate::PhotoCredit, "© APA/AFP/RUSSIAN FOREIGN MINISTRY/HANDO/HANDOUT"),
            (Boilerplate::PhotoCredit, "© APA/AFP/KIM WON JIN"),
        ],
    },
    Expected {
        id: "004_be1dc431d84a98b3",
        first_main: "Russlands Bollwerk mit Nordkorea? Schoigu besucht Kim: „Stärkung der Militärbeziehungen“",
        last_main: "zwischen zwei und vier Millionen Koreaner getötet worden sein. (bohy mit Agenturen)",
        boilerplate: &[(Boilerplate::PhotoCredit, "© Uncredited/dpa")],
    },
];

#[test]
fn each_article_splits_into_main_text_and_boilerplate() {
    for expected in ARTICLES {
        let doc = article(expected.id);
        let main: Vec<&str> = doc.main_blocks().map(|b| doc.block_text(b)).collect();
        let first = main.first().copied().unwrap_or_default();
        let last = main.last().copied().unwrap_or_default();
        assert!(
            first.starts_with(expected.first_main),
            "{}: main text starts with {first:?}",
            expected.id
        );
        assert!(
            last.ends_with(expected.last_main),
            "{}: main text ends with {last:?}",
            expected.id
        );
        let boilerplate: Vec<(Boilerplate, &str)> = doc
            .blocks
            .iter()
            .filter_map(|b| match b.kind {
                BlockKind::Boilerplate(kind) => Some((kind, doc.block_text(b))),
                _ => None,
            })
            .collect();
        assert_eq!(boilerplate, expected.boilerplate, "{}", expected.id);
        // Nothing counted as main text may contain boilerplate lines.
        for (_, line) in expected.boilerplate {
            if !matches!(line.len(), 0..=3) && !line.starts_with("Jackpot") {
                assert!(
                    main.iter().all(|m| !m.contains(line)),
                    "{}: {line:?} leaked into main text",
                    expected.id
                );
            }
        }
    }
}

#[test]
fn blocks_are_ordered_and_cover_only_non_blank_text() {
    for expected in ARTICLES {
        let doc = article(expected.id);
        let mut previous_end = 0;
        for block in &doc.blocks {
            assert!(
                block.start >= previous_end && block.end > block.start,
                "{}",
                expected.id
            );
            previous_end = block.end;
            let text = doc.block_text(block);
            assert_eq!(text, text.trim(), "{}: untrimmed block", expected.id);
        }
        // Every non-blank character of the file belongs to some block: nothing is lost.
        let covered: usize = doc
            .blocks
            .iter()
            .map(|b| {
                doc.block_text(b)
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count()
            })
            .sum();
        let total = doc.text.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(covered, total, "{}", expected.id);
    }
}

#[test]
fn headers_bylines_titles_and_datelines_become_metadata() {
    // (id, date, place, outlet, author, title) as read from the text alone.
    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let rows: &[Row] = &[
        ("000_1a0130057ecdf70e", Some("2025-06"), Some("Seoul"), Some("taz"), None, None),
        ("001_183c5145c417f8dd", None, Some("Seoul"), None, None, None),
        (
            "002_478a906668a5264f",
            None,
            None,
            Some("t-online"),
            Some("Patrick Diekmann"),
            Some("Jackpot für Kim Jong-un und Nordkorea"),
        ),
        ("003_5d34e67abcec6209", Some("2025-07"), None, None, None, None),
        (
            "004_be1dc431d84a98b3",
            Some("2023-07"),
            Some("Pjöngjang"),
            None,
            Some("Bona Hyun"),
            Some("Russlands Bollwerk mit Nordkorea? Schoigu besucht Kim: „Stärkung der Militärbeziehungen“"),
        ),
    ];
    for &(id, date, place, outlet, author, title) in rows {
        let meta = article(id).meta;
        assert_eq!(
            meta.date.map(|d| d.to_string()).as_deref(),
            date,
            "{id} date"
        );
        assert_eq!(meta.place.as_deref(), place, "{id} place");
        assert_eq!(meta.outlet.as_deref(), outlet, "{id} outlet");
        assert_eq!(meta.author_line().as_deref(), author, "{id} author");
        assert_eq!(meta.title.as_deref(), title, "{id} title");
    }
}

#[test]
fn the_bundled_corpus_ingests_cleanly_with_its_sources_file() {
    let corpus = ingest_dir(&corpus_dir());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let files = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    assert_eq!(corpus.docs.len(), files);
    for doc in &corpus.docs {
        assert!(doc.meta.outlet.is_some(), "{} has no outlet", doc.id);
        assert!(doc.meta.date.is_some(), "{} has no date", doc.id);
        assert!(doc.meta.title.is_some(), "{} has no title", doc.id);
    }
    let doc = corpus
        .docs
        .iter()
        .find(|d| d.id.starts_with("001"))
        .unwrap();
    assert_eq!(doc.meta.outlet.as_deref(), Some("Funke Mediengruppe"));
    assert!(doc.meta.inferred.iter().any(|f| f == "outlet"));
}
