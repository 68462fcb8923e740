//! Reading a corpus folder into documents: files, text decoding, page layout, metadata.
//!
//! A corpus is a folder of articles in the forms users have them (subfolders allowed): UTF-8
//! `.txt` page copies, saved web pages ([`html`]), crawler JSON / JSON Lines ([`json`]) and
//! spreadsheet exports ([`spreadsheet`]); [`files`] reads one file of any of them. Optional
//! files beside them: `sources.toml` (metadata per document, see [`sources`]) and
//! `entities.toml`. A `.txt` or `.html` article's id is its file stem; an article of a
//! multi-article file gets one from its URL ([`identity`]). Nothing is dropped silently: every file that cannot become
//! a document is reported as a [`Problem`] naming the file (and line where there is one).

pub mod byline;
pub mod dates;
pub mod fields;
pub mod files;
pub mod html;
pub mod identity;
pub mod json;
pub mod layout;
pub mod outlets;
pub mod record;
pub mod sources;
pub mod spreadsheet;
pub mod text;

use crate::document::{Document, Format, Origin};
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
        text: text.into(),
        blocks: laid_out.blocks.into(),
        origin: Origin {
            file: path.to_string(),
            ..Origin::default()
        },
    };
    (Some(doc), problems)
}

/// Reads every article file under `dir` (recursively, hidden entries skipped) in any format
/// [`Format::from_extension`] knows, applies `sources.toml`, and reports problems. The same
/// article twice (same URL, else same text) is reported and kept once. Documents come out
/// sorted by id.
pub fn ingest_dir(dir: &Path) -> Corpus {
    let mut corpus = Corpus::default();
    let shown = |p: &Path| p.display().to_string();
    let mut paths = Vec::new();
    if let Err(e) = collect_files(dir, &mut paths) {
        corpus.problems.push(Problem::error(
            shown(dir),
            format!("cannot read corpus folder: {e}"),
        ));
        return corpus;
    }
    paths.sort();

    let mut by_id: BTreeMap<String, (Document, String)> = BTreeMap::new();
    let mut seen = Seen::default();
    for path in &paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let format = path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_extension);
        let Some(format) = format else {
            if name != SOURCES_FILE && name != ENTITIES_FILE && !name.starts_with("README") {
                corpus
                    .problems
                    .push(Problem::warning(shown(path), UNKNOWN_FORMAT));
            }
            continue;
        };
        let read = files::read_file(path, &shown(path), &relative_path(dir, path), format);
        corpus.problems.extend(read.problems);
        for doc in read.docs {
            let here = doc.origin.location();
            if let Some(problem) = seen.repeat(&doc, &shown(path)) {
                corpus.problems.push(problem);
                continue;
            }
            if let Some((_, first)) = by_id.get(&doc.id) {
                corpus.problems.push(Problem::error(
                    shown(path),
                    format!(
                        "duplicate document id {:?}: {first} has the same id; rename one of the files",
                        doc.id
                    ),
                ));
                continue;
            }
            by_id.insert(doc.id.clone(), (doc, here));
        }
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

/// The warning for a file of a format the corpus cannot hold.
pub const UNKNOWN_FORMAT: &str =
    "ignored: not an article file (articles are .txt, .html, .htm, .json, .jsonl, .csv or .tsv)";

/// `path` inside the corpus folder `dir`, `/`-separated.
fn relative_path(dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The articles kept so far, by URL and by text, to keep the same article only once.
#[derive(Default)]
struct Seen {
    urls: std::collections::HashMap<String, String>,
    texts: std::collections::HashMap<u64, String>,
}

impl Seen {
    /// `None` (and the article remembered) where `doc` is new; else the warning that it repeats
    /// an article kept before.
    fn repeat(&mut self, doc: &Document, shown: &str) -> Option<Problem> {
        let here = doc.origin.location();
        let url = doc.meta.url.as_deref().and_then(identity::url_key);
        let text = identity::text_fingerprint(doc);
        let earlier = url
            .as_ref()
            .and_then(|u| self.urls.get(u))
            .map(|first| (first, "the same URL"))
            .or_else(|| {
                text.and_then(|t| self.texts.get(&t))
                    .map(|first| (first, "the same text"))
            });
        if let Some((first, why)) = earlier {
            let mut problem = Problem::warning(
                shown,
                format!("the same article as {first} ({why}): only that one is kept"),
            );
            if let Some(line) = doc.origin.line {
                problem = problem.at(line, None);
            }
            return Some(problem);
        }
        if let Some(url) = url {
            self.urls.insert(url, here.clone());
        }
        if let Some(text) = text {
            self.texts.insert(text, here);
        }
        None
    }
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
