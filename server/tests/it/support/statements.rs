//! Counts the SQL statements the portal runs while some work is watched: sqlx reports
//! each statement it runs to `tracing`. Shared by the tests and the benchmarks, which
//! both run one piece of watched work at a time.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use tracing::subscriber::Interest;
use tracing::{Event, Metadata};
use tracing_subscriber::layer::{Context, SubscriberExt};

/// Whether statements are being counted, and how many so far.
static COUNTING: AtomicBool = AtomicBool::new(false);
static COUNTED: AtomicU64 = AtomicU64::new(0);
static INSTALLED: Once = Once::new();

/// Counts sqlx's report of each statement it runs, while `COUNTING` is on; otherwise
/// sqlx is told nobody is listening, so nothing else is slowed by it.
struct CountStatements;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CountStatements {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if metadata.target() == "sqlx::query" {
            Interest::sometimes()
        } else {
            Interest::never()
        }
    }

    fn enabled(&self, metadata: &Metadata<'_>, _: Context<'_, S>) -> bool {
        metadata.target() == "sqlx::query" && COUNTING.load(Ordering::SeqCst)
    }

    fn on_event(&self, _: &Event<'_>, _: Context<'_, S>) {
        COUNTED.fetch_add(1, Ordering::SeqCst);
    }
}

/// Makes the counter the process's subscriber, once, before anything else sets one.
pub fn install() {
    INSTALLED.call_once(|| {
        tracing::subscriber::set_global_default(
            tracing_subscriber::registry().with(CountStatements),
        )
        .expect("the statement counter is the process's only subscriber");
    });
}

/// The statements run, by anything in the process, while `work` runs, and its answer.
pub async fn counted<T>(work: impl Future<Output = T>) -> (u64, T) {
    install();
    COUNTED.store(0, Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    let answer = work.await;
    COUNTING.store(false, Ordering::SeqCst);
    (COUNTED.load(Ordering::SeqCst), answer)
}
