//! What the fuzz targets check: the engine's answers to any input hold together.
//!
//! The same invariants as the property tests (`crates/engine/tests/properties.rs`), as plain
//! assertions: libFuzzer reports a failed assertion like any other panic, with the input.

use quellenlage_engine::compare::compare;
use quellenlage_engine::index::positions::doc_tokens;
use quellenlage_engine::ingest::ingest_article;
use quellenlage_engine::query::{SearchOptions, SearchResults};
use quellenlage_engine::{Document, Snapshot};

/// A short article ingested beside the fuzzed one, so the comparison has two documents.
const NEIGHBOUR: &str = " date 2025-06 Seoul taz | Nordkorea schickt 11.000 Soldaten nach Kursk.

Von: Bona Hyun

Laut Tass sollen rund 1.000 Minenentschärfer folgen, sagte Sergej Schoigu in Pjöngjang.
";

/// Reads `bytes` as a saved page, a JSON file, JSON Lines and a spreadsheet: every record
/// becomes a well-formed document or a located problem, nothing panics.
pub fn records(bytes: &[u8]) {
    use quellenlage_engine::ingest::{html, json, record, spreadsheet};
    let origin = quellenlage_engine::Origin::default();
    let mut all = Vec::new();
    if let Ok((r, _)) = html::read_html(bytes) {
        all.push(Ok(r));
    }
    let text = String::from_utf8_lossy(bytes);
    all.extend(json::read_json(&text));
    all.extend(json::read_json_lines(&text));
    all.extend(spreadsheet::read_table(&text, false));
    for r in all.into_iter().flatten() {
        let (doc, problems) = record::into_document("fuzz", origin.clone(), &r);
        match doc {
            Some(doc) => check_document(&doc),
            None => assert!(!problems.is_empty(), "no article and no problem"),
        }
    }
}

/// Ingests `bytes` as an article, then indexes it, finds its entities and figures, searches
/// its first words and compares it with a neighbour, checking every answer; and reads them in
/// every other format ([`records`]).
pub fn ingest(bytes: &[u8]) {
    records(bytes);
    let (doc, problems) = ingest_article("fuzz", "fuzz.txt", bytes);
    let Some(doc) = doc else {
        assert!(!problems.is_empty(), "no article and no problem");
        return;
    };
    check_document(&doc);
    let words: Vec<String> = doc_tokens(&doc)
        .into_iter()
        .flat_map(|b| b.tokens)
        .filter(|t| !t.whole && t.end - t.start < 200)
        .map(|t| doc.text[t.start..t.end].to_string())
        .take(4)
        .collect();
    let (neighbour, _) = ingest_article("a", "a.txt", NEIGHBOUR.as_bytes());
    let docs = neighbour.into_iter().chain([doc]).collect();
    let s = Snapshot::build(docs, Vec::new());
    let text = &s.docs[1].text;
    for m in s.mentions_of(1) {
        let (start, end) = (m.start as usize, m.end as usize);
        assert!(start < end && end <= text.len(), "{m:?}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    }
    for f in s.figures_of(1) {
        assert!(f.value.is_finite(), "{f:?}");
        assert!(f.sentence_start <= f.start && f.start <= f.end, "{f:?}");
        assert!(
            f.end <= f.sentence_end && f.sentence_end <= text.len(),
            "{f:?}"
        );
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    }
    for word in &words {
        let results = s.searcher().search(&format!("\"{word}\""), options(false));
        check_results(&s, &results);
        assert!(
            results.hits.iter().any(|h| h.doc == 1),
            "{word:?} is in the article's main text but not found"
        );
    }
    let _ = compare(&s, &[0, 1]);
    assert!(Snapshot::decode(&s.encode()).is_ok());
}

/// Runs `query` (live when `typing`) over `snapshot` and checks the results and the reading
/// view's highlights of the first hit and of a document that does not exist.
pub fn query(snapshot: &Snapshot, query: &str, typing: bool) {
    let results = snapshot.searcher().search(query, options(typing));
    check_results(snapshot, &results);
    let first = results.hits.first().map(|h| h.doc);
    for doc in first.into_iter().chain([snapshot.docs.len()]) {
        let text = snapshot.docs.get(doc).map_or("", |d| d.text.as_str());
        let mut last_end = 0;
        for (start, end, kind) in snapshot.searcher().highlights(query, doc) {
            assert!(
                last_end <= start && start < end && end <= text.len(),
                "highlight {start}..{end} {kind:?} of doc {doc}"
            );
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            last_end = end;
        }
    }
}

fn options(typing: bool) -> SearchOptions {
    SearchOptions {
        typing,
        snippet_hits: usize::MAX,
        snippets_per_hit: 3,
    }
}

/// Blocks are ordered, disjoint, trimmed single lines on character boundaries, and every letter
/// and digit of the text lies in one of them.
fn check_document(doc: &Document) {
    let text = &doc.text;
    assert!(!text.contains('\r'));
    let mut covered = vec![false; text.len()];
    let mut last_end = 0;
    for block in &doc.blocks {
        let (start, end) = (block.start as usize, block.end as usize);
        assert!(
            last_end <= start && start < end && end <= text.len(),
            "{block:?}"
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        let part = &text[start..end];
        assert!(!part.contains('\n'), "block {block:?} spans lines");
        assert_eq!(part.trim(), part, "block {block:?} is not trimmed");
        covered[start..end].iter_mut().for_each(|c| *c = true);
        last_end = end;
    }
    for (i, c) in text.char_indices() {
        assert!(
            covered[i] || !c.is_alphanumeric(),
            "{c:?} at {i} in no block"
        );
    }
}

/// Hits are unique, ranked, with finite scores; snippets are slices of their document and
/// their highlights ascending ranges inside them on character boundaries.
fn check_results(s: &Snapshot, results: &SearchResults) {
    let mut seen = vec![false; s.docs.len()];
    for hit in &results.hits {
        assert!(
            !std::mem::replace(&mut seen[hit.doc], true),
            "doc {} twice",
            hit.doc
        );
        assert!(
            hit.score.is_finite() && hit.score >= 0.0,
            "score {}",
            hit.score
        );
        let text = &s.docs[hit.doc].text;
        for sn in &hit.snippets {
            assert_eq!(text.get(sn.start..sn.end), Some(sn.text.as_str()), "{sn:?}");
            let mut last_end = 0;
            for hl in &sn.highlights {
                assert!(
                    last_end <= hl.start && hl.start < hl.end && hl.end <= sn.text.len(),
                    "{hl:?} in {sn:?}"
                );
                assert!(sn.text.is_char_boundary(hl.start) && sn.text.is_char_boundary(hl.end));
                last_end = hl.end;
            }
        }
    }
    for pair in results.hits.windows(2) {
        assert!(pair[0].score >= pair[1].score, "not ranked: {pair:?}");
    }
    let counted: usize = results.outlets.iter().map(|(_, n)| n).sum();
    assert_eq!(counted, results.hits.len());
}
