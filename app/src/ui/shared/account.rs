//! "Your passkeys and sign-ins": every person can see where they are signed in and with
//! which passkeys, and end any of them, such as after losing a phone.

use crate::api::account::{RevokePasskey, RevokeSession, my_account};
use crate::ui::i18n::{t, t_with};
use crate::ui::shared::dates::when;
use crate::ui::shared::form::{ErrorSummary, ProgressiveForm, echoed_error, use_form_echo};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::problems::problem_view;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(|| (), |_| my_account());
    let echo = use_form_echo();
    let passkey_error = echoed_error(&echo);
    view! {
        <PageTitle text=t("account-title") />
        <ErrorSummary error=passkey_error />
        <h1 class="govuk-heading-l">{t("account-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(account) => view! {
                        <Notices notices=account.notices.clone() />
                        <h2 class="govuk-heading-m">{t("account-where")}</h2>
                        <p class="govuk-body">{t("account-where-lead")}</p>
                        <dl class="govuk-summary-list">
                            {account
                                .sessions
                                .into_iter()
                                .map(|s| {
                                    let id = s.id.to_string();
                                    let label = if s.this_one { t("account-this-device") } else { t_with("account-signed-in", &[("day", &when(s.started))]) };
                                    let button = if s.this_one { t("account-sign-out-here") } else { t_with("account-sign-out", &[("place", &label)]) };
                                    view! {
                                        <div class="govuk-summary-list__row">
                                            <dt class="govuk-summary-list__key">{label}</dt>
                                            <dd class="govuk-summary-list__value">{t_with("account-last-used", &[("day", &when(s.last_seen))])}</dd>
                                            <dd class="govuk-summary-list__actions">
                                                <ProgressiveForm to=RevokeSession::url()>
                                                    <input type="hidden" name="session" value=id />
                                                    <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                                                        {button}
                                                    </button>
                                                </ProgressiveForm>
                                            </dd>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </dl>
                        <h2 class="govuk-heading-m">{t("account-passkeys")}</h2>
                        <p class="govuk-body">{t("account-passkeys-lead")}</p>
                        <dl class="govuk-summary-list">
                            {account
                                .passkeys
                                .into_iter()
                                .map(|p| {
                                    let id = p.id.to_string();
                                    let button = t_with("account-remove", &[("passkey", &p.label)]);
                                    let used = p.last_used.map(|at| t_with("account-last-used", &[("day", &when(at))])).unwrap_or_else(|| t("account-not-used"));
                                    view! {
                                        <div class="govuk-summary-list__row">
                                            <dt class="govuk-summary-list__key">{p.label.clone()}</dt>
                                            <dd class="govuk-summary-list__value">
                                                {if p.revoked { p.removed.clone().unwrap_or_else(|| t("account-removed")) } else { used }}
                                            </dd>
                                            <dd class="govuk-summary-list__actions">
                                                {(!p.revoked).then(|| view! {
                                                    <ProgressiveForm to=RevokePasskey::url()>
                                                        <input type="hidden" name="passkey" value=id />
                                                        <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                                                            {button}
                                                        </button>
                                                    </ProgressiveForm>
                                                })}
                                            </dd>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </dl>
                        {account.is_member.then(|| view! {
                            <h2 class="govuk-heading-m">{t("account-everything")}</h2>
                            <p class="govuk-body">{t("account-everything-lead")}</p>
                            <p class="govuk-body"><a class="govuk-link" href="/my-data">{t("account-everything-link")}</a></p>
                        })}
                    }
                    .into_any(),
                    Err(error) => problem_view(error),
                }
            })}
        </Suspense>
        <p class="govuk-body"><a href="/home" class="govuk-link">{t("account-back-home")}</a></p>
    }
}

/// Warnings a person must see after signing in, such as a passkey that someone else's
/// code added to their account. Shown as a GOV.UK important notification banner.
#[component]
pub fn Notices(notices: Vec<String>) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <div class="govuk-notification-banner" role="region" aria-labelledby="notices-title" data-module="govuk-notification-banner">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="notices-title">{t("account-important")}</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    {notices
                        .into_iter()
                        .map(|notice| view! { <p class="govuk-notification-banner__heading">{notice}</p> })
                        .collect_view()}
                </div>
            </div>
        }
    })
}
