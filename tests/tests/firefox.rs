//! A smoke test of the release build in headless Firefox: the main user paths (list, live
//! search, reading view, Back, outlet filter, entity page, comparison, a hostile URL) work
//! in a second engine, not only in Chromium.
//!
//! It needs Debian's `firefox-esr` and `geckodriver` (crates.io; `cargo xtask test` installs
//! both). Missing binaries fail the test with what to install; set `QUELLENLAGE_NO_FIREFOX=1`
//! to skip it on machines that cannot have Firefox (the test then prints a note and passes).
//!
//! WebDriver cannot read Firefox's console, so the test turns on the pref that copies
//! content console messages to Firefox's stdout, captures geckodriver's output and fails on
//! a wasm panic (`panicked at`), a `console.error` or an uncaught error of the page found
//! there. It also checks at the end that the app still answers a search.

#[allow(dead_code)] // This test uses only the WebDriver helpers, not the Chromium ones.
mod support;

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use quellenlage_e2e::server::StaticServer;
use serde_json::{json, Value};
use support::{
    attribute_values, click, corpus_ids, dist_dir, eval, start_driver, texts, wait_until, TempDir,
    READY_TIMEOUT,
};

/// The browser binary (Debian's `firefox-esr` package).
const FIREFOX: &str = "/usr/bin/firefox-esr";
/// The driver's executable name, looked up on `PATH` and in cargo's bin directory.
const GECKODRIVER: &str = "geckodriver";
/// How long geckodriver may take to start listening.
/// Set to `1` to skip this test where Firefox cannot be installed.
const SKIP_VAR: &str = "QUELLENLAGE_NO_FIREFOX";
/// The sub-folder the app is served under, as on a real host.
const SUB_PATH: &str = "/quellenlage/firefox/";
/// The entity page the test opens.
const ENTITY: &str = "sergej-schoigu";
/// What the test searches for.
const QUERY: &str = "Schoigu";

/// `geckodriver` from `PATH`, else from cargo's bin directory (where `cargo install` puts it).
fn find_geckodriver() -> Option<PathBuf> {
    let path_dirs = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|home| home.join("bin"));
    path_dirs
        .into_iter()
        .chain(cargo_bin)
        .map(|dir| dir.join(GECKODRIVER))
        .find(|candidate| candidate.is_file())
}

/// A geckodriver process on a free local port, its output (and Firefox's) going to a log
/// file; killed on drop. geckodriver starts Firefox itself, with a fresh temporary profile
/// and a system-allocated Marionette port, so parallel runs do not collide.
struct Geckodriver {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Geckodriver {
    fn start(binary: &Path, log: PathBuf) -> Geckodriver {
        let (child, port) = start_driver(
            "geckodriver",
            |port| {
                let out = File::create(&log)
                    .unwrap_or_else(|e| panic!("cannot create {}: {e}", log.display()));
                let err = out.try_clone().expect("duplicate the log file handle");
                Command::new(binary)
                    .args(["--port", &port.to_string(), "--binary", FIREFOX])
                    .stdin(Stdio::null())
                    .stdout(out)
                    .stderr(err)
                    .spawn()
                    .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()))
            },
            || format!(":\n{}", fs::read_to_string(&log).unwrap_or_default()),
        );
        Geckodriver { child, port, log }
    }

    /// Everything geckodriver and Firefox printed so far.
    fn output(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Geckodriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Lines of Firefox's output that report a wasm panic or trap, a `console.error` of the
/// page, or an uncaught error in a page served from `origin`.
///
/// Headless Firefox also prints errors of its own: uncaught ones name a `resource://` or
/// `chrome://` URL, and its modules log through named consoles (`console.error: RSLoader:
/// …`). The page's console has no name, so a first word ending in `:` marks the browser's.
fn page_errors<'a>(output: &'a str, origin: &str) -> Vec<&'a str> {
    let uncaught = format!("JavaScript error: {origin}");
    let page_console_error = |line: &str| {
        line.strip_prefix("console.error: ").is_some_and(|message| {
            !message
                .split_whitespace()
                .next()
                .is_some_and(|word| word.ends_with(':') && !word.starts_with('"'))
        })
    };
    output
        .lines()
        .filter(|line| {
            line.contains("panicked at")
                || line.contains("RuntimeError")
                || line.starts_with(&uncaught)
                || page_console_error(line)
        })
        .collect()
}

fn capabilities() -> serde_json::Map<String, Value> {
    let caps = json!({
        "browserName": "firefox",
        "moz:firefoxOptions": {
            "binary": FIREFOX,
            "args": ["-headless"],
            "prefs": {
                // Copies the page's console (and with it the panic hook's message) to
                // stdout, and leaves out the browser's own messages.
                "devtools.console.stdout.content": true,
                "devtools.console.stdout.chrome": false,
            },
        },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!("capabilities are a JSON object"),
    }
}

/// Navigates to `url` and waits until the app marks itself ready (`#app[data-ready]`);
/// on timeout the panic carries Firefox's output (read from geckodriver's `log`).
async fn open(client: &Client, log: &Path, url: &str) {
    client
        .goto(url)
        .await
        .unwrap_or_else(|e| panic!("cannot navigate to {url}: {e}"));
    let ready = client
        .wait()
        .at_most(READY_TIMEOUT)
        .every(Duration::from_millis(50))
        .for_element(Locator::Css("#app[data-ready]"))
        .await;
    if let Err(e) = ready {
        panic!(
            "{url}: the app did not become ready (#app[data-ready]) within {READY_TIMEOUT:?}: \
             {e}\nFirefox output:\n{}",
            fs::read_to_string(log).unwrap_or_default()
        );
    }
}

/// Types `text` into the emptied search box.
async fn search(client: &Client, text: &str) {
    let input = client
        .find(Locator::Css("input[type=search]"))
        .await
        .expect("a search box (input[type=search])");
    input.clear().await.expect("clear the search box");
    input
        .send_keys(text)
        .await
        .expect("type into the search box");
}

/// Asserts that no `alert`/`confirm` dialog is open.
async fn assert_no_dialog(client: &Client, context: &str) {
    if let Ok(text) = client.get_alert_text().await {
        panic!("{context}: a dialog opened: {text:?}");
    }
}

#[tokio::test]
async fn firefox_smoke_test() {
    if std::env::var_os(SKIP_VAR).is_some_and(|v| v == "1") {
        eprintln!("note: {SKIP_VAR}=1, skipping the Firefox smoke test");
        return;
    }
    let geckodriver = find_geckodriver();
    let mut missing = Vec::new();
    if !Path::new(FIREFOX).is_file() {
        missing.push(format!("{FIREFOX} (`apt-get install firefox-esr`)"));
    }
    if geckodriver.is_none() {
        missing.push(
            "geckodriver on PATH or in ~/.cargo/bin \
             (`cargo install geckodriver --version 0.37.1 --locked`)"
                .to_owned(),
        );
    }
    let Some(geckodriver) = geckodriver.filter(|_| missing.is_empty()) else {
        panic!(
            "the Firefox test needs {}: run `cargo xtask test` (installs them as root) or \
             install them by hand; set {SKIP_VAR}=1 to skip this test",
            missing.join(" and ")
        );
    };

    let server = StaticServer::start(dist_dir(), SUB_PATH, 0).expect("start the static server");
    let scratch = TempDir::new("firefox");
    let driver = Geckodriver::start(&geckodriver, scratch.0.join("geckodriver.log"));
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities())
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .unwrap_or_else(|e| {
            panic!(
                "cannot open a Firefox session through geckodriver: {e}\n{}",
                driver.output()
            )
        });
    let base = server.url();
    // The body runs as its own task so that a failing assertion still lets the session
    // (and Firefox) close before the panic is re-raised.
    let outcome = tokio::spawn(smoke(client.clone(), base, driver.log.clone())).await;
    let _ = client.close().await;
    let firefox_output = driver.output();
    drop(driver);
    drop(scratch);
    if let Err(error) = outcome {
        match error.try_into_panic() {
            Ok(panic) => {
                eprintln!("Firefox output:\n{firefox_output}");
                std::panic::resume_unwind(panic)
            }
            Err(error) => panic!("test task failed: {error}"),
        }
    }
    let origin = format!("http://{}/", server.addr());
    let errors = page_errors(&firefox_output, &origin);
    assert!(
        errors.is_empty(),
        "the page reported errors in Firefox:\n{}",
        errors.join("\n")
    );
}

/// The user paths, in one browser session; `log` is geckodriver's output file.
async fn smoke(client: Client, base: String, log: PathBuf) {
    let output = log.as_path();

    // The same desktop size as the Chromium tests (headless Firefox defaults to 1366×768).
    client
        .set_window_size(1280, 900)
        .await
        .expect("set the window size");

    // The start page lists every article of the corpus.
    open(&client, output, &base).await;
    let listed = attribute_values(&client, "data-hit").await;
    let expected = corpus_ids();
    assert_eq!(listed.len(), expected.len(), "[data-hit] count: {listed:?}");
    assert_eq!(
        listed
            .iter()
            .cloned()
            .collect::<std::collections::BTreeSet<_>>(),
        expected,
        "the list differs from the corpus"
    );

    // Typing searches live, highlights the matches and puts the query into the URL.
    search(&client, QUERY).await;
    wait_until(
        &client,
        &format!("return location.search === '?q={QUERY}';"),
        "the query is in the URL",
    )
    .await;
    wait_until(
        &client,
        "return document.querySelectorAll('[data-hit] mark').length > 0;",
        "the hits highlight the query",
    )
    .await;
    let hits = attribute_values(&client, "data-hit").await;
    assert!(
        !hits.is_empty() && hits.len() < expected.len(),
        "a search narrows the list: {hits:?}"
    );
    let marks = texts(&client, "[data-hit] mark").await;
    assert!(marks.iter().any(|m| m.contains(QUERY)), "marks: {marks:?}");

    // A hit opens the reading view with the query highlighted; Back returns to the list.
    client
        .find(Locator::Css("a.hit-link"))
        .await
        .expect("a hit link (a.hit-link)")
        .click()
        .await
        .expect("click the first hit");
    wait_until(
        &client,
        &format!(
            "return !!document.querySelector('article[data-doc=\"{}\"]');",
            hits[0]
        ),
        "the hit opens in the reading view",
    )
    .await;
    let marks = texts(&client, "article[data-doc] mark").await;
    assert!(
        marks.iter().any(|m| m.contains(QUERY)),
        "the reading view highlights the query: {marks:?}"
    );
    client.back().await.expect("back");
    wait_until(
        &client,
        &format!(
            "return !document.querySelector('article[data-doc]') && \
             location.search === '?q={QUERY}' && \
             document.querySelectorAll('[data-hit]').length === {};",
            hits.len()
        ),
        "Back returns to the hit list",
    )
    .await;

    // The outlet facet filters the whole corpus and writes `src=` into the URL.
    open(&client, output, &base).await;
    let outlets = attribute_values(&client, "data-outlet").await;
    let outlet = outlets.first().expect("an outlet facet ([data-outlet])");
    click(
        &client,
        &format!("[data-outlet=\"{outlet}\"] a.facet-include"),
        "the outlet facet link",
    )
    .await;
    wait_until(
        &client,
        &format!("return location.search === '?src={outlet}';"),
        "the outlet filter is in the URL",
    )
    .await;
    let filtered = attribute_values(&client, "data-hit").await;
    assert!(
        !filtered.is_empty() && filtered.len() < expected.len(),
        "one outlet lists fewer articles: {filtered:?}"
    );

    // An entity page and a comparison of two articles render.
    open(&client, output, &format!("{base}?entity={ENTITY}")).await;
    let mentions = texts(
        &client,
        &format!("[data-entity-page=\"{ENTITY}\"] .kwic-name"),
    )
    .await;
    assert!(
        !mentions.is_empty()
            && mentions
                .iter()
                .all(|m| m.contains("Scho") || m.contains("Sho")),
        "the entity page lists Schoigu's mentions: {mentions:?}"
    );
    let pair: Vec<&String> = expected.iter().take(2).collect();
    open(
        &client,
        output,
        &format!("{base}?cmp={},{}", pair[0], pair[1]),
    )
    .await;
    let columns = attribute_values(&client, "data-compare").await;
    assert_eq!(
        columns,
        vec![pair[0].clone(), pair[1].clone()],
        "the comparison shows both articles"
    );

    // A hostile query renders as text, not markup, and opens no dialog.
    let hostile = format!("{base}?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    open(&client, output, &hostile).await;
    let injected = eval(
        &client,
        "return document.querySelectorAll('#app img').length;",
    )
    .await;
    assert_eq!(
        injected,
        json!(0),
        "{hostile}: markup from the URL was rendered"
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_no_dialog(&client, &hostile).await;

    // The app is still alive (a panicked wasm app stops reacting): a new search updates.
    search(&client, QUERY).await;
    wait_until(
        &client,
        &format!(
            "return location.search === '?q={QUERY}' && \
             document.querySelectorAll('[data-hit]').length === {};",
            hits.len()
        ),
        "a final search still updates the list",
    )
    .await;
}
