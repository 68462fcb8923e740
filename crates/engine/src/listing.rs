//! Which articles a view lists, in which order: the search hits (or every article, newest
//! first), then the entity and month filters, then the outlet filter.
//!
//! The outlet filter comes last so the outlet facet can count every outlet's articles under
//! the other filters ([`Listing::any_outlet`]); several outlets combine with OR, several
//! entities with AND.

use crate::document::PartialDate;
use crate::facets::DocEntities;
use crate::order;
use crate::query::Hit;
use crate::snapshot::Snapshot;

/// The filters of a view (from its URL): entities as indices, outlets as slugs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Entities every listed article names.
    pub include: Vec<u32>,
    /// Entities no listed article names.
    pub exclude: Vec<u32>,
    /// First month listed (inclusive), if any.
    pub from: Option<PartialDate>,
    /// Last month listed (inclusive), if any.
    pub to: Option<PartialDate>,
    /// Outlet slugs ([`outlet_slug`]); an article from any of them is listed.
    pub outlets: Vec<String>,
}

impl Filters {
    /// Whether a publication date passes the month filter (an unknown date passes only without
    /// one).
    pub fn in_months(&self, date: Option<PartialDate>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(d) = date else { return false };
        let month = (d.year, d.month);
        self.from.is_none_or(|f| month >= (f.year, f.month))
            && self.to.is_none_or(|t| month <= (t.year, t.month))
    }

    /// Whether an article from `outlet` passes the outlet filter (an unknown outlet passes
    /// only without one).
    pub fn in_outlets(&self, outlet: Option<&str>) -> bool {
        self.outlets.is_empty()
            || outlet.is_some_and(|o| {
                let slug = outlet_slug(o);
                self.outlets.contains(&slug)
            })
    }
}

/// An outlet's name as a URL-safe slug: lower case, umlauts folded, other characters `-`
/// (`Süddeutsche Zeitung` → `sueddeutsche-zeitung`).
pub fn outlet_slug(outlet: &str) -> String {
    let mut slug = String::with_capacity(outlet.len());
    for c in outlet.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            _ => "",
        };
        if !folded.is_empty() {
            slug.push_str(folded);
        } else if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    // URL-sized (the slug is ASCII, so any byte is a character boundary).
    slug.truncate(80);
    slug
}

/// The articles a view lists (document indices, in list order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// Under every filter but the outlet filter (what the outlet facet counts).
    pub any_outlet: Vec<usize>,
    /// Under every filter: the list.
    pub rows: Vec<usize>,
}

/// Lists the `hits` of a search (best first), or every article newest first where there is no
/// search (`None`), under `filters`.
pub fn list(
    snapshot: &Snapshot,
    entities: &DocEntities,
    hits: Option<&[Hit]>,
    filters: &Filters,
) -> Listing {
    let keep = |i: usize| {
        entities.passes(i, &filters.include, &filters.exclude)
            && snapshot
                .docs
                .get(i)
                .is_some_and(|d| filters.in_months(d.meta.date))
    };
    let any_outlet: Vec<usize> = match hits {
        Some(hits) => hits.iter().map(|h| h.doc).filter(|&i| keep(i)).collect(),
        None => {
            let mut docs: Vec<usize> = (0..snapshot.docs.len()).filter(|&i| keep(i)).collect();
            let doc = |i: usize| &snapshot.docs[i];
            order::sort_by(&mut docs, |&a, &b| {
                doc(b)
                    .meta
                    .date
                    .cmp(&doc(a).meta.date)
                    .then_with(|| doc(a).id.cmp(&doc(b).id))
            });
            docs
        }
    };
    let rows = any_outlet
        .iter()
        .copied()
        .filter(|&i| filters.in_outlets(snapshot.docs[i].meta.outlet.as_deref()))
        .collect();
    Listing { any_outlet, rows }
}

#[cfg(all(test, feature = "ingest"))]
mod tests {
    use super::*;
    use crate::facets::{resolve, tests::corpus};
    use crate::query::SearchOptions;

    fn ids(s: &Snapshot, docs: &[usize]) -> Vec<String> {
        docs.iter().map(|&d| s.docs[d].id.clone()).collect()
    }

    #[test]
    fn every_article_newest_first_then_the_filters() {
        let s = corpus();
        let entities = DocEntities::new(&s);
        let cases: Vec<(Filters, &[&str], &[&str])> = vec![
            (
                Filters::default(),
                &["c", "b", "a", "d"],
                &["c", "b", "a", "d"],
            ),
            (
                Filters {
                    include: resolve(&s, &["kiel".into()]),
                    ..Filters::default()
                },
                &["b", "a"],
                &["b", "a"],
            ),
            (
                Filters {
                    exclude: resolve(&s, &["muster".into()]),
                    ..Filters::default()
                },
                &["b", "d"],
                &["b", "d"],
            ),
            (
                Filters {
                    from: PartialDate::parse("2025-02"),
                    to: PartialDate::parse("2025-02"),
                    ..Filters::default()
                },
                &["b"],
                &["b"],
            ),
            (
                Filters {
                    outlets: vec!["luebecker-nachrichten".into()],
                    ..Filters::default()
                },
                &["c", "b", "a", "d"],
                &["c"],
            ),
        ];
        for (filters, any_outlet, rows) in cases {
            let listing = list(&s, &entities, None, &filters);
            assert_eq!(ids(&s, &listing.any_outlet), any_outlet, "{filters:?}");
            assert_eq!(ids(&s, &listing.rows), rows, "{filters:?}");
        }
    }

    #[test]
    fn search_hits_keep_their_order_under_the_filters() {
        let s = corpus();
        let entities = DocEntities::new(&s);
        let results = s.searcher().search("Lübeck", SearchOptions::default());
        let hits = ids(&s, &results.hits.iter().map(|h| h.doc).collect::<Vec<_>>());
        let listing = list(&s, &entities, Some(&results.hits), &Filters::default());
        assert_eq!(ids(&s, &listing.rows), hits);
        assert!(
            hits.len() == 2 && hits.contains(&"c".to_string()),
            "{hits:?}"
        );
        let filters = Filters {
            outlets: vec!["kieler-nachrichten".into()],
            ..Filters::default()
        };
        let listing = list(&s, &entities, Some(&results.hits), &filters);
        assert_eq!(listing.any_outlet.len(), 2);
        assert!(listing.rows.is_empty());
    }

    #[test]
    fn outlet_slugs_fold_and_join() {
        let cases = [
            ("Süddeutsche Zeitung", "sueddeutsche-zeitung"),
            ("t-online", "t-online"),
            ("  Der Standard ", "der-standard"),
            ("Ö1 / ORF", "oe1-orf"),
        ];
        for (name, slug) in cases {
            assert_eq!(outlet_slug(name), slug, "{name}");
        }
    }
}
