//! `cargo xtask bench`: the benchmarks, as named, timed steps.
//!
//! 1. The engine's criterion benches (`cargo bench -p quellenlage-engine`).
//! 2. A browser benchmark of Quellenlage's search against MiniSearch on a synthetic corpus of
//!    10,000 German articles: an optimised build of xtask generates the corpus and the
//!    queries ([`corpus`]) and builds the snapshot natively ([`prepare`]); node builds the
//!    MiniSearch index; `crates/bench-web` is built to wasm; the page in `bench/` runs in
//!    headless Chromium (driven by the ignored test `tests/tests/bench.rs`); [`report`]
//!    turns the raw samples into a table and, with `--json`, one line of JSON.
//!
//! Everything generated lives in `target/bench/`: `corpus/` (regenerated only when the
//! generator changes), `web/` (what the page's server serves; open its `index.html` through
//! any static server to watch a run) and the JSON files between the steps, ending with
//! `results.json`. Brotli sizes are cached by content hash: recomputing them (when the
//! snapshot bytes change) adds about four minutes on two cores. No timing is asserted
//! anywhere: these are measurements, not tests.

pub mod app;
mod corpus;
mod prepare;
mod report;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

use serde_json::{json, Map, Value};

use crate::steps::Steps;
use crate::tools::{self, Tools};
use crate::{cmd, Result};

pub use prepare::run as run_internal;

/// The MiniSearch release compared against (npm `minisearch`).
const MINISEARCH_VERSION: &str = "7.2.0";
/// The cargo profile of the optimised xtask that prepares the benchmark: a normal optimised
/// native build (the workspace's `release` profile is tuned for a small wasm instead).
const PREP_PROFILE: &str = "bench-prep";
/// The page's files in the repository, copied next to the generated files.
const PAGE_FILES: [&str; 3] = ["index.html", "bench.js", "minisearch-options.mjs"];

/// Runs every benchmark step (without the criterion benches if `browser_only`); with `json`,
/// prints one JSON object with all results as the last line of stdout (all progress goes to
/// stderr).
pub fn run(root: &Path, json: bool, browser_only: bool) -> Result {
    let started = SystemTime::now();
    let mut criterion = Value::Null;
    let target = target_dir(root)?;
    let dir = target.join("bench");
    let quiet = |command: &mut Command| {
        if json {
            cmd::run_quietly(command)
        } else {
            cmd::run(command)
        }
    };
    Steps::with_summary(|steps| {
        if !browser_only {
            steps.run("engine benches", || {
                quiet(cmd::cargo(root).args(["bench", "-p", "quellenlage-engine"]))?;
                if json {
                    criterion = criterion_results(&target.join("criterion"), started)?;
                }
                Ok(())
            })?;
        }
        let (tools, minisearch) = steps.run("tools", || {
            let tools = tools::ensure_build_tools(root)?;
            tools::ensure_browser()?;
            tools::ensure_word_list(Path::new(corpus::WORD_LIST))?;
            let npm = dir.join("npm");
            let minisearch = tools::ensure_npm_package(&npm, "minisearch", MINISEARCH_VERSION)?;
            Ok((tools, minisearch))
        })?;
        let xtask = steps.run("xtask build", || prep_xtask(root, &target, json))?;
        let internal = |step: &str| {
            quiet(
                Command::new(&xtask)
                    .args(["bench-internal", step])
                    .arg(&dir)
                    .env("CARGO_MANIFEST_DIR", root.join("xtask")),
            )
        };
        steps.run("corpus", || internal("corpus"))?;
        steps.run("snapshot", || internal("snapshot"))?;
        steps.run("minisearch index", || {
            minisearch_index(root, &dir, &minisearch)
        })?;
        steps.run("bench wasm", || {
            build_page(root, &target, &tools, &dir, &minisearch, json)
        })?;
        steps.run("sizes", || internal("sizes"))?;
        steps.run("browser", || {
            let out = dir.join("browser-results.json");
            let _ = fs::remove_file(&out);
            quiet(
                cmd::cargo(root)
                    .args(["test", "-p", "quellenlage-e2e", "--test", "bench"])
                    .args(["--", "--ignored", "--nocapture"])
                    .env("QUELLENLAGE_BENCH_WEB", dir.join("web"))
                    .env("QUELLENLAGE_BENCH_OUT", &out),
            )
        })
    })?;

    let report = report::Report::read(&dir, MINISEARCH_VERSION)?;
    let table = report.table();
    let mut summary = report.json();
    corpus::write_json(&dir.join("results.json"), &summary)?;
    if json {
        eprintln!("{table}");
        if let (Value::Object(map), false) = (&mut summary, browser_only) {
            map.insert("criterion".into(), criterion);
        }
        println!("{summary}");
    } else {
        println!("{table}");
        println!(
            "(all numbers also in {})",
            dir.join("results.json").display()
        );
    }
    Ok(())
}

/// Builds xtask in the [`PREP_PROFILE`] (optimised) and returns the binary's path; with `quiet`,
/// cargo's output is shown only on failure.
pub(crate) fn prep_xtask(root: &Path, target: &Path, quiet: bool) -> Result<PathBuf> {
    let mut command = cmd::cargo(root);
    command
        .args(["build", "-p", "xtask"])
        .args(prep_profile_args());
    if quiet {
        cmd::run_quietly(&mut command)?;
    } else {
        cmd::run(&mut command)?;
    }
    Ok(target.join(PREP_PROFILE).join("xtask"))
}

/// Cargo arguments selecting the [`PREP_PROFILE`]: defined here with `--config`, so the
/// workspace manifest stays as it is.
fn prep_profile_args() -> Vec<String> {
    let p = PREP_PROFILE;
    [
        format!("profile.{p}.inherits=\"release\""),
        format!("profile.{p}.opt-level=3"),
        format!("profile.{p}.lto=false"),
        format!("profile.{p}.codegen-units=16"),
        format!("profile.{p}.panic=\"unwind\""),
    ]
    .into_iter()
    .flat_map(|setting| ["--config".to_owned(), setting])
    .chain(["--profile".to_owned(), p.to_owned()])
    .collect()
}

/// Builds the MiniSearch index with node (`bench/minisearch-build.mjs`) into
/// `web/minisearch.json`; its stats go to `minisearch-build.json`.
fn minisearch_index(root: &Path, dir: &Path, minisearch: &Path) -> Result {
    let mut node = Command::new("node");
    node.arg(root.join("bench/minisearch-build.mjs"))
        .arg(minisearch.join("dist/es/index.js"))
        .arg(dir.join("docs.json"))
        .arg(dir.join("web/minisearch.json"));
    let line = cmd::describe(&node);
    eprintln!("$ {line}");
    let output = node
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run `{line}`: {e}"))?;
    if !output.status.success() {
        return Err(format!("`{line}` failed ({})", output.status));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stats: Value = stdout
        .lines()
        .last()
        .and_then(|l| serde_json::from_str(l).ok())
        .ok_or_else(|| format!("`{line}` printed no JSON stats: {stdout}"))?;
    eprintln!(
        "minisearch: {} docs, {} terms, index build {:.0} ms, JSON.stringify {:.0} ms",
        stats["docs"],
        stats["terms"],
        num(&stats["build_ms"]),
        num(&stats["serialize_ms"])
    );
    corpus::write_json(&dir.join("minisearch-build.json"), &stats)
}

/// Builds `crates/bench-web` to wasm (wasm-bindgen, then `wasm-opt -Oz`) into `web/`, and
/// copies the page and MiniSearch's ES module next to it.
fn build_page(
    root: &Path,
    target: &Path,
    tools: &Tools,
    dir: &Path,
    minisearch: &Path,
    json: bool,
) -> Result {
    let web = dir.join("web");
    let quiet = |command: &mut Command| {
        if json {
            cmd::run_quietly(command)
        } else {
            cmd::run(command)
        }
    };
    quiet(cmd::cargo(root).args([
        "build",
        "-p",
        "quellenlage-bench-web",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let wasm = target.join("wasm32-unknown-unknown/release/quellenlage_bench_web.wasm");
    quiet(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--out-dir"])
            .arg(&web)
            .arg(&wasm),
    )?;
    let bg = web.join("quellenlage_bench_web_bg.wasm");
    quiet(
        Command::new(tools.wasm_opt())
            .arg("-Oz")
            .arg(&bg)
            .arg("-o")
            .arg(&bg),
    )?;
    let mut copies: Vec<(PathBuf, PathBuf)> = PAGE_FILES
        .iter()
        .map(|name| (root.join("bench").join(name), web.join(name)))
        .collect();
    copies.push((
        minisearch.join("dist/es/index.js"),
        web.join("minisearch.js"),
    ));
    for (from, to) in copies {
        fs::copy(&from, &to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    }
    let queries = dir.join("queries.json");
    fs::copy(&queries, web.join("queries.json"))
        .map_err(|e| format!("cannot copy {}: {e}", queries.display()))?;
    Ok(())
}

/// A JSON number as `f64` (0 when absent).
fn num(value: &Value) -> f64 {
    value.as_f64().unwrap_or(0.0)
}

/// Cargo's target directory, wherever `CARGO_TARGET_DIR` or config put it.
pub(crate) fn target_dir(root: &Path) -> Result<PathBuf> {
    let output = cmd::cargo(root)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .map_err(|e| format!("cannot run `cargo metadata`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo metadata` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let metadata: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("`cargo metadata` printed invalid JSON: {e}"))?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "`cargo metadata` did not report a target_directory".to_owned())
}

/// Criterion's estimates for every benchmark measured since `since`, keyed by benchmark id.
///
/// Criterion keeps results of earlier runs in the same directory; the modification time
/// tells this run's apart, so removed benchmarks do not linger in the output.
fn criterion_results(dir: &Path, since: SystemTime) -> Result<Value> {
    let mut found = Vec::new();
    find_estimates(dir, &mut found)?;
    let mut results = Map::new();
    for new_dir in found {
        let estimates = new_dir.join("estimates.json");
        let fresh = fs::metadata(&estimates)
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified >= since);
        if !fresh {
            continue;
        }
        let benchmark = read_json(&new_dir.join("benchmark.json"))?;
        let estimates = read_json(&estimates)?;
        let id = benchmark["full_id"]
            .as_str()
            .ok_or_else(|| format!("no full_id in {}", new_dir.join("benchmark.json").display()))?;
        results.insert(
            id.to_owned(),
            json!({
                "mean_ns": estimates["mean"]["point_estimate"],
                "median_ns": estimates["median"]["point_estimate"],
                "std_dev_ns": estimates["std_dev"]["point_estimate"],
            }),
        );
    }
    Ok(Value::Object(results))
}

/// Collects every `…/new` directory below `dir` that holds criterion's `estimates.json`.
fn find_estimates(dir: &Path, found: &mut Vec<PathBuf>) -> Result {
    let Ok(entries) = fs::read_dir(dir) else {
        // No criterion directory: no benchmark ran.
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        if path.file_name().is_some_and(|name| name == "new")
            && path.join("estimates.json").is_file()
        {
            found.push(path);
        } else {
            find_estimates(&path, found)?;
        }
    }
    Ok(())
}

fn read_json(path: &Path) -> Result<Value> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: invalid JSON: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_this_runs_criterion_estimates() {
        let dir = std::env::temp_dir().join(format!("xtask-criterion-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let new_dir = dir.join("search/Kim Jong-un/new");
        fs::create_dir_all(&new_dir).unwrap();
        fs::write(
            new_dir.join("benchmark.json"),
            r#"{"full_id":"search/Kim Jong-un"}"#,
        )
        .unwrap();
        fs::write(
            new_dir.join("estimates.json"),
            r#"{"mean":{"point_estimate":1500.5},"median":{"point_estimate":1400.0},"std_dev":{"point_estimate":20.0}}"#,
        )
        .unwrap();
        let all = criterion_results(&dir, SystemTime::UNIX_EPOCH).unwrap();
        assert_eq!(all["search/Kim Jong-un"]["mean_ns"], 1500.5);
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        assert_eq!(criterion_results(&dir, later).unwrap(), json!({}));
        fs::remove_dir_all(&dir).unwrap();
    }
}
