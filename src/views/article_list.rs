//! The list of articles: all of them newest first, or the search hits with highlighted snippets.

use crate::filters;
use crate::format;
use crate::links::Links;
use crate::texts::{Status, Texts};
use crate::view_state::{Tab, ViewState, MAX_COMPARED};
use crate::views::cooccurrence::Cooccurrence;
use crate::views::facets::{ActiveFilters, Facets};
use crate::views::figures_table::FiguresTable;
use crate::views::marked::marked_text;
use crate::views::overview::Overview;
use leptos::prelude::*;
use quellenlage_engine::listing;
use quellenlage_engine::query::{SearchOptions, Snippet};
use quellenlage_engine::{Document, Snapshot};
use std::collections::HashMap;

/// Characters of main text shown under each title when there is no query.
const PREVIEW_CHARS: usize = 220;
/// Search hits that get snippets: the first screenful.
const SNIPPET_HITS: usize = 20;
/// Rows added when the reader scrolls near the end of the list or asks for more.
const PAGE: usize = 20;
/// Fewest pixels a row takes (a title and one line of preview), to size the first screen.
const MIN_ROW_PX: f64 = 90.0;

/// One row of the list: a document and, for search hits, its snippets.
#[derive(Clone)]
struct Row {
    index: usize,
    doc: &'static Document,
    snippets: Vec<Snippet>,
    /// Whether its text is there (a large corpus's texts arrive in chunks).
    text: Text,
}

/// Where a row's text stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Text {
    Ready,
    Loading,
    Failed,
}

/// Rows are equal if they show the same document with the same snippets. (A derived `==`
/// would compare the documents' whole texts: with 10,000 articles, many megabytes whenever a
/// keystroke leaves the hits as they were.)
impl PartialEq for Row {
    fn eq(&self, other: &Row) -> bool {
        self.index == other.index && self.snippets == other.snippets
    }
}

impl Row {
    /// What a kept row must still show: its article, a hash of its snippets and whether its
    /// text is there.
    fn key(&self) -> (usize, u64, Text) {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.snippets.hash(&mut hasher);
        (self.index, hasher.finish(), self.text)
    }
}

/// Articles newest first, or search hits best first. Live: recomputed as the query changes.
#[component]
pub fn ArticleList(snapshot: &'static Snapshot, state: Memo<ViewState>) -> impl IntoView {
    let texts = expect_context::<&'static Texts>();
    let query = Memo::new(move |_| state.read().query.trim().to_string());
    // Only the rows that fit on the screen are built; more follow as the reader scrolls
    // towards the end of the list (or presses the button below it).
    let first_screen = first_screen_rows();
    let shown = RwSignal::new(first_screen);
    // A new query starts again with the first screen of hits.
    Effect::new(move |_| {
        query.track();
        shown.set(first_screen);
    });
    // The app searches as the reader types, so the last word is always a prefix; the CLI's
    // `search --typing` gives the same answers.
    let results = Memo::new(move |_| {
        let q = query.read();
        if q.is_empty() {
            return None;
        }
        // Ranking only: the snippets follow below, once their texts are there.
        let options = SearchOptions {
            typing: true,
            snippet_hits: 0,
            ..SearchOptions::default()
        };
        Some(snapshot.searcher().search(&q, options))
    });
    // Snippets cost a re-analysis per article: only the first screenful of hits gets them,
    // each as soon as its text is there (an arriving chunk recomputes these, not the search).
    let snippets = Memo::new(move |_| -> HashMap<usize, Vec<Snippet>> {
        let results = results.read();
        let Some(results) = results.as_ref() else {
            return HashMap::new();
        };
        let ready: Vec<usize> = results
            .hits
            .iter()
            .take(SNIPPET_HITS)
            .map(|h| h.doc)
            .filter(|&d| texts.status([d]) == Status::Ready)
            .collect();
        let per_hit = SearchOptions::default().snippets_per_hit;
        snapshot
            .searcher()
            .snippets(&query.read(), true, &ready, per_hit)
    });
    // Search hits (or all articles newest first) under the filters: the engine's listing.
    let listing = Memo::new(move |_| {
        let s = state.read();
        let results = results.read();
        let hits = results.as_ref().map(|r| r.hits.as_slice());
        listing::list(
            snapshot,
            filters::doc_entities(snapshot),
            hits,
            &s.filters(snapshot),
        )
    });
    // The outlet facet counts every outlet's articles under the other filters.
    let any_outlet: Signal<Vec<usize>> =
        Memo::new(move |_| listing.read().any_outlet.clone()).into();
    let rows = Memo::new(move |_| -> Vec<Row> {
        let with_snippets = snippets.read();
        let snippets = |doc: usize| with_snippets.get(&doc).cloned().unwrap_or_default();
        listing
            .read()
            .rows
            .iter()
            .filter_map(|&index| {
                Some(Row {
                    index,
                    doc: snapshot.docs.get(index)?,
                    snippets: snippets(index),
                    text: Text::Ready,
                })
            })
            .collect()
    });
    // Memos: several panels read these, and a read of a derived signal would collect anew.
    let doc_indices: Signal<Vec<usize>> =
        Memo::new(move |_| rows.read().iter().map(|r| r.index).collect()).into();
    let filtered = move || state.read().is_filtered();
    let tab = Memo::new(move |_| state.read().tab);
    let summary = move || {
        let n = rows.read().len();
        let all = snapshot.docs.len();
        let q = query.read();
        match (q.is_empty(), n) {
            (true, _) if !filtered() => format!("{n} Artikel, neueste zuerst"),
            (true, _) => format!("{n} von {all} Artikeln nach Filter"),
            (false, 0) if filtered() => format!("Keine Treffer für „{q}“ mit diesen Filtern"),
            (false, 0) => format!("Keine Treffer für „{q}“"),
            (false, 1) => format!("1 Artikel von {all} passt zu „{q}“"),
            (false, _) => format!("{n} von {all} Artikeln passen zu „{q}“"),
        }
    };
    // Hits per outlet, for the rows actually listed.
    let outlets = move || {
        if query.read().is_empty() && !filtered() {
            return None;
        }
        let counts = filters::outlet_counts(snapshot, &doc_indices.read());
        (!counts.is_empty()).then(|| {
            let parts: Vec<String> = counts
                .iter()
                .map(|(o, n)| format!("{} {n}", o.as_deref().unwrap_or(format::UNKNOWN_OUTLET)))
                .collect();
            view! { <p class="outlet-counts">"Nach Medium: " {parts.join(" · ")}</p> }
        })
    };
    // Articles picked for comparison (2–5); the comparison itself lives in the URL (?cmp=).
    let selected: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let compare_bar = move || {
        let picked = selected.get();
        (!picked.is_empty()).then(|| {
            let ready = picked.len() >= 2;
            let href = state.read().comparing(&picked).href();
            view! {
                <div class="compare-bar" role="region" aria-label="Vergleich">
                    <span>{format!("{} von höchstens {MAX_COMPARED} ausgewählt", picked.len())}</span>
                    {if ready {
                        view! { <a class="button" href=href>"Vergleichen"</a> }.into_any()
                    } else {
                        view! { <span class="hint">"Wählen Sie mindestens zwei Artikel."</span> }.into_any()
                    }}
                    <button type="button" class="linklike" on:click=move |_| selected.set(Vec::new())>"Auswahl leeren"</button>
                </div>
            }
        })
    };
    // Keyed rows: a row that shows the same article with the same snippets as before a
    // keystroke is kept as it is, not built again.
    let visible = move || -> Vec<Row> {
        let text = |doc: usize| match texts.status([doc]) {
            Status::Ready => Text::Ready,
            Status::Loading => Text::Loading,
            Status::Failed(_) => Text::Failed,
        };
        rows.read()
            .iter()
            .take(shown.get())
            .map(|r| Row {
                text: text(r.index),
                ..r.clone()
            })
            .collect()
    };
    // Scrolling within a screen of the list's end shows the next rows.
    let near_end = window_event_listener(leptos::ev::scroll, move |_| {
        let remaining = rows
            .read_untracked()
            .len()
            .saturating_sub(shown.get_untracked());
        if remaining > 0 && screens_below() < 1.5 {
            shown.update(|n| *n += PAGE);
        }
    });
    on_cleanup(move || near_end.remove());
    let more = move || {
        let remaining = rows.read().len().saturating_sub(shown.get());
        (remaining > 0).then(|| {
            view! {
                <button class="more" type="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {format!("Weitere {} von {remaining} Treffern zeigen", remaining.min(PAGE))}
                </button>
            }
        })
    };
    view! {
        <div class="with-facets">
            <section class="results" aria-labelledby="results-heading">
                <h1 id="results-heading" class="results-heading">
                    {move || if query.read().is_empty() && !filtered() { "Alle Artikel" } else { "Treffer" }}
                </h1>
                <p class="results-summary" role="status" aria-live="polite">{summary}</p>
                <ActiveFilters snapshot/>
                {compare_bar}
                {outlets}
                <Tabs state/>
                // The panel is rebuilt when the tab changes, not at every keystroke.
                {move || match tab.get() {
                    Tab::Articles => view! {
                        <div role="tabpanel" aria-labelledby="tab-articles">
                            <ol class="article-list">
                                <For each=visible key=Row::key let:row>
                                    <ArticleItem row selected/>
                                </For>
                            </ol>
                            {more}
                        </div>
                    }.into_any(),
                    Tab::Figures => view! {
                        <div role="tabpanel" aria-labelledby="tab-figures">
                            <FiguresTable snapshot state docs=doc_indices/>
                        </div>
                    }.into_any(),
                    Tab::Network => view! {
                        <div role="tabpanel" aria-labelledby="tab-network">
                            <Cooccurrence snapshot state docs=doc_indices/>
                        </div>
                    }.into_any(),
                    Tab::Overview => view! {
                        <div role="tabpanel" aria-labelledby="tab-overview">
                            <Overview snapshot state docs=doc_indices/>
                        </div>
                    }.into_any(),
                }}
            </section>
            <Facets snapshot state docs=doc_indices any_outlet/>
        </div>
    }
}

#[component]
fn ArticleItem(row: Row, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let doc = row.doc;
    let meta = &doc.meta;
    let links = expect_context::<Links>().view();
    let href = move || links.read().with_doc(Some(&doc.id)).href();
    let title = meta.title.clone().unwrap_or_else(|| match row.text {
        Text::Ready => doc.preview(80),
        _ => doc.id.clone(),
    });
    let body = if row.text == Text::Loading {
        view! { <p class="preview text-loading" aria-busy="true">"Text wird geladen …"</p> }
            .into_any()
    } else if row.text == Text::Failed {
        view! { <p class="preview text-missing">"Text nicht geladen."</p> }.into_any()
    } else if row.snippets.is_empty() {
        view! { <p class="preview">{doc.preview(PREVIEW_CHARS)}</p> }.into_any()
    } else {
        row.snippets
            .iter()
            .map(|s| {
                let marks: Vec<_> = s
                    .highlights
                    .iter()
                    .map(|h| (h.start, h.end, h.kind))
                    .collect();
                view! {
                    <p class="snippet">
                        {s.cut_before.then_some("… ")}
                        {marked_text(&s.text, &marks)}
                        {s.cut_after.then_some(" …")}
                    </p>
                }
            })
            .collect_view()
            .into_any()
    };
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
                <a class="hit-link" href=href>{title}</a>
            </h2>
            {body}
            <label class="compare-pick">
                <input type="checkbox" data-compare-pick=doc.id.clone()
                    prop:checked=move || selected.read().contains(&doc.id)
                    prop:disabled=move || { let s = selected.read(); !s.contains(&doc.id) && s.len() >= MAX_COMPARED }
                    on:change=move |_| selected.update(|s| {
                        match s.iter().position(|x| *x == doc.id) {
                            Some(at) => { s.remove(at); }
                            None if s.len() < MAX_COMPARED => s.push(doc.id.clone()),
                            None => {}
                        }
                    })/>
                " vergleichen"
            </label>
        </li>
    }
}

/// How many rows fill the first screen at the least, with one more screen's worth below.
fn first_screen_rows() -> usize {
    ((2.0 * viewport_height() / MIN_ROW_PX).ceil() as usize).clamp(PAGE, 4 * PAGE)
}

/// How many screens of the page lie below the visible part.
fn screens_below() -> f64 {
    let Some(window) = web_sys::window() else {
        return f64::INFINITY;
    };
    let height = viewport_height().max(1.0);
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let page = window
        .document()
        .and_then(|d| d.document_element())
        .map_or(0.0, |e| f64::from(e.scroll_height()));
    (page - scrolled - height) / height
}

/// The window's height in CSS pixels (a common screen's where it cannot be read).
fn viewport_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(900.0)
}

/// The panel switcher of the list view; each panel is a URL (`?tab=`).
#[component]
fn Tabs(state: Memo<ViewState>) -> impl IntoView {
    let links = expect_context::<Links>().view();
    let tab = move |id: &'static str, label: &'static str, which: Tab| {
        let href = move || links.read().with_tab(which).href();
        let current = move || state.read().tab == which;
        view! {
            <a id=id role="tab" class="tab" href=href
                aria-selected=move || if current() { "true" } else { "false" }
                aria-current=move || current().then_some("page")>{label}</a>
        }
    };
    view! {
        <nav class="tabs" role="tablist" aria-label="Ansicht">
            {tab("tab-articles", "Artikel", Tab::Articles)}
            {tab("tab-figures", "Zahlen", Tab::Figures)}
            {tab("tab-network", "Zusammen genannt", Tab::Network)}
            {tab("tab-overview", "Überblick", Tab::Overview)}
        </nav>
    }
}
