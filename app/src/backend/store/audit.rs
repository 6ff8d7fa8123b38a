//! The audit trail: append-only and hash-chained, written in the same transaction as the
//! read or write it records.
//!
//! The trail is many chains, not one: each family's events form their own chain, and
//! events with no family (sign-ins, refusals, staff administration) go to one of
//! [`SYSTEM_CHAINS`] system chains chosen by a stable key. An audited transaction does its
//! work, then appends its rows to their chains, locking each chain's head row (in
//! `audit_chains`) only from that moment until it commits. So on PostgreSQL reads and
//! writes of different families never wait for each other; SQLite has one writer at a time
//! whatever the chains, and takes its write lock when the transaction begins.
//!
//! If a row cannot be written, nothing commits and nothing is returned. Each row's hash
//! covers the previous row's hash in its chain, its place in the chain and every field of
//! the row, and each chain's head holds the count and last hash, so `verify_audit` finds
//! any row edited, removed or moved. Rows written before the trail had chains form the
//! closed chain [`BEFORE_CHAINS`], verified the same way.

use super::{Backend, Store, StoreError};
use crate::domain::ids::{AccountId, FamilyId};
use futures_util::TryStreamExt;
use sha2::{Digest, Sha256};
use sqlx::{Any, Transaction};
use std::collections::BTreeMap;

/// How many chains hold the events that belong to no family. Changing it moves later
/// events to other chains; rows already written stay verifiable where they are.
pub const SYSTEM_CHAINS: u8 = 8;

/// The one chain every row was written to before each family had its own. Closed.
pub const BEFORE_CHAINS: &str = "before-chains";

/// The chain a family's events are appended to.
pub fn family_chain(family: FamilyId) -> String {
    format!("family:{family}")
}

/// The chain a row goes to: its family's, or a system chain chosen by who did it (or,
/// for someone not signed in, what was touched), so one account's events stay in order in
/// one chain.
pub fn chain_of(record: &AuditRecord) -> String {
    match record.family {
        Some(family) => family_chain(family),
        None => {
            let key = record
                .actor_account
                .map(|account| account.to_string())
                .or_else(|| record.subject.clone())
                .unwrap_or_else(|| record.action.to_owned());
            let digest = Sha256::digest(key.as_bytes());
            format!("system:{}", digest[0] % SYSTEM_CHAINS)
        }
    }
}

/// How a recorded request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Allowed,
    Denied,
    Failed,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::Denied => "denied",
            Outcome::Failed => "failed",
        }
    }
}

/// One row of the trail, before it is chained.
#[derive(Debug, Clone)]
pub struct AuditRecord {
    pub actor_account: Option<AccountId>,
    pub actor_name: String,
    pub actor_role: String,
    /// What was done, such as `read_entry` or `sign_in`.
    pub action: &'static str,
    pub family: Option<FamilyId>,
    /// What was touched: an entry id, a member id, a session id.
    pub subject: Option<String>,
    pub outcome: Outcome,
    /// A short, fixed explanation. Never anything a family wrote, and never a secret.
    pub detail: String,
}

/// Who did something, as the audit trail records them.
#[derive(Debug, Clone)]
pub struct Who {
    pub account: Option<AccountId>,
    pub name: String,
    pub role: String,
}

impl Who {
    /// Someone at the server's command line, or a test standing in for one.
    pub fn operator() -> Who {
        Who {
            account: None,
            name: "Server command line".to_owned(),
            role: "Operator".to_owned(),
        }
    }

    /// The signed-in (or not) person a request came from.
    pub fn actor(actor: &crate::backend::policy::Actor) -> Who {
        Who {
            account: actor.account(),
            name: actor.name().to_owned(),
            role: actor.role_title().to_owned(),
        }
    }
}

impl AuditRecord {
    pub fn new(
        who: &Who,
        action: &'static str,
        family: Option<FamilyId>,
        subject: Option<String>,
        outcome: Outcome,
        detail: impl Into<String>,
    ) -> AuditRecord {
        AuditRecord {
            actor_account: who.account,
            actor_name: who.name.clone(),
            actor_role: who.role.clone(),
            action,
            family,
            subject,
            outcome,
            detail: detail.into(),
        }
    }
}

/// A transaction that appends its audit rows when it finishes.
pub struct AuditedTx {
    pub tx: Transaction<'static, Any>,
    backend: Backend,
    clock: super::Clock,
    /// Rows appended so far, added to the store's count when they commit.
    rows: u64,
    appended: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// On SQLite, this transaction's turn as the one writer, held until it ends.
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
    /// For a read (`Store::begin_read`), the store whose group commit takes its rows.
    read: Option<Store>,
}

/// Reads whose audit rows wait to be committed together: each read, as it finishes, adds
/// its rows here and waits to lead. The leader takes every row waiting, appends them in
/// one transaction (one commit, one flush to disk) and tells each read how it went; reads
/// that arrive meanwhile wait for the next leader, whose commit takes them all.
#[derive(Default)]
pub struct GroupCommit {
    waiting: std::sync::Mutex<Vec<Waiting>>,
    leader: tokio::sync::Mutex<()>,
    commits: std::sync::atomic::AtomicU64,
}

struct Waiting {
    records: Vec<AuditRecord>,
    done: tokio::sync::oneshot::Sender<Result<(), String>>,
}

/// What a store function did inside the caller's audited transaction: its answer, and
/// the audit rows that say what it read or wrote, for the caller to append with
/// [`AuditedTx::keep`]. Store functions never open a transaction of their own, so one
/// backend call can do several things and keep all of them, or none.
#[must_use = "what was done is kept only when the audited transaction keeps it"]
#[derive(Debug)]
pub struct Audited<T> {
    pub value: T,
    pub records: Vec<AuditRecord>,
}

impl<T> Audited<T> {
    /// An answer that touched nothing worth a row, such as a draft that was not there.
    pub fn nothing(value: T) -> Audited<T> {
        Audited {
            value,
            records: Vec::new(),
        }
    }

    /// An answer with the one row that says what was done.
    pub fn one(value: T, record: AuditRecord) -> Audited<T> {
        Audited {
            value,
            records: vec![record],
        }
    }
}

/// A row as stored, for verification and for "who has seen this".
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    /// The order rows were written in across the deployment. Not part of the evidence:
    /// a row's place in its chain is.
    pub seq: i64,
    pub chain: String,
    pub chain_seq: i64,
    pub at: i64,
    #[sqlx(rename = "actor_account_id")]
    pub actor_account: Option<String>,
    pub actor_name: String,
    pub actor_role: String,
    pub action: String,
    #[sqlx(rename = "family_id")]
    pub family: Option<String>,
    pub subject: Option<String>,
    pub outcome: String,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

/// What `verify_audit` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditReport {
    pub rows: i64,
    pub chains: i64,
    /// Empty when every chain is whole.
    pub problems: Vec<String>,
}

/// The columns of [`AuditRow`] from `audit_events e`, in one place for every query that
/// reads them.
macro_rules! row_columns {
    () => {
        "e.seq, e.chain, e.chain_seq, e.at, e.actor_account_id, e.actor_name, e.actor_role, \
         e.action, e.family_id, e.subject, e.outcome, e.detail, e.prev_hash, e.hash"
    };
}

/// A row and its chain's head, read together when verifying.
macro_rules! checked_columns {
    () => {
        concat!(
            row_columns!(),
            ", h.seq AS head_seq, h.hash AS head_hash \
             FROM audit_events e LEFT JOIN audit_chains h ON h.chain = e.chain"
        )
    };
}

#[derive(sqlx::FromRow)]
struct CheckedRow {
    #[sqlx(flatten)]
    row: AuditRow,
    head_seq: Option<i64>,
    head_hash: Option<String>,
}

/// How many rows, or chains, one statement of `append` writes: within both databases'
/// limits on bound values (13 a row).
const APPEND_AT_ONCE: usize = 200;

/// How many rows `verify_audit_with` checks between two reports of progress.
pub const VERIFY_PROGRESS_EVERY: i64 = 100_000;

impl Store {
    /// Starts an audited transaction. It holds no chain until it appends its rows.
    pub async fn begin_audited(&self) -> Result<AuditedTx, StoreError> {
        let (tx, turn) = match self.backend {
            // One writer at a time: wait for this process's turn, then take the write lock
            // at once, rather than find at the first write that another transaction took
            // it meanwhile, which SQLite answers with an error instead of a wait.
            // A turn that never comes (a transaction that began another before ending)
            // fails as SQLite's own wait would, rather than stopping every writer.
            Backend::Sqlite => {
                let wait =
                    std::time::Duration::from_millis(super::SQLITE_BUSY_TIMEOUT_MS.unsigned_abs());
                let turn = tokio::time::timeout(wait, self.writer.clone().lock_owned())
                    .await
                    .map_err(|_| StoreError::WriterBusy(super::SQLITE_BUSY_TIMEOUT_MS))?;
                (self.pool.begin_with("BEGIN IMMEDIATE").await?, Some(turn))
            }
            Backend::Postgres => (self.pool.begin().await?, None),
        };
        Ok(self.audited_tx(tx, turn, None))
    }

    fn audited_tx(
        &self,
        tx: Transaction<'static, Any>,
        turn: Option<tokio::sync::OwnedMutexGuard<()>>,
        read: Option<Store>,
    ) -> AuditedTx {
        AuditedTx {
            tx,
            backend: self.backend,
            clock: self.clock.clone(),
            rows: 0,
            appended: self.appended.clone(),
            _turn: turn,
            read,
        }
    }

    /// Starts a transaction that only reads. When it finishes, its audit rows are
    /// committed together with those of the other reads finishing at the same moment, in
    /// a transaction of their own (group commit), and `finish` answers only once that
    /// commit is done: no committed row, no data. A read holds no chain and, on SQLite,
    /// does not wait for the writer. On PostgreSQL it is `READ ONLY`, so a write made in
    /// it by mistake fails instead of going unaudited.
    pub async fn begin_read(&self) -> Result<AuditedTx, StoreError> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin().await?,
            Backend::Postgres => self.pool.begin_with("BEGIN READ ONLY").await?,
        };
        Ok(self.audited_tx(tx, None, Some(self.clone())))
    }

    /// How many commits of reads' audit rows this process has made: fewer than the reads
    /// when reads finished together.
    pub fn read_commits(&self) -> u64 {
        self.reads
            .commits
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Commits `records` with those of every other read waiting at the same moment, and
    /// answers once the commit that holds them is done.
    async fn commit_read(&self, records: Vec<AuditRecord>) -> Result<(), StoreError> {
        let (done, mut answer) = tokio::sync::oneshot::channel();
        self.reads
            .waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(Waiting { records, done });
        let leader = self.reads.leader.lock().await;
        // The leader before may have taken these rows with theirs and already answered.
        match answer.try_recv() {
            Ok(result) => return result.map_err(StoreError::SharedCommit),
            Err(tokio::sync::oneshot::error::TryRecvError::Closed) => {
                return Err(StoreError::SharedCommit("the commit stopped".to_owned()));
            }
            Err(tokio::sync::oneshot::error::TryRecvError::Empty) => {}
        }
        let mut batch = std::mem::take(
            &mut *self
                .reads
                .waiting
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let store = self.clone();
        // In a task of its own, so that a request that goes away cannot cut short the
        // commit the others wait for.
        let commit = tokio::spawn(async move {
            let records: Vec<AuditRecord> = batch
                .iter_mut()
                .flat_map(|waiting| std::mem::take(&mut waiting.records))
                .collect();
            let committed = async {
                // Another leader, gone before its commit ended, may have taken them all.
                if records.is_empty() {
                    return Ok(());
                }
                let mut tx = store.begin_audited().await?;
                tx.append(&records).await?;
                tx.commit().await
            }
            .await
            .map_err(|e| e.to_string());
            store
                .reads
                .commits
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            for waiting in batch {
                let _ = waiting.done.send(committed.clone());
            }
        });
        let _ = commit.await;
        drop(leader);
        match answer.await {
            Ok(result) => result.map_err(StoreError::SharedCommit),
            Err(_) => Err(StoreError::SharedCommit("the commit stopped".to_owned())),
        }
    }

    /// Records one event on its own, such as a sign-in or a refusal.
    pub async fn audit(&self, record: AuditRecord) -> Result<(), StoreError> {
        self.begin_audited().await?.finish(record).await
    }

    /// Rows in the audit trail, for checks and tests.
    pub async fn audit_count(&self) -> Result<i64, StoreError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_events")
            .fetch_one(&self.pool)
            .await?;
        Ok(count)
    }

    /// Every row, in the order written, for tests and small trails.
    pub async fn audit_rows(&self) -> Result<Vec<AuditRow>, StoreError> {
        Ok(sqlx::query_as::<_, AuditRow>(concat!(
            "SELECT ",
            row_columns!(),
            " FROM audit_events e ORDER BY e.seq"
        ))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Recomputes every chain and compares each with its head.
    pub async fn verify_audit(&self) -> Result<AuditReport, StoreError> {
        self.verify_audit_with(None, &mut |_| {}).await
    }

    /// Recomputes every chain, or only `family`'s, reading one row at a time, so memory
    /// stays the same however long the trail. Calls `progress` with the rows checked so
    /// far every [`VERIFY_PROGRESS_EVERY`] rows.
    pub async fn verify_audit_with(
        &self,
        family: Option<FamilyId>,
        progress: &mut (dyn FnMut(i64) + Send),
    ) -> Result<AuditReport, StoreError> {
        // One statement reads every row beside its chain's head, so the two come from one
        // snapshot, and rows appended while the check runs never look like tampering.
        let mut conn = self.pool.acquire().await?;
        let only = family.map(family_chain);
        let mut report = AuditReport::default();
        let mut current: Option<ChainCheck> = None;
        {
            let mut rows = match &only {
                None => sqlx::query_as::<_, CheckedRow>(concat!(
                    "SELECT ",
                    checked_columns!(),
                    " ORDER BY e.chain, e.chain_seq"
                ))
                .fetch(&mut *conn),
                Some(chain) => sqlx::query_as::<_, CheckedRow>(concat!(
                    "SELECT ",
                    checked_columns!(),
                    " WHERE e.chain = $1 ORDER BY e.chain_seq"
                ))
                .bind(chain.clone())
                .fetch(&mut *conn),
            };
            while let Some(CheckedRow {
                row,
                head_seq,
                head_hash,
            }) = rows.try_next().await?
            {
                let check = match current.take() {
                    Some(check) if check.chain == row.chain => check,
                    finished => {
                        if let Some(done) = finished {
                            done.close(&mut report);
                        }
                        ChainCheck::new(row.chain.clone(), head_seq.zip(head_hash))
                    }
                };
                current = Some(check.next(&row, &mut report.problems));
                report.rows += 1;
                if report.rows % VERIFY_PROGRESS_EVERY == 0 {
                    progress(report.rows);
                }
            }
        }
        if let Some(done) = current {
            done.close(&mut report);
        }
        // A chain whose head counts rows that are not there at all was removed whole.
        let emptied: Vec<(String, i64)> = sqlx::query_as(
            "SELECT h.chain, h.seq FROM audit_chains h WHERE h.seq > 0 \
             AND ($1 IS NULL OR h.chain = $1) \
             AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.chain = h.chain)",
        )
        .bind(only)
        .fetch_all(&mut *conn)
        .await?;
        for (chain, seq) in emptied {
            report.problems.push(format!(
                "chain {chain}: its head says {seq} rows, but none are there: the chain was removed"
            ));
        }
        Ok(report)
    }
}

/// One chain being checked, row by row.
struct ChainCheck {
    chain: String,
    /// The chain's head as stored: how many rows, and the last one's hash.
    head: Option<(i64, String)>,
    rows: i64,
    prev: String,
}

impl ChainCheck {
    fn new(chain: String, head: Option<(i64, String)>) -> ChainCheck {
        ChainCheck {
            chain,
            head,
            rows: 0,
            prev: GENESIS.to_owned(),
        }
    }

    /// Checks the chain's next row: in its place, following the row before, unchanged.
    fn next(mut self, row: &AuditRow, problems: &mut Vec<String>) -> ChainCheck {
        let chain = &self.chain;
        let expected = self.rows.saturating_add(1);
        if row.chain_seq != expected {
            problems.push(format!(
                "chain {chain}: row {expected} is missing or out of place (found row {} there)",
                row.chain_seq
            ));
        }
        if row.prev_hash != self.prev {
            problems.push(format!(
                "chain {chain}: row {} does not follow the row before it",
                row.chain_seq
            ));
        }
        let recomputed = row_hash(&self.prev, row);
        if recomputed != row.hash {
            problems.push(format!(
                "chain {chain}: row {} has been changed since it was written",
                row.chain_seq
            ));
        }
        self.rows = expected;
        self.prev = row.hash.clone();
        self
    }

    /// Compares what the rows lead to with the chain's head.
    fn close(self, report: &mut AuditReport) {
        let chain = &self.chain;
        report.chains += 1;
        match self.head {
            None => report.problems.push(format!(
                "chain {chain}: it has {} rows but no head: they were added outside the service",
                self.rows
            )),
            Some((seq, hash)) if seq != self.rows || hash != self.prev => {
                report.problems.push(format!(
                    "chain {chain}: its head says {seq} rows, but {} rows lead to it: rows were removed from the end or added outside the service",
                    self.rows
                ));
            }
            Some(_) => {}
        }
    }
}

impl AuditedTx {
    /// The time now, by the store's clock.
    pub fn now(&self) -> i64 {
        (self.clock)()
    }

    /// Appends the row and commits everything together.
    pub async fn finish(self, record: AuditRecord) -> Result<(), StoreError> {
        self.finish_with(record, Vec::new()).await
    }

    /// Appends the rows of what was done, in order, commits, and answers its value. With no
    /// rows nothing was read or written: the transaction ends without one.
    pub async fn keep<T>(self, done: Audited<T>) -> Result<T, StoreError> {
        let mut records = done.records.into_iter();
        if let Some(first) = records.next() {
            self.finish_with(first, records.collect()).await?;
        }
        Ok(done.value)
    }

    /// Appends `first` and then each of `more` (one row per family a read covered, say),
    /// and commits everything together. A read (`Store::begin_read`) ends, and its rows
    /// are committed with other reads' rows; either way this answers once they are.
    pub async fn finish_with(
        mut self,
        first: AuditRecord,
        more: Vec<AuditRecord>,
    ) -> Result<(), StoreError> {
        let mut records = vec![first];
        records.extend(more);
        match self.read.take() {
            None => {
                self.append(&records).await?;
                self.commit().await
            }
            Some(store) => {
                // What was read is read: the snapshot goes back before the wait.
                self.tx.commit().await?;
                store.commit_read(records).await
            }
        }
    }

    /// Appends `records` to their chains, in the order given. From here until the
    /// transaction ends, each chain appended to is held: another transaction appending to
    /// the same chain waits. Chains are taken in name order, so two transactions that both
    /// append to two chains never each wait for the other.
    ///
    /// However many rows and chains, this is three statements (four on SQLite) for up to
    /// 200 of them: take the places, write the rows, move the heads.
    pub async fn append(&mut self, records: &[AuditRecord]) -> Result<(), StoreError> {
        if records.is_empty() {
            return Ok(());
        }
        let chains: Vec<String> = records.iter().map(chain_of).collect();
        let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
        for chain in &chains {
            *counts.entry(chain).or_default() += 1;
        }
        let counts: Vec<(&str, i64)> = counts.into_iter().collect();
        // Each chain's last place before ours and the hash of the row there. Taking
        // `count` places at the end of each chain (making the chain if it is new) leaves
        // the hash as it was, so the database answers the hash of the row before ours.
        let mut ends: BTreeMap<&str, (i64, String)> = BTreeMap::new();
        for chunk in counts.chunks(APPEND_AT_ONCE) {
            let values = super::tuples(chunk.len(), 3, "");
            let mut query =
                sqlx::query_as::<_, (String, i64, String)>(sqlx::AssertSqlSafe(format!(
                    "INSERT INTO audit_chains (chain, seq, hash) VALUES {values} \
                     ON CONFLICT (chain) DO UPDATE SET seq = audit_chains.seq + excluded.seq \
                     RETURNING chain, seq, hash"
                )));
            for (chain, count) in chunk {
                query = query.bind(*chain).bind(*count).bind(GENESIS);
            }
            for (chain, last, prev) in query.fetch_all(&mut *self.tx).await? {
                let Some((chain, count)) = chunk.iter().find(|(name, _)| *name == chain) else {
                    return Err(StoreError::Corrupt(format!("audit chain {chain:?}")));
                };
                ends.insert(chain, (last.saturating_sub(*count), prev));
            }
        }
        // SQLite: the writer holds the only write lock, so the next places in the
        // deployment's order are free to take. PostgreSQL: a sequence, held by nobody.
        let mut order = match self.backend {
            Backend::Sqlite => {
                let (last,): (i64,) =
                    sqlx::query_as("SELECT COALESCE(MAX(seq), 0) FROM audit_events")
                        .fetch_one(&mut *self.tx)
                        .await?;
                Some(last)
            }
            Backend::Postgres => None,
        };
        let at = self.now();
        let mut rows = Vec::with_capacity(records.len());
        for (record, chain) in records.iter().zip(&chains) {
            let Some((place, prev)) = ends.get(chain.as_str()).cloned() else {
                return Err(StoreError::Corrupt(format!("audit chain {chain:?}")));
            };
            let place = place.saturating_add(1);
            let fields = Fields::of_record(record);
            let hash = chain_hash(&prev, place, at, &fields);
            ends.insert(chain, (place, hash.clone()));
            order = order.map(|seq| seq.saturating_add(1));
            rows.push((order, chain, place, fields, prev, hash));
        }
        for chunk in rows.chunks(APPEND_AT_ONCE) {
            let order = match self.backend {
                Backend::Sqlite => "",
                Backend::Postgres => "nextval('audit_events_order'), ",
            };
            let per_row = if order.is_empty() { 14 } else { 13 };
            let values = super::tuples(chunk.len(), per_row, order);
            let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO audit_events (seq, chain, chain_seq, at, actor_account_id, \
                 actor_name, actor_role, action, family_id, subject, outcome, detail, prev_hash, \
                 hash) VALUES {values}"
            )));
            for (seq, chain, place, fields, prev, hash) in chunk {
                if let Some(seq) = seq {
                    query = query.bind(*seq);
                }
                query = query
                    .bind(chain.as_str())
                    .bind(*place)
                    .bind(at)
                    .bind(fields.actor_account.as_deref())
                    .bind(fields.actor_name.as_str())
                    .bind(fields.actor_role.as_str())
                    .bind(fields.action.as_str())
                    .bind(fields.family.as_deref())
                    .bind(fields.subject.as_deref())
                    .bind(fields.outcome.as_str())
                    .bind(fields.detail.as_str())
                    .bind(prev.as_str())
                    .bind(hash.as_str());
            }
            query.execute(&mut *self.tx).await?;
        }
        for record in records {
            super::reads::note(&mut self.tx, record, at).await?;
        }
        self.rows = self
            .rows
            .saturating_add(u64::try_from(records.len()).unwrap_or(u64::MAX));
        // Each chain's head moves to its last new row.
        let heads: Vec<(&str, (i64, String))> = ends.into_iter().collect();
        for chunk in heads.chunks(APPEND_AT_ONCE) {
            let values = super::tuples(chunk.len(), 3, "");
            let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO audit_chains (chain, seq, hash) VALUES {values} \
                 ON CONFLICT (chain) DO UPDATE SET hash = excluded.hash"
            )));
            for (chain, (place, hash)) in chunk {
                query = query.bind(*chain).bind(*place).bind(hash.as_str());
            }
            query.execute(&mut *self.tx).await?;
        }
        Ok(())
    }

    /// Commits the work and the rows appended to the trail, together.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        self.appended
            .fetch_add(self.rows, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
}

const GENESIS: &str = "genesis";

/// The hash a stored row must carry, given the hash of the row before it in its chain
/// (`genesis` for a chain's first row): what `verify_audit` recomputes, stated once for
/// anyone checking a trail with tools of their own.
pub fn row_hash(prev: &str, row: &AuditRow) -> String {
    chain_hash(prev, row.chain_seq, row.at, &Fields::of_row(row))
}

/// The hashed fields, as text, in one order.
struct Fields {
    actor_account: Option<String>,
    actor_name: String,
    actor_role: String,
    action: String,
    family: Option<String>,
    subject: Option<String>,
    outcome: String,
    detail: String,
}

impl Fields {
    fn of_record(record: &AuditRecord) -> Fields {
        Fields {
            actor_account: record.actor_account.map(|a| a.to_string()),
            actor_name: record.actor_name.clone(),
            actor_role: record.actor_role.clone(),
            action: record.action.to_owned(),
            family: record.family.map(|f| f.to_string()),
            subject: record.subject.clone(),
            outcome: record.outcome.code().to_owned(),
            detail: record.detail.clone(),
        }
    }

    fn of_row(row: &AuditRow) -> Fields {
        Fields {
            actor_account: row.actor_account.clone(),
            actor_name: row.actor_name.clone(),
            actor_role: row.actor_role.clone(),
            action: row.action.clone(),
            family: row.family.clone(),
            subject: row.subject.clone(),
            outcome: row.outcome.clone(),
            detail: row.detail.clone(),
        }
    }
}

/// SHA-256 over the previous hash and every field, each length-prefixed so that no two
/// different rows can produce the same input.
fn chain_hash(prev: &str, seq: i64, at: i64, fields: &Fields) -> String {
    let mut hasher = Sha256::new();
    let mut put = |value: Option<&str>| match value {
        None => hasher.update(b"-;"),
        Some(text) => {
            hasher.update(text.len().to_string().as_bytes());
            hasher.update(b":");
            hasher.update(text.as_bytes());
            hasher.update(b";");
        }
    };
    put(Some(prev));
    put(Some(&seq.to_string()));
    put(Some(&at.to_string()));
    put(fields.actor_account.as_deref());
    put(Some(&fields.actor_name));
    put(Some(&fields.actor_role));
    put(Some(&fields.action));
    put(fields.family.as_deref());
    put(fields.subject.as_deref());
    put(Some(&fields.outcome));
    put(Some(&fields.detail));
    hex(&hasher.finalize())
}

/// Bytes from lower- or upper-case hex; nothing if it is not hex.
pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Lower-case hex, for hashes stored as text.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(detail: &str) -> Fields {
        Fields {
            actor_account: None,
            actor_name: "A".into(),
            actor_role: "B".into(),
            action: "read_entry".into(),
            family: None,
            subject: Some("x".into()),
            outcome: "allowed".into(),
            detail: detail.into(),
        }
    }

    #[test]
    fn the_hash_changes_with_any_field_and_with_the_previous_hash() {
        let base = chain_hash("p", 1, 2, &fields("d"));
        assert_ne!(base, chain_hash("q", 1, 2, &fields("d")));
        assert_ne!(base, chain_hash("p", 2, 2, &fields("d")));
        assert_ne!(base, chain_hash("p", 1, 2, &fields("e")));
        assert_eq!(base, chain_hash("p", 1, 2, &fields("d")));
    }

    #[test]
    fn moving_text_between_fields_changes_the_hash() {
        let mut one = fields("d");
        one.actor_name = "AB".into();
        one.actor_role = String::new();
        let mut two = fields("d");
        two.actor_name = "A".into();
        two.actor_role = "B".into();
        assert_ne!(chain_hash("p", 1, 2, &one), chain_hash("p", 1, 2, &two));
    }
}
