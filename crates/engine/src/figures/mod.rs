//! Figures: the quantities an article reports ("11.000 Soldaten", "bis zu 5,5 Milliarden
//! US-Dollar"), so readers can see which outlet says 11 000 and which 15 000.
//!
//! Only main text is read ([`Document::main_blocks`]); boilerplate never yields figures. The
//! pipeline per block: [`digits`] and [`numerals`] read numbers, `lexicon` knows the words
//! around them, `scan` puts `[qualifier] number [multiplier] [range] [adjectives] [noun]`
//! together and decides.
//!
//! # What counts
//! - Digits: `11.000`, `1.000.000`, `11 000` (space or no-break space), `1,4`, `40`, `3000`,
//!   followed by `%` or a multiplier (`Tausend`, `Million(en)`, `Mio.`, `Milliarde(n)`, `Mrd.`,
//!   `Billion(en)`, `Dutzend`) or neither. A digit number needs no noun, except as below.
//! - Number words (`zwei`, `zehn`, `zwölftausend`, `dreihundertfünfzig`, `zweieinhalb`) only
//!   when a counted noun or a multiplier follows, or after `auf`/`mit`/`bei` in a sentence that
//!   names the count before (`Die Zahl der Toten ist auf fünf gestiegen`); `ein`/`eine`/
//!   `einen`… only before a multiplier (`eine Milliarde`). A capitalised numeral mid-sentence is a noun (`außer Acht`).
//! - Vague plurals: `Dutzende` (12), `Hunderte` (100), `Tausende`, `Zehntausende`,
//!   `Hunderttausende`, `Zigtausende`, and bare `Millionen`/`Milliarden`: the value is the
//!   magnitude and `approx` is set.
//! - Ranges: `10.000 bis 12.000`, `10.000–12.000`, `zwischen zwei und vier Millionen`; the lower
//!   end borrows the upper end's multiplier when it has none and is not larger than the upper
//!   end's number. A range carries no qualifier; `zwischen` is part of its expression.
//! - Qualifiers before the number (see `lexicon`): `approx` is set by the hedges and bounds
//!   `rund, etwa, ca., circa, zirka, ungefähr, annähernd, knapp, fast, nahezu, beinahe, gut,
//!   über, mehr als, weniger als, mindestens, höchstens, bis zu, maximal, mehrere, einige,
//!   ein paar`, not by `weitere(n)`, which is recorded but states an increment.
//! - The counted noun: the next capitalised word (a hyphenated compound whole: `US-Dollar`),
//!   after at most three lower-case adjective-like words (`1,4 Millionen junge Menschen`), with
//!   only whitespace in between; a vague plural may also skip `von` (`Hunderte von Soldaten`).
//!
//! # What does not count
//! - Years: a plain 4-digit number from 1000 to 2099 is a year when the word before it is a
//!   time word (`im`, `seit`, `bis`, `ab`, `Jahr(e/en)`, seasons, `Anfang`/`Mitte`/`Ende`, month
//!   names), and otherwise unless a counted noun, a qualifier or a counting word (`die ersten
//!   2000`, `weitere`, `übrigen`…) comes with it. Year ranges (`zwischen 1950 und 1953`) follow
//!   the same rule.
//! - Ordinals and day dates: an integer followed by a full stop and more text (`25. Juli`,
//!   `70. Jahrestag`) — the sentence splitter makes the same assumption.
//! - Numbers inside words: `1950er`, `122-mm-`, `Hwasong-11-Klasse`, `MiG-29`, `1:0`, `24/7`.
//! - Labels: a digit number right after a capitalised word that does not start the sentence,
//!   with no noun, multiplier or qualifier (`Artikel 5`, `Resolution 2397`).
//! - Times of day and repetitions: anything whose noun is `Uhr` or `Mal` (`zwei Mal`).
//!
//! # Known limits
//! - No reading of context: `die ersten 2000` has no noun even when the sentence before says
//!   soldiers.
//! - A year-like number before a participle and a noun is taken for a count (`die 2014
//!   annektierte Krim` → 2014 Krim); `seit 1500 Jahren` is taken for a year; an integer ending
//!   a sentence right before the next one (`Es waren 40. Dann…`) is taken for an ordinal.
//! - The noun is simply the next capitalised word within reach, so a number without a noun of
//!   its own may borrow a following subject (`40 Nordkorea …` would read as 40 Nordkorea).
//! - Not read: fractions (`die Hälfte`, `ein Drittel`), `ein paar` without a multiplier,
//!   currency symbols (`$5`, `5 €`), negative numbers, number words of a million or more in
//!   one word, numbers spelled across a line break, and figures split over two blocks.

pub mod digits;
pub(crate) mod lexicon;
pub mod numerals;
mod scan;

use crate::analyze::sentence::sentences;
use crate::document::Document;
use serde::Serialize;

/// A quantity reported in an article.
#[derive(Debug, Clone, PartialEq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Figure {
    /// The value, multiplier applied: 11000.0, 1_400_000.0, 5_500_000_000.0 (a range's lower end).
    pub value: f64,
    /// The upper end of a range (`10.000 bis 12.000`, `zwischen zwei und vier Millionen`).
    pub value_max: Option<f64>,
    /// Whether the figure is a hedge, a bound or a vague plural (see the module docs).
    pub approx: bool,
    /// The qualifier as written, lower-cased: `rund`, `mindestens`, `mehr als`, `bis zu`, `ca.`.
    pub qualifier: Option<String>,
    /// The counted noun as written: `Soldaten`, `US-Dollar`, `Prozent`, `%`.
    pub noun: Option<String>,
    /// Byte offset in the document text where the expression starts (at its qualifier).
    pub start: usize,
    /// Byte offset one past the expression's end (after its noun, if any).
    pub end: usize,
    /// Byte offset where the figure's sentence starts.
    pub sentence_start: usize,
    /// Byte offset one past the figure's sentence.
    pub sentence_end: usize,
}

/// Every figure in the document's main text, in text order.
pub fn extract(doc: &Document) -> Vec<Figure> {
    doc.main_blocks()
        .flat_map(|block| {
            let offset = block.start as usize;
            extract_text(doc.block_text(block))
                .into_iter()
                .map(move |f| Figure {
                    start: f.start + offset,
                    end: f.end + offset,
                    sentence_start: f.sentence_start + offset,
                    sentence_end: f.sentence_end + offset,
                    ..f
                })
        })
        .collect()
}

/// Every figure in one piece of main text (a paragraph), with offsets into it; for callers that
/// have text but no [`Document`].
pub fn extract_text(text: &str) -> Vec<Figure> {
    scan::scan(text, &sentences(text))
}

#[cfg(all(test, feature = "ingest"))]
mod tests;
