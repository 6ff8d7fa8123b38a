//! A parent's tools through the running application's server functions and pages:
//! goals, check-ins, stages, change talk and sharing, with and without WebAssembly.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly at the step that went wrong"
)]

mod support;

use app::domain::ids::{EntryId, SubmissionId};
use server::seed;
use support::{Kind, TestApp, without_nonce};

struct Family {
    alex: String,
    jordan: String,
    charlie: String,
    worker: String,
}

async fn family(app: &TestApp) -> Family {
    seed::seed_demo(&app.store).await.unwrap();
    let now = app::backend::store::now_ms();
    let mut cookies = Vec::new();
    for name in ["Alex Example", "Jordan Example", "Charlie Example"] {
        let (member, _) = app.store.member_named(name).await.unwrap().unwrap();
        let account = app.store.account_for_member(member, now).await.unwrap();
        cookies.push(app.cookie_for(account).await);
    }
    let staff = app.store.staff_by_name("Sam Sample").await.unwrap()[0];
    let worker = app
        .cookie_for(app.store.account_for_staff(staff, now).await.unwrap())
        .await;
    let [alex, jordan, charlie]: [String; 3] = cookies.try_into().unwrap();
    Family {
        alex,
        jordan,
        charlie,
        worker,
    }
}

/// Creates a goal as Alex through the server function and returns its id.
async fn alex_goal(app: &TestApp, f: &Family, share: &str) -> EntryId {
    let submission = SubmissionId::new().to_string();
    let made = app
        .call_as(
            "/api/new-goal",
            &[
                ("submission", &submission),
                ("change", "Get the children to school on time (demo)"),
                ("why", "They are happier when they are not rushed"),
                ("share", share),
            ],
            Some(&f.alex),
        )
        .await;
    assert!(
        made.status().is_success() || made.status().is_redirection(),
        "{}",
        made.status()
    );
    let space: serde_json::Value = app
        .call_as("/api/my-space", &[], Some(&f.alex))
        .await
        .json()
        .await
        .unwrap();
    let id = space["goals"].as_array().unwrap().last().unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    EntryId::parse(&id).unwrap()
}

on_both_backends!(
    another_members_goal_gets_the_same_answer_as_a_goal_that_does_not_exist,
    a_repeated_client_id_makes_a_single_goal,
    editing_a_goal_keeps_every_version,
);

async fn another_members_goal_gets_the_same_answer_as_a_goal_that_does_not_exist(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    // Shared with the workers, never with another member.
    let goal = alex_goal(&app, &f, "workers").await;
    let missing = EntryId::new();
    for other in [&f.jordan, &f.charlie] {
        let hidden = app
            .call_as("/api/goal", &[("id", &goal.to_string())], Some(other))
            .await;
        let absent = app
            .call_as("/api/goal", &[("id", &missing.to_string())], Some(other))
            .await;
        assert_eq!(hidden.status(), 404);
        assert_eq!(hidden.status(), absent.status());
        assert_eq!(hidden.text().await.unwrap(), absent.text().await.unwrap());
        let hidden_page = app.get_as(&format!("/goals/{goal}"), Some(other)).await;
        let absent_page = app.get_as(&format!("/goals/{missing}"), Some(other)).await;
        assert_eq!(hidden_page.status(), absent_page.status());
        assert_eq!(
            without_nonce(&hidden_page.text().await.unwrap()),
            without_nonce(&absent_page.text().await.unwrap())
        );
        // Not even through a check-in on it.
        let sneaky = app
            .call_as(
                "/api/check-in",
                &[
                    ("goal", &goal.to_string()),
                    ("submission", &SubmissionId::new().to_string()),
                    ("now", "1"),
                    ("want", "2"),
                ],
                Some(other),
            )
            .await;
        assert_eq!(sneaky.status(), 404);
    }
    // The allocated worker sees it, because Alex shared it with the workers.
    let seen = app.get_as(&format!("/goals/{goal}"), Some(&f.worker)).await;
    assert_eq!(seen.status(), 200);
    assert!(
        seen.text()
            .await
            .unwrap()
            .contains("Get the children to school on time (demo)")
    );
    app.finish().await;
}

async fn a_repeated_client_id_makes_a_single_goal(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let submission = SubmissionId::new().to_string();
    for _ in 0..3 {
        let sent = app
            .call_as(
                "/api/new-goal",
                &[("submission", &submission), ("change", "Once only (demo)")],
                Some(&f.alex),
            )
            .await;
        assert!(sent.status().is_success() || sent.status().is_redirection());
    }
    let space: serde_json::Value = app
        .call_as("/api/my-space", &[], Some(&f.alex))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(space["goals"].as_array().unwrap().len(), 1);
    app.finish().await;
}

async fn editing_a_goal_keeps_every_version(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "only_me").await;
    for (version, words) in [("1", "Second words (demo)"), ("2", "Third words (demo)")] {
        let edited = app
            .call_as(
                "/api/edit-goal",
                &[
                    ("goal", &goal.to_string()),
                    ("version", version),
                    ("change", words),
                ],
                Some(&f.alex),
            )
            .await;
        assert!(
            edited.status().is_redirection() || edited.status().is_success(),
            "{}",
            edited.status()
        );
    }
    // An edit from a page that was open before the last change is refused, not written over.
    let stale = app
        .call_as(
            "/api/edit-goal",
            &[
                ("goal", &goal.to_string()),
                ("version", "1"),
                ("change", "Lost?"),
            ],
            Some(&f.alex),
        )
        .await;
    assert_eq!(stale.status(), 422);
    let history = app.store.entry_history(goal).await.unwrap();
    assert_eq!(history.len(), 3);
    assert!(
        history[0]
            .body
            .contains("Get the children to school on time (demo)")
    );
    assert!(history[2].body.contains("Third words (demo)"));
    app.finish().await;
}

#[tokio::test]
async fn a_check_in_without_webassembly_keeps_what_was_typed_when_a_score_is_wrong() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "only_me").await;
    let page = format!("/goals/{goal}/check-in");
    let submission = SubmissionId::new().to_string();
    let post = |fields: Vec<(&'static str, String)>| {
        let body = serde_urlencoded::to_string(&fields).unwrap();
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .post(app.url(&page))
            .header("origin", &app.origin)
            .header("cookie", &f.alex)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let wrong = post(vec![
        ("__fn", "/api/check-in".into()),
        ("goal", goal.to_string()),
        ("submission", submission.clone()),
        ("now", "11".into()),
        ("want", "8".into()),
        (
            "importance_not_lower",
            "Because of my children (demo)".into(),
        ),
    ])
    .await
    .unwrap();
    assert_eq!(wrong.status(), 422);
    let html = wrong.text().await.unwrap();
    assert!(
        html.contains("Where you are now must be a number from 0 to 10."),
        "{html}"
    );
    assert!(
        html.contains("Because of my children (demo)"),
        "what was typed is kept"
    );
    assert!(html.contains("value=\"11\""));

    let right = post(vec![
        ("__fn", "/api/check-in".into()),
        ("goal", goal.to_string()),
        ("submission", submission),
        ("now", "4".into()),
        ("want", "8".into()),
        ("importance", "9".into()),
        (
            "importance_not_lower",
            "Because of my children (demo)".into(),
        ),
        ("confidence", "6".into()),
    ])
    .await
    .unwrap();
    assert_eq!(right.status(), 303);
    let shown = app
        .get_as(&format!("/goals/{goal}"), Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        shown.contains("You checked in once: you were at 4 out of 10 and want to be at 8."),
        "{shown}"
    );
    assert!(shown.contains("<svg"), "the chart is drawn on the server");
    assert!(
        shown.contains("<table"),
        "and the same figures are in a table"
    );
    app.finish().await;
}

#[tokio::test]
async fn what_is_withdrawn_from_the_workers_is_hidden_from_them_and_the_record_is_kept() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    assert_eq!(
        app.get_as(&format!("/goals/{goal}"), Some(&f.worker))
            .await
            .status(),
        200
    );
    let withdrawn = app
        .call_as(
            "/api/share",
            &[
                ("entry", &goal.to_string()),
                ("share", "only_me"),
                ("back", "/home"),
            ],
            Some(&f.alex),
        )
        .await;
    assert!(withdrawn.status().is_redirection() || withdrawn.status().is_success());
    assert_eq!(
        app.get_as(&format!("/goals/{goal}"), Some(&f.worker))
            .await
            .status(),
        404
    );
    let rows = app.store.audit_rows().await.unwrap();
    assert!(
        rows.iter()
            .any(|r| r.action == "share_entry" && r.subject.as_deref() == Some(&goal.to_string()))
    );
    assert!(
        rows.iter().any(
            |r| r.action == "withdraw_entry" && r.subject.as_deref() == Some(&goal.to_string())
        )
    );
    app.finish().await;
}

#[tokio::test]
async fn change_talk_keeps_its_kind_and_the_parents_words() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    for (kind, text) in [
        ("commitment", "ring the school on Monday (demo)"),
        ("none", "In my own words (demo)"),
    ] {
        let said = app
            .call_as(
                "/api/say",
                &[
                    ("submission", &SubmissionId::new().to_string()),
                    ("kind", kind),
                    ("text", text),
                ],
                Some(&f.alex),
            )
            .await;
        assert!(said.status().is_redirection() || said.status().is_success());
    }
    let refused = app
        .call_as(
            "/api/say",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("kind", "pros_and_cons"),
                ("text", "x"),
            ],
            Some(&f.alex),
        )
        .await;
    assert_eq!(refused.status(), 422);
    let space: serde_json::Value = app
        .call_as("/api/my-space", &[], Some(&f.alex))
        .await
        .json()
        .await
        .unwrap();
    let said: Vec<&str> = space["said"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["sentence"].as_str().unwrap())
        .collect();
    assert_eq!(
        said,
        [
            "I will ring the school on Monday (demo)",
            "In my own words (demo)"
        ]
    );
    app.finish().await;
}

#[tokio::test]
async fn a_page_drawn_again_after_a_problem_is_whole_without_scripts() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "only_me").await;
    let body = serde_urlencoded::to_string([
        ("__fn", "/api/check-in".to_owned()),
        ("goal", goal.to_string()),
        ("submission", SubmissionId::new().to_string()),
        ("now", "".to_owned()),
        ("want", "5".to_owned()),
    ])
    .unwrap();
    let page = reqwest::Client::new()
        .post(app.url(&format!("/goals/{goal}/check-in")))
        .header("origin", &app.origin)
        .header("cookie", &f.alex)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The goal's words and the form are in the page itself, not waiting for a script.
    let main = page
        .split("<main")
        .nth(1)
        .unwrap()
        .split("</main>")
        .next()
        .unwrap();
    assert!(
        main.contains("Get the children to school on time (demo)"),
        "{main}"
    );
    assert!(main.contains("Enter a number from 0 to 10 for where you are now."));
    app.finish().await;
}

#[tokio::test]
async fn a_parent_sees_a_receipt_once_their_worker_has_read_their_goal() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    let before: serde_json::Value = app
        .call_as("/api/my-space", &[], Some(&f.alex))
        .await
        .json()
        .await
        .unwrap();
    assert!(before["goals"][0]["read_by_worker"].is_null());
    assert_eq!(
        app.get_as(&format!("/goals/{goal}"), Some(&f.worker))
            .await
            .status(),
        200
    );
    let after: serde_json::Value = app
        .call_as("/api/my-space", &[], Some(&f.alex))
        .await
        .json()
        .await
        .unwrap();
    assert!(after["goals"][0]["read_by_worker"].is_i64(), "{after}");
    let home = app
        .get_as("/home", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains("Read by your worker on"));
    app.finish().await;
}

#[tokio::test]
async fn a_parent_who_does_not_feel_safe_reaches_their_workers_and_nothing_shows_on_their_screen() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let before_home = app
        .get_as("/home", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    let submission = SubmissionId::new().to_string();
    for _ in 0..2 {
        let sent = app
            .call_as(
                "/api/not-safe",
                &[("submission", &submission)],
                Some(&f.alex),
            )
            .await;
        assert!(sent.status().is_redirection() || sent.status().is_success());
    }
    let urgent: serde_json::Value = app
        .call_as("/api/urgent", &[], Some(&f.worker))
        .await
        .json()
        .await
        .unwrap();
    let urgent = urgent.as_array().unwrap();
    assert_eq!(urgent.len(), 1, "one press, one alert, even sent twice");
    assert_eq!(urgent[0]["member_name"], "Alex Example");
    assert!(urgent[0]["at"].is_i64());
    let worker_home = app
        .get_as("/home", Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(worker_home.contains("does not feel safe right now"));
    // Alex's own screen looks as it did; Jordan, flagged towards Alex, sees nothing.
    let after_home = app
        .get_as("/home", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(!after_home.contains("feel safe"));
    // What someone looking over a shoulder would see: the page's main content.
    let main = |page: &str| {
        page.split("<main")
            .nth(1)
            .unwrap()
            .split("</main>")
            .next()
            .unwrap()
            .to_owned()
    };
    let (before, after) = (main(&before_home), main(&after_home));
    if before != after {
        let at = before
            .chars()
            .zip(after.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let show = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(80))
                .take(200)
                .collect::<String>()
        };
        panic!(
            "the home page changed:\n{}\n---\n{}",
            show(&before),
            show(&after)
        );
    }
    let jordan = app
        .call_as("/api/my-entries", &[], Some(&f.jordan))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(jordan, "[]");
    app.finish().await;
}

#[tokio::test]
async fn sharing_with_a_named_member_is_a_choice_the_policy_can_refuse() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "only_me").await;
    let (charlie, _) = app
        .store
        .member_named("Charlie Example")
        .await
        .unwrap()
        .unwrap();
    let (jordan, _) = app
        .store
        .member_named("Jordan Example")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        app.call_as("/api/goal", &[("id", &goal.to_string())], Some(&f.charlie))
            .await
            .status(),
        404
    );
    let shared = app
        .call_as(
            "/api/share-with-member",
            &[
                ("entry", &goal.to_string()),
                ("member", &charlie.to_string()),
            ],
            Some(&f.alex),
        )
        .await;
    assert!(shared.status().is_redirection() || shared.status().is_success());
    assert_eq!(
        app.call_as("/api/goal", &[("id", &goal.to_string())], Some(&f.charlie))
            .await
            .status(),
        200
    );
    let page = app
        .get_as(&format!("/goals/{goal}"), Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Also shared with: Charlie Example."));

    // Jordan is flagged as a risk to Alex: the policy refuses, plainly and without saying why.
    let refused = app
        .call_as(
            "/api/share-with-member",
            &[
                ("entry", &goal.to_string()),
                ("member", &jordan.to_string()),
            ],
            Some(&f.alex),
        )
        .await;
    assert_eq!(refused.status(), 422);
    let message = refused.text().await.unwrap();
    assert!(
        message.contains("You cannot share this with them."),
        "{message}"
    );
    assert!(!message.to_lowercase().contains("flag") && !message.to_lowercase().contains("risk"));
    assert_eq!(
        app.call_as("/api/goal", &[("id", &goal.to_string())], Some(&f.jordan))
            .await
            .status(),
        404
    );
    app.finish().await;
}
