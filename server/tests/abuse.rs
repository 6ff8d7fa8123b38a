//! What anyone on the internet can do without signing in, through the running
//! application: limits kept against the right address behind a proxy.
#![expect(
    clippy::expect_used,
    reason = "a test fails loudly at the step that went wrong"
)]

mod support;

use support::{Kind, TestApp};

/// A valid staff code for the demo's admin, issued as the command line does.
async fn staff_code(app: &TestApp) -> String {
    server::seed::seed_demo(&app.store)
        .await
        .expect("the demo data is added");
    let staff = app
        .store
        .staff_by_name("Quinn Dummy")
        .await
        .expect("staff are read")[0];
    let config = server::config::Config::default();
    let origin = url::Url::parse(&app.origin).expect("an origin");
    let auth = server::auth_for(&config, origin, app::backend::auth::system_clock())
        .expect("passkeys work here");
    auth.issue_bootstrap_code(&app.store, app::backend::auth::CodeFor::Staff(staff))
        .await
        .expect("a code is issued")
        .code
}

/// Posts a code to `/auth/register/start` as `passkey.js` does, claiming to come from
/// `forwarded_for`.
async fn offer_code(app: &TestApp, code: &str, forwarded_for: &str) -> reqwest::StatusCode {
    app.client
        .post(app.url("/auth/register/start"))
        .header("origin", &app.origin)
        .header("x-forwarded-for", forwarded_for)
        .json(&serde_json::json!({ "code": code }))
        .send()
        .await
        .expect("the server answers")
        .status()
}

/// A wrong code whose first half is its own, so that only the address limit is at work.
fn wrong_code() -> String {
    app::backend::auth::new_code()
}

#[tokio::test]
async fn a_forged_forwarded_for_from_an_untrusted_peer_does_not_escape_the_address_limit() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let code = staff_code(&app).await;
    for attempt in 0..100 {
        let status = offer_code(&app, &wrong_code(), &format!("203.0.113.{attempt}")).await;
        assert_eq!(status, 422, "attempt {attempt}");
    }
    // A 101st "address" is still the same peer: the limit holds, even for a valid code.
    let status = offer_code(&app, &code, "198.51.100.200").await;
    assert_eq!(status, 429);
    app.finish().await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_one_clients_flood_does_not_block_anothers_valid_code() {
    let app = TestApp::spawn_with(Kind::Sqlite, |config| {
        config.trusted_proxies = server::config::ProxyList(vec!["127.0.0.1/32".to_owned()]);
    })
    .await;
    let code = staff_code(&app).await;
    for attempt in 0..100 {
        // A value the flooding client wrote itself on the left changes nothing.
        let forwarded = format!("192.0.2.{attempt}, 203.0.113.1");
        let status = offer_code(&app, &wrong_code(), &forwarded).await;
        assert_eq!(status, 422, "attempt {attempt}");
    }
    assert_eq!(offer_code(&app, &wrong_code(), "203.0.113.1").await, 429);
    let other_client = app.with_new_browser();
    assert_eq!(offer_code(&other_client, &code, "203.0.113.2").await, 200);
    other_client.forget();
    app.finish().await;
}
