//! The data build: a corpus folder becomes `dist/data/` (a small manifest and the snapshot
//! under a content-hashed name), natively and without compiling the app.
//!
//! The app is built once ([`crate::dist`]); a new corpus is only this step, so swapping corpora
//! takes seconds instead of a release build of the wasm.

use std::fs;
use std::path::{Path, PathBuf};

use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::manifest::{Manifest, TextFiles, MANIFEST_FILE};
use quellenlage_engine::problem::Severity;
use quellenlage_engine::texts::{self, Layout, TextChunk};
use quellenlage_engine::Snapshot;

use crate::Result;

/// The folder of the data files inside a dist directory.
pub const DATA_DIR: &str = "data";

/// Whether a data build serves the article texts apart from the snapshot (engine `texts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Only a corpus with more text than [`texts::SPLIT_ABOVE_BYTES`], in chunks of
    /// [`texts::PER_CHUNK`] articles.
    Auto,
    /// Always, in chunks of this many articles (tests of the app's chunk loading).
    Every(u32),
}

/// Ingests `corpus` and writes `dist/data/`: the snapshot as `snapshot-<hash>.bin`, for a
/// large corpus (see [`Split`]) the texts as `texts-<hash>.bin` chunks, and `manifest.json`
/// naming them; returns the manifest. Whatever `dist/data/` held before is replaced. A corpus
/// with errors (every one named `file:line: …`) or without a single article writes nothing.
pub fn write(corpus: &Path, dist: &Path, split: Split) -> Result<Manifest> {
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
    let mut snapshot = Snapshot::build(ingested.docs, ingested.entities);
    let layout = match split {
        Split::Auto => texts::worth_splitting(&snapshot).then_some(Layout {
            per_chunk: texts::PER_CHUNK,
        }),
        Split::Every(n) => Some(Layout {
            per_chunk: n.max(1),
        }),
    };
    let chunks: Vec<(String, Vec<u8>)> = layout
        .map(|layout| texts::split(&mut snapshot, layout))
        .unwrap_or_default()
        .iter()
        .map(TextChunk::encode)
        .map(|bytes| (format!("texts-{:016x}.bin", fnv1a(&bytes)), bytes))
        .collect();
    let snapshot = snapshot.encode();
    let build_s = started.elapsed().as_secs_f64() - ingest_s;
    let manifest = Manifest {
        snapshot: format!("snapshot-{:016x}.bin", fnv1a(&snapshot)),
        snapshot_bytes: snapshot.len() as u64,
        docs: docs as u64,
        texts: layout.map(|layout| TextFiles {
            per_chunk: layout.per_chunk,
            files: chunks.iter().map(|(name, _)| name.clone()).collect(),
        }),
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
    for (name, bytes) in &chunks {
        write(name, bytes)?;
    }
    write(MANIFEST_FILE, manifest.to_json().as_bytes())?;
    let text_bytes: usize = chunks.iter().map(|(_, b)| b.len()).sum();
    eprintln!(
        "data: {docs} articles, {} ({:.1} KiB) and {} text chunks ({:.1} KiB); ingest \
         {ingest_s:.1} s, index, entities and figures {build_s:.1} s",
        manifest.snapshot,
        snapshot.len() as f64 / 1024.0,
        chunks.len(),
        text_bytes as f64 / 1024.0
    );
    Ok(manifest)
}

/// The snapshot of a built `data/` folder with every text in it, the chunks filled back in
/// (for the single-file page, which carries all of it).
pub fn whole_snapshot(data: &Path) -> Result<Vec<u8>> {
    let read = |name: &str| {
        let path = data.join(name);
        fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let text = String::from_utf8(read(MANIFEST_FILE)?)
        .map_err(|_| "the data manifest is not UTF-8".to_string())?;
    let manifest = Manifest::from_json(&text).map_err(|e| e.to_string())?;
    let bytes = read(&manifest.snapshot)?;
    let Some(files) = manifest.texts else {
        return Ok(bytes);
    };
    let snapshot = Snapshot::decode(&bytes).map_err(|e| format!("{}: {e}", manifest.snapshot))?;
    let layout = Layout {
        per_chunk: files.per_chunk,
    };
    for (chunk, name) in files.files.iter().enumerate() {
        TextChunk::decode(&read(name)?)
            .map_err(|e| e.to_string())
            .and_then(|c| c.fill(&snapshot, layout, chunk))
            .map_err(|e| format!("{}: {e}", data.join(name).display()))?;
    }
    Ok(snapshot.encode())
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

        let written = write(&corpus, &dist, Split::Auto).unwrap();
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
        let err = write(&empty, &root.join("dist2"), Split::Auto)
            .err()
            .unwrap();
        assert!(err.contains("no articles found"), "{err}");
        assert!(!root.join("dist2").exists());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_split_build_lists_its_chunks_and_joins_back_into_the_whole() {
        let root = std::env::temp_dir().join(format!("ql-data-split-{}", std::process::id()));
        let corpus = root.join("corpus");
        fs::create_dir_all(&corpus).unwrap();
        for i in 1..=5 {
            fs::write(
                corpus.join(format!("a{i}.txt")),
                format!(
                    "Testblatt, {i}. Januar 2025\n\nMeldung {i}\n\nIn Kursk kämpfen {i}000 \
                     Soldaten, sagte ein Sprecher.\n"
                ),
            )
            .unwrap();
        }
        let whole = write(&corpus, &root.join("whole"), Split::Auto).unwrap();
        assert_eq!(whole.texts, None, "five short articles stay one file");
        let split = write(&corpus, &root.join("split"), Split::Every(2)).unwrap();
        let data = root.join("split").join(DATA_DIR);
        let files = split.texts.clone().expect("texts split off");
        assert_eq!((files.per_chunk, files.files.len()), (2, 3));
        for name in &files.files {
            let bytes = fs::read(data.join(name)).unwrap();
            assert!(name.contains(&format!("{:016x}", fnv1a(&bytes))));
        }
        let core = Snapshot::decode(&fs::read(data.join(&split.snapshot)).unwrap()).unwrap();
        assert!(core.docs.iter().all(|d| !d.text.is_filled()));
        let joined = Snapshot::decode(&whole_snapshot(&data).unwrap()).unwrap();
        let whole_data = root.join("whole").join(DATA_DIR);
        let original = Snapshot::decode(&fs::read(whole_data.join(&whole.snapshot)).unwrap());
        assert_eq!(joined, original.unwrap());
        // A chunk from elsewhere is named, not silently used.
        fs::copy(data.join(&files.files[0]), data.join(&files.files[1])).unwrap();
        let err = whole_snapshot(&data).unwrap_err();
        assert!(err.contains(&files.files[1]), "{err}");
        fs::remove_dir_all(&root).unwrap();
    }
}
