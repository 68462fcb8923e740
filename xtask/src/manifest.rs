//! Reading the few values xtask needs from `Cargo.lock` and `Trunk.toml`.
//!
//! Both files are simple enough that a line-based reader suffices; a TOML parser would be
//! the only reason for another dependency.

/// The version of package `name` in a `Cargo.lock`, if it is there exactly once.
pub fn locked_version(lock: &str, name: &str) -> Result<String, String> {
    let wanted = format!("name = \"{name}\"");
    let mut versions = Vec::new();
    for block in lock.split("[[package]]").skip(1) {
        let mut lines = block.lines().map(str::trim);
        if lines.clone().any(|line| line == wanted) {
            if let Some(version) = lines.find_map(|line| string_value(line, "version")) {
                versions.push(version);
            }
        }
    }
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => Err(format!("Cargo.lock has no package `{name}`")),
        _ => Err(format!(
            "Cargo.lock has several versions of `{name}` ({}); pin one with `{name} = \"=X\"`",
            versions.join(", ")
        )),
    }
}

/// The string value of `key` in `[section]` of a flat TOML file such as `Trunk.toml`.
pub fn toml_string(toml: &str, section: &str, key: &str) -> Option<String> {
    let header = format!("[{section}]");
    let mut in_section = false;
    for line in toml.lines().map(str::trim) {
        if line.starts_with('[') {
            in_section = line == header;
        } else if in_section {
            if let Some(value) = string_value(line, key) {
                return Some(value);
            }
        }
    }
    None
}

/// The value of a `key = "value"` line (a trailing comment allowed), if the key matches.
fn string_value(line: &str, key: &str) -> Option<String> {
    let (left, right) = line.split_once('=')?;
    if left.trim() != key {
        return None;
    }
    let rest = right.trim().strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.131"
"#;

    #[test]
    fn finds_the_locked_version_of_exactly_that_package() {
        assert_eq!(locked_version(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen-macro").unwrap(),
            "0.2.131"
        );
        assert!(locked_version(LOCK, "leptos").is_err());
        let twice = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        let err = locked_version(&twice, "wasm-bindgen").unwrap_err();
        assert!(err.contains("0.2.130, 0.2.99"), "{err}");
    }

    #[test]
    fn reads_keys_of_one_section_only() {
        let trunk = r#"
[build]
target = "index.html"
dist = "dist"   # where the release goes

[tools]
wasm_bindgen = "0.2.130"   # = Cargo.lock
wasm_opt = "version_132"
"#;
        assert_eq!(toml_string(trunk, "build", "dist").as_deref(), Some("dist"));
        assert_eq!(
            toml_string(trunk, "tools", "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(toml_string(trunk, "build", "wasm_opt"), None);
        assert_eq!(toml_string(trunk, "tools", "sass"), None);
    }
}
