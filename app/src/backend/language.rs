//! Keeping the language a signed-in person reads the family pages in, on their account.

use super::auth::CurrentSession;
use super::policy::Actor;
use super::store::{self, AuditRecord, Outcome, Store, Who};
use crate::domain::ids::MemberId;
use crate::domain::language::Lang;
use crate::dto::AppError;

/// Keeps `lang`, and easy read if it is given, on the session's account, as one audited
/// write: the trail holds every earlier choice.
pub async fn choose(
    store: &Store,
    session: &CurrentSession,
    lang: Lang,
    easy_read: Option<bool>,
) -> Result<(), AppError> {
    let account = session.actor.account().ok_or(AppError::SignInNeeded)?;
    let family = match &session.actor {
        Actor::Member { family, .. } => Some(*family),
        _ => None,
    };
    let mut audited = store.begin_audited().await?;
    store::identity::set_language(&mut audited.tx, account, lang.code()).await?;
    if let Some(easy_read) = easy_read {
        store::identity::set_easy_read(&mut audited.tx, account, easy_read).await?;
    }
    let easy = match easy_read {
        Some(true) => ", in easy read",
        Some(false) => ", not in easy read",
        None => "",
    };
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "choose_language",
            family,
            None,
            Outcome::Allowed,
            format!("reads the family pages in {}{easy}", lang.code()),
        ))
        .await?;
    Ok(())
}

/// A practitioner sets the language of a member's sign-up page as they give them a code,
/// after the code's own checks have let them. The member can change it on any page.
pub async fn set_for_member(
    store: &Store,
    session: &CurrentSession,
    member: MemberId,
    lang: Lang,
) -> Result<(), AppError> {
    let mut audited = store.begin_audited().await?;
    let now = audited.now();
    let family = store::identity::member_family(&mut audited.tx, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let account = store::identity::account_for_member(&mut audited.tx, member, now).await?;
    store::identity::set_language(&mut audited.tx, account, lang.code()).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "set_member_language",
            Some(family),
            Some(member.to_string()),
            Outcome::Allowed,
            format!("their sign-up page and family pages in {}", lang.code()),
        ))
        .await?;
    Ok(())
}

/// The language a member's account reads the family pages in, if one was chosen.
pub async fn of_member(store: &Store, member: MemberId) -> Result<Option<Lang>, AppError> {
    let tag =
        store::identity::member_language(&mut *store.pool_connection().await?, member).await?;
    Ok(tag.as_deref().and_then(Lang::parse))
}
