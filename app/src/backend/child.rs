//! A child's tools on the server, and handing a practitioner's device to a child.
//!
//! A child's entries are ordinary entries: private to the child until they choose to show
//! them, with every write and read audited in its transaction. On a practitioner's device
//! the child is the author, and the entry keeps the name of the practitioner who was
//! present. This module never lets a child's session reach anything of the practitioner's:
//! the session acts as the child alone until the practitioner's passkey takes it back.

use crate::backend::auth::{Auth, CurrentSession};
use crate::backend::policy::{self, Actor, EntryFacts};
use crate::backend::store::identity::{EntryWithFacts, family_entries, family_facts};
use crate::backend::store::{AuditRecord, Conn, Outcome, Store, Who};
use crate::backend::store::{children, people};
use crate::backend::tools::write;
use crate::domain::child::{AgeBand, Feeling, HouseItem, Note, Said};
use crate::domain::entries::{EntryBody, EntryKind};
use crate::domain::ids::{EntryId, FamilyId, MemberId, SubmissionId};
use crate::domain::meeting::{AboutMe, MeetingWords, PicturesOrWords};
use crate::domain::people::MemberKind;
use crate::dto::AppError;
use crate::dto::child::{ChildItem, ChildSpace, Person, SharedThing};

/// The child asking, or "not found": only a child has these screens.
pub fn own_space(session: &CurrentSession) -> Result<(FamilyId, MemberId), AppError> {
    match &session.actor {
        Actor::Member {
            family,
            member,
            kind: MemberKind::Child,
            ..
        } => Ok((*family, *member)),
        _ => Err(AppError::NotFound),
    }
}

/// Who was with the child: the practitioner whose device it is.
fn present(session: &CurrentSession) -> Option<String> {
    session.supported.as_ref().map(|s| s.present.clone())
}

/// The band for a child today: the practitioner's choice if they made one, else from the
/// date of birth.
pub fn band_for(choice: Option<Option<AgeBand>>, born: Option<&str>, now_ms: i64) -> AgeBand {
    if let Some(Some(band)) = choice {
        return band;
    }
    let today = chrono::DateTime::from_timestamp_millis(now_ms)
        .map(|t| t.date_naive())
        .unwrap_or_default();
    born.and_then(|b| chrono::NaiveDate::parse_from_str(b, "%Y-%m-%d").ok())
        .map(|born| AgeBand::on(born, today))
        // A child always has a date of birth; without one, the simplest screens.
        .unwrap_or(AgeBand::Under8)
}

/// One of the child's own things as their screens show it; `None` for anything their
/// screens do not write.
fn item(entry: &EntryWithFacts) -> Option<ChildItem> {
    let mut shown = ChildItem {
        id: entry.id,
        kind: entry.kind(),
        house: None,
        face: None,
        symbols: Vec::new(),
        words: None,
        written_at: entry.created_at,
        shared_with_workers: entry.facts.shared_with_workers,
        shared_with: entry.facts.shared_with.clone(),
    };
    let said = |said: &Said, shown: &mut ChildItem| {
        shown.symbols = said.symbols.clone();
        shown.words = said.words.as_ref().map(|w| w.as_str().to_owned());
    };
    match &entry.body {
        EntryBody::HouseItem(house) => {
            shown.house = Some(house.house);
            said(&house.said, &mut shown);
        }
        EntryBody::Feeling(feeling) => {
            shown.face = Some(feeling.face);
            shown.words = feeling.because.as_ref().map(|w| w.as_str().to_owned());
        }
        EntryBody::WorkerKnow(note) | EntryBody::ImportantPerson(note) => {
            said(&note.said, &mut shown);
        }
        EntryBody::ForMeeting(MeetingWords { said: own, .. })
        | EntryBody::OnPlan(MeetingWords { said: own, .. })
        | EntryBody::GoodNews(own) => {
            shown.symbols = own.symbols.clone();
            shown.words = own.words.as_ref().map(|w| w.as_str().to_owned());
        }
        EntryBody::AboutMe(about) => {
            shown.symbols = about.symbols.clone();
            shown.words = about.know.as_ref().map(|w| w.as_str().to_owned());
        }
        _ => return None,
    }
    Some(shown)
}

/// Everything the child's screens show: their own things, who they can show them to,
/// and which screens fit them. Read and audited in one transaction.
pub async fn space(
    store: &Store,
    session: &CurrentSession,
    auth: &Auth,
) -> Result<ChildSpace, AppError> {
    let (family, me) = own_space(session)?;
    let mut audited = store.begin_audited().await?;
    let facts = family_facts(&mut audited.tx, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let child = people::member(&mut audited.tx, me)
        .await?
        .ok_or(AppError::NotFound)?;
    let choice = children::band_choice(&mut audited.tx, me).await?;
    // Whoever the child could show something to: the policy decides, for a thing of theirs.
    let blank = EntryFacts {
        family,
        author: me,
        shared_with_workers: false,
        shared_with: Vec::new(),
    };
    let members = people::members_of(&mut audited.tx, family).await?;
    let people = members
        .iter()
        .filter(|m| policy::may_share_with_member(&session.actor, &facts, &blank, m.id))
        .map(|m| Person {
            id: m.id,
            name: m.name.clone(),
        })
        .collect();
    let entries = family_entries(&mut audited.tx, family).await?;
    let handover = this_handover(&mut audited.tx, session).await?;
    let now = audited.now();
    let meeting = crate::backend::meeting::next(&mut audited.tx, family, now).await?;
    let told = crate::backend::meeting::told_links(&mut audited.tx, session, &facts).await?;
    let readable: Vec<&EntryWithFacts> = entries
        .iter()
        .filter(|e| policy::may_read_entry(&session.actor, &facts, &e.facts))
        .filter(|e| handover.as_ref().is_none_or(|made| made.contains(&e.id)))
        .collect();
    let items: Vec<ChildItem> = readable
        .iter()
        .filter(|e| e.facts.author == me && e.kind().is_childs())
        .filter_map(|e| item(e))
        .collect();
    let shared_with_me: Vec<SharedThing> = readable
        .iter()
        // Everything readable that the tools' pages do not show: what others showed the
        // child, and anything of their own from elsewhere. An alert is for the workers.
        .filter(|e| !(e.facts.author == me && e.kind().is_childs()))
        .filter(|e| e.kind() != EntryKind::SafetyAlert)
        .map(|e| SharedThing {
            id: e.id,
            mine: e.facts.author == me,
            author: members
                .iter()
                .find(|m| m.id == e.facts.author)
                .map(|m| m.name.clone())
                .unwrap_or_default(),
            words: e.body.describe(),
            written_at: e.created_at,
        })
        .collect();
    let ids = items
        .iter()
        .map(|i| i.id)
        .chain(shared_with_me.iter().map(|s| s.id))
        .map(|id| id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "read_child_space",
            Some(family),
            Some(me.to_string()),
            Outcome::Allowed,
            ids,
        ))
        .await?;
    Ok(ChildSpace {
        first_name: child
            .name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned(),
        band: band_for(choice, child.date_of_birth.as_deref(), auth.now()),
        with_worker: session
            .supported
            .as_ref()
            .map(|s| s.staff.name().to_owned()),
        lock_after_seconds: session
            .supported
            .as_ref()
            .map(|_| auth.settings.child_idle_ms / 1000),
        people,
        items,
        shared_with_me,
        meeting: meeting.map(|(_, day)| day),
        told,
    })
}

/// On a practitioner's device handed to the child, the entries the child made in this
/// handover: the only ones the device may show or share. `None` on the child's own
/// device, where everything of theirs is theirs to see.
async fn this_handover(
    conn: &mut Conn,
    session: &CurrentSession,
) -> Result<Option<Vec<EntryId>>, AppError> {
    match &session.supported {
        Some(supported) => Ok(Some(children::handover_entries(conn, &supported.id).await?)),
        None => Ok(None),
    }
}

/// One of the child's own things, or not found. On a handed-over device, only a thing
/// made in this handover: what the child wrote before stays out of reach.
pub async fn own_item(
    store: &Store,
    session: &CurrentSession,
    id: EntryId,
) -> Result<(), AppError> {
    let (family, _) = own_space(session)?;
    let found = {
        let mut conn = store.pool_connection().await?;
        let handover = this_handover(&mut conn, session).await?;
        family_entries(&mut conn, family)
            .await?
            .into_iter()
            .filter(|e| handover.as_ref().is_none_or(|made| made.contains(&e.id)))
            .any(|e| {
                e.id == id && policy::is_author(&session.actor, &e.facts) && e.kind().is_childs()
            })
    };
    if found {
        return Ok(());
    }
    Err(policy::refuse(
        store.begin_audited().await?,
        &session.actor,
        "share_entry",
        Some(id.to_string()),
        "not the child's own thing from this device",
    )
    .await)
}

pub async fn add_house_item(
    store: &Store,
    session: &CurrentSession,
    submission: SubmissionId,
    mut item: HouseItem,
    share: bool,
) -> Result<EntryId, AppError> {
    own_space(session)?;
    item.present = present(session);
    write(
        store,
        session,
        EntryBody::HouseItem(item),
        submission,
        share,
        None,
    )
    .await
}

pub async fn add_feeling(
    store: &Store,
    session: &CurrentSession,
    submission: SubmissionId,
    mut feeling: Feeling,
    share: bool,
) -> Result<EntryId, AppError> {
    own_space(session)?;
    feeling.present = present(session);
    write(
        store,
        session,
        EntryBody::Feeling(feeling),
        submission,
        share,
        None,
    )
    .await
}

pub async fn add_note(
    store: &Store,
    session: &CurrentSession,
    kind: EntryKind,
    submission: SubmissionId,
    said: Said,
    share: bool,
) -> Result<EntryId, AppError> {
    own_space(session)?;
    let body = match kind {
        EntryKind::GoodNews => EntryBody::GoodNews(PicturesOrWords {
            present: present(session),
            ..PicturesOrWords::from_child(said)
        }),
        EntryKind::AboutMe => EntryBody::AboutMe(AboutMe {
            present: present(session),
            ..AboutMe::from_child(said)
        }),
        EntryKind::WorkerKnow => EntryBody::WorkerKnow(Note {
            said,
            present: present(session),
        }),
        EntryKind::ImportantPerson => EntryBody::ImportantPerson(Note {
            said,
            present: present(session),
        }),
        _ => return Err(AppError::BadRequest),
    };
    write(store, session, body, submission, share, None).await
}

/// The child and their family's facts, if the member exists; for staff actions on a child.
async fn child_and_facts(
    conn: &mut Conn,
    member: MemberId,
) -> Result<Option<(people::MemberRow, policy::FamilyFacts)>, AppError> {
    let Some(child) = people::member(conn, member).await? else {
        return Ok(None);
    };
    Ok(family_facts(conn, child.family)
        .await?
        .map(|facts| (child, facts)))
}

/// "Hand to child": opens child mode on the practitioner's own session. Audited in the
/// same transaction. Anyone the policy refuses gets "not found".
pub async fn hand_to_child(
    store: &Store,
    session: &CurrentSession,
    member: MemberId,
) -> Result<(), AppError> {
    let Actor::Staff { staff, .. } = &session.actor else {
        return Err(AppError::NotFound);
    };
    if session.supported.is_some() {
        return Err(AppError::NotFound);
    }
    let mut audited = store.begin_audited().await?;
    let found = child_and_facts(&mut audited.tx, member).await?;
    let Some((child, _)) = found.filter(|(child, facts)| {
        policy::may_hand_to_child(&session.actor, facts, child.id, child.kind)
    }) else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "hand_to_child",
            Some(member.to_string()),
            "refused by the policy",
        )
        .await);
    };
    let now = store.now();
    let id = children::start_supported(&mut audited.tx, &session.token_hash, *staff, member, now)
        .await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "hand_to_child",
            Some(child.family),
            Some(member.to_string()),
            Outcome::Allowed,
            format!("supported session {id}"),
        ))
        .await?;
    Ok(())
}

/// A practitioner's choice of screens for a child, kept with every earlier choice.
pub async fn choose_band(
    store: &Store,
    session: &CurrentSession,
    member: MemberId,
    band: Option<AgeBand>,
) -> Result<FamilyId, AppError> {
    let mut audited = store.begin_audited().await?;
    let found = child_and_facts(&mut audited.tx, member).await?;
    let chooser = match &session.actor {
        Actor::Staff { staff, .. } => found
            .filter(|(child, facts)| policy::may_choose_band(&session.actor, facts, child.id))
            .map(|(child, _)| (child, *staff)),
        _ => None,
    };
    let Some((child, staff)) = chooser else {
        return Err(policy::refuse(
            audited,
            &session.actor,
            "choose_band",
            Some(member.to_string()),
            "not found or not permitted",
        )
        .await);
    };
    let now = store.now();
    children::choose_band(&mut audited.tx, member, band, staff, now).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "choose_band",
            Some(child.family),
            Some(member.to_string()),
            Outcome::Allowed,
            band.map(|b| b.code()).unwrap_or("from_birth").to_owned(),
        ))
        .await?;
    Ok(child.family)
}

/// The band and the latest choice for each child among a family's `members`, for the
/// practitioner's page, with every child's choice read in one query.
pub async fn bands(
    conn: &mut Conn,
    family: FamilyId,
    members: &[people::MemberRow],
    now_ms: i64,
) -> Result<Vec<(MemberId, AgeBand, bool)>, AppError> {
    let choices = children::band_choices(conn, family).await?;
    Ok(members
        .iter()
        .filter(|m| m.kind == MemberKind::Child)
        .map(|child| {
            let choice = choices.get(&child.id).copied();
            let chosen = matches!(choice, Some(Some(_)));
            (
                child.id,
                band_for(choice, child.date_of_birth.as_deref(), now_ms),
                chosen,
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_practitioners_choice_wins_over_the_date_of_birth_until_set_back() {
        // 23 November 2026.
        let now = 1_795_392_000_000;
        let born = Some("2020-03-01");
        assert_eq!(band_for(None, born, now), AgeBand::Under8);
        assert_eq!(band_for(Some(None), born, now), AgeBand::Under8);
        assert_eq!(
            band_for(Some(Some(AgeBand::From8To12)), born, now),
            AgeBand::From8To12
        );
        assert_eq!(band_for(None, Some("2013-01-01"), now), AgeBand::From13);
    }
}
