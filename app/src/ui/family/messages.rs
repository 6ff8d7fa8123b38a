//! "Messages when you are away": a family member chooses whether the portal may send
//! them a text or an email, what it says, when, and when never; and stops them all with
//! one button. Each message is one neutral sentence they pick, so someone else reading
//! the phone learns nothing.

use crate::api::notices::{SaveMessages, StopMessages, my_messages};
use crate::domain::notices::{ChoicesForm, DAYS, Wording, family_message};
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, FormEcho, ProgressiveForm, echoed_error, field_error,
    use_form_echo, with_error,
};
use crate::ui::shared::layout::{PageTitle, Success};
use crate::ui::shared::problems::problem_view;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MessagesPage() -> impl IntoView {
    let choices = Resource::new(|| (), |_| my_messages());
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    let query = use_query_map();
    let (saved, stopped) =
        query.with_untracked(|q| (q.get("saved").is_some(), q.get("stopped").is_some()));
    view! {
        <PageTitle text="Messages when you are away" />
        <ErrorSummary error />
        {(saved || stopped).then(|| {
            let heading = if stopped { "We will not send you any messages." } else { "Your choices are saved." };
            view! { <Success heading /> }
        })}
        <h1 class="govuk-heading-l">"Messages when you are away"</h1>
        <p class="govuk-body">
            "We can send you a text or an email when there is something for you here. It only ever says one short sentence that you choose. It never says your name, what anyone wrote, or what this service is, unless you ask us to."
        </p>
        <Suspense fallback=|| ()>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    match choices.await {
                        Ok(view) => {
                            let on = view.on;
                            let note = view.note.clone();
                            let form = if echo.fields.is_empty() { view.form } else { echoed(&echo) };
                            view! {
                                {note.map(|note| view! { <div class="govuk-inset-text">{note}</div> })}
                                {on.then(|| view! { <StopAll /> })}
                                <ChoicesFields form error />
                            }
                            .into_any()
                        }
                        Err(error) => problem_view(error),
                    }
                })
            }}
        </Suspense>
        <p class="govuk-body"><a href="/home" class="govuk-link">"Back to home"</a></p>
    }
}

/// The form as it was sent, after a problem: a box not ticked did not arrive.
fn echoed(echo: &FormEcho) -> ChoicesForm {
    let text = |name: &str| echo.value(name).unwrap_or_default();
    let ticked = |name: &str| echo.value(name).is_some();
    ChoicesForm {
        by_email: ticked("by_email"),
        email: text("email"),
        by_text: ticked("by_text"),
        mobile: text("mobile"),
        wording: text("wording"),
        say_service: ticked("say_service"),
        on_response: ticked("on_response"),
        on_code: ticked("on_code"),
        on_reminder: ticked("on_reminder"),
        reminder_day: text("reminder_day"),
        quiet_from: text("quiet_from"),
        quiet_to: text("quiet_to"),
    }
}

/// "Stop all messages": one press.
#[component]
fn StopAll() -> impl IntoView {
    view! {
        <ProgressiveForm to=StopMessages::url()>
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
                "Stop all messages"
            </button>
        </ProgressiveForm>
    }
}

/// A GOV.UK checkbox.
#[component]
fn Tick(name: &'static str, label: &'static str, checked: bool) -> impl IntoView {
    view! {
        <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id=name name=name type="checkbox" value="yes" checked=checked />
            <label class="govuk-label govuk-checkboxes__label" for=name>{label}</label>
        </div>
    }
}

/// A select of the hours of the day, with "None" first.
#[component]
fn Hours(name: &'static str, label: &'static str, chosen: String) -> impl IntoView {
    let options = (0u8..24)
        .map(|h| {
            let value = h.to_string();
            let selected = chosen == value;
            let text = match h {
                0 => "midnight".to_owned(),
                12 => "midday".to_owned(),
                h if h < 12 => format!("{h}am"),
                h => format!("{}pm", h - 12),
            };
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="govuk-form-group govuk-!-display-inline-block govuk-!-margin-right-4">
            <label class="govuk-label" for=name>{label}</label>
            <select class="govuk-select" id=name name=name>
                <option value="" selected=chosen.is_empty()>"No quiet hours"</option>
                {options}
            </select>
        </div>
    }
}

#[component]
fn ChoicesFields(form: ChoicesForm, error: Signal<Option<crate::api::AppError>>) -> impl IntoView {
    let by_error = field_error(error, "by_email");
    let email_error = field_error(error, "email");
    let mobile_error = field_error(error, "mobile");
    let wording_error = field_error(error, "wording");
    let when_error = field_error(error, "on_response");
    let day_error = field_error(error, "reminder_day");
    let quiet_error = Signal::derive(move || {
        field_error(error, "quiet_from")
            .get()
            .or_else(|| field_error(error, "quiet_to").get())
    });
    let wordings = Wording::ALL
        .into_iter()
        .enumerate()
        .map(|(i, wording)| {
            let id = if i == 0 { "wording".to_owned() } else { format!("wording-{}", i + 1) };
            let checked = form.wording == wording.code() || (form.wording.is_empty() && i == 0);
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=id.clone() name="wording" type="radio" value=wording.code() checked=checked />
                    <label class="govuk-label govuk-radios__label" for=id>
                        "“" {family_message(wording, None).body} "”"
                    </label>
                </div>
            }
        })
        .collect_view();
    let days = DAYS
        .iter()
        .enumerate()
        .map(|(i, day)| {
            let value = i.to_string();
            let selected = form.reminder_day == value;
            view! { <option value=value selected=selected>{*day}</option> }
        })
        .collect_view();
    view! {
        <ProgressiveForm to=SaveMessages::url()>
            <div class=with_error(by_error, "govuk-form-group", "govuk-form-group--error")>
                <fieldset class="govuk-fieldset" aria-describedby="by-hint">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                        <h2 class="govuk-fieldset__heading">"How should we tell you?"</h2>
                    </legend>
                    <div id="by-hint" class="govuk-hint">"Choose one or both."</div>
                    <ErrorMessage id="by_email-error" message=by_error />
                    <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                        <Tick name="by_email" label="By email" checked=form.by_email />
                        <Tick name="by_text" label="By text message" checked=form.by_text />
                    </div>
                </fieldset>
            </div>
            <div class=with_error(email_error, "govuk-form-group", "govuk-form-group--error")>
                <label class="govuk-label" for="email">"Email address (if you chose email)"</label>
                <ErrorMessage id="email-error" message=email_error />
                <input class=with_error(email_error, "govuk-input", "govuk-input--error") id="email" name="email" type="email" autocomplete="email" spellcheck="false" value=form.email />
            </div>
            <div class=with_error(mobile_error, "govuk-form-group", "govuk-form-group--error")>
                <label class="govuk-label" for="mobile">"UK mobile number (if you chose text message)"</label>
                <ErrorMessage id="mobile-error" message=mobile_error />
                <input class=with_error(mobile_error, "govuk-input govuk-input--width-20", "govuk-input--error") id="mobile" name="mobile" type="tel" autocomplete="tel" value=form.mobile />
            </div>
            <div class=with_error(wording_error, "govuk-form-group", "govuk-form-group--error")>
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                        <h2 class="govuk-fieldset__heading">"What should the message say?"</h2>
                    </legend>
                    <ErrorMessage id="wording-error" message=wording_error />
                    <div class="govuk-radios" data-module="govuk-radios">{wordings}</div>
                </fieldset>
            </div>
            <div class="govuk-form-group">
                <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                    <Tick name="say_service" label="Start the message with this service’s name" checked=form.say_service />
                </div>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "Anyone who sees your phone or email could then tell what the message is about."
                    </strong>
                </div>
            </div>
            <div class=with_error(when_error, "govuk-form-group", "govuk-form-group--error")>
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                        <h2 class="govuk-fieldset__heading">"When should we send one?"</h2>
                    </legend>
                    <ErrorMessage id="on_response-error" message=when_error />
                    <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                        <Tick name="on_response" label="When a worker answers something you shared" checked=form.on_response />
                        <Tick name="on_code" label="When there is a new sign-in code for you" checked=form.on_code />
                        <Tick name="on_reminder" label="A reminder to check in, once a week" checked=form.on_reminder />
                    </div>
                </fieldset>
            </div>
            <div class=with_error(day_error, "govuk-form-group", "govuk-form-group--error")>
                <label class="govuk-label" for="reminder_day">"Which day for your reminder?"</label>
                <div class="govuk-hint">"It comes at about 10am."</div>
                <ErrorMessage id="reminder_day-error" message=day_error />
                <select class="govuk-select" id="reminder_day" name="reminder_day">
                    <option value="" selected=form.reminder_day.is_empty()>"Choose a day"</option>
                    {days}
                </select>
            </div>
            <div class=with_error(quiet_error, "govuk-form-group", "govuk-form-group--error")>
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                        <h2 class="govuk-fieldset__heading">"Quiet hours"</h2>
                    </legend>
                    <div class="govuk-hint">"We will wait until they end before sending anything."</div>
                    <ErrorMessage id="quiet-error" message=quiet_error />
                    <Hours name="quiet_from" label="From" chosen=form.quiet_from />
                    <Hours name="quiet_to" label="Until" chosen=form.quiet_to />
                </fieldset>
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button">"Save my choices"</button>
        </ProgressiveForm>
    }
}
