//! Postings in blocks of consecutive term ids, so that a large corpus's postings can be served
//! apart from the snapshot and fetched as a query needs them.
//!
//! Term ids follow the term dictionary's sorted order, so a block holds the postings of an
//! alphabetical range of terms: the completions of a prefix being typed sit in one or two
//! blocks. A block is cut after it reaches a byte target, so a frequent term's postings end up
//! alone in a block of their own, and the rare terms around it share one. The snapshot keeps
//! what a query needs before any postings arrive: the dictionaries, every term's document
//! frequency (typo and prefix expansions keep the most frequent terms) and the block
//! boundaries. A query then names the blocks it needs ([`Index::blocks_of`]), the app fetches
//! those it lacks, and the same search code runs once they are filled in.

use super::Index;
use crate::late::Late;

/// Magic bytes and format version at the start of every postings block file.
pub const MAGIC: &[u8; 8] = b"QLPOST01";

/// Bytes of postings after which a block is cut (before compression; brotli makes about a
/// third of it).
pub const BLOCK_BYTES: usize = 48 << 10;

impl Index {
    /// Number of postings blocks.
    pub fn block_count(&self) -> usize {
        self.block_starts.len().saturating_sub(1)
    }

    /// The block holding the postings of term `term` (`None` for an unknown term).
    pub fn block_of(&self, term: u32) -> Option<usize> {
        if term as usize >= self.term_count() {
            return None;
        }
        let after = self.block_starts.partition_point(|&start| start <= term);
        after.checked_sub(1).filter(|&b| b < self.block_count())
    }

    /// The blocks holding the postings of `terms`, ascending, each once.
    pub fn blocks_of(&self, terms: impl IntoIterator<Item = u32>) -> Vec<usize> {
        let mut blocks: Vec<usize> = terms.into_iter().filter_map(|t| self.block_of(t)).collect();
        blocks.sort_unstable();
        blocks.dedup();
        blocks
    }

    /// Whether the postings of every one of `terms` are there.
    pub fn has_postings_of(&self, terms: impl IntoIterator<Item = u32>) -> bool {
        self.blocks_of(terms)
            .into_iter()
            .all(|b| self.postings.get(b).is_some_and(Late::is_filled))
    }

    /// The byte range of block `block` in the concatenated postings.
    pub(super) fn block_bytes_range(&self, block: usize) -> Option<std::ops::Range<usize>> {
        let first = *self.block_starts.get(block)? as usize;
        let end = *self.block_starts.get(block + 1)? as usize;
        let from = *self.postings_offsets.get(first)? as usize;
        let to = *self.postings_offsets.get(end)? as usize;
        (from <= to).then_some(from..to)
    }

    /// Fills in block `block` from a block file written by [`split`], after checking that it
    /// is that block of this index (a block of another build, or a truncated one, fills
    /// nothing). A block filled already stays as it is.
    pub fn fill_block(&self, block: usize, file: &[u8]) -> Result<(), String> {
        let wrong = || format!("does not hold postings block {block} of this corpus build");
        let body = file.strip_prefix(MAGIC.as_slice()).ok_or_else(|| {
            format!(
                "is not a postings block of format {}",
                String::from_utf8_lossy(MAGIC)
            )
        })?;
        let (number, bytes) = body.split_at_checked(4).ok_or_else(wrong)?;
        let number = u32::from_le_bytes(number.try_into().map_err(|_| wrong())?);
        let range = self.block_bytes_range(block).ok_or_else(wrong)?;
        let slot = self.postings.get(block).ok_or_else(wrong)?;
        if number as usize != block || bytes.len() != range.len() {
            return Err(wrong());
        }
        slot.fill(bytes.to_vec());
        Ok(())
    }
}

/// Cuts the postings of `index` into blocks of about `target` bytes and takes them out of it:
/// the index keeps the boundaries and unfilled blocks, and the result holds block `b`'s file
/// at `b` (for [`Index::fill_block`]).
pub fn split(index: &mut Index, target: usize) -> Vec<Vec<u8>> {
    let whole: Vec<u8> = index
        .postings
        .iter_mut()
        .flat_map(|b| b.take().unwrap_or_default())
        .collect();
    let mut starts = vec![0u32];
    let terms = index.term_count();
    let mut block_from = 0usize;
    for term in 0..terms {
        let end = index.postings_offsets[term + 1] as usize;
        if end - block_from >= target.max(1) && term + 1 < terms {
            starts.push(term as u32 + 1);
            block_from = end;
        }
    }
    starts.push(terms as u32);
    if terms == 0 {
        starts.truncate(1);
    }
    index.block_starts = starts;
    let files: Vec<Vec<u8>> = (0..index.block_count())
        .map(|b| {
            let range = index.block_bytes_range(b).unwrap_or(0..0);
            let mut file = MAGIC.to_vec();
            file.extend_from_slice(&(b as u32).to_le_bytes());
            file.extend_from_slice(whole.get(range).unwrap_or(&[]));
            file
        })
        .collect();
    index.postings = (0..files.len()).map(|_| Late::unfilled()).collect();
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, BlockKind, Document, Metadata};

    fn index() -> Index {
        let texts = [
            "Die Armee meldet Verluste an der Front.",
            "Die Regierung bestreitet die Verluste.",
            "Beobachter zählen Panzer, Soldaten und Drohnen an der Front.",
        ];
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document {
                id: format!("d{i}"),
                meta: Metadata::default(),
                blocks: vec![Block {
                    start: 0,
                    end: t.len() as u32,
                    kind: BlockKind::Paragraph,
                }]
                .into(),
                text: (*t).into(),
                origin: Default::default(),
            })
            .collect();
        super::super::build(&docs)
    }

    #[test]
    fn a_whole_index_is_one_block() {
        let index = index();
        assert_eq!(index.block_count(), 1);
        assert_eq!(index.block_of(0), Some(0));
        assert_eq!(index.block_of(index.term_count() as u32 - 1), Some(0));
        assert_eq!(index.block_of(index.term_count() as u32), None);
        assert!(index.has_postings_of(0..index.term_count() as u32));
    }

    #[test]
    fn split_blocks_cover_every_term_in_order_and_fill_back_to_the_whole() {
        let whole = index();
        let mut split_index = whole.clone();
        let files = split(&mut split_index, 20);
        let blocks = split_index.block_count();
        assert!(blocks > 3, "{blocks} blocks");
        assert_eq!(files.len(), blocks);
        // Every term in exactly one block; blocks in term order.
        let of: Vec<usize> = (0..whole.term_count() as u32)
            .map(|t| split_index.block_of(t).unwrap())
            .collect();
        assert!(of.windows(2).all(|w| w[0] <= w[1] && w[1] <= w[0] + 1));
        assert_eq!(of.last(), Some(&(blocks - 1)));
        // Nothing there until filled: postings read as empty.
        let term = whole.term_id("verluste").unwrap();
        assert_eq!(split_index.postings(term).len(), 0);
        assert!(!split_index.has_postings_of([term]));
        assert_eq!(split_index.doc_freq(term), 2, "document frequencies stay");
        for (b, file) in files.iter().enumerate() {
            split_index.fill_block(b, file).unwrap();
        }
        assert!(split_index.has_postings_of(0..whole.term_count() as u32));
        for t in 0..whole.term_count() as u32 {
            assert_eq!(split_index.postings_bytes(t), whole.postings_bytes(t));
        }
    }

    #[test]
    fn a_block_that_does_not_belong_fills_nothing() {
        let mut split_index = index();
        let files = split(&mut split_index, 20);
        let err = split_index.fill_block(1, &files[0]).unwrap_err();
        assert!(err.contains("block 1"), "{err}");
        let mut truncated = files[0].clone();
        truncated.pop();
        assert!(split_index.fill_block(0, &truncated).is_err());
        assert!(split_index.fill_block(0, b"QLTEXT02....").is_err());
        assert!(split_index.fill_block(files.len(), &files[0]).is_err());
        assert!(!split_index.postings[0].is_filled());
        split_index.fill_block(0, &files[0]).unwrap();
        assert!(split_index.postings[0].is_filled());
    }
}
