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
