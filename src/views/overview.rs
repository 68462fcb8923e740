//! The corpus overview: which outlet names whom (outlets × most-named entities), and the articles
//! on a month timeline (unknown dates apart); a click on a month filters (`from`/`to`).

use crate::filters;
use crate::format;
use crate::location::Navigator;
use crate::view_state::ViewState;
use leptos::prelude::*;
use quellenlage_engine::{PartialDate, Snapshot};

/// Entities in the outlet matrix.
const TOP: usize = 8;
/// Bar geometry of the timeline, in whole pixels (integer coordinates: the app ships no
/// floating-point formatting).
const BAR: usize = 34;
const HEIGHT: usize = 120;

/// Overview of the documents `docs`.
#[component]
pub fn Overview(
    snapshot: &'static Snapshot,
    state: Memo<ViewState>,
    docs: Signal<Vec<usize>>,
) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let matrix = move || {
        let docs = docs.read();
        let top: Vec<u32> = filters::facet_counts(snapshot, &docs)
            .into_iter()
            .take(TOP)
            .map(|(e, _)| e)
            .collect();
        let mut outlets: Vec<String> = Vec::new();
        for &d in docs.iter() {
            if let Some(doc) = snapshot.docs.get(d) {
                let o = format::outlet(&doc.meta);
                if !outlets.contains(&o) {
                    outlets.push(o);
                }
            }
        }
        let head = top
            .iter()
            .filter_map(|&e| snapshot.entities.get(e as usize))
            .map(|e| view! { <th scope="col">{e.name.clone()}</th> })
            .collect_view();
        // Mentions per (outlet, top entity), from how often each listed article names each.
        let mut counts = vec![vec![0u32; top.len()]; outlets.len()];
        for &d in docs.iter() {
            let (Some(doc), Some(named)) = (snapshot.docs.get(d), snapshot.named.get(d)) else {
                continue;
            };
            let o = format::outlet(&doc.meta);
            let Some(row) = outlets.iter().position(|x| *x == o) else {
                continue;
            };
            for &(e, n) in named {
                if let Some(col) = top.iter().position(|&t| t == e) {
                    counts[row][col] += n;
                }
            }
        }
        let rows = outlets
            .into_iter()
            .zip(counts)
            .map(|(outlet, row)| {
                let cells = row
                    .into_iter()
                    .map(|n| {
                        view! { <td class:none=n == 0>{if n == 0 { "–".to_string() } else { n.to_string() }}</td> }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{outlet}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label="Nennungen je Medium">
                <table class="compare-table outlet-matrix">
                    <caption class="panel-note">"Nennungen je Medium"</caption>
                    <thead><tr><th scope="col">"Medium"</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    let timeline = move || {
        let docs = docs.read();
        let dates: Vec<Option<PartialDate>> = docs
            .iter()
            .filter_map(|&d| snapshot.docs.get(d))
            .map(|d| d.meta.date)
            .collect();
        let known: Vec<(u16, u8)> = dates
            .iter()
            .flatten()
            .filter(|d| d.month != 0)
            .map(|d| (d.year, d.month))
            .collect();
        let unknown = dates.len() - known.len();
        let (Some(&first), Some(&last)) = (known.iter().min(), known.iter().max()) else {
            return view! { <p class="panel-note">"Keine Artikel mit Monatsangabe."</p> }
                .into_any();
        };
        let mut months: Vec<(u16, u8)> = Vec::new();
        let mut m = first;
        while m <= last && months.len() < 240 {
            months.push(m);
            m = if m.1 == 12 {
                (m.0 + 1, 1)
            } else {
                (m.0, m.1 + 1)
            };
        }
        let max = months
            .iter()
            .map(|mm| known.iter().filter(|k| *k == mm).count())
            .max()
            .unwrap_or(1)
            .max(1);
        let width = BAR * (months.len() + 2);
        let bars = months
            .iter()
            .enumerate()
            .map(|(i, &(year, month))| {
                let count = known.iter().filter(|k| **k == (year, month)).count();
                let h = if count == 0 { 0 } else { 8 + (HEIGHT - 30) * count / max };
                let x = BAR * i;
                let date = PartialDate { year, month, day: 0 };
                let next = state.read().with_months(Some(date), Some(date));
                let label = format!("{}: {count} Artikel – nach diesem Monat filtern", format::date(date));
                let go = {
                    let next = next.clone();
                    move || navigator.go(&next, false)
                };
                let go_key = go.clone();
                let aria = label.clone();
                let tick = (month == 1 || i == 0).then(|| view! {
                    <text x=x + 2 y=HEIGHT + 14 class="year">{year.to_string()}</text>
                });
                view! {
                    <g class="month" class:empty=count == 0 data-month=date.to_string()
                        tabindex=if count == 0 { "-1" } else { "0" } role="link" aria-label=aria
                        on:click=move |_| go()
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { go_key() }>
                        <title>{label}</title>
                        <rect x=x + 3 y=HEIGHT - h width=BAR - 6 height=h.max(2)/>
                        {(count > 0).then(|| view! { <text x=x + BAR / 2 y=HEIGHT - h - 4 text-anchor="middle">{count.to_string()}</text> })}
                    </g>
                    {tick}
                }
            })
            .collect_view();
        let unknown_bar = (unknown > 0).then(|| {
            let x = BAR * (months.len() + 1);
            let h = 8 + (HEIGHT - 30) * unknown / max.max(unknown);
            view! {
                <g class="month unknown">
                    <title>{format!("ohne Datum: {unknown} Artikel")}</title>
                    <rect x=x + 3 y=HEIGHT - h width=BAR - 6 height=h/>
                    <text x=x + BAR / 2 y=HEIGHT + 14 text-anchor="middle">"?"</text>
                </g>
            }
        });
        view! {
            <svg class="timeline" viewBox=format!("0 0 {width} {}", HEIGHT + 20) width=width role="group" aria-label="Artikel je Monat">
                {bars}
                {unknown_bar}
            </svg>
        }
        .into_any()
    };
    view! {
        <section class="overview-panel" aria-labelledby="overview-heading">
            <h2 id="overview-heading" class="panel-heading">"Wer nennt wen?"</h2>
            {matrix}
            <h2 class="panel-heading">"Artikel je Monat"</h2>
            <p class="panel-note">"Ein Klick auf einen Monat zeigt nur dessen Artikel; Artikel ohne Datum stehen rechts apart."</p>
            <div class="svg-scroll">{timeline}</div>
        </section>
    }
}
