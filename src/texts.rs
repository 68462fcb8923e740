//! Article texts of a large corpus, fetched chunk by chunk when a view needs them.
//!
//! A large corpus's snapshot comes without its texts (engine `texts` module): search, filters,
//! facets and the list work from the start, and the texts of a row, an article or a comparison
//! are fetched when it is shown, once per chunk, and filled into the snapshot. Views ask
//! [`Texts::status`] for the documents they show; the call subscribes them to those chunks, so
//! they show their text as soon as it is there. A chunk that cannot be fetched is named with
//! the reason, and [`Texts::retry`] fetches it again.

use crate::corpus::{fetch, LoadError, DATA_DIR};
use leptos::prelude::*;
use quellenlage_engine::manifest::TextFiles;
use quellenlage_engine::texts::{Layout, TextChunk};
use quellenlage_engine::Snapshot;

/// Where one chunk stands.
#[derive(Debug, Clone, PartialEq)]
enum Slot {
    /// Not requested yet.
    Absent,
    /// Being fetched.
    Loading,
    /// Filled into the snapshot.
    Filled,
    /// The fetch or the check failed.
    Failed(LoadError),
}

/// Whether the texts of some documents are there.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// All there.
    Ready,
    /// Some are being fetched.
    Loading,
    /// A chunk could not be loaded: which file and why.
    Failed(LoadError),
}

/// The texts of the session's corpus: all there (a small corpus, the single-file page), or in
/// chunks fetched on demand.
pub struct Texts {
    snapshot: &'static Snapshot,
    chunks: Option<Chunks>,
}

/// The chunks of a split corpus.
struct Chunks {
    layout: Layout,
    files: Vec<String>,
    slots: Vec<RwSignal<Slot>>,
    /// Bumped when a chunk fails or is retried: the page-wide notice follows this, not every
    /// chunk's signal (thousands at 100,000 articles).
    failures_changed: RwSignal<u32>,
}

impl Texts {
    /// The texts of `snapshot`, split as `files` says (`None`: the snapshot holds them all).
    /// Lives for the session.
    pub fn new(snapshot: &'static Snapshot, files: Option<TextFiles>) -> &'static Texts {
        let chunks = files.map(|files| Chunks {
            layout: Layout {
                per_chunk: files.per_chunk,
            },
            slots: files
                .files
                .iter()
                .map(|_| RwSignal::new(Slot::Absent))
                .collect(),
            files: files.files,
            failures_changed: RwSignal::new(0),
        });
        Box::leak(Box::new(Texts { snapshot, chunks }))
    }

    /// Whether the texts of `docs` are there, requesting the chunks that are not. Reactive: a
    /// caller runs again when one of these chunks arrives or fails.
    pub fn status(&'static self, docs: impl IntoIterator<Item = usize>) -> Status {
        let Some(chunks) = &self.chunks else {
            return Status::Ready;
        };
        let mut wanted: Vec<usize> = docs
            .into_iter()
            .filter_map(|d| chunks.layout.chunk_of(&self.snapshot.index, d))
            .filter(|&c| c < chunks.slots.len())
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut status = Status::Ready;
        for chunk in wanted {
            let slot = chunks.slots[chunk];
            match slot.get() {
                Slot::Filled => {}
                Slot::Failed(e) => {
                    if !matches!(status, Status::Failed(_)) {
                        status = Status::Failed(e);
                    }
                }
                Slot::Loading => {
                    if status == Status::Ready {
                        status = Status::Loading;
                    }
                }
                Slot::Absent => {
                    self.request(chunk);
                    if status == Status::Ready {
                        status = Status::Loading;
                    }
                }
            }
        }
        status
    }

    /// Every chunk that failed, for a notice over the whole page.
    pub fn failures(&self) -> Vec<LoadError> {
        let Some(chunks) = &self.chunks else {
            return Vec::new();
        };
        chunks.failures_changed.track();
        chunks
            .slots
            .iter()
            .filter_map(|s| match s.get_untracked() {
                Slot::Failed(e) => Some(e),
                _ => None,
            })
            .collect()
    }

    /// Fetches every failed chunk again.
    pub fn retry(&'static self) {
        let Some(chunks) = &self.chunks else {
            return;
        };
        for (chunk, slot) in chunks.slots.iter().enumerate() {
            if matches!(slot.get_untracked(), Slot::Failed(_)) {
                self.request(chunk);
            }
        }
        chunks.failures_changed.update(|n| *n += 1);
    }

    /// Starts fetching chunk `chunk`. Marked as loading without notifying (this runs inside
    /// the views' reactive reads); its arrival or failure notifies.
    fn request(&'static self, chunk: usize) {
        let Some(chunks) = &self.chunks else {
            return;
        };
        let slot = chunks.slots[chunk];
        slot.update_untracked(|s| *s = Slot::Loading);
        let path = format!("{DATA_DIR}/{}", chunks.files[chunk]);
        let layout = chunks.layout;
        let snapshot = self.snapshot;
        let failures_changed = chunks.failures_changed;
        leptos::task::spawn_local(async move {
            let filled = match fetch(&path).await {
                Ok(bytes) => TextChunk::decode(&bytes)
                    .map_err(|e| e.to_string())
                    .and_then(|c| c.fill(snapshot, layout, chunk))
                    .map_err(|reason| LoadError {
                        file: Some(path.clone()),
                        reason: format!("ist nicht lesbar ({reason})"),
                    }),
                Err(e) => Err(e),
            };
            match filled {
                Ok(()) => slot.set(Slot::Filled),
                Err(e) => {
                    slot.set(Slot::Failed(e));
                    failures_changed.update(|n| *n += 1);
                }
            }
        });
    }
}
