//! `cargo xtask fuzz`: the libFuzzer targets in `fuzz/` (`ingest`, `query`), each run for a
//! bounded time; a crash fails the run and names the input that caused it.
//!
//! Stable Rust is enough: without a sanitizer (`--sanitizer none`) cargo-fuzz needs no nightly
//! flags, and the engine is safe Rust, so what is looked for are panics (failed invariant checks
//! included, see `fuzz/src/lib.rs`), hangs (`-timeout`) and runaway memory (`-rss_limit_mb`).
//! Everything it writes is under `target/fuzz/`: the build, each target's growing corpus
//! (`corpus/<target>`, seeded from `fuzz/seeds/<target>` and, for ingest, the bundled corpus),
//! and failing inputs (`artifacts/<target>`). Nothing there is needed by a later run.

use std::ffi::OsString;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

use crate::{cmd, tools, Result};

/// Seconds each target runs by default: with the build of the fuzz targets, the CI step stays
/// around two minutes on two cores.
pub const DEFAULT_SECONDS: u64 = 20;

/// The fuzz targets and their seed folders (read only; relative to the workspace root).
const TARGETS: [(&str, &[&str]); 2] = [
    ("ingest", &["fuzz/seeds/ingest", "corpus"]),
    ("query", &["fuzz/seeds/query"]),
];

/// Longest time one input may take, in seconds: a slower one is reported as a hang.
const TIMEOUT_SECONDS: u32 = 10;
/// Most memory a target may use, in MB.
const RSS_LIMIT_MB: u32 = 2048;
/// Longest input tried, in bytes (longer seeds are cut): a long query, or an article's first
/// screens; longer inputs would only make each run slower.
const MAX_LEN: u32 = 4096;

/// What libFuzzer reported at the end of one run.
#[derive(Debug, Default, PartialEq)]
struct Stats {
    runs: Option<u64>,
    per_second: Option<u64>,
    corpus: Option<u64>,
    coverage: Option<u64>,
    peak_mb: Option<u64>,
}

/// Builds the fuzz targets and runs each for `seconds`.
pub fn run(root: &Path, seconds: u64) -> Result {
    tools::ensure_cargo_fuzz(root)?;
    let host = host_triple()?;
    let target_dir = root.join("target/fuzz");
    cmd::run(
        cmd::cargo(root)
            .args(["fuzz", "build", "--sanitizer", "none", "--target", &host])
            .arg("--target-dir")
            .arg(&target_dir),
    )?;
    let binaries = target_dir.join(&host).join("release");
    let mut summary = Vec::new();
    for (name, seeds) in TARGETS {
        let stats = run_target(root, &binaries.join(name), name, seeds, seconds)?;
        summary.push(format!("  {name:<8} {}", describe(&stats, seconds)));
    }
    eprintln!(
        "\nfuzz: no crash in {seconds} s per target\n{}",
        summary.join("\n")
    );
    Ok(())
}

/// The host's target triple, where cargo-fuzz puts the binaries.
fn host_triple() -> Result<String> {
    let info = cmd::probe("rustc", &["-vV"]).ok_or("`rustc -vV` failed: is Rust installed?")?;
    info.lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_owned)
        .ok_or_else(|| format!("`rustc -vV` names no host:\n{info}"))
}

/// Runs one target; its progress lines are left out of the log, everything else is passed on.
fn run_target(
    root: &Path,
    binary: &Path,
    name: &str,
    seeds: &[&str],
    seconds: u64,
) -> Result<Stats> {
    let corpus = root.join("target/fuzz/corpus").join(name);
    let artifacts = root.join("target/fuzz/artifacts").join(name);
    for dir in [&corpus, &artifacts] {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    // libFuzzer joins the prefix and the file name as strings: it needs the final slash.
    let mut artifact_prefix = OsString::from("-artifact_prefix=");
    artifact_prefix.push(&artifacts);
    artifact_prefix.push("/");
    let mut command = Command::new(binary);
    command
        .current_dir(root)
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-timeout={TIMEOUT_SECONDS}"))
        .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
        .arg(format!("-max_len={MAX_LEN}"))
        .arg("-print_final_stats=1")
        .arg(artifact_prefix);
    let dict = root.join("fuzz").join(format!("{name}.dict"));
    if dict.is_file() {
        let mut arg = OsString::from("-dict=");
        arg.push(&dict);
        command.arg(arg);
    }
    // New inputs go to the first folder; the seed folders are only read.
    command
        .arg(&corpus)
        .args(seeds.iter().map(|s| root.join(s)));

    eprintln!("$ {}", cmd::describe(&command));
    let started = SystemTime::now();
    let mut child = command
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let mut stats = Stats::default();
    if let Some(stderr) = child.stderr.take() {
        let mut out = std::io::stderr().lock();
        let mut in_dictionary = false;
        for line in BufReader::new(stderr).split(b'\n') {
            let line = line.map_err(|e| format!("cannot read the output of {name}: {e}"))?;
            let line = String::from_utf8_lossy(&line);
            read_stats(&line, &mut stats);
            // The dictionary libFuzzer recommends at the end is long and of no use here.
            if line.contains("Recommended dictionary. #") {
                in_dictionary = true;
            }
            if !in_dictionary && !is_progress(&line) {
                let _ = writeln!(out, "{line}");
            }
            if line.contains("End of recommended dictionary. #") {
                in_dictionary = false;
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cannot wait for {name}: {e}"))?;
    if status.success() {
        return Ok(stats);
    }
    let inputs = new_files(&artifacts, started);
    if inputs.is_empty() {
        return Err(format!(
            "fuzz target `{name}` failed ({status}) without saving an input; its messages are above"
        ));
    }
    let reproduce: Vec<String> = inputs
        .iter()
        .map(|input| {
            let shown = input.strip_prefix(root).unwrap_or(input).display();
            format!(
                "  input: {shown}\n  reproduce: cargo fuzz run --sanitizer none \
                 --target-dir target/fuzz {name} {shown}"
            )
        })
        .collect();
    Err(format!(
        "fuzz target `{name}` crashed ({status}); its messages are above\n{}",
        reproduce.join("\n")
    ))
}

/// libFuzzer's per-input progress lines (`#1234\tNEW    cov: …`, thousands in a run), and its
/// warnings that no sanitizer is linked in (none is, on purpose).
fn is_progress(line: &str) -> bool {
    (line.starts_with('#') && (line.contains("\tNEW ") || line.contains("\tREDUCE ")))
        || line.starts_with("\tNEW_FUNC[")
        || line.starts_with("WARNING: Failed to find function \"__sanitizer_")
}

/// Picks the final statistics out of one line of libFuzzer's output.
fn read_stats(line: &str, stats: &mut Stats) {
    let number = |s: &str| s.trim().parse::<u64>().ok();
    if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
        stats.runs = number(n);
    } else if let Some(n) = line.strip_prefix("stat::average_exec_per_sec:") {
        stats.per_second = number(n);
    } else if let Some(n) = line.strip_prefix("stat::peak_rss_mb:") {
        stats.peak_mb = number(n);
    } else if line.starts_with('#') && line.contains("\tDONE ") {
        // `#9784\tDONE   cov: 2960 ft: 10514 corp: 780/27Kb lim: 4096 exec/s: 465 rss: 36Mb`
        let mut words = line.split_whitespace();
        while let Some(word) = words.next() {
            match word {
                "cov:" => stats.coverage = words.next().and_then(number),
                "corp:" => {
                    stats.corpus = words
                        .next()
                        .and_then(|c| c.split('/').next())
                        .and_then(number)
                }
                _ => {}
            }
        }
    }
}

/// One summary line: how much was tried, how fast, how much was found.
fn describe(stats: &Stats, seconds: u64) -> String {
    let or_unknown = |n: Option<u64>| n.map_or("?".to_owned(), |n| n.to_string());
    format!(
        "{} inputs in {seconds} s ({}/s), corpus {} inputs, coverage {} edges, peak {} MB",
        or_unknown(stats.runs),
        or_unknown(stats.per_second),
        or_unknown(stats.corpus),
        or_unknown(stats.coverage),
        or_unknown(stats.peak_mb),
    )
}

/// Files in `dir` changed at or after `since`, sorted: the inputs this run saved.
fn new_files(dir: &Path, since: SystemTime) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified >= since)
        })
        .map(|entry| entry.path())
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_statistics_are_read() {
        let mut stats = Stats::default();
        for line in [
            "#2048\tpulse  cov: 2000 ft: 9000 corp: 500/20Kb exec/s: 400 rss: 30Mb",
            "#9784\tDONE   cov: 2960 ft: 10514 corp: 780/27Kb lim: 4096 exec/s: 465 rss: 36Mb",
            "Done 9784 runs in 21 second(s)",
            "stat::number_of_executed_units: 9784",
            "stat::average_exec_per_sec:     465",
            "stat::new_units_added:          780",
            "stat::peak_rss_mb:              36",
        ] {
            read_stats(line, &mut stats);
        }
        assert_eq!(
            stats,
            Stats {
                runs: Some(9784),
                per_second: Some(465),
                corpus: Some(780),
                coverage: Some(2960),
                peak_mb: Some(36),
            }
        );
        assert_eq!(
            describe(&stats, 20),
            "9784 inputs in 20 s (465/s), corpus 780 inputs, coverage 2960 edges, peak 36 MB"
        );
    }

    #[test]
    fn only_per_input_progress_is_left_out() {
        assert!(is_progress("#812\tNEW    cov: 1905 ft: 5125 corp: 310/8Kb"));
        assert!(is_progress("#900\tREDUCE cov: 1905 ft: 5125 corp: 310/8Kb"));
        assert!(is_progress("\tNEW_FUNC[1/5]: 0x564eeb567941"));
        assert!(is_progress(
            "WARNING: Failed to find function \"__sanitizer_print_stack_trace\"."
        ));
        assert!(!is_progress(
            "#1024\tpulse  cov: 1905 ft: 5125 corp: 310/8Kb"
        ));
        assert!(!is_progress(
            "#9784\tDONE   cov: 2960 ft: 10514 corp: 780/27Kb"
        ));
        assert!(!is_progress(
            "thread '<unnamed>' panicked at crates/engine/src/query/mod.rs"
        ));
    }
}
