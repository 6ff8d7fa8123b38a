//! Booking group case supervision. Business support and team managers book sessions for
//! their own team: the day, the families to discuss and who will attend. Nothing here
//! reads family content: only the team's families' names and references.

use crate::api::AppError;
use crate::api::supervision::{BookingView, Choice, SessionView};
use crate::backend::auth::CurrentSession;
use crate::backend::policy;
use crate::backend::store::{AuditRecord, Outcome, Store, StoreError, Who};
use crate::domain::ids::TeamId;
use crate::domain::people::StaffRole;
use crate::domain::supervision::SessionDay;
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
    let mut families: Vec<&String> = families.iter().collect();
    families.sort();
    families.dedup();
    for family in families {
        sqlx::query("INSERT INTO supervision_families (session_id, family_id) VALUES ($1, $2)")
            .bind(&id)
            .bind(family)
            .execute(&mut *audited.tx)
            .await
            .map_err(StoreError::from)?;
    }
    let mut attendees: Vec<&String> = attendees.iter().collect();
    attendees.sort();
    attendees.dedup();
    for person in attendees {
        sqlx::query("INSERT INTO supervision_attendees (session_id, staff_id) VALUES ($1, $2)")
            .bind(&id)
            .bind(person)
            .execute(&mut *audited.tx)
            .await
            .map_err(StoreError::from)?;
    }
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
