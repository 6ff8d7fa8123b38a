//! Drafts: a member's answers so far, before they save them as an entry.
//!
//! A draft is keyed by its author, the tool and the goal it is about, so there is one at
//! most and coming back carries on where they left off. Every read that finds a draft,
//! every save and every removal answers its audit row for the caller's transaction,
//! naming the question but never the words. Whoever calls these has already decided that the member
//! is the author (the key is always the signed-in member's own).

use super::audit::{AuditRecord, Outcome, Who};
use super::{Audited, Conn, StoreError};
use crate::domain::flows::{Answers, Flow};
use crate::domain::ids::{EntryId, FamilyId, MemberId, SubmissionId};

/// Whose draft, for which tool, about which goal.
#[derive(Debug, Clone, Copy)]
pub struct DraftKey {
    pub family: FamilyId,
    pub member: MemberId,
    pub flow: Flow,
    pub goal: Option<EntryId>,
}

impl DraftKey {
    fn subject(&self) -> String {
        self.goal.map(|g| g.to_string()).unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The submission id the finished entry will be saved under.
    pub id: SubmissionId,
    pub answers: Answers,
    pub updated_at: i64,
    /// When the latest words it holds were typed, by the typing device's clock; 0 if
    /// they came from a page without scripts.
    pub typed_at: i64,
}

/// What became of an answer on its way into a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Kept: the draft as it is now.
    Kept(Draft),
    /// Words as typed that were not kept: older than what the draft holds, or from a
    /// page whose entry has been saved since.
    Late,
    /// There is no draft yet, and the caller gave nothing to start one from.
    NeedsSeed,
    /// The goal the draft would be about is not the member's own (or not there).
    NoSuchGoal,
}

/// One answer on its way into a draft.
#[derive(Debug, Clone, Copy)]
pub struct Keep<'a> {
    pub question: &'a str,
    pub value: &'a str,
    /// When it was typed, by the device's clock, if the page said.
    pub typed_at: Option<i64>,
    /// Kept as it is being typed (true), or given with Continue (false).
    pub as_typed: bool,
}

fn read_answers(raw: &str) -> Result<Answers, StoreError> {
    serde_json::from_str(raw).map_err(|_| StoreError::Corrupt("a draft's answers".to_owned()))
}

fn write_answers(answers: &Answers) -> Result<String, StoreError> {
    serde_json::to_string(answers).map_err(|_| StoreError::Corrupt("a draft's answers".to_owned()))
}

/// `Draft` as selected, before its answers are read.
#[derive(sqlx::FromRow)]
struct DraftRow {
    id: SubmissionId,
    answers: String,
    updated_at: i64,
    typed_at: i64,
}

async fn find(conn: &mut Conn, key: &DraftKey) -> Result<Option<Draft>, StoreError> {
    let row: Option<DraftRow> = sqlx::query_as(
        "SELECT id, answers, updated_at, typed_at FROM drafts \
         WHERE member_id = $1 AND flow = $2 AND subject = $3",
    )
    .bind(key.member.to_string())
    .bind(key.flow.code())
    .bind(key.subject())
    .fetch_optional(conn)
    .await?;
    row.map(|row| {
        Ok(Draft {
            id: row.id,
            answers: read_answers(&row.answers)?,
            updated_at: row.updated_at,
            typed_at: row.typed_at,
        })
    })
    .transpose()
}

/// The member's draft for this tool and goal, if there is one.
pub async fn draft(
    conn: &mut Conn,
    key: &DraftKey,
    by: &Who,
) -> Result<Audited<Option<Draft>>, StoreError> {
    let Some(draft) = find(conn, key).await? else {
        // Nothing was read: no row.
        return Ok(Audited::nothing(None));
    };
    let record = AuditRecord::new(
        by,
        "read_draft",
        Some(key.family),
        Some(draft.id.to_string()),
        Outcome::Allowed,
        key.flow.code(),
    );
    Ok(Audited::one(Some(draft), record))
}

/// Saves one answer into the member's draft, starting the draft if there is none
/// (with `seed` as its other answers, and `submission` as its id unless that id has
/// been used already, by a saved entry or another draft).
///
/// Words kept as typed that are older than what the draft holds (they arrived late),
/// or that belong to a page whose entry has been saved since, are not kept. An
/// answer given with Continue always is. A draft about a goal is kept only while the
/// goal is the member's own, checked in the same transaction; starting a draft needs
/// a `seed`, and without one nothing is written.
pub async fn save_answer(
    conn: &mut Conn,
    key: &DraftKey,
    submission: SubmissionId,
    seed: Option<&Answers>,
    keep: Keep<'_>,
    by: &Who,
    at: i64,
) -> Result<Audited<Saved>, StoreError> {
    let Keep {
        question,
        value,
        typed_at,
        as_typed,
    } = keep;
    if let Some(goal) = key.goal {
        let (own,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM entries \
             WHERE id = $1 AND family_id = $2 AND author_member_id = $3 AND kind = $4",
        )
        .bind(goal.to_string())
        .bind(key.family.to_string())
        .bind(key.member.to_string())
        .bind(crate::domain::entries::EntryKind::Goal.code())
        .fetch_one(&mut *conn)
        .await?;
        if own == 0 {
            return Ok(Audited::nothing(Saved::NoSuchGoal));
        }
    }
    let (draft, detail) = match find(conn, key).await? {
        Some(draft) if as_typed && typed_at.is_some_and(|t| t <= draft.typed_at) => (
            None,
            format!(
                "{}: {question}, typed before what it holds",
                key.flow.code()
            ),
        ),
        Some(mut draft) => {
            draft.answers.insert(question.to_owned(), value.to_owned());
            draft.updated_at = at;
            draft.typed_at = draft.typed_at.max(typed_at.unwrap_or(0));
            sqlx::query(
                "UPDATE drafts SET answers = $1, updated_at = $2, typed_at = $3 WHERE id = $4",
            )
            .bind(write_answers(&draft.answers)?)
            .bind(at)
            .bind(draft.typed_at)
            .bind(draft.id.to_string())
            .execute(&mut *conn)
            .await?;
            (Some(draft), format!("{}: {question}", key.flow.code()))
        }
        None => {
            let Some(seed) = seed else {
                return Ok(Audited::nothing(Saved::NeedsSeed));
            };
            let (saved, drafted): (i64, i64) = sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM entries WHERE submission_id = $1), \
                        (SELECT COUNT(*) FROM drafts WHERE id = $2)",
            )
            .bind(super::entries::submission_key(key.member, submission))
            .bind(submission.to_string())
            .fetch_one(&mut *conn)
            .await?;
            if as_typed && saved > 0 {
                // Typing that arrives after its entry was saved would start a draft
                // nobody is writing any more.
                return Ok(Audited::nothing(Saved::Late));
            }
            // A page from before an earlier save (reached with Back) starts afresh,
            // so its answers are not taken for a repeat of what was saved then.
            let id = if saved + drafted > 0 {
                SubmissionId::new()
            } else {
                submission
            };
            let mut answers = seed.clone();
            answers.insert(question.to_owned(), value.to_owned());
            let typed_at = typed_at.unwrap_or(0);
            sqlx::query(
                "INSERT INTO drafts (id, member_id, flow, subject, answers, created_at, \
                 updated_at, typed_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7)",
            )
            .bind(id.to_string())
            .bind(key.member.to_string())
            .bind(key.flow.code())
            .bind(key.subject())
            .bind(write_answers(&answers)?)
            .bind(at)
            .bind(typed_at)
            .execute(&mut *conn)
            .await?;
            let draft = Draft {
                id,
                answers,
                updated_at: at,
                typed_at,
            };
            (Some(draft), format!("{}: {question}", key.flow.code()))
        }
    };
    let subject = draft.as_ref().map(|d| d.id.to_string());
    let record = AuditRecord::new(
        by,
        "save_draft",
        Some(key.family),
        subject,
        Outcome::Allowed,
        detail,
    );
    Ok(Audited::one(draft.map_or(Saved::Late, Saved::Kept), record))
}

/// Removes the member's draft for this tool and goal: it was saved as an entry, or they
/// threw it away. True if there was one; with no draft there is nothing to audit.
pub async fn remove_draft(
    conn: &mut Conn,
    key: &DraftKey,
    by: &Who,
    why: &str,
) -> Result<Audited<bool>, StoreError> {
    let Some(draft) = find(conn, key).await? else {
        return Ok(Audited::nothing(false));
    };
    sqlx::query("DELETE FROM drafts WHERE id = $1")
        .bind(draft.id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(Audited::one(
        true,
        AuditRecord::new(
            by,
            "remove_draft",
            Some(key.family),
            Some(draft.id.to_string()),
            Outcome::Allowed,
            format!("{}: {why}", key.flow.code()),
        ),
    ))
}
