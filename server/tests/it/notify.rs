//! Messages between visits, through a fake GOV.UK Notify on this machine: urgent alerts
//! that reach a person and escalate when nobody opens them, a member's own choices, the
//! outbox across a stop, retries, and what a message may never say.

use crate::support::demo::{alex_goal, assert_done, family, member, staff_cookie};
use crate::support::{self, Connect, Kind, TestApp};
use app::backend::store;
use app::domain::ids::SubmissionId;
use server::fake_notify::{Failure, FakeNotify, Received};
use std::time::Duration;

const MINUTE: i64 = 60_000;
/// Long enough for several rounds of the sender (every second in these tests).
const WAIT: Duration = Duration::from_secs(15);

async fn fake() -> FakeNotify {
    FakeNotify::start("127.0.0.1:0".parse().unwrap(), false)
        .await
        .unwrap()
}

/// The demo family's portal, sending through `fake` every second.
async fn portal(kind: Kind, fake: &FakeNotify) -> TestApp {
    TestApp::spawn_with(kind, |config| {
        fake.configure(&mut config.notify);
        config.notify.every_seconds = 1;
        config.notify.timeout_seconds = 1;
    })
    .await
}

/// The token Notify's callbacks carry in these tests.
const CALLBACK_TOKEN: &str = "a-callback-token-long-enough-to-be-unguessable";

/// As `portal`, with Notify's callbacks set up.
async fn portal_with_callbacks(kind: Kind, fake: &FakeNotify) -> TestApp {
    TestApp::spawn_with(kind, |config| {
        fake.configure(&mut config.notify);
        config.notify.every_seconds = 1;
        config.notify.callback_token = Some(server::config::Secret::new(CALLBACK_TOKEN));
    })
    .await
}

/// Notify calling the portal back, with `bearer` as its token: the status answered.
async fn callback(app: &TestApp, path: &str, bearer: &str, body: serde_json::Value) -> u16 {
    reqwest::Client::new()
        .post(app.url(path))
        .bearer_auth(bearer)
        .json(&body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The admin sets how a member of staff is reached, through the admin's form.
async fn set_contact(app: &TestApp, name: &str, email: &str, mobile: &str) {
    let admin = staff_cookie(app, "Drew Admin-Example").await;
    let staff = store::people::staff_by_name(&mut *app.store.conn().await, name)
        .await
        .unwrap()[0]
        .to_string();
    let set = app
        .call_as(
            "/api/set-staff-contact",
            &[("staff", &staff), ("email", email), ("mobile", mobile)],
            Some(&admin),
        )
        .await;
    assert_done(&set);
}

async fn set_duty(app: &TestApp, email: &str) {
    let admin = staff_cookie(app, "Drew Admin-Example").await;
    let set = app
        .call_as("/api/set-duty-contact", &[("email", email)], Some(&admin))
        .await;
    assert_done(&set);
}

async fn not_safe(app: &TestApp, cookie: &str) {
    let sent = app
        .call_as(
            "/api/not-safe",
            &[("submission", &SubmissionId::new().to_string())],
            Some(cookie),
        )
        .await;
    assert_done(&sent);
}

fn to<'a>(received: &'a [Received], address: &str) -> Vec<&'a Received> {
    received.iter().filter(|r| r.to == address).collect()
}

/// A worker's response to an entry, through the form's server function.
async fn respond(app: &TestApp, worker: &str, entry: app::domain::ids::EntryId, words: &str) {
    let done = app
        .call_as(
            "/api/respond",
            &[("entry", &entry.to_string()), ("response", words)],
            Some(worker),
        )
        .await;
    assert_done(&done);
}

/// A member saves their message choices, through the form's server function.
async fn choose(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) {
    assert_done(
        &app.call_as("/api/save-messages", fields, Some(cookie))
            .await,
    );
}

/// Whether a message is one of the codes that prove an address.
fn is_code(message: &Received) -> bool {
    message.body.starts_with("Your code is ")
}

/// Enters the codes the fake was sent to prove the member's new addresses, as the member
/// would, once `codes` of them have arrived.
async fn prove(app: &TestApp, fake: &FakeNotify, cookie: &str, codes: usize) {
    let until = std::time::Instant::now() + WAIT;
    while fake.received().iter().filter(|m| is_code(m)).count() < codes
        && std::time::Instant::now() < until
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let received = fake.received();
    let newest = |channel: &str| {
        received
            .iter()
            .rev()
            .find(|m| is_code(m) && m.channel == channel)
            .map(|m| m.body[13..19].to_owned())
            .unwrap_or_default()
    };
    let proved = app
        .call_as(
            "/api/prove-addresses",
            &[
                ("email_code", &newest("email")),
                ("sms_code", &newest("sms")),
            ],
            Some(cookie),
        )
        .await;
    assert_done(&proved);
}

/// "I don't feel safe right now" reaches every allocated practitioner with contact
/// details at once, by text and email, with the family's reference and a link, and no
/// name; the alert's page then shows whom it reached and who opened it.
async fn an_alert_reaches_every_allocated_practitioner_at_once(kind: Kind) {
    let fake = fake().await;
    let app = portal(kind, &fake).await;
    let f = family(&app).await;
    set_contact(&app, "Sam Sample", "sam.sample@example.com", "07700 900001").await;
    set_contact(&app, "Casey Placeholder", "", "07700 900002").await;
    not_safe(&app, &f.alex).await;
    let received = fake.wait_for(5, WAIT).await;
    assert_eq!(received.len(), 5, "{received:#?}");
    for message in &received {
        assert!(message.body.contains("DEMO-0001"), "{}", message.body);
        assert!(message.body.contains("/alerts/"), "{}", message.body);
        assert!(!message.body.contains("Alex") && !message.body.contains("Example family"));
    }
    assert_eq!(to(&received, "sam.sample@example.com").len(), 1);
    assert_eq!(to(&received, "+447700900001").len(), 1);
    assert_eq!(to(&received, "+447700900002").len(), 1);
    // The team manager is allocated to the demo family, and the demo data set how they
    // are reached: by email and text.
    assert_eq!(to(&received, "+447700900009").len(), 1);
    assert_eq!(fake.duplicates(), 0);

    // Sam opens it from the link.
    let link = received[0].body.split("Open it: ").nth(1).unwrap().trim();
    let path = &link[link.find("/alerts/").unwrap()..];
    let page = app
        .get_as(path, Some(&f.worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Alex Example"), "the worker sees who");
    assert!(
        page.contains("Messages to the family&#x27;s workers")
            || page.contains("Messages to the family's workers")
    );
    assert!(
        page.contains("Sam Sample (social worker) by email and by text"),
        "{page}"
    );
    assert!(page.contains("Avery Specimen (mental health practitioner): no contact details set"));
    assert!(page.contains("Opened"));

    // A child's press on their own phone reaches the same people the same way.
    let sent = app
        .call_as(
            "/api/child-not-safe",
            &[("submission", &SubmissionId::new().to_string())],
            Some(&f.charlie),
        )
        .await;
    assert_done(&sent);
    let received = fake.wait_for(10, WAIT).await;
    assert_eq!(received.len(), 10, "{received:#?}");
    assert!(received[5..].iter().all(|m| !m.body.contains("Charlie")));
    // Each step, opening and sending is on the record (the last answer is written a moment
    // after Notify takes the message).
    tokio::time::sleep(Duration::from_secs(1)).await;
    let trail = app.store.audit_rows().await.unwrap();
    assert!(trail.iter().any(|r| r.action == "alert_step"));
    assert!(trail.iter().any(|r| r.action == "open_alert"));
    assert_eq!(
        trail
            .iter()
            .filter(|r| r.action == "send_message" && r.detail.contains(": sent:"))
            .count(),
        10
    );
    app.finish().await;
}

/// Nobody opens it: after the set time it goes to the team manager, and after as long
/// again to the out-of-hours duty contact. An alert someone opened goes no further.
async fn an_unopened_alert_escalates_and_an_opened_one_stops(kind: Kind) {
    let fake = fake().await;
    let app = portal(kind, &fake).await;
    let f = family(&app).await;
    set_contact(&app, "Sam Sample", "", "07700 900001").await;
    set_contact(&app, "Morgan Sample", "", "07700 900009").await;
    set_duty(&app, "duty@example.com").await;
    let start = app.clock.now();

    not_safe(&app, &f.alex).await;
    // The team manager is allocated to the demo family, so is told at once too.
    assert_eq!(
        fake.wait_for(2, WAIT).await.len(),
        2,
        "the allocated workers first"
    );
    app.clock.set(start + 14 * MINUTE);
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        fake.received().len(),
        2,
        "not yet: 15 minutes have not passed"
    );

    app.clock.set(start + 16 * MINUTE);
    let received = fake.wait_for(3, WAIT).await;
    let manager = to(&received, "+447700900009");
    assert_eq!(manager.len(), 2, "{received:#?}");
    assert!(manager[1].body.contains("not yet opened"));

    app.clock.set(start + 32 * MINUTE);
    let received = fake.wait_for(4, WAIT).await;
    let duty = to(&received, "duty@example.com");
    assert_eq!(duty.len(), 1, "{received:#?}");
    assert!(duty[0].body.contains("out-of-hours procedure"));
    assert!(
        !duty[0].body.contains("http"),
        "no link for someone without an account"
    );

    // A second alert, opened by the worker within the time: nothing more is sent. (Time
    // has moved on, so everyone signs in again.)
    let f = family(&app).await;
    not_safe(&app, &f.alex).await;
    assert_eq!(fake.wait_for(6, WAIT).await.len(), 6);
    let urgent: Vec<app::dto::tools::AlertView> =
        crate::support::demo::json_as(&app, "/api/urgent", &f.worker).await;
    let newest = urgent.iter().max_by_key(|a| a.at).unwrap();
    let opened = app
        .get_as(&format!("/alerts/{}", newest.id), Some(&f.worker))
        .await;
    assert_eq!(opened.status(), 200);
    app.clock.set(start + 80 * MINUTE);
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(fake.received().len(), 6, "{:#?}", fake.received());
    assert_eq!(fake.duplicates(), 0);
    app.finish().await;
}

/// What was recorded is sent once, whatever stops the server: messages recorded while
/// nothing could send them go when a server that can starts; a message whose sending was
/// cut short after Notify took it is looked up, not sent again.
async fn a_message_recorded_before_a_stop_is_sent_once_after(kind: Kind) {
    let mut quiet = TestApp::spawn(kind).await;
    let f = family(&quiet).await;
    set_contact(
        &quiet,
        "Sam Sample",
        "sam.sample@example.com",
        "07700 900001",
    )
    .await;
    not_safe(&quiet, &f.alex).await;
    let waiting = store::notices::due(&mut *quiet.store.conn().await, quiet.clock.now(), 50)
        .await
        .unwrap();
    // Sam's two, and the team manager's two from the demo data.
    assert_eq!(
        waiting.len(),
        4,
        "recorded with the alert, in its transaction"
    );

    // One of the two reached Notify just before the server stopped: its attempt was
    // started, and its answer never written.
    let fake = fake().await;
    let client = server::notify::NotifyClient::new(server::notify::NotifySettings {
        base_url: format!("http://{}", fake.address),
        key: server::notify::NotifyKey::parse(server::fake_notify::FAKE_KEY).unwrap(),
        email_template: server::fake_notify::FAKE_EMAIL_TEMPLATE.to_owned(),
        sms_template: server::fake_notify::FAKE_SMS_TEMPLATE.to_owned(),
        timeout: Duration::from_secs(5),
    })
    .unwrap();
    client.send(&waiting[0]).await.unwrap();
    store::notices::attempt(
        &mut *quiet.store.conn().await,
        &waiting[0].id,
        store::notices::Outcome::Started,
        None,
        "",
        quiet.clock.now(),
        None,
    )
    .await
    .unwrap();
    quiet.stop().await;

    let sending = quiet
        .spawn_beside(|config| {
            fake.configure(&mut config.notify);
            config.notify.every_seconds = 1;
        })
        .await;
    let received = fake.wait_for(4, WAIT).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(received.len(), 4, "{received:#?}");
    assert_eq!(
        fake.duplicates(),
        0,
        "the one Notify already had was not sent again"
    );
    let trail = sending.store.audit_rows().await.unwrap();
    assert!(
        trail
            .iter()
            .any(|r| r.action == "send_message" && r.detail.contains("found already sent"))
    );
    sending.finish().await;
    quiet.finish().await;
}

/// Notify failing, then not answering, then taking the message without the answer
/// arriving: the page that caused the message answers at once regardless; the message is
/// tried again after 5 s, 30 s and 2 minutes, each time looking first for what Notify may
/// already hold, and is sent exactly once.
async fn failures_and_timeouts_are_retried_with_backoff_and_never_hold_a_page(kind: Kind) {
    let fake = fake().await;
    fake.fail_next(Failure::Status(500));
    fake.fail_next(Failure::Hang(Duration::from_secs(3)));
    fake.fail_next(Failure::TakeThenHang(Duration::from_secs(3)));
    let app = portal(kind, &fake).await;
    let f = family(&app).await;
    set_contact(&app, "Sam Sample", "", "07700 900001").await;
    set_contact(&app, "Morgan Sample", "", "").await;
    let start = app.clock.now();
    let asked = std::time::Instant::now();
    not_safe(&app, &f.alex).await;
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "the page does not wait for Notify"
    );

    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(fake.received().is_empty());
    app.clock.set(start + 6_000);
    // The hang outlasts the 1 s timeout.
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert!(fake.received().is_empty());
    // Notify keeps this one, but its answer never comes.
    app.clock.set(start + 60_000);
    assert_eq!(fake.wait_for(1, WAIT).await.len(), 1);
    tokio::time::sleep(Duration::from_secs(3)).await;
    app.clock.set(start + 240_000);
    let sends = || async {
        app.store
            .audit_rows()
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.action == "send_message")
            .map(|r| r.detail)
            .collect::<Vec<String>>()
    };
    let until = std::time::Instant::now() + WAIT;
    while sends().await.len() < 4 && std::time::Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let sends = sends().await;
    assert_eq!(sends.len(), 4, "{sends:#?}");
    assert!(
        sends[0].contains("failed: Notify answered 500"),
        "{}",
        sends[0]
    );
    assert!(
        sends[1].contains("failed: Notify did not answer in time"),
        "{}",
        sends[1]
    );
    assert!(
        sends[2].contains("failed: Notify did not answer in time"),
        "{}",
        sends[2]
    );
    assert!(
        sends[3].contains("found: found already sent"),
        "{}",
        sends[3]
    );
    assert_eq!(fake.received().len(), 1);
    assert_eq!(fake.duplicates(), 0, "looked up, never sent twice");
    app.finish().await;
}

/// A message held by quiet hours, and the member stops all messages: it is never sent,
/// and the record says why.
async fn stopping_cancels_what_was_waiting(kind: Kind) {
    let fake = fake().await;
    let app = portal(kind, &fake).await;
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    let at = |hour: u32, day: chrono::NaiveDate| {
        day.and_hms_opt(hour, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis()
    };
    app.clock.set(at(22, tomorrow));
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    let mut form = choices("new_message", false, "2");
    form.retain(|(name, _)| !name.starts_with("on_reminder") && *name != "reminder_day");
    form.extend([("quiet_from", "21"), ("quiet_to", "7")]);
    choose(&app, &f.alex, &form).await;
    // The codes go at once, quiet hours or not: the member is waiting for them.
    prove(&app, &fake, &f.alex, 2).await;
    respond(&app, &f.worker, goal, "Late reply (demo)").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_done(&app.call_as("/api/stop-messages", &[], Some(&f.alex)).await);
    app.clock.set(at(8, tomorrow + chrono::Days::new(1)));
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        fake.received().iter().all(is_code),
        "{:#?}",
        fake.received()
    );
    let trail = app.store.audit_rows().await.unwrap();
    assert!(
        trail
            .iter()
            .any(|r| r.action == "choose_messages" && r.detail.contains("2 waiting cancelled")),
        "the stop says what it cancelled"
    );
    app.finish().await;
}

/// The form's fields, as the page sends them.
fn choices<'a>(wording: &'a str, say_service: bool, day: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("by_email", "yes"),
        ("email", "alex.messages@example.com"),
        ("by_text", "yes"),
        ("mobile", "07700 900123"),
        ("wording", wording),
        ("on_response", "yes"),
        ("on_code", "yes"),
        ("on_reminder", "yes"),
        ("reminder_day", day),
    ];
    if say_service {
        fields.push(("say_service", "yes"));
    }
    fields
}

/// Every template and every trigger: a message to a member holds their chosen sentence
/// and nothing else, no name, no family's words, no link, and the service's name only
/// if they chose it.
async fn no_message_names_anyone_or_says_what_happened(kind: Kind) {
    use chrono::Datelike;
    let fake = fake().await;
    let app = portal(kind, &fake).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    let family_id = crate::support::demo::family_id(&app).await;
    let alex = member(&app, "Alex Example").await;
    // Alex proves both addresses once; choosing again with the same ones keeps them proved.
    choose(&app, &f.alex, &choices("new_message", false, "2")).await;
    prove(&app, &fake, &f.alex, 2).await;
    let mut expected = 2;
    let mut at = app.clock.now();
    for wording in app::domain::notices::Wording::ALL {
        for say_service in [false, true] {
            // A week on each time, at 10:30 on the day the reminder is set for.
            at += 7 * 24 * 60 * MINUTE;
            let day = chrono::DateTime::from_timestamp_millis(at)
                .unwrap()
                .date_naive();
            let ten_thirty = day
                .and_hms_opt(10, 30, 0)
                .unwrap()
                .and_utc()
                .timestamp_millis();
            let weekday = day.weekday().num_days_from_monday().to_string();
            app.clock.set(ten_thirty - 2 * 60 * MINUTE);
            // A week on, everyone signs in again.
            let f = family(&app).await;
            choose(
                &app,
                &f.alex,
                &choices(wording.code(), say_service, &weekday),
            )
            .await;
            respond(
                &app,
                &f.worker,
                goal,
                "Thank you, that is a good plan (demo)",
            )
            .await;
            let code = app
                .call_as(
                    "/api/issue-code",
                    &[
                        ("family", &family_id.to_string()),
                        ("member", &alex.to_string()),
                        ("purpose", "invitation"),
                    ],
                    Some(&f.worker),
                )
                .await;
            assert_done(&code);
            app.clock.set(ten_thirty);
            // Three triggers, two channels each.
            expected += 6;
            let received = fake.wait_for(expected, WAIT).await;
            assert_eq!(
                received.len(),
                expected,
                "{wording:?} {say_service}: {received:#?}"
            );
            for message in &received[expected - 6..] {
                let words = app::domain::notices::family_message(
                    wording,
                    say_service.then_some("Test family portal"),
                );
                assert_eq!(message.body, words.body);
                if let Some(subject) = &message.subject {
                    assert_eq!(subject, &words.subject);
                }
                for never in ["Alex", "Example", "school", "Thank you", "http", "code"] {
                    assert!(
                        !message.body.contains(never),
                        "{never:?} in {}",
                        message.body
                    );
                }
                assert_eq!(message.body.contains("Test family portal"), say_service);
            }
        }
    }
    assert_eq!(fake.duplicates(), 0);
    app.finish().await;
}

/// The member's page: a mistake is named in plain words with everything typed kept;
/// choices saved are used; "Stop all messages" is one press, after which nothing is sent.
async fn a_member_chooses_messages_and_stops_them_in_one_press(kind: Kind) {
    let fake = fake().await;
    let app = portal(kind, &fake).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    let page = app
        .get_as("/messages", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Messages when you are away"));
    assert!(!page.contains("Stop all messages"), "nothing to stop yet");

    // Posted as the page posts it, without scripts: a wrong number comes back with the
    // number as typed and a plain error.
    let mut form = vec![("__fn", "/api/save-messages")];
    form.extend(choices("new_message", false, "2"));
    form.retain(|(name, _)| *name != "mobile");
    form.push(("mobile", "0770 09"));
    let wrong = page_post(&app, &f.alex, &form).await;
    assert_eq!(wrong.0, 422);
    assert!(
        wrong
            .1
            .contains("Enter a UK mobile number, like 07700 900 982")
    );
    assert!(
        wrong.1.contains("value=\"0770 09\""),
        "what was typed is kept"
    );
    assert!(wrong.1.contains("alex.messages@example.com"));

    form.retain(|(name, _)| *name != "mobile");
    form.push(("mobile", "07700 900123"));
    let saved = page_post(&app, &f.alex, &form).await;
    assert_eq!(saved.0, 303);
    let page = app
        .get_as("/messages?sent=yes", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("We have sent you a code."));
    assert!(page.contains("The code we sent by text to 07700 900123"));
    assert!(page.contains("Stop all messages"));
    // A wrong code is named plainly; the right ones prove both addresses.
    let wrong = page_post(
        &app,
        &f.alex,
        &[
            ("__fn", "/api/prove-addresses"),
            ("sms_code", "000000"),
            ("email_code", "12"),
        ],
    )
    .await;
    assert_eq!(wrong.0, 422);
    assert!(wrong.1.contains("Enter the 6-digit code we sent you"));
    assert!(wrong.1.contains("That code is not right"));
    assert!(
        wrong.1.contains("07700 900123"),
        "the choices are still shown as saved"
    );
    prove(&app, &fake, &f.alex, 2).await;
    let page = app
        .get_as("/messages", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Check it is you"));

    respond(&app, &f.worker, goal, "A first response (demo)").await;
    // The two codes, then the two messages.
    assert_eq!(fake.wait_for(4, WAIT).await.len(), 4);

    let stop = page_post(&app, &f.alex, &[("__fn", "/api/stop-messages")]).await;
    assert_eq!(stop.0, 303);
    let page = app
        .get_as("/messages?stopped=yes", Some(&f.alex))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("We will not send you any messages."));
    assert!(!page.contains("Stop all messages"));
    respond(&app, &f.worker, goal, "A second response (demo)").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(fake.received().len(), 4, "nothing after stopping");
    app.finish().await;
}

/// A form posted to the member's page, as a browser without scripts posts it: the status
/// and the page.
async fn page_post(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> (u16, String) {
    let response = support::post_page(app, cookie, "/messages", form).await;
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Jordan, flagged as a risk to Alex, chose every message: what Alex does (an alert,
/// something shared and answered) sends Jordan nothing; only an answer to Jordan's own
/// words does.
async fn the_flagged_member_is_sent_nothing_about_anyone_else(kind: Kind) {
    let fake = fake().await;
    let app = portal(kind, &fake).await;
    let f = family(&app).await;
    choose(&app, &f.jordan, &choices("new_message", false, "2")).await;
    prove(&app, &fake, &f.jordan, 2).await;
    let alex_goal = alex_goal(&app, &f, "workers").await;
    not_safe(&app, &f.alex).await;
    respond(&app, &f.worker, alex_goal, "Well done (demo)").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let jordan = member(&app, "Jordan Example").await;
    let to_jordan =
        store::notices::messages_to(&mut *app.store.conn().await, &format!("member:{jordan}"))
            .await
            .unwrap();
    assert!(
        to_jordan.iter().all(|m| m.kind == "confirm"),
        "only the codes Jordan asked for: {to_jordan:#?}"
    );
    assert!(
        fake.received()
            .iter()
            .all(|r| r.to != "+447700900123" || is_code(r))
    );
    app.finish().await;
}

/// Jordan types Alex's number as his own: it is sent a code and nothing else, however
/// much Jordan is written to, and Alex replying STOP to it changes nothing of Jordan's
/// that he could notice.
async fn a_number_typed_by_someone_else_is_sent_only_a_code(kind: Kind) {
    let fake = fake().await;
    let app = portal_with_callbacks(kind, &fake).await;
    let f = family(&app).await;
    let alexs_phone = [
        ("by_text", "yes"),
        ("mobile", "07700 900555"),
        ("wording", "new_message"),
        ("on_response", "yes"),
    ];
    choose(&app, &f.jordan, &alexs_phone).await;
    let made = app
        .call_as(
            "/api/new-goal",
            &[
                ("submission", &SubmissionId::new().to_string()),
                ("change", "Keep calm at home (demo)"),
                ("why", "It matters (demo)"),
                ("share", "workers"),
            ],
            Some(&f.jordan),
        )
        .await;
    assert_done(&made);
    let entry = crate::support::demo::space_of(&app, &f.jordan).await.goals[0].id;
    for words in ["One (demo)", "Two (demo)", "Three (demo)"] {
        respond(&app, &f.worker, entry, words).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    let received = fake.received();
    assert_eq!(received.len(), 1, "{received:#?}");
    assert!(is_code(&received[0]));
    assert_eq!(received[0].to, "+447700900555");

    let jordan = member(&app, "Jordan Example").await;
    let before = store::notices::choices_of(&mut *app.store.conn().await, jordan)
        .await
        .unwrap();
    let stop = serde_json::json!({ "source_number": "447700900555", "content": "STOP" });
    assert_eq!(
        callback(&app, "/notify/inbound", CALLBACK_TOKEN, stop).await,
        204
    );
    let after = store::notices::choices_of(&mut *app.store.conn().await, jordan)
        .await
        .unwrap();
    assert_eq!(
        before, after,
        "an unproved number's STOP touches nobody's choices"
    );
    app.finish().await;
}

/// Notify says an address can never be reached, or the person replies STOP: that channel
/// stops. Without the callback token nothing changes.
async fn notify_opt_outs_stop_that_channel(kind: Kind) {
    let fake = fake().await;
    let app = portal_with_callbacks(kind, &fake).await;
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    choose(&app, &f.alex, &choices("new_message", false, "2")).await;
    prove(&app, &fake, &f.alex, 2).await;
    respond(&app, &f.worker, goal, "Noted (demo)").await;
    let received = fake.wait_for(4, WAIT).await;
    let email = to(&received, "alex.messages@example.com")[0]
        .reference
        .clone();
    let alex = member(&app, "Alex Example").await;
    let chosen = || async {
        store::notices::choices_of(&mut *app.store.conn().await, alex)
            .await
            .unwrap()
            .unwrap()
    };
    let post = |path, bearer, body| callback(&app, path, bearer, body);
    let receipt = serde_json::json!({ "reference": email, "status": "permanent-failure" });
    assert_eq!(
        post("/notify/receipts", "a-wrong-token", receipt.clone()).await,
        404
    );
    assert!(chosen().await.choices.email.is_some());
    assert_eq!(post("/notify/receipts", CALLBACK_TOKEN, receipt).await, 204);
    let now = chosen().await;
    assert_eq!(now.choices.email, None);
    assert!(now.choices.mobile.is_some());
    assert_eq!(now.why, store::notices::ChoiceReason::NotifyOptOut);

    let stop = serde_json::json!({ "source_number": "447700900123", "content": " stop " });
    assert_eq!(post("/notify/inbound", CALLBACK_TOKEN, stop).await, 204);
    assert!(!chosen().await.choices.any(), "nothing left to send by");
    app.finish().await;
}

/// Quiet hours, in the council's time: a message caused at 10:15pm waits until they end.
async fn quiet_hours_hold_a_message_until_they_end(kind: Kind) {
    let fake = fake().await;
    let app = portal(kind, &fake).await;
    // 10:15pm tomorrow, UK time in winter (11:15pm in summer): inside 9pm to 7am.
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    let at = |hour: u32, minute: u32, day: chrono::NaiveDate| {
        day.and_hms_opt(hour, minute, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis()
    };
    app.clock.set(at(22, 0, tomorrow));
    let f = family(&app).await;
    let goal = alex_goal(&app, &f, "workers").await;
    let mut form = choices("new_message", false, "2");
    // No reminder: only the response is waited for.
    form.retain(|(name, _)| !name.starts_with("on_reminder") && *name != "reminder_day");
    form.extend([("quiet_from", "21"), ("quiet_to", "7")]);
    choose(&app, &f.alex, &form).await;
    // The codes go at once, quiet hours or not: the member is waiting for them.
    prove(&app, &fake, &f.alex, 2).await;
    // Within the half hour a worker's session lasts unused.
    app.clock.set(at(22, 15, tomorrow));
    respond(&app, &f.worker, goal, "Late reply (demo)").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        fake.received().len(),
        2,
        "only the codes: held through quiet hours"
    );
    app.clock.set(at(8, 30, tomorrow + chrono::Days::new(1)));
    assert_eq!(fake.wait_for(4, WAIT).await.len(), 4, "sent once they end");
    app.finish().await;
}

/// A message about an alert that Notify refuses (a number it cannot send to, say): the
/// alert does not wait its fifteen minutes for the next step, which is taken at once.
async fn an_alert_message_that_cannot_go_brings_the_next_step_forward(kind: Kind) {
    let fake = fake().await;
    fake.fail_next(Failure::Status(400));
    let app = portal(kind, &fake).await;
    let f = family(&app).await;
    set_contact(&app, "Sam Sample", "", "07700 900001").await;
    set_contact(&app, "Morgan Sample", "", "").await;
    set_duty(&app, "duty@example.com").await;
    not_safe(&app, &f.alex).await;
    // The clock does not move: the out-of-hours contact is told because the only
    // message to the workers could not be sent (the team manager has no details set, so
    // that step reaches nobody and the next follows at once).
    let received = fake.wait_for(1, WAIT).await;
    assert_eq!(to(&received, "duty@example.com").len(), 1, "{received:#?}");
    assert!(to(&received, "+447700900001").is_empty());
    app.finish().await;
}

on_both_backends!(
    an_alert_reaches_every_allocated_practitioner_at_once,
    an_unopened_alert_escalates_and_an_opened_one_stops,
    a_message_recorded_before_a_stop_is_sent_once_after,
    failures_and_timeouts_are_retried_with_backoff_and_never_hold_a_page,
    no_message_names_anyone_or_says_what_happened,
    a_member_chooses_messages_and_stops_them_in_one_press,
    the_flagged_member_is_sent_nothing_about_anyone_else,
    notify_opt_outs_stop_that_channel,
    a_number_typed_by_someone_else_is_sent_only_a_code,
    quiet_hours_hold_a_message_until_they_end,
    stopping_cancels_what_was_waiting,
    an_alert_message_that_cannot_go_brings_the_next_step_forward,
);
