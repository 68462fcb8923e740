//! Snippets (KWIC sentence windows) and exact highlight ranges for matched positions.

use super::expand::MatchKind;
use super::Matches;
use crate::analyze::{fold::fold, sentence::sentences, tokenize::tokenize};
use crate::document::Document;
use crate::index::{positions::BLOCK_GAP, Index};

/// Longest snippet text in characters; longer sentences are cut around their first match.
const MAX_SNIPPET_CHARS: usize = 260;

/// A highlighted match inside a snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Highlight {
    /// Byte offset in the snippet text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Why it matched.
    pub kind: MatchKind,
}

/// A sentence (or a window of one) with its matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Snippet {
    /// Byte offset of the snippet in the document text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The snippet text (`document.text[start..end]`).
    pub text: String,
    /// Whether text was cut before / after the window.
    pub cut_before: bool,
    /// See `cut_before`.
    pub cut_after: bool,
    /// Matches, ascending, relative to `text`.
    pub highlights: Vec<Highlight>,
}

/// A matched byte range of a document's text and why it matched.
type Range = (usize, usize, MatchKind);
/// A sentence (byte range) and the matches inside it.
type Candidate = (usize, usize, Vec<Range>);

/// Exact byte ranges of the matched tokens of `doc`, best reason per range, no overlaps.
///
/// Positions are numbered as the index numbers them
/// ([`crate::index::positions::doc_tokens`]), but blocks are only tokenised: a token is folded
/// and looked up only if its position matched, and blocks after the last matched position are
/// not read at all.
pub(crate) fn match_ranges(index: &Index, doc: &Document, matches: &Matches) -> Vec<Range> {
    let mut ranges: Vec<Range> = Vec::new();
    let Some(&last) = matches.keys().max() else {
        return ranges;
    };
    let mut next = 0u32;
    for block in doc.blocks.iter().filter(|b| b.kind.is_main()) {
        if next > last {
            break;
        }
        let (tokens, after) = tokenize(doc.block_text(block), next);
        next = after + BLOCK_GAP;
        for token in tokens {
            let Some(found) = matches.get(&token.position) else {
                continue;
            };
            let (start, end) = (
                token.start + block.start as usize,
                token.end + block.start as usize,
            );
            let Some(id) = doc
                .text
                .get(start..end)
                .and_then(|t| index.term_id(&fold(t)))
            else {
                continue;
            };
            if let Some(kind) = found
                .iter()
                .filter(|(t, _)| *t == id)
                .map(|(_, k)| *k)
                .min()
            {
                ranges.push((start, end, kind));
            }
        }
    }
    // A hyphenated whole and its part can both match: keep the longer, drop what it contains.
    crate::order::sort_by(&mut ranges, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<Range> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.0 < last.1 => last.2 = last.2.min(r.2),
            _ => out.push(r),
        }
    }
    out
}

/// Up to `n` sentences of `doc` with the most (distinct) matches, in document order.
pub(crate) fn snippets(index: &Index, doc: &Document, matches: &Matches, n: usize) -> Vec<Snippet> {
    let ranges = match_ranges(index, doc, matches);
    if ranges.is_empty() || n == 0 {
        return Vec::new();
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    for block in doc.main_blocks() {
        let (bs, be) = (block.start as usize, block.end as usize);
        if !ranges.iter().any(|r| r.0 >= bs && r.1 <= be) {
            continue;
        }
        let text = doc.block_text(block);
        for (s, e) in sentences(text) {
            let (s, e) = (s + block.start as usize, e + block.start as usize);
            let inside: Vec<_> = ranges
                .iter()
                .copied()
                .filter(|r| r.0 >= s && r.1 <= e)
                .collect();
            if !inside.is_empty() {
                candidates.push((s, e, inside));
            }
        }
    }
    // Score each candidate once: (distinct matched words, matches).
    let scores: Vec<(usize, usize)> = candidates
        .iter()
        .map(|c| {
            let mut words: Vec<&str> = c.2.iter().map(|r| &doc.text[r.0..r.1]).collect();
            crate::order::sort_dedup(&mut words);
            (words.len(), c.2.len())
        })
        .collect();
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        scores[b].cmp(&scores[a]).then(a.cmp(&b))
    });
    order.truncate(n);
    crate::order::sort_by(&mut order, Ord::cmp);
    order
        .into_iter()
        .map(|i| window(doc, &candidates[i]))
        .collect()
}

/// Cuts a long sentence to a window around its first match, at word boundaries.
fn window(doc: &Document, candidate: &Candidate) -> Snippet {
    let (s, e, inside) = candidate;
    let (mut start, mut end) = (*s, *e);
    let sentence = &doc.text[start..end];
    if sentence.chars().count() > MAX_SNIPPET_CHARS {
        let first = inside.first().map_or(start, |r| r.0);
        // About a third of the window before the first match.
        let before: usize = doc.text[start..first]
            .chars()
            .rev()
            .take(MAX_SNIPPET_CHARS / 3)
            .map(char::len_utf8)
            .sum();
        let mut ws = first - before;
        if ws > start {
            ws = doc.text[ws..first].find(' ').map_or(ws, |i| ws + i + 1);
        }
        let after: usize = doc.text[ws..end]
            .chars()
            .take(MAX_SNIPPET_CHARS)
            .map(char::len_utf8)
            .sum();
        let mut we = ws + after;
        if we < end {
            we = doc.text[ws..we].rfind(' ').map_or(we, |i| ws + i);
        }
        start = ws;
        end = we.max(first);
    }
    let highlights = inside
        .iter()
        .filter(|r| r.0 >= start && r.1 <= end)
        .map(|r| Highlight {
            start: r.0 - start,
            end: r.1 - start,
            kind: r.2,
        })
        .collect();
    Snippet {
        start,
        end,
        text: doc.text[start..end].to_string(),
        cut_before: start > *s,
        cut_after: end < *e,
        highlights,
    }
}
