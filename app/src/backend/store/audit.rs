//! The audit trail: append-only and hash-chained, written in the same transaction as the
//! read or write it records.
//!
//! An audited transaction starts by advancing the chain's head (`audit_head`), which makes
//! audited transactions take turns on both backends, then does its work, then appends its
//! row and commits. If the row cannot be written, nothing commits and nothing is returned.
//! Each row's hash covers the previous row's hash and every field of the row, so
//! `verify_audit` finds any row edited, removed or moved.

use super::{Store, StoreError};
use crate::domain::ids::{AccountId, FamilyId};
use sha2::{Digest, Sha256};
use sqlx::{Any, Transaction};

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

/// A transaction that will append exactly one audit row when it finishes.
pub struct AuditedTx {
    pub tx: Transaction<'static, Any>,
    seq: i64,
    prev_hash: String,
    clock: super::Clock,
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
    pub seq: i64,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    pub rows: i64,
    pub head_hash: String,
    /// Empty when the chain is whole.
    pub problems: Vec<String>,
}

impl Store {
    /// Starts an audited transaction: takes the next place in the chain.
    pub async fn begin_audited(&self) -> Result<AuditedTx, StoreError> {
        let mut tx = self.pool.begin().await?;
        // A write first, so SQLite takes its write lock now (waiting its turn) and
        // PostgreSQL locks the head row until commit.
        let (seq, prev_hash): (i64, String) =
            sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
                .fetch_one(&mut *tx)
                .await?;
        Ok(AuditedTx {
            tx,
            seq,
            prev_hash,
            clock: self.clock.clone(),
        })
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

    /// Every row, in order.
    pub async fn audit_rows(&self) -> Result<Vec<AuditRow>, StoreError> {
        Ok(sqlx::query_as::<_, AuditRow>(
            "SELECT seq, at, actor_account_id, actor_name, actor_role, action, family_id, \
             subject, outcome, detail, prev_hash, hash FROM audit_events ORDER BY seq",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Recomputes the whole chain and compares it with what is stored.
    pub async fn verify_audit(&self) -> Result<AuditReport, StoreError> {
        let rows = self.audit_rows().await?;
        let (head_seq, head_hash): (i64, String) =
            sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        let mut problems = Vec::new();
        let mut prev = GENESIS.to_owned();
        for (index, row) in rows.iter().enumerate() {
            let expected_seq = i64::try_from(index).unwrap_or(i64::MAX).saturating_add(1);
            if row.seq != expected_seq {
                problems.push(format!(
                    "row {expected_seq} is missing or out of place (found row {} there)",
                    row.seq
                ));
            }
            if row.prev_hash != prev {
                problems.push(format!("row {} does not follow the row before it", row.seq));
            }
            let recomputed = chain_hash(&prev, row.seq, row.at, &Fields::of_row(row));
            if recomputed != row.hash {
                problems.push(format!(
                    "row {} has been changed since it was written",
                    row.seq
                ));
            }
            prev = row.hash.clone();
        }
        let count = i64::try_from(rows.len()).unwrap_or(i64::MAX);
        if head_seq != count || head_hash != prev {
            problems.push(format!(
                "the chain's head says {head_seq} rows, but {count} rows lead to it: rows were removed from the end or added outside the service"
            ));
        }
        Ok(AuditReport {
            rows: count,
            head_hash,
            problems,
        })
    }
}

impl AuditedTx {
    /// The time now, by the store's clock.
    pub fn now(&self) -> i64 {
        (self.clock)()
    }

    /// Appends the row, moves the head on, and commits everything together.
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
    /// each in its own place in the chain, and commits everything together.
    pub async fn finish_with(
        mut self,
        first: AuditRecord,
        more: Vec<AuditRecord>,
    ) -> Result<(), StoreError> {
        self.append(&first).await?;
        for record in &more {
            let (seq,): (i64,) =
                sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq")
                    .fetch_one(&mut *self.tx)
                    .await?;
            self.seq = seq;
            self.append(record).await?;
        }
        sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
            .bind(&self.prev_hash)
            .execute(&mut *self.tx)
            .await?;
        self.tx.commit().await?;
        Ok(())
    }

    /// Writes one row at this transaction's place in the chain.
    async fn append(&mut self, record: &AuditRecord) -> Result<(), StoreError> {
        let at = self.now();
        let fields = Fields::of_record(record);
        let hash = chain_hash(&self.prev_hash, self.seq, at, &fields);
        sqlx::query(
            "INSERT INTO audit_events (seq, at, actor_account_id, actor_name, actor_role, action, \
             family_id, subject, outcome, detail, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(self.seq)
        .bind(at)
        .bind(fields.actor_account)
        .bind(fields.actor_name)
        .bind(fields.actor_role)
        .bind(fields.action)
        .bind(fields.family)
        .bind(fields.subject)
        .bind(fields.outcome)
        .bind(fields.detail)
        .bind(&self.prev_hash)
        .bind(&hash)
        .execute(&mut *self.tx)
        .await?;
        self.prev_hash = hash;
        super::reads::note(&mut self.tx, record, at).await?;
        Ok(())
    }
}

const GENESIS: &str = "genesis";

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
