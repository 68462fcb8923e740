//! A corpus served with its texts apart (engine `texts`) answers every search exactly as the
//! whole snapshot does: the same hits with the same scores before any text arrives, and the
//! same snippets and highlights once the chunks are filled in. The queries come from the
//! corpora themselves (words, prefixes as typed, two-word phrases, a typo), not from a list.

use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::query::SearchOptions;
use quellenlage_engine::texts::{split, Layout, TextChunk};
use quellenlage_engine::Snapshot;
use std::path::Path;

fn corpus(dir: &str) -> Snapshot {
    let read = ingest_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir));
    assert!(!read.has_errors() && !read.docs.is_empty(), "{dir}");
    Snapshot::build(read.docs, read.entities)
}

/// Queries made from the corpus's own main text: every 23rd word, its first four letters (as
/// typed), the phrase it starts, and the word with two letters swapped (a typo).
fn queries(snapshot: &Snapshot) -> Vec<(String, bool)> {
    let words: Vec<String> = snapshot
        .docs
        .iter()
        .flat_map(|d| {
            d.main_text()
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate().step_by(23) {
        let chars: Vec<char> = word.chars().collect();
        out.push((word.clone(), false));
        out.push((chars[..4].iter().collect(), true));
        if let Some(next) = words.get(i + 1) {
            out.push((format!("\"{word} {next}\""), false));
        }
        let mut typo = chars.clone();
        typo.swap(1, 2);
        out.push((typo.into_iter().collect(), false));
    }
    out
}

#[test]
fn split_corpora_answer_like_the_whole() {
    for dir in [
        "../../corpus",
        "tests/fixtures/unseen",
        "tests/fixtures/web",
    ] {
        let whole = corpus(dir);
        let layout = Layout { per_chunk: 2 };
        let mut core = whole.clone();
        let chunks = split(&mut core, layout);
        let core = Snapshot::decode(&core.encode()).expect("the core decodes");
        let queries = queries(&whole);
        assert!(queries.len() >= 20, "{dir}: {} queries", queries.len());
        let search = |s: &Snapshot, q: &str, typing: bool| {
            let options = SearchOptions {
                typing,
                ..SearchOptions::default()
            };
            s.searcher().search(q, options)
        };
        let mut found = 0;
        for (q, typing) in &queries {
            let a = search(&whole, q, *typing);
            let b = search(&core, q, *typing);
            let hits = |r: &quellenlage_engine::query::SearchResults| -> Vec<(usize, u32)> {
                r.hits.iter().map(|h| (h.doc, h.score.to_bits())).collect()
            };
            assert_eq!(hits(&a), hits(&b), "{dir}: {q:?} before the texts arrive");
            assert_eq!(a.outlets, b.outlets, "{dir}: {q:?}");
            found += usize::from(!a.hits.is_empty());
        }
        assert!(
            found * 2 > queries.len(),
            "{dir}: most queries find something"
        );
        for (c, chunk) in chunks.into_iter().enumerate() {
            let chunk = TextChunk::decode(&chunk.encode()).expect("the chunk decodes");
            chunk.fill(&core, layout, c).expect("the chunk fits");
        }
        // Filled in, the split snapshot is the whole one: texts, mentions, figures.
        assert_eq!(core, whole, "{dir}");
        for (q, typing) in &queries {
            assert_eq!(
                search(&whole, q, *typing),
                search(&core, q, *typing),
                "{dir}: {q:?} once the texts are filled in"
            );
            // Ranking first and snippets after (as the app does) gives the same snippets.
            let a = search(&whole, q, *typing);
            let first: Vec<usize> = a.hits.iter().map(|h| h.doc).collect();
            let later = core.searcher().snippets(q, *typing, &first, 3);
            for hit in a.hits.iter().filter(|h| !h.snippets.is_empty()) {
                assert_eq!(later.get(&hit.doc), Some(&hit.snippets), "{dir}: {q:?}");
            }
            for doc in 0..whole.docs.len() {
                assert_eq!(
                    whole.searcher().highlights(q, doc),
                    core.searcher().highlights(q, doc),
                    "{dir}: {q:?} in document {doc}"
                );
            }
        }
    }
}
