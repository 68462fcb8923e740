//! Build script of the app: ingests the corpus with the engine and writes the snapshot the app
//! embeds (`include_bytes!`). All parsing and layout work happens here, once, not in the browser.
//!
//! The corpus folder is `corpus/` or `$QUELLENLAGE_CORPUS`. A broken corpus (unreadable file,
//! bad UTF-8, empty article, duplicate id, invalid `sources.toml`…) fails the build with every
//! problem listed as `path:line:column: error: …`.

use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::Snapshot;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=QUELLENLAGE_CORPUS");
    println!("cargo:rerun-if-changed=build.rs");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let corpus_dir = std::env::var_os("QUELLENLAGE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir.join("corpus"));
    // A directory here makes cargo re-run the script when anything inside it changes.
    println!("cargo:rerun-if-changed={}", corpus_dir.display());

    let corpus = ingest_dir(&corpus_dir);
    for problem in &corpus.problems {
        println!("cargo:warning={problem}");
    }
    if corpus.has_errors() || corpus.docs.is_empty() {
        eprintln!("\nThe corpus in {} cannot be built:", corpus_dir.display());
        for problem in &corpus.problems {
            eprintln!("  {problem}");
        }
        if corpus.docs.is_empty() {
            eprintln!("  {}: error: no .txt articles found", corpus_dir.display());
        }
        eprintln!("Fix these files (see `quellenlage check --corpus DIR`) and build again.");
        std::process::exit(1);
    }

    let snapshot = Snapshot::build(corpus.docs, corpus.entities);
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let path = out_dir.join("snapshot.bin");
    if let Err(e) = std::fs::write(&path, snapshot.encode()) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
