//! `cargo xtask`: builds, serves, tests and benchmarks Quellenlage with pinned tools.
//!
//! Every command installs what it needs first (idempotently), so a fresh machine needs only
//! rustup, cargo and a Debian package manager.

mod bench;
mod cmd;
mod dist;
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
  dist [--corpus DIR]              release build into dist/ (trunk), then a size report
  serve [--port N] [--corpus DIR]  dist, then serve dist/ on http://127.0.0.1:N/ (default 8080)
  test                             fmt, clippy, unit tests, dist, browser tests (as CI runs them)
  bench [--json] [--browser-only]  criterion benches, then Quellenlage vs. MiniSearch in Chromium
                                   on 10,000 synthetic articles; --json: results as one JSON
                                   line at the end of stdout; --browser-only: skip criterion
";

/// The default port of `cargo xtask serve`.
const DEFAULT_PORT: u16 = 8080;

/// A parsed command line.
#[derive(Debug, PartialEq)]
enum Task {
    Dist {
        corpus: Option<PathBuf>,
    },
    Serve {
        port: u16,
        corpus: Option<PathBuf>,
    },
    Test,
    Bench {
        json: bool,
        browser_only: bool,
    },
    /// One preparation step of the browser benchmark, run by an optimised xtask build.
    BenchInternal {
        step: String,
        dir: PathBuf,
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
        Task::Dist { corpus } => {
            let corpus = corpus.as_deref().map(dist::corpus_dir).transpose()?;
            let tools = tools::ensure_build_tools(root)?;
            dist::build(root, &tools, corpus.as_deref()).map(drop)
        }
        Task::Serve { port, corpus } => {
            let corpus = corpus.as_deref().map(dist::corpus_dir).transpose()?;
            serve(root, port, corpus.as_deref())
        }
        Task::Test => test(root),
        Task::Bench { json, browser_only } => bench::run(root, json, browser_only),
        Task::BenchInternal { step, dir } => bench::run_internal(&step, root, &dir),
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
        return match (args.next(), args.next(), args.next()) {
            (Some(step), Some(dir), None) => Ok(Task::BenchInternal {
                step,
                dir: PathBuf::from(dir),
            }),
            _ => Err("usage: xtask bench-internal <step> <bench dir>".to_owned()),
        };
    }
    let mut corpus = None;
    let mut port = DEFAULT_PORT;
    let mut json = false;
    let mut browser_only = false;
    let allowed: &[&str] = match command.as_str() {
        "dist" => &["--corpus"],
        "serve" => &["--port", "--corpus"],
        "test" => &[],
        "bench" => &["--json", "--browser-only"],
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
            "--json" => json = true,
            "--browser-only" => browser_only = true,
            _ => unreachable!("every allowed flag is handled"),
        }
    }
    Ok(match command.as_str() {
        "dist" => Task::Dist { corpus },
        "serve" => Task::Serve { port, corpus },
        "test" => Task::Test,
        _ => Task::Bench { json, browser_only },
    })
}

fn serve(root: &Path, port: u16, corpus: Option<&Path>) -> Result {
    let tools = tools::ensure_build_tools(root)?;
    let dist = dist::build(root, &tools, corpus)?;
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
            let tools = tools::ensure_build_tools(root)?;
            tools::ensure_browser()?;
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
        // Built once per run: the browser tests below use exactly this dist/.
        let dist = steps.run("dist", || dist::build(root, &tools, None))?;
        steps.run("browser tests", || {
            cmd::run(
                cmd::cargo(root)
                    .args(["test", "-p", "quellenlage-e2e"])
                    .env("QUELLENLAGE_DIST", &dist),
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
        assert_eq!(parse(&["dist"]), Ok(Task::Dist { corpus: None }));
        assert_eq!(
            parse(&["dist", "--corpus", "my/corpus"]),
            Ok(Task::Dist {
                corpus: Some("my/corpus".into())
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
            parse(&["bench", "--json"]),
            Ok(Task::Bench {
                json: true,
                browser_only: false
            })
        );
        assert_eq!(
            parse(&["bench", "--browser-only"]),
            Ok(Task::Bench {
                json: false,
                browser_only: true
            })
        );
        assert_eq!(
            parse(&["bench-internal", "corpus", "target/bench"]),
            Ok(Task::BenchInternal {
                step: "corpus".into(),
                dir: "target/bench".into()
            })
        );
    }

    #[test]
    fn mistakes_are_explained() {
        let err = parse(&["serve", "--port", "http"]).unwrap_err();
        assert!(err.contains("not a port number"), "{err}");
        let err = parse(&["dist", "--port", "1"]).unwrap_err();
        assert!(err.contains("does not take `--port`"), "{err}");
        let err = parse(&["dist", "--corpus"]).unwrap_err();
        assert!(err.contains("needs a value"), "{err}");
        let err = parse(&["deploy"]).unwrap_err();
        assert!(err.contains("unknown command `deploy`"), "{err}");
    }
}
