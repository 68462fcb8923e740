//! The CPU-heavy preparation steps of the browser benchmark, run by an optimised build of
//! xtask (`xtask bench-internal <step> <bench dir>`): corpus generation, the native snapshot
//! build, and brotli sizes. A debug build would make the index build time meaningless and
//! brotli-11 over tens of megabytes take many minutes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use quellenlage_engine::index::size;
use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::{BlockKind, Snapshot};
use serde_json::{json, Map, Value};

use super::corpus::{self, write_json};
use crate::{dist, Result};

/// Files whose brotli size the report shows: (key, path relative to the bench dir).
pub const SIZED_FILES: [(&str, &str); 7] = [
    ("quellenlage_snapshot", "web/quellenlage.snap"),
    ("quellenlage_index", "quellenlage-index.bin"),
    (
        "quellenlage_index_no_positions",
        "quellenlage-index-no-positions.bin",
    ),
    ("quellenlage_wasm", "web/quellenlage_bench_web_bg.wasm"),
    ("quellenlage_js", "web/quellenlage_bench_web.js"),
    ("minisearch_index", "web/minisearch.json"),
    ("minisearch_js", "web/minisearch.js"),
];

/// Runs one preparation step; `root` is the workspace, `dir` the bench directory.
pub fn run(step: &str, root: &Path, dir: &Path, docs: Option<usize>) -> Result {
    match step {
        "corpus" => {
            let stats = corpus::ensure(root, dir, docs.unwrap_or(corpus::DOCS))?;
            eprintln!(
                "corpus: {} articles, {} words, {} distinct terms (analyzer terms; ≥ {} wanted)",
                stats["docs"],
                stats["words"],
                stats["distinct_terms"],
                corpus::MIN_DISTINCT_TERMS
            );
            Ok(())
        }
        "snapshot" => snapshot(dir),
        "sizes" => sizes(dir),
        "app-data" => super::app::data_build(
            root,
            dir,
            docs.ok_or("the app-data step needs the number of articles")?,
        ),
        other => Err(format!("unknown bench-internal step `{other}`")),
    }
}

/// Ingests the synthetic corpus, builds and encodes the snapshot (timed), and writes the
/// snapshot, the index-only encoding, the documents for MiniSearch and `snapshot.json`.
fn snapshot(dir: &Path) -> Result {
    let started = Instant::now();
    let corpus = ingest_dir(&dir.join("corpus"));
    let ingest_ms = ms(started);
    if corpus.has_errors() || corpus.docs.is_empty() {
        return Err(format!(
            "the synthetic corpus did not ingest cleanly ({} docs): {:?}",
            corpus.docs.len(),
            corpus.problems.first()
        ));
    }
    let titled = corpus
        .docs
        .iter()
        .filter(|d| d.blocks.iter().any(|b| b.kind == BlockKind::Title))
        .count();
    // What MiniSearch indexes: exactly the text Quellenlage indexes (title + main text).
    let docs_json: Vec<Value> = corpus
        .docs
        .iter()
        .map(|doc| {
            let text: Vec<&str> = doc
                .main_blocks()
                .filter(|b| b.kind != BlockKind::Title)
                .map(|b| doc.block_text(b))
                .collect();
            json!({
                "id": doc.id,
                "title": doc.meta.title.clone().unwrap_or_default(),
                "text": text.join("\n\n"),
            })
        })
        .collect();
    write_file(
        &dir.join("docs.json"),
        &serde_json::to_vec(&docs_json).map_err(|e| e.to_string())?,
    )?;

    // The index alone (what MiniSearch builds), then the whole snapshot, which adds entity
    // discovery, mentions and figures. Building the index twice costs a few seconds.
    let started = Instant::now();
    drop(quellenlage_engine::index::build(&corpus.docs));
    let index_build_ms = ms(started);
    let started = Instant::now();
    let snapshot = Snapshot::build(corpus.docs, corpus.entities);
    let snapshot_build_ms = ms(started);
    let started = Instant::now();
    let bytes = snapshot.encode();
    let encode_ms = ms(started);
    let index_bytes = bitcode::encode(&snapshot.index);
    let index_terms = snapshot.index.term_map().map_or(0, |m| m.len());
    // What the index is made of: the part scoring reads (positions would be a shard of their
    // own), and the least any exact index of this corpus needs for document sets and weights.
    let no_positions = bitcode::encode(&size::without_positions(&snapshot.index));
    let bound = size::lower_bound(&snapshot.index);
    fs::create_dir_all(dir.join("web")).map_err(|e| format!("cannot create web/: {e}"))?;
    write_file(&dir.join("web/quellenlage.snap"), &bytes)?;
    write_file(&dir.join("quellenlage-index.bin"), &index_bytes)?;
    write_file(
        &dir.join("quellenlage-index-no-positions.bin"),
        &no_positions,
    )?;

    eprintln!(
        "snapshot: {} docs ({titled} with a title), {index_terms} index terms; ingest {ingest_ms:.0} ms, \
         index build {index_build_ms:.0} ms, snapshot build (index, entities, figures) \
         {snapshot_build_ms:.0} ms, encode {encode_ms:.0} ms; {} bytes (index alone {} bytes)",
        snapshot.docs.len(),
        bytes.len(),
        index_bytes.len()
    );
    write_json(
        &dir.join("snapshot.json"),
        &json!({
            "docs": snapshot.docs.len(),
            "titled_docs": titled,
            "index_terms": index_terms,
            "ingest_ms": ingest_ms,
            "index_build_ms": index_build_ms,
            "snapshot_build_ms": snapshot_build_ms,
            "encode_ms": encode_ms,
            "snapshot_bytes": bytes.len(),
            "index_bytes": index_bytes.len(),
            "postings": bound.postings,
            "bound_doc_sets_bytes": bound.doc_sets.round(),
            "bound_weights_bytes": bound.weights.round(),
        }),
    )
}

/// Brotli-11 sizes of [`SIZED_FILES`] into `sizes.json`, computed in parallel and cached by
/// content hash (brotli-11 takes about 2 s per megabyte and core).
fn sizes(dir: &Path) -> Result {
    let cache_path = dir.join("brotli-cache.json");
    let mut cache: BTreeMap<String, usize> = fs::read_to_string(&cache_path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let mut files = Vec::new();
    for (key, relative) in SIZED_FILES {
        let path = dir.join(relative);
        let data = fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let hash = format!("{:016x}-{}", crate::data::fnv1a(&data), data.len());
        files.push((key, path, data, hash));
    }
    // Largest first, on as many threads as there are cores: the biggest file bounds the time.
    let mut missing: Vec<&(&str, PathBuf, Vec<u8>, String)> = files
        .iter()
        .filter(|(_, _, _, hash)| !cache.contains_key(hash))
        .collect();
    missing.sort_by_key(|(_, _, data, _)| std::cmp::Reverse(data.len()));
    if !missing.is_empty() {
        let megabytes: usize = missing.iter().map(|(_, _, data, _)| data.len()).sum();
        eprintln!(
            "sizes: brotli-11 of {} files ({:.0} MB) not in the cache; this takes about \
             2 s per MB and core",
            missing.len(),
            megabytes as f64 / 1e6
        );
    }
    let queue = std::sync::Mutex::new(missing.into_iter());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let computed: Vec<(String, Result<usize>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = queue.lock().map(|mut q| q.next()).unwrap_or(None);
                        let Some((key, _, data, hash)) = next else {
                            return done;
                        };
                        let started = Instant::now();
                        let size = dist::brotli_size(data);
                        eprintln!("sizes: brotli-11 of {key} took {:.1} s", ms(started) / 1e3);
                        done.push((hash.clone(), size));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    for (hash, size) in computed {
        cache.insert(hash, size?);
    }
    let mut out = Map::new();
    for (key, path, data, hash) in &files {
        let br = *cache
            .get(hash)
            .ok_or_else(|| format!("no brotli size for {key}: a compression thread failed"))?;
        eprintln!(
            "sizes: {:<22} {:>12} bytes  {:>11} brotli  ({})",
            key,
            data.len(),
            br,
            path.display()
        );
        out.insert(
            (*key).to_owned(),
            json!({ "bytes": data.len(), "bytes_br": br }),
        );
    }
    // Keep only the entries of the current files: the cache stays small.
    cache.retain(|hash, _| files.iter().any(|(_, _, _, h)| h == hash));
    write_json(&cache_path, &json!(cache))?;
    write_json(&dir.join("sizes.json"), &Value::Object(out))
}

/// Milliseconds since `started`.
fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1e3
}

fn write_file(path: &Path, data: &[u8]) -> Result {
    fs::write(path, data).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
