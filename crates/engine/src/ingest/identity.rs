//! Which article is which: stable, URL-safe ids for articles from multi-article files, and the
//! keys that tell the same article twice (same URL, same text).

use crate::document::Document;

/// Longest readable part of an id made from a URL, in characters (a hash follows it).
const SLUG_MAX: usize = 60;

/// The id of an article from a file that holds several (`.jsonl`, `.csv`): from its URL where it
/// has one (`tagesschau.de_nordkorea-soldaten-101-3fa2c1`: host, last path segment, and a short
/// hash of the whole URL, so two URLs never share an id), else from the file stem and the row or
/// line (`export-12`). The same URL always gives the same id, in any file.
pub fn record_id(url: Option<&str>, file_stem: &str, position: u32) -> String {
    if let Some(key) = url.and_then(url_key) {
        let (host, path) = key.split_once('/').unwrap_or((key.as_str(), ""));
        let segment = path
            .split(['/', '?'])
            .rev()
            .find(|s| !s.is_empty() && !s.contains('='))
            .unwrap_or("");
        let segment = segment
            .trim_end_matches(".html")
            .trim_end_matches(".htm")
            .trim_end_matches(".php");
        let mut slug = sanitise(host);
        if !segment.is_empty() {
            slug.push('_');
            slug.push_str(&sanitise(segment));
        }
        let slug: String = slug.chars().take(SLUG_MAX).collect();
        return format!(
            "{}-{:06x}",
            slug.trim_end_matches(['-', '_', '.']),
            hash(&key) & 0xFF_FFFF
        );
    }
    let stem = sanitise(file_stem);
    let stem = if stem.is_empty() {
        "artikel".to_string()
    } else {
        stem
    };
    format!("{stem}-{position}")
}

/// `s` with every character an id may not hold (see [`crate::is_valid_id`]) turned into `-`,
/// umlauts spelled out, lower case, runs of `-` merged.
pub fn sanitise(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let spelled = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            _ => "",
        };
        if !spelled.is_empty() {
            out.push_str(spelled);
        } else if c.is_ascii_alphanumeric() || matches!(c, '_' | '.') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The URL as a key for "same article": no scheme, no `www.`, no fragment, no tracking
/// parameters (`utm_…`, `fbclid`, …), no trailing slash, host in lower case. `None` for
/// something that is not an http(s) URL.
pub fn url_key(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("//"))?;
    let rest = rest.split('#').next().unwrap_or(rest);
    let (address, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = address.split_once('/').unwrap_or((address, ""));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split('=').next().unwrap_or("").to_lowercase();
            !(name.starts_with("utm_")
                || matches!(
                    name.as_str(),
                    "fbclid" | "gclid" | "wt_mc" | "wtmc" | "ref" | "cid"
                ))
        })
        .collect();
    let path = path.trim_end_matches('/');
    let mut key = format!("{host}/{path}");
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    Some(key)
}

/// A fingerprint of the article's main text for "same text": a hash of its words in lower case
/// (so a copy that differs only in line breaks, spacing, quotes or punctuation meets). `None`
/// for a text too short to say (under 200 characters).
pub fn text_fingerprint(doc: &Document) -> Option<u64> {
    let text = doc.main_text();
    let mut key = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    (key.chars().count() >= 200).then(|| hash(&key))
}

/// FNV-1a, 64 bit: a stable hash (the standard library's is not stable across releases).
fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::is_valid_id;

    #[test]
    fn urls_that_are_the_same_article() {
        let same = [
            "https://www.example-zeitung.de/politik/artikel-123.html",
            "http://example-zeitung.de/politik/artikel-123.html",
            "https://WWW.Example-Zeitung.de/politik/artikel-123.html#kommentare",
            "https://www.example-zeitung.de/politik/artikel-123.html?utm_source=x&fbclid=y",
        ];
        let keys: Vec<_> = same.iter().map(|u| url_key(u)).collect();
        assert!(keys.iter().all(|k| k == &keys[0]), "{keys:?}");
        assert_eq!(
            keys[0].as_deref(),
            Some("example-zeitung.de/politik/artikel-123.html")
        );
        let different = [
            "https://www.example-zeitung.de/politik/artikel-124.html",
            "https://www.example-zeitung.de/politik/artikel?id=123",
            "https://www.example-zeitung.de/politik/artikel?id=124",
        ];
        for url in different {
            assert_ne!(url_key(url), keys[0], "{url}");
        }
        assert_ne!(url_key(different[1]), url_key(different[2]));
        for not_url in ["", "artikel-123", "ftp://x.de/a", "https://localhost/a"] {
            assert_eq!(url_key(not_url), None, "{not_url}");
        }
    }

    #[test]
    fn ids_are_url_safe_stable_and_readable() {
        let cases = [
            (
                Some("https://www.example-zeitung.de/politik/hochwasser-in-passau-100.html"),
                "export",
                3,
                "example-zeitung.de_hochwasser-in-passau-100-",
            ),
            (Some("https://example.org/"), "export", 3, "example.org-"),
            (
                Some("https://example.org/suche?q=Fluten"),
                "export",
                3,
                "example.org_suche-",
            ),
            (None, "Presse Export (2)", 12, "presse-export-2-12"),
            (Some("keine URL"), "Überblick", 1, "ueberblick-1"),
            (None, "%%%", 4, "artikel-4"),
        ];
        for (url, stem, position, start) in cases {
            let id = record_id(url, stem, position);
            assert!(is_valid_id(&id), "{id}");
            assert!(id.starts_with(start), "{id} for {url:?}");
            if url.and_then(url_key).is_some() {
                assert_eq!(
                    id,
                    record_id(url, "anderes", 99),
                    "a URL's id is the URL's alone"
                );
            }
        }
        let a = record_id(Some("https://x.de/a/artikel"), "f", 1);
        let b = record_id(Some("https://x.de/b/artikel"), "f", 1);
        assert_ne!(a, b, "same last segment, different URL");
        let long = format!("https://x.de/{}", "sehr-langer-titel-".repeat(20));
        assert!(record_id(Some(&long), "f", 1).len() <= SLUG_MAX + 7);
    }

    #[test]
    fn the_same_text_in_other_line_breaks_and_quotes_meets() {
        let paragraph = "Die Stadtwerke meldeten am Morgen, dass rund 4.000 Haushalte ohne Strom \
                         seien. „Wir arbeiten mit Hochdruck an der Reparatur“, sagte eine Sprecherin. \
                         Betroffen seien vor allem die Stadtteile im Norden, wo ein Umspannwerk \
                         ausgefallen war.";
        let doc = |text: &str| {
            let laid_out = crate::ingest::layout::layout(text);
            Document {
                id: "a".into(),
                meta: laid_out.found,
                text: text.into(),
                blocks: laid_out.blocks.into(),
                origin: Default::default(),
            }
        };
        let a = doc(&format!("Stromausfall im Norden\n\n{paragraph}"));
        let b = doc(&format!(
            "Stromausfall  im Norden\n\n{}",
            paragraph.replace(['„', '“'], "\"")
        ));
        let c = doc(&format!("Stromausfall im Süden\n\n{paragraph}"));
        let short = doc("Kurz\n\nNur ein Satz.");
        assert!(text_fingerprint(&a).is_some());
        assert_eq!(text_fingerprint(&a), text_fingerprint(&b));
        assert_ne!(text_fingerprint(&a), text_fingerprint(&c));
        assert_eq!(text_fingerprint(&short), None);
    }
}
