//! Webhooks for the case system: "family X has new shared input", with no words and no
//! names, posted to the address an admin gave a client, signed, from a durable outbox.
//!
//! What a family shares with its workers queues one notice for each client of the
//! family's team that has an address, in the same transaction as the share (the store's
//! `case_system::queue_webhooks`); while one is waiting, more shares only move its time
//! on. This task posts what is due, retries with backoff, gives up after
//! `GIVE_UP_AFTER` tries, and writes each delivery into the family's audit chain. A
//! notice is a hint to fetch `changes`: a case system still polls now and then.

use app::backend::store::case_system::{self as stored, DueWebhook};
use app::backend::store::{AuditRecord, Outcome, Store, Who};
use app::domain::ids::AccountId;
use hmac::Mac;
use std::time::Duration;

/// How many times a notice is tried before it is given up.
pub const GIVE_UP_AFTER: i64 = 12;
/// How long one post may take.
const TIMEOUT: Duration = Duration::from_secs(10);
/// The most notices one round posts.
const ROUND: i64 = 50;

/// How long to wait before try `tries + 1`: 30 seconds, doubling, at most an hour.
pub fn backoff_ms(tries: i64) -> i64 {
    (30_000_i64 << tries.clamp(0, 7)).min(60 * 60_000)
}

/// The signature of `body` sent at `seconds` (Unix time), keyed with the client's key:
/// `t=<seconds>,v1=<hex HMAC-SHA256 of "<seconds>.<body>">`. The key is the SHA-256 of
/// the client's secret, as hex: what the portal keeps, and what the client can work out
/// from the secret it holds.
pub fn signature(key: &str, seconds: i64, body: &str) -> String {
    let mut mac = crate::notify::hmac_for(key);
    mac.update(format!("{seconds}.{body}").as_bytes());
    let tag = mac.finalize().into_bytes();
    let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
    format!("t={seconds},v1={hex}")
}

/// Posts due notices until the server stops, every `every`.
pub async fn run(store: Store, every: Duration) {
    let client = match reqwest::Client::builder().timeout(TIMEOUT).build() {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "webhooks cannot be sent: no HTTP client");
            return;
        }
    };
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(error) = round(&store, &client).await {
            tracing::warn!(%error, "webhooks: a round failed; the next tries again");
        }
    }
}

/// One round: every notice due now, each claimed first so that two servers on one
/// database never post the same one at once.
async fn round(store: &Store, client: &reqwest::Client) -> Result<(), app::backend::StoreError> {
    let now = store.now();
    let due = stored::due_webhooks(&mut *store.pool_connection().await?, now, ROUND).await?;
    for notice in due {
        let until = now + 2 * TIMEOUT.as_millis() as i64;
        if !stored::claim_webhook(&mut *store.pool_connection().await?, &notice.id, now, until)
            .await?
        {
            continue;
        }
        deliver(store, client, &notice).await?;
    }
    Ok(())
}

async fn deliver(
    store: &Store,
    client: &reqwest::Client,
    notice: &DueWebhook,
) -> Result<(), app::backend::StoreError> {
    let now = store.now();
    let body = serde_json::json!({
        "event": "new_shared_input",
        "family_reference": notice.family_reference,
        "family_id": notice.family.to_string(),
        "at": app::dto::case_api::rfc3339(notice.last_at),
    })
    .to_string();
    let sent = client
        .post(&notice.url)
        .header("content-type", "application/json")
        .header("x-portal-delivery", &notice.id)
        .header(
            "x-portal-signature",
            signature(&notice.key, now.div_euclid(1000), &body),
        )
        .body(body)
        .send()
        .await;
    let outcome = match sent {
        Ok(response) if response.status().is_success() => Ok(()),
        Ok(response) => Err(format!("answered {}", response.status().as_u16())),
        Err(error) if error.is_timeout() => Err("no answer in time".to_owned()),
        Err(_) => Err("could not be reached".to_owned()),
    };
    let conn = &mut *store.pool_connection().await?;
    match outcome {
        Ok(()) => {
            stored::webhook_delivered(conn, &notice.id, notice.last_at, now).await?;
            store
                .audit(AuditRecord::new(
                    &Who {
                        account: Some(AccountId::from_uuid(notice.client.as_uuid())),
                        name: notice.client_name.clone(),
                        role: "Case system".to_owned(),
                    },
                    "webhook_sent",
                    Some(notice.family),
                    Some(notice.id.clone()),
                    Outcome::Allowed,
                    "new shared input; no words",
                ))
                .await?;
        }
        Err(why) => {
            let tries = notice.tries + 1;
            let next = (tries < GIVE_UP_AFTER).then(|| now + backoff_ms(tries));
            tracing::info!(client = %notice.client, tries, %why, "a webhook was not taken");
            stored::webhook_failed(conn, &notice.id, tries, next, &why).await?;
        }
    }
    Ok(())
}
