//! Discovery of names the entity base does not have yet, by rules a curator can check:
//! a role before a name (`Außenminister Sergei Lawrow`, `Kremlsprecher Dmitri Peskow`), a
//! reporting verb before one (`sagte John Kirby`, `laut Mason Richey`), a known given name
//! (`Jewgeni Prigoschin`), an agency or university cue (`Nachrichtenagentur Kyodo`,
//! `Universität Oslo`), a place cue (`in der Region Kursk`, `Hauptstadt Pjöngjang`), and
//! recurring acronyms (`KCNA`). German capitalises every noun, so a capitalised word alone is
//! never enough: `Soldaten`, `Kanonenfutter` or a sentence-initial `Dabei` are not names.
//! Spelling variants of one name merge through the transliteration key.
//!
//! What it does not do: it cannot find a name that appears without any cue and is not in the
//! base, and it does not resolve pronouns or bare surnames to people found elsewhere.

use super::{slug, EntityKind, Mention};
use crate::analyze::{translit, Token};
use crate::document::Document;
use crate::index::positions::doc_tokens;
use serde::Serialize;
use std::collections::BTreeMap;

/// Role words: a token ending in one of these (`Verteidigungsminister`, `Kremlsprecher`,
/// `Generalstabschef`) announces a person's name after it.
const ROLES: &[&str] = &[
    "präsident",
    "präsidentin",
    "minister",
    "ministerin",
    "kanzler",
    "kanzlerin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "professor",
    "professorin",
    "botschafter",
    "botschafterin",
    "general",
    "kommandeur",
    "kommandant",
    "experte",
    "expertin",
    "analyst",
    "analystin",
    "politikwissenschaftler",
    "politikwissenschaftlerin",
    "machthaber",
    "diktator",
    "kritiker",
    "kritikerin",
    "witwe",
    "abgeordnete",
    "abgeordneter",
    "vorsitzende",
    "vorsitzender",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "bürgermeister",
    "bürgermeisterin",
    "premierminister",
    "gouverneur",
    "oppositionsführer",
    "berater",
    "beraterin",
];
/// Words after which a source is named: `sagte John Kirby`, `laut Mason Richey`.
const SAYS: &[&str] = &[
    "sagte",
    "sagt",
    "laut",
    "erklärte",
    "betonte",
    "schrieb",
    "zitierte",
    "so",
];
/// Common given names (German and English spellings) that start a person's name.
const GIVEN_NAMES: &[&str] = &[
    "alexander",
    "alexei",
    "alexej",
    "andrej",
    "andrei",
    "anna",
    "annalena",
    "antony",
    "boris",
    "dmitri",
    "dmitrij",
    "dmitry",
    "donald",
    "emmanuel",
    "jewgeni",
    "jewgenij",
    "yevgeny",
    "joe",
    "john",
    "julia",
    "yulia",
    "kamala",
    "michail",
    "mikhail",
    "nikolai",
    "olaf",
    "ramsan",
    "ramzan",
    "sergej",
    "sergei",
    "sergey",
    "valery",
    "waleri",
    "viktor",
    "wladimir",
    "vladimir",
    "wolodymyr",
    "volodymyr",
    "juri",
    "yuri",
    "oleksandr",
    "olena",
    "igor",
    "xi",
    "li",
    "kim",
    "lee",
    "yoon",
    "moon",
    "park",
    "friedrich",
    "markus",
    "robert",
    "christian",
    "ursula",
];
/// Organisation cues before a name.
const ORG_BEFORE: &[&str] = &[
    "nachrichtenagentur",
    "agentur",
    "universität",
    "zeitung",
    "sender",
    "konzern",
    "partei",
    "organisation",
];
/// Organisation cues after a name.
const ORG_AFTER: &[&str] = &[
    "university",
    "universität",
    "agency",
    "institute",
    "gruppe",
    "group",
];
/// Place cues: `in der Region X`, `im Gebiet X`, `Hauptstadt X`.
const PLACE_BEFORE: &[&str] = &[
    "region",
    "gebiet",
    "provinz",
    "oblast",
    "hauptstadt",
    "stadt",
    "hafenstadt",
    "grenzstadt",
    "bezirk",
];
/// Capitalised words that are never names.
const NOT_NAMES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "oder", "aber",
    "doch", "dabei", "damit", "dass", "denn", "auch", "nun", "so", "in", "im", "am", "an", "auf",
    "aus", "bei", "mit", "nach", "seit", "von", "vor", "zu", "zur", "zum", "für", "über", "unter",
    "es", "er", "sie", "wir", "ihr", "man", "dies", "diese", "dieser",
];

/// A name found by discovery, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Suggested id (slug of the name).
    pub id: String,
    /// The most frequent spelling.
    pub name: String,
    /// Guessed kind.
    pub kind: EntityKind,
    /// Other spellings seen (merged by transliteration key).
    pub aliases: Vec<String>,
    /// Times seen with a cue.
    pub count: usize,
    /// Documents (indices) where it was seen.
    pub docs: Vec<u32>,
    /// Whether a strong cue (a role, an agency, a place cue) introduced it at least once.
    pub strong: bool,
}

impl Candidate {
    /// Whether the evidence is enough to list it as a discovered entity: it recurs, or a strong
    /// cue introduced it.
    pub fn is_entity(&self) -> bool {
        self.strong || self.count >= 2
    }
}

/// Adjective endings: `Nordkoreanische`, `Russischen` open a noun phrase, not a name.
const ADJECTIVE_ENDINGS: &[&str] = &["ische", "ischen", "ischer", "isches", "ischem"];

fn is_name_word(surface: &str) -> bool {
    let mut chars = surface.chars();
    let lower = surface.to_lowercase();
    chars.next().is_some_and(char::is_uppercase)
        && surface.chars().any(char::is_lowercase)
        && surface.chars().all(|c| c.is_alphabetic() || c == '-')
        && !NOT_NAMES.contains(&lower.as_str())
        && !ADJECTIVE_ENDINGS.iter().any(|e| lower.ends_with(e))
}

fn ends_with_any(term: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|r| term == *r || (term.ends_with(r) && term.len() > r.len() + 2))
}

/// The gazetteer entry a folded token names (`russlands` → `Russland`), if any.
fn gazetteer_name(term: &str) -> Option<String> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static BY_FOLDED: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let map = BY_FOLDED.get_or_init(|| {
        super::gazetteer::PLACES
            .iter()
            .map(|p| (crate::analyze::fold::fold(p), *p))
            .collect()
    });
    map.get(term)
        .or_else(|| term.strip_suffix('s').and_then(|t| map.get(t)))
        .map(|p| p.to_string())
}

fn is_gazetteer_place(term: &str) -> bool {
    gazetteer_name(term).is_some()
}

/// One sighting of a name.
struct Sighting {
    name: String,
    kind: EntityKind,
    doc: u32,
    strong: bool,
}

/// Scans `docs` (main text only) for names that no base mention covers.
/// `covered` are the base mentions (any order).
pub fn discover(docs: &[Document], covered: &[Mention]) -> Vec<Candidate> {
    let mut sightings = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let d = d as u32;
        let spans: Vec<(usize, usize)> = covered
            .iter()
            .filter(|m| m.doc == d)
            .map(|m| (m.start as usize, m.end as usize))
            .collect();
        let is_covered = |t: &Token| spans.iter().any(|&(s, e)| t.start >= s && t.end <= e);
        for block in doc_tokens(doc) {
            let tokens: Vec<&Token> = block.tokens.iter().filter(|t| !t.whole).collect();
            let surface = |t: &Token| &doc.text[t.start..t.end];
            // A run of name words starting at i (consecutive positions, not covered by the base).
            // Only whitespace may separate a cue or a name word from the next name word
            // ("Verteidigungsminister: Nordkoreanische Soldaten" is no name).
            let adjacent = |a: &Token, b: &Token| {
                b.position == a.position + 1
                    && doc
                        .text
                        .get(a.end..b.start)
                        .is_some_and(|gap| gap.chars().all(char::is_whitespace))
            };
            let run = |i: usize, max: usize| -> Vec<&Token> {
                let mut out: Vec<&Token> = Vec::new();
                if i > 0
                    && i < tokens.len()
                    && !adjacent(tokens[i - 1], tokens[i])
                    && !GIVEN_NAMES.contains(&tokens[i].term.as_str())
                {
                    return out;
                }
                for (k, t) in tokens.iter().enumerate().skip(i).take(max) {
                    let consecutive = k == i || adjacent(tokens[k - 1], t);
                    if !consecutive
                        || !is_name_word(surface(t))
                        || is_covered(t)
                        || ends_with_any(&t.term, ROLES)
                    {
                        break;
                    }
                    out.push(t);
                }
                out
            };
            let join = |words: &[&Token]| -> String {
                let (Some(first), Some(last)) = (words.first(), words.last()) else {
                    return String::new();
                };
                doc.text[first.start..last.end].to_string()
            };
            for (i, t) in tokens.iter().enumerate() {
                let term = t.term.as_str();
                let next = i + 1;
                let mut push = |words: Vec<&Token>, kind, strong| {
                    if !words.is_empty() {
                        sightings.push(Sighting {
                            name: join(&words),
                            kind,
                            doc: d,
                            strong,
                        });
                    }
                };
                if ends_with_any(term, ROLES) && surface(t).starts_with(char::is_uppercase) {
                    let words = run(next, 3);
                    let strong = words.len() >= 2;
                    push(words, EntityKind::Person, strong);
                } else if SAYS.contains(&term) {
                    let words = run(next, 3);
                    if words.len() >= 2 {
                        push(words, EntityKind::Person, true);
                    }
                } else if GIVEN_NAMES.contains(&term) && is_name_word(surface(t)) && !is_covered(t)
                {
                    let prev_is_cue = i > 0
                        && (ends_with_any(&tokens[i - 1].term, ROLES)
                            || SAYS.contains(&tokens[i - 1].term.as_str()));
                    let words = run(i, 3);
                    if words.len() >= 2 && !prev_is_cue {
                        push(words, EntityKind::Person, false);
                    }
                } else if ends_with_any(term, ORG_BEFORE) || ORG_BEFORE.contains(&term) {
                    let words = run(next, 3);
                    let kind = EntityKind::Organisation;
                    if term == "universität" && !words.is_empty() {
                        push(std::iter::once(*t).chain(words).collect(), kind, true);
                    } else {
                        push(words, kind, true);
                    }
                } else if ORG_AFTER.contains(&term) && i > 0 {
                    // "Ewha Womans University": the name words before the cue, and the cue.
                    let mut start = i;
                    while start > 0
                        && i - start < 3
                        && is_name_word(surface(tokens[start - 1]))
                        && !is_covered(tokens[start - 1])
                    {
                        start -= 1;
                    }
                    if start < i {
                        push(tokens[start..=i].to_vec(), EntityKind::Organisation, true);
                    }
                } else if PLACE_BEFORE.contains(&term) {
                    push(run(next, 2), EntityKind::Place, true);
                } else if !is_covered(t) && is_gazetteer_place(&t.term) {
                    let words: Vec<&Token> = vec![*t];
                    let name = gazetteer_name(&t.term).unwrap_or_else(|| join(&words));
                    sightings.push(Sighting {
                        name,
                        kind: EntityKind::Place,
                        doc: d,
                        strong: true,
                    });
                } else {
                    let s = surface(t);
                    let acronym = (2..=6).contains(&s.chars().count())
                        && s.chars().all(|c| c.is_ascii_uppercase());
                    // `US` in `US-Dollar` is part of a word, not a name.
                    let in_compound = block
                        .tokens
                        .iter()
                        .any(|w| w.whole && w.start <= t.start && t.end <= w.end);
                    if acronym && !is_covered(t) && !in_compound {
                        push(vec![*t], EntityKind::Organisation, false);
                    }
                }
            }
        }
    }
    merge(sightings)
}

/// The merge key of a name: its transliteration key per word, or its folded form.
fn merge_key(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| translit::key(w).unwrap_or_else(|| crate::analyze::fold::fold(w)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn merge(sightings: Vec<Sighting>) -> Vec<Candidate> {
    let mut groups: BTreeMap<String, Vec<Sighting>> = BTreeMap::new();
    for s in sightings {
        groups.entry(merge_key(&s.name)).or_default().push(s);
    }
    let mut out: Vec<Candidate> = groups
        .into_values()
        .map(|group| {
            let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
            for s in &group {
                *spellings.entry(s.name.as_str()).or_default() += 1;
            }
            let name = spellings
                .iter()
                .max_by_key(|(n, c)| (**c, n.len()))
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            let mut kinds: BTreeMap<EntityKind, usize> = BTreeMap::new();
            for s in &group {
                *kinds.entry(s.kind).or_default() += 1 + usize::from(s.strong);
            }
            let kind = kinds
                .into_iter()
                .max_by_key(|(_, c)| *c)
                .map(|(k, _)| k)
                .unwrap_or(EntityKind::Person);
            let mut docs: Vec<u32> = group.iter().map(|s| s.doc).collect();
            docs.sort_unstable();
            docs.dedup();
            Candidate {
                id: slug(&name),
                aliases: spellings
                    .keys()
                    .filter(|n| **n != name)
                    .map(|n| n.to_string())
                    .collect(),
                name,
                kind,
                count: group.len(),
                docs,
                strong: group.iter().any(|s| s.strong),
            }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out
}
