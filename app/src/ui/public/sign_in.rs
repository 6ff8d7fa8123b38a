//! Signing in with a passkey: the phone's screen lock (fingerprint, face or PIN). Nobody
//! types a name or a password; the browser offers the passkeys it holds for this site.

use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::passkey::{NoPasskeyHere, PasskeyError};
use leptos::prelude::*;

#[component]
pub fn SignIn() -> impl IntoView {
    view! {
        <PageTitle text="Sign in" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <PasskeyError />
                <h1 class="govuk-heading-l">"Sign in"</h1>
                <p class="govuk-body">
                    "Use your phone's screen lock, such as your fingerprint, face or PIN. You do not need a password."
                </p>
                <NoPasskeyHere />
                <form data-passkey="sign-in" data-needs-script="" hidden=true>
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        "Sign in with your screen lock"
                    </button>
                </form>
                <h2 class="govuk-heading-m">"Setting up for the first time"</h2>
                <p class="govuk-body">
                    <a href="/start" class="govuk-link">"I have a code from my worker"</a>
                </p>
            </div>
        </div>
    }
}

/// After signing out.
#[component]
pub fn SignedOut() -> impl IntoView {
    view! {
        <PageTitle text="Signed out" />
        <h1 class="govuk-heading-l">"You have signed out"</h1>
        <p class="govuk-body">
            <a href="/sign-in" class="govuk-link">"Sign in again"</a>
        </p>
    }
}

/// After a handed-over device locked itself: the session has ended, so nobody else can
/// see what was on it, and only the practitioner's passkey gets back in.
#[component]
pub fn Locked() -> impl IntoView {
    view! {
        <PageTitle text="Locked" />
        <h1 class="govuk-heading-l">"This screen locked itself"</h1>
        <p class="govuk-body">
            "Nobody had used it for a while, so it locked to keep what was on it private. Everything that was saved is kept."
        </p>
        <p class="govuk-body">
            <a href="/sign-in" class="govuk-link">"Sign in again"</a>
        </p>
    }
}

/// "Confirm it is you": signing in again on the same session, before something that
/// needs it, such as issuing a reset code.
#[component]
pub fn Confirm() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    // Only a path on this site: never an address elsewhere.
    let then =
        crate::domain::paths::local_path_or_home(query.read_untracked().get("then").as_deref());
    view! {
        <PageTitle text="Confirm it is you" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <PasskeyError />
                <h1 class="govuk-heading-l">"Confirm it is you"</h1>
                <p class="govuk-body">
                    "To do this, use your screen lock again. This keeps people safe if someone else is using your computer."
                </p>
                <NoPasskeyHere />
                <form data-passkey="confirm" data-then=then data-needs-script="" hidden=true>
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        "Confirm with your screen lock"
                    </button>
                </form>
            </div>
        </div>
    }
}
