//! After the meeting: what a member's team decided and why, in the chair's plain words, and
//! the member's answer, "What I think about the plan". The page is in the member's
//! language; the chair's words are shown as written. The form works without scripts.

use crate::api::record::ToldView;
use crate::api::tools::{OnPlan, told};
use crate::domain::ids::SubmissionId;
use crate::ui::family::home::role_words;
use crate::ui::i18n::{t, t_easy, t_with};
use crate::ui::shared::dates::when;
use crate::ui::shared::fields::ShareChoice;
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, FormEcho, SERVER_FN_FIELD, echoed_error, field_error,
    textarea_text, with_error,
};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// Who was at the meeting, by role, as one sentence in the reader's language.
pub fn who_was_there(roles: &[String]) -> String {
    let roles: Vec<String> = roles.iter().map(|role| role_words(role)).collect();
    t_with(
        "decided-who",
        &[("roles", &roles.join(&t("decided-comma")))],
    )
}

#[component]
pub fn DecidedPage() -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(
        move || params.read().get("session").unwrap_or_default(),
        told,
    );
    let submission = SubmissionId::new().to_string();
    loaded(found, move |told, echo| {
        view! { <Decided told echo submission=submission.clone() /> }
    })
}

#[component]
fn Decided(told: ToldView, echo: FormEcho, submission: String) -> impl IntoView {
    let error = echoed_error(&echo);
    let has_error = Signal::derive(move || error.get().is_some());
    let message = field_error(error, "text");
    let typed = echo.value("text").unwrap_or_default();
    let submission = echo.value("submission").unwrap_or(submission);
    let share = echo.value("share").unwrap_or_default();
    let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
    let class = with_error(message, "govuk-textarea", "govuk-textarea--error");
    view! {
        <PageTitle text=t("home-decided") has_error />
        <ErrorSummary error />
        <h1 class="govuk-heading-l">{t("home-decided")}</h1>
        <p class="govuk-body">{t_with("decided-met", &[("day", &when(told.held_on))])}</p>
        <p class="govuk-body">{who_was_there(&told.roles)}</p>
        <h2 class="govuk-heading-m">{t("decided-words")}</h2>
        <div class="govuk-inset-text">
            <p class="govuk-body app-own-words" dir="auto">{told.words}</p>
        </div>
        <form method="post" novalidate>
            <input type="hidden" name=SERVER_FN_FIELD value=OnPlan::url() />
            <input type="hidden" name="submission" value=submission />
            <input type="hidden" name="meeting" value=told.session />
            <div class=group>
                <h2 class="govuk-label-wrapper">
                    <label class="govuk-label govuk-label--m" for="text">{t("decided-think")}</label>
                </h2>
                <div class="govuk-hint" id="text-hint">{t_easy("decided-think-hint")}</div>
                <ErrorMessage id="text-error" message />
                <textarea class=class id="text" name="text" rows="5"
                    aria-describedby=move || if message.get().is_some() { "text-hint text-error text-info" } else { "text-hint text-info" }
                   >{textarea_text(typed.clone())}</textarea>
                <crate::ui::shared::count::CharacterCount field="text" max=crate::domain::tools::WORDS_MAX />
            </div>
            <ShareChoice value=share />
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("save")}</button>
        </form>
        <p class="govuk-body"><a class="govuk-link" href="/home">{t("goal-back-home")}</a></p>
    }
}
