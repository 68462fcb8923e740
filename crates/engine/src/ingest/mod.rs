//! Reading a corpus folder into documents: files, text decoding, page layout, metadata.
//!
//! A corpus is a folder of UTF-8 `.txt` articles (subfolders allowed). Optional files beside
//! them: `sources.toml` (metadata per document, see [`sources`]) and `entities.toml`.
//! A document's id is its file stem. Nothing is dropped silently: every file that cannot become
//! a document is reported as a [`Problem`] naming the file (and line where there is one).

pub mod byline;
pub mod dates;
pub mod identity;
pub mod layout;
pub mod outlets;
pub mod record;
pub mod sources;
pub mod text;

use crate::document::{is_valid_id, Document, Origin};
use crate::problem::{Problem, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Name of the curator's metadata file inside a corpus folder.
pub const SOURCES_FILE: &str = "sources.toml";
/// Name of the curator's entity base inside a corpus folder.
pub const ENTITIES_FILE: &str = "entities.toml";

/// The outcome of reading a corpus: the documents that could be read and every problem found.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Documents sorted by id.
    pub docs: Vec<Document>,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
    /// The curator's entity base (`entities.toml`, if any), then the bundled knowledge base
    /// without what the curator's base overrides.
    pub entities: Vec<crate::entities::Entity>,
}

impl Corpus {
    /// Whether any problem is an error (the build must fail).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Ingests one article from its bytes. `path` names the file in problem reports.
pub fn ingest_article(id: &str, path: &str, bytes: &[u8]) -> (Option<Document>, Vec<Problem>) {
    let text = match text::decode(bytes) {
        Ok(text) => text,
        Err(e) => {
            let mut problem = Problem::error(path, e.message);
            if let Some(line) = e.line {
                problem = problem.at(line, e.column);
            }
            return (None, vec![problem]);
        }
    };
    let laid_out = layout::layout(&text);
    let problems = laid_out
        .problems
        .into_iter()
        .map(|(line, message)| Problem::error(path, message).at(line, None))
        .collect();
    let doc = Document {
        id: id.to_string(),
        meta: laid_out.found,
        text,
        blocks: laid_out.blocks,
        origin: Origin {
            file: path.to_string(),
            ..Origin::default()
        },
    };
    (Some(doc), problems)
}

/// Reads every `.txt` file under `dir` (recursively, hidden entries skipped), applies
/// `sources.toml`, and reports problems. Documents come out sorted by id.
pub fn ingest_dir(dir: &Path) -> Corpus {
    let mut corpus = Corpus::default();
    let shown = |p: &Path| p.display().to_string();
    let mut files = Vec::new();
    if let Err(e) = collect_files(dir, &mut files) {
        corpus.problems.push(Problem::error(
            shown(dir),
            format!("cannot read corpus folder: {e}"),
        ));
        return corpus;
    }
    files.sort();

    let mut by_id: BTreeMap<String, (Document, String)> = BTreeMap::new();
    for path in &files {
        let is_txt = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !is_txt {
            if name != SOURCES_FILE && name != ENTITIES_FILE && !name.starts_with("README") {
                corpus.problems.push(Problem::warning(
                    shown(path),
                    "ignored: not a .txt article (rename it to .txt to include it)",
                ));
            }
            continue;
        }
        let Some(id) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            corpus.problems.push(Problem::error(
                shown(path),
                "file name is not valid UTF-8; rename the file",
            ));
            continue;
        };
        if !is_valid_id(&id) {
            corpus.problems.push(Problem::error(
                shown(path),
                format!("document id {id:?} (the file name) may only use letters, digits, '_', '-' and '.'; rename the file"),
            ));
            continue;
        }
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                corpus.problems.push(Problem::error(
                    shown(path),
                    format!("cannot read file: {e}"),
                ));
                continue;
            }
        };
        let (doc, problems) = ingest_article(&id, &shown(path), &bytes);
        corpus.problems.extend(problems);
        let Some(doc) = doc else { continue };
        if let Some((_, first)) = by_id.get(&id) {
            corpus.problems.push(Problem::error(
                shown(path),
                format!("duplicate document id {id:?}: {first} has the same file name; rename one of them"),
            ));
            continue;
        }
        by_id.insert(id, (doc, shown(path)));
    }

    let sources_path = dir.join(SOURCES_FILE);
    if sources_path.exists() {
        let path = shown(&sources_path);
        match std::fs::read_to_string(&sources_path) {
            Err(e) => corpus
                .problems
                .push(Problem::error(&path, format!("cannot read: {e}"))),
            Ok(text) => match sources::parse_sources(&path, &text) {
                Err(problem) => corpus.problems.push(problem),
                Ok(entries) => {
                    for (id, source) in &entries {
                        match by_id.get_mut(id) {
                            Some((doc, _)) => {
                                if let Some(p) = source.apply(&mut doc.meta, &path) {
                                    corpus.problems.push(p);
                                }
                            }
                            None => corpus.problems.push(Problem::warning(
                                &path,
                                format!("entry [{id}] names no document in the corpus"),
                            )),
                        }
                    }
                }
            },
        }
    }
    let entities_path = dir.join(ENTITIES_FILE);
    if entities_path.exists() {
        let path = shown(&entities_path);
        match std::fs::read_to_string(&entities_path) {
            Err(e) => corpus
                .problems
                .push(Problem::error(&path, format!("cannot read: {e}"))),
            Ok(text) => {
                let (entities, problems) = crate::entities::base::parse_entities(&path, &text);
                corpus.entities = entities;
                corpus.problems.extend(problems);
            }
        }
    }
    corpus.entities =
        crate::entities::knowledge::with_defaults(std::mem::take(&mut corpus.entities));
    corpus.docs = by_id.into_values().map(|(doc, _)| doc).collect();
    corpus
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}
