//! A parent's tools: a goal in their own words, checking in on it with scores and
//! readiness rulers, where they are with it (stage of change), and things they want to
//! say. Plain words; every form works without scripts.

use crate::api::tools::{
    CheckIn, ChooseStage, EditGoal, GoalView, NewGoal, Say, ShareEntry, ShareWithMember, goal,
    own_goal,
};
use crate::domain::ids::SubmissionId;
use crate::domain::tools::{Stage, TalkKind};
use crate::ui::family::home::problem_view;
use crate::ui::shared::fields::{ScoreField, ShareChoice, WordsField};
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, ProgressiveForm, field_error, form_error, use_form_echo,
};
use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The id for a new form: chosen once when the page is drawn (or kept from the echo), so
/// a retry after a dropped connection never makes a second record.
fn submission_id(echo: &crate::ui::shared::form::FormEcho) -> String {
    echo.value("submission")
        .unwrap_or_else(|| SharedValue::new(|| SubmissionId::new().to_string()).into_inner())
}

/// The questions of the change plan, in the person's own words.
#[component]
fn GoalQuestions(
    values: [String; 6],
    error: Signal<Option<crate::api::AppError>>,
) -> impl IntoView {
    let [change, why, steps, helpers, signs, obstacles] = values;
    view! {
        <WordsField name="change" label="What do you want to change?" hint="Use your own words." value=change error big_label=true />
        <WordsField name="why" label="Why does it matter to you?" value=why error />
        <WordsField name="steps" label="What steps will you take?" value=steps error />
        <WordsField name="helpers" label="Who can help you?" value=helpers error />
        <WordsField name="signs" label="How will you know it is working?" value=signs error />
        <WordsField name="obstacles" label="What might get in the way?" value=obstacles error />
    }
}

#[component]
pub fn NewGoalPage() -> impl IntoView {
    let action = ServerAction::<NewGoal>::new();
    let echo = use_form_echo();
    let error = form_error(action, &echo);
    let has_error = Signal::derive(move || error.get().is_some());
    let submission = submission_id(&echo);
    let v = |name: &str| echo.value(name).unwrap_or_default();
    let values = [
        v("change"),
        v("why"),
        v("steps"),
        v("helpers"),
        v("signs"),
        v("obstacles"),
    ];
    let share = v("share");
    view! {
        <PageTitle text="Add a goal" has_error />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary error />
                <h1 class="govuk-heading-l">"Add a goal"</h1>
                <p class="govuk-body">"Only the first question needs an answer. You can add more later."</p>
                <ProgressiveForm action>
                    <input type="hidden" name="submission" value=submission />
                    <GoalQuestions values error />
                    <ShareChoice value=share />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Save goal"</button>
                </ProgressiveForm>
            </div>
        </div>
    }
}

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
    #[prop(optional)] label: Option<&'static str>,
) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let (value, default_label) = if shared {
        ("only_me", "Stop sharing with my workers")
    } else {
        ("workers", "Share with my workers")
    };
    view! {
        <form method="post">
            <input type="hidden" name=crate::ui::shared::form::SERVER_FN_FIELD value=ShareEntry::url() />
            <input type="hidden" name="entry" value=entry />
            <input type="hidden" name="share" value=value />
            <input type="hidden" name="back" value=back />
            <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button">
                {label.unwrap_or(default_label)}
            </button>
        </form>
    }
}

fn who_can_see(shared: bool) -> &'static str {
    if shared {
        "You and your workers can see this."
    } else {
        "Only you can see this."
    }
}

/// Stop sharing with one named person: a plain form that posts and reloads.
#[component]
fn StopSharingWith(entry: String, member: String, name: String) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    view! {
        <form method="post">
            <input type="hidden" name=crate::ui::shared::form::SERVER_FN_FIELD value=crate::api::tools::UnshareWithMember::url() />
            <input type="hidden" name="entry" value=entry />
            <input type="hidden" name="member" value=member />
            <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button">
                {format!("Stop sharing with {name}")}
            </button>
        </form>
    }
}

/// Share with one named person in the family: a separate, explicit choice.
#[component]
fn ShareWithSomeone(goal: GoalView) -> impl IntoView {
    let action = ServerAction::<ShareWithMember>::new();
    let echo = use_form_echo();
    let error = form_error(action, &echo);
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
        <h2 class="govuk-heading-m">"Share with someone in your family"</h2>
        <ProgressiveForm action>
            <input type="hidden" name="entry" value=goal.id.to_string() />
            <div class=group>
                <label class="govuk-label" for="member">"Who do you want to share this goal with?"</label>
                <ErrorMessage id="member-error" message />
                <select class="govuk-select" id="member" name="member">
                    <option value="">"Choose someone"</option>
                    {goal
                        .others
                        .into_iter()
                        .map(|m| view! { <option value=m.id.to_string()>{m.name}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Share with them"</button>
        </ProgressiveForm>
    }
}

#[component]
pub fn GoalPage() -> impl IntoView {
    with_goal(false, |goal: GoalView| {
        let id = goal.id.to_string();
        let back = format!("/goals/{id}");
        let rows = [
            ("Why it matters to me", goal.why.clone()),
            ("The steps I will take", goal.steps.clone()),
            ("Who can help", goal.helpers.clone()),
            ("How I will know it is working", goal.signs.clone()),
            ("What might get in the way", goal.obstacles.clone()),
        ];
        let stage = goal.stages.last().map(|s| s.label.clone());
        view! {
            <PageTitle text="Goal" />
            <span class="govuk-caption-l">"My goal"</span>
            <h1 class="govuk-heading-l">{goal.change.clone()}</h1>
            <p class="govuk-body">{who_can_see(goal.shared_with_workers)}</p>
            {(!goal.shared_with.is_empty()).then(|| {
                let names: Vec<String> = goal.shared_with.iter().map(|m| m.name.clone()).collect();
                view! { <p class="govuk-body">{format!("Also shared with: {}.", names.join(", "))}</p> }
            })}
            <dl class="govuk-summary-list">
                {rows
                    .into_iter()
                    .filter(|(_, answer)| !answer.is_empty())
                    .map(|(question, answer)| view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{question}</dt>
                            <dd class="govuk-summary-list__value app-own-words">{answer}</dd>
                        </div>
                    })
                    .collect_view()}
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">"Where I am with it"</dt>
                    <dd class="govuk-summary-list__value">{stage.unwrap_or_else(|| "Not chosen yet".to_owned())}</dd>
                </div>
            </dl>
            {goal.mine.then(|| {
                let id = id.clone();
                view! {
                    <ul class="govuk-list">
                        <li><a class="govuk-link" href=format!("/goals/{id}/check-in")>"Check in on this goal"</a></li>
                        <li><a class="govuk-link" href=format!("/goals/{id}/stage")>"Say where you are with it"</a></li>
                        <li><a class="govuk-link" href=format!("/goals/{id}/edit")>"Change this goal"</a></li>
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
                <h2 class="govuk-heading-m">"Where I have been with it"</h2>
                <ul class="govuk-list">
                    {goal
                        .stages
                        .iter()
                        .map(|s| {
                            let seen = if s.shared_with_workers { "You and your workers can see this." } else { "Only you can see this." };
                            view! {
                                <li>
                                    <strong>{s.label.clone()}</strong>
                                    " on " {crate::ui::family::home::when(s.at)} ". "
                                    <span class="govuk-body-s">{seen}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            })}
            <crate::ui::family::progress::Progress check_ins=goal.check_ins.clone() />
            <p class="govuk-body"><a href="/home" class="govuk-link">"Back to your space"</a></p>
        }
    })
}

#[component]
pub fn EditGoalPage() -> impl IntoView {
    let action = ServerAction::<EditGoal>::new();
    let echo = use_form_echo();
    let error = form_error(action, &echo);
    with_goal(true, move |goal: GoalView| {
        let has_error = Signal::derive(move || error.get().is_some());
        let v = |name: &str, current: &str| echo.value(name).unwrap_or_else(|| current.to_owned());
        let values = [
            v("change", &goal.change),
            v("why", &goal.why),
            v("steps", &goal.steps),
            v("helpers", &goal.helpers),
            v("signs", &goal.signs),
            v("obstacles", &goal.obstacles),
        ];
        let version = echo
            .value("version")
            .unwrap_or_else(|| goal.version.to_string());
        view! {
            <PageTitle text="Change your goal" has_error />
            <ErrorSummary error />
            <h1 class="govuk-heading-l">"Change your goal"</h1>
            <p class="govuk-body">"What you wrote before is kept, so you can always see how it changed."</p>
            <ProgressiveForm action>
                <input type="hidden" name="goal" value=goal.id.to_string() />
                <input type="hidden" name="version" value=version />
                <GoalQuestions values error />
                <button type="submit" class="govuk-button" data-module="govuk-button">"Save changes"</button>
            </ProgressiveForm>
        }
    })
}

#[component]
pub fn CheckInPage() -> impl IntoView {
    let action = ServerAction::<CheckIn>::new();
    let echo = use_form_echo();
    let error = form_error(action, &echo);
    let submission = submission_id(&echo);
    with_goal(true, move |goal: GoalView| {
        let has_error = Signal::derive(move || error.get().is_some());
        let v = |name: &str| echo.value(name).unwrap_or_default();
        let submission = submission.clone();
        let [
            now,
            want,
            note,
            importance,
            importance_not_lower,
            importance_up_one,
            confidence,
            confidence_not_lower,
            confidence_up_one,
            share,
        ] = [
            v("now"),
            v("want"),
            v("note"),
            v("importance"),
            v("importance_not_lower"),
            v("importance_up_one"),
            v("confidence"),
            v("confidence_not_lower"),
            v("confidence_up_one"),
            v("share"),
        ];
        view! {
            <PageTitle text="Check in" has_error />
            <ErrorSummary error />
            <span class="govuk-caption-l">{goal.change.clone()}</span>
            <h1 class="govuk-heading-l">"How is it going?"</h1>
            <ProgressiveForm action>
                <input type="hidden" name="goal" value=goal.id.to_string() />
                <input type="hidden" name="submission" value=submission />
                <ScoreField name="now" label="Where are you now, from 0 to 10?" hint="0 is the worst it could be, 10 is the best." value=now error />
                <ScoreField name="want" label="Where do you want to be, from 0 to 10?" hint="0 is the worst it could be, 10 is the best." value=want error />
                <WordsField name="note" label="Anything you want to add? (optional)" value=note error />
                <h2 class="govuk-heading-m">"How ready are you?"</h2>
                <p class="govuk-body">"You can skip these."</p>
                <ScoreField name="importance" label="How important is this change to you, from 0 to 10?" hint="0 is not important at all, 10 is the most important thing." value=importance error />
                <WordsField name="importance_not_lower" label="Why this number, and not a lower one?" value=importance_not_lower error />
                <WordsField name="importance_up_one" label="What would help you move up one?" value=importance_up_one error />
                <ScoreField name="confidence" label="How sure are you that you can do it, from 0 to 10?" hint="0 is not sure at all, 10 is completely sure." value=confidence error />
                <WordsField name="confidence_not_lower" label="Why this number, and not a lower one?" value=confidence_not_lower error />
                <WordsField name="confidence_up_one" label="What would help you move up one?" value=confidence_up_one error />
                <ShareChoice value=share />
                <button type="submit" class="govuk-button" data-module="govuk-button">"Save check-in"</button>
            </ProgressiveForm>
        }
    })
}

#[component]
pub fn StagePage() -> impl IntoView {
    let action = ServerAction::<ChooseStage>::new();
    let echo = use_form_echo();
    let error = form_error(action, &echo);
    let submission = submission_id(&echo);
    let stage_error = field_error(error, "stage");
    with_goal(true, move |goal: GoalView| {
        let has_error = Signal::derive(move || error.get().is_some());
        let chosen = echo.value("stage").unwrap_or_default();
        let share = echo.value("share").unwrap_or_default();
        let submission = submission.clone();
        let group = move || {
            if stage_error.get().is_some() {
                "govuk-form-group govuk-form-group--error"
            } else {
                "govuk-form-group"
            }
        };
        view! {
            <PageTitle text="Where you are" has_error />
            <ErrorSummary error />
            <ProgressiveForm action>
                <input type="hidden" name="goal" value=goal.id.to_string() />
                <input type="hidden" name="submission" value=submission />
                <div class=group>
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                            <span class="govuk-caption-l">{goal.change.clone()}</span>
                            <h1 class="govuk-fieldset__heading">"Where are you with this goal?"</h1>
                        </legend>
                        <ErrorMessage id="stage-error" message=stage_error />
                        <div class="govuk-radios" data-module="govuk-radios">
                            {Stage::ALL
                                .into_iter()
                                .enumerate()
                                .map(|(i, stage)| {
                                    let id = if i == 0 { "stage".to_owned() } else { format!("stage-{}", i + 1) };
                                    let hint = format!("{id}-hint");
                                    view! {
                                        <div class="govuk-radios__item">
                                            <input class="govuk-radios__input" id=id.clone() name="stage" type="radio" value=stage.code() checked=chosen == stage.code() aria-describedby=hint.clone() />
                                            <label class="govuk-label govuk-radios__label" for=id>{stage.label()}</label>
                                            <div id=hint class="govuk-hint govuk-radios__hint">{stage.hint()}</div>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                </div>
                <ShareChoice value=share />
                <button type="submit" class="govuk-button" data-module="govuk-button">"Save"</button>
            </ProgressiveForm>
        }
    })
}

#[component]
pub fn SayPage() -> impl IntoView {
    let action = ServerAction::<Say>::new();
    let echo = use_form_echo();
    let error = form_error(action, &echo);
    let has_error = Signal::derive(move || error.get().is_some());
    let submission = submission_id(&echo);
    let chosen = echo.value("kind").unwrap_or_default();
    let text = echo.value("text").unwrap_or_default();
    let share = echo.value("share").unwrap_or_default();
    let options = TalkKind::ALL
        .into_iter()
        .map(|k| (k.code(), k.starter()))
        .chain(std::iter::once(("none", "In my own way")))
        .enumerate()
        .map(|(i, (code, label))| {
            let id = if i == 0 { "kind".to_owned() } else { format!("kind-{}", i + 1) };
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=id.clone() name="kind" type="radio" value=code checked=chosen == code />
                    <label class="govuk-label govuk-radios__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <PageTitle text="Something I want to say" has_error />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary error />
                <h1 class="govuk-heading-l">"Something I want to say"</h1>
                <ProgressiveForm action>
                    <input type="hidden" name="submission" value=submission />
                    <div class="govuk-form-group">
                        <fieldset class="govuk-fieldset">
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"How do you want to start?"</legend>
                            <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">{options}</div>
                        </fieldset>
                    </div>
                    <WordsField name="text" label="Finish the sentence in your own words" value=text error />
                    <ShareChoice value=share />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Save"</button>
                </ProgressiveForm>
            </div>
        </div>
    }
}
