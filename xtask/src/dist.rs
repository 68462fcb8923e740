//! The release build (`trunk build --release --offline`) and its size report.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::{self, Tools};
use crate::{cmd, data, manifest, Result};

/// Brotli settings of the size report: the strongest level, as a static host would use
/// for precompressed files.
const BROTLI_QUALITY: i32 = 11;
const BROTLI_WINDOW_BITS: i32 = 22;

/// Builds `dist/` (Trunk.toml's folder) from `corpus` (an absolute path from [`corpus_dir`]),
/// or `corpus/` if none is given, prints the size report and returns the absolute path of the
/// dist directory.
pub fn build(
    root: &Path,
    tools: &Tools,
    corpus: Option<&Path>,
    split: data::Split,
) -> Result<PathBuf> {
    let trunk_toml = tools::read_trunk_toml(root)?;
    let dist = root
        .join(manifest::toml_string(&trunk_toml, "build", "dist").unwrap_or_else(|| "dist".into()));
    build_to(root, tools, corpus, &dist, split)
}

/// Like [`build`], into the directory `dist` (absolute) instead of Trunk.toml's: the app (built
/// only when its sources changed, see [`app`]) plus `data/` from the corpus, its texts split
/// off as `split` says.
pub fn build_to(
    root: &Path,
    tools: &Tools,
    corpus: Option<&Path>,
    dist: &Path,
    split: data::Split,
) -> Result<PathBuf> {
    let app = app(root, tools)?;
    let corpus = corpus.map_or_else(|| root.join("corpus"), Path::to_path_buf);
    with_data(&app, &corpus, dist, split)?;
    print_size_report(dist)?;
    Ok(dist.to_path_buf())
}

/// Makes `dist` a copy of the built `app` plus `data/` from `corpus`, precompressed. The data is
/// built first: a corpus with errors leaves an earlier `dist` as it was.
pub fn with_data(app: &Path, corpus: &Path, dist: &Path, split: data::Split) -> Result {
    eprintln!("corpus: {}", corpus.display());
    let staging = dist.with_extension("data-staging");
    let _ = fs::remove_dir_all(&staging);
    data::write(corpus, &staging, split)?;
    if dist.exists() {
        fs::remove_dir_all(dist).map_err(|e| format!("cannot remove {}: {e}", dist.display()))?;
    }
    copy_dir(app, dist)?;
    fs::rename(staging.join(data::DATA_DIR), dist.join(data::DATA_DIR))
        .map_err(|e| format!("cannot move the data into {}: {e}", dist.display()))?;
    let _ = fs::remove_dir_all(&staging);
    let started = std::time::Instant::now();
    precompress(&dist.join(data::DATA_DIR))?;
    eprintln!(
        "data: precompressed (brotli, gzip) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The app, built once into `target/app/` by `trunk build --release --offline` and precompressed;
/// built again only when one of its inputs ([`APP_INPUTS`]) changed. No corpus goes into it.
pub fn app(root: &Path, tools: &Tools) -> Result<PathBuf> {
    let target = root.join("target");
    let app = target.join("app");
    let stamp_file = target.join("app.stamp");
    let stamp = format!("{:016x}\n", inputs_hash(root)?);
    if app.join("index.html").exists()
        && fs::read_to_string(&stamp_file).ok().as_deref() == Some(&stamp)
    {
        eprintln!("app: unchanged since its last build ({})", app.display());
        return Ok(app);
    }
    let _ = fs::remove_file(&stamp_file);
    let mut trunk = Command::new("trunk");
    trunk
        .current_dir(root)
        .args(["build", "--release", "--offline", "--dist"])
        .arg(&app)
        .env("PATH", tools.path_env()?);
    // `trunk --offline` makes cargo work offline too, so every crate must be downloaded
    // beforehand; this is quick when they already are.
    cmd::run(cmd::cargo(root).arg("fetch"))?;
    cmd::run(&mut trunk).map_err(|e| format!("the release build failed: {e}"))?;
    // Trunk leaves an empty lock file behind; it must not be published.
    let lock = app.join(".trunk-lock");
    if lock.exists() {
        fs::remove_file(&lock).map_err(|e| format!("cannot remove {}: {e}", lock.display()))?;
    }
    precompress(&app)?;
    fs::write(&stamp_file, stamp)
        .map_err(|e| format!("cannot write {}: {e}", stamp_file.display()))?;
    Ok(app)
}

/// What the app is built from: a change in any of these builds it again.
const APP_INPUTS: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
    "index.html",
    "src",
    "style",
    "public",
    "crates/engine/Cargo.toml",
    "crates/engine/src",
];

/// A hash of the names and contents of every file in [`APP_INPUTS`].
fn inputs_hash(root: &Path) -> Result<u64> {
    let mut files = Vec::new();
    for input in APP_INPUTS {
        let path = root.join(input);
        if path.is_dir() {
            collect_files(&path, &mut files)?;
        } else if path.exists() {
            files.push(path);
        }
    }
    files.sort();
    let mut all = Vec::new();
    for file in &files {
        all.extend_from_slice(
            file.strip_prefix(root)
                .unwrap_or(file)
                .to_string_lossy()
                .as_bytes(),
        );
        all.push(0);
        all.extend(fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?);
        all.push(0);
    }
    Ok(data::fnv1a(&all))
}

/// Copies the folder `from` to `to` (which must not exist), files and subfolders.
fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", from.display()))?
            .path();
        let Some(name) = path.file_name() else {
            continue;
        };
        if path.is_dir() {
            copy_dir(&path, &to.join(name))?;
        } else {
            fs::copy(&path, to.join(name))
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// File types a static host serves compressed; images like the SVG favicon are text too.
const COMPRESSIBLE: &[&str] = &["html", "js", "wasm", "css", "svg", "json", "txt", "bin"];

/// Whether `path` is a precompressed copy written by [`precompress`].
fn is_precompressed(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "br" || ext == "gz")
}

/// Writes `NAME.br` (brotli, quality 11) and `NAME.gz` (gzip, level 9) beside every
/// compressible file in `dist`, so that a host configured for precompressed files (nginx
/// `brotli_static`/`gzip_static`, many CDNs) serves them without compressing on the fly.
pub fn precompress(dist: &Path) -> Result {
    use std::io::Write;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let mut files = Vec::new();
    collect_files(dist, &mut files)?;
    files.retain(|p| {
        !is_precompressed(p)
            && p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| COMPRESSIBLE.contains(&e))
    });
    // One job per file and codec, taken in turn by one worker per core: the many text chunks
    // of a large corpus keep both cores busy, and a single large file still gets its gzip
    // beside its brotli.
    let jobs: Vec<(&PathBuf, bool)> = files.iter().flat_map(|p| [(p, true), (p, false)]).collect();
    let next = AtomicUsize::new(0);
    let work = || -> Result {
        while let Some(&(path, is_brotli)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
            let data =
                fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let mut name = path.as_os_str().to_owned();
            name.push(if is_brotli { ".br" } else { ".gz" });
            let out = PathBuf::from(name);
            let bytes = if is_brotli {
                brotli(&data)?
            } else {
                let mut gzip =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                gzip.write_all(&data)
                    .and_then(|_| gzip.finish())
                    .map_err(|e| format!("gzip of {} failed: {e}", path.display()))?
            };
            fs::write(&out, bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        }
        Ok(())
    };
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a compression worker panicked".into()))
            })
            .collect::<Result<Vec<()>>>()
            .map(|_| ())
    })
}

/// Writes one self-contained HTML file to `out` from a built `dist`: the stylesheet, the
/// JavaScript glue and the wasm module (base64) inlined, the favicon as a data URL. It opens
/// from `file://` and can be mailed; nothing is fetched.
///
/// Trunk's output has a known shape (one stylesheet link, one module script importing the
/// glue, preload links); if that shape changes, this fails with a message rather than writing
/// a page that cannot start.
pub fn single_file(dist: &Path, out: &Path) -> Result<PathBuf> {
    let read =
        |path: &Path| fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    let html = String::from_utf8(read(&dist.join("index.html"))?)
        .map_err(|_| "dist/index.html is not UTF-8".to_string())?;
    let find = |suffix: &str| -> Result<PathBuf> {
        let mut files = Vec::new();
        collect_files(dist, &mut files)?;
        let mut found: Vec<PathBuf> = files
            .into_iter()
            .filter(|p| p.to_string_lossy().ends_with(suffix) && !is_precompressed(p))
            .filter(|p| p.file_name().is_some_and(|n| n != "quellenlage.html"))
            .collect();
        match found.len() {
            1 => Ok(found.remove(0)),
            n => Err(format!(
                "single file: expected one `*{suffix}` in {}, found {n}",
                dist.display()
            )),
        }
    };
    let css = String::from_utf8(read(&find(".css")?)?)
        .map_err(|_| "the stylesheet is not UTF-8".to_string())?;
    let glue = String::from_utf8(read(&find(".js")?)?)
        .map_err(|_| "the JavaScript glue is not UTF-8".to_string())?;
    let wasm = read(&find("_bg.wasm")?)?;
    let snapshot = data::whole_snapshot(&dist.join(data::DATA_DIR))?;

    let mut page = html;
    // The stylesheet link becomes a <style> element.
    // (Attribute values may be quoted or not: Trunk minifies the HTML of release builds.)
    let link = link_span(&page, "stylesheet")
        .ok_or("single file: no stylesheet link in dist/index.html")?;
    page.replace_range(link, &format!("<style>\n{css}\n</style>"));
    // Preloads of the glue and the wasm would be network requests: drop them.
    for rel in ["modulepreload", "preload"] {
        while let Some(span) = link_span(&page, rel) {
            page.replace_range(span, "");
        }
    }
    // Trunk's loader imports the glue from a file; the inlined glue is the module itself.
    let loader = ["<script type=module>", "<script type=\"module\">"]
        .iter()
        .find_map(|start| tag_span(&page, start, "</script>"))
        .ok_or("single file: no module script (Trunk's loader) in dist/index.html")?;
    let module = inline_module(&glue, &wasm, &snapshot)?;
    page.replace_range(
        loader,
        &format!("<script type=\"module\">\n{module}</script>"),
    );
    if let (Ok(icon), Some(link)) = (read(&dist.join("favicon.svg")), link_span(&page, "icon")) {
        let data = format!(
            "<link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml;base64,{}\">",
            base64(&icon)
        );
        page.replace_range(link, &data);
    }
    for leftover in [
        "modulepreload",
        "rel=preload",
        "rel=\"preload\"",
        "href=./",
        "href=\"./",
        "from './",
    ] {
        if page.contains(leftover) {
            return Err(format!(
                "single file: `{leftover}` is still referenced after inlining; Trunk's output \
                 changed shape"
            ));
        }
    }
    if let Some(dir) = out.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    fs::write(out, &page).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!(
        "single file: {} ({:.1} KiB)",
        out.display(),
        page.len() as f64 / 1024.0
    );
    Ok(out.to_path_buf())
}

/// The byte range of the first `<link>` tag with `rel` (quoted or not) as its relation.
fn link_span(html: &str, rel: &str) -> Option<std::ops::Range<usize>> {
    let mut from = 0;
    while let Some(found) = html[from..].find("<link") {
        let start = from + found;
        let end = start + html[start..].find('>')? + 1;
        let tag = &html[start..end];
        let quoted = format!("rel=\"{rel}\"");
        let bare = format!("rel={rel}");
        let bare_ends = tag.find(&bare).is_some_and(|at| {
            matches!(
                tag.as_bytes().get(at + bare.len()),
                Some(b' ' | b'>' | b'/')
            )
        });
        if tag.contains(&quoted) || bare_ends {
            return Some(start..end);
        }
        from = end;
    }
    None
}

/// The byte range of the first tag that starts with `start`, through the end of `end`.
fn tag_span(html: &str, start: &str, end: &str) -> Option<std::ops::Range<usize>> {
    let from = html.find(start)?;
    let to = from + start.len() + html[from + start.len()..].find(end)? + end.len();
    Some(from..to)
}

/// wasm-bindgen's glue as an inline module: `export` keywords removed (nothing imports it),
/// the corpus snapshot set as the global the app reads instead of fetching `data/`, then
/// started with the wasm bytes instead of a URL.
fn inline_module(glue: &str, wasm: &[u8], snapshot: &[u8]) -> Result<String> {
    if glue.contains("</script") {
        return Err("single file: the JavaScript glue contains `</script`".into());
    }
    let mut module =
        String::with_capacity(glue.len() + (wasm.len() + snapshot.len()) * 4 / 3 + 256);
    let mut started = false;
    for line in glue.lines() {
        let line = match line.strip_prefix("export ") {
            Some(rest) if rest.starts_with('{') => {
                started |= rest.contains("__wbg_init as default");
                continue;
            }
            Some(rest) => rest,
            None => line,
        };
        module.push_str(line);
        module.push('\n');
    }
    if !started {
        return Err(
            "single file: the glue does not export `__wbg_init as default`; \
                    wasm-bindgen's output changed shape"
                .into(),
        );
    }
    module.push_str("window.quellenlageSnapshot = Uint8Array.from(atob(\"");
    module.push_str(&base64(snapshot));
    module.push_str("\"), (c) => c.charCodeAt(0));\n");
    module.push_str("const wasmBytes = Uint8Array.from(atob(\"");
    module.push_str(&base64(wasm));
    module.push_str("\"), (c) => c.charCodeAt(0));\n");
    module.push_str("await __wbg_init({ module_or_path: wasmBytes });\n");
    Ok(module)
}

/// Standard base64 with padding (RFC 4648).
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Makes `out` a corpus folder holding the files of every folder in `parts` (a later part's
/// file wins on a name clash); whatever `out` held before is removed.
pub fn assemble_corpus(parts: &[PathBuf], out: &Path) -> Result {
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot remove {}: {e}", out.display()))?;
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for part in parts {
        let entries =
            fs::read_dir(part).map_err(|e| format!("cannot list {}: {e}", part.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot list {}: {e}", part.display()))?
                .path();
            if let (true, Some(name)) = (path.is_file(), path.file_name()) {
                fs::copy(&path, out.join(name))
                    .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
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
    files.retain(|p| !is_precompressed(p));
    files.sort();
    let mut rows = Vec::new();
    for path in &files {
        let data = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .strip_prefix(dist)
            .unwrap_or(path)
            .display()
            .to_string();
        // The precompressed copy, if `precompress` wrote one (brotli-11 of a large corpus's
        // wasm takes minutes; once is enough).
        let mut br_path = path.as_os_str().to_owned();
        br_path.push(".br");
        let br_len = match fs::metadata(PathBuf::from(br_path)) {
            Ok(meta) => meta.len() as usize,
            Err(_) => brotli(&data)?.len(),
        };
        rows.push((name, data.len(), br_len));
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
    Ok(brotli(data)?.len())
}

/// `data` compressed with brotli at quality 11 and a 4 MiB window, as served precompressed.
fn brotli(data: &[u8]) -> Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_WINDOW_BITS,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut compressed = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut compressed, &params)
        .map_err(|e| format!("brotli compression failed: {e}"))?;
    Ok(compressed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precompressed_copies_decompress_to_the_original() {
        use std::io::Read;
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("sub")).unwrap();
        let text = "Pjöngjang schickt Soldaten. ".repeat(200);
        fs::write(dir.join("app.js"), &text).unwrap();
        fs::write(dir.join("sub/data.wasm"), [0u8, 97, 115, 109, 1, 0, 0, 0]).unwrap();
        fs::write(dir.join("photo.png"), [137u8, 80, 78, 71]).unwrap();
        precompress(&dir).unwrap();
        // Twice: existing .br/.gz files are not compressed again.
        precompress(&dir).unwrap();

        let mut gunzipped = String::new();
        flate2::read::GzDecoder::new(&fs::read(dir.join("app.js.gz")).unwrap()[..])
            .read_to_string(&mut gunzipped)
            .unwrap();
        assert_eq!(gunzipped, text);
        let mut unbrotlied = Vec::new();
        brotli::BrotliDecompress(
            &mut &fs::read(dir.join("sub/data.wasm.br")).unwrap()[..],
            &mut unbrotlied,
        )
        .unwrap();
        assert_eq!(unbrotlied, [0u8, 97, 115, 109, 1, 0, 0, 0]);
        assert!(
            !dir.join("photo.png.br").exists(),
            "PNG is not compressible text"
        );
        assert!(!dir.join("app.js.gz.br").exists());
        assert!(!dir.join("app.js.br.gz").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (raw, encoded) in cases {
            assert_eq!(base64(raw.as_bytes()), encoded, "{raw:?}");
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn glue_becomes_an_inline_module_started_with_the_bytes() {
        let glue = "export class A {}\nexport function f() {}\nfunction __wbg_init() {}\n\
                    export { initSync, __wbg_init as default };\n";
        let module = inline_module(glue, b"\0asm", b"QLS").unwrap();
        assert!(!module.contains("export"), "{module}");
        assert!(
            module.starts_with("class A {}\nfunction f() {}\n"),
            "{module}"
        );
        assert!(module.contains("atob(\"AGFzbQ==\")"), "{module}");
        // The corpus is set before the app starts.
        let data = module
            .find("window.quellenlageSnapshot = Uint8Array.from(atob(\"UUxT\")")
            .expect("the snapshot is inlined");
        assert!(data < module.find("await __wbg_init").unwrap(), "{module}");
        assert!(module.ends_with("await __wbg_init({ module_or_path: wasmBytes });\n"));
        let no_default = "export function f() {}\n";
        assert!(inline_module(no_default, b"", b"").is_err());
        assert!(inline_module(
            "const s = '</script>';\nexport { __wbg_init as default };",
            b"",
            b""
        )
        .is_err());
    }

    #[test]
    fn links_are_found_by_relation_quoted_or_not() {
        let minified = "<link href=favicon.svg rel=icon type=image/svg+xml><link href=./a.js \
                        rel=modulepreload><link as=fetch href=./a.wasm rel=preload type=x>";
        let span = link_span(minified, "preload").unwrap();
        assert_eq!(
            &minified[span],
            "<link as=fetch href=./a.wasm rel=preload type=x>"
        );
        let span = link_span(minified, "icon").unwrap();
        assert!(minified[span].contains("favicon.svg"));
        assert_eq!(link_span(minified, "stylesheet"), None);
        let quoted = r#"<link rel="stylesheet" href="./main.css"/>"#;
        assert_eq!(link_span(quoted, "stylesheet"), Some(0..quoted.len()));
    }

    #[test]
    fn tag_span_covers_one_whole_tag() {
        let html = r#"<a><link rel="stylesheet" href="x.css"/><b>"#;
        let span = tag_span(html, "<link rel=\"stylesheet\"", ">").unwrap();
        assert_eq!(&html[span], r#"<link rel="stylesheet" href="x.css"/>"#);
        assert_eq!(tag_span(html, "<script", "</script>"), None);
    }

    #[test]
    fn brotli_shrinks_repetitive_text() {
        let text = "Pjöngjang ".repeat(1000);
        let size = brotli_size(text.as_bytes()).unwrap();
        assert!(size > 0 && size < 100, "{size}");
    }
}
