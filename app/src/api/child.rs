//! A child's own tools, and a practitioner handing their device to a child.
//!
//! Each function: who is asking -> policy (inside the backend call) -> parse -> store,
//! audited in the same transaction -> a plain DTO. Every function a child's screens call
//! is named `child-…`, so that a device handed to a child can be held to those alone.

use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::child::AgeBand;
#[cfg(feature = "ssr")]
use crate::domain::ids::{EntryId, MemberId};
pub use crate::dto::child::*;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "child-space")]
pub async fn my_child_space() -> Result<ChildSpace, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::child::space(&services.store, &session, &services.auth).await
}

/// Puts something in one of the Three Houses. Pictures are checkboxes named `symbols[]`.
#[server(prefix = "/api", endpoint = "child-house")]
pub async fn add_to_house(
    #[server(default)] submission: String,
    #[server(default)] house: String,
    #[server(default)] symbols: Vec<String>,
    #[server(default)] words: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::child::HouseItem;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let submission = crate::domain::tools::submission(&submission)?;
    let item = HouseItem::parse(&house, &symbols, &words).map_err(AppError::Invalid)?;
    let house = item.house;
    crate::backend::child::add_house_item(
        &services.store,
        &session,
        submission,
        item,
        share == "workers",
    )
    .await?;
    leptos_axum::redirect(&format!("/child/houses/{}", house.code()));
    Ok(())
}

/// A feelings check-in: one of five faces, and "because…" if the child wants.
#[server(prefix = "/api", endpoint = "child-feeling")]
pub async fn add_feeling(
    #[server(default)] submission: String,
    #[server(default)] face: String,
    #[server(default)] because: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::child::Feeling;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let submission = crate::domain::tools::submission(&submission)?;
    let feeling = Feeling::parse(&face, &because).map_err(AppError::Invalid)?;
    crate::backend::child::add_feeling(
        &services.store,
        &session,
        submission,
        feeling,
        share == "workers",
    )
    .await?;
    leptos_axum::redirect("/child/feelings");
    Ok(())
}

/// "What I want my worker to know" (`which` = `tell`), "Who is important to me"
/// (`which` = `important`), "Something that went well" (`which` = `good`), "About me"
/// (`which` = `about`), what the child wants their team's meeting to know (`which` =
/// `meeting`), or what they think about what their team decided (`which` = `plan`, with
/// the `meeting` they were told about).
#[server(prefix = "/api", endpoint = "child-note")]
pub async fn add_note(
    #[server(default)] submission: String,
    #[server(default)] which: String,
    #[server(default)] symbols: Vec<String>,
    #[server(default)] words: String,
    #[server(default)] share: String,
    #[server(default)] meeting: String,
) -> Result<(), AppError> {
    use crate::domain::child::Said;
    use crate::domain::entries::EntryKind;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let submission = crate::domain::tools::submission(&submission)?;
    if which == "plan" {
        use crate::domain::meeting::{CHILD_PLAN_EMPTY, MeetingWords};
        crate::backend::child::own_space(&session)?;
        let said = Said::parse(&symbols, &words, CHILD_PLAN_EMPTY).map_err(AppError::Invalid)?;
        let answer = MeetingWords::from_child(String::new(), said);
        crate::backend::meeting::answer_plan(
            &services.store,
            &session,
            submission,
            answer,
            share == "workers",
            &meeting,
        )
        .await?;
        // Only a meeting the child was told about gets this far.
        leptos_axum::redirect(&format!("/child/decided/{meeting}"));
        return Ok(());
    }
    if which == "meeting" {
        use crate::domain::meeting::{CHILD_SAY_SOMETHING, MeetingWords};
        crate::backend::child::own_space(&session)?;
        let said = Said::parse(&symbols, &words, CHILD_SAY_SOMETHING).map_err(AppError::Invalid)?;
        let answer = MeetingWords::from_child(String::new(), said);
        crate::backend::meeting::answer(
            &services.store,
            &session,
            submission,
            answer,
            share == "workers",
            None,
            "symbols",
        )
        .await?;
        leptos_axum::redirect("/child/meeting");
        return Ok(());
    }
    let (kind, empty, back) = match which.as_str() {
        "tell" => (
            EntryKind::WorkerKnow,
            "Choose a picture or write what your worker should know.",
            "/child/tell",
        ),
        "important" => (
            EntryKind::ImportantPerson,
            "Choose a picture or write who is important to you.",
            "/child/important",
        ),
        "good" => (
            EntryKind::GoodNews,
            crate::domain::meeting::CHILD_GOOD_NEWS_EMPTY,
            "/child/good",
        ),
        "about" => (
            EntryKind::AboutMe,
            crate::domain::meeting::CHILD_ABOUT_ME_EMPTY,
            "/child/about",
        ),
        _ => return Err(AppError::BadRequest),
    };
    let said = Said::parse(&symbols, &words, empty).map_err(AppError::Invalid)?;
    crate::backend::child::add_note(
        &services.store,
        &session,
        kind,
        submission,
        said,
        share == "workers",
    )
    .await?;
    leptos_axum::redirect(back);
    Ok(())
}

/// Shows one of the child's own things to their worker or to a named member of the
/// family (`with` = `workers` or a member's id), or stops showing it (`show` = `no`).
/// `back` is where to go next: a child page.
#[server(prefix = "/api", endpoint = "child-share")]
pub async fn child_share(
    #[server(default)] entry: String,
    #[server(default)] with: String,
    #[server(default)] show: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = EntryId::parse(&entry).map_err(|_| AppError::NotFound)?;
    let show = show != "no";
    let store = &services.store;
    crate::backend::child::own_item(store, &session, id).await?;
    if with == "workers" {
        crate::backend::tools::set_shared(store, &session, id, show).await?;
    } else {
        let member = MemberId::parse(&with).map_err(|_| AppError::BadRequest)?;
        if show {
            crate::backend::tools::share_with_member(store, &session, id, member).await?;
        } else {
            crate::backend::tools::unshare_with_member(store, &session, id, member).await?;
        }
    }
    let back = if back.starts_with("/child") && !back.contains("//") {
        back
    } else {
        "/child".to_owned()
    };
    leptos_axum::redirect(&back);
    Ok(())
}

/// "I don't feel safe": tells the allocated workers at once.
#[server(prefix = "/api", endpoint = "child-not-safe")]
pub async fn child_not_safe(#[server(default)] submission: String) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let submission = crate::domain::tools::submission(&submission)?;
    crate::backend::child::own_space(&session)?;
    crate::backend::tools::raise_alert(&services, &session, submission).await?;
    leptos_axum::redirect("/child/safe/told");
    Ok(())
}

/// "Hand to child": the practitioner's signed-in device becomes the child's, for that
/// child alone, until the practitioner takes it back with their passkey. `language`, if
/// given, is the language of the child's screens from now on.
#[server(prefix = "/api", endpoint = "hand-to-child")]
pub async fn hand_to_child(
    #[server(default)] member: String,
    #[server(default)] language: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let member = MemberId::parse(&member).map_err(|_| AppError::NotFound)?;
    crate::backend::child::hand_to_child(&services.store, &session, member).await?;
    // Only once the hand-over's own checks have let the practitioner work with this child.
    if let Some(lang) =
        crate::domain::language::Lang::parse(&language).filter(|l| services.languages.0.contains(l))
    {
        crate::backend::language::set_for_member(&services.store, &session, member, lang).await?;
    }
    leptos_axum::redirect("/child");
    Ok(())
}

/// A practitioner's choice of which screens fit a child: a band, or `from_birth`.
#[server(prefix = "/api", endpoint = "choose-band")]
pub async fn choose_band(
    #[server(default)] member: String,
    #[server(default)] band: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let member = MemberId::parse(&member).map_err(|_| AppError::NotFound)?;
    let band = AgeBand::parse_choice(&band).map_err(AppError::Invalid)?;
    let family =
        crate::backend::child::choose_band(&services.store, &session, member, band).await?;
    leptos_axum::redirect(&format!("/families/{family}"));
    Ok(())
}
