//! Webhooks for the case system: "family X has new shared input", with no words and no
//! names, posted to the address an admin gave a client, signed, from a durable outbox.
//!
//! What a family shares with its workers queues one notice for each client of the
//! family's team that has an address, in the same transaction as the share (the store's
//! `case_system::queue_webhooks`); while one is waiting, more shares only move its time
//! on. This task posts what is due, retries with backoff, gives up after
//! `GIVE_UP_AFTER` tries, and writes each delivery into the family's audit chain. A
//! notice is a hint to fetch `changes`: a case system still polls now and then.

use app::backend::store::case_system::{self as stored, Claimed, DueWebhook};
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

/// Whether the portal is served on this machine alone (`localhost`), as when it is being
/// tried out: only then may webhooks go to this machine.
pub fn on_this_machine(origin: &url::Url) -> bool {
    matches!(origin.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"))
}

/// Whether a notice may go to this address: on the public internet, or on this machine
/// when `this_machine` allows it. Never a private, loopback or link-local network.
fn allowed(ip: std::net::IpAddr, this_machine: bool) -> bool {
    if ip.is_loopback() {
        return this_machine;
    }
    match ip {
        std::net::IpAddr::V4(v4) => app::backend::case_system::public_v4(v4),
        std::net::IpAddr::V6(v6) => app::backend::case_system::public_v6(v6),
    }
}

/// Resolves a webhook's host name, keeping only the addresses a notice may go to, so a
/// name that points inside the council's network (now, or after the address was
/// checked) is never reached. The connection uses exactly these addresses.
struct OutsideOnly {
    this_machine: bool,
}

impl reqwest::dns::Resolve for OutsideOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let this_machine = self.this_machine;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found = tokio::net::lookup_host((host.as_str(), 0)).await?;
            let kept: Vec<std::net::SocketAddr> = found
                .filter(|address| allowed(address.ip(), this_machine))
                .collect();
            if kept.is_empty() {
                return Err("the address is not on the public internet".into());
            }
            let addresses: reqwest::dns::Addrs = Box::new(kept.into_iter());
            Ok(addresses)
        })
    }
}

/// Posts due notices until the server stops, every `every`. `this_machine`: whether
/// notices may go to this machine (see `on_this_machine`).
pub async fn run(store: Store, every: Duration, this_machine: bool) {
    let client = match reqwest::Client::builder()
        .timeout(TIMEOUT)
        // A redirect could lead anywhere, inside the network too: a notice goes only to
        // the address the admin gave.
        .redirect(reqwest::redirect::Policy::none())
        .dns_resolver(std::sync::Arc::new(OutsideOnly { this_machine }))
        .build()
    {
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
        if let Err(error) = round(&store, &client, this_machine).await {
            tracing::warn!(%error, "webhooks: a round failed; the next tries again");
        }
    }
}

/// One round: every notice due now, each claimed (with the time of its own claim) so
/// that two servers on one database never post the same one at once.
async fn round(
    store: &Store,
    client: &reqwest::Client,
    this_machine: bool,
) -> Result<(), app::backend::StoreError> {
    let due =
        stored::due_webhooks(&mut *store.pool_connection().await?, store.now(), ROUND).await?;
    for notice in due {
        let now = store.now();
        let until = now + 2 * i64::try_from(TIMEOUT.as_millis()).unwrap_or(i64::MAX / 4);
        let conn = &mut *store.pool_connection().await?;
        if !stored::claim_webhook(conn, &notice.id, now, until).await? {
            continue;
        }
        let claimed = Claimed {
            id: &notice.id,
            until,
            posted_for: notice.last_at,
        };
        deliver(store, client, &notice, claimed, this_machine).await?;
    }
    Ok(())
}

/// Whether a URL's host, when it is an address rather than a name, may be reached.
fn literal_allowed(url: &str, this_machine: bool) -> bool {
    match url::Url::parse(url)
        .ok()
        .and_then(|u| u.host().map(|h| h.to_owned()))
    {
        Some(url::Host::Ipv4(ip)) => allowed(ip.into(), this_machine),
        Some(url::Host::Ipv6(ip)) => allowed(ip.into(), this_machine),
        Some(url::Host::Domain(_)) => true,
        None => false,
    }
}

async fn deliver(
    store: &Store,
    client: &reqwest::Client,
    notice: &DueWebhook,
    claimed: Claimed<'_>,
    this_machine: bool,
) -> Result<(), app::backend::StoreError> {
    let now = store.now();
    let body = serde_json::json!({
        "event": "new_shared_input",
        "family_reference": notice.family_reference,
        "family_id": notice.family.to_string(),
        "at": app::dto::case_api::rfc3339(notice.last_at),
    })
    .to_string();
    let outcome = if literal_allowed(&notice.url, this_machine) {
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
        match sent {
            Ok(response) if response.status().is_success() => Ok(()),
            Ok(response) => Err(format!("answered {}", response.status().as_u16())),
            Err(error) if error.is_timeout() => Err("no answer in time".to_owned()),
            Err(_) => Err("could not be reached".to_owned()),
        }
    } else {
        Err("the address is not on the public internet".to_owned())
    };
    let who = Who {
        account: Some(AccountId::from_uuid(notice.client.as_uuid())),
        name: notice.client_name.clone(),
        role: "Case system".to_owned(),
    };
    // The notice's new state and its audit row, in one transaction.
    let mut audited = store.begin_audited().await?;
    let now = audited.now();
    let (kept, record) = match outcome {
        Ok(()) => (
            stored::webhook_delivered(&mut audited.tx, claimed, now).await?,
            AuditRecord::new(
                &who,
                "webhook_sent",
                Some(notice.family),
                Some(notice.id.clone()),
                Outcome::Allowed,
                "new shared input; no words",
            ),
        ),
        Err(why) => {
            let tries = notice.tries + 1;
            let next = (tries < GIVE_UP_AFTER).then(|| now + backoff_ms(tries));
            tracing::info!(client = %notice.client, tries, %why, "a webhook was not taken");
            let detail = match next {
                Some(_) => format!("new shared input; not taken ({why}); try {tries}"),
                None => {
                    format!("new shared input; not taken ({why}); given up after {tries} tries")
                }
            };
            (
                stored::webhook_failed(&mut audited.tx, claimed, tries, next, &why, now).await?,
                AuditRecord::new(
                    &who,
                    "webhook_sent",
                    Some(notice.family),
                    Some(notice.id.clone()),
                    Outcome::Failed,
                    detail,
                ),
            )
        }
    };
    if !kept {
        tracing::warn!(client = %notice.client, "a webhook's claim lapsed while it was posted");
    }
    audited.finish(record).await
}
