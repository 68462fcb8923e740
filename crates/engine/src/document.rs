//! The document model: an article's text, its metadata, and the blocks that say which parts of
//! the text are the article and which are page furniture (boilerplate).

use crate::late::Late;
use serde::{Serialize, Serializer};
use std::fmt;

/// One article of the corpus, as ingested at build time. Its text and blocks are [`Late`]:
/// when a large corpus is served in parts they arrive after the rest (the `texts` module).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Stable id: the file stem (`000_1a0130057ecdf70e`). Used in URLs (`?doc=`).
    pub id: String,
    /// Outlet, date, title, author… merged from the file header and `sources.toml`.
    pub meta: Metadata,
    /// The whole article text, NFC-normalised, with `\n` line ends and no BOM.
    pub text: Late<String>,
    /// Consecutive, non-overlapping byte ranges of `text`, in order, each classified.
    /// Blank lines between blocks belong to no block.
    pub blocks: Late<Vec<Block>>,
    /// Where the article came from: file, line or row, format.
    pub origin: Origin,
}

/// Where an article came from in the corpus folder (its provenance).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Origin {
    /// The file, relative to the corpus folder, with `/` separators.
    pub file: String,
    /// 1-based line where the article starts, for a file that holds several articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based data row of a spreadsheet (header not counted) or object of a JSON array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The file's format.
    pub format: Format,
    /// The character encoding, where it was not UTF-8 (`windows-1252`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

impl Origin {
    /// Where in the corpus folder, for the reader: `export.csv, Datensatz 12 (Zeile 14)`,
    /// `crawl.jsonl, Zeile 3`, `seite.html`.
    pub fn location(&self) -> String {
        match (self.row, self.line) {
            (Some(row), Some(line)) => format!("{}, Datensatz {row} (Zeile {line})", self.file),
            (Some(row), None) => format!("{}, Datensatz {row}", self.file),
            (None, Some(line)) => format!("{}, Zeile {line}", self.file),
            (None, None) => self.file.clone(),
        }
    }

    /// The location, format and (where not UTF-8) encoding, for the reading view:
    /// `export.csv, Datensatz 12 (Zeile 14) · CSV, windows-1252`.
    pub fn describe(&self) -> String {
        let mut out = format!("{} · {}", self.location(), self.format.label());
        if let Some(encoding) = &self.encoding {
            out.push_str(", ");
            out.push_str(encoding);
        }
        out
    }
}

/// The file formats a corpus folder may hold.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, bitcode::Encode, bitcode::Decode,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A plain-text article (`.txt`).
    #[default]
    Text,
    /// A saved web page (`.html`, `.htm`).
    Html,
    /// A JSON object or array of objects (`.json`).
    Json,
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    JsonLines,
    /// A spreadsheet export (`.csv`, `.tsv`).
    Csv,
}

impl Format {
    /// The format a file name's extension stands for, if it is one the corpus may hold.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "csv" | "tsv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// A short name for the reader (`HTML`, `JSON Lines`).
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "Text",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::JsonLines => "JSON Lines",
            Format::Csv => "CSV",
        }
    }
}

impl Document {
    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        self.text
            .get(block.start as usize..block.end as usize)
            .unwrap_or_default()
    }

    /// Blocks that are the article itself (title, lead, headings, paragraphs, captions):
    /// the only text search, entities and figures may count.
    pub fn main_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_main())
    }

    /// The main text joined with blank lines, for measuring and previews.
    pub fn main_text(&self) -> String {
        let parts: Vec<&str> = self.main_blocks().map(|b| self.block_text(b)).collect();
        parts.join("\n\n")
    }

    /// Bytes of main text and of boilerplate (headers and bylines count as neither).
    pub fn sizes(&self) -> (usize, usize) {
        let mut main = 0;
        let mut boilerplate = 0;
        for block in self.blocks.iter() {
            let len = block.len();
            match block.kind {
                k if k.is_main() => main += len,
                BlockKind::Boilerplate(_) => boilerplate += len,
                _ => {}
            }
        }
        (main, boilerplate)
    }

    /// The first main-text words (title excluded), cut at a word boundary: the list preview.
    pub fn preview(&self, max_chars: usize) -> String {
        let text = self
            .main_blocks()
            .find(|b| matches!(b.kind, BlockKind::Lead | BlockKind::Paragraph))
            .map(|b| self.block_text(b))
            .unwrap_or_default();
        cut_at_word(text, max_chars)
    }
}

/// Whether a string can serve as a document id. Ids are file stems and appear in URLs and TOML
/// keys, so they are limited to ASCII letters, digits, `_`, `-` and `.` (at most 200 bytes).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Cuts `text` to at most `max_chars` characters at a word boundary, adding `…` if it cut.
pub fn cut_at_word(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let end = text
        .char_indices()
        .nth(max_chars)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let head = &text[..end];
    let cut = head.rfind(char::is_whitespace).unwrap_or(end);
    format!(
        "{}…",
        head[..cut].trim_end_matches([',', ';', ':', ' ', '–'])
    )
}

/// What is known about an article beyond its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Metadata {
    /// Headline, from the text or `sources.toml`.
    pub title: Option<String>,
    /// Publishing outlet (`taz`, `t-online`, …).
    pub outlet: Option<String>,
    /// Publication date as precise as known.
    pub date: Option<PartialDate>,
    /// Dateline place (`Seoul`).
    pub place: Option<String>,
    /// The authors, one name each, in the order printed.
    pub authors: Vec<String>,
    /// The kicker: the short line above the headline (`Nahost`, `Autoindustrie`).
    pub kicker: Option<String>,
    /// Where the article was published, if the curator knows it.
    pub url: Option<String>,
    /// Curator's note (e.g. "re-translation").
    pub note: Option<String>,
    /// Names of fields whose value the curator inferred rather than read from the article.
    pub inferred: Vec<String>,
}

impl Metadata {
    /// The article's web address where it is one a reader may follow (`http`/`https`; a
    /// `javascript:` or other address from a corpus is never a link).
    pub fn web_url(&self) -> Option<&str> {
        let url = self.url.as_deref()?.trim();
        let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
        (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url)
    }

    /// The authors as one line for the reader: `A`, `A und B`, `A, B und C`.
    pub fn author_line(&self) -> Option<String> {
        match self.authors.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [rest @ .., last] => Some(format!("{} und {last}", rest.join(", "))),
        }
    }
}

/// A calendar date known to the year, month or day: `2025`, `2025-06`, `2025-06-17`.
/// Ordering is chronological, a less precise date sorting before more precise ones in its period.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, bitcode::Encode, bitcode::Decode,
)]
pub struct PartialDate {
    /// Four-digit year.
    pub year: u16,
    /// 1–12, or 0 when unknown.
    pub month: u8,
    /// 1–31, or 0 when unknown.
    pub day: u8,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or impossible values.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.trim().split('-');
        let year = parts.next().filter(|p| p.len() == 4)?.parse::<u16>().ok()?;
        let month = match parts.next() {
            Some(p) if p.len() == 2 => p.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?,
            Some(_) => return None,
            None => 0,
        };
        let day = match parts.next() {
            Some(p) if p.len() == 2 && month != 0 => {
                p.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?
            }
            Some(_) => return None,
            None => 0,
        };
        if parts.next().is_some() || !(1000..=9999).contains(&year) {
            return None;
        }
        Some(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
            if self.day != 0 {
                write!(f, "-{:02}", self.day)?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A classified byte range of a document's text (one line, or part of one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Block {
    /// Byte offset of the first character.
    pub start: u32,
    /// Byte offset one past the last character.
    pub end: u32,
    /// What this part of the page is.
    pub kind: BlockKind,
}

impl Block {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// True when the block covers no text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a block of a page is. Only main-text kinds ([`BlockKind::is_main`]) are searched and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, bitcode::Encode, bitcode::Decode)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The headline.
    Title,
    /// The kicker above the headline (`Nahost`, `Bundestagswahl 2025`): metadata, not counted.
    Kicker,
    /// The first paragraph (teaser/lead), weighted above the body by search.
    Lead,
    /// A subheading inside the article.
    Heading,
    /// A body paragraph.
    Paragraph,
    /// A photo caption written by the newsroom (its credit is a separate boilerplate block).
    Caption,
    /// The scraper's header (` date 2025-06 Seoul taz |`): metadata, not text.
    Header,
    /// An author line (`Von: Bona Hyun`, `Patrick Diekmann / t-online`): metadata, not text.
    Byline,
    /// A date line (`Stand: 25.01.2025, 17:12 Uhr`): metadata, not text.
    Date,
    /// Page furniture kept for the reader but never counted.
    Boilerplate(Boilerplate),
}

impl BlockKind {
    /// Whether this block is part of the article's own text.
    pub fn is_main(self) -> bool {
        matches!(
            self,
            BlockKind::Title
                | BlockKind::Lead
                | BlockKind::Heading
                | BlockKind::Paragraph
                | BlockKind::Caption
        )
    }

    /// A short German label for the reader.
    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Title => "Titel",
            BlockKind::Kicker => "Dachzeile",
            BlockKind::Lead => "Vorspann",
            BlockKind::Heading => "Zwischenüberschrift",
            BlockKind::Paragraph => "Absatz",
            BlockKind::Caption => "Bildunterschrift",
            BlockKind::Header => "Kopfzeile",
            BlockKind::Byline => "Autorenzeile",
            BlockKind::Date => "Datumszeile",
            BlockKind::Boilerplate(b) => b.label(),
        }
    }
}

/// Why a block is boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, bitcode::Encode, bitcode::Decode)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// A list of links to other articles (`- Headline: …` lines).
    RelatedLinks,
    /// A reading-recommendation label (`Auch interessant`, `Lesen Sie auch`, `Mehr von „…“`).
    Teaser,
    /// Previous/next-article navigation (`PREV …`, `NEXT …`).
    Navigation,
    /// Interface labels (`Alle Artikel anzeigen`, `Ein Artikel von`).
    Chrome,
    /// Newsletter, live-ticker and "find it here" prompts.
    Prompt,
    /// Photo credit (`© APA/AFP/…`, `Bild: t-online`).
    PhotoCredit,
    /// Translation credit (`Aus dem Deutschen übersetzt von …`).
    TranslationCredit,
    /// A line of dashes or a lone bullet.
    Separator,
    /// A repeated line, such as the headline printed twice.
    Duplicate,
    /// Anything after the page's closing rule (`---`) or its last link list.
    Footer,
    /// A copyright line (`© Süddeutsche Zeitung GmbH`, `Copyright © … Alle Rechte vorbehalten`).
    Copyright,
    /// A note on sources or broadcast (`Quelle: dpa, AFP`, `Mit Material von dpa`, `Sendung: …`,
    /// `red, ORF.at/Agenturen`).
    SourceNote,
}

impl Boilerplate {
    /// A short German label for the reader.
    pub fn label(self) -> &'static str {
        match self {
            Boilerplate::RelatedLinks => "Linkliste",
            Boilerplate::Teaser => "Leseempfehlung",
            Boilerplate::Navigation => "Navigation",
            Boilerplate::Chrome => "Seitenelement",
            Boilerplate::Prompt => "Hinweis",
            Boilerplate::PhotoCredit => "Bildnachweis",
            Boilerplate::TranslationCredit => "Übersetzungsvermerk",
            Boilerplate::Separator => "Trennlinie",
            Boilerplate::Duplicate => "Wiederholung",
            Boilerplate::Footer => "Seitenfuß",
            Boilerplate::Copyright => "Copyright-Vermerk",
            Boilerplate::SourceNote => "Quellenvermerk",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_name_file_row_line_format_and_encoding() {
        let origin = |line, row, format, encoding: Option<&str>| Origin {
            file: "export/presse.csv".into(),
            line,
            row,
            format,
            encoding: encoding.map(str::to_string),
        };
        let cases = [
            (
                origin(None, None, Format::Text, None),
                "export/presse.csv · Text",
            ),
            (
                origin(Some(14), Some(12), Format::Csv, Some("windows-1252")),
                "export/presse.csv, Datensatz 12 (Zeile 14) · CSV, windows-1252",
            ),
            (
                origin(Some(3), None, Format::JsonLines, None),
                "export/presse.csv, Zeile 3 · JSON Lines",
            ),
            (
                origin(None, Some(2), Format::Json, None),
                "export/presse.csv, Datensatz 2 · JSON",
            ),
        ];
        for (origin, expected) in cases {
            assert_eq!(origin.describe(), expected);
        }
    }

    #[test]
    fn only_web_addresses_are_links() {
        let cases = [
            ("https://www.example.de/a", Some("https://www.example.de/a")),
            (" HTTP://example.de/a ", Some("HTTP://example.de/a")),
            ("javascript:alert(1)", None),
            ("data:text/html,<b>x</b>", None),
            ("www.example.de/a", None),
            ("", None),
        ];
        for (url, expected) in cases {
            let meta = Metadata {
                url: Some(url.into()),
                ..Metadata::default()
            };
            assert_eq!(meta.web_url(), expected, "{url}");
        }
    }

    #[test]
    fn partial_dates_parse_and_print_round_trip() {
        for (input, expected) in [
            ("2025", Some("2025")),
            ("2025-06", Some("2025-06")),
            ("2023-07-26", Some("2023-07-26")),
            (" 2024-10 ", Some("2024-10")),
            ("2025-13", None),
            ("2025-00", None),
            ("2025-06-32", None),
            ("25-06", None),
            ("2025-6", None),
            ("2025-06-01-01", None),
            ("", None),
            ("9999-99", None),
        ] {
            let got = PartialDate::parse(input).map(|d| d.to_string());
            assert_eq!(got.as_deref(), expected, "input {input:?}");
        }
    }

    #[test]
    fn partial_dates_order_chronologically() {
        let a = PartialDate::parse("2023-07").unwrap();
        let b = PartialDate::parse("2025-06").unwrap();
        let c = PartialDate::parse("2025-07").unwrap();
        assert!(a < b && b < c);
    }

    #[test]
    fn cut_at_word_never_splits_words() {
        assert_eq!(cut_at_word("kurz", 10), "kurz");
        assert_eq!(
            cut_at_word("Wieder einmal war Sergej Schoigu", 20),
            "Wieder einmal war…"
        );
        assert_eq!(cut_at_word("Pjöngjang Pjöngjang", 12), "Pjöngjang…");
    }
}
