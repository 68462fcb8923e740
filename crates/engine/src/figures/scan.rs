//! Step 3 of figure extraction: scanning one block of main text for figure expressions.
//!
//! The block is cut into words with the analyzer's tokenizer, a hyphenated compound counting as
//! one word (so `Hwasong-11-Klasse`, `MiG-29` and `122-mm` are never numbers). At each word the
//! scanner tries to read `[qualifier] number [multiplier] [bis|und number [multiplier]]
//! [≤3 adjectives] [noun]` and then decides, by the rules in the module docs, whether it is a
//! figure.

use super::digits::{is_group_space, parse_digits, Decimal};
use super::lexicon;
use super::numerals::parse_number_word;
use super::Figure;
use crate::analyze::tokenize::tokenize;

/// A word: a run of letters and digits, or a whole hyphenated compound.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    hyphenated: bool,
}

/// How a number was written, which decides what must follow it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Digits; `year` when plain and 1000–2099, so possibly a year.
    Digits { year: bool },
    /// A number word (`zehn`): needs a noun or a multiplier.
    Word,
    /// An article form of `ein`: needs a multiplier.
    Article,
    /// A vague plural (`Zehntausende`): approximate by nature.
    Vague,
}

/// A number read at some word, with its multiplier.
#[derive(Debug, Clone, Copy)]
struct Number {
    kind: Kind,
    /// Its value as written, before the multiplier.
    base: f64,
    /// The exact digits, so that the multiplier keeps decimals exact.
    decimal: Option<Decimal>,
    /// The multiplier's factor, if one followed.
    multiplier: Option<f64>,
    /// Index of the last word consumed (the multiplier's, if any).
    last: usize,
    /// Byte end of the number or multiplier, including an abbreviation's full stop.
    end: usize,
}

impl Number {
    /// The value with the given multiplier (its own, or one borrowed from a range's end).
    fn value_with(&self, multiplier: f64) -> f64 {
        match self.decimal {
            Some(d) => d.times(multiplier),
            None => self.base * multiplier,
        }
    }

    fn value(&self) -> f64 {
        self.value_with(self.multiplier.unwrap_or(1.0))
    }
}

/// Finds the figures of one block of main text; `sentences` are its sentence ranges. Offsets in
/// the figures are relative to `text`.
pub(super) fn scan(text: &str, sentences: &[(usize, usize)]) -> Vec<Figure> {
    let scanner = Scanner {
        text,
        words: words(text),
        sentences,
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut last_end = 0;
    while i < scanner.words.len() {
        match scanner.figure_at(i, last_end) {
            Some((found, next)) => {
                last_end = found.end;
                out.push(found);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether digits as written could be a year: four plain digits from 1000 to 2099.
fn could_be_year(written: &str) -> bool {
    written.len() == 4
        && written.bytes().all(|b| b.is_ascii_digit())
        && ("1000"..="2099").contains(&written)
}

/// Words of `text`: hyphenated compounds whole, their parts dropped.
fn words(text: &str) -> Vec<Word> {
    let (tokens, _) = tokenize(text, 0);
    let mut out: Vec<Word> = Vec::new();
    for t in tokens {
        if out.last().is_some_and(|w| t.start < w.end) {
            continue; // a part of the compound just pushed
        }
        out.push(Word {
            start: t.start,
            end: t.end,
            hyphenated: t.whole,
        });
    }
    out
}

struct Scanner<'a> {
    text: &'a str,
    words: Vec<Word>,
    sentences: &'a [(usize, usize)],
}

impl<'a> Scanner<'a> {
    fn word(&self, i: usize) -> &'a str {
        &self.text[self.words[i].start..self.words[i].end]
    }

    /// Word `i` in lower case, if it exists and only whitespace separates it from byte `from`.
    fn next_lower(&self, from: usize, i: usize) -> Option<String> {
        let w = self.words.get(i)?;
        let gap = self.text.get(from..w.start)?;
        (!gap.is_empty() && gap.chars().all(char::is_whitespace))
            .then(|| self.word(i).to_lowercase())
    }

    /// Word `i - 1` in lower case, if it exists, starts at or after `floor`, and only whitespace
    /// separates it from word `i`.
    fn prev_lower(&self, i: usize, floor: usize) -> Option<String> {
        let p = i.checked_sub(1)?;
        (self.words[p].start >= floor)
            .then(|| self.next_lower(self.words[p].end, i))
            .flatten()
            .map(|_| self.word(p).to_lowercase())
    }

    /// Whether a sentence starts at word `i` (allowing opening quotes and brackets before it).
    fn starts_sentence(&self, i: usize) -> bool {
        let at = self.words[i].start;
        self.sentences.iter().any(|&(s, _)| {
            s <= at
                && self.text[s..at]
                    .chars()
                    .all(|c| matches!(c, '„' | '"' | '»' | '«' | '(' | '‚' | '\''))
        })
    }

    /// Whether word `i` touches a neighbour through `:`, `/` and the like (`1:0`, `24/7`).
    fn glued(&self, i: usize) -> bool {
        let glue = |gap: &str| {
            !gap.is_empty()
                && !gap.chars().any(char::is_whitespace)
                && gap.chars().any(|c| {
                    matches!(
                        c,
                        ':' | '/' | '.' | ',' | '+' | '=' | '_' | '&' | '#' | '@' | '×' | '*'
                    )
                })
        };
        let before = i
            .checked_sub(1)
            .is_some_and(|p| glue(&self.text[self.words[p].end..self.words[i].start]));
        let after = self
            .words
            .get(i + 1)
            .is_some_and(|n| glue(&self.text[self.words[i].end..n.start]));
        before || after
    }

    /// Reads a number starting at word `i`, with a multiplier if one follows.
    fn number_at(&self, i: usize) -> Option<Number> {
        let w = self.words[i];
        let s = self.word(i);
        if w.hyphenated {
            return None;
        }
        let (kind, base, decimal, mut last, mut end) =
            if s.starts_with(|c: char| c.is_ascii_digit()) {
                self.digits_at(i)?
            } else if let Some(v) = lexicon::vague_plural(s) {
                (Kind::Vague, v, None, i, w.end)
            } else if lexicon::is_article_one(s) {
                if s.starts_with(char::is_uppercase) && !self.starts_sentence(i) {
                    return None;
                }
                (Kind::Article, 1.0, None, i, w.end)
            } else if let Some(v) = parse_number_word(s) {
                // A capitalised numeral mid-sentence is a noun (`außer Acht`, `die Elf`), except the
                // optionally capitalised `Hundert`/`Tausend`.
                let noun_like = s.starts_with(char::is_uppercase)
                    && !self.starts_sentence(i)
                    && !matches!(s, "Hundert" | "Tausend");
                if noun_like {
                    return None;
                }
                (Kind::Word, v, None, i, w.end)
            } else {
                return None;
            };
        let mut multiplier = None;
        // `Hunderte Millionen`, but not `Millionen Millionen`.
        if kind != Kind::Vague || base < 1e6 {
            if let Some((factor, at, after)) = self.multiplier_after(end, last + 1) {
                (multiplier, last, end) = (Some(factor), at, after);
            }
        }
        Some(Number {
            kind,
            base,
            decimal,
            multiplier,
            last,
            end,
        })
    }

    /// A multiplier at word `i`, right after byte `from`: its factor, its word index and its
    /// byte end (after an abbreviation's full stop: `Mio.`).
    fn multiplier_after(&self, from: usize, i: usize) -> Option<(f64, usize, usize)> {
        let (factor, abbreviation) = lexicon::multiplier(&self.next_lower(from, i)?)?;
        let end = self.words[i].end;
        let dot = abbreviation && self.text[end..].starts_with('.');
        Some((factor, i, end + usize::from(dot)))
    }

    /// Reads digits at word `i`, joining `11 000`-style groups; rejects ordinals and glued
    /// numbers. Returns kind, value, exact digits, last word index and byte end.
    fn digits_at(&self, i: usize) -> Option<(Kind, f64, Option<Decimal>, usize, usize)> {
        let s = self.word(i);
        if self.glued(i) {
            return None;
        }
        let plain = s.bytes().all(|b| b.is_ascii_digit());
        let mut last = i;
        // `11 000`: a group of one to three digits, then groups of exactly three, each after a
        // single (no-break) space.
        if plain && s.len() <= 3 {
            while let Some(next) = self.words.get(last + 1) {
                let gap = &self.text[self.words[last].end..next.start];
                let group = self.word(last + 1);
                let three = group
                    .split(',')
                    .next()
                    .is_some_and(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
                if gap.chars().count() == 1 && gap.chars().all(is_group_space) && three {
                    last += 1;
                    if group.contains(',') {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        let end = self.words[last].end;
        let joined = last > i;
        // An integer followed by a full stop and more text is an ordinal or a day (`25. Juli`,
        // `70. Jahrestag`), as the sentence splitter also assumes.
        if plain && !joined && self.ordinal_dot(end, last) {
            return None;
        }
        let decimal = parse_digits(&self.text[self.words[i].start..end])?;
        let value = decimal.times(1.0);
        let year = !joined && could_be_year(s);
        Some((Kind::Digits { year }, value, Some(decimal), last, end))
    }

    /// Whether the integer ending at `end` (word `last`) is followed by `.`, whitespace and a word.
    fn ordinal_dot(&self, end: usize, last: usize) -> bool {
        let rest = &self.text[end..];
        rest.starts_with('.')
            && rest[1..].starts_with(char::is_whitespace)
            && self.words.get(last + 1).is_some()
    }

    /// The qualifier before word `first` (not reaching back before `floor`): its written form,
    /// lower-cased, its start, and whether it makes the figure approximate.
    fn qualifier_before(&self, first: usize, floor: usize) -> Option<(String, usize, bool)> {
        let p = first.checked_sub(1)?;
        if self.words[p].start < floor {
            return None;
        }
        let gap = &self.text[self.words[p].end..self.words[first].start];
        let word = self.word(p).to_lowercase();
        // `ca. 5.000`: the abbreviation's full stop sits in the gap.
        if word == "ca" && gap.starts_with('.') && gap[1..].chars().all(char::is_whitespace) {
            return Some(("ca.".to_string(), self.words[p].start, true));
        }
        if !gap.chars().all(char::is_whitespace) {
            return None;
        }
        if let Some(pp) = p.checked_sub(1) {
            if let Some(first_word) = self.prev_lower(p, floor) {
                let two = format!("{first_word} {word}");
                if let Some(approx) = lexicon::qualifier(&two) {
                    let start = self.words[pp].start;
                    let written = self.text[start..self.words[p].end].to_lowercase();
                    return Some((written, start, approx));
                }
            }
        }
        lexicon::qualifier(&word).map(|approx| (word, self.words[p].start, approx))
    }

    /// The counted noun after byte `from` (word `i` onwards): the next capitalised word, after at
    /// most three adjective-like lower-case words (and one `von` after a vague plural).
    fn noun_after(&self, from: usize, i: usize, allow_von: bool) -> Option<(usize, usize)> {
        let rest = &self.text[from..];
        let trimmed = rest.trim_start_matches(is_group_space);
        if trimmed.starts_with('%') {
            let at = from + (rest.len() - trimmed.len());
            return Some((at, at + 1));
        }
        let mut from = from;
        let mut adjectives = 0;
        let mut von = allow_von;
        for k in i..self.words.len() {
            let lower = self.next_lower(from, k)?;
            let word = self.word(k);
            if word.starts_with(char::is_uppercase) {
                let w = self.words[k];
                return Some((w.start, w.end));
            }
            if von && lower == "von" && adjectives == 0 {
                von = false;
            } else if adjectives < 3 && lexicon::is_adjective_like(word) {
                adjectives += 1;
            } else {
                return None;
            }
            from = self.words[k].end;
        }
        None
    }

    /// Tries to read a figure whose number starts at word `i`; returns it and the next word index.
    fn figure_at(&self, i: usize, floor: usize) -> Option<(Figure, usize)> {
        let (first, second) = match self.digit_range_at(i) {
            Some(pair) => pair,
            None => {
                let first = self.number_at(i)?;
                (first, self.range_end(&first, i, floor))
            }
        };
        let zwischen =
            second.is_some() && self.prev_lower(i, floor).is_some_and(|w| w == "zwischen");
        let expr_first = if zwischen { i - 1 } else { i };
        let last_number = second.unwrap_or(first);
        let noun = self.noun_after(
            last_number.end,
            last_number.last + 1,
            first.kind == Kind::Vague,
        );
        let noun_text = noun.map(|(s, e)| &self.text[s..e]);
        let qualifier = if zwischen {
            None
        } else {
            self.qualifier_before(expr_first, floor)
        };
        let multiplied =
            first.multiplier.is_some() || second.is_some_and(|s| s.multiplier.is_some());

        // Times of day and repetitions (`zwei Mal`) are not quantities.
        if matches!(noun_text, Some("Uhr" | "Mal")) {
            return None;
        }
        let accepted = match first.kind {
            Kind::Article => multiplied,
            Kind::Word => multiplied || noun.is_some() || self.counted_by_zahl(expr_first),
            Kind::Vague => true,
            Kind::Digits { year } => {
                let before = self.prev_lower(expr_first, 0);
                let before_is = |test: fn(&str) -> bool| before.as_deref().is_some_and(test);
                let year_like = year
                    && first.multiplier.is_none()
                    && second.is_none_or(|s| matches!(s.kind, Kind::Digits { year: true }));
                let counted =
                    noun.is_some() || qualifier.is_some() || before_is(lexicon::is_count_context);
                if year_like {
                    counted && !before_is(lexicon::is_time_word)
                } else {
                    counted || multiplied || second.is_some() || !self.label_number(expr_first)
                }
            }
        };
        if !accepted {
            return None;
        }

        let value_max = second.map(|s| s.value());
        // `zwischen zwei und vier Millionen`: the lower end borrows the upper end's multiplier.
        let value = match (first.multiplier, second) {
            (None, Some(s)) if s.multiplier.is_some() && first.base <= s.base => {
                first.value_with(s.multiplier.unwrap_or(1.0))
            }
            _ => first.value(),
        };
        let start = match &qualifier {
            Some((_, start, _)) => *start,
            None => self.words[expr_first].start,
        };
        let end = noun.map_or(last_number.end, |(_, e)| e);
        let next = self.words.partition_point(|w| w.start < end);
        // The sentences holding the first and last byte: one, unless the splitter cut inside the
        // expression (it takes `ca.` for a sentence end).
        let sentence_of = |at: usize| self.sentences.iter().find(|&&(s, e)| s <= at && at < e);
        let sentence_start = sentence_of(start).map_or(0, |s| s.0);
        let sentence_end = sentence_of(end - 1).map_or(self.text.len(), |s| s.1);
        Some((
            Figure {
                value,
                value_max,
                approx: first.kind == Kind::Vague || qualifier.as_ref().is_some_and(|q| q.2),
                qualifier: qualifier.map(|q| q.0),
                noun: noun_text.map(str::to_string),
                start,
                end,
                sentence_start,
                sentence_end,
            },
            next,
        ))
    }

    /// `10.000-12.000` written as one hyphenated word: both ends, with a multiplier after it.
    fn digit_range_at(&self, i: usize) -> Option<(Number, Option<Number>)> {
        let w = self.words[i];
        if !w.hyphenated {
            return None;
        }
        let (a, b) = self.word(i).split_once(['-', '\u{2011}'])?;
        let (da, db) = (parse_digits(a)?, parse_digits(b)?);
        let mut second = Number {
            kind: Kind::Digits { year: false },
            base: db.times(1.0),
            decimal: Some(db),
            multiplier: None,
            last: i,
            end: w.end,
        };
        if let Some((factor, at, after)) = self.multiplier_after(w.end, i + 1) {
            (second.multiplier, second.last, second.end) = (Some(factor), at, after);
        }
        let years = could_be_year(a) && could_be_year(b);
        let first = Number {
            kind: Kind::Digits { year: years },
            base: da.times(1.0),
            decimal: Some(da),
            multiplier: None,
            last: i,
            end: w.end,
        };
        second.kind = Kind::Digits { year: years };
        Some((first, Some(second)))
    }

    /// The upper end of a range after `first` (read at word `i`): `bis Y`, `und Y` after
    /// `zwischen`, or `–Y` between digits.
    fn range_end(&self, first: &Number, i: usize, floor: usize) -> Option<Number> {
        if first.kind == Kind::Vague {
            return None;
        }
        let next = first.last + 1;
        let connector = self.words.get(next)?;
        let gap = &self.text[first.end..connector.start];
        let dash = gap.trim().chars().count() == 1
            && gap.trim().starts_with(['–', '-'])
            && matches!(first.kind, Kind::Digits { .. });
        let at = if dash {
            next
        } else {
            let word = self.next_lower(first.end, next)?;
            let zwischen = self.prev_lower(i, floor).is_some_and(|w| w == "zwischen");
            let bis =
                word == "bis" && self.next_lower(connector.end, next + 1).as_deref() != Some("zu");
            if !(bis || (zwischen && word == "und")) {
                return None;
            }
            next + 1
        };
        self.words.get(at)?;
        let second = self.number_at(at)?;
        let fits = match (first.kind, second.kind) {
            (Kind::Digits { .. }, Kind::Digits { .. }) => true,
            (_, Kind::Digits { .. } | Kind::Word) => !dash,
            _ => false,
        };
        fits.then_some(second)
    }

    /// Whether the number word at word `i` states a count named earlier in its sentence:
    /// `Die Zahl der Toten stieg auf fünf`, `gab die Zahl der Verletzten mit zwölf an`.
    fn counted_by_zahl(&self, i: usize) -> bool {
        let after_preposition = self
            .prev_lower(i, 0)
            .is_some_and(|w| matches!(w.as_str(), "auf" | "mit" | "bei"));
        let at = self.words[i].start;
        let Some(&(s, _)) = self.sentences.iter().find(|&&(s, e)| s <= at && at < e) else {
            return false;
        };
        let before = self.text[s..at].to_lowercase();
        after_preposition
            && ["zahl der ", "zahl des ", "zahl von "]
                .iter()
                .any(|z| before.contains(z))
    }

    /// Whether the number at word `i` is a label after a noun (`Artikel 5`, `Resolution 2397`):
    /// a capitalised word right before it that does not start the sentence.
    fn label_number(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let gap = &self.text[self.words[p].end..self.words[i].start];
        let gap_ok = gap.trim_start_matches('.').chars().all(char::is_whitespace);
        gap_ok && self.word(p).starts_with(char::is_uppercase) && !self.starts_sentence(p)
    }
}
