//! "Before the meeting" on the server: the family's next group case supervision, and what
//! a member wants it to know.
//!
//! The question is asked of every member with an account in the same words, whoever they
//! are, so nothing a member sees depends on a flag. The answer is the member's own entry,
//! written like any other in one audited transaction, which also finds the session it was
//! asked for: an answer always names a session that stood when it was kept.

use crate::backend::auth::CurrentSession;
use crate::backend::store::{Conn, Store, StoreError, entries, supervision};
use crate::backend::tools::{member, new_own_entry};
use crate::domain::FieldErrors;
use crate::domain::entries::EntryBody;
use crate::domain::flows::Flow;
use crate::domain::ids::{EntryId, FamilyId, SubmissionId};
use crate::domain::meeting::MeetingWords;
use crate::dto::AppError;

/// What saving says when no meeting is booked any more (it was cancelled while the member
/// wrote). What they wrote is kept as their draft.
pub const NO_MEETING: &str =
    "Your team has no meeting booked now, so this cannot be sent yet. What you wrote is kept.";

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
