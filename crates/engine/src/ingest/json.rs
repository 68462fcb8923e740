//! `.json` and `.jsonl` article files, as trafilatura, news-please and other crawlers write
//! them: one article per object, a file of one object or an array of them (also under a key:
//! `{"articles": [...]}`), or one object per line. Keys are mapped by [`fields`]; unknown keys
//! are ignored. A line or element that is not an article is reported with its line; the others
//! are kept.

use super::fields::{self, Filler};
use super::record::{Record, RecordError};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// The records of a `.json` file (one object, an array of objects, or an object holding such an
/// array); each remembers the line it starts on and, in an array, its position.
pub fn read_json(text: &str) -> Vec<Result<Record, RecordError>> {
    let trimmed = text.trim_start_matches('\u{feff}');
    let top: Value = match serde_json::from_str(trimmed) {
        Ok(value) => value,
        Err(e) => return vec![Err(syntax_error(&e, 0))],
    };
    match top {
        Value::Object(map) if !has_text_key(&map) => match article_array_key(&map) {
            Some(key) => read_array_under(trimmed, &key),
            None => vec![record(&map, Some(1), None)],
        },
        Value::Object(map) => vec![record(&map, Some(1), None)],
        Value::Array(_) => read_array(trimmed, 0),
        _ => vec![Err(RecordError::new(
            Some(1),
            "the file holds neither an article object nor an array of them",
        ))],
    }
}

/// The records of a `.jsonl` file, one object per non-empty line.
pub fn read_json_lines(text: &str) -> Vec<Result<Record, RecordError>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i as u32 + 1;
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        out.push(match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => record(&map, Some(number), None),
            Ok(_) => Err(RecordError::new(
                Some(number),
                "the line is no JSON object; each line must hold one article object",
            )),
            Err(e) => Err(RecordError::new(
                Some(number),
                format!("the line is not valid JSON ({e})"),
            )),
        });
    }
    out
}

/// A parse error at `line_offset` lines into the file.
fn syntax_error(e: &serde_json::Error, line_offset: u32) -> RecordError {
    RecordError::new(
        Some(e.line() as u32 + line_offset),
        format!("the file is not valid JSON ({e})"),
    )
}

/// Whether an object has a key that holds an article text.
fn has_text_key(map: &Map<String, Value>) -> bool {
    map.keys()
        .any(|k| fields::slot(k).is_some_and(|(s, _)| s == fields::Slot::Text))
}

/// The key of the one array of objects inside a wrapper object (`articles`, `items`, `data`).
fn article_array_key(map: &Map<String, Value>) -> Option<String> {
    let mut arrays = map.iter().filter(|(_, v)| {
        v.as_array()
            .is_some_and(|a| a.first().is_some_and(Value::is_object))
    });
    let (key, _) = arrays.next()?;
    arrays.next().is_none().then(|| key.clone())
}

/// The array under `key` of the top-level object in `text`, element by element.
fn read_array_under(text: &str, key: &str) -> Vec<Result<Record, RecordError>> {
    let wrapper: std::collections::HashMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(map) => map,
        Err(e) => return vec![Err(syntax_error(&e, 0))],
    };
    let Some(raw) = wrapper.get(key) else {
        return Vec::new();
    };
    read_array(text, offset_in(text, raw.get()))
}

/// The elements of the array starting at byte `start` of `text`, each with its start line.
fn read_array(text: &str, start: usize) -> Vec<Result<Record, RecordError>> {
    let slice = &text[start..];
    let elements: Vec<&RawValue> = match serde_json::Deserializer::from_str(slice)
        .into_iter::<Vec<&RawValue>>()
        .next()
    {
        Some(Ok(elements)) => elements,
        Some(Err(e)) => return vec![Err(syntax_error(&e, line_of(text, start) - 1))],
        None => Vec::new(),
    };
    elements
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let line = line_of(text, offset_in(text, raw.get()));
            match serde_json::from_str::<Value>(raw.get()) {
                Ok(Value::Object(map)) => record(&map, Some(line), Some(i as u32 + 1)),
                _ => Err(RecordError::new(
                    Some(line),
                    format!("element {} of the array is no article object", i + 1),
                )),
            }
        })
        .collect()
}

/// Byte offset of `part` (a slice of `text`) in `text`.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> u32 {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// One article object as a record.
fn record(
    map: &Map<String, Value>,
    line: Option<u32>,
    row: Option<u32>,
) -> Result<Record, RecordError> {
    let mut record = Record {
        line,
        row,
        ..Record::default()
    };
    let mut filler = Filler::default();
    for (key, value) in map {
        filler.set(&mut record, key, strings(value));
    }
    Ok(record)
}

/// The text values of a JSON value: a string, a number, the names in an array of strings or
/// of objects with a `name` (JSON-LD authors, news-please `authors`).
fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Number(n) => vec![n.to_string()],
        Value::Array(items) => items.iter().flat_map(strings).collect(),
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        Value::Null | Value::Bool(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trafilatura_and_news_please_records_read_alike() {
        let trafilatura = r#"{"title": "Brücke gesperrt", "author": "Anna Muster; Ben Beispiel", "hostname": "kurier.example", "sitename": "Kurier", "date": "2025-03-04", "text": "Erster Absatz.\nZweiter Absatz.", "url": "https://kurier.example/a", "language": "de", "filedate": "2025-03-05"}"#;
        let news_please = r#"{"title": "Brücke gesperrt", "authors": ["Anna Muster", "Ben Beispiel"], "source_domain": "Kurier", "date_publish": "2025-03-04 08:00:00", "maintext": "Erster Absatz.\nZweiter Absatz.", "url": "https://kurier.example/a", "language": "de", "image_url": null}"#;
        let read = |line: &str| read_json_lines(line).remove(0).expect("a record");
        let (a, b) = (read(trafilatura), read(news_please));
        assert_eq!(a.text, "Erster Absatz.\n\nZweiter Absatz.");
        assert_eq!(a.text, b.text);
        assert_eq!(a.fields.title, b.fields.title);
        assert_eq!(a.fields.authors, ["Anna Muster; Ben Beispiel"]);
        assert_eq!(b.fields.authors, ["Anna Muster", "Ben Beispiel"]);
        assert_eq!(a.fields.outlet.as_deref(), Some("Kurier"));
        assert_eq!(b.fields.outlet.as_deref(), Some("Kurier"));
        assert_eq!(a.fields.url, b.fields.url);
    }

    #[test]
    fn a_bad_line_is_named_and_the_others_kept() {
        let text = "{\"title\": \"A\", \"text\": \"Eins.\"}\n\n{\"title\": \"B\", \"text\": \n[1, 2]\n{\"text\": \"Drei.\"}\n";
        let records = read_json_lines(text);
        assert_eq!(records.len(), 4);
        assert_eq!(records[0].as_ref().unwrap().line, Some(1));
        assert_eq!(records[1].as_ref().unwrap_err().line, Some(3));
        assert!(records[1]
            .as_ref()
            .unwrap_err()
            .message
            .contains("not valid JSON"));
        assert_eq!(records[2].as_ref().unwrap_err().line, Some(4));
        assert_eq!(records[3].as_ref().unwrap().line, Some(5));
    }

    #[test]
    fn arrays_give_each_element_its_line_and_row() {
        let text = "[\n  {\"title\": \"A\",\n   \"text\": \"Eins.\"},\n  {\"title\": \"B\", \"text\": \"Zwei.\"},\n  \"kein Artikel\"\n]\n";
        let records = read_json(text);
        assert_eq!(records.len(), 3);
        let first = records[0].as_ref().unwrap();
        assert_eq!((first.line, first.row), (Some(2), Some(1)));
        let second = records[1].as_ref().unwrap();
        assert_eq!((second.line, second.row), (Some(4), Some(2)));
        assert_eq!(records[2].as_ref().unwrap_err().line, Some(5));

        let wrapped =
            "{\"count\": 2,\n \"articles\": [\n  {\"text\": \"Eins.\"},\n  {\"text\": \"Zwei.\"}]}";
        let records = read_json(wrapped);
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].as_ref().unwrap().line, Some(4));
        assert_eq!(records[1].as_ref().unwrap().text, "Zwei.");

        let single = "{\"headline\": \"A\", \"body\": \"Eins.\"}";
        assert_eq!(read_json(single)[0].as_ref().unwrap().row, None);

        let broken = "[\n {\"text\": \"Eins.\"},\n {\"text\": }\n]";
        let records = read_json(broken);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].as_ref().unwrap_err().line, Some(3));
    }
}
