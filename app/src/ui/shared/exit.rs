//! "Exit this page", following the GOV.UK Design System component
//! (<https://design-system.service.gov.uk/components/exit-this-page/>).
//!
//! The button and the skip link are plain links to `/exit`, which ends the session on the
//! server, sends `Clear-Site-Data` and goes on to a neutral site, so they work with no
//! script at all. `/scripts/exit.js` adds the Shift-three-times shortcut and hides the
//! page at once. `rel="external"` keeps the client-side router's hands off the link.

use leptos::prelude::*;

/// The address that ends the session and leaves.
pub const EXIT_PATH: &str = "/exit";

/// The skip link: first on the page, so a keyboard user reaches it with one Tab.
#[component]
pub fn ExitSkipLink() -> impl IntoView {
    view! {
        <a
            href=EXIT_PATH
            class="govuk-skip-link"
            rel="external nofollow noreferrer"
            data-exit-this-page="skip-link"
        >
            {crate::ui::i18n::t("exit-this-page")}
        </a>
    }
}

/// The button, kept in view at the top of the page.
#[component]
pub fn ExitThisPage() -> impl IntoView {
    view! {
        <div class="govuk-exit-this-page" data-module="govuk-exit-this-page">
            <a
                href=EXIT_PATH
                role="button"
                draggable="false"
                class="govuk-button govuk-button--warning govuk-exit-this-page__button"
                rel="external nofollow noreferrer"
                data-exit-this-page="button"
            >
                <span class="govuk-visually-hidden">{crate::ui::i18n::t("exit-emergency")}</span>
                {format!(" {}", crate::ui::i18n::t("exit-this-page"))}
            </a>
            <p class="govuk-visually-hidden" id="exit-this-page-status" role="status" aria-live="polite"></p>
        </div>
    }
}
