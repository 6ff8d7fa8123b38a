//! `cargo bench -p server --bench readers` (run by `scripts/bench.sh`): figures, not a test.
//!
//! Signed-in page views a second: parents' `/home`, each an audited read that appends a
//! row to the family's audit chain, with 1, 4, 16 and 64 readers at once, all of one
//! family and each of a different family, next to the start page (not signed in, not
//! audited) in the same run, on SQLite and on PostgreSQL. What it shows is whether audited
//! reads of different families queue on each other.
//!
//! Before the load, one view of each page is watched for the SQL statements it runs (sqlx
//! reports each one to `tracing`), and the count is printed: a page whose count grows with
//! the data, or repeats itself, shows here.
//!
//! PostgreSQL is the server at `POSTGRES_BENCH_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`); the benchmark makes a database of its
//! own there and drops it afterwards. Load goes to loopback only, for a fixed time, and
//! stops by itself.
#![expect(
    clippy::expect_used,
    reason = "a test or benchmark fails loudly at the step that went wrong"
)]

use app::backend::store::{self, Who};
use app::backend::{NewEntry, NewFamily, NewMember, Store};
use app::domain::entries::EntryBody;
use app::domain::ids::SubmissionId;
use app::domain::people::MemberKind;
use server::Application;
use server::config::{Config, Secret};
use std::time::Duration;

#[path = "support/load.rs"]
mod load;
#[path = "support/serve.rs"]
mod serve;
#[path = "../tests/it/support/statements.rs"]
mod statements;
#[path = "support/team.rs"]
mod team;

use serve::{admin_sql, config, signed_in};

const READERS: [usize; 4] = [1, 4, 16, 64];
const FAMILIES: usize = 64;
const ENTRIES_EACH: usize = 5;
/// Warming up, then measuring, for each figure.
const TIMES: (Duration, Duration) = (Duration::from_millis(500), Duration::from_secs(3));

fn main() {
    statements::install();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let data = tempfile::TempDir::new().expect("a temporary directory");
        let sqlite = Config {
            data_dir: data.path().to_owned(),
            ..config()
        };
        report("SQLite", sqlite).await;

        let admin = std::env::var("POSTGRES_BENCH_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let name = format!("portal_bench_{}", uuid::Uuid::new_v4().simple());
        let (base, _) = admin.rsplit_once('/').expect("a database URL has a path");
        admin_sql(&admin, &format!("CREATE DATABASE {name}")).await;
        let postgres = Config {
            database_url: Some(Secret::new(format!("{base}/{name}"))),
            database_max_connections: 32,
            ..config()
        };
        report("PostgreSQL", postgres).await;
        admin_sql(
            &admin,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        )
        .await;
    });
}

/// Starts the portal on `config`, gives it families, and prints the figures.
async fn report(backend: &str, config: Config) {
    let application = Application::build(config).await.expect("the portal starts");
    let base = format!("http://{}", application.address());
    let store = application.store().clone();
    tokio::spawn(application.run_until(std::future::pending()));
    let seeded = families(&store).await;
    let cookies = seeded.parents.clone();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(128)
        .build()
        .expect("a client");
    let home = format!("{base}/home");
    let first = client
        .get(&home)
        .header("cookie", &cookies[0])
        .send()
        .await
        .expect("the portal answers");
    assert!(
        first.status().is_success(),
        "a parent's home answers {}",
        first.status()
    );
    let statements_home = statements(&client, &home, Some(&cookies[0])).await;
    let statements_start = statements(&client, &format!("{base}/"), None).await;
    let family = &seeded.first_family;
    let worker = Some(seeded.worker.as_str());
    let mut worker_pages = Vec::new();
    for (page, path) in [
        ("the caseload", "/home".to_owned()),
        ("a family", format!("/families/{family}")),
        ("Module 8", format!("/families/{family}/views")),
        ("the pack", format!("/families/{family}/pack")),
    ] {
        let count = statements(&client, &format!("{base}{path}"), worker).await;
        worker_pages.push(format!("{page} {count}"));
    }
    let start = load::rate(&client, &format!("{base}/"), &[None], 16, TIMES).await;
    println!();
    println!(
        "{backend}: page views a second, {} s each, loopback ({FAMILIES} families of \
         {ENTRIES_EACH} entries)",
        TIMES.1.as_secs()
    );
    println!("  start page, not signed in, 16 at once {start:>9.0}");
    println!(
        "  SQL statements for one view: the start page {statements_start}, a parent's /home \
         {statements_home}"
    );
    println!(
        "  and for the worker allocated to all {FAMILIES}: {}",
        worker_pages.join(", ")
    );
    println!("  a parent's /home, signed in:   readers  one family  different families");
    let one_family = [Some(cookies[0].clone())];
    let every_family: Vec<Option<String>> = cookies.iter().cloned().map(Some).collect();
    for readers in READERS {
        let same = load::rate(&client, &home, &one_family, readers, TIMES).await;
        let spread = load::rate(&client, &home, &every_family, readers, TIMES).await;
        println!("  {:>40} {same:>11.0} {spread:>19.0}", readers);
    }
    let rows = store.audit_count().await.expect("the trail counts");
    let report = store.verify_audit().await.expect("the trail verifies");
    println!(
        "  audit rows written: {rows}, in {} chains; verify-audit: {}",
        report.chains,
        if report.problems.is_empty() {
            "whole"
        } else {
            "BROKEN"
        }
    );
}

/// What the benchmark signs in as.
struct Seeded {
    /// Each parent's `Cookie` header, one per family.
    parents: Vec<String>,
    /// The social worker allocated to every family.
    worker: String,
    first_family: String,
}

/// `FAMILIES` families, each with a parent who wrote `ENTRIES_EACH` entries (shared with
/// the workers) and is signed in, and one social worker allocated to them all.
async fn families(store: &Store) -> Seeded {
    let now = store.now();
    let mut conn = store.pool_connection().await.expect("a connection");
    let team::Team {
        council,
        team,
        worker,
    } = team::team(store, &mut conn, "Benchshire (fictional)", "Sam Bench").await;
    let mut cookies = Vec::new();
    let mut first_family = String::new();
    for n in 0..FAMILIES {
        let reference = format!("BENCH-{n}");
        let family = store::people::create_family(
            &mut conn,
            council,
            NewFamily {
                team,
                reference: &reference,
                display_name: "A bench family (fictional)",
            },
            now,
        )
        .await
        .expect("a family");
        store::people::allocate(&mut conn, family, worker, now)
            .await
            .expect("allocated");
        if n == 0 {
            first_family = family.to_string();
        }
        let parent = store::people::add_member(
            &mut conn,
            family,
            NewMember {
                kind: MemberKind::ParentCarer,
                display_name: "Pat Bench",
                date_of_birth: None,
            },
            now,
        )
        .await
        .expect("a parent");
        for _ in 0..ENTRIES_EACH {
            let body = EntryBody::ChangeTalk(
                app::domain::tools::ChangeTalk::parse("none", "Words for the benchmark")
                    .expect("words"),
            );
            let mut audited = store.begin_audited().await.expect("a transaction");
            let at = audited.now();
            let entry = NewEntry {
                family,
                author: parent,
                submission: SubmissionId::new(),
                body: &body,
                by: Who::operator(),
                supported: None,
                share_with_workers: true,
                draft: None,
                language: None,
            };
            let created = store::entries::create_entry(&mut audited.tx, entry, at)
                .await
                .expect("an entry");
            audited.keep(created).await.expect("kept");
        }
        let account = store::identity::account_for_member(&mut conn, parent, now)
            .await
            .expect("an account");
        cookies.push(signed_in(&mut conn, account, now).await);
    }
    let account = store::identity::account_for_staff(&mut conn, worker, now)
        .await
        .expect("an account");
    Seeded {
        parents: cookies,
        worker: signed_in(&mut conn, account, now).await,
        first_family,
    }
}

/// The statements one view of `url` runs.
async fn statements(client: &reqwest::Client, url: &str, cookie: Option<&str>) -> u64 {
    let mut request = client.get(url);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let (run, ()) = statements::watched(async {
        let answered = request.send().await.expect("the portal answers");
        assert!(
            answered.status().is_success(),
            "{url} answers {}",
            answered.status()
        );
        let _ = answered.bytes().await;
    })
    .await;
    run.len() as u64
}
