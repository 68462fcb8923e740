//! Accessibility and phone layout (issue 7, sections 3 and 4), on the release build in
//! `dist/` driven in headless Chromium:
//!
//! - axe-core, injected from the npm package `cargo xtask test` installs (not from `dist/`),
//!   finds no serious or critical violation on any kind of view, in light and in dark mode
//!   (its `color-contrast` rule checks the 4.5:1 contrast the issue asks for);
//! - at 390×844 (a phone) no view scrolls sideways.
//!
//! Set `QUELLENLAGE_SCREENSHOTS` to also save phone screenshots of every view to
//! [`SHOT_DIR`], for a person to look at.

#[allow(dead_code)] // These tests use only some of the shared helpers.
mod support;

use std::path::PathBuf;
use std::time::Duration;
use std::{env, fs};

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, Locator};
use quellenlage_e2e::server::StaticServer;
use serde_json::{json, Value};
use support::{cdp, corpus_dir, corpus_ids, corpus_text, dist_dir, open, with_browser};

/// Where `cargo xtask test` installs npm `axe-core` (see `xtask/src/tools.rs`), relative to
/// the workspace root.
const AXE_DEFAULT: &str = "target/tools/axe/node_modules/axe-core/axe.min.js";
/// An entity of the bundled corpus with mentions in several outlets.
const ENTITY: &str = "sergej-schoigu";
/// A search with hits in the bundled corpus.
const QUERY: &str = "Schoigu";
/// The phone viewport the issue names.
const PHONE: (u32, u32) = (390, 844);
/// How many screens of one view are saved when `QUELLENLAGE_SCREENSHOTS` is set.
const MAX_SHOTS: u32 = 8;
/// Where screenshots go when `QUELLENLAGE_SCREENSHOTS` is set.
const SHOT_DIR: &str = "/tmp/a11y-shots";
/// How long a view may take to show its content after the app is ready.
const VIEW_TIMEOUT: Duration = Duration::from_secs(5);
/// How many offending elements a failure message names per violation.
const MAX_NODES: usize = 6;
/// How long one axe-core run may take.
const AXE_TIMEOUT: Duration = Duration::from_secs(60);

/// One view of the app: its URL query and an element that proves it rendered its content
/// (axe on an empty page would find nothing wrong).
struct View {
    name: &'static str,
    query: String,
    content: String,
}

/// Every kind of view the issue names: the list, a search, an article, an entity page, a
/// comparison and the three other tabs of the list.
fn views() -> Vec<View> {
    let ids: Vec<String> = corpus_ids().into_iter().collect();
    assert!(ids.len() >= 2, "a comparison needs two corpus documents");
    let entities =
        fs::read_to_string(corpus_dir().join("entities.toml")).expect("read corpus/entities.toml");
    assert!(
        entities.contains(&format!("[{ENTITY}]")),
        "corpus/entities.toml has no [{ENTITY}]: update ENTITY in this test"
    );
    assert!(
        ids.iter().any(|id| corpus_text(id).contains(QUERY)),
        "no corpus document contains {QUERY:?}: update QUERY in this test"
    );
    let (first, second) = (&ids[0], &ids[1]);
    let view = |name, query: String, content: String| View {
        name,
        query,
        content,
    };
    vec![
        view("liste", String::new(), "[data-hit]".into()),
        view("suche", format!("?q={QUERY}"), "[data-hit] mark".into()),
        view(
            "artikel",
            format!("?doc={first}"),
            format!("article[data-doc=\"{first}\"] [data-main]"),
        ),
        view(
            "eintrag",
            format!("?entity={ENTITY}"),
            format!("[data-entity-page=\"{ENTITY}\"] .kwic"),
        ),
        view(
            "vergleich",
            format!("?cmp={first},{second}"),
            format!("article[data-compare=\"{second}\"]"),
        ),
        view(
            "zahlen",
            "?tab=zahlen".into(),
            ".figures-panel tbody tr".into(),
        ),
        view("netz", "?tab=netz".into(), ".network-panel svg".into()),
        view(
            "ueberblick",
            "?tab=ueberblick".into(),
            ".outlet-matrix tbody tr".into(),
        ),
    ]
}

fn serve() -> StaticServer {
    StaticServer::start(dist_dir(), "/", 0).expect("start the static file server")
}

/// Opens `view` and waits until its content is there.
async fn open_view(client: &Client, server: &StaticServer, view: &View) -> String {
    let url = format!("{}{}", server.url(), view.query);
    open(client, &url).await;
    client
        .wait()
        .at_most(VIEW_TIMEOUT)
        .every(Duration::from_millis(50))
        .for_element(Locator::Css(&view.content))
        .await
        .unwrap_or_else(|e| {
            panic!(
                "{url}: the {} view shows no {} within {VIEW_TIMEOUT:?}: {e}",
                view.name, view.content
            )
        });
    url
}

/// The axe-core script: `$QUELLENLAGE_AXE`, else the copy `cargo xtask test` installs.
fn axe_source() -> String {
    let path = env::var_os("QUELLENLAGE_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| support::workspace_root().join(AXE_DEFAULT));
    fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read axe-core at {}: {e}\nrun `cargo xtask test` once (it installs npm \
             axe-core there), or point QUELLENLAGE_AXE at an axe.min.js",
            path.display()
        )
    })
}

/// Runs axe-core on the current page and returns one line per serious or critical
/// violation. Panics if axe cannot run or did not check colour contrast.
async fn axe_violations(client: &Client, axe: &str, url: &str) -> Vec<String> {
    // A <script> element runs the library in the page's global scope, as a site would.
    let loaded = client
        .execute(
            "const s = document.createElement('script'); s.textContent = arguments[0]; \
             document.head.appendChild(s); s.remove(); return typeof window.axe;",
            vec![json!(axe)],
        )
        .await
        .unwrap_or_else(|e| panic!("{url}: cannot inject axe-core: {e}"));
    assert_eq!(loaded, json!("object"), "{url}: axe-core did not load");
    client
        .update_timeouts(TimeoutConfiguration::new(Some(AXE_TIMEOUT), None, None))
        .await
        .expect("set the script timeout");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { resultTypes: ['violations'] }).then(r => done({ \
               checked: r.passes.concat(r.violations, r.incomplete).map(x => x.id), \
               violations: r.violations \
                 .filter(v => v.impact === 'serious' || v.impact === 'critical') \
                 .map(v => ({ id: v.id, impact: v.impact, help: v.help, \
                   nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + \
                     (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300)) })) \
             }), e => done({ error: String(e) }));",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("{url}: axe.run failed: {e}"));
    if let Some(error) = result.get("error") {
        panic!("{url}: axe.run rejected: {error}");
    }
    let checked: Vec<String> =
        serde_json::from_value(result["checked"].clone()).expect("axe rule ids");
    assert!(
        checked.iter().any(|id| id == "color-contrast"),
        "{url}: axe did not check colour contrast (rules checked: {checked:?})"
    );
    let violations = result["violations"]
        .as_array()
        .expect("axe violations are a list");
    violations
        .iter()
        .map(|v| {
            let all: Vec<&str> = v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let mut nodes: Vec<String> =
                all.iter().take(MAX_NODES).map(|n| n.to_string()).collect();
            if all.len() > MAX_NODES {
                nodes.push(format!("… and {} more elements", all.len() - MAX_NODES));
            }
            format!(
                "{url}: [{}] {} — {}\n      {}",
                v["impact"].as_str().unwrap_or("?"),
                v["id"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
                nodes.join("\n      ")
            )
        })
        .collect()
}

/// Runs axe-core on every view with the given `prefers-color-scheme`, on a phone screen
/// when `phone` is set, and fails listing every serious or critical violation.
async fn assert_axe_clean(scheme: &'static str, phone: bool) {
    let axe = axe_source();
    let server = serve();
    with_browser(move |client| async move {
        if phone {
            emulate_phone(&client, PHONE.0, PHONE.1).await;
        }
        cdp(
            &client,
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
        let mut found = Vec::new();
        for view in views() {
            let url = open_view(&client, &server, &view).await;
            let applied = client
                .execute(
                    "return matchMedia('(prefers-color-scheme: ' + arguments[0] + ')').matches;",
                    vec![json!(scheme)],
                )
                .await
                .expect("read prefers-color-scheme");
            assert_eq!(
                applied,
                json!(true),
                "{url}: the page does not see prefers-color-scheme: {scheme}"
            );
            found.extend(axe_violations(&client, &axe, &url).await);
        }
        assert!(
            found.is_empty(),
            "axe-core ({scheme} mode{}) found {} serious or critical violations:\n  {}",
            if phone { ", phone" } else { "" },
            found.len(),
            found.join("\n  ")
        );
    })
    .await;
}

#[tokio::test]
async fn axe_finds_nothing_serious_in_light_mode() {
    assert_axe_clean("light", false).await;
}

#[tokio::test]
async fn axe_finds_nothing_serious_in_dark_mode() {
    assert_axe_clean("dark", false).await;
}

/// On a narrow screen tables scroll sideways in their own box, which must then be reachable
/// by keyboard (axe's `scrollable-region-focusable`), and the layout differs.
#[tokio::test]
async fn axe_finds_nothing_serious_on_a_phone() {
    assert_axe_clean("light", true).await;
}

/// Emulates a phone of `width`×`height` CSS pixels (touch, device-width viewport).
async fn emulate_phone(client: &Client, width: u32, height: u32) {
    cdp(
        client,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 2, "mobile": true }),
    )
    .await;
}

/// The page's width against the viewport's, and when it is wider, the elements sticking out
/// furthest (those not clipped by a scroll container that itself fits), widest first.
///
/// The reference is the layout viewport (`clientWidth`): on an emulated phone Chromium zooms
/// out to fit a too-wide page, so `innerWidth` grows with the content (it is reported too).
const OVERFLOW_SCRIPT: &str = r#"
const vw = document.documentElement.clientWidth;
const page = document.documentElement.scrollWidth;
const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    Array.from(e.classList, c => '.' + c).join('');
const path = e => {
    const parts = [];
    for (let n = e; n && n !== document.body && parts.length < 4; n = n.parentElement) {
        parts.unshift(name(n));
    }
    return parts.join(' > ');
};
const clipped = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o !== 'visible' && a.getBoundingClientRect().right <= vw + 0.5) return true;
    }
    return false;
};
let offenders = [];
if (page > vw) {
    for (const e of document.body.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.width > 0 && r.right > vw + 0.5 && !clipped(e)) {
            offenders.push({ right: r.right, text: path(e) + ' (right edge ' +
                Math.round(r.right) + ' px, width ' + Math.round(r.width) + ' px)' });
        }
    }
    offenders.sort((a, b) => b.right - a.right);
}
return { viewport: vw, inner: window.innerWidth, page: page,
         offenders: offenders.slice(0, 5).map(o => o.text) };
"#;

/// Saves the page screen by screen (at most [`MAX_SHOTS`] screens) as
/// `SHOT_DIR/<name>-390-<n>.png`, then scrolls back to the top.
async fn save_screenshots(client: &Client, name: &str) {
    fs::create_dir_all(SHOT_DIR).expect("create the screenshot directory");
    let width = PHONE.0;
    for n in 1..=MAX_SHOTS {
        let shot = client.screenshot().await.expect("take a screenshot");
        fs::write(format!("{SHOT_DIR}/{name}-{width}-{n}.png"), shot)
            .expect("write the screenshot");
        let at_end = client
            .execute(
                "const before = scrollY; scrollBy(0, innerHeight - 40); return scrollY === before;",
                vec![],
            )
            .await
            .expect("scroll down one screen");
        if at_end == json!(true) {
            break;
        }
    }
    client
        .execute("scrollTo(0, 0);", vec![])
        .await
        .expect("scroll back to the top");
}

#[tokio::test]
async fn no_view_scrolls_sideways_on_a_phone() {
    let server = serve();
    let screenshots = env::var_os("QUELLENLAGE_SCREENSHOTS").is_some();
    with_browser(|client| async move {
        let (width, height) = PHONE;
        emulate_phone(&client, width, height).await;
        let mut found = Vec::new();
        for view in views() {
            let url = open_view(&client, &server, &view).await;
            let measured = client
                .execute(OVERFLOW_SCRIPT, vec![])
                .await
                .unwrap_or_else(|e| panic!("{url}: cannot measure the page: {e}"));
            assert_eq!(
                measured["viewport"],
                json!(width),
                "{url}: the emulated phone viewport is not {width} px wide: {measured}"
            );
            let page = measured["page"].as_u64().expect("scrollWidth");
            if page > u64::from(width) || measured["inner"].as_u64() > Some(u64::from(width)) {
                let offenders: Vec<String> =
                    serde_json::from_value(measured["offenders"].clone()).expect("offenders");
                found.push(format!(
                    "{url}: the page is {page} px wide (innerWidth {}) on a {width} px \
                     screen; sticking out:\n      {}",
                    measured["inner"],
                    offenders.join("\n      ")
                ));
            }
            if screenshots {
                save_screenshots(&client, view.name).await;
            }
        }
        assert!(
            found.is_empty(),
            "views scroll sideways at {width}×{height}:\n  {}",
            found.join("\n  ")
        );
    })
    .await;
}
