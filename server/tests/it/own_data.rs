//! "Everything we hold about you": a member's copy of their own data (a subject access
//! request), on its page, as a Word document and as JSON; and the copy a practitioner
//! makes for a member in person.
//!
//! The copy holds every version of everything the member wrote, whom each was shared
//! with, the workers' replies and read marks, what the member said back, unfinished
//! answers and who has read their words; never another member's words; and reading it is
//! audited like any read of family data.

use crate::support;
use crate::support::languages::{choose_reading, in_urdu, lang_and_dir};
use app::backend::store;
use app::domain::ids::{EntryId, SubmissionId};
use app::dto::own_data::OwnData;
use support::demo::{assert_done, family, family_id, json_as, member, staff_cookie};
use support::{Connect, Kind, TestApp};

on_both_backends!(
    a_members_copy_holds_every_version_reply_and_reader_and_nothing_of_anyone_elses,
    a_practitioners_copy_is_made_in_person_has_alerts_and_shows_as_a_read,
    a_copy_is_hidden_from_anyone_else_exactly_as_a_member_who_is_not_there,
    a_parent_reading_urdu_gets_their_account_feedback_copy_problems_and_offline_page_in_urdu,
);

/// A change-talk entry in `words`, by the member whose session is `cookie`, shared with
/// the workers or not ("workers" or "only_me"); answers its id.
async fn say(app: &TestApp, cookie: &str, words: &str, share: &str) -> EntryId {
    let submission = SubmissionId::new().to_string();
    assert_done(
        &app.call_as(
            "/api/say",
            &[
                ("submission", &submission),
                ("kind", "none"),
                ("text", words),
                ("share", share),
            ],
            Some(cookie),
        )
        .await,
    );
    let space = support::demo::space_of(app, cookie).await;
    space.said.last().expect("what was just said").id
}

/// A file downloaded by this person: its status, media type, and bytes.
async fn download(app: &TestApp, path: &str, cookie: &str) -> (u16, String, Vec<u8>) {
    let response = app.get_as(path, Some(cookie)).await;
    let status = response.status().as_u16();
    let media = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, media, response.bytes().await.unwrap().to_vec())
}

fn docx_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name("word/document.xml").unwrap();
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

/// How many audit rows of `action` name `member` as their subject.
async fn audited(app: &TestApp, action: &str, member: &str) -> i64 {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_events WHERE action = $1 AND subject = $2 \
         AND outcome = 'allowed'",
    )
    .bind(action)
    .bind(member)
    .fetch_one(&mut *app.store.conn().await)
    .await
    .unwrap();
    count
}

async fn a_members_copy_holds_every_version_reply_and_reader_and_nothing_of_anyone_elses(
    kind: Kind,
) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let alex = member(&app, "Alex Example").await;
    // Right-to-left words and an emoji, to be kept byte for byte.
    let first = "I want calmer mornings (demo) \u{1F305} \u{0645}\u{0631}\u{062D}\u{0628}\u{0627}";
    let kept = say(&app, &f.alex, first, "workers").await;
    let private = say(
        &app,
        &f.alex,
        "Private words only Alex has (demo)",
        "only_me",
    )
    .await;
    // A second version of the first, written as a change through the store.
    let changed = support::said("Calmer mornings, and school on time (demo)");
    support::revise_entry(&app.store, kept, 1, &changed, &store::Who::operator(), None)
        .await
        .unwrap();
    // Words of other members, which must appear nowhere in Alex's copy.
    let jordans = "Jordan's own words, never Alex's (demo)";
    say(&app, &f.jordan, jordans, "workers").await;
    support::demo::child_adds(
        &app,
        &f.charlie,
        "/api/child-house",
        &[
            ("house", "worries"),
            ("words", "Charlie's worry (demo)"),
            ("share", "workers"),
        ],
    )
    .await;
    // The worker reads the family, replies to Alex, and Alex says something back.
    let worker = f.worker.clone();
    assert_eq!(
        app.call_as(
            "/api/family",
            &[("id", &family_id(&app).await.to_string())],
            Some(&worker)
        )
        .await
        .status(),
        200
    );
    assert_done(
        &app.call_as(
            "/api/respond",
            &[
                ("entry", &kept.to_string()),
                ("response", "Thank you for this (demo)"),
            ],
            Some(&worker),
        )
        .await,
    );
    let entry: app::dto::family::EntryView = app
        .call_as("/api/entry", &[("id", &kept.to_string())], Some(&f.alex))
        .await
        .json()
        .await
        .unwrap();
    assert_done(
        &app.call_as(
            "/api/disagree",
            &[
                ("response", &entry.responses[0].id),
                ("disagree", "That is not quite it (demo)"),
            ],
            Some(&f.alex),
        )
        .await,
    );

    // A goal begun and not finished: what was typed is Alex's too.
    assert_done(
        &app.call_as(
            "/api/answer",
            &[
                ("flow", "new_goal"),
                ("submission", &SubmissionId::new().to_string()),
                ("question", "change"),
                ("answer", "Half a goal, not saved yet (demo)"),
            ],
            Some(&f.alex),
        )
        .await,
    );
    let body = app
        .call_as("/api/my-data", &[], Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    let copy: OwnData = serde_json::from_str(&body).unwrap();
    assert_eq!(copy.member, alex);
    assert_eq!(copy.name, "Alex Example");
    assert!(copy.made_by.is_none());
    let words = |id: EntryId| -> Vec<String> {
        copy.entries
            .iter()
            .find(|e| e.id == id)
            .expect("the entry is in the copy")
            .versions
            .iter()
            .flat_map(|v| v.parts.iter().map(|p| p.words.clone()))
            .collect()
    };
    // Every version, in order, byte for byte.
    assert_eq!(
        words(kept),
        vec![
            first.to_owned(),
            "Calmer mornings, and school on time (demo)".to_owned()
        ]
    );
    assert_eq!(
        words(private),
        vec!["Private words only Alex has (demo)".to_owned()]
    );
    let shared = copy.entries.iter().find(|e| e.id == kept).unwrap();
    assert_eq!(shared.versions[1].version, 2);
    assert_eq!(shared.shares.len(), 1);
    assert_eq!(shared.shares[0].with, None);
    assert_eq!(shared.responses[0].words, "Thank you for this (demo)");
    assert_eq!(
        shared.responses[0].disagreements[0].words,
        "That is not quite it (demo)"
    );
    let private_entry = copy.entries.iter().find(|e| e.id == private).unwrap();
    assert!(private_entry.shares.is_empty());
    assert_eq!(copy.drafts.len(), 1);
    assert_eq!(copy.drafts[0].tool, "A new goal");
    assert_eq!(
        copy.drafts[0].answers,
        vec![(
            "What I want to change".to_owned(),
            "Half a goal, not saved yet (demo)".to_owned()
        )]
    );
    // The worker read Alex's shared words on the family page.
    assert!(copy.readers.iter().any(|r| r.name == "Sam Sample"));
    // Nothing of Jordan's or Charlie's, anywhere in what was sent.
    assert!(!body.contains(jordans));
    assert!(!body.contains("Charlie's worry"));
    assert_eq!(audited(&app, "read_own_data", &alex.to_string()).await, 1);

    // The same copy as JSON and as a Word document, each its own audited export.
    let (status, media, bytes) = download(&app, "/my-data.json", &f.alex).await;
    assert_eq!((status, media.as_str()), (200, "application/json"));
    let as_json: OwnData = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(as_json.entries, copy.entries);
    assert_eq!(as_json.versions(), 3);
    let (status, media, bytes) = download(&app, "/my-data.docx", &f.alex).await;
    assert_eq!(status, 200);
    assert_eq!(media, app::backend::export::DOCX_TYPE);
    let document = docx_text(&bytes);
    assert!(document.contains(first));
    assert!(document.contains("Calmer mornings, and school on time (demo)"));
    assert!(document.contains("That is not quite it (demo)"));
    assert!(!document.contains(jordans));
    // And as a web page of its own, to keep.
    let (status, media, bytes) = download(&app, "/my-data.html", &f.alex).await;
    assert_eq!((status, media.as_str()), (200, "text/html; charset=utf-8"));
    let kept = String::from_utf8(bytes).unwrap();
    assert!(kept.starts_with("<!DOCTYPE html><html lang=\"en-GB\">"));
    assert!(kept.contains("<title>Everything we hold about Alex Example</title>"));
    assert!(kept.contains(first));
    assert!(kept.contains("That is not quite it (demo)"));
    assert!(kept.contains("Half a goal, not saved yet (demo)"));
    assert!(!kept.contains(jordans));
    assert!(!kept.contains("<script"), "a kept page runs nothing");
    assert!(!kept.contains("<!>"), "nor carries markers for script");
    assert_eq!(audited(&app, "export_own_data", &alex.to_string()).await, 3);

    // The page, drawn on the server with the copy in it.
    let page = app.get_as("/my-data", Some(&f.alex)).await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Everything we hold about you"));
    assert!(page.contains("Private words only Alex has (demo)"));
    assert!(!page.contains(jordans));
    app.finish().await;
}

async fn a_practitioners_copy_is_made_in_person_has_alerts_and_shows_as_a_read(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let alex = member(&app, "Alex Example").await;
    let family = family_id(&app).await;
    let private = say(&app, &f.alex, "Kept to myself (demo)", "only_me").await;
    let submission = SubmissionId::new().to_string();
    assert_done(
        &app.call_as(
            "/api/not-safe",
            &[("submission", &submission)],
            Some(&f.alex),
        )
        .await,
    );
    // Alex's own copy leaves the alert out, as Alex's pages do.
    let own: OwnData = json_as(&app, "/api/my-data", &f.alex).await;
    assert!(!own.has_alerts);
    assert!(own.entries.iter().all(|e| e.tool != "Safety alert"));
    assert_eq!(own.entries.len(), 1);

    // The page names the member and holds none of their words.
    let page = app
        .get_as(
            &format!("/families/{family}/members/{alex}/data"),
            Some(&f.worker),
        )
        .await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("A copy of everything we hold about Alex Example"));
    assert!(!page.contains("Kept to myself (demo)"));
    // Nobody has read Alex's private words yet.
    let seen: Vec<app::dto::family::SeenBy> = json_as(&app, "/api/who-has-seen", &f.alex).await;
    assert!(
        seen.iter()
            .all(|r| r.items.iter().all(|i| i.words != "Kept to myself (demo)"))
    );

    let (status, _, bytes) = download(
        &app,
        &format!("/families/{family}/members/{alex}/data.json"),
        &f.worker,
    )
    .await;
    assert_eq!(status, 200);
    let copy: OwnData = serde_json::from_slice(&bytes).unwrap();
    assert!(copy.has_alerts);
    assert_eq!(copy.made_by.as_deref(), Some("Sam Sample (Social worker)"));
    assert_eq!(copy.entries.len(), 2);
    assert!(copy.entries.iter().any(|e| e.id == private));
    let (status, _, bytes) = download(
        &app,
        &format!("/families/{family}/members/{alex}/data.docx"),
        &f.worker,
    )
    .await;
    assert_eq!(status, 200);
    assert!(docx_text(&bytes).contains("Kept to myself (demo)"));
    let (status, _, bytes) = download(
        &app,
        &format!("/families/{family}/members/{alex}/data.html"),
        &f.worker,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        String::from_utf8(bytes)
            .unwrap()
            .contains("Kept to myself (demo)")
    );
    assert_eq!(
        audited(&app, "export_member_data", &alex.to_string()).await,
        3
    );
    // Alex sees that the worker read the private words, but never the alert.
    let seen: Vec<app::dto::family::SeenBy> = json_as(&app, "/api/who-has-seen", &f.alex).await;
    let sam = seen
        .iter()
        .find(|r| r.name == "Sam Sample")
        .expect("Sam read them");
    assert!(sam.items.iter().any(|i| i.words == "Kept to myself (demo)"));
    assert!(
        seen.iter()
            .all(|r| r.items.iter().all(|i| i.tool != "Safety alert"))
    );
    app.finish().await;
}

async fn a_copy_is_hidden_from_anyone_else_exactly_as_a_member_who_is_not_there(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let alex = member(&app, "Alex Example").await;
    let family = family_id(&app).await;
    say(&app, &f.alex, "Only for Alex (demo)", "only_me").await;
    let missing = app::domain::ids::MemberId::new();
    let business = staff_cookie(&app, "Harper Dummy").await;
    let answer = |path: String, cookie: String| {
        let app = &app;
        async move {
            let response = app.get_as(&path, Some(&cookie)).await;
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };
    for suffix in ["data.json", "data.docx", "data.html", "data"] {
        let absent = answer(
            format!("/families/{family}/members/{missing}/{suffix}"),
            f.worker.clone(),
        )
        .await;
        assert_eq!(absent.0, 404, "{suffix}");
        // Jordan (flagged as a risk to Alex), Alex themselves, and business support.
        for cookie in [&f.jordan, &f.alex, &business] {
            let hidden = answer(
                format!("/families/{family}/members/{alex}/{suffix}"),
                cookie.clone(),
            )
            .await;
            assert_eq!(hidden.0, absent.0, "{suffix}");
            if suffix != "data" {
                assert_eq!(hidden.1, absent.1, "{suffix}");
            }
            assert!(!hidden.1.contains("Only for Alex (demo)"));
        }
    }
    // Jordan's own copy has nothing of Alex's.
    let jordans = app
        .call_as("/api/my-data", &[], Some(&f.jordan))
        .await
        .text()
        .await
        .unwrap();
    assert!(!jordans.contains("Only for Alex (demo)"));
    // Nobody signed in gets "sign in", not a copy.
    assert_eq!(app.get("/my-data.json").await.status(), 401);
    app.finish().await;
}

/// A parent who reads the portal in Urdu gets their account, the feedback page, their
/// copy of their data, a page that is not there and the offline page in Urdu, right to
/// left; the passkey script is handed its words in Urdu; and what they wrote, and
/// people's names, are shown exactly as written.
async fn a_parent_reading_urdu_gets_their_account_feedback_copy_problems_and_offline_page_in_urdu(
    kind: Kind,
) {
    let app = support::languages::spawn_offering(kind, &["pl", "ur"]).await;
    let f = family(&app).await;
    choose_reading(&app, &f.alex, &[("language", "ur")]).await;
    let words = "صبح کا وقت پرسکون ہو، Alex (demo)";
    let kept = say(&app, &f.alex, words, "workers").await;
    // The worker reads it and replies, so the copy names them.
    let family_page = app
        .call_as(
            "/api/family",
            &[("id", &family_id(&app).await.to_string())],
            Some(&f.worker),
        )
        .await;
    assert_eq!(family_page.status(), 200);
    assert_done(
        &app.call_as(
            "/api/respond",
            &[
                ("entry", &kept.to_string()),
                ("response", "Thank you (demo)"),
            ],
            Some(&f.worker),
        )
        .await,
    );
    let urdu = ("ur".to_owned(), "rtl".to_owned());
    let page_of = |path: &'static str| {
        let (app, cookie) = (&app, f.alex.clone());
        async move {
            let response = app.get_as(path, Some(&cookie)).await;
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };

    for (path, status, heading) in [
        ("/account", 200, "account-title"),
        ("/feedback", 200, "feedback-heading"),
        ("/my-data", 200, "own-heading"),
        ("/no-such-page", 404, "problem-not-found"),
    ] {
        let (answered, page) = page_of(path).await;
        assert_eq!(answered, status, "{path}");
        assert_eq!(lang_and_dir(&page), urdu, "{path}");
        assert!(page.contains(&in_urdu(heading)), "{path}: {page}");
    }

    // Their copy: the page's words in Urdu, their words and the worker's name as written.
    let (_, copy) = page_of("/my-data").await;
    assert!(copy.contains(&in_urdu("own-keep")), "{copy}");
    assert!(
        copy.contains(&format!("app-own-words\">{words}</")),
        "{copy}"
    );
    assert!(copy.contains("app-own-words\">Sam Sample</span>"), "{copy}");
    assert!(!copy.contains("Everything we hold about you"), "{copy}");

    // The passkey script's words, handed to it by the page it runs on.
    let (_, confirm) = page_of("/confirm?then=/account").await;
    assert_eq!(lang_and_dir(&confirm), urdu);
    assert!(confirm.contains(&in_urdu("passkey-cancelled")), "{confirm}");
    assert!(confirm.contains(&in_urdu("passkey-no-script")), "{confirm}");
    assert!(confirm.contains("data-problems="), "{confirm}");
    assert!(confirm.contains(&in_urdu("passkey-code")), "{confirm}");

    // The offline page the phone keeps for a page read in Urdu: the same for anyone, and
    // it says which language it is in.
    let offline = app.get("/offline.html?lang=ur").await;
    assert_eq!(offline.status(), 200);
    assert_eq!(offline.headers()["content-language"], "ur");
    let offline = offline.text().await.unwrap();
    assert_eq!(lang_and_dir(&offline), urdu);
    assert!(offline.contains(&in_urdu("offline-title")), "{offline}");
    assert!(offline.contains(&in_urdu("exit-this-page")), "{offline}");
    assert!(offline.contains(&in_urdu("offline-held")), "{offline}");
    // Without a language it is English, as the worker first keeps it.
    let english = app.get("/offline.html").await.text().await.unwrap();
    assert!(
        english.contains("<html lang=\"en-GB\" dir=\"ltr\""),
        "{english}"
    );
    assert!(english.contains("You are offline"));
    app.finish().await;
}
