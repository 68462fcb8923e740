//! Side-by-side comparison of 2–5 articles: figures and entities tables, then one column per
//! article with aligned sentences linked (hover or focus one, its counterparts light up) and
//! sentences no other article reports marked "nur hier". On a phone the columns become tabs.

use crate::format;
use crate::view_state::{encode_component, ViewState};
use crate::views::text_gate::WithTexts;
use leptos::prelude::*;
use quellenlage_engine::compare::{attribution, compare, Comparison, SentenceRef};
use quellenlage_engine::Snapshot;

/// The figures rows as CSV (one column per article).
fn figures_csv(snapshot: &Snapshot, c: &Comparison) -> String {
    let field = |v: &str| {
        if v.contains([',', '"', '\n']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v.to_string()
        }
    };
    let ids: Vec<String> = c
        .docs
        .iter()
        .map(|&d| {
            snapshot
                .docs
                .get(d as usize)
                .map(|x| x.id.clone())
                .unwrap_or_default()
        })
        .collect();
    let mut out = String::from("label,differ,relative_difference");
    for id in &ids {
        out.push_str(&format!(",{id},{id} attribution"));
    }
    out.push('\n');
    for row in &c.figures {
        let mut line = vec![
            field(&row.label),
            row.differ.to_string(),
            row.relative_difference
                .map(|d| format::decimal(d, 4))
                .unwrap_or_default(),
        ];
        for (values, attribution) in row.values.iter().zip(&row.attribution) {
            let v: Vec<String> = values.iter().map(|x| format::decimal(x.value, 6)).collect();
            line.push(field(&v.join(" ")));
            line.push(field(attribution.as_deref().unwrap_or_default()));
        }
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// Scrolls the column of each sentence (by element id) so the sentence is in its middle.
fn scroll_counterparts(ids: &[String]) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for id in ids {
        let Some(sentence) = document
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let Some(column) = sentence
            .closest(".compare-text")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let top =
            sentence.get_bounding_client_rect().top() - column.get_bounding_client_rect().top();
        let target = column.scroll_top() as f64 + top - column.client_height() as f64 / 2.0;
        column.set_scroll_top(target.max(0.0) as i32);
    }
}

/// The comparison of the documents named in `state.compare`.
#[component]
pub fn ComparisonView(
    snapshot: &'static Snapshot,
    state: Memo<ViewState>,
    docs: Vec<usize>,
) -> impl IntoView {
    view! {
        <WithTexts docs=docs.clone()>
            <Compared snapshot state docs=docs.clone()/>
        </WithTexts>
    }
}

/// The comparison of `docs`, whose texts are there.
#[component]
fn Compared(
    snapshot: &'static Snapshot,
    state: Memo<ViewState>,
    docs: Vec<usize>,
) -> impl IntoView {
    let c = compare(snapshot, &docs);
    let n = c.docs.len();
    let doc_indices = c.docs.clone();
    let doc = move |i: usize| {
        doc_indices
            .get(i)
            .and_then(|&d| snapshot.docs.get(d as usize))
    };
    // The focused sentence, else the hovered one: its counterparts are highlighted. Focus wins,
    // because focusing scrolls the page and a resting pointer then "hovers" some other sentence.
    let focused: RwSignal<Option<SentenceRef>> = RwSignal::new(None);
    let hovered: RwSignal<Option<SentenceRef>> = RwSignal::new(None);
    let active = Memo::new(move |_| focused.get().or(hovered.get()));
    // On a phone one column is shown at a time.
    let column = RwSignal::new(0usize);
    let alignment = StoredValue::new(c.alignment.clone());
    let is_counterpart = move |s: &SentenceRef| {
        active.get().is_some_and(|a| {
            alignment.with_value(|pairs| {
                pairs
                    .iter()
                    .any(|p| (p.a == a && p.b == *s) || (p.b == a && p.a == *s))
            })
        })
    };

    // Bring each counterpart into view inside its own column (the columns scroll on their own,
    // so the sentence the reader is on stays where it is).
    Effect::new(move |_| {
        let Some(a) = active.get() else { return };
        let ids: Vec<String> = alignment.with_value(|pairs| {
            pairs
                .iter()
                .filter_map(|p| {
                    if p.a == a {
                        Some(p.b)
                    } else if p.b == a {
                        Some(p.a)
                    } else {
                        None
                    }
                })
                .map(|s| format!("s-{}-{}", s.doc, s.sentence))
                .collect()
        });
        scroll_counterparts(&ids);
    });

    let header_cells = || {
        (0..n)
            .filter_map(|i| {
                let d = doc(i)?;
                Some(view! { <th scope="col">{format::outlet(&d.meta)}<br/><span class="date">{format::date_or_unknown(&d.meta)}</span></th> })
            })
            .collect_view()
    };
    let figure_rows = c
        .figures
        .iter()
        .filter(|r| r.values.iter().filter(|v| !v.is_empty()).count() >= 2 || n == 1)
        .map(|r| {
            let cells = r
                .values
                .iter()
                .zip(&r.attribution)
                .enumerate()
                .map(|(i, (values, attribution))| {
                    let shown = r.shown(i).map(|v| match v.value_max {
                        Some(max) => format!("{}–{}", format::number(v.value), format::number(max)),
                        None => format!("{}{}", if v.approx { "≈ " } else { "" }, format::number(v.value)),
                    });
                    let sentences: Vec<String> = values.iter().map(|v| v.sentence.clone()).collect();
                    view! {
                        <td title=sentences.join("\n\n")>
                            <span class="value">{shown.unwrap_or_else(|| "–".to_string())}</span>
                            {attribution.as_deref().map(|a| view! { <span class="attribution">{attribution::label(a)}</span> })}
                        </td>
                    }
                })
                .collect_view();
            let flag = match (r.differ, r.relative_difference) {
                (true, Some(d)) => format!("weicht ab: {:+} %", format::percent(d)),
                (true, None) => "weicht ab".to_string(),
                _ => "gleich".to_string(),
            };
            view! {
                <tr class:differ=r.differ>
                    <th scope="row">{r.label.clone()}</th>
                    {cells}
                    <td class="flag">{flag}</td>
                </tr>
            }
        })
        .collect_view();
    let entity_rows = c
        .entities
        .iter()
        .take(15)
        .filter_map(|r| {
            let e = snapshot.entities.get(r.entity as usize)?;
            let href = state.get_untracked().with_entity(Some(&e.id)).href();
            let cells = r
                .counts
                .iter()
                .map(|&k| view! { <td class:none=k == 0>{if k == 0 { "–".to_string() } else { k.to_string() }}</td> })
                .collect_view();
            Some(view! { <tr><th scope="row"><a href=href>{e.name.clone()}</a></th>{cells}</tr> })
        })
        .collect_view();
    let csv = format!(
        "data:text/csv;charset=utf-8,{}",
        encode_component(&figures_csv(snapshot, &c))
    );
    let tabs = (0..n)
        .filter_map(|i| {
            let d = doc(i)?;
            Some(view! {
                <button type="button" role="tab" class="column-tab"
                    aria-selected=move || if column.get() == i { "true" } else { "false" }
                    on:click=move |_| column.set(i)>{format::outlet(&d.meta)}</button>
            })
        })
        .collect_view();
    let columns = (0..n)
        .filter_map(|i| {
            let d = doc(i)?;
            let sentences = c.sentences.get(i)?.clone();
            let shared = c.shared.get(i).copied().unwrap_or(0.0);
            let items = sentences
                .into_iter()
                .map(|s| {
                    let text = d.text.get(s.start as usize..s.end as usize).unwrap_or_default().to_string();
                    let alone = !c.has_counterpart(i, s.sentence);
                    let id = format!("s-{}-{}", s.doc, s.sentence);
                    view! {
                        <span id=id class="sentence" class:only-here=alone
                            class:active=move || active.get() == Some(s)
                            class:counterpart=move || is_counterpart(&s)
                            tabindex=if alone { "-1" } else { "0" }
                            on:mouseenter=move |_| hovered.set(Some(s))
                            on:mouseleave=move |_| hovered.set(None)
                            on:focus=move |_| focused.set(Some(s))
                            on:blur=move |_| focused.set(None)>
                            {text}
                            {alone.then(|| view! { <span class="only-label">" nur hier"</span> })}
                        </span>
                        " "
                    }
                })
                .collect_view();
            let href = state.get_untracked().with_doc(Some(&d.id)).href();
            Some(view! {
                <article class="compare-column" data-compare=d.id.clone() class:shown=move || column.get() == i>
                    <header>
                        <p class="kicker"><span class="outlet">{format::outlet(&d.meta)}</span>" · "{format::date_or_unknown(&d.meta)}</p>
                        <h2><a href=href>{d.meta.title.clone().unwrap_or_else(|| d.preview(60))}</a></h2>
                        {d.meta.author_line().map(|a| view! { <p class="byline">"Von " {a}</p> })}
                        <p class="share">{format!("{} % der Sätze berichtet auch ein anderer Artikel", format::percent(f64::from(shared)))}</p>
                    </header>
                    <p class="compare-text">{items}</p>
                </article>
            })
        })
        .collect_view();
    let back = move || state.read().comparing(&[]).href();
    view! {
        <section class="comparison" aria-labelledby="compare-title">
            <nav class="reader-nav" aria-label="Zurück"><a href=back>"← Zurück zur Liste"</a></nav>
            <h1 id="compare-title">{format!("Vergleich von {n} Artikeln")}</h1>
            <p class="panel-actions">
                <a href=csv download="quellenlage-vergleich.csv">"Zahlen als CSV"</a>" · "
                <button type="button" class="linklike" on:click=|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Drucken"</button>
            </p>
            <h2 class="panel-heading">"Zahlen im Vergleich"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Zahlen im Vergleich">
                <table class="compare-table">
                    <thead><tr><th scope="col">"Gezählt"</th>{header_cells()}<th scope="col">"Befund"</th></tr></thead>
                    <tbody>{figure_rows}</tbody>
                </table>
            </div>
            <h2 class="panel-heading">"Wer wird genannt?"</h2>
            <div class="table-scroll">
                <table class="compare-table entities">
                    <thead><tr><th scope="col">"Person, Ort, Organisation"</th>{header_cells()}</tr></thead>
                    <tbody>{entity_rows}</tbody>
                </table>
            </div>
            <h2 class="panel-heading">"Die Texte nebeneinander"</h2>
            <p class="panel-note">"Fahren Sie über einen Satz oder wählen Sie ihn mit der Tab-Taste: Sätze anderer Artikel, die dasselbe berichten, werden hervorgehoben. „nur hier“ markiert, was kein anderer Artikel berichtet."</p>
            <div class="column-tabs" role="tablist" aria-label="Artikel">{tabs}</div>
            <div class="compare-columns" style=format!("--columns: {n}")>{columns}</div>
        </section>
    }
}
