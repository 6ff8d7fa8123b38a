//! GOV.UK form fields shared by more than one page.

use leptos::prelude::*;

/// Who can see this: only me (the default), or me and my workers.
#[component]
pub fn ShareChoice(value: String) -> impl IntoView {
    use crate::ui::i18n::t;
    let workers = value == "workers";
    view! {
        <div class="govuk-form-group">
            <fieldset class="govuk-fieldset" aria-describedby="share-hint">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t("share-legend")}</legend>
                <div class="govuk-hint" id="share-hint">{t("share-hint")}</div>
                <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
                    <div class="govuk-radios__item">
                        <input class="govuk-radios__input" id="share" name="share" type="radio" value="only_me" checked=!workers />
                        <label class="govuk-label govuk-radios__label" for="share">{t("share-only-me")}</label>
                    </div>
                    <div class="govuk-radios__item">
                        <input class="govuk-radios__input" id="share-2" name="share" type="radio" value="workers" checked=workers />
                        <label class="govuk-label govuk-radios__label" for="share-2">{t("share-workers")}</label>
                    </div>
                </div>
            </fieldset>
        </div>
    }
}

/// A GOV.UK text input for an email address or a phone number, with its inline error.
#[component]
pub fn ContactInput(
    /// The field's `name`, which is also its id.
    name: &'static str,
    #[prop(into)] label: String,
    /// `email` or `tel`.
    kind: &'static str,
    /// What the browser may fill it with (`email`, `tel`), or `off` for someone else's.
    autocomplete: &'static str,
    value: String,
    error: Signal<Option<crate::api::AppError>>,
) -> impl IntoView {
    use crate::ui::shared::form::{ErrorMessage, field_error, with_error};
    let message = field_error(error, name);
    let width = if kind == "tel" {
        "govuk-input govuk-input--width-20"
    } else {
        "govuk-input"
    };
    view! {
        <div class=with_error(message, "govuk-form-group", "govuk-form-group--error")>
            <label class="govuk-label" for=name>{label}</label>
            <ErrorMessage id=format!("{name}-error") message />
            <input
                class=with_error(message, width, "govuk-input--error")
                aria-describedby=move || message.get().map(|_| format!("{name}-error"))
                id=name
                name=name
                type=kind
                autocomplete=autocomplete
                spellcheck="false"
                value=value
            />
        </div>
    }
}

/// A set of checkboxes named `{name}[]`, ticked again as sent after a problem.
#[component]
pub fn Checkboxes(
    name: &'static str,
    legend: &'static str,
    choices: Vec<crate::dto::supervision::Choice>,
    echo: crate::ui::shared::form::FormEcho,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let field = format!("{name}[]");
    let ticked: Vec<String> = echo
        .fields
        .iter()
        .filter(|(n, _)| *n == field)
        .map(|(_, v)| v.clone())
        .collect();
    use crate::ui::shared::form::{ErrorMessage, with_error};
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
