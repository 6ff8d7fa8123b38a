//! What a first visit costs: every page a family meets first, and the pages staff use most,
//! with everything each asks for (HTML, styles, scripts and WebAssembly), as a browser
//! that accepts brotli is sent them, from a release build of the site.
//!
//! Bytes do not depend on the machine, so this is a test and not a benchmark. It needs the
//! release build of the browser's files, which `scripts/test.sh` makes in
//! `target/budget-site` and names in `PORTAL_BUDGET_SITE` before running this test by
//! name; a plain `cargo test` skips it.

use crate::http::files_asked_for;
use crate::support;
use support::demo::{family, family_id};
use support::{Kind, TestApp};

/// The most a family's or a child's page may send on a first visit.
const FAMILY_BUDGET: usize = 150 * 1024;
/// The most a staff page may send on a first visit.
const STAFF_BUDGET: usize = 350 * 1024;

/// The body a browser that accepts brotli is sent for `path`, as it crosses the network,
/// and how it was encoded.
async fn sent(app: &TestApp, path: &str, cookie: Option<&str>) -> (Vec<u8>, String) {
    let mut request = reqwest::Client::new()
        .get(app.url(path))
        .header("accept-encoding", "br, gzip");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let encoding = response
        .headers()
        .get("content-encoding")
        .map(|e| e.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (response.bytes().await.unwrap().to_vec(), encoding)
}

#[tokio::test]
#[ignore = "needs a release build of the site; scripts/test.sh makes one and runs this"]
async fn a_first_visit_to_any_page_stays_within_its_budget() {
    let site = std::path::PathBuf::from(
        std::env::var("PORTAL_BUDGET_SITE").expect("PORTAL_BUDGET_SITE names a release site"),
    );
    server::assets::compress_site(&site).unwrap();
    let root = site.clone();
    let app = TestApp::spawn_with(Kind::Sqlite, |c| c.site_root = root).await;
    let f = family(&app).await;
    let family = family_id(&app).await;
    let goal = support::demo::alex_goal(&app, &f, "only_me").await;

    let alex = Some(f.alex.as_str());
    let worker = Some(f.worker.as_str());
    let family_pages = [
        ("start page", "/".to_owned(), None),
        ("sign-up", "/start".to_owned(), None),
        ("feedback", "/feedback".to_owned(), None),
        ("a parent's home", "/home".to_owned(), alex),
        (
            "a check-in question",
            format!("/goals/{goal}/check-in"),
            alex,
        ),
        (
            "a child's start",
            "/child".to_owned(),
            Some(f.charlie.as_str()),
        ),
    ];
    let staff_pages = [
        ("a worker's home", "/home".to_owned(), worker),
        ("Module 8", format!("/families/{family}/views"), worker),
        ("the pack", format!("/families/{family}/pack"), worker),
    ];
    let pages = (family_pages.into_iter().map(|p| (p, FAMILY_BUDGET)))
        .chain(staff_pages.into_iter().map(|p| (p, STAFF_BUDGET)));
    let mut over = Vec::new();
    println!("First visit, brotli, release build:");
    for ((name, path, cookie), budget) in pages {
        let (page, encoding) = sent(&app, &path, cookie).await;
        assert_eq!(encoding, "br", "{name} ({path}) was not sent in brotli");
        let html = String::from_utf8(brotli_decoded(&page)).unwrap();
        let mut files = files_asked_for(&html);
        files.push("/brand.css".to_owned());
        files.sort();
        files.dedup();
        let mut total = page.len();
        let mut parts = vec![format!("page {}", page.len())];
        for file in &files {
            let (bytes, encoding) = sent(&app, file, None).await;
            let bytes = bytes.len();
            assert!(
                encoding == "br" || file == "/brand.css",
                "{name}: {file} was not sent in brotli"
            );
            total += bytes;
            parts.push(format!(
                "{} {bytes}",
                file.rsplit('/').next().unwrap_or(file)
            ));
        }
        println!("  {name:<22} {total:>8} bytes ({})", parts.join(", "));
        assert!(
            files.iter().any(|f| f.ends_with(".wasm")),
            "{name}: the page asks for no WebAssembly: {files:?}"
        );
        if total > budget {
            over.push(format!(
                "{name} ({path}) sends {total} bytes on a first visit, over its {budget}: {}",
                parts.join(", ")
            ));
        }
    }
    assert!(over.is_empty(), "over budget:\n{}", over.join("\n"));
    app.finish().await;
}

fn brotli_decoded(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}
