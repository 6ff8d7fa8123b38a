//! Audit checkpoints while the server runs: taken every so often, kept in the database and
//! appended to a file outside it. See `app::backend::checkpoint` for what one holds.

use crate::config::Config;
use app::backend::Store;
use app::backend::checkpoint::{self, Checkpoint, CheckpointKey};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often the task looks at how much was audited since the last checkpoint.
const LOOK_EVERY: Duration = Duration::from_secs(1);

/// The key, the file and how often: what taking checkpoints needs.
#[derive(Debug)]
pub struct Checkpointing {
    key: CheckpointKey,
    file: PathBuf,
    every: Duration,
    every_rows: u64,
    /// The number of the last checkpoint in the file, once it has been read.
    in_file: tokio::sync::Mutex<Option<i64>>,
}

impl Checkpointing {
    /// From the configuration; nothing when no key is configured. A key that cannot be
    /// read stops the server starting: it was asked to anchor the trail and cannot.
    pub fn from_config(config: &Config) -> Result<Option<Checkpointing>, String> {
        let Some(path) = &config.audit.checkpoint_key else {
            return Ok(None);
        };
        Ok(Some(Checkpointing {
            key: read_key(path)?,
            file: config.checkpoint_file(),
            every: Duration::from_secs(config.audit.checkpoint_every_seconds),
            every_rows: config.audit.checkpoint_every_rows,
            in_file: tokio::sync::Mutex::new(None),
        }))
    }

    /// Takes a checkpoint of what moved since the last, if anything did, and brings the
    /// file up to date with it. It is in the database before the file: if the file cannot
    /// be written the checkpoint still counts, and the next time the file is brought up to
    /// date.
    ///
    /// Several servers on one database each take checkpoints, one numbered sequence among
    /// them, so each server's file gets every checkpoint, whoever took it: a file with a
    /// gap would look, to `verify-audit`, like one that had a checkpoint cut out.
    pub async fn take(&self, store: &Store) -> Result<Option<Checkpoint>, String> {
        let taken = checkpoint::take(store, &self.key)
            .await
            .map_err(|e| format!("could not take an audit checkpoint: {e}"))?;
        self.catch_up(store).await?;
        Ok(taken)
    }

    /// Appends to the file every checkpoint the database holds after the file's last.
    async fn catch_up(&self, store: &Store) -> Result<(), String> {
        let mut in_file = self.in_file.lock().await;
        let last = match *in_file {
            Some(last) => last,
            None => last_in_file(&self.file)?,
        };
        let lines = async {
            app::backend::store::checkpoints::lines_after(
                &mut *store.pool_connection().await?,
                last,
            )
            .await
        }
        .await
        .map_err(|e| format!("could not read the audit checkpoints: {e}"))?;
        if let Some((newest, _)) = lines.last() {
            let text: String = lines.iter().map(|(_, line)| format!("{line}\n")).collect();
            append(&self.file, &text)?;
            *in_file = Some(*newest);
        } else {
            *in_file = Some(last);
        }
        Ok(())
    }

    /// Takes checkpoints until the server stops: every `every` if anything was audited,
    /// and as soon as `every_rows` rows were written by this server since the last.
    pub async fn run(self: std::sync::Arc<Self>, store: Store) {
        let mut look = tokio::time::interval(LOOK_EVERY);
        look.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_time = tokio::time::Instant::now();
        let mut last_rows = store.rows_appended();
        loop {
            look.tick().await;
            let rows = store.rows_appended();
            let due = rows.saturating_sub(last_rows) >= self.every_rows
                || last_time.elapsed() >= self.every;
            if !due {
                continue;
            }
            match self.take(&store).await {
                Ok(taken) => {
                    if let Some(taken) = taken {
                        tracing::debug!(
                            checkpoint = taken.checkpoint,
                            chains = taken.heads.len(),
                            "audit checkpoint taken"
                        );
                    }
                    last_time = tokio::time::Instant::now();
                    last_rows = rows;
                }
                Err(error) => tracing::error!(%error, "the audit trail is not anchored"),
            }
        }
    }
}

/// Reads the signing key from its file.
pub fn read_key(path: &Path) -> Result<CheckpointKey, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "could not read the audit checkpoint key {}: {e}",
            path.display()
        )
    })?;
    CheckpointKey::from_text(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes a new signing key to `path`, readable by its owner only. Never overwrites.
pub fn write_new_key(path: &Path) -> Result<CheckpointKey, String> {
    let key = CheckpointKey::generate();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => format!(
            "{} already exists; choose a new file so no key is overwritten",
            path.display()
        ),
        _ => format!("could not write {}: {e}", path.display()),
    })?;
    file.write_all(key.file_text().as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("could not write {}: {e}", path.display()))?;
    Ok(key)
}

/// The number of the last checkpoint in the file at `path`, read a line at a time; 0
/// for a file not yet written.
fn last_in_file(path: &Path) -> Result<i64, String> {
    use std::io::BufRead;
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => {
            return Err(format!(
                "could not read the checkpoint file {}: {e}",
                path.display()
            ));
        }
    };
    let mut last = 0;
    for line in std::io::BufReader::new(file).lines() {
        let line = line
            .map_err(|e| format!("could not read the checkpoint file {}: {e}", path.display()))?;
        if let Ok(checkpoint) = Checkpoint::parse(&line) {
            last = last.max(checkpoint.checkpoint);
        }
    }
    Ok(last)
}

/// Appends lines to the checkpoint file and waits until they are on disk.
fn append(path: &Path, text: &str) -> Result<(), String> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| format!("could not open the checkpoint file {}: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_data())
        .map_err(|e| {
            format!(
                "could not write the checkpoint file {}: {e}",
                path.display()
            )
        })
}
