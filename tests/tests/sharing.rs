//! End-to-end tests of sharing and hosting: the canonical URL and "Link kopieren", the outlet
//! filter in the URL, the single-file build opened from `file://`, and a build from a corpus
//! the app has never seen (names in other spellings, an article full of markup).
//!
//! `cargo xtask test` builds the single file and the test-corpus dist and passes them in
//! `QUELLENLAGE_SINGLE_FILE`, `QUELLENLAGE_TEST_CORPUS_DIST` and `QUELLENLAGE_TEST_CORPUS`.

#[allow(dead_code)] // These tests use only some of the shared helpers.
mod support;

use std::path::PathBuf;

use fantoccini::{Client, Locator};
use quellenlage_e2e::server::StaticServer;
use serde_json::json;
use support::{
    attribute_values, click, dist_dir, eval, format_log, open, severe_log, texts, wait_until,
    with_browser,
};

/// A path from the environment that `cargo xtask test` sets; panics with a hint otherwise.
fn built(var: &str) -> PathBuf {
    let path = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| {
        panic!("{var} is not set: run the browser tests with `cargo xtask test`, which builds it")
    });
    assert!(path.exists(), "{var}={} does not exist", path.display());
    path
}

/// Asserts that no `alert`/`confirm` dialog is open.
async fn assert_no_dialog(client: &Client, context: &str) {
    if let Ok(text) = client.get_alert_text().await {
        panic!("{context}: a dialog opened: {text:?}");
    }
}

#[tokio::test]
async fn address_bar_drops_unknown_parameters_and_copy_link_copies_it() {
    let server = StaticServer::start(dist_dir(), "/", 0).expect("static server");
    with_browser(|client| async move {
        let url = format!(
            "{}?utm_source=newsletter&q=Kursk&e=nonexistent&from=9999-99&cmp=a,b,c,d,e,f&tab=%3Cx%3E",
            server.url()
        );
        open(&client, &url).await;
        // Unknown parameters and unusable values are gone; usable ones stay, canonically ordered.
        wait_until(
            &client,
            "return location.search === '?q=Kursk&e=nonexistent&cmp=a,b,c,d,e';",
            "the address bar shows the canonical URL",
        )
        .await;

        // The clipboard is replaced by a recorder: headless Chromium may not grant access.
        eval(
            &client,
            "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { \
               writeText: (text) => { window.__copied = text; return Promise.resolve(); } } }); \
             return true;",
        )
        .await;
        let button = client
            .find(Locator::Css("button.share-button"))
            .await
            .expect("a \"Link kopieren\" button");
        assert_eq!(button.text().await.unwrap(), "Link kopieren");
        button.click().await.expect("click Link kopieren");
        wait_until(
            &client,
            "return document.querySelector('.share-live').textContent.includes('Link kopiert');",
            "the copy is confirmed in the live region",
        )
        .await;
        let copied = eval(&client, "return window.__copied;").await;
        let expected = format!("{}?q=Kursk&e=nonexistent&cmp=a,b,c,d,e", server.url());
        assert_eq!(copied, json!(expected));
        assert_eq!(
            eval(
                &client,
                "return document.querySelector('.share-live').getAttribute('aria-live');"
            )
            .await,
            json!("polite")
        );

        // Without a clipboard, the link is offered in a field to copy by hand.
        eval(
            &client,
            "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined }); \
             return true;",
        )
        .await;
        click(&client, "button.share-button", "the Link kopieren button").await;
        wait_until(
            &client,
            "const f = document.querySelector('.share-manual input'); return !!f && f.value.endsWith('?q=Kursk&e=nonexistent&cmp=a,b,c,d,e');",
            "the manual-copy field shows the link",
        )
        .await;
        let severe = severe_log(&client).await;
        assert!(severe.is_empty(), "errors:\n{}", format_log(&severe));
    })
    .await;
}

#[tokio::test]
async fn outlet_filter_lives_in_the_url_and_combines_with_or() {
    let server = StaticServer::start(dist_dir(), "/", 0).expect("static server");
    with_browser(|client| async move {
        open(&client, &server.url()).await;
        let all = attribute_values(&client, "data-hit").await;
        let outlets = attribute_values(&client, "data-outlet").await;
        assert!(
            outlets.len() >= 2,
            "the outlet facet lists the corpus's outlets: {outlets:?}"
        );
        let first = outlets[0].clone();
        click(
            &client,
            &format!("[data-outlet=\"{first}\"] a.facet-include"),
            "an outlet facet link",
        )
        .await;
        wait_until(
            &client,
            &format!("return location.search === '?src={first}';"),
            "the outlet filter is in the URL",
        )
        .await;
        let one = attribute_values(&client, "data-hit").await;
        assert!(
            !one.is_empty() && one.len() < all.len(),
            "one outlet lists fewer articles: {one:?} of {all:?}"
        );
        // The other outlets stay offered, so a second one can be added (OR).
        let second = attribute_values(&client, "data-outlet")
            .await
            .into_iter()
            .find(|o| *o != first)
            .expect("other outlets stay in the facet while one is chosen");
        click(
            &client,
            &format!("[data-outlet=\"{second}\"] a.facet-include"),
            "an outlet facet link",
        )
        .await;
        wait_until(
            &client,
            &format!("return location.search === '?src={first},{second}';"),
            "both outlets are in the URL",
        )
        .await;
        let two = attribute_values(&client, "data-hit").await;
        assert!(two.len() > one.len(), "{two:?} vs {one:?}");
        // A reload of the shared URL shows the same list.
        let shared = client.current_url().await.unwrap();
        open(&client, shared.as_str()).await;
        assert_eq!(attribute_values(&client, "data-hit").await, two);
        let chips = texts(&client, ".chip-outlet").await;
        assert_eq!(chips.len(), 2, "{chips:?}");
    })
    .await;
}

/// Copies the folder `from` into `to`, files and subfolders.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[tokio::test]
async fn a_missing_data_file_is_named_and_retry_loads_it() {
    // The split build: the app fetches data/manifest.json, then the snapshot it names. With
    // the snapshot gone the page says which file is missing and offers a retry; once the file
    // is back, the retry loads the whole corpus.
    let copy = support::TempDir::new("missing-data");
    copy_dir(&dist_dir(), &copy.0);
    let data = copy.0.join("data");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("manifest.json")).unwrap())
            .expect("data/manifest.json is JSON");
    let name = manifest["snapshot"]
        .as_str()
        .expect("the manifest names the snapshot");
    let snapshot = data.join(name);
    let aside = copy.0.join("snapshot.aside");
    std::fs::rename(&snapshot, &aside).unwrap();
    let server = StaticServer::start(&copy.0, "/sub/path/", 0).expect("static server");
    let name = name.to_string();
    with_browser(|client| async move {
        client.goto(&server.url()).await.unwrap();
        wait_until(
            &client,
            "return !!document.querySelector('[data-load-error]');",
            "the load error is shown",
        )
        .await;
        let detail = texts(&client, "[data-load-error] .fatal-detail").await;
        assert_eq!(detail.len(), 1, "{detail:?}");
        assert!(
            detail[0].contains(&format!("data/{name}")) && detail[0].contains("404"),
            "{detail:?}"
        );
        assert!(
            texts(&client, "#boot").await.is_empty(),
            "the loading message is gone"
        );

        std::fs::rename(&aside, &snapshot).unwrap();
        click(
            &client,
            "[data-load-error] button.retry",
            "the retry button",
        )
        .await;
        wait_until(
            &client,
            "return !!document.querySelector('#app[data-ready]');",
            "the retry loads the corpus",
        )
        .await;
        let listed = attribute_values(&client, "data-hit").await;
        assert_eq!(
            listed.len(),
            support::corpus_ids().len(),
            "every article is listed"
        );
        let severe: Vec<_> = severe_log(&client)
            .await
            .into_iter()
            .filter(|e| !e.message.contains("404"))
            .collect();
        assert!(severe.is_empty(), "{}", format_log(&severe));
    })
    .await;
}

#[tokio::test]
async fn single_file_build_works_from_a_file_url() {
    let file = built("QUELLENLAGE_SINGLE_FILE");
    let url = format!("file://{}", file.display());
    with_browser(|client| async move {
        open(&client, &url).await;
        let listed = attribute_values(&client, "data-hit").await;
        assert_eq!(
            listed.len(),
            support::corpus_ids().len(),
            "every article is listed"
        );
        // Searching and opening an article navigate within the file.
        let input = client
            .find(Locator::Css("input[type=search]"))
            .await
            .unwrap();
        input.send_keys("Schoigu").await.unwrap();
        wait_until(
            &client,
            "return location.search === '?q=Schoigu' && document.querySelectorAll('[data-hit] mark').length > 0;",
            "live search works from file://",
        )
        .await;
        let hits = attribute_values(&client, "data-hit").await;
        assert!(!hits.is_empty() && hits.len() < listed.len(), "{hits:?}");
        click(&client, "[data-hit] a.hit-link", "a hit title link").await;
        wait_until(
            &client,
            "return !!document.querySelector('article[data-doc]') && location.search.includes('doc=');",
            "the article opens",
        )
        .await;
        client.back().await.unwrap();
        wait_until(
            &client,
            "return location.search === '?q=Schoigu' && !document.querySelector('article[data-doc]');",
            "back returns to the hits",
        )
        .await;
        // Everything came from the one file: no other resource was requested.
        let resources = eval(
            &client,
            "return performance.getEntriesByType('resource').map(e => e.name);",
        )
        .await;
        assert_eq!(
            resources,
            json!([]),
            "the single file fetched other resources"
        );
        let severe = severe_log(&client).await;
        assert!(severe.is_empty(), "errors:\n{}", format_log(&severe));
    })
    .await;
}

#[tokio::test]
async fn own_corpus_build_shows_markup_as_text_and_finds_other_spellings() {
    let dist = built("QUELLENLAGE_TEST_CORPUS_DIST");
    let corpus = built("QUELLENLAGE_TEST_CORPUS");
    let server = StaticServer::start(&dist, "/", 0).expect("static server");
    with_browser(|client| async move {
        open(&client, &server.url()).await;
        let listed = attribute_values(&client, "data-hit").await;
        // Every article of every file (pages, JSON, JSON Lines, CSV rows) is listed.
        let read = quellenlage_engine::ingest::ingest_dir(&corpus);
        let mut expected: Vec<String> = read.docs.iter().map(|d| d.id.clone()).collect();
        let mut listed_sorted = listed.clone();
        expected.sort();
        listed_sorted.sort();
        assert_eq!(listed_sorted, expected);
        let formats: std::collections::BTreeSet<_> =
            read.docs.iter().map(|d| d.origin.format.label()).collect();
        assert_eq!(formats.len(), 5, "the test corpus holds every format: {formats:?}");

        // Each article shows where it came from: file, row or line, format, encoding, and a
        // link to the original.
        for doc in &read.docs {
            open(&client, &format!("{}?doc={}", server.url(), doc.id)).await;
            let origin = texts(&client, "[data-provenance] .provenance-origin").await;
            assert_eq!(origin, [doc.origin.describe()], "{}", doc.id);
            let links = eval(
                &client,
                "return Array.from(document.querySelectorAll('[data-provenance] a'), a => a.getAttribute('href'));",
            )
            .await;
            let web = doc.meta.url.as_deref().filter(|u| u.starts_with("http"));
            assert_eq!(links, json!(web.into_iter().collect::<Vec<_>>()), "{}", doc.id);
            if let Some(title) = &doc.meta.title {
                let heading = texts(&client, "article[data-doc] h1").await;
                assert_eq!(heading, std::slice::from_ref(title), "{}", doc.id);
            }
        }

        // The article full of markup: its title, outlet and text show the markup as text.
        for url in [
            format!("{}?doc=x_markup", server.url()),
            format!("{}?q=Markup", server.url()),
            format!("{}?q=Prigoschin", server.url()),
        ] {
            open(&client, &url).await;
            let page = eval(&client, "return document.getElementById('app').textContent;").await;
            let page = page.as_str().unwrap_or_default();
            assert!(
                page.contains("<script>") || page.contains("<img src=x"),
                "{url}: the markup should be visible as text"
            );
            let injected = eval(
                &client,
                "return document.querySelectorAll('#app img, #app script, #app iframe, #app b, #app a[href^=\"javascript\"]').length + (window.__pwned || 0);",
            )
            .await;
            assert_eq!(injected, json!(0), "{url}: markup from the corpus was rendered");
            assert_no_dialog(&client, &url).await;
            let severe = severe_log(&client).await;
            assert!(severe.is_empty(), "{url}: errors:\n{}", format_log(&severe));
        }
        let title = texts(&client, "article[data-doc] h1, [data-hit] h2").await;
        assert!(!title.is_empty());

        // English and German spellings of a name no list knows meet (Prigozhin/Prigoschin).
        for (query, docs) in [
            ("Prigozhin", ["a_prigoschin", "b_prigozhin"]),
            ("Navalny", ["c_nawalny", "d_navalny"]),
        ] {
            open(&client, &format!("{}?q={query}", server.url())).await;
            let hits = attribute_values(&client, "data-hit").await;
            for doc in docs {
                assert!(hits.iter().any(|h| h == doc), "{query}: {doc} missing from {hits:?}");
            }
        }
    })
    .await;
}

#[tokio::test]
async fn a_missing_text_chunk_is_named_and_retry_loads_it() {
    // The test-corpus dist serves its texts apart, in chunks of three articles (as a large
    // corpus does). With the chunk of the newest articles gone, the list still lists every
    // article; their rows and the page say what is missing, and once the file is back the
    // retry shows the texts.
    let copy = support::TempDir::new("missing-texts");
    copy_dir(&built("QUELLENLAGE_TEST_CORPUS_DIST"), &copy.0);
    let data = copy.0.join("data");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("manifest.json")).unwrap())
            .expect("data/manifest.json is JSON");
    let files = manifest["texts"]["files"]
        .as_array()
        .expect("the test corpus's texts are split into chunks");
    assert!(files.len() >= 2, "{files:?}");
    let name = files[0].as_str().unwrap().to_string();
    let chunk = data.join(&name);
    let aside = copy.0.join("chunk.aside");
    std::fs::rename(&chunk, &aside).unwrap();
    let server = StaticServer::start(&copy.0, "/", 0).expect("static server");
    with_browser(|client| async move {
        client.goto(&server.url()).await.unwrap();
        wait_until(
            &client,
            "return !!document.querySelector('[data-text-error]');",
            "the missing chunk is named",
        )
        .await;
        let notice = texts(&client, "[data-text-error] p").await;
        assert!(
            notice.len() == 1
                && notice[0].contains(&format!("data/{name}"))
                && notice[0].contains("404"),
            "{notice:?}"
        );
        let missing = texts(&client, ".article-item .text-missing").await;
        assert!(!missing.is_empty(), "rows of the missing chunk say so");
        let listed = attribute_values(&client, "data-hit").await;
        let corpus = built("QUELLENLAGE_TEST_CORPUS");
        let docs = quellenlage_engine::ingest::ingest_dir(&corpus).docs;
        assert_eq!(listed.len(), docs.len(), "every article is still listed");

        std::fs::rename(&aside, &chunk).unwrap();
        click(
            &client,
            "[data-text-error] button.retry",
            "the retry button",
        )
        .await;
        wait_until(
            &client,
            "return !document.querySelector('[data-text-error]') \
             && !document.querySelector('.text-missing, [aria-busy=\"true\"]');",
            "the retry loads the texts",
        )
        .await;
        let previews = texts(&client, ".article-item .preview").await;
        assert!(
            previews.iter().filter(|p| !p.is_empty()).count() >= 3,
            "the newest rows show their texts: {previews:?}"
        );
    })
    .await;
}
