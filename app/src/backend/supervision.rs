//! Booking group case supervision. Business support and team managers book sessions for
//! their own team: the day, the families to discuss and who will attend. Nothing here
//! reads family content: only the team's families' names and references.

use crate::backend::auth::CurrentSession;
use crate::backend::policy;
use crate::backend::store::Conn;
use crate::backend::store::supervision::{self as stored, ChangeRow};
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

async fn choices(conn: &mut Conn, team: TeamId) -> Result<(Vec<Choice>, Vec<Choice>), StoreError> {
    let families = stored::team_families(conn, team).await?;
    let staff = stored::team_staff(conn, team).await?;
    Ok((
        families
            .into_iter()
            .map(|f| Choice {
                id: f.id,
                label: format!("{} ({})", f.display_name, f.reference),
            })
            .collect(),
        staff
            .into_iter()
            .map(|s| Choice {
                id: s.id,
                label: StaffRole::from_code(&s.role).map_or_else(
                    || s.display_name.clone(),
                    |r| format!("{}, {}", s.display_name, r.title()),
                ),
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
async fn names(conn: &mut Conn, session: &str) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let families = stored::family_names(conn, session).await?;
    let attending = stored::attendee_names(conn, session).await?;
    Ok((families, attending))
}

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
        conn: &mut Conn,
        team: TeamId,
        session: &str,
    ) -> Result<Option<Booking>, StoreError> {
        let Some(booked) = stored::booked(conn, team, session).await? else {
            return Ok(None);
        };
        let changes = stored::changes(conn, session).await?;
        Ok(Some(Booking {
            booked_for: booked.held_on,
            booked_by: booked.display_name,
            booked_at: booked.booked_at,
            changes,
        }))
    }

    /// Every session of `team` with its changes, in two reads however many there are.
    async fn all_of(conn: &mut Conn, team: TeamId) -> Result<Vec<(String, Booking)>, StoreError> {
        let booked = stored::team_booked(conn, team).await?;
        let changes = stored::team_changes(conn, team).await?;
        Ok(booked
            .into_iter()
            .map(|row| {
                let changes = changes
                    .iter()
                    .filter(|c| c.session_id == row.id)
                    .map(|c| c.change.clone())
                    .collect();
                let booking = Booking {
                    booked_for: row.booked.held_on,
                    booked_by: row.booked.display_name,
                    booked_at: row.booked.booked_at,
                    changes,
                };
                (row.id, booking)
            })
            .collect())
    }

    /// The day it is set for now: the latest move's, or the day it was booked for.
    fn held_on(&self) -> i64 {
        self.changes
            .iter()
            .rev()
            .find_map(|c| c.held_on)
            .unwrap_or(self.booked_for)
    }

    fn cancelled(&self) -> bool {
        self.changes.iter().any(|c| c.change == "cancelled")
    }

    /// How many changes it has had: a change made from a page that saw fewer is stale.
    fn seq(&self) -> i64 {
        self.changes.last().map_or(0, |c| c.seq)
    }

    /// Each change in words, oldest first, with the day it moved from.
    fn history(&self) -> Vec<ChangeView> {
        let mut day = self.booked_for;
        self.changes
            .iter()
            .map(|c| {
                let from = day;
                if let Some(to) = c.held_on {
                    day = to;
                }
                ChangeView {
                    cancelled: c.change == "cancelled",
                    from,
                    to: c.held_on,
                    reason: c.reason.clone(),
                    by: c.changed_by_name.clone(),
                    at: c.changed_at,
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
async fn written_for(conn: &mut Conn, session: &str) -> Result<(i64, i64), StoreError> {
    let summaries = stored::summary_count(conn, session).await?;
    let records = crate::backend::store::record::count_for_session(conn, session).await?;
    Ok((summaries, records))
}

const RECORD_STARTED: &str = "The team manager has started the record of this session, so its day cannot change and it cannot be cancelled.";
const SUMMARIES_WRITTEN: &str = "Progress summaries have been written for this session. Move it to another day instead, so they stay with it.";

pub async fn bookings(store: &Store, session: &CurrentSession) -> Result<BookingView, AppError> {
    let team = team_of(session)?;
    let mut audited = store.begin_audited().await?;
    let name = stored::team_name(&mut audited.tx, team).await?;
    let (families, staff) = choices(&mut audited.tx, team).await?;
    let now = store.now();
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
    let now = store.now();
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
    let now = store.now();
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
    let new = stored::NewChange {
        session: id,
        seq: booking.seq() + 1,
        change: kind,
        held_on: to,
        reason,
        changed_by: changer,
        changed_by_name: session.actor.name(),
        changed_at: now,
    };
    stored::add_change(&mut audited.tx, &new).await?;
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
    stored::add_session(
        &mut audited.tx,
        &id,
        team,
        day.millis(),
        booker,
        store.now(),
    )
    .await?;
    stored::link_families(&mut audited.tx, &id, families).await?;
    stored::link_attendees(&mut audited.tx, &id, attendees).await?;
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
    conn: &mut Conn,
    family: FamilyId,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    stored::last_held_before(conn, family, start_of_day(now)).await
}

/// `last_held` for each of `families` that has had a session, read together.
pub(crate) async fn last_held_each(
    conn: &mut Conn,
    families: &[FamilyId],
    now: i64,
) -> Result<std::collections::HashMap<FamilyId, i64>, StoreError> {
    Ok(
        stored::last_held_before_each(conn, families, start_of_day(now))
            .await?
            .into_iter()
            .collect(),
    )
}

/// The session a family's summaries are for now: its next one (today or later), or, when
/// none is booked ahead, its latest.
pub(crate) async fn current_session(
    conn: &mut Conn,
    family: FamilyId,
    now: i64,
) -> Result<Option<(String, i64)>, StoreError> {
    let today = start_of_day(now);
    let next = stored::next_session(conn, family, today).await?;
    let current = match next {
        Some(next) => Some(next),
        None => stored::latest_session(conn, family).await?,
    };
    Ok(current.map(|s| (s.id, s.held_on)))
}

/// The latest version of each practitioner's summary for a family and session, with who
/// wrote it.
pub(crate) async fn summaries(
    conn: &mut Conn,
    family: FamilyId,
    session: &str,
) -> Result<Vec<(String, SummaryView)>, StoreError> {
    let rows = stored::summary_versions(conn, family, session).await?;
    let mut latest: Vec<(String, SummaryView)> = Vec::new();
    for row in rows {
        let view = SummaryView {
            by: row.staff_name,
            discipline: Discipline::from_code(&row.discipline)
                .map_or(row.discipline.clone(), |d| d.title().to_owned()),
            version: row.version,
            words: row.body,
            finalised: row.r#final == 1,
            written_at: row.written_at,
        };
        match latest.iter_mut().find(|(s, _)| *s == row.staff_id) {
            Some(slot) => slot.1 = view,
            None => latest.push((row.staff_id, view)),
        }
    }
    Ok(latest)
}

/// Getting ready for supervision, for a practitioner who may open the family: part of the
/// caller's audited read of the family.
pub async fn prep(
    conn: &mut Conn,
    actor: &policy::Actor,
    family: FamilyId,
    now: i64,
) -> Result<Option<SupervisionPrep>, StoreError> {
    let policy::Actor::Staff { staff, role, .. } = actor else {
        return Ok(None);
    };
    let Some((session, held_on)) = current_session(conn, family, now).await? else {
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
    let (mut audited, _) = crate::backend::family::open_for_staff(
        store.begin_audited().await?,
        session,
        family,
        "save_summary",
    )
    .await?;
    // A session that discussed the family and still stands (not cancelled).
    let discussed = stored::discussed_count(&mut audited.tx, supervision, family).await?;
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
    let so_far = stored::summary_state(&mut audited.tx, supervision, family, staff).await?;
    if so_far.finalised == Some(1) {
        refuse(audited, "the summary is finalised").await?;
        return Err(AppError::Invalid(FieldErrors::single(
            "summary",
            "This summary is finalised, so it cannot be changed.",
        )));
    }
    let version = so_far.latest.unwrap_or(0) + 1;
    let new = stored::NewSummary {
        session: supervision,
        family,
        staff,
        staff_name: session.actor.name(),
        discipline: discipline.code(),
        version,
        body: words.as_str(),
        finalise,
        written_at: store.now(),
    };
    stored::add_summary(&mut audited.tx, &new).await?;
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
