//! Booking group case supervision, for business support and team managers: the team's
//! sessions, and a form to book one (the GOV.UK date input, then checkboxes for the
//! families to discuss and who will attend). A plain form that posts and reloads.

use crate::api::supervision::{BookSupervision, BookingView, Choice, bookings};
use crate::ui::family::home::{loaded, when};
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, FormEcho, SERVER_FN_FIELD, echoed_error, field_error, with_error,
};
use crate::ui::shared::layout::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn SupervisionPage() -> impl IntoView {
    let found = Resource::new(|| (), |_| bookings());
    loaded(found, |view, echo| view! { <Bookings view echo /> })
}

/// A set of checkboxes named `{name}[]`, ticked again as sent after a problem.
#[component]
fn Checkboxes(
    name: &'static str,
    legend: &'static str,
    choices: Vec<Choice>,
    echo: FormEcho,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let field = format!("{name}[]");
    let ticked: Vec<String> = echo
        .fields
        .iter()
        .filter(|(n, _)| *n == field)
        .map(|(_, v)| v.clone())
        .collect();
    let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
    view! {
        <div class=group>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
                <ErrorMessage id=format!("{name}-error") message />
                <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                    {choices
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            // The first box has the field's id, for the error summary's link.
                            let id = if i == 0 { name.to_owned() } else { format!("{name}-{}", i + 1) };
                            let checked = ticked.contains(&c.id);
                            view! {
                                <div class="govuk-checkboxes__item">
                                    <input class="govuk-checkboxes__input" id=id.clone() name=field.clone() type="checkbox" value=c.id checked=checked />
                                    <label class="govuk-label govuk-checkboxes__label" for=id>{c.label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

#[component]
fn Bookings(view: BookingView, echo: FormEcho) -> impl IntoView {
    let error = echoed_error(&echo);
    let has_error = Signal::derive(move || error.get().is_some());
    let date_message = field_error(error, "held_on");
    let date_group = with_error(date_message, "govuk-form-group", "govuk-form-group--error");
    let typed = |name: &str| echo.value(name).unwrap_or_default();
    let (day, month, year) = (typed("held_day"), typed("held_month"), typed("held_year"));
    let sessions = if view.sessions.is_empty() {
        view! { <p class="govuk-body">"No sessions booked yet."</p> }.into_any()
    } else {
        view! {
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--m">"Booked sessions"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Date"</th>
                        <th scope="col" class="govuk-table__header">"Families"</th>
                        <th scope="col" class="govuk-table__header">"Attending"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {view
                        .sessions
                        .into_iter()
                        .map(|s| view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">{when(s.held_on)}</td>
                                <td class="govuk-table__cell">{s.families.join(", ")}</td>
                                <td class="govuk-table__cell">{s.attendees.join(", ")}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <PageTitle text="Group case supervision" has_error />
        <ErrorSummary error />
        <span class="govuk-caption-l">{view.team.clone()}</span>
        <h1 class="govuk-heading-l">"Group case supervision"</h1>
        {sessions}
        <h2 class="govuk-heading-m">"Book a session"</h2>
        <form method="post" novalidate>
            <input type="hidden" name=SERVER_FN_FIELD value=BookSupervision::url() />
            <div class=date_group>
                <fieldset class="govuk-fieldset" role="group"
                    aria-describedby=move || if date_message.get().is_some() { "held_on-hint held_on-error" } else { "held_on-hint" }>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">"When is it?"</legend>
                    <div class="govuk-hint" id="held_on-hint">"For example, 14 3 2027"</div>
                    <ErrorMessage id="held_on-error" message=date_message />
                    <div class="govuk-date-input">
                        // The day box carries the field's id, so the error summary's link lands on it.
                        {[("held_day", "held_on", "Day", day, "govuk-input--width-2"), ("held_month", "held_month", "Month", month, "govuk-input--width-2"), ("held_year", "held_year", "Year", year, "govuk-input--width-4")]
                            .into_iter()
                            .map(|(name, id, label, value, width)| view! {
                                <div class="govuk-date-input__item">
                                    <div class="govuk-form-group">
                                        <label class="govuk-label govuk-date-input__label" for=id>{label}</label>
                                        <input class=move || if date_message.get().is_some() { format!("govuk-input govuk-date-input__input {width} govuk-input--error") } else { format!("govuk-input govuk-date-input__input {width}") }
                                            id=id name=name type="text" inputmode="numeric" value=value.clone() />
                                    </div>
                                </div>
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            </div>
            <Checkboxes name="families" legend="Which families will it discuss?" choices=view.families echo=echo.clone() message=field_error(error, "families") />
            <Checkboxes name="attendees" legend="Who will attend?" choices=view.staff echo=echo.clone() message=field_error(error, "attendees") />
            <button type="submit" class="govuk-button" data-module="govuk-button">"Book session"</button>
        </form>
    }
}
