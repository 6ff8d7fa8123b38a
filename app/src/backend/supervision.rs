//! Booking group case supervision. Business support and team managers book sessions for
//! their own team: the day, the families to discuss and who will attend. Nothing here
//! reads family content: only the team's families' names and references.

use crate::api::AppError;
use crate::api::supervision::{BookingView, Choice, SessionView, SummaryView, SupervisionPrep};
use crate::backend::auth::CurrentSession;
use crate::backend::policy;
use crate::backend::store::{AuditRecord, Outcome, Store, StoreError, Who};
use crate::domain::ids::FamilyId;
use crate::domain::ids::TeamId;
use crate::domain::people::StaffRole;
use crate::domain::supervision::{Discipline, SessionDay};
use crate::domain::tools::Words;
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

/// The booker's team: who may book, or not found.
fn team_of(session: &CurrentSession) -> Result<TeamId, AppError> {
    policy::may_book_supervision(&session.actor).ok_or(AppError::NotFound)
}

pub async fn bookings(store: &Store, session: &CurrentSession) -> Result<BookingView, AppError> {
    let team = team_of(session)?;
    let mut audited = store.begin_audited().await?;
    let (name,): (String,) = sqlx::query_as("SELECT name FROM teams WHERE id = $1")
        .bind(team.to_string())
        .fetch_one(&mut *audited.tx)
        .await
        .map_err(StoreError::from)?;
    let (families, staff) = choices(&mut audited.tx, team).await?;
    let sessions: Vec<(String, i64)> = sqlx::query_as(
        "SELECT id, held_on FROM supervision_sessions WHERE team_id = $1 ORDER BY held_on DESC, id",
    )
    .bind(team.to_string())
    .fetch_all(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    let mut shown = Vec::new();
    for (id, held_on) in sessions {
        let discussed: Vec<(String,)> = sqlx::query_as(
            "SELECT f.display_name FROM supervision_families s JOIN families f ON f.id = s.family_id \
             WHERE s.session_id = $1 ORDER BY f.reference",
        )
        .bind(&id)
        .fetch_all(&mut *audited.tx)
        .await
        .map_err(StoreError::from)?;
        let attending: Vec<(String,)> = sqlx::query_as(
            "SELECT st.display_name FROM supervision_attendees a JOIN staff st ON st.id = a.staff_id \
             WHERE a.session_id = $1 ORDER BY st.display_name",
        )
        .bind(&id)
        .fetch_all(&mut *audited.tx)
        .await
        .map_err(StoreError::from)?;
        shown.push(SessionView {
            held_on,
            families: discussed.into_iter().map(|(n,)| n).collect(),
            attendees: attending.into_iter().map(|(n,)| n).collect(),
        });
    }
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_bookings",
            None,
            Some(team.to_string()),
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
        audited
            .finish(AuditRecord::new(
                &Who::actor(&session.actor),
                "book_supervision",
                None,
                Some(team.to_string()),
                Outcome::Denied,
                "a family or person not in the team",
            ))
            .await?;
        return Err(AppError::NotFound);
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
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "book_supervision",
            None,
            Some(id),
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
        "SELECT MAX(s.held_on) FROM supervision_sessions s \
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
        "SELECT s.id, s.held_on FROM supervision_sessions s \
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
        "SELECT s.id, s.held_on FROM supervision_sessions s \
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
    let mut audited = store.begin_audited().await?;
    let facts = crate::backend::store::identity::family_facts(&mut audited.tx, family).await?;
    let (discussed,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM supervision_families WHERE session_id = $1 AND family_id = $2",
    )
    .bind(supervision)
    .bind(family.to_string())
    .fetch_one(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    let writer = match (&session.actor, facts, discussed) {
        (policy::Actor::Staff { staff, role, .. }, Some(facts), 1..)
            if policy::may_open_family(&session.actor, &facts) =>
        {
            Some((*staff, Discipline::of(*role)))
        }
        _ => None,
    };
    let refuse = |detail: &'static str| {
        AuditRecord::new(
            &Who::actor(&session.actor),
            "save_summary",
            Some(family),
            Some(supervision.to_owned()),
            Outcome::Denied,
            detail,
        )
    };
    let Some((staff, discipline)) = writer else {
        audited.finish(refuse("not found or not permitted")).await?;
        return Err(AppError::NotFound);
    };
    let Some(discipline) = discipline else {
        audited
            .finish(refuse("team managers write the record, not a summary"))
            .await?;
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
        audited.finish(refuse("the summary is finalised")).await?;
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
