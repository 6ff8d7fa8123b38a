//! The start page: what the portal is for, in plain words, and how to get in.

use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;

#[component]
pub fn Landing() -> impl IntoView {
    view! {
        <PageTitle text="Start" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-xl">"Have your say, in your own words"</h1>
                <p class="govuk-body-l">
                    "Use this to tell your family's workers what matters to you, what you want to change and how it is going."
                </p>
                <p class="govuk-body">"You can:"</p>
                <ul class="govuk-list govuk-list--bullet">
                    <li>"write down what you want to change, and why"</li>
                    <li>"say how things are going, from 0 to 10"</li>
                    <li>"choose what your worker sees, and when"</li>
                </ul>
                <p class="govuk-body">
                    "What you write is private until you choose to share it."
                </p>
                <a href="/sign-in" role="button" draggable="false" class="govuk-button govuk-button--start">
                    "Sign in"
                    <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                    </svg>
                </a>
                <h2 class="govuk-heading-m">"If you do not have a way to sign in yet"</h2>
                <p class="govuk-body">
                    "Your worker will give you a code to set up your sign-in, in person. Ask them at your next visit."
                </p>
            </div>
        </div>
    }
}
