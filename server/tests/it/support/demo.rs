//! The demo family, signed in, and the small steps the tool tests take through server
//! functions.

use super::TestApp;
use app::domain::ids::{MemberId, SubmissionId};
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
    let now = app::backend::store::now_ms();
    let mut cookies = Vec::new();
    for name in ["Alex Example", "Jordan Example", "Charlie Example"] {
        let account = app
            .store
            .account_for_member(member(app, name).await, now)
            .await
            .unwrap();
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

/// A form's server function did what was asked: it answered, or redirected onwards.
#[track_caller]
pub fn assert_done(response: &reqwest::Response) {
    let status = response.status();
    assert!(status.is_success() || status.is_redirection(), "{status}");
}

/// What a server function returns to this person, as JSON; anything but success fails.
pub async fn json_of(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    cookie: &str,
) -> serde_json::Value {
    let response = app.call_as(path, form, Some(cookie)).await;
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    response.json().await.unwrap()
}

/// What a server function with no arguments returns to this person, as JSON.
pub async fn json_as(app: &TestApp, path: &str, cookie: &str) -> serde_json::Value {
    json_of(app, path, &[], cookie).await
}

/// Adds something to one of the child's tools through its server function.
pub async fn child_adds(app: &TestApp, cookie: &str, function: &str, fields: &[(&str, &str)]) {
    let submission = SubmissionId::new().to_string();
    let mut form = vec![("submission", submission.as_str())];
    form.extend_from_slice(fields);
    assert_done(&app.call_as(function, &form, Some(cookie)).await);
}

/// The demo family member of this name.
pub async fn member(app: &TestApp, name: &str) -> MemberId {
    app.store.member_named(name).await.unwrap().unwrap().0
}
