//! Module 8, "Comments and views": everything a family shared with its workers, word for
//! word and attributed, grouped by member, for the practitioners who work with the family.
//! Practitioners mark items read, respond and suggest a kind of change talk; the author
//! sees the receipt and the responses, and can say "I disagree" beside a response.

use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::ids::{EntryId, FamilyId};
pub use crate::dto::views::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn entry_id(raw: &str) -> Result<EntryId, AppError> {
    EntryId::parse(raw).map_err(|_| AppError::NotFound)
}

#[cfg(feature = "ssr")]
fn words(raw: &str, field: &str) -> Result<crate::domain::tools::Words, AppError> {
    match crate::domain::tools::Words::parse_optional(raw) {
        Ok(Some(words)) => Ok(words),
        Ok(None) => Err(AppError::Invalid(crate::domain::FieldErrors::single(
            field,
            "Write something first.",
        ))),
        Err(message) => Err(AppError::Invalid(crate::domain::FieldErrors::single(
            field, message,
        ))),
    }
}

/// One family's Module 8, narrowed as the filter form asks (see `ViewFilter::parse`).
#[server(prefix = "/api", endpoint = "module-8")]
pub async fn module_8(
    family: String,
    #[server(default)] period: String,
    #[server(default)] member: String,
    #[server(default)] tool: String,
    #[server(default)] unread: String,
) -> Result<Module8View, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let family = FamilyId::parse(&family).map_err(|_| AppError::NotFound)?;
    let filter = ViewFilter::parse(&period, &member, &tool, &unread);
    crate::backend::views::module_8(
        &services.store,
        &session,
        family,
        &filter,
        crate::backend::Reading::Page,
    )
    .await
}

/// Where Module 8 goes back to after a mark or a response: the same view, at the item.
#[cfg(feature = "ssr")]
fn back_to_view(family: FamilyId, view: &str, id: EntryId) -> String {
    format!(
        "/families/{family}/views?{}#entry-{id}",
        ViewFilter::from_query(view).query()
    )
}

/// A practitioner marks an entry read; its author sees "your worker has read this".
#[server(prefix = "/api", endpoint = "mark-read")]
pub async fn mark_read(
    #[server(default)] entry: String,
    #[server(default)] view: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = entry_id(&entry)?;
    let family = crate::backend::views::mark_read(&services.store, &session, id).await?;
    leptos_axum::redirect(&back_to_view(family, &view, id));
    Ok(())
}

/// A practitioner responds to an entry; its author sees the response.
#[server(prefix = "/api", endpoint = "respond")]
pub async fn respond(
    #[server(default)] entry: String,
    #[server(default)] response: String,
    #[server(default)] view: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = entry_id(&entry)?;
    let words = words(&response, "response")?;
    let family = crate::backend::views::respond(&services, &session, id, &words).await?;
    leptos_axum::redirect(&back_to_view(family, &view, id));
    Ok(())
}

/// A family member says "I disagree" beside a response to something they wrote.
#[server(prefix = "/api", endpoint = "disagree")]
pub async fn disagree(
    #[server(default)] response: String,
    #[server(default)] disagree: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let words = words(&disagree, "disagree")?;
    let entry =
        crate::backend::views::disagree(&services.store, &session, &response, &words).await?;
    leptos_axum::redirect(&format!("/entries/{entry}"));
    Ok(())
}
