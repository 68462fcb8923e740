//! Any bytes as a query over the bundled corpus, built once: the first byte's low bit says
//! whether it is typed live, the rest is the query text (invalid UTF-8 replaced, as a browser
//! would decode a broken URL).

#![no_main]

use libfuzzer_sys::fuzz_target;
use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::Snapshot;
use std::path::Path;
use std::sync::OnceLock;

fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
        let corpus = ingest_dir(&dir);
        assert!(!corpus.has_errors(), "{:?}", corpus.problems);
        Snapshot::build(corpus.docs, corpus.entities)
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, text)) = data.split_first() else {
        return;
    };
    quellenlage_fuzz::query(snapshot(), &String::from_utf8_lossy(text), flags & 1 == 1);
});
