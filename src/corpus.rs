//! The corpus snapshot, loaded once at start-up: from the page itself when the single-file
//! build inlined it, else fetched from `data/` (the manifest names the content-hashed file).
//! The wasm does not depend on the corpus, so one build of the app serves every corpus.

use quellenlage_engine::manifest::{Manifest, TextFiles, MANIFEST_FILE};
use quellenlage_engine::Snapshot;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The folder of the data files, relative to the page (so the app works from any sub-path).
pub const DATA_DIR: &str = "data";
/// The global the single-file page sets to the snapshot bytes before the app starts.
const INLINE_GLOBAL: &str = "quellenlageSnapshot";

/// Why the corpus could not be loaded: the file concerned and what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file that is missing or broken (`data/manifest.json`), or `None` for the inline data.
    pub file: Option<String>,
    /// What went wrong, in German, for the reader.
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{file}: {}", self.reason),
            None => write!(f, "{}", self.reason),
        }
    }
}

/// The corpus of the session: the snapshot and where the texts it lacks are (`None`: it has
/// them all).
#[derive(Clone)]
pub struct Loaded {
    /// The snapshot, for the whole session.
    pub snapshot: &'static Snapshot,
    /// The text chunks of a large corpus.
    pub texts: Option<TextFiles>,
}

/// Loads and decodes the snapshot. The result lives for the whole session, so it is leaked
/// into a `'static` reference that every component can hold without reference counting.
pub async fn load() -> Result<Loaded, LoadError> {
    let (file, bytes, texts) = match inline_bytes() {
        Some(bytes) => (None, bytes, None),
        None => {
            let manifest_path = format!("{DATA_DIR}/{MANIFEST_FILE}");
            let text = fetch(&manifest_path).await?;
            let text = String::from_utf8(text).map_err(|_| LoadError {
                file: Some(manifest_path.clone()),
                reason: "ist kein UTF-8-Text".into(),
            })?;
            let manifest = parse_manifest(&text).map_err(|reason| LoadError {
                file: Some(manifest_path.clone()),
                reason,
            })?;
            let path = format!("{DATA_DIR}/{}", manifest.snapshot);
            let bytes = fetch(&path).await?;
            if bytes.len() as u64 != manifest.snapshot_bytes {
                return Err(LoadError {
                    file: Some(path),
                    reason: format!(
                        "unvollständig geladen ({} von {} Bytes)",
                        bytes.len(),
                        manifest.snapshot_bytes
                    ),
                });
            }
            (Some(path), bytes, manifest.texts)
        }
    };
    let snapshot = Snapshot::decode(&bytes).map_err(|e| LoadError {
        file,
        reason: format!("die Artikelsammlung ist nicht lesbar ({e})"),
    })?;
    Ok(Loaded {
        snapshot: Box::leak(Box::new(snapshot)),
        texts,
    })
}

/// The snapshot the single-file page carries, if this is that page.
fn inline_bytes() -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &INLINE_GLOBAL.into()).ok()?;
    value
        .dyn_into::<js_sys::Uint8Array>()
        .ok()
        .map(|a| a.to_vec())
}

/// The manifest, read by the browser's own JSON parser (serde_json would add to the wasm what
/// the browser already has), then checked by the engine like any manifest.
fn parse_manifest(text: &str) -> Result<Manifest, String> {
    let invalid = || format!("{MANIFEST_FILE} is not a data manifest");
    let value = js_sys::JSON::parse(text).map_err(|_| invalid())?;
    let field = |name: &str| js_sys::Reflect::get(&value, &name.into()).ok();
    let number = |name: &str| {
        field(name)
            .and_then(|v| v.as_f64())
            .filter(|n| n.fract() == 0.0 && *n >= 0.0)
            .map(|n| n as u64)
    };
    let texts = match field("texts").filter(|v| !v.is_undefined() && !v.is_null()) {
        None => None,
        Some(texts) => {
            let per_chunk = js_sys::Reflect::get(&texts, &"per_chunk".into())
                .ok()
                .and_then(|v| v.as_f64())
                .filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX))
                .ok_or_else(invalid)?;
            let files = js_sys::Reflect::get(&texts, &"files".into())
                .ok()
                .filter(js_sys::Array::is_array)
                .map(|v| js_sys::Array::from(&v))
                .ok_or_else(invalid)?;
            let files = files
                .iter()
                .map(|f| f.as_string().ok_or_else(invalid))
                .collect::<Result<Vec<String>, String>>()?;
            Some(TextFiles {
                per_chunk: per_chunk as u32,
                files,
            })
        }
    };
    let manifest = Manifest {
        snapshot: field("snapshot")
            .and_then(|v| v.as_string())
            .ok_or_else(invalid)?,
        snapshot_bytes: number("snapshot_bytes").ok_or_else(invalid)?,
        docs: number("docs").ok_or_else(invalid)?,
        texts,
    };
    manifest.checked().map_err(|e| e.to_string())
}

/// The bytes of `path` (relative to the page), or why they could not be fetched.
pub async fn fetch(path: &str) -> Result<Vec<u8>, LoadError> {
    let error = |reason: String| LoadError {
        file: Some(path.to_string()),
        reason,
    };
    let window = web_sys::window().ok_or_else(|| error("kein Browserfenster".into()))?;
    let from_file = window.location().protocol().is_ok_and(|p| p == "file:");
    let describe = |e: JsValue| {
        if from_file {
            "kann von file:// nicht geladen werden; öffnen Sie die Einzeldatei \
             (quellenlage.html) oder stellen Sie den Ordner über einen Webserver bereit"
                .to_string()
        } else {
            let text = js_sys::Error::from(e).message();
            format!("konnte nicht geladen werden ({text})")
        }
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|e| error(describe(e)))?
        .unchecked_into();
    if !response.ok() {
        return Err(error(format!(
            "der Server antwortete {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let buffer = response.array_buffer().map_err(|e| error(describe(e)))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| error("wurde nicht vollständig geladen".into()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
