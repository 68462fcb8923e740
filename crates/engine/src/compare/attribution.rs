//! Who a figure is attributed to: the source its own clause names.
//!
//! A difference between two sources is not a contradiction between two outlets, so the
//! comparison shows this beside each figure. In `Rund 160.000 Menschen zogen nach Angaben der
//! Polizei durch den Tiergarten, das Aktionsbündnis sprach von 350.000 Teilnehmern` the first
//! figure is the police's and the second the alliance's, so the sentence is cut into clauses
//! ([`super::clause`]) and each figure reads only its own:
//!
//! - a cue with the source after it: `laut X`, `nach Angaben X` (and `nach Schätzungen`,
//!   `Zählung`, `Erkenntnissen`…), `nach Polizeiangaben`, `unter Berufung auf X`,
//!   `Schätzungen der X`, `X zufolge`, `so X` at the start of a clause;
//! - a reporting verb and its subject: `X sprach von`, `zählte X`, `X meldete`,
//!   `teilte X … mit`, `X gab … an`, `X schätzt`, `X geht von … aus`, `X bezifferte`,
//!   `X nannte`, `X kam auf`, either before the verb or, after an adverbial, right after it;
//! - a comment clause beside it: `…, wie die Polizei mitteilte`, `…, teilte X mit`, `…, so X`;
//!   a `dass` clause takes the source of the reporting clause it depends on;
//! - an elliptic clause after a reporting one takes the noun phrase it starts with:
//!   `Die Polizei sprach von 150.000, das Bündnis „X“, das … aufgerufen hatte, von 300.000`.
//!
//! Where the figure's clause names no source, there is none: a wrong source is worse than none.
//! Limits: no pronoun is resolved (`Sie sprach von …` has no source), a noun phrase is read by
//! its shape (articles, adjectives, capitalised words, quoted names, genitives), and a source
//! named only in a sentence nearby is left to the caller ([`back_reference`]).

use super::clause::{clauses, Clause, Kind, Token};
use crate::figures::lexicon;
use crate::figures::numerals::parse_number_word;

/// Nouns after which `nach` names a source: `nach Angaben der Polizei`, `nach Zählung der …`.
const SOURCE_NOUNS: &[&str] = &[
    "angaben",
    "angabe",
    "schätzung",
    "schätzungen",
    "einschätzung",
    "zählung",
    "zählungen",
    "rechnung",
    "berechnung",
    "berechnungen",
    "erkenntnissen",
    "informationen",
    "darstellung",
    "auskunft",
    "aussage",
    "aussagen",
    "daten",
    "zahlen",
    "worten",
    "recherchen",
    "meldungen",
    "berichten",
];

/// A reporting verb: its forms, the particle the clause must also contain (`sprach … von`,
/// `teilte … mit`), and whether that particle must follow the verb directly (`kam auf`).
struct Verb {
    forms: &'static [&'static str],
    particle: Option<&'static [&'static str]>,
    adjacent: bool,
}

const VERBS: &[Verb] = &[
    Verb {
        forms: &["sprach", "sprachen", "spricht", "sprechen"],
        particle: Some(&["von"]),
        adjacent: false,
    },
    Verb {
        forms: &["teilte", "teilten", "teilt", "teilen"],
        particle: Some(&["mit"]),
        adjacent: false,
    },
    Verb {
        forms: &["gab", "gaben", "gibt", "geben"],
        particle: Some(&["an", "bekannt"]),
        adjacent: false,
    },
    Verb {
        forms: &["geht", "ging", "gehen", "gingen"],
        particle: Some(&["aus"]),
        adjacent: false,
    },
    Verb {
        forms: &["kam", "kamen", "kommt", "kommen"],
        particle: Some(&["auf"]),
        adjacent: true,
    },
    Verb {
        forms: &["rechnet", "rechnete", "rechnen", "rechneten"],
        particle: Some(&["mit"]),
        adjacent: true,
    },
    Verb {
        forms: &[
            "zählte",
            "zählten",
            "zählt",
            "zählen",
            "meldete",
            "meldeten",
            "meldet",
            "melden",
            "schätzt",
            "schätzte",
            "schätzten",
            "schätzen",
            "bezifferte",
            "bezifferten",
            "beziffert",
            "beziffern",
            "nannte",
            "nannten",
            "nennt",
            "nennen",
            "berichtete",
            "berichteten",
            "berichtet",
            "berichten",
            "registrierte",
            "registrierten",
            "registriert",
            "verzeichnete",
            "verzeichnet",
            "sagte",
            "sagten",
            "sagt",
            "erklärte",
            "erklärt",
            "bestätigte",
            "bestätigt",
            "zitiert",
            "zitierte",
        ],
        particle: None,
        adjacent: false,
    },
];

/// Verb-final forms that close a comment clause: `wie die Polizei mitteilte`.
const FINAL_VERBS: &[&str] = &[
    "mitteilte",
    "mitteilten",
    "mitteilt",
    "berichtete",
    "berichteten",
    "berichtet",
    "sagte",
    "sagten",
    "sagt",
    "meldete",
    "meldeten",
    "meldet",
    "erklärte",
    "erklärt",
    "bestätigte",
    "bestätigt",
    "angab",
    "angaben",
    "angibt",
    "bekanntgab",
    "schätzt",
    "schätzte",
    "zählte",
    "zählt",
    "hieß",
    "heißt",
    "verlautete",
];

/// Articles and determiners that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
];

/// Words that, standing first, make the words before a verb an adverbial, not its subject.
const NOT_SUBJECT: &[&str] = &[
    "am",
    "im",
    "in",
    "an",
    "auf",
    "bis",
    "nach",
    "seit",
    "vor",
    "bei",
    "mit",
    "von",
    "zu",
    "zum",
    "zur",
    "über",
    "unter",
    "für",
    "gegen",
    "um",
    "aus",
    "durch",
    "während",
    "laut",
    "auch",
    "insgesamt",
    "damit",
    "dabei",
    "dazu",
    "zudem",
    "bisher",
    "bislang",
    "demnach",
    "inzwischen",
    "mittlerweile",
    "gestern",
    "heute",
    "zuletzt",
    "zunächst",
    "später",
    "dort",
    "hier",
    "so",
    "nun",
    "jetzt",
    "allein",
    "außerdem",
    "ebenfalls",
    "erst",
    "noch",
    "schon",
    "bereits",
    "dann",
    "danach",
    "zuvor",
    "offiziell",
    "derzeit",
    "aktuell",
    "letztlich",
    "schließlich",
    "trotzdem",
    "dennoch",
    "allerdings",
    "jedoch",
    "aber",
    "doch",
    "und",
    "immerhin",
    "mindestens",
    "rund",
    "etwa",
    "fast",
    "knapp",
    "mehr",
    "weniger",
    "es",
    "sie",
    "er",
    "man",
    "wir",
    "ich",
    "ihr",
];

/// Pronouns, which are never shown as a source (they are not resolved).
const PRONOUNS: &[&str] = &[
    "er", "sie", "es", "man", "wir", "ich", "ihr", "dies", "das", "diese", "dieser", "dieses",
    "die", "der", "den", "dem", "beide", "alle",
];

/// Words that may stand between the noun phrase and the figure of an elliptic clause.
const ELLIPTIC_FILLERS: &[&str] = &[
    "von",
    "auf",
    "mit",
    "sogar",
    "nur",
    "lediglich",
    "dagegen",
    "hingegen",
    "jedoch",
    "wiederum",
    "indes",
    "aber",
    "eher",
    "selbst",
];

/// The source of the figure at byte `at` of `sentence`, as written (`der Polizei`,
/// `das Aktionsbündnis „Offene Republik“`), if its own clause names one.
pub fn source_at(sentence: &str, at: usize) -> Option<String> {
    let list = clauses_of(sentence);
    let here = clause_index(&list, at)?;
    let clause = &list[here];
    let words = clause.tokens(sentence);
    if let Some(s) = own_source(sentence, &words) {
        return Some(s);
    }
    let by_position = |i: usize| list[i].pieces.first().map_or(0, |p| p.0);
    let mut order: Vec<usize> = (0..list.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| by_position(i));
    let pos = order.iter().position(|&i| i == here)?;
    let previous = pos.checked_sub(1).map(|p| order[p]);
    let next = order.get(pos + 1).copied();
    match clause.kind {
        Kind::Relative => None,
        Kind::Subordinate("dass") => {
            let p = previous?;
            own_source(sentence, &list[p].tokens(sentence))
        }
        _ => {
            // A comment clause right after it, or one opening the sentence right before it.
            let comment = |i: usize| comment_source(sentence, &list[i]);
            if let Some(s) = next.and_then(comment) {
                return Some(s);
            }
            if pos == 1 {
                if let Some(s) = previous.and_then(comment) {
                    return Some(s);
                }
            }
            if clause.kind == Kind::Main {
                let reporting = order[..pos]
                    .iter()
                    .rev()
                    .find(|&&i| list[i].kind == Kind::Main)
                    .is_some_and(|&i| reporting_verb(&list[i].tokens(sentence)).is_some());
                if reporting {
                    return elliptic_source(sentence, &words, at);
                }
            }
            None
        }
    }
}

/// The first source any clause of `sentence` names, for sentences that refer back to figures
/// before them (`Die Angaben beruhen auf Schätzungen der … Geheimdienste.`).
pub fn sentence_source(sentence: &str) -> Option<String> {
    clauses_of(sentence).iter().find_map(|c| {
        let words = c.tokens(sentence);
        own_source(sentence, &words).or_else(|| comment_source(sentence, c))
    })
}

/// How a source reads beside a figure, as German writes it: `laut` and the source without its
/// article before a noun (`Die Polizei`, `der Polizei` → `laut Polizei`); with its article
/// where an adjective stands between, in the case the sentence gave it (`der bayerischen
/// Behörden` → `laut der bayerischen Behörden`); a subject with an adjective (`Das von der
/// Hamas kontrollierte Ministerium`) cannot follow `laut` and reads `Quelle: das … Ministerium`.
pub fn label(source: &str) -> String {
    const DETERMINERS: &[&str] = &[
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem",
        "deren", "dessen", "dieser", "diese", "dieses", "diesem", "seine", "seiner", "ihre",
        "ihrer",
    ];
    let source = source.trim();
    let Some((first, rest)) = source.split_once(' ') else {
        return format!("laut {source}");
    };
    let first_lower = first.to_lowercase();
    if !DETERMINERS.contains(&first_lower.as_str()) {
        return format!("laut {source}");
    }
    let rest = rest.trim_start();
    // A masculine or neuter genitive keeps its article: the noun is inflected (`des
    // Bundesheeres` → `laut des Bundesheeres`, not `laut Bundesheeres`).
    if rest.chars().next().is_some_and(char::is_uppercase) {
        return if matches!(first_lower.as_str(), "des" | "einer" | "einem" | "eines") {
            format!("laut {first_lower} {rest}")
        } else if first_lower == "eine" {
            // A feminine noun keeps its form in the dative; only the article changes.
            format!("laut einer {rest}")
        } else {
            format!("laut {rest}")
        };
    }
    // The word before the noun shows the case: `-en` after an article is genitive or dative.
    let words: Vec<&str> = rest.split_whitespace().collect();
    // Either the first capitalised word is the noun (`der russischen Nachrichtenagentur Tass`)
    // or the last is, after a participle phrase (`der von der Hamas kontrollierten Behörde`).
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let inflected_before = |noun: Option<usize>| {
        let noun = noun.unwrap_or(words.len());
        noun > 0 && words[noun - 1].ends_with("en")
    };
    let oblique = inflected_before(words.iter().position(capitalised))
        || inflected_before(words.iter().rposition(capitalised));
    let lowered = format!("{first_lower} {rest}");
    if oblique {
        format!("laut {lowered}")
    } else {
        format!("Quelle: {lowered}")
    }
}

/// Whether a figure-free `sentence` refers back to the figures before it and names their
/// source: it speaks of `Angaben`, `Zahlen`, `Schätzungen`… in its first words, or starts with
/// `Das`/`Dies` before a reporting verb (`Das teilte die Polizei mit.`).
pub fn back_reference(sentence: &str) -> Option<String> {
    let words = super::clause::tokens(sentence, 0, sentence.len());
    let first: Vec<String> = words.iter().take(4).map(Token::lower).collect();
    let about_figures = first.iter().any(|w| {
        matches!(
            w.as_str(),
            "angaben" | "zahl" | "zahlen" | "schätzung" | "schätzungen" | "daten" | "informationen"
        )
    });
    let pointing = first
        .first()
        .is_some_and(|w| matches!(w.as_str(), "das" | "dies"))
        && words.get(1).is_some_and(|w| is_reporting_form(&w.lower()));
    (about_figures || pointing)
        .then(|| sentence_source(sentence))
        .flatten()
}

/// Whether the clause of the figure at `at` refers to the sentence before for its source
/// (`Demnach …`, `Demzufolge …`).
pub fn refers_to_previous(sentence: &str, at: usize) -> bool {
    clauses_of(sentence)
        .iter()
        .find(|c| c.contains(at))
        .is_some_and(|c| {
            c.tokens(sentence)
                .iter()
                .any(|t| matches!(t.lower().as_str(), "demnach" | "demzufolge"))
        })
}

/// The words of the clause that byte `at` of `sentence` stands in.
pub fn clause_words(sentence: &str, at: usize) -> Vec<Token<'_>> {
    let list = clauses_of(sentence);
    clause_index(&list, at).map_or_else(Vec::new, |i| list[i].tokens(sentence))
}

/// The clause byte `at` lies in; for a byte between pieces, the clause of the nearest piece
/// before it.
fn clause_index(list: &[Clause], at: usize) -> Option<usize> {
    list.iter().position(|c| c.contains(at)).or_else(|| {
        list.iter()
            .enumerate()
            .filter(|(_, c)| c.pieces.iter().any(|&(s, _)| s <= at))
            .max_by_key(|(_, c)| c.pieces.iter().map(|&(s, _)| s).max())
            .map(|(i, _)| i)
    })
}

fn clauses_of(sentence: &str) -> Vec<Clause> {
    clauses(sentence, |rest| {
        let words = super::clause::tokens(rest, 0, rest.len());
        own_source(rest, &words).is_some()
    })
}

/// The source a clause names in its own words: a cue, else a reporting verb's subject.
fn own_source(sentence: &str, words: &[Token]) -> Option<String> {
    cue_source(sentence, words).or_else(|| {
        let v = reporting_verb(words)?;
        // `Die Union kommt auf 30 Prozent`: a share is what the subject has, not what it counts.
        let kommen = matches!(
            words[v].lower().as_str(),
            "kam" | "kamen" | "kommt" | "kommen"
        );
        if kommen
            && words
                .iter()
                .any(|w| matches!(w.lower().as_str(), "prozent" | "%" | "prozentpunkte"))
        {
            return None;
        }
        subject(sentence, words, v)
    })
}

/// Head nouns of what is measured, not of who measures: fronted before the verb they are its
/// object (`Die Kosten des Einsatzes schätzt die Gewerkschaft auf …`).
const MEASURED: &[&str] = &[
    "kosten",
    "schaden",
    "schäden",
    "zahl",
    "zahlen",
    "summe",
    "höhe",
    "anteil",
    "wert",
    "preis",
    "preise",
    "umsatz",
    "gewinn",
    "verlust",
    "verluste",
    "ausgaben",
    "einnahmen",
    "quote",
    "menge",
    "größe",
    "dauer",
];

/// A source after (or, for `zufolge`, before) a cue word.
fn cue_source(sentence: &str, words: &[Token]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(Token::lower).collect();
    let text = |(s, e): (usize, usize)| sentence[words[s].start..words[e - 1].end].to_string();
    for (k, w) in lower.iter().enumerate() {
        let found = match w.as_str() {
            "laut" => noun_phrase(words, k + 1).map(|p| strip_source_noun(words, p)),
            "zufolge" => noun_phrase_before(words, k).map(|p| strip_source_noun(words, p)),
            "unter" if lower.get(k + 1..k + 3) == Some(&["berufung".into(), "auf".into()]) => {
                noun_phrase(words, k + 3)
            }
            "so" if k == 0 => noun_phrase(words, 1),
            "nach" => {
                if let Some(s) = after_nach(sentence, words, &lower, k) {
                    return Some(s);
                }
                None
            }
            "schätzungen" | "angaben"
                if lower
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.as_str(), "der" | "des")) =>
            {
                noun_phrase(words, k + 1)
            }
            "hieß" | "heißt" if lower.get(k + 1).is_some_and(|n| n == "es") => lower
                .get(k + 2)
                .filter(|p| matches!(p.as_str(), "aus" | "von" | "bei" | "vom"))
                .and_then(|_| noun_phrase(words, k + 3)),
            _ => None,
        };
        if let Some(p) = found {
            let s = text(p);
            if plausible(&s) {
                return Some(s);
            }
        }
    }
    None
}

/// The source after `nach` at word `k`: `nach Angaben der Polizei`, `nach einer ersten
/// Schätzung der Staatsregierung`, `nach Polizeiangaben`, `nach israelischen Angaben`.
fn after_nach(sentence: &str, words: &[Token], lower: &[String], k: usize) -> Option<String> {
    let mut i = k + 1;
    if lower
        .get(i)
        .is_some_and(|w| DETERMINERS.contains(&w.as_str()))
    {
        i += 1;
    }
    let adjectives_from = i;
    while words
        .get(i)
        .is_some_and(|w| lexicon::is_adjective_like(w.text))
    {
        i += 1;
    }
    let noun = lower.get(i)?;
    if SOURCE_NOUNS.contains(&noun.as_str()) {
        let next = lower.get(i + 1).map(String::as_str);
        if matches!(next, Some("der" | "des")) {
            let p = noun_phrase(words, i + 1)?;
            return Some(sentence[words[p.0].start..words[p.1 - 1].end].to_string());
        }
        if matches!(next, Some("von" | "aus")) {
            let p = noun_phrase(words, i + 2)?;
            return Some(sentence[words[p.0].start..words[p.1 - 1].end].to_string());
        }
        // `nach israelischen Angaben`: an adjective of origin is the source.
        let origin = (adjectives_from..i)
            .any(|a| lower[a].ends_with("schen") || lower[a].ends_with("scher"));
        if origin && i == adjectives_from + 1 {
            return Some(sentence[words[adjectives_from].start..words[i].end].to_string());
        }
        return None;
    }
    // `nach Polizeiangaben`, `nach Unternehmensangaben`: the compound's first part.
    let head = SOURCE_NOUNS
        .iter()
        .find(|n| noun.ends_with(**n) && noun.len() >= n.len() + 3)?;
    let written = words[i].text;
    let cut = written.len() - head.len();
    let mut part = written.get(..cut)?.to_string();
    if part.ends_with('s') && !part.ends_with("ss") {
        let bare = &part[..part.len() - 1];
        if [
            "ung", "heit", "keit", "schaft", "tät", "ion", "um", "en", "ern", "and", "ums",
        ]
        .iter()
        .any(|e| bare.ends_with(e))
        {
            part.pop();
        }
    }
    part = part.trim_end_matches('-').to_string();
    plausible(&part).then_some(part)
}

/// `laut Angaben der Polizei` → `der Polizei`: a source noun before a genitive is not the source.
fn strip_source_noun(words: &[Token], (s, e): (usize, usize)) -> (usize, usize) {
    let lower = words[s].lower();
    if SOURCE_NOUNS.contains(&lower.as_str()) && e > s + 2 {
        let next = words[s + 1].lower();
        if matches!(next.as_str(), "der" | "des") {
            return (s + 1, e);
        }
    }
    (s, e)
}

/// Index of the clause's reporting verb, if it has one whose particle it also contains.
fn reporting_verb(words: &[Token]) -> Option<usize> {
    let lower: Vec<String> = words.iter().map(Token::lower).collect();
    let simple = lower.iter().enumerate().find_map(|(k, w)| {
        let verb = VERBS.iter().find(|v| v.forms.contains(&w.as_str()))?;
        let ok = match verb.particle {
            None => true,
            Some(p) if verb.adjacent => lower.get(k + 1).is_some_and(|n| p.contains(&n.as_str())),
            Some(p) => lower[k + 1..].iter().any(|n| p.contains(&n.as_str())),
        };
        ok.then_some(k)
    });
    simple.or_else(|| perfect_reporting(&lower))
}

/// The auxiliary of a reporting verb in the perfect, which stands where the simple verb would:
/// `Am Mittag hatte ein Polizeisprecher noch von 100.000 gesprochen`, `Die Polizei hat 14
/// Festnahmen gemeldet` (not `… haben sich gemeldet`, which is no report).
fn perfect_reporting(lower: &[String]) -> Option<usize> {
    const AUXILIARIES: &[&str] = &["hat", "hatte", "hatten", "haben", "habe"];
    /// Participles, with the word the clause must also hold (`von … gesprochen`).
    const PARTICIPLES: &[(&str, Option<&str>)] = &[
        ("gesprochen", Some("von")),
        ("mitgeteilt", None),
        ("angegeben", None),
        ("bekanntgegeben", None),
        ("gezählt", None),
        ("geschätzt", None),
        ("beziffert", None),
        ("genannt", None),
        ("berichtet", None),
        ("registriert", None),
        ("verzeichnet", None),
        ("gesagt", None),
        ("erklärt", None),
        ("bestätigt", None),
        ("gemeldet", None),
    ];
    let aux = lower
        .iter()
        .position(|w| AUXILIARIES.contains(&w.as_str()))?;
    let reflexive = lower.iter().any(|w| w == "sich");
    let reports = lower[aux + 1..].iter().any(|w| {
        PARTICIPLES.iter().any(|&(form, needs)| {
            w == form
                && needs.is_none_or(|n| lower[aux + 1..].iter().any(|x| x == n))
                && !(reflexive && form == "gemeldet")
        })
    });
    reports.then_some(aux)
}

fn is_reporting_form(lower: &str) -> bool {
    VERBS.iter().any(|v| v.forms.contains(&lower)) || FINAL_VERBS.contains(&lower)
}

/// The subject of the reporting verb at word `v`: the words before it when they are a noun
/// phrase, else the noun phrase right after it (`In München zählte die Polizei …`).
fn subject(sentence: &str, words: &[Token], v: usize) -> Option<String> {
    let text = |(s, e): (usize, usize)| sentence[words[s].start..words[e - 1].end].to_string();
    // `Schätzungen gehen von … aus`: a source noun is no subject.
    let plausible = |s: &str| plausible(s) && !SOURCE_NOUNS.contains(&s.to_lowercase().as_str());
    let before = &words[..v];
    let first = before.first().map(Token::lower);
    let adverbial = first
        .as_deref()
        .is_none_or(|f| NOT_SUBJECT.contains(&f) && !DETERMINERS.contains(&f));
    if !adverbial {
        if let Some((s, e)) = noun_phrase(words, 0) {
            let head = words[s..e]
                .iter()
                .map(Token::lower)
                .find(|w| !DETERMINERS.contains(&w.as_str()));
            let measured = head.is_some_and(|h| MEASURED.contains(&h.as_str()));
            if e == v && !measured {
                let found = text((s, e));
                return plausible(&found).then_some(found);
            }
        }
        // A figure or other words before the verb: the subject follows it.
    }
    let (s, e) = noun_phrase(words, v + 1)?;
    if words[s..e].iter().any(Token::is_number) {
        return None;
    }
    let found = text((s, e));
    plausible(&found).then_some(found)
}

/// The source a comment clause gives the clause beside it: `wie die Polizei mitteilte`,
/// `so die Polizei`, `teilte die Polizei mit`. A clause with a number of its own is no comment.
fn comment_source(sentence: &str, clause: &Clause) -> Option<String> {
    let words = clause.tokens(sentence);
    if words.iter().any(Token::is_number) {
        return None;
    }
    let first = words.first()?.lower();
    match clause.kind {
        Kind::Subordinate("wie") => {
            let last = words.last()?.lower();
            if !FINAL_VERBS.contains(&last.as_str()) {
                return None;
            }
            let (s, e) = noun_phrase(&words, 1)?;
            let found = sentence[words[s].start..words[e - 1].end].to_string();
            plausible(&found).then_some(found)
        }
        Kind::Main if first == "so" => cue_source(sentence, &words),
        Kind::Main if reporting_verb(&words) == Some(0) => subject(sentence, &words, 0),
        _ => None,
    }
}

/// The source of an elliptic clause after a reporting one: the noun phrase it starts with, when
/// only fillers (`von`, `sogar`…) stand between it and the figure at byte `at`.
fn elliptic_source(sentence: &str, words: &[Token], at: usize) -> Option<String> {
    let (s, e) = noun_phrase(words, 0)?;
    if !DETERMINERS.contains(&words[s].lower().as_str()) && !words[s].is_capitalised() {
        return None;
    }
    let figure = words.iter().position(|w| w.start >= at)?;
    if figure < e {
        return None;
    }
    let fillers = words[e..figure]
        .iter()
        .all(|w| ELLIPTIC_FILLERS.contains(&w.lower().as_str()));
    let found = sentence[words[s].start..words[e - 1].end].to_string();
    (fillers && plausible(&found)).then_some(found)
}

/// A source must name something: a capitalised word that is not only a pronoun, at most ten words.
fn plausible(source: &str) -> bool {
    let lower = source.to_lowercase();
    let n = source.split_whitespace().count();
    (1..=10).contains(&n)
        && source.chars().any(char::is_uppercase)
        && !PRONOUNS.contains(&lower.as_str())
}

/// Whether a token is a head word of a noun phrase: capitalised or a quoted name, and not a
/// number word (`Tausende`, `Zehn`, `Millionen`).
fn is_head(w: &Token) -> bool {
    if w.is_enclosed() {
        return !w.text.starts_with('(') || w.text.len() > 2;
    }
    w.is_capitalised()
        && lexicon::vague_plural(w.text).is_none()
        && lexicon::multiplier(w.text).is_none()
        && parse_number_word(&w.lower()).is_none()
        && !DETERMINERS.contains(&w.lower().as_str())
}

/// A noun phrase starting at word `k`: `[article] [adjectives] Head… [„Name“] [(Acronym)]`,
/// then genitives and `von`/`aus` phrases (`der Gesamtverband der Deutschen
/// Versicherungswirtschaft (GDV)`, `eine Quelle aus dem ukrainischen Militär`) and `und` with
/// another noun phrase. Returns word indices `(start, end)`.
fn noun_phrase(words: &[Token], k: usize) -> Option<(usize, usize)> {
    let mut i = k;
    let lower = |i: usize| words.get(i).map(Token::lower);
    if lower(i).is_some_and(|w| DETERMINERS.contains(&w.as_str())) {
        i += 1;
        // `das von der Hamas kontrollierte Ministerium`: a participle phrase inside.
        if lower(i).is_some_and(|w| w == "von" || w == "vom") {
            if let Some(j) = (i + 1..(i + 6).min(words.len())).find(|&j| {
                lexicon::is_adjective_like(words[j].text)
                    && words.get(j + 1).is_some_and(|n| is_head(n))
            }) {
                i = j;
            }
        }
    }
    while let Some(w) = words.get(i) {
        let and = w.text == "und"
            && words
                .get(i + 1)
                .is_some_and(|n| lexicon::is_adjective_like(n.text));
        if lexicon::is_adjective_like(w.text) || (and && i > k) {
            i += 1;
        } else {
            break;
        }
    }
    let heads_from = i;
    while words.get(i).is_some_and(is_head) {
        i += 1;
    }
    if i == heads_from {
        return None;
    }
    // Genitives, `von`/`aus` phrases and coordinated noun phrases continue it.
    while let Some(w) = lower(i) {
        let continues = matches!(w.as_str(), "der" | "des" | "von" | "vom" | "aus" | "und");
        if !continues {
            break;
        }
        let from = if matches!(w.as_str(), "von" | "aus" | "und") {
            i + 1
        } else {
            i
        };
        match noun_phrase_simple(words, from) {
            Some(end) => i = end,
            None => break,
        }
    }
    Some((k, i))
}

/// A noun phrase without continuations, for genitives: its end index.
fn noun_phrase_simple(words: &[Token], k: usize) -> Option<usize> {
    let mut i = k;
    if words
        .get(i)
        .is_some_and(|w| DETERMINERS.contains(&w.lower().as_str()))
    {
        i += 1;
    }
    while words
        .get(i)
        .is_some_and(|w| lexicon::is_adjective_like(w.text) || w.text == "und")
    {
        i += 1;
    }
    let from = i;
    while words.get(i).is_some_and(is_head) {
        i += 1;
    }
    (i > from).then_some(i)
}

/// The noun phrase ending right before word `k` (`Berichten zufolge`, `dem Ministerium
/// zufolge`): back over heads, adjectives and at most one article, at most six words.
fn noun_phrase_before(words: &[Token], k: usize) -> Option<(usize, usize)> {
    let mut s = k;
    while s > 0 && k - s < 6 {
        let w = &words[s - 1];
        let lower = w.lower();
        if is_head(w) || lexicon::is_adjective_like(w.text) || lower == "der" || lower == "des" {
            s -= 1;
        } else if DETERMINERS.contains(&lower.as_str()) {
            s -= 1;
            break;
        } else {
            break;
        }
    }
    (s < k && words[s..k].iter().any(is_head)).then_some((s, k))
}

#[cfg(test)]
mod tests {
    use super::{back_reference, label, sentence_source, source_at};

    /// The source of the figure written `figure` in `sentence`.
    fn of(sentence: &str, figure: &str) -> Option<String> {
        let at = sentence
            .find(figure)
            .expect("the figure is in the sentence");
        source_at(sentence, at)
    }

    #[test]
    fn a_source_reads_after_laut_without_its_article() {
        let cases = [
            ("Die Polizei", "laut Polizei"),
            ("der Polizei", "laut Polizei"),
            ("des Bundesheeres", "laut des Bundesheeres"),
            ("des Roten Kreuzes", "laut des Roten Kreuzes"),
            (
                "einer Quelle aus dem Ministerium",
                "laut einer Quelle aus dem Ministerium",
            ),
            (
                "Eine Sprecherin der Stadt",
                "laut einer Sprecherin der Stadt",
            ),
            (
                "der staatlichen Nachrichtenagentur Xinhua",
                "laut der staatlichen Nachrichtenagentur Xinhua",
            ),
            (
                "die staatliche Nachrichtenagentur Xinhua",
                "Quelle: die staatliche Nachrichtenagentur Xinhua",
            ),
            ("Deren Veranstalter", "laut Veranstalter"),
            (
                "das Bündnis „Bunt statt Braun“",
                "laut Bündnis „Bunt statt Braun“",
            ),
            (
                "Innensenatorin Iris Spranger",
                "laut Innensenatorin Iris Spranger",
            ),
            ("Polizeiangaben", "laut Polizeiangaben"),
            ("Die", "laut Die"),
            ("der bayerischen Behörden", "laut der bayerischen Behörden"),
            (
                "dem oberösterreichischen Landesfeuerwehrkommando",
                "laut dem oberösterreichischen Landesfeuerwehrkommando",
            ),
            (
                "der von der Hamas kontrollierten Gesundheitsbehörde",
                "laut der von der Hamas kontrollierten Gesundheitsbehörde",
            ),
            (
                "Das von der Hamas kontrollierte Gesundheitsministerium",
                "Quelle: das von der Hamas kontrollierte Gesundheitsministerium",
            ),
            ("israelischen Angaben", "laut israelischen Angaben"),
        ];
        for (source, expected) in cases {
            assert_eq!(label(source), expected, "{source}");
        }
    }

    #[test]
    fn each_figure_has_the_source_of_its_own_clause() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // What is measured, fronted before the verb, is not who measures.
            (
                "Die Kosten des Umbaus schätzt der Landesrechnungshof auf rund 4,8 Millionen Euro.",
                "4,8 Millionen",
                Some("der Landesrechnungshof"),
            ),
            (
                "Den Schaden beziffert die Versicherung auf 300.000 Euro.",
                "300.000",
                Some("die Versicherung"),
            ),
            // A reporting verb in the perfect.
            (
                "Am frühen Nachmittag hatte ein Polizeisprecher noch von 2.000 Teilnehmenden gesprochen.",
                "2.000",
                Some("ein Polizeisprecher"),
            ),
            (
                "Die Feuerwehr hat bis zum Abend 37 Einsätze gemeldet.",
                "37",
                Some("Die Feuerwehr"),
            ),
            ("Bis Freitag haben sich 300 Freiwillige gemeldet.", "300", None),
            ("Im Mai hatte die Stadt 40 neue Bänke aufgestellt.", "40", None),
            // A share a party has is no count it reports.
            ("Die Grünen kommen in der Umfrage auf 14 Prozent.", "14 Prozent", None),
            (
                "Die Veranstalter kamen auf 9.000 Teilnehmende.",
                "9.000",
                Some("Die Veranstalter"),
            ),
            // Two sources in one sentence.
            (
                "Rund 4.000 Menschen zogen nach Angaben der Polizei durch die Altstadt, das Bündnis „Bunt statt Braun“ sprach sogar von bis zu 9.000 Teilnehmern.",
                "Rund 4.000",
                Some("der Polizei"),
            ),
            (
                "Rund 4.000 Menschen zogen nach Angaben der Polizei durch die Altstadt, das Bündnis „Bunt statt Braun“ sprach sogar von bis zu 9.000 Teilnehmern.",
                "bis zu 9.000",
                Some("das Bündnis „Bunt statt Braun“"),
            ),
            // An elliptic second clause, with a relative clause after its subject.
            (
                "Die Polizei sprach am Mittag von mindestens 2 500 Teilnehmern, der Verein „Rad statt Auto“, der zu der Sternfahrt aufgerufen hatte, von 6 000 Radfahrern.",
                "mindestens 2 500",
                Some("Die Polizei"),
            ),
            (
                "Die Polizei sprach am Mittag von mindestens 2 500 Teilnehmern, der Verein „Rad statt Auto“, der zu der Sternfahrt aufgerufen hatte, von 6 000 Radfahrern.",
                "6 000",
                Some("der Verein „Rad statt Auto“"),
            ),
            (
                "Die Organisatoren sprechen von mehr als 12.000 Gästen.",
                "12.000",
                Some("Die Organisatoren"),
            ),
            (
                "In Leipzig kamen nach Polizeiangaben etwa 8.000 Menschen zusammen.",
                "8.000",
                Some("Polizei"),
            ),
            (
                "Nach Unternehmensangaben arbeiten dort 1.200 Menschen.",
                "1.200",
                Some("Unternehmen"),
            ),
            ("Laut Polizei wurden 14 Menschen verletzt.", "14", Some("Polizei")),
            (
                "Bei dem Brand wurden drei Menschen verletzt, wie die Polizei mitteilte.",
                "drei",
                Some("die Polizei"),
            ),
            (
                "Wie die Stadtwerke mitteilten, waren 2.400 Haushalte ohne Strom.",
                "2.400",
                Some("die Stadtwerke"),
            ),
            (
                "Dem Landesamt zufolge stieg der Pegel auf 6,80 Meter.",
                "6,80",
                Some("Dem Landesamt"),
            ),
            (
                "Am Rathausplatz zählte die Polizei rund 3.500 Teilnehmer.",
                "3.500",
                Some("die Polizei"),
            ),
            (
                "Am Dienstag teilte das Gesundheitsministerium mit, dass 31 Menschen gestorben seien.",
                "31",
                Some("das Gesundheitsministerium"),
            ),
            (
                "Bis zum Abend meldete die Feuerwehr 220 Einsätze.",
                "220",
                Some("die Feuerwehr"),
            ),
            (
                "Die Gesundheitsbehörde spricht von 57 Toten.",
                "57",
                Some("Die Gesundheitsbehörde"),
            ),
            (
                "Der Verband der Kreditversicherer (VdK) schätzt den Schaden auf rund 1,5 Milliarden Euro.",
                "rund 1,5",
                Some("Der Verband der Kreditversicherer (VdK)"),
            ),
            (
                "Das von der Miliz kontrollierte Innenministerium gab die Zahl der Toten mit 212 an.",
                "212",
                Some("Das von der Miliz kontrollierte Innenministerium"),
            ),
            (
                "Nach einer ersten Schätzung der Landesregierung liegt der Schaden bei 300 Millionen Euro.",
                "300",
                Some("der Landesregierung"),
            ),
            (
                "Nach israelischen Angaben sind noch 40 Geiseln in Gaza.",
                "40",
                Some("israelischen Angaben"),
            ),
            (
                "Die Feuerwehr rückte zu 85 Einsätzen aus, so ein Sprecher der Stadt.",
                "85",
                Some("ein Sprecher der Stadt"),
            ),
            (
                "Die Gewerkschaft geht von 20.000 Streikenden aus.",
                "20.000",
                Some("Die Gewerkschaft"),
            ),
            (
                "Die Veranstalter kamen auf 5.000 Besucher.",
                "5.000",
                Some("Die Veranstalter"),
            ),
            // No source in the figure's clause: none, even if another clause names one.
            (
                "Die Polizei zählte 900 Teilnehmer, am Abend waren es noch 300.",
                "300",
                None,
            ),
            (
                "Nach Angaben der Polizei verlief der Tag friedlich, 1.800 Beamte waren im Einsatz.",
                "1.800",
                None,
            ),
            (
                "Weitgehend ruhig blieb es nach Einschätzung der Polizei, die mit 600 Beamten vor Ort war.",
                "600",
                None,
            ),
            (
                "Die Polizei zählte 900 Teilnehmer, die friedlich durch die Stadt zogen.",
                "900",
                Some("Die Polizei"),
            ),
            ("Insgesamt gab es 17 Festnahmen.", "17", None),
            ("Sie sprach von 40 Verletzten.", "40", None),
            ("Mitte Mai gab es 12 Tote.", "12", None),
            ("Schätzungen gehen von bereits 15.000 Soldaten aus.", "15.000", None),
            (
                "Am Montag gab die Armee bekannt, dass 30 Soldaten gefallen seien.",
                "30",
                Some("die Armee"),
            ),
            (
                "Der Sender berichtete Mitte Oktober, dass sich 1,4 Millionen Freiwillige gemeldet hätten.",
                "1,4",
                Some("Der Sender"),
            ),
        ];
        for (sentence, figure, expected) in cases {
            assert_eq!(
                of(sentence, figure).as_deref(),
                *expected,
                "{figure} in {sentence}"
            );
        }
    }

    #[test]
    fn sentence_sources_and_back_references() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Laut der russischen Nachrichtenagentur Tass soll Nordkorea 1.000 Minenentschärfer entsenden.",
                Some("der russischen Nachrichtenagentur Tass"),
            ),
            (
                "Die Angaben beruhen auf Schätzungen der südkoreanischen und ukrainischen Geheimdienste.",
                Some("der südkoreanischen und ukrainischen Geheimdienste"),
            ),
            (
                "Die japanische Nachrichtenagentur Kyodo berichtet unter Berufung auf eine Quelle aus dem ukrainischen Militär, dass von 12.000 Soldaten die ersten 2000 unterwegs sind.",
                Some("eine Quelle aus dem ukrainischen Militär"),
            ),
            ("Berichten zufolge lieferte Pjöngjang aber auch Panzerhaubitzen.", Some("Berichten")),
            ("Nordkorea schickt Soldaten.", None),
            (
                "Nach Angaben der ukrainischen Luftwaffe wurden 112 Drohnen abgeschossen.",
                Some("der ukrainischen Luftwaffe"),
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(
                sentence_source(sentence).as_deref(),
                *expected,
                "{sentence}"
            );
        }
        assert_eq!(
            back_reference("Die Zahlen stammen vom Statistischen Landesamt.").as_deref(),
            None, // `vom` names no source we read
        );
        assert_eq!(
            back_reference("Die Angaben beruhen auf Schätzungen der Gewerkschaft.").as_deref(),
            Some("der Gewerkschaft")
        );
        assert_eq!(
            back_reference("Das teilte die Feuerwehr mit.").as_deref(),
            Some("die Feuerwehr")
        );
        assert_eq!(
            back_reference("Die Polizei sprach von einem ruhigen Tag."),
            None
        );
    }
}
