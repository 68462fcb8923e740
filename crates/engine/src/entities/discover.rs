//! Discovery of names no base lists, by rules a curator can check. German capitalises every
//! noun, so a capitalised word alone is never enough; each rule needs a cue:
//!
//! - people: a role before the name (`Nato-Generalsekretär Mark Rutte`, `CSU-Chef Markus
//!   Söder`, `Intensivpflegerin Rasha al-Khatib`; the role is not part of the name), a given name
//!   (`Romi Gonen`, `Yahya al-Sinwar`), a family name written first (`Lee Seong-kweun`, `Choe Son
//!   Hui`), a party after the name (`Markus Vogl (SPÖ)`), a reporting verb (`sagte John Kirby`);
//! - organisations: an acronym with its expansion (`Robert Koch-Institut (RKI)`), an
//!   institution's shape with a proper modifier (`Berliner Feuerwehr`, `Bayerisches
//!   Staatsministerium des Innern`, `Versicherungsverband Österreich`), a quoted name after a
//!   cue (`Aktionsbündnis „Offene Republik“`, `Fachzeitschrift „The Lancet“`), a legal form
//!   (`Porsche Holding SE`), an agency or university cue, a recurring acronym (`KCNA`);
//! - places: a place cue (`im Hafen Rason`, `Landkreis Günzburg`, `Stadtteil Zwischenbrücken`),
//!   a preposition before a word with a place name's ending (`in Reichertshofen`), the gazetteer.
//!
//! Spelling variants merge through the transliteration key (`Rasha al-Khatib` = `Rascha
//! al-Chatib`), inflected organisation names through their stems (`Technisches Hilfswerk` =
//! `Technischen Hilfswerks`), and a surname alone is the person named in full elsewhere in the
//! corpus (`Al-Khatib` = `Rasha al-Khatib`), never a second person.
//!
//! What it does not do: it finds no name without a cue (`Paar`, a river, is a common noun to it),
//! and it does not resolve pronouns.

use super::names;
use super::{slug, EntityKind, Mention};
use crate::analyze::{fold::fold, translit};
use crate::document::Document;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

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
    "meinte",
    "sagten",
    "kritisierte",
    "forderte",
    "warnte",
];
/// Organisation cues before a name: `Nachrichtenagentur Kyodo`, `Universität Oslo`.
const ORG_BEFORE: &[&str] = &["nachrichtenagentur", "agentur", "konzern", "partei"];
/// Organisation cues after a name: `Ewha Womans University`.
const ORG_AFTER: &[&str] = &["university", "agency", "institute", "group"];
/// Prepositions after which a word with a place name's ending is a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "im", "aus", "nach", "bei", "von", "nahe", "über"];
/// Place-name endings that make `in X` a place on one sighting (folded).
const STRONG_PLACE_ENDINGS: &[&str] = &[
    "hausen", "hofen", "ingen", "burg", "dorf", "stadt", "heim", "bach", "feld", "furt", "stedt",
    "leben", "rode", "brucken", "kirchen", "munster",
];
/// Longest name, in words.
const NAME_MAX_WORDS: usize = 4;

/// A name found by discovery, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Suggested id (slug of the name).
    pub id: String,
    /// The most frequent spelling.
    pub name: String,
    /// Guessed kind.
    pub kind: EntityKind,
    /// Other spellings seen (merged by transliteration key, stem or surname).
    pub aliases: Vec<String>,
    /// Times seen with a cue.
    pub count: usize,
    /// Documents (indices) where it was seen.
    pub docs: Vec<u32>,
    /// Whether a strong cue (a role, an expansion, a place cue) introduced it at least once.
    pub strong: bool,
}

impl Candidate {
    /// Whether the evidence is enough to list it as a discovered entity: it recurs, or a strong
    /// cue introduced it.
    pub fn is_entity(&self) -> bool {
        self.strong || self.count >= 2
    }
}

/// One word of main text as written, without the punctuation around it.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// Punctuation after the word ends a name (`,` `.` `:` `)` `“`).
    stop_after: bool,
    /// A comma follows the word.
    comma_after: bool,
    /// An opening quote stands before the word.
    quote_before: bool,
    /// A closing quote follows the word.
    quote_after: bool,
    /// An opening parenthesis stands before the word.
    paren_before: bool,
    /// A closing parenthesis follows the word.
    paren_after: bool,
    /// The first word of a sentence.
    sentence_start: bool,
    /// Covered by a base or knowledge-base mention.
    covered: bool,
}

const OPENERS: &[char] = &['„', '"', '»', '«', '‚', '(', '[', '\''];
const CLOSERS: &[char] = &[
    '.', ',', ';', ':', '!', '?', '“', '"', '”', '«', '»', ')', ']', '\'', '’', '‘',
];

/// Splits one block of main text into words.
fn words<'a>(text: &'a str, offset: usize, covered: &[(usize, usize)]) -> Vec<Word<'a>> {
    let mut out: Vec<Word> = Vec::new();
    let mut sentence_start = true;
    let mut pos = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let chunk_start = pos;
        pos += raw.len();
        let chunk = raw.trim_end();
        let lead = chunk.len() - chunk.trim_start_matches(OPENERS).len();
        let body = &chunk[lead..];
        let core = body.trim_end_matches(CLOSERS);
        let tail = &body[core.len()..];
        if core.is_empty() {
            if tail.contains(['.', '!', '?', ':']) {
                sentence_start = true;
            }
            continue;
        }
        let start = offset + chunk_start + lead;
        let end = start + core.len();
        let before = &chunk[..lead];
        out.push(Word {
            text: core,
            start,
            end,
            stop_after: !tail.is_empty() && tail != "'" && tail != "’",
            comma_after: tail.starts_with(','),
            quote_before: before.contains(['„', '"', '»', '«', '‚']),
            quote_after: tail.contains(['“', '"', '”', '«', '»', '‘']),
            paren_before: before.contains('('),
            paren_after: tail.contains(')'),
            sentence_start,
            covered: covered.iter().any(|&(s, e)| start < e && s < end),
        });
        sentence_start = tail.contains(['.', '!', '?']) || tail.ends_with(':');
    }
    out
}

/// Whether a word has the shape of a name part: `Merz`, `Jong-un`, `al-Khatib`, `Yıldırım`.
fn is_name_word(word: &str) -> bool {
    let rest = names::HYPHEN_PARTICLES
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .unwrap_or(word);
    let mut chars = rest.chars();
    chars.next().is_some_and(char::is_uppercase)
        && rest.chars().any(char::is_lowercase)
        && rest
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && !rest.ends_with('-')
        && !names::is_not_name(rest)
        && !is_adjective(rest)
}

/// A name word that can be part of a person's name: no capital inside (`GeoSphere`), except
/// after a hyphen or apostrophe or in `Mc`/`Mac` names.
fn is_person_word(word: &str) -> bool {
    let mut prev = ' ';
    for (n, c) in word.chars().enumerate() {
        if n > 0 && c.is_uppercase() && !matches!(prev, '-' | '\'' | '’') {
            let before = &word[..word.char_indices().nth(n).map_or(0, |(b, _)| b)];
            if !matches!(before, "Mc" | "Mac" | "De" | "Di" | "La" | "Le" | "Van") {
                return false;
            }
        }
        prev = c;
    }
    true
}

/// `Nordkoreanische`, `Russischen`, `Bayerischen`: an adjective, not a name.
fn is_adjective(word: &str) -> bool {
    ["ische", "ischen", "ischer", "isches", "ischem"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// An all-capitals acronym of 2–6 letters (`KCNA`, `RKI`, `GdP`, `SPÖ`).
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    (2..=6).contains(&word.chars().count())
        && word.chars().all(char::is_alphanumeric)
        && word.chars().next().is_some_and(char::is_uppercase)
        && letters >= 2
        && upper * 3 >= letters * 2
        && upper >= 2
}

/// One sighting of a name.
#[derive(Debug)]
struct Sighting {
    name: String,
    kind: EntityKind,
    doc: u32,
    strong: bool,
    /// Other spellings the same sighting gives (an acronym with its expansion).
    aliases: Vec<String>,
    /// A surname alone (after a role): folded into a full name if the corpus has one.
    surname_only: bool,
}

/// The rules, over one block's words.
struct Block<'a, 'w> {
    words: &'w [Word<'a>],
    text: &'a str,
    doc: u32,
}

impl<'a> Block<'a, '_> {
    fn span(&self, from: usize, to: usize) -> String {
        self.text[self.words[from].start..self.words[to].end].to_string()
    }

    /// The run of name words starting at `i` (particles inside allowed), stopping at
    /// punctuation, covered words and roles. Returns its end (exclusive).
    fn name_run(&self, i: usize) -> usize {
        let mut j = i;
        let mut name_words = 0;
        // Particles (`von der`, `al`, `bin`) only follow a given name: `Ursula von der Leyen`,
        // never `Yıldırım von der Bühne`.
        let particles_allowed = self
            .words
            .get(i)
            .is_some_and(|w| names::is_given_name(w.text));
        while j < self.words.len() && name_words < NAME_MAX_WORDS {
            let w = &self.words[j];
            let particle = j > i
                && particles_allowed
                && name_words == 1
                && names::PARTICLES.contains(&w.text)
                && self.words[j - 1..].len() > 1;
            // Mid-sentence, a capitalised `Weil` or `Kurz` after a name word is a surname.
            let surname_word = j > i
                && !w.sentence_start
                && names::is_not_name(w.text)
                && w.text.starts_with(char::is_uppercase)
                && w.text.chars().count() >= 3;
            if w.covered
                || !(is_name_word(w.text) || particle || surname_word)
                || names::is_role(w.text)
            {
                break;
            }
            if j > i && (self.words[j - 1].stop_after || w.quote_before || w.paren_before) {
                break;
            }
            if !particle {
                name_words += 1;
            }
            j += 1;
            if w.stop_after {
                break;
            }
        }
        // A run never ends on a particle.
        while j > i && names::PARTICLES.contains(&self.words[j - 1].text) {
            j -= 1;
        }
        j
    }

    /// `(SPD)`, `(Grüne)` directly after word `j - 1`: a party.
    fn parenthesised_party(&self, j: usize) -> Option<&'a str> {
        let w = self.words.get(j)?;
        (w.paren_before
            && w.paren_after
            && names::is_party(w.text)
            && !self.words[j - 1].stop_after)
            .then_some(w.text)
    }

    fn sight(&self, out: &mut Vec<Sighting>, name: String, kind: EntityKind, strong: bool) {
        out.push(Sighting {
            name,
            kind,
            doc: self.doc,
            strong,
            aliases: Vec::new(),
            surname_only: false,
        });
    }

    /// People: a role, a given name, a family name first, a party after, a reporting verb.
    fn people(&self, i: usize, out: &mut Vec<Sighting>) -> Option<usize> {
        let w = &self.words[i];
        let next = i + 1;
        let cue_role = names::is_role(w.text)
            && w.text.starts_with(char::is_uppercase)
            && !w.stop_after
            && !w.covered;
        let cue_says = SAYS.contains(&fold(w.text).as_str()) && !w.stop_after;
        if (cue_role || cue_says) && next < self.words.len() {
            let end = self.name_run(next);
            let len = end - next;
            let person_shaped = self.words[next..end].iter().all(|w| is_person_word(w.text));
            if len >= 2 && person_shaped {
                self.sight(out, self.span(next, end - 1), EntityKind::Person, true);
                return Some(end);
            }
            if len == 1 && cue_role && !self.words[next].sentence_start {
                let surname = self.words[next].text;
                if !names::is_given_name(surname) {
                    out.push(Sighting {
                        name: surname.to_string(),
                        kind: EntityKind::Person,
                        doc: self.doc,
                        strong: false,
                        aliases: Vec::new(),
                        surname_only: true,
                    });
                }
                return Some(end);
            }
        }
        if w.covered || !is_name_word(w.text) {
            return None;
        }
        let given = names::is_given_name(w.text) || names::is_family_first(w.text);
        let end = self.name_run(i);
        if end - i < 2 {
            return None;
        }
        // `Kai Wegner (CDU)`: two or three name words and a party.
        let plain = (end - i) <= 3 && self.words[i..end].iter().all(|w| is_name_word(w.text));
        let party = self.parenthesised_party(end).filter(|_| plain);
        let listed = !given && self.listed_with_person(i, end);
        if (given || party.is_some() || listed)
            && self.words[i..end].iter().all(|w| is_person_word(w.text))
        {
            let last = self.words[end - 1].text;
            // `Robert Koch-Institut`, `Markus Söder Straße`: a name that ends in an institution is none.
            if names::is_org_head(last) && last.contains('-') {
                return None;
            }
            // A given name with a surname is strong evidence; a family name first needs a second
            // sighting or a party (`Kim` and `Lee` also start place and company names).
            let east_asian = names::is_family_first(w.text)
                && (end - i == 3 || self.words[i + 1].text.contains('-'));
            let strong = party.is_some() || names::is_given_name(w.text) || east_asian || listed;
            self.sight(out, self.span(i, end - 1), EntityKind::Person, strong);
            return Some(end);
        }
        None
    }

    /// `Romi Gonen, Emily Damari und Doron Steinbrecher`: a two-word name in a list with a
    /// person named by a given name is a person too.
    fn listed_with_person(&self, i: usize, end: usize) -> bool {
        if end - i != 2 {
            return false;
        }
        let person_at = |k: usize| {
            self.words.get(k).is_some_and(|w| {
                names::is_given_name(w.text) && !w.covered && self.name_run(k) >= k + 2
            })
        };
        let last = &self.words[end - 1];
        let after = if last.comma_after {
            person_at(end)
        } else {
            self.words.get(end).is_some_and(|w| w.text == "und") && person_at(end + 1)
        };
        after
    }

    /// Organisations: expansions, institution shapes, quoted names, legal forms, agencies.
    fn organisations(&self, i: usize, out: &mut Vec<Sighting>) -> Option<usize> {
        let w = &self.words[i];
        // `Robert Koch-Institut (RKI)`, `Gewerkschaft der Polizei (GdP)`: the expansion ends
        // before the acronym; it starts where the initials start.
        if let Some(acronym) = w
            .paren_before
            .then_some(w.text)
            .filter(|t| is_acronym(t) && w.paren_after)
        {
            if let Some(from) = self.expansion_start(i, acronym) {
                out.push(Sighting {
                    name: self.span(from, i - 1),
                    kind: EntityKind::Organisation,
                    doc: self.doc,
                    strong: true,
                    aliases: vec![acronym.to_string()],
                    surname_only: false,
                });
            }
            return None;
        }
        if w.covered {
            // `Porsche Holding`, `Siemens Energy`? Only an institution head after a known name.
            let next = self.words.get(i + 1)?;
            let head = names::is_company_head(next.text) && !next.covered && !w.stop_after;
            if head {
                self.sight(out, self.span(i, i + 1), EntityKind::Organisation, true);
                return Some(i + 2);
            }
            return None;
        }
        // `Aktionsbündnis „Offene Republik“`, `Fachzeitschrift „The Lancet“`.
        if names::is_quote_cue(w.text) && !w.stop_after {
            if let Some(end) = self.quoted(i + 1) {
                self.sight(
                    out,
                    self.span(i + 1, end - 1),
                    EntityKind::Organisation,
                    true,
                );
                return Some(end);
            }
        }
        // `Nachrichtenagentur Kyodo`, `Nachrichtenagentur KCNA`, `Universität Oslo`.
        let folded = fold(w.text);
        let agency = ORG_BEFORE
            .iter()
            .any(|c| folded == *c || folded.ends_with(c));
        if (agency || folded == "universitat") && !w.stop_after {
            let next = self.words.get(i + 1)?;
            if next.covered {
                return Some(i + 1);
            }
            let end = if is_acronym(next.text) {
                i + 2
            } else {
                self.name_run(i + 1)
            };
            if end > i + 1 {
                let from = if folded == "universitat" { i } else { i + 1 };
                self.sight(
                    out,
                    self.span(from, end - 1),
                    EntityKind::Organisation,
                    true,
                );
                return Some(end);
            }
            return None;
        }
        // `Ewha Womans University`.
        if ORG_AFTER.contains(&folded.as_str()) && i > 0 {
            let mut from = i;
            while from > 0 && i - from < 3 && is_name_word(self.words[from - 1].text) {
                if self.words[from - 1].stop_after {
                    break;
                }
                from -= 1;
            }
            if from < i {
                self.sight(out, self.span(from, i), EntityKind::Organisation, true);
            }
            return None;
        }
        // `die Staatsregierung`, `Laut Landesfeuerwehrkommando`: a unique state institution.
        if names::is_state_institution(w.text) && self.institution(i).is_none() {
            self.sight(out, w.text.to_string(), EntityKind::Organisation, true);
            return Some(i + 1);
        }
        // An institution: modifiers + head (+ complement).
        if let Some((from, end)) = self.institution(i) {
            self.sight(
                out,
                self.span(from, end - 1),
                EntityKind::Organisation,
                true,
            );
            return Some(end);
        }
        // `IG Metall`: an abbreviation that starts a name.
        if names::NAME_PREFIXES.contains(&fold(w.text).as_str())
            && w.text.chars().all(char::is_uppercase)
            && !w.stop_after
        {
            if let Some(n) = self
                .words
                .get(i + 1)
                .filter(|n| !n.covered && is_name_word(n.text))
            {
                let _ = n;
                self.sight(out, self.span(i, i + 1), EntityKind::Organisation, true);
                return Some(i + 2);
            }
        }
        // `Porsche Holding SE`: names before a legal form.
        if let Some(next) = self.words.get(i + 1) {
            let legal = names::LEGAL_FORMS.contains(&fold(next.text).as_str())
                && next.text.chars().next().is_some_and(char::is_uppercase)
                && !names::is_not_name(w.text);
            if legal && is_name_word(w.text) && !w.stop_after && !w.sentence_start {
                let mut from = i;
                while from > 0
                    && i - from < 2
                    && is_name_word(self.words[from - 1].text)
                    && !self.words[from - 1].stop_after
                    && !self.words[from - 1].covered
                    && !self.words[from - 1].sentence_start
                {
                    from -= 1;
                }
                out.push(Sighting {
                    name: self.span(from, i),
                    kind: EntityKind::Organisation,
                    doc: self.doc,
                    strong: true,
                    aliases: vec![self.span(from, i + 1)],
                    surname_only: false,
                });
                return Some(i + 2);
            }
        }
        None
    }

    /// Where the expansion of the acronym at `i` starts: the longest run of capitalised words
    /// and joining words before it whose first letter is the acronym's.
    fn expansion_start(&self, i: usize, acronym: &str) -> Option<usize> {
        let first = acronym.chars().next()?.to_lowercase().next()?;
        let mut best = None;
        let mut j = i;
        while j > 0 && i - j < 7 {
            let w = &self.words[j - 1];
            if w.stop_after && j < i {
                break;
            }
            let joining = matches!(
                w.text,
                "der" | "die" | "des" | "für" | "vom" | "von" | "und" | "zur" | "zum" | "am" | "im"
            );
            let capital = w.text.starts_with(char::is_uppercase) && !names::is_not_name(w.text);
            if !(joining || capital) {
                break;
            }
            j -= 1;
            if capital && w.text.chars().next()?.to_lowercase().next()? == first {
                best = Some(j);
            }
        }
        let from = best?;
        (initials_match(&self.words[from..i], acronym)).then_some(from)
    }

    /// The words of a quoted name starting at `i` (`„Offene Republik“`), at most five, all
    /// capitalised or joining words. Returns the end (exclusive).
    fn quoted(&self, i: usize) -> Option<usize> {
        let first = self.words.get(i)?;
        if !first.quote_before {
            return None;
        }
        for j in i..(i + 5).min(self.words.len()) {
            let w = &self.words[j];
            let ok = w.text.starts_with(char::is_uppercase)
                || (j > i && w.text.chars().all(char::is_lowercase) && w.text.len() <= 4);
            if !ok {
                return None;
            }
            if w.quote_after {
                return Some(j + 1);
            }
            if w.stop_after {
                return None;
            }
        }
        None
    }

    /// `Berliner Feuerwehr`, `Bayerisches Staatsministerium des Innern`, `Deutscher
    /// Wetterdienst`, `Versicherungsverband Österreich`, `Bürgerbewegung Patriotisches
    /// Brandenburg`: an institution head with a proper modifier before or a name after.
    fn institution(&self, i: usize) -> Option<(usize, usize)> {
        let modifiers = {
            let mut j = i;
            while j < self.words.len()
                && j - i < 2
                && is_proper_modifier(self.words[j].text)
                && !self.words[j].stop_after
                && !self.words[j].covered
            {
                j += 1;
            }
            j - i
        };
        let h = i + modifiers;
        let head = self.words.get(h)?;
        if !names::is_org_head(head.text) || !head.text.starts_with(char::is_uppercase) {
            return None;
        }
        if modifiers > 0 && self.words[h - 1].stop_after {
            return None;
        }
        let mut end = h + 1;
        // Complement: `des Innern`, `der Polizei`, `vom Roten Kreuz`, `für Arbeit`.
        if !head.stop_after {
            if let Some(joining) = self.words.get(end) {
                if matches!(joining.text, "des" | "der" | "vom" | "für") && !joining.stop_after {
                    let mut k = end + 1;
                    while k < self.words.len()
                        && k - end <= 2
                        && self.words[k].text.starts_with(char::is_uppercase)
                        && !names::is_not_name(self.words[k].text)
                    {
                        k += 1;
                        if self.words[k - 1].stop_after {
                            break;
                        }
                    }
                    if k > end + 1 && modifiers > 0 {
                        end = k;
                    }
                } else if modifiers == 0
                    && names::is_compound_org_head(head.text)
                    && !joining.paren_before
                    && !joining.quote_before
                    && (is_name_word(joining.text)
                        || is_proper_modifier(joining.text)
                        || joining.covered)
                    && !joining.sentence_start
                    && !names::has_noun_ending(joining.text)
                {
                    // `Versicherungsverband Österreich`, `Bürgerbewegung Patriotisches Brandenburg`.
                    let mut k = end;
                    while k < self.words.len()
                        && k - end < 2
                        && !self.words[k].paren_before
                        && (is_name_word(self.words[k].text)
                            || is_proper_modifier(self.words[k].text)
                            || self.words[k].covered)
                    {
                        k += 1;
                        if self.words[k - 1].stop_after {
                            break;
                        }
                    }
                    let last = &self.words[k - 1];
                    if last.covered || !names::has_noun_ending(last.text) {
                        end = k;
                    }
                }
            }
        }
        (modifiers > 0 || end > h + 1).then_some((i, end))
    }

    /// Places: a place cue, or a preposition before a word with a place name's ending.
    fn places(&self, i: usize, out: &mut Vec<Sighting>) -> Option<usize> {
        let w = &self.words[i];
        if w.covered || w.stop_after {
            return None;
        }
        if let Some(inside) = names::place_cue(w.text) {
            if !w.text.starts_with(char::is_uppercase) {
                return None;
            }
            let mut end = self.name_run(i + 1);
            if end == i + 1 {
                return None;
            }
            // `Pfaffenhofen an der Ilm`
            if let (Some(a), Some(b), Some(c)) = (
                self.words.get(end),
                self.words.get(end + 1),
                self.words.get(end + 2),
            ) {
                if a.text == "an"
                    && matches!(b.text, "der" | "dem")
                    && is_name_word(c.text)
                    && !self.words[end - 1].stop_after
                    && !b.stop_after
                {
                    end += 3;
                }
            }
            let from = if inside { i } else { i + 1 };
            self.sight(out, self.span(from, end - 1), EntityKind::Place, true);
            return Some(end);
        }
        // `Washingtonplatz`, `Siegessäule`: a landmark, counted; `Platz der Republik`.
        if names::is_landmark(w.text) && !w.sentence_start {
            self.sight(out, w.text.to_string(), EntityKind::Place, false);
            return Some(i + 1);
        }
        if w.text == "Platz" && !w.stop_after {
            if let (Some(of), Some(name)) = (self.words.get(i + 1), self.words.get(i + 2)) {
                if matches!(of.text, "der" | "des") && !of.stop_after && is_name_word(name.text) {
                    self.sight(out, self.span(i, i + 2), EntityKind::Place, false);
                    return Some(i + 3);
                }
            }
        }
        if PLACE_PREPOSITIONS.contains(&w.text) {
            let next = self.words.get(i + 1)?;
            // `in Deir al-Balah`, `in Khan Younis`: a name with an Arabic particle, or two
            // name words, after a preposition, none of them a German noun.
            let end = self.name_run(i + 1);
            let arabic = self.words[i + 1..end].iter().any(|w| {
                names::HYPHEN_PARTICLES
                    .iter()
                    .any(|p| w.text.starts_with(p))
            });
            if end > i + 2 && arabic {
                self.sight(out, self.span(i + 1, end - 1), EntityKind::Place, true);
                return Some(end);
            }
            if next.covered || !is_name_word(next.text) || !names::has_place_ending(next.text) {
                return None;
            }
            // A typical German place ending (`-hausen`, `-ingen`, `-burg`) is strong evidence;
            // a short one (`-au`, `-in`) needs a second sighting.
            let folded = fold(next.text);
            let strong = STRONG_PLACE_ENDINGS.iter().any(|e| folded.ends_with(e));
            if names::has_noun_ending(next.text) && !strong {
                return None; // `in Hoffnung`: a noun
            }
            self.sight(out, next.text.to_string(), EntityKind::Place, strong);
            return Some(i + 2);
        }
        None
    }

    /// Acronyms used on their own (`KCNA`, `THW`): weak evidence, counted.
    fn acronym(&self, i: usize, out: &mut Vec<Sighting>) {
        let w = &self.words[i];
        if w.covered || !is_acronym(w.text) {
            return;
        }
        let folded = fold(w.text);
        if names::LEGAL_FORMS.contains(&folded.as_str())
            || names::NAME_PREFIXES.contains(&folded.as_str())
        {
            return;
        }
        // Part of a longer name (`IG Metall`, `VW-Werk` is one word and never reaches here).
        let before = i.checked_sub(1).map(|j| &self.words[j]);
        let after = self.words.get(i + 1);
        let attached = |o: Option<&Word>| o.is_some_and(|o| is_name_word(o.text) && !o.covered);
        if attached(before.filter(|b| !b.stop_after)) || attached(after.filter(|_| !w.stop_after)) {
            if after.is_some_and(|a| names::is_role(a.text)) {
                // `SPD Chef`: fine, the acronym stands alone.
            } else {
                return;
            }
        }
        self.sight(out, w.text.to_string(), EntityKind::Organisation, false);
    }
}

/// A capitalised adjective that makes an institution's name proper: `Berliner`, `Bayerische`,
/// `Deutscher`, `Oberösterreichisches`, `Internationales`, `Technisches`, `Europäische`.
fn is_proper_modifier(word: &str) -> bool {
    if !word.starts_with(char::is_uppercase) || names::is_not_name(word) {
        return false;
    }
    let folded = fold(word);
    !folded.is_empty()
        && folded.chars().count() >= 5
        && (["ische", "ischen", "ischer", "isches", "ischem"]
            .iter()
            .any(|e| folded.ends_with(e))
            || ["ale", "alen", "aler", "ales"]
                .iter()
                .any(|e| folded.ends_with(e))
            || (folded.ends_with("er") && names::has_place_ending(&folded[..folded.len() - 2]))
            || matches!(
                folded.as_str(),
                "berliner"
                    | "munchner"
                    | "wiener"
                    | "hamburger"
                    | "kolner"
                    | "frankfurter"
                    | "deutsche"
                    | "deutscher"
                    | "deutschen"
                    | "deutsches"
                    | "europaische"
                    | "europaischen"
            ))
}

/// Whether the initials of `words` (capitalised words and their hyphen parts, optionally
/// joining words) can spell `acronym`: `Robert Koch-Institut` → RKI, `Gewerkschaft der Polizei`
/// → GdP, `Alternative für Deutschland` → AfD.
fn initials_match(words: &[Word], acronym: &str) -> bool {
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let mut initials: Vec<char> = Vec::new();
    for w in words {
        for part in w.text.split('-') {
            initials.extend(part.chars().next());
        }
    }
    // Capital initials must each give the acronym's next capital letter; a joining word's
    // lower-case initial gives a lower-case letter (`GdP`) or nothing (`AfD` has no `f` word…
    // `für` gives it). A capital letter may also come from inside a compound (`VVO`).
    let same = |a: char, b: char| a.to_lowercase().eq(b.to_lowercase());
    let mut k = 0;
    for &c in &initials {
        if k < letters.len()
            && same(letters[k], c)
            && (c.is_uppercase() == letters[k].is_uppercase() || c.is_uppercase())
        {
            k += 1;
        } else if c.is_uppercase() {
            return false;
        }
    }
    let first_ok = letters
        .first()
        .zip(initials.first())
        .is_some_and(|(&a, &b)| same(a, b));
    first_ok && k + 1 >= letters.len() && k >= 2
}

/// Scans `docs` (main text only) for names no base mention covers.
/// `covered` are the base and knowledge-base mentions (any order).
pub fn discover(docs: &[Document], covered: &[Mention]) -> Vec<Candidate> {
    let mut sightings = Vec::new();
    // The covered spans of each document, gathered in one pass (filtering all mentions per
    // document was quadratic: hours at 100,000 articles).
    let mut spans_by_doc: Vec<Vec<(usize, usize)>> = vec![Vec::new(); docs.len()];
    for m in covered {
        if let Some(list) = spans_by_doc.get_mut(m.doc as usize) {
            list.push((m.start as usize, m.end as usize));
        }
    }
    for ((d, doc), spans) in docs.iter().enumerate().zip(spans_by_doc) {
        let d = d as u32;
        for block in doc.main_blocks() {
            let text = doc.block_text(block);
            let offset = block.start as usize;
            let block_words = words(text, offset, &spans);
            let rules = Block {
                words: &block_words,
                text: &doc.text,
                doc: d,
            };
            let mut i = 0;
            while i < block_words.len() {
                let next = rules
                    .people(i, &mut sightings)
                    .or_else(|| rules.organisations(i, &mut sightings))
                    .or_else(|| rules.places(i, &mut sightings));
                match next {
                    Some(n) if n > i => i = n,
                    _ => {
                        rules.acronym(i, &mut sightings);
                        gazetteer_place(&block_words[i], d, &mut sightings);
                        i += 1;
                    }
                }
            }
        }
        if let Some(place) = &doc.meta.place {
            if doc.main_text().contains(place.as_str()) && !super::gazetteer::is_place(place) {
                sightings.push(Sighting {
                    name: place.clone(),
                    kind: EntityKind::Place,
                    doc: d,
                    strong: true,
                    aliases: Vec::new(),
                    surname_only: false,
                });
            }
        }
    }
    let lower_words = lower_case_words(docs);
    merge(sightings, &lower_words)
}

/// A place the bundled gazetteer lists (`Russlands` → `Russland`).
fn gazetteer_place(w: &Word, doc: u32, out: &mut Vec<Sighting>) {
    if w.covered || !w.text.starts_with(char::is_uppercase) {
        return;
    }
    if let Some(name) = gazetteer_name(&fold(w.text)) {
        out.push(Sighting {
            name,
            kind: EntityKind::Place,
            doc,
            strong: true,
            aliases: Vec::new(),
            surname_only: false,
        });
    }
}

/// The gazetteer entry a folded word names (`russlands` → `Russland`), if any.
fn gazetteer_name(term: &str) -> Option<String> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static BY_FOLDED: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let map = BY_FOLDED.get_or_init(|| {
        super::gazetteer::PLACES
            .iter()
            .map(|p| (fold(p), *p))
            .collect()
    });
    map.get(term)
        .or_else(|| term.strip_suffix('s').and_then(|t| map.get(t)))
        .map(|p| p.to_string())
}

/// Every word the corpus writes in lower case (`weil`, `union`): such a word is no surname.
fn lower_case_words(docs: &[Document]) -> HashSet<&str> {
    let mut out = HashSet::new();
    for doc in docs {
        for word in doc.text.split(|c: char| !c.is_alphabetic()) {
            if word.starts_with(char::is_lowercase) {
                out.insert(word);
            }
        }
    }
    out
}

/// The merge key of a name: per word its transliteration key (or folded form), with
/// adjective and genitive endings cut (`Technischen Hilfswerks` = `Technisches Hilfswerk`).
fn merge_key(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let folded = fold(w);
            let stem = ["en", "es", "er", "em", "e", "s"]
                .iter()
                .find(|e| folded.len() >= 6 && folded.ends_with(*e))
                .map_or(folded.as_str(), |e| &folded[..folded.len() - e.len()]);
            translit::key(stem).unwrap_or_else(|| stem.to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key under which a discovered spelling joins a listed name: the merge key of names of
/// two or more words, or of one word of six letters or more (shorter words collide too often).
pub fn variant_key(name: &str) -> Option<String> {
    let words = name.split([' ', '-']).filter(|w| !w.is_empty()).count();
    (words >= 2 || name.chars().count() >= 6).then(|| merge_key(name))
}

/// The surname of a person's name: its last word, with a particle before it
/// (`Rasha al-Khatib` → `al-Khatib`, `Ursula von der Leyen` → `von der Leyen`).
fn surname(name: &str) -> &str {
    let words: Vec<&str> = name.split(' ').collect();
    let mut from = words.len().saturating_sub(1);
    while from > 1 && names::PARTICLES.contains(&words[from - 1]) {
        from -= 1;
    }
    let start = words[..from].iter().map(|w| w.len() + 1).sum::<usize>();
    &name[start.min(name.len())..]
}

fn merge(sightings: Vec<Sighting>, lower_words: &HashSet<&str>) -> Vec<Candidate> {
    let (surnames, full): (Vec<Sighting>, Vec<Sighting>) =
        sightings.into_iter().partition(|s| s.surname_only);
    let mut groups: BTreeMap<String, Vec<Sighting>> = BTreeMap::new();
    for s in full {
        groups.entry(merge_key(&s.name)).or_default().push(s);
    }
    let mut out: Vec<Candidate> = groups.into_values().map(candidate).collect();
    // A surname alone belongs to the one person of the corpus with that surname. The persons
    // named in full, by surname key, are looked up once per sighting (not compared with every
    // candidate: at 100,000 articles that was quadratic).
    let surname_key = |name: &str| merge_key(surname(name));
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (c, candidate) in out.iter().enumerate() {
        if candidate.kind == EntityKind::Person && candidate.name.contains(' ') {
            by_surname
                .entry(surname_key(&candidate.name))
                .or_default()
                .push(c);
        }
    }
    for s in surnames {
        let key = merge_key(&s.name);
        let owners = by_surname.get(&key).map_or(&[][..], Vec::as_slice);
        if let [owner] = owners {
            let c = &mut out[*owner];
            c.count += 1;
            if !c.docs.contains(&s.doc) {
                c.docs.push(s.doc);
                c.docs.sort_unstable();
            }
        }
    }
    // Every person named in full may also be named by surname alone, where the surname is no
    // word the corpus writes in lower case and no other person's surname.
    let mut surname_count: BTreeMap<String, usize> = BTreeMap::new();
    for c in out.iter().filter(|c| c.kind == EntityKind::Person) {
        *surname_count.entry(surname_key(&c.name)).or_default() += 1;
    }
    for c in out.iter_mut().filter(|c| c.kind == EntityKind::Person) {
        let last = surname(&c.name).to_string();
        let safe = c.name.contains(' ')
            && last.chars().count() >= 4
            && surname_count.get(&surname_key(&c.name)) == Some(&1)
            && !lower_words.contains(last.to_lowercase().as_str())
            && !names::is_given_name(&last)
            && !names::is_not_name(&last);
        if safe && !c.aliases.contains(&last) {
            c.aliases.push(last);
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out
}

/// One candidate from a group of sightings with one merge key.
fn candidate(group: Vec<Sighting>) -> Candidate {
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
        *kinds.entry(s.kind).or_default() += 1 + 2 * usize::from(s.strong);
    }
    let kind = kinds
        .into_iter()
        .max_by_key(|(_, c)| *c)
        .map(|(k, _)| k)
        .unwrap_or(EntityKind::Person);
    let mut docs: Vec<u32> = group.iter().map(|s| s.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    let mut aliases: Vec<String> = spellings
        .keys()
        .filter(|n| **n != name)
        .map(|n| n.to_string())
        .collect();
    for s in &group {
        for a in &s.aliases {
            if *a != name && !aliases.contains(a) {
                aliases.push(a.clone());
            }
        }
    }
    Candidate {
        id: slug(&name),
        aliases,
        name,
        kind,
        count: group.len(),
        docs,
        strong: group.iter().any(|s| s.strong),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, EntityKind)> {
        let doc = crate::document::Document {
            origin: Default::default(),
            id: "t".into(),
            meta: Default::default(),
            text: text.to_string().into(),
            blocks: vec![crate::document::Block {
                start: 0,
                end: text.len() as u32,
                kind: crate::document::BlockKind::Paragraph,
            }]
            .into(),
        };
        discover(&[doc], &[])
            .into_iter()
            .filter(Candidate::is_entity)
            .map(|c| (c.name, c.kind))
            .collect()
    }

    use EntityKind::{Organisation as O, Person as P, Place as L};

    #[test]
    fn rules_find_names_in_no_list() {
        let cases: &[(&str, &[(&str, EntityKind)])] = &[
            (
                "Nato-Generalsekretär Mark Rutte reiste ab.",
                &[("Mark Rutte", P)],
            ),
            (
                "Das sagte CSU-Chef Markus Söder am Montag.",
                &[("Markus Söder", P)],
            ),
            (
                "Die Intensivpflegerin Rasha al-Khatib sprach.",
                &[("Rasha al-Khatib", P)],
            ),
            (
                "Der Sprecher Lee Seong-kweun bestätigte das.",
                &[("Lee Seong-kweun", P)],
            ),
            (
                "Die Hamas-Führung um Yahya al-Sinwar schwieg.",
                &[("Yahya al-Sinwar", P)],
            ),
            (
                "Am Montag traf Choe Son Hui in Moskau ein.",
                &[("Choe Son Hui", P)],
            ),
            (
                "Bürgermeister Anton Huber (ÖVP) war vor Ort.",
                &[("Anton Huber", P)],
            ),
            (
                "Das Robert Koch-Institut (RKI) warnt.",
                &[("Robert Koch-Institut", O)],
            ),
            (
                "Die Gewerkschaft der Polizei (GdP) kritisiert das.",
                &[("Gewerkschaft der Polizei", O)],
            ),
            (
                "Das berichtete die Fachzeitschrift „The Lancet“ am Freitag.",
                &[("The Lancet", O)],
            ),
            (
                "Das Aktionsbündnis „Freie Stadt“ rief auf.",
                &[("Freie Stadt", O)],
            ),
            ("Die Berliner Feuerwehr half.", &[("Berliner Feuerwehr", O)]),
            (
                "Das Bayerische Staatsministerium des Innern teilte mit.",
                &[("Bayerische Staatsministerium des Innern", O)],
            ),
            (
                "Die Porsche Holding SE hält Anteile.",
                &[("Porsche Holding", O)],
            ),
            ("Die IG Metall streikt.", &[("IG Metall", O)]),
            ("Die Lage im Hafen Rason bleibt ruhig.", &[("Rason", L)]),
            (
                "Im Landkreis Günzburg stieg das Wasser.",
                &[("Landkreis Günzburg", L)],
            ),
            (
                "Auch in Reichertshofen stieg das Wasser.",
                &[("Reichertshofen", L)],
            ),
        ];
        for (text, expected) in cases {
            let got = found(text);
            for e in *expected {
                assert!(
                    got.iter().any(|(n, k)| n == e.0 && *k == e.1),
                    "{text:?}: missing {e:?} in {got:?}"
                );
            }
        }
    }

    #[test]
    fn nouns_roles_and_legal_forms_are_no_names() {
        for (text, not) in [
            ("Die Sorge wächst.", "Sorge"),
            (
                "Ministerpräsident Markus Söder sprach.",
                "Ministerpräsident Markus Söder",
            ),
            ("Die Aktie der Volkswagen AG stieg. Die AG zahlt.", "AG"),
            (
                "Nordkoreanische Soldaten sind Kanonenfutter.",
                "Nordkoreanische Soldaten",
            ),
            ("Sie lebt in Hoffnung.", "Hoffnung"),
            ("Der Tag begann in Berlin.", "Tag"),
        ] {
            let got = found(text);
            assert!(got.iter().all(|(n, _)| n != not), "{text:?}: {got:?}");
        }
    }

    #[test]
    fn a_surname_alone_is_the_full_name() {
        let text = "Die Pflegerin Rasha al-Khatib sprach. Später sagte Al-Khatib, sie bleibe. \
            Ministerin Ana Weiler kam. Ministerin Weiler blieb.";
        let doc = |t: &str| crate::document::Document {
            origin: Default::default(),
            id: "t".into(),
            meta: Default::default(),
            text: t.to_string().into(),
            blocks: vec![crate::document::Block {
                start: 0,
                end: t.len() as u32,
                kind: crate::document::BlockKind::Paragraph,
            }]
            .into(),
        };
        let found = discover(&[doc(text)], &[]);
        let khatib = found.iter().find(|c| c.name == "Rasha al-Khatib").unwrap();
        assert!(
            khatib.aliases.iter().any(|a| a == "al-Khatib"),
            "{khatib:?}"
        );
        let weiler = found.iter().find(|c| c.name == "Ana Weiler").unwrap();
        assert_eq!(weiler.count, 2, "{found:?}");
        assert!(found.iter().all(|c| c.name != "Weiler"), "{found:?}");
    }

    #[test]
    fn spellings_merge() {
        assert_eq!(merge_key("Rasha al-Khatib"), merge_key("Rascha al-Chatib"));
        assert_eq!(
            merge_key("Technisches Hilfswerk"),
            merge_key("Technischen Hilfswerks")
        );
        assert_eq!(surname("Ursula von der Leyen"), "von der Leyen");
        assert_eq!(surname("Rasha al-Khatib"), "al-Khatib");
    }
}
