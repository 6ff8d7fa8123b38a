//! Signing in with a passkey: the phone's screen lock (fingerprint, face or PIN). Nobody
//! types a name or a password; the browser offers the passkeys it holds for this site.

use crate::ui::i18n::t;
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::passkey::{NoPasskeyHere, PasskeyError};
use leptos::prelude::*;

#[component]
pub fn SignIn() -> impl IntoView {
    view! {
        <PageTitle text=t("sign-in-title") />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <PasskeyError />
                <h1 class="govuk-heading-l">{t("sign-in-title")}</h1>
                <p class="govuk-body">{t("sign-in-lead")}</p>
                <NoPasskeyHere />
                <form data-passkey="sign-in" data-needs-script="" hidden=true>
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        {t("sign-in-button")}
                    </button>
                </form>
                <h2 class="govuk-heading-m">{t("sign-in-first-time")}</h2>
                <p class="govuk-body">
                    <a href="/start" class="govuk-link">{t("sign-in-have-code")}</a>
                </p>
            </div>
        </div>
    }
}

/// After signing out.
#[component]
pub fn SignedOut() -> impl IntoView {
    view! {
        <PageTitle text=t("signed-out-title") />
        <h1 class="govuk-heading-l">{t("signed-out-heading")}</h1>
        <p class="govuk-body">
            <a href="/sign-in" class="govuk-link">{t("sign-in-again")}</a>
        </p>
    }
}

/// After a handed-over device locked itself: the session has ended, so nobody else can
/// see what was on it, and only the practitioner's passkey gets back in.
#[component]
pub fn Locked() -> impl IntoView {
    view! {
        <PageTitle text=t("locked-title") />
        <h1 class="govuk-heading-l">{t("locked-heading")}</h1>
        <p class="govuk-body">{t("locked-lead")}</p>
        <p class="govuk-body">
            <a href="/sign-in" class="govuk-link">{t("sign-in-again")}</a>
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
        <PageTitle text=t("confirm-title") />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <PasskeyError />
                <h1 class="govuk-heading-l">{t("confirm-title")}</h1>
                <p class="govuk-body">{t("confirm-lead")}</p>
                <NoPasskeyHere />
                <form data-passkey="confirm" data-then=then data-needs-script="" hidden=true>
                    <button type="submit" class="govuk-button" data-module="govuk-button">
                        {t("confirm-button")}
                    </button>
                </form>
            </div>
        </div>
    }
}
