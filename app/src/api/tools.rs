//! A parent's tools: goals, check-ins, stages, change talk, and sharing with workers.
//!
//! Each function: who is asking -> parse the form into domain types -> the backend, which
//! asks the policy and audits in the same transaction -> a plain DTO or a redirect.

// A form's server function takes one argument per field, and the framework generates
// code from each, so the lint is silenced for the module rather than per function.
#![allow(
    clippy::too_many_arguments,
    reason = "one argument per field of the form"
)]

use super::AppError;
#[cfg(feature = "ssr")]
use crate::domain::ids::EntryId;
pub use crate::dto::tools::*;
use leptos::prelude::*;

/// "Only me" or "me and my workers", as the form sends it.
#[cfg(feature = "ssr")]
fn shares(raw: &str) -> Result<bool, AppError> {
    match raw {
        "workers" => Ok(true),
        "" | "only_me" => Ok(false),
        _ => Err(AppError::BadRequest),
    }
}

/// What a grown-up's own-words form is, before its words are read: who is asking, once the
/// policy gives them the parents' tools (anyone else is refused as `action`, in the trail),
/// the services, the submission's id and whether they share it with their workers.
#[cfg(feature = "ssr")]
struct Sent {
    session: crate::backend::auth::CurrentSession,
    services: crate::backend::Services,
    submission: crate::domain::ids::SubmissionId,
    share: bool,
}

#[cfg(feature = "ssr")]
async fn sent(action: &'static str, submission: &str, share: &str) -> Result<Sent, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::tools::parent(&services.store, &session, action).await?;
    Ok(Sent {
        submission: crate::domain::tools::submission(submission)?,
        share: shares(share)?,
        session,
        services,
    })
}

#[cfg(feature = "ssr")]
fn entry_id(raw: &str) -> Result<EntryId, AppError> {
    EntryId::parse(raw).map_err(|_| AppError::NotFound)
}

#[server(prefix = "/api", endpoint = "my-space")]
pub async fn my_space() -> Result<SpaceView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::tools::space(&services.store, &session).await
}

/// A grown-up member's home, for the page to ask once, before it knows who is asking:
/// nothing, and nothing read, for anyone else (staff, a child, nobody signed in).
#[server(prefix = "/api", endpoint = "member-home")]
pub async fn member_home() -> Result<Option<MemberHomeView>, AppError> {
    use crate::backend::policy::Actor;
    use crate::domain::people::MemberKind;
    let Some(session) = crate::backend::current_session() else {
        return Ok(None);
    };
    if !matches!(&session.actor, Actor::Member { kind, .. } if *kind != MemberKind::Child) {
        return Ok(None);
    }
    let services = crate::backend::services()?;
    Ok(Some(
        crate::backend::family::member_home(&services.store, &session).await?,
    ))
}

#[server(prefix = "/api", endpoint = "goal")]
pub async fn goal(id: String) -> Result<GoalView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::tools::goal(&services.store, &session, entry_id(&id)?, false).await
}

/// A goal for the pages that change it: the author's own, or not found.
#[server(prefix = "/api", endpoint = "own-goal")]
pub async fn own_goal(id: String) -> Result<GoalView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::tools::goal(&services.store, &session, entry_id(&id)?, true).await
}

#[server(prefix = "/api", endpoint = "new-goal")]
pub async fn new_goal(
    #[server(default)] submission: String,
    #[server(default)] change: String,
    #[server(default)] why: String,
    #[server(default)] steps: String,
    #[server(default)] helpers: String,
    #[server(default)] signs: String,
    #[server(default)] obstacles: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::tools::{Goal, GoalForm};
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::tools::parent(&services.store, &session, "create_goal").await?;
    let submission = crate::domain::tools::submission(&submission)?;
    let goal = Goal::try_from(GoalForm {
        change,
        why,
        steps,
        helpers,
        signs,
        obstacles,
    })?;
    let share = shares(&share)?;
    let id =
        crate::backend::tools::create_goal(&services.store, &session, submission, &goal, share)
            .await?;
    leptos_axum::redirect(&format!("/goals/{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "edit-goal")]
pub async fn edit_goal(
    #[server(default)] goal: String,
    #[server(default)] version: String,
    #[server(default)] change: String,
    #[server(default)] why: String,
    #[server(default)] steps: String,
    #[server(default)] helpers: String,
    #[server(default)] signs: String,
    #[server(default)] obstacles: String,
) -> Result<(), AppError> {
    use crate::domain::tools::{Goal, GoalForm};
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::tools::parent(&services.store, &session, "change_entry").await?;
    let id = entry_id(&goal)?;
    let after: i64 = version.parse().map_err(|_| AppError::BadRequest)?;
    let parsed = Goal::try_from(GoalForm {
        change,
        why,
        steps,
        helpers,
        signs,
        obstacles,
    })?;
    crate::backend::tools::revise_goal(&services.store, &session, id, after, &parsed).await?;
    leptos_axum::redirect(&format!("/goals/{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "check-in")]
pub async fn check_in(
    #[server(default)] goal: String,
    #[server(default)] submission: String,
    #[server(default)] now: String,
    #[server(default)] want: String,
    #[server(default)] note: String,
    #[server(default)] importance: String,
    #[server(default)] importance_not_lower: String,
    #[server(default)] importance_up_one: String,
    #[server(default)] confidence: String,
    #[server(default)] confidence_not_lower: String,
    #[server(default)] confidence_up_one: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::tools::CheckInForm;
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::tools::parent(&services.store, &session, "check_in").await?;
    let id = entry_id(&goal)?;
    let submission = crate::domain::tools::submission(&submission)?;
    let parsed = CheckInForm {
        now,
        want,
        note,
        importance,
        importance_not_lower,
        importance_up_one,
        confidence,
        confidence_not_lower,
        confidence_up_one,
    }
    .parse(id)?;
    let share = shares(&share)?;
    crate::backend::tools::add_to_goal(
        &services.store,
        &session,
        crate::domain::entries::EntryBody::CheckIn(parsed),
        submission,
        share,
    )
    .await?;
    leptos_axum::redirect(&format!("/goals/{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "stage")]
pub async fn choose_stage(
    #[server(default)] goal: String,
    #[server(default)] submission: String,
    #[server(default)] stage: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::tools::{Stage, StageChoice};
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::tools::parent(&services.store, &session, "stage").await?;
    let id = entry_id(&goal)?;
    let submission = crate::domain::tools::submission(&submission)?;
    let stage = Stage::parse(&stage)
        .map_err(|message| crate::domain::FieldErrors::single("stage", message))?;
    let share = shares(&share)?;
    crate::backend::tools::add_to_goal(
        &services.store,
        &session,
        crate::domain::entries::EntryBody::Stage(StageChoice { goal: id, stage }),
        submission,
        share,
    )
    .await?;
    leptos_axum::redirect(&format!("/goals/{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "say")]
pub async fn say(
    #[server(default)] submission: String,
    #[server(default)] kind: String,
    #[server(default)] text: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::tools::ChangeTalk;
    let sent = sent("change_talk", &submission, &share).await?;
    let talk = ChangeTalk::parse(&kind, &text)?;
    let store = &sent.services.store;
    crate::backend::tools::say(store, &sent.session, sent.submission, &talk, sent.share).await?;
    leptos_axum::redirect("/home");
    Ok(())
}

/// "Is there anything you want them to know?": a grown-up's answer for their team's next
/// group case supervision, private unless they share it.
#[server(prefix = "/api", endpoint = "for-meeting")]
pub async fn for_meeting(
    #[server(default)] submission: String,
    #[server(default)] text: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::flows::Flow;
    use crate::domain::meeting::MeetingWords;
    let sent = sent("for_meeting", &submission, &share).await?;
    // The session is found when the answer is kept, in the same transaction.
    let answer = MeetingWords::parse(String::new(), &text)?;
    crate::backend::meeting::answer(
        &sent.services.store,
        &sent.session,
        sent.submission,
        answer,
        sent.share,
        Some(Flow::ForMeeting),
        "text",
    )
    .await?;
    leptos_axum::redirect("/home");
    Ok(())
}

/// "Something that went well": a grown-up's good news, private unless they share it.
#[server(prefix = "/api", endpoint = "good-news")]
pub async fn good_news(
    #[server(default)] submission: String,
    #[server(default)] text: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::entries::EntryBody;
    use crate::domain::meeting::{GOOD_NEWS_EMPTY, PicturesOrWords};
    let sent = sent("good_news", &submission, &share).await?;
    let body = EntryBody::GoodNews(PicturesOrWords::parse(&text, GOOD_NEWS_EMPTY)?);
    crate::backend::tools::write(
        &sent.services.store,
        &sent.session,
        body,
        sent.submission,
        sent.share,
        Some(crate::domain::flows::Flow::GoodNews),
    )
    .await?;
    leptos_axum::redirect("/home");
    Ok(())
}

/// "About me": a grown-up's one-page profile, private unless they share it. Each save is
/// a new version; the earlier ones stay in the record.
#[server(prefix = "/api", endpoint = "about-me")]
pub async fn about_me(
    #[server(default)] submission: String,
    #[server(default)] know: String,
    #[server(default)] helps: String,
    #[server(default)] spoken: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::entries::EntryBody;
    use crate::domain::flows::Flow;
    let sent = sent("about_me", &submission, &share).await?;
    let about = crate::domain::meeting::AboutMe::parse(&know, &helps, &spoken)?;
    crate::backend::tools::write(
        &sent.services.store,
        &sent.session,
        EntryBody::AboutMe(about),
        sent.submission,
        sent.share,
        Some(Flow::AboutMe),
    )
    .await?;
    leptos_axum::redirect("/home");
    Ok(())
}

/// Shares one of your own entries with your workers (`share` = `workers`), or withdraws it
/// (`share` = `only_me`). `back` is where to go next: a path on this site.
#[server(prefix = "/api", endpoint = "share")]
pub async fn share_entry(
    #[server(default)] entry: String,
    #[server(default)] share: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = entry_id(&entry)?;
    let shared = match share.as_str() {
        "workers" => true,
        "only_me" => false,
        _ => return Err(AppError::BadRequest),
    };
    crate::backend::tools::set_shared(&services.store, &session, id, shared).await?;
    let back = crate::domain::paths::local_path_or_home(Some(back.as_str()));
    leptos_axum::redirect(&back);
    Ok(())
}

/// "I don't feel safe right now": tells the allocated workers at once, and goes back to
/// the home page with nothing on screen to show it happened.
#[server(prefix = "/api", endpoint = "not-safe")]
pub async fn not_safe(#[server(default)] submission: String) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let submission = crate::domain::tools::submission(&submission)?;
    crate::backend::tools::raise_alert(&services, &session, submission).await?;
    leptos_axum::redirect("/home");
    Ok(())
}

/// Safety alerts from the families this member of staff works with, newest first.
#[server(prefix = "/api", endpoint = "urgent")]
pub async fn urgent() -> Result<Vec<AlertView>, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::tools::urgent(&services.store, &session).await
}

/// Shares one of your own entries with one named member of your family. The policy can
/// refuse, and then says so plainly without saying why.
#[server(prefix = "/api", endpoint = "share-with-member")]
pub async fn share_with_member(
    #[server(default)] entry: String,
    #[server(default)] member: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = entry_id(&entry)?;
    let member = crate::domain::ids::MemberId::parse(&member).map_err(|_| {
        AppError::Invalid(crate::domain::FieldErrors::single(
            "member",
            "Choose who to share this with.",
        ))
    })?;
    crate::backend::tools::share_with_member(&services.store, &session, id, member).await?;
    leptos_axum::redirect(&format!("/goals/{id}"));
    Ok(())
}

/// Stops sharing one of your own entries with a named member of your family.
#[server(prefix = "/api", endpoint = "unshare-with-member")]
pub async fn unshare_with_member(
    #[server(default)] entry: String,
    #[server(default)] member: String,
) -> Result<(), AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    let id = entry_id(&entry)?;
    let member = crate::domain::ids::MemberId::parse(&member).map_err(|_| AppError::BadRequest)?;
    crate::backend::tools::unshare_with_member(&services.store, &session, id, member).await?;
    leptos_axum::redirect(&format!("/goals/{id}"));
    Ok(())
}

/// What the member's team told them after a meeting, in plain words: read, audited, and
/// noted for the chair. A meeting they were not told about is not found.
#[server(prefix = "/api", endpoint = "told")]
pub async fn told(meeting: String) -> Result<crate::dto::record::ToldView, AppError> {
    let session = crate::backend::signed_in()?;
    let services = crate::backend::services()?;
    crate::backend::meeting::told(&services.store, &session, &meeting).await
}

/// "What I think about the plan": a grown-up's answer to what they were told after a
/// meeting, private unless they share it.
#[server(prefix = "/api", endpoint = "on-plan")]
pub async fn on_plan(
    #[server(default)] submission: String,
    #[server(default)] meeting: String,
    #[server(default)] text: String,
    #[server(default)] share: String,
) -> Result<(), AppError> {
    use crate::domain::meeting::{MeetingWords, PLAN_EMPTY, PicturesOrWords};
    let sent = sent("answer_plan", &submission, &share).await?;
    let answer = MeetingWords {
        meeting: String::new(),
        said: PicturesOrWords::parse(&text, PLAN_EMPTY)?,
    };
    crate::backend::meeting::answer_plan(
        &sent.services.store,
        &sent.session,
        sent.submission,
        answer,
        sent.share,
        &meeting,
    )
    .await?;
    leptos_axum::redirect("/home");
    Ok(())
}
