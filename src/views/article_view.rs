//! The reading view: one article, its main text set for reading, its page furniture greyed and
//! folded away but still there.

use crate::format;
use crate::view_state::ViewState;
use crate::views::facets::kind_class;
use crate::views::marked::{annotated_text, MentionLink};
use crate::views::text_gate::WithTexts;
use leptos::prelude::*;
use quellenlage_engine::entities::Mention;
use quellenlage_engine::figures::Figure;
use quellenlage_engine::order;
use quellenlage_engine::query::expand::MatchKind;
use quellenlage_engine::{Block, BlockKind, Document, Snapshot};

/// A run of blocks shown together: one main-text block, or consecutive non-main blocks.
enum Segment<'a> {
    Main(&'a Block),
    Aside(Vec<&'a Block>),
}

/// Groups consecutive non-main blocks so each run folds into one element. The text's own title
/// block is left out when it is the page heading already (`shown_title`), so the furniture
/// around it folds into one run.
fn segments<'a>(doc: &'a Document, shown_title: &str) -> Vec<Segment<'a>> {
    let mut out: Vec<Segment> = Vec::new();
    // The title and kicker the header already shows are not repeated in the body.
    let repeated_title = |b: &Block| {
        b.kind == BlockKind::Kicker
            || b.kind == BlockKind::Title && doc.block_text(b) == shown_title
    };
    for block in doc.blocks.iter().filter(|b| !repeated_title(b)) {
        if block.kind.is_main() {
            out.push(Segment::Main(block));
        } else if let Some(Segment::Aside(run)) = out.last_mut() {
            run.push(block);
        } else {
            out.push(Segment::Aside(vec![block]));
        }
    }
    out
}

/// A German summary of what a folded run contains, e.g. "Linkliste (5 Zeilen)".
fn aside_summary(run: &[&Block]) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for block in run {
        let label = block.kind.label();
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    let lines = if run.len() == 1 {
        "1 Zeile".to_string()
    } else {
        format!("{} Zeilen", run.len())
    };
    format!("{} ({lines})", labels.join(", "))
}

/// Scrolls to and briefly marks the element named by the URL's `#m-…` fragment, if any.
fn scroll_to_hash_target() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|h| h.starts_with("m-")) else {
        return false;
    };
    let Some(element) = window.document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    let _ = element.class_list().add_1("targeted");
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// Scrolls the first highlighted match of the reading view to the middle of the screen.
fn scroll_to_first_mark() {
    let Some(mark) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("article.reader mark").ok().flatten())
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The open article, once its text is there.
#[component]
pub fn ArticleView(
    snapshot: &'static Snapshot,
    id: String,
    state: Memo<ViewState>,
) -> impl IntoView {
    let Some(index) = snapshot.doc_index(&id) else {
        return view! { <p class="notice">"Artikel nicht gefunden."</p> }.into_any();
    };
    view! {
        <WithTexts docs=vec![index]>
            <ArticleText snapshot id=id.clone() state/>
        </WithTexts>
    }
    .into_any()
}

/// The open article with its text.
#[component]
fn ArticleText(snapshot: &'static Snapshot, id: String, state: Memo<ViewState>) -> impl IntoView {
    let Some(doc) = snapshot.doc(&id) else {
        return view! { <p class="notice">"Artikel nicht gefunden."</p> }.into_any();
    };
    let meta = &doc.meta;
    let title = meta.title.clone().unwrap_or_else(|| doc.preview(80));
    let back_href = move || state.read().with_doc(None).href();
    // Reading starts at the top, not where the list was scrolled to.
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    let inferred = |field: &str| {
        format::is_inferred(meta, field)
            .then(|| view! { <span class="inferred" title="vom Kurator erschlossen, nicht im Artikel genannt">" (erschlossen)"</span> })
    };
    let title_shown = title.clone();
    // Matches of the current query, highlighted in place; the first is scrolled into view.
    let query = state.get_untracked().query;
    let marks: Vec<(usize, usize, MatchKind)> =
        match (query.trim().is_empty(), snapshot.doc_index(&id)) {
            (false, Some(index)) => snapshot.searcher().highlights(&query, index),
            _ => Vec::new(),
        };
    let has_marks = !marks.is_empty();
    let block_marks = move |start: u32, end: u32| -> Vec<(usize, usize, MatchKind)> {
        marks
            .iter()
            .filter(|m| m.0 >= start as usize && m.1 <= end as usize)
            .map(|m| (m.0 - start as usize, m.1 - start as usize, m.2))
            .collect()
    };
    // Entity mentions and figures of this document, in text order.
    let doc_index = snapshot.doc_index(&id);
    let doc_mentions: &'static [Mention] = doc_index.map_or(&[], |d| snapshot.mentions_of(d));
    let doc_figures: &'static [Figure] = doc_index.map_or(&[], |d| snapshot.figures_of(d));
    // Names (links to their entity page) and figures of one block, in order, without overlaps.
    let block_mentions = move |start: u32, end: u32| -> Vec<MentionLink> {
        let names = doc_mentions
            .iter()
            .filter(|m| m.start >= start && m.end <= end)
            .filter_map(|m| {
                let e = snapshot.entities.get(m.entity as usize)?;
                Some(MentionLink {
                    start: (m.start - start) as usize,
                    end: (m.end - start) as usize,
                    href: Some(state.get_untracked().with_entity(Some(&e.id)).href()),
                    kind: kind_class(e.kind),
                    title: format!("{}: {}", e.kind.label(), e.name),
                    anchor: format!("m-{}", m.start),
                })
            });
        let figures = doc_figures
            .iter()
            .filter(|f| f.start >= start as usize && f.end <= end as usize)
            .map(|f| MentionLink {
                start: f.start - start as usize,
                end: f.end - start as usize,
                href: None,
                kind: "figure",
                title: format::figure(f),
                anchor: format!("f-{}", f.start),
            });
        let mut all: Vec<MentionLink> = names.chain(figures).collect();
        order::sort_by_key(&mut all, |m| m.start);
        let mut out: Vec<MentionLink> = Vec::new();
        for m in all {
            if out.last().is_none_or(|last| m.start >= last.end) {
                out.push(m);
            }
        }
        out
    };
    Effect::new(move |_| {
        // A link from an entity page points at one mention (#m-<offset>); otherwise the first
        // search match is brought into view.
        if !scroll_to_hash_target() && has_marks {
            scroll_to_first_mark();
        }
    });
    let body = segments(doc, &title_shown)
        .into_iter()
        .map(|segment| match segment {
            Segment::Main(block) => {
                let raw = doc.block_text(block);
                let text = annotated_text(raw, &block_marks(block.start, block.end), block_mentions(block.start, block.end));
                match block.kind {
                    // A title in the text that differs from the curator's heading.
                    BlockKind::Title => view! { <p class="text-title" data-main="">{text}</p> }.into_any(),
                    BlockKind::Heading => view! { <h2 class="subhead" data-main="">{text}</h2> }.into_any(),
                    BlockKind::Lead => view! { <p class="lead" data-main="">{text}</p> }.into_any(),
                    BlockKind::Caption => view! { <p class="caption" data-main="">{text}</p> }.into_any(),
                    _ => view! { <p data-main="">{text}</p> }.into_any(),
                }
            }
            Segment::Aside(run) => {
                let summary = aside_summary(&run);
                let lines = run
                    .iter()
                    .map(|b| {
                        let label = b.kind.label();
                        let text = doc.block_text(b).to_string();
                        view! {
                            <li><span class="aside-kind">{label}</span>" "<span class="aside-text">{text}</span></li>
                        }
                    })
                    .collect_view();
                view! {
                    <details class="boilerplate" data-boilerplate="">
                        <summary title="Seitenelemente der Quelle, nicht Teil des Artikels: Suche, Personen und Zahlen zählen sie nicht mit">"Nicht Teil des Artikels · " {summary}</summary>
                        <ul>{lines}</ul>
                    </details>
                }.into_any()
            }
        })
        .collect_view();

    view! {
        <article class="reader" data-doc=doc.id.clone() aria-labelledby="article-title">
            <nav class="reader-nav" aria-label="Zurück">
                <a href=back_href>"← Alle Artikel"</a>
            </nav>
            <header class="reader-header">
                <p class="kicker">
                    <span class="outlet">{format::outlet(meta)}</span>{inferred("outlet")}
                    <span class="sep" aria-hidden="true">" · "</span>
                    <span class="date">{format::date_or_unknown(meta)}</span>{inferred("date")}
                    {meta.place.clone().map(|p| view! {
                        <span class="sep" aria-hidden="true">" · "</span>
                        <span class="place">{p}</span>
                    })}
                </p>
                {meta.kicker.clone().map(|k| view! { <p class="dachzeile">{k}</p> })}
                <h1 id="article-title">{title}{inferred("title")}</h1>
                {meta.author_line().map(|a| view! { <p class="byline">"Von " {a}</p> })}
                {meta.note.clone().map(|n| view! { <p class="note"><strong>"Hinweis: "</strong>{n}</p> })}
            </header>
            <div class="reader-body">{body}</div>
            <footer class="provenance" data-provenance="">
                <span class="provenance-label">"Im Korpus: "</span>
                <span class="provenance-origin">{doc.origin.describe()}</span>
                {meta.web_url().map(|url| {
                    let url = url.to_string();
                    view! {
                        <span class="sep" aria-hidden="true">" · "</span>
                        <a class="provenance-url" href=url.clone() rel="noopener noreferrer nofollow">"Originalartikel"</a>
                    }
                })}
            </footer>
        </article>
    }
    .into_any()
}
