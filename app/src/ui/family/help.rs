//! "Help": how to reach your worker, what to do in an emergency, and the discreet
//! "I don't feel safe right now" control. Pressing it tells the allocated workers at once
//! and goes back to the home page, leaving nothing on screen that someone looking over a
//! shoulder would notice.

use crate::api::tools::NotSafe;
use crate::domain::ids::SubmissionId;
use crate::ui::shared::form::SERVER_FN_FIELD;
use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn HelpPage() -> impl IntoView {
    let submission = SubmissionId::new().to_string();
    view! {
        <PageTitle text="Help" />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">"Help"</h1>
                <p class="govuk-body">"If you are in danger now, call 999."</p>
                <p class="govuk-body">
                    "If you cannot speak, call 999 and then press 55 when asked. This tells the police you need help."
                </p>
                <h2 class="govuk-heading-m">"Tell your worker"</h2>
                <p class="govuk-body" id="not-safe-hint">
                    "Your worker will be told straight away. Nothing about it will show on this screen."
                </p>
                <form method="post">
                    <input type="hidden" name=SERVER_FN_FIELD value=NotSafe::url() />
                    <input type="hidden" name="submission" value=submission />
                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" aria-describedby="not-safe-hint">
                        "I don't feel safe right now"
                    </button>
                </form>
            </div>
        </div>
    }
}
