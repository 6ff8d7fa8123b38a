//! Booking group case supervision. Business support and team managers book sessions for
//! their own team: the day, the families to discuss and who will attend. Nothing here
//! reads family content: only the team's families' names and references.

use crate::backend::auth::CurrentSession;
use crate::backend::policy;
use crate::backend::store::{AuditRecord, AuditedTx, Outcome, Store, StoreError, Who};
use crate::domain::ids::FamilyId;
use crate::domain::ids::TeamId;
use crate::domain::people::StaffRole;
use crate::domain::supervision::{Discipline, SessionChange, SessionDay};
use crate::domain::tools::Words;
use crate::dto::AppError;
use crate::dto::supervision::{
    BookingView, ChangeView, Choice, SessionDetail, SessionView, SummaryView, SupervisionPrep,
};
use sqlx::AnyConnection;

async fn choices(
    conn: &mut AnyConnection,
    team: TeamId,
) -> Result<(Vec<Choice>, Vec<Choice>), StoreError> {
    let families: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, display_name, reference FROM families WHERE team_id = $1 ORDER BY reference",
    )
    .bind(team.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let staff: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, display_name, role FROM staff WHERE team_id = $1 ORDER BY display_name, id",
    )
    .bind(team.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok((
        families
            .into_iter()
            .map(|(id, name, reference)| Choice {
                id,
                label: format!("{name} ({reference})"),
            })
            .collect(),
        staff
            .into_iter()
            .map(|(id, name, role)| Choice {
                id,
                label: StaffRole::from_code(&role)
                    .map_or_else(|| name.clone(), |r| format!("{name}, {}", r.title())),
            })
            .collect(),
    ))
}

/// An audit row about a team's bookings: no family, since booking reads no family content.
fn booking_audit(
    session: &CurrentSession,
    action: &'static str,
    subject: String,
    outcome: Outcome,
    detail: impl Into<String>,
) -> AuditRecord {
    AuditRecord::new(
        &Who::actor(&session.actor),
        action,
        None,
        Some(subject),
        outcome,
        detail,
    )
}

/// The booker's team: who may book, or not found.
fn team_of(session: &CurrentSession) -> Result<TeamId, AppError> {
    policy::may_book_supervision(&session.actor).ok_or(AppError::NotFound)
}

/// The names of a session's families and of who will attend, in a stable order.
async fn names(
    conn: &mut AnyConnection,
    session: &str,
) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let families: Vec<(String,)> = sqlx::query_as(
        "SELECT f.display_name FROM supervision_families s JOIN families f ON f.id = s.family_id \
         WHERE s.session_id = $1 ORDER BY f.reference",
    )
    .bind(session)
    .fetch_all(&mut *conn)
    .await?;
    let attending: Vec<(String,)> = sqlx::query_as(
        "SELECT st.display_name FROM supervision_attendees a JOIN staff st ON st.id = a.staff_id \
         WHERE a.session_id = $1 ORDER BY st.display_name",
    )
    .bind(session)
    .fetch_all(&mut *conn)
    .await?;
    Ok((
        families.into_iter().map(|(n,)| n).collect(),
        attending.into_iter().map(|(n,)| n).collect(),
    ))
}

type ChangeRow = (i64, String, Option<i64>, String, String, i64);
/// A change with the session it was made to first.
type TeamChangeRow = (String, i64, String, Option<i64>, String, String, i64);

/// A booking and every change made to it since, in order.
struct Booking {
    booked_for: i64,
    booked_by: String,
    booked_at: i64,
    changes: Vec<ChangeRow>,
}

impl Booking {
    /// Reads a session of `team`; another team's session is not there.
    async fn read(
        conn: &mut AnyConnection,
        team: TeamId,
        session: &str,
    ) -> Result<Option<Booking>, StoreError> {
        let booked: Option<(i64, String, i64)> = sqlx::query_as(
            "SELECT s.held_on, st.display_name, s.booked_at FROM supervision_sessions s \
             JOIN staff st ON st.id = s.booked_by WHERE s.id = $1 AND s.team_id = $2",
        )
        .bind(session)
        .bind(team.to_string())
        .fetch_optional(&mut *conn)
        .await?;
        let Some((booked_for, booked_by, booked_at)) = booked else {
            return Ok(None);
        };
        let changes = sqlx::query_as(
            "SELECT seq, change, held_on, reason, changed_by_name, changed_at \
             FROM supervision_changes WHERE session_id = $1 ORDER BY seq",
        )
        .bind(session)
        .fetch_all(&mut *conn)
        .await?;
        Ok(Some(Booking {
            booked_for,
            booked_by,
            booked_at,
            changes,
        }))
    }

    /// Every session of `team` with its changes, in two reads however many there are.
    async fn all_of(
        conn: &mut AnyConnection,
        team: TeamId,
    ) -> Result<Vec<(String, Booking)>, StoreError> {
        let booked: Vec<(String, i64, String, i64)> = sqlx::query_as(
            "SELECT s.id, s.held_on, st.display_name, s.booked_at FROM supervision_sessions s \
             JOIN staff st ON st.id = s.booked_by WHERE s.team_id = $1",
        )
        .bind(team.to_string())
        .fetch_all(&mut *conn)
        .await?;
        let changes: Vec<TeamChangeRow> = sqlx::query_as(
            "SELECT c.session_id, c.seq, c.change, c.held_on, c.reason, c.changed_by_name, \
                 c.changed_at FROM supervision_changes c \
                 JOIN supervision_sessions s ON s.id = c.session_id \
                 WHERE s.team_id = $1 ORDER BY c.session_id, c.seq",
        )
        .bind(team.to_string())
        .fetch_all(&mut *conn)
        .await?;
        Ok(booked
            .into_iter()
            .map(|(id, booked_for, booked_by, booked_at)| {
                let changes = changes
                    .iter()
                    .filter(|c| c.0 == id)
                    .map(|(_, seq, change, to, reason, by, at)| {
                        (*seq, change.clone(), *to, reason.clone(), by.clone(), *at)
                    })
                    .collect();
                let booking = Booking {
                    booked_for,
                    booked_by,
                    booked_at,
                    changes,
                };
                (id, booking)
            })
            .collect())
    }

    /// The day it is set for now: the latest move's, or the day it was booked for.
    fn held_on(&self) -> i64 {
        self.changes
            .iter()
            .rev()
            .find_map(|(_, _, to, ..)| *to)
            .unwrap_or(self.booked_for)
    }

    fn cancelled(&self) -> bool {
        self.changes
            .iter()
            .any(|(_, change, ..)| change == "cancelled")
    }

    /// How many changes it has had: a change made from a page that saw fewer is stale.
    fn seq(&self) -> i64 {
        self.changes.last().map_or(0, |(seq, ..)| *seq)
    }

    /// Each change in words, oldest first, with the day it moved from.
    fn history(&self) -> Vec<ChangeView> {
        let mut day = self.booked_for;
        self.changes
            .iter()
            .map(|(_, change, to, reason, by, at)| {
                let from = day;
                if let Some(to) = to {
                    day = *to;
                }
                ChangeView {
                    cancelled: change == "cancelled",
                    from,
                    to: *to,
                    reason: reason.clone(),
                    by: by.clone(),
                    at: *at,
                }
            })
            .collect()
    }

    /// Why it can no longer be moved or cancelled at all, if it cannot.
    fn settled(&self, today: i64) -> Option<&'static str> {
        if self.cancelled() {
            Some("This session has been cancelled. To hold it after all, book a new session.")
        } else if self.held_on() < start_of_day(today) {
            Some("This session has been held, so it cannot be moved or cancelled.")
        } else {
            None
        }
    }
}

/// What has been written for a session so far: progress summaries, and versions of a
/// record. Counted, never read: the booker sees no family content.
async fn written_for(conn: &mut AnyConnection, session: &str) -> Result<(i64, i64), StoreError> {
    let (summaries,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM progress_summaries WHERE session_id = $1")
            .bind(session)
            .fetch_one(&mut *conn)
            .await?;
    let (records,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM supervision_records WHERE session_id = $1")
            .bind(session)
            .fetch_one(&mut *conn)
            .await?;
    Ok((summaries, records))
}

const RECORD_STARTED: &str = "The team manager has started the record of this session, so its day cannot change and it cannot be cancelled.";
const SUMMARIES_WRITTEN: &str = "Progress summaries have been written for this session. Move it to another day instead, so they stay with it.";

pub async fn bookings(store: &Store, session: &CurrentSession) -> Result<BookingView, AppError> {
    let team = team_of(session)?;
    let mut audited = store.begin_audited().await?;
    let (name,): (String,) = sqlx::query_as("SELECT name FROM teams WHERE id = $1")
        .bind(team.to_string())
        .fetch_one(&mut *audited.tx)
        .await
        .map_err(StoreError::from)?;
    let (families, staff) = choices(&mut audited.tx, team).await?;
    let now = crate::backend::store::now_ms();
    let mut shown = Vec::new();
    for (id, booking) in Booking::all_of(&mut audited.tx, team).await? {
        let (families, attendees) = names(&mut audited.tx, &id).await?;
        let held_on = booking.held_on();
        shown.push(SessionView {
            held_on,
            moved_from: (held_on != booking.booked_for).then_some(booking.booked_for),
            cancelled: booking.cancelled(),
            may_change: booking.settled(now).is_none(),
            id,
            families,
            attendees,
        });
    }
    // Newest day first, so the sessions to come are at the top.
    shown.sort_by(|a, b| b.held_on.cmp(&a.held_on).then_with(|| a.id.cmp(&b.id)));
    audited
        .finish(booking_audit(
            session,
            "read_bookings",
            team.to_string(),
            Outcome::Allowed,
            "",
        ))
        .await?;
    Ok(BookingView {
        team: name,
        families,
        staff,
        sessions: shown,
    })
}

/// One session of the booker's team, with its history and what can still be done to it.
pub async fn booking(
    store: &Store,
    session: &CurrentSession,
    id: &str,
) -> Result<SessionDetail, AppError> {
    let team = team_of(session)?;
    let mut audited = store.begin_audited().await?;
    let Some(booking) = Booking::read(&mut audited.tx, team, id).await? else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "read_booking",
            Some(id.to_owned()),
            "not found or another team's",
        )
        .await);
    };
    let (families, attendees) = names(&mut audited.tx, id).await?;
    let (summaries, records) = written_for(&mut audited.tx, id).await?;
    let now = crate::backend::store::now_ms();
    let settled = booking
        .settled(now)
        .or((records > 0).then_some(RECORD_STARTED));
    audited
        .finish(booking_audit(
            session,
            "read_booking",
            id.to_owned(),
            Outcome::Allowed,
            "",
        ))
        .await?;
    Ok(SessionDetail {
        id: id.to_owned(),
        held_on: booking.held_on(),
        cancelled: booking.cancelled(),
        families,
        attendees,
        booked_by: booking.booked_by.clone(),
        booked_at: booking.booked_at,
        booked_for: booking.booked_for,
        changes: booking.history(),
        seq: booking.seq(),
        settled: settled.map(str::to_owned),
        no_cancel: (summaries > 0).then(|| SUMMARIES_WRITTEN.to_owned()),
    })
}

/// The day `at` falls on, as an ISO date for the audit trail.
fn iso_day(at: i64) -> String {
    chrono::DateTime::from_timestamp_millis(at)
        .map(|t| t.date_naive().to_string())
        .unwrap_or_default()
}

/// Moves or cancels a session of the booker's team, as a new change that keeps the
/// booking and every earlier change. `seen` is how many changes the booker's page showed:
/// a change made from an older page is stopped, with what they typed kept.
pub async fn change(
    store: &Store,
    session: &CurrentSession,
    id: &str,
    seen: Option<i64>,
    change: Result<SessionChange, crate::domain::FieldErrors>,
) -> Result<(), AppError> {
    use crate::domain::FieldErrors;
    let team = team_of(session)?;
    let Some(changer) = (match &session.actor {
        policy::Actor::Staff { staff, .. } => Some(*staff),
        _ => None,
    }) else {
        return Err(AppError::NotFound);
    };
    let mut audited = store.begin_audited().await?;
    let refuse = |audited: AuditedTx, action: &'static str, detail: &'static str| {
        policy::record_refusal(
            audited,
            &session.actor,
            action,
            None,
            Some(id.to_owned()),
            detail,
        )
    };
    let Some(booking) = Booking::read(&mut audited.tx, team, id).await? else {
        refuse(audited, "change_supervision", "not found or another team's").await?;
        return Err(AppError::NotFound);
    };
    // Only now, once the session is known to be theirs, are the booker's words checked.
    let change = change.map_err(AppError::Invalid)?;
    let action = match change {
        SessionChange::Move { .. } => "move_supervision",
        SessionChange::Cancel { .. } => "cancel_supervision",
    };
    let (summaries, records) = written_for(&mut audited.tx, id).await?;
    let now = crate::backend::store::now_ms();
    let problem = if let Some(settled) = booking.settled(now) {
        Some(("already cancelled or held", settled))
    } else if seen.is_some_and(|seen| seen != booking.seq()) {
        Some((
            "changed from an older page",
            "Someone else changed this session after you opened this page. What you typed is still in the form: check the changes listed on this page, then try again.",
        ))
    } else if records > 0 {
        Some(("its record is started", RECORD_STARTED))
    } else {
        match &change {
            SessionChange::Move { to, .. } if to.millis() == booking.held_on() => Some((
                "moved to the same day",
                "The session is already on that day. Enter the new date of the session.",
            )),
            SessionChange::Cancel { .. } if summaries > 0 => {
                Some(("summaries written for it", SUMMARIES_WRITTEN))
            }
            _ => None,
        }
    };
    if let Some((detail, message)) = problem {
        refuse(audited, action, detail).await?;
        return Err(AppError::Invalid(FieldErrors::single(
            change.field(),
            message,
        )));
    }
    let (kind, to, reason, detail) = match &change {
        SessionChange::Move { to, reason } => (
            "moved",
            Some(to.millis()),
            reason.as_ref().map_or("", |r| r.as_str()),
            format!(
                "from {} to {}",
                iso_day(booking.held_on()),
                iso_day(to.millis())
            ),
        ),
        SessionChange::Cancel { reason } => (
            "cancelled",
            None,
            reason.as_str(),
            format!("was on {}", iso_day(booking.held_on())),
        ),
    };
    sqlx::query(
        "INSERT INTO supervision_changes (id, session_id, seq, change, held_on, reason, \
         changed_by, changed_by_name, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(id)
    .bind(booking.seq() + 1)
    .bind(kind)
    .bind(to)
    .bind(reason)
    .bind(changer.to_string())
    .bind(session.actor.name())
    .bind(now)
    .execute(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    // The reason is the booker's free text: it stays in the booking, not the audit trail.
    audited
        .finish(booking_audit(
            session,
            action,
            id.to_owned(),
            Outcome::Allowed,
            detail,
        ))
        .await?;
    Ok(())
}

/// Links a session to each of `ids` once (a family discussed, a person attending), with
/// `insert` taking the session as `$1` and the id as `$2`.
async fn link_each(
    conn: &mut AnyConnection,
    insert: &'static str,
    session: &str,
    ids: &[String],
) -> Result<(), StoreError> {
    let mut ids: Vec<&String> = ids.iter().collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        sqlx::query(insert)
            .bind(session)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Books a session for the booker's team. A family or person not in the team is not
/// found, exactly as one that does not exist.
pub async fn book(
    store: &Store,
    session: &CurrentSession,
    day: SessionDay,
    families: &[String],
    attendees: &[String],
) -> Result<(), AppError> {
    let team = team_of(session)?;
    let Some(booker) = (match &session.actor {
        policy::Actor::Staff { staff, .. } => Some(*staff),
        _ => None,
    }) else {
        return Err(AppError::NotFound);
    };
    let mut audited = store.begin_audited().await?;
    let (team_families, team_staff) = choices(&mut audited.tx, team).await?;
    let known = |list: &[Choice], id: &String| list.iter().any(|c| c.id == *id);
    if !families.iter().all(|f| known(&team_families, f))
        || !attendees.iter().all(|a| known(&team_staff, a))
    {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "book_supervision",
            Some(team.to_string()),
            "a family or person not in the team",
        )
        .await);
    }
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO supervision_sessions (id, team_id, held_on, booked_by, booked_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(team.to_string())
    .bind(day.millis())
    .bind(booker.to_string())
    .bind(crate::backend::store::now_ms())
    .execute(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    link_each(
        &mut audited.tx,
        "INSERT INTO supervision_families (session_id, family_id) VALUES ($1, $2)",
        &id,
        families,
    )
    .await?;
    link_each(
        &mut audited.tx,
        "INSERT INTO supervision_attendees (session_id, staff_id) VALUES ($1, $2)",
        &id,
        attendees,
    )
    .await?;
    audited
        .finish(booking_audit(
            session,
            "book_supervision",
            id,
            Outcome::Allowed,
            "",
        ))
        .await?;
    Ok(())
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The start of the day `at` falls in. Session days are stored as their start.
pub(crate) fn start_of_day(at: i64) -> i64 {
    at - at.rem_euclid(DAY_MS)
}

/// The day of the family's last group case supervision: the latest session on a day
/// before today. A session booked for today is still to come, so on the day itself the
/// pack covers the time since the one before.
pub(crate) async fn last_held(
    conn: &mut AnyConnection,
    family: FamilyId,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let (held_on,): (Option<i64>,) = sqlx::query_as(
        "SELECT MAX(s.held_on) FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         WHERE f.family_id = $1 AND s.held_on < $2",
    )
    .bind(family.to_string())
    .bind(start_of_day(now))
    .fetch_one(&mut *conn)
    .await?;
    Ok(held_on)
}

/// The session a family's summaries are for now: its next one (today or later), or, when
/// none is booked ahead, its latest.
pub(crate) async fn current_session(
    conn: &mut AnyConnection,
    family: FamilyId,
    now: i64,
) -> Result<Option<(String, i64)>, StoreError> {
    let today = start_of_day(now);
    let next: Option<(String, i64)> = sqlx::query_as(
        "SELECT s.id, s.held_on FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         WHERE f.family_id = $1 AND s.held_on >= $2 ORDER BY s.held_on, s.id LIMIT 1",
    )
    .bind(family.to_string())
    .bind(today)
    .fetch_optional(&mut *conn)
    .await?;
    if next.is_some() {
        return Ok(next);
    }
    Ok(sqlx::query_as(
        "SELECT s.id, s.held_on FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         WHERE f.family_id = $1 ORDER BY s.held_on DESC, s.id LIMIT 1",
    )
    .bind(family.to_string())
    .fetch_optional(&mut *conn)
    .await?)
}

type SummaryRow = (String, String, String, i64, String, i64, i64);

/// The latest version of each practitioner's summary for a family and session, with who
/// wrote it.
pub(crate) async fn summaries(
    conn: &mut AnyConnection,
    family: FamilyId,
    session: &str,
) -> Result<Vec<(String, SummaryView)>, StoreError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT staff_id, staff_name, discipline, version, body, final, written_at \
         FROM progress_summaries WHERE family_id = $1 AND session_id = $2 \
         ORDER BY staff_id, version",
    )
    .bind(family.to_string())
    .bind(session)
    .fetch_all(&mut *conn)
    .await?;
    let mut latest: Vec<(String, SummaryView)> = Vec::new();
    for (staff, by, discipline, version, words, finalised, written_at) in rows {
        let view = SummaryView {
            by,
            discipline: Discipline::from_code(&discipline)
                .map_or(discipline.clone(), |d| d.title().to_owned()),
            version,
            words,
            finalised: finalised == 1,
            written_at,
        };
        match latest.iter_mut().find(|(s, _)| *s == staff) {
            Some(slot) => slot.1 = view,
            None => latest.push((staff, view)),
        }
    }
    Ok(latest)
}

/// Getting ready for supervision, for a practitioner who may open the family: part of the
/// caller's audited read of the family.
pub async fn prep(
    conn: &mut AnyConnection,
    actor: &policy::Actor,
    family: FamilyId,
) -> Result<Option<SupervisionPrep>, StoreError> {
    let policy::Actor::Staff { staff, role, .. } = actor else {
        return Ok(None);
    };
    let Some((session, held_on)) =
        current_session(conn, family, crate::backend::store::now_ms()).await?
    else {
        return Ok(None);
    };
    let all = summaries(conn, family, &session).await?;
    let me = staff.to_string();
    let mine = all.iter().find(|(s, _)| *s == me).map(|(_, v)| v.clone());
    let others = all
        .into_iter()
        .filter(|(s, _)| *s != me)
        .map(|(_, v)| v)
        .collect();
    let records = crate::backend::record::links(conn, family).await?;
    Ok(Some(SupervisionPrep {
        session,
        held_on,
        discipline: Discipline::of(*role).map(|d| d.title().to_owned()),
        mine,
        others,
        records,
    }))
}

/// Adds a version of the practitioner's summary for a family and session. A finalised
/// summary takes no more versions.
pub async fn save_summary(
    store: &Store,
    session: &CurrentSession,
    family: FamilyId,
    supervision: &str,
    words: &Words,
    finalise: bool,
) -> Result<(), AppError> {
    use crate::domain::FieldErrors;
    let (mut audited, _) =
        crate::backend::family::open_for_staff(store, session, family, "save_summary").await?;
    // A session that discussed the family and still stands (not cancelled).
    let (discussed,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM supervision_families f \
         JOIN supervision_current s ON s.id = f.session_id \
         WHERE f.session_id = $1 AND f.family_id = $2",
    )
    .bind(supervision)
    .bind(family.to_string())
    .fetch_one(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    let writer = match (&session.actor, discussed) {
        (policy::Actor::Staff { staff, role, .. }, 1..) => Some((*staff, Discipline::of(*role))),
        _ => None,
    };
    let refuse = |audited: AuditedTx, detail: &'static str| {
        policy::record_refusal(
            audited,
            &session.actor,
            "save_summary",
            Some(family),
            Some(supervision.to_owned()),
            detail,
        )
    };
    let Some((staff, discipline)) = writer else {
        refuse(audited, "no such session for the family").await?;
        return Err(AppError::NotFound);
    };
    let Some(discipline) = discipline else {
        refuse(audited, "team managers write the record, not a summary").await?;
        return Err(AppError::Invalid(FieldErrors::single(
            "summary",
            "Team managers chair supervision and write its record, not a progress summary.",
        )));
    };
    let (latest, finalised): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT MAX(version), MAX(final) FROM progress_summaries \
         WHERE session_id = $1 AND family_id = $2 AND staff_id = $3",
    )
    .bind(supervision)
    .bind(family.to_string())
    .bind(staff.to_string())
    .fetch_one(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    if finalised == Some(1) {
        refuse(audited, "the summary is finalised").await?;
        return Err(AppError::Invalid(FieldErrors::single(
            "summary",
            "This summary is finalised, so it cannot be changed.",
        )));
    }
    let version = latest.unwrap_or(0) + 1;
    sqlx::query(
        "INSERT INTO progress_summaries (id, session_id, family_id, staff_id, staff_name, \
         discipline, version, body, final, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(supervision)
    .bind(family.to_string())
    .bind(staff.to_string())
    .bind(session.actor.name())
    .bind(discipline.code())
    .bind(version)
    .bind(words.as_str())
    .bind(i64::from(finalise))
    .bind(crate::backend::store::now_ms())
    .execute(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "save_summary",
            Some(family),
            Some(supervision.to_owned()),
            Outcome::Allowed,
            if finalise {
                format!("version {version}, finalised")
            } else {
                format!("version {version}, draft")
            },
        ))
        .await?;
    Ok(())
}
