//! A parent's tools: a goal in their own words, checking in on it with scores and
//! readiness rulers, where they are with it (stage of change), and things they want to
//! say. Plain words; every form works without scripts.

use crate::api::tools::{GoalView, ShareEntry, ShareWithMember, goal, own_goal};
use crate::ui::i18n::{stage_words, t, t_with};
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, ProgressiveForm, echoed_error, field_error, use_form_echo,
};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::problems::problem_view;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// Loads the goal named in the address, then draws `page` with it. With `own_only`, a
/// goal that is not the asker's own (a worker's view of a shared goal) is not found.
fn with_goal<V: IntoView + 'static>(
    own_only: bool,
    page: impl Fn(GoalView) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        move |id| async move {
            if own_only {
                own_goal(id).await
            } else {
                goal(id).await
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let page = page.clone();
                Suspend::new(async move {
                    match found.await {
                        Ok(goal) => page(goal).into_any(),
                        Err(error) => problem_view(error),
                    }
                })
            }}
        </Suspense>
    }
}

/// A button that shares an entry with the workers, or takes it back. A plain form that
/// posts and reloads, with or without scripts, so the page always shows the new state.
#[component]
pub fn ShareButton(
    entry: String,
    shared: bool,
    back: String,
    #[prop(optional)] label: Option<String>,
) -> impl IntoView {
    let (value, default_label) = if shared {
        ("only_me", "goal-stop-sharing-workers")
    } else {
        ("workers", "goal-share-workers")
    };
    view! {
        <form method="post">
            <input type="hidden" name=crate::ui::shared::form::SERVER_FN_FIELD value=ShareEntry::url() />
            <input type="hidden" name="entry" value=entry />
            <input type="hidden" name="share" value=value />
            <input type="hidden" name="back" value=back />
            <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button">
                {label.unwrap_or_else(|| t(default_label))}
            </button>
        </form>
    }
}

fn who_can_see(shared: bool) -> String {
    t(if shared {
        "goal-you-and-workers"
    } else {
        "home-only-you"
    })
}

/// Stop sharing with one named person: a plain form that posts and reloads.
#[component]
fn StopSharingWith(entry: String, member: String, name: String) -> impl IntoView {
    view! {
        <form method="post">
            <input type="hidden" name=crate::ui::shared::form::SERVER_FN_FIELD value=crate::api::tools::UnshareWithMember::url() />
            <input type="hidden" name="entry" value=entry />
            <input type="hidden" name="member" value=member />
            <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button">
                {t_with("goal-stop-sharing-with", &[("name", &name)])}
            </button>
        </form>
    }
}

/// Share with one named person in the family: a separate, explicit choice.
#[component]
fn ShareWithSomeone(goal: GoalView) -> impl IntoView {
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    let message = field_error(error, "member");
    let group = move || {
        if message.get().is_some() {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    };
    view! {
        <ErrorSummary error />
        <h2 class="govuk-heading-m">{t("goal-share-someone")}</h2>
        <ProgressiveForm to=ShareWithMember::url()>
            <input type="hidden" name="entry" value=goal.id.to_string() />
            <div class=group>
                <label class="govuk-label" for="member">{t("goal-share-who")}</label>
                <ErrorMessage id="member-error" message />
                <select class="govuk-select" id="member" name="member">
                    <option value="">{t("goal-share-choose")}</option>
                    {goal
                        .others
                        .into_iter()
                        .map(|m| view! { <option value=m.id.to_string()>{m.name}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("goal-share-them")}</button>
        </ProgressiveForm>
    }
}

#[component]
pub fn GoalPage() -> impl IntoView {
    with_goal(false, |goal: GoalView| {
        let id = goal.id.to_string();
        let back = format!("/goals/{id}");
        let rows = [
            ("q-goal-why.short", goal.why.clone()),
            ("q-goal-steps.short", goal.steps.clone()),
            ("q-goal-helpers.short", goal.helpers.clone()),
            ("q-goal-signs.short", goal.signs.clone()),
            ("q-goal-obstacles.short", goal.obstacles.clone()),
        ];
        let stage = goal.stages.last().map(|s| stage_words(&s.label));
        view! {
            <PageTitle text=t("goal-title") />
            <span class="govuk-caption-l">{t("goal-caption")}</span>
            <h1 class="govuk-heading-l app-own-words" dir="auto">{goal.change.clone()}</h1>
            <p class="govuk-body">{who_can_see(goal.shared_with_workers)}</p>
            {(!goal.shared_with.is_empty()).then(|| {
                let names: Vec<String> = goal.shared_with.iter().map(|m| m.name.clone()).collect();
                view! { <p class="govuk-body">{t_with("goal-also-shared", &[("names", &names.join(", "))])}</p> }
            })}
            <dl class="govuk-summary-list">
                {rows
                    .into_iter()
                    .filter(|(_, answer)| !answer.is_empty())
                    .map(|(question, answer)| view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{t(question)}</dt>
                            <dd class="govuk-summary-list__value app-own-words" dir="auto">{answer}</dd>
                        </div>
                    })
                    .collect_view()}
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{t("goal-stage")}</dt>
                    <dd class="govuk-summary-list__value">{stage.unwrap_or_else(|| t("goal-no-stage"))}</dd>
                </div>
            </dl>
            {goal.mine.then(|| {
                let id = id.clone();
                view! {
                    <ul class="govuk-list">
                        <li><a class="govuk-link" href=format!("/goals/{id}/check-in")>{t("goal-check-in")}</a></li>
                        <li><a class="govuk-link" href=format!("/goals/{id}/stage")>{t("goal-say-stage")}</a></li>
                        <li><a class="govuk-link" href=format!("/goals/{id}/edit")>{t("goal-change")}</a></li>
                    </ul>
                    <ShareButton entry=id.clone() shared=goal.shared_with_workers back=back.clone() />
                    {goal
                        .shared_with
                        .iter()
                        .map(|m| view! { <StopSharingWith entry=id.clone() member=m.id.to_string() name=m.name.clone() /> })
                        .collect_view()}
                    <ShareWithSomeone goal=goal.clone() />
                }
            })}
            {(!goal.stages.is_empty()).then(|| view! {
                <h2 class="govuk-heading-m">{t("goal-stages")}</h2>
                <ul class="govuk-list">
                    {goal
                        .stages
                        .iter()
                        .map(|s| {
                            let seen = who_can_see(s.shared_with_workers);
                            view! {
                                <li>
                                    {t_with("goal-stage-on", &[("stage", &stage_words(&s.label)), ("day", &crate::ui::shared::dates::when(s.at))])}
                                    " "
                                    <span class="govuk-body-s">{seen}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            })}
            <crate::ui::family::progress::Progress check_ins=goal.check_ins.clone() />
            <p class="govuk-body"><a href="/home" class="govuk-link">{t("goal-back-home")}</a></p>
        }
    })
}
