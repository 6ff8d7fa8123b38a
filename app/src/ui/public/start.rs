//! Taking a code: the first visit for someone new, or the way back after a lost phone.
//! The code comes from their worker, in person; it works once and only for a short time.

use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::passkey::{NoPasskeyHere, PasskeyError};
use leptos::prelude::*;

#[component]
pub fn Start() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let code = query.read_untracked().get("code").unwrap_or_default();
    view! {
        <PageTitle text="Set up your sign-in" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <PasskeyError />
                <h1 class="govuk-heading-l">"Set up your sign-in"</h1>
                <p class="govuk-body">
                    "You will use your phone's screen lock to sign in, such as your fingerprint, face or PIN."
                </p>
                <NoPasskeyHere />
                <form data-passkey="register" data-needs-script="" hidden=true>
                    <div class="govuk-form-group">
                        <label class="govuk-label govuk-label--s" for="code">
                            "The code your worker gave you"
                        </label>
                        <div class="govuk-hint" id="code-hint">"For example, K7PQ2-XM4RT"</div>
                        <input
                            class="govuk-input govuk-input--width-10"
                            id="code"
                            name="code"
                            type="text"
                            autocomplete="one-time-code"
                            autocapitalize="characters"
                            spellcheck="false"
                            aria-describedby="code-hint"
                            value=code
                        />
                    </div>
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        "Continue"
                    </button>
                </form>
            </div>
        </div>
    }
}
