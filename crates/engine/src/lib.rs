//! Quellenlage's engine: everything the app and the CLI know about a corpus, with no web types.
//!
//! The pipeline runs at build time: [`ingest`] reads a folder of articles into [`Document`]s
//! (metadata plus main-text and boilerplate blocks), and [`snapshot`] serialises them into the
//! compact binary the browser app fetches (named in the data [`manifest`]) and decodes once at
//! start-up. The CLI runs the same code, so the command line and the web app give the same
//! answers.

pub mod analyze;
pub mod compare;
pub mod document;
pub mod entities;
pub mod facets;
pub mod figures;
pub mod index;
#[cfg(feature = "ingest")]
pub mod ingest;
pub mod late;
pub mod listing;
pub mod manifest;
pub mod order;
pub mod problem;
pub mod query;
pub mod snapshot;
pub mod texts;

pub use document::{
    is_valid_id, Block, BlockKind, Boilerplate, Document, Format, Metadata, Origin, PartialDate,
};
pub use problem::{Problem, Severity};
pub use snapshot::{Snapshot, SnapshotError};
