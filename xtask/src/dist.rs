//! The release build (`trunk build --release --offline`) and its size report.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::{self, Tools};
use crate::{cmd, manifest, Result};

/// Brotli settings of the size report: the strongest level, as a static host would use
/// for precompressed files.
const BROTLI_QUALITY: i32 = 11;
const BROTLI_WINDOW_BITS: i32 = 22;

/// Builds the app into `dist/` (from `corpus`, an absolute path from [`corpus_dir`], if
/// given, instead of `corpus/`), prints the size report and returns the absolute path of
/// the dist directory.
pub fn build(root: &Path, tools: &Tools, corpus: Option<&Path>) -> Result<PathBuf> {
    let trunk_toml = tools::read_trunk_toml(root)?;
    let dist = root
        .join(manifest::toml_string(&trunk_toml, "build", "dist").unwrap_or_else(|| "dist".into()));

    let mut trunk = Command::new("trunk");
    trunk
        .current_dir(root)
        .args(["build", "--release", "--offline"])
        .env("PATH", tools.path_env()?);
    if let Some(corpus) = corpus {
        eprintln!("corpus: {}", corpus.display());
        trunk.env("QUELLENLAGE_CORPUS", corpus);
    }
    // `trunk --offline` makes cargo work offline too, so every crate must be downloaded
    // beforehand; this is quick when they already are.
    cmd::run(cmd::cargo(root).arg("fetch"))?;
    cmd::run(&mut trunk).map_err(|e| format!("the release build failed: {e}"))?;

    // Trunk leaves an empty lock file behind; it must not be published.
    let lock = dist.join(".trunk-lock");
    if lock.exists() {
        fs::remove_file(&lock).map_err(|e| format!("cannot remove {}: {e}", lock.display()))?;
    }
    print_size_report(&dist)?;
    Ok(dist)
}

/// Checks a `--corpus` argument and makes it absolute: the build script runs in another
/// directory than the user.
pub fn corpus_dir(corpus: &Path) -> Result<PathBuf> {
    fs::canonicalize(corpus)
        .ok()
        .filter(|path| path.is_dir())
        .ok_or_else(|| format!("--corpus {}: no such directory", corpus.display()))
}

/// Prints every file in `dist` with its raw and brotli-compressed size, and the totals.
fn print_size_report(dist: &Path) -> Result {
    let mut files = Vec::new();
    collect_files(dist, &mut files)?;
    files.sort();
    let mut rows = Vec::new();
    for path in &files {
        let data = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .strip_prefix(dist)
            .unwrap_or(path)
            .display()
            .to_string();
        rows.push((name, data.len(), brotli_size(&data)?));
    }
    let raw_total: usize = rows.iter().map(|(_, raw, _)| raw).sum();
    let brotli_total: usize = rows.iter().map(|(_, _, brotli)| brotli).sum();
    let width = rows
        .iter()
        .map(|(name, _, _)| name.len())
        .max()
        .unwrap_or(0)
        .max(12);

    println!(
        "\n{:<width$}  {:>10}  {:>10}",
        format!("{}/", dist.display()),
        "bytes",
        "brotli"
    );
    for (name, raw, brotli) in &rows {
        println!("  {name:<width$}{raw:>10}  {brotli:>10}");
    }
    println!(
        "  {:<width$}{raw_total:>10}  {brotli_total:>10}   ({:.1} KiB raw, {:.1} KiB brotli)",
        format!("total ({} files)", rows.len()),
        raw_total as f64 / 1024.0,
        brotli_total as f64 / 1024.0,
    );
    Ok(())
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The size of `data` after brotli at the report's settings (quality 11, 4 MiB window).
pub fn brotli_size(data: &[u8]) -> Result<usize> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_WINDOW_BITS,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut compressed = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut compressed, &params)
        .map_err(|e| format!("brotli compression failed: {e}"))?;
    Ok(compressed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brotli_shrinks_repetitive_text() {
        let text = "Pjöngjang ".repeat(1000);
        let size = brotli_size(text.as_bytes()).unwrap();
        assert!(size > 0 && size < 100, "{size}");
    }
}
