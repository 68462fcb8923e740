//! The entity facets: people, places and organisations of the listed articles with counts;
//! a click includes, the second control excludes (several combine with AND).

use crate::filters;
use crate::links::Links;
use crate::view_state::{outlet_slug, ViewState};
use leptos::prelude::*;
use quellenlage_engine::entities::EntityKind;
use quellenlage_engine::{facets, Snapshot};

/// Entities shown per kind before "alle zeigen".
const TOP: usize = 12;

/// Facet sidebar for the documents currently listed (counts follow query and filters).
#[component]
pub fn Facets(
    snapshot: &'static Snapshot,
    state: Memo<ViewState>,
    docs: Signal<Vec<usize>>,
    any_outlet: Signal<Vec<usize>>,
) -> impl IntoView {
    let counts = Memo::new(move |_| filters::facet_counts(snapshot, &docs.read()));
    let groups = move || {
        [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Organisation,
        ]
        .map(|kind| view! { <FacetGroup snapshot state counts kind/> })
    };
    // Nothing listed and nothing to undo: no panel, rather than a heading over nothing.
    let anything = move || {
        let s = state.read();
        !counts.read().is_empty()
            || !any_outlet.read().is_empty()
            || !s.exclude.is_empty()
            || !s.sources.is_empty()
    };
    view! {
        <Show when=anything>
            <aside class="facets" aria-label="Filter nach Personen, Orten und Organisationen">
                <details class="facets-fold" open=wide_screen()>
                    <summary><h2 class="facets-heading">"Genannt in diesen Artikeln"</h2></summary>
                    <OutletGroup snapshot state docs=any_outlet/>
                    {groups()}
                </details>
            </aside>
        </Show>
    }
}

#[component]
fn FacetGroup(
    snapshot: &'static Snapshot,
    state: Memo<ViewState>,
    counts: Memo<Vec<(u32, usize)>>,
    kind: EntityKind,
) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let entries = Memo::new(move |_| {
        let excluded = filters::resolve(snapshot, &state.read().exclude);
        facets::of_kind(snapshot, &counts.read(), kind, &excluded)
    });
    let total = move || entries.read().len();
    // Keyed items: an entity whose count a keystroke left as it was keeps its item.
    let items = move || {
        let limit = if expanded.get() { usize::MAX } else { TOP };
        entries
            .read()
            .iter()
            .take(limit)
            .copied()
            .collect::<Vec<_>>()
    };
    let more = move || {
        (total() > TOP && !expanded.get()).then(|| {
            view! {
                <button type="button" class="facet-more" on:click=move |_| expanded.set(true)>
                    {format!("alle {} zeigen", total())}
                </button>
            }
        })
    };
    view! {
        <Show when=move || { total() > 0 }>
            <section class=format!("facet-group facet-{}", kind_class(kind))>
                <h3>{kind.plural()}</h3>
                <ul>
                    <For each=items key=|entry| *entry let((entity, count))>
                        <FacetItem snapshot entity count/>
                    </For>
                </ul>
                {more}
            </section>
        </Show>
    }
}

/// The outlets of the listed articles (counted under every filter but the outlet filter
/// itself); a click adds or removes an outlet, several show articles from any of them.
#[component]
fn OutletGroup(
    snapshot: &'static Snapshot,
    state: Memo<ViewState>,
    docs: Signal<Vec<usize>>,
) -> impl IntoView {
    let counts = Memo::new(move |_| filters::outlet_counts(snapshot, &docs.read()));
    let links = expect_context::<Links>().view();
    // Outlets are few: their items are built again when the counts change.
    let items = move || {
        counts
            .get()
            .into_iter()
            // An unknown outlet cannot be filtered by.
            .filter_map(|(name, count)| Some((name?, count)))
            .map(|(name, count)| {
                let slug = outlet_slug(&name);
                let (slug_on, slug_href) = (slug.clone(), slug.clone());
                let on = Memo::new(move |_| links.read().sources.contains(&slug_on));
                let href = move || links.read().toggled_source(&slug_href).href();
                view! {
                    <li class="facet facet-outlet" class:included=on data-outlet=slug>
                        <a class="facet-include" href=href
                            aria-current=move || on.get().then_some("true")
                            title=move || if on.get() { "Filter entfernen" } else { "Nur Artikel dieses Mediums" }>
                            <span class="facet-name">{name}</span>
                            <span class="facet-count">{count}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || { counts.read().len() > 1 || !state.read().sources.is_empty() }>
            <section class="facet-group facet-outlets">
                <h3>"Medien"</h3>
                <ul>{items}</ul>
            </section>
        </Show>
    }
}

/// Whether the facets start unfolded: beside the list on wide screens; on a phone they sit
/// above it, folded, so the articles come first.
fn wide_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 960.0)
}

/// CSS class suffix per kind (the kinds also differ by underline style, not only colour).
pub fn kind_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organisation => "organisation",
    }
}

#[component]
fn FacetItem(snapshot: &'static Snapshot, entity: u32, count: usize) -> impl IntoView {
    let Some(e) = snapshot.entities.get(entity as usize) else {
        return ().into_any();
    };
    let id = e.id.clone();
    let (id_in, id_ex, id_page, id_attr) = (id.clone(), id.clone(), id.clone(), id.clone());
    // Filters reach the links at once; only a new query waits for a pause in typing.
    let links = expect_context::<Links>().view();
    let included = Memo::new(move |_| links.read().include.contains(&id));
    let excluded = {
        let id = id_ex.clone();
        Memo::new(move |_| links.read().exclude.contains(&id))
    };
    let include_href = move || links.read().toggled(&id_in, true).href();
    let exclude_href = move || links.read().toggled(&id_ex, false).href();
    let page_href = move || links.read().with_entity(Some(&id_page)).href();
    let name = e.name.clone();
    let name_ex = name.clone();
    let discovered = (e.source == quellenlage_engine::entities::EntitySource::Discovered)
        .then(|| view! { <span class="discovered" title="automatisch entdeckt, nicht im Verzeichnis">"*"</span> });

    view! {
        <li
            class="facet"
            class:included=included
            class:excluded=excluded
            data-entity=id_attr
        >
            <a class="facet-include" href=include_href aria-current=move || included.get().then_some("true")
                title=move || if included.get() { "Filter entfernen" } else { "Nur Artikel, die das nennen" }>
                <span class="facet-name">{name}</span>{discovered}
                <span class="facet-count">{count}</span>
            </a>
            <a class="facet-exclude" href=exclude_href
                aria-label=move || if excluded.get() { format!("{name_ex} nicht mehr ausschließen") } else { format!("{name_ex} ausschließen") }
                title=move || if excluded.get() { "nicht mehr ausschließen" } else { "Artikel ausschließen, die das nennen" }>
                {move || if excluded.get() { "↺" } else { "−" }}
            </a>
            <a class="facet-page" href=page_href aria-label=format!("Seite zu {}", e.name) title="Alle Nennungen">"›"</a>
        </li>
    }
    .into_any()
}

/// The active entity filters as removable chips above the list.
#[component]
pub fn ActiveFilters(snapshot: &'static Snapshot) -> impl IntoView {
    // The chips are links: built from the links' view, they change with the filters only.
    let links = expect_context::<Links>().view();
    let chips = move || {
        let s = links.read();
        let mut out = Vec::new();
        for (ids, include) in [(&s.include, true), (&s.exclude, false)] {
            for id in ids {
                let Some(e) = snapshot
                    .entity_index(id)
                    .and_then(|i| snapshot.entities.get(i))
                else {
                    continue;
                };
                let href = s.toggled(id, include).href();
                let label = if include {
                    e.name.clone()
                } else {
                    format!("ohne {}", e.name)
                };
                out.push(view! {
                    <li class="chip" class:chip-excluded=!include>
                        <a href=href aria-label=format!("Filter {label} entfernen")>{label.clone()}" ×"</a>
                    </li>
                }.into_any());
            }
        }
        for slug in &s.sources {
            let label = snapshot
                .docs
                .iter()
                .filter_map(|d| d.meta.outlet.as_deref())
                .find(|o| outlet_slug(o) == *slug)
                .unwrap_or(slug)
                .to_string();
            let href = s.toggled_source(slug).href();
            out.push(view! {
                <li class="chip chip-outlet">
                    <a href=href aria-label=format!("Filter {label} entfernen")>{label.clone()}" ×"</a>
                </li>
            }.into_any());
        }
        out
    };
    let months = move || {
        let s = links.read();
        if s.from.is_none() && s.to.is_none() {
            return None;
        }
        let label = match (s.from, s.to) {
            (Some(f), Some(t)) if f == t => crate::format::date(f),
            (f, t) => format!(
                "{} – {}",
                f.map(crate::format::date).unwrap_or_default(),
                t.map(crate::format::date).unwrap_or_default()
            ),
        };
        let href = s.with_months(None, None).href();
        Some(view! {
            <li class="chip chip-date">
                <a href=href aria-label=format!("Zeitraum {label} entfernen")>{label.clone()}" ×"</a>
            </li>
        })
    };
    view! {
        <Show when=move || !chips().is_empty() || links.read().from.is_some() || links.read().to.is_some()>
            <ul class="chips" aria-label="Aktive Filter">{chips}{months}</ul>
        </Show>
    }
}
