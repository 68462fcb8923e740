//! The list of articles (all of them, or those containing the query).

use crate::format;
use crate::view_state::ViewState;
use leptos::prelude::*;
use quellenlage_engine::{Document, Snapshot};

/// Characters of main text shown under each title.
const PREVIEW_CHARS: usize = 220;

/// Articles newest first; with a query, only those whose main text contains it.
#[component]
pub fn ArticleList(snapshot: &'static Snapshot, state: Memo<ViewState>) -> impl IntoView {
    let query = Memo::new(move |_| state.read().query.trim().to_string());
    let docs = Memo::new(move |_| {
        let needle = query.read().to_lowercase();
        let mut docs: Vec<&'static Document> = snapshot
            .docs
            .iter()
            .filter(|d| needle.is_empty() || contains_in_main_text(d, &needle))
            .collect();
        docs.sort_by(|a, b| b.meta.date.cmp(&a.meta.date).then(a.id.cmp(&b.id)));
        docs
    });
    let summary = move || {
        let n = docs.read().len();
        let q = query.read();
        if q.is_empty() {
            format!("{n} Artikel, neueste zuerst")
        } else {
            format!("{n} von {} Artikeln enthalten „{q}“", snapshot.docs.len())
        }
    };
    view! {
        <section class="results" aria-labelledby="results-heading">
            <h1 id="results-heading" class="results-heading">
                {move || if query.read().is_empty() { "Alle Artikel" } else { "Treffer" }}
            </h1>
            <p class="results-summary" role="status" aria-live="polite">{summary}</p>
            <ol class="article-list">
                <For
                    each=move || docs.get()
                    key=|doc| doc.id.clone()
                    children=move |doc| view! { <ArticleItem doc state/> }
                />
            </ol>
        </section>
    }
}

/// Case-insensitive substring search over main text only (boilerplate never matches).
fn contains_in_main_text(doc: &Document, needle_lower: &str) -> bool {
    doc.main_blocks()
        .any(|b| doc.block_text(b).to_lowercase().contains(needle_lower))
}

#[component]
fn ArticleItem(doc: &'static Document, state: Memo<ViewState>) -> impl IntoView {
    let meta = &doc.meta;
    let href = move || state.read().with_doc(Some(&doc.id)).to_query_string();
    let title = meta.title.clone().unwrap_or_else(|| doc.preview(80));
    view! {
        <li class="article-item" data-hit=doc.id.clone()>
            <p class="kicker">
                <span class="outlet">{format::outlet(meta)}</span>
                <span class="sep" aria-hidden="true">" · "</span>
                <span class="date">{format::date_or_unknown(meta)}</span>
                {meta.place.clone().map(|p| view! {
                    <span class="sep" aria-hidden="true">" · "</span>
                    <span class="place">{p}</span>
                })}
            </p>
            <h2 class="article-title">
                <a href=href>{title}</a>
            </h2>
            <p class="preview">{doc.preview(PREVIEW_CHARS)}</p>
        </li>
    }
}
