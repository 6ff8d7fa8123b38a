//! Signing in. Passkeys arrive with the identity work; until then this page says plainly
//! that signing in is not available yet, rather than pretending.

use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;

#[component]
pub fn SignIn() -> impl IntoView {
    view! {
        <PageTitle text="Sign in" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">"Sign in"</h1>
                <div class="govuk-inset-text">"Signing in is not available yet."</div>
                <p class="govuk-body">
                    "You will sign in with your phone's screen lock, such as your fingerprint, face or PIN. You will not need a password."
                </p>
                <p class="govuk-body">
                    <a href="/" class="govuk-link">"Go back to the start page"</a>
                </p>
            </div>
        </div>
    }
}
