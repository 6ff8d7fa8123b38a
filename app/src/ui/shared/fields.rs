//! GOV.UK form fields used by the family tools: each keeps what was typed after a problem,
//! shows its own error, and is labelled for screen readers.

use crate::api::AppError;
use crate::ui::shared::form::{ErrorMessage, field_error, textarea_text};
use leptos::prelude::*;

/// A text box for the person's own words.
#[component]
pub fn WordsField(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: String,
    error: Signal<Option<AppError>>,
    #[prop(optional)] big_label: bool,
) -> impl IntoView {
    let message = field_error(error, name);
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let described = move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("{name}-hint"));
        }
        if message.get().is_some() {
            ids.push(format!("{name}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let group = move || {
        if message.get().is_some() {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    };
    let class = move || {
        if message.get().is_some() {
            "govuk-textarea govuk-textarea--error"
        } else {
            "govuk-textarea"
        }
    };
    let label_class = if big_label {
        "govuk-label govuk-label--m"
    } else {
        "govuk-label govuk-label--s"
    };
    view! {
        <div class=group>
            <label class=label_class for=name>{label}</label>
            {hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
            <ErrorMessage id=error_id message />
            <textarea class=class id=name name=name rows="3" aria-describedby=described>
                {textarea_text(value)}
            </textarea>
        </div>
    }
}

/// A 0 to 10 number, typed with the phone's number keypad.
#[component]
pub fn ScoreField(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    value: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = field_error(error, name);
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let described = move || {
        if message.get().is_some() {
            format!("{name}-hint {name}-error")
        } else {
            format!("{name}-hint")
        }
    };
    let group = move || {
        if message.get().is_some() {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    };
    let class = move || {
        if message.get().is_some() {
            "govuk-input govuk-input--width-2 govuk-input--error"
        } else {
            "govuk-input govuk-input--width-2"
        }
    };
    view! {
        <div class=group>
            <label class="govuk-label govuk-label--s" for=name>{label}</label>
            <div class="govuk-hint" id=hint_id>{hint}</div>
            <ErrorMessage id=error_id message />
            <input
                class=class
                id=name
                name=name
                type="text"
                inputmode="numeric"
                pattern="[0-9]*"
                spellcheck="false"
                value=value
                aria-describedby=described
            />
        </div>
    }
}

/// Who can see this: only me (the default), or me and my workers.
#[component]
pub fn ShareChoice(value: String) -> impl IntoView {
    let workers = value == "workers";
    view! {
        <div class="govuk-form-group">
            <fieldset class="govuk-fieldset" aria-describedby="share-hint">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">"Who can see this?"</legend>
                <div class="govuk-hint" id="share-hint">"You can change this later."</div>
                <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
                    <div class="govuk-radios__item">
                        <input class="govuk-radios__input" id="share" name="share" type="radio" value="only_me" checked=!workers />
                        <label class="govuk-label govuk-radios__label" for="share">"Only me"</label>
                    </div>
                    <div class="govuk-radios__item">
                        <input class="govuk-radios__input" id="share-2" name="share" type="radio" value="workers" checked=workers />
                        <label class="govuk-label govuk-radios__label" for="share-2">"Me and my workers"</label>
                    </div>
                </div>
            </fieldset>
        </div>
    }
}
