//! Saved web pages (`.html`, `.htm`): the article's text by readability-class main-content
//! extraction ([`dom_smoothie`]), its metadata from what the page declares, and the page
//! furniture (navigation, cookie banner, related links, newsletter and comment boxes, ads,
//! footer) kept apart as boilerplate.
//!
//! Metadata, each field from the first source that has it:
//! 1. JSON-LD of a `NewsArticle` (or `Article`, `ReportageNewsArticle`, …; also inside
//!    `@graph`): `headline`, `datePublished`, `author`, `publisher`, `url`;
//! 2. Open Graph and `<meta>`: `og:title`, `article:published_time`, `og:site_name`, `author`,
//!    `og:url` / canonical link;
//! 3. `<time datetime>` (the one marked as publication date first);
//! 4. the visible page: `<h1>`, a kicker element above it, byline and date lines (read by the
//!    same readers as plain text), the site name after the headline in `<title>`.
//!
//! An author that is really the outlet (`tagesschau.de`) is no author (see
//! [`record::authors`](super::record::authors)). Text keeps the page's charset (a
//! `windows-1252` page keeps its umlauts); entities are decoded by the HTML parser, soft
//! hyphens dropped and no-break spaces made spaces.

use super::record::{Fields, Record, RecordError};
use super::{byline, dates, text};
use dom_query::Document;
use serde_json::Value;

/// JSON-LD types that are an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// Elements that are page furniture, never article text (an element that holds the headline
/// or the article's first paragraph is the article's frame, not furniture).
const FURNITURE: &str = "nav, header, footer, aside, form, [role=navigation], [role=banner], \
    [role=contentinfo], [role=complementary], [id*=cookie], [class*=cookie], [id*=consent], \
    [class*=consent], [class*=newsletter], [id*=newsletter], [id*=comment], [class*=comment], \
    [class*=related], [id*=related], [class*=teaser-list], [class~=ad], [class^=ad-], \
    [class*=' ad-'], [class*='-ad-'], [id^=ad-], [class*=advert], [id*=advert], \
    [class*=anzeige], [class*=promo], [class*=paywall], [class*=social], [class*=share], \
    [class*=forum], [id*=forum], [class*=recommend], [class*=weiterlesen], [class*=mehr-zum]";

/// Elements whose class names a kicker (the short line above a headline).
const KICKER: &str = "[class*=kicker], [class*=topline], [class*=dachzeile], [class*=overline], \
    [class*=roofline], [class*=spitzmarke], [class*=eyebrow], [class*=supertitle]";

/// Elements that carry a byline or the publication date in text.
const META_LINES: &str = "[class*=author], [class*=byline], [class*=autor], [class*=meta], \
    [class*=date], [class*=datum], [class*=dateline], [class*=time], [class*=stand]";

/// Whether an element's class says it holds the byline (a bare name there is the author).
fn is_byline_element(element: &dom_query::Selection) -> bool {
    element.attr("class").is_some_and(|c| {
        let c = c.to_lowercase();
        ["author", "byline", "autor"].iter().any(|w| c.contains(w))
    })
}

/// Longest kicker in characters.
const KICKER_MAX: usize = 80;

/// Reads a saved page: its record (text, fields, furniture) and the encoding it was decoded
/// from where that was not UTF-8.
pub fn read_html(bytes: &[u8]) -> Result<(Record, Option<&'static str>), RecordError> {
    let declared = declared_charset(bytes);
    let (page, encoding) = text::decode_declared(bytes, declared.as_deref())
        .map_err(|e| RecordError::new(e.line, e.message))?;
    let page = text::normalise(&page);
    let doc = Document::from(page.as_str());
    let mut fields = Fields::default();
    for ld in json_ld(&doc) {
        fill_from_json_ld(&mut fields, &ld);
    }
    fill_from_meta(&mut fields, &doc);
    fill_from_page(&mut fields, &doc);
    let body = main_text(&page)?;
    let first_paragraph = body
        .split("\n\n")
        .find(|p| p.len() > 80)
        .unwrap_or_default();
    let headline = fields.title.clone().unwrap_or_default();
    let furniture = furniture(&doc, &[headline.as_str(), first_paragraph]);
    let (text, moved) = without_furniture(&body, &furniture);
    let mut record = Record {
        text,
        fields,
        furniture: moved,
        ..Record::default()
    };
    if record.text.trim().is_empty() {
        return Err(RecordError::new(
            None,
            "no article text found in the page (only navigation, boxes and footer)",
        ));
    }
    record.furniture.extend(furniture);
    record.furniture.dedup();
    Ok((record, encoding))
}

/// The charset the page declares in its first 2 KB (`<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`).
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// Text as a reader sees it: soft hyphens gone, no-break and other spaces one space.
fn clean(s: &str) -> String {
    s.replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The JSON-LD objects of the page (each script parsed; arrays and `@graph` flattened).
fn json_ld(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for script in doc.select("script[type='application/ld+json']").iter() {
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        flatten(value, &mut out);
    }
    out
}

fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// Whether a JSON-LD object's `@type` is an article type.
fn is_article(ld: &Value) -> bool {
    let is = |t: &Value| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t));
    match ld.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// Names in a JSON-LD value: a string, an object's `name`, or an array of either.
fn ld_names(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![clean(s)],
        Value::Object(map) => map.get("name").map(ld_names).unwrap_or_default(),
        Value::Array(items) => items.iter().flat_map(ld_names).collect(),
        _ => Vec::new(),
    }
}

/// Sets `slot` to `value` unless it is set already or `value` is empty.
fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value.map(|v| clean(&v)).filter(|v| !v.is_empty());
    }
}

fn fill_from_json_ld(fields: &mut Fields, ld: &Value) {
    if !is_article(ld) {
        return;
    }
    let string = |key: &str| ld.get(key).and_then(Value::as_str).map(str::to_string);
    fill(&mut fields.title, string("headline"));
    fill(&mut fields.date, string("datePublished"));
    fill(&mut fields.url, string("url"));
    fill(
        &mut fields.outlet,
        ld.get("publisher")
            .and_then(|p| ld_names(p).into_iter().next()),
    );
    if fields.authors.is_empty() {
        if let Some(author) = ld.get("author") {
            fields.authors = ld_names(author);
        }
    }
}

/// The `content` of the first `<meta>` with one of the `property`/`name` values.
fn meta(doc: &Document, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        let selector =
            format!("meta[property='{name}'], meta[name='{name}'], meta[itemprop='{name}']");
        doc.select(&selector)
            .iter()
            .find_map(|m| m.attr("content").map(|c| c.to_string()))
            .filter(|c| !c.trim().is_empty())
    })
}

fn fill_from_meta(fields: &mut Fields, doc: &Document) {
    fill(&mut fields.title, meta(doc, &["og:title", "twitter:title"]));
    fill(
        &mut fields.date,
        meta(
            doc,
            &[
                "article:published_time",
                "datePublished",
                "date",
                "pubdate",
                "publishdate",
                "dc.date",
                "DC.date.issued",
            ],
        ),
    );
    fill(
        &mut fields.outlet,
        meta(doc, &["og:site_name", "application-name"]),
    );
    let canonical = doc
        .select("link[rel=canonical]")
        .iter()
        .find_map(|l| l.attr("href").map(|h| h.to_string()));
    fill(&mut fields.url, meta(doc, &["og:url"]).or(canonical));
    if fields.authors.is_empty() {
        if let Some(author) = meta(doc, &["author", "article:author"]) {
            fields.authors = vec![author];
        }
    }
    if fields.date.is_none() {
        let times = doc.select("time[datetime]");
        let published = times
            .iter()
            .find(|t| {
                t.attr("itemprop")
                    .is_some_and(|p| p.contains("datePublished"))
                    || t.attr("class").is_some_and(|c| c.contains("publish"))
            })
            .or_else(|| times.iter().next());
        fill(
            &mut fields.date,
            published.and_then(|t| t.attr("datetime").map(|d| d.to_string())),
        );
    }
}

/// Metadata only the visible page gives: headline, kicker, byline and date lines, site name.
fn fill_from_page(fields: &mut Fields, doc: &Document) {
    let h1 = doc
        .select("h1")
        .iter()
        .map(|h| clean(&h.text()))
        .find(|t| !t.is_empty());
    let h1_kicker = doc
        .select("h1")
        .select(KICKER)
        .iter()
        .next()
        .map(|k| clean(&k.text()));
    let kicker = h1_kicker.or_else(|| {
        doc.select(KICKER)
            .iter()
            .map(|k| clean(&k.text()))
            .find(|k| !k.is_empty())
    });
    if let Some(kicker) = kicker.filter(|k| k.chars().count() <= KICKER_MAX) {
        fill(&mut fields.kicker, Some(kicker.clone()));
    }
    // A kicker inside the `<h1>` is not part of the headline.
    let headline = h1.map(|h| match &fields.kicker {
        Some(k) if h.starts_with(k.as_str()) => {
            h[k.len()..].trim_start_matches([':', ' ']).to_string()
        }
        _ => h,
    });
    let page_title = doc.select("title").iter().next().map(|t| clean(&t.text()));
    fill(
        &mut fields.title,
        headline.clone().or_else(|| page_title.clone()),
    );
    if let Some(title) = &mut fields.title {
        if let Some((head, _)) = site_suffix(title) {
            *title = head;
        }
    }
    if fields.outlet.is_none() {
        fields.outlet = page_title
            .as_deref()
            .and_then(site_suffix)
            .map(|(_, site)| site);
    }
    if fields.date.is_some() && !fields.authors.is_empty() {
        return;
    }
    for element in doc.select(META_LINES).iter() {
        let line = clean(&element.text());
        if line.is_empty() || line.chars().count() > 160 {
            continue;
        }
        if fields.date.is_none()
            && (dates::date_line(&line).is_some() || dates::month_line(&line).is_some())
        {
            fields.date = Some(line.clone());
        }
        if fields.authors.is_empty() && byline::is_person_name(&line) && is_byline_element(&element)
        {
            fields.authors = vec![line.clone()];
            continue;
        }
        if fields.authors.is_empty() {
            if let Some(b) = byline::byline(&line, true) {
                fields.authors = b.authors;
                fill(&mut fields.place, b.place);
                fill(&mut fields.outlet, b.outlet);
            }
        }
    }
}

/// The parts of a page title (`Headline - Ressort - derStandard.at › Panorama`).
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " · ", " › "];

/// `Headline - Site` or `Headline | Site › Section`: the headline and the site. The site is
/// the part after the headline that the outlet table knows, else the last part where it is
/// short (at most four words) and the headline is not.
fn site_suffix(title: &str) -> Option<(String, String)> {
    let mut parts: Vec<&str> = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .collect();
    }
    if parts.len() < 2 || parts[0].split_whitespace().count() < 3 {
        return None;
    }
    let head = parts[0].to_string();
    let table = super::outlets::table();
    let known = parts[1..].iter().find(|p| {
        table.lookup(p).is_some() || table.lookup(p.trim_start_matches("www.")).is_some()
    });
    let last = parts[parts.len() - 1];
    let site = known
        .copied()
        .or((last.split_whitespace().count() <= 4).then_some(last))?;
    Some((head, site.to_string()))
}

/// The main text of the page, paragraphs separated by blank lines.
fn main_text(page: &str) -> Result<String, RecordError> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let no_text = |e: &dyn std::fmt::Display| {
        RecordError::new(None, format!("no article text found in the page ({e})"))
    };
    let mut readability =
        dom_smoothie::Readability::new(page, None, Some(config)).map_err(|e| no_text(&e))?;
    let article = readability.parse().map_err(|e| no_text(&e))?;
    let paragraphs: Vec<String> = article
        .text_content
        .split("\n\n")
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect();
    Ok(paragraphs.join("\n\n"))
}

/// The text of each outermost furniture element, in page order, its lines joined by ` · `
/// (`Startseite · Lokales · Sport`). `frame` holds texts only the article itself has (the
/// headline, its first paragraph): an element holding one of them is not furniture.
fn furniture(doc: &Document, frame: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for element in doc.select(FURNITURE).iter() {
        if element.ancestors(None).is(FURNITURE) {
            continue;
        }
        let lines: Vec<String> = element
            .formatted_text()
            .lines()
            .map(clean)
            .filter(|l| !l.is_empty())
            .collect();
        let text = lines.join(" · ");
        let flat = clean(&element.text());
        if text.is_empty() || frame.iter().any(|f| !f.is_empty() && flat.contains(f)) {
            continue;
        }
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// The main text without paragraphs that are furniture (a newsletter box the extractor kept),
/// and those paragraphs.
fn without_furniture(body: &str, furniture: &[String]) -> (String, Vec<String>) {
    let mut kept = Vec::new();
    let mut moved = Vec::new();
    for paragraph in body.split("\n\n") {
        let flat: String = paragraph.split_whitespace().collect();
        if furniture.iter().any(|f| {
            f.replace(" · ", "")
                .split_whitespace()
                .collect::<String>()
                .contains(&flat)
        }) {
            moved.push(paragraph.to_string());
        } else {
            kept.push(paragraph);
        }
    }
    (kept.join("\n\n"), moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_declared_either_way() {
        let cases: [(&[u8], Option<&str>); 4] = [
            (
                b"<html><head><meta charset=\"windows-1252\">",
                Some("windows-1252"),
            ),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
                Some("iso-8859-1"),
            ),
            (b"<meta charset=utf-8>", Some("utf-8")),
            (b"<html><head><title>x</title>", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(declared_charset(bytes).as_deref(), expected);
        }
    }

    #[test]
    fn site_names_after_the_headline() {
        let cases = [
            (
                "Brücke in Gießen bleibt gesperrt - derStandard.at",
                Some("derStandard.at"),
            ),
            (
                "Brücke in Gießen bleibt gesperrt | ZEIT ONLINE",
                Some("ZEIT ONLINE"),
            ),
            ("Nahost - Waffenruhe", None),
            ("Eine Überschrift ohne Seitennamen", None),
        ];
        for (title, site) in cases {
            assert_eq!(
                site_suffix(title).map(|(_, s)| s).as_deref(),
                site,
                "{title}"
            );
        }
    }
}
