//! A family member's copy of everything the portal holds about them (a subject access
//! request, UK GDPR article 15), in one audited read.
//!
//! The member makes it themselves from their account, or a practitioner who works with
//! the family makes it for a member who asks in person. The copy holds the member's own
//! words and what was said or done about them; it never holds another member's words.
//! Whoever asks for a copy they may not have gets exactly the answer for a member who is
//! not there.

use crate::backend::Reading;
use crate::backend::auth::CurrentSession;
use crate::backend::policy::{self, Actor, FamilyFacts};
use crate::backend::store::identity::family_facts;
use crate::backend::store::{AuditRecord, Conn, Outcome, Store, StoreError, Who, own_data};
use crate::domain::entries::EntryKind;
use crate::domain::flows::{Answers, Flow};
use crate::domain::ids::{AccountId, FamilyId, MemberId};
use crate::dto::AppError;
use crate::dto::own_data::{
    OwnData, OwnDraft, OwnEntry, OwnMessages, OwnPasskey, OwnShare, OwnSignIn, OwnVersion,
};
use crate::dto::views::{DisagreeView, ReadView, ResponseView};

/// The signed-in member's own copy. Urgent alerts they raised are left out, as on their
/// own pages: a file on a phone can be found by someone else.
pub async fn for_member(
    store: &Store,
    session: &CurrentSession,
    reading: Reading,
) -> Result<OwnData, AppError> {
    let Actor::Member { member, family, .. } = &session.actor else {
        return Err(AppError::NotFound);
    };
    let action = match reading {
        Reading::Page => "read_own_data",
        Reading::Export => "export_own_data",
    };
    copy(store, session, *family, *member, action, false).await
}

/// A practitioner's copy of one member's data, made for that member in person. It has
/// everything, urgent alerts too, and it is kept among the reads of the member's words,
/// so the member sees on "Who has seen what I wrote" that the practitioner read them.
/// It is only ever a download: no page shows it to the practitioner.
pub async fn for_staff(
    store: &Store,
    session: &CurrentSession,
    family: FamilyId,
    member: MemberId,
) -> Result<OwnData, AppError> {
    if !matches!(session.actor, Actor::Staff { .. }) {
        return Err(AppError::NotFound);
    }
    copy(store, session, family, member, "export_member_data", true).await
}

/// The name of the member a practitioner may make a copy for, read and audited as a
/// look at the family's members; anyone else gets "not found".
pub async fn member_to_copy(
    store: &Store,
    session: &CurrentSession,
    family: FamilyId,
    member: MemberId,
) -> Result<String, AppError> {
    let mut audited = store.begin_read().await?;
    let allowed = matches!(session.actor, Actor::Staff { .. })
        && family_facts(&mut audited.tx, family)
            .await?
            .is_some_and(|facts| policy::may_copy_member_data(&session.actor, &facts, member));
    let name = match allowed {
        true => crate::backend::store::people::member(&mut audited.tx, member)
            .await?
            .map(|row| row.name),
        false => None,
    };
    let Some(name) = name else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "open_member_data",
            Some(member.to_string()),
            "not found or not permitted",
        )
        .await);
    };
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "open_member_data",
            Some(family),
            Some(member.to_string()),
            Outcome::Allowed,
            String::new(),
        ))
        .await?;
    Ok(name)
}

async fn copy(
    store: &Store,
    session: &CurrentSession,
    family: FamilyId,
    member: MemberId,
    action: &'static str,
    with_alerts: bool,
) -> Result<OwnData, AppError> {
    let mut audited = store.begin_read().await?;
    let facts = family_facts(&mut audited.tx, family)
        .await?
        .filter(|facts| policy::may_copy_member_data(&session.actor, facts, member));
    let Some(facts) = facts else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            action,
            Some(member.to_string()),
            "not found or not permitted",
        )
        .await);
    };
    let made_by = match &session.actor {
        Actor::Staff { name, role, .. } => Some(format!("{name} ({})", role.title())),
        _ => None,
    };
    let now = audited.now();
    let data = gather(&mut audited.tx, &facts, member, with_alerts, made_by, now).await?;
    let entries = data
        .entries
        .iter()
        .map(|e| e.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            action,
            Some(family),
            Some(member.to_string()),
            Outcome::Allowed,
            entries,
        ))
        .await?;
    Ok(data)
}

/// Everything held about `member`, read in the caller's transaction.
async fn gather(
    conn: &mut Conn,
    facts: &FamilyFacts,
    member: MemberId,
    with_alerts: bool,
    made_by: Option<String>,
    now: i64,
) -> Result<OwnData, AppError> {
    let family = facts.id;
    let row = crate::backend::store::people::member(conn, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let header = crate::backend::store::people::family_header(conn, family).await?;
    let entries = entries(conn, family, member, &row.name, with_alerts).await?;
    let readers = crate::backend::family::readers_of(conn, facts, member, with_alerts).await?;
    let drafts = own_data::drafts(conn, member)
        .await?
        .into_iter()
        .filter_map(draft)
        .collect();
    let messages = crate::backend::store::notices::choices_of(conn, member)
        .await?
        .map(|row| messages(&row.choices));
    let (passkeys, sign_ins) = sign_ins(conn, member).await?;
    Ok(OwnData {
        member,
        family,
        name: row.name,
        place: row.kind.title().to_owned(),
        date_of_birth: row.date_of_birth,
        reference: header.reference,
        joined_at: row.added_at,
        made_at: now,
        made_by,
        has_alerts: with_alerts,
        entries,
        drafts,
        readers,
        messages,
        passkeys,
        sign_ins,
    })
}

/// The member's entries, each with every version, its shares, read marks and responses.
async fn entries(
    conn: &mut Conn,
    family: FamilyId,
    member: MemberId,
    name: &str,
    with_alerts: bool,
) -> Result<Vec<OwnEntry>, StoreError> {
    let versions = own_data::versions(conn, family, member).await?;
    let shares = own_data::shares(conn, family, member).await?;
    let marks = own_data::read_marks(conn, family, member).await?;
    let responses = own_data::responses(conn, family, member).await?;
    let against = own_data::disagreements(conn, family, member).await?;
    let mut entries: Vec<OwnEntry> = Vec::new();
    for version in versions {
        if !with_alerts && version.body.kind() == EntryKind::SafetyAlert {
            continue;
        }
        let kept = OwnVersion {
            version: version.version,
            written_at: version.written_at,
            parts: crate::backend::views::parts(&version.body, None),
            content: serde_json::from_str(&version.kept)
                .unwrap_or(serde_json::Value::String(version.kept)),
        };
        match entries.last_mut() {
            Some(entry) if entry.id == version.entry => entry.versions.push(kept),
            _ => entries.push(OwnEntry {
                id: version.entry,
                tool: version.body.kind().tool_name().to_owned(),
                written_at: version.created_at,
                versions: vec![kept],
                shares: Vec::new(),
                read_marks: Vec::new(),
                responses: Vec::new(),
            }),
        }
    }
    for entry in &mut entries {
        entry.shares = shares
            .iter()
            .filter(|s| s.entry_id == entry.id)
            .map(|s| OwnShare {
                with: (s.audience == "member").then(|| s.member_name.clone().unwrap_or_default()),
                shared_at: s.shared_at,
                stopped_at: s.withdrawn_at,
            })
            .collect();
        entry.read_marks = marks
            .iter()
            .filter(|m| m.entry == entry.id)
            .map(|m| ReadView {
                by: m.by.clone(),
                at: m.at,
            })
            .collect();
        entry.responses = responses
            .iter()
            .filter(|r| r.entry_id == entry.id)
            .map(|r| ResponseView {
                id: r.id.clone(),
                by: r.staff_name.clone(),
                role: r.staff_role.clone(),
                words: r.body.clone(),
                at: r.written_at,
                disagreements: against
                    .iter()
                    .filter(|d| d.response_id == r.id)
                    .map(|d| DisagreeView {
                        by: name.to_owned(),
                        words: d.body.clone(),
                        at: d.written_at,
                    })
                    .collect(),
            })
            .collect();
    }
    Ok(entries)
}

/// Unfinished answers, each question named as "Check your answers" names it. A draft
/// whose tool or answers do not read is left out: it holds nothing a page could show.
fn draft(row: own_data::OwnDraft) -> Option<OwnDraft> {
    let flow = Flow::parse(&row.flow)?;
    let answers: Answers = serde_json::from_str(&row.answers).ok()?;
    Some(OwnDraft {
        tool: flow.title().to_owned(),
        started_at: row.created_at,
        changed_at: row.updated_at,
        // What they answered, named as they were asked it; the draft's own bookkeeping
        // (such as which version of a goal a change starts from) is not theirs.
        answers: answers
            .into_iter()
            .filter_map(|(name, typed)| {
                let asked = match flow.question(&name) {
                    Some(question) => question.short,
                    None if name == "share" => "Who can see it",
                    None => return None,
                };
                Some((asked.to_owned(), typed))
            })
            .collect(),
    })
}

/// How the member last chose to get messages, in words.
fn messages(choices: &crate::domain::notices::Choices) -> OwnMessages {
    let mut about = Vec::new();
    if choices.on_response {
        about.push("When a worker replies to something you wrote".to_owned());
    }
    if choices.on_code {
        about.push("When a new code is made for you".to_owned());
    }
    if let Some(day) = choices
        .reminder_day
        .and_then(|d| crate::domain::notices::DAYS.get(usize::from(d)))
    {
        about.push(format!("A reminder every {day}"));
    }
    OwnMessages {
        email: choices.email.as_ref().map(|e| e.as_str().to_owned()),
        mobile: choices.mobile.as_ref().map(|m| m.national()),
        sentence: choices.wording.sentence().to_owned(),
        about,
    }
}

/// The member's passkeys (removed ones too) and where they are signed in now.
async fn sign_ins(
    conn: &mut Conn,
    member: MemberId,
) -> Result<(Vec<OwnPasskey>, Vec<OwnSignIn>), StoreError> {
    let Some(account) = crate::backend::store::people::account_of_member(conn, member)
        .await?
        .and_then(|id| AccountId::parse(&id).ok())
    else {
        return Ok((Vec::new(), Vec::new()));
    };
    let passkeys = crate::backend::store::identity::passkeys_of_account(conn, account)
        .await?
        .into_iter()
        .map(|p| OwnPasskey {
            label: p.label,
            added_at: p.created_at,
            last_used_at: p.last_used_at,
            removed_at: p.revoked_at,
        })
        .collect();
    let sessions = crate::backend::store::identity::open_sessions(conn, account)
        .await?
        .into_iter()
        .map(|s| OwnSignIn {
            started_at: s.created_at,
            last_seen_at: s.last_seen_at,
        })
        .collect();
    Ok((passkeys, sessions))
}
