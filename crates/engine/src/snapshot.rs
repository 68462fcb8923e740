//! The snapshot: everything the browser app needs, built once at compile time and decoded once
//! at start-up.
//!
//! Layout: an 8-byte magic (`QLSNAP`, two format-version digits) followed by the
//! [bitcode](https://docs.rs/bitcode) encoding of [`Snapshot`]. bitcode was chosen by measurement
//! (README, "Snapshot format"): the smallest output after brotli and the fastest decode of the
//! serde-free candidates in wasm. Every part of the snapshot is a separately encodable section
//! (`docs` now, the index later), so it can be split into shards fetched on demand.

use crate::document::Document;
use crate::entities::{discover, mentions, Entity, EntityKind, EntitySource, Mention};
use crate::figures::Figure;
use crate::index::Index;
use crate::late::Late;
use crate::query::Searcher;
use std::fmt;

/// Magic bytes and format version at the start of every snapshot.
pub const MAGIC: &[u8; 8] = b"QLSNAP07";

/// The data the app ships with.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snapshot {
    /// All documents, in corpus order (sorted by id).
    pub docs: Vec<Document>,
    /// The search index over the documents' main text.
    pub index: Index,
    /// Entities: the curator's base first, then discovered ones.
    pub entities: Vec<Entity>,
    /// The entity mentions in main text, by document, in text order ([`Late`]: they travel
    /// with the texts when those are served apart).
    pub mentions: Vec<Late<Vec<Mention>>>,
    /// The figures each document reports, by document, in text order ([`Late`] as well).
    pub figures: Vec<Late<Vec<Figure>>>,
    /// How often each document names each entity, as (entity, mentions), entities ascending:
    /// what facets, the overview and the entity pages' article lists need, always there.
    pub named: Vec<Vec<(u32, u32)>>,
}

/// Why bytes could not be read as a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// The bytes do not start with [`MAGIC`]: not a snapshot, or a different format version.
    WrongFormat,
    /// The body did not decode (truncated or corrupt).
    Corrupt(String),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::WrongFormat => write!(
                f,
                "not a Quellenlage snapshot of format {}",
                String::from_utf8_lossy(MAGIC)
            ),
            SnapshotError::Corrupt(why) => write!(f, "corrupt snapshot: {why}"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// The snapshot as encoded: a document's text and blocks are absent when they are served
/// apart (the `texts` module), which is not the same as empty.
#[derive(bitcode::Encode, bitcode::Decode)]
struct Wire {
    docs: Vec<WireDocument>,
    index: Index,
    /// The index's postings blocks (absent: served apart, the index `blocks` module).
    postings: Vec<Option<Vec<u8>>>,
    entities: Vec<Entity>,
    mentions: Vec<Option<Vec<Mention>>>,
    figures: Vec<Option<Vec<Figure>>>,
    named: Vec<Vec<(u32, u32)>>,
}

/// A [`Document`] as encoded.
#[derive(bitcode::Encode, bitcode::Decode)]
struct WireDocument {
    id: String,
    meta: crate::document::Metadata,
    text: Option<String>,
    blocks: Option<Vec<crate::document::Block>>,
    origin: crate::document::Origin,
}

impl Wire {
    fn of(snapshot: &Snapshot) -> Wire {
        let docs = snapshot
            .docs
            .iter()
            .map(|d| WireDocument {
                id: d.id.clone(),
                meta: d.meta.clone(),
                text: d.text.filled().cloned(),
                blocks: d.blocks.filled().cloned(),
                origin: d.origin.clone(),
            })
            .collect();
        Wire {
            docs,
            index: snapshot.index.clone(),
            postings: snapshot
                .index
                .postings
                .iter()
                .map(|b| b.filled().cloned())
                .collect(),
            entities: snapshot.entities.clone(),
            mentions: snapshot
                .mentions
                .iter()
                .map(|m| m.filled().cloned())
                .collect(),
            figures: snapshot
                .figures
                .iter()
                .map(|f| f.filled().cloned())
                .collect(),
            named: snapshot.named.clone(),
        }
    }

    fn into_snapshot(self) -> Snapshot {
        let docs = self
            .docs
            .into_iter()
            .map(|d| Document {
                id: d.id,
                meta: d.meta,
                text: late(d.text),
                blocks: late(d.blocks),
                origin: d.origin,
            })
            .collect();
        let mut index = self.index;
        index.postings = self.postings.into_iter().map(late).collect();
        Snapshot {
            docs,
            index,
            entities: self.entities,
            mentions: self.mentions.into_iter().map(late).collect(),
            figures: self.figures.into_iter().map(late).collect(),
            named: self.named,
        }
    }
}

/// A value as decoded: filled if it was there.
fn late<T>(value: Option<T>) -> Late<T> {
    value.map_or_else(Late::unfilled, Late::from)
}

impl Snapshot {
    /// Serialises the snapshot (magic + bitcode body). Texts not filled in are left out, and
    /// [`Snapshot::decode`] leaves them unfilled.
    pub fn encode(&self) -> Vec<u8> {
        let body = bitcode::encode(&Wire::of(self));
        let mut out = Vec::with_capacity(MAGIC.len() + body.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&body);
        out
    }

    /// Reads a snapshot written by [`Snapshot::encode`] of the same format version.
    pub fn decode(bytes: &[u8]) -> Result<Snapshot, SnapshotError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(SnapshotError::WrongFormat)?;
        bitcode::decode::<Wire>(body)
            .map(Wire::into_snapshot)
            .map_err(|e| SnapshotError::Corrupt(e.to_string()))
    }

    /// Builds a snapshot from ingested documents and the curator's entity base: the search
    /// index, discovered entities and all mentions.
    pub fn build(docs: Vec<Document>, base: Vec<Entity>) -> Snapshot {
        let index = crate::index::build(&docs);
        let entities = with_discovered(&docs, base);
        let mentions = mentions::find_all(&docs, &entities);
        let (entities, mentions) = named_only(entities, mentions);
        let mut per_doc: Vec<Vec<Mention>> = vec![Vec::new(); docs.len()];
        for m in mentions {
            if let Some(list) = per_doc.get_mut(m.doc as usize) {
                list.push(m);
            }
        }
        let named = per_doc.iter().map(|list| entity_counts(list)).collect();
        let figures = docs
            .iter()
            .map(|d| Late::from(crate::figures::extract(d)))
            .collect();
        Snapshot {
            docs,
            index,
            entities,
            mentions: per_doc.into_iter().map(Late::from).collect(),
            figures,
            named,
        }
    }

    /// The mentions in document `doc` (none for an unknown document, or while its texts have
    /// not arrived).
    pub fn mentions_of(&self, doc: usize) -> &[Mention] {
        self.mentions.get(doc).map_or(&[], |m| m.as_slice())
    }

    /// The figures in document `doc` (none for an unknown document, or while its texts have
    /// not arrived).
    pub fn figures_of(&self, doc: usize) -> &[Figure] {
        self.figures.get(doc).map_or(&[], |f| f.as_slice())
    }

    /// Every mention, by document then position (of the documents whose texts are there).
    pub fn all_mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().flat_map(|m| m.iter())
    }

    /// The entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.id == id)
    }

    /// A searcher over this snapshot.
    pub fn searcher(&self) -> Searcher<'_> {
        Searcher::new(&self.docs, &self.index)
    }

    /// Position of the document with this id in `docs`.
    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.binary_search_by(|d| d.id.as_str().cmp(id)).ok()
    }

    /// The document with this id, if any.
    pub fn doc(&self, id: &str) -> Option<&Document> {
        self.docs
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.docs[i])
    }
}

/// The base plus discovered entities that recur or had a strong cue. A discovered name that is
/// already a base name or alias, or whose id is taken, is left out.
fn with_discovered(docs: &[Document], mut entities: Vec<Entity>) -> Vec<Entity> {
    use std::collections::{HashMap, HashSet};
    let base_mentions = mentions::find_all(docs, &entities);
    let known: HashSet<String> = entities
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .map(|n| crate::analyze::fold::fold(n))
        .collect();
    let ids: HashSet<String> = entities.iter().map(|e| e.id.clone()).collect();
    // Spelling variants of a listed name (`Ben-Gwir` for `Ben-Gvir`, `Deutsche Wetterdienst`
    // for `Deutscher Wetterdienst`) become its aliases, not entities of their own.
    let mut by_variant: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if let Some(key) = discover::variant_key(n) {
                by_variant.entry((e.kind, key)).or_insert(i);
            }
        }
    }
    for candidate in discover::discover(docs, &base_mentions) {
        let taken = ids.contains(&candidate.id)
            || known.contains(&crate::analyze::fold::fold(&candidate.name));
        if !candidate.is_entity() || taken || candidate.id.is_empty() {
            continue;
        }
        let variant_of = std::iter::once(&candidate.name)
            .chain(&candidate.aliases)
            .filter_map(|n| discover::variant_key(n))
            .find_map(|key| by_variant.get(&(candidate.kind, key)).copied());
        if let Some(i) = variant_of {
            let entity = &mut entities[i];
            for n in std::iter::once(candidate.name).chain(candidate.aliases) {
                if !entity.aliases.contains(&n) && entity.name != n {
                    entity.aliases.push(n);
                }
            }
            continue;
        }
        entities.push(Entity {
            id: candidate.id,
            name: candidate.name,
            kind: candidate.kind,
            aliases: candidate.aliases,
            description: None,
            source: EntitySource::Discovered,
        });
    }
    entities
}

/// How often `mentions` (of one document) name each entity: (entity, count), ascending.
fn entity_counts(mentions: &[Mention]) -> Vec<(u32, u32)> {
    let mut entities: Vec<u32> = mentions.iter().map(|m| m.entity).collect();
    crate::order::sort_by(&mut entities, Ord::cmp);
    let mut out: Vec<(u32, u32)> = Vec::new();
    for e in entities {
        match out.last_mut() {
            Some((last, n)) if *last == e => *n += 1,
            _ => out.push((e, 1)),
        }
    }
    out
}

/// The entities without the knowledge-base ones the corpus never names (only what a corpus
/// names reaches the app), and the mentions renumbered to match.
fn named_only(entities: Vec<Entity>, mut mentions: Vec<Mention>) -> (Vec<Entity>, Vec<Mention>) {
    let mut named = vec![false; entities.len()];
    for m in &mentions {
        named[m.entity as usize] = true;
    }
    let mut new_index = vec![0u32; entities.len()];
    let mut kept = Vec::new();
    for (i, (entity, named)) in entities.into_iter().zip(named).enumerate() {
        if named || entity.source != EntitySource::Knowledge {
            new_index[i] = kept.len() as u32;
            kept.push(entity);
        }
    }
    for m in &mut mentions {
        m.entity = new_index[m.entity as usize];
    }
    (kept, mentions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind, Boilerplate, Metadata, PartialDate};

    fn sample() -> Snapshot {
        let text = "Titel\n\nText mit Pjöngjang.\n- Link: eins\n".to_string();
        Snapshot::build(
            vec![Document {
                origin: Default::default(),
                id: "a".into(),
                meta: Metadata {
                    title: Some("Titel".into()),
                    date: PartialDate::parse("2025-06"),
                    ..Metadata::default()
                },
                text: text.into(),
                blocks: vec![
                    Block {
                        start: 0,
                        end: 5,
                        kind: BlockKind::Title,
                    },
                    Block {
                        start: 7,
                        end: 27,
                        kind: BlockKind::Lead,
                    },
                    Block {
                        start: 28,
                        end: 40,
                        kind: BlockKind::Boilerplate(Boilerplate::RelatedLinks),
                    },
                ]
                .into(),
            }],
            Vec::new(),
        )
    }

    #[test]
    fn knowledge_base_entities_the_corpus_never_names_are_left_out() {
        let entity = |id: &str, name: &str, source| Entity {
            id: id.into(),
            name: name.into(),
            kind: crate::entities::EntityKind::Place,
            aliases: Vec::new(),
            description: None,
            source,
        };
        let snapshot = Snapshot::build(
            sample().docs,
            vec![
                entity("atlantis", "Atlantis", EntitySource::Knowledge),
                entity("pjoengjang", "Pjöngjang", EntitySource::Knowledge),
                entity("curated", "Nirgendwo", EntitySource::Base),
            ],
        );
        let ids: Vec<&str> = snapshot.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["pjoengjang", "curated"]);
        // Mentions point at the renumbered entity.
        let mentions: Vec<_> = snapshot.all_mentions().collect();
        assert_eq!(mentions.len(), 1);
        assert_eq!(
            snapshot.entities[mentions[0].entity as usize].id,
            "pjoengjang"
        );
        assert_eq!(snapshot.named, [vec![(mentions[0].entity, 1)]]);
    }

    #[test]
    fn round_trips() {
        let snapshot = sample();
        assert_eq!(Snapshot::decode(&snapshot.encode()), Ok(snapshot));
    }

    #[test]
    fn rejects_foreign_and_truncated_bytes() {
        assert_eq!(Snapshot::decode(b"hello"), Err(SnapshotError::WrongFormat));
        assert_eq!(Snapshot::decode(b""), Err(SnapshotError::WrongFormat));
        let bytes = sample().encode();
        let truncated = &bytes[..bytes.len() - 3];
        assert!(matches!(
            Snapshot::decode(truncated),
            Err(SnapshotError::Corrupt(_))
        ));
    }

    #[test]
    fn finds_docs_by_id() {
        let snapshot = sample();
        assert_eq!(snapshot.doc("a").map(|d| d.id.as_str()), Some("a"));
        assert!(snapshot.doc("../../etc/passwd").is_none());
    }
}
