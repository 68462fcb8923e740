//! Entity filters and facet counts over the snapshot's mentions.

use quellenlage_engine::entities::Entity;
use quellenlage_engine::order;
use quellenlage_engine::Snapshot;
use std::sync::OnceLock;

/// The distinct entities each document names (by document index), derived once on first use
/// from the mentions, which are sorted by document.
pub fn doc_entities(snapshot: &'static Snapshot) -> &'static [Vec<u32>] {
    static DOC_ENTITIES: OnceLock<Vec<Vec<u32>>> = OnceLock::new();
    DOC_ENTITIES.get_or_init(|| {
        let mut out = vec![Vec::new(); snapshot.docs.len()];
        for m in &snapshot.mentions {
            if let Some(list) = out.get_mut(m.doc as usize) {
                list.push(m.entity);
            }
        }
        for list in &mut out {
            order::sort_dedup(list);
        }
        out
    })
}

/// Entity indices for ids; unknown ids are ignored.
pub fn resolve(snapshot: &Snapshot, ids: &[String]) -> Vec<u32> {
    ids.iter()
        .filter_map(|id| snapshot.entity_index(id).map(|i| i as u32))
        .collect()
}

/// Whether a document names every `include`d entity and no `exclude`d one.
pub fn passes(snapshot: &'static Snapshot, doc: usize, include: &[u32], exclude: &[u32]) -> bool {
    let Some(named) = doc_entities(snapshot).get(doc) else {
        return false;
    };
    include.iter().all(|e| named.binary_search(e).is_ok())
        && exclude.iter().all(|e| named.binary_search(e).is_err())
}

/// For the given documents: how many of them name each entity (entities named by none are
/// left out), most first, then by name.
pub fn facet_counts(snapshot: &'static Snapshot, docs: &[usize]) -> Vec<(u32, usize)> {
    let mut counts = vec![0usize; snapshot.entities.len()];
    let per_doc = doc_entities(snapshot);
    for &d in docs {
        for &e in per_doc.get(d).into_iter().flatten() {
            if let Some(c) = counts.get_mut(e as usize) {
                *c += 1;
            }
        }
    }
    let name = |e: u32| {
        snapshot
            .entities
            .get(e as usize)
            .map(|x: &Entity| x.name.as_str())
            .unwrap_or("")
    };
    let mut out: Vec<(u32, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, c)| *c > 0)
        .map(|(e, c)| (e as u32, c))
        .collect();
    order::sort_by(&mut out, |a, b| {
        b.1.cmp(&a.1).then_with(|| name(a.0).cmp(name(b.0)))
    });
    out
}

/// For the given documents: how many come from each outlet (`None`: outlet unknown), most
/// first, then by the name shown ([`crate::format::outlet`]).
pub fn outlet_counts(snapshot: &Snapshot, docs: &[usize]) -> Vec<(Option<String>, usize)> {
    let mut counts: Vec<(Option<String>, usize)> = Vec::new();
    for meta in docs
        .iter()
        .filter_map(|&d| Some(&snapshot.docs.get(d)?.meta))
    {
        match counts.iter_mut().find(|(o, _)| *o == meta.outlet) {
            Some(entry) => entry.1 += 1,
            None => counts.push((meta.outlet.clone(), 1)),
        }
    }
    let shown = |o: &Option<String>| {
        o.clone()
            .unwrap_or_else(|| crate::format::UNKNOWN_OUTLET.into())
    };
    order::sort_by(&mut counts, |a, b| {
        b.1.cmp(&a.1).then_with(|| shown(&a.0).cmp(&shown(&b.0)))
    });
    counts
}
