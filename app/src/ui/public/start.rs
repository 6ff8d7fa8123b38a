//! Taking a code: the first visit for someone new, or the way back after a lost phone.
//! The code comes from their worker, in person; it works once and only for a short time.

use crate::ui::i18n::t;
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::passkey::{NoPasskeyHere, PasskeyError};
use leptos::prelude::*;

#[component]
pub fn Start() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let code = query.read_untracked().get("code").unwrap_or_default();
    view! {
        <PageTitle text=t("start-title") />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <PasskeyError />
                <h1 class="govuk-heading-l">{t("start-title")}</h1>
                <p class="govuk-body">{t("start-lead")}</p>
                <NoPasskeyHere />
                <form data-passkey="register" data-needs-script="" hidden=true>
                    <div class="govuk-form-group">
                        <label class="govuk-label govuk-label--s" for="code">
                            {t("start-code")}
                        </label>
                        <div class="govuk-hint" id="code-hint">{t("start-code-hint")}</div>
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
                        {t("continue")}
                    </button>
                </form>
            </div>
        </div>
    }
}
