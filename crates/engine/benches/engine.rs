//! Criterion benchmarks of the analyzer, the index build and the query path (native).
//! The browser comparison against MiniSearch on 10,000 articles is `cargo xtask bench`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use quellenlage_engine::analyze::analyze;
use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::query::SearchOptions;
use quellenlage_engine::{Document, Snapshot};
use std::hint::black_box;
use std::path::Path;

fn bundled() -> Vec<Document> {
    ingest_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")).docs
}

/// The bundled articles repeated `copies` times under new ids (a larger index of real text).
fn repeated(copies: usize) -> Vec<Document> {
    let base = bundled();
    let mut docs: Vec<Document> = (0..copies)
        .flat_map(|i| {
            base.iter().map(move |d| Document {
                origin: Default::default(),
                id: format!("{i:05}_{}", d.id),
                ..d.clone()
            })
        })
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs
}

fn analyzer(c: &mut Criterion) {
    let docs = bundled();
    let text = docs
        .iter()
        .map(|d| d.main_text())
        .collect::<Vec<_>>()
        .join("\n\n");
    c.bench_function("analyze/bundled corpus main text", |b| {
        b.iter(|| analyze(black_box(&text), 0))
    });
}

fn index_build(c: &mut Criterion) {
    let docs = repeated(40);
    c.bench_function("index/build 200 articles", |b| {
        b.iter(|| quellenlage_engine::index::build(black_box(&docs)))
    });
}

fn queries(c: &mut Criterion) {
    let snapshot = Snapshot::build(repeated(40), Vec::new());
    let mut group = c.benchmark_group("search/200 articles");
    for query in [
        "Schoigu",
        "Kursk Soldaten",
        "\"Wonsan Kalma\"",
        "Kanonenfuter",
        "Satellit",
        "Shoigu",
        "Kursk -Minen",
    ] {
        group.bench_with_input(BenchmarkId::from_parameter(query), query, |b, q| {
            b.iter(|| {
                snapshot
                    .searcher()
                    .search(black_box(q), SearchOptions::default())
            })
        });
    }
    group.bench_function("typing Kanonenf", |b| {
        let options = SearchOptions {
            typing: true,
            ..SearchOptions::default()
        };
        b.iter(|| snapshot.searcher().search(black_box("Kanonenf"), options))
    });
    group.finish();
}

fn snapshot_decode(c: &mut Criterion) {
    let bytes = Snapshot::build(repeated(40), Vec::new()).encode();
    c.bench_function("snapshot/decode 200 articles", |b| {
        b.iter(|| Snapshot::decode(black_box(&bytes)))
    });
}

criterion_group!(benches, analyzer, index_build, queries, snapshot_decode);
criterion_main!(benches);
