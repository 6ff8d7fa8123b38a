//! The case system's integration API (`/api/v1`): its published contract, a family's
//! Module 8 word for word by the case system's own references, what changed since a
//! cursor, finalised records, and clients that are out of scope, expired, revoked, wrong
//! or too busy. An admin registers each client through the same server functions their
//! pages post to, and the secret comes from the page that shows it once.

use crate::support;
use app::backend::store;
use app::domain::case_system::CALLS_PER_MINUTE;
use app::domain::ids::SubmissionId;
use app::dto::case_api::{Changes, Module8, Records, SecretView};
use support::demo::{assert_done, family, family_id, member, staff_cookie};
use support::{Connect, Kind, TestApp};

on_both_backends!(
    a_case_system_reads_module_8_word_for_word_by_its_own_references,
    a_client_reads_only_its_teams_and_nothing_once_expired_revoked_or_wrong,
    new_shared_input_is_posted_signed_with_no_words_and_retried,
);

const COMMITTED: &str = include_str!("../../api/openapi-v1.json");
const ADMIN: &str = "Drew Admin-Example";
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

#[tokio::test]
async fn the_served_contract_is_the_committed_one_and_names_every_route() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    let served = response.text().await.unwrap();
    assert!(
        served == COMMITTED,
        "the API's contract changed: review the change, then run \
         `cargo run -p server -- openapi > server/api/openapi-v1.json`"
    );
    let document: serde_json::Value = serde_json::from_str(&served).unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    let documented: Vec<String> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, methods)| {
            methods
                .as_object()
                .unwrap()
                .keys()
                .map(move |method| format!("{} {path}", method.to_uppercase()))
        })
        .collect();
    let routed: Vec<String> = server::route_inventory()
        .into_iter()
        .filter(|(_, path)| path.starts_with("/api/v1/") && path != "/api/v1/openapi.json")
        .map(|(method, path)| format!("{method} {path}"))
        .collect();
    assert!(!routed.is_empty());
    for route in &routed {
        assert!(documented.contains(route), "{route} is not in the contract");
    }
    for route in &documented {
        assert!(
            routed.contains(route),
            "{route} is in the contract but not routed"
        );
    }
    app.finish().await;
}

/// Registers a client for the named teams as the demo's admin, and takes its secret from
/// the page that shows it once. Answers (client id, secret).
pub async fn register(
    app: &TestApp,
    admin: &str,
    name: &str,
    teams: &[String],
    days: &str,
) -> (String, String) {
    register_told_at(app, admin, name, teams, days, "").await
}

/// `register`, for a client that gave an address to be told about new input at.
async fn register_with_webhook(
    app: &TestApp,
    admin: &str,
    name: &str,
    team: &str,
    address: &str,
) -> (String, String) {
    register_told_at(app, admin, name, &[team.to_owned()], "30", address).await
}

async fn register_told_at(
    app: &TestApp,
    admin: &str,
    name: &str,
    teams: &[String],
    days: &str,
    address: &str,
) -> (String, String) {
    let mut form: Vec<(&str, &str)> =
        vec![("name", name), ("days", days), ("webhook_url", address)];
    for team in teams {
        form.push(("teams[]", team));
    }
    // Not followed: the page it sends the admin to would show the secret, once.
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(support::REQUEST_TIMEOUT)
        .build()
        .unwrap()
        .post(app.url("/api/register-api-client"))
        .header("origin", &app.origin)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", admin)
        .body(serde_urlencoded::to_string(&form).unwrap())
        .send()
        .await
        .unwrap();
    assert!(response.status().as_u16() < 400, "{}", response.status());
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .expect("sent on to the page that shows the secret");
    let client = location.rsplit('/').next().unwrap().to_owned();
    let shown: SecretView = app
        .call_as(
            "/api/api-client-secret",
            &[("client", &client)],
            Some(admin),
        )
        .await
        .json()
        .await
        .unwrap();
    let secret = shown.secret.expect("shown the first time");
    // Never again.
    let again: SecretView = app
        .call_as(
            "/api/api-client-secret",
            &[("client", &client)],
            Some(admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again.secret, None);
    // It works only once a head of service approves it; the admin cannot.
    let module = format!(
        "/api/v1/families/{}/module-8",
        server::seed::DEMO_FAMILY_REFERENCE
    );
    assert_eq!(call(app, &module, Some(&secret)).await.0, 401);
    let approve = [("client", client.as_str())];
    assert_eq!(
        app.call_as("/api/approve-api-client", &approve, Some(admin))
            .await
            .status(),
        404
    );
    let head = staff_cookie(app, "Rowan Head-Example").await;
    assert_done(
        &app.call_as("/api/approve-api-client", &approve, Some(&head))
            .await,
    );
    (client, secret)
}

/// The demo team's id.
async fn demo_team(app: &TestApp) -> String {
    let (team,): (String,) = sqlx::query_as("SELECT team_id FROM families WHERE reference = $1")
        .bind(server::seed::DEMO_FAMILY_REFERENCE)
        .fetch_one(&mut *app.store.conn().await)
        .await
        .unwrap();
    team
}

/// A second team of the demo council, whose families are not the demo family.
async fn south_team(app: &TestApp) -> app::domain::ids::TeamId {
    let council =
        store::people::council_by_name(&mut *app.store.conn().await, server::seed::DEMO_COUNCIL)
            .await
            .unwrap()
            .unwrap();
    store::people::create_team(
        &mut *app.store.conn().await,
        council,
        "South team (test)",
        app.clock.now(),
    )
    .await
    .unwrap()
}

/// A call to the API with this secret (or none): its status and body.
async fn call(app: &TestApp, path: &str, secret: Option<&str>) -> (u16, String) {
    let client = reqwest::Client::builder()
        .timeout(support::REQUEST_TIMEOUT)
        .build()
        .unwrap();
    let mut request = client.get(app.url(path));
    if let Some(secret) = secret {
        request = request.header("authorization", format!("Bearer {secret}"));
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// Something a member says, shared with the workers or not.
async fn say(app: &TestApp, cookie: &str, words: &str, share: &str) {
    assert_done(
        &app.call_as(
            "/api/say",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("kind", "none"),
                ("text", words),
                ("share", share),
            ],
            Some(cookie),
        )
        .await,
    );
}

/// Every part's words of every item of one member, by name.
fn words_of(module: &Module8, name: &str) -> Vec<String> {
    module
        .members
        .iter()
        .filter(|m| m.name == name)
        .flat_map(|m| m.items.iter())
        .flat_map(|i| i.parts.iter().map(|p| p.words.clone()))
        .collect()
}

async fn a_case_system_reads_module_8_word_for_word_by_its_own_references(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let admin = staff_cookie(&app, ADMIN).await;
    let (_, secret) = register(
        &app,
        &admin,
        "Example LCS (test)",
        &[demo_team(&app).await],
        "90",
    )
    .await;
    // The admin gives Alex the case system's person id.
    let alex = member(&app, "Alex Example").await;
    assert_done(
        &app.call_as(
            "/api/set-case-reference",
            &[
                ("member", &alex.to_string()),
                ("reference", "LCS-PERSON-0042"),
            ],
            Some(&admin),
        )
        .await,
    );

    // Right-to-left words and an emoji, as Alex typed them, shared with the workers.
    let typed = "Calmer mornings \u{1F305} \u{0645}\u{0631}\u{062D}\u{0628}\u{0627} (demo) \"quoted\" \\ <b>";
    say(&app, &f.alex, typed, "workers").await;
    say(&app, &f.alex, "Only for me (demo)", "only_me").await;
    say(&app, &f.jordan, "Jordan shares this (demo)", "workers").await;

    let by_family = format!(
        "/api/v1/families/{}/module-8",
        server::seed::DEMO_FAMILY_REFERENCE
    );
    let (status, body) = call(&app, &by_family, Some(&secret)).await;
    assert_eq!(status, 200, "{body}");
    // The parent's words are in the JSON as they typed them: escaped only as JSON must.
    assert!(body.contains(&serde_json::to_string(typed).unwrap()));
    let module: Module8 = serde_json::from_str(&body).unwrap();
    assert_eq!(
        module.family.case_reference,
        server::seed::DEMO_FAMILY_REFERENCE
    );
    assert_eq!(module.family.id, family_id(&app).await.to_string());
    assert_eq!(words_of(&module, "Alex Example"), vec![typed.to_owned()]);
    assert_eq!(
        words_of(&module, "Jordan Example"),
        vec!["Jordan shares this (demo)".to_owned()]
    );
    assert!(!body.contains("Only for me (demo)"));
    let alex_in = module
        .members
        .iter()
        .find(|m| m.name == "Alex Example")
        .unwrap();
    assert_eq!(alex_in.case_reference.as_deref(), Some("LCS-PERSON-0042"));
    assert_eq!(alex_in.place, "Parent or carer");
    assert!(alex_in.items[0].written_at.ends_with('Z'));

    // Nothing a case system reads is kept by anything between it and the portal.
    let response = reqwest::Client::new()
        .get(app.url(&by_family))
        .header("authorization", format!("Bearer {secret}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["content-type"], "application/json");
    // The same family by Alex's own reference in the case system, and the same words.
    let (status, by_person) = call(
        &app,
        "/api/v1/families/LCS-PERSON-0042/module-8",
        Some(&secret),
    )
    .await;
    assert_eq!(status, 200);
    let again: Module8 = serde_json::from_str(&by_person).unwrap();
    assert_eq!(again.members, module.members);

    // Each read is in the trail as the case system's, and Alex sees that it read her words.
    let (reads,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'api_module8' AND outcome = 'allowed' \
         AND actor_name = 'Example LCS (test)' AND actor_role = 'Case system'",
    )
    .fetch_one(&mut *app.store.conn().await)
    .await
    .unwrap();
    assert_eq!(reads, 3);
    let seen: Vec<app::dto::family::SeenBy> = app
        .call_as("/api/who-has-seen", &[], Some(&f.alex))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        seen.iter()
            .any(|s| s.name == "Example LCS (test)" && s.role == "Case system"),
        "{seen:?}"
    );

    // What changed since a cursor: everything at first, then only what is new.
    app.clock.set(app.clock.now() + 2 * 60_000);
    let changes_of = |since: Option<&str>| {
        let mut path = format!(
            "/api/v1/families/{}/changes",
            server::seed::DEMO_FAMILY_REFERENCE
        );
        if let Some(since) = since {
            path.push_str(&format!("?since={since}"));
        }
        path
    };
    let (status, body) = call(&app, &changes_of(None), Some(&secret)).await;
    assert_eq!(status, 200, "{body}");
    let first: Changes = serde_json::from_str(&body).unwrap();
    assert_eq!(first.changed.len(), 2);
    assert!(first.withdrawn.is_empty());
    app.clock.set(app.clock.now() + 2 * 60_000);
    say(&app, &f.alex, "Something new (demo)", "workers").await;
    let (status, body) = call(&app, &changes_of(Some(&first.next)), Some(&secret)).await;
    assert_eq!(status, 200, "{body}");
    let second: Changes = serde_json::from_str(&body).unwrap();
    let new: Vec<&str> = second
        .changed
        .iter()
        .flat_map(|c| c.item.parts.iter().map(|p| p.words.as_str()))
        .collect();
    assert_eq!(new, vec!["Something new (demo)"]);
    assert_eq!(
        second.changed[0].member_case_reference.as_deref(),
        Some("LCS-PERSON-0042")
    );
    // Alex stops sharing her first words: the case system is told, with no words.
    let shared_id = first
        .changed
        .iter()
        .find(|c| c.member_name == "Alex Example")
        .unwrap()
        .item
        .id
        .clone();
    app.clock.set(app.clock.now() + 2 * 60_000);
    assert_done(
        &app.call_as(
            "/api/share",
            &[
                ("entry", &shared_id),
                ("share", "only_me"),
                ("back", "/home"),
            ],
            Some(&f.alex),
        )
        .await,
    );
    let (_, body) = call(&app, &changes_of(Some(&second.next)), Some(&secret)).await;
    let third: Changes = serde_json::from_str(&body).unwrap();
    assert_eq!(
        third
            .withdrawn
            .iter()
            .map(|w| w.id.as_str())
            .collect::<Vec<_>>(),
        vec![shared_id.as_str()]
    );
    assert!(third.changed.iter().all(|c| c.item.id != shared_id));
    assert!(!body.contains("Calmer mornings"));
    // A worker's response is a change to the entry it answers.
    let jordans = first
        .changed
        .iter()
        .find(|c| c.member_name == "Jordan Example")
        .unwrap()
        .item
        .id
        .clone();
    app.clock.set(app.clock.now() + 2 * 60_000);
    assert_done(
        &app.call_as(
            "/api/respond",
            &[
                ("entry", &jordans),
                ("response", "Thank you, Jordan (demo)"),
            ],
            Some(&f.worker),
        )
        .await,
    );
    let (_, body) = call(&app, &changes_of(Some(&third.next)), Some(&secret)).await;
    let fourth: Changes = serde_json::from_str(&body).unwrap();
    let answered = fourth
        .changed
        .iter()
        .find(|c| c.item.id == jordans)
        .expect("the answered entry is a change");
    assert_eq!(answered.item.responses[0].words, "Thank you, Jordan (demo)");
    // A cursor this API never gave is refused in plain words.
    let (status, body) = call(&app, &changes_of(Some("yesterday")), Some(&secret)).await;
    assert_eq!(status, 400);
    assert!(body.contains("Cursor not recognised"));
    // Nor one from the future, which would hide everything until then.
    let (status, _) = call(&app, &changes_of(Some("v1.99999999999999")), Some(&secret)).await;
    assert_eq!(status, 400);
    // A member's reference can never be a family's case reference: it would name two.
    let refused = app
        .call_as(
            "/api/set-case-reference",
            &[
                ("member", &alex.to_string()),
                ("reference", server::seed::DEMO_FAMILY_REFERENCE),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(refused.status(), 422);

    // Finalised records only: a draft is never sent.
    let family = family_id(&app).await;
    let session = support::demo::book_on(&app, family, app.clock.now()).await;
    let manager = store::people::staff_by_name(&mut *app.store.conn().await, "Morgan Sample")
        .await
        .unwrap()[0];
    for (version, finalised, plan) in [
        (1, false, "A draft plan (test)"),
        (2, true, "The plan (test)"),
    ] {
        store::record::add_version(
            &mut *app.store.conn().await,
            &store::record::NewVersion {
                session: &session,
                family,
                version,
                staff: manager,
                staff_name: "Morgan Sample",
                sections: ["Words (test)", "", "", "", plan, "", ""],
                rating: Some("amber"),
                finalised,
                why_changed: None,
                told_family: None,
                told_child: None,
                readers: &[],
                written_at: app.clock.now(),
            },
        )
        .await
        .unwrap();
    }
    let (status, body) = call(
        &app,
        &format!(
            "/api/v1/families/{}/supervision-records",
            server::seed::DEMO_FAMILY_REFERENCE
        ),
        Some(&secret),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let records: Records = serde_json::from_str(&body).unwrap();
    assert_eq!(records.records.len(), 1);
    assert_eq!(records.records[0].session_id, session);
    let versions = &records.records[0].versions;
    assert_eq!(
        versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        vec![2]
    );
    assert_eq!(versions[0].rating.as_deref(), Some("amber"));
    assert!(
        versions[0]
            .sections
            .iter()
            .any(|s| s.words == "The plan (test)")
    );
    assert!(!body.contains("A draft plan (test)"));
    app.finish().await;
}

async fn a_client_reads_only_its_teams_and_nothing_once_expired_revoked_or_wrong(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    say(&app, &f.alex, "Shared with the workers (demo)", "workers").await;
    let admin = staff_cookie(&app, ADMIN).await;
    let team = demo_team(&app).await;
    // Another team of the same council, whose client may not read the demo family.
    let south = south_team(&app).await;
    let (_, in_scope) = register(
        &app,
        &admin,
        "In scope (test)",
        std::slice::from_ref(&team),
        "30",
    )
    .await;
    let (_, out_of_scope) = register(
        &app,
        &admin,
        "Out of scope (test)",
        &[south.to_string()],
        "30",
    )
    .await;
    let (revoked_id, revoked) = register(
        &app,
        &admin,
        "To be revoked (test)",
        std::slice::from_ref(&team),
        "30",
    )
    .await;
    let (_, short) = register(
        &app,
        &admin,
        "One day (test)",
        std::slice::from_ref(&team),
        "1",
    )
    .await;
    let module = format!(
        "/api/v1/families/{}/module-8",
        server::seed::DEMO_FAMILY_REFERENCE
    );
    for secret in [&in_scope, &revoked, &short] {
        assert_eq!(call(&app, &module, Some(secret)).await.0, 200);
    }

    // Out of scope answers exactly as a reference nobody has.
    let hidden = call(&app, &module, Some(&out_of_scope)).await;
    let absent = call(
        &app,
        "/api/v1/families/NO-SUCH-0000/module-8",
        Some(&out_of_scope),
    )
    .await;
    assert_eq!(hidden.0, 404);
    assert_eq!(hidden, absent);
    assert!(!hidden.1.contains("Shared with the workers"));

    // Revoked at once; then, after its day, the short one has expired. Every refusal is
    // the same, and the same as a wrong secret or none.
    assert_done(
        &app.call_as(
            "/api/revoke-api-client",
            &[("client", &revoked_id)],
            Some(&admin),
        )
        .await,
    );
    let refused = call(&app, &module, Some(&revoked)).await;
    assert_eq!(refused.0, 401);
    app.clock.set(app.clock.now() + DAY_MS + 1);
    assert_eq!(call(&app, &module, Some(&short)).await, refused);
    let mut wrong = in_scope.clone();
    wrong.pop();
    wrong.push(if in_scope.ends_with('A') { 'B' } else { 'A' });
    assert_eq!(call(&app, &module, Some(&wrong)).await, refused);
    assert_eq!(call(&app, &module, None).await, refused);
    assert_eq!(call(&app, &module, Some("fpapi_nonsense")).await, refused);
    assert!(!refused.1.contains("Shared with the workers"));
    assert_eq!(call(&app, &module, Some(&in_scope)).await.0, 200);

    // An admin of another council sees none of these clients and changes nothing here.
    let other = store::people::create_council(
        &mut *app.store.conn().await,
        "Otherplace Council (test)",
        app.clock.now(),
    )
    .await
    .unwrap();
    let stranger = store::people::create_staff(
        &mut *app.store.conn().await,
        other,
        app::backend::NewStaff {
            team: None,
            display_name: "Admin of another council (test)",
            role: app::domain::people::StaffRole::Admin,
        },
        app.clock.now(),
    )
    .await
    .unwrap();
    let stranger = app
        .cookie_for(
            store::identity::account_for_staff(
                &mut *app.store.conn().await,
                stranger,
                app.clock.now(),
            )
            .await
            .unwrap(),
        )
        .await;
    let theirs: app::dto::case_api::ClientsView = app
        .call_as("/api/api-clients", &[], Some(&stranger))
        .await
        .json()
        .await
        .unwrap();
    assert!(theirs.clients.is_empty());
    let alex = member(&app, "Alex Example").await.to_string();
    for (function, fields) in [
        (
            "/api/revoke-api-client",
            vec![("client", revoked_id.as_str())],
        ),
        (
            "/api/api-client-secret",
            vec![("client", revoked_id.as_str())],
        ),
        (
            "/api/set-case-reference",
            vec![("member", alex.as_str()), ("reference", "STOLEN-1")],
        ),
        (
            "/api/register-api-client",
            vec![
                ("name", "Theirs (test)"),
                ("days", "30"),
                ("teams[]", team.as_str()),
            ],
        ),
    ] {
        assert_eq!(
            app.call_as(function, &fields, Some(&stranger))
                .await
                .status(),
            if function == "/api/register-api-client" {
                422
            } else {
                404
            },
            "{function}"
        );
    }
    assert_eq!(
        call(&app, "/api/v1/families/STOLEN-1/module-8", Some(&in_scope))
            .await
            .0,
        404
    );

    // Too many calls in a minute: told to wait, and the trail has one row for it.
    let minute_start = (app.clock.now() / 60_000 + 1) * 60_000;
    app.clock.set(minute_start);
    for _ in 0..CALLS_PER_MINUTE {
        assert_eq!(call(&app, &module, Some(&in_scope)).await.0, 200);
    }
    let client = reqwest::Client::new();
    for _ in 0..3 {
        let response = client
            .get(app.url(&module))
            .header("authorization", format!("Bearer {in_scope}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 429);
        let wait: i64 = response.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=60).contains(&wait), "{wait}");
    }
    let (rows,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_events WHERE action = 'api_call' AND outcome = 'denied'",
    )
    .fetch_one(&mut *app.store.conn().await)
    .await
    .unwrap();
    assert_eq!(rows, 1);
    app.clock.set(minute_start + 60_000);
    assert_eq!(call(&app, &module, Some(&in_scope)).await.0, 200);
    app.finish().await;
}

/// What a webhook receiver was sent: each post's headers and body.
type Received = std::sync::Arc<std::sync::Mutex<Vec<(axum::http::HeaderMap, String)>>>;

/// A case system's webhook receiver on a free port of this machine: it refuses the first
/// `refusals` posts with a 500, then takes each. Answers its address and what it got.
async fn receiver(refusals: usize) -> (String, Received) {
    let received: Received = Default::default();
    let kept = received.clone();
    let handler = move |headers: axum::http::HeaderMap, body: String| {
        let kept = kept.clone();
        async move {
            let mut all = kept.lock().unwrap();
            all.push((headers, body));
            if all.len() <= refusals {
                axum::http::StatusCode::INTERNAL_SERVER_ERROR
            } else {
                axum::http::StatusCode::NO_CONTENT
            }
        }
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!(
        "http://127.0.0.1:{}/portal",
        listener.local_addr().unwrap().port()
    );
    let app = axum::Router::new().route("/portal", axum::routing::post(handler));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (address, received)
}

/// Waits (up to 15 seconds) until the receiver has been sent `count` posts.
async fn posts(received: &Received, count: usize) -> Vec<(axum::http::HeaderMap, String)> {
    for _ in 0..150 {
        if received.lock().unwrap().len() >= count {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    received.lock().unwrap().clone()
}

async fn new_shared_input_is_posted_signed_with_no_words_and_retried(kind: Kind) {
    use hmac::Mac;
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let admin = staff_cookie(&app, ADMIN).await;
    let team = demo_team(&app).await;
    let (address, received) = receiver(1).await;
    let (client, secret) =
        register_with_webhook(&app, &admin, "Told (test)", &team, &address).await;
    // Another team's client with an address is never told about this family.
    let south = south_team(&app).await;
    let (elsewhere, elsewhere_got) = receiver(0).await;
    register_with_webhook(
        &app,
        &admin,
        "Not told (test)",
        &south.to_string(),
        &elsewhere,
    )
    .await;

    // Kept to herself: nobody is told.
    say(&app, &f.alex, "Only for me (demo)", "only_me").await;
    // Two shares before the sender's next round are one notice.
    say(&app, &f.alex, "Words for the workers (demo)", "workers").await;
    say(
        &app,
        &f.jordan,
        "More words for the workers (demo)",
        "workers",
    )
    .await;
    let first = posts(&received, 1).await;
    assert_eq!(first.len(), 1, "one notice for two shares");
    // The first was refused; it is tried again after its backoff, and only then.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(received.lock().unwrap().len(), 1);
    app.clock
        .set(app.clock.now() + server::webhooks::backoff_ms(1) + 1);
    let both = posts(&received, 2).await;
    assert_eq!(both.len(), 2);
    let (headers, body) = &both[1];
    // No words and no names: the family's reference and that something is new.
    let notice: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(notice["event"], "new_shared_input");
    assert_eq!(
        notice["family_reference"],
        server::seed::DEMO_FAMILY_REFERENCE
    );
    for never in [
        "Words for the workers",
        "More words",
        "Only for me",
        "Alex",
        "Jordan",
    ] {
        assert!(!body.contains(never), "{never} in {body}");
    }
    // Signed with the SHA-256 of the secret, over the time and the body.
    let signature = headers["x-portal-signature"].to_str().unwrap();
    let (time, given) = signature
        .strip_prefix("t=")
        .and_then(|rest| rest.split_once(",v1="))
        .unwrap();
    let key = app::backend::auth::hash_secret(&secret);
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(format!("{time}.{body}").as_bytes());
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(given, expected);
    // Both tries are in the family's audit trail, as the case system's. The sender writes
    // a try down once the receiver has answered, so this waits for it (up to 15 seconds).
    let mut tries = (0, 0);
    for _ in 0..150 {
        tries = sqlx::query_as(
            "SELECT \
             (SELECT COUNT(*) FROM audit_events WHERE action = 'webhook_sent' \
              AND actor_name = 'Told (test)' AND outcome = 'failed'), \
             (SELECT COUNT(*) FROM audit_events WHERE action = 'webhook_sent' \
              AND actor_name = 'Told (test)' AND outcome = 'allowed')",
        )
        .fetch_one(&mut *app.store.conn().await)
        .await
        .unwrap();
        if tries.1 > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let (refused, taken): (i64, i64) = tries;
    assert_eq!((refused, taken), (1, 1));
    // Revoked: told nothing more.
    assert_done(
        &app.call_as(
            "/api/revoke-api-client",
            &[("client", &client)],
            Some(&admin),
        )
        .await,
    );
    say(&app, &f.alex, "After the revoking (demo)", "workers").await;
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(received.lock().unwrap().len(), 2);
    assert!(elsewhere_got.lock().unwrap().is_empty());
    app.finish().await;
}
