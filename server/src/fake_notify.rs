//! A small stand-in for GOV.UK Notify's API, so that tests and the demo send nothing off
//! the machine: `server fake-notify` runs it, and the test suite starts it in-process.
//!
//! It checks each request's token as Notify does, keeps every message it is sent (by
//! reference: a second request with a reference it already holds is counted as a
//! duplicate and answered with the first message's id), answers look-ups by reference,
//! and can be told to fail or hang the next requests, as the real service sometimes does.

use crate::notify::NotifyKey;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The fake's API key: fictional, and accepted by nothing but the fake.
pub const FAKE_KEY: &str =
    "fake_notify-00000000-0000-4000-8000-000000000001-00000000-0000-4000-8000-000000000002";
/// The template ids the fake expects.
pub const FAKE_EMAIL_TEMPLATE: &str = "00000000-0000-4000-8000-0000000000e1";
pub const FAKE_SMS_TEMPLATE: &str = "00000000-0000-4000-8000-0000000000a1";

/// A message the fake was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub id: String,
    pub reference: String,
    /// `email` or `sms`.
    pub channel: String,
    pub to: String,
    pub subject: Option<String>,
    pub body: String,
}

/// What the fake does to the next request instead of answering it.
#[derive(Debug, Clone, Copy)]
pub enum Failure {
    /// Answers with this status and an error body.
    Status(u16),
    /// Waits this long before answering, as a service that has stopped answering does.
    Hang(Duration),
    /// Keeps the message, then waits this long before answering: the sender cannot tell
    /// that it went.
    TakeThenHang(Duration),
}

#[derive(Default)]
struct Inner {
    received: Vec<Received>,
    duplicates: usize,
    failures: VecDeque<Failure>,
    /// Print each message, for the demo.
    print: bool,
}

type Shared = Arc<Mutex<Inner>>;

/// A running fake.
pub struct FakeNotify {
    pub address: SocketAddr,
    inner: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeNotify {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn lock(inner: &Shared) -> std::sync::MutexGuard<'_, Inner> {
    inner
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl FakeNotify {
    /// Starts the fake on `listen` (port 0 picks one).
    pub async fn start(listen: SocketAddr, print: bool) -> std::io::Result<FakeNotify> {
        let inner: Shared = Arc::new(Mutex::new(Inner {
            print,
            ..Inner::default()
        }));
        let listener = tokio::net::TcpListener::bind(listen).await?;
        let address = listener.local_addr()?;
        let app = Router::new()
            .route("/v2/notifications/email", post(email))
            .route("/v2/notifications/sms", post(sms))
            .route("/v2/notifications", get(find))
            .with_state(inner.clone());
        let task = tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, app).await {
                tracing::error!(%error, "the fake Notify stopped");
            }
        });
        Ok(FakeNotify {
            address,
            inner,
            task,
        })
    }

    /// Points the portal's configuration at this fake.
    pub fn configure(&self, notify: &mut crate::config::NotifyConfig) {
        notify.api_key = Some(crate::config::Secret::new(FAKE_KEY));
        notify.base_url = format!("http://{}", self.address);
        notify.email_template_id = Some(FAKE_EMAIL_TEMPLATE.to_owned());
        notify.sms_template_id = Some(FAKE_SMS_TEMPLATE.to_owned());
    }

    /// Every message received, once each, in order.
    pub fn received(&self) -> Vec<Received> {
        lock(&self.inner).received.clone()
    }

    /// Requests for a message the fake already held: each one a message sent twice.
    pub fn duplicates(&self) -> usize {
        lock(&self.inner).duplicates
    }

    /// Makes the next request fail this way (several calls queue several failures).
    pub fn fail_next(&self, failure: Failure) {
        lock(&self.inner).failures.push_back(failure);
    }

    /// Waits up to `within` until at least `count` messages arrived; answers them.
    pub async fn wait_for(&self, count: usize, within: Duration) -> Vec<Received> {
        let until = tokio::time::Instant::now() + within;
        loop {
            let received = self.received();
            if received.len() >= count || tokio::time::Instant::now() >= until {
                return received;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

fn fake_key() -> NotifyKey {
    match NotifyKey::parse(FAKE_KEY) {
        Ok(key) => key,
        Err(_) => unreachable!("the fake's key is well formed"),
    }
}

type Answer = (StatusCode, Json<serde_json::Value>);

fn error(status: StatusCode, message: &str) -> Answer {
    (
        status,
        Json(serde_json::json!({
            "status_code": status.as_u16(),
            "errors": [{ "error": "Error", "message": message }],
        })),
    )
}

/// Checks the token as Notify does. `None` means carry on.
fn gate(headers: &HeaderMap) -> Option<Answer> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let now = chrono::Utc::now().timestamp();
    if token.is_some_and(|t| fake_key().accepts(t, now, 30)) {
        None
    } else {
        Some(error(
            StatusCode::FORBIDDEN,
            "Invalid token: signature, api token not found",
        ))
    }
}

/// Plays the failure queued for the next message sent, if any, once the message is (or is
/// not) kept. `None` means answer as usual.
async fn play(failure: Option<Failure>) -> Option<Answer> {
    match failure? {
        Failure::Status(status) => Some(error(
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            "Internal server error",
        )),
        Failure::Hang(wait) | Failure::TakeThenHang(wait) => {
            tokio::time::sleep(wait).await;
            Some(error(StatusCode::GATEWAY_TIMEOUT, "Timed out"))
        }
    }
}

fn text(body: &serde_json::Value, key: &str) -> String {
    body[key].as_str().unwrap_or_default().to_owned()
}

async fn take(inner: Shared, headers: HeaderMap, body: serde_json::Value, channel: &str) -> Answer {
    if let Some(answer) = gate(&headers) {
        return answer;
    }
    let (to, template) = match channel {
        "email" => (text(&body, "email_address"), FAKE_EMAIL_TEMPLATE),
        _ => (text(&body, "phone_number"), FAKE_SMS_TEMPLATE),
    };
    if text(&body, "template_id") != template {
        return error(
            StatusCode::BAD_REQUEST,
            "template_id is not a valid UUID or not found",
        );
    }
    if to.is_empty() {
        return error(StatusCode::BAD_REQUEST, "the address is missing");
    }
    let failure = lock(&inner).failures.pop_front();
    if !matches!(failure, Some(Failure::TakeThenHang(_))) && failure.is_some() {
        return play(failure)
            .await
            .unwrap_or_else(|| error(StatusCode::INTERNAL_SERVER_ERROR, ""));
    }
    let (answer, printed) = keep(&inner, &body, channel, to);
    if let Some(line) = printed {
        println!("{line}");
    }
    play(failure).await.unwrap_or(answer)
}

/// Keeps a message (once per reference) and answers as Notify does; with the line to
/// print, for the demo.
fn keep(
    inner: &Shared,
    body: &serde_json::Value,
    channel: &str,
    to: String,
) -> (Answer, Option<String>) {
    let reference = text(body, "reference");
    let mut inner = lock(inner);
    let created = |id: &str| {
        (
            StatusCode::CREATED,
            Json(serde_json::json!({ "id": id, "reference": reference })),
        )
    };
    if let Some(held) = inner
        .received
        .iter()
        .find(|r| r.reference == reference && !reference.is_empty())
    {
        let id = held.id.clone();
        inner.duplicates += 1;
        return (created(&id), None);
    }
    let received = Received {
        id: uuid::Uuid::new_v4().to_string(),
        reference: reference.clone(),
        channel: channel.to_owned(),
        to,
        subject: body["personalisation"]["subject"]
            .as_str()
            .map(str::to_owned),
        body: body["personalisation"]["body"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    };
    let printed = inner.print.then(|| {
        format!(
            "fake Notify: {} to {}: {}",
            received.channel, received.to, received.body
        )
    });
    let answer = created(&received.id);
    inner.received.push(received);
    (answer, printed)
}

async fn email(
    State(inner): State<Shared>,
    headers: HeaderMap,
    Json(body): Json<serde_json::Value>,
) -> Answer {
    take(inner, headers, body, "email").await
}

async fn sms(
    State(inner): State<Shared>,
    headers: HeaderMap,
    Json(body): Json<serde_json::Value>,
) -> Answer {
    take(inner, headers, body, "sms").await
}

#[derive(serde::Deserialize)]
struct Lookup {
    reference: Option<String>,
}

async fn find(
    State(inner): State<Shared>,
    headers: HeaderMap,
    Query(lookup): Query<Lookup>,
) -> Answer {
    if let Some(answer) = gate(&headers) {
        return answer;
    }
    let inner = lock(&inner);
    let found: Vec<serde_json::Value> = inner
        .received
        .iter()
        .filter(|r| lookup.reference.as_deref() == Some(r.reference.as_str()))
        .map(|r| serde_json::json!({ "id": r.id, "reference": r.reference, "type": r.channel }))
        .collect();
    (
        StatusCode::OK,
        Json(serde_json::json!({ "notifications": found })),
    )
}
