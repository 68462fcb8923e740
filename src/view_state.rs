//! The view state and its URL: the single owner of every URL parameter name.
//!
//! Everything a reader sees is derived from [`ViewState`], which is parsed from the query string
//! and written back to it, so any view can be shared as a link. Unknown or malformed parameters
//! are ignored (and disappear from the URL the next time the app writes it).

use leptos_router::params::ParamsMap;
use quellenlage_engine::is_valid_id;

/// URL parameter: the search query.
pub const QUERY: &str = "q";
/// URL parameter: the id of the open article.
pub const DOC: &str = "doc";

/// Longest query kept from a URL, in characters. Longer input is cut, never rejected.
const MAX_QUERY_CHARS: usize = 500;

/// What the reader is looking at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search query as typed.
    pub query: String,
    /// The open article, if any.
    pub doc: Option<String>,
}

impl ViewState {
    /// Reads the state from the router's query map. Never fails: bad values are dropped.
    pub fn from_params(params: &ParamsMap) -> ViewState {
        let query = params.get_str(QUERY).map(clean_query).unwrap_or_default();
        let doc = params
            .get_str(DOC)
            .filter(|id| is_valid_id(id))
            .map(str::to_string);
        ViewState { query, doc }
    }

    /// The query string (with leading `?`, or empty) that represents this state.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.query.is_empty() {
            pairs.push((QUERY, &self.query));
        }
        if let Some(doc) = &self.doc {
            pairs.push((DOC, doc));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode_component(v)))
            .collect();
        format!("?{}", encoded.join("&"))
    }

    /// The same state with another article open.
    pub fn with_doc(&self, doc: Option<&str>) -> ViewState {
        ViewState {
            doc: doc.map(str::to_string),
            ..self.clone()
        }
    }

    /// The same state with another query.
    pub fn with_query(&self, query: &str) -> ViewState {
        ViewState {
            query: clean_query(query),
            ..self.clone()
        }
    }
}

/// Removes control characters and cuts overlong input, keeping what the reader typed otherwise.
fn clean_query(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_control())
        .take(MAX_QUERY_CHARS)
        .collect()
}

/// Percent-encodes a URL query component (RFC 3986 unreserved characters stay as they are).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push_str("%20"),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
