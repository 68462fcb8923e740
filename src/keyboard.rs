//! Keyboard use of the result list: `/` focuses the search box, ↑/↓ move through the hits,
//! Enter opens one (the links do that natively), Esc clears the query.

use crate::location::Navigator;
use crate::view_state::ViewState;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// CSS selector of the focusable links of the result list, in order.
const HIT_LINKS: &str = "[data-hit] a.hit-link";
/// Id of the search box.
const SEARCH_BOX: &str = "q";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn hit_links() -> Vec<HtmlElement> {
    let Some(list) = document().and_then(|d| d.query_selector_all(HIT_LINKS).ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn focus_search_box() {
    if let Some(input) = document()
        .and_then(|d| d.get_element_by_id(SEARCH_BOX))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}

/// Installs the window-wide key handler for the app's lifetime.
pub fn install(state: Memo<ViewState>, navigator: Navigator) {
    let handle = window_event_listener(ev::keydown, move |event: KeyboardEvent| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlElement>().ok());
        let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
        let in_box = target.as_ref().is_some_and(|t| t.id() == SEARCH_BOX);
        let typing_elsewhere = !in_box && matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT");
        match event.key().as_str() {
            "/" if !in_box && !typing_elsewhere => {
                event.prevent_default();
                focus_search_box();
            }
            "Escape" if in_box => {
                event.prevent_default();
                navigator.go(&state.get_untracked().with_query(""), true);
            }
            key @ ("ArrowDown" | "ArrowUp") if !typing_elsewhere => {
                let links = hit_links();
                let current = target
                    .as_ref()
                    .and_then(|t| links.iter().position(|l| l == t));
                let next = match (key, current, in_box) {
                    ("ArrowDown", None, true) => Some(0),
                    ("ArrowDown", Some(i), _) => Some((i + 1).min(links.len().saturating_sub(1))),
                    ("ArrowUp", Some(0), _) => {
                        event.prevent_default();
                        focus_search_box();
                        None
                    }
                    ("ArrowUp", Some(i), _) => Some(i - 1),
                    _ => None,
                };
                if let Some(link) = next.and_then(|i| links.get(i)) {
                    event.prevent_default();
                    let _ = link.focus();
                }
            }
            _ => {}
        }
    });
    // The handler lives as long as the app; dropping the handle would not remove it, but keeping
    // it in the reactive owner documents the intent.
    on_cleanup(move || handle.remove());
}
