//! The article as a format reader hands it over (text plus the metadata fields the format
//! carries), and how it becomes a [`Document`]: the same layout reader as for `.txt` files,
//! then the fields over what the text says.
//!
//! Every format ends here, so the same article gives the same main text, metadata, entities,
//! figures and search hits whether it came as `.txt`, `.html`, `.jsonl` or `.csv`.

use crate::document::{BlockKind, Boilerplate, Document, Metadata, Origin, PartialDate};
use crate::ingest::{dates, layout, outlets, sources::split_authors, text};
use crate::problem::Problem;

/// Metadata a format gives in named fields (JSON-LD, Open Graph, JSON keys, CSV columns), as
/// written there. Empty strings count as absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fields {
    /// Headline.
    pub title: Option<String>,
    /// Kicker above the headline.
    pub kicker: Option<String>,
    /// Lead (teaser) paragraph, where the format keeps it apart from the text.
    pub lead: Option<String>,
    /// Publication date in any form the date readers know (`2025-02-25T10:00:00+01:00`,
    /// `25.02.2025`, `25. Februar 2025`).
    pub date: Option<String>,
    /// Outlet name or web domain (`Tagesspiegel`, `www.tagesspiegel.de`).
    pub outlet: Option<String>,
    /// Authors, one name each (a reader splits `A; B` before).
    pub authors: Vec<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
}

/// One article read from a file: its text and fields, and where in the file it starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// The article text, paragraphs separated by blank lines; a heading on a line of its own.
    /// The title need not be in it (it is put first from `fields.title`; a repeat is dropped by
    /// the layout reader as a duplicate line).
    pub text: String,
    /// Metadata from named fields.
    pub fields: Fields,
    /// Page furniture the format holds besides the article (navigation, cookie banner, related
    /// links, footer): kept for the reader as boilerplate, never counted.
    pub furniture: Vec<String>,
    /// 1-based line where the record starts in its file (multi-article files).
    pub line: Option<u32>,
    /// 1-based row (CSV data row, JSON array element).
    pub row: Option<u32>,
}

/// Why one record (a JSON line, a CSV row, a page) could not become an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line in the file, where known.
    pub line: Option<u32>,
    /// What is wrong and what to do.
    pub message: String,
}

impl RecordError {
    /// An error at `line` (if any).
    pub fn new(line: Option<u32>, message: impl Into<String>) -> RecordError {
        RecordError {
            line,
            message: message.into(),
        }
    }

    /// The problem report for file `path`: a warning, since the rest of the corpus still builds
    /// and the message says the record was skipped.
    pub fn into_problem(self, path: &str) -> Problem {
        let problem = Problem::warning(path, format!("skipped: {}", self.message));
        match self.line {
            Some(line) => problem.at(line, None),
            None => problem,
        }
    }
}

/// A field's trimmed value, `None` where it is empty.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The text the layout reader gets for a record: kicker, title, lead, text, then the page
/// furniture; and the byte offset where the furniture starts (the text's length if none).
pub fn layout_text(record: &Record) -> (String, usize) {
    let fields = &record.fields;
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(present(&fields.kicker));
    parts.extend(present(&fields.title));
    if let Some(lead) = present(&fields.lead) {
        if !record.text.trim_start().starts_with(lead) {
            parts.push(lead);
        }
    }
    parts.push(record.text.trim());
    let article = normalise_part(&parts);
    let furniture: Vec<&str> = record.furniture.iter().map(|f| f.trim()).collect();
    let furniture = normalise_part(&furniture);
    if furniture.is_empty() {
        let len = article.len();
        return (article, len);
    }
    let start = article.len() + 2;
    (format!("{article}\n\n{furniture}"), start)
}

/// Non-empty parts joined by blank lines, with `\n` line ends and NFC.
fn normalise_part(parts: &[&str]) -> String {
    let kept: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
    text::normalise(&kept.join("\n\n"))
}

/// Turns a record into a document with `id` and `origin`; problems name the origin's file and
/// line. `None` (with a problem saying why) where the record holds no article text.
pub fn into_document(
    id: &str,
    origin: Origin,
    record: &Record,
) -> (Option<Document>, Vec<Problem>) {
    let located = |problem: Problem| match origin.line {
        Some(line) => problem.at(line, None),
        None => problem,
    };
    if record.text.trim().is_empty() {
        let problem =
            RecordError::new(record.line, "no article text found").into_problem(&origin.file);
        return (None, vec![problem]);
    }
    let (text, furniture_start) = layout_text(record);
    let mut laid_out = layout::layout(&text);
    // Page furniture is never article text, whatever its shape; what the layout reader
    // recognised in it (a copyright line, a prompt) keeps its own label.
    for block in &mut laid_out.blocks {
        if block.start as usize >= furniture_start && block.kind.is_main() {
            block.kind = BlockKind::Boilerplate(Boilerplate::Footer);
        }
    }
    let mut problems: Vec<Problem> = laid_out
        .problems
        .into_iter()
        .map(|(_, message)| located(Problem::warning(&origin.file, message)))
        .collect();
    let mut meta = laid_out.found;
    if let Some(problem) = apply_fields(&record.fields, &mut meta, &origin.file) {
        problems.push(located(problem));
    }
    let doc = Document {
        id: id.to_string(),
        meta,
        text: text.into(),
        blocks: laid_out.blocks.into(),
        origin,
    };
    (Some(doc), problems)
}

/// Puts every field the record sets over what the layout reader found in the text. A date that
/// no reader understands is reported and leaves the text's date in place.
pub fn apply_fields(fields: &Fields, meta: &mut Metadata, path: &str) -> Option<Problem> {
    let clean = |v: &Option<String>| {
        v.as_deref()
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|v| !v.is_empty())
    };
    if let Some(title) = clean(&fields.title) {
        meta.title = Some(title);
    }
    if let Some(kicker) = clean(&fields.kicker) {
        meta.kicker = Some(kicker);
    }
    if let Some(place) = clean(&fields.place) {
        meta.place = Some(place);
    }
    if let Some(url) = clean(&fields.url) {
        meta.url = Some(url);
    }
    if let Some(outlet) = clean(&fields.outlet) {
        meta.outlet = Some(outlet_name(&outlet));
    }
    let authors = authors(&fields.authors);
    if !authors.is_empty() {
        meta.authors = authors;
    }
    let mut problem = None;
    if let Some(date) = clean(&fields.date) {
        match parse_date(&date) {
            Some(d) => meta.date = Some(d),
            None => {
                problem = Some(Problem::warning(
                    path,
                    format!(
                        "date {date:?} is not a date this reader knows; the text's date is kept"
                    ),
                ))
            }
        }
    }
    problem
}

/// The canonical name of an outlet given by name or web domain (`www.tagesspiegel.de` →
/// `Tagesspiegel`); an outlet the table does not know keeps its name, a bare domain loses
/// its `www.`.
pub fn outlet_name(value: &str) -> String {
    let value = value.trim();
    let bare = value
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/');
    let table = outlets::table();
    table
        .lookup(value)
        .or_else(|| table.lookup(bare))
        .map(|o| o.name.clone())
        .unwrap_or_else(|| bare.to_string())
}

/// Author names from a field: each entry may still hold several (`A; B`, `A und B`); an entry
/// that is really the outlet (`tagesschau.de`, `dpa`, `Redaktion`) is no author.
pub fn authors(values: &[String]) -> Vec<String> {
    let table = outlets::table();
    let mut out: Vec<String> = Vec::new();
    for value in values {
        for name in split_authors(value) {
            let name = name
                .trim_start_matches("Von ")
                .trim_start_matches("von ")
                .trim();
            let is_outlet = table.lookup(name).is_some()
                || name.contains('.') && !name.contains(' ')
                || name.starts_with("http")
                || matches!(name.to_lowercase().as_str(), "redaktion" | "red" | "red.");
            if !name.is_empty() && !is_outlet && !out.iter().any(|o| o == name) {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// A date field in any form: ISO 8601 (`2025-02-25`, `2025-02-25T10:00:00+01:00`,
/// `2025-02-25 10:00:00`), or a form the date-line reader knows (`25.02.2025`,
/// `25. Februar 2025`, `Februar 2025`).
pub fn parse_date(value: &str) -> Option<PartialDate> {
    let value = value.trim();
    let iso_end = value
        .find(['T', ' '])
        .filter(|&i| i >= 4)
        .unwrap_or(value.len());
    PartialDate::parse(&value[..iso_end])
        .or_else(|| dates::date_line(value))
        .or_else(|| dates::month_line(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_fields_in_every_form() {
        let cases = [
            ("2025-02-25", Some("2025-02-25")),
            ("2025-02-25T10:04:00+01:00", Some("2025-02-25")),
            ("2025-02-25 10:04:00", Some("2025-02-25")),
            ("2025-02", Some("2025-02")),
            ("25.02.2025", Some("2025-02-25")),
            ("25. Februar 2025", Some("2025-02-25")),
            ("Stand: 25.02.2025, 17:12 Uhr", Some("2025-02-25")),
            ("Februar 2025", Some("2025-02")),
            ("gestern", None),
            ("2025-13-01", None),
        ];
        for (value, expected) in cases {
            assert_eq!(
                parse_date(value).map(|d| d.to_string()).as_deref(),
                expected,
                "{value}"
            );
        }
    }

    #[test]
    fn outlet_fields_by_name_or_domain() {
        let cases = [
            ("www.tagesspiegel.de", "Tagesspiegel"),
            ("https://www.tagesspiegel.de/", "Tagesspiegel"),
            ("Tagesspiegel", "Tagesspiegel"),
            ("www.kleinstadt-bote.example", "kleinstadt-bote.example"),
            ("Kleinstadt-Bote", "Kleinstadt-Bote"),
        ];
        for (value, expected) in cases {
            assert_eq!(outlet_name(value), expected, "{value}");
        }
    }

    #[test]
    fn author_fields_split_and_lose_the_outlet() {
        let cases: [(&[&str], &[&str]); 4] = [
            (
                &["Anna Muster; Ben Beispiel"],
                &["Anna Muster", "Ben Beispiel"],
            ),
            (&["Anna Muster", "tagesschau.de"], &["Anna Muster"]),
            (&["dpa"], &[]),
            (
                &["Von Carla Kunz und Anna Muster", "Anna Muster"],
                &["Carla Kunz", "Anna Muster"],
            ),
        ];
        for (values, expected) in cases {
            let values: Vec<String> = values.iter().map(|v| v.to_string()).collect();
            assert_eq!(authors(&values), expected, "{values:?}");
        }
    }

    #[test]
    fn a_record_reads_like_its_text_with_fields_on_top() {
        let record = Record {
            text:
                "Erster Absatz des Artikels mit genug Worten für einen Absatz.\n\nZweiter Absatz."
                    .into(),
            fields: Fields {
                title: Some("Eine Überschrift".into()),
                date: Some("2025-02-25T08:00:00Z".into()),
                outlet: Some("www.tagesspiegel.de".into()),
                authors: vec!["Anna Muster".into()],
                ..Fields::default()
            },
            furniture: vec![
                "Newsletter abonnieren".into(),
                "Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren, \
                 Werbung anzupassen und Zugriffe zu analysieren. Mit einem Klick auf Zustimmen \
                 erklären Sie sich damit einverstanden, dass Daten an Partner übermittelt werden."
                    .into(),
            ],
            line: Some(3),
            row: Some(2),
        };
        let origin = Origin {
            file: "a.jsonl".into(),
            line: Some(3),
            ..Origin::default()
        };
        let (doc, problems) = into_document("a-3", origin, &record);
        let doc = doc.expect("a document");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc.meta.title.as_deref(), Some("Eine Überschrift"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Tagesspiegel"));
        assert_eq!(
            doc.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2025-02-25")
        );
        assert_eq!(doc.meta.authors, ["Anna Muster"]);
        let main = doc.main_text();
        assert!(
            main.starts_with("Eine Überschrift\n\nErster Absatz"),
            "{main}"
        );
        assert!(!main.contains("Newsletter"), "{main}");
        assert!(
            !main.contains("Cookies"),
            "a long furniture block is no paragraph: {main}"
        );
        assert!(doc.text.contains("Newsletter abonnieren"));
    }

    #[test]
    fn a_record_without_text_is_skipped_with_its_line() {
        let record = Record {
            fields: Fields {
                title: Some("Nur ein Titel".into()),
                ..Fields::default()
            },
            line: Some(7),
            ..Record::default()
        };
        let origin = Origin {
            file: "b.jsonl".into(),
            ..Origin::default()
        };
        let (doc, problems) = into_document("b-7", origin, &record);
        assert!(doc.is_none());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(7));
        assert!(problems[0].message.contains("no article text"));
    }
}
