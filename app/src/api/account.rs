//! A person's own passkeys and sessions, which they can see and end; and, for admins,
//! codes for staff accounts.

/// What a passkey step can answer, for a page to say in the reader's language.
#[cfg(feature = "ssr")]
pub use crate::backend::auth::AuthError;

use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::ids::{PasskeyId, SessionId, StaffId};
pub use crate::dto::account::*;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "my-account")]
pub async fn my_account() -> Result<AccountView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let account = session.actor.account().ok_or(AppError::SignInNeeded)?;
    let passkeys = crate::backend::store::identity::passkeys_of_account(
        &mut *services.store.pool_connection().await?,
        account,
    )
    .await?;
    let sessions = crate::backend::store::identity::open_sessions(
        &mut *services.store.pool_connection().await?,
        account,
    )
    .await?;
    let notices = crate::backend::store::identity::notices_for(
        &mut *services.store.pool_connection().await?,
        account,
        session.passkey,
        services.auth.now(),
    )
    .await?;
    Ok(AccountView {
        is_member: session.actor.is_family_member(),
        notices,
        passkeys: passkeys
            .into_iter()
            .map(|p| PasskeyView {
                removed: p.revoked_at.map(|at| {
                    let day = services.zone.day(at);
                    match p.revoked_reason.as_deref() {
                        Some("reset") => format!("Removed on {day}, when a reset code was used"),
                        Some("phone_taken") => {
                            format!(
                                "Removed on {day}, when your worker was told this phone was taken"
                            )
                        }
                        _ => format!("Removed on {day}"),
                    }
                }),
                id: p.id,
                label: p.label,
                added: p.created_at,
                last_used: p.last_used_at,
                revoked: p.revoked_at.is_some(),
            })
            .collect(),
        sessions: sessions
            .into_iter()
            .map(|s| SessionView {
                this_one: s.id == session.id,
                id: s.id,
                started: s.created_at,
                last_seen: s.last_seen_at,
            })
            .collect(),
    })
}

/// Removes one of the person's own passkeys; every session it signed in ends with it.
#[server(prefix = "/api", endpoint = "revoke-passkey")]
pub async fn revoke_passkey(#[server(default)] passkey: String) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let passkey = PasskeyId::parse(&passkey).map_err(|_| AppError::NotFound)?;
    services
        .auth
        .revoke_passkey(&services.store, &session, passkey)
        .await?;
    leptos_axum::redirect("/account");
    Ok(())
}

/// Ends one of the person's own sessions, such as one left open on a lost phone.
#[server(prefix = "/api", endpoint = "revoke-session")]
pub async fn revoke_session(#[server(default)] session: String) -> Result<(), AppError> {
    let current = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let target = SessionId::parse(&session).map_err(|_| AppError::NotFound)?;
    services
        .auth
        .revoke_session(&services.store, &current, target)
        .await?;
    leptos_axum::redirect(if target == current.id {
        "/signed-out"
    } else {
        "/account"
    });
    Ok(())
}

/// The staff of the admin's own council, for the admin alone: anyone else, an admin of
/// another council's staff included, gets "not found".
#[cfg(feature = "ssr")]
async fn council_staff(
    services: &crate::backend::Services,
    session: &crate::backend::auth::CurrentSession,
) -> Result<Vec<(StaffId, String, crate::domain::people::StaffRole)>, AppError> {
    let crate::backend::policy::Actor::Staff { staff, .. } = &session.actor else {
        return Err(AppError::NotFound);
    };
    let council = crate::backend::store::people::staff_council(
        &mut *services.store.pool_connection().await?,
        *staff,
    )
    .await?;
    if !crate::backend::policy::may_manage_staff(&session.actor, council, council) {
        return Err(AppError::NotFound);
    }
    match council {
        Some(council) => Ok(crate::backend::store::people::staff_of_council(
            &mut *services.store.pool_connection().await?,
            council,
        )
        .await?),
        None => Err(AppError::NotFound),
    }
}

/// The council's staff, for an admin to issue sign-up codes. Nobody else sees it.
#[server(prefix = "/api", endpoint = "staff-list")]
pub async fn staff_list() -> Result<Vec<StaffListed>, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    Ok(council_staff(&services, &session)
        .await?
        .into_iter()
        .map(|(id, name, role)| StaffListed {
            id,
            name,
            role: role.title().to_owned(),
        })
        .collect())
}

/// Creates a sign-up code for a member of staff (admins only) and shows it once.
#[server(prefix = "/api", endpoint = "issue-staff-code")]
pub async fn issue_staff_code(#[server(default)] staff: String) -> Result<(), AppError> {
    use crate::backend::auth::CodeFor;
    use crate::backend::store::CodePurpose;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let staff = StaffId::parse(&staff).map_err(|_| AppError::NotFound)?;
    let issued = services
        .auth
        .issue_code(
            &services.store,
            &session,
            CodeFor::Staff(staff),
            CodePurpose::Invitation,
        )
        .await;
    if let Err(crate::backend::auth::AuthError::NeedsRecentSignIn) = issued {
        leptos_axum::redirect("/confirm?then=/admin/staff");
        return Ok(());
    }
    let issued = issued?;
    crate::backend::shown_codes::put(
        &services.store,
        &session,
        &staff.to_string(),
        false,
        &issued,
    )
    .await?;
    leptos_axum::redirect(&format!("/admin/staff/{staff}/code"));
    Ok(())
}

/// The staff code just created, once.
#[server(prefix = "/api", endpoint = "shown-staff-code")]
pub async fn shown_staff_code(staff: String) -> Result<Option<super::family::CodeShown>, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let council = council_staff(&services, &session).await?;
    let staff = StaffId::parse(&staff).map_err(|_| AppError::NotFound)?;
    // Someone of another council's staff is not found, as if they did not exist.
    if !council.iter().any(|(id, _, _)| *id == staff) {
        return Err(AppError::NotFound);
    }
    let Some((_, issued)) =
        crate::backend::shown_codes::take(&services.store, &session, &staff.to_string()).await?
    else {
        return Ok(None);
    };
    let name = council
        .into_iter()
        .find(|(id, _, _)| *id == staff)
        .map(|(_, name, _)| name)
        .unwrap_or_default();
    let link = format!(
        "{}start?code={}",
        services.auth.settings.origin, issued.code
    );
    Ok(Some(super::family::CodeShown {
        qr_svg: crate::backend::qr::svg(&link),
        link,
        code: issued.code,
        expires: services.zone.time(issued.expires_at),
        member_name: name,
        is_reset: false,
    }))
}
