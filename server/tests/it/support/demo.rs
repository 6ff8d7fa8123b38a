//! The demo family, signed in, and the small steps the tool tests take through server
//! functions.

use super::Connect;
use super::TestApp;
use app::backend::store;
use app::domain::ids::{EntryId, MemberId, SubmissionId};
use app::dto::tools::SpaceView;
use server::seed;

/// Cookies for the demo family's members and their social worker.
pub struct Family {
    pub alex: String,
    pub jordan: String,
    pub charlie: String,
    pub worker: String,
}

/// The demo family, each of them signed in: Alex and Jordan (parents), Charlie (13) and
/// Sam Sample, their social worker.
pub async fn family(app: &TestApp) -> Family {
    seed::seed_demo(&app.store).await.unwrap();
    let now = app.clock.now();
    let mut cookies = Vec::new();
    for name in ["Alex Example", "Jordan Example", "Charlie Example"] {
        let account = store::identity::account_for_member(
            &mut *app.store.conn().await,
            member(app, name).await,
            now,
        )
        .await
        .unwrap();
        cookies.push(app.cookie_for(account).await);
    }
    let staff = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0];
    let worker = app
        .cookie_for(
            store::identity::account_for_staff(&mut *app.store.conn().await, staff, now)
                .await
                .unwrap(),
        )
        .await;
    let [alex, jordan, charlie]: [String; 3] = cookies.try_into().unwrap();
    Family {
        alex,
        jordan,
        charlie,
        worker,
    }
}

/// A form's server function did what was asked: it answered, or redirected onwards.
#[track_caller]
pub fn assert_done(response: &reqwest::Response) {
    let status = response.status();
    assert!(status.is_success() || status.is_redirection(), "{status}");
}

/// What a server function returns to this person, read as its DTO; anything but success
/// fails.
pub async fn json_of<T: serde::de::DeserializeOwned>(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    cookie: &str,
) -> T {
    let response = app.call_as(path, form, Some(cookie)).await;
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    response.json().await.unwrap()
}

/// What a server function with no arguments returns to this person, read as its DTO.
pub async fn json_as<T: serde::de::DeserializeOwned>(app: &TestApp, path: &str, cookie: &str) -> T {
    json_of(app, path, &[], cookie).await
}

/// The body a server function with no arguments sends this person, exactly as the
/// browser gets it; anything but success fails. For checks that something is nowhere
/// in what reaches the browser, not in any one field.
pub async fn body_as(app: &TestApp, path: &str, cookie: &str) -> String {
    let response = app.call_as(path, &[], Some(cookie)).await;
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    response.text().await.unwrap()
}

/// Adds something to one of the child's tools through its server function.
pub async fn child_adds(app: &TestApp, cookie: &str, function: &str, fields: &[(&str, &str)]) {
    let submission = SubmissionId::new().to_string();
    let mut form = vec![("submission", submission.as_str())];
    form.extend_from_slice(fields);
    assert_done(&app.call_as(function, &form, Some(cookie)).await);
}

/// The demo family's id (the family Alex Example is in).
pub async fn family_id(app: &TestApp) -> app::domain::ids::FamilyId {
    store::identity::member_named(&mut *app.store.conn().await, "Alex Example")
        .await
        .unwrap()
        .unwrap()
        .1
}

/// The demo family member of this name.
pub async fn member(app: &TestApp, name: &str) -> MemberId {
    store::identity::member_named(&mut *app.store.conn().await, name)
        .await
        .unwrap()
        .unwrap()
        .0
}

/// A signed-in session for the member of staff named exactly `name`: its `Cookie` header.
pub async fn staff_cookie(app: &TestApp, name: &str) -> String {
    let staff = store::people::staff_by_name(&mut *app.store.conn().await, name)
        .await
        .unwrap()[0];
    let account =
        store::identity::account_for_staff(&mut *app.store.conn().await, staff, app.clock.now())
            .await
            .unwrap();
    app.cookie_for(account).await
}

/// Books a group case supervision of the family's team on `day`, discussing the family,
/// with Sam Sample attending, through the booking form, as Harper Dummy (business
/// support) would have booked it that day: the application's clock is moved to the day
/// and back. Returns the session's id.
pub async fn book_on(app: &TestApp, family: app::domain::ids::FamilyId, day: i64) -> String {
    use app::dto::supervision::BookingView;
    app.clock.set(day);
    let sam = store::people::staff_by_name(&mut *app.store.conn().await, "Sam Sample")
        .await
        .unwrap()[0];
    let cookie = staff_cookie(app, "Harper Dummy").await;
    let date = chrono::DateTime::from_timestamp_millis(day)
        .unwrap()
        .date_naive();
    let (d, m, y) = (
        chrono::Datelike::day(&date).to_string(),
        chrono::Datelike::month(&date).to_string(),
        chrono::Datelike::year(&date).to_string(),
    );
    let (family, sam) = (family.to_string(), sam.to_string());
    let before: BookingView = json_as(app, "/api/bookings", &cookie).await;
    assert_done(
        &app.call_as(
            "/api/book-supervision",
            &[
                ("held_day", &d),
                ("held_month", &m),
                ("held_year", &y),
                ("families[]", &family),
                ("attendees[]", &sam),
            ],
            Some(&cookie),
        )
        .await,
    );
    let after: BookingView = json_as(app, "/api/bookings", &cookie).await;
    app.clock.reset();
    after
        .sessions
        .into_iter()
        .map(|s| s.id)
        .find(|id| !before.sessions.iter().any(|s| s.id == *id))
        .expect("the session is booked")
}

/// Writes `body` as `author`'s entry at `at`, shared with the workers, through the store
/// as the application writes it: the clock is moved to `at` and back. Returns its id.
pub async fn written_at(
    app: &TestApp,
    family: app::domain::ids::FamilyId,
    author: MemberId,
    body: &app::domain::entries::EntryBody,
    at: i64,
) -> app::domain::ids::EntryId {
    app.clock.set(at);
    let id = super::create_entry(
        &app.store,
        app::backend::NewEntry {
            share_with_workers: true,
            ..super::new_entry(family, author, body)
        },
    )
    .await
    .unwrap();
    app.clock.reset();
    id
}

/// Creates a goal as Alex through the server function and returns its id.
pub async fn alex_goal(app: &TestApp, f: &Family, share: &str) -> EntryId {
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
    assert_done(&made);
    let space = space_of(app, &f.alex).await;
    space.goals.last().unwrap().id
}

/// A member's own space (goals and things said), as the server function returns it.
pub async fn space_of(app: &TestApp, cookie: &str) -> SpaceView {
    app.call_as("/api/my-space", &[], Some(cookie))
        .await
        .json()
        .await
        .unwrap()
}

/// Saves the record of `session` as the chair, finalised and whole, with `tell` (each
/// `<member id>:family`, `:child` or `:none`) and the plain words given (the family's,
/// the children's).
pub async fn finalise_as_chair(
    app: &TestApp,
    chair: &str,
    (family, session, based_on): (&str, &str, &str),
    (told_family, told_child): (&str, &str),
    tell: &[String],
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = vec![
        ("family", family),
        ("session", session),
        ("based_on", based_on),
        ("reflection", "Thinking about it and starting to act (demo)"),
        ("child_views", "Charlie says mornings are calmer (demo)"),
        ("parent_views", "Alex wants to keep going (demo)"),
        ("impact", "School every day this month (demo)"),
        ("plan", "Keep the morning routine (demo)"),
        ("decisions", "Support stays as it is (demo)"),
        ("reasons", "Steady progress (demo)"),
        ("rating", "green"),
        ("finalise", "yes"),
        ("told_family", told_family),
        ("told_child", told_child),
    ];
    if based_on != "0" {
        form.push(("why_changed", "Who is told has changed (demo)"));
    }
    for choice in tell {
        form.push(("tell[]", choice));
    }
    app.call_as("/api/save-record", &form, Some(chair)).await
}
