//! The query language: words are ANDed, `"exact phrase"`, `-word` and `-"phrase"` exclude,
//! `OR` between terms, and the last word matches as a prefix while typing.
//!
//! Every string is a valid query: unbalanced quotes run to the end, lone operators are ignored,
//! symbols and emoji without letters or digits are dropped, and input is capped in length.

/// Longest query parsed, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most clauses (AND-ed groups) considered.
pub const MAX_CLAUSES: usize = 16;

/// A word or a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// A single word as typed (may contain hyphens: `US-Dollar`).
    Word(String),
    /// Words that must occur in this order, next to each other.
    Phrase(String),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// AND-ed clauses; each clause is an OR of atoms.
    pub clauses: Vec<Vec<Atom>>,
    /// Atoms that must not occur.
    pub excluded: Vec<Atom>,
    /// Whether the last atom of the last clause is a word still being typed (match as prefix).
    pub prefix_last: bool,
}

impl Query {
    /// True when the query asks for nothing (no clause and no exclusion).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.excluded.is_empty()
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”' | '«' | '»')
}

fn has_word_char(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Lexical pieces of a query.
#[derive(Debug, PartialEq)]
enum Piece {
    Atom { atom: Atom, negated: bool },
    Or,
}

/// Parses any string into a [`Query`]. `typing` marks live search: the last word, if the input
/// does not end in a space or quote, becomes a prefix.
pub fn parse(input: &str, typing: bool) -> Query {
    let input: String = input
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let chars: Vec<char> = input.chars().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let negated = c == '-' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
        if negated {
            i += 1;
        }
        if chars.get(i).copied().is_some_and(is_quote) {
            let start = i + 1;
            let mut end = start;
            while end < chars.len() && !is_quote(chars[end]) {
                end += 1;
            }
            let text: String = chars[start..end].iter().collect();
            i = end + 1;
            if has_word_char(&text) {
                pieces.push(Piece::Atom {
                    atom: Atom::Phrase(text.trim().to_string()),
                    negated,
                });
            }
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !is_quote(chars[i]) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        if word == "OR" && !negated {
            pieces.push(Piece::Or);
        } else if has_word_char(&word) {
            let word = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            pieces.push(Piece::Atom {
                atom: Atom::Word(word),
                negated,
            });
        }
    }

    let mut query = Query::default();
    let mut pending_or = false;
    for piece in pieces {
        match piece {
            Piece::Or => pending_or = !query.clauses.is_empty(),
            Piece::Atom {
                atom,
                negated: true,
            } => {
                query.excluded.push(atom);
                pending_or = false;
            }
            Piece::Atom { atom, .. } => {
                let full = query.clauses.len() >= MAX_CLAUSES;
                match query.clauses.last_mut() {
                    Some(clause) if pending_or => clause.push(atom),
                    _ if full => {}
                    _ => query.clauses.push(vec![atom]),
                }
                pending_or = false;
            }
        }
    }
    let ends_open = input
        .chars()
        .last()
        .is_some_and(|c| !c.is_whitespace() && !is_quote(c));
    query.prefix_last = typing
        && ends_open
        && matches!(
            query.clauses.last().and_then(|c| c.last()),
            Some(Atom::Word(_))
        )
        && !input
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with('-'));
    drop_unfinished_letter(&mut query);
    query
}

/// While typing, a last word of a single character (`Nordkorea v`) is the start of a word the
/// reader has not written yet: it is left out until it has two, so the list does not flash
/// empty at every new word. Alone, it is searched as it is.
fn drop_unfinished_letter(query: &mut Query) {
    let atoms: usize = query.clauses.iter().map(Vec::len).sum();
    let Some(clause) = query.clauses.last_mut() else {
        return;
    };
    let single_letter = matches!(clause.last(), Some(Atom::Word(w)) if w.chars().count() < 2);
    if query.prefix_last && single_letter && atoms > 1 {
        clause.pop();
        if clause.is_empty() {
            query.clauses.pop();
        }
        query.prefix_last = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Atom {
        Atom::Word(s.into())
    }
    fn p(s: &str) -> Atom {
        Atom::Phrase(s.into())
    }

    #[test]
    fn table() {
        let cases: Vec<(&str, Vec<Vec<Atom>>, Vec<Atom>)> = vec![
            ("Kursk -Minen", vec![vec![w("Kursk")]], vec![w("Minen")]),
            ("\"Wonsan Kalma\"", vec![vec![p("Wonsan Kalma")]], vec![]),
            (
                "„Wonsan Kalma“ Lawrow",
                vec![vec![p("Wonsan Kalma")], vec![w("Lawrow")]],
                vec![],
            ),
            (
                "Schoigu OR Lawrow Kim",
                vec![vec![w("Schoigu"), w("Lawrow")], vec![w("Kim")]],
                vec![],
            ),
            (
                "-\"Kim Jong Un\" Putin",
                vec![vec![w("Putin")]],
                vec![p("Kim Jong Un")],
            ),
            ("US-Dollar", vec![vec![w("US-Dollar")]], vec![]),
            // Broken input is still a query.
            ("\"Wonsan Kal", vec![vec![p("Wonsan Kal")]], vec![]),
            ("OR", vec![], vec![]),
            ("OR Kim OR", vec![vec![w("Kim")]], vec![]),
            ("- -- \"\"", vec![], vec![]),
            ("🙂 Kim 🙂", vec![vec![w("Kim")]], vec![]),
            (
                "Kim\u{0}Putin",
                vec![vec![w("Kim")], vec![w("Putin")]],
                vec![],
            ),
            ("(Kim)", vec![vec![w("Kim")]], vec![]),
            ("كيم", vec![vec![w("كيم")]], vec![]),
            ("", vec![], vec![]),
        ];
        for (input, clauses, excluded) in cases {
            let q = parse(input, false);
            assert_eq!(q.clauses, clauses, "{input:?}");
            assert_eq!(q.excluded, excluded, "{input:?}");
        }
    }

    #[test]
    fn prefix_only_for_an_open_last_word_while_typing() {
        assert!(parse("Kanonenfut", true).prefix_last);
        assert!(!parse("Kanonenfut", false).prefix_last);
        assert!(!parse("Kanonenfut ", true).prefix_last);
        assert!(!parse("\"Wonsan Kalma\"", true).prefix_last);
        assert!(!parse("Kursk -Min", true).prefix_last);
    }

    #[test]
    fn a_single_letter_being_typed_waits_for_the_next() {
        #[rustfmt::skip]
        let cases: &[(&str, bool, &[&[&str]])] = &[
            ("Nordkorea v", true, &[&["Nordkorea"]]),
            ("Nordkorea v", false, &[&["Nordkorea"], &["v"]]),
            ("Nordkorea v ", true, &[&["Nordkorea"], &["v"]]),
            ("Nordkorea vo", true, &[&["Nordkorea"], &["vo"]]),
            ("Kim OR J", true, &[&["Kim"]]),
            ("v", true, &[&["v"]]),
            ("\"Kim Jong\" U", true, &[]),
        ];
        for (input, typing, clauses) in cases {
            let q = parse(input, *typing);
            let words: Vec<Vec<String>> = q
                .clauses
                .iter()
                .map(|c| {
                    c.iter()
                        .filter_map(|a| match a {
                            Atom::Word(w) => Some(w.clone()),
                            Atom::Phrase(_) => None,
                        })
                        .collect()
                })
                .filter(|c: &Vec<String>| !c.is_empty())
                .collect();
            let expected: Vec<Vec<String>> = clauses
                .iter()
                .map(|c| c.iter().map(|w| w.to_string()).collect())
                .collect();
            assert_eq!(words, expected, "{input:?} typing={typing}");
        }
    }

    #[test]
    fn huge_input_is_capped() {
        let long = "Kim ".repeat(5000);
        let q = parse(&long, true);
        assert_eq!(q.clauses.len(), MAX_CLAUSES);
    }
}
