//! `quellenlage`: the corpus explorer's engine on the command line. Same code as the web app,
//! so the same answers.

use clap::{Parser, Subcommand};
use quellenlage_engine::ingest::{ingest_dir, Corpus};
use quellenlage_engine::query::SearchOptions;
use quellenlage_engine::{BlockKind, Document, Problem, Severity, Snapshot};
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
    Some(Snapshot::build(ingested.docs))
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
        match serde_json::to_string_pretty(&report) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
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
    author: Option<&'a str>,
    url: Option<&'a str>,
    note: Option<&'a str>,
    inferred: &'a [String],
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
        author: meta.author.as_deref(),
        url: meta.url.as_deref(),
        note: meta.note.as_deref(),
        inferred: &meta.inferred,
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
        println!("  author  {}", or_dash(r.author));
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
                match serde_json::to_string_pretty(&report) {
                    Ok(s) => println!("{s}"),
                    Err(e) => {
                        eprintln!("error: cannot write JSON: {e}");
                        return ExitCode::FAILURE;
                    }
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
