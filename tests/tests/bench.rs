//! The browser benchmark runner (ignored: slow, and a benchmark rather than a test).
//!
//! `cargo xtask bench` prepares a directory with the benchmark page (`bench/`), the wasm
//! module, both indexes and the queries, then runs
//! `cargo test -p quellenlage-e2e --test bench -- --ignored` with
//! `QUELLENLAGE_BENCH_WEB=<that directory>` and `QUELLENLAGE_BENCH_OUT=<results file>`.
//! This opens the page in headless Chromium, waits until it marks itself done
//! (`body[data-done]`) and writes the page's raw results (JSON) to the results file.
//! Nothing here asserts anything about timings.

#[allow(dead_code)] // The benchmark uses only a few of the shared helpers.
mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use quellenlage_e2e::server::StaticServer;
use support::{browser_log, format_log, with_browser, workspace_root};

/// How long the whole page (loading both indexes, warm-up and every round) may take.
const BENCH_TIMEOUT: Duration = Duration::from_secs(20 * 60);

/// A path from the environment; relative paths are taken from the workspace root.
fn env_path(name: &str) -> PathBuf {
    let path = std::env::var_os(name).unwrap_or_else(|| {
        panic!("{name} is not set: run the browser benchmark with `cargo xtask bench`")
    });
    workspace_root().join(path)
}

#[tokio::test]
#[ignore = "a benchmark: run it with `cargo xtask bench`"]
async fn browser_benchmark() {
    let web = env_path("QUELLENLAGE_BENCH_WEB");
    let out = env_path("QUELLENLAGE_BENCH_OUT");
    // Extra URL parameters for the page, e.g. `rounds=10`.
    let params = std::env::var("QUELLENLAGE_BENCH_PARAMS").unwrap_or_default();
    let server = StaticServer::start(&web, "/", 0).expect("start the static file server");
    let url = format!("{}index.html?{params}", server.url());
    with_browser(move |client| async move {
        let started = Instant::now();
        client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot navigate to {url}: {e}"));
        let done = client
            .wait()
            .at_most(BENCH_TIMEOUT)
            .every(Duration::from_millis(500))
            .for_element(Locator::Css("body[data-done]"))
            .await;
        let log = format_log(&browser_log(&client).await);
        if let Err(e) = done {
            panic!("the benchmark page did not finish within {BENCH_TIMEOUT:?}: {e}\nbrowser log:\n{log}");
        }
        let body = client
            .find(Locator::Css("body"))
            .await
            .expect("the page has a body");
        if let Some(error) = body.attr("data-error").await.expect("read data-error") {
            panic!("the benchmark page failed: {error}\nbrowser log:\n{log}");
        }
        let results = client
            .find(Locator::Css("#results"))
            .await
            .expect("the page has #results")
            .prop("textContent")
            .await
            .expect("read #results")
            .unwrap_or_default();
        serde_json::from_str::<serde_json::Value>(&results)
            .unwrap_or_else(|e| panic!("#results is not JSON ({e}): {results:.200}"));
        std::fs::write(&out, results)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
        eprintln!(
            "browser benchmark: finished in {:.1} s, results in {}",
            started.elapsed().as_secs_f64(),
            out.display()
        );
    })
    .await;
    drop(server);
}
