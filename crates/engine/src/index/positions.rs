//! Token positions of a document's main text: one definition shared by the index builder and
//! by snippets and highlighting, so that positions found in postings map back to exact offsets.

use crate::analyze::{analyze, Token};
use crate::document::{BlockKind, Document};

/// Positions left empty between blocks, so a phrase never spans a paragraph break.
pub const BLOCK_GAP: u32 = 8;

/// The analysed tokens of one main-text block.
#[derive(Debug, Clone)]
pub struct BlockTokens {
    /// Index of the block in `Document::blocks`.
    pub block: usize,
    /// The block's kind (decides the field weight).
    pub kind: BlockKind,
    /// Tokens with offsets relative to the document text (not the block).
    pub tokens: Vec<Token>,
}

/// Analyses every main-text block of `doc` in order, numbering tokens continuously with
/// [`BLOCK_GAP`] between blocks. Offsets are made document-relative.
pub fn doc_tokens(doc: &Document) -> Vec<BlockTokens> {
    let mut next = 0;
    let mut out = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if !block.kind.is_main() {
            continue;
        }
        let (mut tokens, after) = analyze(doc.block_text(block), next);
        for t in &mut tokens {
            t.start += block.start as usize;
            t.end += block.start as usize;
        }
        next = after + BLOCK_GAP;
        out.push(BlockTokens {
            block: i,
            kind: block.kind,
            tokens,
        });
    }
    out
}
