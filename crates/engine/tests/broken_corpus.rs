//! A broken corpus is reported file by file, and the good files still come through.

use quellenlage_engine::ingest::ingest_dir;
use quellenlage_engine::Severity;
use std::path::PathBuf;

/// A fresh folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("ql-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn write(&self, name: &str, bytes: &[u8]) {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn reports_each_bad_file_and_keeps_the_good_ones() {
    let dir = TempDir::new("broken");
    dir.write("good.txt", "Seoul. Kim trifft Putin.\n".as_bytes());
    dir.write("latin1.txt", b"Erste Zeile\nGr\xfc\xdfe aus Pj\xf6ngjang\n");
    dir.write("empty.txt", b"\n\n");
    dir.write("sub/good.txt", b"Zweimal derselbe Name.\n");
    dir.write("notes.md", b"# Notizen\n");
    dir.write(
        "sources.toml",
        b"[good]\noutlet = \"taz\"\ndate = \"2025-13\"\n[missing]\noutlet = \"x\"\n",
    );
    let corpus = ingest_dir(&dir.0);

    assert_eq!(corpus.docs.len(), 1, "the good file survives");
    assert_eq!(corpus.docs[0].meta.outlet.as_deref(), Some("taz"));
    assert!(corpus.has_errors());

    let find = |file: &str, needle: &str| {
        corpus
            .problems
            .iter()
            .find(|p| p.path.ends_with(file) && p.message.contains(needle))
            .unwrap_or_else(|| {
                panic!(
                    "no problem for {file} with {needle:?}: {:#?}",
                    corpus.problems
                )
            })
    };
    let latin1 = find("latin1.txt", "UTF-8");
    assert_eq!((latin1.line, latin1.column), (Some(2), Some(3)));
    assert_eq!(latin1.severity, Severity::Error);
    assert_eq!(find("empty.txt", "empty").severity, Severity::Error);
    assert_eq!(find("sub/good.txt", "duplicate").severity, Severity::Error);
    assert_eq!(find("notes.md", "ignored").severity, Severity::Warning);
    assert_eq!(find("sources.toml", "2025-13").severity, Severity::Error);
    assert_eq!(
        find("sources.toml", "[missing]").severity,
        Severity::Warning
    );
}

#[test]
fn a_missing_folder_is_one_clear_error() {
    let corpus = ingest_dir(std::path::Path::new("/nonexistent/quellenlage-corpus"));
    assert!(corpus.docs.is_empty());
    assert_eq!(corpus.problems.len(), 1);
    assert!(corpus.problems[0]
        .message
        .contains("cannot read corpus folder"));
}
