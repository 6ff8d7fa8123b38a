//! The team manager's record of a family's group case supervision, on the server.
//!
//! Everyone who works with the family reads it; the team manager who chairs writes it.
//! Every save is a new version. Once a version is finalised the record is locked: a later
//! change is a new version that must say why, and every earlier version stays readable.

use crate::backend::auth::CurrentSession;
use crate::backend::store::Conn;
use crate::backend::store::identity::family_entries;
use crate::backend::store::record as stored;
use crate::backend::store::{AuditRecord, AuditedTx, Outcome, Store, StoreError, Who};
use crate::backend::views::their_words;
use crate::backend::{Reading, policy};
use crate::domain::FieldErrors;
use crate::domain::entries::{EntryBody, EntryKind};
use crate::domain::errors::FORM;
use crate::domain::ids::FamilyId;
use crate::domain::meeting::{Telling, tell_field};
use crate::domain::supervision::{RECORD_SECTIONS, Rating, SupervisionRecord};
use crate::domain::tools::Words;
use crate::dto::AppError;
use crate::dto::pack::TheirWords;
use crate::dto::record::{RecordLink, RecordSection, RecordVersion, RecordView, TellMember};

/// What the chair sent: raw, parsed only once they are known to be the chair.
pub struct Edit {
    /// The version the writer's page showed (0 for none); `None` skips the check.
    pub based_on: Option<i64>,
    /// In the order of `RECORD_SECTIONS`.
    pub sections: [String; 7],
    pub rating: String,
    pub finalise: bool,
    pub why_changed: String,
    /// "What we decided and why, in plain words", for the family and for children.
    pub told_family: String,
    pub told_child: String,
    /// Whom to tell: `<member id>:family`, `<member id>:child` or `<member id>:none`.
    pub tell: Vec<String>,
}

/// Every version of the record, newest first.
async fn versions(
    conn: &mut Conn,
    family: FamilyId,
    session: &str,
) -> Result<Vec<RecordVersion>, StoreError> {
    let rows = stored::versions(conn, family, session).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let words = [
                row.reflection,
                row.child_views,
                row.parent_views,
                row.impact,
                row.plan,
                row.decisions,
                row.reasons,
            ];
            let rating = row.rating.as_deref().and_then(Rating::from_code);
            RecordVersion {
                version: row.version,
                by: row.staff_name,
                written_at: row.written_at,
                finalised: row.r#final == 1,
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
                why_changed: row.why_changed,
                told_family: row.told_family,
                told_child: row.told_child,
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
        crate::backend::family::open_for_staff(store.begin_read().await?, me, family, action)
            .await?;
    let Some(held_on) = stored::held_on(&mut audited.tx, family, session).await? else {
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
    let header = crate::backend::store::people::family_header(&mut audited.tx, family).await?;
    let attendees =
        crate::backend::store::supervision::attendee_names(&mut audited.tx, session).await?;
    let versions = versions(&mut audited.tx, family, session).await?;
    // What the family shared for this meeting, beside the chair's account of their views:
    // only what the reader may read, and each entry shown named in the trail.
    let members = crate::backend::store::people::members_of(&mut audited.tx, family).await?;
    let told = stored::readers(&mut audited.tx, family, session).await?;
    let tell = members
        .iter()
        .map(|m| {
            let id = m.id.to_string();
            let row = told.iter().find(|r| r.member_id == id);
            TellMember {
                id: m.id,
                name: m.name.clone(),
                kind: m.kind,
                may_be_told: policy::may_be_told(&facts, m.id),
                told: row.map(|r| r.words.clone()),
                read_at: row.and_then(|r| r.first_read_at),
            }
        })
        .collect();
    let answers: Vec<_> = family_entries(&mut audited.tx, family)
        .await?
        .into_iter()
        .filter(|e| matches!(&e.body, EntryBody::ForMeeting(a) if a.meeting == session))
        .filter(|e| policy::may_read_entry(&me.actor, &facts, &e.facts))
        .collect();
    let shown = answers
        .iter()
        .map(|e| e.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let family_words: Vec<TheirWords> = answers
        .iter()
        .filter_map(|e| their_words(e, &members, EntryKind::ForMeeting))
        .collect();
    let detail = if shown.is_empty() {
        format!("{} versions", versions.len())
    } else {
        format!("{} versions; entries {shown}", versions.len())
    };
    audited
        .finish(AuditRecord::new(
            &Who::actor(&me.actor),
            action,
            Some(family),
            Some(session.to_owned()),
            Outcome::Allowed,
            detail,
        ))
        .await?;
    Ok(RecordView {
        family,
        reference: header.reference,
        display_name: header.display_name,
        session: session.to_owned(),
        held_on,
        attendees,
        may_write: policy::may_write_record(&me.actor, &facts),
        versions,
        family_words,
        tell,
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
    let (mut audited, facts) = crate::backend::family::open_for_staff(
        store.begin_audited().await?,
        me,
        family,
        "save_record",
    )
    .await?;
    let discussed = stored::held_on(&mut audited.tx, family, session)
        .await?
        .is_some();
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
    let so_far = stored::state(&mut audited.tx, session, family).await?;
    let latest = so_far.latest.unwrap_or(0);
    let already_final = so_far.finalised == Some(1);
    if edit.based_on.is_some_and(|seen| seen != latest) {
        refuse(audited, "saved from an older version").await?;
        return Err(AppError::Invalid(FieldErrors::single(
            FORM,
            "Someone saved a newer version of this record after you opened it. Your words are still in the form: compare them with the newest version on this page, then save again.",
        )));
    }
    let parsed = parse(&mut audited.tx, &facts, &edit, already_final).await?;
    let Ok((record, why_changed, telling)) = parsed else {
        refuse(audited, "the record was not complete").await?;
        return Err(AppError::Invalid(parsed.err().unwrap_or_default()));
    };
    let version = latest + 1;
    let new = stored::NewVersion {
        session,
        family,
        version,
        staff,
        staff_name: me.actor.name(),
        sections: std::array::from_fn(|i| record.section(i)),
        rating: record.rating.map(|r| r.code()),
        finalised: record.finalised,
        why_changed: why_changed.as_ref().map(|w| w.as_str()),
        told_family: telling.family.as_ref().map(|w| w.as_str()),
        told_child: telling.child.as_ref().map(|w| w.as_str()),
        readers: &telling.readers,
        written_at: store.now(),
    };
    stored::add_version(&mut audited.tx, &new).await?;
    let state = match (already_final, record.finalised) {
        (true, _) => "changed after finalising",
        (false, true) => "finalised",
        (false, false) => "draft",
    };
    // Whom this version tells, in the trail: members by id, never their words.
    let told = telling
        .readers
        .iter()
        .map(|(member, told)| format!("{member} {}", told.code()))
        .collect::<Vec<_>>()
        .join(",");
    let detail = if told.is_empty() {
        format!("version {version}, {state}")
    } else {
        format!("version {version}, {state}; told {told}")
    };
    audited
        .finish(AuditRecord::new(
            &Who::actor(&me.actor),
            "save_record",
            Some(family),
            Some(session.to_owned()),
            Outcome::Allowed,
            detail,
        ))
        .await?;
    Ok(())
}

/// The chair's edit, read: the record, why a finalised one is changed, and whom it tells,
/// or every problem with any of them at once.
async fn parse(
    conn: &mut Conn,
    facts: &policy::FamilyFacts,
    edit: &Edit,
    already_final: bool,
) -> Result<Result<(SupervisionRecord, Option<Words>, Telling), FieldErrors>, StoreError> {
    let sections = edit.sections.each_ref().map(String::as_str);
    // A finalised record stays finalised: a change is a whole, finalised version too.
    let finalising = edit.finalise || already_final;
    let parsed = SupervisionRecord::parse(&sections, &edit.rating, finalising);
    let why = Words::parse_optional(&edit.why_changed);
    let telling = Telling::parse(&edit.told_family, &edit.told_child, &edit.tell, finalising);
    let telling = tell(conn, facts, telling).await?;
    Ok(match (parsed, why, already_final, telling) {
        (Ok(record), _, false, Ok(telling)) => Ok((record, None, telling)),
        (Ok(record), Ok(Some(why)), true, Ok(telling)) => Ok((record, Some(why), telling)),
        (parsed, why, _, telling) => {
            let mut errors = parsed.err().unwrap_or_default();
            for error in telling.err().iter().flat_map(|e| e.iter()) {
                errors.push(&error.field, error.message.clone());
            }
            match why {
                Err(message) if already_final => errors.push("why_changed", message),
                Ok(None) if already_final => errors.push(
                    "why_changed",
                    "Say why the finalised record is being changed.",
                ),
                _ => {}
            }
            Err(errors)
        }
    })
}

/// The chair's choice of whom to tell, checked against the family as it is now: each one
/// must be a member, and a member flagged as posing a risk to another is never told.
async fn tell(
    conn: &mut Conn,
    facts: &policy::FamilyFacts,
    parsed: Result<Telling, FieldErrors>,
) -> Result<Result<Telling, FieldErrors>, StoreError> {
    let Ok(telling) = parsed else {
        return Ok(parsed);
    };
    // Who is in the family comes from the facts the save already holds; names are read
    // only to say which member may not be told.
    let mut errors = FieldErrors::default();
    let mut refused = Vec::new();
    for (member, _) in &telling.readers {
        if !facts.members.iter().any(|(id, _)| id == member) {
            if errors.for_field("tell").is_none() {
                errors.push("tell", crate::domain::meeting::TELL_UNREADABLE);
            }
        } else if !policy::may_be_told(facts, *member) {
            refused.push(*member);
        }
    }
    if !refused.is_empty() {
        let members = crate::backend::store::people::members_of(conn, facts.id).await?;
        for m in members.iter().filter(|m| refused.contains(&m.id)) {
            errors.push(
                &tell_field(m.id),
                format!(
                    "{} is flagged as a risk to someone in the family, so they are not told what was decided. Choose \u{201c}Not told\u{201d} for them.",
                    m.name
                ),
            );
        }
    }
    Ok(if errors.is_empty() {
        Ok(telling)
    } else {
        Err(errors)
    })
}

/// The family's sessions, newest first, with where each one's record stands.
pub(crate) async fn links(
    conn: &mut Conn,
    family: FamilyId,
) -> Result<Vec<RecordLink>, StoreError> {
    let rows = stored::links(conn, family).await?;
    Ok(rows
        .into_iter()
        .map(|row| RecordLink {
            session: row.id,
            held_on: row.held_on,
            state: match (row.versions, row.finalised) {
                (0, _) => "Not written yet",
                (_, Some(1)) => "Finalised",
                _ => "Draft",
            }
            .to_owned(),
        })
        .collect())
}
