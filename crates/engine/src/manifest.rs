//! The data manifest: the one small file at a fixed name (`data/manifest.json`) that tells the
//! app which data files a corpus build wrote. Every other data file carries a content hash in
//! its name, so a host may cache it forever; only this file must be revalidated.

use serde::{Deserialize, Serialize};

/// Name of the manifest inside the data folder.
pub const MANIFEST_FILE: &str = "manifest.json";

/// What a data build wrote, as the app reads it at start-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// File name of the snapshot (`snapshot-<hash>.bin`), relative to the data folder.
    pub snapshot: String,
    /// Its size in bytes, to show progress and to tell a truncated download.
    pub snapshot_bytes: u64,
    /// Number of articles in it.
    pub docs: u64,
    /// The text chunks, when the snapshot's texts were split off (large corpora); absent when
    /// the snapshot holds every text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub texts: Option<TextFiles>,
}

/// The files of a split snapshot's texts (see the `texts` module).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextFiles {
    /// Articles per chunk.
    pub per_chunk: u32,
    /// The chunk files (`texts-<hash>.bin`), chunk 0 first.
    pub files: Vec<String>,
}

/// Why a manifest cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError(pub String);

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Manifest {
    /// The manifest as JSON, one key per line.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Reads a manifest; a file name that could leave the data folder is refused.
    pub fn from_json(text: &str) -> Result<Manifest, ManifestError> {
        let manifest: Manifest = serde_json::from_str(text)
            .map_err(|e| ManifestError(format!("{MANIFEST_FILE} is not a data manifest: {e}")))?;
        manifest.checked()
    }

    /// The manifest if its snapshot name is a plain file name inside the data folder (no
    /// path, no URL), for manifests read by other parsers (the browser's `JSON.parse`).
    pub fn checked(self) -> Result<Manifest, ManifestError> {
        let plain = |name: &str| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                && !name.starts_with('.')
        };
        let texts = self.texts.iter().flat_map(|t| &t.files);
        for (what, name) in
            std::iter::once(("snapshot", &self.snapshot)).chain(texts.map(|n| ("text chunk", n)))
        {
            if !plain(name) {
                return Err(ManifestError(format!(
                    "{MANIFEST_FILE} names the {what} {name:?}, which is not a plain file name"
                )));
            }
        }
        if let Some(texts) = &self.texts {
            let expected = crate::texts::Layout {
                per_chunk: texts.per_chunk,
            }
            .chunk_count(self.docs as usize);
            if texts.per_chunk == 0 || texts.files.len() != expected {
                return Err(ManifestError(format!(
                    "{MANIFEST_FILE} lists {} text chunks of {} articles for {} articles",
                    texts.files.len(),
                    texts.per_chunk,
                    self.docs
                )));
            }
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_what_was_written() {
        let m = Manifest {
            snapshot: "snapshot-00ff.bin".into(),
            snapshot_bytes: 1234,
            docs: 5,
            texts: None,
        };
        assert_eq!(Manifest::from_json(&m.to_json()), Ok(m.clone()));
        let split = Manifest {
            texts: Some(TextFiles {
                per_chunk: 2,
                files: vec![
                    "texts-1.bin".into(),
                    "texts-2.bin".into(),
                    "texts-3.bin".into(),
                ],
            }),
            ..m
        };
        assert_eq!(Manifest::from_json(&split.to_json()), Ok(split));
    }

    #[test]
    fn broken_or_escaping_manifests_are_refused_with_a_reason() {
        let cases = [
            ("", "not a data manifest"),
            ("{\"snapshot\": \"a.bin\"}", "not a data manifest"),
            (
                "{\"snapshot\": \"../secret\", \"snapshot_bytes\": 1, \"docs\": 1}",
                "not a plain file name",
            ),
            (
                "{\"snapshot\": \"https://x.example/a.bin\", \"snapshot_bytes\": 1, \"docs\": 1}",
                "not a plain file name",
            ),
            (
                "{\"snapshot\": \"\", \"snapshot_bytes\": 1, \"docs\": 1}",
                "not a plain file name",
            ),
            (
                "{\"snapshot\": \"a.bin\", \"snapshot_bytes\": 1, \"docs\": 1, \
                 \"texts\": {\"per_chunk\": 1, \"files\": [\"../t.bin\"]}}",
                "text chunk \"../t.bin\", which is not a plain file name",
            ),
            (
                "{\"snapshot\": \"a.bin\", \"snapshot_bytes\": 1, \"docs\": 3, \
                 \"texts\": {\"per_chunk\": 2, \"files\": [\"t.bin\"]}}",
                "lists 1 text chunks of 2 articles for 3 articles",
            ),
        ];
        for (text, reason) in cases {
            let err = Manifest::from_json(text).unwrap_err().to_string();
            assert!(err.contains(reason), "{text}: {err}");
        }
    }
}
