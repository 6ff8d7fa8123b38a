//! Forms that work before the browser's code arrives, and better after it does.
//!
//! Without WASM, a form posts to the address of its own page. The server runs the
//! form's server function; on success it redirects (post/redirect/get), and on a problem
//! it draws the same page again, at the same address, with everything that was typed and
//! a GOV.UK error summary. That echo is handed to the page as [`FormEcho`].
//!
//! The same happens once the WebAssembly has arrived: pages are server-drawn HTML with
//! a few interactive islands, so every form posts the same way and there is one path to
//! test. The error summary takes focus, and its links move focus to their fields, from
//! the plain script `forms.js`, which needs no WebAssembly.

use crate::api::AppError;
use crate::domain::errors::FORM;
use leptos::prelude::*;
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
/// what they typed. Pages are drawn only on the server; only islands run in the browser.
pub fn textarea_text(raw: String) -> String {
    raw.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The echo for this page, if the server drew it because its form had a problem.
pub fn use_form_echo() -> FormEcho {
    use_context::<FormEcho>().unwrap_or_default()
}

/// True once the island that asks has woken in the browser, so its enhancements can
/// switch on. False while the server draws it and while it wakes, so both draw the same.
pub fn use_hydrated() -> ReadSignal<bool> {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    hydrated
}

/// The error the server echoed for a page whose form had a problem.
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

/// A form that posts to its own page, for the server function whose address is `to`.
#[component]
pub fn ProgressiveForm(to: &'static str, children: Children) -> impl IntoView {
    // No `action` attribute: the form posts to the address of the page it is on.
    view! {
        <form method="post" novalidate>
            <input type="hidden" name=SERVER_FN_FIELD value=to />
            {children()}
        </form>
    }
}

/// The GOV.UK error summary (<https://design-system.service.gov.uk/components/error-summary/>):
/// at the top of the page, listing each problem with a link to its field. `forms.js`
/// gives it focus when the page opens, so that screen readers announce it, and makes its
/// links move focus to the field as well as scrolling to it.
#[component]
pub fn ErrorSummary(error: Signal<Option<AppError>>) -> impl IntoView {
    let lang = crate::ui::i18n::lang();
    let tr = move |key: &str| crate::ui::i18n::tr(lang, key, &[]);
    let problem = move |message: &str| crate::ui::i18n::translate_problem(lang, message);
    move || {
        error.get().map(|error| {
            let items = match error.field_errors() {
                Some(fields) => fields
                    .iter()
                    .map(|f| {
                        if f.field == FORM {
                            return view! { <li>{problem(&f.message)}</li> }.into_any();
                        }
                        let href = format!("#{}", f.field);
                        view! {
                            <li>
                                <a href=href>{problem(&f.message)}</a>
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
                    tabindex="-1"
                    role="alert"
                >
                    <h2 class="govuk-error-summary__title">{tr("error-summary-title")}</h2>
                    <div class="govuk-error-summary__body">
                        <ul class="govuk-list govuk-error-summary__list">{items}</ul>
                    </div>
                </div>
            }
        })
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
    let lang = crate::ui::i18n::lang();
    let prefix = format!("{} ", crate::ui::i18n::tr(lang, "error-prefix", &[]));
    move || {
        let prefix = prefix.clone();
        message.get().map(|message| {
            view! {
                <p id=id.clone() class="govuk-error-message">
                    <span class="govuk-visually-hidden">{prefix}</span>
                    {crate::ui::i18n::translate_problem(lang, &message)}
                </p>
            }
        })
    }
}
