//! The server's commands: `serve` (the default), `migrate`, `seed-demo`, `feedback`,
//! `backup`, `issue-code`, `verify-audit`, `audit-key`, `audit-checkpoint`,
//! `seed-scale` and `compress-assets`.

use crate::config::{Config, LogFormat};
use crate::{Application, open_store, seed, shutdown_signal};
use app::backend::StoreError;
use app::backend::store::{feedback, identity, people};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use tracing_subscriber::EnvFilter;

#[derive(Debug, Parser)]
#[command(
    name = "server",
    about = "The Family Safeguarding family portal",
    version
)]
pub struct Cli {
    /// A TOML configuration file. Without it, `portal.toml` is read if present.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Bring the database schema up to date, then stop.
    Migrate,
    /// Add the fictional demo council, team and family, unless they are already there.
    SeedDemo,
    /// Fill an empty database with a fictional county (1,000 families) or a fictional
    /// England (50,000 families, 10 million entries and audit rows), the same for the same
    /// seed, for the benchmarks. Never for a council's database: it refuses one that holds
    /// families. Shows its progress, then the time and disk it took.
    SeedScale {
        /// `county` or `england`.
        #[arg(value_parser = ["county", "england"])]
        size: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Fewer (or more) families than the size names, in the same proportions.
        #[arg(long)]
        families: Option<usize>,
    },
    /// Print the feedback people have left about the service, oldest first, as CSV.
    Feedback {
        /// Print JSON instead of CSV.
        #[arg(long)]
        json: bool,
    },
    /// Print a one-time sign-up code for a member of staff, named exactly as stored. This
    /// is how the first administrator gets in; after that, admins issue staff codes in the
    /// portal. Run it on the server: whoever can run it already holds the database.
    IssueCode {
        /// The staff member's name, exactly as stored.
        #[arg(long, conflicts_with = "member", required_unless_present = "member")]
        staff: Option<String>,
        /// A family member's name instead, for demonstrations and tests; in practice their
        /// allocated practitioner issues their code in the portal.
        #[arg(long)]
        member: Option<String>,
    },
    /// Check that the audit trail is whole: no row edited, removed or moved, in any chain.
    /// Exits with an error, naming each problem, if it is not. Reads one row at a time,
    /// and reports progress on a long trail.
    VerifyAudit {
        /// Check only this family's chain (its id, as the portal's addresses show it).
        #[arg(long, value_name = "ID")]
        family: Option<String>,
        /// Also check the trail against the checkpoints in FILE, kept outside the
        /// database: finds changes made after them even by someone who rewrote a chain
        /// and its head. Needs --public-key.
        #[arg(long, value_name = "FILE", requires = "public_key")]
        checkpoint: Option<PathBuf>,
        /// The public key `audit-key` printed, as the council kept it.
        #[arg(long, value_name = "KEY", requires = "checkpoint")]
        public_key: Option<String>,
    },
    /// Make a new key for signing audit checkpoints, in FILE (never overwritten), and print
    /// its public key. Name FILE in `audit.checkpoint_key`; keep the public key elsewhere.
    AuditKey { file: PathBuf },
    /// Take an audit checkpoint now and append it to the checkpoint file (the server also
    /// takes them as it runs). With --all, print every checkpoint kept in the database.
    AuditCheckpoint {
        #[arg(long)]
        all: bool,
    },
    /// Write brotli and gzip copies of the browser's files (the site's `pkg/` and
    /// `scripts/`), for the server to send to browsers that accept them. Run it after
    /// each release build of the site; files whose copies are newer are left alone.
    CompressAssets,
    /// Run a stand-in for GOV.UK Notify on this machine, for the demo and for trying
    /// messages without sending any: it prints each message it is sent. Point the portal
    /// at it with `notify.base_url` and the key, template ids it prints.
    FakeNotify {
        #[arg(long, default_value = "127.0.0.1:3190")]
        listen: std::net::SocketAddr,
    },
    /// Print the case system API's contract (OpenAPI 3.1), as `/api/v1/openapi.json`
    /// serves it; a change to the API is reviewed as a change to
    /// `server/api/openapi-v1.json`, which this replaces.
    Openapi,
    /// Copy the SQLite database to FILE while the portal keeps running.
    Backup {
        /// Where to write the copy. It must not exist yet.
        file: PathBuf,
    },
}

/// Runs a command. Errors come back as plain sentences for the terminal.
pub async fn run(cli: Cli) -> Result<(), String> {
    let config = Config::load(cli.config.as_deref()).map_err(|e| e.to_string())?;
    init_logging(&config)?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let application = Application::build(config)
                .await
                .map_err(|e| e.to_string())?;
            tracing::info!(address = %application.address(), "serving the family portal");
            application
                .run_until(shutdown_signal())
                .await
                .map_err(|e| format!("the server stopped with an error: {e}"))
        }
        Command::Migrate => {
            let store = open_store(&config).await.map_err(|e| e.to_string())?;
            store.migrate().await.map_err(|e| e.to_string())?;
            store.close().await;
            println!("The database is up to date.");
            Ok(())
        }
        Command::SeedDemo => {
            let store = open_store(&config).await.map_err(|e| e.to_string())?;
            store.migrate().await.map_err(|e| e.to_string())?;
            let outcome = seed::seed_demo(&store).await.map_err(|e| e.to_string())?;
            store.close().await;
            println!("{outcome}");
            Ok(())
        }
        Command::SeedScale {
            size,
            seed,
            families,
        } => {
            let mut shape = crate::scale::Shape::named(&size).ok_or("no such size")?;
            if let Some(families) = families {
                shape.families = families.max(1);
                shape.councils = shape.councils.min(shape.families);
            }
            let store = open_store(&config).await.map_err(|e| e.to_string())?;
            store.migrate().await.map_err(|e| e.to_string())?;
            let mut bar = progress_bar();
            let seeded = crate::scale::seed_scale(&store, shape, seed, &mut bar)
                .await
                .map_err(|e| e.to_string())?;
            store.close().await;
            println!(
                "Made {} families, {} entries and {} audit rows in {:.0} s; the database \
                 now takes {} MB.",
                seeded.families,
                seeded.entries,
                seeded.audit_rows,
                seeded.seconds,
                seeded.database_bytes / 1_000_000
            );
            Ok(())
        }
        Command::Openapi => {
            let json = crate::case_api::openapi_json()
                .map_err(|e| format!("the OpenAPI document could not be written: {e}"))?;
            print!("{json}");
            Ok(())
        }
        Command::CompressAssets => {
            let done = crate::assets::compress_site(&config.site_root)?;
            println!(
                "Compressed {} files ({} bytes, {} with brotli); {} were up to date.",
                done.files, done.raw_bytes, done.brotli_bytes, done.unchanged
            );
            Ok(())
        }
        Command::FakeNotify { listen } => {
            let fake = crate::fake_notify::FakeNotify::start(listen, true)
                .await
                .map_err(|e| format!("could not listen on {listen}: {e}"))?;
            println!(
                "A stand-in for GOV.UK Notify is listening on http://{}. Start the portal with:\n  \
                 PORTAL_NOTIFY__BASE_URL=http://{} PORTAL_NOTIFY__API_KEY={} \
                 PORTAL_NOTIFY__EMAIL_TEMPLATE_ID={} PORTAL_NOTIFY__SMS_TEMPLATE_ID={}",
                fake.address,
                fake.address,
                crate::fake_notify::FAKE_KEY,
                crate::fake_notify::FAKE_EMAIL_TEMPLATE,
                crate::fake_notify::FAKE_SMS_TEMPLATE,
            );
            shutdown_signal().await;
            Ok(())
        }
        Command::Feedback { json } => {
            let store = open_store(&config).await.map_err(|e| e.to_string())?;
            let kept = async { feedback::all_feedback(&mut *store.pool_connection().await?).await }
                .await
                .map_err(|e: StoreError| e.to_string())?;
            store.close().await;
            print!("{}", feedback_report(&kept, json));
            Ok(())
        }
        Command::IssueCode { staff, member } => {
            let store = open_store(&config).await.map_err(|e| e.to_string())?;
            store.migrate().await.map_err(|e| e.to_string())?;
            let (name, target) = code_target(&store, staff, member).await?;
            let origin = config.public_origin(config.listen.port())?;
            let auth = crate::auth_for(&config, origin.clone(), store.clock())?;
            let issued = auth
                .issue_bootstrap_code(&store, target)
                .await
                .map_err(|e| e.to_string())?;
            store.close().await;
            println!("Code for {name}: {}", issued.code);
            println!("Open: {origin}start?code={}", issued.code);
            println!(
                "It works once, until {}.",
                config.time_zone.time(issued.expires_at)
            );
            Ok(())
        }
        Command::VerifyAudit {
            family,
            checkpoint,
            public_key,
        } => verify_audit(&config, family, checkpoint, public_key).await,
        Command::AuditKey { file } => {
            let key = crate::checkpoints::write_new_key(&file)?;
            println!("Wrote a new audit checkpoint key to {}.", file.display());
            println!("Its public key: {}", key.public_hex());
            println!(
                "Set audit.checkpoint_key to the file, and keep the public key where the \
                 database's administrators cannot change it: verify-audit --public-key needs it."
            );
            Ok(())
        }
        Command::AuditCheckpoint { all } => {
            let store = open_store(&config).await.map_err(|e| e.to_string())?;
            store.migrate().await.map_err(|e| e.to_string())?;
            let done = if all {
                print_checkpoints(&store).await
            } else {
                take_checkpoint(&config, &store).await
            };
            store.close().await;
            done
        }
        Command::Backup { file } => {
            if file.exists() {
                return Err(format!(
                    "{} already exists; choose a new file so no backup is overwritten",
                    file.display()
                ));
            }
            let store = open_store(&config).await.map_err(|e| e.to_string())?;
            store
                .backup_to(&file)
                .await
                .map_err(|e| format!("the backup failed: {e}"))?;
            store.close().await;
            println!("Backed up to {}.", file.display());
            Ok(())
        }
    }
}

/// `verify-audit`: every chain (or one family's), then the checkpoints of a file.
async fn verify_audit(
    config: &Config,
    family: Option<String>,
    checkpoint: Option<PathBuf>,
    public_key: Option<String>,
) -> Result<(), String> {
    let family = family
        .map(|raw| {
            app::domain::ids::FamilyId::parse(&raw)
                .map_err(|_| format!("\"{raw}\" is not a family id"))
        })
        .transpose()?;
    let lines = match &checkpoint {
        Some(file) => Some(std::io::BufRead::lines(std::io::BufReader::new(
            std::fs::File::open(file)
                .map_err(|e| format!("could not read {}: {e}", file.display()))?,
        ))),
        None => None,
    };
    let store = open_store(config).await.map_err(|e| e.to_string())?;
    let checked = async {
        let mut report = store
            .verify_audit_with(family, &mut |rows| {
                eprintln!("verify-audit: {rows} rows checked");
            })
            .await?;
        if let (Some(lines), Some(key)) = (lines, &public_key) {
            report
                .problems
                .extend(app::backend::checkpoint::verify(&store, lines, key, family).await?);
        }
        Ok::<_, StoreError>(report)
    }
    .await;
    store.close().await;
    let report = checked.map_err(|e| e.to_string())?;
    if !report.problems.is_empty() {
        return Err(format!(
            "The audit trail has been tampered with:\n  - {}",
            report.problems.join("\n  - ")
        ));
    }
    let what = if family.is_some() {
        "The family's audit chain is whole"
    } else {
        "The audit trail is whole"
    };
    let against = if checkpoint.is_some() {
        ", and matches every checkpoint in the file"
    } else {
        ""
    };
    println!(
        "{what}: {} rows in {} chains{against}.",
        report.rows, report.chains
    );
    Ok(())
}

/// `audit-checkpoint`: one now, with the configured key.
async fn take_checkpoint(config: &Config, store: &app::backend::Store) -> Result<(), String> {
    let Some(checkpointing) = crate::checkpoints::Checkpointing::from_config(config)? else {
        return Err(
            "no audit checkpoint key is configured: make one with `server audit-key FILE` \
             and name it in audit.checkpoint_key"
                .to_owned(),
        );
    };
    match checkpointing.take(store).await? {
        Some(taken) => println!("{}", taken.line()),
        None => eprintln!("Nothing was audited since the last checkpoint."),
    }
    Ok(())
}

/// `audit-checkpoint --all`: every checkpoint the database keeps, one line each.
async fn print_checkpoints(store: &app::backend::Store) -> Result<(), String> {
    let lines = async {
        app::backend::store::checkpoints::all_lines(&mut *store.pool_connection().await?).await
    }
    .await
    .map_err(|e: StoreError| e.to_string())?;
    for line in lines {
        println!("{line}");
    }
    Ok(())
}

/// Whom `issue-code` is for, found by exact name.
async fn code_target(
    store: &app::backend::Store,
    staff: Option<String>,
    member: Option<String>,
) -> Result<(String, app::backend::auth::CodeFor), String> {
    use app::backend::auth::CodeFor;
    let mut conn = store.pool_connection().await.map_err(|e| e.to_string())?;
    match (staff, member) {
        (Some(name), _) => {
            let found = people::staff_by_name(&mut conn, &name)
                .await
                .map_err(|e| e.to_string())?;
            match found[..] {
                [id] => Ok((name, CodeFor::Staff(id))),
                [] => Err(format!("nobody on the staff list is called {name:?}")),
                _ => Err(format!("more than one member of staff is called {name:?}")),
            }
        }
        (None, Some(name)) => match identity::member_named(&mut conn, &name)
            .await
            .map_err(|e| e.to_string())?
        {
            Some((id, _)) => Ok((name, CodeFor::Member(id))),
            None => Err(format!("no family member is called {name:?}")),
        },
        (None, None) => Err("say who the code is for: --staff NAME or --member NAME".to_owned()),
    }
}

fn init_logging(config: &Config) -> Result<(), String> {
    let filter = EnvFilter::try_new(&config.log_level).map_err(|e| {
        format!(
            "log_level {:?} is not a valid filter: {e}",
            config.log_level
        )
    })?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = match config.log_format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
    result.map_err(|e| format!("could not start logging: {e}"))
}

/// Feedback as CSV (for a spreadsheet) or JSON (for other tools).
fn feedback_report(kept: &[app::backend::KeptFeedback], json: bool) -> String {
    let received = |ms: i64| {
        chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default()
    };
    if json {
        let rows: Vec<_> = kept
            .iter()
            .map(|f| {
                serde_json::json!({
                    "received": received(f.received_at),
                    "satisfaction": f.satisfaction.code(),
                    "comments": f.comments,
                })
            })
            .collect();
        return serde_json::Value::Array(rows).to_string() + "\n";
    }
    let quote = |field: &str| format!("\"{}\"", field.replace('"', "\"\""));
    let mut csv = String::from("received,satisfaction,comments\n");
    for f in kept {
        csv.push_str(&format!(
            "{},{},{}\n",
            received(f.received_at),
            f.satisfaction.code(),
            quote(&f.comments)
        ));
    }
    csv
}

/// How far a long command has got: one line redrawn on a terminal, otherwise a line for
/// each tenth of each step.
fn progress_bar() -> impl FnMut(&str, usize, usize) + Send {
    use std::io::{IsTerminal, Write};
    let terminal = std::io::stderr().is_terminal();
    let mut shown = (String::new(), usize::MAX);
    move |step: &str, done: usize, total: usize| {
        let tenths = done * 10 / total.max(1);
        let percent = done * 100 / total.max(1);
        let mut err = std::io::stderr();
        if terminal {
            let filled = "#".repeat(tenths * 3);
            let _ = write!(
                err,
                "\r{step:>12} [{filled:<30}] {percent:>3}% ({done}/{total})"
            );
            if done >= total {
                let _ = writeln!(err);
            }
        } else if shown.0 != step || shown.1 != tenths {
            let _ = writeln!(err, "{step}: {percent}% ({done}/{total})");
        }
        shown = (step.to_owned(), tenths);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::backend::KeptFeedback;
    use app::domain::feedback::Satisfaction;

    #[test]
    fn the_csv_report_quotes_comments_so_commas_and_quotes_survive() {
        let kept = [KeptFeedback {
            satisfaction: Satisfaction::Neither,
            comments: "Good, but \"slow\"\nsometimes".to_owned(),
            received_at: 0,
        }];
        assert_eq!(
            feedback_report(&kept, false),
            "received,satisfaction,comments\n1970-01-01T00:00:00Z,neither,\"Good, but \"\"slow\"\"\nsometimes\"\n"
        );
    }
}
