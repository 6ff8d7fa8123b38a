//! Lists the SQL statements the portal runs while some work is watched: sqlx reports
//! each statement it runs to `tracing`. Shared by the tests and the benchmarks, which
//! both run one piece of watched work at a time.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};
use tracing::field::{Field, Visit};
use tracing::subscriber::Interest;
use tracing::{Event, Metadata};
use tracing_subscriber::layer::{Context, SubscriberExt};

/// Whether statements are being counted, and the text of each so far.
static COUNTING: AtomicBool = AtomicBool::new(false);
static COUNTED: Mutex<Vec<String>> = Mutex::new(Vec::new());
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

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut text = StatementText::default();
        event.record(&mut text);
        // sqlx gives the whole statement only when it is longer than its summary.
        let text = if text.statement.trim().is_empty() {
            text.summary
        } else {
            text.statement.trim().to_owned()
        };
        COUNTED.lock().unwrap_or_else(|e| e.into_inner()).push(text);
    }
}

/// The statement's text, from the fields of sqlx's report.
#[derive(Default)]
struct StatementText {
    summary: String,
    statement: String,
}

impl Visit for StatementText {
    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "summary" => value.clone_into(&mut self.summary),
            "db.statement" => value.clone_into(&mut self.statement),
            _ => {}
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.record_str(field, &format!("{value:?}"));
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

/// The text of each statement run, by anything in the process, while `work` ran, in
/// order, and its answer. Left out: the settings a new SQLite connection runs on itself
/// (`PRAGMA …`), which come from the pool opening a connection at that moment and not
/// from the work.
pub async fn watched<T>(work: impl Future<Output = T>) -> (Vec<String>, T) {
    install();
    COUNTED.lock().unwrap_or_else(|e| e.into_inner()).clear();
    COUNTING.store(true, Ordering::SeqCst);
    let answer = work.await;
    COUNTING.store(false, Ordering::SeqCst);
    let mut statements = std::mem::take(&mut *COUNTED.lock().unwrap_or_else(|e| e.into_inner()));
    statements.retain(|s| !s.trim_start().to_ascii_uppercase().starts_with("PRAGMA"));
    (statements, answer)
}
