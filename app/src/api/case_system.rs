//! The council's case system, for its admins: registering and revoking the API clients
//! that call `/api/v1`, each secret shown once, and members' references in the case
//! system. The API itself is plain routes (the server's `case_api`), not server functions.

use super::AppError;
pub use crate::dto::case_api::*;
use leptos::prelude::*;

/// The council's API clients, and its teams to choose from.
#[server(prefix = "/api", endpoint = "api-clients")]
pub async fn api_clients() -> Result<ClientsView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::case_system::clients(&services.store, &session).await
}

/// Registers a client for the teams ticked (`teams[]`), then shows its secret once.
#[server(prefix = "/api", endpoint = "register-api-client")]
pub async fn register_api_client(
    #[server(default)] name: String,
    #[server(default)] days: String,
    #[server(default)] teams: Vec<String>,
    #[server(default)] webhook_url: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = crate::backend::case_system::register(
        &services.store,
        &session,
        &name,
        &days,
        &teams,
        &webhook_url,
        services.webhooks_to_this_machine,
    )
    .await?;
    leptos_axum::redirect(&format!("/admin/case-system/clients/{id}"));
    Ok(())
}

/// A new client's secret, once, for the admin who registered it.
#[server(prefix = "/api", endpoint = "api-client-secret")]
pub async fn api_client_secret(#[server(default)] client: String) -> Result<SecretView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::case_system::secret(&services.store, &session, &client).await
}

/// Revokes a client: its secret stops working at once.
#[server(prefix = "/api", endpoint = "revoke-api-client")]
pub async fn revoke_api_client(#[server(default)] client: String) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::case_system::revoke(&services.store, &session, &client).await?;
    leptos_axum::redirect("/admin/case-system?revoked=yes");
    Ok(())
}

/// A family of the admin's council, by its case reference, with its members' references.
#[server(prefix = "/api", endpoint = "case-references")]
pub async fn case_references(
    #[server(default)] reference: String,
) -> Result<Option<ReferencesView>, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::case_system::references(&services.store, &session, &reference).await
}

/// Sets, or clears, a member's reference in the case system.
#[server(prefix = "/api", endpoint = "set-case-reference")]
pub async fn set_case_reference(
    #[server(default)] member: String,
    #[server(default)] reference: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let family =
        crate::backend::case_system::set_reference(&services.store, &session, &member, &reference)
            .await?;
    let query: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("reference", &family)
        .append_pair("saved", "yes")
        .finish();
    leptos_axum::redirect(&format!("/admin/case-system/family?{query}"));
    Ok(())
}

/// The council's API clients, for a head of service to approve.
#[server(prefix = "/api", endpoint = "case-systems-to-approve")]
pub async fn case_systems_to_approve() -> Result<ClientsView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::case_system::to_approve(&services.store, &session).await
}

/// Approves a client, so that its secret works.
#[server(prefix = "/api", endpoint = "approve-api-client")]
pub async fn approve_api_client(#[server(default)] client: String) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::case_system::approve(&services.store, &session, &client).await?;
    leptos_axum::redirect("/case-systems?approved=yes");
    Ok(())
}
