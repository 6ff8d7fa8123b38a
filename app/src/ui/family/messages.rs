//! "Messages when you are away": a family member chooses whether the portal may send
//! them a text or an email, what it says, when, and when never; and stops them all with
//! one button. Each message is one neutral sentence they pick, so someone else reading
//! the phone learns nothing.

use crate::api::notices::{
    ProveAddresses as ProveAddressesFn, ResendCodes, SaveMessages, StopMessages, my_messages,
};
use crate::domain::notices::{ChoicesForm, DAYS, Wording, family_message};
use crate::ui::shared::fields::ContactInput;
use crate::ui::shared::form::{
    ErrorMessage, ErrorSummary, FormEcho, ProgressiveForm, echoed_error, field_error,
    use_form_echo, with_error,
};
use crate::ui::shared::layout::{PageTitle, Success};
use crate::ui::shared::loading::loaded;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MessagesPage() -> impl IntoView {
    let choices = Resource::new(|| (), |_| my_messages());
    let echo = use_form_echo();
    let error = echoed_error(&echo);
    let query = use_query_map();
    let done = query.with_untracked(|q| {
        if q.get("stopped").is_some() {
            Some("We will not send you any messages.")
        } else if q.get("sent").is_some() {
            Some("We have sent you a code. Enter it below to start your messages.")
        } else if q.get("proved").is_some() {
            Some("Thank you. Your messages will start.")
        } else {
            q.get("saved").map(|_| "Your choices are saved.")
        }
    });
    view! {
        <PageTitle text="Messages when you are away" />
        <ErrorSummary error />
        // Not over a problem with a form posted from the page the banner was on.
        {done.filter(|_| echo.error.is_none()).map(|heading| view! { <Success heading /> })}
        <h1 class="govuk-heading-l">"Messages when you are away"</h1>
        <p class="govuk-body">
            "We can send you a text or an email when there is something for you here. It only ever says one short sentence that you choose. It never says your name, what anyone wrote, or what this service is, unless you ask us to."
        </p>
        {loaded(choices, move |view, echo| {
            // The choices form always sends its day; the codes' form does not.
            let form = if echo.value("reminder_day").is_some() { echoed(&echo) } else { view.form };
            let unproved = view.unproved;
            view! {
                {view.note.map(|note| view! { <div class="govuk-inset-text">{note}</div> })}
                {(!unproved.is_empty()).then(|| view! { <ProveAddresses unproved error echo=echo.clone() /> })}
                {view.on.then(|| view! { <StopAll /> })}
                <ChoicesFields form error />
            }
        })}
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

/// The codes sent to new addresses: nothing but the code goes to an address until the
/// member enters it here, so nobody can have messages sent to someone else's phone.
#[component]
fn ProveAddresses(
    unproved: Vec<(String, String)>,
    error: Signal<Option<crate::api::AppError>>,
    /// What was typed, after a problem, to put back.
    echo: FormEcho,
) -> impl IntoView {
    let inputs = unproved
        .into_iter()
        .map(|(channel, address)| {
            let (name, label) = if channel == "email" {
                ("email_code", format!("The code we sent to {address}"))
            } else {
                ("sms_code", format!("The code we sent by text to {address}"))
            };
            let message = field_error(error, name);
            let typed = echo.value(name).unwrap_or_default();
            view! {
                <div class=with_error(message, "govuk-form-group", "govuk-form-group--error")>
                    <label class="govuk-label" for=name>{label}</label>
                    <ErrorMessage id=format!("{name}-error") message />
                    <input
                        class=with_error(message, "govuk-input govuk-input--width-5", "govuk-input--error")
                        aria-describedby=move || message.get().map(|_| format!("{name}-error"))
                        id=name
                        name=name
                        type="text"
                        inputmode="numeric"
                        autocomplete="one-time-code"
                        spellcheck="false"
                        value=typed
                    />
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m">"Check it is you"</h2>
        <p class="govuk-body">"We only send messages to you once you have entered the code we sent. It works for 30 minutes."</p>
        <ProgressiveForm to=ProveAddressesFn::url()>
            {inputs}
            <button type="submit" class="govuk-button" data-module="govuk-button">"Confirm"</button>
        </ProgressiveForm>
        <ProgressiveForm to=ResendCodes::url()>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Send a new code"</button>
        </ProgressiveForm>
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
fn Tick(
    name: &'static str,
    label: &'static str,
    checked: bool,
    /// The id of something that says more about it, such as a warning.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id=name name=name type="checkbox" value="yes" checked=checked aria-describedby=described_by />
            <label class="govuk-label govuk-checkboxes__label" for=name>{label}</label>
        </div>
    }
}

/// A select of the hours of the day, with "None" first.
#[component]
fn Hours(
    name: &'static str,
    label: &'static str,
    chosen: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
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
            <select
                class=with_error(error, "govuk-select", "govuk-select--error")
                aria-describedby=move || error.get().map(|_| "quiet-error")
                id=name
                name=name
            >
                <option value="" selected=chosen.is_empty()>"No quiet hours"</option>
                {options}
            </select>
        </div>
    }
}

#[component]
fn ChoicesFields(form: ChoicesForm, error: Signal<Option<crate::api::AppError>>) -> impl IntoView {
    view! {
        <ProgressiveForm to=SaveMessages::url()>
            <HowToTell by_email=form.by_email by_text=form.by_text error />
            <ContactInput name="email" label="Email address (if you chose email)" kind="email" autocomplete="email" value=form.email error />
            <ContactInput name="mobile" label="UK mobile number (if you chose text message)" kind="tel" autocomplete="tel" value=form.mobile error />
            <Wordings chosen=form.wording say_service=form.say_service error />
            <WhenToSend
                on_response=form.on_response
                on_code=form.on_code
                on_reminder=form.on_reminder
                day=form.reminder_day
                error
            />
            <Quiet from=form.quiet_from to=form.quiet_to error />
            <button type="submit" class="govuk-button" data-module="govuk-button">"Save my choices"</button>
        </ProgressiveForm>
    }
}

/// A fieldset with a medium heading as its legend, marked as in error while `message` is.
#[component]
fn Question(
    heading: &'static str,
    message: Signal<Option<String>>,
    /// The id its error message takes.
    error_id: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=with_error(message, "govuk-form-group", "govuk-form-group--error")>
            <fieldset
                class="govuk-fieldset"
                aria-describedby=move || message.get().map(|_| error_id)
            >
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                    <h2 class="govuk-fieldset__heading">{heading}</h2>
                </legend>
                <ErrorMessage id=error_id message />
                {children()}
            </fieldset>
        </div>
    }
}

#[component]
fn HowToTell(
    by_email: bool,
    by_text: bool,
    error: Signal<Option<crate::api::AppError>>,
) -> impl IntoView {
    view! {
        <Question heading="How should we tell you?" message=field_error(error, "by_email") error_id="by_email-error">
            <div class="govuk-hint">"Choose one or both."</div>
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <Tick name="by_email" label="By email" checked=by_email />
                <Tick name="by_text" label="By text message" checked=by_text />
            </div>
        </Question>
    }
}

/// The neutral sentences, each shown as the message would read, and whether to say the
/// service's name, with what that gives away.
#[component]
fn Wordings(
    chosen: String,
    say_service: bool,
    error: Signal<Option<crate::api::AppError>>,
) -> impl IntoView {
    let wordings = Wording::ALL
        .into_iter()
        .enumerate()
        .map(|(i, wording)| {
            let id = if i == 0 { "wording".to_owned() } else { format!("wording-{}", i + 1) };
            let checked = chosen == wording.code() || (chosen.is_empty() && i == 0);
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
    view! {
        <Question heading="What should the message say?" message=field_error(error, "wording") error_id="wording-error">
            <div class="govuk-radios" data-module="govuk-radios">{wordings}</div>
        </Question>
        <div class="govuk-form-group">
            <div class="govuk-warning-text" id="say-service-warning">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">"Warning"</span>
                    "If the message says this service’s name, anyone who sees your phone or email could tell what it is about."
                </strong>
            </div>
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <Tick
                    name="say_service"
                    label="Start the message with this service’s name"
                    checked=say_service
                    described_by="say-service-warning"
                />
            </div>
        </div>
    }
}

#[component]
fn WhenToSend(
    on_response: bool,
    on_code: bool,
    on_reminder: bool,
    day: String,
    error: Signal<Option<crate::api::AppError>>,
) -> impl IntoView {
    let day_error = field_error(error, "reminder_day");
    let days = DAYS
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let value = i.to_string();
            let selected = day == value;
            view! { <option value=value selected=selected>{*name}</option> }
        })
        .collect_view();
    view! {
        <Question heading="When should we send one?" message=field_error(error, "on_response") error_id="on_response-error">
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <Tick name="on_response" label="When a worker answers something you shared" checked=on_response />
                <Tick name="on_code" label="When there is a new sign-in code for you" checked=on_code />
                <Tick name="on_reminder" label="A reminder to check in, once a week" checked=on_reminder />
            </div>
        </Question>
        <div class=with_error(day_error, "govuk-form-group", "govuk-form-group--error")>
            <label class="govuk-label" for="reminder_day">"Which day for your reminder?"</label>
            <div class="govuk-hint">"It comes at about 10am."</div>
            <ErrorMessage id="reminder_day-error" message=day_error />
            <select
                class=with_error(day_error, "govuk-select", "govuk-select--error")
                aria-describedby=move || day_error.get().map(|_| "reminder_day-error")
                id="reminder_day"
                name="reminder_day"
            >
                <option value="" selected=day.is_empty()>"Choose a day"</option>
                {days}
            </select>
        </div>
    }
}

#[component]
fn Quiet(from: String, to: String, error: Signal<Option<crate::api::AppError>>) -> impl IntoView {
    let message = Signal::derive(move || {
        field_error(error, "quiet_from")
            .get()
            .or_else(|| field_error(error, "quiet_to").get())
    });
    view! {
        <Question heading="Quiet hours" message error_id="quiet-error">
            <div class="govuk-hint">"We will wait until they end before sending anything."</div>
            <Hours name="quiet_from" label="From" chosen=from error=message />
            <Hours name="quiet_to" label="Until" chosen=to error=message />
        </Question>
    }
}
