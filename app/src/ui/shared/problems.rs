//! Pages for when something is not there or went wrong. They say what happened and what
//! to do next, in plain words and the reader's language, and never show technical detail.

use super::layout::PageTitle;
use crate::api::AppError;
use crate::ui::i18n::{problem, t};
use leptos::prelude::*;

/// Shown for any address that is not a page, and for anything the asker may not see:
/// the two must look exactly the same.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle text=t("problem-not-found") />
        <h1 class="govuk-heading-l">{t("problem-not-found")}</h1>
        <p class="govuk-body">{t("problem-typed")}</p>
        <p class="govuk-body">{t("problem-pasted")}</p>
        <p class="govuk-body">
            <a href="/" class="govuk-link">{t("problem-start-page")}</a>
        </p>
    }
}

/// The words of the page shown when the service itself has a problem, in English. The
/// server uses them for its plain error page when a request fails before any page can be
/// drawn, when the reader's language is not known; pages use `problem-service` and
/// `problem-service-advice`, the same words in the reader's language.
pub const SERVICE_PROBLEM_HEADING: &str = "Sorry, there is a problem with the service";
pub const SERVICE_PROBLEM_ADVICE: &str = "Try again later. What you sent before this is saved.";

/// Shown instead of a page when nobody is signed in.
#[component]
pub fn SignInFirst() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::UNAUTHORIZED);
    }
    view! {
        <PageTitle text=t("sign-in-title") />
        <h1 class="govuk-heading-l">{t("problem-sign-in")}</h1>
        <p class="govuk-body">
            {t("problem-signed-out")} " "
            <a href="/sign-in" class="govuk-link">{t("sign-in-title")}</a>
        </p>
    }
}

/// What to draw for an error from a page's data.
pub fn problem_view(error: AppError) -> AnyView {
    match error {
        AppError::SignInNeeded => view! { <SignInFirst /> }.into_any(),
        AppError::NotFound => view! { <NotFound /> }.into_any(),
        // The GOV.UK "problem with the service" page, as the server's own plain page says it.
        AppError::Internal => view! {
            <PageTitle text=t("problem-title") />
            <h1 class="govuk-heading-l">{t("problem-service")}</h1>
            <p class="govuk-body">{t("problem-service-advice")}</p>
        }
        .into_any(),
        other => view! {
            <PageTitle text=t("problem-title") />
            <h1 class="govuk-heading-l">{problem(&other.to_string())}</h1>
        }
        .into_any(),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::language::Lang;
    use crate::ui::i18n::{tr, translate_problem};

    #[test]
    fn the_servers_plain_error_page_says_what_the_pages_say_in_english() {
        assert_eq!(
            tr(Lang::En, "problem-service", &[]),
            SERVICE_PROBLEM_HEADING
        );
        assert_eq!(
            tr(Lang::En, "problem-service-advice", &[]),
            SERVICE_PROBLEM_ADVICE
        );
    }

    #[test]
    fn every_problem_a_page_can_show_has_words_in_every_language() {
        for error in [
            AppError::TooManyAttempts,
            AppError::Forbidden,
            AppError::BadRequest,
            AppError::Unreachable,
            AppError::Internal,
        ] {
            let english = error.to_string();
            for lang in [Lang::Pl, Lang::Ur] {
                assert_ne!(translate_problem(lang, &english), english, "{english}");
            }
        }
    }
}
