//! Sending what the outbox holds through GOV.UK Notify, and the timed work beside it:
//! urgent alerts that nobody opened, and the weekly reminders.
//!
//! Notify's REST API takes a JSON body and a JSON Web Token signed with the service's
//! secret (HS256, with the service id as issuer and the time it was made). The API key
//! is `<name>-<service id>-<secret>`; it comes from the configuration and is never
//! logged. Every message goes through one email template and one text template whose
//! content is `((body))` (and, for email, subject `((subject))`), so the words are the
//! portal's, checked by its tests, not typed into Notify.
//!
//! The sender runs in a task of its own, so a slow or failing Notify never holds up a
//! page. It claims each message before sending it, so several copies of the server on one
//! database never send the same one, and sends urgent alerts first. Before each request
//! it writes a `started` attempt; any later try (after a stop before the answer was
//! written, a timeout, or an error Notify may have answered after taking the message)
//! asks Notify for a message with the same reference (the outbox row's id) first, and
//! sends only if there is none. Failures Notify
//! may get over (timeouts, 429, 5xx) are tried again after 5 s, 30 s, 2 min, 10 min, then
//! every 30 min, giving up after ten; a request Notify refuses outright is given up at
//! once. Each outcome is audited in the family's chain in the transaction that records it.

use app::backend::Store;
use app::backend::notices::Messaging;
use app::backend::store::notices::{self as outbox, OutboxRow};
use app::backend::store::{AuditRecord, Outcome, Who};
use hmac::Mac;
use std::time::Duration;

/// A GOV.UK Notify API key, split into what signs requests.
#[derive(Clone)]
pub struct NotifyKey {
    pub service_id: String,
    secret: String,
}

impl std::fmt::Debug for NotifyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NotifyKey({}, [redacted])", self.service_id)
    }
}

impl NotifyKey {
    /// Reads `<name>-<service id>-<secret>`, where the last two are UUIDs.
    pub fn parse(key: &str) -> Result<NotifyKey, String> {
        let wrong = || {
            "notify.api_key must be a GOV.UK Notify API key: a name, then the service id and \
             the secret key, each a UUID, joined by hyphens"
                .to_owned()
        };
        let key = key.trim();
        if key.len() < 74 || !key.is_char_boundary(key.len() - 73) {
            return Err(wrong());
        }
        let tail = &key[key.len() - 73..];
        let (service_id, secret) = (&tail[..36], &tail[37..]);
        if tail.as_bytes()[36] != b'-'
            || uuid::Uuid::parse_str(service_id).is_err()
            || uuid::Uuid::parse_str(secret).is_err()
        {
            return Err(wrong());
        }
        Ok(NotifyKey {
            service_id: service_id.to_owned(),
            secret: secret.to_owned(),
        })
    }

    /// The bearer token for a request made at `iat` (seconds since 1970).
    pub fn token(&self, iat: i64) -> String {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = b64.encode(br#"{"typ":"JWT","alg":"HS256"}"#);
        let claims = b64.encode(
            serde_json::json!({ "iss": self.service_id, "iat": iat })
                .to_string()
                .as_bytes(),
        );
        let signing = format!("{header}.{claims}");
        format!("{signing}.{}", b64.encode(sign(&self.secret, &signing)))
    }

    /// Whether `token` is one this key signed within `leeway` seconds of `now`.
    pub fn accepts(&self, token: &str, now: i64, leeway: i64) -> bool {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let mut parts = token.rsplitn(2, '.');
        let (Some(signature), Some(signing)) = (parts.next(), parts.next()) else {
            return false;
        };
        let Ok(signature) = b64.decode(signature) else {
            return false;
        };
        let mut mac = hmac_for(&self.secret);
        mac.update(signing.as_bytes());
        if mac.verify_slice(&signature).is_err() {
            return false;
        }
        let claims = signing
            .split('.')
            .nth(1)
            .and_then(|c| b64.decode(c).ok())
            .and_then(|c| serde_json::from_slice::<serde_json::Value>(&c).ok());
        claims.is_some_and(|c| {
            c["iss"] == self.service_id
                && c["iat"]
                    .as_i64()
                    .is_some_and(|iat| (now - iat).abs() <= leeway)
        })
    }
}

pub(crate) fn hmac_for(secret: &str) -> hmac::Hmac<sha2::Sha256> {
    // HMAC takes a key of any length.
    match hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of every length"),
    }
}

fn sign(secret: &str, text: &str) -> Vec<u8> {
    let mut mac = hmac_for(secret);
    mac.update(text.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// Where and how to reach Notify.
#[derive(Debug, Clone)]
pub struct NotifySettings {
    pub base_url: String,
    pub key: NotifyKey,
    pub email_template: String,
    pub sms_template: String,
    /// How long one request may take before it counts as a timeout.
    pub timeout: Duration,
}

/// Why a request did not send a message.
#[derive(Debug)]
pub enum SendError {
    /// Worth trying again later: a timeout, a dropped connection, 429 or 5xx.
    Again(String),
    /// Notify refused it; trying again would be refused the same way.
    Never(String),
}

/// A client for GOV.UK Notify's REST API.
#[derive(Debug, Clone)]
pub struct NotifyClient {
    settings: NotifySettings,
    http: reqwest::Client,
}

impl NotifyClient {
    pub fn new(settings: NotifySettings) -> Result<NotifyClient, String> {
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            .build()
            .map_err(|e| format!("could not make the Notify client: {e}"))?;
        Ok(NotifyClient { settings, http })
    }

    fn auth(&self) -> String {
        format!(
            "Bearer {}",
            self.settings.key.token(chrono::Utc::now().timestamp())
        )
    }

    /// Sends one message from the outbox; answers Notify's id for it.
    pub async fn send(&self, message: &OutboxRow) -> Result<String, SendError> {
        let (path, body) = match message.channel.as_str() {
            "email" => (
                "/v2/notifications/email",
                serde_json::json!({
                    "email_address": message.address,
                    "template_id": self.settings.email_template,
                    "personalisation": { "subject": message.subject, "body": message.body },
                    "reference": message.id,
                }),
            ),
            _ => (
                "/v2/notifications/sms",
                serde_json::json!({
                    "phone_number": message.address,
                    "template_id": self.settings.sms_template,
                    "personalisation": { "body": message.body },
                    "reference": message.id,
                }),
            ),
        };
        let response = self
            .http
            .post(format!("{}{path}", self.settings.base_url))
            .header("Authorization", self.auth())
            .json(&body)
            .send()
            .await
            .map_err(|e| SendError::Again(plain_error(&e)))?;
        let status = response.status();
        let answer: serde_json::Value = response.json().await.unwrap_or_default();
        if status.is_success() {
            return Ok(answer["id"].as_str().unwrap_or_default().to_owned());
        }
        let said = answer["errors"][0]["message"]
            .as_str()
            .unwrap_or("no reason given")
            .to_owned();
        let detail = format!("Notify answered {}: {said}", status.as_u16());
        if matches!(status.as_u16(), 401 | 403) {
            // The key was refused: a clock out of step or a key being changed. Worth
            // trying again, and someone must look now.
            tracing::error!(%detail, "GOV.UK Notify refused the API key");
            Err(SendError::Again(detail))
        } else if status.as_u16() == 429 || status.is_server_error() {
            Err(SendError::Again(detail))
        } else {
            Err(SendError::Never(detail))
        }
    }

    /// Notify's id for a message sent with this reference, if it has one.
    pub async fn find(&self, reference: &str) -> Result<Option<String>, SendError> {
        let response = self
            .http
            .get(format!("{}/v2/notifications", self.settings.base_url))
            .query(&[("reference", reference)])
            .header("Authorization", self.auth())
            .send()
            .await
            .map_err(|e| SendError::Again(plain_error(&e)))?;
        if !response.status().is_success() {
            return Err(SendError::Again(format!(
                "Notify answered {} to a look-up",
                response.status().as_u16()
            )));
        }
        let answer: serde_json::Value = response
            .json()
            .await
            .map_err(|e| SendError::Again(plain_error(&e)))?;
        Ok(answer["notifications"][0]["id"].as_str().map(str::to_owned))
    }
}

/// A request's failure in a few words, without the address it went to.
fn plain_error(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "Notify did not answer in time".to_owned()
    } else if error.is_connect() {
        "could not reach Notify".to_owned()
    } else {
        "the request to Notify failed".to_owned()
    }
}

/// When to try again after `tries` failures, or `None` to give up.
fn backoff(tries: i64) -> Option<Duration> {
    match tries {
        1 => Some(Duration::from_secs(5)),
        2 => Some(Duration::from_secs(30)),
        3 => Some(Duration::from_secs(120)),
        4 => Some(Duration::from_secs(600)),
        5..=9 => Some(Duration::from_secs(1800)),
        _ => None,
    }
}

/// The timed work of messages: sends what is due, takes alert steps that are due, and
/// queues the day's reminders, every `every`, until the server stops.
pub async fn run(
    store: Store,
    client: Option<NotifyClient>,
    messaging: Messaging,
    every: Duration,
) {
    // Without Notify nobody can be reached: what events queue waits in the outbox, and no
    // timed work runs (so no statement runs in the background either).
    let Some(client) = client else {
        tracing::warn!(
            "GOV.UK Notify is not configured (notify.api_key): messages and urgent alerts wait in the outbox, unsent, and alerts do not escalate"
        );
        return;
    };
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // By the store's clock, which tests move.
    let mut reminders_looked: Option<i64> = None;
    loop {
        tick.tick().await;
        // Reminders are looked for once a minute; alerts and sending every round.
        let now = store.now();
        let reminders = reminders_looked.is_none_or(|at| now - at >= REMINDERS_EVERY_MS);
        if reminders {
            reminders_looked = Some(now);
        }
        if let Err(error) = once(&store, &client, &messaging, reminders).await {
            tracing::error!(%error, "messages: this round failed; the next will try again");
        }
    }
}

/// How often the day's reminders are looked for, in milliseconds.
const REMINDERS_EVERY_MS: i64 = 60_000;

/// The most messages one round sends, so that alerts' steps are taken between rounds
/// however full the outbox is (alerts are sent first in each round).
const ROUND: i64 = 50;

/// One round: alert steps, the day's reminders if asked, then sending.
async fn once(
    store: &Store,
    client: &NotifyClient,
    messaging: &Messaging,
    reminders: bool,
) -> Result<(), app::backend::StoreError> {
    app::backend::notices::escalate_due(store, messaging).await?;
    if reminders {
        app::backend::notices::queue_reminders(store, messaging).await?;
    }
    send_due(store, client, messaging).await?;
    Ok(())
}

/// Sends up to a round's worth of the messages that are due, urgent alerts first.
async fn send_due(
    store: &Store,
    client: &NotifyClient,
    messaging: &Messaging,
) -> Result<usize, app::backend::StoreError> {
    let due = outbox::due(&mut *store.pool_connection().await?, store.now(), ROUND).await?;
    let mut sent = 0;
    for message in due {
        if send_one(store, client, messaging, &message).await? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Sends one message, or puts it off. Answers whether it went (or was found to have gone).
async fn send_one(
    store: &Store,
    client: &NotifyClient,
    messaging: &Messaging,
    message: &OutboxRow,
) -> Result<bool, app::backend::StoreError> {
    let now = store.now();
    // Taken for this sender alone: another copy of the server on the same database
    // leaves it be, and if this one stops mid-way it is due again after the lease.
    let lease = now + i64::try_from(CLAIM_LEASE.as_millis()).unwrap_or(i64::MAX);
    if !outbox::claim(&mut *store.pool_connection().await?, message, lease).await? {
        return Ok(false);
    }
    if let Some(until) = quiet_until(message, messaging, now) {
        let detail = "held until quiet hours end";
        record(
            store,
            message,
            Outcome::Allowed,
            outbox::Outcome::Held,
            None,
            detail,
            Some(until),
        )
        .await?;
        return Ok(false);
    }
    if !still_chosen(store, message).await? {
        let detail = "cancelled: the member no longer chooses this address";
        record(
            store,
            message,
            Outcome::Allowed,
            outbox::Outcome::Cancelled,
            None,
            detail,
            None,
        )
        .await?;
        return Ok(false);
    }
    // Any request started before may have reached Notify (cut short, timed out, or a 5xx
    // after taking it): look before sending again.
    if message.started > 0 {
        match client.find(&message.id).await {
            Ok(Some(id)) => {
                let found = outbox::Outcome::Found;
                record(
                    store,
                    message,
                    Outcome::Allowed,
                    found,
                    Some(&id),
                    "found already sent",
                    None,
                )
                .await?;
                return Ok(true);
            }
            Ok(None) => {}
            Err(SendError::Again(detail) | SendError::Never(detail)) => {
                return failed(store, message, &detail).await.map(|()| false);
            }
        }
    }
    outbox::attempt(
        &mut *store.pool_connection().await?,
        &message.id,
        outbox::Outcome::Started,
        None,
        "",
        now,
        None,
    )
    .await?;
    match client.send(message).await {
        Ok(id) => {
            record(
                store,
                message,
                Outcome::Allowed,
                outbox::Outcome::Sent,
                Some(&id),
                "sent",
                None,
            )
            .await?;
            Ok(true)
        }
        Err(SendError::Again(detail)) => failed(store, message, &detail).await.map(|()| false),
        Err(SendError::Never(detail)) => {
            tracing::error!(message = %message.id, %detail, "Notify refused a message");
            let gave_up = outbox::Outcome::GaveUp;
            record(
                store,
                message,
                Outcome::Failed,
                gave_up,
                None,
                &detail,
                None,
            )
            .await?;
            Ok(false)
        }
    }
}

/// How long a sender holds a message it is sending: longer than any request may take.
const CLAIM_LEASE: Duration = Duration::from_secs(120);

/// When a member's quiet hours end, if they hold the message now.
fn quiet_until(message: &OutboxRow, messaging: &Messaging, now: i64) -> Option<i64> {
    use chrono::Timelike;
    let quiet = message.quiet()?;
    let local = messaging.zone.local(now)?;
    let wait = quiet.wait_from(local.hour(), local.minute())?;
    Some(now + i64::from(wait) * 60_000 - i64::from(local.second()) * 1000)
}

/// Whether a message to a member still goes to an address they choose. Choosing again
/// cancels what waits; this catches a choice made while the message was being sent.
async fn still_chosen(
    store: &Store,
    message: &OutboxRow,
) -> Result<bool, app::backend::StoreError> {
    let Some(member) = message
        .recipient
        .strip_prefix("member:")
        .and_then(|m| app::domain::ids::MemberId::parse(m).ok())
    else {
        return Ok(true);
    };
    let chosen = outbox::choices_of(&mut *store.pool_connection().await?, member).await?;
    Ok(chosen.is_some_and(|row| {
        row.choices.chosen().iter().any(|(channel, address)| {
            channel.code() == message.channel && *address == message.address
        })
    }))
}

/// A try that may work later: again after the backoff, or given up after the last.
async fn failed(
    store: &Store,
    message: &OutboxRow,
    detail: &str,
) -> Result<(), app::backend::StoreError> {
    let tries = message.tries + 1;
    match backoff(tries) {
        Some(wait) => {
            let next = store.now() + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX);
            let outcome = outbox::Outcome::Failed;
            record(
                store,
                message,
                Outcome::Failed,
                outcome,
                None,
                detail,
                Some(next),
            )
            .await
        }
        None => {
            tracing::error!(message = %message.id, "gave up sending a message after {tries} tries");
            let outcome = outbox::Outcome::GaveUp;
            record(store, message, Outcome::Failed, outcome, None, detail, None).await
        }
    }
}

/// Records an outcome and audits it, in one transaction, in the family's chain.
async fn record(
    store: &Store,
    message: &OutboxRow,
    audit: Outcome,
    outcome: outbox::Outcome,
    notify_id: Option<&str>,
    detail: &str,
    next: Option<i64>,
) -> Result<(), app::backend::StoreError> {
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    outbox::attempt(
        &mut audited.tx,
        &message.id,
        outcome,
        notify_id,
        detail,
        at,
        next,
    )
    .await?;
    // Someone an alert was meant to reach cannot be: its next step is taken now, not
    // after the wait.
    if outcome == outbox::Outcome::GaveUp
        && let Some(alert) = &message.alert_id
        && outbox::bring_forward(&mut audited.tx, alert, at).await?
    {
        tracing::warn!(message = %message.id, "an alert's message could not be sent: its next step is taken now");
    }
    audited
        .finish(AuditRecord::new(
            &Who::operator(),
            "send_message",
            message.family(),
            Some(message.id.clone()),
            audit,
            format!(
                "{} {} to {}: {}: {detail}",
                message.kind,
                message.channel,
                message.recipient,
                outcome.code()
            ),
        ))
        .await
}

/// Whether a callback carries the configured bearer token. Compared in constant time.
fn callback_allowed(state: &crate::state::AppState, headers: &axum::http::HeaderMap) -> bool {
    let Some(expected) = state.callback_token.as_deref() else {
        return false;
    };
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |differ, (a, b)| differ | (a ^ b))
            == 0
}

/// GOV.UK Notify's delivery receipt. A message that can never be delivered (Notify's
/// `permanent-failure`: the number or address does not take messages, or its owner
/// opted out) stops that channel for the member it was sent to.
pub async fn receipt(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> axum::http::StatusCode {
    callback(&state, &headers, &body, |receipt| {
        (receipt["status"] == "permanent-failure")
            .then(|| (receipt["reference"].as_str().map(str::to_owned), None))
    })
    .await
}

/// A text message someone sent back. STOP (or UNSUBSCRIBE) stops texts to that number for
/// every member who chose it.
pub async fn inbound(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> axum::http::StatusCode {
    callback(&state, &headers, &body, |text| {
        let said = text["content"]
            .as_str()
            .unwrap_or_default()
            .trim()
            .to_uppercase();
        matches!(said.as_str(), "STOP" | "STOPALL" | "UNSUBSCRIBE")
            .then(|| (None, text["source_number"].as_str().map(str::to_owned)))
    })
    .await
}

/// A callback from Notify: checks its token, reads its JSON, and, where `opts_out` finds
/// a message reference or a number that opted out, stops that channel.
async fn callback(
    state: &crate::state::AppState,
    headers: &axum::http::HeaderMap,
    body: &[u8],
    opts_out: impl Fn(&serde_json::Value) -> Option<(Option<String>, Option<String>)>,
) -> axum::http::StatusCode {
    use axum::http::StatusCode;
    if !callback_allowed(state, headers) {
        return StatusCode::NOT_FOUND;
    }
    let Ok(said) = serde_json::from_slice::<serde_json::Value>(body) else {
        return StatusCode::BAD_REQUEST;
    };
    let Some((reference, mobile)) = opts_out(&said) else {
        return StatusCode::NO_CONTENT;
    };
    let store = &state.services.store;
    match app::backend::notices::opted_out(store, reference.as_deref(), mobile.as_deref()).await {
        Ok(_) => StatusCode::NO_CONTENT,
        Err(error) => {
            tracing::error!(%error, "could not record that someone opted out");
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "portal_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    #[test]
    fn a_key_is_read_into_its_service_id_and_secret() {
        let key = NotifyKey::parse(KEY).expect("a well-formed key");
        assert_eq!(key.service_id, "26785a09-ab16-4eb0-8407-a37497a57506");
        assert!(!format!("{key:?}").contains("3d844edf"));
        for wrong in ["", "short", &KEY.replace("-3d8", "x3d8")] {
            assert!(NotifyKey::parse(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn a_token_is_accepted_by_its_own_key_only_and_only_while_fresh() {
        let key = NotifyKey::parse(KEY).expect("a well-formed key");
        let token = key.token(1_000);
        assert!(key.accepts(&token, 1_010, 30));
        assert!(!key.accepts(&token, 1_031, 30));
        let other = NotifyKey::parse(&KEY.replace("3d844edf", "4d844edf")).expect("a key");
        assert!(!other.accepts(&token, 1_000, 30));
        assert!(!key.accepts(&token.replace('.', ","), 1_000, 30));
    }

    #[test]
    fn tries_back_off_then_give_up_after_ten() {
        assert_eq!(backoff(1), Some(Duration::from_secs(5)));
        assert!(backoff(2) < backoff(3) && backoff(3) < backoff(4));
        assert_eq!(backoff(9), Some(Duration::from_secs(1800)));
        assert_eq!(backoff(10), None);
    }
}
