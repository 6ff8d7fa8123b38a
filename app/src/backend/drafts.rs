//! Drafts on the server: one question per page, with the answers so far kept for the
//! member who is giving them and nobody else.
//!
//! A draft is always the signed-in member's own: its key is made from their session, so
//! there is no way to name someone else's. A draft about a goal needs the goal to be the
//! member's own, checked (and audited) the same way as the goal's own pages; anyone
//! else's goal answers exactly as a goal that does not exist.

use crate::backend::auth::CurrentSession;
use crate::backend::store::{self, DraftKey, Keep, Saved, Store, Who};
use crate::domain::FieldErrors;
use crate::domain::flows::{Answers, Flow};
use crate::domain::ids::{EntryId, SubmissionId};
use crate::dto::AppError;
use crate::dto::drafts::DraftView;
use crate::dto::tools::GoalView;

/// The most a draft keeps for one answer while it is being typed. More than an answer
/// may hold when it is saved (so an over-long answer is kept, and the person is told
/// when they go on), but bounded, so a draft cannot be used to fill the disk.
pub const KEEP_MAX: usize = 20_000;

async fn key_for(
    store: &Store,
    session: &CurrentSession,
    flow: Flow,
    goal: Option<EntryId>,
) -> Result<(DraftKey, Option<GoalView>), AppError> {
    let (family, member) = crate::backend::tools::parent(store, session, "open_draft").await?;
    let goal = if flow.about_a_goal() {
        let id = goal.ok_or(AppError::NotFound)?;
        Some(crate::backend::tools::goal(store, session, id, true).await?)
    } else {
        None
    };
    let key = DraftKey {
        family,
        member,
        flow,
        goal: goal.as_ref().map(|g| g.id),
    };
    Ok((key, goal))
}

/// What a new draft starts from: for changing a goal, what the goal says now and the
/// version it says it in; for anything else, nothing.
fn seed(flow: Flow, goal: Option<&GoalView>) -> Answers {
    let mut answers = Answers::new();
    if let (Flow::EditGoal, Some(goal)) = (flow, goal) {
        for (name, value) in [
            ("change", &goal.change),
            ("why", &goal.why),
            ("steps", &goal.steps),
            ("helpers", &goal.helpers),
            ("signs", &goal.signs),
            ("obstacles", &goal.obstacles),
        ] {
            answers.insert(name.to_owned(), value.clone());
        }
        answers.insert("version".to_owned(), goal.version.to_string());
    }
    answers
}

/// The member's draft for a tool, or where a new one would start from.
pub async fn open(
    store: &Store,
    session: &CurrentSession,
    flow: Flow,
    goal: Option<EntryId>,
) -> Result<DraftView, AppError> {
    let (key, goal) = key_for(store, session, flow, goal).await?;
    let mut audited = store.begin_audited().await?;
    let found = store::drafts::draft(&mut audited.tx, &key, &Who::actor(&session.actor)).await?;
    let draft = audited.keep(found).await?;
    Ok(DraftView {
        kept: draft.is_some(),
        submission: draft
            .as_ref()
            .map_or_else(SubmissionId::new, |d| d.id)
            .to_string(),
        answers: draft.map_or_else(|| seed(flow, goal.as_ref()), |d| d.answers),
        goal_change: goal.map(|g| g.change),
    })
}

/// One answer, as a page sends it.
pub struct Given<'a> {
    pub flow: Flow,
    pub goal: Option<EntryId>,
    pub submission: &'a str,
    pub question: &'a str,
    pub value: &'a str,
    /// When it was typed, by the device's clock, if the page said.
    pub typed_at: Option<i64>,
}

/// Keeps one answer in the member's draft. With `check`, the answer must be one that
/// can be saved (the person pressed Continue); without, it is kept as typed, so far, and
/// `None` says it arrived too late to keep. The goal's own words are read (and audited)
/// only to start a draft that changes the goal; otherwise its being the member's own is
/// checked where the answer is kept.
pub async fn answer(
    store: &Store,
    session: &CurrentSession,
    given: Given<'_>,
    check: bool,
) -> Result<Option<Answers>, AppError> {
    let Given {
        flow,
        goal,
        submission,
        question,
        value,
        typed_at,
    } = given;
    let (family, member) = crate::backend::tools::parent(store, session, "keep_answer").await?;
    let asked = flow.question(question).ok_or(AppError::BadRequest)?;
    if check {
        asked.check(value).map_err(AppError::Invalid)?;
    } else if value.chars().count() > KEEP_MAX {
        return Err(AppError::Invalid(FieldErrors::single(
            question,
            "This answer is too long to keep. Make it shorter.",
        )));
    }
    let submission = crate::domain::tools::submission(submission).map_err(AppError::Invalid)?;
    let goal = goal.filter(|_| flow.about_a_goal());
    if flow.about_a_goal() && goal.is_none() {
        return Err(AppError::NotFound);
    }
    let key = DraftKey {
        family,
        member,
        flow,
        goal,
    };
    let keep = Keep {
        question,
        value,
        typed_at,
        as_typed: !check,
    };
    let who = Who::actor(&session.actor);
    let blank = Answers::new();
    let first_seed = (flow != Flow::EditGoal).then_some(&blank);
    let mut saved = save_answer(store, &key, submission, first_seed, keep, &who).await?;
    if saved == Saved::NeedsSeed {
        let (_, goal) = key_for(store, session, flow, goal).await?;
        let seed = seed(flow, goal.as_ref());
        saved = save_answer(store, &key, submission, Some(&seed), keep, &who).await?;
    }
    match saved {
        Saved::Kept(draft) => Ok(Some(draft.answers)),
        Saved::Late => Ok(None),
        Saved::NeedsSeed | Saved::NoSuchGoal => Err(AppError::NotFound),
    }
}

/// Throws the member's draft away.
pub async fn discard(
    store: &Store,
    session: &CurrentSession,
    flow: Flow,
    goal: Option<EntryId>,
) -> Result<(), AppError> {
    let (key, _) = key_for(store, session, flow, goal).await?;
    let mut audited = store.begin_audited().await?;
    let who = Who::actor(&session.actor);
    let removed =
        store::drafts::remove_draft(&mut audited.tx, &key, &who, "thrown away by its author")
            .await?;
    audited.keep(removed).await?;
    Ok(())
}

/// Keeps one answer in its own audited transaction.
async fn save_answer(
    store: &Store,
    key: &DraftKey,
    submission: SubmissionId,
    seed: Option<&Answers>,
    keep: Keep<'_>,
    who: &Who,
) -> Result<Saved, AppError> {
    let mut audited = store.begin_audited().await?;
    let at = audited.now();
    let saved =
        store::drafts::save_answer(&mut audited.tx, key, submission, seed, keep, who, at).await?;
    Ok(audited.keep(saved).await?)
}
