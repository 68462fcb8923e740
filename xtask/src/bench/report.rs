//! The browser benchmark's results: statistics from the page's raw samples, merged with the
//! preparation steps' numbers, as a readable table and as JSON.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde_json::{json, Map, Value};

use crate::Result;

/// The engines, in report order, with their display names.
const ENGINES: [(&str, &str); 2] = [("quellenlage", "Quellenlage"), ("minisearch", "MiniSearch")];
/// Query kinds in report order (as `corpus::queries` writes them).
const KINDS: [&str; 6] = ["single", "and", "phrase", "typo", "prefix", "compound_tail"];

/// Everything the report needs, as the steps wrote it.
pub struct Report {
    corpus: Value,
    snapshot: Value,
    sizes: Value,
    minisearch_build: Value,
    browser: Value,
    minisearch_version: String,
}

impl Report {
    /// Reads the steps' JSON files from the bench directory.
    pub fn read(dir: &Path, minisearch_version: &str) -> Result<Report> {
        let read = |name: &str| -> Result<Value> {
            let path = dir.join(name);
            let text = fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            serde_json::from_str(&text)
                .map_err(|e| format!("{}: invalid JSON: {e}", path.display()))
        };
        Ok(Report {
            corpus: read("corpus.json")?,
            snapshot: read("snapshot.json")?,
            sizes: read("sizes.json")?,
            minisearch_build: read("minisearch-build.json")?,
            browser: read("browser-results.json")?,
            minisearch_version: minisearch_version.to_owned(),
        })
    }

    fn queries(&self) -> &[Value] {
        self.browser["queries"]
            .as_array()
            .map_or(&[], Vec::as_slice)
    }

    /// Every search time of `engine` for queries of `kind` (all kinds for `None`).
    fn samples(&self, engine: &str, kind: Option<&str>) -> Vec<f64> {
        self.queries()
            .iter()
            .filter(|q| kind.is_none_or(|k| q["kind"] == k))
            .flat_map(|q| floats(&q[engine]["ms"]))
            .collect()
    }

    fn size(&self, key: &str, field: &str) -> u64 {
        self.sizes[key][field].as_u64().unwrap_or(0)
    }

    /// The results as one JSON object (the `--json` output, also `target/bench/results.json`).
    pub fn json(&self) -> Value {
        let mut engines = Map::new();
        for (engine, _) in ENGINES {
            let all = self.samples(engine, None);
            let mut kinds = Map::new();
            for kind in KINDS {
                let samples = self.samples(engine, Some(kind));
                if !samples.is_empty() {
                    kinds.insert(
                        kind.to_owned(),
                        json!({
                            "p50_ms": ms(percentile(&samples, 0.5)),
                            "p95_ms": ms(percentile(&samples, 0.95)),
                        }),
                    );
                }
            }
            let page = &self.browser[engine];
            let loads = floats(&page["load_ms"]);
            let mut fields = json!({
                "p50_ms": ms(percentile(&all, 0.5)),
                "p95_ms": ms(percentile(&all, 0.95)),
                "mean_ms": ms(all.iter().sum::<f64>() / all.len().max(1) as f64),
                "load_ms": ms(percentile(&loads, 0.5)),
                "load_ms_first": ms(loads.first().copied().unwrap_or(0.0)),
                "fetch_ms": ms(page["fetch_ms"].as_f64().unwrap_or(0.0)),
                "docs": page["docs"],
                "kinds": kinds,
            });
            let extra = if engine == "quellenlage" {
                json!({
                    "index_bytes": self.size("quellenlage_index", "bytes"),
                    "index_bytes_br": self.size("quellenlage_index", "bytes_br"),
                    "index_no_positions_bytes": self.size("quellenlage_index_no_positions", "bytes"),
                    "index_no_positions_bytes_br": self.size("quellenlage_index_no_positions", "bytes_br"),
                    "postings": self.snapshot["postings"],
                    "bound_doc_sets_bytes": self.snapshot["bound_doc_sets_bytes"],
                    "bound_weights_bytes": self.snapshot["bound_weights_bytes"],
                    "snapshot_bytes": self.size("quellenlage_snapshot", "bytes"),
                    "snapshot_bytes_br": self.size("quellenlage_snapshot", "bytes_br"),
                    "wasm_bytes": self.size("quellenlage_wasm", "bytes"),
                    "wasm_bytes_br": self.size("quellenlage_wasm", "bytes_br"),
                    "js_bytes": self.size("quellenlage_js", "bytes"),
                    "js_bytes_br": self.size("quellenlage_js", "bytes_br"),
                    "wasm_init_ms": ms(page["wasm_init_ms"].as_f64().unwrap_or(0.0)),
                    "build_ms": ms(self.snapshot["index_build_ms"].as_f64().unwrap_or(0.0)),
                    "snapshot_build_ms": ms(self.snapshot["snapshot_build_ms"].as_f64().unwrap_or(0.0)),
                    "index_terms": self.snapshot["index_terms"],
                })
            } else {
                json!({
                    "version": self.minisearch_version,
                    "index_bytes": self.size("minisearch_index", "bytes"),
                    "index_bytes_br": self.size("minisearch_index", "bytes_br"),
                    "js_bytes": self.size("minisearch_js", "bytes"),
                    "js_bytes_br": self.size("minisearch_js", "bytes_br"),
                    "build_ms": ms(self.minisearch_build["build_ms"].as_f64().unwrap_or(0.0)),
                    "index_terms": self.minisearch_build["terms"],
                })
            };
            if let (Value::Object(fields), Value::Object(extra)) = (&mut fields, extra) {
                fields.extend(extra);
            }
            engines.insert(engine.to_owned(), fields);
        }
        let queries: Vec<Value> = self
            .queries()
            .iter()
            .map(|q| {
                let mut out = json!({ "kind": q["kind"] });
                for (engine, _) in ENGINES {
                    out[engine] = json!({
                        "query": q[engine]["query"],
                        "hits": q[engine]["hits"],
                        "p50_ms": ms(percentile(&floats(&q[engine]["ms"]), 0.5)),
                    });
                }
                out
            })
            .collect();
        json!({
            "docs": self.snapshot["docs"],
            "words": self.corpus["words"],
            "distinct_terms": self.corpus["distinct_terms"],
            "queries": queries,
            "rounds": self.browser["rounds"],
            "browser": browser_name(self.browser["user_agent"].as_str().unwrap_or_default()),
            "timer_resolution_ms": ms(self.browser["timer_resolution_ms"].as_f64().unwrap_or(0.0)),
            "engines": engines,
        })
    }

    /// The results as a readable table.
    pub fn table(&self) -> String {
        let report = self.json();
        let ql = &report["engines"]["quellenlage"];
        let ms_ = &report["engines"]["minisearch"];
        let mut out = String::new();
        let _ = writeln!(
            out,
            "\nBrowser benchmark: {} synthetic articles, {} words, {} distinct terms; \
             {} queries × {} rounds in {} (timer step {} ms)\n",
            report["docs"],
            report["words"],
            report["distinct_terms"],
            self.queries().len(),
            report["rounds"],
            report["browser"].as_str().unwrap_or("?"),
            report["timer_resolution_ms"],
        );
        let minisearch = format!("MiniSearch {}", self.minisearch_version);
        let mut row = |label: &str, a: String, b: String| {
            let _ = writeln!(out, "  {label:<30} {a:>24}  {b:>24}");
        };
        row("", "Quellenlage".into(), minisearch);
        row(
            "index build",
            format!("{} (native)", seconds(&ql["build_ms"])),
            format!("{} (node)", seconds(&ms_["build_ms"])),
        );
        row(
            "snapshot build (+ entities…)",
            seconds(&ql["snapshot_build_ms"]),
            "–".into(),
        );
        row(
            "index terms",
            ql["index_terms"].to_string(),
            ms_["index_terms"].to_string(),
        );
        row(
            "index only: raw / brotli-11",
            sizes(&ql["index_bytes"], &ql["index_bytes_br"]),
            sizes(&ms_["index_bytes"], &ms_["index_bytes_br"]),
        );
        row(
            "  without positions (scoring)",
            sizes(
                &ql["index_no_positions_bytes"],
                &ql["index_no_positions_bytes_br"],
            ),
            "–".into(),
        );
        row(
            "  least possible: doc sets + tf",
            format!(
                "{} + {}",
                kib(&ql["bound_doc_sets_bytes"]),
                kib(&ql["bound_weights_bytes"])
            ),
            "(same data)".into(),
        );
        row(
            "whole snapshot (app data)",
            sizes(&ql["snapshot_bytes"], &ql["snapshot_bytes_br"]),
            "(no texts)".into(),
        );
        row(
            "engine code: raw / brotli-11",
            format!(
                "{} wasm + {} js",
                sizes(&ql["wasm_bytes"], &ql["wasm_bytes_br"]),
                kib(&ql["js_bytes_br"])
            ),
            sizes(&ms_["js_bytes"], &ms_["js_bytes_br"]),
        );
        row(
            "fetch (local server)",
            millis(&ql["fetch_ms"]),
            millis(&ms_["fetch_ms"]),
        );
        row(
            "load: median (first)",
            format!(
                "{} ({})",
                millis(&ql["load_ms"]),
                millis(&ql["load_ms_first"])
            ),
            format!(
                "{} ({})",
                millis(&ms_["load_ms"]),
                millis(&ms_["load_ms_first"])
            ),
        );
        row("wasm init", millis(&ql["wasm_init_ms"]), "–".into());
        let pair = |v: &Value| format!("{} / {}", millis(&v["p50_ms"]), millis(&v["p95_ms"]));
        row("search p50 / p95: all", pair(ql), pair(ms_));
        for kind in KINDS {
            row(
                &format!("  {kind}"),
                pair(&ql["kinds"][kind]),
                pair(&ms_["kinds"][kind]),
            );
        }
        let _ = writeln!(
            out,
            "\n  per query: median time (hits)\n  {:<14} {:<28} {:>18}  {:<28} {:>18}",
            "kind", "Quellenlage query", "ms (hits)", "MiniSearch query", "ms (hits)"
        );
        for q in report["queries"].as_array().into_iter().flatten() {
            let cell = |engine: &str| {
                let e = &q[engine];
                (
                    truncate(e["query"].as_str().unwrap_or_default(), 28),
                    format!("{} ({})", millis(&e["p50_ms"]), e["hits"]),
                )
            };
            let (qa, ta) = cell("quellenlage");
            let (qb, tb) = cell("minisearch");
            let _ = writeln!(
                out,
                "  {:<14} {qa:<28} {ta:>18}  {qb:<28} {tb:>18}",
                q["kind"].as_str().unwrap_or_default()
            );
        }
        let _ = writeln!(
            out,
            "\n  Quellenlage runs the app's search with snippets for the first 10 hits; prefix \
             queries as live search (typing). MiniSearch: fields title+text, fuzzy 0.2, prefix; \
             AND for two-word queries; phrases as AND of their words (it has no phrase search)."
        );
        out
    }
}

/// The numbers of a JSON array.
fn floats(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// Nearest-rank percentile (`p` in 0..=1); 0 for no values.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Milliseconds rounded to microseconds, for the JSON.
fn ms(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

fn millis(value: &Value) -> String {
    match value.as_f64() {
        Some(v) if v >= 100.0 => format!("{v:.0} ms"),
        Some(v) => format!("{v:.2} ms"),
        None => "–".into(),
    }
}

fn seconds(value: &Value) -> String {
    format!("{:.1} s", value.as_f64().unwrap_or(0.0) / 1000.0)
}

fn kib(value: &Value) -> String {
    let bytes = value.as_f64().unwrap_or(0.0);
    if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KiB", bytes / 1024.0)
    }
}

fn sizes(raw: &Value, brotli: &Value) -> String {
    format!("{} / {}", kib(raw), kib(brotli))
}

fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(chars - 1).collect();
        format!("{cut}…")
    }
}

/// `Chrome/142.0.0.0` from a user-agent string (the whole string if there is none).
fn browser_name(user_agent: &str) -> String {
    user_agent
        .split_whitespace()
        .find(|part| part.starts_with("Chrome/") || part.starts_with("HeadlessChrome/"))
        .unwrap_or(user_agent)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&values, 0.5), 50.0);
        assert_eq!(percentile(&values, 0.95), 95.0);
        assert_eq!(percentile(&[3.0, 1.0, 2.0], 0.5), 2.0);
        assert_eq!(percentile(&[7.0], 0.95), 7.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    #[test]
    fn finds_the_browser_in_the_user_agent() {
        let ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                  HeadlessChrome/142.0.0.0 Safari/537.36";
        assert_eq!(browser_name(ua), "HeadlessChrome/142.0.0.0");
    }

    #[test]
    fn statistics_come_from_the_raw_samples() {
        let report = Report {
            corpus: json!({ "words": 1000, "distinct_terms": 600 }),
            snapshot: json!({
                "docs": 2,
                "index_build_ms": 1500.0,
                "index_terms": 600,
                "bound_doc_sets_bytes": 3072.0,
            }),
            sizes: json!({
                "quellenlage_index": { "bytes": 100, "bytes_br": 40 },
                "quellenlage_index_no_positions": { "bytes": 60, "bytes_br": 25 },
            }),
            minisearch_build: json!({ "build_ms": 10.0, "terms": 590 }),
            browser: json!({
                "rounds": 2,
                "user_agent": "HeadlessChrome/1.0",
                "quellenlage": { "docs": 2, "load_ms": [5.0, 3.0, 4.0], "fetch_ms": 1.0 },
                "minisearch": { "docs": 2, "load_ms": [9.0], "fetch_ms": 2.0 },
                "queries": [
                    { "kind": "single",
                      "quellenlage": { "query": "Kim", "hits": 2, "ms": [1.0, 3.0] },
                      "minisearch": { "query": "Kim", "hits": 2, "ms": [2.0, 4.0] } },
                    { "kind": "typo",
                      "quellenlage": { "query": "Kin", "hits": 1, "ms": [2.0, 2.0] },
                      "minisearch": { "query": "Kin", "hits": 2, "ms": [8.0, 6.0] } },
                ],
            }),
            minisearch_version: "7.2.0".into(),
        };
        let out = report.json();
        let ql = &out["engines"]["quellenlage"];
        assert_eq!(ql["p50_ms"], 2.0);
        assert_eq!(ql["p95_ms"], 3.0);
        assert_eq!(ql["load_ms"], 4.0);
        assert_eq!(ql["load_ms_first"], 5.0);
        assert_eq!(ql["build_ms"], 1500.0);
        assert_eq!(ql["index_bytes_br"], 40);
        assert_eq!(ql["index_no_positions_bytes_br"], 25);
        assert_eq!(ql["bound_doc_sets_bytes"], 3072.0);
        let table = report.table();
        let bound_row = table.lines().find(|l| l.contains("least possible"));
        assert!(
            bound_row.is_some_and(|l| l.contains("3 KiB + 0 KiB")),
            "{table}"
        );
        assert_eq!(ql["kinds"]["typo"]["p50_ms"], 2.0);
        assert_eq!(out["engines"]["minisearch"]["p95_ms"], 8.0);
        assert_eq!(out["queries"][1]["minisearch"]["p50_ms"], 6.0);
        assert_eq!(out["docs"], 2);
        assert!(report.table().contains("MiniSearch 7.2.0"));
    }
}
