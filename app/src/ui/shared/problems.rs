//! Pages for when something is not there or went wrong. They say what happened and what
//! to do next, in plain words, and never show technical detail.

use super::layout::PageTitle;
use crate::api::AppError;
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
        <PageTitle text="Page not found" />
        <h1 class="govuk-heading-l">"Page not found"</h1>
        <p class="govuk-body">"If you typed the web address, check it is correct."</p>
        <p class="govuk-body">"If you pasted the web address, check you copied the entire address."</p>
        <p class="govuk-body">
            <a href="/" class="govuk-link">"Go to the start page"</a>
        </p>
    }
}

/// The words of the page shown when the service itself has a problem. The server also
/// uses them for its plain error page when a request fails before any page can be drawn.
pub const SERVICE_PROBLEM_HEADING: &str = "Sorry, there is a problem with the service";
pub const SERVICE_PROBLEM_ADVICE: &str =
    "Try again later. Anything you had already sent has been saved.";

/// Shown instead of a page when nobody is signed in.
#[component]
pub fn SignInFirst() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::UNAUTHORIZED);
    }
    view! {
        <PageTitle text="Sign in" />
        <h1 class="govuk-heading-l">"You need to sign in"</h1>
        <p class="govuk-body">
            "You may have been signed out because you had not done anything for a while. "
            <a href="/sign-in" class="govuk-link">"Sign in"</a>
        </p>
    }
}

/// What to draw for an error from a page's data.
pub fn problem_view(error: AppError) -> AnyView {
    match error {
        AppError::SignInNeeded => view! { <SignInFirst /> }.into_any(),
        AppError::NotFound => view! { <NotFound /> }.into_any(),
        other => view! {
            <PageTitle text="Sorry, there is a problem" />
            <h1 class="govuk-heading-l">{other.to_string()}</h1>
        }
        .into_any(),
    }
}
