//! "Help": how to reach your worker, what to do in an emergency, and the discreet
//! "I don't feel safe right now" control. Pressing it tells the allocated workers at once
//! and goes back to the home page, leaving nothing on screen that someone looking over a
//! shoulder would notice. In the reader's language; 999 and 55 are the same in every one.

use crate::api::tools::NotSafe;
use crate::domain::ids::SubmissionId;
use crate::ui::i18n::{t, t_easy};
use crate::ui::shared::form::SERVER_FN_FIELD;
use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn HelpPage() -> impl IntoView {
    let submission = SubmissionId::new().to_string();
    view! {
        <PageTitle text=t("help-heading") />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{t("help-heading")}</h1>
                <p class="govuk-body">{t_easy("help-danger")}</p>
                <p class="govuk-body">{t_easy("help-silent")}</p>
                <h2 class="govuk-heading-m">{t("help-tell")}</h2>
                <p class="govuk-body" id="not-safe-hint">{t_easy("help-tell-hint")}</p>
                <form method="post">
                    <input type="hidden" name=SERVER_FN_FIELD value=NotSafe::url() />
                    <input type="hidden" name="submission" value=submission />
                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" aria-describedby="not-safe-hint">
                        {t("help-not-safe")}
                    </button>
                </form>
            </div>
        </div>
    }
}
