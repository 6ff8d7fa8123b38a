//! "Messages when you are away": a family member chooses whether the portal may send
//! them a text or an email, what it says, when, and when never; and stops them all with
//! one button. Each message is one neutral sentence they pick, so someone else reading
//! the phone learns nothing.
//!
//! The page is in the member's language. The messages themselves are sent in English, so
//! each choice shows the English words as they will arrive, and, for a reader of another
//! language, what they mean.

use crate::api::notices::{
    ProveAddresses as ProveAddressesFn, ResendCodes, SaveMessages, StopMessages, my_messages,
};
use crate::domain::language::Lang;
use crate::domain::notices::{ChoicesForm, DAYS, Wording, family_message};
use crate::ui::i18n::{lang, t, t_easy, t_with, tr};
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
            Some("messages-stopped")
        } else if q.get("sent").is_some() {
            Some("messages-sent")
        } else if q.get("proved").is_some() {
            Some("messages-proved")
        } else {
            q.get("saved").map(|_| "messages-saved")
        }
    });
    view! {
        <PageTitle text=t("home-messages") />
        <ErrorSummary error />
        // Not over a problem with a form posted from the page the banner was on.
        {done.filter(|_| echo.error.is_none()).map(|key| view! { <Success heading=t(key) /> })}
        <h1 class="govuk-heading-l">{t("home-messages")}</h1>
        <p class="govuk-body">{t_easy("messages-lead")}</p>
        {loaded(choices, move |view, echo| {
            // The choices form always sends its day; the codes' form does not.
            let form = if echo.value("reminder_day").is_some() { echoed(&echo) } else { view.form };
            let unproved = view.unproved;
            view! {
                {view.note.map(|note| view! { <div class="govuk-inset-text">{note_words(note)}</div> })}
                {(!unproved.is_empty()).then(|| view! { <ProveAddresses unproved error echo=echo.clone() /> })}
                {view.on.then(|| view! { <StopAll /> })}
                <ChoicesFields form error />
            }
        })}
        <p class="govuk-body"><a href="/home" class="govuk-link">{t("messages-back")}</a></p>
    }
}

/// Why some messages are off, as the server says it in English, in the reader's language.
fn note_words(note: String) -> String {
    if note == tr(Lang::En, "messages-off", &[]) {
        t("messages-off")
    } else {
        note
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
                ("email_code", t_with("messages-code-email", &[("address", &address)]))
            } else {
                ("sms_code", t_with("messages-code-text", &[("address", &address)]))
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
        <h2 class="govuk-heading-m">{t("messages-check")}</h2>
        <p class="govuk-body">{t_easy("messages-check-lead")}</p>
        <ProgressiveForm to=ProveAddressesFn::url()>
            {inputs}
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("messages-confirm")}</button>
        </ProgressiveForm>
        <ProgressiveForm to=ResendCodes::url()>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("messages-new-code")}</button>
        </ProgressiveForm>
    }
}

/// "Stop all messages": one press.
#[component]
fn StopAll() -> impl IntoView {
    view! {
        <ProgressiveForm to=StopMessages::url()>
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
                {t("messages-stop-all")}
            </button>
        </ProgressiveForm>
    }
}

/// A GOV.UK checkbox.
#[component]
fn Tick(
    name: &'static str,
    label: String,
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

/// A select of the hours of the day, with "No quiet hours" first.
#[component]
fn Hours(
    name: &'static str,
    label: String,
    chosen: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let options = (0u8..24)
        .map(|h| {
            let value = h.to_string();
            let selected = chosen == value;
            let text = crate::ui::shared::dates::hour(h);
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
                <option value="" selected=chosen.is_empty()>{t("messages-no-quiet")}</option>
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
            <ContactInput name="email" label=t("messages-email") kind="email" autocomplete="email" value=form.email error />
            <ContactInput name="mobile" label=t("messages-mobile") kind="tel" autocomplete="tel" value=form.mobile error />
            <Wordings chosen=form.wording say_service=form.say_service error />
            <WhenToSend
                on_response=form.on_response
                on_code=form.on_code
                on_reminder=form.on_reminder
                day=form.reminder_day
                error
            />
            <Quiet from=form.quiet_from to=form.quiet_to error />
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("messages-save")}</button>
        </ProgressiveForm>
    }
}

/// A fieldset with a medium heading as its legend, marked as in error while `message` is.
#[component]
fn Question(
    heading: String,
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
        <Question heading=t("messages-how") message=field_error(error, "by_email") error_id="by_email-error">
            <div class="govuk-hint">{t("messages-how-hint")}</div>
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <Tick name="by_email" label=t("messages-by-email") checked=by_email />
                <Tick name="by_text" label=t("messages-by-text") checked=by_text />
            </div>
        </Question>
    }
}

/// The neutral sentences, each shown as the message would read (in English, as it is
/// sent, with what it means below for a reader of another language), and whether to say
/// the service's name, with what that gives away.
#[component]
fn Wordings(
    chosen: String,
    say_service: bool,
    error: Signal<Option<crate::api::AppError>>,
) -> impl IntoView {
    // English readers read the English words alone; anyone else is told what they mean.
    let translated = lang() != Lang::En;
    let wordings = Wording::ALL
        .into_iter()
        .enumerate()
        .map(|(i, wording)| {
            let id = if i == 0 { "wording".to_owned() } else { format!("wording-{}", i + 1) };
            let hint = format!("{id}-hint");
            let checked = chosen == wording.code() || (chosen.is_empty() && i == 0);
            let meaning = t(&format!("messages-wording-{}", wording.code()));
            view! {
                <div class="govuk-radios__item">
                    <input
                        class="govuk-radios__input"
                        id=id.clone()
                        name="wording"
                        type="radio"
                        value=wording.code()
                        checked=checked
                        aria-describedby=translated.then(|| hint.clone())
                    />
                    <label class="govuk-label govuk-radios__label" for=id>
                        <span lang="en" dir="ltr">{format!("“{}”", family_message(wording, None).body)}</span>
                    </label>
                    {translated.then(|| view! {
                        <div class="govuk-hint govuk-radios__hint" id=hint>{meaning}</div>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <Question heading=t("messages-what") message=field_error(error, "wording") error_id="wording-error">
            {translated.then(|| view! { <div class="govuk-hint">{t("messages-in-english")}</div> })}
            <div class="govuk-radios" data-module="govuk-radios">{wordings}</div>
        </Question>
        <div class="govuk-form-group">
            <div class="govuk-warning-text" id="say-service-warning">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">{t("messages-warning")}</span>
                    {t("messages-say-service-warning")}
                </strong>
            </div>
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <Tick
                    name="say_service"
                    label=t("messages-say-service")
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
        .map(|(i, _)| {
            let value = i.to_string();
            let selected = day == value;
            view! { <option value=value selected=selected>{t(&format!("messages-weekday-{i}"))}</option> }
        })
        .collect_view();
    view! {
        <Question heading=t("messages-when") message=field_error(error, "on_response") error_id="on_response-error">
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                <Tick name="on_response" label=t("messages-on-response") checked=on_response />
                <Tick name="on_code" label=t("messages-on-code") checked=on_code />
                <Tick name="on_reminder" label=t("messages-on-reminder") checked=on_reminder />
            </div>
        </Question>
        <div class=with_error(day_error, "govuk-form-group", "govuk-form-group--error")>
            <label class="govuk-label" for="reminder_day">{t("messages-day")}</label>
            <div class="govuk-hint">{t("messages-day-hint")}</div>
            <ErrorMessage id="reminder_day-error" message=day_error />
            <select
                class=with_error(day_error, "govuk-select", "govuk-select--error")
                aria-describedby=move || day_error.get().map(|_| "reminder_day-error")
                id="reminder_day"
                name="reminder_day"
            >
                <option value="" selected=day.is_empty()>{t("messages-choose-day")}</option>
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
        <Question heading=t("messages-quiet") message error_id="quiet-error">
            <div class="govuk-hint">{t("messages-quiet-hint")}</div>
            <Hours name="quiet_from" label=t("messages-from") chosen=from error=message />
            <Hours name="quiet_to" label=t("messages-until") chosen=to error=message />
        </Question>
    }
}
