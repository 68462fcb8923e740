//! Text with highlighted matches, rendered as text nodes and `<mark>` elements only: corpus and
//! query text never become markup.

use leptos::prelude::*;
use quellenlage_engine::query::expand::MatchKind;

/// `text` with the byte ranges `marks` (ascending, non-overlapping, relative to `text`) wrapped
/// in `<mark>`, each labelled with why it matched. Ranges that do not fit `text` are skipped.
pub fn marked_text(text: &str, marks: &[(usize, usize, MatchKind)]) -> AnyView {
    let mut parts: Vec<AnyView> = Vec::new();
    let mut at = 0;
    for &(start, end, kind) in marks {
        if start < at
            || end <= start
            || text.get(start..end).is_none()
            || text.get(at..start).is_none()
        {
            continue;
        }
        parts.push(text[at..start].to_string().into_any());
        let why = kind.label();
        parts.push(
            view! { <mark data-why=why title=format!("Treffer: {why}")>{text[start..end].to_string()}</mark> }
                .into_any(),
        );
        at = end;
    }
    parts.push(text.get(at..).unwrap_or_default().to_string().into_any());
    parts.into_any()
}

/// An entity mention (a link to its page) or a figure (no link) inside a text, as a byte range
/// relative to the text.
pub struct MentionLink {
    /// Start of the name or figure.
    pub start: usize,
    /// End of it.
    pub end: usize,
    /// The entity page; `None` for figures.
    pub href: Option<String>,
    /// CSS class suffix: the entity kind (`person`, `place`, `organisation`) or `figure`.
    pub kind: &'static str,
    /// Tooltip: kind and canonical name.
    pub title: String,
    /// Element id, so an entity page can link to this spot (`#m-<offset>`).
    pub anchor: String,
}

/// The marks that fall into `from..to`, clipped and made relative to `from`.
fn clip(
    marks: &[(usize, usize, MatchKind)],
    from: usize,
    to: usize,
) -> Vec<(usize, usize, MatchKind)> {
    marks
        .iter()
        .filter(|m| m.1 > from && m.0 < to)
        .map(|m| (m.0.max(from) - from, m.1.min(to) - from, m.2))
        .collect()
}

/// `text` with search marks and entity mentions (ascending, non-overlapping among themselves).
/// Mentions become links to the entity page; marks inside them stay marks.
pub fn annotated_text(
    text: &str,
    marks: &[(usize, usize, MatchKind)],
    mentions: Vec<MentionLink>,
) -> AnyView {
    let mut parts: Vec<AnyView> = Vec::new();
    let mut at = 0;
    for m in mentions {
        if m.start < at || m.end <= m.start || text.get(m.start..m.end).is_none() {
            continue;
        }
        if let Some(before) = text.get(at..m.start) {
            parts.push(marked_text(before, &clip(marks, at, m.start)));
        }
        let inner = marked_text(&text[m.start..m.end], &clip(marks, m.start, m.end));
        let class = format!("mention mention-{}", m.kind);
        parts.push(match m.href {
            Some(href) => {
                view! { <a id=m.anchor class=class href=href title=m.title>{inner}</a> }.into_any()
            }
            None => view! { <span id=m.anchor class=class title=m.title>{inner}</span> }.into_any(),
        });
        at = m.end;
    }
    parts.push(marked_text(
        text.get(at..).unwrap_or_default(),
        &clip(marks, at, text.len()),
    ));
    parts.into_any()
}
