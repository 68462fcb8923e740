//! End-to-end tests: the release build in `dist/` (see `support::dist_dir`), served over
//! HTTP and driven in headless Chromium.
//!
//! Expected values come from the corpus files, so the tests follow the corpus instead of
//! pinning today's numbers. The app's test hooks (`#app[data-ready]`, `data-hit`,
//! `article[data-doc]`, `data-main`, `data-boilerplate`, `input[type=search]`) are the
//! contract between these tests and `src/`.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use quellenlage_e2e::server::StaticServer;
use support::{
    attribute_values, click, corpus_ids, corpus_text, dist_dir, eval, format_log, open, press,
    search_box_value, severe_log, texts, wait_until, with_browser,
};

/// A news article whose text contains both a main body and typical boilerplate.
const ARTICLE: &str = "002_478a906668a5264f";
/// A sentence from that article's main text.
const ARTICLE_MAIN: &str = "Russische Touristen besuchen Nordkorea";
/// Boilerplate lines from the same article: a "show all" link and a PREV/NEXT teaser.
const ARTICLE_BOILERPLATE: [&str; 2] = ["Alle Artikel anzeigen", "PREV"];

/// The sub-folder used to check that one `dist/` works away from the site root.
const SUB_PATH: &str = "/quellenlage/app/";

fn serve(prefix: &str) -> StaticServer {
    StaticServer::start(dist_dir(), prefix, 0).expect("start the static file server")
}

/// Asserts that the article list shows every corpus document exactly once.
async fn assert_lists_whole_corpus(client: &fantoccini::Client) {
    let expected = corpus_ids();
    let hits = attribute_values(client, "data-hit").await;
    let shown: BTreeSet<String> = hits.iter().cloned().collect();
    assert_eq!(
        hits.len(),
        shown.len(),
        "some documents are listed twice: {hits:?}"
    );
    assert_eq!(
        shown, expected,
        "the list ([data-hit]) differs from the corpus"
    );
}

/// Asserts that `article[data-doc=id]` is shown and has main text.
async fn assert_shows_article(client: &fantoccini::Client, id: &str) -> Vec<String> {
    let main = texts(client, &format!("article[data-doc=\"{id}\"] [data-main]")).await;
    assert!(
        !main.is_empty(),
        "no main-text blocks in article[data-doc=\"{id}\"] [data-main]"
    );
    main
}

#[tokio::test]
async fn start_page_lists_every_corpus_document() {
    let server = serve("/");
    with_browser(|client| async move {
        open(&client, &server.url()).await;
        assert_lists_whole_corpus(&client).await;
    })
    .await;
}

#[tokio::test]
async fn article_view_keeps_boilerplate_apart_from_main_text() {
    // Guard: if the corpus changes, say so instead of failing obscurely below.
    let source = corpus_text(ARTICLE);
    for needle in [ARTICLE_MAIN].iter().chain(&ARTICLE_BOILERPLATE) {
        assert!(
            source.contains(needle),
            "corpus/{ARTICLE}.txt no longer contains {needle:?}: update this test"
        );
    }
    let server = serve("/");
    with_browser(|client| async move {
        open(&client, &format!("{}?doc={ARTICLE}", server.url())).await;
        let main = assert_shows_article(&client, ARTICLE).await;
        let boilerplate = texts(
            &client,
            &format!("article[data-doc=\"{ARTICLE}\"] [data-boilerplate]"),
        )
        .await;
        assert!(
            main.iter().any(|block| block.contains(ARTICLE_MAIN)),
            "main text lacks {ARTICLE_MAIN:?}; main blocks: {main:#?}"
        );
        for needle in ARTICLE_BOILERPLATE {
            assert!(
                boilerplate.iter().any(|block| block.contains(needle)),
                "no boilerplate block contains {needle:?}; boilerplate blocks: {boilerplate:#?}"
            );
        }
        let leaked: Vec<&String> = main
            .iter()
            .filter(|block| block.contains(ARTICLE_BOILERPLATE[0]))
            .collect();
        assert!(
            leaked.is_empty(),
            "boilerplate {:?} shows up in main text: {leaked:#?}",
            ARTICLE_BOILERPLATE[0]
        );
    })
    .await;
}

#[tokio::test]
async fn query_in_url_fills_the_search_box() {
    let server = serve("/");
    with_browser(|client| async move {
        // (URL query, the decoded text the box must show): a plain word, then umlaut and
        // space percent-encoded as a shared link would carry them.
        let cases = [
            ("Schoigu", "Schoigu"),
            ("Pj%C3%B6ngjang%20Kim", "Pjöngjang Kim"),
        ];
        for (query, expected) in cases {
            open(&client, &format!("{}?q={query}", server.url())).await;
            assert_eq!(
                search_box_value(&client).await,
                expected,
                "search box after ?q={query}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn app_works_in_a_sub_folder() {
    let server = serve(SUB_PATH);
    let article = corpus_ids()
        .into_iter()
        .next()
        .expect("corpus is not empty");
    with_browser(|client| async move {
        open(&client, &server.url()).await;
        assert_lists_whole_corpus(&client).await;

        open(
            &client,
            &format!("{}index.html?doc={article}", server.url()),
        )
        .await;
        assert_shows_article(&client, &article).await;

        // Assets must load relative to the sub-folder. Chromium asks for /favicon.ico at
        // the origin root on its own; that one is not the app's doing.
        let failures: Vec<String> = server
            .failures()
            .into_iter()
            .filter(|f| !f.starts_with("GET /favicon.ico "))
            .collect();
        assert!(
            failures.is_empty(),
            "failed requests under {SUB_PATH}: {failures:#?}"
        );
    })
    .await;
}

#[tokio::test]
async fn pages_load_without_errors() {
    let server = serve("/");
    with_browser(|client| async move {
        for page in ["".to_owned(), format!("?doc={ARTICLE}")] {
            let url = format!("{}{page}", server.url());
            open(&client, &url).await;
            // Chromium fetches the favicon after the load event; give it a moment so a
            // missing icon is caught as well.
            tokio::time::sleep(Duration::from_millis(500)).await;
            let severe: Vec<_> = severe_log(&client).await;
            assert!(
                severe.is_empty(),
                "{url}: errors in the browser log:\n{}",
                format_log(&severe)
            );
        }
        assert_eq!(server.failures(), Vec::<String>::new(), "failed requests");
    })
    .await;
}

/// WebDriver key codes.
const KEY_DOWN: &str = "\u{E015}";
const KEY_UP: &str = "\u{E013}";
const KEY_ENTER: &str = "\u{E007}";
const KEY_ESCAPE: &str = "\u{E00C}";

/// The ids of the articles shown in the list, in order.
async fn listed(client: &fantoccini::Client) -> Vec<String> {
    attribute_values(client, "data-hit").await
}

#[tokio::test]
async fn typing_searches_live_and_back_walks_through_searches() {
    let server = serve("/");
    with_browser(|client| async move {
        open(&client, &server.url()).await;
        let history = |client: fantoccini::Client| async move {
            eval(&client, "return history.length;").await.as_u64().unwrap_or(0)
        };
        let start = history(client.clone()).await;
        let input = client
            .find(fantoccini::Locator::Css("input[type=search]"))
            .await
            .expect("search box");
        input.send_keys("Shoigu").await.expect("type");
        wait_until(
            &client,
            "return document.querySelectorAll('[data-hit]').length === 2;",
            "the list shows the two articles naming Schoigu",
        )
        .await;
        // Both articles spell it "Schoigu": the match is labelled as a spelling variant.
        let marks = texts(&client, "[data-hit] mark[data-why=\"Schreibvariante\"]").await;
        assert!(marks.iter().any(|m| m == "Schoigu"), "marks: {marks:?}");
        for id in listed(&client).await {
            let text = corpus_text(&id);
            assert!(text.contains("Schoigu") || text.contains("Shoigu"), "{id}");
        }
        let url = client.current_url().await.expect("url");
        assert_eq!(url.query(), Some("q=Shoigu"), "{url}");
        assert_eq!(
            history(client.clone()).await,
            start + 1,
            "six keystrokes make one history entry"
        );
        // Enter closes this search; the next one gets its own entry.
        input.send_keys(KEY_ENTER).await.expect("enter");
        input.send_keys(" OR Lawrow").await.expect("type more");
        wait_until(
            &client,
            "return document.querySelectorAll('[data-hit]').length === 3;",
            "Schoigu OR Lawrow lists three articles",
        )
        .await;
        assert_eq!(history(client.clone()).await, start + 2);
        client.back().await.expect("back");
        wait_until(
            &client,
            "return document.getElementById('q').value === 'Shoigu' && document.querySelectorAll('[data-hit]').length === 2;",
            "Back returns to the previous search",
        )
        .await;
        client.back().await.expect("back");
        wait_until(
            &client,
            "return document.getElementById('q').value === '';",
            "Back again returns to the start page",
        )
        .await;
        assert_lists_whole_corpus(&client).await;
    })
    .await;
}

#[tokio::test]
async fn keyboard_moves_through_hits_opens_one_and_clears() {
    let server = serve("/");
    with_browser(|client| async move {
        open(&client, &format!("{}?q=Kursk", server.url())).await;
        let hits = listed(&client).await;
        assert!(hits.len() >= 2, "need two hits for Kursk, got {hits:?}");
        // "/" from anywhere focuses the search box.
        client
            .find(fantoccini::Locator::Css("body"))
            .await
            .expect("body")
            .send_keys("/")
            .await
            .expect("slash");
        wait_until(
            &client,
            "return document.activeElement.id === 'q';",
            "the box has focus",
        )
        .await;
        press(&client, KEY_DOWN).await;
        press(&client, KEY_DOWN).await;
        press(&client, KEY_UP).await;
        press(&client, KEY_DOWN).await;
        let focused = eval(
            &client,
            "return document.activeElement.closest('[data-hit]').getAttribute('data-hit');",
        )
        .await;
        assert_eq!(
            focused,
            serde_json::json!(hits[1]),
            "↓↓↑↓ ends on the second hit"
        );
        press(&client, KEY_ENTER).await;
        wait_until(
            &client,
            &format!(
                "return !!document.querySelector('article[data-doc=\"{}\"]');",
                hits[1]
            ),
            "Enter opens the focused hit",
        )
        .await;
        let marks = texts(&client, "article[data-doc] mark").await;
        assert!(
            marks.iter().any(|m| m == "Kursk"),
            "the reading view highlights the query: {marks:?}"
        );
        // Back to the list, then Esc in the box clears the query.
        client.back().await.expect("back");
        wait_until(
            &client,
            "return !document.querySelector('article[data-doc]');",
            "back shows the list",
        )
        .await;
        client
            .find(fantoccini::Locator::Css("input[type=search]"))
            .await
            .expect("box")
            .send_keys(KEY_ESCAPE)
            .await
            .expect("escape");
        wait_until(
            &client,
            "return document.getElementById('q').value === '';",
            "Esc clears",
        )
        .await;
        assert_lists_whole_corpus(&client).await;
        // The skip link moves the keyboard focus to the content and keeps the view.
        eval(&client, "document.querySelector('a.skip-link').focus();").await;
        press(&client, KEY_ENTER).await;
        wait_until(
            &client,
            "return document.activeElement.id === 'inhalt' && location.hash === '#inhalt';",
            "the skip link focuses the main content",
        )
        .await;
        assert_lists_whole_corpus(&client).await;
    })
    .await;
}

#[tokio::test]
async fn hostile_urls_render_a_page_and_run_nothing() {
    let server = serve("/");
    with_browser(|client| async move {
        let long = "Kim%20".repeat(700);
        let repeated = "q=a&".repeat(200);
        for query in [
            "q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
            "q=%22",
            "q=%ZZ",
            &format!("q={long}"),
            "doc=..%2F..%2Fetc%2Fpasswd",
            "doc=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            &repeated,
            "q=%F0%9F%99%82%D9%83%D9%8A%D9%85",
            "e=nonexistent&x=%3Cb%3E",
            "cmp=a,b,c,d,e,f",
            "from=9999-99&to=0000-00",
            "entity=..%2F..&tab=%00",
        ] {
            let url = format!("{}?{query}", server.url());
            open(&client, &url).await;
            let injected = eval(
                &client,
                "return document.querySelectorAll('img, #app script').length;",
            )
            .await;
            assert_eq!(
                injected,
                serde_json::json!(0),
                "{url}: markup from the URL was rendered"
            );
            let severe: Vec<_> = severe_log(&client).await;
            assert!(severe.is_empty(), "{url}: errors:\n{}", format_log(&severe));
            if let Ok(text) = client.get_alert_text().await {
                panic!("{url}: a dialog opened: {text:?}");
            }
        }
    })
    .await;
}

/// Ids of the corpus articles whose text contains any of `needles`.
fn corpus_docs_containing(needles: &[&str]) -> Vec<String> {
    corpus_ids()
        .into_iter()
        .filter(|id| {
            let text = corpus_text(id);
            needles.iter().any(|n| text.contains(n))
        })
        .collect()
}

#[tokio::test]
async fn facets_filter_by_entity_and_live_in_the_url() {
    let server = serve("/");
    with_browser(|client| async move {
        open(&client, &server.url()).await;
        click(
            &client,
            "[data-entity=\"sergej-schoigu\"] a.facet-include",
            "a facet for Sergej Schoigu",
        )
        .await;
        wait_until(
            &client,
            "return location.search === '?e=sergej-schoigu';",
            "the filter is in the URL",
        )
        .await;
        let expected = corpus_docs_containing(&["Schoigu", "Shoigu"]);
        wait_until(
            &client,
            &format!(
                "return document.querySelectorAll('[data-hit]').length === {};",
                expected.len()
            ),
            "the list shows only articles naming Schoigu",
        )
        .await;
        let mut shown = listed(&client).await;
        shown.sort();
        assert_eq!(shown, expected);
        // Exclude another entity: AND of include and exclude.
        click(
            &client,
            "[data-entity=\"kursk\"] a.facet-exclude",
            "exclude control for Kursk",
        )
        .await;
        wait_until(
            &client,
            "return location.search === '?e=sergej-schoigu&x=kursk';",
            "both filters in the URL",
        )
        .await;
        let without_kursk: Vec<String> = expected
            .iter()
            .filter(|id| !corpus_text(id).contains("Kursk"))
            .cloned()
            .collect();
        wait_until(
            &client,
            &format!(
                "return document.querySelectorAll('[data-hit]').length === {};",
                without_kursk.len()
            ),
            "Kursk articles are excluded",
        )
        .await;
        // Reloading the shared URL gives the same view; Back undoes the exclusion.
        client.refresh().await.expect("reload");
        wait_until(
            &client,
            "return !!document.querySelector('#app[data-ready]');",
            "ready after reload",
        )
        .await;
        assert_eq!(listed(&client).await.len(), without_kursk.len());
        client.back().await.expect("back");
        wait_until(
            &client,
            "return location.search === '?e=sergej-schoigu';",
            "Back removes the exclusion",
        )
        .await;
        // A search that finds nothing has no facet panel: no heading over an empty list...
        open(&client, &format!("{}?q=Quorkbrumm", server.url())).await;
        wait_until(
            &client,
            "return document.querySelectorAll('[data-hit]').length === 0 && !document.querySelector('aside.facets');",
            "no hits and no facet panel",
        )
        .await;
        // ...but an exclusion that empties the list stays in the panel, so it can be undone.
        open(
            &client,
            &format!("{}?q=Schoigu&x=sergej-schoigu", server.url()),
        )
        .await;
        wait_until(
            &client,
            "return document.querySelectorAll('[data-hit]').length === 0 && !!document.querySelector('aside.facets [data-entity=\"sergej-schoigu\"].excluded a.facet-exclude');",
            "the emptying exclusion is listed with its undo control",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn entity_page_lists_mentions_in_context_and_links_to_the_spot() {
    let server = serve("/");
    with_browser(|client| async move {
        open(&client, &format!("{}?entity=sergej-schoigu", server.url())).await;
        let names = texts(&client, "[data-entity-page=\"sergej-schoigu\"] .kwic-name").await;
        assert!(names.len() >= 5, "mentions: {names:?}");
        for name in &names {
            assert!(
                [
                    "Schoigu",
                    "Shoigu",
                    "Schoigus",
                    "Sergej Schoigu",
                    "Sergei Schoigu"
                ]
                .contains(&name.as_str()),
                "unexpected mention text {name:?}"
            );
        }
        click(&client, ".kwic-name", "a mention link").await;
        wait_until(
            &client,
            "return !!document.querySelector('article[data-doc] .mention.targeted');",
            "the article opens at the mention",
        )
        .await;
        let targeted = texts(&client, ".mention.targeted").await;
        assert!(
            targeted[0].contains("Schoigu") || targeted[0].contains("Shoigu"),
            "{targeted:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn figures_and_network_panels_follow_the_filters() {
    let server = serve("/");
    with_browser(|client| async move {
        open(&client, &format!("{}?tab=zahlen", server.url())).await;
        let values = texts(&client, ".figures-table td.value").await;
        assert!(values.iter().any(|v| v.contains("11.000")), "{values:?}");
        assert!(values.iter().any(|v| v.contains("15.000")), "{values:?}");
        let csv = eval(&client, "return decodeURIComponent(document.querySelector('a[download]').href.split(',').slice(1).join(','));").await;
        let csv = csv.as_str().unwrap_or_default().to_string();
        assert!(csv.starts_with("doc,outlet,date,value"), "{csv}");
        assert!(csv.contains("11.000 Soldaten"), "{csv}");
        // A filter narrows the table to the articles naming the entity.
        open(&client, &format!("{}?tab=zahlen&e=sergej-lawrow", server.url())).await;
        let values = texts(&client, ".figures-table td.value").await;
        assert!(values.iter().all(|v| !v.contains("11.000")), "11.000 is from the taz, which does not name Lawrow: {values:?}");
        assert!(values.iter().any(|v| v.contains("15.000")), "{values:?}");

        open(&client, &format!("{}?tab=netz", server.url())).await;
        let circles = eval(&client, "return document.querySelectorAll('svg.cooccurrence circle.pair').length;").await;
        assert!(circles.as_u64().unwrap_or(0) > 0, "no pairs drawn");
        click(&client, "svg.cooccurrence text[data-filter]", "a name in the picture").await;
        wait_until(&client, "return /[?&]e=/.test(location.search) && /tab=netz/.test(location.search);", "clicking a name filters").await;
    })
    .await;
}

#[tokio::test]
async fn comparison_picks_articles_aligns_sentences_and_flags_figures() {
    let server = serve("/");
    let taz = "000_1a0130057ecdf70e";
    let austrian = "003_5d34e67abcec6209";
    with_browser(|client| async move {
        open(&client, &server.url()).await;
        for id in [taz, austrian] {
            click(&client, &format!("input[data-compare-pick=\"{id}\"]"), "a compare checkbox").await;
        }
        click(&client, ".compare-bar a.button", "the Vergleichen action").await;
        wait_until(
            &client,
            &format!("return location.search === '?cmp={taz},{austrian}';"),
            "the comparison is in the URL",
        )
        .await;
        let columns = attribute_values(&client, "data-compare").await;
        assert_eq!(columns, vec![taz.to_string(), austrian.to_string()]);
        // 11.000 (taz) against 15.000 (Austrian paper) in one row, flagged.
        let differing = texts(&client, ".compare-table tr.differ").await;
        assert!(
            differing.iter().any(|r| r.contains("11.000") && r.contains("15.000") && r.contains("+36 %")),
            "{differing:?}"
        );
        // Focusing the taz sentence about 11.000 soldiers highlights the Austrian one about 15.000.
        eval(
            &client,
            "Array.from(document.querySelectorAll('[data-compare] .sentence')).find(s => s.textContent.includes('11.000 Soldaten')).focus(); return true;",
        )
        .await;
        wait_until(
            &client,
            "return Array.from(document.querySelectorAll('.sentence.counterpart')).some(s => s.textContent.includes('15.000 Soldaten'));",
            "the counterpart about 15.000 soldiers lights up",
        )
        .await;
        // …and is scrolled into view inside its own column.
        wait_until(
            &client,
            "const s = Array.from(document.querySelectorAll('.sentence.counterpart')).find(s => s.textContent.includes('15.000 Soldaten')); \
             const c = s.closest('.compare-text').getBoundingClientRect(); const r = s.getBoundingClientRect(); \
             return r.top >= c.top && r.bottom <= c.bottom;",
            "the counterpart is visible in its column",
        )
        .await;
        let only_here = texts(&client, ".sentence.only-here").await;
        assert!(only_here.iter().any(|s| s.contains("Es läuft dramatische Musik.")), "{only_here:?}");
        // A shared link opens the same comparison; broken ids are ignored.
        open(&client, &format!("{}?cmp={taz},nope,{austrian},a,b", server.url())).await;
        assert_eq!(attribute_values(&client, "data-compare").await.len(), 2);
    })
    .await;
}

#[tokio::test]
async fn overview_timeline_filters_by_month() {
    let server = serve("/");
    with_browser(|client| async move {
        open(&client, &format!("{}?tab=ueberblick", server.url())).await;
        let outlets = texts(&client, ".outlet-matrix tbody th").await;
        assert_eq!(
            outlets.len(),
            corpus_ids().len(),
            "one row per outlet of the bundled corpus: {outlets:?}"
        );
        // The taz article is dated 2025-06 in its header line.
        assert!(corpus_text("000_1a0130057ecdf70e").starts_with(" date 2025-06"));
        click(
            &client,
            "g.month[data-month=\"2025-06\"] rect",
            "a bar for June 2025",
        )
        .await;
        wait_until(
            &client,
            "return /from=2025-06/.test(location.search) && /to=2025-06/.test(location.search);",
            "the month is in the URL",
        )
        .await;
        click(&client, "#tab-articles", "articles tab").await;
        wait_until(
            &client,
            "return document.querySelectorAll('[data-hit]').length === 1;",
            "one article in June 2025",
        )
        .await;
        assert_eq!(
            listed(&client).await,
            vec!["000_1a0130057ecdf70e".to_string()]
        );
        // An impossible month is ignored, not an error.
        open(
            &client,
            &format!("{}?from=9999-99&to=2025-13", server.url()),
        )
        .await;
        assert_lists_whole_corpus(&client).await;
    })
    .await;
}
