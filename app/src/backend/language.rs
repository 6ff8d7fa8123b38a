//! Keeping the language a signed-in person reads the family pages in, on their account.

use super::auth::CurrentSession;
use super::policy::Actor;
use super::store::{self, AuditRecord, Outcome, Store, Who};
use crate::domain::language::Lang;
use crate::dto::AppError;

/// Keeps `lang` on the session's account, as an audited write: the trail holds every
/// earlier choice.
pub async fn choose(store: &Store, session: &CurrentSession, lang: Lang) -> Result<(), AppError> {
    let account = session.actor.account().ok_or(AppError::SignInNeeded)?;
    let family = match &session.actor {
        Actor::Member { family, .. } => Some(*family),
        _ => None,
    };
    let mut audited = store.begin_audited().await?;
    store::identity::set_language(&mut audited.tx, account, lang.code()).await?;
    audited
        .finish(AuditRecord::new(
            &Who::actor(&session.actor),
            "choose_language",
            family,
            None,
            Outcome::Allowed,
            format!("reads the family pages in {}", lang.code()),
        ))
        .await?;
    Ok(())
}
