//! `cargo xtask bench --docs N`: the app itself with N synthetic articles, as a reader meets it.
//!
//! 1. The generator ([`super::corpus`]) writes N articles into `target/bench/docs-N/corpus`.
//! 2. An optimised xtask runs the data build into `target/bench/dist-N/` (the app built once
//!    into `target/app/`, plus `data/`, precompressed) and records its wall time and peak
//!    memory (`VmHWM` of its own process) in `docs-N/build.json`.
//! 3. The ignored test `tests/tests/app_bench.rs` opens that dist in a fresh headless Chromium
//!    profile and measures the bytes before the first search, the first results and
//!    keystroke-to-paint while typing five queries letter by letter.
//!
//! The report prints a table and, with `--json`, one JSON object on the last line of stdout in
//! the shape the scale issue gives (`{"docs": N, "engines": {"quellenlage": {…}}}`). Nothing is
//! asserted about timings.

use std::fs;
use std::path::Path;
use std::time::Instant;

use serde_json::{json, Value};

use super::report::percentile;
use super::{corpus, prep_xtask, target_dir};
use crate::steps::Steps;
use crate::{cmd, data, dist, tools, Result};

/// Single-word queries typed letter by letter, then two-word queries.
const TYPED_SINGLE: usize = 3;
const TYPED_AND: usize = 2;

/// Runs the app benchmark for `docs` articles.
pub fn run(root: &Path, docs: usize, json: bool) -> Result {
    let target = target_dir(root)?;
    let bench = target.join("bench");
    let work = bench.join(format!("docs-{docs}"));
    let dist = bench.join(format!("dist-{docs}"));
    let results = work.join("browser-results.json");
    Steps::with_summary(|steps| {
        let tools = steps.run("tools", || {
            let tools = tools::ensure_build_tools(root)?;
            tools::ensure_browser()?;
            tools::ensure_word_list(Path::new(corpus::WORD_LIST))?;
            Ok(tools)
        })?;
        steps.run("app", || dist::app(root, &tools))?;
        let xtask = steps.run("xtask build", || prep_xtask(root, &target, json))?;
        let internal = |step: &str| {
            let mut command = std::process::Command::new(&xtask);
            command
                .args(["bench-internal", step])
                .arg(&work)
                .arg(docs.to_string())
                .env("CARGO_MANIFEST_DIR", root.join("xtask"));
            if json {
                cmd::run_quietly(&mut command)
            } else {
                cmd::run(&mut command)
            }
        };
        steps.run("corpus", || internal("corpus"))?;
        steps.run("data build", || internal("app-data"))?;
        steps.run("browser", || {
            let _ = fs::remove_file(&results);
            let words = typed_words(&work.join("queries.json"))?;
            let mut command = cmd::cargo(root);
            command
                .args(["test", "-p", "quellenlage-e2e", "--test", "app_bench"])
                .args(["--", "--ignored", "--nocapture"])
                .env("QUELLENLAGE_APP_DIST", &dist)
                .env("QUELLENLAGE_APP_WORDS", words.join(","))
                .env("QUELLENLAGE_APP_OUT", &results);
            if json {
                cmd::run_quietly(&mut command)
            } else {
                cmd::run(&mut command)
            }
        })
    })?;
    let build = read(&work.join("build.json"))?;
    let browser = read(&results)?;
    let summary = summary(docs, &build, &browser);
    super::corpus::write_json(&work.join("results.json"), &summary)?;
    let table = table(&summary, &dist);
    if json {
        eprintln!("{table}");
        println!("{summary}");
    } else {
        println!("{table}");
    }
    Ok(())
}

/// The data build step, run by the optimised xtask: `dir` is `target/bench/docs-N`, the app
/// comes from `<root>/target/app` (built by the parent), the result goes to `dist-N` beside
/// `dir`. Writes `dir/build.json` with wall time and peak memory.
pub fn data_build(root: &Path, dir: &Path, docs: usize) -> Result {
    let started = Instant::now();
    let app = root.join("target").join("app");
    let dist = dir
        .parent()
        .map(|p| p.join(format!("dist-{docs}")))
        .ok_or("the bench directory has no parent")?;
    dist::with_data(&app, &dir.join("corpus"), &dist, data::Split::Auto)?;
    let seconds = started.elapsed().as_secs_f64();
    let peak_mb = peak_memory_mb();
    eprintln!(
        "data build: {docs} articles in {seconds:.1} s, peak {peak_mb:.0} MB, into {}",
        dist.display()
    );
    corpus::write_json(
        &dir.join("build.json"),
        &json!({ "build_s": seconds, "build_peak_mb": peak_mb }),
    )
}

/// This process's peak resident memory in MB (Linux `VmHWM`), 0 where it cannot be read.
fn peak_memory_mb() -> f64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb / 1000.0)
        })
        .unwrap_or(0.0)
}

/// The words the browser types: the first single-word and two-word queries of the generator.
fn typed_words(path: &Path) -> Result<Vec<String>> {
    let queries = read(path)?;
    let of_kind = |kind: &str, n: usize| -> Vec<String> {
        queries
            .as_array()
            .into_iter()
            .flatten()
            .filter(|q| q["kind"] == kind)
            .filter_map(|q| q["quellenlage"].as_str().map(str::to_owned))
            .take(n)
            .collect()
    };
    let mut words = of_kind("single", TYPED_SINGLE);
    words.extend(of_kind("and", TYPED_AND));
    if words.is_empty() {
        return Err(format!("{} holds no queries", path.display()));
    }
    Ok(words)
}

/// The report in the shape; the app fetches everything before it is ready, so a cold
/// query fetches nothing.
fn summary(docs: usize, build: &Value, browser: &Value) -> Value {
    let keystrokes: Vec<f64> = browser["keystroke_ms"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    let round = |v: f64| (v * 10.0).round() / 10.0;
    json!({
        "docs": docs,
        "engines": {
            "quellenlage": {
                "boot_bytes_br": browser["boot_bytes_br"],
                "boot_requests": browser["boot_files"].as_array().map_or(0, Vec::len),
                "ready_ms": browser["ready_ms"].as_f64().map(round),
                // One cold query (the first word, right after start-up).
                "query_bytes_br_p50": browser["query_bytes_br"],
                "query_requests_p50": browser["query_requests"],
                "query_depth_p50": browser["query_depth"],
                "first_results_ms_p50": browser["first_results_ms"].as_f64().map(round),
                "keystroke_ms_p50": round(percentile(&keystrokes, 0.5)),
                "keystroke_ms_p95": round(percentile(&keystrokes, 0.95)),
                "keystrokes": keystrokes.len(),
                "build_s": build["build_s"].as_f64().map(round),
                "build_peak_mb": build["build_peak_mb"].as_f64().map(f64::round),
            }
        }
    })
}

/// The table printed for people.
fn table(summary: &Value, dist: &Path) -> String {
    let q = &summary["engines"]["quellenlage"];
    let kb = q["boot_bytes_br"].as_f64().unwrap_or(0.0) / 1000.0;
    format!(
        "app with {docs} articles ({dist})\n\
         before the first search: {kb:.1} KB brotli in {requests} requests, ready after {ready} ms\n\
         first results: {first} ms, {qkb:.1} KB brotli in {qreq} requests, {depth} round trips; \
         keystroke-to-paint p50 {p50} ms, p95 {p95} ms ({n} keystrokes)\n\
         data build: {build} s, peak {peak} MB",
        docs = summary["docs"],
        dist = dist.display(),
        requests = q["boot_requests"],
        ready = q["ready_ms"],
        first = q["first_results_ms_p50"],
        qkb = q["query_bytes_br_p50"].as_f64().unwrap_or(0.0) / 1000.0,
        qreq = q["query_requests_p50"],
        depth = q["query_depth_p50"],
        p50 = q["keystroke_ms_p50"],
        p95 = q["keystroke_ms_p95"],
        n = q["keystrokes"],
        build = q["build_s"],
        peak = q["build_peak_mb"],
    )
}

fn read(path: &Path) -> Result<Value> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", path.display()))
}
