//! Facets: which entities and outlets the listed articles name, and how many articles each.
//!
//! The app's sidebar, overview and co-occurrence panel read these counts for whatever the
//! current query and filters list; [`DocEntities`] is derived once per snapshot.

use crate::entities::EntityKind;
use crate::order;
use crate::snapshot::Snapshot;

/// The distinct entities each document names (sorted entity indices, by document index), and
/// each entity's place in name order, so counts sort by integers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocEntities {
    per_doc: Vec<Vec<u32>>,
    /// Entity indices sorted by name (ties by index).
    by_name: Vec<u32>,
    /// Entity index → its place in `by_name`.
    name_rank: Vec<u32>,
}

impl DocEntities {
    /// Derives the lists from what each document names ([`Snapshot::named`]).
    pub fn new(snapshot: &Snapshot) -> DocEntities {
        let per_doc: Vec<Vec<u32>> = snapshot
            .named
            .iter()
            .map(|list| list.iter().map(|&(e, _)| e).collect())
            .collect();
        let mut by_name: Vec<u32> = (0..snapshot.entities.len() as u32).collect();
        order::sort_by(&mut by_name, |&a, &b| {
            snapshot.entities[a as usize]
                .name
                .cmp(&snapshot.entities[b as usize].name)
        });
        let mut name_rank = vec![0; by_name.len()];
        for (rank, &e) in by_name.iter().enumerate() {
            name_rank[e as usize] = rank as u32;
        }
        DocEntities {
            per_doc,
            by_name,
            name_rank,
        }
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
    pub fn entity_counts(&self, docs: &[usize]) -> Vec<(u32, usize)> {
        let mut counts = vec![0u32; self.name_rank.len()];
        for &d in docs {
            for &e in self.of(d) {
                if let Some(c) = counts.get_mut(e as usize) {
                    *c += 1;
                }
            }
        }
        most_first(
            counts
                .iter()
                .zip(&self.name_rank)
                .map(|(&c, &rank)| (c, rank)),
        )
        .into_iter()
        .map(|(rank, count)| (self.by_name[rank as usize], count))
        .collect()
    }
}

/// `(count, tiebreak)` pairs with a count, most first, then by `tiebreak` ascending, as
/// `(tiebreak, count)`. Each pair sorts as one integer, which is what makes facet counting
/// cheap at every keystroke.
fn most_first(pairs: impl Iterator<Item = (u32, u32)>) -> Vec<(u32, usize)> {
    let mut keys: Vec<u64> = pairs
        .filter(|&(count, _)| count > 0)
        .map(|(count, tiebreak)| (u64::from(u32::MAX - count) << 32) | u64::from(tiebreak))
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|k| {
            let count = u32::MAX - (k >> 32) as u32;
            (k as u32, count as usize)
        })
        .collect()
}

/// Each document's outlet as a small integer, so outlet counts are array increments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocOutlets {
    /// The distinct outlets in name order, the unknown outlet (`None`) last.
    names: Vec<Option<String>>,
    /// Document index → index into `names`.
    of_doc: Vec<u32>,
}

impl DocOutlets {
    /// Derives the column from the documents' metadata.
    pub fn new(snapshot: &Snapshot) -> DocOutlets {
        let mut names: Vec<Option<String>> = snapshot
            .docs
            .iter()
            .map(|d| d.meta.outlet.clone())
            .collect();
        // `None` sorts first; the unknown outlet goes last.
        order::sort_by(&mut names, |a, b| (a.is_none(), a).cmp(&(b.is_none(), b)));
        names.dedup();
        let of_doc = snapshot
            .docs
            .iter()
            .map(|d| {
                names
                    .binary_search_by(|n| {
                        (n.is_none(), n).cmp(&(d.meta.outlet.is_none(), &d.meta.outlet))
                    })
                    .unwrap_or(0) as u32
            })
            .collect();
        DocOutlets { names, of_doc }
    }

    /// For `docs`: how many come from each outlet (`None`: outlet unknown), most first, then
    /// by name with the unknown outlet last among equals.
    pub fn counts(&self, docs: &[usize]) -> Vec<(Option<String>, usize)> {
        let mut counts = vec![0u32; self.names.len()];
        for &d in docs {
            if let Some(&o) = self.of_doc.get(d) {
                counts[o as usize] += 1;
            }
        }
        // The names are in order, so an outlet's index is its tiebreak.
        most_first(counts.iter().zip(0..).map(|(&c, o)| (c, o)))
            .into_iter()
            .map(|(o, count)| (self.names[o as usize].clone(), count))
            .collect()
    }
}

/// One facet group: the entities of `kind` among `counts` (as [`DocEntities::entity_counts`]
/// orders them), then the `excluded` entities of that kind not among them, counted 0. An
/// excluded entity names no listed article, but stays in its group so the filter can be undone.
pub fn of_kind(
    snapshot: &Snapshot,
    counts: &[(u32, usize)],
    kind: EntityKind,
    excluded: &[u32],
) -> Vec<(u32, usize)> {
    let is_kind = |e: u32| {
        snapshot
            .entities
            .get(e as usize)
            .is_some_and(|x| x.kind == kind)
    };
    let mut group: Vec<(u32, usize)> = counts
        .iter()
        .copied()
        .filter(|&(e, _)| is_kind(e))
        .collect();
    for &e in excluded {
        if is_kind(e) && !group.iter().any(|&(x, _)| x == e) {
            group.push((e, 0));
        }
    }
    group
}

/// Entity indices for entity ids; unknown ids are ignored.
pub fn resolve(snapshot: &Snapshot, ids: &[String]) -> Vec<u32> {
    ids.iter()
        .filter_map(|id| snapshot.entity_index(id).map(|i| i as u32))
        .collect()
}

#[cfg(all(test, feature = "ingest"))]
pub(crate) mod tests {
    use super::*;
    use crate::entities::{Entity, EntitySource};
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
            names(per_doc.entity_counts(&all)),
            [
                ("Anna Muster".to_string(), 2),
                ("Kiel".into(), 2),
                ("Lübeck".into(), 2)
            ]
        );
        let first_two: Vec<usize> = all.iter().copied().filter(|&d| id(d) < "c").collect();
        assert_eq!(
            names(per_doc.entity_counts(&first_two)),
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
        // Groups by kind keep the counts' order; an excluded entity stays, counted 0.
        let counts = per_doc.entity_counts(&first_two);
        assert_eq!(
            names(of_kind(&s, &counts, EntityKind::Place, &luebeck)),
            [("Kiel".to_string(), 2), ("Lübeck".into(), 0)]
        );
        assert_eq!(
            names(of_kind(&s, &counts, EntityKind::Person, &luebeck)),
            [("Anna Muster".to_string(), 1)]
        );
        assert_eq!(of_kind(&s, &counts, EntityKind::Organisation, &luebeck), []);
        let all_counts = per_doc.entity_counts(&all);
        assert_eq!(
            names(of_kind(&s, &all_counts, EntityKind::Place, &luebeck)),
            [("Kiel".to_string(), 2), ("Lübeck".into(), 2)],
            "an excluded entity that is counted is not listed twice"
        );
        assert_eq!(
            DocOutlets::new(&s).counts(&all),
            [
                (Some("Kieler Nachrichten".to_string()), 2),
                (Some("Lübecker Nachrichten".into()), 1),
                (None, 1)
            ]
        );
    }
}
