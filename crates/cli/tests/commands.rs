//! `quellenlage search`, `entities` and `figures` on the bundled corpus: the JSON shapes other
//! tools rely on, and answers that match the corpus.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> Value {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    // Options go before the query: everything after it is query text (it may start with "-").
    let out = Command::new(env!("CARGO_BIN_EXE_quellenlage"))
        .arg(args[0])
        .arg("--corpus")
        .arg(&corpus)
        .arg("--json")
        .args(&args[1..])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn search_reports_hits_snippets_and_why() {
    let json = run(&["search", "Shoigu"]);
    assert_eq!(json["query"], "Shoigu");
    let hits = json["hits"].as_array().unwrap();
    let docs: Vec<&str> = hits.iter().map(|h| h["doc"].as_str().unwrap()).collect();
    assert_eq!(docs.len(), 2, "{docs:?}");
    let snippet = &hits[0]["snippets"][0];
    let text: Vec<char> = snippet["text"].as_str().unwrap().chars().collect();
    let highlight = &snippet["highlights"][0];
    let (start, end) = (
        highlight[0].as_u64().unwrap() as usize,
        highlight[1].as_u64().unwrap() as usize,
    );
    let marked: String = text[start..end].iter().collect();
    assert_eq!(marked, "Schoigu", "highlight offsets are character offsets");
    assert_eq!(highlight[2], "Schreibvariante");
}

#[test]
fn entities_report_docs_mentions_and_source() {
    let json = run(&["entities"]);
    let entities = json["entities"].as_array().unwrap();
    let schoigu = entities
        .iter()
        .find(|e| e["id"] == "sergej-schoigu")
        .expect("Schoigu");
    assert_eq!(schoigu["kind"], "person");
    assert_eq!(schoigu["source"], "base");
    assert_eq!(schoigu["docs"].as_array().unwrap().len(), 2);
    assert!(schoigu["mentions"].as_u64().unwrap() >= 10);
    assert!(schoigu["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Shoigu"));
}

#[test]
fn figures_report_value_noun_and_sentence() {
    let json = run(&["figures"]);
    let figures = json["figures"].as_array().unwrap();
    let taz = figures
        .iter()
        .find(|f| f["doc"] == "000_1a0130057ecdf70e" && f["value"] == 11000.0)
        .expect("taz reports 11.000 soldiers");
    assert_eq!(taz["noun"], "Soldaten");
    assert_eq!(taz["approx"], false);
    assert!(taz["sentence"]
        .as_str()
        .unwrap()
        .contains("11.000 Soldaten"));
    let austrian = figures
        .iter()
        .find(|f| f["doc"] == "003_5d34e67abcec6209" && f["value"] == 15000.0)
        .expect("the Austrian paper reports 15.000");
    assert_eq!(austrian["noun"], "Soldaten");
    for f in figures {
        assert!(f["start"].as_u64() < f["end"].as_u64());
    }
}
