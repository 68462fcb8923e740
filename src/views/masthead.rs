//! The header: product name and the search box, bound to `?q=`.

use crate::app::Navigator;
use crate::view_state::ViewState;
use leptos::ev;
use leptos::prelude::*;

/// Product name and search box. Typing replaces the current history entry; Enter pushes one.
#[component]
pub fn Masthead(state: Memo<ViewState>) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let nav_input = navigator.clone();
    let on_input = move |ev: ev::Event| {
        let value = event_target_value(&ev);
        let next = state.get_untracked().with_query(&value);
        nav_input.go(&next, true);
    };
    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        // Enter: a deliberate step, so it gets its own history entry and shows the results.
        let next = state.get_untracked().with_doc(None);
        navigator.go(&next, false);
    };
    view! {
        <header class="masthead">
            <div class="masthead-inner">
            <a class="brand" href="./">
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
                    placeholder="Suchen: Schoigu, Kursk, 11.000 Soldaten …"
                    prop:value=move || state.read().query.clone()
                    on:input=on_input
                />
            </form>
            </div>
        </header>
    }
}
