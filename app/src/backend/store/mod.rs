//! The one store layer, on SQLite (embedded, the default) or PostgreSQL.
//!
//! Both backends run the same SQL through sqlx's `Any` driver, with the portable subset
//! the migrations agree on (text ids, BIGINT milliseconds, text codes), so behaviour is
//! identical and the same tests run against both. Store functions read and write; they
//! never decide who may see what (that is the policy's job, before the store is called).

pub mod audit;
pub mod case_system;
pub mod checkpoints;
pub mod children;
pub mod drafts;
pub mod entries;
pub mod evaluation;
pub mod feedback;
pub mod identity;
mod ids;
pub mod notices;
pub mod own_data;
pub mod people;
pub mod reads;
pub mod record;
pub mod refusals;
pub mod shown_codes;
pub mod supervision;
pub mod take_up;
pub mod views;

pub use audit::{AuditRecord, AuditReport, AuditRow, Audited, AuditedTx, Outcome, Who};
pub use drafts::{Draft, DraftKey, Keep, Saved};
pub use entries::{EntryVersion, NewEntry};
pub use feedback::KeptFeedback;
pub use identity::{CeremonyRow, CodePurpose, OpenCode, PasskeyRow, SessionRow};

pub use people::{FamilySummary, NewFamily, NewMember, NewStaff};
pub use refusals::Pruned;

/// The connection every store function works over: the caller's audited transaction, or
/// a connection from the pool.
pub type Conn = sqlx::AnyConnection;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// How long a SQLite connection waits for another writer before giving up.
pub(crate) const SQLITE_BUSY_TIMEOUT_MS: i64 = 5_000;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The commit that held this read's audit rows, shared with other reads, failed: the
    /// read answers nothing.
    #[error("the audit rows of reads committed together could not be committed: {0}")]
    SharedCommit(String),
    /// A SQLite safety setting did not take effect; refusing to run without it.
    #[error("SQLite setting {setting} is {actual}, expected {expected}")]
    Setting {
        setting: &'static str,
        actual: String,
        expected: String,
    },
    /// Stored data that the application cannot read back, such as an unknown code.
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    #[error("{0} is only available on SQLite")]
    SqliteOnly(&'static str),
    /// Another audited transaction in this process kept SQLite's one writer for longer than
    /// a writer is ever allowed to wait.
    #[error("the database was busy writing for {0} ms")]
    WriterBusy(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The time, in milliseconds since 1970, as every `*_at` column holds it. The store and
/// the passkey service read it from one clock given to them, never from the system
/// directly, so a test moves time rather than writing times into rows.
pub type Clock = std::sync::Arc<dyn Fn() -> i64 + Send + Sync>;

/// The real time.
pub fn system_clock() -> Clock {
    std::sync::Arc::new(|| chrono::Utc::now().timestamp_millis())
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    clock: Clock,
    /// Audit rows this process has committed since it started: what tells the checkpoint
    /// task that enough has happened for another checkpoint.
    appended: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// SQLite's one writer, as a queue in this process: audited transactions wait their
    /// turn here, in order, instead of in SQLite's busy handler, which sleeps for up to
    /// tens of milliseconds between tries even when the writer before has long finished.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Reads whose audit rows wait to be committed together (see `begin_read`).
    reads: std::sync::Arc<audit::GroupCommit>,
}

impl std::fmt::Debug for Store {
    // The pool's options include the connection URL, which may hold a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Connects to `url` (`sqlite://…` or `postgres://…`). On SQLite, every connection is
    /// set to WAL, `synchronous=FULL`, foreign keys on and a busy timeout, and the settings
    /// are read back and checked: a save that was acknowledged must survive a crash.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        let options = AnyConnectOptions::from_str(url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(sqlx::raw_sql(SQLITE_PRAGMAS)).await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let store = Store {
            pool,
            backend,
            clock: system_clock(),
            appended: std::sync::Arc::default(),
            writer: std::sync::Arc::default(),
            reads: std::sync::Arc::default(),
        };
        if backend == Backend::Sqlite {
            store.check_sqlite_settings().await?;
        }
        Ok(store)
    }

    /// This store, reading the time from `clock` instead of the system.
    pub fn with_clock(mut self, clock: Clock) -> Store {
        self.clock = clock;
        self
    }

    /// The time now, by this store's clock.
    pub fn now(&self) -> i64 {
        (self.clock)()
    }

    /// The clock this store reads, to give to what works beside it.
    /// Audit rows this process has committed since it started.
    pub fn rows_appended(&self) -> u64 {
        self.appended.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    /// A SQLite database file inside `dir`, created if it is not there yet.
    pub fn sqlite_url(dir: &Path) -> String {
        format!("sqlite://{}?mode=rwc", dir.join("portal.db").display())
    }

    /// Brings the schema up to date. Migrations are embedded in the binary.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        self.fill_entry_readers().await?;
        Ok(())
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Whether the database answers, for the readiness probe.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// An online, consistent copy of the SQLite database, taken while the service runs.
    pub async fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::SqliteOnly("backup"));
        }
        // VACUUM INTO writes a complete, compacted copy from one read transaction.
        sqlx::query("VACUUM INTO $1")
            .bind(target.display().to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// One connection from the pool, for reads that policy facts need together.
    pub async fn pool_connection(
        &self,
    ) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, StoreError> {
        Ok(self.pool.acquire().await?)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    async fn check_sqlite_settings(&self) -> Result<(), StoreError> {
        let actual = self.sqlite_settings().await?;
        let busy = SQLITE_BUSY_TIMEOUT_MS.to_string();
        let checks = [
            ("journal_mode", actual.journal_mode.as_str(), "wal"),
            // 2 is FULL: every commit is on disk before it is acknowledged.
            ("synchronous", actual.synchronous.as_str(), "2"),
            ("foreign_keys", actual.foreign_keys.as_str(), "1"),
            ("busy_timeout", actual.busy_timeout.as_str(), busy.as_str()),
        ];
        for (setting, actual, expected) in checks {
            if actual != expected {
                return Err(StoreError::Setting {
                    setting,
                    actual: actual.to_owned(),
                    expected: expected.to_owned(),
                });
            }
        }
        Ok(())
    }

    /// The crash-safety settings of one SQLite connection, as SQLite reports them.
    pub async fn sqlite_settings(&self) -> Result<SqliteSettings, StoreError> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::SqliteOnly("sqlite_settings"));
        }
        let mut conn = self.pool.acquire().await?;
        // Each setting is read with its own literal query: no SQL is built from text.
        let (journal_mode,): (String,) =
            sqlx::query_as("SELECT journal_mode FROM pragma_journal_mode")
                .fetch_one(&mut *conn)
                .await?;
        let (synchronous,): (String,) =
            sqlx::query_as("SELECT CAST(synchronous AS TEXT) FROM pragma_synchronous")
                .fetch_one(&mut *conn)
                .await?;
        let (foreign_keys,): (String,) =
            sqlx::query_as("SELECT CAST(foreign_keys AS TEXT) FROM pragma_foreign_keys")
                .fetch_one(&mut *conn)
                .await?;
        let (busy_timeout,): (String,) =
            sqlx::query_as("SELECT CAST(timeout AS TEXT) FROM pragma_busy_timeout")
                .fetch_one(&mut *conn)
                .await?;
        Ok(SqliteSettings {
            journal_mode: journal_mode.to_lowercase(),
            synchronous,
            foreign_keys,
            busy_timeout,
        })
    }
}

/// SQLite's crash-safety settings, as text exactly as SQLite reports them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteSettings {
    pub journal_mode: String,
    pub synchronous: String,
    pub foreign_keys: String,
    pub busy_timeout: String,
}

const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON; \
     PRAGMA busy_timeout = 5000;";

/// Reads back an id that the application itself wrote.
fn parse_id<T>(raw: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<T, StoreError> {
    parse(raw).map_err(|_| StoreError::Corrupt(format!("bad id {raw:?}")))
}

/// How many families one query asks about when a page reads many families together
/// (a caseload, its alerts): well within what either database takes as parameters.
pub(crate) const FAMILIES_AT_ONCE: usize = 500;

/// `count` numbered placeholders from `$first`, comma-separated, for an `IN (…)` list.
/// Only placeholders go into the statement's text; every value is bound.
pub fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `rows` tuples of `each` numbered placeholders, comma-separated, for a multi-row
/// `VALUES`; `lead` (a fixed expression) opens each tuple. Only placeholders and `lead`
/// go into a statement's text; every value is bound.
pub fn tuples(rows: usize, each: usize, lead: &str) -> String {
    (0..rows)
        .map(|row| format!("({lead}{})", placeholders(row * each + 1, each)))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// Runs one administrative statement, such as creating a database for tests or
    /// operations. Never called with text from a request.
    pub async fn execute_admin(&self, statement: &str) -> Result<(), StoreError> {
        sqlx::raw_sql(sqlx::AssertSqlSafe(statement.to_owned()))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
