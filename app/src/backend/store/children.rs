//! Children: the screens chosen for a child, and supported sessions ("hand to child").
//!
//! Nothing here decides who may do what; the policy does, before these are called. Writes
//! take the audited transaction they belong to.

use super::{StoreError, parse_id};
use crate::domain::child::AgeBand;
use crate::domain::ids::{MemberId, StaffId};
use sqlx::AnyConnection;

/// The open supported session on a session, if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SupportedRow {
    pub id: String,
    #[sqlx(rename = "staff_id")]
    pub staff: StaffId,
    #[sqlx(rename = "member_id")]
    pub member: MemberId,
    pub started_at: i64,
    /// The child's chosen language (`accounts.language`), read with the hand-over so a
    /// child's page costs no query more.
    pub language: Option<String>,
}

/// The newest choice of screens for each member of `family` that has one, as
/// `band_choice` gives it for one member: one query for the whole family.
pub async fn band_choices(
    conn: &mut AnyConnection,
    family: crate::domain::ids::FamilyId,
) -> Result<std::collections::HashMap<MemberId, Option<AgeBand>>, StoreError> {
    let rows: Vec<(MemberId, Option<String>)> = sqlx::query_as(
        "SELECT c.member_id, c.band FROM age_band_choices c \
         JOIN members m ON m.id = c.member_id WHERE m.family_id = $1 \
         ORDER BY c.chosen_at, c.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let mut newest = std::collections::HashMap::new();
    for (member, band) in rows {
        let band = match band {
            None => None,
            Some(code) => Some(
                AgeBand::from_code(&code)
                    .ok_or_else(|| StoreError::Corrupt(format!("age band {code:?}")))?,
            ),
        };
        // In time order, so the last one kept for each member is their newest.
        newest.insert(member, band);
    }
    Ok(newest)
}

/// The practitioner's newest choice of screens: `None` when nobody chose, `Some(None)`
/// when the last choice was "back to the date of birth".
pub async fn band_choice(
    conn: &mut AnyConnection,
    member: MemberId,
) -> Result<Option<Option<AgeBand>>, StoreError> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT band FROM age_band_choices WHERE member_id = $1 \
         ORDER BY chosen_at DESC, id DESC LIMIT 1",
    )
    .bind(member.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|(band,)| match band {
        None => Ok(None),
        Some(code) => AgeBand::from_code(&code)
            .map(Some)
            .ok_or_else(|| StoreError::Corrupt(format!("age band {code:?}"))),
    })
    .transpose()
}

pub async fn choose_band(
    conn: &mut AnyConnection,
    member: MemberId,
    band: Option<AgeBand>,
    staff: StaffId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO age_band_choices (id, member_id, band, staff_id, chosen_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(member.to_string())
    .bind(band.map(|b| b.code()))
    .bind(staff.to_string())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The supported session open on a signed-in session, if any.
pub async fn open_supported(
    conn: &mut AnyConnection,
    session_hash: &str,
) -> Result<Option<SupportedRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.staff_id, s.member_id, s.started_at, a.language \
         FROM supported_sessions s LEFT JOIN accounts a ON a.member_id = s.member_id \
         WHERE s.session_hash = $1 AND s.ended_at IS NULL",
    )
    .bind(session_hash)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Opens child mode on a session. Returns the new row's id.
pub async fn start_supported(
    conn: &mut AnyConnection,
    session_hash: &str,
    staff: StaffId,
    member: MemberId,
    now: i64,
) -> Result<String, StoreError> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO supported_sessions (id, session_hash, staff_id, member_id, started_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id.clone())
    .bind(session_hash.to_owned())
    .bind(staff.to_string())
    .bind(member.to_string())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Closes child mode on a session, if it was open. `reason` is `handed_back` or
/// `session_ended`.
pub async fn end_supported(
    conn: &mut AnyConnection,
    session_hash: &str,
    reason: &'static str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE supported_sessions SET ended_at = $2, end_reason = $3 \
         WHERE session_hash = $1 AND ended_at IS NULL",
    )
    .bind(session_hash.to_owned())
    .bind(now)
    .bind(reason)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// The entries a child made during one handover of a practitioner's device: all that the
/// device may show or share while it is handed over.
pub async fn handover_entries(
    conn: &mut AnyConnection,
    supported: &str,
) -> Result<Vec<crate::domain::ids::EntryId>, StoreError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT entry_id FROM supported_entries WHERE supported_id = $1")
            .bind(supported)
            .fetch_all(&mut *conn)
            .await?;
    rows.into_iter()
        .map(|(id,)| parse_id(&id, crate::domain::ids::EntryId::parse))
        .collect()
}
