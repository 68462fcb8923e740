//! The address bar as the app's state: every view lives in the query string. A click on a link
//! to this page changes it without loading the page (`pushState`), Back and Forward bring the
//! earlier views back (`popstate`), and code changes it through [`Navigator::go`].
//!
//! This is all the app needs of a router: there are no routes, only one page and its query.

use crate::view_state::ViewState;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Reads and writes the page's query string. Copy it freely; all copies share one signal.
#[derive(Clone, Copy)]
pub struct Navigator {
    /// `location.search` (`?…` or empty) as of the last navigation.
    search: RwSignal<String>,
}

impl Navigator {
    /// Starts following the address bar: Back/Forward and clicks on links to this page.
    pub fn install() -> Navigator {
        let navigator = Navigator {
            search: RwSignal::new(current_search()),
        };
        window_event_listener(ev::popstate, move |_| {
            navigator.search.set(current_search());
        });
        window_event_listener(ev::click, move |event| navigator.follow_link(&event));
        navigator
    }

    /// The query string of the current view, tracked.
    pub fn search(&self) -> ReadSignal<String> {
        self.search.read_only()
    }

    /// Makes `state` the current view: a new history entry, or with `replace` (while typing)
    /// the current one rewritten. The page does not scroll.
    pub fn go(&self, state: &ViewState, replace: bool) {
        let url = format!("{}{}", current_path(), state.to_query_string());
        self.navigate(&url, replace, false);
    }

    /// Shows `url` (a path on this page, with query and fragment); with `scroll`, scrolls to
    /// the fragment's element if it is there yet, else to the top, as a page load would.
    fn navigate(&self, url: &str, replace: bool, scroll: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            // A refused history call (a sandboxed frame) leaves the address as it is; the view
            // changes anyway.
            let _ = if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(url))
            } else if url != current_url(&window.location()) {
                history.push_state_with_url(&JsValue::NULL, "", Some(url))
            } else {
                Ok(())
            };
        }
        self.search.set(search_of(url).to_string());
        if scroll {
            scroll_to_fragment_or_top(&window);
        }
    }

    /// Follows a plain left click on a link to another view of this page in place. Anything
    /// else (a modifier key for a new tab, another page, a jump inside the view, `target`,
    /// `download`, `rel=external`) is left to the browser.
    fn follow_link(&self, event: &web_sys::MouseEvent) {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.alt_key()
            || event.ctrl_key()
            || event.shift_key()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let external = link
            .get_attribute("rel")
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
        if !link.target().is_empty() || link.has_attribute("download") || external {
            return;
        }
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        if Ok(link.origin()) != location.origin() || Ok(link.pathname()) != location.pathname() {
            return;
        }
        // A jump inside the current view (the skip link): the browser scrolls and, unlike
        // `pushState`, moves the keyboard focus there.
        if !link.hash().is_empty() && Ok(link.search()) == location.search() {
            return;
        }
        event.prevent_default();
        let url = format!("{}{}{}", link.pathname(), link.search(), link.hash());
        self.navigate(&url, false, true);
    }
}

/// The query part of `url` (`?…` up to any fragment), or "".
fn search_of(url: &str) -> &str {
    let url = url.split('#').next().unwrap_or_default();
    url.find('?').map_or("", |start| &url[start..])
}

/// `location.search` now.
fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's own path (whatever sub-path it is hosted under), without query or hash.
fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into())
}

/// Path, query and fragment of the current address.
fn current_url(location: &web_sys::Location) -> String {
    let part = |r: Result<String, JsValue>| r.unwrap_or_default();
    format!(
        "{}{}{}",
        part(location.pathname()),
        part(location.search()),
        part(location.hash())
    )
}

/// Scrolls to the element the fragment names, or to the top if there is none (yet).
fn scroll_to_fragment_or_top(window: &web_sys::Window) {
    let hash = window.location().hash().unwrap_or_default();
    let id = hash.strip_prefix('#').unwrap_or_default();
    let target = (!id.is_empty())
        .then(|| {
            let decoded = js_sys::decode_uri_component(id)
                .ok()
                .and_then(|d| d.as_string());
            let id = decoded.as_deref().unwrap_or(id);
            window.document()?.get_element_by_id(id)
        })
        .flatten();
    match target {
        Some(element) => element.scroll_into_view(),
        None => window.scroll_to_with_x_and_y(0.0, 0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::search_of;

    #[test]
    fn the_query_of_a_url() {
        // (url, query)
        let table = [
            ("/app/?q=Kim", "?q=Kim"),
            ("/app/?q=Kim#m-3", "?q=Kim"),
            ("/app/#m-3?x", ""),
            ("/app/", ""),
            ("?", "?"),
            ("/a?b?c", "?b?c"),
        ];
        for (url, query) in table {
            assert_eq!(search_of(url), query, "{url}");
        }
    }
}
