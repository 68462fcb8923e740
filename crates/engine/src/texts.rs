//! Article texts served apart from the snapshot, in chunks, for large corpora.
//!
//! Texts (with their blocks, entity mentions and figures) are most of a corpus: at 10,000
//! articles about 51 of the snapshot's 79 MB. A snapshot whose texts were [split](split) off
//! keeps every article's metadata, the index, the entities and how often each article names
//! each ([`Snapshot::named`]), which is what search, filters, facets and the list need; the
//! app fetches a chunk when it shows a snippet, a preview or an article from it, and fills
//! it in ([`TextChunk::fill`]).
//!
//! A chunk holds [`Layout::per_chunk`] articles that are neighbours in the order the list shows
//! without a query (newest first, the index's tie-break rank), so the list's first screen
//! needs one chunk. Layout of a chunk file: an 8-byte magic (`QLTEXT`, two version digits)
//! and the [bitcode](https://docs.rs/bitcode) encoding of [`TextChunk`].

use crate::document::Block;
use crate::entities::Mention;
use crate::figures::Figure;
use crate::index::Index;
use crate::late::Late;
use crate::snapshot::{Snapshot, SnapshotError};

/// Magic bytes and format version at the start of every text chunk.
pub const MAGIC: &[u8; 8] = b"QLTEXT02";

/// Articles per chunk when a corpus is split. Measured on the benchmark's 10,000 articles
/// (brotli 11, per chunk): 8 articles 13.0 KB, 16 articles 22.6 KB, 32 articles 39.1 KB. A
/// first screen of search hits needs about one chunk per row (17 for 20 hits), so 16 halves
/// a cold query's bytes against 32, and keeps 100,000 articles at 6,250 files (the 20,000
/// limit of some hosts leaves room for the index's own files later).
pub const PER_CHUNK: u32 = 16;

/// Below this many bytes of text the snapshot keeps its texts: one file is then fewer round
/// trips than a snapshot plus chunks, and the single-file page stays one snapshot.
pub const SPLIT_ABOVE_BYTES: usize = 2 << 20;

/// How the texts of a split snapshot are grouped into chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Articles per chunk (at least 1).
    pub per_chunk: u32,
}

impl Layout {
    /// The chunk that holds the text of document `doc`, by its rank in the index (`None` for
    /// a document the index does not know).
    pub fn chunk_of(&self, index: &Index, doc: usize) -> Option<usize> {
        let rank = *index.doc_rank.get(doc)?;
        Some((rank / self.per_chunk.max(1)) as usize)
    }

    /// How many chunks `docs` articles make.
    pub fn chunk_count(&self, docs: usize) -> usize {
        docs.div_ceil(self.per_chunk.max(1) as usize)
    }
}

/// The texts, blocks, mentions and figures of the articles of one chunk.
#[derive(Debug, Clone, PartialEq, Default, bitcode::Encode, bitcode::Decode)]
pub struct TextChunk {
    /// The documents (snapshot indices), ascending.
    pub docs: Vec<u32>,
    /// Their texts, in the order of `docs`.
    pub texts: Vec<String>,
    /// Their blocks, in the order of `docs`.
    pub blocks: Vec<Vec<Block>>,
    /// Their entity mentions, in the order of `docs`.
    pub mentions: Vec<Vec<Mention>>,
    /// Their figures, in the order of `docs`.
    pub figures: Vec<Vec<Figure>>,
}

impl TextChunk {
    /// Serialises the chunk (magic + bitcode body).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&bitcode::encode(self));
        out
    }

    /// Reads a chunk written by [`TextChunk::encode`] of the same format version.
    pub fn decode(bytes: &[u8]) -> Result<TextChunk, SnapshotError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(SnapshotError::WrongFormat)?;
        bitcode::decode(body).map_err(|e| SnapshotError::Corrupt(e.to_string()))
    }

    /// Fills its texts into `snapshot`, whose texts were split off with `layout`, after checking
    /// that it is chunk number `chunk` of that snapshot (a chunk of another corpus build, or
    /// one that does not fit its documents, fills nothing). Texts filled already stay.
    pub fn fill(self, snapshot: &Snapshot, layout: Layout, chunk: usize) -> Result<(), String> {
        let expected = members(&snapshot.index, layout, chunk);
        let n = self.docs.len();
        let fits =
            |m: &Mention, d: u32| m.doc == d && (m.entity as usize) < snapshot.entities.len();
        let mentions_fit = self.mentions.len() == n
            && self
                .docs
                .iter()
                .zip(&self.mentions)
                .all(|(&d, list)| list.iter().all(|m| fits(m, d)));
        if self.docs != expected
            || self.texts.len() != n
            || self.blocks.len() != n
            || self.figures.len() != n
            || !mentions_fit
        {
            return Err(format!(
                "does not hold the texts of chunk {chunk} of this corpus build"
            ));
        }
        let parts = self.texts.into_iter().zip(self.blocks);
        let found = self.mentions.into_iter().zip(self.figures);
        for (&d, ((text, blocks), (mentions, figures))) in self.docs.iter().zip(parts.zip(found)) {
            let d = d as usize;
            let doc = &snapshot.docs[d];
            doc.text.fill(text);
            doc.blocks.fill(blocks);
            if let Some(slot) = snapshot.mentions.get(d) {
                slot.fill(mentions);
            }
            if let Some(slot) = snapshot.figures.get(d) {
                slot.fill(figures);
            }
        }
        Ok(())
    }
}

/// The documents of chunk `chunk`, ascending.
fn members(index: &Index, layout: Layout, chunk: usize) -> Vec<u32> {
    (0..index.doc_rank.len())
        .filter(|&d| layout.chunk_of(index, d) == Some(chunk))
        .map(|d| d as u32)
        .collect()
}

/// Whether a snapshot with this much text (bytes, all articles) is split.
pub fn worth_splitting(snapshot: &Snapshot) -> bool {
    snapshot.docs.iter().map(|d| d.text.len()).sum::<usize>() > SPLIT_ABOVE_BYTES
}

/// Takes the texts and blocks out of `snapshot` into chunks grouped by `layout`: chunk `c` of
/// the result is the chunk [`Layout::chunk_of`] names `c`.
pub fn split(snapshot: &mut Snapshot, layout: Layout) -> Vec<TextChunk> {
    let mut chunks = vec![TextChunk::default(); layout.chunk_count(snapshot.docs.len())];
    let index = &snapshot.index;
    for (d, doc) in snapshot.docs.iter_mut().enumerate() {
        let Some(chunk) = layout.chunk_of(index, d).and_then(|c| chunks.get_mut(c)) else {
            continue;
        };
        chunk.docs.push(d as u32);
        chunk.texts.push(doc.text.take().unwrap_or_default());
        chunk.blocks.push(doc.blocks.take().unwrap_or_default());
        let mentions = snapshot.mentions.get_mut(d).and_then(Late::take);
        chunk.mentions.push(mentions.unwrap_or_default());
        let figures = snapshot.figures.get_mut(d).and_then(Late::take);
        chunk.figures.push(figures.unwrap_or_default());
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, Document, Metadata, PartialDate};

    /// Seven articles, one per day of March 2024 (article `a0` oldest).
    fn corpus() -> Snapshot {
        let docs = (0..7)
            .map(|i| {
                let text = format!("Titel {i}\n\nPjöngjang schickt {i}000 Soldaten nach Kursk.\n");
                Document {
                    id: format!("a{i}"),
                    meta: Metadata {
                        outlet: Some("taz".into()),
                        date: Some(PartialDate {
                            year: 2024,
                            month: 3,
                            day: 1 + i as u8,
                        }),
                        ..Metadata::default()
                    },
                    blocks: vec![
                        Block {
                            start: 0,
                            end: 7,
                            kind: BlockKind::Title,
                        },
                        Block {
                            start: 9,
                            end: text.len() as u32 - 1,
                            kind: BlockKind::Paragraph,
                        },
                    ]
                    .into(),
                    text: text.into(),
                    origin: Default::default(),
                }
            })
            .collect();
        Snapshot::build(docs, Vec::new())
    }

    #[test]
    fn chunks_hold_neighbours_in_the_list_order_newest_first() {
        let mut snapshot = corpus();
        let layout = Layout { per_chunk: 3 };
        let chunks = split(&mut snapshot, layout);
        let ids = |c: &TextChunk| -> Vec<&str> {
            c.docs
                .iter()
                .map(|&d| snapshot.docs[d as usize].id.as_str())
                .collect()
        };
        assert_eq!(chunks.len(), 3);
        assert_eq!(ids(&chunks[0]), ["a4", "a5", "a6"]);
        assert_eq!(ids(&chunks[1]), ["a1", "a2", "a3"]);
        assert_eq!(ids(&chunks[2]), ["a0"]);
        assert!(snapshot.docs.iter().all(|d| !d.text.is_filled()));
        assert!(chunks[1].texts[0].contains("1000 Soldaten"));
    }

    #[test]
    fn a_split_snapshot_and_its_chunks_give_back_the_whole() {
        let whole = corpus();
        let mut core = whole.clone();
        let layout = Layout { per_chunk: 2 };
        let chunks = split(&mut core, layout);
        // The core travels without texts; decoding it leaves them unfilled, not empty.
        let core = Snapshot::decode(&core.encode()).unwrap();
        assert!(core.docs.iter().all(|d| !d.blocks.is_filled()));
        for (c, chunk) in chunks.iter().enumerate().rev() {
            let read = TextChunk::decode(&chunk.encode()).unwrap();
            read.fill(&core, layout, c).unwrap();
        }
        assert_eq!(core, whole);
    }

    #[test]
    fn a_chunk_that_does_not_belong_fills_nothing() {
        let mut core = corpus();
        let layout = Layout { per_chunk: 2 };
        let chunks = split(&mut core, layout);
        let err = chunks[0].clone().fill(&core, layout, 1).unwrap_err();
        assert!(err.contains("chunk 1"), "{err}");
        assert!(core.docs.iter().all(|d| !d.text.is_filled()));
        let mut short = chunks[2].clone();
        short.texts.pop();
        assert!(short.fill(&core, layout, 2).is_err());
        let mut figureless = chunks[2].clone();
        figureless.figures.clear();
        assert!(figureless.fill(&core, layout, 2).is_err());
        assert!(
            chunks[1].figures.iter().all(|f| !f.is_empty()),
            "figures travel along"
        );
        assert!(core.figures.iter().all(|f| !f.is_filled()));
        assert_eq!(
            TextChunk::decode(b"QLSNAP05"),
            Err(SnapshotError::WrongFormat)
        );
        assert!(matches!(
            TextChunk::decode(&chunks[1].encode()[..12]),
            Err(SnapshotError::Corrupt(_))
        ));
    }

    #[test]
    fn small_corpora_keep_their_texts() {
        assert!(!worth_splitting(&corpus()));
    }
}
