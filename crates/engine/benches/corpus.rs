//! The browser benchmark's 10,000-article corpus and queries, natively: index build time, index
//! bytes, and query latency per kind (p50/p95) with hit counts per query.
//!
//! Runs only when `QUELLENLAGE_BENCH_DIR` names a directory prepared by `cargo xtask bench`
//! (with `corpus/` and `queries.json`), e.g.
//! `QUELLENLAGE_BENCH_DIR=target/bench cargo bench -p quellenlage-engine --bench corpus`.
//! Writes the encoded index to `index.bin` in `QUELLENLAGE_BENCH_OUT` (if set), for brotli.
//! `QUELLENLAGE_BENCH_CACHE` names a file that keeps the built documents and index between runs
//! (delete it when the index format changes), `QUELLENLAGE_BENCH_ONLY` runs one query only,
//! `QUELLENLAGE_BENCH_SNIPPETS` sets how many hits get snippets (10, as in the app),
//! `QUELLENLAGE_BENCH_ROUNDS` how often each query runs (15); `QUELLENLAGE_BENCH_FIELDS` names
//! a directory to write each index field's encoding to (for per-field brotli sizes) instead;
//! `QUELLENLAGE_BENCH_TYPING` adds live-search queries (`ge|de|Nordkorea v`).

use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::query::SearchOptions;
use quellenlage_engine::Snapshot;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn main() {
    let Some(dir) = std::env::var_os("QUELLENLAGE_BENCH_DIR").map(PathBuf::from) else {
        eprintln!("corpus bench: set QUELLENLAGE_BENCH_DIR to a `cargo xtask bench` directory");
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = if dir.is_absolute() {
        dir
    } else {
        root.join(dir)
    };
    let snapshot = match std::env::var_os("QUELLENLAGE_BENCH_CACHE").map(PathBuf::from) {
        Some(cache) if cache.exists() => {
            let bytes = std::fs::read(&cache).expect("reads the cached snapshot");
            Snapshot::decode(&bytes).expect("decodes the cached snapshot")
        }
        cache => {
            let snapshot = build(&dir);
            if let Some(cache) = cache {
                std::fs::write(cache, snapshot.encode()).expect("writes the cache");
            }
            snapshot
        }
    };
    if let Ok(out) = std::env::var("QUELLENLAGE_BENCH_FIELDS") {
        let i = &snapshot.index;
        for (name, bytes) in [
            ("terms", bitcode::encode(&i.terms)),
            (
                "postings",
                bitcode::encode(
                    &i.postings
                        .iter()
                        .map(|b| b.filled().cloned())
                        .collect::<Vec<_>>(),
                ),
            ),
            ("offsets", bitcode::encode(&i.postings_offsets)),
            ("stems", bitcode::encode(&i.stems)),
            ("stem_groups", bitcode::encode(&i.stem_groups)),
            ("stems_reversed", bitcode::encode(&i.stems_reversed)),
            ("translit", bitcode::encode(&i.translit)),
            ("translit_groups", bitcode::encode(&i.translit_groups)),
            ("known", bitcode::encode(&i.known)),
            ("doc_len", bitcode::encode(&i.doc_len)),
        ] {
            std::fs::write(format!("{out}/{name}.bin"), bytes).unwrap();
        }
        return;
    }
    let only = std::env::var("QUELLENLAGE_BENCH_ONLY").ok();
    let text = std::fs::read_to_string(dir.join("queries.json")).expect("queries.json");
    let mut queries: Vec<serde_json::Value> = serde_json::from_str(&text).expect("queries.json");
    // Extra live-search queries, `|`-separated (broad prefixes such as `ge`).
    for extra in std::env::var("QUELLENLAGE_BENCH_TYPING")
        .unwrap_or_default()
        .split('|')
        .filter(|q| !q.is_empty())
    {
        queries.push(serde_json::json!({
            "kind": "extra_typing",
            "quellenlage": extra,
            "quellenlage_typing": true,
        }));
    }
    let rounds: usize = std::env::var("QUELLENLAGE_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    let mut by_kind: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut all = Vec::new();
    for q in &queries {
        let kind = q["kind"].as_str().unwrap_or("?").to_string();
        let query = q["quellenlage"].as_str().unwrap_or("");
        let typing = q["quellenlage_typing"].as_bool().unwrap_or(false);
        if only.as_ref().is_some_and(|o| o != query) {
            continue;
        }
        let options = SearchOptions {
            typing,
            snippet_hits: std::env::var("QUELLENLAGE_BENCH_SNIPPETS")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(10),
            snippets_per_hit: 3,
        };
        let mut hits = 0;
        let mut times = Vec::new();
        for _ in 0..rounds {
            let started = Instant::now();
            hits = snapshot.searcher().search(query, options).hits.len();
            times.push(ms(started));
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{kind:14} {query:45} hits {hits:6}  p50 {:7.2} ms  min {:7.2} ms",
            percentile(&times, 0.5),
            times[0]
        );
        by_kind.entry(kind).or_default().extend(&times);
        all.extend(times);
    }
    for (kind, mut times) in by_kind {
        times.sort_by(f64::total_cmp);
        println!(
            "kind {kind:14} p50 {:7.2} ms  p95 {:7.2} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
    }
    all.sort_by(f64::total_cmp);
    println!(
        "all            p50 {:7.2} ms  p95 {:7.2} ms",
        percentile(&all, 0.5),
        percentile(&all, 0.95)
    );
}

/// Ingests the corpus and builds the index (timed, with its encoded size); entities, mentions
/// and figures are left out (they do not change the search).
fn build(dir: &std::path::Path) -> Snapshot {
    let started = Instant::now();
    let corpus = ingest_dir(&dir.join("corpus"));
    eprintln!("ingest: {} docs, {:.0} ms", corpus.docs.len(), ms(started));
    let started = Instant::now();
    let index = quellenlage_engine::index::build(&corpus.docs);
    eprintln!("index build: {:.0} ms", ms(started));
    let started = Instant::now();
    let bytes = bitcode::encode(&index);
    eprintln!("index encode: {:.0} ms, {} bytes", ms(started), bytes.len());
    let started = Instant::now();
    let decoded: quellenlage_engine::index::Index = bitcode::decode(&bytes).expect("decodes");
    eprintln!("index decode: {:.0} ms", ms(started));
    assert!(decoded == index);
    if let Some(out) = std::env::var_os("QUELLENLAGE_BENCH_OUT").map(PathBuf::from) {
        let _ = std::fs::create_dir_all(&out);
        std::fs::write(out.join("index.bin"), &bytes).expect("writes index.bin");
    }
    Snapshot {
        docs: corpus.docs,
        index,
        ..Snapshot::default()
    }
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}
