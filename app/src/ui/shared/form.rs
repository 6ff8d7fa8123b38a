//! Forms that work before the browser's code arrives, and better after it does.
//!
//! Without WASM, a form posts to the address of its own page. The server runs the
//! form's server function; on success it redirects (post/redirect/get), and on a problem
//! it draws the same page again, at the same address, with everything that was typed and
//! a GOV.UK error summary. That echo is handed to the page as [`FormEcho`] and sent along
//! with the page, so hydration sees exactly what the server drew.
//!
//! With WASM, the same form calls the server function directly: nothing is reloaded, what
//! was typed stays where it is, and errors appear in the same summary.

use crate::api::AppError;
use crate::domain::errors::FORM;
use leptos::ev::SubmitEvent;
use leptos::form::FromFormData;
use leptos::prelude::*;
use leptos::server_fn::Http;
use leptos::server_fn::ServerFn;
use leptos::server_fn::client::Client;
use leptos::server_fn::codec::PostUrl;
use leptos::server_fn::error::FromServerFnError;
use leptos::server_fn::request::ClientReq;
use leptos::wasm_bindgen::JsCast;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The name of the hidden field that tells the server which server function a page's
/// form is for, when the form was posted to the page's own address.
pub const SERVER_FN_FIELD: &str = "__fn";

/// What the server hands back to a page whose form had a problem: every field exactly as
/// it was sent, and what was wrong.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FormEcho {
    pub fields: Vec<(String, String)>,
    pub error: Option<AppError>,
}

impl FormEcho {
    /// The value that was sent for a field, to put back into it.
    pub fn value(&self, field: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.clone())
    }
}

/// Text to put inside a `<textarea>` as it is first drawn.
///
/// The renderer writes a textarea's children without escaping them, so on the server the
/// text is escaped here: otherwise words echoed back after a problem could close the
/// textarea and inject markup. The browser decodes the entities, so people see exactly
/// what they typed. In the browser itself the text becomes a text node and needs nothing,
/// but a text node added to a textarea after it is made does not become its value: every
/// textarea also sets `prop:defaultValue` to the same words, so a page drawn in the browser
/// (after moving to it without a reload) shows them too. Not `prop:value`: hydration would
/// set that over anything typed before the WebAssembly arrived, while a default never
/// replaces what someone has typed.
pub fn textarea_text(raw: String) -> String {
    if cfg!(feature = "ssr") {
        raw.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        raw
    }
}

/// The echo for this page, if the server drew it because its form had a problem.
pub fn use_form_echo() -> FormEcho {
    SharedValue::new(|| use_context::<FormEcho>().unwrap_or_default()).into_inner()
}

/// True once the page is hydrated, so enhancements can switch on. False while the server
/// draws the page and during hydration itself, so both draw the same thing.
pub fn use_hydrated() -> ReadSignal<bool> {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    hydrated
}

/// The error to show: the server function's own answer once the form has been sent from
/// this page, otherwise the server's echo from a post without WASM.
pub fn form_error<ServFn>(action: ServerAction<ServFn>, echo: &FormEcho) -> Signal<Option<AppError>>
where
    ServFn: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    ServFn::Output: Send + Sync + 'static,
{
    let echoed = echo.error.clone();
    Signal::derive(move || {
        if action.version().get() == 0 {
            echoed.clone()
        } else {
            action
                .value()
                .with(|result| result.as_ref().and_then(|r| r.as_ref().err().cloned()))
        }
    })
}

/// The error the server echoed for a page whose plain form (one that always posts and
/// reloads) had a problem.
pub fn echoed_error(echo: &FormEcho) -> Signal<Option<AppError>> {
    let echoed = echo.error.clone();
    Signal::derive(move || echoed.clone())
}

/// A GOV.UK class, with its error modifier added while the field has a problem.
pub fn with_error(
    message: Signal<Option<String>>,
    base: &'static str,
    modifier: &'static str,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || {
        if message.get().is_some() {
            format!("{base} {modifier}")
        } else {
            base.to_owned()
        }
    }
}

/// A form that posts to its own page without WASM and calls `action` with it.
#[component]
pub fn ProgressiveForm<ServFn, OutputProtocol>(
    action: ServerAction<ServFn>,
    children: Children,
) -> impl IntoView
where
    ServFn: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, OutputProtocol>, Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    <<ServFn::Client as Client<AppError>>::Request as ClientReq<AppError>>::FormData:
        From<leptos::web_sys::FormData>,
    ServFn::Output: Send + Sync + 'static,
    ServFn::Client: Client<AppError>,
{
    let on_submit = move |ev: SubmitEvent| {
        if ev.default_prevented() {
            return;
        }
        ev.prevent_default();
        match ServFn::from_event(&ev) {
            Ok(input) => {
                action.dispatch(input);
            }
            Err(_) => {
                // The form could not be read in the browser; the server would say the same.
                action.value().set(Some(Err(AppError::from_server_fn_error(
                    leptos::server_fn::error::ServerFnErrorErr::Args(String::new()),
                ))));
            }
        }
    };
    // No `action` attribute: the form posts to the address of the page it is on.
    view! {
        <form method="post" novalidate on:submit=on_submit>
            <input type="hidden" name=SERVER_FN_FIELD value=ServFn::url() />
            {children()}
        </form>
    }
}

/// The GOV.UK error summary (<https://design-system.service.gov.uk/components/error-summary/>):
/// at the top of the page, listing each problem with a link to its field. It takes focus
/// when it appears so that screen readers announce it.
#[component]
pub fn ErrorSummary(error: Signal<Option<AppError>>) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if error.get().is_some()
            && let Some(element) = summary.get()
        {
            let _ = element.focus();
        }
    });
    move || {
        error.get().map(|error| {
            let items = match error.field_errors() {
                Some(fields) => fields
                    .iter()
                    .map(|f| {
                        if f.field == FORM {
                            return view! { <li>{f.message.clone()}</li> }.into_any();
                        }
                        let href = format!("#{}", f.field);
                        let field = f.field.clone();
                        view! {
                            <li>
                                <a href=href on:click=move |ev| focus_field(ev, &field)>
                                    {f.message.clone()}
                                </a>
                            </li>
                        }
                        .into_any()
                    })
                    .collect::<Vec<_>>(),
                None => vec![view! { <li>{error.to_string()}</li> }.into_any()],
            };
            view! {
                <div
                    class="govuk-error-summary"
                    data-module="govuk-error-summary"
                    node_ref=summary
                    tabindex="-1"
                    role="alert"
                >
                    <h2 class="govuk-error-summary__title">"There is a problem"</h2>
                    <div class="govuk-error-summary__body">
                        <ul class="govuk-list govuk-error-summary__list">{items}</ul>
                    </div>
                </div>
            }
        })
    }
}

/// Following a link in the error summary moves focus to the field itself, as the GOV.UK
/// component does: a plain link to a fragment only scrolls to it. The field's legend or
/// label is brought into view with it, so people see the question and not just the box.
/// Without WASM the link still scrolls to the field.
fn focus_field(ev: leptos::ev::MouseEvent, field: &str) {
    let Some(input) = document().get_element_by_id(field) else {
        return;
    };
    ev.prevent_default();
    let question = input
        .closest("fieldset")
        .ok()
        .flatten()
        .and_then(|fieldset| fieldset.query_selector("legend").ok().flatten())
        .or_else(|| {
            document()
                .query_selector(&format!("label[for='{field}']"))
                .ok()
                .flatten()
        });
    if let Some(question) = question {
        question.scroll_into_view();
    }
    if let Ok(input) = input.dyn_into::<leptos::web_sys::HtmlElement>() {
        let options = leptos::web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = input.focus_with_options(&options);
    }
}

/// The inline error for one field, if it has one.
pub fn field_error(error: Signal<Option<AppError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        error.get().and_then(|e| {
            e.field_errors()
                .and_then(|f| f.for_field(field).map(str::to_owned))
        })
    })
}

/// Shows a field's inline error message, GOV.UK style.
#[component]
pub fn ErrorMessage(#[prop(into)] id: String, message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|message| {
            view! {
                <p id=id.clone() class="govuk-error-message">
                    <span class="govuk-visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}
