//! The view state and its URL: the single owner of every URL parameter name.
//!
//! Everything a reader sees is derived from [`ViewState`], which is parsed from the query string
//! and written back to it, so any view can be shared as a link. Unknown or malformed parameters
//! are ignored (and disappear from the URL the next time the app writes it).

use leptos_router::params::ParamsMap;
use quellenlage_engine::{is_valid_id, PartialDate};

/// URL parameter: the search query.
pub const QUERY: &str = "q";
/// URL parameter: the id of the open article.
pub const DOC: &str = "doc";
/// URL parameter: entity ids the articles must name (comma-separated, all of them).
pub const INCLUDE: &str = "e";
/// URL parameter: entity ids the articles must not name (comma-separated).
pub const EXCLUDE: &str = "x";
/// URL parameter: the id of the open entity page.
pub const ENTITY: &str = "entity";

/// URL parameter: first month of the date filter (`YYYY-MM`).
pub const FROM: &str = "from";
/// URL parameter: last month of the date filter (`YYYY-MM`).
pub const TO: &str = "to";

/// URL parameter: ids of the compared articles (comma-separated, 2–5).
pub const COMPARE: &str = "cmp";
/// Most articles compared at once.
pub const MAX_COMPARED: usize = 5;

/// URL parameter: which panel of the list view is shown (`zahlen`, `netz`; default: articles).
pub const TAB: &str = "tab";

/// Most entity filters kept from a URL; more are dropped.
const MAX_FILTERS: usize = 12;

/// Longest query kept from a URL, in characters. Longer input is cut, never rejected.
const MAX_QUERY_CHARS: usize = 500;

/// What the reader is looking at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search query as typed.
    pub query: String,
    /// The open article, if any.
    pub doc: Option<String>,
    /// Entities every listed article must name.
    pub include: Vec<String>,
    /// Entities no listed article may name.
    pub exclude: Vec<String>,
    /// The open entity page, if any.
    pub entity: Option<String>,
    /// The panel of the list view.
    pub tab: Tab,
    /// Articles compared side by side (shown when there are at least two).
    pub compare: Vec<String>,
    /// Date filter: first month (inclusive).
    pub from: Option<PartialDate>,
    /// Date filter: last month (inclusive).
    pub to: Option<PartialDate>,
}

/// Panels of the list view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    /// The articles (or search hits).
    #[default]
    Articles,
    /// The figures the listed articles report.
    Figures,
    /// Which entities the listed articles name together.
    Network,
    /// Outlets by entities, and the articles on a timeline.
    Overview,
}

impl Tab {
    /// The URL value (`None` for the default panel).
    pub fn param(self) -> Option<&'static str> {
        match self {
            Tab::Articles => None,
            Tab::Figures => Some("zahlen"),
            Tab::Network => Some("netz"),
            Tab::Overview => Some("ueberblick"),
        }
    }

    fn parse(value: Option<&str>) -> Tab {
        match value {
            Some("zahlen") => Tab::Figures,
            Some("netz") => Tab::Network,
            Some("ueberblick") => Tab::Overview,
            _ => Tab::Articles,
        }
    }
}

impl ViewState {
    /// Reads the state from the router's query map. Never fails: bad values are dropped.
    pub fn from_params(params: &ParamsMap) -> ViewState {
        let query = params.get_str(QUERY).map(clean_query).unwrap_or_default();
        let doc = params
            .get_str(DOC)
            .filter(|id| is_valid_id(id))
            .map(str::to_string);
        let include = id_list(params.get_str(INCLUDE));
        let exclude: Vec<String> = id_list(params.get_str(EXCLUDE))
            .into_iter()
            .filter(|id| !include.contains(id))
            .collect();
        let entity = params
            .get_str(ENTITY)
            .filter(|id| is_slug(id))
            .map(str::to_string);
        ViewState {
            query,
            doc,
            include,
            exclude,
            entity,
            tab: Tab::parse(params.get_str(TAB)),
            compare: doc_list(params.get_str(COMPARE)),
            from: month(params.get_str(FROM)),
            to: month(params.get_str(TO)),
        }
    }

    /// The query string (with leading `?`, or empty) that represents this state.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.query.is_empty() {
            pairs.push((QUERY, &self.query));
        }
        let include = self.include.join(",");
        if !include.is_empty() {
            pairs.push((INCLUDE, &include));
        }
        let exclude = self.exclude.join(",");
        if !exclude.is_empty() {
            pairs.push((EXCLUDE, &exclude));
        }
        if let Some(entity) = &self.entity {
            pairs.push((ENTITY, entity));
        }
        if let Some(tab) = self.tab.param() {
            pairs.push((TAB, tab));
        }
        let compare = self.compare.join(",");
        if !compare.is_empty() {
            pairs.push((COMPARE, &compare));
        }
        let from = self.from.map(|d| d.to_string()).unwrap_or_default();
        if !from.is_empty() {
            pairs.push((FROM, &from));
        }
        let to = self.to.map(|d| d.to_string()).unwrap_or_default();
        if !to.is_empty() {
            pairs.push((TO, &to));
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

    /// The same state with another article open (an article replaces an entity page).
    pub fn with_doc(&self, doc: Option<&str>) -> ViewState {
        ViewState {
            doc: doc.map(str::to_string),
            entity: if doc.is_some() {
                None
            } else {
                self.entity.clone()
            },
            compare: if doc.is_some() {
                Vec::new()
            } else {
                self.compare.clone()
            },
            ..self.clone()
        }
    }

    /// The same state with an entity filter toggled: `include` adds it to the required
    /// entities (or removes it if present), otherwise to the excluded ones. Opening a filter
    /// always returns to the list.
    pub fn toggled(&self, id: &str, include: bool) -> ViewState {
        let mut next = ViewState {
            doc: None,
            entity: None,
            ..self.clone()
        };
        let (list, other) = if include {
            (&mut next.include, &mut next.exclude)
        } else {
            (&mut next.exclude, &mut next.include)
        };
        other.retain(|e| e != id);
        if let Some(at) = list.iter().position(|e| e == id) {
            list.remove(at);
        } else if list.len() < MAX_FILTERS {
            list.push(id.to_string());
        }
        next
    }

    /// The same state showing an entity's page (`None`: back to the list).
    pub fn with_entity(&self, entity: Option<&str>) -> ViewState {
        ViewState {
            entity: entity.map(str::to_string),
            doc: None,
            compare: Vec::new(),
            ..self.clone()
        }
    }

    /// The comparison of `ids` (fewer than two: back to the list).
    pub fn comparing(&self, ids: &[String]) -> ViewState {
        ViewState {
            compare: ids.iter().take(MAX_COMPARED).cloned().collect(),
            doc: None,
            entity: None,
            ..self.clone()
        }
    }

    /// The same state with a date filter (`None`: no bound).
    pub fn with_months(&self, from: Option<PartialDate>, to: Option<PartialDate>) -> ViewState {
        ViewState {
            from,
            to,
            doc: None,
            entity: None,
            compare: Vec::new(),
            ..self.clone()
        }
    }

    /// Whether a publication date passes the date filter (unknown dates pass only without one).
    pub fn in_months(&self, date: Option<PartialDate>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(d) = date else { return false };
        let month = (d.year, d.month);
        self.from.is_none_or(|f| month >= (f.year, f.month))
            && self.to.is_none_or(|t| month <= (t.year, t.month))
    }

    /// The same state on another panel of the list.
    pub fn with_tab(&self, tab: Tab) -> ViewState {
        ViewState {
            tab,
            doc: None,
            entity: None,
            compare: Vec::new(),
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

/// Entity ids are lower-case slugs (`kim-jong-un`).
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A comma-separated list of slugs, deduplicated, malformed entries dropped, capped.
fn id_list(raw: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in raw.unwrap_or_default().split(',') {
        let id = id.trim();
        if is_slug(id) && !out.iter().any(|e| e == id) && out.len() < MAX_FILTERS {
            out.push(id.to_string());
        }
    }
    out
}

/// A month `YYYY-MM`; anything else (`9999-99`, a day, a year) is dropped.
fn month(raw: Option<&str>) -> Option<PartialDate> {
    PartialDate::parse(raw?).filter(|d| d.month != 0 && d.day == 0)
}

/// A comma-separated list of document ids, deduplicated, malformed ones dropped, at most
/// [`MAX_COMPARED`].
fn doc_list(raw: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in raw.unwrap_or_default().split(',') {
        let id = id.trim();
        if is_valid_id(id) && !out.iter().any(|d| d == id) && out.len() < MAX_COMPARED {
            out.push(id.to_string());
        }
    }
    out
}

/// Removes control characters and cuts overlong input, keeping what the reader typed otherwise.
fn clean_query(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_control())
        .take(MAX_QUERY_CHARS)
        .collect()
}

/// Percent-encodes a URL query component. RFC 3986 unreserved characters stay as they are, and
/// so does `,` (allowed in a query, and the separator of id lists: `cmp=a,b` stays readable).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(byte as char)
            }
            b' ' => out.push_str("%20"),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
