//! The start page: what the portal is for, in plain words, and how to get in.

use crate::api::language::ChooseLanguage;
use crate::domain::language::Offered;
use crate::ui::i18n::{lang, t};
use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn Landing() -> impl IntoView {
    view! {
        <PageTitle text=t("landing-title") />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <LanguageButtons />
                <h1 class="govuk-heading-xl">{t("landing-heading")}</h1>
                <p class="govuk-body-l">{t("landing-lead")}</p>
                <p class="govuk-body">{t("landing-you-can")}</p>
                <ul class="govuk-list govuk-list--bullet">
                    <li>{t("landing-can-goals")}</li>
                    <li>{t("landing-can-score")}</li>
                    <li>{t("landing-can-share")}</li>
                </ul>
                <p class="govuk-body">{t("landing-private")}</p>
                <a href="/sign-in" role="button" draggable="false" class="govuk-button govuk-button--start">
                    {t("landing-sign-in")}
                    <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                    </svg>
                </a>
                <h2 class="govuk-heading-m">{t("landing-no-sign-in")}</h2>
                <p class="govuk-body">{t("landing-ask-worker")}</p>
            </div>
        </div>
    }
}

/// A first visit's choice of language: one button for each language the council
/// offers, each named in itself, before anything else on the page.
#[component]
fn LanguageButtons() -> impl IntoView {
    let offered = use_context::<Offered>().unwrap_or_default();
    let current = lang();
    offered.several().then(|| {
        let buttons = offered
            .0
            .iter()
            .filter(|l| **l != current)
            .map(|l| {
                view! {
                    <button type="submit" name="language" value=l.code() lang=l.html_lang() dir=l.dir()
                        class="govuk-button govuk-button--secondary" data-module="govuk-button">
                        {l.own_name()}
                    </button>
                }
            })
            .collect_view();
        view! {
            <form method="post" novalidate class="app-languages">
                <input type="hidden" name=crate::ui::shared::form::SERVER_FN_FIELD value=ChooseLanguage::url() />
                <input type="hidden" name="back" value="/" />
                <div class="govuk-button-group">{buttons}</div>
            </form>
        }
    })
}
