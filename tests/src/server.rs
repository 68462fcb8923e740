//! A small static file server built on `std::net` and threads.
//!
//! It serves one directory (normally Trunk's `dist/`) under a URL prefix such as `/` or
//! `/quellenlage/app/`, which is all the browser tests and `cargo xtask serve` need.
//! What it does not do: keep-alive, range requests, compression, caching headers beyond
//! `no-store`, TLS. Every connection gets its own thread and is closed after one response;
//! browsers cope with that and the code stays short.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Longest request head (request line plus headers) we accept; the browser sends far less.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// How long an idle connection may stay open before its thread gives up. Chromium opens
/// speculative connections that may never carry a request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// A running static file server; it stops when dropped.
pub struct StaticServer {
    addr: SocketAddr,
    prefix: String,
    shared: Arc<Shared>,
    accept_thread: Option<JoinHandle<()>>,
}

/// State shared between the owner and the connection threads.
struct Shared {
    root: PathBuf,
    prefix: String,
    stopping: AtomicBool,
    failures: Mutex<Vec<String>>,
}

impl StaticServer {
    /// Serves `root` under `prefix` on `127.0.0.1:port` (port 0 picks a free port).
    ///
    /// The prefix is normalised to start and end with `/`. Fails if `root` is not a
    /// directory or the port cannot be bound.
    pub fn start(root: impl AsRef<Path>, prefix: &str, port: u16) -> io::Result<StaticServer> {
        let root = root.as_ref();
        let root = fs::canonicalize(root).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot serve {}: {e}", root.display()))
        })?;
        if !root.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotADirectory,
                format!("cannot serve {}: not a directory", root.display()),
            ));
        }
        let prefix = normalise_prefix(prefix);
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot listen on 127.0.0.1:{port}: {e}"))
        })?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            root,
            prefix: prefix.clone(),
            stopping: AtomicBool::new(false),
            failures: Mutex::new(Vec::new()),
        });
        let accept_shared = Arc::clone(&shared);
        let accept_thread = thread::Builder::new()
            .name(format!("static-server-{}", addr.port()))
            .spawn(move || accept_loop(listener, accept_shared))?;
        Ok(StaticServer {
            addr,
            prefix,
            shared,
            accept_thread: Some(accept_thread),
        })
    }

    /// The address the server is bound to (useful after binding port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The full URL of the served directory, e.g. `http://127.0.0.1:8080/quellenlage/app/`.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.prefix)
    }

    /// Every request answered with an error status so far, as `"GET /path -> 404"`.
    ///
    /// Tests use it to assert that a page loaded without failed requests.
    pub fn failures(&self) -> Vec<String> {
        lock(&self.shared.failures).clone()
    }

    /// Blocks the calling thread for as long as the server runs (i.e. until the process ends).
    pub fn wait(mut self) {
        if let Some(handle) = self.accept_thread.take() {
            // A panic in the accept loop is already reported on stderr by the panic hook.
            let _ = handle.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        if let Some(handle) = self.accept_thread.take() {
            // `accept` blocks; a throwaway connection wakes it so it can see the flag.
            let _ = TcpStream::connect(self.addr);
            let _ = handle.join();
        }
    }
}

/// Locks a mutex, ignoring poisoning: a panicked connection thread leaves valid data behind.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn normalise_prefix(prefix: &str) -> String {
    let trimmed = prefix.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else {
            // Transient accept errors (e.g. the peer reset before accept) are not fatal.
            continue;
        };
        let shared = Arc::clone(&shared);
        let spawned = thread::Builder::new()
            .name("static-server-conn".to_owned())
            .spawn(move || {
                // A client that hangs up mid-response is its own problem, not ours.
                let _ = handle_connection(stream, &shared);
            });
        if spawned.is_err() {
            // Out of threads: drop this connection and keep accepting.
            continue;
        }
    }
}

/// One response to be written: status, extra headers and body.
struct Response {
    status: u16,
    content_type: &'static str,
    location: Option<String>,
    body: Vec<u8>,
}

impl Response {
    fn text(status: u16, message: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            location: None,
            body: format!("{status} {}: {message}\n", reason(status)).into_bytes(),
        }
    }
}

fn handle_connection(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let Some((method, target)) = read_request_head(&mut reader)? else {
        return Ok(());
    };
    let response = respond(shared, &method, &target);
    if response.status >= 400 {
        lock(&shared.failures).push(format!("{method} {target} -> {}", response.status));
    }
    write_response(stream, &method, response)
}

/// Reads the request line and skips the headers; `None` if the client sent nothing usable.
fn read_request_head(reader: &mut impl BufRead) -> io::Result<Option<(String, String)>> {
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(None);
    }
    let mut total = request_line.len();
    loop {
        let mut header = String::new();
        let n = reader.read_line(&mut header)?;
        total += n;
        if n == 0 || header == "\r\n" || header == "\n" || total > MAX_HEAD_BYTES {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    match (parts.next(), parts.next()) {
        (Some(method), Some(target)) => Ok(Some((method.to_owned(), target.to_owned()))),
        _ => Ok(None),
    }
}

fn respond(shared: &Shared, method: &str, target: &str) -> Response {
    if method != "GET" && method != "HEAD" {
        return Response::text(405, "only GET and HEAD are supported");
    }
    // The app reads `?q=…` and `?doc=…` itself; the server ignores query and fragment.
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let Some(decoded) = percent_decode(path) else {
        return Response::text(400, "malformed percent-encoding in the path");
    };
    // The prefix without its trailing slash is the served directory itself: redirect so
    // relative asset URLs (Trunk's `public_url = "./"`) resolve inside it.
    if decoded == shared.prefix.trim_end_matches('/') && shared.prefix != "/" {
        return redirect(shared.prefix.clone());
    }
    let Some(relative) = decoded.strip_prefix(&shared.prefix) else {
        return Response::text(404, "outside the served prefix");
    };
    let Some(file) = resolve(&shared.root, relative) else {
        return Response::text(403, "path traversal is not allowed");
    };
    if file.is_dir() {
        if !relative.is_empty() && !relative.ends_with('/') {
            // Echo the path as the client sent it (still percent-encoded) so the header stays ASCII.
            return redirect(format!("{path}/"));
        }
        return serve_file(&file.join("index.html"));
    }
    serve_file(&file)
}

fn redirect(location: String) -> Response {
    Response {
        location: Some(location),
        ..Response::text(301, "moved")
    }
}

/// Maps a decoded, prefix-relative path onto `root`; `None` if it tries to leave `root`.
fn resolve(root: &Path, relative: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            // Backslashes and NULs never occur in our file names; refusing them avoids
            // platform-specific surprises.
            s if s.contains(['\\', '\0']) => return None,
            s => path.push(s),
        }
    }
    Some(path)
}

fn serve_file(path: &Path) -> Response {
    match fs::read(path) {
        Ok(body) => Response {
            status: 200,
            content_type: content_type(path),
            location: None,
            body,
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Response::text(404, "no such file"),
        Err(e) => Response::text(500, &format!("cannot read file: {e}")),
    }
}

/// The `Content-Type` for a file, by extension; browsers insist on `application/wasm` for
/// streaming compilation and on a JavaScript type for module scripts.
fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" | "map" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` for malformed escapes or non-UTF-8 results.
fn percent_decode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = input.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Internal Server Error",
    }
}

fn write_response(mut stream: TcpStream, method: &str, response: Response) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len(),
    );
    if let Some(location) = &response.location {
        head.push_str(&format!("Location: {location}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&response.body)?;
    }
    stream.flush()?;
    stream.shutdown(Shutdown::Write)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// A throwaway directory with a few files, removed on drop.
    struct Fixture(PathBuf);

    impl Fixture {
        fn new(name: &str) -> Fixture {
            let dir = std::env::temp_dir().join(format!(
                "quellenlage-server-test-{}-{name}",
                std::process::id()
            ));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("sub")).unwrap();
            fs::write(dir.join("index.html"), "<p>root</p>").unwrap();
            fs::write(dir.join("app.wasm"), b"\0asm").unwrap();
            fs::write(dir.join("app.js"), "export {}").unwrap();
            fs::write(dir.join("sub/index.html"), "<p>sub</p>").unwrap();
            fs::write(dir.join("Pjöngjang.json"), "{}").unwrap();
            Fixture(dir)
        }
    }

    impl Drop for Fixture {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// Sends a raw request and returns (status, headers, body).
    fn get(server: &StaticServer, target: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(server.addr()).unwrap();
        write!(stream, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut raw = String::new();
        stream.read_to_string(&mut raw).unwrap();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap();
        let status = head[9..12].parse().unwrap();
        (status, head.to_owned(), body.to_owned())
    }

    #[test]
    fn serves_files_with_their_content_type() {
        let dir = Fixture::new("types");
        let server = StaticServer::start(&dir.0, "/", 0).unwrap();
        let (status, head, _) = get(&server, "/app.wasm");
        assert_eq!(status, 200);
        assert!(head.contains("Content-Type: application/wasm"), "{head}");
        let (_, head, _) = get(&server, "/app.js");
        assert!(head.contains("Content-Type: text/javascript"), "{head}");
    }

    #[test]
    fn directory_urls_serve_index_html_and_query_is_ignored() {
        let dir = Fixture::new("index");
        let server = StaticServer::start(&dir.0, "/", 0).unwrap();
        assert_eq!(get(&server, "/").2, "<p>root</p>");
        assert_eq!(get(&server, "/?q=Kim&doc=1").2, "<p>root</p>");
        assert_eq!(get(&server, "/sub/").2, "<p>sub</p>");
        let (status, head, _) = get(&server, "/sub?x=1");
        assert_eq!(status, 301);
        assert!(head.contains("Location: /sub/"), "{head}");
    }

    #[test]
    fn percent_encoded_names_are_decoded() {
        let dir = Fixture::new("utf8");
        let server = StaticServer::start(&dir.0, "/", 0).unwrap();
        assert_eq!(get(&server, "/Pj%C3%B6ngjang.json").0, 200);
        assert_eq!(get(&server, "/%ZZ").0, 400);
    }

    #[test]
    fn traversal_is_rejected() {
        let dir = Fixture::new("traversal");
        let server = StaticServer::start(&dir.0, "/", 0).unwrap();
        assert_eq!(get(&server, "/../etc/passwd").0, 403);
        assert_eq!(get(&server, "/sub/%2e%2e/%2e%2e/etc/passwd").0, 403);
        assert_eq!(
            server.failures(),
            [
                "GET /../etc/passwd -> 403",
                "GET /sub/%2e%2e/%2e%2e/etc/passwd -> 403"
            ]
        );
    }

    #[test]
    fn prefix_is_required_and_redirected_to_with_slash() {
        let dir = Fixture::new("prefix");
        let server = StaticServer::start(&dir.0, "quellenlage/app", 0).unwrap();
        assert!(server.url().ends_with("/quellenlage/app/"));
        assert_eq!(get(&server, "/quellenlage/app/").2, "<p>root</p>");
        assert_eq!(get(&server, "/quellenlage/app/index.html?doc=a").0, 200);
        assert_eq!(get(&server, "/quellenlage/app").0, 301);
        assert_eq!(get(&server, "/index.html").0, 404);
        assert_eq!(get(&server, "/quellenlage/app/missing.png").0, 404);
    }

    #[test]
    fn only_get_and_head_are_answered() {
        let dir = Fixture::new("methods");
        let server = StaticServer::start(&dir.0, "/", 0).unwrap();
        let mut stream = TcpStream::connect(server.addr()).unwrap();
        write!(stream, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").unwrap();
        let mut raw = String::new();
        stream.read_to_string(&mut raw).unwrap();
        assert!(raw.starts_with("HTTP/1.1 405"), "{raw}");
    }

    #[test]
    fn a_missing_root_is_a_clear_error() {
        let err = StaticServer::start("/nonexistent/quellenlage-dist", "/", 0)
            .err()
            .unwrap();
        assert!(err.to_string().contains("/nonexistent/quellenlage-dist"));
    }
}
