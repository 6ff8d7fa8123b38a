//! What the integration tests share: fresh databases on both backends, and a running
//! application on a free port.

pub mod demo;
pub mod languages;
pub mod statements;

use app::backend::{Store, StoreError, store};
use server::Application;
use server::config::Config;
use std::path::PathBuf;
use tempfile::TempDir;

/// The PostgreSQL server the tests use. `scripts/test.sh` makes sure one is running;
/// if none answers, the tests fail rather than skip.
pub fn postgres_admin_url() -> String {
    std::env::var("POSTGRES_TEST_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A fresh, migrated database, removed again by `finish`.
pub struct TestDb {
    pub store: Store,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(TempDir),
    Postgres { admin: String, name: String },
}

#[derive(Clone, Copy, Debug)]
pub enum Kind {
    Sqlite,
    Postgres,
}

impl TestDb {
    pub async fn new(kind: Kind) -> TestDb {
        let db = TestDb::empty(kind).await;
        db.store.migrate().await.expect("migrations run");
        db
    }

    /// A fresh database with no schema yet, for tests of the migrations themselves.
    pub async fn empty(kind: Kind) -> TestDb {
        match kind {
            Kind::Sqlite => {
                let dir = TempDir::new().expect("a temporary directory");
                let url = Store::sqlite_url(dir.path());
                let store = Store::connect(&url, 4).await.expect("SQLite opens");
                TestDb {
                    store,
                    url,
                    cleanup: Cleanup::Sqlite(dir),
                }
            }
            Kind::Postgres => {
                let admin = postgres_admin_url();
                let name = format!("portal_test_{}", uuid::Uuid::new_v4().simple());
                let admin_store = Store::connect(&admin, 1).await.unwrap_or_else(|e| {
                    panic!("PostgreSQL is not reachable at {admin}: {e}. Run scripts/test.sh, which starts it.")
                });
                admin_store
                    .execute_admin(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("a test database can be created");
                admin_store.close().await;
                let url = replace_database(&admin, &name);
                let store = Store::connect(&url, 4)
                    .await
                    .expect("the test database opens");
                TestDb {
                    store,
                    url,
                    cleanup: Cleanup::Postgres { admin, name },
                }
            }
        }
    }

    pub fn data_dir(&self) -> Option<PathBuf> {
        match &self.cleanup {
            Cleanup::Sqlite(dir) => Some(dir.path().to_owned()),
            Cleanup::Postgres { .. } => None,
        }
    }

    /// Closes the store and removes the database.
    pub async fn finish(self) {
        self.store.close().await;
        if let Cleanup::Postgres { admin, name } = self.cleanup {
            let admin_store = Store::connect(&admin, 1)
                .await
                .expect("PostgreSQL is reachable");
            admin_store
                .execute_admin(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await
                .expect("the test database can be dropped");
            admin_store.close().await;
        }
    }
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, _) = url.rsplit_once('/').expect("a database URL has a path");
    format!("{base}/{name}")
}

/// The time the application under test reads: the real time, moved by however far the
/// test has moved it. Tests put things in the past by moving the clock and then using
/// the application as anyone would, never by writing times into the database.
#[derive(Clone, Default)]
pub struct TestClock {
    offset: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

impl TestClock {
    fn real() -> i64 {
        chrono::Utc::now().timestamp_millis()
    }

    /// The time now, as the application reads it.
    pub fn now(&self) -> i64 {
        Self::real() + self.offset.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Moves the application's time to `at`; it runs on from there.
    pub fn set(&self, at: i64) {
        self.offset
            .store(at - Self::real(), std::sync::atomic::Ordering::SeqCst);
    }

    /// Back to the real time.
    pub fn reset(&self) {
        self.offset.store(0, std::sync::atomic::Ordering::SeqCst);
    }

    /// The clock to give the application.
    pub fn clock(&self) -> app::backend::store::Clock {
        let this = self.clone();
        std::sync::Arc::new(move || this.now())
    }
}

/// A running application with its own fresh database, on a free port.
pub struct TestApp {
    pub address: String,
    /// The origin the portal believes it is at, as browsers send it in `Origin`.
    pub origin: String,
    pub store: Store,
    /// The application's clock, for tests that need something to have happened earlier.
    pub clock: TestClock,
    pub client: reqwest::Client,
    /// Empty for a second browser on the same server (see `with_new_browser`).
    db: Option<TestDb>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
}

/// Every request a test makes gives up after this long, so a fault fails the test
/// instead of hanging the run.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A test server's configuration: any free port, and `db`.
fn config_for(db: &TestDb) -> Config {
    let mut config = Config {
        listen: "127.0.0.1:0".parse().expect("an address"),
        ..Config::default()
    };
    match db.data_dir() {
        Some(dir) => config.data_dir = dir,
        None => config.database_url = Some(server::config::Secret::new(db.url.clone())),
    }
    config.brand.service_name = "Test family portal".to_owned();
    config
}

fn browser_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(REQUEST_TIMEOUT)
        .cookie_store(true)
        .build()
        .expect("a client")
}

impl TestApp {
    pub async fn spawn(kind: Kind) -> TestApp {
        Self::spawn_with(kind, |_| {}).await
    }

    /// As `spawn`, with changes to the configuration first.
    pub async fn spawn_with(kind: Kind, change: impl FnOnce(&mut Config)) -> TestApp {
        let db = TestDb::new(kind).await;
        let mut config = config_for(&db);
        change(&mut config);
        let mut app = TestApp::start(config, TestClock::default(), browser_client()).await;
        app.db = Some(db);
        app
    }

    /// Builds and serves an application, on its own task until `stop`.
    async fn start(config: Config, clock: TestClock, client: reqwest::Client) -> TestApp {
        let config_origin = config
            .identity
            .public_origin
            .clone()
            .map(|o| o.trim_end_matches('/').to_owned());
        let application = Application::build_with_clock(config, clock.clock())
            .await
            .expect("the application starts");
        let address = format!("http://{}", application.address());
        let origin = config_origin
            .unwrap_or_else(|| format!("http://localhost:{}", application.address().port()));
        let store = application.store().clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            let _ = application
                .run_until(async move {
                    let _ = stopped.await;
                })
                .await;
        });
        TestApp {
            address,
            origin,
            store,
            clock,
            client,
            db: None,
            stop: Some(stop),
            server: Some(server),
        }
    }

    /// A second server on the same database, at the same public address, as a load
    /// balancer puts several behind one name. It shares this browser: cookies for
    /// 127.0.0.1 go to both ports, as one name's cookies go to every server behind it.
    pub async fn spawn_beside(&self, change: impl FnOnce(&mut Config)) -> TestApp {
        let db = self.db.as_ref().expect("the first server's database");
        let mut config = config_for(db);
        config.identity.public_origin = Some(self.origin.clone());
        change(&mut config);
        TestApp::start(config, self.clock.clone(), self.client.clone()).await
    }

    /// Another browser (another phone) on the same running server, with its own cookies.
    pub fn with_new_browser(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            origin: self.origin.clone(),
            store: self.store.clone(),
            clock: self.clock.clone(),
            client: browser_client(),
            db: None,
            stop: None,
            server: None,
        }
    }

    /// A signed-in session for an account, made directly in the store: for tests about
    /// what a signed-in person may see, where how they signed in does not matter.
    /// Returns the `Cookie` header to send.
    pub async fn cookie_for(&self, account: app::domain::ids::AccountId) -> String {
        let token = app::backend::auth::new_token();
        store::identity::create_session(
            &mut *self.store.conn().await,
            &app::backend::auth::hash_secret(&token),
            Some(account),
            None,
            self.clock.now(),
        )
        .await
        .expect("a session is made");
        format!("portal-session={token}")
    }

    /// A GET with the given cookie (or none), outside this client's own cookie jar.
    pub async fn get_as(&self, path: &str, cookie: Option<&str>) -> reqwest::Response {
        let mut request = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .build()
            .expect("a client")
            .get(self.url(path));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.expect("the server answers")
    }

    /// A server-function call with the given cookie (or none), from the portal's own page.
    pub async fn call_as(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .build()
            .expect("a client")
            .post(self.url(path))
            .header("origin", &self.origin)
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(form).expect("fields encode"));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.expect("the server answers")
    }

    /// The SQLite data directory, for running the server's commands against it.
    pub fn data_dir(&self) -> Option<PathBuf> {
        self.db.as_ref().and_then(TestDb::data_dir)
    }

    /// Lets go of a second browser; the server keeps running for the first.
    pub fn forget(self) {}

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Fetches a page or probe.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("the server answers")
    }

    /// Posts a form as a browser without WebAssembly does.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let body = serde_urlencoded::to_string(fields).expect("fields encode");
        self.client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html,application/xhtml+xml")
            .header("origin", &self.origin)
            .body(body)
            .send()
            .await
            .expect("the server answers")
    }

    /// Posts JSON from one of the portal's own pages, as its scripts do.
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("origin", &self.origin)
            .json(body)
            .send()
            .await
            .expect("the server answers")
    }

    /// Stops the server as it would stop in production, keeping the database.
    pub async fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }

    pub async fn finish(mut self) {
        self.stop().await;
        if let Some(db) = self.db.take() {
            db.finish().await;
        }
    }
}

/// Declares each listed async test once for SQLite and once for PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $test() {
                    super::$test(super::support::Kind::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $test() {
                    super::$test(super::support::Kind::Postgres).await;
                }
            )*
        }
    };
}

/// A page's body with its per-response nonce taken out, so that two answers can be
/// compared byte for byte.
pub fn without_nonce(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some(at) = [rest.find("nonce=\""), rest.find("crossorigin=\"")]
        .into_iter()
        .flatten()
        .min()
    {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let start = tail.find('"').map_or(tail.len(), |q| q + 1);
        let end = tail[start..].find('"').map_or(tail.len(), |q| start + q);
        out.push_str(&tail[..start]);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// What a member says in their own words, with no starter: the simplest entry body.
pub fn said(words: &str) -> app::domain::entries::EntryBody {
    app::domain::entries::EntryBody::ChangeTalk(
        app::domain::tools::ChangeTalk::parse("none", words).unwrap(),
    )
}

/// A goal that says only what its author wants to change.
pub fn goal(change: &str) -> app::domain::entries::EntryBody {
    app::domain::entries::EntryBody::Goal(
        app::domain::tools::Goal::try_from(app::domain::tools::GoalForm {
            change: change.to_owned(),
            ..Default::default()
        })
        .unwrap(),
    )
}

/// A new entry written straight through the store, by the operator, with nothing kept
/// beside it (no share, no draft).
pub fn new_entry(
    family: app::domain::ids::FamilyId,
    author: app::domain::ids::MemberId,
    body: &app::domain::entries::EntryBody,
) -> app::backend::NewEntry<'_> {
    app::backend::NewEntry {
        family,
        author,
        submission: app::domain::ids::SubmissionId::new(),
        body,
        by: app::backend::store::Who::operator(),
        supported: None,
        share_with_workers: false,
        draft: None,
        language: None,
    }
}

/// Keeps a new entry in an audited transaction of its own, as the backend does.
pub async fn create_entry(
    store: &Store,
    entry: app::backend::NewEntry<'_>,
) -> Result<app::domain::ids::EntryId, StoreError> {
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let created = store::entries::create_entry(&mut audited.tx, entry, at).await?;
    audited.keep(created).await
}

/// Adds a version to an entry in an audited transaction of its own, as the backend does.
pub async fn revise_entry(
    store: &Store,
    entry: app::domain::ids::EntryId,
    after: i64,
    body: &app::domain::entries::EntryBody,
    by: &store::Who,
    draft: Option<&store::DraftKey>,
) -> Result<Option<i64>, StoreError> {
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let revised =
        store::entries::revise_entry(&mut audited.tx, entry, after, body, None, by, draft, at)
            .await?;
    audited.keep(revised).await
}

/// Shares an entry in an audited transaction of its own.
pub async fn share(
    store: &Store,
    entry: app::domain::ids::EntryId,
    member: Option<app::domain::ids::MemberId>,
    now: i64,
    by: &store::Who,
) -> Result<(), StoreError> {
    let mut audited = store.begin_audited().await?;
    let shared = store::identity::share(&mut audited.tx, entry, member, now, by).await?;
    audited.keep(shared).await
}

/// Every version of an entry, exactly as kept.
pub async fn entry_history(
    store: &Store,
    entry: app::domain::ids::EntryId,
) -> Result<Vec<app::backend::EntryVersion>, StoreError> {
    store::entries::entry_history(&mut *store.pool_connection().await?, entry).await
}

/// A pooled connection, for calling store functions straight from a test.
pub trait Connect {
    async fn conn(&self) -> sqlx::pool::PoolConnection<sqlx::Any>;
}

impl Connect for Store {
    async fn conn(&self) -> sqlx::pool::PoolConnection<sqlx::Any> {
        self.pool_connection().await.unwrap()
    }
}

/// Posts a page's form as a browser without WebAssembly does: to the page's own address,
/// naming the server function, and without following the redirect.
pub async fn post_page(
    app: &TestApp,
    cookie: &str,
    page: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(REQUEST_TIMEOUT)
        .build()
        .unwrap()
        .post(app.url(page))
        .header("origin", &app.origin)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(fields).unwrap())
        .send()
        .await
        .unwrap()
}
