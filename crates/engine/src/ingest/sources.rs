//! `sources.toml`: the curator's metadata per document, which overrides what the text says.
//!
//! ```toml
//! [000_1a0130057ecdf70e]
//! outlet = "taz"
//! date = "2025-06"
//! title = "…"
//! url = "https://…"          # optional
//! note = "…"                 # optional
//! inferred = ["title"]       # fields the curator inferred rather than read
//! ```

use crate::document::{Metadata, PartialDate};
use crate::problem::Problem;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One document's entry in `sources.toml`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// Author(s) as one line (`A und B`, `A, B`).
    pub author: Option<String>,
    /// Authors as a list.
    #[serde(default)]
    pub authors: Vec<String>,
    /// The kicker above the headline.
    pub kicker: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Curator's note.
    pub note: Option<String>,
    /// Which of the fields above are inferred.
    #[serde(default)]
    pub inferred: Vec<String>,
}

/// All entries, keyed by document id.
pub type Sources = BTreeMap<String, Source>;

/// Converts a byte offset into a 1-based (line, column in characters).
pub(crate) fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line as u32, column as u32)
}

/// Parses `sources.toml` text; `path` is only used in problem reports.
pub fn parse_sources(path: &str, text: &str) -> Result<Sources, Problem> {
    toml::from_str::<Sources>(text).map_err(|e| {
        let message = format!("sources file is not valid: {}", e.message());
        match e.span() {
            Some(span) => {
                let (line, column) = line_col(text, span.start);
                Problem::error(path, message).at(line, Some(column))
            }
            None => Problem::error(path, message),
        }
    })
}

impl Source {
    /// Overrides `meta` with every field this entry sets. A date that does not parse is reported
    /// as a problem and leaves the text's date in place.
    pub fn apply(&self, meta: &mut Metadata, path: &str) -> Option<Problem> {
        let mut problem = None;
        let set = |slot: &mut Option<String>, value: &Option<String>| {
            if let Some(v) = value.as_ref().filter(|v| !v.trim().is_empty()) {
                *slot = Some(v.trim().to_string());
            }
        };
        set(&mut meta.outlet, &self.outlet);
        set(&mut meta.title, &self.title);
        set(&mut meta.place, &self.place);
        set(&mut meta.kicker, &self.kicker);
        if let Some(line) = self.author.as_ref().filter(|a| !a.trim().is_empty()) {
            meta.authors = split_authors(line);
        }
        if !self.authors.is_empty() {
            meta.authors = self.authors.iter().map(|a| a.trim().to_string()).collect();
        }
        set(&mut meta.url, &self.url);
        set(&mut meta.note, &self.note);
        if let Some(date) = &self.date {
            match PartialDate::parse(date) {
                Some(d) => meta.date = Some(d),
                None => {
                    problem = Some(Problem::error(
                        path,
                        format!("date {date:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                    ))
                }
            }
        }
        meta.inferred = self.inferred.clone();
        problem
    }
}

/// Splits an author line as a curator writes it (`A und B`, `A, B; C`) into names.
pub fn split_authors(line: &str) -> Vec<String> {
    line.split([',', ';', '&'])
        .flat_map(|p| p.split(" und "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lines_split_into_names() {
        assert_eq!(
            split_authors("Anna Muster und Ben Beispiel, Carla Kunz"),
            ["Anna Muster", "Ben Beispiel", "Carla Kunz"]
        );
        assert_eq!(split_authors("  "), Vec::<String>::new());
    }

    #[test]
    fn reports_syntax_errors_with_line_and_column() {
        let text = "[a]\noutlet = \"taz\"\ndate = 2025-06\"\n";
        let problem = parse_sources("corpus/sources.toml", text).unwrap_err();
        assert_eq!(problem.line, Some(3), "{problem}");
        assert!(problem.column.is_some());
        assert!(problem.to_string().starts_with("corpus/sources.toml:3:"));
    }

    #[test]
    fn rejects_misspelt_fields() {
        let problem = parse_sources("s.toml", "[a]\noutlett = \"taz\"\n").unwrap_err();
        assert!(problem.message.contains("outlett"), "{}", problem.message);
        assert_eq!(problem.line, Some(2));
    }

    #[test]
    fn overrides_metadata_and_reports_bad_dates() {
        let sources = parse_sources(
            "s.toml",
            "[a]\noutlet = \"taz\"\ndate = \"2025-06\"\ninferred = [\"title\"]\ntitle = \"T\"\n[b]\ndate = \"Juni\"\n",
        )
        .unwrap();
        let mut meta = Metadata {
            outlet: Some("aus dem Text".into()),
            ..Metadata::default()
        };
        assert!(sources["a"].apply(&mut meta, "s.toml").is_none());
        assert_eq!(meta.outlet.as_deref(), Some("taz"));
        assert_eq!(meta.date.map(|d| d.to_string()).as_deref(), Some("2025-06"));
        assert_eq!(meta.inferred, vec!["title".to_string()]);
        let mut meta_b = Metadata::default();
        assert!(sources["b"].apply(&mut meta_b, "s.toml").is_some());
        assert_eq!(meta_b.date, None);
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncö d", 6), (2, 3));
        assert_eq!(line_col("", 10), (1, 1));
    }
}
