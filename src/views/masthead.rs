//! The header: product name and the search box, bound to `?q=`.

use crate::location::Navigator;
use crate::share::CopyLink;
use crate::view_state::ViewState;
use leptos::ev;
use leptos::prelude::*;

/// Product name and search box.
///
/// History: the first keystroke of a search adds one history entry, the following keystrokes
/// replace it (no entry per letter); Enter closes the search, so typing again starts a new
/// entry and Back walks through the searches. Typing shows the result list.
#[component]
pub fn Masthead(state: Memo<ViewState>) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    // The view the last keystroke wrote; if the URL still shows it, the next keystroke replaces.
    let typed: StoredValue<Option<ViewState>> = StoredValue::new(None);
    let on_input = move |ev: ev::Event| {
        let value = event_target_value(&ev);
        let current = state.get_untracked();
        let next = current.with_query(&value).with_entity(None);
        let replace = typed.get_value().as_ref() == Some(&current);
        navigator.go(&next, replace);
        typed.set_value(Some(next));
    };
    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        typed.set_value(None);
        let current = state.get_untracked();
        if current.doc.is_some() || current.entity.is_some() {
            navigator.go(&current.with_entity(None), false);
        }
    };
    view! {
        <header class="masthead">
            <div class="masthead-inner">
            <a class="brand" href="?">
                <span class="brand-name">"Quellenlage"</span>
                <span class="brand-tagline">"Wer berichtet was?"</span>
            </a>
            <form class="search" role="search" on:submit=on_submit>
                <label class="visually-hidden" for="q">"Artikel durchsuchen"</label>
                <input
                    id="q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Suchen: Schoigu, Kursk, 11.000 …"
                    prop:value=move || state.read().query.clone()
                    on:input=on_input
                />
            </form>
            <CopyLink state/>
            </div>
        </header>
    }
}
