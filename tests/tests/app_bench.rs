//! The app benchmark runner (ignored: a measurement, not a test).
//!
//! `cargo xtask bench --docs N` builds the app with N generated articles into
//! `target/bench/dist-N/` and runs
//! `cargo test -p quellenlage-e2e --test app_bench -- --ignored` with
//! `QUELLENLAGE_APP_DIST=<that dist>`, `QUELLENLAGE_APP_WORDS=<words typed, comma-separated>`
//! and `QUELLENLAGE_APP_OUT=<results file>`. In a fresh headless Chromium profile (a cold cache)
//! it opens the app, records what was fetched before the app was ready, searches for the first
//! word at once (first results), then types every word letter by letter and times each
//! keystroke from the input event until the list and facets are updated and laid out. With
//! `QUELLENLAGE_APP_PROFILE=<file>` it also writes a Chrome CPU profile of the typing.
//! Nothing here asserts anything about timings.

#[allow(dead_code)] // The benchmark uses only a few of the shared helpers.
mod support;

use std::path::{Path, PathBuf};

use quellenlage_e2e::server::StaticServer;
use serde_json::{json, Value};
use support::{cdp, open, with_browser, workspace_root};

/// A path from the environment; relative paths are taken from the workspace root.
fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).map(|p| workspace_root().join(p))
}

/// Types `arguments[0]` (a list of words) into the search box, one letter per input event, and
/// calls back with the milliseconds of each keystroke: from setting the value until every
/// microtask and task the app queued ran and a forced layout returned, so the next frame can
/// paint. Each keystroke starts at a frame, as a person's would.
const TYPING: &str = r#"
const [words, done] = arguments;
const box = document.getElementById('q');
const frame = () => new Promise(r => requestAnimationFrame(() => r()));
const settled = () => new Promise(r => setTimeout(r, 0));
const type = async (value) => {
  await frame();
  const t0 = performance.now();
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await settled();
  void document.body.offsetHeight;
  return performance.now() - t0;
};
(async () => {
  const samples = [];
  for (const word of words) {
    for (let i = 1; i <= word.length; i++) samples.push(await type(word.slice(0, i)));
    await type('');
  }
  done(samples);
})().catch(e => done({ error: String(e) }));
"#;

/// Searches for `arguments[0]` at once and calls back with the milliseconds until the result
/// summary shows hits for it, no row waits for its text (snippets painted) and layout
/// returned, and with the files fetched for it.
const FIRST_RESULTS: &str = r#"
const [word, done] = arguments;
const box = document.getElementById('q');
const summary = () => document.querySelector('.results-summary')?.textContent ?? '';
const before = performance.getEntriesByType('resource').length;
const t0 = performance.now();
box.value = word;
box.dispatchEvent(new Event('input', { bubbles: true }));
const check = () => {
  if (summary().includes(word) && !document.querySelector('[aria-busy="true"]')) {
    void document.body.offsetHeight;
    const base = new URL('.', location.href).href;
    const fetched = performance.getEntriesByType('resource').slice(before)
      .filter(e => e.name.startsWith(base));
    const files = fetched.map(e => e.name.split('?')[0].slice(base.length));
    // Dependent round trips: a fetch that starts after an earlier one ended waited for it.
    let depth = 0, end = -1;
    for (const e of fetched.sort((a, b) => a.startTime - b.startTime)) {
      if (e.startTime >= end) { depth += 1; end = e.responseEnd; } else { end = Math.max(end, e.responseEnd); }
    }
    done({ ms: performance.now() - t0, summary: summary(), files, depth });
  } else if (performance.now() - t0 > 60000) {
    done({ error: 'no results for ' + word + ' after 60 s' });
  } else {
    setTimeout(check, 1);
  }
};
check();
"#;

/// Every resource the page fetched so far, as paths relative to the page, with the navigation's
/// start-to-ready time.
const RESOURCES: &str = r#"
const base = new URL('.', location.href).href;
const names = [location.href, ...performance.getEntriesByType('resource').map(e => e.name)];
const ready = performance.getEntriesByName('quellenlage-ready')[0];
return {
  files: names.map(n => n.split('?')[0]).filter(n => n.startsWith(base)).map(n => n.slice(base.length) || 'index.html'),
  ready_ms: ready ? ready.startTime : null,
};
"#;

/// Bytes a host that serves the precompressed files would send for `file`: its `.br` twin if
/// the build wrote one, else the file itself.
fn brotli_bytes(dist: &Path, file: &str) -> u64 {
    let path = dist.join(file);
    let br = PathBuf::from(format!("{}.br", path.display()));
    std::fs::metadata(&br)
        .or_else(|_| std::fs::metadata(&path))
        .map_or(0, |m| m.len())
}

/// Calls an asynchronous script and returns its callback value, panicking on `{error}`.
async fn call(client: &fantoccini::Client, script: &str, args: Vec<Value>) -> Value {
    let value = client
        .execute_async(script, args)
        .await
        .unwrap_or_else(|e| panic!("benchmark script failed: {e}"));
    if let Some(error) = value.get("error") {
        panic!("benchmark script failed: {error}");
    }
    value
}

#[tokio::test]
#[ignore = "a benchmark: run it with `cargo xtask bench --docs N`"]
async fn app_benchmark() {
    let dist = env_path("QUELLENLAGE_APP_DIST")
        .expect("QUELLENLAGE_APP_DIST is not set: run it with `cargo xtask bench --docs N`");
    let out = env_path("QUELLENLAGE_APP_OUT").expect("QUELLENLAGE_APP_OUT is not set");
    let profile = env_path("QUELLENLAGE_APP_PROFILE");
    let words: Vec<String> = std::env::var("QUELLENLAGE_APP_WORDS")
        .expect("QUELLENLAGE_APP_WORDS is not set")
        .split(',')
        .map(str::to_owned)
        .filter(|w| !w.is_empty())
        .collect();
    let server = StaticServer::start(&dist, "/", 0).expect("start the static file server");
    let url = server.url();
    with_browser(move |client| async move {
        client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(std::time::Duration::from_secs(600)),
                Some(std::time::Duration::from_secs(600)),
                Some(std::time::Duration::from_secs(0)),
            ))
            .await
            .expect("set script timeout");
        open(&client, &url).await;
        let boot = client.execute(RESOURCES, vec![]).await.expect("resources");
        let files: Vec<String> = serde_json::from_value(boot["files"].clone()).unwrap_or_default();
        let boot_bytes: u64 = files.iter().map(|f| brotli_bytes(&dist, f)).sum();
        let first = call(&client, FIRST_RESULTS, vec![json!(words[0])]).await;
        let query_files: Vec<String> =
            serde_json::from_value(first["files"].clone()).unwrap_or_default();
        let query_bytes: u64 = query_files.iter().map(|f| brotli_bytes(&dist, f)).sum();
        // Back to the full list before typing.
        call(&client, TYPING, vec![json!(Vec::<String>::new())]).await;
        if profile.is_some() {
            cdp(&client, "Profiler.enable", json!({})).await;
            cdp(&client, "Profiler.start", json!({})).await;
        }
        let samples = call(&client, TYPING, vec![json!(words)]).await;
        if let Some(path) = &profile {
            let cpu = cdp(&client, "Profiler.stop", json!({})).await;
            std::fs::write(path, cpu["profile"].to_string()).expect("write the CPU profile");
        }
        let results = json!({
            "boot_files": files,
            "boot_bytes_br": boot_bytes,
            "ready_ms": boot["ready_ms"],
            "first_results_ms": first["ms"],
            "first_results_summary": first["summary"],
            "query_files": first["files"],
            "query_requests": query_files.len(),
            "query_bytes_br": query_bytes,
            "query_depth": first["depth"],
            "keystroke_ms": samples,
        });
        std::fs::write(&out, results.to_string())
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
        eprintln!("app benchmark: results in {}", out.display());
    })
    .await;
    drop(server);
}
