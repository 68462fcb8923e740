//! Facets: which entities and outlets the listed articles name, and how many articles each.
//!
//! The app's sidebar, overview and co-occurrence panel read these counts for whatever the
//! current query and filters list; [`DocEntities`] is derived once per snapshot.

use crate::order;
use crate::snapshot::Snapshot;

/// The distinct entities each document names (sorted entity indices, by document index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocEntities {
    per_doc: Vec<Vec<u32>>,
}

impl DocEntities {
    /// Derives the lists from the snapshot's mentions.
    pub fn new(snapshot: &Snapshot) -> DocEntities {
        let mut per_doc = vec![Vec::new(); snapshot.docs.len()];
        for m in &snapshot.mentions {
            if let Some(list) = per_doc.get_mut(m.doc as usize) {
                list.push(m.entity);
            }
        }
        for list in &mut per_doc {
            order::sort_dedup(list);
        }
        DocEntities { per_doc }
    }

    /// The entities document `doc` names (empty for an unknown document).
    pub fn of(&self, doc: usize) -> &[u32] {
        self.per_doc.get(doc).map_or(&[], Vec::as_slice)
    }

    /// Whether document `doc` names every `include`d entity and no `exclude`d one (an unknown
    /// document passes nothing).
    pub fn passes(&self, doc: usize, include: &[u32], exclude: &[u32]) -> bool {
        let Some(named) = self.per_doc.get(doc) else {
            return false;
        };
        include.iter().all(|e| named.binary_search(e).is_ok())
            && exclude.iter().all(|e| named.binary_search(e).is_err())
    }

    /// For `docs`: how many of them name each entity (entities named by none left out), most
    /// first, then by name.
    pub fn entity_counts(&self, snapshot: &Snapshot, docs: &[usize]) -> Vec<(u32, usize)> {
        let mut counts = vec![0usize; snapshot.entities.len()];
        for &d in docs {
            for &e in self.of(d) {
                if let Some(c) = counts.get_mut(e as usize) {
                    *c += 1;
                }
            }
        }
        let name = |e: u32| {
            snapshot
                .entities
                .get(e as usize)
                .map_or("", |x| x.name.as_str())
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
}

/// Entity indices for entity ids; unknown ids are ignored.
pub fn resolve(snapshot: &Snapshot, ids: &[String]) -> Vec<u32> {
    ids.iter()
        .filter_map(|id| snapshot.entity_index(id).map(|i| i as u32))
        .collect()
}

/// For `docs`: how many come from each outlet (`None`: outlet unknown), most first, then by
/// name with the unknown outlet last among equals.
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
    order::sort_by(&mut counts, |a, b| {
        b.1.cmp(&a.1).then_with(|| match (&a.0, &b.0) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        })
    });
    counts
}

#[cfg(all(test, feature = "ingest"))]
pub(crate) mod tests {
    use super::*;
    use crate::entities::{Entity, EntityKind, EntitySource};
    use crate::ingest::ingest_article;

    /// Four short articles from three outlets (one unknown) naming three entities.
    pub(crate) fn corpus() -> Snapshot {
        let articles = [
            ("a", " date 2025-01-10 Kiel Kieler Nachrichten | Anna Muster besucht Kiel.\n\nAnna Muster spricht in Kiel mit der Werft."),
            ("b", " date 2025-02-11 Kiel Kieler Nachrichten | Die Werft in Kiel baut Schiffe.\n\nDie Werft meldet Aufträge."),
            ("c", " date 2025-03-12 Lübeck Lübecker Nachrichten | Anna Muster reist nach Lübeck.\n\nIn Lübeck trifft Anna Muster Schüler."),
            ("d", "Ein Text ohne Kopfzeile über Lübeck.\n\nLübeck ist eine Stadt an der Trave."),
        ];
        let docs = articles
            .iter()
            .filter_map(|(id, text)| ingest_article(id, id, text.as_bytes()).0)
            .collect();
        let entity = |id: &str, name: &str, kind| Entity {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            description: None,
            source: EntitySource::Base,
        };
        Snapshot::build(
            docs,
            vec![
                entity("muster", "Anna Muster", EntityKind::Person),
                entity("kiel", "Kiel", EntityKind::Place),
                entity("luebeck", "Lübeck", EntityKind::Place),
            ],
        )
    }

    #[test]
    fn counts_and_filters_follow_the_documents_given() {
        let s = corpus();
        let per_doc = DocEntities::new(&s);
        let id = |i: usize| s.docs[i].id.as_str();
        let names = |counts: Vec<(u32, usize)>| -> Vec<(String, usize)> {
            counts
                .into_iter()
                .map(|(e, c)| (s.entities[e as usize].name.clone(), c))
                .collect()
        };
        let all: Vec<usize> = (0..s.docs.len()).collect();
        assert_eq!(
            names(per_doc.entity_counts(&s, &all)),
            [
                ("Anna Muster".to_string(), 2),
                ("Kiel".into(), 2),
                ("Lübeck".into(), 2)
            ]
        );
        let first_two: Vec<usize> = all.iter().copied().filter(|&d| id(d) < "c").collect();
        assert_eq!(
            names(per_doc.entity_counts(&s, &first_two)),
            [("Kiel".to_string(), 2), ("Anna Muster".into(), 1)]
        );
        let muster = resolve(&s, &["muster".into(), "nobody".into()]);
        let luebeck = resolve(&s, &["luebeck".into()]);
        let passing: Vec<&str> = all
            .iter()
            .filter(|&&d| per_doc.passes(d, &muster, &luebeck))
            .map(|&d| id(d))
            .collect();
        assert_eq!(passing, ["a"]);
        assert!(!per_doc.passes(99, &[], &[]));
        assert_eq!(
            outlet_counts(&s, &all),
            [
                (Some("Kieler Nachrichten".to_string()), 2),
                (Some("Lübecker Nachrichten".into()), 1),
                (None, 1)
            ]
        );
    }
}
