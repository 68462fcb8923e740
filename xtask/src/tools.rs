//! Pinned build and test tools, each installed only when missing or at another version.
//!
//! The machine may reach crates.io, npm and Debian but not GitHub, so nothing here lets
//! Trunk download tools itself: Trunk runs with `--offline` and finds them on PATH.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cmd, manifest, Result};

/// The Trunk release the build is verified with (0.22 needs a newer rustc than ours).
const TRUNK_VERSION: &str = "0.21.14";
/// The cargo-fuzz release `cargo xtask fuzz` builds and runs the fuzz targets with.
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// The geckodriver release the Firefox test (`tests/tests/firefox.rs`) drives Firefox ESR
/// with (0.36 and later support Firefox 128 and later).
const GECKODRIVER_VERSION: &str = "0.37.1";
/// The npm `binaryen` release that provides `wasm-opt`. Debian's binaryen (108) produces a
/// wasm that fails at start-up (`WebAssembly.Table.set(): Argument 1 is invalid`).
const BINARYEN_VERSION: &str = "132.0.0";
/// The npm `axe-core` release the accessibility tests inject (`tests/tests/a11y.rs`).
const AXE_VERSION: &str = "4.14.1";
/// The Rust target of the browser app.
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The browsers and driver the e2e tests use (Debian packages `chromium`, `chromium-driver`,
/// `firefox-esr`); geckodriver comes from crates.io (`ensure_geckodriver`).
const BROWSER_FILES: [&str; 3] = [
    "/usr/bin/chromium",
    "/usr/bin/chromedriver",
    "/usr/bin/firefox-esr",
];
const BROWSER_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "firefox-esr"];

/// Where the build tools are, for the processes that need them.
pub struct Tools {
    wasm_opt_dir: PathBuf,
}

impl Tools {
    /// `PATH` with the pinned `wasm-opt` first, so Trunk cannot pick up another one.
    pub fn path_env(&self) -> Result<OsString> {
        let inherited = std::env::var_os("PATH").unwrap_or_default();
        let dirs =
            std::iter::once(self.wasm_opt_dir.clone()).chain(std::env::split_paths(&inherited));
        std::env::join_paths(dirs).map_err(|e| format!("cannot build PATH: {e}"))
    }

    /// The pinned `wasm-opt` binary.
    pub fn wasm_opt(&self) -> PathBuf {
        self.wasm_opt_dir.join("wasm-opt")
    }
}

/// Makes sure the wasm target, Trunk, wasm-bindgen and wasm-opt are installed at their pins.
pub fn ensure_build_tools(root: &Path) -> Result<Tools> {
    ensure_wasm_target()?;
    let wasm_bindgen = locked_wasm_bindgen(root)?;
    // Configuration mistakes first, before minutes of installing.
    check_trunk_pins(root, &wasm_bindgen)?;
    ensure_trunk(root)?;
    ensure_wasm_bindgen(root, &wasm_bindgen)?;
    let wasm_opt_dir = ensure_wasm_opt(root)?;
    Ok(Tools { wasm_opt_dir })
}

/// Installs npm `axe-core` into `target/tools/axe`, where the accessibility tests read
/// `node_modules/axe-core/axe.min.js`, and returns the package's directory.
pub fn ensure_axe(root: &Path) -> Result<PathBuf> {
    ensure_npm_package(&root.join("target/tools/axe"), "axe-core", AXE_VERSION)
}

/// Makes sure Chromium, ChromeDriver and Firefox ESR are installed (via apt-get when
/// running as root).
pub fn ensure_browser() -> Result {
    if BROWSER_FILES.iter().all(|file| Path::new(file).is_file()) {
        eprintln!("tools: chromium, chromedriver and firefox-esr found");
        return Ok(());
    }
    apt_install(
        &BROWSER_PACKAGES,
        "the browser tests need Chromium, ChromeDriver and Firefox ESR",
    )?;
    match BROWSER_FILES.iter().find(|file| !Path::new(file).is_file()) {
        Some(missing) => Err(format!(
            "{missing} is still missing after installing {}",
            BROWSER_PACKAGES.join(" ")
        )),
        None => Ok(()),
    }
}

fn ensure_wasm_target() -> Result {
    let installed = cmd::probe("rustup", &["target", "list", "--installed"]).ok_or(
        "`rustup target list --installed` failed: install rustup (https://rustup.rs) \
         or add the wasm32-unknown-unknown target to your toolchain by hand",
    )?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        eprintln!("tools: rust target {WASM_TARGET} installed");
        return Ok(());
    }
    eprintln!("tools: adding rust target {WASM_TARGET}");
    cmd::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The rustup components `cargo xtask test` runs (a minimal rustup profile, as in the official
/// Rust container images, has neither).
const COMPONENTS: [&str; 2] = ["rustfmt", "clippy"];

/// Adds `rustfmt` and `clippy` to the toolchain when missing.
pub fn ensure_components() -> Result {
    let installed = cmd::probe("rustup", &["component", "list", "--installed"]).ok_or(
        "`rustup component list --installed` failed: install rustup (https://rustup.rs) \
         or add the rustfmt and clippy components to your toolchain by hand",
    )?;
    let has = |component: &str| {
        installed.lines().any(|line| {
            line.trim().starts_with(&format!("{component}-")) || line.trim() == component
        })
    };
    for component in COMPONENTS {
        if has(component) {
            eprintln!("tools: rust component {component} installed");
            continue;
        }
        eprintln!("tools: adding rust component {component}");
        cmd::run(Command::new("rustup").args(["component", "add", component])).map_err(|e| {
            format!(
                "{e}\n`cargo xtask test` needs {component}: run `rustup component add {component}`"
            )
        })?;
    }
    Ok(())
}

fn ensure_trunk(root: &Path) -> Result {
    let wanted = format!("trunk {TRUNK_VERSION}");
    ensure_version("trunk", &wanted, "about 6 minutes", || {
        cmd::run(cmd::cargo(root).args([
            "install",
            "--locked",
            "trunk",
            "--version",
            TRUNK_VERSION,
        ]))
    })
}

/// Makes sure cargo-fuzz is installed at its pin. It runs on the stable toolchain: without a
/// sanitizer (`--sanitizer none`) it needs no nightly flags.
pub fn ensure_cargo_fuzz(root: &Path) -> Result {
    let wanted = format!("cargo-fuzz {CARGO_FUZZ_VERSION}");
    ensure_version("cargo-fuzz", &wanted, "about 3 minutes", || {
        cmd::run(cmd::cargo(root).args([
            "install",
            "--locked",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
        ]))
    })
}

/// Makes sure geckodriver, which the Firefox test drives Firefox with, is installed at its pin.
pub fn ensure_geckodriver(root: &Path) -> Result {
    let wanted = format!("geckodriver {GECKODRIVER_VERSION}");
    ensure_version("geckodriver", &wanted, "about 8 minutes", || {
        cmd::run(cmd::cargo(root).args([
            "install",
            "--locked",
            "geckodriver",
            "--version",
            GECKODRIVER_VERSION,
        ]))
    })
}

/// The version of the `wasm-bindgen` crate in Cargo.lock: the single source of truth for
/// the CLI version and Trunk's pin.
fn locked_wasm_bindgen(root: &Path) -> Result<String> {
    let lock_path = root.join("Cargo.lock");
    let lock = fs::read_to_string(&lock_path).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `cargo fetch` to create it)",
            lock_path.display()
        )
    })?;
    manifest::locked_version(&lock, "wasm-bindgen")
}

/// Trunk compares the tools it finds with `Trunk.toml`'s `[tools]` pins and, with
/// `--offline`, fails on a mismatch; checking first turns that into a clear message.
fn check_trunk_pins(root: &Path, wasm_bindgen: &str) -> Result {
    let trunk_toml = read_trunk_toml(root)?;
    check_trunk_pin(
        &trunk_toml,
        "wasm_bindgen",
        wasm_bindgen,
        "the wasm-bindgen version in Cargo.lock",
    )?;
    check_trunk_pin(
        &trunk_toml,
        "wasm_opt",
        &wasm_opt_pin(),
        &format!("the version of npm binaryen@{BINARYEN_VERSION}"),
    )
}

/// wasm-bindgen's CLI must match the `wasm-bindgen` crate exactly.
fn ensure_wasm_bindgen(root: &Path, version: &str) -> Result {
    let wanted = format!("wasm-bindgen {version}");
    ensure_version("wasm-bindgen", &wanted, "about 7 minutes", || {
        // No `--locked`: wasm-bindgen-cli's lockfile pins a crate version missing from the
        // registry mirror we use; its own version constraints are enough.
        cmd::run(cmd::cargo(root).args(["install", "wasm-bindgen-cli", "--version", version]))
    })
}

/// Trunk's name for the binaryen release, as in `Trunk.toml`'s `[tools] wasm_opt`.
fn wasm_opt_pin() -> String {
    let major = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    format!("version_{major}")
}

/// Reads `Trunk.toml`, which the build needs anyway.
pub fn read_trunk_toml(root: &Path) -> Result<String> {
    let path = root.join("Trunk.toml");
    fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn check_trunk_pin(trunk_toml: &str, key: &str, expected: &str, source: &str) -> Result {
    match manifest::toml_string(trunk_toml, "tools", key) {
        Some(pinned) if pinned == expected => Ok(()),
        Some(pinned) => Err(format!(
            "Trunk.toml pins [tools] {key} = \"{pinned}\", but {source} is {expected}: \
             update Trunk.toml to {key} = \"{expected}\""
        )),
        None => Err(format!(
            "Trunk.toml has no [tools] {key} pin: add {key} = \"{expected}\" ({source}) \
             so Trunk uses the installed tool instead of downloading one"
        )),
    }
}

/// Runs `install` unless the first line of `<program> --version` is `wanted`, then checks
/// again. (Only the first line: geckodriver adds licence text below its version.)
fn ensure_version(
    program: &str,
    wanted: &str,
    duration: &str,
    install: impl FnOnce() -> Result,
) -> Result {
    let version = || {
        cmd::probe(program, &["--version"])
            .map(|out| out.lines().next().unwrap_or_default().to_owned())
    };
    let found = version();
    if found.as_deref() == Some(wanted) {
        eprintln!("tools: {wanted} installed");
        return Ok(());
    }
    let found_text = found.as_deref().unwrap_or("not installed");
    eprintln!("tools: installing {wanted} (found: {found_text}); this takes {duration}");
    install()?;
    match version() {
        Some(now) if now == wanted => Ok(()),
        now => Err(format!(
            "installed {wanted}, but `{program} --version` now prints {:?}: make sure cargo's \
             bin directory (~/.cargo/bin) comes first on PATH",
            now.unwrap_or_default()
        )),
    }
}

/// Installs binaryen from npm into `target/tools/binaryen` and returns the directory that
/// holds `wasm-opt`.
fn ensure_wasm_opt(root: &Path) -> Result<PathBuf> {
    let prefix = root.join("target/tools/binaryen");
    let bin_dir = prefix.join("node_modules/.bin");
    let wasm_opt = bin_dir.join("wasm-opt");
    // `wasm-opt --version` prints e.g. "wasm-opt version 132 (version_132)".
    let pin = format!("({})", wasm_opt_pin());
    let is_pinned = || cmd::probe(&wasm_opt, &["--version"]).is_some_and(|v| v.contains(&pin));
    if is_pinned() {
        eprintln!("tools: wasm-opt from binaryen@{BINARYEN_VERSION} installed");
        return Ok(bin_dir);
    }
    eprintln!("tools: installing wasm-opt from npm binaryen@{BINARYEN_VERSION}");
    ensure_npm("npm is needed to install wasm-opt (npm package binaryen)")?;
    let package = format!("binaryen@{BINARYEN_VERSION}");
    cmd::run(
        Command::new("npm")
            .arg("install")
            .arg("--prefix")
            .arg(&prefix)
            .args(["--no-save", &package]),
    )?;
    if is_pinned() {
        Ok(bin_dir)
    } else {
        Err(format!(
            "npm installed {package}, but `{} --version` does not report {pin}",
            wasm_opt.display()
        ))
    }
}

/// Makes sure `node` and `npm` are installed (Debian packages `nodejs`, `npm`); `why` says
/// what needs them.
fn ensure_npm(why: &str) -> Result {
    if cmd::probe("npm", &["--version"]).is_some() && cmd::probe("node", &["--version"]).is_some() {
        return Ok(());
    }
    apt_install(&["nodejs", "npm"], why)
}

/// Installs npm package `name@version` into `prefix` unless it is there at that version, and
/// returns the package's directory (`prefix/node_modules/name`).
pub fn ensure_npm_package(prefix: &Path, name: &str, version: &str) -> Result<PathBuf> {
    let dir = prefix.join("node_modules").join(name);
    let installed = || {
        let manifest = fs::read_to_string(dir.join("package.json")).unwrap_or_default();
        serde_json::from_str::<serde_json::Value>(&manifest)
            .is_ok_and(|m| m["version"].as_str() == Some(version))
    };
    if installed() {
        eprintln!("tools: npm {name}@{version} installed");
        return Ok(dir);
    }
    ensure_npm(&format!(
        "node and npm are needed for the npm package {name}"
    ))?;
    eprintln!("tools: installing npm {name}@{version}");
    let package = format!("{name}@{version}");
    cmd::run(
        Command::new("npm")
            .arg("install")
            .arg("--prefix")
            .arg(prefix)
            .args(["--no-save", &package]),
    )?;
    if installed() {
        Ok(dir)
    } else {
        Err(format!(
            "npm installed {package}, but {} does not say version {version}",
            dir.join("package.json").display()
        ))
    }
}

/// Makes sure the German word list exists (Debian package `wngerman`, via apt-get as root).
pub fn ensure_word_list(path: &Path) -> Result {
    if path.is_file() {
        eprintln!("tools: word list {} found", path.display());
        return Ok(());
    }
    apt_install(
        &["wngerman"],
        &format!(
            "the benchmark corpus needs the German word list {}",
            path.display()
        ),
    )?;
    if path.is_file() {
        Ok(())
    } else {
        Err(format!(
            "{} is still missing after installing wngerman",
            path.display()
        ))
    }
}

/// Installs Debian packages as root, or explains what to install otherwise.
fn apt_install(packages: &[&str], why: &str) -> Result {
    let list = packages.join(" ");
    if !cmd::is_root() {
        return Err(format!(
            "{why}: install the Debian packages {list} (`sudo apt-get install -y {list}`) and run again"
        ));
    }
    eprintln!("tools: installing {list} with apt-get");
    cmd::run(Command::new("apt-get").arg("update"))?;
    cmd::run(
        Command::new("apt-get")
            .args(["install", "-y"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}
