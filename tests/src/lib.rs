//! Support code for Quellenlage's browser end-to-end tests.
//!
//! The library half holds only what `cargo xtask serve` shares with the tests: a std-only
//! static file server. The browser-driving code (fantoccini, tokio) lives in `tests/` as
//! dev-dependencies, so linking this library stays cheap.

pub mod server;
