//! [`WithTexts`]: a view that needs article texts waits for them.

use crate::texts::{Status, Texts};
use leptos::prelude::*;

/// Shows `children` once the texts of `docs` are there (at once for a corpus that carries its
/// texts). Until then a loading line; if a chunk failed, a line that says so (the notice at the
/// top of the page names the file and offers the retry).
#[component]
pub fn WithTexts(#[prop(into)] docs: Signal<Vec<usize>>, children: ChildrenFn) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let status = Memo::new(move |_| texts.status(docs.read().iter().copied()));
    move || match status.get() {
        Status::Ready => children().into_any(),
        Status::Loading => view! {
            <p class="notice text-loading" aria-busy="true">"Text wird geladen …"</p>
        }
        .into_any(),
        Status::Failed(_) => view! {
            <p class="notice text-missing">"Der Text ist nicht verfügbar."</p>
        }
        .into_any(),
    }
}
