//! The snapshot's per-article entity lists and outlet column, derived once; counts and filters
//! themselves are the engine's ([`quellenlage_engine::facets`], [`quellenlage_engine::listing`]).

use quellenlage_engine::facets::{self, DocEntities, DocOutlets};
use quellenlage_engine::Snapshot;
use std::sync::OnceLock;

/// The distinct entities each document names, derived once on first use.
pub fn doc_entities(snapshot: &'static Snapshot) -> &'static DocEntities {
    static DOC_ENTITIES: OnceLock<DocEntities> = OnceLock::new();
    DOC_ENTITIES.get_or_init(|| DocEntities::new(snapshot))
}

/// For the given documents: how many of them name each entity, most first, then by name.
pub fn facet_counts(snapshot: &'static Snapshot, docs: &[usize]) -> Vec<(u32, usize)> {
    doc_entities(snapshot).entity_counts(docs)
}

/// For the given documents: how many come from each outlet (`None`: unknown), most first.
pub fn outlet_counts(snapshot: &'static Snapshot, docs: &[usize]) -> Vec<(Option<String>, usize)> {
    static DOC_OUTLETS: OnceLock<DocOutlets> = OnceLock::new();
    DOC_OUTLETS
        .get_or_init(|| DocOutlets::new(snapshot))
        .counts(docs)
}

/// Entity indices for ids; unknown ids are ignored.
pub fn resolve(snapshot: &Snapshot, ids: &[String]) -> Vec<u32> {
    facets::resolve(snapshot, ids)
}
