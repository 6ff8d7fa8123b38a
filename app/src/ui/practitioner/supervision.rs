//! Booking group case supervision, for business support and team managers: the team's
//! sessions, and a form to book one (the GOV.UK date input, then checkboxes for the
//! families to discuss and who will attend); then each session's own page, to move it to
//! another day or cancel it, with every change listed. Plain forms that post and reload.

use crate::api::supervision::{
    BookSupervision, BookingView, ChangeSupervision, ChangeView, SessionDetail, bookings,
    supervision_session,
};
use crate::ui::shared::dates::{at_time, when};
use crate::ui::shared::fields::Checkboxes;
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, FormEcho, SERVER_FN_FIELD, echoed_error, field_error,
    textarea_text, with_error,
};
use crate::ui::shared::layout::PageTitle;
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SupervisionPage() -> impl IntoView {
    let found = Resource::new(|| (), |_| bookings());
    loaded(found, |view, echo| view! { <Bookings view echo /> })
}

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    let found = Resource::new(
        move || params.read().get("session").unwrap_or_default(),
        supervision_session,
    );
    loaded(found, |view, echo| view! { <Session view echo /> })
}

/// The GOV.UK date input for a session's day: boxes named `held_day`, `held_month` and
/// `held_year`, the day box carrying the field's id (`held_on`) for the error summary's link.
#[component]
fn DayInput(
    legend: &'static str,
    echo: FormEcho,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
    let typed = |name: &str| echo.value(name).unwrap_or_default();
    let boxes = [
        (
            "held_day",
            "held_on",
            "Day",
            typed("held_day"),
            "govuk-input--width-2",
        ),
        (
            "held_month",
            "held_month",
            "Month",
            typed("held_month"),
            "govuk-input--width-2",
        ),
        (
            "held_year",
            "held_year",
            "Year",
            typed("held_year"),
            "govuk-input--width-4",
        ),
    ];
    view! {
        <div class=group>
            <fieldset class="govuk-fieldset" role="group"
                aria-describedby=move || if message.get().is_some() { "held_on-hint held_on-error" } else { "held_on-hint" }>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
                <div class="govuk-hint" id="held_on-hint">"For example, 14 3 2027"</div>
                <ErrorMessage id="held_on-error" message />
                <div class="govuk-date-input">
                    {boxes
                        .into_iter()
                        .map(|(name, id, label, value, width)| view! {
                            <div class="govuk-date-input__item">
                                <div class="govuk-form-group">
                                    <label class="govuk-label govuk-date-input__label" for=id>{label}</label>
                                    <input class=move || if message.get().is_some() { format!("govuk-input govuk-date-input__input {width} govuk-input--error") } else { format!("govuk-input govuk-date-input__input {width}") }
                                        id=id name=name type="text" inputmode="numeric" value=value />
                                </div>
                            </div>
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
    let sessions = if view.sessions.is_empty() {
        view! { <p class="govuk-body">"No sessions booked yet."</p> }.into_any()
    } else {
        view! {
            <crate::ui::shared::table::ScrollRegion label="Booked sessions">
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
                                <td class="govuk-table__cell">
                                    <a class="govuk-link" href=format!("/supervision/{}", s.id)>{when(s.held_on)}</a>
                                    {s.cancelled.then(|| view! { " " <strong class="govuk-tag govuk-tag--grey">"Cancelled"</strong> })}
                                    {s.moved_from.map(|from| view! { <br /><span class="govuk-body-s">{format!("Moved from {}", when(from))}</span> })}
                                </td>
                                <td class="govuk-table__cell">{s.families.join(", ")}</td>
                                <td class="govuk-table__cell">{s.attendees.join(", ")}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
            </crate::ui::shared::table::ScrollRegion>
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
            <DayInput legend="When is it?" echo=echo.clone() message=date_message />
            <Checkboxes name="families" legend="Which families will it discuss?" choices=view.families echo=echo.clone() message=field_error(error, "families") />
            <Checkboxes name="attendees" legend="Who will attend?" choices=view.staff echo=echo.clone() message=field_error(error, "attendees") />
            <button type="submit" class="govuk-button" data-module="govuk-button">"Book session"</button>
        </form>
    }
}

/// One change, in a sentence: what happened, who did it, when, and why.
fn change_words(change: &ChangeView) -> String {
    let what = match change.to {
        Some(to) => format!("Moved from {} to {}", when(change.from), when(to)),
        None => format!("Cancelled (it was on {})", when(change.from)),
    };
    format!("{what} by {}, {}.", change.by, at_time(change.at))
}

#[component]
fn Session(view: SessionDetail, echo: FormEcho) -> impl IntoView {
    let error = echoed_error(&echo);
    let has_error = Signal::derive(move || error.get().is_some());
    let title = format!("Session on {}", when(view.held_on));
    let rows = [
        (
            "Date",
            if view.booked_for == view.held_on {
                when(view.held_on)
            } else {
                format!(
                    "{} (first booked for {})",
                    when(view.held_on),
                    when(view.booked_for)
                )
            },
        ),
        ("Families", view.families.join(", ")),
        ("Attending", view.attendees.join(", ")),
        (
            "Booked by",
            format!("{}, {}", view.booked_by, at_time(view.booked_at)),
        ),
    ];
    let changes = (!view.changes.is_empty()).then(|| {
        view! {
            <h2 class="govuk-heading-m">"Changes"</h2>
            <ol class="govuk-list govuk-list--number">
                {view
                    .changes
                    .iter()
                    .map(|c| {
                        let why = (!c.reason.is_empty()).then(|| {
                            view! { <br /><span class="app-own-words">{format!("Why: {}", c.reason)}</span> }
                        });
                        view! { <li>{change_words(c)} {why}</li> }
                    })
                    .collect_view()}
            </ol>
        }
    });
    let actions = match view.settled.clone() {
        Some(why) => view! { <div class="govuk-inset-text">{why}</div> }.into_any(),
        None => view! { <ChangeForms view=view.clone() echo /> }.into_any(),
    };
    view! {
        <PageTitle text=title.clone() has_error />
        <ErrorSummary error />
        <span class="govuk-caption-l">"Group case supervision"</span>
        <h1 class="govuk-heading-l">
            {title}
            {view.cancelled.then(|| view! { " " <strong class="govuk-tag govuk-tag--grey">"Cancelled"</strong> })}
        </h1>
        <dl class="govuk-summary-list">
            {rows
                .into_iter()
                .map(|(key, value)| view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{key}</dt>
                        <dd class="govuk-summary-list__value">{value}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
        {changes}
        {actions}
        <p class="govuk-body"><a class="govuk-link" href="/supervision">"Back to group case supervision"</a></p>
    }
}

/// Moving the session, and cancelling it: two small forms, each sending its own fields
/// and how many changes this page saw.
#[component]
fn ChangeForms(view: SessionDetail, echo: FormEcho) -> impl IntoView {
    let error = echoed_error(&echo);
    let hidden = {
        let (session, seen) = (view.id.clone(), view.seq.to_string());
        move || {
            view! {
                <input type="hidden" name=SERVER_FN_FIELD value=ChangeSupervision::url() />
                <input type="hidden" name="session" value=session.clone() />
                <input type="hidden" name="seen" value=seen.clone() />
            }
        }
    };
    let move_message = field_error(error, "move_reason");
    let move_group = with_error(move_message, "govuk-form-group", "govuk-form-group--error");
    let move_class = with_error(move_message, "govuk-input", "govuk-input--error");
    let cancel = match view.no_cancel.clone() {
        Some(why) => view! { <div class="govuk-inset-text">{why}</div> }.into_any(),
        None => {
            let message = field_error(error, "cancel_reason");
            let group = with_error(message, "govuk-form-group", "govuk-form-group--error");
            let class = with_error(message, "govuk-textarea", "govuk-textarea--error");
            let typed = echo.value("cancel_reason").unwrap_or_default();
            let words = textarea_text(typed.clone());
            view! {
                <form method="post" novalidate>
                    {hidden()}
                    <div class=group>
                        <label class="govuk-label govuk-label--s" for="cancel_reason">"Why is it cancelled?"</label>
                        <div class="govuk-hint" id="cancel_reason-hint">"Everyone who books sessions for the team will see this. A cancelled session cannot be moved afterwards: book a new one instead."</div>
                        <ErrorMessage id="cancel_reason-error" message />
                        <textarea class=class id="cancel_reason" name="cancel_reason" rows="3"
                            aria-describedby=move || if message.get().is_some() { "cancel_reason-hint cancel_reason-error cancel_reason-info" } else { "cancel_reason-hint cancel_reason-info" }
                           >{words}</textarea>
                        <crate::ui::shared::count::CharacterCount field="cancel_reason" max=crate::domain::supervision::REASON_MAX />
                    </div>
                    <button type="submit" name="action" value="cancel" class="govuk-button govuk-button--warning" data-module="govuk-button">"Cancel the session"</button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <h2 class="govuk-heading-m">"Move it to another day"</h2>
        <p class="govuk-body">"The families, the people attending and any progress summaries already written stay with the session."</p>
        <form method="post" novalidate>
            {hidden()}
            <DayInput legend="What is the new date?" echo=echo.clone() message=field_error(error, "held_on") />
            <div class=move_group>
                <label class="govuk-label govuk-label--s" for="move_reason">"Why is it moving? (optional)"</label>
                <ErrorMessage id="move_reason-error" message=move_message />
                <input class=move_class id="move_reason" name="move_reason" type="text"
                    aria-describedby=move || if move_message.get().is_some() { "move_reason-error move_reason-info" } else { "move_reason-info" }
                    value=echo.value("move_reason").unwrap_or_default() />
                <crate::ui::shared::count::CharacterCount field="move_reason" max=crate::domain::supervision::REASON_MAX />
            </div>
            <button type="submit" name="action" value="move" class="govuk-button" data-module="govuk-button">"Move the session"</button>
        </form>
        <h2 class="govuk-heading-m">"Cancel it"</h2>
        {cancel}
    }
}
