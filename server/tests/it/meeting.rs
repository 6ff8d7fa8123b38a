//! "Before the meeting": when a group case supervision is booked for a family, each member
//! is asked what they want it to know; what they share reaches the pack, the record and
//! Module 8 word for word, and what they keep private reaches none of them. Good news is
//! said the same way, at any time, and counted in the pack beside the worries. "About me"
//! is each member's own page for people new to them.
//!
//! "After the meeting": the chair tells the family what was decided and why, in plain
//! words, choosing per member who reads it; a member flagged as a risk to another never
//! does, and cannot tell. Each read is audited and shown to the chair, and a member's
//! answer, "What I think about the plan", reaches Module 8 and the next pack.

use crate::support;
use crate::support::Connect;
use crate::support::demo::finalise_as_chair;
use app::backend::store;
use app::domain::entries::EntryKind;
use app::domain::ids::SubmissionId;
use app::dto::child::ChildSpace;
use app::dto::pack::PackView;
use app::dto::record::RecordView;
use app::dto::tools::MemberHomeView;
use app::dto::views::Module8View;
use support::demo::{assert_done, book_on, child_adds, family, family_id, json_as, json_of};
use support::{Kind, TestApp};

const DAY: i64 = 24 * 60 * 60 * 1000;

on_both_backends!(
    the_question_is_asked_only_while_a_session_stands_and_shared_answers_reach_the_meeting,
    shared_good_news_has_its_own_heading_is_counted_beside_worries_and_can_be_affirmed,
    about_me_is_the_newest_shared_version_first_on_the_family_page_and_in_the_pack,
    the_chair_tells_whom_they_choose_never_a_flagged_member_and_sees_who_has_read_it,
);

/// The day of the family's next meeting on a grown-up member's home.
async fn meeting_on_home(app: &TestApp, cookie: &str) -> Option<i64> {
    json_as::<Option<MemberHomeView>>(app, "/api/member-home", cookie)
        .await
        .expect("a grown-up member's home")
        .meeting
}

/// A grown-up's words sent to `function` ("/api/for-meeting", "/api/good-news").
async fn words_to(
    app: &TestApp,
    function: &str,
    cookie: &str,
    text: &str,
    share: &str,
) -> reqwest::Response {
    let submission = SubmissionId::new().to_string();
    app.call_as(
        function,
        &[
            ("submission", &submission),
            ("text", text),
            ("share", share),
        ],
        Some(cookie),
    )
    .await
}

async fn answer(app: &TestApp, cookie: &str, text: &str, share: &str) -> reqwest::Response {
    words_to(app, "/api/for-meeting", cookie, text, share).await
}

async fn good_news(app: &TestApp, cookie: &str, text: &str, share: &str) -> reqwest::Response {
    words_to(app, "/api/good-news", cookie, text, share).await
}

/// What a server function answers this person, as raw text: for checks that words are
/// nowhere in what reaches the browser, not only in no field.
async fn raw_text(app: &TestApp, function: &str, form: &[(&str, &str)], cookie: &str) -> String {
    app.call_as(function, form, Some(cookie))
        .await
        .text()
        .await
        .unwrap()
}

async fn the_question_is_asked_only_while_a_session_stands_and_shared_answers_reach_the_meeting(
    kind: Kind,
) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let family_id = family_id(&app).await;
    let family_field = family_id.to_string();

    // No session booked: no question, and an answer sent anyway keeps nothing and says why.
    assert_eq!(meeting_on_home(&app, &f.alex).await, None);
    let child: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert_eq!(child.meeting, None);
    let early = answer(&app, &f.alex, "Something for a meeting (demo)", "workers").await;
    assert_eq!(early.status(), 422);
    assert!(
        early
            .text()
            .await
            .unwrap()
            .contains("Your team has no meeting booked now")
    );

    // A session booked for a day ahead: every member with an account is asked, with its day.
    let today = app.clock.now();
    let day = today - today.rem_euclid(DAY) + 3 * DAY;
    let session = book_on(&app, family_id, day).await;
    for cookie in [&f.alex, &f.jordan] {
        assert_eq!(meeting_on_home(&app, cookie).await, Some(day));
    }
    let child: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert_eq!(child.meeting, Some(day));

    // Alex keeps theirs private; Jordan and Charlie share theirs with the workers.
    let private = "I am not ready for them to read this yet (demo)";
    let shared = "I want to talk about the school run, it is going better (demo)";
    assert_done(&answer(&app, &f.alex, private, "only_me").await);
    assert_done(&answer(&app, &f.jordan, shared, "workers").await);
    child_adds(
        &app,
        &f.charlie,
        "/api/child-note",
        &[
            ("which", "meeting"),
            ("symbols[]", "school"),
            ("words", "I like my new class (demo)"),
            ("share", "workers"),
        ],
    )
    .await;
    // The child sees their own answer on their screens.
    let child: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert!(child.items.iter().any(|i| {
        i.kind == app::domain::entries::EntryKind::ForMeeting
            && i.words.as_deref() == Some("I like my new class (demo)")
    }));

    // The pack opens with what was shared, word for word and attributed; nothing private.
    let form = [("family", family_field.as_str())];
    let pack: PackView = json_of(&app, "/api/pack", &form, &f.worker).await;
    assert_eq!(pack.for_meeting.len(), 2, "{:?}", pack.for_meeting);
    let jordan = pack
        .for_meeting
        .iter()
        .find(|a| a.member == "Jordan Example")
        .unwrap();
    assert_eq!(jordan.words.as_deref(), Some(shared));
    assert!(!jordan.by_child);
    let charlie = pack
        .for_meeting
        .iter()
        .find(|a| a.member == "Charlie Example")
        .unwrap();
    assert!(charlie.by_child);
    assert_eq!(charlie.pictures, ["School"]);
    assert_eq!(charlie.words.as_deref(), Some("I like my new class (demo)"));
    // Shown once, at the top: not again among the children's other views.
    assert!(
        pack.children
            .iter()
            .all(|c| c.parts.iter().all(|p| !p.words.contains("new class")))
    );
    let raw = raw_text(&app, "/api/pack", &form, &f.worker).await;
    assert!(!raw.contains("not ready for them"));

    // The record of that session shows the same words beside the chair's sections.
    let record: RecordView = json_of(
        &app,
        "/api/supervision-record",
        &[("family", &family_field), ("session", &session)],
        &f.worker,
    )
    .await;
    let mut words: Vec<String> = record
        .family_words
        .iter()
        .filter_map(|a| a.words.clone())
        .collect();
    words.sort();
    assert_eq!(words, ["I like my new class (demo)", shared]);

    // Module 8 carries them as the family's views, and never the private one.
    let module8 = raw_text(&app, "/api/module-8", &form, &f.worker).await;
    let view: Module8View = serde_json::from_str(&module8).unwrap();
    assert!(view.members.iter().any(|m| m.items.iter().any(|i| {
        i.tool == "For my team's meeting" && i.parts.iter().any(|p| p.words == shared)
    })));
    assert!(!module8.contains("not ready for them"));

    // Every read named what it showed: the record's trail row lists both answers.
    let rows = app.store.audit_rows().await.unwrap();
    let read = rows
        .iter()
        .rev()
        .find(|r| r.action == "read_record")
        .unwrap();
    assert!(read.detail.contains("entries "), "{}", read.detail);

    // Moved a week later, the question moves with it, and answers still reach it.
    let chair = support::demo::staff_cookie(&app, "Morgan Sample").await;
    let later = day + 7 * DAY;
    let date = chrono::DateTime::from_timestamp_millis(later)
        .unwrap()
        .date_naive();
    let (d, m, y) = (
        chrono::Datelike::day(&date).to_string(),
        chrono::Datelike::month(&date).to_string(),
        chrono::Datelike::year(&date).to_string(),
    );
    assert_done(
        &app.call_as(
            "/api/change-supervision",
            &[
                ("session", session.as_str()),
                ("seen", "0"),
                ("action", "move"),
                ("held_day", &d),
                ("held_month", &m),
                ("held_year", &y),
                ("move_reason", "The room is not free (test)"),
            ],
            Some(&chair),
        )
        .await,
    );
    for cookie in [&f.alex, &f.jordan] {
        assert_eq!(meeting_on_home(&app, cookie).await, Some(later));
    }
    let child: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert_eq!(child.meeting, Some(later));
    assert_done(&answer(&app, &f.alex, "After the move (demo)", "workers").await);

    // Cancelled, the session asks nobody any more.
    assert_done(
        &app.call_as(
            "/api/change-supervision",
            &[
                ("session", &session),
                ("seen", "1"),
                ("action", "cancel"),
                ("cancel_reason", "Too few families this month (test)"),
            ],
            Some(&chair),
        )
        .await,
    );
    assert_eq!(meeting_on_home(&app, &f.alex).await, None);
    let child: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert_eq!(child.meeting, None);
    let late = answer(&app, &f.jordan, "Too late (demo)", "workers").await;
    assert_eq!(late.status(), 422);
    app.finish().await;
}

async fn shared_good_news_has_its_own_heading_is_counted_beside_worries_and_can_be_affirmed(
    kind: Kind,
) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let family_id = family_id(&app).await;
    let form = [("family", family_id.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();

    // Nothing written: a plain error that names the field.
    let empty = good_news(&app, &f.jordan, "   ", "workers").await;
    assert_eq!(empty.status(), 422);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains(app::domain::meeting::GOOD_NEWS_EMPTY)
    );

    // Jordan shares theirs; Alex keeps theirs; Charlie shares a picture; Charlie also puts
    // a worry in the House of worries and shows it to the worker.
    let shared = "We got to school on time every day this week (demo)";
    let private = "I cooked a meal from scratch and nobody knows yet (demo)";
    assert_done(&good_news(&app, &f.jordan, shared, "workers").await);
    assert_done(&good_news(&app, &f.alex, private, "only_me").await);
    child_adds(
        &app,
        &f.charlie,
        "/api/child-note",
        &[
            ("which", "good"),
            ("symbols[]", "pet"),
            ("share", "workers"),
        ],
    )
    .await;
    child_adds(
        &app,
        &f.charlie,
        "/api/child-house",
        &[
            ("house", "worries"),
            ("symbols[]", "shouting"),
            ("share", "workers"),
        ],
    )
    .await;

    // The author sees their own good news on their home, with whether it is shared.
    let home: Option<MemberHomeView> = json_as(&app, "/api/member-home", &f.alex).await;
    let mine = &home.unwrap().space.said;
    assert!(
        mine.iter()
            .any(|s| s.kind == EntryKind::GoodNews && s.words == private && !s.shared_with_workers)
    );

    // The pack: good news under its own heading, counted beside the worries; nothing
    // private, and not again among the children's other views.
    let pack: PackView = json_of(&app, "/api/pack", &form, &f.worker).await;
    assert_eq!(pack.good_news.len(), 2, "{:?}", pack.good_news);
    assert!(
        pack.good_news
            .iter()
            .any(|g| g.member == "Jordan Example" && g.words.as_deref() == Some(shared))
    );
    assert!(
        pack.good_news
            .iter()
            .any(|g| g.member == "Charlie Example" && g.by_child && g.pictures == ["Pets"])
    );
    assert_eq!(pack.worries, 1);
    assert!(
        pack.children
            .iter()
            .all(|c| c.tool != "Something that went well")
    );
    let raw = raw_text(&app, "/api/pack", &form, &f.worker).await;
    assert!(!raw.contains("cooked a meal"));

    // The worker affirms Jordan's good news in Module 8; Jordan sees the response counted.
    let module8: Module8View = json_of(&app, "/api/module-8", &form, &f.worker).await;
    let item = module8
        .members
        .iter()
        .flat_map(|m| m.items.iter())
        .find(|i| i.tool == "Something that went well" && i.parts.iter().any(|p| p.words == shared))
        .expect("the good news is in Module 8");
    let entry = item.id.to_string();
    assert_done(
        &app.call_as(
            "/api/respond",
            &[
                ("entry", entry.as_str()),
                ("response", "That is a real achievement, well done (demo)"),
            ],
            Some(&f.worker),
        )
        .await,
    );
    let home: Option<MemberHomeView> = json_as(&app, "/api/member-home", &f.jordan).await;
    let theirs = home.unwrap().space.said;
    let news = theirs.iter().find(|s| s.id.to_string() == entry).unwrap();
    assert_eq!(news.replies, 1);
    app.finish().await;
}

async fn about_me(
    app: &TestApp,
    cookie: &str,
    answers: [&str; 3],
    share: &str,
) -> reqwest::Response {
    let submission = SubmissionId::new().to_string();
    let [know, helps, spoken] = answers;
    app.call_as(
        "/api/about-me",
        &[
            ("submission", submission.as_str()),
            ("know", know),
            ("helps", helps),
            ("spoken", spoken),
            ("share", share),
        ],
        Some(cookie),
    )
    .await
}

async fn about_me_is_the_newest_shared_version_first_on_the_family_page_and_in_the_pack(
    kind: Kind,
) {
    use app::dto::family::FamilyView;
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let family_id = family_id(&app).await;
    let id = family_id.to_string();

    // The first answer is needed; the error names it and says so plainly.
    let empty = about_me(&app, &f.alex, ["  ", "Walks (demo)", ""], "workers").await;
    assert_eq!(empty.status(), 422);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains(app::domain::meeting::ABOUT_ME_EMPTY)
    );

    // Alex writes it, then writes it again; Jordan keeps theirs; Charlie uses pictures.
    let first = "I work nights, so mornings are hard to meet (demo)";
    let newer = "I work days now, so afternoons are best (demo)";
    assert_done(&about_me(&app, &f.alex, [first, "", ""], "workers").await);
    app.clock.set(app.clock.now() + 60_000);
    assert_done(
        &about_me(
            &app,
            &f.alex,
            [
                newer,
                "A walk before we talk (demo)",
                "Plainly, and by my first name (demo)",
            ],
            "workers",
        )
        .await,
    );
    assert_done(&about_me(&app, &f.jordan, ["Private to me (demo)", "", ""], "only_me").await);
    child_adds(
        &app,
        &f.charlie,
        "/api/child-note",
        &[
            ("which", "about"),
            ("symbols[]", "music"),
            ("share", "workers"),
        ],
    )
    .await;

    // The family page opens with the newest shared version of each, answer by answer.
    let page: FamilyView = json_of(&app, "/api/family", &[("id", id.as_str())], &f.worker).await;
    let names: Vec<&str> = page.about_me.iter().map(|a| a.member.as_str()).collect();
    assert_eq!(names, ["Alex Example", "Charlie Example"]);
    let alex = &page.about_me[0];
    let said: Vec<(&str, &str)> = alex
        .parts
        .iter()
        .map(|p| (p.label.as_str(), p.words.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            ("What people should know about me", newer),
            ("What helps me", "A walk before we talk (demo)"),
            (
                "How I like people to talk to me",
                "Plainly, and by my first name (demo)"
            ),
        ]
    );
    assert!(page.about_me[1].by_child);

    // Sam was allocated today, so the page opens with who the family are. Once Sam has
    // been allocated longer than four weeks, it comes after the family's supervision.
    assert!(page.new_to_family);
    let about_comes_first = |cookie: String| {
        let (app, path) = (&app, format!("/families/{id}"));
        async move {
            let html = app.get_as(&path, Some(&cookie)).await.text().await.unwrap();
            let about = html.find("About the family, in their own words").unwrap();
            about < html.find(">Members<").unwrap()
        }
    };
    assert!(about_comes_first(f.worker.clone()).await);
    let sam = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0];
    let now = app.clock.now();
    let mut conn = app.store.conn().await;
    store::people::end_allocation(&mut conn, family_id, sam, now)
        .await
        .unwrap();
    store::people::allocate(&mut conn, family_id, sam, now - 29 * DAY)
        .await
        .unwrap();
    drop(conn);
    let page: FamilyView = json_of(&app, "/api/family", &[("id", id.as_str())], &f.worker).await;
    assert!(!page.new_to_family);
    assert!(!about_comes_first(f.worker.clone()).await);

    // The pack shows the same; nothing private.
    let form = [("family", id.as_str())];
    let pack: PackView = json_of(&app, "/api/pack", &form, &f.worker).await;
    assert_eq!(pack.about_me, page.about_me);
    let raw = raw_text(&app, "/api/pack", &form, &f.worker).await;
    assert!(!raw.contains("Private to me"));

    // Nothing was overwritten: the first version is still in Module 8.
    let module8: Module8View = json_of(&app, "/api/module-8", &form, &f.worker).await;
    let versions = module8
        .members
        .iter()
        .flat_map(|m| m.items.iter())
        .filter(|i| i.tool == "About me" && i.parts.iter().any(|p| p.words == first))
        .count();
    assert_eq!(versions, 1);
    app.finish().await;
}

/// What a member was told about `session`: the raw answer, so "not told" can be compared
/// with "no such meeting" byte for byte.
async fn told_raw(app: &TestApp, cookie: &str, session: &str) -> (u16, String) {
    let answer = app
        .call_as("/api/told", &[("meeting", session)], Some(cookie))
        .await;
    (answer.status().as_u16(), answer.text().await.unwrap())
}

async fn the_chair_tells_whom_they_choose_never_a_flagged_member_and_sees_who_has_read_it(
    kind: Kind,
) {
    use app::dto::record::ToldView;
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let family_id = family_id(&app).await;
    let family_field = family_id.to_string();
    let chair = support::demo::staff_cookie(&app, "Morgan Sample").await;
    let alex = support::demo::member(&app, "Alex Example").await;
    let jordan = support::demo::member(&app, "Jordan Example").await;
    let charlie = support::demo::member(&app, "Charlie Example").await;
    let today = app.clock.now();
    let day = today - today.rem_euclid(DAY) - 2 * DAY;
    let session = book_on(&app, family_id, day).await;
    let plain = "We agreed the support stays the same for three months, because mornings are calmer and Charlie is at school every day (demo).";
    let for_children =
        "Your team thinks things are going well. Your worker will keep visiting (demo).";

    // Finalising needs the plain words, and a child's version for a child told it.
    let missing = finalise_as_chair(
        &app,
        &chair,
        (&family_field, &session, "0"),
        ("", ""),
        &[format!("{charlie}:child")],
    )
    .await;
    assert_eq!(missing.status(), 422);
    let message = missing.text().await.unwrap();
    assert!(
        message.contains("plain words, before finalising"),
        "{message}"
    );
    assert!(message.contains("version for children"), "{message}");

    // Jordan is flagged as a risk to Alex: the chair cannot tell Jordan anything.
    let flagged = finalise_as_chair(
        &app,
        &chair,
        (&family_field, &session, "0"),
        (plain, for_children),
        &[format!("{alex}:family"), format!("{jordan}:family")],
    )
    .await;
    assert_eq!(flagged.status(), 422);
    let message = flagged.text().await.unwrap();
    assert!(
        message.contains("Jordan Example is flagged as a risk"),
        "{message}"
    );

    // Nothing was kept by either refusal; members are told nothing yet.
    let home: MemberHomeView = json_as::<Option<MemberHomeView>>(&app, "/api/member-home", &f.alex)
        .await
        .unwrap();
    assert!(home.told.is_empty());

    assert_done(
        &finalise_as_chair(
            &app,
            &chair,
            (&family_field, &session, "0"),
            (plain, for_children),
            &[
                format!("{alex}:family"),
                format!("{jordan}:none"),
                format!("{charlie}:child"),
            ],
        )
        .await,
    );

    // Alex reads it on their home, with the day and who was there by role.
    let home: MemberHomeView = json_as::<Option<MemberHomeView>>(&app, "/api/member-home", &f.alex)
        .await
        .unwrap();
    assert_eq!(home.told.len(), 1);
    assert_eq!(home.told[0].held_on, day);
    assert!(!home.told[0].read);
    let told: ToldView = json_of(&app, "/api/told", &[("meeting", &session)], &f.alex).await;
    assert_eq!(told.words, plain);
    assert!(!told.for_child);
    assert_eq!(told.roles, ["Team manager", "Social worker"]);
    let page = app
        .get_as(&format!("/decided/{session}"), Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("What I think about the plan"));
    assert!(page.contains("Who was there: Team manager, Social worker."));

    // Charlie reads the words for children on their own screens.
    let space: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert_eq!(space.told.len(), 1);
    let told: ToldView = json_of(&app, "/api/told", &[("meeting", &session)], &f.charlie).await;
    assert_eq!(told.words, for_children);
    assert!(told.for_child);
    let page = app
        .get_as(&format!("/child/decided/{session}"), Some(&f.charlie))
        .await;
    let status = page.status();
    let page = page.text().await.unwrap();
    assert!(status.is_success(), "{status} {page}");
    assert!(page.contains(for_children));

    // Jordan is told nothing, exactly as if there were nothing to tell.
    let home: MemberHomeView =
        json_as::<Option<MemberHomeView>>(&app, "/api/member-home", &f.jordan)
            .await
            .unwrap();
    assert!(home.told.is_empty());
    let not_told = told_raw(&app, &f.jordan, &session).await;
    let no_such = told_raw(&app, &f.jordan, "no-such-meeting").await;
    assert_eq!(not_told.0, 404);
    assert_eq!(not_told, no_such);
    let refused = app
        .call_as(
            "/api/on-plan",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("meeting", &session),
                ("text", "Jordan tries to answer (demo)"),
                ("share", "workers"),
            ],
            Some(&f.jordan),
        )
        .await;
    assert_eq!(refused.status(), 404);

    // The chair sees who has read it, and when: Alex and Charlie, and never Jordan.
    let record: RecordView = json_of(
        &app,
        "/api/supervision-record",
        &[("family", &family_field), ("session", &session)],
        &chair,
    )
    .await;
    let of = |id| record.tell.iter().find(|m| m.id == id).unwrap();
    assert_eq!(of(alex).told.as_deref(), Some("family"));
    assert!(of(alex).read_at.is_some());
    assert_eq!(of(charlie).told.as_deref(), Some("child"));
    assert!(of(charlie).read_at.is_some());
    assert!(!of(jordan).may_be_told);
    assert_eq!(of(jordan).told, None);
    assert_eq!(record.versions[0].told_family.as_deref(), Some(plain));
    // Every read is in the trail, in the member's own name.
    let rows = app.store.audit_rows().await.unwrap();
    let reads: Vec<_> = rows.iter().filter(|r| r.action == "read_told").collect();
    assert!(reads.iter().any(|r| r.actor_name == "Alex Example"));
    assert!(reads.iter().any(|r| r.actor_name == "Charlie Example"));
    assert!(
        reads
            .iter()
            .any(|r| r.actor_name == "Jordan Example" && r.outcome == "denied"),
        "the refusal is in the trail too"
    );

    // Alex says what they think: shared, it reaches Module 8 and the next pack word for
    // word; kept private, it reaches neither.
    let shared = "I think the plan is fair and I want the visits to stay on Tuesdays (demo)";
    let private = "I am worried about the review but not ready to say (demo)";
    for (text, share) in [(shared, "workers"), (private, "only_me")] {
        assert_done(
            &app.call_as(
                "/api/on-plan",
                &[
                    ("submission", &SubmissionId::new().to_string()),
                    ("meeting", &session),
                    ("text", text),
                    ("share", share),
                ],
                Some(&f.alex),
            )
            .await,
        );
    }
    let empty = app
        .call_as(
            "/api/on-plan",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("meeting", &session),
                ("text", "  "),
            ],
            Some(&f.alex),
        )
        .await;
    assert_eq!(empty.status(), 422);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains("Write what you think about the plan.")
    );
    child_adds(
        &app,
        &f.charlie,
        "/api/child-note",
        &[
            ("which", "plan"),
            ("meeting", &session),
            ("symbols[]", "school"),
            ("words", "I want to stay at my school (demo)"),
            ("share", "workers"),
        ],
    )
    .await;
    let form = [("family", family_field.as_str())];
    let pack: PackView = json_of(&app, "/api/pack", &form, &f.worker).await;
    let mut words: Vec<String> = pack
        .on_plan
        .iter()
        .filter_map(|a| a.words.clone())
        .collect();
    words.sort();
    assert_eq!(words, [shared, "I want to stay at my school (demo)"]);
    let module8 = raw_text(&app, "/api/module-8", &form, &f.worker).await;
    let view: Module8View = serde_json::from_str(&module8).unwrap();
    assert!(view.members.iter().any(|m| m.items.iter().any(|i| {
        i.tool == "What I think about the plan" && i.parts.iter().any(|p| p.words == shared)
    })));
    let raw_pack = raw_text(&app, "/api/pack", &form, &f.worker).await;
    for raw in [&module8, &raw_pack] {
        assert!(!raw.contains("not ready to say"));
    }

    // The chair's next version decides: Alex is no longer told, and it is gone from their
    // home as if never there.
    assert_done(
        &finalise_as_chair(
            &app,
            &chair,
            (&family_field, &session, "1"),
            (plain, for_children),
            &[format!("{charlie}:child")],
        )
        .await,
    );
    let home: MemberHomeView = json_as::<Option<MemberHomeView>>(&app, "/api/member-home", &f.alex)
        .await
        .unwrap();
    assert!(home.told.is_empty());
    assert_eq!(told_raw(&app, &f.alex, &session).await.0, 404);

    // A flag added later hides what was told before, on the next read.
    let worker = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0];
    store::people::flag_alleged_abuse(
        &mut *app.store.conn().await,
        family_id,
        charlie,
        alex,
        worker,
        app.clock.now(),
    )
    .await
    .unwrap();
    let space: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert!(space.told.is_empty());
    assert_eq!(
        told_raw(&app, &f.charlie, &session).await,
        told_raw(&app, &f.charlie, "no-such-meeting").await
    );
    app.finish().await;
}
