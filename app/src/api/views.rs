//! Module 8, "Comments and views": everything a family shared with its workers, word for
//! word and attributed, grouped by member, for the practitioners who work with the family.
//! Practitioners mark items read, respond and suggest a kind of change talk; the author
//! sees the receipt and the responses, and can say "I disagree" beside a response.

use super::AppError;
use crate::api::family::TalkView;
use crate::domain::ids::{EntryId, FamilyId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One labelled part of an entry, in the family member's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub label: String,
    pub words: String,
}

/// An earlier version of an entry, for "see how it changed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    pub version: i64,
    pub at: i64,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisagreeView {
    pub by: String,
    pub words: String,
    pub at: i64,
}

/// A practitioner's response, with what the family member said against it beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseView {
    pub id: String,
    pub by: String,
    pub role: String,
    pub words: String,
    pub at: i64,
    pub disagreements: Vec<DisagreeView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadView {
    pub by: String,
    pub at: i64,
}

/// One shared entry, verbatim and attributed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewItem {
    pub id: EntryId,
    /// Which tool, in the practice's words: "Goal", "Check-in".
    pub tool: String,
    pub written_at: i64,
    /// The version shown (the latest), and when it was written.
    pub version: i64,
    pub changed_at: i64,
    pub parts: Vec<Part>,
    pub talk: Option<TalkView>,
    /// The latest time a practitioner marked it read.
    pub read: Option<ReadView>,
    pub responses: Vec<ResponseView>,
    /// Earlier versions, oldest first.
    pub history: Vec<VersionView>,
}

/// One member of the family and what they shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberViews {
    pub name: String,
    /// Their place in the family: "Parent or carer", "Child or young person".
    pub place: String,
    pub items: Vec<ViewItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module8View {
    pub family: FamilyId,
    pub reference: String,
    pub display_name: String,
    pub members: Vec<MemberViews>,
}

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

#[server(prefix = "/api", endpoint = "module-8")]
pub async fn module_8(family: String) -> Result<Module8View, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let family = FamilyId::parse(&family).map_err(|_| AppError::NotFound)?;
    crate::backend::views::module_8(
        &services.store,
        &session,
        family,
        crate::backend::Reading::Page,
    )
    .await
}

/// A practitioner marks an entry read; its author sees "your worker has read this".
#[server(prefix = "/api", endpoint = "mark-read")]
pub async fn mark_read(#[server(default)] entry: String) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = entry_id(&entry)?;
    let family = crate::backend::views::mark_read(&services.store, &session, id).await?;
    leptos_axum::redirect(&format!("/families/{family}/views#entry-{id}"));
    Ok(())
}

/// A practitioner responds to an entry; its author sees the response.
#[server(prefix = "/api", endpoint = "respond")]
pub async fn respond(
    #[server(default)] entry: String,
    #[server(default)] response: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = entry_id(&entry)?;
    let words = words(&response, "response")?;
    let family = crate::backend::views::respond(&services.store, &session, id, &words).await?;
    leptos_axum::redirect(&format!("/families/{family}/views#entry-{id}"));
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
