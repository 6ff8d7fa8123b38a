//! Who is signed in, family entries, families for staff, and invitation codes.
//!
//! Each function: who is asking -> policy (inside the backend call) -> parse -> store,
//! audited in the same transaction -> a plain DTO.

use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::ids::{EntryId, FamilyId, MemberId};
pub use crate::dto::family::*;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "who-am-i")]
pub async fn who_am_i() -> Result<SignedInAs, AppError> {
    use crate::backend::policy::Actor;
    use crate::domain::people::{MemberKind, StaffRole};
    // Who is asking: anyone. Nothing about a family is read here.
    Ok(match crate::backend::current_session().map(|s| s.actor) {
        // A case system is never signed in to a page.
        None | Some(Actor::Anonymous | Actor::ApiClient { .. }) => SignedInAs::NotSignedIn,
        Some(Actor::Member { name, kind, .. }) => SignedInAs::Member {
            name,
            is_child: kind == MemberKind::Child,
        },
        Some(actor @ Actor::Staff { .. }) => SignedInAs::Staff {
            books_supervision: crate::backend::policy::may_book_supervision(&actor).is_some(),
            reads_take_up: crate::backend::policy::take_up_scope(&actor).is_some(),
            approves_case_systems: matches!(
                &actor,
                Actor::Staff {
                    role: StaffRole::HeadOfService,
                    ..
                }
            ),
            name: actor.name().to_owned(),
            role: actor.role_title().to_owned(),
            works_with_families: matches!(&actor, Actor::Staff { role, .. } if role.works_with_families()),
            is_admin: matches!(
                &actor,
                Actor::Staff {
                    role: StaffRole::Admin,
                    ..
                }
            ),
        },
    })
}

#[server(prefix = "/api", endpoint = "my-entries")]
pub async fn my_entries() -> Result<Vec<EntryView>, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::family::my_entries(&services.store, &session).await
}

#[server(prefix = "/api", endpoint = "entry")]
pub async fn entry(id: String) -> Result<EntryView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    // An id that does not parse is, to the asker, an entry that does not exist.
    let id = EntryId::parse(&id).map_err(|_| AppError::NotFound)?;
    crate::backend::family::entry(&services.store, &session, id).await
}

/// A member of staff's home, for the page to ask once, before it knows who is asking:
/// nothing, and nothing read, for anyone else. `weeks` as for `my_families`.
#[server(prefix = "/api", endpoint = "staff-home")]
pub async fn staff_home(
    #[server(default)] weeks: String,
) -> Result<Option<StaffHomeView>, AppError> {
    let Some(session) = crate::backend::current_session() else {
        return Ok(None);
    };
    if !matches!(session.actor, crate::backend::policy::Actor::Staff { .. }) {
        return Ok(None);
    }
    let services = crate::backend::services()?;
    let account = crate::api::account::my_account().await?;
    let (alerts, families) =
        crate::backend::caseload::staff_home(&services.store, &session, weeks_or_default(&weeks))
            .await?;
    Ok(Some(StaffHomeView {
        alerts,
        account,
        families,
    }))
}

/// The caseload: the families a member of staff works with, with their figures.
/// `weeks` is how long without a sign-in or shared input counts as not engaged.
#[server(prefix = "/api", endpoint = "my-families")]
pub async fn my_families(#[server(default)] weeks: String) -> Result<Vec<CaseloadRow>, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    if !matches!(session.actor, crate::backend::policy::Actor::Staff { .. }) {
        return Err(AppError::NotFound);
    }
    crate::backend::caseload::caseload(&services.store, &session, weeks_or_default(&weeks)).await
}

#[server(prefix = "/api", endpoint = "family")]
pub async fn family(id: String) -> Result<FamilyView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = FamilyId::parse(&id).map_err(|_| AppError::NotFound)?;
    crate::backend::family::family_for_staff(&services.store, &session, id).await
}

#[server(prefix = "/api", endpoint = "who-has-seen")]
pub async fn who_has_seen() -> Result<Vec<SeenBy>, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::family::who_has_seen(&services.store, &session).await
}

/// Creates a one-time code for a family member and sends the browser to the page that
/// shows it, once. `purpose` is `invitation` or `reset`.
#[server(prefix = "/api", endpoint = "issue-code")]
pub async fn issue_code(
    #[server(default)] family: String,
    #[server(default)] member: String,
    #[server(default)] purpose: String,
    /// For a sign-up or reset code: the language of the member's sign-up page, or blank
    /// to leave it as it is.
    #[server(default)]
    language: String,
) -> Result<(), AppError> {
    use crate::backend::auth::CodeFor;
    use crate::backend::store::CodePurpose;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let family = FamilyId::parse(&family).map_err(|_| AppError::NotFound)?;
    let member = MemberId::parse(&member).map_err(|_| AppError::NotFound)?;
    let purpose = match purpose.as_str() {
        "reset" => CodePurpose::Reset,
        "invitation" => CodePurpose::Invitation,
        // "This phone was taken": no code, just every way in removed at once.
        "phone_taken" => {
            let taken = services
                .auth
                .phone_taken(&services.store, &session, member)
                .await;
            if let Err(crate::backend::auth::AuthError::NeedsRecentSignIn) = taken {
                leptos_axum::redirect(&format!("/confirm?then=/families/{family}"));
                return Ok(());
            }
            taken?;
            leptos_axum::redirect(&format!("/families/{family}?taken={member}"));
            return Ok(());
        }
        _ => return Err(AppError::BadRequest),
    };
    let issued = services
        .auth
        .issue_code(&services.store, &session, CodeFor::Member(member), purpose)
        .await;
    if let Err(crate::backend::auth::AuthError::NeedsRecentSignIn) = issued {
        leptos_axum::redirect(&format!("/confirm?then=/families/{family}"));
        return Ok(());
    }
    let issued = issued?;
    if let Some(lang) =
        crate::domain::language::Lang::parse(&language).filter(|l| services.languages.0.contains(l))
    {
        crate::backend::language::set_for_member(&services.store, &session, member, lang).await?;
    }
    crate::backend::shown_codes::put(
        &services.store,
        &session,
        &member.to_string(),
        purpose == CodePurpose::Reset,
        &issued,
    )
    .await?;
    leptos_axum::redirect(&format!("/families/{family}/members/{member}/code"));
    Ok(())
}

/// The code just issued for this member, once. Reloading shows nothing.
#[server(prefix = "/api", endpoint = "shown-code")]
pub async fn shown_code(member: String) -> Result<Option<CodeShown>, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let member = MemberId::parse(&member).map_err(|_| AppError::NotFound)?;
    let may = services
        .auth
        .may_issue(
            &services.store,
            &session.actor,
            crate::backend::auth::CodeFor::Member(member),
        )
        .await?;
    if !may {
        return Err(AppError::NotFound);
    }
    let Some((is_reset, issued)) =
        crate::backend::shown_codes::take(&services.store, &session, &member.to_string()).await?
    else {
        return Ok(None);
    };
    let member_name = crate::backend::store::people::member_name(
        &mut *services.store.pool_connection().await?,
        member,
    )
    .await?
    .unwrap_or_default();
    // The sign-up page opens in the member's language, if they have one.
    let lang = match crate::backend::language::of_member(&services.store, member).await? {
        Some(lang) if lang != crate::domain::language::Lang::En => format!("&lang={}", lang.code()),
        _ => String::new(),
    };
    let link = format!(
        "{}start?code={}{lang}",
        services.auth.settings.origin, issued.code
    );
    Ok(Some(CodeShown {
        qr_svg: crate::backend::qr::svg(&link),
        link,
        code: issued.code,
        expires: services.zone.time(issued.expires_at),
        member_name,
        is_reset,
    }))
}

/// A practitioner suggests the change-talk kind of something a family member said. The
/// member's words and their own choice are kept as they are.
#[server(prefix = "/api", endpoint = "suggest-kind")]
pub async fn suggest_kind(
    #[server(default)] entry: String,
    #[server(default)] kind: String,
) -> Result<(), AppError> {
    use crate::domain::tools::TalkKind;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = crate::domain::ids::EntryId::parse(&entry).map_err(|_| AppError::NotFound)?;
    let kind = match TalkKind::parse_optional(&kind) {
        Ok(Some(kind)) => kind,
        _ => {
            return Err(AppError::Invalid(crate::domain::FieldErrors::single(
                "kind",
                "Choose a kind of change talk to suggest.",
            )));
        }
    };
    let family = crate::backend::family::suggest_kind(&services.store, &session, id, kind).await?;
    leptos_axum::redirect(&format!("/families/{family}"));
    Ok(())
}
