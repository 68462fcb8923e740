//! Bad input, end to end: property tests over the query parser, search and ingest.
//!
//! Any string is a query and any text is an article: whatever a reader types (arbitrary Unicode,
//! control characters, stray quotes and operators, right-to-left text, emoji, very long input) or
//! a corpus folder holds, parsing, searching and ingesting never panic, and what they return
//! holds together: highlight ranges lie inside their snippet on character boundaries, hits are
//! unique and ranked, scores are finite, blocks cover every letter of an article exactly once.
//!
//! Case counts are modest so `cargo test` stays fast; `cargo xtask fuzz` runs the same paths for
//! longer under libFuzzer (see `fuzz/`).

use proptest::prelude::*;
use proptest::sample::select;
use quellenlage_engine::compare::compare;
use quellenlage_engine::index::positions::doc_tokens;
use quellenlage_engine::ingest::{ingest_article, ingest_dir};
use quellenlage_engine::query::parse::{parse, Atom, MAX_CLAUSES, MAX_QUERY_CHARS};
use quellenlage_engine::query::{SearchOptions, SearchResults};
use quellenlage_engine::{Document, Severity, Snapshot};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(|| {
        let corpus = ingest_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus"));
        assert!(!corpus.has_errors(), "{:?}", corpus.problems);
        Snapshot::build(corpus.docs, corpus.entities)
    })
}

/// Distinct words of the bundled articles, so generated queries also find something.
fn corpus_words() -> Vec<String> {
    let words: BTreeSet<String> = snapshot()
        .docs
        .iter()
        .flat_map(|d| d.text.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty() && w != "OR")
        .collect();
    words.into_iter().collect()
}

/// Pieces that have broken (or could break) query parsers and offset arithmetic: operators,
/// quotes of several languages, control and invisible characters, right-to-left text, emoji
/// sequences, characters whose case mapping changes their length (`İ`, `ẞ`, `ΐ`, `ﬁ`),
/// combining marks, ß and its genitive (`Strauß` ends in `s` once folded), markup.
const HOSTILE: &[&str] = &[
    "OR",
    "or",
    "-",
    "--",
    "-\"",
    "\"",
    "„",
    "“",
    "”",
    "«",
    "»",
    "(",
    ")",
    "*",
    "\u{0}",
    "\t",
    "\n",
    "\r\n",
    "\u{7f}",
    "\u{85}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    "\u{fffd}",
    "كيم",
    "שלום",
    "🙂",
    "👩\u{200d}👩\u{200d}👧",
    "🇰🇵",
    "e\u{301}",
    "\u{301}",
    "ß",
    "ẞ",
    "İ",
    "ı",
    "ﬁ",
    "ΐ",
    "ǅ",
    "ſ",
    "Straße",
    "STRASSE",
    "Strauß",
    "Grüß",
    "Kanonenfuter",
    "US-Dollar",
    "Kim-Jong-un",
    "-Minen",
    "<img src=x onerror=alert(1)>",
    "%22",
    "%ZZ",
    "1.000",
    "5,5",
    "０１２",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "a",
    "Pj",
];

/// Separators between query pieces.
const SEPARATORS: &[&str] = &[" ", " ", " ", "", "  ", "-", "\"", " OR ", "\u{a0}"];

/// A query: corpus words, hostile pieces, arbitrary characters (control characters included) and
/// word-like strings, glued with separators; sometimes very long.
fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => select(corpus_words()),
        3 => select(HOSTILE).prop_map(str::to_string),
        1 => prop::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
        1 => "[-\"„“ ]{0,2}[a-zA-ZäöüÄÖÜß]{1,14}",
    ];
    let joined =
        prop::collection::vec((piece.clone(), select(SEPARATORS)), 0..10).prop_map(|parts| {
            parts
                .into_iter()
                .flat_map(|(piece, sep)| [piece, sep.to_string()])
                .collect::<String>()
        });
    prop_oneof![
        12 => joined,
        2 => any::<String>(),
        1 => (piece, 20..300usize).prop_map(|(p, n)| p.repeat(n)),
    ]
}

fn options(typing: bool) -> SearchOptions {
    SearchOptions {
        typing,
        snippet_hits: usize::MAX,
        snippets_per_hit: 3,
    }
}

/// The invariants of one result list over `snapshot`.
fn check_results(s: &Snapshot, results: &SearchResults) -> Result<(), TestCaseError> {
    let mut seen = BTreeSet::new();
    for hit in &results.hits {
        prop_assert!(
            hit.doc < s.docs.len(),
            "hit {} of {} docs",
            hit.doc,
            s.docs.len()
        );
        prop_assert!(seen.insert(hit.doc), "doc {} twice", hit.doc);
        prop_assert!(
            hit.score.is_finite() && hit.score >= 0.0,
            "score {}",
            hit.score
        );
        prop_assert!(hit.snippets.len() <= 3);
        let text = &s.docs[hit.doc].text;
        for sn in &hit.snippets {
            prop_assert!(sn.start <= sn.end && sn.end <= text.len(), "{sn:?}");
            prop_assert!(text.is_char_boundary(sn.start) && text.is_char_boundary(sn.end));
            prop_assert_eq!(&text[sn.start..sn.end], sn.text.as_str());
            let mut last_end = 0;
            for hl in &sn.highlights {
                prop_assert!(
                    last_end <= hl.start && hl.start < hl.end && hl.end <= sn.text.len(),
                    "highlight {hl:?} in {:?}",
                    sn.text
                );
                prop_assert!(
                    sn.text.is_char_boundary(hl.start) && sn.text.is_char_boundary(hl.end),
                    "highlight {hl:?} splits a character of {:?}",
                    sn.text
                );
                last_end = hl.end;
            }
        }
    }
    for pair in results.hits.windows(2) {
        prop_assert!(pair[0].score >= pair[1].score, "not ranked: {pair:?}");
    }
    let counted: usize = results.outlets.iter().map(|(_, n)| n).sum();
    prop_assert_eq!(counted, results.hits.len());
    Ok(())
}

/// The invariants of a parsed query.
fn check_parse(input: &str, typing: bool) -> Result<(), TestCaseError> {
    let q = parse(input, typing);
    prop_assert_eq!(&q, &parse(input, typing), "parsing is not deterministic");
    prop_assert!(q.clauses.len() <= MAX_CLAUSES);
    prop_assert!(typing || !q.prefix_last);
    for atom in q.clauses.iter().flatten().chain(&q.excluded) {
        let (Atom::Word(text) | Atom::Phrase(text)) = atom;
        prop_assert!(
            text.chars().any(char::is_alphanumeric),
            "empty atom {atom:?}"
        );
        prop_assert!(!text.chars().any(char::is_control), "control in {atom:?}");
    }
    prop_assert!(q.clauses.iter().all(|c| !c.is_empty()));
    Ok(())
}

fn found(query: &str) -> BTreeSet<usize> {
    let s = snapshot();
    s.searcher()
        .search(query, options(false))
        .hits
        .iter()
        .map(|h| h.doc)
        .collect()
}

/// `cases` test cases, or `PROPTEST_CASES` from the environment for a longer run.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Any string parses and searches, live or not, and the results hold together; the reading
    /// view's highlights of every hit (and of a document that does not exist) too.
    #[test]
    fn any_query_searches(input in query(), typing in any::<bool>()) {
        check_parse(&input, typing)?;
        let s = snapshot();
        let results = s.searcher().search(&input, options(typing));
        check_results(s, &results)?;
        let some_hits = results.hits.iter().take(2).map(|h| h.doc);
        for doc in some_hits.chain([s.docs.len(), usize::MAX]) {
            let text = s.docs.get(doc).map_or("", |d| d.text.as_str());
            let mut last_end = 0;
            for (start, end, kind) in s.searcher().highlights(&input, doc) {
                prop_assert!(
                    last_end <= start && start < end && end <= text.len(),
                    "highlight {start}..{end} {kind:?} of doc {doc}"
                );
                prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                last_end = end;
            }
        }
    }

}

proptest! {
    #![proptest_config(config(32))]

    /// A query that ends in a space is not being typed: live search gives the same answer.
    #[test]
    fn a_finished_query_is_the_same_live(input in query()) {
        // Under the length cap, so the final space is read.
        let input: String = input.chars().take(MAX_QUERY_CHARS - 1).chain([' ']).collect();
        let s = snapshot();
        let live = s.searcher().search(&input, options(true));
        let done = s.searcher().search(&input, options(false));
        prop_assert_eq!(live, done);
    }

    /// AND narrows, OR widens, an exclusion only removes.
    #[test]
    fn operators_narrow_and_widen(
        a in select(corpus_words()),
        b in select(corpus_words()),
    ) {
        let only_a = found(&a);
        let both = found(&format!("{a} {b}"));
        let either = found(&format!("{a} OR {b}"));
        let without = found(&format!("{a} -{b}"));
        let phrase_b = found(&format!("\"{b}\""));
        prop_assert!(both.is_subset(&only_a), "AND widened: {:?} {:?}", both, only_a);
        prop_assert!(only_a.is_subset(&either), "OR narrowed: {:?} {:?}", only_a, either);
        prop_assert!(without.is_subset(&only_a), "exclusion added: {:?} {:?}", without, only_a);
        prop_assert!(without.is_disjoint(&phrase_b), "excluded kept: {:?} {:?}", without, phrase_b);
    }
}

/// Lines that look like the parts of a scraped page (header, byline, credits, link lists,
/// navigation, rules), real article lines, and arbitrary text.
fn article_line() -> impl Strategy<Value = String> {
    let real_lines: Vec<String> = snapshot()
        .docs
        .iter()
        .flat_map(|d| d.text.lines())
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.chars().take(400).collect())
        .collect();
    const PAGE: &[&str] = &[
        " date 2025-06 Seoul taz | Wieder einmal war Sergej Schoigu in Pjöngjang.",
        " date 2024-13 Seoul taz |",
        " date 2025 dpa |",
        " date | |",
        "Von: Bona Hyun",
        "Patrick Diekmann / t-online",
        "© APA/AFP/KCNA VIA KNS",
        "Kim Jong Un besichtigt eine Fabrik. Bild: t-online",
        "Soldaten in Kursk | © IMAGO/ITAR-TASS",
        "- Nordkorea: Neue Raketen",
        "- ",
        "-",
        "---",
        "PREV Vorheriger Artikel",
        "NEXT Nächster Artikel",
        "Auch interessant",
        "Lesen Sie auch",
        "Mehr von „Merkur“",
        "Alle Artikel anzeigen",
        "Aus dem Englischen übersetzt von Anna",
        "Seoul. Nordkorea hat 11.000 Soldaten entsandt.",
        "Pjöngjang – Rund zehn Offiziere, bis zu 5,5 Milliarden US-Dollar.",
        "zwischen zwei und vier Millionen Koreaner",
        "<script>alert(1)</script> <img src=x onerror=alert(1)>",
        "",
        "   ",
        "\t",
    ];
    prop_oneof![
        4 => select(real_lines),
        4 => select(PAGE).prop_map(str::to_string),
        2 => prop::collection::vec(any::<char>(), 0..30).prop_map(String::from_iter),
        2 => prop::collection::vec(select(HOSTILE), 0..12).prop_map(|p| p.join(" ")),
        1 => "[A-ZÄÖÜ][a-zäöüß]{2,10}( [A-ZÄÖÜ]?[a-zäöüß]{1,10}){0,12}[.!?:]?",
    ]
}

/// An article: lines joined by any line end, maybe with a BOM.
fn article() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec(
            (article_line(), select(&["\n", "\n\n", "\r\n", "\r"][..])),
            0..14,
        ),
    )
        .prop_map(|(bom, lines)| {
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            for (line, end) in lines {
                text.push_str(&line);
                text.push_str(end);
            }
            text
        })
}

/// The invariants of an ingested article: blocks are ordered, disjoint, trimmed single lines on
/// character boundaries, and every letter and digit of the text lies in one of them.
fn check_document(doc: &Document) -> Result<(), TestCaseError> {
    let text = &doc.text;
    prop_assert!(!text.contains('\r'));
    let mut covered = vec![false; text.len()];
    let mut last_end = 0;
    for block in &doc.blocks {
        let (start, end) = (block.start as usize, block.end as usize);
        prop_assert!(
            last_end <= start && start < end && end <= text.len(),
            "{block:?}"
        );
        prop_assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{block:?}"
        );
        let part = &text[start..end];
        prop_assert!(
            !part.contains('\n'),
            "block {block:?} spans lines: {part:?}"
        );
        prop_assert_eq!(part.trim(), part, "block {:?} is not trimmed", block);
        covered[start..end].iter_mut().for_each(|c| *c = true);
        last_end = end;
    }
    for (i, c) in text.char_indices() {
        prop_assert!(
            covered[i] || !c.is_alphanumeric(),
            "{c:?} at {i} lies in no block: {:?} / {:?}",
            text,
            doc.blocks
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    /// Any bytes: an article or a problem naming the file, never a panic.
    #[test]
    fn any_bytes_ingest(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let (doc, problems) = ingest_article("x", "x.txt", &bytes);
        match doc {
            Some(doc) => check_document(&doc)?,
            None => prop_assert!(
                problems.iter().any(|p| p.severity == Severity::Error && p.path == "x.txt"),
                "{problems:?}"
            ),
        }
    }

}

proptest! {
    #![proptest_config(config(24))]

    /// Any page-like text becomes an article (unless blank) that loses no letter, whose every
    /// main-text word can be found again, and that the index, entities, figures and comparison
    /// take without panicking.
    #[test]
    fn any_article_ingests_and_indexes(text in article()) {
        let (doc, problems) = ingest_article("x", "x.txt", text.as_bytes());
        let Some(doc) = doc else {
            prop_assert!(text.trim_start_matches('\u{feff}').trim().is_empty(), "{problems:?}");
            return Ok(());
        };
        check_document(&doc)?;
        let words: Vec<String> = doc_tokens(&doc)
            .into_iter()
            .flat_map(|b| b.tokens)
            .filter(|t| !t.whole && t.end - t.start < 200)
            .map(|t| doc.text[t.start..t.end].to_string())
            .take(8)
            .collect();
        let neighbour = snapshot().docs[0].clone();
        let s = Snapshot::build(vec![neighbour, doc], snapshot().entities.clone());
        let text = &s.docs[1].text;
        for m in s.mentions_of(1) {
            let (start, end) = (m.start as usize, m.end as usize);
            prop_assert!(start < end && end <= text.len(), "{m:?}");
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
        for f in s.figures_of(1) {
            prop_assert!(f.value.is_finite(), "{f:?}");
            prop_assert!(f.sentence_start <= f.start && f.start <= f.end, "{f:?}");
            prop_assert!(f.end <= f.sentence_end && f.sentence_end <= text.len(), "{f:?}");
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
        for word in &words {
            let results = s.searcher().search(&format!("\"{word}\""), options(false));
            check_results(&s, &results)?;
            prop_assert!(
                results.hits.iter().any(|h| h.doc == 1),
                "{word:?} is in the article's main text but not found"
            );
        }
        let _ = compare(&s, &[0, 1]);
        let decoded = Snapshot::decode(&s.encode());
        prop_assert_eq!(decoded.as_ref(), Ok(&s));
    }
}

/// Found by `any_article_ingests_and_indexes`: a word whose folded form ends in `s` only
/// because of a final `ß` was cut inside the `ß` as if it were a genitive `s` (a panic for
/// `hieß`, `Strauß`, `Gruß` typed into the search box).
#[test]
fn words_ending_in_sharp_s_search() {
    let s = snapshot();
    for typing in [false, true] {
        for query in [
            "hieß",
            "Strauß",
            "Grüß",
            "STRAUẞ",
            "-Strauß Kim",
            "\"Gruß Strauß\"",
        ] {
            let results = s.searcher().search(query, options(typing));
            check_results(s, &results).unwrap();
        }
    }
    assert!(!found("hieß").is_empty());
}

/// The longest queries a forged link can carry: cut at the length cap, still answered.
#[test]
fn very_long_queries_search() {
    let s = snapshot();
    for query in [
        "Kim ".repeat(1_000),
        "Pjöngjang".repeat(450),
        "\"".repeat(4_000),
        "- OR ".repeat(800),
        "🇰🇵".repeat(2_000),
    ] {
        for typing in [false, true] {
            check_parse(&query, typing).unwrap();
            check_results(s, &s.searcher().search(&query, options(typing))).unwrap();
        }
    }
}
