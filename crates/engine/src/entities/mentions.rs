//! Finding entity names in main text: analyzer-based, inflection-tolerant, longest match first.

use super::{Entity, Mention};
use crate::analyze::analyze;
use crate::document::Document;
use crate::index::positions::doc_tokens;
use std::collections::HashMap;

/// One name to look for, as analysed words.
#[derive(Debug, Clone)]
struct Pattern {
    /// Folded words of the name (hyphen parts count as words: `Kim Jong-un` = kim, jong, un).
    words: Vec<String>,
    /// Per word: whether the text must be upper-case too (acronyms: `UN`, `EU`, `KCNA`).
    upper: Vec<bool>,
    /// Per word: whether the text must be capitalised, as the name is (`Weil` names Stephan
    /// Weil, the conjunction `weil` does not; `Liège` is not `liegen`).
    capital: Vec<bool>,
    /// The entity it names.
    entity: u32,
}

/// All names and aliases of a set of entities, ready to scan documents.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    patterns: Vec<Pattern>,
    /// Pattern indices by first word, longest pattern first.
    by_first: HashMap<String, Vec<usize>>,
}

/// How an acronym may be written: in capitals (`UN`, `KCNA`), or from three letters on also as
/// German news write them, capitalised (`Nato`, `Uno`).
fn is_acronym_form(surface: &str) -> bool {
    surface.chars().all(|c| !c.is_lowercase())
        || (surface.chars().count() >= 3 && surface.starts_with(char::is_uppercase))
}

/// Inflected forms of a name word that still name it: `Putins`, `Nordkoreas`, `Kim Jong-uns`.
fn inflects(token: &str, word: &str) -> bool {
    token == word
        || token
            .strip_prefix(word)
            .is_some_and(|rest| matches!(rest, "s" | "es" | "n"))
}

/// The forms a token may take as the genitive of a one-word name (`putins` → `putin`).
fn stems_of(token: &str) -> impl Iterator<Item = &str> {
    [
        Some(token),
        token.strip_suffix('s'),
        token.strip_suffix("es"),
        token.strip_suffix('n'),
    ]
    .into_iter()
    .flatten()
}

impl Matcher {
    /// Compiles the names and aliases of `entities` (entity numbers are their indices).
    pub fn new(entities: &[Entity]) -> Matcher {
        let mut matcher = Matcher::default();
        let mut seen: HashMap<(u32, Vec<String>), usize> = HashMap::new();
        for (i, entity) in entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let (tokens, _) = analyze(name, 0);
                let words: Vec<_> = tokens.iter().filter(|t| !t.whole).collect();
                if words.is_empty() {
                    continue;
                }
                let pattern = Pattern {
                    words: words.iter().map(|t| t.term.clone()).collect(),
                    upper: words
                        .iter()
                        .map(|t| {
                            let s = &name[t.start..t.end];
                            s.chars().count() >= 2 && s.chars().all(|c| !c.is_lowercase())
                        })
                        .collect(),
                    capital: words
                        .iter()
                        .map(|t| name[t.start..t.end].starts_with(char::is_uppercase))
                        .collect(),
                    entity: i as u32,
                };
                // Two spellings with the same words (`Al-Khatib`, `al-Khatib`) are one pattern
                // that requires a capital only where both have one.
                match seen.get(&(pattern.entity, pattern.words.clone())) {
                    Some(&p) => {
                        let known: &mut Pattern = &mut matcher.patterns[p];
                        for (k, c) in known.capital.iter_mut().zip(&pattern.capital) {
                            *k &= *c;
                        }
                        for (k, u) in known.upper.iter_mut().zip(&pattern.upper) {
                            *k &= *u;
                        }
                    }
                    None => {
                        seen.insert(
                            (pattern.entity, pattern.words.clone()),
                            matcher.patterns.len(),
                        );
                        matcher.patterns.push(pattern);
                    }
                }
            }
        }
        for (p, pattern) in matcher.patterns.iter().enumerate() {
            matcher
                .by_first
                .entry(pattern.words[0].clone())
                .or_default()
                .push(p);
        }
        let patterns = &matcher.patterns;
        for list in matcher.by_first.values_mut() {
            list.sort_by_key(|&p| std::cmp::Reverse(patterns[p].words.len()));
            list.dedup_by_key(|p| (patterns[*p].words.clone(), patterns[*p].entity));
        }
        matcher
    }

    /// Every mention in `doc`'s main text, in text order. `doc_index` is stored in each mention.
    pub fn find(&self, doc: &Document, doc_index: u32) -> Vec<Mention> {
        let tokens: Vec<_> = doc_tokens(doc)
            .into_iter()
            .flat_map(|b| b.tokens)
            .filter(|t| !t.whole)
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let first = &tokens[i];
            let mut candidates: Vec<usize> = stems_of(&first.term)
                .filter_map(|form| self.by_first.get(form))
                .flatten()
                .copied()
                .collect();
            candidates.sort_by_key(|&p| std::cmp::Reverse(self.patterns[p].words.len()));
            let found = candidates.into_iter().find(|&p| {
                let pattern = &self.patterns[p];
                let n = pattern.words.len();
                (0..n).all(|j| {
                    let Some(token) = tokens.get(i + j) else {
                        return false;
                    };
                    let surface = &doc.text[token.start..token.end];
                    token.position == first.position + j as u32
                        && (if j + 1 == n {
                            inflects(&token.term, &pattern.words[j])
                        } else {
                            token.term == pattern.words[j]
                        })
                        && (!pattern.upper[j] || is_acronym_form(surface))
                        && (!pattern.capital[j] || surface.starts_with(char::is_uppercase))
                })
            });
            // A name as the first part of a compound (`Kim-Regime`, `Ukraine-Krieg`) is part of
            // another word, not a mention.
            // An acronym is still named there (`CDU-Chef`, `EU-Kommission`).
            let found = found.filter(|&p| {
                let pattern = &self.patterns[p];
                if pattern.upper.last() == Some(&true) {
                    return true;
                }
                let last = &tokens[i + pattern.words.len() - 1];
                let after = doc.text.get(last.end..).unwrap_or_default();
                !after
                    .strip_prefix('-')
                    .is_some_and(|rest| rest.starts_with(char::is_uppercase))
            });
            match found {
                Some(p) => {
                    let n = self.patterns[p].words.len();
                    out.push(Mention {
                        entity: self.patterns[p].entity,
                        doc: doc_index,
                        start: first.start as u32,
                        end: tokens[i + n - 1].end as u32,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Mentions of `entities` in all `docs`, ordered by document then position.
pub fn find_all(docs: &[Document], entities: &[Entity]) -> Vec<Mention> {
    let matcher = Matcher::new(entities);
    docs.iter()
        .enumerate()
        .flat_map(|(d, doc)| matcher.find(doc, d as u32))
        .collect()
}
