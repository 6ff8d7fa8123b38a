//! The team manager's record of a family's group case supervision, on the server.
//!
//! Everyone who works with the family reads it; the team manager who chairs writes it.
//! Every save is a new version. Once a version is finalised the record is locked: a later
//! change is a new version that must say why, and every earlier version stays readable.

use crate::backend::auth::CurrentSession;
use crate::backend::store::{AuditRecord, AuditedTx, Outcome, Store, StoreError, Who};
use crate::backend::{Reading, policy};
use crate::domain::FieldErrors;
use crate::domain::errors::FORM;
use crate::domain::ids::FamilyId;
use crate::domain::supervision::{RECORD_SECTIONS, Rating, SupervisionRecord};
use crate::domain::tools::Words;
use crate::dto::AppError;
use crate::dto::record::{RecordLink, RecordSection, RecordVersion, RecordView};
use sqlx::AnyConnection;

/// What the chair sent: raw, parsed only once they are known to be the chair.
pub struct Edit {
    /// The version the writer's page showed (0 for none); `None` skips the check.
    pub based_on: Option<i64>,
    /// In the order of `RECORD_SECTIONS`.
    pub sections: [String; 7],
    pub rating: String,
    pub finalise: bool,
    pub why_changed: String,
}

/// The day of a session that discussed the family, or nothing.
async fn held_on(
    conn: &mut AnyConnection,
    family: FamilyId,
    session: &str,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.held_on FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         WHERE s.id = $1 AND f.family_id = $2",
    )
    .bind(session)
    .bind(family.to_string())
    .fetch_optional(&mut *conn)
    .await?
    .map(|(at,): (i64,)| at))
}

type VersionRow = (
    i64,
    String,
    i64,
    i64,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

/// Every version of the record, newest first.
async fn versions(
    conn: &mut AnyConnection,
    family: FamilyId,
    session: &str,
) -> Result<Vec<RecordVersion>, StoreError> {
    let rows: Vec<VersionRow> = sqlx::query_as(
        "SELECT version, staff_name, written_at, final, rating, reflection, child_views, \
         parent_views, impact, plan, decisions, reasons, why_changed FROM supervision_records \
         WHERE family_id = $1 AND session_id = $2 ORDER BY version DESC",
    )
    .bind(family.to_string())
    .bind(session)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (version, by, written_at, finalised, rating, why_changed) =
                (row.0, row.1, row.2, row.3, row.4, row.12);
            let words = [row.5, row.6, row.7, row.8, row.9, row.10, row.11];
            let rating = rating.as_deref().and_then(Rating::from_code);
            RecordVersion {
                version,
                by,
                written_at,
                finalised: finalised == 1,
                rating: rating.map(|r| r.code().to_owned()),
                rating_label: rating.map(|r| r.label().to_owned()),
                sections: RECORD_SECTIONS
                    .iter()
                    .zip(words)
                    .map(|((field, heading, hint), words)| RecordSection {
                        field: (*field).to_owned(),
                        heading: (*heading).to_owned(),
                        hint: (*hint).to_owned(),
                        words,
                    })
                    .collect(),
                why_changed,
            }
        })
        .collect())
}

/// The record of one session for a family, for a member of staff who works with it. A
/// session that did not discuss the family is not found, like one that does not exist.
pub async fn record(
    store: &Store,
    me: &CurrentSession,
    family: FamilyId,
    session: &str,
    reading: Reading,
) -> Result<RecordView, AppError> {
    let action = match reading {
        Reading::Page => "read_record",
        Reading::Export => "export_record",
    };
    let (mut audited, facts) =
        crate::backend::family::open_for_staff(store, me, family, action).await?;
    let Some(held_on) = held_on(&mut audited.tx, family, session).await? else {
        return Err(policy::refuse_in(
            audited,
            &me.actor,
            action,
            Some(family),
            Some(family.to_string()),
            "no such session for the family",
        )
        .await);
    };
    let (reference, display_name) =
        crate::backend::family::family_header(&mut audited.tx, family).await?;
    let attendees: Vec<(String,)> = sqlx::query_as(
        "SELECT st.display_name FROM supervision_attendees a JOIN staff st ON st.id = a.staff_id \
         WHERE a.session_id = $1 ORDER BY st.display_name",
    )
    .bind(session)
    .fetch_all(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    let versions = versions(&mut audited.tx, family, session).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&me.actor),
            action,
            Some(family),
            Some(session.to_owned()),
            Outcome::Allowed,
            format!("{} versions", versions.len()),
        ))
        .await?;
    Ok(RecordView {
        family,
        reference,
        display_name,
        session: session.to_owned(),
        held_on,
        attendees: attendees.into_iter().map(|(n,)| n).collect(),
        may_write: policy::may_write_record(&me.actor, &facts),
        versions,
    })
}

/// Saves a new version of the record, for the team manager who chairs.
pub async fn save(
    store: &Store,
    me: &CurrentSession,
    family: FamilyId,
    session: &str,
    edit: Edit,
) -> Result<(), AppError> {
    let (mut audited, facts) =
        crate::backend::family::open_for_staff(store, me, family, "save_record").await?;
    let discussed = held_on(&mut audited.tx, family, session).await?.is_some();
    let refuse = |audited: AuditedTx, detail: &'static str| {
        policy::record_refusal(
            audited,
            &me.actor,
            "save_record",
            Some(family),
            Some(family.to_string()),
            detail,
        )
    };
    if !discussed {
        refuse(audited, "no such session for the family").await?;
        return Err(AppError::NotFound);
    }
    let chair = match &me.actor {
        policy::Actor::Staff { staff, .. } if policy::may_write_record(&me.actor, &facts) => {
            Some(*staff)
        }
        _ => None,
    };
    let Some(staff) = chair else {
        refuse(audited, "not the chair").await?;
        return Err(AppError::Invalid(FieldErrors::single(
            FORM,
            "The team manager who chairs supervision writes its record. You can read it here.",
        )));
    };
    let (latest, finalised): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT MAX(version), MAX(final) FROM supervision_records \
         WHERE session_id = $1 AND family_id = $2",
    )
    .bind(session)
    .bind(family.to_string())
    .fetch_one(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    let latest = latest.unwrap_or(0);
    let already_final = finalised == Some(1);
    if edit.based_on.is_some_and(|seen| seen != latest) {
        refuse(audited, "saved from an older version").await?;
        return Err(AppError::Invalid(FieldErrors::single(
            FORM,
            "Someone saved a newer version of this record after you opened it. Your words are still in the form: compare them with the newest version on this page, then save again.",
        )));
    }
    let sections = edit.sections.each_ref().map(String::as_str);
    // A finalised record stays finalised: a change is a whole, finalised version too.
    let parsed = SupervisionRecord::parse(&sections, &edit.rating, edit.finalise || already_final);
    let why = Words::parse_optional(&edit.why_changed);
    let (record, why_changed) = match (parsed, why, already_final) {
        (Ok(record), _, false) => (record, None),
        (Ok(record), Ok(Some(why)), true) => (record, Some(why)),
        (parsed, why, _) => {
            let mut errors = parsed.err().unwrap_or_default();
            match why {
                Err(message) if already_final => errors.push("why_changed", message),
                Ok(None) if already_final => errors.push(
                    "why_changed",
                    "Say why the finalised record is being changed.",
                ),
                _ => {}
            }
            refuse(audited, "the record was not complete").await?;
            return Err(AppError::Invalid(errors));
        }
    };
    let version = latest + 1;
    sqlx::query(
        "INSERT INTO supervision_records (id, session_id, family_id, version, staff_id, \
         staff_name, reflection, child_views, parent_views, impact, plan, decisions, reasons, \
         rating, final, why_changed, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(session)
    .bind(family.to_string())
    .bind(version)
    .bind(staff.to_string())
    .bind(me.actor.name())
    .bind(record.section(0))
    .bind(record.section(1))
    .bind(record.section(2))
    .bind(record.section(3))
    .bind(record.section(4))
    .bind(record.section(5))
    .bind(record.section(6))
    .bind(record.rating.map(|r| r.code()))
    .bind(i64::from(record.finalised))
    .bind(why_changed.as_ref().map(|w| w.as_str().to_owned()))
    .bind(crate::backend::store::now_ms())
    .execute(&mut *audited.tx)
    .await
    .map_err(StoreError::from)?;
    let state = match (already_final, record.finalised) {
        (true, _) => "changed after finalising",
        (false, true) => "finalised",
        (false, false) => "draft",
    };
    audited
        .finish(AuditRecord::new(
            &Who::actor(&me.actor),
            "save_record",
            Some(family),
            Some(session.to_owned()),
            Outcome::Allowed,
            format!("version {version}, {state}"),
        ))
        .await?;
    Ok(())
}

/// The family's sessions, newest first, with where each one's record stands.
pub(crate) async fn links(
    conn: &mut AnyConnection,
    family: FamilyId,
) -> Result<Vec<RecordLink>, StoreError> {
    let rows: Vec<(String, i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT s.id, s.held_on, COUNT(r.id), MAX(r.final) FROM supervision_current s \
         JOIN supervision_families f ON f.session_id = s.id \
         LEFT JOIN supervision_records r ON r.session_id = s.id AND r.family_id = f.family_id \
         WHERE f.family_id = $1 GROUP BY s.id, s.held_on ORDER BY s.held_on DESC, s.id",
    )
    .bind(family.to_string())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(session, held_on, count, finalised)| RecordLink {
            session,
            held_on,
            state: match (count, finalised) {
                (0, _) => "Not written yet",
                (_, Some(1)) => "Finalised",
                _ => "Draft",
            }
            .to_owned(),
        })
        .collect())
}
