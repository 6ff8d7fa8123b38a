//! What anyone on the internet can do without signing in, through the running
//! application: limits kept against the right address behind a proxy, refused requests
//! that cannot grow the audit trail without bound, and bodies too large to read.

use crate::support;
use crate::support::Connect;
use app::backend::store;

use support::{Kind, TestApp};

/// A valid staff code for the demo's admin, issued as the command line does.
async fn staff_code(app: &TestApp) -> String {
    server::seed::seed_demo(&app.store)
        .await
        .expect("the demo data is added");
    let staff = store::people::staff_by_name(&mut *app.store.conn().await, "Quinn Dummy")
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

#[tokio::test]
async fn two_thousand_anonymous_requests_add_a_handful_of_audit_rows_and_are_all_counted() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let before = app.store.audit_count().await.expect("the trail is read");
    // Eight callers at once, as a flood would come, 250 requests each.
    let mut callers = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(support::REQUEST_TIMEOUT)
            .build()
            .expect("a client");
        let url = app.url("/home");
        callers.spawn(async move {
            for _ in 0..250 {
                let status = client
                    .get(&url)
                    .send()
                    .await
                    .expect("the server answers")
                    .status();
                assert_eq!(status, 401);
            }
        });
    }
    while let Some(done) = callers.join_next().await {
        done.expect("a caller finished");
    }
    let added = app.store.audit_count().await.expect("the trail is read") - before;
    // One row per address and minute: a run that crosses a minute or two adds another.
    assert!(
        (1..10).contains(&added),
        "{added} audit rows for 2,000 refusals"
    );
    assert_eq!(
        store::refusals::refusals_counted(
            &mut *app.store.conn().await,
            "127.0.0.1",
            "sign_in_needed"
        )
        .await
        .expect("the counts are read"),
        2000
    );
    let data_dir = app.data_dir().expect("a SQLite data directory");
    let verify = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("verify-audit")
        .env("PORTAL_DATA_DIR", &data_dir)
        .env("PORTAL_LOG_LEVEL", "warn")
        .output()
        .expect("verify-audit runs");
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    app.finish().await;
}

#[tokio::test]
async fn anonymous_posts_from_another_site_are_counted_not_chained_one_by_one() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let before = app.store.audit_count().await.expect("the trail is read");
    for _ in 0..200 {
        let refused = app
            .client
            .post(app.url("/api/feedback"))
            .header("origin", "https://evil.example")
            .header("content-type", "application/x-www-form-urlencoded")
            .body("satisfaction=very_satisfied")
            .send()
            .await
            .expect("the server answers");
        assert_eq!(refused.status(), 403);
    }
    let added = app.store.audit_count().await.expect("the trail is read") - before;
    assert!(
        (1..10).contains(&added),
        "{added} audit rows for 200 refusals"
    );
    assert_eq!(
        store::refusals::refusals_counted(
            &mut *app.store.conn().await,
            "127.0.0.1",
            "cross_origin_request"
        )
        .await
        .expect("the counts are read"),
        200
    );
    app.finish().await;
}

// ---- pruning, with a clock the test moves

async fn pruning_removes_stale_anonymous_sessions_and_ceremonies_but_never_an_accounts(kind: Kind) {
    use app::backend::auth::{Auth, AuthSettings, Clock, hash_secret, new_token};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, Ordering};

    let db = support::TestDb::new(kind).await;
    server::seed::seed_demo(&db.store)
        .await
        .expect("the demo data is added");
    let now = Arc::new(AtomicI64::new(1_800_000_000_000));
    let clock: Clock = {
        let now = now.clone();
        Arc::new(move || now.load(Ordering::SeqCst))
    };
    let origin = url::Url::parse("https://portal.example.test").expect("an origin");
    let auth = Auth::new(AuthSettings::new(origin, "Sign-in".into()), clock).expect("passkeys");
    let ttl = auth.settings.ceremony_ttl_ms;
    let prune = |at: i64| {
        let store = db.store.clone();
        async move {
            store::refusals::prune_unused(&mut *store.conn().await, at, at - ttl)
                .await
                .expect("pruning works")
        }
    };

    // A visitor who looked and left, one who opened the passkey prompt, and a worker.
    auth.begin_session(&db.store).await.expect("a session");
    let prompting = auth.begin_session(&db.store).await.expect("a session");
    let prompting = auth
        .current(&db.store, &prompting)
        .await
        .expect("read")
        .expect("open");
    auth.start_sign_in(&db.store, &prompting, "sign_in")
        .await
        .expect("a ceremony starts");
    let staff = store::people::staff_by_name(&mut *db.store.conn().await, "Sam Sample")
        .await
        .expect("staff")[0];
    let account =
        store::identity::account_for_staff(&mut *db.store.conn().await, staff, auth.now())
            .await
            .expect("an account");
    store::identity::create_session(
        &mut *db.store.conn().await,
        &hash_secret(&new_token()),
        Some(account),
        None,
        auth.now(),
    )
    .await
    .expect("a signed-in session");
    assert_eq!(
        store::refusals::session_and_ceremony_counts(&mut *db.store.conn().await)
            .await
            .expect("counts"),
        (3, 1)
    );

    // A minute on, nothing is stale yet: the prompt could still be answered.
    now.fetch_add(60_000, Ordering::SeqCst);
    assert_eq!(
        prune(auth.now()).await,
        app::backend::store::Pruned::default()
    );

    // Ten minutes on, both visitors' sessions and the expired ceremony go; a new
    // visitor's session and the worker's stay.
    now.fetch_add(9 * 60_000, Ordering::SeqCst);
    auth.begin_session(&db.store).await.expect("a session");
    let pruned = prune(auth.now()).await;
    assert_eq!((pruned.sessions, pruned.ceremonies), (2, 1));
    assert_eq!(
        store::refusals::session_and_ceremony_counts(&mut *db.store.conn().await)
            .await
            .expect("counts"),
        (2, 0)
    );
    // However long it has been, an account's session is evidence and is kept.
    now.fetch_add(365 * 24 * 3_600_000, Ordering::SeqCst);
    prune(auth.now()).await;
    assert_eq!(
        store::refusals::session_and_ceremony_counts(&mut *db.store.conn().await)
            .await
            .expect("counts"),
        (1, 0)
    );
    db.finish().await;
}

on_both_backends!(pruning_removes_stale_anonymous_sessions_and_ceremonies_but_never_an_accounts);

// ---- bodies too large to read

/// Sends only the head of a POST that declares a body of `length` bytes, and returns the
/// status line. The body is never sent: a server that reads before refusing would wait.
async fn declare_body(app: &TestApp, path: &str, kind: &str, length: usize) -> String {
    use std::io::{Read, Write};
    let address = app.address.trim_start_matches("http://").to_owned();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nOrigin: {}\r\n\
         Content-Type: {kind}\r\nContent-Length: {length}\r\n\r\n",
        app.origin
    );
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(&address).expect("the server listens");
        stream
            .set_read_timeout(Some(support::REQUEST_TIMEOUT))
            .expect("a timeout");
        stream.write_all(head.as_bytes()).expect("the head is sent");
        let mut answer = vec![0u8; 1024];
        let read = stream
            .read(&mut answer)
            .expect("the server answers without waiting for the body");
        String::from_utf8_lossy(&answer[..read])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    })
    .await
    .expect("the request ran")
}

#[tokio::test]
async fn an_oversized_body_is_refused_plainly_on_every_kind_of_route_and_the_server_carries_on() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let cases = [
        // A server function, as a hydrated page calls it.
        (
            "/api/feedback",
            "application/x-www-form-urlencoded",
            2 * 1024 * 1024,
        ),
        // A page's own form, posted without WebAssembly.
        ("/feedback", "application/x-www-form-urlencoded", 256 * 1024),
        // A passkey ceremony's JSON.
        ("/auth/register/start", "application/json", 64 * 1024),
    ];
    for (path, kind, limit) in cases {
        let status = declare_body(&app, path, kind, limit + 1).await;
        assert!(
            status.starts_with("HTTP/1.1 413"),
            "{path}: {status:?} for an oversized body"
        );
        assert_eq!(app.get("/healthz").await.status(), 200, "after {path}");
    }
    // A body sent in full, a little over the ceremony limit, is refused the same way.
    let sent = app
        .client
        .post(app.url("/auth/register/start"))
        .header("origin", &app.origin)
        .header("content-type", "application/json")
        .body(format!("{{\"code\":\"{}\"}}", "A".repeat(64 * 1024)))
        .send()
        .await;
    if let Ok(answer) = sent {
        // The server may close before the client has finished sending, which is also fine;
        // what must never happen is a 500.
        assert!(
            answer.status() == 413 || answer.status() == 400,
            "{}",
            answer.status()
        );
    }
    assert_eq!(app.get("/healthz").await.status(), 200);
    // Under the limit, the same route answers as it always does.
    let small = app
        .client
        .post(app.url("/auth/register/start"))
        .header("origin", &app.origin)
        .json(&serde_json::json!({ "code": "ABCDE-FGHJK" }))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(small.status(), 422);
    app.finish().await;
}
