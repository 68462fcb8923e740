//! Page layout: which lines of an article are the article and which are page furniture.
//!
//! The rules look at the shape and position of lines, never at the wording of particular
//! articles: a run of short `- …` lines without full stops is a link list; a short line that is a
//! known recommendation label (`Auch interessant`) is a teaser; a line that starts with `©` or
//! ends in `Bild: …` carries a photo credit; everything after a closing rule (`---`) that is not
//! a full paragraph is page footer; and so on. Each rule has its own function and test table.
//!
//! What it does not do: it cannot tell a photo caption from a paragraph when the caption carries
//! no credit, and it only knows the German (and a few English) labels listed below.

use super::outlets::{self, Evidence};
use super::{byline, dates};
use crate::document::{Block, BlockKind, Boilerplate, Metadata, PartialDate};
use byline::is_name_word;

/// Longest line that can be a headline, subheading, label or link (in characters).
const SHORT_LINE: usize = 200;
/// Longest subheading (in characters).
const HEADING_MAX: usize = 120;
/// Shortest line counted as a full paragraph when deciding where the footer starts.
const PARAGRAPH_MIN: usize = 200;

/// The result of laying out one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// Classified blocks covering the non-blank text, in order.
    pub blocks: Vec<Block>,
    /// Metadata read from the text itself: header line, byline, title, dateline.
    pub found: Metadata,
    /// Problems with the header, as (1-based line, message).
    pub problems: Vec<(u32, String)>,
}

/// What a line is, before the passes that need neighbours (link lists, title, headings, lead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Ordinary text: title, heading, lead or paragraph, decided later.
    Text,
    /// A `- …` line: part of a link list if it has company, text otherwise.
    Bullet,
    /// Already decided.
    Fixed(BlockKind),
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    shape: Shape,
}

/// What the passes over a page have read so far, beyond the blocks.
#[derive(Debug, Default)]
struct Reading {
    meta: Metadata,
    /// The first date line's date.
    line_date: Option<PartialDate>,
    /// The outlet as the header or a byline printed it, when the table does not know it.
    printed_outlet: Option<String>,
    /// Outlets named by the page, with how strongly.
    evidence: Vec<(usize, Evidence)>,
}

impl Reading {
    /// Records every table outlet named in `line` as evidence of `kind`.
    fn scan(&mut self, line: &str, kind: Evidence) {
        let brands_only = !matches!(kind, Evidence::Copyright);
        for outlet in outlets::table().scan(line, brands_only) {
            self.evidence.push((outlet, kind));
        }
    }

    /// Records an outlet printed by name (header, byline): the table's outlet, or the name itself.
    fn printed(&mut self, name: &str, kind: Evidence) {
        let table = outlets::table();
        match table.lookup(name) {
            Some(o) => {
                let i = table.list.iter().position(|x| std::ptr::eq(x, o));
                self.evidence.extend(i.map(|i| (i, kind)));
            }
            None => {
                self.printed_outlet
                    .get_or_insert_with(|| name.trim().to_string());
            }
        }
    }
}

/// Classifies the lines of `text` (already decoded and normalised) into blocks and reads the
/// metadata the text carries.
pub fn layout(text: &str) -> Layout {
    let mut out = Layout::default();
    let mut reading = Reading::default();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut first = true;
    let mut offset = 0;
    for (line_no, raw) in text.split('\n').enumerate() {
        let line_start = offset;
        offset += raw.len() + 1;
        let Some((start, end)) = trimmed(text, line_start, line_start + raw.len()) else {
            continue;
        };
        let mut start = start;
        if first {
            first = false;
            if let Some(header) = parse_header(&text[start..end]) {
                match header {
                    Ok(h) => {
                        reading.meta.date = Some(h.date);
                        reading.meta.place = h.place;
                        if let Some(outlet) = &h.outlet {
                            reading.printed(outlet, Evidence::Header);
                        }
                        let header_end = start + h.content_offset;
                        let (hs, he) = trimmed(text, start, header_end).unwrap_or((start, start));
                        if he > hs {
                            pieces.push(Piece {
                                start: hs,
                                end: he,
                                shape: Shape::Fixed(BlockKind::Header),
                            });
                        }
                        match trimmed(text, header_end, end) {
                            Some((s, _)) => start = s,
                            None => continue,
                        }
                    }
                    Err(message) => out.problems.push((line_no as u32 + 1, message)),
                }
            }
        }
        let in_head = in_page_head(text, &pieces);
        classify_line(text, start, end, in_head, &mut pieces, &mut reading);
    }
    mark_link_lists(text, &mut pieces);
    mark_duplicates(text, &mut pieces);
    mark_footer(text, &mut pieces);
    mark_tail(text, &mut pieces);
    mark_title_headings_lead(text, &mut pieces, &mut reading.meta);
    if reading.meta.place.is_none() {
        reading.meta.place = pieces
            .iter()
            .filter(|p| {
                matches!(
                    p.shape,
                    Shape::Fixed(BlockKind::Lead | BlockKind::Paragraph)
                )
            })
            .take(3)
            .find_map(|p| dateline(&text[p.start..p.end]).map(str::to_string));
    }
    reading.meta.date = choose_date(reading.meta.date, reading.line_date);
    reading.meta.outlet = outlets::decide(&reading.evidence).or(reading.printed_outlet);
    out.found = reading.meta;
    out.blocks = pieces
        .into_iter()
        .map(|p| Block {
            start: p.start as u32,
            end: p.end as u32,
            kind: match p.shape {
                Shape::Fixed(kind) => kind,
                Shape::Text | Shape::Bullet => BlockKind::Paragraph,
            },
        })
        .collect();
    out
}

/// The header's date, made more precise by a date line of the same month; a date line alone
/// where there is no header. A date line that contradicts the header loses (the header is the
/// scraper's record of the page).
fn choose_date(header: Option<PartialDate>, line: Option<PartialDate>) -> Option<PartialDate> {
    match (header, line) {
        (Some(h), Some(l)) if h.year == l.year && (h.month == 0 || h.month == l.month) => Some(l),
        (Some(h), _) => Some(h),
        (None, l) => l,
    }
}

/// Pieces at most in the page head: before the body's second full paragraph, within the first
/// eight lines. Only there may `Name, Place` be a byline.
const HEAD_PIECES: usize = 8;

fn in_page_head(text: &str, pieces: &[Piece]) -> bool {
    pieces.len() < HEAD_PIECES
        && pieces
            .iter()
            .filter(|p| p.shape == Shape::Text && char_len(&text[p.start..p.end]) >= PARAGRAPH_MIN)
            .count()
            < 2
}

/// The byte range of `text[start..end]` without surrounding whitespace, or `None` if blank.
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (lead + trail < slice.len()).then(|| (start + lead, end - trail))
}

/// The parsed scraper header ` date 2025-06 Seoul taz | …`.
#[derive(Debug, PartialEq)]
struct Header {
    date: PartialDate,
    place: Option<String>,
    outlet: Option<String>,
    /// Byte offset (within the line) where the article text starts.
    content_offset: usize,
}

/// Whether the bundled gazetteer lists `word` as a place.
fn is_known_place(word: &str) -> bool {
    crate::entities::gazetteer::PLACES.contains(&word)
}

/// Splits the words before a header's `|` into place and outlet: the longest run of final words
/// the outlet table knows (`Berlin Berliner Morgenpost` → `Berlin`, `Berliner Morgenpost`), else
/// the last word (`Seoul taz`); one word alone is a place if the gazetteer knows it.
fn place_and_outlet(words: &[&str]) -> (Option<String>, Option<String>) {
    let table = outlets::table();
    for split in 0..words.len() {
        let outlet = words[split..].join(" ");
        if table.lookup(&outlet).is_some() {
            let place = (split > 0).then(|| words[..split].join(" "));
            return (place, Some(outlet));
        }
    }
    match words {
        [] => (None, None),
        [word] if is_known_place(word) => (Some(word.to_string()), None),
        [outlet] => (None, Some(outlet.to_string())),
        [place @ .., outlet] => (Some(place.join(" ")), Some(outlet.to_string())),
    }
}

/// Reads a header line: `date YYYY[-MM[-DD]]`, optionally `Place Outlet |` before the text.
/// `None` if the line is not a header; `Err` if it starts like one but the date is unreadable.
fn parse_header(line: &str) -> Option<Result<Header, String>> {
    let rest = line.strip_prefix("date ")?;
    let date_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let token = &rest[..date_len];
    let Some(date) = PartialDate::parse(token) else {
        return Some(Err(format!(
            "header date {token:?} is not YYYY, YYYY-MM or YYYY-MM-DD"
        )));
    };
    let after_date = "date ".len() + date_len;
    let body = &line[after_date..];
    // A `|` close to the start separates "Place Outlet" from the text.
    let (place, outlet, content_offset) = match body.find('|') {
        Some(bar)
            if body[..bar].chars().count() <= 60
                && !body[..bar].contains(['?', '!'])
                && !body[..bar].contains(". ") =>
        {
            let words: Vec<&str> = body[..bar].split_whitespace().collect();
            let (place, outlet) = place_and_outlet(&words);
            (place, outlet, after_date + bar + 1)
        }
        _ => (None, None, after_date),
    };
    Some(Ok(Header {
        date,
        place,
        outlet,
        content_offset,
    }))
}

/// Decides what a single line is, on its own, and pushes one or two pieces (a caption and its
/// credit are two). Bylines, date lines and outlet evidence also fill in `reading`.
fn classify_line(
    text: &str,
    start: usize,
    end: usize,
    in_head: bool,
    pieces: &mut Vec<Piece>,
    reading: &mut Reading,
) {
    let line = &text[start..end];
    let fixed = |kind| Shape::Fixed(kind);
    let boiler = |b| Shape::Fixed(BlockKind::Boilerplate(b));
    let shape = if is_separator(line) {
        boiler(Boilerplate::Separator)
    } else if is_navigation(line) {
        boiler(Boilerplate::Navigation)
    } else if let Some(date) = dates::date_line(line) {
        reading.line_date.get_or_insert(date);
        fixed(BlockKind::Date)
    } else if is_copyright(line) {
        reading.scan(line, Evidence::Copyright);
        boiler(Boilerplate::Copyright)
    } else if is_site_name(line) {
        reading.scan(line, Evidence::SiteName);
        boiler(Boilerplate::Chrome)
    } else if is_teaser_label(line) {
        boiler(Boilerplate::Teaser)
    } else if is_chrome(line) {
        boiler(Boilerplate::Chrome)
    } else if is_prompt(line) {
        reading.scan(line, Evidence::Brand);
        boiler(Boilerplate::Prompt)
    } else if is_source_note(line) {
        reading.scan(line, Evidence::Brand);
        boiler(Boilerplate::SourceNote)
    } else if is_translation_credit(line) {
        boiler(Boilerplate::TranslationCredit)
    } else if let Some(by) = byline::byline(line, in_head) {
        if reading.meta.authors.is_empty() {
            reading.meta.authors = by.authors;
        }
        if let Some(outlet) = &by.outlet {
            reading.printed(outlet, Evidence::Byline);
        }
        if reading.meta.place.is_none() {
            reading.meta.place = by.place;
        }
        fixed(BlockKind::Byline)
    } else if let Some(split) = photo_credit(line) {
        let mut parts = [
            (split.caption, fixed(BlockKind::Caption)),
            (split.credit, boiler(Boilerplate::PhotoCredit)),
            (split.after, fixed(BlockKind::Caption)),
        ];
        parts.sort_by_key(|(range, _)| range.0);
        for ((s, e), shape) in parts {
            if let Some((s, e)) = trimmed(text, start + s, start + e) {
                if text[s..e].chars().any(char::is_alphanumeric)
                    || matches!(shape, Shape::Fixed(BlockKind::Boilerplate(_)))
                {
                    pieces.push(Piece {
                        start: s,
                        end: e,
                        shape,
                    });
                }
            }
        }
        return;
    } else if let Some(at) = agency_signature(line) {
        if let Some((s, e)) = trimmed(text, start, start + at) {
            pieces.push(Piece {
                start: s,
                end: e,
                shape: if is_bullet(&text[s..e]) {
                    Shape::Bullet
                } else {
                    Shape::Text
                },
            });
        }
        if let Some((s, e)) = trimmed(text, start + at, end) {
            pieces.push(Piece {
                start: s,
                end: e,
                shape: boiler(Boilerplate::SourceNote),
            });
        }
        return;
    } else if is_bullet(line) {
        Shape::Bullet
    } else {
        Shape::Text
    };
    pieces.push(Piece { start, end, shape });
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Whether the line ends a sentence with a full stop (quotes and brackets after it allowed).
fn ends_with_full_stop(line: &str) -> bool {
    line.trim_end_matches(['“', '”', '"', '\'', '»', '«', ')', ' '])
        .ends_with(['.', '…'])
}

/// Whether a full stop ends a sentence inside the line (`kämpfen. Was`).
fn has_inner_sentence_end(line: &str) -> bool {
    line.match_indices(". ")
        .any(|(i, _)| line[i + 2..].starts_with(|n: char| n.is_uppercase() || n == '„'))
}

/// `---`, `-`, `***`, `———`: nothing but rule characters.
fn is_separator(line: &str) -> bool {
    line.chars().all(|c| {
        matches!(c, '-' | '–' | '—' | '_' | '*' | '=' | '~' | '·' | '•') || c.is_whitespace()
    })
}

/// A closing rule (three or more rule characters), after which a page footer may follow.
fn is_rule(line: &str) -> bool {
    is_separator(line) && line.chars().filter(|c| !c.is_whitespace()).count() >= 3
}

/// `PREV …`, `NEXT …`, `Nächster Artikel …`.
fn is_navigation(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or_default();
    if matches!(first, "PREV" | "NEXT" | "PREVIOUS" | "ZURÜCK" | "WEITER") {
        return true;
    }
    let lower = line.to_lowercase();
    [
        "vorheriger artikel",
        "nächster artikel",
        "zum vorherigen artikel",
        "zum nächsten artikel",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Reading-recommendation labels: `Auch interessant`, `Lesen Sie auch`, `Mehr von „International“`.
fn is_teaser_label(line: &str) -> bool {
    if char_len(line) > 60 || ends_with_full_stop(line) {
        return false;
    }
    let lower = line.to_lowercase();
    let lower = lower.trim_end_matches([':', ' ']);
    const LABELS: &[&str] = &[
        "auch interessant",
        "lesen sie auch",
        "lesen sie mehr",
        "mehr zum thema",
        "zum thema",
        "passend zum thema",
        "passend zum artikel",
        "mehr dazu",
        "links",
        "weblinks",
        "weiterführende links",
        "das könnte sie auch interessieren",
        "das könnte sie interessieren",
        "weitere artikel",
        "weitere nachrichten",
        "empfehlungen",
        "unsere empfehlung",
        "meistgelesen",
        "top-themen",
        "verwandte artikel",
        "related",
        "read more",
    ];
    LABELS.contains(&lower)
        || [
            "mehr von ",
            "mehr aus ",
            "mehr zu ",
            "mehr zum ",
            "mehr über ",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Interface labels scraped with the page: `Alle Artikel anzeigen`, `Ein Artikel von`.
fn is_chrome(line: &str) -> bool {
    if char_len(line) > 40 || ends_with_full_stop(line) {
        return false;
    }
    // `Kommentare (14)`: a label with a counter.
    let lower = line.to_lowercase();
    let lower = match lower
        .trim_end()
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once(" ("))
    {
        Some((label, count)) if count.chars().all(|c| c.is_ascii_digit()) => label.to_string(),
        _ => lower,
    };
    const LABELS: &[&str] = &[
        "ein artikel von",
        "artikel von",
        "zur startseite",
        "zurück zur startseite",
        "kommentare",
        "jetzt kommentieren",
        "kommentieren",
        "zum forum",
        "anzeige",
        "werbung",
        "weiterlesen",
        "schließen",
        "teilen",
        "drucken",
        "merken",
    ];
    const VERBS: &[&str] = &[
        "anzeigen",
        "teilen",
        "drucken",
        "merken",
        "herunterladen",
        "abonnieren",
        "weiterlesen",
        "laden",
    ];
    let words: Vec<&str> = lower.split_whitespace().collect();
    LABELS.contains(&lower.as_str())
        || (words.len() <= 4 && words.last().is_some_and(|w| VERBS.contains(w)))
}

/// Newsletter, push, app, comment, live-ticker and "find it here" prompts, often led by an emoji.
fn is_prompt(line: &str) -> bool {
    let lower = line.to_lowercase();
    if char_len(line) <= PROMPT_MAX && is_service_prompt(&lower) {
        return true;
    }
    if char_len(line) > SHORT_LINE {
        return false;
    }
    let symbol_led = line.chars().next().is_some_and(|c| {
        c == '?' || c == '+' || (c as u32) >= 0x1F000 || (0x2190..=0x2BFF).contains(&(c as u32))
    });
    const IMPERATIVES: &[&str] = &[
        "verfolgen sie",
        "abonnieren sie",
        "lesen sie",
        "melden sie",
        "folgen sie",
        "finden sie",
        "hören sie",
        "sehen sie",
        "registrieren sie",
        "klicken sie",
        "laden sie",
    ];
    const MARKERS: &[&str] = &[
        "newsletter",
        "live-ticker",
        "liveticker",
        "newsticker",
        "liveblog",
        "live-blog",
        "whatsapp",
        "push-mitteilung",
        " live",
    ];
    let imperative = IMPERATIVES.iter().any(|p| lower.contains(p));
    let lower_end = lower.trim_end();
    symbol_led && (imperative || lower.starts_with("+++"))
        || imperative
            && (MARKERS.iter().any(|m| lower.contains(m))
                || lower_end.ends_with("hier:")
                || lower_end.ends_with("hier"))
}

/// Longest newsletter, push or comment prompt, in characters.
const PROMPT_MAX: usize = 320;

/// The service lines of news sites: a newsletter or push offer with a call to act, a comment
/// box or notice, a free subscription offer (`… Jetzt kostenlos abonnieren.`), `Schreiben Sie uns`.
fn is_service_prompt(lower: &str) -> bool {
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    const ACT: &[&str] = &[
        "abonnieren",
        "anmelden",
        "bestellen",
        "kostenlos",
        "postfach",
        "per mail",
        "per e-mail",
        "hier geht",
        "jeden ",
        "aktivieren",
        "verpassen",
    ];
    (lower.contains("newsletter") && has(ACT))
        || (has(&["push-", "-app", " app"]) && has(&["aktivieren", "verpassen", "herunterladen"]))
        || (lower.contains("kommentar")
            && has(&[
                "geschlossen",
                "abgegeben",
                "diskutieren",
                "schreiben",
                "verfassen",
            ]))
        || (lower.contains("kostenlos") && has(&["abonnieren", "anmelden", "testen"]))
        || has(&[
            "schreiben sie uns",
            "diskutieren sie mit",
            "beitrag verfassen",
            "zu den lesermeinungen",
        ])
}

/// Notes on sources and broadcasts: `Quelle: dpa, AFP`, `Mit Material von dpa`, `Sendung: …`,
/// `Über dieses Thema berichtete …`, and editorial sign-offs (`red, ORF.at/Agenturen`).
fn is_source_note(line: &str) -> bool {
    if char_len(line) > SHORT_LINE {
        return false;
    }
    let lower = line.to_lowercase();
    const STARTS: &[&str] = &[
        "quelle:",
        "quellen:",
        "mit material von",
        "mit material der",
        "mit material aus",
        "material:",
        "mitarbeit:",
        "sendung:",
        "über dieses thema berichte",
        "dieses thema im programm",
        "dieser artikel erschien",
        "dieser beitrag erschien",
        "dieser text erschien",
        "red,",
        "red.,",
        "(red",
        "agenturen:",
    ];
    STARTS.iter().any(|s| lower.starts_with(s))
}

/// Where an agency signature starts at the end of a line: `… bleibt abzuwarten. (APA, dpa,
/// red)`, `jh/kle (dpa, afp, rtr, epd)`, `(dpa)`. Every item is an agency of the outlet table
/// or editors' initials (`red`, `jh/kle`); the signature is a source note, not article text.
fn agency_signature(line: &str) -> Option<usize> {
    let trimmed = line.trim_end();
    let inner_start = trimmed.strip_suffix(')')?.rfind('(')?;
    let inner = &trimmed[inner_start + 1..trimmed.len() - 1];
    let table = outlets::table();
    let items: Vec<&str> = inner.split([',', '/', ';']).map(str::trim).collect();
    let is_initials =
        |s: &str| (1..=4).contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_lowercase());
    let agencies = items
        .iter()
        .filter(|i| {
            table.lookup(i).is_some_and(|o| o.is_agency()) || matches!(**i, "rtr" | "afp" | "ap")
        })
        .count();
    let all_known = items.iter().all(|i| {
        is_initials(i) || table.lookup(i).is_some_and(|o| o.is_agency()) || matches!(*i, "rtr")
    });
    if items.is_empty() || !all_known || agencies == 0 {
        return None;
    }
    // Editors' initials before the parenthesis (`jh/kle (dpa)`) belong to the signature.
    let before = trimmed[..inner_start].trim_end();
    let start = match before.rsplit_once(' ') {
        _ if before.is_empty() => 0,
        Some((_, last)) if last.split('/').all(is_initials) => before.len() - last.len(),
        None if before.split('/').all(is_initials) => 0,
        _ => inner_start,
    };
    (start == 0
        || line[..start]
            .trim_end()
            .ends_with(['.', '!', '?', '“', '"']))
    .then_some(start)
}

/// A copyright line: `© Süddeutsche Zeitung GmbH`, `© 2025 Deutsche Welle`, `Copyright © NZZ AG.
/// Alle Rechte vorbehalten.`, `© ARD-aktuell / tagesschau.de`. A photo credit (`© APA/Florian
/// Wieser`, `© dpa`) is not one: it names a photographer or agency with a slash, and no year,
/// company or outlet of the table.
fn is_copyright(line: &str) -> bool {
    let lower = line.to_lowercase();
    let Some(rest) = ["©", "(c) ", "copyright"]
        .iter()
        .find_map(|m| lower.strip_prefix(m))
    else {
        return false;
    };
    let rest = rest.trim_start_matches(['©', ' ']);
    let rights = lower.contains("rechte vorbehalten") || lower.contains("all rights");
    let slash_credit = rest
        .split_whitespace()
        .any(|w| w.contains('/') && !w.starts_with('/') && !w.ends_with('/'));
    if slash_credit && !rights {
        return false;
    }
    let year = rest
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let company = rest
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .any(|w| {
            matches!(
                w.trim_end_matches('.'),
                "gmbh" | "ag" | "m.b.h" | "mbh" | "kg" | "se" | "verlag"
            )
        });
    let table = outlets::table();
    let outlets: Vec<usize> = table.scan(line, false);
    let names_outlet = outlets.iter().any(|&o| !table.list[o].is_agency());
    rights || year || company || names_outlet
}

/// A line that is nothing but an outlet's name (`ZDFheute`, `tagesschau.de`): the site's name
/// printed above or below the article.
fn is_site_name(line: &str) -> bool {
    char_len(line) <= 40
        && !line.contains(' ')
        && outlets::table()
            .lookup(line)
            .is_some_and(|o| !o.is_agency() && !o.ambiguous.iter().any(|a| a == line))
}

/// `Aus dem Deutschen übersetzt von …`, `Übersetzung: …`.
fn is_translation_credit(line: &str) -> bool {
    if char_len(line) > 160 {
        return false;
    }
    let lower = line.to_lowercase();
    (lower.starts_with("aus dem ") && (lower.contains("übersetzt") || lower.contains("übertragen")))
        || lower.starts_with("übersetzt von")
        || lower.starts_with("übersetzung:")
        || lower.starts_with("übersetzung von")
        || lower.starts_with("translated by")
}

/// Byte ranges (relative to the line) of a caption line's parts.
#[derive(Debug, PartialEq)]
struct CreditSplit {
    caption: (usize, usize),
    credit: (usize, usize),
    after: (usize, usize),
}

/// Words that belong to agency credits even though they are not capitalised.
const CREDIT_WORDS: &[&str] = &[
    "dpa", "picture", "alliance", "imago", "images", "getty", "handout", "reuters", "afp", "apa",
    "ap", "epa", "keystone", "|", "/", "-", "mit", "und", "via", "pool",
];

/// Finds a photo credit (`© APA/AFP/…`, `… dar.Bild: t-online`, `… © Uncredited/dpa`) and splits
/// the line into caption text before it, the credit, and caption text after it.
fn photo_credit(line: &str) -> Option<CreditSplit> {
    let len = line.len();
    // Labelled credit at the end: "….Bild: t-online", "… Foto: dpa".
    for label in [
        "Bild: ",
        "Foto: ",
        "Fotos: ",
        "Bildquelle: ",
        "Quelle: ",
        "Foto/Video: ",
    ] {
        if let Some(pos) = line.rfind(label) {
            let before_ok = pos == 0
                || line[..pos]
                    .trim_end()
                    .ends_with(['.', '!', '?', '“', '"', ')']);
            let rest = &line[pos + label.len()..];
            if before_ok
                && char_len(rest) <= 60
                && !has_inner_sentence_end(rest)
                && !rest.trim().is_empty()
            {
                return Some(CreditSplit {
                    caption: (0, pos),
                    credit: (pos, len),
                    after: (len, len),
                });
            }
        }
    }
    let pos = line
        .find('©')
        .or_else(|| line.starts_with("(c) ").then_some(0))?;
    let marker_len = if line[pos..].starts_with('©') {
        '©'.len_utf8()
    } else {
        3
    };
    // The credit runs over agency-like words (with slashes, in capitals, or known agency words)
    // and stops at the first ordinary word, where the caption resumes.
    let mut credit_end = pos + marker_len;
    let mut cursor = credit_end;
    for word in line[pos + marker_len..].split_inclusive(char::is_whitespace) {
        let w = word.trim();
        let agency_like = !w.is_empty()
            && (w.contains('/')
                || w.contains('|')
                || CREDIT_WORDS.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase));
        if !w.is_empty() && !agency_like {
            break;
        }
        cursor += word.len();
        if !w.is_empty() {
            credit_end = cursor;
        }
    }
    // What is left is the rest of a name (`© AFP/Jonas Weller`, `© Lukas Amrhein/dpa`), not a
    // caption, when it is at most three capitalised words.
    let after: Vec<&str> = line[credit_end..].split_whitespace().collect();
    if after.len() <= 3 && after.iter().all(|w| w.starts_with(char::is_uppercase)) {
        credit_end = len;
    }
    Some(CreditSplit {
        caption: (0, pos),
        credit: (pos, credit_end),
        after: (credit_end, len),
    })
}

/// `- Militärgerät: Ukraine treibt potente Rakete voran` (also `•` and `*`).
fn is_bullet(line: &str) -> bool {
    ["- ", "• ", "* ", "– "].iter().any(|p| line.starts_with(p))
}

/// A dateline at the start of a paragraph: `Seoul. Nordkoreanische …`, `Pjöngjang – Russland …`.
/// Returns the place.
pub(crate) fn dateline(paragraph: &str) -> Option<&str> {
    for sep in [". ", " – ", " - ", " — "] {
        if let Some(pos) = paragraph.find(sep) {
            let place = &paragraph[..pos];
            let words: Vec<&str> = place.split_whitespace().collect();
            let after = &paragraph[pos + sep.len()..];
            if (1..=3).contains(&words.len())
                // Abbreviations such as "Dr." or "St." are not places: a place word has 3+ letters.
                && words
                    .iter()
                    .all(|w| is_name_word(w) && !w.ends_with('.') && w.chars().count() >= 3)
                && after.starts_with(char::is_uppercase)
            {
                return Some(place);
            }
        }
    }
    None
}

/// Runs of two or more bullets whose items mostly read like headlines are related-article link
/// lists; a lone bullet, or bullets that are sentences, stay text.
fn mark_link_lists(text: &str, pieces: &mut [Piece]) {
    let mut i = 0;
    while i < pieces.len() {
        if pieces[i].shape != Shape::Bullet {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < pieces.len() && pieces[i].shape == Shape::Bullet {
            i += 1;
        }
        let run = &mut pieces[run_start..i];
        let headline_like = run
            .iter()
            .filter(|p| {
                let line = &text[p.start..p.end];
                char_len(line) <= SHORT_LINE && !ends_with_full_stop(line)
            })
            .count();
        let is_links = run.len() >= 2 && headline_like * 2 > run.len();
        for piece in run {
            piece.shape = if is_links {
                Shape::Fixed(BlockKind::Boilerplate(Boilerplate::RelatedLinks))
            } else {
                Shape::Text
            };
        }
    }
}

/// A text line that repeats an earlier one word for word (the headline printed twice) is a duplicate.
fn mark_duplicates(text: &str, pieces: &mut [Piece]) {
    let mut seen: Vec<&str> = Vec::new();
    for piece in pieces.iter_mut() {
        if piece.shape != Shape::Text {
            continue;
        }
        let line = &text[piece.start..piece.end];
        if seen.contains(&line) {
            piece.shape = Shape::Fixed(BlockKind::Boilerplate(Boilerplate::Duplicate));
        } else {
            seen.push(line);
        }
    }
}

/// After the last closing rule (`---`) in the second half of the page, if no full paragraph
/// follows, everything is page footer.
fn mark_footer(text: &str, pieces: &mut [Piece]) {
    let Some(rule) = pieces.iter().rposition(|p| is_rule(&text[p.start..p.end])) else {
        return;
    };
    if rule * 2 < pieces.len() {
        return;
    }
    let tail = &mut pieces[rule + 1..];
    let paragraph_follows = tail.iter().any(|p| {
        matches!(p.shape, Shape::Text) && char_len(&text[p.start..p.end]) >= PARAGRAPH_MIN
    });
    if paragraph_follows {
        return;
    }
    for piece in tail {
        if !matches!(piece.shape, Shape::Fixed(BlockKind::Boilerplate(_))) {
            piece.shape = Shape::Fixed(BlockKind::Boilerplate(Boilerplate::Footer));
        }
    }
}

/// After the page's last related-links list or reading label in its second half, if no full
/// paragraph follows, the rest is page footer (comment boxes, sign-offs, service lines).
fn mark_tail(text: &str, pieces: &mut [Piece]) {
    let Some(last) = pieces.iter().rposition(|p| {
        matches!(
            p.shape,
            Shape::Fixed(BlockKind::Boilerplate(
                Boilerplate::RelatedLinks | Boilerplate::Teaser
            ))
        )
    }) else {
        return;
    };
    if last * 2 < pieces.len() {
        return;
    }
    let tail = &mut pieces[last + 1..];
    let paragraph_follows = tail.iter().any(|p| {
        matches!(p.shape, Shape::Text) && char_len(&text[p.start..p.end]) >= PARAGRAPH_MIN
    });
    if paragraph_follows {
        return;
    }
    for piece in tail {
        if matches!(
            piece.shape,
            Shape::Text | Shape::Bullet | Shape::Fixed(BlockKind::Caption)
        ) {
            piece.shape = Shape::Fixed(BlockKind::Boilerplate(Boilerplate::Footer));
        }
    }
}

/// Longest kicker in characters (`Bundestagswahl 2025`, `Krieg in Nahost`).
const KICKER_MAX: usize = 60;

/// Whether the first text line is a kicker above the headline `next`: short, a few words, no
/// colon or sentence end, and directly followed by another headline-shaped line (a headline
/// is followed by its teaser, not by a second headline).
fn is_kicker(line: &str, next: &str) -> bool {
    char_len(line) <= KICKER_MAX
        && line.split_whitespace().count() <= 6
        && !line.contains(':')
        && is_headline_shaped(next, SHORT_LINE)
}

/// Whether a line reads as a headline: short, one unit (no sentence ends inside), no full stop
/// at the end, not a dateline-led paragraph.
fn is_headline_shaped(line: &str, max: usize) -> bool {
    char_len(line) <= max
        && !ends_with_full_stop(line)
        && !line.trim_end().ends_with([':', ',', ';'])
        && !has_inner_sentence_end(line)
        && dateline(line).is_none()
}

/// The first text line is the title if it reads as a headline; later short text lines followed by
/// text are subheadings; the first paragraph is the lead.
fn mark_title_headings_lead(text: &str, pieces: &mut [Piece], found: &mut Metadata) {
    let text_indices: Vec<usize> = (0..pieces.len())
        .filter(|&i| pieces[i].shape == Shape::Text)
        .collect();
    let line_of = |n: usize| {
        text_indices
            .get(n)
            .map(|&i| &text[pieces[i].start..pieces[i].end])
    };
    // A kicker line before the headline: the headline is the second text line.
    let kicker = match (line_of(0), line_of(1)) {
        (Some(first), Some(second))
            if text_indices.len() > 2
                && is_headline_shaped(first, SHORT_LINE)
                && is_kicker(first, second) =>
        {
            found.kicker = Some(first.to_string());
            pieces[text_indices[0]].shape = Shape::Fixed(BlockKind::Kicker);
            1
        }
        _ => 0,
    };
    let mut lead_done = false;
    for (n, &i) in text_indices.iter().enumerate().skip(kicker) {
        let line = &text[pieces[i].start..pieces[i].end];
        let next_is_text = text_indices.get(n + 1).is_some_and(|&j| {
            // Only look past boilerplate and metadata, not across captions.
            pieces[i + 1..j].iter().all(|p| {
                matches!(
                    p.shape,
                    Shape::Fixed(
                        BlockKind::Boilerplate(_)
                            | BlockKind::Byline
                            | BlockKind::Header
                            | BlockKind::Date
                    )
                )
            }) || j == i + 1
        });
        let kind = if n == kicker
            && is_headline_shaped(line, SHORT_LINE)
            && text_indices.len() > 1 + kicker
        {
            found.title.get_or_insert_with(|| line.to_string());
            BlockKind::Title
        } else if n > kicker && next_is_text && is_headline_shaped(line, HEADING_MAX) {
            BlockKind::Heading
        } else if !lead_done {
            lead_done = true;
            BlockKind::Lead
        } else {
            BlockKind::Paragraph
        };
        pieces[i].shape = Shape::Fixed(kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let laid_out = layout(text);
        laid_out
            .blocks
            .iter()
            .map(|b| (b.kind, text[b.start as usize..b.end as usize].to_string()))
            .collect()
    }

    #[test]
    fn header_lines() {
        let cases: &[(&str, Option<(&str, Option<&str>, Option<&str>, usize)>)] = &[
            (
                "date 2025-06 Seoul taz | Wieder einmal",
                Some(("2025-06", Some("Seoul"), Some("taz"), 24)),
            ),
            (
                "date 2023-07 Russlands Bollwerk",
                Some(("2023-07", None, None, 12)),
            ),
            (
                "date 2024 dpa | Text",
                Some(("2024", None, Some("dpa"), 15)),
            ),
            // A `|` deep inside a sentence is not a header separator.
            (
                "date 2025-07 Kim sagte: Das ist so. Später | mehr",
                Some(("2025-07", None, None, 12)),
            ),
            ("Datum 2025", None),
            ("dates are hard", None),
        ];
        for (line, expected) in cases {
            let got = parse_header(line).map(|r| {
                let h = r.unwrap();
                (h.date.to_string(), h.place, h.outlet, h.content_offset)
            });
            let expected = expected.map(|(d, p, o, off)| {
                (
                    d.to_string(),
                    p.map(str::to_string),
                    o.map(str::to_string),
                    off,
                )
            });
            assert_eq!(got, expected, "{line:?}");
        }
        assert!(parse_header("date Juni Text").unwrap().is_err());
    }

    #[test]
    fn bad_header_dates_are_reported_and_the_text_kept() {
        let laid_out = layout("date 2025-99 Text eins.\n\nText zwei.");
        assert_eq!(laid_out.problems.len(), 1);
        assert_eq!(laid_out.problems[0].0, 1);
        assert_eq!(laid_out.blocks.len(), 2);
    }

    #[test]
    fn line_rules() {
        type Rule = fn(&str) -> bool;
        let cases: &[(&str, Rule, &[&str], &[&str])] = &[
            (
                "separator",
                is_separator,
                &["-", "---", "* * *", "———"],
                &["- Militärgerät: Ukraine", "Kim-Regime"],
            ),
            (
                "navigation",
                is_navigation,
                &["PREV Langlaufen | Nordic Mag", "NEXT Trump greift an", "Nächster Artikel: Wahl"],
                &["Prevent this", "Nächste Woche reist Kim nach Moskau."],
            ),
            (
                "teaser label",
                is_teaser_label,
                &["Auch interessant", "Lesen Sie auch:", "Mehr von „International“", "Mehr zum Thema"],
                &["Auch interessant ist, dass Kim nach Moskau reist.", "Mehrere Soldaten starben"],
            ),
            (
                "interface label",
                is_chrome,
                &["Alle Artikel anzeigen", "Ein Artikel von", "Artikel teilen"],
                &["Nordkorea hilft Russland", "Die Familien der Soldaten sind in Gefahr."],
            ),
            (
                "prompt",
                is_prompt,
                &[
                    "???? Verfolgen Sie den Krieg gegen die Ukraine live ????",
                    "Internationale Nachrichten, Tag und Nacht, finden Sie hier:",
                    "Abonnieren Sie unseren Newsletter",
                    "👉 Lesen Sie mehr",
                ],
                &[
                    "„Nordkorea erhält bereits militärische Ausrüstung“",
                    "Sehen Sie sich das an, sagte Kim, es ist ein Wendepunkt in der Geschichte des Landes.",
                ],
            ),
            (
                "translation credit",
                is_translation_credit,
                &["Aus dem Deutschen übersetzt von Anne Castella", "Übersetzung: Max Muster"],
                &["Aus dem Norden kamen Soldaten."],
            ),
            (
                "bullet",
                is_bullet,
                &["- Rente: Rigorose Ideen", "• Punkt"],
                &["-", "US-Dollar", "–"],
            ),
        ];
        for (name, rule, yes, no) in cases {
            for line in *yes {
                assert!(rule(line), "{name} should match {line:?}");
            }
            for line in *no {
                assert!(!rule(line), "{name} should not match {line:?}");
            }
        }
    }

    #[test]
    fn agency_signatures_are_split_off() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Es bleibt abzuwarten. (APA, dpa, red)",
                Some("(APA, dpa, red)"),
            ),
            (
                "jh/kle (dpa, afp, rtr, epd)",
                Some("jh/kle (dpa, afp, rtr, epd)"),
            ),
            ("(dpa)", Some("(dpa)")),
            ("Die Gewerkschaft der Polizei (GdP) warnt.", None),
            ("Das sagte Markus Vogl (SPÖ)", None),
            ("Scholz sprach mit Reportern (rund zehn)", None),
        ];
        for (line, expected) in cases {
            assert_eq!(
                agency_signature(line).map(|at| &line[at..]),
                *expected,
                "{line:?}"
            );
        }
    }

    #[test]
    fn photo_credits_split_caption_and_credit() {
        let cases: &[(&str, &str, &str, &str)] = &[
            // (line, caption before, credit, caption after)
            (
                "© APA/AFP/KIM WON JIN Das frisch eröffnete Wonsan Kalma Ressort",
                "",
                "© APA/AFP/KIM WON JIN",
                "Das frisch eröffnete Wonsan Kalma Ressort",
            ),
            (
                "Schoigu reist zu einem Besuch nach Pjöngjang. © Uncredited/dpa",
                "Schoigu reist zu einem Besuch nach Pjöngjang.",
                "© Uncredited/dpa",
                "",
            ),
            (
                "Die Unterstützung stellt eine Gefahr dar.Bild: t-online",
                "Die Unterstützung stellt eine Gefahr dar.",
                "Bild: t-online",
                "",
            ),
            (
                "Kim bei der Parade. Foto: picture alliance / dpa",
                "Kim bei der Parade.",
                "Foto: picture alliance / dpa",
                "",
            ),
        ];
        for (line, before, credit, after) in cases {
            let split = photo_credit(line).unwrap_or_else(|| panic!("{line:?}"));
            let part = |(s, e): (usize, usize)| line[s..e].trim().to_string();
            assert_eq!(
                (part(split.caption), part(split.credit), part(split.after)),
                (before.to_string(), credit.to_string(), after.to_string()),
                "{line:?}"
            );
        }
        for line in [
            "Das Bild: eine Lüge, sagte er. Dann ging er weiter in den Saal und sprach lange.",
            "Nordkorea liefert Waffen.",
        ] {
            assert_eq!(photo_credit(line), None, "{line:?}");
        }
    }

    #[test]
    fn datelines() {
        for (paragraph, place) in [
            ("Seoul. Nordkoreanische Soldaten sollen", Some("Seoul")),
            (
                "Pjöngjang – Russland bleiben im Ukraine-Krieg",
                Some("Pjöngjang"),
            ),
            ("Bad Homburg. Die Stadt", Some("Bad Homburg")),
            ("Der Versuch einer militärischen Annäherung? Russland", None),
            ("Nordkorea hilft Russland", None),
            ("Dr. Kim sagte", None),
        ] {
            assert_eq!(dateline(paragraph), place, "{paragraph:?}");
        }
    }

    #[test]
    fn link_lists_need_company_and_headline_shape() {
        let text = "Ein langer Absatz mit Inhalt.\n- Erstens: Kim reist\n- Zweitens: Putin lädt ein\nNoch ein Absatz.";
        let k = kinds(text);
        assert_eq!(k[1].0, BlockKind::Boilerplate(Boilerplate::RelatedLinks));
        assert_eq!(k[2].0, BlockKind::Boilerplate(Boilerplate::RelatedLinks));
        // Sentences in a bulleted list are article text.
        let text = "Absatz eins.\n- Nordkorea schickte 11.000 Soldaten.\n- Russland lieferte Satellitentechnik.\nEnde.";
        assert!(kinds(text)[1..3].iter().all(|(k, _)| k.is_main()));
        // A single bullet stays text.
        let text = "Absatz eins.\n- Kim reist\nAbsatz zwei.";
        assert!(kinds(text)[1].0.is_main());
    }

    #[test]
    fn title_headings_lead_and_footer() {
        let text = "Kim besucht Putin\n\nErster Absatz. Mit zwei Sätzen.\n\nZwischentitel\n\nZweiter Absatz.\n\nDas Zitat lautet:\n\n„Wir helfen.“\n\n---\n\nImpressum\nKontakt";
        let k: Vec<BlockKind> = kinds(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            k,
            vec![
                BlockKind::Title,
                BlockKind::Lead,
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Boilerplate(Boilerplate::Separator),
                BlockKind::Boilerplate(Boilerplate::Footer),
                BlockKind::Boilerplate(Boilerplate::Footer),
            ]
        );
        // A rule followed by full paragraphs is not the end of the page.
        let long = "Ein Satz mit vielen Wörtern, der lang genug ist. ".repeat(6);
        let text = format!("Eins.\n\nZwei.\n\n---\n\n{long}");
        assert_eq!(kinds(&text).last().unwrap().0, BlockKind::Paragraph);
    }
}
