//! An entity's page: what it is, its other names, and every mention as a keyword-in-context line
//! grouped by outlet, each linking to the spot in the article.

use crate::format;
use crate::view_state::ViewState;
use crate::views::facets::kind_class;
use crate::views::text_gate::WithTexts;
use leptos::prelude::*;
use quellenlage_engine::entities::{EntitySource, Mention};
use quellenlage_engine::order;
use quellenlage_engine::{Document, Snapshot};

/// Characters of context on each side of a mention.
const CONTEXT_CHARS: usize = 70;

/// The text before and after a mention within its block, cut at word boundaries.
fn context(doc: &Document, m: &Mention) -> (String, String, String) {
    let (start, end) = (m.start as usize, m.end as usize);
    let block = doc
        .main_blocks()
        .find(|b| b.start as usize <= start && end <= b.end as usize);
    let (bs, be) = block.map_or((start, end), |b| (b.start as usize, b.end as usize));
    let before = doc.text.get(bs..start).unwrap_or_default();
    let after = doc.text.get(end..be).unwrap_or_default();
    let left: String = {
        let chars: Vec<char> = before.chars().collect();
        let from = chars.len().saturating_sub(CONTEXT_CHARS);
        let mut s: String = chars[from..].iter().collect();
        if from > 0 {
            if let Some(space) = s.find(' ') {
                s = format!("…{}", &s[space..]);
            }
        }
        s
    };
    let right: String = {
        let mut s: String = after.chars().take(CONTEXT_CHARS).collect();
        if after.chars().count() > CONTEXT_CHARS {
            if let Some(space) = s.rfind(' ') {
                s = format!("{} …", &s[..space]);
            }
        }
        s
    };
    let name = doc.text.get(start..end).unwrap_or_default().to_string();
    (left, name, right)
}

/// The documents that name entity number `entity`, ascending.
fn naming(snapshot: &Snapshot, entity: usize) -> Vec<usize> {
    let named = |list: &Vec<(u32, u32)>| list.iter().any(|&(e, _)| e as usize == entity);
    (0..snapshot.named.len())
        .filter(|&d| named(&snapshot.named[d]))
        .collect()
}

/// The page of entity number `entity`, once the texts of the articles naming it are there.
#[component]
pub fn EntityPage(
    snapshot: &'static Snapshot,
    entity: usize,
    state: Memo<ViewState>,
) -> impl IntoView {
    let docs = naming(snapshot, entity);
    let naming_docs = docs.clone();
    view! {
        <WithTexts docs>
            <Mentions snapshot entity state docs=naming_docs.clone()/>
        </WithTexts>
    }
}

/// The entity's page with every mention in context; `docs` are the documents naming it.
#[component]
fn Mentions(
    snapshot: &'static Snapshot,
    entity: usize,
    state: Memo<ViewState>,
    docs: Vec<usize>,
) -> impl IntoView {
    let Some(e) = snapshot.entities.get(entity) else {
        return view! { <p class="notice">"Unbekannter Eintrag."</p> }.into_any();
    };
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    let mentions: Vec<&Mention> = docs
        .into_iter()
        .flat_map(|d| snapshot.mentions_of(d))
        .filter(|m| m.entity as usize == entity)
        .collect();
    // Group by outlet, outlets in order of first appearance by date (newest first).
    let mut groups: Vec<(String, Vec<&Mention>)> = Vec::new();
    let mut ordered = mentions.clone();
    order::sort_by(&mut ordered, |a, b| {
        let da = snapshot.docs.get(a.doc as usize).and_then(|d| d.meta.date);
        let db = snapshot.docs.get(b.doc as usize).and_then(|d| d.meta.date);
        db.cmp(&da)
            .then(a.doc.cmp(&b.doc))
            .then(a.start.cmp(&b.start))
    });
    for m in ordered {
        let Some(doc) = snapshot.docs.get(m.doc as usize) else {
            continue;
        };
        let outlet = format::outlet(&doc.meta);
        match groups.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, list)) => list.push(m),
            None => groups.push((outlet, vec![m])),
        }
    }
    let mut doc_count: Vec<u32> = mentions.iter().map(|m| m.doc).collect();
    order::sort_dedup(&mut doc_count);
    let id = e.id.clone();
    let filter_href = move || {
        let s = state.read();
        let mut next = s.with_entity(None);
        if !next.include.contains(&id) {
            next = next.toggled(&id, true);
        }
        next.href()
    };
    let back_href = move || state.read().with_entity(None).href();
    let lists = groups
        .into_iter()
        .map(|(outlet, list)| {
            let items = list
                .into_iter()
                .filter_map(|m| {
                    let doc = snapshot.docs.get(m.doc as usize)?;
                    let (left, name, right) = context(doc, m);
                    let href = format!("{}#m-{}", state.get_untracked().with_doc(Some(&doc.id)).href(), m.start);
                    let date = format::date_or_unknown(&doc.meta);
                    Some(view! {
                        <li class="kwic">
                            <span class="kwic-left">{left}</span>
                            <a class="kwic-name" href=href title=format!("{date}: im Artikel zeigen")>{name}</a>
                            <span class="kwic-right">{right}</span>
                        </li>
                    })
                })
                .collect_view();
            view! {
                <section class="kwic-group">
                    <h2>{outlet}</h2>
                    <ul class="kwic-list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    let aliases = (!e.aliases.is_empty())
        .then(|| view! { <p class="aliases">"Auch: " {e.aliases.join(" · ")}</p> });
    let source = (e.source == EntitySource::Discovered).then(|| {
        view! { <p class="note">"Automatisch entdeckt – noch nicht im Verzeichnis (entities.toml) bestätigt."</p> }
    });
    view! {
        <section class="entity-page" data-entity-page=e.id.clone() aria-labelledby="entity-title">
            <nav class="reader-nav" aria-label="Zurück"><a href=back_href>"← Zurück zur Liste"</a></nav>
            <p class=format!("kicker entity-kind kind-{}", kind_class(e.kind))>{e.kind.label()}</p>
            <h1 id="entity-title">{e.name.clone()}</h1>
            {e.description.clone().map(|d| view! { <p class="description">{d}</p> })}
            {aliases}
            {source}
            <p class="entity-summary">
                {format!("{} Nennungen in {} Artikeln · ", mentions.len(), doc_count.len())}
                <a href=filter_href>"Artikel danach filtern"</a>
            </p>
            {lists}
        </section>
    }
    .into_any()
}
