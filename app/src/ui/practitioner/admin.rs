//! For admins: codes for staff accounts, made the same way as families' codes. Admins
//! manage accounts, never family content; practitioners never see this page.

use crate::api::account::{IssueStaffCode, shown_staff_code, staff_list};
use crate::ui::practitioner::family::CodeShownView;
use crate::ui::shared::form::{ErrorSummary, ProgressiveForm, echoed_error, use_form_echo};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::problems::problem_view;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StaffPage() -> impl IntoView {
    let staff = Resource::new(|| (), |_| staff_list());
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    view! {
        <PageTitle text="Staff sign-up codes" />
        <ErrorSummary error />
        <h1 class="govuk-heading-l">"Staff sign-up codes"</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match staff.await {
                    Ok(list) => view! {
                        <dl class="govuk-summary-list">
                            {list
                                .into_iter()
                                .map(|s| {
                                    let id = s.id.to_string();
                                    let button = format!("Create a sign-up code for {}", s.name);
                                    view! {
                                        <div class="govuk-summary-list__row">
                                            <dt class="govuk-summary-list__key">{s.name.clone()}</dt>
                                            <dd class="govuk-summary-list__value">{s.role}</dd>
                                            <dd class="govuk-summary-list__actions">
                                                <ProgressiveForm to=IssueStaffCode::url()>
                                                    <input type="hidden" name="staff" value=id />
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
                    }
                    .into_any(),
                    Err(error) => problem_view(error),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn StaffCodePage() -> impl IntoView {
    let params = use_params_map();
    let shown = Resource::new(
        move || params.read().get("staff").unwrap_or_default(),
        shown_staff_code,
    );
    view! {
        <PageTitle text="Code" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match shown.await {
                    Ok(Some(code)) => view! { <CodeShownView code /> }.into_any(),
                    Ok(None) => view! {
                        <h1 class="govuk-heading-l">"This code has already been shown"</h1>
                        <p class="govuk-body">"A code is shown only once. If it was lost, create a new one."</p>
                    }
                    .into_any(),
                    Err(error) => problem_view(error),
                }
            })}
        </Suspense>
        <p class="govuk-body"><a href="/admin/staff" class="govuk-link">"Back to staff"</a></p>
    }
}
