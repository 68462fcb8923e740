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
        let name = &self.snapshot;
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            && !name.starts_with('.');
        if !plain {
            return Err(ManifestError(format!(
                "{MANIFEST_FILE} names the snapshot {name:?}, which is not a plain file name"
            )));
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
        };
        assert_eq!(Manifest::from_json(&m.to_json()), Ok(m));
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
        ];
        for (text, reason) in cases {
            let err = Manifest::from_json(text).unwrap_err().to_string();
            assert!(err.contains(reason), "{text}: {err}");
        }
    }
}
