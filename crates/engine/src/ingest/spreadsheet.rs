//! `.csv` and `.tsv` exports (Excel, press databases): a header row names the columns in
//! English or German (`Titel;Datum;Medium;Autor;URL;Text`, mapped by [`fields`]), each further
//! row is one article. The delimiter is the one the header row uses most (`;` as German Excel
//! writes, `,`, tab); quoted cells may hold line breaks and doubled quotes. A row with too few
//! cells is reported with its line, the others are kept; an empty row is no article.

use super::fields::{self, Filler, Slot};
use super::record::{Record, RecordError};

/// The records of a spreadsheet text (already decoded); `tsv` forces tab as delimiter.
pub fn read_table(text: &str, tsv: bool) -> Vec<Result<Record, RecordError>> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = if tsv { b'\t' } else { delimiter(text) };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = reader.records();
    let header = match rows.next() {
        None => return Vec::new(),
        Some(Err(e)) => return vec![Err(csv_error(&e, 1))],
        Some(Ok(header)) => header,
    };
    let columns: Vec<String> = header.iter().map(|c| c.trim().to_string()).collect();
    let has_text = columns
        .iter()
        .any(|c| fields::slot(c).is_some_and(|(s, _)| s == Slot::Text));
    if !has_text {
        return vec![Err(RecordError::new(
            Some(1),
            format!(
                "the header row ({}) names no text column; name it one of {}",
                columns.join(&(delimiter as char).to_string()),
                fields::TEXT_NAMES
            ),
        ))];
    }
    let mut out = Vec::new();
    let mut row_number = 0;
    for row in rows {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(text, p.byte()));
                out.push(Err(csv_error(&e, line)));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| line_at(text, p.byte()));
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        row_number += 1;
        let extra_filled = row.iter().skip(columns.len()).any(|c| !c.trim().is_empty());
        if row.len() < columns.len() || extra_filled {
            out.push(Err(RecordError::new(
                Some(line),
                format!(
                    "row {row_number} has {} cells, the header row has {}: a cell holding a line \
                     break or a {:?} must be in double quotes",
                    row.len(),
                    columns.len(),
                    delimiter as char
                ),
            )));
            continue;
        }
        let mut record = Record {
            line: Some(line),
            row: Some(row_number),
            ..Record::default()
        };
        let mut filler = Filler::default();
        for (column, cell) in columns.iter().zip(row.iter()) {
            filler.set(&mut record, column, vec![cell.to_string()]);
        }
        out.push(Ok(record));
    }
    out
}

/// The delimiter the header row uses most, outside quotes: `;`, `,` or tab (`,` if none).
fn delimiter(text: &str) -> u8 {
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                for (d, n) in &mut counts {
                    if *d == b {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

/// 1-based line of the record starting at byte `at` (the reader may point at the line break
/// before it).
fn line_at(text: &str, at: u64) -> u32 {
    let bytes = text.as_bytes();
    let mut at = (at as usize).min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1
}

/// A CSV reader error as a record error.
fn csv_error(e: &csv::Error, line: u32) -> RecordError {
    RecordError::new((line > 0).then_some(line), format!("unreadable row ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_excel_rows_with_quoted_line_breaks() {
        let text = "Titel;Datum;Medium;Autor;Text\r\n\
                    Brücke gesperrt;04.03.2025;Kurier;\"Muster, Anna\";\"Erster Absatz.\r\nZweiter \"\"Absatz\"\".\"\r\n\
                    ;;;;\r\n\
                    Zweiter Artikel;05.03.2025;Kurier;;Nur ein Absatz; mit Semikolon\r\n\
                    Dritter Artikel;06.03.2025;Kurier;Ben Beispiel;Text.\r\n";
        let records = read_table(text, false);
        assert_eq!(records.len(), 3, "{records:?}");
        let first = records[0].as_ref().unwrap();
        assert_eq!(first.fields.title.as_deref(), Some("Brücke gesperrt"));
        assert_eq!(first.fields.date.as_deref(), Some("04.03.2025"));
        assert_eq!(first.text, "Erster Absatz.\n\nZweiter \"Absatz\".");
        assert_eq!((first.line, first.row), (Some(2), Some(1)));
        let bad = records[1].as_ref().unwrap_err();
        assert_eq!(bad.line, Some(5));
        assert!(
            bad.message.contains("6 cells, the header row has 5"),
            "{}",
            bad.message
        );
        let third = records[2].as_ref().unwrap();
        assert_eq!((third.line, third.row), (Some(6), Some(3)));
    }

    #[test]
    fn delimiter_from_the_header_row() {
        let cases = [
            ("title,text\n\"a;b\",c\n", b','),
            ("Titel;Text\na,b;c\n", b';'),
            ("title\ttext\na\tb\n", b'\t'),
            ("\"Titel; mit Semikolon\",Text\n", b','),
        ];
        for (text, expected) in cases {
            assert_eq!(delimiter(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_header_without_a_text_column_is_one_clear_error() {
        let records = read_table("Titel;Datum\nA;04.03.2025\n", false);
        assert_eq!(records.len(), 1);
        let e = records[0].as_ref().unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("no text column"), "{}", e.message);
    }
}
