//! Same answers, whatever the format: one article of our own, saved as a `.txt` page copy, a web
//! page with JSON-LD, a JSON Lines record and a German Excel CSV row (Windows-1252, `;`, quoted
//! multi-line cell), gives the same main text, metadata, entities, figures and search hits.

use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::query::SearchOptions;
use quellenlage_engine::{Format, Snapshot};
use std::path::Path;

/// The four copies, as (folder, format).
const COPIES: [(&str, Format); 4] = [
    ("txt", Format::Text),
    ("html", Format::Html),
    ("jsonl", Format::JsonLines),
    ("csv", Format::Csv),
];

fn snapshot(folder: &str) -> Snapshot {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(folder);
    let corpus = ingest_dir(&dir);
    assert!(
        corpus.problems.is_empty(),
        "{folder}: {:?}",
        corpus.problems
    );
    assert_eq!(corpus.docs.len(), 1, "{folder}");
    Snapshot::build(corpus.docs, corpus.entities)
}

/// What a reader sees of the article, independent of where its text sits in the file.
#[derive(Debug, PartialEq)]
struct Answers {
    main_text: String,
    title: Option<String>,
    kicker: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    place: Option<String>,
    authors: Vec<String>,
    /// (entity name, kind, the mentions as written), sorted.
    entities: Vec<(String, String, Vec<String>)>,
    /// (value, upper end, qualifier, noun, the figure as written).
    figures: Vec<(f64, Option<f64>, Option<String>, Option<String>, String)>,
    /// Per query: hits, and the snippets' text with their highlights.
    search: Vec<(String, usize, Vec<String>)>,
}

fn answers(s: &Snapshot) -> Answers {
    let doc = &s.docs[0];
    let meta = &doc.meta;
    let mut entities: Vec<(String, String, Vec<String>)> = s
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let mentions: Vec<String> = s
                .all_mentions()
                .filter(|m| m.entity as usize == i)
                .map(|m| doc.text[m.start as usize..m.end as usize].to_string())
                .collect();
            (!mentions.is_empty()).then(|| (e.name.clone(), format!("{:?}", e.kind), mentions))
        })
        .collect();
    entities.sort();
    let figures = s.figures[0]
        .iter()
        .map(|f| {
            (
                f.value,
                f.value_max,
                f.qualifier.clone(),
                f.noun.clone(),
                doc.text[f.start..f.end].to_string(),
            )
        })
        .collect();
    let search = [
        "Umspannwerk",
        "Stadtwerke Leipzig",
        "\"Netz 2030\"",
        "Transformatoren",
        "Kretschmer",
    ]
    .iter()
    .map(|q| {
        let results = s.searcher().search(q, SearchOptions::default());
        let snippets = results
            .hits
            .iter()
            .flat_map(|h| h.snippets.iter())
            .map(|sn| {
                let marks: Vec<String> = sn.highlights.iter().map(|h| format!("{h:?}")).collect();
                format!("{} {}", sn.text, marks.join(" "))
            })
            .collect();
        (q.to_string(), results.hits.len(), snippets)
    })
    .collect();
    Answers {
        main_text: doc.main_text(),
        title: meta.title.clone(),
        kicker: meta.kicker.clone(),
        date: meta.date.map(|d| d.to_string()),
        outlet: meta.outlet.clone(),
        place: meta.place.clone(),
        authors: meta.authors.clone(),
        entities,
        figures,
        search,
    }
}

#[test]
fn the_same_article_in_four_formats_gives_the_same_answers() {
    let reference = answers(&snapshot("txt"));
    // The reference itself is right, so that four equally wrong readings cannot pass.
    assert_eq!(
        reference.title.as_deref(),
        Some("Tausende Haushalte in Leipzig stundenlang ohne Strom")
    );
    assert_eq!(reference.kicker.as_deref(), Some("Stromausfall"));
    assert_eq!(reference.date.as_deref(), Some("2025-02-25"));
    assert_eq!(reference.outlet.as_deref(), Some("Leipziger Volkszeitung"));
    assert_eq!(reference.authors, ["Katrin Wendler", "Jonas Albrecht"]);
    assert!(reference
        .main_text
        .ends_with("Bericht im Wirtschaftsausschuss."));
    assert!(reference.figures.iter().any(|f| f.0 == 24_000.0));
    assert!(
        reference.entities.iter().any(|e| e.0 == "Burkhard Jung"),
        "{:?}",
        reference.entities
    );
    assert!(
        reference
            .search
            .iter()
            .all(|(_, hits, snippets)| *hits == 1 && !snippets.is_empty()),
        "{:?}",
        reference.search
    );

    for (folder, format) in &COPIES[1..] {
        let s = snapshot(folder);
        assert_eq!(s.docs[0].origin.format, *format);
        let got = answers(&s);
        assert_eq!(got.main_text, reference.main_text, "{folder}: main text");
        assert_eq!(got, reference, "{folder}");
    }
}

#[test]
fn each_copy_records_where_it_came_from() {
    let cases = [
        ("txt", "stromausfall.txt", None, None, None),
        ("html", "stromausfall.html", None, None, None),
        ("jsonl", "lvz.jsonl", Some(1), None, None),
        ("csv", "presse.csv", Some(2), Some(1), Some("windows-1252")),
    ];
    for (folder, file, line, row, encoding) in cases {
        let s = snapshot(folder);
        let origin = &s.docs[0].origin;
        assert_eq!(origin.file, file, "{folder}");
        assert_eq!((origin.line, origin.row), (line, row), "{folder}");
        assert_eq!(origin.encoding.as_deref(), encoding, "{folder}");
    }
    // An article from a multi-article file has an id from its URL, the same in both files.
    let jsonl = snapshot("jsonl");
    let csv = snapshot("csv");
    assert!(
        jsonl.docs[0]
            .id
            .starts_with("lvz.de_stromausfall-leipzig-norden"),
        "{}",
        jsonl.docs[0].id
    );
    assert_eq!(jsonl.docs[0].id, csv.docs[0].id);
}

/// A folder written for one test, removed when dropped.
struct TempCorpus(std::path::PathBuf);

impl TempCorpus {
    fn new(name: &str, files: &[(&str, &[u8])]) -> TempCorpus {
        let dir = std::env::temp_dir().join(format!("ql-formats-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        for (file, bytes) in files {
            std::fs::write(dir.join(file), bytes).expect("write fixture");
        }
        TempCorpus(dir)
    }
}

impl Drop for TempCorpus {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const PARAGRAPH: &str = "Der Gemeinderat von Hallstadt hat am Dienstag mit 14 zu 9 Stimmen beschlossen, die alte Mainbrücke bis zum Sommer zu sanieren.";

#[test]
fn bad_records_are_named_by_file_and_line_and_the_rest_is_built() {
    let jsonl = format!(
        "{{\"title\": \"Brücke wird saniert\", \"text\": \"{PARAGRAPH}\", \"url\": \"https://bote.example/bruecke\"}}\n\
         {{\"title\": \"Kaputt\", \"text\": \n\
         {{\"title\": \"Ohne Text\"}}\n\
         {{\"title\": \"Brücke wird saniert\", \"text\": \"{PARAGRAPH}\", \"url\": \"http://www.bote.example/bruecke?utm_source=x\"}}\n"
    );
    let csv = format!(
        "Titel;Datum;Text\n\
         Zweiter Bericht;04.03.2025;\"{PARAGRAPH} Die Arbeiten kosten 2,4 Millionen Euro.\"\n\
         Zu kurz;05.03.2025\n"
    );
    let page = "<html><head><title>Nur Menü</title></head><body><nav><a href=\"/\">Start</a></nav></body></html>";
    let corpus = TempCorpus::new(
        "bad",
        &[
            ("bote.jsonl", jsonl.as_bytes()),
            ("export.csv", csv.as_bytes()),
            ("leer.html", page.as_bytes()),
            ("notizen.docx", b"PK\x03\x04"),
        ],
    );
    let read = ingest_dir(&corpus.0);
    let problems: Vec<(String, Option<u32>, &str)> = read
        .problems
        .iter()
        .map(|p| {
            let file = Path::new(&p.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (file, p.line, p.message.as_str())
        })
        .collect();
    let has = |file: &str, line: Option<u32>, words: &str| {
        problems
            .iter()
            .any(|(f, l, m)| f == file && *l == line && m.contains(words))
    };
    assert!(has("bote.jsonl", Some(2), "not valid JSON"), "{problems:?}");
    assert!(
        has("bote.jsonl", Some(3), "no article text"),
        "{problems:?}"
    );
    assert!(
        has(
            "bote.jsonl",
            Some(4),
            "the same article as bote.jsonl, Zeile 1 (the same URL)"
        ),
        "{problems:?}"
    );
    assert!(
        has("export.csv", Some(3), "2 cells, the header row has 3"),
        "{problems:?}"
    );
    assert!(has("leer.html", None, "no article text"), "{problems:?}");
    assert!(
        has("notizen.docx", None, "not an article file"),
        "{problems:?}"
    );
    assert_eq!(problems.len(), 6, "{problems:?}");
    assert!(
        !read.has_errors(),
        "bad records are skipped, not fatal: {problems:?}"
    );
    let titles: Vec<&str> = read
        .docs
        .iter()
        .filter_map(|d| d.meta.title.as_deref())
        .collect();
    assert_eq!(read.docs.len(), 2, "{titles:?}");
    assert!(titles.contains(&"Brücke wird saniert") && titles.contains(&"Zweiter Bericht"));
}

#[test]
fn the_same_text_twice_is_kept_once() {
    let text = format!(
        "Brücke wird saniert\n\n{PARAGRAPH}\n\n{PARAGRAPH} Die Arbeiten beginnen im Mai.\n"
    );
    let corpus = TempCorpus::new(
        "twice",
        &[("a.txt", text.as_bytes()), ("b.txt", text.as_bytes())],
    );
    let read = ingest_dir(&corpus.0);
    assert_eq!(read.docs.len(), 1);
    assert_eq!(read.docs[0].id, "a");
    assert_eq!(read.problems.len(), 1, "{:?}", read.problems);
    assert!(read.problems[0]
        .message
        .contains("the same article as a.txt (the same text)"));
}
