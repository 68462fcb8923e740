//! Which entities the listed articles name together: an SVG matrix of the most-named entities,
//! each cell's circle sized by the number of articles naming both; a click on a name filters.

use crate::filters;
use crate::format;
use crate::location::Navigator;
use crate::view_state::ViewState;
use crate::views::facets::kind_class;
use leptos::prelude::*;
use quellenlage_engine::Snapshot;

/// Entities shown (the most-named in the listed articles).
const SIZE: usize = 12;
/// Pixel size of one cell (coordinates are whole pixels: the app ships no floating-point
/// formatting).
const CELL: usize = 30;
/// Room for the labels.
const LABEL: usize = 170;
/// Baseline of a label inside its cell's row or column.
const BASELINE: usize = 19;

/// The co-occurrence matrix of the documents `docs`.
#[component]
pub fn Cooccurrence(
    snapshot: &'static Snapshot,
    state: Memo<ViewState>,
    docs: Signal<Vec<usize>>,
) -> impl IntoView {
    let data = Memo::new(move |_| {
        let docs = docs.read();
        let top: Vec<(u32, usize)> = filters::facet_counts(snapshot, &docs)
            .into_iter()
            .take(SIZE)
            .collect();
        let per_doc = filters::doc_entities(snapshot);
        let n = top.len();
        let mut matrix = vec![vec![0usize; n]; n];
        for &d in docs.iter() {
            let named = per_doc.of(d);
            for i in 0..n {
                if named.binary_search(&top[i].0).is_err() {
                    continue;
                }
                for j in 0..n {
                    if named.binary_search(&top[j].0).is_ok() {
                        matrix[i][j] += 1;
                    }
                }
            }
        }
        (top, matrix)
    });
    let navigator = expect_context::<Navigator>();
    let svg = move || {
        let (top, matrix) = data.get();
        let n = top.len();
        let max = matrix.iter().flatten().copied().max().unwrap_or(1).max(1) as f64;
        let side = LABEL + CELL * n + 10;
        let labels = top
            .iter()
            .enumerate()
            .filter_map(|(i, (e, count))| {
                let entity = snapshot.entities.get(*e as usize)?;
                let next = state.read().toggled(&entity.id, true);
                let y = LABEL + CELL * i + BASELINE;
                let x = LABEL + CELL * i + BASELINE;
                let class = format!("label kind-{}", kind_class(entity.kind));
                let title = format!("{} ({} Artikel) – danach filtern", entity.name, count);
                // SVG text as a keyboard-usable link: a click or Enter filters by the entity.
                let go = {
                    let next = next.clone();
                    move || navigator.go(&next, false)
                };
                let go_key = go.clone();
                Some(view! {
                    <text x=LABEL - 6 y=y text-anchor="end" class=class.clone() data-filter=entity.id.clone()
                        tabindex="0" role="link" aria-label=title.clone()
                        on:click=move |_| go()
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { go_key() }>
                        <title>{title.clone()}</title>
                        {entity.name.clone()}
                    </text>
                    <text x=x y=LABEL - 6 text-anchor="start" class=class aria-hidden="true"
                        transform=format!("rotate(-55 {x} {})", LABEL - 6)>
                        {entity.name.clone()}
                    </text>
                })
            })
            .collect_view();
        let cells = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .filter_map(|(i, j)| {
                let c = matrix[i][j];
                if c == 0 {
                    return None;
                }
                let name = |k: usize| {
                    snapshot
                        .entities
                        .get(top[k].0 as usize)
                        .map(|e| e.name.clone())
                        .unwrap_or_default()
                };
                let r = format::decimal(3.0 + (CELL / 2 - 4) as f64 * (c as f64 / max).sqrt(), 1);
                let title = if i == j {
                    format!("{}: {c} Artikel", name(i))
                } else {
                    format!("{} und {}: {c} Artikel", name(i), name(j))
                };
                Some(view! {
                    <circle class=if i == j { "diag" } else { "pair" }
                        cx=LABEL + CELL * j + CELL / 2
                        cy=LABEL + CELL * i + CELL / 2
                        r=r>
                        <title>{title}</title>
                    </circle>
                })
            })
            .collect_view();
        let grid = (0..=n)
            .map(|k| {
                let p = LABEL + CELL * k;
                let end = LABEL + CELL * n;
                view! {
                    <line x1=LABEL y1=p x2=end y2=p class="grid"/>
                    <line x1=p y1=LABEL x2=p y2=end class="grid"/>
                }
            })
            .collect_view();
        view! {
            <svg class="cooccurrence" viewBox=format!("0 0 {side} {side}") width=side role="group"
                aria-labelledby="cooc-heading cooc-desc">
                {grid}
                {cells}
                {labels}
            </svg>
        }
    };
    view! {
        <section class="network-panel" aria-labelledby="cooc-heading">
            <h2 id="cooc-heading" class="panel-heading">"Wer wird zusammen genannt?"</h2>
            <p id="cooc-desc" class="panel-note">
                "Die meistgenannten Personen, Orte und Organisationen der gezeigten Artikel. Je größer der Kreis, desto mehr Artikel nennen beide. Ein Klick auf einen Namen filtert danach."
            </p>
            <div class="svg-scroll">{svg}</div>
        </section>
    }
}
