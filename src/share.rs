//! Sharing a view: the canonical URL of the current state, kept in the address bar and copied
//! by the "Link kopieren" button.

use crate::view_state::ViewState;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The page's address without query and fragment (works for `http(s)://` and `file://`).
fn page_base(location: &web_sys::Location) -> Option<String> {
    let href = location.href().ok()?;
    let end = href.find(['?', '#']).unwrap_or(href.len());
    Some(href[..end].to_string())
}

/// The full URL that reopens `state`, with the current fragment (a spot in an article).
pub fn canonical_url(state: &ViewState) -> Option<String> {
    let location = web_sys::window()?.location();
    let hash = location.hash().unwrap_or_default();
    Some(format!(
        "{}{}{hash}",
        page_base(&location)?,
        state.to_query_string()
    ))
}

/// Rewrites the address bar to the canonical form of `state` when it differs (unknown or
/// malformed parameters disappear), without a new history entry and without navigating.
pub fn canonicalize_address(state: &ViewState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if location.search().unwrap_or_default() == state.to_query_string() {
        return;
    }
    let (Some(url), Ok(history)) = (canonical_url(state), window.history()) else {
        return;
    };
    // Keep whatever state object the entry holds (the app stores none; a host page might).
    let entry = history.state().unwrap_or(JsValue::NULL);
    let _ = history.replace_state_with_url(&entry, "", Some(&url));
}

/// What the copy button last did.
#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    Done,
    /// The clipboard is not available (an insecure page, an old browser): the link is shown
    /// selected for the reader to copy.
    Manual(String),
}

/// "Link kopieren": copies the canonical URL of the current view and says so (`aria-live`).
#[component]
pub fn CopyLink(state: Memo<ViewState>) -> impl IntoView {
    let copied = RwSignal::new(Copied::Not);
    // Any change of view makes the old confirmation stale.
    Effect::new(move |_| {
        state.track();
        copied.set(Copied::Not);
    });
    let on_click = move |_| {
        let Some(url) = canonical_url(&state.get_untracked()) else {
            return;
        };
        match clipboard() {
            Some(clipboard) => {
                let promise = clipboard.write_text(&url);
                leptos::task::spawn_local(async move {
                    let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    copied.set(if done {
                        Copied::Done
                    } else {
                        Copied::Manual(url)
                    });
                });
            }
            None => copied.set(Copied::Manual(url)),
        }
    };
    let status = move || match copied.get() {
        Copied::Not => ().into_any(),
        Copied::Done => view! { <span class="share-status">"Link kopiert"</span> }.into_any(),
        Copied::Manual(url) => view! {
            <label class="share-manual">
                <span>"Link zum Kopieren:"</span>
                <input type="text" readonly prop:value=url
                    on:focus=move |ev| {
                        if let Some(input) = event_target::<web_sys::HtmlInputElement>(&ev).into() {
                            let input: web_sys::HtmlInputElement = input;
                            input.select();
                        }
                    }/>
            </label>
        }
        .into_any(),
    };
    view! {
        <div class="share">
            <button type="button" class="share-button" on:click=on_click
                title="Die Adresse dieser Ansicht kopieren, um sie zu teilen">
                "Link kopieren"
            </button>
            <span class="share-live" aria-live="polite">{status}</span>
        </div>
    }
}

/// The asynchronous clipboard, if this page may use it.
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .is_some_and(|c| !c.is_undefined() && !c.is_null());
    has.then(|| navigator.clipboard())
}
