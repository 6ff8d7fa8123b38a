//! Safety in the browser and evidence on the server: headers on every response, the
//! same-origin rule, "Exit this page", hidden looking exactly like absent, and the audit
//! trail (one row per read, and tampering found by `verify-audit`).

use crate::support;
use crate::support::Connect;
use app::backend::store;
use support::demo::member;

use app::domain::ids::{EntryId, FamilyId, MemberId};
use server::seed;
use support::{Kind, TestApp, without_nonce};

struct Demo {
    family: FamilyId,
    alex: MemberId,
    jordan: MemberId,
    alex_cookie: String,
    jordan_cookie: String,
    alex_entry: EntryId,
}

async fn demo(app: &TestApp) -> Demo {
    seed::seed_demo(&app.store).await.unwrap();
    let (alex, family) =
        store::identity::member_named(&mut *app.store.conn().await, "Alex Example")
            .await
            .unwrap()
            .unwrap();
    let jordan = member(app, "Jordan Example").await;
    let now = app.clock.now();
    let alex_account = store::identity::account_for_member(&mut *app.store.conn().await, alex, now)
        .await
        .unwrap();
    let jordan_account =
        store::identity::account_for_member(&mut *app.store.conn().await, jordan, now)
            .await
            .unwrap();
    let alex_entry = support::create_entry(
        &app.store,
        support::new_entry(family, alex, &support::said("Words Alex wrote (demo)")),
    )
    .await
    .unwrap();
    Demo {
        family,
        alex,
        jordan,
        alex_cookie: app.cookie_for(alex_account).await,
        jordan_cookie: app.cookie_for(jordan_account).await,
        alex_entry,
    }
}

on_both_backends!(
    a_flagged_parent_gets_the_same_answer_for_a_hidden_entry_as_for_a_missing_one,
    every_read_of_family_data_writes_exactly_one_audit_row,
    each_page_reads_what_it_shows_once,
    a_caseload_runs_as_many_statements_for_seven_families_as_for_one,
    no_page_asks_the_database_for_anything_twice,
    a_page_view_reads_its_session_once_and_writes_nothing_but_its_audit_rows,
);

/// A page's time must not grow with the number of families the deployment holds, so no
/// statement a page runs reads the whole of a table: each read goes by an index to the
/// family, member or worker it is about. Every SELECT of a parent's home, a social
/// worker's and a team manager's caseload, a family's page, Module 8, the pack and a few
/// more is explained by SQLite, whose planner, with no statistics gathered, takes an index
/// whenever one fits. (With statistics, SQLite and PostgreSQL both read a small table
/// whole, as the cheaper way; so this test runs on SQLite only, on a fresh database.)
/// It found four: every live risk flag in the deployment read on every audited page, to
/// find one family's; every family read for each caseload; every member of staff for a
/// supervision page's team; and every child's handed-over session for a council's
/// take-up figures.
#[tokio::test]
async fn no_page_reads_a_whole_table_that_grows_with_the_deployment() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let demo = demo(&app).await;
    let family = demo.family;
    let worker = support::demo::staff_cookie(&app, "Sam Sample").await;
    let manager = support::demo::staff_cookie(&app, "Morgan Sample").await;
    let mut whole = Vec::new();
    for (cookie, path) in [
        (&demo.alex_cookie, "/home".to_owned()),
        (&demo.alex_cookie, format!("/entries/{}", demo.alex_entry)),
        (&demo.alex_cookie, "/seen".to_owned()),
        (&demo.alex_cookie, "/messages".to_owned()),
        (&demo.alex_cookie, "/meeting".to_owned()),
        (&worker, "/home".to_owned()),
        (&manager, "/home".to_owned()),
        (&manager, "/supervision".to_owned()),
        (&manager, "/take-up".to_owned()),
        (&worker, format!("/families/{family}")),
        (&worker, format!("/families/{family}/views")),
        (&worker, format!("/families/{family}/pack")),
    ] {
        let (statements, status) =
            support::statements::watched(async { app.get_as(&path, Some(cookie)).await.status() })
                .await;
        assert_eq!(status, 200, "{path}");
        for statement in statements
            .iter()
            .filter(|s| s.to_ascii_uppercase().starts_with("SELECT"))
        {
            for step in plan(&app.store, statement).await {
                if step.starts_with("SCAN ") {
                    whole.push(format!("{path}: {step}\n    in {statement}"));
                }
            }
        }
    }
    assert!(whole.is_empty(), "read whole: {whole:#?}");
    app.finish().await;
}

/// SQLite's plan for `statement`, a step a line, with a value bound to each placeholder.
async fn plan(store: &store::Store, statement: &str) -> Vec<String> {
    let placeholders = (1..100)
        .take_while(|n| statement.contains(&format!("${n}")))
        .count();
    let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
        "EXPLAIN QUERY PLAN {statement}"
    )));
    for _ in 0..placeholders {
        query = query.bind("a value");
    }
    let rows = query.fetch_all(&mut *store.conn().await).await.unwrap();
    rows.iter()
        .map(|row| sqlx::Row::get::<String, _>(row, 3))
        .collect()
}

/// Each signed-in page draws what it shows from one read of each thing it needs: a
/// parent's home read its family's facts, entries and the workers' responses two or three
/// times a view, once for each part of the page. Statements that read (SELECT) are
/// compared by their text; the audit rows each view writes are counted elsewhere.
async fn no_page_asks_the_database_for_anything_twice(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let demo = demo(&app).await;
    let sam = support::demo::staff_cookie(&app, "Sam Sample").await;
    let family = demo.family;
    let mut repeated = Vec::new();
    for (cookie, path) in [
        (&demo.alex_cookie, "/home".to_owned()),
        (&demo.alex_cookie, format!("/entries/{}", demo.alex_entry)),
        (&sam, "/home".to_owned()),
        (&sam, format!("/families/{family}")),
        (&sam, format!("/families/{family}/views")),
        (&sam, format!("/families/{family}/pack")),
    ] {
        let view = || async {
            let page = app.get_as(&path, Some(cookie)).await;
            assert_eq!(page.status(), 200, "{path}");
            page.text().await.unwrap()
        };
        view().await;
        let (statements, _) = support::statements::watched(view()).await;
        let reads: Vec<&String> = statements
            .iter()
            .filter(|s| s.to_ascii_uppercase().starts_with("SELECT"))
            .collect();
        assert!(!reads.is_empty(), "{path}: {statements:#?}");
        for (i, read) in reads.iter().enumerate() {
            if reads[..i].contains(read) {
                repeated.push(format!("{path}: {read}"));
            }
        }
        // A member's pages name who wrote each entry from the members read with the
        // family's facts, not from a second read of the same rows.
        if cookie == &demo.alex_cookie {
            let members: Vec<&&String> = reads
                .iter()
                .filter(|s| s.contains("FROM members"))
                .collect();
            if members.len() != 1 {
                repeated.push(format!(
                    "{path} reads the members {}: {members:#?}",
                    members.len()
                ));
            }
        }
    }
    assert!(repeated.is_empty(), "read again in one view: {repeated:#?}");
    app.finish().await;
}

/// Every signed-in request reads its session and whom it belongs to in one statement,
/// and a view within a minute of the last writes nothing but its audit rows: the
/// session's last use is kept to the minute rather than written, and flushed to disk, on
/// every view. A minute on, it is written again.
async fn a_page_view_reads_its_session_once_and_writes_nothing_but_its_audit_rows(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let demo = demo(&app).await;
    let view = || async {
        let page = app.get_as("/home", Some(&demo.alex_cookie)).await;
        assert_eq!(page.status(), 200);
        page.text().await.unwrap()
    };
    view().await;
    let (statements, _) = support::statements::watched(view()).await;
    let session_reads: Vec<&String> = statements
        .iter()
        .filter(|s| {
            s.starts_with("SELECT") && (s.contains("FROM sessions") || s.contains("FROM accounts"))
        })
        .collect();
    assert_eq!(session_reads.len(), 1, "{session_reads:#?}");
    let audit_tables = ["audit_chains", "audit_events", "entry_readers"];
    let other_writes: Vec<&String> = statements
        .iter()
        .filter(|s| {
            let upper = s.to_ascii_uppercase();
            ["INSERT", "UPDATE", "DELETE"]
                .iter()
                .any(|w| upper.starts_with(w))
                && !audit_tables.iter().any(|t| s.contains(t))
        })
        .collect();
    assert!(other_writes.is_empty(), "{other_writes:#?}");

    app.clock.set(app.clock.now() + 61_000);
    let (statements, _) = support::statements::watched(view()).await;
    assert!(
        statements.iter().any(|s| s.starts_with("UPDATE sessions")),
        "a minute on, the session's last use is kept: {statements:#?}"
    );
    app.finish().await;
}

/// A page drawn on the server draws what is inside a Suspense more than once; a home page
/// that asked from there read (and audited) the same family data three times a view. Each
/// read a page makes is made, and written down, once.
async fn each_page_reads_what_it_shows_once(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let demo = demo(&app).await;
    let sam_cookie = support::demo::staff_cookie(&app, "Sam Sample").await;
    let family = demo.family;
    for (cookie, path, shows) in [
        (
            &demo.alex_cookie,
            "/home".to_owned(),
            "Words Alex wrote (demo)",
        ),
        (&demo.alex_cookie, "/seen".to_owned(), "Who has seen"),
        (&sam_cookie, "/home".to_owned(), "The Example family (demo)"),
        (
            &sam_cookie,
            format!("/families/{family}"),
            "The Example family (demo)",
        ),
        (
            &sam_cookie,
            format!("/families/{family}/views"),
            "Comments and views",
        ),
        (
            &sam_cookie,
            format!("/families/{family}/pack"),
            "The Example family (demo)",
        ),
    ] {
        let before = app.store.audit_count().await.unwrap();
        let page = app.get_as(&path, Some(cookie)).await;
        assert_eq!(page.status(), 200, "{path}");
        assert!(page.text().await.unwrap().contains(shows), "{path}");
        let added = usize::try_from(app.store.audit_count().await.unwrap() - before).unwrap();
        let mut actions: Vec<String> = app
            .store
            .audit_rows()
            .await
            .unwrap()
            .into_iter()
            .rev()
            .take(added)
            .map(|row| format!("{} {}", row.action, row.detail))
            .collect();
        assert!(added > 0, "{path} is audited");
        let all = actions.len();
        actions.sort();
        actions.dedup();
        assert_eq!(
            actions.len(),
            all,
            "{path} read something twice: {actions:?}"
        );
    }
    app.finish().await;
}

/// A practitioner's home reads its caseload's figures and its safety alerts for all its
/// families together: it runs the same statements whether the caseload holds one family
/// or seven, each with shared words and an alert.
async fn a_caseload_runs_as_many_statements_for_seven_families_as_for_one(kind: Kind) {
    use app::domain::entries::{EntryBody, SafetyAlert};
    use app::domain::people::MemberKind;
    let app = TestApp::spawn(kind).await;
    let demo = demo(&app).await;
    let sam = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0];
    let cookie = support::demo::staff_cookie(&app, "Sam Sample").await;
    let view = || async {
        let page = app.get_as("/home", Some(&cookie)).await;
        assert_eq!(page.status(), 200);
        page.text().await.unwrap()
    };
    let alert = EntryBody::SafetyAlert(SafetyAlert::now());
    let raised = app::backend::NewEntry {
        share_with_workers: true,
        ..support::new_entry(demo.family, demo.alex, &alert)
    };
    support::create_entry(&app.store, raised).await.unwrap();
    view().await;
    let (one, page) = support::statements::watched(view()).await;
    assert!(page.contains("The Example family (demo)"));
    assert!(page.contains("Alex Example"), "with Alex's alert");

    let mut conn = app.store.conn().await;
    let council = store::people::staff_council(&mut conn, sam)
        .await
        .unwrap()
        .unwrap();
    let team = store::identity::family_facts(&mut conn, demo.family)
        .await
        .unwrap()
        .unwrap()
        .team;
    let now = app.clock.now();
    let mut names = Vec::new();
    for n in 1..=6 {
        let name = format!("The Caseload{n} family (test)");
        let family = store::people::create_family(
            &mut conn,
            council,
            app::backend::NewFamily {
                team,
                reference: &format!("CASELOAD-{n}"),
                display_name: &name,
            },
            now,
        )
        .await
        .unwrap();
        let parent = store::people::add_member(
            &mut conn,
            family,
            app::backend::NewMember {
                kind: MemberKind::ParentCarer,
                display_name: &format!("Pat Caseload{n} (test)"),
                date_of_birth: None,
            },
            now,
        )
        .await
        .unwrap();
        store::people::allocate(&mut conn, family, sam, now)
            .await
            .unwrap();
        names.push(name);
        for body in [
            support::said("Shared words (test)"),
            EntryBody::SafetyAlert(SafetyAlert::now()),
        ] {
            let entry = app::backend::NewEntry {
                share_with_workers: true,
                ..support::new_entry(family, parent, &body)
            };
            support::create_entry(&app.store, entry).await.unwrap();
        }
    }
    drop(conn);
    view().await;
    let (seven, page) = support::statements::watched(view()).await;
    for name in &names {
        assert!(page.contains(name.as_str()), "{name} is on the caseload");
    }
    assert!(page.contains("Pat Caseload6 (test)"), "and its alert");
    assert_eq!(
        one.len(),
        seven.len(),
        "statements for one family: {one:#?}\nthen for seven: {seven:#?}"
    );
    app.finish().await;
}

async fn a_flagged_parent_gets_the_same_answer_for_a_hidden_entry_as_for_a_missing_one(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let demo = demo(&app).await;
    // Alex even tries to share with Jordan; the flag wins whatever sharing says.
    support::share(
        &app.store,
        demo.alex_entry,
        Some(demo.jordan),
        app.clock.now(),
        &app::backend::store::Who::operator(),
    )
    .await
    .unwrap();
    let missing = EntryId::new();

    let hidden_page = app
        .get_as(
            &format!("/entries/{}", demo.alex_entry),
            Some(&demo.jordan_cookie),
        )
        .await;
    let missing_page = app
        .get_as(&format!("/entries/{missing}"), Some(&demo.jordan_cookie))
        .await;
    assert_eq!(hidden_page.status(), 404);
    assert_eq!(missing_page.status(), 404);
    let hidden_body = without_nonce(&hidden_page.text().await.unwrap());
    let missing_body = without_nonce(&missing_page.text().await.unwrap());
    assert_eq!(hidden_body, missing_body);
    assert!(!hidden_body.contains("Words Alex wrote"));

    let hidden_call = app
        .call_as(
            "/api/entry",
            &[("id", &demo.alex_entry.to_string())],
            Some(&demo.jordan_cookie),
        )
        .await;
    let missing_call = app
        .call_as(
            "/api/entry",
            &[("id", &missing.to_string())],
            Some(&demo.jordan_cookie),
        )
        .await;
    assert_eq!(hidden_call.status(), missing_call.status());
    assert_eq!(
        hidden_call.text().await.unwrap(),
        missing_call.text().await.unwrap()
    );

    // Alex's own view still has it, and Jordan's list has nothing of Alex's.
    let alex_home = app
        .get_as("/home", Some(&demo.alex_cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(alex_home.contains("Words Alex wrote (demo)"));
    let jordan_list = app
        .call_as("/api/my-entries", &[], Some(&demo.jordan_cookie))
        .await;
    assert_eq!(jordan_list.status(), 200);
    assert_eq!(jordan_list.text().await.unwrap(), "[]");
    let _ = (demo.family, demo.alex);
    app.finish().await;
}

async fn every_read_of_family_data_writes_exactly_one_audit_row(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let demo = demo(&app).await;
    let before = app.store.audit_count().await.unwrap();
    const READS: i64 = 7;
    for _ in 0..READS {
        let read = app
            .call_as(
                "/api/entry",
                &[("id", &demo.alex_entry.to_string())],
                Some(&demo.alex_cookie),
            )
            .await;
        assert_eq!(read.status(), 200);
    }
    assert_eq!(app.store.audit_count().await.unwrap() - before, READS);
    let page = app
        .get_as(
            &format!("/entries/{}", demo.alex_entry),
            Some(&demo.alex_cookie),
        )
        .await;
    assert_eq!(page.status(), 200);
    assert_eq!(
        app.store.audit_count().await.unwrap() - before,
        READS + 1,
        "a page is one read"
    );
    let report = app.store.verify_audit().await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    app.finish().await;
}

#[tokio::test]
async fn editing_removing_or_reordering_an_audit_row_is_found_by_verify_audit() {
    for tamper in [
        "UPDATE audit_events SET actor_name = 'Someone else' WHERE seq = 2",
        "DELETE FROM audit_events WHERE seq = 2",
        // Two rows of one family's chain swap places.
        "UPDATE audit_events SET chain_seq = 1000000 WHERE chain_seq = 1 AND chain = \
           (SELECT chain FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)); \
         UPDATE audit_events SET chain_seq = 1 WHERE chain_seq = 2 AND chain = \
           (SELECT chain FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)); \
         UPDATE audit_events SET chain_seq = 2 WHERE chain_seq = 1000000;",
        "DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)",
    ] {
        let app = TestApp::spawn(Kind::Sqlite).await;
        let demo = demo(&app).await;
        for _ in 0..3 {
            app.call_as("/api/my-entries", &[], Some(&demo.alex_cookie))
                .await;
        }
        let data_dir = app.data_dir().unwrap();
        let verify = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_server"))
                .arg("verify-audit")
                .env("PORTAL_DATA_DIR", &data_dir)
                .env("PORTAL_LOG_LEVEL", "warn")
                .output()
                .unwrap()
        };
        let whole = verify();
        assert!(
            whole.status.success(),
            "{}",
            String::from_utf8_lossy(&whole.stderr)
        );
        // Someone with the database file, not the service, changes the trail: the
        // append-only triggers are dropped first, as such a person could.
        app.store
            .execute_admin(
                "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;",
            )
            .await
            .unwrap();
        app.store.execute_admin(tamper).await.unwrap();
        let broken = verify();
        assert!(!broken.status.success(), "verify-audit missed: {tamper}");
        assert!(String::from_utf8_lossy(&broken.stderr).contains("tampered"));
        app.finish().await;
    }
}

#[tokio::test]
async fn audit_rows_cannot_be_changed_through_postgresql_either() {
    let app = TestApp::spawn(Kind::Postgres).await;
    let demo = demo(&app).await;
    app.call_as("/api/my-entries", &[], Some(&demo.alex_cookie))
        .await;
    let refused = app
        .store
        .execute_admin("UPDATE audit_events SET detail = 'changed' WHERE seq = 1")
        .await;
    assert!(refused.is_err(), "the trail is append-only");
    app.finish().await;
}

#[tokio::test]
async fn every_response_carries_the_security_headers_even_errors() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    for path in [
        "/",
        "/no-such-page",
        "/healthz",
        "/brand.css",
        "/pkg/missing.js",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        assert!(
            headers.get("strict-transport-security").is_none(),
            "no HSTS over plain http"
        );
    }
    let page = app.get("/").await;
    assert_eq!(page.headers()["cache-control"], "no-store");
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let body = page.text().await.unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(
        body.contains(&format!("nonce=\"{nonce}\"")),
        "the inline script carries this response's nonce"
    );
    assert!(body.contains("Exit this page"));
    app.finish().await;
}

#[tokio::test]
async fn a_post_from_another_site_is_refused_and_recorded() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let demo = demo(&app).await;
    let before = app.store.audit_count().await.unwrap();
    let foreign = reqwest::Client::new()
        .post(app.url("/api/my-entries"))
        .header("origin", "https://elsewhere.example")
        .header("cookie", &demo.alex_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    let no_origin = reqwest::Client::new()
        .post(app.url("/feedback"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("__fn=%2Fapi%2Ffeedback&satisfaction=satisfied")
        .send()
        .await
        .unwrap();
    assert_eq!(no_origin.status(), 403);
    let rows = app.store.audit_rows().await.unwrap();
    assert!(rows.len() as i64 >= before + 2);
    assert!(
        rows.iter()
            .any(|r| r.action == "cross_origin_request" && r.actor_name == "Alex Example")
    );
    app.finish().await;
}

#[tokio::test]
async fn exit_this_page_ends_the_session_and_clears_the_site() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let demo = demo(&app).await;
    assert_eq!(
        app.get_as("/home", Some(&demo.alex_cookie)).await.status(),
        200
    );
    let exit = app.get_as("/exit", Some(&demo.alex_cookie)).await;
    assert_eq!(exit.status(), 303);
    assert_eq!(exit.headers()["location"], "https://www.bbc.co.uk/weather");
    assert!(
        exit.headers()["clear-site-data"]
            .to_str()
            .unwrap()
            .contains("\"cookies\"")
    );
    let after = app.get_as("/home", Some(&demo.alex_cookie)).await;
    assert_eq!(after.status(), 401);
    let rows = app.store.audit_rows().await.unwrap();
    assert!(
        rows.iter()
            .any(|r| r.action == "sign_in_needed" && r.subject.as_deref() == Some("/home")),
        "the refused request is recorded"
    );
    assert!(!after.text().await.unwrap().contains("Words Alex wrote"));
    app.finish().await;
}

/// Someone who has started to sign in but not finished (an anonymous session) and then
/// leaves, or signs out: nothing is recorded, and the evidence chain stays whole.
#[tokio::test]
async fn leaving_before_signing_in_leaves_the_audit_chain_whole() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let started = app
        .post_json("/auth/sign-in/start", &serde_json::json!({}))
        .await;
    assert_eq!(started.status(), 200);
    assert_eq!(app.get("/exit").await.status(), 303);
    let started = app
        .post_json("/auth/sign-in/start", &serde_json::json!({}))
        .await;
    assert_eq!(started.status(), 200);
    assert_eq!(app.post_form("/sign-out", &[]).await.status(), 303);
    let report = app.store.verify_audit().await.unwrap();
    assert_eq!(report.problems, Vec::<String>::new());
    app.finish().await;
}

#[tokio::test]
async fn a_member_sees_who_has_read_what_they_wrote() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let demo = demo(&app).await;
    support::share(
        &app.store,
        demo.alex_entry,
        None,
        app.clock.now(),
        &app::backend::store::Who::operator(),
    )
    .await
    .unwrap();
    let worker = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0];
    let account =
        store::identity::account_for_staff(&mut *app.store.conn().await, worker, app.clock.now())
            .await
            .unwrap();
    let worker_cookie = app.cookie_for(account).await;
    let family_page = app
        .get_as(&format!("/families/{}", demo.family), Some(&worker_cookie))
        .await;
    assert_eq!(family_page.status(), 200);
    assert!(
        family_page
            .text()
            .await
            .unwrap()
            .contains("Words Alex wrote (demo)")
    );
    let seen = app
        .get_as("/seen", Some(&demo.alex_cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(seen.contains("Sam Sample"), "{seen}");
    assert!(seen.contains("Social worker"));
    app.finish().await;
}

#[tokio::test]
async fn behind_tls_every_response_asks_for_https_and_cookies_are_host_only_and_secure() {
    let app = TestApp::spawn_with(Kind::Sqlite, |config| {
        config.identity.public_origin = Some("https://portal.example.test".to_owned());
    })
    .await;
    for path in ["/", "/no-such-page", "/healthz"] {
        let response = app.get(path).await;
        assert!(
            response.headers()["strict-transport-security"]
                .to_str()
                .unwrap()
                .contains("max-age="),
            "{path}"
        );
    }
    let started = app
        .post_json("/auth/sign-in/start", &serde_json::json!({}))
        .await;
    let cookie = started.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("__Host-portal-session="), "{cookie}");
    assert!(
        cookie.contains("; Secure")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
    );
    assert!(!cookie.contains("Domain="), "{cookie}");
    app.finish().await;
}

#[tokio::test]
async fn when_the_audit_row_cannot_be_written_no_data_is_returned() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let demo = demo(&app).await;
    // The trail refuses every new row, as a full disk or a broken table would.
    app.store
        .execute_admin(
            "CREATE TRIGGER audit_refuses BEFORE INSERT ON audit_events \
             BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be written'); END;",
        )
        .await
        .unwrap();
    let read = app
        .call_as(
            "/api/entry",
            &[("id", &demo.alex_entry.to_string())],
            Some(&demo.alex_cookie),
        )
        .await;
    assert_eq!(read.status(), 500);
    let body = read.text().await.unwrap();
    assert!(!body.contains("Words Alex wrote"), "{body}");
    assert!(
        !body.contains("audit trail cannot"),
        "no database detail reaches the browser"
    );
    let page = app
        .get_as("/home", Some(&demo.alex_cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Words Alex wrote"));
    app.finish().await;
}
