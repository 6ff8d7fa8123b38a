//! GOV.UK form fields shared by the family tools.

use leptos::prelude::*;

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
