//! `cargo xtask bench`: the benchmarks, as named steps.
//!
//! Today there is one step, the engine's criterion benches. A browser benchmark (start-up
//! and search latency in Chromium) is meant to become another step in [`run`], adding its
//! own entry to the JSON results.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::{json, Map, Value};

use crate::steps::Steps;
use crate::{cmd, Result};

/// Runs every benchmark step; with `json`, prints `{"engine": {"<bench id>": {...}}}` on
/// stdout (all progress goes to stderr).
pub fn run(root: &Path, json: bool) -> Result {
    let started = SystemTime::now();
    let mut results = Map::new();
    Steps::with_summary(|steps| {
        steps.run("engine benches", || {
            let mut bench = cmd::cargo(root);
            bench.args(["bench", "-p", "quellenlage-engine"]);
            if json {
                cmd::run_quietly(&mut bench)?;
                let target = target_dir(root)?;
                let engine = criterion_results(&target.join("criterion"), started)?;
                results.insert("engine".into(), engine);
                Ok(())
            } else {
                cmd::run(&mut bench)
            }
        })?;
        // A browser benchmark becomes one more `steps.run(…)?` here.
        Ok(())
    })?;
    if json {
        let text = serde_json::to_string_pretty(&Value::Object(results))
            .map_err(|e| format!("cannot encode the results as JSON: {e}"))?;
        println!("{text}");
    }
    Ok(())
}

/// Cargo's target directory, wherever `CARGO_TARGET_DIR` or config put it.
fn target_dir(root: &Path) -> Result<PathBuf> {
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
