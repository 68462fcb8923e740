//! The postings of one term as compact bytes, and a reader that decodes them in place.
//!
//! Layout of one term (every number an unsigned LEB128 varint), one column after the other so
//! that brotli sees long runs of alike numbers (a fifth smaller than interleaving them):
//!
//! ```text
//! df  gap_bytes  weight_bytes          (the two lengths only if df ≠ 1)
//! doc gaps (gap_bytes bytes):        df × doc gap
//! weights (weight_bytes bytes):      df × weight
//! position counts:                   df × count
//! positions:                         per document, count × position gap
//! ```
//!
//! Doc ids ascend and are stored as gaps (the first one as is); a weight is the field-weighted
//! term frequency in tenths (see [`super::WEIGHT_SCALE`]), exact because field weights are
//! multiples of a tenth. Each document's positions ascend and are stored as gaps (the first one
//! as is). Scoring reads only the first two columns; a reader that needs the positions of a few
//! documents skips the others by counting varint ends.

use super::WEIGHT_SCALE;

/// Appends `value` as an unsigned LEB128 varint.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a varint at the start of `bytes`: the value and the bytes it took (`None` if truncated
/// or too long). One-byte values (most gaps and weights) take the short path.
#[inline(always)]
fn get_varint(bytes: &[u8]) -> Option<(u32, usize)> {
    match bytes.first() {
        Some(&b) if b < 0x80 => Some((u32::from(b), 1)),
        _ => get_long_varint(bytes),
    }
}

/// [`get_varint`] for values of more than one byte.
fn get_long_varint(bytes: &[u8]) -> Option<(u32, usize)> {
    let mut value = 0u32;
    for (i, &b) in bytes.iter().enumerate().take(5) {
        value |= u32::from(b & 0x7f) << (7 * i);
        if b < 0x80 {
            return Some((value, i + 1));
        }
    }
    None
}

/// Appends one term's postings: ascending `docs`, their weights in tenths, and each document's
/// ascending positions.
pub(crate) fn encode(out: &mut Vec<u8>, docs: &[u32], weights: &[u32], positions: &[Vec<u32>]) {
    let mut gaps = Vec::with_capacity(docs.len());
    let mut previous = 0;
    for (i, &doc) in docs.iter().enumerate() {
        put_varint(&mut gaps, if i == 0 { doc } else { doc - previous });
        previous = doc;
    }
    let mut weight_bytes = Vec::with_capacity(docs.len());
    for &weight in weights.iter().take(docs.len()) {
        put_varint(&mut weight_bytes, weight);
    }
    put_varint(out, docs.len() as u32);
    // One document (most terms): the column lengths are those of its single varints.
    if docs.len() != 1 {
        put_varint(out, gaps.len() as u32);
        put_varint(out, weight_bytes.len() as u32);
    }
    out.extend_from_slice(&gaps);
    out.extend_from_slice(&weight_bytes);
    for doc_positions in positions.iter().take(docs.len()) {
        put_varint(out, doc_positions.len() as u32);
    }
    for doc_positions in positions.iter().take(docs.len()) {
        let mut previous = 0;
        for (i, &pos) in doc_positions.iter().enumerate() {
            put_varint(out, if i == 0 { pos } else { pos - previous });
            previous = pos;
        }
    }
}

/// Skips `n` varints at the start of `bytes`; `None` if there are fewer. Eight bytes at a time
/// while at least eight varints remain (a varint ends at each byte below 0x80, so eight bytes
/// hold at most eight ends), then byte by byte.
#[inline]
fn skip_varints(bytes: &[u8], n: usize) -> Option<&[u8]> {
    let mut left = n;
    let mut at = 0;
    while left >= 8 {
        let Some(chunk) = bytes.get(at..at + 8) else {
            break;
        };
        let word = u64::from_le_bytes(chunk.try_into().ok()?);
        left -= 8 - (word & 0x8080_8080_8080_8080).count_ones() as usize;
        at += 8;
    }
    if left == 0 {
        return bytes.get(at..);
    }
    for (i, &b) in bytes.get(at..)?.iter().enumerate() {
        if b < 0x80 {
            left -= 1;
            if left == 0 {
                return bytes.get(at + i + 1..);
            }
        }
    }
    None
}

/// One term's postings, read in place from the index bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct PostingList<'a> {
    df: usize,
    gaps: &'a [u8],
    weights: &'a [u8],
    /// Position counts, then the positions.
    rest: &'a [u8],
}

impl<'a> PostingList<'a> {
    /// Reads the header of one term's postings (empty if the bytes are corrupt).
    pub fn new(bytes: &'a [u8]) -> PostingList<'a> {
        let parse = || {
            let (df, a) = get_varint(bytes)?;
            let (body, gap_len, weight_len) = if df == 1 {
                let body = bytes.get(a..)?;
                let (_, gap_len) = get_varint(body)?;
                let (_, weight_len) = get_varint(body.get(gap_len..)?)?;
                (body, gap_len, weight_len)
            } else {
                let (gap_len, b) = get_varint(bytes.get(a..)?)?;
                let (weight_len, c) = get_varint(bytes.get(a + b..)?)?;
                (
                    bytes.get(a + b + c..)?,
                    gap_len as usize,
                    weight_len as usize,
                )
            };
            Some(PostingList {
                df: df as usize,
                gaps: body.get(..gap_len)?,
                weights: body.get(gap_len..gap_len + weight_len)?,
                rest: body.get(gap_len + weight_len..)?,
            })
        };
        parse().unwrap_or_default()
    }

    /// Number of documents containing the term.
    pub fn len(&self) -> usize {
        self.df
    }

    /// Whether no document contains the term.
    pub fn is_empty(&self) -> bool {
        self.df == 0
    }

    /// Bytes taken by the position counts and positions (the rest are document gaps and
    /// weights, which is all scoring reads).
    pub fn position_bytes(&self) -> usize {
        self.rest.len()
    }

    /// The documents, ascending, with the field-weighted term frequency in each.
    pub fn docs(&self) -> Docs<'a> {
        Docs {
            gaps: self.gaps,
            weights: self.weights,
            doc: 0,
        }
    }

    /// The positions of the term in `doc`, if it occurs there.
    pub fn positions_in(&self, doc: u32) -> Option<Positions<'a>> {
        self.seeker().seek(doc).map(|(_, p)| p)
    }

    /// A cursor that finds the positions in ascending documents, skipping the positions of the
    /// documents in between without decoding them.
    pub fn seeker(&self) -> Seeker<'a> {
        Seeker {
            docs: self.docs(),
            counts: self.rest,
            positions: skip_varints(self.rest, self.df).unwrap_or_default(),
            pending: 0,
            current: None,
        }
    }
}

/// Cursor over a term's postings for documents asked for in ascending order (see
/// [`PostingList::seeker`]).
#[derive(Debug, Clone)]
pub struct Seeker<'a> {
    docs: Docs<'a>,
    /// Position counts of the documents not yet read.
    counts: &'a [u8],
    /// Positions from the first document passed over but not yet skipped.
    positions: &'a [u8],
    /// Number of position varints of passed-over documents still to skip.
    pending: usize,
    /// The next document (not yet asked for): id, weight, position count.
    current: Option<(u32, f32, usize)>,
}

impl<'a> Seeker<'a> {
    /// The weight and positions in `doc` if the term occurs there. Documents must be asked for in
    /// ascending order; an earlier one than the last, or the same one again, is not found.
    pub fn seek(&mut self, doc: u32) -> Option<(f32, Positions<'a>)> {
        loop {
            let (d, weight, count) = match self.current {
                Some(c) => c,
                None => {
                    let (d, weight) = self.docs.next()?;
                    let (count, a) = get_varint(self.counts)?;
                    self.counts = self.counts.get(a..)?;
                    let c = (d, weight, count as usize);
                    self.current = Some(c);
                    c
                }
            };
            if d > doc {
                return None;
            }
            self.current = None;
            if d < doc {
                // Saturating: counts come from the snapshot, which may be corrupt.
                self.pending = self.pending.saturating_add(count);
                continue;
            }
            let start = skip_varints(self.positions, self.pending)?;
            let rest = skip_varints(start, count)?;
            self.positions = rest;
            self.pending = 0;
            let bytes = &start[..start.len() - rest.len()];
            return Some((weight, Positions { bytes, pos: 0 }));
        }
    }
}

/// Iterator over a term's (document, weighted term frequency), documents ascending.
#[derive(Debug, Clone)]
pub struct Docs<'a> {
    gaps: &'a [u8],
    weights: &'a [u8],
    doc: u32,
}

impl Iterator for Docs<'_> {
    type Item = (u32, f32);

    #[inline]
    fn next(&mut self) -> Option<(u32, f32)> {
        let (gap, a) = get_varint(self.gaps)?;
        let (weight, b) = get_varint(self.weights)?;
        self.gaps = self.gaps.get(a..)?;
        self.weights = self.weights.get(b..)?;
        // The first gap is from 0: the document itself.
        self.doc = self.doc.saturating_add(gap);
        Some((self.doc, weight as f32 / WEIGHT_SCALE))
    }
}

/// Iterator over a term's positions in one document, ascending.
#[derive(Debug, Clone)]
pub struct Positions<'a> {
    bytes: &'a [u8],
    pos: u32,
}

impl Iterator for Positions<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let (gap, a) = get_varint(self.bytes)?;
        self.bytes = self.bytes.get(a..)?;
        // The first gap is from 0: the position itself.
        self.pos = self.pos.saturating_add(gap);
        Some(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every document of `list` with its weight and positions (a document whose positions are
    /// missing, in corrupt bytes, ends the list).
    fn decode(list: &PostingList) -> Vec<(u32, f32, Vec<u32>)> {
        let mut seeker = list.seeker();
        list.docs()
            .map_while(|(d, _)| seeker.seek(d).map(|(w, p)| (d, w, p.collect())))
            .collect()
    }

    #[test]
    fn round_trips() {
        let docs = [0, 3, 4, 300, 70_000];
        let weights = [10, 30, 7, 1_000, 15];
        let positions = vec![
            vec![0],
            vec![1, 5, 200],
            vec![],
            vec![128, 129],
            vec![5_000_000],
        ];
        let mut bytes = vec![0xff];
        let start = bytes.len();
        encode(&mut bytes, &docs, &weights, &positions);
        let list = PostingList::new(&bytes[start..]);
        assert_eq!(list.len(), 5);
        let decoded = decode(&list);
        let expected: Vec<(u32, f32, Vec<u32>)> = docs
            .iter()
            .zip(weights)
            .zip(positions.clone())
            .map(|((&d, w), p)| (d, w as f32 / 10.0, p))
            .collect();
        assert_eq!(decoded, expected);
        assert_eq!(list.docs().map(|(d, _)| d).collect::<Vec<_>>(), docs);
        assert_eq!(
            list.positions_in(3).map(|p| p.collect::<Vec<_>>()),
            Some(vec![1, 5, 200])
        );
        assert!(list.positions_in(5).is_none());
        // A seeker skips documents in between, and an absent document does not lose the next.
        let mut seeker = list.seeker();
        assert!(seeker.seek(1).is_none());
        let (weight, found) = seeker.seek(4).expect("document 4");
        assert_eq!((weight, found.count()), (0.7, 0));
        let (_, found) = seeker.seek(300).expect("document 300");
        assert_eq!(found.collect::<Vec<_>>(), vec![128, 129]);
        assert!(seeker.seek(3).is_none());
        assert_eq!(
            seeker.seek(70_000).map(|(_, p)| p.collect::<Vec<_>>()),
            Some(vec![5_000_000])
        );
        assert!(list.positions_in(80_000).is_none());
    }

    #[test]
    fn skipping_varints_counts_their_ends() {
        // Values of one to five bytes, so that eight-byte chunks hold varints of every length
        // and cut some of them in two.
        let values: Vec<u32> = (0..40u32)
            .map(|i| [3, 200, 70_000, 5, 20_000_000, 127, 128, u32::MAX][i as usize % 8] ^ i)
            .collect();
        let mut bytes = Vec::new();
        let mut ends = vec![0];
        for &v in &values {
            put_varint(&mut bytes, v);
            ends.push(bytes.len());
        }
        for (n, &end) in ends.iter().enumerate() {
            let rest = skip_varints(&bytes, n).map(<[u8]>::len);
            assert_eq!(rest, Some(bytes.len() - end), "skipping {n} varints");
        }
        assert_eq!(skip_varints(&bytes, values.len() + 1), None);
    }

    #[test]
    fn one_document_round_trips() {
        let mut bytes = Vec::new();
        encode(&mut bytes, &[70_000], &[300], &[vec![3, 700]]);
        let decoded = decode(&PostingList::new(&bytes));
        assert_eq!(decoded, vec![(70_000, 30.0, vec![3, 700])]);
    }

    #[test]
    fn corrupt_bytes_are_empty_not_a_panic() {
        for bytes in [
            &[][..],
            &[0x80],
            &[3, 200, 1],
            &[2, 2, 0xff, 0xff],
            &[2, 1, 1, 0, 10, 5, 5],
        ] {
            let list = PostingList::new(bytes);
            let _ = decode(&list);
        }
    }
}
