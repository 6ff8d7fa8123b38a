//! The running application over HTTP: pages, probes, the feedback form with and without
//! the browser's code, and the error policy.

use crate::support;
use crate::support::Connect;
use app::backend::store;

use support::{Kind, TestApp};

const FEEDBACK_FN: &str = "/api/feedback";

fn submission() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[tokio::test]
async fn the_probes_say_alive_and_ready() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let alive = app.get("/healthz").await;
    assert_eq!(alive.status(), 200);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    app.finish().await;
}

#[tokio::test]
async fn the_start_page_is_rendered_on_the_server_with_the_councils_branding() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let page = app.get("/").await;
    assert_eq!(page.status(), 200);
    let headers = page.headers().clone();
    let body = page.text().await.unwrap();
    assert!(body.contains("Have your say, in your own words"), "{body}");
    assert!(body.contains("Test family portal"));
    assert!(
        body.contains("<title>Start – Test family portal</title>"),
        "{body}"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    let css = app.get("/brand.css").await;
    assert!(css.text().await.unwrap().contains("--brand-colour:#1d70b8"));
    app.finish().await;
}

#[tokio::test]
async fn an_unknown_address_gets_the_not_found_page_with_status_404() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let page = app.get("/no/such/page").await;
    assert_eq!(page.status(), 404);
    assert_eq!(page.headers()["x-content-type-options"], "nosniff");
    let body = page.text().await.unwrap();
    assert!(body.contains("Page not found"), "{body}");
    app.finish().await;
}

#[tokio::test]
async fn feedback_posted_without_webassembly_is_kept_and_redirects() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let id = submission();
    let response = app
        .post_form(
            "/feedback",
            &[
                ("__fn", FEEDBACK_FN),
                ("submission", &id),
                ("satisfaction", "very_satisfied"),
                ("comments", "Easy to use on my phone"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/feedback/sent");
    assert!(
        store::feedback::feedback_exists(&mut *app.store.conn().await, &id)
            .await
            .unwrap()
    );
    app.finish().await;
}

#[tokio::test]
async fn a_problem_without_webassembly_redraws_the_page_with_everything_typed() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let id = submission();
    let words = "I typed this on the bus & it <matters>";
    let response = app
        .post_form(
            "/feedback",
            &[
                ("__fn", FEEDBACK_FN),
                ("submission", &id),
                ("comments", words),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("There is a problem"), "{body}");
    assert!(body.contains("<title>Error: Give feedback"), "{body}");
    assert!(body.contains("href=\"#satisfaction\""), "{body}");
    assert!(body.contains("Select how you feel about this service."));
    // The words come back exactly, escaped for HTML, in the same field.
    assert!(
        body.contains("I typed this on the bus &amp; it &lt;matters&gt;"),
        "{body}"
    );
    assert!(
        body.contains(&id),
        "the same submission id is kept for the retry"
    );
    assert_eq!(
        store::feedback::feedback_count(&mut *app.store.conn().await)
            .await
            .unwrap(),
        0
    );
    app.finish().await;
}

#[tokio::test]
async fn a_chosen_answer_stays_chosen_when_another_field_has_a_problem() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let too_long = "a".repeat(1201);
    let response = app
        .post_form(
            "/feedback",
            &[
                ("__fn", FEEDBACK_FN),
                ("submission", &submission()),
                ("satisfaction", "dissatisfied"),
                ("comments", &too_long),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("1200 characters or fewer"), "{body}");
    assert!(
        body.contains("value=\"dissatisfied\" checked"),
        "the chosen radio stays checked: {body}"
    );
    app.finish().await;
}

#[tokio::test]
async fn the_same_feedback_sent_twice_after_a_dropped_connection_is_kept_once() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let id = submission();
    for _ in 0..2 {
        let response = app
            .post_form(
                "/feedback",
                &[
                    ("__fn", FEEDBACK_FN),
                    ("submission", &id),
                    ("satisfaction", "neither"),
                ],
            )
            .await;
        assert_eq!(response.status(), 303);
    }
    assert_eq!(
        store::feedback::feedback_count(&mut *app.store.conn().await)
            .await
            .unwrap(),
        1
    );
    app.finish().await;
}

#[tokio::test]
async fn the_server_function_answers_a_hydrated_page_with_field_errors_not_a_server_error() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let response = app
        .client
        .post(app.url(FEEDBACK_FN))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("sec-fetch-site", "same-origin")
        .body(format!("submission={}&satisfaction=", submission()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let error: app::api::AppError =
        serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    let fields = error.field_errors().expect("field errors");
    assert_eq!(fields.iter().next().unwrap().field, "satisfaction");
    app.finish().await;
}

#[tokio::test]
async fn garbage_sent_to_a_server_function_is_a_bad_request_never_a_500() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    for (content_type, body) in [
        ("application/x-www-form-urlencoded", "%%%%=&&&=%zz"),
        ("application/json", "{not json"),
        ("text/plain", "\u{0}\u{1}"),
    ] {
        let response = app
            .client
            .post(app.url(FEEDBACK_FN))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_client_error(),
            "{content_type}: {}",
            response.status()
        );
    }
    app.finish().await;
}

#[tokio::test]
async fn a_page_post_without_a_known_form_is_refused_plainly() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let response = app.post_form("/feedback", &[("comments", "kept")]).await;
    assert_eq!(response.status(), 400);
    let body = response.text().await.unwrap();
    assert!(
        body.contains("Go back, reload the page and try again."),
        "{body}"
    );
    assert!(
        body.contains("kept"),
        "what was typed is still there: {body}"
    );
    let oversized = app
        .post_form("/feedback", &[("comments", &"x".repeat(300 * 1024))])
        .await;
    assert_eq!(oversized.status(), 413);
    app.finish().await;
}

#[tokio::test]
async fn the_portal_serves_and_saves_the_same_way_on_postgresql() {
    let app = TestApp::spawn(Kind::Postgres).await;
    let page = app.get("/feedback").await;
    assert_eq!(page.status(), 200);
    let id = submission();
    let response = app
        .post_form(
            "/feedback",
            &[
                ("__fn", FEEDBACK_FN),
                ("submission", &id),
                ("satisfaction", "satisfied"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        store::feedback::feedback_exists(&mut *app.store.conn().await, &id)
            .await
            .unwrap()
    );
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    app.finish().await;
}

#[tokio::test]
async fn words_echoed_back_into_a_text_box_cannot_inject_markup() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let words = "</textarea><b id=\"injected\">hello</b>";
    let response = app
        .post_form(
            "/feedback",
            &[
                ("__fn", FEEDBACK_FN),
                ("submission", &submission()),
                ("comments", words),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(!body.contains("<b id=\"injected\">"), "{body}");
    assert!(
        body.contains("&lt;/textarea&gt;&lt;b id=\"injected\"&gt;hello&lt;/b&gt;"),
        "{body}"
    );
    app.finish().await;
}

#[tokio::test]
async fn confirming_never_offers_to_go_to_another_site_afterwards() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    // `then` as the browser decodes it: `/\evil.example`, `/%09/evil.example`,
    // `//evil.example` and a plain address elsewhere.
    for then in [
        "%2F%5Cevil.example",
        "/%5Cevil.example",
        "%2F%2509%2Fevil.example",
        "%2F%09%2Fevil.example",
        "%2F%2Fevil.example",
        "https%3A%2F%2Fevil.example",
    ] {
        let page = app.get(&format!("/confirm?then={then}")).await;
        assert_eq!(page.status(), 200, "{then}");
        let body = page.text().await.expect("a body");
        assert!(body.contains("data-then=\"/home\""), "{then}: {body}");
        assert!(!body.contains("evil.example"), "{then}: {body}");
    }
    let page = app.get("/confirm?then=%2Fgoals").await;
    let body = page.text().await.expect("a body");
    assert!(body.contains("data-then=\"/goals\""), "{body}");
    app.finish().await;
}

/// A site as a release build leaves it once `server compress-assets` has run.
fn built_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    let css = ".govuk-body { margin: 0 0 20px; }\n".repeat(500);
    std::fs::write(site.path().join("pkg/portal.css"), &css).unwrap();
    server::assets::compress_site(site.path()).unwrap();
    site
}

/// Whether a response says that a cache must keep its encodings apart.
fn varies_by_encoding(headers: &reqwest::header::HeaderMap) -> bool {
    headers
        .get_all("vary")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("accept-encoding"))
}

fn unbrotli(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut out = String::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_string(&mut out)
        .unwrap();
    out
}

#[tokio::test]
async fn a_browser_that_accepts_brotli_gets_the_copy_made_at_build_time() {
    let site = built_site();
    let root = site.path().to_owned();
    let app = TestApp::spawn_with(Kind::Sqlite, |c| c.site_root = root).await;
    let raw = std::fs::read_to_string(site.path().join("pkg/portal.css")).unwrap();

    let plain = app.get("/pkg/portal.css").await;
    assert_eq!(plain.status(), 200);
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.unwrap(), raw);

    let asked = |encoding: &'static str| {
        app.client
            .get(app.url("/pkg/portal.css"))
            .header("accept-encoding", encoding)
            .send()
    };
    let br = asked("gzip, deflate, br").await.unwrap();
    assert_eq!(br.status(), 200);
    assert_eq!(br.headers()["content-encoding"], "br");
    assert!(varies_by_encoding(br.headers()));
    // Its name carries no hash, so the browser asks again each time: an upgrade can never
    // leave an old file beside new pages. Asking again costs a 304, not the file.
    assert_eq!(br.headers()["cache-control"], "no-cache");
    assert_eq!(br.headers()["x-content-type-options"], "nosniff");
    let last_modified = br.headers()["last-modified"].clone();
    let bytes = br.bytes().await.unwrap();
    assert!(
        bytes.len() * 10 < raw.len(),
        "{} of {}",
        bytes.len(),
        raw.len()
    );
    assert_eq!(unbrotli(&bytes), raw);

    let gz = asked("gzip").await.unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");

    let again = app
        .client
        .get(app.url("/pkg/portal.css"))
        .header("if-modified-since", last_modified)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    app.finish().await;
}

#[tokio::test]
async fn pages_are_compressed_as_they_are_sent_and_still_never_kept() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let page = app
        .client
        .get(app.url("/"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let headers = page.headers().clone();
    assert_eq!(headers["content-encoding"], "br");
    assert!(varies_by_encoding(&headers));
    assert_eq!(headers["cache-control"], "no-store");
    for header in [
        "content-security-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
    ] {
        assert!(headers.contains_key(header), "{header} is missing");
    }
    let html = unbrotli(&page.bytes().await.unwrap());
    assert!(html.contains("Test family portal"), "{html}");
    app.finish().await;
}

/// The server these tests run is built by plain cargo, not by cargo-leptos: every file a
/// page asks for must still be one the site build writes, or nothing hydrates.
#[tokio::test]
async fn every_file_a_page_asks_for_is_one_the_site_build_writes() {
    let site = tempfile::tempdir().unwrap();
    let written = [
        "pkg/portal.css",
        "pkg/portal.js",
        "pkg/portal.wasm",
        "scripts/exit.js",
        "scripts/passkey.js",
        "scripts/read-aloud.js",
        "scripts/child.js",
        "scripts/forms.js",
        "scripts/offline.js",
    ];
    for file in written {
        let path = site.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, format!("/* {file} */")).unwrap();
    }
    let root = site.path().to_owned();
    let app = TestApp::spawn_with(Kind::Sqlite, |c| c.site_root = root).await;
    let page = app.get("/").await.text().await.unwrap();
    let asked = files_asked_for(&page);
    for file in ["/pkg/portal.css", "/pkg/portal.js", "/pkg/portal.wasm"] {
        assert!(
            asked.iter().any(|a| a.ends_with(file)),
            "{file} is not asked for: {page}"
        );
    }
    for path in &asked {
        assert_eq!(app.get(path).await.status(), 200, "{path}");
    }
    app.finish().await;
}

/// Every style, script and WebAssembly file a page asks for, by the address it uses.
pub(crate) fn files_asked_for(page: &str) -> Vec<String> {
    regex::Regex::new(r#"["']((?:/build/[0-9a-f]+)?/(?:pkg|scripts)/[^"']+)["']"#)
        .unwrap()
        .captures_iter(page)
        .map(|c| c[1].to_owned())
        .collect()
}

/// After an upgrade a phone may still hold the last build's files: pages ask for each
/// build's files by a name of its own, so a page is never drawn with another build's
/// WebAssembly, and a browser keeps the files for a year without asking again.
#[tokio::test]
async fn pages_ask_for_this_builds_files_by_a_name_of_its_own_which_browsers_keep() {
    let site = built_site();
    let root = site.path().to_owned();
    let first = TestApp::spawn_with(Kind::Sqlite, |c| c.site_root = root).await;
    let page = first.get("/").await.text().await.unwrap();
    let asked = files_asked_for(&page);
    assert!(!asked.is_empty(), "{page}");
    assert!(
        asked.iter().all(|a| a.starts_with("/build/")),
        "a page asks for a file by a name every build shares: {asked:?}"
    );
    let css = asked
        .iter()
        .find(|a| a.ends_with("/pkg/portal.css"))
        .expect("the page asks for its styles")
        .clone();

    let kept = first
        .client
        .get(first.url(&css))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(kept.status(), 200);
    let headers = kept.headers().clone();
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(headers["content-encoding"], "br");
    assert!(varies_by_encoding(&headers));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let raw = std::fs::read_to_string(site.path().join("pkg/portal.css")).unwrap();
    assert_eq!(unbrotli(&kept.bytes().await.unwrap()), raw);

    // A name no build of this server has is simply not there, and is never kept.
    let unknown = first.get("/build/0123456789abcdef/pkg/portal.css").await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(unknown.headers()["cache-control"], "no-store");
    first.finish().await;

    // The next build changes one file: its pages ask for new names, and the old names
    // are gone, so an old page cannot start the new WebAssembly nor a new page the old.
    std::fs::write(
        site.path().join("pkg/portal.css"),
        raw.replace("20px", "25px"),
    )
    .unwrap();
    server::assets::compress_site(site.path()).unwrap();
    let root = site.path().to_owned();
    let second = TestApp::spawn_with(Kind::Sqlite, |c| c.site_root = root).await;
    let page = second.get("/").await.text().await.unwrap();
    let newer = files_asked_for(&page)
        .into_iter()
        .find(|a| a.ends_with("/pkg/portal.css"))
        .expect("the page asks for its styles");
    assert_ne!(newer, css);
    assert_eq!(second.get(&newer).await.status(), 200);
    assert_eq!(second.get(&css).await.status(), 404);
    let page = second.get("/").await;
    assert_eq!(page.headers()["cache-control"], "no-store");
    second.finish().await;
}

/// A family can add the portal to a phone's home screen. Someone else may look at that
/// phone: every page names the manifest, whose name and icon say nothing about the
/// service unless the council sets a name of its own, and it is the same for everyone.
#[tokio::test]
async fn the_portal_can_go_on_a_home_screen_under_a_name_that_says_nothing_about_it() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let page = app.get("/").await.text().await.unwrap();
    assert!(
        page.contains(r#"<link rel="manifest" href="/manifest.webmanifest""#),
        "{page}"
    );
    let response = app.get("/manifest.webmanifest").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/manifest+json"
    );
    assert_eq!(response.headers()["cache-control"], "no-cache");
    let manifest: serde_json::Value = response.json().await.unwrap();
    assert_eq!(manifest["name"], "My portal");
    assert_eq!(manifest["start_url"], "/");
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["icons"][0]["src"], "/icon.svg");
    let said = manifest.to_string().to_lowercase();
    for word in ["family", "child", "social", "safeguard", "council", "care"] {
        assert!(!said.contains(word), "the manifest says {word:?}: {said}");
    }
    app.finish().await;

    let named = TestApp::spawn_with(Kind::Sqlite, |c| {
        c.brand.app_name = "Notes (demo)".to_owned();
    })
    .await;
    let manifest: serde_json::Value = named
        .get("/manifest.webmanifest")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(manifest["name"], "Notes (demo)");
    named.finish().await;
}
