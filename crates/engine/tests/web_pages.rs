//! Saved web pages in the styles of six outlets (our own invented articles, `fixtures/web/`):
//! with and without JSON-LD, Open Graph and `<time>`, one in Windows-1252. Each page's title,
//! kicker, date, outlet and authors, where its main text starts and ends, and that no page
//! furniture is in the main text, against `tests/web_pages.toml`.

use quellenlage_engine::ingest::files::read_file;
use quellenlage_engine::Format;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(serde::Deserialize)]
struct Expected {
    title: String,
    kicker: Option<String>,
    date: String,
    outlet: String,
    #[serde(default)]
    authors: Vec<String>,
    first_paragraph_starts: String,
    last_paragraph_ends: String,
    furniture: Vec<String>,
    encoding: Option<String>,
}

#[test]
fn six_outlets_pages_read_right() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web");
    let expected: BTreeMap<String, Expected> =
        toml::from_str(&std::fs::read_to_string(dir.join("../../web_pages.toml")).unwrap())
            .unwrap();
    assert!(expected.len() >= 6);
    let mut misses = Vec::new();
    for (stem, want) in &expected {
        let file = format!("{stem}.html");
        let read = read_file(&dir.join(&file), &file, &file, Format::Html);
        assert!(read.problems.is_empty(), "{file}: {:?}", read.problems);
        let doc = &read.docs[0];
        let meta = &doc.meta;
        let mut check = |what: &str, got: String, want: String| {
            if got != want {
                misses.push(format!("{stem} {what}: got {got:?}, want {want:?}"));
            }
        };
        check(
            "title",
            format!("{:?}", meta.title),
            format!("{:?}", Some(&want.title)),
        );
        check(
            "kicker",
            format!("{:?}", meta.kicker),
            format!("{:?}", want.kicker),
        );
        check(
            "date",
            format!("{:?}", meta.date.map(|d| d.to_string())),
            format!("{:?}", Some(&want.date)),
        );
        check(
            "outlet",
            format!("{:?}", meta.outlet),
            format!("{:?}", Some(&want.outlet)),
        );
        check(
            "authors",
            format!("{:?}", meta.authors),
            format!("{:?}", want.authors),
        );
        check(
            "encoding",
            format!("{:?}", doc.origin.encoding),
            format!("{:?}", want.encoding),
        );
        let main = doc.main_text();
        if !main.contains(&want.first_paragraph_starts) {
            misses.push(format!(
                "{stem} main text lacks its first paragraph: {main}"
            ));
        }
        if !main.trim_end().ends_with(&want.last_paragraph_ends) {
            misses.push(format!(
                "{stem} main text does not end with its last paragraph: {main}"
            ));
        }
        for phrase in &want.furniture {
            if main.contains(phrase.as_str()) {
                misses.push(format!("{stem} furniture in the main text: {phrase:?}"));
            }
            if !doc.text.contains(phrase.as_str()) {
                misses.push(format!(
                    "{stem} furniture lost (not kept as boilerplate): {phrase:?}"
                ));
            }
        }
        if main.contains('\u{ad}') || main.contains('\u{a0}') {
            misses.push(format!(
                "{stem}: a soft hyphen or no-break space in the main text"
            ));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}
