//! The view state and its URL: the single owner of every URL parameter name.
//!
//! Everything a reader sees is derived from [`ViewState`], which is parsed from the query string
//! and written back to it, so any view can be shared as a link. Unknown or malformed parameters
//! are ignored (and disappear from the URL the next time the app writes it).

use quellenlage_engine::facets;
use quellenlage_engine::listing::Filters;
use quellenlage_engine::{is_valid_id, PartialDate, Snapshot};

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
/// URL parameter: outlets the listed articles come from (comma-separated slugs, any of them).
pub const SOURCES: &str = "src";

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
    /// Outlets (slugs, see [`outlet_slug`]) the listed articles come from; empty: all.
    pub sources: Vec<String>,
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
    /// Reads the state from the URL's raw query string (`?q=…&e=…`, with or without the `?`),
    /// decoding percent escapes leniently (a broken escape stays as typed). Never fails: bad
    /// values are dropped; when a parameter repeats, the first one counts.
    pub fn from_query_string(search: &str) -> ViewState {
        let pairs: Vec<(String, String)> = search
            .strip_prefix('?')
            .unwrap_or(search)
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode_component(key), decode_component(value))
            })
            .collect();
        ViewState::from_lookup(|name| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str())
        })
    }

    /// The parser proper: `get` returns a parameter's decoded value.
    fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> ViewState {
        let query = get(QUERY).map(clean_query).unwrap_or_default();
        let doc = get(DOC).filter(|id| is_valid_id(id)).map(str::to_string);
        let include = id_list(get(INCLUDE));
        let exclude: Vec<String> = id_list(get(EXCLUDE))
            .into_iter()
            .filter(|id| !include.contains(id))
            .collect();
        let entity = get(ENTITY).filter(|id| is_slug(id)).map(str::to_string);
        ViewState {
            query,
            doc,
            include,
            exclude,
            entity,
            sources: id_list(get(SOURCES)),
            tab: Tab::parse(get(TAB)),
            compare: doc_list(get(COMPARE)),
            from: month(get(FROM)),
            to: month(get(TO)),
        }
    }

    /// A link to this state, relative to the page: the query string, or `?` for the plain
    /// list (`./` would leave a single-file copy opened from `file://`).
    pub fn href(&self) -> String {
        let query = self.to_query_string();
        if query.is_empty() {
            "?".to_string()
        } else {
            query
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
        let sources = self.sources.join(",");
        if !sources.is_empty() {
            pairs.push((SOURCES, &sources));
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

    /// The same state with an outlet filter toggled (several outlets: articles from any of
    /// them). Returns to the list, like an entity filter.
    pub fn toggled_source(&self, slug: &str) -> ViewState {
        let mut next = ViewState {
            doc: None,
            entity: None,
            compare: Vec::new(),
            ..self.clone()
        };
        if let Some(at) = next.sources.iter().position(|s| s == slug) {
            next.sources.remove(at);
        } else if next.sources.len() < MAX_FILTERS && is_slug(slug) {
            next.sources.push(slug.to_string());
        }
        next
    }

    /// The view's filters for the engine's listing: entity ids resolved in `snapshot`
    /// (unknown ones dropped), months and outlet slugs as in the URL.
    pub fn filters(&self, snapshot: &Snapshot) -> Filters {
        Filters {
            include: facets::resolve(snapshot, &self.include),
            exclude: facets::resolve(snapshot, &self.exclude),
            from: self.from,
            to: self.to,
            outlets: self.sources.clone(),
        }
    }

    /// Whether any filter (entities, outlets, months) narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.include.is_empty()
            || !self.exclude.is_empty()
            || !self.sources.is_empty()
            || self.from.is_some()
            || self.to.is_some()
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

    /// Whether `other` is this view with another query only (what a keystroke changes).
    pub fn differs_only_in_query(&self, other: &ViewState) -> bool {
        self.query != other.query && self.with_query("") == other.with_query("")
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

pub use quellenlage_engine::listing::outlet_slug;

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

/// Decodes a URL query component: `%XX` escapes (invalid UTF-8 becomes U+FFFD) and `+` as a
/// space. A broken escape (`%ZZ`, a lone `%`) is kept as it stands.
fn decode_component(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' => {
                match (
                    bytes.get(i + 1).copied().and_then(hex),
                    bytes.get(i + 2).copied().and_then(hex),
                ) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A keystroke changes the query only; any other change (a filter, an open article, the
    /// tab) is more than that.
    #[test]
    fn a_new_query_alone_is_told_from_other_changes() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, bool)] = &[
            ("?q=Kur", "?q=Kursk", true),
            ("?q=Kursk&e=kim-jong-un", "?e=kim-jong-un", true),
            ("?q=Kursk", "?q=Kursk", false),
            ("?q=Kursk", "?q=Kursk&e=kim-jong-un", false),
            ("?q=Kur", "?q=Kursk&tab=zahlen", false),
            ("?q=Kur", "?q=Kursk&doc=a", false),
        ];
        for &(before, after, only_query) in cases {
            let (a, b) = (
                ViewState::from_query_string(before),
                ViewState::from_query_string(after),
            );
            assert_eq!(
                a.differs_only_in_query(&b),
                only_query,
                "{before} → {after}"
            );
            assert_eq!(
                b.differs_only_in_query(&a),
                only_query,
                "{after} → {before}"
            );
        }
    }

    /// Hostile and broken query strings, as a forged link would carry them, and what is kept.
    #[test]
    fn hostile_query_strings_keep_only_what_is_valid() {
        let long = "a".repeat(4000);
        let long_query = format!("?q={long}");
        let repeated = "q=Kursk&".repeat(200);
        #[rustfmt::skip]
        let cases: &[(&str, &str)] = &[
            // (query string, canonical query string after parsing)
            ("?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "?q=%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E"),
            ("?q=%22", "?q=%22"),
            ("?q=%ZZ", "?q=%25ZZ"),
            ("?q=%", "?q=%25"),
            ("?q=Kim+Jong+Un", "?q=Kim%20Jong%20Un"),
            ("?q=%FF%FE", "?q=%EF%BF%BD%EF%BF%BD"),
            ("?q=a%00b%0Ac", "?q=abc"),
            ("?doc=../../etc/passwd", ""),
            ("?cmp=a,b,c,d,e,f", "?cmp=a,b,c,d,e"),
            ("?cmp=a,a,,b", "?cmp=a,b"),
            ("?from=9999-99&to=2024-13", ""),
            ("?from=2024-10&to=2025", "?from=2024-10"),
            ("?e=nonexistent&x=nonexistent", "?e=nonexistent"),
            ("?e=Kim Jong Un,putin", "?e=putin"),
            ("?src=taz,T-Online,,taz", "?src=taz"),
            ("?tab=zahlen&tab=netz", "?tab=zahlen"),
            ("?tab=<script>", ""),
            ("?utm_source=newsletter&q=Kursk&fbclid=1", "?q=Kursk"),
            ("?entity=sergei-schoigu&doc=000_1a0130057ecdf70e", "?entity=sergei-schoigu&doc=000_1a0130057ecdf70e"),
            ("q=ohne-Fragezeichen", "?q=ohne-Fragezeichen"),
            ("?&&=&q", ""),
            ("", ""),
        ];
        for (input, canonical) in cases {
            let state = ViewState::from_query_string(input);
            assert_eq!(state.to_query_string(), *canonical, "input {input:?}");
        }
        let state = ViewState::from_query_string(&long_query);
        assert_eq!(state.query.chars().count(), MAX_QUERY_CHARS);
        let state = ViewState::from_query_string(&repeated);
        assert_eq!(state.query, "Kursk");
    }

    #[test]
    fn outlet_names_become_url_slugs() {
        #[rustfmt::skip]
        let cases = [
            ("taz", "taz"),
            ("t-online", "t-online"),
            ("Funke Mediengruppe", "funke-mediengruppe"),
            ("Süddeutsche Zeitung", "sueddeutsche-zeitung"),
            ("Die Presse (APA)", "die-presse-apa"),
            ("  --  ", ""),
        ];
        for (name, slug) in cases {
            assert_eq!(outlet_slug(name), slug, "{name}");
        }
    }

    #[test]
    fn outlet_filter_matches_any_listed_outlet() {
        let state = ViewState::from_query_string("?src=taz,funke-mediengruppe");
        assert!(state.filters(&Snapshot::default()).in_outlets(Some("taz")));
        assert!(state
            .filters(&Snapshot::default())
            .in_outlets(Some("Funke Mediengruppe")));
        assert!(!state
            .filters(&Snapshot::default())
            .in_outlets(Some("t-online")));
        assert!(!state.filters(&Snapshot::default()).in_outlets(None));
        assert!(ViewState::default()
            .filters(&Snapshot::default())
            .in_outlets(None));
        let fewer = state.toggled_source("taz");
        assert_eq!(fewer.to_query_string(), "?src=funke-mediengruppe");
        assert_eq!(fewer.toggled_source("funke-mediengruppe").href(), "?");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any string parses, and the URL the app writes back reads as the same view.
        #[test]
        fn any_query_string_parses_to_a_canonical_fixed_point(input in "\\PC*|[?&=%+,a-z0-9\\-]*") {
            let state = ViewState::from_query_string(&input);
            let canonical = state.to_query_string();
            prop_assert_eq!(ViewState::from_query_string(&canonical), state.clone());
            prop_assert!(canonical.is_ascii(), "{}", canonical);
            prop_assert!(state.query.chars().count() <= MAX_QUERY_CHARS);
            prop_assert!(state.compare.len() <= MAX_COMPARED);
        }

        /// Whatever is typed into the search box survives the trip through the URL (control
        /// characters and overlong input excepted).
        #[test]
        fn a_typed_query_survives_the_url(typed in any::<String>(), doc in "[a-z0-9_]{1,20}") {
            let state = ViewState::default().with_query(&typed).with_doc(Some(&doc));
            let back = ViewState::from_query_string(&state.to_query_string());
            prop_assert_eq!(&back.query, &clean_query(&typed));
            prop_assert_eq!(back, state);
        }
    }
}
