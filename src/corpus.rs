//! The corpus snapshot embedded at build time (see `build.rs`), decoded once at start-up.

use quellenlage_engine::{Snapshot, SnapshotError};

/// The snapshot bytes written by `build.rs` from the corpus folder.
static SNAPSHOT_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin"));

/// Decodes the embedded snapshot. Called once; the result lives for the whole session, so it is
/// leaked into a `'static` reference that every component can hold without reference counting.
pub fn load() -> Result<&'static Snapshot, SnapshotError> {
    Snapshot::decode(SNAPSHOT_BYTES).map(|s| &*Box::leak(Box::new(s)))
}
