//! A parent's tools through the running application's server functions and pages:
//! goals, check-ins, stages, change talk and sharing, with and without WebAssembly.

use crate::support;
use crate::support::languages::choose_reading;
use crate::support::{Connect, post_page};
use app::backend::store;

use app::domain::child::AgeBand;
use app::domain::ids::{EntryId, MemberId, SubmissionId};
use app::dto::child::ChildSpace;
use app::dto::drafts::DraftView;
use app::dto::family::{CaseloadRow, EntryView, FamilyView, SeenBy};
use app::dto::pack::PackView;
use app::dto::record::RecordView;
use app::dto::supervision::{BookingView, SessionDetail, SupervisionPrep};
use app::dto::tools::{AlertView, GoalView, SpaceView};
use support::demo::{
    alex_goal, assert_done, body_as, book_on, child_adds, family, json_as, json_of, member,
    space_of, written_at,
};
use support::{Kind, TestApp, without_nonce};

/// `by` shares `entry` with one member of their family, by the server function.
async fn share_with_member(
    app: &TestApp,
    by: &str,
    entry: EntryId,
    member: app::domain::ids::MemberId,
) -> reqwest::Response {
    app.call_as(
        "/api/share-with-member",
        &[
            ("entry", &entry.to_string()),
            ("member", &member.to_string()),
        ],
        Some(by),
    )
    .await
}

on_both_backends!(
    another_members_goal_gets_the_same_answer_as_a_goal_that_does_not_exist,
    a_repeated_client_id_makes_a_single_goal,
    editing_a_goal_keeps_every_version,
    a_draft_is_kept_as_it_is_typed_for_its_author_alone,
    saving_a_draft_twice_makes_one_entry,
    words_kept_as_typed_that_arrive_late_never_replace_newer_ones,
    module_8_carries_the_familys_words_to_the_workers_and_their_responses_back,
    the_caseload_counts_only_what_was_shared_since_the_last_supervision,
    business_support_books_supervision_without_reading_family_content,
    practitioners_write_progress_summaries_that_end_when_finalised,
    a_booked_session_moves_or_is_cancelled_by_a_change_that_keeps_its_history,
    the_supervision_pack_gathers_what_was_shared_since_the_last_session,
    the_team_manager_records_supervision_and_a_finalised_record_changes_only_by_new_versions,
    a_childs_words_reach_the_workers_and_a_parent_only_when_the_child_shows_them,
    neither_person_a_flag_joins_can_tell_it_is_there,
    a_submission_id_is_recognised_only_from_its_own_author,
    who_has_seen_names_each_reader_once_with_what_they_read_when_and_how_often,
    a_parent_reading_urdu_reads_their_other_pages_in_urdu_and_their_own_words_as_written,
    a_check_in_its_share_and_the_end_of_its_draft_are_kept_together_or_not_at_all,
    an_entry_that_no_longer_reads_is_an_error_and_never_quietly_left_out,
);

/// Words a parent typed that look like markup or code are shown as typed and never run:
/// in every page that shows them, in the data a page carries for hydration, and in the
/// Word document.
#[tokio::test]
async fn a_familys_words_that_look_like_code_stay_words_everywhere() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let words =
        "</script><script>alert(1)</script> <!-- <svg onload=alert(2)> \u{202E}gnp.exe (demo)";
    let made = app
        .call_as(
            "/api/new-goal",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("change", words),
                ("share", "workers"),
            ],
            Some(&f.alex),
        )
        .await;
    assert_done(&made);
    let goal = space_of(&app, &f.alex).await.goals[0].id;
    let family_id = support::demo::family_id(&app).await;
    let family_page = format!("/families/{family_id}");
    for (page, cookie) in [
        (format!("{family_page}/views"), &f.worker),
        (format!("{family_page}/pack"), &f.worker),
        (family_page.clone(), &f.worker),
        (format!("/goals/{goal}"), &f.worker),
        (format!("/goals/{goal}"), &f.alex),
        ("/home".to_owned(), &f.alex),
        // The member's copy of their data, on its page and as the web page they keep.
        ("/my-data".to_owned(), &f.alex),
        ("/my-data.html".to_owned(), &f.alex),
    ] {
        let html = app.get_as(&page, Some(cookie)).await.text().await.unwrap();
        // Shown as typed, escaped for HTML...
        assert!(
            html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}: the words are not on the page as typed"
        );
        assert!(html.contains("\u{202E}gnp.exe"), "{page}");
        // ...and nowhere raw: not in the page, and not in the hydration data, where a
        // closing script tag would end the script early.
        assert!(
            !html.contains("<script>alert"),
            "{page}: a script tag came through"
        );
        assert!(
            !html.contains("<svg onload"),
            "{page}: an element came through"
        );
        assert!(
            !html.contains("<!-- <svg"),
            "{page}: a comment came through"
        );
        assert_eq!(
            html.matches("</script>").count(),
            html.matches("<script").count(),
            "{page}: every script closes where it opened"
        );
    }
    let bytes = app
        .get_as(&format!("{family_page}/views.docx"), Some(&f.worker))
        .await
        .bytes()
        .await
        .unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    assert!(document.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!document.contains("<script") && !document.contains("<svg"));
    assert!(document.contains("\u{202E}gnp.exe"));
    app.finish().await;
}

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
        assert_done(&sent);
    }
    let space = space_of(&app, &f.alex).await;
    assert_eq!(space.goals.len(), 1);
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
        assert_done(&edited);
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
    let history = support::entry_history(&app.store, goal).await.unwrap();
    assert_eq!(history.len(), 3);
    assert!(
        history[0]
            .body
            .contains("Get the children to school on time (demo)")
    );
    assert!(history[2].body.contains("Third words (demo)"));
    app.finish().await;
}

/// Says something as a member, through the server function, and checks it was kept.
async fn say_as(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) {
    let said = app.call_as("/api/say", fields, Some(cookie)).await;
    assert_done(&said);
}

/// A member's draft for a tool, as the draft server function returns it.
async fn draft_of(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> DraftView {
    app.call_as("/api/draft", form, Some(cookie))
        .await
        .json()
        .await
        .unwrap()
}

/// Keeps one answer of a check-in on `goal` as it is typed, as the page's scripts do.
async fn keep_check_in_answer(
    app: &TestApp,
    cookie: &str,
    goal: &str,
    submission: &str,
    question: &str,
    answer: &str,
) -> reqwest::Response {
    app.call_as(
        "/api/keep-draft",
        &[
            ("flow", "check_in"),
            ("goal", goal),
            ("submission", submission),
            ("question", question),
            ("answer", answer),
        ],
        Some(cookie),
    )
    .await
}

/// Answers one question of the "say" tool with Continue.
async fn say_answer(app: &TestApp, cookie: &str, submission: &str, question: &str, value: &str) {
    let answered = app
        .call_as(
            "/api/answer",
            &[
                ("flow", "say"),
                ("submission", submission),
                ("question", question),
                ("answer", value),
            ],
            Some(cookie),
        )
        .await;
    assert_done(&answered);
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_check_in_without_webassembly_goes_one_question_per_page_and_keeps_a_wrong_score() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "only_me").await;
    let start = format!("/goals/{goal}/check-in");
    let first = app
        .get_as(&start, Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        first.contains("Where are you now, from 0 to 10?"),
        "{first}"
    );
    assert!(
        !first.contains("Where do you want to be"),
        "one question on each page"
    );
    let submission = first
        .split("name=\"submission\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let goal_id = goal.to_string();
    let answer = |page: String, question: &'static str, value: &'static str| {
        let (goal_id, submission, app, cookie) = (&goal_id, &submission, &app, &f.alex);
        async move {
            post_page(
                app,
                cookie,
                &page,
                &[
                    ("__fn", "/api/answer"),
                    ("flow", "check_in"),
                    ("goal", goal_id),
                    ("submission", submission),
                    ("question", question),
                    ("answer", value),
                ],
            )
            .await
        }
    };

    let wrong = answer(start.clone(), "now", "11").await;
    assert_eq!(wrong.status(), 422);
    let html = wrong.text().await.unwrap();
    assert!(
        html.contains("Where you are now must be a number from 0 to 10."),
        "{html}"
    );
    assert!(html.contains("value=\"11\""), "what was typed is kept");
    // Each question page has a title of its own: the question, never an answer.
    assert!(
        html.contains("<title>Error: Where are you now, from 0 to 10? – Check in – "),
        "{html}"
    );

    // Each answer leads to the next question that is asked.
    let steps = [
        ("now", "4", "?q=want"),
        ("want", "8", "?q=note"),
        ("note", "", "?q=importance"),
        ("importance", "9", "?q=importance_not_lower"),
        (
            "importance_not_lower",
            "Because of my children (demo)",
            "?q=importance_up_one",
        ),
        ("importance_up_one", "", "?q=confidence"),
        // 10 out of 10: "what would help you move up one?" is not asked.
        ("confidence", "10", "?q=confidence_not_lower"),
        (
            "confidence_not_lower",
            "I have done it before (demo)",
            "?q=check",
        ),
    ];
    let mut page = start.clone();
    let mut titles = std::collections::BTreeSet::new();
    for (question, value, next) in steps {
        let shown = app.get_as(&page, Some(&f.alex)).await.text().await.unwrap();
        let title = shown
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .unwrap_or_default()
            .to_owned();
        assert!(
            title.ends_with(" – Check in – Test family portal"),
            "{title}"
        );
        assert!(
            titles.insert(title.clone()),
            "{title} is the title of two pages"
        );
        let done = answer(page.clone(), question, value).await;
        assert_eq!(done.status(), 303, "{question}");
        assert_eq!(location(&done), format!("{start}{next}"), "{question}");
        page = location(&done);
    }

    // Check your answers shows every answer, and saves exactly those.
    let check = app.get_as(&page, Some(&f.alex)).await.text().await.unwrap();
    assert!(check.contains("Check your answers"), "{check}");
    assert!(check.contains("Because of my children (demo)"));
    assert!(check.contains("I have done it before (demo)"));
    let saved = post_page(
        &app,
        &f.alex,
        &page,
        &[
            ("__fn", "/api/check-in"),
            ("goal", &goal_id),
            ("submission", &submission),
            ("now", "4"),
            ("want", "8"),
            ("importance", "9"),
            ("importance_not_lower", "Because of my children (demo)"),
            ("confidence", "10"),
            ("confidence_not_lower", "I have done it before (demo)"),
            ("share", "only_me"),
        ],
    )
    .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(location(&saved), format!("/goals/{goal}"));
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
    // The draft went when the check-in was saved: the questions start afresh.
    let again = app.get_as(&page, Some(&f.alex)).await.text().await.unwrap();
    assert!(again.contains("There is nothing to check yet"), "{again}");
    app.finish().await;
}

async fn a_draft_is_kept_as_it_is_typed_for_its_author_alone(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await.to_string();
    let submission = SubmissionId::new().to_string();
    let words = "I want to be calmer in the mornings (demo draft)";
    let kept = keep_check_in_answer(&app, &f.alex, &goal, &submission, "note", words).await;
    assert_eq!(kept.status(), 200);
    // A score typed halfway is kept as typed: it is checked on Continue.
    let half = keep_check_in_answer(&app, &f.alex, &goal, &submission, "now", "1").await;
    assert_eq!(half.status(), 200);
    let mine = draft_of(&app, &f.alex, &[("flow", "check_in"), ("goal", &goal)]).await;
    assert_eq!(mine.answers.get("note").map(String::as_str), Some(words));
    assert_eq!(mine.submission, submission);
    // The page itself comes back with the words in it, ready to carry on.
    let page = app
        .get_as(&format!("/goals/{goal}/check-in?q=note"), Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(words));

    // Nobody else can reach it: Alex's goal is not theirs, so it is not found at all,
    // exactly like a goal that does not exist.
    let missing = EntryId::new().to_string();
    for other in [&f.jordan, &f.charlie, &f.worker] {
        let hidden = app
            .call_as(
                "/api/draft",
                &[("flow", "check_in"), ("goal", &goal)],
                Some(other),
            )
            .await;
        let absent = app
            .call_as(
                "/api/draft",
                &[("flow", "check_in"), ("goal", &missing)],
                Some(other),
            )
            .await;
        assert_eq!(hidden.status(), 404);
        assert_eq!(hidden.text().await.unwrap(), absent.text().await.unwrap());
        // The question pages too, byte for byte: nothing on them differs, not even an id.
        let hidden_page = app
            .get_as(&format!("/goals/{goal}/check-in?q=note"), Some(other))
            .await;
        let absent_page = app
            .get_as(&format!("/goals/{missing}/check-in?q=note"), Some(other))
            .await;
        assert_eq!(hidden_page.status(), 404);
        assert_eq!(
            without_nonce(&hidden_page.text().await.unwrap()),
            without_nonce(&absent_page.text().await.unwrap())
        );
    }
    // Jordan's own drafts are Jordan's: Alex's words are not among them.
    let theirs = app
        .call_as("/api/draft", &[("flow", "new_goal")], Some(&f.jordan))
        .await
        .text()
        .await
        .unwrap();
    assert!(!theirs.contains("demo draft"), "{theirs}");

    // Every save and read is in the audit trail, without the words.
    let rows = app.store.audit_rows().await.unwrap();
    assert!(
        rows.iter()
            .any(|r| r.action == "save_draft" && r.subject.as_deref() == Some(submission.as_str()))
    );
    assert!(rows.iter().any(|r| r.action == "read_draft"));
    assert!(rows.iter().all(|r| !r.detail.contains("calmer")));

    // Too much to keep is refused in plain words, never a failure of the service.
    let huge = "a".repeat(app::backend::drafts::KEEP_MAX + 1);
    let refused = keep_check_in_answer(&app, &f.alex, &goal, &submission, "note", &huge).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("too long to keep"));

    // "Check your answers" offers no one-press way to lose them all: it links to a page
    // that asks first, and only that page's form throws the answers away.
    let check = app
        .get_as(&format!("/goals/{goal}/check-in?q=check"), Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(!check.contains("/api/discard-draft"), "{check}");
    assert!(
        check.contains(&format!("href=\"/goals/{goal}/check-in?q=discard\"")),
        "{check}"
    );
    let ask = app
        .get_as(&format!("/goals/{goal}/check-in?q=discard"), Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        ask.contains("Are you sure you want to throw this check-in away?"),
        "{ask}"
    );
    assert!(ask.contains("/api/discard-draft"));
    assert!(ask.contains(&format!("href=\"/goals/{goal}/check-in?q=check\"")));
    let still = draft_of(&app, &f.alex, &[("flow", "check_in"), ("goal", &goal)]).await;
    assert!(still.kept, "asking throws nothing away");

    // Thrown away, it is gone.
    let thrown = app
        .call_as(
            "/api/discard-draft",
            &[("flow", "check_in"), ("goal", &goal)],
            Some(&f.alex),
        )
        .await;
    assert_done(&thrown);
    let after = draft_of(&app, &f.alex, &[("flow", "check_in"), ("goal", &goal)]).await;
    assert!(!after.kept);
    assert!(after.answers.is_empty());
    app.finish().await;
}

async fn words_kept_as_typed_that_arrive_late_never_replace_newer_ones(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let submission = SubmissionId::new().to_string();
    let send = |endpoint: &'static str, value: &'static str, typed_at: &'static str| {
        let (app, alex, submission) = (&app, f.alex.clone(), submission.clone());
        async move {
            let sent = app
                .call_as(
                    endpoint,
                    &[
                        ("flow", "say"),
                        ("submission", &submission),
                        ("question", "text"),
                        ("answer", value),
                        ("typed_at", typed_at),
                    ],
                    Some(&alex),
                )
                .await;
            assert_done(&sent);
        }
    };
    let text = || async {
        draft_of(&app, &f.alex, &[("flow", "say")])
            .await
            .answers
            .get("text")
            .cloned()
    };
    send("/api/keep-draft", "see my", "1000").await;
    send("/api/keep-draft", "see my children", "2000").await;
    assert_eq!(text().await.as_deref(), Some("see my children"));
    // Continue with the finished words, then a copy typed before it arrives: ignored.
    send("/api/answer", "see my children more (demo)", "3000").await;
    send("/api/keep-draft", "see my child", "2500").await;
    assert_eq!(text().await.as_deref(), Some("see my children more (demo)"));
    // Typing after it (the person came back to change it) is kept as usual.
    send(
        "/api/keep-draft",
        "see my children every week (demo)",
        "4000",
    )
    .await;
    assert_eq!(
        text().await.as_deref(),
        Some("see my children every week (demo)")
    );
    // A page without scripts says nothing of when: what it sends with Continue is kept.
    send("/api/answer", "see my children more (demo)", "").await;
    assert_eq!(text().await.as_deref(), Some("see my children more (demo)"));

    // Once saved as an entry, a late copy from that page starts no new draft.
    say_answer(&app, &f.alex, &submission, "kind", "desire").await;
    let kept = draft_of(&app, &f.alex, &[("flow", "say")]).await.submission;
    assert_eq!(kept, submission);
    say_as(
        &app,
        &f.alex,
        &[
            ("submission", &kept),
            ("kind", "desire"),
            ("text", "see my children more (demo)"),
        ],
    )
    .await;
    assert!(!draft_of(&app, &f.alex, &[("flow", "say")]).await.kept);
    send("/api/keep-draft", "see my chil", "3500").await;
    assert!(!draft_of(&app, &f.alex, &[("flow", "say")]).await.kept);
    app.finish().await;
}

async fn saving_a_draft_twice_makes_one_entry(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let submission = SubmissionId::new().to_string();
    for (question, value) in [("kind", "desire"), ("text", "see my children more (demo)")] {
        say_answer(&app, &f.alex, &submission, question, value).await;
    }
    let draft = draft_of(&app, &f.alex, &[("flow", "say")]).await;
    let kept = draft.submission;
    // The connection drops after the save, and the person presses Save again.
    for _ in 0..2 {
        say_as(
            &app,
            &f.alex,
            &[
                ("submission", &kept),
                ("kind", "desire"),
                ("text", "see my children more (demo)"),
            ],
        )
        .await;
    }
    let space = space_of(&app, &f.alex).await;
    let said = &space.said;
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].starter, Some(app::domain::tools::TalkKind::Desire));
    assert_eq!(said[0].words, "see my children more (demo)");
    // A page from before the save, reached with Back, starts a new draft rather than
    // being taken for a repeat of what was saved.
    say_answer(&app, &f.alex, &kept, "kind", "need").await;
    let fresh = draft_of(&app, &f.alex, &[("flow", "say")]).await;
    assert_ne!(fresh.submission, kept);
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
    assert_done(&withdrawn);
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

    // The worker who read it is told it was withdrawn, and not what it said. A goal they
    // never read, shared and withdrawn, stays as if it had never been shared.
    let unread = alex_goal(&app, &f, "workers").await;
    let unshared = app
        .call_as(
            "/api/share",
            &[
                ("entry", &unread.to_string()),
                ("share", "only_me"),
                ("back", "/home"),
            ],
            Some(&f.alex),
        )
        .await;
    assert_done(&unshared);
    let family_id = support::demo::family_id(&app).await;
    let page = app
        .get_as(&format!("/families/{family_id}"), Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        page.matches("Alex Example withdrew a goal that you read on")
            .count(),
        1,
        "{page}"
    );
    assert!(!page.contains("Get the children to school on time (demo)"));
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
        say_as(
            &app,
            &f.alex,
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("kind", kind),
                ("text", text),
            ],
        )
        .await;
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
    let space = space_of(&app, &f.alex).await;
    let said: Vec<_> = space
        .said
        .iter()
        .map(|s| (s.starter, s.words.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (
                Some(app::domain::tools::TalkKind::Commitment),
                "ring the school on Monday (demo)"
            ),
            (None, "In my own words (demo)")
        ]
    );
    app.finish().await;
}

#[tokio::test]
async fn a_practitioner_suggests_a_kind_and_the_parents_words_and_choice_stay_as_they_were() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    say_as(
        &app,
        &f.alex,
        &[
            ("submission", &SubmissionId::new().to_string()),
            ("kind", "none"),
            ("text", "I am going to ring the school (demo)"),
            ("share", "workers"),
        ],
    )
    .await;
    let space = space_of(&app, &f.alex).await;
    let id = space.said[0].id.to_string();
    let before = support::entry_history(&app.store, EntryId::parse(&id).unwrap())
        .await
        .unwrap();

    let suggest = |kind: &'static str, cookie: &str| {
        let (app, id, cookie) = (&app, id.clone(), cookie.to_owned());
        async move {
            app.call_as(
                "/api/suggest-kind",
                &[("entry", &id), ("kind", kind)],
                Some(&cookie),
            )
            .await
        }
    };
    // Nobody in the family can suggest one, or tell the entry is there by trying.
    assert_eq!(suggest("commitment", &f.alex).await.status(), 404);
    assert_eq!(suggest("commitment", &f.jordan).await.status(), 404);
    let unknown = suggest("lecture", &f.worker).await;
    assert_eq!(unknown.status(), 422);
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains("Choose a kind of change talk to suggest.")
    );
    let made = suggest("commitment", &f.worker).await;
    assert_done(&made);

    let family_id = support::demo::family_id(&app).await;
    let page = app
        .get_as(&format!("/families/{family_id}"), Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("I am going to ring the school (demo)"),
        "{page}"
    );
    assert!(page.contains("They wrote in their own way, without a starter."));
    assert!(page.contains("Suggested kind: Commitment, by Sam Sample"));
    // The words and the parent's own choice are exactly as they were: no new version.
    let after = support::entry_history(&app.store, EntryId::parse(&id).unwrap())
        .await
        .unwrap();
    assert_eq!(before, after);
    assert!(
        app.store
            .audit_rows()
            .await
            .unwrap()
            .iter()
            .any(|r| r.action == "suggest_kind" && r.outcome == "allowed")
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
        .post(app.url(&format!("/goals/{goal}/check-in?q=check")))
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
    // Charlie, in the family, opens it too: a member's read is never a worker's receipt,
    // whatever their role is called.
    let charlie = member(&app, "Charlie Example").await;
    assert_done(&share_with_member(&app, &f.alex, goal, charlie).await);
    assert_eq!(
        app.get_as(&format!("/goals/{goal}"), Some(&f.charlie))
            .await
            .status(),
        200
    );
    let before = space_of(&app, &f.alex).await;
    assert!(before.goals[0].read_by_worker.is_none(), "{before:?}");
    assert_eq!(
        app.get_as(&format!("/goals/{goal}"), Some(&f.worker))
            .await
            .status(),
        200
    );
    let after = space_of(&app, &f.alex).await;
    assert!(after.goals[0].read_by_worker.is_some(), "{after:?}");
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
        assert_done(&sent);
    }
    let urgent: Vec<AlertView> = json_as(&app, "/api/urgent", &f.worker).await;
    assert_eq!(urgent.len(), 1, "one press, one alert, even sent twice");
    assert_eq!(urgent[0].member_name, "Alex Example");
    // When it was sent is a whole number of milliseconds: `at` is an `i64`, so reading
    // the answer as `AlertView` checks it.
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
async fn a_refused_choice_of_a_childs_screens_is_in_the_audit_trail() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let charlie = member(&app, "Charlie Example").await;
    let choose = |cookie: String| {
        let app = &app;
        async move {
            app.call_as(
                "/api/choose-band",
                &[("member", &charlie.to_string()), ("band", "8_to_12")],
                Some(&cookie),
            )
            .await
        }
    };
    // A parent cannot choose their child's screens: not found, and written down.
    assert_eq!(choose(f.alex.clone()).await.status(), 404);
    assert_done(&choose(f.worker.clone()).await);
    let rows = app.store.audit_rows().await.unwrap();
    let subject = Some(charlie.to_string());
    let outcomes: Vec<&str> = rows
        .iter()
        .filter(|r| r.action == "choose_band" && r.subject == subject)
        .map(|r| r.outcome.as_str())
        .collect();
    assert_eq!(outcomes, ["denied", "allowed"]);
    app.finish().await;
}

#[tokio::test]
async fn sharing_with_a_named_member_is_a_choice_the_policy_can_refuse() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "only_me").await;
    let charlie = member(&app, "Charlie Example").await;
    assert_eq!(
        app.call_as("/api/goal", &[("id", &goal.to_string())], Some(&f.charlie))
            .await
            .status(),
        404
    );
    assert_done(&share_with_member(&app, &f.alex, goal, charlie).await);
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
    assert!(page.contains("Charlie Example can see this too."));

    // Someone not in the family is refused plainly, as it would be with or without a flag.
    let stranger = share_with_member(&app, &f.alex, goal, app::domain::ids::MemberId::new()).await;
    assert_eq!(stranger.status(), 422);
    let message = stranger.text().await.unwrap();
    assert!(
        message.contains("You cannot share this with them."),
        "{message}"
    );
    app.finish().await;
}

/// The flag between Jordan and Alex (Jordan is alleged to harm Alex) is invisible to
/// both: neither is offered the other, a crafted share towards the other answers exactly
/// as one that worked while nothing reaches them, and neither sees the other's reads.
async fn neither_person_a_flag_joins_can_tell_it_is_there(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let id_of = |name: &'static str| {
        let store = app.store.clone();
        async move {
            store::identity::member_named(&mut *store.conn().await, name)
                .await
                .unwrap()
                .unwrap()
                .0
        }
    };
    let (alex, jordan, charlie) = (
        id_of("Alex Example").await,
        id_of("Jordan Example").await,
        id_of("Charlie Example").await,
    );
    let goal_of = |cookie: &str| {
        let cookie = cookie.to_owned();
        let app = &app;
        async move {
            let submission = SubmissionId::new().to_string();
            let made = app
                .call_as(
                    "/api/new-goal",
                    &[
                        ("submission", &submission),
                        ("change", "Walk to the park (demo)"),
                    ],
                    Some(&cookie),
                )
                .await;
            assert_done(&made);
            let space = space_of(app, &cookie).await;
            space.goals.last().unwrap().id
        }
    };
    let jordans = goal_of(&f.jordan).await;
    let alexs = goal_of(&f.alex).await;

    // The sharing lists: each is offered Charlie, and never the other.
    let offered = |view: &GoalView| -> Vec<MemberId> { view.others.iter().map(|m| m.id).collect() };
    let jordan_view: GoalView = json_of(
        &app,
        "/api/goal",
        &[("id", &jordans.to_string())],
        &f.jordan,
    )
    .await;
    let alex_view: GoalView =
        json_of(&app, "/api/goal", &[("id", &alexs.to_string())], &f.alex).await;
    assert!(offered(&jordan_view).contains(&charlie));
    assert!(!offered(&jordan_view).contains(&alex));
    assert!(offered(&alex_view).contains(&charlie));
    assert!(!offered(&alex_view).contains(&jordan));
    let page = app
        .get_as(&format!("/goals/{jordans}"), Some(&f.jordan))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Charlie Example") && !page.contains("Alex Example"));

    // A crafted share towards the other answers as a share that worked, by the page's
    // form (no scripts) and by the server function alike.
    let share = |cookie: &str, entry: EntryId, to: MemberId| {
        let cookie = cookie.to_owned();
        let app = &app;
        async move {
            let by_function = app
                .call_as(
                    "/api/share-with-member",
                    &[("entry", &entry.to_string()), ("member", &to.to_string())],
                    Some(&cookie),
                )
                .await;
            let status = by_function.status();
            let body = by_function.text().await.unwrap();
            let by_page = post_page(
                app,
                &cookie,
                &format!("/goals/{entry}"),
                &[
                    ("__fn", "/api/share-with-member"),
                    ("entry", &entry.to_string()),
                    ("member", &to.to_string()),
                ],
            )
            .await;
            (status, body, by_page.status(), location(&by_page))
        }
    };
    let to_charlie = share(&f.jordan, jordans, charlie).await;
    let to_alex = share(&f.jordan, jordans, alex).await;
    assert_eq!(
        to_charlie, to_alex,
        "Jordan cannot tell sharing with Alex apart"
    );
    let alex_to_charlie = share(&f.alex, alexs, charlie).await;
    let alex_to_jordan = share(&f.alex, alexs, jordan).await;
    assert_eq!(alex_to_charlie, alex_to_jordan);
    // Nothing reached either of them, and the trail says it was withheld.
    for (cookie, entry) in [(&f.alex, jordans), (&f.jordan, alexs)] {
        assert_eq!(
            app.call_as("/api/goal", &[("id", &entry.to_string())], Some(cookie))
                .await
                .status(),
            404
        );
    }
    let withheld = app
        .store
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| {
            r.action == "share_entry" && r.outcome == "denied" && r.detail.contains("withheld")
        })
        .count();
    assert_eq!(withheld, 4, "each crafted share is audited as refused");

    // Charlie read Jordan's goal; had Alex read it before the flag, Jordan still would not
    // see that. Neither sees the other's reads in "who has seen what I wrote".
    assert_eq!(
        app.call_as(
            "/api/goal",
            &[("id", &jordans.to_string())],
            Some(&f.charlie)
        )
        .await
        .status(),
        200
    );
    let alex_account = store::identity::account_for_member(&mut *app.store.conn().await, alex, 0)
        .await
        .unwrap();
    app.store
        .audit(app::backend::store::AuditRecord {
            actor_account: Some(alex_account),
            actor_name: "Alex Example".into(),
            actor_role: "Parent or carer".into(),
            action: "read_goal",
            family: Some(support::demo::family_id(&app).await),
            subject: Some(jordans.to_string()),
            outcome: app::backend::store::Outcome::Allowed,
            detail: jordans.to_string(),
        })
        .await
        .unwrap();
    // Nowhere in what reaches Jordan's browser, not only in one field.
    let seen = body_as(&app, "/api/who-has-seen", &f.jordan).await;
    assert!(seen.contains("Charlie Example"), "{seen}");
    assert!(!seen.contains("Alex Example"), "{seen}");
    app.finish().await;
}

/// A submission id is its author's: sending another member's id makes a new entry of
/// one's own, and never returns, or shares, theirs.
async fn a_submission_id_is_recognised_only_from_its_own_author(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let submission = SubmissionId::new().to_string();
    let alex = app
        .call_as(
            "/api/new-goal",
            &[
                ("submission", &submission),
                ("change", "Alex's own words (demo)"),
            ],
            Some(&f.alex),
        )
        .await;
    assert_done(&alex);
    let jordan = app
        .call_as(
            "/api/new-goal",
            &[
                ("submission", &submission),
                ("change", "Jordan's words (demo)"),
                ("share", "workers"),
            ],
            Some(&f.jordan),
        )
        .await;
    assert_done(&jordan);
    let alexs = space_of(&app, &f.alex).await;
    let jordans = space_of(&app, &f.jordan).await;
    assert_eq!(alexs.goals.len(), 1);
    assert_eq!(jordans.goals.len(), 1);
    assert!(!alexs.goals[0].shared_with_workers);
    assert_eq!(jordans.goals[0].change, "Jordan's words (demo)");
    assert_ne!(alexs.goals[0].id, jordans.goals[0].id);
    app.finish().await;
}

/// The text of one part of a Word document.
fn docx_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

async fn module_8_carries_the_familys_words_to_the_workers_and_their_responses_back(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    let goal_id = goal.to_string();
    // Alex changes the goal once: Module 8 shows the latest and keeps the history.
    let edited = app
        .call_as(
            "/api/edit-goal",
            &[
                ("goal", &goal_id),
                ("version", "1"),
                (
                    "change",
                    "Get the children to school on time, every day (demo)",
                ),
                ("why", "They are happier when they are not rushed"),
            ],
            Some(&f.alex),
        )
        .await;
    assert_done(&edited);
    say_as(
        &app,
        &f.jordan,
        &[
            ("submission", &SubmissionId::new().to_string()),
            ("kind", "none"),
            ("text", "Only for me (demo private)"),
        ],
    )
    .await;
    let family_id = support::demo::family_id(&app).await;
    let views_page = format!("/families/{family_id}/views");
    let page = app
        .get_as(&views_page, Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Comments and views"), "{page}");
    assert!(page.contains("Get the children to school on time, every day (demo)"));
    assert!(page.contains("Written by Alex Example (parent or carer) on"));
    assert!(page.contains("with the goal tool"));
    assert!(page.contains("Changed 1 time"));
    assert!(
        page.contains("See how it changed"),
        "the earlier version is there too"
    );
    assert!(
        !page.contains("Only for me (demo private)"),
        "what was not shared is not there"
    );

    // Seeing it in a list is not a receipt; marking it read is.
    let receipt = |space: &SpaceView| space.goals[0].read_by_worker;
    assert!(receipt(&space_of(&app, &f.alex).await).is_none());
    let marked = app
        .call_as("/api/mark-read", &[("entry", &goal_id)], Some(&f.worker))
        .await;
    assert_done(&marked);
    assert!(receipt(&space_of(&app, &f.alex).await).is_some());
    // Nobody in the family can mark anything read.
    let by_parent = app
        .call_as("/api/mark-read", &[("entry", &goal_id)], Some(&f.alex))
        .await;
    assert_eq!(by_parent.status(), 404);

    // A response: empty is refused in plain words; words reach the author.
    let empty = app
        .call_as(
            "/api/respond",
            &[("entry", &goal_id), ("response", " ")],
            Some(&f.worker),
        )
        .await;
    assert_eq!(empty.status(), 422);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains("Write something first.")
    );
    let responded = app
        .call_as(
            "/api/respond",
            &[
                ("entry", &goal_id),
                (
                    "response",
                    "Mornings sound hard. What helped last week? (demo)",
                ),
            ],
            Some(&f.worker),
        )
        .await;
    assert_done(&responded);
    let entry = app
        .call_as("/api/entry", &[("id", &goal_id)], Some(&f.alex))
        .await
        .json::<EntryView>()
        .await
        .unwrap();
    assert_eq!(
        entry.responses[0].words,
        "Mornings sound hard. What helped last week? (demo)"
    );
    let response = entry.responses[0].id.clone();

    // Only Alex, whose goal it is, can disagree with it.
    let not_theirs = app
        .call_as(
            "/api/disagree",
            &[("response", &response), ("disagree", "Not mine (demo)")],
            Some(&f.jordan),
        )
        .await;
    assert_eq!(not_theirs.status(), 404);
    // Sent empty without scripts: the page comes back with the GOV.UK error summary at
    // its top, the title starting "Error:", and the problem on the field.
    let empty = reqwest::Client::new()
        .post(app.url(&format!("/entries/{goal_id}?disagree={response}")))
        .header("origin", &app.origin)
        .header("cookie", &f.alex)
        .form(&[
            ("__fn", "/api/disagree"),
            ("response", &response),
            ("disagree", " "),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), 422);
    let empty = empty.text().await.unwrap();
    assert!(empty.contains("<title>Error: "), "{empty}");
    let summary = empty.find("govuk-error-summary").expect("an error summary");
    let heading = empty.find("<h1").expect("a heading");
    assert!(summary < heading, "the summary is above the page's heading");
    assert!(empty.contains("id=\"disagree-error\""));
    let disagreed = app
        .call_as(
            "/api/disagree",
            &[
                ("response", &response),
                ("disagree", "Nothing helped; the bus was late (demo)"),
            ],
            Some(&f.alex),
        )
        .await;
    assert_done(&disagreed);
    // Alex reads their own disagreement as theirs, not under their own name.
    let own = app
        .get_as(&format!("/entries/{goal_id}"), Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(own.contains("You disagreed, "), "{own}");
    assert!(!own.contains("Alex Example disagreed"));
    // The page names what it shows, and its card does not link to the page itself.
    assert!(own.contains(">Something you wrote</h1>"), "{own}");
    assert!(
        !own.contains(&format!("href=\"/entries/{goal_id}\"")),
        "{own}"
    );
    let page = app
        .get_as(&views_page, Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Marked read by Sam Sample on"));
    assert!(page.contains("Alex Example disagrees"));
    assert!(page.contains("Nothing helped; the bus was late (demo)"));

    // One click: a Word document with the family's exact words under real headings.
    let download = app
        .get_as(&format!("{views_page}.docx"), Some(&f.worker))
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(
        download.headers()["content-type"],
        app::backend::export::DOCX_TYPE
    );
    let bytes = download.bytes().await.unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    let styles = docx_part(&bytes, "word/styles.xml");
    assert!(styles.contains("w:styleId=\"Heading1\""));
    let today = app::ui::shared::dates::when(app.clock.now());
    insta::assert_snapshot!(
        "module_8_docx",
        document
            .replace(&today, "[date]")
            .replace("<w:p>", "\n<w:p>")
    );
    // Someone outside the family's workers gets what a missing family gets.
    let outsider = app
        .get_as(&format!("{views_page}.docx"), Some(&f.alex))
        .await;
    assert_eq!(outsider.status(), 404);
    app.finish().await;
}

async fn the_caseload_counts_only_what_was_shared_since_the_last_supervision(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let caseload = || async {
        let rows = app
            .call_as("/api/my-families", &[("weeks", "4")], Some(&f.worker))
            .await
            .json::<Vec<CaseloadRow>>()
            .await
            .unwrap();
        rows[0].clone()
    };
    let goal = alex_goal(&app, &f, "workers").await;
    let checked = app
        .call_as(
            "/api/check-in",
            &[
                ("goal", &goal.to_string()),
                ("submission", &SubmissionId::new().to_string()),
                ("now", "3"),
                ("want", "7"),
                ("share", "workers"),
            ],
            Some(&f.alex),
        )
        .await;
    assert_done(&checked);
    let row = caseload().await;
    assert_eq!(row.new_shared, 2, "{row:?}");
    assert!(row.last_check_in.is_some());
    assert!(row.last_supervision.is_none());
    // Everyone here has signed in except Robin, who has never used the portal.
    assert_eq!(row.not_engaged, ["Robin Example"]);
    let quiet_cell = |name: &str| format!("<td class=\"govuk-table__cell\">{name}</td>");
    let home = app
        .get_as("/home", Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains(&quiet_cell("Robin Example")), "{home}");
    assert!(!home.contains(&quiet_cell("Nobody")));
    // Once Robin signs in, nobody has stopped engaging, and the page says so.
    let (robin, robins_family) =
        store::identity::member_named(&mut *app.store.conn().await, "Robin Example")
            .await
            .unwrap()
            .unwrap();
    let robins_account =
        store::identity::account_for_member(&mut *app.store.conn().await, robin, app.clock.now())
            .await
            .unwrap();
    let robin_cookie = app.cookie_for(robins_account).await;
    let everyone_in = caseload().await;
    assert_eq!(everyone_in.not_engaged, Vec::<String>::new());
    let home = app
        .get_as("/home", Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains(&quiet_cell("Nobody")), "{home}");
    assert!(!home.contains(&quiet_cell("Everyone")));
    // On the family page only "Phone taken", which acts at once, is a red warning button.
    let family_page = app
        .get_as(&format!("/families/{robins_family}"), Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    let button_class = |label: &str| {
        let before = family_page.split(label).next().unwrap_or_default();
        before
            .rsplit("<button")
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(!button_class("Lost phone: create a reset code for Alex Example").contains("warning"));
    assert!(
        button_class("Phone taken: stop Alex Example signing in on it now")
            .contains("govuk-button--warning")
    );
    // Robin's sign-in counts from here on; the rest of this test is about what is shared.
    let row = everyone_in;
    drop(robin_cookie);

    // Something private changes nothing: hidden is exactly like absent.
    say_as(
        &app,
        &f.jordan,
        &[
            ("submission", &SubmissionId::new().to_string()),
            ("kind", "none"),
            ("text", "Private (demo)"),
        ],
    )
    .await;
    assert_eq!(caseload().await, row);

    // Something written and shared three days ago.
    let family_id = support::demo::family_id(&app).await;
    let now = app.clock.now();
    const DAY: i64 = 24 * 60 * 60 * 1000;
    let today = now - now.rem_euclid(DAY);
    backdated_copy(&app, "change_talk", now - 3 * DAY).await;
    assert_eq!(caseload().await.new_shared, 3);

    // A supervision that discussed the family, booked for a day: the one yesterday, and
    // the one today, which has not been held until the day is over.
    book_on(&app, family_id, today).await;
    let on_the_day = caseload().await;
    assert!(on_the_day.last_supervision.is_none(), "{on_the_day:?}");
    assert_eq!(on_the_day.new_shared, 3);
    book_on(&app, family_id, today - DAY).await;
    // Only what was written or shared since yesterday's session counts.
    let after = caseload().await;
    assert_eq!(after.last_supervision, Some(today - DAY));
    assert_eq!(after.new_shared, 2, "{after:?}");
    // Each caseload read is in the family's own audit trail, and the chain stays whole.
    let rows = app.store.audit_rows().await.unwrap();
    let family = family_id.to_string();
    assert!(
        rows.iter()
            .any(|r| r.action == "read_caseload" && r.family.as_deref() == Some(&family))
    );
    assert_eq!(
        app.store.verify_audit().await.unwrap().problems,
        Vec::<String>::new()
    );
    app.finish().await;
}

/// Books a session on 14 March 2099 through the booking form's server function, as
/// `cookie` (business support or a team manager).
async fn book_ahead(app: &TestApp, cookie: &str, family: &str, attendees: &[&str]) {
    let mut form = vec![
        ("held_day", "14"),
        ("held_month", "3"),
        ("held_year", "2099"),
        ("families[]", family),
    ];
    form.extend(attendees.iter().map(|a| ("attendees[]", *a)));
    assert_done(
        &app.call_as("/api/book-supervision", &form, Some(cookie))
            .await,
    );
}

/// A copy of the family's first entry of `kind`, written by its author and shared with
/// the workers at `at`, as the application would have written it then. Returns its id.
async fn backdated_copy(app: &TestApp, kind: &str, at: i64) -> String {
    let family = support::demo::family_id(app).await;
    let mut conn = app.store.conn().await;
    let first = app::backend::store::identity::family_entries(&mut conn, family)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.kind().code() == kind)
        .unwrap();
    drop(conn);
    written_at(app, family, first.facts.author, &first.body, at)
        .await
        .to_string()
}

async fn business_support_books_supervision_without_reading_family_content(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let now = app.clock.now();
    let harper = store::people::staff_by_name(&mut *app.store.conn().await, "Harper Dummy")
        .await
        .unwrap()[0];
    let support = app
        .cookie_for(
            store::identity::account_for_staff(&mut *app.store.conn().await, harper, now)
                .await
                .unwrap(),
        )
        .await;
    let family_id = support::demo::family_id(&app).await;
    let sam = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0];
    let choices: BookingView = json_as(&app, "/api/bookings", &support).await;
    assert_eq!(
        choices.families[0].label,
        "The Example family (demo) (DEMO-0001)"
    );
    assert!(
        choices
            .staff
            .iter()
            .any(|c| c.label == "Sam Sample, Social worker")
    );

    let family_field = family_id.to_string();
    let sam_field = sam.to_string();
    let book_in = |year: &'static str, day: &'static str, with_family: bool, cookie: String| {
        let (app, family_field, sam_field) = (&app, family_field.clone(), sam_field.clone());
        async move {
            let mut form = vec![
                ("held_day", day.to_owned()),
                ("held_month", "1".to_owned()),
                ("held_year", year.to_owned()),
                ("attendees[]", sam_field),
            ];
            if with_family {
                form.push(("families[]", family_field));
            }
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call_as("/api/book-supervision", &form, Some(&cookie))
                .await
        }
    };
    let book = |day, with_family, cookie| book_in("2099", day, with_family, cookie);
    let missing = book("", false, support.clone()).await;
    assert_eq!(missing.status(), 422);
    let said = missing.text().await.unwrap();
    assert!(
        said.contains("The date of the session must include a day."),
        "{said}"
    );
    assert!(said.contains("Choose at least one family to discuss."));
    let impossible = book("32", true, support.clone()).await;
    assert!(
        impossible
            .text()
            .await
            .unwrap()
            .contains("The date of the session must be a real date, like 14 3 2027.")
    );
    // Sessions are booked ahead: a past day would rewrite which session was the last.
    let past = book_in("2026", "15", true, support.clone()).await;
    assert_eq!(past.status(), 422);
    assert!(
        past.text()
            .await
            .unwrap()
            .contains("The date of the session must be today or in the future.")
    );
    // A social worker does not book sessions: to them the booking does not exist.
    assert_eq!(book("15", true, f.worker.clone()).await.status(), 404);
    let booked = book("15", true, support.clone()).await;
    assert_done(&booked);
    let after: BookingView = json_as(&app, "/api/bookings", &support).await;
    assert_eq!(after.sessions[0].families, ["The Example family (demo)"]);
    assert_eq!(after.sessions[0].attendees, ["Sam Sample"]);
    // A session still to come is not the family's last one.
    let rows: Vec<CaseloadRow> = json_as(&app, "/api/my-families", &f.worker).await;
    assert!(rows[0].last_supervision.is_none());
    // Booking never opened the family's content to business support.
    let views = app
        .get_as(&format!("/families/{family_id}/views"), Some(&support))
        .await;
    assert_eq!(views.status(), 404);
    app.finish().await;
}

async fn practitioners_write_progress_summaries_that_end_when_finalised(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let now = app.clock.now();
    let mut staff = std::collections::BTreeMap::new();
    for name in ["Harper Dummy", "Quinn Dummy", "Morgan Sample", "Sam Sample"] {
        let id = store::people::staff_by_name(&mut *app.store.conn().await, name)
            .await
            .unwrap()[0];
        let cookie = app
            .cookie_for(
                store::identity::account_for_staff(&mut *app.store.conn().await, id, now)
                    .await
                    .unwrap(),
            )
            .await;
        staff.insert(name, (id.to_string(), cookie));
    }
    let family_id = support::demo::family_id(&app).await;
    let family_field = family_id.to_string();
    book_ahead(
        &app,
        &staff["Harper Dummy"].1,
        &family_field,
        &[&staff["Sam Sample"].0, &staff["Quinn Dummy"].0],
    )
    .await;
    let family_as = |cookie: String| {
        let (app, family_field) = (&app, family_field.clone());
        async move {
            let view = app
                .call_as("/api/family", &[("id", &family_field)], Some(&cookie))
                .await
                .json::<FamilyView>()
                .await
                .unwrap();
            view.supervision.unwrap()
        }
    };
    let prep: SupervisionPrep = family_as(f.worker.clone()).await;
    assert_eq!(prep.discipline.as_deref(), Some("Social work"));
    let session = prep.session;
    let save = |cookie: String, words: &'static str, finalise: &'static str| {
        let (app, family_field, session) = (&app, family_field.clone(), session.clone());
        async move {
            app.call_as(
                "/api/save-summary",
                &[
                    ("family", &family_field),
                    ("session", &session),
                    ("summary", words),
                    ("finalise", finalise),
                ],
                Some(&cookie),
            )
            .await
        }
    };
    let empty = save(f.worker.clone(), " ", "").await;
    assert_eq!(empty.status(), 422);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains("Write the summary first.")
    );
    let draft = save(f.worker.clone(), "Mornings are calmer (demo)", "").await;
    assert_done(&draft);
    assert_eq!(family_as(f.worker.clone()).await.mine.unwrap().version, 1);
    let final_one = save(
        f.worker.clone(),
        "Mornings are calmer; school every day (demo)",
        "yes",
    )
    .await;
    assert_done(&final_one);
    let mine = family_as(f.worker.clone()).await.mine.unwrap();
    assert_eq!(mine.version, 2);
    assert!(mine.finalised);
    let after = save(f.worker.clone(), "A change after finalising (demo)", "").await;
    assert_eq!(after.status(), 422);
    assert!(
        after
            .text()
            .await
            .unwrap()
            .contains("This summary is finalised, so it cannot be changed.")
    );
    // Colleagues see it beside their own; the recovery worker writes for substance misuse.
    let theirs = family_as(staff["Quinn Dummy"].1.clone()).await;
    assert_eq!(theirs.discipline.as_deref(), Some("Substance misuse"));
    assert_eq!(theirs.others[0].by, "Sam Sample");
    assert_eq!(theirs.others[0].discipline, "Social work");
    assert_eq!(
        theirs.others[0].words,
        "Mornings are calmer; school every day (demo)"
    );
    // The team manager chairs and writes the record; business support writes nothing.
    let chair = save(staff["Morgan Sample"].1.clone(), "A summary (demo)", "").await;
    assert_eq!(chair.status(), 422);
    assert_eq!(
        save(staff["Harper Dummy"].1.clone(), "A summary (demo)", "")
            .await
            .status(),
        404
    );
    app.finish().await;
}

/// The day `day`/`month`/2099 as the portal keeps it: milliseconds at 00:00 UTC.
fn day_in_2099(day: u32, month: u32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(2099, month, day)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap()
        .and_utc()
        .timestamp_millis()
}

async fn a_booked_session_moves_or_is_cancelled_by_a_change_that_keeps_its_history(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let now = app.clock.now();
    let cookie_of = |name: &'static str| {
        let app = &app;
        async move {
            let id = store::people::staff_by_name(&mut *app.store.conn().await, name)
                .await
                .unwrap()[0];
            let cookie = app
                .cookie_for(
                    store::identity::account_for_staff(&mut *app.store.conn().await, id, now)
                        .await
                        .unwrap(),
                )
                .await;
            (id.to_string(), cookie)
        }
    };
    let (_, support) = cookie_of("Harper Dummy").await;
    let (_, chair) = cookie_of("Morgan Sample").await;
    let (sam, _) = cookie_of("Sam Sample").await;
    let family_id = support::demo::family_id(&app).await;
    let family_field = family_id.to_string();
    book_ahead(&app, &support, &family_field, &[&sam]).await;
    let sessions = json_as::<BookingView>(&app, "/api/bookings", &support)
        .await
        .sessions;
    let id = sessions[0].id.clone();
    assert!(sessions[0].may_change);
    let detail = |cookie: String| {
        let (app, id) = (&app, id.clone());
        async move {
            json_of::<SessionDetail>(
                app,
                "/api/supervision-session",
                &[("session", &id)],
                &cookie,
            )
            .await
        }
    };
    let change_of = |session: String, cookie: String, fields: Vec<(&'static str, &'static str)>| {
        let app = &app;
        async move {
            let mut form = vec![("session", session.as_str())];
            form.extend(fields);
            app.call_as("/api/change-supervision", &form, Some(&cookie))
                .await
        }
    };
    let said = |response: reqwest::Response| async move {
        assert_eq!(response.status(), 422);
        response.text().await.unwrap()
    };
    let move_to = |day: &'static str, seen: &'static str, why: &'static str| {
        vec![
            ("seen", seen),
            ("action", "move"),
            ("held_day", day),
            ("held_month", "3"),
            ("held_year", "2099"),
            ("move_reason", why),
        ]
    };
    let before = detail(support.clone()).await;
    assert_eq!(before.seq, 0);
    assert!(before.settled.is_none() && before.no_cancel.is_none());

    // Moved by business support: the booking is kept, the change says from and to.
    let moved = change_of(
        id.clone(),
        support.clone(),
        move_to("21", "0", "The room is not free (test)"),
    )
    .await;
    assert_done(&moved);
    let after = detail(support.clone()).await;
    assert_eq!(after.held_on, day_in_2099(21, 3));
    assert_eq!(after.booked_for, day_in_2099(14, 3));
    assert_eq!(after.changes[0].from, day_in_2099(14, 3));
    assert_eq!(after.changes[0].to, Some(day_in_2099(21, 3)));
    assert_eq!(after.changes[0].reason, "The room is not free (test)");
    assert_eq!(after.changes[0].by, "Harper Dummy");
    // The family's next session is on the new day for the practitioners too.
    let prep: FamilyView = json_of(&app, "/api/family", &[("id", &family_field)], &f.worker).await;
    assert_eq!(prep.supervision.unwrap().held_on, day_in_2099(21, 3));
    // A change from a page that had not seen the move is stopped, in plain words.
    let stale = said(change_of(id.clone(), support.clone(), move_to("28", "0", "")).await).await;
    assert!(
        stale.contains("Someone else changed this session after you opened this page"),
        "{stale}"
    );
    let same = said(change_of(id.clone(), chair.clone(), move_to("21", "1", "")).await).await;
    assert!(
        same.contains("The session is already on that day."),
        "{same}"
    );
    // Without scripts the page is drawn again with what was typed still there.
    let page = post_page(
        &app,
        &support,
        &format!("/supervision/{id}"),
        &[
            ("__fn", "/api/change-supervision"),
            ("session", &id),
            ("seen", "1"),
            ("action", "move"),
            ("held_day", "31"),
            ("held_month", "2"),
            ("held_year", "2099"),
            ("move_reason", "Kept as typed (test)"),
        ],
    )
    .await;
    assert_eq!(page.status(), 422);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("The date of the session must be a real date"),
        "{html}"
    );
    assert!(html.contains("value=\"Kept as typed (test)\""));

    // Once a progress summary is written, the session moves but is not cancelled.
    let summary = app
        .call_as(
            "/api/save-summary",
            &[
                ("family", &family_field),
                ("session", &id),
                ("summary", "A summary (test)"),
                ("finalise", ""),
            ],
            Some(&f.worker),
        )
        .await;
    assert_done(&summary);
    let cancel = |seen: &'static str, why: &'static str| {
        vec![("seen", seen), ("action", "cancel"), ("cancel_reason", why)]
    };
    let kept = said(
        change_of(
            id.clone(),
            support.clone(),
            cancel("1", "Chair unwell (test)"),
        )
        .await,
    )
    .await;
    assert!(kept.contains("Move it to another day instead"), "{kept}");
    assert!(detail(support.clone()).await.no_cancel.is_some());
    // Once the chair starts the record, its day is fixed too.
    let record = app
        .call_as(
            "/api/save-record",
            &[
                ("family", &family_field),
                ("session", &id),
                ("reflection", "A reflection (test)"),
                ("finalise", ""),
            ],
            Some(&chair),
        )
        .await;
    assert_done(&record);
    let fixed = said(change_of(id.clone(), support.clone(), move_to("28", "1", "")).await).await;
    assert!(
        fixed.contains("started the record of this session"),
        "{fixed}"
    );

    // A second session is cancelled: always with a reason, and then it is gone from
    // everything that looks for the family's sessions, but not from the bookings.
    book_ahead(&app, &support, &family_field, &[&sam]).await;
    let sessions = json_as::<BookingView>(&app, "/api/bookings", &support)
        .await
        .sessions;
    let second = sessions.iter().find(|s| s.id != id).unwrap().id.clone();
    let no_reason = said(change_of(second.clone(), chair.clone(), cancel("0", " ")).await).await;
    assert!(
        no_reason.contains("Say why the session is cancelled."),
        "{no_reason}"
    );
    // Practitioners do not book: to them the session is not there, words or not.
    assert_eq!(
        change_of(second.clone(), f.worker.clone(), cancel("0", ""))
            .await
            .status(),
        404
    );
    assert_done(
        &change_of(
            second.clone(),
            chair.clone(),
            cancel("0", "Too few families this month (test)"),
        )
        .await,
    );
    let gone: SessionDetail = json_of(
        &app,
        "/api/supervision-session",
        &[("session", &second)],
        &support,
    )
    .await;
    assert!(gone.cancelled);
    assert!(
        gone.settled
            .as_deref()
            .unwrap()
            .contains("has been cancelled")
    );
    assert_eq!(gone.changes[0].by, "Morgan Sample");
    let again =
        said(change_of(second.clone(), support.clone(), move_to("28", "1", "")).await).await;
    assert!(
        again.contains("This session has been cancelled."),
        "{again}"
    );
    let listed = json_as::<BookingView>(&app, "/api/bookings", &support)
        .await
        .sessions;
    let row = listed.iter().find(|s| s.id == second).unwrap().clone();
    assert_eq!((row.cancelled, row.may_change), (true, false));
    let records = json_of::<FamilyView>(&app, "/api/family", &[("id", &family_field)], &f.worker)
        .await
        .supervision
        .unwrap()
        .records;
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].session, id);
    // A session already held is history.
    let today = now - now.rem_euclid(24 * 60 * 60 * 1000);
    let held_yesterday = book_on(&app, family_id, today - 24 * 60 * 60 * 1000).await;
    let held = app
        .call_as(
            "/api/change-supervision",
            &[
                ("session", &held_yesterday),
                ("seen", "0"),
                ("action", "cancel"),
                ("cancel_reason", "Late (test)"),
            ],
            Some(&support),
        )
        .await;
    assert!(said(held).await.contains("has been held"));
    assert_eq!(
        app.call_as(
            "/api/supervision-session",
            &[("session", &held_yesterday)],
            Some(&f.worker)
        )
        .await
        .status(),
        404
    );

    // Nothing was overwritten: bookings and their changes cannot be edited or removed.
    let mut conn = app.store.conn().await;
    for edit in [
        "UPDATE supervision_sessions SET held_on = 0",
        "DELETE FROM supervision_changes",
        "UPDATE supervision_changes SET reason = 'changed'",
        "DELETE FROM supervision_families",
    ] {
        assert!(
            sqlx::query(edit).execute(&mut *conn).await.is_err(),
            "{edit}"
        );
    }
    drop(conn);
    // Each change is audited with its days, never with the words typed.
    let rows = app.store.audit_rows().await.unwrap();
    assert!(rows.iter().any(|r| r.action == "move_supervision"
        && r.outcome == "allowed"
        && r.detail == "from 2099-03-14 to 2099-03-21"));
    assert!(rows.iter().any(|r| r.action == "cancel_supervision"
        && r.outcome == "allowed"
        && r.detail == "was on 2099-03-14"));
    assert!(rows.iter().any(|r| r.action == "cancel_supervision"
        && r.outcome == "denied"
        && r.detail == "summaries written for it"));
    assert!(!rows.iter().any(|r| r.detail.contains("(test)")));
    app.finish().await;
}

async fn the_supervision_pack_gathers_what_was_shared_since_the_last_session(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await.to_string();
    for (now, importance, confidence) in [("3", "9", "4"), ("5", "9", "6")] {
        let checked = app
            .call_as(
                "/api/check-in",
                &[
                    ("goal", &goal),
                    ("submission", &SubmissionId::new().to_string()),
                    ("now", now),
                    ("want", "8"),
                    ("importance", importance),
                    ("confidence", confidence),
                    ("share", "workers"),
                ],
                Some(&f.alex),
            )
            .await;
        assert_done(&checked);
    }
    let staged = app
        .call_as(
            "/api/stage",
            &[
                ("goal", &goal),
                ("submission", &SubmissionId::new().to_string()),
                ("stage", "doing"),
                ("share", "workers"),
            ],
            Some(&f.alex),
        )
        .await;
    assert_done(&staged);
    for (kind, text, share) in [
        ("desire", "feel calmer (demo)", "workers"),
        ("commitment", "ring the school (demo)", "workers"),
        ("need", "Private need (demo)", "only_me"),
    ] {
        say_as(
            &app,
            &f.alex,
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("kind", kind),
                ("text", text),
                ("share", share),
            ],
        )
        .await;
    }
    let alert = app
        .call_as(
            "/api/not-safe",
            &[("submission", &SubmissionId::new().to_string())],
            Some(&f.charlie),
        )
        .await;
    assert_done(&alert);
    let family_id = support::demo::family_id(&app).await;
    let body = app
        .call_as(
            "/api/pack",
            &[("family", &family_id.to_string())],
            Some(&f.worker),
        )
        .await
        .text()
        .await
        .unwrap();
    let pack: PackView = serde_json::from_str(&body).unwrap();
    assert!(pack.since.is_none(), "no supervision yet: {pack:?}");
    let trend = &pack.goals[0];
    assert_eq!(trend.change, "Get the children to school on time (demo)");
    assert_eq!(trend.points.len(), 2);
    assert_eq!(trend.points[1].confidence, Some(6));
    assert_eq!(trend.stages[0].1, "Doing it");
    // One preparatory and one mobilising statement; the private one is not counted.
    assert_eq!(pack.talk[0].preparatory, 1, "{pack:?}");
    assert_eq!(pack.talk[0].mobilising, 1);
    assert_eq!(pack.alerts[0].member, "Charlie Example");
    // The snapshot is of the answer as the browser gets it.
    insta::assert_snapshot!(
        "supervision_pack",
        serde_json::to_string_pretty(&redacted(serde_json::from_str(&body).unwrap())).unwrap()
    );
    // The read is recorded with every entry the pack drew on, and nothing private.
    let rows = app.store.audit_rows().await.unwrap();
    let read = rows.iter().rev().find(|r| r.action == "read_pack").unwrap();
    let mut conn = app.store.conn().await;
    let entries: Vec<(String, String)> = sqlx::query_as(
        "SELECT e.id, e.kind FROM entries e WHERE e.family_id = $1 \
         AND EXISTS (SELECT 1 FROM entry_shares s WHERE s.entry_id = e.id AND s.audience = 'workers')",
    )
    .bind(family_id.to_string())
    .fetch_all(&mut *conn)
    .await
    .unwrap();
    drop(conn);
    assert_eq!(
        entries.len(),
        7,
        "goal, 2 check-ins, stage, 2 things said, alert"
    );
    for (id, kind) in &entries {
        assert!(
            read.detail.contains(id.as_str()),
            "{kind} missing from {}",
            read.detail
        );
    }
    assert_eq!(read.detail.split(',').count(), entries.len());

    // After yesterday's session, the pack still shows every goal, old ones too, and the
    // read records them; something new since then is what it counts.
    const DAY: i64 = 24 * 60 * 60 * 1000;
    let now = app.clock.now();
    let today = now - now.rem_euclid(DAY);
    let old_goal = backdated_copy(&app, "goal", today - 3 * DAY).await;
    book_on(&app, family_id, today - DAY).await;
    let later = app
        .call_as(
            "/api/pack",
            &[("family", &family_id.to_string())],
            Some(&f.worker),
        )
        .await
        .json::<PackView>()
        .await
        .unwrap();
    assert_eq!(later.since, Some(today - DAY));
    assert_eq!(later.goals.len(), 2, "{later:?}");
    let rows = app.store.audit_rows().await.unwrap();
    let read = rows.iter().rev().find(|r| r.action == "read_pack").unwrap();
    assert!(read.detail.contains(&old_goal), "{}", read.detail);
    // The page: reachable from the caseload in one click, readable as text.
    let caseload = app
        .get_as("/home", Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(caseload.contains(&format!("/families/{family_id}/pack")));
    let page = app
        .get_as(&format!("/families/{family_id}/pack"), Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("scaling score rose, from 3 to 5 out of 10 (wanting 8)."),
        "{page}"
    );
    assert!(!page.contains("Private need (demo)"));
    // Nobody in the family, and nobody who does not work with it, gets a pack.
    let refused = app
        .call_as(
            "/api/pack",
            &[("family", &family_id.to_string())],
            Some(&f.alex),
        )
        .await;
    assert_eq!(refused.status(), 404);
    app.finish().await;
}

async fn the_team_manager_records_supervision_and_a_finalised_record_changes_only_by_new_versions(
    kind: Kind,
) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let now = app.clock.now();
    let cookie_of = |name: &'static str| {
        let app = &app;
        async move {
            let id = store::people::staff_by_name(&mut *app.store.conn().await, name)
                .await
                .unwrap()[0];
            app.cookie_for(
                store::identity::account_for_staff(&mut *app.store.conn().await, id, now)
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    let chair = cookie_of("Morgan Sample").await;
    let support = cookie_of("Harper Dummy").await;
    let family_id = support::demo::family_id(&app).await;
    let family_field = family_id.to_string();
    let sam = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0]
        .to_string();
    book_ahead(&app, &support, &family_field, &[&sam]).await;
    let family_view: FamilyView =
        json_of(&app, "/api/family", &[("id", &family_field)], &chair).await;
    let links = &family_view.supervision.as_ref().unwrap().records;
    assert_eq!(links[0].state, "Not written yet", "{links:?}");
    let session = links[0].session.clone();
    let record_as = |cookie: String| {
        let (app, family_field, session) = (&app, family_field.clone(), session.clone());
        async move {
            json_of::<RecordView>(
                app,
                "/api/supervision-record",
                &[("family", &family_field), ("session", &session)],
                &cookie,
            )
            .await
        }
    };
    let sections = [
        (
            "reflection",
            "Moving from thinking about it to doing it (demo)",
        ),
        ("child_views", "Charlie says mornings feel calmer (demo)"),
        ("parent_views", "Alex wants to keep going (demo)"),
        ("impact", "School every day this month (demo)"),
        ("plan", "Keep the morning routine; review in a month (demo)"),
        ("decisions", "Stay at the current level of support (demo)"),
        (
            "reasons",
            "Progress is steady and the children say so (demo)",
        ),
    ];
    let save = |cookie: String, fields: Vec<(&'static str, String)>| {
        let (app, family_field, session) = (&app, family_field.clone(), session.clone());
        async move {
            let mut form: Vec<(&str, String)> =
                vec![("family", family_field), ("session", session)];
            form.extend(fields);
            let borrowed: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call_as("/api/save-record", &borrowed, Some(&cookie))
                .await
        }
    };
    let some = |based_on: &str, finalise: &str, count: usize| {
        let mut fields: Vec<(&'static str, String)> = sections[..count]
            .iter()
            .map(|(k, v)| (*k, (*v).to_owned()))
            .collect();
        fields.push(("based_on", based_on.to_owned()));
        fields.push(("finalise", finalise.to_owned()));
        fields
    };

    // A draft may be partial; finalising needs every section and a rating.
    assert_done(&save(chair.clone(), some("0", "", 2)).await);
    let half = save(chair.clone(), some("1", "yes", 2)).await;
    assert_eq!(half.status(), 422);
    let message = half.text().await.unwrap();
    assert!(
        message.contains("before finalising the record"),
        "{message}"
    );
    // A save from a page older than the newest version is stopped, not lost.
    let stale = save(chair.clone(), some("0", "", 3)).await;
    assert_eq!(stale.status(), 422);
    assert!(
        stale
            .text()
            .await
            .unwrap()
            .contains("Someone saved a newer version")
    );
    let mut whole = some("1", "yes", 7);
    whole.push(("rating", "amber".to_owned()));
    whole.push((
        "told_family",
        "Your support stays as it is, and we will look again in a month (demo)".to_owned(),
    ));
    assert_done(&save(chair.clone(), whole.clone()).await);
    let record = record_as(chair.clone()).await;
    assert_eq!(record.versions[0].version, 2);
    assert!(record.versions[0].finalised);
    assert_eq!(
        record.versions[0].rating_label.as_deref(),
        Some("Amber: some concerns")
    );
    assert!(!record.versions[1].finalised);
    assert!(record.may_write);

    // Finalised: a change needs a reason, and is a new version beside the locked one.
    let mut change = whole.clone();
    change.retain(|(k, _)| *k != "based_on");
    change.push(("based_on", "2".to_owned()));
    change[4].1 = "Keep the morning routine; review in two weeks (demo)".to_owned();
    let unexplained = save(chair.clone(), change.clone()).await;
    assert_eq!(unexplained.status(), 422);
    assert!(
        unexplained
            .text()
            .await
            .unwrap()
            .contains("Say why the finalised record is being changed.")
    );
    change.push((
        "why_changed",
        "The review date was agreed after the session (demo)".to_owned(),
    ));
    assert_done(&save(chair.clone(), change).await);
    let record = record_as(chair.clone()).await;
    let newest = &record.versions[0];
    assert_eq!(newest.version, 3);
    assert!(newest.finalised);
    assert_eq!(
        newest.why_changed.as_deref(),
        Some("The review date was agreed after the session (demo)")
    );
    assert_eq!(
        record.versions[1].sections[4].words, "Keep the morning routine; review in a month (demo)",
        "the finalised version stays as it was"
    );
    // Nothing in the database can change a version once written.
    let mut conn = app.store.conn().await;
    let edited = sqlx::query("UPDATE supervision_records SET plan = 'changed' WHERE version = 2")
        .execute(&mut *conn)
        .await;
    assert!(edited.is_err(), "versions are append-only");
    drop(conn);

    // The social worker reads it and cannot write it; business support cannot read it.
    let reader = record_as(f.worker.clone()).await;
    assert!(!reader.may_write);
    assert_eq!(reader.versions.len(), 3);
    let refused = save(f.worker.clone(), some("3", "", 1)).await;
    assert_eq!(refused.status(), 422);
    let hidden = app
        .call_as(
            "/api/supervision-record",
            &[("family", &family_field), ("session", &session)],
            Some(&support),
        )
        .await;
    assert_eq!(hidden.status(), 404);

    // The page shows it; the Word document carries the words and the whole history.
    let page_path = format!("/families/{family_field}/record/{session}");
    let page = app
        .get_as(&page_path, Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Alex wants to keep going (demo)"));
    assert!(page.contains("Earlier versions"));
    let download = app
        .get_as(&format!("{page_path}/docx"), Some(&f.worker))
        .await;
    assert_eq!(download.status(), 200);
    let bytes = download.bytes().await.unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    assert!(document.contains("Charlie says mornings feel calmer (demo)"));
    assert!(document.contains("The review date was agreed after the session (demo)"));
    assert!(
        document.contains(
            "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Rating"
        )
    );
    let rows = app.store.audit_rows().await.unwrap();
    assert!(
        rows.iter()
            .any(|r| r.action == "export_record" && r.outcome == "allowed")
    );
    assert!(
        rows.iter()
            .any(|r| r.action == "save_record" && r.detail == "version 3, changed after finalising")
    );
    let listed: FamilyView = json_of(&app, "/api/family", &[("id", &family_field)], &chair).await;
    assert_eq!(listed.supervision.unwrap().records[0].state, "Finalised");
    app.finish().await;
}

/// A JSON answer with what changes from run to run replaced: times (milliseconds since
/// 1970, from 2001 on), ids, and this month's name.
fn redacted(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    let month = chrono::Utc::now().format("%B %Y").to_string();
    match value {
        Value::Number(n) if n.as_i64().is_some_and(|t| t > 1_000_000_000_000) => {
            Value::String("[time]".into())
        }
        Value::String(text) if uuid::Uuid::parse_str(&text).is_ok() => Value::String("[id]".into()),
        Value::String(text) => Value::String(text.replace(&month, "[month]")),
        Value::Array(items) => Value::Array(items.into_iter().map(redacted).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key, redacted(value)))
                .collect(),
        ),
        other => other,
    }
}

#[test]
fn the_supervision_record_document_has_real_headings_and_every_version() {
    use app::api::record::{RecordSection, RecordVersion, RecordView};
    use app::domain::supervision::RECORD_SECTIONS;
    // 14 March 2027, 10:30 and 16:00 UTC; exported the next day.
    let (morning, afternoon, next_day) = (1_805_020_200_000, 1_805_040_000_000, 1_805_068_800_000);
    let version = |version: i64, at: i64, plan: &str, why: Option<&str>| RecordVersion {
        version,
        by: "Morgan Sample".into(),
        written_at: at,
        finalised: true,
        rating: Some("amber".into()),
        rating_label: Some("Amber: some concerns".into()),
        sections: RECORD_SECTIONS
            .iter()
            .map(|(field, heading, hint)| RecordSection {
                field: (*field).into(),
                heading: (*heading).into(),
                hint: (*hint).into(),
                words: if *field == "plan" {
                    plan.into()
                } else {
                    format!("Words for {heading} <kept> & \"exact\"\tand\nsecond line (demo)")
                },
            })
            .collect(),
        why_changed: why.map(Into::into),
        told_family: Some(format!("What we decided, as of version {version} (demo)")),
        told_child: (version == 2).then(|| "Words for children (demo)".into()),
    };
    let view = RecordView {
        tell: Vec::new(),
        family_words: Vec::new(),
        family: app::domain::ids::FamilyId::new(),
        reference: "DEMO-0001".into(),
        display_name: "The Example family (demo)".into(),
        session: "session".into(),
        held_on: 1_804_982_400_000,
        attendees: vec!["Morgan Sample".into(), "Sam Sample".into()],
        may_write: false,
        versions: vec![
            version(
                2,
                afternoon,
                "Review in two weeks (demo)",
                Some("The review date was agreed after the session (demo)"),
            ),
            version(1, morning, "Review in a month (demo)", None),
        ],
    };
    let document =
        app::backend::export::record_document(&view, next_day, &app::domain::time::TimeZone::uk());
    insta::assert_snapshot!(
        "supervision_record_docx",
        document.replace("<w:p>", "\n<w:p>")
    );
}

async fn a_childs_words_reach_the_workers_and_a_parent_only_when_the_child_shows_them(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let (alex, family_id) =
        store::identity::member_named(&mut *app.store.conn().await, "Alex Example")
            .await
            .unwrap()
            .unwrap();
    let (worry, good, feeling, tell) = (
        "I worry when the shouting starts (demo)",
        "My bike and my friends (demo)",
        "school was hard today (demo)",
        "I want to stay at my school (demo)",
    );
    // Charlie (13, on their own phone) records in every tool; only some is shown to the worker.
    child_adds(
        &app,
        &f.charlie,
        "/api/child-house",
        &[
            ("house", "worries"),
            ("symbols[]", "shouting"),
            ("words", worry),
        ],
    )
    .await;
    child_adds(
        &app,
        &f.charlie,
        "/api/child-house",
        &[
            ("house", "good_things"),
            ("words", good),
            ("share", "workers"),
        ],
    )
    .await;
    child_adds(
        &app,
        &f.charlie,
        "/api/child-feeling",
        &[("face", "sad"), ("because", feeling), ("share", "workers")],
    )
    .await;
    child_adds(
        &app,
        &f.charlie,
        "/api/child-note",
        &[("which", "tell"), ("words", tell), ("share", "workers")],
    )
    .await;
    child_adds(
        &app,
        &f.charlie,
        "/api/child-note",
        &[("which", "important"), ("symbols[]", "pet")],
    )
    .await;
    let space: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert_eq!(space.band, AgeBand::From13);
    assert_eq!(space.items.len(), 5);
    let worry_id = space
        .items
        .iter()
        .find(|i| i.words.as_deref() == Some(worry))
        .unwrap()
        .id
        .to_string();
    // Nothing was chosen at all: a kind "try again" that keeps what was typed.
    let nothing = app
        .call_as(
            "/api/child-house",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("house", "dreams"),
            ],
            Some(&f.charlie),
        )
        .await;
    assert_eq!(nothing.status(), 422);
    assert!(
        nothing
            .text()
            .await
            .unwrap()
            .contains("Choose a picture or write something")
    );

    // The workers see what Charlie showed them, verbatim, in the pack and in Module 8.
    let pack = app
        .get_as(&format!("/families/{family_id}/pack"), Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    for shown in [good, feeling, tell] {
        assert!(pack.contains(shown), "{shown} is in the pack");
    }
    assert!(pack.contains("Charlie Example, feelings check-in"));
    assert!(!pack.contains(worry) && !pack.contains("Being on my own"));
    let module_8 = app
        .get_as(&format!("/families/{family_id}/views"), Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(module_8.contains(good) && module_8.contains(tell));
    assert!(!module_8.contains(worry));

    // A parent gets the unshared worry exactly as they would get nothing at all.
    let hidden = app
        .get_as(&format!("/entries/{worry_id}"), Some(&f.alex))
        .await;
    let absent = app
        .get_as(&format!("/entries/{}", EntryId::new()), Some(&f.alex))
        .await;
    assert_eq!(hidden.status(), 404);
    assert_eq!(
        without_nonce(&hidden.text().await.unwrap()),
        without_nonce(&absent.text().await.unwrap())
    );
    // Nowhere in what reaches Alex's browser, not only in one field.
    let entries = body_as(&app, "/api/my-entries", &f.alex).await;
    assert!(!entries.contains(worry) && !entries.contains(good));

    // Charlie shows the worry to Alex by name: Alex sees it; the workers and Jordan still do not.
    let shown = app
        .call_as(
            "/api/child-share",
            &[
                ("entry", &worry_id),
                ("with", &alex.to_string()),
                ("show", "yes"),
                ("back", "/child"),
            ],
            Some(&f.charlie),
        )
        .await;
    assert_done(&shown);
    let entries = body_as(&app, "/api/my-entries", &f.alex).await;
    assert!(entries.contains(worry), "{entries}");
    assert!(
        !body_as(&app, "/api/my-entries", &f.jordan)
            .await
            .contains(worry)
    );
    assert!(
        !app.get_as(&format!("/families/{family_id}/views"), Some(&f.worker))
            .await
            .text()
            .await
            .unwrap()
            .contains(worry)
    );
    // Nobody else can show Charlie's things: a parent asking gets "not found".
    let not_theirs = app
        .call_as(
            "/api/child-share",
            &[("entry", &worry_id), ("with", "workers"), ("show", "yes")],
            Some(&f.alex),
        )
        .await;
    assert_eq!(not_theirs.status(), 404);
    app.finish().await;
}

/// "Who has seen what I wrote" is one entry per reader, not one row per page load: what
/// they read, first and last, and how many times, in words.
async fn who_has_seen_names_each_reader_once_with_what_they_read_when_and_how_often(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    for _ in 0..3 {
        let read = app
            .call_as("/api/goal", &[("id", &goal.to_string())], Some(&f.worker))
            .await;
        assert_eq!(read.status(), 200);
    }
    // Alex reading their own goal is not "someone seeing" it.
    let own = app
        .call_as("/api/goal", &[("id", &goal.to_string())], Some(&f.alex))
        .await;
    assert_eq!(own.status(), 200);
    let seen: Vec<SeenBy> = json_as(&app, "/api/who-has-seen", &f.alex).await;
    let readers = &seen;
    assert_eq!(readers.len(), 1, "{seen:?}");
    assert_eq!(readers[0].name, "Sam Sample");
    assert_eq!(readers[0].role, "Social worker");
    let items = &readers[0].items;
    assert_eq!(items.len(), 1, "{seen:?}");
    assert_eq!(items[0].tool, "Goal");
    assert_eq!(items[0].words, "Get the children to school on time (demo)");
    assert_eq!(items[0].times, 3);
    assert!(items[0].first_at <= items[0].last_at);
    let page = app
        .get_as("/seen", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    // The reader's name is theirs, shown as written in an element of its own.
    let reader = r#"<span dir="auto" class="app-own-words">Sam Sample</span>, Social worker"#;
    assert!(page.contains(reader), "{page}");
    assert!(page.contains("Opened 3 times: first at "), "{page}");
    assert_eq!(page.matches(reader).count(), 1);
    // Each read is still its own row in the audit trail, which stays whole.
    let rows = app.store.audit_rows().await.unwrap();
    let goal_reads = rows
        .iter()
        .filter(|r| r.action == "read_goal" && r.subject.as_deref() == Some(&goal.to_string()))
        .count();
    assert_eq!(goal_reads, 4);
    assert_eq!(
        app.store.verify_audit().await.unwrap().problems,
        Vec::<String>::new()
    );
    // A database from before reads were kept beside the trail gets them from the trail
    // once, as the server starts, exactly as they were noted.
    let receipts = space_of(&app, &f.alex).await.goals[0].read_by_worker;
    assert!(receipts.is_some());
    app.store
        .execute_admin("DELETE FROM entry_readers")
        .await
        .unwrap();
    app.store
        .execute_admin("DELETE FROM entry_readers_filled")
        .await
        .unwrap();
    app.store.migrate().await.unwrap();
    let refilled: Vec<SeenBy> = json_as(&app, "/api/who-has-seen", &f.alex).await;
    assert_eq!(refilled, seen);
    assert_eq!(
        space_of(&app, &f.alex).await.goals[0].read_by_worker,
        receipts
    );
    app.finish().await;
}

/// A parent who reads the portal in Urdu reads their other pages in Urdu, right to left:
/// an entry's own page, who has seen it (once a worker has opened it), messages when they
/// are away, what their team decided, and help. What they wrote, the worker's name and the
/// chair's words are shown exactly as written, each in its own direction.
async fn a_parent_reading_urdu_reads_their_other_pages_in_urdu_and_their_own_words_as_written(
    kind: Kind,
) {
    use app::domain::language::Lang;
    use app::ui::i18n::tr;
    const DAY: i64 = 24 * 60 * 60 * 1000;
    let app = support::languages::spawn_offering(kind, &["ur"]).await;
    let f = family(&app).await;
    choose_reading(&app, &f.alex, &[("language", "ur")]).await;

    // Alex writes a goal in Urdu, with an English name in it, and shares it; Sam opens it.
    let words = "میں چاہتی ہوں کہ Alex ہر صبح وقت پر اسکول جائے (demo)";
    assert_done(
        &app.call_as(
            "/api/new-goal",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("change", words),
                ("share", "workers"),
            ],
            Some(&f.alex),
        )
        .await,
    );
    let goal = space_of(&app, &f.alex).await.goals.last().unwrap().id;
    let read = app
        .call_as("/api/goal", &[("id", &goal.to_string())], Some(&f.worker))
        .await;
    assert_eq!(read.status(), 200);

    // The team meets, and the chair tells Alex what was decided, in their own words.
    let family_id = support::demo::family_id(&app).await;
    let today = app.clock.now();
    let session = book_on(&app, family_id, today - today.rem_euclid(DAY) - 2 * DAY).await;
    let chair = support::demo::staff_cookie(&app, "Morgan Sample").await;
    let alex = member(&app, "Alex Example").await;
    let decided = "We agreed the support stays the same for now (demo).";
    let (family_field, tell) = (family_id.to_string(), format!("{alex}:family"));
    assert_done(
        &support::demo::finalise_as_chair(
            &app,
            &chair,
            (family_field.as_str(), session.as_str(), "0"),
            (decided, ""),
            &[tell],
        )
        .await,
    );

    let urdu = |key: &str| tr(Lang::Ur, key, &[]);
    let mut pages = Vec::new();
    for (path, heading) in [
        (format!("/entries/{goal}"), "entry-page-mine"),
        ("/seen".to_owned(), "seen-heading"),
        ("/messages".to_owned(), "home-messages"),
        (format!("/decided/{session}"), "home-decided"),
        ("/help".to_owned(), "help-heading"),
    ] {
        let response = app.get_as(&path, Some(&f.alex)).await;
        assert_eq!(response.status(), 200, "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains(r#"lang="ur" dir="rtl""#), "{path}: {page}");
        assert!(
            page.contains(&format!(">{}</h1>", urdu(heading))),
            "{path} has its Urdu heading: {page}"
        );
        pages.push(page);
    }
    let [entry, seen, messages, decided_page, help] = &pages[..] else {
        unreachable!("five pages were read")
    };
    let own = format!(r#"<p dir="auto" class="govuk-body app-own-words">{words}</p>"#);
    assert!(entry.contains(&own), "{entry}");
    assert!(
        seen.contains(&format!(
            r#"<span dir="auto" class="app-own-words">{words}</span>"#
        )),
        "{seen}"
    );
    assert!(
        seen.contains(&format!(
            r#"<span dir="auto" class="app-own-words">Sam Sample</span>{}"#,
            tr(
                Lang::Ur,
                "seen-reader",
                &[("name", ""), ("role", &urdu("role-social_worker"))]
            )
            .trim_start_matches('\u{2068}')
            .trim_start_matches('\u{2069}')
        )),
        "the worker's name as written, their role in Urdu: {seen}"
    );
    assert!(seen.contains(&urdu("seen-tool-goal")), "{seen}");
    // When it was opened is said in Urdu too.
    assert!(!seen.contains("Opened once"), "{seen}");
    assert!(seen.contains("ایک بار کھولا گیا"), "{seen}");
    // Messages are sent in English: the page shows the words as sent and what they mean.
    assert!(
        messages.contains(&urdu("messages-in-english")),
        "{messages}"
    );
    assert!(
        messages.contains(&urdu("messages-wording-reminder")),
        "{messages}"
    );
    assert!(
        messages.contains(r#"<span lang="en" dir="ltr">“This is your reminder.”</span>"#),
        "{messages}"
    );
    assert!(
        decided_page.contains(&format!(
            r#"<p dir="auto" class="govuk-body app-own-words">{decided}</p>"#
        )),
        "{decided_page}"
    );
    assert!(
        decided_page.contains(&urdu("decided-think")),
        "{decided_page}"
    );
    assert!(help.contains(&urdu("help-not-safe")), "{help}");
    assert!(help.contains("999"), "{help}");
    app.finish().await;
}

/// Statements that make the database refuse every new share, and take that back: a fault
/// part-way through a save.
fn refusing_shares(kind: Kind) -> ([&'static str; 2], [&'static str; 2]) {
    match kind {
        Kind::Sqlite => (
            [
                "CREATE TRIGGER refuse_shares BEFORE INSERT ON entry_shares \
                 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                "SELECT 1",
            ],
            ["DROP TRIGGER refuse_shares", "SELECT 1"],
        ),
        Kind::Postgres => (
            [
                "CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS \
                 $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$",
                "CREATE TRIGGER refuse_shares BEFORE INSERT ON entry_shares \
                 FOR EACH ROW EXECUTE FUNCTION refuse_for_test()",
            ],
            [
                "DROP TRIGGER refuse_shares ON entry_shares",
                "DROP FUNCTION refuse_for_test()",
            ],
        ),
    }
}

async fn a_check_in_its_share_and_the_end_of_its_draft_are_kept_together_or_not_at_all(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await.to_string();
    let submission = SubmissionId::new().to_string();
    let kept = keep_check_in_answer(&app, &f.alex, &goal, &submission, "now", "4").await;
    assert_eq!(kept.status(), 200);
    let check_in = [
        ("goal", goal.as_str()),
        ("submission", submission.as_str()),
        ("now", "4"),
        ("want", "8"),
        ("share", "workers"),
    ];
    let draft = || async {
        app.call_as(
            "/api/draft",
            &[("flow", "check_in"), ("goal", &goal)],
            Some(&f.alex),
        )
        .await
        .json::<DraftView>()
        .await
        .unwrap()
    };
    let check_ins = |cookie: String| {
        let app = &app;
        let goal = goal.clone();
        async move {
            app.call_as("/api/goal", &[("id", &goal)], Some(&cookie))
                .await
                .json::<GoalView>()
                .await
                .unwrap()
                .check_ins
        }
    };

    // The share fails after the check-in itself was written.
    let (refuse, allow) = refusing_shares(kind);
    for statement in refuse {
        app.store.execute_admin(statement).await.unwrap();
    }
    let failed = app.call_as("/api/check-in", &check_in, Some(&f.alex)).await;
    assert_eq!(failed.status(), 500);
    for statement in allow {
        app.store.execute_admin(statement).await.unwrap();
    }
    // None of it was kept: no check-in that Alex thinks is shared and the workers cannot
    // see, and the draft is still there to save again.
    assert!(check_ins(f.alex.clone()).await.is_empty());
    assert!(draft().await.kept, "the draft is not lost");

    // Saved again, the check-in, its share and the end of the draft are one run of the
    // trail.
    let before = usize::try_from(app.store.audit_count().await.unwrap()).unwrap();
    let saved = app.call_as("/api/check-in", &check_in, Some(&f.alex)).await;
    assert_done(&saved);
    let actions: Vec<String> = app
        .store
        .audit_rows()
        .await
        .unwrap()
        .into_iter()
        .skip(before)
        .map(|row| row.action)
        .collect();
    assert_eq!(actions, ["write_entry", "share_entry", "remove_draft"]);
    let seen = check_ins(f.worker.clone()).await;
    assert_eq!(seen.len(), 1);
    assert!(seen[0].shared_with_workers);
    assert!(!draft().await.kept);
    assert!(app.store.verify_audit().await.unwrap().problems.is_empty());
    app.finish().await;
}

async fn an_entry_that_no_longer_reads_is_an_error_and_never_quietly_left_out(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    let family_id = store::identity::member_named(&mut *app.store.conn().await, "Alex Example")
        .await
        .unwrap()
        .unwrap()
        .1;
    // A version the code cannot read: damage, or a format this code does not know.
    app.store
        .execute_admin(&format!(
            "INSERT INTO entry_versions (entry_id, version, body, written_at) \
             VALUES ('{goal}', 2, '{{\"what\":\"not a goal\"}}', 1)"
        ))
        .await
        .unwrap();
    // Every page that would list it says something went wrong, rather than showing the
    // rest as if the goal were not there.
    for (path, cookie) in [("/api/my-space", &f.alex), ("/api/my-entries", &f.alex)] {
        let answer = app.call_as(path, &[], Some(cookie)).await;
        assert_eq!(answer.status(), 500, "{path}");
    }
    for (path, cookie) in [
        (format!("/families/{family_id}/views"), &f.worker),
        (format!("/families/{family_id}/pack"), &f.worker),
        ("/home".to_owned(), &f.alex),
    ] {
        let page = app.get_as(&path, Some(cookie)).await;
        let html = page.text().await.unwrap();
        assert!(
            !html.contains("Get the children to school on time (demo)")
                && html.contains("Sorry, there is a problem"),
            "{path}: {html}"
        );
    }
    app.finish().await;
}
