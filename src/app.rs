//! The app shell: loads the corpus, derives the view state from the URL, and picks the view.

use crate::corpus;
use crate::location::Navigator;
use crate::texts::Texts;
use crate::view_state::ViewState;
use crate::views::comparison::ComparisonView;
use crate::views::{
    article_list::ArticleList, article_view::ArticleView, entity_page::EntityPage,
    masthead::Masthead,
};
use leptos::prelude::*;
use quellenlage_engine::manifest::TextFiles;
use quellenlage_engine::Snapshot;

/// Root component: loads the corpus once, then shows the app; while it loads, the page's own
/// loading message stays; a corpus that cannot be loaded shows which file and why, with a
/// retry, never a blank page.
#[component]
pub fn App() -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let loaded = LocalResource::new(move || {
        attempt.track();
        corpus::load()
    });
    move || match loaded.get() {
        None => ().into_any(),
        Some(Ok(loaded)) => {
            remove_boot_placeholder();
            view! { <Shell snapshot=loaded.snapshot texts=loaded.texts/> }.into_any()
        }
        Some(Err(e)) => {
            remove_boot_placeholder();
            view! {
                <div id="app" class="app" data-load-error="">
                    <main class="fatal" role="alert">
                        <h1>"Quellenlage"</h1>
                        <p>"Die Artikelsammlung konnte nicht geladen werden."</p>
                        <p class="fatal-detail">{e.to_string()}</p>
                        <button type="button" class="share-button retry" on:click=move |_| attempt.update(|n| *n += 1)>
                            "Erneut versuchen"
                        </button>
                    </main>
                </div>
            }
            .into_any()
        }
    }
}

/// The text chunks that could not be loaded, named, with a retry; nothing while all is well.
#[component]
fn TextFailures(texts: &'static Texts) -> impl IntoView {
    move || {
        let failed = texts.failures();
        let first = failed.first()?.to_string();
        let more = match failed.len() {
            1 => String::new(),
            n => format!(" (und {} weitere Dateien)", n - 1),
        };
        Some(view! {
            <div class="notice text-failures" role="alert" data-text-error="">
                <p>"Einige Artikeltexte konnten nicht geladen werden: " {first} {more}</p>
                <button type="button" class="share-button retry" on:click=move |_| texts.retry()>
                    "Erneut versuchen"
                </button>
            </div>
        })
    }
}

/// Removes the static "loading" message of `index.html` once the app runs.
fn remove_boot_placeholder() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

#[component]
fn Shell(snapshot: &'static Snapshot, texts: Option<TextFiles>) -> impl IntoView {
    let texts = Texts::new(snapshot, texts);
    provide_context(texts);
    let navigator = Navigator::install();
    let search = navigator.search();
    // The one derivation of the view from the URL; components receive what they show.
    let state = Memo::new(move |_| ViewState::from_query_string(&search.read()));
    provide_context(navigator);
    provide_context(crate::links::Links::install(state));
    crate::keyboard::install(state, navigator);

    // The address bar always shows the canonical form of the view: parameters the app does not
    // know, or cannot use, are dropped without a history entry.
    Effect::new(move |_| {
        search.track();
        crate::share::canonicalize_address(&state.get_untracked());
    });

    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        ready.set(true);
        // A User Timing mark, so time-to-ready can be measured in any browser's tools.
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("quellenlage-ready");
        }
    });

    let open_doc = Memo::new(move |_| {
        state
            .read()
            .doc
            .as_deref()
            .and_then(|id| snapshot.doc(id))
            .map(|d| d.id.clone())
    });
    let open_entity = Memo::new(move |_| {
        state
            .read()
            .entity
            .as_deref()
            .and_then(|id| snapshot.entity_index(id))
    });
    // Compared articles that exist (unknown ids are ignored).
    let compared = Memo::new(move |_| {
        state
            .read()
            .compare
            .iter()
            .filter_map(|id| snapshot.doc_index(id))
            .collect::<Vec<usize>>()
    });
    let missing_doc = move || {
        let s = state.read();
        (s.doc.is_some() && open_doc.read().is_none())
            || (s.entity.is_some() && open_entity.read().is_none())
    };

    view! {
        <div id="app" class="app" data-ready=move || ready.get().then_some("")>
            <a class="skip-link" href="#inhalt">"Zum Inhalt springen"</a>
            <Masthead state/>
            <main id="inhalt" tabindex="-1">
                <TextFailures texts/>
                <Show when=missing_doc>
                    <p class="notice" role="alert">
                        "Diesen Artikel oder Eintrag gibt es in der Sammlung nicht. Hier ist die Liste."
                    </p>
                </Show>
                {move || match (open_doc.get(), open_entity.get(), compared.get()) {
                    (Some(id), _, _) => view! { <ArticleView snapshot id state/> }.into_any(),
                    (None, Some(entity), _) => view! { <EntityPage snapshot entity state/> }.into_any(),
                    (None, None, docs) if docs.len() >= 2 => view! { <ComparisonView snapshot state docs/> }.into_any(),
                    _ => view! { <ArticleList snapshot state/> }.into_any(),
                }}
            </main>
            <footer class="site-footer">
                <p>
                    "Quellenlage · " {snapshot.docs.len()} " Artikel · läuft vollständig in Ihrem Browser, ohne Server."
                </p>
            </footer>
        </div>
    }
}
