//! `cargo xtask`: builds, serves, tests and benchmarks Quellenlage with pinned tools.
//!
//! Every command installs what it needs first (idempotently), so a fresh machine needs only
//! rustup, cargo and a Debian package manager.

mod bench;
mod cmd;
mod data;
mod dist;
mod fuzz;
mod manifest;
mod steps;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use quellenlage_e2e::server::StaticServer;
use steps::Steps;

/// Errors are plain messages: each says what failed and what to do about it.
pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  dist [--corpus DIR] [--single-file] [--texts-per-chunk N]
                                   release build into dist/ (trunk), .br/.gz beside each
                                   file, a size report; --single-file: also dist/quellenlage.html
                                   with everything inlined (opens from file://, can be mailed);
                                   --texts-per-chunk: serve the article texts apart, N per file
                                   (default: only above 2 MiB of text, 16 per file)
  serve [--port N] [--corpus DIR]  dist, then serve dist/ on http://127.0.0.1:N/ (default 8080)
  test                             fmt, clippy, unit tests, fuzz, dist, browser tests (as CI runs them)
  fuzz [--seconds N]               run each fuzz target (ingest, query) for N seconds (default 20)
  bench [--json] [--browser-only]  criterion benches, then Quellenlage vs. MiniSearch in Chromium
                                   on 10,000 synthetic articles; --json: results as one JSON
                                   line at the end of stdout; --browser-only: skip criterion
  bench --docs N [--json]          the app itself with N synthetic articles: data build time and
                                   peak memory, bytes before the first search, first results,
                                   keystroke-to-paint; the dist in target/bench/dist-N/
";

/// The default port of `cargo xtask serve`.
const DEFAULT_PORT: u16 = 8080;

/// A parsed command line.
#[derive(Debug, PartialEq)]
enum Task {
    Dist {
        corpus: Option<PathBuf>,
        single_file: bool,
        split: data::Split,
    },
    Serve {
        port: u16,
        corpus: Option<PathBuf>,
    },
    Test,
    Fuzz {
        seconds: u64,
    },
    Bench {
        json: bool,
        browser_only: bool,
        docs: Option<usize>,
    },
    /// One preparation step of the browser benchmark, run by an optimised xtask build.
    BenchInternal {
        step: String,
        dir: PathBuf,
        docs: Option<usize>,
    },
    Help,
}

fn main() -> ExitCode {
    let result = parse_args(std::env::args().skip(1)).and_then(run);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(task: Task) -> Result {
    let root = &workspace_root();
    match task {
        Task::Help => {
            print!("{USAGE}");
            Ok(())
        }
        Task::Dist {
            corpus,
            single_file,
            split,
        } => {
            let corpus = corpus.as_deref().map(dist::corpus_dir).transpose()?;
            let tools = tools::ensure_build_tools(root)?;
            let dist = dist::build(root, &tools, corpus.as_deref(), split)?;
            if single_file {
                dist::single_file(&dist, &dist.join("quellenlage.html"))?;
            }
            Ok(())
        }
        Task::Serve { port, corpus } => {
            let corpus = corpus.as_deref().map(dist::corpus_dir).transpose()?;
            serve(root, port, corpus.as_deref())
        }
        Task::Test => test(root),
        Task::Fuzz { seconds } => fuzz::run(root, seconds),
        Task::Bench {
            json,
            docs: Some(docs),
            ..
        } => bench::app::run(root, docs, json),
        Task::Bench {
            json, browser_only, ..
        } => bench::run(root, json, browser_only),
        Task::BenchInternal { step, dir, docs } => bench::run_internal(&step, root, &dir, docs),
    }
}

/// The workspace root: xtask lives one level below it.
///
/// Cargo sets `CARGO_MANIFEST_DIR` when it runs xtask; reading it at run time (not only at
/// compile time) stays right when two checkouts share one target directory.
fn workspace_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    match manifest_dir.parent() {
        Some(root) => root.to_path_buf(),
        None => manifest_dir,
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Task> {
    let Some(command) = args.next() else {
        return Ok(Task::Help);
    };
    if command == "bench-internal" {
        // Not for people: `cargo xtask bench` runs it (see bench.rs).
        let usage = || "usage: xtask bench-internal <step> <bench dir> [docs]".to_owned();
        return match (args.next(), args.next(), args.next(), args.next()) {
            (Some(step), Some(dir), docs, None) => Ok(Task::BenchInternal {
                step,
                dir: PathBuf::from(dir),
                docs: docs.map(|d| d.parse().map_err(|_| usage())).transpose()?,
            }),
            _ => Err(usage()),
        };
    }
    let mut corpus = None;
    let mut port = DEFAULT_PORT;
    let mut json = false;
    let mut browser_only = false;
    let mut docs = None;
    let mut single_file = false;
    let mut split = data::Split::Auto;
    let mut seconds = fuzz::DEFAULT_SECONDS;
    let allowed: &[&str] = match command.as_str() {
        "dist" => &["--corpus", "--single-file", "--texts-per-chunk"],
        "serve" => &["--port", "--corpus"],
        "test" => &[],
        "fuzz" => &["--seconds"],
        "bench" => &["--json", "--browser-only", "--docs"],
        "help" | "--help" | "-h" => return Ok(Task::Help),
        other => return Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    while let Some(flag) = args.next() {
        if !allowed.contains(&flag.as_str()) {
            return Err(format!("`{command}` does not take `{flag}`\n\n{USAGE}"));
        }
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("`{flag}` needs a value\n\n{USAGE}"))
        };
        match flag.as_str() {
            "--corpus" => corpus = Some(PathBuf::from(value()?)),
            "--port" => {
                let text = value()?;
                port = text
                    .parse()
                    .map_err(|_| format!("`--port {text}`: not a port number (0-65535)"))?;
            }
            "--seconds" => {
                let text = value()?;
                seconds =
                    text.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("`--seconds {text}`: not a whole number of seconds")
                    })?;
            }
            "--docs" => {
                let text = value()?;
                docs = Some(text.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                    format!("`--docs {text}`: not a positive number of articles")
                })?);
            }
            "--texts-per-chunk" => {
                let text = value()?;
                split =
                    data::Split::Every(text.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("`--texts-per-chunk {text}`: not a positive number of articles")
                    })?);
            }
            "--json" => json = true,
            "--browser-only" => browser_only = true,
            "--single-file" => single_file = true,
            _ => unreachable!("every allowed flag is handled"),
        }
    }
    Ok(match command.as_str() {
        "dist" => Task::Dist {
            corpus,
            single_file,
            split,
        },
        "serve" => Task::Serve { port, corpus },
        "test" => Task::Test,
        "fuzz" => Task::Fuzz { seconds },
        _ => Task::Bench {
            json,
            browser_only,
            docs,
        },
    })
}

fn serve(root: &Path, port: u16, corpus: Option<&Path>) -> Result {
    let tools = tools::ensure_build_tools(root)?;
    let dist = dist::build(root, &tools, corpus, data::Split::Auto)?;
    let server = StaticServer::start(&dist, "/", port).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => {
            format!("port {port} is in use: pick another with `cargo xtask serve --port N`")
        }
        _ => e.to_string(),
    })?;
    let url = server.url();
    println!("Quellenlage läuft auf {url}");
    println!("Quellenlage is running at {url} (Ctrl+C stops it)");
    server.wait();
    Ok(())
}

/// What CI runs: every check, cheapest first, stopping at the first failure.
fn test(root: &Path) -> Result {
    Steps::with_summary(|steps| {
        let tools = steps.run("tools", || {
            tools::ensure_components()?;
            let tools = tools::ensure_build_tools(root)?;
            tools::ensure_browser()?;
            tools::ensure_geckodriver(root)?;
            tools::ensure_axe(root)?;
            tools::ensure_cargo_fuzz(root)?;
            Ok(tools)
        })?;
        steps.run("fmt", || {
            cmd::run(cmd::cargo(root).args(["fmt", "--all", "--", "--check"]))
                .map_err(|e| format!("{e}\nrun `cargo fmt --all` to fix the formatting"))
        })?;
        steps.run("clippy", || {
            cmd::run(cmd::cargo(root).args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))
        })?;
        steps.run("workspace tests", || {
            cmd::run(cmd::cargo(root).args(["test", "--workspace", "--exclude", "quellenlage-e2e"]))
        })?;
        steps.run("fuzz", || fuzz::run(root, fuzz::DEFAULT_SECONDS))?;
        // Built once per run: the browser tests below use exactly this dist/.
        let dist = steps.run("dist", || {
            dist::build(root, &tools, None, data::Split::Auto)
        })?;
        let e2e = root.join("target").join("e2e");
        let single_file = steps.run("single file", || {
            dist::single_file(&dist, &e2e.join("quellenlage.html"))
        })?;
        // A second build from a corpus the app has never seen (the engine's unseen-corpus
        // fixtures, names in other spellings, plus an article full of markup, saved web pages,
        // JSON, JSON Lines and a Windows-1252 CSV): what a user who swaps in their own folder
        // gets. Its texts are split into chunks of three articles, as a large corpus's are, so
        // the browser tests on it load texts on demand.
        let test_corpus = e2e.join("test-corpus");
        let test_dist = steps.run("dist (test corpus)", || {
            dist::assemble_corpus(
                &[
                    root.join("crates/engine/tests/fixtures/unseen"),
                    root.join("tests/fixtures/hostile"),
                    root.join("tests/fixtures/records"),
                    root.join("crates/engine/tests/fixtures/web"),
                ],
                &test_corpus,
            )?;
            dist::build_to(
                root,
                &tools,
                Some(&test_corpus),
                &e2e.join("dist-test-corpus"),
                data::Split::Every(3),
            )
        })?;
        steps.run("browser tests", || {
            cmd::run(
                cmd::cargo(root)
                    .args(["test", "-p", "quellenlage-e2e"])
                    .env("QUELLENLAGE_DIST", &dist)
                    .env("QUELLENLAGE_SINGLE_FILE", &single_file)
                    .env("QUELLENLAGE_TEST_CORPUS_DIST", &test_dist)
                    .env("QUELLENLAGE_TEST_CORPUS", &test_corpus),
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Task> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn commands_and_flags() {
        assert_eq!(parse(&[]), Ok(Task::Help));
        assert_eq!(
            parse(&["dist"]),
            Ok(Task::Dist {
                corpus: None,
                single_file: false,
                split: data::Split::Auto,
            })
        );
        assert_eq!(
            parse(&["dist", "--texts-per-chunk", "8"]),
            Ok(Task::Dist {
                corpus: None,
                single_file: false,
                split: data::Split::Every(8),
            })
        );
        assert!(parse(&["dist", "--texts-per-chunk", "0"])
            .unwrap_err()
            .contains("not a positive number"));
        assert_eq!(
            parse(&["dist", "--single-file", "--corpus", "my/corpus"]),
            Ok(Task::Dist {
                corpus: Some("my/corpus".into()),
                single_file: true,
                split: data::Split::Auto,
            })
        );
        assert_eq!(
            parse(&["serve", "--port", "9000"]),
            Ok(Task::Serve {
                port: 9000,
                corpus: None
            })
        );
        assert_eq!(
            parse(&["serve"]),
            Ok(Task::Serve {
                port: DEFAULT_PORT,
                corpus: None
            })
        );
        assert_eq!(parse(&["test"]), Ok(Task::Test));
        assert_eq!(
            parse(&["fuzz", "--seconds", "5"]),
            Ok(Task::Fuzz { seconds: 5 })
        );
        assert_eq!(
            parse(&["fuzz"]),
            Ok(Task::Fuzz {
                seconds: fuzz::DEFAULT_SECONDS
            })
        );
        assert_eq!(
            parse(&["bench", "--json"]),
            Ok(Task::Bench {
                json: true,
                browser_only: false,
                docs: None
            })
        );
        assert_eq!(
            parse(&["bench", "--browser-only"]),
            Ok(Task::Bench {
                json: false,
                browser_only: true,
                docs: None
            })
        );
        assert_eq!(
            parse(&["bench", "--docs", "100000", "--json"]),
            Ok(Task::Bench {
                json: true,
                browser_only: false,
                docs: Some(100_000)
            })
        );
        assert_eq!(
            parse(&["bench-internal", "corpus", "target/bench"]),
            Ok(Task::BenchInternal {
                step: "corpus".into(),
                dir: "target/bench".into(),
                docs: None
            })
        );
        assert_eq!(
            parse(&["bench-internal", "corpus", "target/bench", "500"]),
            Ok(Task::BenchInternal {
                step: "corpus".into(),
                dir: "target/bench".into(),
                docs: Some(500)
            })
        );
    }

    #[test]
    fn mistakes_are_explained() {
        let err = parse(&["serve", "--port", "http"]).unwrap_err();
        assert!(err.contains("not a port number"), "{err}");
        let err = parse(&["fuzz", "--seconds", "0"]).unwrap_err();
        assert!(err.contains("not a whole number of seconds"), "{err}");
        let err = parse(&["bench", "--docs", "0"]).unwrap_err();
        assert!(err.contains("not a positive number of articles"), "{err}");
        let err = parse(&["dist", "--port", "1"]).unwrap_err();
        assert!(err.contains("does not take `--port`"), "{err}");
        let err = parse(&["dist", "--corpus"]).unwrap_err();
        assert!(err.contains("needs a value"), "{err}");
        let err = parse(&["deploy"]).unwrap_err();
        assert!(err.contains("unknown command `deploy`"), "{err}");
    }
}
