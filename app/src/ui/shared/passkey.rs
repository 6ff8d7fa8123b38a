//! A passkey step on a page: a form that `/scripts/passkey.js` takes over. A passkey
//! needs the browser's WebAuthn API, which only a script can reach, so without scripts
//! the form stays hidden and a plain message says what to do instead.

use leptos::prelude::*;

/// The error summary the script fills in when a step fails. Hidden until then.
#[component]
pub fn PasskeyError() -> impl IntoView {
    view! {
        <div
            class="govuk-error-summary"
            data-passkey-error=""
            tabindex="-1"
            role="alert"
            hidden=true
        >
            <h2 class="govuk-error-summary__title">"There is a problem"</h2>
            <div class="govuk-error-summary__body">
                <div data-passkey-message=""></div>
            </div>
        </div>
    }
}

/// Said when the browser cannot use passkeys here (no script, or too old a browser).
#[component]
pub fn NoPasskeyHere() -> impl IntoView {
    view! {
        <div class="govuk-inset-text" data-no-script="">
            "To use your phone's screen lock here, your browser needs JavaScript turned on. "
            "If you cannot turn it on, ask your worker for help."
        </div>
    }
}
