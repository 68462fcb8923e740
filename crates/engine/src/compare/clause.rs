//! Clauses of a sentence, so that a figure is read together with the words of its own clause:
//! its source (`…, das Aktionsbündnis sprach von 350.000`) and what it counts (`…, kamen dabei
//! 19 Menschen ums Leben`).
//!
//! A sentence is cut at `,`, `;`, `:` and spaced dashes, and before `und`/`aber`/`doch`/
//! `sondern` when what follows opens a clause of its own (the `opens_clause` test given to [`clauses`]); never inside
//! quotes or brackets, so a quoted name (`„Offene Republik“`) stays whole. A relative clause
//! (`…, das zu dem Protest aufgerufen hatte, …`) is a clause of its own, and the main clause it
//! interrupts continues after it. Rule-based and shallow: it knows function words, not grammar.

/// What kind of clause a piece of a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A main clause, or a piece without a conjunction.
    Main,
    /// A relative clause (`das zu dem Protest aufgerufen hatte`).
    Relative,
    /// A clause opened by a subordinating conjunction: `dass`, `wie`, `weil`, `nachdem`…
    Subordinate(&'static str),
}

/// One clause: its byte ranges in the sentence (more than one when a relative clause
/// interrupts it) and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Byte ranges in the sentence, in order, trimmed.
    pub pieces: Vec<(usize, usize)>,
    /// Main, relative or subordinate.
    pub kind: Kind,
}

impl Clause {
    /// Whether byte `at` of the sentence lies in this clause.
    pub fn contains(&self, at: usize) -> bool {
        self.pieces.iter().any(|&(s, e)| s <= at && at < e)
    }

    /// The words of this clause (see [`Token`]).
    pub fn tokens<'a>(&self, sentence: &'a str) -> Vec<Token<'a>> {
        self.pieces
            .iter()
            .flat_map(|&(s, e)| tokens(sentence, s, e))
            .collect()
    }
}

/// A word of a clause: a run of letters, digits and inner `-`, `.`, `,` (`11.000`, `9,70`,
/// `US-Dollar`), or a whole quoted name or bracket (`„Offene Republik“`, `(GDV)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written (a quote or bracket with its marks).
    pub text: &'a str,
    /// Byte offset in the sentence.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

impl Token<'_> {
    /// Whether the token is a quoted name or a bracket.
    pub fn is_enclosed(&self) -> bool {
        self.text.starts_with(is_opening)
    }

    /// Whether the token starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }

    /// Whether the token is written with digits (`11.000`, `9,70`).
    pub fn is_number(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_digit())
    }

    /// The token in lower case.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '„' | '»' | '«' | '"' | '“' | '(' | '[' | '‚')
}

/// The closing mark for an opening one (`„` → `“`), `None` for the ambiguous ones.
fn closing(open: char) -> char {
    match open {
        '„' => '“',
        '»' => '«',
        '«' => '»',
        '“' => '”',
        '(' => ')',
        '[' => ']',
        '‚' => '‘',
        _ => '"',
    }
}

/// Tokens of `sentence[from..to]`.
pub fn tokens(sentence: &str, from: usize, to: usize) -> Vec<Token<'_>> {
    let Some(text) = sentence.get(from..to) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if is_opening(c) {
            let close = closing(c);
            // A German `“` closes and `”` also closes an English `“`.
            let end = chars[i + 1..]
                .iter()
                .find(|&&(_, d)| d == close || (c == '„' && d == '”'))
                .map(|&(b, d)| b + d.len_utf8());
            if let Some(end) = end {
                out.push(Token {
                    text: &text[at..end],
                    start: from + at,
                    end: from + end,
                });
                i = chars.partition_point(|&(b, _)| b < end);
                continue;
            }
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let inner = matches!(d, '-' | '.' | ',' | '\'' | '’' | '/')
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
                    // `11.000`, `9,70` join across `.` and `,`; words only across `-`, `'`.
                    && (matches!(d, '-' | '\'' | '’') || chars[j - 1].1.is_ascii_digit());
                if d.is_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            out.push(Token {
                text: &text[at..end],
                start: from + at,
                end: from + end,
            });
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// Conjunctions that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "dass", "wie", "weil", "nachdem", "obwohl", "als", "während", "wenn", "ob", "damit", "sodass",
    "bevor", "seit", "seitdem", "falls", "sofern", "indem",
];
/// Relative pronouns that may stand first in a relative clause.
const RELATIVE: &[&str] = &[
    "der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher", "welches",
    "welchem", "welchen",
];
/// Pronouns that open a relative clause whatever follows.
const ALWAYS_RELATIVE: &[&str] = &["denen", "deren", "dessen"];
/// Prepositions that may stand before a relative pronoun (`zu der`, `bei denen`).
const PREPOSITIONS: &[&str] = &[
    "zu", "an", "in", "bei", "mit", "von", "auf", "für", "über", "unter", "nach", "aus", "durch",
    "gegen", "um", "vor", "hinter", "neben", "zwischen", "seit", "trotz", "wegen",
];
/// Coordinating words before which a new clause may start.
const COORDINATORS: &[&str] = &["und", "aber", "doch", "sondern", "sowie"];

/// The clauses of `sentence`, in order. `opens_clause` tells, for the text after a coordinating
/// word (`und`…) up to the next mark, whether it starts a clause of its own.
pub fn clauses(sentence: &str, opens_clause: impl Fn(&str) -> bool) -> Vec<Clause> {
    let segments = segments(sentence, &opens_clause);
    let mut out: Vec<Clause> = Vec::new();
    // The main clause a relative clause interrupted, which the next segment may continue.
    let mut interrupted: Option<usize> = None;
    for (k, &(s, e)) in segments.iter().enumerate() {
        let words = tokens(sentence, s, e);
        let first = words.first().map(Token::lower).unwrap_or_default();
        if k > 0 && is_relative(&words) {
            if interrupted.is_none() {
                interrupted = out.len().checked_sub(1);
            }
            out.push(Clause {
                pieces: vec![(s, e)],
                kind: Kind::Relative,
            });
            continue;
        }
        let continues = words.first().is_some_and(|w| {
            !w.is_capitalised()
                && !w.is_enclosed()
                && !RELATIVE.contains(&first.as_str())
                && !SUBORDINATORS.contains(&first.as_str())
        });
        if let Some(at) = interrupted.take() {
            if continues && out[at].kind == Kind::Main {
                out[at].pieces.push((s, e));
                continue;
            }
        }
        let kind = SUBORDINATORS
            .iter()
            .find(|w| **w == first)
            .map_or(Kind::Main, |w| Kind::Subordinate(w));
        out.push(Clause {
            pieces: vec![(s, e)],
            kind,
        });
    }
    out
}

/// Whether a segment's words make a relative clause: (preposition) relative pronoun, then not a
/// noun phrase (`das zu dem Protest aufgerufen hatte`, not `das bayerische Innenministerium …`),
/// ending in a lower-case verb.
fn is_relative(words: &[Token]) -> bool {
    let lower: Vec<String> = words.iter().take(3).map(Token::lower).collect();
    let at = usize::from(
        lower
            .first()
            .is_some_and(|w| PREPOSITIONS.contains(&w.as_str())),
    );
    let Some(pronoun) = lower.get(at) else {
        return false;
    };
    if !RELATIVE.contains(&pronoun.as_str()) || words.len() < at + 3 {
        return false;
    }
    if ALWAYS_RELATIVE.contains(&pronoun.as_str()) {
        return true;
    }
    let next = &words[at + 1];
    let after = words.get(at + 2);
    // An article before a noun or an adjective and a noun is a noun phrase.
    let noun_phrase = next.is_capitalised()
        || next.is_enclosed()
        || (crate::figures::lexicon::is_adjective_like(next.text)
            && after.is_some_and(|w| w.is_capitalised()));
    let verb_last = words
        .last()
        .is_some_and(|w| !w.is_capitalised() && !w.is_enclosed() && !w.is_number());
    !noun_phrase && verb_last
}

/// The sentence cut at marks (outside quotes and brackets) and before coordinators that open a
/// clause; trimmed, empty pieces dropped.
fn segments(sentence: &str, opens_clause: &impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (end of piece, start of next)
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut depth = 0usize;
    let mut straight = false;
    for (i, &(at, c)) in chars.iter().enumerate() {
        match c {
            '„' | '»' | '(' | '[' => depth += 1,
            '“' | '”' | '«' | ')' | ']' if depth > 0 => depth -= 1,
            '“' => depth += 1,
            '"' => straight = !straight,
            _ => {}
        }
        if depth > 0 || straight {
            continue;
        }
        let spaced = |j: usize| chars.get(j).is_some_and(|&(_, d)| d.is_whitespace());
        let digit = |j: usize| chars.get(j).is_some_and(|&(_, d)| d.is_ascii_digit());
        // `9,70` and `1:0` are numbers, not marks.
        let in_number = i > 0 && digit(i - 1) && digit(i + 1);
        let mark = (matches!(c, ',' | ';' | ':') && !in_number)
            || (matches!(c, '–' | '—' | '-') && i > 0 && spaced(i - 1) && spaced(i + 1));
        if mark {
            cuts.push((at, at + c.len_utf8()));
        }
    }
    // Coordinators that open a clause, outside quotes: checked on word boundaries.
    for (at, _) in sentence.match_indices(' ') {
        let rest = &sentence[at + 1..];
        let Some(word) = COORDINATORS
            .iter()
            .find(|w| rest.starts_with(**w) && rest[w.len()..].starts_with(char::is_whitespace))
        else {
            continue;
        };
        if inside_quotes(sentence, at) {
            continue;
        }
        let after = at + 1 + word.len();
        let until = cuts
            .iter()
            .map(|&(e, _)| e)
            .filter(|&e| e > after)
            .min()
            .unwrap_or(sentence.len());
        if opens_clause(sentence[after..until].trim()) {
            cuts.push((at, at + 1 + word.len()));
        }
    }
    crate::order::sort_by(&mut cuts, Ord::cmp);
    let mut out = Vec::new();
    let mut start = 0;
    for (end, next) in cuts {
        if end >= start {
            push_trimmed(sentence, start, end, &mut out);
            start = next;
        }
    }
    push_trimmed(sentence, start, sentence.len(), &mut out);
    out
}

/// Whether byte `at` lies inside quotes or brackets.
fn inside_quotes(sentence: &str, at: usize) -> bool {
    let mut depth = 0usize;
    let mut straight = false;
    for c in sentence[..at].chars() {
        match c {
            '„' | '»' | '(' | '[' => depth += 1,
            '“' | '”' | '«' | ')' | ']' if depth > 0 => depth -= 1,
            '“' => depth += 1,
            '"' => straight = !straight,
            _ => {}
        }
    }
    depth > 0 || straight
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let trimmed = slice.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?'));
    if trimmed.is_empty() {
        return;
    }
    let lead = slice.len() - slice.trim_start().len();
    out.push((start + lead, start + lead + trimmed.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sentence: &str) -> Vec<(String, Kind)> {
        clauses(sentence, |rest| rest.contains("sprach"))
            .into_iter()
            .map(|c| {
                let parts: Vec<&str> = c.pieces.iter().map(|&(s, e)| &sentence[s..e]).collect();
                (parts.join(" | "), c.kind)
            })
            .collect()
    }

    #[test]
    fn table() {
        use Kind::*;
        let cases: &[(&str, &[(&str, Kind)])] = &[
            (
                "Rund 2.000 Menschen kamen laut Polizei, die Veranstalter sprachen von 5.000.",
                &[
                    ("Rund 2.000 Menschen kamen laut Polizei", Main),
                    ("die Veranstalter sprachen von 5.000", Main),
                ],
            ),
            (
                "Die Polizei sprach von 900 Fans, der Verein „Blau-Weiß Nord“, der zum Marsch aufgerufen hatte, von 1.500.",
                &[
                    ("Die Polizei sprach von 900 Fans", Main),
                    ("der Verein „Blau-Weiß Nord“ | von 1.500", Main),
                    ("der zum Marsch aufgerufen hatte", Relative),
                ],
            ),
            (
                "Das bayerische Umweltamt, das die Pegel misst, meldete 4,2 Meter.",
                &[
                    ("Das bayerische Umweltamt | meldete 4,2 Meter", Main),
                    ("das die Pegel misst", Relative),
                ],
            ),
            (
                "Zwölf Menschen wurden verletzt, wie die Feuerwehr mitteilte.",
                &[
                    ("Zwölf Menschen wurden verletzt", Main),
                    ("wie die Feuerwehr mitteilte", Subordinate("wie")),
                ],
            ),
            (
                "Die Polizei zählte 800 Teilnehmer und die Organisatoren sprachen von 2.000.",
                &[
                    ("Die Polizei zählte 800 Teilnehmer", Main),
                    ("die Organisatoren sprachen von 2.000", Main),
                ],
            ),
            (
                "Gut 300 Helferinnen und Helfer waren im Einsatz – mehr als im Vorjahr.",
                &[
                    ("Gut 300 Helferinnen und Helfer waren im Einsatz", Main),
                    ("mehr als im Vorjahr", Main),
                ],
            ),
            (
                "Sie riefen „Nie wieder, nirgends!“ und zogen weiter.",
                &[("Sie riefen „Nie wieder, nirgends!“ und zogen weiter", Main)],
            ),
        ];
        for (sentence, expected) in cases {
            let got = texts(sentence);
            let want: Vec<(String, Kind)> =
                expected.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            assert_eq!(got, want, "{sentence}");
        }
    }

    #[test]
    fn tokens_keep_numbers_names_and_brackets_whole() {
        let s = "Der Verband (GDV) schätzt 9,70 Meter und 11.000 Euro „pro Jahr“.";
        let words: Vec<&str> = tokens(s, 0, s.len()).iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "Der",
                "Verband",
                "(GDV)",
                "schätzt",
                "9,70",
                "Meter",
                "und",
                "11.000",
                "Euro",
                "„pro Jahr“"
            ]
        );
    }
}
