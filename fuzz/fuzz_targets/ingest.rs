//! Any bytes as an article file: ingest, index, entities, figures, search and comparison.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| quellenlage_fuzz::ingest(data));
