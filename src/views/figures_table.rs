//! The figures of the listed articles: grouped by counted noun, sortable, exportable as CSV.

use crate::format;
use crate::view_state::{encode_component, ViewState};
use crate::views::text_gate::WithTexts;
use leptos::prelude::*;
use quellenlage_engine::figures::Figure;
use quellenlage_engine::order;
use quellenlage_engine::Snapshot;

/// How the table is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// By counted noun, then value (figures about the same thing side by side).
    Noun,
    /// By value, largest first.
    Value,
    /// By outlet.
    Outlet,
}

/// One row: a figure and the article it is from.
#[derive(Clone, PartialEq)]
struct Row {
    doc: usize,
    figure: &'static Figure,
}

fn noun_key(f: &Figure) -> String {
    f.noun.as_deref().unwrap_or("~").to_lowercase()
}

/// A CSV field, quoted when needed.
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', ';']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// The rows as CSV (comma-separated, UTF-8, header line).
fn to_csv(snapshot: &Snapshot, rows: &[Row]) -> String {
    let mut out =
        String::from("doc,outlet,date,value,value_max,approx,qualifier,noun,text,sentence\n");
    for r in rows {
        let Some(doc) = snapshot.docs.get(r.doc) else {
            continue;
        };
        let f = r.figure;
        let fields = [
            doc.id.clone(),
            doc.meta.outlet.clone().unwrap_or_default(),
            doc.meta.date.map(|d| d.to_string()).unwrap_or_default(),
            format::decimal(f.value, 6),
            f.value_max
                .map(|v| format::decimal(v, 6))
                .unwrap_or_default(),
            f.approx.to_string(),
            f.qualifier.clone().unwrap_or_default(),
            f.noun.clone().unwrap_or_default(),
            doc.text.get(f.start..f.end).unwrap_or_default().to_string(),
            doc.text
                .get(f.sentence_start..f.sentence_end)
                .unwrap_or_default()
                .to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|v| csv_field(v)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// Figures of the documents `docs` (indices), in a sortable table with a CSV download, once
/// their texts (and with them their figures) are there.
#[component]
pub fn FiguresTable(
    snapshot: &'static Snapshot,
    state: Memo<ViewState>,
    docs: Signal<Vec<usize>>,
) -> impl IntoView {
    // Figures travel with the texts, so the table waits for every listed article's chunk.
    view! {
        <WithTexts docs>
            <Table snapshot state docs/>
        </WithTexts>
    }
}

/// The table of figures.
#[component]
fn Table(
    snapshot: &'static Snapshot,
    state: Memo<ViewState>,
    docs: Signal<Vec<usize>>,
) -> impl IntoView {
    let order = RwSignal::new(Order::Noun);
    let rows = Memo::new(move |_| {
        let mut rows: Vec<Row> = docs
            .read()
            .iter()
            .flat_map(|&d| {
                snapshot
                    .figures
                    .get(d)
                    .into_iter()
                    .flatten()
                    .map(move |figure| Row { doc: d, figure })
            })
            .collect();
        let outlet = |r: &Row| {
            snapshot
                .docs
                .get(r.doc)
                .map(|d| format::outlet(&d.meta))
                .unwrap_or_default()
        };
        match order.get() {
            Order::Noun => order::sort_by(&mut rows, |a, b| {
                noun_key(a.figure)
                    .cmp(&noun_key(b.figure))
                    .then(b.figure.value.total_cmp(&a.figure.value))
            }),
            Order::Value => {
                order::sort_by(&mut rows, |a, b| b.figure.value.total_cmp(&a.figure.value))
            }
            Order::Outlet => order::sort_by_key(&mut rows, outlet),
        }
        rows
    });
    let csv_href = move || {
        format!(
            "data:text/csv;charset=utf-8,{}",
            encode_component(&to_csv(snapshot, &rows.read()))
        )
    };
    let header = move |label: &'static str, which: Order| {
        view! {
            <th scope="col" aria-sort=move || if order.get() == which { "descending" } else { "none" }>
                <button type="button" class="sort" on:click=move |_| order.set(which)>{label}</button>
            </th>
        }
    };
    let body = move || {
        rows.get()
            .into_iter()
            .filter_map(|r| {
                let doc = snapshot.docs.get(r.doc)?;
                let f = r.figure;
                let value = match f.value_max {
                    Some(max) => format!("{}–{}", format::number(f.value), format::number(max)),
                    None => format::number(f.value),
                };
                let qualifier = f.qualifier.clone().unwrap_or_default();
                let href = format!(
                    "{}#f-{}",
                    state.get_untracked().with_doc(Some(&doc.id)).href(),
                    f.start
                );
                let sentence = doc.text.get(f.sentence_start..f.sentence_end).unwrap_or_default().to_string();
                Some(view! {
                    <tr>
                        <td class="noun">{f.noun.clone().unwrap_or_else(|| "–".into())}</td>
                        <td class="value">
                            <span class="qualifier">{qualifier}</span>" "{value}
                            {f.approx.then_some(" ≈")}
                        </td>
                        <td class="outlet">{format::outlet(&doc.meta)}<br/><span class="date">{format::date_or_unknown(&doc.meta)}</span></td>
                        <td class="sentence"><a href=href>{sentence}</a></td>
                    </tr>
                })
            })
            .collect_view()
    };
    view! {
        <section class="figures-panel" aria-labelledby="figures-heading">
            <h2 id="figures-heading" class="panel-heading">
                {move || format!("{} Zahlenangaben", rows.read().len())}
            </h2>
            <p class="panel-actions">
                <a href=csv_href download="quellenlage-zahlen.csv">"Als CSV herunterladen"</a>
            </p>
            <div class="table-scroll">
                <table class="figures-table">
                    <thead>
                        <tr>
                            {header("Gezählt", Order::Noun)}
                            {header("Wert", Order::Value)}
                            {header("Medium", Order::Outlet)}
                            <th scope="col">"Satz"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}
