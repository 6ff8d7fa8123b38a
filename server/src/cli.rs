//! The server's commands: `serve` (the default), `migrate`, `seed-demo` and `backup`.

use crate::config::{Config, LogFormat};
use crate::{Application, open_store, seed, shutdown_signal};
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
