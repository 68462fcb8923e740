//! `quellenlage`: the corpus explorer's engine on the command line. Same code as the web app,
//! so the same answers.

use clap::{Parser, Subcommand};
use quellenlage_engine::ingest::{ingest_dir, Corpus};
use quellenlage_engine::{BlockKind, Document, Problem, Severity};
use serde::Serialize;
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
