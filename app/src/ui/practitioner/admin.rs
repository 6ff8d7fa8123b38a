//! For admins: codes for staff accounts, made the same way as families' codes, and the
//! contacts urgent alerts are sent to. Admins manage accounts, never family content;
//! practitioners never see these pages.

use crate::api::account::{IssueStaffCode, shown_staff_code, staff_list};
use crate::api::notices::{SetDutyContact, SetStaffContact, alert_contacts};
use crate::ui::practitioner::family::CodeShownView;
use crate::ui::shared::fields::ContactInput;
use crate::ui::shared::form::{ErrorSummary, ProgressiveForm, echoed_error, use_form_echo};
use crate::ui::shared::layout::{PageTitle, Success};
use crate::ui::shared::loading::loaded;
use crate::ui::shared::problems::problem_view;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

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

/// How staff are reached about urgent alerts, and the council's out-of-hours duty
/// contact: a summary list, each with a link to change it.
#[component]
pub fn ContactsPage() -> impl IntoView {
    let contacts = Resource::new(|| (), |_| alert_contacts());
    let saved = use_query_map().with_untracked(|q| q.get("saved").is_some());
    let or_none = |text: String| {
        if text.is_empty() {
            "Not set".to_owned()
        } else {
            text
        }
    };
    view! {
        <PageTitle text="Contacts for urgent alerts" />
        {saved.then(|| view! { <Success heading="The contact details are saved." /> })}
        <h1 class="govuk-heading-l">"Contacts for urgent alerts"</h1>
        <p class="govuk-body">
            "When a family member presses “I don't feel safe right now”, every practitioner allocated to the family is sent a text and an email at once. If nobody opens it in time, it goes to the team manager, then to the out-of-hours duty contact."
        </p>
        {loaded(contacts, move |view, _| view! {
            <h2 class="govuk-heading-m">"Out-of-hours duty contact"</h2>
            <dl class="govuk-summary-list">
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">"Out-of-hours duty"</dt>
                    <dd class="govuk-summary-list__value">
                        <p class="govuk-body">"Email: " {or_none(view.duty_email)}</p>
                        <p class="govuk-body">"Mobile: " {or_none(view.duty_mobile)}</p>
                    </dd>
                    <dd class="govuk-summary-list__actions">
                        <a class="govuk-link" href="/admin/duty-contact">"Change"<span class="govuk-visually-hidden">" the out-of-hours duty contact"</span></a>
                    </dd>
                </div>
            </dl>
            <h2 class="govuk-heading-m">"Staff"</h2>
            <dl class="govuk-summary-list">
                {view
                    .staff
                    .into_iter()
                    .map(|s| {
                        let href = format!("/admin/contacts/{}", s.id);
                        let hidden = format!(" contact details for {}", s.name);
                        view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{s.name.clone()}<br /><span class="govuk-body-s">{s.role}</span></dt>
                                <dd class="govuk-summary-list__value">
                                    <p class="govuk-body">"Email: " {or_none(s.email)}</p>
                                    <p class="govuk-body">"Mobile: " {or_none(s.mobile)}</p>
                                </dd>
                                <dd class="govuk-summary-list__actions">
                                    <a class="govuk-link" href=href>"Change"<span class="govuk-visually-hidden">{hidden}</span></a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        })}
        <p class="govuk-body"><a href="/home" class="govuk-link">"Back to home"</a></p>
    }
}

/// An email address and a mobile number, as typed or as stored.
#[component]
fn ContactFields(
    email: String,
    mobile: String,
    error: Signal<Option<crate::api::AppError>>,
) -> impl IntoView {
    view! {
        <p class="govuk-body">"Leave either empty to send nothing that way."</p>
        <ContactInput name="email" label="Email address" kind="email" autocomplete="off" value=email error />
        <ContactInput name="mobile" label="UK mobile number" kind="tel" autocomplete="off" value=mobile error />
        <button type="submit" class="govuk-button" data-module="govuk-button">"Save"</button>
    }
}

/// Changes how one member of staff is reached about urgent alerts.
#[component]
pub fn StaffContactPage() -> impl IntoView {
    let params = use_params_map();
    let contacts = Resource::new(|| (), |_| alert_contacts());
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    view! {
        <PageTitle text="Change contact details" />
        <ErrorSummary error />
        {loaded(contacts, move |view, echo| {
            let wanted = params.read_untracked().get("staff").unwrap_or_default();
            match view.staff.into_iter().find(|s| s.id.to_string() == wanted) {
                Some(s) => {
                    let email = echo.value("email").unwrap_or(s.email);
                    let mobile = echo.value("mobile").unwrap_or(s.mobile);
                    view! {
                        <span class="govuk-caption-l">{s.role}</span>
                        <h1 class="govuk-heading-l">{format!("Contact details for {}", s.name)}</h1>
                        <ProgressiveForm to=SetStaffContact::url()>
                            <input type="hidden" name="staff" value=s.id.to_string() />
                            <ContactFields email mobile error />
                        </ProgressiveForm>
                    }
                    .into_any()
                }
                None => problem_view(crate::api::AppError::NotFound),
            }
        })}
        <p class="govuk-body"><a href="/admin/contacts" class="govuk-link">"Back to contacts"</a></p>
    }
}

/// Changes the council's out-of-hours duty contact.
#[component]
pub fn DutyContactPage() -> impl IntoView {
    let contacts = Resource::new(|| (), |_| alert_contacts());
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    view! {
        <PageTitle text="Out-of-hours duty contact" />
        <ErrorSummary error />
        <h1 class="govuk-heading-l">"Out-of-hours duty contact"</h1>
        <p class="govuk-body">"An alert nobody has opened goes here last, with the family's case reference and no link."</p>
        {loaded(contacts, move |view, echo| {
            let email = echo.value("email").unwrap_or(view.duty_email);
            let mobile = echo.value("mobile").unwrap_or(view.duty_mobile);
            view! {
                <ProgressiveForm to=SetDutyContact::url()>
                    <ContactFields email mobile error />
                </ProgressiveForm>
            }
        })}
        <p class="govuk-body"><a href="/admin/contacts" class="govuk-link">"Back to contacts"</a></p>
    }
}

/// The evaluation export: what it holds and what it never holds, and the files, for the
/// council's admins.
#[component]
pub fn EvaluationPage() -> impl IntoView {
    let ready = Resource::new(|| (), |_| crate::api::evaluation::evaluation_ready());
    view! {
        <PageTitle text="Evaluation data" />
        {loaded(ready, |ready, _| view! {
            <h1 class="govuk-heading-l">"Evaluation data"</h1>
            <p class="govuk-body">
                "A file for people evaluating Family Safeguarding: one row for each family member for each month since they were added. Each row has the month, the team, whether they are a parent or carer or a child, a child's age band, the goals set and check-ins made and missed, their last scaling scores and readiness rulers, their stage of change, and how often they used each kind of change talk."
            </p>
            <p class="govuk-body">"It never holds:"</p>
            <ul class="govuk-list govuk-list--bullet">
                <li>"anyone's name"</li>
                <li>"anything anyone wrote"</li>
                <li>"a date of birth"</li>
                <li>"an exact date: months only"</li>
            </ul>
            <p class="govuk-body">
                "Each person is a code that stays the same in every export, so an evaluator can follow them over time. Nobody can turn the code back into a person without the council's secret, which is not in the file."
            </p>
            <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    "A small team can still make a person easy to guess. Agree with the evaluator how they keep the file, and never give them the council's secret."
                </strong>
            </div>
            {if ready {
                view! {
                    <ul class="govuk-list">
                        <li><a class="govuk-link" href="/admin/evaluation.csv" download="">"Download as CSV (for a spreadsheet)"</a></li>
                        <li><a class="govuk-link" href="/admin/evaluation.parquet" download="">"Download as Parquet (for analysis software)"</a></li>
                    </ul>
                }
                .into_any()
            } else {
                view! {
                    <div class="govuk-inset-text">
                        "The export is not set up yet. Whoever runs the portal must set the council's pseudonym key (evaluation.pseudonym_key) first."
                    </div>
                }
                .into_any()
            }}
            <p class="govuk-body">
                <a class="govuk-link" href="/admin/evaluation-dictionary.csv" download="">"Download the data dictionary: what each column means"</a>
            </p>
        })}
        <p class="govuk-body"><a href="/home" class="govuk-link">"Back to home"</a></p>
    }
}
