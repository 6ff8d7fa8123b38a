//! `cargo bench -p server --bench flood` (run by `scripts/bench.sh`): figures, not a test.
//!
//! How long a signed-in practitioner waits for their home page (the caseload), first at
//! rest and then while 10,000 anonymous requests that the portal refuses arrive at once
//! from concurrent tasks on loopback: what a stranger's flood costs everyone else. It
//! also prints how many rows the flood added to the audit trail. The flood is a fixed
//! number of requests, each giving up after 30 seconds, so the run stops by itself.
#![expect(
    clippy::expect_used,
    reason = "a test or benchmark fails loudly at the step that went wrong"
)]

use app::backend::store;
use server::Application;
use server::config::Config;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const PAGE_RUNS: usize = 100;
const FLOOD: u64 = 10_000;
const FLOOD_TASKS: u64 = 32;
const TIMEOUT: Duration = Duration::from_secs(30);

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(run());
}

async fn run() {
    let data = tempfile::TempDir::new().expect("a temporary directory");
    let config = Config {
        listen: "127.0.0.1:0".parse().expect("an address"),
        data_dir: data.path().to_owned(),
        log_level: "error".to_owned(),
        ..Config::default()
    };
    let application = Application::build(config).await.expect("the portal starts");
    let base = format!("http://{}", application.address());
    let store = application.store().clone();
    tokio::spawn(application.run_until(std::future::pending()));

    server::seed::seed_demo(&store)
        .await
        .expect("the demo data");
    let mut conn = store.pool_connection().await.expect("a connection");
    let staff = store::people::staff_by_name(&mut conn, "Sam Sample")
        .await
        .expect("staff")[0];
    let account = store::identity::account_for_staff(&mut conn, staff, store.now())
        .await
        .expect("an account");
    let token = app::backend::auth::new_token();
    store::identity::create_session(
        &mut conn,
        &app::backend::auth::hash_secret(&token),
        Some(account),
        None,
        store.now(),
    )
    .await
    .expect("a signed-in session");
    let cookie = format!("portal-session={token}");
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .expect("a client");
    let home = format!("{base}/home");

    let at_rest = page_times(&client, &home, &cookie, &AtomicBool::new(true)).await;

    let audit_before = store.audit_count().await.expect("the audit trail");
    let sent = Arc::new(AtomicU64::new(0));
    let flooding = Arc::new(AtomicBool::new(true));
    let started = Instant::now();
    let mut flood = tokio::task::JoinSet::new();
    for _ in 0..FLOOD_TASKS {
        let client = client.clone();
        let home = home.clone();
        let sent = sent.clone();
        flood.spawn(async move {
            while sent.fetch_add(1, Ordering::Relaxed) < FLOOD {
                // Refused (401) for want of signing in; errors are counted as sent too.
                let _ = client.get(&home).send().await;
            }
        });
    }
    let flood_done = {
        let flooding = flooding.clone();
        tokio::spawn(async move {
            while flood.join_next().await.is_some() {}
            flooding.store(false, Ordering::Relaxed);
            started.elapsed()
        })
    };
    let under_flood = page_times(&client, &home, &cookie, &flooding).await;
    let flood_time = flood_done.await.expect("the flood ends");
    let audit_added = store.audit_count().await.expect("the audit trail") - audit_before;
    // The practitioner's own reads are audited row by row, as always; the refusals are not.
    let refusal_rows = store
        .audit_rows()
        .await
        .expect("the audit trail")
        .iter()
        .filter(|row| row.action == "sign_in_needed")
        .count();
    let counted = store::refusals::refusals_counted(&mut conn, "127.0.0.1", "sign_in_needed")
        .await
        .expect("the refusal counts");

    println!();
    println!("A practitioner's home page (the caseload), SQLite, loopback:");
    report("at rest", &at_rest);
    report("under flood", &under_flood);
    println!(
        "  the flood: {FLOOD} anonymous requests from {FLOOD_TASKS} tasks in {:.1} s \
         ({:.0} requests/s)",
        flood_time.as_secs_f64(),
        FLOOD as f64 / flood_time.as_secs_f64()
    );
    println!(
        "  audit rows added meanwhile: {audit_added}, of which {refusal_rows} for the \
         refusals ({counted} counted in refusal_counts)"
    );
}

/// Up to `PAGE_RUNS` timed loads of the page, one after another, while `going` holds
/// (at rest it always does).
async fn page_times(
    client: &reqwest::Client,
    url: &str,
    cookie: &str,
    going: &AtomicBool,
) -> Vec<Duration> {
    let mut times = Vec::with_capacity(PAGE_RUNS);
    while times.len() < PAGE_RUNS && going.load(Ordering::Relaxed) {
        let started = Instant::now();
        let page = client
            .get(url)
            .header("cookie", cookie)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .expect("the page renders");
        let _ = page.bytes().await;
        times.push(started.elapsed());
    }
    times.sort();
    times
}

fn report(what: &str, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    if times.is_empty() {
        println!("  {what:<12} no page finished");
        return;
    }
    println!(
        "  {what:<12} median {:>7.1} ms   95th percentile {:>7.1} ms   ({} loads)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        times.len()
    );
}
