//! What a new family and a new practitioner meet first, through the running application:
//! the youngest child's screens showing someone at home, the tools each age band has, and
//! Module 8 for a family with years of shared words.

use crate::support;
use crate::support::Connect;
use crate::support::languages::choose_reading;
use app::backend::store;

use app::domain::child::AgeBand;
use app::domain::entries::EntryKind;
use app::domain::ids::SubmissionId;
use app::domain::language::Lang;
use app::dto::child::ChildSpace;
use app::dto::views::Module8View;
use support::demo::{
    assert_done, body_as, book_on, child_adds, family, json_as, member, written_at,
};
use support::{Kind, TestApp, without_nonce};

/// On the youngest child's screens nothing reaches someone at home by one tap on a name
/// the child may not be able to read: each thing has one button for the worker, and a
/// step of its own for people at home, a picture for each, then "Show Alex this?" with
/// "Yes, show them" and "No". Someone a risk flag joins to the child is simply not
/// there, and asking for them by address answers as someone who does not exist.
#[tokio::test]
async fn the_youngest_child_shows_someone_at_home_only_after_a_question_with_their_picture() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let (charlie, family_id) =
        store::identity::member_named(&mut *app.store.conn().await, "Charlie Example")
            .await
            .unwrap()
            .unwrap();
    let alex = member(&app, "Alex Example").await;
    let jordan = member(&app, "Jordan Example").await;
    let social_worker = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0];
    store::people::flag_alleged_abuse(
        &mut *app.store.conn().await,
        family_id,
        jordan,
        charlie,
        social_worker,
        app.store.now(),
    )
    .await
    .unwrap();
    assert_done(
        &app.call_as(
            "/api/choose-band",
            &[("member", &charlie.to_string()), ("band", "under_8")],
            Some(&f.worker),
        )
        .await,
    );
    child_adds(
        &app,
        &f.charlie,
        "/api/child-house",
        &[("house", "worries"), ("symbols[]", "shouting")],
    )
    .await;
    let space: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert_eq!(space.band, AgeBand::Under8);
    let worry = space.items[0].id.to_string();
    let page = |path: String| {
        let app = &app;
        let cookie = f.charlie.clone();
        async move {
            let response = app.get_as(&path, Some(&cookie)).await;
            let status = response.status().as_u16();
            (status, response.text().await.unwrap())
        }
    };

    // The house: the worker in one step, nobody at home by name.
    let (status, house) = page("/child/houses/worries".to_owned()).await;
    assert_eq!(status, 200);
    assert!(house.contains("Show my worker"), "{house}");
    assert!(!house.contains("Show Alex Example"), "{house}");
    let step = format!("/child/show/{worry}?back=/child/houses/worries");
    assert!(house.contains(&step), "{house}");

    // The step: a picture for each person offered; the flagged one is not there.
    let (status, who) = page(step).await;
    assert_eq!(status, 200);
    assert!(who.contains("Who do you want to show?"));
    assert!(who.contains("app-person") && who.contains("Alex Example"));
    assert!(!who.contains("Jordan Example"), "{who}");
    let ask = format!("/child/show/{worry}/{alex}?back=/child/houses/worries");
    assert!(who.contains(&ask), "{who}");

    // The question: nothing is shown to Alex until "Yes, show them".
    let (status, question) = page(ask).await;
    assert_eq!(status, 200);
    assert!(question.contains("Show Alex Example this?"));
    assert!(question.contains("Yes, show them") && question.contains(">No<"));
    let alexs = || body_as(&app, "/api/my-entries", &f.alex);
    assert!(!alexs().await.contains(&worry));
    assert_done(
        &app.call_as(
            "/api/child-share",
            &[
                ("entry", worry.as_str()),
                ("with", &alex.to_string()),
                ("show", "yes"),
                ("back", "/child/houses/worries"),
            ],
            Some(&f.charlie),
        )
        .await,
    );
    assert!(alexs().await.contains(&worry));
    let (_, house) = page("/child/houses/worries".to_owned()).await;
    assert!(house.contains("Stop showing Alex Example"));

    // Jordan, kept apart by the flag, answers exactly as someone who does not exist.
    let (flagged, flagged_page) = page(format!("/child/show/{worry}/{jordan}")).await;
    let (absent, absent_page) = page(format!(
        "/child/show/{worry}/{}",
        app::domain::ids::MemberId::new()
    ))
    .await;
    assert_eq!((flagged, absent), (404, 404));
    assert_eq!(without_nonce(&flagged_page), without_nonce(&absent_page));
    app.finish().await;
}

/// A child's tools are the children's screens, in every age band: a 13-year-old who
/// types the address of a parents' tool finds exactly what is at an address that does
/// not exist, and the refusal is in the trail. Their screens' footer has no grown-ups'
/// links, which on a device handed to a child would only lead back to the start.
#[tokio::test]
async fn a_teenager_finds_the_parents_tools_absent_and_no_grown_up_links_on_their_screens() {
    let app = TestApp::spawn(Kind::Sqlite).await;
    let f = family(&app).await;
    let space: ChildSpace = json_as(&app, "/api/child-space", &f.charlie).await;
    assert_eq!(space.band, AgeBand::From13);
    let absent = app.get_as("/no-such-page", Some(&f.charlie)).await;
    assert_eq!(absent.status(), 404);
    let absent = without_nonce(&absent.text().await.unwrap());
    for tool in ["/goals/new", "/say"] {
        let answer = app.get_as(tool, Some(&f.charlie)).await;
        assert_eq!(answer.status(), 404, "{tool}");
        let page = without_nonce(&answer.text().await.unwrap());
        assert_eq!(main_of(&page), main_of(&absent), "{tool}");
        // A parent has the tool.
        assert_eq!(
            app.get_as(tool, Some(&f.alex)).await.status(),
            200,
            "{tool}"
        );
    }
    // The server functions behind them answer the same, before anything is parsed.
    for (function, fields) in [
        ("/api/new-goal", vec![("submission", "")]),
        ("/api/say", vec![("submission", ""), ("kind", "desire")]),
    ] {
        let answer = app.call_as(function, &fields, Some(&f.charlie)).await;
        assert_eq!(answer.status(), 404, "{function}");
    }
    let rows = app.store.audit_rows().await.unwrap();
    assert!(
        rows.iter()
            .any(|r| r.action == "open_draft" && r.detail.contains("not one of their tools")),
    );
    assert!(
        rows.iter()
            .any(|r| r.action == "create_goal" && r.detail.contains("not one of their tools")),
    );

    let child_page = app
        .get_as("/child", Some(&f.charlie))
        .await
        .text()
        .await
        .unwrap();
    assert!(child_page.contains("I don't feel safe"));
    assert!(!child_page.contains("href=\"/help\""), "{child_page}");
    assert!(!child_page.contains("href=\"/feedback\""), "{child_page}");
    let parent_page = app
        .get_as("/home", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(parent_page.contains("href=\"/help\"") && parent_page.contains("href=\"/feedback\""));
    app.finish().await;
}

/// What a page's main content says: its elements and words, without the markers the
/// server leaves for the page's code to take over.
fn main_of(page: &str) -> String {
    let start = page.find("<main").expect("a main element");
    let end = page[start..].find("</main>").expect("its end") + start;
    let mut main = &page[start..end];
    let mut out = String::new();
    while let Some(open) = main.find("<!--") {
        out.push_str(&main[..open]);
        let close = main[open..].find("-->").expect("a comment's end") + open + 3;
        main = &main[close..];
    }
    out.push_str(main);
    out
}

/// A parent who reads the portal in Urdu writes in Urdu, with an English name, a number
/// and characters markup would take for its own. Module 8, its page and its Word document
/// keep the words exactly as written, and staff pages stay in English.
async fn a_parents_urdu_words_reach_module_8_and_its_word_document_byte_for_byte(kind: Kind) {
    let app = support::languages::spawn_offering(kind, &["ur"]).await;
    let f = family(&app).await;
    choose_reading(&app, &f.alex, &[("language", "ur")]).await;
    let home = app
        .get_as("/home", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains("lang=\"ur\" dir=\"rtl\""), "{home}");
    let words = "میں چاہتی ہوں کہ Alex کے ساتھ ہفتے میں 3 بار بات ہو، & <اچھا> (demo)";
    assert_done(
        &app.call_as(
            "/api/say",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("kind", "desire"),
                ("text", words),
                ("share", "workers"),
            ],
            Some(&f.alex),
        )
        .await,
    );
    // Back in English, a second thing said is not marked with a language.
    choose_reading(&app, &f.alex, &[("language", "en")]).await;
    assert_done(
        &app.call_as(
            "/api/say",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("kind", "need"),
                ("text", "I need some quiet time to think (demo)"),
                ("share", "workers"),
            ],
            Some(&f.alex),
        )
        .await,
    );
    let family_id = support::demo::family_id(&app).await.to_string();
    let view = module_8(&app, &f.worker, &family_id, &[("period", "all")]).await;
    let json = serde_json::to_string(&view).unwrap();
    assert!(json.contains(words), "{json}");
    let written_in: Vec<_> = view
        .members
        .iter()
        .flat_map(|m| &m.items)
        .map(|i| {
            (
                i.parts.iter().any(|p| p.words.contains(words)),
                i.written_in,
            )
        })
        .collect();
    assert!(
        written_in.contains(&(true, Some(Lang::Ur)))
            && written_in.contains(&(false, Some(Lang::En))),
        "each entry keeps the language of the pages it was written on: {written_in:?}"
    );
    let written_on = "Written on the portal in Urdu (اردو).";
    let escaped = words
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let page = app
        .get_as(
            &format!("/families/{family_id}/views?period=all"),
            Some(&f.worker),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&escaped), "{page}");
    assert!(
        page.contains("lang=\"en-GB\" dir=\"ltr\""),
        "staff pages stay in English"
    );
    assert!(
        page.contains(&format!(
            "lang=\"ur\" dir=\"auto\" class=\"govuk-summary-list__value app-own-words\">{escaped}<"
        )),
        "the words are marked as Urdu, in their own direction: {page}"
    );
    assert!(
        !page.contains(&format!("I want to {escaped}")),
        "no English starter is joined to Urdu words; it is named beside them"
    );
    assert_eq!(
        page.matches(written_on).count(),
        1,
        "the worker is told which language, for the Urdu entry alone"
    );
    let response = app
        .get_as(
            &format!("/families/{family_id}/views.docx"),
            Some(&f.worker),
        )
        .await;
    assert_eq!(response.status(), 200);
    let document = docx_part(&response.bytes().await.unwrap(), "word/document.xml");
    assert!(document.contains(&escaped), "{document}");
    assert!(
        document.contains(&format!(
            "<w:rPr><w:lang w:bidi=\"ur\"/></w:rPr><w:t xml:space=\"preserve\">{escaped}"
        )),
        "Word takes the words as Urdu: {document}"
    );
    assert_eq!(document.matches(written_on).count(), 1, "{document}");
    app.finish().await;
}

/// Easy read, chosen by a parent: each question in one short sentence, a picture where one
/// fits, and the scale's hint one thing to a line. What is saved is the same.
async fn easy_read_shortens_each_question_and_adds_a_picture_where_one_fits(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let english = |key: &str| app::ui::i18n::tr(app::domain::language::Lang::En, key, &[]);
    let page = |path: &'static str| {
        let app = &app;
        let cookie = f.alex.clone();
        async move { app.get_as(path, Some(&cookie)).await.text().await.unwrap() }
    };
    let usual = page("/goals/new?q=why").await;
    assert!(usual.contains(&english("q-goal-why")), "{usual}");
    assert!(!usual.contains("app-easy-picture"));

    choose_reading(&app, &f.alex, &[("language", "en"), ("easy_read", "on")]).await;
    let easy = page("/goals/new?q=why").await;
    assert!(easy.contains(&english("q-goal-why.easy")), "{easy}");
    assert!(!easy.contains(&english("q-goal-why")));
    assert!(
        easy.contains("app-easy-picture"),
        "a picture of a family beside the question"
    );
    let first = page("/goals/new").await;
    assert!(first.contains(&english("q-goal-change.easy")));
    assert!(
        !first.contains(&english("q-goal-change.hint")),
        "no hint the short question does not need"
    );

    // The practitioner's pages are never in easy read.
    let staff = app
        .get_as(
            &format!("/families/{}", support::demo::family_id(&app).await),
            Some(&f.worker),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(!staff.contains("app-easy-picture"));

    choose_reading(&app, &f.alex, &[("language", "en"), ("easy_read", "off")]).await;
    assert!(
        page("/goals/new?q=why")
            .await
            .contains(&english("q-goal-why"))
    );
    app.finish().await;
}

on_both_backends!(
    module_8_for_a_long_case_shows_what_is_new_and_narrows_in_the_database,
    a_parents_urdu_words_reach_module_8_and_its_word_document_byte_for_byte,
    easy_read_shortens_each_question_and_adds_a_picture_where_one_fits,
);

const DAY: i64 = 24 * 60 * 60 * 1000;

/// Module 8 as the server function returns it, for one choice of the filter form.
async fn module_8(
    app: &TestApp,
    cookie: &str,
    family: &str,
    fields: &[(&str, &str)],
) -> Module8View {
    let mut form = vec![("family", family)];
    form.extend_from_slice(fields);
    let response = app.call_as("/api/module-8", &form, Some(cookie)).await;
    assert!(response.status().is_success(), "{}", response.status());
    response.json().await.unwrap()
}

fn items_in(view: &Module8View) -> Vec<String> {
    view.members
        .iter()
        .flat_map(|m| &m.items)
        .map(|i| i.id.to_string())
        .collect()
}

/// How many items shared with the workers the view leaves out.
fn hidden(view: &Module8View) -> usize {
    usize::try_from(view.hidden).unwrap()
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

/// A family with three years of shared words (2,000 items): the first view is what is
/// new since the last group case supervision, with a count of the rest; each filter
/// narrows it; the response form opens on demand; the Word document keeps everything,
/// or the view when asked.
async fn module_8_for_a_long_case_shows_what_is_new_and_narrows_in_the_database(kind: Kind) {
    let app = TestApp::spawn(kind).await;
    let f = family(&app).await;
    let member = |name: &'static str| {
        let app = &app;
        async move {
            store::identity::member_named(&mut *app.store.conn().await, name)
                .await
                .unwrap()
                .unwrap()
        }
    };
    let (alex, family_id) = member("Alex Example").await;
    let (jordan, _) = member("Jordan Example").await;
    let (charlie, _) = member("Charlie Example").await;
    let family = family_id.to_string();
    // One entry of each kind through the tools, for bodies as the tools write them.
    for cookie in [&f.alex, &f.jordan] {
        assert_done(
            &app.call_as(
                "/api/say",
                &[
                    ("submission", &SubmissionId::new().to_string()),
                    ("kind", "desire"),
                    ("text", "I want us to be calmer (demo)"),
                    ("share", "workers"),
                ],
                Some(cookie),
            )
            .await,
        );
    }
    child_adds(
        &app,
        &f.charlie,
        "/api/child-feeling",
        &[("face", "okay"), ("share", "workers")],
    )
    .await;
    let now = app.clock.now();
    let today = now - now.rem_euclid(DAY);
    let held = today - 30 * DAY;
    // Three years back, oldest last; one in three from each member. The oldest was
    // shared with the workers only yesterday, so it is new too. Each is written as the
    // application would have written it then, with its clock moved back.
    let mut conn = app.store.conn().await;
    let written = app::backend::store::identity::family_entries(&mut conn, family_id)
        .await
        .unwrap();
    drop(conn);
    let body_of = |kind: EntryKind| {
        written
            .iter()
            .find(|e| e.kind() == kind)
            .map(|e| e.body.clone())
            .unwrap()
    };
    let (talk, feeling) = (body_of(EntryKind::ChangeTalk), body_of(EntryKind::Feeling));
    let mut seeded = Vec::new();
    for i in 0..2000_i64 {
        let at = now - (i + 1) * (3 * 365 * DAY / 2000);
        let (author, kind, body) = match i % 3 {
            0 => (alex, "change_talk", &talk),
            1 => (jordan, "change_talk", &talk),
            _ => (charlie, "feeling", &feeling),
        };
        let id = if i == 1999 {
            app.clock.set(at);
            let id = support::create_entry(&app.store, support::new_entry(family_id, author, body))
                .await
                .unwrap();
            app.clock.reset();
            support::share(
                &app.store,
                id,
                None,
                now - DAY,
                &app::backend::store::Who::operator(),
            )
            .await
            .unwrap();
            id
        } else {
            written_at(&app, family_id, author, body, at).await
        };
        seeded.push((id.to_string(), at, author, kind));
    }
    // A group case supervision that discussed the family, thirty days ago.
    book_on(&app, family_id, held).await;
    let total = 2000 + 3;
    let new_ones = seeded.iter().filter(|(_, at, ..)| *at > held).count() + 3 + 1;

    // The first view: only what is new, and how many are left out.
    let first = module_8(&app, &f.worker, &family, &[]).await;
    let shown = items_in(&first);
    assert_eq!(shown.len(), new_ones);
    assert_eq!(hidden(&first), total - new_ones);
    assert!(
        shown.contains(&seeded[1999].0),
        "re-shared yesterday, so new"
    );
    let page = app
        .get_as(&format!("/families/{family}/views"), Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("Showing {new_ones} items")),
        "{page}"
    );
    assert!(page.contains(&format!(
        "{} more items shared with the workers are not shown",
        total - new_ones
    )));
    // No response box until one is asked for, by a link that works without scripts.
    assert!(!page.contains("name=\"response\""));
    let open = &shown[0];
    assert!(page.contains(&format!("respond={open}")));
    let asked = app
        .get_as(
            &format!("/families/{family}/views?period=new&respond={open}"),
            Some(&f.worker),
        )
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(asked.matches("name=\"response\"").count(), 1);

    // Each filter narrows.
    let weeks = module_8(&app, &f.worker, &family, &[("period", "4_weeks")]).await;
    let in_4_weeks = seeded
        .iter()
        .filter(|(_, at, ..)| *at > now - 28 * DAY)
        .count()
        + 3
        + 1;
    assert_eq!(items_in(&weeks).len(), in_4_weeks);
    assert_eq!(hidden(&weeks), total - in_4_weeks);
    let all = module_8(&app, &f.worker, &family, &[("period", "all")]).await;
    assert_eq!(items_in(&all).len(), total);
    assert_eq!(hidden(&all), 0);
    let jordans = module_8(
        &app,
        &f.worker,
        &family,
        &[("period", "all"), ("member", &jordan.to_string())],
    )
    .await;
    let by_jordan = seeded.iter().filter(|(.., a, _)| *a == jordan).count() + 1;
    assert_eq!(items_in(&jordans).len(), by_jordan);
    assert_eq!(hidden(&jordans), total - by_jordan);
    let feelings = module_8(
        &app,
        &f.worker,
        &family,
        &[("period", "all"), ("tool", "feeling")],
    )
    .await;
    let feelings_count = seeded.iter().filter(|(.., k)| *k == "feeling").count() + 1;
    assert_eq!(items_in(&feelings).len(), feelings_count);

    // "Not read by me": what Sam marked read goes; another worker's mark does not count.
    for id in &shown[..2] {
        assert_done(
            &app.call_as("/api/mark-read", &[("entry", id.as_str())], Some(&f.worker))
                .await,
        );
    }
    let other = store::people::staff_by_name(&mut *app.store.conn().await, "Avery Specimen")
        .await
        .unwrap()[0];
    let mut conn = app.store.conn().await;
    app::backend::store::views::add_read_mark(
        &mut conn,
        app::domain::ids::EntryId::parse(&shown[2]).unwrap(),
        other,
        app.clock.now(),
    )
    .await
    .unwrap();
    drop(conn);
    let unread = module_8(&app, &f.worker, &family, &[("unread", "yes")]).await;
    let unread_items = items_in(&unread);
    assert_eq!(unread_items.len(), new_ones - 2);
    assert!(!unread_items.contains(&shown[0]) && unread_items.contains(&shown[2]));
    assert_eq!(hidden(&unread), total - (new_ones - 2));

    // The Word document: everything, or the view when asked for.
    let docx = |query: String| {
        let app = &app;
        let cookie = f.worker.clone();
        let family = family.clone();
        async move {
            let response = app
                .get_as(
                    &format!("/families/{family}/views.docx{query}"),
                    Some(&cookie),
                )
                .await;
            assert_eq!(response.status(), 200);
            docx_part(&response.bytes().await.unwrap(), "word/document.xml")
        }
    };
    let everything = docx(String::new()).await;
    assert_eq!(everything.matches("Written by ").count(), total);
    let filtered = docx(format!("?view=filtered&period=all&member={jordan}")).await;
    assert_eq!(filtered.matches("Written by ").count(), by_jordan);
    assert!(filtered.contains("This is part of the record"));
    app.finish().await;
}
