//! The data build: a corpus folder becomes `dist/data/` (a small manifest and the snapshot
//! under a content-hashed name), natively and without compiling the app.
//!
//! The app is built once ([`crate::dist`]); a new corpus is only this step, so swapping corpora
//! takes seconds instead of a release build of the wasm.

use std::fs;
use std::path::{Path, PathBuf};

use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::manifest::{Manifest, MANIFEST_FILE};
use quellenlage_engine::problem::Severity;
use quellenlage_engine::Snapshot;

use crate::Result;

/// The folder of the data files inside a dist directory.
pub const DATA_DIR: &str = "data";

/// Ingests `corpus` and writes `dist/data/`: the snapshot as `snapshot-<hash>.bin` and
/// `manifest.json` naming it, and returns the manifest. Whatever `dist/data/` held before is replaced. A corpus with
/// errors (every one named `file:line: …`) or without a single article writes nothing.
pub fn write(corpus: &Path, dist: &Path) -> Result<Manifest> {
    let started = std::time::Instant::now();
    let ingested = ingest_dir(corpus);
    let ingest_s = started.elapsed().as_secs_f64();
    for problem in &ingested.problems {
        eprintln!("{problem}");
    }
    if ingested.has_errors() || ingested.docs.is_empty() {
        let mut message = format!("the corpus in {} cannot be built:", corpus.display());
        for problem in ingested
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
        {
            message.push_str(&format!("\n  {problem}"));
        }
        if ingested.docs.is_empty() {
            message.push_str(&format!(
                "\n  {}: error: no articles found (.txt, .html, .json, .jsonl, .csv, .tsv)",
                corpus.display()
            ));
        }
        message
            .push_str("\nfix these files (see `quellenlage check --corpus DIR`) and build again");
        return Err(message);
    }
    let docs = ingested.docs.len();
    let snapshot = Snapshot::build(ingested.docs, ingested.entities).encode();
    let build_s = started.elapsed().as_secs_f64() - ingest_s;
    let manifest = Manifest {
        snapshot: format!("snapshot-{:016x}.bin", fnv1a(&snapshot)),
        snapshot_bytes: snapshot.len() as u64,
        docs: docs as u64,
    };
    let dir = dist.join(DATA_DIR);
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let write = |name: &str, bytes: &[u8]| -> Result {
        let path: PathBuf = dir.join(name);
        fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write(&manifest.snapshot, &snapshot)?;
    write(MANIFEST_FILE, manifest.to_json().as_bytes())?;
    eprintln!(
        "data: {docs} articles, {} ({:.1} KiB); ingest {ingest_s:.1} s, index, entities and \
         figures {build_s:.1} s",
        manifest.snapshot,
        snapshot.len() as f64 / 1024.0
    );
    Ok(manifest)
}

/// FNV-1a (64 bit): a content hash for cache-busting file names and the benchmark's brotli
/// cache, not for security.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        assert_ne!(fnv1a(b"Kim"), fnv1a(b"Kin"));
    }

    #[test]
    fn a_corpus_becomes_a_manifest_and_a_hashed_snapshot() {
        let root = std::env::temp_dir().join(format!("ql-data-{}", std::process::id()));
        let corpus = root.join("corpus");
        let dist = root.join("dist");
        fs::create_dir_all(&corpus).unwrap();
        fs::write(
            corpus.join("a.txt"),
            "Testblatt, 2. Januar 2025\n\nEin Test\n\nDer Text des Artikels, mit einem zweiten Satz.\n",
        )
        .unwrap();
        // Leftovers of an earlier build are removed.
        fs::create_dir_all(dist.join(DATA_DIR)).unwrap();
        fs::write(dist.join(DATA_DIR).join("snapshot-old.bin"), b"old").unwrap();

        let written = write(&corpus, &dist).unwrap();
        let data = dist.join(DATA_DIR);
        let manifest =
            Manifest::from_json(&fs::read_to_string(data.join(MANIFEST_FILE)).unwrap()).unwrap();
        assert_eq!(manifest, written);
        assert_eq!(manifest.docs, 1);
        let bytes = fs::read(data.join(&manifest.snapshot)).unwrap();
        assert_eq!(manifest.snapshot_bytes, bytes.len() as u64);
        assert!(manifest
            .snapshot
            .contains(&format!("{:016x}", fnv1a(&bytes))));
        assert_eq!(Snapshot::decode(&bytes).unwrap().docs.len(), 1);
        assert!(!data.join("snapshot-old.bin").exists());

        // An empty folder is an error that says what is missing, and writes nothing.
        let empty = root.join("empty");
        fs::create_dir_all(&empty).unwrap();
        let err = write(&empty, &root.join("dist2")).err().unwrap();
        assert!(err.contains("no articles found"), "{err}");
        assert!(!root.join("dist2").exists());
        fs::remove_dir_all(&root).unwrap();
    }
}
