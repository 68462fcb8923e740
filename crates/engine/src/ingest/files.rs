//! One file of a corpus folder into its articles, whatever its format: a `.txt` or `.html`
//! file is one article (its id is the file stem); a `.json`, `.jsonl`, `.csv` or `.tsv` file
//! holds any number (ids from their URLs, see [`identity`]). Every article records its origin;
//! every record that cannot become an article is reported with its line, and the rest is kept.

use super::record::{self, Record, RecordError};
use super::{html, identity, json, spreadsheet, text};
use crate::document::{is_valid_id, Document, Format, Origin};
use crate::problem::Problem;
use std::path::Path;

/// What one file gave: its articles and the problems found in it.
#[derive(Debug, Default)]
pub struct FileArticles {
    /// The articles, in file order.
    pub docs: Vec<Document>,
    /// Errors and warnings, naming the file (and line).
    pub problems: Vec<Problem>,
}

/// Reads the file at `path`, shown as `shown` in problems and recorded as `relative` (path inside
/// the corpus folder, `/`-separated) in each article's origin.
pub fn read_file(path: &Path, shown: &str, relative: &str, format: Format) -> FileArticles {
    let mut out = FileArticles::default();
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string);
    let Some(stem) = stem else {
        out.problems.push(Problem::error(
            shown,
            "file name is not valid UTF-8; rename the file",
        ));
        return out;
    };
    let single = matches!(format, Format::Text | Format::Html);
    if single && !is_valid_id(&stem) {
        out.problems.push(Problem::error(
            shown,
            format!("document id {stem:?} (the file name) may only use letters, digits, '_', '-' and '.'; rename the file"),
        ));
        return out;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            out.problems
                .push(Problem::error(shown, format!("cannot read file: {e}")));
            return out;
        }
    };
    let origin = |record: Option<&Record>, encoding: Option<&str>| Origin {
        file: relative.to_string(),
        line: record.and_then(|r| r.line),
        row: record.and_then(|r| r.row),
        format,
        encoding: encoding.map(str::to_string),
    };
    match format {
        Format::Text => {
            let (doc, problems) = super::ingest_article(&stem, shown, &bytes);
            out.problems.extend(problems);
            if let Some(mut doc) = doc {
                doc.origin = origin(None, None);
                out.docs.push(doc);
            }
        }
        Format::Html => match html::read_html(&bytes) {
            Err(e) => out.problems.push(e.into_problem(shown)),
            Ok((record, encoding)) => {
                let (doc, problems) = record::into_document(&stem, origin(None, encoding), &record);
                out.problems.extend(shown_problems(problems, shown));
                out.docs.extend(doc);
            }
        },
        Format::Json | Format::JsonLines | Format::Csv => {
            let (text, encoding) = match text::decode_declared(&bytes, None) {
                Ok(decoded) => decoded,
                Err(e) => {
                    out.problems.push(Problem::error(shown, e.message));
                    return out;
                }
            };
            let text = text::normalise(&text);
            let records = match format {
                Format::Json => json::read_json(&text),
                Format::JsonLines => json::read_json_lines(&text),
                _ => {
                    let tsv = path
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
                    spreadsheet::read_table(&text, tsv)
                }
            };
            if records.is_empty() {
                out.problems
                    .push(RecordError::new(None, "the file holds no articles").into_problem(shown));
            }
            for record in records {
                let record = match record {
                    Ok(record) => record,
                    Err(e) => {
                        out.problems.push(e.into_problem(shown));
                        continue;
                    }
                };
                let position = record.row.or(record.line).unwrap_or(1);
                let id = identity::record_id(record.fields.url.as_deref(), &stem, position);
                let (doc, problems) =
                    record::into_document(&id, origin(Some(&record), encoding), &record);
                out.problems.extend(shown_problems(problems, shown));
                out.docs.extend(doc);
            }
        }
    }
    out
}

/// Problems from [`record::into_document`] name the origin's location inside the corpus
/// folder; reports name the file as the user gave it (`corpus/export.csv:12`).
fn shown_problems(problems: Vec<Problem>, shown: &str) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|mut p| {
            p.path = shown.to_string();
            p
        })
        .collect()
}
