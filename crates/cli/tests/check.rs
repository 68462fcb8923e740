//! `quellenlage check` on the bundled corpus and on a broken one.

use std::path::{Path, PathBuf};
use std::process::Command;

fn quellenlage() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quellenlage"))
}

fn bundled_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

#[test]
fn check_json_lists_the_bundled_documents_with_metadata() {
    let out = quellenlage()
        .args(["check", "--json", "--corpus"])
        .arg(bundled_corpus())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["docs"].as_array().unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let mut files: Vec<String> = std::fs::read_dir(bundled_corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(ids, files);
    let taz = &docs[0];
    assert_eq!(taz["outlet"], "taz");
    assert_eq!(taz["date"], "2025-06");
    assert!(taz["main_bytes"].as_u64().unwrap() > 3000);
    let merkur = docs
        .iter()
        .find(|d| d["id"] == "004_be1dc431d84a98b3")
        .unwrap();
    assert_eq!(merkur["author"], "Bona Hyun");
    assert_eq!(merkur["date"], "2023-07");
    assert_eq!(json["problems"].as_array().unwrap().len(), 0);
}

#[test]
fn check_fails_on_a_broken_corpus_and_names_every_bad_file() {
    let dir = std::env::temp_dir().join(format!("ql-cli-broken-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("gut.txt"), "Kim trifft Putin in Pjöngjang.\n").unwrap();
    std::fs::write(dir.join("kaputt.txt"), b"Gr\xfc\xdfe\n").unwrap();
    std::fs::write(dir.join("leer.txt"), b"").unwrap();
    let out = quellenlage()
        .args(["check", "--json", "--corpus"])
        .arg(&dir)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("kaputt.txt:1:3: error: invalid UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("leer.txt: error: file is empty"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["docs"][0]["id"], "gut",
        "good files are still reported"
    );
    assert_eq!(json["problems"].as_array().unwrap().len(), 2);
}
