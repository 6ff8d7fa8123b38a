//! What a family member's workers said back about something they wrote, and their
//! "I disagree" beside it. Plain words, in the reader's language around the workers' and
//! the member's own words, which are shown as written; the form works without scripts.

use crate::api::views::{Disagree, ResponseView};
use crate::ui::family::home::{role_words, with_own_words};
use crate::ui::i18n::{t, t_easy, t_with};
use crate::ui::shared::dates::when;
use crate::ui::shared::form::{
    ErrorMessage, SERVER_FN_FIELD, echoed_error, field_error, textarea_text, use_form_echo,
    with_error,
};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Replies(entry: String, responses: Vec<ResponseView>) -> impl IntoView {
    if responses.is_empty() {
        return ().into_any();
    }
    // The "I disagree" form, for the one response chosen with its link. Following the link
    // in the browser changes only the address's query, so this follows it as it changes.
    let query = use_query_map();
    view! {
        <h2 class="govuk-heading-m">{t("replies-heading")}</h2>
        {responses
            .into_iter()
            .map(|r| {
                let link = format!("/entries/{entry}?disagree={}#disagree", r.id);
                let id = r.id.clone();
                let choice = move || {
                    if query.read().get("disagree").as_deref() == Some(id.as_str()) {
                        view! { <DisagreeForm response=id.clone() /> }.into_any()
                    } else {
                        view! { <p class="govuk-body"><a class="govuk-link" href=link.clone()>{t("replies-disagree-link")}</a></p> }.into_any()
                    }
                };
                view! {
                    <div class="govuk-inset-text">
                        <p class="govuk-body-s">
                            {with_own_words("replies-by", "name", r.by.clone(), &[("role", &role_words(&r.role)), ("day", &when(r.at))])}
                        </p>
                        <p class="govuk-body app-own-words" dir="auto">{r.words.clone()}</p>
                        {r.disagreements
                            .iter()
                            .map(|d| view! {
                                <div class="app-disagreement">
                                    <p class="govuk-body-s"><strong>{t_with("replies-you-disagreed", &[("day", &when(d.at))])}</strong></p>
                                    <p class="govuk-body app-own-words" dir="auto">{d.words.clone()}</p>
                                </div>
                            })
                            .collect_view()}
                        {choice}
                    </div>
                }
            })
            .collect_view()}
    }
    .into_any()
}

/// "I disagree": kept beside the worker's words, wherever they are shown.
#[component]
fn DisagreeForm(response: String) -> impl IntoView {
    // A plain post, so the page is drawn afresh with the words beside the response.
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    let message = field_error(error, "disagree");
    let typed = echo.value("disagree").unwrap_or_default();
    let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
    // The error summary is at the top of the page (GOV.UK), drawn by the page itself.
    view! {
        <form method="post" novalidate>
            <input type="hidden" name=SERVER_FN_FIELD value=Disagree::url() />
            <input type="hidden" name="response" value=response />
            <div class=group>
                <label class="govuk-label govuk-label--s" for="disagree">{t("replies-disagree-question")}</label>
                <div class="govuk-hint" id="disagree-hint">{t_easy("replies-disagree-hint")}</div>
                <ErrorMessage id="disagree-error" message />
                <textarea class=with_error(message, "govuk-textarea", "govuk-textarea--error") id="disagree" name="disagree" rows="4"
                    aria-describedby=move || if message.get().is_some() { "disagree-hint disagree-error disagree-info" } else { "disagree-hint disagree-info" }>
                    {textarea_text(typed.clone())}
                </textarea>
                <crate::ui::shared::count::CharacterCount field="disagree" max=crate::domain::tools::WORDS_MAX />
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("replies-send")}</button>
        </form>
    }
}
