//! `cargo bench -p server --bench scale` (run by `scripts/bench.sh`): figures, not a test.
//!
//! Whether a page's time depends on how much the whole deployment holds. The benchmark
//! makes a fictional county (1,000 families) and a fictional England (50,000 families,
//! 10 million entries) with `seed-scale`'s code, each in a PostgreSQL database of its own,
//! and times the same pages for the same kind of family and practitioner in both: a
//! parent's `/home`, a social worker's caseload (their `/home`), Module 8 and the pack.
//! It times a parent's home and the caseload before the audit trail is added and again
//! with it (10 million rows from other families in England), and prints the ratios. It
//! also prints the time and disk each place took, the trail's size per million page views
//! (each view writes one row) and how long `verify-audit` takes per million rows, and
//! how long an admin waits for the evaluation export of the first council, as CSV.
//!
//! England takes about 20 GB of disk and half an hour to make; set
//! `SCALE_BENCH=county` to make the county only. PostgreSQL is the server at
//! `POSTGRES_BENCH_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`); the
//! databases are dropped afterwards. Requests go to loopback only, one at a time.
#![expect(
    clippy::expect_used,
    reason = "a test or benchmark fails loudly at the step that went wrong"
)]

use app::backend::Store;
use app::backend::store;
use server::Application;
use server::config::{Config, Secret};
use server::scale::{self, Shape};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

#[path = "support/serve.rs"]
mod serve;
#[path = "support/times.rs"]
mod times;

use serve::{admin_sql, config, signed_in};
use times::{median, report, time};

/// Timed loads of each page, after a few untimed ones.
const RUNS: usize = 60;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let admin = std::env::var("POSTGRES_BENCH_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let only_county = std::env::var("SCALE_BENCH").is_ok_and(|v| v == "county");
        let mut places = vec![("county", Shape::COUNTY)];
        if !only_county {
            places.push(("England", Shape::ENGLAND));
        }
        let mut figures: BTreeMap<&str, Figures> = BTreeMap::new();
        for (name, shape) in places {
            figures.insert(name, measure(&admin, name, shape).await);
        }
        if let (Some(county), Some(england)) = (figures.get("county"), figures.get("England")) {
            println!("England / county (median; target ≤ 1.5 each):");
            for (page, time) in &england.pages {
                if let Some(at_county) = county.pages.get(page) {
                    println!(
                        "  {page:<16} {:.2}",
                        median(time).as_secs_f64() / median(at_county).as_secs_f64()
                    );
                }
            }
        }
    });
}

/// Pages' times in one place, with its trail.
struct Figures {
    pages: BTreeMap<&'static str, Vec<Duration>>,
}

async fn measure(admin: &str, name: &str, shape: Shape) -> Figures {
    let database = format!("portal_scale_{}", uuid::Uuid::new_v4().simple());
    let (base, _) = admin.rsplit_once('/').expect("a database URL has a path");
    admin_sql(admin, &format!("CREATE DATABASE {database}")).await;
    let config = Config {
        database_url: Some(Secret::new(format!("{base}/{database}"))),
        database_max_connections: 8,
        evaluation: server::config::EvaluationConfig {
            pseudonym_key: Some(Secret::new("the scale benchmark's fictional pseudonym key")),
        },
        ..config()
    };
    let application = Application::build(config).await.expect("the portal starts");
    let address = format!("http://{}", application.address());
    let store = application.store().clone();
    tokio::spawn(application.run_until(std::future::pending()));

    println!("{name}: {} families", shape.families);
    let mut shown = progress();
    let started = Instant::now();
    let place = scale::seed_place(&store, shape, 1, &mut shown)
        .await
        .expect("the place is made");
    let made_in = started.elapsed();
    let before_trail = scale::database_bytes(&store).await.expect("a size");
    let pages = Pages::of_first_family(&store, &address).await;
    let client = reqwest::Client::new();
    at_rest(&store).await;
    let home_empty = pages.time(&client, "parent's /home").await;
    let caseload_empty = pages.time(&client, "caseload").await;

    let trail_started = Instant::now();
    let rows = scale::add_trail(&store, &place, shape.trail_each, &mut shown)
        .await
        .expect("the trail is added");
    let trail_in = trail_started.elapsed();
    at_rest(&store).await;
    let trail_bytes = table_bytes(&store, "audit_events").await;
    let mut figures = Figures {
        pages: BTreeMap::new(),
    };
    for page in Pages::NAMES {
        figures.pages.insert(page, pages.time(&client, page).await);
    }
    let verify_started = Instant::now();
    let report_verified = store.verify_audit().await.expect("the trail is read");
    let verify_in = verify_started.elapsed();
    assert!(report_verified.problems.is_empty(), "the trail verifies");
    let total = scale::database_bytes(&store).await.expect("a size");

    let million = 1_000_000.0;
    println!(
        "  made in {:.0} s ({:.1} GB), then {rows} audit rows in {:.0} s: {:.1} GB in all",
        made_in.as_secs_f64(),
        before_trail as f64 / 1e9,
        trail_in.as_secs_f64(),
        total as f64 / 1e9
    );
    println!(
        "  the trail: {:.0} MB per million page views (with its indexes); verify-audit \
         {:.1} s per million rows",
        trail_bytes as f64 / rows as f64,
        verify_in.as_secs_f64() / (report_verified.rows as f64 / million)
    );
    for (page, times) in &figures.pages {
        report(page, times);
    }
    evaluation_export(&store, &address, &client).await;
    let with_trail = |page: &str| median(&figures.pages[page]).as_secs_f64();
    println!(
        "  with the trail / without (median; target ≤ 1.2): parent's /home {:.2}, caseload {:.2}",
        with_trail("parent's /home") / median(&home_empty).as_secs_f64(),
        with_trail("caseload") / median(&caseload_empty).as_secs_f64(),
    );
    drop(store);
    admin_sql(
        admin,
        &format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"),
    )
    .await;
    figures
}

/// Brings the database to rest before pages are timed, as a running deployment is: every
/// table vacuumed and analysed (as autovacuum would, which a machine may have turned
/// off), and everything just written flushed to disk by a checkpoint, so that the pages
/// are not timed while gigabytes of new rows are still being written out.
async fn at_rest(store: &Store) {
    let mut conn = store.pool_connection().await.expect("a connection");
    for statement in ["VACUUM (ANALYZE)", "CHECKPOINT"] {
        sqlx::query(statement)
            .execute(&mut *conn)
            .await
            .expect("the database comes to rest");
    }
}

/// The first family's pages, as its first parent and its social worker see them.
struct Pages {
    urls: BTreeMap<&'static str, (String, String)>,
}

impl Pages {
    const NAMES: [&'static str; 4] = ["parent's /home", "caseload", "Module 8", "pack"];

    async fn of_first_family(store: &Store, address: &str) -> Pages {
        let mut conn = store.pool_connection().await.expect("a connection");
        let now = store.now();
        let (parent, family) = store::identity::member_named(&mut conn, "Parent A0 (fictional)")
            .await
            .expect("a read")
            .expect("the first family's parent");
        let worker = store::people::staff_by_name(&mut conn, "Worker 0-0-1 (fictional)")
            .await
            .expect("a read")[0];
        let parent = store::identity::account_for_member(&mut conn, parent, now)
            .await
            .expect("an account");
        let worker = store::identity::account_for_staff(&mut conn, worker, now)
            .await
            .expect("an account");
        let parent = signed_in(&mut conn, parent, now).await;
        let worker = signed_in(&mut conn, worker, now).await;
        let urls = BTreeMap::from([
            ("parent's /home", (format!("{address}/home"), parent)),
            ("caseload", (format!("{address}/home"), worker.clone())),
            (
                "Module 8",
                (format!("{address}/families/{family}/views"), worker.clone()),
            ),
            (
                "pack",
                (format!("{address}/families/{family}/pack"), worker),
            ),
        ]);
        Pages { urls }
    }

    /// `RUNS` loads of the page, one after another, sorted.
    async fn time(&self, client: &reqwest::Client, page: &str) -> Vec<Duration> {
        let (url, cookie) = &self.urls[page];
        let load = || async {
            let answered = client
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .and_then(|r| r.error_for_status())
                .expect("the page renders");
            let _ = answered.bytes().await;
        };
        time(RUNS, load).await
    }
}

/// Times the evaluation export of the first council (the worker's), as its admin makes
/// it, and prints how many rows it had.
async fn evaluation_export(store: &Store, address: &str, client: &reqwest::Client) {
    let mut conn = store.pool_connection().await.expect("a connection");
    let now = store.now();
    let worker = store::people::staff_by_name(&mut conn, "Worker 0-0-1 (fictional)")
        .await
        .expect("a read")[0];
    let council = store::people::staff_council(&mut conn, worker)
        .await
        .expect("a read")
        .expect("the worker's council");
    let admin = store::people::create_staff(
        &mut conn,
        council,
        app::backend::NewStaff {
            team: None,
            display_name: "Admin (fictional)",
            role: app::domain::people::StaffRole::Admin,
        },
        now,
    )
    .await
    .expect("an admin");
    let account = store::identity::account_for_staff(&mut conn, admin, now)
        .await
        .expect("an account");
    let cookie = signed_in(&mut conn, account, now).await;
    drop(conn);
    let url = format!("{address}/admin/evaluation.csv");
    let mut rows = 0;
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let csv = client
            .get(&url)
            .header("cookie", &cookie)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .expect("the export is made")
            .text()
            .await
            .expect("the file");
        times.push(started.elapsed());
        rows = csv.lines().count().saturating_sub(1);
    }
    times.sort();
    println!(
        "  evaluation export of the first council (CSV): {rows} rows, median {:.2} s of 5",
        median(&times).as_secs_f64()
    );
}

async fn table_bytes(store: &Store, table: &str) -> i64 {
    let (bytes,): (i64,) = sqlx::query_as("SELECT pg_total_relation_size($1::regclass)")
        .bind(table)
        .fetch_one(&mut *store.pool_connection().await.expect("a connection"))
        .await
        .expect("a size");
    bytes
}

/// A line for each tenth of each step.
fn progress() -> impl FnMut(&str, usize, usize) + Send {
    let mut shown = (String::new(), usize::MAX);
    move |step: &str, done: usize, total: usize| {
        let tenths = done * 10 / total.max(1);
        if shown.0 != step || shown.1 != tenths {
            eprintln!("  {step}: {}%", done * 100 / total.max(1));
            shown = (step.to_owned(), tenths);
        }
    }
}
