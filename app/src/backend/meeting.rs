//! "Before the meeting" on the server: the family's next group case supervision, and what
//! a member wants it to know.
//!
//! The question is asked of every member with an account in the same words, whoever they
//! are, so nothing a member sees depends on a flag. The answer is the member's own entry,
//! written like any other in one audited transaction, which also finds the session it was
//! asked for: an answer always names a session that stood when it was kept.
//!
//! "After the meeting" is here too: what the chair told a member about what was decided
//! and why, which only the members the chair chose read, and which a member flagged as a
//! risk to another never reads. Anything a member was not told is not found, exactly like
//! a meeting that never was; each read is audited, and its first is noted for the chair.

use crate::backend::auth::CurrentSession;
use crate::backend::policy::{self, FamilyFacts};
use crate::backend::store::identity::family_facts;
use crate::backend::store::record::{self as stored, ToldRow};
use crate::backend::store::{AuditRecord, AuditedTx, Conn, Outcome, Store, StoreError, Who};
use crate::backend::store::{entries, supervision};
use crate::backend::tools::{member, new_own_entry};
use crate::domain::FieldErrors;
use crate::domain::entries::EntryBody;
use crate::domain::flows::Flow;
use crate::domain::ids::{EntryId, FamilyId, MemberId, SubmissionId};
use crate::domain::meeting::MeetingWords;
use crate::domain::people::StaffRole;
use crate::dto::AppError;
use crate::dto::record::{ToldLink, ToldView};

pub use crate::domain::meeting::NO_MEETING;

/// The family's next standing group case supervision from the start of today (a session
/// booked for today is still to come): its id and day, if one is booked.
pub async fn next(
    conn: &mut Conn,
    family: FamilyId,
    now: i64,
) -> Result<Option<(String, i64)>, StoreError> {
    let today = crate::backend::supervision::start_of_day(now);
    Ok(supervision::next_session(conn, family, today)
        .await?
        .map(|row| (row.id, row.held_on)))
}

/// Keeps `answer` as the member's own entry for the family's next meeting, shared with
/// their workers if they chose so, and removes the draft it came from (`from`), in one
/// audited transaction. With no meeting booked nothing is written. A repeat of the same
/// submission changes nothing. `field` is the form's field that an error belongs to.
pub async fn answer(
    store: &Store,
    session: &CurrentSession,
    submission: SubmissionId,
    mut answer: MeetingWords,
    share_with_workers: bool,
    from: Option<Flow>,
    field: &'static str,
) -> Result<EntryId, AppError> {
    let (family, _) = member(session)?;
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let Some((meeting, _)) = next(&mut audited.tx, family, at).await? else {
        // Dropped unfinished, the transaction writes nothing.
        return Err(FieldErrors::single(field, NO_MEETING).into());
    };
    answer.meeting = meeting;
    answer.said.present = session.supported.as_ref().map(|s| s.present.clone());
    let body = EntryBody::ForMeeting(answer);
    let entry = new_own_entry(session, submission, &body, share_with_workers, from)?;
    let created = entries::create_entry(&mut audited.tx, entry, at).await?;
    Ok(audited.keep(created).await?)
}

/// What `member` was told about their team's meetings, newest first: nothing on a
/// practitioner's device handed to a child, which shows only what the child does there,
/// and nothing for a member flagged as a risk to another.
async fn told_rows(
    conn: &mut Conn,
    session: &CurrentSession,
    facts: &FamilyFacts,
    member: MemberId,
) -> Result<Vec<ToldRow>, AppError> {
    if session.supported.is_some() || !policy::may_be_told(facts, member) {
        return Ok(Vec::new());
    }
    Ok(stored::told_to(conn, facts.id, member).await?)
}

/// What the member was told about `meeting`, or the refusal (audited as `action`) that a
/// member never told about it gets, the same as for a meeting that never was.
async fn told_about(
    mut audited: AuditedTx,
    session: &CurrentSession,
    meeting: &str,
    action: &'static str,
) -> Result<(AuditedTx, ToldRow), AppError> {
    let (family, member) = member(session)?;
    let facts = family_facts(&mut audited.tx, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let row = told_rows(&mut audited.tx, session, &facts, member)
        .await?
        .into_iter()
        .find(|row| row.session_id == meeting);
    match row {
        Some(row) => Ok((audited, row)),
        None => Err(policy::refuse_in(
            audited,
            &session.actor,
            action,
            Some(family),
            Some(meeting.to_owned()),
            "not told about this meeting",
        )
        .await),
    }
}

/// Links to what the member was told, for their home, inside the home's audited read of
/// their family (`facts`).
pub(crate) async fn told_links(
    conn: &mut Conn,
    session: &CurrentSession,
    facts: &FamilyFacts,
) -> Result<Vec<ToldLink>, AppError> {
    let (_, member) = member(session)?;
    Ok(told_rows(conn, session, facts, member)
        .await?
        .into_iter()
        .map(|row| ToldLink {
            session: row.session_id,
            held_on: row.held_on,
            read: row.first_read_at.is_some(),
        })
        .collect())
}

/// Who was at a meeting, by role: the chair, then each role that attended, once.
async fn roles_at(conn: &mut Conn, meeting: &str) -> Result<Vec<String>, StoreError> {
    let mut roles = vec![StaffRole::TeamManager.title().to_owned()];
    for code in supervision::attendee_roles(conn, meeting).await? {
        let title = StaffRole::from_code(&code).map_or(code, |role| role.title().to_owned());
        if !roles.contains(&title) {
            roles.push(title);
        }
    }
    Ok(roles)
}

/// What the chair told the member about one meeting, read in one audited transaction that
/// also notes the member's first read for the chair.
pub async fn told(
    store: &Store,
    session: &CurrentSession,
    meeting: &str,
) -> Result<ToldView, AppError> {
    let (family, member) = member(session)?;
    let audited = store.begin_audited().await?;
    let (mut audited, row) = told_about(audited, session, meeting, "read_told").await?;
    let for_child = row.words == "child" && row.told_child.is_some();
    let words = if for_child {
        row.told_child.clone()
    } else {
        row.told_family.clone()
    };
    let roles = roles_at(&mut audited.tx, meeting).await?;
    let at = audited.now();
    stored::mark_read(&mut audited.tx, &row.record_id, member, at).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_told",
            Some(family),
            Some(meeting.to_owned()),
            Outcome::Allowed,
            format!(
                "version {}, {} words",
                row.version,
                if for_child { "child's" } else { "family's" }
            ),
        ))
        .await?;
    Ok(ToldView {
        session: row.session_id,
        held_on: row.held_on,
        roles,
        words: words.unwrap_or_default(),
        for_child,
    })
}

/// Keeps the member's answer to what they were told about `meeting` ("What I think about
/// the plan") as their own entry, shared with their workers if they chose so. An answer
/// about a meeting they were not told of is not found, and nothing is kept.
pub async fn answer_plan(
    store: &Store,
    session: &CurrentSession,
    submission: SubmissionId,
    mut answer: MeetingWords,
    share_with_workers: bool,
    meeting: &str,
) -> Result<EntryId, AppError> {
    let audited = store.begin_audited().await?;
    let (mut audited, _) = told_about(audited, session, meeting, "answer_plan").await?;
    answer.meeting = meeting.to_owned();
    answer.said.present = session.supported.as_ref().map(|s| s.present.clone());
    let body = EntryBody::OnPlan(answer);
    let entry = new_own_entry(session, submission, &body, share_with_workers, None)?;
    let at = audited.now();
    let created = entries::create_entry(&mut audited.tx, entry, at).await?;
    Ok(audited.keep(created).await?)
}
