#![recursion_limit = "256"]
//! The family portal's server: configuration, the HTTP application and its commands.
//!
//! `Application::build` is used by `main` and by the tests alike, so the tests exercise
//! exactly what runs in production, on a real port with a real database.

pub mod assets;
pub mod case_api;
pub mod checkpoints;
pub mod cli;
pub mod client_address;
pub mod config;
mod csp;
mod evaluation;
mod export;
pub mod fake_notify;
mod forms;
mod identity;
mod middleware;
pub mod notify;
mod offline;
mod router;
mod state;
mod take_up;

pub use router::{PLAIN_ROUTES, route_inventory};
pub mod scale;
pub mod seed;
pub mod webhooks;

/// Every binary that serves the portal (the server, its tests and its benchmarks) uses
/// mimalloc: drawing a page allocates many small strings, and the C library's allocator
/// took about a fifth of the server's time in the signed-in readers benchmark.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use app::backend::{Services, Store, StoreError};
use config::Config;
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;

/// A built application, listening but not yet serving.
pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    store: Store,
    auth: std::sync::Arc<app::backend::auth::Auth>,
    grace: Duration,
    checkpointing: Option<std::sync::Arc<checkpoints::Checkpointing>>,
    messages: Messages,
}

/// The sender of messages and the timed work beside it, as configured.
struct Messages {
    client: Option<notify::NotifyClient>,
    messaging: app::backend::notices::Messaging,
    every: Duration,
    /// Whether case systems' webhooks may go to this machine.
    webhooks_to_this_machine: bool,
}

/// How often sessions that never signed in, and finished ceremonies, are pruned.
const PRUNE_EVERY: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("could not create the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("could not open the database: {0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Identity(String),
    #[error("{0}")]
    Audit(String),
    #[error("could not listen on {address}: {source}")]
    Listen {
        address: SocketAddr,
        source: std::io::Error,
    },
}

impl Application {
    /// Opens and migrates the database, and binds the listening socket. Port 0 picks a
    /// free port, which tests use.
    pub async fn build(config: Config) -> Result<Application, StartError> {
        Self::build_with_clock(config, app::backend::store::system_clock()).await
    }

    /// As `build`, with the time read from `clock` by the store and the passkey service
    /// alike: tests move time with it instead of writing times into the database.
    pub async fn build_with_clock(
        config: Config,
        clock: app::backend::store::Clock,
    ) -> Result<Application, StartError> {
        let checkpointing = checkpoints::Checkpointing::from_config(&config)
            .map_err(StartError::Audit)?
            .map(std::sync::Arc::new);
        let store = open_store(&config).await?.with_clock(clock);
        store.migrate().await?;
        let listener =
            TcpListener::bind(config.listen)
                .await
                .map_err(|source| StartError::Listen {
                    address: config.listen,
                    source,
                })?;
        let address = listener.local_addr().map_err(|source| StartError::Listen {
            address: config.listen,
            source,
        })?;
        let origin = config
            .public_origin(address.port())
            .map_err(StartError::Identity)?;
        let auth =
            auth_for(&config, origin.clone(), store.clock()).map_err(StartError::Identity)?;
        let auth = std::sync::Arc::new(auth);
        let services = Services::new(app::backend::Service {
            store: store.clone(),
            brand: config.brand(),
            zone: config.time_zone.clone(),
            auth: auth.clone(),
            escalate_after_ms: config.notify.escalate_after_minutes * 60_000,
            pseudonym_key: config.evaluation.pseudonym_key.as_ref().and_then(|key| {
                app::backend::evaluation::PseudonymKey::new(key.expose().as_bytes())
            }),
            webhooks_to_this_machine: webhooks::on_this_machine(&origin),
            // Checked with the rest of the configuration before anything started.
            languages: config.offered_languages().unwrap_or_default(),
        });
        let client = config
            .notify_settings()
            .map(notify::NotifyClient::new)
            .transpose()
            .map_err(StartError::Identity)?;
        let messages = Messages {
            client,
            messaging: app::backend::notices::Messaging::from_services(&services),
            every: Duration::from_secs(config.notify.every_seconds),
            webhooks_to_this_machine: services.webhooks_to_this_machine,
        };
        let router = router::build(&config, address, services, &origin);
        Ok(Application {
            listener,
            router,
            store,
            auth,
            grace: Duration::from_secs(config.shutdown_grace_seconds),
            checkpointing,
            messages,
        })
    }

    pub fn address(&self) -> SocketAddr {
        // Bound in `build`; reading the address of a bound socket does not fail.
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Serves until `shutdown` completes, then lets requests in flight finish (up to the
    /// configured grace period) and closes the database cleanly.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let Application {
            listener,
            router,
            store,
            auth,
            grace,
            checkpointing,
            messages,
        } = self;
        let pruning = tokio::spawn(prune_unused(store.clone(), auth));
        let sending = tokio::spawn(notify::run(
            store.clone(),
            messages.client,
            messages.messaging,
            messages.every,
        ));
        // "Family X has new shared input", for case systems that gave an address.
        let webhooks = tokio::spawn(webhooks::run(
            store.clone(),
            messages.every,
            messages.webhooks_to_this_machine,
        ));
        let checkpointing_task = checkpointing
            .clone()
            .map(|task| tokio::spawn(task.run(store.clone())));
        let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
        // Each response goes out as it is written: without TCP_NODELAY a response written
        // in more than one piece can wait for the client's delayed acknowledgement, some
        // 40 ms a page on Linux.
        let listener = axum::serve::ListenerExt::tap_io(listener, |connection| {
            if let Err(error) = connection.set_nodelay(true) {
                tracing::debug!(%error, "could not set TCP_NODELAY on a connection");
            }
        });
        let serve = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            shutdown.await;
            tracing::info!("shutting down: finishing requests in flight");
            let _ = stopping.send(());
        });
        let outcome = tokio::select! {
            outcome = serve => outcome,
            () = async {
                let _ = stopped.await;
                tokio::time::sleep(grace).await;
            } => {
                tracing::warn!(grace_seconds = grace.as_secs(), "requests still running after the grace period; stopping anyway");
                Ok(())
            }
        };
        // Stops with the server, before the database closes, anchoring what was audited
        // since the last checkpoint.
        pruning.abort();
        sending.abort();
        webhooks.abort();
        if let Some(task) = checkpointing_task {
            task.abort();
        }
        if let Some(checkpointing) = checkpointing
            && let Err(error) = checkpointing.take(&store).await
        {
            tracing::error!(%error, "the last of the audit trail is not anchored");
        }
        store.close().await;
        outcome
    }
}

/// Once a minute, removes what visitors who never signed in leave behind: their
/// sessions, once idle for longer than a ceremony can last, and used or expired
/// ceremonies; codes that expired before the page showing them was drawn; and API
/// clients' counts of calls from over an hour ago, and webhook notices done a month ago. One prune
/// is a couple of indexed deletes; a failure is logged and the next minute tries again.
/// The first is a minute after the server starts, not as it starts, when nothing has
/// been left yet (and a test that watches the statements a page runs sees only the
/// page's). Runs until the server stops.
async fn prune_unused(store: Store, auth: std::sync::Arc<app::backend::auth::Auth>) {
    let first = tokio::time::Instant::now() + PRUNE_EVERY;
    let mut every = tokio::time::interval_at(first, PRUNE_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let now = auth.now();
        let idle_before = now - auth.settings.ceremony_ttl_ms;
        let pruned = async {
            let mut conn = store.pool_connection().await?;
            app::backend::store::shown_codes::prune(&mut conn, now).await?;
            // An API client's calls are counted a minute at a time; an hour is plenty.
            app::backend::store::case_system::prune_calls(&mut conn, now - 60 * 60_000).await?;
            // A webhook notice taken or given up a month ago holds nothing the audit
            // trail does not.
            app::backend::store::case_system::prune_webhooks(
                &mut conn,
                now - 30 * 24 * 60 * 60_000,
            )
            .await?;
            app::backend::store::refusals::prune_unused(&mut conn, now, idle_before).await
        };
        match pruned.await {
            Ok(pruned) if pruned != app::backend::store::Pruned::default() => {
                tracing::debug!(
                    sessions = pruned.sessions,
                    ceremonies = pruned.ceremonies,
                    "pruned sessions that never signed in and finished ceremonies"
                );
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "could not prune unused sessions"),
        }
    }
}

/// The passkey and session service for this configuration.
pub fn auth_for(
    config: &Config,
    origin: url::Url,
    clock: app::backend::auth::Clock,
) -> Result<app::backend::auth::Auth, String> {
    let mut settings =
        app::backend::auth::AuthSettings::new(origin, config.identity.passkey_name.clone());
    settings.code_ttl_ms = config.identity.code_minutes * 60_000;
    settings.account_failure_limit = config.identity.failure_limit;
    settings.address_failure_limit = config.identity.failure_limit;
    settings.zone = config.time_zone.clone();
    settings.service_name = config.brand.service_name.clone();
    app::backend::auth::Auth::new(settings, clock)
}

/// Opens the configured database, creating the data directory for SQLite if needed.
pub async fn open_store(config: &Config) -> Result<Store, StartError> {
    if config.database_url.is_none() {
        std::fs::create_dir_all(&config.data_dir).map_err(|source| StartError::DataDir {
            path: config.data_dir.display().to_string(),
            source,
        })?;
    }
    Ok(Store::connect(&config.database_url(), config.database_max_connections).await?)
}

/// Completes when the process is asked to stop (Ctrl-C or SIGTERM).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
