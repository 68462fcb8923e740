//! Shared harness for the browser tests: where the built app and the corpus are, a
//! chromedriver process per test, and small helpers that read the page through WebDriver.
//!
//! Every test gets its own static server, chromedriver and browser profile, so tests can
//! run in parallel and never see each other's state.

use std::collections::BTreeSet;
use std::future::Future;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use std::{env, fs};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// The browser binary the tests drive (Debian's `chromium` package).
const CHROMIUM: &str = "/usr/bin/chromium";
/// The matching driver (Debian's `chromium-driver` package).
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long the app may take to decode its snapshot and render the first view.
pub const READY_TIMEOUT: Duration = Duration::from_secs(15);
/// How long chromedriver may take to start listening.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(10);

/// The workspace root (the parent of this package's directory).
///
/// Read from the environment cargo sets when running tests, so it stays right when two
/// checkouts share one target directory; the compile-time value is the fallback.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .expect("the e2e package lives one level below the workspace root")
        .to_path_buf()
}

/// The built app: `$QUELLENLAGE_DIST`, else `<workspace>/dist`; panics with a hint if absent.
pub fn dist_dir() -> PathBuf {
    let dir = env::var_os("QUELLENLAGE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built app at {} (index.html missing): run `cargo xtask dist` first, \
         or point QUELLENLAGE_DIST at a Trunk dist directory",
        dir.display()
    );
    dir
}

/// The corpus the app was built from: `$QUELLENLAGE_CORPUS` (as the build script reads
/// it), else `<workspace>/corpus`.
pub fn corpus_dir() -> PathBuf {
    env::var_os("QUELLENLAGE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("corpus"))
}

/// The document ids of the corpus: the stems of its `*.txt` files.
pub fn corpus_ids() -> BTreeSet<String> {
    let dir = corpus_dir();
    let entries = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read the corpus at {}: {e}", dir.display()));
    let ids: BTreeSet<String> = entries
        .map(|entry| entry.expect("corpus directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(!ids.is_empty(), "no *.txt files in {}", dir.display());
    ids
}

/// The raw text of one corpus document.
pub fn corpus_text(id: &str) -> String {
    let path = corpus_dir().join(format!("{id}.txt"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A fresh, empty directory under the system temp dir (its path is `.0`), removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// Creates `quellenlage-e2e-<pid>-<label>-<n>`, emptied if it existed.
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = env::temp_dir().join(format!(
            "quellenlage-e2e-{}-{label}-{n}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A chromedriver process on a free local port, killed on drop.
struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    fn start() -> Chromedriver {
        assert!(
            Path::new(CHROMEDRIVER).is_file() && Path::new(CHROMIUM).is_file(),
            "{CHROMIUM} and {CHROMEDRIVER} are required: run `cargo xtask test` (installs them \
             as root) or `apt-get install chromium chromium-driver`"
        );
        let (child, port) = start_driver(
            "chromedriver",
            |port| {
                Command::new(CHROMEDRIVER)
                    .arg(format!("--port={port}"))
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap_or_else(|e| panic!("cannot start {CHROMEDRIVER}: {e}"))
            },
            String::new,
        );
        Chromedriver { child, port }
    }
}

/// Starts a WebDriver server (`name`, for messages) on a free local port and waits until it
/// listens: `spawn` starts it on the given port; `details` adds what it printed to the message
/// if it exits. Asking the OS for a free port and handing it over races with other processes
/// grabbing it meanwhile, so a failed start is retried on another port, twice.
pub fn start_driver(
    name: &str,
    mut spawn: impl FnMut(u16) -> Child,
    details: impl Fn() -> String,
) -> (Child, u16) {
    let mut last_error = String::new();
    for _ in 0..3 {
        let port = free_port();
        let mut child = spawn(port);
        let deadline = Instant::now() + DRIVER_START_TIMEOUT;
        loop {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return (child, port);
            }
            if let Ok(Some(status)) = child.try_wait() {
                last_error = format!("{name} exited with {status} on port {port}{}", details());
                break;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                last_error =
                    format!("{name} did not listen on port {port} within {DRIVER_START_TIMEOUT:?}");
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    panic!("{last_error}");
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A local port that was free a moment ago (another process may take it: retry on failure).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("cannot bind a local port")
        .port()
}

/// Starts headless Chromium, runs `body` with the WebDriver client, then always closes the
/// browser, even when `body` panics (the panic is re-raised afterwards).
///
/// `body` runs as its own task so that a failing assertion unwinds only that task: the
/// session can still be closed cleanly and no Chromium process outlives the test.
pub async fn with_browser<F, Fut>(body: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let profile = TempDir::new("profile");
    // A loaded machine sometimes drops the first session request of a fresh chromedriver:
    // up to three drivers are tried before the test fails (the session, not the test, is
    // retried).
    let mut attempt = 0;
    let (driver, client) = loop {
        attempt += 1;
        let driver = Chromedriver::start();
        let session = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities(&profile.0))
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await;
        match session {
            Ok(client) => break (driver, client),
            Err(e) if attempt >= 3 => {
                panic!("cannot open a Chromium session through chromedriver: {e}")
            }
            Err(_) => drop(driver),
        }
    };
    let outcome = tokio::spawn(body(client.clone())).await;
    let _ = client.close().await;
    drop(driver);
    drop(profile);
    if let Err(error) = outcome {
        match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => panic!("test task failed: {error}"),
        }
    }
}

fn capabilities(profile: &Path) -> serde_json::Map<String, Value> {
    let caps = json!({
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--window-size=1280,900",
                format!("--user-data-dir={}", profile.display()),
            ],
        },
        // Keeps console messages and failed loads so `browser_log` can read them.
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!("capabilities are a JSON object"),
    }
}

/// Navigates to `url` and waits until the app marks itself ready (`#app[data-ready]`).
///
/// On timeout the panic message carries the browser's log, which usually names the cause
/// (a failed asset load, a wasm panic).
pub async fn open(client: &Client, url: &str) {
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
        let log = browser_log(client).await;
        panic!(
            "{url}: the app did not become ready (#app[data-ready]) within {READY_TIMEOUT:?}: \
             {e}\nbrowser log:\n{}",
            format_log(&log)
        );
    }
    texts_loaded(client, url).await;
}

/// Waits until no view waits for article texts (a large corpus's texts arrive in chunks after
/// the app is ready; the views mark what is still loading `aria-busy`).
pub async fn texts_loaded(client: &Client, context: &str) {
    let started = Instant::now();
    loop {
        let busy = client
            .execute(
                "return document.querySelectorAll('[aria-busy=\"true\"]').length;",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_u64());
        if busy == Some(0) {
            return;
        }
        if started.elapsed() > READY_TIMEOUT {
            let log = browser_log(client).await;
            panic!(
                "{context}: article texts still loading after {READY_TIMEOUT:?}\nbrowser log:\n{}",
                format_log(&log)
            );
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Runs a script that returns a list of strings; `arg` is passed as `arguments[0]`.
async fn strings(client: &Client, script: &str, arg: &str) -> Vec<String> {
    let value = client
        .execute(script, vec![json!(arg)])
        .await
        .unwrap_or_else(|e| panic!("script failed ({script}): {e}"));
    serde_json::from_value(value).expect("the script returns a list of strings")
}

/// The `textContent` of every element matching `css`.
///
/// `textContent` rather than WebDriver's element text: the latter is empty for content
/// that is collapsed or hidden, and boilerplate blocks are collapsed by design.
pub async fn texts(client: &Client, css: &str) -> Vec<String> {
    strings(
        client,
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent);",
        css,
    )
    .await
}

/// The value of attribute `name` on every element that has it, in document order.
pub async fn attribute_values(client: &Client, name: &str) -> Vec<String> {
    strings(
        client,
        "return Array.from(document.querySelectorAll('[' + arguments[0] + ']'), \
         e => e.getAttribute(arguments[0]));",
        name,
    )
    .await
}

/// The current value of the search box (`input[type=search]`).
pub async fn search_box_value(client: &Client) -> String {
    let input = client
        .find(Locator::Css("input[type=search]"))
        .await
        .unwrap_or_else(|e| panic!("no search box (input[type=search]) on the page: {e}"));
    input
        .prop("value")
        .await
        .expect("read the search box value")
        .unwrap_or_default()
}

/// One entry of the browser's log, as chromedriver reports it.
#[derive(Debug, serde::Deserialize)]
pub struct LogEntry {
    /// `SEVERE`, `WARNING`, `INFO` or `DEBUG`.
    pub level: String,
    /// Where it came from: `console-api`, `network`, `javascript`, …
    pub source: String,
    /// The message, prefixed with the URL of its origin.
    pub message: String,
}

/// chromedriver's (non-W3C) "get log" command; fantoccini has no method for it.
#[derive(Debug)]
struct GetBrowserLog;

impl WebDriverCompatibleCommand for GetBrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session_id = session_id.expect("reading the log needs a session");
        base_url.join(&format!("session/{session_id}/se/log"))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// The browser log entries collected since the last call (chromedriver drains it on read).
pub async fn browser_log(client: &Client) -> Vec<LogEntry> {
    let value = client
        .issue_cmd(GetBrowserLog)
        .await
        .unwrap_or_else(|e| panic!("cannot read the browser log from chromedriver: {e}"));
    serde_json::from_value(value).expect("chromedriver returns a list of log entries")
}

/// Renders log entries one per line for failure messages.
pub fn format_log(entries: &[LogEntry]) -> String {
    if entries.is_empty() {
        return "  (empty)".to_owned();
    }
    entries
        .iter()
        .map(|e| format!("  {} [{}] {}", e.level, e.source, e.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// chromedriver's (non-W3C) "execute a Chrome DevTools Protocol command" endpoint.
#[allow(dead_code)] // Not every test binary that includes this module sends CDP commands.
#[derive(Debug)]
struct CdpCommand {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session_id = session_id.expect("a CDP command needs a session");
        base_url.join(&format!("session/{session_id}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Sends the Chrome DevTools Protocol command `cmd` (e.g. `Emulation.setEmulatedMedia`) with
/// `params` to the current tab and returns its result; panics if chromedriver refuses it.
///
/// Emulation settings made this way stay in force across navigations in the same tab.
#[allow(dead_code)] // Not every test binary that includes this module sends CDP commands.
pub async fn cdp(client: &Client, cmd: &str, params: Value) -> Value {
    client
        .issue_cmd(CdpCommand {
            cmd: cmd.to_owned(),
            params,
        })
        .await
        .unwrap_or_else(|e| panic!("CDP command {cmd} failed: {e}"))
}

/// Runs a script and returns its JSON result.
pub async fn eval(client: &Client, script: &str) -> serde_json::Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed ({script}): {e}"))
}

/// Polls `script` (returning a boolean) until it is true or a few seconds pass.
pub async fn wait_until(client: &Client, script: &str, what: &str) {
    for _ in 0..100 {
        if eval(client, script).await == serde_json::Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting until {what} ({script})");
}

/// Sends keys to whatever element has focus.
pub async fn press(client: &Client, keys: &str) {
    client
        .active_element()
        .await
        .expect("an element has focus")
        .send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("cannot send keys {keys:?}: {e}"));
}

/// The browser log's errors (level `SEVERE`) since the last read.
pub async fn severe_log(client: &Client) -> Vec<LogEntry> {
    browser_log(client)
        .await
        .into_iter()
        .filter(|entry| entry.level == "SEVERE")
        .collect()
}

/// Clicks the first element matching `css`; panics naming `what` if there is none.
pub async fn click(client: &Client, css: &str, what: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {what} ({css}): {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {what} ({css}): {e}"));
}
