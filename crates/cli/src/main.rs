//! `quellenlage`: the corpus explorer's engine on the command line. Same code as the web app,
//! so the same answers.

use clap::{Parser, Subcommand};
use quellenlage_engine::compare;
use quellenlage_engine::entities::{discover, EntityKind, EntitySource};
use quellenlage_engine::ingest::{ingest_dir, Corpus};
use quellenlage_engine::query::SearchOptions;
use quellenlage_engine::{BlockKind, Document, Origin, Problem, Severity, Snapshot};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Explore a corpus of news articles from the shell.
#[derive(Parser)]
#[command(name = "quellenlage", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read a corpus folder and report every document's metadata and every problem.
    /// Exits with status 1 when the corpus is broken (the build would fail).
    Check {
        /// The corpus folder (`.txt` articles, optional `sources.toml`).
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Also print every block of every document with its kind (to review the boilerplate split).
        #[arg(long)]
        blocks: bool,
    },
    /// Search the corpus' main text: words are ANDed, "phrases", -exclusions, OR.
    Search {
        /// The corpus folder.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Treat the last word as still being typed (prefix match), like the live search box.
        #[arg(long)]
        typing: bool,
        /// The query (several arguments are joined with spaces).
        #[arg(required = true, allow_hyphen_values = true)]
        query: Vec<String>,
    },
    /// Compare 2–5 articles: aligned sentences, what only one reports, entities and figures
    /// side by side (with discrepancies and attributions).
    Compare {
        /// The corpus folder.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Document ids (file stems) to compare.
        #[arg(required = true, num_args = 2..=5)]
        ids: Vec<String>,
    },
    /// List the figures (quantities) each article reports, with the counted noun and sentence.
    Figures {
        /// The corpus folder.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the people, places and organisations the articles name, with their mentions.
    Entities {
        /// The corpus folder (with an optional `entities.toml`).
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// List the names discovery found that the base lacks, with counts and a TOML block to
        /// paste into `entities.toml`.
        #[arg(long)]
        candidates: bool,
    },
}

/// A sentence in `compare --json`.
#[derive(Serialize)]
struct SentenceReport<'a> {
    doc: &'a str,
    sentence: u32,
    start: u32,
    end: u32,
    text: &'a str,
}

fn compare(corpus: &std::path::Path, json: bool, ids: &[String]) -> ExitCode {
    let Some(snapshot) = load(corpus) else {
        return ExitCode::FAILURE;
    };
    let mut indices = Vec::new();
    for id in ids {
        match snapshot.doc_index(id) {
            Some(i) => indices.push(i),
            None => {
                eprintln!("error: no document {id:?} in the corpus (see `quellenlage check`)");
                return ExitCode::FAILURE;
            }
        }
    }
    let c = quellenlage_engine::compare::compare(&snapshot, &indices);
    let id = |d: u32| snapshot.docs.get(d as usize).map_or("", |x| x.id.as_str());
    let sentence = |s: &quellenlage_engine::compare::SentenceRef| SentenceReport {
        doc: id(s.doc),
        sentence: s.sentence,
        start: s.start,
        end: s.end,
        text: snapshot
            .docs
            .get(s.doc as usize)
            .and_then(|d| d.text.get(s.start as usize..s.end as usize))
            .unwrap_or_default(),
    };
    let docs: Vec<&str> = c.docs.iter().map(|&d| id(d)).collect();
    let per_doc = |values: Vec<serde_json::Value>| -> serde_json::Map<String, serde_json::Value> {
        docs.iter().map(|d| d.to_string()).zip(values).collect()
    };
    if json {
        let report = serde_json::json!({
            "docs": docs,
            "shared": per_doc(c.shared.iter().map(|s| serde_json::json!(s)).collect()),
            "alignment": c.alignment.iter().map(|p| serde_json::json!({
                "a": sentence(&p.a), "b": sentence(&p.b), "score": (p.score * 1000.0).round() / 1000.0,
            })).collect::<Vec<_>>(),
            "only_here": c.sentences.iter().enumerate().flat_map(|(i, list)| {
                let c = &c;
                list.iter().filter(move |s| !c.has_counterpart(i, s.sentence)).map(|s| serde_json::json!(sentence(s)))
            }).collect::<Vec<_>>(),
            "entities": c.entities.iter().map(|r| serde_json::json!({
                "id": snapshot.entities.get(r.entity as usize).map_or("", |e| e.id.as_str()),
                "counts": per_doc(r.counts.iter().map(|n| serde_json::json!(n)).collect()),
            })).collect::<Vec<_>>(),
            "figures": c.figures.iter().map(|r| serde_json::json!({
                "label": r.label,
                "noun": r.noun,
                "values": per_doc(r.values.iter().map(|v| serde_json::json!(v.iter().map(|x| x.value).collect::<Vec<_>>())).collect()),
                "differ": r.differ,
                "relative_difference": r.relative_difference,
                "attribution": per_doc(r.attribution.iter().map(|a| serde_json::json!(a)).collect()),
            })).collect::<Vec<_>>(),
        });
        return print_json(&report);
    }
    for (i, d) in docs.iter().enumerate() {
        println!(
            "{d}: {:.0} % der Sätze auch anderswo berichtet",
            c.shared[i] * 100.0
        );
    }
    println!("\nZahlen:");
    for r in &c.figures {
        let cells: Vec<String> = r
            .values
            .iter()
            .zip(&r.attribution)
            .enumerate()
            .map(|(i, (_, a))| {
                let source = a
                    .as_deref()
                    .map(|a| format!(" ({})", compare::attribution::label(a)))
                    .unwrap_or_default();
                match r.shown(i) {
                    Some(v) => format!("{}{source}", v.value),
                    None => "–".into(),
                }
            })
            .collect();
        let flag = match (r.differ, r.relative_difference) {
            (true, Some(d)) => format!("  ≠ {:+.0} %", d * 100.0),
            _ => String::new(),
        };
        println!("  {:<16} {}{flag}", r.label, cells.join("  |  "));
    }
    println!("\nGleiche Aussagen:");
    for p in &c.alignment {
        println!(
            "  {:.2}  {}\n        {}",
            p.score,
            sentence(&p.a).text,
            sentence(&p.b).text
        );
    }
    ExitCode::SUCCESS
}

/// One figure in `figures --json`: offsets are byte offsets into the document text.
#[derive(Serialize)]
struct FigureReport<'a> {
    doc: &'a str,
    outlet: Option<&'a str>,
    value: f64,
    value_max: Option<f64>,
    approx: bool,
    qualifier: Option<&'a str>,
    noun: Option<&'a str>,
    text: &'a str,
    sentence: &'a str,
    start: usize,
    end: usize,
}

fn figures(corpus: &std::path::Path, json: bool) -> ExitCode {
    let Some(snapshot) = load(corpus) else {
        return ExitCode::FAILURE;
    };
    let reports: Vec<FigureReport> = snapshot
        .docs
        .iter()
        .zip(&snapshot.figures)
        .flat_map(|(doc, figures)| {
            figures.iter().map(move |f| FigureReport {
                doc: &doc.id,
                outlet: doc.meta.outlet.as_deref(),
                value: f.value,
                value_max: f.value_max,
                approx: f.approx,
                qualifier: f.qualifier.as_deref(),
                noun: f.noun.as_deref(),
                text: doc.text.get(f.start..f.end).unwrap_or_default(),
                sentence: doc
                    .text
                    .get(f.sentence_start..f.sentence_end)
                    .unwrap_or_default(),
                start: f.start,
                end: f.end,
            })
        })
        .collect();
    if json {
        return print_json(&serde_json::json!({ "figures": reports }));
    }
    for r in &reports {
        let range = r.value_max.map(|m| format!("–{m}")).unwrap_or_default();
        println!(
            "{:<24} {:>14}{range:<8} {:<3} {:<12} {:<18} {}",
            r.outlet.unwrap_or(r.doc),
            r.value,
            if r.approx { "ca." } else { "" },
            r.qualifier.unwrap_or(""),
            r.noun.unwrap_or(""),
            r.text
        );
    }
    ExitCode::SUCCESS
}

/// One entity in `entities --json`.
#[derive(Serialize)]
struct EntityReport<'a> {
    id: &'a str,
    name: &'a str,
    kind: EntityKind,
    aliases: &'a [String],
    docs: Vec<&'a str>,
    mentions: usize,
    /// The forms the text writes it in (`Putins`, `Kim Jong-un`), each once.
    forms: Vec<&'a str>,
    source: EntitySource,
}

fn entities(corpus: &std::path::Path, json: bool, candidates: bool) -> ExitCode {
    let Some(snapshot) = load(corpus) else {
        return ExitCode::FAILURE;
    };
    if candidates {
        return print_candidates(&snapshot, json);
    }
    let reports: Vec<EntityReport> = snapshot
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mine: Vec<_> = snapshot
                .all_mentions()
                .filter(|m| m.entity as usize == i)
                .collect();
            let mut docs: Vec<&str> = mine
                .iter()
                .filter_map(|m| snapshot.docs.get(m.doc as usize).map(|d| d.id.as_str()))
                .collect();
            docs.dedup();
            let mut forms: Vec<&str> = Vec::new();
            for m in &mine {
                let text = snapshot
                    .docs
                    .get(m.doc as usize)
                    .and_then(|d| d.text.get(m.start as usize..m.end as usize));
                if let Some(form) = text.filter(|f| !forms.contains(f)) {
                    forms.push(form);
                }
            }
            EntityReport {
                forms,
                id: &e.id,
                name: &e.name,
                kind: e.kind,
                aliases: &e.aliases,
                docs,
                mentions: mine.len(),
                source: e.source,
            }
        })
        .collect();
    if json {
        print_json(&serde_json::json!({ "entities": reports }))
    } else {
        for r in &reports {
            let source = if r.source == EntitySource::Discovered {
                "  (entdeckt)"
            } else {
                ""
            };
            println!(
                "{:<36} {:<12} {:>3} Nennungen in {} Artikeln{source}",
                r.name,
                r.kind.label(),
                r.mentions,
                r.docs.len()
            );
        }
        ExitCode::SUCCESS
    }
}

fn print_candidates(snapshot: &Snapshot, json: bool) -> ExitCode {
    let base_mentions: Vec<_> = snapshot
        .all_mentions()
        .filter(|m| {
            snapshot
                .entities
                .get(m.entity as usize)
                .is_some_and(|e| e.source != EntitySource::Discovered)
        })
        .copied()
        .collect();
    let found = discover::discover(&snapshot.docs, &base_mentions);
    if json {
        return print_json(&serde_json::json!({ "candidates": found }));
    }
    println!("# Names found in the text that entities.toml does not have.");
    println!("# count  kind          name   (docs)");
    for c in &found {
        let docs: Vec<&str> = c
            .docs
            .iter()
            .filter_map(|&d| snapshot.docs.get(d as usize).map(|x| x.id.as_str()))
            .collect();
        println!(
            "# {:>5}  {:<12}  {}   ({})",
            c.count,
            c.kind.label(),
            c.name,
            docs.join(", ")
        );
    }
    println!("\n# Ready to paste into entities.toml (check each entry first):");
    for c in found.iter().filter(|c| c.is_entity()) {
        let kind = match c.kind {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        };
        println!("\n[{}]\nname = {:?}\nkind = \"{kind}\"", c.id, c.name);
        if !c.aliases.is_empty() {
            println!("aliases = {:?}", c.aliases);
        }
    }
    ExitCode::SUCCESS
}

/// Prints any report as pretty JSON on stdout (the `--json` output of every command).
fn print_json(value: &impl Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write JSON: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One hit in `search --json`.
#[derive(Serialize)]
struct HitReport<'a> {
    doc: &'a str,
    outlet: Option<&'a str>,
    date: Option<String>,
    title: Option<&'a str>,
    score: f32,
    snippets: Vec<SnippetReport>,
}

/// One snippet in `search --json`: highlight offsets are character (Unicode scalar) offsets
/// into `text`, with the reason in German (`exakt`, `Grundform`, `Schreibvariante`,
/// `Wortteil`, `Tippfehler`).
#[derive(Serialize)]
struct SnippetReport {
    text: String,
    highlights: Vec<(usize, usize, &'static str)>,
}

/// The whole `search --json` report.
#[derive(Serialize)]
struct SearchReport<'a> {
    query: &'a str,
    total: usize,
    outlets: BTreeMap<&'a str, usize>,
    hits: Vec<HitReport<'a>>,
}

fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

/// Reads the corpus, reporting its problems; `None` (after printing them) if it is broken.
fn load(corpus: &std::path::Path) -> Option<Snapshot> {
    let ingested = ingest_dir(corpus);
    for problem in &ingested.problems {
        eprintln!("{problem}");
    }
    if ingested.has_errors() {
        eprintln!(
            "error: the corpus is broken; see `quellenlage check --corpus {}`",
            corpus.display()
        );
        return None;
    }
    Some(Snapshot::build(ingested.docs, ingested.entities))
}

fn search(corpus: &std::path::Path, json: bool, typing: bool, query: &str) -> ExitCode {
    let Some(snapshot) = load(corpus) else {
        return ExitCode::FAILURE;
    };
    let options = SearchOptions {
        typing,
        ..SearchOptions::default()
    };
    let results = snapshot.searcher().search(query, options);
    let hits: Vec<HitReport> = results
        .hits
        .iter()
        .filter_map(|hit| {
            let doc = snapshot.docs.get(hit.doc)?;
            Some(HitReport {
                doc: &doc.id,
                outlet: doc.meta.outlet.as_deref(),
                date: doc.meta.date.map(|d| d.to_string()),
                title: doc.meta.title.as_deref(),
                score: (hit.score * 1000.0).round() / 1000.0,
                snippets: hit
                    .snippets
                    .iter()
                    .map(|s| SnippetReport {
                        text: s.text.clone(),
                        highlights: s
                            .highlights
                            .iter()
                            .map(|h| {
                                (
                                    char_offset(&s.text, h.start),
                                    char_offset(&s.text, h.end),
                                    h.kind.label(),
                                )
                            })
                            .collect(),
                    })
                    .collect(),
            })
        })
        .collect();
    if json {
        let report = SearchReport {
            query,
            total: hits.len(),
            outlets: results
                .outlets
                .iter()
                .map(|(o, n)| (o.as_str(), *n))
                .collect(),
            hits,
        };
        return print_json(&report);
    } else {
        println!("{} Treffer für {query:?}", hits.len());
        for hit in &hits {
            println!(
                "\n{}  {} · {} · {:.2}\n  {}",
                hit.doc,
                hit.outlet.unwrap_or("–"),
                hit.date.as_deref().unwrap_or("–"),
                hit.score,
                hit.title.unwrap_or("")
            );
            for s in &hit.snippets {
                let mut line = String::new();
                let mut at = 0;
                let chars: Vec<char> = s.text.chars().collect();
                for &(start, end, why) in &s.highlights {
                    line.extend(&chars[at..start]);
                    line.push('[');
                    line.extend(&chars[start..end]);
                    line.push_str(&format!("|{why}]"));
                    at = end;
                }
                line.extend(&chars[at..]);
                println!("  … {line}");
            }
        }
    }
    ExitCode::SUCCESS
}

/// One document in `check`'s report.
#[derive(Serialize)]
struct DocReport<'a> {
    id: &'a str,
    outlet: Option<&'a str>,
    date: Option<String>,
    title: Option<&'a str>,
    place: Option<&'a str>,
    kicker: Option<&'a str>,
    /// The authors as one line (`A und B`), for reading.
    author: Option<String>,
    authors: &'a [String],
    url: Option<&'a str>,
    note: Option<&'a str>,
    inferred: &'a [String],
    /// Where the article came from: file, line or row, format.
    origin: &'a Origin,
    main_bytes: usize,
    boilerplate_bytes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    blocks: Option<Vec<BlockReport<'a>>>,
}

/// One block in `check --blocks`.
#[derive(Serialize)]
struct BlockReport<'a> {
    kind: BlockKind,
    main: bool,
    text: &'a str,
}

/// The whole `check` report.
#[derive(Serialize)]
struct CheckReport<'a> {
    docs: Vec<DocReport<'a>>,
    problems: &'a [Problem],
}

fn doc_report(doc: &Document, with_blocks: bool) -> DocReport<'_> {
    let (main_bytes, boilerplate_bytes) = doc.sizes();
    let meta = &doc.meta;
    DocReport {
        id: &doc.id,
        outlet: meta.outlet.as_deref(),
        date: meta.date.map(|d| d.to_string()),
        title: meta.title.as_deref(),
        place: meta.place.as_deref(),
        kicker: meta.kicker.as_deref(),
        author: meta.author_line(),
        authors: &meta.authors,
        url: meta.url.as_deref(),
        note: meta.note.as_deref(),
        inferred: &meta.inferred,
        origin: &doc.origin,
        main_bytes,
        boilerplate_bytes,
        blocks: with_blocks.then(|| {
            doc.blocks
                .iter()
                .map(|b| BlockReport {
                    kind: b.kind,
                    main: b.kind.is_main(),
                    text: doc.block_text(b),
                })
                .collect()
        }),
    }
}

fn print_text(corpus: &Corpus, with_blocks: bool) {
    for doc in &corpus.docs {
        let r = doc_report(doc, with_blocks);
        let or_dash = |v: Option<&str>| v.unwrap_or("–").to_string();
        println!("{}", r.id);
        println!("  outlet  {}", or_dash(r.outlet));
        println!("  date    {}", r.date.clone().unwrap_or_else(|| "–".into()));
        println!("  title   {}", or_dash(r.title));
        println!("  place   {}", or_dash(r.place));
        println!("  author  {}", or_dash(r.author.as_deref()));
        if let Some(kicker) = r.kicker {
            println!("  kicker  {kicker}");
        }
        println!("  from    {}", r.origin.describe());
        if !r.inferred.is_empty() {
            println!("  inferred {}", r.inferred.join(", "));
        }
        println!(
            "  text    {} bytes main, {} bytes boilerplate",
            r.main_bytes, r.boilerplate_bytes
        );
        for block in r.blocks.iter().flatten() {
            let mark = if block.main { ' ' } else { '~' };
            println!("  {mark} {:<22} {}", block.kind.label(), block.text);
        }
    }
    let errors = corpus
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    println!(
        "{} documents, {} errors, {} warnings",
        corpus.docs.len(),
        errors,
        corpus.problems.len() - errors
    );
}

/// Options of `search` that take no value and one that takes a value.
const SEARCH_FLAGS: &[&str] = &["--json", "--typing", "-h", "--help"];
const SEARCH_VALUED: &[&str] = &["--corpus"];

/// Puts `search`'s options before its query, so options may follow the query
/// (`search Kursk --json`) while a query word that starts with a hyphen stays a query word
/// (`search Kursk -Minen` excludes `Minen`). `--` ends the options: everything after it is query.
fn search_args(args: Vec<String>) -> Vec<String> {
    if args.get(1).map(String::as_str) != Some("search") {
        return args;
    }
    let mut options = Vec::new();
    let mut query = Vec::new();
    let mut rest = args[2..].iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            query.extend(rest.by_ref().cloned());
        } else if SEARCH_FLAGS.contains(&arg.as_str())
            || SEARCH_VALUED
                .iter()
                .any(|v| arg.starts_with(&format!("{v}=")))
        {
            options.push(arg.clone());
        } else if SEARCH_VALUED.contains(&arg.as_str()) {
            options.push(arg.clone());
            options.extend(rest.next().cloned());
        } else {
            query.push(arg.clone());
        }
    }
    let mut out = args[..2].to_vec();
    out.extend(options);
    if !query.is_empty() {
        out.push("--".into());
        out.extend(query);
    }
    out
}

fn main() -> ExitCode {
    let cli = Cli::parse_from(search_args(std::env::args().collect()));
    match cli.command {
        Command::Compare { corpus, json, ids } => compare(&corpus, json, &ids),
        Command::Figures { corpus, json } => figures(&corpus, json),
        Command::Entities {
            corpus,
            json,
            candidates,
        } => entities(&corpus, json, candidates),
        Command::Search {
            corpus,
            json,
            typing,
            query,
        } => search(&corpus, json, typing, &query.join(" ")),
        Command::Check {
            corpus,
            json,
            blocks,
        } => {
            let ingested = ingest_dir(&corpus);
            for problem in &ingested.problems {
                eprintln!("{problem}");
            }
            if json {
                let report = CheckReport {
                    docs: ingested
                        .docs
                        .iter()
                        .map(|d| doc_report(d, blocks))
                        .collect(),
                    problems: &ingested.problems,
                };
                if print_json(&report) == ExitCode::FAILURE {
                    return ExitCode::FAILURE;
                }
            } else {
                print_text(&ingested, blocks);
            }
            if ingested.has_errors() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::search_args;

    #[test]
    fn search_options_may_follow_the_query() {
        let cases: &[(&str, &str)] = &[
            ("q search Kursk --json", "q search --json -- Kursk"),
            (
                "q search --corpus c Kursk -Minen",
                "q search --corpus c -- Kursk -Minen",
            ),
            (
                "q search Kursk --corpus=c --typing",
                "q search --corpus=c --typing -- Kursk",
            ),
            ("q search -- --json -Minen", "q search -- --json -Minen"),
            ("q search --json", "q search --json"),
            ("q check --json", "q check --json"),
        ];
        for (args, expected) in cases {
            let args: Vec<String> = args.split(' ').map(str::to_string).collect();
            assert_eq!(search_args(args).join(" "), *expected);
        }
    }
}
