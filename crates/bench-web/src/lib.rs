//! Quellenlage's search engine, exported to JavaScript for the browser benchmark.
//!
//! The benchmark page (`bench/`) loads a snapshot once with [`load`] and then times [`search`]
//! per query. Nothing here is part of the app; it only gives the page the same engine calls
//! the app makes, without the UI around them.

use std::cell::RefCell;

use quellenlage_engine::query::SearchOptions;
use quellenlage_engine::Snapshot;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The snapshot loaded by [`load`]; `None` until then.
    static SNAPSHOT: RefCell<Option<Snapshot>> = const { RefCell::new(None) };
}

/// What the app does per search: snippets for the first ten hits, three per hit.
fn options(typing: bool) -> SearchOptions {
    SearchOptions {
        typing,
        snippet_hits: 10,
        snippets_per_hit: 3,
    }
}

/// Decodes a snapshot (replacing any earlier one) and returns its document count.
#[wasm_bindgen]
pub fn load(bytes: &[u8]) -> Result<u32, JsValue> {
    let snapshot = Snapshot::decode(bytes).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let count = snapshot.docs.len() as u32;
    SNAPSHOT.with(|slot| *slot.borrow_mut() = Some(snapshot));
    Ok(count)
}

/// Runs a submitted query (as after pressing Enter) and returns the number of hits; 0 before
/// [`load`].
#[wasm_bindgen]
pub fn search(query: &str) -> u32 {
    run(query, false)
}

/// Runs a query as live search does while the reader types: the last word also matches as a
/// prefix. Returns the number of hits.
#[wasm_bindgen]
pub fn search_typing(query: &str) -> u32 {
    run(query, true)
}

fn run(query: &str, typing: bool) -> u32 {
    SNAPSHOT.with(|slot| {
        slot.borrow().as_ref().map_or(0, |snapshot| {
            let results = snapshot.searcher().search(query, options(typing));
            results.hits.len() as u32
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_what_was_loaded() {
        assert_eq!(search("Pjöngjang"), 0);
        let doc = quellenlage_engine::Document {
            origin: Default::default(),
            id: "a".into(),
            meta: Default::default(),
            text: "Kim reist nach Pjöngjang.".into(),
            blocks: vec![quellenlage_engine::Block {
                start: 0,
                end: 25,
                kind: quellenlage_engine::BlockKind::Lead,
            }]
            .into(),
        };
        let bytes = Snapshot::build(vec![doc], Vec::new()).encode();
        assert_eq!(load(&bytes).unwrap(), 1);
        assert_eq!(search("Pjöngjang"), 1);
        assert_eq!(search_typing("Pjöng"), 1);
        assert_eq!(search("Seoul"), 0);
    }
}
